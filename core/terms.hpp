/** @file
 * @brief Tokens -> Xapian terms. The only place that decides which terms a token makes,
 *        used by the index side (postings) and the query side (query clauses) alike.
 */
#pragma once

#include "analyzers/analyzer.hpp"

#include <xapian.h>

#include <string>

namespace tracuu {

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

    /// Adds a token's postings to @p doc: folded with positions; exact without (its positions
    /// are the folded form's); the English stem without positions when @p stem is set
    /// (English documents only). Returns 1 when the token has diacritics but no exact term
    /// (has_exact_term): the caller gives the sum to add_implied_exact, once a document.
    [[nodiscard]] Xapian::termcount index_token(Xapian::Document& doc, const Token& token, bool stem) const;

    /// The schema::kImpliedExactTerm of a document whose tokens left out @p count exact terms,
    /// so that its length is what it would be with them.
    static void add_implied_exact(Xapian::Document& doc, Xapian::termcount count);

    /// The query for one token: folded OR exact, or folded SYNONYM (if @p stem) English stem
    /// (no word has both). A document with the exact form matches both terms of the OR and so
    /// ranks above one that matches only after folding.
    [[nodiscard]] Xapian::Query token_query(const Token& token, bool stem = true) const;

private:
    Xapian::Stem english_stemmer_;
};

}  // namespace tracuu
