/** @file
 * @brief Vietnamese legal document numbers ("số ký hiệu"): recognition and canonical form.
 *
 * One document is written many ways: 126/NQ-CP, 126/nq-cp, "126 / NQ - CP", 126/NQ–CP,
 * 69-QĐ/TW, 69-QD/TW. All of them map to one key, so that a query in any variant finds
 * every document that cites it. The key keeps number, year and every type/issuer code,
 * because numbers alone are not unique: many provinces issue a 40/2026/QĐ-UBND.
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// A parsed document number such as 15/2020/NĐ-CP or 69-QĐ/TW.
struct DocumentNumber {
    std::string number;               ///< Serial digits as written ("01", "126").
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

/// Parses @p text as one document number (surrounding spaces allowed), or nullopt.
[[nodiscard]] std::optional<DocumentNumber> parse_document_number(std::string_view text);

/// Every document number in NFC text @p text, in order.
[[nodiscard]] std::vector<DocumentNumberMatch> find_document_numbers(std::string_view text);

}  // namespace tracuu
