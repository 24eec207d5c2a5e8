/** @file
 * @brief Legal document numbers: every written variant -> one canonical form and key.
 */
#include "analyzers/analyzer.hpp"
#include "analyzers/document_number.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tracuu {
namespace {

struct Variant {
    const char* written;
    const char* canonical;
    const char* key;
};

TEST(DocumentNumber, VariantsMapToOneCanonicalForm) {
    const std::vector<Variant> rows = {
        {"126/NQ-CP", "126/NQ-CP", "126/nq-cp"},
        {"126/nq-cp", "126/NQ-CP", "126/nq-cp"},
        {"126 / NQ - CP", "126/NQ-CP", "126/nq-cp"},
        {"126/NQ–CP", "126/NQ-CP", "126/nq-cp"},            // en dash
        {"126／NQ—CP", "126/NQ-CP", "126/nq-cp"},            // fullwidth solidus, em dash
        {"69-QĐ/TW", "69-QĐ/TW", "69/qd-tw"},
        {"69-QD/TW", "69-QĐ/TW", "69/qd-tw"},
        {"69-qđ/tw", "69-QĐ/TW", "69/qd-tw"},
        {"15/2020/NĐ-CP", "15/2020/NĐ-CP", "15/2020/nd-cp"},
        {"15/2020/ND-CP", "15/2020/NĐ-CP", "15/2020/nd-cp"},
        {"15/2020/nđ-cp", "15/2020/NĐ-CP", "15/2020/nd-cp"},
        {"132-QD/TW", "132-QĐ/TW", "132/qd-tw"},
        {"01/VBHN-VPQH", "01/VBHN-VPQH", "1/vbhn-vpqh"},
        {"1/VBHN-VPQH", "1/VBHN-VPQH", "1/vbhn-vpqh"},      // leading zeros do not matter
        {"47/2011/TT-BCA", "47/2011/TT-BCA", "47/2011/tt-bca"},
        {"47/2011/tt-bca", "47/2011/TT-BCA", "47/2011/tt-bca"},
        {"1880/QĐ-TTg", "1880/QĐ-TTg", "1880/qd-ttg"},
        {"1880/QD-TTG", "1880/QĐ-TTg", "1880/qd-ttg"},
        {"123-TB/VPTW", "123-TB/VPTW", "123/tb-vptw"},
        {"59/2020/QH14", "59/2020/QH14", "59/2020/qh14"},
        {"12/2015/TTLT-BTC-BTP", "12/2015/TTLT-BTC-BTP", "12/2015/ttlt-btc-btp"},
        {"40/2026/QĐ-UBND", "40/2026/QĐ-UBND", "40/2026/qd-ubnd"},
    };
    for (const Variant& row : rows) {
        const auto parsed = parse_document_number(row.written);
        ASSERT_TRUE(parsed.has_value()) << row.written;
        EXPECT_EQ(parsed->canonical(), row.canonical) << row.written;
        EXPECT_EQ(parsed->key(), row.key) << row.written;
    }
}

TEST(DocumentNumber, SameNumberFromDifferentIssuersOrYearsStaysDistinct) {
    EXPECT_NE(parse_document_number("40/2026/QĐ-UBND")->key(), parse_document_number("40/2025/QĐ-UBND")->key());
    EXPECT_NE(parse_document_number("126/NQ-CP")->key(), parse_document_number("126/NQ-TW")->key());
}

TEST(DocumentNumber, NonReferencesAreNotRecognized) {
    const std::vector<const char*> rows = {
        "14/8/2023", "22/09/2023", "2-3", "1-0", "0903781209", "6x36", "20h", "3/4", "2020-2025",
        "126", "NQ-CP", "5-Hà", "12/2020", "Covid-19", "F0", "1/2 TP",
    };
    for (const char* row : rows) EXPECT_FALSE(parse_document_number(row).has_value()) << row;
}

TEST(DocumentNumber, FoundInRunningText) {
    auto found = [](std::string_view text) {
        std::vector<std::string> out;
        for (const auto& m : find_document_numbers(text)) out.push_back(m.value.canonical());
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(found("thực hiện Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ"), V{"126/NQ-CP"});
    EXPECT_EQ(found("Resolution No. 126/NQ-CP dated August 14, 2023"), V{"126/NQ-CP"});
    EXPECT_EQ(found("Regulation No. 69-QD/TW dated July 6, 2022"), V{"69-QĐ/TW"});
    EXPECT_EQ(found("Luật số 59/2020/QH14 và Nghị định 15/2020/NĐ-CP."), (V{"59/2020/QH14", "15/2020/NĐ-CP"}));
    EXPECT_EQ(found("126/NQ-CP - Hà Nội"), V{"126/NQ-CP"});          // a place name is not a code
    EXPECT_EQ(found("tỷ số 2-1, ngày 14/8/2023, hotline 0903781209"), V{});
    EXPECT_EQ(found("x126/NQ-CP"), V{});                               // glued to a word
    EXPECT_EQ(found("https://baodienbienphu.com.vn/tin-tuc/216459/trien-khai-thuc-hien"), V{});  // a URL path
    EXPECT_EQ(found("văn bản 12/ubnd-vp"), V{"12/UBND-VP"});           // lower case after a known code
}

}  // namespace
}  // namespace tracuu
