/** @file
 * @brief Small helpers shared by the test binaries: temporary folders and files,
 *        and indexes built from documents given inline.
 */
#pragma once

#include "core/document.hpp"
#include "core/index_writer.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace tracuu::testing {

/// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() / ("tracuu-test-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    /// Writes @p bytes to @p name (parent folders created) and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& bytes) const {
        const auto file = path_ / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }

private:
    std::filesystem::path path_;
};

/// A document with just an id and a text (title = first line, as for .txt files).
inline Document make_document(std::string id, std::string text) {
    Document doc;
    doc.id = std::move(id);
    doc.title = text.substr(0, text.find('\n'));
    doc.text = std::move(text);
    return doc;
}

/// Indexes @p docs into a new database at @p path.
inline void build_index(const std::filesystem::path& path, std::vector<Document> docs) {
    IndexWriter writer(path.string());
    for (Document& doc : docs) writer.add(doc);
    writer.commit();
}

/// What a shell command printed on standard output, and its exit status (-1 if it did not exit).
struct RunResult {
    int exit_code;
    std::string output;
};

/// Runs @p command with /bin/sh; append " 2>&1" to capture standard error too.
inline RunResult run_command(const std::string& command) {
    RunResult result{-1, {}};
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

/// @p s in single quotes for /bin/sh (paths here contain no single quote).
inline std::string shell_quote(const std::string& s) {
    std::string quoted(1, '\'');  // built step by step: GCC 12 warns (-Wrestrict) on "'" + s + "'"
    quoted += s;
    quoted += '\'';
    return quoted;
}

}  // namespace tracuu::testing
