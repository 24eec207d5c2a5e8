/** @file
 * @brief Term mapping shared by indexing and querying.
 */
#include "core/terms.hpp"

#include "core/schema.hpp"

namespace tracuu {
namespace {

// Stems are for English words: ASCII letters (an apostrophe allowed), at least two, or one
// before a hyphen ("e-mail", "x-ray").
bool is_english_word(const Token& token, std::size_t least_letters = 2) {
    if (token.kind != TokenKind::word || token.folded.size() < least_letters || token.has_diacritics()) return false;
    for (const char c : token.folded)
        if (!((c >= 'a' && c <= 'z') || c == '\'')) return false;
    return true;
}

}  // namespace

std::string TermMapper::exact_term(const Token& token) {
    if (!has_exact_term(token)) return {};
    return std::string(schema::kExactPrefix) + token.exact;
}

std::string TermMapper::stem_term(const Token& token) const {
    if (!is_english_word(token)) return {};
    return std::string(schema::kStemPrefix) + english_stemmer_(token.folded);
}

std::string TermMapper::hyphenated_stem_term(std::string_view text, const Token& first, const Token& second) const {
    if (!is_english_word(first, 1) || !is_english_word(second) || second.begin != first.end + 1 || first.end >= text.size() ||
        text[first.end] != '-')
        return {};
    return std::string(schema::kStemPrefix) + english_stemmer_(first.folded + second.folded);
}

std::string TermMapper::reference_term(const DocumentNumber& number) {
    return std::string(schema::kReferencePrefix) + number.key();
}

Xapian::termcount TermMapper::index_token(Xapian::Document& doc, const Token& token, bool stem) const {
    const Xapian::termpos position = token.position + 1;  // Xapian positions start at 1
    doc.add_posting(folded_term(token), position);
    // An exact form's positions would repeat its folded form's wherever it occurs, and they
    // cost a third of the index's size and of its build time (bench/README.md): phrases match
    // folded syllables, and an exact phrase is that phrase where the exact forms occur
    // (core/query.cpp). The wdf is the same either way, so ranking is too.
    if (has_exact_term(token)) doc.add_term(exact_term(token));
    if (stem) {
        if (std::string term = stem_term(token); !term.empty()) doc.add_term(term);
    }
    return token.has_diacritics() && !has_exact_term(token) ? 1 : 0;
}

void TermMapper::add_implied_exact(Xapian::Document& doc, Xapian::termcount count) {
    // Two thirds of the exact words of news text: 10% of an article's terms, and as much of
    // the indexer's time (bench/README.md). Without the length they gave, every document's
    // length would change and ranking with it (ALQAC 2023 MRR@10 −0.011).
    if (count > 0) doc.add_term(std::string(schema::kImpliedExactTerm), count);
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
