/** @file
 * @brief A document as the indexer reads it and as searchd returns it.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// A byte range [begin, end) of a document's stored text.
struct TextRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    bool operator==(const TextRange&) const = default;
};

/// A document number the text cites, with how it relates to it (see analyzers/reference.hpp).
struct Citation {
    std::string number;    ///< Canonical: "126/NQ-CP".
    std::string relation;  ///< "cites", "based_on", "implements", "amends", "replaces", "repeals", "guides".
    std::string issued;    ///< ISO issue date when the text gives it, else "".
    /// For a local body's number (analyzers/locality.hpp): the locality of the issuer it
    /// means, as the text says it or, failing that, the citing document's own; else "".
    std::string locality;
    /// The year of issued; for a number without its year whose text gives the year alone
    /// ("Nghị quyết 01/NQ-CP năm 2024"), that year; else "".
    std::string issued_year;
    bool operator==(const Citation&) const = default;
};

/// One indexed document. Stored in the Xapian document data as JSON.
struct Document {
    std::string id;                       ///< Unique id (see README: "Document ids").
    std::string title;
    std::string text;                     ///< NFC-normalized body, as shown and snippeted.
    std::string lang;                     ///< "vi", "en" or "" (unknown).
    std::string date;                     ///< Publication date, ISO "YYYY-MM-DD", or "".
    std::string url;                      ///< Source URL, or "".
    std::string author;                   ///< Author or byline when the document states one, or "".
    std::string number;                   ///< Its own document number ("15/2020/NĐ-CP") when it is a legal document, or "".
    /// When its own number is a local body's: the locality of that body ("Quảng Ninh"), from
    /// its heading, its number's mention or its dateline; else "".
    std::string locality;
    /// When it is one article of a law or code: that law as the source names it ("Bộ luật Hình
    /// sự"), and the article's number ("173"); else "".
    std::string law;
    std::string article;
    std::string source;                   ///< File (and line, for JSONL) it was read from.
    std::string path;                     ///< Absolute path of that file ("" for documents not read from one).
    std::vector<std::string> references;  ///< Canonical document numbers it cites, first mention first.
    std::vector<Citation> citations;      ///< Each distinct (number, relation) pair, first mention first.
    /// Press boilerplate ("Comment (0)", "Ảnh minh họa", hotline and e-mail footers): kept in
    /// the text, left out of ranking; snippets should avoid these byte ranges of @c text.
    std::vector<TextRange> boilerplate;
    std::string extra_fields_json;        ///< Other JSONL fields, as a JSON object; "" if none.
    /// Hash of what the document was made from (see schema::kContentHashSlot); 0 = unknown.
    std::uint64_t content_hash = 0;
};

/// A language tag as sources state it ("vi", "EN", "en-US", "vi_VN") -> "vi" or "en", the
/// languages tracuu analyzes; "" for any other, whose documents get a language from their text.
[[nodiscard]] std::string analyzed_language(std::string_view tag);

/// Serializes @p doc for Xapian's document data.
[[nodiscard]] std::string to_stored_json(const Document& doc);

/// Reads back what to_stored_json wrote; throws std::runtime_error on data it did not write.
[[nodiscard]] Document from_stored_json(std::string_view data);

}  // namespace tracuu
