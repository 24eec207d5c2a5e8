/** @file
 * @brief Progress lines and summaries.
 */
#include "core/progress.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace tracuu {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr auto kTerminalInterval = std::chrono::milliseconds(200);

std::string printf_string(const char* format, auto... args) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, format, args...);
    return buffer;
}

// "1 document", "2 documents", "0 documents": the nouns counted here are all regular.
std::string count_of(std::size_t count, const char* noun) {
    return printf_string("%zu %s%s", count, noun, count == 1 ? "" : "s");
}

std::size_t documents_done(const IndexingCounts& c) { return c.indexed + c.replaced + c.unchanged; }

double per_second(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0; }

// The bytes worked on: read, whatever came of them. A snapshot may see a file's unread bytes
// before its done ones.
std::uint64_t bytes_read(const IndexingCounts& c) { return c.bytes_done > c.bytes_unread ? c.bytes_done - c.bytes_unread : 0; }

std::string duration(double seconds) {
    const long total = std::lround(seconds);
    if (total >= 3600) return printf_string("%ldh%02ldm", total / 3600, total / 60 % 60);
    if (total >= 60) return printf_string("%ldm%02lds", total / 60, total % 60);
    return printf_string("%lds", total);
}

}  // namespace

std::string format_progress(const IndexingCounts& c) {
    // "3/10 files", "0/1 file": the noun goes with the total.
    const std::string files = printf_string("%zu/", c.files_done) + count_of(c.files_total, "file");
    if (c.merging) return files + " read; merging the shards into one database…";
    std::string line = files + printf_string(", %.1f/%.1f MB, %.0f docs/s", c.bytes_done / kMiB, c.bytes_total / kMiB,
                                             per_second(static_cast<double>(documents_done(c)), c.seconds));
    if (const std::optional<double> left = estimate_seconds_left(c)) line += ", ETA " + duration(*left);
    line += ", " + count_of(c.rejected, "error");
    return line;
}

std::optional<double> estimate_seconds_left(const IndexingCounts& c) {
    const std::uint64_t worked = bytes_read(c);
    if (worked == 0 || c.bytes_done >= c.bytes_total) return std::nullopt;
    return static_cast<double>(c.bytes_total - c.bytes_done) * c.seconds / static_cast<double>(worked);
}

std::string format_summary(const IndexingCounts& c, const std::string& db) {
    const std::string interrupted =
        c.interrupted ? printf_string("interrupted after %zu of %zu files (run again to index the rest): ", c.files_done, c.files_total)
                      : std::string();
    return interrupted + "indexed " + count_of(c.indexed + c.replaced, "document") +
           printf_string(" (%zu new, %zu replaced), %zu unchanged, %zu pruned, from ", c.indexed, c.replaced, c.unchanged,
                         c.pruned) +
           count_of(c.files_total, "file") +
           printf_string(" into %s in %.2f s (%.0f docs/s, %.1f MB/s); %zu rejected;", db.c_str(), c.seconds,
                         per_second(static_cast<double>(documents_done(c)), c.seconds),
                         per_second(bytes_read(c) / kMiB, c.seconds), c.rejected) +
           (c.warnings == 0 ? "" : printf_string(" %zu indexed with a warning;", c.warnings)) + " " +
           count_of(c.documents, "document") + " in the index";
}

std::string format_json_summary(const IndexingCounts& c) {
    return printf_string("{\"indexed\":%zu,\"replaced\":%zu,\"unchanged\":%zu,\"pruned\":%zu,\"rejected\":%zu,"
                         "\"warnings\":%zu,\"files\":%zu,\"documents\":%zu,\"shards\":%zu,\"seconds\":%.3f,\"docs_per_s\":%.1f,"
                         "\"mb_per_s\":%.2f,\"interrupted\":%s}",
                         c.indexed, c.replaced, c.unchanged, c.pruned, c.rejected, c.warnings, c.files_total, c.documents, c.shards,
                         c.seconds, per_second(static_cast<double>(documents_done(c)), c.seconds),
                         per_second(bytes_read(c) / kMiB, c.seconds), c.interrupted ? "true" : "false");
}

std::string format_json_error(int exit_status, std::string_view message) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("error");
    w.StartObject();
    w.Key("exit");
    w.Int(exit_status);
    w.Key("message");
    w.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
    w.EndObject();
    w.EndObject();
    return buffer.GetString();
}

ProgressReporter::ProgressReporter(ProgressStyle style, std::function<IndexingCounts()> snapshot, std::FILE* out,
                                   std::chrono::milliseconds line_interval)
    : style_(style), snapshot_(std::move(snapshot)), out_(out),
      interval_(style == ProgressStyle::terminal ? kTerminalInterval : line_interval) {
    if (style_ != ProgressStyle::quiet) thread_ = std::thread([this] { loop(); });
}

ProgressReporter::~ProgressReporter() { stop(); }

void ProgressReporter::problem(const std::string& text) {
    std::lock_guard lock(mutex_);
    clear_line();
    std::fprintf(out_, "tracuu-index: %s\n", text.c_str());
    std::fflush(out_);
}

void ProgressReporter::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    clear_line();
    std::fflush(out_);
}

void ProgressReporter::clear_line() {
    if (!line_shown_) return;
    std::fputs("\r\033[K", out_);
    line_shown_ = false;
}

void ProgressReporter::loop() {
    std::unique_lock lock(mutex_);
    // A terminal shows the line at once; a log gets its first line after an interval, so
    // that a short run writes none.
    bool draw_now = style_ == ProgressStyle::terminal;
    while (draw_now || !wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
        draw_now = false;
        lock.unlock();
        const std::string line = format_progress(snapshot_());
        lock.lock();
        if (stopping_) break;
        if (style_ == ProgressStyle::terminal) {
            std::fprintf(out_, "\r\033[K%s", line.c_str());
            line_shown_ = true;
        } else {
            std::fprintf(out_, "tracuu-index: %s\n", line.c_str());
        }
        std::fflush(out_);
    }
}

}  // namespace tracuu
