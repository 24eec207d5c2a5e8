/** @file
 * @brief PDF files -> text page by page, through poppler's C++ API.
 */
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// A PDF's text and the metadata its information dictionary states.
struct PdfContent {
    std::string text;     ///< Page texts in reading order, pages separated by an empty line.
    std::string title;    ///< Info "Title", or "".
    std::string author;   ///< Info "Author", or "".
    int pages = 0;
    std::string problem;  ///< Why it cannot be indexed ("" when it can): unparsable,
                          ///< encrypted, or no text layer (a scanned PDF).
};

/// Extracts @p bytes (the whole file). Never throws; poppler's own complaints are silenced.
[[nodiscard]] PdfContent extract_pdf(std::string_view bytes);

}  // namespace tracuu
