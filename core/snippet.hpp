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

}  // namespace tracuu
