/** @file
 * @brief The header read cell by cell; an upper-case subject put in the case the body
 *        writes its words in.
 */
#include "core/legal_header.hpp"

#include "analyzers/document_number.hpp"
#include "analyzers/reference.hpp"
#include "analyzers/unicode.hpp"
#include "core/metadata.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tracuu {
namespace {

// Non-empty lines the header may take: issuer (two), a rule, the motto (two), a rule,
// number, place and date, and room for a "*" or a blank-looking line.
constexpr int kHeaderLines = 12;
// A header cell is short; a longer one is the body's first paragraph. Two cells side by side
// make a line at most this long.
constexpr std::size_t kMaxCellBytes = 120;
constexpr std::size_t kMaxLineBytes = 300;
// "Thành phố Hồ Chí Minh, ngày …": the place before the date's comma.
constexpr std::size_t kMaxPlaceBytes = 48;
// The subject under the type line: a few lines at most.
constexpr int kMaxSubjectLines = 4;
constexpr std::size_t kMaxSubjectBytes = 400;
// How much of the body is read for how it writes the subject's words.
constexpr std::size_t kMaxBodyBytesForCase = 64 * 1024;

struct DocumentType {
    std::string_view folded;   // the type line, folded
    std::string_view display;  // how a title names it
    bool english;
    bool named;  // a law, code or ordinance: the subject is its name ("Luật Đất đai")
};

constexpr std::array<DocumentType, 45> kTypes = {{
    {"nghi dinh", "Nghị định", false, false},        {"nghi quyet", "Nghị quyết", false, false},
    {"nghi quyet lien tich", "Nghị quyết liên tịch", false, false},
    {"quyet dinh", "Quyết định", false, false},      {"thong tu", "Thông tư", false, false},
    {"thong tu lien tich", "Thông tư liên tịch", false, false},
    {"chi thi", "Chỉ thị", false, false},            {"luat", "Luật", false, true},
    {"bo luat", "Bộ luật", false, true},             {"phap lenh", "Pháp lệnh", false, true},
    {"hien phap", "Hiến pháp", false, true},         {"lenh", "Lệnh", false, false},
    {"quy dinh", "Quy định", false, false},          {"quy che", "Quy chế", false, false},
    {"ket luan", "Kết luận", false, false},          {"thong bao", "Thông báo", false, false},
    {"cong van", "Công văn", false, false},          {"cong dien", "Công điện", false, false},
    {"huong dan", "Hướng dẫn", false, false},        {"ke hoach", "Kế hoạch", false, false},
    {"chuong trinh", "Chương trình", false, false},  {"de an", "Đề án", false, false},
    {"bao cao", "Báo cáo", false, false},            {"to trinh", "Tờ trình", false, false},
    {"dieu le", "Điều lệ", false, false},            {"van ban hop nhat", "Văn bản hợp nhất", false, false},
    {"decree", "Decree", true, false},               {"resolution", "Resolution", true, false},
    {"joint resolution", "Joint Resolution", true, false},
    {"decision", "Decision", true, false},           {"circular", "Circular", true, false},
    {"joint circular", "Joint Circular", true, false},
    {"directive", "Directive", true, false},         {"law", "Law", true, true},
    {"code", "Code", true, true},                    {"ordinance", "Ordinance", true, true},
    {"constitution", "Constitution", true, true},    {"order", "Order", true, false},
    {"regulation", "Regulation", true, false},       {"regulations", "Regulations", true, false},
    {"conclusion", "Conclusion", true, false},       {"notice", "Notice", true, false},
    {"official letter", "Official Letter", true, false},
    {"official dispatch", "Official Dispatch", true, false},
    {"plan", "Plan", true, false},
}};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Bytes of the space at @p pos: a space, tab or CR, or a no-break space (common in pasted
// text); 0 for anything else.
std::size_t space_width_at(std::string_view s, std::size_t pos) {
    if (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\r') return 1;
    return s.substr(pos, 2) == "\xC2\xA0" ? 2 : 0;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && space_width_at(s, 0) > 0) s.remove_prefix(space_width_at(s, 0));
    while (!s.empty()) {
        if (space_width_at(s, s.size() - 1) == 1) s.remove_suffix(1);
        else if (s.ends_with("\xC2\xA0")) s.remove_suffix(2);
        else break;
    }
    return s;
}

// The line of @p text at @p pos, trimmed; @p pos moves past it.
std::string_view next_line(std::string_view text, std::size_t& pos) {
    const std::size_t eol = std::min(text.find('\n', pos), text.size());
    const std::string_view line = trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    return line;
}

// The cells of a line: columns pasted side by side are split by a tab or by two spaces or more.
std::vector<std::string_view> cells_of(std::string_view line) {
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < line.size();) {
        if (space_width_at(line, pos) == 0) {
            ++pos;
            continue;
        }
        std::size_t end = pos, spaces = 0;
        bool tab = false;
        for (std::size_t width; end < line.size() && (width = space_width_at(line, end)) > 0; end += width, ++spaces)
            tab |= line[end] == '\t';
        if (tab || spaces >= 2) {
            if (const std::string_view cell = trim(line.substr(start, pos - start)); !cell.empty()) cells.push_back(cell);
            start = end;
        }
        pos = end;
    }
    if (const std::string_view cell = trim(line.substr(start)); !cell.empty()) cells.push_back(cell);
    return cells;
}

// Folded, with punctuation other than '/' and '-' as spaces and runs of spaces as one.
std::string folded_words(std::string_view text) {
    std::string words;
    for (char c : unicode::fold(text)) {
        if (c == '.' || c == ':' || c == ',' || c == ';' || c == '\t' || c == '(' || c == ')') c = ' ';
        if (c == ' ' && (words.empty() || words.back() == ' ')) continue;
        words += c;
    }
    if (!words.empty() && words.back() == ' ') words.pop_back();
    return words;
}

// A line of dashes, underscores or stars drawn under the issuer or the motto.
bool is_rule(std::string_view cell) {
    for (std::size_t pos = 0; pos < cell.size();) {
        const char32_t cp = unicode::decode_utf8(cell, pos);
        if (unicode::is_word_char(cp)) return false;
    }
    return true;
}

// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc", the Party's name, or
// their English translation.
bool is_motto(std::string_view folded) {
    for (const std::string_view motto : {"cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam", "socialist republic of viet"})
        if (starts_with(folded, motto)) return true;
    return (starts_with(folded, "doc lap") && folded.ends_with("hanh phuc")) ||
           (starts_with(folded, "independence") && folded.ends_with("happiness"));
}

const DocumentType* type_named(std::string_view folded) {
    for (const DocumentType& type : kTypes)
        if (folded == type.folded) return &type;
    return nullptr;
}

struct NumberLine {
    DocumentNumberMatch match;
    bool english = false;
};

// "Số: 08/2021/NĐ-CP", "Số 69-QĐ/TW", "No.: 15/2020/ND-CP", "Luật số: 31/2024/QH15": a label,
// then the number and nothing else.
std::optional<NumberLine> number_line(std::string_view cell) {
    static constexpr std::array<std::pair<std::string_view, bool>, 4> labels = {
        {{"so", false}, {"so hieu", false}, {"no", true}, {"number", true}}};  // with whether it is English
    // The label first: it is cheap, and most cells have none.
    const std::size_t digit = cell.find_first_of("0123456789");
    if (digit == std::string_view::npos) return std::nullopt;
    const std::string label = folded_words(cell.substr(0, digit));
    const auto labelled = std::find_if(labels.begin(), labels.end(), [&](const auto& entry) {
        const std::string_view word = entry.first;
        return label == word || (label.size() > word.size() && label.ends_with(word) && label[label.size() - word.size() - 1] == ' ' &&
                                 type_named(std::string_view(label).substr(0, label.size() - word.size() - 1)) != nullptr);
    });
    if (labelled == labels.end()) return std::nullopt;
    auto found = find_document_numbers(cell);  // with its label, so "Số: 295/LĐLĐ" counts too
    if (found.empty() || found.front().begin != digit || !trim(cell.substr(found.front().end)).empty()) return std::nullopt;
    return NumberLine{std::move(found.front()), labelled->second};
}

// "Hà Nội, ngày 28 tháng 01 năm 2021", "Hanoi, February 3, 2020": the date, ISO, or "";
// @p place gets what comes before the comma.
std::string dateline_date(std::string_view cell, std::string_view& place) {
    std::size_t start = 0;
    place = {};
    if (const std::size_t comma = cell.find(','); comma != std::string_view::npos && comma <= kMaxPlaceBytes) {
        if (std::any_of(cell.begin(), cell.begin() + static_cast<std::ptrdiff_t>(comma), [](char c) { return c >= '0' && c <= '9'; }))
            return {};
        place = trim(cell.substr(0, comma));
        start = comma + 1;
        while (start < cell.size() && cell[start] == ' ') ++start;
    }
    std::size_t length = 0;
    std::string date = parse_date_at(cell.substr(start), length);
    const std::string_view rest = trim(cell.substr(start + length));
    if (rest.empty() || rest == ".") return date;
    place = {};
    return {};
}

// Where the body begins: the legal bases, an addressee, an article.
bool starts_body(std::string_view folded) {
    static constexpr std::array<std::string_view, 14> starts = {
        "can cu", "theo de nghi", "xet de nghi", "kinh gui", "dieu ", "chuong ", "phan thu", "muc ",
        "pursuant", "at the request", "in accordance", "article ", "chapter ", "to "};
    if (starts_with(folded, "- ") || starts_with(folded, "+ ")) folded.remove_prefix(2);
    return std::any_of(starts.begin(), starts.end(), [&](std::string_view start) { return starts_with(folded, start); });
}

// The signing authority's line between the subject and the legal bases ("BỘ TRƯỞNG BỘ TÀI
// CHÍNH", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "THE GOVERNMENT"): not the subject any more.
bool names_the_authority(std::string_view folded) {
    static constexpr std::array<std::string_view, 16> starts = {
        "bo truong", "chu tich", "thu tuong", "giam doc", "tong giam doc", "thong doc", "chanh an", "vien truong",
        "tong kiem toan", "ban chap hanh", "bo chinh tri", "ban bi thu", "chinh phu", "quoc hoi", "uy ban", "the "};
    return std::any_of(starts.begin(), starts.end(), [&](std::string_view start) { return starts_with(folded, start); });
}

bool has_lower_case_letter(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = unicode::decode_utf8(text, pos);
        if (unicode::is_word_char(cp) && !(cp >= '0' && cp <= '9') && unicode::fold_case(cp) == cp) return true;
    }
    return false;
}

// The enacting sentence restates the subject in its case: "Chính phủ ban hành Nghị định quy
// định về …", "Quốc hội ban hành Luật Đất đai". The body's spelling of @p subject after
// "<type> ", or "".
std::string restated_subject(std::string_view body, std::string_view type, std::string_view subject) {
    const std::string needle = std::string(type) + ' ';
    for (std::size_t at = body.find(needle); at != std::string_view::npos; at = body.find(needle, at + 1)) {
        const std::size_t begin = at + needle.size();
        std::size_t b = begin, s = 0;
        while (s < subject.size() && b < body.size()) {
            if (subject[s] == ' ' || body[b] == ' ') {
                if (subject[s] != ' ' || body[b] != ' ') break;
                while (s < subject.size() && subject[s] == ' ') ++s;
                while (b < body.size() && body[b] == ' ') ++b;
                continue;
            }
            if (unicode::fold_case(unicode::decode_utf8(subject, s)) != unicode::fold_case(unicode::decode_utf8(body, b))) break;
        }
        if (s < subject.size()) continue;
        std::size_t next = b;
        if (b == body.size() || !unicode::is_word_char(unicode::decode_utf8(body, next))) return std::string(body.substr(begin, b - begin));
    }
    return {};
}

enum class Casing { lower, capitalized, upper };

struct Word {
    std::size_t begin, end;  // bytes in the text it was read from
    std::string lower;
    Casing casing;
    bool telling;  // mid-sentence in a line that is not a heading: its case means something
};

// The words of @p text; a word that punctuation separates from the one before gets an empty
// entry first, so that neighbours in the list are neighbours in a phrase.
std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> words;
    for (std::size_t line_begin = 0; line_begin < text.size();) {
        std::size_t line_end = text.find('\n', line_begin);
        if (line_end == std::string_view::npos) line_end = text.size();
        const std::string_view line = text.substr(line_begin, line_end - line_begin);
        int upper = 0, lower = 0;
        for (std::size_t pos = 0; pos < line.size();) {
            const char32_t cp = unicode::decode_utf8(line, pos);
            if (!unicode::is_word_char(cp) || (cp >= '0' && cp <= '9')) continue;
            ++(unicode::fold_case(cp) == cp ? lower : upper);
        }
        const bool heading = upper >= lower;
        bool sentence_start = true, separated = true;
        for (std::size_t pos = 0; pos < line.size();) {
            const std::size_t begin = pos;
            char32_t cp = unicode::decode_utf8(line, pos);
            if (!unicode::is_word_char(cp)) {
                if (cp == ' ' || cp == 0xA0 || cp == '\t') continue;
                separated = true;
                if (cp != ',') sentence_start = true;  // ". ", ": ", "- ", "(": what follows may be capitalized anyway
                continue;
            }
            std::size_t end = pos;
            Word word{line_begin + begin, 0, {}, Casing::lower, false};
            bool first_upper = unicode::fold_case(cp) != cp, rest_upper = false, rest_lower = false;
            unicode::append_utf8(word.lower, unicode::fold_case(cp));
            while (end < line.size()) {
                std::size_t next = end;
                cp = unicode::decode_utf8(line, next);
                if (!unicode::is_word_char(cp)) break;
                const bool is_upper = unicode::fold_case(cp) != cp;
                rest_upper |= is_upper;
                rest_lower |= !is_upper && !(cp >= '0' && cp <= '9');
                unicode::append_utf8(word.lower, unicode::fold_case(cp));
                end = next;
            }
            pos = end;
            word.end = line_begin + end;
            word.casing = rest_upper && !rest_lower ? Casing::upper : first_upper ? Casing::capitalized : Casing::lower;
            if (first_upper && rest_upper && rest_lower) word.casing = Casing::capitalized;  // "iPhone", "McDonald"
            word.telling = !heading && !sentence_start;
            if (separated && !words.empty()) words.push_back({0, 0, {}, Casing::lower, false});
            words.push_back(std::move(word));
            sentence_start = separated = false;
        }
        words.push_back({0, 0, {}, Casing::lower, false});
        line_begin = line_end + 1;
    }
    return words;
}

// An upper-case subject in the case @p body writes each of its words in mid-sentence, where
// case tells a name from a word, next to the same neighbour as in the subject ("Hà Nội",
// but "nội địa"); the most frequent case, lower case on a tie and for words the body does
// not write so. Document numbers stay as written.
std::string subject_in_body_case(std::string_view subject, std::string_view body) {
    const std::vector<Word> words = words_of(subject);
    std::unordered_map<std::string, std::vector<std::size_t>> at;  // subject words, by lower-case form
    for (std::size_t i = 0; i < words.size(); ++i)
        if (!words[i].lower.empty()) at[words[i].lower].push_back(i);
    std::vector<std::array<int, 3>> votes(words.size());  // per Casing, in the same phrase
    const std::vector<Word> body_words = words_of(body.substr(0, std::min(body.size(), kMaxBodyBytesForCase)));
    for (std::size_t j = 0; j < body_words.size(); ++j) {
        const Word& word = body_words[j];
        if (!word.telling) continue;
        const auto found = at.find(word.lower);
        if (found == at.end()) continue;
        for (const std::size_t i : found->second) {
            const bool same_before = i > 0 && j > 0 && !words[i - 1].lower.empty() && body_words[j - 1].lower == words[i - 1].lower;
            const bool same_after = i + 1 < words.size() && j + 1 < body_words.size() && !words[i + 1].lower.empty() &&
                                    body_words[j + 1].lower == words[i + 1].lower;
            // A capital inside a longer name counts only where the name's start is the subject's
            // too: "Luật Tổ chức Chính phủ" says nothing of "tổ chức thi hành".
            const bool name_starts_elsewhere = word.casing != Casing::lower && !same_before && j > 0 &&
                                               !body_words[j - 1].lower.empty() && body_words[j - 1].casing != Casing::lower;
            if ((same_before || same_after) && !name_starts_elsewhere) ++votes[i][static_cast<int>(word.casing)];
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> numbers;
    for (const DocumentNumberMatch& match : find_document_numbers(subject)) numbers.emplace_back(match.begin, match.end);
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& word = words[i];
        if (word.lower.empty()) continue;
        if (std::any_of(numbers.begin(), numbers.end(), [&](const auto& span) { return word.begin >= span.first && word.end <= span.second; }))
            continue;
        // The most frequent case, lower case first on a tie; none at all is lower case.
        const auto casing = static_cast<Casing>(std::max_element(votes[i].begin(), votes[i].end()) - votes[i].begin());
        if (casing == Casing::upper) continue;
        out.append(subject.substr(copied, word.begin - copied));
        std::size_t first = word.begin;
        (void)unicode::decode_utf8(subject, first);
        if (casing == Casing::capitalized) out.append(subject.substr(word.begin, first - word.begin));
        out += unicode::fold_case(subject.substr(casing == Casing::capitalized ? first : word.begin,
                                         word.end - (casing == Casing::capitalized ? first : word.begin)));
        copied = word.end;
    }
    out.append(subject.substr(copied));
    return out;
}

// The subject as a title goes on after the type and number: in the body's case when the header
// writes it in capitals, starting in lower case as a sentence goes on, unless it is a law's
// name ("Luật Đất đai").
std::string subject_for_title(std::string_view subject, const DocumentType* type, std::string_view body) {
    const bool named = type != nullptr && type->named;
    const bool in_capitals = !has_lower_case_letter(subject);
    std::string out;
    if (!in_capitals) out = subject;
    else if (type != nullptr) out = restated_subject(body, type->display, subject);
    if (out.empty()) out = subject_in_body_case(subject, body);
    std::size_t first = 0, header_first = 0;
    (void)unicode::decode_utf8(out, first);
    (void)unicode::decode_utf8(subject, header_first);
    if (named && in_capitals) return std::string(subject.substr(0, header_first)) + out.substr(first);  // the capital
    if (!named && !in_capitals) return unicode::fold_case(std::string_view(out).substr(0, first)) + out.substr(first);  // "Về việc" -> "về việc"
    return out;
}

std::string compose_title(std::string_view type_name, bool english, bool named, std::string_view number,
                          std::string_view subject) {
    std::string title(type_name);
    const std::string number_part = std::string(english ? "No. " : "số ") + std::string(number);
    if (named && !subject.empty()) return title + ' ' + std::string(subject) + ' ' + number_part;
    if (!title.empty()) title += english ? " No. " : " ";
    title += number;
    if (!subject.empty()) title += ' ' + std::string(subject);
    return title;
}

// Where the header may begin: at the first line, or after at most kMaxTitleLines in sentence
// case (a heading pasted above it) when the next line has no lower-case letter, as an issuer
// or the motto; npos when neither. A header opens with its issuer or the national motto, in
// capitals (Decree 30/2020/NĐ-CP); a headline in sentence case followed by more sentence case
// opens an article.
std::size_t header_start(std::string_view text) {
    constexpr int kMaxTitleLines = 2;
    std::size_t pos = 0;
    for (int lines = 0; pos < text.size() && lines <= kMaxTitleLines;) {
        const std::size_t start = pos;
        const std::string_view line = next_line(text, pos);
        if (line.empty()) continue;
        if (line.size() > kMaxLineBytes) return std::string_view::npos;
        if (!has_lower_case_letter(line)) return start;
        ++lines;
    }
    return std::string_view::npos;
}

// Whether one of the lines the header may take holds a digit and a number label ("Số", "So",
// "No", "Number"): most texts have no header, and this spares them splitting and folding.
bool may_hold_number_line(std::string_view text) {
    // Not "so": "so với" (compared with) is in every other Vietnamese headline.
    static constexpr std::array<std::string_view, 9> kLabels = {"S\u1ed1", "s\u1ed1", "S\u1ed0", "So", "SO",
                                                                 "No", "NO", "umber", "UMBER"};
    std::size_t pos = 0;
    for (int lines = 0; pos < text.size() && lines < kHeaderLines;) {
        // Not to the end of a long first paragraph: a line that long is the body already.
        const std::size_t window = 2 * kMaxLineBytes;
        std::size_t eol = text.substr(pos, window).find('\n');
        if (eol == std::string_view::npos) {
            if (text.size() - pos > window) return false;
            eol = text.size();
        } else {
            eol += pos;
        }
        const std::string_view line = trim(text.substr(pos, eol - pos));
        pos = eol + 1;
        if (line.empty()) continue;
        ++lines;
        if (line.size() > kMaxLineBytes) return false;  // the body has begun, as read_legal_header sees it
        // One pass: a digit somewhere, a label starting at some S, s, N or u/U, and whether
        // the line has a lower-case letter.
        bool digit = false, label = false, lower = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c >= '0' && c <= '9') digit = true;
            lower = lower || (c >= 'a' && c <= 'z');
            if (!label && (c == 'S' || c == 's' || c == 'N' || c == 'u' || c == 'U'))
                label = std::any_of(kLabels.begin(), kLabels.end(), [&](std::string_view l) { return starts_with(line.substr(i), l); });
        }
        if (digit && label) return true;
        if (lines == 1 && lower) return false;  // header_start found no capitals here
    }
    return false;
}

}  // namespace

std::optional<LegalHeader> read_legal_header(std::string_view text) {
    // Most texts have no header: the cheap tests first.
    const std::size_t start = header_start(text.substr(0, 3 * kMaxLineBytes));
    if (start == std::string_view::npos || !may_hold_number_line(text.substr(start))) return std::nullopt;
    std::optional<NumberLine> number;
    std::string_view number_cell, letter_subject, place;
    std::string date, issuer;
    bool motto = false;
    const DocumentType* type = nullptr;
    std::size_t pos = start;
    for (int lines = 0; pos < text.size() && lines < kHeaderLines && type == nullptr;) {
        const std::string_view line = next_line(text, pos);
        if (line.empty()) continue;
        ++lines;
        if (line.size() > kMaxLineBytes) break;  // a paragraph: the body has begun
        bool body = false;
        bool first_column = true;
        for (const std::string_view cell : cells_of(line)) {
            const bool first_cell = std::exchange(first_column, false);
            if (cell.size() > kMaxCellBytes) {
                body = true;
                break;
            }
            const std::string folded = folded_words(cell);
            if (starts_body(folded)) {
                body = true;
                break;
            }
            if (is_rule(cell)) continue;
            if ((type = type_named(folded)) != nullptr) break;
            if (is_motto(folded)) {
                motto = true;
            } else if (starts_with(folded, "v/v")) {
                letter_subject = trim(cell.substr(3));
            } else if (!number && (number = number_line(cell))) {
                number_cell = cell;
            } else if (std::string cell_date = date.empty() ? dateline_date(cell, place) : std::string(); !cell_date.empty()) {
                date = std::move(cell_date);
            } else if (!number && first_cell) {
                // Above the number, in the first column: the issuer.
                if (!issuer.empty()) issuer += '\n';
                issuer += cell;
            }
        }
        if (body) break;
    }
    if (!number || (!motto && date.empty())) return std::nullopt;

    // The subject: the lines under the type line, up to a blank line or the body.
    std::string subject;
    bool subject_in_capitals = false;
    for (int lines = 0; type != nullptr && pos < text.size() && lines < kMaxSubjectLines;) {
        const std::string_view line = next_line(text, pos);
        if (line.empty()) {
            if (subject.empty()) continue;
            break;
        }
        ++lines;
        const bool capitals = !has_lower_case_letter(line);
        const std::string folded = folded_words(line);
        if (is_rule(line) || starts_body(folded) || names_the_authority(folded) || line.back() == ':' ||
            (!subject.empty() && capitals != subject_in_capitals) || subject.size() + line.size() > kMaxSubjectBytes)
            break;
        subject_in_capitals = capitals;
        for (const std::string_view cell : cells_of(line)) {  // runs of spaces as one
            if (!subject.empty()) subject += ' ';
            subject += cell;
        }
    }
    if (subject.empty() && !letter_subject.empty()) {
        std::string_view rest = letter_subject;
        while (!rest.empty() && (rest.front() == ':' || rest.front() == '.' || rest.front() == ' ')) rest.remove_prefix(1);
        if (!rest.empty()) subject = (number->english ? "regarding " : "về việc ") + std::string(rest);
    }

    LegalHeader header;
    header.number = number->match.value.canonical();
    header.date = std::move(date);
    header.issuer = std::move(issuer);
    header.place = std::string(place);
    header.after_title = start > 0;
    const bool english = type != nullptr ? type->english : number->english;
    std::string type_name = type != nullptr ? std::string(type->display) : std::string();
    if (type_name.empty()) {
        for (const Reference& reference : extract_references(number_cell))
            if (reference.number.key() == number->match.value.key()) {
                type_name = english ? reference.type_name_en : reference.type_name_vi;
                break;
            }
    }
    if (type_name.empty() && !letter_subject.empty()) type_name = english ? "Official Letter" : "Công văn";
    const std::string_view written_number =
        number_cell.substr(number->match.begin, number->match.end - number->match.begin);
    // An official subject is cited whole ("… công nghệ thông tin và giao dịch điện tử"), longer
    // than a first line taken for a title may be; only a runaway one is cut.
    constexpr std::size_t kMaxOfficialTitleBytes = 640;
    header.title = shorten_title(compose_title(type_name, english, type != nullptr && type->named, written_number,
                                               subject.empty() ? std::string() : subject_for_title(subject, type, text)),
                                 kMaxOfficialTitleBytes);
    return header;
}

}  // namespace tracuu
