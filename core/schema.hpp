/** @file
 * @brief The index schema: every term prefix, value slot and metadata key, in one place.
 *
 * Prefixes follow Omega's conventions (Q unique id, L language, D date, Z stem, X... for
 * our own), so xapian-delve and quest can read a tracuu index too. The README has this
 * table with examples.
 */
#pragma once

#include <string_view>

namespace tracuu::schema {

// Free-text terms. A word is always indexed in its folded form, unprefixed, with
// positions; when it carries diacritics its exact form is indexed too, without positions
// (they would repeat its folded form's). A query with diacritics asks for both, so exact
// matches rank above folded-only ones while folded text is still found.
inline constexpr std::string_view kExactPrefix = "XE";      ///< XEnghị, XEthi_hành: exact form, no positions.
/// A word whose folded form says all its exact form does ("pháp_luật", the only dictionary word
/// that folds to "phap_luat") has no exact term; this one term takes its wdf instead, so that
/// the document's length (the sum of its wdf, by which BM25 divides) is what it was with them.
inline constexpr std::string_view kImpliedExactTerm = "XW";
inline constexpr std::string_view kStemPrefix = "Z";        ///< Zimplement: English stem, no positions.
/// Snghi: folded title word, with its positions in the title (for title:"…") and no wdf.
inline constexpr std::string_view kTitlePrefix = "S";
/// XFHà_Nội, XFQuốc_hội: a multi-syllable dictionary word as the document writes it with
/// capitals, where that tells its case (TermMapper::capitalized_word_term; boolean). The other
/// terms are case-folded; /suggest shows a word as most documents write it.
inline constexpr std::string_view kCapitalizedWordPrefix = "XF";

// Boolean (filter) terms.
inline constexpr std::string_view kIdPrefix = "Q";          ///< Q001_a0a33c27a62ce187: unique id.
inline constexpr std::string_view kLanguagePrefix = "L";    ///< Lvi, Len.
inline constexpr std::string_view kDatePrefix = "D";        ///< D20230922: publication date.
inline constexpr std::string_view kYearPrefix = "Y";        ///< Y2023: publication year.
inline constexpr std::string_view kReferencePrefix = "XR";  ///< XR126/nq-cp: cites this document number (wdf = mentions).
inline constexpr std::string_view kNumberPrefix = "XN";     ///< XN15/2020/nd-cp: the document's own number (it is that legal document).
inline constexpr std::string_view kAuthorPrefix = "A";      ///< Ale kong: folded author or byline, whole.
/// XP/srv/news/a.txt: the source file, absolute (shared by the records of one JSONL file).
/// Longer paths end in "#" and a hash of the whole path, to stay within Xapian's 245 bytes.
inline constexpr std::string_view kSourcePrefix = "XP";
/// XTnd, XTarticle: the document's type, for filters. A legal document with its own number
/// has its type code (core/query.hpp, legal_kind_of), folded as reference keys are; a press
/// article without its own number has "article".
inline constexpr std::string_view kTypePrefix = "XT";
/// XIcp, XIbtc: an issuer named by the document's own number, folded (one term per issuer).
inline constexpr std::string_view kIssuerPrefix = "XI";
/// XCimplements:126/nq-cp: cites this number with this relation (analyzers/reference.hpp;
/// built by core/links.hpp citation_term), so citing documents group by relation.
inline constexpr std::string_view kCitationPrefix = "XC";
/// XLquang ninh: the locality of the body that issued the document, when its own number is
/// a local body's (UBND, HĐND, ...: numbers that every province issues), folded
/// (analyzers/locality.hpp locality_key; built by core/links.hpp locality_term).
inline constexpr std::string_view kLocalityPrefix = "XL";
/// XK40/2026/qd-ubnd:quang ninh: cites this local body's number as that locality's, as the
/// text says it or, failing that, as the citing document's own locality (core/links.hpp
/// cited_locality_term). A document naming its own number has none for it.
inline constexpr std::string_view kCitedLocalityPrefix = "XK";
/// XV126/nq-cp:2023: cites this number, which has no year of its own (it comes back every few
/// years), as issued that year, as the text dates it (core/links.hpp cited_year_term).
inline constexpr std::string_view kCitedYearPrefix = "XV";
/// XA173: the document is that article of a law (Document::article, analyzers/legal_article.hpp article_key).
inline constexpr std::string_view kArticlePrefix = "XA";
/// XUbo luat hinh su: the document is an article of that law (Document::law, law_key), whole.
inline constexpr std::string_view kLawPrefix = "XU";

// Value slots.
inline constexpr unsigned kDateSlot = 0;  ///< Publication date as YYYYMMDD, for sorting and ranges.
/// Content hash as 16 hex digits: the raw input bytes, the analyzer version and options and
/// the reader version; the indexer skips a document whose hash has not changed.
inline constexpr unsigned kContentHashSlot = 1;
// Facet slots: what a match spy counts over a whole result set (year comes from kDateSlot).
inline constexpr unsigned kLanguageSlot = 2;  ///< "vi", "en".
inline constexpr unsigned kTypeSlot = 3;      ///< Type code in its canonical spelling: "NĐ", "QĐi", "article".
/// Issuer codes in their canonical spelling, separated by kIssuerSeparator: "BTC\tBTP".
inline constexpr unsigned kIssuerSlot = 4;
inline constexpr char kIssuerSeparator = '\t';
/// The document's id, as its Q term holds it: a hit's id without reading its termlist or data
/// (a thousand hits' ids take about 1 ms from values, 76 ms from termlists, 190 ms from data).
inline constexpr unsigned kIdSlot = 5;
/// An article's place in its law (article_order_key: "0173"): a law's articles, or a
/// number's, equal in weight, come in their law's order.
inline constexpr unsigned kArticleSlot = 6;

// Database metadata keys.
inline constexpr std::string_view kAnalyzerVersionKey = "tracuu.analyzer_version";
inline constexpr std::string_view kAnalyzerOptionsKey = "tracuu.analyzer_options";  ///< AnalyzerOptions::to_string()
inline constexpr std::string_view kSchemaVersionKey = "tracuu.schema_version";
/// What the index holds beyond the analyzer's terms. 2: type and issuer terms, the facet
/// slots and the citation relation terms (XC). 3: the id slot. 4: localities (XL, XK; the
/// stored document's and citations' "locality"). 5: the years of citations (XV), positions of
/// title words (S). 6: the articles of laws (XA, XU; the stored document's "law" and "article"). 7: an article of a
/// document named by its number ("law": "47/2011/TT-BCA") has that number as its own (XN), and
/// an article of a law is of its law's type (XTl, not XTarticle). 8: dictionary words as
/// written with capitals (XF). 9: an article's place in its law (kArticleSlot). 10: a hyphenated
/// word's parts joined ("e-mail": "email", core/terms.hpp HyphenatedWord). Both sides refuse an index of another schema version
/// (core/index_metadata.cpp).
inline constexpr int kSchemaVersion = 10;

}  // namespace tracuu::schema
