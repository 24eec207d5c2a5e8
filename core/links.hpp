/** @file
 * @brief Links between documents (issue 6): who cites a legal document number and how,
 *        which numbers the corpus knows, and which documents are related to a text or to
 *        a document across languages.
 *
 * References. Each document has an XR term per number it cites and, per (relation,
 * number), a boolean XC term ("XCimplements:126/nq-cp", see citation_term), so the
 * citing documents of a number are grouped by relation with one posting list a group.
 *
 * Related documents. A translation shares almost no words with its original, so words
 * alone cannot find it. It does share what a journalist would check: the document numbers
 * it cites, the names of people and places, the dates it mentions. A candidate's score is
 * the sum of what it shares with the source, each item weighing its inverse document
 * frequency, ln((N + 1) / df), so that a rare number or name counts more than a common one:
 *
 *     score = text + Σ shared references + Σ shared names + Σ shared dates
 *
 * - text: BM25 of the source's informative words (core/related.hpp) over that query's
 *   upper bound (0..1), times ln(N + 1), the weight of the rarest possible item;
 * - references: numbers both cite (idf of the XR term); the number a candidate is, cited
 *   by the source, or the source's own number, cited by the candidate: ln(N + 1);
 * - names: runs of two or more capitalized words ("Nguyễn Thanh Bình"), compared folded
 *   ("Nguyen Thanh Binh"), the longest run both texts contain (so "Committee Nguyen Thanh
 *   Binh" shares "Nguyen Thanh Binh"); df is that of its rarest word, an upper bound;
 * - dates: full dates written in either language ("14/8/2023", "ngày 06 tháng 7 năm
 *   2022", "August 14, 2023"), or the publication date of one that the other mentions;
 *   df counts the documents that mention the date or were published on it.
 *
 * Candidates come from two searches, so that a translation is considered even when many
 * same-language documents share more words: the informative words, and the shared items
 * (XR and XN terms, names and dates as phrases of folded words).
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "analyzers/reference.hpp"
#include "core/error.hpp"

#include <xapian.h>

#include <array>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// Every relation, in the order answers list their groups.
inline constexpr std::array<Relation, 7> kRelations = {Relation::based_on, Relation::implements, Relation::amends,
                                                       Relation::replaces, Relation::repeals,    Relation::guides,
                                                       Relation::cites};

/// The boolean term of a document citing number @p key (DocumentNumber::key()) with
/// @p relation (to_string(Relation)): "XCimplements:126/nq-cp".
[[nodiscard]] std::string citation_term(std::string_view relation, std::string_view key);

/// What a document number is, from its codes and the code lexicon.
struct ReferenceDescription {
    std::string canonical;   ///< "69-QĐ/TW"
    std::string key;         ///< "69/qd-tw": the form index terms hold.
    std::string number;      ///< Serial as written: "69", "30a".
    int year = 0;            ///< 0 when the number has none.
    std::string type_code;   ///< "QĐ"; "" when the number names no known type.
    std::string type_vi;     ///< "Quy định" (a Party QĐ), "Quyết định" otherwise; "" if unknown.
    std::string type_en;     ///< "Regulation", "Decision"; "" if unknown.
    std::vector<Issuer> issuers;  ///< The other codes, named when the lexicon knows them.
};

/// Describes @p number: type and issuers with their Vietnamese and English names.
[[nodiscard]] ReferenceDescription describe_reference(const DocumentNumber& number);

/// A document in a listing.
struct DocumentSummary {
    std::string id;
    std::string title;
    std::string lang;   ///< "vi", "en" or "".
    std::string date;   ///< Publication date, ISO, or "".
};

/// The documents citing a number with one relation.
struct CitationGroup {
    Relation relation = Relation::cites;
    Xapian::doccount total = 0;               ///< All of them.
    std::vector<DocumentSummary> documents;   ///< Newest first, one page.
};

/// What GET /references/{ref} answers.
struct ReferenceReport {
    ReferenceDescription reference;
    std::vector<DocumentSummary> held_by;  ///< The documents that are this number (XN), usually one or none.
    /// Distinct documents citing it, the ones that are it excepted (as /documents cited_by
    /// counts); a document citing it two ways is in two groups but counted once here.
    Xapian::doccount total = 0;
    std::vector<CitationGroup> groups;     ///< One per relation asked for, in kRelations order, empty ones included.
};

/// Which citing documents a reference report lists.
struct ReferencePage {
    std::size_t limit = 10;               ///< Per group, 1..kMaxLinksLimit.
    std::size_t offset = 0;               ///< Per group, 0..kMaxLinksOffset.
    std::optional<Relation> relation;     ///< Only this group (to page through it).
};

inline constexpr std::size_t kMaxLinksLimit = 100;     ///< Largest page of any links answer.
inline constexpr std::size_t kMaxLinksOffset = 10000;  ///< Deepest page of a citation group.

/// Parses "based_on", "implements", ...; nullopt for anything else.
[[nodiscard]] std::optional<Relation> parse_relation(std::string_view name);

/// Document number @p ref (any written variant) with the documents that are it and those
/// citing it, grouped by relation. A valid number nobody cites is an answer with zero
/// counts. Errors: "bad_parameter" when @p ref is no document number or @p page is out of range.
[[nodiscard]] Result<ReferenceReport> reference_report(const Xapian::Database& db, std::string_view ref,
                                                       const ReferencePage& page = {});

/// One document number the index knows, for GET /references.
struct ReferenceCount {
    ReferenceDescription reference;
    Xapian::doccount citing = 0;   ///< Documents citing it, the ones that are it excepted.
    bool in_corpus = false;        ///< Whether a document is that number.
};

/// The numbers cited in the index that start as @p prefix is typed (any variant: "126/n",
/// "15/2020", "69-QD"), or with an empty @p prefix every number; most cited first, then by
/// key. Errors: "bad_parameter" for a prefix that is not the start of a number (it must
/// begin with digits), invalid UTF-8, or a @p limit out of 1..kMaxLinksLimit.
[[nodiscard]] Result<std::vector<ReferenceCount>> list_references(const Xapian::Database& db, std::string_view prefix,
                                                                  std::size_t limit = 20);

/// A number both the source and the related document link to, and how.
struct SharedReference {
    std::string reference;  ///< Canonical: "126/NQ-CP".
    /// "both_cite"; "source_cites_it" (the related document is that number);
    /// "cites_source" (the source is that number).
    std::string how;
    double weight = 0;
};

/// A name both texts contain.
struct SharedName {
    std::string name;     ///< As the source writes it: "Nguyen Thanh Binh".
    std::string written;  ///< As the related document writes it: "Nguyễn Thanh Bình".
    double weight = 0;
};

/// A date both texts give.
struct SharedDate {
    std::string date;  ///< ISO: "2023-08-14".
    double weight = 0;
};

/// One related document and why.
struct RelatedDocument {
    DocumentSummary document;
    double score = 0;                    ///< text + the weights below.
    double text = 0;                     ///< Weight of the shared words.
    std::vector<std::string> words;      ///< The most informative words shared, best first (at most 8).
    std::vector<SharedReference> references;
    std::vector<SharedName> names;
    std::vector<SharedDate> dates;
};

inline constexpr std::size_t kMaxRelatedTextBytes = 1 << 20;  ///< Longest text POST /related takes.

/// The @p limit documents most related to document @p id, itself excluded, best first.
/// Errors: "not_found" for an unknown id; "bad_parameter" for @p limit out of 1..kMaxLinksLimit.
[[nodiscard]] Result<std::vector<RelatedDocument>> related_to_document(const Xapian::Database& db, const Analyzer& analyzer,
                                                                       std::string_view id, std::size_t limit = 10);

/// The @p limit documents most related to @p text, best first; the text is read as the
/// indexer reads a document (boilerplate left out, a dateline as its date), so an indexed
/// document's own text finds that document first. Errors: "bad_parameter" for
/// an empty or blank text, invalid UTF-8 or a bad @p limit; "payload_too_large" over
/// kMaxRelatedTextBytes.
[[nodiscard]] Result<std::vector<RelatedDocument>> related_to_text(const Xapian::Database& db, const Analyzer& analyzer,
                                                                   std::string_view text, std::size_t limit = 10);

/// Full dates @p text writes, in either language ("14/08/2023", "ngày 14 tháng 8 năm 2023",
/// "August 14, 2023", "2023-08-14"), as ISO dates.
[[nodiscard]] std::set<std::string> mentioned_dates(std::string_view text);

/// Every way the index may hold ISO date @p iso: written in figures with any separator and
/// padding, in words in either language, and as a publication date.
[[nodiscard]] Xapian::Query date_query(const std::string& iso);

}  // namespace tracuu
