/** @file
 * @brief The query path: a database, the analyzer, ranking, snippets. One per thread.
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "core/document.hpp"
#include "core/error.hpp"
#include "core/terms.hpp"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// Result order.
enum class SortOrder { relevance, date };

/// A search as a user asks it.
struct SearchRequest {
    std::string query;
    std::size_t limit = 10;   ///< 1..kMaxLimit
    std::size_t offset = 0;   ///< 0..kMaxOffset
    // Filters; empty means none.
    std::string lang;         ///< "vi" or "en"
    std::string year;         ///< "2023"
    std::string from, to;     ///< Publication dates, ISO "YYYY-MM-DD", inclusive
    std::string ref;          ///< Cites this document number (any written variant)
    SortOrder sort = SortOrder::relevance;  ///< date: newest first, then by relevance
};

/// One ranked answer. The document's text is not copied into hits.
struct Hit {
    Document document;        ///< Metadata; text left empty.
    std::string snippet;      ///< HTML with <mark> around matches.
    double score = 0;         ///< BM25 weight (plus reference boost).
};

/// Ranked answers to one request.
struct SearchResponse {
    std::string query;
    Xapian::doccount total = 0;   ///< Matching documents (estimated beyond the first thousand).
    double took_ms = 0;
    std::vector<Hit> hits;
};

/// One completion for what a user is typing.
struct Suggestion {
    std::string text;           ///< A word ("thi hành", "hành"), or a document number ("126/NQ-CP").
    std::string kind;           ///< "word" or "reference".
    Xapian::doccount documents; ///< Documents containing the word, or citing the number.
};

/// A document number found in checked text. Offsets count Unicode code points of the
/// NFC-normalized text (what a browser's text editor counts for Vietnamese).
struct CheckedReference {
    std::string canonical;           ///< "126/NQ-CP"
    std::string relation;            ///< "implements", "cites", ...
    std::string issued;              ///< ISO issue date when the text gives it, or "".
    std::string type_name_vi, type_name_en;
    std::size_t begin = 0, end = 0;  ///< Code points.
    std::string held_by;             ///< Id of the document in the corpus that is this number, or "".
    Xapian::doccount cited_by = 0;   ///< Documents in the corpus that cite it.
};

/// A quoted passage of checked text and where the corpus has it word for word.
struct CheckedQuote {
    std::string text;
    std::size_t begin = 0, end = 0;  ///< Code points, quotes excluded.
    Xapian::doccount found = 0;      ///< Documents containing it (estimated beyond a thousand).
    std::vector<Hit> documents;      ///< The best of them, with snippets.
};

/// What POST /check answers.
struct CheckResult {
    std::vector<CheckedReference> references;
    std::vector<CheckedQuote> quotes;
};

/// Not thread-safe: give each thread its own (Xapian::Database is not shareable).
class Searcher {
public:
    static constexpr std::size_t kMaxLimit = 100;
    static constexpr std::size_t kMaxOffset = 10000;

    /// Opens the index at @p path.
    /// @throws Xapian::DatabaseOpeningError if there is none; std::runtime_error if it was
    ///         built by an incompatible analyzer or is not a tracuu index.
    explicit Searcher(const std::string& path);

    /// Runs @p request. Errors: "bad_query", "bad_parameter" (the message names the parameter).
    [[nodiscard]] Result<SearchResponse> search(const SearchRequest& request);

    static constexpr std::size_t kMaxSuggestions = 20;

    /// Completions of @p prefix (its last word, or last two as a multi-syllable word, typed
    /// with or without diacritics; or a document number being typed), most frequent first.
    /// Errors: "bad_parameter" for invalid UTF-8, an over-long prefix or a bad @p limit.
    [[nodiscard]] Result<std::vector<Suggestion>> suggest(std::string_view prefix, std::size_t limit = 10);

    /// Checks a text for sources: each document number it cites (held by the corpus? cited by
    /// how many?) and each quoted passage of two words or more (“…” or "…"), with the
    /// documents that contain it word for word, diacritics and quote styles tolerated.
    /// Errors: "bad_parameter" for invalid UTF-8, a text over kMaxCheckBytes or a bad @p limit.
    [[nodiscard]] Result<CheckResult> check(std::string_view text, std::size_t limit = 5);

    static constexpr std::size_t kMaxCheckBytes = 1 << 20;

    /// Ids of the documents that cite document number @p number (canonical or any variant),
    /// at most @p limit, and how many there are in all; the document that is that number is
    /// not counted as citing itself.
    [[nodiscard]] std::pair<std::vector<std::string>, Xapian::doccount> citing(std::string_view number, std::size_t limit);

    /// The whole document with id @p id, or nullopt.
    [[nodiscard]] std::optional<Document> document(std::string_view id);

    [[nodiscard]] Xapian::doccount document_count() const { return db_.get_doccount(); }

    /// Moves to the latest committed revision; cheap when nothing changed.
    void refresh();

private:
    std::string path_;
    Xapian::Database db_;
    Analyzer analyzer_;
    TermMapper terms_;
};

}  // namespace tracuu
