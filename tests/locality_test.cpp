/** @file
 * @brief Localities of local bodies: whose 40/2026/QĐ-UBND a text means, in the ways
 *        provinces and cities are written (analyzers/locality.hpp, Reference::locality).
 */
#include "analyzers/locality.hpp"
#include "analyzers/reference.hpp"
#include "analyzers/unicode.hpp"
#include "core/metadata.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tracuu {
namespace {

// The locality of the first local body's number in @p text ("" when it says none).
std::string locality_of_first_local_number(std::string_view text) {
    for (const Reference& reference : extract_references(unicode::normalize_nfc(text)))
        if (is_local_number(reference.number)) return reference.locality;
    ADD_FAILURE() << "no local body's number in: " << text;
    return "?";
}

struct LocalityRow {
    const char* text;
    const char* locality;  // as the reference gets it
};

TEST(Locality, OfALocalBodysNumberAsTheTextSaysIt) {
    const std::vector<LocalityRow> rows = {
        // After the number, or after its date.
        {"Quyết định số 40/2026/QĐ-UBND của UBND tỉnh Quảng Ninh", "Quảng Ninh"},
        {"Quyết định số 40/2026/QĐ-UBND ngày 12/3/2026 của Ủy ban nhân dân tỉnh Quảng Ninh", "Quảng Ninh"},
        {"Quyết định số 40/2026/QĐ-UBND ngày 12/3/2026 của Uỷ ban nhân dân tỉnh Quảng Ninh", "Quảng Ninh"},
        {"Quyết định 40/2026/QĐ-UBND của UBND TP Đà Nẵng quy định giá", "Đà Nẵng"},
        {"Quyết định 40/2026/QĐ-UBND của thành phố Đà Nẵng", "Đà Nẵng"},
        {"Quyết định 40/2026/QĐ-UBND của Quảng Ninh, các bến thủy phải đăng ký", "Quảng Ninh"},
        {"Nghị quyết 12/2025/NQ-HĐND của HĐND tỉnh Bắc Ninh", "Bắc Ninh"},
        {"Quyet dinh 40/2026/QD-UBND cua UBND tinh Quang Ninh", "Quang Ninh"},
        {"Quyết định 150/2004/QĐ-UB của UBND TP. Hồ Chí Minh về hành lang bờ sông", "Hồ Chí Minh"},
        {"quyết định 150/2004/QĐ-UB của UBND TPHCM", "HCM"},
        {"Quyết định số 01/QĐ-UBND của Chủ tịch UBND huyện Đông Anh", "Đông Anh"},
        {"quyết định số 1225/QĐ-UBND của UBND tỉnh Thừa Thiên-Huế", "Thừa Thiên-Huế"},
        {"Quyết định 89/2016/QĐ-UBND quy định mức thu học phí thuộc tỉnh Nghệ An quản lý", "Nghệ An"},
        {"Decision No. 40/2026/QD-UBND of the Da Nang City People's Committee", "Da Nang"},
        {"Decision No. 40/2026/QD-UBND dated March 12, 2026 of Quang Ninh", "Quang Ninh"},
        {"Decision No. 40/2026/QD-UBND issued by the Hanoi People's Committee takes effect", "Hanoi"},
        {"Decision No. 40/2026/QD-UBND, promulgated by the Quang Ninh People's Committee on March 12, 2026", "Quang Ninh"},
        {"Decision No. 40/2026/QD-UBND signed by Chairman Nguyen Van A", ""},
        // The body's head between the number and the body.
        {"Decision No. 1234/QD-UBND of the Chairman of the Hanoi People's Committee on land prices", "Hanoi"},
        {"Decision No. 1234/QD-UBND dated March 5, 2024 of the Vice Chairman of the Da Nang City People’s Committee", "Da Nang"},
        {"Decision No. 1234/QD-UBND of the Chairman of the Ministry of Finance", ""},
        {"Nghị quyết số 06-NQ/TU ngày 04/11/2011 của BCH Đảng bộ tỉnh Nghệ An (khóa XVII)", "Nghệ An"},
        // Before it, in the same sentence.
        {"UBND tỉnh Quảng Ninh vừa ban hành Quyết định số 40/2026/QĐ-UBND về quản lý bến thủy.", "Quảng Ninh"},
        {"The People's Committee of Quang Ninh province has issued Decision No. 40/2026/QD-UBND dated March 12, 2026.",
         "Quang Ninh"},
        // One issuer after a list names it for every number of the list.
        {"Quyết định số 12/2020/QĐ-UBND ngày 1/2/2020 và Quyết định số 13/2020/QĐ-UBND của UBND tỉnh Lào Cai", "Lào Cai"},
        // A name running into the chairman's: four words at most, compared by its first words (same_locality).
        {"Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy ký Quyết định 40/2026/QĐ-UBND.", "Quảng Ninh Cao Tường"},
        {"Chỉ thị số 29/CT-UBND của UBND tỉnh TT-Huế", "TT-Huế"},
        // After an office, a family name begins the office holder's name, not a place's.
        {"Phó Chủ tịch UBND TP Đặng Việt Dũng vừa ký Quyết định 569/QĐ-UBND.", ""},
        // A common family name inside the run, before a capitalized word, ends the place's name.
        {"Chủ tịch UBND TP Hồ Chí Minh Nguyễn Thành Phong ký Quyết định 20/2017/QĐ-UBND.", "Hồ Chí Minh"},
        {"Phó Chủ tịch UBND tỉnh Thừa Thiên Huế Nguyễn Thanh Bình đã ký Kế hoạch số 310/KH-UBND.", "Thừa Thiên Huế"},
        {"Chủ tịch UBND huyện Quế Võ Nguyễn Văn An ký Quyết định 15/QĐ-UBND.", "Quế Võ"},  // Võ ends a place's name
        {"Chủ tịch UBND tỉnh Bình Dương Trần Văn Nam ký Quyết định 20/2017/QĐ-UBND.", "Bình Dương"},
        // Said nowhere near it, or by no place: none.
        {"Thực hiện Kết luận số 91-KL/TU ngày 09/01/2017 của Thường trực Tỉnh ủy Thái Nguyên", ""},
        {"Chỉ thị số 15-CT/TU ngày 16/12/2016 của Thành ủy về tiếp công dân", ""},
        {"Quyết định 40/2026/QĐ-UBND của UBND tỉnh có hiệu lực.", ""},
        {"Quyết định 40/2026/QĐ-UBND có hiệu lực. UBND tỉnh Quảng Ninh giao Sở Xây dựng hướng dẫn.", ""},
        {"Quyết định 40/2026/QĐ-UBND do Chủ tịch ký.", ""},
        {"Quyết định 40/2026/QĐ-UBND của Công ty Điện lực", ""},
        {"Quyết định 40/2026/QĐ-UBND trong lĩnh vực xã hội", ""},
        {"Theo Quyết định 40/2026/QĐ-UBND, người dân đăng ký tại Thành phố.", ""},
    };
    for (const LocalityRow& row : rows) EXPECT_EQ(locality_of_first_local_number(row.text), row.locality) << row.text;
}

TEST(Locality, OnlyLocalBodiesNumbersHaveOne) {
    const auto references = extract_references(unicode::normalize_nfc(
        "UBND tỉnh Quảng Ninh triển khai Nghị định 15/2020/NĐ-CP và Quyết định 40/2026/QĐ-UBND của UBND tỉnh Quảng Ninh."));
    ASSERT_EQ(references.size(), 2u);
    EXPECT_EQ(references[0].locality, "");  // the Government's decree is one for the whole country
    EXPECT_EQ(references[1].locality, "Quảng Ninh");
}

TEST(Locality, AMentionThatSaysNoneTakesWhatTheOthersOfTheNumberSayWhenTheyAgree) {
    const auto agree = extract_references(unicode::normalize_nfc(
        "Quyết định 40/2026/QĐ-UBND của UBND tỉnh Quảng Ninh thay thế quy định cũ. Quyết định 40/2026/QĐ-UBND có hiệu lực."));
    ASSERT_EQ(agree.size(), 2u);
    EXPECT_EQ(agree[1].locality, "Quảng Ninh");
    const auto disagree = extract_references(unicode::normalize_nfc(
        "Quyết định 40/2026/QĐ-UBND của UBND tỉnh Quảng Ninh khác Quyết định 40/2026/QĐ-UBND của UBND TP Đà Nẵng. "
        "Quyết định 40/2026/QĐ-UBND có hiệu lực."));
    ASSERT_EQ(disagree.size(), 3u);
    EXPECT_EQ(disagree[1].locality, "Đà Nẵng");
    EXPECT_EQ(disagree[2].locality, "");  // which one, nothing tells
}

TEST(Locality, ALocalitySaidAfterOneNumberIsNotTheNextOnes) {
    const auto localities = [](std::string_view text) {
        std::vector<std::string> out;
        for (const Reference& reference : extract_references(unicode::normalize_nfc(text))) out.push_back(reference.locality);
        return out;
    };
    // Đà Nẵng is the first decision's; nothing says whose the repealed one is.
    EXPECT_EQ(localities("Triển khai Quyết định số 40/2026/QĐ-UBND của UBND thành phố Đà Nẵng về phí tham quan, đồng thời "
                         "bãi bỏ Quyết định số 22/2019/QĐ-UBND."),
              (std::vector<std::string>{"Đà Nẵng", ""}));
    EXPECT_EQ(localities("Implementing Decision No. 40/2026/QD-UBND of the Da Nang City People's Committee and Decision No. "
                         "41/2026/QD-UBND on fees."),
              (std::vector<std::string>{"Da Nang", ""}));
    // An issuer before a list is every number's.
    EXPECT_EQ(localities("UBND tỉnh Quảng Ninh ban hành Quyết định số 40/2026/QĐ-UBND và Quyết định số 41/2026/QĐ-UBND."),
              (std::vector<std::string>{"Quảng Ninh", "Quảng Ninh"}));
}

TEST(Locality, KeysAreFoldedAndCompareAsOnePlace) {
    EXPECT_EQ(locality_key("Thừa Thiên-Huế"), "thua thien hue");
    EXPECT_EQ(locality_key("ĐÀ  NẴNG"), "da nang");
    EXPECT_EQ(locality_key(""), "");
    struct Row {
        const char* a;
        const char* b;
        bool same;
    };
    const std::vector<Row> rows = {
        {"quang ninh", "quang ninh", true},
        {"da nang", "danang", true},                     // "Danang"
        {"quang ninh", "quang ninh cao tuong huy", true}, // a name run into the next
        {"hcm", "ho chi minh", true},                    // abbreviations
        {"hcmc", "ho chi minh", true},                   // English adds the C of City
        {"hcmc", "ho chi minh city", true},
        {"hcmc", "ho chi", false},
        {"tt hue", "thua thien hue", true},
        {"br vt", "ba ria vung tau", true},
        {"quang ninh", "quang nam", false},
        {"ha noi", "ha nam", false},
        {"hue", "ha uong em", false},                    // a word with vowels is no abbreviation
        {"", "", false},
        {"quang ninh", "", false},
    };
    for (const Row& row : rows) {
        EXPECT_EQ(same_locality(row.a, row.b), row.same) << row.a << " / " << row.b;
        EXPECT_EQ(same_locality(row.b, row.a), row.same) << row.b << " / " << row.a;
    }
}

TEST(Locality, OfTheBodyAHeadingOrADatelineNames) {
    EXPECT_EQ(heading_locality("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\nSố: 40/2026/QĐ-UBND\n"), "Quảng Ninh");
    EXPECT_EQ(heading_locality("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN\r\nTHÀNH PHỐ ĐÀ NẴNG\r\n-------\n"), "Đà Nẵng");
    EXPECT_EQ(heading_locality("UBND TỈNH THỪA THIÊN HUẾ\n"), "Thừa Thiên Huế");
    EXPECT_EQ(heading_locality("HĐND tỉnh Bắc Ninh\nNghị quyết\n"), "Bắc Ninh");
    EXPECT_EQ(heading_locality("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"), "");  // "XÃ HỘI" is no commune
    EXPECT_EQ(heading_locality("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"), "");
    EXPECT_EQ(heading_locality("Theo UBND tỉnh Quảng Ninh, bến thủy phải đăng ký.\n"), "");  // a sentence, no heading

    EXPECT_EQ(find_dateline_place("Quyết định số 55/2026/QĐ-UBND\n\nĐà Nẵng, ngày 15 tháng 6 năm 2026\n"), "Đà Nẵng");
    EXPECT_EQ(find_dateline_place("**Hà Nội, ngày 27 tháng 01 năm 2022**\n"), "Hà Nội");
    EXPECT_EQ(find_dateline_place("Tin mới\n22/09/2023 20:01\nHôm nay, ngày 5 tháng 6 năm 2024 trời mưa.\n"), "");
    EXPECT_EQ(locality_of_place("TP. Hồ Chí Minh"), "Hồ Chí Minh");
    EXPECT_EQ(locality_of_place("QUẢNG NINH"), "Quảng Ninh");
    EXPECT_EQ(locality_of_place("Quảng Ninh"), "Quảng Ninh");
    EXPECT_EQ(locality_of_place("Bộ Tài chính"), "");
}

}  // namespace
}  // namespace tracuu
