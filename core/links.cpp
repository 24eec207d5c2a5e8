/** @file
 * @brief Citation groups, the reference list, and related documents across languages.
 */
#include "core/links.hpp"

#include "analyzers/legacy_fonts.hpp"
#include "analyzers/legal_article.hpp"

#include "analyzers/locality.hpp"
#include "analyzers/stopwords.hpp"
#include "analyzers/unicode.hpp"
#include "core/boilerplate.hpp"
#include "core/document.hpp"
#include "core/metadata.hpp"
#include "core/query.hpp"
#include "core/related.hpp"
#include "core/schema.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace tracuu {
namespace {

// ---------------------------------------------------------------- references

std::string prefixed(std::string_view prefix, std::string_view rest) { return std::string(prefix).append(rest); }

// Documents that are number @p key: excluded from its citing documents (naming itself is no citation).
Xapian::Query holders_of(const std::string& key) { return Xapian::Query(prefixed(schema::kNumberPrefix, key)); }

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
    return queries.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}


// One page of the documents matching @p query, newest first, with an exact count.
Xapian::MSet newest_first(const Xapian::Database& db, const Xapian::Query& query, std::size_t offset, std::size_t limit) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
    return enquire.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(limit), db.get_doccount());
}

// Documents citing @p key, a holder naming itself excepted (as reference_report's total).
Xapian::doccount citing_count(const Xapian::Database& db, const std::string& key) {
    const Xapian::doccount citing = db.get_termfreq(prefixed(schema::kReferencePrefix, key));
    if (citing == 0 || db.get_termfreq(prefixed(schema::kNumberPrefix, key)) == 0) return citing;
    return exact_count(db, NumberHolders(db, key).citing_any());
}

// A citing document of number @p key with @p relation, and whom it means among @p holders.
CitingDocument citing_document(const Xapian::Document& xdoc, const std::string& key, std::string_view relation,
                               const NumberHolders& holders) {
    Document doc = from_stored_json(xdoc.get_data());
    CitingDocument citing{{doc.id, doc.title, doc.lang, doc.date}, {}, {}, false};
    std::set<std::string> meant;
    for (const Citation& citation : doc.citations) {
        const auto number = parse_document_number(citation.number);
        if (!number || number->key() != key || citation.relation != relation) continue;
        if (citing.locality.empty()) citing.locality = citation.locality;
        const NumberHolders::Meaning meaning = holders.meaning(cited_as(citation, doc));
        for (const NumberHolders::Holder* holder : meaning.meant) meant.insert(holder->document.id);
        citing.ambiguous = citing.ambiguous || meaning.ambiguous;
    }
    for (const NumberHolders::Holder& holder : holders.holders())  // in held_by order
        if (meant.count(holder.document.id)) citing.holders.push_back(holder.document.id);
    citing.ambiguous = citing.ambiguous && citing.holders.empty();
    return citing;
}

// Most terms read for one listing: bounds what a short prefix, or none, can cost.
constexpr std::size_t kMaxReferenceTermsScanned = 200000;

// ---------------------------------------------------------------- related: names and dates

// BM25 as the searcher ranks (core/searcher.cpp, core/related.cpp): k1 = 1.2, b = 0.75.
Xapian::BM25Weight ranking() { return Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5); }

// A text as related documents compare it: NFC, its boilerplate blanked (as the index leaves
// it out of ranking), and what it links to.
struct Source {
    std::string text;
    std::optional<Xapian::docid> docid;                        // when it is an indexed document
    std::vector<std::pair<std::string, std::string>> references;  // key, canonical; first mention first
    std::map<std::string, std::set<CitedAs>> cited;            // key -> how it cites it (none: as nothing tells)
    std::string own_key;                                       // its own number, or ""
    std::string own_locality;                                  // that number's locality key, or ""
    std::string date;                                          // publication date, or ""
};

// Number key -> how @p citer's citations cite it.
std::map<std::string, std::set<CitedAs>> cited_numbers(const Document& citer) {
    std::map<std::string, std::set<CitedAs>> cited;
    for (const Citation& citation : citer.citations)
        if (const auto number = parse_document_number(citation.number)) cited[number->key()].insert(cited_as(citation, citer));
    return cited;
}

// Whether two citations of one number, as @p a and @p b, may mean one document: of the same
// locality and year, or either naming none.
bool may_mean_one(const std::set<CitedAs>& a, const std::set<CitedAs>& b) {
    return std::any_of(a.begin(), a.end(), [&](const CitedAs& x) {
        return std::any_of(b.begin(), b.end(), [&](const CitedAs& y) {
            return (x.locality.empty() || y.locality.empty() || same_locality(x.locality, y.locality)) &&
                   (x.year.empty() || y.year.empty() || x.year == y.year);
        });
    });
}

// @p text with the bytes of @p ranges made spaces: offsets keep their meaning, and no word,
// name or date is read from boilerplate.
std::string blank_ranges(std::string text, const std::vector<TextRange>& ranges) {
    for (const TextRange& range : ranges)
        for (std::size_t i = range.begin; i < range.end && i < text.size(); ++i) text[i] = ' ';
    return text;
}

struct Word {
    std::string folded;
    std::size_t begin, end;
};

bool is_capitalized_word(std::string_view word) {
    std::size_t pos = 0;
    const char32_t first = unicode::decode_utf8(word, pos);
    return unicode::fold_case(first) != first;
}

bool has_digit(std::string_view word) { return word.find_first_of("0123456789") != std::string_view::npos; }

// "CHỦ", "QUYẾT": two letters or more, all capitals, as a heading writes every word.
bool is_in_capitals(std::string_view word) {
    std::size_t capitals = 0;
    for (std::size_t pos = 0; pos < word.size(); ++capitals) {
        const char32_t cp = unicode::decode_utf8(word, pos);
        if (unicode::fold_case(cp) == cp) return false;  // a small letter
    }
    return capitals >= 2;
}

// Whether @p word, as written, is no part of a name around it: a function word, or a number's mark.
bool is_outside_names(std::string_view word) {
    // "No." and "số" mark a number: "Resolution No" is no name.
    const std::string folded = unicode::fold(word);
    if (folded == "no" || folded == "so") return true;
    // English function words spelled as the syllables an English text writes Vietnamese names
    // with begin and end names there, as they do for the analyzer (analyzer.cpp): "Nghe An",
    // "An Giang", "To Lam" (Tô Lâm), "Do Van Chien" (Đỗ). Trimmed, the translation of an article
    // on Nghệ An shared no name with it.
    if (folded == "an" || folded == "to" || folded == "do") return false;
    return is_function_word(unicode::fold_case(word));
}

// Between two words of one name: spaces, or one hyphen ("Thừa Thiên-Huế").
bool joins_name(std::string_view gap) {
    if (gap == "-" || gap == "\u2010" || gap == "\u2011") return true;
    if (gap.empty() || gap.size() > 4) return false;
    for (std::size_t pos = 0; pos < gap.size();) {
        const char32_t cp = unicode::decode_utf8(gap, pos);
        if (cp != U' ' && cp != 0xA0) return false;
    }
    return true;
}

// A word as titles_and_offices() lists it: case-folded, its tone mark where most of the
// press puts it ("Uỷ" = "ủy").
std::string title_form(std::string_view written) {
    std::string word = unicode::fold_case(written);
    unicode::canonicalize_tone_placement(word);
    return word;
}

// Titles and offices, in either language: what a person is, not who. Written capitalized
// before a name, they ran into it ("Vice Chairman", "Provincial People", "Committee Nguyen
// Thanh Binh" were three names of an English article, each shared with any other English
// article on any province), so a run is cut at them: they are no name, and the name after
// them is a run of its own. Vietnamese titles count with their diacritics only ("Trương Ban"
// is a name, "Trưởng Ban" a title), English ones as written, a body's generic words with
// them ("People" of "People's Committee"). Phrases of words as title_form writes them,
// longest first.
const std::vector<std::vector<std::string>>& titles_and_offices() {
    static const auto list = [] {
        std::vector<std::vector<std::string>> phrases;
        for (const std::string_view phrase : {
                 // English: titles, and the offices and bodies they are of.
                 "mr", "mrs", "ms", "dr", "madam", "vice", "deputy", "acting", "permanent", "standing", "chairman",
                 "chairwoman", "chairperson", "chair", "president", "minister", "prime minister", "director",
                 "director general", "secretary", "general secretary", "secretary general", "chief", "governor",
                 "mayor", "ambassador", "spokesman", "spokeswoman", "spokesperson", "politburo", "secretariat", "committee",
                 "council", "commission", "ministry", "department", "government", "provincial", "municipal", "people",
                 // Vietnamese, title-cased ("Phó Chủ Tịch"; "Phó Chủ tịch" ends the run at "tịch" anyway).
                 "chủ tịch", "phó chủ tịch", "bộ trưởng", "thứ trưởng", "thủ tướng", "phó thủ tướng", "giám đốc",
                 "phó giám đốc", "tổng giám đốc", "bí thư", "phó bí thư", "tổng bí thư", "chủ nhiệm", "phó chủ nhiệm",
                 "trưởng ban", "phó trưởng ban", "chánh án", "viện trưởng", "chánh văn phòng", "cục trưởng", "vụ trưởng",
                 "tổng cục trưởng", "ủy viên", "thường trực", "thường vụ", "ủy ban nhân dân", "ủy ban", "hội đồng nhân dân",
                 "ubnd", "hđnd", "ủy ban nhân dân tỉnh", "ủy ban nhân dân thành phố", "ubnd tỉnh", "ubnd thành phố",
                 "ubnd tp", "hội đồng nhân dân tỉnh", "hđnd tỉnh", "hđnd tp", "tỉnh ủy", "thành ủy", "chủ tịch nước", "phó chủ tịch nước"}) {
            std::vector<std::string> words;
            for (std::size_t start = 0; start <= phrase.size();) {
                const std::size_t space = std::min(phrase.find(' ', start), phrase.size());
                words.push_back(title_form(phrase.substr(start, space - start)));
                start = space + 1;
            }
            phrases.push_back(std::move(words));
        }
        std::stable_sort(phrases.begin(), phrases.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
        return phrases;
    }();
    return list;
}

// How many words of @p words, from @p first, a title or an office is: 0 when none begins there.
std::size_t title_length(const std::vector<std::string>& words, std::size_t first) {
    for (const std::vector<std::string>& title : titles_and_offices())
        if (first + title.size() <= words.size() && std::equal(title.begin(), title.end(), words.begin() + static_cast<std::ptrdiff_t>(first)))
            return title.size();
    return 0;
}

// Runs of two or more capitalized words, cut at titles and offices ("Vice Chairman Nguyen
// Thanh Binh" is Nguyen Thanh Binh), function words trimmed from their ends ("On September"
// is no name), not all in capitals (a heading): names of people, places and bodies, in text
// order.
// Document numbers are references, not names: their codes ("NQ-CP") are skipped. Last
// words that begin a lower-case compound the index knows ("Phó Chủ tịch": pho_chu_tich,
// "Bộ Nông nghiệp": nong_nghiep) are a title's or a body's, not a name's: left out.
std::vector<std::vector<Word>> capitalized_runs(std::string_view text, const Xapian::Database& db) {
    std::string without_numbers;
    if (const auto numbers = find_document_numbers(text); !numbers.empty()) {
        without_numbers.assign(text);
        for (const DocumentNumberMatch& match : numbers)
            std::fill(without_numbers.begin() + static_cast<std::ptrdiff_t>(match.begin),
                      without_numbers.begin() + static_cast<std::ptrdiff_t>(match.end), ' ');
        text = without_numbers;
    }
    std::vector<std::vector<Word>> runs;
    std::vector<Word> run;
    const auto written = [&](const Word& word) { return std::string_view(text).substr(word.begin, word.end - word.begin); };
    auto close_part = [&](std::vector<Word> part) {
        while (!part.empty() && is_outside_names(written(part.front()))) part.erase(part.begin());
        while (!part.empty() && is_outside_names(written(part.back()))) part.pop_back();
        // A run in capitals throughout is a heading ("ỦY BAN NHÂN DÂN", "QUYẾT ĐỊNH", "CHỦ TỊCH"),
        // which every document of its kind has: no name.
        const bool heading = std::all_of(part.begin(), part.end(), [&](const Word& word) { return is_in_capitals(written(word)); });
        if (part.size() >= 2 && !heading) runs.push_back(std::move(part));
    };
    auto close_run = [&] {
        std::vector<std::string> forms;
        for (const Word& word : run) forms.push_back(title_form(written(word)));
        std::vector<Word> part;
        for (std::size_t i = 0; i < run.size();) {
            if (const std::size_t title = title_length(forms, i); title > 0) {
                close_part(std::move(part));
                part.clear();
                i += title;
                continue;
            }
            part.push_back(run[i++]);
        }
        close_part(std::move(part));
        run.clear();
    };
    std::size_t previous_end = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t begin = pos;
        const char32_t cp = unicode::decode_utf8(text, pos);
        if (!unicode::is_word_char(cp)) continue;
        std::size_t end = pos;
        while (end < text.size()) {
            std::size_t next = end;
            if (!unicode::is_word_char(unicode::decode_utf8(text, next))) break;
            end = next;
        }
        pos = end;
        const std::string_view word = text.substr(begin, end - begin);
        const bool capitalized = is_capitalized_word(word) && !has_digit(word);
        const bool joined = joins_name(text.substr(previous_end, begin - previous_end));
        if (!run.empty() && !capitalized && joined) {
            // "Chủ tịch" or "Phó Chủ tịch": the compound may start one, two or three words back.
            std::string compound = "_" + unicode::fold(word);
            for (std::size_t back = 1; back <= std::min<std::size_t>(3, run.size()); ++back) {
                compound.insert(0, run[run.size() - back].folded);
                if (db.term_exists(compound)) {
                    run.resize(run.size() - back);
                    break;
                }
                compound.insert(0, "_");
            }
        }
        if (!run.empty() && (!capitalized || !joined)) close_run();
        if (capitalized) run.push_back({unicode::fold(word), begin, end});
        previous_end = end;
    }
    close_run();
    return runs;
}

constexpr std::size_t kMaxNameWords = 6;  // longer capitalized runs are headlines, not names

// Where a text has a name: its run, and the first and last word in it.
struct WordSpan {
    std::size_t run, first, last;
};

struct NameStretch {
    std::string written;          // as the text first writes it
    std::vector<WordSpan> spans;  // every place the text has it
};

// Every stretch of two to kMaxNameWords words of each run, folded ("nguyen thanh binh").
std::unordered_map<std::string, NameStretch> name_stretches(std::string_view text, const std::vector<std::vector<Word>>& runs) {
    std::unordered_map<std::string, NameStretch> names;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const auto& run = runs[r];
        for (std::size_t first = 0; first + 1 < run.size(); ++first) {
            std::string key = run[first].folded;
            for (std::size_t last = first + 1; last < run.size() && last - first < kMaxNameWords; ++last) {
                key += ' ';
                key += run[last].folded;
                auto [stretch, fresh] = names.try_emplace(key);
                if (fresh) stretch->second.written = std::string(text.substr(run[first].begin, run[last].end - run[first].begin));
                stretch->second.spans.push_back({r, first, last});
            }
        }
    }
    return names;
}

std::vector<std::string> split_words(const std::string& key) {
    std::vector<std::string> words;
    for (std::size_t start = 0; start <= key.size();) {
        const std::size_t space = std::min(key.find(' ', start), key.size());
        words.push_back(key.substr(start, space - start));
        start = space + 1;
    }
    return words;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string key;
    for (const std::string& word : words) key += (key.empty() ? "" : " ") + word;
    return key;
}

// Whether a date may start at @p word: digits, "ngày", or an English month name.
bool may_start_date(std::string_view rest) {
    const char c = rest[0];
    if (c >= '0' && c <= '9') return true;
    if (rest.size() < 3) return false;
    std::string head;
    for (std::size_t i = 0; i < 3; ++i) head += static_cast<char>(rest[i] >= 'A' && rest[i] <= 'Z' ? rest[i] - 'A' + 'a' : rest[i]);
    if (head.compare(0, 2, "ng") == 0) return true;
    static const std::set<std::string> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
    return months.count(head) != 0;
}

}  // namespace

std::vector<std::string> names_in(std::string_view text, const Xapian::Database& db) {
    std::vector<std::string> names;
    for (const std::vector<Word>& run : capitalized_runs(text, db))
        names.emplace_back(text.substr(run.front().begin, run.back().end - run.front().begin));
    return names;
}

std::vector<DateMention> date_mentions(std::string_view text) {
    std::vector<DateMention> dates;
    for (std::size_t pos = 0; pos < text.size();) {
        const unsigned char before = pos == 0 ? ' ' : static_cast<unsigned char>(text[pos - 1]);
        const bool word_start = before < 0x80 && !std::isalnum(before);
        if (word_start && static_cast<unsigned char>(text[pos]) < 0x80 && may_start_date(text.substr(pos))) {
            std::size_t length = 0;
            std::string date = parse_date_at(text.substr(pos), length);
            if (!date.empty() && length > 0) {
                dates.push_back({pos, pos + length, std::move(date)});
                pos += length;
                continue;
            }
        }
        ++pos;
    }
    return dates;
}

std::set<std::string> mentioned_dates(std::string_view text) {
    std::set<std::string> dates;
    for (DateMention& mention : date_mentions(text)) dates.insert(std::move(mention.iso));
    return dates;
}

// Every way the index may hold date @p iso in a text: "14/8/2023" and its zero-padded,
// dashed and dotted forms, and "2023-08-14", as one term; "14 tháng 8 năm 2023", "August 14
// 2023", "14 Aug 2023" and the like as phrases of folded words; and as a publication date.
Xapian::Query date_query(const std::string& iso) {
    static const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
    const std::string year = iso.substr(0, 4);
    const int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
    std::vector<std::string> days = {std::to_string(day)}, months = {std::to_string(month)};
    if (day < 10) days.push_back(iso.substr(8, 2));
    if (month < 10) months.push_back(iso.substr(5, 2));
    std::vector<Xapian::Query> forms;
    for (const std::string& d : days) {
        for (const std::string& m : months) {
            for (const char separator : {'/', '-', '.'}) forms.emplace_back(d + separator + m + separator + year);
            const std::array<std::string, 5> vietnamese = {d, "thang", m, "nam", year};
            forms.emplace_back(Xapian::Query::OP_PHRASE, vietnamese.begin(), vietnamese.end());
            // The US order where it cannot be read day first ("5/28/2014", see parse_date_at).
            if (day > 12)
                for (const char separator : {'/', '-', '.'}) forms.emplace_back(m + separator + d + separator + year);
        }
        std::vector<std::string> names = {kMonths[month - 1]};
        if (names.front().size() > 3) names.push_back(names.front().substr(0, 3));  // "Aug"
        if (month == 9) names.emplace_back("sept");
        for (const std::string& name : names) {
            const std::array<std::string, 3> month_first = {name, d, year}, day_first = {d, name, year};
            forms.emplace_back(Xapian::Query::OP_PHRASE, month_first.begin(), month_first.end());
            forms.emplace_back(Xapian::Query::OP_PHRASE, day_first.begin(), day_first.end());
        }
    }
    forms.emplace_back(iso);
    forms.emplace_back(std::string(schema::kDatePrefix) + year + iso.substr(5, 2) + iso.substr(8, 2));
    return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

namespace {

constexpr std::size_t kMaxSharedWordsShown = 8;
constexpr std::size_t kMaxQueryDates = 30;      // dates of the source asked for
constexpr std::size_t kMaxQueryNamePairs = 24;  // adjacent name words of the source asked for

// Documents related to one source: candidates from two searches, then each one explained
// and scored (see links.hpp for the formula).
class RelatedRanker {
public:
    RelatedRanker(const Xapian::Database& db, const Analyzer& analyzer, const Source& source)
        : db_(db), source_(source), documents_(db.get_doccount()), rarest_(std::log(documents_ + 1)) {
        words_ = informative_terms(source.text, db, analyzer);
        std::erase_if(words_, [](const RelatedTerm& t) { return t.term.rfind(schema::kReferencePrefix, 0) == 0; });
        if (!words_.empty()) text_query_ = related_query(words_);
        runs_ = capitalized_runs(source.text, db);
        names_ = name_stretches(source.text, runs_);
        mentions_ = mentioned_dates(source.text);
        dates_ = mentions_;
        if (!source.date.empty()) dates_.insert(source.date);
    }

    // The best @p wanted by words and the best by shared items, the source excepted.
    std::set<Xapian::docid> candidates(std::size_t wanted) {
        std::set<Xapian::docid> found;
        auto add_best = [&](const Xapian::Query& query) {
            if (query.empty()) return;
            Xapian::Enquire enquire(db_);
            enquire.set_query(query);
            enquire.set_weighting_scheme(ranking());
            Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(wanted + 1));
            mset.fetch();  // one round trip for all, from a remote shard
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                found.insert(*it);
                id_terms_.emplace(*it, std::string(schema::kIdPrefix) + it.get_document().get_value(schema::kIdSlot));
            }
        };
        add_best(text_query_);
        add_best(shared_items_query());
        if (source_.docid) found.erase(*source_.docid);
        return found;
    }

    // Every candidate's word score, scaled by the query's upper bound to 0..1.
    void weigh_words(const std::set<Xapian::docid>& candidates) {
        if (text_query_.empty() || candidates.empty()) return;
        Xapian::Enquire enquire(db_);
        enquire.set_weighting_scheme(ranking());
        // The candidates by their id terms, a filter that adds no weight: a query a shard served by
        // xapian-tcpsrv runs too (a MatchDecider is "not supported for the remote backend").
        std::vector<std::string> ids;
        for (const Xapian::docid docid : candidates) ids.push_back(id_terms_.at(docid));
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, text_query_, Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end())));
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(candidates.size()));
        const double bound = mset.get_max_possible();
        if (bound <= 0) return;
        for (auto it = mset.begin(); it != mset.end(); ++it) text_similarity_[*it] = std::min(1.0, it.get_weight() / bound);
    }

    // What candidate @p docid shares with the source, and its score.
    RelatedDocument explain(Xapian::docid docid) {
        const Xapian::Document xdoc = db_.get_document(docid);
        Document doc = from_stored_json(xdoc.get_data());
        const std::string text = blank_ranges(std::move(doc.text), doc.boilerplate);
        RelatedDocument hit;
        hit.document = {doc.id, doc.title, doc.lang, doc.date};
        if (const auto it = text_similarity_.find(docid); it != text_similarity_.end()) hit.text = rarest_ * it->second;
        hit.words = shared_words(xdoc);
        hit.references = shared_references(docid, doc);
        hit.names = shared_names(text);
        hit.dates = shared_dates(text, doc.date);
        hit.score = hit.text;
        for (const auto& r : hit.references) hit.score += r.weight;
        for (const auto& n : hit.names) hit.score += n.weight;
        for (const auto& d : hit.dates) hit.score += d.weight;
        return hit;
    }

private:
    double idf(double df) const { return std::log((documents_ + 1) / std::max(df, 1.0)); }

    // XR and XN terms of the numbers the source cites, XR of its own; names as phrases of two
    // adjacent words, the rarest first (a phrase of common words, "Bình Định", costs a position
    // check in thousands of documents and says little); every form of its dates.
    Xapian::Query shared_items_query() {
        std::vector<Xapian::Query> items;
        for (const auto& [key, canonical] : source_.references) {
            items.emplace_back(prefixed(schema::kReferencePrefix, key));
            items.emplace_back(prefixed(schema::kNumberPrefix, key));
        }
        if (!source_.own_key.empty()) {
            items.emplace_back(prefixed(schema::kReferencePrefix, source_.own_key));
            items.emplace_back(prefixed(schema::kNumberPrefix, source_.own_key));
        }
        std::set<std::array<std::string, 2>> pairs;
        for (const auto& run : runs_)
            for (std::size_t i = 0; i + 1 < run.size(); ++i) pairs.insert({run[i].folded, run[i + 1].folded});
        std::vector<std::pair<Xapian::doccount, std::array<std::string, 2>>> rarest_pairs;
        for (const auto& pair : pairs)
            if (const Xapian::doccount df = std::min(db_.get_termfreq(pair[0]), db_.get_termfreq(pair[1])); df > 0)
                rarest_pairs.push_back({df, pair});
        std::sort(rarest_pairs.begin(), rarest_pairs.end());
        if (rarest_pairs.size() > kMaxQueryNamePairs) rarest_pairs.resize(kMaxQueryNamePairs);
        for (const auto& [df, pair] : rarest_pairs) items.emplace_back(Xapian::Query::OP_PHRASE, pair.begin(), pair.end());
        for (const std::string& date : dates_) {
            if (date_queries_.size() == kMaxQueryDates) break;
            items.push_back(date_queries_.emplace(date, date_query(date)).first->second);
        }
        return items.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, items.begin(), items.end());
    }

    // The source's informative words the candidate has, best first, function words left out
    // ("of" explains nothing).
    std::vector<std::string> shared_words(const Xapian::Document& xdoc) const {
        std::vector<const RelatedTerm*> by_term;  // the termlist is sorted by term
        for (const RelatedTerm& term : words_) by_term.push_back(&term);
        std::sort(by_term.begin(), by_term.end(), [](const RelatedTerm* a, const RelatedTerm* b) { return a->term < b->term; });
        std::set<const RelatedTerm*> shared;
        auto terms = xdoc.termlist_begin();
        for (const RelatedTerm* term : by_term) {
            terms.skip_to(term->term);
            if (terms == xdoc.termlist_end()) break;
            if (*terms == term->term) shared.insert(term);
        }
        std::vector<std::string> shown;
        for (const RelatedTerm& term : words_) {
            if (shown.size() == kMaxSharedWordsShown) break;
            if (!shared.count(&term) || is_outside_names(term.word)) continue;
            std::string word = term.word;
            std::replace(word.begin(), word.end(), '_', ' ');
            shown.push_back(std::move(word));
        }
        return shown;
    }

    // Numbers cited by both, or one is the number the other cites. Numbers are not unique:
    // both cite one only as one locality's (or either without one), and a link to the
    // document that is a number only when the citation means that document (NumberHolders).
    std::vector<SharedReference> shared_references(Xapian::docid docid, const Document& doc) {
        std::set<std::string> cited;
        for (const std::string& canonical : doc.references)
            if (const auto number = parse_document_number(canonical)) cited.insert(number->key());
        const auto theirs = cited_numbers(doc);
        // A number mentioned without a citation of it (its own, in a heading) is cited as nothing tells.
        const auto cited_as_in = [](const std::map<std::string, std::set<CitedAs>>& all, const std::string& key, const std::string& date) {
            const auto it = all.find(key);
            return it != all.end() ? it->second : std::set<CitedAs>{CitedAs{{}, {}, date}};
        };
        const auto number = parse_document_number(doc.number);
        const std::string own_key = number ? number->key() : std::string();
        std::vector<SharedReference> shared;
        for (const auto& [key, canonical] : source_.references) {
            if (key == own_key) {
                if (means(key, cited_as_in(source_.cited, key, source_.date), docid)) shared.push_back({canonical, "source_cites_it", rarest_});
            } else if (cited.count(key) && may_mean_one(cited_as_in(source_.cited, key, source_.date), cited_as_in(theirs, key, doc.date))) {
                shared.push_back({canonical, "both_cite", idf(db_.get_termfreq(prefixed(schema::kReferencePrefix, key)))});
            }
        }
        // Shared among the other documents that are the number: an original and its translation
        // link with all of it, while the articles of a code indexed one by one, which all hold
        // its number, are not each other's copies.
        if (!source_.own_key.empty() && own_key == source_.own_key && same_document_number(doc)) {
            const Xapian::doccount holders = db_.get_termfreq(prefixed(schema::kNumberPrefix, own_key));
            shared.push_back({number->canonical(), "same_number", 2 * rarest_ / (holders > 1 ? holders - 1 : 1)});
        }
        if (!source_.own_key.empty() && source_.docid && cited.count(source_.own_key) && own_key != source_.own_key &&
            means(source_.own_key, cited_as_in(theirs, source_.own_key, doc.date), *source_.docid))
            if (const auto source_number = document_number_from_key(source_.own_key))
                shared.push_back({source_number->canonical(), "cites_source", rarest_});
        return shared;
    }

    // Whether @p doc, whose own number is the source's, is the same document: a translation or
    // another copy, not another province's decision or another year's resolution of that
    // number (a number without its year, 126/NQ-CP, comes back every few years).
    bool same_document_number(const Document& doc) const {
        const std::string locality = locality_key(doc.locality);
        if (!locality.empty() || !source_.own_locality.empty())
            if (!same_locality(locality, source_.own_locality)) return false;
        return doc.date.empty() || source_.date.empty() || doc.date.substr(0, 4) == source_.date.substr(0, 4);
    }

    // Whether a citation of number @p key as one of @p cited means document @p docid.
    bool means(const std::string& key, const std::set<CitedAs>& cited, Xapian::docid docid) {
        auto found = holders_.find(key);
        if (found == holders_.end()) found = holders_.emplace(key, NumberHolders(db_, key)).first;
        return std::any_of(cited.begin(), cited.end(), [&](const CitedAs& as) {
            const auto meant = found->second.meant_by(as);
            return std::any_of(meant.begin(), meant.end(), [&](const NumberHolders::Holder* holder) { return holder->docid == docid; });
        });
    }

    // The longest stretches both write, folded; a shorter one whose words a longer one has is
    // the same name again ("Cty Đại Nguyên" beside "Cty TNHH Đại Nguyên Dương"), and so is one
    // that overlaps, where the source writes it, a longer or rarer one already counted: one
    // name of the source is counted once, however many pieces of it the other text has in
    // other names ("Nguyễn Thanh Hùng", "huyện Thanh Bình" against "Nguyen Thanh Binh").
    // Its df is that of its rarest word: an upper bound, so never more weight than it deserves.
    std::vector<SharedName> shared_names(const std::string& text) {
        const auto theirs = name_stretches(text, capitalized_runs(text, db_));
        std::vector<std::vector<std::string>> both;
        for (const auto& [key, stretch] : names_)
            if (theirs.count(key)) both.push_back(split_words(key));
        std::sort(both.begin(), both.end(), [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
        std::vector<std::pair<std::string, double>> candidates;  // with their weights
        for (std::size_t i = 0; i < both.size(); ++i) {
            const auto& words = both[i];
            const bool repeated = std::any_of(both.begin(), both.begin() + static_cast<std::ptrdiff_t>(i), [&](const auto& longer) {
                return longer.size() > words.size() && std::all_of(words.begin(), words.end(), [&](const std::string& word) {
                           return std::find(longer.begin(), longer.end(), word) != longer.end();
                       });
            });
            if (!repeated) candidates.emplace_back(join_words(words), name_weight(join_words(words)));
        }
        std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
            const auto words = [](const std::string& key) { return std::count(key.begin(), key.end(), ' '); };
            return words(a.first) != words(b.first) ? words(a.first) > words(b.first) : a.second > b.second;
        });
        std::vector<std::vector<bool>> counted(runs_.size());  // words of the source's runs
        for (std::size_t r = 0; r < runs_.size(); ++r) counted[r].assign(runs_[r].size(), false);
        std::vector<std::pair<std::string, double>> kept;
        for (const auto& [key, weight] : candidates) {
            bool fresh = false;
            for (const WordSpan& span : names_.at(key).spans) {
                auto& words = counted[span.run];
                if (std::any_of(words.begin() + static_cast<std::ptrdiff_t>(span.first),
                                words.begin() + static_cast<std::ptrdiff_t>(span.last) + 1, [](bool taken) { return taken; }))
                    continue;
                std::fill(words.begin() + static_cast<std::ptrdiff_t>(span.first), words.begin() + static_cast<std::ptrdiff_t>(span.last) + 1, true);
                fresh = true;
            }
            if (fresh) kept.emplace_back(key, weight);
        }
        std::sort(kept.begin(), kept.end());
        std::vector<SharedName> shared;
        for (const auto& [key, weight] : kept) shared.push_back({names_.at(key).written, theirs.at(key).written, weight});
        return shared;
    }

    double name_weight(const std::string& key) {
        auto [weight, fresh] = name_weights_.emplace(key, 0.0);
        if (fresh) {
            Xapian::doccount df = db_.get_doccount();
            for (const std::string& word : split_words(key)) df = std::min(df, db_.get_termfreq(word));
            weight->second = idf(df);
        }
        return weight->second;
    }

    // Dates both give, a publication date on both sides alone excepted (same-day news). Its df
    // counts the documents mentioning it or published on it.
    std::vector<SharedDate> shared_dates(const std::string& text, const std::string& published) {
        const std::set<std::string> theirs = mentioned_dates(text);
        std::vector<SharedDate> shared;
        for (const std::string& date : dates_) {
            const bool they_have = theirs.count(date) || date == published;
            const bool mentioned = mentions_.count(date) || theirs.count(date);
            if (!they_have || !mentioned) continue;
            auto [weight, fresh] = date_weights_.emplace(date, 0.0);
            if (fresh) {
                const auto known = date_queries_.find(date);
                Xapian::Enquire enquire(db_);
                enquire.set_query(known != date_queries_.end() ? known->second : date_query(date));
                enquire.set_weighting_scheme(Xapian::BoolWeight());
                weight->second = idf(enquire.get_mset(0, 0, std::min<Xapian::doccount>(db_.get_doccount(), 1000)).get_matches_estimated());
            }
            shared.push_back({date, weight->second});
        }
        return shared;
    }

    const Xapian::Database& db_;
    const Source& source_;
    const double documents_;
    const double rarest_;  // ln(N + 1): the weight of an item only one document has
    std::vector<RelatedTerm> words_;
    Xapian::Query text_query_;
    std::vector<std::vector<Word>> runs_;
    std::unordered_map<std::string, NameStretch> names_;  // by folded stretch
    std::set<std::string> mentions_;                       // dates the text writes
    std::set<std::string> dates_;                          // and its publication date
    std::map<std::string, Xapian::Query> date_queries_;
    std::unordered_map<Xapian::docid, double> text_similarity_;
    std::unordered_map<Xapian::docid, std::string> id_terms_;  // of the candidates
    std::unordered_map<std::string, double> name_weights_, date_weights_;
    std::map<std::string, NumberHolders> holders_;  // of the numbers linked so far
};

Result<std::vector<RelatedDocument>> related(const Xapian::Database& db, const Analyzer& analyzer, const Source& source,
                                             std::size_t limit) {
    if (auto bad = limit_out_of_range(limit, kMaxLinksLimit)) return *bad;
    RelatedRanker ranker(db, analyzer, source);
    const std::set<Xapian::docid> candidates = ranker.candidates(std::min<std::size_t>(std::max<std::size_t>(3 * limit, 30), 300));
    ranker.weigh_words(candidates);
    std::vector<RelatedDocument> scored;
    for (const Xapian::docid docid : candidates)
        if (RelatedDocument hit = ranker.explain(docid); hit.score > 0) scored.push_back(std::move(hit));
    std::sort(scored.begin(), scored.end(), [](const RelatedDocument& a, const RelatedDocument& b) {
        return a.score != b.score ? a.score > b.score : a.document.id < b.document.id;
    });
    if (scored.size() > limit) scored.resize(limit);
    return scored;
}

}  // namespace

std::string citation_term(std::string_view relation, std::string_view key) {
    return std::string(schema::kCitationPrefix).append(relation).append(":").append(key);
}

Xapian::doccount exact_count(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

std::string locality_term(std::string_view locality_key) { return prefixed(schema::kLocalityPrefix, locality_key); }

std::string cited_locality_term(std::string_view key, std::string_view locality_key) {
    return std::string(schema::kCitedLocalityPrefix).append(key).append(":").append(locality_key);
}

std::string cited_year_term(std::string_view key, std::string_view year) {
    return std::string(schema::kCitedYearPrefix).append(key).append(":").append(year);
}

CitedAs cited_as(const Citation& citation, const Document& citer) {
    CitedAs cited{locality_key(citation.locality), {}, citer.date};
    const auto number = parse_document_number(citation.number);
    if (!number || number->year != 0) return cited;
    cited.year = citation.issued_year;  // or the text's for that number elsewhere (date_every_mention)
    return cited;
}

void date_every_mention(std::vector<Citation>& mentions) {
    std::map<std::string, std::set<std::string>> dates, years;  // number -> the issue dates, years stated
    for (const Citation& mention : mentions) {
        if (!mention.issued.empty()) dates[mention.number].insert(mention.issued);
        if (!mention.issued_year.empty()) years[mention.number].insert(mention.issued_year);
    }
    const auto the_one = [](const std::map<std::string, std::set<std::string>>& stated, const std::string& number) {
        const auto it = stated.find(number);
        return it != stated.end() && it->second.size() == 1 ? *it->second.begin() : std::string();
    };
    for (Citation& mention : mentions) {
        if (mention.issued.empty()) mention.issued = the_one(dates, mention.number);
        if (mention.issued_year.empty()) mention.issued_year = the_one(years, mention.number);
    }
}

NumberHolders::NumberHolders(const Xapian::Database& db, std::string key) : key_(std::move(key)) {
    const auto number = document_number_from_key(key_);
    const bool has_year = number && number->year != 0;
    const std::string own = prefixed(schema::kNumberPrefix, key_);
    std::set<std::string> years;
    for (auto it = db.postlist_begin(own); it != db.postlist_end(own); ++it) {
        Document doc = from_stored_json(db.get_document(*it).get_data());
        std::string locality_key_of_it = locality_key(doc.locality);
        std::string year = has_year ? std::string() : doc.date.substr(0, 4);
        if (!year.empty()) years.insert(year);
        std::string article_order = doc.article.empty() ? std::string() : article_order_key(doc.article);
        holders_.push_back({*it, {std::move(doc.id), std::move(doc.title), std::move(doc.lang), std::move(doc.date)},
                            std::move(doc.locality), std::move(locality_key_of_it), std::move(year), std::move(article_order)});
    }
    several_years_ = years.size() > 1;
    // A law's articles in its order: Điều 1, 2, …, 10, not as their ids sort ("…-10" before "…-2").
    std::sort(holders_.begin(), holders_.end(), [](const Holder& a, const Holder& b) {
        const auto order = [](const Holder& h) {
            return std::tuple<bool, const std::string&, const std::string&>(h.document.lang != "vi", h.article_order, h.document.id);
        };
        return order(a) < order(b);
    });
    const std::string cited = cited_locality_term(key_, "");
    for (auto it = db.allterms_begin(cited); it != db.allterms_end(cited); ++it) cited_localities_.push_back((*it).substr(cited.size()));
    const std::string dated = cited_year_term(key_, "");
    for (auto it = db.allterms_begin(dated); it != db.allterms_end(dated); ++it) cited_years_.push_back((*it).substr(dated.size()));
}

const NumberHolders::Holder* NumberHolders::preferred(const std::vector<const Holder*>& meant, std::string_view language) {
    for (const Holder* holder : meant)
        if (!language.empty() && holder->document.lang == language) return holder;
    return meant.empty() ? nullptr : meant.front();
}

NumberHolders::Meaning NumberHolders::meaning(const CitedAs& cited) const {
    Meaning out;
    std::vector<const Holder*>& meant = out.meant;
    if (!cited.locality.empty()) {
        for (const Holder& holder : holders_)
            if (same_locality(holder.locality_key, cited.locality)) meant.push_back(&holder);
        if (meant.empty())  // none is of it: those of unknown locality may be
            for (const Holder& holder : holders_)
                if (holder.locality_key.empty()) meant.push_back(&holder);
    } else {
        // Without a locality: every holder when they are of one locality, or all of none.
        const auto one_place = [&](const Holder& holder) {
            const Holder& first = holders_.front();
            return holder.locality_key == first.locality_key || same_locality(holder.locality_key, first.locality_key);
        };
        if (!holders_.empty() && std::all_of(holders_.begin(), holders_.end(), one_place))
            for (const Holder& holder : holders_) meant.push_back(&holder);
        out.ambiguous = holders_.size() > 1 && meant.empty();
    }
    if (meant.empty()) return out;
    // A number without its year: a citation its text dates means the holders of that year
    // (and the undated, which may be), even when the corpus holds one year's only. Party
    // numbers recur every term: "69-QĐ/TW, ngày 13/02/2017" is not the 69-QĐ/TW of 2022.
    if (!cited.year.empty()) {
        std::erase_if(meant, [&](const Holder* holder) { return !holder->year.empty() && holder->year != cited.year; });
        return out;
    }
    if (!several_years_) return out;
    // Undated, of a number held by documents of several years.
    const auto years_meant = [&] {
        std::set<std::string> years;
        for (const Holder* holder : meant)
            if (!holder->year.empty()) years.insert(holder->year);
        return years.size();
    };
    if (years_meant() <= 1) return out;
    if (!cited.citer_date.empty())  // a document cannot cite one issued after it
        std::erase_if(meant, [&](const Holder* holder) { return !holder->document.date.empty() && holder->document.date > cited.citer_date; });
    if (years_meant() > 1) {
        meant.clear();
        out.ambiguous = true;
    }
    return out;
}

Xapian::Query NumberHolders::citing_without_locality() const {
    std::vector<Xapian::Query> excluded = {holders_of(key_)};
    for (const std::string& locality : cited_localities_) excluded.emplace_back(cited_locality_term(key_, locality));
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(prefixed(schema::kReferencePrefix, key_)), any_of(excluded));
}

Xapian::Query NumberHolders::citing_so(const std::string& locality, const std::string& year) const {
    Xapian::Query placed = locality.empty() ? citing_without_locality() : Xapian::Query(cited_locality_term(key_, locality));
    if (!year.empty()) return Xapian::Query(Xapian::Query::OP_FILTER, placed, Xapian::Query(cited_year_term(key_, year)));
    if (cited_years_.empty()) return placed;
    std::vector<Xapian::Query> dated;
    for (const std::string& cited_year : cited_years_) dated.emplace_back(cited_year_term(key_, cited_year));
    return Xapian::Query(Xapian::Query::OP_AND_NOT, placed, any_of(dated));
}

Xapian::Query NumberHolders::citing(const std::vector<const Holder*>& meant) const {
    const auto means_one = [&](const CitedAs& cited) {
        const auto its = meant_by(cited);
        return std::any_of(its.begin(), its.end(), [&](const Holder* holder) { return std::find(meant.begin(), meant.end(), holder) != meant.end(); });
    };
    // Undated citations of a number several years' documents hold: the citing document's
    // date tells which were issued by then. Between two holders' dates that set is the same,
    // so one window of citing dates a holder's date.
    std::vector<std::string> dates;  // ISO, ascending
    if (several_years_)
        for (const Holder& holder : holders_)
            if (!date_slot_value(holder.document.date).empty()) dates.push_back(holder.document.date);
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());

    std::vector<std::string> localities = cited_localities_, years = cited_years_;
    localities.emplace_back();
    years.emplace_back();
    std::vector<Xapian::Query> parts;
    for (const std::string& locality : localities)
        for (const std::string& year : years) {
            if (means_one({locality, year, ""})) {
                parts.push_back(citing_so(locality, year));
                continue;
            }
            if (!year.empty() || dates.empty()) continue;
            for (std::size_t i = 0; i < dates.size(); ++i) {
                if (!means_one({locality, "", dates[i]})) continue;
                Xapian::Query window(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, date_slot_value(dates[i]));
                if (i + 1 < dates.size())
                    window = Xapian::Query(Xapian::Query::OP_AND_NOT, window,
                                           Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, date_slot_value(dates[i + 1])));
                parts.emplace_back(Xapian::Query::OP_FILTER, citing_so(locality, ""), window);
            }
        }
    std::vector<Xapian::Query> themselves;
    for (const Holder* holder : meant) themselves.emplace_back(prefixed(schema::kIdPrefix, holder->document.id));
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND_NOT, any_of(parts), any_of(themselves));
}

Xapian::Query NumberHolders::citing_as(const CitedAs& cited) const {
    std::vector<Xapian::Query> parts;
    if (cited.locality.empty()) {
        parts.emplace_back(citing_number(key_));
    } else {
        for (const std::string& locality : cited_localities_)
            if (same_locality(locality, cited.locality)) parts.emplace_back(cited_locality_term(key_, locality));
    }
    if (parts.empty() || cited.year.empty()) return any_of(parts);
    return Xapian::Query(Xapian::Query::OP_FILTER, any_of(parts), Xapian::Query(cited_year_term(key_, cited.year)));
}

Xapian::Query citing_number(std::string_view key) {
    const std::string number(key);
    return Xapian::Query(Xapian::Query::OP_OR,
                         Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(prefixed(schema::kReferencePrefix, number)), holders_of(number)),
                         Xapian::Query(Xapian::Query::OP_WILDCARD, cited_locality_term(key, "")));
}

std::vector<std::string> keys_looked_up(const Xapian::Database& db, const NumberLookup& lookup) {
    if (lookup.whole) return {lookup.whole->key()};
    const std::string term_prefix = prefixed(schema::kReferencePrefix, lookup.serial + "/");
    std::vector<std::pair<std::string, Xapian::doccount>> found;  // key, termfreq
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix) && scanned < kMaxReferenceTermsScanned; ++it, ++scanned) {
        std::string key = (*it).substr(schema::kReferencePrefix.size());
        if (const auto number = document_number_from_key(key); number && lookup.fits(*number)) found.emplace_back(std::move(key), it.get_termfreq());
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (found.size() > kMaxNumbersLookedUp) found.resize(kMaxNumbersLookedUp);
    std::vector<std::string> keys;
    for (auto& [key, frequency] : found) keys.push_back(std::move(key));
    return keys;
}

Xapian::Query citing_any_of(const std::vector<std::string>& keys) {
    std::vector<Xapian::Query> citing;
    for (const std::string& key : keys) citing.push_back(citing_number(key));
    // Not MatchNothing, which is the empty query: a filter of none would filter nothing out.
    if (citing.empty()) return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Xapian::Query::MatchAll);
    return Xapian::Query(Xapian::Query::OP_OR, citing.begin(), citing.end());
}

std::pair<std::vector<std::string>, Xapian::doccount> documents_citing(const Xapian::Database& db, std::string_view id,
                                                                       std::size_t limit) {
    const std::string id_term = prefixed(schema::kIdPrefix, id);
    const auto posting = id.size() <= 245 ? db.postlist_begin(id_term) : db.postlist_end(id_term);
    if (posting == db.postlist_end(id_term)) return {};
    const auto number = parse_document_number(from_stored_json(db.get_document(*posting).get_data()).number);
    if (!number) return {};
    const NumberHolders holders(db, number->key());
    const auto it = std::find_if(holders.holders().begin(), holders.holders().end(),
                                 [&](const NumberHolders::Holder& holder) { return holder.docid == *posting; });
    if (it == holders.holders().end()) return {};
    const Xapian::MSet mset = newest_first(db, holders.citing({&*it}), 0, limit);
    std::vector<std::string> ids;
    for (auto hit = mset.begin(); hit != mset.end(); ++hit) ids.push_back(hit.get_document().get_value(schema::kIdSlot));
    return {ids, mset.get_matches_estimated()};
}

ReferenceDescription describe_reference(const DocumentNumber& number) {
    ReferenceDescription description;
    description.canonical = number.canonical();
    description.key = number.key();
    description.number = number.number;
    description.year = number.year;
    const auto& codes = number.codes;
    const CodeInfo* first = codes.empty() ? nullptr : find_code(codes.front());
    const bool type_in_number = first != nullptr && first->kind == CodeKind::type;
    if (type_in_number) {
        const bool party = number.party_style && !first->party_name_vi.empty();
        description.type_code = codes.front();
        description.type_vi = party ? first->party_name_vi : first->name_vi;
        description.type_en = party ? first->party_name_en : first->name_en;
    }
    for (std::size_t i = type_in_number ? 1 : 0; i < codes.size(); ++i)
        description.issuers.push_back(describe_issuer(codes[i], number.party_style));
    return description;
}

std::optional<Relation> parse_relation(std::string_view name) {
    for (const Relation relation : kRelations)
        if (to_string(relation) == name) return relation;
    return std::nullopt;
}

Result<ReferenceReport> reference_report(const Xapian::Database& db, std::string_view ref, const ReferencePage& page) {
    if (auto bad = limit_out_of_range(page.limit, kMaxLinksLimit)) return *bad;
    if (auto bad = offset_out_of_range(page.offset, kMaxLinksOffset)) return *bad;
    const std::string valid = unicode::to_valid_utf8(ref);
    const std::optional<NumberLookup> lookup = valid.size() <= 256 ? read_number_lookup(valid) : std::nullopt;
    if (!lookup) return Error{"bad_parameter", "\"" + valid.substr(0, 256) + "\" is not a document number such as 126/NQ-CP"};
    // A report is one number's: a part of one ("45/2019") may be many, each its own.
    if (!lookup->whole)
        return Error{"bad_parameter", "\"" + valid + "\" is not a whole document number such as 126/NQ-CP; GET /references?q=" + valid +
                                          " lists the numbers it may be"};
    const std::optional<DocumentNumber>& number = lookup->whole;

    ReferenceReport report;
    report.reference = describe_reference(*number);
    const std::string& key = report.reference.key;
    const NumberHolders holders(db, key);
    // Every count below counts the citing documents the page asks for: one filter for all.
    const auto of_type = [&](const Xapian::Query& citing) {
        return page.type ? Xapian::Query(Xapian::Query::OP_FILTER, citing, type_filter_query(*page.type)) : citing;
    };
    for (const NumberHolders::Holder& holder : holders.holders())
        report.held_by.push_back({holder.document, holder.locality, exact_count(db, of_type(holders.citing({&holder})))});
    // A number that names no type ("45/2019/QH14") has the type of the documents that are it,
    // where they agree: a law's, held article by article (as search's type facet says).
    if (report.reference.type_code.empty() && !holders.holders().empty()) {
        std::set<std::string> types;
        for (const NumberHolders::Holder& holder : holders.holders()) types.insert(db.get_document(holder.docid).get_value(schema::kTypeSlot));
        if (types.size() == 1 && !types.begin()->empty() && *types.begin() != kArticleType) {
            const CodeNames names = names_of_code(*types.begin());
            report.reference.type_code = *types.begin();
            report.reference.type_vi = names.vi;
            report.reference.type_en = names.en;
        }
    }
    const Xapian::Query citing_any = of_type(holders.citing_any());
    report.total = exact_count(db, citing_any);
    for (const Relation relation : kRelations) {
        if (page.relation && *page.relation != relation) continue;
        const Xapian::Query citing(Xapian::Query::OP_AND, Xapian::Query(citation_term(to_string(relation), key)), citing_any);
        CitationGroup group;
        group.relation = relation;
        group.total = exact_count(db, citing);
        if (group.total > page.offset) {
            const Xapian::MSet mset = newest_first(db, citing, page.offset, page.limit);
            for (auto it = mset.begin(); it != mset.end(); ++it)
                group.documents.push_back(citing_document(it.get_document(), key, to_string(relation), holders));
        }
        report.groups.push_back(std::move(group));
    }
    return report;
}

namespace {

// A key drops the serial's leading zeros ("2/2017/tt-byt"), and so does the number rebuilt
// from it; a document writes "02/2017/TT-BYT". The form the first document holding the
// reference term writes, else @p fallback.
std::string written_form(const Xapian::Database& db, const std::string& key, std::string fallback) {
    const std::string term = prefixed(schema::kReferencePrefix, key);
    const auto posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) return fallback;
    const Document doc = from_stored_json(db.get_document(*posting, Xapian::DOC_ASSUME_VALID).get_data());
    for (const std::string& written : doc.references)
        if (const auto number = parse_document_number(written); number && number->key() == key) return number->canonical();
    if (const auto own = parse_document_number(doc.number); own && own->key() == key) return own->canonical();
    return fallback;
}

}  // namespace

std::map<std::string, Xapian::doccount> number_postings(const Xapian::Database& db, std::string_view key_prefix, std::size_t max_scanned) {
    std::map<std::string, Xapian::doccount> postings;
    for (const std::string_view kind : {schema::kReferencePrefix, schema::kNumberPrefix}) {
        const std::string prefix = std::string(kind).append(key_prefix);
        std::size_t scanned = 0;
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && scanned < max_scanned; ++it, ++scanned)
            postings[(*it).substr(kind.size())] += it.get_termfreq();
    }
    return postings;
}

Result<std::vector<ReferenceCount>> list_references(const Xapian::Database& db, std::string_view prefix, std::size_t limit) {
    if (auto bad = limit_out_of_range(limit, kMaxLinksLimit)) return *bad;
    if (prefix.size() > 256) return Error{"bad_parameter", "parameter \"q\" is longer than 256 bytes"};
    if (unicode::find_invalid_utf8(prefix)) return Error{"bad_parameter", "parameter \"q\" is not valid UTF-8"};

    // As typed: the serial's digits (keys drop leading zeros), then its letters and digits in order.
    std::string key_prefix, wanted;
    // Typed with its type's name, as in the search box: "NĐ 67/2014", "Luật số 45/20".
    const std::string nfc = unicode::normalize_nfc(prefix);
    const std::size_t number_start = number_start_after_type_name(nfc);
    const std::string folded = unicode::fold(std::string_view(nfc).substr(number_start));
    const std::size_t first = folded.find_first_not_of(' ');
    std::string typed = first == std::string::npos ? std::string() : folded.substr(first, folded.find_last_not_of(' ') + 1 - first);
    // Codes first, as tables of documents list them: "NQ-CP 126" is 126/NQ-CP. A type named
    // before a serial ("QĐ 1880") lists that type's numbers first.
    const std::optional<NumberLookup> lookup = read_number_lookup(nfc);
    if (!typed.empty() && (typed[0] < '0' || typed[0] > '9') && lookup && lookup->whole) typed = lookup->whole->key();
    const std::string named_type = lookup && !lookup->whole && !lookup->codes.empty() ? unicode::fold(lookup->codes.front()) : std::string();
    if (!typed.empty()) {
        std::size_t digits = 0;
        while (digits < typed.size() && typed[digits] >= '0' && typed[digits] <= '9') ++digits;
        if (digits == 0)
            return Error{"bad_parameter",
                         "parameter \"q\" must begin with the digits of a document number, or its type's name and them, such as 126/n or NĐ 15/2"};
        std::string serial = typed.substr(0, digits);
        serial.erase(0, std::min(serial.find_first_not_of('0'), serial.size() - 1));
        // "126/" ends the serial: only 126/...; "12" may go on: 12/..., 126/..., 12a/...
        const bool serial_complete = digits < typed.size() && unicode::folded_word_chars(typed.substr(digits, 1)).empty();
        key_prefix += serial;
        if (serial_complete) key_prefix += '/';
        wanted = unicode::folded_word_chars(serial + typed.substr(digits));
    }

    std::vector<std::pair<std::string, Xapian::doccount>> found;  // key, postings
    for (auto& [key, postings] : number_postings(db, key_prefix, kMaxReferenceTermsScanned))
        if (unicode::folded_word_chars(key).rfind(wanted, 0) == 0) found.emplace_back(key, postings);
    // Rank by postings, then correct the few shown for a document naming its own number.
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (found.size() > 2 * limit + 10) found.resize(2 * limit + 10);
    std::vector<ReferenceCount> listed;
    for (const auto& [key, frequency] : found) {
        const auto number = document_number_from_key(key);
        if (!number) continue;
        ReferenceCount entry{describe_reference(*number), citing_count(db, key), db.get_termfreq(prefixed(schema::kNumberPrefix, key)) > 0};
        if (entry.citing == 0 && typed.empty()) continue;  // "most cited" lists cited numbers
        listed.push_back(std::move(entry));
    }
    const auto of_named_type = [&](const ReferenceCount& entry) {
        const std::string& key = entry.reference.key;
        const std::size_t codes = key.rfind('/');
        return !named_type.empty() && codes != std::string::npos && key.compare(codes + 1, named_type.size() + 1, named_type + "-") == 0;
    };
    // Most documents citing or being it first: a code held article by article ("45/2019/QH14",
    // 220 articles) before a number two documents cite.
    const auto documents = [&](const ReferenceCount& entry) {
        return entry.citing + (entry.in_corpus ? db.get_termfreq(prefixed(schema::kNumberPrefix, entry.reference.key)) : 0);
    };
    std::stable_sort(listed.begin(), listed.end(), [&](const ReferenceCount& a, const ReferenceCount& b) {
        if (of_named_type(a) != of_named_type(b)) return of_named_type(a);
        return documents(a) > documents(b);
    });
    if (listed.size() > limit) listed.resize(limit);
    for (ReferenceCount& entry : listed) entry.reference.canonical = written_form(db, entry.reference.key, entry.reference.canonical);
    return listed;
}

Result<std::vector<RelatedDocument>> related_to_document(const Xapian::Database& db, const Analyzer& analyzer,
                                                         std::string_view id, std::size_t limit) {
    const std::string id_term = prefixed(schema::kIdPrefix, id);
    const auto posting = id.size() <= 245 ? db.postlist_begin(id_term) : db.postlist_end(id_term);
    if (posting == db.postlist_end(id_term)) return Error{"not_found", "no document with id \"" + std::string(id) + "\""};
    Document doc = from_stored_json(db.get_document(*posting).get_data());
    Source source;
    source.docid = *posting;
    source.text = blank_ranges(std::move(doc.text), doc.boilerplate);
    if (const auto number = parse_document_number(doc.number)) source.own_key = number->key();
    source.own_locality = locality_key(doc.locality);
    for (const std::string& canonical : doc.references)  // a document naming its own number does not cite it
        if (const auto number = parse_document_number(canonical); number && number->key() != source.own_key)
            source.references.emplace_back(number->key(), canonical);
    source.cited = cited_numbers(doc);
    source.date = doc.date;
    return related(db, analyzer, source, limit);
}

Result<std::vector<RelatedDocument>> related_to_text(const Xapian::Database& db, const Analyzer& analyzer,
                                                     std::string_view text, std::size_t limit) {
    if (text.size() > kMaxRelatedTextBytes)
        return Error{"payload_too_large", "text is longer than " + std::to_string(kMaxRelatedTextBytes) + " bytes"};
    if (const auto bad = unicode::find_invalid_utf8(text))
        return Error{"bad_parameter", "text is not valid UTF-8 (byte offset " + std::to_string(*bad) + ")"};
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Error{"bad_parameter", "text is empty"};
    std::string nfc = unicode::normalize_nfc(text);
    // As the indexer reads a document: text typed in a legacy font as the Vietnamese it shows
    // (the answer gives no spans of the text, which the conversion would shift)...
    if (std::optional<LegacyFontRepair> repair = from_legacy_fonts(nfc)) nfc = unicode::normalize_nfc(repair->text);
    const Analysis analysis = analyzer.analyze(nfc);
    if (analysis.tokens.empty()) return Error{"bad_parameter", "text has no words"};
    // ...boilerplate left out, the dateline as its date.
    const std::vector<TextRange> boilerplate = find_boilerplate(nfc);
    Source source;
    source.date = find_publication_date(nfc);
    std::set<std::string> seen;
    Document citer;  // the text as a citing document
    citer.date = source.date;
    for (const Reference& reference : extract_references(nfc, analysis.references)) {
        if (in_ranges(boilerplate, reference.begin)) continue;
        const std::string key = reference.number.key();
        if (seen.insert(key).second) source.references.emplace_back(key, reference.number.canonical());
        citer.citations.push_back(
            {reference.number.canonical(), std::string(to_string(reference.relation)), reference.issued, reference.locality, reference.issued_year});
    }
    date_every_mention(citer.citations);
    source.cited = cited_numbers(citer);
    source.text = blank_ranges(std::move(nfc), boilerplate);
    return related(db, analyzer, source, limit);
}

}  // namespace tracuu
