/** @file
 * @brief Legacy Word (.doc, Word 97-2003) files -> text, through catdoc.
 *
 * Vietnamese legal archives are full of .doc files, and no library in Debian reads them
 * well in process (libwv is unmaintained and crashes on bad files). catdoc, Debian's
 * package, does, as a program: it runs in a process of its own, so that a file that crashes
 * it or makes it loop costs that file, reported, and never the indexer. Its text keeps what
 * the document's fonts hold: a document typed in TCVN3 or VNI comes out in Latin-1 letters,
 * which the reader then converts (analyzers/legacy_fonts.hpp), as for any format. catdoc
 * drops the soft hyphen U+00AD, which is TCVN3's ư ("ng­êi", người), by a rule of its map of
 * special characters; it runs with a map of its own without that rule (antiword, the other
 * such program, drops it with no way around).
 */
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

namespace tracuu {

/// A legacy Word file's text, or why there is none.
struct LegacyWordContent {
    std::string text;     ///< Paragraphs one a line, as catdoc gives them.
    std::string problem;  ///< "" when the text was read.
};

/// Longest catdoc may take on one file.
inline constexpr std::chrono::seconds kLegacyWordTimeout{30};

/// Reads the legacy Word file at @p path with catdoc (UTF-8, no line wrapping). Text over
/// @p max_bytes, a failure, a crash or a run over @p timeout is a problem, and so is catdoc
/// missing from the machine. Never throws; safe from many threads at once.
[[nodiscard]] LegacyWordContent extract_legacy_word(const std::filesystem::path& path, std::uint64_t max_bytes,
                                                    std::chrono::milliseconds timeout = kLegacyWordTimeout);

}  // namespace tracuu
