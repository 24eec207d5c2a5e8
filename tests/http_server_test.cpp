/** @file
 * @brief searchd's HTTP server over a real loopback socket: which threads answer what.
 */
#include "searchd/http_server.hpp"
#include "test_support.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>

namespace tracuu::searchd {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using namespace std::chrono_literals;

struct Answer {
    unsigned status = 0;
    std::string content_type;
    std::string body;
};

// One GET on a connection of its own, as a load balancer's health check or a browser sends it.
Answer get(unsigned short port, const std::string& target) {
    net::io_context io;
    net::ip::tcp::socket socket(io);
    socket.connect({net::ip::make_address("127.0.0.1"), port});
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "127.0.0.1");
    http::write(socket, request);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    return {response.result_int(), std::string(response[http::field::content_type]), response.body()};
}

// A server on a loopback port with one search thread, which a test can take, as a long
// question would.
class ServerTest : public ::testing::Test {
protected:
    static constexpr std::chrono::milliseconds kRefresh{50};  // as searchd's, but shorter

    void SetUp() override {
        testing::build_index(db_, {testing::make_document("vi", "Chỉ thị\nThực hiện Nghị quyết số 126/NQ-CP về thi hành pháp luật")});
        handler_.use_cache(&cache_);
        handler_.set_refresh_interval(kRefresh);
        server_.start();
        port_ = server_.local_endpoint().port();
        io_thread_ = std::thread([this] { io_.run(); });
    }

    void TearDown() override {
        if (!released_) release_.set_value();
        server_.stop();
        io_.stop();
        io_thread_.join();
        searches_.join();
        control_.join();
    }

    // Takes the only search thread until release().
    void take_the_search_thread() {
        std::promise<void> taken;
        net::post(searches_, [&taken, released = release_.get_future().share()] {
            taken.set_value();
            released.wait();
        });
        taken.get_future().wait();
    }

    void release() {
        released_ = true;
        release_.set_value();
    }

    std::future<Answer> get_later(const std::string& target) {
        return std::async(std::launch::async, [port = port_, target] { return get(port, target); });
    }

    // Waits until a request is queued for the search thread; how many are.
    std::size_t wait_for_a_waiting_search() {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (metrics_.searches_waiting().load() == 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(5ms);
        return metrics_.searches_waiting().load();
    }

    testing::TempDir dir_;
    const std::string db_ = (dir_.path() / "db").string();
    Metrics metrics_;
    ResponseCache cache_{1 << 20};
    RequestHandler handler_{[this]() -> Searcher& {
                                thread_local std::unique_ptr<Searcher> searcher;  // the pools' threads are this test's
                                if (!searcher) searcher = std::make_unique<Searcher>(db_);
                                return *searcher;
                            },
                            &metrics_};
    net::io_context io_{1};
    net::thread_pool searches_{1};
    net::thread_pool control_{1};
    HttpServer server_{io_, {net::ip::make_address("127.0.0.1"), 0}, handler_, ServerLimits{}, {}, {},
                       WorkerPools{&searches_, &control_, &metrics_.searches_waiting(), kRefresh}};
    unsigned short port_ = 0;
    std::thread io_thread_;
    std::promise<void> release_;
    bool released_ = false;
};

TEST_F(ServerTest, HealthMetricsAndThePageAnswerWhileEverySearchThreadIsBusy) {
    take_the_search_thread();
    auto search = get_later("/search?q=nghi+quyet");
    const std::size_t waiting = wait_for_a_waiting_search();
    auto health = get_later("/health");
    const bool health_answered = health.wait_for(10s) == std::future_status::ready;
    auto metrics = get_later("/metrics");
    const bool metrics_answered = metrics.wait_for(10s) == std::future_status::ready;
    auto page = get_later("/");
    const bool page_answered = page.wait_for(10s) == std::future_status::ready;
    const bool search_waited = search.wait_for(0s) == std::future_status::timeout;
    release();  // before any assertion, so that nothing below waits for ever
    const bool search_answered = search.wait_for(10s) == std::future_status::ready;

    EXPECT_EQ(waiting, 1u);
    EXPECT_TRUE(health_answered) << "/health waited behind the search threads";
    EXPECT_TRUE(metrics_answered) << "/metrics waited behind the search threads";
    EXPECT_TRUE(page_answered) << "the page waited behind the search threads";
    EXPECT_TRUE(search_waited) << "the search was answered while the only search thread was taken";
    EXPECT_TRUE(search_answered);
    if (health_answered) {
        const Answer answer = health.get();
        EXPECT_EQ(answer.status, 200u);
        EXPECT_NE(answer.body.find("\"documents\":1"), std::string::npos) << answer.body;
    }
    if (metrics_answered) {
        const Answer answer = metrics.get();
        EXPECT_EQ(answer.status, 200u);
        EXPECT_NE(answer.body.find("tracuu_searches_waiting 1\n"), std::string::npos) << answer.body;
    }
    if (page_answered) {
        const Answer answer = page.get();
        EXPECT_EQ(answer.status, 200u);
        EXPECT_EQ(answer.content_type, "text/html; charset=utf-8");
    }
    if (search_answered) {
        const Answer answer = search.get();
        EXPECT_EQ(answer.status, 200u);
        EXPECT_NE(answer.body.find("\"total\":1"), std::string::npos) << answer.body;
    }
    EXPECT_EQ(metrics_.searches_waiting().load(), 0u);
}

TEST_F(ServerTest, AnAnswerAlreadyGivenIsGivenAgainWhileEverySearchThreadIsBusy) {
    const Answer first = get(port_, "/search?q=nghi+quyet");
    ASSERT_EQ(first.status, 200u);
    take_the_search_thread();
    std::this_thread::sleep_for(4 * kRefresh);  // past the revision the search thread moved to
    auto again = get_later("/search?q=nghi+quyet");
    const bool again_answered = again.wait_for(10s) == std::future_status::ready;
    auto other = get_later("/search?q=phap+luat");
    const std::size_t waiting = wait_for_a_waiting_search();
    release();
    const bool other_answered = other.wait_for(10s) == std::future_status::ready;

    EXPECT_TRUE(again_answered) << "a cached answer waited behind the search threads";
    EXPECT_EQ(waiting, 1u) << "a new question is the search threads' to answer";
    EXPECT_TRUE(other_answered);
    if (again_answered) {
        EXPECT_EQ(again.get().body, first.body);
    }
    EXPECT_EQ(cache_.hits(), 1u);
    EXPECT_EQ(cache_.misses(), 2u);  // the first two questions, each counted once
}

}  // namespace
}  // namespace tracuu::searchd
