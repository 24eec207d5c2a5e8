/** @file
 * @brief Analysis as a specification: input text on the left, the tokens it must give
 *        on the right. A regression shows up as one changed row.
 */
#include "analyzers/analyzer.hpp"
#include "analyzers/dictionary.hpp"
#include "analyzers/stopwords.hpp"
#include "analyzers/synonyms.hpp"
#include "analyzers/unicode.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

namespace tracuu {
namespace {

// "exact|folded@position" for every token, the compact form the tables use.
std::vector<std::string> tokens(std::string_view text, AnalyzerOptions options = {.words = false}) {
    std::vector<std::string> out;
    for (const Token& t : Analyzer(options).analyze(text).tokens)
        out.push_back(t.exact + (t.has_diacritics() ? "|" + t.folded : std::string()) + "@" + std::to_string(t.position));
    return out;
}

std::vector<std::string> references(std::string_view text) {
    std::vector<std::string> out;
    for (const ReferenceMention& m : Analyzer().analyze(text).references) out.push_back(m.number.canonical());
    return out;
}

struct Row {
    const char* input;
    std::vector<std::string> expected;
};

TEST(Unicode, FoldRemovesEveryDiacriticAndFoldsDToD) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Nghị quyết", "nghi quyet"},
        {"Quy định", "quy dinh"},
        {"ĐẢNG đoàn", "dang doan"},
        {"Nguyễn Thanh Bình", "nguyen thanh binh"},
        {"Thừa Thiên-Huế", "thua thien-hue"},
        {"café naïve", "cafe naive"},
        {"plain ASCII 123", "plain ascii 123"},
        // The eth of text converted from legacy Vietnamese encodings, for Đ.
        {"QUYẾT ÐỊNH, Nguyễn Ðức", "quyet dinh, nguyen duc"},
    };
    for (const auto& [input, expected] : rows) EXPECT_EQ(unicode::fold(input), expected) << input;
}

// Everything an analysis holds, one line per token and reference.
std::vector<std::string> describe(const Analysis& a) {
    std::vector<std::string> out{a.text, "end " + std::to_string(a.end_position)};
    for (const Token& t : a.tokens)
        out.push_back(t.exact + " " + t.folded + " " + std::to_string(t.position) + " " + std::to_string(t.begin) + "-" +
                      std::to_string(t.end) + " " + std::to_string(static_cast<int>(t.kind)) + " " +
                      std::to_string(t.syllables) + std::to_string(t.letters_only) + std::to_string(t.vietnamese_letter) +
                      std::to_string(t.folds_unambiguously));
    for (const ReferenceMention& m : a.references)
        out.push_back(m.number.canonical() + " " + std::to_string(m.begin) + "-" + std::to_string(m.end) + "@" + std::to_string(m.position));
    return out;
}

// The indexer's threads analyze document after document into one Analysis: nothing of one
// text may be left in the next one's, whatever their lengths and forms.
TEST(Analyzer, AnalyzingIntoAnAnalysisAgainGivesWhatAFreshOneGives) {
    std::string long_text;
    for (int i = 0; i < 40; ++i)
        long_text += "Căn cứ Nghị quyết số 126/NQ-CP ngày 14/8/2023, ông Nguyễn Thanh Bình ký quyết định thi hành pháp luật. ";
    const std::vector<std::string> texts = {
        long_text,
        "Resolution No. 126/NQ-CP of the Government",
        "",
        "Nghi\xCC\xA3 quye\xCC\x82\xCC\x81t va\xCC\x80 Ủy ban nhân dân",  // NFD: normalized, tokenized again
        "Thủ tướng Chính phủ ban hành Quyết định 1880/QĐ-TTg về lợi ích nhóm",
        long_text.substr(0, long_text.size() / 3),
    };
    for (const AnalyzerOptions options : {AnalyzerOptions{.words = true}, AnalyzerOptions{.words = false}}) {
        const Analyzer analyzer(options);
        Analysis reused;
        for (int pass = 0; pass < 2; ++pass)
            for (const std::string& text : texts) {
                analyzer.analyze(text, reused, static_cast<std::uint32_t>(pass * 7));
                EXPECT_EQ(describe(reused), describe(analyzer.analyze(text, static_cast<std::uint32_t>(pass * 7))))
                    << text.substr(0, 40) << " words=" << options.words;
            }
    }
}

TEST(Analyzer, AnEthForĐIsReadAsĐ) {
    const Analyzer analyzer;
    const Analysis eth = analyzer.analyze("Nguyễn Ðức quyết ðịnh");
    const Analysis bar = analyzer.analyze("Nguyễn Đức quyết định");
    ASSERT_EQ(eth.tokens.size(), bar.tokens.size());
    for (std::size_t i = 0; i < eth.tokens.size(); ++i) {
        EXPECT_EQ(eth.tokens[i].exact, bar.tokens[i].exact);
        EXPECT_EQ(eth.tokens[i].folded, bar.tokens[i].folded);
    }
}

TEST(Unicode, CanonicalTonePlacementUnifiesOldAndNewStyles) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"hoà", "hòa"}, {"hòa", "hòa"},       // open oa: tone on o
        {"thuỷ", "thủy"}, {"thủy", "thủy"},   // open uy: tone on u
        {"hoè", "hòe"},                         // open oe
        {"hoàn", "hoàn"}, {"hòan", "hoàn"},   // closed: tone on the last vowel
        {"toán", "toán"}, {"huỳnh", "huỳnh"},
        {"quý", "quý"}, {"giá", "giá"},       // qu and gi are consonants
        {"ngoài", "ngoài"}, {"ngòai", "ngoài"}, // three vowels: the middle one
        {"người", "người"}, {"ngừơi", "người"}, // ươ: tone on ơ
        {"tiếng", "tiếng"}, {"tíêng", "tiếng"}, // a quality mark takes the tone
        {"mái", "mái"}, {"múa", "múa"},
        {"gì", "gì"},
        {"law", "law"},                           // nothing to do
    };
    for (const auto& [input, expected] : rows) EXPECT_EQ(unicode::canonical_tone_placement(input), expected) << input;
}

TEST(Unicode, NfdInputAnalyzesExactlyAsNfc) {
    const std::string nfc = "Nghị quyết số 126/NQ-CP về thi hành pháp luật";
    const std::string nfd = "Nghi\xCC\xA3 quye\xCC\x82\xCC\x81t so\xCC\x82\xCC\x81 126/NQ-CP ve\xCC\x82\xCC\x80 thi ha\xCC\x80nh pha\xCC\x81p lua\xCC\x82\xCC\xA3t";
    ASSERT_NE(nfc, nfd);
    EXPECT_EQ(unicode::normalize_nfc(nfd), nfc);
    EXPECT_EQ(tokens(nfd), tokens(nfc));
    EXPECT_EQ(references(nfd), references(nfc));
}

// The tokenizer marks a word "letters only" (a possible syllable of a multi-syllable word)
// from its ASCII characters alone, which holds only if no other word character folds to a
// digit or an apostrophe.
TEST(Unicode, NoWordCharacterFoldsToADigitOrApostrophe) {
    std::vector<char32_t> offenders;
    for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string exact, folded;
        if (unicode::append_if_word_char(cp, exact, folded) == 0) continue;
        if (std::any_of(folded.begin(), folded.end(), [](char c) { return (c >= '0' && c <= '9') || c == '\''; }))
            offenders.push_back(cp);
    }
    EXPECT_TRUE(offenders.empty()) << "first: U+" << std::hex << static_cast<unsigned>(offenders.front());
}

// detect_language counts a word as Vietnamese by the flag the tokenizer sets from its
// characters' traits; it must say what is_vietnamese_letter says of the exact form.
TEST(Analyzer, VietnameseLetterFlagAgreesWithIsVietnameseLetterOnEveryCodePoint) {
    const Analyzer analyzer({.words = false});
    std::vector<char32_t> offenders;
    for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || !unicode::is_word_char(cp)) continue;
        std::string text = "x";
        unicode::append_utf8(text, cp);
        const Analysis a = analyzer.analyze(text);
        if (a.tokens.empty()) continue;
        const Token& t = a.tokens.front();
        bool expected = false;
        for (std::size_t p = 0; p < t.exact.size();) expected = unicode::is_vietnamese_letter(unicode::decode_utf8(t.exact, p)) || expected;
        if (t.vietnamese_letter != expected) offenders.push_back(cp);
    }
    EXPECT_TRUE(offenders.empty()) << offenders.size() << ", first: U+" << std::hex << static_cast<unsigned>(offenders.front());
}

// The analyzer normalizes only text its tokenizer cannot vouch for; whatever the text, the
// analysis must hold its NFC form. Every character of the BMP, in a word, alone, next to a
// document number and inside one.
TEST(Analyzer, AnalyzedTextIsNfcForEveryCharacterOfTheBmp) {
    const Analyzer analyzer;
    std::vector<char32_t> offenders;
    for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string c;
        unicode::append_utf8(c, cp);
        for (const std::string& text : {"xe" + c + "y " + c, "126/NQ" + c + "-CP" + c + " e" + c}) {
            if (analyzer.analyze(text).text != unicode::normalize_nfc(text)) {
                offenders.push_back(cp);
                break;
            }
        }
    }
    EXPECT_TRUE(offenders.empty()) << offenders.size() << ", first: U+" << std::hex << static_cast<unsigned>(offenders.front());
    EXPECT_TRUE(unicode::is_nfc_inert(0x2019));   // the tokenizer takes ’ without asking
    EXPECT_FALSE(unicode::is_nfc_inert(0x0301));  // a combining acute
    EXPECT_FALSE(unicode::is_nfc_inert(0x212B));  // Å, the angstrom sign, becomes U+00C5
    EXPECT_EQ(analyzer.analyze("Nghi\u0323 quye\u0302\u0301t").text, "Nghị quyết");
}

TEST(Unicode, FindsInvalidUtf8) {
    EXPECT_FALSE(unicode::find_invalid_utf8("Nghị quyết").has_value());
    EXPECT_EQ(unicode::find_invalid_utf8("ab\xFF"), 2u);
    EXPECT_EQ(unicode::find_invalid_utf8("a\xC3"), 1u);          // truncated sequence
    EXPECT_EQ(unicode::find_invalid_utf8("\xC0\xAF"), 0u);       // overlong "/"
    EXPECT_EQ(unicode::find_invalid_utf8("\xED\xA0\x80"), 0u);   // surrogate
    EXPECT_EQ(unicode::to_valid_utf8("a\xFFz"), "a\xEF\xBF\xBDz");
}

TEST(Analyzer, TokenTable) {
    const std::vector<Row> rows = {
        {"Nghị quyết", {"nghị|nghi@0", "quyết|quyet@1"}},
        {"QUY ĐỊNH", {"quy@0", "định|dinh@1"}},
        {"Hoà bình, thuỷ lợi", {"hòa|hoa@0", "bình|binh@1", "thủy|thuy@2", "lợi|loi@3"}},
        {"The People's Committee", {"the@0", "people's@1", "committee@2"}},
        {"implementing resolutions", {"implementing@0", "resolutions@1"}},
        // Numbers and identifiers stay whole; dates also index their parts.
        {"ngày 14/8/2023", {"ngày|ngay@0", "14/8/2023@1", "14@1", "8@1", "2023@1"}},
        {"1.000.000 đồng", {"1.000.000@0", "đồng|dong@1"}},
        {"cúm H5N1, tỷ số 6x36", {"cúm|cum@0", "h5n1@1", "tỷ|ty@2", "số|so@3", "6x36@4"}},
        {"hotline: 0903781209", {"hotline@0", "0903781209@1"}},
        // A document number gives its parts as tokens, in order.
        {"số 126/NQ-CP ngày", {"số|so@0", "126@1", "nq@2", "cp@3", "ngày|ngay@4"}},
        {"15/2020/NĐ-CP", {"15@0", "2020@1", "nđ|nd@2", "cp@3"}},
        {"", {}},
        {"  ,;!? ", {}},
        {"a \xCC\x80 b", {"a@0", "b@1"}},  // a lone combining grave accent is no token
        {"Ⱥ ⱥ", {"ⱥ@0", "ⱥ@1"}},  // Ⱥ case-folds beyond the folding table: one form, as typed in a query
        // A tone off its place is moved, wherever the ơ or the vowel with a quality mark is.
        {"ngừơi lụât Người", {"người|nguoi@0", "luật|luat@1", "người|nguoi@2"}},
    };
    for (const Row& row : rows) EXPECT_EQ(tokens(row.input), row.expected) << row.input;
}

TEST(Analyzer, WordTable) {
    // Words found by the dictionary or as capitalized runs (names) come after all the other
    // tokens, in text order, each at its first syllable's position.
    const std::vector<Row> rows = {
        {"thi hành pháp luật", {"thi@0", "hành|hanh@1", "pháp|phap@2", "luật|luat@3", "thi_hành|thi_hanh@0", "pháp_luật|phap_luat@2"}},
        {"thi hanh phap luat", {"thi@0", "hanh@1", "phap@2", "luat@3", "thi_hanh@0", "phap_luat@2"}},
        {"lợi ích nhóm", {"lợi|loi@0", "ích|ich@1", "nhóm|nhom@2", "lợi_ích|loi_ich@0"}},
        {"Uỷ ban nhân dân tỉnh", {"ủy|uy@0", "ban@1", "nhân|nhan@2", "dân|dan@3", "tỉnh|tinh@4", "ủy_ban_nhân_dân|uy_ban_nhan_dan@0"}},
        {"ông Nguyễn Thanh Bình ký", {"ông|ong@0", "nguyễn|nguyen@1", "thanh@2", "bình|binh@3", "ký|ky@4",
                                      "nguyễn_thanh_bình|nguyen_thanh_binh@1"}},
        // Capitalized at a sentence's head, an honorific or a preposition begins no name.
        {"Ông Nguyễn Thanh Bình ký", {"ông|ong@0", "nguyễn|nguyen@1", "thanh@2", "bình|binh@3", "ký|ky@4",
                                      "nguyễn_thanh_bình|nguyen_thanh_binh@1"}},
        {"Bà Nguyễn Thị Kim Ngân", {"bà|ba@0", "nguyễn|nguyen@1", "thị|thi@2", "kim@3", "ngân|ngan@4",
                                    "nguyễn_thị_kim_ngân|nguyen_thi_kim_ngan@1"}},
        {"Tại Hà Nội", {"tại|tai@0", "hà|ha@1", "nội|noi@2", "hà_nội|ha_noi@1"}},
        {"Nguyen Thanh Binh signed", {"nguyen@0", "thanh@1", "binh@2", "signed@3", "nguyen_thanh_binh@0"}},
        // A name is of Vietnamese syllables: an English article's "Committee Nguyen Thanh Binh"
        // holds the name its Vietnamese original has, and "Supreme Court" is no name at all.
        {"Committee Nguyen Thanh Binh", {"committee@0", "nguyen@1", "thanh@2", "binh@3", "nguyen_thanh_binh@1"}},
        {"Supreme Court", {"supreme@0", "court@1"}},
        {"Quỳnh Khuê", {"quỳnh|quynh@0", "khuê|khue@1", "quỳnh_khuê|quynh_khue@0"}},
        // Words never span punctuation, and acronyms are not names.
        {"pháp, luật UBND", {"pháp|phap@0", "luật|luat@1", "ubnd@2"}},
        // Nor take in a word with digits or an apostrophe.
        {"Hà Nội H5N1 Hà Nội's", {"hà|ha@0", "nội|noi@1", "h5n1@2", "hà|ha@3", "nội's|noi's@4", "hà_nội|ha_noi@0"}},
    };
    for (const Row& row : rows) EXPECT_EQ(tokens(row.input, {.words = true}), row.expected) << row.input;
}

TEST(Analyzer, AWordKnowsWhetherAnotherWordFoldsLikeIt) {
    const auto unambiguous = [](std::string_view text) {
        std::vector<std::string> found;
        for (const Token& t : Analyzer().analyze(text).tokens)
            if (t.folds_unambiguously) found.push_back(t.exact);
        return found;
    };
    // "pháp luật" alone folds to "phap luat"; "xã hội" and "xả hơi" fold alike, and so do
    // "chính phủ" and "chinh phụ". A name is no dictionary word, nor is a syllable a word.
    EXPECT_EQ(unambiguous("pháp luật về vấn đề xã hội"), (std::vector<std::string>{"pháp_luật", "vấn_đề"}));
    EXPECT_EQ(unambiguous("Chính phủ ban hành"), std::vector<std::string>{"ban_hành"});
    EXPECT_EQ(unambiguous("ông Nguyễn Thanh Bình ký"), std::vector<std::string>{});
    // Without diacritics there is no exact form to leave out.
    EXPECT_EQ(unambiguous("phap luat"), std::vector<std::string>{});
    EXPECT_EQ(WordDictionary::builtin().sole_word_folding_to("phap_luat"), "pháp_luật");
    EXPECT_EQ(WordDictionary::builtin().sole_word_folding_to("xa_hoi"), "");
    EXPECT_EQ(WordDictionary::builtin().sole_word_folding_to("xa"), "");
}

TEST(Analyzer, EnglishTextHasNoDictionaryWordsWithoutDiacritics) {
    const auto words = [](std::string_view text) {
        std::vector<std::string> found;
        for (const Token& t : Analyzer().analyze(text).tokens)
            if (t.syllables > 1) found.push_back(t.folded);
        return found;
    };
    // Folded, "that the" is the dictionary's "thất thế" and "to the" its "tô thể": Vietnamese
    // words in Vietnamese text typed without diacritics, English pairs in English text.
    EXPECT_EQ(words("quy dinh ve viec that the cua doanh nghiep"), (std::vector<std::string>{"quy_dinh", "that_the", "doanh_nghiep"}));
    EXPECT_EQ(words("It follows that the appeal was dismissed, and the costs go to the State."), std::vector<std::string>{});
    // Names and words with diacritics are still found in English text.
    EXPECT_EQ(words("The decision of the People's Committee in Ha Noi was signed by Nguyen Thanh Binh "
                    "under the heading \"thi hành pháp luật\"."),
              (std::vector<std::string>{"ha_noi", "nguyen_thanh_binh", "thi_hanh", "phap_luat"}));
    // Capitalized at a sentence's head, an English article, pronoun or preposition begins no
    // name; "To Lam" (Tô Lâm) and "An Giang" still are names.
    EXPECT_EQ(words("On May 5 the court sat. But I think that To Lam met the An Giang officials in the city."),
              (std::vector<std::string>{"to_lam", "an_giang"}));
    // Too few function words to tell: segmented as Vietnamese typed without diacritics.
    EXPECT_EQ(words("quy dinh ve the can cuoc"), (std::vector<std::string>{"quy_dinh", "can_cuoc"}));
}

TEST(Analyzer, EndPositionIsPastTheLastSyllableThoughWordsComeLast) {
    const Analysis a = Analyzer().analyze("thi hành pháp luật", 10);
    ASSERT_EQ(a.tokens.back().exact, "pháp_luật");
    EXPECT_EQ(a.end_position, 14u);
    EXPECT_EQ(Analyzer().analyze("", 10).end_position, 10u);
    EXPECT_EQ(Analyzer().analyze("14/8/2023", 0).end_position, 1u);  // the date's parts share its position
}

TEST(Analyzer, OffsetsPointIntoTheNormalizedText) {
    const Analysis a = Analyzer({.words = false}).analyze("Thừa Thiên-Huế: 126/NQ-CP");
    ASSERT_EQ(a.tokens.size(), 6u);
    for (const Token& t : a.tokens) {
        const std::string surface = a.text.substr(t.begin, t.end - t.begin);
        EXPECT_EQ(unicode::fold(surface), t.folded) << surface;
    }
    ASSERT_EQ(a.references.size(), 1u);
    EXPECT_EQ(a.text.substr(a.references[0].begin, a.references[0].end - a.references[0].begin), "126/NQ-CP");
}

TEST(Analyzer, ContinuesPositionsAfterAnEarlierField) {
    EXPECT_EQ(Analyzer().analyze("luật đất đai", 10).tokens.front().position, 10u);
}

TEST(Analyzer, DropsOverlongRuns) {
    const std::string hash(100, 'a');
    EXPECT_EQ(tokens("x " + hash + " y"), (std::vector<std::string>{"x@0", "y@2"}));
}

TEST(Stopwords, FunctionWordsOfBothLanguagesButNotTheirLookAlikes) {
    const std::vector<std::pair<std::string, bool>> rows = {
        {"của", true}, {"và", true}, {"là", true}, {"lá", false}, {"la", false}, {"cua", true},
        {"the", true}, {"of", true}, {"law", false}, {"luật", false}, {"nghị", false},
    };
    for (const auto& [word, expected] : rows) {
        const Analysis a = Analyzer().analyze(word);
        ASSERT_EQ(a.tokens.size(), 1u) << word;
        EXPECT_EQ(is_stopword(a.tokens[0]), expected) << word;
    }
}

TEST(Synonyms, GroupsAreSymmetric) {
    for (const std::string& name : all_synonym_names())
        for (const std::string& other : synonyms_of(name)) {
            const auto& back = synonyms_of(other);
            EXPECT_NE(std::find(back.begin(), back.end(), name), back.end()) << name << " -> " << other;
        }
    EXPECT_EQ(synonyms_of("decree"), (std::vector<std::string>{"nghi_dinh", "nd"}));
    EXPECT_TRUE(synonyms_of("luat").empty());
}

TEST(Synonyms, BritishAndAmericanSpellingsEachGiveTheOther) {
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"judgement", "judgment"}, {"judgements", "judgments"}, {"acknowledgement", "acknowledgment"}, {"licence", "license"},
        {"licenced", "licensed"},  {"defence", "defense"},      {"offences", "offenses"},             {"labour", "labor"},
        {"honoured", "honored"},   {"favourite", "favorite"},   {"organisation", "organization"},     {"recognised", "recognized"},
        {"analyse", "analyze"},    {"centre", "center"},        {"metres", "meters"},                 {"catalogue", "catalog"},
        {"programme", "program"},  {"programmes", "programs"}};
    const auto has = [](const std::vector<std::string>& variants, const std::string& word) {
        return std::find(variants.begin(), variants.end(), word) != variants.end();
    };
    for (const auto& [british, american] : pairs) {
        EXPECT_TRUE(has(english_spelling_variants(british), american)) << british;
        EXPECT_TRUE(has(english_spelling_variants(american), british)) << american;
    }
    // Other words, though a pattern fits them.
    for (const auto& [word, not_a_variant] : std::vector<std::pair<std::string, std::string>>{
             {"floor", "flour"}, {"for", "four"}, {"hour", "hor"}, {"letter", "lettre"}, {"size", "sise"}, {"sense", "sence"}})
        EXPECT_FALSE(has(english_spelling_variants(word), not_a_variant)) << word;
}

TEST(Synonyms, AnAbbreviatedCodeNamesTheCodeOneWay) {
    EXPECT_EQ(synonyms_of("blhs"), (std::vector<std::string>{"bo_luat_hinh_su", "criminal code", "penal code"}));
    EXPECT_EQ(synonyms_of("bltths"), (std::vector<std::string>{"bo_luat_to_tung_hinh_su", "code of criminal procedure"}));
    EXPECT_TRUE(synonyms_of("bo_luat_hinh_su").empty());
}

TEST(Language, DetectsVietnameseEnglishAndFoldedVietnamese) {
    auto lang = [](std::string_view text) { return detect_language(Analyzer().analyze(text)); };
    EXPECT_EQ(lang("Thừa Thiên-Huế ngăn chặn lợi ích nhóm trong tổ chức thi hành pháp luật"), "vi");
    EXPECT_EQ(lang("The Provincial Steering Committee has focused on directing the work of inspection"), "en");
    EXPECT_EQ(lang("nghi quyet cua chinh phu ve viec thi hanh phap luat va cac quy dinh"), "vi");
    EXPECT_EQ(lang("126/NQ-CP"), "");
    // Keyword queries typed without diacritics have no function words, but their words are
    // in the dictionary; each syllable counts, so "ban an" (a judgment) is not the English "an".
    EXPECT_EQ(lang("quy dinh"), "vi");
    EXPECT_EQ(lang("thi hanh phap luat"), "vi");
    EXPECT_EQ(lang("ban an"), "vi");
    // A run of capitalized words kept together as a name is no evidence either way.
    EXPECT_EQ(lang("Supreme Court"), "");
    EXPECT_EQ(lang("tax evasion"), "");
}

}  // namespace
}  // namespace tracuu
