/** @file
 * @brief Reading the locality of a local body around a document number or in a heading.
 *
 * A small phrase grammar over the words of a window of a few dozen bytes (it runs only
 * around the numbers of local bodies, and on the first lines of a document):
 *
 *     BODY [UNIT] NAME          UBND tỉnh Quảng Ninh, Ủy ban nhân dân TP. Hồ Chí Minh, HĐND Quảng Ninh
 *     PROVINCE-UNIT NAME        tỉnh Quảng Ninh, thành phố Đà Nẵng, TP HCM, TPHCM
 *     People's Committee of [the] NAME [province|city]
 *     NAME (province|city|provincial|municipal|district)
 *     (của|do|of|by) [the] NAME     right after a number or its date only
 *
 * NAME is a run of capitalized words joined by spaces or a hyphen, in capitals throughout
 * or in none ("TT-Huế" aside); a run starting as the name of a body or document ("Bộ",
 * "Thủ tướng", "Quyết định"), a lone word starting a lower-case compound ("Thành ủy", "Đề
 * nghị") and, after an office ("Chủ tịch UBND TP Đặng Việt Dũng"), a person's name are none.
 */
#include "analyzers/locality.hpp"

#include "analyzers/dictionary.hpp"
#include "analyzers/unicode.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <vector>

namespace tracuu {
namespace {

using unicode::decode_utf8;

constexpr std::size_t kWindowBytes = 200;     // about thirty words either side of a number
constexpr std::size_t kMaxNameWords = 4;      // "Bà Rịa - Vũng Tàu"
constexpr std::size_t kMaxHeadingLines = 15;  // the official heading stands above the title
constexpr std::size_t kMaxHeadingLineBytes = 100;

struct Word {
    std::size_t begin = 0, end = 0;
    std::string lower;    // case-folded, tone mark in its canonical place
    std::string folded;   // and without diacritics
    bool capitalized = false;
    bool capitals = false;  // two or more letters, all capitals: "QUẢNG", "UBND"
    bool digits = false;
};

Word make_word(std::string_view text, std::size_t begin, std::size_t end) {
    Word word{begin, end, {}, {}, false, false, false};
    std::size_t letters = 0, upper = 0;
    for (std::size_t pos = begin; pos < end;) {
        const char32_t cp = decode_utf8(text, pos);
        const char32_t lower = unicode::fold_case(cp);
        unicode::append_utf8(word.lower, lower);
        if (cp >= U'0' && cp <= U'9') word.digits = true;
        if (u_isalpha(static_cast<UChar32>(cp))) {
            ++letters;
            if (lower != cp) ++upper;
        }
    }
    unicode::canonicalize_tone_placement(word.lower);
    word.folded = unicode::fold(word.lower);
    std::size_t first = begin;
    const char32_t first_cp = decode_utf8(text, first);
    word.capitalized = unicode::fold_case(first_cp) != first_cp;
    word.capitals = letters >= 2 && upper == letters;
    return word;
}

std::vector<Word> words_of(std::string_view text, std::size_t from, std::size_t to) {
    std::vector<Word> words;
    for (std::size_t pos = from; pos < to;) {
        const std::size_t begin = pos;
        if (!unicode::is_word_char(decode_utf8(text, pos))) continue;
        std::size_t end = pos;
        while (end < to) {
            std::size_t next = end;
            if (!unicode::is_word_char(decode_utf8(text, next))) break;
            end = next;
        }
        words.push_back(make_word(text, begin, end));
        pos = end;
    }
    return words;
}

// A keyword spelled with its diacritics, one word a space ("people s committee" for the
// English "People's Committee"). Text written without diacritics matches too, but a word
// with other ones does not: "tính" is no "tỉnh".
struct Keyword {
    std::vector<std::string> exact, folded;
};

std::vector<Keyword> keywords(std::initializer_list<std::string_view> spellings) {
    std::vector<Keyword> list;
    for (const std::string_view spelling : spellings) {
        Keyword keyword;
        for (std::size_t start = 0; start < spelling.size();) {
            const std::size_t space = std::min(spelling.find(' ', start), spelling.size());
            keyword.exact.emplace_back(spelling.substr(start, space - start));
            keyword.folded.push_back(unicode::fold(keyword.exact.back()));
            start = space + 1;
        }
        list.push_back(std::move(keyword));
    }
    return list;
}

const std::vector<Keyword>& vietnamese_bodies() {
    static const auto list = keywords({"ủy ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd"});
    return list;
}
// Units that stand alone before a name: "tỉnh Quảng Ninh". Lower ones ("xã", "quận") are
// everyday words too ("xã hội", "quan"), so they count only after a body.
const std::vector<Keyword>& province_units() {
    static const auto list = keywords({"tỉnh", "thành phố", "tp"});
    return list;
}
const std::vector<Keyword>& lower_units() {
    static const auto list = keywords({"huyện", "quận", "thị xã", "thị trấn", "xã", "phường"});
    return list;
}
const std::vector<Keyword>& english_bodies() {
    static const auto list = keywords({"people s committee", "people s council"});
    return list;
}
const std::vector<Keyword>& english_units() {
    static const auto list = keywords({"province", "provincial", "city", "municipal", "district"});
    return list;
}
const std::vector<Keyword>& link_words() {
    static const auto list = keywords({"của", "do", "of", "by"});
    return list;
}
// A capitalized run beginning so names a body, a person's office or a document, not a place.
const std::vector<Keyword>& not_place_starts() {
    static const auto list = keywords(
        {"bộ",        "sở",        "ban",       "cục",        "tổng cục",   "văn phòng",  "chính phủ", "quốc hội",
         "thủ tướng", "chủ tịch",  "phó chủ tịch", "ủy ban",  "hội đồng",   "đảng",       "công ty",   "tòa án",
         "viện",      "quyết định", "nghị quyết", "nghị định", "thông tư",  "chỉ thị",    "kế hoạch",  "công văn",
         "luật",      "thường trực", "thường vụ", "the",     "government", "ministry",   "prime",     "national",
         "people",    "department", "committee", "chairman", "decision",  "decree",     "resolution", "state", "law"});
    return list;
}
// Family names that no province or city begins with (Hồ, Hoàng, Lê, Cao, Hà, Lâm do: Hồ Chí
// Minh, Hoàng Mai, Lê Chân, Cao Bằng, Hà Nội, Lâm Đồng): after an office, a person's name.
const std::vector<Keyword>& family_names() {
    static const auto list = keywords({"nguyễn", "trần", "phạm", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "ngô",
                                       "dương", "lý", "đào", "đoàn", "trịnh", "đinh", "trương", "lương", "tô"});
    return list;
}
// The commonest family names, none of them a later word of a place's name (as Dương of Bình
// Dương or Võ of Quế Võ are): one inside a run, before another capitalized word, begins a
// person's name ("UBND tỉnh Thừa Thiên Huế Nguyễn Thanh Bình đã ký").
const std::vector<Keyword>& family_names_within_runs() {
    static const auto list = keywords({"nguyễn", "trần", "lê", "phạm", "huỳnh", "đặng", "bùi", "đỗ", "ngô", "trịnh", "trương"});
    return list;
}
const std::vector<Keyword>& offices() {
    static const auto list = keywords({"chủ tịch", "phó chủ tịch", "chairman", "vice chairman"});
    return list;
}

bool spelled(const Word& word, const Keyword& keyword, std::size_t k) {
    return word.lower == keyword.exact[k] || (word.lower == word.folded && word.folded == keyword.folded[k]);
}

// Whether the bytes between two words of one phrase keep them together: spaces, or the
// apostrophe of "People's".
bool phrase_gap(std::string_view gap) {
    if (gap == "'" || gap == "\u2019") return true;
    if (gap.empty() || gap.size() > 3) return false;
    return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// Between two words of one name: spaces, or a hyphen or dash with or without spaces
// ("Thừa Thiên-Huế", "Bà Rịa - Vũng Tàu").
bool name_gap(std::string_view gap) {
    std::string_view rest = gap;
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    if (rest.empty()) return !gap.empty() && gap.size() <= 3;
    return rest == "-" || rest == "\u2010" || rest == "\u2011" || rest == "\u2013";
}

std::string_view gap_before(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    return text.substr(words[i - 1].end, words[i].begin - words[i - 1].end);
}

// Words of @p list spelled at words[i...]: the number of words, or 0.
std::size_t match_at(std::string_view text, const std::vector<Word>& words, std::size_t i, const std::vector<Keyword>& list) {
    std::size_t best = 0;
    for (const Keyword& keyword : list) {
        const std::size_t n = keyword.exact.size();
        if (n <= best || i + n > words.size()) continue;
        bool all = true;
        for (std::size_t k = 0; k < n && all; ++k)
            all = spelled(words[i + k], keyword, k) && (k == 0 || phrase_gap(gap_before(text, words, i + k)));
        if (all) best = n;
    }
    return best;
}

bool starts_keyword(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    for (const auto* list : {&vietnamese_bodies(), &province_units(), &english_bodies(), &english_units()})
        if (match_at(text, words, i, *list) > 0) return true;
    return false;
}

// "QUẢNG NINH" -> "Quảng Ninh": a heading's capitals are not how the name is written.
std::string title_case(std::string_view name) {
    std::string out;
    bool word_start = true;
    for (std::size_t pos = 0; pos < name.size();) {
        const char32_t cp = decode_utf8(name, pos);
        const bool letter = u_isalpha(static_cast<UChar32>(cp));
        unicode::append_utf8(out, letter && !word_start ? unicode::fold_case(cp) : cp);
        word_start = !unicode::is_word_char(cp);
    }
    return out;
}

struct Found {
    std::string name;
    std::size_t begin = 0, end = 0;  // bytes of the whole phrase
};

std::string name_text(std::string_view text, const std::vector<Word>& words, std::size_t first, std::size_t last) {
    const std::string_view written = text.substr(words[first].begin, words[last - 1].end - words[first].begin);
    const bool capitals = std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first), words.begin() + static_cast<std::ptrdiff_t>(last),
                                      [](const Word& w) { return w.capitals || w.end - w.begin == 1; });
    return capitals ? title_case(written) : std::string(written);
}

// Whether the capitalized run words[first, last) is a place's name: it does not begin as a
// body's, an office's or a document's ("Chủ tịch", whose second word is no longer in the run).
bool is_place_name(std::string_view text, const std::vector<Word>& words, std::size_t first, std::size_t last) {
    return last > first && match_at(text, words, first, not_place_starts()) == 0;
}

// Whether words[i] and the lower-case word after it make one dictionary word: "Thành ủy",
// "Đề nghị" (a capital at a sentence's start, or a body's name), no place.
bool starts_lower_case_compound(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    if (i + 1 >= words.size() || words[i + 1].capitalized || !phrase_gap(gap_before(text, words, i + 1))) return false;
    const std::uint64_t span = WordDictionary::extend(WordDictionary::hash(words[i].lower), WordDictionary::hash(words[i + 1].lower));
    return (WordDictionary::builtin().exact(span) & WordDictionary::kWord) != 0;
}

// The name starting at words[i]: its end (exclusive), or i when there is none.
std::size_t name_end(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    std::size_t j = i;
    while (j < words.size() && j - i < kMaxNameWords) {
        const Word& word = words[j];
        if (!word.capitalized || word.digits) break;
        if (j > i) {
            const std::string_view gap = gap_before(text, words, j);
            const bool hyphen = gap.find_first_not_of(' ') != std::string_view::npos;
            // "Quảng Ninh QUYẾT ĐỊNH" is a name and a heading; "TT-Huế" one name.
            if (!name_gap(gap) || (word.capitals != words[i].capitals && !hyphen)) break;
        }
        if (starts_keyword(text, words, j)) break;
        if (j > i && j + 1 < words.size() && words[j + 1].capitalized && name_gap(gap_before(text, words, j + 1)) &&
            match_at(text, words, j, family_names_within_runs()) == 1)
            break;
        ++j;
    }
    if (j == i + 1 && starts_lower_case_compound(text, words, i)) return i;
    return is_place_name(text, words, i, j) ? j : i;
}

// Whether an office stands right before words[i]: "Chủ tịch UBND …".
bool after_office(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    for (std::size_t length = 1; length <= 3 && length <= i; ++length)
        if (match_at(text, words, i - length, offices()) == length) return true;
    return false;
}

// "TPHCM": the unit glued to an abbreviation.
bool glued_city(const Word& word) {
    return word.capitals && word.folded.size() >= 4 && word.folded.size() <= 6 && word.folded.compare(0, 2, "tp") == 0 &&
           std::all_of(word.folded.begin(), word.folded.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The name after a unit or body ending before words[k]: a run after spaces (or the dot of
// "TP."). After an office, a run beginning with a family name is the office holder's.
std::optional<Found> name_after(std::string_view text, const std::vector<Word>& words, std::size_t k, std::size_t phrase_begin,
                                bool after_tp, bool office_before = false) {
    if (k >= words.size()) return std::nullopt;
    if (k > 0) {
        std::string_view gap = gap_before(text, words, k);
        if (after_tp && !gap.empty() && gap.front() == '.') gap.remove_prefix(1);
        if (!gap.empty() && !phrase_gap(gap)) return std::nullopt;
    }
    if (office_before && match_at(text, words, k, family_names()) == 1) return std::nullopt;
    const std::size_t end = name_end(text, words, k);
    if (end == k) return std::nullopt;
    return Found{name_text(text, words, k, end), phrase_begin, words[end - 1].end};
}

// BODY [UNIT] NAME, or PROVINCE-UNIT NAME, at words[i].
std::optional<Found> vietnamese_phrase_at(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    const std::size_t body = match_at(text, words, i, vietnamese_bodies());
    std::size_t k = i + body;
    if (k < words.size() && glued_city(words[k]) && (body == 0 || phrase_gap(gap_before(text, words, k)))) {
        const Word& glued = words[k];
        return Found{std::string(text.substr(glued.begin + 2, glued.end - glued.begin - 2)), words[i].begin, glued.end};
    }
    std::size_t unit = match_at(text, words, k, province_units());
    if (unit == 0 && body > 0) unit = match_at(text, words, k, lower_units());
    if (body == 0 && unit == 0) return std::nullopt;
    if (unit > 0 && body > 0 && !phrase_gap(gap_before(text, words, k))) return std::nullopt;
    const bool after_tp = unit == 1 && words[k].folded == "tp";
    // "Chủ tịch UBND TP …", read from the body or from the unit.
    bool office = after_office(text, words, i);
    for (std::size_t length = 1; body == 0 && !office && length <= 4 && length <= i; ++length)
        office = match_at(text, words, i - length, vietnamese_bodies()) == length && after_office(text, words, i - length);
    return name_after(text, words, k + unit, words[i].begin, after_tp, office);
}

// "People's Committee of [the] NAME [province]" at words[i].
std::optional<Found> english_body_phrase_at(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    const std::size_t body = match_at(text, words, i, english_bodies());
    if (body == 0 || i + body >= words.size() || words[i + body].folded != "of") return std::nullopt;
    std::size_t k = i + body + 1;
    if (k < words.size() && words[k].folded == "the") ++k;
    std::optional<Found> found = name_after(text, words, k, words[i].begin, false);
    if (found) {
        const std::size_t after = static_cast<std::size_t>(
            std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.begin >= found->end; }) - words.begin());
        if (const std::size_t unit = match_at(text, words, after, english_units()); unit > 0) found->end = words[after + unit - 1].end;
    }
    return found;
}

// NAME (province|city|…) ending at words[i], the unit word.
std::optional<Found> english_unit_phrase_at(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    if (i == 0 || match_at(text, words, i, english_units()) == 0 || !phrase_gap(gap_before(text, words, i))) return std::nullopt;
    std::size_t first = i;
    while (first > 0 && i - first < kMaxNameWords) {
        const Word& word = words[first - 1];
        if (!word.capitalized || word.digits || (first < i && !name_gap(gap_before(text, words, first)))) break;
        --first;
    }
    if (first < i && words[first].folded == "the") ++first;
    if (first == i || name_end(text, words, first) != i) return std::nullopt;
    return Found{name_text(text, words, first, i), words[first].begin, words[i].end};
}

std::optional<Found> explicit_phrase_at(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    if (auto found = vietnamese_phrase_at(text, words, i)) return found;
    if (auto found = english_body_phrase_at(text, words, i)) return found;
    return english_unit_phrase_at(text, words, i);
}

// "của X", "of the X": only right after a number, where X is its issuer.
std::optional<Found> linked_name_at(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    if (match_at(text, words, i, link_words()) == 0) return std::nullopt;
    std::size_t k = i + 1;
    if (k < words.size() && words[k].folded == "the") ++k;
    return name_after(text, words, k, words[i].begin, false);
}

// Words that may stand between a number and its issuer: its date.
bool is_date_word(const Word& word) {
    static const std::array<std::string_view, 17> kDateWords = {"ngay", "thang", "nam", "dated", "on", "january", "february",
                                                               "march", "april", "may", "june", "july", "august",
                                                               "september", "october", "november", "december"};
    return word.digits || std::find(kDateWords.begin(), kDateWords.end(), word.folded) != kDateWords.end();
}

// A verb of issuing between a number and its issuer: "Decision No. 40/2026/QD-UBND issued by
// the Hanoi People's Committee". Not "signed": a person signs.
bool is_issuing_verb(const Word& word) { return word.folded == "issued" || word.folded == "promulgated"; }

// Whether the dot at @p pos ends a sentence: followed by a space or the end, and not the
// dot of an abbreviation ("TP. Hồ Chí Minh", "No. 40").
bool full_stop_at(std::string_view text, std::size_t pos) {
    if (pos + 1 < text.size() && text[pos + 1] != ' ' && text[pos + 1] != '\n' && text[pos + 1] != '\r') return false;
    std::size_t start = pos;
    while (start > 0 && ((text[start - 1] >= 'a' && text[start - 1] <= 'z') || (text[start - 1] >= 'A' && text[start - 1] <= 'Z'))) --start;
    const std::string word = unicode::fold(text.substr(start, pos - start));
    return word != "tp" && word != "no";
}

bool ends_sentence(std::string_view text, std::size_t pos) {
    const char c = text[pos];
    return c == '\n' || c == '\r' || c == ';' || c == '!' || c == '?' || (c == '.' && full_stop_at(text, pos));
}

}  // namespace

bool is_local_number(const DocumentNumber& number) {
    static const std::array<std::string_view, 6> kLocalIssuers = {"UBND", "UB", "HĐND", "TU", "HU", "ĐU"};
    return std::any_of(number.codes.begin(), number.codes.end(), [](const std::string& code) {
        return std::find(kLocalIssuers.begin(), kLocalIssuers.end(), code) != kLocalIssuers.end();
    });
}

std::string locality_key(std::string_view name) {
    const std::string folded = unicode::fold(name);
    std::string key;
    bool space = false;
    for (const char c : folded) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (space && !key.empty()) key += ' ';
            key += c;
            space = false;
        } else {
            space = true;
        }
    }
    return key;
}

namespace {

std::vector<std::string_view> split_key(std::string_view key) {
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start < key.size();) {
        const std::size_t space = std::min(key.find(' ', start), key.size());
        words.push_back(key.substr(start, space - start));
        start = space + 1;
    }
    return words;
}

// Whether words @p a from @p i name what words @p b from @p j begin with: word for word, a
// word for several written together ("danang" for "da nang"), or an abbreviation without
// vowels for as many words' initials ("hcm" for "ho chi minh", "tt" for "thua thien").
bool begins_as(const std::vector<std::string_view>& a, std::size_t i, const std::vector<std::string_view>& b, std::size_t j) {
    if (i == a.size()) return true;
    if (j == b.size()) return false;
    const std::string_view word = a[i];
    if (word == b[j]) return begins_as(a, i + 1, b, j + 1);
    std::string joined(b[j]);
    for (std::size_t k = j + 1; k < b.size() && joined.size() < word.size(); ++k) {
        joined += b[k];
        if (joined == word) return begins_as(a, i + 1, b, k + 1);
    }
    const bool abbreviation = word.size() >= 2 && word.size() <= 4 && word.find_first_of("aeiouy") == std::string_view::npos;
    if (!abbreviation) return false;
    // English writes the city's C after Ho Chi Minh's initials, "HCMC", where the name's
    // words (its unit left out, as "City" is) end.
    const bool city = word.size() >= 3 && word.back() == 'c' && j + word.size() - 1 == b.size() && i + 1 == a.size();
    const std::size_t initials = city ? word.size() - 1 : word.size();
    if (j + initials > b.size()) return false;
    for (std::size_t m = 0; m < initials; ++m)
        if (b[j + m].front() != word[m]) return false;
    return begins_as(a, i + 1, b, j + initials);
}

}  // namespace

bool same_locality(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    const auto words_a = split_key(a), words_b = split_key(b);
    return begins_as(words_a, 0, words_b, 0) || begins_as(words_b, 0, words_a, 0);
}

std::optional<LocalityMention> locality_after(std::string_view text, std::size_t from, std::size_t to) {
    to = std::min({to, text.size(), from + kWindowBytes});
    for (std::size_t pos = from; pos < to; ++pos)
        if (ends_sentence(text, pos)) to = pos;
    const std::vector<Word> words = words_of(text, from, to);
    // A body or unit wins over "của X" before it: "của BCH Đảng bộ tỉnh Nghệ An".
    std::optional<Found> linked;
    bool only_date_before = true;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (std::optional<Found> found = explicit_phrase_at(text, words, i))
            return LocalityMention{std::move(found->name), found->begin, found->end};
        if (!linked && only_date_before) linked = linked_name_at(text, words, i);
        // The body's head between the number and the body: "of the Chairman of the Hanoi
        // People's Committee", "by the Vice Chairman of Da Nang".
        if (const std::size_t office = match_at(text, words, i, offices()); office > 0) {
            i += office - 1;
            continue;
        }
        only_date_before = only_date_before && (is_date_word(words[i]) || is_issuing_verb(words[i]) ||
                                                match_at(text, words, i, link_words()) == 1 || words[i].folded == "the");
    }
    if (!linked) return std::nullopt;
    return LocalityMention{std::move(linked->name), linked->begin, linked->end};
}

std::optional<LocalityMention> locality_before(std::string_view text, std::size_t from, std::size_t to) {
    to = std::min(to, text.size());
    from = std::max(from, to > kWindowBytes ? to - kWindowBytes : 0);
    while (from < to && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    for (std::size_t pos = to; pos > from; --pos)
        if (ends_sentence(text, pos - 1)) {
            from = pos;
            break;
        }
    const std::vector<Word> words = words_of(text, from, to);
    std::optional<Found> nearest;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (std::optional<Found> found = explicit_phrase_at(text, words, i); found && (!nearest || found->end > nearest->end))
            nearest = std::move(found);
    if (!nearest) return std::nullopt;
    return LocalityMention{std::move(nearest->name), nearest->begin, nearest->end};
}

std::string locality_of_place(std::string_view place) {
    const std::vector<Word> words = words_of(place, 0, place.size());
    if (words.empty()) return {};
    if (const std::optional<Found> found = vietnamese_phrase_at(place, words, 0); found && found->end == words.back().end)
        return found->name;
    return name_end(place, words, 0) == words.size() ? name_text(place, words, 0, words.size()) : std::string();
}

std::string heading_locality(std::string_view text) {
    std::vector<std::string_view> lines;  // the first non-empty ones
    for (std::size_t start = 0; start < text.size() && lines.size() < kMaxHeadingLines;) {
        const std::size_t eol = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, eol - start);
        start = eol + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back(line);
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].size() > kMaxHeadingLineBytes) continue;
        const std::vector<Word> words = words_of(lines[i], 0, lines[i].size());
        const std::size_t body = words.empty() ? 0 : match_at(lines[i], words, 0, vietnamese_bodies());
        if (body == 0) continue;
        // The body's name and nothing else, on one line or two: "ỦY BAN NHÂN DÂN TỈNH QUẢNG
        // NINH", or "ỦY BAN NHÂN DÂN" above "TỈNH QUẢNG NINH".
        std::string heading(lines[i]);
        if (body == words.size() && i + 1 < lines.size() && lines[i + 1].size() <= kMaxHeadingLineBytes)
            heading.append(" ").append(lines[i + 1]);
        const std::vector<Word> heading_words = words_of(heading, 0, heading.size());
        const std::optional<Found> found = vietnamese_phrase_at(heading, heading_words, 0);
        if (found && heading.find_first_not_of(" \t\r.:,", found->end) == std::string::npos) return found->name;
    }
    return {};
}

}  // namespace tracuu
