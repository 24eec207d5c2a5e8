/** @file
 * @brief Tokenizer and language guess.
 *
 * Hand-written over ICU character properties rather than ICU's word BreakIterator: the
 * break iterator splits "126/NQ-CP" and "14/8/2023", which must stay identifiers, and
 * costs several times more per byte.
 */
#include "analyzers/analyzer.hpp"

#include "analyzers/unicode.hpp"

#include <unicode/uchar.h>

#include <string_view>
#include <unordered_set>

namespace tracuu {
namespace {

using unicode::decode_utf8;

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9');
    const auto c = static_cast<UChar32>(cp);
    if (u_isalnum(c)) return true;
    const auto type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }
bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == 0x2019; }

char32_t peek(std::string_view text, std::size_t pos) {
    return pos < text.size() ? decode_utf8(text, pos) : 0;
}

class Tokenizer {
public:
    Tokenizer(Analysis& out, std::uint32_t first_position) : out_(out), position_(first_position) {}

    void run() {
        const std::string_view text = out_.text;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t next = pos;
            const char32_t cp = decode_utf8(text, next);
            if (is_ascii_digit(cp)) {
                if (auto match = match_document_number(text, pos)) {
                    emit_reference(*match);
                    pos = match->end;
                    continue;
                }
            }
            if (is_word_char(cp)) {
                pos = scan_word(pos);
                continue;
            }
            pos = next;
        }
    }

private:
    void emit(std::size_t begin, std::size_t end, TokenKind kind, std::uint32_t position) {
        if (end - begin > Analyzer::kMaxTokenBytes) return;
        const std::string_view raw = std::string_view(out_.text).substr(begin, end - begin);
        Token token{std::string(), std::string(), position, static_cast<std::uint32_t>(begin),
                    static_cast<std::uint32_t>(end), kind};
        bool ascii = true;
        token.exact.reserve(raw.size());
        for (std::size_t p = 0; p < raw.size();) {
            char32_t cp = decode_utf8(raw, p);
            if (cp >= 0x80) ascii = false;
            if (cp == 0x2019) cp = U'\'';
            unicode::append_utf8(token.exact, unicode::fold_case(cp));
        }
        if (ascii) {
            token.folded = token.exact;
        } else {
            token.exact = unicode::canonical_tone_placement(token.exact);
            token.folded = unicode::fold(token.exact);
        }
        out_.tokens.push_back(std::move(token));
    }

    void emit_reference(const DocumentNumberMatch& match) {
        const std::uint32_t first = position_;
        for (std::size_t i = 0; i < match.part_spans.size(); ++i) {
            const auto [begin, end] = match.part_spans[i];
            const bool is_number = i == 0 || (i == 1 && match.value.year != 0);
            emit(begin, end, is_number ? TokenKind::number : TokenKind::word, position_++);
        }
        out_.references.push_back(ReferenceMention{match.value, static_cast<std::uint32_t>(match.begin),
                                                   static_cast<std::uint32_t>(match.end), first});
    }

    // A run of word characters; digit groups joined by . , : / - stay one token
    // ("14/8/2023", "1.000.000"), and date-like groups also index their parts.
    std::size_t scan_word(std::size_t start) {
        const std::string_view text = out_.text;
        std::size_t pos = start;
        bool all_digits = true;
        bool grouped = false;
        bool has_part_separators = false;
        std::vector<std::pair<std::size_t, std::size_t>> parts;
        std::size_t part_begin = start;
        for (;;) {
            while (pos < text.size()) {
                std::size_t next = pos;
                const char32_t cp = decode_utf8(text, next);
                if (!is_word_char(cp)) {
                    // Keep "people's", "don't" together: an apostrophe between letters.
                    if (is_apostrophe(cp) && !all_digits && is_word_char(peek(text, next)) &&
                        !is_ascii_digit(peek(text, next))) {
                        pos = next;
                        continue;
                    }
                    break;
                }
                if (!is_ascii_digit(cp)) all_digits = false;
                pos = next;
            }
            if (!all_digits || pos >= text.size()) break;
            const char sep = text[pos];
            const bool joins = sep == '.' || sep == ',' || sep == ':' || sep == '/' || sep == '-';
            if (!joins || !is_ascii_digit(peek(text, pos + 1))) break;
            parts.emplace_back(part_begin, pos);
            has_part_separators = has_part_separators || sep == '/' || sep == '-';
            grouped = true;
            pos += 1;
            part_begin = pos;
        }
        const std::uint32_t position = position_++;
        emit(start, pos, all_digits ? TokenKind::number : TokenKind::word, position);
        if (grouped && has_part_separators) {
            parts.emplace_back(part_begin, pos);
            for (const auto& [b, e] : parts) emit(b, e, TokenKind::number, position);
        }
        return pos;
    }

    Analysis& out_;
    std::uint32_t position_;
};

}  // namespace

Analysis Analyzer::analyze(std::string_view text, std::uint32_t first_position) const {
    Analysis analysis;
    analysis.text = unicode::normalize_nfc(text);
    analysis.tokens.reserve(analysis.text.size() / 5);
    Tokenizer(analysis, first_position).run();
    return analysis;
}

std::string detect_language(const Analysis& analysis) {
    // Function words that make up a large share of any running text in each language;
    // the Vietnamese ones are folded so that text typed without diacritics still counts.
    static const std::unordered_set<std::string> english = {
        "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by",
        "be", "are", "this", "it", "from", "at", "an", "which", "or", "have", "has", "were", "not"};
    static const std::unordered_set<std::string> vietnamese = {
        "va", "cua", "cac", "duoc", "trong", "la", "cho", "nhung", "nguoi", "voi", "khong",
        "nay", "mot", "theo", "ve", "tai", "da", "nhieu", "tu", "den", "cung", "khi", "nhu"};
    std::size_t vi = 0, en = 0;
    for (const Token& token : analysis.tokens) {
        if (token.kind != TokenKind::word) continue;
        if (token.has_diacritics()) {
            for (std::size_t p = 0; p < token.exact.size();) {
                if (unicode::is_vietnamese_letter(decode_utf8(token.exact, p))) {
                    ++vi;
                    break;
                }
            }
            continue;
        }
        if (english.count(token.folded)) ++en;
        else if (vietnamese.count(token.folded)) ++vi;
    }
    if (vi == 0 && en == 0) return "";
    return vi > en ? "vi" : "en";
}

}  // namespace tracuu
