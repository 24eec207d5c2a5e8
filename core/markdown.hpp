/** @file
 * @brief Markdown -> the text it shows: what snippets, quotations and the title read.
 */
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// The text Markdown @p markdown shows, a line for each of its lines: heading marks (`#`, a
/// `===` or `---` underline), blockquote `>` and list bullets, emphasis (`**`, `*`, `__`, `_`
/// not inside a word, `~~`), code spans' backticks and fences, thematic breaks, table rules
/// and outer pipes, link reference definitions, HTML tags and comments and backslash escapes
/// are removed; a link or an image shows its text (`[text](url)`, `![alt](url)`, `[text][ref]`),
/// an autolink its address (`<https://…>`). Code is kept as written. Line for line, so that
/// an error or a line number reported in the text is the file's.
[[nodiscard]] std::string markdown_to_text(std::string_view markdown);

}  // namespace tracuu
