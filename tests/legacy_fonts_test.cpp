/** @file
 * @brief Vietnamese typed in the legacy fonts TCVN3 and VNI, read back as Unicode; and every
 *        other text, Latin-1 languages included, left as written.
 */
#include "analyzers/legacy_fonts.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tracuu {
namespace {

std::string repaired(std::string_view text) {
    const auto repair = from_legacy_fonts(text);
    return repair ? repair->text : std::string(text);
}

constexpr std::string_view kUnicode = "Thực hiện Nghị quyết số 126/NQ-CP của Chính phủ về người dân Đà Nẵng";

TEST(LegacyFonts, Tcvn3IsReadAsUnicode) {
    // As the ".VnTime" font wrote it; U+00AD, the soft hyphen, is its ư.
    const std::string tcvn3 = "Thùc hiÖn NghÞ quyÕt sè 126/NQ-CP cña ChÝnh phñ vÒ ng\u00ADêi d©n §µ N½ng";
    const auto repair = from_legacy_fonts(tcvn3);
    ASSERT_TRUE(repair.has_value());
    EXPECT_EQ(repair->text, kUnicode);
    EXPECT_EQ(repair->font, LegacyFont::tcvn3);
    EXPECT_EQ(repair->lines, 1u);
    EXPECT_EQ(repaired("§iÒu 1. Ph¹m vi ®iÒu chØnh"), "Điều 1. Phạm vi điều chỉnh");
    EXPECT_EQ(repaired("th\u00AD¬ng m¹i vµ \u00ADu tiªn"), "thương mại và ưu tiên");
}

// TCVN3's ư is the soft hyphen, which PDF exports and text tools drop as invisible: in a text
// that lost them, ư is put back where the syllable needs it (ơ before ng, c, u), or where the
// dictionary has a word with a neighbour or far more words with that syllable.
TEST(LegacyFonts, Tcvn3sUHornLostWithTheSoftHyphenIsPutBack) {
    EXPECT_EQ(repaired("Së Tµi nguyªn vµ M«i trêng chÞu tr¸ch nhiÖm híng dÉn ngêi d©n nép thuÕ ®îc miÔn\n"
                       "c¶m ¬n vµ mêi mäc"),
              "Sở Tài nguyên và Môi trường chịu trách nhiệm hướng dẫn người dân nộp thuế được miễn\n"
              "cảm ơn và mời mọc");  // "mời mọc" is a word; "mời" alone would read "mười"
    // A PDF may give the soft hyphen as a hyphen: between two pieces that make a syllable with
    // ư, it is ư; between two syllables it is a hyphen.
    EXPECT_EQ(repaired("Së Tµi nguyªn vµ M«i tr-êng h-íng dÉn ng-êi d©n tØnh Thõa Thiªn-HuÕ"),
              "Sở Tài nguyên và Môi trường hướng dẫn người dân tỉnh Thừa Thiên-Huế");
    // With its soft hyphens, a text says where ư is, and nothing is guessed.
    EXPECT_EQ(repaired("Thùc hiÖn NghÞ quyÕt, mêi ng\u00ADêi d©n"), "Thực hiện Nghị quyết, mời người dân");
}

TEST(LegacyFonts, CapitalsFromTheCapitalsFontStayCapitals) {
    // .VnTimeH drew capitals with the small letters' codes.
    EXPECT_EQ(repaired("NGHÞ QUYÕT"), "NGHỊ QUYẾT");
    EXPECT_EQ(repaired("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
}

TEST(LegacyFonts, VniIsReadAsUnicode) {
    const auto repair = from_legacy_fonts("Thöïc hieän Nghò quyeát soá 126/NQ-CP cuûa Chính phuû veà ngöôøi daân Ñaø Naüng");
    ASSERT_TRUE(repair.has_value());
    EXPECT_EQ(repair->text, kUnicode);
    EXPECT_EQ(repair->font, LegacyFont::vni);
    EXPECT_EQ(repaired("Ñieàu 5. Traùch nhieäm thi haønh"), "Điều 5. Trách nhiệm thi hành");
}

TEST(LegacyFonts, OnlyTheLinesInALegacyFontAreConverted) {
    const std::string text = "Nghị quyết số 126/NQ-CP (bản Unicode)\n"
                             "Thùc hiÖn NghÞ quyÕt sè 126/NQ-CP\n"
                             "Café Noël ở Zürich";
    EXPECT_EQ(repaired(text), "Nghị quyết số 126/NQ-CP (bản Unicode)\nThực hiện Nghị quyết số 126/NQ-CP\nCafé Noël ở Zürich");
}

TEST(LegacyFonts, OneWordIsEnoughInALegacyDocumentOnly) {
    EXPECT_EQ(repaired("Sè 5"), "Sè 5");  // one word, alone: too little to tell
    EXPECT_EQ(repaired("Thùc hiÖn NghÞ quyÕt sè 126/NQ-CP vÒ ®Êt ®ai\nSè 5"),
              "Thực hiện Nghị quyết số 126/NQ-CP về đất đai\nSố 5");
    const auto title = from_legacy_fonts("§iÒu", {.legacy_document = true});  // the title of a document whose text was converted
    ASSERT_TRUE(title.has_value());
    EXPECT_EQ(title->text, "Điều");
}

TEST(LegacyFonts, UnicodeAndOtherLanguagesAreLeftAsWritten) {
    for (const std::string_view text : {
             std::string_view("Thực hiện Nghị quyết số 126/NQ-CP của Chính phủ về người dân Đà Nẵng"),
             std::string_view("Nhiệt độ 30°C, «Hà Nội» rộng 3 × 4 km², giá 5 ½ đồng · © Báo Mới ®"),
             std::string_view("Le café de la Mère Noël à Zürich: naïve façade, déjà vu, où êtes-vous?"),
             std::string_view("Müller und Jürgen in São Paulo; Ångström, señor Peña, smörgåsbord"),
             std::string_view("Hòa bình, hoà bình, thuỷ lợi, thủy lợi, Ý, Ánh, Ánh Dương, Ông Ấy"),
             std::string_view("HÒA BÌNH VÀ ĐỘC LẬP, QUÝ VỊ ĐẠI BIỂU"),
         })
        EXPECT_FALSE(from_legacy_fonts(text).has_value()) << text << " -> " << repaired(text);
}

}  // namespace
}  // namespace tracuu
