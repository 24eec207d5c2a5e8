/** @file
 * @brief Recognizer for legal document numbers (grammar in document_number.hpp) and the
 *        lexicon of type and issuer codes.
 *
 * Hand-written rather than std::regex: the tokenizer calls it at every digit that starts
 * a token, and the whole analysis pipeline targets tens of MB/s per core.
 */
#include "analyzers/document_number.hpp"

#include "analyzers/unicode.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tracuu {

using unicode::ends_with_word;
using unicode::is_folded_word_char;
using unicode::trim_spaces;

namespace {

using unicode::decode_utf8;

// Type codes first, then issuers. Sources: the numbering rules of Decree 30/2020/NĐ-CP
// (state documents) and of the Party's Regulation 66-QĐ/TW (N-TYPE/ISSUER numbers).
constexpr CodeInfo kCodes[] = {
    {"NQ", CodeKind::type, "Nghị quyết", "Resolution", "", ""},
    {"NĐ", CodeKind::type, "Nghị định", "Decree", "", ""},
    // The Party numbers its regulations N-QĐ/TW; the State's QĐ is a decision.
    {"QĐ", CodeKind::type, "Quyết định", "Decision", "Quy định", "Regulation"},
    {"QĐi", CodeKind::type, "Quy định", "Regulation", "", ""},
    {"TT", CodeKind::type, "Thông tư", "Circular", "", ""},
    {"TTLT", CodeKind::type, "Thông tư liên tịch", "Joint Circular", "", ""},
    {"NQLT", CodeKind::type, "Nghị quyết liên tịch", "Joint Resolution", "", ""},
    {"CT", CodeKind::type, "Chỉ thị", "Directive", "", ""},
    {"TB", CodeKind::type, "Thông báo", "Notice", "", ""},
    {"KL", CodeKind::type, "Kết luận", "Conclusion", "", ""},
    {"HD", CodeKind::type, "Hướng dẫn", "Guidance", "", ""},
    {"VBHN", CodeKind::type, "Văn bản hợp nhất", "Consolidated Text", "", ""},
    {"L", CodeKind::type, "Luật", "Law", "", ""},
    {"PL", CodeKind::type, "Pháp lệnh", "Ordinance", "", ""},
    {"SL", CodeKind::type, "Sắc lệnh", "Edict", "", ""},
    {"CV", CodeKind::type, "Công văn", "Official Letter", "", ""},
    {"CĐ", CodeKind::type, "Công điện", "Official Dispatch", "", ""},
    {"KH", CodeKind::type, "Kế hoạch", "Plan", "", ""},
    {"BC", CodeKind::type, "Báo cáo", "Report", "", ""},
    {"QC", CodeKind::type, "Quy chế", "Rules", "", ""},
    {"ĐA", CodeKind::type, "Đề án", "Scheme", "", ""},
    {"TTr", CodeKind::type, "Tờ trình", "Submission", "", ""},
    {"CTr", CodeKind::type, "Chương trình", "Programme", "", ""},
    {"GP", CodeKind::type, "Giấy phép", "Licence", "", ""},

    {"CP", CodeKind::issuer, "Chính phủ", "Government", "", ""},
    {"TTg", CodeKind::issuer, "Thủ tướng Chính phủ", "Prime Minister", "", ""},
    {"CTN", CodeKind::issuer, "Chủ tịch nước", "President", "", ""},
    {"QH", CodeKind::issuer, "Quốc hội", "National Assembly", "", "", true},
    {"UBTVQH", CodeKind::issuer, "Ủy ban Thường vụ Quốc hội", "National Assembly Standing Committee", "", "",
     true},
    {"VPQH", CodeKind::issuer, "Văn phòng Quốc hội", "Office of the National Assembly", "", ""},
    {"VPCP", CodeKind::issuer, "Văn phòng Chính phủ", "Government Office", "", ""},
    {"TW", CodeKind::issuer, "Ban Chấp hành Trung ương", "Central Committee", "", ""},
    {"VPTW", CodeKind::issuer, "Văn phòng Trung ương Đảng", "Party Central Office", "", ""},
    {"BBT", CodeKind::issuer, "Ban Bí thư", "Secretariat", "", ""},
    {"UBKTTW", CodeKind::issuer, "Ủy ban Kiểm tra Trung ương", "Central Inspection Commission", "", ""},
    {"BTCTW", CodeKind::issuer, "Ban Tổ chức Trung ương", "Central Organization Commission", "", ""},
    {"BTGTW", CodeKind::issuer, "Ban Tuyên giáo Trung ương", "Central Propaganda Department", "", ""},
    {"BDVTW", CodeKind::issuer, "Ban Dân vận Trung ương", "Central Mass Mobilization Commission", "", ""},
    {"QUTW", CodeKind::issuer, "Quân ủy Trung ương", "Central Military Commission", "", ""},
    {"TU", CodeKind::issuer, "Tỉnh ủy", "Provincial Party Committee", "", ""},
    {"HU", CodeKind::issuer, "Huyện ủy", "District Party Committee", "", ""},
    {"ĐU", CodeKind::issuer, "Đảng ủy", "Party Committee", "", ""},
    {"BCS", CodeKind::issuer, "Ban cán sự", "Party Personnel Committee", "", ""},
    {"BCSĐ", CodeKind::issuer, "Ban cán sự đảng", "Party Personnel Committee", "", ""},
    {"BCA", CodeKind::issuer, "Bộ Công an", "Ministry of Public Security", "", ""},
    {"BTC", CodeKind::issuer, "Bộ Tài chính", "Ministry of Finance", "", ""},
    {"BTP", CodeKind::issuer, "Bộ Tư pháp", "Ministry of Justice", "", ""},
    {"BYT", CodeKind::issuer, "Bộ Y tế", "Ministry of Health", "", ""},
    {"BGDĐT", CodeKind::issuer, "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", "", ""},
    {"BLĐTBXH", CodeKind::issuer, "Bộ Lao động - Thương binh và Xã hội",
     "Ministry of Labour, Invalids and Social Affairs", "", ""},
    {"BNV", CodeKind::issuer, "Bộ Nội vụ", "Ministry of Home Affairs", "", ""},
    // In a Party number BCT is the Politburo; in a State number, the Ministry of Industry and Trade.
    {"BCT", CodeKind::issuer, "Bộ Công Thương", "Ministry of Industry and Trade", "Bộ Chính trị", "Politburo"},
    // Merged into Bộ Công Thương in 2007; its decisions and circulars are still cited.
    {"BTM", CodeKind::issuer, "Bộ Thương mại", "Ministry of Trade", "", ""},
    {"BQP", CodeKind::issuer, "Bộ Quốc phòng", "Ministry of National Defence", "", ""},
    {"BNG", CodeKind::issuer, "Bộ Ngoại giao", "Ministry of Foreign Affairs", "", ""},
    {"BKHĐT", CodeKind::issuer, "Bộ Kế hoạch và Đầu tư", "Ministry of Planning and Investment", "", ""},
    {"BKHCN", CodeKind::issuer, "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", "", ""},
    {"BTNMT", CodeKind::issuer, "Bộ Tài nguyên và Môi trường", "Ministry of Natural Resources and Environment",
     "", ""},
    {"BNNPTNT", CodeKind::issuer, "Bộ Nông nghiệp và Phát triển nông thôn",
     "Ministry of Agriculture and Rural Development", "", ""},
    {"BNN", CodeKind::issuer, "Bộ Nông nghiệp và Phát triển nông thôn",
     "Ministry of Agriculture and Rural Development", "", ""},
    {"BXD", CodeKind::issuer, "Bộ Xây dựng", "Ministry of Construction", "", ""},
    {"BGTVT", CodeKind::issuer, "Bộ Giao thông vận tải", "Ministry of Transport", "", ""},
    {"BTTTT", CodeKind::issuer, "Bộ Thông tin và Truyền thông", "Ministry of Information and Communications", "",
     ""},
    {"BVHTTDL", CodeKind::issuer, "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism",
     "", ""},
    {"UBDT", CodeKind::issuer, "Ủy ban Dân tộc", "Committee for Ethnic Minority Affairs", "", ""},
    {"NHNN", CodeKind::issuer, "Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam", "", ""},
    {"TTCP", CodeKind::issuer, "Thanh tra Chính phủ", "Government Inspectorate", "", ""},
    {"KTNN", CodeKind::issuer, "Kiểm toán Nhà nước", "State Audit Office", "", ""},
    {"TANDTC", CodeKind::issuer, "Tòa án nhân dân tối cao", "Supreme People's Court", "", ""},
    {"HĐTP", CodeKind::issuer, "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
     "Council of Judges of the Supreme People's Court", "", ""},
    {"VKSNDTC", CodeKind::issuer, "Viện kiểm sát nhân dân tối cao", "Supreme People's Procuracy", "", ""},
    // The code the Procuracy itself numbers with since 2015 (01/2019/TT-VKSTC).
    {"VKSTC", CodeKind::issuer, "Viện kiểm sát nhân dân tối cao", "Supreme People's Procuracy", "", ""},
    {"BHXH", CodeKind::issuer, "Bảo hiểm xã hội", "Social Security", "", ""},
    {"TCT", CodeKind::issuer, "Tổng cục Thuế", "General Department of Taxation", "", ""},
    {"TCHQ", CodeKind::issuer, "Tổng cục Hải quan", "General Department of Customs", "", ""},
    {"UBCKNN", CodeKind::issuer, "Ủy ban Chứng khoán Nhà nước", "State Securities Commission", "", ""},
    {"UBND", CodeKind::issuer, "Ủy ban nhân dân", "People's Committee", "", ""},
    {"UB", CodeKind::issuer, "Ủy ban nhân dân", "People's Committee", "", ""},
    {"HĐND", CodeKind::issuer, "Hội đồng nhân dân", "People's Council", "", ""},
    {"SGDĐT", CodeKind::issuer, "Sở Giáo dục và Đào tạo", "Department of Education and Training", "", ""},
    {"ĐHQG", CodeKind::issuer, "Đại học Quốc gia", "National University", "", ""},
    {"MTTQ", CodeKind::issuer, "Mặt trận Tổ quốc Việt Nam", "Vietnam Fatherland Front", "", ""},
    {"TLĐ", CodeKind::issuer, "Tổng Liên đoàn Lao động Việt Nam", "Vietnam General Confederation of Labour", "",
     ""},
    {"ĐTN", CodeKind::issuer, "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Ho Chi Minh Communist Youth Union", "",
     ""},
    {"BCĐ", CodeKind::issuer, "Ban Chỉ đạo", "Steering Committee", "", ""},
};

// Case and diacritics folded, ASCII upper case: "nđ" -> "ND".
std::string folded_upper(std::string_view code) {
    std::string s = unicode::fold(code);
    for (char& ch : s)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return s;
}

const std::unordered_map<std::string, const CodeInfo*>& codes_by_folded_key() {
    static const std::unordered_map<std::string, const CodeInfo*> table = [] {
        std::unordered_map<std::string, const CodeInfo*> m;
        for (const CodeInfo& info : kCodes) m.emplace(folded_upper(info.code), &info);
        return m;
    }();
    return table;
}

bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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

// A TTLT signed by six bodies (TTLT-BCA-BQP-BYT-TANDTC-VKSNDTC) is about the longest.
constexpr std::size_t kMaxCodes = 8;
constexpr std::size_t kMaxNumberDigits = 6;
constexpr std::size_t kMaxCodeLetters = 12;

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
    std::string written;  ///< Without the "&" of "BGD&ĐT", which writers add or leave out.
    std::size_t begin, end;
    std::size_t letters;  ///< Code points before the trailing digits.
};

bool is_known_code(std::string_view code);

// Letters then optional digits ("QH14"); nullopt when the text there is not code-shaped.
// A lower-case word glued to an upper-case code by a missing space ("NĐ-CPngày 14",
// "QĐ-UBNDvề") is cut off, unless the whole is a known code (TTg, QĐi).
std::optional<Code> read_code(Cursor& c) {
    enum class Shape { upper_prefix, lower_suffix, other };
    Shape shape = Shape::upper_prefix;
    const std::size_t start = c.pos;
    std::size_t letters = 0, upper_letters = 0, lower_letters = 0, upper_end = start;
    std::string written;
    while (!c.at_end()) {
        const auto cp = static_cast<UChar32>(c.peek());
        if (cp == U'&' && letters > 0 && c.pos + 1 < c.text.size()) {  // "TT-BGD&ĐT"
            std::size_t after = c.pos + 1;
            if (!u_isalpha(static_cast<UChar32>(decode_utf8(c.text, after)))) break;
            c.advance();
            shape = Shape::other;
            continue;
        }
        if (!u_isalpha(cp)) break;
        unicode::append_utf8(written, static_cast<char32_t>(cp));
        c.advance();
        ++letters;
        if (shape == Shape::upper_prefix && u_isupper(cp)) {
            ++upper_letters;
            upper_end = c.pos;
        } else if (shape != Shape::other && u_islower(cp) && upper_letters > 0) {
            shape = Shape::lower_suffix;
            ++lower_letters;
        } else {
            shape = Shape::other;
        }
    }
    const std::size_t letters_end = c.pos;
    while (!c.at_end() && is_ascii_digit(c.peek())) c.advance();
    if (shape == Shape::lower_suffix && upper_letters >= 2 && lower_letters >= 2 && c.pos == letters_end &&
        !is_known_code(written)) {
        c.pos = upper_end;
        return Code{std::string(c.text.substr(start, upper_end - start)), start, upper_end, upper_letters};
    }
    written += c.text.substr(letters_end, c.pos - letters_end);
    // "QH14a" is no code, nor is a run of letters longer than any real code.
    if (letters == 0 || letters > kMaxCodeLetters ||
        (!c.at_end() && u_isalnum(static_cast<UChar32>(c.peek())))) {
        c.pos = start;
        return std::nullopt;
    }
    return Code{std::move(written), start, c.pos, letters};
}

// The code without its trailing digits: "QH14" -> "QH".
std::string_view letters_of(std::string_view code) {
    std::size_t end = code.size();
    while (end > 0 && is_ascii_digit(static_cast<unsigned char>(code[end - 1]))) --end;
    return code.substr(0, end);
}

bool is_known_code(std::string_view code) { return find_code(letters_of(code)) != nullptr; }

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

std::string to_upper(std::string_view text) {
    std::string out;
    for (std::size_t p = 0; p < text.size();)
        unicode::append_utf8(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(decode_utf8(text, p)))));
    return out;
}

// Whether a code-shaped word is taken as a code. Upper-case words are codes (UBND, SGDĐT);
// known codes are codes in any case (TTg, nq). An unknown lower-case word is a code only
// after a known one and when nothing was spaced out ("15/2020/nd-cp", "12/ubnd-vp"), so
// that "126 / NQ - Hà" keeps its place name and a URL path "216459/trien-khai" is no number;
// an unknown mixed-case one likewise, if capitalized ("QĐ-UBND-QLĐTh").
bool accept_code(const Code& code, bool spaced, bool first, bool after_known_code) {
    if (is_known_code(code.written)) return true;
    switch (casing_of(code.written)) {
        case Casing::upper: return true;
        case Casing::lower: return !first && after_known_code && !spaced;
        case Casing::mixed: {
            std::size_t p = 0;
            const auto initial = static_cast<UChar32>(decode_utf8(code.written, p));
            return !first && after_known_code && !spaced && u_isupper(initial);
        }
    }
    return false;
}

// Canonical spelling of a known code, whatever case it was typed in and with or without
// the bar of Đ ("qd", "QD" -> "QĐ"); other codes upper-cased.
std::string canonical_code(std::string_view written) {
    std::string upper = to_upper(written);
    // Trung ương is written TƯ as well as TW; folded, TƯ would read as TU (Tỉnh ủy).
    if (upper == "TƯ") return "TW";
    const std::string_view letters = letters_of(written);
    const CodeInfo* info = find_code(letters);
    if (info == nullptr) return upper;
    return std::string(info->code) + std::string(written.substr(letters.size()));
}

// A type code glued to its issuer ("121/2003/NĐCP", "06/2013/TTLTBCA-BQP"): the byte
// length of the type prefix when @p code splits into a known type and a known code, else 0.
std::size_t glued_type_length(std::string_view code) {
    if (is_known_code(code)) return 0;
    std::size_t split = 0;
    for (int letters = 0; split < code.size(); ++letters) {
        if (letters >= 2) {
            const CodeInfo* type = find_code(code.substr(0, split));
            const std::string_view rest = code.substr(split);
            if (type != nullptr && type->kind == CodeKind::type && rest.size() >= 2 && is_known_code(rest))
                return split;
        }
        (void)decode_utf8(code, split);
    }
    return 0;
}

// A number glued to a word, or inside a URL, path, file name or standard number
// ("QCVN 10-MT:2015/BTNMT"), is not a document number.
bool starts_inside_a_word_or_path(std::string_view text, std::size_t pos) {
    if (pos == 0) return false;
    const std::size_t start = unicode::character_start(text, pos - 1);
    std::size_t p = start;
    const auto cp = static_cast<UChar32>(decode_utf8(text, p));
    if (u_isalnum(cp)) return true;
    if (cp == U':' && start > 0) {
        const char before = text[start - 1];
        return is_ascii_digit(static_cast<unsigned char>(before)) || (before >= 'A' && before <= 'Z');
    }
    // "QCVN 01: 2013/BCT": a year after a standard's number and a colon.
    if (cp == U' ' && start >= 2 && text[start - 1] == ':')
        return is_ascii_digit(static_cast<unsigned char>(text[start - 2]));
    // "Decree No.15/2020/ND-CP": the dot of "No." glued to the number, as translations write it.
    if (cp == U'.' && start >= 2 && (text[start - 1] == 'o' || text[start - 1] == 'O') &&
        (text[start - 2] == 'N' || text[start - 2] == 'n') &&
        (start == 2 || (static_cast<unsigned char>(text[start - 3]) < 0x80 && !std::isalnum(static_cast<unsigned char>(text[start - 3])))))
        return false;
    return cp < 0x80 && std::string_view("/._=&?#%+@\\-").find(static_cast<char>(cp)) != std::string_view::npos;
}

// The word right before @p pos, past a few spaces, a colon or a dot ("số: 12", "No. 12"):
// where it starts, and its folded form; "" when none is there or it has more than six letters
// ("renumber" is no "number").
struct WordBefore {
    std::size_t start = 0;
    std::string folded;
};

WordBefore word_before(std::string_view text, std::size_t pos) {
    constexpr int kMaxGapBytes = 4;
    constexpr int kMaxWordLetters = 6;  // "number", "decree"
    std::size_t end = pos;
    for (int gap = 0; end > 0 && gap < kMaxGapBytes; ++gap) {
        const char before = text[end - 1];
        if (before == ' ' || before == '\t' || before == ':' || before == '.') --end;
        else if (end >= 2 && text.substr(end - 2, 2) == "\u00a0") end -= 2;
        else break;
    }
    std::size_t start = end;
    int letters = 0;
    for (; start > 0 && letters <= kMaxWordLetters; ++letters) {
        const std::size_t previous = unicode::character_start(text, start - 1);
        std::size_t p = previous;
        if (!u_isalpha(static_cast<UChar32>(decode_utf8(text, p)))) break;
        start = previous;
    }
    if (letters > kMaxWordLetters) return {start, {}};
    return {start, unicode::fold(text.substr(start, end - start))};
}

bool is_number_word(const std::string& folded) { return folded == "so" || folded == "no" || folded == "number"; }

// Whether "số", "No." or "number" (with an optional colon) comes right before @p pos.
bool after_number_word(std::string_view text, std::size_t pos) { return is_number_word(word_before(text, pos).folded); }

// "NĐ", a decree's abbreviation before its number ("NĐ 67/2014"): with the bar of Đ (or the
// eth of legacy encodings) in any case, or "ND" in capitals; "nd" alone is English ("2nd").
bool is_decree_abbreviation(std::string_view written) {
    return written == "NĐ" || written == "nđ" || written == "Nđ" || written == "NÐ" || written == "ND";
}

// Whether "Nghị định", "NĐ" or "Decree", then perhaps "số"/"No.", comes right before @p pos.
bool after_decree_word(std::string_view text, std::size_t pos) {
    WordBefore word = word_before(text, pos);
    if (is_number_word(word.folded)) word = word_before(text, word.start);
    if (word.folded == "decree") return true;
    if (word.folded == "nd") {
        std::size_t end = word.start;
        while (end < text.size()) {
            std::size_t next = end;
            if (!u_isalpha(static_cast<UChar32>(decode_utf8(text, next)))) break;
            end = next;
        }
        return !starts_inside_a_word_or_path(text, word.start) &&
               is_decree_abbreviation(text.substr(word.start, end - word.start));
    }
    return word.folded == "dinh" && word_before(text, word.start).folded == "nghi";
}

// The end of " năm YYYY" right after a decree's serial ("Nghị định 126 năm 2020", as the press
// and people asking write it), with the year's span; nullopt when that is not there. A year
// that runs on into a period ("năm 2014-2016") or a date ("năm 2020/…") is not a number's.
std::optional<std::pair<std::size_t, std::size_t>> year_written_after(std::string_view text, std::size_t pos) {
    Cursor c{text, pos};
    int spaces = 0;
    while (!c.at_end() && is_inline_space(c.peek()) && spaces < 2) { c.advance(); ++spaces; }
    if (spaces == 0) return std::nullopt;
    const std::size_t word_start = c.pos;
    while (!c.at_end() && u_isalpha(static_cast<UChar32>(c.peek()))) c.advance();
    if (unicode::fold(text.substr(word_start, c.pos - word_start)) != "nam") return std::nullopt;
    spaces = 0;
    while (!c.at_end() && is_inline_space(c.peek()) && spaces < 2) { c.advance(); ++spaces; }
    if (spaces == 0) return std::nullopt;
    const std::size_t year_begin = c.pos;
    const std::string_view year = c.digits();
    if (year.size() != 4) return std::nullopt;
    const int value = std::stoi(std::string(year));
    if (value < kEarliestNumberYear || value > kLatestNumberYear) return std::nullopt;
    if (!c.at_end()) {
        const char32_t next = c.peek();
        if (u_isalnum(static_cast<UChar32>(next)) || is_slash(next) || is_dash(next)) return std::nullopt;
    }
    return std::pair{year_begin, c.pos};
}

}  // namespace

std::span<const CodeInfo> code_lexicon() { return kCodes; }

const CodeInfo* find_code(std::string_view code) {
    const auto& table = codes_by_folded_key();
    const auto it = table.find(folded_upper(code));
    if (it == table.end()) return nullptr;
    // Typing drops the bar of Đ ("QD", "ND"), but a diacritic the writer did type makes
    // another word: "Từ" and "dự" are not TU and ĐU, and HĐ (a contract) is not HD.
    const bool ascii =
        std::all_of(code.begin(), code.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
    return ascii || unicode::fold_case(code) == unicode::fold_case(it->second->code) ? it->second : nullptr;
}

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
    std::string out = nonzero == std::string::npos ? std::string("0") : unicode::fold(number.substr(nonzero));
    if (year != 0) out += '/' + std::to_string(year);
    out += '/';
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) out += '-';
        out += unicode::fold(codes[i]);
    }
    return out;
}

namespace {

// Running text needs evidence for weak forms; a whole input given as a number does not.
enum class Context { running_text, whole_input };

bool is_code_of_kind(std::string_view code, CodeKind kind) {
    const CodeInfo* info = find_code(letters_of(code));
    return info != nullptr && info->kind == kind;
}

// The Party's committees and offices: TW, VPTW, BCHTW, the provincial (TU), district (HU)
// and Party-branch (ĐU) committees.
bool is_party_issuer(std::string_view canonical) {
    return (canonical.size() >= 2 && canonical.substr(canonical.size() - 2) == "TW") || canonical == "TU" ||
           canonical == "HU" || canonical == "ĐU";
}

std::optional<DocumentNumberMatch> recognize(std::string_view text, std::size_t pos, Context context) {
    Cursor c{text, pos};
    if (c.at_end() || !is_ascii_digit(c.peek()) || starts_inside_a_word_or_path(text, pos)) return std::nullopt;

    DocumentNumberMatch match;
    match.begin = pos;
    if (c.digits().size() > kMaxNumberDigits) return std::nullopt;
    // One letter may follow the digits right before a separator ("30a/2008/NQ-CP"), but
    // "20h", "5km" and "U23" are no serials.
    if (!c.at_end() && is_ascii_letter(text[c.pos])) {
        std::size_t after = c.pos + 1;
        if (after >= text.size()) return std::nullopt;
        const char32_t next = decode_utf8(text, after);
        if (!is_slash(next) && !is_dash(next)) return std::nullopt;
        ++c.pos;
    }
    match.value.number = std::string(text.substr(pos, c.pos - pos));
    match.part_spans.emplace_back(pos, c.pos);

    bool spaced = false;
    const Separator first_separator = c.separator(spaced);
    if (first_separator == Separator::none) {
        // "Nghị định 126 năm 2020" is 126/2020/NĐ-CP, as "Nghị định 126/2020" is (below).
        if (context != Context::running_text || !after_decree_word(text, pos)) return std::nullopt;
        const auto year = year_written_after(text, c.pos);
        if (!year) return std::nullopt;
        match.value.year = std::stoi(std::string(text.substr(year->first, year->second - year->first)));
        match.value.codes = {"NĐ", "CP"};
        match.part_spans.push_back(*year);
        match.end = year->second;
        return match;
    }

    if (!c.at_end() && is_ascii_digit(c.peek())) {
        const std::size_t year_begin = c.pos;
        const std::string_view year = c.digits();
        if (year.size() != 4) return std::nullopt;
        const int value = std::stoi(std::string(year));
        if (value < kEarliestNumberYear || value > kLatestNumberYear) return std::nullopt;
        match.value.year = value;
        match.part_spans.emplace_back(year_begin, c.pos);
        bool spaced_again = false;
        if (c.separator(spaced_again) == Separator::none) {
            // "Nghị định 193/2013", "Decree No. 15/2020": the press leaves out the codes,
            // and only the Government issues decrees.
            if (context != Context::running_text || !after_decree_word(text, pos)) return std::nullopt;
            match.value.codes = {"NĐ", "CP"};
            match.end = match.part_spans.back().second;
            return match;
        }
        spaced = spaced || spaced_again;
    }
    // Without a year, a dash after the number is the Party form N-TYPE/ISSUER: a dash and
    // a lone word is a boat, a model or a score ("95897-TS", "2-DIN", "1 - VĐQG").
    bool party_form = first_separator == Separator::dash && match.value.year == 0;

    auto first = read_code(c);
    if (!first || !accept_code(*first, spaced, /*first=*/true, false)) return std::nullopt;
    // An unknown code after a spaced separator ("1989/1990 - AC Milan") needs the word
    // "số" or "No." before the number to be taken for one ("số 1517- VC/ĐT").
    bool weak = spaced && !is_known_code(first->written);
    // A one-letter first code with digits is a police unit ("2916/C67-P9"), never alone;
    // without digits it is no code at all ("3/4 T", "8/S").
    const bool needs_second_code = first->letters < 2;
    if (needs_second_code && !is_ascii_digit(static_cast<unsigned char>(first->written.back()))) return std::nullopt;
    // Only a State number glues its type to its issuer: in the Party form the slash is the
    // mark ("36-CTCP" is a company).
    const bool written_as_is = first->written.size() == first->end - first->begin;  // no "&" dropped
    const std::size_t type_length = party_form || !written_as_is ? 0 : glued_type_length(first->written);
    if (type_length != 0) {
        match.value.codes.push_back(canonical_code(first->written.substr(0, type_length)));
        match.part_spans.emplace_back(first->begin, first->begin + type_length);
        match.value.codes.push_back(canonical_code(first->written.substr(type_length)));
        match.part_spans.emplace_back(first->begin + type_length, first->end);
    } else {
        match.value.codes.push_back(canonical_code(first->written));
        match.part_spans.emplace_back(first->begin, first->end);
    }
    bool after_known_code = type_length != 0 || is_known_code(first->written);
    match.end = c.pos;

    for (bool second = true;; second = false) {
        const std::size_t before = c.pos;
        bool spaced_here = false;
        const Separator separator = c.separator(spaced_here);
        if (separator == Separator::none) break;
        auto next = read_code(c);
        // Once a number has type and issuer, an unknown word after a spaced dash is
        // running text ("126/NQ-CP - HN"), not a unit code.
        const bool trailing_text =
            spaced_here && match.value.codes.size() >= 2 && next && !is_known_code(next->written);
        // Dashes only, as people also write numbers ("126-NQ-CP", "69-QĐ-TW"): a known type
        // then a known issuer, which tells a Party number from a State one.
        const bool dashes_only = second && party_form && separator == Separator::dash && next &&
                                 is_code_of_kind(match.value.codes.front(), CodeKind::type) &&
                                 is_code_of_kind(next->written, CodeKind::issuer);
        if (dashes_only) party_form = is_party_issuer(canonical_code(next->written));
        if (!next || match.value.codes.size() >= kMaxCodes || trailing_text ||
            (second && party_form && separator != Separator::slash && !dashes_only) ||
            !accept_code(*next, spaced || spaced_here, /*first=*/false, after_known_code)) {
            c.pos = before;
            break;
        }
        after_known_code = is_known_code(next->written);
        spaced = spaced || spaced_here;
        match.value.codes.push_back(canonical_code(next->written));
        match.part_spans.emplace_back(next->begin, next->end);
        match.end = c.pos;
    }
    if ((party_form || needs_second_code) && match.value.codes.size() < 2) return std::nullopt;
    // So does a lone unknown code without a year: "công văn số 295/LĐLĐ", but not
    // "HDMI 1/MHL", "3G/GPRS", "SPF 37/PA".
    weak = weak || (match.value.codes.size() == 1 && match.value.year == 0 && !is_known_code(first->written));
    if (weak && context == Context::running_text && !after_number_word(text, pos)) return std::nullopt;
    match.value.party_style = party_form;
    // A decree written without its issuer ("87/2015/NĐ") is the Government's, the only body
    // that issues decrees: the same number as 87/2015/NĐ-CP.
    if (match.value.codes.size() == 1 && match.value.codes.front() == "NĐ" && match.value.year != 0)
        match.value.codes.push_back("CP");
    return match;
}

}  // namespace

std::optional<DocumentNumberMatch> match_document_number(std::string_view text, std::size_t pos) {
    return recognize(text, pos, Context::running_text);
}

std::optional<DocumentNumber> document_number_from_key(std::string_view key) {
    // A key's codes are folded to lower case, and codes the lexicon does not know are codes
    // only in capitals (as people write them: "2/2017/HC-ST").
    std::string written(key);
    const std::size_t codes = written.rfind('/');
    if (codes != std::string::npos) written.replace(codes + 1, std::string::npos, folded_upper(written.substr(codes + 1)));
    std::optional<DocumentNumber> number = parse_document_number(written);
    if (!number || number->year != 0 || number->codes.size() < 2) return number;
    number->party_style = is_party_issuer(number->codes.back());
    return number;
}

namespace {

// Nouns that name the kind of document right before its number, Vietnamese, abbreviated
// and English. A longer noun wins over its suffix ("thông tư liên tịch" over "liên tịch").
constexpr TypeNoun kTypeNouns[] = {
    {"thong tu lien tich", "TTLT"},  {"nghi quyet lien tich", "NQLT"}, {"van ban hop nhat", "VBHN"},
    {"nghi quyet", "NQ"},            {"nghi dinh", "NĐ"},              {"quyet dinh", "QĐ", NounSense::state},
    {"quy dinh", "QĐ", NounSense::party}, {"thong tu", "TT"},          {"chi thi", "CT"},
    {"thong bao", "TB"},             {"ket luan", "KL"},               {"huong dan", "HD"},
    {"bo luat", "L"},                {"luat", "L"},                    {"phap lenh", "PL"},
    {"sac lenh", "SL"},              {"cong van", "CV"},               {"cong dien", "CĐ"},
    {"ke hoach", "KH"},              {"bao cao", "BC"},                {"quy che", "QC"},
    {"de an", "ĐA"},                 {"to trinh", "TTr"},              {"chuong trinh", "CTr"},
    {"giay phep", "GP"},             {"nq", "NQ"},                     {"nd", "NĐ"},
    {"qd", "QĐ"},                    {"tt", "TT"},                     {"ct", "CT"},
    {"cv", "CV"},                    {"joint circular", "TTLT"},       {"consolidated text", "VBHN"},
    {"consolidated document", "VBHN"}, {"resolution", "NQ"},           {"decree", "NĐ"},
    {"decision", "QĐ", NounSense::state}, {"regulation", "QĐ", NounSense::party}, {"circular", "TT"},
    {"directive", "CT"},             {"notice", "TB"},                 {"announcement", "TB"},
    {"conclusion", "KL"},            {"guidance", "HD"},               {"guideline", "HD"},
    {"law", "L"},                    {"code", "L"},                    {"ordinance", "PL"},
    {"official letter", "CV"},       {"official dispatch", "CĐ"},      {"dispatch", "CV"},
    {"plan", "KH"},                  {"report", "BC"},
};

// Laws, codes and ordinances are cited with their title between the noun and the number:
// "Luật Đất đai số 31/2024/QH15", "Bộ luật Tố tụng hình sự số 101/2015/QH13", "Law on
// Enterprises No. 59/2020/QH14".
constexpr TypeNoun kTitledNouns[] = {{"bo luat", "L"},  {"luat", "L"},    {"phap lenh", "PL"},
                                     {"law on", "L"},   {"code of", "L"}, {"ordinance on", "PL"}};
constexpr std::size_t kMaxTitleWords = 12;  // the noun's words included


// Folded @p before without the number word ("so", "no.", "so:", "number") that ends it, if any.
std::string_view without_number_word(std::string_view before) {
    std::string_view rest = trim_spaces(before);
    if (!rest.empty() && rest.back() == ':') rest = trim_spaces(rest.substr(0, rest.size() - 1));
    if (!rest.empty() && rest.back() == '.' && ends_with_word(rest.substr(0, rest.size() - 1), "no"))
        rest.remove_suffix(1);
    for (const std::string_view number_word : {"so", "no", "number"}) {
        if (ends_with_word(rest, number_word)) {
            rest = trim_spaces(rest.substr(0, rest.size() - number_word.size()));
            break;
        }
    }
    // A law named with its year, then its number in brackets: "Luật Đất đai 2024 (số
    // 31/2024/QH15)", "the Land Law (No. 31/2024/QH15)", "Land Law of 2024 (31/2024/QH15)".
    if (!rest.empty() && rest.back() == '(') {
        rest = trim_spaces(rest.substr(0, rest.size() - 1));
        const std::size_t year_at = rest.size() >= 4 ? rest.size() - 4 : 0;
        const std::string_view year = rest.substr(year_at);
        if (year.size() == 4 && std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
            (year_at == 0 || rest[year_at - 1] == ' ')) {
            rest = trim_spaces(rest.substr(0, year_at));
            for (const std::string_view year_word : {"nam", "of"})
                if (ends_with_word(rest, year_word)) rest = trim_spaces(rest.substr(0, rest.size() - year_word.size()));
        }
    }
    return rest;
}

// The noun of folded @p words when they are a law's name from its noun on: the noun, a space,
// then words and commas ("Luật Phòng, chống tham nhũng"), a number only as a year ("Bộ luật
// Dân sự năm 2015"), at most kMaxTitleWords words in all. A comma right after the noun
// ("theo luật, ...") or a bracket, colon or other number anywhere means no.
const TypeNoun* titled_law_noun_of(std::string_view words) {
    const auto starts_words = [&](const TypeNoun& noun) {
        return words.size() > noun.folded.size() && words.substr(0, noun.folded.size()) == noun.folded &&
               words[noun.folded.size()] == ' ';
    };
    const TypeNoun* noun = std::find_if(std::begin(kTitledNouns), std::end(kTitledNouns), starts_words);
    if (noun == std::end(kTitledNouns)) return nullptr;
    const auto noun_words = static_cast<std::size_t>(std::count(noun->folded.begin(), noun->folded.end(), ' ')) + 1;
    std::size_t count = noun_words;
    for (std::size_t p = noun->folded.size(); p < words.size();) {
        if (words[p] == ' ' || words[p] == ',') {
            ++p;
            continue;
        }
        std::size_t end = p;
        while (end < words.size() && is_folded_word_char(words[end])) ++end;
        if (end == p) return nullptr;  // a bracket, a colon, another sign
        const std::string_view word = words.substr(p, end - p);
        const bool has_digit = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
        const bool year = word.size() == 4 && (word.substr(0, 2) == "19" || word.substr(0, 2) == "20") &&
                          std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
        if ((has_digit && !year) || ++count > kMaxTitleWords) return nullptr;
        p = end;
    }
    return count > noun_words ? noun : nullptr;
}

}  // namespace

std::span<const TypeNoun> type_nouns() { return kTypeNouns; }

const TypeNoun* take_type_noun_before_number(std::string_view& folded_before) {
    const std::string_view rest = without_number_word(folded_before);
    const TypeNoun* best = nullptr;
    for (const TypeNoun& noun : kTypeNouns)
        if (ends_with_word(rest, noun.folded) && (best == nullptr || noun.folded.size() > best->folded.size()))
            best = &noun;
    if (best != nullptr) folded_before = rest.substr(0, rest.size() - best->folded.size());
    return best;
}

const TypeNoun* take_titled_law_noun_before_number(std::string_view& folded_before) {
    const std::string_view rest = without_number_word(folded_before);
    for (std::size_t start = rest.size(); start-- > 0;) {
        if (start > 0 && is_folded_word_char(rest[start - 1])) continue;  // not a word start
        const TypeNoun* noun = titled_law_noun_of(rest.substr(start));
        if (noun == nullptr) continue;
        // "Bộ luật Lao động" is a code, not "Bộ" then "Luật Lao động": a longer noun ending
        // where this one does wins.
        std::size_t longer = start;
        while (longer > 0 && rest[longer - 1] == ' ') --longer;
        while (longer > 0 && is_folded_word_char(rest[longer - 1])) --longer;
        if (const TypeNoun* outer = titled_law_noun_of(rest.substr(longer));
            outer != nullptr && longer + outer->folded.size() == start + noun->folded.size()) {
            start = longer;
            noun = outer;
        }
        folded_before = rest.substr(0, start);
        return noun;
    }
    return nullptr;
}

bool is_titled_law_name(std::string_view folded_words) { return titled_law_noun_of(folded_words) != nullptr; }

bool names_the_number(std::string_view text_before) {
    const std::string folded = unicode::fold(text_before);
    std::string_view rest = folded;
    if (take_type_noun_before_number(rest) == nullptr && take_titled_law_noun_before_number(rest) == nullptr) {
        rest = without_number_word(rest);
        // A type's code the nouns leave out, as lawyers type it: "TTLT 01/2014/...", "QĐ 1880".
        if (const CodeInfo* code = find_code(rest); code != nullptr && code->kind == CodeKind::type) rest = {};
        // "số" or "No." alone names it too, but nothing does not.
        else if (rest.size() == trim_spaces(folded).size()) return false;
    }
    return trim_spaces(rest).empty();
}

namespace {

bool starts_a_word(std::string_view text, std::size_t pos) {
    if (pos == 0) return true;
    std::size_t p = unicode::character_start(text, pos - 1);
    return !u_isalnum(static_cast<UChar32>(decode_utf8(text, p)));
}

// Every byte offset in @p text where a run of digits starts a word, after the first byte.
std::vector<std::size_t> digit_word_starts(std::string_view text) {
    std::vector<std::size_t> starts;
    for (std::size_t pos = 1; pos < text.size(); ++pos)
        if (is_ascii_digit(static_cast<unsigned char>(text[pos])) && starts_a_word(text, pos)) starts.push_back(pos);
    return starts;
}

}  // namespace

std::size_t number_start_after_type_name(std::string_view text) {
    for (const std::size_t digit : digit_word_starts(text))
        if (names_the_number(text.substr(0, digit))) return digit;
    return 0;
}

std::optional<DocumentNumber> parse_document_number(std::string_view text) {
    const std::string normalized = unicode::normalize_nfc(text);
    const std::string_view view = trim_spaces(normalized);
    if (auto match = recognize(view, 0, Context::whole_input); match && match->end == view.size()) return std::move(match->value);
    // Named before it, as a lawyer pastes it: "Nghị định số 15/2020/NĐ-CP", "Luật số
    // 45/2019/QH14", and as running text reads it, "Nghị định 67/2014", "NĐ 67/2014". A title
    // may hold a year before the number ("Bộ luật Dân sự 2015 số 91/2015/QH13").
    for (const std::size_t digit : digit_word_starts(view)) {
        if (!names_the_number(view.substr(0, digit))) continue;
        for (const Context context : {Context::whole_input, Context::running_text})
            if (auto match = recognize(view, digit, context); match && match->end == view.size()) return std::move(match->value);
    }
    return std::nullopt;
}

namespace {

std::string without_leading_zeros(std::string_view serial) {
    const std::size_t nonzero = serial.find_first_not_of('0');
    return nonzero == std::string_view::npos ? std::string("0") : unicode::fold(serial.substr(nonzero));
}

// Whether a number of type @p code carries that code ("1880/QĐ-TTg"); a law's or an ordinance's
// carries its issuer instead ("45/2019/QH14").
bool numbers_carry_type(const CodeInfo& type) { return type.code != "L" && type.code != "PL"; }

// "NQ-CP 126", "QĐ-TTg 1880/2020": codes first, as tables of documents list them; the same
// number written number first ("126/NQ-CP"), or "" when @p text is not so.
std::string codes_first_as_number_first(std::string_view text) {
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos || space == 0) return {};
    const std::string_view codes = text.substr(0, space);
    std::string_view number = text.substr(space);
    while (!number.empty() && number.front() == ' ') number.remove_prefix(1);
    if (number.empty() || !is_ascii_digit(static_cast<unsigned char>(number.front()))) return {};
    std::size_t known = 0;
    for (std::size_t start = 0; start <= codes.size();) {
        const std::size_t end = std::min(codes.find_first_of("-/", start), codes.size());
        if (end == start || find_code(letters_of(codes.substr(start, end - start))) == nullptr) return {};
        ++known;
        start = end + 1;
    }
    return known == 0 ? std::string() : std::string(number) + "/" + std::string(codes);
}

// Whether @p number has a type code and no other: the start of a number ("1880/QĐ", "126/NQ").
bool has_only_type_codes(const DocumentNumber& number) {
    return !number.codes.empty() && std::all_of(number.codes.begin(), number.codes.end(), [](const std::string& code) {
        const CodeInfo* info = find_code(code);
        return info != nullptr && info->kind == CodeKind::type;
    });
}

}  // namespace

NumberLookup lookup_of(DocumentNumber number) {
    NumberLookup lookup;
    if (!has_only_type_codes(number)) {
        lookup.whole = std::move(number);
        return lookup;
    }
    lookup.serial = without_leading_zeros(number.number);
    lookup.year = number.year;
    lookup.codes = std::move(number.codes);
    return lookup;
}

bool NumberLookup::fits(const DocumentNumber& number) const {
    if (whole) return whole->key() == number.key();
    if (without_leading_zeros(number.number) != serial || (year != 0 && number.year != year) || number.codes.size() < codes.size())
        return false;
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (unicode::fold(codes[i]) != unicode::fold(number.codes[i])) return false;
    return true;
}

std::string NumberLookup::key_prefix() const {
    if (whole) return whole->key();
    std::string prefix = serial + "/";
    if (year != 0) prefix += std::to_string(year) + "/";
    for (const std::string& code : codes) prefix += unicode::fold(code) + "-";
    return prefix;
}

std::optional<NumberLookup> read_number_lookup(std::string_view text) {
    const std::string normalized = unicode::normalize_nfc(text);
    const std::string_view view = trim_spaces(normalized);
    std::optional<DocumentNumber> number = parse_document_number(view);
    if (!number) {
        if (const std::string rewritten = codes_first_as_number_first(view); !rewritten.empty()) number = parse_document_number(rewritten);
    }
    if (number) return lookup_of(std::move(*number));
    // A serial with its year or its type: "45/2019", "Luật 45/2019", "QĐ 1880", "Thông tư 47/2011".
    const bool starts_with_serial = !view.empty() && is_ascii_digit(static_cast<unsigned char>(view.front()));
    const std::size_t start = starts_with_serial ? 0 : number_start_after_type_name(view);
    if (!starts_with_serial && start == 0) return std::nullopt;
    Cursor c{view, start};
    const std::string_view serial = c.digits();
    if (serial.empty() || serial.size() > kMaxNumberDigits) return std::nullopt;
    NumberLookup lookup;
    lookup.serial = without_leading_zeros(serial);
    if (!c.at_end()) {
        bool spaced = false;
        if (c.separator(spaced) == Separator::none) return std::nullopt;  // "45/2019", "45-2019"
        const std::string_view year = c.digits();
        if (year.size() != 4 || !c.at_end()) return std::nullopt;
        lookup.year = std::stoi(std::string(year));
        if (lookup.year < kEarliestNumberYear || lookup.year > kLatestNumberYear) return std::nullopt;
    }
    if (start != 0) {
        std::string folded = unicode::fold(view.substr(0, start));
        std::string_view before = folded;
        const TypeNoun* noun = take_type_noun_before_number(before);
        if (noun == nullptr) noun = take_titled_law_noun_before_number(before);
        const CodeInfo* type = noun != nullptr ? find_code(noun->code) : find_code(trim_spaces(without_number_word(folded)));
        if (type != nullptr && type->kind == CodeKind::type && numbers_carry_type(*type)) lookup.codes = {std::string(type->code)};
    }
    // A serial alone fits thousands of documents: a year or a type must narrow it.
    if (lookup.year == 0 && lookup.codes.empty()) return std::nullopt;
    return lookup;
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
