/** @file
 * @brief Function words of Vietnamese and English: indexed like any word (so phrases keep
 *        them) but weighed less in queries.
 */
#pragma once

#include "analyzers/analyzer.hpp"

#include <string_view>

namespace tracuu {

/// Whether @p token is a function word ("của", "và", "the", "of"). Vietnamese is checked on
/// the exact form, so "là" is one and "lá" (leaf) is not; a word typed without diacritics
/// is checked on its folded form.
[[nodiscard]] bool is_stopword(const Token& token);

/// Whether @p word, one lower-case syllable or English word as a text writes it ("của",
/// "the"), is a function word: Vietnamese by its diacritics, so "lá" (leaf) is not.
[[nodiscard]] bool is_function_word(std::string_view word);

}  // namespace tracuu
