/** @file
 * @brief The indexing run: files -> documents -> analyzed documents -> Xapian, on every core.
 *
 * Worker threads take files in input order, read them (any format), skip documents whose
 * content hash the index already holds, and analyze the rest (make_xapian_document is
 * pure). One writer thread per database receives them through a queue bounded in bytes and
 * commits whenever the documents it took since its last commit reach its share of
 * --batch-mb: batches are sized by memory, not by a count of documents.
 *
 * A first build of a single database writes one temporary shard per worker in parallel and
 * compacts them at the end (see core/shards.hpp): Xapian's writer costs far more than the
 * analysis, and compaction merges sorted posting lists at disk speed. Later runs write the
 * existing database in place.
 *
 * Crash safety comes from Xapian's commits, which are atomic: a kill at any moment leaves
 * every database at its last commit, and the next run skips what is already there.
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "core/sources.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tracuu {

/// Default for IndexingOptions::batch_bytes: 64 MiB of analyzed documents between commits
/// (measured on the news corpus: larger batches make Xapian's in-memory changes outgrow the
/// CPU caches and every posting costs more; smaller ones commit too often).
inline constexpr std::size_t kDefaultBatchBytes = 64ULL << 20;

/// What to index where, and how.
struct IndexingOptions {
    std::string db;                           ///< Index directory.
    std::vector<std::string> inputs;          ///< Files and folders.
    std::optional<AnalyzerOptions> analyzer;  ///< For a new index; an existing one keeps its own.
    std::size_t shards = 0;                   ///< --shards: 0 keeps the existing layout (a new index: one database).
    std::size_t threads = 0;                  ///< Workers; 0 = one per core.
    std::size_t batch_bytes = kDefaultBatchBytes;
    ReadOptions read;                         ///< --max-bytes, --lossy.
    /// Remove documents whose source file under an input folder is gone, and those a file read
    /// whole this run no longer gives (a record taken out of a JSONL file, the file under another id).
    bool prune = false;
    /// With prune: an input folder with no files at all was emptied on purpose, and its
    /// documents go too. Without it they stay, and the run reports the folder: a share that
    /// failed to mount looks just as empty.
    bool prune_empty_folders = false;
};

/// Counts of one run, as it goes and at the end.
struct IndexingCounts {
    std::size_t files_total = 0;
    std::size_t files_done = 0;
    std::uint64_t bytes_total = 0;
    std::uint64_t bytes_done = 0;
    /// Of bytes_done, those of files rejected without being read (over --max-bytes,
    /// unreadable, vanished): no work was done on them, so rates and estimates leave them out.
    std::uint64_t bytes_unread = 0;
    std::size_t indexed = 0;    ///< New documents.
    std::size_t replaced = 0;   ///< Documents whose content changed.
    std::size_t unchanged = 0;  ///< Documents skipped: same content hash as in the index.
    std::size_t pruned = 0;
    std::size_t rejected = 0;   ///< Files or records not indexed, each reported.
    std::size_t warnings = 0;   ///< Documents kept without a part that was reported (a JSON field); not those rejected after.
    std::size_t documents = 0;  ///< In the index at the end.
    std::size_t shards = 1;     ///< Databases written.
    double seconds = 0;
    bool merging = false;       ///< Compacting a first build's shards.
    /// Stopped by IndexingRun::interrupt(): the files not yet read were left for the next run.
    bool interrupted = false;
};

/// The options conflict with the index as it is (exit status 2, like a usage error).
class LayoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One indexing run. run() once; snapshot() from any thread meanwhile.
class IndexingRun {
public:
    /// @p on_problem receives every rejected input, one call at a time (from any thread).
    IndexingRun(IndexingOptions options, std::function<void(const InputProblem&)> on_problem);
    ~IndexingRun();
    IndexingRun(const IndexingRun&) = delete;
    IndexingRun& operator=(const IndexingRun&) = delete;

    /// Indexes everything and returns the final counts.
    /// @throws IndexLockedError when another indexer holds the directory, LayoutError,
    ///         Xapian::Error and std::runtime_error for database failures; what was
    ///         committed before stays.
    IndexingCounts run();

    /// The counts so far.
    [[nodiscard]] IndexingCounts snapshot() const;

    /// Stops reading new files, from any thread (Ctrl-C): the files being read are finished,
    /// what was read is committed (a first build still becomes one database), nothing is
    /// pruned, and run() returns with IndexingCounts::interrupted set.
    void interrupt();

private:
    struct State;
    IndexingOptions options_;
    std::function<void(const InputProblem&)> on_problem_;
    std::unique_ptr<State> state_;
};

}  // namespace tracuu
