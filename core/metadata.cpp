/** @file
 * @brief Dateline, title and source-URL extraction by small hand-written scanners
 *        (std::regex costs tens of microseconds a line; this runs on every document).
 */
#include "core/metadata.hpp"

#include "analyzers/document_number.hpp"
#include "analyzers/reference.hpp"
#include "analyzers/unicode.hpp"
#include "core/boilerplate.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <initializer_list>

namespace tracuu {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at s[pos]; returns -1 if none.
int read_int(std::string_view s, std::size_t& pos, std::size_t max_digits) {
    std::size_t start = pos;
    int value = 0;
    while (pos < s.size() && is_digit(s[pos]) && pos - start < max_digits) value = value * 10 + (s[pos++] - '0');
    if (pos == start || (pos < s.size() && is_digit(s[pos]))) {
        pos = start;
        return -1;
    }
    return value;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Every date read anywhere (texts, JSON fields, searchd's from/to) is checked here.
std::string iso(int year, int month, int day) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return {};
    if (day > days[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0)) return {};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

bool skip_spaces(std::string_view s, std::size_t& pos) {
    const std::size_t start = pos;
    while (pos < s.size() && s[pos] == ' ') ++pos;
    return pos > start;
}

bool skip_word(std::string_view folded, std::size_t& pos, std::string_view word) {
    if (folded.substr(pos, word.size()) != word) return false;
    pos += word.size();
    return true;
}

// How a date that begins with a letter begins, folded: "ngày" or an English month name.
constexpr std::array<std::string_view, 13> kDateStarts = {"nga", "jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};

int month_from_name(std::string_view lower, std::size_t& pos) {
    static constexpr std::array<std::string_view, 12> names = {
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december"};
    for (std::size_t m = 0; m < names.size(); ++m) {
        if (lower.substr(pos, names[m].size()) == names[m]) {
            pos += names[m].size();
            return static_cast<int>(m) + 1;
        }
        // "Sept. 5, 2023": the one four-letter abbreviation in common use.
        if (m == 8 && lower.substr(pos, 4) == "sept" &&
            (pos + 4 >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[pos + 4])))) {
            pos += 4;
            if (pos < lower.size() && lower[pos] == '.') ++pos;
            return 9;
        }
        // Three-letter abbreviations, optionally with a dot: "Sep. 22, 2023".
        if (lower.substr(pos, 3) == names[m].substr(0, 3) &&
            (pos + 3 >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[pos + 3])))) {
            pos += 3;
            if (pos < lower.size() && lower[pos] == '.') ++pos;
            return static_cast<int>(m) + 1;
        }
    }
    return -1;
}

// Lines looked at for a "By …" byline under the title.
constexpr int kBylineTopLines = 5;
constexpr std::size_t kMaxAuthorBytes = 60;
constexpr int kMaxNameWords = 5;

// Words that each start with a capital letter and are made of letters (and '.', '-', '\''),
// no digits: "Lê Kông", "J. Smith", "Jane Doe".
bool is_capitalized_words(std::string_view line, int min_words, int max_words) {
    if (line.size() > kMaxAuthorBytes) return false;
    int words = 0;
    bool word_start = true;
    for (std::size_t pos = 0; pos < line.size();) {
        const char32_t cp = unicode::decode_utf8(line, pos);
        if (cp == ' ') {
            word_start = true;
            continue;
        }
        const bool letter = unicode::is_word_char(cp) && !(cp >= '0' && cp <= '9');
        if (!letter && cp != '.' && cp != '-' && cp != '\'') return false;
        if (word_start) {
            if (!letter || unicode::fold_case(cp) == cp) return false;  // must start with a capital
            ++words;
            word_start = false;
        }
    }
    return words >= min_words && words <= max_words;
}

// Whether a word of two letters or more is among @p line's words, not only initials ("P. B. R.").
bool has_word_beyond_initials(std::string_view line) {
    std::size_t letters = 0;
    for (std::size_t pos = 0; pos < line.size();) {
        const char32_t cp = unicode::decode_utf8(line, pos);
        if (cp == ' ' || cp == '.' || cp == '-') letters = 0;
        else if (++letters >= 2) return true;
    }
    return false;
}

// A signature line: "Lê Kông", "Tran Thanh", "J. Smith", two to five capitalized words.
// Not a line that ends with a full stop, which is a sentence however capitalized ("Appeal
// Allowed.", "New Delhi.", "END OF VOL. V."), nor initials alone ("P. B. R", a law report's
// editor), which name nobody a reader can search for.
bool is_person_name(std::string_view line) {
    if (line.ends_with('.') || !is_capitalized_words(line, 2, kMaxNameWords) || !has_word_beyond_initials(line)) return false;
    // A judgment's last line is often its order, capitalized as a name is and without a full
    // stop: "Appeals Dismissed", "Civil Appeal Allowed", "Petition Disposed Of".
    static constexpr std::string_view kOrders[] = {"allowed", "dismissed", "disposed", "accordingly", "ordered",
                                                   "quashed",  "remanded",  "affirmed", "rejected",    "withdrawn"};
    std::string lower(line);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (std::size_t start = 0; start < lower.size();) {
        const std::size_t end = std::min(lower.find(' ', start), lower.size());
        const std::string_view word = std::string_view(lower).substr(start, end - start);
        if (std::find(std::begin(kOrders), std::end(kOrders), word) != std::end(kOrders)) return false;
        start = end + 1;
    }
    return true;
}

// A writer's role before the name, as Vietnamese news signs: "CTV Lê Tùng" (cộng tác viên,
// a contributor), "PV Minh Hà" (phóng viên, a reporter) -> the name.
std::string_view without_role(std::string_view name) {
    for (const std::string_view role : {"CTV ", "PV ", "BTV "})
        if (name.starts_with(role)) return trim(name.substr(role.size()));
    return name;
}

// A photo's or a clip's credit, not a writer's: "Ảnh: Khánh Trung", "Clip Linh Anh".
bool is_credit(std::string_view text) {
    for (const std::string_view credit : {"Ảnh", "Nguồn", "Video", "Clip", "Photo"})
        if (text.starts_with(credit) && (text.size() == credit.size() || text[credit.size()] == ' ' || text[credit.size()] == ':'))
            return true;
    return false;
}

// The writers a whole signature names: "Lê Kông", "CTV Lê Tùng" -> "Lê Tùng", two writers
// "Thu Hằng - Linh Thư" -> "Thu Hằng, Linh Thư", a writer and the agency last "Thạch Huê -
// TTXVN" -> "Thạch Huê"; empty when any other part is no name. With @p agency_anything, the
// last part may be anything that is no name (what follows a glued signature's dash is its
// source: "- TTXVN", "- Báo Giao thông").
std::string signed_names(std::string_view signature, bool agency_anything = false) {
    std::string names;
    for (std::size_t start = 0; start <= signature.size();) {
        const std::size_t dash = std::min(signature.find(" - ", start), signature.size());
        const std::string_view part = without_role(trim(signature.substr(start, dash - start)));
        if (is_credit(part) || !is_person_name(part)) {
            const bool agency = !names.empty() && dash == signature.size() &&
                                (agency_anything || is_credit(part) || is_capitalized_words(part, 1, 3));  // "- TTXVN", "- Ảnh: …"
            return agency ? names : std::string();
        }
        if (!names.empty()) names += ", ";
        names += part;
        start = dash + 3;
    }
    return names;
}

// @p text without a source in brackets closing it: "Ái Vi (theo Daily Mail)" -> "Ái Vi",
// "Cục Viễn thông (Bộ TT&TT)" -> "Cục Viễn thông"; @p text itself when there is none.
std::string_view without_closing_brackets(std::string_view text) {
    while (text.ends_with(')')) {
        const std::size_t open = text.rfind(" (");
        if (open == std::string_view::npos || open == 0 || text.size() - open > kMaxAuthorBytes) break;
        text = trim(text.substr(0, open));
    }
    return text;
}

// Longest signature line read for its names: "Bài và ảnh: Minh Hà - Thu Trang (t/h), Theo Đời sống Plus".
constexpr std::size_t kMaxSignatureLineBytes = 120;

// A signature line without what surrounds the names in it: a credit for the text and photos
// before them ("Tin, ảnh: Phương Linh", "Bài và ảnh: …"), a source after them ("Tân Phan,
// Theo Trí Thức Trẻ", "An Bình (t/h) Theo Đời sống Plus"), a note in brackets ("(t/h)", compiled).
std::string_view signature_names_part(std::string_view line) {
    for (const std::string_view credit : {"Tin, ảnh:", "Bài, ảnh:", "Tin và ảnh:", "Bài và ảnh:", "Tin, ảnh, clip:", "Bài:", "Tin:"})
        if (line.starts_with(credit)) {
            line = trim(line.substr(credit.size()));
            break;
        }
    std::size_t source_at = line.size();  // where the first source label begins
    for (const std::string_view source : {", Theo ", ", theo ", " - Theo ", " Theo ", " Nguồn"})
        if (const std::size_t at = line.find(source); at != std::string_view::npos && at > 0) source_at = std::min(source_at, at);
    line = trim(line.substr(0, source_at));
    while (!line.empty() && line.back() == ',') line.remove_suffix(1);
    return without_closing_brackets(trim(line));
}

// A byline that names only its sources, the whole line: "By Jane Doe", "By Jane Doe, Reuters",
// "Theo Lê Kông", "(Theo VnExpress)", "Theo TTXVN/Vietnam+", "Theo Công an nhân dân" -> the
// name; empty otherwise. "Theo X, …" goes on into a sentence that X is the source of
// ("Theo Bộ Công Thương, nhóm dự án …"): attribution inside the story, not a byline.
std::string byline_name(std::string_view line) {
    if (line.size() >= 2 && line.front() == '(' && line.back() == ')') line = trim(line.substr(1, line.size() - 2));
    std::string_view rest;
    bool english = false;
    if (line.substr(0, 3) == "By " || line.substr(0, 3) == "BY ") {
        rest = line.substr(3);
        english = true;
    } else if (line.substr(0, 5) == "Theo " || line.substr(0, 5) == "THEO ") {
        rest = line.substr(5);
    } else {
        return {};
    }
    rest = trim(rest.substr(0, rest.find('|')));  // what follows a bar is the page's: a date, the site
    while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
    std::string_view name = rest.substr(0, rest.find(','));
    if (name.size() < rest.size()) {
        // "By Jane Doe, Reuters", "Theo Reuters, AFP": more sources, an agency or a title,
        // each capitalized; "Theo Reuters, Mỹ đồng ý" goes on into a sentence.
        for (std::string_view more = rest.substr(name.size()); !more.empty();) {
            more.remove_prefix(1);  // the comma
            const std::string_view part = trim(more.substr(0, more.find(',')));
            if (!is_capitalized_words(without_closing_brackets(part), 1, kMaxNameWords + 1)) return {};
            more.remove_prefix(std::min(more.size(), more.find(',')));
        }
    }
    name = without_closing_brackets(trim(name));
    if (name.empty() || name.size() > kMaxAuthorBytes) return {};
    // An English name capitalizes every word ("By Court. In accordance with the opinion" is a
    // sentence); a Vietnamese source need not ("Công an nhân dân", "Dân trí").
    if (english && !is_capitalized_words(name, 1, kMaxNameWords + 1)) return {};
    std::size_t p = 0;
    const char32_t first = unicode::decode_utf8(name, p);
    if (unicode::fold_case(first) == first) return {};  // "Theo đó …" is a sentence, not a byline
    if (std::count(name.begin(), name.end(), ' ') >= kMaxNameWords + 1) return {};
    return std::string(name);
}

// A signature with its source in brackets: "Nguyễn Văn A (Theo Dân trí)", "Quang Toàn
// (TTXVN)", "Ái Vi (theo Daily Mail)" -> the name; empty otherwise.
std::string signature_with_source(std::string_view line) {
    if (!line.ends_with(')')) return {};
    const std::string_view name = without_closing_brackets(line);
    if (name.size() == line.size() || !is_person_name(name)) return {};
    return std::string(name);
}

// A signature written at the end of the last paragraph, after its last sentence, as news
// sites' exports glue it: "… làm rõ vụ việc. Hoài Thương", "… Cảm ơn ông. Luân Dũng", "…
// 3.000 đồng/lít. Thạch Huê - TTXVN", "… cần đi khám ngay. An Nhiên Theo Đời sống Plus" -> the
// name; empty when what follows the last sentence is no name of two to four words.
std::string glued_signature(std::string_view line) {
    // Vietnamese news writes it so; an English judgment's last words are its order ("… is
    // dismissed. Appeal Dismissed"), capitalized as names are.
    bool letter_beyond_ascii = false;
    for (std::size_t pos = 0; pos < line.size() && !letter_beyond_ascii;) {
        const char32_t cp = unicode::decode_utf8(line, pos);
        letter_beyond_ascii = cp >= 0x80 && unicode::is_word_char(cp);
    }
    if (!letter_beyond_ascii) return {};
    std::size_t tail_begin = std::string_view::npos;
    for (std::size_t pos = line.size(); pos-- > 1;) {
        if (line[pos] != ' ') continue;
        const char before = line[pos - 1];
        // After a sentence's end: . ! ? or a closing quote (the last bytes of ” and …).
        if (before == '.' || before == '!' || before == '?' || before == '"' || line.substr(0, pos).ends_with("\u201D") ||
            line.substr(0, pos).ends_with("\u2026")) {
            tail_begin = pos + 1;
            break;
        }
    }
    if (tail_begin == std::string_view::npos) return {};
    std::string_view tail = trim(line.substr(tail_begin));
    if (tail.starts_with("Theo ")) return byline_name(tail);  // the source alone: "Theo Dân trí"
    if (is_credit(tail)) return {};
    // The source after it: "Theo Đời sống Plus", "- TTXVN", "(Tổng hợp)".
    if (const std::size_t source = tail.find(" Theo "); source != std::string_view::npos) tail = trim(tail.substr(0, source));
    if (const std::size_t agency = tail.find('/'); agency != std::string_view::npos) tail = trim(tail.substr(0, agency));  // "Phương Anh/KDPL"
    tail = without_closing_brackets(tail);
    // Each name of two to four words: "- TTXVN" is the agency's, "Thu Hằng - Linh Thư" two writers.
    const std::string_view first = without_role(tail.substr(0, tail.find(" - ")));
    if (std::count(first.begin(), first.end(), ' ') > 3) return {};
    return signed_names(tail, true);
}

// "Land Law", "the Enterprise Law": a short English name ending with the noun, which
// the reference grammar reads as a noun right before the number.
bool is_short_english_law_name(std::string_view words) {
    return std::count(words.begin(), words.end(), ' ') <= 2 && words.size() > 4 && words.substr(words.size() - 4) == " law";
}

}  // namespace

std::string find_author(std::string_view text, const std::vector<TextRange>& boilerplate) {
    struct Line {
        std::size_t begin;
        std::string_view text;
    };
    std::vector<Line> lines;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view raw = text.substr(pos, eol - pos);
        const std::string_view line = trim(raw);
        if (!line.empty()) lines.push_back({static_cast<std::size_t>(line.data() - text.data()), line});
        pos = eol + 1;
    }
    for (int i = 0; i < kBylineTopLines && i < static_cast<int>(lines.size()); ++i) {
        if (lines[i].text.substr(0, 3) != "By " && lines[i].text.substr(0, 3) != "BY ") continue;
        if (std::string name = byline_name(lines[i].text); !name.empty()) return name;
    }
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        if (in_ranges(boilerplate, it->begin)) continue;
        if (std::string name = byline_name(it->text); !name.empty()) return name;
        if (std::string names = signed_names(it->text); !names.empty()) return names;
        if (std::string name = signature_with_source(it->text); !name.empty()) return name;
        if (std::string name = glued_signature(it->text); !name.empty()) return name;
        // A line of its own, short as signatures are: in a paragraph, ", theo …" goes on a sentence.
        if (const std::string_view names = signature_names_part(it->text); names.size() < it->text.size() && it->text.size() <= kMaxSignatureLineBytes)
            if (std::string signed_by = signed_names(names); !signed_by.empty()) return signed_by;
        break;  // only the last line that is not boilerplate can be a signature
    }
    return {};
}

std::string first_nonempty_line(std::string_view text) {
    while (!text.empty()) {
        const std::size_t eol = text.find('\n');
        const std::string_view line = trim(text.substr(0, eol));
        if (!line.empty()) return std::string(line);
        if (eol == std::string_view::npos) break;
        text.remove_prefix(eol + 1);
    }
    return {};
}

std::string shorten_title(std::string_view line, std::size_t max_bytes) {
    if (line.size() <= max_bytes) return std::string(line);
    std::size_t cut = line.rfind(' ', max_bytes);
    if (cut == std::string_view::npos || cut < max_bytes / 2) cut = unicode::character_start(line, max_bytes);
    std::string_view head = line.substr(0, cut);
    while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == ';')) head.remove_suffix(1);
    return std::string(head) + "…";
}

std::string own_number_from_title(std::string_view title) {
    static const char* const kTypeNames[] = {
        "nghi dinh", "nghi quyet", "quyet dinh", "thong tu", "thong tu lien tich", "chi thi", "luat", "bo luat",
        "phap lenh", "quy dinh", "ket luan", "thong bao", "cong van", "van ban hop nhat", "decree", "resolution",
        "decision", "circular", "joint circular", "directive", "law", "code", "ordinance", "regulation",
        "conclusion", "notice", "official letter", "consolidated text"};
    const auto found = find_document_numbers(title);
    if (found.empty()) return {};
    std::string before = unicode::fold(title.substr(0, found.front().begin));
    for (char& c : before)
        if (c == '.' || c == ':' || c == ',') c = ' ';
    std::string words;
    for (std::size_t p = 0; p < before.size();) {  // collapse spaces
        const std::size_t start = before.find_first_not_of(' ', p);
        if (start == std::string::npos) break;
        const std::size_t end = std::min(before.find(' ', start), before.size());
        if (!words.empty()) words += ' ';
        words += before.substr(start, end - start);
        p = end;
    }
    for (const char* suffix : {" so", " no"})
        if (words.size() > 3 && words.compare(words.size() - 3, 3, suffix) == 0) words.resize(words.size() - 3);
    const bool names_a_type =
        std::any_of(std::begin(kTypeNames), std::end(kTypeNames), [&](const char* name) { return words == name; });
    // A law's title between noun and number ("Luật Đất đai số 31/2024/QH15") names it too,
    // when the number is the National Assembly's or its Standing Committee's, which alone pass
    // laws, codes and ordinances: "Luật đất đai sửa đổi theo Nghị định 15/2020/NĐ-CP" is no decree.
    const auto passes_laws = [](const std::string& code) { return code.starts_with("QH") || code.starts_with("UBTVQH"); };
    const bool names_a_law = (is_titled_law_name(words) || is_short_english_law_name(words)) &&
                             std::any_of(found.front().value.codes.begin(), found.front().value.codes.end(), passes_laws);
    return names_a_type || names_a_law ? found.front().value.canonical() : std::string();
}

std::string parse_date_at(std::string_view s, std::size_t& length) {
    length = 0;
    std::size_t pos = 0;
    // yyyy-mm-dd (ISO 8601, as exports and English pages write it)
    if (const int year = read_int(s, pos, 4); year >= 1000) {
        if (pos < s.size() && s[pos] == '-') {
            ++pos;
            const int month = read_int(s, pos, 2);
            if (month >= 0 && pos < s.size() && s[pos] == '-') {
                ++pos;
                const int day = read_int(s, pos, 2);
                std::string date = day >= 0 ? iso(year, month, day) : std::string();
                if (!date.empty()) length = pos;
                return date;
            }
        }
        return {};
    }
    pos = 0;
    // d/m/yyyy, d-m-yyyy, d.m.yyyy; "14 August 2023", "14th of August, 2023"
    if (const int day = read_int(s, pos, 2); day >= 0) {
        if ((pos < s.size() && s[pos] == ' ') || s.substr(pos, 3) == "st " || s.substr(pos, 3) == "nd " ||
            s.substr(pos, 3) == "rd " || s.substr(pos, 3) == "th ") {
            // ASCII up to the year, or no month name: the folded text has the same offsets.
            const std::string lower = unicode::fold(s.substr(0, 40));
            std::size_t e = lower[pos] == ' ' ? pos : pos + 2;
            skip_spaces(lower, e);
            if (skip_word(lower, e, "of ")) skip_spaces(lower, e);
            const int month = month_from_name(lower, e);
            if (month > 0 && (e == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[e])))) {
                if (e < lower.size() && lower[e] == ',') ++e;
                skip_spaces(lower, e);
                const int year = read_int(lower, e, 4);
                std::string date = year >= 1000 ? iso(year, month, day) : std::string();
                if (!date.empty()) length = e;
                return date;
            }
            return {};
        }
        if (pos < s.size() && (s[pos] == '/' || s[pos] == '-' || s[pos] == '.')) {
            const char sep = s[pos++];
            const int month = read_int(s, pos, 2);
            if (month >= 0 && pos < s.size() && s[pos] == sep) {
                ++pos;
                const int year = read_int(s, pos, 4);
                if (year >= 1000) {
                    // Day first, as Vietnamese and British English write it; month first only
                    // where no day-first reading exists: the US "5/28/2014" of an English draft.
                    std::string date = iso(year, month, day);
                    if (date.empty() && month > 12) date = iso(year, day, month);
                    if (!date.empty()) length = pos;
                    return date;
                }
            }
        }
        return {};
    }
    // Only "ngày" and month names begin a date with a letter: three folded letters decide
    // whether to fold more.
    {
        std::string head = unicode::fold(s.substr(0, unicode::character_start(s, 12)));
        if (head.size() < 3) head = unicode::fold(s.substr(0, 64));  // marks that fold to nothing
        if (head.size() < 3 || std::find(kDateStarts.begin(), kDateStarts.end(), std::string_view(head).substr(0, 3)) == kDateStarts.end())
            return {};
    }
    // "ngày 06 tháng 7 năm 2022" (with or without diacritics, any case)
    const std::string folded = unicode::fold(s.substr(0, 64));
    {
        std::size_t f = 0;
        if (skip_word(folded, f, "ngay")) {
            skip_spaces(folded, f);
            const int day = read_int(folded, f, 2);
            skip_spaces(folded, f);
            if (day > 0 && skip_word(folded, f, "thang")) {
                skip_spaces(folded, f);
                const int month = read_int(folded, f, 2);
                skip_spaces(folded, f);
                if (month > 0 && skip_word(folded, f, "nam")) {
                    skip_spaces(folded, f);
                    const int year = read_int(folded, f, 4);
                    std::string date = year > 0 ? iso(year, month, day) : std::string();
                    if (!date.empty()) {
                        // Map the folded length back to the original: count code points.
                        std::size_t cps = 0;
                        for (std::size_t i = 0; i < f; ++i) cps += (static_cast<unsigned char>(folded[i]) & 0xC0) != 0x80;
                        std::size_t p = 0;
                        while (cps > 0 && p < s.size()) {
                            (void)unicode::decode_utf8(s, p);
                            // Combining marks fold to nothing; NFC text has none in these words.
                            --cps;
                        }
                        length = p;
                    }
                    return date;
                }
            }
            return {};
        }
        // "August 14, 2023" / "Aug 14 2023"
        std::size_t e = 0;
        const int month = month_from_name(folded, e);
        if (month > 0 && skip_spaces(folded, e)) {
            const int day = read_int(folded, e, 2);
            if (day > 0) {
                if (e + 1 < folded.size() && folded.substr(e, 2) == "st") e += 2;
                else if (folded.substr(e, 2) == "nd" || folded.substr(e, 2) == "rd" || folded.substr(e, 2) == "th") e += 2;
                if (e < folded.size() && folded[e] == ',') ++e;
                skip_spaces(folded, e);
                const int year = read_int(folded, e, 4);
                std::string date = year > 0 ? iso(year, month, day) : std::string();
                if (!date.empty()) length = e;  // ASCII only: same length as the original
                return date;
            }
        }
    }
    return {};
}

namespace {

// What parse_date_at can begin with: a digit, or two letters that fold to how one of
// kDateStarts begins. Other word starts are skipped without folding.
bool may_start_date(std::string_view s) {
    const auto first = static_cast<unsigned char>(s[0]);
    if (is_digit(static_cast<char>(first))) return true;
    if (s.size() < 2) return false;
    const auto second = static_cast<unsigned char>(s[1]);
    if (first >= 0x80 || second >= 0x80) return true;  // may fold to one of them ("Đe" to "de")
    const char pair[2] = {static_cast<char>(std::tolower(first)), static_cast<char>(std::tolower(second))};
    return std::any_of(kDateStarts.begin(), kDateStarts.end(),
                       [&](std::string_view start) { return start.substr(0, 2) == std::string_view(pair, 2); });
}

// The lines a dateline or byline may be on: the first 12 that are not blank, trimmed.
std::vector<std::string_view> dateline_candidates(std::string_view text) {
    constexpr std::size_t kLinesToScan = 12;
    std::vector<std::string_view> lines;
    lines.reserve(kLinesToScan);
    while (!text.empty() && lines.size() < kLinesToScan) {
        const std::size_t eol = text.find('\n');
        const std::string_view line = trim(text.substr(0, eol));
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

// One to four capitalized words without digits: "Quảng Ninh", "TP. Hồ Chí Minh", "HANOI".
bool is_place_name(std::string_view place) {
    constexpr std::size_t kMaxPlaceWords = 4;
    std::size_t words = 0;
    bool capitalized = true;
    for (std::size_t pos = 0; pos < place.size();) {
        const std::size_t begin = pos;
        const char32_t first = unicode::decode_utf8(place, pos);
        if (first == U' ' || first == U'.' || first == U'-') continue;
        ++words;
        capitalized = capitalized && unicode::fold_case(first) != first;
        while (pos < place.size() && place[pos] != ' ' && place[pos] != '.' && place[pos] != '-') ++pos;
        if (std::any_of(place.begin() + static_cast<std::ptrdiff_t>(begin), place.begin() + static_cast<std::ptrdiff_t>(pos), is_digit))
            capitalized = false;
    }
    return words >= 1 && words <= kMaxPlaceWords && capitalized;
}

constexpr std::size_t kMaxPlaceBytes = 48;

// The date of a wire-style dateline that opens the first paragraph, "HANOI, Feb. 6, 2017 —
// Deputy Governor …", "TP.HCM, 22/9/2023 (VNA) - Sáng nay …": a place, a comma, the date,
// perhaps the agency in brackets, then a dash. The paragraph makes the line long, but the
// date is what the dateline says; "" when the line does not open so.
std::string wire_dateline_date(std::string_view line) {
    while (!line.empty() && (line.front() == '*' || line.front() == '_')) line.remove_prefix(1);  // Markdown emphasis
    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos || comma > kMaxPlaceBytes || !is_place_name(trim(line.substr(0, comma)))) return {};
    std::string_view rest = trim(line.substr(comma + 1));
    std::size_t length = 0;
    std::string date = parse_date_at(rest, length);
    if (date.empty()) return {};
    rest = trim(rest.substr(length));
    while (!rest.empty() && (rest.front() == '*' || rest.front() == '_')) rest.remove_prefix(1);
    constexpr std::size_t kMaxAgencyBytes = 24;
    if (rest.starts_with("(")) {
        const std::size_t close = rest.find(')');
        if (close == std::string_view::npos || close > kMaxAgencyBytes) return {};
        rest = trim(rest.substr(close + 1));
    }
    for (const std::string_view dash : {"\u2014", "\u2013", "- ", "-- "})
        if (rest.starts_with(dash)) return date;
    return {};
}

// The date a heading line closes with in brackets, "… AIR 1996 SC 463; 1995 (6) SCC 315 (11
// October 1995)": how law reports and legal information institutes (LII of India, BAILII,
// AustLII) head a judgment, its name and citations, then the day it was given. The bracket
// holds the whole date and ends the line: a sentence that cites a date in brackets goes on,
// or ends with its full stop. "" otherwise.
std::string date_closing_heading(std::string_view line) {
    if (!line.ends_with(')')) return {};
    const std::size_t open = line.rfind('(');
    if (open == std::string_view::npos) return {};
    const std::string_view inside = trim(line.substr(open + 1, line.size() - open - 2));
    std::size_t length = 0;
    std::string date = parse_date_at(inside, length);
    return length == inside.size() ? date : std::string();
}

}  // namespace

std::string find_publication_date(std::string_view text) {
    constexpr std::size_t kMaxDatelineBytes = 80;
    constexpr std::size_t kMaxOtherLetters = 24;
    for (const std::string_view line : dateline_candidates(text)) {
        if (std::string date = wire_dateline_date(line); !date.empty()) return date;
        if (std::string date = date_closing_heading(line); !date.empty()) return date;
        if (line.size() > kMaxDatelineBytes) continue;
        for (std::size_t pos = 0; pos < line.size(); ++pos) {
            const bool at_word_start = pos == 0 || !std::isalnum(static_cast<unsigned char>(line[pos - 1]));
            if (!at_word_start || !may_start_date(line.substr(pos))) continue;
            std::size_t length = 0;
            std::string date = parse_date_at(line.substr(pos), length);
            if (date.empty()) continue;
            std::size_t letters = 0;
            for (std::size_t i = 0; i < line.size(); ++i) {
                if (i >= pos && i < pos + length) continue;
                if (std::isalpha(static_cast<unsigned char>(line[i])) || static_cast<unsigned char>(line[i]) >= 0x80) ++letters;
            }
            if (letters <= kMaxOtherLetters) return date;
            break;
        }
    }
    return {};
}

namespace {

// The sentence around @p at: from just after the last full stop or line break before it.
std::string_view sentence_before(std::string_view text, std::size_t at) {
    constexpr std::size_t kMaxSentenceBytes = 600;
    const std::size_t floor = at > kMaxSentenceBytes ? at - kMaxSentenceBytes : 0;
    std::size_t begin = at;
    while (begin > floor && text[begin - 1] != '\n' && !(text[begin - 1] == ' ' && begin >= 2 && text[begin - 2] == '.')) --begin;
    return trim(text.substr(begin, at - begin));
}

// Whether @p sentence opens by naming its own document: "Luật này", "This Law".
bool names_itself(std::string_view sentence, std::initializer_list<std::string_view> openings) {
    const std::string folded = unicode::fold_case(sentence.substr(0, unicode::character_start(sentence, 32)));
    return std::any_of(openings.begin(), openings.end(), [&](std::string_view opening) {
        return std::string_view(folded).starts_with(opening) &&
               (folded.size() == opening.size() || folded[opening.size()] == ' ' || folded[opening.size()] == ',');
    });
}

}  // namespace

std::string find_adoption_date(std::string_view text) {
    constexpr std::size_t kMaxEnglishClauseBytes = 400;
    std::string found;
    // "… thông qua ngày 17 tháng 6 năm 2020", "… thông qua vào ngày 17/6/2020".
    constexpr std::string_view kPassed = "thông qua";
    for (std::size_t at = text.find(kPassed); at != std::string_view::npos; at = text.find(kPassed, at + 1)) {
        if (!names_itself(sentence_before(text, at), {"luật này", "bộ luật này", "pháp lệnh này", "nghị quyết này", "hiến pháp này"}))
            continue;
        std::string_view rest = trim(text.substr(at + kPassed.size()));
        constexpr std::string_view kOn = "vào ";
        if (rest.starts_with(kOn)) rest.remove_prefix(kOn.size());
        std::size_t length = 0;
        std::string date = parse_date_at(rest, length);  // "ngày 17 tháng 6 năm 2020"
        constexpr std::string_view kDay = "ngày ";
        if (date.empty() && rest.starts_with(kDay)) date = parse_date_at(rest.substr(kDay.size()), length);  // "ngày 24/11/2015"
        if (!date.empty()) found = std::move(date);
    }
    // "This Law was passed by … on June 17, 2020", "… adopted …", "… is ratified …".
    // One scan for "This " (a scan for each type cost more than the rest of the function).
    constexpr std::string_view kThis = "This ";
    const auto names_a_type = [&](std::size_t after) {
        for (const std::string_view type : {"Law", "Code", "Ordinance", "Resolution", "Constitution"}) {
            if (text.substr(after, type.size()) != type) continue;
            const std::size_t next = after + type.size();
            if (next == text.size() || !std::isalpha(static_cast<unsigned char>(text[next]))) return true;  // not "This Lawyer"
        }
        return false;
    };
    for (std::size_t at = text.find(kThis); at != std::string_view::npos; at = text.find(kThis, at + 1)) {
        if (!names_a_type(at + kThis.size()) || !sentence_before(text, at).empty()) continue;  // a sentence begins so
        std::string_view clause = text.substr(at, kMaxEnglishClauseBytes);
        clause = clause.substr(0, clause.find('\n'));
        std::size_t verb = std::string_view::npos;
        for (const std::string_view passed : {" passed ", " adopted ", " approved ", " ratified "})
            verb = std::min(verb, clause.find(passed));
        if (verb == std::string_view::npos) continue;
        for (std::size_t on = clause.find(" on ", verb); on != std::string_view::npos; on = clause.find(" on ", on + 1)) {
            std::size_t length = 0;
            if (std::string date = parse_date_at(clause.substr(on + 4), length); !date.empty()) {
                found = std::move(date);
                break;
            }
        }
    }
    return found;
}

std::string find_dateline_place(std::string_view text) {
    for (std::string_view line : dateline_candidates(text)) {
        while (!line.empty() && (line.front() == '*' || line.front() == '_')) line.remove_prefix(1);  // Markdown emphasis
        const std::size_t comma = line.find(',');
        if (comma == std::string_view::npos || comma > kMaxPlaceBytes) continue;
        std::size_t length = 0;
        if (parse_date_at(trim(line.substr(comma + 1)), length).empty()) continue;
        const std::string_view place = trim(line.substr(0, comma));
        if (is_place_name(place)) return std::string(place);
    }
    return {};
}

namespace {

// The labels of @p url's host that may name the site, folded: "https://e.vnexpress.net/x" ->
// {"e", "vnexpress", "net"}; the caller asks for four letters.
std::vector<std::string> host_labels(std::string_view url) {
    std::vector<std::string> labels;
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return labels;
    std::string_view host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#:"));
    if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    for (std::size_t start = 0; start <= host.size();) {
        const std::size_t end = std::min(host.find('.', start), host.size());
        labels.push_back(unicode::folded_word_chars(unicode::fold(host.substr(start, end - start))));
        start = end + 1;
    }
    return labels;
}

}  // namespace

std::string title_without_site_name(std::string_view title, std::string_view url) {
    constexpr std::size_t kMinLetters = 4;
    const std::vector<std::string> labels = host_labels(url);
    const auto names_the_site = [&](std::string_view part) {
        const std::string letters = unicode::folded_word_chars(unicode::fold(part));  // "Báo Lao Động" -> "baolaodong"
        return std::any_of(labels.begin(), labels.end(), [&](const std::string& label) {
            const std::string& shorter = label.size() < letters.size() ? label : letters;
            const std::string& longer = label.size() < letters.size() ? letters : label;
            return shorter.size() >= kMinLetters && longer.find(shorter) != std::string::npos;
        });
    };
    if (labels.empty()) return std::string(title);
    for (const std::string_view separator : {" - ", " | ", " – ", " — ", " :: ", " » "}) {
        if (const std::size_t last = title.rfind(separator); last != std::string_view::npos && last > 0 &&
                                                               names_the_site(title.substr(last + separator.size())))
            return std::string(title.substr(0, last));
        if (const std::size_t first = title.find(separator);
            first != std::string_view::npos && first + separator.size() < title.size() && names_the_site(title.substr(0, first)))
            return std::string(title.substr(first + separator.size()));
    }
    return std::string(title);
}

std::string find_source_url(std::string_view text) {
    while (!text.empty()) {
        const std::size_t eol = text.find('\n');
        std::string_view line = trim(text.substr(0, eol));
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon > 12) continue;
        const std::string label = unicode::fold(trim(line.substr(0, colon)));
        if (label != "source" && label != "nguon") continue;
        line = line.substr(colon);
        line = trim(line.substr(1));
        if (line.rfind("http://", 0) != 0 && line.rfind("https://", 0) != 0) continue;
        const std::size_t end = line.find_first_of(" \t");
        return std::string(line.substr(0, end));
    }
    return {};
}

}  // namespace tracuu
