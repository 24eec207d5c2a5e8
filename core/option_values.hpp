/** @file
 * @brief Values typed on the command line: sizes with units and whole numbers in a range,
 *        checked with messages that say what is accepted.
 *
 * Errors are values: each parser returns why the text is not accepted, "" when it is.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tracuu {

/// A positive size in bytes: "5000", or a whole number with a unit K, M, G (also KB, KiB,
/// MB, MiB, GB, GiB, any case, a space before it allowed), all powers of 1024: "256MiB",
/// "10MB" = 10 × 1024². Sets @p bytes and returns "", or returns why not (0, a negative
/// or garbage, a size over 2⁶⁴ − 1 bytes).
[[nodiscard]] std::string parse_byte_size(std::string_view text, std::uint64_t& bytes);

/// A whole number from @p min to @p max ("8"; not "-5", "1.5", "8x"). Sets @p value and
/// returns "", or returns why not.
[[nodiscard]] std::string parse_whole_number(std::string_view text, std::uint64_t min, std::uint64_t max,
                                             std::uint64_t& value);

}  // namespace tracuu
