/** @file
 * @brief The engines tracuu is measured against: SQLite FTS5 and PostgreSQL full-text
 *        search, each set up the way a user would set it up for Vietnamese text.
 *
 * Both get the same documents (id, text) and the same queries as tracuu. A query is an
 * OR of clauses, a clause a word or a phrase, ranked by each engine's own scoring (FTS5
 * bm25, PostgreSQL ts_rank): the same shape as tracuu's own query.
 */
#pragma once

#include "analyzers/analyzer.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct pg_conn;

namespace tracuu::bench {

/// A document as the peers store it.
struct PeerDocument {
    std::string id;
    std::string text;
};

/// One clause of a peer query: a word, or a phrase of several.
struct PeerClause {
    std::vector<std::string> words;  ///< As tracuu's tokenizer cut them, lower case, diacritics kept.
    std::string text;                ///< The clause as written in the query ("67/2014/NĐ-CP").
};

/// An OR of clauses.
struct PeerQuery {
    std::vector<PeerClause> clauses;

    [[nodiscard]] bool empty() const { return clauses.empty(); }
};

/// Translates tracuu's query syntax for the peers, so all three see the same words: each
/// word is a clause, "quoted text" and each legal document number a phrase. Words keep
/// their diacritics; each engine folds its own way.
[[nodiscard]] PeerQuery to_peer_query(std::string_view text, const Analyzer& analyzer);

/// FTS5 MATCH expression of the words: "a" OR "b c". FTS5's unicode61 splits text where
/// tracuu's tokenizer does (and more), so the words match what FTS5 indexed.
[[nodiscard]] std::string fts5_match(const PeerQuery& query);

/// The clauses as written, as a PostgreSQL text[] literal: {"a","b c"}. PostgreSQL gets
/// each clause as text and parses it with phraseto_tsquery, because its parser cuts text
/// its own way ("67/2014/NĐ-CP" is a file path "67/2014/n" and a hyphenated word "đ-cp"),
/// and only its own cut matches what it indexed.
[[nodiscard]] std::string pg_clause_array(const PeerQuery& query);

/// One ranked answer from a peer.
struct PeerHit {
    std::string id;
    std::string snippet;  ///< Only when asked for.
};

/// An SQLite database with one FTS5 table `docs(id UNINDEXED, body)`, tokenizer
/// unicode61 with remove_diacritics 2 (folds diacritics, not đ).
class Fts5 {
public:
    /// Opens (creating if needed) the database file @p path; ":memory:" for none.
    explicit Fts5(const std::string& path);
    ~Fts5();
    Fts5(const Fts5&) = delete;
    Fts5& operator=(const Fts5&) = delete;

    /// Creates the table and inserts @p documents in one transaction.
    void load(const std::vector<PeerDocument>& documents);

    /// Inserts documents one at a time inside one transaction: begin, add..., commit.
    void begin();
    void add(std::string_view id, std::string_view text);
    void commit();

    /// The best @p limit documents by bm25, with FTS5's snippet() when @p snippets.
    [[nodiscard]] std::vector<PeerHit> search(const PeerQuery& query, std::size_t limit, bool snippets = false);

private:
    void exec(const char* sql);

    sqlite3* db_ = nullptr;
    struct Statements;
    Statements* statements_ = nullptr;
};

/// A PostgreSQL table `<table>(id, body, tsv)` with tsv a stored generated column
/// to_tsvector('simple_unaccent', body) under a GIN index. simple_unaccent is the
/// `simple` configuration with the unaccent dictionary in front.
class Postgres {
public:
    /// Connects with libpq connection string @p conninfo.
    Postgres(const std::string& conninfo, std::string table);
    ~Postgres();
    Postgres(const Postgres&) = delete;
    Postgres& operator=(const Postgres&) = delete;

    /// Creates the configuration (once per database) and an empty table, replacing one of that name.
    void create();
    /// Streams documents with COPY: begin_copy, add..., end_copy.
    void begin_copy();
    void add(std::string_view id, std::string_view text);
    void end_copy();
    /// Builds the GIN index (after the load, as a bulk load should).
    void create_index();
    /// create, COPY @p documents, create_index.
    void load(const std::vector<PeerDocument>& documents);

    /// The best @p limit documents by ts_rank, with ts_headline when @p snippets.
    [[nodiscard]] std::vector<PeerHit> search(const PeerQuery& query, std::size_t limit, bool snippets = false);

    /// pg_total_relation_size of the table: heap, TOAST and indexes.
    [[nodiscard]] std::int64_t table_bytes();
    /// What the server process serving this connection has used so far.
    struct BackendUsage {
        std::int64_t peak_rss_kib;   ///< VmHWM: includes the shared buffers it touched.
        double cpu_seconds;          ///< User plus system time.
    };
    /// nullopt when /proc does not show the server process (another machine or user).
    [[nodiscard]] std::optional<BackendUsage> backend_usage();

private:
    std::string exec(const std::string& sql);

    pg_conn* conn_ = nullptr;
    std::string table_;
    std::string copy_buffer_;
};

/// Every .txt file under @p roots (recursively), sorted by path: (id, path) with the
/// id the file name without extension, as tracuu-index names them.
[[nodiscard]] std::vector<std::pair<std::string, std::filesystem::path>> list_text_files(
    const std::vector<std::filesystem::path>& roots);

/// The whole content of @p path; throws std::runtime_error when it cannot be read.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

}  // namespace tracuu::bench
