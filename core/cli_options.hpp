/** @file
 * @brief CLI11 checks both programs give their options (header-only: the core library itself
 *        does not use CLI11).
 */
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace tracuu {

/// Refuses a value that is one of @p app's options: "--db --json in" forgot the directory,
/// and CLI11 would take "--json" as its name (a folder so named is "./--json").
inline CLI::Validator not_an_option_of(const CLI::App& app) {
    return CLI::Validator(
        [&app](const std::string& value) -> std::string {
            if (app.get_option_no_throw(value) == nullptr) return {};
            return "expects a value, not the option " + value;
        },
        "");
}

}  // namespace tracuu
