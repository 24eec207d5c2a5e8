/** @file
 * @brief The query path: a database, the analyzer, ranking, snippets. One per thread.
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "core/document.hpp"
#include "core/error.hpp"
#include "core/terms.hpp"

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// Result order.
enum class SortOrder { relevance, date };

/// What facet counts can be asked for.
enum class Facet { lang, type, issuer, year };

/// "lang", "type", "issuer", "year".
[[nodiscard]] std::string_view to_string(Facet facet);

/// Most matches that facets count: beyond, counts cover the first ones examined and
/// SearchResponse::facets_exact is false. Counting costs about 0.5 µs a match (README), so
/// at most about 100 ms.
inline constexpr Xapian::doccount kMaxFacetDocuments = 200000;

/// The facets a user asks for: "true" (all), "false" or "" (none), or a comma-separated
/// list of names ("lang,type"). Error "bad_parameter" naming parameter "facets" otherwise.
[[nodiscard]] Result<std::vector<Facet>> parse_facets(std::string_view text);

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
    std::string type;         ///< Document type: a code, a name or "article", "-" before it to leave it out (resolve_type_filter)
    std::string issuer;       ///< Issuer: a code or a name (resolve_issuer)
    SortOrder sort = SortOrder::relevance;  ///< date: newest first, then by relevance
    std::vector<Facet> facets;  ///< Counts wanted over the whole result set; none by default (they cost a full match).
    Xapian::doccount max_facet_documents = kMaxFacetDocuments;  ///< Matches counted at most (tests lower it).
};

/// One ranked answer. The document's text is not copied into hits.
struct Hit {
    Document document;        ///< Metadata; text left empty.
    std::string snippet;      ///< HTML with <mark> around matches.
    double score = 0;         ///< BM25 weight (plus reference boost).
};

/// One value of a facet and how many matching documents have it.
struct FacetValue {
    std::string value;          ///< "vi", "NĐ", "CP", "2023", "article".
    std::string name_vi;        ///< Type and issuer names ("Nghị định"); empty otherwise or for a code outside the lexicon.
    std::string name_en;        ///< "Decree".
    Xapian::doccount count = 0;
};

/// Counts of one facet, most frequent value first.
struct FacetCounts {
    Facet facet;
    std::vector<FacetValue> values;  ///< At most Searcher::kMaxFacetValues.
};

/// Ranked answers to one request.
struct SearchResponse {
    std::string query;
    Xapian::doccount total = 0;   ///< Matching documents (estimated beyond the first thousand; exact with facets).
    double took_ms = 0;
    std::vector<Hit> hits;
    std::vector<FacetCounts> facets;  ///< In the order asked for; empty unless asked for.
    /// Whether the facets counted every match: false when the result set is larger than
    /// kMaxFacetDocuments, and counts are then those of the first matches examined.
    bool facets_exact = true;
    /// The query with misspelled words corrected (diacritics kept as typed), or "" when no word
    /// needs it or the corrected query would match nothing.
    std::string did_you_mean;
    Xapian::doccount did_you_mean_total = 0;  ///< Documents the corrected query matches (estimated as total is).
    /// With a ref filter, the numbers it stands for, each its own, most cited first: the one
    /// typed whole, or every number a part fits ("45/2019": 45/2019/QH14, 45/2019/NĐ-CP, ...).
    std::vector<std::string> ref_numbers;
    /// Document numbers the query gives whole that no document of the index is or cites, as
    /// they are usually written: the hits match the rest of the query, and did_you_mean, when
    /// no word needs correcting, offers the number the index holds that was likeliest meant
    /// ("46/NĐ-CP" typed without its year: 46/2016/NĐ-CP; "126/2023/NQ-CP": 126/NQ-CP).
    std::vector<std::string> numbers_not_found;
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
    std::string locality;            ///< For a local body's number: its issuer's locality as the text says it, or "".
    /// Id of the document in the corpus that is what it cites, or "": none is, or several
    /// are that number and nothing tells which (ambiguous). When it means several (an
    /// original and its translation), the one in the text's language, else the Vietnamese.
    std::string held_by;
    std::vector<std::string> holders;  ///< Ids of every document in the corpus that is that number.
    bool ambiguous = false;          ///< Several documents are that number and the text does not tell which it cites.
    /// Documents in the corpus citing what it cites: the held_by document, or that locality's
    /// number; every citing document when it is ambiguous.
    Xapian::doccount cited_by = 0;
    /// The year of issued, or, for a number without its year, the year the text gives it alone
    /// ("01/NQ-CP năm 2024") or with another mention of it; "" when none.
    std::string issued_year;
};

/// A span of NFC text in code points: a passage of checked text (quotes excluded), a match in
/// a document's text (Searcher::query_marks).
struct TextSpan {
    std::size_t begin = 0, end = 0;
};

/// A quoted passage of checked text and where the corpus has it word for word. A passage
/// quoted several times is one CheckedQuote, searched once, with every place it is quoted.
struct CheckedQuote {
    std::string text;
    std::size_t begin = 0, end = 0;  ///< Code points, quotes excluded: where it is first quoted.
    std::vector<TextSpan> spans;     ///< Every place it is quoted, in text order (the first included).
    Xapian::doccount found = 0;      ///< Documents containing it (exact: sorting by date sees every match).
    std::vector<Hit> documents;      ///< The oldest of them (the likely source), the undated last, with snippets.
};

/// What POST /check answers.
struct CheckResult {
    std::vector<CheckedReference> references;  ///< At most Searcher::kMaxCheckReferences, in text order.
    std::vector<CheckedQuote> quotes;          ///< At most Searcher::kMaxCheckQuotations distinct passages, in text order.
    /// Whether the text held more references or distinct quotations than those caps: the
    /// first ones are answered, the rest left out.
    bool truncated = false;
};

class Vocabulary;
struct ParsedQuery;

/// Not thread-safe: give each thread its own (Xapian::Database is not shareable). What is
/// derived from a whole index (the spelling vocabulary) is built once per index revision
/// and shared by the searchers of every thread.
class Searcher {
public:
    static constexpr std::size_t kMaxLimit = 100;
    static constexpr std::size_t kMaxOffset = 10000;
    /// Most values returned per facet (the most frequent ones).
    static constexpr std::size_t kMaxFacetValues = 50;

    /// Opens the index at @p path.
    /// @throws Xapian::DatabaseOpeningError if there is none; std::runtime_error if it was
    ///         built by an incompatible analyzer or is not a tracuu index.
    explicit Searcher(const std::string& path);

    /// Runs @p request. Errors: "bad_query", "bad_parameter" (the message names the parameter).
    [[nodiscard]] Result<SearchResponse> search(const SearchRequest& request);

    static constexpr std::size_t kMaxSuggestions = 20;

    /// Completions of @p prefix (its last word, or last two as a multi-syllable word, typed
    /// with or without diacritics; or a document number being typed), most frequent first.
    /// Only the end decides which: in "126/NQ-CP thi h" the words are being typed.
    /// Errors: "bad_parameter" for invalid UTF-8, an over-long prefix or a bad @p limit.
    [[nodiscard]] Result<std::vector<Suggestion>> suggest(std::string_view prefix, std::size_t limit = 10);

    /// Checks a text for sources: each document number it cites (held by the corpus? cited by
    /// how many?) and each quoted passage of two words or more (“…”, "…", ‘…’, '…': core/quotations.hpp), with the
    /// documents that contain it word for word, diacritics and quote styles tolerated, oldest
    /// first (by publication date, the undated after the dated). A passage quoted several times is searched once. At most kMaxCheckReferences
    /// references and kMaxCheckQuotations distinct quotations are answered (CheckResult::truncated).
    /// Errors: "bad_parameter" for an empty or blank text, invalid UTF-8, a text over
    /// kMaxCheckBytes or a bad @p limit.
    [[nodiscard]] Result<CheckResult> check(std::string_view text, std::size_t limit = 5);

    static constexpr std::size_t kMaxCheckBytes = 1 << 20;
    /// Most document numbers a check answers (mentions, in text order). An article cites a
    /// handful, the preamble of a decree some tens; beyond, a text is a list of numbers, and
    /// each costs a lookup and about 300 bytes of answer.
    static constexpr std::size_t kMaxCheckReferences = 100;
    /// Most distinct quotations a check searches. An article quotes a handful of passages;
    /// each costs a phrase search and up to `limit` snippets, about a millisecond at limit 5,
    /// so a check stays well under a second.
    static constexpr std::size_t kMaxCheckQuotations = 100;

    /// Ids of the documents whose citation means document @p id (a legal document with its
    /// own number; core/links.hpp documents_citing), newest first, at most @p limit, and how
    /// many there are in all. Not by number alone: many provinces issue a 40/2026/QĐ-UBND.
    [[nodiscard]] std::pair<std::vector<std::string>, Xapian::doccount> cited_by(std::string_view id, std::size_t limit);

    /// The whole document with id @p id, or nullopt.
    [[nodiscard]] std::optional<Document> document(std::string_view id);

    /// Where @p query matches the text of @p doc (a document of this index, whose stored text
    /// is NFC), as search matched it and its snippets mark it (find_marks): code points of the
    /// text, in text order. Errors as search's for a malformed query ("bad_query").
    [[nodiscard]] Result<std::vector<TextSpan>> query_marks(std::string_view query, const Document& doc);

    [[nodiscard]] Xapian::doccount document_count() const { return db_.get_doccount(); }

    /// The open database and the index's analyzer, for the other readers of the index
    /// (core/links.hpp) on this searcher's thread.
    [[nodiscard]] const Xapian::Database& database() const { return db_; }
    [[nodiscard]] const Analyzer& analyzer() const { return analyzer_; }

    /// Moves to the latest committed revision; cheap when nothing changed.
    /// @throws Xapian::NetworkError when a remote shard cannot be reached.
    void refresh();

    /// Opens the index afresh: new connections to remote shards, after a Xapian::NetworkError
    /// (a shard server restarted, or closed a connection left idle).
    /// @throws Xapian::NetworkError when a remote shard still cannot be reached.
    void reconnect() { db_ = Xapian::Database(path_); }

    /// Which revision of the index this searcher reads, as a key for what is derived from it:
    /// the database's UUID and commit number, or for a sharded index (several databases,
    /// no single commit number) what a commit changes: document count, last docid, total length.
    [[nodiscard]] std::string revision() const;

private:
    /// The spelling vocabulary of the current revision (or a recent one), built on first need.
    [[nodiscard]] std::shared_ptr<const Vocabulary> vocabulary();
    /// The query with rare words replaced by frequent near ones, or "" (SearchResponse::did_you_mean).
    [[nodiscard]] std::string corrected_query(const ParsedQuery& parsed);
    /// The number the index holds that @p typed, which it does not, likeliest stands for: the
    /// same serial and codes with the year left out or put in, the most cited such; nullopt
    /// when there is none.
    [[nodiscard]] std::optional<DocumentNumber> number_meant(const DocumentNumber& typed) const;
    /// In how many English documents folded word @p folded occurs (as its stem: only they have
    /// stems); 0 for a word that is no English-looking word.
    [[nodiscard]] Xapian::doccount english_documents(const std::string& folded) const;

    std::string path_;
    Xapian::Database db_;
    Analyzer analyzer_;
    TermMapper terms_;
};

}  // namespace tracuu
