/** @file
 * @brief Legal document types and issuers named three ways: the Vietnamese name, its
 *        abbreviation, the English name (NĐ = Nghị định = Decree).
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// The other names of the document type or issuer whose folded form is @p folded (a word
/// as the analyzer folds it: "nghi_dinh", "nd", "decree"); empty when it is none. English
/// names of several words are returned with spaces ("prime minister").
[[nodiscard]] const std::vector<std::string>& synonyms_of(std::string_view folded);

}  // namespace tracuu
