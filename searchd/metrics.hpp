/** @file
 * @brief Request counters and a latency histogram, rendered in Prometheus text format.
 */
#pragma once

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace tracuu::searchd {

/// Thread-safe; one instance per daemon, fed by the server and read by GET /metrics.
class Metrics {
public:
    /// Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02,
                                                        0.05,   0.1,   0.2,   0.5,   1.0,  5.0};

    /// Counts one answered request.
    void record(const std::string& route, unsigned status, double seconds);

    /// Everything so far, with @p documents as the index size gauge.
    [[nodiscard]] std::string render(std::size_t documents) const;

    /// Requests waiting for a search thread (kept by the server, WorkerPools): how far behind
    /// the daemon is, which the latency histogram tells only once they are answered.
    [[nodiscard]] std::atomic<std::size_t>& searches_waiting() { return searches_waiting_; }

private:
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
    std::array<std::uint64_t, kBuckets.size()> bucket_counts_{};
    std::uint64_t count_ = 0;
    double sum_ = 0;
    std::atomic<std::size_t> searches_waiting_ = 0;
};

}  // namespace tracuu::searchd
