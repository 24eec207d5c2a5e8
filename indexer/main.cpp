/** @file
 * @brief tracuu-index: files and folders -> a Xapian index on disk.
 *
 * Exit status: 0 all input indexed; 1 some input rejected (each reported on stderr
 * as file:line: reason, the rest indexed and committed); 2 usage error; 3 the
 * database could not be opened or written.
 */
#include "core/index_writer.hpp"
#include "core/sources.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <unordered_map>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;
constexpr int kExitDatabase = 3;

void report(const tracuu::InputProblem& problem) {
    std::cerr << "tracuu-index: " << problem.to_string() << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"tracuu-index: index .txt and .jsonl files (folders recursively) into a Xapian database"};
    std::string db_path;
    std::vector<std::string> inputs;
    bool quiet = false;
    bool syllables_only = false;
    app.add_option("--db", db_path, "Index directory (created if missing)")->required();
    app.add_option("inputs", inputs, "Files and folders to index")->required();
    app.add_flag("-q,--quiet", quiet, "Print problems only, no summary");
    app.add_flag("--syllables-only", syllables_only,
                 "New index without multi-syllable words (to measure what word segmentation brings)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    const auto started = std::chrono::steady_clock::now();
    std::vector<tracuu::InputProblem> problems;
    const std::vector<tracuu::InputFile> files = tracuu::collect_inputs(inputs, problems);
    for (const auto& problem : problems) report(problem);
    std::size_t rejected = problems.size();

    try {
        tracuu::IndexWriter writer(db_path, syllables_only ? std::optional(tracuu::AnalyzerOptions{.words = false})
                                                           : std::nullopt);
        std::unordered_map<std::string, std::string> seen;  // id -> where it was read
        std::size_t indexed = 0;
        auto on_problem = [&](tracuu::InputProblem&& problem) {
            report(problem);
            ++rejected;
        };
        for (const tracuu::InputFile& file : files) {
            tracuu::read_input_file(
                file,
                [&](tracuu::Document&& doc) {
                    const auto [it, fresh] = seen.emplace(doc.id, doc.source);
                    if (!fresh) {
                        on_problem({doc.source, 0,
                                    "duplicate document id \"" + doc.id + "\" (already read from " + it->second +
                                        "); not indexed"});
                        return;
                    }
                    try {
                        writer.add(doc);
                        ++indexed;
                    } catch (const Xapian::InvalidArgumentError& e) {
                        on_problem({doc.source, 0, "cannot index: " + e.get_description()});
                    }
                },
                on_problem);
        }
        writer.commit();
        if (!quiet) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            std::fprintf(stderr, "tracuu-index: indexed %zu documents from %zu files into %s in %.2f s; %zu rejected; %u documents in the index\n",
                         indexed, files.size(), db_path.c_str(), seconds, rejected, writer.document_count());
        }
    } catch (const Xapian::DatabaseLockError& e) {
        std::cerr << "tracuu-index: " << db_path << " is locked: another tracuu-index is writing to it (" << e.get_msg() << ")\n";
        return kExitDatabase;
    } catch (const Xapian::Error& e) {
        std::cerr << "tracuu-index: " << db_path << ": " << e.get_description() << '\n';
        return kExitDatabase;
    } catch (const std::exception& e) {
        std::cerr << "tracuu-index: " << db_path << ": " << e.what() << '\n';
        return kExitDatabase;
    }
    return rejected == 0 ? kExitOk : kExitRejected;
}
