/** @file
 * @brief ResponseCache, and the handler answering from it: by request and index revision.
 */
#include "test_support.hpp"

#include "core/index_writer.hpp"
#include "searchd/request_handler.hpp"
#include "searchd/response_cache.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace tracuu::searchd {
namespace {

TEST(ResponseCache, FindsWhatWasStoredAndDropsTheLeastRecentlyUsed) {
    ResponseCache cache(8 * 1024);
    const std::string body(200, 'x');
    cache.store("a", body);
    cache.store("b", body);
    EXPECT_EQ(cache.find("a"), body);  // now "b" is the least recently used
    for (int i = 0; i < 40; ++i) cache.store("filler" + std::to_string(i), body);
    EXPECT_LE(cache.bytes(), 8u * 1024);
    EXPECT_EQ(cache.find("b"), std::nullopt);
    EXPECT_EQ(cache.find("nothing"), std::nullopt);
    EXPECT_EQ(cache.hits(), 1u);
    EXPECT_EQ(cache.misses(), 2u);
}

TEST(ResponseCache, KeepsNoHugeAnswerAndNothingWhenDisabled) {
    ResponseCache cache(8 * 1024);
    cache.store("big", std::string(2 * 1024, 'x'));  // over an eighth of the cache
    EXPECT_EQ(cache.find("big"), std::nullopt);
    ResponseCache disabled(0);
    disabled.store("a", "b");
    EXPECT_EQ(disabled.find("a"), std::nullopt);
    EXPECT_FALSE(disabled.enabled());
}

// A handler with a cache over an index of one document ("a"), refreshed before every request.
class CachedHandlerTest : public ::testing::Test {
protected:
    void SetUp() override {
        Document doc;
        doc.id = "a";
        doc.text = "Văn bản về thuế";
        testing::build_index(path_, {doc});
        searcher_ = std::make_unique<Searcher>(path_);
        handler_.use_cache(&cache_);
    }

    testing::TempDir dir_;
    const std::string path_ = (dir_.path() / "db").string();
    std::unique_ptr<Searcher> searcher_;
    Metrics metrics_;
    ResponseCache cache_{1 << 20};
    RequestHandler handler_{[this]() -> Searcher& { return *searcher_; }, &metrics_};
};

TEST_F(CachedHandlerTest, TheHandlerAnswersFromItUntilTheIndexChanges) {
    const HttpRequest request{"GET", "/search?q=thu%E1%BA%BF", ""};  // "thuế"
    const HttpReply answered = handler_.handle(request);
    ASSERT_EQ(answered.status, 200u) << answered.body;
    const HttpReply again = handler_.handle(request);
    EXPECT_EQ(cache_.hits(), 1u);
    EXPECT_EQ(again.body, answered.body);
    EXPECT_EQ(again.route, "search");
    EXPECT_EQ(again.content_type, answered.content_type);

    {
        IndexWriter writer(path_);
        Document second;
        second.id = "b";
        second.text = "Văn bản thứ hai về thuế";
        writer.add(second);
        writer.commit();
    }
    const HttpReply after = handler_.handle(request);  // refresh interval 0: the new revision at once
    EXPECT_EQ(cache_.hits(), 1u);
    EXPECT_NE(after.body.find("\"b\""), std::string::npos) << after.body;

    // Errors and the daemon's own state are never kept.
    EXPECT_EQ(handler_.handle({"GET", "/search?q=%22open", ""}).status, 400u);
    EXPECT_EQ(handler_.handle({"GET", "/search?q=%22open", ""}).status, 400u);
    (void)handler_.handle({"GET", "/health", ""});
    (void)handler_.handle({"GET", "/health", ""});
    EXPECT_EQ(cache_.hits(), 1u);
}

// The io thread has no searcher: it answers from the cache only under a revision a searcher
// moved to within the refresh interval, so never from older data than a search thread would.
TEST_F(CachedHandlerTest, AThreadWithoutASearcherAnswersFromItOnlyAsFreshlyAsASearcherWould) {
    const HttpRequest request{"GET", "/search?q=thue", ""};

    handler_.set_refresh_interval(std::chrono::hours(1));
    EXPECT_FALSE(handler_.cached_answer(request)) << "no searcher has read the index yet";
    const HttpReply answered = handler_.handle(request);
    const std::optional<HttpReply> cached = handler_.cached_answer(request);
    ASSERT_TRUE(cached);
    EXPECT_EQ(cached->body, answered.body);
    EXPECT_EQ(cached->route, "search");
    EXPECT_FALSE(handler_.cached_answer({"GET", "/search?q=khac", ""}));
    EXPECT_FALSE(handler_.cached_answer({"GET", "/health", ""}));
    EXPECT_EQ(cache_.hits(), 1u);
    EXPECT_EQ(cache_.misses(), 1u) << "a first look that finds nothing is no miss: a search thread looks again";

    handler_.set_refresh_interval(std::chrono::milliseconds(0));  // every answer from the latest commit
    (void)handler_.handle(request);
    EXPECT_FALSE(handler_.cached_answer(request));
}

TEST_F(CachedHandlerTest, MetricsShowHitsAndMisses) {
    (void)handler_.handle({"GET", "/search?q=thue", ""});
    (void)handler_.handle({"GET", "/search?q=thue", ""});
    const std::string text = handler_.handle({"GET", "/metrics", ""}).body;
    EXPECT_NE(text.find("tracuu_cache_hits_total 1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("tracuu_cache_misses_total 1\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace tracuu::searchd
