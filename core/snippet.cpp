/** @file
 * @brief Snippet selection: a fixed-size window with the most distinct matches.
 */
#include "core/snippet.hpp"

#include "analyzers/legal_article.hpp"
#include "core/links.hpp"
#include "core/schema.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

namespace tracuu {
namespace {

struct Match {
    std::size_t begin, end;
    std::string what;     // the query term it matched, for counting distinct ones
    bool phrase = false;  // a quoted phrase, whole
};

// Whether @p m is a quoted phrase found whole (add_phrase_matches), not an article's heading,
// which counts as a phrase too (add_article_headings).
bool is_quoted_phrase(const Match& m) { return m.phrase && m.what.rfind("\"A", 0) != 0; }

// Where each of the query's phrases occurs whole: consecutive syllables (first_per_position,
// as the query took the phrase's) whose folded forms are the phrase's. Marked as one match, so
// that a quotation a journalist checks is shown where the text says it, not where its words are.
// @p syllables: first_per_position of @p analysis.
void add_phrase_matches(const std::vector<const Token*>& syllables, const Highlights& highlights, std::vector<Match>& matches) {
    std::vector<std::vector<std::size_t>> starts(highlights.phrases.size());  // of each phrase, in syllables
    for (std::size_t p = 0; p < highlights.phrases.size(); ++p) {
        const std::vector<std::string>& phrase = highlights.phrases[p];
        if (phrase.empty() || phrase.size() > syllables.size()) continue;
        for (std::size_t i = 0; i + phrase.size() <= syllables.size(); ++i) {
            std::size_t k = 0;
            while (k < phrase.size() && syllables[i + k]->folded == phrase[k]) ++k;
            if (k == phrase.size()) starts[p].push_back(i);
        }
    }
    const auto add = [&](std::size_t p, std::size_t i) {
        std::string what = "\"";  // no query term starts so
        what += std::to_string(p);
        matches.push_back({syllables[i]->begin, syllables[i + highlights.phrases[p].size() - 1]->end, std::move(what), true});
    };
    if (highlights.cut_quotation_gap == 0) {
        for (std::size_t p = 0; p < starts.size(); ++p)
            for (const std::size_t i : starts[p]) add(p, i);
        return;
    }
    // A cut quotation: each chain of its parts in order, one within the gap after the other.
    for (const std::size_t first : starts.empty() ? std::vector<std::size_t>() : starts[0]) {
        std::vector<std::size_t> chain = {first};
        for (std::size_t p = 1; p < starts.size(); ++p) {
            const std::size_t after = chain.back() + highlights.phrases[p - 1].size();
            const auto next = std::lower_bound(starts[p].begin(), starts[p].end(), after);
            if (next == starts[p].end() || *next > after + highlights.cut_quotation_gap) break;
            chain.push_back(*next);
        }
        if (chain.size() < starts.size()) continue;
        for (std::size_t p = 0; p < chain.size(); ++p) add(p, chain[p]);
    }
}

// Where an article the query names opens a line ("Điều 173. Tội trộm cắp tài sản" in a whole
// code): "Điều 173" marked, and counted as a phrase, so that the window shows the article, not
// "tại Điều 173 của Bộ luật này" in another one.
void add_article_headings(const Analysis& analysis, const Highlights& highlights, std::vector<Match>& matches) {
    if (highlights.articles.empty()) return;
    const std::string_view text = analysis.text;
    for (std::size_t line = 0; line < text.size();) {
        const std::size_t end = std::min(text.find('\n', line), text.size());
        const std::string_view opening = text.substr(line, std::min<std::size_t>(end - line, 32));
        if (const std::string article = article_opening(opening); !article.empty() && highlights.articles.count(article)) {
            // The heading's tokens: "Điều" and its number.
            const auto first = std::lower_bound(analysis.tokens.begin(), analysis.tokens.end(), line,
                                                [](const Token& t, std::size_t offset) { return t.begin < offset; });
            if (first != analysis.tokens.end() && first + 1 != analysis.tokens.end() && (first + 1)->end <= end)
                matches.push_back({first->begin, (first + 1)->end, "\"A" + article, true});
        }
        line = end + 1;
    }
}

std::vector<Match> find_matches(const Analysis& analysis, const Highlights& highlights, const TermMapper& terms) {
    std::vector<Match> matches;
    // The text is analyzed without word segmentation (the costliest step, and a snippet needs
    // it only for marks): a query word of several syllables is found as the longest run of
    // syllables that may join as a word, whose joined form the query has, and marked as one.
    constexpr std::size_t kLongestWord = 5;
    const std::vector<Token>& tokens = analysis.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::word) continue;
        std::string joined = tokens[i].folded, word;
        std::size_t run_end = i;
        for (std::size_t j = i + 1; j < tokens.size() && j - i < kLongestWord; ++j) {
            if (tokens[j].kind != TokenKind::word || !may_join_as_word(analysis.text, tokens[j - 1], tokens[j])) break;
            joined.append("_").append(tokens[j].folded);
            if (highlights.folded.count(joined)) {
                run_end = j;
                word = joined;
            } else if (const auto prefix = std::find_if(highlights.prefixes.begin(), highlights.prefixes.end(),
                                                        [&](const std::string& p) {
                                                            return p.find('_') != std::string::npos && joined.rfind(p, 0) == 0 &&
                                                                   std::count(p.begin(), p.end(), '_') == static_cast<std::ptrdiff_t>(j - i);
                                                        });
                       prefix != highlights.prefixes.end()) {
                run_end = j;  // a word being typed: "thi hà*" marks "thi hành" whole
                word = *prefix + "*";
            }
        }
        if (run_end == i) continue;
        matches.push_back({tokens[i].begin, tokens[run_end].end, std::move(word)});
        i = run_end;
    }
    // The syllables of the query's words that this text does not write whole: marked alone.
    std::set<std::string_view> syllables_apart;
    for (const auto& [word, syllables] : highlights.word_syllables)
        if (std::none_of(matches.begin(), matches.end(), [&](const Match& m) { return m.what == word; }))
            syllables_apart.insert(syllables.begin(), syllables.end());
    const auto marked_alone = [&](const std::string& folded) { return highlights.folded.count(folded) > 0 || syllables_apart.count(folded) > 0; };
    for (const ReferenceMention& mention : analysis.references) {
        const std::string key = mention.number.key();
        if (highlights.references.count(key)) {
            matches.push_back({mention.begin, mention.end, "R" + key});
        } else if (const auto prefix = std::find_if(highlights.reference_prefixes.begin(), highlights.reference_prefixes.end(),
                                                    [&](const std::string& p) { return key.rfind(p, 0) == 0; });
                   prefix != highlights.reference_prefixes.end()) {
            matches.push_back({mention.begin, mention.end, "R" + *prefix});
        }
    }
    // A word typed with diacritics marks the text's words written so or without any; another
    // that folds alike ("báo" for "bão") only where the text never writes it as typed. It
    // matched the query all the same, but it is not what the reader asked for. So does a word
    // without diacritics in a query typed with them ("tai" of "tai nạn" and "tải"); in a query
    // typed without any, it stands for every form.
    const auto as_typed = [&](const Token& token) {
        const auto forms = highlights.typed_forms.find(token.folded);
        return forms == highlights.typed_forms.end() || !token.has_diacritics() || forms->second.count(token.exact) > 0 ||
               (!highlights.typed_with_diacritics && forms->second.count(token.folded) > 0);
    };
    std::set<std::string_view> written_as_typed;
    for (const Token& token : analysis.tokens)
        if (marked_alone(token.folded) && as_typed(token)) written_as_typed.insert(token.folded);
    for (const Token& token : analysis.tokens) {
        std::string what;
        if (marked_alone(token.folded)) {
            if (as_typed(token) || !written_as_typed.count(token.folded)) what = token.folded;
        } else if (const auto prefix = std::find_if(highlights.prefixes.begin(), highlights.prefixes.end(),
                                                    [&](const std::string& p) { return token.folded.rfind(p, 0) == 0; });
                   prefix != highlights.prefixes.end()) {
            what = *prefix + "*";
        } else if (!highlights.stems.empty()) {
            const std::string stem = terms.stem_term(token);
            if (!stem.empty() && highlights.stems.count(stem.substr(schema::kStemPrefix.size()))) what = stem;
        }
        if (!what.empty()) matches.push_back({token.begin, token.end, std::move(what)});
    }
    // "lawmaking" asked for marks "law-making", which its stem matched (TermMapper::hyphenated_stem_term).
    if (!highlights.stems.empty())
        for (std::size_t i = 1; i < analysis.tokens.size(); ++i) {
            const std::string stem = terms.hyphenated_stem_term(analysis.text, analysis.tokens[i - 1], analysis.tokens[i]);
            if (!stem.empty() && highlights.stems.count(stem.substr(schema::kStemPrefix.size())))
                matches.push_back({analysis.tokens[i - 1].begin, analysis.tokens[i].end, stem});
        }
    const std::vector<const Token*> syllables = first_per_position(analysis);
    // "email" asked for marks "e-mail", which the index holds as "email" too (core/terms.hpp).
    if (!highlights.folded.empty())
        for (const HyphenatedWord& word : hyphenated_words(analysis.text, syllables, analysis.references))
            if (highlights.folded.count(word.joined)) matches.push_back({syllables[word.first]->begin, syllables[word.last]->end, word.joined});
    add_phrase_matches(syllables, highlights, matches);
    add_article_headings(analysis, highlights, matches);
    if (!highlights.dates.empty())
        for (const DateMention& date : date_mentions(analysis.text))
            if (highlights.dates.count(date.iso)) matches.push_back({date.begin, date.end, "D" + date.iso});
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    // Drop matches nested in an earlier one (a number's parts inside the whole number).
    std::vector<Match> merged;
    for (Match& m : matches)
        if (merged.empty() || m.begin >= merged.back().end) merged.push_back(std::move(m));
    return merged;
}

void append_escaped(std::string& out, std::string_view text) {
    bool in_space = false;
    for (const char c : text) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            if (!in_space) out.push_back(' ');
            in_space = true;
            continue;
        }
        in_space = false;
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out.push_back(c);
        }
    }
}

// The text analyzed as find_matches needs it.
Analysis analyze_for_marks(std::string_view text, const Analyzer& analyzer) {
    AnalyzerOptions syllables_only = analyzer.options();
    syllables_only.words = false;  // see find_matches
    return Analyzer(syllables_only).analyze(text);
}

bool in_any(const std::vector<TextRange>& ranges, std::size_t offset) {
    return std::any_of(ranges.begin(), ranges.end(), [&](const TextRange& r) { return offset >= r.begin && offset < r.end; });
}

// The matches a reader is shown: none in boilerplate, and, if @p words_without_phrase, where a
// text says no quoted phrase whole, the phrase's words where they are (a snippet of a document
// found by its title's phrase shows why; the whole text marks the phrase whole or not at all).
std::vector<Match> visible_matches(const Analysis& analysis, const Highlights& highlights, const TermMapper& terms,
                                   const std::vector<TextRange>& boilerplate, bool words_without_phrase) {
    const auto visible = [&](const Highlights& marked) {
        std::vector<Match> found = find_matches(analysis, marked, terms);
        found.erase(std::remove_if(found.begin(), found.end(), [&](const Match& m) { return in_any(boilerplate, m.begin); }),
                    found.end());
        return found;
    };
    std::vector<Match> matches = visible(highlights);
    if (words_without_phrase && !highlights.phrase_words.empty() && std::none_of(matches.begin(), matches.end(), is_quoted_phrase)) {
        Highlights with_words = highlights;
        with_words.folded.insert(highlights.phrase_words.begin(), highlights.phrase_words.end());
        matches = visible(with_words);
    }
    return matches;
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::vector<TextRange> find_marks(std::string_view text, const Highlights& highlights, const Analyzer& analyzer,
                                  const TermMapper& terms, const std::vector<TextRange>& boilerplate) {
    const Analysis analysis = analyze_for_marks(text, analyzer);
    std::vector<TextRange> marks;
    for (const Match& m : visible_matches(analysis, highlights, terms, boilerplate, false))
        marks.push_back({static_cast<std::uint32_t>(m.begin), static_cast<std::uint32_t>(m.end)});
    return marks;
}

std::string make_snippet(std::string_view text, const Highlights& highlights, const Analyzer& analyzer,
                         const TermMapper& terms, const std::vector<TextRange>& boilerplate, std::size_t max_bytes) {
    const Analysis analysis = analyze_for_marks(text, analyzer);
    const std::string_view normalized = analysis.text;
    const auto in_boilerplate = [&](std::size_t offset) { return in_any(boilerplate, offset); };
    std::vector<Match> matches = visible_matches(analysis, highlights, terms, boilerplate, true);

    // Where a window shown for the match at @p anchor starts: a little before it, at a token
    // start or a line start.
    const auto lead_in_start = [&](std::size_t anchor) {
        const std::size_t start = anchor - std::min<std::size_t>(anchor, max_bytes / 5);
        if (const std::size_t line = normalized.rfind('\n', anchor); line != std::string_view::npos && line >= start)
            return line + 1;
        const auto token = std::lower_bound(analysis.tokens.begin(), analysis.tokens.end(), start,
                                            [](const Token& t, std::size_t offset) { return t.begin < offset; });
        return token != analysis.tokens.end() && token->begin <= anchor ? token->begin : anchor;
    };

    // Window start: the match whose window covers the most distinct phrases whole, then the
    // most distinct query words of several syllables, document numbers and dates whole, then
    // the most distinct query terms, then the most matches. Words before terms: for "quy dinh xu ly", "Quy định …
    // xử lý" is what was asked, not "xử lý" among a "quy" of "quy phạm" and a "định" of
    // "xác định", though those count more distinct syllables. The window counted is the one shown,
    // lead-in included: counting from the match itself, a quotation near the window's end
    // won the window and was then cut off by the lead-in (the quote checked, hidden).
    std::size_t best_first = 0;
    std::tuple<std::size_t, std::size_t, std::size_t, std::size_t> best{0, 0, 0, 0};
    for (std::size_t i = 0; i < matches.size(); ++i) {
        std::set<std::string_view> seen, phrases, words;
        const std::size_t window_end = lead_in_start(matches[i].begin) + max_bytes;
        std::size_t j = i;
        for (; j < matches.size() && matches[j].end <= window_end; ++j) {
            const std::string_view what = matches[j].what;
            seen.insert(what);
            if (matches[j].phrase) phrases.insert(what);
            // A word counts for its syllables too: "Nghị quyết" beside "126" holds all three
            // of "nghi quyet 126", not one query term fewer than "biểu quyết … QUYẾT NGHỊ".
            if (what.front() == 'R' || what.front() == 'D') {  // a document number, a date (find_matches)
                words.insert(what);
            } else if (what.find('_') != std::string_view::npos) {
                words.insert(what);
                for (std::size_t start = 0; start <= what.size();) {
                    const std::size_t stop = std::min(what.find('_', start), what.size());
                    seen.insert(what.substr(start, stop - start));
                    start = stop + 1;
                }
            }
        }
        const std::tuple<std::size_t, std::size_t, std::size_t, std::size_t> score{phrases.size(), words.size(), seen.size(), j - i};
        if (score > best) {
            best_first = i;
            best = score;
        }
    }

    // An article the query names opens the snippet with its heading and first words: that is
    // what the lawyer asked for, whatever else the text around it matches.
    const auto heading = std::find_if(matches.begin(), matches.end(), [](const Match& m) { return m.what.rfind("\"A", 0) == 0; });
    if (heading != matches.end()) best_first = static_cast<std::size_t>(heading - matches.begin());

    std::size_t begin = matches.empty() ? 0 : lead_in_start(matches[best_first].begin);
    // Near the end of the text, the window reaches back instead: a signature's name ("Cao
    // Tường Huy") alone says nothing of what he signed.
    if (!matches.empty() && normalized.size() - begin < max_bytes) {
        const std::size_t earliest = normalized.size() > max_bytes ? normalized.size() - max_bytes : 0;
        const auto token = std::lower_bound(analysis.tokens.begin(), analysis.tokens.end(), earliest,
                                            [](const Token& t, std::size_t offset) { return t.begin < offset; });
        if (token != analysis.tokens.end() && token->begin < begin) begin = token->begin;
    }
    while (begin < normalized.size() &&
           (normalized[begin] == ' ' || normalized[begin] == '\n' || normalized[begin] == '\r' || in_boilerplate(begin)))
        ++begin;

    // The text from there, max_bytes of it, stepping over boilerplate (a share bar, a photo
    // credit, a hotline footer): kept out of the ranking, and out of what a reader is shown.
    std::vector<TextRange> skipped = boilerplate;
    std::sort(skipped.begin(), skipped.end(), [](const TextRange& a, const TextRange& b) { return a.begin < b.begin; });
    std::vector<std::pair<std::size_t, std::size_t>> pieces;
    std::size_t pos = begin, room = max_bytes;
    bool cut = false;
    auto next_skipped = skipped.begin();
    while (pos < normalized.size() && room > 0) {
        while (next_skipped != skipped.end() && next_skipped->end <= pos) ++next_skipped;
        if (next_skipped != skipped.end() && next_skipped->begin <= pos) {
            pos = next_skipped->end;
            continue;
        }
        if (normalized[pos] == ' ' || normalized[pos] == '\n' || normalized[pos] == '\r') {
            ++pos;
            continue;
        }
        const std::size_t stop = next_skipped == skipped.end() ? normalized.size() : next_skipped->begin;
        std::size_t end = stop;
        if (stop - pos > room) {
            // End on a token boundary so no word or UTF-8 sequence is cut.
            end = pos + room;
            std::size_t last_end = pos;
            for (const Token& token : analysis.tokens) {
                if (token.begin < pos) continue;
                if (token.end > end) break;
                last_end = token.end;
            }
            end = last_end > pos ? last_end : end;
            while (end > pos && (static_cast<unsigned char>(normalized[end]) & 0xC0) == 0x80) --end;
            cut = true;
        }
        while (end > pos && (normalized[end - 1] == ' ' || normalized[end - 1] == '\n' || normalized[end - 1] == '\r')) --end;
        if (end > pos) pieces.emplace_back(pos, end);
        room -= std::min(room, end - pos);
        pos = cut ? end : stop;
        if (cut) break;
    }
    // Whether any word is left after the last piece, outside boilerplate.
    const std::size_t shown_end = pieces.empty() ? begin : pieces.back().second;
    const bool more = std::any_of(analysis.tokens.begin(), analysis.tokens.end(),
                                  [&](const Token& t) { return t.begin >= shown_end && !in_boilerplate(t.begin); });

    std::string out;
    if (begin > 0) out += "… ";
    auto match = matches.begin();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const auto [piece_begin, piece_end] = pieces[i];
        if (i > 0) out += ' ';
        std::size_t at = piece_begin;
        for (; match != matches.end() && match->begin < piece_end; ++match) {
            if (match->begin < piece_begin || match->end > piece_end) continue;
            append_escaped(out, normalized.substr(at, match->begin - at));
            out += "<mark>";
            append_escaped(out, normalized.substr(match->begin, match->end - match->begin));
            out += "</mark>";
            at = match->end;
        }
        append_escaped(out, normalized.substr(at, piece_end - at));
    }
    if (more) out += " …";
    return out;
}

}  // namespace tracuu
