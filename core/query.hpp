/** @file
 * @brief User query text -> Xapian::Query, through the same analyzer as the documents.
 *
 * The query language (README, "Queries"):
 *   words           nghị quyết        ranked, any of them (documents with more rank higher)
 *   phrases         "thi hành pháp luật" or “…”: adjacent words, with or without diacritics
 *   +word, -word    required, excluded
 *   AND, OR, NOT    upper case; AND binds tighter than OR; parentheses group
 *   wildcard        hà*               words starting with "ha" (folded) or "hà"
 *   fields          title:…  lang:vi  year:2023  year:2020..2023  date:2023-01-01..2023-06-30
 *                   ref:126/NQ-CP  type:NĐ  type:"nghị định"  issuer:CP  issuer:"bộ tài chính"
 *                   (fields filter; they add no weight)
 * A legal document number among the words, in any written variant, ranks the documents
 * that cite it first. Legal type and issuer names also find their other names, at half
 * weight: Nghị định, NĐ and Decree.
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "core/error.hpp"
#include "core/terms.hpp"

#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// What snippets mark: folded forms, English stems and reference keys of the query.
struct Highlights {
    std::set<std::string> folded;
    /// For each folded form typed, the forms it was typed in ("bao" -> {"bão"}; typed without
    /// diacritics, the folded form itself): a text's word written with other diacritics
    /// ("báo") is marked only where the text never writes it as typed (make_snippet).
    std::map<std::string, std::set<std::string>> typed_forms;
    /// Whether any word of the query was typed with diacritics: then one typed without them
    /// ("tai" of "tai nạn") was typed as written, and marks "tải" only as a fold-alike.
    bool typed_with_diacritics = false;
    std::set<std::string> stems;       ///< Stem terms without their prefix.
    std::set<std::string> references;  ///< DocumentNumber::key() values.
    /// Keys of numbers typed in part ("126/nq", "15/2020/"): every number whose key begins so.
    std::set<std::string> reference_prefixes;
    std::set<std::string> prefixes;    ///< Folded wildcard prefixes.
    /// Each quoted phrase as its folded syllables, in order: a snippet shows where one occurs whole.
    std::vector<std::vector<std::string>> phrases;
    /// The folded words of the quoted phrases: marked only in a text that says no phrase whole
    /// (the title did, or a match the snippet's reading misses), else the phrase alone is.
    std::set<std::string> phrase_words;
    /// ISO dates the query mentions, marked however a text writes them ("August 14, 2023").
    std::set<std::string> dates;
    /// Articles the query names ("Điều 173 …": "173", article_key): a snippet of a whole law
    /// shows the article's heading ("Điều 173. Tội trộm cắp tài sản"), not a cross-reference.
    std::set<std::string> articles;
    /// The folded words that name those articles ("điều", "173", "blhs", "bo_luat", …): not
    /// marked in an article named, which is shown from its opening (core/searcher.cpp).
    std::set<std::string> article_words;
    /// For each multi-syllable word of the query ("vi_pham" of "xử phạt vi phạm"), the
    /// syllables the query has only inside such words: in a text that writes the word, it is
    /// marked whole and they are not marked alone ("Phạm vi", "hành vi"); in one that does not,
    /// found by them apart, they are.
    std::map<std::string, std::vector<std::string>> word_syllables;
    /// Not 0: the phrases are the parts of one quotation cut with ellipses ("kỷ cương … pháp
    /// luật"), marked only where they follow each other in order, each at most this many
    /// syllables after the one before, as the text says the quotation.
    std::size_t cut_quotation_gap = 0;

    [[nodiscard]] bool empty() const {
        return folded.empty() && references.empty() && reference_prefixes.empty() && prefixes.empty() && dates.empty() &&
               phrases.empty() && articles.empty() && word_syllables.empty();
    }
};

/// A word of the query as typed, for spelling suggestions: a plain or phrase word that is
/// neither excluded nor part of a document number, field or wildcard.
struct QueryWord {
    std::size_t begin = 0, end = 0;  ///< Byte span in ParsedQuery::text.
    std::string folded;              ///< "quyet"
    std::string exact;               ///< "quyết"; equal to folded when typed without diacritics.
};

/// A parsed query.
struct ParsedQuery {
    Xapian::Query query;
    Highlights highlights;
    std::string language;          ///< detect_language() of the query: "vi", "en" or "".
    std::string text;              ///< The query, NFC-normalized: what QueryWord spans point into.
    std::vector<QueryWord> words;  ///< In text order.
    /// Byte spans in text of the laws' abbreviations the query names and the index holds
    /// ("ANM" of "Luật ANM", analyzers/legal_article.hpp find_law_abbreviations): no misspellings.
    std::vector<std::pair<std::size_t, std::size_t>> law_abbreviations;
    /// The query names documents, by number, law or article, which a constant weight puts
    /// first: those of equal weight come in their law's order (schema::kArticleSlot).
    bool names_documents = false;
};

/// Longest query accepted, in bytes.
inline constexpr std::size_t kMaxQueryBytes = 2048;

/// Weight added to documents that cite a document number in the query: far above what
/// the words of any query can add, so that citing documents come first and the words
/// rank them among themselves.
inline constexpr double kReferenceBoost = 1000.0;

/// Weight added to the article of a law that a query names ("Điều 173 Bộ luật Hình sự"): the
/// document asked for, as a number's own document is (twice kReferenceBoost).
inline constexpr double kArticleBoost = 2 * kReferenceBoost;
/// Added to the articles of a law that a query names and nothing else ("Bộ luật Hình sự", "BLHS",
/// "Labour Code"), as a number's own document: the law asked for comes before what is written
/// about it.
inline constexpr double kLawNamedAloneBoost = kReferenceBoost;
/// Added to the articles of a law a query names by its abbreviation ("Luật HNGĐ"): about what a
/// rare word weighs, so that the other words of the query still rank them.
inline constexpr double kAbbreviatedLawWeight = 4.0;

/// Weight factor for a stop word: it still counts, three quarters as much as a content word
/// (BM25's idf already discounts it; 0.25 and 0.5 made ALQAC answers worse, see bench/README.md).
inline constexpr double kStopwordWeight = 0.75;

/// Weight factor for two syllables typed side by side that no dictionary word joins ("số 10"),
/// where a text has them side by side: their weight counts once more, as a multi-syllable
/// word's own term does for the pairs the dictionary knows (bench/README.md: +0.02 to +0.05
/// MRR@10 on ALQAC; 2 measured a little higher and was not taken, to stay off the judged sets).
inline constexpr double kAdjacentPairWeight = 1.0;

/// Weight factor for three or more syllables typed side by side, where a text has them all so:
/// "bão số 10" is storm number 10, not storm number 1 with winds of force 10, though the text
/// about the latter has "bão số" and "10" more often.
/// A sentence pasted to find its source is such a run: a limit of six syllables lost a third of
/// the gain on ALQAC 2022 (bench/README.md).
inline constexpr double kRunPhraseWeight = 1.0;

/// Weight factor for another name of a legal type or issuer (Decree for Nghị định).
inline constexpr double kSynonymWeight = 0.5;

/// Most terms a wildcard expands to (the most frequent ones).
inline constexpr Xapian::termcount kMaxWildcardExpansion = 100;

/// Parses @p text. Errors (code "bad_query", the message says what and at which
/// character): empty, too long, invalid UTF-8, an unterminated quote, unbalanced
/// parentheses, an operator without operands, an unknown field or a bad field value.
/// @p index, when given, lets issuer: take an issuer code outside the lexicon that the
/// index holds (as facets show it).
/// With @p all_words, the words typed side by side must all be in a document, each as the query
/// asks for it (a multi-syllable word as that word, any of its forms, stems and spellings),
/// stop words excepted: for results by date, where ranking no longer pushes documents that
/// share one common syllable with the query ("ly" of "quản lý" for "ly hôn") out of sight.
/// A name with a synonym is its words or the synonym; a run of words that names a number, a
/// date, a law or an article asks for the documents those find, or those with every word.
[[nodiscard]] Result<ParsedQuery> parse_query(std::string_view text, const Analyzer& analyzer,
                                              const TermMapper& terms, const Xapian::Database* index = nullptr,
                                              bool all_words = false);

/// Whether only spaces or tabs stand between bytes @p begin and @p end of @p text: two words
/// of a query typed one after the other, which may make one multi-syllable word.
[[nodiscard]] bool only_spaces_between(std::string_view text, std::size_t begin, std::size_t end);

/// Parses an ISO date "YYYY-MM-DD" into the value-slot form "YYYYMMDD"; empty if invalid.
[[nodiscard]] std::string date_slot_value(std::string_view iso_date);

/// Query matching documents published in [@p from, @p to] (ISO dates; either may be empty).
[[nodiscard]] Xapian::Query date_range_query(const std::string& from_slot_value, const std::string& to_slot_value);

// Document types and issuers: one vocabulary for the index writer (terms and facet slots),
// the filters (type=, issuer=, type:, issuer:) and the facets, so the three always agree.

/// Type of a document without its own number: a press article.
inline constexpr std::string_view kArticleType = "article";

/// What kind of document something is, as codes in their canonical spelling.
struct LegalKind {
    std::string type;                  ///< "NĐ", "QĐi", kArticleType; "" when its number does not say.
    std::vector<std::string> issuers;  ///< "CP"; "BTC", "BTP" for a joint circular; none for an article.
};

/// The kind of a document whose own number is @p own_number (nullopt: none, a press article,
/// unless it is an article of the law or code @p law: L, PL for an ordinance, none for the
/// constitution). The type is the number's type code, else the type noun before the number in
/// @p title or @p law ("Luật số 59/2020/QH14"); a Party number's QĐ is a regulation (QĐi).
/// Issuers are the other codes, without a legislature's term (QH14 -> QH), one code per lexicon
/// name (UB -> UBND); codes outside the lexicon are kept as written.
[[nodiscard]] LegalKind legal_kind_of(const std::optional<DocumentNumber>& own_number, std::string_view title, std::string_view law = {});

/// schema::kTypePrefix term of a canonical type code: "NĐ" -> "XTnd".
[[nodiscard]] std::string type_term(std::string_view code);
/// schema::kIssuerPrefix term of a canonical issuer code: "TTg" -> "XIttg".
[[nodiscard]] std::string issuer_term(std::string_view code);
/// schema::kLawPrefix term of a law key (analyzers/legal_article.hpp): "XUbo luat hinh su".
[[nodiscard]] std::string law_term(std::string_view law_key);
/// schema::kArticlePrefix term of an article key: "XA173".
[[nodiscard]] std::string article_term(std::string_view article_key);

/// Names of a type or issuer code, for display: {"Nghị định", "Decree"}; empty names for a
/// code outside the lexicon.
struct CodeNames {
    std::string_view vi, en;
};
[[nodiscard]] CodeNames names_of_code(std::string_view code);

/// The canonical type code a user means: a code in any case, with or without the bar of Đ
/// (NĐ, nd), a Vietnamese or English name (Nghị định, nghi dinh, Decree), or "article"
/// ("bài báo"); nullopt when it names no type.
[[nodiscard]] std::optional<std::string> resolve_type(std::string_view written);

/// What the `type` parameter of /search and /references/{ref} asks for: documents of one
/// type, or, written after a "-", every document but those ("-article": the legal documents,
/// as the query language's -type:article).
struct TypeFilter {
    std::string code;       ///< Canonical type code (resolve_type), kArticleType included.
    bool excluded = false;  ///< Written "-…": that type left out.
};

/// The type filter @p written asks for: a value resolve_type reads, after a "-" to leave it
/// out. Errors: "bad_parameter" naming the parameter `type` and the value.
[[nodiscard]] Result<TypeFilter> resolve_type_filter(std::string_view written);

/// The filter as written back to a reader: "NĐ", "article", "-article".
[[nodiscard]] std::string to_string(const TypeFilter& filter);

/// The documents @p filter keeps (a boolean query, for OP_FILTER).
[[nodiscard]] Xapian::Query type_filter_query(const TypeFilter& filter);

/// The canonical issuer code a user means, likewise (CP, Chính phủ, Government, QH14 -> QH,
/// thủ tướng -> TTg); with @p index, also a code outside the lexicon that the index holds as
/// an issuer (TCDL). Nullopt when it names none.
[[nodiscard]] std::optional<std::string> resolve_issuer(std::string_view written, const Xapian::Database* index = nullptr);

}  // namespace tracuu
