/** @file
 * @brief Format detection by extension and by magic bytes.
 */
#include "core/formats.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace tracuu {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view skip_blanks(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);  // byte order mark
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    return s;
}

}  // namespace

std::string nested_too_deep_reason() {
    return "nested deeper than " + std::to_string(kMaxNestingDepth) + " levels";
}

std::string_view to_string(Format format) {
    switch (format) {
        case Format::text: return "text";
        case Format::markdown: return "markdown";
        case Format::html: return "html";
        case Format::json: return "json";
        case Format::jsonl: return "jsonl";
        case Format::pdf: return "pdf";
        case Format::docx: return "docx";
        case Format::odt: return "odt";
        case Format::doc: return "doc";
    }
    return "text";
}

std::optional<Format> format_from_extension(const std::filesystem::path& path) {
    const std::string ext = lower(path.extension().string());
    if (ext.empty() || ext == ".txt" || ext == ".text") return Format::text;
    if (ext == ".md" || ext == ".markdown") return Format::markdown;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::html;
    if (ext == ".json") return Format::json;
    if (ext == ".jsonl" || ext == ".ndjson") return Format::jsonl;
    if (ext == ".pdf") return Format::pdf;
    if (ext == ".docx") return Format::docx;
    if (ext == ".odt") return Format::odt;
    return std::nullopt;
}

std::optional<Format> sniff_format(std::string_view head) {
    // A PDF may have a few junk bytes before its header; the specification allows 1024.
    if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::pdf;
    const std::string_view start = skip_blanks(head);
    if (start.empty()) return std::nullopt;
    if (start.front() == '<') {
        const std::string opening = lower(start.substr(0, 512));
        for (const std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"})
            if (opening.rfind(marker, 0) == 0) return Format::html;
        // "<!-- comment -->" then a page
        if (opening.rfind("<!--", 0) == 0 && (opening.find("<html") != std::string::npos ||
                                              opening.find("<!doctype html") != std::string::npos))
            return Format::html;
        return std::nullopt;
    }
    if (start.front() == '[') return Format::json;
    if (start.front() == '{') {
        // JSONL: the first line closes the object and more lines follow.
        const std::size_t eol = start.find('\n');
        if (eol == std::string_view::npos) return Format::json;
        std::string_view first = start.substr(0, eol);
        while (!first.empty() && std::isspace(static_cast<unsigned char>(first.back()))) first.remove_suffix(1);
        const std::string_view rest = skip_blanks(start.substr(eol + 1));
        return !first.empty() && first.back() == '}' && !rest.empty() && rest.front() == '{' ? Format::jsonl : Format::json;
    }
    return std::nullopt;
}

std::optional<Format> sniff_office_format(std::string_view content) {
    if (content.substr(0, 4) != "PK\x03\x04") return std::nullopt;
    // OpenDocument stores "mimetype" first and uncompressed: its name and its content follow
    // the 30-byte local header, after any extra field.
    if (content.size() > 30) {
        auto u16 = [&](std::size_t at) {
            return static_cast<std::size_t>(static_cast<unsigned char>(content[at])) |
                   static_cast<std::size_t>(static_cast<unsigned char>(content[at + 1])) << 8;
        };
        const std::size_t name_length = u16(26), data = 30 + name_length + u16(28);
        if (content.substr(30, name_length) == "mimetype" &&
            content.substr(data, 39) == "application/vnd.oasis.opendocument.text")
            return Format::odt;
    }
    // Entry names are stored uncompressed, in each local header and in the central directory.
    if (content.find("word/document.xml") != std::string_view::npos) return Format::docx;
    return std::nullopt;
}

bool is_compound_file(std::string_view content) {
    return content.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

bool compound_file_has_stream(std::string_view content, std::string_view name) {
    // Stream names are stored in the file's directory as UTF-16LE.
    std::string utf16;
    for (const char c : name) {
        utf16 += c;
        utf16 += '\0';
    }
    return is_compound_file(content) && content.find(utf16) != std::string_view::npos;
}

std::optional<Format> detect_format(const std::filesystem::path& path, std::string_view content) {
    const std::optional<Format> claimed = format_from_extension(path);
    const std::optional<Format> shown =
        content.substr(0, 4) == "PK\x03\x04" ? sniff_office_format(content) : sniff_format(content.substr(0, 4096));
    if (!shown) return claimed;
    if (path.extension().empty()) return shown;
    // A JSONL file is a JSON file to the sniffer when it holds one record, and a Markdown
    // file may open with an HTML comment: trust the extension where both readings fit.
    if (claimed == Format::jsonl && *shown == Format::json) return claimed;
    if (claimed == Format::json && *shown == Format::jsonl) return claimed;
    if (claimed == Format::markdown && *shown == Format::html) return claimed;
    // Braces or brackets opening a .txt file are text, not a broken JSON document.
    if (claimed && (*claimed == Format::text || *claimed == Format::markdown) &&
        (*shown == Format::json || *shown == Format::jsonl))
        return claimed;
    return shown;
}

}  // namespace tracuu
