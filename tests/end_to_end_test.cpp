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
    explicit Daemon(const std::string& db) {
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::vector<std::string> args = {TRACUU_SEARCHD_BIN, "--db", db, "--listen", "127.0.0.1:0", "--threads", "2"};
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

}  // namespace
}  // namespace tracuu
