/** @file
 * @brief Vietnamese typed in the legacy font encodings, TCVN3 and VNI, back to Unicode.
 *
 * Before Unicode, Vietnamese offices typed with 8-bit fonts: TCVN3 (".VnTime", the national
 * standard, most legal documents into the 2000s) and VNI ("VNI-Times"). A .docx, a PDF or a
 * web page made with them holds the Latin-1 letters those fonts drew as Vietnamese ones:
 * "NghÞ quyÕt sè 126/NQ-CP" (TCVN3) or "Nghò quyeát soá 126/NQ-CP" (VNI) for "Nghị quyết số
 * 126/NQ-CP", which no query finds. No library reads them as text: glibc's iconv knows TCVN3
 * as a byte encoding (its table is the one used here), ICU neither; none tells such a line
 * from Latin-1 text, which is what this does, line by line, by which reading gives
 * Vietnamese syllables.
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tracuu {

/// The legacy encodings recognized.
enum class LegacyFont { tcvn3, vni };

/// A text with its lines in a legacy font encoding converted.
struct LegacyFontRepair {
    std::string text;
    std::size_t lines = 0;  ///< Lines converted.
    LegacyFont font = LegacyFont::tcvn3;  ///< The encoding of most of them.
};

/// How much a text must show of a legacy font for a line of it to be converted.
struct LegacyEvidence {
    /// Words of the line that are Vietnamese syllables only when read in the font. A query,
    /// a few words pasted, may show one ("Nghò quyeát": "Nghò" is a syllable as written).
    std::size_t words = 2;
    /// The rest of the document was converted (a title, an author): one word is enough, and
    /// a line of words that read as other syllables is converted too.
    bool legacy_document = false;
};

/// @p text (valid UTF-8) with each line that reads as Vietnamese in TCVN3 or VNI, and not as
/// written, converted to Unicode (NFC); nullopt when no line does. A line is converted when
/// at least @p evidence.words of its words are Vietnamese syllables only when read so (one, in
/// a text that has five such words), and more of them gain than lose by it; within it, a word
/// that is a syllable as written and would be none read so stays. Words in capitals stay in
/// capitals ("NGHÞ QUYÕT", from the capitals font .VnTimeH, is "NGHỊ QUYẾT").
[[nodiscard]] std::optional<LegacyFontRepair> from_legacy_fonts(std::string_view text, LegacyEvidence evidence = {});

/// "TCVN3" or "VNI".
[[nodiscard]] std::string_view legacy_font_name(LegacyFont font);

/// The legacy encoding in which @p bytes, which are not UTF-8, read as Vietnamese:
/// "windows-1258" (the code page of Vietnamese Windows, which Notepad saved "ANSI" files in),
/// "TCVN3" or "VNI"; "" when none does (at least five words with Vietnamese letters, nine in
/// ten of them syllables). For telling whoever gave such a file how to convert it.
[[nodiscard]] std::string legacy_vietnamese_encoding(std::string_view bytes);

}  // namespace tracuu
