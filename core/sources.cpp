/** @file
 * @brief Reading input files of every format into documents.
 */
#include "core/sources.hpp"

#include "analyzers/document_number.hpp"
#include "analyzers/legal_article.hpp"
#include "analyzers/legacy_fonts.hpp"
#include "analyzers/locality.hpp"
#include "analyzers/unicode.hpp"
#include "core/formats.hpp"
#include "core/hash.hpp"
#include "core/html.hpp"
#include "core/legacy_word.hpp"
#include "core/markdown.hpp"
#include "core/metadata.hpp"
#include "core/office.hpp"
#include "core/pdf.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>

namespace fs = std::filesystem;

namespace tracuu {
namespace {

bool is_hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
    return static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n')) + 1;
}

std::string id_problem(const std::string& id) {
    if (id.empty()) return "empty document id";
    if (id.size() > kMaxIdBytes) return "document id longer than " + std::to_string(kMaxIdBytes) + " bytes";
    return {};
}

std::string json_string(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

/// Everything one file's reading needs to know, shared by the format readers.
struct FileContext {
    const InputFile& input;
    const ReadOptions& options;
    const DocumentSink& on_document;
    const ProblemSink& on_problem;
    std::string file;           // as named on the command line, for messages and Document::source
    std::string absolute_path;  // for Document::path
    std::uint64_t hash_state;   // the hash of everything but the bytes

    void problem(std::size_t line, std::string reason, std::size_t record = 0) const {
        InputProblem problem{file, line, std::move(reason)};
        problem.record = record;
        on_problem(std::move(problem));
    }
    void warning(std::size_t line, std::string reason, std::size_t record = 0) const {
        InputProblem warning{file, line, std::move(reason), true};
        warning.record = record;
        on_problem(std::move(warning));
    }

    std::uint64_t hash(std::string_view bytes) const { return fnv1a64(bytes, hash_state); }

    // Whether the index already holds this document, from @p source, as it is (so it is skipped).
    bool unchanged(const std::string& id, std::uint64_t content_hash, const std::string& source) const {
        return options.is_unchanged && options.is_unchanged(id, content_hash, source);
    }

    Document document(std::string id, std::uint64_t content_hash) const {
        Document doc;
        doc.id = std::move(id);
        doc.source = file;
        doc.path = absolute_path;
        doc.content_hash = content_hash;
        return doc;
    }
};

// @p content, in @p charset as @p declared_by says, converted to UTF-8 in place; or why not.
// With --lossy an unreadable sequence becomes U+FFFD, and only an unknown charset fails.
std::string convert_declared(std::string& content, const std::string& charset, const std::string& declared_by, bool lossy) {
    std::string decoded, error;
    if (!unicode::convert_to_utf8(content, charset, lossy, decoded, error))
        return declared_by + ": " + error + " (--lossy indexes it with replacement characters)";
    content = std::move(decoded);
    return {};
}

// UTF-16 with a byte order mark (what Windows Notepad saves as "Unicode") as UTF-8; or why not.
std::string decode_utf16_with_byte_order_mark(std::string& content, bool lossy) {
    if (content.rfind("\xFF\xFE", 0) != 0 && content.rfind("\xFE\xFF", 0) != 0) return {};
    // ICU's "UTF-16" reads the byte order mark and drops it.
    return convert_declared(content, "UTF-16", "UTF-16 (byte order mark)", lossy);
}

// Valid UTF-8 text, or why it is not; with --lossy, repaired in place. An HTML page that is
// not UTF-8 is read in the legacy charset it declares (Vietnamese sites long used
// windows-1258).
std::string check_text(std::string& content, Format format, bool lossy) {
    if (const auto nul = content.find('\0'); nul != std::string::npos)
        return "binary file (NUL byte at byte offset " + std::to_string(nul) + ")";
    if (const auto bad = unicode::find_invalid_utf8(content)) {
        if (format == Format::html) {
            const std::string charset = declared_charset(content);
            if (!charset.empty() && charset != "utf-8" && charset != "utf8") {
                std::string why = convert_declared(content, charset, "the page declares charset " + charset, lossy);
                if (why.empty() || !lossy) return why;
                // An unknown charset with --lossy: read as UTF-8 with replacement characters.
            }
        }
        if (lossy) {
            content = unicode::to_valid_utf8(content);
            return {};
        }
        std::string why = "invalid UTF-8 at line " + std::to_string(line_of_offset(content, *bad)) + ", byte offset " +
                          std::to_string(*bad);
        // A file saved in a legacy Vietnamese encoding: say which, and how to convert it.
        if (const std::string encoding = legacy_vietnamese_encoding(content); !encoding.empty()) {
            why += ": it reads as Vietnamese in " + encoding + "; convert it to UTF-8";
            if (encoding == "windows-1258") why += " (iconv -f WINDOWS-1258 -t UTF-8)";
            else if (encoding == "TCVN3") why += " (iconv -f TCVN5712-1 -t UTF-8)";
        }
        return why + " (--lossy indexes it with replacement characters)";
    }
    return {};
}

// Whether an OLE2 compound file is a legacy Word document, which catdoc reads: not a
// password-protected .docx, which is one too.
bool is_legacy_word(std::string_view content) {
    return compound_file_has_stream(content, "WordDocument") && !compound_file_has_stream(content, "EncryptedPackage");
}

// Why another OLE2 compound file is not read.
std::string compound_file_problem(std::string_view content) {
    if (compound_file_has_stream(content, "EncryptedPackage"))
        return "encrypted (password-protected) Office document, not read: save it without a password";
    return "legacy Office binary file (OLE2: .xls, .ppt), not read: save it in a format tracuu reads "
           "(.doc, .docx, .odt, .pdf, text)";
}

// The date a Markdown front matter states, as YYYY-MM-DD; "" when it states none or no date.
std::string front_matter_date(const MarkdownFrontMatter& front_matter) {
    if (front_matter.date.empty()) return {};
    std::size_t length = 0;
    return parse_date_at(front_matter.date, length);
}

// What a Markdown file's front matter states that its document is indexed without (a date
// that is no date). Said before the unchanged check, as a JSONL record's warnings are: an
// unchanged file is skipped unparsed, and each run's log must still say that its document
// has no date. The front matter is read again for it, a scan of at most its first 100
// lines: the bytes are in hand for the content hash, and storing warnings in the index
// would take a schema change and reading each unchanged document's data.
void warn_front_matter(const FileContext& ctx, std::string_view content) {
    const MarkdownFrontMatter front_matter = read_front_matter(content);
    if (!front_matter.date.empty() && front_matter_date(front_matter).empty())
        ctx.warning(front_matter.date_line, "front matter \"date: " + front_matter.date + "\" is not a date; indexed without it");
}

void read_text(const FileContext& ctx, std::string content, Format format, std::uint64_t content_hash) {
    Document doc = ctx.document(ctx.input.id, content_hash);
    // What Markdown shows, not its marks: snippets, quotations and the title read the text.
    MarkdownFrontMatter front_matter;
    if (format == Format::markdown) {
        MarkdownDocument markdown = read_markdown(content);
        content = std::move(markdown.text);
        front_matter = std::move(markdown.front_matter);
    }
    doc.title = shorten_title(front_matter.title.empty() ? first_nonempty_line(content) : front_matter.title);
    doc.author = std::move(front_matter.author);
    doc.date = front_matter_date(front_matter);  // when it is none, warn_front_matter said so
    doc.text = std::move(content);
    ctx.on_document(std::move(doc));
}

void read_html(const FileContext& ctx, std::string_view content, std::uint64_t content_hash) {
    HtmlContent html = extract_html(content);
    if (!html.problem.empty()) {
        ctx.problem(0, html.problem);
        return;
    }
    // A page whose body is a video or a viewer still has its title to be found by.
    if (is_blank(html.text)) html.text = html.title;
    if (is_blank(html.text)) {
        ctx.problem(0, "HTML page without text or title");
        return;
    }
    Document doc = ctx.document(ctx.input.id, content_hash);
    doc.title = html.title.empty() ? shorten_title(first_nonempty_line(html.text)) : shorten_title(html.title);
    doc.text = std::move(html.text);
    doc.lang = std::move(html.lang);
    doc.author = std::move(html.author);
    doc.date = std::move(html.date);
    doc.url = std::move(html.url);
    ctx.on_document(std::move(doc));
}

// The title a file's properties state, or else its text's first line: PDFs and office files
// often carry no title property, or a blank one.
std::string stated_title_or_first_line(std::string_view stated, std::string_view text) {
    if (!is_blank(stated)) return shorten_title(stated);
    return shorten_title(first_nonempty_line(text));
}

void read_pdf(const FileContext& ctx, std::string_view content, std::uint64_t content_hash) {
    PdfContent pdf = extract_pdf(content);
    if (!pdf.problem.empty()) {
        ctx.problem(0, pdf.problem);
        return;
    }
    // Text from a PDF is poppler's: valid UTF-8 by construction, but checked like any input.
    if (unicode::find_invalid_utf8(pdf.text)) pdf.text = unicode::to_valid_utf8(pdf.text);
    Document doc = ctx.document(ctx.input.id, content_hash);
    doc.title = stated_title_or_first_line(unicode::find_invalid_utf8(pdf.title) ? std::string_view() : pdf.title, pdf.text);
    if (!unicode::find_invalid_utf8(pdf.author)) doc.author = pdf.author;
    doc.text = std::move(pdf.text);
    ctx.on_document(std::move(doc));
}

void read_office(const FileContext& ctx, std::string_view content, Format format, std::uint64_t content_hash) {
    OfficeContent office = extract_office(content, format == Format::docx ? OfficeKind::docx : OfficeKind::odt);
    if (!office.problem.empty()) {
        ctx.problem(0, office.problem);
        return;
    }
    if (is_blank(office.text)) {
        ctx.problem(0, format == Format::docx ? "Word document without text" : "OpenDocument text without text");
        return;
    }
    // XML parts are UTF-8 or declare another encoding, which pugixml converts; checked like any input.
    for (std::string* field : {&office.text, &office.title, &office.author})
        if (unicode::find_invalid_utf8(*field)) *field = unicode::to_valid_utf8(*field);
    Document doc = ctx.document(ctx.input.id, content_hash);
    doc.title = stated_title_or_first_line(office.title, office.text);
    doc.author = std::move(office.author);
    doc.text = std::move(office.text);
    ctx.on_document(std::move(doc));
}

void read_legacy_word(const FileContext& ctx, std::uint64_t content_hash) {
    LegacyWordContent word = extract_legacy_word(ctx.input.path, ctx.options.max_bytes);
    if (!word.problem.empty()) {
        ctx.problem(0, word.problem);
        return;
    }
    if (unicode::find_invalid_utf8(word.text)) word.text = unicode::to_valid_utf8(word.text);
    if (is_blank(word.text)) {
        ctx.problem(0, "Word document without text");
        return;
    }
    // catdoc gives no properties: the title is the first line.
    word.text.erase(0, word.text.find_first_not_of("\r\n"));
    Document doc = ctx.document(ctx.input.id, content_hash);
    doc.title = shorten_title(first_nonempty_line(word.text));
    doc.text = std::move(word.text);
    ctx.on_document(std::move(doc));
}

// A JSON record -> a document, or the reason it is not one. @p fallback_id is used when
// the record has no "id" ("" makes "id" required). A field that cannot be used goes to
// @p remark, and the record is still a document.
std::string record_to_document(const rapidjson::Value& json, const std::string& fallback_id, Document& doc,
                               const std::function<void(std::string)>& remark) {
    if (!json.IsObject()) return "expected a JSON object";
    const auto id = json.FindMember("id");
    if (id == json.MemberEnd()) {
        if (fallback_id.empty()) return "missing \"id\" (a string)";
        doc.id = fallback_id;
    } else if (id->value.IsString()) {
        doc.id = json_string(id->value);
    } else if (id->value.IsInt64()) {
        doc.id = std::to_string(id->value.GetInt64());
    } else if (id->value.IsUint64()) {
        doc.id = std::to_string(id->value.GetUint64());
    } else {
        return "missing \"id\" (a string)";
    }
    if (std::string why = id_problem(doc.id); !why.empty()) return why;
    const auto text = json.FindMember("text");
    if (text == json.MemberEnd() || !text->value.IsString()) return "missing \"text\" (a string)";
    doc.text = json_string(text->value);
    if (is_blank(doc.text)) return "empty \"text\"";

    rapidjson::Document extra(rapidjson::kObjectType);
    bool has_extra = false;
    for (const auto& member : json.GetObject()) {
        const std::string name = json_string(member.name);
        if (name == "id" || name == "text") continue;
        // An article's number may be given as a JSON number: "article": 173.
        if (name == "article" && member.value.IsUint64()) {
            doc.article = article_key(std::to_string(member.value.GetUint64()));
            if (doc.article.empty()) remark("\"article\" " + std::to_string(member.value.GetUint64()) + " is not an article number such as 173; ignored");
            continue;
        }
        const bool known = name == "title" || name == "date" || name == "url" || name == "lang" || name == "author" ||
                           name == "number" || name == "locality" || name == "law" || name == "article";
        if (known && !member.value.IsString()) {
            remark("\"" + name + "\" is not a string; ignored");
            continue;
        }
        if (name == "title") {
            doc.title = json_string(member.value);
        } else if (name == "url") {
            doc.url = json_string(member.value);
        } else if (name == "lang") {
            const std::string written = json_string(member.value);
            doc.lang = analyzed_language(written);
            if (doc.lang.empty())
                remark("\"lang\" \"" + written + "\" is neither vi nor en; the language is taken from the text");
        } else if (name == "author") {
            doc.author = json_string(member.value);
        } else if (name == "number") {
            const std::string written = json_string(member.value);
            const auto number = parse_document_number(written);
            if (!number) remark("\"number\" \"" + written + "\" is not a document number such as 15/2020/NĐ-CP; ignored");
            else doc.number = number->canonical();
        } else if (name == "locality") {
            // "Quảng Ninh", "tỉnh Quảng Ninh", "UBND tỉnh Quảng Ninh", "TP. Hồ Chí Minh": the place.
            const std::string written = json_string(member.value);
            std::string place = locality_of_place(written);
            if (place.empty()) place = heading_locality(written);
            if (place.empty()) remark("\"locality\" \"" + written + "\" names no province or city, such as Quảng Ninh; ignored");
            doc.locality = std::move(place);
        } else if (name == "law") {
            // The law or code the document is an article of: "Bộ luật Hình sự", "Luật Đất đai 2013",
            // or the document by its number: "47/2011/TT-BCA", "Nghị định 15/2020/NĐ-CP".
            const std::string written = unicode::normalize_nfc(json_string(member.value));
            if (!is_law_key(law_key(written)) && !parse_document_number(written))
                remark("\"law\" \"" + written + "\" names no law or document number, such as Bộ luật Hình sự or 15/2020/NĐ-CP; ignored");
            else doc.law = written;
        } else if (name == "article") {
            const std::string written = json_string(member.value);
            doc.article = article_key(written);
            if (doc.article.empty()) remark("\"article\" \"" + written + "\" is not an article number such as 173 or 5a; ignored");
        } else if (name == "date") {
            const std::string written = json_string(member.value);
            std::size_t length = 0;
            std::string iso = parse_date_at(written, length);  // ISO, 14/8/2023, August 14, 2023, ...
            if (iso.empty()) remark("\"date\" \"" + written + "\" is not a date; indexed without it");
            doc.date = iso;
        } else {
            extra.AddMember(rapidjson::Value(member.name, extra.GetAllocator()),
                            rapidjson::Value(member.value, extra.GetAllocator()), extra.GetAllocator());
            has_extra = true;
        }
    }
    if (has_extra) {
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        extra.Accept(w);
        doc.extra_fields_json.assign(buffer.GetString(), buffer.GetSize());
    }
    if (doc.title.empty()) doc.title = shorten_title(first_nonempty_line(doc.text));
    return {};
}

std::string json_error(const rapidjson::Document& json, std::string_view text) {
    const std::size_t offset = json.GetErrorOffset();
    const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return std::string("malformed JSON: ") + rapidjson::GetParseError_En(json.GetParseError()) + " (column " +
           std::to_string(column) + ")";
}

// Where @p json nests deeper than kMaxNestingDepth (the bracket that goes past it), or npos.
// RapidJSON parses, copies and writes values by recursion: 100,000 nested arrays overflow the
// stack. Brackets inside strings do not count, as the parser reads them, up to its first error.
std::size_t too_deep_at(std::string_view json) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxNestingDepth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

// The adoption date of each law a file holds article by article, by law_key: its closing
// article says it ("Luật này đã được Quốc hội … thông qua ngày 13 tháng 11 năm 2020"), and it
// is the date of every article of the law that states none, so that year= and sort=date find
// the law's articles, not its last one only.
using LawDates = std::map<std::string, std::string>;

void add_law_date(const rapidjson::Value& record, LawDates& dates) {
    if (!record.IsObject()) return;
    const auto law = record.FindMember("law");
    const auto text = record.FindMember("text");
    if (law == record.MemberEnd() || !law->value.IsString() || text == record.MemberEnd() || !text->value.IsString()) return;
    std::string key = law_key(unicode::normalize_nfc(json_string(law->value)));
    if (key.empty() || dates.contains(key)) return;
    if (std::string date = find_adoption_date(unicode::normalize_nfc(json_string(text->value))); !date.empty())
        dates.emplace(std::move(key), std::move(date));
}

// Whether it gave @p doc its law's date.
bool date_by_law(Document& doc, const LawDates& dates) {
    if (!doc.date.empty() || doc.law.empty()) return false;
    const auto found = dates.find(law_key(doc.law));
    if (found == dates.end()) return false;
    doc.date = found->second;
    return true;
}

LawDates law_dates_of_jsonl(std::string_view content) {
    LawDates dates;
    for (std::size_t start = 0; start < content.size();) {
        const std::size_t eol = std::min(content.find('\n', start), content.size());
        const std::string_view line = content.substr(start, eol - start);
        start = eol + 1;
        // Only records that name a law, and that the reader below would read.
        if (line.find("\"law\"") == std::string_view::npos || unicode::find_invalid_utf8(line) ||
            too_deep_at(line) != std::string_view::npos)
            continue;
        rapidjson::Document json;
        json.Parse(line.data(), line.size());
        if (!json.HasParseError()) add_law_date(json, dates);
    }
    return dates;
}

void read_jsonl(const FileContext& ctx, std::string_view content) {
    const LawDates law_dates = law_dates_of_jsonl(content);
    std::size_t line_number = 0;
    while (!content.empty()) {
        const std::size_t eol = content.find('\n');
        std::string_view line = content.substr(0, eol);
        content.remove_prefix(eol == std::string_view::npos ? content.size() : eol + 1);
        ++line_number;
        if (is_blank(line)) continue;
        auto problem = [&](std::string reason) { ctx.problem(line_number, std::move(reason)); };
        auto warning = [&](std::string reason) { ctx.warning(line_number, std::move(reason)); };

        std::string repaired;
        if (const auto bad = unicode::find_invalid_utf8(line)) {
            if (!ctx.options.lossy) {
                problem("invalid UTF-8 at column " + std::to_string(*bad + 1) +
                        " (--lossy indexes it with replacement characters)");
                continue;
            }
            repaired = unicode::to_valid_utf8(line);
            line = repaired;
        }
        if (too_deep_at(line) != std::string_view::npos) {
            problem(nested_too_deep_reason());
            continue;
        }
        rapidjson::Document json;
        json.Parse(line.data(), line.size());
        if (json.HasParseError()) {
            problem(json_error(json, line));
            continue;
        }
        Document doc;
        if (std::string why = record_to_document(json, {}, doc, warning); !why.empty()) {
            problem(why);
            continue;
        }
        // A date the law gave it is part of what the record says: the record is read again when it changes.
        const std::uint64_t content_hash = date_by_law(doc, law_dates) ? ctx.hash(std::string(line) + '\n' + doc.date) : ctx.hash(line);
        doc.source = ctx.file + ":" + std::to_string(line_number);
        if (ctx.unchanged(doc.id, content_hash, doc.source)) continue;
        doc.path = ctx.absolute_path;
        doc.content_hash = content_hash;
        ctx.on_document(std::move(doc));
    }
}

void read_json(const FileContext& ctx, std::string_view content, std::uint64_t content_hash) {
    if (const std::size_t deep = too_deep_at(content); deep != std::string_view::npos) {
        ctx.problem(line_of_offset(content, deep), nested_too_deep_reason());
        return;
    }
    rapidjson::Document json;
    json.Parse(content.data(), content.size());
    if (json.HasParseError()) {
        const std::size_t offset = json.GetErrorOffset();
        ctx.problem(line_of_offset(content, std::min(offset, content.size())), json_error(json, content));
        return;
    }
    LawDates law_dates;
    if (json.IsArray())
        for (const rapidjson::Value& record : json.GetArray()) add_law_date(record, law_dates);
    auto one = [&](const rapidjson::Value& record, const std::string& fallback_id, std::size_t index) {
        const std::size_t record_number = json.IsArray() ? index + 1 : 0;
        auto warning = [&](std::string reason) { ctx.warning(0, std::move(reason), record_number); };
        Document doc;
        if (std::string why = record_to_document(record, fallback_id, doc, warning); !why.empty()) {
            ctx.problem(0, why, record_number);
            return;
        }
        date_by_law(doc, law_dates);
        // Records of one file share its bytes: the index tells them apart.
        const std::uint64_t record_hash = fnv1a64(std::to_string(index), content_hash);
        doc.source = json.IsArray() ? ctx.file + "#" + std::to_string(index + 1) : ctx.file;
        if (ctx.unchanged(doc.id, record_hash, doc.source)) return;
        doc.path = ctx.absolute_path;
        doc.content_hash = record_hash;
        ctx.on_document(std::move(doc));
    };
    if (json.IsArray()) {
        for (rapidjson::SizeType i = 0; i < json.Size(); ++i) one(json[i], {}, i);
    } else {
        one(json, ctx.input.id, 0);
    }
}

// Reads the whole file, or says why it cannot. Distinguishes a file that vanished since
// it was listed from one that cannot be read.
std::string read_file(const InputFile& input, std::uint64_t max_bytes, std::string& content) {
    const int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT) return "vanished before it could be read";
        return std::string("cannot read: ") + std::strerror(errno);
    }
    struct stat info {};
    std::string why;
    if (::fstat(fd, &info) != 0) {
        why = std::string("cannot read: ") + std::strerror(errno);
    } else if (!S_ISREG(info.st_mode)) {
        why = "not a regular file";
    } else if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
        why = "larger than --max-bytes (" + std::to_string(info.st_size) + " > " + std::to_string(max_bytes) + " bytes)";
    } else {
        content.resize(static_cast<std::size_t>(info.st_size));
        std::size_t done = 0;
        while (done < content.size()) {
            const ssize_t n = ::read(fd, content.data() + done, content.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                why = std::string("read error: ") + std::strerror(errno);
                break;
            }
            if (n == 0) break;  // shrank while being read
            done += static_cast<std::size_t>(n);
        }
        content.resize(done);
    }
    ::close(fd);
    return why;
}

// Why @p path, which could not be stat'ed (@p ec), cannot be read: a symbolic link says
// where it points, since the link itself is there to see.
std::string unreachable_reason(const fs::path& path, const std::error_code& ec) {
    std::string reason = !ec || ec == std::errc::no_such_file_or_directory ? "no such file or directory"
                                                                            : "cannot read: " + ec.message();
    std::error_code link_ec;
    const fs::path target = fs::read_symlink(path, link_ec);
    if (!link_ec) reason += " (symbolic link to " + target.string() + ")";
    return reason;
}

struct ListedFile {
    fs::path path;
    std::uintmax_t size = 0;
};

// The regular files under @p folder, recursively, skipping hidden entries; what cannot be
// indexed goes to @p problems, so that nothing inside a folder is left out unsaid. Symbolic
// links to files are read; links to folders are not followed (a link to a parent would make
// the walk endless), and each is reported.
void list_folder(const fs::path& folder, std::vector<ListedFile>& found, std::vector<InputProblem>& problems) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path& path = it->path();
        if (is_hidden(path)) continue;
        std::error_code status_ec;
        const fs::file_status status = it->status(status_ec);  // follows symbolic links
        if (fs::is_directory(status)) {
            std::error_code link_ec;
            if (it->is_symlink(link_ec))
                problems.push_back({path.string(), 0, "symbolic link to a folder, not followed (name the folder itself to index it)"});
            else
                list_folder(path, found, problems);
        } else if (fs::is_regular_file(status)) {
            std::error_code size_ec;
            const std::uintmax_t size = it->file_size(size_ec);
            found.push_back({path, size_ec ? 0 : size});
        } else if (status_ec || !fs::exists(status)) {
            problems.push_back({path.string(), 0, unreachable_reason(path, status_ec)});
        } else {
            problems.push_back({path.string(), 0, "not a regular file"});  // a FIFO, a socket, a device
        }
    }
    if (ec) {
        InputProblem problem{folder.string(), 0, "cannot list folder: " + ec.message()};
        problem.unlisted_folder = true;
        problems.push_back(std::move(problem));
    }
}

}  // namespace

std::string InputProblem::to_string() const {
    return file + (line > 0 ? ":" + std::to_string(line) : std::string()) +
           (record > 0 ? ": record " + std::to_string(record) : std::string()) + ": " + reason;
}

std::vector<InputFile> collect_inputs(const std::vector<std::string>& arguments, std::vector<InputProblem>& problems,
                                      std::vector<std::string>* empty_folders) {
    std::vector<InputFile> inputs;
    // A file reached twice (named in a folder and directly, through a symbolic or hard link)
    // is one file: read once, under the name that comes first, as the first of two inputs
    // giving one id is kept.
    std::map<std::pair<dev_t, ino_t>, std::size_t> input_of_file;
    auto add = [&](InputFile input) {
        struct stat info {};
        if (::stat(input.path.c_str(), &info) == 0) {
            const auto [it, fresh] = input_of_file.try_emplace({info.st_dev, info.st_ino}, inputs.size());
            if (!fresh) {
                const InputFile& kept = inputs[it->second];
                InputProblem note{input.path.string(), 0,
                                  "the same file as " + kept.path.string() + "; indexed once, as \"" + kept.id + "\""};
                note.still_indexed = true;
                problems.push_back(std::move(note));
                return;
            }
        }
        inputs.push_back(std::move(input));
    };
    for (const std::string& argument : arguments) {
        const fs::path root(argument);
        std::error_code ec;
        const fs::file_status status = fs::status(root, ec);
        if (ec || !fs::exists(status)) {
            problems.push_back({argument, 0, unreachable_reason(root, ec)});
            continue;
        }
        if (fs::is_directory(status)) {
            std::vector<ListedFile> found;
            std::vector<InputProblem> listing_problems;
            list_folder(root, found, listing_problems);
            if (found.empty() && listing_problems.empty() && empty_folders) empty_folders->push_back(argument);
            std::sort(found.begin(), found.end(), [](const ListedFile& a, const ListedFile& b) { return a.path < b.path; });
            std::sort(listing_problems.begin(), listing_problems.end(),
                      [](const InputProblem& a, const InputProblem& b) { return a.file < b.file; });
            problems.insert(problems.end(), listing_problems.begin(), listing_problems.end());
            for (const ListedFile& file : found) {
                fs::path relative = file.path.lexically_relative(root);
                relative.replace_extension();
                add({file.path, relative.generic_string(), file.size});
            }
        } else {
            // Anything else named directly is read, and the reader says what it is not.
            std::error_code size_ec;
            const std::uintmax_t size = fs::is_regular_file(status) ? fs::file_size(root, size_ec) : 0;
            add({root, root.stem().string(), size_ec ? 0 : size});
        }
    }
    return inputs;
}

std::string absolute_source_path(const InputFile& input) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(input.path, ec).lexically_normal();
    return ec ? input.path.string() : absolute.string();
}

std::uint64_t read_input_file(const InputFile& input, const DocumentSink& on_document, const ProblemSink& on_problem,
                            const ReadOptions& options) {
    const std::string absolute_path = absolute_source_path(input);
    // Text typed in the legacy Vietnamese fonts (TCVN3, VNI) reaches every reader as Latin-1
    // letters, whatever the format: it is read as the Vietnamese it shows. A title or author
    // of one word is read so when the text was.
    const DocumentSink in_unicode = [&](Document&& doc) {
        bool legacy_text = false;
        if (auto repair = from_legacy_fonts(doc.text)) {
            doc.text = std::move(repair->text);
            legacy_text = true;
        }
        for (std::string* field : {&doc.title, &doc.author})
            if (auto repair = from_legacy_fonts(*field, {.legacy_document = legacy_text})) *field = std::move(repair->text);
        on_document(std::move(doc));
    };
    FileContext ctx{input, options, in_unicode, on_problem, input.path.string(), absolute_path, 0};

    std::string content;
    if (std::string why = read_file(input, options.max_bytes, content); !why.empty()) {
        ctx.problem(0, why);
        return content.size();  // what a read error left
    }
    const std::uint64_t bytes_read = content.size();
    if (is_blank(content)) {
        ctx.problem(0, "empty file");
        return bytes_read;
    }
    // Whatever its name says (.docx, .txt, none): what it is helps more than "not a ZIP
    // archive" or "binary file".
    if (is_compound_file(content) && !is_legacy_word(content)) {
        ctx.problem(0, compound_file_problem(content));
        return bytes_read;
    }
    if (std::string why = decode_utf16_with_byte_order_mark(content, options.lossy); !why.empty()) {
        ctx.problem(0, why);
        return bytes_read;
    }
    const std::optional<Format> format = is_compound_file(content) ? Format::doc : detect_format(input.path, content);
    if (!format) {
        ctx.problem(0, "unsupported file type \"" + input.path.extension().string() +
                           "\" (tracuu-index reads text, Markdown, HTML, JSON, JSONL, PDF, DOCX, ODT and DOC)");
        return bytes_read;
    }
    // Everything but the bytes that decides what a document becomes; the path too, so that
    // a moved file is read again and its stored path stays true.
    const std::string context = std::string(to_string(*format)) + '\n' + absolute_path + '\n' +
                                std::to_string(kReaderVersion) + (options.lossy ? "\nlossy\n" : "\nstrict\n") +
                                options.hash_salt;
    ctx.hash_state = fnv1a64(context);

    if (*format == Format::pdf || *format == Format::docx || *format == Format::odt || *format == Format::doc) {
        const std::uint64_t content_hash = ctx.hash(content);
        if (std::string why = id_problem(input.id); !why.empty()) {
            ctx.problem(0, why);
            return bytes_read;
        }
        if (ctx.unchanged(input.id, content_hash, ctx.file)) return bytes_read;
        if (*format == Format::pdf) read_pdf(ctx, content, content_hash);
        else if (*format == Format::doc) read_legacy_word(ctx, content_hash);
        else read_office(ctx, content, *format, content_hash);
        return bytes_read;
    }
    if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);  // UTF-8 byte order mark
    if (*format == Format::jsonl) {
        // One bad line does not condemn the others: only NUL bytes are fatal here, and
        // invalid UTF-8 is reported (or repaired) line by line.
        if (const auto nul = content.find('\0'); nul != std::string::npos) {
            ctx.problem(0, "binary file (NUL byte at byte offset " + std::to_string(nul) + ")");
            return bytes_read;
        }
        read_jsonl(ctx, content);
        return bytes_read;
    }
    const std::uint64_t content_hash = ctx.hash(content);
    if (std::string why = check_text(content, *format, options.lossy); !why.empty()) {
        ctx.problem(0, why);
        return bytes_read;
    }
    if (*format == Format::json) {
        read_json(ctx, content, content_hash);
        return bytes_read;
    }
    if (std::string why = id_problem(input.id); !why.empty()) {
        ctx.problem(0, why);
        return bytes_read;
    }
    if (*format == Format::markdown) warn_front_matter(ctx, content);
    if (ctx.unchanged(input.id, content_hash, ctx.file)) return bytes_read;
    if (*format == Format::html) read_html(ctx, content, content_hash);
    else read_text(ctx, std::move(content), *format, content_hash);
    return bytes_read;
}

}  // namespace tracuu
