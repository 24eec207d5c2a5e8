/** @file
 * @brief Boilerplate lines by small rules on the folded line (lower case, no diacritics).
 */
#include "core/boilerplate.hpp"

#include "analyzers/unicode.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace tracuu {
namespace {

// Footers (hotline, e-mail) only count near the end: an address quoted in the body is content.
constexpr std::size_t kTailLines = 5;
// A caption marker or label line longer than this is a sentence, not a marker.
constexpr std::size_t kMaxMarkerBytes = 160;
// A footer line longer than this is a paragraph that mentions a hotline or an address, as
// news about a hotline does, or an article that is one long line: content.
constexpr std::size_t kMaxFooterBytes = 320;
// Digits of the shortest phone number a footer gives (1900 1234).
constexpr std::size_t kMinPhoneDigits = 8;
// A "Bạn đang đọc bài viết "<headline>" tại chuyên mục …" footer repeats the headline and
// adds its contacts: longer than other footers, but its opening says what it is.
constexpr std::size_t kMaxReadingFooterBytes = 640;
// A share bar is a few buttons: "Chia sẻ Facebook Zalo", "Share | Tweet | Print".
constexpr std::size_t kMaxShareBarBytes = 100;

struct Line {
    std::size_t begin;
    std::size_t end;
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// "comment (0)", "binh luan (12)": a label and a count in parentheses.
bool is_counter(std::string_view folded) {
    static constexpr std::array<std::string_view, 5> labels = {"comments", "comment", "binh luan", "y kien", "likes"};
    for (const std::string_view label : labels) {
        if (!starts_with(folded, label)) continue;
        std::string_view rest = folded.substr(label.size());
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        if (rest.size() < 3 || rest.front() != '(' || rest.back() != ')') return false;
        rest = rest.substr(1, rest.size() - 2);
        return !rest.empty() && std::all_of(rest.begin(), rest.end(), [](unsigned char c) { return std::isdigit(c); });
    }
    return false;
}

bool has_email_address(std::string_view s) {
    for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
        const bool user = at > 0 && (std::isalnum(static_cast<unsigned char>(s[at - 1])) || s[at - 1] == '.' || s[at - 1] == '_');
        const std::size_t dot = s.find('.', at);
        const std::size_t space = s.find(' ', at);
        if (user && at + 1 < s.size() && std::isalnum(static_cast<unsigned char>(s[at + 1])) &&
            dot != std::string_view::npos && (space == std::string_view::npos || dot < space))
            return true;
    }
    return false;
}

// Whether @p line begins with @p prefix (lower case), ignoring case but not diacritics:
// "Ảnh: TTXVN" credits a photo, "Anh: ..." heads news from Britain.
bool starts_with_ignoring_case(std::string_view line, std::u32string_view prefix) {
    std::size_t pos = 0;
    for (const char32_t c : prefix)
        if (pos >= line.size() || unicode::fold_case(unicode::decode_utf8(line, pos)) != c) return false;
    return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A Vietnamese phone number: digits in groups split by one or two of " .-()", starting with 0
// or 1 (0912 345 678, 1900.1234, (0241).3837223) or after a + (+84 912 345 678). Not years:
// "năm học 2017 - 2018".
bool has_phone_number(std::string_view s) {
    constexpr std::string_view separators = " .-()";
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) continue;
        if (s[i] != '0' && s[i] != '1' && (i == 0 || s[i - 1] != '+')) continue;
        std::size_t digits = 0, run = 0;
        for (std::size_t j = i; j < s.size(); ++j) {
            if (is_digit(s[j])) {
                ++digits;
                run = 0;
            } else if (separators.find(s[j]) == std::string_view::npos || ++run > 2) {
                break;
            }
        }
        if (digits >= kMinPhoneDigits) return true;
    }
    return false;
}

// "Hotline: 0903 781 209", "Đường dây nóng: 1900.1234": a hotline named, then its number.
bool gives_hotline(std::string_view folded) {
    for (const std::string_view name : {std::string_view("hotline"), std::string_view("duong day nong")})
        if (const std::size_t at = folded.find(name); at != std::string_view::npos && has_phone_number(folded.substr(at)))
            return true;
    return false;
}

// "Chia sẻ Facebook", "Like 12 | Share", "In bài viết - Gửi email": a line made only of
// buttons (and their counts) that names a network or a share, like, print or save action.
// Every word must be a button word, so "Chia sẻ với phóng viên, ông Bình…" stays content.
bool is_share_bar(std::string_view folded) {
    static constexpr std::array<std::string_view, 18> networks = {
        "facebook", "fb", "zalo", "twitter", "tweet", "linkedin", "pinterest", "telegram", "messenger",
        "whatsapp", "viber", "reddit", "tumblr", "google+", "email", "e-mail", "gmail", "skype"};
    static constexpr std::array<std::string_view, 12> actions = {
        "chia se", "share", "shares", "like", "likes", "thich", "print", "in bai", "luu bai", "save", "copy link", "sao chep"};
    // Words buttons are made of besides those: "Gửi bài viết qua email", "Share on Facebook".
    static constexpr std::array<std::string_view, 23> other_button_words = {
        "chia", "se", "in", "bai", "viet", "gui", "luu", "copy", "link", "lien", "ket", "binh", "luan",
        "comment", "comments", "google", "send", "on", "this", "article", "via", "len", "qua"};
    if (folded.size() > kMaxShareBarBytes) return false;
    bool names_network = false;
    std::string words;  // the button words, one space apart, to look for two-word actions
    for (std::size_t pos = 0; pos < folded.size();) {
        // A word is letters and digits with '+' or '-' inside ("google+", "e-mail"); the rest
        // (spaces, bars, bullets, brackets) only separates buttons.
        const std::size_t start = pos;
        std::size_t end = pos;
        while (pos < folded.size()) {
            const char32_t cp = unicode::decode_utf8(folded, pos);
            if (!unicode::is_word_char(cp) && !((cp == '+' || cp == '-') && end > start)) break;
            end = pos;
        }
        if (end == start) continue;
        std::string_view word = folded.substr(start, end - start);
        if (word.back() == '-') word.remove_suffix(1);
        if (std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); })) continue;  // a count
        const bool network = std::find(networks.begin(), networks.end(), word) != networks.end();
        const bool button = network || std::find(actions.begin(), actions.end(), word) != actions.end() ||
                            std::find(other_button_words.begin(), other_button_words.end(), word) != other_button_words.end();
        if (!button) return false;
        names_network |= network;
        if (!words.empty()) words += ' ';
        words += word;
    }
    if (names_network) return true;
    for (const std::string_view action : actions)
        for (std::size_t at = words.find(action); at != std::string::npos; at = words.find(action, at + 1))
            if ((at == 0 || words[at - 1] == ' ') && (at + action.size() == words.size() || words[at + action.size()] == ' '))
                return true;
    return false;
}

// "Bạn đang đọc bài viết "…" tại chuyên mục …": the page tells the reader where they are.
bool is_reading_footer(std::string_view folded) {
    return starts_with(folded, "ban dang doc bai viet") || starts_with(folded, "ban dang xem bai viet");
}

bool is_boilerplate(std::string_view line, std::string_view folded, bool in_tail) {
    // Lone buttons ("Chia sẻ", "Share", "Tweet", "In bài viết") are share bars.
    static constexpr std::array<std::string_view, 5> whole_lines = {"source", "nguon", "illustration photo", "anh minh hoa",
                                                                    "photo illustration"};
    if (std::find(whole_lines.begin(), whole_lines.end(), folded) != whole_lines.end()) return true;
    if (is_counter(folded) || is_share_bar(folded) || is_reading_footer(folded)) return true;
    if (folded.size() <= kMaxMarkerBytes) {
        static constexpr std::array<std::string_view, 6> markers = {
            "illustration photo", "anh minh hoa", "(anh minh hoa", "photo:", "photo credit", "source: http"};
        for (const std::string_view marker : markers)
            if (starts_with(folded, marker)) return true;
        if (starts_with_ignoring_case(line, U"ảnh:") || starts_with_ignoring_case(line, U"(ảnh:")) return true;
        if (starts_with(folded, "nguon: http") || starts_with(folded, "hotline") || starts_with(folded, "email:") ||
            starts_with(folded, "e-mail:"))
            return true;
    }
    return in_tail && line.size() <= kMaxFooterBytes && (gives_hotline(folded) || has_email_address(folded));
}

}  // namespace

std::vector<TextRange> find_boilerplate(std::string_view text) {
    std::vector<Line> lines;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::size_t begin = pos;
        std::size_t end = eol;
        while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
        while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
        if (end > begin) lines.push_back({begin, end});
        pos = eol + 1;
    }
    std::vector<TextRange> ranges;
    // The first line is the headline, whatever it starts with ("Ảnh: ..." for a photo story).
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const bool in_tail = i + kTailLines >= lines.size();
        const std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
        // Folding costs; only short lines can be boilerplate.
        if (line.size() > (in_tail ? kMaxReadingFooterBytes : kMaxMarkerBytes)) continue;
        if (is_boilerplate(line, unicode::fold(line), in_tail))
            ranges.push_back({static_cast<std::uint32_t>(lines[i].begin), static_cast<std::uint32_t>(lines[i].end)});
    }
    return ranges;
}

bool in_ranges(const std::vector<TextRange>& ranges, std::size_t offset) {
    const auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                                     [](std::size_t value, const TextRange& range) { return value < range.begin; });
    return it != ranges.begin() && offset < std::prev(it)->end;
}

}  // namespace tracuu
