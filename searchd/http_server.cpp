/** @file
 * @brief Beast sessions (after Beast's advanced server example, as of Boost 1.74):
 *        a body and header limit, a timeout per read and write, keep-alive.
 */
#include "searchd/http_server.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <optional>

namespace tracuu::searchd {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, const RequestHandler& handler, const ServerLimits& limits, const RequestLogger& logger,
            const WorkerPools& pools, std::shared_ptr<std::atomic<std::size_t>> in_flight)
        : stream_(std::move(socket)), handler_(handler), limits_(limits), logger_(logger), pools_(pools),
          in_flight_(std::move(in_flight)) {}

    void run() { net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read, shared_from_this())); }

private:
    void read() {
        parser_.emplace();
        parser_->body_limit(limits_.max_body_bytes);
        parser_->header_limit(static_cast<std::uint32_t>(limits_.max_header_bytes));
        stream_.expires_after(limits_.idle_timeout);
        http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
            ec == net::error::connection_reset || ec == net::error::eof) {
            return close();
        }
        started_ = std::chrono::steady_clock::now();
        ++*in_flight_;
        if (ec) {
            // The request could not be parsed: say why, then close (the stream is out of sync).
            Error error{"bad_request", "malformed HTTP request: " + ec.message()};
            if (ec == http::error::body_limit)
                error = {"payload_too_large", "request body exceeds " + std::to_string(limits_.max_body_bytes) + " bytes"};
            if (ec == http::error::header_limit)
                error = {"header_too_large", "request header exceeds " + std::to_string(limits_.max_header_bytes) + " bytes"};
            return send(HttpRequest{"-", "-", {}}, error_reply(error), /*keep_alive=*/false, 11, false);
        }
        http::request<http::string_body> request = parser_->release();
        HttpRequest simple{std::string(request.method_string()), std::string(request.target()), std::move(request.body())};
        const bool head = request.method() == http::verb::head;
        const Lane lane = lane_of(simple);
        if (lane == Lane::search)
            if (std::optional<HttpReply> cached = handler_.cached_answer(simple))
                return send(simple, std::move(*cached), request.keep_alive(), request.version(), head);
        net::thread_pool* pool = lane == Lane::search ? pools_.search : lane == Lane::control ? pools_.control : nullptr;
        if (pool == nullptr) return send(simple, handler_.handle(simple), request.keep_alive(), request.version(), head);
        std::atomic<std::size_t>* waiting = lane == Lane::search ? pools_.searches_waiting : nullptr;
        if (waiting != nullptr) ++*waiting;
        net::post(*pool, [self = shared_from_this(), simple = std::move(simple), keep_alive = request.keep_alive(),
                          version = request.version(), head, waiting]() mutable {
            if (waiting != nullptr) --*waiting;
            HttpReply reply = self->handler_.handle(simple);
            // Back on the connection's strand, where its reads and writes happen.
            net::post(self->stream_.get_executor(), [self, simple = std::move(simple), reply = std::move(reply), keep_alive,
                                                     version, head]() mutable {
                self->send(simple, std::move(reply), keep_alive, version, head);
            });
        });
    }

    void send(const HttpRequest& request, HttpReply reply, bool keep_alive, unsigned version, bool head) {
        auto response = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(reply.status), version);
        response->set(http::field::server, "tracuu-searchd");
        response->set(http::field::content_type, reply.content_type);
        for (const auto& [name, value] : reply.headers) response->set(name, value);
        response->keep_alive(keep_alive);
        const std::size_t length = reply.body.size();
        if (!head) response->body() = std::move(reply.body);
        response->content_length(length);
        if (logger_) {
            reply.body.resize(length);  // the logger reports the size, not the bytes
            logger_(request, reply, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count());
        }
        stream_.expires_after(limits_.idle_timeout);
        http::async_write(stream_, *response,
                          [self = shared_from_this(), response, keep_alive](beast::error_code ec, std::size_t) {
                              --*self->in_flight_;
                              if (ec || !keep_alive) return self->close();
                              self->read();
                          });
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    const RequestHandler& handler_;  // owned by main, outlives every session
    ServerLimits limits_;
    RequestLogger logger_;
    WorkerPools pools_;
    std::shared_ptr<std::atomic<std::size_t>> in_flight_;
    std::chrono::steady_clock::time_point started_;
};

}  // namespace

class HttpServer::Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::io_context& io, const tcp::endpoint& endpoint, const RequestHandler& handler, ServerLimits limits,
             RequestLogger logger, ProblemLogger log_problem, WorkerPools pools)
        : io_(io), acceptor_(net::make_strand(io)), retry_(acceptor_.get_executor()), handler_(handler), limits_(limits),
          logger_(std::move(logger)), log_problem_(std::move(log_problem)), pools_(pools) {
        acceptor_.open(endpoint.protocol());
        acceptor_.set_option(net::socket_base::reuse_address(true));
        acceptor_.bind(endpoint);
        acceptor_.listen(net::socket_base::max_listen_connections);
    }

    void accept() {
        acceptor_.async_accept(net::make_strand(io_), beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
    }

    // Twice every pools_.cached_revision_refresh, on the control thread (see WorkerPools): a
    // revision published is good for one interval, and a refresh a little late must not leave
    // a gap in which cached answers wait behind the searches.
    void refresh_cached_revision() {
        if (pools_.control == nullptr || pools_.cached_revision_refresh.count() <= 0) return;
        net::post(*pools_.control, [self = shared_from_this()] { self->handler_.refresh_cached_revision(); });
        refresher_.expires_after(pools_.cached_revision_refresh / 2);
        refresher_.async_wait([self = shared_from_this()](beast::error_code waited) {
            if (!waited && self->acceptor_.is_open()) self->refresh_cached_revision();
        });
    }

    void stop() {
        net::post(acceptor_.get_executor(), [self = shared_from_this()] {
            beast::error_code ignored;
            self->acceptor_.close(ignored);
            self->retry_.cancel();
            self->refresher_.cancel();
        });
    }

    [[nodiscard]] tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }
    [[nodiscard]] auto executor() { return acceptor_.get_executor(); }
    [[nodiscard]] std::size_t in_flight() const { return *in_flight_; }

private:
    void on_accept(beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
        if (ec) {
            // Out of file descriptors, say: the connection waits in the listen backlog. Accepting
            // again at once fails again at once, a core spinning; wait, and say so once.
            if (failed_accepts_++ == 0 && log_problem_)
                log_problem_("cannot accept connections: " + ec.message() + "; trying again every " +
                             std::to_string(HttpServer::kAcceptRetryDelay.count()) + " ms");
            retry_.expires_after(HttpServer::kAcceptRetryDelay);
            retry_.async_wait([self = shared_from_this()](beast::error_code waited) {
                if (!waited) self->accept();
            });
            return;
        }
        if (failed_accepts_ > 0 && log_problem_)
            log_problem_("accepting connections again, after " + std::to_string(failed_accepts_) + " failed attempts");
        failed_accepts_ = 0;
        std::make_shared<Session>(std::move(socket), handler_, limits_, logger_, pools_, in_flight_)->run();
        accept();
    }

    net::io_context& io_;
    tcp::acceptor acceptor_;
    net::steady_timer retry_;  // between failed accepts
    net::steady_timer refresher_{acceptor_.get_executor()};  // of the cached answers' revision
    std::size_t failed_accepts_ = 0;  // in a row
    const RequestHandler& handler_;
    ServerLimits limits_;
    RequestLogger logger_;
    ProblemLogger log_problem_;
    WorkerPools pools_;
    std::shared_ptr<std::atomic<std::size_t>> in_flight_ = std::make_shared<std::atomic<std::size_t>>(0);
};

HttpServer::HttpServer(net::io_context& io, const tcp::endpoint& endpoint, const RequestHandler& handler,
                       ServerLimits limits, RequestLogger logger, ProblemLogger log_problem, WorkerPools pools)
    : listener_(std::make_shared<Listener>(io, endpoint, handler, limits, std::move(logger), std::move(log_problem), pools)) {}

HttpServer::~HttpServer() = default;

tcp::endpoint HttpServer::local_endpoint() const { return listener_->local_endpoint(); }

void HttpServer::start() {
    listener_->accept();
    net::dispatch(listener_->executor(), [listener = listener_] { listener->refresh_cached_revision(); });
}

void HttpServer::stop() { listener_->stop(); }

std::size_t HttpServer::requests_in_flight() const { return listener_->in_flight(); }

}  // namespace tracuu::searchd
