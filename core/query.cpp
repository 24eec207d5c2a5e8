/** @file
 * @brief Query parsing: quotes, words and document numbers.
 */
#include "core/query.hpp"

#include "analyzers/stopwords.hpp"
#include "analyzers/unicode.hpp"
#include "core/schema.hpp"

#include <algorithm>
#include <vector>

namespace tracuu {
namespace {

bool is_quote(char32_t cp) {
    return cp == U'"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F;
}

struct Segment {
    std::string text;
    bool phrase;
};

// Tokens that start a new position; parts of a token (date components) share its position.
std::vector<const Token*> first_per_position(const Analysis& analysis) {
    std::vector<const Token*> tokens;
    for (const Token& token : analysis.tokens)
        if (tokens.empty() || tokens.back()->position != token.position) tokens.push_back(&token);
    return tokens;
}

Xapian::Query phrase_query(const std::vector<const Token*>& tokens, bool exact) {
    std::vector<std::string> terms;
    terms.reserve(tokens.size());
    for (const Token* token : tokens)
        terms.push_back(exact && token->has_diacritics() ? TermMapper::exact_term(*token) : TermMapper::folded_term(*token));
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
}

void add_highlights(const Analysis& analysis, const TermMapper& terms, Highlights& highlights) {
    for (const Token& token : analysis.tokens) {
        highlights.folded.insert(token.folded);
        if (std::string stem = terms.stem_term(token); !stem.empty())
            highlights.stems.insert(stem.substr(schema::kStemPrefix.size()));
    }
    for (const ReferenceMention& mention : analysis.references) highlights.references.insert(mention.number.key());
}

}  // namespace

Result<ParsedQuery> parse_query(std::string_view text, const Analyzer& analyzer, const TermMapper& terms) {
    if (text.size() > kMaxQueryBytes)
        return Error{"bad_query", "query is " + std::to_string(text.size()) + " bytes long; the limit is " +
                                      std::to_string(kMaxQueryBytes)};
    if (const auto bad = unicode::find_invalid_utf8(text))
        return Error{"bad_query", "query is not valid UTF-8 (byte offset " + std::to_string(*bad) + ")"};
    const std::string normalized = unicode::normalize_nfc(text);

    std::vector<Segment> segments{{std::string(), false}};
    std::size_t character = 0, quote_opened_at = 0;
    for (std::size_t pos = 0; pos < normalized.size();) {
        const std::size_t start = pos;
        const char32_t cp = unicode::decode_utf8(normalized, pos);
        ++character;
        if (is_quote(cp)) {
            const bool opening = !segments.back().phrase;
            if (opening) quote_opened_at = character;
            segments.push_back({std::string(), opening});
            continue;
        }
        segments.back().text.append(normalized, start, pos - start);
    }
    if (segments.back().phrase)
        return Error{"bad_query", "unterminated quote opened at character " + std::to_string(quote_opened_at)};

    ParsedQuery parsed;
    // English stems only for a query that is not Vietnamese: "nghi quyet" is no English word.
    parsed.language = detect_language(analyzer.analyze(normalized));
    const bool stem = parsed.language != "vi";
    std::vector<Xapian::Query> clauses;
    for (const Segment& segment : segments) {
        const Analysis analysis = analyzer.analyze(segment.text);
        add_highlights(analysis, terms, parsed.highlights);
        const std::vector<const Token*> tokens = first_per_position(analysis);
        if (tokens.empty()) continue;
        if (segment.phrase && tokens.size() > 1) {
            const bool any_diacritics = std::any_of(tokens.begin(), tokens.end(), [](const Token* t) { return t->has_diacritics(); });
            Xapian::Query folded = phrase_query(tokens, false);
            clauses.push_back(any_diacritics ? Xapian::Query(Xapian::Query::OP_OR, phrase_query(tokens, true), folded) : folded);
            continue;
        }
        // Syllables and multi-syllable words; the parts of a document number are asked for
        // as that number. A word is rarer than its syllables, so text that has the words
        // ranks above text where the syllables merely occur apart.
        std::vector<const Token*> words = tokens;
        for (const Token& token : analysis.tokens)
            if (token.syllables > 1) words.push_back(&token);
        std::sort(words.begin(), words.end(), [](const Token* a, const Token* b) { return a->begin < b->begin; });
        std::size_t next_reference = 0;
        for (const Token* token : words) {
            while (next_reference < analysis.references.size() &&
                   analysis.references[next_reference].end <= token->begin)
                ++next_reference;
            const bool in_reference = next_reference < analysis.references.size() &&
                                      analysis.references[next_reference].begin <= token->begin;
            if (in_reference) continue;
            Xapian::Query clause = terms.token_query(*token, stem);
            if (is_stopword(*token)) clause = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, clause, kStopwordWeight);
            clauses.push_back(std::move(clause));
        }
        for (const ReferenceMention& mention : analysis.references) {
            std::vector<const Token*> parts;
            for (const Token* token : tokens)
                if (token->begin >= mention.begin && token->end <= mention.end) parts.push_back(token);
            // A constant weight for citing documents, not a scaled BM25 one: scaling would
            // blow up length-normalization differences and drown what the other words say.
            Xapian::Query cited(Xapian::Query::OP_FILTER,
                                Xapian::Query((new Xapian::FixedWeightPostingSource(kReferenceBoost))->release()),
                                Xapian::Query(TermMapper::reference_term(mention.number)));
            clauses.emplace_back(Xapian::Query::OP_OR, cited, phrase_query(parts, false));
        }
    }
    if (clauses.empty()) return Error{"bad_query", "query has no words to search for"};
    parsed.query = clauses.size() == 1 ? clauses.front() : Xapian::Query(Xapian::Query::OP_OR, clauses.begin(), clauses.end());
    return parsed;
}

}  // namespace tracuu
