/** @file
 * @brief FNV-1a, 64 bits: a stable hash for shard routing and content hashes.
 *
 * Stable means the same on every machine and in every release, because its values are
 * stored (content hashes) or decide where a document lives (shards). std::hash promises
 * neither.
 */
#pragma once

#include <cstdint>
#include <string_view>

namespace tracuu {

inline constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ULL;

/// FNV-1a of @p bytes, continuing from @p state (start with kFnvOffsetBasis).
[[nodiscard]] constexpr std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t state = kFnvOffsetBasis) noexcept {
    constexpr std::uint64_t kPrime = 1099511628211ULL;
    for (const char c : bytes) {
        state ^= static_cast<unsigned char>(c);
        state *= kPrime;
    }
    return state;
}

}  // namespace tracuu
