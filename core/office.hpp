/** @file
 * @brief Word (.docx) and OpenDocument (.odt) files -> text, through libzip and pugixml.
 *
 * Both are ZIP archives of XML parts. The body's paragraphs become lines; headers,
 * footers, footnotes, comments and deleted text (tracked changes) are left out, as an
 * HTML page's navigation is.
 */
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

enum class OfficeKind {
    docx,  ///< Office Open XML word processing: word/document.xml, docProps/core.xml.
    odt,   ///< OpenDocument text: content.xml, meta.xml.
};

/// An office document's text and the metadata its properties state.
struct OfficeContent {
    std::string text;     ///< Paragraphs in order, one a line; table cells one a line.
    std::string title;    ///< The title property, or "".
    std::string author;   ///< Who wrote it: .docx dc:creator; .odt meta:initial-creator, else dc:creator; or "".
    std::string problem;  ///< Why it cannot be indexed ("" when it can): not a ZIP archive,
                          ///< a missing or malformed part, a part too large, a
                          ///< body nested deeper than kMaxNestingDepth.
};

/// Extracts @p bytes (the whole file). Never throws.
[[nodiscard]] OfficeContent extract_office(std::string_view bytes, OfficeKind kind);

}  // namespace tracuu
