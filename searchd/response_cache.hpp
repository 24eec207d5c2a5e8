/** @file
 * @brief Answers already given, by request and index revision: a query mix that repeats
 *        (a newsroom's "126/NQ-CP", the home page's suggestions) costs one lookup.
 *
 * A key names the index revision the answer came from, so a commit by the indexer makes
 * every older answer unreachable at once (they then age out); nothing is ever served from
 * data the searcher of that thread no longer sees. Bounded by bytes, least recently used
 * first out. Thread-safe.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tracuu::searchd {

/// Least-recently-used map from request keys to reply bodies, bounded in bytes.
class ResponseCache {
public:
    /// Requests larger than this (a pasted article for /check) are not worth keeping.
    static constexpr std::size_t kMaxKeyBytes = 4096;

    /// @p max_bytes of keys and bodies at most; 0 disables the cache.
    explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    /// Whether a lookup that finds nothing counts as a miss: not when it will be looked up
    /// again before it is answered (a first look on the io thread).
    enum class Miss { counted, not_counted };

    /// The body stored under @p key, now the most recently used; nullopt if none.
    [[nodiscard]] std::optional<std::string> find(const std::string& key, Miss miss = Miss::counted);

    /// Stores @p body under @p key, dropping the least recently used to make room. A body
    /// bigger than an eighth of the cache is not stored: it would push out too many others.
    void store(const std::string& key, std::string body);

    [[nodiscard]] bool enabled() const { return max_bytes_ > 0; }
    [[nodiscard]] std::uint64_t hits() const;
    [[nodiscard]] std::uint64_t misses() const;
    [[nodiscard]] std::size_t bytes() const;

private:
    struct Entry {
        std::string key;
        std::string body;
    };
    [[nodiscard]] static std::size_t cost(const Entry& entry) { return entry.key.size() + entry.body.size() + 64; }

    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::list<Entry> order_;  // most recently used first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // views into order_'s keys
    std::size_t bytes_ = 0;
    std::uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace tracuu::searchd
