/** @file
 * @brief Unicode primitives for analysis: UTF-8, NFC, case and diacritic folding,
 *        canonical Vietnamese tone-mark placement.
 *
 * Folding and tone placement are table lookups built once from ICU's decomposition
 * data: ICU transliterators run at 5-10 MB/s, tables at memory speed.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tracuu::unicode {

/// Byte offset of the first invalid UTF-8 sequence in @p text, or nullopt if it is valid.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

/// @p text with each invalid UTF-8 sequence replaced by U+FFFD.
[[nodiscard]] std::string to_valid_utf8(std::string_view text);

/// Text in legacy or UTF-16 encoding @p charset (an ICU converter name or alias:
/// "windows-1258", "ISO-8859-1", "UTF-16LE") as UTF-8. Returns false, with @p error saying
/// why, when ICU does not know the charset or, unless @p lossy, when a byte sequence is not
/// valid in it (@p lossy puts U+FFFD there instead).
bool convert_to_utf8(std::string_view bytes, const std::string& charset, bool lossy, std::string& out,
                     std::string& error);

/// Decodes one code point at @p pos (which must be valid UTF-8) and advances @p pos.
/// Inline: the tokenizer calls it for every character.
[[nodiscard]] inline char32_t decode_utf8(std::string_view text, std::size_t& pos) noexcept {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
        ++pos;
        return c;
    }
    const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len && pos + k < text.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
    pos += len;
    return cp;
}

/// The start of the character that byte @p pos of UTF-8 @p text is part of: @p pos itself
/// at a character boundary or at the end, else the byte of its lead. Cuts text without
/// cutting a character in two.
[[nodiscard]] inline std::size_t character_start(std::string_view text, std::size_t pos) noexcept {
    while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
    return pos;
}

/// Appends @p cp to @p out as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// NFC form of valid UTF-8 @p text; returns the input unchanged when it is already NFC.
[[nodiscard]] std::string normalize_nfc(std::string_view text);

/// A character NFC leaves alone wherever it stands: combining class 0 and NFC quick check
/// "yes". Text made only of such characters is in NFC (UAX #15 quick check), which lets the
/// tokenizer, which decodes every character anyway, spare a separate pass of ICU's check.
[[nodiscard]] bool is_nfc_inert(char32_t cp) noexcept;

/// Simple (one to one) Unicode case folding.
[[nodiscard]] char32_t fold_case(char32_t cp) noexcept;
/// The same over a UTF-8 text, character by character: "QUẢNG Ninh" -> "quảng ninh".
[[nodiscard]] std::string fold_case(std::string_view text);

/// What the tokenizer needs to know of a character, as flags: whether it makes words, and
/// what tone placement needs (analyzer.cpp places a tone without decoding the syllable
/// again when these settle it).
enum CharTraits : std::uint8_t {
    kWordChar = 1,      ///< A letter, digit or combining mark (is_word_char).
    kToned = 2,         ///< Carries a Vietnamese tone mark, once case-folded.
    kQualityVowel = 4,  ///< ă â ê ô ơ ư, in either case, with or without a tone.
    kHornO = 8,         ///< ơ, in either case, with or without a tone.
    kVietnamese = 16,   ///< is_vietnamese_letter once case-folded: a tone mark, ă â ê ô ơ ư or đ.
    kNfcInert = 32,     ///< is_nfc_inert.
};

/// Appends the case-folded form of @p cp to @p exact and its diacritic-free form to
/// @p folded (nothing for a lone mark); returns its CharTraits.
/// One table lookup: the tokenizer's per-character work.
std::uint8_t append_folded_forms(char32_t cp, std::string& exact, std::string& folded);

/// For a non-ASCII @p cp: appends its forms as append_folded_forms does and returns its
/// CharTraits when it is a word character; appends nothing and returns 0 otherwise. One table
/// lookup for the tokenizer's test and fold.
std::uint8_t append_if_word_char(char32_t cp, std::string& exact, std::string& folded);

/// is_word_char beyond ASCII.
[[nodiscard]] bool is_non_ascii_word_char(char32_t cp) noexcept;

/// Letters, digits and combining marks: what words are made of.
[[nodiscard]] inline bool is_word_char(char32_t cp) noexcept {
    if (cp < 0x80) return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9');
    return is_non_ascii_word_char(cp);
}

/// @p text without the spaces and tabs at either end.
[[nodiscard]] inline std::string_view trim_spaces(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

/// A byte of a word as fold() writes it: a to z, or a digit.
[[nodiscard]] inline bool is_folded_word_char(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/// The is_folded_word_char bytes of folded @p text, in order: "126/nq-cp" -> "126nqcp".
[[nodiscard]] inline std::string folded_word_chars(std::string_view folded) {
    std::string out;
    for (const char c : folded)
        if (is_folded_word_char(c)) out.push_back(c);
    return out;
}

/// Whether folded @p text ends with @p word as whole words: "nghi dinh so" with "so", not "o".
[[nodiscard]] inline bool ends_with_word(std::string_view text, std::string_view word) noexcept {
    if (text.size() < word.size() || text.substr(text.size() - word.size()) != word) return false;
    const std::size_t start = text.size() - word.size();
    return start == 0 || !is_folded_word_char(text[start - 1]);
}

/// True when @p cp carries a Vietnamese tone mark (grave, acute, hook, tilde, dot below).
[[nodiscard]] bool has_tone_mark(char32_t cp) noexcept;

/// The letter without any diacritic: "ệ" -> 'e', "Đ"/"đ" -> 'd'; 0 for a lone combining mark.
/// Case is kept: apply fold_case first for a case-insensitive form.
[[nodiscard]] char32_t strip_diacritics(char32_t cp) noexcept;

/// True when @p cp is a letter carrying a diacritic (so its folded form differs).
[[nodiscard]] bool has_diacritic(char32_t cp) noexcept;

/// True for a Vietnamese-specific letter: one with a tone mark, ă â ê ô ơ ư or đ.
[[nodiscard]] bool is_vietnamese_letter(char32_t cp) noexcept;

/// Lower-cased, diacritics removed, đ -> d: "Nghị Quyết" -> "nghi quyet".
[[nodiscard]] std::string fold(std::string_view text);

/// Moves the tone mark of one lower-case NFC syllable to its canonical vowel,
/// so that "hoà" and "hòa", "thuỷ" and "thủy" become one form (the tone on the
/// first vowel of an open oa/oe/uy, as most Vietnamese press writes). Anything
/// that is not a single well-formed syllable is returned unchanged.
[[nodiscard]] std::string canonical_tone_placement(std::string_view syllable);

/// canonical_tone_placement in place; returns whether @p syllable changed.
bool canonicalize_tone_placement(std::string& syllable);

}  // namespace tracuu::unicode
