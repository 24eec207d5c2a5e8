/** @file
 * @brief The HTTP/1.1 server: Boost.Beast sessions on an io_context, answers on worker pools.
 */
#pragma once

#include "searchd/request_handler.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace tracuu::searchd {

/// Bounds that keep one client from holding or exhausting the daemon.
struct ServerLimits {
    std::size_t max_body_bytes = 1 << 20;
    std::size_t max_header_bytes = 16 << 10;
    std::chrono::seconds idle_timeout{30};   ///< Per read or write on a connection.
};

/// The threads that answer requests of each Lane but Lane::connection, owned by the caller. A
/// request read on an io thread is answered on its lane's pool and written back on the io
/// thread, so that the io threads only read and write, and a request of one lane never waits
/// behind those of another. Without a pool, a lane's requests are answered on the io thread.
struct WorkerPools {
    boost::asio::thread_pool* search = nullptr;
    boost::asio::thread_pool* control = nullptr;
    /// Requests waiting for a search thread, counted if given (for /metrics).
    std::atomic<std::size_t>* searches_waiting = nullptr;
    /// How old the commit may be that the io thread gives cached answers for: the control
    /// thread moves to the latest twice in that time (RequestHandler::refresh_cached_revision);
    /// 0: never, only the searches do.
    std::chrono::milliseconds cached_revision_refresh{0};
};

/// Called once per request with method, target, status, reply bytes and duration.
using RequestLogger = std::function<void(const HttpRequest&, const HttpReply&, double milliseconds)>;

/// Called with what goes wrong in the server itself (not in a request), such as accepting a
/// connection when the process is out of file descriptors.
using ProblemLogger = std::function<void(const std::string& message)>;

/// Accepts connections and serves them with @p handler until stop().
class HttpServer {
public:
    /// Binds and listens on @p endpoint (port 0 picks a free port).
    /// @throws boost::system::system_error when it cannot.
    /// An accept that fails (out of file descriptors, say) is retried after kAcceptRetryDelay,
    /// not at once, which spun a core; @p log_problem hears of it once, and once it accepts again.
    HttpServer(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
               const RequestHandler& handler, ServerLimits limits, RequestLogger logger, ProblemLogger log_problem = {},
               WorkerPools pools = {});

    static constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
    ~HttpServer();

    /// The address actually bound.
    [[nodiscard]] boost::asio::ip::tcp::endpoint local_endpoint() const;

    /// Starts accepting; connections are read and written on the threads that run the io_context.
    void start();

    /// Stops accepting new connections; sessions under way finish their request.
    void stop();

    /// Requests read and not yet fully answered: what a graceful stop waits for.
    [[nodiscard]] std::size_t requests_in_flight() const;

private:
    class Listener;
    std::shared_ptr<Listener> listener_;
};

}  // namespace tracuu::searchd
