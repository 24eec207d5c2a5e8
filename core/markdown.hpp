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

/// What the front matter of a Markdown file says of it: YAML between two "---" lines at its
/// top, as static site generators and note apps export articles ("title: …", "date: …",
/// "author: …"). A field it does not state is empty.
struct MarkdownFrontMatter {
    std::string title;
    std::string date;         ///< As written ("2023-09-22T20:01:00+07:00"); the reader parses it.
    std::size_t date_line = 0;  ///< 1-based line of the date, for a message when it is no date.
    std::string author;
};

/// A Markdown file read: the text it shows (markdown_to_text, its front matter left out, line
/// for line) and what its front matter says.
struct MarkdownDocument {
    std::string text;
    MarkdownFrontMatter front_matter;
};

[[nodiscard]] MarkdownDocument read_markdown(std::string_view markdown);

}  // namespace tracuu
