/** @file
 * @brief Expected failures as values: a bad query, an unknown id, a malformed record.
 *
 * Exceptions remain for I/O, corruption and broken invariants; this is for what a user
 * can cause and must be told about (the HTTP layer maps codes to statuses in one place).
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tracuu {

/// A failure the caller is expected to handle: a stable machine code and a sentence.
struct Error {
    std::string code;     ///< "bad_query", "not_found", "bad_parameter", ...
    std::string message;  ///< What is wrong and where, for a person.
};

/// Either a value or an Error.
template <class T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
    Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design

    [[nodiscard]] bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] T& value() { return std::get<0>(state_); }
    [[nodiscard]] const T& value() const { return std::get<0>(state_); }
    [[nodiscard]] const Error& error() const { return std::get<1>(state_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, Error> state_;
};

/// The "bad_parameter" Error every paged answer gives for a @p limit outside 1..@p max
/// ("\"limit\" must be between 1 and 100, not 0"); nullopt when it is within.
[[nodiscard]] inline std::optional<Error> limit_out_of_range(std::size_t limit, std::size_t max) {
    if (limit >= 1 && limit <= max) return std::nullopt;
    return Error{"bad_parameter", "\"limit\" must be between 1 and " + std::to_string(max) + ", not " + std::to_string(limit)};
}

/// The "bad_parameter" Error for an @p offset past @p max; nullopt when it is not.
[[nodiscard]] inline std::optional<Error> offset_out_of_range(std::size_t offset, std::size_t max) {
    if (offset <= max) return std::nullopt;
    return Error{"bad_parameter", "\"offset\" must be at most " + std::to_string(max) + ", not " + std::to_string(offset)};
}

}  // namespace tracuu
