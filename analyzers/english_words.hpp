/** @file
 * @brief The common words of English's spelling dictionaries (Debian's wamerican and
 *        wbritish, from SCOWL), compiled into the library.
 *
 * An index of Vietnamese news holds few English words, and those rarely: without a list, a
 * correctly spelled English word typed ("Ruling", "bacon") looks like a misspelled foreign
 * name the news borrows ("Wuling") or like Vietnamese syllables typed run together ("bà con").
 */
#pragma once

#include <string_view>

namespace tracuu {

/// Whether @p word, in small ASCII letters, is a common English word: one that the American
/// or the British list writes in small letters ("ruling", "judgement", "bacon"; not the
/// names "Hanoi" or "Annam", which they write with a capital).
[[nodiscard]] bool is_english_word(std::string_view word);

}  // namespace tracuu
