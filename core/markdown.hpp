/** @file
 * @brief Markdown -> the text it shows: what snippets, quotations and the title read.
 */
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// The text Markdown @p markdown shows, a line for each of its lines, as cmark-gfm (GitHub's
/// CommonMark parser, with its tables, strikethrough, autolink and task list extensions) reads
/// it: headings, paragraphs, quotes and list items show their text (an ordered list its
/// numbers, a bullet or a task's box nothing), emphasis and `~~` strikethrough their text (one
/// `~` is a character: "~5 km"), a link
/// or an image its text (`[text](url)`, `![alt](url)`, `[text][ref]`), an autolink its address
/// (`<https://…>`, `www.…`), code spans and code blocks their code as written, a table's rows
/// their cells between " | ", entities and backslash escapes the characters they stand for;
/// HTML, inline or a block, thematic breaks, a table's delimiter row and link reference
/// definitions show nothing. Each block stays on its line, so that an error or a line number
/// reported in the text is the file's; within a paragraph, a code span or a link address over
/// several lines shows on fewer, and the lines it takes are kept after or before it.
/// Parses one document at a time (cmark-gfm shares state between its parsers). Debian 12's
/// cmark-gfm (0.29.0.gfm.6) takes a time that grows with the square of a paragraph's length on
/// some bad input (a paragraph of 200 kB of "![[]()" or "a<?": seconds), so a text with a
/// paragraph over 32 KiB is returned as written.
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

/// The front matter of @p markdown alone (as read_markdown reads it): a scan of its first
/// lines at most, without parsing the text.
[[nodiscard]] MarkdownFrontMatter read_front_matter(std::string_view markdown);

}  // namespace tracuu
