/** @file
 * @brief Structured references: names, relations, issue dates, and precision/recall of
 *        the extractor on the labelled table tests/data/reference-mentions.tsv.
 */
#include "analyzers/reference.hpp"
#include "analyzers/unicode.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace tracuu {
namespace {

// The one reference in @p text (a test failure when there is not exactly one).
Reference only_reference(std::string_view text) {
    auto found = extract_references(unicode::normalize_nfc(text));
    EXPECT_EQ(found.size(), 1u) << text;
    return found.empty() ? Reference{} : found.front();
}

struct NamesRow {
    const char* text;
    const char* canonical;
    const char* type_code;
    const char* type_vi;
    const char* type_en;
    std::vector<Issuer> issuers;
};

TEST(Reference, TypeAndIssuerNames) {
    const std::vector<NamesRow> rows = {
        {"Nghị quyết số 126/NQ-CP", "126/NQ-CP", "NQ", "Nghị quyết", "Resolution",
         {{"CP", "Chính phủ", "Government"}}},
        {"Decree 15/2020/ND-CP", "15/2020/NĐ-CP", "NĐ", "Nghị định", "Decree", {{"CP", "Chính phủ", "Government"}}},
        {"Quyết định 1880/QĐ-TTg", "1880/QĐ-TTg", "QĐ", "Quyết định", "Decision",
         {{"TTg", "Thủ tướng Chính phủ", "Prime Minister"}}},
        // QĐ in a Party number is a regulation, unless the noun says otherwise.
        {"Quy định số 69-QĐ/TW", "69-QĐ/TW", "QĐ", "Quy định", "Regulation",
         {{"TW", "Ban Chấp hành Trung ương", "Central Committee"}}},
        {"Regulation 132-QD/TW", "132-QĐ/TW", "QĐ", "Quy định", "Regulation",
         {{"TW", "Ban Chấp hành Trung ương", "Central Committee"}}},
        {"theo 181-QĐ/TW", "181-QĐ/TW", "QĐ", "Quy định", "Regulation",
         {{"TW", "Ban Chấp hành Trung ương", "Central Committee"}}},
        {"Quyết định số 343-QĐ/TW", "343-QĐ/TW", "QĐ", "Quyết định", "Decision",
         {{"TW", "Ban Chấp hành Trung ương", "Central Committee"}}},
        // BCT: the Politburo in a Party number, the Ministry of Industry and Trade otherwise.
        {"Kết luận 35-KL/BCT", "35-KL/BCT", "KL", "Kết luận", "Conclusion", {{"BCT", "Bộ Chính trị", "Politburo"}}},
        {"Quyết định số 376/QĐ-BCT", "376/QĐ-BCT", "QĐ", "Quyết định", "Decision",
         {{"BCT", "Bộ Công Thương", "Ministry of Industry and Trade"}}},
        // No type code: the noun before the number gives it.
        {"Luật số 59/2020/QH14", "59/2020/QH14", "L", "Luật", "Law",
         {{"QH14", "Quốc hội khóa 14", "National Assembly (14th term)"}}},
        {"Law No. 59/2020/QH14", "59/2020/QH14", "L", "Luật", "Law",
         {{"QH14", "Quốc hội khóa 14", "National Assembly (14th term)"}}},
        // A law's title stands between the noun and the number.
        {"Luật Đất đai số 31/2024/QH15", "31/2024/QH15", "L", "Luật", "Law",
         {{"QH15", "Quốc hội khóa 15", "National Assembly (15th term)"}}},
        {"Luật Phòng, chống tác hại của rượu, bia số 44/2019/QH14", "44/2019/QH14", "L", "Luật", "Law",
         {{"QH14", "Quốc hội khóa 14", "National Assembly (14th term)"}}},
        {"Bộ luật Dân sự năm 2015 số 91/2015/QH13", "91/2015/QH13", "L", "Luật", "Law",
         {{"QH13", "Quốc hội khóa 13", "National Assembly (13th term)"}}},
        {"Law on Enterprises No. 59/2020/QH14", "59/2020/QH14", "L", "Luật", "Law",
         {{"QH14", "Quốc hội khóa 14", "National Assembly (14th term)"}}},
        {"Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14", "02/2020/UBTVQH14", "PL", "Pháp lệnh",
         "Ordinance", {{"UBTVQH14", "Ủy ban Thường vụ Quốc hội khóa 14", "National Assembly Standing Committee (14th term)"}}},
        // ... or with its year, the number in brackets after it.
        {"Land Law 2024 (No. 31/2024/QH15)", "31/2024/QH15", "L", "Luật", "Law",
         {{"QH15", "Quốc hội khóa 15", "National Assembly (15th term)"}}},
        {"the Land Law (No. 31/2024/QH15)", "31/2024/QH15", "L", "Luật", "Law",
         {{"QH15", "Quốc hội khóa 15", "National Assembly (15th term)"}}},
        {"Luật Đất đai năm 2024 (số 31/2024/QH15)", "31/2024/QH15", "L", "Luật", "Law",
         {{"QH15", "Quốc hội khóa 15", "National Assembly (15th term)"}}},
        {"in 2024 (No. 31/2024/QH15)", "31/2024/QH15", "", "", "", {{"QH15", "Quốc hội khóa 15", "National Assembly (15th term)"}}},
        // ... but a noun followed by a comma, or a title with another number, is not this number's.
        {"theo luật, văn bản số 12/2020/QH14", "12/2020/QH14", "", "", "",
         {{"QH14", "Quốc hội khóa 14", "National Assembly (14th term)"}}},
        {"Luật 2 số 12/2020/QH14", "12/2020/QH14", "", "", "",
         {{"QH14", "Quốc hội khóa 14", "National Assembly (14th term)"}}},
        {"Công văn số 2383/BVHTTDL-TCDL", "2383/BVHTTDL-TCDL", "CV", "Công văn", "Official Letter",
         {{"BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism"}, {"TCDL", "", ""}}},
        {"văn bản số 2916/C67-P9", "2916/C67-P9", "", "", "", {{"C67", "", ""}, {"P9", "", ""}}},
        {"01/VBHN-VPQH", "01/VBHN-VPQH", "VBHN", "Văn bản hợp nhất", "Consolidated Text",
         {{"VPQH", "Văn phòng Quốc hội", "Office of the National Assembly"}}},
        {"Thông tư liên tịch 12/2015/TTLT-BTC-BTP", "12/2015/TTLT-BTC-BTP", "TTLT", "Thông tư liên tịch",
         "Joint Circular", {{"BTC", "Bộ Tài chính", "Ministry of Finance"}, {"BTP", "Bộ Tư pháp", "Ministry of Justice"}}},
        {"Nghị quyết 13/2013/NQ-HĐND", "13/2013/NQ-HĐND", "NQ", "Nghị quyết", "Resolution",
         {{"HĐND", "Hội đồng nhân dân", "People's Council"}}},
    };
    for (const NamesRow& row : rows) {
        const Reference ref = only_reference(row.text);
        EXPECT_EQ(ref.number.canonical(), row.canonical) << row.text;
        EXPECT_EQ(ref.type_code, row.type_code) << row.text;
        EXPECT_EQ(ref.type_name_vi, row.type_vi) << row.text;
        EXPECT_EQ(ref.type_name_en, row.type_en) << row.text;
        ASSERT_EQ(ref.issuers.size(), row.issuers.size()) << row.text;
        for (std::size_t i = 0; i < row.issuers.size(); ++i) {
            EXPECT_EQ(ref.issuers[i].code, row.issuers[i].code) << row.text;
            EXPECT_EQ(ref.issuers[i].name_vi, row.issuers[i].name_vi) << row.text;
            EXPECT_EQ(ref.issuers[i].name_en, row.issuers[i].name_en) << row.text;
        }
    }
}

TEST(Reference, SpanIsTheNumber) {
    const std::string text = "thực hiện Nghị quyết số 126/NQ-CP ngày 14/8/2023";
    const Reference ref = only_reference(text);
    EXPECT_EQ(text.substr(ref.begin, ref.end - ref.begin), "126/NQ-CP");
}

struct RelationRow {
    const char* text;  ///< The last reference in it is checked.
    Relation relation;
};

TEST(Reference, RelationFromTheCueBeforeIt) {
    const std::vector<RelationRow> rows = {
        {"Căn cứ Nghị định số 15/2020/NĐ-CP", Relation::based_on},
        {"Can cu Nghi dinh so 15/2020/ND-CP", Relation::based_on},           // typed without diacritics
        {"Pursuant to Decree No. 15/2020/ND-CP", Relation::based_on},
        {"Mức học phí được căn cứ theo Quyết định 89/2016/QĐ-UBND", Relation::based_on},
        {"Căn cứ Luật Đất đai, Nghị định 43/2014/NĐ-CP", Relation::based_on},  // a list shares its cue
        {"triển khai thực hiện Nghị quyết số 126/NQ-CP", Relation::implements},
        {"TRIEN KHAI THUC HIEN NGHI QUYET 126/NQ-CP", Relation::implements},
        {"Directive on implementing Resolution No. 126/NQ-CP", Relation::implements},
        {"Hơn 6 năm triển khai, Nghị định 116/2010/NĐ-CP", Relation::implements},
        {"sửa đổi, bổ sung một số điều của Thông tư số 77/2014/TT-BTC", Relation::amends},
        {"sửa đổi Khoản 1, Điều 2 Pháp lệnh số 26/2005/PL-UBTVQH11", Relation::amends},
        {"amending Decree 15/2020/ND-CP", Relation::amends},
        {"thay thế Quyết định số 69/2013/QĐ-TTg", Relation::replaces},
        {"replacing Decision 69/2013/QD-TTg", Relation::replaces},
        {"bãi bỏ Thông tư 12/2017/TT-BGTVT", Relation::repeals},
        {"bai bo Thong tu 12/2017/TT-BGTVT", Relation::repeals},
        {"annulling Circular 12/2017/TT-BGTVT", Relation::repeals},
        {"hướng dẫn thi hành Nghị định 46/2014/NĐ-CP", Relation::guides},   // not "thi hành": implements
        {"quy định chi tiết thi hành một số điều của Nghị định số 42/2014/NĐ-CP", Relation::guides},
        {"guiding Decree 46/2014/ND-CP", Relation::guides},
        {"The circular guides Decree 46/2014/ND-CP", Relation::guides},       // the verb's third person too
        {"Decree 102 details Law No. 31/2024/QH15", Relation::guides},
        {"Circular No. 12/2021/TT-BTC detailing Decree No. 15/2020/ND-CP", Relation::guides},
        {"elaborating some articles of Decree 43/2014/ND-CP", Relation::guides},
        {"providing guidelines for Decree No. 82/2020/ND-CP", Relation::guides},
        // English writes "hướng dẫn thi hành" as two cues.
        {"guiding the implementation of Decree 126/2020/ND-CP", Relation::guides},
        {"detailing and guiding the implementation of Decree 126/2020/ND-CP", Relation::guides},
        {"guidelines for the implementation of Decree 126/2020/ND-CP", Relation::guides},
        {"continues the implementation of Decree 126/2020/ND-CP", Relation::implements},
        {"The directive implements Resolution No. 126/NQ-CP", Relation::implements},
        {"Công văn hướng dẫn 02/2017/TT-BYT", Relation::guides},               // a noun of another type
        {"Căn cứ Luật Thi hành án dân sự số 26/2008/QH12", Relation::based_on},  // the title's "thi hành" is no cue
        {"Nghị định 61/2017/NĐ-CP về định giá nợ xấu", Relation::cites},
        {"xử phạt theo Nghị định 46/2016/NĐ-CP", Relation::cites},
        {"thực hiện kiểm tra theo Nghị định 46/2016/NĐ-CP", Relation::cites},  // "theo" is nearer
        {"(sửa đổi, bổ sung bởi Nghị định 11/2012/NĐ-CP)", Relation::cites},   // the amender
        {"Hướng dẫn số 12-HD/TW", Relation::cites},                            // a noun, not a cue
        {"Thực hiện Nghị quyết 35/NQ-CP. Bộ đã ban hành Quyết định 1234/QĐ-BTC", Relation::cites},
        {"thực hiện giao dịch, Sở Xây dựng đã có Công văn số 3673/SXD-QLN", Relation::cites},
    };
    for (const RelationRow& row : rows) {
        const auto found = extract_references(unicode::normalize_nfc(row.text));
        ASSERT_FALSE(found.empty()) << row.text;
        EXPECT_EQ(to_string(found.back().relation), to_string(row.relation)) << row.text;
    }
}

TEST(Reference, RelationFromAPassiveAfterItWhenNoCueComesBefore) {
    // found.front(): the number the sentence is about, the first one.
    const std::vector<RelationRow> rows = {
        {"Điều 5 Thông tư số 08/2020/TT-BTC ngày 14 tháng 2 năm 2020 của Bộ Tài chính được sửa đổi, bổ sung như sau:",
         Relation::amends},
        {"Khoản 2 Điều 3 Nghị định 15/2020/NĐ-CP được bổ sung điểm c như sau", Relation::amends},
        {"Quyết định số 123/QĐ-TTg ngày 01/02/2020 bị bãi bỏ.", Relation::repeals},
        {"Phụ lục của Thông tư 12/2017/TT-BGTVT được thay thế bằng Phụ lục ban hành kèm theo Thông tư này.", Relation::replaces},
        {"Article 5 of Decision No. 45/2019/QD-TTg dated May 10, 2019 is repealed.", Relation::repeals},
        {"Decision No. 123/QD-TTg is hereby annulled.", Relation::repeals},
        {"Clause 2, Article 3 of Decree 15/2020/ND-CP is amended as follows:", Relation::amends},
        {"Circular 12/2017/TT-BGTVT is replaced by this Circular.", Relation::replaces},
        // A last article's formula: the number ends when this document begins.
        {"Nghị định số 174/2013/NĐ-CP ngày 13 tháng 11 năm 2013 của Chính phủ hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.",
         Relation::replaces},
        {"Decree No. 174/2013/ND-CP ceases to be effective from the effective date of this Decree.", Relation::replaces},
        // After the number's date, issuer and a long subject.
        {"Nghị định số 174/2013/NĐ-CP ngày 13 tháng 11 năm 2013 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực "
         "bưu chính, viễn thông, công nghệ thông tin và tần số vô tuyến điện hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.",
         Relation::replaces},
        {"This Decree supersedes Decree No. 174/2013/ND-CP.", Relation::replaces},
        // What another document did, or the number's history, is a plain citation.
        {"Nghị định 15/2020/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 14/2022/NĐ-CP.", Relation::cites},
        {"Decree 15/2020/ND-CP, amended by Decree 14/2022/ND-CP, is in force.", Relation::cites},
        {"Thông tư 78/2014/TT-BTC (đã được sửa đổi, bổ sung) quy định", Relation::cites},
        {"Law No. 59/2020/QH14 was amended in 2022.", Relation::cites},
        {"Nghị định 174/2013/NĐ-CP hết hiệu lực từ ngày 15/4/2020.", Relation::cites},  // no "này": any law's end
        {"Nghị định 174/2013/NĐ-CP đã hết hiệu lực kể từ ngày Nghị định 15 này có hiệu lực.", Relation::cites},
        {"Decree 174/2013/ND-CP ceased to be effective on April 15, 2020.", Relation::cites},
        {"theo Thông tư số 52/2017/TT-BTC thì điểm c khoản 1 Điều 4 được sửa đổi", Relation::cites},  // "theo" before
        {"Nghị định 15/2020/NĐ-CP quy định xử phạt. Điều 5 được sửa đổi như sau", Relation::cites},  // another sentence
        // A list shares the verb after its last number.
        {"Nghị định 15/2020/NĐ-CP và Nghị định 14/2022/NĐ-CP được sửa đổi", Relation::amends},
        {"Nghị định số 40/2019/NĐ-CP và Nghị định số 136/2018/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.",
         Relation::replaces},
        {"Các Thông tư số 75/2015/TT-BTC, số 53/2016/TT-BTC hết hiệu lực kể từ ngày Thông tư này có hiệu lực.", Relation::replaces},
        {"Circular No. 200/2014/TT-BTC dated December 22, 2014 and Circular No. 75/2015/TT-BTC cease to be effective from the "
         "effective date of this Circular.",
         Relation::replaces},
        // Not past a cue of the next number's own, nor past words that are no list's.
        {"Nghị định 15/2020/NĐ-CP quy định xử phạt và bãi bỏ Nghị định 14/2022/NĐ-CP.", Relation::cites},
        {"Theo Nghị định 15/2020/NĐ-CP, Nghị định 14/2022/NĐ-CP được sửa đổi", Relation::cites},
    };
    for (const RelationRow& row : rows) {
        const auto found = extract_references(unicode::normalize_nfc(row.text));
        ASSERT_FALSE(found.empty()) << row.text;
        EXPECT_EQ(to_string(found.front().relation), to_string(row.relation)) << row.text;
    }
}

TEST(Reference, RelationNames) {
    EXPECT_EQ(to_string(Relation::cites), "cites");
    EXPECT_EQ(to_string(Relation::based_on), "based_on");
    EXPECT_EQ(to_string(Relation::implements), "implements");
    EXPECT_EQ(to_string(Relation::amends), "amends");
    EXPECT_EQ(to_string(Relation::replaces), "replaces");
    EXPECT_EQ(to_string(Relation::repeals), "repeals");
    EXPECT_EQ(to_string(Relation::guides), "guides");
}

struct DateRow {
    const char* text;
    const char* issued;
};

TEST(Reference, IssueDateWrittenAfterTheNumber) {
    const std::vector<DateRow> rows = {
        {"Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ", "2023-08-14"},
        {"Quy định số 69-QĐ/TW ngày 06 tháng 7 năm 2022", "2022-07-06"},
        {"Resolution No. 126/NQ-CP dated August 14, 2023", "2023-08-14"},
        {"Decision No. 1050/QD-NHNN dated 5/28/2014 on pilot lending", "2014-05-28"},  // a US draft's order
        {"Quyết định số 1880/QĐ-TTg của Thủ tướng Chính phủ ngày 29/9/2016", "2016-09-29"},
        {"Nghị định 116/2010/NĐ-CP, ngày 24-12-2010, của Chính phủ", "2010-12-24"},
        {"Thông tư số 17/2012/TT-BGDĐT ngày 16.5.2012", "2012-05-16"},
        {"Nghị định 67/2014/NĐ-CP. Ngày 7/7/2014, tàu được hạ thủy", ""},     // another sentence
        {"Nghị định 67/2014/NĐ-CP ngày 5/6/2017 được áp dụng", ""},          // not the year of the number
        {"Quyết định số 2586/QĐ-BVHTTDL ngày 29/6", ""},                     // no year written
        {"Nghị định 67/2014/NĐ-CP về chính sách phát triển thủy sản", ""},
        // The date it takes effect, expires or is applied from is another event's.
        {"Nghị định 15/2020/NĐ-CP có hiệu lực từ ngày 15/4/2020", ""},
        {"Nghị định 15/2020/NĐ-CP được áp dụng từ ngày 15/4/2020", ""},
        {"Nghị định 15/2020/NĐ-CP ngày 3/2/2020 có hiệu lực từ ngày 15/4/2020", "2020-02-03"},
        {"The Land Law (No. 31/2024/QH15) took effect on August 1, 2024", ""},
        {"Decree No. 15/2020/ND-CP comes into force on April 15, 2020", ""},
        {"Decree No. 15/2020/ND-CP is effective from April 15, 2020", ""},
        {"Decree No. 15/2020/ND-CP dated February 3, 2020 takes effect on April 15, 2020", "2020-02-03"},
        {"Thông tư 01/2021/TT-BTP của Bộ Tư pháp ngày 5/1/2021", "2021-01-05"},  // Tư is no "từ"
        // In brackets right after it, or after "issued".
        {"Resolution No. 126/NQ-CP (August 14, 2023) on law enforcement", "2023-08-14"},
        {"Quyết định 1880/QĐ-TTg (29/9/2016) của Thủ tướng", "2016-09-29"},
        {"Nghị định 15/2020/NĐ-CP (5/6/2017)", ""},  // not the year of the number
        {"Nghị định 15/2020/NĐ-CP (có hiệu lực từ 15/4/2020)", ""},
        {"Resolution No. 126/NQ-CP issued August 14, 2023 asks ministries", "2023-08-14"},
        {"Resolution No. 126/NQ-CP, issued on August 14, 2023, asks ministries", "2023-08-14"},
    };
    for (const DateRow& row : rows) EXPECT_EQ(only_reference(row.text).issued, row.issued) << row.text;
}

// The Government's resolutions 01/NQ-CP come back every year; the press names them by it.
TEST(Reference, TheYearOfANumberWithoutItsOwn) {
    const std::vector<DateRow> rows = {
        {"Nghị quyết 01/NQ-CP năm 2024 của Chính phủ", "2024"},
        {"Nghị quyết 01/NQ-CP (2024) về nhiệm vụ", "2024"},
        {"Resolution No. 01/NQ-CP of 2024 on tasks", "2024"},
        {"Nghị quyết số 126/NQ-CP ngày 14/8/2023", "2023"},   // of its date
        {"Nghị quyết 01/NQ-CP, năm 2024 tỉnh đạt kết quả", ""},  // another clause's year
        {"Nghị quyết 01/NQ-CP năm 2024/2025", ""},
        {"Nghị quyết 01/NQ-CP (2024-2025)", ""},
        {"Nghị quyết 01/NQ-CP năm 12", ""},
        {"Nghị định 15/2020/NĐ-CP năm 2021", ""},              // a number with its year is of that year
    };
    for (const DateRow& row : rows) EXPECT_EQ(only_reference(row.text).issued_year, row.issued) << row.text;
    EXPECT_EQ(only_reference("Nghị quyết 01/NQ-CP năm 2024").issued, "");  // no date for all that
}

// ---------------------------------------------------------------------------------------
// The labelled table

struct ExpectedReference {
    std::string canonical, relation, issued;
};

struct LabelledRow {
    int line = 0;
    int draw = 0;  ///< 1: used while developing; 2: held out; 3: English forms written by hand.
    std::string snippet;
    std::vector<ExpectedReference> expected;
};

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + separator.size())
        parts.push_back(text.substr(start, at - start));
    parts.push_back(text.substr(start));
    return parts;
}

std::vector<LabelledRow> read_table(const std::string& path) {
    std::ifstream in(path);
    if (!in) ADD_FAILURE() << "cannot read " << path;
    std::vector<LabelledRow> rows;
    std::string line;
    bool header_seen = false;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        if (!header_seen) {  // column names
            header_seen = true;
            continue;
        }
        const auto columns = split(line, "\t");
        if (columns.size() != 7) {
            ADD_FAILURE() << path << ':' << number << ": expected 7 columns, got " << columns.size();
            continue;
        }
        LabelledRow row{number, std::stoi(columns[6]), columns[1], {}};
        if (columns[2] != "-") {
            const auto canonicals = split(columns[2], "; ");
            const auto relations = split(columns[3], "; ");
            const auto dates = split(columns[4], "; ");
            if (relations.size() != canonicals.size() || dates.size() != canonicals.size()) {
                ADD_FAILURE() << path << ':' << number << ": expected, relation and issued differ in length";
                continue;
            }
            for (std::size_t i = 0; i < canonicals.size(); ++i)
                row.expected.push_back({canonicals[i], relations[i], dates[i] == "-" ? "" : dates[i]});
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

struct Scores {
    int expected = 0, extracted = 0, matched = 0, relation_right = 0, issued_right = 0;
    // Most references are plain citations: accuracy on the others shows whether cues are read.
    int labelled_with_cue = 0, labelled_with_cue_right = 0;
    [[nodiscard]] double precision() const { return extracted == 0 ? 1.0 : double(matched) / extracted; }
    [[nodiscard]] double recall() const { return expected == 0 ? 1.0 : double(matched) / expected; }
    [[nodiscard]] double relation_accuracy() const { return matched == 0 ? 1.0 : double(relation_right) / matched; }
    [[nodiscard]] double issued_accuracy() const { return matched == 0 ? 1.0 : double(issued_right) / matched; }
    [[nodiscard]] double cue_accuracy() const {
        return labelled_with_cue == 0 ? 1.0 : double(labelled_with_cue_right) / labelled_with_cue;
    }
};

// Every miss and every false extraction is printed with its line in the table, so that a
// change in the score can be read off row by row.
Scores score(const std::vector<LabelledRow>& rows, int draw) {
    Scores s;
    for (const LabelledRow& row : rows) {
        if (draw != 0 && row.draw != draw) continue;
        // As the indexer reads them: from the document numbers the analyzer found.
        const std::string text = unicode::normalize_nfc(row.snippet);
        const auto found = extract_references(text, Analyzer().analyze(text).references);
        std::vector<bool> used(found.size(), false);
        s.expected += static_cast<int>(row.expected.size());
        s.extracted += static_cast<int>(found.size());
        for (const ExpectedReference& want : row.expected) {
            bool hit = false;
            for (std::size_t i = 0; i < found.size() && !hit; ++i) {
                if (used[i] || found[i].number.canonical() != want.canonical) continue;
                used[i] = hit = true;
                ++s.matched;
                const std::string relation(to_string(found[i].relation));
                if (want.relation != "cites") {
                    ++s.labelled_with_cue;
                    if (relation == want.relation) ++s.labelled_with_cue_right;
                }
                if (relation == want.relation) ++s.relation_right;
                else
                    std::printf("  line %d: %s relation %s, labelled %s\n", row.line, want.canonical.c_str(),
                                relation.c_str(), want.relation.c_str());
                if (found[i].issued == want.issued) ++s.issued_right;
                else
                    std::printf("  line %d: %s issued '%s', labelled '%s'\n", row.line, want.canonical.c_str(),
                                found[i].issued.c_str(), want.issued.c_str());
            }
            if (!hit) std::printf("  line %d: missed %s\n", row.line, want.canonical.c_str());
        }
        for (std::size_t i = 0; i < found.size(); ++i)
            if (!used[i]) std::printf("  line %d: false %s\n", row.line, found[i].number.canonical().c_str());
    }
    return s;
}

void print(const char* what, const Scores& s) {
    std::printf("%s: %d labelled references, %d extracted, %d right; precision %.3f, recall %.3f, "
                "relation accuracy %.3f (%.3f on the %d not labelled cites), issue-date accuracy %.3f\n",
                what, s.expected, s.extracted, s.matched, s.precision(), s.recall(), s.relation_accuracy(),
                s.cue_accuracy(), s.labelled_with_cue, s.issued_accuracy());
}

TEST(ReferenceTable, PrecisionRecallAndAccuracyStayAboveTheirFloors) {
    const auto rows = read_table(std::string(TRACUU_TEST_DATA_DIR) + "/reference-mentions.tsv");
    ASSERT_GE(rows.size(), 200u);
    const auto without_reference =
        std::count_if(rows.begin(), rows.end(), [](const LabelledRow& row) { return row.expected.empty(); });
    EXPECT_GE(without_reference, 60) << "the table must keep its tricky non-references";
    print("draw 1 (development)", score(rows, 1));
    print("draw 2 (held out)", score(rows, 2));
    const Scores english = score(rows, 3);
    print("draw 3 (English forms, written by hand)", english);
    EXPECT_EQ(english.matched, english.expected);
    EXPECT_EQ(english.relation_right, english.matched);
    const Scores s = score(rows, 0);
    print("all rows", s);
    // Floors a little under the measured figures (1.000, 0.996, 0.972, 0.868, 0.996 on 249
    // references): a few more errors fail the test.
    EXPECT_GE(s.precision(), 0.985);
    EXPECT_GE(s.recall(), 0.98);
    EXPECT_GE(s.relation_accuracy(), 0.95);
    EXPECT_GE(s.cue_accuracy(), 0.83);
    EXPECT_GE(s.issued_accuracy(), 0.98);
}

// The indexer reads references from the analyzer's document numbers, queries and /check
// from their own search: both must find the same, tricky non-references included.
TEST(ReferenceTable, TheAnalyzersNumbersGiveTheSameReferencesAsASearchOfTheText) {
    const auto rows = read_table(std::string(TRACUU_TEST_DATA_DIR) + "/reference-mentions.tsv");
    const auto describe = [](const std::vector<Reference>& references) {
        std::vector<std::string> out;
        for (const Reference& r : references)
            out.push_back(r.number.canonical() + " " + std::string(to_string(r.relation)) + " " + r.issued + " " +
                          std::to_string(r.begin) + "-" + std::to_string(r.end));
        return out;
    };
    for (const LabelledRow& row : rows) {
        const std::string text = unicode::normalize_nfc(row.snippet);
        EXPECT_EQ(describe(extract_references(text, Analyzer().analyze(text).references)), describe(extract_references(text)))
            << "line " << row.line;
    }
}

}  // namespace
}  // namespace tracuu
