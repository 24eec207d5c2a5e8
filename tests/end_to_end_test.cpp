/** @file
 * @brief Black-box tests of the real programs: tracuu-index on corpus/ and on bad input,
 *        tracuu-searchd on 127.0.0.1 at an ephemeral port, answered over real HTTP.
 */
#include "test_support.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace tracuu {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

using testing::RunResult;

std::string quote(const std::string& s) { return testing::shell_quote(s); }

RunResult run(const std::string& command) { return testing::run_command(command + " 2>&1"); }

RunResult index(const std::string& db, const std::vector<std::string>& inputs) {
    std::string command = quote(TRACUU_INDEX_BIN) + " --db " + quote(db);
    for (const auto& input : inputs) command += " " + quote(input);
    return run(command);
}

/// tracuu-searchd as a child process, listening on an ephemeral port of 127.0.0.1.
class Daemon {
public:
    /// @p wrapper: a command that runs the daemon, its arguments following ("/bin/sh", "-c",
    /// "ulimit -n 40; exec \"$0\" \"$@\"").
    explicit Daemon(const std::string& db, std::vector<std::string> wrapper = {}) {
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::vector<std::string> args = std::move(wrapper);
        for (const std::string arg : {TRACUU_SEARCHD_BIN, "--db", db.c_str(), "--listen", "127.0.0.1:0", "--threads", "2"}) args.push_back(arg);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) throw std::runtime_error("spawn failed");
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        log_fd_ = fds[0];
        const std::regex listening("listening on http://127\\.0\\.0\\.1:(\\d+)");
        std::smatch match;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline && !std::regex_search(log_, match, listening)) read_log(200);
        if (match.empty()) {
            const std::string log = log_;
            shutdown();
            throw std::runtime_error("searchd did not start:\n" + log);
        }
        port_ = static_cast<unsigned short>(std::stoi(match[1]));
    }
    ~Daemon() { shutdown(); }
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;

    [[nodiscard]] unsigned short port() const { return port_; }
    [[nodiscard]] pid_t pid() const { return pid_; }


    /// Sends SIGTERM and returns the exit status (-1 unless it exited normally in time).
    int terminate() {
        kill(pid_, SIGTERM);
        for (int i = 0; i < 100; ++i) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            }
            read_log(0);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return -1;
    }

    const std::string& log() {
        read_log(100);
        return log_;
    }

private:
    void shutdown() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (log_fd_ >= 0) close(log_fd_);
        pid_ = -1;
        log_fd_ = -1;
    }

    void read_log(int timeout_ms) {
        pollfd p{log_fd_, POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0) return;
        std::array<char, 4096> buffer{};
        const ssize_t n = read(log_fd_, buffer.data(), buffer.size());
        if (n > 0) log_.append(buffer.data(), static_cast<std::size_t>(n));
    }

    pid_t pid_ = -1;
    int log_fd_ = -1;
    unsigned short port_ = 0;
    std::string log_;
};

struct Reply {
    unsigned status;
    rapidjson::Document json;
};

http::response<http::string_body> request(unsigned short port, http::verb verb, const std::string& target,
                                          const std::string& body = {}) {
    net::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req(verb, target, 11);
    req.set(http::field::host, "127.0.0.1");
    if (!body.empty()) {
        req.set(http::field::content_type, "application/json");
        req.body() = body;
        req.prepare_payload();
    }
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    return res;
}

Reply get(unsigned short port, const std::string& target) {
    auto res = request(port, http::verb::get, target);
    Reply reply{res.result_int(), {}};
    reply.json.Parse(res.body().c_str());
    return reply;
}

std::string raw_exchange(unsigned short port, const std::string& bytes) {
    net::io_context io;
    net::ip::tcp::socket socket(io);
    socket.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    net::write(socket, net::buffer(bytes));
    std::string answer;
    beast::error_code ec;
    std::array<char, 4096> buffer{};
    for (;;) {
        const std::size_t n = socket.read_some(net::buffer(buffer), ec);
        answer.append(buffer.data(), n);
        if (ec) break;
    }
    return answer;
}

std::vector<std::string> hit_ids(const Reply& reply) {
    std::vector<std::string> ids;
    for (const auto& hit : reply.json["hits"].GetArray()) ids.emplace_back(hit["id"].GetString());
    return ids;
}

class EndToEnd : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        const RunResult indexed = index((dir_->path() / "db").string(), {TRACUU_CORPUS_DIR});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.output;
        daemon_ = new Daemon((dir_->path() / "db").string());
    }
    static void TearDownTestSuite() {
        delete daemon_;
        delete dir_;
    }
    static unsigned short port() { return daemon_->port(); }

    static testing::TempDir* dir_;
    static Daemon* daemon_;
};

testing::TempDir* EndToEnd::dir_ = nullptr;
Daemon* EndToEnd::daemon_ = nullptr;

constexpr const char* kVietnameseArticle = "001_a0a33c27a62ce187";  // about Resolution 126/NQ-CP
constexpr const char* kEnglishArticle = "000_790ec6c75e1730ba";     // its English rendering

TEST_F(EndToEnd, TheReadmeQueryListsTheVietnameseArticleFirst) {
    const Reply reply = get(port(), "/search?q=nghi+quyet+126");
    ASSERT_EQ(reply.status, 200u);
    EXPECT_EQ(hit_ids(reply).front(), kVietnameseArticle);
}

TEST_F(EndToEnd, ADocumentNumberInThreeVariantsFindsBothArticlesThatCiteIt) {
    for (const std::string variant : {"126%2FNQ-CP", "126%20%2F%20nq%20-%20cp", "126%2FNQ%E2%80%93CP"}) {
        const Reply reply = get(port(), "/search?q=" + variant);
        ASSERT_EQ(reply.status, 200u) << variant;
        auto ids = hit_ids(reply);
        ASSERT_GE(ids.size(), 2u) << variant;
        std::vector<std::string> top(ids.begin(), ids.begin() + 2);
        std::sort(top.begin(), top.end());
        EXPECT_EQ(top, (std::vector<std::string>{kEnglishArticle, kVietnameseArticle})) << variant;
    }
    const Reply party = get(port(), "/search?q=69-QD%2FTW");
    EXPECT_EQ(hit_ids(party).size(), 2u);
}

TEST_F(EndToEnd, FoldedVietnameseQueryFindsTextWithDiacritics) {
    const Reply reply = get(port(), "/search?q=loi+ich+nhom");
    ASSERT_EQ(reply.status, 200u);
    EXPECT_EQ(hit_ids(reply).front(), kVietnameseArticle);
    const std::string snippet = reply.json["hits"][0]["snippet"].GetString();
    EXPECT_NE(snippet.find("<mark>lợi ích</mark> <mark>nhóm</mark>"), std::string::npos) << snippet;
}

TEST_F(EndToEnd, PhraseMatchesAdjacentWordsOnly) {
    // "group interests" is adjacent in the English article only; the words occur apart elsewhere.
    const Reply phrase = get(port(), "/search?q=%22group+interests%22");
    EXPECT_EQ(hit_ids(phrase), std::vector<std::string>{kEnglishArticle});
    const Reply vietnamese = get(port(), "/search?q=%E2%80%9Cngan+chan+loi+ich+nhom%E2%80%9D");
    EXPECT_EQ(hit_ids(vietnamese), std::vector<std::string>{kVietnameseArticle});
}

TEST_F(EndToEnd, EnglishQueryIsStemmed) {
    const Reply reply = get(port(), "/search?q=disseminated+regulation");
    ASSERT_EQ(reply.status, 200u);
    const auto ids = hit_ids(reply);
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids.front(), "003_2ecee5cbcde12d8c");  // "disseminated the basic contents of Regulation 132-QD/TW"
    const std::string snippet = reply.json["hits"][0]["snippet"].GetString();
    EXPECT_NE(snippet.find("<mark>disseminated</mark>"), std::string::npos) << snippet;
}

TEST_F(EndToEnd, DocumentMetadataIsServed) {
    const Reply doc = get(port(), "/documents/003_2ecee5cbcde12d8c");
    ASSERT_EQ(doc.status, 200u);
    EXPECT_STREQ(doc.json["lang"].GetString(), "en");
    EXPECT_STREQ(doc.json["url"].GetString(),
                 "https://baodienbienphu.com.vn/tin-tuc/chinh-tri/216459/trien-khai-thuc-hien-nghiem-quy-dinh-ve-kiem-soat-quyen-luc-phong-chong-tham-nhung-tieu-cuc-trong-cac-linh-vuc");
    EXPECT_STREQ(doc.json["references"][0].GetString(), "132-QĐ/TW");
    const Reply vi = get(port(), std::string("/documents/") + kVietnameseArticle);
    EXPECT_STREQ(vi.json["date"].GetString(), "2023-09-22");
    EXPECT_EQ(get(port(), "/health").json["documents"].GetUint(), 5u);
}

TEST_F(EndToEnd, BadRequestsGetJsonErrorsAndTheDaemonKeepsServing) {
    const Reply bad_utf8 = get(port(), "/search?q=%C3%28");
    EXPECT_EQ(bad_utf8.status, 400u);
    EXPECT_STREQ(bad_utf8.json["error"]["code"].GetString(), "bad_query");
    EXPECT_EQ(get(port(), "/search?q=%22open").status, 400u);
    EXPECT_EQ(get(port(), "/nope").status, 404u);

    const std::string garbage = raw_exchange(port(), "NOT HTTP AT ALL\r\n\r\n");
    EXPECT_NE(garbage.find("400 Bad Request"), std::string::npos) << garbage;
    const std::string huge = raw_exchange(port(), "POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n");
    EXPECT_NE(huge.find("413"), std::string::npos) << huge;

    auto post = request(port(), http::verb::post, "/search", R"({"q":"law enforcement","limit":1})");
    EXPECT_EQ(post.result_int(), 200u);
    EXPECT_EQ(get(port(), "/health").status, 200u);
}

TEST(Searchd, AnswersFromANewCommitWithoutARestartAndKeepsConnectionsAlive) {
    testing::TempDir dir;
    const std::string db = (dir.path() / "db").string();
    dir.write("first/a.txt", "Văn bản đầu tiên");
    ASSERT_EQ(index(db, {(dir.path() / "first").string()}).exit_code, 0);
    Daemon daemon(db);
    EXPECT_EQ(get(daemon.port(), "/search?q=kh%E1%BA%A9n+c%E1%BA%A5p").json["total"].GetUint(), 0u);  // "khẩn cấp"

    dir.write("second/b.txt", "Công điện khẩn cấp về phòng chống bão");
    ASSERT_EQ(index(db, {(dir.path() / "second").string()}).exit_code, 0);
    // Within a second (each worker moves to the latest commit at most every 100 ms), and the
    // answer cached for the old revision is not served again.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    Reply after = get(daemon.port(), "/search?q=kh%E1%BA%A9n+c%E1%BA%A5p");
    while (hit_ids(after).empty() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        after = get(daemon.port(), "/search?q=kh%E1%BA%A9n+c%E1%BA%A5p");
    }
    EXPECT_EQ(hit_ids(after), std::vector<std::string>{"b"});

    // Two requests on one connection: HTTP/1.1 keep-alive.
    net::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), daemon.port()));
    for (int i = 0; i < 2; ++i) {
        http::request<http::string_body> req(http::verb::get, "/health", 11);
        req.set(http::field::host, "127.0.0.1");
        http::write(stream, req);
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(stream, buffer, res);
        EXPECT_EQ(res.result_int(), 200u);
        EXPECT_TRUE(res.keep_alive());
    }
}

TEST(Indexer, BadInputIsReportedAndTheRestIndexed) {
    testing::TempDir dir;
    dir.write("in/good.txt", "Tiêu đề\nNghị quyết số 126/NQ-CP");
    dir.write("in/bad.txt", "xin ch\xE0o");
    dir.write("in/binary.txt", std::string("\x7f" "ELF\0\0\0", 7));
    dir.write("in/empty.txt", "");
    dir.write("in/records.jsonl", "{\"id\":\"r1\",\"text\":\"văn bản một\"}\n{broken\n{\"id\":\"r2\",\"text\":\"văn bản hai\"}\n");
    dir.write("other/good.txt", "Same id as in/good.txt");
    const std::string db = (dir.path() / "db").string();
    const RunResult result = index(db, {(dir.path() / "in").string(), (dir.path() / "other").string()});
    EXPECT_EQ(result.exit_code, 1) << result.output;
    for (const std::string expected : {"bad.txt: invalid UTF-8 at line 1, byte offset 6", "binary.txt: binary file",
                                       "empty.txt: empty file", "records.jsonl:2: malformed JSON",
                                       "duplicate document id \"good\""})
        EXPECT_NE(result.output.find(expected), std::string::npos) << expected << "\n" << result.output;
    EXPECT_NE(result.output.find("indexed 3 documents"), std::string::npos) << result.output;

    const RunResult again = index(db, {(dir.path() / "in/good.txt").string()});
    EXPECT_EQ(again.exit_code, 0) << again.output;
    EXPECT_NE(again.output.find("3 documents in the index"), std::string::npos) << again.output;  // replaced, not added
}

TEST(Indexer, UsageErrorsExitWithTwo) {
    EXPECT_EQ(run(quote(TRACUU_INDEX_BIN)).exit_code, 2);
    EXPECT_EQ(run(quote(TRACUU_INDEX_BIN) + " --db").exit_code, 2);
    EXPECT_EQ(run(quote(TRACUU_INDEX_BIN) + " --bogus x").exit_code, 2);
}

TEST(Searchd, RefusesAMissingIndexAndStopsCleanlyOnSigterm) {
    testing::TempDir dir;
    const RunResult missing = run(quote(TRACUU_SEARCHD_BIN) + " --db " + quote((dir.path() / "none").string()));
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.output.find("cannot open index"), std::string::npos) << missing.output;

    testing::build_index(dir.path() / "db", {testing::make_document("a", "văn bản")});
    Daemon daemon((dir.path() / "db").string());
    EXPECT_EQ(get(daemon.port(), "/health").status, 200u);
    EXPECT_EQ(daemon.terminate(), 0) << daemon.log();
    EXPECT_NE(daemon.log().find("GET /health 200"), std::string::npos) << daemon.log();
}

TEST(Searchd, ListenSaysWhatIsWrongWithTheAddressAndLogsAUrl) {
    testing::TempDir dir;
    testing::build_index(dir.path() / "db", {testing::make_document("a", "văn bản")});
    const std::string searchd = quote(TRACUU_SEARCHD_BIN) + " --db " + quote((dir.path() / "db").string());
    for (const auto& [listen, problem] :
         {std::pair{"nohost.invalid:8080", "--listen nohost.invalid:8080: cannot resolve host \"nohost.invalid\": "},
          std::pair{"127.0.0.1", "--listen 127.0.0.1: expected HOST:PORT, such as 127.0.0.1:8080"},
          std::pair{"127.0.0.1:http", "--listen 127.0.0.1:http: port \"http\" is no number from 0 to 65535"}}) {
        const RunResult result = run(searchd + " --listen " + quote(listen));
        EXPECT_EQ(result.exit_code, 2) << result.output;
        EXPECT_NE(result.output.find(problem), std::string::npos) << result.output;
    }
    // An IPv6 address is logged as a URL has it, in brackets.
    const RunResult v6 = run("timeout 1 " + searchd + " --listen '[::1]:0'");
    if (v6.output.find("cannot listen") != std::string::npos) GTEST_SKIP() << "no IPv6 loopback here: " << v6.output;
    EXPECT_TRUE(std::regex_search(v6.output, std::regex("listening on http://\\[::1\\]:\\d+ "))) << v6.output;
}

/// CPU seconds (user and system) process @p pid has used.
double cpu_seconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i)
        if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

TEST(Searchd, OutOfFileDescriptorsItWaitsAndSaysSoOnce) {
    testing::TempDir dir;
    testing::build_index(dir.path() / "db", {testing::make_document("a", "văn bản")});
    // 40 descriptors, 60 connections: accepting fails with "Too many open files". It retried
    // at once, a core spinning (4 CPU seconds in 5 s), without a word in the log.
    Daemon daemon((dir.path() / "db").string(), {"/bin/sh", "-c", "ulimit -n 40 && exec \"$0\" \"$@\""});
    ASSERT_EQ(get(daemon.port(), "/health").status, 200u);
    {
        net::io_context io;
        std::vector<net::ip::tcp::socket> connections;
        for (int i = 0; i < 60; ++i) {
            connections.emplace_back(io);
            connections.back().connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), daemon.port()));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const double before = cpu_seconds(daemon.pid());
        std::this_thread::sleep_for(std::chrono::seconds(2));
        EXPECT_LT(cpu_seconds(daemon.pid()) - before, 0.2);
    }
    // The connections closed, it accepts again, and the log tells the episode once.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (daemon.log().find("accepting connections again") == std::string::npos && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(get(daemon.port(), "/health").status, 200u);
    const std::string log = daemon.log();
    const std::string problem = "cannot accept connections: Too many open files; trying again every 100 ms";
    // Once an episode, not every 100 ms (twenty times in those 2 s). Closing the sixty
    // connections may start a second, short episode as the backlog is accepted.
    std::size_t told = 0;
    for (std::size_t at = log.find(problem); at != std::string::npos; at = log.find(problem, at + 1)) ++told;
    EXPECT_GE(told, 1u) << log;
    EXPECT_LE(told, 2u) << log;
    EXPECT_NE(log.find("accepting connections again, after "), std::string::npos) << log;
}

// ---- Shards served by Xapian's remote backend (xapian-tcpsrv, Debian package xapian-tools).

/// The xapian-tcpsrv program, or "" when it is not installed.
std::string xapian_tcpsrv() {
    for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
        const std::string path = std::string(dir) + "/xapian-tcpsrv";
        if (access(path.c_str(), X_OK) == 0) return path;
    }
    return {};
}

/// A port of 127.0.0.1 free a moment ago.
unsigned short free_port() {
    net::io_context io;
    net::ip::tcp::acceptor acceptor(io, net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    return acceptor.local_endpoint().port();
}

bool accepts_connections(unsigned short port) {
    net::io_context io;
    net::ip::tcp::socket socket(io);
    beast::error_code ec;
    socket.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
    return !ec;
}

/// xapian-tcpsrv serving one database on 127.0.0.1, in a session of its own: on SIGTERM it
/// signals its whole process group, which would otherwise be the test's.
class ShardServer {
public:
    ShardServer(std::string db, unsigned short port = 0) : db_(std::move(db)) {
        for (int attempt = 0; attempt < 5 && pid_ < 0; ++attempt) start(port != 0 ? port : free_port());
        if (pid_ < 0) throw std::runtime_error("xapian-tcpsrv did not start on " + db_);
    }
    ~ShardServer() { stop(); }
    ShardServer(const ShardServer&) = delete;
    ShardServer& operator=(const ShardServer&) = delete;

    [[nodiscard]] unsigned short port() const { return port_; }

    void stop() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
        // And any child it forked for a connection that outlived it (its session's group).
        kill(-pid_, SIGKILL);
        pid_ = -1;
    }

private:
    void start(unsigned short port) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
        const std::string program = xapian_tcpsrv();
        std::vector<std::string> args = {program, "--interface", "127.0.0.1", "--port", std::to_string(port), db_};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        pid_t pid = -1;
        const int spawned = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        if (spawned != 0) return;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < deadline) {
            if (waitpid(pid, nullptr, WNOHANG) == pid) return;  // the port was taken meanwhile
            if (accepts_connections(port)) {
                pid_ = pid;
                port_ = port;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }

    std::string db_;
    pid_t pid_ = -1;
    unsigned short port_ = 0;
};

/// An answer's body without its timing, which differs from run to run, and for related
/// documents, without their scores: their "text" part is BM25 over the query's upper bound,
/// which each remote shard computes on its own statistics (README), so it differs a little.
std::string comparable(std::string body) {
    body = std::regex_replace(body, std::regex("\"took_ms\":[-0-9.e]+"), "\"took_ms\":0");
    if (body.find("\"related\":") == std::string::npos) return body;
    return std::regex_replace(body, std::regex("\"(score|text)\":[-0-9.e]+"), "\"$1\":0");
}

class RemoteShards : public ::testing::Test {
protected:
    static constexpr int kShards = 3;

    void SetUp() override {
        if (xapian_tcpsrv().empty())
            GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian package xapian-tools; scripts/setup.sh installs it)";
        // The corpus and the README's two legal documents, for issuers, types and years.
        const auto legal = dir_.write("legal/legal.jsonl",
            "{\"id\": \"nq-126-2023\", \"number\": \"126/NQ-CP\", \"date\": \"2023-08-14\", \"title\": \"Nghị quyết 126/NQ-CP về một số giải pháp nâng cao hiệu quả công tác tổ chức thi hành pháp luật\", \"text\": \"Chính phủ ban hành Nghị quyết về một số giải pháp nâng cao hiệu quả công tác tổ chức thi hành pháp luật, ngăn chặn lợi ích nhóm, lợi ích cục bộ.\"}\n"
            "{\"id\": \"nd-15-2020\", \"number\": \"15/2020/NĐ-CP\", \"date\": \"2020-02-03\", \"title\": \"Nghị định 15/2020/NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông\", \"text\": \"Nghị định quy định hành vi vi phạm hành chính, hình thức xử phạt, mức xử phạt trong lĩnh vực bưu chính, viễn thông, công nghệ thông tin và giao dịch điện tử.\"}\n");
        const std::string db = (dir_.path() / "db").string();
        const RunResult indexed = run(quote(TRACUU_INDEX_BIN) + " --db " + quote(db) + " --shards " + std::to_string(kShards) +
                                      " " + quote(TRACUU_CORPUS_DIR) + " " + quote(legal.string()));
        ASSERT_EQ(indexed.exit_code, 0) << indexed.output;
        std::string stub;
        for (int k = 0; k < kShards; ++k) {
            servers_.push_back(std::make_unique<ShardServer>(db + "/shard-" + std::to_string(k)));
            stub += "remote 127.0.0.1:" + std::to_string(servers_.back()->port()) + "\n";
        }
        remote_stub_ = dir_.write("remote.stub", stub).string();
        local_stub_ = db + "/index.stub";
    }

    testing::TempDir dir_;
    std::vector<std::unique_ptr<ShardServer>> servers_;
    std::string remote_stub_, local_stub_;
};

TEST_F(RemoteShards, EveryRouteAnswersAsOverLocalShards) {
    Daemon remote(remote_stub_);
    Daemon local(local_stub_);
    const std::vector<std::string> targets = {
        "/search?q=thi+hanh+phap+luat&facets=true",  // the web page always asks for facets
        "/search?q=chinh+phu&type=-article&facets=issuer,year",
        "/search?q=thi+hanh+phap+luat&sort=date&limit=3",
        "/search?q=nghi+quyiet+126&limit=1",  // did you mean
        "/search?q=(dat+OR+income)+AND+NOT+luat",
        std::string("/documents/") + kVietnameseArticle,
        "/documents/nq-126-2023",
        std::string("/documents/") + kEnglishArticle + "/related?limit=3",
        "/suggest?q=thi+h",
        "/suggest?q=126%2Fn",
        "/references?q=126",
        "/references/126%2FNQ-CP",
        "/references/126%2FNQ-CP?type=-article",
        "/health",
    };
    for (const std::string& target : targets) {
        const auto answer = request(remote.port(), http::verb::get, target);
        EXPECT_EQ(answer.result_int(), 200u) << target << ": " << answer.body();
        EXPECT_EQ(comparable(answer.body()), comparable(request(local.port(), http::verb::get, target).body())) << target;
    }
    for (const auto& [route, body] :
         {std::pair{"/search", R"({"q": "xử phạt", "facets": ["type", "issuer", "year"]})"},
          std::pair{"/related", R"({"text": "Phó Chủ tịch Nguyễn Thanh Bình ký Chỉ thị thực hiện Nghị quyết 126/NQ-CP ngày 14/8/2023.", "limit": 3})"},
          std::pair{"/check", R"({"text": "Theo Nghị quyết 126/NQ-CP, Chính phủ yêu cầu “thi hành pháp luật” nghiêm."})"}}) {
        const auto answer = request(remote.port(), http::verb::post, route, body);
        EXPECT_EQ(answer.result_int(), 200u) << route << ": " << answer.body();
        EXPECT_EQ(comparable(answer.body()), comparable(request(local.port(), http::verb::post, route, body).body())) << route;
    }
    // Words count in a related document's score over shards too (a MatchDecider saw each
    // shard's own docids, and the Vietnamese article had "text": 0 over local shards).
    auto related = request(local.port(), http::verb::post, "/related", R"({"text": "Phó Chủ tịch Nguyễn Thanh Bình ký Chỉ thị thực hiện Nghị quyết 126/NQ-CP ngày 14/8/2023."})");
    rapidjson::Document related_json;
    related_json.Parse(related.body().c_str());
    ASSERT_TRUE(related_json.IsObject() && related_json["related"].Size() >= 1) << related.body();
    EXPECT_STREQ(related_json["related"][0]["id"].GetString(), kVietnameseArticle);
    EXPECT_GT(related_json["related"][0]["why"]["text"].GetDouble(), 1.0) << related.body();
    const Reply facets = get(remote.port(), "/search?q=thi+hanh+phap+luat&facets=issuer,year");
    ASSERT_EQ(facets.status, 200u);
    ASSERT_GE(facets.json["facets"]["issuer"].Size(), 1u);
    EXPECT_STREQ(facets.json["facets"]["issuer"][0]["value"].GetString(), "CP");
    EXPECT_EQ(facets.json["facets"]["issuer"][0]["count"].GetUint(), 2u);
}

TEST_F(RemoteShards, ReconnectsWhenAShardServerIsBackAndSaysWhichIsDownMeanwhile) {
    Daemon daemon(remote_stub_);
    const std::string search = "/search?q=thi+hanh+phap+luat&facets=true";
    ASSERT_EQ(get(daemon.port(), search).status, 200u);
    EXPECT_EQ(get(daemon.port(), "/search?q=a&limit=ten").status, 400u);
    const unsigned short port = servers_[1]->port();
    servers_[1]->stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(250));  // past the 100 ms between reopens, when /health asks the index
    // Down: every request says which backend, with a 503, not a 500 "internal". Both worker
    // threads are asked (each has its own connections).
    for (int i = 0; i < 4; ++i)
        for (const std::string& target : {std::string("/health"), search}) {
            const Reply down = get(daemon.port(), target);
            ASSERT_EQ(down.status, 503u) << target;
            EXPECT_STREQ(down.json["error"]["code"].GetString(), "unavailable");
            const std::string message = down.json["error"]["message"].GetString();
            EXPECT_NE(message.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << message;
            EXPECT_NE(message.find("unreachable"), std::string::npos) << message;
        }
    // The log says why, for a 5xx (a 4xx is the client's, and its answer says why).
    const std::string log = daemon.log();
    EXPECT_TRUE(std::regex_search(log, std::regex("GET /health 503 \\d+B [0-9.]+ms: unavailable: index backend "
                                                  "remote:tcp\\(127\\.0\\.0\\.1:" + std::to_string(port) + "\\) is unreachable")))
        << log;
    EXPECT_TRUE(std::regex_search(log, std::regex("GET /search\\?q=a&limit=ten 400 \\d+B [0-9.]+ms\n"))) << log;
    // Back on the same port: answered again, without a restart of the daemon.
    servers_[1] = std::make_unique<ShardServer>(dir_.path().string() + "/db/shard-1", port);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(get(daemon.port(), "/health").status, 200u);
        const Reply back = get(daemon.port(), search);
        ASSERT_EQ(back.status, 200u);
        EXPECT_EQ(back.json["total"].GetUint(), get(daemon.port(), search).json["total"].GetUint());
    }
    // A restart while nothing was asked (or a connection xapian-tcpsrv dropped after a minute
    // idle): the next request reconnects and is answered, not failed with "Broken pipe".
    servers_[1]->stop();
    servers_[1] = std::make_unique<ShardServer>(dir_.path().string() + "/db/shard-1", port);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(get(daemon.port(), "/health").status, 200u);
        EXPECT_EQ(get(daemon.port(), search).status, 200u);
    }
}

}  // namespace
}  // namespace tracuu
