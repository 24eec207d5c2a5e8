/** @file
 * @brief Structured references: names from the code lexicon, type from the noun before the
 *        number, issue date after it, relation from the cue words before it.
 *
 * Everything here runs only around a recognized number, on windows of a few dozen bytes,
 * so it adds nothing measurable to a scan that is bound by the digit-triggered grammar.
 */
#include "analyzers/reference.hpp"

#include "analyzers/locality.hpp"
#include "analyzers/unicode.hpp"
#include "core/metadata.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <optional>

namespace tracuu {
namespace {

using unicode::decode_utf8;

// Cues are looked for in the same sentence, at most this far before the number: about
// twenty words, enough for "căn cứ Nghị định số 15/2020/NĐ-CP" and for lists after one cue.
constexpr std::size_t kRelationWindowBytes = 160;
// A verb after the number comes after its date, issuer and subject ("Nghị định số
// 174/2013/NĐ-CP ngày 13 tháng 11 năm 2013 của Chính phủ quy định xử phạt … hết hiệu lực"):
// the sentence's end or the next number stops the reading first, most of the time.
constexpr std::size_t kPassiveWindowBytes = 400;
// The issue date follows the number or its issuer ("126/NQ-CP ngày 14/8/2023", "1880/QĐ-TTg
// của Thủ tướng Chính phủ ngày ..."): the cue must start within this many bytes.
constexpr std::size_t kIssueDateWindowBytes = 64;

struct Cue {
    std::string_view folded;
    Relation relation;
};

// Relation cues, folded. The nearest one before the number wins, a longer one over a
// shorter one ending at the same place ("căn cứ theo" over "theo"). "theo", "tại", "bởi",
// "ban hành" are plain citations that shield the number from a verb further back ("thực hiện kiểm
// tra theo Nghị định 46/2016/NĐ-CP" cites, it does not implement).
constexpr Cue kCues[] = {
    {"can cu", Relation::based_on},          {"can cu theo", Relation::based_on},
    {"can cu vao", Relation::based_on},      {"based on", Relation::based_on},
    {"pursuant to", Relation::based_on},     {"on the basis of", Relation::based_on},
    {"tren co so", Relation::based_on},      {"dua tren", Relation::based_on},
    {"dua vao", Relation::based_on},
    {"thuc hien", Relation::implements},     {"trien khai", Relation::implements},
    {"thi hanh", Relation::implements},      {"quan triet", Relation::implements},
    {"implementing", Relation::implements},  {"implement", Relation::implements},
    {"implements", Relation::implements},    {"implementation of", Relation::implements},
    {"sua doi", Relation::amends},           {"bo sung", Relation::amends},
    {"dieu chinh", Relation::amends},        {"amending", Relation::amends},
    {"amend", Relation::amends},             {"amends", Relation::amends},
    {"amended", Relation::amends},           {"amendments to", Relation::amends},
    {"supplementing", Relation::amends},
    {"thay the", Relation::replaces},        {"replacing", Relation::replaces},
    {"replace", Relation::replaces},         {"replaces", Relation::replaces},
    {"replaced", Relation::replaces},        {"superseding", Relation::replaces},
    {"supersede", Relation::replaces},       {"supersedes", Relation::replaces},
    {"bai bo", Relation::repeals},           {"huy bo", Relation::repeals},
    {"cham dut hieu luc", Relation::repeals},
    {"repealing", Relation::repeals},        {"repeal", Relation::repeals},
    {"repeals", Relation::repeals},          {"annulling", Relation::repeals},
    {"annul", Relation::repeals},            {"abolishing", Relation::repeals},
    // "hướng dẫn thi hành" guides; as the longer cue it beats "thi hành", which ends with it.
    {"huong dan", Relation::guides},         {"huong dan thi hanh", Relation::guides},
    {"huong dan thuc hien", Relation::guides}, {"quy dinh chi tiet", Relation::guides},
    {"quy dinh chi tiet thi hanh", Relation::guides},
    {"guiding", Relation::guides},           {"guides", Relation::guides},
    {"guidance on", Relation::guides},       {"detailing", Relation::guides},
    {"details", Relation::guides},           {"elaborating", Relation::guides},
    {"elaborates", Relation::guides},        {"guidelines for", Relation::guides},
    {"guidelines on", Relation::guides},     {"guideline for", Relation::guides},
    {"detailed regulations on", Relation::guides},
    // "sửa đổi bởi Nghị định 11/2012/NĐ-CP", "amended by": the agent of the change is cited.
    {"theo", Relation::cites},               {"tai", Relation::cites},
    {"boi", Relation::cites},                {"by", Relation::cites},
    {"ban hanh", Relation::cites},           {"according to", Relation::cites},
    {"under", Relation::cites},              {"in accordance with", Relation::cites},
};

// Words that may stand between a "guides" cue and an "implements" one that completes it.
constexpr std::string_view kCueFillers[] = {"the", "for", "on", "of"};

using unicode::ends_with_word;
using unicode::is_folded_word_char;

// Whether @p word occurs in folded @p text at @p pos as whole words.
bool word_at(std::string_view text, std::size_t pos, std::string_view word) {
    if (text.substr(pos, word.size()) != word) return false;
    const std::size_t end = pos + word.size();
    return (pos == 0 || !is_folded_word_char(text[pos - 1])) &&
           (end == text.size() || !is_folded_word_char(text[end]));
}

std::string_view trim_right(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// Start of a code point at or after @p pos.
std::size_t code_point_start(std::string_view text, std::size_t pos) {
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    return pos;
}

// Whether the '.' at @p i of folded @p text ends a sentence: a space, a line break or the end
// follows, and it is not the abbreviation's dot of "No. 126/NQ-CP".
bool is_full_stop(std::string_view folded, std::size_t i) {
    return folded[i] == '.' && (i + 1 == folded.size() || folded[i + 1] == ' ' || folded[i + 1] == '\n') &&
           !ends_with_word(folded.substr(0, i), "no");
}

// The folded text of the sentence before byte @p begin, at most kRelationWindowBytes of it.
std::string folded_sentence_before(std::string_view text, std::size_t begin) {
    const std::size_t from = code_point_start(text, begin > kRelationWindowBytes ? begin - kRelationWindowBytes : 0);
    std::string folded = unicode::fold(text.substr(from, begin - from));
    std::size_t sentence_start = 0;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if (c == '\n' || c == '\r' || c == ';' || c == '!' || c == '?' || is_full_stop(folded, i)) sentence_start = i + 1;
    }
    return folded.substr(sentence_start);
}


// Words that name a part of a document: "sửa đổi Khoản 1, Điều 2 Pháp lệnh số ...".
constexpr std::string_view kDocumentParts[] = {"dieu", "khoan", "diem", "chuong", "muc", "phu luc",
                                               "article", "clause", "point", "section", "appendix"};

bool starts_a_list_item(std::string_view segment) {
    if (segment.empty() || (segment.front() >= '0' && segment.front() <= '9')) return true;
    const auto at_start = [&](std::string_view word) { return word_at(segment, 0, word); };
    const auto nouns = type_nouns();
    return std::any_of(nouns.begin(), nouns.end(), [&](const TypeNoun& noun) { return at_start(noun.folded); }) ||
           std::any_of(std::begin(kDocumentParts), std::end(kDocumentParts), at_start);
}

// The clause of the sentence that ends where the number (or its noun) begins. A comma
// opens a new clause ("thực hiện giao dịch, Sở Xây dựng đã có Công văn số ...") unless it
// only separates the items of a list of documents or of their parts ("căn cứ Luật Đất đai,
// Nghị định 43/2014/NĐ-CP, Thông tư ..."), which share the cue before the first one.
std::string_view clause_before(std::string_view sentence) {
    for (std::size_t end = sentence.size(); end > 0;) {
        const std::size_t comma = sentence.rfind(',', end - 1);
        if (comma == std::string_view::npos) break;
        const bool list_item = starts_a_list_item(unicode::trim_spaces(sentence.substr(comma + 1, end - comma - 1)));
        if (!list_item) return sentence.substr(comma + 1);
        end = comma;
    }
    return sentence;
}

// The nearest cue in @p clause; a longer cue ending at the same place wins ("hướng dẫn thi hành").
// None when the clause has none (not even a plain "theo", "tại").
// The cue of kCues nearest the end of @p clause (ending last, the longest of those), or
// nullptr; @p start is set where it begins.
const Cue* last_cue(std::string_view clause, std::size_t& start) {
    const Cue* best = nullptr;
    std::size_t best_end = 0;
    for (const Cue& cue : kCues) {
        for (std::size_t pos = clause.rfind(cue.folded); pos != std::string_view::npos;
             pos = pos == 0 ? std::string_view::npos : clause.rfind(cue.folded, pos - 1)) {
            if (!word_at(clause, pos, cue.folded)) continue;
            const std::size_t end = pos + cue.folded.size();
            if (best == nullptr || end > best_end || (end == best_end && cue.folded.size() > best->folded.size())) {
                best = &cue;
                best_end = end;
                start = pos;
            }
            break;
        }
    }
    return best;
}

// Whether a "guides" cue ends @p text, perhaps before "the", "for", "on": "guiding the",
// "guidelines for", "detailing and guiding".
bool ends_with_guides_cue(std::string_view text) {
    for (;;) {
        text = trim_right(text);
        std::size_t start = 0;
        if (const Cue* cue = last_cue(text, start);
            cue != nullptr && cue->relation == Relation::guides && start + cue->folded.size() == text.size())
            return true;
        const auto filler = std::find_if(std::begin(kCueFillers), std::end(kCueFillers),
                                         [&](std::string_view word) { return ends_with_word(text, word); });
        if (filler == std::end(kCueFillers)) return false;
        text.remove_suffix(filler->size());
    }
}

std::optional<Relation> nearest_cue(std::string_view clause) {
    std::size_t start = 0;
    const Cue* cue = last_cue(clause, start);
    if (cue == nullptr) return std::nullopt;
    // English writes "hướng dẫn thi hành" as two cues: "guiding the implementation of",
    // "guidelines for implementation of", "detailing and guiding the implementation of".
    if (cue->relation == Relation::implements && ends_with_guides_cue(clause.substr(0, start))) return Relation::guides;
    return cue->relation;
}

// What the rest of the sentence says was done to the number, in the passive: "Điều 5 Thông
// tư số 08/2020/TT-BTC ngày … được sửa đổi, bổ sung như sau", "Decision No. 123/QD-TTg dated
// … is hereby repealed". Read up to the sentence's end or the next document number, within
// kPassiveWindowBytes. A change made by another document ("được sửa đổi bởi Nghị định …",
// "amended by Decree …") is that document's, not the citing one's: none. Also the formula
// of a document's last article, "Nghị định số 174/2013/NĐ-CP … hết hiệu lực kể từ ngày Nghị
// định này có hiệu lực", "… ceases to be effective from the effective date of this Decree":
// it replaces the number; without "này"/"this" the sentence may tell of any law's end.
std::optional<Relation> passive_cue_after(std::string_view text, std::size_t end) {
    const std::size_t to = code_point_start(text, std::min(text.size(), end + kPassiveWindowBytes));
    const std::string folded = unicode::fold(text.substr(end, to - end));
    std::vector<std::string_view> words;
    for (std::size_t pos = 0; pos < folded.size();) {
        const char c = folded[pos];
        // An initial's dot ("Nguyễn V. A.") ends no sentence either.
        const bool dot_ends = is_full_stop(folded, pos) && !(!words.empty() && words.back().size() == 1);
        if (c == '\n' || c == '\r' || c == ';' || c == ':' || c == '!' || c == '?' || dot_ends) break;
        // Another document number ("45/2019/qd-ttg", "69-qd/tw"): a digit, '/' or '-', a letter.
        if ((c == '/' || c == '-') && pos > 0 && folded[pos - 1] >= '0' && folded[pos - 1] <= '9' && pos + 1 < folded.size() &&
            folded[pos + 1] >= 'a' && folded[pos + 1] <= 'z')
            break;
        if (!is_folded_word_char(c)) {
            ++pos;
            continue;
        }
        std::size_t word_end = pos;
        while (word_end < folded.size() && is_folded_word_char(folded[word_end])) ++word_end;
        words.push_back(std::string_view(folded).substr(pos, word_end - pos));
        pos = word_end;
    }
    struct PassiveCue {
        std::string_view auxiliary;  // a word the verb follows: "được", "is", "hereby"
        std::string_view verb;       // its first word: "sua" of "sửa đổi"
        std::string_view second;     // and its second, if any
        Relation relation;
    };
    static constexpr PassiveCue kCuesAfter[] = {
        {"duoc", "sua", "doi", Relation::amends},      {"duoc", "bo", "sung", Relation::amends},
        {"duoc", "thay", "the", Relation::replaces},   {"bi", "thay", "the", Relation::replaces},
        {"duoc", "bai", "bo", Relation::repeals},      {"bi", "bai", "bo", Relation::repeals},
        {"duoc", "huy", "bo", Relation::repeals},      {"bi", "huy", "bo", Relation::repeals},
    };
    // Present tense only: "was amended in 2020", "đã được sửa đổi" tell the number's history.
    static constexpr std::string_view kEnglishAuxiliaries[] = {"is", "are", "be", "hereby"};
    static constexpr std::pair<std::string_view, Relation> kEnglishVerbs[] = {
        {"amended", Relation::amends},   {"supplemented", Relation::amends}, {"replaced", Relation::replaces},
        {"superseded", Relation::replaces}, {"repealed", Relation::repeals}, {"annulled", Relation::repeals},
        {"abolished", Relation::repeals}, {"rescinded", Relation::repeals},
    };
    // Whether the sentence names another document as the agent: "bởi"/"by"/"bằng"/"tại"/"theo".
    // Whether the citing document itself ("this …", "… này") is named from word @p after on.
    const auto this_document_later = [&](std::size_t after) {
        return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(std::min(after, words.size())), words.end(),
                           [](std::string_view word) { return word == "this" || word == "nay"; });
    };
    const auto by_another = [&](std::size_t after) {
        while (after < words.size() && (words[after] == "and" || words[after] == "va" || words[after] == "bo" ||
                                         words[after] == "sung" || words[after] == "supplemented"))
            ++after;
        if (after >= words.size()) return false;
        const std::string_view agent = words[after];
        if (agent != "boi" && agent != "by" && agent != "bang" && agent != "tai" && agent != "theo") return false;
        // The words read stop before any other number: an agent that is "this …" or "… này"
        // is the citing document itself ("bằng Phụ lục ban hành kèm theo Thông tư này").
        return !this_document_later(after + 1);
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i + 2 < words.size() && words[i] == "het" && words[i + 1] == "hieu" && words[i + 2] == "luc" && (i == 0 || words[i - 1] != "da"))
            return this_document_later(i + 3) ? std::optional<Relation>(Relation::replaces) : std::nullopt;
        if (i + 1 < words.size() && (words[i] == "cease" || words[i] == "ceases") && words[i + 1] == "to")
            return this_document_later(i + 2) ? std::optional<Relation>(Relation::replaces) : std::nullopt;
        if (i == 0) continue;  // the passives below need the word before the verb
        for (const PassiveCue& cue : kCuesAfter) {
            if (words[i - 1] != cue.auxiliary || words[i] != cue.verb || i + 1 >= words.size() || words[i + 1] != cue.second)
                continue;
            if (i >= 2 && words[i - 2] == "da") return std::nullopt;
            return by_another(i + 2) ? std::nullopt : std::optional<Relation>(cue.relation);
        }
        if (std::find(std::begin(kEnglishAuxiliaries), std::end(kEnglishAuxiliaries), words[i - 1]) == std::end(kEnglishAuxiliaries))
            continue;
        for (const auto& [verb, relation] : kEnglishVerbs)
            if (words[i] == verb) return by_another(i + 1) ? std::nullopt : std::optional<Relation>(relation);
    }
    return std::nullopt;
}

bool is_sentence_end(char32_t cp) {
    return cp == U'.' || cp == U';' || cp == U'!' || cp == U'?' || cp == U'\n' || cp == U'\r';
}

std::string_view skip_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    return text;
}

// The end of the run of letters that begins at byte @p pos of @p text (@p pos when none does).
std::size_t letters_end(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
        std::size_t next = pos;
        if (!u_isalpha(static_cast<UChar32>(decode_utf8(text, next)))) break;
        pos = next;
    }
    return pos;
}

// The date after a cue word ("ngày", "dated", "of", "on"), written d/m/yyyy,
// "ngày d tháng m năm yyyy" or "Month d, yyyy"; "" when none is there.
std::string date_after_cue(std::string_view from_cue, std::size_t cue_length) {
    std::size_t length = 0;
    // "ngày 6 tháng 7 năm 2022" is parsed with its "ngày"; the other forms after the cue.
    if (std::string date = parse_date_at(from_cue, length); !date.empty()) return date;
    return parse_date_at(skip_spaces(from_cue.substr(cue_length)), length);
}

// The issue date written after the number ending at @p end: the first "ngày"/"dated"
// in the same sentence, no other number in between. A number with a year is issued that
// year, so a date of another year is some other event ("Chỉ thị 05-CT/TW, ngày 15/5 ...").
std::string issue_date_after(std::string_view text, std::size_t end, int year) {
    const auto of_its_year = [&](std::string date) {
        return !date.empty() && year != 0 && date.compare(0, 4, std::to_string(year)) != 0 ? std::string() : date;
    };
    // In brackets right after it: "Resolution No. 126/NQ-CP (August 14, 2023)", "Quyết định
    // 123/QĐ-TTg (14/8/2023)".
    if (const std::string_view after = skip_spaces(text.substr(std::min(end, text.size()))); after.starts_with("(")) {
        std::size_t length = 0;
        if (std::string date = parse_date_at(skip_spaces(after.substr(1)), length); !date.empty()) return of_its_year(std::move(date));
    }
    for (std::size_t pos = end; pos < text.size() && pos - end <= kIssueDateWindowBytes;) {
        std::size_t next = pos;
        const char32_t cp = decode_utf8(text, next);
        if (is_sentence_end(cp) || (cp >= U'0' && cp <= U'9')) return {};
        if (!u_isalpha(static_cast<UChar32>(cp))) {
            pos = next;
            continue;
        }
        const std::size_t word_end = letters_end(text, next);
        // A date of another event stands after these: "có hiệu lực từ ngày 15/4/2020", "took
        // effect on August 1, 2024", "in force from …", "until …". The issue date, when the
        // text gives it, comes before them.
        static constexpr std::string_view kOtherEvents[] = {"hiệu", "từ", "đến", "trước", "sau", "effect", "effective", "force",
                                                            "from", "until", "till", "since", "before", "after", "expire",
                                                            "expires", "expired"};
        const std::string lower = unicode::fold_case(text.substr(pos, word_end - pos));
        if (std::find(std::begin(kOtherEvents), std::end(kOtherEvents), lower) != std::end(kOtherEvents)) return {};
        const std::string word = unicode::fold(text.substr(pos, word_end - pos));
        const bool vietnamese_cue = word == "ngay";
        if (vietnamese_cue || word == "dated" || word == "of" || word == "on" || word == "issued") {
            std::string date = date_after_cue(text.substr(pos), word_end - pos);
            if (!date.empty() || vietnamese_cue) return of_its_year(std::move(date));
        }
        pos = word_end;
    }
    return {};
}

// The year written right after a number without its own: "01/NQ-CP năm 2024", "01/NQ-CP
// (2024)", "01/NQ-CP of 2024", as the press names the Government's yearly resolutions; "" when
// none is there.
std::string year_stated_after(std::string_view text, std::size_t end) {
    std::string_view rest = skip_spaces(text.substr(std::min(end, text.size())));
    bool parenthesized = false;
    if (!rest.empty() && rest.front() == '(') {
        parenthesized = true;
        rest.remove_prefix(1);
    } else {
        const std::size_t word_end = letters_end(rest, 0);
        const std::string word = unicode::fold(rest.substr(0, word_end));
        if (word != "nam" && word != "of" && word != "in") return {};
        rest = skip_spaces(rest.substr(word_end));
    }
    if (rest.size() < 4 || !std::all_of(rest.begin(), rest.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) return {};
    const std::string_view after = rest.substr(4);
    if (!after.empty() && ((after.front() >= '0' && after.front() <= '9') || after.front() == '/' || after.front() == '-')) return {};
    if (parenthesized && (after.empty() || after.front() != ')')) return {};
    const int year = std::stoi(std::string(rest.substr(0, 4)));
    if (year < kEarliestNumberYear || year > kLatestNumberYear) return {};
    return std::string(rest.substr(0, 4));
}

std::string ordinal(int n) {
    const int last_two = n % 100, last = n % 10;
    const char* suffix = (last_two >= 11 && last_two <= 13) ? "th"
                         : last == 1                        ? "st"
                         : last == 2                        ? "nd"
                         : last == 3                        ? "rd"
                                                            : "th";
    return std::to_string(n) + suffix;
}

// @p cue_before: whether a cue before the number gave its relation (else the passive after it
// did, or nothing did).
Reference resolve(std::string_view text, const DocumentNumber& number, std::size_t begin, std::size_t end, bool& cue_before) {
    Reference ref;
    ref.number = number;
    ref.begin = begin;
    ref.end = end;

    const auto& codes = number.codes;
    const CodeInfo* first = codes.empty() ? nullptr : find_code(codes.front());
    const bool type_in_number = first != nullptr && first->kind == CodeKind::type;

    const std::string sentence = folded_sentence_before(text, begin);
    std::string_view before_noun = sentence;
    const TypeNoun* noun = take_type_noun_before_number(before_noun);
    if (noun == nullptr && !type_in_number) noun = take_titled_law_noun_before_number(before_noun);
    const CodeInfo* noun_type = noun != nullptr ? find_code(noun->code) : nullptr;
    // A noun for another kind of document is no noun of this number but part of the
    // clause: "hướng dẫn 02/2017/TT-BYT" guides a circular.
    if (type_in_number && noun_type != first) {
        noun = nullptr;
        noun_type = nullptr;
        before_noun = sentence;
    }
    // A cue before the number says what the citing text does with it ("theo", "tại" that it
    // only cites it); where there is none, the rest of the sentence may say so in the passive.
    std::optional<Relation> relation = nearest_cue(clause_before(before_noun));
    cue_before = relation.has_value();
    if (!relation) relation = passive_cue_after(text, end);
    ref.relation = relation.value_or(Relation::cites);
    ref.issued = issue_date_after(text, end, number.year);
    if (ref.issued.size() >= 4) ref.issued_year = ref.issued.substr(0, 4);
    else if (number.year == 0) ref.issued_year = year_stated_after(text, end);

    const CodeInfo* type = type_in_number ? first : noun_type;
    const NounSense sense = noun != nullptr ? noun->sense : NounSense::by_style;
    const bool party_sense = sense == NounSense::party || (sense == NounSense::by_style && number.party_style);
    if (type != nullptr) {
        const bool party = party_sense && !type->party_name_vi.empty();
        ref.type_code = type_in_number ? codes.front() : std::string(type->code);
        ref.type_name_vi = party ? type->party_name_vi : type->name_vi;
        ref.type_name_en = party ? type->party_name_en : type->name_en;
    }
    for (std::size_t i = type_in_number ? 1 : 0; i < codes.size(); ++i)
        ref.issuers.push_back(describe_issuer(codes[i], number.party_style));
    return ref;
}

// Whether only a list's glue stands between two numbers: "Quyết định số 12/2020/QĐ-UBND
// ngày 1/2/2020 và Quyết định số 13/2020/QĐ-UBND của UBND tỉnh X" names one issuer for both.
bool only_list_glue(std::string_view text, std::size_t from, std::size_t to) {
    const std::string folded = unicode::fold(text.substr(from, to - from));
    for (std::size_t pos = 0; pos < folded.size();) {
        if (!is_folded_word_char(folded[pos])) {
            if (folded[pos] != ' ' && folded[pos] != ',' && folded[pos] != '/' && folded[pos] != '.') return false;
            ++pos;
            continue;
        }
        std::size_t end = pos;
        while (end < folded.size() && is_folded_word_char(folded[end])) ++end;
        const std::string_view word = std::string_view(folded).substr(pos, end - pos);
        static constexpr std::string_view kGlue[] = {"va", "and", "hoac", "or", "so", "no", "ngay", "thang", "nam", "dated",
                                                     "january", "february", "march", "april", "may", "june", "july",
                                                     "august", "september", "october", "november", "december"};
        const bool glue = std::find(std::begin(kGlue), std::end(kGlue), word) != std::end(kGlue) ||
                          std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
                          std::any_of(type_nouns().begin(), type_nouns().end(), [&](const TypeNoun& noun) {
                              for (std::size_t at = noun.folded.find(word); at != std::string_view::npos; at = noun.folded.find(word, at + 1))
                                  if (word_at(noun.folded, at, word)) return true;
                              return false;
                          });
        if (!glue) return false;
        pos = end;
    }
    return true;
}

// A list of numbers shares the verb after its last ("Nghị định số 40/2019/NĐ-CP và Nghị định
// số 136/2018/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực"), which passive_cue_after
// reads for the last number only: a number with no cue of its own takes the relation the passive
// gave the next one, when only a list's glue stands between them. A cue before the next number
// is that number's alone ("… và bãi bỏ Nghị định …").
void share_passives_along_lists(std::string_view text, std::vector<Reference>& references, const std::vector<bool>& cue_before) {
    for (std::size_t i = references.size(); i-- > 1;) {  // last to first: a list passes it along
        Reference& ref = references[i - 1];
        const Reference& next = references[i];
        if (cue_before[i - 1] || ref.relation != Relation::cites || cue_before[i] || next.relation == Relation::cites) continue;
        if (next.begin >= ref.end && only_list_glue(text, ref.end, next.begin)) ref.relation = next.relation;
    }
}

// The locality of each local body's number (see reference.hpp): said after it, or after the
// last of a list it opens; else before it in its sentence, unless said there for an earlier
// number ("Quyết định 40/2026/QĐ-UBND của UBND thành phố Đà Nẵng …, đồng thời bãi bỏ Quyết
// định 22/2019/QĐ-UBND": Đà Nẵng is 40's); else what the text's other mentions of the same
// number say, when they agree.
void attach_localities(std::string_view text, std::vector<Reference>& references) {
    std::vector<std::size_t> claimed_until(references.size(), 0);  // end of the locality said after each number
    for (std::size_t i = references.size(); i-- > 0;) {
        Reference& ref = references[i];
        if (!is_local_number(ref.number)) continue;
        const std::size_t next = i + 1 < references.size() && references[i + 1].begin >= ref.end ? references[i + 1].begin : text.size();
        if (const auto after = locality_after(text, ref.end, next)) {
            ref.locality = after->name;
            // "của UBND thành phố Đà Nẵng", "of …": the number's own, which no later number
            // shares. A body named further on ("…, ngày 6/2/2017 Chủ tịch UBND tỉnh Thái Nguyên
            // đã có Văn bản số 331/UBND-TH") may be the next number's subject too.
            const std::string_view phrase = text.substr(after->begin);
            const std::string_view lead = trim_right(text.substr(ref.end, after->begin - ref.end));
            if (phrase.starts_with("của ") || phrase.starts_with("of ") || lead.ends_with(" của") || lead.ends_with(" of") ||
                lead.ends_with(" of the"))
                claimed_until[i] = after->end;
        } else if (next < text.size() && is_local_number(references[i + 1].number) && only_list_glue(text, ref.end, next)) {
            ref.locality = references[i + 1].locality;
        }
    }
    std::size_t claimed = 0;
    for (std::size_t i = 0; i < references.size(); ++i) {
        Reference& ref = references[i];
        if (ref.locality.empty() && is_local_number(ref.number))
            if (const auto before = locality_before(text, std::min(claimed, ref.begin), ref.begin)) ref.locality = before->name;
        claimed = std::max(claimed, claimed_until[i]);
    }
    std::map<std::string, std::vector<const Reference*>> by_key;
    for (const Reference& ref : references)
        if (!ref.locality.empty()) by_key[ref.number.key()].push_back(&ref);
    for (Reference& ref : references) {
        if (!ref.locality.empty() || !is_local_number(ref.number)) continue;
        const auto said = by_key.find(ref.number.key());
        if (said == by_key.end()) continue;
        const std::string first = locality_key(said->second.front()->locality);
        const bool agree = std::all_of(said->second.begin(), said->second.end(),
                                       [&](const Reference* other) { return same_locality(first, locality_key(other->locality)); });
        if (agree) ref.locality = said->second.front()->locality;
    }
}

// Each mention (a span with begin, end and a number that @p number_of reads) resolved, then
// what mentions learn from each other: a list's shared passive, localities.
template <typename Mentions, typename NumberOf>
std::vector<Reference> resolve_all(std::string_view text, const Mentions& mentions, NumberOf number_of) {
    std::vector<Reference> references;
    std::vector<bool> cue_before;
    references.reserve(mentions.size());
    for (const auto& mention : mentions) {
        bool cued = false;
        references.push_back(resolve(text, number_of(mention), mention.begin, mention.end, cued));
        cue_before.push_back(cued);
    }
    share_passives_along_lists(text, references, cue_before);
    attach_localities(text, references);
    return references;
}

}  // namespace


Issuer describe_issuer(const std::string& code, bool party_sense) {
    Issuer issuer{code, {}, {}};
    std::size_t letters_end = code.size();
    while (letters_end > 0 && code[letters_end - 1] >= '0' && code[letters_end - 1] <= '9') --letters_end;
    const CodeInfo* info = find_code(std::string_view(code).substr(0, letters_end));
    if (info == nullptr) return issuer;
    const bool party = party_sense && !info->party_name_vi.empty();
    issuer.name_vi = party ? info->party_name_vi : info->name_vi;
    issuer.name_en = party ? info->party_name_en : info->name_en;
    if (info->digits_are_term && letters_end < code.size()) {
        const int term = std::stoi(code.substr(letters_end));
        issuer.name_vi += " khóa " + std::to_string(term);
        issuer.name_en += " (" + ordinal(term) + " term)";
    }
    return issuer;
}

std::string_view to_string(Relation relation) {
    switch (relation) {
        case Relation::cites: return "cites";
        case Relation::based_on: return "based_on";
        case Relation::implements: return "implements";
        case Relation::amends: return "amends";
        case Relation::replaces: return "replaces";
        case Relation::repeals: return "repeals";
        case Relation::guides: return "guides";
    }
    return "cites";
}

std::vector<Reference> extract_references(std::string_view nfc_text) {
    return resolve_all(nfc_text, find_document_numbers(nfc_text), [](const DocumentNumberMatch& m) -> const DocumentNumber& { return m.value; });
}

std::vector<Reference> extract_references(std::string_view nfc_text, const std::vector<ReferenceMention>& mentions) {
    return resolve_all(nfc_text, mentions, [](const ReferenceMention& m) -> const DocumentNumber& { return m.number; });
}

}  // namespace tracuu
