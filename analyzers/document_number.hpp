/** @file
 * @brief Vietnamese legal document numbers ("số ký hiệu"): recognition, canonical form,
 *        and the lexicon of type and issuer codes.
 *
 * One document is written many ways: 126/NQ-CP, 126/nq-cp, "126 / NQ - CP", 126/NQ–CP,
 * 69-QĐ/TW, 69-QD/TW. All of them map to one key, so that a query in any variant finds
 * every document that cites it. The key keeps number, year and every type/issuer code,
 * because numbers alone are not unique: many provinces issue a 40/2026/QĐ-UBND.
 *
 * Grammar (SEP is a slash or a dash, with at most two spaces on either side):
 *
 *     mention := NUMBER SEP YEAR SEP CODES       15/2020/NĐ-CP, 19-2017/NQ-CP, 59/2020/QH14
 *              | NUMBER "/" CODES                126/NQ-CP, 2383/BVHTTDL-TCDL, 2916/C67-P9
 *              | NUMBER DASH CODE "/" CODES      69-QĐ/TW, 04-CTr/BCĐCCTPTW (Party form)
 *     NUMBER  := DIGIT{1,6} [LETTER]             30a/2008/NQ-CP
 *     YEAR    := DIGIT{4}, 1945..2100
 *     CODES   := CODE (SEP CODE){0,7}            12/2015/TTLT-BTC-BTP, TTLT-BCA-BQP-BYT-TANDTC-VKSNDTC
 *     CODE    := LETTER{1,12} DIGIT*             QH14, C67, BGD&ĐT (the "&" dropped)
 *
 * and lexical rules drawn from what the 2017 news corpus contains (measured on
 * tests/data/reference-mentions.tsv):
 * upper-case words are codes, known codes in any case and with or without the bar of Đ
 * ("nq-cp", "QD-TTg"); a one-letter code needs digits and a second code (C67-P9); a type
 * glued to its issuer is split (NĐCP); a lower-case word glued to a code is cut off
 * ("NĐ-CPngày"); an unknown lone code (295/LĐLĐ) or an unknown code after a spaced
 * separator counts only after "số"/"No."; a number inside a word, URL or standard
 * number (QCVN 10-MT:2015/BTNMT) is none.
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace tracuu {

/// The years a document number may carry (YEAR above).
inline constexpr int kEarliestNumberYear = 1945, kLatestNumberYear = 2100;

/// A parsed document number such as 15/2020/NĐ-CP or 69-QĐ/TW.
struct DocumentNumber {
    std::string number;               ///< Serial as written, digits and an optional letter ("01", "30a").
    int year = 0;                     ///< Four-digit year, 0 when not written.
    std::vector<std::string> codes;   ///< Type and issuer codes, canonical spelling ("NĐ", "CP").
    bool party_style = false;         ///< Written N-TYPE/ISSUER, as Party documents are.

    /// Display form with canonical code spelling: "15/2020/NĐ-CP", "69-QĐ/TW".
    [[nodiscard]] std::string canonical() const;
    /// Index key, identical for every written variant: "15/2020/nd-cp", "69/qd-tw".
    [[nodiscard]] std::string key() const;
};

/// A document number found in text, with its byte span and the spans of its parts.
struct DocumentNumberMatch {
    DocumentNumber value;
    std::size_t begin = 0;   ///< Byte offset of the first digit.
    std::size_t end = 0;     ///< Byte offset just past the last code.
    /// Byte spans of the number, the year (if any) and each code, in order.
    std::vector<std::pair<std::size_t, std::size_t>> part_spans;
};

/// Recognizes a document number starting exactly at byte @p pos of NFC text @p text.
[[nodiscard]] std::optional<DocumentNumberMatch> match_document_number(std::string_view text,
                                                                        std::size_t pos);

/// The document number behind an index key (DocumentNumber::key()), displayed as such
/// numbers are usually written: codes in capitals, those the lexicon does not know too
/// ("2/2017/HC-ST"), and Party numbers (issuer TW, VPTW, TU, HU, ĐU, no year) in the
/// N-TYPE/ISSUER form. Nullopt when @p key is not a key.
[[nodiscard]] std::optional<DocumentNumber> document_number_from_key(std::string_view key);

/// Parses @p text as one document number (surrounding spaces allowed), or nullopt. The
/// text is given as a number ("ref:295/LĐLĐ"), so forms that running text accepts only
/// after "số" are accepted alone. It may name the number before it and nothing else, as
/// people paste it (names_the_number), and then a decree's number may leave out its codes
/// as running text does ("Nghị định 67/2014", "NĐ 67/2014", "Nghị định 126 năm 2020").
[[nodiscard]] std::optional<DocumentNumber> parse_document_number(std::string_view text);

/// A document number as a lawyer looks one up (ref=, ref:, /references/{ref}) when they remember
/// it whole or only in part. Numbers are not unique: a part means every number it fits.
struct NumberLookup {
    /// The number typed whole: "126/NQ-CP", "Nghị định số 15/2020/NĐ-CP", and codes first as
    /// lists write them, "NQ-CP 126" (126/NQ-CP). Else nullopt, and the part below.
    std::optional<DocumentNumber> whole;
    std::string serial;              ///< "45" of "45/2019"; leading zeros dropped.
    int year = 0;                    ///< 2019 of "45/2019"; 0 when not typed.
    std::vector<std::string> codes;  ///< The first codes typed, canonical: {"QĐ"} of "QĐ 1880" or "1880/QĐ".

    /// Whether @p number is one the part fits: its serial, its year when typed, its first codes
    /// the typed ones. A whole lookup fits its own number only.
    [[nodiscard]] bool fits(const DocumentNumber& number) const;
    /// The start of the key (DocumentNumber::key()) of every number a part fits that has its
    /// codes right after its serial or year: "47/2011/tt-" of "Thông tư 47/2011", "45/2019/" of
    /// "45/2019", "1880/qd-" of "QĐ 1880". A whole lookup's own key.
    [[nodiscard]] std::string key_prefix() const;
};

/// @p number as a lookup: a part when it has its type's code and no other ("47/2011/TT",
/// "1880/QĐ": every number that begins so), else whole.
[[nodiscard]] NumberLookup lookup_of(DocumentNumber number);

/// Reads @p text as a number looked up: whole (parse_document_number, or codes first: "NQ-CP
/// 126"), or in part, a serial with its year ("45/2019", "Luật 45/2019": laws' numbers carry
/// their issuer, QH14, not their type) or with its type's code or name ("QĐ 1880", "Quyết định
/// 1880", "1880/QĐ", "Thông tư 47/2011"). Nullopt for anything else, a serial alone included
/// ("126": thousands of documents share it).
[[nodiscard]] std::optional<NumberLookup> read_number_lookup(std::string_view text);

/// Whether @p text_before, all the text before a number given whole, names that number and
/// nothing else: its type ("Nghị định", "NĐ", "TTLT", "Decree"), a law's title from its noun on
/// ("Luật Đất đai", "Law on Land"), either with "số"/"No." after it, or "số"/"No." alone.
[[nodiscard]] bool names_the_number(std::string_view text_before);

/// Where the number starts in NFC @p text that names it before it (names_the_number):
/// "Nghị định số 15/2020", "NĐ 67/", "Luật Đất đai số 45"; 0 when the text starts with the
/// number or names none.
[[nodiscard]] std::size_t number_start_after_type_name(std::string_view text);

/// Which meaning of a code with a Party sense (QĐ, BCT) a type noun asks for.
enum class NounSense { by_style, state, party };

/// A noun that names the kind of a document right before its number: "Nghị định số",
/// "Decree No.", "NĐ", or a law's noun before its title ("Luật" of "Luật Đất đai số").
struct TypeNoun {
    std::string_view folded;  ///< As unicode::fold writes it: "nghi dinh".
    std::string_view code;    ///< The type's code: "NĐ".
    NounSense sense = NounSense::by_style;
};

/// The nouns that name a type before a number, Vietnamese, abbreviated and English: the one
/// list that number parsing and reference extraction read.
[[nodiscard]] std::span<const TypeNoun> type_nouns();

/// The longest type noun that ends folded @p folded_before (the text right before a number)
/// as whole words, past a number word ("nghi dinh so", "decree no."); @p folded_before is
/// then the text ahead of the noun. nullptr, and @p folded_before unchanged, when none does.
[[nodiscard]] const TypeNoun* take_type_noun_before_number(std::string_view& folded_before);

/// The same for a law, code or ordinance cited by its title between the noun and the number
/// ("luat dat dai so", "bo luat to tung hinh su", "law on enterprises no."): the noun whose
/// title runs up to the number, nearest first.
[[nodiscard]] const TypeNoun* take_titled_law_noun_before_number(std::string_view& folded_before);

/// Whether folded @p folded_words name a law, code or ordinance by its title from the noun on,
/// as written before its number: "luat dat dai", "bo luat dan su nam 2015", "law on
/// enterprises" (at most 12 words, a number only as a year).
[[nodiscard]] bool is_titled_law_name(std::string_view folded_words);

/// Every document number in NFC text @p text, in order.
[[nodiscard]] std::vector<DocumentNumberMatch> find_document_numbers(std::string_view text);

/// Whether a code names the kind of document (NQ, NĐ) or who issued it (CP, BTC).
enum class CodeKind { type, issuer };

/// One entry of the code lexicon.
struct CodeInfo {
    std::string_view code;           ///< Canonical spelling: "NĐ", "TTg".
    CodeKind kind;
    std::string_view name_vi;        ///< "Nghị định".
    std::string_view name_en;        ///< "Decree".
    std::string_view party_name_vi;  ///< Meaning in a Party number (N-QĐ/TW) when it differs, else "".
    std::string_view party_name_en;
    bool digits_are_term = false;    ///< Trailing digits give the legislature's term: QH14, UBTVQH15.
};

/// The lexicon entry of code @p code written in any case, with or without diacritics
/// ("nđ", "ND", "NĐ"), without trailing digits; nullptr when it is not a known code.
[[nodiscard]] const CodeInfo* find_code(std::string_view code);

/// Every lexicon entry, in the lexicon's order (an issuer's usual code before its variants:
/// UBND before UB), for finding types and issuers by name.
[[nodiscard]] std::span<const CodeInfo> code_lexicon();

}  // namespace tracuu
