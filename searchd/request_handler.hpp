/** @file
 * @brief HTTP request -> reply for searchd's API. Never touches a socket, so it is
 *        tested without a network; never throws, so no request can bring the daemon down.
 */
#pragma once

#include "core/error.hpp"
#include "core/searcher.hpp"
#include "searchd/metrics.hpp"
#include "searchd/response_cache.hpp"

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
    std::vector<std::pair<std::string, std::string>> headers = {};  ///< Beyond Content-Type and Content-Length.
    /// For the access log: what went wrong, for a 5xx (the daemon's or its backend's fault;
    /// a 4xx is the client's, and its answer says why).
    std::string cause = {};
};

/// HTTP status for an Error code: the one place where that mapping lives.
[[nodiscard]] unsigned http_status(const Error& error);

/// A reply {"error":{"code","message"}} with the status of @p error.
[[nodiscard]] HttpReply error_reply(const Error& error);

/// Percent-decodes a URL component ('+' as space); nullopt on a malformed escape.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text);

/// Which threads answer a request (HttpServer's WorkerPools): the page's files at once, on the
/// thread that read the request; /health and /metrics on a thread of their own, so that a
/// daemon whose search threads are all busy with long questions still says how it is; every
/// other request on the search threads.
enum class Lane { connection, control, search };

/// The lane of @p request, from its method and path alone.
[[nodiscard]] Lane lane_of(const HttpRequest& request);

/// Routes requests to the searcher of the calling thread.
class RequestHandler {
public:
    /// @p searcher_for_this_thread returns the calling thread's own Searcher; @p metrics, if
    /// given, is what GET /metrics shows.
    explicit RequestHandler(std::function<Searcher&()> searcher_for_this_thread, const Metrics* metrics = nullptr)
        : searcher_(std::move(searcher_for_this_thread)), metrics_(metrics) {}

    /// Keeps answers in @p cache (owned by the caller, shared by every thread), keyed by the
    /// request and the index revision the calling thread's searcher reads.
    void use_cache(ResponseCache* cache) { cache_ = cache; }

    /// Moves each thread's searcher to the latest commit at most this often (0: before every
    /// request). A reopen costs a few system calls; a daemon under load need not pay them for
    /// every request to answer from a new commit within a second.
    void set_refresh_interval(std::chrono::milliseconds interval) { refresh_interval_ = interval; }

    /// The cached answer to @p request, for a thread without a searcher of its own (the io
    /// thread): looked up under the revision a searcher moved to within the refresh interval,
    /// so it is as fresh as a search thread's; nullopt when there is none, or none so recent.
    [[nodiscard]] std::optional<HttpReply> cached_answer(const HttpRequest& request) const;

    /// Moves the calling thread's searcher to the latest commit and makes its revision the one
    /// cached_answer looks up under, so that cached answers are still given at once while every
    /// search thread is busy (HttpServer calls it on the control thread every refresh interval).
    /// Never throws: a backend that cannot be reached leaves the revision to age out.
    void refresh_cached_revision() const;

    /// Answers @p request; every failure becomes a JSON error reply. After a Xapian::NetworkError
    /// (a remote shard's server restarted or dropped an idle connection) the searcher reconnects
    /// and the request is tried once more; a shard still unreachable is a 503 naming it.
    [[nodiscard]] HttpReply handle(const HttpRequest& request) const;

private:
    [[nodiscard]] HttpReply answer(const HttpRequest& request, bool reconnect) const;
    [[nodiscard]] HttpReply route(Searcher& searcher, const HttpRequest& request) const;
    [[nodiscard]] HttpReply cached_route(Searcher& searcher, const HttpRequest& request) const;
    void publish_revision(const Searcher& searcher, std::chrono::steady_clock::time_point when) const;

    std::function<Searcher&()> searcher_;
    const Metrics* metrics_;
    ResponseCache* cache_ = nullptr;
    std::chrono::milliseconds refresh_interval_{0};
    // The revision a searcher last moved to, and when: what cached_answer looks up under.
    mutable std::mutex refreshed_mutex_;
    mutable std::string refreshed_revision_;
    mutable std::chrono::steady_clock::time_point refreshed_at_;
};

}  // namespace tracuu::searchd
