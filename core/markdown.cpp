/** @file
 * @brief Markdown -> the text it shows (see markdown.hpp).
 */
#include "core/markdown.hpp"

#include <algorithm>
#include <cctype>

namespace tracuu {
namespace {

constexpr std::size_t npos = std::string_view::npos;
// How far a link, code span, tag or comment is looked for past its opening mark, and how
// deep links nest: real ones are far shorter and shallower, and a line of a million '[' or
// '`' (bad input) must not take a square of its length, nor the stack.
constexpr std::size_t kMaxSpanBytes = 4096;
constexpr int kMaxLinkDepth = 8;

// @p s up to kMaxSpanBytes past @p from.
std::string_view within_reach(std::string_view s, std::size_t from) { return s.substr(0, std::min(s.size(), from + kMaxSpanBytes)); }

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_ascii_punctuation(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
// A byte of a word: ASCII letters and digits, and every byte of a character beyond ASCII
// (letters, for the text Markdown holds).
bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string_view strip_indent(std::string_view line, std::size_t most) {
    std::size_t n = 0;
    while (n < line.size() && n < most && line[n] == ' ') ++n;
    return line.substr(n);
}

// "```", "~~~ cpp": the fence's character, or 0.
char fence_of(std::string_view line) {
    line = strip_indent(line, 3);
    if (line.starts_with("```")) return '`';
    if (line.starts_with("~~~")) return '~';
    return 0;
}

// One of @p marks repeated (spaces between allowed), at least @p least times: "---", "* * *".
bool is_rule_of(std::string_view line, std::string_view marks, std::size_t least) {
    line = trim(line);
    if (line.empty() || marks.find(line.front()) == npos) return false;
    std::size_t count = 0;
    for (const char c : line) {
        if (c == line.front()) ++count;
        else if (!is_space(c)) return false;
    }
    return count >= least;
}

// "|---|:--:|", "--- | ---": the rule under a table's head.
bool is_table_rule(std::string_view line) {
    line = trim(line);
    if (line.find('-') == npos || line.find('|') == npos) return false;
    for (const char c : line)
        if (c != '|' && c != '-' && c != ':' && !is_space(c)) return false;
    return true;
}

// "[ref]: https://…": a link reference definition, which shows nothing.
bool is_link_definition(std::string_view line) {
    line = strip_indent(line, 3);
    if (!line.starts_with('[')) return false;
    const std::size_t close = line.find("]:");
    return close != npos && close > 1 && line.find(']') == close && !trim(line.substr(close + 2)).empty();
}

// The byte after the bracket that closes the one at @p open (nested ones counted, escaped
// ones skipped), or npos.
std::size_t after_closing(std::string_view s, std::size_t open, char opening, char closing) {
    s = within_reach(s, open);
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == opening) ++depth;
        else if (s[i] == closing && --depth == 0) return i + 1;
    }
    return npos;
}

void append_inline(std::string_view s, std::string& out, int depth = 0);

// "[text](url)", "[text][ref]", "[text][]" at @p open: its text appended and @p next set after
// it; false for a bracket that opens no link ("[1954] INSC 102", "[?CITATION?]").
// The last ']' and ')' of a line: a bracket after which none comes opens no link, found at
// once (a bad line of a million '[' would otherwise be read a million times).
struct LastClosers {
    std::size_t bracket, paren;
};

bool append_link(std::string_view s, std::size_t open, std::string& out, std::size_t& next, int depth, LastClosers last) {
    const std::size_t last_bracket = last.bracket, last_paren = last.paren;
    if (depth >= kMaxLinkDepth || last_bracket == npos || last_bracket < open) return false;
    const std::size_t text_end = after_closing(s, open, '[', ']');
    if (text_end == npos || text_end >= s.size() || (s[text_end] != '(' && s[text_end] != '[')) return false;
    if (s[text_end] == '(' && (last_paren == npos || last_paren < text_end)) return false;
    const std::size_t link_end = s[text_end] == '(' ? after_closing(s, text_end, '(', ')') : after_closing(s, text_end, '[', ']');
    if (link_end == npos) return false;
    append_inline(s.substr(open + 1, text_end - open - 2), out, depth + 1);
    next = link_end;
    return true;
}

// At '<': an autolink's address appended, or an HTML tag or comment skipped; @p next after it.
bool append_angle(std::string_view s, std::size_t at, std::string& out, std::size_t& next) {
    const std::string_view rest = s.substr(at + 1);
    if (rest.starts_with("!--")) {
        const std::size_t end = within_reach(s, at).find("-->", at + 4);
        if (end == npos) return false;
        next = end + 3;
        return true;
    }
    const std::size_t close = within_reach(s, at).find('>', at);
    if (close == npos) return false;
    const std::string_view inside = s.substr(at + 1, close - at - 1);
    if (inside.empty() || inside.find('<') != npos) return false;
    if (inside.starts_with("http://") || inside.starts_with("https://") || inside.starts_with("mailto:") ||
        (inside.find('@') != npos && inside.find(' ') == npos)) {
        out.append(inside);
        next = close + 1;
        return true;
    }
    const std::size_t name = inside.front() == '/' ? 1 : 0;
    if (name >= inside.size() || !std::isalpha(static_cast<unsigned char>(inside[name]))) return false;
    for (std::size_t i = name; i < inside.size() && !is_space(inside[i]) && inside[i] != '/'; ++i)
        if (!std::isalnum(static_cast<unsigned char>(inside[i])) && inside[i] != '-') return false;
    next = close + 1;
    return true;
}

// Whether the run of '*', '_' or '~' at [begin, end) marks emphasis: it touches text on one
// side at least ("2 * 3" is arithmetic, "5*3" too), an underscore is not inside a word
// ("snake_case"), and a tilde run is a pair ("~~struck~~", not "~5 km").
bool is_emphasis_run(std::string_view s, std::size_t begin, std::size_t end) {
    const char mark = s[begin];
    const bool space_before = begin == 0 || is_space(s[begin - 1]);
    const bool space_after = end == s.size() || is_space(s[end]);
    if (space_before && space_after) return false;
    const bool word_before = begin > 0 && is_word_byte(s[begin - 1]);
    const bool word_after = end < s.size() && is_word_byte(s[end]);
    if (mark == '_' && word_before && word_after) return false;
    if (mark == '*' && begin > 0 && end < s.size() && std::isdigit(static_cast<unsigned char>(s[begin - 1])) &&
        std::isdigit(static_cast<unsigned char>(s[end])))
        return false;
    if (mark == '~' && end - begin != 2) return false;
    return true;
}

// A run of backticks at @p begin: the code span it opens appended as written, or the run itself.
std::size_t append_code_span(std::string_view s, std::size_t begin, std::string& out) {
    std::size_t run_end = begin;
    while (run_end < s.size() && s[run_end] == '`') ++run_end;
    const std::size_t length = run_end - begin;
    const std::string_view reach = within_reach(s, run_end);
    for (std::size_t i = run_end; i < reach.size();) {
        if (s[i] != '`') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < reach.size() && reach[j] == '`') ++j;
        if (j - i == length) {
            std::string_view code = s.substr(run_end, i - run_end);
            if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ') code = code.substr(1, code.size() - 2);
            out.append(code);
            return j;
        }
        i = j;
    }
    out.append(s.substr(begin, length));
    return run_end;
}

void append_inline(std::string_view s, std::string& out, int depth) {
    const LastClosers last{s.rfind(']'), s.rfind(')')};
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        std::size_t next = i;
        // A bare address as written: its "_" and "*" are no emphasis.
        if ((c == 'h' || c == 'H') && (i == 0 || !is_word_byte(s[i - 1])) &&
            (s.substr(i, 7) == "http://" || s.substr(i, 8) == "https://")) {
            std::size_t end = i;
            while (end < s.size() && !is_space(s[end])) ++end;
            out.append(s.substr(i, end - i));
            i = end;
            continue;
        }
        if (c == '\\' && i + 1 < s.size() && is_ascii_punctuation(s[i + 1])) {
            out += s[i + 1];
            i += 2;
        } else if (c == '`') {
            i = append_code_span(s, i, out);
        } else if (c == '!' && i + 1 < s.size() && s[i + 1] == '[' && append_link(s, i + 1, out, next, depth, last)) {
            i = next;
        } else if (c == '[' && append_link(s, i, out, next, depth, last)) {
            i = next;
        } else if (c == '<' && append_angle(s, i, out, next)) {
            i = next;
        } else if (c == '*' || c == '_' || c == '~') {
            std::size_t end = i;
            while (end < s.size() && s[end] == c) ++end;
            if (!is_emphasis_run(s, i, end)) out.append(s.substr(i, end - i));
            i = end;
        } else {
            out += c;
            ++i;
        }
    }
}

// The block marks a line opens with removed: indentation, blockquote '>', an ATX heading's
// '#'s (and its closing ones), a list bullet and its task box, a table row's outer pipes.
std::string_view strip_block_marks(std::string_view line) {
    line = strip_indent(trim(line), 3);
    while (line.starts_with('>')) line = trim(line.substr(1));
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && (hashes == line.size() || is_space(line[hashes]))) {
        line = trim(line.substr(hashes));
        std::size_t closing = line.size();
        while (closing > 0 && line[closing - 1] == '#') --closing;
        if (closing == 0 || is_space(line[closing - 1])) line = trim(line.substr(0, closing));
        return line;
    }
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && is_space(line[1])) {
        line = trim(line.substr(2));
        if (line.starts_with("[ ] ") || line.starts_with("[x] ") || line.starts_with("[X] ")) line = line.substr(4);
        return line;
    }
    if (line.starts_with('|')) {
        line = trim(line.substr(1));
        if (line.ends_with('|') && !line.ends_with("\\|")) line = trim(line.substr(0, line.size() - 1));
    }
    return line;
}

}  // namespace

std::string markdown_to_text(std::string_view markdown) {
    std::string out;
    out.reserve(markdown.size());
    char fence = 0;
    bool after_text = false;  // the line before is a paragraph's: "---" under it underlines a heading
    bool in_comment = false;
    for (std::size_t start = 0; start <= markdown.size();) {
        const std::size_t eol = markdown.find('\n', start);
        std::string_view line = markdown.substr(start, eol == npos ? npos : eol - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (fence != 0) {
            if (fence_of(line) == fence) fence = 0;
            else out.append(line);  // code as written
        } else if (in_comment) {
            if (const std::size_t end = line.find("-->"); end != npos) {
                in_comment = false;
                append_inline(line.substr(end + 3), out);
            }
        } else if (const char opened = fence_of(line); opened != 0) {
            fence = opened;
        } else if ((after_text && is_rule_of(line, "=-", 1)) || is_rule_of(line, "*-_", 3) || is_table_rule(line) ||
                   is_link_definition(line)) {
            // shows nothing
        } else {
            const std::string_view shown = strip_block_marks(line);
            if (const std::size_t comment = shown.find("<!--"); comment != npos && shown.find("-->", comment) == npos) {
                append_inline(shown.substr(0, comment), out);
                in_comment = true;
            } else {
                append_inline(shown, out);
            }
        }
        after_text = fence == 0 && !in_comment && !trim(line).empty();
        if (eol == npos) break;
        out += '\n';
        start = eol + 1;
    }
    return out;
}

MarkdownDocument read_markdown(std::string_view markdown) {
    MarkdownDocument read;
    constexpr std::size_t kMaxFrontMatterLines = 100;
    const auto line_at = [&](std::size_t start) {
        const std::size_t eol = markdown.find('\n', start);
        std::string_view line = markdown.substr(start, eol == npos ? npos : eol - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        return std::pair{line, eol == npos ? markdown.size() : eol + 1};
    };
    std::size_t body_start = 0, lines = 0;
    if (const auto [first, next] = line_at(0); first == "---") {
        MarkdownFrontMatter front;
        for (std::size_t start = next, line_number = 2; start < markdown.size() && line_number <= kMaxFrontMatterLines; ++line_number) {
            const auto [line, after] = line_at(start);
            start = after;
            if (line == "---" || line == "...") {
                read.front_matter = std::move(front);
                body_start = start;
                lines = line_number;
                break;
            }
            if (trim(line).empty() || is_space(line.front()) || line.starts_with("- ") || line.starts_with('#')) continue;
            // Only "key: value" lines: a rule, a paragraph and a rule are text, not front matter.
            const std::size_t colon = line.find(':');
            const std::string_view key = colon == npos ? std::string_view() : line.substr(0, colon);
            if (key.empty() || !std::all_of(key.begin(), key.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
                }))
                break;
            std::string_view value = trim(line.substr(colon + 1));
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
                value = value.substr(1, value.size() - 2);
            if (key == "title") front.title = value;
            else if (key == "date") front.date = value, front.date_line = line_number;
            else if (key == "author") front.author = value;
        }
    }
    // Line for line: the front matter's lines stay, blank.
    read.text = std::string(lines, '\n') + markdown_to_text(markdown.substr(body_start));
    return read;
}

}  // namespace tracuu
