/** @file
 * @brief Document <-> stored JSON.
 */
#include "core/document.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

namespace tracuu {
namespace {

std::string string_member(const rapidjson::Value& object, const char* name) {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace

std::string analyzed_language(std::string_view tag) {
    const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
    if (primary.size() != 2) return {};
    std::string code;
    for (const char c : primary) code += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return code == "vi" || code == "en" ? code : std::string();
}

std::string to_stored_json(const Document& doc) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    auto field = [&w](const char* name, const std::string& value) {
        w.Key(name);
        w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    };
    w.StartObject();
    field("id", doc.id);
    field("title", doc.title);
    field("lang", doc.lang);
    field("date", doc.date);
    field("url", doc.url);
    if (!doc.author.empty()) field("author", doc.author);
    field("number", doc.number);
    if (!doc.locality.empty()) field("locality", doc.locality);
    if (!doc.law.empty()) field("law", doc.law);
    if (!doc.article.empty()) field("article", doc.article);
    field("source", doc.source);
    if (!doc.path.empty()) field("path", doc.path);
    w.Key("references");
    w.StartArray();
    for (const auto& ref : doc.references) w.String(ref.data(), static_cast<rapidjson::SizeType>(ref.size()));
    w.EndArray();
    if (!doc.citations.empty()) {
        w.Key("citations");
        w.StartArray();
        for (const Citation& citation : doc.citations) {
            w.StartObject();
            field("number", citation.number);
            field("relation", citation.relation);
            if (!citation.issued.empty()) field("issued", citation.issued);
            if (!citation.locality.empty()) field("locality", citation.locality);
            if (!citation.issued_year.empty() && citation.issued.empty()) field("issued_year", citation.issued_year);
            w.EndObject();
        }
        w.EndArray();
    }
    if (!doc.boilerplate.empty()) {
        w.Key("boilerplate");
        w.StartArray();
        for (const TextRange& range : doc.boilerplate) {
            w.StartArray();
            w.Uint(range.begin);
            w.Uint(range.end);
            w.EndArray();
        }
        w.EndArray();
    }
    if (!doc.extra_fields_json.empty()) {
        w.Key("fields");
        w.RawValue(doc.extra_fields_json.data(), doc.extra_fields_json.size(), rapidjson::kObjectType);
    }
    field("text", doc.text);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

Document from_stored_json(std::string_view data) {
    rapidjson::Document json;
    json.Parse(data.data(), data.size());
    if (json.HasParseError() || !json.IsObject())
        throw std::runtime_error("document data is not a tracuu JSON record");
    Document doc;
    doc.id = string_member(json, "id");
    doc.title = string_member(json, "title");
    doc.text = string_member(json, "text");
    doc.lang = string_member(json, "lang");
    doc.date = string_member(json, "date");
    doc.url = string_member(json, "url");
    doc.author = string_member(json, "author");
    doc.number = string_member(json, "number");
    doc.locality = string_member(json, "locality");
    doc.law = string_member(json, "law");
    doc.article = string_member(json, "article");
    doc.source = string_member(json, "source");
    doc.path = string_member(json, "path");
    if (const auto refs = json.FindMember("references"); refs != json.MemberEnd() && refs->value.IsArray()) {
        for (const auto& ref : refs->value.GetArray())
            if (ref.IsString()) doc.references.emplace_back(ref.GetString(), ref.GetStringLength());
    }
    if (const auto citations = json.FindMember("citations");
        citations != json.MemberEnd() && citations->value.IsArray()) {
        for (const auto& citation : citations->value.GetArray()) {
            if (!citation.IsObject()) continue;
            Citation& read = doc.citations.emplace_back(Citation{string_member(citation, "number"), string_member(citation, "relation"),
                                                                 string_member(citation, "issued"), string_member(citation, "locality")});
            read.issued_year = read.issued.size() >= 4 ? read.issued.substr(0, 4) : string_member(citation, "issued_year");
        }
    }
    if (const auto ranges = json.FindMember("boilerplate"); ranges != json.MemberEnd() && ranges->value.IsArray()) {
        for (const auto& range : ranges->value.GetArray()) {
            if (range.IsArray() && range.Size() == 2 && range[0].IsUint() && range[1].IsUint())
                doc.boilerplate.push_back({range[0].GetUint(), range[1].GetUint()});
        }
    }
    if (const auto fields = json.FindMember("fields"); fields != json.MemberEnd() && fields->value.IsObject()) {
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        fields->value.Accept(w);
        doc.extra_fields_json.assign(buffer.GetString(), buffer.GetSize());
    }
    return doc;
}

}  // namespace tracuu
