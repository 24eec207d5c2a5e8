/** @file
 * @brief Analyzer version and options in the index metadata.
 */
#include "core/index_metadata.hpp"

#include "core/schema.hpp"

#include <stdexcept>

namespace tracuu {

AnalyzerOptions read_analyzer_options(const Xapian::Database& db, const std::string& path) {
    const std::string version = db.get_metadata(std::string(schema::kAnalyzerVersionKey));
    if (version.empty())
        throw std::runtime_error(path + " is not a tracuu index (no analyzer version); build it with tracuu-index");
    if (version != std::to_string(kAnalyzerVersion))
        throw std::runtime_error(path + " was built with analyzer version " + version + ", this is version " +
                                 std::to_string(kAnalyzerVersion) + ": rebuild the index into a new directory");
    // The schema says which terms and slots beyond the analyzer's the index holds: an older
    // one lacks some (type, issuer, facets), and adding to it would mix documents with and without.
    const std::string schema_version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (schema_version != std::to_string(schema::kSchemaVersion))
        throw std::runtime_error(path + " has index schema version " + (schema_version.empty() ? "(none)" : schema_version) +
                                 ", this is version " + std::to_string(schema::kSchemaVersion) +
                                 " (core/schema.hpp): rebuild the index into a new directory");
    const std::string written = db.get_metadata(std::string(schema::kAnalyzerOptionsKey));
    const auto options = AnalyzerOptions::parse(written);
    if (!options) throw std::runtime_error(path + " has unknown analyzer options \"" + written + "\"");
    return *options;
}

AnalyzerOptions stamp_or_read_analyzer_options(Xapian::WritableDatabase& db, const std::string& path,
                                               std::optional<AnalyzerOptions> requested) {
    const bool fresh = db.get_metadata(std::string(schema::kAnalyzerVersionKey)).empty() && db.get_doccount() == 0;
    if (fresh) {
        const AnalyzerOptions options = requested.value_or(AnalyzerOptions{});
        db.set_metadata(std::string(schema::kAnalyzerVersionKey), std::to_string(kAnalyzerVersion));
        db.set_metadata(std::string(schema::kAnalyzerOptionsKey), options.to_string());
        db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
        return options;
    }
    const AnalyzerOptions existing = read_analyzer_options(db, path);
    if (requested && !(*requested == existing))
        throw AnalyzerOptionsError(path + " was built with analyzer options " + existing.to_string() + ", not " +
                                   requested->to_string() + ": use a new directory, or leave the option out");
    return existing;
}

}  // namespace tracuu
