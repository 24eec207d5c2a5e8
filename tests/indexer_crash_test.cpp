/** @file
 * @brief kill -9 at any moment: tracuu-index killed early, mid-run, in the middle of a
 *        commit and in the middle of the first build's switch to one database. Each time
 *        the index must open and answer as of its last commit, never lose what was
 *        committed, and the next run must complete the work.
 */
#include "test_support.hpp"

#include "core/shards.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <optional>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace tracuu {
namespace {

namespace fs = std::filesystem;

constexpr int kArticles = 3000;

/// How a run of the indexer ended.
struct Ended {
    bool killed = false;  ///< By SIGKILL.
    int exit_code = -1;   ///< When it exited.
    std::string output;
};

/// Runs tracuu-index on @p input into @p db with @p environment added (the kill shim's
/// settings) and @p options; when @p kill_after is set, SIGKILLs it that long after it started.
Ended run_indexer(const fs::path& db, const fs::path& input, const std::vector<std::string>& environment,
                  std::optional<std::chrono::milliseconds> kill_after = std::nullopt,
                  const std::vector<std::string>& options = {"--threads", "2"}) {
    const fs::path log = db.parent_path() / "indexer.log";
    std::vector<std::string> args = {TRACUU_INDEX_BIN, "--db", db.string(), input.string(), "--batch-mb", "1"};
    args.insert(args.end(), options.begin(), options.end());
    std::vector<std::string> env(environment);
    for (char** e = environ; *e; ++e) env.emplace_back(*e);
    std::vector<char*> argv;
    std::vector<char*> envp;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = -1;
    Ended ended;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) return ended;
    posix_spawn_file_actions_destroy(&actions);
    if (kill_after) {
        std::this_thread::sleep_for(*kill_after);
        ::kill(pid, SIGKILL);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    ended.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    ended.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::FILE* file = std::fopen(log.c_str(), "r");
    if (file) {
        std::array<char, 4096> buffer{};
        while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file)) ended.output.append(buffer.data(), n);
        std::fclose(file);
    }
    return ended;
}

std::vector<std::string> kill_on_rename_to(const fs::path& target, int after) {
    // A sanitizer build wants its runtime first among the libraries; the shim goes before it.
    return {"LD_PRELOAD=" TRACUU_KILL_SHIM, "ASAN_OPTIONS=verify_asan_link_order=0",
            "TRACUU_KILL_ON_RENAME_TO=" + target.string(), "TRACUU_KILL_AFTER=" + std::to_string(after)};
}

/// Opens @p db as a searcher would and checks it answers: every document it holds that
/// mentions Resolution 126/NQ-CP is found. Returns how many documents it holds.
Xapian::doccount open_and_query(const fs::path& db) {
    const Xapian::Database xdb(db.string());
    Xapian::Enquire enquire(xdb);
    enquire.set_query(Xapian::Query("XR126/nq-cp"));
    const Xapian::MSet matches = enquire.get_mset(0, 10);
    EXPECT_EQ(matches.get_matches_estimated(), xdb.get_doccount());
    if (xdb.get_doccount() > 0) {
        EXPECT_FALSE(matches.empty());
    }
    return xdb.get_doccount();
}

TEST(IndexerCrash, KilledAtAnyMomentTheIndexOpensKeepsItsCommitsAndTheNextRunFinishes) {
    testing::TempDir dir;
    for (int i = 0; i < kArticles; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "a/%04d.txt", i);
        dir.write(name, "Bài " + std::to_string(i) + "\nThực hiện Nghị quyết số 126/NQ-CP, văn bản thứ " +
                            std::to_string(i) + " về thi hành pháp luật ở địa phương.\n");
    }
    const fs::path db = dir.path() / "db";
    const fs::path input = dir.path() / "a";

    // 1. In the middle of a commit of the first build: shard 3's fifth version switch
    //    (its creation and stamp are the first two).
    Ended ended = run_indexer(db, input, kill_on_rename_to(db / ".build/shard-3/iamglass", 5));
    ASSERT_TRUE(ended.killed) << ended.output;
    Xapian::doccount committed = open_and_query(db);
    EXPECT_GT(committed, 0u);
    EXPECT_LT(committed, static_cast<Xapian::doccount>(kArticles));

    // 2. From outside, early and mid-run: nothing committed before is lost.
    for (const auto after : {std::chrono::milliseconds(150), std::chrono::milliseconds(700)}) {
        ended = run_indexer(db, input, {}, after);
        if (!ended.killed) break;  // finished before the kill: fine too
        const Xapian::doccount now = open_and_query(db);
        EXPECT_GE(now, committed);
        committed = now;
    }

    // The next run completes: exit 0, every document, one database.
    ended = run_indexer(db, input, {});
    ASSERT_EQ(ended.exit_code, 0) << ended.output;
    EXPECT_NE(ended.output.find(std::to_string(kArticles) + " documents in the index"), std::string::npos) << ended.output;
    EXPECT_EQ(open_and_query(db), static_cast<Xapian::doccount>(kArticles));
    EXPECT_TRUE(fs::exists(db / "iamglass"));
    EXPECT_FALSE(fs::exists(db / std::string(kBuildDirName)));

    // 3. In the middle of a first build's switch from its shards to one database (a build
    //    of its own, so that it surely gets there): it still opens, as the shards.
    const fs::path switched = dir.path() / "switched";
    ended = run_indexer(switched, input, kill_on_rename_to(switched / "iamglass", 1));
    ASSERT_TRUE(ended.killed) << ended.output;
    EXPECT_EQ(open_and_query(switched), static_cast<Xapian::doccount>(kArticles));
    ended = run_indexer(switched, input, {});
    ASSERT_EQ(ended.exit_code, 0) << ended.output;
    EXPECT_NE(ended.output.find(std::to_string(kArticles) + " unchanged"), std::string::npos) << ended.output;
    EXPECT_EQ(open_and_query(switched), static_cast<Xapian::doccount>(kArticles));
    EXPECT_TRUE(fs::exists(switched / "iamglass"));
    EXPECT_FALSE(fs::exists(switched / std::string(kDirectoryStubName)));

    // 4. In the middle of a commit that replaces documents in the single database.
    for (int i = 0; i < 600; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "a/%04d.txt", i);
        dir.write(name, "Bài " + std::to_string(i) + " (sửa)\nThực hiện Nghị quyết số 126/NQ-CP, bản sửa đổi kiểm toán.\n");
    }
    ended = run_indexer(db, input, kill_on_rename_to(db / "iamglass", 2));
    ASSERT_TRUE(ended.killed) << ended.output;
    EXPECT_EQ(open_and_query(db), static_cast<Xapian::doccount>(kArticles));
    ended = run_indexer(db, input, {});
    ASSERT_EQ(ended.exit_code, 0) << ended.output;
    EXPECT_EQ(open_and_query(db), static_cast<Xapian::doccount>(kArticles));
    EXPECT_EQ(Xapian::Database(db.string()).get_termfreq("kiem"), 600u);
}

// Ctrl-C (here at the first build's first commit of shard 0): the run stops reading, commits
// what it read, becomes one database, says so, exits 130; the next run reads the rest.
TEST(IndexerCrash, InterruptedItCommitsWhatItReadAndTheNextRunFinishes) {
    testing::TempDir dir;
    for (int i = 0; i < kArticles; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "a/%04d.txt", i);
        dir.write(name, "Bài " + std::to_string(i) + "\nThực hiện Nghị quyết số 126/NQ-CP, văn bản thứ " + std::to_string(i) + ".\n");
    }
    const fs::path db = dir.path() / "db";
    std::vector<std::string> ctrl_c = kill_on_rename_to(db / ".build/shard-0/iamglass", 3);
    ctrl_c.push_back("TRACUU_KILL_SIGNAL=" + std::to_string(SIGINT));
    Ended ended = run_indexer(db, dir.path() / "a", ctrl_c, std::nullopt, {"--threads", "2", "--json"});
    ASSERT_FALSE(ended.killed) << ended.output;
    EXPECT_EQ(ended.exit_code, 130) << ended.output;
    EXPECT_NE(ended.output.find("interrupted: finishing the files being read"), std::string::npos) << ended.output;
    EXPECT_NE(ended.output.find("\"interrupted\":true"), std::string::npos) << ended.output;
    EXPECT_NE(ended.output.find("run again to index the rest"), std::string::npos) << ended.output;
    const Xapian::doccount committed = open_and_query(db);
    EXPECT_GT(committed, 0u);
    EXPECT_LT(committed, static_cast<Xapian::doccount>(kArticles));
    EXPECT_TRUE(fs::exists(db / "iamglass"));  // one database, not the build's shards
    ended = run_indexer(db, dir.path() / "a", {});
    ASSERT_EQ(ended.exit_code, 0) << ended.output;
    EXPECT_NE(ended.output.find(std::to_string(committed) + " unchanged"), std::string::npos) << ended.output;
    EXPECT_EQ(open_and_query(db), static_cast<Xapian::doccount>(kArticles));
}

TEST(IndexerCrash, KilledWhileXapianCreatesADatabaseTheNextRunCreatesItAnew) {
    // Xapian writes a new database's tables, then iamglass: killed in between, the directory
    // holds no commit, and Xapian refuses to open or create it (DatabaseNotFoundError), which
    // stopped every later run with exit status 3.
    testing::TempDir dir;
    constexpr int kCount = 200;
    for (int i = 0; i < kCount; ++i)
        dir.write("a/" + std::to_string(i) + ".txt", "Bài " + std::to_string(i) + "\nThực hiện Nghị quyết số 126/NQ-CP.\n");
    const fs::path input = dir.path() / "a";
    struct Case {
        std::string db;
        std::string database_killed;  // relative to db
        std::vector<std::string> options;
    };
    for (const Case& c : {Case{"first-build", ".build/shard-3", {"--threads", "2"}},
                          Case{"sharded", "shard-1", {"--threads", "2", "--shards", "4"}},
                          Case{"single", "", {"--threads", "1"}}}) {
        SCOPED_TRACE(c.db);
        const fs::path db = dir.path() / c.db;
        Ended ended = run_indexer(db, input, kill_on_rename_to(db / c.database_killed / "iamglass", 1), std::nullopt, c.options);
        ASSERT_TRUE(ended.killed) << ended.output;
        EXPECT_TRUE(fs::exists(db / c.database_killed / "postlist.glass"));
        EXPECT_FALSE(fs::exists(db / c.database_killed / "iamglass"));
        ended = run_indexer(db, input, {}, std::nullopt, c.options);
        ASSERT_EQ(ended.exit_code, 0) << ended.output;
        EXPECT_EQ(open_and_query(db), static_cast<Xapian::doccount>(kCount));
        ended = run_indexer(db, input, {}, std::nullopt, c.options);
        ASSERT_EQ(ended.exit_code, 0) << ended.output;
        EXPECT_NE(ended.output.find(std::to_string(kCount) + " unchanged"), std::string::npos) << ended.output;
    }
    // The tester's state: a build shard with a table file, made by hand.
    const fs::path db = dir.path() / "by-hand";
    fs::create_directories(db / ".build/shard-3");
    dir.write("by-hand/.build/shard-3/postlist.glass", "");
    const Ended ended = run_indexer(db, input, {});
    ASSERT_EQ(ended.exit_code, 0) << ended.output;
    EXPECT_EQ(open_and_query(db), static_cast<Xapian::doccount>(kCount));
    EXPECT_FALSE(fs::exists(db / std::string(kBuildDirName)));
}

}  // namespace
}  // namespace tracuu
