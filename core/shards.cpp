/** @file
 * @brief Index layouts on disk: stubs, the first-build switch, the indexer lock.
 */
#include "core/shards.hpp"

#include "core/hash.hpp"

#include <xapian.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace fs = std::filesystem;

namespace tracuu {
namespace {

constexpr std::string_view kShardPrefix = "shard-";
constexpr std::string_view kMergedName = "merged";
constexpr std::string_view kVersionFileName = "iamglass";

void fsync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

// The shard directories a stub file lists ("auto shard-0" lines), relative to @p dir.
std::vector<fs::path> read_stub(const fs::path& dir, const fs::path& stub) {
    std::ifstream in(stub);
    std::vector<fs::path> shards;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') continue;
        if (line.rfind("auto ", 0) != 0)
            throw std::runtime_error(stub.string() + ": unexpected line \"" + line + "\" (tracuu writes \"auto shard-N\")");
        shards.push_back(dir / line.substr(5));
    }
    if (shards.empty()) throw std::runtime_error(stub.string() + " lists no database");
    return shards;
}

void write_file_atomically(const fs::path& path, const std::string& content) {
    const fs::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << content;
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + temporary.string());
    }
    fsync_path(temporary, false);
    fs::rename(temporary, path);
    fsync_path(path.parent_path(), true);
}

std::string stub_text(const IndexLayout& layout) {
    std::string text;
    for (const fs::path& shard : layout.shards) text += "auto " + shard.lexically_relative(layout.dir).generic_string() + "\n";
    return text;
}

}  // namespace

std::size_t shard_of(std::string_view id, std::size_t shards) {
    return shards <= 1 ? 0 : static_cast<std::size_t>(fnv1a64(id) % shards);
}

IndexLayout read_layout(const fs::path& dir) {
    IndexLayout layout;
    layout.dir = dir;
    if (fs::exists(dir / kVersionFileName)) {
        layout.kind = LayoutKind::single;
        layout.shards = {dir};
    } else if (fs::exists(dir / kStubFileName)) {
        layout.kind = LayoutKind::sharded;
        layout.shards = read_stub(dir, dir / kStubFileName);
    } else if (fs::exists(dir / kDirectoryStubName)) {
        layout.kind = LayoutKind::building;
        layout.shards = read_stub(dir, dir / kDirectoryStubName);
    }
    return layout;
}

IndexLayout plan_layout(const fs::path& dir, LayoutKind kind, std::size_t shards) {
    IndexLayout layout;
    layout.dir = dir;
    layout.kind = kind;
    if (kind == LayoutKind::single) {
        layout.shards = {dir};
        return layout;
    }
    const fs::path parent = kind == LayoutKind::building ? dir / kBuildDirName : dir;
    for (std::size_t k = 0; k < shards; ++k) layout.shards.push_back(parent / (std::string(kShardPrefix) + std::to_string(k)));
    return layout;
}

void write_stubs(const IndexLayout& layout) {
    const std::string text = stub_text(layout);
    if (layout.kind == LayoutKind::sharded) write_file_atomically(layout.dir / kStubFileName, text);
    if (layout.kind == LayoutKind::sharded || layout.kind == LayoutKind::building)
        write_file_atomically(layout.dir / kDirectoryStubName, text);
}

void finish_build(const IndexLayout& layout) {
    const fs::path merged = layout.dir / kBuildDirName / kMergedName;
    fs::remove_all(merged);
    {
        Xapian::Database all;
        for (const fs::path& shard : layout.shards) all.add_database(Xapian::Database(shard.string()));
        all.compact(merged.string());
    }
    // Table files first: readers still go through the stub and never look at them.
    for (const auto& entry : fs::directory_iterator(merged)) {
        if (entry.path().filename() == kVersionFileName) continue;
        fsync_path(entry.path(), false);
        fs::rename(entry.path(), layout.dir / entry.path().filename());
    }
    fsync_path(merged / kVersionFileName, false);
    fsync_path(layout.dir, true);
    // The switch: from here on DIR opens as the single database.
    fs::rename(merged / kVersionFileName, layout.dir / kVersionFileName);
    fsync_path(layout.dir, true);
    clean_build_leftovers(layout.dir);
}

void clean_build_leftovers(const fs::path& dir) {
    if (fs::exists(dir / kVersionFileName)) {
        fs::remove(dir / kDirectoryStubName);
        fs::remove_all(dir / kBuildDirName);
    } else if (!fs::exists(dir / kDirectoryStubName)) {
        fs::remove_all(dir / kBuildDirName);  // listed by no stub: holds no document
    }
}

void discard_uncreated_databases(const IndexLayout& layout) {
    // What Xapian's glass backend writes while creating a database, iamglass last (by renaming v.tmp).
    static const std::vector<std::string> kXapianFiles = {"flintlock",      "v.tmp",          "postlist.glass",
                                                          "termlist.glass", "position.glass", "docdata.glass",
                                                          "spelling.glass", "synonym.glass"};
    for (const fs::path& database : layout.shards) {
        if (!fs::is_directory(database) || fs::exists(database / kVersionFileName)) continue;
        for (const std::string& name : kXapianFiles) fs::remove(database / name);
    }
}

IndexLock::IndexLock(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error("cannot create " + dir.string() + ": " + ec.message());
    const fs::path file = dir / kLockFileName;
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error("cannot open " + file.string() + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd_);
        fd_ = -1;
        if (error == EWOULDBLOCK)
            throw IndexLockedError(dir.string() + " is locked: another tracuu-index is writing to it");
        throw std::runtime_error("cannot lock " + file.string() + ": " + std::strerror(error));
    }
}

IndexLock::~IndexLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace tracuu
