/** @file
 * @brief Tokens -> Xapian terms. The only place that decides which terms a token makes,
 *        used by the index side (postings) and the query side (query clauses) alike.
 */
#pragma once

#include "analyzers/analyzer.hpp"

#include <xapian.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// A document's exact terms (TermMapper::has_exact_term), counted over its tokens and added
/// to it once each with their wdf, and its schema::kImpliedExactTerm. Each
/// Xapian::Document::add_term is a lookup in the document's own std::map of terms: a token at
/// a time, the exact forms of a news article cost about 450 of them, counted about 290, and
/// filling a document takes 7% less time (bench/README.md, twentieth session). It holds views
/// of the tokens' exact forms: the tokens must outlive add_to.
class ExactTermCounts {
public:
    /// Counts exact form @p exact ("nghị"); when the table is half full, adds what it has to
    /// @p doc first (the wdf adds up either way).
    void add(std::string_view exact, Xapian::Document& doc);
    /// Counts a token with diacritics but no exact term.
    void add_implied() { ++implied_; }
    /// Adds the counts to @p doc and starts over.
    void add_to(Xapian::Document& doc);

private:
    static constexpr std::size_t kSlots = 1024;  // a power of two; more than an article's ~300
    struct Slot {
        std::string_view exact;
        Xapian::termcount count = 0;  // 0: empty
    };
    std::array<Slot, kSlots> slots_{};
    std::size_t used_ = 0;
    Xapian::termcount implied_ = 0;
};

/// A word written in parts joined by hyphens, no spaces ("e-mail", "Wi-Fi", "COVID-19", "U-23",
/// "ô-tô"), which people also write in one piece ("email", "covid19", "ôtô"): the index holds
/// its parts' folded forms joined as a term too, and a query asks for it either way.
struct HyphenatedWord {
    std::size_t first, last;  ///< Its first and last parts: indexes into the syllables given.
    std::string joined;       ///< The parts' folded forms joined: "email", "covid19", "oto".
};

/// The hyphenated words of @p syllables (first_per_position of an analysis of @p text, in text
/// order): two to four parts, at least one with a letter ("1-0", "2017-06-19" are no words),
/// none inside one of @p references (the codes of "126/NQ-CP") nor in a path ("/trien-khai-…").
[[nodiscard]] std::vector<HyphenatedWord> hyphenated_words(std::string_view text, const std::vector<const Token*>& syllables,
                                                           const std::vector<ReferenceMention>& references);

/// Term naming for one token, following core/schema.hpp.
class TermMapper {
public:
    TermMapper() : english_stemmer_("english") {}

    /// Unprefixed folded term: "nghi".
    [[nodiscard]] static const std::string& folded_term(const Token& token) { return token.folded; }
    /// Whether the token has an exact term: it carries diacritics, and is not a word whose
    /// folded form says all its exact form does (Token::folds_unambiguously).
    [[nodiscard]] static bool has_exact_term(const Token& token) {
        return token.has_diacritics() && !token.folds_unambiguously;
    }
    /// Exact term, or "" when the token has none (has_exact_term): "XEnghị".
    [[nodiscard]] static std::string exact_term(const Token& token);
    /// English stem term, or "" when the token is not an English-looking word: "Zimplement".
    [[nodiscard]] std::string stem_term(const Token& token) const;
    /// The English stem of a folded word, unprefixed: "judgments" -> "judgment".
    [[nodiscard]] std::string english_stem(const std::string& folded) const { return english_stemmer_(folded); }
    /// The stem term of two English words joined by a hyphen in @p text, as one word: "law-making"
    /// -> "Zlawmak", the stem of "lawmaking"; "" for any other pair. English writes many compounds
    /// both ways ("e-mail", "co-operation", "decision-making"): one typed whole finds the other.
    [[nodiscard]] std::string hyphenated_stem_term(std::string_view text, const Token& first, const Token& second) const;
    /// The schema::kCapitalizedWordPrefix term of multi-syllable dictionary word @p word as
    /// NFC @p text writes it, where that tells how the word is capitalized: "XFHà_Nội",
    /// "XFQuốc_hội". "" in lower case; in capitals, as headings write anything; with only its
    /// first syllable capitalized at the head of a sentence or line; and for a name, which the
    /// analyzer makes of capitalized syllables only.
    [[nodiscard]] static std::string capitalized_word_term(std::string_view text, const Token& word);
    /// Reference term: "XR126/nq-cp".
    [[nodiscard]] static std::string reference_term(const DocumentNumber& number);

    /// Adds a token's postings to @p doc: folded with positions; the English stem without
    /// positions when @p stem is set (English documents only); and into @p exact_terms,
    /// which the caller adds to the document once all its tokens are in, its exact term
    /// (without positions: they are the folded form's), or, for a token with diacritics but
    /// no exact term, one schema::kImpliedExactTerm, which keeps the document's length what
    /// it would be with the exact term.
    void index_token(Xapian::Document& doc, ExactTermCounts& exact_terms, const Token& token, bool stem) const;

    /// The query for one token: folded OR exact, or folded SYNONYM (if @p stem) English stem
    /// (no word has both). A document with the exact form matches both terms of the OR and so
    /// ranks above one that matches only after folding.
    [[nodiscard]] Xapian::Query token_query(const Token& token, bool stem = true) const;

private:
    Xapian::Stem english_stemmer_;
};

}  // namespace tracuu
