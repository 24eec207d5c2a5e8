/** @file
 * @brief bench_load: the peers' counterpart of tracuu-index, for whole-program timing.
 *
 *   bench_load fts5 --db FILE INPUT...
 *       Every .txt file under INPUT into a new FTS5 table, in one transaction.
 *   bench_load postgres --pg CONNINFO [--table NAME] INPUT...
 *       The same files with COPY into a table with a generated tsvector column, then
 *       the GIN index built over it.
 *   bench_load xapian --db DIR INPUT...
 *       Plain Xapian, as issue 5 measured it: TermGenerator (positions, no stemming, one
 *       term per word), one database per core built in parallel with a commit every 500
 *       documents, merged by compaction into DIR. Not a peer but a reference: what
 *       Xapian 1.4's writer costs at one term per word, to set tracuu's terms beside.
 *
 * Documents are (id, whole file text) with the id tracuu-index gives the file. Prints
 * one line of key=value pairs for run_indexing.sh: documents, bytes, and for PostgreSQL
 * the table's size and the server process's peak memory and CPU time, which the caller
 * cannot see.
 */
#include "bench/peers.hpp"

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <atomic>
#include <exception>
#include <iostream>
#include <thread>

namespace fs = std::filesystem;
using namespace tracuu::bench;

namespace {

// Issue 5's fastest plain build: a database per core, merged by compaction.
std::size_t load_plain_xapian(const std::vector<std::pair<std::string, fs::path>>& files, const fs::path& db) {
    constexpr std::size_t kCommitEvery = 500;
    const std::size_t builds = std::max(1u, std::thread::hardware_concurrency());
    const fs::path parts = db.string() + ".parts";
    fs::remove_all(db);
    fs::remove_all(parts);
    fs::create_directories(parts);
    std::atomic<std::size_t> next{0}, bytes{0};
    std::vector<std::exception_ptr> failures(builds);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < builds; ++k)
        threads.emplace_back([&, k] {
            try {
                Xapian::WritableDatabase part((parts / std::to_string(k)).string(), Xapian::DB_CREATE_OR_OVERWRITE);
                Xapian::TermGenerator generator;
                std::size_t added = 0;
                for (std::size_t i; (i = next++) < files.size();) {
                    const std::string text = read_file(files[i].second);
                    bytes += text.size();
                    Xapian::Document doc;
                    generator.set_document(doc);
                    generator.index_text(text);
                    doc.set_data(text);
                    doc.add_boolean_term("Q" + files[i].first);
                    part.add_document(doc);
                    if (++added % kCommitEvery == 0) part.commit();
                }
                part.commit();
            } catch (...) {
                failures[k] = std::current_exception();
            }
        });
    for (std::thread& t : threads) t.join();
    for (const std::exception_ptr& failure : failures)
        if (failure) std::rethrow_exception(failure);
    Xapian::Database all;
    for (std::size_t k = 0; k < builds; ++k) all.add_database(Xapian::Database((parts / std::to_string(k)).string()));
    all.compact(db.string());
    fs::remove_all(parts);
    return bytes;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_load: .txt files into SQLite FTS5, PostgreSQL full-text search or plain Xapian"};
    app.require_subcommand(1);
    std::vector<fs::path> inputs;
    std::string db_path, pg_conninfo, table = "news";
    CLI::App* fts5_command = app.add_subcommand("fts5", "Load into an SQLite FTS5 table");
    CLI::App* xapian_command = app.add_subcommand("xapian", "Plain Xapian TermGenerator build (a reference)");
    xapian_command->add_option("--db", db_path, "Xapian database directory (replaced)")->required();
    fts5_command->add_option("--db", db_path, "SQLite database file (replaced)")->required();
    CLI::App* pg_command = app.add_subcommand("postgres", "Load into a PostgreSQL table with a GIN index");
    pg_command->add_option("--pg", pg_conninfo, "libpq connection string")->required();
    pg_command->add_option("--table", table, "Table name (replaced)")->capture_default_str();
    for (CLI::App* command : {fts5_command, xapian_command, pg_command})
        command->add_option("inputs", inputs, "Files and folders of .txt files")->required()->check(CLI::ExistingPath);
    CLI11_PARSE(app, argc, argv);

    try {
        const auto files = list_text_files(inputs);
        std::size_t bytes = 0;
        if (xapian_command->parsed()) {
            bytes = load_plain_xapian(files, db_path);
            std::cout << "documents=" << files.size() << " bytes=" << bytes << '\n';
            return 0;
        }
        if (fts5_command->parsed()) {
            fs::remove(db_path);
            Fts5 fts5(db_path);
            fts5.begin();
            for (const auto& [id, path] : files) {
                const std::string text = read_file(path);
                bytes += text.size();
                fts5.add(id, text);
            }
            fts5.commit();
            std::cout << "documents=" << files.size() << " bytes=" << bytes << '\n';
            return 0;
        }
        Postgres postgres(pg_conninfo, table);
        postgres.create();
        postgres.begin_copy();
        for (const auto& [id, path] : files) {
            const std::string text = read_file(path);
            bytes += text.size();
            postgres.add(id, text);
        }
        postgres.end_copy();
        postgres.create_index();
        const auto usage = postgres.backend_usage();
        std::cout << "documents=" << files.size() << " bytes=" << bytes << " table_bytes=" << postgres.table_bytes();
        if (usage) std::cout << " server_peak_rss_kib=" << usage->peak_rss_kib << " server_cpu_seconds=" << usage->cpu_seconds;
        std::cout << '\n';
        return 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_load: " << e.get_description() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "bench_load: " << e.what() << '\n';
        return 1;
    }
}
