/** @file
 * @brief Reading .txt and .jsonl inputs.
 */
#include "core/sources.hpp"

#include "analyzers/unicode.hpp"
#include "core/metadata.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace tracuu {
namespace {

enum class Format { text, jsonl, unsupported };

Format format_of(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".txt") return Format::text;
    if (ext == ".jsonl") return Format::jsonl;
    return Format::unsupported;
}

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

// Problems that make a whole file unreadable as text; empty when it is fine.
std::string check_text(std::string_view content) {
    if (is_blank(content)) return "empty file";
    if (const auto nul = content.find('\0'); nul != std::string_view::npos)
        return "binary file (NUL byte at byte offset " + std::to_string(nul) + ")";
    if (const auto bad = unicode::find_invalid_utf8(content))
        return "invalid UTF-8 at line " + std::to_string(line_of_offset(content, *bad)) + ", byte offset " +
               std::to_string(*bad);
    return {};
}

std::string id_problem(const std::string& id) {
    if (id.empty()) return "empty document id";
    if (id.size() > kMaxIdBytes) return "document id longer than " + std::to_string(kMaxIdBytes) + " bytes";
    return {};
}

std::string json_string(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

void read_text(const InputFile& input, std::string content, const DocumentSink& on_document) {
    Document doc;
    doc.id = input.id;
    doc.title = shorten_title(first_nonempty_line(content));
    doc.text = std::move(content);
    doc.source = input.path.string();
    on_document(std::move(doc));
}

void read_jsonl(const InputFile& input, std::string_view content, const DocumentSink& on_document,
                const ProblemSink& on_problem) {
    const std::string file = input.path.string();
    std::size_t line_number = 0;
    while (!content.empty()) {
        const std::size_t eol = content.find('\n');
        const std::string_view line = content.substr(0, eol);
        content.remove_prefix(eol == std::string_view::npos ? content.size() : eol + 1);
        ++line_number;
        if (is_blank(line)) continue;
        auto problem = [&](std::string reason) { on_problem({file, line_number, std::move(reason)}); };

        if (const auto bad = unicode::find_invalid_utf8(line)) {
            problem("invalid UTF-8 at column " + std::to_string(*bad + 1));
            continue;
        }
        rapidjson::Document json;
        json.Parse(line.data(), line.size());
        if (json.HasParseError()) {
            problem(std::string("malformed JSON: ") + rapidjson::GetParseError_En(json.GetParseError()) +
                    " (column " + std::to_string(json.GetErrorOffset() + 1) + ")");
            continue;
        }
        if (!json.IsObject()) {
            problem("expected a JSON object");
            continue;
        }
        Document doc;
        doc.source = file + ":" + std::to_string(line_number);
        const auto id = json.FindMember("id");
        if (id == json.MemberEnd() || !(id->value.IsString() || id->value.IsInt64() || id->value.IsUint64())) {
            problem("missing \"id\" (a string)");
            continue;
        }
        doc.id = id->value.IsString() ? json_string(id->value)
                                      : (id->value.IsInt64() ? std::to_string(id->value.GetInt64())
                                                             : std::to_string(id->value.GetUint64()));
        if (std::string why = id_problem(doc.id); !why.empty()) {
            problem(why);
            continue;
        }
        const auto text = json.FindMember("text");
        if (text == json.MemberEnd() || !text->value.IsString()) {
            problem("missing \"text\" (a string)");
            continue;
        }
        doc.text = json_string(text->value);
        if (is_blank(doc.text)) {
            problem("empty \"text\"");
            continue;
        }

        rapidjson::Document extra(rapidjson::kObjectType);
        bool has_extra = false;
        for (auto& member : json.GetObject()) {
            const std::string name = json_string(member.name);
            if (name == "id" || name == "text") continue;
            const bool known = name == "title" || name == "date" || name == "url" || name == "lang";
            if (known && !member.value.IsString()) {
                problem("\"" + name + "\" is not a string; ignored");
                continue;
            }
            if (name == "title") {
                doc.title = json_string(member.value);
            } else if (name == "url") {
                doc.url = json_string(member.value);
            } else if (name == "lang") {
                doc.lang = json_string(member.value);
            } else if (name == "date") {
                const std::string written = json_string(member.value);
                std::size_t length = 0;
                std::string iso = written.size() >= 10 && written[4] == '-' && written[7] == '-'
                                      ? parse_date_at(written.substr(8, 2) + "/" + written.substr(5, 2) + "/" +
                                                          written.substr(0, 4),
                                                      length)
                                      : parse_date_at(written, length);
                if (iso.empty()) problem("\"date\" \"" + written + "\" is not a date; indexed without it");
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
        on_document(std::move(doc));
    }
}

}  // namespace

std::string InputProblem::to_string() const {
    return file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + reason;
}

std::vector<InputFile> collect_inputs(const std::vector<std::string>& arguments, std::vector<InputProblem>& problems) {
    std::vector<InputFile> inputs;
    auto consider = [&](const fs::path& path, std::string id) {
        switch (format_of(path)) {
            case Format::text:
                inputs.push_back({path, std::move(id)});
                break;
            case Format::jsonl:
                inputs.push_back({path, {}});
                break;
            case Format::unsupported:
                problems.push_back({path.string(), 0,
                                    "unsupported file type \"" + path.extension().string() +
                                        "\" (tracuu-index reads .txt and .jsonl)"});
                break;
        }
    };
    for (const std::string& argument : arguments) {
        const fs::path root(argument);
        std::error_code ec;
        const fs::file_status status = fs::status(root, ec);
        if (ec || !fs::exists(status)) {
            problems.push_back({argument, 0, "no such file or directory"});
            continue;
        }
        if (fs::is_directory(status)) {
            std::vector<fs::path> found;
            fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (is_hidden(it->path())) {
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file()) found.push_back(it->path());
            }
            if (ec) problems.push_back({argument, 0, "cannot list folder: " + ec.message()});
            std::sort(found.begin(), found.end());
            for (const fs::path& path : found) {
                fs::path relative = path.lexically_relative(root);
                relative.replace_extension();
                consider(path, relative.generic_string());
            }
        } else {
            consider(root, root.stem().string());
        }
    }
    return inputs;
}

void read_input_file(const InputFile& input, const DocumentSink& on_document, const ProblemSink& on_problem) {
    const std::string file = input.path.string();
    std::ifstream in(input.path, std::ios::binary);
    if (!in) {
        on_problem({file, 0, std::string("cannot read: ") + std::strerror(errno)});
        return;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        on_problem({file, 0, "read error"});
        return;
    }
    std::string content = std::move(buffer).str();
    if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);  // UTF-8 byte order mark

    if (std::string why = check_text(content); !why.empty()) {
        // A JSONL file with one bad line is still mostly good: only NUL bytes and emptiness
        // condemn it whole; invalid UTF-8 is reported line by line.
        const bool per_line = format_of(input.path) == Format::jsonl && why.rfind("invalid UTF-8", 0) == 0;
        if (!per_line) {
            on_problem({file, 0, why});
            return;
        }
    }
    if (format_of(input.path) == Format::jsonl) {
        read_jsonl(input, content, on_document, on_problem);
        return;
    }
    if (std::string why = id_problem(input.id); !why.empty()) {
        on_problem({file, 0, why});
        return;
    }
    read_text(input, std::move(content), on_document);
}

}  // namespace tracuu
