/** @file
 * @brief The core library: metadata, input readers, and the index and query path
 *        together on real databases in temporary folders.
 */
#include "core/index_writer.hpp"
#include "core/legal_header.hpp"
#include "core/links.hpp"
#include "core/metadata.hpp"
#include "core/query.hpp"
#include "core/quotations.hpp"
#include "core/related.hpp"
#include "core/schema.hpp"
#include "core/searcher.hpp"
#include "core/sources.hpp"
#include "core/terms.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

namespace tracuu {
namespace {

using testing::TempDir;
using testing::build_index;
using testing::make_document;

std::vector<std::string> ids(const SearchResponse& response) {
    std::vector<std::string> out;
    for (const Hit& hit : response.hits) out.push_back(hit.document.id);
    return out;
}

// The passages find_quotations reads in @p text, as strings.
std::vector<std::string> quoted_passages(std::string_view text) {
    std::vector<std::string> out;
    for (const TextRange& range : find_quotations(text)) out.emplace_back(text.substr(range.begin, range.end - range.begin));
    return out;
}

TEST(Quotations, SingleQuotesQuoteAndApostrophesDoNot) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> rows = {
        {"He said “group interests” and \"local interests\".", {"group interests", "local interests"}},
        {"The minister called it ‘a matter of the people’s trust’, twice.", {"a matter of the people’s trust"}},
        {"He said 'we will not wait', and left.", {"we will not wait"}},
        {"In the ’90s the people’s court didn’t sit; the '60s and ‘70s too.", {}},
        {"‘We grew up in the ’90s,’ she said.", {"We grew up in the ’90s,"}},
        {"(hereinafter referred to as 'the Contractor') and 'the UOI'", {"the Contractor", "the UOI"}},
        // Nested: the inner quotation is part of the outer one.
        {"“He told me ‘no way’ yesterday,” she said.", {"He told me ‘no way’ yesterday,"}},
        {"‘He told me “no way” yesterday,’ she said.", {"He told me “no way” yesterday,"}},
        // A single quote closed on no line opens nothing; the quotations after it are read.
        {"Rock ‘n roll of the ‘sixties\nand “the Beatles” then.", {"the Beatles"}},
        {"the ‘cut off", {}},
        {"title:'res judicata' +‘group interests’ -'local interests'", {"res judicata", "group interests", "local interests"}},
        {"“unterminated", {}},
        {"", {}},
    };
    for (const auto& [text, expected] : rows) EXPECT_EQ(quoted_passages(text), expected) << text;
}

// How a text capitalizes its multi-syllable dictionary words, where that tells their case: each
// text's XF terms (schema::kCapitalizedWordPrefix), in text order.
TEST(Terms, ADictionaryWordAsTheTextCapitalizesIt) {
    const Analyzer analyzer;
    const std::vector<std::pair<const char*, std::vector<std::string>>> rows = {
        {"Mưa lớn ở Hà Nội và Thành phố Huế", {"XFHà_Nội", "XFThành_phố"}},
        {"đại biểu Quốc hội thi hành pháp luật", {"XFQuốc_hội"}},
        {"Hà Nội mùa thu", {"XFHà_Nội"}},                      // both capitals tell, at a sentence's head too
        {"Quốc hội họp. Thi hành pháp luật", {}},             // a sentence's head capitalizes any word
        {"Ông nói: “Thi hành án”\nQuốc hội họp", {}},
        {"HÀ NỘI MỚI đưa tin", {}},                           // a heading's capitals say nothing
        {"thi hành pháp luật ở hà nội", {}},                  // lower case is what the other terms say
        {"Ông nói Thủ tướng Phạm Minh Chính", {"XFThủ_tướng"}},  // a name is capitalized anyway: none
        {"theo Bộ Tài chính và Sở Tư pháp", {"XFTài_chính", "XFTư_pháp"}},
    };
    for (const auto& [text, terms] : rows) {
        const Analysis analysis = analyzer.analyze(text);
        std::vector<std::string> found;
        for (const Token& token : analysis.tokens)
            if (std::string term = TermMapper::capitalized_word_term(analysis.text, token); !term.empty()) found.push_back(std::move(term));
        EXPECT_EQ(found, terms) << text;
    }
}

// Exact terms are counted before they go into the document (ExactTermCounts): each gets the wdf
// of its tokens, in a text with more distinct exact forms than the count table holds at once.
TEST(Terms, EachExactTermGetsTheWdfOfItsTokensInAnyLongText) {
    const std::vector<std::string> onsets = {"b", "c", "d", "đ", "g", "h", "l", "m", "n", "ph", "r", "s", "t", "v", "x"};
    const std::vector<std::string> rhymes = {"á", "à", "ả", "ã", "ạ", "é", "è", "ẻ", "ẽ", "ẹ", "ó", "ò", "ỏ", "õ",
                                             "ọ", "ú", "ù", "ủ", "ũ", "ụ", "ấ", "ầ", "ẩ", "ậ", "ố", "ồ", "ổ", "ộ",
                                             "ớ", "ờ", "ở", "ợ", "ứ", "ừ", "ử", "ự", "ắ", "ằ", "ẳ", "ặ"};
    std::string text;
    for (int round = 0; round < 3; ++round)
        for (std::size_t i = 0; i < onsets.size() * rhymes.size(); ++i)
            if (static_cast<int>(i % 3) >= round) text += onsets[i % onsets.size()] + rhymes[i / onsets.size()] + ". ";
    const Analysis analysis = Analyzer().analyze(text);
    std::map<std::string, Xapian::termcount> expected;
    for (const Token& token : analysis.tokens) {
        if (TermMapper::has_exact_term(token)) ++expected[TermMapper::exact_term(token)];
        else if (token.has_diacritics()) ++expected[std::string(schema::kImpliedExactTerm)];
    }
    ASSERT_GT(expected.size(), 550u);  // over half the table (1,024 slots)

    const TermMapper mapper;
    Xapian::Document doc;
    ExactTermCounts exact_terms;
    for (const Token& token : analysis.tokens) mapper.index_token(doc, exact_terms, token, false);
    exact_terms.add_to(doc);
    std::map<std::string, Xapian::termcount> found;
    for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
        if ((*it).rfind(schema::kExactPrefix, 0) == 0 || *it == schema::kImpliedExactTerm) found[*it] = it.get_wdf();
    EXPECT_EQ(found, expected);
}

// A Xapian document whole: terms with wdf and positions, values, data.
std::vector<std::string> describe(const Xapian::Document& doc) {
    std::vector<std::string> out{doc.get_data()};
    for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        std::string line = *it + " " + std::to_string(it.get_wdf()) + ":";
        for (Xapian::PositionIterator p = it.positionlist_begin(); p != it.positionlist_end(); ++p) line.append(" ").append(std::to_string(*p));
        out.push_back(line);
    }
    for (Xapian::ValueIterator v = doc.values_begin(); v != doc.values_end(); ++v) {
        std::string line = std::to_string(v.get_valueno());
        line += '=';
        out.push_back(line.append(*v));
    }
    return out;
}

// The indexer's threads make document after document with one workspace: each document must be
// what it is made alone, whatever came before (a title apart from the text, references, English).
TEST(Terms, ADocumentMadeInAUsedWorkspaceIsTheDocumentMadeAlone) {
    std::vector<Document> docs;
    std::string long_text = "Chỉ thị thực hiện Nghị quyết 126/NQ-CP\nHà Nội, ngày 22/09/2023\n";
    for (int i = 0; i < 30; ++i) long_text += "Căn cứ Nghị định 15/2020/NĐ-CP, ông Nguyễn Thanh Bình thi hành pháp luật về lợi ích nhóm. ";
    docs.push_back(testing::make_document("vi-long", long_text));
    Document titled = testing::make_document("en", "The Government issued Resolution No. 126/NQ-CP dated August 14, 2023 on law-making.");
    titled.title = "Decree 15/2020/ND-CP on penalties";
    titled.lang = "en";
    docs.push_back(titled);
    docs.push_back(testing::make_document("vi-short", "Quyết định 1880/QĐ-TTg của Thủ tướng"));
    docs.push_back(testing::make_document("vi-long-again", long_text.substr(0, long_text.size() / 2)));

    const Analyzer analyzer;
    const TermMapper terms;
    DocumentAnalysis workspace;
    for (int pass = 0; pass < 2; ++pass)
        for (const Document& original : docs) {
            Document alone = original, reused = original;
            const Xapian::Document expected = make_xapian_document(alone, analyzer, terms);
            const Xapian::Document made = make_xapian_document(reused, analyzer, terms, workspace);
            EXPECT_EQ(describe(made), describe(expected)) << original.id;
            EXPECT_EQ(reused.text, alone.text) << original.id;
            EXPECT_EQ(reused.references, alone.references) << original.id;
        }
}

TEST(Metadata, PublicationDateIsTheDatelineNotACitedDate) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Tiêu đề\n\n22/09/2023 20:01\n\nNghị quyết ngày 14/8/2023 của Chính phủ", "2023-09-22"},
        {"Tiêu đề\nThứ Sáu, 22/09/2023, 20:01 (GMT+7)\nNội dung", "2023-09-22"},
        {"Tiêu đề\nngày 06 tháng 7 năm 2022\n", "2022-07-06"},
        {"Title\nAugust 14, 2023\nBody", "2023-08-14"},
        {"Title\nSep. 5, 2024\n", "2024-09-05"},
        {"On September 22, the Vice Chairman signed a Directive on Resolution No. 126/NQ-CP dated August 14, 2023 of the Government.", ""},
        {"Title\nPublished: 2023-09-22T10:15:00+07:00\nBody", "2023-09-22"},
        {"Title\n14 August 2023 | 10:15\nBody", "2023-08-14"},
        {"Title\nUpdated 5th of Sept., 2023\n", "2023-09-05"},
        // A wire dateline opens the first paragraph: a long line, but its date is the dateline's.
        {"# Title\n\nHANOI, Feb. 6, 2017 — Deputy Governor Dao Minh Tu said on Monday that the banking sector "
         "would continue to lend to projects in the Central Highlands.", "2017-02-06"},
        {"Title\n**HÀ NỘI**, 22 September 2023 (VNA) - The Government has issued Resolution No. 126/NQ-CP dated "
         "August 14, 2023 on law enforcement.", "2023-09-22"},
        {"Tiêu đề\nTP.HCM, 22/9/2023 - Sáng nay, UBND thành phố tổ chức hội nghị triển khai Nghị quyết số 126/NQ-CP "
         "ngày 14/8/2023 của Chính phủ.", "2023-09-22"},
        {"Title\nIn Hanoi, on August 14, 2023, the Government issued Resolution No. 126/NQ-CP on law enforcement and "
         "on preventing group interests.", ""},  // a sentence that starts with a place is no dateline
        {"Title\nNguyen Van A, 14/8/2023 is when he signed it, a long sentence that is not any kind of dateline at all.", ""},
        // A judgment's heading, its citations then the day it was given in brackets (the law
        // reports' form), before a cited date.
        {" [1954] INSC 102; AIR 1955 SC 79; 1955 (1) SCR 810 (28 October 1954)\n28/10/1954 AIYYAR, T.L. VENKATARAMA "
         "MAHAJAN, MEHAR CHAND (CJ) DAS, SUDHI RANJAN\nCITATION: 1955 AIR 79 1955 SCR (1) 810\nThe appeal is against "
         "the judgment dated 4.2.2008 of the High Court (4 February 2008)", "1954-10-28"},
        {"Smith v Jones [2010] EWCA Civ 123 (12 March 2010)\nLord Justice Moore-Bick:", "2010-03-12"},
        {"State of Haryana v. Manoj Kumar (October 30, 2009)\n", "2009-10-30"},
        {" October 1999)\nG.B.Pattanaik, N.Santosh Hedge\n", ""},  // cut off: no day
        // A sentence citing a date in brackets goes on, or ends with its full stop.
        {"Title\nThe Government issued Resolution No. 126/NQ-CP (14 August 2023) on law enforcement.", ""},
        {"Title\nThe Government issued Resolution No. 126/NQ-CP on law enforcement (14 August 2023).", ""},
        {"Title\nThe hearings of the appeal ran on two days (14 August 2023 and 15 August 2023)", ""},
        {"Tiêu đề\n31/02/2023\n", ""},  // no such day
        {"Title\nSeason 2023-2024\n", ""},    // a range of years, not a date
        {"", ""},
    };
    for (const auto& [text, expected] : rows) EXPECT_EQ(find_publication_date(text), expected) << text;
}

TEST(Metadata, SourceUrl) {
    EXPECT_EQ(find_source_url("Body\nSource: https://baodienbienphu.com.vn/tin-tuc/216459 more\nComment (0)"),
              "https://baodienbienphu.com.vn/tin-tuc/216459");
    EXPECT_EQ(find_source_url("Nội dung\nNguồn: http://example.vn/a"), "http://example.vn/a");
    EXPECT_EQ(find_source_url("Body\nSource\nComment (0)"), "");
    EXPECT_EQ(find_source_url("The source: of all evil"), "");
}

TEST(Metadata, ATitleLosesTheNameOfTheSiteItsUrlNames) {
    struct Row {
        const char* title;
        const char* url;
        const char* expected;
    };
    const std::vector<Row> rows = {
        {"Giá vàng hôm nay tăng mạnh | VnExpress", "https://vnexpress.net/gia-vang-4567.html", "Giá vàng hôm nay tăng mạnh"},
        {"Giá vàng hôm nay - Báo Lao Động", "https://laodong.vn/kinh-te/gia-vang.ldo", "Giá vàng hôm nay"},
        {"Thư Viện Pháp Luật - Nghị định 15/2020/NĐ-CP", "https://thuvienphapluat.vn/van-ban/a.aspx", "Nghị định 15/2020/NĐ-CP"},
        {"Tin nóng | Tuổi Trẻ Online", "https://tuoitre.vn/tin.htm", "Tin nóng"},
        {"Giá vàng | VnExpress", "https://e.vnexpress.net/news/x", "Giá vàng"},
        // The end of a headline, at another site; no URL; a name shorter than four letters.
        {"Tai nạn trên cao tốc Hà Nội - Hải Phòng", "https://baogiaothong.vn/tai-nan.html", "Tai nạn trên cao tốc Hà Nội - Hải Phòng"},
        {"Giá vàng hôm nay | VnExpress", "", "Giá vàng hôm nay | VnExpress"},
        {"Tin nóng - VTV", "https://vtv.vn/a.htm", "Tin nóng - VTV"},
        {"VnExpress", "https://vnexpress.net/", "VnExpress"},  // nothing but the name
    };
    for (const Row& row : rows) EXPECT_EQ(title_without_site_name(row.title, row.url), row.expected) << row.title;
}

// The indexer takes the site's name out of a page's title, and of a PDF's printed from it, where
// the page's or the text's URL names the site; the text keeps it.
TEST(Metadata, AnIndexedTitleHasNoSiteName) {
    Document printed = make_document("printed", "Giá vàng hôm nay tăng mạnh | VnExpress\nGiá vàng tăng.\nNguồn: https://vnexpress.net/gia-vang-4567.html");
    (void)analyze_document(printed, Analyzer());
    EXPECT_EQ(printed.title, "Giá vàng hôm nay tăng mạnh");
    EXPECT_EQ(printed.url, "https://vnexpress.net/gia-vang-4567.html");
    EXPECT_NE(printed.text.find("| VnExpress"), std::string::npos);
}

TEST(Metadata, TitleIsTheFirstNonEmptyLineShortenedAtAWord) {
    EXPECT_EQ(first_nonempty_line("\n\n  Tiêu đề bài  \nThân bài"), "Tiêu đề bài");
    EXPECT_EQ(shorten_title("Tiêu đề bài"), "Tiêu đề bài");
    EXPECT_EQ(shorten_title("Nghị quyết về một số giải pháp nâng cao", 20), "Nghị quyết về…");  // 19 bytes + "…"
    EXPECT_EQ(shorten_title(std::string(30, 'x') + "ệ", 31), std::string(30, 'x') + "…");  // never splits a character
}

struct Read {
    std::vector<Document> documents;
    std::vector<InputProblem> problems;
};

Read read_all(const std::vector<std::string>& arguments) {
    Read read;
    for (const InputFile& file : collect_inputs(arguments, read.problems))
        read_input_file(file, [&](Document&& d) { read.documents.push_back(std::move(d)); },
                        [&](InputProblem&& p) { read.problems.push_back(std::move(p)); });
    return read;
}

TEST(Sources, TextFileIdsAreRelativePathsWithoutExtension) {
    TempDir dir;
    dir.write("corpus/000_a.txt", "Tiêu đề\nNội dung");
    dir.write("corpus/2024/000_a.txt", "Another\nbody");
    dir.write("corpus/.hidden.txt", "ignored");
    dir.write("lone/000_b.txt", "Riêng\nMột mình");
    const Read read = read_all({(dir.path() / "corpus").string(), (dir.path() / "lone/000_b.txt").string(),
                                (dir.path() / "corpus/000_a.txt").string()});
    ASSERT_EQ(read.documents.size(), 3u);
    EXPECT_EQ(read.documents[0].id, "000_a");
    EXPECT_EQ(read.documents[0].title, "Tiêu đề");
    EXPECT_EQ(read.documents[1].id, "2024/000_a");
    EXPECT_EQ(read.documents[2].id, "000_b");  // named directly: its bare name
    // The same file named again is read once, under its first name.
    ASSERT_EQ(read.problems.size(), 1u);
    EXPECT_TRUE(read.problems[0].still_indexed);
    EXPECT_EQ(read.problems[0].reason, "the same file as " + (dir.path() / "corpus/000_a.txt").string() +
                                           "; indexed once, as \"000_a\"");
}

TEST(Sources, BadFilesAreReportedWithFileAndReason) {
    TempDir dir;
    dir.write("in/bad-utf8.txt", "Dòng một\nxin ch\xE0o\n");
    dir.write("in/binary.txt", std::string("PK\x03\x04\0\0", 6));
    dir.write("in/empty.txt", " \n\t\n");
    dir.write("in/ok.txt", "Fine\ntext");
    dir.write("in/photo.png", "\x89PNG");
    const Read read = read_all({(dir.path() / "in").string(), (dir.path() / "missing").string()});
    ASSERT_EQ(read.documents.size(), 1u);
    EXPECT_EQ(read.documents[0].id, "ok");
    std::vector<std::string> reasons;
    for (const auto& p : read.problems) reasons.push_back(p.to_string());
    auto has = [&](const std::string& needle) {
        return std::any_of(reasons.begin(), reasons.end(), [&](const std::string& r) { return r.find(needle) != std::string::npos; });
    };
    EXPECT_EQ(reasons.size(), 5u);
    EXPECT_TRUE(has("bad-utf8.txt: invalid UTF-8 at line 2, byte offset 18"));
    EXPECT_TRUE(has("binary.txt: binary file"));
    EXPECT_TRUE(has("empty.txt: empty file"));
    EXPECT_TRUE(has("photo.png: unsupported file type"));
    EXPECT_TRUE(has("missing: no such file or directory"));
}

TEST(Sources, JsonlReportsBadLinesAndKeepsTheRest) {
    TempDir dir;
    const auto file = dir.write("records.jsonl",
                                "{\"id\":\"a\",\"title\":\"Điều 1\",\"text\":\"Phạm vi điều chỉnh\",\"date\":\"2020-01-15\",\"chapter\":\"I\"}\n"
                                "{\"id\":\"b\",\"text\":\n"
                                "\n"
                                "[1,2]\n"
                                "{\"title\":\"no id\",\"text\":\"x\"}\n"
                                "{\"id\":\"c\",\"text\":\"Thân bài\",\"date\":\"tomorrow\"}\n"
                                "{\"id\":\"d\",\"text\":\"bad \xFF byte\"}\n"
                                "{\"id\":\"e\",\"text\":\"x\",\"date\":\"2023-08-14T08:30:00+07:00\"}\n"
                                "{\"id\":\"f\",\"text\":\"x\",\"date\":\"August 14, 2023\"}\n");
    const Read read = read_all({file.string()});
    ASSERT_EQ(read.documents.size(), 4u);
    EXPECT_EQ(read.documents[0].id, "a");
    EXPECT_EQ(read.documents[0].title, "Điều 1");
    EXPECT_EQ(read.documents[0].date, "2020-01-15");
    EXPECT_EQ(read.documents[0].extra_fields_json, "{\"chapter\":\"I\"}");
    EXPECT_EQ(read.documents[1].id, "c");
    EXPECT_EQ(read.documents[1].date, "");
    EXPECT_EQ(read.documents[2].date, "2023-08-14");  // a timestamp's date
    EXPECT_EQ(read.documents[3].date, "2023-08-14");
    std::vector<std::size_t> lines;
    for (const auto& p : read.problems) lines.push_back(p.line);
    EXPECT_EQ(lines, (std::vector<std::size_t>{2, 4, 5, 6, 7}));
    EXPECT_NE(read.problems[0].reason.find("malformed JSON"), std::string::npos);
    EXPECT_NE(read.problems[2].reason.find("missing \"id\""), std::string::npos);
}

class SearchTest : public ::testing::Test {
protected:
    void index(std::vector<Document> docs) { build_index(dir_.path() / "db", std::move(docs)); }
    SearchResponse search(const std::string& query, std::size_t limit = 10) {
        Searcher searcher((dir_.path() / "db").string());
        Result<SearchResponse> result = searcher.search({.query = query, .limit = limit});
        EXPECT_TRUE(result.ok()) << query << ": " << (result.ok() ? "" : result.error().message);
        return result.ok() ? result.value() : SearchResponse{};
    }
    // The ids of the documents @p query finds, sorted: what is found, not in which order.
    std::vector<std::string> sorted_ids(const std::string& query) {
        std::vector<std::string> found = ids(search(query));
        std::sort(found.begin(), found.end());
        return found;
    }
    // The texts /suggest offers for @p prefix, best first.
    std::vector<std::string> suggestions(std::string_view prefix, std::size_t limit = 10) {
        Searcher searcher((dir_.path() / "db").string());
        std::vector<std::string> out;
        const auto result = searcher.suggest(prefix, limit);
        EXPECT_TRUE(result.ok()) << prefix;
        if (result.ok())
            for (const Suggestion& s : result.value()) out.push_back(s.text);
        return out;
    }
    TempDir dir_;
};

bool contains(const std::vector<std::string>& found, const std::string& wanted) {
    return std::find(found.begin(), found.end(), wanted) != found.end();
}

TEST_F(SearchTest, ExactDiacriticsRankAboveFoldedMatchesWhichAreStillFound) {
    index({make_document("ban-table", "Cái bàn gỗ trong phòng họp lớn"),
           make_document("sell", "Giá bán lẻ trong phòng họp lớn"),
           make_document("committee", "Ban chỉ đạo trong phòng họp lớn"),
           make_document("other", "Không liên quan gì cả trong phòng")});
    const auto with_diacritics = ids(search("bán"));
    ASSERT_EQ(with_diacritics.size(), 3u);
    EXPECT_EQ(with_diacritics[0], "sell");
    const auto folded = ids(search("ban"));
    EXPECT_EQ(folded.size(), 3u);
    EXPECT_EQ(ids(search("bàn")).front(), "ban-table");
}

TEST_F(SearchTest, TypingWithoutDiacriticsFindsVietnamese) {
    index({make_document("nq", "Nghị quyết về quy định mới"), make_document("x", "Chuyện khác hẳn")});
    EXPECT_EQ(ids(search("nghi quyet")), std::vector<std::string>{"nq"});
    EXPECT_EQ(ids(search("quy dinh")), std::vector<std::string>{"nq"});
    EXPECT_EQ(ids(search("NGHỊ QUYẾT")), std::vector<std::string>{"nq"});
}

TEST_F(SearchTest, PhrasesMatchAdjacentWordsWithOrWithoutDiacritics) {
    index({make_document("adjacent", "Tổ chức thi hành pháp luật ở địa phương"),
           make_document("apart", "Pháp luật về thi cử và hành chính")});
    for (const std::string q : {"\"thi hành pháp luật\"", "\"thi hanh phap luat\"", "“thi hành pháp luật”", "‘thi hành pháp luật’",
                                "'thi hanh phap luat'"})
        EXPECT_EQ(ids(search(q)), std::vector<std::string>{"adjacent"}) << q;
    EXPECT_EQ(ids(search("thi hành pháp luật")).size(), 2u);
}

// Codes indexed article by article (a JSONL record per article, with "law" and "article"), as
// lawyers' collections and the ALQAC data hold them; several codes share article numbers.
Document law_article(std::string id, std::string law, std::string article, std::string text) {
    Document doc = make_document(std::move(id), std::move(text));
    doc.law = std::move(law);
    doc.article = std::move(article);
    return doc;
}

std::vector<Document> codes_article_by_article() {
    return {law_article("blhs-173", "Bộ luật Hình sự", "173",
                        "Tội trộm cắp tài sản\n\nNgười nào trộm cắp tài sản của người khác trị giá từ 2.000.000 đồng đến dưới "
                        "50.000.000 đồng thì bị phạt cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng đến 03 năm."),
            law_article("blhs-5", "Bộ luật Hình sự", "5",
                        "Hiệu lực của Bộ luật hình sự đối với những hành vi phạm tội trên lãnh thổ nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
            law_article("blds-173", "Bộ luật Dân sự", "173",
                        "Nghĩa vụ của chủ sở hữu trong trường hợp bất động sản liền kề\n\nChủ sở hữu bất động sản chịu hưởng quyền."),
            // Words of the query everywhere: "điều", "bộ luật", "hình".
            law_article("blld-173", "Bộ luật Lao động", "173",
                        "Điều kiện áp dụng hình thức kỷ luật\n\nBộ luật này quy định điều kiện, hình thức xử lý kỷ luật lao động; "
                        "điều chỉnh theo Bộ luật này và điều ước quốc tế về hình thức kỷ luật."),
            law_article("blld-8", "Bộ luật Lao động", "8",
                        "Các hành vi bị nghiêm cấm trong lĩnh vực lao động\n\nPhân biệt đối xử trong lao động; ngược đãi người lao động."),
            law_article("ldd-5", "Luật Đất đai 2013", "5",
                        "Người sử dụng đất\n\nNgười sử dụng đất được Nhà nước giao đất, cho thuê đất, công nhận quyền sử dụng đất."),
            law_article("hngd-8", "Luật Hôn nhân và gia đình", "8",
                        "Điều kiện kết hôn\n\nNam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên; việc kết hôn do nam và nữ tự nguyện quyết định."),
            law_article("hp-2", "Hiến pháp", "2", "Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam là nhà nước pháp quyền xã hội chủ nghĩa."),
            law_article("ldd-173", "Luật Đất đai 2013", "173",
                        "Quyền và nghĩa vụ của tổ chức kinh tế được Nhà nước cho thuê đất thu tiền thuê đất hằng năm."),
            // A judgment that cites the article: the article itself comes first.
            make_document("judgment", "Bản án sơ thẩm\n\nBị cáo bị truy tố theo khoản 1 Điều 173 Bộ luật Hình sự về tội trộm cắp tài sản.")};
}

// The press abbreviates the city ("TP.HCM", "TPHCM") and English writes it in its own words
// ("Ho Chi Minh City", "Hanoi"): any finds the others.
TEST_F(SearchTest, ACityIsFoundByItsAbbreviationAndItsEnglishName) {
    Document english = make_document("en", "Ho Chi Minh City bans cars from Nguyen Hue street. Hanoi follows.");
    english.lang = "en";
    index({make_document("full", "Thành phố Hồ Chí Minh cấm xe vào phố đi bộ."), make_document("short", "TP.HCM tổ chức hội nghị."),
           make_document("joined", "TPHCM mưa lớn."), english, make_document("hanoi", "Hà Nội nắng nóng.")});
    using V = std::vector<std::string>;
    for (const std::string q : {"TP.HCM", "TPHCM", "Thành phố Hồ Chí Minh", "thanh pho ho chi minh", "Ho Chi Minh City"})
        EXPECT_EQ(sorted_ids(q), (V{"en", "full", "joined", "short"})) << q;
    EXPECT_EQ(sorted_ids("Hanoi"), (V{"en", "hanoi"}));
    EXPECT_EQ(sorted_ids("Hà Nội"), (V{"en", "hanoi"}));
}

// Domain names and hashtags run syllables together ("thanhnien.vn", "#quochoi"), and so do
// people typing fast: the word they make is found too, where the index holds it far more often
// than the letters as typed, which come first. Not an English word that happens to split so.
TEST_F(SearchTest, SyllablesTypedRunTogetherFindTheWordTheyMake) {
    std::vector<Document> docs = {make_document("url", "Ảnh: thanhnien.vn"),
                                  make_document("daily", "The daily report of the daily press, daily."),
                                  make_document("daily-2", "Daily news."), make_document("daily-3", "A daily."),
                                  make_document("bacon", "Món trứng ốp la với bacon."),
                                  make_document("anna-1", "Anna Karenina."), make_document("anna-2", "Anna Karenina và Vronsky.")};
    for (int k = 0; k < 10; ++k) {
        docs.push_back(make_document("tn-" + std::to_string(k), "Thanh niên tình nguyện số " + std::to_string(k) + " về Quốc hội."));
        docs.push_back(make_document("dl-" + std::to_string(k), "Đại lý xăng dầu số " + std::to_string(k) + "."));
        docs.push_back(make_document("bc-" + std::to_string(k), "Bà con nông dân thôn " + std::to_string(k) + " thu hoạch lúa."));
        docs.push_back(make_document("an-" + std::to_string(k), "Triều đình An Nam năm 18" + std::to_string(k) + "0."));
    }
    index(std::move(docs));
    const auto response = search("thanhnien", 20);
    ASSERT_EQ(response.hits.size(), 11u);
    EXPECT_EQ(response.hits[0].document.id, "url");
    EXPECT_NE(response.hits[1].snippet.find("<mark>Thanh niên</mark>"), std::string::npos) << response.hits[1].snippet;
    EXPECT_EQ(search("quochoi", 20).hits.size(), 10u);
    // Understood so, the letters are no misspelling: "annam" is "An Nam", not "Anna".
    const auto an_nam = search("annam", 20);
    EXPECT_EQ(an_nam.hits.size(), 10u);
    EXPECT_EQ(an_nam.did_you_mean, "");
    // "daily" is held 3 times, "đại lý" 10: not ten times as often.
    EXPECT_EQ(sorted_ids("daily"), (std::vector<std::string>{"daily", "daily-2", "daily-3"}));
    // "bà con" is held ten times as often as "bacon", but English spells "bacon" so.
    EXPECT_EQ(sorted_ids("bacon"), std::vector<std::string>{"bacon"});
}

// Words copied from a document typed in a legacy font carry its Latin-1 letters to the search
// box: the query reads them as the indexer reads such a document.
TEST_F(SearchTest, AQueryPastedFromALegacyFontDocumentFindsWhatItShows) {
    index({make_document("nq", "Thực hiện Nghị quyết số 126/NQ-CP về thi hành pháp luật."),
           make_document("other", "Café Noël ở Zürich.")});
    for (const std::string query : {"NghÞ quyÕt", "thi hµnh ph¸p luËt", "Nghò quyeát", "thi haønh phaùp luaät"})
        EXPECT_EQ(sorted_ids(query), std::vector<std::string>{"nq"}) << query;
    EXPECT_EQ(sorted_ids("Café Noël"), std::vector<std::string>{"other"});
}

// English stems drop a possessive, but a Vietnamese article quoting English names keeps it.
TEST_F(SearchTest, AnEnglishNameIsFoundWithItsPossessiveInVietnameseText) {
    index({make_document("vi-possessive", "Nữ hoàng dự lễ kỷ niệm tại York's Museum Gardens hôm qua."),
           make_document("vi-plain", "Thành phố York đón nhiều khách du lịch."), make_document("other", "Hà Nội mưa lớn.")});
    for (const std::string query : {"York", "york's", "York’s"})
        EXPECT_EQ(sorted_ids(query), (std::vector<std::string>{"vi-plain", "vi-possessive"})) << query;
    const auto response = search("York museum");
    ASSERT_FALSE(response.hits.empty());
    EXPECT_EQ(response.hits[0].document.id, "vi-possessive");
    EXPECT_NE(response.hits[0].snippet.find("<mark>York's</mark>"), std::string::npos) << response.hits[0].snippet;
}

// An English article and its Vietnamese original name the country and its cities each their own way.
TEST_F(SearchTest, TheCountryAndItsCitiesAreFoundAsEnglishWritesThemInOneWord) {
    Document english = make_document("en", "Exports of Vietnam rose; Saigon port and Danang airport expanded.");
    english.lang = "en";
    index({english, make_document("vi", "Xuất khẩu của Việt Nam tăng; cảng Sài Gòn và sân bay Đà Nẵng mở rộng."),
           make_document("other", "Hàn Quốc nhập khẩu ô tô.")});
    using V = std::vector<std::string>;
    for (const std::string q : {"Vietnam", "Việt Nam", "viet nam", "Saigon", "Sài Gòn", "Danang", "Đà Nẵng"})
        EXPECT_EQ(sorted_ids(q), (V{"en", "vi"})) << q;
}

// The article asked for is shown from its opening, not where its text cites other articles
// ("các điều 168, 169"), which the query's "điều" would mark.
TEST_F(SearchTest, TheArticleNamedIsShownFromItsOpening) {
    index({law_article("blhs-173", "Bộ luật Hình sự", "173",
                       "Tội trộm cắp tài sản\n\n1. Người nào trộm cắp tài sản của người khác trị giá từ 2.000.000 đồng hoặc đã bị "
                       "kết án về một trong các tội quy định tại các điều 168, 169, 170 của Bộ luật này thì bị phạt tù."),
           law_article("blhs-12", "Bộ luật Hình sự", "12", "Tuổi chịu trách nhiệm hình sự: Điều 173 (tội trộm cắp tài sản), điều 170.")});
    const SearchResponse response = search("Điều 173 BLHS");
    ASSERT_GE(response.hits.size(), 2u);
    EXPECT_EQ(response.hits[0].document.id, "blhs-173");
    EXPECT_EQ(response.hits[0].snippet.rfind("Tội trộm cắp tài sản 1. Người nào", 0), 0u) << response.hits[0].snippet;
    EXPECT_EQ(response.hits[0].snippet.find("<mark>"), std::string::npos) << response.hits[0].snippet;
    EXPECT_NE(response.hits[1].snippet.find("<mark>173</mark>"), std::string::npos) << response.hits[1].snippet;  // another article citing it
    // The query's other words are marked in it all the same; the words naming it are not.
    for (const std::string query : {"trộm cắp Điều 173 BLHS", "Điều 173 Bộ luật Hình sự trộm cắp"}) {
        const SearchResponse with_words = search(query);
        ASSERT_FALSE(with_words.hits.empty()) << query;
        EXPECT_EQ(with_words.hits[0].document.id, "blhs-173") << query;
        EXPECT_NE(with_words.hits[0].snippet.find("<mark>trộm cắp</mark>"), std::string::npos) << query << ": " << with_words.hits[0].snippet;
        EXPECT_EQ(with_words.hits[0].snippet.find("<mark>điều</mark>"), std::string::npos) << query << ": " << with_words.hits[0].snippet;
        EXPECT_EQ(with_words.hits[0].snippet.find("<mark>Bộ luật</mark>"), std::string::npos) << query << ": " << with_words.hits[0].snippet;
    }
}

TEST_F(SearchTest, AnArticleNamedWithItsCodeRanksThatArticleOfThatCodeFirst) {
    index(codes_article_by_article());
    for (const std::string q : {"Điều 173 Bộ luật Hình sự", "điều 173 bộ luật hình sự", "dieu 173 bo luat hinh su", "Điều 173 BLHS",
                                "khoản 1 điều 173 bộ luật hình sự", "Điều 173 của Bộ luật Hình sự năm 2015", "Bộ luật Hình sự Điều 173"}) {
        const auto found = ids(search(q));
        ASSERT_FALSE(found.empty()) << q;
        EXPECT_EQ(found.front(), "blhs-173") << q;
    }
    for (const std::string q : {"khoản 2 điều 5 luật đất đai", "Dieu 5 Luat Dat dai", "điều 5 luật đất đai năm 2013"}) {
        const auto found = ids(search(q));
        ASSERT_FALSE(found.empty()) << q;
        EXPECT_EQ(found.front(), "ldd-5") << q;
    }
    EXPECT_EQ(ids(search("Article 8 of the Labour Code")).front(), "blld-8");
    // As lawyers shorten a law's name: without "và", or its initials.
    for (const std::string q : {"điều 8 luật hôn nhân gia đình", "Điều 8 Luật HNGĐ", "dieu 8 luat hngd", "Điều 8 Luật Hôn nhân và Gia đình 2014"})
        EXPECT_EQ(ids(search(q)).front(), "hngd-8") << q;
    EXPECT_EQ(ids(search("Article 2 of the Constitution")).front(), "hp-2");
    EXPECT_EQ(ids(search("điều 5 bộ luật hình sự")).front(), "blhs-5");
}

// A law named and nothing else is looked up, as a number is: its articles come before what
// the press writes about it, and where words do not tell them apart, in the law's order.
TEST_F(SearchTest, ALawNamedAloneBringsItsArticlesFirstInTheLawsOrder) {
    std::vector<Document> docs = codes_article_by_article();
    for (const char* article : {"10", "2", "1", "9a", "9"})  // indexed out of order; the last names its code
        docs.push_back(law_article("bltths-" + std::string(article), "Bộ luật Tố tụng hình sự", article,
                                   std::string(article) == "10" ? "Hiệu lực của Bộ luật Tố tụng hình sự này" : "Nội dung quy định thứ " + std::string(article)));
    for (int i = 0; i < 5; ++i)
        docs.push_back(make_document("press-" + std::to_string(i), "Bộ luật Hình sự và Bộ luật Tố tụng hình sự, BLHS và BLTTHS: Quốc hội bàn Bộ luật Hình sự sửa đổi."));
    index(std::move(docs));
    for (const std::string q : {"Bộ luật Hình sự", "bo luat hinh su", "BLHS", "Bộ luật Hình sự 2015"}) {
        const auto found = ids(search(q));
        ASSERT_GE(found.size(), 2u) << q;
        EXPECT_EQ(std::vector<std::string>(found.begin(), found.begin() + 2), (std::vector<std::string>{"blhs-5", "blhs-173"})) << q;
    }
    EXPECT_EQ(ids(search("Labour Code")).front(), "blld-8");  // its English name: Điều 8 before Điều 173
    using V = std::vector<std::string>;
    for (const std::string q : {"BLTTHS", "Bộ luật Tố tụng hình sự"}) {  // the words of article 10 add nothing to it
        const auto procedure = ids(search(q));
        ASSERT_GE(procedure.size(), 5u) << q;
        EXPECT_EQ(V(procedure.begin(), procedure.begin() + 5), (V{"bltths-1", "bltths-2", "bltths-9", "bltths-9a", "bltths-10"})) << q;
    }
    // With other words it is no look-up: the press article about it may come first.
    EXPECT_EQ(ids(search("Quốc hội bàn Bộ luật Hình sự sửa đổi")).front().substr(0, 6), "press-");
}

// "Legal documents only" (type=-article) keeps the articles of codes and leaves the press out.
TEST_F(SearchTest, ArticlesOfCodesAreLegalDocumentsNotPressArticles) {
    index(codes_article_by_article());
    Searcher searcher((dir_.path() / "db").string());
    SearchRequest request{.query = "trộm cắp tài sản"};
    request.type = "-article";
    auto found = searcher.search(request);
    ASSERT_TRUE(found.ok());
    ASSERT_FALSE(found.value().hits.empty());
    EXPECT_EQ(found.value().hits.front().document.id, "blhs-173");
    for (const Hit& hit : found.value().hits) EXPECT_NE(hit.document.id, "judgment");
    request.type = "Luật";
    found = searcher.search(request);
    ASSERT_TRUE(found.ok());
    ASSERT_FALSE(found.value().hits.empty());
    EXPECT_EQ(found.value().hits.front().document.id, "blhs-173");
}

TEST_F(SearchTest, AnArticleNamedWithoutItsCodeIsEveryCodesArticleOfThatNumber) {
    index(codes_article_by_article());
    const SearchResponse response = search("điều 173");
    ASSERT_GE(response.hits.size(), 4u);
    std::vector<std::string> first(4);
    for (std::size_t i = 0; i < 4; ++i) first[i] = response.hits[i].document.id;
    std::sort(first.begin(), first.end());
    EXPECT_EQ(first, (std::vector<std::string>{"blds-173", "blhs-173", "blld-173", "ldd-173"}));
    // With the offence's words, the criminal code's.
    EXPECT_EQ(ids(search("điều 173 trộm cắp tài sản")).front(), "blhs-173");
}

// Decrees and circulars indexed article by article, named by their numbers as collections
// name them ("law": "47/2011/tt-bca", as Zalo's legal corpus writes it); several share an
// article number, and a judgment cites one.
TEST_F(SearchTest, AnArticleOfADocumentNamedByItsNumberRanksFirst) {
    index({law_article("nd15-5", "Nghị định 15/2020/NĐ-CP", "5",
                       "Vi phạm quy định về tần số vô tuyến điện\n\nPhạt tiền từ 1.000.000 đồng đến 2.000.000 đồng."),
           law_article("nd15-6", "Nghị định 15/2020/NĐ-CP", "6", "Vi phạm quy định về sử dụng tần số vô tuyến điện."),
           law_article("tt47-5", "47/2011/tt-bca", "5", "Giấy phép lái xe\n\nNgười điều khiển phương tiện phải mang theo giấy phép."),
           law_article("tt47-7", "47/2011/tt-bca", "7", "Xử phạt lỗi không mang giấy phép lái xe."),
           law_article("nd100-5", "Nghị định 100/2019/NĐ-CP", "5", "Xử phạt người điều khiển xe ô tô vi phạm quy tắc giao thông."),
           // An amending decree's article 5, which names the other's article 5 and its number.
           law_article("nd14-5", "Nghị định 14/2022/NĐ-CP", "5",
                       "Sửa đổi, bổ sung Điều 5 Nghị định 15/2020/NĐ-CP\n\nĐiều 5 Nghị định 15/2020/NĐ-CP được sửa đổi như sau: "
                       "mức phạt tại Điều 5 Nghị định 15/2020/NĐ-CP tăng gấp đôi."),
           make_document("press", "Theo Điều 5 Nghị định 15/2020/NĐ-CP, vi phạm về tần số vô tuyến điện bị phạt tiền.")});
    for (const std::string q : {"Điều 5 Nghị định 15/2020/NĐ-CP", "điều 5 nghị định số 15/2020/nđ-cp", "dieu 5 nd 15/2020/ND-CP",
                                "khoản 1 Điều 5 của Nghị định 15/2020/NĐ-CP", "Article 5 of Decree No. 15/2020/ND-CP",
                                "15/2020/NĐ-CP điều 5"}) {
        const auto found = ids(search(q));
        ASSERT_FALSE(found.empty()) << q;
        EXPECT_EQ(found.front(), "nd15-5") << q;
        // Other documents' article 5 is not what was asked: below whatever names the decree.
        const auto rank = [&](const std::string& id) { return std::find(found.begin(), found.end(), id) - found.begin(); };
        for (const char* named : {"nd15-6", "nd14-5", "press"})
            for (const char* other : {"tt47-5", "nd100-5"}) EXPECT_LT(rank(named), rank(other)) << q << ": " << named << ", " << other;
    }
    for (const std::string q : {"Điều 7 Thông tư 47/2011/TT-BCA", "dieu 7 thong tu 47/2011/tt-bca", "điều 7 47/2011/TT-BCA"})
        EXPECT_EQ(ids(search(q)).front(), "tt47-7") << q;
    // A number typed in part names every document it fits: the circular's article 5, not the decrees'.
    for (const std::string q : {"Điều 5 Thông tư 47/2011", "điều 5 TT 47/2011"}) {
        const auto found = ids(search(q));
        ASSERT_GE(found.size(), 2u) << q;
        EXPECT_EQ(found.front(), "tt47-5") << q;
        for (const Hit& hit : search(q).hits)
            if (hit.document.id.find("nd") == 0) {
                EXPECT_LT(hit.score, kArticleBoost) << q << ": " << hit.document.id;
            }
    }
    // Each article is of its document, which is what its number is.
    const SearchResponse response = search("Điều 5 Thông tư 47/2011/TT-BCA");
    ASSERT_FALSE(response.hits.empty());
    EXPECT_EQ(response.hits.front().document.id, "tt47-5");
    EXPECT_EQ(response.hits.front().document.number, "47/2011/TT-BCA");
    EXPECT_EQ(response.hits.front().document.law, "47/2011/tt-bca");
}

// A code indexed whole, as one file: its snippet opens at the article named, not at another
// article's "tại Điều 173 của Bộ luật này", which has more of the query's words around it.
TEST_F(SearchTest, ASnippetOfAWholeCodeOpensAtTheArticleNamed) {
    std::string code = "BỘ LUẬT HÌNH SỰ\nQuốc hội ban hành Bộ luật Hình sự.\n";
    for (int n = 170; n <= 176; ++n) {
        code += "Điều " + std::to_string(n) + (n == 173 ? ". Tội trộm cắp tài sản\n" : ". Tội danh khác\n");
        code += "1. Người nào vi phạm quy định tại Điều " + std::to_string(n == 171 ? 173 : 1) +
                " của Bộ luật này thì bị xử lý theo Bộ luật hình sự.\n";
    }
    index({make_document("blhs", code)});
    for (const std::string query : {"Điều 173 Bộ luật Hình sự", "dieu 173 blhs"}) {
        const std::string snippet = search(query).hits.at(0).snippet;
        EXPECT_EQ(snippet.rfind("… <mark>Điều 173</mark>. Tội trộm cắp tài sản", 0), 0u) << query << ": " << snippet;
    }
}

// "điều" before anything but a number is an ordinary syllable: no article is asked for.
TEST_F(SearchTest, DieuKienAndDieuChinhAskForNoArticle) {
    index(codes_article_by_article());
    for (const std::string q : {"điều kiện áp dụng hình thức kỷ luật", "điều chỉnh bộ luật", "Bộ luật Hình sự điều chỉnh"}) {
        const SearchResponse response = search(q);
        ASSERT_FALSE(response.hits.empty()) << q;
        for (const Hit& hit : response.hits) EXPECT_LT(hit.score, kArticleBoost) << q << ": " << hit.document.id;
    }
    EXPECT_EQ(ids(search("điều kiện áp dụng hình thức kỷ luật")).front(), "blld-173");
}

TEST(Sources, JsonlGivesTheLawAndArticleADocumentIs) {
    TempDir dir;
    const auto file = dir.write("code.jsonl",
                                "{\"id\":\"a\",\"text\":\"Tội trộm cắp tài sản\",\"law\":\"Bộ luật Hình sự\",\"article\":\"173\"}\n"
                                "{\"id\":\"b\",\"text\":\"Tội cướp tài sản\",\"law\":\"Bộ luật Hình sự\",\"article\":168}\n"
                                "{\"id\":\"c\",\"text\":\"x\",\"law\":\"Bộ luật Hình sự\",\"article\":\"một trăm\"}\n"
                                "{\"id\":\"d\",\"text\":\"x\",\"law\":\"...\"}\n"
                                "{\"id\":\"e\",\"text\":\"x\",\"law\":\"47/2011/tt-bca\",\"article\":\"7\"}\n");
    const Read read = read_all({file.string()});
    ASSERT_EQ(read.documents.size(), 5u);
    EXPECT_EQ(read.documents[4].law, "47/2011/tt-bca");  // a circular by its number
    EXPECT_EQ(read.documents[0].law, "Bộ luật Hình sự");
    EXPECT_EQ(read.documents[0].article, "173");
    EXPECT_EQ(read.documents[1].article, "168");
    EXPECT_EQ(read.documents[2].article, "");
    EXPECT_EQ(read.documents[3].law, "");
    ASSERT_EQ(read.problems.size(), 2u);
    EXPECT_NE(read.problems[0].reason.find("\"article\" \"một trăm\" is not an article number"), std::string::npos);
    EXPECT_NE(read.problems[1].reason.find("\"law\" \"...\" names no law"), std::string::npos);
}

// A law held article by article is dated by its closing article, and so are all its articles:
// year= and sort=date find the law, not its last article only.
TEST(Sources, EveryArticleOfALawHasTheDateItsClosingArticleGives) {
    TempDir dir;
    const auto file = dir.write("laws.jsonl",
                                "{\"id\":\"ct-1\",\"text\":\"Phạm vi điều chỉnh\",\"law\":\"Luật Cư trú\",\"article\":\"1\"}\n"
                                "{\"id\":\"ct-2\",\"text\":\"Giải thích từ ngữ\",\"law\":\"Luật Cư trú\",\"article\":\"2\",\"date\":\"2021-07-01\"}\n"
                                "{\"id\":\"ct-38\",\"text\":\"Hiệu lực thi hành\\nLuật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa "
                                "Việt Nam khóa XIV, kỳ họp thứ 10 thông qua ngày 13 tháng 11 năm 2020.\",\"law\":\"Luật Cư trú\",\"article\":\"38\"}\n"
                                "{\"id\":\"dl-1\",\"text\":\"Phạm vi điều chỉnh\",\"law\":\"Luật Du lịch\",\"article\":\"1\"}\n");
    const Read read = read_all({file.string()});
    ASSERT_EQ(read.documents.size(), 4u);
    std::map<std::string, std::string> dates;
    for (const Document& doc : read.documents) dates[doc.id] = doc.date;
    EXPECT_EQ(dates["ct-1"], "2020-11-13");
    EXPECT_EQ(dates["ct-2"], "2021-07-01");  // a date the record states is its own
    EXPECT_EQ(dates["ct-38"], "2020-11-13");
    EXPECT_EQ(dates["dl-1"], "");            // another law, which says no date
}

TEST_F(SearchTest, AnArticleOfALawKeepsItsLawAndNumberAndReadsItsNumberFromItsOpening) {
    Document opening = make_document("opening", "Điều 174. Tội lừa đảo chiếm đoạt tài sản\nNgười nào bằng thủ đoạn gian dối chiếm đoạt tài sản.");
    opening.law = "Bộ luật Hình sự";
    index({opening, make_document("press", "Điều 174. Một bài báo không phải điều luật")});
    const SearchResponse response = search("Điều 174 BLHS");
    ASSERT_FALSE(response.hits.empty());
    EXPECT_EQ(response.hits.front().document.id, "opening");
    EXPECT_EQ(response.hits.front().document.law, "Bộ luật Hình sự");
    EXPECT_EQ(response.hits.front().document.article, "174");
    // Without a law, a text opening with "Điều 174." is no article of one.
    for (const Hit& hit : response.hits)
        if (hit.document.id == "press") {
            EXPECT_LT(hit.score, kArticleBoost);
        }
}

TEST_F(SearchTest, ARunOfSyllablesTypedSideBySideRanksTextThatHasItWholeFirst) {
    // "bão số 10" is storm number 10. The report on storm number 1 has "bão số" and "10" more
    // often, but never the three in a row.
    index({make_document("storm-1", "Bão số 1 giật cấp 10\nBão số 1 mạnh cấp 8, giật cấp 10. Bão số 1 đi vào vịnh Bắc Bộ, "
                                     "sóng cao 10 mét. Bão số 1 suy yếu."),
           make_document("storm-10", "Cây cao su ở Hà Tĩnh\nNăm 2013, 955 ha cao su bị thiệt hại do bão số 10, diện tích giảm "
                                      "mạnh so với năm trước; nhiều hộ trồng lại cây mới.")});
    for (const std::string query : {"bão số 10", "bao so 10"}) EXPECT_EQ(ids(search(query)).front(), "storm-10") << query;
}

// A law report's citation is pasted with its square brackets: they part no run of it.
TEST_F(SearchTest, ACitationPastedWithItsBracketsRanksTheJudgmentThatCarriesItFirst) {
    std::string long_judgment = "Dodworth v. Dale\n[1954] INSC 102.";
    for (int i = 0; i < 2; ++i) long_judgment += " The appellant sold the land to the respondent, who paid the price in full.";
    std::vector<Document> docs = {make_document("cites-22", "Judgment of 1987\nAs held in [1954] INSC 22, and again in [1954] INSC 22, "
                                                            "the appeal under section 102 fails; 102 days passed."),
                                  make_document("insc-102", long_judgment)};
    for (int i = 0; i < 10; ++i)  // so that the words of the citation are rare, as in a real collection
        docs.push_back(make_document("other-" + std::to_string(i), "Another judgment\nThe appeal is dismissed with costs."));
    index(docs);
    const SearchResponse plain = search("1954 INSC 102");
    ASSERT_EQ(ids(plain).front(), "insc-102");
    for (const std::string q : {"[1954] INSC 102", "1954 [INSC] 102"}) {
        const SearchResponse bracketed = search(q);
        ASSERT_EQ(ids(bracketed), ids(plain)) << q;
        for (std::size_t i = 0; i < plain.hits.size(); ++i) EXPECT_DOUBLE_EQ(bracketed.hits[i].score, plain.hits[i].score) << q;
    }
}

TEST_F(SearchTest, SingleQuotesMakeAPhraseAndApostrophesDoNot) {
    index({make_document("phrase", "The People’s Committee fights group interests and local interests."),
           make_document("apart", "Interests of the group; the people's local committee.")});
    EXPECT_EQ(ids(search("‘group interests’")), std::vector<std::string>{"phrase"});
    EXPECT_EQ(ids(search("'local committee'")), std::vector<std::string>{"apart"});
    EXPECT_EQ(ids(search("+'local committee' people’s")), std::vector<std::string>{"apart"});
    EXPECT_EQ(ids(search("people’s committee")).size(), 2u);  // an apostrophe quotes nothing
    EXPECT_EQ(ids(search("‘group interests")).size(), 2u);    // nor a quote that none closes
}

// Syllables typed side by side that no dictionary word joins count again where the text has
// them side by side: "bão số 10" is storm number 10, not storm number 1 with gusts of force 10.
TEST_F(SearchTest, SyllablesTypedSideBySideRankTextThatHasThemSoFirst) {
    index({make_document("apart", "Bão số 1 mạnh cấp 10, giật cấp 10 trên biển, sóng cao 10 mét"),
           make_document("side-by-side", "Cơn bão số 10 đổ bộ vào các tỉnh miền Trung trong đêm qua"),
           make_document("other", "Mưa lớn ở các tỉnh miền núi phía Bắc")});
    for (const std::string q : {"bão số 10", "bao so 10"}) {
        const auto found = ids(search(q));
        ASSERT_EQ(found.size(), 2u) << q;
        EXPECT_EQ(found.front(), "side-by-side") << q;
    }
}

// Exact forms carry no positions of their own (their positions would repeat the folded
// form's): a quoted phrase with diacritics still ranks text written with them first.
TEST_F(SearchTest, AnExactPhraseRanksExactTextFirstThoughExactFormsHaveNoPositions) {
    index({make_document("folded", "To chuc thi hanh phap luat o dia phuong"),
           make_document("exact", "Tổ chức thi hành pháp luật ở địa phương"),
           make_document("apart", "Pháp luật về thi cử và hành chính")});
    EXPECT_EQ(ids(search("\"thi hành pháp luật\"")), (std::vector<std::string>{"exact", "folded"}));
    EXPECT_EQ(ids(search("thi hành pháp luật")).front(), "exact");

    const Xapian::Database db((dir_.path() / "db").string());
    const Xapian::docid exact = *db.postlist_begin(std::string(schema::kIdPrefix) + "exact");
    for (const std::string term : {"XEtổ", "XEhành", "XEluật"}) {
        ASSERT_TRUE(db.term_exists(term)) << term;
        EXPECT_EQ(db.positionlist_begin(exact, term), db.positionlist_end(exact, term)) << term;
    }
    for (const std::string term : {"thi_hanh", "hanh"})
        EXPECT_NE(db.positionlist_begin(exact, term), db.positionlist_end(exact, term)) << term;
}

TEST_F(SearchTest, AWordThatOnlyOneWordFoldsLikeHasNoExactTermButKeepsItsLength) {
    // "thi hành", "pháp luật", "tổ chức", "địa phương": the only dictionary words that fold so;
    // "xã hội" folds like "xả hơi".
    index({make_document("implied", "Tổ chức thi hành pháp luật ở địa phương"), make_document("kept", "Vấn đề xã hội"),
           make_document("rest", "Xả hơi cuối tuần")});
    const Xapian::Database db((dir_.path() / "db").string());
    for (const std::string term : {"XEthi_hành", "XEpháp_luật", "XEtổ_chức", "XEđịa_phương"}) EXPECT_FALSE(db.term_exists(term)) << term;
    for (const std::string term : {"thi_hanh", "phap_luat", "XExã_hội", "XExả_hơi"}) EXPECT_TRUE(db.term_exists(term)) << term;
    // Each left-out exact term still counts in the length BM25 divides by: one a word.
    const Xapian::docid implied = *db.postlist_begin(std::string(schema::kIdPrefix) + "implied");
    const std::string length_term(schema::kImpliedExactTerm);
    Xapian::TermIterator it = db.termlist_begin(implied);
    it.skip_to(length_term);
    ASSERT_TRUE(it != db.termlist_end(implied) && *it == length_term);
    EXPECT_EQ(it.get_wdf(), 4u);
    // Found as before, with diacritics or without.
    EXPECT_EQ(ids(search("pháp luật")), std::vector<std::string>{"implied"});
    EXPECT_EQ(ids(search("phap luat")), std::vector<std::string>{"implied"});
    EXPECT_EQ(ids(search("xã hội")).front(), "kept");
}

TEST_F(SearchTest, ADocumentNumberInAnyVariantFindsTheCitingDocumentsFirst) {
    index({make_document("mentions-126", "Có 126 đại biểu về nghị quyết, NQ và CP được nhắc đến nhiều lần: nghị quyết nghị quyết"),
           make_document("cites", "Chỉ thị triển khai Nghị quyết số 126/NQ-CP ngày 14/8/2023"),
           make_document("cites-en", "Directive implementing Resolution No. 126/NQ-CP dated August 14, 2023"),
           make_document("other-number", "Nghị quyết số 127/NQ-CP")});
    for (const std::string q : {"126/NQ-CP", "126/nq-cp", "126 / NQ - CP", "126/NQ–CP", "Nghị quyết số 126/NQ-CP",
                                "Resolution No. 126/NQ-CP"}) {
        const auto found = ids(search(q));
        ASSERT_GE(found.size(), 2u) << q;
        std::vector<std::string> top2(found.begin(), found.begin() + 2);
        std::sort(top2.begin(), top2.end());
        EXPECT_EQ(top2, (std::vector<std::string>{"cites", "cites-en"})) << q;
    }
    EXPECT_EQ(ids(search("Resolution No. 126/NQ-CP")).front(), "cites-en");
    EXPECT_EQ(ids(search("Nghị quyết số 126/NQ-CP")).front(), "cites");
}

// As the press and hurried users write numbers: "Nghị định 15/2020", or "15/2020" alone.
TEST_F(SearchTest, ANumberWithItsYearButNotItsCodesFindsTheDocumentThenWhoCitesIt) {
    index({make_document("decree", "Nghị định số 15/2020/NĐ-CP quy định xử phạt vi phạm hành chính"),
           make_document("cites", "Theo Nghị định 15/2020, mức phạt tăng"),
           make_document("circular", "Thông tư 15/2020/TT-BTC hướng dẫn"),
           make_document("month", "Từ tháng 5/2020 và năm 2020, mức phạt tăng"),
           make_document("other", "Nghị định số 16/2020/NĐ-CP")});
    const std::vector<std::string> decree = ids(search("Nghị định 15/2020"));
    ASSERT_GE(decree.size(), 2u);
    EXPECT_EQ(std::vector<std::string>(decree.begin(), decree.begin() + 2), (std::vector<std::string>{"decree", "cites"}));
    // Every 15/2020 number, the documents that are one first.
    const std::vector<std::string> bare = ids(search("15/2020"));
    ASSERT_EQ(bare.size(), 3u) << ::testing::PrintToString(bare);
    std::vector<std::string> holders(bare.begin(), bare.begin() + 2);
    std::sort(holders.begin(), holders.end());
    EXPECT_EQ(holders, (std::vector<std::string>{"circular", "decree"}));
    EXPECT_EQ(bare.back(), "cites");
    EXPECT_EQ(ids(search("5/2020")), std::vector<std::string>{"month"});  // a month is still found as written
}

// A resolution and its translation hold one number: the one in the query's language comes
// first, else the Vietnamese original.
TEST_F(SearchTest, ANumbersOwnDocumentInTheQuerysLanguageComesFirst) {
    Document original = make_document("original", "Nghị quyết số 126/NQ-CP về một số giải pháp nâng cao hiệu quả công tác xây dựng và thi hành "
                                                  "pháp luật trong giai đoạn mới, ban hành kèm theo nhiều nhiệm vụ cụ thể của các bộ ngành.");
    original.number = "126/NQ-CP";
    original.lang = "vi";
    // Shorter, and naming its number twice: BM25 alone put it first.
    Document translation = make_document("translation", "Resolution No. 126/NQ-CP. Resolution 126/NQ-CP on law enforcement.");
    translation.number = "126/NQ-CP";
    translation.lang = "en";
    index({original, translation, make_document("plan", "Kế hoạch thực hiện Nghị quyết số 126/NQ-CP")});
    EXPECT_EQ(ids(search("126/NQ-CP")), (std::vector<std::string>{"original", "translation", "plan"}));
    EXPECT_EQ(ids(search("Nghị quyết 126/NQ-CP")).front(), "original");
    EXPECT_EQ(ids(search("Resolution No. 126/NQ-CP")).front(), "translation");
}

// As legal staff type the start of a number and press Enter.
TEST_F(SearchTest, ANumberTypedInPartFindsTheNumbersThatBeginSo) {
    index({make_document("resolution", "Thực hiện Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ"),
           make_document("joint", "Nghị quyết liên tịch số 126/NQLT-CP-TLĐ về công đoàn"),
           make_document("circular", "Theo Thông tư liên tịch 12/2015/TTLT-BTC-BTP hướng dẫn"),
           make_document("decision", "Căn cứ Quyết định số 25/2024/QĐ-UBND của UBND tỉnh"),
           make_document("other", "Bản tin số 126 về giá cả")});
    EXPECT_EQ(ids(search("126/NQ")), std::vector<std::string>{"resolution"});  // not 126/NQLT-…
    EXPECT_EQ(ids(search("nghị quyết 126/nq")).front(), "resolution");
    EXPECT_EQ(ids(search("12/2015/TTLT")), std::vector<std::string>{"circular"});
    EXPECT_EQ(ids(search("25/2024/QD-UB")), std::vector<std::string>{"decision"});
    const auto found = search("126/NQ");
    ASSERT_EQ(found.hits.size(), 1u);
    EXPECT_NE(found.hits[0].snippet.find("<mark>126/NQ-CP</mark>"), std::string::npos) << found.hits[0].snippet;
    // A whole number is asked for as itself.
    EXPECT_EQ(ids(search("126/NQLT-CP-TLĐ")), std::vector<std::string>{"joint"});
}

// Journalists check when something happened: a date finds the texts that write it any way.
TEST_F(SearchTest, ADateFindsTheTextsThatWriteItAnyWay) {
    index({make_document("slashes", "Hội nghị ngày 14/8/2023 tại Hà Nội"),
           make_document("padded", "Kết luận ngày 14/08/2023 của Bộ"),
           make_document("words", "Ngày 14 tháng 8 năm 2023, Chính phủ họp"),
           make_document("english", "The meeting on August 14, 2023 in Hanoi"),
           make_document("us", "The meeting on 8/14/2023 in Hanoi"),
           make_document("other", "Hội nghị ngày 15/8/2023 tại Hà Nội")});
    for (const std::string q : {"14/8/2023", "14/08/2023", "2023-08-14", "ngày 14 tháng 8 năm 2023", "August 14, 2023", "8/14/2023"}) {
        std::vector<std::string> found = ids(search(q));
        std::erase(found, "other");  // may match by its words ("hội nghị", "tháng") but not first
        std::sort(found.begin(), found.end());
        EXPECT_EQ(found, (std::vector<std::string>{"english", "padded", "slashes", "us", "words"})) << q;
        EXPECT_NE(ids(search(q)).front(), "other") << q;
    }
    // A snippet marks the date, not the year of another date.
    index({make_document("two-dates", "Họp ngày 14/8/2023, sau cuộc họp ngày 05/10/2023")});
    std::string snippet;
    for (const auto& hit : search("14/8/2023").hits)
        if (hit.document.id == "two-dates") snippet = hit.snippet;
    EXPECT_NE(snippet.find("<mark>14/8/2023</mark>"), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find("<mark>2023</mark>"), std::string::npos) << snippet;
}

// A date asks first for what was issued or published that day, as a number asks first for
// the document that is it, then for the texts that mention it.
TEST_F(SearchTest, ADateFindsTheDocumentOfThatDayBeforeTheTextsMentioningIt) {
    const auto on = [](std::string id, std::string text, std::string date) {
        Document doc = make_document(std::move(id), std::move(text));
        doc.date = std::move(date);
        return doc;
    };
    std::vector<Document> docs = {
        on("resolution", "CHÍNH PHỦ\nSố: 126/NQ-CP\nHà Nội, ngày 14 tháng 8 năm 2023\nNGHỊ QUYẾT\nVề một số giải pháp thi hành pháp luật",
           "2023-08-14"),
        on("plan", "Kế hoạch thực hiện Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ", "2023-09-22"),
        on("directive", "Chỉ thị triển khai Nghị quyết 126/NQ-CP ngày 14/8/2023, các sở báo cáo trước ngày 14/8/2023", "2023-10-02"),
        on("article", "Giá xăng giảm từ chiều nay", "2023-08-14"),
        on("later", "Giá xăng tăng từ chiều nay", "2023-08-15")};
    for (int i = 0; i < 20; ++i) docs.push_back(on("filler-" + std::to_string(i), "Tin thời sự số " + std::to_string(i), "2023-07-01"));
    index(docs);
    for (const std::string q : {"14/8/2023", "ngày 14 tháng 8 năm 2023", "August 14, 2023"}) {
        const std::vector<std::string> found = ids(search(q));
        ASSERT_GE(found.size(), 4u) << q;
        std::vector<std::string> first(found.begin(), found.begin() + 2), next(found.begin() + 2, found.begin() + 4);
        std::sort(first.begin(), first.end());
        std::sort(next.begin(), next.end());
        EXPECT_EQ(first, (std::vector<std::string>{"article", "resolution"})) << q << ": " << ::testing::PrintToString(found);
        EXPECT_EQ(next, (std::vector<std::string>{"directive", "plan"})) << q;
    }
    // The other words still count: the resolution of that day, then the article of that day.
    const std::vector<std::string> resolution = ids(search("nghị quyết 14/8/2023"));
    ASSERT_GE(resolution.size(), 2u);
    EXPECT_EQ(resolution.front(), "resolution");
    // The day weighs about what a rare word does: the article of that day comes before the
    // same word's text of another day, and after a text that has all the words it lacks (typed
    // side by side, and so written).
    const std::vector<std::string> prices = ids(search("xăng 14/8/2023"));
    ASSERT_GE(prices.size(), 2u);
    EXPECT_EQ(prices.front(), "article") << ::testing::PrintToString(prices);
    const std::vector<std::string> rises = ids(search("xăng tăng 14/8/2023"));
    ASSERT_GE(rises.size(), 2u);
    EXPECT_EQ(rises.front(), "later") << ::testing::PrintToString(rises);
}

TEST_F(SearchTest, ANumberIsMarkedWholeNotItsYearElsewhere) {
    index({make_document("decision", "Ninh Bình, ngày 5 tháng 3 năm 2024\nCăn cứ Nghị định số 112/2024/NÐ-CP ngày 11/9/2024.")});
    for (const std::string q : {"112/2024/ND-CP", "112/2024/NĐ-CP"}) {
        const auto found = search(q);
        ASSERT_EQ(found.hits.size(), 1u) << q;  // the eth for Đ read as Đ
        const std::string& snippet = found.hits[0].snippet;
        EXPECT_NE(snippet.find("<mark>112/2024/NÐ-CP</mark>"), std::string::npos) << snippet;
        EXPECT_EQ(snippet.find("<mark>2024</mark>"), std::string::npos) << snippet;
    }
}

TEST_F(SearchTest, TextWithTheWordsRanksAboveTextWithTheSyllablesApart) {
    index({make_document("apart", "Luật thi đua mới hành động theo pháp chế"),
           make_document("words", "Tăng cường thi hành pháp luật ở địa phương")});
    EXPECT_EQ(ids(search("thi hành pháp luật")), (std::vector<std::string>{"words", "apart"}));
    EXPECT_EQ(ids(search("thi hanh phap luat")), (std::vector<std::string>{"words", "apart"}));
}

TEST_F(SearchTest, AJsonlTitleIsFoundButNoPhraseRunsFromTheTextIntoIt) {
    // The text ends with a word of several syllables; the title (not the text's first line)
    // is numbered after the text with a gap, past that word's last syllable.
    Document doc = make_document("guide", "Tăng cường thi hành pháp luật");
    doc.title = "Hướng dẫn mới";
    index({doc});
    EXPECT_EQ(ids(search("hướng dẫn mới")), (std::vector<std::string>{"guide"}));
    EXPECT_EQ(ids(search("\"hướng dẫn mới\"")), (std::vector<std::string>{"guide"}));
    EXPECT_TRUE(ids(search("\"pháp luật hướng dẫn\"")).empty());
    EXPECT_TRUE(ids(search("\"luật hướng\"")).empty());
}

TEST_F(SearchTest, TheQuerySideAnalyzesAsTheIndexWasBuilt) {
    IndexWriter(( dir_.path() / "db").string(), AnalyzerOptions{.words = false}).commit();
    index({make_document("a", "Tăng cường thi hành pháp luật")});  // keeps the recorded options
    Xapian::Database db((dir_.path() / "db").string());
    EXPECT_EQ(db.get_termfreq("thi_hanh"), 0u);
    EXPECT_EQ(ids(search("\"thi hành pháp luật\"")), std::vector<std::string>{"a"});
    EXPECT_THROW(IndexWriter((dir_.path() / "db").string(), AnalyzerOptions{.words = true}), std::runtime_error);
}

TEST_F(SearchTest, EnglishIsStemmed) {
    index({make_document("en", "The directive implements the resolution of the Government"),
           make_document("vi", "Chỉ thị thực hiện nghị quyết")});
    EXPECT_EQ(ids(search("implementing resolutions")), std::vector<std::string>{"en"});
}

TEST_F(SearchTest, AHyphenatedEnglishCompoundIsFoundTypedWhole) {
    index({make_document("en", "Discipline in law-making\nThe directive asks for co-operation and decision-making by "
                               "e-mail in law-making."),
           make_document("other", "The law on making toys; the operation of the committee.")});
    for (const std::string query : {"lawmaking", "cooperation", "email", "decisionmaking"})
        EXPECT_EQ(ids(search(query)), std::vector<std::string>{"en"}) << query;
    const auto response = search("lawmaking");
    ASSERT_EQ(response.hits.size(), 1u);
    EXPECT_NE(response.hits[0].snippet.find("<mark>law-making</mark>"), std::string::npos) << response.hits[0].snippet;
    // Two words apart are no compound, and a compound typed with its hyphen stays a phrase.
    EXPECT_EQ(ids(search("\"law-making\"")), std::vector<std::string>{"en"});
    Xapian::Database db((dir_.path() / "db").string());
    EXPECT_EQ(db.get_termfreq("Zlawmak"), 1u);
}

TEST_F(SearchTest, AnEnglishCompoundTypedWithAHyphenFindsItWrittenWhole) {
    index({make_document("whole", "Lawmaking in the assembly\nThe assembly debated lawmaking by email."),
           make_document("other", "Making toys is no law of the assembly.")});
    const auto response = search("law-making");
    ASSERT_FALSE(response.hits.empty());
    EXPECT_EQ(response.hits[0].document.id, "whole");
    EXPECT_NE(response.hits[0].snippet.find("<mark>lawmaking</mark>"), std::string::npos) << response.hits[0].snippet;
    EXPECT_EQ(ids(search("e-mail")), std::vector<std::string>{"whole"});
}

// Vietnamese press writes "e-mail" and "email", "COVID-19" and "Covid19", "on-line" and
// "online": either finds the other, and a word typed with hyphens is asked for whole, not its
// parts apart ("line" of the articles on the LINE app).
TEST_F(SearchTest, AWordWrittenWithHyphensIsFoundWrittenInOnePieceAndTheOtherWayRound) {
    index({make_document("vi-hyphen", "Người dân có thể gửi e-mail tố cáo tới cơ quan thanh tra trong dịch COVID-19."),
           make_document("vi-whole", "Bạn đọc gửi email cho tòa soạn về dịch Covid19 ở địa phương."),
           make_document("line-app", "Ứng dụng LINE ra mắt bản mới; LINE thêm tính năng gọi điện và LINE miễn phí."),
           make_document("online", "Dịch vụ công giúp người dân nộp hồ sơ on-line, không phải đến trụ sở."),
           make_document("other", "Đội tuyển thắng 1-0 ở chung kết. Nghị quyết 126/NQ-CP xem tại https://example.vn/trien-khai-nghi-quyet")});
    for (const std::string query : {"email", "e-mail", "E-Mail"})
        EXPECT_EQ(sorted_ids(query), (std::vector<std::string>{"vi-hyphen", "vi-whole"})) << query;
    for (const std::string query : {"covid19", "COVID-19", "covid-19"})
        EXPECT_EQ(sorted_ids(query), (std::vector<std::string>{"vi-hyphen", "vi-whole"})) << query;
    EXPECT_EQ(ids(search("on-line")), std::vector<std::string>{"online"});
    EXPECT_EQ(ids(search("online")), std::vector<std::string>{"online"});
    // At the positions of its first and last parts: phrases find it either way.
    EXPECT_EQ(sorted_ids("\"gửi email\""), (std::vector<std::string>{"vi-hyphen", "vi-whole"}));
    EXPECT_EQ(sorted_ids("\"email tố cáo\""), std::vector<std::string>{"vi-hyphen"});
    const auto response = search("email tố cáo");
    ASSERT_FALSE(response.hits.empty());
    EXPECT_EQ(response.hits[0].document.id, "vi-hyphen");
    EXPECT_NE(response.hits[0].snippet.find("<mark>e-mail</mark>"), std::string::npos) << response.hits[0].snippet;
    const auto hyphen_typed = search("gửi e-mail");
    ASSERT_EQ(hyphen_typed.hits.size(), 2u);
    for (const auto& hit : hyphen_typed.hits) {
        EXPECT_EQ(hit.snippet.find("<mark>e</mark>"), std::string::npos) << hit.snippet;  // marked whole, not in parts
        EXPECT_TRUE(hit.snippet.find("<mark>e-mail</mark>") != std::string::npos || hit.snippet.find("<mark>email</mark>") != std::string::npos)
            << hit.snippet;
    }
    // Sorted by date, where every word is required: the word typed with hyphens, either way.
    Searcher searcher((dir_.path() / "db").string());
    SearchRequest by_date{.query = "gửi e-mail"};
    by_date.sort = SortOrder::date;
    const auto dated = searcher.search(by_date);
    ASSERT_TRUE(dated.ok());
    std::vector<std::string> found = ids(dated.value());
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, (std::vector<std::string>{"vi-hyphen", "vi-whole"}));
    // No word of a score, of a document number's codes or of a path.
    Xapian::Database db((dir_.path() / "db").string());
    EXPECT_EQ(db.get_termfreq("10"), 0u);
    EXPECT_EQ(db.get_termfreq("nqcp"), 0u);
    EXPECT_EQ(db.get_termfreq("trienkhai"), 0u);
    EXPECT_EQ(db.get_termfreq("trienkhainghi"), 0u);
    EXPECT_EQ(db.get_termfreq("email"), 2u);
}

// Stems are indexed for English documents only, so "Zquy" or "Znguyen" is rare: counted as a
// term of its own, a syllable in an English article's URL or in its names weighed more than the
// Vietnamese text that a query typed without diacritics is after.
TEST_F(SearchTest, AQueryWithoutDiacriticsPrefersVietnameseTextToEnglishThatBorrowsItsSyllables) {
    index({make_document("en-url", "The provincial committee reviewed the inspection work of the year.\n"
                                   "Source: https://example.vn/trien-khai-quy-dinh-moi"),
           make_document("en-names", "Comrade Nguyen Ngoc Tien, comrade Nguyen Van Hai and comrade Nguyen Thi Lan "
                                     "of Thanh Hoa met the delegates of Thanh Son district."),
           make_document("en-other", "The court dismissed the appeal and upheld the judgment."),
           make_document("en-article", "Vice Chairman of the Provincial People's Committee Nguyen Thanh Binh "
                                       "has just signed the directive."),
           make_document("vi-rule", "Các cơ quan thực hiện quy định mới về thuế. Quy định này có hiệu lực ngay."),
           make_document("vi-name", "Chủ tịch Nguyễn Thanh Bình đã ký chỉ thị về công tác thanh tra."),
           make_document("vi-1", "Ông Nguyễn Văn An ở Thanh Hóa dự hội nghị về quy hoạch tại Bình Định."),
           make_document("vi-2", "Bà Nguyễn Thị Thanh và ông Trần Văn Bình nói về định hướng phát triển."),
           make_document("vi-3", "Tỉnh Bình Thuận và tỉnh Thanh Hóa bàn về quy trình cấp phép.")});
    const auto rule = ids(search("quy dinh"));  // a dictionary word: the query is Vietnamese
    ASSERT_FALSE(rule.empty());
    EXPECT_EQ(rule.front(), "vi-rule");
    // A name: the language is not known. The English article and its Vietnamese original
    // both hold the name, the article's after "Committee" as well.
    auto name = ids(search("Nguyen Thanh Binh"));
    ASSERT_GE(name.size(), 2u);
    name.resize(2);
    std::sort(name.begin(), name.end());
    EXPECT_EQ(name, (std::vector<std::string>{"en-article", "vi-name"}));
}

TEST_F(SearchTest, ANameRareInOneLanguageDoesNotOutweighTheCommonWordTyped) {
    index({make_document("vi-1", "Các quy định mới về thuế"), make_document("vi-2", "Quy định xử phạt giao thông"),
           make_document("vi-3", "Bộ ban hành quy định về đất đai"), make_document("vi-4", "Sửa đổi quy định về nhà ở"),
           make_document("en", "New regulation on taxes")});
    for (const std::string q : {"quy định", "quy dinh"}) {
        const std::vector<std::string> found = ids(search(q));
        ASSERT_EQ(found.size(), 5u) << q;  // "regulation" is still found
        EXPECT_EQ(found.back(), "en") << q << ": " << ::testing::PrintToString(found);
    }
}

TEST_F(SearchTest, ReindexingAnIdReplacesTheDocument) {
    index({make_document("a", "phiên bản cũ")});
    index({make_document("a", "phiên bản mới")});
    Searcher searcher((dir_.path() / "db").string());
    EXPECT_EQ(searcher.document_count(), 1u);
    EXPECT_TRUE(ids(search("cũ")).empty());
    EXPECT_EQ(ids(search("mới")), std::vector<std::string>{"a"});
}

TEST_F(SearchTest, StoresMetadataAndReferences) {
    index({make_document("a", "Tiêu đề\n22/09/2023 20:01\nThực hiện Nghị quyết số 126/NQ-CP và Quy định 69-QD/TW, lại 126/NQ-CP.\nSource: https://example.vn/a")});
    Searcher searcher((dir_.path() / "db").string());
    const auto doc = searcher.document("a");
    ASSERT_TRUE(doc.has_value());
    EXPECT_EQ(doc->title, "Tiêu đề");
    EXPECT_EQ(doc->lang, "vi");
    EXPECT_EQ(doc->date, "2023-09-22");
    EXPECT_EQ(doc->url, "https://example.vn/a");
    EXPECT_EQ(doc->references, (std::vector<std::string>{"126/NQ-CP", "69-QĐ/TW"}));
    EXPECT_FALSE(searcher.document("b").has_value());
}

TEST_F(SearchTest, SnippetsMarkFoldedMatches) {
    index({make_document("a", "Phó Chủ tịch ký Chỉ thị thực hiện Nghị quyết số 126/NQ-CP <về> pháp luật")});
    const auto response = search("nghi quyet");
    ASSERT_EQ(response.hits.size(), 1u);
    const std::string& snippet = response.hits[0].snippet;
    EXPECT_NE(snippet.find("<mark>Nghị quyết</mark>"), std::string::npos) << snippet;  // the word, found folded
    EXPECT_NE(snippet.find("&lt;về&gt;"), std::string::npos) << snippet;  // text is escaped
    const auto by_number = search("126/nq-cp");
    EXPECT_NE(by_number.hits[0].snippet.find("<mark>126/NQ-CP</mark>"), std::string::npos) << by_number.hits[0].snippet;
}

TEST_F(SearchTest, AWordTypedWithDiacriticsMarksItsOwnFormNotAnotherThatFoldsAlike) {
    index({make_document("storm", "Dự báo bão số 10 sẽ vào đất liền; bản tin dự báo phát lúc 10 giờ"),
           make_document("forecast", "Bản tin dự báo thời tiết phát lúc 10 giờ sáng nay"),
           make_document("plain", "Du bao bao so 10 se vao dat lien")});
    std::map<std::string, std::string> snippets;
    for (const Hit& hit : search("bão").hits) snippets[hit.document.id] = hit.snippet;
    EXPECT_EQ(snippets["storm"], "Dự báo <mark>bão</mark> số 10 sẽ vào đất liền; bản tin dự báo phát lúc 10 giờ");
    // Text that never writes it as typed: its forms that fold alike are what matched.
    EXPECT_EQ(snippets["forecast"], "Bản tin dự <mark>báo</mark> thời tiết phát lúc 10 giờ sáng nay");
    // Text without diacritics is marked as the folded query matched it.
    EXPECT_EQ(snippets["plain"], "Du <mark>bao</mark> <mark>bao</mark> so 10 se vao dat lien");
    // Typed without diacritics, every form is.
    for (const Hit& hit : search("bao").hits) snippets[hit.document.id] = hit.snippet;
    EXPECT_NE(snippets["storm"].find("<mark>báo</mark> <mark>bão</mark>"), std::string::npos) << snippets["storm"];
}

TEST_F(SearchTest, AWordWithoutDiacriticsInAQueryTypedWithThemIsMarkedAsWritten) {
    // "tai" of "tai nạn" is written so: the "tải" of "xe tải" matched the folded syllable, but
    // the reader who types diacritics did not ask for it. Typed without any, "tai" is every form.
    index({make_document("a", "Xe tải gây tai nạn giao thông trên quốc lộ 1A")});
    EXPECT_EQ(search("tai nạn giao thông").hits.at(0).snippet,
              "Xe tải gây <mark>tai nạn</mark> <mark>giao thông</mark> trên quốc lộ 1A");
    // Typed without any, a word of several syllables is marked whole where the text writes it,
    // and its syllables are not marked alone: "tải" matched "tai", but "tai nan" asked for "tai nạn".
    EXPECT_EQ(search("tai nan giao thong").hits.at(0).snippet,
              "Xe tải gây <mark>tai nạn</mark> <mark>giao thông</mark> trên quốc lộ 1A");
    EXPECT_EQ(search("tai").hits.at(0).snippet, "Xe <mark>tải</mark> gây <mark>tai</mark> nạn giao thông trên quốc lộ 1A");
}

// A multi-syllable word of the query is marked where the text writes it, and its syllables
// alone are not ("vi phạm" is no "Phạm vi", "hành chính" no "hành vi"); a text that lacks the
// word, which search found by the syllables apart, has them marked.
TEST_F(SearchTest, TheSyllablesOfAQueryWordAreMarkedAloneOnlyWhereTheTextLacksTheWord) {
    index({make_document("decree", "Phạm vi điều chỉnh: hành vi vi phạm hành chính và hình thức xử phạt."),
           make_document("apart", "Phạm vi hoạt động của hành vi này.")});
    std::map<std::string, std::string> snippets;
    for (const Hit& hit : search("xử phạt vi phạm hành chính").hits) snippets[hit.document.id] = hit.snippet;
    EXPECT_EQ(snippets["decree"], "Phạm vi điều chỉnh: hành vi <mark>vi phạm</mark> <mark>hành chính</mark> và hình thức <mark>xử phạt</mark>.");
    EXPECT_EQ(snippets["apart"], "<mark>Phạm</mark> <mark>vi</mark> hoạt động của <mark>hành</mark> <mark>vi</mark> này.");
}

TEST_F(SearchTest, AQuotedPhraseIsMarkedWhereTheTextSaysItNotItsWordsElsewhere) {
    index({make_document("a", "Nhóm lợi ích lớn đã vận động. Tỉnh ngăn chặn lợi ích nhóm trong thi hành pháp luật.")});
    for (const std::string query : {"\"lợi ích nhóm\"", "“loi ich nhom”"}) {
        const std::string snippet = search(query).hits.at(0).snippet;
        EXPECT_EQ(snippet, "Nhóm lợi ích lớn đã vận động. Tỉnh ngăn chặn <mark>lợi ích nhóm</mark> trong thi hành pháp luật.")
            << query;
    }
    // Its words typed outside the quotes are marked wherever they are.
    EXPECT_NE(search("\"lợi ích nhóm\" vận động").hits.at(0).snippet.find("<mark>vận động</mark>"), std::string::npos);
    // A text that does not say it whole (here only the title does) shows its words where they are.
    Document titled = make_document("titled", "Nhóm công tác bàn về lợi ích của người dân trong năm nay.");
    titled.title = "Ngăn chặn lợi ích nhóm";
    index({titled});
    std::map<std::string, std::string> snippets;
    for (const Hit& hit : search("\"lợi ích nhóm\"").hits) snippets[hit.document.id] = hit.snippet;
    EXPECT_EQ(snippets["titled"], "<mark>Nhóm</mark> công tác bàn về <mark>lợi ích</mark> của người dân trong năm nay.");
    EXPECT_EQ(snippets["a"], "Nhóm lợi ích lớn đã vận động. Tỉnh ngăn chặn <mark>lợi ích nhóm</mark> trong thi hành pháp luật.");
}

TEST_F(SearchTest, AMatchNearTheEndOfTheWindowIsShownNotCutOff) {
    // The window that counts the most matches starts at the first "bão"; the phrase lies near
    // its end, which the lead-in before the first match must not push out of the snippet.
    index({make_document("a", "Mở đầu bài viết về cây cao su. Từ 2007 đến 2012, các đợt gió bão đã tàn phá làm đổ gãy, "
                              "mất trắng trên 500 ha cao su đã đến thời kỳ thu hoạch. Từ 2013 đến 2016, Hà Tĩnh đã phải "
                              "thanh lý 955 ha bị thiệt hại do bão số 10 và bão số 11 năm 2013. Như vậy diện tích giảm mạnh.")});
    const std::string phrase = search("\"bão số 10\"").hits.at(0).snippet;
    EXPECT_NE(phrase.find("do <mark>bão số 10</mark> và"), std::string::npos) << phrase;
    const std::string words = search("bão số 10").hits.at(0).snippet;
    EXPECT_NE(words.find("do <mark>bão</mark> <mark>số</mark> <mark>10</mark> và"), std::string::npos) << words;
}

TEST_F(SearchTest, SnippetsStepOverPressBoilerplate) {
    // A photo credit between paragraphs and the footer after the last are stored, but a reader
    // of the result list is shown the article's sentences.
    index({make_document("a", "Hà Nội kiểm tra an toàn thực phẩm\nSở Y tế Hà Nội triển khai đợt kiểm tra.\nẢnh minh họa\n"
                              "Đoàn kiểm tra làm việc trên địa bàn thành phố.\nComment (0)\nLike 12 | Share | Tweet\n"
                              "Hotline: 0987 654 321 - Email: bandoc@example.vn\nMinh Anh")});
    EXPECT_EQ(search("dia ban thanh pho").hits.at(0).snippet,
              "… thực phẩm Sở Y tế Hà Nội triển khai đợt kiểm tra. Đoàn kiểm tra làm việc trên <mark>địa bàn</mark> "
              "<mark>thành phố</mark>. Minh Anh");
    EXPECT_EQ(search("so y te").hits.at(0).snippet,
              "… thực phẩm <mark>Sở</mark> <mark>Y tế</mark> Hà Nội triển khai đợt kiểm tra. Đoàn kiểm tra làm việc trên địa bàn thành phố. "
              "Minh Anh");
}

// Title words are folded and carry no weight of their own: the words as typed rank the titles
// found, so "title:giá title:đất" puts land prices above "giá đắt" (expensive).
TEST_F(SearchTest, TitleFieldWordsAsTypedRankTheTitlesFound) {
    index({make_document("dat", "Giá đắt nhưng vẫn mua\n\nNgười tiêu dùng chấp nhận giá đắt."),
           make_document("land", "Giá đất tăng mạnh\n\nGiá đất ở ngoại thành tăng."),
           make_document("body", "Tin khác\n\nGiá đất trong bài, không trong tiêu đề.")});
    const SearchResponse response = search("title:giá title:đất");
    ASSERT_EQ(response.hits.size(), 2u);
    EXPECT_EQ(response.hits[0].document.id, "land");
    EXPECT_GT(response.hits[0].score, response.hits[1].score);
    EXPECT_EQ(ids(search("title:\"giá đắt\"")).front(), "dat");
}

// A number typed alone is a Vietnamese query: after the document that is it, the Vietnamese
// documents citing it before the English press, however short; in an English query, the English.
TEST_F(SearchTest, CitingDocumentsInTheQuerysLanguageComeFirst) {
    Document resolution = make_document("nq-126", "Nghị quyết về một số giải pháp nâng cao chất lượng xây dựng pháp luật");
    resolution.number = "126/NQ-CP";
    std::string directive = "Chỉ thị triển khai thực hiện Nghị quyết số 126/NQ-CP của Chính phủ.";
    for (int i = 0; i < 8; ++i) directive += " Các sở, ban, ngành rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý.";
    Document en1 = make_document("en-1", "Officials discuss Resolution 126/NQ-CP on lawmaking.");
    en1.lang = "en";
    Document en2 = make_document("en-2", "Hue implements Resolution 126/NQ-CP.");
    en2.lang = "en";
    index({resolution, make_document("ct-vi", directive), en1, en2});
    const auto found = ids(search("126/NQ-CP"));
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0], "nq-126");
    EXPECT_EQ(found[1], "ct-vi");
    EXPECT_EQ(ids(search("Resolution No. 126/NQ-CP")).at(1).rfind("en-", 0), 0u);
}

// A number as lists and people write it alone: codes first ("NQ-CP 126"), or its type and
// serial ("QĐ 1880", "Quyết định 1880"), as ref= reads it; the document that is it first.
TEST_F(SearchTest, ANumberTypedCodesFirstOrInPartFindsTheDocumentThatIsIt) {
    Document decision = make_document("qd-1880", "Quyết định phê duyệt quy hoạch tỉnh");
    decision.number = "1880/QĐ-TTg";
    Document resolution = make_document("nq-126", "Nghị quyết về giải pháp nâng cao chất lượng xây dựng pháp luật");
    resolution.number = "126/NQ-CP";
    index({decision, resolution,
           make_document("press", "Theo QĐ mới, 1880 hộ dân được hỗ trợ; nghị quyết 126 hộ khác đang chờ, quy hoạch tỉnh"),
           make_document("citing", "Thực hiện Quyết định số 1880/QĐ-TTg, tỉnh triển khai quy hoạch.")});
    for (const std::string q : {"QĐ 1880", "qd 1880", "Quyết định 1880", "QĐ-TTg 1880"}) {
        const auto found = ids(search(q));
        ASSERT_GE(found.size(), 2u) << q;
        EXPECT_EQ(found[0], "qd-1880") << q;
        EXPECT_EQ(found[1], "citing") << q;
    }
    EXPECT_EQ(ids(search("NQ-CP 126")).front(), "nq-126");
}

TEST_F(SearchTest, ASnippetCountsAWordForItsSyllables) {
    // "Nghị quyết" and "126" together hold every word of the query; "biểu quyết … QUYẾT NGHỊ"
    // later holds two syllables, three times.
    std::string text = "Số: 126/NQ-CP\nNGHỊ QUYẾT\nVỀ MỘT SỐ GIẢI PHÁP NÂNG CAO HIỆU QUẢ\n";
    for (int i = 0; i < 6; ++i) text += "Chính phủ nêu giải pháp nâng cao hiệu quả công tác xây dựng pháp luật trong năm tới. ";
    text += "\nTrên cơ sở kết quả biểu quyết của các thành viên tại phiên họp thường kỳ, QUYẾT NGHỊ:\nI. MỤC TIÊU\n";
    index({make_document("nq", text)});
    const std::string snippet = search("nghi quyet 126").hits.at(0).snippet;
    EXPECT_NE(snippet.find("<mark>126"), std::string::npos) << snippet;  // "Nghị quyết 126" is also looked up as a number
    EXPECT_NE(snippet.find("<mark>NGHỊ QUYẾT</mark>"), std::string::npos) << snippet;
}

TEST_F(SearchTest, ASnippetShowsTheQueryWordsWholeBeforeTheirSyllablesApart) {
    // The first paragraph has every syllable of "quy định xử lý hồ sơ", but only "xử lý" as the
    // word asked for ("quy phạm", "xác định", "sơ bộ", "hồ chứa"); the last has two of the
    // words, a screen further on: that is what the reader asked for.
    std::string text = "Tiêu đề\nRà soát văn bản quy phạm, xử lý vi phạm, xác định trách nhiệm, đánh giá sơ bộ hồ chứa.\n";
    for (int i = 0; i < 4; ++i) text += "Các sở, ngành báo cáo kết quả thực hiện nhiệm vụ trong năm với Ủy ban nhân dân tỉnh. ";
    text += "\nTheo quy định mới, cơ quan có thẩm quyền xử lý đơn thư trong năm ngày làm việc.";
    index({make_document("a", text)});
    for (const std::string query : {"quy dinh xu ly ho so", "quy định xử lý hồ sơ"}) {
        const std::string snippet = search(query).hits.at(0).snippet;
        EXPECT_NE(snippet.find("<mark>quy định</mark> mới, cơ quan có thẩm quyền <mark>xử lý</mark>"), std::string::npos)
            << query << ": " << snippet;
    }
}

TEST_F(SearchTest, ASnippetNearTheEndReachesBackForWhatItSays) {
    // The name matches in the signature, the text's last line: shown alone, it says nothing.
    index({make_document("qd", "Quyết định phê duyệt quy hoạch\nPhê duyệt quy hoạch chung xây dựng khu kinh tế Vân Đồn đến năm "
                               "2040. Giao Sở Xây dựng hướng dẫn thực hiện.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nCao Tường Huy")});
    const std::string snippet = search("Cao Tường Huy").hits.at(0).snippet;
    EXPECT_NE(snippet.find("Giao Sở Xây dựng hướng dẫn thực hiện."), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("<mark>Cao Tường Huy</mark>"), std::string::npos) << snippet;
}

TEST_F(SearchTest, SnippetsMarkADateHoweverTheTextWritesIt) {
    index({make_document("en", "Resolution\nThe Government signed it on August 14, 2023 in Hanoi."),
           make_document("vi", "Nghị quyết\nChính phủ ký ngày 14 tháng 8 năm 2023 tại Hà Nội."),
           make_document("figures", "Nghị quyết\nChính phủ ký ngày 14/08/2023 tại Hà Nội.")});
    std::map<std::string, std::string> snippets;
    for (const Hit& hit : search("14/8/2023").hits) snippets[hit.document.id] = hit.snippet;
    EXPECT_NE(snippets["en"].find("<mark>August 14, 2023</mark>"), std::string::npos) << snippets["en"];
    EXPECT_NE(snippets["vi"].find("<mark>ngày 14 tháng 8 năm 2023</mark>"), std::string::npos) << snippets["vi"];
    EXPECT_NE(snippets["figures"].find("<mark>14/08/2023</mark>"), std::string::npos) << snippets["figures"];
    // Typed in words, the date is marked as the date, and another date's words are not.
    index({make_document("law", "Nghị quyết\nCăn cứ Luật ngày 19 tháng 6 năm 2015; Chính phủ ban hành ngày 14 tháng 8 năm 2023.")});
    const std::string snippet = search("ngày 14 tháng 8 năm 2023").hits.at(0).snippet;
    EXPECT_NE(snippet.find("<mark>ngày 14 tháng 8 năm 2023</mark>"), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find("<mark>tháng</mark>"), std::string::npos) << snippet;
}

TEST_F(SearchTest, SnippetMarksAWordAsTheSegmenterJoinsIt) {
    // A no-break space or a tab between syllables still makes one word for the segmenter
    // (and so one term in the index); the mark spans the same word. A comma does not.
    index({make_document("a", "Ban hành Nghị\u00A0quyết mới và Nghị\tquyết cũ; nghị, quyết")});
    const auto response = search("nghị quyết");
    ASSERT_EQ(response.hits.size(), 1u);
    const std::string& snippet = response.hits[0].snippet;
    EXPECT_NE(snippet.find("<mark>Nghị\u00A0quyết</mark>"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("và <mark>Nghị quyết</mark> cũ"), std::string::npos) << snippet;  // snippets show a tab as a space
    EXPECT_EQ(snippet.find("<mark>nghị, quyết</mark>"), std::string::npos) << snippet;
}

TEST_F(SearchTest, AQuotationNearTheEndOfTheBestWindowIsNotCutOffByTheLeadIn) {
    // Its words apart come first ("cà phê", "tại"), the quotation some 200 bytes on: a window
    // counted from the first of them held the quotation, the window shown (which starts a
    // little before it) did not. Real text of a news article; the quote checked must be shown.
    index({make_document("a", "Tiêu đề\nĐến cuối năm 2016, dư nợ cho vay đối với ngành cà phê tại khu vực Tây Nguyên đạt trên "
                              "45.000 tỷ đồng, tăng 13,53% so với 31/12/2015 (chiếm 92,4% dư nợ cho vay đối với ngành cà "
                              "phê toàn quốc). Về chính sách cho vay tái canh cà phê tại các tỉnh Tây Nguyên, NHNN đã có "
                              "văn bản chỉ đạo Ngân hàng Nông nghiệp triển khai cho vay.")});
    for (const std::string query : {"\"tai canh ca phe\"", "\"tái canh cà phê\""}) {
        const auto response = search(query);
        ASSERT_EQ(response.hits.size(), 1u) << query;
        EXPECT_NE(response.hits[0].snippet.find("<mark>tái canh cà phê</mark>"), std::string::npos) << response.hits[0].snippet;
    }
    Searcher searcher((dir_.path() / "db").string());
    const Result<CheckResult> checked = searcher.check("The bank would lend for “tai canh ca phe” in the region.");
    ASSERT_TRUE(checked.ok());
    ASSERT_EQ(checked.value().quotes.size(), 1u);
    ASSERT_EQ(checked.value().quotes[0].documents.size(), 1u);
    const std::string& snippet = checked.value().quotes[0].documents[0].snippet;
    EXPECT_NE(snippet.find("<mark>tái canh cà phê</mark>"), std::string::npos) << snippet;
}

TEST_F(SearchTest, ACheckedQuotationIsMarkedNotItsWordsElsewhere) {
    // "and" and "tư" (folded, the "Tú" of a name) around the passage are no match of it.
    index({make_document("en", "Directive\nIt aims to improve building and perfecting the legal system and organizing law "
                               "enforcement to prevent corruption, group interests and local interests."),
           make_document("vi", "Tin\nPhó Thống đốc Đào Minh Tú khẳng định, ngành Ngân hàng rất quan tâm đầu tư vào Tây Nguyên.")});
    Searcher searcher((dir_.path() / "db").string());
    const Result<CheckResult> checked =
        searcher.check("They want to prevent \"group interests and local interests\"; the bank is “rất quan tâm đầu tư”.");
    ASSERT_TRUE(checked.ok());
    ASSERT_EQ(checked.value().quotes.size(), 2u);
    const std::vector<std::string> expected = {"corruption, <mark>group interests and local interests</mark>.",
                                               "Minh Tú khẳng định, ngành Ngân hàng <mark>rất quan tâm đầu tư</mark> vào"};
    for (std::size_t i = 0; i < 2; ++i) {
        ASSERT_EQ(checked.value().quotes[i].documents.size(), 1u);
        const std::string& snippet = checked.value().quotes[i].documents[0].snippet;
        EXPECT_EQ(std::count(snippet.begin(), snippet.end(), '<'), 2) << snippet;  // one <mark>…</mark>
        EXPECT_NE(snippet.find(expected[i]), std::string::npos) << snippet;
    }
}

// The press cuts quotations with an ellipsis: the parts are found where the source has them
// in order, the words left out between them.
TEST_F(SearchTest, ACheckFindsAQuotationCutWithAnEllipsis) {
    std::string far_apart = "Tin xa\nTăng cường kỷ luật, kỷ cương.";
    for (int i = 0; i < 20; ++i) far_apart += " Tỉnh họp bàn về giá lúa.";
    far_apart += " Xây dựng pháp luật.";
    index({make_document("nq", "Nghị quyết\nTăng cường kỷ luật, kỷ cương trong công tác xây dựng pháp luật, thi hành pháp luật."),
           make_document("reversed", "Tin\nXây dựng pháp luật cần tăng cường kỷ luật, kỷ cương."), make_document("far", far_apart),
           // The parts only in the other order, their words in this one elsewhere.
           make_document("scattered", "Nguyên tắc\nHợp tác quốc tế về cá heo hồng. Nhà nước hợp tác với các nước, tổ chức quốc tế "
                                      "trong hoạt động bảo vệ cá heo hồng.")});
    Searcher searcher((dir_.path() / "db").string());
    for (const std::string text : {"Nghị quyết yêu cầu “tăng cường kỷ luật, kỷ cương … xây dựng pháp luật”.",
                                   "Nghị quyết yêu cầu \"tăng cường kỷ luật, kỷ cương [...] xây dựng pháp luật\".",
                                   "Nghị quyết yêu cầu “… kỷ cương … xây dựng pháp luật, thi hành …”."}) {
        const Result<CheckResult> checked = searcher.check(text);
        ASSERT_TRUE(checked.ok());
        ASSERT_EQ(checked->quotes.size(), 1u) << text;
        const CheckedQuote& quote = checked->quotes[0];
        EXPECT_EQ(quote.found, 1u) << text;
        ASSERT_EQ(quote.documents.size(), 1u) << text;
        EXPECT_EQ(quote.documents[0].document.id, "nq");
        EXPECT_NE(quote.documents[0].snippet.find("kỷ cương</mark> trong công tác <mark>xây dựng pháp luật"), std::string::npos)
            << quote.documents[0].snippet;
    }
    const Result<CheckResult> scattered = searcher.check("Tin cho biết “cá heo hồng … hợp tác quốc tế”.");
    ASSERT_TRUE(scattered.ok());
    ASSERT_EQ(scattered->quotes.size(), 1u);
    EXPECT_EQ(scattered->quotes[0].found, 0u);
    EXPECT_TRUE(scattered->quotes[0].documents.empty());
    const Result<CheckResult> in_order = searcher.check("Tin cho biết “hợp tác quốc tế … cá heo hồng”.");
    ASSERT_TRUE(in_order.ok());
    EXPECT_EQ(in_order->quotes[0].found, 1u);
}

// A cut quotation's snippet marks the passage, its parts where they follow each other, not a
// part the text says elsewhere (a headline before the passage that repeats its last words).
TEST_F(SearchTest, ACutQuotationIsMarkedWhereThePassageIs) {
    index({make_document("nq", "Ngăn chặn lợi ích nhóm trong tổ chức thi hành pháp luật\nTrong đó nhấn mạnh việc tăng cường tính kỷ luật, "
                               "kỷ cương trong xây dựng và tổ chức thi hành pháp luật.")});
    const Result<CheckResult> checked =
        Searcher((dir_.path() / "db").string()).check("Ông yêu cầu “tăng cường tính kỷ luật, kỷ cương … tổ chức thi hành pháp luật”.");
    ASSERT_TRUE(checked.ok());
    ASSERT_EQ(checked->quotes.size(), 1u);
    ASSERT_EQ(checked->quotes[0].documents.size(), 1u);
    const std::string& snippet = checked->quotes[0].documents[0].snippet;
    EXPECT_NE(snippet.find("<mark>tăng cường tính kỷ luật, kỷ cương</mark> trong xây dựng và <mark>tổ chức thi hành pháp luật</mark>."),
              std::string::npos) << snippet;
    EXPECT_EQ(snippet.find("nhóm trong <mark>"), std::string::npos) << snippet;  // not in the headline
}

TEST_F(SearchTest, ACheckFindsPassagesInSingleQuotes) {
    index({make_document("en", "Directive\nIt aims to prevent corruption, group interests and local interests.")});
    Searcher searcher((dir_.path() / "db").string());
    const Result<CheckResult> checked =
        searcher.check("The people’s committee vowed to fight ‘group interests and local interests’ in the ’90s style.");
    ASSERT_TRUE(checked.ok());
    ASSERT_EQ(checked->quotes.size(), 1u);
    EXPECT_EQ(checked->quotes[0].text, "group interests and local interests");
    EXPECT_EQ(checked->quotes[0].begin, 39u);  // code points after ‘
    ASSERT_EQ(checked->quotes[0].documents.size(), 1u);
    EXPECT_EQ(checked->quotes[0].documents[0].document.id, "en");
}

TEST_F(SearchTest, APhraseOrQuotationIsShownWhereTheTextSaysItWhole) {
    // The phrase's words, apart, fill the opening; the phrase itself comes far later. A snippet
    // of the opening would have more distinct words, but not the passage the user asked for.
    const std::string opening = "Thi đua, hành chính, pháp chế và luật sư: thi hành án, pháp lý, luật lệ, hành động. ";
    std::string filler;
    for (int i = 0; i < 12; ++i) filler += "Câu chuyện về đời sống ở địa phương hôm nay. ";
    index({make_document("a", opening + filler + "Tỉnh yêu cầu tổ chức thi hành pháp luật nghiêm minh.")});
    const auto response = search("\"thi hanh phap luat\"");
    ASSERT_EQ(response.hits.size(), 1u);
    EXPECT_NE(response.hits[0].snippet.find("tổ chức <mark>thi hành pháp luật</mark> nghiêm"), std::string::npos)
        << response.hits[0].snippet;
    Searcher searcher((dir_.path() / "db").string());
    const Result<CheckResult> checked = searcher.check("Họ viết “thi hành pháp luật” như vậy.");
    ASSERT_TRUE(checked.ok());
    ASSERT_EQ(checked.value().quotes.size(), 1u);
    ASSERT_EQ(checked.value().quotes[0].documents.size(), 1u);
    const std::string& snippet = checked.value().quotes[0].documents[0].snippet;
    EXPECT_NE(snippet.find("<mark>thi hành pháp luật</mark>"), std::string::npos) << snippet;
}

TEST_F(SearchTest, BadQueriesAndParametersAreErrorsNotExceptions) {
    index({make_document("a", "văn bản")});
    Searcher searcher((dir_.path() / "db").string());
    const std::vector<std::pair<SearchRequest, std::string>> rows = {
        {{.query = "", .limit = 10, .offset = 0}, "bad_query"},
        {{.query = "  ", .limit = 10, .offset = 0}, "bad_query"},
        {{"\"thi hành", 10, 0}, "bad_query"},
        {{.query = "ab\xFF", .limit = 10, .offset = 0}, "bad_query"},
        {{.query = std::string(5000, 'a'), .limit = 10, .offset = 0}, "bad_query"},
        {{.query = "văn bản", .limit = 0, .offset = 0}, "bad_parameter"},
        {{.query = "văn bản", .limit = 101, .offset = 0}, "bad_parameter"},
        {{.query = "văn bản", .limit = 10, .offset = 20000}, "bad_parameter"},
    };
    for (const auto& [request, code] : rows) {
        const auto result = searcher.search(request);
        ASSERT_FALSE(result.ok()) << request.query;
        EXPECT_EQ(result.error().code, code) << request.query;
        EXPECT_FALSE(result.error().message.empty());
    }
    const auto unterminated = searcher.search({.query = "văn \"bản"});
    EXPECT_NE(unterminated.error().message.find("character 5"), std::string::npos) << unterminated.error().message;
}

// "ref" is what cites a number: the document that is it is not among them, unless it cites
// another locality's document with the same number.
TEST_F(SearchTest, RefFiltersToTheDocumentsCitingANumberNotTheDocumentThatIsIt) {
    index({make_document("decree", "Nghị định 15/2020/NĐ-CP quy định xử phạt vi phạm hành chính\n\n"
                                   "Nghị định 15/2020/NĐ-CP có hiệu lực từ ngày 15/4/2020."),
           make_document("article", "Xử phạt theo Nghị định 15/2020/NĐ-CP"),
           make_document("qn", "Quyết định số 40/2026/QĐ-UBND của UBND tỉnh Quảng Ninh về xử phạt\n\nỦY BAN NHÂN DÂN TỈNH QUẢNG NINH"),
           make_document("dn", "Quyết định số 40/2026/QĐ-UBND của UBND thành phố Đà Nẵng về xử phạt\n\n"
                               "Tham khảo Quyết định số 40/2026/QĐ-UBND của UBND tỉnh Quảng Ninh.")});
    EXPECT_EQ(ids(search("xử phạt ref:15/2020/ND-CP")), std::vector<std::string>{"article"});
    EXPECT_EQ(ids(search("xử phạt ref:40/2026/QĐ-UBND")), std::vector<std::string>{"dn"});
    Searcher searcher((dir_.path() / "db").string());
    SearchRequest request{.query = "xử phạt"};
    request.ref = "15/2020/nđ-cp";
    const auto found = searcher.search(request);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(ids(found.value()), std::vector<std::string>{"article"});
}

// A lawyer remembers a number in part: its serial and year ("45/2019", "Luật 45/2019"), or its
// type and serial ("QĐ 1880"), or reads it codes first from a table ("NQ-CP 126"). Numbers are
// not unique: a part stands for every number it fits, each listed on its own.
class NumberInPartTest : public SearchTest {
protected:
    void SetUp() override {
        index({make_document("code", "Văn bản căn cứ Bộ luật Lao động số 45/2019/QH14 về thời giờ làm việc"),
               make_document("decree", "Văn bản thực hiện Nghị định 45/2019/NĐ-CP về xử phạt"),
               make_document("circular", "Văn bản theo Thông tư 45/2019/TT-BTC về thuế"),
               make_document("other-year", "Văn bản theo Luật số 45/2018/QH14"),
               make_document("pm", "Văn bản thực hiện Quyết định 1880/QĐ-TTg của Thủ tướng"),
               make_document("province", "Văn bản thực hiện Quyết định 1880/2015/QĐ-UBND của tỉnh"),
               make_document("resolution-1880", "Văn bản thực hiện Nghị quyết 1880/NQ-CP"),
               make_document("resolution-126", "Văn bản thực hiện Nghị quyết 126/NQ-CP")});
    }
    Result<SearchResponse> with_ref(const std::string& ref) {
        Searcher searcher((dir_.path() / "db").string());
        SearchRequest request{.query = "văn bản"};
        request.ref = ref;
        return searcher.search(request);
    }
    std::vector<std::string> sorted_ids(const std::string& ref) {
        const auto response = with_ref(ref);
        EXPECT_TRUE(response.ok()) << ref << ": " << (response.ok() ? "" : response.error().message);
        std::vector<std::string> out = response.ok() ? ids(response.value()) : std::vector<std::string>{};
        std::sort(out.begin(), out.end());
        return out;
    }
};

TEST_F(NumberInPartTest, RefWithASerialAndYearIsEveryNumberOfThem) {
    using V = std::vector<std::string>;
    for (const std::string ref : {"45/2019", "045/2019", "45-2019", "Luật 45/2019", "luat so 45/2019"})
        EXPECT_EQ(sorted_ids(ref), (V{"circular", "code", "decree"})) << ref;
    const auto response = with_ref("45/2019");
    ASSERT_TRUE(response.ok());
    V numbers = response.value().ref_numbers;
    std::sort(numbers.begin(), numbers.end());
    EXPECT_EQ(numbers, (V{"45/2019/NĐ-CP", "45/2019/QH14", "45/2019/TT-BTC"}));
    EXPECT_EQ(sorted_ids("Thông tư 45/2019"), V{"circular"});
    EXPECT_EQ(sorted_ids("99/2019"), V{});  // fits none the corpus cites: nothing, and no error
    EXPECT_EQ(ids(search("văn bản ref:45/2019")).size(), 3u);
}

TEST_F(NumberInPartTest, RefWithATypeAndSerialOrCodesFirst) {
    using V = std::vector<std::string>;
    for (const std::string ref : {"QĐ 1880", "qd 1880", "Quyết định 1880", "Quyết định số 1880", "1880/QĐ"})
        EXPECT_EQ(sorted_ids(ref), (V{"pm", "province"})) << ref;
    EXPECT_EQ(sorted_ids("NQ-CP 126"), V{"resolution-126"});
    EXPECT_EQ(sorted_ids("NQ-CP 1880"), V{"resolution-1880"});
    EXPECT_EQ(sorted_ids("QĐ-TTg 1880"), V{"pm"});
    EXPECT_EQ(with_ref("NQ-CP 126").value().ref_numbers, V{"126/NQ-CP"});
}

TEST_F(NumberInPartTest, WhatCannotBeANumberIsAnErrorNamingTheParameter) {
    for (const std::string bad : {"126", "Luật 45", "14/8/2023", "nghị quyết", "45/20", "abc 45/2019", "45/2019 về thuế", "XYZ 126", "\xFF"}) {
        const auto response = with_ref(bad);
        ASSERT_FALSE(response.ok()) << bad;
        EXPECT_EQ(response.error().code, "bad_parameter") << bad;
        EXPECT_EQ(response.error().message.rfind("parameter \"ref\": ", 0), 0u) << response.error().message;
        EXPECT_NE(response.error().message.find("is not a document number"), std::string::npos) << response.error().message;
    }
    const auto query_error = Searcher((dir_.path() / "db").string()).search({.query = "văn bản ref:126"});
    ASSERT_FALSE(query_error.ok());
    EXPECT_NE(query_error.error().message.find("ref: \"126\" is not a document number"), std::string::npos) << query_error.error().message;
    // Unquoted, the type alone is the value: the message shows the quotes it needs.
    const auto unquoted = Searcher((dir_.path() / "db").string()).search({.query = "văn bản ref:QĐ 1880"});
    ASSERT_FALSE(unquoted.ok());
    EXPECT_NE(unquoted.error().message.find("(ref:\"QĐ 1880\")"), std::string::npos) << unquoted.error().message;
    EXPECT_EQ(ids(search("văn bản ref:\"QĐ 1880\"")).size(), 2u);
}

TEST_F(NumberInPartTest, AReportIsOneWholeNumberAndTheListShowsWhatAPartMayBe) {
    const Xapian::Database db((dir_.path() / "db").string());
    const auto report = reference_report(db, "45/2019");
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error().code, "bad_parameter");
    EXPECT_NE(report.error().message.find("GET /references?q=45/2019 lists"), std::string::npos) << report.error().message;
    ASSERT_TRUE(reference_report(db, "NQ-CP 126").ok());
    EXPECT_EQ(reference_report(db, "NQ-CP 126").value().reference.canonical, "126/NQ-CP");

    const auto listed = [&](std::string_view q) {
        std::vector<std::string> out;
        const auto result = list_references(db, q);
        EXPECT_TRUE(result.ok()) << q;
        if (result.ok())
            for (const ReferenceCount& entry : result.value()) out.push_back(entry.reference.canonical);
        return out;
    };
    std::vector<std::string> laws = listed("Luật 45/2019");
    std::sort(laws.begin(), laws.end());
    EXPECT_EQ(laws, (std::vector<std::string>{"45/2019/NĐ-CP", "45/2019/QH14", "45/2019/TT-BTC"}));
    EXPECT_EQ(listed("NQ-CP 126"), std::vector<std::string>{"126/NQ-CP"});
    const std::vector<std::string> decisions = listed("QĐ 1880");
    ASSERT_EQ(decisions.size(), 3u);
    EXPECT_EQ(decisions.back(), "1880/NQ-CP");  // the type typed first
}

class QueryLanguageTest : public SearchTest {
protected:
    void SetUp() override {
        auto dated = [](std::string id, std::string text, std::string date) {
            Document doc = make_document(std::move(id), std::move(text));
            doc.date = std::move(date);
            return doc;
        };
        index({dated("a", "Nghị quyết về thuế thu nhập", "2023-05-01"),
               dated("b", "Nghị định về thuế giá trị gia tăng", "2022-01-10"),
               dated("c", "Luật đất đai sửa đổi theo Nghị định 15/2020/NĐ-CP", "2024-03-03"),
               dated("d", "The resolution on income tax", "2023-07-07")});
    }
    std::vector<std::string> sorted_ids(const std::string& query) {
        auto found = ids(search(query));
        std::sort(found.begin(), found.end());
        return found;
    }
};

TEST_F(SearchTest, AnExclusionTypedWithDiacriticsLeavesOutThatFormOnly) {
    index({make_document("government", "Chính phủ ban hành nghị định mới"), make_document("wife", "Bài thơ chinh phụ ngâm"),
           make_document("plain", "chinh phu ban hanh nghi dinh")});
    EXPECT_EQ(ids(search("ban hành -\"chinh phụ\"")), (std::vector<std::string>{"government", "plain"}));
    EXPECT_EQ(ids(search("ban hành -phụ")), (std::vector<std::string>{"government", "plain"}));
    // Typed without diacritics, it leaves out every form.
    EXPECT_TRUE(ids(search("ban hành -\"chinh phu\"")).empty());
}

TEST_F(QueryLanguageTest, OperatorsFieldsAndWildcards) {
    using V = std::vector<std::string>;
    const std::vector<std::pair<std::string, V>> rows = {
        {"thuế", {"a", "b"}},
        {"thuế -định", {"a"}},
        {"thuế NOT quyết", {"b"}},
        {"nghị AND thuế", {"a", "b"}},
        {"nghị AND đất", {"c"}},
        {"(đất OR income) AND NOT luật", {"d"}},
        {"+thuế nghị", {"a", "b"}},
        {"thu* -gia", {"a"}},
        {"lang:en tax", {"d"}},
        {"year:2023", {"a", "d"}},
        {"year:2023..2024 nghị", {"a", "c"}},
        {"date:2022-01-01..2022-12-31", {"b"}},
        {"date:..2022-12-31", {"b"}},
        {"ref:15/2020/ND-CP", {"c"}},
        {"title:luật", {"c"}},
        {"-lang:vi", {"d"}},
        {"thuế OR tax", {"a", "b", "d"}},
        {"\"thuế thu nhập\" OR \"income tax\"", {"a", "d"}},
        // Legal type names across languages and abbreviations.
        {"decree", {"b", "c"}},
        {"resolution", {"a", "d"}},
        {"nghị quyết -định", {"a", "d"}},
    };
    for (const auto& [query, expected] : rows) EXPECT_EQ(sorted_ids(query), expected) << query;
}

TEST_F(SearchTest, AQuotedTitleFieldIsAPhraseOfTheTitle) {
    Document jsonl = make_document("jsonl", "Bảng giá mới áp dụng từ tháng 7.");
    jsonl.title = "Quy định về giá đất ở";  // not the text's first line: indexed after it
    index({make_document("phrase", "Bảng giá đất năm 2024\nỦy ban công bố bảng giá."),
           make_document("apart", "Giá nhà và đất tăng\nGiá đất ở ven đô tăng mạnh."),  // the phrase only in the text
           jsonl});
    EXPECT_EQ(sorted_ids("title:\"giá đất\""), (std::vector<std::string>{"jsonl", "phrase"}));
    EXPECT_EQ(sorted_ids("title:\"gia dat\""), (std::vector<std::string>{"jsonl", "phrase"}));
    EXPECT_EQ(sorted_ids("title:giá title:đất"), (std::vector<std::string>{"apart", "jsonl", "phrase"}));  // the words anywhere in it
}

// Indian judgments write "judgement" and "judgment", both; each finds the other, and a
// pattern that fits another word ("floor", "flour") finds nothing more.
TEST_F(SearchTest, BritishAndAmericanSpellingsFindEachOther) {
    std::vector<Document> docs = {make_document("british", "Judgement of the court\nThe judgement under appeal; the licence was revoked."),
                                  make_document("american", "Judgment of the court\nThe judgment under appeal; the license was revoked."),
                                  make_document("flour", "Flour mills\nThe flour was sold."),
                                  make_document("floor", "The floor\nThe floor was wet.")};
    for (int i = 0; i < 6; ++i) docs.push_back(make_document("other-" + std::to_string(i), "Weather\nRain today in the north."));
    index(docs);
    for (const std::string q : {"judgement", "judgment", "judgements", "licence", "licensed"})
        EXPECT_EQ(sorted_ids(q), (std::vector<std::string>{"american", "british"})) << q;
    EXPECT_EQ(sorted_ids("floor"), std::vector<std::string>{"floor"});
    const SearchResponse marked = search("judgement");
    for (const Hit& hit : marked.hits) EXPECT_NE(hit.snippet.find("<mark>"), std::string::npos) << hit.document.id << ": " << hit.snippet;
}

// An English word of title: finds its other forms, as the text's words do.
TEST_F(SearchTest, AnEnglishTitleWordFindsTheOtherFormsOfTheWord) {
    index({make_document("upholds", "Court upholds telecom fine\nThe court upheld the fine."),
           make_document("notes", "Notes on judgments about telecom fines\nA review."),
           make_document("finest", "The finest hour\nA story."),
           make_document("vi", "Giá đất tăng\nGiá đất ở ven đô tăng mạnh.")});
    EXPECT_EQ(sorted_ids("title:fine"), (std::vector<std::string>{"notes", "upholds"}));
    EXPECT_EQ(sorted_ids("title:fines"), (std::vector<std::string>{"notes", "upholds"}));
    EXPECT_EQ(sorted_ids("title:judgment"), std::vector<std::string>{"notes"});
    EXPECT_EQ(sorted_ids("title:judgment title:fine"), std::vector<std::string>{"notes"});
    EXPECT_EQ(sorted_ids("title:\"telecom fines\""), std::vector<std::string>{"notes"});  // quoted: as written
    EXPECT_EQ(sorted_ids("title:dat"), std::vector<std::string>{"vi"});
}

TEST_F(SearchTest, AnEnglishTitleWordFindsItsOtherSpelling) {
    index({make_document("british", "Driving licence rules tightened\nA review."),
           make_document("american", "Business license fees cut\nA review."),
           make_document("flour", "Flour prices rise\nA review."),
           make_document("floor", "The floor of the market\nA review.")});
    EXPECT_EQ(sorted_ids("title:licence"), (std::vector<std::string>{"american", "british"}));
    EXPECT_EQ(sorted_ids("title:license"), (std::vector<std::string>{"american", "british"}));
    EXPECT_EQ(sorted_ids("title:floor"), std::vector<std::string>{"floor"});
}

TEST_F(SearchTest, AWildcardAfterAWordRanksTheWordItStartsFirst) {
    // "thi hà*": the user is typing "thi hành"; exam news has both syllables, apart, and more of them.
    std::vector<Document> documents = {make_document("exam", "Kỳ thi năm nay ở Hà Nội: thí sinh dự thi ở Hà Nội và Hà Nam"),
                                       make_document("law", "Tổ chức thi hành pháp luật")};
    for (int i = 0; i < 8; ++i)  // so that a term in one document of ten weighs something (BM25's idf)
        documents.push_back(make_document("other-" + std::to_string(i), "Bản tin thời tiết số " + std::to_string(i)));
    index(documents);
    EXPECT_EQ(ids(search("thi hà*")), (std::vector<std::string>{"law", "exam"}));
    EXPECT_EQ(ids(search("thi ha*")), (std::vector<std::string>{"law", "exam"}));
    const std::string snippet = search("thi hà*").hits.at(0).snippet;
    EXPECT_NE(snippet.find("<mark>thi hành</mark> pháp"), std::string::npos) << snippet;  // the word, whole
}

TEST_F(SearchTest, IssuerNamesOfSeveralSyllablesFindTheirAbbreviationAndEnglishName) {
    index({make_document("vi", "Bộ Tài chính ban hành hướng dẫn mới"), make_document("en", "The Ministry of Finance issued guidance"),
           make_document("code", "Thông tư 47/2011/TT-BTC"), make_document("health", "Ministry of Health")});
    auto has = [&](const std::string& query, const std::vector<std::string>& wanted) {
        const auto found = ids(search(query));
        for (const std::string& id : wanted)
            EXPECT_NE(std::find(found.begin(), found.end(), id), found.end()) << query << " should find " << id;
    };
    has("bộ tài chính", {"vi", "en", "code"});
    has("bo tai chinh", {"vi", "en", "code"});
    has("ministry of finance", {"vi", "en", "code"});
    has("BTC", {"vi", "en", "code"});
    EXPECT_EQ(ids(search("bộ tài chính")).front(), "vi");  // the name as typed ranks first
}

// Lawyers and the press abbreviate the codes: "BLHS 2015" is the Bộ luật Hình sự, the
// Criminal Code, and finds it by either name, the abbreviation typed first.
TEST_F(SearchTest, AnAbbreviatedCodeFindsTheCodeByEitherName) {
    index({make_document("vi", "Theo Bộ luật Hình sự năm 2015, tội này bị phạt tù"),
           make_document("abbr", "Điều 12 BLHS 2015 quy định tuổi chịu trách nhiệm hình sự"),
           make_document("en", "Under the Criminal Code of 2015 the offence is punished"),
           make_document("procedure", "Bộ luật Tố tụng hình sự quy định thủ tục; BLTTHS năm 2015"),
           make_document("civil", "Bộ luật Dân sự năm 2015 quy định hợp đồng")});
    auto has = [&](const std::string& query, const std::vector<std::string>& wanted) {
        const auto found = ids(search(query));
        for (const std::string& id : wanted)
            EXPECT_NE(std::find(found.begin(), found.end(), id), found.end()) << query << " should find " << id;
        return found;
    };
    has("BLHS", {"vi", "abbr", "en"});
    has("blhs 2015", {"vi", "abbr", "en"});
    has("BLTTHS", {"procedure"});
    has("BLDS", {"civil"});
    EXPECT_EQ(has("BLHS", {}).front(), "abbr");  // the name as typed ranks first
    const auto blds = ids(search("BLDS"));
    EXPECT_EQ(std::find(blds.begin(), blds.end(), "abbr"), blds.end()) << "the civil code is not the criminal one";
}

TEST_F(QueryLanguageTest, MalformedQueriesSayWhatAndWhere) {
    Searcher searcher((dir_.path() / "db").string());
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"(thuế", "unclosed \"(\" at character 1"},
        {"thuế)", "unexpected \")\" at character 5"},
        {"AND thuế", "AND needs a query on both sides at character 1"},
        {"thuế AND", "AND needs a query on both sides"},
        {"thuế OR", "OR needs a query on both sides"},
        {"OR thuế", "OR needs a query on both sides at character 1"},
        {"*", "query has no words to search for"},  // symbols only
        {"- / ..", "query has no words to search for"},
        // The analyzer drops a word too long to be one (a hash, base64): say so.
        {std::string(2048, 'a'), "the word at character 1 is longer than the longest word indexed (64 bytes)"},
        {"- " + std::string(65, 'a'), "the word at character 3 is longer than the longest word indexed (64 bytes)"},
        {"NOT", "NOT needs a query after it at character 1"},
        {"lang:fr", "lang: is vi or en"},
        {"year:20x", "year: takes YYYY"},
        {"date:2023-02-30", "date: takes YYYY-MM-DD"},
        {"ref:abc", "is not a document number"},
        {"thuế lang:", "needs a value at character 6"},
        {"thuế \"nhập", "unterminated quote opened at character 6"},
        // A reversed range would match nothing and hide why.
        {"thuế date:2024-01-01..2023-01-01", "date: range \"2024-01-01..2023-01-01\" is reversed: 2024-01-01 is after 2023-01-01 at character 6"},
        {"thuế year:2024..2020", "year: range \"2024..2020\" is reversed: 2024 is after 2020 at character 6"},
    };
    for (const auto& [query, message] : rows) {
        const auto result = searcher.search({.query = query});
        ASSERT_FALSE(result.ok()) << query;
        EXPECT_EQ(result.error().code, "bad_query") << query;
        EXPECT_NE(result.error().message.find(message), std::string::npos) << query << " -> " << result.error().message;
    }
}

// By date, ranking no longer keeps documents that share one syllable or word with the query
// out of sight: the words typed side by side must all be there, each as the query asks for it
// (a multi-syllable word whole, a word typed with diacritics with them), stop words excepted.
TEST_F(SearchTest, SortedByDateTheWordsTypedMustAllBeThere) {
    const auto dated = [](std::string id, std::string text, std::string date) {
        Document doc = make_document(std::move(id), std::move(text));
        doc.date = std::move(date);
        return doc;
    };
    index({dated("divorce", "Tòa án giải quyết ly hôn cho hai vợ chồng.", "2023-01-01"),
           dated("manager", "Ban quản lý chợ nhận nụ hôn của khách.", "2024-01-01"),  // "ly" and "hôn" apart
           dated("manage", "Công tác quản lý đất đai.", "2025-01-01"),
           dated("gold", "Giá vàng hôm nay tăng.", "2023-06-01"), dated("family", "Gia đình vắng nhà.", "2025-06-01"),
           dated("tax", "The tax on income of the court.", "2022-01-01")});
    const auto by_date = [&](std::string query) {
        SearchRequest request{.query = std::move(query)};
        request.sort = SortOrder::date;
        const auto result = Searcher((dir_.path() / "db").string()).search(request);
        EXPECT_TRUE(result.ok());
        return result.ok() ? ids(result.value()) : std::vector<std::string>{};
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(by_date("ly hôn"), V{"divorce"});
    EXPECT_EQ(by_date("ly hon"), V{"divorce"});
    EXPECT_EQ(by_date("giá vàng"), V{"gold"});
    EXPECT_EQ(by_date("the taxes of income"), V{"tax"});  // stems; "the", "of" optional
    EXPECT_EQ(by_date("ly hôn OR quản lý"), (V{"manage", "manager", "divorce"}));  // OR as typed, newest first
    // A name with a synonym: its words or the synonym, not any of its syllables (QA recheck).
    index({dated("committee", "Ủy ban nhân dân tỉnh họp.", "2023-01-01"), dated("short", "UBND tỉnh họp.", "2024-01-01"),
           dated("society", "Xã hội và nhân dân.", "2025-01-01"), dated("assembly", "Quốc hội họp.", "2022-01-01"),
           dated("republic", "Cộng hòa xã hội chủ nghĩa Việt Nam, quốc gia.", "2025-06-01")});
    EXPECT_EQ(by_date("Ủy ban nhân dân"), (V{"short", "committee"}));
    EXPECT_EQ(by_date("UBND"), (V{"short", "committee"}));
    EXPECT_EQ(by_date("Quốc hội"), V{"assembly"});
    // An article or a law named: what it finds, or what has every word; not every "điều".
    Document article = law_article("blhs-173", "Bộ luật Hình sự", "173", "Tội trộm cắp tài sản. Người nào trộm cắp tài sản.");
    article.date = "2015-11-27";
    index({article, dated("news", "Bị cáo bị xử theo Điều 173 BLHS.", "2024-02-02"), dated("terms", "Điều kiện và điều khoản.", "2025-03-03")});
    EXPECT_EQ(by_date("Điều 173 BLHS"), (V{"news", "blhs-173"}));
    // A name typed in lower case, which the query reads as "nguyen" and the word "thanh bình"
    // (peaceful): the name, as the documents that capitalize it hold it, or those words.
    index({dated("vi", "Ông Nguyễn Thanh Bình ký chỉ thị.", "2023-09-22"), dated("en", "Mr Nguyen Thanh Binh signed.", "2023-09-23"),
           dated("calm", "Ông Nguyễn nói: thanh bình lắm.", "2023-09-24"), dated("other", "Ông Nguyễn Văn Bình ký.", "2023-09-25")});
    EXPECT_EQ(by_date("nguyen thanh binh"), (V{"calm", "en", "vi"}));
    EXPECT_EQ(by_date("nguyễn thanh bình"), (V{"calm", "vi"}));  // with diacritics, as typed
    EXPECT_EQ(by_date("Nguyễn Thanh Bình"), V{"vi"});
    // By relevance, a document with part of the words still comes, after those with all.
    const auto ranked = ids(search("ly hôn"));
    ASSERT_FALSE(ranked.empty());
    EXPECT_EQ(ranked.front(), "divorce");
    EXPECT_GT(ranked.size(), 1u);
}

TEST_F(QueryLanguageTest, FilterParametersAndSortByDate) {
    Searcher searcher((dir_.path() / "db").string());
    auto run = [&](SearchRequest request) {
        auto result = searcher.search(request);
        EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
        return result.ok() ? ids(result.value()) : std::vector<std::string>{};
    };
    SearchRequest request{.query = "nghị OR thuế OR tax"};
    request.sort = SortOrder::date;
    EXPECT_EQ(run(request), (std::vector<std::string>{"c", "d", "a", "b"}));  // newest first
    request.lang = "vi";
    EXPECT_EQ(run(request), (std::vector<std::string>{"c", "a", "b"}));
    request.from = "2023-01-01";
    request.to = "2023-12-31";
    EXPECT_EQ(run(request), (std::vector<std::string>{"a"}));
    SearchRequest by_ref{.query = "nghị"};
    by_ref.ref = "15/2020/nđ-cp";
    EXPECT_EQ(run(by_ref), (std::vector<std::string>{"c"}));
    SearchRequest bad_ref{.query = "nghị"};
    bad_ref.ref = "15";  // a serial alone: thousands of documents share it
    const auto ref_error = searcher.search(bad_ref);
    ASSERT_FALSE(ref_error.ok());
    EXPECT_EQ(ref_error.error().message,
              "parameter \"ref\": \"15\" is not a document number: give one whole (126/NQ-CP, 15/2020/NĐ-CP) or its serial with "
              "its year (45/2019) or its type (QĐ 1880)");
    SearchRequest bad{.query = "nghị"};
    bad.from = "yesterday";
    const auto error = searcher.search(bad);
    ASSERT_FALSE(error.ok());
    EXPECT_EQ(error.error().code, "bad_parameter");
    EXPECT_NE(error.error().message.find("\"from\""), std::string::npos);
    SearchRequest reversed{.query = "nghị"};
    reversed.from = "2024-01-01";
    reversed.to = "2023-01-01";
    const auto reversed_error = searcher.search(reversed);
    ASSERT_FALSE(reversed_error.ok()) << "a reversed range matches nothing: an error, not every document";
    EXPECT_EQ(reversed_error.error().code, "bad_parameter");
    EXPECT_EQ(reversed_error.error().message, "parameters \"from\" and \"to\" are reversed: from 2024-01-01 is after to 2023-01-01");
    reversed.to = "2024-01-01";  // one day is a range
    EXPECT_EQ(run(reversed), std::vector<std::string>{});
}

TEST_F(SearchTest, SuggestCompletesWordsAndDocumentNumbers) {
    index({make_document("a", "Thi hành pháp luật. Thi hành án. Hành chính. Nghị quyết 126/NQ-CP và 1260/QĐ-TTg"),
           make_document("b", "Thi hành pháp luật, theo 126/NQ-CP, 69-QĐ/TW"), make_document("c", "Hạnh phúc")});
    Searcher searcher((dir_.path() / "db").string());
    auto texts = [&](std::string_view prefix) {
        std::vector<std::string> out;
        const auto result = searcher.suggest(prefix, 5);
        EXPECT_TRUE(result.ok());
        if (result.ok())
            for (const Suggestion& s : result.value()) out.push_back(s.text + "/" + std::to_string(s.documents));
        return out;
    };
    EXPECT_EQ(texts("thi hà").front(), "thi hành/2");       // the multi-syllable word first
    EXPECT_EQ(texts("thi ha").front(), "thi hành/2");       // typed without diacritics, shown with them
    // The first syllable's diacritics typed, the last's still to come (Telex, VNI).
    EXPECT_EQ(texts("pháp lua").front(), "pháp luật/2");
    EXPECT_EQ(texts("nghị quyet").front(), "nghị quyết/1");
    EXPECT_EQ(texts("hành chin").front(), "hành chính/1");
    EXPECT_EQ(texts("126/n"), std::vector<std::string>{"126/NQ-CP/2"});
    // A serial with nothing after it may go on: "126" is 126/..., then 1260/..., most cited first.
    EXPECT_EQ(texts("126"), (std::vector<std::string>{"126/NQ-CP/2", "1260/QĐ-TTg/1"}));
    EXPECT_EQ(texts("69-qd"), std::vector<std::string>{"69-QĐ/TW/1"});
    // Only the last word typed decides: a number before it is a word like any other.
    const auto has = [&](std::string_view prefix, const std::string& wanted) {
        const std::vector<std::string> found = texts(prefix);
        EXPECT_NE(std::find(found.begin(), found.end(), wanted), found.end()) << prefix << ": " << ::testing::PrintToString(found);
    };
    has("126 th", "thi hành/2");
    has("126/NQ-CP thi", "thi hành/2");
    has("15/2020/ND-CP thi h", "thi hành/2");
    has("2023 th", "thi hành/2");
    EXPECT_EQ(texts("thi hành 126/n"), std::vector<std::string>{"126/NQ-CP/2"});
    EXPECT_EQ(texts("126 / n"), std::vector<std::string>{"126/NQ-CP/2"});  // a number typed with spaces
    // The serial as typed: keys drop leading zeros, a legal number often has one. Codes the
    // lexicon does not know are in capitals too.
    index({make_document("d", "Thông tư 02/2017/TT-BYT và Công văn 02/2017/HC-ST")});
    Searcher again((dir_.path() / "db").string());
    const auto shown = [&](std::string_view prefix) {
        std::vector<std::string> out;
        const auto result = again.suggest(prefix, 5);
        EXPECT_TRUE(result.ok());
        if (result.ok())
            for (const Suggestion& s : result.value()) out.push_back(s.text);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(shown("02/2017"), (std::vector<std::string>{"02/2017/HC-ST", "02/2017/TT-BYT"}));
    EXPECT_EQ(shown("2/2017/t"), std::vector<std::string>{"2/2017/TT-BYT"});
    const std::vector<std::string> q = texts("q");  // a code is an abbreviation, shown as the lexicon writes it
    EXPECT_NE(std::find(q.begin(), q.end(), "QĐ/2"), q.end()) << ::testing::PrintToString(q);
    EXPECT_NE(std::find(q.begin(), q.end(), "quyết/1"), q.end()) << ::testing::PrintToString(q);
    EXPECT_TRUE(texts("").empty());
    EXPECT_FALSE(searcher.suggest("x", 0).ok());
    EXPECT_FALSE(searcher.suggest("\xFF", 5).ok());
}

// A number typed after its type's name completes to numbers of that type first: "nghị định
// 67/2" is after a decree, not the more cited decision of a province with that serial.
TEST_F(SearchTest, SuggestPutsNumbersOfTheTypeTypedFirst) {
    index({make_document("a", "Theo Quyết định 67/2015/QĐ-UBND của tỉnh và Nghị định 45/2014/NĐ-CP"),
           make_document("b", "Quyết định 67/2015/QĐ-UBND; Nghị định 45/2014/NĐ-CP"),
           make_document("c", "Nghị định 67/2014/NĐ-CP về thủy sản; Luật Đất đai số 45/2013/QH13")});
    const auto texts = [&](std::string_view prefix) { return suggestions(prefix, 5); };
    using V = std::vector<std::string>;
    EXPECT_EQ(texts("67/20"), (V{"67/2015/QĐ-UBND", "67/2014/NĐ-CP"}));  // most cited first
    EXPECT_EQ(texts("nghị định 67/20"), (V{"67/2014/NĐ-CP", "67/2015/QĐ-UBND"}));
    EXPECT_EQ(texts("nghi dinh so 67/20"), (V{"67/2014/NĐ-CP", "67/2015/QĐ-UBND"}));
    EXPECT_EQ(texts("NĐ 67/"), (V{"67/2014/NĐ-CP", "67/2015/QĐ-UBND"}));
    EXPECT_EQ(texts("Luật số 45/20"), (V{"45/2013/QH13", "45/2014/NĐ-CP"}));  // a law's number names its legislature
    EXPECT_EQ(texts("quyết định 67/20"), (V{"67/2015/QĐ-UBND", "67/2014/NĐ-CP"}));
}

// A serial typed in part completes to the numbers that begin with it, as /references lists
// them ("QĐ 188" -> 1880/QĐ-TTg), those of the type named before it first, whichever way the
// type is typed; "188/" ends the serial.
TEST_F(SearchTest, SuggestCompletesASerialTypedInPart) {
    index({make_document("a", "Quyết định 1880/QĐ-TTg, Nghị quyết 126/NQ-CP và Nghị quyết 18/NQ-CP"),
           make_document("b", "Theo 1880/QĐ-TTg, 18/NQ-CP và 188/TB-VPCP"), make_document("c", "Nghị quyết 18/NQ-CP; Quyết định 18/QĐ-UBND"),
           make_document("d", "Nghị định 12/2015/NĐ-CP")});
    const auto texts = [&](std::string_view prefix) { return suggestions(prefix, 5); };
    using V = std::vector<std::string>;
    for (const std::string_view typed : {"QĐ 188", "QD 188", "Quyết định 188", "quyet dinh 188", "quyết định số 188"})
        EXPECT_EQ(texts(typed), (V{"1880/QĐ-TTg", "188/TB-VPCP"})) << typed;
    EXPECT_EQ(texts("188"), (V{"1880/QĐ-TTg", "188/TB-VPCP"}));  // most cited first
    EXPECT_EQ(texts("188/"), V{"188/TB-VPCP"});
    EXPECT_EQ(texts("QĐ 18"), (V{"1880/QĐ-TTg", "18/QĐ-UBND", "18/NQ-CP", "188/TB-VPCP"}));
    const V resolutions = texts("Nghị quyết 1");
    ASSERT_EQ(resolutions.size(), 5u);
    EXPECT_EQ(V(resolutions.begin(), resolutions.begin() + 3), (V{"18/NQ-CP", "126/NQ-CP", "1880/QĐ-TTg"}));
    EXPECT_TRUE(contains(texts("12"), "126/NQ-CP")) << ::testing::PrintToString(texts("12"));
    EXPECT_TRUE(contains(texts("Nghị định 1"), "12/2015/NĐ-CP")) << ::testing::PrintToString(texts("Nghị định 1"));
}

// The page puts a completion of the last word after the words typed before it: "thi h" with
// "hành" is "thi hành" again, and with "hiện", "thi hiện", which nobody writes. After a word
// typed, a completion of the last word alone is offered only where the index has the two in
// sequence and they are not already a word offered.
TEST_F(SearchTest, SuggestOffersAfterAWordTheWordsTheyBegin) {
    index({make_document("a", "Thi hành pháp luật. Thực hiện nghị quyết về hội nghị. Ngày này hiện nay."),
           make_document("b", "Cuộc thi hoa hậu ở Quảng Ninh. Hiện nay, hội nghị ngày này."),
           make_document("c", "Tỉnh Quảng Ninh mở cửa khẩu. Hiện nay Quảng Ninh đón khách ngày này."),
           make_document("d", "Cửa khẩu Hoành Mô, Quảng Ninh Thủ tướng đồng ý. Quảng Ngãi cũng vậy.")});
    const auto texts = [&](std::string_view prefix) { return suggestions(prefix, 10); };
    const std::vector<std::string> thi = texts("thi h");
    EXPECT_EQ(thi.front(), "thi hành") << ::testing::PrintToString(thi);
    EXPECT_FALSE(contains(thi, "hành")) << ::testing::PrintToString(thi);  // "thi hành" a second time
    EXPECT_FALSE(contains(thi, "hiện")) << ::testing::PrintToString(thi);  // "thi hiện": never written
    EXPECT_FALSE(contains(thi, "hội")) << ::testing::PrintToString(thi);
    // Where the two typed words begin no word, the last is completed alone, most frequent first.
    const std::vector<std::string> after_nay = texts("nay h");
    EXPECT_TRUE(contains(after_nay, "hiện")) << ::testing::PrintToString(after_nay);
    const std::vector<std::string> quang = texts("Quang N");
    EXPECT_EQ(quang.front(), "Quảng Ninh") << ::testing::PrintToString(quang);
    EXPECT_TRUE(contains(quang, "Quảng Ngãi")) << ::testing::PrintToString(quang);
    EXPECT_FALSE(contains(quang, "Này")) << ::testing::PrintToString(quang);
    EXPECT_FALSE(contains(quang, "Ngày")) << ::testing::PrintToString(quang);
    EXPECT_FALSE(contains(quang, "Quảng Ninh thủ")) << ::testing::PrintToString(quang);  // a name run into "Thủ tướng"
    // Alone, the last word completes as before, most frequent first.
    EXPECT_TRUE(contains(texts("h"), "hiện")) << ::testing::PrintToString(texts("h"));
    EXPECT_TRUE(contains(texts("N"), "Ngày")) << ::testing::PrintToString(texts("N"));
}

// The syllables of a name beyond those typed are capitalized, as the text writes them (the
// index holds lower case): "Pham M" is "Phạm Minh Chính", not "Phạm Minh chính".
TEST_F(SearchTest, SuggestCapitalizesTheSyllablesOfANameNotYetTyped) {
    index({make_document("a", "Thủ tướng Phạm Minh Chính phát biểu. Bà Nguyễn Thị Kim Ngân chủ trì."),
           make_document("b", "Thủ tướng Phạm Minh Chính dự. Thi hành pháp luật.")});
    const auto texts = [&](std::string_view prefix) { return suggestions(prefix, 10); };
    using V = std::vector<std::string>;
    EXPECT_EQ(texts("Pham M"), V{"Phạm Minh Chính"});
    EXPECT_EQ(texts("Nguyen Th"), V{"Nguyễn Thị Kim Ngân"});
    EXPECT_EQ(texts("NGUYEN TH"), V{"NGUYỄN THỊ KIM NGÂN"});
    EXPECT_EQ(texts("pham m"), V{"Phạm Minh Chính"});  // typed in lower case, shown as the text writes it
    EXPECT_EQ(texts("Thi h"), V{"Thi hành"});          // a word, not a name: as indexed
}

// Names have three syllables or four, and are terms of the index as the dictionary's words
// are: the words typed before the last one complete with it ("Hồ Chí M" is "Hồ Chí Minh", not
// "Hồ" + "chí mạng"); a name that ran on past one offered ("Hồ Chí Minh Nguyễn", from "TP Hồ
// Chí Minh Nguyễn Văn A") is left out when far rarer.
TEST_F(SearchTest, SuggestCompletesNamesOfThreeSyllablesOrMore) {
    index({make_document("a", "Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn. Thủ tướng Phạm Minh Chính phát biểu."),
           make_document("b", "Lăng Chủ tịch Hồ Chí Minh mở cửa. Đòn chí mạng. Ông Phạm Minh Châu nói."),
           make_document("c", "Một đòn chí mạng, một đòn chí mạng nữa. Bà Nguyễn Thị Kim Ngân chủ trì. Minh chứng rõ."),
           make_document("e", "TP Hồ Chí Minh Nguyễn Văn A nói."),
           make_document("d", "Đòn chí mạng cuối cùng. Tổng Bí thư Nguyễn Phú Trọng và Thủ tướng Phạm Minh Chính dự. Minh chứng khác, phụ trách.")});
    const auto texts = [&](std::string_view prefix) { return suggestions(prefix, 10); };
    using V = std::vector<std::string>;
    for (const std::string_view typed : {"Hồ Chí M", "Ho Chi M", "Ho Chí M", "Hồ Chí Mi", "Thành phố Hồ Chí M"})
        EXPECT_EQ(texts(typed), V{"Hồ Chí Minh"}) << typed;
    EXPECT_EQ(texts("hồ chí m"), V{"Hồ Chí Minh"});  // typed in lower case, shown as the text writes it
    EXPECT_EQ(texts("Pham Minh Ch"), (V{"Phạm Minh Chính", "Phạm Minh Châu"}));
    EXPECT_EQ(texts("Nguyen Phu Tr"), V{"Nguyễn Phú Trọng"});
    EXPECT_EQ(texts("Nguyen Thi Kim N"), V{"Nguyễn Thị Kim Ngân"});
    // Where the words typed before begin no word with the last, the last two complete as before.
    EXPECT_EQ(texts("đòn chí m"), V{"chí mạng"});
}

// "người lao động k": "động" is in "lao động" already, so "động kinh" (a word the last two
// would begin) makes no sense after it; the last word is completed alone. Where the word
// before is the rarer reading ("hành pháp" beside "pháp luật"), the two still complete.
TEST_F(SearchTest, SuggestDoesNotCompleteASyllableAlreadyInTheWordBefore) {
    index({make_document("a", "Người lao động ký hợp đồng lao động khi thi hành pháp luật."),
           make_document("b", "Người lao động không nghỉ. Pháp luật về lao động."),
           make_document("c", "Bệnh động kinh ở trẻ em. Quyền hành pháp.")});
    const auto texts = [&](std::string_view prefix) { return suggestions(prefix, 10); };
    for (const std::string typed : {"người lao động k", "nguoi lao dong k"}) {
        const std::vector<std::string> found = texts(typed);
        EXPECT_FALSE(contains(found, "động kinh")) << typed << ": " << ::testing::PrintToString(found);
        EXPECT_TRUE(contains(found, "ký")) << typed << ": " << ::testing::PrintToString(found);
        EXPECT_TRUE(contains(found, "không")) << typed << ": " << ::testing::PrintToString(found);
    }
    const std::vector<std::string> law = texts("thi hanh phap l");
    EXPECT_TRUE(contains(law, "pháp luật")) << ::testing::PrintToString(law);
    // Two words typed: nothing before them to compete with.
    EXPECT_TRUE(contains(texts("dong k"), "động kinh")) << ::testing::PrintToString(texts("dong k"));
}

// "của", "các", "cho" begin with "c" in nearly every document, and nobody searches for them:
// the other completions come first, the function words after them if room is left.
TEST_F(SearchTest, SuggestOffersFunctionWordsAfterTheOthers) {
    index({make_document("a", "Công an tỉnh của các huyện cho biết"), make_document("b", "Công nhân của xã cho biết"),
           make_document("c", "Công ty của tỉnh, cho hay"), make_document("d", "Chiều nay, của ai cho ai")});
    const std::vector<std::string> found = suggestions("c", 10);
    EXPECT_EQ(found.front(), "công") << ::testing::PrintToString(found);  // in 3 documents; "của" and "cho" in 4
    const auto at = [&](const std::string& word) { return std::find(found.begin(), found.end(), word) - found.begin(); };
    EXPECT_LT(at("chiều"), at("của")) << ::testing::PrintToString(found);
    EXPECT_LT(at("chiều"), at("cho")) << ::testing::PrintToString(found);
    EXPECT_TRUE(contains(found, "của")) << ::testing::PrintToString(found);  // still offered, room being left
    EXPECT_EQ(suggestions("c", 1), (std::vector<std::string>{"công"}));
}

// After English words, English words: "supreme co" is "court", not "công", the syllable that
// a collection mostly Vietnamese holds more often.
TEST_F(SearchTest, SuggestCompletesEnglishAfterEnglishWords) {
    std::vector<Document> docs;
    for (int i = 0; i < 20; ++i) docs.push_back(make_document("vi" + std::to_string(i), "Công an và công nhân có con, thế là cho biết số " + std::to_string(i)));
    docs.push_back(make_document("en1", "The Supreme Court held that the excess profits tax applies."));
    docs.push_back(make_document("en2", "The Supreme Court of India dismissed the appeal on profits."));
    index(docs);
    EXPECT_EQ(suggestions("supreme co", 3).front(), "court") << ::testing::PrintToString(suggestions("supreme co", 3));
    EXPECT_EQ(suggestions("excess pro", 3).front(), "profits") << ::testing::PrintToString(suggestions("excess pro", 3));
    EXPECT_EQ(suggestions("the supreme co", 3).front(), "court") << ::testing::PrintToString(suggestions("the supreme co", 3));
    // No English before it, or Vietnamese typed without diacritics: the most frequent first.
    for (const std::string typed : {"co", "cong an co"}) EXPECT_NE(suggestions(typed, 1).front(), "court") << typed;
}

// The index holds lower case; a completion is as the documents write it ("Hà Nội"), with the
// capitals the user typed on it, syllable by syllable, and leaves a document-number code as the
// lexicon writes it.
TEST_F(SearchTest, SuggestCapitalizesTheSyllablesTypedCapitalized) {
    index({make_document("a", "Hà Nội mùa thu. Người Hà Nội thi hành pháp luật."), make_document("b", "Quyết định của UBND Hà Nội")});
    const auto texts = [&](std::string_view prefix) { return suggestions(prefix, 10); };
    const auto first = [&](std::string_view prefix) {
        const auto found = texts(prefix);
        return found.empty() ? std::string() : found.front();
    };
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Ha N", "Hà Nội"},     // typed without diacritics, with capitals
        {"Hà n", "Hà Nội"},     // the completed syllable typed in lower case: as the documents write it
        {"ha N", "Hà Nội"},
        {"ha n", "Hà Nội"},
        {"HA NO", "HÀ NỘI"},
        {"HA N", "HÀ NỘI"},     // one capital after capitals: capitals
        {"Thi h", "Thi hành"},
        {"về Thi h", "Thi hành"},
        {"H", "Hà"},
    };
    for (const auto& [typed, completion] : rows) EXPECT_EQ(first(typed), completion) << typed;
    const auto one_typed = texts("H");  // a syllable beyond those typed is as the documents write it
    EXPECT_NE(std::find(one_typed.begin(), one_typed.end(), "Hà Nội"), one_typed.end()) << ::testing::PrintToString(one_typed);
    const auto codes = texts("U");  // a code as the lexicon writes it, not "Ubnd"
    EXPECT_NE(std::find(codes.begin(), codes.end(), "UBND"), codes.end()) << ::testing::PrintToString(codes);
}

// After "Điều N" a user types the law's name or abbreviation: the laws the index holds come
// before words that merely begin so ("Điều 173 BL" is "BLHS", not "BLOOMBERG"), each law once,
// named as its articles' records write it.
TEST_F(SearchTest, SuggestCompletesTheLawAfterAnArticle) {
    std::vector<Document> docs = codes_article_by_article();
    for (int i = 0; i < 20; ++i)
        docs.push_back(make_document("wire" + std::to_string(i), "BLOOMBERG đưa tin về Blockchain và bloc thị trường, bộ luật mới số " + std::to_string(i)));
    for (const char* article : {"1", "2", "3"}) docs.push_back(law_article(std::string("dl-") + article, "Luật Du lịch", article, "Phạm vi điều chỉnh"));
    docs.push_back(make_document("cites", "Thực hiện Nghị quyết số 126/NQ-CP và 17/2020/NĐ-CP."));
    index(std::move(docs));
    const auto texts = [&](std::string_view prefix) { return suggestions(prefix, 5); };
    using V = std::vector<std::string>;
    // An article's number is no document number's start: "Điều 1" is not "Điều 126/NQ-CP".
    EXPECT_TRUE(contains(texts("12"), "126/NQ-CP")) << ::testing::PrintToString(texts("12"));
    for (const std::string typed : {"Điều 12", "khoản 1", "Article 1"})
        for (const std::string& offered : texts(typed)) EXPECT_EQ(offered.find('/'), std::string::npos) << typed << " -> " << offered;
    const V after_bl = texts("Điều 173 BL");
    ASSERT_EQ(after_bl.size(), 5u) << ::testing::PrintToString(after_bl);
    EXPECT_EQ(V(after_bl.begin(), after_bl.begin() + 3), (V{"BLHS", "BLLĐ", "BLDS"})) << ::testing::PrintToString(after_bl);  // most articles first
    EXPECT_TRUE(after_bl[3].starts_with("BLO")) << ::testing::PrintToString(after_bl);  // then words, as anywhere
    EXPECT_EQ(texts("dieu 173 bl").front(), "BLHS");
    EXPECT_EQ(texts("khoản 1 Điều 173 của BLH"), V{"BLHS"});
    EXPECT_EQ(texts("Điều 173 Bộ luật H").front(), "Bộ luật Hình sự");
    EXPECT_EQ(texts("điều 5 luật đ").front(), "Luật Đất đai");  // without its year; not "Luật Du lịch", typed with its đ
    EXPECT_EQ(texts("điều 5 luật d").front(), "Luật Du lịch");  // with more articles
    EXPECT_EQ(texts("Điều 8 Luật HN").front(), "Luật HNGĐ");
    // Elsewhere, words as before.
    EXPECT_FALSE(contains(texts("BL"), "BLHS")) << ::testing::PrintToString(texts("BL"));
    EXPECT_EQ(texts("Điều 173 ").size(), 0u);
}

// Place names and bodies are dictionary words, which the index holds in lower case like any
// other: /suggest shows a word as most documents holding it write it ("ha n" -> "Hà Nội",
// "quoc h" -> "Quốc hội"), not "thi hành", which only a sentence's head or a Title Case headline
// capitalizes; capitals in a heading ("HÀ NỘI MỚI") say nothing of a word's case.
TEST_F(SearchTest, SuggestShowsAWordAsTheDocumentsCapitalizeIt) {
    index({make_document("a", "Mưa lớn ở Hà Nội. Quốc hội họp tại Thành phố Hồ Chí Minh. Thi hành pháp luật."),
           make_document("b", "Người dân Hà Nội thi hành pháp luật. Ông nói: Thi hành án là việc khó."),
           make_document("c", "HÀ NỘI MỚI đưa tin: đại biểu Quốc hội thi hành nhiệm vụ."),
           make_document("d", "Tin Tức Thi Hành Pháp Luật\nKỳ họp Quốc hội khai mạc tại Thành phố Hồ Chí Minh.")});
    const auto first = [&](std::string_view prefix) {
        const std::vector<std::string> found = suggestions(prefix, 10);
        return found.empty() ? std::string() : found.front();
    };
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"ha n", "Hà Nội"},
        {"hà n", "Hà Nội"},
        {"quoc h", "Quốc hội"},
        {"đại biểu quốc h", "Quốc hội"},
        {"thanh ph", "Thành phố"},
        {"thanh pho ho chi m", "Hồ Chí Minh"},
        {"thi h", "thi hành"},   // capitalized in one document of four, at a headline's
        {"phap l", "pháp luật"},
        {"Thi h", "Thi hành"},   // a capital typed is kept
        {"HA NO", "HÀ NỘI"},     // and capitals typed
        {"dai b", "đại biểu"},
    };
    for (const auto& [typed, completion] : rows) EXPECT_EQ(first(typed), completion) << typed;
}

TEST_F(SearchTest, CheckFindsReferencesWithTheirStatusAndQuotesWordForWord) {
    index({make_document("nq", "Nghị quyết số 126/NQ-CP về một số giải pháp\nNội dung nghị quyết."),
           make_document("article", "Tỉnh triển khai\nTỉnh thực hiện Nghị quyết số 126/NQ-CP. Ông nói: “phải ngăn chặn lợi ích nhóm” hôm qua.")});
    Searcher searcher((dir_.path() / "db").string());
    EXPECT_EQ(searcher.document("nq")->number, "126/NQ-CP");
    EXPECT_EQ(searcher.document("article")->number, "");  // a title naming no type is no number
    EXPECT_EQ(ids(search("126/nq-cp")).front(), "nq");    // the document itself before those citing it
    const auto [citing, total] = searcher.cited_by("nq", 10);
    EXPECT_EQ(citing, std::vector<std::string>{"article"});
    EXPECT_EQ(total, 1u);

    const std::string text = "Bài: thực hiện Nghị quyết 126/NQ-CP ngày 14/8/2023 và Nghị định 15/2020/NĐ-CP. "
                             "Ông nói \"phai ngan chan loi ich nhom\" và “không có trong kho”.";
    const auto result = searcher.check(text);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->references.size(), 2u);
    const CheckedReference& first = result->references[0];
    EXPECT_EQ(first.canonical, "126/NQ-CP");
    EXPECT_EQ(first.relation, "implements");
    EXPECT_EQ(first.issued, "2023-08-14");
    EXPECT_EQ(first.held_by, "nq");
    EXPECT_EQ(first.cited_by, 1u);  // the article; the resolution naming itself does not count
    EXPECT_EQ(first.begin, 26u);  // code points, not bytes: "Bài: thực hiện Nghị quyết " is 26 of them
    EXPECT_EQ(first.end, 35u);
    EXPECT_EQ(result->references[1].canonical, "15/2020/NĐ-CP");
    EXPECT_EQ(result->references[1].held_by, "");
    EXPECT_EQ(result->references[1].cited_by, 0u);
    ASSERT_EQ(result->quotes.size(), 2u);
    EXPECT_EQ(result->quotes[0].text, "phai ngan chan loi ich nhom");
    EXPECT_EQ(result->quotes[0].found, 1u);
    ASSERT_EQ(result->quotes[0].documents.size(), 1u);
    EXPECT_EQ(result->quotes[0].documents[0].document.id, "article");
    EXPECT_EQ(result->quotes[1].found, 0u);
    EXPECT_FALSE(searcher.check("\xFF").ok());
    EXPECT_EQ(searcher.check("").error().message, "text is empty");
}

// A journalist checking a quote wants its source: the earliest publication first, whatever
// ranks highest (the article repeating the quote twice would), and the undated after the dated.
TEST_F(SearchTest, CheckListsTheDocumentsQuotingAPassageOldestFirst) {
    Document resolution = make_document("nq", "Nghị quyết về tổ chức thi hành pháp luật\nNgăn chặn lợi ích nhóm, lợi ích cục bộ.");
    resolution.date = "2023-08-14";
    Document article = make_document("article", "Ngăn chặn lợi ích nhóm\nTỉnh ngăn chặn “lợi ích nhóm, lợi ích cục bộ”; "
                                                "lợi ích nhóm, lợi ích cục bộ là nguy cơ. Lợi ích nhóm, lợi ích cục bộ.");
    article.date = "2023-09-22";
    Document later = make_document("later", "Một năm sau\nVẫn còn lợi ích nhóm, lợi ích cục bộ.");
    later.date = "2024-09-01";
    index({make_document("undated", "Không ngày\nBàn về lợi ích nhóm, lợi ích cục bộ."), later, article, resolution});
    Searcher searcher((dir_.path() / "db").string());
    const auto dated_order = [&](std::size_t limit) {
        const auto result = searcher.check("Bài báo viết “lợi ích nhóm, lợi ích cục bộ”.", limit);
        EXPECT_TRUE(result.ok());
        std::vector<std::string> order;
        if (!result.ok() || result->quotes.size() != 1) return order;
        EXPECT_EQ(result->quotes[0].found, 4u);  // all of them, whatever the page
        for (const Hit& hit : result->quotes[0].documents) order.push_back(hit.document.id);
        return order;
    };
    EXPECT_EQ(dated_order(10), (std::vector<std::string>{"nq", "article", "later", "undated"}));
    EXPECT_EQ(dated_order(1), std::vector<std::string>{"nq"});  // the source, though the article ranks higher
}

// A text quoting one passage thousands of times asks one question: the answer lists it once,
// with every place it is quoted, and stops after Searcher::kMaxCheckReferences numbers and
// kMaxCheckQuotations distinct quotations, saying so.
TEST_F(SearchTest, CheckSearchesEachDistinctQuotationOnceAndCapsTheWork) {
    index({make_document("article", "Tỉnh triển khai\nÔng nói: “phải ngăn chặn lợi ích nhóm” hôm qua, theo Nghị quyết 126/NQ-CP.")});
    Searcher searcher((dir_.path() / "db").string());
    std::string repeated;
    const std::string sentence = "Ông nói “phải ngăn chặn lợi ích nhóm” theo Nghị quyết 126/NQ-CP. ";
    for (int i = 0; i < 9000; ++i) repeated += sentence;
    const auto result = searcher.check(repeated);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->quotes.size(), 1u);
    const CheckedQuote& quote = result->quotes[0];
    EXPECT_EQ(quote.text, "phải ngăn chặn lợi ích nhóm");
    EXPECT_EQ(quote.found, 1u);
    ASSERT_EQ(quote.spans.size(), 9000u);
    const std::size_t sentence_code_points = 65;
    EXPECT_EQ(quote.begin, 9u);
    EXPECT_EQ(quote.spans[0].begin, 9u);
    EXPECT_EQ(quote.spans[1].begin, 9u + sentence_code_points);
    EXPECT_EQ(quote.spans[1].end - quote.spans[1].begin, quote.end - quote.begin);
    EXPECT_EQ(result->references.size(), Searcher::kMaxCheckReferences);
    EXPECT_EQ(result->references[99].cited_by, 1u);  // looked up once, the same for each mention
    EXPECT_TRUE(result->truncated);

    std::string distinct;  // one number, 150 different quotations
    for (int i = 0; i < 150; ++i) distinct += "Nghị quyết 126/NQ-CP: “lợi ích nhóm " + std::to_string(i) + "”. ";
    const auto capped = searcher.check(distinct);
    ASSERT_TRUE(capped.ok());
    ASSERT_EQ(capped->quotes.size(), Searcher::kMaxCheckQuotations);
    EXPECT_EQ(capped->quotes.back().text, "lợi ích nhóm 99");
    EXPECT_EQ(capped->references.size(), Searcher::kMaxCheckReferences);
    EXPECT_TRUE(capped->truncated);

    const auto whole = searcher.check("Ông nói “lợi ích nhóm” và “lợi ích nhóm”, “một”.");  // one word is no quotation
    ASSERT_TRUE(whole.ok());
    ASSERT_EQ(whole->quotes.size(), 1u);
    EXPECT_EQ(whole->quotes[0].spans.size(), 2u);
    EXPECT_FALSE(whole->truncated);
}

TEST_F(SearchTest, RelatedDocumentsComeWithTheirIdsBestFirst) {
    index({make_document("dyke", "Sea dyke repair\nThe province repaired the sea dyke after the typhoon flooded the dyke."),
           make_document("dyke-2", "Typhoon season\nA typhoon reached the coast; the sea dyke held."),
           make_document("budget", "Budget\nThe ministry published the annual budget.")});
    const Xapian::Database db((dir_.path() / "db").string());
    const Analyzer analyzer;
    const std::vector<RelatedHit> hits =
        related_documents("Will the sea dyke survive the next typhoon? The dyke was repaired.", db, analyzer, 10);
    std::vector<std::string> found;
    for (const RelatedHit& hit : hits) found.push_back(hit.id);
    EXPECT_EQ(found, (std::vector<std::string>{"dyke", "dyke-2"}));  // the budget shares no informative word
}

TEST_F(SearchTest, RefusesAnIndexBuiltByAnotherAnalyzerVersion) {
    index({make_document("a", "văn bản")});
    {
        Xapian::WritableDatabase db((dir_.path() / "db").string());
        db.set_metadata(std::string(schema::kAnalyzerVersionKey), "999");
        db.commit();
    }
    EXPECT_THROW(Searcher((dir_.path() / "db").string()), std::runtime_error);
    EXPECT_THROW(IndexWriter((dir_.path() / "db").string()), std::runtime_error);
}

TEST(Metadata, OwnNumberFromATitleThatSaysWhatTheDocumentIs) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Nghị định số 15/2020/NĐ-CP về xử phạt", "15/2020/NĐ-CP"},
        {"Decree No. 15/2020/ND-CP", "15/2020/NĐ-CP"},
        {"Luật Đất đai số 31/2024/QH15", "31/2024/QH15"},
        {"Bộ luật Dân sự 2015 số 91/2015/QH13", "91/2015/QH13"},
        {"Law on Enterprises No. 59/2020/QH14", "59/2020/QH14"},
        {"Land Law No. 31/2024/QH15", "31/2024/QH15"},
        {"Quốc hội thông qua Luật Đất đai số 31/2024/QH15", ""},  // a press title mentions it
        {"National Assembly passes Land Law No. 31/2024/QH15", ""},
        {"Luật 2 lần sửa số 12/2020/QH14", ""},
        {"Pháp lệnh Chi phí tố tụng số 02/2012/UBTVQH13", "02/2012/UBTVQH13"},
        // Only the National Assembly and its Standing Committee pass laws: a law's title
        // before another body's number does not make it the law's.
        {"Luật đất đai sửa đổi theo Nghị định 15/2020/NĐ-CP", ""},
    };
    for (const auto& [title, expected] : rows) EXPECT_EQ(own_number_from_title(title), expected) << title;
}

// Official headers as legal staff paste them: one column, two columns side by side, the motto
// first, a Party header, an English translation, a law, an official letter.
TEST(LegalHeader, NumberDateAndTitleOfTheOfficialHeader) {
    struct Row {
        std::string text, number, date, title;
    };
    const std::vector<Row> rows = {
        {"CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
         "Số: 08/2021/NĐ-CP\nHà Nội, ngày 28 tháng 01 năm 2021\n\nNGHỊ ĐỊNH\nQUY ĐỊNH VỀ QUẢN LÝ HOẠT ĐỘNG ĐƯỜNG THỦY NỘI ĐỊA\n\n"
         "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
         "Chính phủ ban hành Nghị định quy định về quản lý hoạt động đường thủy nội địa.\n",
         "08/2021/NĐ-CP", "2021-01-28", "Nghị định 08/2021/NĐ-CP quy định về quản lý hoạt động đường thủy nội địa"},
        {"CHÍNH PHỦ       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n-------         Độc lập - Tự do - Hạnh phúc\n"
         "Số: 15/2020/NĐ-CP\tHà Nội, ngày 03 tháng 02 năm 2020\n\nNGHỊ ĐỊNH\nQUY ĐỊNH XỬ PHẠT VI PHẠM HÀNH CHÍNH\nTRONG LĨNH VỰC BƯU CHÍNH\n"
         "Căn cứ Luật Tổ chức Chính phủ;\n",
         "15/2020/NĐ-CP", "2020-02-03", "Nghị định 15/2020/NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính"},
        // A long official subject is the title whole, as it is cited.
        {"CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 15/2020/NĐ-CP\nHà Nội, ngày 03 tháng 02 năm 2020\n\nNGHỊ ĐỊNH\n"
         "QUY ĐỊNH XỬ PHẠT VI PHẠM HÀNH CHÍNH TRONG LĨNH VỰC BƯU CHÍNH, VIỄN THÔNG, TẦN SỐ VÔ TUYẾN ĐIỆN, CÔNG NGHỆ THÔNG TIN VÀ "
         "GIAO DỊCH ĐIỆN TỬ\n\nCăn cứ Luật Tổ chức Chính phủ;\n",
         "15/2020/NĐ-CP", "2020-02-03",
         "Nghị định 15/2020/NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông, tần số vô tuyến điện, "
         "công nghệ thông tin và giao dịch điện tử"},
        // Two-line issuer; no restatement: each word in the case the body gives it beside the same neighbour.
        {"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         "Số: 40/2026/QĐ-UBND\nQuảng Ninh, ngày 12 tháng 3 năm 2026\nQUYẾT ĐỊNH\nVỀ QUẢN LÝ BẾN THỦY NỘI ĐỊA TRÊN ĐỊA BÀN TỈNH QUẢNG NINH\n"
         "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
         "Điều 1. Quy định về quản lý bến thủy nội địa trên địa bàn tỉnh Quảng Ninh.\n",
         "40/2026/QĐ-UBND", "2026-03-12", "Quyết định 40/2026/QĐ-UBND về quản lý bến thủy nội địa trên địa bàn tỉnh Quảng Ninh"},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\nĐộc lập - Tự do - Hạnh phúc\r\nBỘ TÀI CHÍNH\r\nSố:15/2023/TT-BTC\r\n"
         "Hà Nội, ngày 5 tháng 6 năm 2023\r\nTHÔNG TƯ\r\nHướng dẫn về phí\r\nCăn cứ Luật Phí và lệ phí;\r\n",
         "15/2023/TT-BTC", "2023-06-05", "Thông tư 15/2023/TT-BTC hướng dẫn về phí"},
        {"BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 69-QĐ/TW\t\tĐẢNG CỘNG SẢN VIỆT NAM\n\t\tHà Nội, ngày 30 tháng 5 năm 2022\n\n"
         "QUY ĐỊNH\nvề kỷ luật tổ chức đảng, đảng viên vi phạm\n-----\n- Căn cứ Điều lệ Đảng;\n",
         "69-QĐ/TW", "2022-05-30", "Quy định 69-QĐ/TW về kỷ luật tổ chức đảng, đảng viên vi phạm"},
        {"GOVERNMENT\t\tSOCIALIST REPUBLIC OF VIETNAM\n-------\t\tIndependence - Freedom - Happiness\n"
         "No.: 15/2020/ND-CP\t\tHanoi, February 3, 2020\n\nDECREE\nON PENALTIES FOR ADMINISTRATIVE VIOLATIONS IN TELECOMMUNICATIONS\n\n"
         "Pursuant to the Law on Government Organization;\n",
         "15/2020/NĐ-CP", "2020-02-03", "Decree No. 15/2020/ND-CP on penalties for administrative violations in telecommunications"},
        {"QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLuật số: 31/2024/QH15\n\nLUẬT\nĐẤT ĐAI\n\nCăn cứ Hiến pháp;\n"
         "Quốc hội ban hành Luật Đất đai.\n",
         "31/2024/QH15", "", "Luật Đất đai số 31/2024/QH15"},
        {"BỘ TÀI CHÍNH\n-------\nSố: 1234/BTC-TCT\nV/v hướng dẫn chính sách thuế\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "\tHà Nội, ngày 5 tháng 2 năm 2024\n\nKính gửi: Cục Thuế các tỉnh\n",
         "1234/BTC-TCT", "2024-02-05", "Công văn 1234/BTC-TCT về việc hướng dẫn chính sách thuế"},
    };
    for (const Row& row : rows) {
        const std::optional<LegalHeader> header = read_legal_header(row.text);
        ASSERT_TRUE(header.has_value()) << row.text;
        EXPECT_EQ(header->number, row.number) << row.text;
        EXPECT_EQ(header->date, row.date) << row.text;
        EXPECT_EQ(header->title, row.title) << row.text;
    }
    // A title that names the number, a press article, a number line alone: no header.
    for (const std::string text : {"Thông tư số 08/2020/TT-BTTTT hướng dẫn Nghị định 15/2020/NĐ-CP\n\nHà Nội, ngày 10 tháng 4 năm 2020\n",
                                   "Số 15 đường Láng được mở rộng\nHà Nội, ngày 5 tháng 6 năm 2023\n",
                                   "Số: 08/2021/NĐ-CP\nNGHỊ ĐỊNH\n"})
        EXPECT_FALSE(read_legal_header(text).has_value()) << text;
}

// Legal documents as the indexer reads them.
Document pasted_decree() {
    return make_document("nd-08",
                         "CHÍNH PHỦ       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                         "Số: 08/2021/NĐ-CP       Hà Nội, ngày 28 tháng 01 năm 2021\n\nNGHỊ ĐỊNH\n"
                         "QUY ĐỊNH VỀ QUẢN LÝ HOẠT ĐỘNG ĐƯỜNG THỦY NỘI ĐỊA\n\n"
                         "Nghị định này thay thế Nghị định số 24/2015/NĐ-CP ngày 27 tháng 02 năm 2015.\n");
}

Document titled_decree() {
    return make_document("nd-15",
                         "Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ quy định xử phạt vi phạm hành chính\n\n"
                         "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Viễn thông số 41/2009/QH12;\n"
                         "Nghị định 15/2020/NĐ-CP có hiệu lực từ ngày 15 tháng 4 năm 2020.\n");
}

TEST(LegalHeader, APastedHeaderGivesTheTitleNumberAndDate) {
    Document doc = pasted_decree();
    (void)analyze_document(doc, Analyzer());
    EXPECT_EQ(doc.title, "Nghị định 08/2021/NĐ-CP quy định về quản lý hoạt động đường thủy nội địa");
    EXPECT_EQ(doc.number, "08/2021/NĐ-CP");
    EXPECT_EQ(doc.date, "2021-01-28");
    Document stated = pasted_decree();
    stated.title = "Nghị định về đường thủy";  // a title the source states is kept
    (void)analyze_document(stated, Analyzer());
    EXPECT_EQ(stated.title, "Nghị định về đường thủy");
    EXPECT_EQ(stated.number, "08/2021/NĐ-CP");
}

// Pasted from a web page or a file with a heading of its own, the header comes after a title
// line: still the document's own number, not a citation of it; the title stated is kept.
TEST(LegalHeader, AHeaderAfterATitleLineIsStillTheHeader) {
    const std::string header = "BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 79/2022/TT-BTC\nHà Nội, ngày 12 tháng 3 năm 2022\n"
                               "THÔNG TƯ\nHƯỚNG DẪN VỀ LỆ PHÍ MÔN BÀI\nĐiều 1. Phạm vi.\n";
    Document doc = make_document("tt-79", "Thông tư hướng dẫn lệ phí (bản dịch nội bộ)\n\n" + header);
    (void)analyze_document(doc, Analyzer());
    EXPECT_EQ(doc.number, "79/2022/TT-BTC");
    EXPECT_EQ(doc.date, "2022-03-12");
    EXPECT_EQ(doc.title, "Thông tư hướng dẫn lệ phí (bản dịch nội bộ)");
    EXPECT_TRUE(doc.citations.empty());
    const std::optional<LegalHeader> after_two = read_legal_header("Bản dịch\nNguồn: thuvienphapluat.vn\n" + header);
    ASSERT_TRUE(after_two.has_value());
    EXPECT_TRUE(after_two->after_title);
    // Three lines in sentence case are an article's, and a header never opens with its number line.
    EXPECT_FALSE(read_legal_header("Tin tức\nBài viết\nHôm nay\n" + header).has_value());
    EXPECT_FALSE(read_legal_header("Tin tức\nSố: 15/2020/NĐ-CP\nHà Nội, ngày 5 tháng 6 năm 2023\n").has_value());
}

// A local body's document is its province's: the header's issuer column says which, whether
// the columns come side by side (a tab, or two spaces or more) or one under the other, and
// failing that its place and date line.
TEST(LegalHeader, TheIssuersLocalityWhateverTheLayout) {
    const std::string body = "QUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch phát triển du lịch năm 2024\nĐiều 1. Phê duyệt kế hoạch.\n";
    const std::vector<std::string> headers = {
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NINH\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 1234/QĐ-UBND\tHạ Long, ngày 10 tháng 5 năm 2024\n",
        "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NINH      Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1234/QĐ-UBND     Hạ Long, ngày 10 tháng 5 năm 2024\n",
        "UBND TỈNH QUẢNG NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1234/QĐ-UBND\tHạ Long, ngày 10 tháng 5 năm 2024\n",
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1234/QĐ-UBND\nHạ Long, ngày 10 tháng 5 năm 2024\n",
        // The issuer without its province: the place it was signed.
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1234/QĐ-UBND\tQuảng Ninh, ngày 10 tháng 5 năm 2024\n",
    };
    for (const std::string& header : headers) {
        Document doc = make_document("qd-1234", header + body);
        (void)analyze_document(doc, Analyzer());
        EXPECT_EQ(doc.number, "1234/QĐ-UBND") << header;
        EXPECT_EQ(doc.date, "2024-05-10") << header;
        EXPECT_EQ(doc.locality, "Quảng Ninh") << header;
    }
    const std::optional<LegalHeader> side_by_side = read_legal_header(headers[0] + body);
    ASSERT_TRUE(side_by_side.has_value());
    EXPECT_EQ(side_by_side->issuer, "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH");
    EXPECT_EQ(side_by_side->place, "Hạ Long");
}

TEST(LegalHeader, WithoutADatelineTheDateStatedWithItsOwnNumberIsItsDate) {
    Document titled = titled_decree();
    (void)analyze_document(titled, Analyzer());
    EXPECT_EQ(titled.number, "15/2020/NĐ-CP");
    EXPECT_EQ(titled.date, "2020-02-03");  // not a cited law's date
    Document party = make_document("qd-132", "Quy định số 132-QĐ/TW ngày 27 tháng 10 năm 2023 của Bộ Chính trị về kiểm điểm\n\n"
                                             "Quy định này thay thế Quy định số 124-QĐ/TW ngày 04/10/2017.\n");
    (void)analyze_document(party, Analyzer());
    EXPECT_EQ(party.date, "2023-10-27");
    Document article = make_document("news", "Tin tức\n\nNghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 có hiệu lực.\n");
    (void)analyze_document(article, Analyzer());
    EXPECT_EQ(article.date, "");  // a cited decree's date is not an article's
}

TEST(Metadata, AdoptionDateFromTheClosingSentenceThatNamesTheDocumentItself) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Điều 218. Hiệu lực thi hành\nLuật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.\n"
         "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV, kỳ họp thứ 9 thông qua ngày 17 tháng 6 năm 2020.\n"
         "CHỦ TỊCH QUỐC HỘI\nNguyễn Thị Kim Ngân", "2020-06-17"},
        {"Bộ luật này được Quốc hội khóa XIV thông qua vào ngày 24/11/2015.", "2015-11-24"},
        {"Nghị quyết này được Quốc hội khóa XV, kỳ họp thứ 5 thông qua ngày 24 tháng 6 năm 2023.", "2023-06-24"},
        {"Article 218. Entry into force\nThis Law comes into force from January 01, 2021.\n"
         "This Law was passed by the 14th National Assembly of the Socialist Republic of Vietnam at its 9th session on June 17, 2020.",
         "2020-06-17"},
        {"This Resolution is ratified by the National Assembly on 24 June 2023.", "2023-06-24"},
        // A text that tells of another law being passed states no date of its own.
        {"Luật Đất đai được Quốc hội thông qua ngày 18/1/2024 và có hiệu lực từ ngày 1/8/2024.", ""},
        {"Hôm qua, Quốc hội thông qua ngày 18/1/2024 Luật Đất đai. Luật này có nhiều điểm mới.", ""},
        {"The Land Law was passed by the National Assembly on January 18, 2024.", ""},
        {"Under this Law passed on January 18, 2024, land prices follow the market.", ""},
        {"Luật này đã được Quốc hội thông qua.", ""},
        // The type is a whole word: a lawyer is no law.
        {"This Lawyer was approved by the bar on June 1, 2020.", ""},
        {"This Law, as amended, was passed by the National Assembly on June 17, 2020.", "2020-06-17"},
        {"", ""},
    };
    for (const auto& [text, expected] : rows) EXPECT_EQ(find_adoption_date(text), expected) << text;
}

TEST(LegalHeader, ALawWithoutADatelineIsDatedByItsClosingSentence) {
    Document law = make_document("luat-59", "QUỐC HỘI\n--------\nLuật số: 59/2020/QH14\n\n"
                                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\n"
                                            "LUẬT\nDOANH NGHIỆP\n\n"
                                            "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
                                            "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về doanh nghiệp.\n"
                                            "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV, "
                                            "kỳ họp thứ 9 thông qua ngày 17 tháng 6 năm 2020.\n");
    (void)analyze_document(law, Analyzer());
    EXPECT_EQ(law.number, "59/2020/QH14");
    EXPECT_EQ(law.date, "2020-06-17");
}

// Numbers are not unique: another province's decision with the decision's own number is a
// citation, not the decision naming itself.
TEST(LegalHeader, AnotherLocalitysDocumentWithItsOwnNumberIsACitation) {
    Document doc = testing::make_document(
        "dn-40", "Quyết định số 40/2026/QĐ-UBND của UBND thành phố Đà Nẵng về giá\n"
                 "Căn cứ Quyết định số 40/2026/QĐ-UBND của UBND tỉnh Quảng Ninh về bến thủy nội địa.");
    (void)analyze_document(doc, Analyzer());
    EXPECT_EQ(doc.locality, "Đà Nẵng");
    ASSERT_EQ(doc.citations.size(), 1u);
    EXPECT_EQ(doc.citations[0].number, "40/2026/QĐ-UBND");
    EXPECT_EQ(doc.citations[0].locality, "Quảng Ninh");
    TempDir dir;
    build_index(dir.path() / "db", {doc});
    const auto stored = Searcher((dir.path() / "db").string()).document("dn-40");
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->references, std::vector<std::string>{"40/2026/QĐ-UBND"});
}

TEST(LegalHeader, ItsOwnNumberIsNotACitationAndFiltersFindIt) {
    Document titled = titled_decree();
    (void)analyze_document(titled, Analyzer());
    std::vector<std::string> cited;
    for (const Citation& citation : titled.citations) cited.push_back(citation.number);
    EXPECT_EQ(cited, std::vector<std::string>{"41/2009/QH12"});

    TempDir dir;
    build_index(dir.path() / "db", {pasted_decree(), titled_decree()});
    Searcher searcher((dir.path() / "db").string());
    for (const auto& [id, cites] : std::vector<std::pair<std::string, std::string>>{{"nd-15", "41/2009/QH12"}, {"nd-08", "24/2015/NĐ-CP"}}) {
        const auto stored = searcher.document(id);
        ASSERT_TRUE(stored.has_value()) << id;
        EXPECT_EQ(stored->references, std::vector<std::string>{cites}) << id;
        ASSERT_EQ(stored->citations.size(), 1u) << id;
        EXPECT_EQ(stored->citations[0].number, cites) << id;
    }
    SearchRequest request{.query = "nghị định"};
    request.from = "2020-01-01";
    request.to = "2021-12-31";
    request.type = "NĐ";
    const Result<SearchResponse> found = searcher.search(request);
    ASSERT_TRUE(found.ok()) << found.error().message;
    std::vector<std::string> found_ids = ids(found.value());
    std::sort(found_ids.begin(), found_ids.end());
    EXPECT_EQ(found_ids, (std::vector<std::string>{"nd-08", "nd-15"}));
}

TEST(LegalKind, TypeAndIssuersComeFromTheDocumentsOwnNumber) {
    struct Row {
        std::string number, title, type;
        std::vector<std::string> issuers;
    };
    const std::vector<Row> rows = {
        {"15/2020/NĐ-CP", "", "NĐ", {"CP"}},
        {"12/2015/TTLT-BTC-BTP", "", "TTLT", {"BTC", "BTP"}},
        {"69-QĐ/TW", "", "QĐi", {"TW"}},               // a Party QĐ is a regulation
        {"5/2019/QĐ-UB", "", "QĐ", {"UBND"}},          // one code per issuer: UB is UBND
        {"38/2019/QH14", "Luật số 38/2019/QH14 Quản lý thuế", "L", {"QH"}},  // the noun says the type; no term
        {"38/2019/QH14", "Điều 1", "", {"QH"}},        // nothing says it
        {"2383/BVHTTDL-TCDL", "", "", {"BVHTTDL", "TCDL"}},  // TCDL is outside the lexicon: kept
    };
    for (const Row& row : rows) {
        const LegalKind kind = legal_kind_of(parse_document_number(row.number), row.title);
        EXPECT_EQ(kind.type, row.type) << row.number;
        EXPECT_EQ(kind.issuers, row.issuers) << row.number;
    }
    const LegalKind article = legal_kind_of(std::nullopt, "Tin tức");
    EXPECT_EQ(article.type, "article");
    EXPECT_TRUE(article.issuers.empty());
    // An article of a law or code (JSONL "law") is a legal text, of its law's type.
    EXPECT_EQ(legal_kind_of(std::nullopt, "Điều 20", "Luật Cư trú").type, "L");
    EXPECT_EQ(legal_kind_of(std::nullopt, "", "Bộ luật Dân sự").type, "L");
    EXPECT_EQ(legal_kind_of(std::nullopt, "", "the Labour Code").type, "L");
    EXPECT_EQ(legal_kind_of(std::nullopt, "", "Pháp lệnh Chi phí tố tụng").type, "PL");
    EXPECT_EQ(legal_kind_of(std::nullopt, "", "Hiến pháp").type, "");  // no code, but no press article either
    EXPECT_EQ(legal_kind_of(parse_document_number("45/2019/QH14"), "Điều 8", "Luật số 45/2019/QH14").type, "L");
    // A record of a code's article with the code's number, which names no type (QA).
    const LegalKind numbered = legal_kind_of(parse_document_number("45/2019/QH14"), "Điều 8", "Bộ luật Lao động");
    EXPECT_EQ(numbered.type, "L");
    EXPECT_EQ(numbered.issuers, std::vector<std::string>{"QH"});
    EXPECT_EQ(legal_kind_of(parse_document_number("01/VBHN-VPQH"), "Điều 8", "Luật Đất đai").type, "VBHN");  // the number's type first
}

TEST(LegalKind, AnyWrittenVariantOfATypeOrIssuerResolvesToItsCode) {
    using Rows = std::vector<std::pair<std::string, std::optional<std::string>>>;
    const Rows types = {{"NĐ", "NĐ"},         {"nd", "NĐ"},          {"nđ", "NĐ"},       {"Nghị định", "NĐ"},
                        {"nghi  dinh", "NĐ"}, {"DECREE", "NĐ"},      {"quy định", "QĐi"}, {"Regulation", "QĐi"},
                        {"decision", "QĐ"},   {"luật", "L"},  {"Bộ luật", "L"}, {"code", "L"},          {"article", "article"}, {"bài báo", "article"},
                        {"joint circular", "TTLT"}, {"CP", std::nullopt}, {"xyz", std::nullopt}, {"", std::nullopt},
                        {"\xFF", std::nullopt}};
    for (const auto& [written, code] : types) EXPECT_EQ(resolve_type(written), code) << written;
    const Rows issuers = {{"CP", "CP"},       {"cp", "CP"},         {"Chính phủ", "CP"},  {"government", "CP"},
                          {"QH15", "QH"},     {"quốc hội", "QH"},   {"ub", "UBND"},       {"People's Committee", "UBND"},
                          {"thủ tướng", "TTg"},  // another name of "Thủ tướng Chính phủ" (synonyms)
                          {"Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL"}, {"BGD&ĐT", "BGDĐT"},
                          {"NĐ", std::nullopt}, {"TCDL", std::nullopt}};
    for (const auto& [written, code] : issuers) EXPECT_EQ(resolve_issuer(written), code) << written;
    EXPECT_EQ(type_term("NĐ"), "XTnd");
    EXPECT_EQ(issuer_term("TTg"), "XIttg");
    EXPECT_EQ(names_of_code("NĐ").vi, "Nghị định");
    EXPECT_EQ(names_of_code("QĐi").en, "Regulation");
    EXPECT_TRUE(names_of_code("TCDL").vi.empty());
}

class LegalFilterTest : public SearchTest {
protected:
    void SetUp() override {
        auto legal = [](std::string id, std::string title, std::string number, std::string date) {
            Document doc = make_document(std::move(id), title + "\nQuy định về thuế.");
            doc.number = std::move(number);
            doc.date = std::move(date);
            return doc;
        };
        auto article = [](std::string id, std::string text, std::string date) {
            Document doc = make_document(std::move(id), std::move(text));
            doc.date = std::move(date);
            return doc;
        };
        index({legal("decree", "Nghị định 15/2020/NĐ-CP về xử phạt", "15/2020/NĐ-CP", "2020-02-03"),
               legal("joint", "Thông tư liên tịch 12/2015/TTLT-BTC-BTP", "12/2015/TTLT-BTC-BTP", "2015-05-05"),
               legal("party", "Quy định 69-QĐ/TW về kỷ luật", "69-QĐ/TW", "2022-02-06"),
               legal("province", "Quyết định 5/2019/QĐ-UB", "5/2019/QĐ-UB", "2019-01-01"),
               legal("law", "Luật số 38/2019/QH14 Quản lý thuế", "", "2019-06-13"),  // number from the title
               legal("letter", "Công văn 2383/BVHTTDL-TCDL về du lịch", "2383/BVHTTDL-TCDL", "2017-08-01"),
               article("article", "Tin tức\nBáo chí đưa tin về thuế và Nghị định 15/2020/NĐ-CP.", "2020-03-01"),
               article("english", "News\nThe tax decree 15/2020/ND-CP took effect and the tax office said so.", "2020-04-01")});
    }
    Result<SearchResponse> run(SearchRequest request) {
        Searcher searcher((dir_.path() / "db").string());
        return searcher.search(request);
    }
    std::vector<std::string> filtered(const std::string& type, const std::string& issuer, const std::string& query = "thuế tax") {
        SearchRequest request{.query = query};
        request.type = type;
        request.issuer = issuer;
        const auto result = run(request);
        EXPECT_TRUE(result.ok()) << type << "/" << issuer << ": " << (result.ok() ? "" : result.error().message);
        auto found = result.ok() ? ids(result.value()) : std::vector<std::string>{};
        std::sort(found.begin(), found.end());
        return found;
    }
};

TEST_F(LegalFilterTest, TypeAndIssuerParametersTakeAnyWrittenVariant) {
    using V = std::vector<std::string>;
    for (const std::string type : {"decree", "NĐ", "nd", "Nghị định", "nghi dinh"}) EXPECT_EQ(filtered(type, ""), V{"decree"}) << type;
    for (const std::string type : {"article", "bài báo"}) EXPECT_EQ(filtered(type, ""), (V{"article", "english"})) << type;
    EXPECT_EQ(filtered("Regulation", ""), V{"party"});
    EXPECT_EQ(filtered("decision", ""), V{"province"});
    EXPECT_EQ(filtered("luật", ""), V{"law"});
    for (const std::string issuer : {"BTP", "Bộ Tư pháp", "ministry of justice", "btc"}) EXPECT_EQ(filtered("", issuer), V{"joint"}) << issuer;
    for (const std::string issuer : {"UBND", "ub", "Ủy ban nhân dân"}) EXPECT_EQ(filtered("", issuer), V{"province"}) << issuer;
    for (const std::string issuer : {"QH", "QH15", "Quốc hội"}) EXPECT_EQ(filtered("", issuer), V{"law"}) << issuer;
    EXPECT_EQ(filtered("", "tcdl"), V{"letter"});  // outside the lexicon, but the index holds it
    EXPECT_EQ(filtered("nd", "CP"), V{"decree"});
    EXPECT_EQ(filtered("", "Thủ tướng"), V{});     // a known issuer of no document: no error
}

TEST_F(LegalFilterTest, TypeAndIssuerFieldsInTheQueryLanguage) {
    using V = std::vector<std::string>;
    EXPECT_EQ(filtered("", "", "thuế type:\"nghị định\""), V{"decree"});
    EXPECT_EQ(filtered("", "", "thuế type:article -lang:en"), V{"article"});
    EXPECT_EQ(filtered("", "", "thuế -type:article"), (V{"decree", "joint", "law", "letter", "party", "province"}));
    EXPECT_EQ(filtered("", "", "issuer:btc OR issuer:cp"), (V{"decree", "joint"}));
    EXPECT_EQ(filtered("", "", "thuế issuer:\"Bộ Văn hóa, Thể thao và Du lịch\""), V{"letter"});
    EXPECT_EQ(filtered("", "", "thuế -issuer:TCDL type:CV"), V{});
}

TEST_F(LegalFilterTest, AnUnknownTypeOrIssuerIsABadParameterNamingIt) {
    const std::vector<std::tuple<std::string, std::string, std::string>> rows = {
        {"xyz", "", "parameter \"type\": \"xyz\""},
        {"CP", "", "parameter \"type\": \"CP\""},  // an issuer, not a type
        {"", "NĐ", "parameter \"issuer\": \"NĐ\""},
        {"", "zzzz", "parameter \"issuer\": \"zzzz\""},
    };
    for (const auto& [type, issuer, message] : rows) {
        SearchRequest request{.query = "thuế"};
        request.type = type;
        request.issuer = issuer;
        const auto result = run(request);
        ASSERT_FALSE(result.ok()) << type << issuer;
        EXPECT_EQ(result.error().code, "bad_parameter");
        EXPECT_NE(result.error().message.find(message), std::string::npos) << result.error().message;
    }
    for (const std::string query : {"thuế type:xyz", "thuế issuer:nđ"}) {
        const auto result = run({.query = query});
        ASSERT_FALSE(result.ok()) << query;
        EXPECT_EQ(result.error().code, "bad_query");
        EXPECT_NE(result.error().message.find("at character 6"), std::string::npos) << result.error().message;
    }
}

TEST_F(LegalFilterTest, FacetsCountTheWholeResultSetMostFrequentFirst) {
    SearchRequest request{.query = "thuế tax", .limit = 1};
    request.facets = {Facet::lang, Facet::type, Facet::issuer, Facet::year};
    const auto result = run(request);
    ASSERT_TRUE(result.ok()) << result.error().message;
    const SearchResponse& response = result.value();
    EXPECT_EQ(response.hits.size(), 1u);
    EXPECT_EQ(response.total, 8u);
    EXPECT_TRUE(response.facets_exact);
    ASSERT_EQ(response.facets.size(), 4u);
    auto values = [&](Facet facet) {
        std::vector<std::string> out;
        for (const FacetCounts& counts : response.facets)
            if (counts.facet == facet)
                for (const FacetValue& value : counts.values) out.push_back(value.value + "=" + std::to_string(value.count));
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(values(Facet::lang), (V{"vi=7", "en=1"}));
    EXPECT_EQ(values(Facet::year), (V{"2020=3", "2019=2", "2015=1", "2017=1", "2022=1"}));
    EXPECT_EQ(values(Facet::issuer), (V{"BTC=1", "BTP=1", "BVHTTDL=1", "CP=1", "QH=1", "TCDL=1", "TW=1", "UBND=1"}));
    const FacetCounts& types = response.facets[1];
    ASSERT_EQ(types.facet, Facet::type);
    ASSERT_GE(types.values.size(), 6u);
    EXPECT_EQ(types.values[0].value, "article");
    EXPECT_EQ(types.values[0].count, 2u);
    EXPECT_EQ(types.values[0].name_en, "Press article");
    const auto decree = std::find_if(types.values.begin(), types.values.end(), [](const FacetValue& v) { return v.value == "NĐ"; });
    ASSERT_NE(decree, types.values.end());
    EXPECT_EQ(decree->name_vi, "Nghị định");
    EXPECT_EQ(decree->name_en, "Decree");
    EXPECT_EQ(decree->count, 1u);

    // Filters narrow what is counted; a facet not asked for is not counted.
    SearchRequest articles{.query = "thuế tax"};
    articles.type = "article";
    articles.facets = {Facet::lang};
    const auto narrowed = run(articles);
    ASSERT_TRUE(narrowed.ok());
    ASSERT_EQ(narrowed->facets.size(), 1u);
    EXPECT_EQ(narrowed->facets[0].values.size(), 2u);
    EXPECT_TRUE(run({.query = "thuế"})->facets.empty());
}

TEST_F(SearchTest, FacetsBeyondTheirCapSayTheyAreNotExact) {
    std::vector<Document> docs;
    for (int i = 0; i < 60; ++i) {
        const std::string n = std::to_string(i);  // GCC 12 warns wrongly (-Wrestrict) on a literal + a temporary
        docs.push_back(make_document("d" + n, "Văn bản số " + n));
    }
    index(std::move(docs));
    Searcher searcher((dir_.path() / "db").string());
    SearchRequest request{.query = "lang:vi", .limit = 1};
    request.facets = {Facet::lang};
    const auto all = searcher.search(request);
    ASSERT_TRUE(all.ok());
    EXPECT_TRUE(all->facets_exact);
    EXPECT_EQ(all->facets[0].values[0].count, 60u);
    request.max_facet_documents = 5;
    const auto capped = searcher.search(request);
    ASSERT_TRUE(capped.ok());
    EXPECT_FALSE(capped->facets_exact);
    EXPECT_EQ(capped->total, 60u);
    EXPECT_LT(capped->facets[0].values[0].count, 60u);
}

TEST(Facets, ParsedFromTrueOrAListOfNames) {
    using F = std::vector<Facet>;
    EXPECT_EQ(parse_facets("true").value(), (F{Facet::lang, Facet::type, Facet::issuer, Facet::year}));
    EXPECT_EQ(parse_facets("false").value(), F{});
    EXPECT_EQ(parse_facets("").value(), F{});
    EXPECT_EQ(parse_facets("year, type,year").value(), (F{Facet::year, Facet::type}));
    for (const std::string bad : {"yes", "lang,", "lang,author", "LANG"}) {
        const auto result = parse_facets(bad);
        ASSERT_FALSE(result.ok()) << bad;
        EXPECT_EQ(result.error().code, "bad_parameter");
        EXPECT_NE(result.error().message.find("\"facets\""), std::string::npos);
    }
}

class SpellingTest : public SearchTest {
protected:
    void SetUp() override {
        index({make_document("nq1", "Chính phủ ban hành nghị quyết mới về thuế"), make_document("nq2", "Thực hiện nghị quyết của Quốc hội"),
               make_document("nq3", "Nghị quyết được thông qua hôm qua"), make_document("q1", "A quiet street at night"),
               make_document("q2", "The quiet room upstairs"), make_document("q3", "Quiet please, said the teacher"),
               make_document("q4", "It was so quiet here"), make_document("tc1", "Bộ Tài chính công bố số liệu"),
               make_document("tc2", "Bộ Tài chính hướng dẫn thuế")});
    }
    std::string did_you_mean(const std::string& query) {
        const SearchResponse response = search(query);
        if (!response.did_you_mean.empty()) {
            EXPECT_GT(response.did_you_mean_total, 0u) << query;
        }
        return response.did_you_mean;
    }
};

// A number typed whole that no document is or cites is said to be missing, and where the index
// holds the same serial and codes with the year put in or left out, that number is offered.
TEST_F(SearchTest, ANumberNoDocumentIsOrCitesIsSaidToBeMissingAndTheOneHeldOffered) {
    Document circular = make_document("tt80", "Thông tư hướng dẫn xử phạt");
    circular.number = "80/2021/TT-BTC";  // it is the number, and nobody cites it
    index({make_document("d1", "Thực hiện Nghị định 46/2016/NĐ-CP về xử phạt giao thông"),
           make_document("d2", "Nghị định 46/2016/NĐ-CP thay thế Nghị định 171/2013/NĐ-CP"),
           make_document("d3", "Nghị định 46/2012/NĐ-CP về phòng cháy"),  // another decree 46, cited less
           make_document("r1", "Chính phủ ban hành Nghị quyết 126/NQ-CP"), circular});
    struct Row {
        std::string query;
        std::vector<std::string> not_found;
        std::string did_you_mean;
    };
    const std::vector<Row> rows = {
        {"Nghị định 46/NĐ-CP", {"46/NĐ-CP"}, "Nghị định 46/2016/NĐ-CP"},  // the year left out: the most cited
        {"nghi dinh 46/ND-CP xu phat", {"46/NĐ-CP"}, "nghi dinh 46/2016/NĐ-CP xu phat"},
        {"126/2023/NQ-CP", {"126/2023/NQ-CP"}, "126/NQ-CP"},  // a year put in that the number has not
        {"Nghị định 99/2016/NĐ-CP", {"99/2016/NĐ-CP"}, ""},    // nothing like it
        {"46/2016/NĐ-CP", {}, ""},
        {"Nghị quyết số 126/NQ-CP", {}, ""},
        {"80/2021/TT-BTC", {}, ""},  // held, though not cited
        {"126/NQ", {}, ""},          // typed in part: the numbers it begins are found
        {"126/QĐ", {"126/QĐ"}, ""},  // in part, and nothing begins so
        {"xử phạt", {}, ""},
    };
    for (const Row& row : rows) {
        const SearchResponse response = search(row.query);
        EXPECT_EQ(response.numbers_not_found, row.not_found) << row.query;
        EXPECT_EQ(response.did_you_mean, row.did_you_mean) << row.query;
        if (!row.did_you_mean.empty()) {
            EXPECT_GT(response.did_you_mean_total, 0u) << row.query;
        }
    }
    EXPECT_EQ(ids(search("126/NQ-CP")), std::vector<std::string>{"r1"});
}

// An index of Vietnamese news knows foreign names, few English words: an English query's
// rare word is no misspelled name ("ruling" is no "Wuling") nor another English word ("tile"
// is no "time"), in any case it is typed, but a name typed as one is misspelled.
TEST_F(SearchTest, AnEnglishWordIsNotCorrectedToAForeignNameOfVietnameseText) {
    std::vector<Document> docs;
    for (int i = 0; i < 12; ++i) {
        docs.push_back(make_document("xe" + std::to_string(i), "Xe Wuling giá rẻ bán chạy tại Hà Nội"));
        docs.push_back(make_document("bd" + std::to_string(i), "Thủ môn Pena cản phá, Cristiano Ronaldo ghi bàn"));
        docs.push_back(make_document("tm" + std::to_string(i), "Khẩu hiệu \"Time is money\" trên tường"));
        docs.push_back(make_document("en" + std::to_string(i), "Damages for breach of contract, case " + std::to_string(i)));
    }
    docs.push_back(make_document("gun", "The gun's breech was open."));
    index(std::move(docs));
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"supreme court ruling", ""},
        {"Supreme Court Ruling", ""},  // Title Case, as English headlines write it
        {"The Ruling", ""},
        {"ruling", ""},                // alone: English spells it so
        {"tile", ""},                  // nor another English word, however frequent
        {"xe ruling", "xe wuling"},    // beside a Vietnamese word, a misspelled name
        {"breech", ""},
        {"breech of contract", "breach of contract"},  // the index has "breach of", never "breech of"
        {"gun's breech", ""},                          // but it has "gun's breech"
        {"penal code", ""},
        {"wulingg", "wuling"},        // alone, a name misspelled
        {"xe wulingg", "xe wuling"},  // beside a Vietnamese word
        {"Cristiano Ronaldoo", "Cristiano Ronaldo"},  // typed as a name
    };
    for (const auto& [query, expected] : rows) EXPECT_EQ(search(query).did_you_mean, expected) << query;
}

TEST_F(SpellingTest, MisspelledWordsGetTheNearestFrequentWordInContext) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"nghi quyiet", "nghi quyet"},      // typed folded: suggested folded (beside "nghi", not "quiet")
        {"nghị quyiết", "nghị quyết"},      // typed with diacritics: suggested with them
        {"Nghi Quyiet", "Nghi Quyet"},      // in the case typed
        {"quyiet", "quiet"},                // alone, the more frequent of two words one edit away...
        {"nghị quyiet", "nghị quyết"},      // ...beside "nghị", the one that makes the word "nghị quyết"
        {"nghị quyêt", "nghị quyết"},       // a known word with diacritics no document has
        {"bộ tài chinhh", "bộ tài chính"},  // typed folded among words with diacritics: they are added
        {"nghi quyiet thuế", "nghi quyet thuế"},  // not when most words are typed without
        {"\"nghi quyiet\" -thue", "\"nghi quyet\" -thue"},  // the rest of the query kept as typed
        {"nghị quyết", ""},                 // nothing misspelled
        {"quyet", ""},                      // in 3 documents: a word, even if "quiet" is in 4
        {"xyzzyq", ""},                     // no word near it
        {"cuq", ""},                        // under 4 letters: too many syllables are one edit apart
        {"126/NQ-CQ nghị quyết", ""},       // document numbers and numbers are left alone
        {"nghị quyết -quyiet", ""},         // nor are excluded words
    };
    for (const auto& [query, expected] : rows) EXPECT_EQ(did_you_mean(query), expected) << query;
    EXPECT_EQ(search("nghi quyiet").did_you_mean_total, 3u);
}

// Few English documents among many Vietnamese ones: each English word is rare, and one edit
// from a frequent syllable ("land", "lan"), but it is no misspelling.
TEST_F(SearchTest, AnEnglishWordTheEnglishDocumentsHoldIsNotCorrectedToAVietnameseSyllable) {
    std::vector<Document> docs;
    for (int i = 0; i < 30; ++i) docs.push_back(make_document("vi" + std::to_string(i), "Chị Lan đi chợ mua rau lần thứ " + std::to_string(i)));
    docs.push_back(make_document("en", "The land law of 2024 was passed by the National Assembly and it is in force"));
    docs.push_back(make_document("en2", "Taxes and fees were discussed by the committee, and it was agreed"));
    index(std::move(docs));
    EXPECT_EQ(search("land law").did_you_mean, "");
    EXPECT_EQ(search("lann law").did_you_mean, "lan law");  // in no English document: a misspelling as before
    EXPECT_EQ(search("andd law").did_you_mean, "");         // a function word is no correction
}

// A party's name in a case name is rare and one edit from a frequent word ("Dale", "date"):
// typed with its capital, a word the index holds is a name, not a misspelling.
TEST_F(SearchTest, ANameTypedWithItsCapitalIsNoMisspelling) {
    std::vector<Document> docs;
    for (int i = 0; i < 30; ++i) docs.push_back(make_document("date" + std::to_string(i), "The date of the hearing was set, date " + std::to_string(i)));
    docs.push_back(make_document("case", "Dodworth v. Dale\nThe appellant Dodworth sued Dale over the land."));
    docs.push_back(make_document("dati", "Dati v. Rao\nThe appellant Dati sued Rao over the land."));
    index(std::move(docs));
    for (const std::string query : {"Dodworth v. Dale", "Dodworth Dale appeal", "appeal of Dale"}) {
        const SearchResponse response = search(query);
        EXPECT_EQ(response.did_you_mean, "") << query;
        ASSERT_FALSE(response.hits.empty()) << query;
        EXPECT_EQ(response.hits.front().document.id, "case") << query;
    }
    // "dale" is an English word (a valley), meant as typed however written (see
    // AnEnglishWordIsNotCorrectedToAForeignNameOfVietnameseText); "Dati" is none.
    EXPECT_EQ(search("dale").did_you_mean, "");
    EXPECT_EQ(search("dati").did_you_mean, "date");          // typed in small letters: a misspelling, as before
    EXPECT_EQ(search("Dati").did_you_mean, "Date");          // a capital only opening the query says nothing
    EXPECT_EQ(search("Dodworth v. Datte").did_you_mean, "Dodworth v. Date");  // a capital on no word of the index: misspelled
}

// A law's initials ("Luật PCMT", "luat hngd") are rare and one edit from a frequent word
// ("PCT", "HNG" of the stock pages), but they are no misspelling: the articles they name would
// be lost by following the correction.
TEST_F(SearchTest, AbbreviationsAreNoMisspellings) {
    std::vector<Document> docs;
    for (int i = 0; i < 30; ++i)
        docs.push_back(make_document("stock" + std::to_string(i), "Cổ phiếu HNG và PCT tăng giá phiên thứ " + std::to_string(i)));
    docs.push_back(law_article("pcmt-32", "Luật Phòng, chống ma túy", "32", "Đối tượng bị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc"));
    docs.push_back(law_article("hngd-8", "Luật Hôn nhân và gia đình", "8", "Điều kiện kết hôn"));
    index(std::move(docs));
    for (const std::string query : {"Luật PCMT điều 32", "luat pcmt dieu 32", "Điều 8 Luật HNGĐ", "luat hngd dieu 8"}) {
        const SearchResponse response = search(query);
        EXPECT_EQ(response.did_you_mean, "") << query;
        ASSERT_FALSE(response.hits.empty()) << query;
    }
    EXPECT_EQ(search("luat hngd").did_you_mean, "");
    // Named by its initials alone, a law's articles are found, though no text writes them.
    for (const std::string query : {"luat hngd", "Luật HNGĐ", "LUẬT HNGĐ"}) EXPECT_EQ(ids(search(query)), std::vector<std::string>{"hngd-8"}) << query;
    EXPECT_EQ(ids(search("cai nghiện luật pcmt")).front(), "pcmt-32");
    EXPECT_EQ(search("luat pcmt dieu 32").hits.front().document.id, "pcmt-32");
    // Not an abbreviation the index knows, nor typed in capitals: a misspelling as before.
    EXPECT_EQ(search("co phieu hngd").did_you_mean, "co phieu hng");
}

// Many laws' initials have a vowel ("Luật ANM", An ninh mạng; "Luật ATTP", An toàn thực
// phẩm): what the index holds tells an abbreviation from a word, not its letters. The words of a
// law named in full ("luật an ninh mạng") or of no law ("luật sư") keep their meaning.
TEST_F(SearchTest, ALawNamedByInitialsWithAVowelIsFoundAsThatLaw) {
    std::vector<Document> docs;
    for (int i = 0; i < 30; ++i)
        docs.push_back(make_document("news" + std::to_string(i), "Tin an ninh và an toàn giao thông, luật sư tư vấn số " + std::to_string(i)));
    docs.push_back(law_article("anm-8", "Luật An ninh mạng", "8", "Các hành vi bị nghiêm cấm về an ninh mạng"));
    docs.push_back(law_article("attp-5", "Luật An toàn thực phẩm", "5", "Những hành vi bị cấm trong sản xuất, kinh doanh thực phẩm"));
    docs.push_back(law_article("an-3", "Luật An ninh", "3", "Nguyên tắc bảo vệ an ninh quốc gia"));
    index(std::move(docs));
    for (const std::string query : {"Luật ANM", "luật anm", "luat anm", "LUẬT ANM"}) {
        const SearchResponse response = search(query);
        ASSERT_FALSE(response.hits.empty()) << query;
        EXPECT_EQ(response.hits.front().document.id, "anm-8") << query;
        EXPECT_EQ(response.did_you_mean, "") << query;
    }
    EXPECT_EQ(ids(search("kinh doanh luật attp")).front(), "attp-5");
    EXPECT_EQ(search("Điều 5 luật attp").hits.front().document.id, "attp-5");
    // "Luật An ninh" is "luat an" too, but "an" begins the titles of laws the index holds:
    // named in full, a law is asked for by its own name, and "Luật An ninh" by none.
    const Xapian::Database db((dir_.path() / "db").string());
    const auto laws_asked = [&](const std::string& query) {
        const Result<ParsedQuery> parsed = parse_query(query, Analyzer(), TermMapper(), &db);
        EXPECT_TRUE(parsed.ok()) << query;
        std::set<std::string> laws;
        const std::string description = parsed.ok() ? parsed.value().query.get_description() : std::string();
        for (const std::string key : {"luat an ninh mang", "luat anm", "luat an toan thuc pham", "luat attp", "luat an ninh", "luat an"})
            if (description.find(law_term(key) + "@") != std::string::npos || description.find(law_term(key) + ")") != std::string::npos)
                laws.insert(key);
        return laws;
    };
    using Laws = std::set<std::string>;
    EXPECT_EQ(laws_asked("luật anm"), Laws{"luat anm"});
    EXPECT_EQ(laws_asked("luật an ninh mạng"), Laws{"luat an ninh mang"});  // named alone: looked up
    EXPECT_EQ(laws_asked("luat an toan thuc pham"), Laws{"luat an toan thuc pham"});
    for (const std::string query : {"luật an", "luật sư", "luật đất đai", "tin an ninh mạng"}) EXPECT_EQ(laws_asked(query), Laws{}) << query;
    EXPECT_EQ(ids(search("luật an ninh mạng")).front(), "anm-8");
}

TEST_F(SearchTest, TheWordsOfADateAreNoMisspellings) {
    // "Sept." is rare and one edit from the frequent "set": within a date it is the month.
    std::vector<Document> docs;
    for (int i = 0; i < 30; ++i) docs.push_back(make_document("set" + std::to_string(i), "They set the rules for the year " + std::to_string(i)));
    docs.push_back(make_document("dated", "Resolution\nThe Government met on Sept. 22, 2023 in Hanoi."));
    index(std::move(docs));
    for (const std::string query : {"Sept. 22, 2023", "resolution Sept 22 2023"}) {
        const SearchResponse response = search(query);
        EXPECT_EQ(response.did_you_mean, "") << query;
        ASSERT_FALSE(response.hits.empty()) << query;
        EXPECT_EQ(response.hits[0].document.id, "dated") << query;
    }
    EXPECT_EQ(search("rulez Sept. 22, 2023").did_you_mean, "rules Sept. 22, 2023");  // the other words still are
}

TEST_F(SearchTest, AnEmptyIndexHasNothingToSuggestOrCount) {
    IndexWriter((dir_.path() / "db").string()).commit();
    Searcher searcher((dir_.path() / "db").string());
    SearchRequest request{.query = "nghi quyiet"};
    request.facets = {Facet::lang, Facet::type};
    const auto result = searcher.search(request);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->total, 0u);
    EXPECT_EQ(result->did_you_mean, "");
    ASSERT_EQ(result->facets.size(), 2u);
    EXPECT_TRUE(result->facets[0].values.empty());
    EXPECT_TRUE(result->facets_exact);
    const auto completions = searcher.suggest("ngh", 5);
    ASSERT_TRUE(completions.ok());
    EXPECT_TRUE(completions->empty());
}

TEST_F(SpellingTest, SearchersOfManyThreadsShareOneVocabulary) {
    std::vector<std::string> answers(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < answers.size(); ++i)
        threads.emplace_back([&, i] {
            Searcher searcher((dir_.path() / "db").string());
            const auto result = searcher.search({.query = "nghị quyiết"});
            answers[i] = result.ok() ? result->did_you_mean : result.error().message;
        });
    for (std::thread& thread : threads) thread.join();
    for (const std::string& answer : answers) EXPECT_EQ(answer, "nghị quyết");
}

TEST_F(SearchTest, SuggestShowsTheMostFrequentFormOfWhatIsTypedWithoutDiacritics) {
    index({make_document("a", "Ban chỉ đạo họp"), make_document("b", "Ban tổ chức họp"), make_document("c", "Ban biên tập họp"),
           make_document("d", "Cái bàn gỗ"), make_document("e", "Phòng họp lớn"), make_document("f", "Cuộc họp ngắn")});
    Searcher searcher((dir_.path() / "db").string());
    auto first = [&](std::string_view prefix) {
        const auto result = searcher.suggest(prefix, 5);
        return result.ok() && !result->empty() ? result->front().text + "/" + std::to_string(result->front().documents) : std::string();
    };
    EXPECT_EQ(first("ho"), "họp/5");  // the word's only form
    EXPECT_EQ(first("ba"), "ban/4");  // three documents can only have "ban": the plain form is the word
    EXPECT_EQ(first("bà"), "bàn/1");  // typed with diacritics: their completions
}

TEST_F(SearchTest, RefusesAnIndexOfAnotherSchemaVersionSayingWhatToDo) {
    index({make_document("a", "văn bản")});
    {
        Xapian::WritableDatabase db((dir_.path() / "db").string());
        db.set_metadata(std::string(schema::kSchemaVersionKey), "1");
        db.commit();
    }
    for (int side = 0; side < 2; ++side) {
        try {
            if (side == 0) Searcher searcher((dir_.path() / "db").string());
            else IndexWriter writer((dir_.path() / "db").string());
            ADD_FAILURE() << "opened an index of schema version 1";
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find("schema version 1, this is version " + std::to_string(schema::kSchemaVersion)),
                      std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("rebuild the index"), std::string::npos) << e.what();
        }
    }
}

}  // namespace
}  // namespace tracuu
