/** @file
 * @brief The HTTP/1.1 server: Boost.Beast sessions on a multi-threaded io_context.
 */
#pragma once

#include "searchd/request_handler.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

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
               const RequestHandler& handler, ServerLimits limits, RequestLogger logger, ProblemLogger log_problem = {});

    static constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
    ~HttpServer();

    /// The address actually bound.
    [[nodiscard]] boost::asio::ip::tcp::endpoint local_endpoint() const;

    /// Starts accepting; connections are served on the threads that run the io_context.
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
