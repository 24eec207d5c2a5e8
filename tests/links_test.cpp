/** @file
 * @brief Links between documents (issue 6): citation groups, the reference list, related
 *        documents across languages — core/links on small indexes and on corpus/, and the
 *        searchd routes without a network.
 */
#include "analyzers/unicode.hpp"
#include "core/index_metadata.hpp"
#include "core/links.hpp"
#include "core/pipeline.hpp"
#include "core/schema.hpp"
#include "core/searcher.hpp"
#include "searchd/request_handler.hpp"
#include "handler_support.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <set>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>

namespace tracuu {
namespace {

Document dated(std::string id, std::string text, std::string date) {
    Document doc = testing::make_document(std::move(id), std::move(text));
    doc.date = std::move(date);
    return doc;
}

// Ids of held_by, citing or related documents, in order.
template <typename Listed>
std::vector<std::string> ids_of(const std::vector<Listed>& docs) {
    std::vector<std::string> ids;
    for (const auto& doc : docs) ids.push_back(doc.document.id);
    return ids;
}

const CitationGroup& group(const ReferenceReport& report, Relation relation) {
    const auto it = std::find_if(report.groups.begin(), report.groups.end(),
                                 [&](const CitationGroup& g) { return g.relation == relation; });
    EXPECT_NE(it, report.groups.end()) << to_string(relation);
    return *it;
}

// ------------------------------------------------------------------ references

// Decree 15/2020/NĐ-CP, four documents citing it in four ways, one citing a different
// decree with the same serial (another year), one citing the same serial of another issuer.
class ReferencesTest : public ::testing::Test {
protected:
    void SetUp() override {
        Document decree = dated("decree", "Nghị định số 15/2020/NĐ-CP quy định xử phạt\nNghị định 15/2020/NĐ-CP có hiệu lực.", "2020-02-03");
        decree.number = "15/2020/NĐ-CP";
        testing::build_index(
            dir_.path() / "db",
            {decree,
             dated("based", "Quyết định\nCăn cứ Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ.", "2021-05-01"),
             dated("implements-old", "Kế hoạch\nThực hiện Nghị định 15/2020/NĐ-CP, tỉnh triển khai.", "2020-06-01"),
             dated("implements-new", "Công văn\nTriển khai Nghị định 15/2020/NĐ-CP trên địa bàn.", "2023-01-10"),
             dated("amends", "Nghị định mới\nSửa đổi, bổ sung Nghị định số 15/2020/NĐ-CP về xử phạt.", "2022-03-01"),
             dated("pursuant-en", "Decision\nPursuant to Decree No. 15/2020/ND-CP dated February 3, 2020.", "2021-07-01"),
             dated("other-year", "Khác\nThực hiện Nghị định 15/2021/NĐ-CP về giáo dục.", "2021-09-09"),
             dated("other-issuer", "Khác nữa\nThực hiện Quyết định số 15/2020/QĐ-UBND của tỉnh.", "2021-10-10"),
             dated("resolution", "Chỉ thị\nThực hiện Nghị quyết số 126/NQ-CP và Nghị quyết 126/NQ-CP, Quy định 69-QĐ/TW.", "2023-09-22")});
        db_ = Xapian::Database((dir_.path() / "db").string());
    }

    testing::TempDir dir_;
    Xapian::Database db_;
};

TEST_F(ReferencesTest, IndexWriterAddsOneTermPerRelationAndNumber) {
    EXPECT_EQ(citation_term("implements", "126/nq-cp"), "XCimplements:126/nq-cp");
    EXPECT_EQ(db_.get_termfreq(citation_term("based_on", "15/2020/nd-cp")), 2u);  // "Căn cứ", "Pursuant to"
    EXPECT_EQ(db_.get_termfreq(citation_term("implements", "15/2020/nd-cp")), 2u);
    EXPECT_EQ(db_.get_termfreq(citation_term("amends", "15/2020/nd-cp")), 1u);
    EXPECT_EQ(db_.get_termfreq(citation_term("implements", "15/2021/nd-cp")), 1u);
    EXPECT_EQ(db_.get_termfreq(citation_term("implements", "126/nq-cp")), 1u);  // two mentions, one term
}

TEST_F(ReferencesTest, ReportGroupsCitingDocumentsByRelationNewestFirst) {
    const Result<ReferenceReport> report = reference_report(db_, "15/2020/ND-CP");
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->reference.canonical, "15/2020/NĐ-CP");
    EXPECT_EQ(report->reference.key, "15/2020/nd-cp");
    EXPECT_EQ(report->reference.number, "15");
    EXPECT_EQ(report->reference.year, 2020);
    EXPECT_EQ(report->reference.type_code, "NĐ");
    EXPECT_EQ(report->reference.type_vi, "Nghị định");
    EXPECT_EQ(report->reference.type_en, "Decree");
    ASSERT_EQ(report->reference.issuers.size(), 1u);
    EXPECT_EQ(report->reference.issuers[0].name_en, "Government");
    EXPECT_EQ(ids_of(report->held_by), std::vector<std::string>{"decree"});

    // The decree names itself: no citation. Other years and issuers are other documents.
    EXPECT_EQ(report->total, 5u);
    ASSERT_EQ(report->groups.size(), kRelations.size());
    EXPECT_EQ(report->groups.front().relation, Relation::based_on);
    EXPECT_EQ(ids_of(group(report.value(), Relation::based_on).documents), (std::vector<std::string>{"pursuant-en", "based"}));
    EXPECT_EQ(ids_of(group(report.value(), Relation::implements).documents),
              (std::vector<std::string>{"implements-new", "implements-old"}));
    EXPECT_EQ(ids_of(group(report.value(), Relation::amends).documents), std::vector<std::string>{"amends"});
    EXPECT_EQ(group(report.value(), Relation::cites).total, 0u);
    EXPECT_EQ(group(report.value(), Relation::repeals).total, 0u);
}

TEST_F(ReferencesTest, EveryWrittenVariantGivesTheSameReport) {
    // Copied whole from an article too, with its type and "No."/"số": what a reporter selects.
    for (const char* variant : {"15/2020/NĐ-CP", "15/2020/nd-cp", "15 / 2020 / NĐ – CP", "015/2020/ND-CP", " 15/2020/nđ-cp ",
                                "Decree No. 15/2020/ND-CP", "Nghị định số 15/2020/NĐ-CP", "nghi dinh 15/2020/nd-cp", "Decree 15/2020"}) {
        const Result<ReferenceReport> report = reference_report(db_, variant);
        ASSERT_TRUE(report.ok()) << variant;
        EXPECT_EQ(report->reference.key, "15/2020/nd-cp") << variant;
        EXPECT_EQ(report->total, 5u) << variant;
    }
    // Same serial, another year or issuer: never merged.
    EXPECT_EQ(reference_report(db_, "15/2021/NĐ-CP")->total, 1u);
    EXPECT_EQ(reference_report(db_, "15/2020/QĐ-UBND")->total, 1u);
}

TEST_F(ReferencesTest, PartyNumbersReadTheirCodesInThePartySense) {
    const Result<ReferenceReport> report = reference_report(db_, "69-QD/TW");
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->reference.canonical, "69-QĐ/TW");
    EXPECT_EQ(report->reference.type_vi, "Quy định");
    EXPECT_EQ(report->reference.type_en, "Regulation");
    EXPECT_EQ(report->reference.year, 0);
    ASSERT_EQ(report->reference.issuers.size(), 1u);
    EXPECT_EQ(report->reference.issuers[0].name_vi, "Ban Chấp hành Trung ương");
    EXPECT_EQ(report->total, 1u);
    const ReferenceDescription law = describe_reference(*parse_document_number("59/2020/QH14"));
    EXPECT_TRUE(law.type_code.empty());  // the number names no type ("Luật" is only in the text)
    ASSERT_EQ(law.issuers.size(), 1u);
    EXPECT_EQ(law.issuers[0].name_en, "National Assembly (14th term)");
    EXPECT_EQ(describe_reference(*parse_document_number("1880/QĐ-TTg")).type_en, "Decision");
}

TEST_F(ReferencesTest, PagesAndOneRelation) {
    const Result<ReferenceReport> page = reference_report(db_, "15/2020/NĐ-CP", {.limit = 1, .offset = 1, .relation = Relation::implements});
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->groups.size(), 1u);
    EXPECT_EQ(page->groups[0].total, 2u);
    EXPECT_EQ(ids_of(page->groups[0].documents), std::vector<std::string>{"implements-old"});
    EXPECT_EQ(parse_relation("guides"), Relation::guides);
    EXPECT_FALSE(parse_relation("quotes").has_value());
}

TEST_F(ReferencesTest, AValidNumberNobodyCitesIsAnAnswerWithZeroCounts) {
    const Result<ReferenceReport> report = reference_report(db_, "99/2019/TT-BTC");
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->reference.type_en, "Circular");
    ASSERT_EQ(report->reference.issuers.size(), 1u);
    EXPECT_EQ(report->reference.issuers[0].name_en, "Ministry of Finance");
    EXPECT_TRUE(report->held_by.empty());
    EXPECT_EQ(report->total, 0u);
    for (const CitationGroup& g : report->groups) EXPECT_EQ(g.total, 0u);
}

// A code held article by article under its number lists its articles in the code's order,
// not as their ids sort ("…-10" before "…-2").
TEST(ReferenceReportOfACode, HeldByListsTheArticlesInTheLawsOrder) {
    testing::TempDir dir;
    std::vector<Document> articles;
    for (const char* article : {"10", "2", "1", "9a", "9"}) {
        Document doc = testing::make_document(std::string("blld-") + article, std::string("Nội dung điều ") + article);
        doc.law = "Bộ luật Lao động";
        doc.article = article;
        doc.number = "45/2019/QH14";
        articles.push_back(std::move(doc));
    }
    testing::build_index(dir.path() / "db", std::move(articles));
    const Result<ReferenceReport> report = reference_report(Xapian::Database((dir.path() / "db").string()), "45/2019/QH14");
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(ids_of(report->held_by), (std::vector<std::string>{"blld-1", "blld-2", "blld-9", "blld-9a", "blld-10"}));
    EXPECT_EQ(report->reference.type_code, "L");  // the number names none: its articles' law's
    EXPECT_EQ(report->reference.type_en, "Law");
    // A number the index holds and nobody cites is listed as typed, and completed.
    const Xapian::Database db((dir.path() / "db").string());
    // Before a number two documents cite, as /suggest puts it.
    testing::build_index(dir.path() / "db", {testing::make_document("cites-1", "Theo Nghị định 45/2020/NĐ-CP."),
                                             testing::make_document("cites-2", "Thực hiện Nghị định 45/2020/NĐ-CP.")});
    const Xapian::Database more((dir.path() / "db").string());
    const Result<std::vector<ReferenceCount>> both = list_references(more, "45/2", 10);
    ASSERT_TRUE(both.ok());
    ASSERT_EQ(both->size(), 2u);
    EXPECT_EQ(both->front().reference.canonical, "45/2019/QH14");
    const Result<std::vector<ReferenceCount>> listed = list_references(db, "45/2019", 10);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().reference.canonical, "45/2019/QH14");
    EXPECT_TRUE(listed->front().in_corpus);
    EXPECT_EQ(listed->front().citing, 0u);
    for (const std::string typed : {"45/2019", "Luật số 45/2", "45/"}) {
        const auto suggested = Searcher((dir.path() / "db").string()).suggest(typed, 5);
        ASSERT_TRUE(suggested.ok()) << typed;
        ASSERT_FALSE(suggested->empty()) << typed;
        EXPECT_EQ(suggested->front().text, "45/2019/QH14") << typed;
    }
}

TEST_F(ReferencesTest, BadNumbersAndPagesAreErrorsNamingThem) {
    for (const char* bad : {"", "nghị quyết", "126", "14/8/2023", "QCVN 10-MT:2015/BTNMT", "\xFF\xFE", "Decree No. 15/2020/ND-CP on fines",
                            "the Government issued 15/2020/ND-CP", "Decree 15/2020/ND-CP and 15/2021/ND-CP"}) {
        const Result<ReferenceReport> report = reference_report(db_, bad);
        ASSERT_FALSE(report.ok()) << bad;
        EXPECT_EQ(report.error().code, "bad_parameter");
    }
    EXPECT_NE(reference_report(db_, "nghị quyết").error().message.find("\"nghị quyết\""), std::string::npos);
    EXPECT_EQ(reference_report(db_, "126/NQ-CP", {.limit = 0}).error().code, "bad_parameter");
    EXPECT_EQ(reference_report(db_, "126/NQ-CP", {.limit = 101}).error().code, "bad_parameter");
    EXPECT_EQ(reference_report(db_, "126/NQ-CP", {.offset = 10001}).error().code, "bad_parameter");
}

std::vector<std::string> canonicals(const Result<std::vector<ReferenceCount>>& listed) {
    std::vector<std::string> out;
    for (const auto& entry : listed.value()) out.push_back(entry.reference.canonical);
    return out;
}

TEST_F(ReferencesTest, ListsNumbersAsTyped) {
    EXPECT_EQ(canonicals(list_references(db_, "15/2020")), (std::vector<std::string>{"15/2020/NĐ-CP", "15/2020/QĐ-UBND"}));
    EXPECT_EQ(canonicals(list_references(db_, "15/2020/n")), std::vector<std::string>{"15/2020/NĐ-CP"});
    EXPECT_EQ(canonicals(list_references(db_, "15/2020/NĐ")), std::vector<std::string>{"15/2020/NĐ-CP"});
    EXPECT_EQ(canonicals(list_references(db_, "015/2021")), std::vector<std::string>{"15/2021/NĐ-CP"});
    EXPECT_EQ(canonicals(list_references(db_, "126/n")), std::vector<std::string>{"126/NQ-CP"});
    EXPECT_EQ(canonicals(list_references(db_, "12")), std::vector<std::string>{"126/NQ-CP"});  // the serial goes on
    EXPECT_TRUE(list_references(db_, "12/")->empty());                                        // the serial ends
    EXPECT_EQ(canonicals(list_references(db_, "69-QD")), std::vector<std::string>{"69-QĐ/TW"});
    EXPECT_TRUE(list_references(db_, "7")->empty());
    // Typed after the type's name, as in the search box and the suggestions.
    EXPECT_EQ(canonicals(list_references(db_, "NĐ 15/2020/n")), std::vector<std::string>{"15/2020/NĐ-CP"});
    EXPECT_EQ(canonicals(list_references(db_, "Nghị quyết số 126")), std::vector<std::string>{"126/NQ-CP"});

    const auto decree = list_references(db_, "15/2020/nd-cp");
    ASSERT_EQ(decree->size(), 1u);
    EXPECT_EQ(decree.value()[0].citing, 5u);  // the decree itself excepted
    EXPECT_TRUE(decree.value()[0].in_corpus);
    EXPECT_EQ(decree.value()[0].reference.type_vi, "Nghị định");
    const auto resolution = list_references(db_, "126");
    ASSERT_EQ(resolution->size(), 1u);
    EXPECT_FALSE(resolution->front().in_corpus);
}

TEST(ReferenceList, ShowsTheNumberAsTheDocumentsWriteIt) {
    // The key drops the leading zero of "02/2017/TT-BYT"; the list shows what the texts write.
    testing::TempDir dir;
    testing::build_index(dir.path() / "db", {testing::make_document("a", "Tin\nThực hiện Thông tư 02/2017/TT-BYT về giá dịch vụ."),
                                             testing::make_document("b", "Tin\nTheo Thông tư số 02/2017/TT-BYT, giá tăng.")});
    const Xapian::Database db((dir.path() / "db").string());
    EXPECT_EQ(canonicals(list_references(db, "2/2017")), std::vector<std::string>{"02/2017/TT-BYT"});
    EXPECT_EQ(canonicals(list_references(db, "")), std::vector<std::string>{"02/2017/TT-BYT"});
}

TEST(ReferenceList, ListsNumbersWhoseCodesTheLexiconDoesNotKnow) {
    // Index keys hold codes in lower case; a code the lexicon does not know is one only in
    // capitals, and the list used to leave such numbers out.
    testing::TempDir dir;
    testing::build_index(dir.path() / "db", {testing::make_document("a", "Tin\nTheo Công văn số 45/2017/HC-ST của Sở.")});
    const Xapian::Database db((dir.path() / "db").string());
    EXPECT_EQ(canonicals(list_references(db, "45")), std::vector<std::string>{"45/2017/HC-ST"});
    EXPECT_EQ(canonicals(list_references(db, "")), std::vector<std::string>{"45/2017/HC-ST"});
}

TEST_F(ReferencesTest, ListsTheMostCitedWithoutAPrefix) {
    const auto listed = list_references(db_, "", 3);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 3u);
    EXPECT_EQ(listed.value()[0].reference.canonical, "15/2020/NĐ-CP");
    EXPECT_EQ(listed.value()[0].citing, 5u);
    EXPECT_EQ(listed.value()[1].citing, 1u);
    EXPECT_EQ(list_references(db_, "")->size(), 5u);  // every cited number
}

TEST_F(ReferencesTest, BadListingsAreErrors) {
    EXPECT_EQ(list_references(db_, "nghi quyet").error().code, "bad_parameter");
    EXPECT_EQ(list_references(db_, "NQ-CP").error().code, "bad_parameter");
    EXPECT_EQ(list_references(db_, "tin 126").error().code, "bad_parameter");  // no type's name
    EXPECT_EQ(list_references(db_, "126", 0).error().code, "bad_parameter");
    EXPECT_EQ(list_references(db_, "126", 101).error().code, "bad_parameter");
    EXPECT_EQ(list_references(db_, "12\xFF").error().code, "bad_parameter");
}

// ------------------------------------------------------------------ numbers of local bodies

// Two decisions numbered 40/2026/QĐ-UBND, Đà Nẵng's and Quảng Ninh's, and the documents
// citing that number: telling whose from the sentence, from the citing document's own
// locality, or not at all.
class LocalNumbersTest : public ::testing::Test {
protected:
    void SetUp() override {
        Document quang_ninh = dated("qn-40",
                                    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 40/2026/QĐ-UBND\nQuảng Ninh, ngày 12 tháng 3 năm 2026\n"
                                    "QUYẾT ĐỊNH\nBan hành quy định về quản lý bến thủy nội địa.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPhạm Đức Ấn",
                                    "2026-03-12");
        quang_ninh.number = "40/2026/QĐ-UBND";
        Document parking = dated("dn-60",
                                 "UBND THÀNH PHỐ ĐÀ NẴNG\nQuyết định số 60/2026/QĐ-UBND về phí đỗ xe\n"
                                 "Căn cứ Quyết định số 40/2026/QĐ-UBND ngày 20/4/2026;\nĐiều 1. Mức phí đỗ xe.",
                                 "2026-07-01");
        parking.number = "60/2026/QĐ-UBND";
        Document interprovincial = dated("dn-70",
                                         "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG\nSố: 70/2026/QĐ-UBND\n"
                                         "Căn cứ Quyết định số 40/2026/QĐ-UBND ngày 12/3/2026 của UBND tỉnh Quảng Ninh;\n"
                                         "Điều 1. Bến thủy liên tỉnh.",
                                         "2026-05-05");
        interprovincial.number = "70/2026/QĐ-UBND";
        testing::build_index(
            dir_.path() / "db",
            {// Đà Nẵng's first: the document a citation went to when numbers alone were compared.
             dated("dn-40",
                   "Quyết định số 40/2026/QĐ-UBND của UBND thành phố Đà Nẵng quy định giá dịch vụ sử dụng đường bộ\n"
                   "Đà Nẵng, ngày 20 tháng 4 năm 2026\nĐiều 1. Quy định mức giá dịch vụ.",
                   "2026-04-20"),
             quang_ninh,
             // Amends Đà Nẵng's, as its sentence says.
             dated("dn-55",
                   "Quyết định số 55/2026/QĐ-UBND sửa đổi Quyết định số 40/2026/QĐ-UBND\nĐà Nẵng, ngày 15 tháng 6 năm 2026\n"
                   "Sửa đổi, bổ sung Điều 1 Quyết định số 40/2026/QĐ-UBND ngày 20/4/2026 của UBND thành phố Đà Nẵng.",
                   "2026-06-15"),
             // A decision of Đà Nẵng citing the number without a locality: Đà Nẵng's.
             parking,
             // A decision of Đà Nẵng citing Quảng Ninh's, as its sentence says.
             interprovincial,
             // A press article, the locality before the number and written without diacritics.
             dated("qn-news", "Quảng Ninh siết quản lý bến thủy\nUBND tỉnh Quang Ninh vừa ban hành Quyết định số 40/2026/QĐ-UBND về bến thủy nội địa.",
                   "2026-03-14"),
             // Nothing tells whose.
             dated("unclear", "Phí đường bộ\nQuyết định 40/2026/QĐ-UBND có hiệu lực từ tháng 5, người dân cần lưu ý.", "2026-07-02"),
             // Another province's, which the corpus does not hold.
             dated("elsewhere", "Chợ Hải Phòng\nQuyết định số 40/2026/QĐ-UBND của UBND TP Hải Phòng quy định về chợ.", "2026-07-03")});
        db_ = Xapian::Database((dir_.path() / "db").string());
        analyzer_ = Analyzer(read_analyzer_options(db_, (dir_.path() / "db").string()));
    }

    testing::TempDir dir_;
    Xapian::Database db_;
    Analyzer analyzer_;
};

TEST_F(LocalNumbersTest, EachDecisionIsCitedOnlyByTheDocumentsThatMeanIt) {
    EXPECT_EQ(documents_citing(db_, "dn-40", 10).first, (std::vector<std::string>{"dn-60", "dn-55"}));
    EXPECT_EQ(documents_citing(db_, "dn-40", 10).second, 2u);
    EXPECT_EQ(documents_citing(db_, "qn-40", 10).first, (std::vector<std::string>{"dn-70", "qn-news"}));
    EXPECT_EQ(documents_citing(db_, "unknown", 10).second, 0u);
    EXPECT_EQ(db_.get_termfreq(locality_term("da nang")), 4u);  // dn-40, dn-55 (its dateline), dn-60, dn-70
    EXPECT_EQ(db_.get_termfreq(cited_locality_term("40/2026/qd-ubnd", "quang ninh")), 2u);
}

TEST_F(LocalNumbersTest, TheReportShowsEveryHolderAndWhomEachCitationMeans) {
    const Result<ReferenceReport> report = reference_report(db_, "40/2026/QD-UBND");
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(ids_of(report->held_by), (std::vector<std::string>{"dn-40", "qn-40"}));
    EXPECT_EQ(report->held_by[0].locality, "Đà Nẵng");
    EXPECT_EQ(report->held_by[0].cited_by, 2u);
    EXPECT_EQ(report->held_by[1].locality, "Quảng Ninh");
    EXPECT_EQ(report->held_by[1].cited_by, 2u);
    EXPECT_EQ(report->total, 6u);  // every document citing the number, whoever's it means

    const CitationGroup& amends = group(report.value(), Relation::amends);
    ASSERT_EQ(ids_of(amends.documents), std::vector<std::string>{"dn-55"});
    EXPECT_EQ(amends.documents[0].locality, "Đà Nẵng");
    EXPECT_EQ(amends.documents[0].holders, std::vector<std::string>{"dn-40"});
    const CitationGroup& based_on = group(report.value(), Relation::based_on);
    ASSERT_EQ(ids_of(based_on.documents), (std::vector<std::string>{"dn-60", "dn-70"}));
    EXPECT_EQ(based_on.documents[0].holders, std::vector<std::string>{"dn-40"});  // its own locality
    EXPECT_EQ(based_on.documents[1].holders, std::vector<std::string>{"qn-40"});  // its sentence's, over its own
    const CitationGroup& cites = group(report.value(), Relation::cites);
    ASSERT_EQ(ids_of(cites.documents), (std::vector<std::string>{"elsewhere", "unclear", "qn-news"}));
    EXPECT_EQ(cites.documents[0].locality, "Hải Phòng");
    EXPECT_TRUE(cites.documents[0].holders.empty());  // a document the corpus lacks
    EXPECT_FALSE(cites.documents[0].ambiguous);
    EXPECT_TRUE(cites.documents[1].holders.empty());  // not picked: either could be meant
    EXPECT_TRUE(cites.documents[1].ambiguous);
    EXPECT_EQ(cites.documents[2].locality, "Quang Ninh");
    EXPECT_EQ(cites.documents[2].holders, std::vector<std::string>{"qn-40"});
}

TEST_F(LocalNumbersTest, CheckedTextGoesToTheDecisionItsSentenceNames) {
    Searcher searcher((dir_.path() / "db").string());
    const auto named = searcher.check("Theo Quyết định 40/2026/QĐ-UBND của Quảng Ninh, bến thủy phải đăng ký.");
    ASSERT_TRUE(named.ok());
    ASSERT_EQ(named->references.size(), 1u);
    EXPECT_EQ(named->references[0].locality, "Quảng Ninh");
    EXPECT_EQ(named->references[0].held_by, "qn-40");
    EXPECT_FALSE(named->references[0].ambiguous);
    EXPECT_EQ(named->references[0].cited_by, 2u);
    EXPECT_EQ(named->references[0].holders, (std::vector<std::string>{"dn-40", "qn-40"}));

    const auto unnamed = searcher.check("Theo Quyết định 40/2026/QĐ-UBND, bến thủy phải đăng ký.");
    ASSERT_TRUE(unnamed.ok());
    EXPECT_EQ(unnamed->references[0].held_by, "");  // not one of them picked
    EXPECT_TRUE(unnamed->references[0].ambiguous);
    EXPECT_EQ(unnamed->references[0].holders.size(), 2u);
    EXPECT_EQ(unnamed->references[0].cited_by, 6u);

    const auto other = searcher.check("Quyết định 40/2026/QĐ-UBND của UBND TP Hải Phòng về chợ.");
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(other->references[0].held_by, "");
    EXPECT_FALSE(other->references[0].ambiguous);
    EXPECT_EQ(other->references[0].cited_by, 1u);  // "elsewhere"
}

// A resolution and its English translation hold one number: a citation means both, and a
// reader is sent to the one in the language of the text, else to the Vietnamese original.
TEST(TranslatedNumbersTest, ACitationGoesToTheHolderInTheLanguageOfTheText) {
    testing::TempDir dir;
    Document translation = dated("en-nq-126-2023", "Resolution No. 126/NQ-CP on improving the enforcement of the law\n"
                                                   "The Government issues this Resolution on solutions for law enforcement.", "2023-08-14");
    translation.number = "126/NQ-CP";
    translation.lang = "en";
    Document original = dated("nq-126-2023", "Nghị quyết 126/NQ-CP về một số giải pháp nâng cao hiệu quả thi hành pháp luật\n"
                                             "Chính phủ ban hành Nghị quyết về thi hành pháp luật.", "2023-08-14");
    original.number = "126/NQ-CP";
    original.lang = "vi";
    // The translation first, and first by id too: what a check went to before.
    testing::build_index(dir.path() / "db", {translation, original});
    Searcher searcher((dir.path() / "db").string());

    const auto vietnamese = searcher.check("Căn cứ Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ.");
    ASSERT_TRUE(vietnamese.ok());
    ASSERT_EQ(vietnamese->references.size(), 1u);
    EXPECT_EQ(vietnamese->references[0].held_by, "nq-126-2023");
    EXPECT_FALSE(vietnamese->references[0].ambiguous);
    EXPECT_EQ(vietnamese->references[0].holders, (std::vector<std::string>{"nq-126-2023", "en-nq-126-2023"}));
    const auto english = searcher.check("Pursuant to Resolution No. 126/NQ-CP dated August 14, 2023 of the Government.");
    ASSERT_TRUE(english.ok());
    EXPECT_EQ(english->references[0].held_by, "en-nq-126-2023");
    // An English article quoting the Vietnamese original at length is English all the same:
    // the language is its own words', not its quotations'.
    const auto quoting = searcher.check(
        "Resolution No. 126/NQ-CP of the Government asks localities “nâng cao hiệu quả công tác tổ chức thi hành pháp luật, "
        "ngăn chặn lợi ích nhóm, lợi ích cục bộ trong các cơ quan nhà nước”.");
    ASSERT_TRUE(quoting.ok());
    EXPECT_EQ(quoting->references.at(0).held_by, "en-nq-126-2023");
    const auto quoted_english = searcher.check("Căn cứ Nghị quyết số 126/NQ-CP, Chính phủ yêu cầu \"improve the enforcement of the law\".");
    ASSERT_TRUE(quoted_english.ok());
    EXPECT_EQ(quoted_english->references.at(0).held_by, "nq-126-2023");
    const auto unknown = searcher.check("126/NQ-CP");  // no words to tell the language: the original
    ASSERT_TRUE(unknown.ok());
    EXPECT_EQ(unknown->references[0].held_by, "nq-126-2023");

    const Result<ReferenceReport> report = reference_report(searcher.database(), "126/NQ-CP");
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(ids_of(report->held_by), (std::vector<std::string>{"nq-126-2023", "en-nq-126-2023"}));  // the original first
    const searchd::RequestHandler handler{[&]() -> Searcher& { return searcher; }};
    const auto checked = testing::call_json(handler, "POST", "/check", 200,
                                            R"({"text": "Căn cứ Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ."})");
    EXPECT_STREQ(checked["references"][0]["document"].GetString(), "nq-126-2023");
    const auto held = testing::call_json(handler, "GET", "/references/126%2FNQ-CP", 200);
    ASSERT_EQ(held["held_by"].Size(), 2u);
    EXPECT_STREQ(held["held_by"][0]["id"].GetString(), "nq-126-2023");
}

// A number without its year comes back every few years: 126/NQ-CP of 2023 and of 2024.
TEST(TranslatedNumbersTest, ACitationGoesToTheHolderOfTheYearItsDateSays) {
    testing::TempDir dir;
    Document of_2023 = dated("nq-126-2023", "Nghị quyết 126/NQ-CP về thi hành pháp luật\nChính phủ quyết nghị.", "2023-08-14");
    of_2023.number = "126/NQ-CP";
    Document of_2024 = dated("nq-126-2024", "Nghị quyết 126/NQ-CP về phiên họp Chính phủ thường kỳ\nChính phủ quyết nghị.", "2024-08-20");
    of_2024.number = "126/NQ-CP";
    testing::build_index(dir.path() / "db", {of_2023, of_2024});
    Searcher searcher((dir.path() / "db").string());
    const auto held_by = [&](std::string_view text) {
        const auto checked = searcher.check(text);
        EXPECT_TRUE(checked.ok() && checked->references.size() == 1) << text;
        return checked.ok() && !checked->references.empty() ? std::pair{checked->references[0].held_by, checked->references[0].ambiguous}
                                                             : std::pair{std::string("?"), false};
    };
    EXPECT_EQ(held_by("Căn cứ Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ."), (std::pair{std::string("nq-126-2023"), false}));
    EXPECT_EQ(held_by("Theo Nghị quyết 126/NQ-CP ngày 20/8/2024, Chính phủ họp."), (std::pair{std::string("nq-126-2024"), false}));
    EXPECT_EQ(held_by("Theo Nghị quyết 126/NQ-CP ngày 5/1/2022, Chính phủ họp."), (std::pair{std::string(""), false}));  // not held
    EXPECT_EQ(held_by("Theo Nghị quyết 126/NQ-CP, Chính phủ họp."), (std::pair{std::string(""), true}));  // which year, nothing tells
}

// The documents citing 126/NQ-CP of 2023 are not those citing 126/NQ-CP of 2024: each
// citation goes to the year its date says, or, undated, to the one issued by the date of the
// document citing it; when both were, to neither.
TEST(TranslatedNumbersTest, EachYearsResolutionIsCitedOnlyByTheCitationsOfItsYear) {
    testing::TempDir dir;
    Document of_2023 = dated("nq-126-2023", "Nghị quyết 126/NQ-CP về thi hành pháp luật\nChính phủ quyết nghị.", "2023-08-14");
    of_2023.number = "126/NQ-CP";
    Document of_2024 = dated("nq-126-2024", "Nghị quyết 126/NQ-CP về phiên họp Chính phủ thường kỳ\nChính phủ quyết nghị.", "2024-08-20");
    of_2024.number = "126/NQ-CP";
    testing::build_index(
        dir.path() / "db",
        {of_2023, of_2024,
         dated("dated-2023", "Chỉ thị\nCăn cứ Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ.", "2023-09-22"),
         dated("dated-2024", "Kế hoạch\nThực hiện Nghị quyết 126/NQ-CP ngày 20/8/2024 của Chính phủ.", "2024-09-01"),
         // Undated, in 2023: only the first had been issued.
         dated("undated-2023", "Tin\nNghị quyết 126/NQ-CP đề ra nhiều giải pháp.", "2023-10-05"),
         // Undated, after both: nothing tells which.
         dated("undated-2025", "Tin\nNghị quyết 126/NQ-CP được nhắc lại.", "2025-01-10"),
         // Undated here, dated earlier in the same text.
         dated("dated-once", "Báo cáo\nCăn cứ Nghị quyết số 126/NQ-CP ngày 14/8/2023;\nNghị quyết 126/NQ-CP yêu cầu các bộ báo cáo.",
               "2025-02-01"),
         testing::make_document("no-date", "Ghi chú\nNghị quyết 126/NQ-CP được nhắc lại."),
         // The year alone, as the press names yearly resolutions.
         dated("year-only", "Tin\nNghị quyết 126/NQ-CP năm 2024 được triển khai.", "2025-04-01"),
         // The headline's mention is the one the text dates below.
         dated("headline", "Đà Nẵng triển khai Nghị quyết 126/NQ-CP\nThành phố triển khai Nghị quyết số 126/NQ-CP ngày 20/8/2024.",
               "2025-03-01")});
    const Xapian::Database db((dir.path() / "db").string());
    EXPECT_EQ(db.get_termfreq(cited_year_term("126/nq-cp", "2023")), 2u);  // dated-2023, dated-once
    EXPECT_EQ(db.get_termfreq(cited_year_term("126/nq-cp", "2024")), 3u);

    EXPECT_EQ(documents_citing(db, "nq-126-2023", 10).first, (std::vector<std::string>{"dated-once", "undated-2023", "dated-2023"}));
    EXPECT_EQ(documents_citing(db, "nq-126-2024", 10).first, (std::vector<std::string>{"year-only", "headline", "dated-2024"}));
    const Document headline = from_stored_json(db.get_document(*db.postlist_begin("Qheadline")).get_data());
    ASSERT_EQ(headline.citations.size(), 1u);  // one citation, dated as the text dates it
    EXPECT_EQ(headline.citations[0].issued, "2024-08-20");

    const Result<ReferenceReport> report = reference_report(db, "126/NQ-CP");
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(ids_of(report->held_by), (std::vector<std::string>{"nq-126-2023", "nq-126-2024"}));
    EXPECT_EQ(report->held_by[0].cited_by, 3u);
    EXPECT_EQ(report->held_by[1].cited_by, 3u);
    EXPECT_EQ(report->total, 8u);  // every document citing the number, whichever it means
    std::map<std::string, std::pair<std::vector<std::string>, bool>> meant;  // citing id -> holders, ambiguous
    for (const CitationGroup& relation_group : report->groups)
        for (const CitingDocument& citing : relation_group.documents) meant[citing.document.id] = {citing.holders, citing.ambiguous};
    using Meant = std::pair<std::vector<std::string>, bool>;
    EXPECT_EQ(meant["dated-2023"], (Meant{{"nq-126-2023"}, false}));
    EXPECT_EQ(meant["dated-2024"], (Meant{{"nq-126-2024"}, false}));
    EXPECT_EQ(meant["undated-2023"], (Meant{{"nq-126-2023"}, false}));
    EXPECT_EQ(meant["undated-2025"], (Meant{{}, true}));
    EXPECT_EQ(meant["dated-once"], (Meant{{"nq-126-2023"}, false}));
    EXPECT_EQ(meant["no-date"], (Meant{{}, true}));

    // Related documents link the citing document to its year's resolution only.
    const Analyzer analyzer(read_analyzer_options(db, (dir.path() / "db").string()));
    const auto related = related_to_document(db, analyzer, "dated-2024", 20);
    ASSERT_TRUE(related.ok());
    std::set<std::string> links;
    for (const RelatedDocument& hit : related.value())
        for (const SharedReference& reference : hit.references) links.insert(hit.document.id + " " + reference.how);
    EXPECT_TRUE(links.count("nq-126-2024 source_cites_it")) << ::testing::PrintToString(links);
    EXPECT_FALSE(links.count("nq-126-2023 source_cites_it"));
    EXPECT_FALSE(links.count("dated-2023 both_cite"));  // another year's resolution

    // A checked text dated by its dateline, citing the number without a date.
    Searcher searcher((dir.path() / "db").string());
    const auto checked = searcher.check("Hà Nội, 05/10/2023\nNghị quyết 126/NQ-CP đề ra nhiều giải pháp.");
    ASSERT_TRUE(checked.ok());
    ASSERT_EQ(checked->references.size(), 1u);
    EXPECT_EQ(checked->references[0].held_by, "nq-126-2023");
    EXPECT_FALSE(checked->references[0].ambiguous);
    EXPECT_EQ(checked->references[0].cited_by, 3u);
    const auto year_only = searcher.check("Nghị quyết 126/NQ-CP năm 2023 đề ra nhiều giải pháp.");
    ASSERT_TRUE(year_only.ok());
    ASSERT_EQ(year_only->references.size(), 1u);
    EXPECT_EQ(year_only->references[0].held_by, "nq-126-2023");
    EXPECT_EQ(year_only->references[0].issued_year, "2023");
    EXPECT_EQ(year_only->references[0].issued, "");
    const searchd::RequestHandler handler{[&]() -> Searcher& { return searcher; }};
    const auto shown = testing::call_json(handler, "GET", "/documents/year-only", 200);
    ASSERT_EQ(shown["citations"].Size(), 1u);
    EXPECT_STREQ(shown["citations"][0]["issued_year"].GetString(), "2024");
    EXPECT_TRUE(shown["citations"][0]["issued"].IsNull());
    // Its headline's mention, undated, is the one the text dates.
    const auto headline_checked =
        searcher.check("Đà Nẵng triển khai Nghị quyết 126/NQ-CP\nThành phố thực hiện Nghị quyết số 126/NQ-CP ngày 14/8/2023.");
    ASSERT_TRUE(headline_checked.ok());
    ASSERT_EQ(headline_checked->references.size(), 2u);
    for (const auto& reference : headline_checked->references) {
        EXPECT_EQ(reference.held_by, "nq-126-2023");
        EXPECT_FALSE(reference.ambiguous);
    }
}

// A Party number has no year and recurs across terms: the corpus holds 69-QĐ/TW of 2022
// only, and an article citing "Quy định số 69-QĐ/TW, ngày 13/02/2017" cites another
// regulation, the corpus lacks. One holder's year narrows as several holders' years do.
TEST(TranslatedNumbersTest, ACitationDatedInAnotherYearIsNotTheOnlyHoldersDocument) {
    testing::TempDir dir;
    Document regulation = dated("qd-69-2022", "Quy định số 69-QĐ/TW về kỷ luật tổ chức đảng, đảng viên vi phạm\nĐiều 1.", "2022-07-06");
    regulation.number = "69-QĐ/TW";
    testing::build_index(
        dir.path() / "db",
        {regulation,
         dated("dated-2017", "Nghị quyết về doanh nghiệp nhà nước\nTriển khai thực hiện nghiêm túc Quy định số 69-QĐ/TW, ngày "
                             "13/02/2017 của Ban Bí thư về đảng ủy cấp trên cơ sở trong doanh nghiệp nhà nước.",
               "2017-06-03"),
         dated("year-2017", "Tin\nQuy định 69-QĐ/TW năm 2017 của Ban Bí thư được quán triệt.", "2017-09-01"),
         dated("dated-2022", "Chỉ thị\nThực hiện nghiêm Quy định số 69-QĐ/TW ngày 06/7/2022 của Ban Chấp hành Trung ương.", "2023-09-20"),
         dated("undated", "Tin\nQuy định 69-QĐ/TW về kỷ luật đảng viên được quán triệt.", "2023-01-05")});
    const Xapian::Database db((dir.path() / "db").string());
    EXPECT_EQ(db.get_termfreq(cited_year_term("69/qd-tw", "2017")), 2u);

    // Undated, as before: the one holder; dated in its year: it; dated in another: not it.
    EXPECT_EQ(documents_citing(db, "qd-69-2022", 10).first, (std::vector<std::string>{"dated-2022", "undated"}));
    const Result<ReferenceReport> report = reference_report(db, "69-QĐ/TW");
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(ids_of(report->held_by), (std::vector<std::string>{"qd-69-2022"}));
    EXPECT_EQ(report->held_by[0].cited_by, 2u);
    EXPECT_EQ(report->total, 4u);  // every document citing the number, whichever it means
    using Meant = std::pair<std::vector<std::string>, bool>;
    std::map<std::string, Meant> meant;  // citing id -> holders, ambiguous
    for (const CitationGroup& relation_group : report->groups)
        for (const CitingDocument& citing : relation_group.documents) meant[citing.document.id] = {citing.holders, citing.ambiguous};
    EXPECT_EQ(meant["dated-2017"], (Meant{{}, false}));  // a document the corpus lacks
    EXPECT_EQ(meant["year-2017"], (Meant{{}, false}));
    EXPECT_EQ(meant["dated-2022"], (Meant{{"qd-69-2022"}, false}));
    EXPECT_EQ(meant["undated"], (Meant{{"qd-69-2022"}, false}));

    Searcher searcher((dir.path() / "db").string());
    const auto checked = searcher.check("Triển khai thực hiện nghiêm túc Quy định số 69-QĐ/TW, ngày 13/02/2017 của Ban Bí thư.");
    ASSERT_TRUE(checked.ok());
    ASSERT_EQ(checked->references.size(), 1u);
    EXPECT_EQ(checked->references[0].held_by, "");
    EXPECT_FALSE(checked->references[0].ambiguous);
    EXPECT_EQ(checked->references[0].holders, (std::vector<std::string>{"qd-69-2022"}));
    EXPECT_EQ(checked->references[0].cited_by, 2u);  // the documents citing it as of 2017
    const auto of_2022 = searcher.check("Thực hiện Quy định số 69-QĐ/TW ngày 06/7/2022 của Ban Chấp hành Trung ương.");
    ASSERT_TRUE(of_2022.ok());
    ASSERT_EQ(of_2022->references.size(), 1u);
    EXPECT_EQ(of_2022->references[0].held_by, "qd-69-2022");
    EXPECT_EQ(of_2022->references[0].cited_by, 2u);

    // Related documents do not link the 2017 citation to the regulation of 2022.
    const Analyzer analyzer(read_analyzer_options(db, (dir.path() / "db").string()));
    std::set<std::string> links;
    for (const std::string id : {"dated-2017", "qd-69-2022"}) {
        const auto related = related_to_document(db, analyzer, id, 20);
        ASSERT_TRUE(related.ok());
        for (const RelatedDocument& hit : related.value())
            for (const SharedReference& reference : hit.references) links.insert(id + " " + hit.document.id + " " + reference.how);
    }
    EXPECT_FALSE(links.count("dated-2017 qd-69-2022 source_cites_it")) << ::testing::PrintToString(links);
    EXPECT_FALSE(links.count("qd-69-2022 dated-2017 cites_source"));
    EXPECT_TRUE(links.count("qd-69-2022 dated-2022 cites_source"));
    EXPECT_FALSE(links.count("dated-2017 dated-2022 both_cite"));  // two regulations
}

TEST_F(LocalNumbersTest, RelatedDocumentsLinkOnlyTheDecisionACitationMeans) {
    const auto links_of = [&](const std::string& id) {
        std::set<std::string> links;  // "hit how"
        const auto related = related_to_document(db_, analyzer_, id, 20);
        EXPECT_TRUE(related.ok());
        if (related.ok())
            for (const RelatedDocument& hit : related.value())
                for (const SharedReference& reference : hit.references) links.insert(hit.document.id + " " + reference.how);
        return links;
    };
    const std::set<std::string> quang_ninh = links_of("qn-40");
    EXPECT_TRUE(quang_ninh.count("dn-70 cites_source"));
    EXPECT_TRUE(quang_ninh.count("qn-news cites_source"));
    EXPECT_FALSE(quang_ninh.count("dn-55 cites_source")) << ::testing::PrintToString(quang_ninh);
    EXPECT_FALSE(quang_ninh.count("dn-60 cites_source"));
    const std::set<std::string> amending = links_of("dn-55");
    EXPECT_TRUE(amending.count("dn-40 source_cites_it"));
    EXPECT_FALSE(amending.count("qn-40 source_cites_it")) << ::testing::PrintToString(amending);
    EXPECT_FALSE(amending.count("dn-70 both_cite"));  // Quảng Ninh's 40 is another document
    EXPECT_TRUE(amending.count("dn-60 both_cite"));
}

// ------------------------------------------------------------------ related, small indexes

class RelatedTest : public ::testing::Test {
protected:
    void build(std::vector<Document> docs) {
        testing::build_index(dir_.path() / "db", std::move(docs));
        db_ = Xapian::Database((dir_.path() / "db").string());
        analyzer_ = Analyzer(read_analyzer_options(db_, (dir_.path() / "db").string()));
    }
    // Each related document of @p source, best first, with the dates it shares with it.
    std::vector<std::pair<std::string, std::vector<std::string>>> shared_dates(const std::string& source) {
        const auto related = related_to_document(db_, analyzer_, source, 10);
        EXPECT_TRUE(related.ok());
        std::vector<std::pair<std::string, std::vector<std::string>>> out;
        if (!related.ok()) return out;
        for (const RelatedDocument& hit : related.value()) {
            out.emplace_back(hit.document.id, std::vector<std::string>{});
            for (const SharedDate& d : hit.dates) out.back().second.push_back(d.date);
        }
        return out;
    }
    testing::TempDir dir_;
    Xapian::Database db_;
    Analyzer analyzer_;
};

TEST_F(RelatedTest, RarerSharedReferencesWeighMore) {
    std::vector<Document> docs = {
        testing::make_document("source", "Báo cáo\nThực hiện Nghị quyết 126/NQ-CP và Nghị định 15/2020/NĐ-CP."),
        testing::make_document("rare", "Tin\nTheo Nghị định 15/2020/NĐ-CP, mức phạt tăng."),
        testing::make_document("common", "Tin khác\nTheo Nghị quyết 126/NQ-CP, tỉnh họp."),
    };
    for (int i = 0; i < 6; ++i)
        docs.push_back(testing::make_document("filler" + std::to_string(i), "Bài " + std::to_string(i) + "\nNghị quyết 126/NQ-CP về thi hành pháp luật số " + std::to_string(i)));
    build(docs);
    const auto related = related_to_document(db_, analyzer_, "source", 20);
    ASSERT_TRUE(related.ok()) << related.error().message;
    const auto ids = ids_of(related.value());
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "source"), 0);  // never itself
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids[0], "rare");
    const auto& rare = related.value()[0];
    ASSERT_EQ(rare.references.size(), 1u);
    EXPECT_EQ(rare.references[0].reference, "15/2020/NĐ-CP");
    EXPECT_EQ(rare.references[0].how, "both_cite");
    const auto common = std::find_if(related->begin(), related->end(), [](const RelatedDocument& d) { return d.document.id == "common"; });
    ASSERT_NE(common, related->end());
    ASSERT_EQ(common->references.size(), 1u);
    EXPECT_GT(rare.references[0].weight, common->references[0].weight);
    // ln((N + 1) / df): 9 documents, 2 cite the decree.
    EXPECT_NEAR(rare.references[0].weight, std::log(10.0 / 2), 1e-9);
}

TEST_F(RelatedTest, NamesMatchFoldedAcrossLanguagesAndInsideLongerRuns) {
    build({testing::make_document("vi", "Tin tỉnh\nPhó Chủ tịch UBND tỉnh Nguyễn Thanh Bình vừa ký chỉ thị về đất đai."),
           testing::make_document("en", "News\nVice Chairman of the Provincial People's Committee Nguyen Thanh Binh signed it."),
           testing::make_document("other", "Other news\nChairman Nguyen Van Thanh visited Binh Duong."),
           testing::make_document("title", "Tin khác\nPhó Chủ tịch UBND huyện phát biểu về đất đai."),
           testing::make_document("unrelated", "Khác\nHội nghị bàn về giáo dục.")});
    const auto related = related_to_document(db_, analyzer_, "vi", 10);
    ASSERT_TRUE(related.ok());
    ASSERT_FALSE(related->empty());
    const RelatedDocument& first = related.value()[0];
    EXPECT_EQ(first.document.id, "en");
    ASSERT_EQ(first.names.size(), 1u);
    EXPECT_EQ(first.names[0].name, "Nguyễn Thanh Bình");
    EXPECT_EQ(first.names[0].written, "Nguyen Thanh Binh");
    // Its words alone are no shared name.
    for (const RelatedDocument& hit : related.value())
        if (hit.document.id == "other" || hit.document.id == "title") {
            EXPECT_TRUE(hit.names.empty()) << hit.document.id << ": " << hit.names[0].name;  // "Phó Chủ" is a title's start
        }
}

TEST_F(RelatedTest, NamesWhoseSyllablesAreEnglishFunctionWordsStillMatch) {
    // "An", "To" and "Do" are how English writes Ấn/An, Tô and Đỗ: names, not articles.
    build({testing::make_document("vi", "Tin\nUBND tỉnh Nghệ An và Tổng Bí thư Tô Lâm làm việc với ông Đỗ Văn Chiến tại An Giang."),
           testing::make_document("en", "News\nThe Nghe An People's Committee and General Secretary To Lam met Do Van Chien in An Giang."),
           testing::make_document("other", "Other\nThe committee met again in the capital on Monday."),
           testing::make_document("unrelated", "Khác\nHội nghị bàn về giáo dục.")});
    const auto related = related_to_document(db_, analyzer_, "vi", 10);
    ASSERT_TRUE(related.ok());
    ASSERT_FALSE(related->empty());
    ASSERT_EQ(related.value()[0].document.id, "en");
    std::vector<std::string> names;
    for (const SharedName& name : related.value()[0].names) names.push_back(name.written);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"An Giang", "Do Van Chien", "Nghe An", "To Lam"}));
}

TEST_F(RelatedTest, ANameWrittenShorterIsCountedOnce) {
    build({testing::make_document("a", "Tin\nCty TNHH Đại Nguyên Dương đóng tàu. Sau đó Cty Đại Nguyên nhận lỗi."),
           testing::make_document("b", "Tin khác\nCty TNHH Đại Nguyên Dương sửa tàu. Sau đó Cty Đại Nguyên bồi thường."),
           testing::make_document("c", "Khác\nHội nghị bàn về giáo dục.")});
    const auto related = related_to_document(db_, analyzer_, "a", 10);
    ASSERT_TRUE(related.ok());
    ASSERT_FALSE(related->empty());
    ASSERT_EQ(related.value()[0].document.id, "b");
    std::vector<std::string> names;
    for (const SharedName& name : related.value()[0].names) names.push_back(name.name);
    EXPECT_EQ(names, std::vector<std::string>{"Cty TNHH Đại Nguyên Dương"});
}

// Two other names with a piece each of the source's name are not that name, twice.
TEST_F(RelatedTest, PiecesOfOneNameInOtherNamesCountAsOneNameAtMost) {
    build({testing::make_document("en", "Gold\nFinancial expert Nguyen Thanh Binh said gold prices may fluctuate."),
           testing::make_document("vi", "Giá vàng\nChuyên gia tài chính Nguyễn Thanh Bình nhận định giá vàng biến động."),
           testing::make_document("pieces", "Mua cát\nÔng Nguyễn Thanh Hùng ở huyện Thanh Bình nói giá cát tăng."),
           testing::make_document("unrelated", "Khác\nHội nghị bàn về giáo dục.")});
    const auto related = related_to_document(db_, analyzer_, "en", 10);
    ASSERT_TRUE(related.ok());
    const auto pieces = std::find_if(related->begin(), related->end(), [](const RelatedDocument& d) { return d.document.id == "pieces"; });
    ASSERT_NE(pieces, related->end());
    ASSERT_EQ(pieces->names.size(), 1u) << ::testing::PrintToString(pieces->names.size());
    const auto vi = std::find_if(related->begin(), related->end(), [](const RelatedDocument& d) { return d.document.id == "vi"; });
    ASSERT_NE(vi, related->end());
    ASSERT_EQ(vi->names.size(), 1u);
    EXPECT_EQ(vi->names[0].name, "Nguyen Thanh Binh");
    EXPECT_GE(vi->names[0].weight, pieces->names[0].weight);
}

TEST_F(RelatedTest, ARunInCapitalsIsAHeadingNotAName) {
    build({testing::make_document("decision", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\nQUYẾT ĐỊNH\nVề quản lý bến thủy nội địa.\n"
                                              "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPhạm Đức Ấn"),
           testing::make_document("news", "GIÁ VÀNG HÔM NAY\nCHỦ TỊCH HỘI ĐỒNG QUẢN TRỊ cho biết giá vàng tăng.\n"
                                          "ỦY BAN NHÂN DÂN phường ra QUYẾT ĐỊNH khen thưởng."),
           testing::make_document("signed", "Tin\nÔng Phạm Đức Ấn ký văn bản."),
           testing::make_document("other", "Khác\nHội nghị bàn về giáo dục.")});
    const auto related = related_to_document(db_, analyzer_, "decision", 10);
    ASSERT_TRUE(related.ok());
    for (const RelatedDocument& hit : related.value()) {
        std::vector<std::string> names;
        for (const SharedName& name : hit.names) names.push_back(name.name);
        if (hit.document.id == "signed") EXPECT_EQ(names, std::vector<std::string>{"Phạm Đức Ấn"});  // a name still
        else EXPECT_TRUE(names.empty()) << hit.document.id << ": " << ::testing::PrintToString(names);
    }
}

// Titles and offices are what a person is, not who: no names, and not glued onto the name
// after them. Text on the left, the names related documents compare on the right.
TEST_F(RelatedTest, TitlesAndOfficesAreNoNamesNorPartOfOne) {
    build({testing::make_document("vi", "Tin\nPhó Chủ tịch UBND tỉnh Nguyễn Thanh Bình chủ trì hội nghị.")});
    struct Row {
        std::string_view text;
        std::vector<std::string> names;
    };
    const std::vector<Row> rows = {
        {"Vice Chairman of the Provincial People's Committee Nguyen Thanh Binh chaired a conference.", {"Nguyen Thanh Binh"}},
        {"Chairman Nguyen Van Thanh visited Binh Duong.", {"Nguyen Van Thanh", "Binh Duong"}},
        {"Prime Minister Pham Minh Chinh met Deputy Minister Le Van Thanh.", {"Pham Minh Chinh", "Le Van Thanh"}},
        {"General Secretary To Lam received President Vo Van Thuong.", {"To Lam", "Vo Van Thuong"}},
        {"Director Tran Van Nam and Party Secretary Le Truong Luu met Mr Nguyen Van Phuong.",
         {"Tran Van Nam", "Le Truong Luu", "Nguyen Van Phuong"}},
        {"The Da Nang City People's Committee and the Quang Ninh Provincial People's Council met.", {"Da Nang City", "Quang Ninh"}},
        {"Phó Chủ Tịch UBND Tỉnh Nguyễn Thanh Bình dự họp.", {"Nguyễn Thanh Bình"}},
        {"Ủy Ban Nhân Dân Tỉnh Thừa Thiên Huế và Bộ Trưởng Hồ Đức Phớc.", {"Thừa Thiên Huế", "Hồ Đức Phớc"}},
        {"Tổng Bí Thư Tô Lâm làm việc với Chủ Tịch Nước Võ Văn Thưởng.", {"Tô Lâm", "Võ Văn Thưởng"}},
        // Names only spelled like a title, with other diacritics or none, stay names.
        {"Ông Trương Ban và Nguyễn Thu Truong đến Bà Rịa.", {"Ông Trương Ban", "Nguyễn Thu Truong", "Bà Rịa"}},
        // Words of titles in other names: a league, a newspaper.
        {"Đội bóng Premier League được Báo Nhân Dân đưa tin.", {"Premier League", "Báo Nhân Dân"}},
        {"Phó Chủ tịch Nguyễn Thanh Bình ký.", {"Nguyễn Thanh Bình"}},  // a compound the index knows, as before
    };
    for (const Row& row : rows) EXPECT_EQ(names_in(row.text, db_), row.names) << row.text;
}

// The English article's translation finder: another English article on the same province
// wrote the same titles, "Vice Chairman", "Provincial People" and "Committee Nguyen Thanh
// Binh", rare words in a Vietnamese corpus, and ranked above the Vietnamese original.
TEST_F(RelatedTest, ATranslationOutranksAnArticleWithTheSameTitles) {
    std::vector<Document> docs = {
        testing::make_document("en", "Hue tightens discipline in law-making\nHUE, Sept. 25, 2023 — On the morning of September 25, "
                                     "Vice Chairman of the Provincial People's Committee Nguyen Thanh Binh chaired a conference "
                                     "to disseminate Directive No. 12/CT-UBND."),
        testing::make_document("vi", "Thừa Thiên Huế siết kỷ cương xây dựng pháp luật\nSáng 25/9/2023, Phó Chủ tịch UBND tỉnh "
                                     "Nguyễn Thanh Bình chủ trì hội nghị quán triệt Chỉ thị số 12/CT-UBND."),
        testing::make_document("en-other", "Hue reviews land records\nVice Chairman of the Provincial People's Committee Nguyen "
                                           "Thanh Binh asked departments to review land records."),
    };
    for (int i = 0; i < 12; ++i)  // a Vietnamese corpus: English words are rare
        docs.push_back(testing::make_document("vi-" + std::to_string(i), "Tin " + std::to_string(i) +
                                                                             "\nÔng Nguyễn Văn Thanh và bà Trần Thị Bình dự hội nghị ở Huế."));
    build(std::move(docs));
    const auto related = related_to_document(db_, analyzer_, "en", 10);
    ASSERT_TRUE(related.ok());
    ASSERT_GE(related->size(), 2u);
    EXPECT_EQ(related.value()[0].document.id, "vi");
    for (const RelatedDocument& hit : related.value()) {
        std::vector<std::string> names;
        for (const SharedName& name : hit.names) names.push_back(name.name);
        if (hit.document.id == "vi" || hit.document.id == "en-other") {
            EXPECT_EQ(names, std::vector<std::string>{"Nguyen Thanh Binh"}) << hit.document.id;
        }
    }
}

TEST_F(RelatedTest, DatesMatchAcrossTheWaysTheyAreWritten) {
    build({testing::make_document("vi", "Tin\nNghị quyết ban hành ngày 14/8/2023 và quy định ngày 06 tháng 7 năm 2022."),
           testing::make_document("en", "News\nThe resolution of August 14, 2023 and the rule of July 6, 2022 apply."),
           testing::make_document("near", "News\nThe meeting of August 15, 2023 and of July 6, 2021."),
           testing::make_document("plain", "Khác\nHội nghị bàn về giáo dục.")});
    const auto related = shared_dates("vi");
    ASSERT_FALSE(related.empty());
    EXPECT_EQ(related[0].first, "en");
    EXPECT_EQ(related[0].second, (std::vector<std::string>{"2022-07-06", "2023-08-14"}));
    for (const auto& [id, dates] : related)
        if (id != "en") {
            EXPECT_TRUE(dates.empty()) << id;  // a day or a year apart
        }
}

TEST_F(RelatedTest, IsoAndAbbreviatedDatesMatchToo) {
    build({testing::make_document("source", "Tin\nNghị quyết ban hành ngày 14/8/2023, hiệu lực từ ngày 05 tháng 9 năm 2023."),
           // Dates inside sentences, so that neither is taken as the publication date.
           testing::make_document("iso", "Export\nThe resolution record lists it as issued on 2023-08-14 and in effect from 2023-09-05 onwards."),
           testing::make_document("abbreviated", "News\nThe resolution, which was signed on 14 Aug 2023, has been in force since Sept. 5, 2023."),
           testing::make_document("other", "News\nThe resolution, which was signed on 15 Aug 2023, has been in force since Sept. 6, 2023.")});
    std::set<std::string> with_both_dates;
    for (const auto& [id, dates] : shared_dates("source"))
        if (dates.size() == 2) with_both_dates.insert(id);
    EXPECT_EQ(with_both_dates, (std::set<std::string>{"abbreviated", "iso"}));
}

TEST_F(RelatedTest, ADocumentCitingTheSourceOrCitedByItIsLinkedDirectly) {
    Document decree = testing::make_document("decree", "Nghị định số 15/2020/NĐ-CP\nQuy định xử phạt vi phạm hành chính.");
    decree.number = "15/2020/NĐ-CP";
    build({decree, testing::make_document("article", "Bài báo\nTheo Nghị định 15/2020/NĐ-CP, mức phạt tăng."),
           testing::make_document("other", "Bài khác\nHội nghị bàn về giáo dục.")});
    const auto from_decree = related_to_document(db_, analyzer_, "decree", 5);
    ASSERT_TRUE(from_decree.ok());
    ASSERT_FALSE(from_decree->empty());
    EXPECT_EQ(from_decree.value()[0].document.id, "article");
    ASSERT_EQ(from_decree.value()[0].references.size(), 1u);
    EXPECT_EQ(from_decree.value()[0].references[0].how, "cites_source");
    const auto from_article = related_to_document(db_, analyzer_, "article", 5);
    ASSERT_TRUE(from_article.ok());
    ASSERT_FALSE(from_article->empty());
    EXPECT_EQ(from_article.value()[0].document.id, "decree");
    ASSERT_EQ(from_article.value()[0].references.size(), 1u);
    EXPECT_EQ(from_article.value()[0].references[0].how, "source_cites_it");
}

TEST_F(RelatedTest, ATranslationIsTheDocumentWithTheSameNumberFirst) {
    // The directive and the article share many words and the number with the resolution; its
    // English translation shares only the number, which it is too. Another year's 126/NQ-CP
    // is another resolution.
    auto numbered = [](std::string id, std::string number, std::string date, std::string text) {
        Document doc = testing::make_document(std::move(id), std::move(text));
        doc.number = std::move(number);
        doc.date = std::move(date);
        return doc;
    };
    build({numbered("nq-126", "126/NQ-CP", "2023-08-14",
                    "Nghị quyết 126/NQ-CP về giải pháp nâng cao hiệu quả thi hành pháp luật\n"
                    "Chính phủ quyết nghị các giải pháp nâng cao hiệu quả công tác thi hành pháp luật, ngăn chặn lợi ích nhóm."),
           numbered("en-126", "126/NQ-CP", "2023-08-14",
                    "Resolution No. 126/NQ-CP on solutions to improve law enforcement\n"
                    "The Government resolves on solutions to improve the effectiveness of law enforcement."),
           numbered("nq-126-2019", "126/NQ-CP", "2019-11-20", "Nghị quyết 126/NQ-CP về phiên họp Chính phủ thường kỳ\nPhiên họp tháng 10."),
           testing::make_document("directive", "Chỉ thị thi hành pháp luật\nTriển khai Nghị quyết 126/NQ-CP về giải pháp nâng cao "
                                               "hiệu quả công tác thi hành pháp luật, ngăn chặn lợi ích nhóm trong thi hành pháp luật."),
           testing::make_document("article", "Thi hành pháp luật\nCác giải pháp nâng cao hiệu quả công tác thi hành pháp luật, "
                                             "ngăn chặn lợi ích nhóm theo Nghị quyết 126/NQ-CP.")});
    const auto related = related_to_document(db_, analyzer_, "nq-126", 5);
    ASSERT_TRUE(related.ok());
    ASSERT_FALSE(related->empty());
    EXPECT_EQ(related.value()[0].document.id, "en-126");
    ASSERT_FALSE(related.value()[0].references.empty());
    EXPECT_EQ(related.value()[0].references[0].how, "same_number");
    EXPECT_EQ(related.value()[0].references[0].reference, "126/NQ-CP");
    for (const RelatedDocument& hit : related.value())
        for (const SharedReference& reference : hit.references)
            EXPECT_FALSE(hit.document.id == "nq-126-2019" && reference.how == "same_number");
}

// A code indexed article by article: every article holds the code's number, which then says
// little about any two of them. The same article in another copy, without the number, is
// the one related by its text, not any other article of the code.
TEST_F(RelatedTest, ANumberManyDocumentsHoldWeighsLessThanTheirText) {
    auto article = [](std::string id, std::string text) {
        Document doc = testing::make_document(std::move(id), std::move(text));
        doc.number = "91/2015/QH13";
        return doc;
    };
    build({article("art-5", "Điều 5. Áp dụng tập quán\nTập quán là quy tắc xử sự có nội dung rõ ràng để xác định quyền, nghĩa vụ "
                            "của cá nhân, pháp nhân trong quan hệ dân sự cụ thể."),
           article("art-6", "Điều 6. Áp dụng tương tự pháp luật\nTrường hợp phát sinh quan hệ thuộc phạm vi điều chỉnh mà các bên "
                            "không có thỏa thuận thì áp dụng quy định điều chỉnh quan hệ tương tự."),
           article("art-7", "Điều 7. Chính sách của Nhà nước đối với quan hệ dân sự\nViệc xác lập, thực hiện quyền, nghĩa vụ dân sự "
                            "phải bảo đảm giữ gìn bản sắc dân tộc."),
           article("art-8", "Điều 8. Căn cứ xác lập quyền dân sự\nHợp đồng, hành vi pháp lý đơn phương, quyết định của Tòa án."),
           article("art-9", "Điều 9. Thực hiện quyền dân sự\nCá nhân, pháp nhân thực hiện quyền dân sự theo ý chí của mình."),
           article("art-10", "Điều 10. Giới hạn việc thực hiện quyền dân sự\nCá nhân, pháp nhân không được lạm dụng quyền dân sự."),
           testing::make_document("copy-5", "Điều 5. Áp dụng tập quán\nTập quán là quy tắc xử sự có nội dung rõ ràng để xác định "
                                            "quyền, nghĩa vụ của cá nhân, pháp nhân trong quan hệ dân sự cụ thể.")});
    const auto related = related_to_document(db_, analyzer_, "art-5", 3);
    ASSERT_TRUE(related.ok());
    ASSERT_FALSE(related->empty());
    EXPECT_EQ(related.value()[0].document.id, "copy-5");
    // The other articles still share the number, its weight shared among the five of them.
    for (const RelatedDocument& hit : related.value())
        for (const SharedReference& reference : hit.references) {
            if (reference.how == "same_number") {
                EXPECT_NEAR(reference.weight, 2 * std::log(8.0) / 5, 1e-3) << hit.document.id;
            }
        }
}

// A journalist's old draft typed in TCVN3 finds the articles it is about, as the indexer reads it.
TEST_F(RelatedTest, TextTypedInALegacyFontFindsWhatItShows) {
    build({testing::make_document("nq", "Tin\nThực hiện Nghị quyết số 126/NQ-CP về thi hành pháp luật ở Thừa Thiên Huế."),
           testing::make_document("other", "Tin\nGiá vàng hôm nay tăng mạnh.")});
    const auto related = related_to_text(db_, analyzer_, "Thùc hiÖn NghÞ quyÕt vÒ thi hµnh ph¸p luËt ë Thõa Thiªn HuÕ", 10);
    ASSERT_TRUE(related.ok());
    ASSERT_EQ(related->size(), 1u);  // not the article on gold prices
    EXPECT_EQ(related.value()[0].document.id, "nq");
    const std::vector<std::string>& words = related.value()[0].words;
    EXPECT_NE(std::find(words.begin(), words.end(), "quyet"), words.end()) << ::testing::PrintToString(words);
}

TEST_F(RelatedTest, BadInputIsAnError) {
    build({testing::make_document("a", "Tin\nNội dung.")});
    EXPECT_EQ(related_to_document(db_, analyzer_, "nope", 10).error().code, "not_found");
    EXPECT_EQ(related_to_document(db_, analyzer_, "a", 0).error().code, "bad_parameter");
    EXPECT_EQ(related_to_document(db_, analyzer_, "a", 101).error().code, "bad_parameter");
    EXPECT_EQ(related_to_text(db_, analyzer_, "", 10).error().code, "bad_parameter");
    EXPECT_EQ(related_to_text(db_, analyzer_, " \n\t ", 10).error().code, "bad_parameter");
    EXPECT_EQ(related_to_text(db_, analyzer_, "!!! …", 10).error().code, "bad_parameter");
    EXPECT_EQ(related_to_text(db_, analyzer_, "a\xFF", 10).error().code, "bad_parameter");
    EXPECT_EQ(related_to_text(db_, analyzer_, std::string(kMaxRelatedTextBytes + 1, 'a'), 10).error().code, "payload_too_large");
    EXPECT_TRUE(related_to_text(db_, analyzer_, "Nội dung", 10).ok());
}

// ------------------------------------------------------------------ corpus/

// corpus/ indexed by the real pipeline once for every test below.
class CorpusTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir();
        IndexingOptions options;
        options.db = (dir_->path() / "db").string();
        options.inputs = {TRACUU_CORPUS_DIR};
        options.threads = 1;
        IndexingRun(options, [](const InputProblem&) {}).run();
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override {
        db_ = Xapian::Database((dir_->path() / "db").string());
        analyzer_ = Analyzer(read_analyzer_options(db_, (dir_->path() / "db").string()));
    }

    static constexpr const char* kEnglish = "000_790ec6c75e1730ba";     // the English article
    static constexpr const char* kVietnamese = "001_a0a33c27a62ce187";  // its Vietnamese original
    static testing::TempDir* dir_;
    Xapian::Database db_;
    Analyzer analyzer_;
};
testing::TempDir* CorpusTest::dir_ = nullptr;

double sum_of_parts(const RelatedDocument& hit) {
    double sum = hit.text;
    for (const auto& r : hit.references) sum += r.weight;
    for (const auto& n : hit.names) sum += n.weight;
    for (const auto& d : hit.dates) sum += d.weight;
    return sum;
}

void expect_translation_first(const std::vector<RelatedDocument>& related, const std::string& translation) {
    ASSERT_GE(related.size(), 2u);
    const RelatedDocument& first = related[0];
    EXPECT_EQ(first.document.id, translation);
    std::vector<std::string> refs, names, dates;
    for (const auto& r : first.references) refs.push_back(r.reference + " " + r.how);
    for (const auto& n : first.names) names.push_back(unicode::fold(n.name));
    for (const auto& d : first.dates) dates.push_back(d.date);
    EXPECT_EQ(refs, (std::vector<std::string>{"126/NQ-CP both_cite", "69-QĐ/TW both_cite"}));
    EXPECT_NE(std::find(names.begin(), names.end(), "nguyen thanh binh"), names.end());
    EXPECT_NE(std::find(dates.begin(), dates.end(), "2023-08-14"), dates.end());
    EXPECT_NE(std::find(dates.begin(), dates.end(), "2022-07-06"), dates.end());
    // It wins on what it shares, not by a hair.
    EXPECT_GT(first.score, 2 * related[1].score);
    for (const RelatedDocument& hit : related) EXPECT_NEAR(hit.score, sum_of_parts(hit), 1e-9) << hit.document.id;
}

TEST_F(CorpusTest, TheEnglishArticleFindsItsVietnameseOriginalFirst) {
    const auto related = related_to_document(db_, analyzer_, kEnglish, 10);
    ASSERT_TRUE(related.ok()) << related.error().message;
    expect_translation_first(related.value(), kVietnamese);
    for (const auto& hit : related.value()) EXPECT_NE(hit.document.id, kEnglish);
    const RelatedDocument& first = related.value()[0];
    const auto binh = std::find_if(first.names.begin(), first.names.end(), [](const SharedName& n) { return n.name == "Nguyen Thanh Binh"; });
    ASSERT_NE(binh, first.names.end());
    EXPECT_EQ(binh->written, "Nguyễn Thanh Bình");
    EXPECT_EQ(first.document.lang, "vi");
    EXPECT_EQ(first.document.date, "2023-09-22");
}

TEST_F(CorpusTest, TheVietnameseArticleFindsItsEnglishTranslationFirst) {
    const auto related = related_to_document(db_, analyzer_, kVietnamese, 10);
    ASSERT_TRUE(related.ok()) << related.error().message;
    expect_translation_first(related.value(), kEnglish);
    for (const auto& hit : related.value()) EXPECT_NE(hit.document.id, kVietnamese);
}

TEST_F(CorpusTest, AnArticleWithoutSharedItemsIsRelatedByItsWords) {
    // 002 (Vietnamese, no number, no name) is about law enforcement, like 001.
    const auto related = related_to_document(db_, analyzer_, "002_f3cd84863d46fd32", 10);
    ASSERT_TRUE(related.ok());
    ASSERT_FALSE(related->empty());
    EXPECT_EQ(related.value()[0].document.id, kVietnamese);
    EXPECT_GT(related.value()[0].text, 0);
    EXPECT_FALSE(related.value()[0].words.empty());
}

TEST_F(CorpusTest, ATextFindsTheArticlesInBothLanguages) {
    const auto related = related_to_text(db_, analyzer_,
                                         "Vice Chairman Nguyen Thanh Binh signed a directive implementing Resolution "
                                         "No. 126/NQ-CP dated August 14, 2023.",
                                         3);
    ASSERT_TRUE(related.ok()) << related.error().message;
    ASSERT_GE(related->size(), 2u);
    auto top_two = std::vector<std::string>{related.value()[0].document.id, related.value()[1].document.id};
    std::sort(top_two.begin(), top_two.end());
    EXPECT_EQ(top_two, (std::vector<std::string>{kEnglish, kVietnamese}));
}

TEST_F(CorpusTest, ADocumentsOwnTextFindsItFirstThenItsTranslation) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(std::string(schema::kIdPrefix) + kVietnamese));
    const Xapian::MSet mset = enquire.get_mset(0, 1);
    ASSERT_EQ(mset.size(), 1u);
    const Document original = from_stored_json(mset.begin().get_document().get_data());
    const auto related = related_to_text(db_, analyzer_, original.text, 3);
    ASSERT_TRUE(related.ok()) << related.error().message;
    ASSERT_GE(related->size(), 2u);
    EXPECT_EQ(related.value()[0].document.id, kVietnamese);
    EXPECT_EQ(related.value()[1].document.id, kEnglish);
    // Read as the indexer read it: the same items, so the same weights as from the document.
    const auto from_document = related_to_document(db_, analyzer_, kVietnamese, 1);
    ASSERT_EQ(from_document->size(), 1u);
    EXPECT_EQ(related.value()[1].references.size(), from_document.value()[0].references.size());
    EXPECT_EQ(related.value()[1].names.size(), from_document.value()[0].names.size());
    EXPECT_EQ(related.value()[1].dates.size(), from_document.value()[0].dates.size());
}

TEST_F(CorpusTest, ReferencesOfTheCorpus) {
    const auto resolution = reference_report(db_, "126/nq-cp");
    ASSERT_TRUE(resolution.ok());
    EXPECT_EQ(resolution->total, 2u);
    EXPECT_EQ(group(resolution.value(), Relation::implements).total, 2u);
    EXPECT_EQ(ids_of(group(resolution.value(), Relation::implements).documents),
              (std::vector<std::string>{kVietnamese, kEnglish}));  // dated first, undated last
    const auto listed = list_references(db_, "");
    ASSERT_TRUE(listed.ok());
    EXPECT_EQ(canonicals(listed), (std::vector<std::string>{"126/NQ-CP", "69-QĐ/TW", "132-QĐ/TW"}));
}

}  // namespace
}  // namespace tracuu

// ------------------------------------------------------------------ searchd routes

namespace tracuu::searchd {
namespace {

class LinksRoutesTest : public ::testing::Test {
protected:
    void SetUp() override {
        testing::build_index(dir_.path() / "db",
                             {testing::make_document("vi", "Chỉ thị\nPhó Chủ tịch Nguyễn Thanh Bình ký, thực hiện Nghị quyết số 126/NQ-CP ngày 14/8/2023."),
                              testing::make_document("en", "Directive\nNguyen Thanh Binh signed it, implementing Resolution No. 126/NQ-CP dated August 14, 2023."),
                              testing::make_document("x", "Khác\nCăn cứ Quy định 69-QĐ/TW về kỷ luật đảng viên.")});
        searcher_ = std::make_unique<Searcher>((dir_.path() / "db").string());
    }

    rapidjson::Document call(const std::string& method, const std::string& target, unsigned expected_status,
                             const std::string& body = {}) {
        return testing::call_json(handler_, method, target, expected_status, body);
    }

    std::string expect_error(const std::string& method, const std::string& target, unsigned status, const std::string& code,
                             const std::string& body = {}) {
        const auto json = call(method, target, status, body);
        if (!json.IsObject() || !json.HasMember("error")) {
            ADD_FAILURE() << target;
            return {};
        }
        EXPECT_EQ(std::string(json["error"]["code"].GetString()), code) << target;
        return json["error"]["message"].GetString();
    }

    testing::TempDir dir_;
    std::unique_ptr<Searcher> searcher_;
    RequestHandler handler_{[this]() -> Searcher& { return *searcher_; }};
};

TEST_F(LinksRoutesTest, ReferenceInAnyWrittenVariant) {
    for (const char* target : {"/references/126%2FNQ-CP", "/references/126/nq-cp", "/references/126%20%2F%20NQ%20-%20CP"}) {
        const auto json = call("GET", target, 200);
        EXPECT_STREQ(json["reference"].GetString(), "126/NQ-CP") << target;
        EXPECT_STREQ(json["type"]["vi"].GetString(), "Nghị quyết");
        EXPECT_STREQ(json["type"]["en"].GetString(), "Resolution");
        ASSERT_EQ(json["issuers"].Size(), 1u);
        EXPECT_STREQ(json["issuers"][0]["vi"].GetString(), "Chính phủ");
        EXPECT_TRUE(json["year"].IsNull());
        EXPECT_EQ(json["held_by"].Size(), 0u);
        EXPECT_EQ(json["total"].GetUint(), 2u);
        EXPECT_EQ(json["counts"]["implements"].GetUint(), 2u);
        EXPECT_EQ(json["counts"]["based_on"].GetUint(), 0u);
        ASSERT_EQ(json["groups"].Size(), 1u);  // empty groups are only counted
        EXPECT_STREQ(json["groups"][0]["relation"].GetString(), "implements");
        EXPECT_EQ(json["groups"][0]["documents"].Size(), 2u);
    }
    const auto party = call("GET", "/references/69-QD/TW", 200);
    EXPECT_STREQ(party["reference"].GetString(), "69-QĐ/TW");
    EXPECT_EQ(party["counts"]["based_on"].GetUint(), 1u);
    const auto page = call("GET", "/references/126%2FNQ-CP?limit=1&relation=implements", 200);
    ASSERT_EQ(page["groups"].Size(), 1u);
    EXPECT_EQ(page["groups"][0]["documents"].Size(), 1u);
    EXPECT_FALSE(page["counts"].HasMember("cites"));
    const auto nobody = call("GET", "/references/15/2020/ND-CP", 200);
    EXPECT_EQ(nobody["total"].GetUint(), 0u);
    EXPECT_EQ(nobody["year"].GetInt(), 2020);
}

// Legal staff asking which acts guide or implement a decree want legal acts, not the press
// articles that report on them: type filters the citing documents, and every count with them.
TEST(ReferenceTypeFilterRoutesTest, LeavesOutPressArticlesOrKeepsOneType) {
    testing::TempDir dir;
    Document decree = testing::make_document("nd-126", "Nghị định quy định chi tiết Luật Quản lý thuế\nNội dung.");
    decree.number = "126/2020/NĐ-CP";
    Document circular = testing::make_document("tt-80", "Thông tư hướng dẫn quản lý thuế\nHướng dẫn Nghị định số 126/2020/NĐ-CP.");
    circular.number = "80/2021/TT-BTC";
    Document decision = testing::make_document("qd-12", "Quyết định ban hành kế hoạch\nThực hiện Nghị định số 126/2020/NĐ-CP.");
    decision.number = "12/2021/QĐ-UBND";
    testing::build_index(dir.path() / "db",
                         {decree, circular, decision,
                          testing::make_document("article", "Bộ Tài chính ban hành thông tư về thuế\n"
                                                            "Thông tư 80/2021/TT-BTC hướng dẫn Nghị định 126/2020/NĐ-CP.")});
    Searcher searcher((dir.path() / "db").string());
    const RequestHandler handler{[&]() -> Searcher& { return searcher; }};
    const auto call = [&](const std::string& target, unsigned status = 200) { return testing::call_json(handler, "GET", target, status); };

    const auto all = call("/references/126%2F2020%2FND-CP");
    EXPECT_TRUE(all["citing_type"].IsNull());
    EXPECT_EQ(all["total"].GetUint(), 3u);
    EXPECT_EQ(all["counts"]["guides"].GetUint(), 2u);
    EXPECT_EQ(all["held_by"][0]["cited_by"].GetUint(), 3u);

    const auto legal = call("/references/126%2F2020%2FND-CP?relation=guides&type=-article");
    EXPECT_STREQ(legal["citing_type"].GetString(), "-article");
    EXPECT_EQ(legal["total"].GetUint(), 2u);  // the circular and the decision
    EXPECT_EQ(legal["counts"]["guides"].GetUint(), 1u);
    EXPECT_EQ(legal["held_by"][0]["cited_by"].GetUint(), 2u);
    ASSERT_EQ(legal["groups"].Size(), 1u);
    EXPECT_EQ(legal["groups"][0]["total"].GetUint(), 1u);
    ASSERT_EQ(legal["groups"][0]["documents"].Size(), 1u);
    EXPECT_STREQ(legal["groups"][0]["documents"][0]["id"].GetString(), "tt-80");

    // The values of /search's type: codes, names in either language, article.
    for (const char* type : {"article", "b%C3%A0i+b%C3%A1o", "%20article"}) {
        const auto press = call(std::string("/references/126%2F2020%2FND-CP?type=") + type);
        EXPECT_STREQ(press["citing_type"].GetString(), "article") << type;
        EXPECT_EQ(press["total"].GetUint(), 1u) << type;
        EXPECT_STREQ(press["groups"][0]["documents"][0]["id"].GetString(), "article") << type;
    }
    for (const char* type : {"TT", "th%C3%B4ng+t%C6%B0", "Circular"}) {
        const auto circulars = call(std::string("/references/126%2F2020%2FND-CP?type=") + type);
        EXPECT_STREQ(circulars["citing_type"].GetString(), "TT") << type;
        EXPECT_EQ(circulars["total"].GetUint(), 1u) << type;
    }
    EXPECT_EQ(call("/references/126%2F2020%2FND-CP?type=-qd")["total"].GetUint(), 2u);  // all but decisions

    for (const char* bad : {"circulars", "-", "--article"}) {
        const auto error = call(std::string("/references/126%2F2020%2FND-CP?type=") + bad, 400);
        EXPECT_STREQ(error["error"]["code"].GetString(), "bad_parameter") << bad;
        EXPECT_NE(std::string(error["error"]["message"].GetString()).find("parameter \"type\""), std::string::npos) << bad;
    }
    // /search takes the same values.
    const auto searched = call("/search?q=ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh&type=-article");
    for (const auto& hit : searched["hits"].GetArray()) EXPECT_STRNE(hit["id"].GetString(), "article");
    EXPECT_EQ(searched["total"].GetUint(), 3u);
}

// The same number held by two provinces' decisions: which one each answer means.
TEST(LocalNumbersRoutesTest, AnswersSayWhoseNumberACitationMeans) {
    testing::TempDir dir;
    Document quang_ninh = testing::make_document("qn-40", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\nQuyết định về bến thủy nội địa.");
    quang_ninh.number = "40/2026/QĐ-UBND";
    testing::build_index(dir.path() / "db",
                         {testing::make_document("dn-40", "Quyết định số 40/2026/QĐ-UBND của UBND thành phố Đà Nẵng về giá\nNội dung."),
                          quang_ninh,
                          testing::make_document("dn-55", "Quyết định số 55/2026/QĐ-UBND\nĐà Nẵng, ngày 15 tháng 6 năm 2026\n"
                                                          "Sửa đổi Quyết định số 40/2026/QĐ-UBND của UBND thành phố Đà Nẵng.")});
    Searcher searcher((dir.path() / "db").string());
    const RequestHandler handler{[&]() -> Searcher& { return searcher; }};

    const auto danang = testing::call_json(handler, "GET", "/documents/dn-40", 200);
    EXPECT_STREQ(danang["locality"].GetString(), "Đà Nẵng");
    ASSERT_EQ(danang["cited_by"]["documents"].Size(), 1u);
    EXPECT_STREQ(danang["cited_by"]["documents"][0].GetString(), "dn-55");
    const auto quangninh = testing::call_json(handler, "GET", "/documents/qn-40", 200);
    EXPECT_STREQ(quangninh["locality"].GetString(), "Quảng Ninh");
    EXPECT_EQ(quangninh["cited_by"]["total"].GetUint(), 0u);
    const auto amending = testing::call_json(handler, "GET", "/documents/dn-55", 200);
    ASSERT_EQ(amending["citations"].Size(), 1u);  // its own number 55/2026 is no citation
    EXPECT_STREQ(amending["citations"][0]["reference"].GetString(), "40/2026/QĐ-UBND");
    EXPECT_STREQ(amending["citations"][0]["locality"].GetString(), "Đà Nẵng");

    const auto report = testing::call_json(handler, "GET", "/references/40%2F2026%2FQD-UBND", 200);
    ASSERT_EQ(report["held_by"].Size(), 2u);
    EXPECT_STREQ(report["held_by"][1]["locality"].GetString(), "Quảng Ninh");
    EXPECT_EQ(report["held_by"][0]["cited_by"].GetUint(), 1u);
    EXPECT_EQ(report["held_by"][1]["cited_by"].GetUint(), 0u);
    const auto& citing = report["groups"][0]["documents"][0];
    EXPECT_STREQ(citing["id"].GetString(), "dn-55");
    EXPECT_STREQ(citing["locality"].GetString(), "Đà Nẵng");
    ASSERT_EQ(citing["holders"].Size(), 1u);
    EXPECT_STREQ(citing["holders"][0].GetString(), "dn-40");
    EXPECT_FALSE(citing["ambiguous"].GetBool());

    const auto named = testing::call_json(handler, "POST", "/check", 200, R"({"text": "Quyết định 40/2026/QĐ-UBND của Quảng Ninh"})");
    EXPECT_STREQ(named["references"][0]["locality"].GetString(), "Quảng Ninh");
    EXPECT_STREQ(named["references"][0]["document"].GetString(), "qn-40");
    EXPECT_TRUE(named["references"][0]["in_corpus"].GetBool());
    const auto unnamed = testing::call_json(handler, "POST", "/check", 200, R"({"text": "Quyết định 40/2026/QĐ-UBND"})");
    EXPECT_TRUE(unnamed["references"][0]["document"].IsNull());
    EXPECT_TRUE(unnamed["references"][0]["ambiguous"].GetBool());
    EXPECT_EQ(unnamed["references"][0]["holders"].Size(), 2u);
}

TEST_F(LinksRoutesTest, ReferenceListing) {
    const auto typed = call("GET", "/references?q=126%2Fn", 200);
    ASSERT_EQ(typed["references"].Size(), 1u);
    EXPECT_STREQ(typed["references"][0]["reference"].GetString(), "126/NQ-CP");
    EXPECT_EQ(typed["references"][0]["citing"].GetUint(), 2u);
    EXPECT_FALSE(typed["references"][0]["in_corpus"].GetBool());
    const auto most = call("GET", "/references?limit=1", 200);
    ASSERT_EQ(most["references"].Size(), 1u);
    EXPECT_STREQ(most["references"][0]["reference"].GetString(), "126/NQ-CP");
    EXPECT_TRUE(most["query"].IsNull());
}

TEST_F(LinksRoutesTest, RelatedToADocumentAndToAText) {
    const auto json = call("GET", "/documents/vi/related", 200);
    EXPECT_STREQ(json["id"].GetString(), "vi");
    ASSERT_GE(json["related"].Size(), 1u);
    const auto& hit = json["related"][0];
    EXPECT_STREQ(hit["id"].GetString(), "en");
    EXPECT_STREQ(hit["lang"].GetString(), "en");
    EXPECT_TRUE(hit["date"].IsNull());
    EXPECT_TRUE(hit["score"].IsNumber());
    ASSERT_EQ(hit["why"]["references"].Size(), 1u);
    EXPECT_STREQ(hit["why"]["references"][0]["reference"].GetString(), "126/NQ-CP");
    EXPECT_STREQ(hit["why"]["references"][0]["how"].GetString(), "both_cite");
    ASSERT_EQ(hit["why"]["names"].Size(), 1u);
    EXPECT_STREQ(hit["why"]["names"][0]["name"].GetString(), "Nguyễn Thanh Bình");
    EXPECT_STREQ(hit["why"]["names"][0]["written"].GetString(), "Nguyen Thanh Binh");
    ASSERT_EQ(hit["why"]["dates"].Size(), 1u);
    EXPECT_STREQ(hit["why"]["dates"][0]["date"].GetString(), "2023-08-14");
    const auto posted = call("POST", "/related", 200, R"({"text": "Ông Nguyễn Thanh Bình ký ngày 14/8/2023", "limit": 1})");
    ASSERT_EQ(posted["related"].Size(), 1u);
    EXPECT_FALSE(posted.HasMember("id"));
}

TEST_F(LinksRoutesTest, ErrorsNameWhatIsWrong) {
    EXPECT_NE(expect_error("GET", "/references/abc", 400, "bad_parameter").find("\"abc\""), std::string::npos);
    EXPECT_NE(expect_error("GET", "/references?q=abc", 400, "bad_parameter").find("\"q\""), std::string::npos);
    EXPECT_NE(expect_error("GET", "/references/126%2FNQ-CP?relation=quotes", 400, "bad_parameter").find("quotes"), std::string::npos);
    expect_error("GET", "/references/126%2FNQ-CP?limit=0", 400, "bad_parameter");
    expect_error("GET", "/references?limit=ten", 400, "bad_parameter");
    expect_error("POST", "/references", 405, "method_not_allowed");
    expect_error("GET", "/documents/nope/related", 404, "not_found");
    expect_error("GET", "/documents/vi/related?limit=101", 400, "bad_parameter");
    expect_error("GET", "/related", 405, "method_not_allowed");
    expect_error("POST", "/related", 400, "bad_request", "{not json");
    expect_error("POST", "/related", 400, "bad_parameter", R"({"txt": "x"})");
    expect_error("POST", "/related", 400, "bad_parameter", R"({"text": ""})");
    expect_error("POST", "/related", 400, "bad_parameter", R"({"text": "x", "limit": -1})");
    expect_error("POST", "/related", 413, "payload_too_large", R"({"text": ")" + std::string(kMaxRelatedTextBytes + 1, 'a') + "\"}");
}

}  // namespace
}  // namespace tracuu::searchd
