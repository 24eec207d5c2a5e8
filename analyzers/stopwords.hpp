/** @file
 * @brief Function words of Vietnamese and English: indexed like any word (so phrases keep
 *        them) but weighed less in queries.
 */
#pragma once

#include "analyzers/analyzer.hpp"

namespace tracuu {

/// Whether @p token is a function word ("của", "và", "the", "of"). Vietnamese is checked on
/// the exact form, so "là" is one and "lá" (leaf) is not; a word typed without diacritics
/// is checked on its folded form.
[[nodiscard]] bool is_stopword(const Token& token);

}  // namespace tracuu
