/** @file
 * @brief Law keys, article keys and the articles a query names (legal_article.hpp).
 *
 * Words are read from the folded text, so "Điều", "điều" and "dieu" are one word, and
 * punctuation ("Luật Phòng, chống ma túy", "Art. 8") separates words only.
 */
#include "analyzers/legal_article.hpp"

#include "analyzers/document_number.hpp"
#include "analyzers/synonyms.hpp"
#include "analyzers/unicode.hpp"

#include <unicode/uchar.h>

#include <algorithm>

namespace tracuu {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A word of the folded text and the bytes of the text it was folded from.
struct FoldedWord {
    std::string text;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The folded words of UTF-8 @p text, punctuation left out: what fold() makes of it, split at
// every byte that is not a to z or a digit, each word with its span in @p text.
std::vector<FoldedWord> folded_words_at(std::string_view text) {
    std::vector<FoldedWord> words;
    std::string exact;
    std::string folded;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t at = pos;
        const char32_t cp = unicode::decode_utf8(text, pos);
        pos = std::min(pos, text.size());
        exact.clear();
        folded.clear();
        unicode::append_folded_forms(cp, exact, folded);
        const bool continues = !words.empty() && words.back().end == at;
        if (folded.empty()) {  // a lone combining mark, which fold() leaves out
            if (continues) words.back().end = pos;
            continue;
        }
        if (!std::all_of(folded.begin(), folded.end(), unicode::is_folded_word_char)) continue;
        if (!continues) words.push_back({{}, at, at});
        words.back().text += folded;
        words.back().end = pos;
    }
    return words;
}

std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words;
    for (FoldedWord& word : folded_words_at(text)) words.push_back(std::move(word.text));
    return words;
}

bool is_year(const std::string& word) {
    if (word.size() != 4 || !std::all_of(word.begin(), word.end(), is_digit)) return false;
    const int year = std::stoi(word);
    return year >= kEarliestNumberYear && year <= kLatestNumberYear;
}

std::string joined(std::vector<std::string>::const_iterator begin, std::vector<std::string>::const_iterator end) {
    std::string out;
    for (auto it = begin; it != end; ++it) {
        if (!out.empty()) out += ' ';
        out += *it;
    }
    return out;
}

std::string law_key_of(std::vector<std::string> words) {
    if (!words.empty() && words.front() == "the") words.erase(words.begin());
    // "Luật Hôn nhân và gia đình" is also written "Luật Hôn nhân gia đình".
    std::erase_if(words, [](const std::string& word) { return word == "va" || word == "and"; });
    // Its number: "Bộ luật Hình sự số 100/2015/QH13", "Labour Code No. 45/2019/QH14".
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        if ((words[i] == "so" || words[i] == "no") && is_digit(words[i + 1].front())) {
            words.resize(i);
            break;
        }
    // Its year: "năm 2015", "2015", "of 2019".
    if (!words.empty() && is_year(words.back())) {
        words.pop_back();
        if (!words.empty() && (words.back() == "nam" || words.back() == "of")) words.pop_back();
    }
    std::string key = joined(words.begin(), words.end());
    if (key == "constitution") return "hien phap";
    if (std::string code = code_named(key); !code.empty()) {
        std::replace(code.begin(), code.end(), '_', ' ');
        return code;
    }
    return key;
}

bool starts_with_words(std::string_view key, std::string_view words) {
    return key.size() > words.size() && key.substr(0, words.size()) == words && key[words.size()] == ' ';
}

bool ends_with_words(std::string_view key, std::string_view words) {
    return key.size() > words.size() && key.substr(key.size() - words.size()) == words && key[key.size() - words.size() - 1] == ' ';
}

// Words between an article and the law it is of: "của", "of the", "thuộc", "trong", "tại".
bool is_linking_word(const std::string& word) {
    static constexpr std::string_view kLinks[] = {"cua", "thuoc", "trong", "tai", "theo", "of", "the", "in", "under"};
    return std::find(std::begin(kLinks), std::end(kLinks), word) != std::end(kLinks);
}

// Parts of an article, named with their number or letter: "khoản 2", "điểm a", "clause 3".
bool is_article_part(const std::string& word) {
    static constexpr std::string_view kParts[] = {"khoan", "diem", "clause", "paragraph", "point", "item"};
    return std::find(std::begin(kParts), std::end(kParts), word) != std::end(kParts);
}

bool names_an_article(const std::string& word) { return word == "dieu" || word == "article" || word == "art"; }

// A law's name has at most this many words ("Luật Phòng, chống tác hại của rượu, bia" has 9).
constexpr std::size_t kMaxLawWords = 10;
// A number with the words that name it has at most this many ("Thông tư liên tịch số
// 12/2015/TTLT-BTC-BTP" has 10).
constexpr std::size_t kMaxNumberWords = 12;

}  // namespace

std::string law_key(std::string_view name) { return law_key_of(folded_words(name)); }

namespace {

// The words of @p written that its law key keeps, with their spans: as law_key_of, without a
// leading "the", the number and the year, "và" kept (a name as written has it).
std::vector<FoldedWord> law_words_as_written(std::string_view written) {
    std::vector<FoldedWord> words = folded_words_at(written);
    if (!words.empty() && words.front().text == "the") words.erase(words.begin());
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        if ((words[i].text == "so" || words[i].text == "no") && is_digit(words[i + 1].text.front())) {
            words.resize(i);
            break;
        }
    if (!words.empty() && is_year(words.back().text)) {
        words.pop_back();
        if (!words.empty() && (words.back().text == "nam" || words.back().text == "of")) words.pop_back();
    }
    return words;
}

// The first letter of @p word in @p written, in capitals: "Đ" of "đất".
std::string initial(std::string_view written, const FoldedWord& word) {
    std::size_t pos = word.begin;
    std::string out;
    unicode::append_utf8(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(unicode::decode_utf8(written, pos)))));
    return out;
}

}  // namespace

std::string law_name(std::string_view written) {
    const std::vector<FoldedWord> words = law_words_as_written(written);
    return words.empty() ? std::string() : std::string(written.substr(words.front().begin, words.back().end - words.front().begin));
}

// The nouns a law's abbreviation keeps before its initials ("luat hngd", "bo luat hs"), on the
// index side (law_abbreviation_key) and the query side (find_law_abbreviations) alike.
constexpr std::string_view kAbbreviatedLawNouns[] = {"bo luat", "luat", "phap lenh"};

std::string law_abbreviation_key(std::string_view key) {
    for (const std::string_view noun : kAbbreviatedLawNouns) {
        if (!starts_with_words(key, noun)) continue;
        std::string initials;
        for (std::size_t p = noun.size() + 1; p < key.size(); p = key.find(' ', p) == std::string_view::npos ? key.size() : key.find(' ', p) + 1)
            initials += key[p];
        return initials.size() >= 2 ? std::string(noun) + " " + initials : std::string();
    }
    return {};
}

std::string written_law_abbreviation(std::string_view written, bool of_code) {
    std::vector<FoldedWord> words = law_words_as_written(written);
    std::erase_if(words, [](const FoldedWord& word) { return word.text == "va" || word.text == "and"; });
    std::vector<std::string> keys;
    for (const FoldedWord& word : words) keys.push_back(word.text);
    if (law_abbreviation_key(joined(keys.begin(), keys.end())).empty()) return {};
    std::string out;
    std::size_t first = 0;  // the first word of the title
    if (!of_code)
        for (const std::string_view noun : kAbbreviatedLawNouns)
            if (starts_with_words(joined(keys.begin(), keys.end()), noun)) {
                first = static_cast<std::size_t>(std::count(noun.begin(), noun.end(), ' ')) + 1;
                out = std::string(written.substr(words.front().begin, words[first - 1].end - words.front().begin)) + " ";
                break;
            }
    for (std::size_t i = first; i < words.size(); ++i) out += initial(written, words[i]);
    return out;
}

bool is_law_key(std::string_view key) {
    for (const std::string_view noun : {"bo luat", "luat", "phap lenh", "law on", "law of", "code of", "ordinance on"})
        if (starts_with_words(key, noun)) return true;
    for (const std::string_view noun : {"code", "law", "act", "ordinance"})
        if (ends_with_words(key, noun)) return true;
    return key == "hien phap" || key == "constitution";
}

std::string article_key(std::string_view written) {
    std::size_t digits = 0;
    while (digits < written.size() && is_digit(written[digits])) ++digits;
    if (digits == 0 || digits > 4 || written.size() > digits + 1) return {};
    std::string key(written);
    if (key.size() > digits) {
        char& letter = key.back();
        if (letter >= 'A' && letter <= 'Z') letter = static_cast<char>(letter - 'A' + 'a');
        if (letter < 'a' || letter > 'z') return {};
    }
    return key.front() == '0' ? std::string() : key;
}

bool is_article_word(std::string_view word) {
    const std::string folded(word);
    return names_an_article(folded) || is_article_part(folded);
}

std::string article_order_key(std::string_view key) {
    std::size_t digits = 0;
    while (digits < key.size() && is_digit(key[digits])) ++digits;
    return std::string(digits < 4 ? 4 - digits : 0, '0') + std::string(key);
}

std::string article_opening(std::string_view text) {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    // The opening words only: "Điều 173." is 11 bytes, "Article 1234a:" 14.
    const std::vector<std::string> words = folded_words(text.substr(start, 24));
    if (words.size() < 2 || (words[0] != "dieu" && words[0] != "article")) return {};
    return article_key(words[1]);
}

std::vector<ArticleMention> find_article_mentions(std::string_view text, std::span<const ReferenceMention> references) {
    const std::vector<FoldedWord> spans = folded_words_at(text);
    std::vector<std::string> words;
    for (const FoldedWord& word : spans) words.push_back(word.text);
    std::vector<ArticleMention> mentions;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (!names_an_article(words[i])) continue;
        ArticleMention mention;
        mention.article = article_key(words[i + 1]);
        if (mention.article.empty()) continue;
        const auto add_law = [&](std::size_t begin, std::size_t end) {
            std::string key = law_key_of({words.begin() + static_cast<std::ptrdiff_t>(begin), words.begin() + static_cast<std::ptrdiff_t>(end)});
            if (is_law_key(key) && std::find(mention.law_keys.begin(), mention.law_keys.end(), key) == mention.law_keys.end()) {
                mention.law_keys.push_back(std::move(key));
                mention.law_spans.emplace_back(spans[begin].begin, spans[end - 1].end);
            }
        };
        // A number whole asks for its key, one typed in part for the keys that begin so.
        const auto add_number = [&](const NumberLookup& lookup) {
            std::vector<std::string>& keys = lookup.whole ? mention.number_keys : mention.number_prefixes;
            if (std::string key = lookup.key_prefix(); std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
        };
        // After it: "Điều 173 (của) Bộ luật Hình sự", "Article 8 of the Labour Code".
        std::size_t after = i + 2;
        while (after + 1 < words.size() && is_article_part(words[after])) after += 2;
        std::size_t last_word = after - 1;  // of the article, its parts and a number after them
        while (after < words.size() && is_linking_word(words[after])) ++after;
        for (std::size_t end = after + 1; end <= std::min(words.size(), after + kMaxLawWords); ++end) {
            if (names_an_article(words[end - 1])) break;
            add_law(after, end);
        }
        // Or the document by its number, whole or in part: "Điều 5 Nghị định số 15/2020/NĐ-CP",
        // "Article 5 of Decree No. 15/2020/ND-CP", "điều 7 47/2011/tt-bca", "Điều 7 Thông tư 47/2011".
        std::optional<NumberLookup> lookup;
        for (std::size_t end = after; end < std::min(words.size(), after + kMaxNumberWords); ++end)
            if (auto read = read_number_lookup(text.substr(spans[after].begin, spans[end].end - spans[after].begin))) {
                lookup = std::move(read);
                last_word = std::max(last_word, end);
            }
        if (lookup) add_number(*lookup);
        // Before it: "Luật Đất đai điều 5", "BLHS khoản 1 điều 173", "15/2020/NĐ-CP điều 5".
        std::size_t before = i;
        while (before >= 2 && is_article_part(words[before - 2])) before -= 2;
        for (std::size_t begin = before; begin-- > 0 && before - begin <= kMaxLawWords;) {
            if (names_an_article(words[begin])) break;
            add_law(begin, before);
        }
        mention.begin = spans[before].begin;
        mention.end = spans[last_word].end;
        for (const ReferenceMention& reference : references)
            if (reference.end <= spans[before].begin && (before == 0 || spans[before - 1].end <= reference.end)) {
                add_number(lookup_of(reference.number));
                mention.begin = std::min<std::size_t>(mention.begin, reference.begin);
            }
        mentions.push_back(std::move(mention));
    }
    return mentions;
}

std::optional<LawBeingTyped> law_being_typed(std::string_view text) {
    // No article without its number: most of what /suggest reads has no digit, and is not folded here.
    if (text.find_first_of("0123456789") == std::string_view::npos) return std::nullopt;
    const std::vector<FoldedWord> words = folded_words_at(text);
    if (words.empty() || words.back().end != text.size()) return std::nullopt;
    for (std::size_t i = words.size(); i-- > 0;) {
        if (!names_an_article(words[i].text) || i + 1 >= words.size() || article_key(words[i + 1].text).empty()) continue;
        // As find_article_mentions reads the law after it: "Điều 173 (khoản 2) (của) Bộ luật …".
        std::size_t after = i + 2;
        while (after + 1 < words.size() && is_article_part(words[after].text)) after += 2;
        while (after < words.size() && is_linking_word(words[after].text)) ++after;
        if (after >= words.size() || words.size() - after > kMaxLawWords || is_digit(words.back().text.front())) return std::nullopt;
        LawBeingTyped typed{{}, std::string(text.substr(words[after].begin))};
        for (std::size_t k = after; k < words.size(); ++k) typed.folded += (typed.folded.empty() ? "" : " ") + words[k].text;
        return typed;
    }
    return std::nullopt;
}

std::vector<LawAbbreviation> find_law_abbreviations(std::string_view text, const LawsHeld& laws) {
    std::vector<LawAbbreviation> found;
    if (!laws.holds || !laws.holds_beginning) return found;
    const std::vector<FoldedWord> words = folded_words_at(text);
    // Letters only: "luật 2024" names no law by its initials.
    const auto letters = [](const std::string& word) {
        return word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    const auto add = [&](std::string key, const FoldedWord& word) {
        if (!is_law_key(key) || !laws.holds(key)) return;
        if (std::none_of(found.begin(), found.end(), [&](const LawAbbreviation& a) { return a.key == key; }))
            found.push_back({std::move(key), word.begin, word.end});
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (letters(words[i].text) && !code_named(words[i].text).empty()) add(law_key_of({words[i].text}), words[i]);  // "BLHS"
        for (const std::string_view noun : kAbbreviatedLawNouns) {
            const auto nouns = static_cast<std::size_t>(std::count(noun.begin(), noun.end(), ' ')) + 1;
            if (i + nouns >= words.size() || !letters(words[i + nouns].text)) continue;
            std::string typed = words[i].text;
            if (nouns == 2) typed += " " + words[i + 1].text;
            const bool of_code = nouns == 1 && i > 0 && words[i - 1].text == "bo";  // "luật HS" of "Bộ luật HS"
            if (typed != noun || of_code) continue;
            // The first word of a title the index holds is a word of that title: "an" of "luật
            // an ninh mạng", though "Luật An ninh" is "luat an" too.
            const std::string key = typed + " " + words[i + nouns].text;
            if (!laws.holds_beginning(key + " ")) add(key, words[i + nouns]);  // "Luật HNGĐ", "luật anm"
        }
    }
    return found;
}

}  // namespace tracuu
