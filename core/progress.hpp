/** @file
 * @brief What tracuu-index tells a person while it runs, and the summary for scripts.
 *
 * On a terminal, one line redrawn in place: files, MB, docs/s, ETA and errors so far.
 * Elsewhere (a log, a pipe), a plain line every few seconds. Problems are printed as they
 * come, above the progress line.
 */
#pragma once

#include "core/pipeline.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace tracuu {

enum class ProgressStyle {
    terminal,  ///< One line, redrawn five times a second.
    lines,     ///< A plain line every few seconds.
    quiet,     ///< Problems only.
};

/// "1234/35440 files, 12.3/123.0 MB, 850 docs/s, ETA 2m10s, 3 errors" (or "merging shards…").
[[nodiscard]] std::string format_progress(const IndexingCounts& counts);

/// The seconds the bytes left will take at the rate of those read so far: bytes_done
/// without bytes_unread, since a file rejected unread (over --max-bytes) took no time and
/// would make the rate look faster and the estimate 0 s. nullopt before a byte was read or
/// once none is left.
[[nodiscard]] std::optional<double> estimate_seconds_left(const IndexingCounts& counts);

/// The closing line: "indexed N documents (A new, B replaced), U unchanged, P pruned, from F
/// files into DB in S s (X docs/s, Y MB/s); E rejected; D documents in the index".
[[nodiscard]] std::string format_summary(const IndexingCounts& counts, const std::string& db);

/// The closing JSON object for --json: indexed (new), replaced, unchanged, pruned,
/// rejected, files, documents, shards, seconds, docs_per_s, mb_per_s (of the bytes read).
[[nodiscard]] std::string format_json_summary(const IndexingCounts& counts);

/// The JSON object --json prints instead when the run could not start or finish (the index
/// locked, unreadable, of another layout): {"error":{"exit":3,"message":"…"}}, so that a
/// script reading stdout gets an answer.
[[nodiscard]] std::string format_json_error(int exit_status, std::string_view message);

/// Prints progress from its own thread until stopped; prints problems for the run.
class ProgressReporter {
public:
    /// @p snapshot is called from the reporter's thread.
    ProgressReporter(ProgressStyle style, std::function<IndexingCounts()> snapshot, std::FILE* out = stderr,
                     std::chrono::milliseconds line_interval = std::chrono::seconds(5));
    ~ProgressReporter();
    ProgressReporter(const ProgressReporter&) = delete;
    ProgressReporter& operator=(const ProgressReporter&) = delete;

    /// Prints "tracuu-index: PROBLEM" on its own line (any thread).
    void problem(const std::string& text);

    /// Stops the thread and clears the terminal line. Idempotent.
    void stop();

private:
    void loop();
    void clear_line();  // with mutex_ held

    ProgressStyle style_;
    std::function<IndexingCounts()> snapshot_;
    std::FILE* out_;
    std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool line_shown_ = false;
    std::thread thread_;
};

}  // namespace tracuu
