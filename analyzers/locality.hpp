/** @file
 * @brief Localities of the bodies that issue local documents: which province, city or
 *        district a "40/2026/QĐ-UBND" belongs to.
 *
 * Numbers of local bodies are not unique: every province's People's Committee issues a
 * 40/2026/QĐ-UBND. What tells them apart is the body, written around the number in many
 * ways: "UBND tỉnh Quảng Ninh", "Ủy ban nhân dân thành phố Đà Nẵng", "UBND TP. Hồ Chí Minh",
 * "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH" (a heading), "HĐND tỉnh X", "tỉnh X", "của Quảng Ninh"
 * right after the number; in English "the People's Committee of Quang Ninh province", "Da
 * Nang City People's Committee". Words are matched with or without diacritics; the name is
 * the run of capitalized words after the body (before "province"/"city" in English).
 *
 * Localities are compared by key: folded, without diacritics, lower case ("quang ninh").
 * No gazetteer: any province's, city's or district's name is read the same way.
 */
#pragma once

#include "analyzers/document_number.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tracuu {

/// A locality named in a text.
struct LocalityMention {
    std::string name;        ///< As written, a heading's capitals in title case: "Quảng Ninh", "Da Nang".
    std::size_t begin = 0;   ///< Byte span of the whole phrase ("của UBND tỉnh Quảng Ninh").
    std::size_t end = 0;
};

/// Whether @p number is issued by a body that exists once per province, district or
/// commune (UBND, HĐND, the provincial Party committee TU, ...), so that its number alone
/// does not say which document it is.
[[nodiscard]] bool is_local_number(const DocumentNumber& number);

/// The key localities are compared by: folded words separated by one space ("Thừa
/// Thiên-Huế" -> "thua thien hue"); "" for a name without letters.
[[nodiscard]] std::string locality_key(std::string_view name);

/// Whether two locality keys name one place: word for word, or a word for several written
/// together ("danang" = "da nang"), or an abbreviation without vowels for the initials of as
/// many words ("hcm" = "ho chi minh", "tt hue" = "thua thien hue"); one may stop short of
/// the other ("quang ninh" = "quang ninh cao tuong", a name that ran into the chairman's).
/// Empty keys name nothing.
[[nodiscard]] bool same_locality(std::string_view a, std::string_view b);

/// The locality said right after a document number that ends at byte @p from of NFC
/// @p text, up to byte @p to (the next number) or the end of the sentence: the first body
/// or unit naming one ("… ngày 20/4/2026 của UBND thành phố Đà Nẵng", "… tỉnh Quảng Ninh"),
/// or "của X"/"of X" right after the number or its date.
[[nodiscard]] std::optional<LocalityMention> locality_after(std::string_view text, std::size_t from, std::size_t to);

/// The nearest body or unit naming a locality in the sentence before byte @p to of NFC
/// @p text, not before byte @p from: "UBND tỉnh Quảng Ninh ban hành Quyết định số …", "The
/// People's Committee of Quang Ninh province has issued Decision No. …".
[[nodiscard]] std::optional<LocalityMention> locality_before(std::string_view text, std::size_t from, std::size_t to);

/// The locality a place written alone names, as a dateline writes it: "Quảng Ninh", "TP.
/// Hồ Chí Minh" -> "Hồ Chí Minh", "ĐÀ NẴNG" -> "Đà Nẵng"; "" when it is no place's name.
[[nodiscard]] std::string locality_of_place(std::string_view place);

/// The locality of the local body a heading line near the top of NFC @p text names
/// ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "UBND TP. HỒ CHÍ MINH", "HĐND tỉnh X"): who issued a
/// document written in the official form. "" when there is none.
[[nodiscard]] std::string heading_locality(std::string_view text);

}  // namespace tracuu
