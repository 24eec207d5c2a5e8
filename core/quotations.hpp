/** @file
 * @brief Quoted passages of a text, as /check reads them: “…”, "…", ‘…’ and '…', the
 *        apostrophes of "people’s", "don't" and "’90s" left alone.
 */
#pragma once

#include "core/document.hpp"

#include <string_view>
#include <vector>

namespace tracuu {

/// Byte ranges of the quoted passages of valid UTF-8 @p text, without their quotes, in text
/// order. Straight double quotes pair up in order, “ opens and ” closes. A single quote (‘ or
/// ') opens where a word begins (after a space, a bracket or a dash, before a letter, not
/// before a decade such as '90s) and ’ or ' closes after a character and before no letter or
/// digit, so the apostrophe inside or at the start of a word is none; a single quotation
/// closed on no line is none either. A quotation inside another is part of it.
[[nodiscard]] std::vector<TextRange> find_quotations(std::string_view text);

/// Where a quoted @p passage was cut, as the press cuts quotations: the byte offsets of its
/// ellipses, "…" or three dots or more ("[…]" and "(...)" included), in text order.
[[nodiscard]] std::vector<std::size_t> ellipses_in(std::string_view passage);

}  // namespace tracuu
