/** @file
 * @brief bench_relevance: tracuu, SQLite FTS5 and PostgreSQL on judged questions, side by side.
 *
 *   bench_relevance export-alqac --data DIR --work W
 *       ALQAC laws -> W/alqac-2023.jsonl, W/alqac-2022.jsonl (id "<law id>#<article id>"),
 *       for tracuu-index to build W/alqac-2023.db and W/alqac-2022.db.
 *   bench_relevance alqac --data DIR --work W [--pg CONNINFO]
 *       Every judged question through tracuu's searcher (searchd's query path) and through
 *       both peers, as written and with diacritics stripped: R@1, R@5, R@10, MRR@10, nDCG@10.
 *   bench_relevance irled --data DIR --work W [--pg CONNINFO] [--terms K]
 *       Each IRLeD query case (unpacked in W/irled/current_cases) as a "related to this
 *       text" query against the prior cases (W/irled/prior_cases, indexed in W/irled.db):
 *       MAP, MRR@10, R@10, R@100.
 *
 * run_relevance.sh does all of it. Without --pg the PostgreSQL column stays empty.
 */
#include "analyzers/unicode.hpp"
#include "bench/peers.hpp"
#include "bench/table.hpp"
#include "core/related.hpp"
#include "core/searcher.hpp"

#include <CLI/CLI.hpp>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace fs = std::filesystem;
using namespace tracuu;
using namespace tracuu::bench;

namespace {

using Qrels = std::map<std::string, std::set<std::string>>;  // question id -> relevant document ids
using Ranking = std::vector<std::string>;                    // document ids, best first

struct Question {
    std::string id;
    std::string text;
};

rapidjson::Document parse_json_file(const fs::path& path) {
    const std::string content = read_file(path);
    rapidjson::Document json;
    json.Parse(content.data(), content.size());
    if (json.HasParseError() || !json.IsArray()) throw std::runtime_error(path.string() + ": not a JSON array");
    return json;
}

std::string string_member(const rapidjson::Value& object, const char* name) {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd()) return {};
    if (it->value.IsString()) return {it->value.GetString(), it->value.GetStringLength()};
    if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
    return {};
}

// ALQAC judgments name an article "law|article"; the documents are "law#article".
std::string alqac_document_id(std::string judged) {
    if (const std::size_t bar = judged.rfind('|'); bar != std::string::npos) judged[bar] = '#';
    return judged;
}

// TREC qrels: "qid 0 docid relevance", tab- or space-separated (ALQAC law ids contain spaces, so tabs win).
Qrels read_qrels(const fs::path& path, bool alqac) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    Qrels qrels;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const char separator = line.find('\t') != std::string::npos ? '\t' : ' ';
        std::vector<std::string> fields;
        for (std::size_t begin = 0;;) {
            const std::size_t end = line.find(separator, begin);
            if (end != begin) fields.push_back(line.substr(begin, end - begin));
            if (end == std::string::npos) break;
            begin = end + 1;
        }
        if (fields.size() != 4 || std::stod(fields[3]) <= 0) continue;
        qrels[fields[0]].insert(alqac ? alqac_document_id(fields[2]) : fields[2]);
    }
    return qrels;
}

std::vector<Question> read_alqac_questions(const fs::path& path) {
    std::vector<Question> questions;
    const rapidjson::Document json = parse_json_file(path);
    for (const auto& item : json.GetArray()) {
        std::string id = string_member(item, "question_id");
        if (id.empty()) id = string_member(item, "id");
        questions.push_back({std::move(id), string_member(item, "text")});
    }
    return questions;
}

// --------------------------------------------------------------------------- metrics

/// Binary-relevance measures of one ranking, averaged over the judged questions.
struct Evaluation {
    std::map<std::string, double> sums;
    std::size_t questions = 0;

    void add(const Ranking& ranking, const std::set<std::string>& relevant) {
        ++questions;
        std::size_t found = 0, found_at_1 = 0, found_at_5 = 0, found_at_10 = 0, found_at_100 = 0;
        double reciprocal_rank = 0, dcg = 0, precision_sum = 0;
        for (std::size_t rank = 1; rank <= ranking.size(); ++rank) {
            if (!relevant.count(ranking[rank - 1])) continue;
            ++found;
            if (rank <= 1) ++found_at_1;
            if (rank <= 5) ++found_at_5;
            if (rank <= 10) {
                ++found_at_10;
                dcg += 1 / std::log2(rank + 1.0);
                if (reciprocal_rank == 0) reciprocal_rank = 1.0 / rank;
            }
            if (rank <= 100) ++found_at_100;
            precision_sum += static_cast<double>(found) / rank;
        }
        double ideal = 0;
        for (std::size_t rank = 1; rank <= std::min<std::size_t>(relevant.size(), 10); ++rank)
            ideal += 1 / std::log2(rank + 1.0);
        const auto n = static_cast<double>(relevant.size());
        sums["R@1"] += found_at_1 / n;
        sums["R@5"] += found_at_5 / n;
        sums["R@10"] += found_at_10 / n;
        sums["R@100"] += found_at_100 / n;
        sums["MRR@10"] += reciprocal_rank;
        sums["nDCG@10"] += dcg / ideal;
        sums["MAP"] += precision_sum / n;
    }

    [[nodiscard]] std::optional<double> mean(const std::string& metric) const {
        if (questions == 0) return std::nullopt;
        const auto it = sums.find(metric);
        return it == sums.end() ? 0.0 : it->second / static_cast<double>(questions);
    }
};

// The systems of one run, in table order.
enum System { kTracuu, kFts5, kPostgres, kSystems };
const std::vector<std::string> kSystemNames = {"tracuu", "FTS5", "PostgreSQL"};

struct Run {
    Evaluation evaluations[kSystems];
    double seconds[kSystems] = {};
    bool measured[kSystems] = {true, true, false};

    template <class Search>
    void time(System system, const std::set<std::string>& relevant, Search&& search) {
        const auto started = std::chrono::steady_clock::now();
        const Ranking ranking = search();
        seconds[system] += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        evaluations[system].add(ranking, relevant);
    }

    void print(const std::string& title, const std::string& unit, const std::vector<std::string>& metrics) const {
        ComparisonTable table(title + " — " + std::to_string(evaluations[kTracuu].questions) + " " + unit, kSystemNames);
        for (const std::string& metric : metrics) {
            std::vector<std::optional<double>> values;
            for (int s = 0; s < kSystems; ++s) values.push_back(measured[s] ? evaluations[s].mean(metric) : std::nullopt);
            table.add(metric, values);
        }
        std::vector<std::optional<double>> latency;
        for (int s = 0; s < kSystems; ++s)
            latency.push_back(measured[s] && evaluations[s].questions
                                  ? std::optional(1000 * seconds[s] / static_cast<double>(evaluations[s].questions))
                                  : std::nullopt);
        table.add("mean ms per " + unit.substr(0, unit.size() - 1) + " (lower is better)", latency, 1);
        table.print(std::cout);
    }
};

template <class Hits>
Ranking ids_of(const Hits& hits) {
    Ranking ranking;
    for (const auto& hit : hits) ranking.push_back(hit.id);
    return ranking;
}

// ----------------------------------------------------------------------------- ALQAC

struct AlqacSet {
    std::string year;
    std::string laws;       // file in data/alqac
    std::string questions;  // file in data/alqac
    std::string qrels;      // file in data/alqac
};

const std::vector<AlqacSet> kAlqacSets = {
    {"2023", "law-2023.json", "train-2023.json", "qrels-train-2023.tsv"},
    {"2022", "law-2022.json", "questions-2022.json", "qrels-2022.tsv"},
};

// The ALQAC 2022 laws are identified by their numbers; a lawyer's collection names them, as
// the 2023 laws' ids do. What each number is, from the laws themselves.
const std::map<std::string, std::string> kAlqacLawNames = {
    {"91/2015/QH13", "Bộ luật Dân sự"},
    {"24/2018/QH14", "Luật An ninh mạng"},
    {"45/2019/QH14", "Bộ luật Lao động"},
    {"01/VBHN-VPQH", "Bộ luật Hình sự"},  // the consolidated text of the 2015 code and its 2017 amendments
};

int export_alqac(const fs::path& data, const fs::path& work) {
    fs::create_directories(work);
    for (const AlqacSet& set : kAlqacSets) {
        const fs::path out_path = work / ("alqac-" + set.year + ".jsonl");
        std::ofstream out(out_path);
        std::size_t articles = 0;
        const rapidjson::Document laws = parse_json_file(data / "alqac" / set.laws);
        for (const auto& law : laws.GetArray()) {
            const std::string law_id = string_member(law, "id");
            const auto named = kAlqacLawNames.find(law_id);
            const std::string law_name = named != kAlqacLawNames.end() ? named->second : law_id;
            for (const auto& article : law["articles"].GetArray()) {
                rapidjson::StringBuffer buffer;
                rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
                writer.StartObject();
                writer.Key("id");
                writer.String(law_id + "#" + string_member(article, "id"));
                writer.Key("text");
                writer.String(string_member(article, "text"));
                writer.Key("lang");
                writer.String("vi");
                // One article of a law, as a lawyer's collection holds it (README, JSONL "law").
                writer.Key("law");
                writer.String(law_name);
                writer.Key("article");
                writer.String(string_member(article, "id"));
                writer.EndObject();
                out << buffer.GetString() << '\n';
                ++articles;
            }
        }
        if (!out) throw std::runtime_error("cannot write " + out_path.string());
        std::cerr << "bench_relevance: " << articles << " articles -> " << out_path.string() << '\n';
    }
    return 0;
}

std::vector<PeerDocument> read_jsonl(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::vector<PeerDocument> documents;
    for (std::string line; std::getline(in, line);) {
        rapidjson::Document json;
        json.Parse(line.data(), line.size());
        if (json.HasParseError() || !json.IsObject()) throw std::runtime_error(path.string() + ": bad line");
        documents.push_back({string_member(json, "id"), string_member(json, "text")});
    }
    return documents;
}

int run_alqac(const fs::path& data, const fs::path& work, const std::string& pg_conninfo) {
    const Analyzer analyzer;
    for (const AlqacSet& set : kAlqacSets) {
        const std::vector<PeerDocument> documents = read_jsonl(work / ("alqac-" + set.year + ".jsonl"));
        Fts5 fts5(":memory:");
        fts5.load(documents);
        std::unique_ptr<Postgres> postgres;
        if (!pg_conninfo.empty()) {
            postgres = std::make_unique<Postgres>(pg_conninfo, "alqac_" + set.year);
            postgres->load(documents);
        }
        Searcher searcher((work / ("alqac-" + set.year + ".db")).string());
        const std::vector<Question> questions = read_alqac_questions(data / "alqac" / set.questions);
        const Qrels qrels = read_qrels(data / "alqac" / set.qrels, true);

        for (const bool folded : {false, true}) {
            Run run;
            run.measured[kPostgres] = postgres != nullptr;
            std::size_t failed = 0;
            for (const Question& question : questions) {
                const auto judged = qrels.find(question.id);
                if (judged == qrels.end()) continue;
                const std::string text = folded ? unicode::fold(question.text) : question.text;
                run.time(kTracuu, judged->second, [&] {
                    Result<SearchResponse> response = searcher.search({text, 10, 0});
                    if (!response) {
                        ++failed;
                        return Ranking{};
                    }
                    Ranking ranking;
                    for (const Hit& hit : response->hits) ranking.push_back(hit.document.id);
                    return ranking;
                });
                const PeerQuery query = to_peer_query(text, analyzer);
                run.time(kFts5, judged->second, [&] { return ids_of(fts5.search(query, 10)); });
                if (postgres) run.time(kPostgres, judged->second, [&] { return ids_of(postgres->search(query, 10)); });
            }
            if (failed) std::cerr << "bench_relevance: tracuu refused " << failed << " questions\n";
            run.print("ALQAC " + set.year + " (" + std::to_string(documents.size()) + " articles), questions " +
                          (folded ? "without diacritics" : "as written"),
                      "questions", {"R@1", "R@5", "R@10", "MRR@10", "nDCG@10"});
        }
    }
    return 0;
}

// ----------------------------------------------------------------------------- IRLeD

// Where the IRLeD query cases lost a citation; a marker of the data set, not text.
std::string without_citation_markers(std::string text) {
    static const std::string marker = "[?CITATION?]";
    for (std::size_t at; (at = text.find(marker)) != std::string::npos;) text.replace(at, marker.size(), " ");
    return text;
}

int run_irled(const fs::path& data, const fs::path& work, const std::string& pg_conninfo, std::size_t max_terms) {
    const Analyzer analyzer;
    std::vector<PeerDocument> documents;
    for (const auto& [id, path] : list_text_files({work / "irled" / "prior_cases"})) documents.push_back({id, read_file(path)});
    Fts5 fts5(":memory:");
    fts5.load(documents);
    std::unique_ptr<Postgres> postgres;
    if (!pg_conninfo.empty()) {
        postgres = std::make_unique<Postgres>(pg_conninfo, "irled");
        postgres->load(documents);
    }
    const Xapian::Database db((work / "irled.db").string());
    const Qrels qrels = read_qrels(data / "irled-en" / "qrels-dev.tsv", false);

    // MAP over the first 1000 answers, as trec_eval computes it.
    constexpr std::size_t kDepth = 1000;
    Run run;
    run.measured[kPostgres] = postgres != nullptr;
    bool shown_example = false;
    for (const auto& [id, path] : list_text_files({work / "irled" / "current_cases"})) {
        const auto judged = qrels.find(id);
        if (judged == qrels.end()) continue;
        const std::string text = without_citation_markers(read_file(path));
        std::vector<RelatedTerm> terms;
        run.time(kTracuu, judged->second, [&] {
            terms = informative_terms(text, db, analyzer, max_terms);
            return ids_of(related_documents(terms, db, kDepth));
        });
        std::string words;
        for (const RelatedTerm& term : terms) words += term.word + ' ';
        if (!shown_example) {
            std::cout << "\nTerms chosen for " << id << " (tf·idf against tracuu's index, the same words for all three): "
                      << words << '\n';
            shown_example = true;
        }
        const PeerQuery query = to_peer_query(words, analyzer);
        run.time(kFts5, judged->second, [&] { return ids_of(fts5.search(query, kDepth)); });
        if (postgres) run.time(kPostgres, judged->second, [&] { return ids_of(postgres->search(query, kDepth)); });
    }
    run.print("IRLeD 2017 task 2 (" + std::to_string(documents.size()) + " prior cases), " + std::to_string(max_terms) +
                  " terms per query case",
              "query cases", {"MAP", "MRR@10", "R@10", "R@100"});
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_relevance: tracuu, SQLite FTS5 and PostgreSQL on judged questions"};
    app.require_subcommand(1);
    fs::path data = fs::path(TRACUU_SOURCE_DIR) / ".." / "shared" / "data";
    fs::path work;
    std::string pg_conninfo;
    std::size_t max_terms = kRelatedTerms;
    CLI::App* export_command = app.add_subcommand("export-alqac", "ALQAC laws -> JSONL documents in --work");
    CLI::App* alqac_command = app.add_subcommand("alqac", "ALQAC 2023 and 2022 questions");
    CLI::App* irled_command = app.add_subcommand("irled", "IRLeD 2017 prior-case retrieval");
    for (CLI::App* command : {export_command, alqac_command, irled_command}) {
        command->add_option("--data", data, "The shared data folder")->capture_default_str();
        command->add_option("--work", work, "Working folder (see bench/README.md)")->required();
    }
    for (CLI::App* command : {alqac_command, irled_command})
        command->add_option("--pg", pg_conninfo, "libpq connection string; without it PostgreSQL is skipped");
    irled_command->add_option("--terms", max_terms, "Informative terms per query case")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    const fs::path needed = export_command->parsed() || alqac_command->parsed() ? data / "alqac" : data / "irled-en";
    if (!fs::is_directory(needed)) {
        std::cerr << "bench_relevance: no data at " << needed.string()
                  << "; pass --data DIR (the folder described in ../shared/data/README.md)\n";
        return 2;
    }
    try {
        if (export_command->parsed()) return export_alqac(data, work);
        if (alqac_command->parsed()) return run_alqac(data, work, pg_conninfo);
        return run_irled(data, work, pg_conninfo, max_terms);
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_relevance: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "bench_relevance: " << e.what() << '\n';
    }
    return 1;
}
