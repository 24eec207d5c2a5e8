/** @file
 * @brief tracuu-index: files and folders -> a Xapian index on disk.
 *
 * Exit status: 0 all input indexed (unchanged documents count as indexed); 1 some input
 * rejected (each reported on stderr as file[:line]: reason, the rest indexed and
 * committed); 2 usage error; 3 the database could not be opened or written, another
 * indexer holding it included; 130 interrupted (Ctrl-C or SIGTERM: what was read is
 * committed, the next run reads the rest; a second Ctrl-C stops at once, as a kill does).
 */
#include "core/cli_options.hpp"
#include "core/index_metadata.hpp"
#include "core/option_values.hpp"
#include "core/pipeline.hpp"
#include "core/progress.hpp"
#include "core/shards.hpp"

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string_view>
#include <thread>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;
constexpr int kExitDatabase = 3;
constexpr int kExitInterrupted = 130;  // 128 + SIGINT, as shells report it

// Set by the first Ctrl-C or SIGTERM; the second one ends the process at once (the default
// action restored), which leaves the index as of its last commit, as a kill does.
volatile std::sig_atomic_t interrupt_signal = 0;

extern "C" void on_interrupt(int signal) {
    interrupt_signal = signal;
    std::signal(signal, SIG_DFL);
}

// CLI11's own checks say "Value abc not in range 1 to 256" for a word too, and take "10MB"
// for no number at all: these say what is accepted.
CLI::Validator whole_number_from(std::uint64_t min, std::uint64_t max) {
    return CLI::Validator(
        [min, max](std::string& text) {
            std::uint64_t value = 0;
            return tracuu::parse_whole_number(text, min, max, value);
        },
        "INT in [" + std::to_string(min) + " - " + std::to_string(max) + "]");
}

// Rewrites "256MiB" as its bytes, which CLI11 then stores.
CLI::Validator byte_size() {
    return CLI::Validator(
        [](std::string& text) {
            std::uint64_t bytes = 0;
            std::string why = tracuu::parse_byte_size(text, bytes);
            if (why.empty()) text = std::to_string(bytes);
            return why;
        },
        "");
}

// Whether @p flag is among the options on the command line (not after "--", where all is
// inputs): what a run that failed to parse was asked for.
bool given_on_command_line(int argc, char** argv, std::string_view flag) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") return false;
        if (arg == flag) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"tracuu-index: index text, Markdown, HTML, JSON, JSONL, PDF, Word (.docx) and OpenDocument (.odt) files (folders recursively) into a "
                 "Xapian database"};
    tracuu::IndexingOptions options;
    bool quiet = false;
    bool json = false;
    bool syllables_only = false;
    std::size_t batch_mb = tracuu::kDefaultBatchBytes >> 20;
    app.add_option("--db", options.db, "Index directory (created if missing)")->required();
    app.add_option("inputs", options.inputs, "Files and folders to index")->required();
    app.add_flag("-q,--quiet", quiet, "Print problems only: no progress, no summary");
    app.add_flag("--json", json, "Print a JSON summary on stdout at the end");
    app.add_option("--shards", options.shards,
                   "New index: N databases written in parallel, opened as one through DIR/index.stub "
                   "(later runs keep the layout)")
        ->check(whole_number_from(1, 256));
    app.add_option("--threads", options.threads, "Worker threads (default: one per core)")->check(whole_number_from(1, 256));
    app.add_option("--batch-mb", batch_mb, "Commit after about this many MB of analyzed documents (default 64)")
        ->check(whole_number_from(1, 1 << 20));
    app.add_option("--max-bytes", options.read.max_bytes,
                   "Reject files larger than this: bytes, or with a unit K, M, G (KB, KiB, MB, MiB, GB, GiB: all "
                   "powers of 1024), such as 10MB (default 64MiB)")
        ->transform(byte_size())
        ->type_name("SIZE");
    app.add_flag("--lossy", options.read.lossy, "Index invalid UTF-8 with replacement characters instead of rejecting it");
    CLI::Option* prune = app.add_flag("--prune", options.prune,
                                      "Remove documents whose source file, under one of the input folders, no longer exists "
                                      "(an input folder with no files keeps its documents: a share that failed to mount looks empty)");
    app.add_flag("--prune-empty-folders", options.prune_empty_folders,
                 "With --prune: an input folder with no files was emptied on purpose; remove its documents too")
        ->needs(prune);
    app.add_flag("--syllables-only", syllables_only,
                 "New index without multi-syllable words (to measure what word segmentation brings)");
    app.get_option("--db")->check(tracuu::not_an_option_of(app));
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);  // help on stdout, or the error on stderr
        if (code == 0) return kExitOk;
        // The error may come before CLI11 has read --json: the command line says whether it
        // was asked for, so that a script reading stdout is told too.
        if (json || given_on_command_line(argc, argv, "--json"))
            std::cout << tracuu::format_json_error(kExitUsage, e.what()) << std::endl;
        return kExitUsage;
    }
    options.batch_bytes = batch_mb << 20;
    if (syllables_only) options.analyzer = tracuu::AnalyzerOptions{.words = false};

    const tracuu::ProgressStyle style = quiet                   ? tracuu::ProgressStyle::quiet
                                        : ::isatty(STDERR_FILENO) ? tracuu::ProgressStyle::terminal
                                                                  : tracuu::ProgressStyle::lines;
    tracuu::ProgressReporter* reporter = nullptr;
    tracuu::IndexingRun run(options, [&](const tracuu::InputProblem& problem) {
        if (reporter) reporter->problem(problem.to_string());
        else std::cerr << "tracuu-index: " << problem.to_string() << '\n';
    });
    tracuu::ProgressReporter progress(style, [&] { return run.snapshot(); });
    reporter = &progress;

    // Ctrl-C: the run stops reading and commits what it read, rather than lose it all.
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    std::atomic<bool> finished{false};
    std::thread interrupter([&] {
        while (!finished && interrupt_signal == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (finished) return;
        if (reporter) reporter->problem("interrupted: finishing the files being read and committing (again to stop at once)");
        run.interrupt();
    });
    struct JoinInterrupter {
        std::atomic<bool>& finished;
        std::thread& thread;
        ~JoinInterrupter() {
            finished = true;
            thread.join();
        }
    } join_interrupter{finished, interrupter};

    tracuu::IndexingCounts counts;
    // The run could not start or finish: said on stderr, and on stdout too for --json.
    const auto failed = [&](int exit_status, const std::string& message) {
        progress.stop();
        std::cerr << "tracuu-index: " << message << '\n';
        if (json) std::cout << tracuu::format_json_error(exit_status, message) << std::endl;
        return exit_status;
    };
    try {
        counts = run.run();
    } catch (const tracuu::IndexLockedError& e) {
        return failed(kExitDatabase, e.what());
    } catch (const Xapian::DatabaseLockError& e) {
        return failed(kExitDatabase, options.db + ": locked by another writer (" + e.get_msg() + ")");
    } catch (const tracuu::LayoutError& e) {
        return failed(kExitUsage, e.what());
    } catch (const tracuu::AnalyzerOptionsError& e) {
        return failed(kExitUsage, e.what());
    } catch (const Xapian::Error& e) {
        return failed(kExitDatabase, options.db + ": " + e.get_description());
    } catch (const std::exception& e) {
        return failed(kExitDatabase, options.db + ": " + e.what());
    }
    progress.stop();
    if (!quiet) std::cerr << "tracuu-index: " << tracuu::format_summary(counts, options.db) << '\n';
    if (json) std::cout << tracuu::format_json_summary(counts) << std::endl;
    if (counts.interrupted) return kExitInterrupted;
    return counts.rejected == 0 ? kExitOk : kExitRejected;
}
