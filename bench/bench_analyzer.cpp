/** @file
 * @brief bench_analyzer: analysis throughput on the news text (Google Benchmark), tracuu
 *        beside Xapian's TermGenerator and SQLite FTS5's unicode61 tokenizer.
 *
 *   bench_analyzer --news DIR [--sample-mb N] [Google Benchmark flags]
 *
 * DIR holds the unpacked news .txt files (run_analysis.sh unpacks them); the first N MB
 * of them, in file name order, are analyzed per iteration. Three levels are compared:
 *   tokens:   tracuu's Analyzer::analyze (NFC, tokens with exact and folded forms, words,
 *             document numbers) beside TermGenerator tokenizing with every word stopped (so
 *             that it adds nothing) and FTS5's unicode61 tokenizer with remove_diacritics 2;
 *   document: all the analysis the indexer does to a document, analyze_document: tokens of
 *             text and title, language, dates, references and their relations, boilerplate,
 *             author (the peers have nothing more to do than tokenize, so their tokens figure
 *             stands beside it);
 *   terms:    tokens turned into a Xapian::Document's postings, as the indexer does
 *             (folded and exact terms with positions) beside Xapian's TermGenerator
 *             (unstemmed terms with positions).
 */
#include "bench/peers.hpp"
#include "bench/table.hpp"
#include "core/index_writer.hpp"
#include "core/metadata.hpp"
#include "core/terms.hpp"

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <xapian.h>

#include <cstring>
#include <iostream>
#include <map>

using namespace tracuu;
using namespace tracuu::bench;

namespace {

std::vector<std::string> g_texts;
std::size_t g_bytes = 0;

void count_bytes(benchmark::State& state) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_bytes));
}

void tracuu_tokens(benchmark::State& state) {
    const Analyzer analyzer;
    Analysis analysis;  // reused, as the indexer's threads do
    for (auto _ : state)
        for (const std::string& text : g_texts) {
            analyzer.analyze(text, analysis);
            benchmark::DoNotOptimize(analysis);
        }
    count_bytes(state);
}

void tracuu_document(benchmark::State& state) {
    const Analyzer analyzer;
    DocumentAnalysis analysis;  // reused, as the indexer's threads do
    for (auto _ : state)
        for (const std::string& text : g_texts) {
            Document doc;  // as the indexer reads a .txt file (core/sources.cpp)
            doc.text = text;
            doc.title = shorten_title(first_nonempty_line(text));
            analyze_document(doc, analyzer, analysis);
            benchmark::DoNotOptimize(analysis);
        }
    count_bytes(state);
}

void tracuu_terms(benchmark::State& state) {
    const Analyzer analyzer;
    const TermMapper mapper;
    Analysis analysis;  // reused, as each of the indexer's threads does (make_xapian_document)
    for (auto _ : state)
        for (const std::string& text : g_texts) {
            Xapian::Document doc;
            ExactTermCounts exact_terms;
            analyzer.analyze(text, analysis);
            for (const Token& token : analysis.tokens) mapper.index_token(doc, exact_terms, token, false);
            exact_terms.add_to(doc);
            benchmark::DoNotOptimize(doc);
        }
    count_bytes(state);
}

void index_with(benchmark::State& state, Xapian::TermGenerator& generator) {
    for (auto _ : state)
        for (const std::string& text : g_texts) {
            Xapian::Document doc;
            generator.set_document(doc);
            generator.index_text(text);
            benchmark::DoNotOptimize(doc);
        }
    count_bytes(state);
}

void xapian_term_generator(benchmark::State& state) {
    Xapian::TermGenerator generator;
    index_with(state, generator);
}

// TermGenerator's tokenizing alone: a stopper that stops every word, with STOP_ALL, makes it
// lower-case and check each word but add nothing to the document. The gap between this and
// terms/xapian_TermGenerator is what Document::add_posting costs it.
struct StopEverything : Xapian::Stopper {
    bool operator()(const std::string&) const override { return true; }
};

void xapian_term_generator_tokens(benchmark::State& state) {
    Xapian::TermGenerator generator;
    StopEverything stop_everything;
    generator.set_stopper(&stop_everything);
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
    index_with(state, generator);
}

// FTS5's tokenizer through its C API, as FTS5 runs it when indexing.
void fts5_unicode61_tokens(benchmark::State& state) {
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr);
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    void* context = nullptr;
    fts5_tokenizer tokenizer{};
    Fts5Tokenizer* instance = nullptr;
    const char* arguments[] = {"remove_diacritics", "2"};
    if (!api || api->xFindTokenizer(api, "unicode61", &context, &tokenizer) != SQLITE_OK ||
        tokenizer.xCreate(context, arguments, 2, &instance) != SQLITE_OK) {
        state.SkipWithError("no FTS5 unicode61 tokenizer in this SQLite");
        sqlite3_close(db);
        return;
    }
    const auto on_token = [](void* count, int, const char*, int, int, int) {
        ++*static_cast<std::size_t*>(count);
        return SQLITE_OK;
    };
    std::size_t tokens = 0;
    for (auto _ : state)
        for (const std::string& text : g_texts)
            tokenizer.xTokenize(instance, &tokens, FTS5_TOKENIZE_DOCUMENT, text.data(), static_cast<int>(text.size()),
                                on_token);
    benchmark::DoNotOptimize(tokens);
    tokenizer.xDelete(instance);
    sqlite3_close(db);
    count_bytes(state);
}

/// Prints as the console reporter does and keeps each benchmark's bytes/s for the summary.
class SummaryReporter : public benchmark::ConsoleReporter {
public:
    // Plain text: the output goes to files and README tables more often than to a terminal.
    SummaryReporter() : ConsoleReporter(OO_Tabular) {}

    std::map<std::string, double> bytes_per_second;

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        // With --benchmark_repetitions the median, reported after the repetitions, stands for
        // the benchmark.
        for (const Run& run : runs) {
            const auto it = run.counters.find("bytes_per_second");
            if (it == run.counters.end() || run.error_occurred) continue;
            if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median") continue;
            bytes_per_second[run.run_name.str()] = it->second.value;
        }
    }
};

// Our flags, taken out of argv before Google Benchmark sees it.
bool take_option(int& argc, char** argv, const char* name, std::string& value) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) != 0) continue;
        value = argv[i + 1];
        for (int j = i; j + 2 <= argc; ++j) argv[j] = argv[j + 2];
        argc -= 2;
        return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    std::string news, sample_mb = "8";
    const bool has_news = take_option(argc, argv, "--news", news);
    take_option(argc, argv, "--sample-mb", sample_mb);
    benchmark::Initialize(&argc, argv);
    if (!has_news || !std::filesystem::is_directory(news)) {
        std::cerr << "bench_analyzer: pass --news DIR, a folder of the unpacked news .txt files "
                     "(bench/run_analysis.sh unpacks ../shared/data/news-vi-baomoi-2017.tar.zst for you)\n";
        return 2;
    }
    const std::size_t budget = static_cast<std::size_t>(std::stod(sample_mb) * 1e6);
    for (const auto& [id, path] : list_text_files({news})) {
        if (g_bytes >= budget) break;
        g_texts.push_back(read_file(path));
        g_bytes += g_texts.back().size();
    }
    if (g_texts.empty()) {
        std::cerr << "bench_analyzer: no .txt files in " << news << '\n';
        return 2;
    }
    std::cout << "Sample: " << g_texts.size() << " news articles, " << g_bytes << " bytes\n";

    benchmark::RegisterBenchmark("tokens/tracuu_Analyzer", tracuu_tokens)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("tokens/xapian_TermGenerator", xapian_term_generator_tokens)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("tokens/fts5_unicode61", fts5_unicode61_tokens)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("document/tracuu_analyze_document", tracuu_document)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("terms/tracuu_Analyzer+TermMapper", tracuu_terms)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("terms/xapian_TermGenerator", xapian_term_generator)->Unit(benchmark::kMillisecond);
    SummaryReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const auto mb_per_second = [&](const char* name) -> std::optional<double> {
        const auto it = reporter.bytes_per_second.find(name);
        if (it == reporter.bytes_per_second.end()) return std::nullopt;
        return it->second / 1e6;
    };
    ComparisonTable table("Analysis throughput, MB/s of news text (higher is better)",
                          {"tracuu", "Xapian TermGenerator", "FTS5 unicode61"});
    table.add("tokens", {mb_per_second("tokens/tracuu_Analyzer"), mb_per_second("tokens/xapian_TermGenerator"),
                         mb_per_second("tokens/fts5_unicode61")}, 1);
    // The peers' whole analysis is their tokenizing.
    table.add("whole document (+ language, dates, references, boilerplate)",
              {mb_per_second("document/tracuu_analyze_document"), mb_per_second("tokens/xapian_TermGenerator"),
               mb_per_second("tokens/fts5_unicode61")}, 1);
    table.add("terms in a Xapian::Document", {mb_per_second("terms/tracuu_Analyzer+TermMapper"),
                                              mb_per_second("terms/xapian_TermGenerator"), std::nullopt}, 1);
    table.print(std::cout);
    return 0;
}
