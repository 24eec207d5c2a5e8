/** @file
 * @brief Query-biased snippets with <mark> around what matched, folded matches included.
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "core/document.hpp"
#include "core/query.hpp"
#include "core/terms.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// HTML-escapes @p text (&, <, >, ").
[[nodiscard]] std::string escape_html(std::string_view text);

/// The passage of @p text (about @p max_bytes long) with the most distinct query matches,
/// HTML-escaped, matches wrapped in <mark>...</mark>, "…" where it was cut. Without any
/// match, the start of the text. Matches inside @p boilerplate (press footers and captions,
/// as the indexer found them) do not count, and a passage does not start inside one.
[[nodiscard]] std::string make_snippet(std::string_view text, const Highlights& highlights, const Analyzer& analyzer,
                                       const TermMapper& terms, const std::vector<TextRange>& boilerplate = {},
                                       std::size_t max_bytes = 240);

/// Every place of @p text that make_snippet would mark for @p highlights: byte ranges of the
/// NFC form of @p text (a stored document's text is NFC already, so of that text), in text
/// order, none nested in another. What a reader of the whole text is shown as the query's
/// matches (GET /documents/{id}?q=…), found by the analyzer the index and the query share:
/// stems, folded forms, multi-syllable words, document numbers in any written form, quoted
/// phrases whole, dates however written. None inside @p boilerplate.
[[nodiscard]] std::vector<TextRange> find_marks(std::string_view text, const Highlights& highlights, const Analyzer& analyzer,
                                                const TermMapper& terms, const std::vector<TextRange>& boilerplate = {});

}  // namespace tracuu
