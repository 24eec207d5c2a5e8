/** @file
 * @brief JSON for /references, /references/{ref}, /documents/{id}/related and /related.
 */
#include "searchd/links_handler.hpp"

#include "core/links.hpp"
#include "searchd/json_reply.hpp"

#include <rapidjson/document.h>

#include <cmath>

namespace tracuu::searchd {
namespace {

// Weights to three decimals: what a reader can check by adding them up.
void write_weight(JsonWriter& w, const char* key, double value) {
    w.Key(key);
    w.Double(std::round(value * 1000) / 1000);
}

// The fields that say what a number is, inside an object being written.
void write_description(JsonWriter& w, const ReferenceDescription& d) {
    w.Key("reference");
    write_string(w, d.canonical);
    w.Key("key");
    write_string(w, d.key);
    w.Key("number");
    write_string(w, d.number);
    w.Key("year");
    if (d.year == 0) w.Null();
    else w.Int(d.year);
    w.Key("type");
    if (d.type_code.empty()) {
        w.Null();
    } else {
        w.StartObject();
        w.Key("code");
        write_string(w, d.type_code);
        write_optional(w, "vi", d.type_vi);
        write_optional(w, "en", d.type_en);
        w.EndObject();
    }
    w.Key("issuers");
    w.StartArray();
    for (const Issuer& issuer : d.issuers) {
        w.StartObject();
        w.Key("code");
        write_string(w, issuer.code);
        write_optional(w, "vi", issuer.name_vi);
        write_optional(w, "en", issuer.name_en);
        w.EndObject();
    }
    w.EndArray();
}

// Opens an object with a document's id, title, lang and date: the caller adds to it and closes it.
void write_summary_fields(JsonWriter& w, const DocumentSummary& doc) {
    w.StartObject();
    w.Key("id");
    write_string(w, doc.id);
    w.Key("title");
    write_string(w, doc.title);
    write_optional(w, "lang", doc.lang);
    write_optional(w, "date", doc.date);
}

HttpReply related_reply(const Result<std::vector<RelatedDocument>>& related, const std::string* id, std::size_t limit) {
    if (!related) return error_reply(related.error());
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    if (id != nullptr) {
        w.Key("id");
        write_string(w, *id);
    }
    w.Key("limit");
    w.Uint64(limit);
    w.Key("related");
    w.StartArray();
    for (const RelatedDocument& hit : related.value()) {
        w.StartObject();
        w.Key("id");
        write_string(w, hit.document.id);
        w.Key("title");
        write_string(w, hit.document.title);
        write_optional(w, "lang", hit.document.lang);
        write_optional(w, "date", hit.document.date);
        write_weight(w, "score", hit.score);
        w.Key("why");
        w.StartObject();
        write_weight(w, "text", hit.text);
        write_strings(w, "words", hit.words);
        w.Key("references");
        w.StartArray();
        for (const SharedReference& r : hit.references) {
            w.StartObject();
            w.Key("reference");
            write_string(w, r.reference);
            w.Key("how");
            write_string(w, r.how);
            write_weight(w, "weight", r.weight);
            w.EndObject();
        }
        w.EndArray();
        w.Key("names");
        w.StartArray();
        for (const SharedName& n : hit.names) {
            w.StartObject();
            w.Key("name");
            write_string(w, n.name);
            w.Key("written");
            write_string(w, n.written);
            write_weight(w, "weight", n.weight);
            w.EndObject();
        }
        w.EndArray();
        w.Key("dates");
        w.StartArray();
        for (const SharedDate& d : hit.dates) {
            w.StartObject();
            w.Key("date");
            write_string(w, d.date);
            write_weight(w, "weight", d.weight);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return json_reply(buffer);
}

// What each route takes in its query string.
constexpr std::string_view kReferencesParameters[] = {"q", "limit"};
constexpr std::string_view kReferenceParameters[] = {"limit", "offset", "relation", "type"};
constexpr std::string_view kRelatedParameters[] = {"limit"};

}  // namespace

HttpReply get_references(Searcher& searcher, const QueryParameters& params) {
    if (const auto error = unknown_parameter(names_of(params), kReferencesParameters)) return error_reply(*error);
    const auto q = params.find("q");
    const std::string prefix = q == params.end() ? std::string() : q->second;
    const Result<std::size_t> limit = count_parameter(params, "limit", 20);
    if (!limit) return error_reply(limit.error());
    const Result<std::vector<ReferenceCount>> listed = list_references(searcher.database(), prefix, limit.value());
    if (!listed) return error_reply(listed.error());
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    write_optional(w, "query", prefix);
    w.Key("references");
    w.StartArray();
    for (const ReferenceCount& entry : listed.value()) {
        w.StartObject();
        write_description(w, entry.reference);
        w.Key("citing");
        w.Uint(entry.citing);
        w.Key("in_corpus");
        w.Bool(entry.in_corpus);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return json_reply(buffer);
}

HttpReply get_reference(Searcher& searcher, const std::vector<std::string>& number_segments, const QueryParameters& params) {
    std::string ref;
    for (const std::string& segment : number_segments) ref += (ref.empty() ? "" : "/") + segment;
    if (const auto error = unknown_parameter(names_of(params), kReferenceParameters)) return error_reply(*error);
    ReferencePage page;
    for (const auto& [name, field] : {std::pair{"limit", &page.limit}, std::pair{"offset", &page.offset}}) {
        const Result<std::size_t> value = count_parameter(params, name, *field);
        if (!value) return error_reply(value.error());
        *field = value.value();
    }
    if (const auto it = params.find("relation"); it != params.end()) {
        page.relation = parse_relation(it->second);
        if (!page.relation)
            return error_reply({"bad_parameter", "parameter \"relation\" is based_on, implements, amends, replaces, "
                                                 "repeals, guides or cites, not \"" + it->second + "\""});
    }
    if (const auto it = params.find("type"); it != params.end()) {
        Result<TypeFilter> type = resolve_type_filter(it->second);
        if (!type) return error_reply(type.error());
        page.type = std::move(type.value());
    }
    const Result<ReferenceReport> report = reference_report(searcher.database(), ref, page);
    if (!report) return error_reply(report.error());
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    write_description(w, report->reference);
    // Whether the counts that follow, held_by's cited_by included, count some citing documents only.
    w.Key("citing_type");
    if (page.type) write_string(w, to_string(*page.type));
    else w.Null();
    w.Key("held_by");
    w.StartArray();
    for (const HeldBy& held : report->held_by) {
        write_summary_fields(w, held.document);
        write_optional(w, "locality", held.locality);
        w.Key("cited_by");
        w.Uint(held.cited_by);
        w.EndObject();
    }
    w.EndArray();
    w.Key("total");
    w.Uint(report->total);
    w.Key("counts");
    w.StartObject();
    for (const CitationGroup& group : report->groups) {
        w.Key(to_string(group.relation).data(), static_cast<rapidjson::SizeType>(to_string(group.relation).size()));
        w.Uint(group.total);
    }
    w.EndObject();
    w.Key("limit");
    w.Uint64(page.limit);
    w.Key("offset");
    w.Uint64(page.offset);
    w.Key("groups");
    w.StartArray();
    for (const CitationGroup& group : report->groups) {
        if (group.total == 0) continue;
        w.StartObject();
        w.Key("relation");
        write_string(w, to_string(group.relation));
        w.Key("total");
        w.Uint(group.total);
        w.Key("documents");
        w.StartArray();
        for (const CitingDocument& citing : group.documents) {
            write_summary_fields(w, citing.document);
            write_optional(w, "locality", citing.locality);
            write_strings(w, "holders", citing.holders);
            w.Key("ambiguous");
            w.Bool(citing.ambiguous);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return json_reply(buffer);
}

HttpReply get_related(Searcher& searcher, const std::string& id, const QueryParameters& params) {
    if (const auto error = unknown_parameter(names_of(params), kRelatedParameters)) return error_reply(*error);
    const Result<std::size_t> limit = count_parameter(params, "limit", 10);
    if (!limit) return error_reply(limit.error());
    return related_reply(related_to_document(searcher.database(), searcher.analyzer(), id, limit.value()), &id, limit.value());
}

HttpReply post_related(Searcher& searcher, const std::string& body) {
    const Result<TextRequest> request = parse_text_request(body, 10, "{\"text\": \"…\", \"limit\": 10}");
    if (!request) return error_reply(request.error());
    return related_reply(related_to_text(searcher.database(), searcher.analyzer(), request->text, request->limit), nullptr,
                         request->limit);
}

}  // namespace tracuu::searchd
