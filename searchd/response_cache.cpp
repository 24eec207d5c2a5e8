/** @file
 * @brief ResponseCache: a list in use order and a hash index into it, under one mutex
 *        (held for a lookup or a splice, never while answering).
 */
#include "searchd/response_cache.hpp"

namespace tracuu::searchd {

std::optional<std::string> ResponseCache::find(const std::string& key, Miss miss) {
    if (!enabled()) return std::nullopt;
    const std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) {
        if (miss == Miss::counted) ++misses_;
        return std::nullopt;
    }
    ++hits_;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->body;
}

void ResponseCache::store(const std::string& key, std::string body) {
    if (!enabled() || key.size() > kMaxKeyBytes) return;
    Entry entry{key, std::move(body)};
    const std::size_t size = cost(entry);
    if (size > max_bytes_ / 8) return;
    const std::lock_guard lock(mutex_);
    if (index_.count(key)) return;  // another thread answered it first
    order_.push_front(std::move(entry));
    index_.emplace(order_.front().key, order_.begin());
    bytes_ += size;
    while (bytes_ > max_bytes_) {
        const Entry& oldest = order_.back();
        bytes_ -= cost(oldest);
        index_.erase(oldest.key);
        order_.pop_back();
    }
}

std::uint64_t ResponseCache::hits() const {
    const std::lock_guard lock(mutex_);
    return hits_;
}

std::uint64_t ResponseCache::misses() const {
    const std::lock_guard lock(mutex_);
    return misses_;
}

std::size_t ResponseCache::bytes() const {
    const std::lock_guard lock(mutex_);
    return bytes_;
}

}  // namespace tracuu::searchd
