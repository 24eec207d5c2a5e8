/** @file
 * @brief Index side of the schema: postings, boolean terms, value slots, stored data.
 */
#include "core/index_writer.hpp"

#include "core/index_metadata.hpp"
#include "core/metadata.hpp"
#include "core/schema.hpp"

#include <map>

namespace tracuu {
namespace {

// Whether @p title (perhaps shortened with "…") is how @p text begins.
bool title_opens_text(std::string_view title, std::string_view text) {
    constexpr std::string_view ellipsis = "…";
    if (title.size() >= ellipsis.size() && title.substr(title.size() - ellipsis.size()) == ellipsis)
        title.remove_suffix(ellipsis.size());
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    return !title.empty() && start != std::string_view::npos && text.substr(start, title.size()) == title;
}

}  // namespace

Xapian::Document make_xapian_document(Document& doc, const Analyzer& analyzer, const TermMapper& terms) {
    Analysis body = analyzer.analyze(doc.text);
    doc.text = std::move(body.text);
    body.text.clear();
    const Analysis title = analyzer.analyze(doc.title);
    doc.title = title.text;

    if (doc.lang.empty()) doc.lang = detect_language(body);
    if (doc.date.empty()) doc.date = find_publication_date(doc.text);
    if (doc.url.empty()) doc.url = find_source_url(doc.text);

    const bool stem = doc.lang == "en";
    Xapian::Document xdoc;
    for (const Token& token : body.tokens) terms.index_token(xdoc, token, stem);
    // A plain-text document's title is its first line and so already in the body; a
    // JSONL title is not, and its words must be found too.
    if (!title_opens_text(doc.title, doc.text)) {
        const std::uint32_t after_body = body.tokens.empty() ? 0 : body.tokens.back().position + 2;
        const Analysis shifted = analyzer.analyze(doc.title, after_body);
        for (const Token& token : shifted.tokens) terms.index_token(xdoc, token, stem);
        for (const auto& mention : shifted.references) body.references.push_back(mention);
    }
    for (const Token& token : title.tokens) xdoc.add_boolean_term(std::string(schema::kTitlePrefix) + token.folded);

    // References: one term per distinct key, wdf = number of mentions.
    std::map<std::string, unsigned> mentions;
    doc.references.clear();
    for (const ReferenceMention& mention : body.references) {
        const std::string term = TermMapper::reference_term(mention.number);
        if (mentions[term]++ == 0) doc.references.push_back(mention.number.canonical());
    }
    for (const auto& [term, count] : mentions) xdoc.add_term(term, count);

    xdoc.add_boolean_term(std::string(schema::kIdPrefix) + doc.id);
    if (!doc.lang.empty()) xdoc.add_boolean_term(std::string(schema::kLanguagePrefix) + doc.lang);
    if (doc.date.size() == 10) {
        const std::string compact = doc.date.substr(0, 4) + doc.date.substr(5, 2) + doc.date.substr(8, 2);
        xdoc.add_boolean_term(std::string(schema::kDatePrefix) + compact);
        xdoc.add_boolean_term(std::string(schema::kYearPrefix) + doc.date.substr(0, 4));
        xdoc.add_value(schema::kDateSlot, compact);
    }
    xdoc.set_data(to_stored_json(doc));
    return xdoc;
}

IndexWriter::IndexWriter(const std::string& path, std::optional<AnalyzerOptions> options)
    : db_(path, Xapian::DB_CREATE_OR_OPEN), analyzer_(stamp_or_read_analyzer_options(db_, path, options)) {}

void IndexWriter::add(Document& doc) {
    Xapian::Document xdoc = make_xapian_document(doc, analyzer_, terms_);
    db_.replace_document(std::string(schema::kIdPrefix) + doc.id, xdoc);
}

void IndexWriter::commit() { db_.commit(); }

}  // namespace tracuu
