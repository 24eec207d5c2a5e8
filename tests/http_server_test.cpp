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

TEST(HttpServer, HealthMetricsAndThePageAnswerWhileEverySearchThreadIsBusy) {
    testing::TempDir dir;
    const std::string db = (dir.path() / "db").string();
    testing::build_index(db, {testing::make_document("vi", "Chỉ thị\nThực hiện Nghị quyết số 126/NQ-CP về thi hành pháp luật")});
    Metrics metrics;
    const RequestHandler handler(
        [&db]() -> Searcher& {
            thread_local std::unique_ptr<Searcher> searcher;
            if (!searcher) searcher = std::make_unique<Searcher>(db);
            return *searcher;
        },
        &metrics);
    net::io_context io(1);
    net::thread_pool searches(1);
    net::thread_pool control(1);
    HttpServer server(io, {net::ip::make_address("127.0.0.1"), 0}, handler, ServerLimits{}, {}, {},
                      WorkerPools{&searches, &control, &metrics.searches_waiting()});
    server.start();
    const unsigned short port = server.local_endpoint().port();
    std::thread io_thread([&io] { io.run(); });

    // The only search thread is taken, as by a long question.
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::promise<void> taken;
    net::post(searches, [&taken, released] {
        taken.set_value();
        released.wait();
    });
    taken.get_future().wait();
    auto search = std::async(std::launch::async, [port] { return get(port, "/search?q=nghi+quyet"); });
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (metrics.searches_waiting().load() == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(5ms);
    const std::size_t waiting = metrics.searches_waiting().load();

    auto health = std::async(std::launch::async, [port] { return get(port, "/health"); });
    const bool health_answered = health.wait_for(10s) == std::future_status::ready;
    auto metrics_text = std::async(std::launch::async, [port] { return get(port, "/metrics"); });
    const bool metrics_answered = metrics_text.wait_for(10s) == std::future_status::ready;
    auto page = std::async(std::launch::async, [port] { return get(port, "/"); });
    const bool page_answered = page.wait_for(10s) == std::future_status::ready;
    const bool search_waited = search.wait_for(0s) == std::future_status::timeout;
    release.set_value();  // before any assertion, so that nothing below waits for ever
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
        const Answer answer = metrics_text.get();
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
    EXPECT_EQ(metrics.searches_waiting().load(), 0u);

    server.stop();
    io.stop();
    io_thread.join();
    searches.join();
    control.join();
}

}  // namespace
}  // namespace tracuu::searchd
