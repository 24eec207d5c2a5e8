/** @file
 * @brief Recognizer for legal document numbers: NUMBER [SEP YEAR] SEP CODE (SEP CODE)*.
 */
#include "analyzers/document_number.hpp"

#include "analyzers/unicode.hpp"

#include <unicode/uchar.h>

#include <string_view>
#include <unordered_map>

namespace tracuu {
namespace {

using unicode::decode_utf8;

// Codes whose canonical spelling is not just the upper-cased ASCII: keys are folded upper case.
const std::unordered_map<std::string, std::string>& canonical_spellings() {
    static const std::unordered_map<std::string, std::string> table = {
        {"QD", "QĐ"},       {"ND", "NĐ"},         {"DA", "ĐA"},         {"CD", "CĐ"},
        {"TTG", "TTg"},     {"HDND", "HĐND"},     {"DU", "ĐU"},         {"BGDDT", "BGDĐT"},
        {"BLDTBXH", "BLĐTBXH"}, {"BKHDT", "BKHĐT"}, {"TLD", "TLĐ"},     {"BCD", "BCĐ"},
        {"SGDDT", "SGDĐT"}, {"DHQG", "ĐHQG"},     {"DTN", "ĐTN"},       {"TTR", "TTr"},
    };
    return table;
}

// Codes that are recognized whatever their case, so a lower-case or mixed-case typing
// ("nq", "TTg") still counts. Folded upper case.
bool is_known_code(const std::string& folded_upper) {
    static const std::unordered_map<std::string, bool> known = [] {
        std::unordered_map<std::string, bool> m;
        for (const char* code :
             {"NQ", "ND", "QD", "TT", "CT", "TB", "KL", "HD", "TTLT", "VBHN", "CV", "BC", "KH", "QC",
              "DA", "CD", "PL", "NQLT", "TTR", "CP", "TTG", "TW", "QH", "UBTVQH", "UBND", "HDND",
              "BCA", "BTC", "BTP", "BYT", "BGDDT", "BLDTBXH", "BNV", "BCT", "BQP", "BKHDT", "BTNMT",
              "BNNPTNT", "BXD", "BGTVT", "BTTTT", "BVHTTDL", "NHNN", "VPCP", "VPQH", "VPTW",
              "TANDTC", "VKSNDTC", "KTNN", "TU", "HU", "DU", "BBT", "UBKTTW", "BTCTW", "BTGTW",
              "BDVTW", "MTTQ", "TLD", "TTCP", "BCD", "BNG", "UBDT", "HDTP"})
            m.emplace(code, true);
        return m;
    }();
    return known.count(folded_upper) != 0;
}

bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

bool is_dash(char32_t cp) {
    switch (cp) {
        case U'-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
        case 0x2212: case 0xFE63: case 0xFF0D:
            return true;
        default:
            return false;
    }
}

bool is_slash(char32_t cp) { return cp == U'/' || cp == 0x2215 || cp == 0x2044 || cp == 0xFF0F; }

bool is_inline_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == 0x00A0; }

enum class Separator { none, slash, dash };

// Type plus issuers: TTLT-BTC-BTP-BCA is about as long as real numbers get.
constexpr std::size_t kMaxCodes = 5;

struct Cursor {
    std::string_view text;
    std::size_t pos;

    [[nodiscard]] bool at_end() const { return pos >= text.size(); }
    [[nodiscard]] char32_t peek() const {
        std::size_t p = pos;
        return decode_utf8(text, p);
    }
    void advance() { (void)decode_utf8(text, pos); }

    // A separator with at most two spaces on either side; reports whether spaces were used.
    Separator separator(bool& spaced) {
        const std::size_t start = pos;
        int spaces = 0;
        while (!at_end() && is_inline_space(peek()) && spaces < 2) { advance(); ++spaces; }
        Separator kind = Separator::none;
        if (!at_end()) {
            const char32_t cp = peek();
            if (is_slash(cp)) kind = Separator::slash;
            if (is_dash(cp)) kind = Separator::dash;
        }
        if (kind == Separator::none) {
            pos = start;
            return kind;
        }
        advance();
        int after = 0;
        while (!at_end() && is_inline_space(peek()) && after < 2) { advance(); ++after; }
        spaced = spaces + after > 0;
        return kind;
    }

    std::string_view digits() {
        const std::size_t start = pos;
        while (!at_end() && is_ascii_digit(peek())) advance();
        return text.substr(start, pos - start);
    }
};

struct Code {
    std::string written;
    std::size_t begin, end;
};

// Letters then optional digits ("QH14"); nullopt when the text there is not code-shaped.
std::optional<Code> read_code(Cursor& c) {
    const std::size_t start = c.pos;
    std::size_t letters = 0;
    while (!c.at_end()) {
        const char32_t cp = c.peek();
        if (!u_isalpha(static_cast<UChar32>(cp))) break;
        c.advance();
        ++letters;
    }
    if (letters == 0) {
        c.pos = start;
        return std::nullopt;
    }
    while (!c.at_end() && is_ascii_digit(c.peek())) c.advance();
    if (!c.at_end() && u_isalnum(static_cast<UChar32>(c.peek()))) {  // "QH14a": not a code
        c.pos = start;
        return std::nullopt;
    }
    if (letters > 12) {
        c.pos = start;
        return std::nullopt;
    }
    return Code{std::string(c.text.substr(start, c.pos - start)), start, c.pos};
}

std::string folded_upper(std::string_view code) {
    std::string s = unicode::fold(code);
    for (char& ch : s)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return s;
}

enum class Casing { upper, lower, mixed };

Casing casing_of(std::string_view code) {
    bool upper = false, lower = false;
    for (std::size_t p = 0; p < code.size();) {
        const auto cp = static_cast<UChar32>(decode_utf8(code, p));
        if (u_isupper(cp)) upper = true;
        if (u_islower(cp)) lower = true;
    }
    if (upper && !lower) return Casing::upper;
    if (lower && !upper) return Casing::lower;
    return Casing::mixed;
}

// Whether a code-shaped word is taken as a code. Upper-case words are codes (UBND, SGDĐT);
// known codes are codes in any case (TTg, nq). An unknown lower-case word is a code only
// after a known one and when nothing was spaced out ("15/2020/nd-cp", "12/ubnd-vp"), so
// that "126 / NQ - Hà" keeps its place name and a URL path "216459/trien-khai" is no number.
bool accept_code(const Code& code, bool spaced, bool first, bool after_known_code) {
    const std::string key = folded_upper(code.written);
    const std::size_t letters = std::min(key.size(), key.find_first_of("0123456789"));
    if (first && letters < 2) return false;
    if (is_known_code(key)) return true;
    switch (casing_of(code.written)) {
        case Casing::upper: return true;
        case Casing::lower: return !first && after_known_code && !spaced;
        case Casing::mixed: return false;
    }
    return false;
}

std::string canonical_code(const std::string& written) {
    const std::string key = folded_upper(written);
    const auto& spellings = canonical_spellings();
    if (const auto it = spellings.find(key); it != spellings.end()) return it->second;
    std::string out;
    for (std::size_t p = 0; p < written.size();)
        unicode::append_utf8(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(decode_utf8(written, p)))));
    return out;
}

// A number glued to a word, or inside a URL, path or file name, is not a document number.
bool starts_inside_a_word_or_path(std::string_view text, std::size_t pos) {
    if (pos == 0) return false;
    std::size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t p = start;
    const auto cp = static_cast<UChar32>(decode_utf8(text, p));
    if (u_isalnum(cp)) return true;
    return cp < 0x80 && std::string_view("/._=&?#%+@\\-").find(static_cast<char>(cp)) != std::string_view::npos;
}

}  // namespace

std::string DocumentNumber::canonical() const {
    std::string out = number;
    if (party_style && codes.size() >= 2) {
        out += '-';
        out += codes[0];
        out += '/';
        for (std::size_t i = 1; i < codes.size(); ++i) {
            if (i > 1) out += '-';
            out += codes[i];
        }
        return out;
    }
    if (year != 0) out += '/' + std::to_string(year);
    out += '/';
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) out += '-';
        out += codes[i];
    }
    return out;
}

std::string DocumentNumber::key() const {
    const std::size_t nonzero = number.find_first_not_of('0');
    std::string out = nonzero == std::string::npos ? std::string("0") : number.substr(nonzero);
    if (year != 0) out += '/' + std::to_string(year);
    out += '/';
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) out += '-';
        out += unicode::fold(codes[i]);
    }
    return out;
}

std::optional<DocumentNumberMatch> match_document_number(std::string_view text, std::size_t pos) {
    Cursor c{text, pos};
    if (c.at_end() || !is_ascii_digit(c.peek()) || starts_inside_a_word_or_path(text, pos)) return std::nullopt;

    DocumentNumberMatch match;
    match.begin = pos;
    const std::string_view number = c.digits();
    if (number.size() > 6 || (!c.at_end() && u_isalpha(static_cast<UChar32>(c.peek()))))
        return std::nullopt;
    match.value.number = std::string(number);
    match.part_spans.emplace_back(pos, c.pos);

    bool spaced = false;
    const Separator first_separator = c.separator(spaced);
    if (first_separator == Separator::none) return std::nullopt;

    if (!c.at_end() && is_ascii_digit(c.peek())) {
        const std::size_t year_begin = c.pos;
        const std::string_view year = c.digits();
        if (year.size() != 4) return std::nullopt;
        const int value = std::stoi(std::string(year));
        if (value < 1945 || value > 2100) return std::nullopt;
        match.value.year = value;
        match.part_spans.emplace_back(year_begin, c.pos);
        bool spaced_again = false;
        if (c.separator(spaced_again) == Separator::none) return std::nullopt;
        spaced = spaced || spaced_again;
    }

    auto code = read_code(c);
    if (!code || !accept_code(*code, spaced, /*first=*/true, false)) return std::nullopt;
    bool after_known_code = is_known_code(folded_upper(code->written));
    match.value.codes.push_back(canonical_code(code->written));
    match.part_spans.emplace_back(code->begin, code->end);
    match.end = c.pos;

    for (;;) {
        const std::size_t before = c.pos;
        bool spaced_here = false;
        if (c.separator(spaced_here) == Separator::none) break;
        auto next = read_code(c);
        if (!next || match.value.codes.size() >= kMaxCodes ||
            !accept_code(*next, spaced || spaced_here, /*first=*/false, after_known_code)) {
            c.pos = before;
            break;
        }
        after_known_code = is_known_code(folded_upper(next->written));
        spaced = spaced || spaced_here;
        match.value.codes.push_back(canonical_code(next->written));
        match.part_spans.emplace_back(next->begin, next->end);
        match.end = c.pos;
    }
    match.value.party_style =
        first_separator == Separator::dash && match.value.year == 0 && match.value.codes.size() >= 2;
    return match;
}

std::optional<DocumentNumber> parse_document_number(std::string_view text) {
    const std::string normalized = unicode::normalize_nfc(text);
    std::string_view view = normalized;
    while (!view.empty() && (view.front() == ' ' || view.front() == '\t')) view.remove_prefix(1);
    while (!view.empty() && (view.back() == ' ' || view.back() == '\t')) view.remove_suffix(1);
    auto match = match_document_number(view, 0);
    if (!match || match->end != view.size()) return std::nullopt;
    return std::move(match->value);
}

std::vector<DocumentNumberMatch> find_document_numbers(std::string_view text) {
    std::vector<DocumentNumberMatch> found;
    for (std::size_t pos = 0; pos < text.size();) {
        if (is_ascii_digit(static_cast<unsigned char>(text[pos]))) {
            if (auto match = match_document_number(text, pos)) {
                pos = match->end;
                found.push_back(std::move(*match));
                continue;
            }
            while (pos < text.size() && is_ascii_digit(static_cast<unsigned char>(text[pos]))) ++pos;
            continue;
        }
        ++pos;
    }
    return found;
}

}  // namespace tracuu
