/** @file
 * @brief Documents -> a Xapian database on disk.
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "core/document.hpp"
#include "core/terms.hpp"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tracuu {

/// Longest author term kept, in bytes (Xapian terms hold at most 245).
inline constexpr std::size_t kMaxAuthorTermBytes = 160;
/// Longest law key indexed as a term (schema::kLawPrefix); a law's name is far shorter.
inline constexpr std::size_t kMaxLawTermBytes = 160;

/// A document's text and title, analyzed as the indexer reads them.
struct DocumentAnalysis {
    Analysis body;   ///< Its text has been moved into the document (body.text is empty).
    Analysis title;  ///< Numbered after the body, with a gap, for titles the body does not open with.
};

/// The analysis half of make_xapian_document, all that the indexer derives from a document's
/// text before any term is written: the tokens of text and title, and what the text states and
/// the document lacks (language, publication date, source URL, author, its own number,
/// references and their relations, the boilerplate ranges). @p doc.text must be valid UTF-8;
/// it is replaced by its NFC form, and @p doc.title by its own.
[[nodiscard]] DocumentAnalysis analyze_document(Document& doc, const Analyzer& analyzer);
/// The same into @p into, reusing its buffers (Analyzer::analyze into an Analysis).
void analyze_document(Document& doc, const Analyzer& analyzer, DocumentAnalysis& into);

/// Turns a document into its Xapian form: analyze_document, then the postings (boilerplate
/// left out), boolean terms, value slots and stored data. Pure: safe to run in many threads
/// at once, each with its own @p terms.
[[nodiscard]] Xapian::Document make_xapian_document(Document& doc, const Analyzer& analyzer,
                                                    const TermMapper& terms);
/// The same, analyzing into @p workspace: a thread that makes document after document keeps
/// one, and allocates less for each (analyze_document into a DocumentAnalysis).
[[nodiscard]] Xapian::Document make_xapian_document(Document& doc, const Analyzer& analyzer,
                                                    const TermMapper& terms, DocumentAnalysis& workspace);

/// A content hash as stored in schema::kContentHashSlot: 16 lower-case hex digits.
[[nodiscard]] std::string content_hash_value(std::uint64_t hash);

/// The schema::kSourcePrefix term of a source file's absolute path.
[[nodiscard]] std::string source_term(std::string_view absolute_path);

/// Writes documents to one database. Re-adding an id replaces that document.
class IndexWriter {
public:
    /// Opens or creates the database at @p path. A new database records @p options (default:
    /// AnalyzerOptions{}); an existing one keeps those it was built with.
    /// @throws Xapian::DatabaseLockError when another writer holds it,
    ///         std::runtime_error when it was built by an incompatible analyzer or with
    ///         other options than @p options.
    explicit IndexWriter(const std::string& path, std::optional<AnalyzerOptions> options = std::nullopt);

    /// Analyzes and adds (or replaces) @p doc; the document is updated as in make_xapian_document.
    void add(Document& doc);

    /// Makes everything added so far durable and visible to readers.
    void commit();

    [[nodiscard]] Xapian::doccount document_count() const { return db_.get_doccount(); }

private:
    Xapian::WritableDatabase db_;
    Analyzer analyzer_;
    TermMapper terms_;
};

}  // namespace tracuu
