/** @file
 * @brief Searcher: BM25 over the analyzed query, hits with snippets.
 */
#include "core/searcher.hpp"

#include "analyzers/dictionary.hpp"
#include "analyzers/english_words.hpp"
#include "analyzers/legal_article.hpp"

#include "analyzers/locality.hpp"
#include "analyzers/reference.hpp"
#include "analyzers/stopwords.hpp"
#include "analyzers/synonyms.hpp"
#include "analyzers/unicode.hpp"
#include "core/index_metadata.hpp"
#include "core/links.hpp"
#include "core/metadata.hpp"
#include "core/query.hpp"
#include "core/quotations.hpp"
#include "core/schema.hpp"
#include "core/snippet.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <unordered_map>

namespace tracuu {
namespace {

// BM25 with the usual k1 = 1.2, b = 0.75 (Xapian's defaults are k1 = 1, b = 0.5).
Xapian::BM25Weight ranking() { return Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5); }

// The request's filter parameters as one query, or an empty query when there are none;
// @p ref_keys gets the keys of the numbers the "ref" parameter stands for (keys_looked_up).
Result<Xapian::Query> filter_query(const SearchRequest& request, const Xapian::Database& db, std::vector<std::string>& ref_keys) {
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
    if (!from.empty() && !to.empty() && from > to)  // else an empty range: no hit, and no word why
        return Error{"bad_parameter", "parameters \"from\" and \"to\" are reversed: from " + request.from +
                                          " is after to " + request.to};
    if (!from.empty() || !to.empty()) filters.push_back(date_range_query(from, to));
    if (!request.ref.empty()) {
        // Whole, or the part a lawyer remembers: "45/2019" is every 45/2019/… the corpus cites.
        const auto lookup = read_number_lookup(request.ref);
        if (!lookup)
            return Error{"bad_parameter", "parameter \"ref\": \"" + unicode::to_valid_utf8(request.ref).substr(0, 256) +
                                              "\" is not a document number: give one whole (126/NQ-CP, 15/2020/NĐ-CP) or its serial with "
                                              "its year (45/2019) or its type (QĐ 1880)"};
        ref_keys = keys_looked_up(db, *lookup);
        filters.push_back(citing_any_of(ref_keys));  // not the documents that are them
    }
    if (!request.type.empty()) {
        const Result<TypeFilter> type = resolve_type_filter(request.type);
        if (!type) return type.error();
        filters.push_back(type_filter_query(type.value()));
    }
    if (!request.issuer.empty()) {
        const auto code = resolve_issuer(request.issuer, &db);
        if (!code)
            return Error{"bad_parameter", "parameter \"issuer\": \"" + request.issuer +
                                              "\" is no issuer; give a code (CP) or a name (Chính phủ, Government)"};
        filters.emplace_back(issuer_term(*code));
    }
    if (filters.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

constexpr std::array<std::pair<Facet, std::string_view>, 4> kFacetNames = {
    {{Facet::lang, "lang"}, {Facet::type, "type"}, {Facet::issuer, "issuer"}, {Facet::year, "year"}}};

// Counts facet values over every match: one Xapian::ValueCountMatchSpy a slot. Xapian's own
// class, because shards served by xapian-tcpsrv run it there and send its counts back (a
// MatchSpy of ours is "not suitable for use with remote searches"). What a slot holds is
// read after counting: a joint document's issuers (one tab-separated value) count for each,
// and dates (YYYYMMDD) for their year.
class FacetCounter {
public:
    explicit FacetCounter(std::vector<Facet> facets) : facets_(std::move(facets)) {
        for (const Facet facet : facets_) spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot_of(facet)));
    }
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    void attach_to(Xapian::Enquire& enquire) {
        for (const auto& spy : spies_) enquire.add_matchspy(spy.get());
    }

    /// Matches counted.
    [[nodiscard]] Xapian::doccount examined() const { return spies_.empty() ? 0 : spies_.front()->get_total(); }

    /// The counts, most frequent first (ties by value), at most @p limit values a facet.
    [[nodiscard]] std::vector<FacetCounts> results(std::size_t limit) const {
        std::vector<FacetCounts> out;
        for (std::size_t i = 0; i < facets_.size(); ++i) {
            std::unordered_map<std::string, Xapian::doccount> counts;
            for (auto it = spies_[i]->values_begin(); it != spies_[i]->values_end(); ++it) {
                const std::string value = *it;
                switch (facets_[i]) {
                    case Facet::lang:
                    case Facet::type: counts[value] += it.get_termfreq(); break;
                    case Facet::year: counts[value.substr(0, 4)] += it.get_termfreq(); break;
                    case Facet::issuer:
                        for (std::size_t start = 0; start < value.size();) {
                            const std::size_t end = std::min(value.find(schema::kIssuerSeparator, start), value.size());
                            if (end > start) counts[value.substr(start, end - start)] += it.get_termfreq();
                            start = end + 1;
                        }
                        break;
                }
            }
            counts.erase("");
            FacetCounts facet{facets_[i], {}};
            for (const auto& [value, count] : counts) {
                FacetValue entry{value, {}, {}, count};
                if (facets_[i] == Facet::type || facets_[i] == Facet::issuer) {
                    const CodeNames names = names_of_code(value);
                    entry.name_vi = names.vi;
                    entry.name_en = names.en;
                }
                facet.values.push_back(std::move(entry));
            }
            std::sort(facet.values.begin(), facet.values.end(), [](const FacetValue& a, const FacetValue& b) {
                return a.count != b.count ? a.count > b.count : a.value < b.value;
            });
            if (facet.values.size() > limit) facet.values.resize(limit);
            out.push_back(std::move(facet));
        }
        return out;
    }

private:
    static Xapian::valueno slot_of(Facet facet) {
        switch (facet) {
            case Facet::lang: return schema::kLanguageSlot;
            case Facet::type: return schema::kTypeSlot;
            case Facet::issuer: return schema::kIssuerSlot;
            case Facet::year: return schema::kDateSlot;
        }
        return schema::kLanguageSlot;
    }

    std::vector<Facet> facets_;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;  // outlive the Enquire they are attached to
};

// How many documents @p query matches, estimated as SearchResponse::total is.
Xapian::doccount count_matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(ranking());  // the weights steer the estimate: as the search will
    return enquire.get_mset(0, 10, 1000).get_matches_estimated();
}

Xapian::Query filtered(const Xapian::Query& query, const Xapian::Query& filter) {
    return filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

// Most words an ellipsis of a quotation stands for: the press cuts a clause or a sentence,
// not pages ("kỷ luật, kỷ cương … xây dựng pháp luật" leaves out "trong công tác").
constexpr Xapian::termcount kMaxElidedWords = 60;

// Most matches of a cut quotation's query read for its parts' positions: its found count is
// exact up to that many.
constexpr Xapian::doccount kMaxCutQuotationCandidates = 1000;

// Where phrase @p words starts in document @p docid: positions of its first word.
std::vector<Xapian::termpos> phrase_starts(const Xapian::Database& db, Xapian::docid docid, const std::vector<std::string>& words) {
    std::vector<Xapian::termpos> starts(db.positionlist_begin(docid, words.front()), db.positionlist_end(docid, words.front()));
    for (std::size_t k = 1; k < words.size() && !starts.empty(); ++k) {
        const std::vector<Xapian::termpos> next(db.positionlist_begin(docid, words[k]), db.positionlist_end(docid, words[k]));
        std::erase_if(starts, [&](Xapian::termpos p) { return !std::binary_search(next.begin(), next.end(), p + k); });
    }
    return starts;
}

// Whether document @p docid has the parts of a cut quotation whole and in order, each within
// kMaxElidedWords words of the one before.
bool has_parts_in_order(const Xapian::Database& db, Xapian::docid docid, const std::vector<std::vector<std::string>>& parts) {
    std::vector<Xapian::termpos> ends;  // where the parts so far can end
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const std::vector<Xapian::termpos> starts = phrase_starts(db, docid, parts[k]);
        std::vector<Xapian::termpos> reached;
        for (const Xapian::termpos start : starts) {
            const bool follows = k == 0 || std::any_of(ends.begin(), ends.end(), [&](Xapian::termpos end) {
                                     return end <= start && start <= end + kMaxElidedWords;
                                 });
            if (follows) reached.push_back(start + static_cast<Xapian::termpos>(parts[k].size()));
        }
        if (reached.empty()) return false;
        ends = std::move(reached);
    }
    return true;
}

// A quotation, as the phrases of its parts: each word for word, and all of them in order,
// with at most kMaxElidedWords words where each ellipsis was.
Xapian::Query cut_quotation_query(const std::vector<std::vector<std::string>>& parts) {
    const auto phrase = [](const std::vector<std::string>& words, Xapian::termcount window) {
        return words.size() == 1 ? Xapian::Query(words.front()) : Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), window);
    };
    if (parts.size() == 1) return phrase(parts.front(), static_cast<Xapian::termcount>(parts.front().size()));
    std::vector<Xapian::Query> each;
    std::vector<std::string> all;
    for (const auto& part : parts) {
        each.push_back(phrase(part, static_cast<Xapian::termcount>(part.size())));
        all.insert(all.end(), part.begin(), part.end());
    }
    each.push_back(phrase(all, static_cast<Xapian::termcount>(all.size() + kMaxElidedWords * (parts.size() - 1))));
    return Xapian::Query(Xapian::Query::OP_AND, each.begin(), each.end());
}

}  // namespace

std::string_view to_string(Facet facet) {
    for (const auto& [value, name] : kFacetNames)
        if (value == facet) return name;
    return {};
}

Result<std::vector<Facet>> parse_facets(std::string_view text) {
    if (text == "true" || text == "all") return std::vector<Facet>{Facet::lang, Facet::type, Facet::issuer, Facet::year};
    std::vector<Facet> facets;
    if (text.empty() || text == "false") return facets;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        std::string_view name = text.substr(start, end - start);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        const auto known = std::find_if(kFacetNames.begin(), kFacetNames.end(), [&](const auto& entry) { return entry.second == name; });
        if (known == kFacetNames.end())
            return Error{"bad_parameter", "parameter \"facets\": unknown facet \"" + std::string(name) +
                                              "\"; give true, or some of lang, type, issuer, year separated by commas"};
        if (std::find(facets.begin(), facets.end(), known->first) == facets.end()) facets.push_back(known->first);
        start = end + 1;
    }
    return facets;
}

Searcher::Searcher(const std::string& path) : path_(path), db_(path), analyzer_(read_analyzer_options(db_, path)) {
    // The vocabulary now rather than in the first request that needs it (a /suggest is
    // meant to take milliseconds); later searchers of the same revision find it built.
    try {
        (void)vocabulary();
    } catch (const Xapian::DatabaseModifiedError&) {
        // An indexer committed meanwhile: the first request that needs it builds it.
    }
}

void Searcher::refresh() {
    try {
        db_.reopen();
    } catch (const Xapian::DatabaseError&) {
        // The indexer replaced what we had open (a first build's temporary shards become
        // one database): open the path afresh.
        db_ = Xapian::Database(path_);
    }
}

std::string Searcher::revision() const {
    try {
        return db_.get_uuid() + ":" + std::to_string(db_.get_revision());
    } catch (const Xapian::InvalidOperationError&) {
        return db_.get_uuid() + ":" + std::to_string(db_.get_doccount()) + ":" + std::to_string(db_.get_lastdocid()) + ":" +
               std::to_string(db_.get_total_length());
    }
}

namespace {

// What is marked in the article of a law the query names ("Điều 173 BLHS"), which
// is the answer, not the words that name it ("các điều 168, 169" of its text), only the
// query's other words ("trộm cắp"); with none, it is shown from its opening.
std::optional<Highlights> marks_in_named_article(const Highlights& highlights, const Document& doc) {
    if (doc.law.empty() || !highlights.articles.count(doc.article)) return std::nullopt;
    Highlights others = highlights;
    others.articles.clear();
    for (const std::string& word : highlights.article_words) {
        others.folded.erase(word);
        others.word_syllables.erase(word);
        others.stems.erase(word);
    }
    return others;
}

// Postings of the number with key @p key: documents citing it (XR) and being it (XN); 0 when
// the index neither holds nor cites it.
Xapian::doccount documents_citing_or_being(const Xapian::Database& db, const std::string& key) {
    return db.get_termfreq(std::string(schema::kReferencePrefix) + key) + db.get_termfreq(std::string(schema::kNumberPrefix) + key);
}

}  // namespace

Result<SearchResponse> Searcher::search(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    if (auto bad = limit_out_of_range(request.limit, kMaxLimit)) return *bad;
    if (auto bad = offset_out_of_range(request.offset, kMaxOffset)) return *bad;
    Result<ParsedQuery> parsed = parse_query(request.query, analyzer_, terms_, &db_, request.sort == SortOrder::date);
    if (!parsed) return parsed.error();
    std::vector<std::string> ref_keys;
    Result<Xapian::Query> filter = filter_query(request, db_, ref_keys);
    if (!filter) return filter.error();

    // Facets count every match: the matcher must then visit them all, not stop once it
    // knows the best page (check_at_least), up to max_facet_documents.
    std::optional<FacetCounter> facet_counter;
    Xapian::doccount check_at_least = 1000;
    if (!request.facets.empty()) {
        facet_counter.emplace(request.facets);
        check_at_least = std::min(db_.get_doccount(), request.max_facet_documents);
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(filtered(parsed->query, filter.value()));
    enquire.set_weighting_scheme(ranking());
    if (request.sort == SortOrder::date) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
    else if (parsed->names_documents) enquire.set_sort_by_relevance_then_value(schema::kArticleSlot, false);
    if (facet_counter) facet_counter->attach_to(enquire);
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit), check_at_least);
    SearchResponse response;
    response.query = request.query;
    response.total = mset.get_matches_estimated();
    for (const std::string& key : ref_keys)
        if (const auto number = document_number_from_key(key)) response.ref_numbers.push_back(number->canonical());
    if (facet_counter) {
        response.facets = facet_counter->results(kMaxFacetValues);
        response.facets_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound() &&
                                facet_counter->examined() == mset.get_matches_estimated();
    }
    response.did_you_mean = corrected_query(parsed.value());
    // Numbers typed whole that the index neither holds nor cites. A number is an identifier:
    // a lawyer who typed one must know that none of the hits is it or cites it.
    std::map<std::string, std::string> meant;  // typed number's key -> the number offered instead
    const auto found_in_part = [&](const std::string& key) {  // "126/NQ", typed on the way to 126/NQ-CP
        return std::any_of(parsed->highlights.reference_prefixes.begin(), parsed->highlights.reference_prefixes.end(),
                           [&](const std::string& prefix) { return prefix.starts_with(key) && !number_postings(db_, prefix, 1).empty(); });
    };
    for (const std::string& key : parsed->highlights.references) {
        if (documents_citing_or_being(db_, key) > 0 || found_in_part(key)) continue;
        const std::optional<DocumentNumber> typed = document_number_from_key(key);
        if (!typed) continue;
        response.numbers_not_found.push_back(typed->canonical());
        if (const std::optional<DocumentNumber> held = number_meant(*typed)) meant[key] = held->canonical();
    }
    // With no word to correct, the query with the numbers meant in their place.
    if (response.did_you_mean.empty() && !meant.empty()) {
        const Analysis analysis = analyzer_.analyze(parsed->text);
        std::string corrected;
        std::size_t copied = 0;
        for (const ReferenceMention& mention : analysis.references)
            if (const auto it = meant.find(mention.number.key()); it != meant.end()) {
                corrected.append(analysis.text, copied, mention.begin - copied).append(it->second);
                copied = mention.end;
            }
        if (copied > 0) response.did_you_mean = corrected.append(analysis.text, copied);
    }
    if (!response.did_you_mean.empty()) {
        // Offered only when it finds something; filters apply to it as to the query.
        const Result<ParsedQuery> corrected = parse_query(response.did_you_mean, analyzer_, terms_, &db_, request.sort == SortOrder::date);
        response.did_you_mean_total = corrected ? count_matches(db_, filtered(corrected->query, filter.value())) : 0;
        if (response.did_you_mean_total == 0) response.did_you_mean.clear();
    }
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.document = from_stored_json(it.get_document().get_data());
        hit.score = it.get_weight();
        const std::optional<Highlights> own = marks_in_named_article(parsed->highlights, hit.document);
        hit.snippet = make_snippet(hit.document.text, own ? *own : parsed->highlights, analyzer_, terms_, hit.document.boilerplate);
        hit.document.text.clear();
        response.hits.push_back(std::move(hit));
    }
    response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return response;
}

std::optional<DocumentNumber> Searcher::number_meant(const DocumentNumber& typed) const {
    if (typed.year != 0) {  // "126/2023/NQ-CP" for 126/NQ-CP, which has no year
        DocumentNumber without_year = typed;
        without_year.year = 0;
        if (documents_citing_or_being(db_, without_year.key()) > 0) return without_year;
        return std::nullopt;
    }
    // "46/NĐ-CP" for 46/2016/NĐ-CP: of the numbers with its serial and codes and a year, the
    // most cited (a serial and codes recur year after year: several decrees are numbered 46).
    // A serial begins a few thousand keys at most in a large collection.
    constexpr std::size_t kMaxNumbersScanned = 20000;
    std::optional<DocumentNumber> best;
    Xapian::doccount best_postings = 0;
    DocumentNumber serial_only = typed;
    serial_only.codes.clear();
    for (const auto& [key, count] : number_postings(db_, serial_only.key(), kMaxNumbersScanned)) {  // "46/"
        const std::optional<DocumentNumber> held = document_number_from_key(key);
        if (!held || held->year == 0 || count <= best_postings) continue;
        DocumentNumber as_typed = *held;
        as_typed.year = 0;
        if (as_typed.key() != typed.key()) continue;
        best = held;
        best_postings = count;
    }
    return best;
}

// ---- Spelling: one vocabulary per index revision, shared by the searchers of every thread.

namespace {

// Longest word compared (the analyzer keeps no longer token).
constexpr std::size_t kMaxWordBytes = Analyzer::kMaxTokenBytes;
// A word in fewer documents than this is not worth suggesting.
constexpr Xapian::doccount kMinVocabularyDocuments = 2;

// Edit distance of @p a and @p b, counting a swap of neighbours as one edit (optimal string
// alignment), or bound + 1 when it is over @p bound. Bytes of folded words, or code points.
template <class Text>
int edit_distance(const Text& a, const Text& b, int bound) {
    const std::size_t n = a.size(), m = b.size();
    if (n > kMaxWordBytes || m > kMaxWordBytes || (n > m ? n - m : m - n) > static_cast<std::size_t>(bound)) return bound + 1;
    std::array<int, kMaxWordBytes + 1> before{}, previous{}, current{};
    for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        int row_min = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = std::min(value, before[j - 2] + 1);
            current[j] = value;
            row_min = std::min(row_min, value);
        }
        if (row_min > bound) return bound + 1;
        before = previous;
        previous = current;
    }
    return std::min(previous[m], bound + 1);
}

bool is_ascii_word(std::string_view term) {
    return !term.empty() && std::all_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

/// The words of an index, for spelling suggestions and for showing completions with their
/// diacritics and capitals: the folded words (letters only, no multi-syllable words) in at
/// least kMinVocabularyDocuments documents, by length, the exact forms of every folded word,
/// and how documents capitalize multi-syllable words.
/// Immutable once built, so threads share it without locks.
class Vocabulary {
public:
    /// An exact form (with diacritics) of a folded word.
    struct Form {
        std::string exact;
        Xapian::doccount documents;
    };
    /// How documents write a multi-syllable word with capitals (schema::kCapitalizedWordPrefix).
    struct Capitalized {
        std::string form;                   ///< The form most of them write: "Hà_Nội", "Quốc_hội".
        Xapian::doccount form_documents;    ///< How many write that form.
        Xapian::doccount documents;         ///< How many write any capitalized form (a document may write two).
    };
    /// A word near another.
    struct Near {
        std::string_view folded;
        Xapian::doccount documents;
        int distance;
    };

    /// Reads the terms of @p db: its unprefixed folded terms and its schema::kExactPrefix ones.
    /// A multi-syllable word that has no exact term, since only one dictionary word folds so
    /// (TermMapper::has_exact_term), has that word as its form, in all its documents.
    static std::shared_ptr<const Vocabulary> build(const Xapian::Database& db) {
        auto vocabulary = std::make_shared<Vocabulary>();
        vocabulary->by_length_.resize(kMaxWordBytes + 1);
        const WordDictionary& dictionary = WordDictionary::builtin();
        Xapian::TermIterator it = db.allterms_begin();
        if (it != db.allterms_end()) it.skip_to("a");  // prefixes are upper-case, numbers start with digits
        for (; it != db.allterms_end(); ++it) {
            const std::string term = *it;
            if (term.find('_') != std::string::npos) {
                if (const std::string_view word = dictionary.sole_word_folding_to(term); !word.empty() && word != term)
                    vocabulary->forms_[term].push_back({std::string(word), it.get_termfreq()});
                continue;
            }
            if (term.size() > kMaxWordBytes || !is_ascii_word(term)) continue;
            if (const Xapian::doccount documents = it.get_termfreq(); documents >= kMinVocabularyDocuments)
                vocabulary->by_length_[term.size()].push_back({term, documents});
        }
        const std::string exact_prefix(schema::kExactPrefix);
        for (auto exact = db.allterms_begin(exact_prefix); exact != db.allterms_end(exact_prefix); ++exact) {
            std::string form = (*exact).substr(exact_prefix.size());
            std::string folded = unicode::fold(form);
            if (!folded.empty()) vocabulary->forms_[std::move(folded)].push_back({std::move(form), exact.get_termfreq()});
        }
        for (auto& [folded, forms] : vocabulary->forms_)
            std::sort(forms.begin(), forms.end(), [](const Form& a, const Form& b) { return a.documents > b.documents; });
        const std::string capitalized_prefix(schema::kCapitalizedWordPrefix);
        for (auto it = db.allterms_begin(capitalized_prefix); it != db.allterms_end(capitalized_prefix); ++it) {
            std::string form = (*it).substr(capitalized_prefix.size());
            Capitalized& written = vocabulary->capitalized_[unicode::fold_case(form)];
            written.documents += it.get_termfreq();
            if (it.get_termfreq() > written.form_documents) {
                written.form = std::move(form);
                written.form_documents = it.get_termfreq();
            }
        }
        return vocabulary;
    }

    /// Words within @p max_distance edits of @p folded (itself excluded), closest then most
    /// frequent first, at most @p limit.
    [[nodiscard]] std::vector<Near> near(std::string_view folded, int max_distance, std::size_t limit) const {
        std::vector<Near> found;
        const std::size_t shortest = folded.size() > static_cast<std::size_t>(max_distance) ? folded.size() - max_distance : 1;
        const std::size_t longest = std::min(folded.size() + max_distance, kMaxWordBytes);
        for (std::size_t length = shortest; length <= longest; ++length)
            for (const Word& word : by_length_[length]) {
                const int distance = edit_distance(folded, std::string_view(word.folded), max_distance);
                if (distance <= max_distance && word.folded != folded) found.push_back({word.folded, word.documents, distance});
            }
        std::sort(found.begin(), found.end(), [](const Near& a, const Near& b) {
            return a.distance != b.distance ? a.distance < b.distance : a.documents > b.documents;
        });
        if (found.size() > limit) found.resize(limit);
        return found;
    }

    /// Exact forms of folded word @p folded, most frequent first; empty when it has none.
    [[nodiscard]] const std::vector<Form>& forms(const std::string& folded) const {
        static const std::vector<Form> none;
        const auto it = forms_.find(folded);
        return it == forms_.end() ? none : it->second;
    }

    /// How documents write multi-syllable word @p exact ("hà_nội") with capitals; nullptr
    /// when none does.
    [[nodiscard]] const Capitalized* capitalized(const std::string& exact) const {
        const auto it = capitalized_.find(exact);
        return it == capitalized_.end() ? nullptr : &it->second;
    }

private:
    struct Word {
        std::string folded;
        Xapian::doccount documents;
    };
    std::vector<std::vector<Word>> by_length_;  // index: length in bytes
    std::unordered_map<std::string, std::vector<Form>> forms_;
    std::unordered_map<std::string, Capitalized> capitalized_;  // by exact form
};

namespace {

// A vocabulary for a later revision of the same database is rebuilt at most this often:
// while an indexer commits, the words change little, and suggestions check counts live.
constexpr auto kVocabularyMaxAge = std::chrono::seconds(60);
// Vocabularies kept, one per index path.
constexpr std::size_t kVocabulariesKept = 4;

struct VocabularySlot {
    std::string uuid, fingerprint;
    std::chrono::steady_clock::time_point built_at;
    std::shared_ptr<const Vocabulary> vocabulary;
    bool building = false;
};

struct VocabularyCache {
    std::mutex mutex;
    std::condition_variable built;
    std::map<std::string, VocabularySlot> slots;  // by index path
};

VocabularyCache& vocabulary_cache() {
    static VocabularyCache cache;
    return cache;
}

// A word in at most this many documents may be misspelled: 2, or more in a large index.
Xapian::doccount rare_word_documents(Xapian::doccount documents) { return std::max<Xapian::doccount>(2, documents / 200000); }
// A correction must be in more than this many times as many documents as the word typed.
constexpr Xapian::doccount kCorrectionFactor = 10;
// Nearest words weighed for one correction.
constexpr std::size_t kCandidatesWeighed = 16;

// Edits allowed for a folded word, by length: none under 4 letters (too many syllables are
// one edit apart: "cua", "cau", "cao"), 1 under 8, 2 from 8.
int max_edits(std::string_view folded) { return folded.size() < 4 ? 0 : folded.size() < 8 ? 1 : 2; }

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(unicode::decode_utf8(text, pos));
    return out;
}

// The form closest to what was typed, then the most frequent: "quyiết" -> "quyết".
const Vocabulary::Form* closest_form(const std::vector<Vocabulary::Form>& forms, std::string_view typed, Xapian::doccount at_least) {
    const std::u32string wanted = code_points(typed);
    const Vocabulary::Form* best = nullptr;
    int best_distance = 0;
    for (const Vocabulary::Form& form : forms) {  // most frequent first: ties keep the first
        if (form.documents < at_least) continue;
        const int distance = edit_distance(wanted, code_points(form.exact), static_cast<int>(kMaxWordBytes));
        if (best == nullptr || distance < best_distance) {
            best = &form;
            best_distance = distance;
        }
    }
    return best;
}

// @p replacement in the case @p typed was written in: "Quyết", "QUYẾT" or "quyết".
std::string cased_like(std::string_view typed, std::string_view replacement) {
    const std::u32string letters = code_points(typed);
    const bool first_upper = !letters.empty() && u_isupper(static_cast<UChar32>(letters.front()));
    const bool all_upper = letters.size() > 1 && std::all_of(letters.begin(), letters.end(), [](char32_t c) { return u_isupper(static_cast<UChar32>(c)); });
    if (!first_upper) return std::string(replacement);
    std::string out;
    bool first = true;
    for (const char32_t c : code_points(replacement)) {
        unicode::append_utf8(out, (first || all_upper) ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))) : c);
        first = false;
    }
    return out;
}

// The form that makes a multi-syllable word with a neighbour ("tài chính"), else the most
// frequent: for a word typed without diacritics in a query typed with them.
const Vocabulary::Form* form_in_context(const Xapian::Database& db, const std::vector<Vocabulary::Form>& forms,
                                        const std::string& before, const std::string& after) {
    const std::string prefix(schema::kExactPrefix);
    for (const Vocabulary::Form& form : forms)
        if ((!before.empty() && db.term_exists(prefix + before + "_" + form.exact)) ||
            (!after.empty() && db.term_exists(prefix + form.exact + "_" + after)))
            return &form;
    return forms.empty() ? nullptr : &forms.front();
}

}  // namespace

std::shared_ptr<const Vocabulary> Searcher::vocabulary() {
    const std::string uuid = db_.get_uuid();
    const std::string fingerprint = revision();
    VocabularyCache& cache = vocabulary_cache();
    std::unique_lock lock(cache.mutex);
    for (;;) {
        VocabularySlot& slot = cache.slots[path_];
        if (slot.vocabulary && slot.fingerprint == fingerprint) return slot.vocabulary;
        // Another revision of the same database: a recent vocabulary, or one being replaced, will do.
        const bool recent = std::chrono::steady_clock::now() - slot.built_at < kVocabularyMaxAge;
        if (slot.vocabulary && slot.uuid == uuid && (recent || slot.building)) return slot.vocabulary;
        if (!slot.building) break;
        cache.built.wait(lock);  // nothing usable yet: wait for the thread building it
    }
    cache.slots[path_].building = true;
    lock.unlock();
    std::shared_ptr<const Vocabulary> built;
    try {
        built = Vocabulary::build(db_);
    } catch (...) {
        lock.lock();
        cache.slots[path_].building = false;
        cache.built.notify_all();
        throw;
    }
    lock.lock();
    cache.slots[path_] = VocabularySlot{uuid, fingerprint, std::chrono::steady_clock::now(), built, false};
    while (cache.slots.size() > kVocabulariesKept) {  // forget the oldest other index
        auto oldest = cache.slots.end();
        for (auto it = cache.slots.begin(); it != cache.slots.end(); ++it)
            if (it->first != path_ && !it->second.building && (oldest == cache.slots.end() || it->second.built_at < oldest->second.built_at))
                oldest = it;
        if (oldest == cache.slots.end()) break;
        cache.slots.erase(oldest);
    }
    cache.built.notify_all();
    return built;
}

Xapian::doccount Searcher::english_documents(const std::string& folded) const {
    Token word;  // as the analyzer gives the word typed without diacritics
    word.kind = TokenKind::word;
    word.exact = word.folded = folded;
    const std::string stem = terms_.stem_term(word);
    return stem.empty() ? 0 : db_.get_termfreq(stem);
}

std::string Searcher::corrected_query(const ParsedQuery& parsed) {
    const std::vector<QueryWord>& words = parsed.words;
    const Xapian::doccount rare = rare_word_documents(db_.get_doccount());
    std::shared_ptr<const Vocabulary> vocabulary;  // built or fetched only when a word is rare
    auto words_of_index = [&]() -> const Vocabulary& {
        if (!vocabulary) vocabulary = this->vocabulary();
        return *vocabulary;
    };
    // Most other words typed with diacritics: a correction gets them too ("bộ tài chinhh" -> "bộ tài chính").
    const auto with_diacritics = static_cast<std::size_t>(
        std::count_if(words.begin(), words.end(), [](const QueryWord& w) { return w.exact != w.folded; }));
    // An abbreviation is no misspelling: a word typed in capitals in a query that has small
    // letters ("Luật PCMT", "UBND"), or a law's abbreviation that the query read as one, the
    // index holding that law ("luat hngd": the articles of "Luật Hôn nhân và gia đình").
    const bool query_has_lower_case = std::any_of(parsed.text.begin(), parsed.text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const auto letters_of = [&](std::size_t i) {  // the word as typed
        return code_points(std::string_view(parsed.text).substr(words[i].begin, words[i].end - words[i].begin));
    };
    const auto is_abbreviation = [&](std::size_t i) {
        const std::u32string letters = letters_of(i);
        if (query_has_lower_case && letters.size() > 1 &&
            std::all_of(letters.begin(), letters.end(), [](char32_t c) { return u_isupper(static_cast<UChar32>(c)) || u_isdigit(static_cast<UChar32>(c)); }))
            return true;
        return std::any_of(parsed.law_abbreviations.begin(), parsed.law_abbreviations.end(),
                           [&](const auto& span) { return span.first < words[i].end && words[i].begin < span.second; });
    };
    // Nor is a name: a word typed with a capital and small letters after it, without
    // diacritics, that the index holds, however rarely ("Dodworth v. Dale": a party, not
    // "Date"), unless it only opens the query, where a phone capitalizes any word ("Seting
    // aside" is "setting aside"). One the index does not hold is misspelled all the same.
    const auto capitalized = [&](std::size_t i) {
        const std::u32string letters = letters_of(i);
        return words[i].exact == words[i].folded && letters.size() > 1 && u_isupper(static_cast<UChar32>(letters.front())) &&
               std::none_of(letters.begin() + 1, letters.end(), [](char32_t c) { return u_isupper(static_cast<UChar32>(c)); });
    };
    std::size_t capitalized_words = 0;
    for (std::size_t i = 0; i < words.size(); ++i) capitalized_words += capitalized(i) ? 1 : 0;
    const auto is_name = [&](std::size_t i, Xapian::doccount documents) {
        return documents > 0 && capitalized(i) && (i > 0 || capitalized_words > 1);
    };
    // Nor is a word that English spells so, typed alone or among words that are no Vietnamese
    // syllables, however rarely the index holds it: "Supreme Court Ruling" is no misspelled
    // "Wuling", a car the news names, and "tile" no misspelled "time". It may be another
    // English word mistyped, where the index has that one beside a neighbour typed and never
    // the word typed ("breech of contract": "breach of"). Beside a Vietnamese word it may be
    // any misspelling ("bo tai chink", "xe ruling").
    const bool among_vietnamese = std::any_of(words.begin(), words.end(), [](const QueryWord& w) {
        return w.exact != w.folded || (may_be_vietnamese_syllable(w.folded) && !is_english_word(w.folded));
    });
    const auto side_by_side = [&](const std::string& first, const std::string& second) {
        const std::string pair[] = {first, second};
        Xapian::Enquire enquire(db_);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, std::begin(pair), std::end(pair), 2));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        return !enquire.get_mset(0, 1).empty();
    };
    std::string corrected;
    std::size_t copied = 0;
    std::string previous_folded, previous_exact;  // the word before, as corrected: "nghi" when correcting "quyiet"
    for (std::size_t i = 0; i < words.size(); ++i) {
        const QueryWord& word = words[i];
        const bool typed_exact = word.exact != word.folded;
        const Xapian::doccount folded_documents = db_.get_termfreq(word.folded);
        std::string replacement, replacement_folded = word.folded;
        if (folded_documents <= rare && is_ascii_word(word.folded) && max_edits(word.folded) > 0 && !is_abbreviation(i) &&
            !is_name(i, folded_documents)) {
            // A misspelled word: the nearest frequent word, preferring one that makes a
            // multi-syllable word with its neighbours ("nghi quyiet" -> "nghi quyet", since
            // "nghi_quyet" is a word of the index).
            const bool after_word = i > 0 && !previous_folded.empty() && only_spaces_between(parsed.text, words[i - 1].end, word.begin);
            const bool before_word = i + 1 < words.size() && only_spaces_between(parsed.text, word.end, words[i + 1].begin);
            std::tuple<bool, int, Xapian::doccount> best_rank{false, 0, 0};
            // A word the English documents hold is corrected only to a word far more frequent
            // among them: in a collection mostly Vietnamese, "land" is rare but no misspelled
            // "lan", and English words are all rare when English documents are few.
            const Xapian::doccount typed_in_english = english_documents(word.folded);
            // Typed in lower case among words that no Vietnamese syllable could be ("supreme court
            // ruling", "penal code"), a word is English: corrected to a word of the English
            // documents or a Vietnamese syllable, never to a foreign name that Vietnamese text
            // borrows ("Wuling", "Pena"), which is all an index of Vietnamese news would offer.
            const bool in_english_company = !capitalized(i) && words.size() > 1 && [&] {
                for (std::size_t j = 0; j < words.size(); ++j)
                    if (j != i && may_be_vietnamese_syllable(words[j].folded)) return false;
                return true;
            }();
            const bool english_word = !among_vietnamese && is_english_word(word.folded);
            const auto beside_neighbour = [&](const std::string& folded) {
                return (after_word && side_by_side(previous_folded, folded)) || (before_word && side_by_side(folded, words[i + 1].folded));
            };
            const bool meant_as_typed = english_word && (!(after_word || before_word) || beside_neighbour(word.folded));
            std::vector<Vocabulary::Near> candidates;
            if (!meant_as_typed) candidates = words_of_index().near(word.folded, max_edits(word.folded), kCandidatesWeighed);
            for (const Vocabulary::Near& candidate : candidates) {
                const std::string folded(candidate.folded);
                const Xapian::doccount documents = db_.get_termfreq(folded);  // live: the vocabulary may be a revision behind
                // Nobody misspells a word into a function word they meant: "land" is no misspelled "and".
                if (documents <= kCorrectionFactor * folded_documents || is_function_word(folded)) continue;
                if (typed_in_english > 0 && english_documents(folded) <= kCorrectionFactor * typed_in_english) continue;
                if (in_english_company && english_documents(folded) == 0 && !may_be_vietnamese_syllable(folded)) continue;
                if (english_word && (!is_english_word(folded) || !beside_neighbour(folded))) continue;
                const bool makes_word = (after_word && db_.term_exists(previous_folded + "_" + folded)) ||
                                        (before_word && db_.term_exists(folded + "_" + words[i + 1].folded));
                const std::tuple<bool, int, Xapian::doccount> rank{makes_word, -candidate.distance, documents};
                if (replacement_folded == word.folded || rank > best_rank) {
                    best_rank = rank;
                    replacement_folded = folded;
                }
            }
            if (replacement_folded != word.folded) {
                replacement = replacement_folded;
                const std::vector<Vocabulary::Form>& forms = words_of_index().forms(replacement_folded);
                const Vocabulary::Form* form = nullptr;
                if (typed_exact)  // keep the diacritics the user typed, as far as the word allows
                    form = closest_form(forms, word.exact, 1);
                else if (2 * with_diacritics > words.size() - 1)
                    form = form_in_context(db_, forms, after_word ? previous_exact : std::string(),
                                           before_word ? words[i + 1].exact : std::string());
                if (form != nullptr) replacement = form->exact;
            }
        } else if (typed_exact && folded_documents > rare) {
            // The word is known, but not with these diacritics ("quyêt"): its frequent form nearest to them.
            const Xapian::doccount exact_documents = db_.get_termfreq(std::string(schema::kExactPrefix) + word.exact);
            if (exact_documents <= rare)
                if (const Vocabulary::Form* form = closest_form(words_of_index().forms(word.folded), word.exact,
                                                                kCorrectionFactor * exact_documents + 1))
                    replacement = form->exact;
        }
        previous_folded = replacement_folded;
        previous_exact = replacement.empty() ? word.exact : replacement;
        if (replacement.empty()) continue;
        corrected.append(parsed.text, copied, word.begin - copied);
        corrected += cased_like(std::string_view(parsed.text).substr(word.begin, word.end - word.begin), replacement);
        copied = word.end;
    }
    if (copied == 0) return {};
    corrected.append(parsed.text, copied, std::string::npos);
    return corrected;
}

namespace {

// Most terms read per completion: bounds the time a one-letter prefix can take.
constexpr std::size_t kMaxTermsScanned = 20000;
// Completions weighed after English words: the English among the most frequent, which in a
// collection mostly Vietnamese are syllables ("co": "công", "có", "cho", … "court").
constexpr std::size_t kEnglishCandidates = 300;
// A name that goes on past a completion offered, in this many times fewer documents, ran on
// into the next sentence ("Hồ Chí Minh Nguyễn", 14 documents, beside "Hồ Chí Minh", 1,252).
constexpr Xapian::doccount kRunOnRarity = 20;
// Most typed words completed as one: a name's syllables (the analyzer's kMaxNameSyllables).
constexpr std::size_t kLongestRunCompleted = 4;

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

// How a folded completion is shown: its most frequent exact form, unless documents that
// can only hold it without diacritics outnumber that form (the forms of one word may
// share documents, so this undercounts them).
std::string shown_form(const Vocabulary& vocabulary, const std::string& folded, Xapian::doccount documents) {
    const std::vector<Vocabulary::Form>& forms = vocabulary.forms(folded);
    if (forms.empty()) return folded;
    Xapian::doccount with_diacritics = 0;
    for (const Vocabulary::Form& form : forms) with_diacritics += form.documents;
    if (documents > with_diacritics && documents - with_diacritics >= forms.front().documents) return folded;
    return forms.front().exact;
}

bool is_number_separator(std::string_view text) { return text == "/" || text == "-" || text == "\u2013"; }

// The words of folded @p typed, as the spaces between them divide it.
std::vector<std::string_view> words_between_spaces(std::string_view typed) {
    std::vector<std::string_view> words;
    for (std::size_t pos = 0; pos < typed.size();) {
        const std::size_t begin = typed.find_first_not_of(' ', pos);
        if (begin == std::string_view::npos) break;
        const std::size_t end = std::min(typed.find(' ', begin), typed.size());
        words.push_back(typed.substr(begin, end - begin));
        pos = end;
    }
    return words;
}

// The document number being typed at the end of folded @p typed, or "" when a word is: the
// last word, with the words before it that a separator joins to it ("126 / n"), when that
// starts with a digit. Only the end decides: "126 th" is a number typed, then a word typed.
std::string number_being_typed(std::string_view typed) {
    const std::vector<std::string_view> words = words_between_spaces(typed);
    if (words.empty()) return {};
    const auto ends_in_separator = [](std::string_view word) {
        return is_number_separator(word.substr(word.size() - 1)) || (word.size() >= 3 && is_number_separator(word.substr(word.size() - 3)));
    };
    const auto starts_with_separator = [](std::string_view word) {
        return is_number_separator(word.substr(0, 1)) || is_number_separator(word.substr(0, 3));
    };
    std::size_t first = words.size() - 1;
    while (first > 0 && (ends_in_separator(words[first - 1]) || starts_with_separator(words[first]))) --first;
    if (words[first][0] < '0' || words[first][0] > '9') return {};
    const std::size_t begin = static_cast<std::size_t>(words[first].data() - typed.data());
    return std::string(typed.substr(begin));
}

// "QH14" -> "QH".
std::string_view without_term_digits(std::string_view code) {
    while (!code.empty() && code.back() >= '0' && code.back() <= '9') code.remove_suffix(1);
    return code;
}

// The type code that folded @p typed names at its end, before a number being typed, perhaps
// with "số" after it: "nghi dinh so " -> "NĐ", "luat " -> "L"; nullopt when none.
std::optional<std::string> type_named_before(std::string_view typed) {
    std::vector<std::string_view> words = words_between_spaces(typed);
    if (!words.empty() && (words.back() == "so" || words.back() == "no." || words.back() == "so:")) words.pop_back();
    constexpr std::size_t kLongestTypeName = 4;  // "thông tư liên tịch"
    for (std::size_t n = std::min(kLongestTypeName, words.size()); n > 0; --n) {
        const std::string_view first = words[words.size() - n], last = words.back();
        const std::string_view name(first.data(), static_cast<std::size_t>(last.data() + last.size() - first.data()));
        if (auto code = resolve_type(name); code && *code != kArticleType) return code;
    }
    return std::nullopt;
}

// Whether shown form @p text ("hồ_chí_minh") begins with the syllables @p typed ("hồ_chí_",
// "ho_chí_": each followed by '_'), those typed with diacritics as typed, the others in any
// form (@p text is a form of their folded word already).
bool begins_as_typed(std::string_view text, std::string_view typed) {
    for (std::size_t t = 0, x = 0; t < typed.size();) {
        const std::size_t typed_end = std::min(typed.find('_', t), typed.size());
        const std::size_t text_end = std::min(text.find('_', x), text.size());
        if (text_end == text.size()) return false;
        const std::string_view syllable = typed.substr(t, typed_end - t);
        if (unicode::fold(syllable) != syllable && text.substr(x, text_end - x) != syllable) return false;
        t = typed_end + 1;
        x = text_end + 1;
    }
    return true;
}

// @p word ("hồ_chí_minh") with each syllable capitalized, as the text writes a name.
std::string title_cased(std::string_view word) {
    std::string out;
    bool starts_syllable = true;
    for (const char32_t c : code_points(word)) {
        unicode::append_utf8(out, starts_syllable ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))) : c);
        starts_syllable = c == U'_';
    }
    return out;
}

// Whether shown @p text begins with the words @p written, case aside, those typed with
// diacritics as typed: "Luật Đất đai" for "luật đ", not "Luật Du lịch".
bool begins_as_written(std::string_view text, std::string_view written) {
    const std::string shown = unicode::fold_case(text), typed = unicode::fold_case(written);
    const std::vector<std::string_view> shown_words = words_between_spaces(shown), typed_words = words_between_spaces(typed);
    if (shown_words.size() < typed_words.size()) return false;
    for (std::size_t k = 0; k < typed_words.size(); ++k)
        if (unicode::fold(typed_words[k]) != typed_words[k] && !shown_words[k].starts_with(typed_words[k])) return false;
    return true;
}

// The laws the index holds article by article whose name or abbreviation begins with @p typed,
// most articles first, each once, as a record of its articles writes it: by its name where that
// begins so ("Bộ luật H" -> "Bộ luật Hình sự"), else a code's abbreviation ("BL" -> "BLHS"),
// else its noun and initials ("luật hn" -> "Luật HNGĐ").
std::vector<Suggestion> laws_beginning(const Xapian::Database& db, const LawBeingTyped& law_typed, std::size_t limit) {
    const std::string& typed = law_typed.folded;
    // The law keys that begin so (names and abbreviations), and the codes whose abbreviation does.
    std::vector<std::pair<std::string, Xapian::doccount>> keys;
    for (auto& [term, documents] : most_frequent_with_prefix(db, law_term(typed), 3 * limit))
        keys.emplace_back(term.substr(schema::kLawPrefix.size()), documents);
    const std::vector<std::string> codes = code_abbreviations();
    for (const std::string& abbreviation : codes)
        if (abbreviation.starts_with(typed))
            if (std::string key = law_key(abbreviation); db.term_exists(law_term(key))) keys.emplace_back(std::move(key), db.get_termfreq(law_term(key)));
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<Suggestion> out;
    std::set<std::string> laws;  // law_key of the name of each law offered
    for (const auto& [key, documents] : keys) {
        if (out.size() == limit) break;
        // A key is a law's name or its abbreviation: the name its first article's record gives tells which.
        const std::string term = law_term(key);
        const Xapian::PostingIterator first = db.postlist_begin(term);
        if (first == db.postlist_end(term)) continue;
        const std::string written = from_stored_json(db.get_document(*first).get_data()).law;
        const std::string name_key = law_key(written);
        if (!laws.insert(name_key).second) continue;
        const bool of_code = std::any_of(codes.begin(), codes.end(), [&](const std::string& a) {
            return a.starts_with(typed) && law_key(a) == name_key;
        });
        std::string text = name_key.starts_with(typed) ? law_name(written) : written_law_abbreviation(written, of_code);
        if (!text.empty() && begins_as_written(text, law_typed.written)) out.push_back({std::move(text), "law", documents});
    }
    return out;
}

// Of documents holding a multi-syllable word, the share that must write it with capitals for
// a completion to show it so: more than half ("Hà Nội", "Quốc hội"; not "thi hành", which a
// Title Case headline or a law's name capitalizes now and then).
constexpr Xapian::doccount kCapitalizedShareInverse = 2;


}  // namespace

Result<std::vector<Suggestion>> Searcher::suggest(std::string_view prefix, std::size_t limit) {
    if (auto bad = limit_out_of_range(limit, kMaxSuggestions)) return *bad;
    if (prefix.size() > 256) return Error{"bad_parameter", "parameter \"q\" is longer than 256 bytes"};
    if (unicode::find_invalid_utf8(prefix)) return Error{"bad_parameter", "parameter \"q\" is not valid UTF-8"};
    std::vector<Suggestion> out;
    const std::string folded = unicode::fold(unicode::normalize_nfc(prefix));

    // A document number being typed: its digits and letters in order, as the keys hold them.
    // Not an article's number ("Điều 1", "khoản 2"), which no document number completes.
    const auto after_article_word = [&](const std::string& number) {
        std::string_view before = std::string_view(folded).substr(0, folded.size() - number.size());
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        return is_article_word(before.substr(std::min(before.size(), before.find_last_of(' ') + 1)));
    };
    if (const std::string trimmed = number_being_typed(folded); !trimmed.empty() && !after_article_word(trimmed)) {
        std::size_t digits = 0;
        while (digits < trimmed.size() && trimmed[digits] >= '0' && trimmed[digits] <= '9') ++digits;
        const std::string typed_serial = trimmed.substr(0, digits);
        std::string number = typed_serial;
        number.erase(0, std::min(number.find_first_not_of('0'), number.size() - 1));  // keys drop leading zeros
        const std::string wanted = unicode::folded_word_chars(number + trimmed.substr(digits));
        // As /references lists them: "126/" ends the serial, only 126/...; "188" may go on, to
        // 188/..., 1880/QĐ-TTg, 188a/...
        const bool serial_complete = digits < trimmed.size() && unicode::folded_word_chars(trimmed.substr(digits, 1)).empty();
        // The type named before it ("nghị định 67/2", "Luật số 45/20") puts the numbers of that
        // type first: a decree's, not a province's decision of the same serial and year.
        const std::optional<std::string> type_named = type_named_before(folded.substr(0, folded.size() - trimmed.size()));
        const auto of_type_named = [&](const std::optional<DocumentNumber>& parsed) {
            if (!type_named || !parsed || parsed->codes.empty()) return false;
            const CodeInfo* first = find_code(without_term_digits(parsed->codes.front()));
            if (first != nullptr && first->kind == CodeKind::type) return first->code == *type_named;
            // A law's number names only the legislature that passed it: 45/2019/QH14.
            return *type_named == "L" && parsed->codes.size() == 1 && first != nullptr && first->digits_are_term;
        };
        std::vector<Suggestion> named, others;
        // The numbers cited, and those the index holds that nobody cites, by documents citing or being it.
        const std::map<std::string, Xapian::doccount> numbers = number_postings(db_, number + (serial_complete ? "/" : ""), kMaxTermsScanned);
        std::vector<std::pair<std::string, Xapian::doccount>> by_frequency(numbers.begin(), numbers.end());
        std::stable_sort(by_frequency.begin(), by_frequency.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        for (const auto& [key, frequency] : by_frequency) {
            if (unicode::folded_word_chars(key).rfind(wanted, 0) != 0) continue;
            // Shown with the serial as typed ("02/2017/TT-BYT": the key says 2).
            auto parsed = document_number_from_key(key);
            const bool preferred = of_type_named(parsed);
            if (parsed && parsed->number == number) parsed->number = typed_serial;
            (preferred ? named : others).push_back({parsed ? parsed->canonical() : key, "reference", frequency});
            if (named.size() == limit || (!type_named && others.size() == limit)) break;
        }
        for (Suggestion& s : named) out.push_back(std::move(s));
        for (Suggestion& s : others)
            if (out.size() < limit) out.push_back(std::move(s));
        return out;
    }

    // After an article named ("Điều 173 BL", "điều 5 luật đ"), a law's name or abbreviation is
    // being typed: the laws the index holds come first ("BLHS", not "BLOOMBERG"), then words.
    std::vector<Suggestion> laws;
    if (const std::optional<LawBeingTyped> law = law_being_typed(unicode::normalize_nfc(prefix))) laws = laws_beginning(db_, *law, limit);

    // Words: the last two typed words as one multi-syllable word, then the last word alone.
    // Typed with diacritics, complete exact forms; without, folded ones.
    const Analysis analysis = analyzer_.analyze(prefix);
    std::vector<const Token*> words;
    for (const Token& token : analysis.tokens)
        if (token.syllables == 1 && token.kind == TokenKind::word) words.push_back(&token);
    if (words.empty()) return out;
    const bool ends_in_space = !prefix.empty() && (prefix.back() == ' ');
    if (ends_in_space) return out;
    std::shared_ptr<const Vocabulary> vocabulary;  // for the diacritics and capitals of completions
    // The index holds lower case. A completion is shown as the documents write it: a name (a
    // run of capitalized syllables, no dictionary word) capitalized, a multi-syllable word as
    // most documents holding it write it ("ha n" -> "Hà Nội", "quoc h" -> "Quốc hội"; none does
    // in a heading's capitals), else as indexed. On that, each syllable typed keeps the capital
    // typed for it ("Thi h" -> "Thi hành"), and capitals typed ("HA NO") make it all capitals.
    const auto typed_as = [&](const Token& token) { return std::string_view(analysis.text).substr(token.begin, token.end - token.begin); };
    const auto as_documents_write = [&](const std::string& completion, const std::string& folded_term, Xapian::doccount documents) {
        if (folded_term.find('_') == std::string::npos) return completion;
        if (!WordDictionary::builtin().is_word_term(folded_term)) return title_cased(completion);
        if (!vocabulary) vocabulary = this->vocabulary();
        const Vocabulary::Capitalized* written = vocabulary->capitalized(completion);
        return written != nullptr && kCapitalizedShareInverse * written->documents > documents ? written->form : completion;
    };
    const auto cased_as_typed = [](const std::string& completion, const std::vector<std::string_view>& typed) {
        // Those beyond follow a typed syllable of two letters or more ("Pham", "HA"): one
        // letter ("M") does not tell capitals from a capital.
        std::string_view style = typed.empty() ? std::string_view() : typed.back();
        for (const std::string_view syllable : typed)
            if (code_points(syllable).size() > 1) {
                style = syllable;
                break;
            }
        const std::u32string style_letters = code_points(style);
        const bool capitals_typed = style_letters.size() > 1 && std::all_of(style_letters.begin(), style_letters.end(), [](char32_t c) {
                                        return u_isupper(static_cast<UChar32>(c));
                                    });
        std::string out;
        std::size_t syllable = 0;
        for (std::size_t start = 0; start <= completion.size(); ++syllable) {
            const std::size_t end = std::min(completion.find('_', start), completion.size());
            const std::string_view part = std::string_view(completion).substr(start, end - start);
            if (syllable > 0) out += '_';
            // A one-letter capital after capitals ("HA N") is more capitals, as those not typed are.
            const bool one_capital = syllable < typed.size() && code_points(typed[syllable]).size() == 1 &&
                                     u_isupper(static_cast<UChar32>(code_points(typed[syllable]).front()));
            if (syllable < typed.size() && !(capitals_typed && one_capital)) out += cased_like(typed[syllable], part);
            else out += capitals_typed ? cased_like(style, part) : std::string(part);
            start = end + 1;
        }
        return out;
    };
    // How many documents hold the word that the two words typed before the last one make
    // ("lao_dong" of "người lao động k"), 0 when they make none. A word that the last two would
    // begin competes with it for their shared syllable ("động"), and is read so only when it
    // is the more frequent: "người lao động k" offers no "động kinh" nor "đồng không", while
    // "tòa án nhân d" offers "nhân dân", "án nhân" being rare.
    Xapian::doccount word_before_last = 0;
    if (words.size() >= 3 && analyzer_.options().words) {
        const Token& first = *words[words.size() - 3];
        const Token& second = *words[words.size() - 2];
        if (only_spaces_between(analysis.text, first.end, second.begin))
            word_before_last = db_.get_termfreq(first.folded + "_" + second.folded);
    }
    const auto reads_as_word = [&](const std::string& folded_word) {
        return word_before_last == 0 || db_.get_termfreq(folded_word) >= word_before_last;
    };
    // After English words ("supreme co", "Excess Pro"), English words: "court" before "công",
    // the more frequent syllable. A word is English where the English documents, which alone
    // have stems, hold at least half of those that have it.
    const auto english_looking = [&](const std::string& folded_word) {
        const Xapian::doccount english = english_documents(folded_word);  // 0 for "cong_an": no English word
        return english > 0 && 2 * english >= db_.get_termfreq(folded_word);
    };
    // Function words say nothing ("the" folds like "thế", "thẻ"), if a word beside them does.
    std::size_t english_words = 0;
    const bool after_english = words.size() >= 2 && std::all_of(words.begin(), words.end() - 1, [&](const Token* word) {
                                   if (english_looking(word->folded)) return ++english_words > 0;
                                   return is_function_word(word->folded);
                               }) && english_words > 0;
    // @p begins_as: only completions whose shown form begins so (a first syllable typed with
    // its diacritics, the last one still without). @p after: the folded word typed before the
    // one completed, when that is completed alone: not the words the two begin, already offered.
    // @p of_two_words: completions of the last two words, offered only where they read so.
    auto complete = [&](const std::string& typed_exact, const std::string& typed_folded, bool exact,
                        const std::vector<std::string_view>& typed, std::string_view begins_as = {},
                        const std::string& after = {}, bool of_two_words = false) {
        const std::string term_prefix = exact ? std::string(schema::kExactPrefix) + typed_exact : typed_folded;
        std::vector<std::pair<std::string, Xapian::doccount>> found =
            most_frequent_with_prefix(db_, term_prefix, !begins_as.empty() ? kMaxTermsScanned : after_english ? kEnglishCandidates : 3 * limit);
        for (auto& [term, frequency] : found)
            if (exact) term.erase(0, schema::kExactPrefix.size());
        if (exact) {
            // Words that only one dictionary word folds to have no exact term: their folded
            // terms, shown as that word, where it begins as typed ("pháp lu" -> "pháp luật").
            const WordDictionary& dictionary = WordDictionary::builtin();
            for (auto& [term, frequency] : most_frequent_with_prefix(db_, typed_folded, kMaxTermsScanned)) {
                if (term.find('_') == std::string::npos) continue;
                const std::string_view word = dictionary.sole_word_folding_to(term);
                if (word.substr(0, typed_exact.size()) == typed_exact) found.emplace_back(std::string(word), frequency);
            }
            std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        } else if (after_english) {
            // English words first, as many as are shown; the rest after, in their order.
            std::vector<std::pair<std::string, Xapian::doccount>> english, others;
            for (auto& candidate : found)
                (english.size() < limit && english_looking(candidate.first) ? english : others).push_back(std::move(candidate));
            english.insert(english.end(), std::make_move_iterator(others.begin()), std::make_move_iterator(others.end()));
            found = std::move(english);
        }
        // Function words ("của", "các", "the") after the others: the most frequent of every
        // prefix, and the least likely to be what a search is typed for ("c" -> "công", "chính").
        std::vector<Suggestion> function_words;
        for (auto& [term, frequency] : found) {
            if (out.size() == limit) break;
            if (term.find_first_of("0123456789") != std::string::npos && term.find('_') == std::string::npos) continue;
            const std::string folded_term = exact ? unicode::fold(term) : term;
            if (of_two_words && !reads_as_word(folded_term)) continue;
            // "thi" + "hành" is the word "thi hành", offered as such.
            if (!after.empty() && db_.term_exists(after + "_" + folded_term) && reads_as_word(after + "_" + folded_term)) continue;
            std::string text = term;
            if (!exact) {
                // Typed without diacritics, shown with them: "thi ha" -> "thi hành".
                if (!vocabulary) vocabulary = this->vocabulary();
                text = shown_form(*vocabulary, term, frequency);
                if (!begins_as_typed(text, begins_as)) continue;
            }
            const bool function_word = is_function_word(text);
            // A document-number code is an abbreviation: shown as the lexicon writes it ("QĐ", "UBND").
            const CodeInfo* code = term.find('_') == std::string::npos ? find_code(text) : nullptr;
            const bool name = folded_term.find('_') != std::string::npos && !WordDictionary::builtin().is_word_term(folded_term);
            text = code != nullptr ? code->code : cased_as_typed(as_documents_write(text, folded_term, frequency), typed);
            std::replace(text.begin(), text.end(), '_', ' ');
            const bool seen = std::any_of(out.begin(), out.end(), [&](const Suggestion& s) { return s.text == text; });
            // A run of capitalized syllables written once, or far more rarely than a completion
            // offered that it goes on past, is a name that ran into the next sentence ("Quảng
            // Ninh Thủ tướng", "TP Hồ Chí Minh Nguyễn Văn A").
            const bool runs_on = name && std::any_of(out.begin(), out.end(), [&](const Suggestion& s) {
                return (frequency <= 1 || kRunOnRarity * frequency < s.documents) && text.rfind(s.text + " ", 0) == 0;
            });
            if (!seen && !runs_on) (function_word ? function_words : out).push_back({text, "word", frequency});
        }
        for (Suggestion& s : function_words)
            if (out.size() < limit) out.push_back(std::move(s));
    };
    const Token& last = *words.back();
    // The last @p n typed words as one word: names and words of three syllables or more are
    // terms of the index too, so the words typed before count at the cost of one more prefix
    // scan ("Hồ Chí M" -> "Hồ Chí Minh", not "chí mạng"), not of a phrase search a completion.
    const auto complete_run = [&](std::size_t n) {
        std::string exact, folded, exact_before;
        std::vector<std::string_view> typed;
        bool diacritics_before = false;
        for (std::size_t i = words.size() - n; i < words.size(); ++i) {
            const Token& word = *words[i];
            if (i > words.size() - n) {
                exact += '_';
                folded += '_';
            }
            exact += word.exact;
            folded += word.folded;
            typed.push_back(typed_as(word));
            if (i + 1 < words.size()) {
                exact_before += word.exact + "_";
                diacritics_before = diacritics_before || word.has_diacritics();
            }
        }
        // Only the two last are checked against the word before them (reads_as_word).
        const bool of_two_words = n == 2;
        if (diacritics_before && !last.has_diacritics())
            // Its diacritics are still to come ("chính sa" on the way to "chính sách"): the
            // folded word, shown as the corpus writes it where that begins as typed.
            complete(exact, folded, false, typed, exact_before, {}, of_two_words);
        else
            complete(exact, folded, diacritics_before || last.has_diacritics(), typed, {}, {}, of_two_words);
    };
    if (words.size() >= 2 && analyzer_.options().words) {
        // The longest run of words typed apart by spaces first (a name has up to four
        // syllables), each shorter one only where the longer begins no word, as the last word
        // alone below.
        std::size_t longest = 2;
        while (longest < std::min(words.size(), kLongestRunCompleted) &&
               only_spaces_between(analysis.text, words[words.size() - longest - 1]->end, words[words.size() - longest]->begin))
            ++longest;
        for (std::size_t n = longest; n >= 3; --n) complete_run(n);
        // Runs of different lengths, the most frequent first: "Thành phố Hồ Chí M" offers
        // "Hồ Chí Minh" before "phố Hồ Chí Minh", a name that ran on from a title.
        std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) { return a.documents > b.documents; });
        if (out.empty()) complete_run(2);
    }
    // The last word alone, after a word typed on its own just before it ("thi h", not "thi 126 h"
    // nor "126/NQ-CP h", whose "CP" is a code), only where the two begin no word the index
    // holds: "thi h" offers "thi hành", "thị hiếu", not "thi" + "hiện", nothing anyone writes;
    // "bão s" has no such word, and offers "số", "sự". Whether a syllable follows a word would
    // take a phrase search a completion, which made /suggest six times slower (bench/README.md).
    std::string after;
    if (const Token* previous = words.size() >= 2 ? words[words.size() - 2] : nullptr;
        previous != nullptr && only_spaces_between(analysis.text, previous->end, last.begin) &&
        (previous->begin == 0 || analysis.text[previous->begin - 1] == ' '))
        after = previous->folded;
    if (after.empty() || out.empty()) complete(last.exact, last.folded, last.has_diacritics(), {typed_as(last)}, {}, after);
    if (laws.empty()) return out;
    for (Suggestion& s : out)
        if (laws.size() < limit && std::none_of(laws.begin(), laws.end(), [&](const Suggestion& law) { return law.text == s.text; }))
            laws.push_back(std::move(s));
    return laws;
}


Result<CheckResult> Searcher::check(std::string_view text, std::size_t limit) {
    if (auto bad = limit_out_of_range(limit, kMaxLimit)) return *bad;
    // As related_to_text: nothing to check is a mistake to report, not an empty answer.
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Error{"bad_parameter", "text is empty"};
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
    // What the corpus says of a number as a locality's: the same for every mention of it.
    struct CorpusStatus {
        std::string held_by;
        std::vector<std::string> holders;
        bool ambiguous = false;
        Xapian::doccount cited_by = 0;
    };
    std::map<std::tuple<std::string, std::string, std::string>, CorpusStatus> looked_up;  // by key, locality key, year
    std::optional<std::string> language;  // of the text, read only when a number has holders in several
    const std::vector<TextRange> quotations = find_quotations(nfc);
    const auto text_language = [&]() -> const std::string& {
        if (language) return *language;
        // The text's own words, not its quotations': an English article quoting a Vietnamese
        // decree is English, and its reader is sent to the decree's English translation.
        std::string own_words = nfc;
        for (const auto& [begin, end] : quotations) std::fill(own_words.begin() + static_cast<std::ptrdiff_t>(begin), own_words.begin() + static_cast<std::ptrdiff_t>(end), ' ');
        language = detect_language(analyzer_.analyze(own_words));
        if (language->empty()) language = detect_language(analyzer_.analyze(nfc));  // quotations only
        return *language;
    };
    std::optional<std::string> text_date;  // its dateline's, read only when a number has holders of several years
    // @p year: for a number without its year (126/NQ-CP, which comes back every few years), the
    // year of the date the text gives it, or "".
    const auto status_of = [&](const std::string& key, const std::string& locality, const std::string& year) -> const CorpusStatus& {
        const auto found = looked_up.find({key, locality, year});
        if (found != looked_up.end()) return found->second;
        // Which document the corpus holds it as, if one: numbers are not unique (links.hpp NumberHolders).
        CorpusStatus status;
        const NumberHolders holders(db_, key);
        CitedAs cited{locality, year, ""};
        NumberHolders::Meaning meaning = holders.meaning(cited);
        if (year.empty() && meaning.ambiguous) {  // the text's own date may tell
            if (!text_date) text_date = find_publication_date(nfc);
            cited.citer_date = *text_date;
            meaning = holders.meaning(cited);
        }
        const std::vector<const NumberHolders::Holder*>& meant = meaning.meant;
        for (const NumberHolders::Holder& holder : holders.holders()) status.holders.push_back(holder.document.id);
        status.ambiguous = meaning.ambiguous;
        // A translation holds its original's number: show the one in the text's language.
        if (meant.size() == 1) status.held_by = meant.front()->document.id;
        if (meant.size() > 1) status.held_by = NumberHolders::preferred(meant, text_language())->document.id;
        const Xapian::Query citing = !meant.empty() ? holders.citing(meant) : holders.citing_as(cited);
        status.cited_by = exact_count(db_, citing);
        return looked_up.emplace(std::tuple{key, locality, year}, std::move(status)).first->second;
    };
    const std::vector<Reference> references = extract_references(nfc);
    // The year each number without its own is dated in the text, when one: a headline's
    // "Nghị quyết 126/NQ-CP" is the text's "Nghị quyết số 126/NQ-CP ngày 14/8/2023".
    std::map<std::string, std::set<std::string>> years_given;
    for (const Reference& reference : references)
        if (reference.number.year == 0 && !reference.issued_year.empty()) years_given[reference.number.key()].insert(reference.issued_year);
    for (const Reference& reference : references) {
        if (result.references.size() == kMaxCheckReferences) {
            result.truncated = true;
            break;
        }
        CheckedReference checked{reference.number.canonical(), std::string(to_string(reference.relation)), reference.issued,
                                 reference.type_name_vi, reference.type_name_en, cps(reference.begin), cps(reference.end),
                                 reference.locality};
        std::string year = reference.number.year == 0 ? reference.issued_year : std::string();
        if (const auto given = years_given.find(reference.number.key()); year.empty() && given != years_given.end() && given->second.size() == 1)
            year = *given->second.begin();
        const CorpusStatus& status = status_of(reference.number.key(), locality_key(reference.locality), year);
        checked.held_by = status.held_by;
        checked.holders = status.holders;
        checked.ambiguous = status.ambiguous;
        checked.cited_by = status.cited_by;
        checked.issued_year = reference.number.year == 0 ? year : reference.issued_year;
        result.references.push_back(std::move(checked));
    }

    // Quoted passages, each distinct one searched once: a text quoting the same words a
    // thousand times asks one question.
    constexpr std::size_t kNoQuotation = static_cast<std::size_t>(-1);  // under two words, or beyond the cap
    std::unordered_map<std::string, std::size_t> quotation_at;          // passage -> index in result.quotes
    const auto check_passage = [&](std::size_t begin, std::size_t end) {
        std::string passage = nfc.substr(begin, end - begin);
        const TextSpan span{cps(begin), cps(end)};
        if (const auto seen = quotation_at.find(passage); seen != quotation_at.end()) {
            if (seen->second != kNoQuotation) result.quotes[seen->second].spans.push_back(span);
            return;
        }
        const Analysis analysis = analyzer_.analyze(passage);
        // Folded syllables, one a position: phrases that tolerate diacritics. One phrase for
        // each part a quotation cut with an ellipsis keeps ("kỷ cương … xây dựng pháp luật").
        std::vector<std::vector<std::string>> parts(1);
        std::vector<std::string> terms;  // of every part
        const std::vector<std::size_t> cuts = ellipses_in(passage);
        auto next_cut = cuts.begin();
        for (const Token* token : first_per_position(analysis)) {
            if (next_cut != cuts.end() && token->begin > *next_cut) {
                while (next_cut != cuts.end() && token->begin > *next_cut) ++next_cut;
                if (!parts.back().empty()) parts.emplace_back();
            }
            parts.back().push_back(TermMapper::folded_term(*token));
            terms.push_back(parts.back().back());
        }
        if (parts.back().empty()) parts.pop_back();
        if (terms.size() < 2 || result.quotes.size() == kMaxCheckQuotations) {
            result.truncated = result.truncated || terms.size() >= 2;
            quotation_at.emplace(std::move(passage), kNoQuotation);
            return;
        }
        CheckedQuote quote{passage, span.begin, span.end, {span}, 0, {}};
        // Whoever checks a quote looks for its source: the earliest publication first, by
        // publication date, then the undated. Two searches sorted by value, not one by a
        // KeyMaker: shards served by xapian-tcpsrv sort by value, and refuse a KeyMaker.
        const Xapian::Query phrase = cut_quotation_query(parts);
        const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0");  // "" (no date) sorts before "0"
        // The quotation is marked, not its words wherever they occur: "and", "the" or "tư"
        // marked around it read as matches to someone checking a passage. Its words only
        // where the passage is not found whole in the text as the snippet reads it.
        Highlights passage_marks;
        passage_marks.phrases = parts;
        for (const Token& token : analysis.tokens) passage_marks.phrase_words.insert(token.folded);
        const bool cut = parts.size() > 1;
        if (cut) passage_marks.cut_quotation_gap = kMaxElidedWords;
        for (const bool with_date : {true, false}) {
            Xapian::Enquire enquire(db_);
            enquire.set_query(Xapian::Query(with_date ? Xapian::Query::OP_FILTER : Xapian::Query::OP_AND_NOT, phrase, dated));
            enquire.set_weighting_scheme(ranking());
            if (with_date) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false);
            // A cut quotation's query finds its parts and its words in order, not always the
            // parts in order (kMaxCutQuotationCandidates): each match is read to be sure.
            const std::size_t wanted = limit - quote.documents.size();
            const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(cut ? kMaxCutQuotationCandidates : wanted), 1000);
            if (!cut) quote.found += mset.get_matches_estimated();
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                if (cut) {
                    if (!has_parts_in_order(db_, *it, parts)) continue;
                    ++quote.found;
                }
                if (quote.documents.size() == limit) continue;
                Hit hit;
                hit.document = from_stored_json(it.get_document().get_data());
                hit.score = it.get_weight();
                hit.snippet = make_snippet(hit.document.text, passage_marks, analyzer_, terms_, hit.document.boilerplate);
                hit.document.text.clear();
                quote.documents.push_back(std::move(hit));
            }
        }
        quotation_at.emplace(std::move(passage), result.quotes.size());
        result.quotes.push_back(std::move(quote));
    };
    for (const auto& [begin, end] : quotations) check_passage(begin, end);
    return result;
}

std::pair<std::vector<std::string>, Xapian::doccount> Searcher::cited_by(std::string_view id, std::size_t limit) {
    return documents_citing(db_, id, limit);
}

std::optional<Document> Searcher::document(std::string_view id) {
    const std::string term = std::string(schema::kIdPrefix) + std::string(id);
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return from_stored_json(db_.get_document(*it).get_data());
}

Result<std::vector<TextSpan>> Searcher::query_marks(std::string_view query, const Document& doc) {
    const Result<ParsedQuery> parsed = parse_query(query, analyzer_, terms_, &db_);
    if (!parsed) return parsed.error();
    const std::optional<Highlights> own = marks_in_named_article(parsed->highlights, doc);
    const std::vector<TextRange> marks = find_marks(doc.text, own ? *own : parsed->highlights, analyzer_, terms_, doc.boilerplate);
    // Byte offsets -> code points, in one pass: the marks are in text order.
    std::vector<TextSpan> spans;
    spans.reserve(marks.size());
    std::size_t byte = 0, code_point = 0;
    const auto advance_to = [&](std::size_t offset) {
        for (; byte < offset && byte < doc.text.size(); ++byte)
            if ((static_cast<unsigned char>(doc.text[byte]) & 0xC0) != 0x80) ++code_point;
        return code_point;
    };
    for (const TextRange& mark : marks) {
        const std::size_t begin = advance_to(mark.begin);
        spans.push_back({begin, advance_to(mark.end)});
    }
    return spans;
}

}  // namespace tracuu
