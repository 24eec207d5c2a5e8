/** @file
 * @brief The analyzer configuration an index records, so both sides analyze alike.
 */
#pragma once

#include "analyzers/analyzer.hpp"

#include <xapian.h>

#include <optional>
#include <stdexcept>
#include <string>

namespace tracuu {

/// The analyzer options @p db was built with.
/// @throws std::runtime_error when it is not a tracuu index or was built by an analyzer
///         version other than kAnalyzerVersion or with another schema::kSchemaVersion; the
///         message names @p path and what to do.
[[nodiscard]] AnalyzerOptions read_analyzer_options(const Xapian::Database& db, const std::string& path);

/// Analyzer options asked for that contradict those an index was built with: a usage error,
/// as a --shards that contradicts its layout is.
class AnalyzerOptionsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// For a writer: stamps an empty database with @p requested (or the defaults), or checks that
/// an existing one is compatible and returns the options it was built with.
/// @throws std::runtime_error as read_analyzer_options; AnalyzerOptionsError when @p requested
///         differs from them.
[[nodiscard]] AnalyzerOptions stamp_or_read_analyzer_options(Xapian::WritableDatabase& db, const std::string& path,
                                                             std::optional<AnalyzerOptions> requested);

}  // namespace tracuu
