/** @file
 * @brief HTTP request -> reply for searchd's API. Never touches a socket, so it is
 *        tested without a network; never throws, so no request can bring the daemon down.
 */
#pragma once

#include "core/error.hpp"
#include "core/searcher.hpp"
#include "searchd/metrics.hpp"

#include <functional>
#include <string>

namespace tracuu::searchd {

/// What the handler needs of a request.
struct HttpRequest {
    std::string method;  ///< "GET", "POST", ...
    std::string target;  ///< Path and query string, as sent: "/search?q=nghi+quyet".
    std::string body;
};

/// What the handler answers.
struct HttpReply {
    unsigned status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string route = "none";  ///< Which endpoint answered ("search", "documents", ...), for metrics.
};

/// HTTP status for an Error code: the one place where that mapping lives.
[[nodiscard]] unsigned http_status(const Error& error);

/// A reply {"error":{"code","message"}} with the status of @p error.
[[nodiscard]] HttpReply error_reply(const Error& error);

/// Percent-decodes a URL component ('+' as space); nullopt on a malformed escape.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text);

/// Routes requests to the searcher of the calling thread.
class RequestHandler {
public:
    /// @p searcher_for_this_thread returns the calling thread's own Searcher; @p metrics, if
    /// given, is what GET /metrics shows.
    explicit RequestHandler(std::function<Searcher&()> searcher_for_this_thread, const Metrics* metrics = nullptr)
        : searcher_(std::move(searcher_for_this_thread)), metrics_(metrics) {}

    /// Answers @p request; every failure becomes a JSON error reply.
    [[nodiscard]] HttpReply handle(const HttpRequest& request) const;

private:
    [[nodiscard]] HttpReply route(Searcher& searcher, const HttpRequest& request) const;

    std::function<Searcher&()> searcher_;
    const Metrics* metrics_;
};

}  // namespace tracuu::searchd
