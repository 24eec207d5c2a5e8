/** @file
 * @brief tracuu-index as a user runs it: incremental runs, --prune, --shards, the parallel
 *        first build, locking, progress and summaries, and every kind of bad input with
 *        the exit status it gives.
 */
#include "test_support.hpp"

#include "core/schema.hpp"
#include "core/shards.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace tracuu {
namespace {

namespace fs = std::filesystem;

using testing::RunResult;
using testing::run_command;

std::string quote(const std::string& s) { return testing::shell_quote(s); }

RunResult run(const std::string& command) { return run_command(command); }

std::string index_command(const std::string& db, const std::vector<std::string>& args) {
    std::string command = quote(TRACUU_INDEX_BIN);
    command += " --db ";
    command += quote(db);
    for (const auto& arg : args) {
        command += ' ';
        command += quote(arg);
    }
    return command;
}

/// tracuu-index with stderr and stdout together.
RunResult index(const std::string& db, const std::vector<std::string>& args) { return run(index_command(db, args) + " 2>&1"); }

/// tracuu-index --json: the JSON summary (stdout only).
rapidjson::Document index_json(const std::string& db, std::vector<std::string> args, int expected_exit = 0) {
    args.push_back("--json");
    const RunResult result = run(index_command(db, args) + " 2>/dev/null");
    EXPECT_EQ(result.exit_code, expected_exit) << result.output;
    rapidjson::Document json;
    json.Parse(result.output.c_str());
    EXPECT_TRUE(json.IsObject()) << result.output;
    return json;
}

/// @p count small articles a/0000.txt … in @p folder, each with its number as a word.
void write_articles(const testing::TempDir& dir, const std::string& folder, int count) {
    for (int i = 0; i < count; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "%04d", i);
        dir.write(folder + "/" + name + ".txt",
                  std::string("Bài số ") + name + "\nNghị quyết số 126/NQ-CP về thi hành pháp luật, mã " + name + ".\n");
    }
}

Xapian::doccount documents_in(const std::string& db) { return Xapian::Database(db).get_doccount(); }

TEST(IndexerCli, ASecondRunOverUnchangedInputDoesAlmostNothingAndSaysSo) {
    testing::TempDir dir;
    write_articles(dir, "in", 60);
    const std::string db = (dir.path() / "db").string();
    const std::string in = (dir.path() / "in").string();
    const rapidjson::Document first = index_json(db, {in});
    EXPECT_EQ(first["indexed"].GetUint(), 60u);
    EXPECT_EQ(first["documents"].GetUint(), 60u);

    const RunResult again = index(db, {in});
    EXPECT_EQ(again.exit_code, 0) << again.output;
    EXPECT_NE(again.output.find("indexed 0 documents (0 new, 0 replaced), 60 unchanged"), std::string::npos) << again.output;

    dir.write("in/0007.txt", "Bài số 0007, đã sửa\nNội dung mới hẳn: kiểm toán ngân sách.");
    dir.write("in/new.txt", "Bài mới\nMột bài hoàn toàn mới.");
    const rapidjson::Document third = index_json(db, {in});
    EXPECT_EQ(third["indexed"].GetUint(), 1u);
    EXPECT_EQ(third["replaced"].GetUint(), 1u);
    EXPECT_EQ(third["unchanged"].GetUint(), 59u);
    EXPECT_EQ(third["documents"].GetUint(), 61u);
    const Xapian::Database xdb(db);
    EXPECT_EQ(xdb.get_termfreq("kiem"), 1u);  // the new content is searchable
    EXPECT_EQ(xdb.get_termfreq(std::string(schema::kIdPrefix) + "0007"), 1u);
}

TEST(IndexerCli, PruneRemovesDocumentsWhoseSourceFileIsGone) {
    testing::TempDir dir;
    write_articles(dir, "in", 10);
    dir.write("in/records.jsonl", "{\"id\":\"r1\",\"text\":\"một\"}\n{\"id\":\"r2\",\"text\":\"hai\"}\n");
    dir.write("other/keep.txt", "Giữ lại\nKhông nằm trong thư mục được dọn.");
    const std::string db = (dir.path() / "db").string();
    const std::string in = (dir.path() / "in").string();
    (void)index_json(db, {in, (dir.path() / "other/keep.txt").string()});
    ASSERT_EQ(documents_in(db), 13u);

    fs::remove(dir.path() / "in/0003.txt");
    fs::remove(dir.path() / "in/records.jsonl");
    fs::remove(dir.path() / "other/keep.txt");  // named directly, not under a folder: never pruned
    EXPECT_EQ(index_json(db, {in})["pruned"].GetUint(), 0u);  // without --prune nothing goes
    EXPECT_EQ(documents_in(db), 13u);
    const rapidjson::Document pruned = index_json(db, {in, "--prune"});
    EXPECT_EQ(pruned["pruned"].GetUint(), 3u);
    EXPECT_EQ(pruned["documents"].GetUint(), 10u);
    const Xapian::Database xdb(db);
    EXPECT_EQ(xdb.get_termfreq(std::string(schema::kIdPrefix) + "0003"), 0u);
    EXPECT_EQ(xdb.get_termfreq(std::string(schema::kIdPrefix) + "keep"), 1u);
}

TEST(IndexerCli, PruneKeepsTheDocumentsOfAFolderThatCannotBeListed) {
    testing::TempDir dir;
    fs::permissions(dir.path(), fs::perms::all);
    write_articles(dir, "in", 3);
    write_articles(dir, "in/sub", 4);
    write_articles(dir, "in/gone", 2);
    const std::string db = (dir.path() / "db").string();
    const std::string in = (dir.path() / "in").string();
    ASSERT_EQ(index_json(db, {in})["documents"].GetUint(), 9u);
    // Root lists any folder: the runs that cannot are another user's (the database theirs).
    const bool root = ::geteuid() == 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
        fs::permissions(entry.path(), fs::is_directory(entry.status()) ? fs::perms::all : fs::perms::owner_read |
                        fs::perms::owner_write | fs::perms::group_read | fs::perms::group_write | fs::perms::others_read |
                        fs::perms::others_write);
    }
    const std::string as_nobody = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    fs::remove_all(dir.path() / "in/gone");
    fs::permissions(dir.path() / "in/sub", fs::perms::none);
    const RunResult sub_locked = run("timeout 60 " + as_nobody + index_command(db, {in, "--prune"}) + " 2>&1");
    EXPECT_EQ(sub_locked.exit_code, 1) << sub_locked.output;
    EXPECT_NE(sub_locked.output.find(in + "/sub: cannot list folder: Permission denied; --prune keeps the documents "
                                            "indexed from it"),
              std::string::npos)
        << sub_locked.output;
    EXPECT_EQ(documents_in(db), 7u);  // only in/gone's two are pruned

    // The folder named itself cannot be listed: everything stays.
    fs::permissions(dir.path() / "in", fs::perms::none);
    const RunResult top_locked = run("timeout 60 " + as_nobody + index_command(db, {in, "--prune"}) + " 2>&1");
    fs::permissions(dir.path() / "in", fs::perms::all);
    fs::permissions(dir.path() / "in/sub", fs::perms::all);
    EXPECT_EQ(top_locked.exit_code, 1) << top_locked.output;
    EXPECT_NE(top_locked.output.find(in + ": cannot list folder: Permission denied"), std::string::npos) << top_locked.output;
    EXPECT_EQ(documents_in(db), 7u);
}

// A network share that failed to mount looks like an empty folder: --prune keeps its
// documents, as it does a missing folder's, and says so with exit status 1; the files taken
// out of another folder go as before. --prune-empty-folders says it was emptied on purpose.
TEST(IndexerCli, PruneKeepsTheDocumentsOfAnInputFolderThatIsEmptyUnlessToldItWasEmptied) {
    testing::TempDir dir;
    write_articles(dir, "share", 3);
    write_articles(dir, "share/2024", 2);
    write_articles(dir, "other/news", 2);  // ids news/0000, news/0001
    const std::string db = (dir.path() / "db").string();
    const std::string share = (dir.path() / "share").string();
    const std::string other = (dir.path() / "other").string();
    ASSERT_EQ(index_json(db, {share, other})["documents"].GetUint(), 7u);

    // Emptied as an unmounted share is: an empty subfolder and a hidden file are no files.
    for (const char* name : {"0000", "0001", "0002", "2024/0000", "2024/0001"})
        fs::remove(dir.path() / "share" / (std::string(name) + ".txt"));
    dir.write("share/.directory", "[Desktop Entry]\n");
    fs::remove(dir.path() / "other/news/0001.txt");
    const RunResult kept = index(db, {share, other, "--prune"});
    EXPECT_EQ(kept.exit_code, 1) << kept.output;
    EXPECT_NE(kept.output.find(share + ": folder is empty: --prune kept its 5 documents (a share that failed to mount looks "
                                       "empty too); leave the folder out of the command line to keep them, or add "
                                       "--prune-empty-folders to remove them"),
              std::string::npos)
        << kept.output;
    EXPECT_NE(kept.output.find(", 1 pruned,"), std::string::npos) << kept.output;  // other/news/0001.txt
    EXPECT_EQ(documents_in(db), 6u);
    EXPECT_EQ(index_json(db, {share, other, "--prune"}, 1)["rejected"].GetUint(), 1u);
    // Left out of the command line, it keeps them without a word.
    EXPECT_EQ(index_json(db, {other, "--prune"})["pruned"].GetUint(), 0u);
    // Missing, the same.
    fs::remove_all(dir.path() / "share");
    EXPECT_EQ(index_json(db, {share, other, "--prune"}, 1)["pruned"].GetUint(), 0u);
    EXPECT_EQ(documents_in(db), 6u);

    // Emptied on purpose: said so, its documents go.
    fs::create_directory(dir.path() / "share");
    EXPECT_EQ(index(db, {share, other, "--prune-empty-folders"}).exit_code, 2);  // needs --prune
    const rapidjson::Document emptied = index_json(db, {share, other, "--prune", "--prune-empty-folders"});
    EXPECT_EQ(emptied["pruned"].GetUint(), 5u);
    EXPECT_EQ(emptied["documents"].GetUint(), 1u);
    // Nothing indexed from it: nothing to say.
    EXPECT_EQ(index_json(db, {share, other, "--prune"})["rejected"].GetUint(), 0u);
}

TEST(IndexerCli, PruneRemovesWhatAFileReadWholeNoLongerGives) {
    testing::TempDir dir;
    dir.write("in/feed.jsonl", "{\"id\":\"r1\",\"text\":\"một\"}\n{\"id\":\"r2\",\"text\":\"hai\"}\n{\"id\":\"r3\",\"text\":\"ba\"}\n");
    dir.write("in/broken.jsonl", "{\"id\":\"b1\",\"text\":\"một\"}\n{\"id\":\"b2\",\"text\":\"hai\"}\n");
    write_articles(dir, "in/2024", 2);
    const std::string db = (dir.path() / "db").string();
    const std::string in = (dir.path() / "in").string();
    (void)index_json(db, {(dir.path() / "in/2024").string(), (dir.path() / "in/feed.jsonl").string(),
                          (dir.path() / "in/broken.jsonl").string()});
    ASSERT_EQ(documents_in(db), 7u);  // the articles as "0000", "0001"

    // A record taken out of the export; a file with a line that cannot be read keeps its records
    // (the line may be one of them); the articles named from the folder above are "2024/0000" now.
    dir.write("in/feed.jsonl", "{\"id\":\"r1\",\"text\":\"một\"}\n{\"id\":\"r3\",\"text\":\"ba\"}\n");
    dir.write("in/broken.jsonl", "{\"id\":\"b1\",\"text\":\"một\"}\n{\"id\":\"b2\",\n");
    EXPECT_EQ(index_json(db, {in}, 1)["pruned"].GetUint(), 0u);  // without --prune nothing goes
    const rapidjson::Document pruned = index_json(db, {in, "--prune"}, 1);
    EXPECT_EQ(pruned["pruned"].GetUint(), 3u);
    const Xapian::Database xdb(db);
    const auto held = [&](const std::string& id) { return xdb.get_termfreq(std::string(schema::kIdPrefix) + id) == 1; };
    EXPECT_FALSE(held("r2"));
    EXPECT_TRUE(held("r1") && held("r3") && held("b1") && held("b2"));
    EXPECT_FALSE(held("0000") || held("0001"));
    EXPECT_TRUE(held("2024/0000") && held("2024/0001"));
    EXPECT_EQ(xdb.get_doccount(), 6u);
    // The rejected line says why the file's records stay.
    const RunResult kept = index(db, {in, "--prune"});
    EXPECT_NE(kept.output.find("broken.jsonl:2: malformed JSON: Missing a name for object member. (column 12); --prune removes "
                               "none of this file's documents until it reads without a rejected record"),
              std::string::npos)
        << kept.output;

    // Emptied since: rejected, and the message says what a search still finds.
    dir.write("in/2024/0000.txt", "");
    const RunResult emptied = index(db, {in});
    EXPECT_NE(emptied.output.find("0000.txt: empty file; the version indexed before stays"), std::string::npos) << emptied.output;
    dir.write("in/feed.jsonl", "");  // its records too
    const RunResult emptied_feed = index(db, {in});
    EXPECT_NE(emptied_feed.output.find("feed.jsonl: empty file; the version indexed before stays"), std::string::npos)
        << emptied_feed.output;
}

TEST(IndexerCli, ShardsAreNDatabasesOpenedAsOneThroughTheStubAndKeptOnLaterRuns) {
    testing::TempDir dir;
    write_articles(dir, "in", 40);
    const fs::path db = dir.path() / "db";
    const std::string in = (dir.path() / "in").string();
    const rapidjson::Document first = index_json(db.string(), {in, "--shards", "3"});
    EXPECT_EQ(first["shards"].GetUint(), 3u);
    for (int k = 0; k < 3; ++k) EXPECT_TRUE(fs::exists(db / ("shard-" + std::to_string(k)) / "iamglass"));
    const Xapian::Database stub((db / "index.stub").string());
    EXPECT_EQ(stub.get_doccount(), 40u);
    EXPECT_EQ(documents_in(db.string()), 40u);  // the directory opens as one too
    // Each document is in the shard its id hashes to, so a later run finds it again.
    for (const std::string id : {"0000", "0017", "0039"}) {
        const Xapian::Database shard((db / ("shard-" + std::to_string(shard_of(id, 3)))).string());
        EXPECT_EQ(shard.get_termfreq(std::string(schema::kIdPrefix) + id), 1u) << id;
    }
    dir.write("in/0017.txt", "Bài số 0017 đã sửa\nThay nội dung.");
    const rapidjson::Document second = index_json(db.string(), {in});
    EXPECT_EQ(second["unchanged"].GetUint(), 39u);
    EXPECT_EQ(second["replaced"].GetUint(), 1u);
    EXPECT_EQ(second["documents"].GetUint(), 40u);

    const RunResult other_count = index(db.string(), {in, "--shards", "2"});
    EXPECT_EQ(other_count.exit_code, 2) << other_count.output;
    EXPECT_NE(other_count.output.find("has 3 shards, not 2"), std::string::npos) << other_count.output;
    const std::string one = (dir.path() / "one-shard").string();
    (void)index_json(one, {in, "--shards", "1"});
    const RunResult one_shard = index(one, {in, "--shards", "2"});
    EXPECT_NE(one_shard.output.find("has 1 shard, not 2"), std::string::npos) << one_shard.output;
}

TEST(IndexerCli, AnalyzerOptionsThatContradictTheIndexAreAUsageError) {
    testing::TempDir dir;
    write_articles(dir, "in", 3);
    const std::string db = (dir.path() / "db").string();
    const std::string in = (dir.path() / "in").string();
    (void)index_json(db, {in});
    const RunResult contradicting = index(db, {in, "--syllables-only"});
    EXPECT_EQ(contradicting.exit_code, 2) << contradicting.output;
    EXPECT_NE(contradicting.output.find(db + " was built with analyzer options words=1, not words=0"), std::string::npos)
        << contradicting.output;
    EXPECT_EQ(contradicting.output.find(db + ": " + db), std::string::npos) << contradicting.output;  // named once
    EXPECT_EQ(documents_in(db), 3u);
}

TEST(IndexerCli, AFirstBuildInParallelEndsAsOneDatabase) {
    testing::TempDir dir;
    write_articles(dir, "in", 200);
    const fs::path db = dir.path() / "db";
    const rapidjson::Document first = index_json(db.string(), {(dir.path() / "in").string(), "--threads", "2"});
    EXPECT_EQ(first["documents"].GetUint(), 200u);
    EXPECT_TRUE(fs::exists(db / "iamglass"));
    EXPECT_FALSE(fs::exists(db / std::string(kDirectoryStubName)));
    EXPECT_FALSE(fs::exists(db / std::string(kBuildDirName)));
    const Xapian::Database xdb(db.string());
    EXPECT_EQ(xdb.get_termfreq("126/nq-cp"), 0u);
    EXPECT_EQ(xdb.get_termfreq("XR126/nq-cp"), 200u);
}

// As in the README: `tracuu-index --db index docs/`, a path with no folder before it, with one
// worker (a one-core machine) and with several, run twice.
TEST(IndexerCli, ARelativeDatabasePathWorksWithOneWorkerOrSeveralAndOnTheNextRun) {
    testing::TempDir dir;
    write_articles(dir, "in", 3);
    for (const char* threads : {"1", "2"}) {
        const std::string db = std::string("db-") + threads;
        const RunResult result =
            run("cd " + quote(dir.path().string()) + " && " + index_command(db, {"in", "--threads", threads}) + " 2>&1");
        EXPECT_EQ(result.exit_code, 0) << threads << " threads: " << result.output;
        EXPECT_EQ(documents_in((dir.path() / db).string()), 3u) << threads << " threads";
        // The second run opens the finished index, one database whatever the first run's workers.
        const RunResult again =
            run("cd " + quote(dir.path().string()) + " && " + index_command(db, {"in", "--threads", threads}) + " 2>&1");
        EXPECT_EQ(again.exit_code, 0) << threads << " threads, second run: " << again.output;
    }
}

TEST(IndexerCli, ASecondIndexerOnTheSameDatabaseIsToldItIsLockedAtOnce) {
    testing::TempDir dir;
    write_articles(dir, "in", 5);
    const std::string db = (dir.path() / "db").string();
    ASSERT_EQ(index(db, {(dir.path() / "in").string()}).exit_code, 0);
    {
        const IndexLock held(db);  // what a running tracuu-index holds
        const auto started = std::chrono::steady_clock::now();
        const RunResult second = index(db, {(dir.path() / "in").string()});
        EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
        EXPECT_EQ(second.exit_code, 3) << second.output;
        EXPECT_NE(second.output.find("is locked: another tracuu-index is writing to it"), std::string::npos) << second.output;
        // A script reading --json's stdout is told too.
        const rapidjson::Document told = index_json(db, {(dir.path() / "in").string()}, 3);
        ASSERT_TRUE(told.IsObject() && told.HasMember("error"));
        EXPECT_EQ(told["error"]["exit"].GetInt(), 3);
        EXPECT_NE(std::string(told["error"]["message"].GetString()).find("is locked"), std::string::npos);
    }
    {
        Xapian::WritableDatabase other_writer(db, Xapian::DB_OPEN);  // a writer that is not tracuu-index
        const RunResult second = index(db, {(dir.path() / "in").string()});
        EXPECT_EQ(second.exit_code, 3) << second.output;
        EXPECT_NE(second.output.find("locked"), std::string::npos) << second.output;
    }
    EXPECT_EQ(documents_in(db), 5u);  // nothing committed was lost
}

TEST(IndexerCli, BadInputIsReportedTheRestIndexedAndTheExitStatusSaysSo) {
    testing::TempDir dir;
    const bool root = ::geteuid() == 0;
    // Root reads anything: the indexer then runs as nobody, and the folders must let it write.
    fs::permissions(dir.path(), fs::perms::all);
    dir.write("in/good.txt", "Tiêu đề\nVăn bản tốt.");
    dir.write("in/bad-utf8.txt", "Tiêu đề\nxin ch\xE0o");
    dir.write("in/binary.txt", std::string("\x7f" "ELF\0\0\0", 7));
    dir.write("in/photo.jpg", "\xFF\xD8\xFF\xE0");
    dir.write("in/empty.md", "");
    dir.write("in/huge.txt", std::string(5000, 'a'));
    dir.write("in/records.jsonl", "{\"id\":\"r1\",\"text\":\"một\"}\n{\"id\":\"r2\",\"text\":tru}\n{\"id\":\"r3\",\"text\":\"ba\"}\n");
    dir.write("in/broken.pdf", "%PDF-1.4\n1 0 obj garbage");
    const fs::path secret = dir.write("in/secret.txt", "Bí mật\nKhông đọc được.");
    fs::permissions(secret, fs::perms::none);
    for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
        if (entry.is_directory()) fs::permissions(entry.path(), fs::perms::all);
    const std::string db = (dir.path() / "db").string();
    const std::string as_nobody = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    const RunResult result =
        run(as_nobody + index_command(db, {(dir.path() / "in").string(), "--max-bytes", "4000"}) + " 2>&1");
    EXPECT_EQ(result.exit_code, 1) << result.output;
    for (const std::string expected :
         {"bad-utf8.txt: invalid UTF-8 at line 2, byte offset 18", "binary.txt: binary file",
          "photo.jpg: unsupported file type \".jpg\"", "empty.md: empty file",
          "huge.txt: larger than --max-bytes (5000 > 4000 bytes)", "records.jsonl:2: malformed JSON: Invalid value.",
          "broken.pdf: PDF cannot be parsed", "secret.txt: cannot read: Permission denied",
          "indexed 3 documents", "; 8 rejected; 3 documents in the index"})
        EXPECT_NE(result.output.find(expected), std::string::npos) << expected << "\n" << result.output;

    // --lossy takes the invalid UTF-8; everything else stays rejected, and nothing indexed is lost.
    const RunResult lossy =
        run(as_nobody + index_command(db, {(dir.path() / "in").string(), "--max-bytes", "4000", "--lossy"}) + " 2>&1");
    EXPECT_EQ(lossy.exit_code, 1) << lossy.output;
    EXPECT_NE(lossy.output.find("; 7 rejected; 4 documents in the index"), std::string::npos) << lossy.output;

    fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write);
    for (const std::string name : {"bad-utf8.txt", "binary.txt", "photo.jpg", "empty.md", "huge.txt", "records.jsonl",
                                   "broken.pdf"})
        fs::remove(dir.path() / "in" / name);
    const RunResult clean = index(db, {(dir.path() / "in").string()});
    EXPECT_EQ(clean.exit_code, 0) << clean.output;
}

// Inside a folder as when named directly: what cannot be read is reported and counted, not
// skipped in silence; links to folders are not followed, so a link to a parent ends nothing.
TEST(IndexerCli, EntriesOfAFolderThatCannotBeReadAreReportedAsWhenNamedDirectly) {
    testing::TempDir dir;
    const bool root = ::geteuid() == 0;
    fs::permissions(dir.path(), fs::perms::all);
    dir.write("in/good.txt", "Tiêu đề\nVăn bản tốt.");
    dir.write("in/sub/note.txt", "Ghi chú\nMột văn bản nữa.");
    dir.write("in/locked/hidden-away.txt", "Không liệt kê được.");
    fs::create_symlink("nowhere.txt", dir.path() / "in/broken.txt");
    fs::create_symlink("loop", dir.path() / "in/loop");
    fs::create_directory_symlink("..", dir.path() / "in/sub/up");
    fs::create_symlink("good.txt", dir.path() / "in/alias.txt");  // a link to a file is read
    ASSERT_EQ(::mkfifo((dir.path() / "in/pipe").c_str(), 0644), 0);
    for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
        if (fs::is_directory(entry.symlink_status())) fs::permissions(entry.path(), fs::perms::all);
    fs::permissions(dir.path() / "in/locked", fs::perms::none);
    const std::string db = (dir.path() / "db").string();
    const std::string in = (dir.path() / "in").string();
    const std::string as_nobody = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    const RunResult result = run("timeout 60 " + as_nobody + index_command(db, {in}) + " 2>&1");
    fs::permissions(dir.path() / "in/locked", fs::perms::all);
    EXPECT_EQ(result.exit_code, 1) << result.output;
    for (const std::string& expected :
         {in + "/broken.txt: no such file or directory (symbolic link to nowhere.txt)",
          in + "/loop: cannot read: Too many levels of symbolic links (symbolic link to loop)",
          in + "/pipe: not a regular file", in + "/sub/up: symbolic link to a folder, not followed",
          in + "/locked: cannot list folder: Permission denied", std::string("indexed 2 documents"),
          in + "/good.txt: the same file as " + in + "/alias.txt; indexed once, as \"alias\"",
          std::string("; 5 rejected;")})
        EXPECT_NE(result.output.find(expected), std::string::npos) << expected << "\n" << result.output;

    // Named directly, the same entries say the same.
    const RunResult named = run("timeout 60 " + index_command(db, {in + "/broken.txt", in + "/loop", in + "/pipe"}) + " 2>&1");
    EXPECT_EQ(named.exit_code, 1) << named.output;
    for (const std::string& expected :
         {in + "/broken.txt: no such file or directory (symbolic link to nowhere.txt)",
          in + "/loop: cannot read: Too many levels of symbolic links", in + "/pipe: not a regular file",
          std::string("; 3 rejected;")})
        EXPECT_NE(named.output.find(expected), std::string::npos) << expected << "\n" << named.output;
}

TEST(IndexerCli, AFileReachedTwiceIsIndexedOnceUnderItsFirstNameAndTheOtherNoted) {
    testing::TempDir dir;
    dir.write("m2/today/tin.txt", "Tin hôm nay\nMột bản tin.");
    dir.write("m2/other.txt", "Tin khác\nMột bản tin khác.");
    fs::create_hard_link(dir.path() / "m2/other.txt", dir.path() / "m2/today/other-hard-link.txt");
    const std::string db = (dir.path() / "db").string();
    const std::string m2 = (dir.path() / "m2").string();
    const RunResult result = index(db, {m2, m2 + "/today/tin.txt", m2 + "/../m2/today/tin.txt"});
    EXPECT_EQ(result.exit_code, 0) << result.output;
    for (const std::string& expected :
         {m2 + "/today/tin.txt: the same file as " + m2 + "/today/tin.txt; indexed once, as \"today/tin\"",
          m2 + "/../m2/today/tin.txt: the same file as " + m2 + "/today/tin.txt; indexed once, as \"today/tin\"",
          m2 + "/today/other-hard-link.txt: the same file as " + m2 + "/other.txt; indexed once, as \"other\""})
        EXPECT_NE(result.output.find(expected), std::string::npos) << expected << "\n" << result.output;
    const Xapian::Database xdb(db);
    EXPECT_EQ(xdb.get_doccount(), 2u);
    EXPECT_EQ(xdb.get_termfreq(std::string(schema::kIdPrefix) + "today/tin"), 1u);
    EXPECT_EQ(xdb.get_termfreq(std::string(schema::kIdPrefix) + "tin"), 0u);
}

TEST(IndexerCli, ARecordOfAJsonArrayThatCannotBeReadIsNamedWithoutAdviceForTheWholeFile) {
    testing::TempDir dir;
    const std::string records = "{\"id\":\"a1\",\"text\":\"một\"},{\"id\":\"a2\",\"text\":\"hai\"},{\"text\":\"ba\"}";
    dir.write("in/array.json", "[" + records + "]");
    const std::string db = (dir.path() / "db").string();
    const std::string in = (dir.path() / "in").string();
    const RunResult first = index(db, {in});
    EXPECT_EQ(first.exit_code, 1) << first.output;
    EXPECT_NE(first.output.find(in + "/array.json: record 3: missing \"id\" (a string)\n"), std::string::npos) << first.output;
    // Read again (changed): record 3 never had a version, and the file's other records are indexed.
    dir.write("in/array.json", "[ " + records + "]");
    const RunResult second = index(db, {in});
    EXPECT_EQ(second.exit_code, 1) << second.output;
    EXPECT_NE(second.output.find(in + "/array.json: record 3: missing \"id\" (a string)\n"), std::string::npos) << second.output;
    EXPECT_EQ(second.output.find("indexed before stays"), std::string::npos) << second.output;
    EXPECT_EQ(documents_in(db), 2u);
    // The whole file spoilt: its records indexed before stay, and the message says so.
    dir.write("in/array.json", " \n");
    const RunResult broken = index(db, {in});
    EXPECT_NE(broken.output.find("the version indexed before stays"), std::string::npos) << broken.output;
    EXPECT_EQ(documents_in(db), 2u);
}

TEST(IndexerCli, ByDefaultAFileOver64MiBIsRejectedForTheMemoryItsTextWouldTake) {
    testing::TempDir dir;
    dir.write("in/good.txt", "Tiêu đề\nVăn bản tốt.");
    dir.write("in/huge.txt", "");
    fs::resize_file(dir.path() / "in/huge.txt", (64ULL << 20) + 1);  // sparse: checked before it is read
    const std::string in = (dir.path() / "in").string();
    const RunResult result = index((dir.path() / "db").string(), {in});
    EXPECT_EQ(result.exit_code, 1) << result.output;
    EXPECT_NE(result.output.find(in + "/huge.txt: larger than --max-bytes (67108865 > 67108864 bytes)"), std::string::npos)
        << result.output;
}

TEST(IndexerCli, SizesTakeUnitsAndBadNumbersAreUsageErrorsThatSayWhatIsAccepted) {
    testing::TempDir dir;
    dir.write("in/small.txt", "Nhỏ\nVăn bản ngắn.");
    dir.write("in/huge.txt", std::string(5000, 'a'));
    const std::string db = (dir.path() / "db").string();
    const std::string in = (dir.path() / "in").string();
    const RunResult kilobytes = index(db, {in, "--max-bytes", "4KiB"});
    EXPECT_EQ(kilobytes.exit_code, 1) << kilobytes.output;
    EXPECT_NE(kilobytes.output.find("huge.txt: larger than --max-bytes (5000 > 4096 bytes)"), std::string::npos)
        << kilobytes.output;
    EXPECT_EQ(index(db, {in, "--max-bytes", "10MB"}).exit_code, 0);

    const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
        {{"--max-bytes", "0"}, "--max-bytes: \"0\" is too small: give at least 1 byte"},
        {{"--max-bytes", "abc"}, "--max-bytes: \"abc\" is not a size: give a number of bytes, or one with a unit K, M or G"},
        {{"--max-bytes", "-5"}, "--max-bytes: \"-5\" is not a size"},
        {{"--max-bytes", "99999999999999999999999"}, "--max-bytes: \"99999999999999999999999\" is too large"},
        {{"--threads", "abc"}, "--threads: expected a whole number from 1 to 256, not \"abc\""},
        {{"--batch-mb", "-5"}, "--batch-mb: expected a whole number from 1 to 1048576, not \"-5\""},
        {{"--shards", "0"}, "--shards: expected a whole number from 1 to 256, not \"0\""},
    };
    for (const auto& [options, message] : bad) {
        std::vector<std::string> args = {in};
        args.insert(args.end(), options.begin(), options.end());
        const RunResult result = index((dir.path() / "other-db").string(), args);
        EXPECT_EQ(result.exit_code, 2) << options[0] << " " << options[1] << ": " << result.output;
        EXPECT_NE(result.output.find(message), std::string::npos) << message << "\n" << result.output;
    }
    EXPECT_FALSE(fs::exists(dir.path() / "other-db"));  // refused before anything was written
}

TEST(IndexerCli, AUsageErrorIsToldOnStdoutWithJsonAndHelpIsStillHelp) {
    testing::TempDir dir;
    dir.write("in/small.txt", "Nhỏ\nVăn bản ngắn.");
    const std::string db = (dir.path() / "db").string();
    const std::string in = (dir.path() / "in").string();
    // The arguments (index_json adds --json at the end) -> what the message says.
    const std::vector<std::pair<std::vector<std::string>, std::string>> usage_errors = {
        {{in, "--threads", "0"}, "--threads: expected a whole number from 1 to 256, not \"0\""},
        {{in, "--max-bytes", "0"}, "--max-bytes: \"0\" is too small"},
        {{}, "inputs is required"},
        {{in, "--bogus"}, "--bogus"},
        {{"--json", "--shards", "0", in}, "--shards: expected a whole number"},  // --json before the error
    };
    for (const auto& [args, message] : usage_errors) {
        const rapidjson::Document told = index_json(db, args, 2);
        ASSERT_TRUE(told.IsObject() && told.HasMember("error")) << message;
        EXPECT_EQ(told["error"]["exit"].GetInt(), 2) << message;
        EXPECT_NE(std::string(told["error"]["message"].GetString()).find(message), std::string::npos)
            << message << "\n" << told["error"]["message"].GetString();
    }
    // After "--" everything is an input, a file named --json too.
    const RunResult after_separator = run(quote(TRACUU_INDEX_BIN) + " --threads 0 -- --json 2>/dev/null");
    EXPECT_EQ(after_separator.exit_code, 2);
    EXPECT_EQ(after_separator.output, "");
    // "--db --json in" forgot the directory: no index named "--json".
    const RunResult forgotten = run("cd " + quote(dir.path().string()) + " && " + quote(TRACUU_INDEX_BIN) + " --db --json in 2>&1");
    EXPECT_EQ(forgotten.exit_code, 2) << forgotten.output;
    EXPECT_NE(forgotten.output.find("--db: expects a value, not the option --json"), std::string::npos) << forgotten.output;
    EXPECT_FALSE(fs::exists(dir.path() / "--json"));
    const RunResult help = run(quote(TRACUU_INDEX_BIN) + " --help --json 2>/dev/null");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.output.find("--max-bytes"), std::string::npos) << help.output;
    EXPECT_EQ(help.output.find("\"error\""), std::string::npos) << help.output;
    EXPECT_FALSE(fs::exists(db));
}

TEST(IndexerCli, ARecordIndexedWithoutAFieldItCouldNotUseIsAWarningNotARejection) {
    testing::TempDir dir;
    dir.write("in/records.jsonl", "{\"id\":\"a\",\"text\":\"một\",\"date\":\"hôm qua\"}\n{\"id\":\"b\",\"text\":\"hai\"}\n");
    const std::string db = (dir.path() / "db").string();
    const RunResult result = run(index_command(db, {(dir.path() / "in").string()}) + " 2>&1");
    EXPECT_EQ(result.exit_code, 0) << result.output;  // all input indexed
    for (const std::string expected : {"records.jsonl:1: \"date\" \"hôm qua\" is not a date; indexed without it",
                                       "; 0 rejected; 1 indexed with a warning; 2 documents in the index"})
        EXPECT_NE(result.output.find(expected), std::string::npos) << expected << "\n" << result.output;
    dir.write("in/records.jsonl", "{\"id\":\"a\",\"text\":\"một!\",\"lang\":\"fr\"}\n{\"id\":\"b\",\"text\":7}\n");
    const rapidjson::Document json = index_json(db, {(dir.path() / "in").string()}, 1);  // b is rejected
    EXPECT_EQ(json["rejected"].GetUint(), 1u);
    EXPECT_EQ(json["warnings"].GetUint(), 1u);
    EXPECT_EQ(json["replaced"].GetUint(), 1u);
}

// A daily log says on every run that the document has no date, as it does for a JSONL
// record: an unchanged file is skipped, not silent.
TEST(IndexerCli, AFrontMatterDateThatIsNoDateIsAWarningOnEveryRunUnchangedOrNot) {
    testing::TempDir dir;
    dir.write("daily/md/bad-date.md", "---\ntitle: Bản tin\ndate: hôm qua\n---\n\nNội dung bản tin hôm nay.\n");
    dir.write("daily/md/ok.md", "---\ndate: 2024-03-05\n---\n\nMột bài bình thường.\n");
    const std::string db = (dir.path() / "db").string();
    const std::string daily = (dir.path() / "daily").string();
    const std::string warning = daily + "/md/bad-date.md:3: front matter \"date: hôm qua\" is not a date; indexed without it";
    for (const char* run_name : {"first run", "second run (unchanged)"}) {
        const RunResult result = run(index_command(db, {daily, "--json"}) + " 2>&1");
        EXPECT_EQ(result.exit_code, 0) << run_name << ": " << result.output;
        EXPECT_NE(result.output.find(warning), std::string::npos) << run_name << ": " << result.output;
        EXPECT_NE(result.output.find("\"warnings\":1,"), std::string::npos) << run_name << ": " << result.output;
        EXPECT_EQ(result.output.find("ok.md"), std::string::npos) << run_name << ": " << result.output;
    }
    EXPECT_EQ(index_json(db, {daily})["unchanged"].GetUint(), 2u);
    EXPECT_EQ(Xapian::Database(db).get_termfreq("D20240305"), 1u);  // a date that is one is still read
}

// The record warned about is the duplicate: rejected, so not a warning too. Whether the
// record kept is new or unchanged, the duplicate message names it with its line.
TEST(IndexerCli, ADuplicateRecordIsARejectionNotAWarningAndBothAreNamedWithTheirLines) {
    testing::TempDir dir;
    const std::string a = dir.write("in/a.jsonl", "{\"id\":\"x\",\"text\":\"Bản ghi một\"}\n").string();
    const std::string b = dir.write("in/b.jsonl", "{\"id\":\"x\",\"text\":\"Bản ghi hai\",\"date\":\"hôm qua\"}\n").string();
    const std::string db = (dir.path() / "db").string();
    for (const char* run_name : {"first run", "second run (a.jsonl unchanged)"}) {
        const RunResult result = run(index_command(db, {a, b, "--json"}) + " 2>&1");
        EXPECT_EQ(result.exit_code, 1) << run_name << ": " << result.output;
        for (const std::string& expected :
             {b + ":1: \"date\" \"hôm qua\" is not a date; indexed without it",
              b + ":1: duplicate document id \"x\" (already read from " + a + ":1); not indexed",
              std::string("; 1 rejected;"), std::string("\"rejected\":1,\"warnings\":0,")})
            EXPECT_NE(result.output.find(expected), std::string::npos) << run_name << ": " << expected << "\n" << result.output;
        EXPECT_EQ(result.output.find("with a warning"), std::string::npos) << run_name << ": " << result.output;
    }
}

TEST(IndexerCli, QuietPrintsOnlyProblemsAndJsonGoesToStdout) {
    testing::TempDir dir;
    write_articles(dir, "in", 3);
    dir.write("in/empty.txt", "");
    const std::string db = (dir.path() / "db").string();
    const RunResult quiet = index(db, {(dir.path() / "in").string(), "--quiet"});
    EXPECT_EQ(quiet.exit_code, 1);
    EXPECT_EQ(quiet.output, "tracuu-index: " + (dir.path() / "in/empty.txt").string() + ": empty file\n");
    const rapidjson::Document json = index_json(db, {(dir.path() / "in").string(), "--quiet"}, 1);
    for (const char* field : {"indexed", "replaced", "unchanged", "pruned", "rejected", "seconds", "docs_per_s", "mb_per_s"})
        EXPECT_TRUE(json.HasMember(field)) << field;
    EXPECT_EQ(json["unchanged"].GetUint(), 3u);
    EXPECT_EQ(json["rejected"].GetUint(), 1u);
}

TEST(IndexerCli, OnATerminalProgressIsOneLineRedrawnInPlace) {
    testing::TempDir dir;
    write_articles(dir, "in", 300);
    const std::string command = index_command((dir.path() / "db").string(), {(dir.path() / "in").string(), "--threads", "1"});
    // script(1) gives the indexer a pseudo-terminal for stderr.
    const RunResult result = run("script -qec " + quote(command) + " /dev/null");
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("\r\x1b[K"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find(" files, "), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("indexed 300 documents"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace tracuu
