/** @file
 * @brief Index side of the schema: postings, boolean terms, value slots, stored data.
 */
#include "core/index_writer.hpp"

#include "analyzers/legal_article.hpp"
#include "analyzers/locality.hpp"
#include "analyzers/reference.hpp"
#include "analyzers/unicode.hpp"
#include "core/boilerplate.hpp"
#include "core/hash.hpp"
#include "core/index_metadata.hpp"
#include "core/legal_header.hpp"
#include "core/links.hpp"
#include "core/metadata.hpp"
#include "core/query.hpp"
#include "core/schema.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace tracuu {
namespace {

// Whether @p title (perhaps shortened with "…") is how @p text begins.
bool title_opens_text(std::string_view title, std::string_view text) {
    constexpr std::string_view ellipsis = "…";
    if (title.size() >= ellipsis.size() && title.substr(title.size() - ellipsis.size()) == ellipsis)
        title.remove_suffix(ellipsis.size());
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    return !title.empty() && start != std::string_view::npos && text.substr(start, title.size()) == title;
}

// The locality of the body that issued @p doc, when its own number @p own is a local body's
// (the number alone does not say which province's it is): the official header's issuer ("ỦY
// BAN NHÂN DÂN TỈNH QUẢNG NINH") or place, else a heading line, else what a mention of its number says ("Quyết định số
// 40/2026/QĐ-UBND của UBND tỉnh Quảng Ninh", in the text or a title the text does not open
// with), else the dateline's place ("Quảng Ninh, ngày 12 tháng 3 năm 2026").
std::string issuing_locality(const Document& doc, const std::optional<DocumentNumber>& own, const std::optional<LegalHeader>& header,
                             const std::vector<Reference>& references, const std::vector<Reference>& title_references) {
    if (!own || !is_local_number(*own)) return {};
    // The header's issuer column and place, which the text's lines give only when the
    // columns come one under the other.
    const std::optional<DocumentNumber> header_number = header ? parse_document_number(header->number) : std::nullopt;
    if (header_number && header_number->key() == own->key()) {
        if (std::string heading = heading_locality(header->issuer); !heading.empty()) return heading;
        if (std::string place = locality_of_place(header->place); !place.empty()) return place;
    }
    if (std::string heading = heading_locality(doc.text); !heading.empty()) return heading;
    const std::string key = own->key();
    for (const auto* list : {&references, &title_references})
        for (const Reference& reference : *list)
            if (reference.number.key() == key && !reference.locality.empty()) return reference.locality;
    return locality_of_place(find_dateline_place(doc.text));
}

// Each distinct (number, relation, locality) the text states, first mention first. A local
// body's number the text cites without saying whose is taken as a number of the citing
// document's own locality (@p own_locality): a decision of Đà Nẵng citing "Quyết định số
// 40/2026/QĐ-UBND" cites Đà Nẵng's. A mention of its own number @p own is the document naming
// itself, no citation, unless it is another locality's: Quảng Ninh's 40/2026/QĐ-UBND, cited
// by Đà Nẵng's.
std::vector<Citation> citations_of(const std::vector<Reference>& references, const std::optional<DocumentNumber>& own,
                                   const std::string& own_locality) {
    const std::string own_key = own ? own->key() : std::string();
    const std::string own_place = locality_key(own_locality);
    std::vector<Citation> mentions;
    for (const Reference& reference : references) {
        std::string locality = reference.locality;
        if (locality.empty() && is_local_number(reference.number)) locality = own_locality;
        if (own && reference.number.key() == own_key && (own_place.empty() || same_locality(locality_key(locality), own_place))) continue;
        mentions.push_back({reference.number.canonical(), std::string(to_string(reference.relation)), reference.issued,
                            std::move(locality), reference.issued_year});
    }
    date_every_mention(mentions);
    // One citation per number, relation and locality: its first mention.
    std::vector<Citation> citations;
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (Citation& mention : mentions)
        if (seen.emplace(mention.number, mention.relation, locality_key(mention.locality)).second) citations.push_back(std::move(mention));
    return citations;
}

// The issue date the text states with the document's own number ("Nghị định số
// 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 …"): its title's first, else the body's.
std::string date_stated_with(const DocumentNumber& own, const std::vector<Reference>& title_references,
                             const std::vector<Reference>& references) {
    const std::string key = own.key();
    for (const auto* list : {&title_references, &references})
        for (const Reference& reference : *list)
            if (reference.number.key() == key && !reference.issued.empty()) return reference.issued;
    return {};
}

}  // namespace

std::string content_hash_value(std::uint64_t hash) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

std::string source_term(std::string_view absolute_path) {
    std::string term(schema::kSourcePrefix);
    // Xapian terms hold at most 245 bytes; keep room for the prefix and a hash suffix.
    constexpr std::size_t kMaxPathBytes = 200;
    if (absolute_path.size() <= kMaxPathBytes) return term.append(absolute_path);
    const std::size_t cut = unicode::character_start(absolute_path, kMaxPathBytes);
    return term.append(absolute_path.substr(0, cut)).append("#").append(content_hash_value(fnv1a64(absolute_path)));
}

DocumentAnalysis analyze_document(Document& doc, const Analyzer& analyzer) {
    DocumentAnalysis analysis;
    analyze_document(doc, analyzer, analysis);
    return analysis;
}

void analyze_document(Document& doc, const Analyzer& analyzer, DocumentAnalysis& analysis) {
    Analysis& body = analysis.body;
    analyzer.analyze(doc.text, body);
    // A swap, not a move: the analysis keeps a buffer as large for the next document's text.
    doc.text.swap(body.text);
    body.text.clear();
    // An official header says what the document is better than its first line ("CHÍNH PHỦ"),
    // which is the title of a plain-text document; a title the source states is kept.
    const std::optional<LegalHeader> header = read_legal_header(doc.text);
    if (header && (doc.title.empty() || (title_opens_text(doc.title, doc.text) && !header->after_title))) doc.title = header->title;
    if (doc.url.empty()) doc.url = find_source_url(doc.text);
    // A page, or a PDF printed from one, titles itself with its site's name too ("… | VnExpress").
    doc.title = title_without_site_name(doc.title, doc.url);
    // After the body with a gap, so that no phrase runs from the text into the title.
    analyzer.analyze(doc.title, analysis.title, body.tokens.empty() ? 0 : body.end_position + 1);
    doc.title = analysis.title.text;

    if (doc.lang.empty()) doc.lang = detect_language(body);
    if (doc.date.empty() && header) doc.date = header->date;
    if (doc.date.empty()) doc.date = find_publication_date(doc.text);
    if (doc.date.empty()) doc.date = find_adoption_date(doc.text);
    doc.boilerplate = find_boilerplate(doc.text);
    if (doc.author.empty()) doc.author = find_author(doc.text, doc.boilerplate);
    // An article of a decree or circular, which collections name by number ("law":
    // "47/2011/TT-BCA", "Nghị định 15/2020/NĐ-CP"), is part of that document.
    if (doc.number.empty() && !doc.law.empty())
        if (const auto number = parse_document_number(doc.law)) doc.number = number->canonical();
    if (doc.number.empty() && header) doc.number = header->number;
    if (doc.number.empty()) doc.number = own_number_from_title(doc.title);
    // An article of a law given without its number opens with it: "Điều 173. Tội trộm cắp tài sản".
    if (!doc.law.empty() && doc.article.empty()) doc.article = article_opening(doc.title);
    if (!doc.law.empty() && doc.article.empty()) doc.article = article_opening(doc.text);
    const std::vector<Reference> references = extract_references(doc.text, body.references);
    const std::optional<DocumentNumber> own = parse_document_number(doc.number);
    // The title's references matter only for its own number (its locality, its date).
    const std::vector<Reference> title_references =
        own ? extract_references(analysis.title.text, analysis.title.references) : std::vector<Reference>{};
    // A locality the source states (a JSONL "locality") is kept for a local body's number.
    if (doc.locality.empty()) doc.locality = issuing_locality(doc, own, header, references, title_references);
    else if (!own || !is_local_number(*own)) doc.locality.clear();
    doc.citations = citations_of(references, own, doc.locality);
    // The date it states with its own number is its date when no dateline gives one.
    if (doc.date.empty() && own) doc.date = date_stated_with(*own, title_references, references);
}

Xapian::Document make_xapian_document(Document& doc, const Analyzer& analyzer, const TermMapper& terms) {
    DocumentAnalysis workspace;
    return make_xapian_document(doc, analyzer, terms, workspace);
}

Xapian::Document make_xapian_document(Document& doc, const Analyzer& analyzer, const TermMapper& terms,
                                      DocumentAnalysis& analysis) {
    analyze_document(doc, analyzer, analysis);
    Analysis& body = analysis.body;
    const Analysis& title = analysis.title;

    const bool stem = doc.lang == "en";
    Xapian::Document xdoc;
    ExactTermCounts exact_terms;
    const auto index_hyphenated = [&](std::string_view text, const Token* previous, const Token& token) {
        if (!stem || previous == nullptr) return;
        if (std::string term = terms.hyphenated_stem_term(text, *previous, token); !term.empty()) xdoc.add_term(term);
    };
    // How a word is capitalized, which its terms do not say (case-folded), for /suggest.
    const auto index_capitals = [&](std::string_view text, const Token& token) {
        if (token.syllables < 2) return;
        if (std::string term = TermMapper::capitalized_word_term(text, token); !term.empty()) xdoc.add_boolean_term(term);
    };
    // A hyphenated word ("e-mail", "COVID-19") is also the word written in one piece, at the
    // positions of its first and last parts, so that phrases find it either way ("gửi email",
    // "email marketing"), and counted once an occurrence.
    // (The body's text is the document's now: analyze_document.)
    const auto index_hyphenated_words = [&](std::string_view text, const Analysis& analysis, bool in_body) {
        const std::vector<const Token*> syllables = first_per_position(analysis);
        for (const HyphenatedWord& word : hyphenated_words(text, syllables, analysis.references)) {
            if (in_body && in_ranges(doc.boilerplate, syllables[word.first]->begin)) continue;
            xdoc.add_posting(word.joined, syllables[word.first]->position + 1, 0);
            xdoc.add_posting(word.joined, syllables[word.last]->position + 1, 0);
            xdoc.add_term(word.joined, 1);
        }
    };
    const Token* previous = nullptr;
    for (const Token& token : body.tokens) {
        // A lone combining mark makes a token with no folded form: no word, and no term.
        if (token.folded.empty() || in_ranges(doc.boilerplate, token.begin)) continue;
        terms.index_token(xdoc, exact_terms, token, stem);
        index_hyphenated(doc.text, previous, token);
        index_capitals(doc.text, token);
        previous = &token;
    }
    index_hyphenated_words(doc.text, body, true);
    // A plain-text document's title is its first line and so already in the body; a
    // JSONL title is not, and its words must be found too.
    if (!title_opens_text(doc.title, doc.text)) {
        previous = nullptr;
        for (const Token& token : title.tokens) {
            if (token.folded.empty()) continue;
            terms.index_token(xdoc, exact_terms, token, stem);
            index_hyphenated(doc.title, previous, token);
            index_capitals(title.text, token);
            previous = &token;
        }
        index_hyphenated_words(title.text, title, false);
        for (ReferenceMention mention : title.references) {
            mention.begin = mention.end = static_cast<std::uint32_t>(doc.text.size());  // not in the body's boilerplate
            body.references.push_back(std::move(mention));
        }
    }
    exact_terms.add_to(xdoc);
    // With positions, for title:"…" phrases, and no wdf: they add nothing to the length BM25 reads.
    for (const Token& token : title.tokens)
        if (!token.folded.empty()) xdoc.add_posting(std::string(schema::kTitlePrefix) + token.folded, token.position + 1, 0);

    // References: one term per distinct key, wdf = number of mentions. Mentions of its own
    // number keep their term, so that the number typed or completed finds it (the routes that
    // count citing documents leave the document that is the number out), but it does not cite it.
    const std::optional<DocumentNumber> own_number = parse_document_number(doc.number);
    // Unless another locality's document with the same number is cited (citations_of).
    const bool cites_own_number = own_number && std::any_of(doc.citations.begin(), doc.citations.end(), [&](const Citation& c) {
                                      const auto number = parse_document_number(c.number);
                                      return number && number->key() == own_number->key();
                                  });
    const std::string own_term = own_number && !cites_own_number ? TermMapper::reference_term(*own_number) : std::string();
    std::map<std::string, unsigned> mentions;
    doc.references.clear();
    for (const ReferenceMention& mention : body.references) {
        if (in_ranges(doc.boilerplate, mention.begin)) continue;
        const std::string term = TermMapper::reference_term(mention.number);
        if (mentions[term]++ == 0 && term != own_term) doc.references.push_back(mention.number.canonical());
    }
    for (const auto& [term, count] : mentions) xdoc.add_term(term, count);
    // --- Citation relations (issue 6, core/links.hpp): one boolean term per (relation,
    // number) the text states, so GET /references/{ref} groups citing documents by relation.
    for (const Citation& citation : doc.citations)
        if (const auto number = parse_document_number(citation.number))
            xdoc.add_boolean_term(citation_term(citation.relation, number->key()));
    // --- end of citation relations.

    xdoc.add_boolean_term(std::string(schema::kIdPrefix) + doc.id);
    xdoc.add_value(schema::kIdSlot, doc.id);
    if (!doc.lang.empty()) {
        xdoc.add_boolean_term(std::string(schema::kLanguagePrefix) + doc.lang);
        xdoc.add_value(schema::kLanguageSlot, doc.lang);
    }
    if (own_number) xdoc.add_boolean_term(std::string(schema::kNumberPrefix) + own_number->key());
    // Localities (core/links.hpp NumberHolders): whose a local body's number is, for the
    // document that is one and for each citation of one (the document naming itself is none:
    // citations_of).
    const std::string own_locality = locality_key(doc.locality);
    if (!own_locality.empty()) xdoc.add_boolean_term(locality_term(own_locality));
    // And years: the year a citation of a number without its own dates it (cited_as), so that
    // 126/NQ-CP of 2023 and of 2024 are each cited by their own citations.
    for (const Citation& citation : doc.citations) {
        const auto number = parse_document_number(citation.number);
        if (!number) continue;
        const CitedAs cited = cited_as(citation, doc);
        if (!cited.locality.empty() && is_local_number(*number)) xdoc.add_boolean_term(cited_locality_term(number->key(), cited.locality));
        if (!cited.year.empty()) xdoc.add_boolean_term(cited_year_term(number->key(), cited.year));
    }
    // Type and issuers, as terms for filters and as slots for facets. Per document, not per
    // word: a number is parsed once, and a title read only when its number names no type.
    const LegalKind kind = legal_kind_of(own_number, doc.title, doc.law);
    if (!kind.type.empty()) {
        xdoc.add_boolean_term(type_term(kind.type));
        xdoc.add_value(schema::kTypeSlot, kind.type);
    }
    std::string issuers;
    for (const std::string& issuer : kind.issuers) {
        xdoc.add_boolean_term(issuer_term(issuer));
        if (!issuers.empty()) issuers += schema::kIssuerSeparator;
        issuers += issuer;
    }
    if (!issuers.empty()) xdoc.add_value(schema::kIssuerSlot, issuers);
    if (const std::string author = unicode::fold(doc.author); !author.empty() && author.size() <= kMaxAuthorTermBytes)
        xdoc.add_boolean_term(std::string(schema::kAuthorPrefix) + author);
    if (!doc.path.empty()) xdoc.add_boolean_term(source_term(doc.path));
    // One article of a law (analyzers/legal_article.hpp): "Điều 173 Bộ luật Hình sự" finds it.
    if (const std::string law = law_key(doc.law); is_law_key(law) && law.size() <= kMaxLawTermBytes) {
        xdoc.add_boolean_term(law_term(law));
        if (const std::string abbreviation = law_abbreviation_key(law); !abbreviation.empty()) xdoc.add_boolean_term(law_term(abbreviation));
    }
    if (!doc.article.empty()) {
        xdoc.add_boolean_term(article_term(doc.article));
        xdoc.add_value(schema::kArticleSlot, article_order_key(doc.article));
    }
    if (doc.content_hash != 0) xdoc.add_value(schema::kContentHashSlot, content_hash_value(doc.content_hash));
    if (doc.date.size() == 10) {
        const std::string compact = doc.date.substr(0, 4) + doc.date.substr(5, 2) + doc.date.substr(8, 2);
        xdoc.add_boolean_term(std::string(schema::kDatePrefix) + compact);
        xdoc.add_boolean_term(std::string(schema::kYearPrefix) + doc.date.substr(0, 4));
        xdoc.add_value(schema::kDateSlot, compact);
    }
    xdoc.set_data(to_stored_json(doc));
    return xdoc;
}

IndexWriter::IndexWriter(const std::string& path, std::optional<AnalyzerOptions> options)
    : db_(path, Xapian::DB_CREATE_OR_OPEN), analyzer_(stamp_or_read_analyzer_options(db_, path, options)) {}

void IndexWriter::add(Document& doc) {
    Xapian::Document xdoc = make_xapian_document(doc, analyzer_, terms_);
    db_.replace_document(std::string(schema::kIdPrefix) + doc.id, xdoc);
}

void IndexWriter::commit() { db_.commit(); }

}  // namespace tracuu
