/** @file
 * @brief SQLite FTS5 and PostgreSQL behind one small interface, for side-by-side runs.
 */
#include "bench/peers.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tracuu::bench {
namespace {

// A word inside FTS5's double quotes, where a quote is written twice.
std::string fts5_quoted(std::string_view word) {
    std::string quoted;
    for (const char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted;
}

bool is_quote(std::string_view text, std::size_t pos, std::size_t& length) {
    if (text[pos] == '"') return length = 1, true;
    // U+201C .. U+201F, the curly quotes tracuu's query syntax accepts.
    if (pos + 2 < text.size() && static_cast<unsigned char>(text[pos]) == 0xE2 &&
        static_cast<unsigned char>(text[pos + 1]) == 0x80) {
        const auto third = static_cast<unsigned char>(text[pos + 2]);
        if (third >= 0x9C && third <= 0x9F) return length = 3, true;
    }
    return false;
}

void add_clauses(std::string_view segment, bool phrase, const Analyzer& analyzer, PeerQuery& query) {
    const Analysis analysis = analyzer.analyze(segment);
    const auto span = [&](std::size_t begin, std::size_t end) { return analysis.text.substr(begin, end - begin); };
    PeerClause whole_phrase{{}, std::string(analysis.text)};
    std::uint32_t last_position = UINT32_MAX;
    std::size_t next_reference = 0;
    for (const Token& token : analysis.tokens) {
        // Parts of a date; words of several syllables, whose syllables the peers get anyway.
        if (token.position == last_position || token.syllables > 1) continue;
        last_position = token.position;
        while (next_reference < analysis.references.size() && analysis.references[next_reference].end <= token.begin)
            ++next_reference;
        const ReferenceMention* mention = next_reference < analysis.references.size() &&
                                                  analysis.references[next_reference].begin <= token.begin
                                              ? &analysis.references[next_reference]
                                              : nullptr;
        std::string word = token.exact;
        if (phrase) {
            whole_phrase.words.push_back(std::move(word));
        } else if (mention) {
            // A document number is one phrase clause, started by its first part.
            if (token.begin == mention->begin) query.clauses.push_back({{}, span(mention->begin, mention->end)});
            query.clauses.back().words.push_back(std::move(word));
        } else {
            query.clauses.push_back({{std::move(word)}, span(token.begin, token.end)});
        }
    }
    if (!whole_phrase.words.empty()) query.clauses.push_back(std::move(whole_phrase));
}

[[noreturn]] void sqlite_fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error("SQLite: " + what + ": " + sqlite3_errmsg(db));
}

std::string pg_error(pg_conn* conn) {
    std::string message = PQerrorMessage(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return message;
}

// COPY text format: backslash, tab, newline and carriage return are escaped.
void append_copy_field(std::string& out, std::string_view field) {
    for (const char c : field) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

}  // namespace

PeerQuery to_peer_query(std::string_view text, const Analyzer& analyzer) {
    PeerQuery query;
    bool phrase = false;
    std::size_t segment_begin = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        std::size_t length = 0;
        if (!is_quote(text, pos, length)) continue;
        add_clauses(text.substr(segment_begin, pos - segment_begin), phrase, analyzer, query);
        phrase = !phrase;
        pos += length - 1;
        segment_begin = pos + 1;
    }
    add_clauses(text.substr(segment_begin), phrase, analyzer, query);
    return query;
}

std::string fts5_match(const PeerQuery& query) {
    std::string match;
    for (const PeerClause& clause : query.clauses) {
        if (!match.empty()) match += " OR ";
        match += '"';
        for (std::size_t i = 0; i < clause.words.size(); ++i) {
            if (i > 0) match += ' ';
            match += fts5_quoted(clause.words[i]);
        }
        match += '"';
    }
    return match;
}

std::string pg_clause_array(const PeerQuery& query) {
    std::string array = "{";
    for (const PeerClause& clause : query.clauses) {
        if (array.size() > 1) array += ',';
        array += '"';
        for (const char c : clause.text) {
            if (c == '"' || c == '\\') array += '\\';
            array += c;
        }
        array += '"';
    }
    return array + "}";
}

// ---------------------------------------------------------------------------- FTS5

struct Fts5::Statements {
    sqlite3_stmt* insert = nullptr;
    sqlite3_stmt* search = nullptr;
    sqlite3_stmt* search_snippets = nullptr;
};

Fts5::Fts5(const std::string& path) : statements_(new Statements) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        delete statements_;
        throw std::runtime_error("SQLite: cannot open " + path + ": " + message);
    }
}

Fts5::~Fts5() {
    sqlite3_finalize(statements_->insert);
    sqlite3_finalize(statements_->search);
    sqlite3_finalize(statements_->search_snippets);
    delete statements_;
    sqlite3_close(db_);
}

void Fts5::exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw std::runtime_error(std::string("SQLite: ") + sql + ": " + message);
    }
}

void Fts5::begin() {
    exec("DROP TABLE IF EXISTS docs");
    exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, tokenize=\"unicode61 remove_diacritics 2\")");
    exec("BEGIN");
    if (sqlite3_prepare_v2(db_, "INSERT INTO docs (id, body) VALUES (?1, ?2)", -1, &statements_->insert, nullptr) !=
        SQLITE_OK)
        sqlite_fail(db_, "prepare insert");
}

void Fts5::add(std::string_view id, std::string_view text) {
    sqlite3_stmt* insert = statements_->insert;
    sqlite3_bind_text(insert, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) sqlite_fail(db_, "insert " + std::string(id));
    sqlite3_reset(insert);
}

void Fts5::commit() {
    sqlite3_finalize(statements_->insert);
    statements_->insert = nullptr;
    exec("COMMIT");
}

void Fts5::load(const std::vector<PeerDocument>& documents) {
    begin();
    for (const PeerDocument& doc : documents) add(doc.id, doc.text);
    commit();
}

std::vector<PeerHit> Fts5::search(const PeerQuery& query, std::size_t limit, bool snippets) {
    if (query.empty()) return {};
    sqlite3_stmt*& statement = snippets ? statements_->search_snippets : statements_->search;
    if (!statement) {
        const char* sql = snippets ? "SELECT id, snippet(docs, 1, '<mark>', '</mark>', '…', 24) FROM docs "
                                     "WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2"
                                   : "SELECT id, '' FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2";
        if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) != SQLITE_OK) sqlite_fail(db_, "prepare search");
    }
    const std::string match = fts5_match(query);
    sqlite3_bind_text(statement, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(statement, 2, static_cast<sqlite3_int64>(limit));
    std::vector<PeerHit> hits;
    int status = 0;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
        const auto text = [&](int column) {
            const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
            return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(statement, column))) : std::string();
        };
        hits.push_back({text(0), text(1)});
    }
    sqlite3_reset(statement);
    if (status != SQLITE_DONE) sqlite_fail(db_, "search " + match);
    return hits;
}

// ------------------------------------------------------------------------ PostgreSQL

Postgres::Postgres(const std::string& conninfo, std::string table) : table_(std::move(table)) {
    conn_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
        const std::string message = pg_error(conn_);
        PQfinish(conn_);
        throw std::runtime_error("PostgreSQL: cannot connect (" + conninfo + "): " + message);
    }
    exec("SET client_min_messages = warning");
}

Postgres::~Postgres() { PQfinish(conn_); }

std::string Postgres::exec(const std::string& sql) {
    PGresult* result = PQexec(conn_, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_COPY_IN) {
        const std::string message = pg_error(conn_);
        PQclear(result);
        throw std::runtime_error("PostgreSQL: " + sql.substr(0, 200) + ": " + message);
    }
    std::string value = status == PGRES_TUPLES_OK && PQntuples(result) > 0 ? PQgetvalue(result, 0, 0) : "";
    PQclear(result);
    return value;
}

void Postgres::create() {
    exec("CREATE EXTENSION IF NOT EXISTS unaccent");
    if (exec("SELECT count(*) FROM pg_ts_config WHERE cfgname = 'simple_unaccent'") == "0") {
        exec("CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple)");
        exec("ALTER TEXT SEARCH CONFIGURATION simple_unaccent ALTER MAPPING FOR "
             "asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple");
    }
    exec("DROP TABLE IF EXISTS " + table_);
    exec("CREATE TABLE " + table_ +
         " (id text NOT NULL, body text NOT NULL,"
         " tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple_unaccent', body)) STORED)");
}

void Postgres::begin_copy() { exec("COPY " + table_ + " (id, body) FROM STDIN"); }

void Postgres::add(std::string_view id, std::string_view text) {
    copy_buffer_.clear();
    append_copy_field(copy_buffer_, id);
    copy_buffer_ += '\t';
    append_copy_field(copy_buffer_, text);
    copy_buffer_ += '\n';
    if (PQputCopyData(conn_, copy_buffer_.data(), static_cast<int>(copy_buffer_.size())) != 1)
        throw std::runtime_error("PostgreSQL: COPY " + std::string(id) + ": " + pg_error(conn_));
}

void Postgres::end_copy() {
    if (PQputCopyEnd(conn_, nullptr) != 1) throw std::runtime_error("PostgreSQL: end of COPY: " + pg_error(conn_));
    PGresult* result = PQgetResult(conn_);
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    while ((result = PQgetResult(conn_))) PQclear(result);
    if (!ok) throw std::runtime_error("PostgreSQL: COPY into " + table_ + ": " + pg_error(conn_));
}

void Postgres::create_index() {
    exec("CREATE INDEX " + table_ + "_tsv ON " + table_ + " USING gin (tsv)");
    exec("ANALYZE " + table_);
}

void Postgres::load(const std::vector<PeerDocument>& documents) {
    create();
    begin_copy();
    for (const PeerDocument& doc : documents) add(doc.id, doc.text);
    end_copy();
    create_index();
}

std::vector<PeerHit> Postgres::search(const PeerQuery& query, std::size_t limit, bool snippets) {
    if (query.empty()) return {};
    // The OR of each clause parsed by PostgreSQL itself; clauses it finds no lexeme in drop out.
    const std::string tsquery =
        "(SELECT string_agg('(' || t::text || ')', ' | ')::tsquery AS q FROM "
        "(SELECT phraseto_tsquery('simple_unaccent', c) t FROM unnest($1::text[]) c) parts WHERE numnode(t) > 0) query";
    const std::string ranked = "SELECT id, body, query.q FROM " + table_ + ", " + tsquery +
                               " WHERE tsv @@ query.q ORDER BY ts_rank(tsv, query.q) DESC LIMIT $2";
    // ts_headline re-parses the whole text, so only the hits shown get one.
    const std::string sql = snippets ? "SELECT id, ts_headline('simple_unaccent', body, q, 'StartSel=<mark>, StopSel=</mark>') "
                                       "FROM (" + ranked + ") top"
                                     : "SELECT id, '' FROM (" + ranked + ") top";
    const std::string clauses = pg_clause_array(query);
    const std::string limit_text = std::to_string(limit);
    const char* values[] = {clauses.c_str(), limit_text.c_str()};
    PGresult* result = PQexecParams(conn_, sql.c_str(), 2, nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
        const std::string message = pg_error(conn_);
        PQclear(result);
        throw std::runtime_error("PostgreSQL: search " + clauses.substr(0, 200) + ": " + message);
    }
    std::vector<PeerHit> hits;
    for (int row = 0; row < PQntuples(result); ++row) hits.push_back({PQgetvalue(result, row, 0), PQgetvalue(result, row, 1)});
    PQclear(result);
    return hits;
}

std::int64_t Postgres::table_bytes() {
    return std::stoll(exec("SELECT pg_total_relation_size('" + table_ + "')"));
}

std::optional<Postgres::BackendUsage> Postgres::backend_usage() {
    const std::string proc = "/proc/" + exec("SELECT pg_backend_pid()");
    std::optional<std::int64_t> peak;
    std::ifstream status(proc + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) peak = std::stoll(line.substr(6));
    // /proc/PID/stat: utime and stime are fields 14 and 15, the 12th and 13th after "(comm)".
    std::ifstream stat_file(proc + "/stat");
    std::string stat((std::istreambuf_iterator<char>(stat_file)), std::istreambuf_iterator<char>());
    const std::size_t comm_end = stat.rfind(')');
    if (!peak || comm_end == std::string::npos) return std::nullopt;
    std::istringstream fields(stat.substr(comm_end + 1));
    std::string skipped;
    for (int i = 0; i < 11; ++i) fields >> skipped;
    double user_ticks = 0, system_ticks = 0;
    if (!(fields >> user_ticks >> system_ticks)) return std::nullopt;
    return BackendUsage{*peak, (user_ticks + system_ticks) / static_cast<double>(sysconf(_SC_CLK_TCK))};
}

// ----------------------------------------------------------------------------- files

std::vector<std::pair<std::string, std::filesystem::path>> list_text_files(const std::vector<std::filesystem::path>& roots) {
    namespace fs = std::filesystem;
    std::vector<std::pair<std::string, fs::path>> files;
    for (const fs::path& root : roots) {
        if (fs::is_regular_file(root)) {
            files.emplace_back(root.stem().string(), root);
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
            files.emplace_back(fs::relative(entry.path(), root).replace_extension().string(), entry.path());
        }
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return files;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
}

}  // namespace tracuu::bench
