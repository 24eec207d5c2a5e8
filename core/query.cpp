/** @file
 * @brief Query parsing: a lexer over code points, then recursive descent
 *        (or := and ("OR" and)*; and := sequence ("AND" sequence)*; sequence := unary+).
 */
#include "core/query.hpp"

#include "analyzers/dictionary.hpp"
#include "analyzers/english_words.hpp"
#include "analyzers/legacy_fonts.hpp"
#include "analyzers/legal_article.hpp"
#include "analyzers/reference.hpp"
#include "analyzers/stopwords.hpp"
#include "analyzers/synonyms.hpp"
#include "analyzers/unicode.hpp"
#include "core/links.hpp"
#include "core/metadata.hpp"
#include "core/quotations.hpp"
#include "core/schema.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

namespace tracuu {
namespace {

bool is_quote(char32_t cp) { return cp == U'"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F; }
bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0x00A0 || cp == 0x3000; }

enum class Kind { word, phrase, open, close, op_and, op_or, op_not };

// Most title terms read for the forms of one word of title: (its beginning is three letters
// or more: "fine" reads "fines", "fined", "finest", "finesse", …).
constexpr std::size_t kMaxTitleTermsRead = 2000;

struct Lexeme {
    Kind kind;
    std::size_t begin, end;  // bytes of the text (for a phrase: inside the quotes)
    std::size_t character;   // 1-based, for messages
    char sign = 0;           // '+', '-' or 0
    std::string field;       // "title", "lang", ... or ""
};

const char* const kFields[] = {"title", "lang", "year", "date", "ref", "type", "issuer"};

bool is_field(std::string_view name) {
    return std::any_of(std::begin(kFields), std::end(kFields), [&](const char* f) { return name == f; });
}

Error error_at(std::size_t character, const std::string& what) {
    return {"bad_query", what + " at character " + std::to_string(character)};
}

Result<std::vector<Lexeme>> lex(const std::string& text) {
    // Code points with their byte offsets; character numbers in messages are 1-based indexes.
    std::vector<char32_t> cps;
    std::vector<std::size_t> offsets;
    for (std::size_t p = 0; p < text.size();) {
        offsets.push_back(p);
        cps.push_back(unicode::decode_utf8(text, p));
    }
    offsets.push_back(text.size());
    const std::size_t n = cps.size();

    // Single quotes quote as /check reads them (‘group interests’, 'res judicata'); an
    // apostrophe ("people’s", "’90s") or one that no quote closes is a letter of a word.
    std::map<std::size_t, std::size_t> single_quoted;  // byte after the opening quote -> closing quote's byte
    for (const TextRange& range : find_quotations(text)) {
        const std::size_t opener = unicode::character_start(text, range.begin - 1);
        if (text.compare(opener, range.begin - opener, "\u2018") == 0 || text[opener] == '\'')
            single_quoted.emplace(range.begin, range.end);
    }

    std::vector<Lexeme> out;
    for (std::size_t i = 0; i < n;) {
        if (is_space(cps[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        char sign = 0;
        if ((cps[i] == U'+' || cps[i] == U'-') && i + 1 < n && !is_space(cps[i + 1]) && cps[i + 1] != U')') {
            sign = static_cast<char>(cps[i]);
            ++i;
        }
        // A field name: ASCII letters then ':', as in title:"…" or lang:vi.
        std::string field;
        std::size_t j = i;
        while (j < n && cps[j] < 0x80 && std::isalpha(static_cast<int>(cps[j]))) ++j;
        if (j > i && j < n && cps[j] == U':' && is_field(text.substr(offsets[i], offsets[j] - offsets[i]))) {
            field = text.substr(offsets[i], offsets[j] - offsets[i]);
            i = j + 1;
            if (i >= n || is_space(cps[i]) || cps[i] == U'(' || cps[i] == U')')
                return error_at(start + 1, "field \"" + field + ":\" needs a value");
        }
        if (cps[i] == U'(' || cps[i] == U')') {
            out.push_back({cps[i] == U'(' ? Kind::open : Kind::close, offsets[i], offsets[i + 1], start + 1, sign, {}});
            ++i;
            continue;
        }
        if (is_quote(cps[i])) {
            std::size_t close = i + 1;
            while (close < n && !is_quote(cps[close])) ++close;
            if (close >= n) return Error{"bad_query", "unterminated quote opened at character " + std::to_string(i + 1)};
            out.push_back({Kind::phrase, offsets[i + 1], offsets[close], start + 1, sign, field});
            i = close + 1;
            continue;
        }
        if (const auto quoted = single_quoted.find(offsets[i + 1]); quoted != single_quoted.end() && i + 1 < n) {
            out.push_back({Kind::phrase, quoted->first, quoted->second, start + 1, sign, field});
            i = static_cast<std::size_t>(std::lower_bound(offsets.begin(), offsets.end(), quoted->second) - offsets.begin()) + 1;
            continue;
        }
        std::size_t end = i;
        while (end < n && !is_space(cps[end]) && cps[end] != U'(' && cps[end] != U')' && !is_quote(cps[end])) ++end;
        const std::string_view word = std::string_view(text).substr(offsets[i], offsets[end] - offsets[i]);
        Kind kind = Kind::word;
        if (sign == 0 && field.empty()) {
            if (word == "AND") kind = Kind::op_and;
            if (word == "OR") kind = Kind::op_or;
            if (word == "NOT") kind = Kind::op_not;
        }
        out.push_back({kind, offsets[i], offsets[end], start + 1, sign, field});
        i = end;
    }
    return out;
}

// The phrase of the tokens' folded forms; where they carry diacritics, a document that also
// holds the exact forms matches the phrase twice (once with them), so it ranks above one that
// matches only after folding. An exact syllable has no positions of its own (they would repeat
// its folded form's, see TermMapper::index_token). Counting the phrase once, with the exact
// forms as extra weight (OP_AND_MAYBE), is cheaper but lost a question on ALQAC 2022.
// @p exact_only: only the text that has the exact forms (an excluded phrase typed with
// diacritics: "-\"chinh phụ\"" leaves "chính phủ" alone).
Xapian::Query phrase_query(const std::vector<const Token*>& tokens, bool exact_only = false) {
    std::vector<std::string> folded;
    std::vector<Xapian::Query> exact_forms;
    folded.reserve(tokens.size());
    for (const Token* token : tokens) {
        folded.push_back(TermMapper::folded_term(*token));
        if (TermMapper::has_exact_term(*token)) exact_forms.emplace_back(TermMapper::exact_term(*token));
    }
    Xapian::Query phrase(Xapian::Query::OP_PHRASE, folded.begin(), folded.end(), static_cast<Xapian::termcount>(folded.size()));
    if (exact_forms.empty()) return phrase;
    exact_forms.insert(exact_forms.begin(), phrase);
    const Xapian::Query with_exact_forms(Xapian::Query::OP_AND, exact_forms.begin(), exact_forms.end());
    if (exact_only) return with_exact_forms;
    return Xapian::Query(Xapian::Query::OP_OR, with_exact_forms, phrase);
}

// The documents @p documents matches, each weighing @p weight whatever its terms: a
// citation, a number's own document, a publication date.
Xapian::Query constant_weight(double weight, const Xapian::Query& documents) {
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()), documents);
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

// The character (1-based) where a run of letters and digits longer than the analyzer
// indexes begins, if the text has one: the analyzer drops such a run (a hash, base64), so a
// query of nothing else would have "no words" with no word why.
std::optional<std::size_t> overlong_word_at(std::string_view text) {
    std::size_t run_begin = 0, run_character = 0, character = 0;
    bool in_run = false;
    for (std::size_t pos = 0; pos < text.size(); ++character) {
        const std::size_t here = pos;
        const bool word_part = unicode::is_word_char(unicode::decode_utf8(text, pos));  // as the analyzer reads words
        if (word_part && !in_run) {
            run_begin = here;
            run_character = character;
        }
        in_run = word_part;
        if (in_run && pos - run_begin > Analyzer::kMaxTokenBytes) return run_character + 1;
    }
    return std::nullopt;
}

bool valid_year(std::string_view s) {
    return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Parser {
public:
    Parser(const std::string& text, std::vector<Lexeme> lexemes, const Analyzer& analyzer, const TermMapper& terms,
           ParsedQuery& out, bool stem, const Xapian::Database* index, bool all_words)
        : text_(text), lexemes_(std::move(lexemes)), analyzer_(analyzer), terms_(terms), out_(out), stem_(stem), index_(index),
          all_words_(all_words) {}

    Result<Xapian::Query> parse() {
        auto query = parse_or();
        if (!query) return query;
        if (at_ < lexemes_.size()) return error_at(lexemes_[at_].character, "unexpected \")\"");
        if (query.value().empty()) {
            if (const auto at = overlong_word_at(text_))
                return Error{"bad_query", "the word at character " + std::to_string(*at) + " is longer than the longest word indexed (" +
                                              std::to_string(Analyzer::kMaxTokenBytes) + " bytes): the query has no other words to search for"};
            return Error{"bad_query", "query has no words to search for"};
        }
        return query;
    }

private:
    // A name a synonym was added for: its bytes in the analyzed text, and the synonym's query.
    struct SynonymSpan {
        std::size_t begin, end;
        Xapian::Query query;
    };

    Result<Xapian::Query> parse_or() {
        std::vector<Xapian::Query> parts;
        for (;;) {
            const std::size_t at = at_;
            auto part = parse_and();
            if (!part) return part;
            if (part.value().empty()) {
                if (parts.empty() && !peek(Kind::op_or)) return part;  // no words at all: parse() says so
                return error_at(character_at(at), "OR needs a query on both sides");
            }
            parts.push_back(std::move(part.value()));
            if (!accept(Kind::op_or)) break;
        }
        return combine(Xapian::Query::OP_OR, parts);
    }

    Result<Xapian::Query> parse_and() {
        std::vector<Xapian::Query> parts;
        for (;;) {
            const std::size_t at = at_;
            auto part = parse_sequence();
            if (!part) return part;
            if (part.value().empty()) {
                if (parts.empty() && !peek(Kind::op_and)) return part;  // empty group: parse_or decides
                return error_at(character_at(at), "AND needs a query on both sides");
            }
            parts.push_back(std::move(part.value()));
            if (!accept(Kind::op_and)) break;
        }
        return combine(Xapian::Query::OP_AND, parts);
    }

    // Juxtaposed items: optional ones ranked together, +required, -excluded, field filters.
    Result<Xapian::Query> parse_sequence() {
        std::vector<Xapian::Query> should, must, must_not, filters;
        while (at_ < lexemes_.size()) {
            const Lexeme& lexeme = lexemes_[at_];
            if (lexeme.kind == Kind::close || lexeme.kind == Kind::op_and || lexeme.kind == Kind::op_or) break;
            char sign = lexeme.sign;
            if (lexeme.kind == Kind::op_not) {
                ++at_;
                if (at_ >= lexemes_.size() || is_operator(lexemes_[at_].kind) || lexemes_[at_].kind == Kind::close)
                    return error_at(lexeme.character, "NOT needs a query after it");
                sign = '-';
            }
            const Lexeme& item = lexemes_[at_];
            if (item.sign != 0) sign = item.sign;
            Result<Xapian::Query> query = item.kind == Kind::open ? parse_group() : parse_item();
            if (!query) return query;
            if (query.value().empty()) continue;
            // Fields filter, but for title:, whose words rank what it finds (field_query).
            const bool is_filter = !item.field.empty() && item.field != "title" && item.kind != Kind::open;
            if (!item.field.empty() && !is_filter && sign == 0) sign = '+';
            if (sign == '-') must_not.push_back(std::move(query.value()));
            else if (is_filter) filters.push_back(std::move(query.value()));
            else if (sign == '+') must.push_back(std::move(query.value()));
            else should.push_back(std::move(query.value()));
        }
        Xapian::Query query;
        if (all_words_) {  // each item required (words() requires its words)
            must.insert(must.end(), should.begin(), should.end());
            should.clear();
        }
        if (!should.empty()) query = combine(Xapian::Query::OP_OR, should);
        if (!must.empty()) {
            const Xapian::Query required = combine(Xapian::Query::OP_AND, must);
            query = query.empty() ? required : Xapian::Query(Xapian::Query::OP_AND_MAYBE, required, query);
        }
        if (!filters.empty()) {
            const Xapian::Query filter = combine(Xapian::Query::OP_AND, filters);
            query = query.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0)
                                  : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
        }
        if (!must_not.empty()) {
            const Xapian::Query base = query.empty() ? Xapian::Query::MatchAll : query;
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, base, combine(Xapian::Query::OP_OR, must_not));
        }
        return query;
    }

    Result<Xapian::Query> parse_group() {
        const Lexeme& open = lexemes_[at_++];
        auto inner = parse_or();
        if (!inner) return inner;
        if (!accept(Kind::close)) return error_at(open.character, "unclosed \"(\"");
        return inner;
    }

    // One word, a run of plain words, a phrase or a field.
    Result<Xapian::Query> parse_item() {
        const Lexeme& first = lexemes_[at_];
        const bool excluded = first.sign == '-' || (at_ > 0 && lexemes_[at_ - 1].kind == Kind::op_not);
        if (!first.field.empty()) {
            ++at_;
            return field_query(first);
        }
        if (first.kind == Kind::phrase) {
            ++at_;
            return phrase(first.begin, first.end, excluded);
        }
        const std::string_view word = std::string_view(text_).substr(first.begin, first.end - first.begin);
        if (word.size() > 1 && word.back() == '*') {
            // After a plain word, the two may be a multi-syllable word being typed ("thi hà*").
            std::string_view before;
            if (at_ > 0 && is_plain_word(lexemes_[at_ - 1]) && only_spaces_between(text_, lexemes_[at_ - 1].end, first.begin))
                before = std::string_view(text_).substr(lexemes_[at_ - 1].begin, lexemes_[at_ - 1].end - lexemes_[at_ - 1].begin);
            ++at_;
            return wildcard(word.substr(0, word.size() - 1), first.character, before);
        }
        // Plain words run together (so "126 / NQ - CP" is still one document number).
        std::size_t last = at_;
        if (first.sign == 0)
            while (last + 1 < lexemes_.size() && is_plain_word(lexemes_[last + 1])) ++last;
        const std::size_t end = lexemes_[last].end;
        at_ = last + 1;
        return words(first.begin, end, excluded);
    }

    bool is_plain_word(const Lexeme& l) const {
        if (l.kind != Kind::word || l.sign != 0 || !l.field.empty()) return false;
        return !(l.end - l.begin > 1 && text_[l.end - 1] == '*');
    }

    // A token's query. Left out (@p excluded: "-phụ"), a word typed with diacritics leaves out
    // its exact form only, not every word that folds like it ("phu", "phú", "phủ").
    Xapian::Query word_query(const Token& token, bool excluded) const {
        if (excluded && TermMapper::has_exact_term(token)) return Xapian::Query(TermMapper::exact_term(token));
        const std::vector<std::string>& spellings = other_spellings(token);
        const std::string& possessive = other_possessive_form(token);
        if (spellings.empty() && possessive.empty()) return terms_.token_query(token, stem_);
        std::vector<Xapian::Query> forms = {terms_.token_query(token, stem_)};
        for (const std::string& stem : spellings) forms.emplace_back(std::string(schema::kStemPrefix) + stem);
        if (!possessive.empty()) forms.emplace_back(possessive);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
    }

    // "trump's" for "trump" and "trump" for "trump's", where the index holds it: the stems of
    // English documents drop a possessive, but Vietnamese text quoting English names keeps it
    // ("Trump's", "York's" in a Vietnamese article), and a query read as Vietnamese has no stems.
    // Looked up once a word, for its query and its highlights, as other_spellings are.
    const std::string& other_possessive_form(const Token& token) const {
        const auto [known, fresh] = possessive_forms_.try_emplace(token.folded);
        std::string& form = known->second;
        if (!fresh || index_ == nullptr || token.kind != TokenKind::word || token.has_diacritics() || token.folded.size() < 2) return form;
        constexpr std::string_view kPossessive = "'s";
        const std::string& folded = token.folded;
        const bool possessive = folded.size() > kPossessive.size() &&
                                std::string_view(folded).substr(folded.size() - kPossessive.size()) == kPossessive;
        if (!possessive && folded.find('\'') != std::string::npos) return form;  // "don't"
        std::string other = possessive ? folded.substr(0, folded.size() - kPossessive.size()) : folded + std::string(kPossessive);
        if (index_->term_exists(other)) form = std::move(other);
        return form;
    }

    // The stems of the other spellings, British or American, of an English word that the
    // index holds ("judgment" of "judgement"): the judgments of one court write both. Looked
    // up once a word, for its query and its highlights.
    const std::vector<std::string>& other_spellings(const Token& token) const {
        const auto [known, fresh] = other_spellings_.try_emplace(token.exact);
        std::vector<std::string>& stems = known->second;
        if (!fresh || !stem_ || index_ == nullptr || terms_.stem_term(token).empty()) return stems;
        const std::string own = terms_.english_stem(token.folded);
        for (const std::string& variant : english_spelling_variants(token.folded)) {
            std::string stem = terms_.english_stem(variant);
            if (stem != own && std::find(stems.begin(), stems.end(), stem) == stems.end() &&
                index_->term_exists(std::string(schema::kStemPrefix) + stem))
                stems.push_back(std::move(stem));
        }
        return stems;
    }

    // The dictionary word that @p token's letters make as two or three syllables ("thanhnien" ->
    // "thanh_nien", "vietnam" -> "viet_nam"), the one the index holds most, where it holds it
    // at least kRunTogetherRatio times as often as the token as typed: "daily" is no "đại lý",
    // nor "made" "mã đề". "" for none, and for a word with a synonym (add_synonyms).
    std::string word_run_together(const Token& token) const {
        constexpr std::size_t kShortest = 4, kLongest = 24;
        constexpr Xapian::doccount kRunTogetherRatio = 10;
        const std::string& typed = token.folded;
        if (index_ == nullptr || token.kind != TokenKind::word || !token.letters_only || token.has_diacritics() ||
            typed.size() < kShortest || typed.size() > kLongest || may_be_vietnamese_syllable(typed) || !synonyms_of(typed).empty())
            return {};
        // An English word is meant as typed, however rare in Vietnamese news: "bacon" is no
        // "bà con", "tile" no "tỉ lệ".
        if (is_english_word(typed)) return {};
        std::string best;
        Xapian::doccount best_count = 0;
        const auto consider = [&](std::string word) {
            if (!WordDictionary::builtin().is_word_term(word)) return;
            if (const Xapian::doccount count = index_->get_termfreq(word); count > best_count) {
                best = std::move(word);
                best_count = count;
            }
        };
        const std::string_view letters = typed;
        for (std::size_t i = 1; i < letters.size(); ++i) {
            const std::string_view first = letters.substr(0, i), rest = letters.substr(i);
            if (!may_be_vietnamese_syllable(first)) continue;
            if (may_be_vietnamese_syllable(rest)) consider(std::string(first).append("_").append(rest));
            for (std::size_t j = 1; j < rest.size(); ++j)
                if (may_be_vietnamese_syllable(rest.substr(0, j)) && may_be_vietnamese_syllable(rest.substr(j)))
                    consider(std::string(first).append("_").append(rest.substr(0, j)).append("_").append(rest.substr(j)));
        }
        if (best_count < kRunTogetherRatio * std::max<Xapian::doccount>(1, index_->get_termfreq(typed))) return {};
        return best;
    }

    Result<Xapian::Query> words(std::size_t begin, std::size_t end, bool excluded) {
        const bool highlight = !excluded;
        const Analysis analysis = analyzer_.analyze(std::string_view(text_).substr(begin, end - begin));
        const std::vector<DateMention> dates = date_mentions(analysis.text);
        // A word typed with hyphens ("e-mail", "on-line", "COVID-19") is asked for whole: its
        // parts side by side or written in one piece, not each part apart ("line" of every
        // article on the LINE app).
        const std::vector<const Token*> syllables = first_per_position(analysis);
        const std::vector<HyphenatedWord> hyphenated = hyphenated_words(analysis.text, syllables, analysis.references);
        const auto part_of_hyphenated = [&](const Token& token) {
            return token.syllables == 1 && std::any_of(hyphenated.begin(), hyphenated.end(), [&](const HyphenatedWord& word) {
                       return token.begin >= syllables[word.first]->begin && token.end <= syllables[word.last]->end;
                   });
        };
        if (highlight) {
            // A date's words are marked as the date, however a text writes it (Highlights::dates),
            // not one by one: "ngày", "tháng" and "8" would mark every other date.
            // A hyphenated word is marked whole, written either way (core/snippet.cpp).
            add_highlights(analysis, dates, part_of_hyphenated);
            for (const HyphenatedWord& word : hyphenated) out_.highlights.folded.insert(word.joined);
            add_words(analysis, dates, begin);
        }
        std::vector<const Token*> tokens = syllables;
        // Syllables and multi-syllable words; the parts of a document number are asked for
        // as that number. A word is rarer than its syllables, so text that has the words
        // ranks above text where the syllables merely occur apart.
        for (const Token& token : analysis.tokens)
            if (token.syllables > 1) tokens.push_back(&token);
        std::sort(tokens.begin(), tokens.end(), [](const Token* a, const Token* b) { return a->begin < b->begin; });
        std::vector<Xapian::Query> clauses;
        for (const Token* token : tokens) {
            // A date's words are asked for as the date (below), every way it is written: alone,
            // "ngày", "8" and "2023" would find every other date, and "Tin số 8".
            if (inside_any(*token, analysis.references) || inside_any(*token, dates) || part_of_hyphenated(*token)) continue;
            Xapian::Query clause = word_query(*token, excluded);
            if (is_stopword(*token)) clause = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, clause, kStopwordWeight);
            clauses.push_back(std::move(clause));
        }
        for (const HyphenatedWord& word : hyphenated) {
            const std::vector<const Token*> parts(syllables.begin() + static_cast<std::ptrdiff_t>(word.first),
                                                  syllables.begin() + static_cast<std::ptrdiff_t>(word.last) + 1);
            clauses.emplace_back(Xapian::Query::OP_SYNONYM, phrase_query(parts, excluded), Xapian::Query(word.joined));
        }
        // Syllables typed run together ("thanhnien", "quochoi"), as domain names and hashtags
        // write them: also the word they make, at a synonym's weight, the text as typed first.
        if (!excluded)
            for (const Token* token : syllables)
                if (std::string word = word_run_together(*token); !word.empty()) {
                    const Xapian::Query either(Xapian::Query::OP_SYNONYM, Xapian::Query(token->folded), Xapian::Query(word));
                    clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, either, kSynonymWeight);
                    if (!highlight) continue;
                    out_.highlights.folded.insert(std::move(word));
                    // Understood, and so no misspelling: "annam" is "An Nam", not "anna".
                    const std::size_t typed_at = begin + token->begin;
                    std::erase_if(out_.words, [&](const QueryWord& typed) { return typed.begin == typed_at; });
                }
        std::vector<SynonymSpan> synonym_spans;
        add_synonyms(analysis, clauses, &synonym_spans);
        if (!excluded) add_adjacent_pairs(analysis, dates, clauses);
        // "law-making" finds "lawmaking" too, as "lawmaking" finds "law-making" (the index side).
        if (stem_) {
            for (std::size_t k = 1; k < syllables.size(); ++k)
                if (std::string term = terms_.hyphenated_stem_term(analysis.text, *syllables[k - 1], *syllables[k]); !term.empty()) {
                    if (highlight) out_.highlights.stems.insert(term.substr(schema::kStemPrefix.size()));
                    clauses.emplace_back(std::move(term));
                }
        }
        const std::size_t words_and_pairs = clauses.size();
        for (const ReferenceMention& mention : analysis.references) {
            Xapian::Query clause = number_asked(mention.number);
            // A number typed in part ("126/NQ", "12/2015/TTLT", "25/2024/QD-UB"), as people
            // type the start of a number and press Enter: every number that begins so too.
            if (const std::string prefix = typed_in_part(mention.number); !prefix.empty()) {
                clause = Xapian::Query(Xapian::Query::OP_OR, clause, numbers_beginning(prefix));
                if (highlight) out_.highlights.reference_prefixes.insert(prefix);
            }
            clauses.push_back(std::move(clause));
        }
        // A number alone, as lists and people write it, codes first ("NQ-CP 126") or in part
        // with its type ("QĐ 1880", "Thông tư 47/2011"), which running text does not read as
        // a number: as ref= reads it (read_number_lookup).
        if (analysis.references.empty() && !excluded)
            if (const auto lookup = read_number_lookup(analysis.text)) {
                if (lookup->whole) {
                    clauses.push_back(number_asked(*lookup->whole));
                    out_.highlights.references.insert(lookup->whole->key());
                } else {
                    clauses.push_back(numbers_beginning(lookup->key_prefix()));
                    out_.highlights.reference_prefixes.insert(lookup->key_prefix());
                }
            }
        // An article named as lawyers name it ("Điều 173 Bộ luật Hình sự", "khoản 2 điều 5 luật
        // đất đai", "Article 8 of the Labour Code") is that article of that law, where the index
        // holds the law's articles one by one; named without a law ("điều 173"), every law's.
        if (!excluded)
            for (const ArticleMention& mention : find_article_mentions(analysis.text, analysis.references)) {
                clauses.push_back(named_article(mention));
                out_.highlights.articles.insert(mention.article);
                std::vector<std::pair<std::size_t, std::size_t>> naming = {{mention.begin, mention.end}};
                for (std::size_t k = 0; k < mention.law_keys.size(); ++k)  // the law's name as the index holds it
                    if (index_ == nullptr || index_->term_exists(law_term(mention.law_keys[k]))) naming.push_back(mention.law_spans[k]);
                for (const Token& token : analysis.tokens)
                    if (std::any_of(naming.begin(), naming.end(), [&](const auto& span) { return token.begin >= span.first && token.end <= span.second; }))
                        out_.highlights.article_words.insert(token.folded);
            }
        // A law named by its abbreviation ("Luật HNGĐ", "BLHS"), which its articles do not
        // write: its articles, where the index holds a law article by article, at a word's
        // weight. (Named in full, a law's words find them; a constant for those too measured
        // no better on ALQAC, bench/README.md.)
        std::string law_alone;  // the law term of a law named and nothing else
        if (!excluded && index_ != nullptr) {
            std::vector<Xapian::Query> laws;
            const std::string key = law_key(analysis.text);
            bool abbreviation_alone = false;
            for (const LawAbbreviation& law : find_law_abbreviations(analysis.text, laws_held(*index_))) {
                laws.emplace_back(law_term(law.key));
                out_.law_abbreviations.emplace_back(begin + law.begin, begin + law.end);
                abbreviation_alone = abbreviation_alone || law.key == key;
            }
            if (!laws.empty()) clauses.push_back(constant_weight(kAbbreviatedLawWeight, combine(Xapian::Query::OP_OR, laws)));
            // A law named and nothing else ("Bộ luật Hình sự", "BLHS", "Labour Code", "Luật Đất
            // đai 2013", "Luật ANM"): its articles, where the index holds the law article by
            // article, first. Not initials that find_law_abbreviations left as words ("luật an",
            // which "Luật An ninh mạng" begins with).
            const bool full_name_alone = is_law_key(key) && index_->term_exists(law_term(key)) && !abbreviates_a_law_held(key);
            if (abbreviation_alone || full_name_alone) law_alone = law_term(key);
        }
        // A number and its year alone ("15/2020"), as people type a number whose codes they
        // do not remember: every document number that begins so, besides the text itself.
        for (const Token* token : tokens)
            if (const std::string prefix = number_and_year_key(*token); !prefix.empty()) {
                clauses.push_back(numbers_beginning(prefix));
                if (highlight) out_.highlights.reference_prefixes.insert(prefix);
            }
        // A date however it is written ("14/08/2023", "ngày 14 tháng 8 năm 2023", "August 14,
        // 2023") finds every way texts write it, and the documents published that day.
        std::set<std::string> isos;
        for (const DateMention& date : dates) isos.insert(date.iso);
        for (const std::string& iso : isos) {
            clauses.emplace_back(Xapian::Query::OP_OR, date_query(iso), published_on(iso));
            if (highlight) out_.highlights.dates.insert(iso);
        }
        if (clauses.empty()) return Xapian::Query();
        // No number, date, law or article named: the words are all.
        const bool plain_words = clauses.size() == words_and_pairs && law_alone.empty();
        if (!plain_words && !excluded) out_.names_documents = true;
        Xapian::Query query = combine(Xapian::Query::OP_OR, clauses);
        if (all_words_ && !excluded) {
            // With a number, a date, a law or an article named, the documents those find, or
            // those with every word.
            std::vector<Xapian::Query> either(clauses.begin() + static_cast<std::ptrdiff_t>(words_and_pairs), clauses.end());
            if (Xapian::Query every_word = all_words_required(analysis, syllables, hyphenated, synonym_spans); !every_word.empty())
                either.push_back(std::move(every_word));
            if (!either.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, combine(Xapian::Query::OP_OR, either), query);
        }
        if (law_alone.empty()) return query;
        // A law named alone: its articles weigh the constant only, not what the words add to
        // some ("Bộ luật này" in article 426), so that, equal, they come in the law's order
        // (schema::kArticleSlot).
        return Xapian::Query(Xapian::Query::OP_OR, constant_weight(kLawNamedAloneBoost, Xapian::Query(law_alone)),
                             Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(law_alone)));
    }

    // What parse_query's all_words asks of a run of words: each word, as the query asks for
    // it, in every document; a multi-syllable word rather than its syllables; typed with
    // diacritics, as written so ("giá vàng" is no "gia đình … vắng"); a name with a synonym
    // ("Ủy ban nhân dân", "UBND", "People's Committee"), its words or the synonym; stop words
    // optional. Empty when there is no such word.
    // @p syllables: first_per_position of @p analysis; @p hyphenated: its hyphenated words.
    Xapian::Query all_words_required(const Analysis& analysis, const std::vector<const Token*>& syllables,
                                     const std::vector<HyphenatedWord>& hyphenated_words,
                                     const std::vector<SynonymSpan>& synonym_spans) const {
        std::vector<const Token*> words;
        std::vector<std::size_t> word_of;  // of each syllable, its index in words
        for (const Token* token : syllables) {
            if (const Token* word = longest_token_covering(analysis, *token); words.empty() || words.back() != word) words.push_back(word);
            word_of.push_back(words.size() - 1);
        }
        const auto required_word = [&](const Token& word) {
            return TermMapper::has_exact_term(word) ? Xapian::Query(TermMapper::exact_term(word)) : word_query(word, false);
        };
        const std::vector<WordRun> names = names_typed_in_lower_case(analysis, syllables, words);
        // A hyphenated word ("e-mail"): its parts, or the word written in one piece ("email").
        std::vector<WordRun> hyphenated;
        for (const HyphenatedWord& word : hyphenated_words)
            hyphenated.push_back({word_of[word.first], word_of[word.last], Xapian::Query(word.joined)});
        // The run of words from words[k] asked for otherwise too: a name typed in lower case, else
        // a hyphenated word, else the longest name with a synonym that begins and ends with words
        // here; nullopt for none.
        const auto run_from = [&](std::size_t k) -> std::optional<WordRun> {
            for (const WordRun& name : names)
                if (name.first_word == k) return name;
            for (const WordRun& word : hyphenated)
                if (word.first_word == k) return word;
            const SynonymSpan* synonym = nullptr;
            std::size_t last = k;
            for (const SynonymSpan& span : synonym_spans) {
                if (span.begin != words[k]->begin || span.end < words[k]->end || (synonym != nullptr && span.end <= synonym->end)) continue;
                const auto ending = std::find_if(words.begin() + static_cast<std::ptrdiff_t>(k), words.end(), [&](const Token* w) { return w->end == span.end; });
                if (ending == words.end()) continue;
                synonym = &span;
                last = static_cast<std::size_t>(ending - words.begin());
            }
            if (synonym == nullptr) return std::nullopt;
            return WordRun{k, last, synonym->query};
        };
        std::vector<Xapian::Query> required;
        for (std::size_t k = 0; k < words.size(); ++k) {
            const std::optional<WordRun> run = run_from(k);
            if (!run) {
                if (!is_stopword(*words[k])) required.push_back(required_word(*words[k]));
                continue;
            }
            // Its words as the query reads them, or the other way to ask for them.
            std::vector<Xapian::Query> as_read;
            for (; k <= run->last_word; ++k)
                if (!is_stopword(*words[k])) as_read.push_back(required_word(*words[k]));
            --k;
            required.emplace_back(Xapian::Query::OP_OR, combine(Xapian::Query::OP_AND, as_read), run->query);
        }
        return combine(Xapian::Query::OP_AND, required);
    }

    // Words first_word to last_word (inclusive) of all_words_required's, and another way to ask
    // for them.
    struct WordRun {
        std::size_t first_word, last_word;
        Xapian::Query query;
    };

    // The runs of two to four syllables that the index holds as a name and the query does not
    // read as one. A name is a run of capitalized syllables to the analyzer; typed in lower case,
    // "nguyen thanh binh" is "nguyen" and the dictionary word "thanh_binh", which the documents
    // that name Nguyễn Thanh Bình do not hold. Only runs that begin and end with the query's
    // words, and no dictionary word (those the query reads as the documents do).
    // Each with the name's term (WordRun::query): exact where typed with diacritics.
    std::vector<WordRun> names_typed_in_lower_case(const Analysis& analysis, const std::vector<const Token*>& syllables,
                                                   const std::vector<const Token*>& words) const {
        std::vector<WordRun> names;
        if (index_ == nullptr || !analyzer_.options().words) return names;
        const auto word_beginning = [&](std::size_t begin) {
            return std::find_if(words.begin(), words.end(), [&](const Token* w) { return w->begin == begin; }) - words.begin();
        };
        const auto word_ending = [&](std::size_t end) {
            return std::find_if(words.begin(), words.end(), [&](const Token* w) { return w->end == end; }) - words.begin();
        };
        constexpr std::size_t kMaxNameSyllables = 4;
        for (std::size_t k = 0; k < syllables.size();) {
            bool found = false;
            for (std::size_t n = std::min(kMaxNameSyllables, syllables.size() - k); n >= 2 && !found; --n) {
                const Token& head = *syllables[k];
                const Token& tail = *syllables[k + n - 1];
                const auto first = static_cast<std::size_t>(word_beginning(head.begin));
                const auto last = static_cast<std::size_t>(word_ending(tail.end));
                if (first >= words.size() || last >= words.size() || first == last) continue;  // one word: read as it is
                std::string folded, exact;
                bool joined = true;
                for (std::size_t m = k; m < k + n && joined; ++m) {
                    const Token& syllable = *syllables[m];
                    joined = syllable.kind == TokenKind::word && syllable.letters_only &&
                             (m == k || may_join_as_word(analysis.text, *syllables[m - 1], syllable));
                    folded += (m == k ? "" : "_") + syllable.folded;
                    exact += (m == k ? "" : "_") + syllable.exact;
                }
                if (!joined || WordDictionary::builtin().is_word_term(folded) || !index_->term_exists(folded)) continue;
                const std::string term = exact != folded ? std::string(schema::kExactPrefix) + exact : folded;
                if (!index_->term_exists(term)) continue;  // the name, but not as typed
                names.push_back({first, last, Xapian::Query(term)});
                k += n;
                found = true;
            }
            if (!found) ++k;
        }
        return names;
    }

    // The longest token of @p analysis that covers @p token: the multi-syllable word a syllable
    // is of, or the token itself.
    static const Token* longest_token_covering(const Analysis& analysis, const Token& token) {
        const Token* longest = &token;
        for (const Token& word : analysis.tokens)
            if (word.begin <= token.begin && word.end >= token.end && word.end - word.begin > longest->end - longest->begin) longest = &word;
        return longest;
    }

    // Whether law key @p key ("luat an") is the abbreviation of another law the index holds
    // ("luat an ninh", whose initials are "an"), which the index holds under both keys.
    bool abbreviates_a_law_held(const std::string& key) const {
        const std::size_t space = key.rfind(' ');
        if (space == std::string::npos || space + 1 >= key.size()) return false;
        const std::string prefix = law_term(key.substr(0, space + 2));  // the noun and the first initial
        for (auto it = index_->allterms_begin(prefix); it != index_->allterms_end(prefix); ++it) {
            const std::string held = (*it).substr(law_term("").size());
            if (held != key && law_abbreviation_key(held) == key) return true;
        }
        return false;
    }

    // The laws @p index holds, as find_law_abbreviations asks.
    static LawsHeld laws_held(const Xapian::Database& index) {
        return {[&index](std::string_view key) { return index.term_exists(law_term(key)); },
                [&index](std::string_view key_prefix) {
                    const std::string prefix = law_term(key_prefix);
                    return index.allterms_begin(prefix) != index.allterms_end(prefix);
                }};
    }

    static Xapian::Query named_article(const ArticleMention& mention) {
        const Xapian::Query article(article_term(mention.article));
        if (mention.law_keys.empty() && mention.number_keys.empty() && mention.number_prefixes.empty())
            return constant_weight(kArticleBoost, article);
        std::vector<Xapian::Query> laws;
        for (const std::string& key : mention.law_keys) laws.emplace_back(law_term(key));
        // An article of a document named by its number is one whose own number that is.
        for (const std::string& key : mention.number_keys) laws.emplace_back(std::string(schema::kNumberPrefix) + key);
        for (const std::string& prefix : mention.number_prefixes) laws.push_back(keys_beginning(schema::kNumberPrefix, prefix));
        return constant_weight(kArticleBoost, Xapian::Query(Xapian::Query::OP_AND, article, combine(Xapian::Query::OP_OR, laws)));
    }

    // Whether @p left and @p right are typed one after the other: spaces between them, and
    // square brackets, which part no run ("[1954] INSC 102", as law reports are cited; round
    // ones group a query's words). Unlike may_join_as_word, which says what may make one word.
    static bool typed_side_by_side(std::string_view text, const Token& left, const Token& right) {
        if (right.begin <= left.end) return false;
        const std::string_view gap = text.substr(left.end, right.begin - left.end);
        for (std::size_t p = 0; p < gap.size();) {
            const char32_t cp = unicode::decode_utf8(gap, p);
            if (cp != U' ' && cp != U'\t' && cp != 0x00A0 && cp != U'[' && cp != U']') return false;
        }
        return true;
    }

    // Each two syllables typed side by side, as a phrase: the text that has them so ranks above
    // the text where they occur apart (the ordered bigrams of a sequential dependence model).
    // Not across punctuation ("Hà Nội, Huế"), and not inside a multi-syllable word, whose own
    // term already does this, at the cost of one posting list instead of two position lists.
    // And each run of three or more so typed, whole (kRunPhraseWeight).
    static void add_adjacent_pairs(const Analysis& analysis, const std::vector<DateMention>& dates, std::vector<Xapian::Query>& clauses) {
        std::vector<const Token*> syllables;
        for (const Token* token : first_per_position(analysis))
            if (!inside_any(*token, analysis.references) && !inside_any(*token, dates)) syllables.push_back(token);
        std::size_t run_start = 0;
        const auto end_run = [&](std::size_t run_end) {
            if (run_end - run_start < 3) return;
            std::vector<std::string> run;
            for (std::size_t k = run_start; k < run_end; ++k) run.push_back(TermMapper::folded_term(*syllables[k]));
            clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                 Xapian::Query(Xapian::Query::OP_PHRASE, run.begin(), run.end(), static_cast<Xapian::termcount>(run.size())),
                                 kRunPhraseWeight);
        };
        for (std::size_t k = 1; k < syllables.size(); ++k) {
            const Token& left = *syllables[k - 1];
            const Token& right = *syllables[k];
            if (right.position != left.position + 1 || !typed_side_by_side(analysis.text, left, right)) {
                end_run(k);
                run_start = k;
                continue;
            }
            const bool inside_word = std::any_of(analysis.tokens.begin(), analysis.tokens.end(), [&](const Token& word) {
                return word.syllables > 1 && word.begin <= left.begin && right.end <= word.end;
            });
            if (inside_word) continue;
            const std::string pair[] = {TermMapper::folded_term(left), TermMapper::folded_term(right)};
            clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_PHRASE, std::begin(pair), std::end(pair), 2),
                                 kAdjacentPairWeight);
        }
        end_run(syllables.size());
    }

    // "15/2020" or "08-2021" -> "15/2020/", the start of the keys of numbers 15/2020/…; else "".
    static std::string number_and_year_key(const Token& token) {
        if (token.kind != TokenKind::number) return {};
        const std::string& s = token.folded;
        const std::size_t separator = s.find_first_of("/-");
        if (separator == std::string::npos || separator == 0 || separator > 5 || s.size() != separator + 5) return {};
        const auto all_digits = [](std::string_view part) {
            return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        DocumentNumber number{s.substr(0, separator), 0, {}, false};
        const std::string year = s.substr(separator + 1);
        if (!all_digits(number.number) || !all_digits(year)) return {};
        number.year = std::stoi(year);
        if (number.year < kEarliestNumberYear || number.year > kLatestNumberYear) return {};
        return number.key();  // a number without codes: "15/2020/", leading zeros dropped as in every key
    }

    // When @p number looks like the start of a longer one, the start of the keys it may be
    // of; else "". Its last code unknown to the lexicon or an issuer that begins longer codes,
    // perhaps a code being typed ("UB" of "QĐ-UB…": "25/2024/qd-ub", which finds a QĐ-UB as
    // well as a QĐ-UBND), or only a type, without the issuer a State or Party number always
    // has (a law's "QH14" is its issuer): "126/NQ" is "126/nq-…", not "126/nqlt-…".
    static std::string typed_in_part(const DocumentNumber& number) {
        if (number.codes.empty()) return {};
        const CodeInfo* last = find_code(number.codes.back());
        if (last == nullptr) return number.key();
        // Or the start of a longer code: "UB" of "UBND", "QH" of "QH14".
        static const std::vector<std::string> folded_codes = [] {
            std::vector<std::string> codes;
            for (const CodeInfo& info : code_lexicon()) codes.push_back(unicode::fold(info.code));
            return codes;
        }();
        const std::string last_folded = unicode::fold(number.codes.back());
        const bool longer_code = last->digits_are_term || std::any_of(folded_codes.begin(), folded_codes.end(), [&](const std::string& code) {
                                     return code.size() > last_folded.size() && code.rfind(last_folded, 0) == 0;
                                 });
        if (longer_code && last->kind == CodeKind::issuer) return number.key();
        const bool types_only = std::all_of(number.codes.begin(), number.codes.end(), [](const std::string& code) {
            const CodeInfo* info = find_code(code);
            return info != nullptr && info->kind == CodeKind::type;
        });
        return types_only ? number.key() + "-" : std::string();
    }

    // The terms of prefix @p term_prefix (XR, XN) of the numbers whose key begins with
    // @p key_prefix, the 100 most frequent.
    static Xapian::Query keys_beginning(std::string_view term_prefix, const std::string& key_prefix) {
        constexpr Xapian::termcount kMaxNumbers = 100;
        return Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(term_prefix) + key_prefix, kMaxNumbers,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }

    // As cited() for every number whose key begins with @p key_prefix.
    static Xapian::Query numbers_beginning(const std::string& key_prefix) {
        return Xapian::Query(Xapian::Query::OP_OR, constant_weight(kReferenceBoost, keys_beginning(schema::kReferencePrefix, key_prefix)),
                             constant_weight(2 * kReferenceBoost, keys_beginning(schema::kNumberPrefix, key_prefix)));
    }

    Result<Xapian::Query> phrase(std::size_t begin, std::size_t end, bool excluded) {
        const bool highlight = !excluded;
        const Analysis analysis = analyzer_.analyze(std::string_view(text_).substr(begin, end - begin));
        const std::vector<const Token*> tokens = first_per_position(analysis);
        if (highlight) {
            // A phrase is marked where the text says it whole (Highlights::phrases), not its
            // words wherever they occur: a journalist checking a quote looks for the quote.
            if (tokens.size() == 1) {
                add_highlights(analysis);
            } else {
                for (const Token& token : analysis.tokens) out_.highlights.phrase_words.insert(token.folded);
            }
            add_words(analysis, {}, begin);  // a phrase is asked for word for word, dates too
        }
        if (tokens.empty()) return Xapian::Query();
        if (tokens.size() == 1) return word_query(*tokens.front(), excluded);
        if (highlight) {
            std::vector<std::string> syllables;
            for (const Token* token : tokens) syllables.push_back(token->folded);
            out_.highlights.phrases.push_back(std::move(syllables));
        }
        return phrase_query(tokens, excluded);
    }

    // @p before: the plain word typed right before it, if any; the two as the start of a
    // multi-syllable word count too, so that "thi hà*" ranks "thi hành" above "thi hàng năm".
    Result<Xapian::Query> wildcard(std::string_view stem, std::size_t character, std::string_view before = {}) {
        const Analysis analysis = analyzer_.analyze(stem);
        if (analysis.tokens.size() != 1) return error_at(character, "a wildcard needs one word before \"*\"");
        const Token& token = analysis.tokens.front();
        out_.highlights.prefixes.insert(token.folded);
        std::vector<Xapian::Query> alternatives{Xapian::Query(Xapian::Query::OP_WILDCARD, TermMapper::folded_term(token),
                                                              kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT)};
        if (TermMapper::has_exact_term(token))
            alternatives.emplace_back(Xapian::Query::OP_WILDCARD, TermMapper::exact_term(token), kMaxWildcardExpansion,
                                      Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        if (!before.empty() && analyzer_.options().words && token.kind == TokenKind::word && token.letters_only) {
            const Analysis previous = analyzer_.analyze(before);
            if (previous.tokens.size() == 1 && previous.tokens.front().kind == TokenKind::word && previous.tokens.front().letters_only) {
                const std::string word_prefix = previous.tokens.front().folded + "_" + token.folded;
                out_.highlights.prefixes.insert(word_prefix);  // snippets mark "pháp luật" whole for "pháp lu*"
                alternatives.emplace_back(Xapian::Query::OP_WILDCARD, word_prefix, kMaxWildcardExpansion,
                                          Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
            }
        }
        return combine(Xapian::Query::OP_OR, alternatives);
    }

    // A word of title:, and, when it is English, every form of it that the index's titles
    // hold, as the text's words are stemmed ("title:judgment" finds "Notes on judgments"), in
    // both spellings, British and American ("title:licence" finds "license fees").
    // Titles have no stem terms: a spelling's forms are the title terms that begin as it does,
    // up to where its stem departs from it, and have its stem.
    Xapian::Query title_word_query(const Token& token) const {
        const std::string term = std::string(schema::kTitlePrefix) + token.folded;
        if (!stem_ || index_ == nullptr || terms_.stem_term(token).empty()) return Xapian::Query(term);
        std::vector<std::string> spellings = english_spelling_variants(token.folded);
        spellings.insert(spellings.begin(), token.folded);
        std::vector<std::string> forms;
        for (const std::string& spelling : spellings) {
            const std::string stem = terms_.english_stem(spelling);
            std::size_t shared = 0;
            while (shared < stem.size() && shared < spelling.size() && stem[shared] == spelling[shared]) ++shared;
            const std::string beginning = std::string(schema::kTitlePrefix) + spelling.substr(0, std::max<std::size_t>(shared, 3));
            std::size_t seen = 0;
            for (auto it = index_->allterms_begin(beginning); it != index_->allterms_end(beginning) && seen < kMaxTitleTermsRead; ++it, ++seen)
                if (terms_.english_stem((*it).substr(schema::kTitlePrefix.size())) == stem &&
                    std::find(forms.begin(), forms.end(), *it) == forms.end())
                    forms.push_back(*it);
        }
        if (forms.empty()) return Xapian::Query(term);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
    }

    Result<Xapian::Query> field_query(const Lexeme& lexeme) {
        const std::string value = text_.substr(lexeme.begin, lexeme.end - lexeme.begin);
        const std::string& field = lexeme.field;
        if (value.empty()) return error_at(lexeme.character, "field \"" + field + ":\" has no value");
        if (field == "title") {
            const Analysis analysis = analyzer_.analyze(value);
            std::vector<std::string> terms;
            std::vector<Xapian::Query> words;
            std::vector<Xapian::Query> forms;  // of each word, in the title
            for (const Token* token : first_per_position(analysis)) {
                terms.push_back(std::string(schema::kTitlePrefix) + token->folded);
                forms.push_back(title_word_query(*token));
                words.push_back(word_query(*token, false));
            }
            if (terms.empty()) return error_at(lexeme.character, "title: needs words");
            // Quoted, a phrase of the title as written (title terms have its positions); else
            // its words anywhere in it, in any form that has their stem.
            Xapian::Query in_title =
                lexeme.kind == Kind::phrase
                    ? Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()))
                    : Xapian::Query(Xapian::Query::OP_AND, forms.begin(), forms.end());
            // Title terms carry no wdf (they would change the document's length), and are folded:
            // the words as typed, diacritics included, rank the titles found ("title:đất" puts
            // "Giá đất" above "Giá đắt").
            return Xapian::Query(Xapian::Query::OP_AND_MAYBE, in_title, combine(Xapian::Query::OP_OR, words));
        }
        if (field == "lang") {
            if (value != "vi" && value != "en") return error_at(lexeme.character, "lang: is vi or en, not \"" + value + "\"");
            return Xapian::Query(std::string(schema::kLanguagePrefix) + value);
        }
        if (field == "ref") {
            const auto lookup = read_number_lookup(value);
            if (!lookup || (!lookup->whole && index_ == nullptr))
                // A value with a space is quoted: ref:QĐ 1880 is ref:QĐ and the word 1880.
                return error_at(lexeme.character, "ref: \"" + value + "\" is not a document number: give one whole (ref:126/NQ-CP) or its "
                                                  "serial with its year (ref:45/2019) or its type, quoted (ref:\"QĐ 1880\")");
            if (lookup->whole) {
                out_.highlights.references.insert(lookup->whole->key());
                return citing_number(lookup->whole->key());  // not the document that is it
            }
            // The part a lawyer remembers ("45/2019"): every number it fits that the corpus cites.
            const std::vector<std::string> keys = keys_looked_up(*index_, *lookup);
            out_.highlights.references.insert(keys.begin(), keys.end());
            return citing_any_of(keys);
        }
        if (field == "type") {
            const auto code = resolve_type(value);
            if (!code)
                return error_at(lexeme.character, "type: \"" + value +
                                                      "\" is no document type; give a code (NĐ), a name (Nghị định, Decree) or article");
            return Xapian::Query(type_term(*code));
        }
        if (field == "issuer") {
            const auto code = resolve_issuer(value, index_);
            if (!code)
                return error_at(lexeme.character, "issuer: \"" + value +
                                                      "\" is no issuer; give a code (CP), a name (Chính phủ, Government)");
            return Xapian::Query(issuer_term(*code));
        }
        // year:2023, year:2020..2023, date:2023-01-01..2023-06-30 (either end may be open).
        const std::size_t dots = value.find("..");
        const std::string low = value.substr(0, dots), high = dots == std::string::npos ? value : value.substr(dots + 2);
        std::string from, to;
        if (field == "year") {
            if ((!low.empty() && !valid_year(low)) || (!high.empty() && !valid_year(high)) || (low.empty() && high.empty()))
                return error_at(lexeme.character, "year: takes YYYY or YYYY..YYYY, not \"" + value + "\"");
            if (!low.empty()) from = low + "0101";
            if (!high.empty()) to = high + "1231";
        } else {  // date
            from = low.empty() ? std::string() : date_slot_value(low);
            to = high.empty() ? std::string() : date_slot_value(high);
            if ((!low.empty() && from.empty()) || (!high.empty() && to.empty()) || (low.empty() && high.empty()))
                return error_at(lexeme.character, "date: takes YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, not \"" + value + "\"");
        }
        if (!from.empty() && !to.empty() && from > to)
            return error_at(lexeme.character, field + ": range \"" + value + "\" is reversed: " + low + " is after " + high);
        return date_range_query(from, to);
    }

    // The other names of a legal type or issuer named in the text (NĐ, Nghị định, Decree),
    // at reduced weight, and, when asked, where each name is. Names of several syllables are
    // looked up as runs of syllables, not as dictionary words, so "bộ tài chính" is found
    // whether or not segmentation joins it.
    void add_synonyms(const Analysis& analysis, std::vector<Xapian::Query>& clauses, std::vector<SynonymSpan>* spans = nullptr) const {
        constexpr std::size_t kLongestName = 6;  // "bộ luật tố tụng hình sự"
        // Not the codes inside a document number ("NĐ", "CP" of 15/2020/NĐ-CP): its reference
        // term finds it, and phrases of common words ("chính phủ") would cost more than all the rest.
        std::vector<const Token*> syllables = first_per_position(analysis);
        syllables.erase(std::remove_if(syllables.begin(), syllables.end(),
                                       [&](const Token* token) { return inside_any(*token, analysis.references); }),
                        syllables.end());
        std::set<std::string> seen;
        for (std::size_t i = 0; i < syllables.size(); ++i) {
            std::string key;
            for (std::size_t n = 1; n <= kLongestName && i + n <= syllables.size(); ++n) {
                if (n > 1) key += '_';
                key += syllables[i + n - 1]->folded;
                const std::vector<std::string>& names = synonyms_of(key);
                if (names.empty() || !seen.insert(key).second) continue;
                // One term for ranking with the name as typed, as stems are (core/terms.cpp): a
                // name rare in one language ("regulation" among Vietnamese articles) would
                // otherwise outweigh the common word typed ("quy định").
                std::vector<Xapian::Query> alternatives = {name_query(key)};
                for (const std::string& name : names) alternatives.push_back(name_query(name));
                const Xapian::Query synonym(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
                clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, synonym, kSynonymWeight);
                if (spans != nullptr) spans->push_back({syllables[i]->begin, syllables[i + n - 1]->end, synonym});
            }
        }
    }

    // A folded name as a query: one term, or a phrase of its syllables ("nghi_dinh", "prime minister").
    static Xapian::Query name_query(const std::string& name) {
        std::vector<std::string> words;
        for (std::size_t start = 0; start <= name.size();) {
            const std::size_t end = std::min(name.find_first_of("_ ", start), name.size());
            words.push_back(name.substr(start, end - start));
            start = end + 1;
        }
        if (words.size() == 1) return Xapian::Query(words.front());
        return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), static_cast<Xapian::termcount>(words.size()));
    }

    // The documents published or issued on date @p iso, with a constant weight: their date is
    // a boolean term, which BM25 gives none, so they ranked below every text that mentions the
    // date, the resolution of 14/8/2023 below the plans citing it. About what the rarest term of
    // the index can weigh, 2 ln(N + 1): above a mention of the date, as a number's own
    // document comes before its citers, but not above all the other words of a query.
    Xapian::Query published_on(const std::string& iso) const {
        const double documents = index_ != nullptr ? index_->get_doccount() : 0.0;
        const double weight = 2 * std::log(documents + 1) + 1;
        return constant_weight(weight, Xapian::Query(std::string(schema::kDatePrefix) + date_slot_value(iso)));
    }

    Xapian::Query cited(const DocumentNumber& number) const {
        // A constant weight for citing documents, not a scaled BM25 one: scaling would blow
        // up length-normalization differences and drown what the other words say. The
        // document that is this number, when the corpus holds it, comes before them all, and
        // of an original and its translation the one in the query's language, else the
        // Vietnamese original (a tenth of the gap, above what a term can weigh).
        const Xapian::Query holders(std::string(schema::kNumberPrefix) + number.key());
        const std::string language = out_.language == "en" ? "en" : "vi";
        const Xapian::Query in_language(Xapian::Query::OP_FILTER, holders, Xapian::Query(std::string(schema::kLanguagePrefix) + language));
        // Of the citing documents too, those in the query's language first (a hundredth of the
        // gap, about what a few words weigh): a number typed alone is a Vietnamese query, and
        // the directives implementing a resolution come before the English press on it.
        const Xapian::Query citing(TermMapper::reference_term(number));
        const Xapian::Query citing_in_language(Xapian::Query::OP_FILTER, citing, Xapian::Query(std::string(schema::kLanguagePrefix) + language));
        const std::array<Xapian::Query, 4> parts = {constant_weight(kReferenceBoost, citing), constant_weight(2 * kReferenceBoost, holders),
                                                    constant_weight(kReferenceBoost / 10, in_language),
                                                    constant_weight(kReferenceBoost / 100, citing_in_language)};
        return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    }

    // A document number the query asks for: cited(), and the reference term itself as a word
    // (BM25: rarer numbers and more mentions weigh more), which ranks the citing documents among
    // themselves. It replaced a phrase of the number's parts ("126 nq cp"): the same documents,
    // at a fifth of the cost.
    Xapian::Query number_asked(const DocumentNumber& number) const {
        return Xapian::Query(Xapian::Query::OP_OR, cited(number), Xapian::Query(TermMapper::reference_term(number)));
    }

    // @p dates: spans of the analyzed text whose tokens are not marked one by one.
    // @p part_of_hyphenated: the parts of a hyphenated word, marked only whole (words()).
    void add_highlights(const Analysis& analysis, const std::vector<DateMention>& dates = {},
                        const std::function<bool(const Token&)>& part_of_hyphenated = nullptr) {
        const Token* previous = nullptr;
        for (const Token& token : analysis.tokens) {
            // Nor the parts of a document number, which is marked whole: "2024" of
            // "112/2024/NĐ-CP" would mark every year 2024 of the text.
            if (inside_any(token, dates) || inside_any(token, analysis.references)) continue;
            // Not the parts of a date ("2023" of "14/8/2023"): they would mark every other
            // date of that year in a snippet.
            const bool part = previous != nullptr && token.kind == TokenKind::number && previous->kind == TokenKind::number &&
                              token.position == previous->position;
            if (!part) previous = &token;
            if (part) continue;
            out_.highlights.typed_forms[token.folded].insert(token.exact);
            out_.highlights.typed_with_diacritics = out_.highlights.typed_with_diacritics || token.has_diacritics();
            // A syllable of a word of several ("vi" of "vi phạm") marks where the text lacks the word.
            if (const Token* word = longest_token_covering(analysis, token);
                token.syllables == 1 && word->syllables > 1 && word->kind == TokenKind::word) {
                out_.highlights.word_syllables[word->folded].push_back(token.folded);
                continue;  // nor its English stem ("vi")
            }
            if (part_of_hyphenated && part_of_hyphenated(token)) continue;
            out_.highlights.folded.insert(token.folded);
            if (const std::string& possessive = other_possessive_form(token); !possessive.empty()) out_.highlights.folded.insert(possessive);
            if (std::string stem = terms_.stem_term(token); !stem.empty())
                out_.highlights.stems.insert(stem.substr(schema::kStemPrefix.size()));
            for (const std::string& stem : other_spellings(token)) out_.highlights.stems.insert(stem);
        }
        for (const ReferenceMention& mention : analysis.references) out_.highlights.references.insert(mention.number.key());
    }

    // The words a spelling suggestion may correct: single syllables or words of letters,
    // outside document numbers and dates (a month written "Sept." is no misspelled "set", and
    // the date is asked for as a date). @p offset is where the analyzed text starts in text_.
    void add_words(const Analysis& analysis, const std::vector<DateMention>& dates, std::size_t offset) {
        for (const Token& token : analysis.tokens) {
            if (token.kind != TokenKind::word || token.syllables != 1) continue;
            if (!inside_any(token, analysis.references) && !inside_any(token, dates))
                out_.words.push_back({offset + token.begin, offset + token.end, token.folded, token.exact});
        }
    }

    static bool is_operator(Kind kind) { return kind == Kind::op_and || kind == Kind::op_or || kind == Kind::op_not; }
    bool peek(Kind kind) const { return at_ < lexemes_.size() && lexemes_[at_].kind == kind; }
    bool accept(Kind kind) {
        if (!peek(kind)) return false;
        ++at_;
        return true;
    }
    std::size_t character_at(std::size_t index) const {
        return index < lexemes_.size() ? lexemes_[index].character : (lexemes_.empty() ? 1 : lexemes_.back().character);
    }

    const std::string& text_;
    std::vector<Lexeme> lexemes_;
    std::size_t at_ = 0;
    const Analyzer& analyzer_;
    const TermMapper& terms_;
    ParsedQuery& out_;
    bool stem_;
    const Xapian::Database* index_;
    const bool all_words_;
    mutable std::unordered_map<std::string, std::vector<std::string>> other_spellings_;  // by exact word
    mutable std::unordered_map<std::string, std::string> possessive_forms_;  // by folded word; "" for none
};

}  // namespace

bool only_spaces_between(std::string_view text, std::size_t begin, std::size_t end) {
    return begin <= end && text.substr(begin, end - begin).find_first_not_of(" \t") == std::string_view::npos;
}

std::string date_slot_value(std::string_view iso_date) {
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return {};
    std::size_t length = 0;
    const std::string iso = parse_date_at(iso_date, length);  // validates the calendar
    if (iso.empty() || length != iso_date.size()) return {};
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

Xapian::Query date_range_query(const std::string& from, const std::string& to) {
    if (!from.empty() && !to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from, to);
    if (!from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, from);
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, to);
}

Result<ParsedQuery> parse_query(std::string_view text, const Analyzer& analyzer, const TermMapper& terms,
                                const Xapian::Database* index, bool all_words) {
    if (text.size() > kMaxQueryBytes)
        return Error{"bad_query", "query is " + std::to_string(text.size()) + " bytes long; the limit is " +
                                      std::to_string(kMaxQueryBytes)};
    if (const auto bad = unicode::find_invalid_utf8(text))
        return Error{"bad_query", "query is not valid UTF-8 (byte offset " + std::to_string(*bad) + ")"};
    std::string normalized = unicode::normalize_nfc(text);
    // Words pasted from a document typed in a legacy font ("NghÞ quyÕt") are read as the
    // indexer reads that document: as the Vietnamese they show.
    if (std::optional<LegacyFontRepair> repair = from_legacy_fonts(normalized, {.words = 1})) normalized = unicode::normalize_nfc(repair->text);
    Result<std::vector<Lexeme>> lexemes = lex(normalized);
    if (!lexemes) return lexemes.error();
    if (lexemes.value().empty()) return Error{"bad_query", "query is empty"};

    ParsedQuery parsed;
    // English stems only for a query that is not Vietnamese: "nghi quyet" is no English word.
    parsed.language = detect_query_language(analyzer.analyze(normalized));
    Parser parser(normalized, std::move(lexemes.value()), analyzer, terms, parsed, parsed.language != "vi", index, all_words);
    Result<Xapian::Query> query = parser.parse();
    if (!query) return query.error();
    parsed.query = std::move(query.value());
    std::sort(parsed.words.begin(), parsed.words.end(), [](const QueryWord& a, const QueryWord& b) { return a.begin < b.begin; });
    parsed.text = normalized;
    return parsed;
}

namespace {

// How names are compared: folded, apostrophes dropped, other punctuation as spaces, spaces
// collapsed: "Bộ Lao động - Thương binh và Xã hội" -> "bo lao dong thuong binh va xa hoi".
std::string name_key(std::string_view name) {
    std::string key;
    bool space = false;
    for (const char c : unicode::fold(name)) {
        if (c == '\'') continue;
        const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        if (!alphanumeric) {
            space = !key.empty();
            continue;
        }
        if (space) key += ' ';
        space = false;
        key += c;
    }
    return key;
}

std::string_view without_trailing_digits(std::string_view code) {
    while (!code.empty() && code.back() >= '0' && code.back() <= '9') code.remove_suffix(1);
    return code;
}

struct Lexicon {
    // The first entry of each kind and Vietnamese name: UB and UBND name one issuer.
    std::map<std::pair<CodeKind, std::string>, const CodeInfo*> by_name_vi;
    // Every name (Vietnamese, English, Party sense) by kind and name_key.
    std::map<std::pair<CodeKind, std::string>, const CodeInfo*> by_name;

    const CodeInfo* named(CodeKind kind, std::string_view name_vi) const {
        const auto it = by_name_vi.find({kind, name_key(name_vi)});
        return it == by_name_vi.end() ? nullptr : it->second;
    }
    // The code that stands for @p info's name: itself, or an earlier entry with the same name.
    const CodeInfo* canonical(const CodeInfo* info) const {
        const CodeInfo* first = named(info->kind, info->name_vi);
        return first != nullptr ? first : info;
    }
};

const Lexicon& lexicon() {
    static const Lexicon table = [] {
        Lexicon t;
        for (const CodeInfo& entry : code_lexicon()) t.by_name_vi.emplace(std::pair{entry.kind, name_key(entry.name_vi)}, &entry);
        for (const CodeInfo& entry : code_lexicon()) {
            const CodeInfo* info = &entry;
            for (const std::string_view name : {info->name_vi, info->name_en}) t.by_name.emplace(std::pair{info->kind, name_key(name)}, t.canonical(info));
        }
        // A Party sense names another type (N-QĐ/TW is a regulation): that type's code.
        for (const CodeInfo& entry : code_lexicon()) {
            const CodeInfo* info = &entry;
            if (info->party_name_vi.empty()) continue;
            const CodeInfo* sense = t.named(info->kind, info->party_name_vi);
            for (const std::string_view name : {info->party_name_vi, info->party_name_en})
                t.by_name.emplace(std::pair{info->kind, name_key(name)}, sense != nullptr ? sense : info);
        }
        return t;
    }();
    return table;
}

// The canonical code of a lexicon code as it appears in a number (QH14 -> QH, UB -> UBND),
// or nullptr when the code is not in the lexicon.
const CodeInfo* lexicon_entry(std::string_view written_code) {
    const CodeInfo* info = find_code(without_trailing_digits(written_code));
    return info == nullptr ? nullptr : lexicon().canonical(info);
}

const CodeInfo* type_named(std::string_view name_vi) { return lexicon().named(CodeKind::type, name_vi); }

// What a user wrote for a code of @p kind: a code, a name, or another name of it (synonyms).
const CodeInfo* resolve_code(std::string_view written, CodeKind kind) {
    if (written.empty() || unicode::find_invalid_utf8(written)) return nullptr;
    const std::string nfc = unicode::normalize_nfc(written);
    std::string without_ampersand = nfc;  // numbers drop it: "BGD&ĐT" is BGDĐT
    without_ampersand.erase(std::remove(without_ampersand.begin(), without_ampersand.end(), '&'), without_ampersand.end());
    std::string_view code = without_ampersand;
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
    if (const CodeInfo* info = lexicon_entry(code); info != nullptr && info->kind == kind) return info;
    const std::string key = name_key(nfc);
    const auto& by_name = lexicon().by_name;
    if (const auto it = by_name.find({kind, key}); it != by_name.end()) return it->second;
    std::string joined = key;  // synonyms are looked up as words joined by "_": "thu_tuong" -> "ttg"
    std::replace(joined.begin(), joined.end(), ' ', '_');
    for (const std::string& other : synonyms_of(joined)) {
        if (const CodeInfo* info = lexicon_entry(other); info != nullptr && info->kind == kind) return info;
        if (const auto it = by_name.find({kind, name_key(other)}); it != by_name.end()) return it->second;
    }
    return nullptr;
}

}  // namespace

namespace {

// The type of a law or code named @p law ("Bộ luật Dân sự", "Luật Cư trú", "Pháp lệnh …",
// "Labour Code"): L, or PL for an ordinance; "" for the constitution, which has no code.
std::string law_type(std::string_view law) {
    const std::string key = law_key(law);
    if (!is_law_key(key) || key == "hien phap") return {};
    const bool ordinance = key.rfind("phap lenh", 0) == 0 || key.find("ordinance") != std::string::npos;
    return std::string(type_named(ordinance ? "Pháp lệnh" : "Luật")->code);
}

}  // namespace

LegalKind legal_kind_of(const std::optional<DocumentNumber>& own_number, std::string_view title, std::string_view law) {
    LegalKind kind;
    if (!own_number) {
        // One article of a law or code is a legal text, not a press article.
        kind.type = law.empty() ? std::string(kArticleType) : law_type(law);
        return kind;
    }
    const std::vector<std::string>& codes = own_number->codes;
    std::size_t first_issuer = 0;
    if (const CodeInfo* type = codes.empty() ? nullptr : lexicon_entry(codes.front()); type != nullptr && type->kind == CodeKind::type) {
        const CodeInfo* party_sense = own_number->party_style && !type->party_name_vi.empty() ? type_named(type->party_name_vi) : nullptr;
        kind.type = party_sense != nullptr ? party_sense->code : type->code;
        first_issuer = 1;
    } else {
        // "Luật số 59/2020/QH14": the noun before the number says what the number does not,
        // in the title or in the law an article is of.
        const std::string key = own_number->key();
        for (const std::string_view text : {title, law}) {
            for (const Reference& reference : extract_references(text)) {
                if (reference.number.key() != key || reference.type_name_vi.empty()) continue;
                if (const CodeInfo* type = type_named(reference.type_name_vi)) kind.type = type->code;
                break;
            }
            if (!kind.type.empty()) break;
        }
        // An article of a code whose record gives the code's number, which names no type
        // ("45/2019/QH14" of "Bộ luật Lao động"): the law's type, as without the number.
        if (kind.type.empty() && !law.empty()) kind.type = law_type(law);
    }
    for (std::size_t i = first_issuer; i < codes.size(); ++i) {
        const CodeInfo* info = lexicon_entry(codes[i]);
        if (info != nullptr && info->kind != CodeKind::issuer) continue;  // a second type code says nothing of who
        std::string code = info != nullptr ? std::string(info->code) : codes[i];
        if (std::find(kind.issuers.begin(), kind.issuers.end(), code) == kind.issuers.end()) kind.issuers.push_back(std::move(code));
    }
    return kind;
}

std::string type_term(std::string_view code) { return std::string(schema::kTypePrefix) + unicode::fold(code); }

std::string issuer_term(std::string_view code) { return std::string(schema::kIssuerPrefix) + unicode::fold(code); }

std::string law_term(std::string_view law_key) { return std::string(schema::kLawPrefix) + std::string(law_key); }

std::string article_term(std::string_view article_key) { return std::string(schema::kArticlePrefix) + std::string(article_key); }

CodeNames names_of_code(std::string_view code) {
    if (code == kArticleType) return {"Bài báo", "Press article"};
    const CodeInfo* info = find_code(code);
    if (info == nullptr) return {};
    return {info->name_vi, info->name_en};
}

std::optional<std::string> resolve_type(std::string_view written) {
    const std::string key = unicode::find_invalid_utf8(written) ? std::string() : name_key(written);
    for (const std::string_view article : {"article", "articles", "press article", "bai bao", "tin bai"})
        if (key == article) return std::string(kArticleType);
    // A code (Bộ luật) is filed with the laws (law_type): a lawyer asks for either name.
    for (const std::string_view code : {"bo luat", "code", "codes"})
        if (key == code) return std::string(type_named("Luật")->code);
    const CodeInfo* info = resolve_code(written, CodeKind::type);
    if (info == nullptr) return std::nullopt;
    return std::string(info->code);
}

Result<TypeFilter> resolve_type_filter(std::string_view written) {
    const std::size_t start = std::min(written.find_first_not_of(' '), written.size());
    const bool excluded = written.substr(start, 1) == "-";
    const std::string_view type = excluded ? written.substr(start + 1) : written;
    // resolve_type reads past punctuation: "--article" would be "article", the opposite of what it seems to ask.
    const bool one_sign = type.substr(std::min(type.find_first_not_of(' '), type.size()), 1) != "-";
    if (const auto code = one_sign ? resolve_type(type) : std::nullopt) return TypeFilter{*code, excluded};
    return Error{"bad_parameter", "parameter \"type\": \"" + std::string(written) +
                                      "\" is no document type; give a code (NĐ), a name (Nghị định, Decree) or article, "
                                      "or one after \"-\" to leave it out (-article: legal documents only)"};
}

std::string to_string(const TypeFilter& filter) { return (filter.excluded ? "-" : "") + filter.code; }

Xapian::Query type_filter_query(const TypeFilter& filter) {
    Xapian::Query type(type_term(filter.code));
    return filter.excluded ? Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, type) : type;
}

std::optional<std::string> resolve_issuer(std::string_view written, const Xapian::Database* index) {
    if (const CodeInfo* info = resolve_code(written, CodeKind::issuer)) return std::string(info->code);
    // A code outside the lexicon (TCDL), as the index holds it from a number that named it.
    const std::string key = unicode::find_invalid_utf8(written) ? std::string() : name_key(written);
    const bool code_like = !key.empty() && key.size() <= 24 && key.find(' ') == std::string::npos;
    if (index == nullptr || !code_like || !index->term_exists(std::string(schema::kIssuerPrefix) + key)) return std::nullopt;
    std::string upper = key;
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return upper;
}

}  // namespace tracuu
