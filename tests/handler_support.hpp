/** @file
 * @brief Driving searchd's RequestHandler in tests: a request in, its JSON answer out.
 */
#pragma once

#include "searchd/request_handler.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

namespace tracuu::testing {

/// Sends @p method @p target (with @p body) to @p handler, expects @p expected_status and a
/// JSON body, and returns that body parsed.
inline rapidjson::Document call_json(const searchd::RequestHandler& handler, const std::string& method,
                                     const std::string& target, unsigned expected_status, const std::string& body = {}) {
    const searchd::HttpReply reply = handler.handle({method, target, body});
    EXPECT_EQ(reply.status, expected_status) << method << " " << target << " -> " << reply.body;
    EXPECT_EQ(reply.content_type, "application/json");
    rapidjson::Document json;
    json.Parse(reply.body.c_str());
    EXPECT_FALSE(json.HasParseError()) << reply.body;
    return json;
}

}  // namespace tracuu::testing
