/** @file
 * @brief The official header of a Vietnamese legal document, as legal staff paste it.
 *
 * Decree 30/2020/NĐ-CP (Appendix I) lays out the first lines of every official document:
 * the issuer and the national motto side by side, then the number and the place and date,
 * then the type and what it is about:
 *
 *     CHÍNH PHỦ                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *     -------                   Độc lập - Tự do - Hạnh phúc
 *     Số: 08/2021/NĐ-CP         Hà Nội, ngày 28 tháng 01 năm 2021
 *
 *     NGHỊ ĐỊNH
 *     QUY ĐỊNH VỀ QUẢN LÝ HOẠT ĐỘNG ĐƯỜNG THỦY NỘI ĐỊA
 *
 * Pasted, the two columns come one under the other or side by side on one line (tabs or
 * runs of spaces between them); Party documents have "ĐẢNG CỘNG SẢN VIỆT NAM" for the motto
 * and "Số 69-QĐ/TW"; official letters a "V/v …" line instead of a type; English
 * translations "No.: 15/2020/ND-CP" and "Hanoi, February 3, 2020".
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tracuu {

/// What a legal document's header states.
struct LegalHeader {
    std::string number;  ///< Its own number from the "Số:" / "No.:" line, canonical ("08/2021/NĐ-CP").
    std::string date;    ///< ISO date of the "<place>, ngày … tháng … năm …" line, or "".
    /// What a result list should show: type, number and subject, as legal texts cite each
    /// other ("Nghị định 08/2021/NĐ-CP quy định về quản lý hoạt động đường thủy nội địa",
    /// "Luật Đất đai số 31/2024/QH15", "Decree No. 15/2020/ND-CP on …"); the number alone
    /// when nothing says the type.
    std::string title;
    /// The issuer's cells, a line each ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH"), whether the
    /// columns come side by side or one under the other.
    std::string issuer;
    /// The place of the "<place>, ngày …" line ("Quảng Ninh"), or "".
    std::string place;
    /// Whether a title line or two in sentence case come before the header (a heading pasted
    /// above it, an HTML page's <h1>): the text's first line is then no part of the header.
    bool after_title = false;
};

/// The header NFC @p text opens with: a number line and the motto or a place-and-date line
/// among its first lines, which may come after a title line or two in sentence case. Nullopt
/// when it opens otherwise (a press article).
[[nodiscard]] std::optional<LegalHeader> read_legal_header(std::string_view text);

}  // namespace tracuu
