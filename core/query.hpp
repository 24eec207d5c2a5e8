/** @file
 * @brief User query text -> Xapian::Query, through the same analyzer as the documents.
 *
 * Syntax: words, and phrases in straight or curly double quotes. A legal document number
 * in any written variant is a reference: documents that cite it rank first.
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "core/error.hpp"
#include "core/terms.hpp"

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>

namespace tracuu {

/// What snippets mark: folded forms, English stems and reference keys of the query.
struct Highlights {
    std::set<std::string> folded;
    std::set<std::string> stems;       ///< Stem terms without their prefix.
    std::set<std::string> references;  ///< DocumentNumber::key() values.

    [[nodiscard]] bool empty() const { return folded.empty() && references.empty(); }
};

/// A parsed query.
struct ParsedQuery {
    Xapian::Query query;
    Highlights highlights;
    std::string language;  ///< detect_language() of the query: "vi", "en" or "".
};

/// Longest query accepted, in bytes.
inline constexpr std::size_t kMaxQueryBytes = 2048;

/// Weight added to documents that cite a document number in the query: far above what
/// the words of any query can add, so that citing documents come first and the words
/// rank them among themselves.
inline constexpr double kReferenceBoost = 1000.0;

/// Weight factor for a stop word: it still counts, a quarter as much as a content word.
inline constexpr double kStopwordWeight = 0.25;

/// Parses @p text. Errors (code "bad_query"): empty, too long, invalid UTF-8, an
/// unterminated quote (the message gives its character position).
[[nodiscard]] Result<ParsedQuery> parse_query(std::string_view text, const Analyzer& analyzer,
                                              const TermMapper& terms);

}  // namespace tracuu
