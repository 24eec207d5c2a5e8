/** @file
 * @brief The text analyzer: one object turns document text and query text into tokens.
 *
 * Pipeline: NFC normalization -> tokenization (words, numbers, identifiers, legal
 * document numbers) -> case folding -> canonical tone placement (exact form) and
 * diacritic folding (folded form). Byte offsets point into the normalized text, so
 * snippets can mark what matched, folded matches included.
 */
#pragma once

#include "analyzers/document_number.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// Bumped whenever a change to analysis changes the terms of some text; stored in the
/// index so that a searcher never reads an index built by a different analyzer.
// 8: no name begins with an honorific or a preposition ("Ông Nguyễn Thanh Bình" holds
// "nguyễn_thanh_bình"); dashes-only and decree numbers without codes. 9: an official legal
// header gives title, number and date; share bars and "Bạn đang đọc bài viết …" footers are
// boilerplate. 10: a decree without its issuer ("87/2015/NĐ") is NĐ-CP. 11: the English cues
// "implements", "guides", "details" (citation relations). 12: English text has no dictionary
// words without diacritics ("that the" is no "thất thế"); a law without a dateline is dated by its
// closing sentence (core/metadata.hpp find_adoption_date). 13: a passive after a number with
// no cue before it gives the relation ("… 08/2020/TT-BTC được sửa đổi như sau", "… is hereby
// repealed"); "This Lawyer" dates nothing. 14: no exact term for a word only one dictionary
// word folds to. 15: the eth Ð/ð of legacy conversions is read as đ; the year stated alone
// after a number without its own ("01/NQ-CP năm 2024", Reference::issued_year). 16: a decree
// named by serial and year in words or after "NĐ" ("Nghị định 126 năm 2020", "NĐ 67/2014") is
// its number; VKSTC and BTM are known issuers; a span without diacritics that only folds like a
// word loses a tie to a word as written ("thời gian thu": "thời_gian", not "gián_thu").
// 17: a date that reads only month first is the US order ("dated 5/28/2014"); a wire dateline
// opening the first paragraph dates the text ("HANOI, Feb. 6, 2017 — …"); "No." glued to a
// number ("Decree No.15/2020/ND-CP") no longer hides it; "issued by the Hanoi People's
// Committee" and "HCMC" name a local body's locality; a date after "có hiệu lực từ", "took
// effect on" is no issue date, one in brackets right after the number or after "issued" is.
// 18: a judgment's heading that closes with its date in brackets dates it ("… AIR 1996 SC 463
// (11 October 1995)"); "guiding the implementation of", "elaborating", "guidelines for" guide;
// "Land Law 2024 (No. 31/2024/QH15)" is a law's number; "of the Chairman of the Hanoi People's
// Committee" names its locality; an English compound with a hyphen is also stemmed as one word
// ("law-making": Zlawmak, core/terms.hpp).
// 19: a closing "Theo X, …" is attribution, not a byline, and a closing line that ends with a
// full stop or is initials alone is no signature (author terms, A); "Nguyễn Văn A (Theo Dân
// trí)" is signed by its writer. An HTML page's text has no breadcrumbs, nor what follows its
// last <article> or <main> outside (core/html.hpp).
// 20: a signature glued to the last paragraph, after its last sentence, is the author ("… làm
// rõ vụ việc. Hoài Thương", as news exports write it; core/metadata.cpp); "Theo Reuters, AFP"
// is a byline of sources; a judgment's order ("Appeals Dismissed") is no signature.
// 21: two writers signing "Thu Hằng - Linh Thư" are both authors; "CTV Lê Tùng" is "Lê Tùng".
// 22: an HTML page's <h1> beside the site's name in <title> is its headline (core/html.cpp);
// an article record with its code's number (45/2019/QH14) is of its law's type (core/query.cpp);
// a signature's names without a credit or source around them ("Tin, ảnh: …", "…, Theo …").
inline constexpr int kAnalyzerVersion = 22;

enum class TokenKind : std::uint8_t {
    word,    ///< Letters (possibly with digits): "nghị", "law", "h5n1".
    number,  ///< Digits, possibly grouped: "126", "14/8/2023", "1.000".
};

/// One token of analyzed text.
struct Token {
    std::string exact;        ///< Case-folded, NFC, tone mark canonically placed: "hòa".
    std::string folded;       ///< Without diacritics, đ -> d: "hoa".
    std::uint32_t position;   ///< Word position, for phrases; parts of a token share it.
    std::uint32_t begin;      ///< Byte offset in the normalized text.
    std::uint32_t end;        ///< Byte offset just past the token.
    TokenKind kind;
    std::uint8_t syllables = 1;  ///< More than one for a multi-syllable word: "thi_hành".
    // The flags are bits: 80 bytes a token instead of 88, and the analyzer writes a token for
    // every 4.7 bytes of text; it ran 2.5% faster so (bench/README.md, twentieth session).
    /// No digit or apostrophe in it ("nghị", not "h5n1" or "don't"): only such words can be
    /// syllables of a multi-syllable word. Set by the analyzer as it builds the forms.
    bool letters_only : 1 = false;
    /// Holds a Vietnamese letter: one with a tone mark, ă â ê ô ơ ư or đ (unicode::is_vietnamese_letter).
    /// Set by the analyzer as it builds the forms.
    bool vietnamese_letter : 1 = false;
    /// A multi-syllable dictionary word that no other dictionary word folds like ("pháp_luật":
    /// only it folds to "phap_luat"; not "xã_hội", which "xả_hơi" folds like too), so its
    /// folded form says what its exact form does. Set by the word segmenter.
    bool folds_unambiguously : 1 = false;

    /// Whether the exact form differs from the folded one (the word carries diacritics).
    [[nodiscard]] bool has_diacritics() const { return exact != folded; }
};

/// A legal document number mentioned in the text.
struct ReferenceMention {
    DocumentNumber number;
    std::uint32_t begin;      ///< Byte span in the normalized text.
    std::uint32_t end;
    std::uint32_t position;   ///< Position of its first part.
};

/// Whether @p token lies inside one of @p spans (ReferenceMention, DateMention: byte offsets
/// begin and end in the same text).
template <class Span>
[[nodiscard]] bool inside_any(const Token& token, const std::vector<Span>& spans) {
    return std::any_of(spans.begin(), spans.end(), [&](const Span& span) { return token.begin >= span.begin && token.end <= span.end; });
}

/// The result of analyzing one text.
struct Analysis {
    std::string text;                          ///< The NFC-normalized input.
    /// In text order, then the multi-syllable words (AnalyzerOptions::words), in text order.
    std::vector<Token> tokens;
    std::vector<ReferenceMention> references;  ///< In text order.
    /// One past the highest position of any token (the first position when there is none).
    std::uint32_t end_position = 0;
};

/// Whether @p left and @p right, tokens of @p text in this order, may be syllables of one
/// word: only spaces, tabs or no-break spaces between them. Word segmentation and snippet
/// marks both go by it, so that a mark spans exactly what the index holds as a word.
[[nodiscard]] bool may_join_as_word(std::string_view text, const Token& left, const Token& right);

/// The syllables of @p analysis, one a position, in text order: the first token at each
/// position (the parts of a date or number share it), multi-syllable words left out. What a
/// phrase matches, on the query side and in snippets alike.
[[nodiscard]] std::vector<const Token*> first_per_position(const Analysis& analysis);

/// Whether @p folded could be a Vietnamese syllable ("nguyen", "kong", "gin"), as no English
/// word of several vowel groups or a final "s" could ("committee", "court", "news").
[[nodiscard]] bool may_be_vietnamese_syllable(std::string_view folded);

/// Language guess for a text: "vi", "en", or "" when there is nothing to go on.
[[nodiscard]] std::string detect_language(const Analysis& analysis);

/// detect_language for a query, a few words without function words: where that has nothing
/// to go on, a word no Vietnamese syllable could be ("Resolution", "Decree") makes it "en".
[[nodiscard]] std::string detect_query_language(const Analysis& analysis);

/// What an analyzer does beyond the fixed pipeline. Stored in the index, so that the
/// query side always analyzes as the index side did.
struct AnalyzerOptions {
    /// Add multi-syllable Vietnamese words ("thi_hành", "nguyễn_thanh_bình") as tokens
    /// beside their syllables, found with the dictionary and capitalized runs (names).
    bool words = true;

    /// "words=1": the form stored in the index.
    [[nodiscard]] std::string to_string() const;
    /// Parses to_string()'s form; nullopt on anything else.
    [[nodiscard]] static std::optional<AnalyzerOptions> parse(std::string_view text);
    bool operator==(const AnalyzerOptions&) const = default;
};

/// Stateless and thread-safe: one instance can serve every thread.
class Analyzer {
public:
    /// Longest token kept, in bytes; longer runs (base64, hashes) are not words.
    static constexpr std::size_t kMaxTokenBytes = 64;

    explicit Analyzer(AnalyzerOptions options = {}) : options_(options) {}

    [[nodiscard]] const AnalyzerOptions& options() const { return options_; }

    /// Analyzes valid UTF-8 @p text (check with unicode::find_invalid_utf8 first).
    /// @p first_position lets a caller continue numbering after an earlier field.
    [[nodiscard]] Analysis analyze(std::string_view text, std::uint32_t first_position = 0) const;
    /// The same into @p into, whose buffers are reused: a caller that analyzes text after text
    /// into one Analysis allocates nothing large once they have grown. Each large allocation
    /// makes glibc merge the small blocks freed before it (the last Xapian::Document's terms),
    /// and the next document's terms then cost more to allocate: 7% of the time to analyze and
    /// fill a document (bench/README.md, twenty-first session).
    void analyze(std::string_view text, Analysis& into, std::uint32_t first_position = 0) const;

private:
    AnalyzerOptions options_;
};

}  // namespace tracuu
