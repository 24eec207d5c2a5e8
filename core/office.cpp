/** @file
 * @brief libzip opens the archive from memory; pugixml parses each XML part; a walk of the
 *        body keeps the text of paragraphs, runs, tabs and breaks.
 */
#include "core/office.hpp"

#include "core/formats.hpp"

#include <pugixml.hpp>
#include <zip.h>

#include <cstring>
#include <memory>

namespace tracuu {
namespace {

// A part larger than this is refused rather than inflated: a small archive can expand to
// gigabytes (a "zip bomb"), and no real document's XML comes near it.
constexpr zip_uint64_t kMaxPartBytes = 256ULL << 20;

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ZipCloser>;

// Reads part @p name, at @p index of @p archive (zip_name_locate), into @p out; returns why
// not, or "".
std::string read_part(zip_t* archive, zip_int64_t index, const char* name, std::string& out) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        return std::string(name) + ": " + zip_strerror(archive);
    if (stat.size > kMaxPartBytes)
        return std::string(name) + " inflates to " + std::to_string(stat.size >> 20) + " MiB, over the " +
               std::to_string(kMaxPartBytes >> 20) + " MiB a part may have";
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) return std::string(name) + ": " + zip_strerror(archive);
    out.resize(stat.size);
    const zip_int64_t got = zip_fread(file, out.data(), stat.size);
    std::string why;
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size)
        why = std::string(name) + ": " + zip_file_strerror(file);  // a CRC or inflate error
    zip_fclose(file);
    return why;
}

std::string parse_part(const std::string& xml, const char* name, pugi::xml_document& doc) {
    const pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size());
    if (result) return {};
    return std::string(name) + ": malformed XML (" + result.description() + " at byte offset " +
           std::to_string(result.offset) + ")";
}

bool is(const pugi::xml_node& node, const char* name) { return std::strcmp(node.name(), name) == 0; }

void end_line(std::string& out) {
    if (!out.empty() && out.back() != '\n') out += '\n';
}

// Word: text is in w:t; w:tab and w:br/w:cr inside runs; w:p ends a line. Deleted text
// (w:delText), field codes (w:instrText) and footnote references carry no w:t of the body.
// Both walks recurse once a level, so they stop at kMaxNestingDepth and say so in @p too_deep
// (pugixml itself parses and frees any depth without recursion).
void walk_docx(const pugi::xml_node& node, std::string& out, std::size_t depth, bool& too_deep) {
    if (depth > kMaxNestingDepth) {
        too_deep = true;
        return;
    }
    for (const pugi::xml_node& child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (is(child, "w:t")) {
            out += child.text().get();
        } else if (is(child, "w:tab")) {
            out += '\t';
        } else if (is(child, "w:br") || is(child, "w:cr")) {
            out += '\n';
        } else if (is(child, "w:del") || is(child, "w:moveFrom") || is(child, "mc:Fallback")) {
            // Deleted or moved-away text, and the fallback copy of content also given in
            // mc:Choice, would read twice or read what the author removed.
        } else {
            walk_docx(child, out, depth + 1, too_deep);
            if (is(child, "w:p")) end_line(out);
        }
    }
}

// OpenDocument: text is character data inside text:p and text:h; text:s stands for
// text:c spaces; text:note (footnotes) and office:annotation (comments) are left out.
void walk_odt(const pugi::xml_node& node, std::string& out, std::size_t depth, bool& too_deep) {
    if (depth > kMaxNestingDepth) {
        too_deep = true;
        return;
    }
    for (const pugi::xml_node& child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out += child.value();
        } else if (child.type() != pugi::node_element) {
            continue;
        } else if (is(child, "text:s")) {
            out.append(static_cast<std::size_t>(std::max(1, child.attribute("text:c").as_int(1))), ' ');
        } else if (is(child, "text:tab")) {
            out += '\t';
        } else if (is(child, "text:line-break")) {
            out += '\n';
        } else if (is(child, "text:note") || is(child, "office:annotation") || is(child, "text:tracked-changes")) {
        } else {
            walk_odt(child, out, depth + 1, too_deep);
            if (is(child, "text:p") || is(child, "text:h")) end_line(out);
        }
    }
}

// The first element named @p name anywhere under @p node.
pugi::xml_node find_element(const pugi::xml_node& node, const char* name) {
    return node.find_node([name](const pugi::xml_node& n) { return is(n, name); });
}

}  // namespace

OfficeContent extract_office(std::string_view bytes, OfficeKind kind) {
    OfficeContent content;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
        content.problem = std::string("cannot read as a ZIP archive: ") + zip_error_strerror(&error);
        zip_error_fini(&error);
        return content;
    }
    const Archive archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) {
        zip_source_free(source);
        content.problem = std::string("cannot read as a ZIP archive: ") + zip_error_strerror(&error);
        zip_error_fini(&error);
        return content;
    }
    zip_error_fini(&error);

    const bool docx = kind == OfficeKind::docx;
    const char* body_part = docx ? "word/document.xml" : "content.xml";
    std::string xml;
    pugi::xml_document body;
    const zip_int64_t body_index = zip_name_locate(archive.get(), body_part, 0);
    if (body_index < 0) {
        content.problem = std::string("no ") + body_part + (docx ? " (not a Word document)" : " (not an OpenDocument text)");
        return content;
    }
    if (std::string why = read_part(archive.get(), body_index, body_part, xml); !why.empty()) {
        content.problem = why;
        return content;
    }
    if (std::string why = parse_part(xml, body_part, body); !why.empty()) {
        content.problem = why;
        return content;
    }
    bool too_deep = false;
    if (docx) walk_docx(find_element(body, "w:body"), content.text, 0, too_deep);
    else walk_odt(find_element(body, "office:text"), content.text, 0, too_deep);
    if (too_deep) {
        content.text.clear();
        content.problem = std::string(body_part) + ": " + nested_too_deep_reason();
        return content;
    }

    // Properties are optional: a document without them, or with broken ones, keeps its text.
    const char* properties_part = docx ? "docProps/core.xml" : "meta.xml";
    pugi::xml_document properties;
    const zip_int64_t properties_index = zip_name_locate(archive.get(), properties_part, 0);
    if (properties_index >= 0 && read_part(archive.get(), properties_index, properties_part, xml).empty() &&
        parse_part(xml, properties_part, properties).empty()) {
        content.title = find_element(properties, "dc:title").text().get();
        // The author: in docProps/core.xml dc:creator (cp:lastModifiedBy is the last editor);
        // in ODF's meta.xml meta:initial-creator, as dc:creator there is the last editor, the
        // only name some programs write.
        if (!docx) content.author = find_element(properties, "meta:initial-creator").text().get();
        if (content.author.empty()) content.author = find_element(properties, "dc:creator").text().get();
    }
    return content;
}

}  // namespace tracuu
