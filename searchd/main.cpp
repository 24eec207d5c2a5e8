/** @file
 * @brief tracuu-searchd: answers ranked queries over a tracuu index as JSON.
 *
 * One thread reads and writes every connection (an io_context); N search threads answer
 * searches, and one more answers /health and /metrics, so that those answer while every
 * search thread is busy (WorkerPools). Each thread has its own Searcher (Xapian::Database
 * is not shareable between threads) and moves it to the latest commit at most every
 * kRefreshInterval, so a commit by the indexer is answered within a second. Answers are
 * kept in a ResponseCache keyed by index revision. The access log is written by a
 * logging thread, off the workers' path. SIGINT/SIGTERM stop it cleanly.
 */
#include "core/cli_options.hpp"
#include "searchd/http_server.hpp"

#include <CLI/CLI.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>
#include <variant>

namespace net = boost::asio;

namespace {

constexpr auto kDrainTimeout = std::chrono::seconds(10);
constexpr auto kRefreshInterval = std::chrono::milliseconds(100);
// Log lines queued for the logging thread; when full, workers wait (no line is dropped).
constexpr std::size_t kLogQueueLines = 1 << 16;

// "127.0.0.1:8080", "[::1]:8080", "localhost:8080", "search.example.org:8080": the endpoint
// to listen on, or what is wrong with the text.
std::variant<net::ip::tcp::endpoint, std::string> parse_listen(const std::string& text) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos) return std::string("expected HOST:PORT, such as 127.0.0.1:8080");
    std::string host = text.substr(0, colon);
    const std::string port_text = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) return std::string("expected HOST:PORT, such as 127.0.0.1:8080: the host is missing");
    if (host == "localhost") host = "127.0.0.1";
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535)
        return "port \"" + port_text + "\" is no number from 0 to 65535 (0 picks a free one)";
    boost::system::error_code error;
    const net::ip::address address = net::ip::make_address(host, error);
    if (!error) return net::ip::tcp::endpoint(address, static_cast<unsigned short>(port));
    // A name: what it resolves to (the first address).
    net::io_context io;
    net::ip::tcp::resolver resolver(io);
    const auto found = resolver.resolve(host, port_text, net::ip::tcp::resolver::numeric_service, error);
    if (error || found.empty()) return "cannot resolve host \"" + host + "\": " + error.message();
    return found.begin()->endpoint();
}

// The daemon's address as a URL: an IPv6 address in brackets.
std::string url_of(const net::ip::tcp::endpoint& endpoint) {
    const std::string address = endpoint.address().to_string();
    return "http://" + (endpoint.address().is_v6() ? "[" + address + "]" : address) + ":" + std::to_string(endpoint.port());
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"tracuu-searchd: ranked search over a tracuu index, as JSON over HTTP"};
    std::string db_path;
    std::string listen = "127.0.0.1:8080";
    unsigned threads = std::max(2u, std::thread::hardware_concurrency());
    app.add_option("--db", db_path, "Index directory built by tracuu-index")->required()->check(tracuu::not_an_option_of(app));
    app.add_option("--listen", listen, "HOST:PORT to listen on (port 0 picks a free one)")->capture_default_str();
    app.add_option("--threads", threads, "Search threads")->capture_default_str()->check(CLI::Range(1u, 256u));
    std::size_t cache_mb = 64;
    app.add_option("--cache-mb", cache_mb, "Memory for answers already given, in MiB (0: no cache)")
        ->capture_default_str()->check(CLI::Range(0, 1 << 20));
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    spdlog::init_thread_pool(kLogQueueLines, 1);
    spdlog::set_default_logger(spdlog::create_async<spdlog::sinks::stderr_color_sink_mt>("searchd"));  // stdout stays free for data
    struct WriteQueuedLines {
        ~WriteQueuedLines() { spdlog::shutdown(); }
    } write_queued_lines;  // on every return
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    const auto parsed_listen = parse_listen(listen);
    if (const auto* problem = std::get_if<std::string>(&parsed_listen)) {
        spdlog::error("--listen {}: {}", listen, *problem);
        return 2;
    }
    const auto endpoint = std::get<net::ip::tcp::endpoint>(parsed_listen);

    std::size_t documents = 0;
    try {
        documents = tracuu::Searcher(db_path).document_count();  // fail now, not on the first request
    } catch (const Xapian::Error& e) {
        spdlog::error("cannot open index {}: {}", db_path, e.get_description());
        return 1;
    } catch (const std::exception& e) {
        spdlog::error("cannot open index {}: {}", db_path, e.what());
        return 1;
    }

    tracuu::searchd::Metrics metrics;
    tracuu::searchd::ResponseCache cache(cache_mb << 20);
    tracuu::searchd::RequestHandler handler(
        [&db_path]() -> tracuu::Searcher& {
            thread_local std::unique_ptr<tracuu::Searcher> searcher;
            if (!searcher) searcher = std::make_unique<tracuu::Searcher>(db_path);
            return *searcher;
        },
        &metrics);
    handler.use_cache(&cache);
    handler.set_refresh_interval(kRefreshInterval);
    auto log_request = [&metrics](const tracuu::searchd::HttpRequest& request, const tracuu::searchd::HttpReply& reply, double ms) {
        metrics.record(reply.route, reply.status, ms / 1000.0);
        if (reply.cause.empty())
            spdlog::info("{} {} {} {}B {:.2f}ms", request.method, request.target, reply.status, reply.body.size(), ms);
        else
            spdlog::error("{} {} {} {}B {:.2f}ms: {}", request.method, request.target, reply.status, reply.body.size(), ms, reply.cause);
    };

    // Declared after io, so destroyed before it: their queued answers hold connections of io's.
    net::io_context io(1);
    net::thread_pool searches(threads);
    net::thread_pool control(1);
    std::unique_ptr<tracuu::searchd::HttpServer> server;
    try {
        server = std::make_unique<tracuu::searchd::HttpServer>(io, endpoint, handler, tracuu::searchd::ServerLimits{}, log_request,
                                                              [](const std::string& problem) { spdlog::warn("{}", problem); },
                                                              tracuu::searchd::WorkerPools{&searches, &control, &metrics.searches_waiting(), kRefreshInterval});
    } catch (const boost::system::system_error& e) {
        spdlog::error("cannot listen on {}: {}", listen, e.code().message());
        return 1;
    }
    server->start();

    // A graceful stop: no new connections, requests under way answered (up to a deadline),
    // idle keep-alive connections dropped with the io_context.
    net::signal_set signals(io, SIGINT, SIGTERM);
    net::steady_timer drain(io);
    std::chrono::steady_clock::time_point drain_deadline;
    std::function<void()> wait_for_requests = [&] {
        if (server->requests_in_flight() == 0 || std::chrono::steady_clock::now() > drain_deadline) {
            io.stop();
            return;
        }
        drain.expires_after(std::chrono::milliseconds(20));
        drain.async_wait([&](const boost::system::error_code&) { wait_for_requests(); });
    };
    signals.async_wait([&](const boost::system::error_code&, int signal) {
        spdlog::info("signal {}: stopping after {} request(s) under way", signal, server->requests_in_flight());
        server->stop();
        drain_deadline = std::chrono::steady_clock::now() + kDrainTimeout;
        wait_for_requests();
    });

    const auto bound = server->local_endpoint();
    spdlog::info("listening on {} ({} search threads, {} documents in {})", url_of(bound), threads, documents, db_path);
    io.run();
    if (const std::size_t dropped = server->requests_in_flight(); dropped > 0)
        spdlog::warn("{} request(s) not answered by the {} s deadline: their connections are closed", dropped, kDrainTimeout.count());
    // Requests still waiting are dropped (their clients were given the drain time); searches
    // under way finish.
    searches.stop();
    control.stop();
    searches.join();
    control.join();
    spdlog::info("stopped");
    return 0;
}
