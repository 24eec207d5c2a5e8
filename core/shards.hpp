/** @file
 * @brief How an index directory is laid out, and the lock that keeps one indexer on it.
 *
 * Three layouts, told apart by what the directory holds:
 *  - **single**: DIR is one Xapian database (DIR/iamglass).
 *  - **sharded** (`--shards N`): DIR/shard-0 … DIR/shard-(N-1), and two stub files listing
 *    them: DIR/index.stub (`Xapian::Database("DIR/index.stub")`) and DIR/XAPIANDB, which
 *    makes `Xapian::Database("DIR")` open them as one too. A document lives in shard
 *    fnv1a64(id) mod N, so re-indexing finds it again.
 *  - **building**: a first build in progress. Parallel writers fill DIR/.build/shard-k,
 *    listed by DIR/XAPIANDB so that readers already see every commit; at the end they are
 *    compacted into one database in DIR and the stub is retired (see finish_build).
 */
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

enum class LayoutKind {
    none,      ///< No index yet.
    single,    ///< One database.
    sharded,   ///< Permanent shards behind index.stub.
    building,  ///< An unfinished first build: temporary shards behind XAPIANDB.
};

/// An index directory and the databases that make it up.
struct IndexLayout {
    LayoutKind kind = LayoutKind::none;
    std::filesystem::path dir;
    std::vector<std::filesystem::path> shards;  ///< The databases to write (single: {dir}).
};

inline constexpr std::string_view kStubFileName = "index.stub";
inline constexpr std::string_view kDirectoryStubName = "XAPIANDB";  ///< Xapian's stub-directory file.
inline constexpr std::string_view kBuildDirName = ".build";
inline constexpr std::string_view kLockFileName = ".tracuu-index.lock";

/// The shard a document id lives in, out of @p shards: FNV-1a of the id, so stable across
/// runs, machines and releases.
[[nodiscard]] std::size_t shard_of(std::string_view id, std::size_t shards);

/// What @p dir holds now.
/// @throws std::runtime_error for a stub that lists something other than shards.
[[nodiscard]] IndexLayout read_layout(const std::filesystem::path& dir);

/// The layout to create in @p dir: @p shards permanent shards, or temporary ones for a
/// parallel first build (kind building), or one database (@p shards == 0, kind single).
[[nodiscard]] IndexLayout plan_layout(const std::filesystem::path& dir, LayoutKind kind, std::size_t shards);

/// Writes the stub files of @p layout (sharded: index.stub and XAPIANDB; building:
/// XAPIANDB), each atomically (temporary file, fsync, rename): a reader sees the old or
/// the new list, never half of one.
void write_stubs(const IndexLayout& layout);

/// Turns a finished building layout into a single database: compacts the temporary
/// shards into DIR/.build/merged, moves its files into DIR with iamglass last (the moment
/// readers switch from the stub to the database, which Xapian prefers), then removes the
/// stub and DIR/.build. Killed at any point, DIR still opens: as the stub or as the
/// database; read_layout and clean_build_leftovers take it from there.
void finish_build(const IndexLayout& layout);

/// Removes what a killed run left behind that no reader sees: what a finish_build killed
/// after its switch left (a stale XAPIANDB or DIR/.build beside a complete single database),
/// and the DIR/.build of a first build killed before it wrote its stub (its shards hold no
/// document yet: documents are written only once the stub lists them). Does nothing otherwise.
void clean_build_leftovers(const std::filesystem::path& dir);

/// Empties each database directory of @p layout that Xapian was killed while creating: its
/// table files are there but not iamglass, which Xapian writes last, at the first commit. Such
/// a directory holds no committed revision, and Xapian refuses to open or create it; emptied,
/// it is created anew. A directory with iamglass is never touched, nor anything in one that is
/// not Xapian's (DIR's stubs, lock and shard folders).
void discard_uncreated_databases(const IndexLayout& layout);

/// Another tracuu-index holds the directory.
class IndexLockedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An exclusive advisory lock on DIR/.tracuu-index.lock, held while the object lives and
/// released by the kernel if the process dies (kill -9 included). Taken without waiting.
class IndexLock {
public:
    /// Creates @p dir if needed. @throws IndexLockedError when another indexer holds it,
    /// std::runtime_error when it cannot be created.
    explicit IndexLock(const std::filesystem::path& dir);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace tracuu
