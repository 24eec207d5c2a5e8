/** @file
 * @brief searchd's request handler, without a network: request in, JSON reply out.
 */
#include "searchd/request_handler.hpp"
#include "analyzers/unicode.hpp"
#include "handler_support.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <string>
#include <vector>

namespace tracuu::searchd {
namespace {

class HandlerTest : public ::testing::Test {
protected:
    void SetUp() override {
        testing::build_index(dir_.path() / "db",
                             {testing::make_document("vi", "Chỉ thị\nThực hiện Nghị quyết số 126/NQ-CP về thi hành pháp luật"),
                              testing::make_document("en", "Directive\nImplementing Resolution No. 126/NQ-CP on law enforcement")});
        searcher_ = std::make_unique<Searcher>((dir_.path() / "db").string());
    }

    rapidjson::Document call(const std::string& method, const std::string& target, unsigned expected_status,
                             const std::string& body = {}) {
        return testing::call_json(handler_, method, target, expected_status, body);
    }

    void expect_error(const std::string& method, const std::string& target, unsigned status, const std::string& code,
                      const std::string& body = {}) {
        const auto json = call(method, target, status, body);
        ASSERT_TRUE(json.IsObject() && json.HasMember("error")) << target;
        EXPECT_EQ(std::string(json["error"]["code"].GetString()), code) << target;
        EXPECT_GT(json["error"]["message"].GetStringLength(), 0u);
    }

    testing::TempDir dir_;
    std::unique_ptr<Searcher> searcher_;
    Metrics metrics_;
    RequestHandler handler_{[this]() -> Searcher& { return *searcher_; }, &metrics_};
};

TEST_F(HandlerTest, SuggestCompletesWhatIsTyped) {
    const auto json = call("GET", "/suggest?q=thi+h", 200);
    ASSERT_GE(json["suggestions"].Size(), 1u);
    EXPECT_STREQ(json["suggestions"][0]["text"].GetString(), "thi hành");  // typed without diacritics, shown with them
    EXPECT_STREQ(json["suggestions"][0]["kind"].GetString(), "word");
    const auto refs = call("GET", "/suggest?q=126%2FN", 200);
    ASSERT_EQ(refs["suggestions"].Size(), 1u);
    EXPECT_STREQ(refs["suggestions"][0]["text"].GetString(), "126/NQ-CP");
    EXPECT_EQ(refs["suggestions"][0]["documents"].GetUint(), 2u);
    const auto after_number = call("GET", "/suggest?q=126%2FNQ-CP+thi+h", 200);  // the last word decides
    ASSERT_GE(after_number["suggestions"].Size(), 1u);
    EXPECT_STREQ(after_number["suggestions"][0]["text"].GetString(), "thi hành");
    const auto capitalized = call("GET", "/suggest?q=Thi+H", 200);  // cased as typed
    ASSERT_GE(capitalized["suggestions"].Size(), 1u);
    EXPECT_STREQ(capitalized["suggestions"][0]["text"].GetString(), "Thi Hành");
    expect_error("GET", "/suggest", 400, "bad_parameter");
    expect_error("GET", "/suggest?q=a&limit=0", 400, "bad_parameter");
}

TEST_F(HandlerTest, CheckAnswersReferencesAndQuotes) {
    const auto json = call("POST", "/check", 200, R"({"text": "Theo Nghị quyết 126/NQ-CP, \"thi hanh phap luat\"."})");
    ASSERT_EQ(json["references"].Size(), 1u);
    EXPECT_STREQ(json["references"][0]["reference"].GetString(), "126/NQ-CP");
    EXPECT_EQ(json["references"][0]["cited_by"].GetUint(), 2u);
    EXPECT_FALSE(json["references"][0]["in_corpus"].GetBool());
    ASSERT_EQ(json["quotes"].Size(), 1u);
    EXPECT_EQ(json["quotes"][0]["found"].GetUint(), 1u);
    EXPECT_STREQ(json["quotes"][0]["documents"][0]["id"].GetString(), "vi");
    ASSERT_EQ(json["quotes"][0]["spans"].Size(), 1u);
    EXPECT_EQ(json["quotes"][0]["spans"][0]["begin"].GetUint(), json["quotes"][0]["begin"].GetUint());
    EXPECT_FALSE(json["truncated"].GetBool());
    const auto twice = call("POST", "/check", 200, R"({"text": "\"thi hanh phap luat\", \"thi hanh phap luat\""})");
    ASSERT_EQ(twice["quotes"].Size(), 1u);
    EXPECT_EQ(twice["quotes"][0]["spans"].Size(), 2u);
    EXPECT_EQ(twice["quotes"][0]["spans"][1]["begin"].GetUint(), 23u);
    expect_error("POST", "/check", 400, "bad_parameter", R"({"txt": "x"})");
    for (const char* empty : {R"({"text": ""})", R"({"text": " \n "})"}) {  // as /related answers
        const auto bad = call("POST", "/check", 400, empty);
        EXPECT_STREQ(bad["error"]["code"].GetString(), "bad_parameter") << empty;
        EXPECT_STREQ(bad["error"]["message"].GetString(), "text is empty") << empty;
        EXPECT_STREQ(call("POST", "/related", 400, empty)["error"]["message"].GetString(), "text is empty") << empty;
    }
    expect_error("GET", "/check", 405, "method_not_allowed");
    const auto doc = call("GET", "/documents/vi", 200);
    EXPECT_STREQ(doc["citations"][0]["reference"].GetString(), "126/NQ-CP");
    EXPECT_STREQ(doc["citations"][0]["relation"].GetString(), "implements");
}

TEST_F(HandlerTest, MetricsInPrometheusTextFormat) {
    metrics_.record("search", 200, 0.003);
    metrics_.record("search", 400, 0.0001);
    const HttpReply reply = handler_.handle({"GET", "/metrics", {}});
    EXPECT_EQ(reply.status, 200u);
    EXPECT_EQ(reply.content_type, "text/plain; version=0.0.4");
    for (const std::string line : {"tracuu_requests_total{route=\"search\",status=\"200\"} 1",
                                   "tracuu_requests_total{route=\"search\",status=\"400\"} 1",
                                   "tracuu_request_duration_seconds_bucket{le=\"0.0005\"} 1",
                                   "tracuu_request_duration_seconds_bucket{le=\"0.005\"} 2",
                                   "tracuu_request_duration_seconds_count 2", "tracuu_documents 2"})
        EXPECT_NE(reply.body.find(line + "\n"), std::string::npos) << line << "\n" << reply.body;
    EXPECT_EQ(handler_.handle({"GET", "/search?q=x", {}}).route, "search");
}

TEST_F(HandlerTest, SearchAnswersWithTheDocumentedShape) {
    const auto json = call("GET", "/search?q=nghi+quyet+126&limit=5", 200);
    EXPECT_STREQ(json["query"].GetString(), "nghi quyet 126");
    EXPECT_EQ(json["total"].GetUint(), 2u);
    EXPECT_TRUE(json["took_ms"].IsNumber());
    const auto& hit = json["hits"][0];
    EXPECT_STREQ(hit["id"].GetString(), "vi");
    EXPECT_STREQ(hit["title"].GetString(), "Chỉ thị");
    EXPECT_NE(std::string(hit["snippet"].GetString()).find("<mark>Nghị quyết</mark>"), std::string::npos);
    EXPECT_TRUE(hit["score"].IsNumber());
    EXPECT_STREQ(hit["lang"].GetString(), "vi");
    EXPECT_TRUE(hit["date"].IsNull());
    EXPECT_TRUE(hit["url"].IsNull());
    EXPECT_STREQ(hit["references"][0].GetString(), "126/NQ-CP");
}

TEST_F(HandlerTest, PostSearchTakesTheSameFieldsAsJson) {
    const auto json = call("POST", "/search", 200, R"({"q": "law enforcement", "limit": 1, "offset": 0})");
    ASSERT_EQ(json["hits"].Size(), 1u);
    EXPECT_STREQ(json["hits"][0]["id"].GetString(), "en");
    // An optional field given as null is not given, as clients that serialize every field send it.
    const auto nulls = call("POST", "/search", 200, R"({"q": "law enforcement", "limit": null, "to": null, "sort": null, "facets": null})");
    EXPECT_STREQ(nulls["hits"][0]["id"].GetString(), "en");
    EXPECT_EQ(nulls["limit"].GetUint(), 10u);
    // A count as a string of digits, as a form serializes it, is the count, as in a query string.
    EXPECT_EQ(call("POST", "/search", 200, R"({"q": "law enforcement", "limit": 5.0, "offset": 0e0})")["limit"].GetUint(), 5u);
    const auto strings = call("POST", "/search", 200, R"({"q": "law enforcement", "limit": "1", "offset": "0"})");
    EXPECT_EQ(strings["limit"].GetUint(), 1u);
    EXPECT_EQ(strings["hits"].Size(), 1u);
    EXPECT_EQ(call("POST", "/related", 200, R"({"text": "law enforcement", "limit": "2"})")["limit"].GetUint(), 2u);
}

TEST_F(HandlerTest, PercentEncodedUtf8AndPaging) {
    const auto first = call("GET", "/search?q=126%2FNQ-CP&limit=1", 200);
    const auto second = call("GET", "/search?q=126%2FNQ-CP&limit=1&offset=1", 200);
    ASSERT_EQ(first["hits"].Size(), 1u);
    ASSERT_EQ(second["hits"].Size(), 1u);
    EXPECT_STRNE(first["hits"][0]["id"].GetString(), second["hits"][0]["id"].GetString());
    EXPECT_EQ(call("GET", "/search?q=ngh%E1%BB%8B", 200)["total"].GetUint(), 1u);
}

TEST_F(HandlerTest, DocumentsAndHealth) {
    const auto doc = call("GET", "/documents/vi", 200);
    EXPECT_STREQ(doc["id"].GetString(), "vi");
    EXPECT_NE(std::string(doc["text"].GetString()).find("126/NQ-CP"), std::string::npos);
    const auto health = call("GET", "/health", 200);
    EXPECT_STREQ(health["status"].GetString(), "ok");
    EXPECT_EQ(health["documents"].GetUint(), 2u);
}

TEST_F(HandlerTest, TheWebPageAndItsFilesWithHeadersThatKeepThemSafe) {
    const HttpReply page = handler_.handle({"GET", "/", {}});
    EXPECT_EQ(page.status, 200u);
    EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(page.route, "page");
    EXPECT_NE(page.body.find("<script src=\"/app.js\""), std::string::npos) << page.body;
    const auto header = [](const HttpReply& reply, const std::string& name) {
        for (const auto& [key, value] : reply.headers)
            if (key == name) return value;
        return std::string();
    };
    EXPECT_NE(header(page, "Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(header(page, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(handler_.handle({"GET", "/index.html?x=1", {}}).body, page.body);
    const HttpReply script = handler_.handle({"GET", "/app.js", {}});
    EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
    EXPECT_NE(script.body.find("/search?"), std::string::npos);
    EXPECT_EQ(handler_.handle({"HEAD", "/app.css", {}}).content_type, "text/css; charset=utf-8");
    // Only the page's own files; the API's routes and errors are unchanged.
    expect_error("GET", "/app.jsx", 404, "not_found");
    expect_error("GET", "/../CMakeLists.txt", 404, "not_found");
    expect_error("POST", "/", 404, "not_found");
    EXPECT_EQ(handler_.handle({"GET", "/health", {}}).content_type, "application/json");
}

TEST_F(HandlerTest, ErrorsAreJsonWithA4xxStatus) {
    expect_error("GET", "/search", 400, "bad_parameter");
    expect_error("GET", "/search?q=", 400, "bad_query");
    expect_error("GET", "/search?q=%22unterminated", 400, "bad_query");
    expect_error("GET", "/search?q=%FF%FE", 400, "bad_query");
    expect_error("GET", "/search?q=a&limit=ten", 400, "bad_parameter");
    expect_error("GET", "/search?q=a&limit=-1", 400, "bad_parameter");
    expect_error("GET", "/search?q=a&limit=1000", 400, "bad_parameter");
    expect_error("GET", "/search?q=%G1", 400, "bad_parameter");
    EXPECT_NE(std::string(call("GET", "/search?q=" + std::string(2048, 'x'), 400)["error"]["message"].GetString())
                  .find("longer than the longest word indexed (64 bytes)"),
              std::string::npos);
    EXPECT_STREQ(call("GET", "/search?q=luat%zz", 400)["error"]["message"].GetString(),
                 "parameter \"q\": malformed percent-escape (% and two hex digits)");
    expect_error("POST", "/search", 400, "bad_request", "{not json");
    expect_error("POST", "/search", 400, "bad_request", "[1]");
    expect_error("POST", "/search", 400, "bad_parameter", R"({"q": 5})");
    // Out of range: which parameter, the range and what was given, as for one not a number.
    for (const auto& [target, message] : {std::pair{"/search?q=a&limit=0", "\"limit\" must be between 1 and 100, not 0"},
                                          std::pair{"/search?q=a&offset=20000", "\"offset\" must be at most 10000, not 20000"},
                                          std::pair{"/suggest?q=a&limit=0", "\"limit\" must be between 1 and 20, not 0"}}) {
        const auto bad = call("GET", target, 400);
        EXPECT_STREQ(bad["error"]["message"].GetString(), message) << target;
    }
    for (const char* limit : {R"("five")", R"("")", R"("-1")", "-1", "2.5", "true"}) {
        const auto bad = call("POST", "/search", 400, std::string(R"({"q": "a", "limit": )") + limit + "}");
        EXPECT_NE(std::string(bad["error"]["message"].GetString()).find("field \"limit\" must be a non-negative integer"), std::string::npos)
            << limit << ": " << bad["error"]["message"].GetString();
    }
    expect_error("GET", "/documents/nope", 404, "not_found");
    expect_error("GET", "/documents/%FF", 404, "not_found");  // invalid UTF-8 in the message stays valid JSON
    // An id with a '/' not percent-encoded: the message says how to ask for it.
    const auto slash = call("GET", "/documents/data/21480634", 404);
    EXPECT_NE(std::string(slash["error"]["message"].GetString()).find("/documents/data%2F21480634"), std::string::npos);
    expect_error("GET", "/nowhere", 404, "not_found");
    expect_error("DELETE", "/search", 405, "method_not_allowed");
    expect_error("GET", "relative", 400, "bad_request");
    // A misspelt parameter is named, not ignored.
    for (const auto& [method, target, body] :
         {std::tuple{"GET", "/search?q=a&language=en", ""}, std::tuple{"POST", "/search", R"({"q": "a", "language": "en"})"},
          std::tuple{"GET", "/suggest?q=a&lmit=3", ""}, std::tuple{"POST", "/check", R"({"text": "a", "lmit": 3})"},
          std::tuple{"POST", "/related", R"({"text": "a", "lmit": 3})"}, std::tuple{"GET", "/documents/vi/related?lmit=3", ""},
          std::tuple{"GET", "/references?q=126&lmit=3", ""}, std::tuple{"GET", "/references/126%2FNQ-CP?relations=cites", ""},
          std::tuple{"GET", "/documents/vi?text=false", ""}}) {
        const auto bad = call(method, target, 400, body);
        EXPECT_STREQ(bad["error"]["code"].GetString(), "bad_parameter") << target;
        EXPECT_NE(std::string(bad["error"]["message"].GetString()).find("unknown "), std::string::npos)
            << target << ": " << bad["error"]["message"].GetString();
    }
    // A parameter or field given twice is named, not one of them picked.
    for (const auto& [method, target, body, named] :
         {std::tuple{"GET", "/search?q=luat&q=dat", "", "parameter \"q\" is given twice"},
          std::tuple{"GET", "/suggest?q=a&limit=3&limit=4", "", "parameter \"limit\" is given twice"},
          std::tuple{"GET", "/references?q=126&q=127", "", "parameter \"q\" is given twice"},
          std::tuple{"POST", "/search", R"({"q": "luat", "q": "dat"})", "field \"q\" is given twice"},
          std::tuple{"POST", "/check", R"({"text": "a", "text": "b"})", "field \"text\" is given twice"}}) {
        const auto bad = call(method, target, 400, body);
        EXPECT_STREQ(bad["error"]["code"].GetString(), "bad_parameter") << target << body;
        EXPECT_STREQ(bad["error"]["message"].GetString(), named) << target << body;
    }
    // Every JSON body says what is wrong with it and where.
    for (const char* route : {"/search", "/check", "/related"}) {
        const auto bad = call("POST", route, 400, "{\"text\": nope}");
        EXPECT_NE(std::string(bad["error"]["message"].GetString()).find("not valid JSON: Invalid value. (byte 10)"), std::string::npos)
            << route << ": " << bad["error"]["message"].GetString();
        EXPECT_EQ(std::string(bad["error"]["message"].GetString()).find("such as"), std::string::npos) << route;  // JSON, broken
    }
    // A draft posted as plain text is no JSON at all: the answer says what to send.
    for (const auto& [route, example] : {std::pair{"/check", "{\"text\": \"…\"}"}, std::pair{"/related", "{\"text\": \"…\", \"limit\": 10}"},
                                         std::pair{"/search", "{\"q\": \"nghị quyết\"}"}}) {
        const auto bad = call("POST", route, 400, "  Under Decree No. 15/2020/ND-CP, fines rise.");
        EXPECT_STREQ(bad["error"]["code"].GetString(), "bad_request");
        EXPECT_EQ(std::string(bad["error"]["message"].GetString()),
                  std::string("body is not valid JSON: Invalid value. (byte 2); send a JSON object such as ") + example)
            << route;
    }
}

TEST_F(HandlerTest, DeeplyNestedInputIsRefusedNotRecursedInto) {
    // 200,000 brackets (400 KB) overflowed the stack of RapidJSON's recursive parser: SIGSEGV.
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    for (const auto& [route, body] : {std::pair{"/search", "{\"q\":\"luat\",\"x\":" + deep + "}"},
                                      std::pair{"/check", "{\"text\":" + deep + "}"},
                                      std::pair{"/related", "{\"text\":\"luat\",\"limit\":" + deep + "}"},
                                      std::pair{"/search", [] { std::string b; for (int i = 0; i < 100000; ++i) b += "{\"q\":"; return b; }()}}) {
        const auto bad = call("POST", route, 400, body);
        EXPECT_STREQ(bad["error"]["code"].GetString(), "bad_request") << route;
        EXPECT_NE(std::string(bad["error"]["message"].GetString()).find("deeper than 32 levels"), std::string::npos)
            << route << ": " << bad["error"]["message"].GetString();
    }
    // Nesting a route takes is read as before.
    EXPECT_TRUE(call("POST", "/search", 200, R"({"q": "luat", "facets": ["lang"]})")["facets"]["lang"].IsArray());
    // The query parser recurses per parenthesis: the 2048-byte query limit bounds the depth.
    for (const std::string& nested : {std::string(1023, '(') + "a" + std::string(1023, ')'),
                                      [] { std::string q; for (int i = 0; i < 682; ++i) q += "(a"; return q + std::string(682, ')'); }()}) {
        ASSERT_LE(nested.size(), 2048u);
        EXPECT_EQ(call("GET", "/search?q=" + nested, 200)["total"].GetUint(), 0u);
        EXPECT_EQ(call("POST", "/search", 200, "{\"q\": \"" + nested + "\"}")["total"].GetUint(), 0u);
    }
    const auto too_long = call("POST", "/search", 400, "{\"q\": \"" + std::string(100000, '(') + "a" + std::string(100000, ')') + "\"}");
    EXPECT_STREQ(too_long["error"]["code"].GetString(), "bad_query");
}

// An index with a legal document among press articles, for filters, facets and spelling.
class LegalHandlerTest : public HandlerTest {
protected:
    void SetUp() override {
        Document decree = testing::make_document("decree", "Nghị định 15/2020/NĐ-CP về xử phạt\nQuy định về thuế.");
        decree.date = "2020-02-03";
        Document article = testing::make_document("article", "Tin tức\nBáo chí đưa tin về thuế.");
        article.date = "2023-09-22";
        testing::build_index(dir_.path() / "db", {decree, article, testing::make_document("english", "News\nThe tax office, thuế in Vietnamese.")});
        searcher_ = std::make_unique<Searcher>((dir_.path() / "db").string());
    }
};

TEST_F(LegalHandlerTest, FacetsOnRequestWithNamesAndCounts) {
    const auto json = call("GET", "/search?q=thu%E1%BA%BF&limit=1&facets=true", 200);
    EXPECT_EQ(json["total"].GetUint(), 3u);
    EXPECT_EQ(json["hits"].Size(), 1u);
    ASSERT_TRUE(json.HasMember("facets")) << "facets asked for";
    const auto& facets = json["facets"];
    std::vector<std::string> names;
    for (const auto& member : facets.GetObject()) names.emplace_back(member.name.GetString());
    EXPECT_EQ(names, (std::vector<std::string>{"lang", "type", "issuer", "year"}));
    EXPECT_STREQ(facets["lang"][0]["value"].GetString(), "vi");
    EXPECT_EQ(facets["lang"][0]["count"].GetUint(), 2u);
    EXPECT_FALSE(facets["lang"][0].HasMember("name_vi"));  // languages and years have no names
    EXPECT_STREQ(facets["type"][0]["value"].GetString(), "article");
    EXPECT_EQ(facets["type"][0]["count"].GetUint(), 2u);
    EXPECT_STREQ(facets["type"][1]["value"].GetString(), "NĐ");
    EXPECT_STREQ(facets["type"][1]["name_vi"].GetString(), "Nghị định");
    EXPECT_STREQ(facets["type"][1]["name_en"].GetString(), "Decree");
    EXPECT_STREQ(facets["issuer"][0]["value"].GetString(), "CP");
    EXPECT_STREQ(facets["issuer"][0]["name_en"].GetString(), "Government");
    EXPECT_EQ(facets["year"].Size(), 2u);  // the English text has no date
    EXPECT_TRUE(json["facets_exact"].GetBool());

    const auto some = call("GET", "/search?q=thu%E1%BA%BF&facets=year,lang", 200);
    EXPECT_EQ(some["facets"].MemberCount(), 2u);
    EXPECT_TRUE(some["facets"].HasMember("year"));
    const auto none = call("GET", "/search?q=thu%E1%BA%BF", 200);
    EXPECT_FALSE(none.HasMember("facets"));
    EXPECT_FALSE(none.HasMember("facets_exact"));
}

TEST_F(LegalHandlerTest, TypeAndIssuerFilterInGetAndPost) {
    for (const std::string type : {"N%C4%90", "nd", "decree", "Ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh"}) {
        const auto json = call("GET", "/search?q=thu%E1%BA%BF&type=" + type, 200);
        ASSERT_EQ(json["hits"].Size(), 1u) << type;
        EXPECT_STREQ(json["hits"][0]["id"].GetString(), "decree");
    }
    EXPECT_EQ(call("GET", "/search?q=thu%E1%BA%BF&type=article", 200)["total"].GetUint(), 2u);
    const auto posted = call("POST", "/search", 200, R"({"q": "thuế", "issuer": "Chính phủ", "facets": ["type"]})");
    ASSERT_EQ(posted["hits"].Size(), 1u);
    EXPECT_STREQ(posted["facets"]["type"][0]["value"].GetString(), "NĐ");
    EXPECT_EQ(call("POST", "/search", 200, R"({"q": "thuế", "facets": false})").HasMember("facets"), false);
}

TEST_F(LegalHandlerTest, AYearInAJsonBodyIsANumberOrAString) {
    for (const std::string year : {"2020", "\"2020\""}) {
        const auto json = call("POST", "/search", 200, R"({"q": "thuế", "year": )" + year + "}");
        ASSERT_EQ(json["hits"].Size(), 1u) << year;
        EXPECT_STREQ(json["hits"][0]["id"].GetString(), "decree");
    }
    for (const std::string year : {"2020.5", "-2020", "true"}) {
        const auto bad = call("POST", "/search", 400, R"({"q": "thuế", "year": )" + year + "}");
        EXPECT_NE(std::string(bad["error"]["message"].GetString()).find("\"year\""), std::string::npos) << year;
    }
}

TEST_F(LegalHandlerTest, BadTypeIssuerOrFacetsAre400sNamingTheParameter) {
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> rows = {
        {"GET", "/search?q=a&type=xyz", "", "\"type\": \"xyz\""},
        {"GET", "/search?q=a&issuer=N%C4%90", "", "\"issuer\": \"NĐ\""},
        {"GET", "/search?q=a&facets=lang,author", "", "\"facets\""},
        {"GET", "/search?q=phap+luat&from=2024-01-01&to=2023-01-01", "", "\"from\" and \"to\" are reversed"},
        {"POST", "/search", R"({"q": "a", "from": "2024-01-01", "to": "2023-01-01"})", "\"from\" and \"to\" are reversed"},
        {"GET", "/search?q=a&facets=yes", "", "\"facets\""},
        {"POST", "/search", R"({"q": "a", "facets": 5})", "\"facets\""},
        {"POST", "/search", R"({"q": "a", "facets": ["lang", 3]})", "\"facets\""},
        {"POST", "/search", R"({"q": "a", "type": "bogus"})", "\"type\": \"bogus\""},
        {"POST", "/search", R"({"q": "a", "issuer": 7})", "\"issuer\""},
    };
    for (const auto& [method, target, body, named] : rows) {
        const auto json = call(method, target, 400, body);
        ASSERT_TRUE(json.HasMember("error")) << target << body;
        EXPECT_STREQ(json["error"]["code"].GetString(), "bad_parameter") << target << body;
        EXPECT_NE(std::string(json["error"]["message"].GetString()).find(named), std::string::npos)
            << target << body << " -> " << json["error"]["message"].GetString();
    }
}

TEST_F(LegalHandlerTest, ANumberNoDocumentCitesIsListedAsNotFound) {
    const auto json = call("GET", "/search?q=nghi+dinh+99%2F2016%2FND-CP", 200);
    ASSERT_TRUE(json.HasMember("numbers_not_found"));
    ASSERT_EQ(json["numbers_not_found"].Size(), 1u);
    EXPECT_STREQ(json["numbers_not_found"][0].GetString(), "99/2016/NĐ-CP");
    EXPECT_FALSE(call("GET", "/search?q=thue+office", 200).HasMember("numbers_not_found"));
}

TEST_F(LegalHandlerTest, DidYouMeanForAMisspelledWord) {
    const auto json = call("GET", "/search?q=thuee+office", 200);
    ASSERT_TRUE(json.HasMember("did_you_mean")) << "thuee is in no document, thue in three";
    EXPECT_STREQ(json["did_you_mean"].GetString(), "thue office");
    EXPECT_EQ(json["did_you_mean_total"].GetUint(), 3u);
    EXPECT_FALSE(call("GET", "/search?q=thue+office", 200).HasMember("did_you_mean"));
}

// Two codes indexed article by article, and a decision citing numbers of 2019.
class LawArticleHandlerTest : public HandlerTest {
protected:
    void SetUp() override {
        Document theft = testing::make_document("blhs-173", "Tội trộm cắp tài sản\nNgười nào trộm cắp tài sản của người khác.");
        theft.law = "Bộ luật Hình sự";
        theft.article = "173";
        Document civil = testing::make_document("blds-173", "Nghĩa vụ của chủ sở hữu\nChủ sở hữu bất động sản chịu hưởng quyền.");
        civil.law = "Bộ luật Dân sự";
        civil.article = "173";
        testing::build_index(dir_.path() / "db",
                             {theft, civil, testing::make_document("decision", "Quyết định\nCăn cứ Bộ luật Lao động số 45/2019/QH14 và Nghị định 45/2019/NĐ-CP.")});
        searcher_ = std::make_unique<Searcher>((dir_.path() / "db").string());
    }
};

TEST_F(LawArticleHandlerTest, HitsSayWhichLawsArticleTheyAre) {
    const auto json = call("GET", "/search?q=%C4%91i%E1%BB%81u+173+BLHS", 200);  // "điều 173 BLHS"
    ASSERT_GE(json["hits"].Size(), 1u);
    EXPECT_STREQ(json["hits"][0]["id"].GetString(), "blhs-173");
    EXPECT_STREQ(json["hits"][0]["law"].GetString(), "Bộ luật Hình sự");
    EXPECT_STREQ(json["hits"][0]["article"].GetString(), "173");
    EXPECT_STREQ(call("GET", "/documents/blds-173", 200)["law"].GetString(), "Bộ luật Dân sự");
    EXPECT_FALSE(call("GET", "/search?q=quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh", 200)["hits"][0].HasMember("law"));
}

TEST_F(LawArticleHandlerTest, RefInPartListsTheNumbersItStoodFor) {
    const auto json = call("GET", "/search?q=c%C4%83n+c%E1%BB%A9&ref=45%2F2019", 200);
    EXPECT_EQ(json["total"].GetUint(), 1u);
    ASSERT_TRUE(json.HasMember("ref_numbers"));
    std::vector<std::string> numbers;
    for (const auto& number : json["ref_numbers"].GetArray()) numbers.emplace_back(number.GetString());
    std::sort(numbers.begin(), numbers.end());
    EXPECT_EQ(numbers, (std::vector<std::string>{"45/2019/NĐ-CP", "45/2019/QH14"}));
    const auto bad = call("GET", "/search?q=c%C4%83n+c%E1%BB%A9&ref=45", 400);
    EXPECT_STREQ(bad["error"]["code"].GetString(), "bad_parameter");
    EXPECT_EQ(std::string(bad["error"]["message"].GetString()).rfind("parameter \"ref\": \"45\" is not a document number", 0), 0u);
    const auto part = call("GET", "/references/45%2F2019", 400);
    EXPECT_NE(std::string(part["error"]["message"].GetString()).find("/references?q=45/2019"), std::string::npos);
}

// A document opened from a search: the spans of its text that the query matched, as search
// matched them (stems, folded forms, words, numbers however written, phrases whole).
class DocumentMarksTest : public HandlerTest {
protected:
    void SetUp() override {
        // Written in NFD, as some editors save Vietnamese: the stored text is NFC, and the
        // marks count its code points.
        Document vi = testing::make_document(
            "vi", unicode_nfd("Nghị quyết 126/NQ-CP\nChính phủ ban hành Nghị quyết số 126/NQ-CP; công văn "
                              "viết 126-NQ/CP. Nghi quyet viết không dấu, nghị sĩ và quyết định thì không."));
        Document en = testing::make_document("en", "Judgment\nThe Judges of the bench held that the judge erred; judging is hard.");
        en.lang = "en";
        testing::build_index(dir_.path() / "db", {vi, en});
        searcher_ = std::make_unique<Searcher>((dir_.path() / "db").string());
    }

    static std::string unicode_nfd(const std::string& text) {
        // "ị" and "ế" and "ủ" decomposed: enough to make the input differ from its NFC form.
        std::string out;
        for (std::size_t i = 0; i < text.size();) {
            if (text.compare(i, 3, "ị") == 0) { out += "i\xCC\xA3"; i += 3; }
            else if (text.compare(i, 3, "ế") == 0) { out += "e\xCC\x82\xCC\x81"; i += 3; }
            else if (text.compare(i, 3, "ủ") == 0) { out += "u\xCC\x89"; i += 3; }
            else out += text[i++];
        }
        return out;
    }

    // The marked parts of the answer's text, in order.
    std::vector<std::string> marked(const std::string& target) {
        const auto json = call("GET", target, 200);
        std::vector<std::string> parts;
        if (!json.HasMember("marks")) return {"(no marks)"};
        const std::string_view utf8 = json["text"].GetString();
        std::u32string text;
        for (std::size_t pos = 0; pos < utf8.size();) text.push_back(unicode::decode_utf8(utf8, pos));
        for (const auto& mark : json["marks"].GetArray()) {
            const std::size_t begin = mark["begin"].GetUint64(), end = mark["end"].GetUint64();
            EXPECT_LE(end, text.size());
            std::string part;
            for (const char32_t c : text.substr(begin, end - begin)) unicode::append_utf8(part, c);
            parts.push_back(std::move(part));
        }
        return parts;
    }
};

TEST_F(DocumentMarksTest, TheQuerysMatchesAsSearchMatchesThem) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
        // English: the stem of "judged" matches "Judges", "judge" and "judging".
        {"/documents/en?q=judged", {"Judges", "judge", "judging"}},
        // Typed without diacritics, the word in every form, whole; not its syllables alone in
        // other words ("nghị sĩ", "quyết định"), since the text writes the word.
        {"/documents/vi?q=nghi+quyet", {"Nghị quyết", "Nghị quyết", "Nghi quyet"}},
        // A number however the text writes it.
        {"/documents/vi?q=126%2FNQ-CP", {"126/NQ-CP", "126/NQ-CP", "126-NQ/CP"}},
        {"/documents/vi?q=ngh%E1%BB%8B+quy%E1%BA%BFt+126-nq-cp",
         {"Nghị quyết", "126/NQ-CP", "Nghị quyết", "126/NQ-CP", "126-NQ/CP", "Nghi quyet"}},
        // A phrase where the text says it whole.
        {"/documents/vi?q=%22ban+h%C3%A0nh+ngh%E1%BB%8B+quy%E1%BA%BFt%22", {"ban hành Nghị quyết"}},
        // A phrase the text does not say: not its words everywhere ("nghị" of "nghị sĩ").
        {"/documents/vi?q=%22ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh%22", {}},
        {"/documents/vi?q=%22ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh%22+OR+126%2FNQ-CP", {"126/NQ-CP", "126/NQ-CP", "126-NQ/CP"}},
        // ref: marks the number; an excluded word marks nothing; title: matched the title, not
        // the text.
        {"/documents/vi?q=ref%3A126-NQ%2FCP+-quyet+title%3Achinh", {"126/NQ-CP", "126/NQ-CP", "126-NQ/CP"}},
        // Nothing asked, nothing marked: the answer is as before.
        {"/documents/vi", {"(no marks)"}},
    };
    for (const auto& [target, expected] : cases) EXPECT_EQ(marked(target), expected) << target;
}

TEST_F(DocumentMarksTest, AMalformedQueryIsA400AsForSearch) {
    expect_error("GET", "/documents/vi?q=%22thi+hanh", 400, "bad_query");
    expect_error("GET", "/documents/vi?q=", 400, "bad_query");
    expect_error("GET", "/documents/vi?query=nghi", 400, "bad_parameter");
    expect_error("GET", "/documents/nothing?q=nghi", 404, "not_found");
}

TEST(PercentDecode, DecodesAndRejectsMalformedEscapes) {
    EXPECT_EQ(percent_decode("nghi+quyet%20126%2FNQ"), "nghi quyet 126/NQ");
    EXPECT_EQ(percent_decode("%E1%BB%8B"), "\xE1\xBB\x8B");
    EXPECT_FALSE(percent_decode("%").has_value());
    EXPECT_FALSE(percent_decode("%4").has_value());
    EXPECT_FALSE(percent_decode("%zz").has_value());
}

}  // namespace
}  // namespace tracuu::searchd
