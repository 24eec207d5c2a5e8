/** @file
 * @brief The parallel indexing run: workers, one writer per database, pruning, the first-build merge.
 */
#include "core/pipeline.hpp"

#include "core/document.hpp"
#include "core/index_metadata.hpp"
#include "core/index_writer.hpp"
#include "core/schema.hpp"
#include "core/shards.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace fs = std::filesystem;

namespace tracuu {
namespace {

// What a queued analyzed document costs in memory beyond its text: Xapian keeps a map node,
// the term string and a position vector for each distinct term.
constexpr std::size_t kBytesPerTerm = 160;
// Unchanged documents and small items still take room in a queue.
constexpr std::size_t kMinItemBytes = 256;
// A first build writes this many temporary shards per worker: a small Xapian database takes
// a document for much less CPU than a large one (its B-trees stay shallow and in cache), and
// compaction merges the shards at disk speed. Measured on the news corpus with 2 workers:
// 2 shards 33 s of CPU per 10,000 documents, 8 shards 28 s, 16 shards 25 s, 32 shards 32 s.
constexpr std::size_t kBuildShardsPerWorker = 8;
// Block size of those temporary shards. Glass keeps no block cache: every commit reads and
// rewrites the last block of each posting list it extends, one system call per block.
// Larger blocks mean fewer of them. Measured on the news corpus, twice each: 8 KiB (Xapian's
// default) 44.0 and 45.9 s, 32 KiB 41.1 and 41.3 s (system time 10 -> 7 s), 64 KiB no
// better. Compaction writes the real index with the default blocks.
constexpr unsigned kBuildShardBlockSize = 32 * 1024;
// Each writer's queue holds at most this share of its batch, at least kMinQueueBytes.
constexpr std::size_t kQueueShare = 4;
constexpr std::size_t kMinQueueBytes = 1ULL << 20;
// Lookups retried after the writers moved on (see stored_hash).
constexpr int kMaxReopens = 100;

/// Where an input comes in the run's input order: decides which of two documents with one
/// id is the duplicate (the later one), whichever thread gets there first.
using InputOrder = std::uint64_t;
InputOrder input_order(std::size_t file_index, std::size_t record) {
    return (static_cast<InputOrder>(file_index) << 32) | static_cast<InputOrder>(record);
}

enum class Outcome { indexed, replaced, unchanged };

/// One document on its way to a writer: analyzed, or found unchanged (the writer still
/// needs its id to tell duplicates apart).
struct Item {
    Outcome outcome = Outcome::indexed;
    std::string id;
    std::string source;
    InputOrder order = 0;
    bool warned = false;  ///< A part of it was reported (a JSON field it is indexed without).
    Xapian::Document xdoc;
    std::size_t bytes = kMinItemBytes;
};

/// A queue bounded by the bytes it holds: workers wait while their writer is behind.
class ItemQueue {
public:
    explicit ItemQueue(std::size_t capacity) : capacity_(capacity) {}

    /// False when the run is being abandoned.
    bool push(Item&& item, const std::atomic<bool>& abandon) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return held_ < capacity_ || items_.empty() || abandon; });
        if (abandon) return false;
        held_ += item.bytes;
        items_.push_back(std::move(item));
        not_empty_.notify_one();
        return true;
    }

    /// nullopt once closed and drained.
    std::optional<Item> pop() {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) return std::nullopt;
        Item item = std::move(items_.front());
        items_.pop_front();
        held_ -= item.bytes;
        not_full_.notify_all();
        return item;
    }

    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_all();
    }

    void wake_all() {
        std::lock_guard lock(mutex_);
        not_full_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable not_full_;
    std::condition_variable not_empty_;
    std::deque<Item> items_;
    std::size_t held_ = 0;
    std::size_t capacity_;
    bool closed_ = false;
};

/// An input folder, for --prune.
struct PruneRoot {
    std::string argument;  ///< As named on the command line, for messages.
    std::string path;      ///< Absolute, normalized, ending in '/'.
    /// Nothing was found in it: what is indexed from it stays, as for a missing folder, since
    /// a share that failed to mount looks the same (unless --prune-empty-folders).
    bool keeps_documents = false;
};

std::vector<PruneRoot> prune_roots(const std::vector<std::string>& inputs, const std::vector<std::string>& empty_folders,
                                   bool prune_empty_folders) {
    std::vector<PruneRoot> roots;
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (!fs::is_directory(input, ec)) continue;
        std::string root = fs::absolute(input, ec).lexically_normal().string();
        if (root.empty() || root.back() != '/') root += '/';
        const bool empty = std::find(empty_folders.begin(), empty_folders.end(), input) != empty_folders.end();
        roots.push_back({input, std::move(root), empty && !prune_empty_folders});
    }
    return roots;
}

// Why an empty input folder's documents stay, and how to keep or remove them.
std::string kept_in_empty_folder_reason(std::size_t documents) {
    const std::string counted = std::to_string(documents) + (documents == 1 ? " document" : " documents");
    return "folder is empty: --prune kept its " + counted +
           " (a share that failed to mount looks empty too); leave the folder out of the command line to keep " +
           (documents == 1 ? "it" : "them") + ", or add --prune-empty-folders to remove " + (documents == 1 ? "it" : "them");
}

// The content hash stored for @p id, or nullopt when the index does not hold it. The
// writers commit while workers look up: Xapian then discards the revision a reader holds,
// and the reader moves to the latest one and asks again.
std::optional<std::string> stored_hash(Xapian::Database& reader, const std::string& id) {
    const std::string id_term = std::string(schema::kIdPrefix) + id;
    for (int attempt = 0;; ++attempt) {
        try {
            const auto posting = reader.postlist_begin(id_term);
            if (posting == reader.postlist_end(id_term)) return std::nullopt;
            return reader.get_document(*posting, Xapian::DOC_ASSUME_VALID).get_value(schema::kContentHashSlot);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= kMaxReopens) throw;
            reader.reopen();
        }
    }
}

std::string analyzer_salt(const AnalyzerOptions& options) {
    return "analyzer " + std::to_string(kAnalyzerVersion) + " " + options.to_string();
}

}  // namespace

struct IndexingRun::State {
    std::atomic<std::size_t> files_done{0};
    std::atomic<std::uint64_t> bytes_done{0};
    std::atomic<std::uint64_t> bytes_unread{0};
    std::atomic<std::size_t> indexed{0};
    std::atomic<std::size_t> replaced{0};
    std::atomic<std::size_t> unchanged{0};
    std::atomic<std::size_t> pruned{0};
    std::atomic<std::size_t> rejected{0};
    std::atomic<std::size_t> warnings{0};
    std::atomic<bool> merging{false};
    std::atomic<bool> interrupted{false};
    std::atomic<std::size_t> files_total{0};
    std::atomic<std::uint64_t> bytes_total{0};
    std::atomic<std::size_t> shards{1};
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

    std::mutex problem_mutex;
    std::atomic<bool> abandon{false};
    std::mutex error_mutex;
    std::exception_ptr error;

    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(error_mutex);
            if (!error) error = std::move(e);
        }
        abandon = true;
    }
};

IndexingRun::IndexingRun(IndexingOptions options, std::function<void(const InputProblem&)> on_problem)
    : options_(std::move(options)), on_problem_(std::move(on_problem)), state_(std::make_unique<State>()) {}

IndexingRun::~IndexingRun() = default;

void IndexingRun::interrupt() { state_->interrupted = true; }

IndexingCounts IndexingRun::snapshot() const {
    const State& s = *state_;
    IndexingCounts counts;
    counts.files_total = s.files_total;
    counts.files_done = s.files_done;
    counts.bytes_total = s.bytes_total;
    counts.bytes_done = s.bytes_done;
    counts.bytes_unread = s.bytes_unread;
    counts.indexed = s.indexed;
    counts.replaced = s.replaced;
    counts.unchanged = s.unchanged;
    counts.pruned = s.pruned;
    counts.rejected = s.rejected;
    counts.warnings = s.warnings;
    counts.shards = s.shards;
    counts.merging = s.merging;
    counts.interrupted = s.interrupted;
    counts.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - s.started).count();
    return counts;
}

IndexingCounts IndexingRun::run() {
    State& state = *state_;
    state.started = std::chrono::steady_clock::now();
    auto report = [&](const InputProblem& problem) {
        std::lock_guard lock(state.problem_mutex);
        // A warning counts when its document is kept: the writer knows, not the reader (a
        // duplicate id is found only there).
        if (!problem.still_indexed) ++state.rejected;
        if (on_problem_) on_problem_(problem);
    };

    const fs::path dir(options_.db);
    const IndexLock lock(dir);

    // The layout: the one on disk, else the one asked for, else a parallel first build.
    const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
    const std::size_t workers = options_.threads > 0 ? options_.threads : cores;
    clean_build_leftovers(dir);
    IndexLayout layout = read_layout(dir);
    if (layout.kind == LayoutKind::single && options_.shards > 0)
        throw LayoutError(dir.string() + " is one database; --shards " + std::to_string(options_.shards) +
                          " needs a new index directory");
    if (layout.kind == LayoutKind::sharded && options_.shards > 0 && options_.shards != layout.shards.size())
        throw LayoutError(dir.string() + " has " + std::to_string(layout.shards.size()) +
                          (layout.shards.size() == 1 ? " shard" : " shards") + ", not " + std::to_string(options_.shards) +
                          ": leave out --shards, or use a new index directory");
    if (layout.kind == LayoutKind::building && options_.shards > 0)
        throw LayoutError(dir.string() + " holds an unfinished first build: run again without --shards to finish it");
    if (layout.kind == LayoutKind::none) {
        if (options_.shards > 0) layout = plan_layout(dir, LayoutKind::sharded, options_.shards);
        else if (workers > 1) layout = plan_layout(dir, LayoutKind::building, workers * kBuildShardsPerWorker);
        else layout = plan_layout(dir, LayoutKind::single, 1);
    }
    discard_uncreated_databases(layout);  // killed while Xapian created them: nothing to keep
    const std::size_t shard_count = layout.shards.size();
    state.shards = layout.kind == LayoutKind::building ? 1 : shard_count;

    // Writers first: they create and stamp the databases that the workers then read.
    std::vector<std::unique_ptr<Xapian::WritableDatabase>> databases;
    AnalyzerOptions analyzer_options;
    for (const fs::path& shard : layout.shards) {
        // "--db index" has no parent folder to create (and create_directories("") fails).
        if (const fs::path parent = shard.parent_path(); !parent.empty()) fs::create_directories(parent);
        // A first build's shards are temporary: compaction writes (and syncs) the real index,
        // and a kill -9 still leaves each shard as of its last commit, so they skip fsync.
        const bool building = layout.kind == LayoutKind::building;
        const int flags = Xapian::DB_CREATE_OR_OPEN | (building ? Xapian::DB_NO_SYNC : 0);
        auto db = std::make_unique<Xapian::WritableDatabase>(shard.string(), flags,
                                                             building ? kBuildShardBlockSize : 0);
        analyzer_options = stamp_or_read_analyzer_options(*db, shard.string(), options_.analyzer);
        db->commit();
        databases.push_back(std::move(db));
    }
    write_stubs(layout);
    const Analyzer analyzer(analyzer_options);

    std::vector<InputProblem> listing_problems;
    std::vector<std::string> empty_folders;
    const std::vector<InputFile> files = collect_inputs(options_.inputs, listing_problems, &empty_folders);
    for (InputProblem& problem : listing_problems) {
        if (problem.unlisted_folder && options_.prune) problem.reason += "; --prune keeps the documents indexed from it";
        report(problem);
    }
    state.files_total = files.size();
    std::uint64_t bytes_total = 0;
    for (const InputFile& file : files) bytes_total += file.size;
    state.bytes_total = bytes_total;

    const std::size_t batch_per_shard = std::max<std::size_t>(1, options_.batch_bytes / shard_count);
    const std::size_t queue_bytes = std::max(kMinQueueBytes, batch_per_shard / kQueueShare);
    std::vector<std::unique_ptr<ItemQueue>> queues;
    for (std::size_t k = 0; k < shard_count; ++k) queues.push_back(std::make_unique<ItemQueue>(queue_bytes));
    const std::vector<PruneRoot> roots = options_.prune ? prune_roots(options_.inputs, empty_folders, options_.prune_empty_folders)
                                                        : std::vector<PruneRoot>{};
    // The documents each root that keeps them holds, counted by the writers for the message.
    std::vector<std::atomic<std::size_t>> kept_documents(roots.size());
    // For --prune: which files were read to the end without a problem (by the workers, each
    // its own entries; the writers look once every worker is done), then their paths.
    std::vector<std::uint8_t> read_without_problem(files.size(), 0);
    std::unordered_set<std::string> read_whole;

    // One writer per database: replaces, commits by memory, tells duplicates apart, prunes.
    auto write_shard = [&](std::size_t shard) {
        Xapian::WritableDatabase& db = *databases[shard];
        struct Seen {
            InputOrder order;
            std::string source;
            Outcome outcome;
            bool warned;
        };
        std::unordered_map<std::string, Seen> seen;
        std::size_t uncommitted = 0;
        // In a database that was empty when the run began, an id seen for the first time cannot
        // be there yet: adding skips replace_document's lookup of the id term.
        const bool started_empty = db.get_doccount() == 0;
        auto count = [&](const Seen& kept, int delta) {
            auto& counter = kept.outcome == Outcome::indexed ? state.indexed
                            : kept.outcome == Outcome::replaced ? state.replaced : state.unchanged;
            counter += static_cast<std::size_t>(delta);
            if (kept.warned) state.warnings += static_cast<std::size_t>(delta);
        };
        while (std::optional<Item> item = queues[shard]->pop()) {
            if (state.abandon) continue;  // drain, so that no worker stays blocked
            const Seen arrived{item->order, item->source, item->outcome, item->warned};
            const auto [it, fresh] = seen.try_emplace(item->id, arrived);
            if (!fresh) {
                // The input that comes first in input order keeps the id, whichever was processed first.
                // (An unchanged earlier input cannot restore what a later one already wrote this run;
                // the next run does.)
                const bool earlier = item->order < it->second.order;
                const std::string& kept = earlier ? item->source : it->second.source;
                const std::string& dropped = earlier ? it->second.source : item->source;
                report({dropped, 0, "duplicate document id \"" + item->id + "\" (already read from " + kept + "); not indexed"});
                if (!earlier) continue;
                count(it->second, -1);
                it->second = arrived;
            }
            count(arrived, 1);
            if (item->outcome == Outcome::unchanged) continue;
            if (fresh && started_empty) db.add_document(item->xdoc);
            else db.replace_document(std::string(schema::kIdPrefix) + item->id, item->xdoc);
            uncommitted += item->bytes;
            if (uncommitted >= batch_per_shard) {
                db.commit();
                uncommitted = 0;
            }
        }
        if (state.abandon) return;
        if (options_.prune && !state.interrupted) {  // not on what an interrupted run did not read
            // Sources under an input folder that no longer exist: their documents go. So do
            // the documents of a file read whole this run that it no longer gives: a record
            // taken out of a JSONL export, or the file itself under another id (named from
            // another folder than before: "a/1" now, "1" then).
            std::vector<std::pair<std::string, std::size_t>> gone;
            std::vector<Xapian::docid> stale;
            const std::string prefix(schema::kSourcePrefix);
            for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
                const auto posting = db.postlist_begin(*term);
                if (posting == db.postlist_end(*term)) continue;
                const std::string path = from_stored_json(db.get_document(*posting).get_data()).path;
                bool under_root = false, kept = false;
                for (std::size_t k = 0; k < roots.size(); ++k) {
                    if (path.rfind(roots[k].path, 0) != 0) continue;
                    under_root = true;
                    if (!roots[k].keeps_documents) continue;
                    kept = true;
                    kept_documents[k] += term.get_termfreq();
                }
                // Only a source that is gone goes: one that cannot be looked at now (in a folder
                // that cannot be listed or entered, on a failing disk, or in an input folder
                // that looks empty) keeps its documents.
                std::error_code ec;
                const bool source_gone = !kept && !fs::exists(path, ec) && !ec;
                if (under_root && source_gone) {
                    gone.emplace_back(*term, term.get_termfreq());
                } else if (read_whole.count(path)) {
                    for (auto doc = db.postlist_begin(*term); doc != db.postlist_end(*term); ++doc)
                        if (!seen.count(db.get_document(*doc, Xapian::DOC_ASSUME_VALID).get_value(schema::kIdSlot))) stale.push_back(*doc);
                }
            }
            for (const auto& [term, documents] : gone) {
                db.delete_document(term);
                state.pruned += documents;
            }
            for (const Xapian::docid doc : stale) db.delete_document(doc);
            state.pruned += stale.size();
        }
        db.commit();
    };

    // Workers: read, skip the unchanged, analyze, hand over.
    std::atomic<std::size_t> next_file{0};
    const std::string salt = analyzer_salt(analyzer_options);
    auto work = [&] {
        const TermMapper terms;
        DocumentAnalysis workspace;  // reused from document to document
        // Lookups see the index as it was committed before this run (and each shard's first commit).
        Xapian::Database reader;
        for (const fs::path& shard : layout.shards) reader.add_database(Xapian::Database(shard.string()));
        const bool index_empty = reader.get_doccount() == 0;
        std::string looked_up_id;
        bool looked_up_existed = false;
        std::size_t file_index = 0;
        std::size_t record = 0;
        // Whether the record being read was warned about: its warnings come before it.
        bool record_warned = false;

        ReadOptions read = options_.read;
        read.hash_salt = salt;
        read.is_unchanged = [&](const std::string& id, std::uint64_t content_hash, const std::string& source) {
            looked_up_id = id;
            looked_up_existed = false;
            if (index_empty) return false;
            const std::optional<std::string> stored = stored_hash(reader, id);
            looked_up_existed = stored.has_value();
            if (stored != content_hash_value(content_hash)) return false;
            Item item;
            item.outcome = Outcome::unchanged;
            item.id = id;
            item.source = source;
            item.order = input_order(file_index, record++);
            item.warned = std::exchange(record_warned, false);
            queues[shard_of(id, shard_count)]->push(std::move(item), state.abandon);
            return true;
        };
        auto on_document = [&](Document&& doc) {
            Item item;
            item.outcome = looked_up_id == doc.id && looked_up_existed ? Outcome::replaced : Outcome::indexed;
            item.id = doc.id;
            item.source = doc.source;
            item.order = input_order(file_index, record++);
            item.warned = std::exchange(record_warned, false);
            item.xdoc = make_xapian_document(doc, analyzer, terms, workspace);
            item.bytes = doc.text.size() + kBytesPerTerm * item.xdoc.termlist_count();
            queues[shard_of(item.id, shard_count)]->push(std::move(item), state.abandon);
        };
        bool file_problem = false;
        auto on_problem = [&](InputProblem&& problem) {
            record_warned = problem.still_indexed;  // a rejection ends the record it concerns
            file_problem = file_problem || !problem.still_indexed;
            // A file emptied or spoilt since it was indexed: what a search finds is what it was
            // (its document, or the records of a JSON file: what holds its source term). Not
            // for one record of a file: the others are read, and deleting the file loses them.
            if (!problem.still_indexed && !index_empty && reader.term_exists(source_term(absolute_source_path(files[file_index])))) {
                if (problem.line == 0 && problem.record == 0)
                    problem.reason += "; the version indexed before stays (delete the file and run with --prune to remove it)";
                else if (options_.prune)  // the record it could not read may be one of them
                    problem.reason += "; --prune removes none of this file's documents until it reads without a rejected record";
            }
            report(problem);
        };

        try {
            while (!state.abandon && !state.interrupted) {
                file_index = next_file++;
                if (file_index >= files.size()) break;
                record = 0;
                record_warned = false;
                file_problem = false;
                const std::uint64_t bytes_read = read_input_file(files[file_index], on_document, on_problem, read);
                read_without_problem[file_index] = !file_problem;
                const std::uint64_t listed = files[file_index].size;
                if (bytes_read < listed) state.bytes_unread += listed - bytes_read;
                state.bytes_done += listed;
                ++state.files_done;
            }
        } catch (...) {
            state.fail(std::current_exception());
        }
    };

    std::vector<std::thread> writer_threads;
    for (std::size_t k = 0; k < shard_count; ++k) {
        writer_threads.emplace_back([&, k] {
            try {
                write_shard(k);
            } catch (...) {
                state.fail(std::current_exception());
                for (auto& queue : queues) queue->wake_all();
            }
        });
    }
    std::vector<std::thread> worker_threads;
    for (std::size_t k = 0; k < workers; ++k) worker_threads.emplace_back(work);
    for (std::thread& t : worker_threads) t.join();
    if (options_.prune)  // before the queues close: the writers prune once they are empty and closed
        for (std::size_t k = 0; k < files.size(); ++k)
            if (read_without_problem[k]) read_whole.insert(absolute_source_path(files[k]));
    for (auto& queue : queues) queue->close();
    for (std::thread& t : writer_threads) t.join();
    databases.clear();  // closes them, releasing Xapian's locks
    if (state.error) std::rethrow_exception(state.error);
    // As a missing folder is: reported, so the exit status says that something is amiss.
    for (std::size_t k = 0; k < roots.size() && !state.interrupted; ++k)
        if (kept_documents[k] > 0) report({roots[k].argument, 0, kept_in_empty_folder_reason(kept_documents[k])});

    if (layout.kind == LayoutKind::building) {
        state.merging = true;
        finish_build(layout);
        state.merging = false;
    }
    IndexingCounts counts = snapshot();
    counts.documents = Xapian::Database(dir.string()).get_doccount();
    return counts;
}

}  // namespace tracuu
