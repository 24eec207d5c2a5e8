/** @file
 * @brief Markdown -> the text it shows (see markdown.hpp), read by cmark-gfm.
 */
#include "core/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <vector>

namespace tracuu {
namespace {

constexpr std::size_t npos = std::string_view::npos;

struct ParserFree {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeFree {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using Tree = std::unique_ptr<cmark_node, NodeFree>;

// cmark-gfm 0.29.0.gfm.6 keeps the characters its extensions react to ('~', ':', 'w') in one
// table for every parser, which each parse sets and clears again: parses on two indexing
// threads at once would clear them under each other. One parse at a time.
std::mutex parse_mutex;

// The tree of CommonMark @p markdown with GitHub's tables, strikethrough ("~~", not one '~':
// "~5 km" is "about 5 km"), bare-address autolinks and task lists, each node with its lines.
Tree parse(std::string_view markdown) {
    // Once: cmark-gfm's own guard against registering twice is no lock, a static's is.
    [[maybe_unused]] static const bool registered = (cmark_gfm_core_extensions_ensure_registered(), true);
    const std::lock_guard lock(parse_mutex);
    const std::unique_ptr<cmark_parser, ParserFree> parser(
        cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE));
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
        cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension(name));
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    return Tree(cmark_parser_finish(parser.get()));
}

bool is_block(cmark_node* node) { return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK; }
std::string_view type_name(cmark_node* node) { return cmark_node_get_type_string(node); }
std::string_view literal(cmark_node* node) {
    const char* text = cmark_node_get_literal(node);
    return text == nullptr ? std::string_view() : std::string_view(text);
}

// The line block @p node starts on, 0 for none. A table that interrupts a paragraph has, with
// its head row, the paragraph's first line from cmark-gfm: the head is two lines above the
// first body row, or on the line above the table's last, the delimiter row.
int start_line(cmark_node* node) {
    const std::string_view type = type_name(node);
    if (type != "table" && type != "table_header") return cmark_node_get_start_line(node);
    cmark_node* table = type == "table" ? node : cmark_node_parent(node);
    cmark_node* first_row = cmark_node_next(cmark_node_first_child(table));
    return first_row != nullptr ? cmark_node_get_start_line(first_row) - 2 : cmark_node_get_end_line(table) - 1;
}

// The text a tree shows, written line for line: each block is moved down to its source line.
class TextWriter {
public:
    explicit TextWriter(std::size_t capacity) { text_.reserve(capacity); }

    void pad_to(int line) {
        for (; line_ < line; ++line_) text_ += '\n';
    }
    void newlines(int count) { pad_to(line_ + count); }
    void append(std::string_view s) {
        text_.append(s);
        line_ += static_cast<int>(std::count(s.begin(), s.end(), '\n'));
    }

    void enter(cmark_node* node);
    void exit(cmark_node* node);
    std::string take() { return std::move(text_); }

private:
    std::string text_;
    int line_ = 1;  // the 1-based line text_ ends on
    std::vector<int> next_numbers_;  // of the ordered lists entered, innermost last
    std::size_t row_start_ = 0;      // where the table row being written starts in text_
    std::size_t paragraph_at_ = 0;   // where the paragraph being written starts in text_
};

void TextWriter::enter(cmark_node* node) {
    if (is_block(node)) {
        if (const int line = start_line(node); line > 0) pad_to(line);
        else if (!text_.empty() && !text_.ends_with('\n')) newlines(1);
    }
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH:
            paragraph_at_ = text_.size();
            break;
        case CMARK_NODE_LIST:
            next_numbers_.push_back(cmark_node_get_list_start(node));
            break;
        case CMARK_NODE_ITEM:
            // An ordered list's number, as it is shown; a bullet or a task's box shows no word.
            if (cmark_node* list = cmark_node_parent(node); cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
                append(std::to_string(next_numbers_.back()++));
                append(cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ") " : ". ");
            }
            break;
        case CMARK_NODE_CODE_BLOCK:
            // As written; a fenced block's code starts on the line after its fence.
            if (const std::string_view code = literal(node); !code.empty()) {
                int length = 0, offset = 0;
                char fence = 0;
                if (cmark_node_get_fenced(node, &length, &offset, &fence) != 0)
                    pad_to(cmark_node_get_start_line(node) + 1);
                append(code.ends_with('\n') ? code.substr(0, code.size() - 1) : code);
            }
            break;
        case CMARK_NODE_TEXT:
            append(literal(node));
            break;
        case CMARK_NODE_CODE:
            // Its line breaks are spaces in its text: the lines it spans are kept after it.
            append(literal(node));
            newlines(cmark_node_get_end_line(node) - cmark_node_get_start_line(node));
            break;
        case CMARK_NODE_HTML_INLINE: {
            const std::string_view html = literal(node);  // not shown: its lines only
            newlines(static_cast<int>(std::count(html.begin(), html.end(), '\n')));
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            newlines(1);
            break;
        default:
            // Tables' rows and cells are extension nodes, known by name.
            if (const std::string_view type = type_name(node); type == "table_header" || type == "table_row") {
                row_start_ = text_.size();
            } else if (type == "table_cell" && cmark_node_first_child(node) != nullptr && text_.size() > row_start_) {
                append(" | ");
            }
            // The rest shows its children's text (links and images, emphasis, headings,
            // quotes) or nothing (HTML blocks, thematic breaks).
            break;
    }
}

void TextWriter::exit(cmark_node* node) {
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_LIST) next_numbers_.pop_back();
    if (type != CMARK_NODE_PARAGRAPH) return;
    // A paragraph ends on its last line. cmark-gfm counts it from the first line of the link
    // reference definitions it starts with, which show nothing, and gives no line at all to
    // the one a table interrupts (it ends above the table); the lines a link's address spans
    // show nothing either. The lines missing are added before the paragraph.
    int last_line = cmark_node_get_end_line(node);
    if (last_line <= 0) {
        cmark_node* next = cmark_node_next(node);
        last_line = next == nullptr ? 0 : start_line(next) - 1;
    }
    if (const int missing = last_line - line_; missing > 0) {
        text_.insert(paragraph_at_, static_cast<std::size_t>(missing), '\n');
        line_ = last_line;
    }
}

// For the front matter's "key: value" lines.
bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

namespace {

// The longest paragraph cmark-gfm is given. Debian 12's version takes a time that grows with
// the square of a paragraph's length on some bad input (markdown.hpp); a paragraph this long
// is none a writer made, and a file that has one is read as written, marks and all.
constexpr std::size_t kMaxParagraphBytes = 32 * 1024;

// The bytes of the longest run of lines without a blank one in @p text.
std::size_t longest_paragraph(std::string_view text) {
    std::size_t longest = 0, start = 0;
    for (std::size_t pos = 0; pos <= text.size();) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        if (trim(text.substr(pos, eol - pos)).empty()) start = eol + 1;
        else longest = std::max(longest, eol - start);
        pos = eol + 1;
    }
    return longest;
}

}  // namespace

std::string markdown_to_text(std::string_view markdown) {
    if (longest_paragraph(markdown) > kMaxParagraphBytes) return std::string(markdown);
    const Tree tree = parse(markdown);
    TextWriter writer(markdown.size());
    const std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(tree.get()));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (event == CMARK_EVENT_ENTER) writer.enter(cmark_iter_get_node(iter.get()));
        else writer.exit(cmark_iter_get_node(iter.get()));
    }
    // As many lines as the file: the blank ones at its end too.
    writer.pad_to(static_cast<int>(std::count(markdown.begin(), markdown.end(), '\n')) + 1);
    return writer.take();
}

namespace {

// The front matter of @p markdown, and where the text after it begins (its offset, and the
// lines before it).
struct FrontMatterRead {
    MarkdownFrontMatter front_matter;
    std::size_t body_start = 0;
    std::size_t lines = 0;
};

FrontMatterRead split_front_matter(std::string_view markdown) {
    FrontMatterRead read;
    constexpr std::size_t kMaxFrontMatterLines = 100;
    const auto line_at = [&](std::size_t start) {
        const std::size_t eol = markdown.find('\n', start);
        std::string_view line = markdown.substr(start, eol == npos ? npos : eol - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        return std::pair{line, eol == npos ? markdown.size() : eol + 1};
    };
    if (const auto [first, next] = line_at(0); first == "---") {
        MarkdownFrontMatter front;
        for (std::size_t start = next, line_number = 2; start < markdown.size() && line_number <= kMaxFrontMatterLines; ++line_number) {
            const auto [line, after] = line_at(start);
            start = after;
            if (line == "---" || line == "...") {
                read.front_matter = std::move(front);
                read.body_start = start;
                read.lines = line_number;
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
    return read;
}

}  // namespace

MarkdownFrontMatter read_front_matter(std::string_view markdown) { return split_front_matter(markdown).front_matter; }

MarkdownDocument read_markdown(std::string_view markdown) {
    FrontMatterRead front = split_front_matter(markdown);
    MarkdownDocument read;
    read.front_matter = std::move(front.front_matter);
    // Line for line: the front matter's lines stay, blank.
    read.text = std::string(front.lines, '\n') + markdown_to_text(markdown.substr(front.body_start));
    return read;
}

}  // namespace tracuu
