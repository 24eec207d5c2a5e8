/** @file
 * @brief Documents -> a Xapian database on disk.
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "core/document.hpp"
#include "core/terms.hpp"

#include <xapian.h>

#include <optional>
#include <string>

namespace tracuu {

/// Turns a document into its Xapian form. Fills in what the text states and the
/// document lacks: language, publication date, source URL, references.
/// @p doc.text must be valid UTF-8; it is replaced by its NFC form.
[[nodiscard]] Xapian::Document make_xapian_document(Document& doc, const Analyzer& analyzer,
                                                    const TermMapper& terms);

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
