/** @file
 * @brief Links between documents (issue 6): who cites a legal document number and how,
 *        which numbers the corpus knows, and which documents are related to a text or to
 *        a document across languages.
 *
 * References. Each document has an XR term per number it cites and, per (relation,
 * number), a boolean XC term ("XCimplements:126/nq-cp", see citation_term), so the
 * citing documents of a number are grouped by relation with one posting list a group.
 *
 * Numbers are not unique: many provinces issue a 40/2026/QĐ-UBND, and a number without its
 * year (126/NQ-CP) comes back every few years. A document that is a local body's number has an
 * XL term for its locality, and a citation of such a number an XK term for the locality it
 * means ("XK40/2026/qd-ubnd:quang ninh"), as the text says it or as the citing document's own;
 * a citation of a number without its year, dated by its text, an XV term for the year
 * ("XV126/nq-cp:2023"). NumberHolders tells from these which of the documents that are a
 * number a citation means, and never picks one when it cannot be told.
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
 * - references: numbers both cite (idf of the XR term; a local body's number as one
 *   locality's); the number a candidate is, cited by the source, or the source's own number,
 *   cited by the candidate, when the citation means that document (NumberHolders): ln(N + 1);
 * - names: runs of two or more capitalized words ("Nguyễn Thanh Bình"), cut at titles and
 *   offices ("Vice Chairman", "Committee", "Phó Chủ Tịch": names_in), compared folded
 *   ("Nguyen Thanh Binh"), the longest run both texts contain; df is that of its rarest
 *   word, an upper bound. A run in capitals throughout is a heading ("ỦY BAN NHÂN DÂN",
 *   "QUYẾT ĐỊNH"), no name;
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
#include "core/document.hpp"
#include "core/error.hpp"
#include "core/query.hpp"

#include <xapian.h>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tracuu {

/// Every relation, in the order answers list their groups.
inline constexpr std::array<Relation, 7> kRelations = {Relation::based_on, Relation::implements, Relation::amends,
                                                       Relation::replaces, Relation::repeals,    Relation::guides,
                                                       Relation::cites};

/// The boolean term of a document citing number @p key (DocumentNumber::key()) with
/// @p relation (to_string(Relation)): "XCimplements:126/nq-cp".
[[nodiscard]] std::string citation_term(std::string_view relation, std::string_view key);

/// The boolean term of a document issued by a body of locality @p locality_key
/// (analyzers/locality.hpp locality_key): "XLquang ninh".
[[nodiscard]] std::string locality_term(std::string_view locality_key);

/// The boolean term of a document citing local body's number @p key as locality
/// @p locality_key's: "XK40/2026/qd-ubnd:quang ninh".
[[nodiscard]] std::string cited_locality_term(std::string_view key, std::string_view locality_key);

/// The boolean term of a document citing number @p key, which has no year of its own, as
/// issued in @p year ("2023"), as its text dates it: "XV126/nq-cp:2023".
[[nodiscard]] std::string cited_year_term(std::string_view key, std::string_view year);

/// What a citation says of the document it means, beyond its number: enough to tell apart
/// the documents that are one number (NumberHolders).
struct CitedAs {
    std::string locality;     ///< locality_key of the locality it names or implies; "" for none.
    /// For a number without its year: the year of the issue date its text gives; else "".
    std::string year;
    /// The citing document's date (ISO), "" if unknown: when several years' documents are the
    /// number, one issued after it cannot be the one meant.
    std::string citer_date;
    auto operator<=>(const CitedAs&) const = default;
};

/// How @p citation, one of @p citer's (Document::citations), cites its number.
[[nodiscard]] CitedAs cited_as(const Citation& citation, const Document& citer);

/// Gives each of one text's @p mentions that states no issue date (or year) the one date (or
/// year) the text states for that number elsewhere, if it states one: the press dates a number
/// once, and "triển khai Nghị quyết 126/NQ-CP" in the headline is the text's "Nghị quyết số
/// 126/NQ-CP ngày 14/8/2023".
void date_every_mention(std::vector<Citation>& mentions);

/// Every document citing number @p key: those mentioning it (XR), less the documents that
/// are it (XN) naming themselves, plus those among them citing another locality's number
/// that is the same (XK). The `ref` filter; NumberHolders::citing_any.
[[nodiscard]] Xapian::Query citing_number(std::string_view key);

/// Most numbers a lookup in part stands for (keys_looked_up).
inline constexpr std::size_t kMaxNumbersLookedUp = 100;

/// The keys of the numbers that @p lookup fits (analyzers/document_number.hpp): its own for a
/// whole number; for a part ("45/2019", "QĐ 1880"), those the index's documents cite, most
/// cited first, at most kMaxNumbersLookedUp. Each stays its own number: none are merged.
[[nodiscard]] std::vector<std::string> keys_looked_up(const Xapian::Database& db, const NumberLookup& lookup);

/// Every document citing one of the numbers @p keys (citing_number of each, as keys_looked_up
/// gives them); nothing when there are none.
[[nodiscard]] Xapian::Query citing_any_of(const std::vector<std::string>& keys);

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

/// The documents that are one number (XN), and which of them a citation of it means.
///
/// A citation naming a locality (as its text says, or its citing document's own) means the
/// holders of that locality (analyzers/locality.hpp same_locality); when none is of it, the
/// holders of unknown locality, which may be; else none (it cites a document the corpus lacks).
/// A citation naming none means every holder when they are all of one locality (one
/// document, or it and its translation) and is ambiguous otherwise: it means none of them.
/// Then, for a number without its year: a citation dated by its text means the holders of
/// that year (and the undated, which may be), none when they are all of other years, as
/// when the one holder is the 69-QĐ/TW of 2022 and the text cites that of 2017; one without
/// a date, when holders are of several years, those issued by the citing document's date
/// when they are of one year, and is ambiguous otherwise.
/// Holders are listed Vietnamese first (Vietnamese legal documents are the originals, the
/// others their translations), then by id.
class NumberHolders {
public:
    struct Holder {
        Xapian::docid docid = 0;
        DocumentSummary document;
        std::string locality;      ///< Of its issuer, as written ("Quảng Ninh"); "" when unknown.
        std::string locality_key;  ///< locality_key(locality).
        std::string year;          ///< For a number without its year, the year of its date; else "".
        std::string article_order; ///< Of an article of the law the number is: article_order_key.
    };

    /// Reads the documents that are number @p key (DocumentNumber::key()) and the localities
    /// it is cited as.
    NumberHolders(const Xapian::Database& db, std::string key);

    [[nodiscard]] const std::vector<Holder>& holders() const { return holders_; }

    /// The one of @p meant (holders of one number, in holders() order) to show a reader of a
    /// text in @p language ("vi", "en", "" unknown): one in that language, else the first,
    /// Vietnamese, the original. Null when @p meant is empty.
    [[nodiscard]] static const Holder* preferred(const std::vector<const Holder*>& meant, std::string_view language);

    /// What a citation of the number means.
    struct Meaning {
        /// The holders it means; empty when it means a document the corpus lacks, or cannot be told.
        std::vector<const Holder*> meant;
        bool ambiguous = false;  ///< It could mean several holders and nothing tells which.
    };

    /// What a citation of the number @p cited so means.
    [[nodiscard]] Meaning meaning(const CitedAs& cited) const;

    /// meaning(@p cited).meant.
    [[nodiscard]] std::vector<const Holder*> meant_by(const CitedAs& cited) const { return meaning(cited).meant; }

    /// The documents whose citation of the number means one of @p meant, these excepted.
    [[nodiscard]] Xapian::Query citing(const std::vector<const Holder*>& meant) const;

    /// The documents citing the number as the same locality's as @p cited names (any, if it
    /// names none) and of the year it names (any, if none). Its citer_date is not read.
    [[nodiscard]] Xapian::Query citing_as(const CitedAs& cited) const;

    /// Every document citing the number, a holder naming itself excepted (citing_number).
    [[nodiscard]] Xapian::Query citing_any() const { return citing_number(key_); }

private:
    [[nodiscard]] Xapian::Query citing_without_locality() const;
    // The documents citing the number as locality @p locality's ("": naming none) and as of
    // @p year ("": naming none).
    [[nodiscard]] Xapian::Query citing_so(const std::string& locality, const std::string& year) const;

    std::string key_;
    std::vector<Holder> holders_;
    std::vector<std::string> cited_localities_;  // the localities of its XK terms
    std::vector<std::string> cited_years_;       // the years of its XV terms
    bool several_years_ = false;                 // holders of more than one year
};

/// A document citing a number, and which of the documents that are it the citation means.
struct CitingDocument {
    DocumentSummary document;
    std::string locality;               ///< The locality its citation names or implies, as written; "" when none.
    std::vector<std::string> holders;   ///< Ids of the held_by documents it means; empty when none is or it is ambiguous.
    bool ambiguous = false;             ///< Several documents are the number and nothing tells which it means.
};

/// The documents citing a number with one relation.
struct CitationGroup {
    Relation relation = Relation::cites;
    Xapian::doccount total = 0;               ///< All of them.
    std::vector<CitingDocument> documents;    ///< Newest first, one page.
};

/// A document that is the number reported on.
struct HeldBy {
    DocumentSummary document;
    std::string locality;            ///< Of its issuer, as written; "" when unknown or not a local body's number.
    Xapian::doccount cited_by = 0;   ///< Documents whose citation of the number means this one (of ReferencePage::type).
};

/// What GET /references/{ref} answers.
struct ReferenceReport {
    ReferenceDescription reference;
    /// The documents that are this number (XN): usually one or none; several provinces' for a
    /// local body's number, or a document and its translation.
    std::vector<HeldBy> held_by;
    /// Distinct documents citing it, the ones that are it excepted (as /documents cited_by
    /// counts, unless ReferencePage::type filters them); a document citing it two ways is in
    /// two groups but counted once here.
    Xapian::doccount total = 0;
    std::vector<CitationGroup> groups;     ///< One per relation asked for, in kRelations order, empty ones included.
};

/// Which citing documents a reference report lists.
struct ReferencePage {
    std::size_t limit = 10;               ///< Per group, 1..kMaxLinksLimit.
    std::size_t offset = 0;               ///< Per group, 0..kMaxLinksOffset.
    std::optional<Relation> relation;     ///< Only this group (to page through it).
    /// Only citing documents of this type, or not of it ("-article": legal documents only);
    /// every count of the report then counts those only.
    std::optional<TypeFilter> type;
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

/// The documents whose citation means document @p id (one that is a legal document with
/// its own number; see NumberHolders), newest first, at most @p limit, and how many there
/// are in all; nothing for an unknown id or a document without its own number.
[[nodiscard]] std::pair<std::vector<std::string>, Xapian::doccount> documents_citing(const Xapian::Database& db,
                                                                                     std::string_view id, std::size_t limit);

/// One document number the index knows, for GET /references.
struct ReferenceCount {
    ReferenceDescription reference;
    Xapian::doccount citing = 0;   ///< Documents citing it, the ones that are it excepted.
    bool in_corpus = false;        ///< Whether a document is that number.
};

/// The documents citing or being each number whose key begins with @p key_prefix ("126/",
/// "45/2019"), by key: the postings of its reference terms (XR, citing it) and own-number
/// terms (XN, a code held article by article under "45/2019/QH14" that nobody cites), reading
/// at most @p max_scanned terms of each kind.
[[nodiscard]] std::map<std::string, Xapian::doccount> number_postings(const Xapian::Database& db, std::string_view key_prefix,
                                                                      std::size_t max_scanned);

/// The numbers cited in the index, or held by a document of it, that start as @p prefix is typed (any variant: "126/n",
/// "15/2020", "69-QD"), or with an empty @p prefix every number; most cited first, then by
/// key. Errors: "bad_parameter" for a prefix that is not the start of a number (it must
/// begin with digits), invalid UTF-8, or a @p limit out of 1..kMaxLinksLimit.
[[nodiscard]] Result<std::vector<ReferenceCount>> list_references(const Xapian::Database& db, std::string_view prefix,
                                                                  std::size_t limit = 20);

/// A number both the source and the related document link to, and how.
struct SharedReference {
    std::string reference;  ///< Canonical: "126/NQ-CP".
    /// "both_cite" (as the same locality's, or either without one); "source_cites_it" (the
    /// related document is the number the source cites, as NumberHolders tells);
    /// "cites_source" (the source is the number the related document cites); "same_number"
    /// (both are that number: a translation, or another copy of the same document).
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

/// The exact number of documents matching @p query.
[[nodiscard]] Xapian::doccount exact_count(const Xapian::Database& db, const Xapian::Query& query);

/// The names related documents compare in @p text (NFC), as written, in text order: runs of
/// two or more capitalized words, cut at titles and offices ("Vice Chairman of the Provincial
/// People's Committee Nguyen Thanh Binh" names "Nguyen Thanh Binh" only), trimmed of function
/// words, headings in capitals and document numbers' codes left out. @p db tells the compounds
/// a capitalized word begins ("Phó Chủ tịch": no name).
[[nodiscard]] std::vector<std::string> names_in(std::string_view text, const Xapian::Database& db);

/// A full date written in a text.
struct DateMention {
    std::size_t begin = 0, end = 0;  ///< Byte span.
    std::string iso;                 ///< "2023-08-14"
};

/// Full dates @p text writes, in either language ("14/08/2023", "ngày 14 tháng 8 năm 2023",
/// "August 14, 2023", "2023-08-14"), in text order.
[[nodiscard]] std::vector<DateMention> date_mentions(std::string_view text);

/// The ISO dates of date_mentions(@p text).
[[nodiscard]] std::set<std::string> mentioned_dates(std::string_view text);

/// Every way the index may hold ISO date @p iso: written in figures with any separator and
/// padding, in words in either language, and as a publication date.
[[nodiscard]] Xapian::Query date_query(const std::string& iso);

}  // namespace tracuu
