/** @file
 * @brief searchd's routes for links between documents (issue 6): references and related
 *        documents. Request in, JSON reply out, like request_handler.hpp; the logic is in
 *        core/links.hpp.
 */
#pragma once

#include "core/searcher.hpp"
#include "searchd/json_reply.hpp"
#include "searchd/request_handler.hpp"

#include <string>
#include <vector>

namespace tracuu::searchd {

/// GET /references?q=126/n&limit=20: numbers cited in the index, as typed or most cited.
[[nodiscard]] HttpReply get_references(Searcher& searcher, const QueryParameters& params);

/// GET /references/{ref}?limit=10&offset=0&relation=implements: what the number is, the
/// documents that are it, and those citing it grouped by relation. The number is the path
/// after "/references/", its slashes percent-encoded or not (126%2FNQ-CP, 126/nq-cp).
[[nodiscard]] HttpReply get_reference(Searcher& searcher, const std::vector<std::string>& number_segments,
                                      const QueryParameters& params);

/// GET /documents/{id}/related?limit=10: documents related to an indexed one, across languages.
[[nodiscard]] HttpReply get_related(Searcher& searcher, const std::string& id, const QueryParameters& params);

/// POST /related with {"text": "…", "limit": 10}: documents related to a text.
[[nodiscard]] HttpReply post_related(Searcher& searcher, const std::string& body);

}  // namespace tracuu::searchd
