/** @file
 * @brief poppler-cpp: load from memory, text of each page as UTF-8.
 */
#include "core/pdf.hpp"

#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <memory>
#include <mutex>

namespace tracuu {
namespace {

std::string utf8(const poppler::ustring& text) {
    const poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// Poppler prints every syntax error of a damaged file on stderr; the indexer reports one
// line per file instead.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

}  // namespace

PdfContent extract_pdf(std::string_view bytes) {
    silence_poppler();
    PdfContent content;
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        content.problem = "PDF too large for poppler";
        return content;
    }
    const std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        content.problem = "PDF cannot be parsed (damaged or not a PDF)";
        return content;
    }
    if (doc->is_locked()) {
        content.problem = "PDF is encrypted (password protected)";
        return content;
    }
    content.pages = doc->pages();
    content.title = utf8(doc->info_key("Title"));
    content.author = utf8(doc->info_key("Author"));
    for (int i = 0; i < content.pages; ++i) {
        const std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        std::string text = utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
        if (is_blank(text)) continue;
        if (!content.text.empty()) content.text += "\n\n";
        content.text += text;
    }
    if (is_blank(content.text))
        content.problem = "PDF has no text layer (" + std::to_string(content.pages) +
                          (content.pages == 1 ? " page" : " pages") + ", probably scanned): not indexed";
    return content;
}

}  // namespace tracuu
