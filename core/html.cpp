/** @file
 * @brief Walks gumbo's tree once: text of the visible blocks, metadata from <head>.
 */
#include "core/html.hpp"

#include "core/document.hpp"
#include "core/formats.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

namespace tracuu {
namespace {

std::string_view attribute(const GumboElement& element, const char* name) {
    const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
    return attr ? std::string_view(attr->value) : std::string_view();
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && equals_ignoring_case(s.substr(0, prefix.size()), prefix);
}

// Hidden by the page itself: the hidden attribute, aria-hidden, or an inline style that
// hides it (menus and pop-ups written out in full, shown by a script).
bool is_hidden(const GumboElement& element) {
    if (gumbo_get_attribute(&element.attributes, "hidden") != nullptr) return true;
    if (equals_ignoring_case(attribute(element, "aria-hidden"), "true")) return true;
    std::string style;
    for (const char c : attribute(element, "style"))
        if (!std::isspace(static_cast<unsigned char>(c))) style += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

// A breadcrumb trail ("Trang chủ › Kinh tế"): the site's navigation whatever element holds it,
// named so by its class, id or aria-label, or marked up as schema.org's BreadcrumbList.
bool is_breadcrumb(const GumboElement& element) {
    for (const char* name : {"class", "id", "aria-label", "itemtype"}) {
        std::string value(attribute(element, name));
        std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (value.find("breadcrumb") != std::string::npos) return true;
    }
    return false;
}

// An address a reader can follow: absolute http(s). A relative canonical link names no page
// without the address the file was saved from, which a file does not keep.
bool is_absolute_web_address(std::string_view url) {
    return starts_with_ignoring_case(url, "http://") || starts_with_ignoring_case(url, "https://");
}

// Elements whose content is never read text.
bool is_invisible(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_HEAD: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
        case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE: case GUMBO_TAG_MENU:
            return true;
        default:
            return false;
    }
}

// Elements that start a new line of text.
bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
        case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_H1:
        case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_HR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
            return true;
        default:
            return false;
    }
}

class Extractor {
public:
    explicit Extractor(HtmlContent& out) : out_(out) {}

    /// Whether the tree went deeper than kMaxNestingDepth (the walk stopped there).
    bool too_deep() const { return too_deep_; }

    void walk(const GumboNode& node, bool in_content, bool in_pre, std::size_t depth = 0) {
        // The walk recurses once a level: depth_estimate kept gumbo from building a much
        // deeper tree, and this keeps a page it misjudged from overflowing the stack (with
        // room for what the estimate leaves out: <html>, <body>, a <p> around the rest).
        if (depth > 2 * kMaxNestingDepth) {
            too_deep_ = true;
            return;
        }
        switch (node.type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE:
                append_text(node.v.text.text, in_pre);
                return;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                break;
            default:
                return;
        }
        const GumboElement& element = node.v.element;
        const GumboTag tag = element.tag;
        if (tag == GUMBO_TAG_HTML && out_.lang.empty()) out_.lang = analyzed_language(attribute(element, "lang"));
        if (tag == GUMBO_TAG_HEAD) {
            read_head(node);
            return;
        }
        if (is_invisible(tag) || is_hidden(element) || is_breadcrumb(element)) return;
        const std::string_view role = attribute(element, "role");
        if (equals_ignoring_case(role, "navigation") || equals_ignoring_case(role, "menu") ||
            equals_ignoring_case(role, "menubar"))
            return;
        // A page's own header and footer are navigation; an article's are content.
        if ((tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER) && !in_content) return;

        const bool block = is_block(tag);
        if (block) break_line();
        const std::size_t text_start = out_.text.size();
        const bool content = in_content || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
        const bool pre = in_pre || tag == GUMBO_TAG_PRE;
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) append_space();
        for (unsigned i = 0; i < element.children.length; ++i)
            walk(*static_cast<const GumboNode*>(element.children.data[i]), content, pre, depth + 1);
        if (tag == GUMBO_TAG_H1) {
            std::string h1 = collapse(std::string_view(out_.text).substr(text_start));
            if (content && h1_in_content_.empty()) h1_in_content_ = h1;
            if (h1_.empty()) h1_ = std::move(h1);
        }
        if (block) break_line();
        if (content && !in_content && has_text(std::string_view(out_.text).substr(text_start))) {
            content_bytes_ += out_.text.size() - text_start;
            content_end_ = out_.text.size();
        }
    }

    void finish() {
        // On a page with an <article> or <main>, what follows the last of them outside is
        // the site's: related stories, comments, its footer. What comes before stays: the
        // title, dateline, byline and lead often sit above the article. Unless the articles
        // hold less text than what follows: then they are cards beside the page's text.
        if (content_end_ != std::string::npos && content_bytes_ >= out_.text.size() - content_end_) out_.text.resize(content_end_);
        // Trim the blanks around every line and keep at most one empty line in a row.
        std::string text;
        std::size_t pos = 0;
        bool last_empty = true;
        while (pos <= out_.text.size()) {
            std::size_t eol = out_.text.find('\n', pos);
            if (eol == std::string::npos) eol = out_.text.size();
            std::string_view line = std::string_view(out_.text).substr(pos, eol - pos);
            while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
            while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
            if (!line.empty() || !last_empty) {
                text.append(line);
                text += '\n';
            }
            last_empty = line.empty();
            pos = eol + 1;
        }
        while (!text.empty() && (text.back() == '\n')) text.pop_back();
        out_.text = std::move(text);
        out_.title = choose_title();
        if (out_.url.empty()) out_.url = og_url_;
    }

private:
    // The first <h1> of the article (<article>, <main>), else the page's first <h1> unless it
    // is the site's name, else <title> without the site's name, else og:title. A site's name:
    // the page's og:site_name ("Nghị định 45/2024/NĐ-CP - Thư viện pháp luật"), or the first
    // <h1> of a page whose header is its logo ("<h1 class="logo"><a href="/">Báo Lao
    // Động</a></h1>"), which <title> shows beside the longer article's title ("Giá vàng hôm nay
    // - Báo Lao Động").
    std::string choose_title() const {
        if (!h1_in_content_.empty()) return h1_in_content_;
        if (!h1_.empty()) {
            // The page's <h1> is its headline unless it is the site's name: the one the page
            // declares, or the shorter side of <title>, since headlines are longer than the names
            // of sites ("Hà Nội phân luồng đường Nguyễn Trãi | Báo Hà Nội" has either as <h1>).
            const std::string beside = without_site_name(h1_);
            if (h1_ != site_name_ && beside.size() <= h1_.size()) return h1_;
            if (!beside.empty()) return beside;
        }
        if (!site_name_.empty())
            if (std::string title = without_site_name(site_name_); !title.empty()) return title;
        return !title_.empty() ? title_ : og_title_;
    }

    // <title> without @p site beside it ("… - Báo Lao Động", "Báo Lao Động | …"), or "" when
    // it is not there.
    std::string without_site_name(const std::string& site) const {
        if (title_.size() <= site.size()) return {};
        for (const std::string_view separator : {" - ", " | ", " – ", " — ", " :: "}) {
            const std::string suffix = std::string(separator) + site, prefix = site + std::string(separator);
            if (title_.ends_with(suffix)) return title_.substr(0, title_.size() - suffix.size());
            if (title_.starts_with(prefix)) return title_.substr(prefix.size());
        }
        return {};
    }

    static bool has_text(std::string_view s) {
        return std::any_of(s.begin(), s.end(), [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
    }

    static std::string collapse(std::string_view s) {
        std::string out;
        bool space = false;
        for (const char c : s) {
            if (std::isspace(static_cast<unsigned char>(c))) {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += c;
        }
        return out;
    }

    void append_text(std::string_view text, bool in_pre) {
        if (in_pre) {
            out_.text.append(text);
            return;
        }
        for (const char c : text) {
            if (std::isspace(static_cast<unsigned char>(c))) append_space();
            else out_.text += c;
        }
    }
    void append_space() {
        if (!out_.text.empty() && out_.text.back() != ' ' && out_.text.back() != '\n') out_.text += ' ';
    }
    void break_line() {
        if (!out_.text.empty() && out_.text.back() != '\n') out_.text += '\n';
    }

    static std::string element_text(const GumboNode& node) {
        std::string text;
        for (unsigned i = 0; i < node.v.element.children.length; ++i) {
            const auto& child = *static_cast<const GumboNode*>(node.v.element.children.data[i]);
            if (child.type == GUMBO_NODE_TEXT || child.type == GUMBO_NODE_WHITESPACE) text += child.v.text.text;
        }
        return collapse(text);
    }

    static bool is_iso_date(std::string_view s) {
        if (s.size() < 10) return false;
        for (std::size_t i = 0; i < 10; ++i) {
            const bool dash = i == 4 || i == 7;
            if (dash ? s[i] != '-' : !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        }
        return true;
    }

    void read_head(const GumboNode& head) {
        for (unsigned i = 0; i < head.v.element.children.length; ++i) {
            const auto& child = *static_cast<const GumboNode*>(head.v.element.children.data[i]);
            if (child.type != GUMBO_NODE_ELEMENT) continue;
            const GumboElement& element = child.v.element;
            if (element.tag == GUMBO_TAG_TITLE && title_.empty()) {
                title_ = element_text(child);
            } else if (element.tag == GUMBO_TAG_LINK && equals_ignoring_case(attribute(element, "rel"), "canonical")) {
                if (is_absolute_web_address(attribute(element, "href"))) out_.url = attribute(element, "href");
            } else if (element.tag == GUMBO_TAG_META) {
                std::string_view key = attribute(element, "name");
                if (key.empty()) key = attribute(element, "property");
                if (key.empty()) key = attribute(element, "itemprop");
                const std::string_view value = attribute(element, "content");
                if (value.empty()) continue;
                if ((equals_ignoring_case(key, "author") || equals_ignoring_case(key, "article:author")) &&
                    out_.author.empty() && value.find("://") == std::string_view::npos) {
                    out_.author = collapse(value);
                } else if ((equals_ignoring_case(key, "article:published_time") ||
                            equals_ignoring_case(key, "datePublished") || equals_ignoring_case(key, "date") ||
                            equals_ignoring_case(key, "pubdate")) &&
                           out_.date.empty() && is_iso_date(value)) {
                    out_.date = std::string(value.substr(0, 10));
                } else if (equals_ignoring_case(key, "og:title") && og_title_.empty()) {
                    og_title_ = collapse(value);
                } else if ((equals_ignoring_case(key, "og:site_name") || equals_ignoring_case(key, "application-name")) &&
                           site_name_.empty()) {
                    site_name_ = collapse(value);
                } else if (equals_ignoring_case(key, "og:url") && og_url_.empty() && is_absolute_web_address(value)) {
                    og_url_ = value;
                }
            }
        }
    }

    HtmlContent& out_;
    std::string h1_, h1_in_content_;
    std::string title_;
    std::string og_title_;
    std::string site_name_;  // og:site_name or application-name
    std::string og_url_;
    bool too_deep_ = false;
    std::size_t content_end_ = std::string::npos;  // where the text of the last <article> or <main> with text ends
    std::size_t content_bytes_ = 0;                // the text of <article>s and <main>s not inside another
};

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never hold others: void elements, and those that hold raw text.
bool holds_no_elements(std::string_view name) {
    return is_one_of(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                            "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image"});
}
bool holds_raw_text(std::string_view name) {
    return is_one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"});
}
// Elements the parser closes when a sibling of their kind (or a block) starts: an unclosed
// <p> or <li> does not make the tree deeper, however many follow. html, head and body are
// never opened twice.
bool closed_by_siblings(std::string_view name) {
    return is_one_of(name, {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
                            "colgroup", "caption", "rb", "rt", "rp", "rtc", "a", "html", "head", "body"});
}
// HTML elements that end an <svg> or <math> they appear in (the HTML standard's list).
bool breaks_out_of_foreign_content(std::string_view name) {
    return is_one_of(name, {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
                            "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
                            "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
                            "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font"});
}
// An end tag does not close what is open outside these (the standard's "scope").
bool is_scope_boundary(std::string_view name) { return is_one_of(name, {"table", "template", "applet", "object", "marquee"}); }

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// How deep the tree gumbo would build for @p html goes, from its tags alone, counted up to
// just past @p limit: gumbo's time on a deep page grows faster than the square of its depth,
// so a deep page has to be told before it is parsed. Open elements are matched with their
// end tags as the parser does, leaving out what cannot nest (void elements, raw text,
// elements closed by their siblings): a sloppy page's unclosed <p>s count nothing.
std::size_t depth_estimate(std::string_view html, std::size_t limit) {
    std::vector<std::string> open;
    std::size_t foreign = 0;  // open <svg> and <math>, where "<x/>" closes itself
    std::size_t deepest = 0;
    auto close_from = [&](std::size_t k) {
        for (std::size_t j = k; j < open.size(); ++j)
            if (open[j] == "svg" || open[j] == "math") --foreign;
        open.resize(k);
    };
    std::size_t pos = 0;
    while (deepest <= limit && (pos = html.find('<', pos)) != std::string_view::npos) {
        if (html.compare(pos, 4, "<!--") == 0) {
            const std::size_t end = html.find("-->", pos + 4);
            pos = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        if (pos + 1 < html.size() && (html[pos + 1] == '!' || html[pos + 1] == '?')) {
            pos = std::min(html.find('>', pos), html.size());
            continue;
        }
        const bool end_tag = pos + 1 < html.size() && html[pos + 1] == '/';
        std::size_t name_end = pos + (end_tag ? 2 : 1);
        if (name_end >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_end]))) {
            ++pos;  // a "<" in text
            continue;
        }
        const std::size_t name_start = name_end;
        while (name_end < html.size() && !std::isspace(static_cast<unsigned char>(html[name_end])) &&
               html[name_end] != '>' && html[name_end] != '/')
            ++name_end;
        const std::string name = lower_ascii(html.substr(name_start, name_end - name_start));
        // The tag's end: the first ">" outside a quoted attribute value.
        std::size_t end = name_end;
        for (char quote = 0; end < html.size() && (quote || html[end] != '>'); ++end) {
            if (quote && html[end] == quote) quote = 0;
            else if (!quote && (html[end] == '"' || html[end] == '\'') && html[end - 1] == '=') quote = html[end];
        }
        const bool self_closing = end < html.size() && html[end - 1] == '/';
        pos = end;
        if (end_tag) {
            for (std::size_t k = open.size(); k-- > 0;) {
                if (open[k] == name) {
                    close_from(k);
                    break;
                }
                if (is_scope_boundary(open[k])) break;
            }
            continue;
        }
        if (holds_raw_text(name)) {
            // Its text runs to its end tag, whatever looks like tags inside.
            std::size_t close = pos;
            while ((close = html.find("</", close)) != std::string_view::npos &&
                   lower_ascii(html.substr(close + 2, name.size())) != name)
                close += 2;
            pos = close == std::string_view::npos ? html.size() : close;
            continue;
        }
        if (name == "plaintext") break;  // the rest of the page is text
        if (foreign > 0 && breaks_out_of_foreign_content(name))
            for (std::size_t k = 0; k < open.size(); ++k)
                if (open[k] == "svg" || open[k] == "math") {
                    close_from(k);
                    break;
                }
        if (holds_no_elements(name) || closed_by_siblings(name) || (foreign > 0 && self_closing)) continue;
        if (name == "svg" || name == "math") ++foreign;
        open.push_back(name);
        deepest = std::max(deepest, open.size());
    }
    return deepest;
}

}  // namespace

std::string declared_charset(std::string_view html) {
    std::string head(html.substr(0, 1024));
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
        const std::size_t tag_end = std::min(head.find('>', meta), head.size());
        std::size_t p = head.find("charset", meta);
        if (p == std::string::npos || p > tag_end) continue;
        p += 7;
        while (p < tag_end && (head[p] == ' ' || head[p] == '=' || head[p] == '"' || head[p] == '\'')) ++p;
        std::size_t end = p;
        while (end < tag_end && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                                 head[end] == '_' || head[end] == '.' || head[end] == ':'))
            ++end;
        if (end == p) continue;
        std::string label = head.substr(p, end - p);
        for (const std::string_view latin1 : {"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252"})
            if (label == latin1) label = "windows-1252";
        return label;
    }
    return {};
}

HtmlContent extract_html(std::string_view html) {
    HtmlContent content;
    if (depth_estimate(html, kMaxNestingDepth) > kMaxNestingDepth) {
        content.problem = nested_too_deep_reason();
        return content;
    }
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    Extractor extractor(content);
    extractor.walk(*output->root, false, false);
    extractor.finish();
    if (extractor.too_deep()) {
        content = HtmlContent();
        content.problem = nested_too_deep_reason();
    }
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return content;
}

}  // namespace tracuu
