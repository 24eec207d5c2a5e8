/** @file
 * @brief What every route's handler needs to read its parameters and write its JSON:
 *        shared by request_handler.cpp and links_handler.cpp, not part of searchd's API.
 */
#pragma once

#include "core/error.hpp"
#include "searchd/request_handler.hpp"

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu::searchd {

/// Decoded query parameters of a request.
using QueryParameters = std::map<std::string, std::string>;

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void write_string(JsonWriter& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

/// Writes @p key with @p value, or null when it is empty: "no date" is not the date "".
inline void write_optional(JsonWriter& w, const char* key, const std::string& value) {
    w.Key(key);
    if (value.empty()) w.Null();
    else write_string(w, value);
}

/// Writes @p key with @p values as an array of strings.
inline void write_strings(JsonWriter& w, const char* key, const std::vector<std::string>& values) {
    w.Key(key);
    w.StartArray();
    for (const std::string& value : values) write_string(w, value);
    w.EndArray();
}

/// Writes @p key with @p spans as an array of {"begin","end"} (code points).
inline void write_spans(JsonWriter& w, const char* key, const std::vector<TextSpan>& spans) {
    w.Key(key);
    w.StartArray();
    for (const TextSpan& span : spans) {
        w.StartObject();
        w.Key("begin");
        w.Uint64(span.begin);
        w.Key("end");
        w.Uint64(span.end);
        w.EndObject();
    }
    w.EndArray();
}

/// A reply with the JSON written into @p buffer.
[[nodiscard]] inline HttpReply json_reply(const rapidjson::StringBuffer& buffer, unsigned status = 200) {
    return HttpReply{status, "application/json", std::string(buffer.GetString(), buffer.GetSize())};
}

/// @p text read as a count ("limit", "offset"): digits only. Errors name @p what ("parameter
/// \"limit\"", "field \"limit\"").
[[nodiscard]] inline Result<std::size_t> parse_count(const std::string& what, std::string_view text) {
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return Error{"bad_parameter", what + " must be a non-negative integer, got \"" + std::string(text) + "\""};
    return value;
}

/// The count parameter @p name ("limit", "offset") of @p params, or @p fallback when absent.
/// Errors: "bad_parameter" naming it, for anything but a non-negative integer.
[[nodiscard]] inline Result<std::size_t> count_parameter(const QueryParameters& params, const std::string& name,
                                                         std::size_t fallback) {
    const auto it = params.find(name);
    if (it == params.end()) return fallback;
    return parse_count("parameter \"" + name + "\"", it->second);
}

/// The count field @p name of JSON @p object, or @p fallback when absent or null: a number, or
/// a string of digits as a query string has it ("limit": "10", as forms serialize it).
[[nodiscard]] inline Result<std::size_t> count_field(const rapidjson::Value& object, const char* name, std::size_t fallback) {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd() || it->value.IsNull()) return fallback;
    const std::string what = std::string("field \"") + name + "\"";
    if (it->value.IsUint64()) return static_cast<std::size_t>(it->value.GetUint64());
    // 5.0 and 1e2, as some clients serialize every number: whole, it is the count.
    if (it->value.IsDouble() && it->value.GetDouble() >= 0 && it->value.GetDouble() <= 1e15 &&
        it->value.GetDouble() == static_cast<double>(static_cast<std::uint64_t>(it->value.GetDouble())))
        return static_cast<std::size_t>(it->value.GetDouble());
    if (it->value.IsString()) return parse_count(what, std::string_view(it->value.GetString(), it->value.GetStringLength()));
    return Error{"bad_parameter", what + " must be a non-negative integer"};
}

/// A POST body of the form {"text": "…", "limit": N}, as /check and /related take it.
struct TextRequest {
    std::string text;
    std::size_t limit = 0;
};

/// A "bad_parameter" error naming the first of @p names not in @p known, listing those: a
/// misspelt filter ("language=en") would otherwise be ignored without a word. Also one naming
/// a name given twice (a JSON object may repeat a field), as parse_target does for query strings.
[[nodiscard]] inline std::optional<Error> unknown_parameter(const std::vector<std::string>& names,
                                                            std::span<const std::string_view> known,
                                                            std::string_view what = "parameter") {
    for (auto name = names.begin(); name != names.end(); ++name)
        if (std::find(names.begin(), name, *name) != name)
            return Error{"bad_parameter", std::string(what) + " \"" + *name + "\" is given twice"};
    for (const auto& name : names)
        if (std::find(known.begin(), known.end(), std::string_view(name)) == known.end()) {
            std::string list;
            for (const std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
            return Error{"bad_parameter", "unknown " + std::string(what) + " \"" + std::string(name) + "\" (" +
                                              (list.empty() ? "it takes none" : "known: " + list) + ")"};
        }
    return std::nullopt;
}

/// The names of query parameters or of a JSON object's fields, for unknown_parameter.
[[nodiscard]] inline std::vector<std::string> names_of(const QueryParameters& params) {
    std::vector<std::string> names;
    for (const auto& [name, value] : params) names.push_back(name);
    return names;
}
[[nodiscard]] inline std::vector<std::string> names_of(const rapidjson::Value& object) {
    std::vector<std::string> names;
    for (const auto& member : object.GetObject()) names.emplace_back(member.name.GetString(), member.name.GetStringLength());
    return names;
}

/// Deepest nesting of arrays and objects a request body may have. No route takes more than
/// two levels ({"facets": ["type"]}); a body nested deeper is refused whole rather than read.
inline constexpr unsigned kMaxJsonDepth = 32;

namespace detail {

/// Builds a rapidjson::Document from SAX events, refusing nesting beyond kMaxJsonDepth.
struct DepthLimitedBuilder {
    rapidjson::Document& document;
    unsigned depth = 0;
    bool too_deep = false;

    bool Null() { return document.Null(); }
    bool Bool(bool b) { return document.Bool(b); }
    bool Int(int i) { return document.Int(i); }
    bool Uint(unsigned i) { return document.Uint(i); }
    bool Int64(std::int64_t i) { return document.Int64(i); }
    bool Uint64(std::uint64_t i) { return document.Uint64(i); }
    bool Double(double d) { return document.Double(d); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) { return document.RawNumber(s, n, copy); }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return document.String(s, n, copy); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return document.Key(s, n, copy); }
    bool StartObject() { return enter() && document.StartObject(); }
    bool EndObject(rapidjson::SizeType members) { --depth; return document.EndObject(members); }
    bool StartArray() { return enter() && document.StartArray(); }
    bool EndArray(rapidjson::SizeType elements) { --depth; return document.EndArray(elements); }

private:
    bool enter() {
        too_deep = ++depth > kMaxJsonDepth;
        return !too_deep;
    }
};

}  // namespace detail

/// Parses @p body into @p json, which must be an object. Else a "bad_request" that names the
/// parse error and its byte, or shows @p example when the JSON is valid but no object.
/// Parsing is iterative (RapidJSON's default parser recurses once per level: a body of
/// 200,000 brackets overflowed the stack) and stops at nesting deeper than kMaxJsonDepth.
[[nodiscard]] inline std::optional<Error> read_json_object(const std::string& body, rapidjson::Document& json,
                                                           const std::string& example) {
    rapidjson::MemoryStream memory(body.data(), body.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> stream(memory);
    rapidjson::Reader reader;
    detail::DepthLimitedBuilder builder{json};
    auto parse = [&](rapidjson::Document&) { return !reader.Parse<rapidjson::kParseIterativeFlag>(stream, builder).IsError(); };
    json.Populate(parse);
    if (builder.too_deep)
        return Error{"bad_request", "body nests arrays and objects deeper than " + std::to_string(kMaxJsonDepth) +
                                        " levels (byte " + std::to_string(reader.GetErrorOffset()) + ")"};
    if (reader.HasParseError()) {
        std::string message = std::string("body is not valid JSON: ") + rapidjson::GetParseError_En(reader.GetParseErrorCode()) +
                              " (byte " + std::to_string(reader.GetErrorOffset()) + ")";
        // Not JSON from its first character: a text posted as it is (curl --data-binary
        // @draft.txt). Say what the body is, not only where parsing stopped.
        if (reader.GetErrorOffset() == body.find_first_not_of(" \t\r\n")) message += "; send a JSON object such as " + example;
        return Error{"bad_request", std::move(message)};
    }
    if (!json.IsObject()) return Error{"bad_request", "body must be a JSON object such as " + example};
    return std::nullopt;
}

/// Reads @p body as a TextRequest, @p default_limit when it has no "limit". Errors:
/// "bad_request" for anything but a JSON object (the message shows @p example),
/// "bad_parameter" for a field other than those two, a missing or non-string "text" or a
/// "limit" that is no count.
[[nodiscard]] inline Result<TextRequest> parse_text_request(const std::string& body, std::size_t default_limit,
                                                            const std::string& example) {
    rapidjson::Document json;
    if (std::optional<Error> error = read_json_object(body, json, example)) return std::move(*error);
    constexpr std::string_view kTextRequestFields[] = {"text", "limit"};
    if (auto error = unknown_parameter(names_of(json), kTextRequestFields, "field")) return std::move(*error);
    const auto text = json.FindMember("text");
    if (text == json.MemberEnd() || !text->value.IsString())
        return Error{"bad_parameter", "field \"text\" (a string) is required"};
    TextRequest request{std::string(text->value.GetString(), text->value.GetStringLength()), default_limit};
    const Result<std::size_t> limit = count_field(json, "limit", default_limit);
    if (!limit) return limit.error();
    request.limit = limit.value();
    return request;
}

}  // namespace tracuu::searchd
