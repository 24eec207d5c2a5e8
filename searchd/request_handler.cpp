/** @file
 * @brief Routing, parameter parsing and JSON for searchd's API.
 */
#include "searchd/request_handler.hpp"

#include "analyzers/unicode.hpp"
#include "searchd/json_reply.hpp"
#include "searchd/links_handler.hpp"
#include "searchd/web_page.hpp"

#include <rapidjson/document.h>

#include <array>
#include <map>
#include <vector>

namespace tracuu::searchd {
namespace {

struct Target {
    std::vector<std::string> segments;          // decoded path segments
    QueryParameters params;                     // decoded query parameters
};

Result<Target> parse_target(std::string_view target) {
    Target parsed;
    const std::size_t question = target.find('?');
    const std::string_view path = target.substr(0, question);
    if (path.empty() || path.front() != '/') return Error{"bad_request", "request target must start with /"};
    for (std::size_t pos = 1; pos <= path.size();) {
        const std::size_t slash = std::min(path.find('/', pos), path.size());
        const std::string_view raw = path.substr(pos, slash - pos);
        if (!raw.empty()) {
            auto decoded = percent_decode(raw);
            if (!decoded) return Error{"bad_request", "malformed percent-escape in path"};
            parsed.segments.push_back(std::move(*decoded));
        }
        pos = slash + 1;
    }
    if (question == std::string_view::npos) return parsed;
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        auto name = percent_decode(pair.substr(0, eq));
        if (!name) return Error{"bad_parameter", "malformed percent-escape in a parameter name of the query string"};
        auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
        if (!value) return Error{"bad_parameter", "parameter \"" + *name + "\": malformed percent-escape (% and two hex digits)"};
        // Which one was meant? Keeping either would answer a question the client may not have asked.
        if (parsed.params.count(*name)) return Error{"bad_parameter", "parameter \"" + *name + "\" is given twice"};
        parsed.params[*name] = std::move(*value);
    }
    return parsed;
}

HttpReply search_reply(Searcher& searcher, const SearchRequest& request) {
    Result<SearchResponse> result = searcher.search(request);
    if (!result) return error_reply(result.error());
    const SearchResponse& response = result.value();
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("query");
    write_string(w, response.query);
    w.Key("total");
    w.Uint(response.total);
    w.Key("offset");
    w.Uint64(request.offset);
    w.Key("limit");
    w.Uint64(request.limit);
    w.Key("took_ms");
    w.Double(response.took_ms);
    w.Key("hits");
    w.StartArray();
    for (const Hit& hit : response.hits) {
        const Document& doc = hit.document;
        w.StartObject();
        w.Key("id");
        write_string(w, doc.id);
        w.Key("title");
        write_string(w, doc.title);
        w.Key("snippet");
        write_string(w, hit.snippet);
        w.Key("score");
        w.Double(hit.score);
        write_optional(w, "lang", doc.lang);
        write_optional(w, "date", doc.date);
        write_optional(w, "url", doc.url);
        // Articles of several codes share a number and often a title: which code's it is.
        if (!doc.law.empty()) write_optional(w, "law", doc.law);
        if (!doc.article.empty()) write_optional(w, "article", doc.article);
        write_strings(w, "references", doc.references);
        w.EndObject();
    }
    w.EndArray();
    if (!response.ref_numbers.empty()) write_strings(w, "ref_numbers", response.ref_numbers);
    if (!response.numbers_not_found.empty()) write_strings(w, "numbers_not_found", response.numbers_not_found);
    if (!response.did_you_mean.empty()) {
        w.Key("did_you_mean");
        write_string(w, response.did_you_mean);
        w.Key("did_you_mean_total");
        w.Uint(response.did_you_mean_total);
    }
    if (!request.facets.empty()) {
        w.Key("facets");
        w.StartObject();
        for (const FacetCounts& facet : response.facets) {
            const std::string_view name = to_string(facet.facet);
            w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
            const bool named = facet.facet == Facet::type || facet.facet == Facet::issuer;
            w.StartArray();
            for (const FacetValue& value : facet.values) {
                w.StartObject();
                w.Key("value");
                write_string(w, value.value);
                if (named) {
                    write_optional(w, "name_vi", value.name_vi);
                    write_optional(w, "name_en", value.name_en);
                }
                w.Key("count");
                w.Uint(value.count);
                w.EndObject();
            }
            w.EndArray();
        }
        w.EndObject();
        w.Key("facets_exact");
        w.Bool(response.facets_exact);
    }
    w.EndObject();
    return json_reply(buffer);
}

// The string parameters of a search, shared by GET (query string) and POST (JSON body).
struct StringParameter {
    const char* name;
    std::string SearchRequest::*field;
};
constexpr StringParameter kFilterParameters[] = {
    {"lang", &SearchRequest::lang}, {"year", &SearchRequest::year}, {"from", &SearchRequest::from},
    {"to", &SearchRequest::to},     {"ref", &SearchRequest::ref},   {"type", &SearchRequest::type},
    {"issuer", &SearchRequest::issuer},
};

Result<SortOrder> parse_sort(const std::string& value) {
    if (value == "relevance") return SortOrder::relevance;
    if (value == "date") return SortOrder::date;
    return Error{"bad_parameter", "parameter \"sort\" is relevance or date, not \"" + value + "\""};
}

// What /search takes, in a query string or a JSON body.
constexpr std::array<std::string_view, 12> kSearchParameters = {"q",  "limit", "offset", "lang", "year",   "from",
                                                                 "to", "ref",   "type",   "issuer", "sort", "facets"};
constexpr std::array<std::string_view, 2> kSuggestParameters = {"q", "limit"};

HttpReply get_search(Searcher& searcher, const Target& target) {
    if (const auto error = unknown_parameter(names_of(target.params), kSearchParameters)) return error_reply(*error);
    SearchRequest request;
    const auto q = target.params.find("q");
    if (q == target.params.end()) return error_reply({"bad_parameter", "parameter \"q\" is required"});
    request.query = q->second;
    for (const auto& [name, field] : {std::pair{"limit", &request.limit}, std::pair{"offset", &request.offset}}) {
        const Result<std::size_t> value = count_parameter(target.params, name, *field);
        if (!value) return error_reply(value.error());
        *field = value.value();
    }
    for (const StringParameter& parameter : kFilterParameters)
        if (const auto it = target.params.find(parameter.name); it != target.params.end()) request.*parameter.field = it->second;
    if (const auto it = target.params.find("sort"); it != target.params.end()) {
        Result<SortOrder> sort = parse_sort(it->second);
        if (!sort) return error_reply(sort.error());
        request.sort = sort.value();
    }
    if (const auto it = target.params.find("facets"); it != target.params.end()) {
        Result<std::vector<Facet>> facets = parse_facets(it->second);
        if (!facets) return error_reply(facets.error());
        request.facets = std::move(facets.value());
    }
    return search_reply(searcher, request);
}

// "facets" in a JSON body: true or false, a string as in a query string, or an array of names.
Result<std::vector<Facet>> facets_field(const rapidjson::Value& value) {
    if (value.IsBool()) return parse_facets(value.GetBool() ? "true" : "false");
    if (value.IsString()) return parse_facets(std::string_view(value.GetString(), value.GetStringLength()));
    if (value.IsArray()) {
        std::string names;
        for (const auto& name : value.GetArray()) {
            if (!name.IsString() || name.GetStringLength() == 0 || std::string_view(name.GetString()).find(',') != std::string_view::npos)
                return Error{"bad_parameter", "field \"facets\" must hold facet names: lang, type, issuer, year"};
            if (!names.empty()) names += ',';
            names.append(name.GetString(), name.GetStringLength());
        }
        if (names.empty()) return std::vector<Facet>{};
        return parse_facets(names);
    }
    return Error{"bad_parameter", "field \"facets\" must be true, false, or a list of lang, type, issuer, year"};
}

// The value of optional field @p name, or nullptr when it is absent or null: clients that
// serialize every field send null for one not given.
const rapidjson::Value* given(const rapidjson::Document& json, const char* name) {
    const auto it = json.FindMember(name);
    return it == json.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
}

HttpReply post_search(Searcher& searcher, const std::string& body) {
    rapidjson::Document json;
    if (std::optional<Error> error = read_json_object(body, json, "{\"q\": \"nghị quyết\"}")) return error_reply(*error);
    if (const auto error = unknown_parameter(names_of(json), kSearchParameters, "field")) return error_reply(*error);
    SearchRequest request;
    const auto q = json.FindMember("q");
    if (q == json.MemberEnd() || !q->value.IsString())
        return error_reply({"bad_parameter", "field \"q\" (a string) is required"});
    request.query.assign(q->value.GetString(), q->value.GetStringLength());
    for (const auto& [name, field] : {std::pair{"limit", &request.limit}, std::pair{"offset", &request.offset}}) {
        const Result<std::size_t> value = count_field(json, name, *field);
        if (!value) return error_reply(value.error());
        *field = value.value();
    }
    for (const StringParameter& parameter : kFilterParameters) {
        const rapidjson::Value* value = given(json, parameter.name);
        if (value == nullptr) continue;
        const bool is_year = std::string_view(parameter.name) == "year";
        if (is_year && value->IsUint()) {  // a year is a number to every JSON client
            request.year = std::to_string(value->GetUint());
            continue;
        }
        if (!value->IsString())
            return error_reply({"bad_parameter", std::string("field \"") + parameter.name + "\" must be a " +
                                                     (is_year ? "year, 2023 or \"2023\"" : "string")});
        request.*parameter.field = std::string(value->GetString(), value->GetStringLength());
    }
    if (const rapidjson::Value* value = given(json, "sort")) {
        if (!value->IsString()) return error_reply({"bad_parameter", "field \"sort\" must be a string"});
        Result<SortOrder> sort = parse_sort(value->GetString());
        if (!sort) return error_reply(sort.error());
        request.sort = sort.value();
    }
    if (const rapidjson::Value* value = given(json, "facets")) {
        Result<std::vector<Facet>> facets = facets_field(*value);
        if (!facets) return error_reply(facets.error());
        request.facets = std::move(facets.value());
    }
    return search_reply(searcher, request);
}

constexpr std::array<std::string_view, 1> kDocumentParameters = {"q"};

HttpReply get_document(Searcher& searcher, const std::string& id, const QueryParameters& params) {
    if (const auto error = unknown_parameter(names_of(params), kDocumentParameters)) return error_reply(*error);
    std::optional<Document> doc = id.size() <= 245 ? searcher.document(id) : std::nullopt;
    if (!doc) return error_reply({"not_found", "no document with id \"" + id + "\""});
    // Opened from a search: where its text matches the query, as search matched it.
    std::optional<std::vector<TextSpan>> marks;
    if (const auto q = params.find("q"); q != params.end()) {
        Result<std::vector<TextSpan>> found = searcher.query_marks(q->second, *doc);
        if (!found) return error_reply(found.error());
        marks = std::move(found.value());
    }
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("id");
    write_string(w, doc->id);
    w.Key("title");
    write_string(w, doc->title);
    write_optional(w, "lang", doc->lang);
    write_optional(w, "date", doc->date);
    write_optional(w, "url", doc->url);
    write_optional(w, "author", doc->author);
    write_optional(w, "number", doc->number);
    write_optional(w, "locality", doc->locality);
    write_optional(w, "law", doc->law);
    write_optional(w, "article", doc->article);
    w.Key("source");
    write_string(w, doc->source);
    write_strings(w, "references", doc->references);
    if (!doc->number.empty()) {
        constexpr std::size_t kCitingShown = 100;
        const auto [ids, total] = searcher.cited_by(doc->id, kCitingShown);
        w.Key("cited_by");
        w.StartObject();
        w.Key("total");
        w.Uint(total);
        write_strings(w, "documents", ids);
        w.EndObject();
    }
    w.Key("citations");
    w.StartArray();
    for (const Citation& citation : doc->citations) {
        w.StartObject();
        w.Key("reference");
        write_string(w, citation.number);
        w.Key("relation");
        write_string(w, citation.relation);
        write_optional(w, "issued", citation.issued);
        write_optional(w, "issued_year", citation.issued_year);
        write_optional(w, "locality", citation.locality);
        w.EndObject();
    }
    w.EndArray();
    if (!doc->extra_fields_json.empty()) {
        w.Key("fields");
        w.RawValue(doc->extra_fields_json.data(), doc->extra_fields_json.size(), rapidjson::kObjectType);
    }
    w.Key("text");
    write_string(w, doc->text);
    if (marks) write_spans(w, "marks", *marks);
    w.EndObject();
    return json_reply(buffer);
}

HttpReply get_health(Searcher& searcher) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("status");
    w.String("ok");
    w.Key("documents");
    w.Uint(searcher.document_count());
    w.EndObject();
    return json_reply(buffer);
}

HttpReply get_suggest(Searcher& searcher, const Target& target) {
    if (const auto error = unknown_parameter(names_of(target.params), kSuggestParameters)) return error_reply(*error);
    const auto q = target.params.find("q");
    if (q == target.params.end()) return error_reply({"bad_parameter", "parameter \"q\" is required"});
    const Result<std::size_t> limit = count_parameter(target.params, "limit", 10);
    if (!limit) return error_reply(limit.error());
    Result<std::vector<Suggestion>> suggestions = searcher.suggest(q->second, limit.value());
    if (!suggestions) return error_reply(suggestions.error());
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("query");
    write_string(w, q->second);
    w.Key("suggestions");
    w.StartArray();
    for (const Suggestion& s : suggestions.value()) {
        w.StartObject();
        w.Key("text");
        write_string(w, s.text);
        w.Key("kind");
        write_string(w, s.kind);
        w.Key("documents");
        w.Uint(s.documents);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return json_reply(buffer);
}

HttpReply post_check(Searcher& searcher, const std::string& body) {
    const Result<TextRequest> request = parse_text_request(body, 5, "{\"text\": \"…\"}");
    if (!request) return error_reply(request.error());
    Result<CheckResult> checked = searcher.check(request->text, request->limit);
    if (!checked) return error_reply(checked.error());
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("references");
    w.StartArray();
    for (const CheckedReference& r : checked->references) {
        w.StartObject();
        w.Key("reference");
        write_string(w, r.canonical);
        w.Key("relation");
        write_string(w, r.relation);
        write_optional(w, "issued", r.issued);
        write_optional(w, "issued_year", r.issued_year);
        write_optional(w, "type_vi", r.type_name_vi);
        write_optional(w, "type_en", r.type_name_en);
        w.Key("begin");
        w.Uint64(r.begin);
        w.Key("end");
        w.Uint64(r.end);
        write_optional(w, "locality", r.locality);
        w.Key("in_corpus");
        w.Bool(!r.held_by.empty());
        write_optional(w, "document", r.held_by);
        write_strings(w, "holders", r.holders);
        w.Key("ambiguous");
        w.Bool(r.ambiguous);
        w.Key("cited_by");
        w.Uint(r.cited_by);
        w.EndObject();
    }
    w.EndArray();
    w.Key("quotes");
    w.StartArray();
    for (const CheckedQuote& q : checked->quotes) {
        w.StartObject();
        w.Key("text");
        write_string(w, q.text);
        w.Key("begin");
        w.Uint64(q.begin);
        w.Key("end");
        w.Uint64(q.end);
        write_spans(w, "spans", q.spans);
        w.Key("found");
        w.Uint(q.found);
        w.Key("documents");
        w.StartArray();
        for (const Hit& hit : q.documents) {
            w.StartObject();
            w.Key("id");
            write_string(w, hit.document.id);
            w.Key("title");
            write_string(w, hit.document.title);
            write_optional(w, "date", hit.document.date);
            write_optional(w, "url", hit.document.url);
            w.Key("snippet");
            write_string(w, hit.snippet);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.Key("truncated");
    w.Bool(checked->truncated);
    w.EndObject();
    return json_reply(buffer);
}

HttpReply routed(HttpReply reply, const char* route) {
    reply.route = route;
    return reply;
}

}  // namespace

HttpReply RequestHandler::route(Searcher& searcher, const HttpRequest& request) const {
    Result<Target> target = parse_target(request.target);
    if (!target) return error_reply(target.error());
    const auto& segments = target->segments;
    const bool get = request.method == "GET" || request.method == "HEAD";
    auto wrong_method = [&](const char* allowed) {
        return error_reply({"method_not_allowed", request.method + " is not allowed here; use " + allowed});
    };
    const std::string first = segments.empty() ? std::string() : segments[0];
    if (segments.size() == 1 && first == "health") return routed(get ? get_health(searcher) : wrong_method("GET"), "health");
    if (segments.size() == 1 && first == "search") {
        if (get) return routed(get_search(searcher, target.value()), "search");
        if (request.method == "POST") return routed(post_search(searcher, request.body), "search");
        return routed(wrong_method("GET or POST"), "search");
    }
    if (segments.size() == 1 && first == "check")
        return routed(request.method == "POST" ? post_check(searcher, request.body) : wrong_method("POST"), "check");
    if (segments.size() == 1 && first == "suggest")
        return routed(get ? get_suggest(searcher, target.value()) : wrong_method("GET"), "suggest");
    if (segments.size() == 2 && first == "documents")
        return routed(get ? get_document(searcher, segments[1], target->params) : wrong_method("GET"), "documents");
    // Links between documents (searchd/links_handler.hpp).
    if (first == "references") {
        if (!get) return routed(wrong_method("GET"), "references");
        if (segments.size() == 1) return routed(get_references(searcher, target->params), "references");
        return routed(get_reference(searcher, {segments.begin() + 1, segments.end()}, target->params), "references");
    }
    if (segments.size() == 3 && first == "documents" && segments[2] == "related")
        return routed(get ? get_related(searcher, segments[1], target->params) : wrong_method("GET"), "related");
    if (segments.size() == 1 && first == "related")
        return routed(request.method == "POST" ? post_related(searcher, request.body) : wrong_method("POST"), "related");
    if (segments.size() == 1 && first == "metrics" && metrics_) {
        if (!get) return routed(wrong_method("GET"), "metrics");
        std::string text = metrics_->render(searcher.document_count());
        if (cache_ != nullptr && cache_->enabled()) {
            text += "# HELP tracuu_cache_hits_total Requests answered from the answer cache.\n"
                    "# TYPE tracuu_cache_hits_total counter\n"
                    "tracuu_cache_hits_total " + std::to_string(cache_->hits()) + "\n"
                    "# HELP tracuu_cache_misses_total Cacheable requests the cache did not hold.\n"
                    "# TYPE tracuu_cache_misses_total counter\n"
                    "tracuu_cache_misses_total " + std::to_string(cache_->misses()) + "\n"
                    "# HELP tracuu_cache_bytes Memory held by the answer cache.\n"
                    "# TYPE tracuu_cache_bytes gauge\n"
                    "tracuu_cache_bytes " + std::to_string(cache_->bytes()) + "\n";
        }
        return HttpReply{200, "text/plain; version=0.0.4", std::move(text), "metrics"};
    }
    std::string why = "no such route: " + request.method + " " + request.target.substr(0, request.target.find('?'));
    // "/documents/data/21480634": an id with a '/', as a path names a file, not percent-encoded.
    if (first == "documents" && segments.size() > 2) {
        std::string id = segments[1];
        for (std::size_t i = 2; i < segments.size(); ++i) id += "%2F" + segments[i];
        why += "; an id with \"/\" is percent-encoded: /documents/" + id;
    }
    return error_reply({"not_found", why});
}


unsigned http_status(const Error& error) {
    static const std::map<std::string, unsigned> statuses = {
        {"bad_request", 400}, {"bad_query", 400}, {"bad_parameter", 400}, {"not_found", 404},
        {"method_not_allowed", 405}, {"payload_too_large", 413}, {"header_too_large", 431},
        {"unavailable", 503}, {"internal", 500}};
    const auto it = statuses.find(error.code);
    return it == statuses.end() ? 500 : it->second;
}

Lane lane_of(const HttpRequest& request) {
    const std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
    if ((request.method == "GET" || request.method == "HEAD") && is_web_page(path)) return Lane::connection;
    if (path == "/health" || path == "/metrics") return Lane::control;
    return Lane::search;
}

HttpReply error_reply(const Error& error) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("error");
    w.StartObject();
    w.Key("code");
    write_string(w, error.code);
    w.Key("message");
    // A message may quote the client's bytes; keep the JSON valid whatever they were.
    write_string(w, unicode::to_valid_utf8(error.message));
    w.EndObject();
    w.EndObject();
    HttpReply reply = json_reply(buffer, http_status(error));
    if (reply.status >= 500) reply.cause = error.code + ": " + error.message;
    return reply;
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

namespace {

// Answers that depend on nothing but the request and the index: the search lane's. /health
// and /metrics report the daemon itself; the page's files are answered before the cache.
bool cacheable(const HttpRequest& request) {
    if (request.method != "GET" && request.method != "POST") return false;
    if (request.body.size() > ResponseCache::kMaxKeyBytes) return false;
    return lane_of(request) == Lane::search;
}

// The cache's key for @p request answered from @p revision.
std::string cache_key(const std::string& revision, const HttpRequest& request) {
    std::string key = revision;
    key.append("\n").append(request.method).append(" ").append(request.target).append("\n").append(request.body);
    return key;
}

// Stored as route, content type and body, one line each but the body.
std::string stored_form(const HttpReply& reply) { return reply.route + "\n" + reply.content_type + "\n" + reply.body; }

HttpReply reply_from_stored(const std::string& stored) {
    const std::size_t first = stored.find('\n'), second = stored.find('\n', first + 1);
    HttpReply reply;
    reply.route = stored.substr(0, first);
    reply.content_type = stored.substr(first + 1, second - first - 1);
    reply.body = stored.substr(second + 1);
    return reply;
}

}  // namespace

HttpReply RequestHandler::cached_route(Searcher& searcher, const HttpRequest& request) const {
    if (cache_ == nullptr || !cache_->enabled() || !cacheable(request)) return route(searcher, request);
    const std::string key = cache_key(searcher.revision(), request);
    if (std::optional<std::string> stored = cache_->find(key)) return reply_from_stored(*stored);
    HttpReply reply = route(searcher, request);
    if (reply.status == 200) cache_->store(key, stored_form(reply));
    return reply;
}

std::optional<HttpReply> RequestHandler::cached_answer(const HttpRequest& request) const {
    if (cache_ == nullptr || !cache_->enabled() || !cacheable(request)) return std::nullopt;
    std::string revision;
    {
        const std::lock_guard lock(refreshed_mutex_);
        if (refreshed_revision_.empty() || std::chrono::steady_clock::now() - refreshed_at_ >= refresh_interval_)
            return std::nullopt;  // a search thread moves to the latest commit first
        revision = refreshed_revision_;
    }
    std::optional<std::string> stored = cache_->find(cache_key(revision, request), ResponseCache::Miss::not_counted);
    if (!stored) return std::nullopt;
    return reply_from_stored(*stored);
}

void RequestHandler::publish_revision(const Searcher& searcher, std::chrono::steady_clock::time_point when) const {
    if (cache_ == nullptr || !cache_->enabled()) return;
    std::string revision = searcher.revision();
    const std::lock_guard lock(refreshed_mutex_);
    refreshed_revision_ = std::move(revision);
    refreshed_at_ = when;
}

void RequestHandler::refresh_cached_revision() const {
    if (cache_ == nullptr || !cache_->enabled()) return;
    try {
        const auto now = std::chrono::steady_clock::now();
        Searcher& searcher = searcher_();
        searcher.refresh();
        publish_revision(searcher, now);
    } catch (...) {
        // An index or shard that cannot be read now: cached answers wait for a search thread.
    }
}

HttpReply RequestHandler::answer(const HttpRequest& request, bool reconnect) const {
    Searcher& searcher = searcher_();
    // Per thread, as the searchers are.
    thread_local std::chrono::steady_clock::time_point last_refresh;
    thread_local const Searcher* refreshed = nullptr;
    const auto now = std::chrono::steady_clock::now();
    if (reconnect) {
        searcher.reconnect();
        last_refresh = now;
        refreshed = &searcher;
    } else if (refreshed != &searcher || now - last_refresh >= refresh_interval_) {
        searcher.refresh();  // answer from the latest commit
        last_refresh = now;
        refreshed = &searcher;
        publish_revision(searcher, now);
    }
    try {
        return cached_route(searcher, request);
    } catch (const Xapian::DatabaseModifiedError&) {
        searcher.refresh();  // the indexer committed twice while we read: retry once
        return cached_route(searcher, request);
    }
}

HttpReply RequestHandler::handle(const HttpRequest& request) const {
    try {
        // The page needs no index, and no cache: the cache keeps no headers.
        if (request.method == "GET" || request.method == "HEAD")
            if (std::optional<HttpReply> page = web_page_reply(std::string_view(request.target).substr(0, request.target.find('?'))))
                return std::move(*page);
        try {
            return answer(request, false);
        } catch (const Xapian::NetworkError&) {
            // A remote shard's server restarted, or closed a connection left idle (xapian-tcpsrv
            // does after a minute): connect afresh and try once more.
            return answer(request, true);
        }
    } catch (const Xapian::NetworkError& e) {
        // Still unreachable: the daemon is fine, the backend it needs is not. Say which.
        const std::string backend = e.get_context().empty() ? std::string("a remote shard") : e.get_context();
        std::string why = e.get_msg();
        if (const char* system_error = e.get_error_string(); system_error != nullptr && *system_error != '\0')
            why.append(" (").append(system_error).append(")");
        return error_reply({"unavailable", "index backend " + backend + " is unreachable: " + why});
    } catch (const Xapian::Error& e) {
        return error_reply({"internal", "index error: " + e.get_description()});
    } catch (const std::exception& e) {
        return error_reply({"internal", e.what()});
    } catch (...) {
        return error_reply({"internal", "unknown error"});
    }
}

}  // namespace tracuu::searchd
