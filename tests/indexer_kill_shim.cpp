/** @file
 * @brief LD_PRELOAD shim for the crash tests: SIGKILLs the process at an exact moment.
 *
 * With TRACUU_KILL_ON_RENAME_TO=PATH, the process kills itself just before the
 * TRACUU_KILL_AFTER-th (default 1st) rename() whose target is PATH. Xapian makes a commit
 * visible by renaming its new version file over DIR/iamglass, and tracuu-index switches a
 * first build to one database by renaming DIR/.build/merged/iamglass to DIR/iamglass: so
 * this is a kill -9 in the middle of a commit, after its data is written and before it
 * becomes the database's state. With TRACUU_KILL_SIGNAL=N it raises signal N instead (2:
 * a Ctrl-C at that moment).
 */
#include <dlfcn.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <cstring>

extern "C" int rename(const char* from, const char* to) {
    using RenameFunction = int (*)(const char*, const char*);
    static const auto real_rename = reinterpret_cast<RenameFunction>(dlsym(RTLD_NEXT, "rename"));
    static const char* const target = std::getenv("TRACUU_KILL_ON_RENAME_TO");
    static const long kill_at = std::getenv("TRACUU_KILL_AFTER") ? std::atol(std::getenv("TRACUU_KILL_AFTER")) : 1;
    static const int signal = std::getenv("TRACUU_KILL_SIGNAL") ? std::atoi(std::getenv("TRACUU_KILL_SIGNAL")) : SIGKILL;
    static std::atomic<long> seen{0};
    if (target && std::strcmp(to, target) == 0 && ++seen == kill_at) ::raise(signal);
    return real_rename(from, to);
}
