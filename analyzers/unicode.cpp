/** @file
 * @brief Unicode primitives: tables built once from ICU, then plain lookups.
 */
#include "analyzers/unicode.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace tracuu::unicode {
namespace {

// Tone marks in the order the tables use; index 0 means "no tone".
constexpr std::array<char32_t, 6> kToneMarks = {0, 0x0300, 0x0301, 0x0303, 0x0309, 0x0323};

// Everything Vietnamese lives below U+2000 (Latin, combining marks, Latin Extended Additional).
constexpr char32_t kTableSize = 0x2000;

const icu::Normalizer2& nfc() {
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot load NFC data");
        return n;
    }();
    return *instance;
}

bool has_quality_mark(char32_t cp) noexcept;

// Letters, digits and combining marks: what words are made of (is_word_char).
bool word_char_from_icu(char32_t cp) noexcept {
    const auto c = static_cast<UChar32>(cp);
    const auto type = u_charType(c);
    return u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool nfc_inert_from_icu(char32_t cp) noexcept {
    const auto c = static_cast<UChar32>(cp);
    return u_getCombiningClass(c) == 0 && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

struct Tables {
    std::array<char32_t, kTableSize> lower{};       // simple case folding
    std::array<char32_t, kTableSize> base{};        // letter without diacritics; 0 for marks
    std::array<char32_t, kTableSize> untoned{};     // letter without its tone mark
    std::array<std::uint8_t, kTableSize> tone{};    // index into kToneMarks
    std::unordered_map<char32_t, char32_t> toned;   // untoned * 8 + tone -> letter
    std::array<std::uint8_t, kTableSize> traits{};  // CharTraits
    std::vector<bool> nfc_inert_bmp;                 // is_nfc_inert below U+10000
    // UTF-8 of lower[cp] and of its base, for append_folded_forms.
    struct Encoded {
        char bytes[4];
        std::uint8_t size;
    };
    std::array<Encoded, kTableSize> lower_utf8{};
    std::array<Encoded, kTableSize> base_utf8{};

    /// Appends the forms of @p cp, below kTableSize (see append_folded_forms); returns its traits.
    std::uint8_t append_forms(char32_t cp, std::string& exact, std::string& folded) const {
        exact.append(lower_utf8[cp].bytes, lower_utf8[cp].size);
        folded.append(base_utf8[cp].bytes, base_utf8[cp].size);
        return traits[cp];
    }

    Tables() {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot load NFD data");
        for (char32_t cp = 0; cp < kTableSize; ++cp) {
            const auto c = static_cast<UChar32>(cp);
            lower[cp] = static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
            base[cp] = cp;
            untoned[cp] = cp;
            if (u_charType(cp) == U_NON_SPACING_MARK) {
                base[cp] = 0;
                continue;
            }
            icu::UnicodeString decomposition;
            if (!nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) continue;
            base[cp] = static_cast<char32_t>(decomposition.char32At(0));
            icu::UnicodeString without_tone;
            for (int32_t i = 0; i < decomposition.length(); i = decomposition.moveIndex32(i, 1)) {
                const auto mark = static_cast<char32_t>(decomposition.char32At(i));
                std::uint8_t t = 0;
                for (std::uint8_t k = 1; k < kToneMarks.size(); ++k)
                    if (kToneMarks[k] == mark) t = k;
                if (t != 0 && tone[cp] == 0) {
                    tone[cp] = t;
                } else {
                    without_tone.append(static_cast<UChar32>(mark));
                }
            }
            if (tone[cp] != 0) {
                const icu::UnicodeString composed = nfc().normalize(without_tone, status);
                if (U_SUCCESS(status) && composed.countChar32() == 1) {
                    untoned[cp] = static_cast<char32_t>(composed.char32At(0));
                    toned.emplace(untoned[cp] * 8 + tone[cp], cp);
                } else {
                    tone[cp] = 0;  // not a single letter plus a tone: leave it alone
                    status = U_ZERO_ERROR;
                }
            }
        }
        // đ has no Unicode decomposition but folds to d everywhere Vietnamese is typed.
        base[0x0110] = U'D';
        base[0x0111] = U'd';
        // Text converted from the legacy Vietnamese encodings (TCVN3, VNI) often writes Đ as
        // the Icelandic eth Ð (U+00D0), which looks the same: "QÐ-UBND", "Nguyễn Ðức". Read
        // as đ, it is found as the same word and the same number; no Vietnamese or English
        // word has an eth of its own.
        lower[0x00D0] = lower[0x00F0] = 0x0111;
        auto encode = [](char32_t cp, Encoded& out) {
            std::string bytes;
            if (cp != 0) append_utf8(bytes, cp);
            out.size = static_cast<std::uint8_t>(bytes.size());
            std::copy(bytes.begin(), bytes.end(), out.bytes);
        };
        nfc_inert_bmp.resize(0x10000);
        for (char32_t cp = 0; cp < 0x10000; ++cp) nfc_inert_bmp[cp] = nfc_inert_from_icu(cp);
        for (char32_t cp = 0; cp < kTableSize; ++cp) {
            // A few letters fold to a case beyond the table (U+023A Ⱥ to U+2C65 ⱥ), which has
            // no diacritic to remove: that case is their folded form too, as on the query side.
            encode(lower[cp], lower_utf8[cp]);
            encode(lower[cp] < kTableSize ? base[lower[cp]] : lower[cp], base_utf8[cp]);
            traits[cp] = static_cast<std::uint8_t>((word_char_from_icu(cp) ? kWordChar : 0) | (nfc_inert_bmp[cp] ? kNfcInert : 0));
            if (lower[cp] >= kTableSize) continue;
            const char32_t letter = untoned[lower[cp]];
            if (tone[lower[cp]] != 0) traits[cp] |= kToned;
            if (has_quality_mark(letter)) traits[cp] |= kQualityVowel;
            if (letter == U'ơ') traits[cp] |= kHornO;
            if ((traits[cp] & (kToned | kQualityVowel)) || lower[cp] == U'đ') traits[cp] |= kVietnamese;
        }
    }
};

const Tables& tables() {
    static const Tables instance;
    return instance;
}

bool is_vowel(char32_t cp) noexcept {
    switch (cp) {
        case U'a': case U'ă': case U'â': case U'e': case U'ê': case U'i':
        case U'o': case U'ô': case U'ơ': case U'u': case U'ư': case U'y':
            return true;
        default:
            return false;
    }
}

bool has_quality_mark(char32_t cp) noexcept {
    switch (cp) {
        case U'ă': case U'â': case U'ê': case U'ô': case U'ơ': case U'ư':
            return true;
        default:
            return false;
    }
}

// Index in [first, last) of the vowel that carries the tone, by the orthographic rules.
std::size_t tone_vowel(const char32_t* s, std::size_t size, std::size_t first, std::size_t last) {
    const std::size_t length = last - first;
    if (length == 1) return first;
    // ươ takes the tone on ơ; otherwise a vowel with a quality mark carries it.
    for (std::size_t i = last; i-- > first;) {
        if (s[i] == U'ơ') return i;
    }
    for (std::size_t i = last; i-- > first;) {
        if (has_quality_mark(s[i])) return i;
    }
    const bool closed = last < size;
    if (closed) return last - 1;  // toán, hoàng, huỳnh
    if (length >= 3) return first + 1;  // ngoài, khuỷu
    const char32_t a = s[first], b = s[first + 1];
    const bool oa_oe_uy = (a == U'o' && (b == U'a' || b == U'e')) || (a == U'u' && b == U'y');
    if (oa_oe_uy) return first;  // hòa, hòe, thủy: the canonical (older) placement
    return first;  // mái, múa, kìa
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        char32_t cp;
        char32_t min;
        if ((c & 0xE0) == 0xC0) {
            len = 2; cp = c & 0x1F; min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3; cp = c & 0x0F; min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4; cp = c & 0x07; min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::nullopt;
}

std::string to_valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const auto bad = find_invalid_utf8(text);
        if (!bad) {
            out.append(text);
            break;
        }
        out.append(text.substr(0, *bad));
        out.append("\xEF\xBF\xBD");  // U+FFFD REPLACEMENT CHARACTER
        text.remove_prefix(*bad + 1);
        while (!text.empty() && (static_cast<unsigned char>(text.front()) & 0xC0) == 0x80) text.remove_prefix(1);
    }
    return out;
}

bool convert_to_utf8(std::string_view bytes, const std::string& charset, bool lossy, std::string& out,
                     std::string& error) {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(charset.c_str(), &status), ucnv_close);
    if (U_FAILURE(status)) {
        error = "unknown charset";
        return false;
    }
    if (!lossy) ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    // At most one UTF-16 unit a byte, and at most two for the few sequences beyond the BMP.
    std::vector<UChar> units(bytes.size() + 2);
    UChar* target = units.data();
    const char* source = bytes.data();
    ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, bytes.data() + bytes.size(),
                   nullptr, true, &status);
    if (U_FAILURE(status)) {
        // The converter stops just past the sequence it could not read.
        error = "invalid byte sequence near byte offset " + std::to_string(source - bytes.data());
        return false;
    }
    out.clear();
    icu::UnicodeString(false, units.data(), static_cast<int32_t>(target - units.data())).toUTF8String(out);
    return true;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string normalize_nfc(std::string_view text) {
    bool ascii = true;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) return std::string(text);
    UErrorCode status = U_ZERO_ERROR;
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    if (nfc().isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
    status = U_ZERO_ERROR;
    std::string out;
    out.reserve(text.size());
    icu::StringByteSink<std::string> sink(&out);
    nfc().normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC normalization failed");
    return out;
}

char32_t fold_case(char32_t cp) noexcept {
    if (cp < 0x80) return (cp >= U'A' && cp <= U'Z') ? cp + 32 : cp;
    if (cp < kTableSize) return tables().lower[cp];
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
}

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) append_utf8(out, fold_case(decode_utf8(text, pos)));
    return out;
}

bool is_non_ascii_word_char(char32_t cp) noexcept {
    return cp < kTableSize ? (tables().traits[cp] & kWordChar) != 0 : word_char_from_icu(cp);
}

std::uint8_t append_folded_forms(char32_t cp, std::string& exact, std::string& folded) {
    if (cp >= kTableSize) {
        const char32_t lower = fold_case(cp);
        append_utf8(exact, lower);
        append_utf8(folded, lower);
        return static_cast<std::uint8_t>((is_non_ascii_word_char(cp) ? kWordChar : 0) | (is_nfc_inert(cp) ? kNfcInert : 0));
    }
    return tables().append_forms(cp, exact, folded);
}

std::uint8_t append_if_word_char(char32_t cp, std::string& exact, std::string& folded) {
    if (cp >= kTableSize) return is_non_ascii_word_char(cp) ? append_folded_forms(cp, exact, folded) : 0;
    const Tables& t = tables();
    if (!(t.traits[cp] & kWordChar)) return 0;
    return t.append_forms(cp, exact, folded);
}

bool is_nfc_inert(char32_t cp) noexcept {
    return cp < 0x10000 ? tables().nfc_inert_bmp[cp] : nfc_inert_from_icu(cp);
}

bool has_tone_mark(char32_t cp) noexcept { return cp < kTableSize && tables().tone[cp] != 0; }

char32_t strip_diacritics(char32_t cp) noexcept {
    return cp < kTableSize ? tables().base[cp] : cp;
}

bool has_diacritic(char32_t cp) noexcept {
    return cp < kTableSize && cp >= 0x80 && tables().base[cp] != cp && tables().base[cp] != 0;
}

bool is_vietnamese_letter(char32_t cp) noexcept {
    if (cp < 0x80 || cp >= kTableSize) return false;
    if (tables().tone[cp] != 0) return true;
    const char32_t lower = fold_case(cp);
    return has_quality_mark(lower) || lower == U'đ';
}

std::string fold(std::string_view text) {
    // strip_diacritics(fold_case(cp)) for each character, from the tokenizer's table below
    // kTableSize: metadata rules fold every short line of every document.
    const Tables& t = tables();
    // Written through a pointer into room for the longest result: no character's folded form
    // is longer than the character itself, but for a few of 2 bytes that fold to 3 (Ⱥ to ⱥ).
    std::string out(text.size() * 3 / 2 + 4, '\0');
    char* to = out.data();
    for (std::size_t pos = 0; pos < text.size();) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            if (byte != 0) *to++ = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
            ++pos;
            continue;
        }
        const char32_t cp = decode_utf8(text, pos);
        if (cp < kTableSize) {
            for (std::uint8_t i = 0; i < t.base_utf8[cp].size; ++i) *to++ = t.base_utf8[cp].bytes[i];
            continue;
        }
        // Beyond the table, case folding may come back into it (U+212B Å to å, then a).
        const char32_t base = strip_diacritics(fold_case(cp));
        if (base == 0) continue;
        std::string bytes;
        append_utf8(bytes, base);
        for (const char c : bytes) *to++ = c;
    }
    out.resize(static_cast<std::size_t>(to - out.data()));
    return out;
}

bool canonicalize_tone_placement(std::string& syllable) {
    const Tables& t = tables();
    constexpr std::size_t kMaxLetters = 16;  // longer runs are not syllables
    std::array<char32_t, kMaxLetters> s{};
    std::size_t n = 0;
    std::uint8_t tone = 0;
    std::size_t toned_at = 0;
    for (std::size_t pos = 0; pos < syllable.size();) {
        if (n == kMaxLetters) return false;
        char32_t cp = decode_utf8(syllable, pos);
        if (cp < kTableSize && t.tone[cp] != 0) {
            if (tone != 0) return false;  // two tones: not one syllable
            tone = t.tone[cp];
            toned_at = n;
            cp = t.untoned[cp];
        }
        s[n++] = cp;
    }
    if (tone == 0) return false;

    std::size_t first = 0;
    while (first < n && !is_vowel(s[first])) ++first;
    if (first == n) return false;
    // "qu" and "gi" (before another vowel) are consonants: quý, giá.
    if (first > 0 && first + 1 < n && is_vowel(s[first + 1]) &&
        ((s[first] == U'u' && s[first - 1] == U'q') || (s[first] == U'i' && s[first - 1] == U'g')))
        ++first;
    std::size_t last = first;
    while (last < n && is_vowel(s[last])) ++last;
    for (std::size_t i = last; i < n; ++i)
        if (is_vowel(s[i])) return false;  // a second vowel group

    const std::size_t target = tone_vowel(s.data(), n, first, last);
    if (target == toned_at) return false;  // already canonical: the common case
    const auto it = t.toned.find(s[target] * 8 + tone);
    if (it == t.toned.end()) return false;
    s[target] = it->second;
    std::string out;
    out.reserve(syllable.size());
    for (std::size_t i = 0; i < n; ++i) append_utf8(out, s[i]);
    syllable.swap(out);
    return true;
}

std::string canonical_tone_placement(std::string_view syllable) {
    std::string out(syllable);
    canonicalize_tone_placement(out);
    return out;
}

}  // namespace tracuu::unicode
