#include "core/legacy_word.hpp"

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

extern char** environ;

namespace tracuu {
namespace {

// Both ends of a pipe, closed when done with.
struct Pipe {
    int read = -1, write = -1;
    Pipe() {
        int ends[2];
        if (pipe2(ends, O_CLOEXEC) == 0) {
            read = ends[0];
            write = ends[1];
        }
    }
    ~Pipe() {
        close_read();
        close_write();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    void close_read() {
        if (read >= 0) ::close(read);
        read = -1;
    }
    void close_write() {
        if (write >= 0) ::close(write);
        write = -1;
    }
    [[nodiscard]] bool open() const { return read >= 0 && write >= 0; }
};

// catdoc's map of special characters as Debian ships it (/usr/share/catdoc/ascii.specchars),
// without its rule that drops U+00AD; and an empty map of replacements, which UTF-8 output
// never uses but catdoc requires.
constexpr std::string_view kSpecialCharacters = "001C \"\\t\"\n001E \"\\n\"\n";

// A private folder with those maps and a .catdocrc that names it, given to catdoc as its
// HOME; made once a process, removed at its exit. Empty when it cannot be made.
class CatdocMaps {
public:
    static const std::string& home() {
        static const CatdocMaps maps;
        return maps.home_;
    }

private:
    CatdocMaps() {
        std::error_code ec;
        std::string folder = (std::filesystem::temp_directory_path(ec) / "tracuu-catdoc-XXXXXX").string();
        if (ec || ::mkdtemp(folder.data()) == nullptr) return;
        const auto write = [&](const char* name, std::string_view text) {
            std::ofstream out(folder + "/" + name, std::ios::binary);
            out << text;
            return static_cast<bool>(out);
        };
        if (write("ascii.specchars", kSpecialCharacters) && write("ascii.replchars", "") &&
            write(".catdocrc", "map_path = " + folder + "\n"))
            home_ = folder;
        else
            std::filesystem::remove_all(folder, ec);
    }
    ~CatdocMaps() {
        std::error_code ec;
        if (!home_.empty()) std::filesystem::remove_all(home_, ec);
    }
    std::string home_;
};

// The environment, with HOME the folder of catdoc's maps.
std::vector<std::string> catdoc_environment() {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e)
        if (std::string_view(*e).rfind("HOME=", 0) != 0) env.emplace_back(*e);
    env.push_back("HOME=" + CatdocMaps::home());
    return env;
}

// The first line of catdoc's complaint, for the report.
std::string first_line(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

}  // namespace

LegacyWordContent extract_legacy_word(const std::filesystem::path& path, std::uint64_t max_bytes, std::chrono::milliseconds timeout) {
    LegacyWordContent content;
    Pipe out, err;
    if (!out.open() || !err.open()) {
        content.problem = std::string("legacy Word (.doc) file not read: cannot start catdoc: ") + std::strerror(errno);
        return content;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);
    if (CatdocMaps::home().empty()) {
        content.problem = "legacy Word (.doc) file not read: cannot write catdoc's character maps in the temporary folder";
        return content;
    }
    // UTF-8, paragraphs one a line (no wrapping).
    std::string program = "catdoc", to = "-d", utf8 = "utf-8", no_wrap = "-w", file = path.string();
    std::array<char*, 6> argv = {program.data(), to.data(), utf8.data(), no_wrap.data(), file.data(), nullptr};
    std::vector<std::string> env = catdoc_environment();
    std::vector<char*> envp;
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    out.close_write();
    err.close_write();
    if (spawned != 0) {
        content.problem = spawned == ENOENT ? "legacy Word (.doc) file not read: catdoc is not installed (Debian's package "
                                              "catdoc; scripts/setup.sh installs it), or save it as .docx"
                                            : std::string("legacy Word (.doc) file not read: cannot start catdoc: ") + std::strerror(spawned);
        return content;
    }

    // Both pipes drained together (a full one would stall catdoc), until both close, the
    // text outgrows max_bytes, or the time is up.
    std::string errors;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool too_long = false, too_large = false;
    std::array<char, 65536> buffer{};
    while (out.read >= 0 || err.read >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            too_long = true;
            break;
        }
        std::array<pollfd, 2> fds = {pollfd{out.read, POLLIN, 0}, pollfd{err.read, POLLIN, 0}};
        if (::poll(fds.data(), fds.size(), static_cast<int>(left.count())) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (std::size_t k = 0; k < fds.size(); ++k) {
            if (fds[k].fd < 0 || fds[k].revents == 0) continue;
            const ssize_t n = ::read(fds[k].fd, buffer.data(), buffer.size());
            if (n > 0) {
                (k == 0 ? content.text : errors).append(buffer.data(), static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                (k == 0 ? out : err).close_read();
            }
        }
        if (content.text.size() > max_bytes) {
            too_large = true;
            break;
        }
    }
    if (too_long || too_large) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const auto fail = [&](std::string why) {
        content.text.clear();
        content.problem = std::move(why);
        return content;
    };
    if (too_long) {
        std::ostringstream seconds;
        seconds << static_cast<double>(timeout.count()) / 1000;
        return fail("legacy Word (.doc) file not read: catdoc took over " + seconds.str() + " s on it");
    }
    if (too_large)
        return fail("legacy Word (.doc) file not read: its text is over " + std::to_string(max_bytes) + " bytes (--max-bytes)");
    if (WIFSIGNALED(status))
        return fail("legacy Word (.doc) file not read: catdoc stopped on it (signal " + std::to_string(WTERMSIG(status)) + ")");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string why = first_line(errors);
        return fail("legacy Word (.doc) file that catdoc cannot read" + (why.empty() ? std::string() : ": " + why));
    }
    return content;
}

}  // namespace tracuu
