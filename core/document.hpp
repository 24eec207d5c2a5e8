/** @file
 * @brief A document as the indexer reads it and as searchd returns it.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// One indexed document. Stored in the Xapian document data as JSON.
struct Document {
    std::string id;                       ///< Unique id (see README: "Document ids").
    std::string title;
    std::string text;                     ///< NFC-normalized body, as shown and snippeted.
    std::string lang;                     ///< "vi", "en" or "" (unknown).
    std::string date;                     ///< Publication date, ISO "YYYY-MM-DD", or "".
    std::string url;                      ///< Source URL, or "".
    std::string source;                   ///< File (and line, for JSONL) it was read from.
    std::vector<std::string> references;  ///< Canonical document numbers it cites, first mention first.
    std::string extra_fields_json;        ///< Other JSONL fields, as a JSON object; "" if none.
};

/// Serializes @p doc for Xapian's document data.
[[nodiscard]] std::string to_stored_json(const Document& doc);

/// Reads back what to_stored_json wrote; throws std::runtime_error on data it did not write.
[[nodiscard]] Document from_stored_json(std::string_view data);

}  // namespace tracuu
