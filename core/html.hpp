/** @file
 * @brief HTML pages -> title, text and the metadata the page states, through gumbo,
 *        Google's HTML5 parser (it builds the tree a browser would, malformed markup included).
 */
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// What an HTML page says, as plain text and metadata.
struct HtmlContent {
    std::string title;   ///< The first <h1>, else <title>, else og:title; whitespace collapsed.
    std::string text;    ///< Visible text, one line per block, without scripts, styles,
                         ///< templates, forms and navigation (<nav>, role="navigation",
                         ///< breadcrumbs, <aside>, and <header>/<footer> outside <article> or
                         ///< <main>); on a page with <article> or <main>, without what follows
                         ///< the last of them outside when it is less text than theirs.
    std::string lang;    ///< <html lang> as analyzed_language reads it: "vi", "en"; "" for others or when absent.
    std::string author;  ///< <meta name="author"> or article:author (unless a URL).
    std::string date;    ///< First 10 characters of article:published_time, datePublished or
                         ///< <meta name="date"> when they are an ISO date "YYYY-MM-DD".
    std::string url;     ///< <link rel="canonical"> or og:url.
    std::string problem; ///< Why the page is not read ("" when it is): nested deeper than kMaxNestingDepth.
};

/// The charset a page declares in its first 1024 bytes, as browsers prescan for it:
/// <meta charset="windows-1258"> or <meta http-equiv="Content-Type" content="text/html;
/// charset=..."> (lower case; "" when none). Labels browsers read as windows-1252
/// (iso-8859-1, latin1, us-ascii) are given as windows-1252, as the HTML standard says.
[[nodiscard]] std::string declared_charset(std::string_view html);

/// Extracts @p html (valid UTF-8). Never throws for bad markup: HTML5 parsing has no errors;
/// a page nested deeper than kMaxNestingDepth is refused unparsed (HtmlContent::problem).
[[nodiscard]] HtmlContent extract_html(std::string_view html);

}  // namespace tracuu
