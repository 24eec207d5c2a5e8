/** @file
 * @brief Parsing command-line sizes and counts.
 */
#include "core/option_values.hpp"

#include <charconv>
#include <limits>
#include <utility>

namespace tracuu {
namespace {

constexpr std::string_view kSizeForms =
    "a number of bytes, or one with a unit K, M or G (KB, KiB, MB, MiB, GB, GiB: all powers of 1024), such as 256MiB";

std::string quoted(std::string_view text) {
    std::string out(1, '"');
    out += text;
    out += '"';
    return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if ((a[i] | 0x20) != (b[i] | 0x20)) return false;  // ASCII letters only, as in the units
    return true;
}

// The multiplier a unit stands for, or 0 for a unit not known.
std::uint64_t unit_multiplier(std::string_view unit) {
    static constexpr std::pair<std::string_view, std::uint64_t> kUnits[] = {
        {"", 1},           {"b", 1},
        {"k", 1ULL << 10}, {"kb", 1ULL << 10}, {"kib", 1ULL << 10},
        {"m", 1ULL << 20}, {"mb", 1ULL << 20}, {"mib", 1ULL << 20},
        {"g", 1ULL << 30}, {"gb", 1ULL << 30}, {"gib", 1ULL << 30},
    };
    for (const auto& [name, multiplier] : kUnits)
        if (equals_ignoring_case(unit, name)) return multiplier;
    return 0;
}

}  // namespace

std::string parse_byte_size(std::string_view text, std::uint64_t& bytes) {
    const char* const begin = text.data();
    const char* const end = text.data() + text.size();
    std::uint64_t number = 0;
    // from_chars takes no sign, so "-5" and "+5" fail here, as garbage does.
    const auto [rest, error] = std::from_chars(begin, end, number);
    if (error == std::errc::result_out_of_range)
        return quoted(text) + " is too large: at most " + std::to_string(std::numeric_limits<std::uint64_t>::max()) + " bytes";
    std::string_view unit(rest, static_cast<std::size_t>(end - rest));
    if (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);  // "10 MB", quoted in the shell
    const std::uint64_t multiplier = unit_multiplier(unit);
    if (error != std::errc() || multiplier == 0) return quoted(text) + " is not a size: give " + std::string(kSizeForms);
    if (number == 0) return quoted(text) + " is too small: give at least 1 byte";
    if (number > std::numeric_limits<std::uint64_t>::max() / multiplier)
        return quoted(text) + " is too large: at most " + std::to_string(std::numeric_limits<std::uint64_t>::max()) + " bytes";
    bytes = number * multiplier;
    return {};
}

std::string parse_whole_number(std::string_view text, std::uint64_t min, std::uint64_t max, std::uint64_t& value) {
    const char* const end = text.data() + text.size();
    std::uint64_t number = 0;
    const auto [rest, error] = std::from_chars(text.data(), end, number);
    if (error != std::errc() || rest != end || number < min || number > max)
        return "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not " + quoted(text);
    value = number;
    return {};
}

}  // namespace tracuu
