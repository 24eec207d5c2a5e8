/** @file
 * @brief Articles of laws as lawyers name them: law keys, article keys, the articles a query
 *        names (analyzers/legal_article.hpp).
 */
#include "analyzers/legal_article.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tracuu {
namespace {

TEST(LegalArticle, OneLawKeyForEveryWayItsNameIsWritten) {
    const std::vector<std::pair<const char*, const char*>> rows = {
        {"Bộ luật Hình sự", "bo luat hinh su"},
        {"bộ luật hình sự", "bo luat hinh su"},
        {"Bộ luật Hình sự năm 2015", "bo luat hinh su"},
        {"Bộ luật Hình sự 2015", "bo luat hinh su"},
        {"Bộ luật Hình sự số 100/2015/QH13", "bo luat hinh su"},
        {"BLHS", "bo luat hinh su"},
        {"the Penal Code", "bo luat hinh su"},
        {"Criminal Code", "bo luat hinh su"},
        {"Labour Code of 2019", "bo luat lao dong"},
        {"Luật Phòng, chống ma túy", "luat phong chong ma tuy"},
        {"Luat Dat dai", "luat dat dai"},
        {"Hiến pháp", "hien phap"},
        {"the Constitution", "hien phap"},
        {"Luật Hôn nhân và gia đình", "luat hon nhan gia dinh"},  // also written without "và"
        {"Luật Hôn nhân gia đình 2014", "luat hon nhan gia dinh"},
        {"  ", ""},
    };
    for (const auto& [name, key] : rows) EXPECT_EQ(law_key(name), key) << name;
}

// "Luật HNGĐ", "Luật TTHC": the noun and the initials of the title.
TEST(LegalArticle, ALawsAbbreviationIsItsNounAndItsTitlesInitials) {
    EXPECT_EQ(law_abbreviation_key(law_key("Luật Hôn nhân và gia đình")), "luat hngd");
    EXPECT_EQ(law_key("Luật HNGĐ"), "luat hngd");
    EXPECT_EQ(law_abbreviation_key(law_key("Luật Tố tụng hành chính")), "luat tthc");
    EXPECT_EQ(law_abbreviation_key(law_key("Bộ luật Hình sự")), "bo luat hs");
    EXPECT_EQ(law_abbreviation_key(law_key("Luật Dược")), "");  // one word: nothing to abbreviate
    EXPECT_EQ(law_abbreviation_key(law_key("Hiến pháp")), "");
}

TEST(LegalArticle, ArticleKeysAreDigitsAndPerhapsALetter) {
    EXPECT_EQ(article_key("173"), "173");
    EXPECT_EQ(article_key("12A"), "12a");
    EXPECT_EQ(article_key("5a"), "5a");
    for (const char* bad : {"", "a", "12345", "0", "12ab", "1.2", "-3"}) EXPECT_EQ(article_key(bad), "") << bad;
    EXPECT_EQ(article_opening("Điều 173. Tội trộm cắp tài sản"), "173");
    EXPECT_EQ(article_opening("\nArticle 8: Prohibited acts"), "8");
    EXPECT_EQ(article_opening("Điều kiện kinh doanh"), "");
    EXPECT_EQ(article_opening("Theo Điều 173"), "");
}

struct MentionRow {
    const char* query;
    std::vector<std::pair<std::string, std::string>> mentions;  ///< article, a law key it must offer ("" for none)
};

TEST(LegalArticle, AQueryNamesAnArticleOnlyByItsNumber) {
    const std::vector<MentionRow> rows = {
        {"Điều 173 Bộ luật Hình sự", {{"173", "bo luat hinh su"}}},
        {"dieu 173 bo luat hinh su", {{"173", "bo luat hinh su"}}},
        {"Điều 173 của BLHS 2015", {{"173", "bo luat hinh su"}}},
        {"khoản 2 điều 5 luật đất đai", {{"5", "luat dat dai"}}},
        {"điều 5 khoản 2 luật đất đai về thu hồi đất", {{"5", "luat dat dai"}}},
        {"Luật Đất đai điều 5", {{"5", "luat dat dai"}}},
        {"Article 8 of the Labour Code", {{"8", "bo luat lao dong"}}},
        {"Art. 8 Labour Code", {{"8", "bo luat lao dong"}}},
        {"điều 173", {{"173", ""}}},
        {"điều 173 tội trộm cắp tài sản", {{"173", ""}}},
        // "điều" is an ordinary syllable before anything but a number.
        {"điều kiện kinh doanh bất động sản", {}},
        {"điều chỉnh giá đất năm 2024", {}},
        {"Luật Đất đai điều chỉnh", {}},
    };
    for (const MentionRow& row : rows) {
        const std::vector<ArticleMention> found = find_article_mentions(row.query);
        ASSERT_EQ(found.size(), row.mentions.size()) << row.query;
        for (std::size_t i = 0; i < found.size(); ++i) {
            EXPECT_EQ(found[i].article, row.mentions[i].first) << row.query;
            const std::string& law = row.mentions[i].second;
            if (law.empty()) {
                EXPECT_TRUE(found[i].law_keys.empty()) << row.query;
            } else {
                EXPECT_NE(std::find(found[i].law_keys.begin(), found[i].law_keys.end(), law), found[i].law_keys.end()) << row.query;
            }
        }
    }
}

// The laws an index holding the articles of @p names holds: each law's key and its
// abbreviation's, as the index side adds them (core/index_writer.cpp).
LawsHeld laws_of(std::vector<std::string> names) {
    auto keys = std::make_shared<std::vector<std::string>>();
    for (const std::string& name : names) {
        keys->push_back(law_key(name));
        if (std::string abbreviation = law_abbreviation_key(keys->back()); !abbreviation.empty()) keys->push_back(std::move(abbreviation));
    }
    return {[keys](std::string_view key) { return std::find(keys->begin(), keys->end(), key) != keys->end(); },
            [keys](std::string_view prefix) {
                return std::any_of(keys->begin(), keys->end(), [&](const std::string& key) { return key.starts_with(prefix); });
            }};
}

// The keys of the abbreviations find_law_abbreviations finds, and the text of each.
std::vector<std::string> abbreviations(std::string_view text, const LawsHeld& laws) {
    std::vector<std::string> found;
    for (const LawAbbreviation& law : find_law_abbreviations(text, laws))
        found.push_back(law.key + "=" + std::string(text.substr(law.begin, law.end - law.begin)));
    return found;
}

TEST(LegalArticle, ALawNamedByItsAbbreviation) {
    using Keys = std::vector<std::string>;
    const LawsHeld laws = laws_of({"Luật Hôn nhân và gia đình", "Bộ luật Hình sự", "Luật An ninh mạng", "Luật An toàn thực phẩm",
                                   "Luật Bảo vệ môi trường", "Luật An ninh quốc gia", "Luật Đất đai", "Luật An ninh"});
    EXPECT_EQ(abbreviations("Luật HNGĐ", laws), Keys{"luat hngd=HNGĐ"});
    EXPECT_EQ(abbreviations("ly hon theo luat hngd", laws), Keys{"luat hngd=hngd"});
    EXPECT_EQ(abbreviations("tội trộm cắp BLHS 2015", laws), Keys{"bo luat hinh su=BLHS"});
    EXPECT_EQ(abbreviations("Bộ luật HS", laws), Keys{"bo luat hs=HS"});
    // Initials with a vowel, as many laws' are: the index holds them, whatever the letters.
    EXPECT_EQ(abbreviations("Luật ANM", laws), Keys{"luat anm=ANM"});
    EXPECT_EQ(abbreviations("xử phạt theo luật anm", laws), Keys{"luat anm=anm"});
    EXPECT_EQ(abbreviations("Luật ATTP điều 5", laws), Keys{"luat attp=ATTP"});
    EXPECT_EQ(abbreviations("luật bvmt", laws), Keys{"luat bvmt=bvmt"});
    // Named in full, or words that merely follow "luật", are no abbreviation: "an" is the
    // initials of "Luật An ninh", and the first word of titles the index holds.
    EXPECT_EQ(abbreviations("luật an ninh mạng", laws), Keys{});
    EXPECT_EQ(abbreviations("luật an toàn thực phẩm", laws), Keys{});
    EXPECT_EQ(abbreviations("theo Luật Đất đai", laws), Keys{});
    EXPECT_EQ(abbreviations("luật đất đai", laws), Keys{});
    EXPECT_EQ(abbreviations("luật sư Nguyễn Văn A", laws), Keys{});
    EXPECT_EQ(abbreviations("luật 2024", laws), Keys{});
    // A law the index does not hold is no abbreviation, whatever its letters.
    EXPECT_EQ(abbreviations("Luật PCMT", laws), Keys{});
    EXPECT_EQ(abbreviations("BLDS", laws), Keys{});
    EXPECT_EQ(abbreviations("Luật HNGĐ", LawsHeld{}), Keys{});
}

// What /suggest completes after an article: the law being typed, and how a law is shown.
TEST(LegalArticle, ALawBeingTypedAfterAnArticleAndItsNamesAsWritten) {
    const auto typed = [](std::string_view text) {
        const std::optional<LawBeingTyped> law = law_being_typed(text);
        return law ? std::optional<std::string>(law->folded + "|" + law->written) : std::nullopt;
    };
    using Typed = std::optional<std::string>;
    EXPECT_EQ(typed("Điều 173 BL"), Typed("bl|BL"));
    EXPECT_EQ(typed("khoản 1 Điều 173 của Bộ luật H"), Typed("bo luat h|Bộ luật H"));
    EXPECT_EQ(typed("điều 5 khoản 2 luật đ"), Typed("luat d|luật đ"));
    EXPECT_EQ(typed("Article 8 of the Lab"), Typed("lab|Lab"));
    EXPECT_EQ(typed("Điều 173 BL "), std::nullopt);       // a word typed whole
    EXPECT_EQ(typed("Điều 173 BLHS 20"), std::nullopt);   // a year being typed
    EXPECT_EQ(typed("điều kiện kết h"), std::nullopt);    // no article named
    EXPECT_EQ(typed("Điều 17"), std::nullopt);
    EXPECT_EQ(law_name("Bộ luật Hình sự năm 2015"), "Bộ luật Hình sự");
    EXPECT_EQ(law_name("Luật Đất đai số 31/2024/QH15"), "Luật Đất đai");
    EXPECT_EQ(law_name("the Labour Code of 2019"), "Labour Code");
    EXPECT_EQ(written_law_abbreviation("Luật Hôn nhân và gia đình 2014"), "Luật HNGĐ");
    EXPECT_EQ(written_law_abbreviation("Bộ luật Hình sự"), "Bộ luật HS");
    EXPECT_EQ(written_law_abbreviation("Bộ luật Lao động", true), "BLLĐ");
    EXPECT_EQ(written_law_abbreviation("Luật An ninh mạng"), "Luật ANM");
    EXPECT_EQ(written_law_abbreviation("Hiến pháp"), "");
}

// A decree, a circular or a law named by its number, before or after the article: the number
// the analyzer read there, and no number read elsewhere in the query.
TEST(LegalArticle, AQueryNamesAnArticleOfADocumentByItsNumber) {
    const Analyzer analyzer;
    const std::vector<std::pair<const char*, std::vector<std::string>>> rows = {
        {"Điều 5 Nghị định 15/2020/NĐ-CP", {"15/2020/nd-cp"}},
        {"dieu 5 nghi dinh so 15/2020/nd-cp", {"15/2020/nd-cp"}},
        {"khoản 2 Điều 5 của Nghị định số 15/2020/NĐ-CP", {"15/2020/nd-cp"}},
        {"Article 5 of Decree No. 15/2020/ND-CP", {"15/2020/nd-cp"}},
        {"điều 7 47/2011/tt-bca", {"47/2011/tt-bca"}},
        {"47/2011/TT-BCA, điều 7", {"47/2011/tt-bca"}},
        {"Điều 8 Luật số 45/2019/QH14", {"45/2019/qh14"}},
        {"Điều 5 Nghị định 15/2020", {"15/2020/nd-cp"}},  // a decree's codes left out, as running text does
        {"Điều 5 NĐ 15/2020", {"15/2020/nd-cp"}},
        // A number elsewhere is another document's.
        {"Điều 5 quy định mức phạt theo Nghị định 15/2020/NĐ-CP", {}},
        {"Nghị định 15/2020/NĐ-CP quy định Điều 5", {}},
    };
    for (const auto& [query, keys] : rows) {
        const Analysis analysis = analyzer.analyze(query);
        const std::vector<ArticleMention> found = find_article_mentions(analysis.text, analysis.references);
        ASSERT_EQ(found.size(), 1u) << query;
        EXPECT_EQ(found[0].number_keys, keys) << query;
        EXPECT_TRUE(found[0].number_prefixes.empty()) << query;
    }
    // Typed in part, as people remember numbers: the start of every key it fits.
    const std::vector<std::pair<const char*, std::string>> parts = {
        {"Điều 7 Thông tư 47/2011", "47/2011/tt-"},
        {"dieu 7 thong tu 47/2011/tt", "47/2011/tt-"},
        {"Điều 7 TT 47/2011", "47/2011/tt-"},
        {"Điều 8 Luật 45/2019", "45/2019/"},
        {"Điều 4 Quyết định 1880", "1880/qd-"},
    };
    for (const auto& [query, prefix] : parts) {
        const Analysis analysis = analyzer.analyze(query);
        const std::vector<ArticleMention> found = find_article_mentions(analysis.text, analysis.references);
        ASSERT_EQ(found.size(), 1u) << query;
        EXPECT_TRUE(found[0].number_keys.empty()) << query;
        EXPECT_EQ(found[0].number_prefixes, std::vector<std::string>{prefix}) << query;
    }
}

}  // namespace
}  // namespace tracuu
