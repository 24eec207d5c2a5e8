/** @file
 * @brief Metadata read from the text itself: title line, dateline, "Source: URL".
 */
#pragma once

#include "core/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// The first non-empty line, trimmed: a plain-text article's title.
[[nodiscard]] std::string first_nonempty_line(std::string_view text);

/// @p line as a title: whole when short, else cut at a word boundary near @p max_bytes
/// with "…" (a plain-text article whose first line is a whole paragraph has no title).
[[nodiscard]] std::string shorten_title(std::string_view line, std::size_t max_bytes = 160);

/// The document's own number when its title says what it is: a type name, optionally
/// "số"/"No.", then a number ("Nghị định số 15/2020/NĐ-CP về …", "Decree No. 15/2020/ND-CP"),
/// or a law's title before it ("Luật Đất đai số 31/2024/QH15", "Law on Enterprises No. …");
/// canonical form, or "" (a press title that merely mentions a number is not that document).
[[nodiscard]] std::string own_number_from_title(std::string_view title);

/// ISO date ("2023-09-22") of a date written d/m/yyyy, yyyy-mm-dd, "ngày d tháng m năm yyyy",
/// "Month d, yyyy" or "d Month yyyy" at the start of @p s; empty when there is none. Sets @p length to
/// the bytes it spans.
[[nodiscard]] std::string parse_date_at(std::string_view s, std::size_t& length);

/// The publication date stated in the text: a dateline near the top, i.e. a short line
/// that is mostly a full date ("22/09/2023 20:01"), a wire dateline opening the first
/// paragraph, or a judgment's heading that closes with its date in brackets ("… [1995] INSC
/// 551; AIR 1996 SC 463 (11 October 1995)"). Dates inside sentences are cited dates, not the
/// publication date, and are ignored. Empty when there is none.
[[nodiscard]] std::string find_publication_date(std::string_view text);

/// The date a law, code, ordinance or resolution says it was passed, in its closing
/// sentence, which names the document itself: "Luật này đã được Quốc hội … khóa XIV, kỳ họp
/// thứ 9 thông qua ngày 17 tháng 6 năm 2020", "This Law was passed by the 14th National
/// Assembly … on June 17, 2020". Such texts have no dateline. ISO, or empty; the last such
/// sentence when there are several.
[[nodiscard]] std::string find_adoption_date(std::string_view text);

/// The place of an official dateline near the top, "Quảng Ninh, ngày 12 tháng 3 năm 2026"
/// (where the issuing body sits: a province's bodies write the province), or empty.
[[nodiscard]] std::string find_dateline_place(std::string_view text);

/// The URL of a "Source: https://..." or "Nguồn: https://..." line, or empty.
[[nodiscard]] std::string find_source_url(std::string_view text);

/// @p title without the name of the site at @p url written after or before it, as pages and
/// the PDFs printed from them title themselves: "Giá vàng hôm nay | VnExpress" at
/// vnexpress.net, "… - Báo Lao Động" at laodong.vn, "Thư Viện Pháp Luật - …" at
/// thuvienphapluat.vn. A site's name is a part after or before " - ", " | ", " – ", " — ",
/// " :: " or " » " whose letters, folded, hold a label of the URL's host or are held by one
/// (four letters or more): "… cao tốc Hà Nội - Hải Phòng" keeps its end at any other site.
/// @p title as it is when nothing is left out.
[[nodiscard]] std::string title_without_site_name(std::string_view title, std::string_view url);

/// The author or byline the text states, or empty: a "By …" line near the top, or the last
/// line that is not boilerplate (@p boilerplate, as find_boilerplate gives it) when it is a
/// byline naming only its source ("Theo Công an nhân dân", "(Theo VnExpress)", "By Jane Doe,
/// Reuters"; not "Theo Bộ Công Thương, nhóm dự án …", which attributes a sentence), a short
/// name ("Lê Kông", "Le Kong", "J. Smith": two to five capitalized words, no digits, no closing
/// full stop, not initials alone) or such a name with its source in brackets ("Nguyễn Văn A
/// (Theo Dân trí)"). Deliberately narrow: no byline is better than a wrong one.
[[nodiscard]] std::string find_author(std::string_view text, const std::vector<TextRange>& boilerplate = {});

}  // namespace tracuu
