/** @file
 * @brief GET / and its files: the search page, a client of the JSON API (searchd/web/).
 */
#pragma once

#include "searchd/request_handler.hpp"

#include <optional>
#include <string_view>

namespace tracuu::searchd {

/// The reply for @p path ("/", "/index.html", "/app.js", "/app.css"), or nullopt when the
/// path is none of the page's files.
[[nodiscard]] std::optional<HttpReply> web_page_reply(std::string_view path);

/// Whether @p path is one of the page's files.
[[nodiscard]] bool is_web_page(std::string_view path);

}  // namespace tracuu::searchd
