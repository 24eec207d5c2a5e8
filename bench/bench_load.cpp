/** @file
 * @brief bench_load: the peers' counterpart of tracuu-index, for whole-program timing.
 *
 *   bench_load fts5 --db FILE INPUT...
 *       Every .txt file under INPUT into a new FTS5 table, in one transaction.
 *   bench_load postgres --pg CONNINFO [--table NAME] INPUT...
 *       The same files with COPY into a table with a generated tsvector column, then
 *       the GIN index built over it.
 *
 * Documents are (id, whole file text) with the id tracuu-index gives the file. Prints
 * one line of key=value pairs for run_indexing.sh: documents, bytes, and for PostgreSQL
 * the table's size and the server process's peak memory and CPU time, which the caller
 * cannot see.
 */
#include "bench/peers.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace fs = std::filesystem;
using namespace tracuu::bench;

int main(int argc, char** argv) {
    CLI::App app{"bench_load: .txt files into SQLite FTS5 or PostgreSQL full-text search"};
    app.require_subcommand(1);
    std::vector<fs::path> inputs;
    std::string db_path, pg_conninfo, table = "news";
    CLI::App* fts5_command = app.add_subcommand("fts5", "Load into an SQLite FTS5 table");
    fts5_command->add_option("--db", db_path, "SQLite database file (replaced)")->required();
    CLI::App* pg_command = app.add_subcommand("postgres", "Load into a PostgreSQL table with a GIN index");
    pg_command->add_option("--pg", pg_conninfo, "libpq connection string")->required();
    pg_command->add_option("--table", table, "Table name (replaced)")->capture_default_str();
    for (CLI::App* command : {fts5_command, pg_command})
        command->add_option("inputs", inputs, "Files and folders of .txt files")->required()->check(CLI::ExistingPath);
    CLI11_PARSE(app, argc, argv);

    try {
        const auto files = list_text_files(inputs);
        std::size_t bytes = 0;
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
    } catch (const std::exception& e) {
        std::cerr << "bench_load: " << e.what() << '\n';
        return 1;
    }
}
