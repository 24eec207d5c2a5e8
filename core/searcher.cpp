/** @file
 * @brief Searcher: BM25 over the analyzed query, hits with snippets.
 */
#include "core/searcher.hpp"

#include "analyzers/reference.hpp"
#include "analyzers/unicode.hpp"
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

Searcher::Searcher(const std::string& path) : path_(path), db_(path), analyzer_(read_analyzer_options(db_, path)) {}

void Searcher::refresh() {
    try {
        db_.reopen();
    } catch (const Xapian::DatabaseError&) {
        // The indexer replaced what we had open (a first build's temporary shards become
        // one database): open the path afresh.
        db_ = Xapian::Database(path_);
    }
}

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
        hit.snippet = make_snippet(hit.document.text, parsed->highlights, analyzer_, terms_, hit.document.boilerplate);
        hit.document.text.clear();
        response.hits.push_back(std::move(hit));
    }
    response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return response;
}

namespace {

// Most terms read per completion: bounds the time a one-letter prefix can take.
constexpr std::size_t kMaxTermsScanned = 20000;

// Terms starting with @p prefix, by descending term frequency, at most @p limit.
std::vector<std::pair<std::string, Xapian::doccount>> most_frequent_with_prefix(const Xapian::Database& db,
                                                                                const std::string& prefix,
                                                                                std::size_t limit) {
    std::vector<std::pair<std::string, Xapian::doccount>> found;
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && scanned < kMaxTermsScanned; ++it, ++scanned)
        found.emplace_back(*it, it.get_termfreq());
    const std::size_t keep = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(),
                      [](const auto& a, const auto& b) { return a.second > b.second; });
    found.resize(keep);
    return found;
}

std::string alphanumerics(std::string_view folded) {
    std::string out;
    for (const char c : folded)
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) out.push_back(c);
    return out;
}

}  // namespace

Result<std::vector<Suggestion>> Searcher::suggest(std::string_view prefix, std::size_t limit) {
    if (limit < 1 || limit > kMaxSuggestions)
        return Error{"bad_parameter", "limit must be between 1 and " + std::to_string(kMaxSuggestions)};
    if (prefix.size() > 256) return Error{"bad_parameter", "parameter \"q\" is longer than 256 bytes"};
    if (unicode::find_invalid_utf8(prefix)) return Error{"bad_parameter", "parameter \"q\" is not valid UTF-8"};
    std::vector<Suggestion> out;
    const std::string folded = unicode::fold(unicode::normalize_nfc(prefix));
    const std::string trimmed = folded.substr(folded.find_first_not_of(' ') == std::string::npos ? folded.size() : folded.find_first_not_of(' '));

    // A document number being typed: its digits and letters in order, as the keys hold them.
    if (!trimmed.empty() && trimmed[0] >= '0' && trimmed[0] <= '9') {
        std::size_t digits = 0;
        while (digits < trimmed.size() && trimmed[digits] >= '0' && trimmed[digits] <= '9') ++digits;
        std::string number = trimmed.substr(0, digits);
        number.erase(0, std::min(number.find_first_not_of('0'), number.size() - 1));  // keys drop leading zeros
        const std::string wanted = alphanumerics(number + trimmed.substr(digits));
        for (const auto& [term, frequency] : most_frequent_with_prefix(db_, std::string(schema::kReferencePrefix) + number + "/", kMaxTermsScanned)) {
            const std::string key = term.substr(schema::kReferencePrefix.size());
            if (alphanumerics(key).rfind(wanted, 0) != 0) continue;
            const auto parsed = document_number_from_key(key);
            out.push_back({parsed ? parsed->canonical() : key, "reference", frequency});
            if (out.size() == limit) break;
        }
        return out;
    }

    // Words: the last two typed words as one multi-syllable word, then the last word alone.
    // Typed with diacritics, complete exact forms; without, folded ones.
    const Analysis analysis = analyzer_.analyze(prefix);
    std::vector<const Token*> words;
    for (const Token& token : analysis.tokens)
        if (token.syllables == 1 && token.kind == TokenKind::word) words.push_back(&token);
    if (words.empty()) return out;
    const bool ends_in_space = !prefix.empty() && (prefix.back() == ' ');
    if (ends_in_space) return out;
    auto complete = [&](const std::string& typed_exact, const std::string& typed_folded, bool exact) {
        const std::string term_prefix = exact ? std::string(schema::kExactPrefix) + typed_exact : typed_folded;
        for (auto& [term, frequency] : most_frequent_with_prefix(db_, term_prefix, limit)) {
            std::string text = exact ? term.substr(schema::kExactPrefix.size()) : term;
            if (text.find_first_of("0123456789") != std::string::npos && text.find('_') == std::string::npos) continue;
            std::replace(text.begin(), text.end(), '_', ' ');
            const bool seen = std::any_of(out.begin(), out.end(), [&](const Suggestion& s) { return s.text == text; });
            if (!seen && out.size() < limit) out.push_back({text, "word", frequency});
        }
    };
    const Token& last = *words.back();
    if (words.size() >= 2 && analyzer_.options().words) {
        const Token& before = *words[words.size() - 2];
        const bool exact = before.has_diacritics() || last.has_diacritics();
        complete(before.exact + "_" + last.exact, before.folded + "_" + last.folded, exact);
    }
    complete(last.exact, last.folded, last.has_diacritics());
    return out;
}

Result<CheckResult> Searcher::check(std::string_view text, std::size_t limit) {
    if (limit < 1 || limit > kMaxLimit) return Error{"bad_parameter", "limit must be between 1 and " + std::to_string(kMaxLimit)};
    if (text.size() > kMaxCheckBytes)
        return Error{"bad_parameter", "text is longer than " + std::to_string(kMaxCheckBytes) + " bytes"};
    if (const auto bad = unicode::find_invalid_utf8(text))
        return Error{"bad_parameter", "text is not valid UTF-8 (byte offset " + std::to_string(*bad) + ")"};
    const std::string nfc = unicode::normalize_nfc(text);
    // Byte offset -> code point offset, for spans a client can use.
    std::vector<std::size_t> code_point_at(nfc.size() + 1, 0);
    for (std::size_t byte = 0, cp = 0; byte <= nfc.size(); ++byte) {
        code_point_at[byte] = cp;
        if (byte < nfc.size() && (static_cast<unsigned char>(nfc[byte]) & 0xC0) != 0x80) ++cp;
    }
    const auto cps = [&](std::size_t byte) { return code_point_at[byte]; };

    CheckResult result;
    for (const Reference& reference : extract_references(nfc)) {
        CheckedReference checked{reference.number.canonical(), std::string(to_string(reference.relation)), reference.issued,
                                 reference.type_name_vi, reference.type_name_en, cps(reference.begin), cps(reference.end), {}, 0};
        const std::string key = reference.number.key();
        const std::string cited = std::string(schema::kReferencePrefix) + key;
        checked.cited_by = db_.get_termfreq(cited);
        const std::string own = std::string(schema::kNumberPrefix) + key;
        if (auto it = db_.postlist_begin(own); it != db_.postlist_end(own)) {
            const Xapian::Document holder = db_.get_document(*it);
            checked.held_by = from_stored_json(holder.get_data()).id;
            auto term = holder.termlist_begin();
            term.skip_to(cited);
            if (term != holder.termlist_end() && *term == cited) --checked.cited_by;  // naming itself is no citation
        }
        result.references.push_back(std::move(checked));
    }

    // Quoted passages: straight quotes pair up in order; curly ones open and close.
    std::size_t open_at = std::string::npos;
    char32_t opener = 0;
    for (std::size_t pos = 0; pos < nfc.size();) {
        const std::size_t here = pos;
        const char32_t cp = unicode::decode_utf8(nfc, pos);
        const bool straight = cp == U'"', curly_open = cp == 0x201C, curly_close = cp == 0x201D;
        if (!straight && !curly_open && !curly_close) continue;
        if (open_at == std::string::npos) {
            if (straight || curly_open) {
                open_at = pos;
                opener = cp;
            }
            continue;
        }
        if ((opener == U'"' && !straight) || (opener == 0x201C && !curly_close)) continue;
        const std::string passage = nfc.substr(open_at, here - open_at);
        const Analysis analysis = analyzer_.analyze(passage);
        std::vector<std::string> terms;  // folded syllables, one a position: a phrase that tolerates diacritics
        std::optional<std::uint32_t> last_position;
        for (const Token& token : analysis.tokens) {
            if (token.syllables != 1 || token.position == last_position) continue;
            last_position = token.position;
            terms.push_back(TermMapper::folded_term(token));
        }
        if (terms.size() >= 2) {
            CheckedQuote quote{passage, cps(open_at), cps(here), 0, {}};
            Xapian::Enquire enquire(db_);
            enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size())));
            enquire.set_weighting_scheme(ranking());
            const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit), 1000);
            quote.found = mset.get_matches_estimated();
            Highlights highlights;
            for (const Token& token : analysis.tokens) highlights.folded.insert(token.folded);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                Hit hit;
                hit.document = from_stored_json(it.get_document().get_data());
                hit.score = it.get_weight();
                hit.snippet = make_snippet(hit.document.text, highlights, analyzer_, terms_, hit.document.boilerplate);
                hit.document.text.clear();
                quote.documents.push_back(std::move(hit));
            }
            result.quotes.push_back(std::move(quote));
        }
        open_at = std::string::npos;
    }
    return result;
}

std::pair<std::vector<std::string>, Xapian::doccount> Searcher::citing(std::string_view number, std::size_t limit) {
    const auto parsed = parse_document_number(number);
    if (!parsed) return {};
    const std::string key = parsed->key();
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(std::string(schema::kReferencePrefix) + key),
                                    Xapian::Query(std::string(schema::kNumberPrefix) + key)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);  // newest first
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit), db_.get_doccount());
    std::vector<std::string> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(from_stored_json(it.get_document().get_data()).id);
    return {ids, mset.get_matches_estimated()};
}

std::optional<Document> Searcher::document(std::string_view id) {
    const std::string term = std::string(schema::kIdPrefix) + std::string(id);
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return from_stored_json(db_.get_document(*it).get_data());
}

}  // namespace tracuu
