/** @file
 * @brief Legal document types and issuers named three ways: the Vietnamese name, its
 *        abbreviation, the English name (NĐ = Nghị định = Decree).
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// The other names of the document type or issuer whose folded form is @p folded, its
/// syllables or words joined by "_" ("nghi_dinh", "nd", "decree", "prime_minister"); empty
/// when it is none. Names of several words come back with "_" (Vietnamese) or spaces (English).
[[nodiscard]] const std::vector<std::string>& synonyms_of(std::string_view folded);

/// The Vietnamese name of the code (Bộ luật) that folded @p folded names: its abbreviation, its
/// English name or that name itself, words joined by "_" or spaces ("blhs", "criminal_code",
/// "penal code", "bo luat hinh su" -> "bo_luat_hinh_su"); "" when it names none.
[[nodiscard]] std::string code_named(std::string_view folded);

/// The codes' abbreviations, folded: "blds", "blhs", "blld", "blttds", "bltths".
[[nodiscard]] std::vector<std::string> code_abbreviations();

/// The other spellings, British or American, that folded English word @p folded may have, by
/// the regular patterns of the two ("judgement" -> "judgment", "licence" -> "license",
/// "labour" -> "labor", "organisation" -> "organization", "centre" -> "center", and back):
/// candidates, some of them no words, for a caller that keeps those an index holds. Short
/// words are left alone ("for" is no "four").
[[nodiscard]] std::vector<std::string> english_spelling_variants(std::string_view folded);

/// Every name in the groups (an abbreviation of a code, "blhs", is one way and in none) (for tests: each multi-syllable one must be a word the analyzer finds).
[[nodiscard]] std::vector<std::string> all_synonym_names();

}  // namespace tracuu
