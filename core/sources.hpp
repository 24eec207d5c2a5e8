/** @file
 * @brief Input files -> documents: text, Markdown, HTML, JSON, JSONL, PDF, DOCX and ODT, with every
 *        problem reported, never thrown.
 *
 * Document ids: a file's id is its path relative to the folder it was found under,
 * without the extension ("000_790ec6c75e1730ba", "2024/decree"); a file named directly
 * on the command line has its bare name. A JSONL record's id is its "id" field, and so is
 * a JSON record's (a lone JSON object without one takes the file's id). Two inputs that
 * yield the same id in one run are a reported problem, not an overwrite.
 */
#pragma once

#include "core/document.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tracuu {

/// Something in the input that could not be indexed, and why.
struct InputProblem {
    std::string file;
    std::size_t line = 0;  ///< 1-based; 0 when it concerns the whole file (or a record of it).
    std::string reason;
    /// The document was indexed all the same, without the part the reason names (a JSON
    /// field that cannot be used): a warning, not a rejection.
    bool still_indexed = false;
    /// A folder that could not be listed: what is indexed from it stays, --prune included.
    bool unlisted_folder = false;
    /// 1-based record of a JSON array it concerns; 0 when it concerns the whole file.
    std::size_t record = 0;

    /// "file:line: reason", "file: record N: reason" or "file: reason".
    [[nodiscard]] std::string to_string() const;
};

/// A file to read, with the id its document gets (records of JSON files have their own).
struct InputFile {
    std::filesystem::path path;
    std::string id;
    std::uintmax_t size = 0;  ///< Bytes when it was listed (for progress; the reader checks again).
};

/// Longest id accepted, in bytes (Xapian terms are limited to 245 bytes).
inline constexpr std::size_t kMaxIdBytes = 200;

/// Bumped whenever a reader makes something else of the same bytes, so that content
/// hashes change and the next run reads such files again.
inline constexpr int kReaderVersion = 6;  // 3: an .odt's author is meta:initial-creator; 4: Markdown read as the text it shows, its front matter as metadata; 5: a title without its site's name; 6: text in the legacy fonts TCVN3 and VNI read as Unicode

/// Default for ReadOptions::max_bytes: 64 MiB. A document's text takes about 25 times its size
/// in memory while it is analyzed and written (its tokens, then its Xapian postings: measured,
/// a 26 MB .txt took 650 MB), so that 256 MiB took some 6 GB; no article, law or report comes
/// near 64 MiB of text, and --max-bytes admits more.
inline constexpr std::uint64_t kDefaultMaxBytes = 64ULL << 20;

/// How files are read.
struct ReadOptions {
    std::uint64_t max_bytes = kDefaultMaxBytes;  ///< Larger files are reported, not read.
    bool lossy = false;  ///< Replace invalid UTF-8 by U+FFFD instead of rejecting the file (or line).
    /// Mixed into every content hash: whatever else decides the terms (the analyzer version
    /// and options), so that changing it re-indexes everything.
    std::string hash_salt;
    /// Asked with each document's id, content hash and source (Document::source: "file",
    /// "file:line" for a JSONL record) before the document is built; returning true means
    /// the index holds it unchanged, and it is skipped. Unset: build all.
    std::function<bool(const std::string& id, std::uint64_t content_hash, const std::string& source)> is_unchanged;
};

/// Expands files and folders (recursively, in sorted order, skipping hidden entries) into
/// the files to read. Missing paths go to @p problems, and so does whatever inside a folder
/// is no regular file (a broken or looping symbolic link, a FIFO, a device, a link to a
/// folder, which is not followed) or cannot be listed; what a file holds is decided when it
/// is read. A file reached twice (the same device and inode: named in a folder and directly,
/// or through a link) is listed once, under its first name; the other is noted in
/// @p problems as still indexed. The folders among @p arguments under which nothing at all was
/// found (no file, nothing reported; hidden entries aside) go to @p empty_folders, as named.
[[nodiscard]] std::vector<InputFile> collect_inputs(const std::vector<std::string>& arguments,
                                                    std::vector<InputProblem>& problems,
                                                    std::vector<std::string>* empty_folders = nullptr);

using DocumentSink = std::function<void(Document&&)>;
using ProblemSink = std::function<void(InputProblem&&)>;

/// The absolute, normalized path of @p input, as its documents' Document::path holds it.
[[nodiscard]] std::string absolute_source_path(const InputFile& input);

/// Reads one file (format by extension, or by content where the extension lies or is
/// missing: see core/formats.hpp) and hands over each document or problem. Each document
/// carries its content hash and its file's absolute path. Returns the bytes read from the
/// file: 0 for one rejected unread (over --max-bytes, unreadable, vanished).
std::uint64_t read_input_file(const InputFile& input, const DocumentSink& on_document, const ProblemSink& on_problem,
                     const ReadOptions& options = {});

}  // namespace tracuu
