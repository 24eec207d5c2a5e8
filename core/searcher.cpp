/** @file
 * @brief Searcher: BM25 over the analyzed query, hits with snippets.
 */
#include "core/searcher.hpp"

#include "core/index_metadata.hpp"
#include "core/query.hpp"
#include "core/schema.hpp"
#include "core/snippet.hpp"

#include <algorithm>
#include <chrono>
#include <tuple>

namespace tracuu {
namespace {

// BM25 with the usual k1 = 1.2, b = 0.75 (Xapian's defaults are k1 = 1, b = 0.5).
Xapian::BM25Weight ranking() { return Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5); }

// The request's filter parameters as one query, or an empty query when there are none.
Result<Xapian::Query> filter_query(const SearchRequest& request) {
    std::vector<Xapian::Query> filters;
    if (!request.lang.empty()) {
        if (request.lang != "vi" && request.lang != "en")
            return Error{"bad_parameter", "parameter \"lang\" is vi or en, not \"" + request.lang + "\""};
        filters.emplace_back(std::string(schema::kLanguagePrefix) + request.lang);
    }
    if (!request.year.empty()) {
        const bool valid = request.year.size() == 4 &&
                           std::all_of(request.year.begin(), request.year.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!valid) return Error{"bad_parameter", "parameter \"year\" must be a year such as 2023"};
        filters.emplace_back(std::string(schema::kYearPrefix) + request.year);
    }
    std::string from, to;
    for (const auto& [name, iso, slot] : {std::tuple{"from", &request.from, &from}, std::tuple{"to", &request.to, &to}}) {
        if (iso->empty()) continue;
        *slot = date_slot_value(*iso);
        if (slot->empty()) return Error{"bad_parameter", std::string("parameter \"") + name + "\" must be a date YYYY-MM-DD"};
    }
    if (!from.empty() || !to.empty()) filters.push_back(date_range_query(from, to));
    if (!request.ref.empty()) {
        const auto number = parse_document_number(request.ref);
        if (!number) return Error{"bad_parameter", "parameter \"ref\" is not a document number such as 126/NQ-CP"};
        filters.emplace_back(TermMapper::reference_term(*number));
    }
    if (filters.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

}  // namespace

Searcher::Searcher(const std::string& path) : db_(path), analyzer_(read_analyzer_options(db_, path)) {}

void Searcher::refresh() { db_.reopen(); }

Result<SearchResponse> Searcher::search(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    if (request.limit < 1 || request.limit > kMaxLimit)
        return Error{"bad_parameter", "limit must be between 1 and " + std::to_string(kMaxLimit)};
    if (request.offset > kMaxOffset)
        return Error{"bad_parameter", "offset must be at most " + std::to_string(kMaxOffset)};
    Result<ParsedQuery> parsed = parse_query(request.query, analyzer_, terms_);
    if (!parsed) return parsed.error();
    Result<Xapian::Query> filter = filter_query(request);
    if (!filter) return filter.error();

    Xapian::Enquire enquire(db_);
    enquire.set_query(filter.value().empty() ? parsed->query
                                             : Xapian::Query(Xapian::Query::OP_FILTER, parsed->query, filter.value()));
    enquire.set_weighting_scheme(ranking());
    if (request.sort == SortOrder::date) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit), 1000);
    SearchResponse response;
    response.query = request.query;
    response.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.document = from_stored_json(it.get_document().get_data());
        hit.score = it.get_weight();
        hit.snippet = make_snippet(hit.document.text, parsed->highlights, analyzer_, terms_);
        hit.document.text.clear();
        response.hits.push_back(std::move(hit));
    }
    response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return response;
}

std::optional<Document> Searcher::document(std::string_view id) {
    const std::string term = std::string(schema::kIdPrefix) + std::string(id);
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return from_stored_json(db_.get_document(*it).get_data());
}

}  // namespace tracuu
