/** @file
 * @brief Press boilerplate: the lines a news page adds around every article.
 *
 * "Comment (0)", "Illustration photo", "Ảnh minh họa", a bare "Source" label, share
 * buttons, hotline and e-mail footers. They stay in the stored text (it is what the page
 * said) but are left out of ranking, and their byte ranges are stored so that snippets
 * can avoid them.
 */
#pragma once

#include "core/document.hpp"

#include <string_view>
#include <vector>

namespace tracuu {

/// Byte ranges of the boilerplate lines of valid UTF-8 @p text, in order; each range is
/// a whole line without its line break and surrounding blanks.
[[nodiscard]] std::vector<TextRange> find_boilerplate(std::string_view text);

/// Whether byte @p offset lies inside one of @p ranges (sorted, as find_boilerplate gives them).
[[nodiscard]] bool in_ranges(const std::vector<TextRange>& ranges, std::size_t offset);

}  // namespace tracuu
