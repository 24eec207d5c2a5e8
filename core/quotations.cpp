/** @file
 * @brief Quoted passages of a text (see quotations.hpp).
 */
#include "core/quotations.hpp"

#include "analyzers/unicode.hpp"

#include <string>

namespace tracuu {
namespace {

constexpr char32_t kLeftDouble = 0x201C, kRightDouble = 0x201D, kLeftSingle = 0x2018, kRightSingle = 0x2019;

bool is_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

char32_t code_point_at(std::string_view text, std::size_t pos) {
    return pos < text.size() ? unicode::decode_utf8(text, pos) : U'\0';
}

// What a single quotation opens after: the start, a space, an opening bracket, a dash, a
// colon, or a query's sign ("+'res judicata'", "title:'…'").
bool opens_after(char32_t previous) {
    return previous == U'\0' || previous == U' ' || previous == U'\t' || previous == U'\n' || previous == U'\r' ||
           previous == U'(' || previous == U'[' || previous == U'{' || previous == 0x2014 || previous == 0x2013 ||
           previous == 0x00A0 || previous == U':' || previous == U'+' || previous == U'-';
}

// "'90s", "‘60s": a decade, the apostrophe of its elided century, as autocorrect curls it.
bool is_decade_at(std::string_view text, std::size_t pos) {
    std::size_t digits = 0;
    while (pos < text.size() && is_digit(static_cast<unsigned char>(text[pos]))) ++pos, ++digits;
    return digits == 2 && pos < text.size() && text[pos] == 's' && !unicode::is_word_char(code_point_at(text, pos + 1));
}

}  // namespace

std::vector<TextRange> find_quotations(std::string_view text) {
    enum class Open { none, straight_double, curly_double, single };
    std::vector<TextRange> spans;
    Open open = Open::none;
    std::size_t open_at = 0;           // byte after the opening quote
    char32_t single_opener = 0;        // the quote a single quotation opened with
    std::size_t no_single_before = 0;  // single quotes before it opened nothing that closed
    char32_t previous = U'\0';
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t here = pos;
        const char32_t cp = unicode::decode_utf8(text, pos);
        const char32_t before = previous;
        previous = cp;
        const bool single_quote = cp == kLeftSingle || cp == kRightSingle || cp == U'\'';
        if (open == Open::single) {
            const char32_t closing = single_opener == U'\'' ? U'\'' : kRightSingle;
            if (cp == closing && !opens_after(before) && !unicode::is_word_char(code_point_at(text, pos))) {
                spans.push_back({static_cast<std::uint32_t>(open_at), static_cast<std::uint32_t>(here)});
                open = Open::none;
            } else if (cp == U'\n' || pos == text.size()) {
                // Closed on no line: an apostrophe, not a quotation. Read on after it, the other
                // single quotes of its line as apostrophes: none of them finds a closing one either.
                no_single_before = cp == U'\n' ? here : text.size();
                open = Open::none;
                pos = open_at;
                previous = single_opener;
            }
            continue;
        }
        if (open != Open::none) {
            if ((open == Open::straight_double && cp == U'"') || (open == Open::curly_double && cp == kRightDouble)) {
                spans.push_back({static_cast<std::uint32_t>(open_at), static_cast<std::uint32_t>(here)});
                open = Open::none;
            }
            continue;
        }
        if (cp == U'"' || cp == kLeftDouble) {
            open = cp == U'"' ? Open::straight_double : Open::curly_double;
            open_at = pos;
        } else if (single_quote && cp != kRightSingle && here >= no_single_before && opens_after(before) &&
                   unicode::is_word_char(code_point_at(text, pos)) && !is_decade_at(text, pos)) {
            open = Open::single;
            open_at = pos;
            single_opener = cp;
        }
    }
    return spans;
}

std::vector<std::size_t> ellipses_in(std::string_view passage) {
    std::vector<std::size_t> cuts;
    for (std::size_t pos = 0; pos < passage.size();) {
        if (passage.compare(pos, 3, "\u2026") == 0) {
            cuts.push_back(pos);
            pos += 3;
        } else if (passage.compare(pos, 3, "...") == 0) {
            cuts.push_back(pos);
            pos = passage.find_first_not_of('.', pos);
            if (pos == std::string_view::npos) break;
        } else {
            ++pos;
        }
    }
    return cuts;
}

}  // namespace tracuu
