/** @file
 * @brief Term selection and ranking for "related to this text".
 */
#include "core/related.hpp"

#include "analyzers/unicode.hpp"
#include "core/schema.hpp"
#include "core/terms.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace tracuu {
namespace {

// The searcher's ranking (core/searcher.cpp): BM25 with k1 = 1.2, b = 0.75.
Xapian::BM25Weight ranking() { return Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5); }

struct Candidate {
    std::string word;
    Xapian::termcount frequency = 0;
};

// Folded words and reference terms of the text, with their counts. The parts of a
// document number are not words of their own: the number is one reference term.
std::unordered_map<std::string, Candidate> count_terms(const Analysis& analysis) {
    std::unordered_map<std::string, Candidate> counts;
    std::size_t next_reference = 0;
    std::uint32_t last_position = UINT32_MAX;
    for (const Token& token : analysis.tokens) {
        // Date parts share their date's position; the whole date token is enough. Words of
        // several syllables are left out: K was chosen without them (bench/README.md).
        if (token.position == last_position || token.syllables > 1) continue;
        last_position = token.position;
        while (next_reference < analysis.references.size() && analysis.references[next_reference].end <= token.begin)
            ++next_reference;
        if (next_reference < analysis.references.size() && analysis.references[next_reference].begin <= token.begin)
            continue;
        Candidate& candidate = counts[TermMapper::folded_term(token)];
        if (candidate.frequency++ == 0) candidate.word = token.folded;
    }
    for (const ReferenceMention& mention : analysis.references) {
        Candidate& candidate = counts[TermMapper::reference_term(mention.number)];
        if (candidate.frequency++ == 0) candidate.word = mention.number.canonical();
    }
    return counts;
}

}  // namespace

std::vector<RelatedTerm> informative_terms(std::string_view text, const Xapian::Database& db, const Analyzer& analyzer,
                                           std::size_t max_terms) {
    const std::string valid = unicode::find_invalid_utf8(text) ? unicode::to_valid_utf8(text) : std::string(text);
    const Analysis analysis = analyzer.analyze(valid);
    const double documents = db.get_doccount();

    std::vector<RelatedTerm> scored;
    for (auto& [term, candidate] : count_terms(analysis)) {
        const Xapian::doccount df = db.get_termfreq(term);
        if (df == 0) continue;
        const double weight = candidate.frequency * std::log(documents / df);
        if (weight <= 0) continue;
        scored.push_back({term, std::move(candidate.word), candidate.frequency, weight});
    }
    const auto better = [](const RelatedTerm& a, const RelatedTerm& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
    };
    const std::size_t kept = std::min(max_terms, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(kept), scored.end(), better);
    scored.resize(kept);
    return scored;
}

Xapian::Query related_query(const std::vector<RelatedTerm>& terms) {
    std::vector<Xapian::Query> clauses;
    clauses.reserve(terms.size());
    for (const RelatedTerm& related : terms) clauses.emplace_back(related.term, related.frequency);
    return Xapian::Query(Xapian::Query::OP_OR, clauses.begin(), clauses.end());
}

Xapian::Query related_query(std::string_view text, const Xapian::Database& db, const Analyzer& analyzer,
                            std::size_t max_terms) {
    return related_query(informative_terms(text, db, analyzer, max_terms));
}

std::vector<RelatedHit> related_documents(const std::vector<RelatedTerm>& terms, const Xapian::Database& db,
                                          std::size_t limit) {
    if (terms.empty()) return {};
    Xapian::Enquire enquire(db);
    enquire.set_query(related_query(terms));
    enquire.set_weighting_scheme(ranking());
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    std::vector<RelatedHit> hits;
    hits.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back({it.get_document().get_value(schema::kIdSlot), it.get_weight()});
    return hits;
}

std::vector<RelatedHit> related_documents(std::string_view text, const Xapian::Database& db, const Analyzer& analyzer,
                                          std::size_t limit, std::size_t max_terms) {
    return related_documents(informative_terms(text, db, analyzer, max_terms), db, limit);
}

}  // namespace tracuu
