#include "analyzers/legacy_fonts.hpp"

#include "analyzers/analyzer.hpp"
#include "analyzers/dictionary.hpp"
#include "analyzers/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <iconv.h>
#include <vector>

namespace tracuu {
namespace {

// The Latin-1 range the legacy fonts drew Vietnamese letters in (U+00A0, the no-break
// space, is a space in every one).
constexpr char32_t kFirstLegacy = 0xA1, kLastLegacy = 0xFF;

bool in_legacy_range(char32_t cp) { return cp >= kFirstLegacy && cp <= kLastLegacy; }

// TCVN3's letters, byte by byte, as glibc's iconv reads TCVN 5712 (whose third level, VN3,
// is what the ABC fonts implement); "" where it gives no letter, or iconv lacks the table.
const std::array<std::string, kLastLegacy - kFirstLegacy + 1>& tcvn3_letters() {
    static const auto table = [] {
        std::array<std::string, kLastLegacy - kFirstLegacy + 1> letters;
        const iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
        if (cd == reinterpret_cast<iconv_t>(-1)) return letters;
        for (char32_t cp = kFirstLegacy; cp <= kLastLegacy; ++cp) {
            char in = static_cast<char>(cp);
            std::array<char, 8> out{};
            char* in_ptr = &in;
            char* out_ptr = out.data();
            std::size_t in_left = 1, out_left = out.size();
            iconv(cd, nullptr, nullptr, nullptr, nullptr);  // no state carried from the last byte
            if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) continue;
            // A letter that a combining mark may follow is held back until the input ends.
            if (iconv(cd, nullptr, nullptr, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) continue;
            std::string letter(out.data(), out.size() - out_left);
            std::size_t pos = 0;
            if (!letter.empty() && u_isalpha(static_cast<UChar32>(unicode::decode_utf8(letter, pos))) && pos == letter.size())
                letters[cp - kFirstLegacy] = std::move(letter);
        }
        iconv_close(cd);
        return letters;
    }();
    return table;
}

std::string decode_tcvn3(std::string_view word) {
    const auto& letters = tcvn3_letters();
    std::string out;
    for (std::size_t pos = 0; pos < word.size();) {
        const std::size_t start = pos;
        const char32_t cp = unicode::decode_utf8(word, pos);
        if (in_legacy_range(cp) && !letters[cp - kFirstLegacy].empty()) out += letters[cp - kFirstLegacy];
        else out.append(word, start, pos - start);
    }
    return out;
}

// VNI writes a letter as its base letter and, after a vowel, one Latin-1 letter for its
// marks: "aù" á, "aâ" â, "aá" ấ, "aê" ă, "aé" ắ; ơ, ư, đ and the i's with a tone (and ỵ) are
// letters of their own.
constexpr char32_t kAcute = 0x301, kGrave = 0x300, kHook = 0x309, kTilde = 0x303, kDotBelow = 0x323;
constexpr char32_t kCircumflex = 0x302, kBreve = 0x306;

char32_t lower(char32_t cp) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))); }

// The marks a VNI modifier letter adds after @p base (lower case), or {} when it adds none there.
std::array<char32_t, 2> vni_marks(char32_t base, char32_t modifier) {
    const char32_t m = lower(modifier);
    const bool vowel = base == 'a' || base == 'e' || base == 'o' || base == 'u' || base == 'y' || base == 0x1A1 || base == 0x1B0;
    if (!vowel) return {};
    switch (m) {
    case 0xF9: return {kAcute, 0};     // ù
    case 0xF8: return {kGrave, 0};     // ø
    case 0xFB: return {kHook, 0};      // û
    case 0xF5: return {kTilde, 0};     // õ
    case 0xEF: return {kDotBelow, 0};  // ï
    default: break;
    }
    if (base == 'a' || base == 'e' || base == 'o') {
        switch (m) {
        case 0xE2: return {kCircumflex, 0};          // â
        case 0xE1: return {kCircumflex, kAcute};     // á
        case 0xE0: return {kCircumflex, kGrave};     // à
        case 0xE5: return {kCircumflex, kHook};      // å
        case 0xE3: return {kCircumflex, kTilde};     // ã
        case 0xE4: return {kCircumflex, kDotBelow};  // ä
        default: break;
        }
    }
    if (base == 'a') {
        switch (m) {
        case 0xEA: return {kBreve, 0};          // ê
        case 0xE9: return {kBreve, kAcute};     // é
        case 0xE8: return {kBreve, kGrave};     // è
        case 0xFA: return {kBreve, kHook};      // ú
        case 0xFC: return {kBreve, kTilde};     // ü
        case 0xEB: return {kBreve, kDotBelow};  // ë
        default: break;
        }
    }
    return {};
}

// VNI's letters of their own, in lower case: ơ, ư, đ, ỉ, ĩ, ị, ỵ.
char32_t vni_letter(char32_t lower_cp) {
    switch (lower_cp) {
    case 0xF4: return 0x1A1;   // ô: ơ
    case 0xF6: return 0x1B0;   // ö: ư
    case 0xF1: return 0x111;   // ñ: đ
    case 0xE6: return 0x1EC9;  // æ: ỉ
    case 0xF3: return 0x129;   // ó: ĩ
    case 0xF2: return 0x1ECB;  // ò: ị
    case 0xEE: return 0x1EF5;  // î: ỵ
    default: return 0;
    }
}

std::string decode_vni(std::string_view word) {
    std::string out;
    char32_t base = 0;  // the vowel last written, lower case, still without its marks
    for (std::size_t pos = 0; pos < word.size();) {
        const std::size_t start = pos;
        const char32_t cp = unicode::decode_utf8(word, pos);
        if (in_legacy_range(cp)) {
            if (const auto marks = vni_marks(base, cp); marks[0] != 0) {
                for (const char32_t mark : marks)
                    if (mark != 0) unicode::append_utf8(out, mark);
                base = 0;
                continue;
            }
            if (const char32_t letter = vni_letter(lower(cp)); letter != 0) {
                const bool capital = lower(cp) != cp;
                unicode::append_utf8(out, capital ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(letter))) : letter);
                base = letter;
                continue;
            }
        }
        out.append(word, start, pos - start);
        base = cp < 0x80 ? lower(cp) : 0;
    }
    return unicode::normalize_nfc(out);
}

// Whether @p cp, decomposed, has the combining mark @p mark ("ấ": â and an acute).
bool has_mark(char32_t cp, char32_t mark) {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* const nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposition;
    if (nfd == nullptr || !nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) return false;
    return decomposition.indexOf(static_cast<UChar32>(mark)) >= 0;
}

// Whether @p word (NFC) is one Vietnamese syllable as written: Vietnamese letters only, one
// tone mark at most, an onset and a rhyme the language has, after a final p, t, c or ch only
// the rising or the heavy tone ("ốc", not "ôc"), and never ending in ă or â ("ngằ" is none).
bool is_syllable(std::string_view word) {
    const std::string lower_case = unicode::fold_case(word);
    int tones = 0;
    char32_t toned = 0, last = 0;
    for (std::size_t pos = 0; pos < lower_case.size();) {
        const char32_t cp = unicode::decode_utf8(lower_case, pos);
        last = cp;
        if (cp >= 'a' && cp <= 'z') continue;
        if (!unicode::is_vietnamese_letter(cp)) return false;
        if (unicode::has_tone_mark(cp)) {
            if (++tones > 1) return false;
            toned = cp;
        }
    }
    const std::string folded = unicode::fold(lower_case);
    if (!may_be_vietnamese_syllable(folded)) return false;
    if (unicode::strip_diacritics(last) == 'a' && (has_mark(last, kBreve) || has_mark(last, kCircumflex))) return false;
    const bool stop = folded.ends_with('p') || folded.ends_with('t') || folded.ends_with('c') || folded.ends_with("ch");
    return !stop || (toned != 0 && (has_mark(toned, kAcute) || has_mark(toned, kDotBelow)));
}

// A character of a word in a legacy line: a letter or a mark, and every Latin-1 character
// the fonts drew a letter with (their "«", "·" and "­" are ô, ã and ư).
bool is_legacy_word_char(char32_t cp) {
    return in_legacy_range(cp) || (unicode::is_word_char(cp) && !(cp >= '0' && cp <= '9'));
}

// Latin-1 that Vietnamese in Unicode does not use: a sign that a line may be in a legacy font.
bool is_legacy_sign(char32_t cp) { return in_legacy_range(cp) && !unicode::is_vietnamese_letter(cp); }

std::string decode(LegacyFont font, std::string_view word) { return font == LegacyFont::tcvn3 ? decode_tcvn3(word) : decode_vni(word); }

// Whether @p text is written in capitals: two or more, and no small letter.
bool in_capitals(std::string_view text) {
    std::size_t capitals = 0;
    for (const char c : text) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++capitals;
    }
    return capitals >= 2;
}

// A VNI modifier letter: one that adds marks after a vowel (after a, every kind adds some).
bool is_vni_modifier(char32_t cp) { return vni_marks('a', cp)[0] != 0; }

// Whether @p word bears a mark of @p font that Vietnamese in Unicode never makes, so that its
// reading counts as evidence: for TCVN3 a Latin-1 character no Vietnamese letter is ("Þ",
// "µ", "®"), a capital after a small letter ("quyÕt"), or any in a word in capitals (the
// capitals font drew small letters' codes: "QUYÕT"); for VNI a vowel followed by a modifier
// letter ("quyeát") or a letter only VNI writes ("ñ", "ö"). A word typed with diacritics left
// out ("môt", "tôt") bears none.
bool bears_mark_of(LegacyFont font, std::string_view word) {
    if (font == LegacyFont::tcvn3 && in_capitals(word)) return true;  // the words read hold a Latin-1 letter
    char32_t before = 0;
    for (std::size_t pos = 0; pos < word.size();) {
        const char32_t cp = unicode::decode_utf8(word, pos);
        if (font == LegacyFont::tcvn3) {
            if (in_legacy_range(cp) && !unicode::is_vietnamese_letter(cp)) return true;
            if (in_legacy_range(cp) && u_isupper(static_cast<UChar32>(cp)) && before != 0 && u_islower(static_cast<UChar32>(before)))
                return true;
        } else if (in_legacy_range(cp)) {
            const char32_t base = lower(before);
            const bool after_vowel = base == 'a' || base == 'e' || base == 'o' || base == 'u' || base == 'y';
            if ((after_vowel && is_vni_modifier(cp)) || vni_letter(lower(cp)) != 0) return true;
        }
        before = cp;
    }
    return false;
}

// @p decoded in capitals when @p written, or its whole line, is: the capitals fonts
// (.VnTimeH) drew capitals with the small letters' codes ("X·" in "CéNG HOµ X· HéI").
std::string cased_as(std::string_view written, bool capitals_line, std::string decoded) {
    if (!capitals_line && !in_capitals(written)) return decoded;
    std::string out;
    for (std::size_t pos = 0; pos < decoded.size();)
        unicode::append_utf8(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(unicode::decode_utf8(decoded, pos)))));
    return out;
}

struct Word {
    std::size_t begin, end;
    bool legacy;  // holds a legacy-range character: the only words a font changes
};

// The words of @p line: runs of letters, marks and legacy-range characters (digits cut them).
std::vector<Word> line_words(std::string_view line) {
    std::vector<Word> words;
    std::size_t begin = 0;
    bool in_word = false, legacy = false;
    const auto close = [&](std::size_t end) {
        if (in_word) words.push_back({begin, end, legacy});
        in_word = legacy = false;
    };
    for (std::size_t pos = 0; pos < line.size();) {
        const std::size_t start = pos;
        const char32_t cp = unicode::decode_utf8(line, pos);
        if (!is_legacy_word_char(cp)) {
            close(start);
            continue;
        }
        if (!in_word) {
            in_word = true;
            begin = start;
        }
        legacy = legacy || in_legacy_range(cp);
    }
    close(line.size());
    return words;
}

std::vector<Word> legacy_words(std::string_view line) {
    std::vector<Word> words = line_words(line);
    std::erase_if(words, [](const Word& word) { return !word.legacy; });
    return words;
}

// TCVN3's ư is the soft hyphen, which some programs drop as invisible ("ng­êi" reaches us
// as "ngêi", người as "ngời"). Where it went missing before ơ, the syllable tells: ơ before
// ng, c or u is always ươ ("trờng": "trường"); before i, m, n, p or t it may be either
// ("ngời", "người"), and the word a neighbour makes with it in the dictionary decides, else
// how much more common the dictionary's words say one syllable is than the other.
constexpr std::array<char32_t, 6> kHornedO = {0x1A1, 0x1EDB, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EE3};  // ơ ớ ờ ở ỡ ợ

enum class LostUHorn { none, certain, vowelless, possible };

// Words of the dictionary a vowelless word's syllable with ư must be in: "tư", "như", "nhưng",
// not "xư" or "mư" ("x", "m": a sign, a unit).
constexpr std::size_t kVowellessWords = 5;

// How many times more of the dictionary's words one syllable must be in to be taken for the
// other, with no neighbour to decide: "người" (80) for "ngời" (3); not "mười" for "mời".
constexpr std::size_t kMoreCommon = 4;

bool is_vowel(char32_t cp) {
    const char32_t base = unicode::strip_diacritics(lower(cp));
    return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

// Bytes of the onset @p word (lower case) opens with: the longest of Vietnamese's initial
// consonants ("ngh", "nh", "tr", "gi" before a vowel, đ), 0 for none.
std::size_t onset_bytes(std::string_view word) {
    const auto vowel_at = [&](std::size_t pos) { return pos < word.size() && is_vowel(unicode::decode_utf8(word, pos)); };
    for (const std::string_view onset : {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu"})
        if (word.starts_with(onset) && (onset != "gi" || vowel_at(2))) return onset.size();  // "gia", not "gìn"
    if (word.starts_with("\u0111")) return 2;  // đ
    return !word.empty() && word[0] >= 'a' && word[0] <= 'z' && !is_vowel(static_cast<unsigned char>(word[0])) ? 1 : 0;
}

// Where ư may have gone missing in @p word (decoded, NFC): the byte offset it goes at, and how
// sure. Only a toneless ư is the soft hyphen (TCVN3 has a byte for each toned one), so: before
// ơ ("trờng", "ngời"); after the onset of a word without a vowel ("nh", "nhng", "t": như,
// nhưng, tư); or before the a or u that ends a toneless word ("lu", "cha": lưu, chưa, maybe).
std::pair<std::size_t, LostUHorn> lost_u_horn(std::string_view word) {
    const std::string lower_case = unicode::fold_case(word);
    const std::size_t onset = onset_bytes(lower_case);
    bool vowel = false, toned = false;
    for (std::size_t pos = 0; pos < lower_case.size();) {
        const std::size_t start = pos;
        const char32_t cp = unicode::decode_utf8(lower_case, pos);
        if (!((cp >= 'a' && cp <= 'z') || cp == 0x111 || is_vowel(cp))) return {0, LostUHorn::none};
        toned = toned || unicode::has_tone_mark(cp);
        if (std::find(kHornedO.begin(), kHornedO.end(), cp) != kHornedO.end()) {
            if (vowel) return {0, LostUHorn::none};  // "thuở", "khươ"
            const std::string rest = unicode::fold(std::string_view(lower_case).substr(pos));
            if (rest.starts_with("ng") || rest == "c" || rest == "u") return {start, LostUHorn::certain};
            if (rest == "i" || rest == "m" || rest == "n" || rest == "p" || rest == "t") return {start, LostUHorn::possible};
            return {0, LostUHorn::none};
        }
        if (is_vowel(cp) && start >= onset) vowel = true;
    }
    // No vowel: ư after the onset, where it ends the word or comes before ng (a toneless ư
    // takes no other ending), and the syllable is one of many words ("t": tư; not "x": xư).
    if (!vowel) {
        const std::string_view rest = std::string_view(lower_case).substr(onset);
        if (onset == 0 || !(rest.empty() || rest == "ng")) return {0, LostUHorn::none};
        return {onset, LostUHorn::vowelless};
    }
    const std::string_view rest = std::string_view(lower_case).substr(onset);
    if (!toned && (rest == "a" || rest == "u")) return {onset, LostUHorn::possible};
    return {0, LostUHorn::none};
}

// @p syllable (NFC) as the dictionary writes it: case-folded, its tone where the dictionary puts it.
std::string dictionary_form(std::string_view syllable) { return unicode::canonical_tone_placement(unicode::fold_case(syllable)); }

// Whether the dictionary has @p first and @p second (NFC) as one word of two syllables.
bool make_a_word(std::string_view first, std::string_view second) {
    if (first.empty() || second.empty()) return false;
    const std::string words = dictionary_form(first) + " " + dictionary_form(second);
    return (WordDictionary::builtin().exact(WordDictionary::hash_words(words, ' ')) & WordDictionary::kWord) != 0;
}

// @p first, ư and @p second: Ư where the two are in capitals.
std::string with_u_horn(std::string_view first, std::string_view second) {
    std::string joined(first);
    unicode::append_utf8(joined, in_capitals(std::string(first).append(second)) ? 0x1AF : 0x1B0);  // Ư, ư
    joined += second;
    return joined;
}

// Whether the word at [@p begin, @p end) of @p line stands among words: not beside a digit or
// in a code, a unit, an abbreviation or a list mark ("4g", "x-class", "km/h", "l.d.m", "b)");
// a word of one letter only between spaces, or before a comma, a colon or a semicolon.
bool stands_alone(std::string_view line, std::size_t begin, std::size_t end) {
    const auto joins = [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '/' || c == ')' || c == '(' || c == '_' || c == '+' || c == '&' || c == '@' || c == '.';
    };
    const bool one_letter = end - begin == 1;
    const char before = begin == 0 ? ' ' : line[begin - 1], after = end == line.size() ? ' ' : line[end];
    if (one_letter) return before == ' ' && (after == ' ' || after == ',' || after == ':' || after == ';');
    return !joins(before) && (!joins(after) || (after == '.' && (end + 1 == line.size() || line[end + 1] == ' ')));
}

// The decoded words of a TCVN3 line (spans @p spans of @p line), of a text that lost its soft
// hyphens, with the ư each lost put back where the syllable or the dictionary says it was.
void restore_lost_u_horns(std::vector<std::string>& words, std::string_view line, const std::vector<Word>& spans) {
    const WordDictionary& dictionary = WordDictionary::builtin();
    const auto in_words = [&](const std::string& word) { return dictionary.words_with_syllable(dictionary_form(word)); };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto [at, lost] = lost_u_horn(words[i]);
        if (lost == LostUHorn::none) continue;
        std::string restored = with_u_horn(std::string_view(words[i]).substr(0, at), std::string_view(words[i]).substr(at));
        if (!is_syllable(restored)) continue;
        if (lost != LostUHorn::certain && !stands_alone(line, spans[i].begin, spans[i].end)) continue;
        if (lost == LostUHorn::vowelless && in_words(restored) < kVowellessWords) continue;
        if (lost == LostUHorn::possible) {
            const std::string_view before = i > 0 ? std::string_view(words[i - 1]) : std::string_view();
            const std::string_view after = i + 1 < words.size() ? std::string_view(words[i + 1]) : std::string_view();
            const bool restored_makes_word = make_a_word(before, restored) || make_a_word(restored, after);
            const bool written_makes_word = make_a_word(before, words[i]) || make_a_word(words[i], after);
            if (written_makes_word && !restored_makes_word) continue;
            if (restored_makes_word == written_makes_word && in_words(restored) <= kMoreCommon * in_words(words[i])) continue;
        }
        words[i] = std::move(restored);
    }
}

// @p first, ư and @p second as one syllable, where they make one and are not syllables
// already ("ng", "ời": "người"; "nh", "": "như"; not "Thiên", "Huế"); "" otherwise.
std::string joined_by_u_horn(const std::string& first, const std::string& second) {
    if ((first.empty() || is_syllable(first)) && (second.empty() || is_syllable(second))) return {};
    std::string joined = with_u_horn(first, second);
    return is_syllable(joined) ? joined : std::string();
}

// A TCVN3 line's words (@p words, spans of @p line, and @p text, decoded) with each hyphen that
// stands for ư, as a PDF can give the soft hyphen, made ư: between two pieces of one syllable
// ("ng-êi": người), after one ("nh- vËy": như vậy) or before one ("-íc": ước).
void hyphens_as_u_horns(std::string_view line, std::vector<Word>& words, std::vector<std::string>& text) {
    const auto is_letter_at = [&](std::size_t pos) {
        return pos < line.size() && is_legacy_word_char(unicode::decode_utf8(line, pos));
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::size_t end = words[w].end;
        if (end < line.size() && line[end] == '-') {
            if (w + 1 < words.size() && words[w + 1].begin == end + 1) {
                if (std::string joined = joined_by_u_horn(text[w], text[w + 1]); !joined.empty()) {
                    text[w] = std::move(joined);
                    words[w].end = words[w + 1].end;
                    words.erase(words.begin() + static_cast<std::ptrdiff_t>(w + 1));
                    text.erase(text.begin() + static_cast<std::ptrdiff_t>(w + 1));
                }
                continue;
            }
            // Not in a code ("WR-V-"): the word stands on its own before the hyphen.
            const char after = end + 1 < line.size() ? line[end + 1] : ' ';
            const char before = words[w].begin > 0 ? line[words[w].begin - 1] : ' ';
            if (!is_letter_at(end + 1) && std::string_view(" ,.;:!?)\"").find(after) != std::string_view::npos &&
                std::string_view(" (\"").find(before) != std::string_view::npos)
                if (std::string joined = joined_by_u_horn(text[w], {}); !joined.empty()) {
                    text[w] = std::move(joined);
                    words[w].end = end + 1;
                    continue;
                }
        }
        const std::size_t begin = words[w].begin;
        if (begin > 0 && line[begin - 1] == '-' && (begin == 1 || line[begin - 2] == ' '))
            if (std::string joined = joined_by_u_horn({}, text[w]); !joined.empty()) {
                text[w] = std::move(joined);
                words[w].begin = begin - 1;
            }
    }
}

// How reading a line in a font fares: words that become syllables, syllables that stop being
// ones, and syllables that become other syllables ("Sè": "Số").
struct Reading {
    std::size_t gained = 0, lost = 0, changed = 0;
};

struct LineReadings {
    std::size_t begin, end;
    std::array<Reading, 2> by_font;  // tcvn3, vni
};

constexpr std::array<LegacyFont, 2> kFonts = {LegacyFont::tcvn3, LegacyFont::vni};
// Words read as syllables in a legacy font, in a whole text, from which on it is a legacy
// text: one such word makes a line one, and so does a syllable that reads as another.
constexpr std::size_t kLegacyText = 5;

LineReadings read_line(std::string_view text, std::size_t begin, std::size_t end) {
    LineReadings readings{begin, end, {}};
    const std::string_view line = text.substr(begin, end - begin);
    for (const Word& word : legacy_words(line)) {
        const std::string_view written = line.substr(word.begin, word.end - word.begin);
        // One character is no evidence: "½", "·" and "©" read as TCVN3 are vowels.
        if (unicode::character_start(written, written.size() - 1) == 0) continue;
        const bool syllable = is_syllable(written);
        for (std::size_t f = 0; f < kFonts.size(); ++f) {
            const std::string decoded = decode(kFonts[f], written);
            const bool read_as_syllable = is_syllable(decoded);
            Reading& reading = readings.by_font[f];
            if (read_as_syllable && !syllable && bears_mark_of(kFonts[f], written)) ++reading.gained;
            else if (syllable && !read_as_syllable) ++reading.lost;
            else if (syllable && decoded != written) ++reading.changed;
        }
    }
    return readings;
}

// What a line holds of the legacy range: nothing, letters Vietnamese in Unicode has too, or a
// sign (is_legacy_sign). One pass: every line of every document is looked at.
enum class LegacyCharacters { none, letters, sign };

LegacyCharacters legacy_characters(std::string_view line) {
    LegacyCharacters found = LegacyCharacters::none;
    for (std::size_t pos = 0; pos < line.size();) {
        const char32_t cp = unicode::decode_utf8(line, pos);
        if (!in_legacy_range(cp)) continue;
        if (is_legacy_sign(cp)) return LegacyCharacters::sign;
        found = LegacyCharacters::letters;
    }
    return found;
}

}  // namespace

std::string_view legacy_font_name(LegacyFont font) { return font == LegacyFont::tcvn3 ? "TCVN3" : "VNI"; }

std::optional<LegacyFontRepair> from_legacy_fonts(std::string_view text, LegacyEvidence evidence) {
    // The lines with a character Vietnamese in Unicode does not use, and what each font makes
    // of their words: in a text in Unicode they are few, and the rest is not looked at.
    std::vector<std::pair<std::size_t, std::size_t>> unsigned_lines;  // with legacy-range letters only
    std::vector<LineReadings> lines;
    std::array<std::size_t, 2> gained_in_text{};
    for (std::size_t begin = 0; begin < text.size();) {
        const std::size_t end = std::min(text.find('\n', begin), text.size());
        const LegacyCharacters found = legacy_characters(text.substr(begin, end - begin));
        if (found == LegacyCharacters::sign) {
            lines.push_back(read_line(text, begin, end));
            for (std::size_t f = 0; f < kFonts.size(); ++f) gained_in_text[f] += lines.back().by_font[f].gained;
        } else if (found == LegacyCharacters::letters) {
            unsigned_lines.emplace_back(begin, end);
        }
        begin = end + 1;
    }
    const std::size_t dominant = gained_in_text[1] > gained_in_text[0] ? 1 : 0;
    const bool legacy_text = evidence.legacy_document || gained_in_text[dominant] >= kLegacyText;
    // A legacy text's lines of letters Unicode has too ("Sè 5", "Sè" for "Số") are its own; a
    // few words pasted may be VNI of such letters only ("Nghò quyeát").
    if ((legacy_text || evidence.words < 2) && !unsigned_lines.empty()) {
        for (const auto& [begin, end] : unsigned_lines) lines.push_back(read_line(text, begin, end));
        std::sort(lines.begin(), lines.end(), [](const LineReadings& a, const LineReadings& b) { return a.begin < b.begin; });
    }

    // Then the lines a font reads better, converted word by word.
    struct Converted {
        const LineReadings* readings;
        std::string_view line;  // as written
        LegacyFont font;
        std::vector<Word> words;
        std::vector<std::string> text;  // each word, converted
    };
    std::vector<Converted> converted;
    for (const LineReadings& readings : lines) {
        std::size_t font = dominant;
        for (std::size_t f = 0; f < kFonts.size(); ++f)
            if (readings.by_font[f].gained > readings.by_font[font].gained) font = f;
        const Reading& reading = readings.by_font[font];
        const bool shown = reading.gained >= (legacy_text ? 1 : evidence.words) && reading.gained > reading.lost;
        const bool in_legacy_text = legacy_text && reading.gained >= reading.lost && reading.gained + reading.changed > 0;
        if (!shown && !in_legacy_text) continue;
        const std::string_view line = text.substr(readings.begin, readings.end - readings.begin);
        const bool capitals_line = in_capitals(line);
        Converted& out = converted.emplace_back(Converted{&readings, line, kFonts[font], line_words(line), {}});
        for (const Word& word : out.words) {
            const std::string_view written = line.substr(word.begin, word.end - word.begin);
            std::string decoded = word.legacy ? decode(out.font, written) : std::string(written);
            if (word.legacy && is_syllable(written) && !is_syllable(decoded)) decoded = written;
            out.text.push_back(cased_as(written, capitals_line && word.legacy, std::move(decoded)));
        }
        if (out.font == LegacyFont::tcvn3) hyphens_as_u_horns(line, out.words, out.text);
    }
    // A TCVN3 text without a soft hyphen, whose words show they lost theirs, gets its ư back.
    const auto surely_lost_u_horn = [](const Converted& line) {
        return line.font == LegacyFont::tcvn3 && std::any_of(line.text.begin(), line.text.end(), [](const std::string& word) {
                   return lost_u_horn(word).second == LostUHorn::certain;
               });
    };
    if (text.find("\u00AD") == std::string_view::npos && std::any_of(converted.begin(), converted.end(), surely_lost_u_horn))
        for (Converted& line : converted)
            if (line.font == LegacyFont::tcvn3) restore_lost_u_horns(line.text, line.line, line.words);

    LegacyFontRepair repair;
    std::array<std::size_t, 2> lines_by_font{};
    std::size_t copied = 0;
    for (const Converted& line : converted) {
        repair.text.append(text, copied, line.readings->begin - copied);
        std::size_t in_line = 0;
        for (std::size_t w = 0; w < line.words.size(); ++w) {
            repair.text.append(line.line, in_line, line.words[w].begin - in_line);
            repair.text += line.text[w];
            in_line = line.words[w].end;
        }
        repair.text.append(line.line, in_line, std::string_view::npos);
        copied = line.readings->end;
        ++repair.lines;
        ++lines_by_font[line.font == LegacyFont::vni ? 1 : 0];
    }
    if (repair.lines == 0) return std::nullopt;
    repair.text.append(text, copied, std::string_view::npos);
    repair.font = lines_by_font[1] > lines_by_font[0] ? LegacyFont::vni : LegacyFont::tcvn3;
    return repair;
}

namespace {

// Of the words of @p text (NFC) with a letter beyond ASCII: how many, and how many are syllables.
std::pair<std::size_t, std::size_t> vietnamese_words(std::string_view text) {
    std::size_t words = 0, syllables = 0;
    std::size_t begin = 0;
    bool in_word = false, beyond_ascii = false;
    const auto close = [&](std::size_t end) {
        if (in_word && beyond_ascii) {
            ++words;
            if (is_syllable(text.substr(begin, end - begin))) ++syllables;
        }
        in_word = beyond_ascii = false;
    };
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = unicode::decode_utf8(text, pos);
        if (!u_isalpha(static_cast<UChar32>(cp))) {
            close(start);
            continue;
        }
        if (!in_word) {
            in_word = true;
            begin = start;
        }
        beyond_ascii = beyond_ascii || cp >= 0x80;
    }
    close(text.size());
    return {words, syllables};
}

bool reads_as_vietnamese(std::string_view text) {
    constexpr std::size_t kLeastWords = 5;
    const auto [words, syllables] = vietnamese_words(text);
    return words >= kLeastWords && 10 * syllables >= 9 * words;
}

}  // namespace

std::string legacy_vietnamese_encoding(std::string_view bytes) {
    std::string text, error;
    if (unicode::convert_to_utf8(bytes, "windows-1258", true, text, error) && reads_as_vietnamese(unicode::normalize_nfc(text)))
        return "windows-1258";
    if (!unicode::convert_to_utf8(bytes, "windows-1252", true, text, error)) return {};
    const std::optional<LegacyFontRepair> repair = from_legacy_fonts(text);
    if (!repair || !reads_as_vietnamese(repair->text)) return {};
    return std::string(legacy_font_name(repair->font));
}

}  // namespace tracuu
