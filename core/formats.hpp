/** @file
 * @brief Input formats: what a file is, from its extension and, where that lies or is
 *        missing, from its first bytes.
 */
#pragma once

#include <filesystem>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tracuu {

enum class Format {
    text,      ///< .txt; also text files without an extension.
    markdown,  ///< .md, .markdown: read as the text it shows (core/markdown.hpp).
    html,      ///< .html, .htm, .xhtml
    json,      ///< .json: one record (an object) or an array of records.
    jsonl,     ///< .jsonl: one record a line.
    pdf,       ///< .pdf
    docx,      ///< .docx: Word (Office Open XML).
    odt,       ///< .odt: OpenDocument text (LibreOffice, Google Docs exports).
    doc,       ///< Legacy Word (.doc), known by its content only: an OLE2 file with a WordDocument stream.
};

/// Deepest nesting of elements (HTML, XML) or values (JSON) a reader accepts; deeper input is
/// reported ("nested deeper than 1000 levels"), not read. The parsers' and our tree walks
/// recurse once a level (50,000 levels overflow a thread's stack), and gumbo's time grows
/// faster than the square of the depth (10,000 nested <div>s: 0.8 s, 40,000: 43 s). Browsers
/// build at most 512 levels; no real document comes near.
inline constexpr std::size_t kMaxNestingDepth = 1000;

/// "nested deeper than 1000 levels", the problem a file over kMaxNestingDepth is reported with.
[[nodiscard]] std::string nested_too_deep_reason();

/// "text", "markdown", "html", "json", "jsonl", "pdf", "docx", "odt", "doc".
[[nodiscard]] std::string_view to_string(Format format);

/// The format an extension names ("" for none); nullopt for an extension tracuu does not read.
[[nodiscard]] std::optional<Format> format_from_extension(const std::filesystem::path& path);

/// The format @p head (the first bytes of a file) shows by itself, if any: "%PDF-" is a PDF,
/// "<!DOCTYPE html", "<html" or a leading "<head"/"<body" is HTML, a leading "{" or "[" is
/// JSON (JSONL when the first line is a whole object and another line follows). Plain
/// text shows nothing: nullopt.
[[nodiscard]] std::optional<Format> sniff_format(std::string_view head);

/// The office format a ZIP archive @p content (the whole file) holds: OpenDocument text by
/// its leading "mimetype" entry, Word by a "word/document.xml" entry; nullopt for anything else.
[[nodiscard]] std::optional<Format> sniff_office_format(std::string_view content);

/// Whether @p content is an OLE2 compound file, the container of legacy binary Office files
/// (.doc, .xls, .ppt), of which tracuu reads Word's: it starts with D0 CF 11 E0 A1 B1 1A E1.
[[nodiscard]] bool is_compound_file(std::string_view content);

/// Whether the compound file @p content names a stream @p name ("WordDocument" in a legacy
/// Word file, "EncryptedPackage" in a password-protected .docx).
[[nodiscard]] bool compound_file_has_stream(std::string_view content, std::string_view name);

/// The format to read a file as: what its content shows, else what its extension says
/// (nullopt for an unknown extension whose content shows nothing known). Content wins
/// because extensions lie ("report.txt" that is a PDF, "page.htm" saved as text is fine).
[[nodiscard]] std::optional<Format> detect_format(const std::filesystem::path& path, std::string_view content);

}  // namespace tracuu
