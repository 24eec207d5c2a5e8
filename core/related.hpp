/** @file
 * @brief "Related to this text": a long text (a judgment, an article) -> the indexed
 *        documents that share its most informative terms.
 *
 * A whole text is no query: thousands of words, most of them common. The text is cut
 * down to its K most informative terms, scored tf·idf against the index:
 *
 *     weight(t) = tf(t, text) · ln(N / df(t))
 *
 * where tf counts the term in the text, N is the number of indexed documents and df(t)
 * the number that contain t. Terms are folded words (the unprefixed terms every document
 * has), so a text typed without diacritics chooses the same terms; a legal document
 * number in the text is one reference term (XR...) instead of its parts. Terms that no
 * document contains can match nothing and are never chosen; a term in every document
 * has idf 0 and never wins. The chosen terms are ORed, each with its frequency in the
 * text as within-query frequency, and ranked with the searcher's BM25.
 *
 * English stems are not added: OR-ing a word with its stem counts most matches twice,
 * and on IRLeD (bench/README.md) that cost 0.01 MAP, as a synonym 0.04.
 */
#pragma once

#include "analyzers/analyzer.hpp"

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// One informative term of a text.
struct RelatedTerm {
    std::string term;              ///< Xapian term: "appeal", "XR126/nq-cp".
    std::string word;              ///< The same as a word another engine can search: "appeal", "126/NQ-CP".
    Xapian::termcount frequency;   ///< Occurrences in the text.
    double weight;                 ///< tf·idf, the order they were chosen in.
};

/// Default number of terms kept from a text.
inline constexpr std::size_t kRelatedTerms = 40;

/// The @p max_terms terms of @p text with the highest tf·idf against @p db, best first
/// (ties broken by term, so the choice is deterministic). Invalid UTF-8 is replaced.
[[nodiscard]] std::vector<RelatedTerm> informative_terms(std::string_view text, const Xapian::Database& db,
                                                         const Analyzer& analyzer,
                                                         std::size_t max_terms = kRelatedTerms);

/// The OR of @p terms, each weighted by its frequency in the text; empty for no terms.
[[nodiscard]] Xapian::Query related_query(const std::vector<RelatedTerm>& terms);

/// informative_terms then related_query.
[[nodiscard]] Xapian::Query related_query(std::string_view text, const Xapian::Database& db, const Analyzer& analyzer,
                                          std::size_t max_terms = kRelatedTerms);

/// One document related to a text.
struct RelatedHit {
    std::string id;   ///< Document id.
    double score;     ///< BM25 weight.
};

/// The @p limit documents of @p db that best match @p terms, best first, ranked as the
/// searcher ranks (BM25, k1 1.2, b 0.75).
[[nodiscard]] std::vector<RelatedHit> related_documents(const std::vector<RelatedTerm>& terms, const Xapian::Database& db,
                                                        std::size_t limit);

/// The @p limit documents of @p db most related to @p text: informative_terms then the above.
[[nodiscard]] std::vector<RelatedHit> related_documents(std::string_view text, const Xapian::Database& db,
                                                        const Analyzer& analyzer, std::size_t limit,
                                                        std::size_t max_terms = kRelatedTerms);

}  // namespace tracuu
