/** @file
 * @brief User query text -> Xapian::Query, through the same analyzer as the documents.
 *
 * The query language (README, "Queries"):
 *   words           nghị quyết        ranked, any of them (documents with more rank higher)
 *   phrases         "thi hành pháp luật" or “…”: adjacent words, with or without diacritics
 *   +word, -word    required, excluded
 *   AND, OR, NOT    upper case; AND binds tighter than OR; parentheses group
 *   wildcard        hà*               words starting with "ha" (folded) or "hà"
 *   fields          title:…  lang:vi  year:2023  year:2020..2023  date:2023-01-01..2023-06-30
 *                   ref:126/NQ-CP     (fields filter; they add no weight)
 * A legal document number among the words, in any written variant, ranks the documents
 * that cite it first. Legal type and issuer names also find their other names, at half
 * weight: Nghị định, NĐ and Decree.
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
    std::set<std::string> prefixes;    ///< Folded wildcard prefixes.

    [[nodiscard]] bool empty() const { return folded.empty() && references.empty() && prefixes.empty(); }
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

/// Weight factor for a stop word: it still counts, three quarters as much as a content word
/// (BM25's idf already discounts it; 0.25 and 0.5 made ALQAC answers worse, see bench/README.md).
inline constexpr double kStopwordWeight = 0.75;

/// Weight factor for another name of a legal type or issuer (Decree for Nghị định).
inline constexpr double kSynonymWeight = 0.5;

/// Most terms a wildcard expands to (the most frequent ones).
inline constexpr Xapian::termcount kMaxWildcardExpansion = 100;

/// Parses @p text. Errors (code "bad_query", the message says what and at which
/// character): empty, too long, invalid UTF-8, an unterminated quote, unbalanced
/// parentheses, an operator without operands, an unknown field or a bad field value.
[[nodiscard]] Result<ParsedQuery> parse_query(std::string_view text, const Analyzer& analyzer,
                                              const TermMapper& terms);

/// Parses an ISO date "YYYY-MM-DD" into the value-slot form "YYYYMMDD"; empty if invalid.
[[nodiscard]] std::string date_slot_value(std::string_view iso_date);

/// Query matching documents published in [@p from, @p to] (ISO dates; either may be empty).
[[nodiscard]] Xapian::Query date_range_query(const std::string& from_slot_value, const std::string& to_slot_value);

}  // namespace tracuu
