/** @file
 * @brief Prometheus exposition of searchd's counters.
 */
#include "searchd/metrics.hpp"

#include <sstream>

namespace tracuu::searchd {

void Metrics::record(const std::string& route, unsigned status, double seconds) {
    const std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i]) ++bucket_counts_[i];
    ++count_;
    sum_ += seconds;
}

std::string Metrics::render(std::size_t documents) const {
    const std::lock_guard lock(mutex_);
    std::ostringstream out;
    out << "# HELP tracuu_requests_total HTTP requests answered, by route and status.\n"
        << "# TYPE tracuu_requests_total counter\n";
    for (const auto& [key, value] : requests_)
        out << "tracuu_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << value << '\n';
    out << "# HELP tracuu_request_duration_seconds Time from a request read to its reply built.\n"
        << "# TYPE tracuu_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        out << "tracuu_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << bucket_counts_[i] << '\n';
    out << "tracuu_request_duration_seconds_bucket{le=\"+Inf\"} " << count_ << '\n'
        << "tracuu_request_duration_seconds_sum " << sum_ << '\n'
        << "tracuu_request_duration_seconds_count " << count_ << '\n'
        << "# HELP tracuu_documents Documents in the index.\n"
        << "# TYPE tracuu_documents gauge\n"
        << "tracuu_documents " << documents << '\n'
        << "# HELP tracuu_searches_waiting Requests read and waiting for a search thread.\n"
        << "# TYPE tracuu_searches_waiting gauge\n"
        << "tracuu_searches_waiting " << searches_waiting_.load() << '\n';
    return out.str();
}

}  // namespace tracuu::searchd
