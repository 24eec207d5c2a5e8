/** @file
 * @brief Input files -> documents: .txt and .jsonl, with every problem reported, never thrown.
 *
 * Document ids: a .txt file's id is its path relative to the folder it was found under,
 * without the extension ("000_790ec6c75e1730ba", "2024/decree"); a file named directly
 * on the command line has its bare name. A .jsonl record's id is its "id" field. Two
 * inputs that yield the same id in one run are a reported problem, not an overwrite.
 */
#pragma once

#include "core/document.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tracuu {

/// Something in the input that could not be indexed, and why.
struct InputProblem {
    std::string file;
    std::size_t line = 0;  ///< 1-based; 0 when it concerns the whole file.
    std::string reason;

    /// "file:line: reason" (or "file: reason").
    [[nodiscard]] std::string to_string() const;
};

/// A file to read, with the id it gets (for .txt files).
struct InputFile {
    std::filesystem::path path;
    std::string id;
};

/// Longest id accepted, in bytes (Xapian terms are limited to 245 bytes).
inline constexpr std::size_t kMaxIdBytes = 200;

/// Expands files and folders (recursively, in sorted order, skipping hidden entries) into
/// the files to read. Missing paths and unsupported file types go to @p problems.
[[nodiscard]] std::vector<InputFile> collect_inputs(const std::vector<std::string>& arguments,
                                                    std::vector<InputProblem>& problems);

using DocumentSink = std::function<void(Document&&)>;
using ProblemSink = std::function<void(InputProblem&&)>;

/// Reads one file (.txt or .jsonl by extension) and hands over each document or problem.
void read_input_file(const InputFile& input, const DocumentSink& on_document, const ProblemSink& on_problem);

}  // namespace tracuu
