/** @file
 * @brief The page's files with their content types and the headers that keep them safe.
 */
#include "searchd/web_page.hpp"

#include "searchd/web_files.hpp"

namespace tracuu::searchd {
namespace {

std::string content_type_of(std::string_view path) {
    if (path.ends_with(".html")) return "text/html; charset=utf-8";
    if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (path.ends_with(".css")) return "text/css; charset=utf-8";
    if (path.ends_with(".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

}  // namespace

namespace {

const WebFile* web_file(std::string_view path) {
    if (path == "/") path = "/index.html";
    if (path.size() < 2 || path.front() != '/') return nullptr;
    path.remove_prefix(1);
    for (const WebFile& file : web_files())
        if (file.path == path) return &file;
    return nullptr;
}

}  // namespace

bool is_web_page(std::string_view path) { return web_file(path) != nullptr; }

std::optional<HttpReply> web_page_reply(std::string_view path) {
    const WebFile* file = web_file(path);
    if (file == nullptr) return std::nullopt;
    HttpReply reply{200, content_type_of(file->path), std::string(file->bytes), "page"};
    // The page runs only its own script and talks only to this daemon; index values are
    // text, never markup (app.js), and this keeps an injected one inert all the same.
    reply.headers = {
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        // Small, and changed by every build of the daemon: always asked for again.
        {"Cache-Control", "no-cache"},
    };
    return reply;
}

}  // namespace tracuu::searchd
