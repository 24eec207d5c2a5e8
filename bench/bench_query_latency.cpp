/** @file
 * @brief bench_query_latency: the query mix through tracuu's searcher and SQLite FTS5 in
 *        this process (and PostgreSQL over its unix socket), latency percentiles side by side.
 *
 *   bench_query_latency --index DIR --fts5 FILE [--pg CONNINFO --pg-table NAME]
 *                       --queries FILE [--rounds N]
 *
 * Each system answers each query for the first 10 hits with snippets, as a search page
 * shows them: tracuu's Searcher::search (searchd's path), FTS5 ORDER BY rank with
 * snippet(), PostgreSQL ORDER BY ts_rank with ts_headline on the hits. One warm-up pass,
 * then N rounds; within a round the systems take turns on each query so that caches
 * and machine noise fall on all of them alike. Translating a query for the peers is
 * done beforehand and not timed.
 *
 * The query file has one query per line; blank lines and lines starting with # are
 * skipped, except "# category: NAME", which names the category of the lines below it.
 */
#include "bench/peers.hpp"
#include "bench/table.hpp"
#include "core/searcher.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <set>

using namespace tracuu;
using namespace tracuu::bench;

namespace {

struct Query {
    std::string text;
    std::string category;
    PeerQuery peer;
};

std::vector<Query> read_queries(const std::string& path, const Analyzer& analyzer) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    static const std::string category_mark = "# category:";
    std::vector<Query> queries;
    std::string category = "uncategorized";
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind(category_mark, 0) == 0) {
            category = line.substr(line.find_first_not_of(' ', category_mark.size()));
            continue;
        }
        if (line.empty() || line.front() == '#') continue;
        queries.push_back({line, category, to_peer_query(line, analyzer)});
    }
    if (queries.empty()) throw std::runtime_error(path + " has no queries");
    return queries;
}

enum System { kTracuu, kFts5, kPostgres, kSystems };

/// Latencies of one system, in milliseconds.
struct Latencies {
    std::vector<double> all;
    std::map<std::string, std::vector<double>> by_category;
    std::set<std::string> unanswered;  ///< Queries that found nothing.

    [[nodiscard]] static double percentile(std::vector<double> values, double p) {
        if (values.empty()) return 0;
        std::sort(values.begin(), values.end());
        const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
        return values[std::max<std::size_t>(rank, 1) - 1];
    }
    [[nodiscard]] double mean() const {
        return all.empty() ? 0 : std::accumulate(all.begin(), all.end(), 0.0) / static_cast<double>(all.size());
    }
};

template <class Search>
void time_one(Latencies* latencies, const Query& query, Search&& search) {
    const auto started = std::chrono::steady_clock::now();
    const std::size_t hits = search();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (!latencies) return;  // warm-up
    latencies->all.push_back(ms);
    latencies->by_category[query.category].push_back(ms);
    if (hits == 0) latencies->unanswered.insert(query.text);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_query_latency: query latency of tracuu, SQLite FTS5 and PostgreSQL on one query mix"};
    std::string index_path, fts5_path, pg_conninfo, pg_table = "news", queries_path;
    int rounds = 5;
    app.add_option("--index", index_path, "tracuu index (tracuu-index)")->required();
    app.add_option("--fts5", fts5_path, "SQLite FTS5 database (bench_load fts5)")->required();
    app.add_option("--pg", pg_conninfo, "libpq connection string; without it PostgreSQL is skipped");
    app.add_option("--pg-table", pg_table, "PostgreSQL table (bench_load postgres)")->capture_default_str();
    app.add_option("--queries", queries_path, "Query mix, one per line")->required();
    app.add_option("--rounds", rounds, "Timed passes over the mix")->capture_default_str()->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);

    try {
        const Analyzer analyzer;
        const std::vector<Query> queries = read_queries(queries_path, analyzer);
        Searcher searcher(index_path);
        Fts5 fts5(fts5_path);
        std::unique_ptr<Postgres> postgres;
        if (!pg_conninfo.empty()) postgres = std::make_unique<Postgres>(pg_conninfo, pg_table);

        Latencies latencies[kSystems];
        std::size_t refused = 0;
        const auto run = [&](System system, const Query& query, Latencies* into) {
            switch (system) {
                case kTracuu:
                    time_one(into, query, [&] {
                        const Result<SearchResponse> response = searcher.search({query.text, 10, 0});
                        if (!response) ++refused;
                        return response ? response->hits.size() : 0;
                    });
                    break;
                case kFts5: time_one(into, query, [&] { return fts5.search(query.peer, 10, true).size(); }); break;
                case kPostgres:
                    if (postgres) time_one(into, query, [&] { return postgres->search(query.peer, 10, true).size(); });
                    break;
                case kSystems: break;
            }
        };
        for (const Query& query : queries)
            for (int s = 0; s < kSystems; ++s) run(static_cast<System>(s), query, nullptr);
        refused = 0;
        for (int round = 0; round < rounds; ++round)
            for (std::size_t q = 0; q < queries.size(); ++q)
                for (int turn = 0; turn < kSystems; ++turn) {
                    const auto system = static_cast<System>((turn + q + static_cast<std::size_t>(round)) % kSystems);
                    run(system, queries[q], &latencies[system]);
                }
        if (refused) std::cerr << "bench_query_latency: tracuu refused " << refused / rounds << " queries\n";

        const std::vector<std::string> systems = {"tracuu", "FTS5", "PostgreSQL (libpq)"};
        const auto measured = [&](int s) { return s != kPostgres || postgres != nullptr; };
        const auto row = [&](const auto& value) {
            std::vector<std::optional<double>> values;
            for (int s = 0; s < kSystems; ++s) values.push_back(measured(s) ? std::optional(value(latencies[s])) : std::nullopt);
            return values;
        };
        ComparisonTable overall("Query latency, ms (lower is better): " + std::to_string(queries.size()) + " queries × " +
                                    std::to_string(rounds) + " rounds, 10 hits with snippets",
                                systems);
        overall.add("p50", row([](const Latencies& l) { return Latencies::percentile(l.all, 0.50); }));
        overall.add("p95", row([](const Latencies& l) { return Latencies::percentile(l.all, 0.95); }));
        overall.add("p99", row([](const Latencies& l) { return Latencies::percentile(l.all, 0.99); }));
        overall.add("mean", row([](const Latencies& l) { return l.mean(); }));
        overall.add("queries without hits (count)",
                    row([](const Latencies& l) { return static_cast<double>(l.unanswered.size()); }), 0, false);
        overall.print(std::cout);
        for (int s = 0; s < kSystems; ++s) {
            if (latencies[s].unanswered.empty()) continue;
            std::cout << '\n' << systems[s] << " found nothing for:";
            for (const std::string& text : latencies[s].unanswered) std::cout << " `" << text << '`';
            std::cout << '\n';
        }

        ComparisonTable by_category("Median latency by query category, ms (lower is better)", systems);
        std::vector<std::pair<std::string, std::size_t>> categories;  // in file order, with their query counts
        for (const Query& query : queries) {
            const auto it = std::find_if(categories.begin(), categories.end(),
                                         [&](const auto& c) { return c.first == query.category; });
            if (it == categories.end()) categories.emplace_back(query.category, 1);
            else ++it->second;
        }
        for (const auto& [category, count] : categories)
            by_category.add(category + " (" + std::to_string(count) + ")", row([&](const Latencies& l) {
                                const auto it = l.by_category.find(category);
                                return it == l.by_category.end() ? 0.0 : Latencies::percentile(it->second, 0.50);
                            }));
        by_category.print(std::cout);
        return 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_query_latency: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "bench_query_latency: " << e.what() << '\n';
    }
    return 1;
}
