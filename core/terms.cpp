/** @file
 * @brief Term mapping shared by indexing and querying.
 */
#include "core/terms.hpp"

#include "analyzers/dictionary.hpp"
#include "analyzers/unicode.hpp"
#include "core/schema.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <vector>

namespace tracuu {
namespace {

// Stems are for words English could write: ASCII letters (an apostrophe allowed), at least two, or one
// before a hyphen ("e-mail", "x-ray"). Not whether English has the word: is_english_word says that.
bool may_have_english_stem(const Token& token, std::size_t least_letters = 2) {
    if (token.kind != TokenKind::word || token.folded.size() < least_letters || token.has_diacritics()) return false;
    for (const char c : token.folded)
        if (!((c >= 'a' && c <= 'z') || c == '\'')) return false;
    return true;
}

// Whether a word at byte @p begin of @p text heads a sentence, a line or the text, where a
// capital says nothing of the word: only spaces, opening quotes and brackets, bullets and
// dashes between it and the text's start, a line break or a sentence's end (".", "!", "?",
// ":", "…").
bool heads_sentence(std::string_view text, std::size_t begin) {
    for (std::size_t pos = begin; pos > 0;) {
        pos = unicode::character_start(text, pos - 1);
        std::size_t at = pos;
        switch (unicode::decode_utf8(text, at)) {
            case U' ': case U'\t': case 0x00A0: case U'"': case U'\'': case U'(': case U'[': case U'-': case U'*':
            case 0x201C: case 0x2018: case 0x00AB: case 0x2013: case 0x2014: case 0x2022:  // “ ‘ « – — •
                continue;
            case U'\n': case U'\r': case U'.': case U'!': case U'?': case U':': case 0x2026:
                return true;
            default:
                return false;
        }
    }
    return true;
}

bool is_upper(char32_t cp) { return cp < 0x80 ? cp >= U'A' && cp <= U'Z' : u_isupper(static_cast<UChar32>(cp)) != 0; }

// The hyphen between @p left and @p right, tokens of @p text: "-", or U+2010 or U+2011, and nothing else.
bool hyphen_between(std::string_view text, const Token& left, const Token& right) {
    if (right.begin <= left.end || right.begin - left.end > 3) return false;
    const std::string_view gap = text.substr(left.end, right.begin - left.end);
    return gap == "-" || gap == "\u2010" || gap == "\u2011";
}

}  // namespace

std::vector<HyphenatedWord> hyphenated_words(std::string_view text, const std::vector<const Token*>& syllables,
                                             const std::vector<ReferenceMention>& references) {
    // More parts are a slug, a code or a list ("trien-khai-quy-dinh-moi", "08-17-31-32"), and
    // longer ones no word anybody types whole.
    constexpr std::size_t kMostParts = 4;
    constexpr std::size_t kLongestPart = 24;
    std::vector<HyphenatedWord> words;
    for (std::size_t first = 0; first < syllables.size();) {
        std::size_t last = first;
        while (last + 1 < syllables.size() && syllables[last + 1]->position == syllables[last]->position + 1 &&
               hyphen_between(text, *syllables[last], *syllables[last + 1]))
            ++last;
        const std::size_t next = last + 1;
        const std::size_t parts = last - first + 1;
        if (parts < 2 || parts > kMostParts) {
            first = next;
            continue;
        }
        const Token& head = *syllables[first];
        const Token& tail = *syllables[last];
        const bool in_path = (head.begin > 0 && text[head.begin - 1] == '/') || (tail.end < text.size() && text[tail.end] == '/');
        bool letter = false, short_parts = true, outside_references = true;
        for (std::size_t k = first; k <= last; ++k) {
            letter = letter || syllables[k]->kind == TokenKind::word;
            short_parts = short_parts && syllables[k]->folded.size() <= kLongestPart;
            outside_references = outside_references && !inside_any(*syllables[k], references);
        }
        if (letter && short_parts && outside_references && !in_path) {
            HyphenatedWord word{first, last, {}};
            for (std::size_t k = first; k <= last; ++k) word.joined += syllables[k]->folded;
            words.push_back(std::move(word));
        }
        first = next;
    }
    return words;
}

std::string TermMapper::capitalized_word_term(std::string_view text, const Token& word) {
    if (word.syllables < 2 || word.end > text.size() || !WordDictionary::builtin().is_word_term(word.folded)) return {};
    // Each syllable: whether it begins with a capital, and whether it is all capitals.
    std::vector<bool> capital;
    bool all_capitals = true, longer_than_a_letter = false;
    for (std::size_t pos = word.begin; pos < word.end;) {
        char32_t cp = unicode::decode_utf8(text, pos);
        if (cp == U' ' || cp == U'\t' || cp == 0x00A0) continue;
        capital.push_back(is_upper(cp));
        bool upper = capital.back();
        std::size_t letters = 1;
        while (pos < word.end) {
            std::size_t next = pos;
            cp = unicode::decode_utf8(text, next);
            if (cp == U' ' || cp == U'\t' || cp == 0x00A0) break;
            pos = next;
            upper = upper && (is_upper(cp) || !u_isalpha(static_cast<UChar32>(cp)));  // a combining mark keeps it
            ++letters;
        }
        all_capitals = all_capitals && upper;
        longer_than_a_letter = longer_than_a_letter || letters > 1;
    }
    if (capital.size() != word.syllables || std::find(capital.begin(), capital.end(), true) == capital.end()) return {};
    if (all_capitals && longer_than_a_letter) return {};
    if (std::count(capital.begin(), capital.end(), true) == 1 && capital.front() && heads_sentence(text, word.begin)) return {};
    std::string term(schema::kCapitalizedWordPrefix);
    std::size_t syllable = 0;
    bool starts_syllable = true;
    for (std::size_t pos = 0; pos < word.exact.size();) {
        const char32_t cp = unicode::decode_utf8(word.exact, pos);
        if (cp == U'_') {
            term += '_';
            ++syllable;
            starts_syllable = true;
            continue;
        }
        unicode::append_utf8(term, starts_syllable && capital[syllable] ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp))) : cp);
        starts_syllable = false;
    }
    return term;
}

std::string TermMapper::exact_term(const Token& token) {
    if (!has_exact_term(token)) return {};
    return std::string(schema::kExactPrefix) + token.exact;
}

std::string TermMapper::stem_term(const Token& token) const {
    if (!may_have_english_stem(token)) return {};
    return std::string(schema::kStemPrefix) + english_stemmer_(token.folded);
}

std::string TermMapper::hyphenated_stem_term(std::string_view text, const Token& first, const Token& second) const {
    if (!may_have_english_stem(first, 1) || !may_have_english_stem(second) || second.begin != first.end + 1 || first.end >= text.size() ||
        text[first.end] != '-')
        return {};
    return std::string(schema::kStemPrefix) + english_stemmer_(first.folded + second.folded);
}

std::string TermMapper::reference_term(const DocumentNumber& number) {
    return std::string(schema::kReferencePrefix) + number.key();
}

void ExactTermCounts::add(std::string_view exact, Xapian::Document& doc) {
    if (used_ == kSlots / 2) add_to(doc);
    std::size_t slot = std::hash<std::string_view>{}(exact) & (kSlots - 1);
    while (slots_[slot].count != 0 && slots_[slot].exact != exact) slot = (slot + 1) & (kSlots - 1);
    if (slots_[slot].count++ == 0) {
        slots_[slot].exact = exact;
        ++used_;
    }
}

void ExactTermCounts::add_to(Xapian::Document& doc) {
    std::string term(schema::kExactPrefix);
    for (Slot& slot : slots_) {
        if (slot.count == 0) continue;
        term.resize(schema::kExactPrefix.size());
        term += slot.exact;
        doc.add_term(term, slot.count);
        slot = Slot{};
    }
    used_ = 0;
    // Two thirds of the exact words of news text have no exact term: 10% of an article's
    // terms, and as much of the indexer's time (bench/README.md). Without the length they
    // gave, every document's length would change and ranking with it (ALQAC 2023 MRR@10 −0.011).
    if (implied_ > 0) doc.add_term(std::string(schema::kImpliedExactTerm), implied_);
    implied_ = 0;
}

void TermMapper::index_token(Xapian::Document& doc, ExactTermCounts& exact_terms, const Token& token, bool stem) const {
    doc.add_posting(folded_term(token), token.position + 1);  // Xapian positions start at 1
    // An exact form's positions would repeat its folded form's wherever it occurs, and they
    // cost a third of the index's size and of its build time (bench/README.md): phrases match
    // folded syllables, and an exact phrase is that phrase where the exact forms occur
    // (core/query.cpp). The wdf is the same either way, so ranking is too.
    if (has_exact_term(token)) exact_terms.add(token.exact, doc);
    else if (token.has_diacritics()) exact_terms.add_implied();
    if (stem) {
        if (std::string term = stem_term(token); !term.empty()) doc.add_term(term);
    }
}

Xapian::Query TermMapper::token_query(const Token& token, bool stem) const {
    Xapian::Query folded(folded_term(token));
    if (has_exact_term(token)) return Xapian::Query(Xapian::Query::OP_OR, folded, Xapian::Query(exact_term(token)));
    if (!stem) return folded;
    const std::string stem_form = stem_term(token);
    if (stem_form.empty()) return folded;
    // One term for ranking, not two: stems are indexed for English documents only, so a
    // stem alone is rare and would weigh far more than the folded word ("quy" in the URL of
    // an English article outranking Vietnamese articles on "quy định").
    return Xapian::Query(Xapian::Query::OP_SYNONYM, folded, Xapian::Query(stem_form));
}

}  // namespace tracuu
