/** @file
 * @brief The indexer's readers and metadata: format detection, HTML, PDF, JSON, boilerplate,
 *        bylines, content hashes, bad input as values; shard routing and progress lines.
 */
#include "analyzers/unicode.hpp"
#include "test_support.hpp"

#include "core/boilerplate.hpp"
#include "core/formats.hpp"
#include "core/hash.hpp"
#include "core/html.hpp"
#include "core/legacy_word.hpp"
#include "core/index_writer.hpp"
#include "core/markdown.hpp"
#include "core/metadata.hpp"
#include "core/office.hpp"
#include "core/option_values.hpp"
#include "core/pdf.hpp"
#include "core/progress.hpp"
#include "core/query.hpp"
#include "core/schema.hpp"
#include "core/searcher.hpp"
#include "core/shards.hpp"
#include "core/sources.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace tracuu {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(TRACUU_INDEXER_DATA_DIR) + "/" + name, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A small valid PDF: one page per entry, each showing its text with Helvetica (an empty
/// entry makes a page without any content stream, as a scanned page's text layer).
std::string make_pdf(const std::vector<std::string>& pages, const std::string& title = {}) {
    std::vector<std::string> objects;  // object n is objects[n - 1]
    const std::size_t first_page = 5;
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(first_page + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    objects.push_back("<< /Title (" + title + ") /Author (Le Kong) >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::string contents = pages[i].empty() ? "" : " /Contents " + std::to_string(first_page + 2 * i + 1) + " 0 R";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>" +
                          contents + " >>");
        const std::string stream = "BT /F1 18 Tf 72 700 Td (" + pages[i] + ") Tj ET";
        objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
    }
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t n = 0; n < objects.size(); ++n) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(n + 1) + " 0 obj\n" + objects[n] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 4 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

/// A ZIP archive of @p entries (name, content), in this order, the first stored uncompressed
/// as OpenDocument's "mimetype" must be; the others deflated, as office programs write them.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_source_keep(buffer);
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const auto& [name, content] = entries[k];
        zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
        const zip_int64_t index = zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), k == 0 ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    }
    zip_close(archive);  // writes the archive into the buffer source
    zip_source_open(buffer);
    zip_source_seek(buffer, 0, SEEK_END);
    std::string bytes(static_cast<std::size_t>(zip_source_tell(buffer)), '\0');
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

const std::string kWordNamespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

/// A Word document: the body's XML (inside w:body), with core properties when given.
std::string make_docx(const std::string& body, const std::string& title = {}, const std::string& creator = {},
                      const std::string& last_modified_by = {}) {
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
        {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + kWordNamespaces + "><w:body>" + body +
                                  "</w:body></w:document>"},
        {"word/header1.xml", "<w:hdr " + kWordNamespaces + "><w:p><w:r><w:t>Đầu trang lặp lại</w:t></w:r></w:p></w:hdr>"}};
    if (!title.empty() || !creator.empty())
        parts.emplace_back("docProps/core.xml",
                           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + title + "</dc:title><dc:creator>" +
                               creator + "</dc:creator><cp:lastModifiedBy>" + last_modified_by +
                               "</cp:lastModifiedBy></cp:coreProperties>");
    return make_zip(parts);
}

/// An OpenDocument text: the XML inside office:text, a title and initial creator, and the
/// last editor (dc:creator in ODF) when given.
std::string make_odt(const std::string& text, const std::string& title, const std::string& creator,
                     const std::string& last_editor = {}) {
    const std::string office = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";
    return make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                     {"content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + office +
                                         "><office:body><office:text>" + text +
                                         "</office:text></office:body></office:document-content>"},
                     {"meta.xml", "<office:document-meta " + office +
                                      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                                      "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta><dc:title>" +
                                      title + "</dc:title>" +
                                      (creator.empty() ? "" : "<meta:initial-creator>" + creator + "</meta:initial-creator>") +
                                      (last_editor.empty() ? "" : "<dc:creator>" + last_editor + "</dc:creator>") +
                                      "</office:meta></office:document-meta>"}});
}

struct Read {
    std::vector<Document> documents;
    std::vector<InputProblem> problems;

    [[nodiscard]] bool has_problem(const std::string& needle) const {
        return std::any_of(problems.begin(), problems.end(),
                           [&](const InputProblem& p) { return p.to_string().find(needle) != std::string::npos; });
    }
    [[nodiscard]] const Document* find(const std::string& id) const {
        for (const Document& doc : documents)
            if (doc.id == id) return &doc;
        return nullptr;
    }
};

Read read_all(const std::vector<std::string>& arguments, const ReadOptions& options = {}) {
    Read read;
    for (const InputFile& file : collect_inputs(arguments, read.problems))
        read_input_file(file, [&](Document&& d) { read.documents.push_back(std::move(d)); },
                        [&](InputProblem&& p) { read.problems.push_back(std::move(p)); }, options);
    return read;
}

TEST(Formats, DetectedByContentWhereTheExtensionLiesOrIsMissing) {
    EXPECT_EQ(detect_format("report.txt", "%PDF-1.7\n..."), Format::pdf);
    EXPECT_EQ(detect_format("page.txt", "  <!DOCTYPE html><html><body>x</body></html>"), Format::html);
    EXPECT_EQ(detect_format("export", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n"), Format::jsonl);
    EXPECT_EQ(detect_format("export", "Just some words"), Format::text);
    EXPECT_EQ(detect_format("notes.md", "# Title\n<!-- html comment -->"), Format::markdown);
    EXPECT_EQ(detect_format("one.jsonl", "{\"id\":\"a\",\"text\":\"x\"}"), Format::jsonl);
    EXPECT_EQ(detect_format("data.json", "[{\"id\":\"a\"}]"), Format::json);
    EXPECT_EQ(detect_format("scan.dat", "junk%PDF-1.4"), Format::pdf);
    EXPECT_EQ(detect_format("photo.png", "\x89PNG\r\n"), std::nullopt);
    EXPECT_EQ(detect_format("braces.txt", "{not json, a text that opens with a brace}"), Format::text);
}

TEST(Html, TitleTextAndMetadataWithoutScriptsStylesOrNavigation) {
    const HtmlContent html = extract_html(read_fixture("article.html"));
    EXPECT_EQ(html.title, "Thừa Thiên-Huế ngăn chặn “lợi ích nhóm”");
    EXPECT_EQ(html.lang, "vi");
    EXPECT_EQ(html.author, "Lê Kông");
    EXPECT_EQ(html.date, "2023-09-22");
    EXPECT_EQ(html.url, "https://example.vn/ngan-chan-loi-ich-nhom");
    EXPECT_NE(html.text.find("Thực hiện Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ, tỉnh triển khai nhiều giải pháp."),
              std::string::npos)
        << html.text;
    EXPECT_NE(html.text.find("Ô một Ô hai"), std::string::npos) << html.text;
    EXPECT_EQ(html.text.rfind("Thừa Thiên-Huế", 0), 0u) << html.text;  // the h1 opens the text
    for (const std::string absent : {"tracking", "quảng cáo", "font-family", "Trang chủ", "Thời sự", "Chuyên mục khác",
                                     "Bài viết liên quan", "Liên hệ"})
        EXPECT_EQ(html.text.find(absent), std::string::npos) << absent << " in\n" << html.text;
}

TEST(Html, BrokenMarkupStillGivesTextAndTheTitleElementWithoutH1) {
    const HtmlContent html = extract_html("<title> Công   văn </title><p>Đoạn một<p>Đoạn <b>hai<div>Ba</span>");
    EXPECT_EQ(html.title, "Công văn");
    EXPECT_EQ(html.text, "Đoạn một\nĐoạn hai\nBa");
}

TEST(Html, TheArticlesH1NotTheSitesLogo) {
    // The logo's <h1> is the site's name, which <title> shows beside the article's title.
    const HtmlContent logo = extract_html(
        "<title>Giá vàng hôm nay tăng mạnh - Báo Lao Động</title><div class=\"header\"><h1 class=\"logo\"><a href=\"/\">Báo Lao "
        "Động</a></h1></div><h2>Giá vàng hôm nay tăng mạnh</h2><p>Giá vàng sáng nay tăng.</p>");
    EXPECT_EQ(logo.title, "Giá vàng hôm nay tăng mạnh");
    const HtmlContent article = extract_html("<title>Tin</title><h1>Báo Lao Động</h1><article><h1>Giá vàng tăng</h1><p>Nội dung.</p></article>");
    EXPECT_EQ(article.title, "Giá vàng tăng");
    // Without an <h1>, the site's name the page declares is left out of <title>.
    const HtmlContent declared = extract_html(
        "<title>Nghị định 45/2024/NĐ-CP - Thư viện pháp luật</title><meta property=\"og:site_name\" content=\"Thư viện pháp luật\">"
        "<p>CHÍNH PHỦ</p>");
    EXPECT_EQ(declared.title, "Nghị định 45/2024/NĐ-CP");
    // The headline as <h1>, beside the site's name in <title>, with no <article> or <main>
    // around it: the headline, the site's name declared or not, on either side (QA).
    for (const std::string title : {"Hà Nội phân luồng đường Nguyễn Trãi | Báo Hà Nội", "Báo Hà Nội - Hà Nội phân luồng đường Nguyễn Trãi"})
        for (const std::string declared_name : {"", "<meta property=\"og:site_name\" content=\"Báo Hà Nội\">"}) {
            const HtmlContent headline = extract_html("<title>" + title + "</title>" + declared_name +
                                                      "<div class=\"nav\">Tin tức</div><h1>Hà Nội phân luồng đường Nguyễn Trãi</h1><p>Nội dung.</p>");
            EXPECT_EQ(headline.title, "Hà Nội phân luồng đường Nguyễn Trãi") << title << declared_name;
        }
    // A logo <h1> the page declares as its name, even where <title> holds more.
    const HtmlContent declared_logo = extract_html(
        "<title>Tin | Báo Lao Động</title><meta property=\"og:site_name\" content=\"Báo Lao Động\"><h1>Báo Lao Động</h1><p>Nội dung.</p>");
    EXPECT_EQ(declared_logo.title, "Tin");
    const HtmlContent undeclared = extract_html("<title>Nghị định 45/2024/NĐ-CP - Quy định xử phạt</title><p>Nội dung.</p>");
    EXPECT_EQ(undeclared.title, "Nghị định 45/2024/NĐ-CP - Quy định xử phạt");  // no name declared: all of it
}

TEST(Html, HiddenElementsAndRelativeAddressesAreLeftOut) {
    const HtmlContent html = extract_html(
        "<head><link rel=\"canonical\" href=\"/tin/gia-vang.html\"></head><h1>Giá vàng</h1><p>Giá vàng tăng.</p>"
        "<div hidden>Đăng nhập</div><div style=\"display: none\">Menu ẩn</div><span aria-hidden=\"true\">Biểu tượng</span>"
        "<div style=\"color: red\">Chữ đỏ</div>");
    EXPECT_EQ(html.text, "Giá vàng\nGiá vàng tăng.\nChữ đỏ");
    EXPECT_EQ(html.url, "");  // a path names no page without the site it was saved from
    EXPECT_EQ(extract_html("<head><link rel=\"canonical\" href=\"HTTPS://example.vn/a\"></head><p>x</p>").url, "HTTPS://example.vn/a");
}

TEST(Html, BreadcrumbsAreNavigationWhateverHoldsThem) {
    for (const std::string trail :
         {"<div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> › <a href=\"/kinh-te\">Kinh tế</a></div>",
          "<ul id=\"Breadcrumbs\"><li>Trang chủ</li><li>Kinh tế</li></ul>",
          "<div aria-label=\"breadcrumb\">Trang chủ / Kinh tế</div>",
          "<ol itemscope itemtype=\"https://schema.org/BreadcrumbList\"><li>Trang chủ</li><li>Kinh tế</li></ol>"}) {
        EXPECT_EQ(extract_html(trail + "<main><h1>Giá xăng giảm</h1><p>Giá xăng giảm từ chiều nay.</p></main>").text,
                  "Giá xăng giảm\nGiá xăng giảm từ chiều nay.")
            << trail;
        EXPECT_EQ(extract_html(trail + "<h1>Giá xăng giảm</h1><p>Giá xăng giảm từ chiều nay.</p>").text,
                  "Giá xăng giảm\nGiá xăng giảm từ chiều nay.")
            << trail;
    }
}

TEST(Html, AnArticlesPageKeepsItsHeadingAboveTheArticleAndNotWhatFollowsIt) {
    // The title, dateline and lead above <article>, as many news sites lay them out, are the
    // document's; what follows the article outside it is the site's.
    const HtmlContent html = extract_html(
        "<div class=\"breadcrumb\"><a>Trang chủ</a> › <a>Kinh "
        "tế</a></div><div class=\"header-content\"><span class=\"date\">22/09/2023 20:01</span><h1>Giá xăng giảm</h1><p "
        "class=\"sapo\">Giá xăng giảm lần thứ ba liên tiếp.</p></div><article><p>Liên Bộ Công Thương - Tài chính điều chỉnh giá "
        "xăng dầu từ 15h chiều nay, giá xăng E5 RON92 giảm 300 đồng mỗi lít.</p><p>Lê Kông</p></article><div "
        "class=\"related\">Tin liên quan: Kinh tế tuần qua</div><div class=\"site-footer\">Liên hệ</div>");
    EXPECT_EQ(html.title, "Giá xăng giảm");
    EXPECT_EQ(html.text,
              "22/09/2023 20:01\nGiá xăng giảm\nGiá xăng giảm lần thứ ba liên tiếp.\nLiên Bộ Công Thương - Tài "
              "chính điều chỉnh giá xăng dầu từ 15h chiều nay, giá xăng E5 RON92 giảm 300 đồng mỗi lít.\nLê Kông");
    EXPECT_EQ(find_publication_date(html.text), "2023-09-22");
    EXPECT_EQ(find_author(html.text, find_boilerplate(html.text)), "Lê Kông");
    // Without <article> or <main> nothing says where the document ends: all of it is kept.
    EXPECT_EQ(extract_html("<h1>Giá xăng giảm</h1><p>Giá xăng giảm.</p><div class=\"related\">Tin liên quan</div>").text,
              "Giá xăng giảm\nGiá xăng giảm.\nTin liên quan");
    // A short <article> before the page's text is a card beside it, not the document.
    EXPECT_EQ(extract_html("<article><p>Tin nóng</p></article><div><p>Giá xăng giảm lần thứ ba liên tiếp.</p></div>").text,
              "Tin nóng\nGiá xăng giảm lần thứ ba liên tiếp.");
}

TEST(Pdf, TextLayerPageByPage) {
    const PdfContent pdf = extract_pdf(make_pdf({"Resolution 126/NQ-CP on law enforcement", "Second page text"}, "Resolution 126"));
    ASSERT_EQ(pdf.problem, "");
    EXPECT_EQ(pdf.pages, 2);
    EXPECT_EQ(pdf.title, "Resolution 126");
    EXPECT_EQ(pdf.author, "Le Kong");
    const std::size_t first = pdf.text.find("Resolution 126/NQ-CP on law enforcement");
    const std::size_t second = pdf.text.find("Second page text");
    ASSERT_NE(first, std::string::npos) << pdf.text;
    ASSERT_NE(second, std::string::npos) << pdf.text;
    EXPECT_LT(first, second);
}

TEST(Pdf, AScannedPdfWithoutTextLayerAndACorruptOneAreProblems) {
    EXPECT_NE(extract_pdf(make_pdf({"", ""})).problem.find("no text layer (2 pages, probably scanned)"), std::string::npos);
    EXPECT_NE(extract_pdf("%PDF-1.4\n1 0 obj << /Type /Catalog garbage").problem.find("cannot be parsed"), std::string::npos);
}

void expect_extracted(const OfficeContent& content, const std::string& text, const std::string& title,
                      const std::string& author) {
    EXPECT_EQ(content.problem, "");
    EXPECT_EQ(content.text, text);
    EXPECT_EQ(content.title, title);
    EXPECT_EQ(content.author, author);
}

TEST(Office, WordBodyTextWithRunsTabsBreaksAndTablesButNotDeletedTextHeadersOrFallbacks) {
    const OfficeContent word = extract_office(
        make_docx("<w:p><w:r><w:t xml:space=\"preserve\">Về việc triển khai </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                  "<w:t>Nghị quyết số 126/NQ-CP</w:t></w:r><w:del><w:r><w:delText>bị xóa</w:delText></w:r></w:del>"
                  "<w:moveFrom><w:r><w:t>đã chuyển đi</w:t></w:r></w:moveFrom></w:p>"
                  "<w:p><w:r><w:t>Căn cứ</w:t><w:tab/><w:t>Luật</w:t><w:br/><w:t>dòng sau</w:t></w:r></w:p>"
                  "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ô một</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ô hai</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
                  "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t>Hộp chữ</w:t></mc:Choice>"
                  "<mc:Fallback><w:t>Hộp chữ</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>",
                  "Chỉ thị về Nghị quyết 126", "UBND tỉnh"),
        OfficeKind::docx);
    expect_extracted(word, "Về việc triển khai Nghị quyết số 126/NQ-CP\nCăn cứ\tLuật\ndòng sau\nÔ một\nÔ hai\nHộp chữ\n",
                     "Chỉ thị về Nghị quyết 126", "UBND tỉnh");
}

TEST(Office, OpenDocumentTextWithSpacesButNotNotes) {
    const OfficeContent odt = extract_office(
        make_odt("<text:h>Quyết định</text:h><text:p>Điều<text:s text:c=\"3\"/>1.<text:tab/>Phạm vi"
                 "<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Chú thích</text:p>"
                 "</text:note-body></text:note><text:line-break/>áp dụng</text:p><text:list><text:list-item><text:p>Mục "
                 "<text:span>một</text:span></text:p></text:list-item></text:list>",
                 "Quyết định 1880/QĐ-TTg", "Văn phòng Chính phủ"),
        OfficeKind::odt);
    expect_extracted(odt, "Quyết định\nĐiều   1.\tPhạm vi\náp dụng\nMục một\n", "Quyết định 1880/QĐ-TTg",
                     "Văn phòng Chính phủ");
}

TEST(Office, TheAuthorIsWhoCreatedTheDocumentNotWhoLastEditedIt) {
    const std::string body = "<text:p>Văn bản</text:p>";
    // ODF: meta:initial-creator is the author, dc:creator the last editor (the only name some programs write).
    EXPECT_EQ(extract_office(make_odt(body, "t", "Lê Kông", "Thư ký"), OfficeKind::odt).author, "Lê Kông");
    EXPECT_EQ(extract_office(make_odt(body, "t", "", "Thư ký"), OfficeKind::odt).author, "Thư ký");
    EXPECT_EQ(extract_office(make_odt(body, "t", "Lê Kông"), OfficeKind::odt).author, "Lê Kông");
    // Office Open XML: dc:creator is the author, cp:lastModifiedBy the last editor.
    const std::string word = make_docx("<w:p><w:r><w:t>Văn bản</w:t></w:r></w:p>", "t", "Lê Kông", "Thư ký");
    EXPECT_EQ(extract_office(word, OfficeKind::docx).author, "Lê Kông");
}

TEST(Office, DetectedByContentWhereTheExtensionLiesOrIsMissing) {
    const std::string word = make_docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
    const std::string odt = make_odt("<text:p>x</text:p>", "t", "c");
    EXPECT_EQ(detect_format("chi-thi", word), Format::docx);
    EXPECT_EQ(detect_format("chi-thi.txt", word), Format::docx);
    EXPECT_EQ(detect_format("quyet-dinh.docx", odt), Format::odt);
    const std::string other = make_zip({{"readme.txt", "not an office file"}});
    EXPECT_EQ(detect_format("archive.zip", other), std::nullopt);
    EXPECT_EQ(detect_format("fake.docx", other), Format::docx);  // the extension; the reader then says why not
}

TEST(Office, BrokenArchivesMissingPartsAndMalformedXmlAreProblems) {
    const std::string word = make_docx("<w:p><w:r><w:t>Văn bản</w:t></w:r></w:p>");
    EXPECT_NE(extract_office(word.substr(0, word.size() / 2), OfficeKind::docx).problem.find("cannot read as a ZIP archive"),
              std::string::npos);
    EXPECT_EQ(extract_office(make_zip({{"readme.txt", "x"}}), OfficeKind::docx).problem,
              "no word/document.xml (not a Word document)");
    EXPECT_NE(extract_office(make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}}), OfficeKind::docx)
                  .problem.find("word/document.xml: malformed XML ("),
              std::string::npos);
    // A small archive whose body would inflate past 256 MiB (a "zip bomb") is refused unread.
    const std::string bomb = make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", std::string(257u << 20, ' ')}});
    EXPECT_LT(bomb.size(), 1u << 20);
    EXPECT_EQ(extract_office(bomb, OfficeKind::docx).problem,
              "word/document.xml inflates to 257 MiB, over the 256 MiB a part may have");
    // Broken properties cost the title, not the text.
    const OfficeContent without_properties = extract_office(
        make_zip({{"word/document.xml", "<w:document " + kWordNamespaces + "><w:body><w:p><w:r><w:t>Văn bản</w:t></w:r></w:p></w:body></w:document>"},
                  {"docProps/core.xml", "<cp:coreProperties"}}),
        OfficeKind::docx);
    EXPECT_EQ(without_properties.problem, "");
    EXPECT_EQ(without_properties.text, "Văn bản\n");
    EXPECT_EQ(without_properties.title, "");
}

TEST(Office, ReadAsDocumentsWithTitleAndAuthorAndBadOnesReported) {
    TempDir dir;
    dir.write("in/chi-thi.docx", make_docx("<w:p><w:r><w:t>CHỈ THỊ</w:t></w:r></w:p><w:p><w:r><w:t>Thực hiện Nghị quyết số "
                                           "126/NQ-CP ngày 14/8/2023.</w:t></w:r></w:p>",
                                           "Chỉ thị số 05/CT-UBND", "Lê Kông"));
    dir.write("in/untitled.odt", make_odt("<text:p>Kế hoạch</text:p><text:p>Nội dung.</text:p>", "", ""));
    dir.write("in/empty.docx", make_docx("<w:p/>"));
    dir.write("in/truncated.docx", make_docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>").substr(0, 100));
    const Read read = read_all({(dir.path() / "in").string()});
    const Document* word = read.find("chi-thi");
    ASSERT_NE(word, nullptr);
    EXPECT_EQ(word->title, "Chỉ thị số 05/CT-UBND");
    EXPECT_EQ(word->author, "Lê Kông");
    EXPECT_EQ(word->text, "CHỈ THỊ\nThực hiện Nghị quyết số 126/NQ-CP ngày 14/8/2023.\n");
    const Document* odt = read.find("untitled");
    ASSERT_NE(odt, nullptr);
    EXPECT_EQ(odt->title, "Kế hoạch");  // no title property: the first line
    EXPECT_EQ(read.documents.size(), 2u);
    EXPECT_TRUE(read.has_problem("empty.docx: Word document without text"));
    EXPECT_TRUE(read.has_problem("truncated.docx: cannot read as a ZIP archive"));
}

// Offices typed Vietnamese in the 8-bit fonts TCVN3 (".VnTime") and VNI before Unicode; their
// files reach the reader as Latin-1 letters, in any format, and are read as what they show.
TEST(Sources, TextInTheLegacyVietnameseFontsIsReadAsUnicode) {
    TempDir dir;
    dir.write("in/cong-van.docx", make_docx("<w:p><w:r><w:t>CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM</w:t></w:r></w:p>"
                                            "<w:p><w:r><w:t>Thùc hiÖn NghÞ quyÕt sè 126/NQ-CP cña ChÝnh phñ vÒ ®Êt ®ai.</w:t></w:r></w:p>",
                                            "C«ng v¨n", "Lª K«ng"));
    dir.write("in/trang.html", "<html><head><title>Nghò quyeát</title></head><body>"
                               "<p>Thöïc hieän Nghò quyeát soá 126/NQ-CP cuûa Chính phuû.</p></body></html>");
    dir.write("in/unicode.txt", "Café Noël ở Zürich\nNhiệt độ 30°C, «Hà Nội»\n");
    const Read read = read_all({(dir.path() / "in").string()});
    ASSERT_EQ(read.documents.size(), 3u);
    const Document* word = read.find("cong-van");
    ASSERT_NE(word, nullptr);
    EXPECT_EQ(word->text, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nThực hiện Nghị quyết số 126/NQ-CP của Chính phủ về đất đai.\n");
    EXPECT_EQ(word->title, "Công văn");  // one word gained: enough, the text being TCVN3
    EXPECT_EQ(word->author, "Lê Kông");
    const Document* page = read.find("trang");
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->text, "Thực hiện Nghị quyết số 126/NQ-CP của Chính phủ.");
    EXPECT_EQ(page->title, "Nghị quyết");
    EXPECT_EQ(read.find("unicode")->text, "Café Noël ở Zürich\nNhiệt độ 30°C, «Hà Nội»\n");
}

/// The start of an OLE2 compound file (legacy Office) whose directory names @p stream (UTF-16LE).
std::string make_compound_file(const std::string& stream) {
    std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    bytes.resize(512, '\0');  // the rest of the header
    for (const char c : "Root Entry" + std::string(1, '\0') + stream) {
        bytes += c;
        bytes += '\0';
    }
    bytes.resize(1024, '\0');
    return bytes;
}

// Legacy Word files, made with LibreOffice: one in Unicode, one typed in TCVN3 (.VnTime), whose
// ư is the soft hyphen U+00AD (tests/data/indexer/legacy-word). Read by catdoc whatever their
// name, each in a process of its own: a broken one is reported, as are the other legacy
// Office files.
TEST(Office, LegacyWordFilesAreReadWhateverTheirExtensionAndOtherLegacyFilesAreReported) {
    TempDir dir;
    const fs::path fixtures = fs::path(TRACUU_INDEXER_DATA_DIR) / "legacy-word";
    fs::create_directories(dir.path() / "in");
    fs::copy_file(fixtures / "chi-thi.doc", dir.path() / "in/chi-thi.doc");
    fs::copy_file(fixtures / "chi-thi.doc", dir.path() / "in/saved-as.docx");
    fs::copy_file(fixtures / "vntime.doc", dir.path() / "in/vntime");
    dir.write("in/broken.doc", make_compound_file("WordDocument"));
    dir.write("in/sheet.xls", make_compound_file("Workbook"));
    dir.write("in/locked.docx", make_compound_file("EncryptedPackage"));  // a .docx saved with a password
    const Read read = read_all({(dir.path() / "in").string()});
    ASSERT_EQ(read.documents.size(), 3u);
    for (const std::string id : {"chi-thi", "saved-as"}) {
        const Document* word = read.find(id);
        ASSERT_NE(word, nullptr) << id;
        EXPECT_EQ(word->title, "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ");
        EXPECT_NE(word->text.find("\nVề việc triển khai thực hiện Nghị quyết số 126/NQ-CP ngày 14/8/2023 của Chính phủ\n"),
                  std::string::npos)
            << word->text;
    }
    const Document* vntime = read.find("vntime");
    ASSERT_NE(vntime, nullptr);
    EXPECT_EQ(vntime->title, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    EXPECT_NE(vntime->text.find("Điều 2. Sở Tài nguyên và Môi trường chịu trách nhiệm hướng dẫn người dân, kiểm tra việc thực hiện."),
              std::string::npos)
        << vntime->text;
    EXPECT_TRUE(read.has_problem("broken.doc: legacy Word (.doc) file that catdoc cannot read: ")) << read.problems.front().to_string();
    EXPECT_TRUE(read.has_problem("sheet.xls: legacy Office binary file (OLE2: .xls, .ppt), not read"));
    EXPECT_TRUE(read.has_problem("locked.docx: encrypted (password-protected) Office document, not read"));
    EXPECT_EQ(read.problems.size(), 3u);
}

// catdoc runs as a program of its own: one missing, looping or crashing is a problem reported
// for that file (here a stand-in "catdoc" first on the PATH), and the reader goes on.
TEST(Office, CatdocMissingLoopingOrCrashingIsReportedForTheFile) {
    TempDir dir;
    const fs::path doc = fs::path(TRACUU_INDEXER_DATA_DIR) / "legacy-word" / "chi-thi.doc";
    const std::string path = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
    const auto with_catdoc = [&](const std::string& script, std::chrono::milliseconds timeout) {
        fs::create_directories(dir.path() / "bin");
        if (!script.empty()) {
            dir.write("bin/catdoc", "#!/bin/sh\n" + script + "\n");
            fs::permissions(dir.path() / "bin/catdoc", fs::perms::owner_all);
        }
        ::setenv("PATH", (dir.path() / "bin").c_str(), 1);
        const LegacyWordContent content = extract_legacy_word(doc, 1 << 20, timeout);
        ::setenv("PATH", path.c_str(), 1);
        fs::remove_all(dir.path() / "bin");
        return content.problem;
    };
    EXPECT_EQ(with_catdoc("", std::chrono::seconds(5)),
              "legacy Word (.doc) file not read: catdoc is not installed (Debian's package catdoc; scripts/setup.sh installs it), "
              "or save it as .docx");
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(with_catdoc("exec /bin/sleep 30", std::chrono::milliseconds(300)), "legacy Word (.doc) file not read: catdoc took over 0.3 s on it");
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
    EXPECT_EQ(with_catdoc("kill -SEGV $$", std::chrono::seconds(5)), "legacy Word (.doc) file not read: catdoc stopped on it (signal 11)");
    EXPECT_EQ(with_catdoc("echo 'Broken OLE file. Try using -b switch' >&2; exit 1", std::chrono::seconds(5)),
              "legacy Word (.doc) file that catdoc cannot read: Broken OLE file. Try using -b switch");
    EXPECT_EQ(extract_legacy_word(doc, 1 << 20).problem, "");  // the real one, back on the PATH
}

TEST(Boilerplate, PressLinesAreFoundAndBodyLinesAreNot) {
    const std::string text =
        "Tiêu đề\nẢnh minh họa\nLiên hệ tác giả qua toasoan@example.vn nếu cần.\nĐoạn một.\nĐoạn hai.\nĐoạn ba.\n"
        "Đoạn bốn.\nĐoạn năm.\nĐoạn sáu.\nIllustration photo: the provincial committee\nLê Kông\nSource\nComment (0)\n"
        "Bạn đang đọc bài viết. Mọi bài vở xin gọi hotline: 0903781209, hoặc email: toasoan@example.vn.";
    std::vector<std::string> found;
    for (const TextRange& r : find_boilerplate(text)) found.push_back(text.substr(r.begin, r.end - r.begin));
    EXPECT_EQ(found, (std::vector<std::string>{
                         "Ảnh minh họa", "Illustration photo: the provincial committee", "Source", "Comment (0)",
                         "Bạn đang đọc bài viết. Mọi bài vở xin gọi hotline: 0903781209, hoặc email: toasoan@example.vn."}));
}

TEST(Boilerplate, HeadlinesAndParagraphsAboutAHotlineAreContent) {
    const auto found = [](const std::string& text) {
        std::vector<std::string> lines;
        for (const TextRange& r : find_boilerplate(text)) lines.push_back(text.substr(r.begin, r.end - r.begin));
        return lines;
    };
    // "Anh:" (Britain) heads news; "Ảnh:" credits a photo. Folded, both are "anh:".
    EXPECT_EQ(found("Anh: Xe tải lao vào người đi bộ tại London\nẢnh: TTXVN\nNội dung."),
              (std::vector<std::string>{"Ảnh: TTXVN"}));
    // News about a hotline, at the end of an article, is content; a footer gives the number.
    EXPECT_EQ(found("Hà Nội công bố đường dây nóng hỗ trợ tuyển sinh đầu cấp\nSở đã công bố số điện thoại đường dây nóng."),
              std::vector<std::string>{});
    EXPECT_EQ(found("Tiêu đề\nNội dung.\nĐường dây nóng: 0912.345.678"), (std::vector<std::string>{"Đường dây nóng: 0912.345.678"}));
    EXPECT_EQ(found("Tiêu đề\nNội dung.\nHotline (0241).3837223, Hotline +84 912 345 678"),
              (std::vector<std::string>{"Hotline (0241).3837223, Hotline +84 912 345 678"}));
    EXPECT_EQ(found("Tiêu đề\nSở công bố đường dây nóng cho các lớp 1, lớp 6 năm học 2017 - 2018."), std::vector<std::string>{});
    // The first line is the headline: a photo story's too.
    EXPECT_EQ(found("Ảnh: Real vô địch lần thứ 12\nNội dung.\nẢnh: TTXVN"), (std::vector<std::string>{"Ảnh: TTXVN"}));
    // An article that is one long line, whatever it mentions.
    std::string one_line = "Ban tổ chức thành lập đường dây nóng với số máy (0241).3837223 để tiếp nhận phản ánh.";
    while (one_line.size() < 1000) one_line += " Lễ hội diễn ra trong hai ngày, với nhiều hoạt động văn hóa.";
    EXPECT_EQ(found(one_line + " Góp ý xin gửi về toasoan@example.vn."), std::vector<std::string>{});
}

TEST(Boilerplate, ShareBarsAndReadingFootersButNotSentencesAboutSharing) {
    const auto found = [](const std::string& text) {
        std::vector<std::string> lines;
        for (const TextRange& r : find_boilerplate(text)) lines.push_back(text.substr(r.begin, r.end - r.begin));
        return lines;
    };
    // 334 bytes: longer than a hotline footer may be, but it says what it is.
    const std::string reading_footer =
        "Bạn đang đọc bài viết \"Thừa Thiên-Huế ngăn chặn “lợi ích nhóm” trong tổ chức thi hành pháp luật\" tại chuyên mục "
        "CHUYỂN ĐỘNG 24H. Mọi bài vở cộng tác xin gọi hotline: 0903781209, hoặc gửi về địa chỉ email: "
        "chuyendongthitruong.vn@gmail.com - phutrachnoidung@gmail.com.";
    EXPECT_EQ(found("Tiêu đề\nChia sẻ Facebook\nLike 12 | Share | Tweet\nChia sẻ với phóng viên, ông Bình cho biết sẽ kiểm tra.\n"
                    "Facebook vừa thông báo bộ lọc tin giả.\nFacebook\nAnh Tú chia sẻ.\nIn bài viết · Gửi email\nBình luận\n"
                    "Share on Facebook\nNội dung cuối.\n" + reading_footer),
              (std::vector<std::string>{"Chia sẻ Facebook", "Like 12 | Share | Tweet", "Facebook", "In bài viết · Gửi email",
                                        "Share on Facebook", reading_footer}));
}

TEST(Boilerplate, KeptInTheStoredTextOutOfTheTermsWithItsRangesStored) {
    TempDir dir;
    Document doc = testing::make_document(
        "a", "Tiêu đề\nNội dung chính về thuế.\nBình luận (3)\nChia sẻ Facebook\nMọi bài vở xin gọi hotline: 0903781209, email: toasoan@example.vn");
    testing::build_index(dir.path() / "db", {doc});
    const Xapian::Database db((dir.path() / "db").string());
    EXPECT_EQ(db.get_termfreq("thue"), 1u);
    EXPECT_EQ(db.get_termfreq("hotline"), 0u);
    EXPECT_EQ(db.get_termfreq("binh"), 0u);
    EXPECT_EQ(db.get_termfreq("facebook"), 0u);
    const Document stored = from_stored_json(db.get_document(1).get_data());
    EXPECT_NE(stored.text.find("hotline: 0903781209"), std::string::npos);
    ASSERT_EQ(stored.boilerplate.size(), 3u);
    EXPECT_EQ(stored.text.substr(stored.boilerplate[0].begin, stored.boilerplate[0].end - stored.boilerplate[0].begin),
              "Bình luận (3)");
}

TEST(Metadata, DatesAreCheckedAgainstTheCalendarLeapYearsIncluded) {
    // Written as: the date it is, or "" for none (what a JSON "date", a dateline and searchd's from/to get).
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"2017-02-28", "2017-02-28"}, {"2017-02-29", ""},          {"29/02/2017", ""},         {"2017-02-30", ""},
        {"2016-02-29", "2016-02-29"}, {"29/02/2016", "2016-02-29"}, {"2000-02-29", "2000-02-29"}, {"1900-02-29", ""},
        {"2100-02-29", ""},           {"2024-04-31", ""},          {"2024-12-31", "2024-12-31"}, {"February 29, 2023", ""},
        {"ngày 29 tháng 2 năm 2023", ""}, {"ngày 29 tháng 2 năm 2024", "2024-02-29"},
        // Day first; month first only where nothing else reads (the US "5/28/2014").
        {"5/6/2014", "2014-06-05"},   {"5/28/2014", "2014-05-28"}, {"05-28-2014", "2014-05-28"}, {"2/30/2014", ""},
        {"13/13/2014", ""},           {"2/29/2024", "2024-02-29"}};
    for (const auto& [written, date] : cases) {
        std::size_t length = 0;
        EXPECT_EQ(parse_date_at(written, length), date) << written;
    }
    EXPECT_EQ(date_slot_value("2017-02-29"), "");
    EXPECT_EQ(date_slot_value("2016-02-29"), "20160229");
}

TEST(Metadata, AuthorFromASignatureOrByline) {
    auto author = [](const std::string& text) { return find_author(text, find_boilerplate(text)); };
    EXPECT_EQ(author("Tiêu đề\nNội dung.\n\nLê Kông\n\nBạn đang đọc bài viết, gọi hotline: 0903781209"), "Lê Kông");
    EXPECT_EQ(author("Title\nBody text here.\nLe Kong\nSource\nComment (0)"), "Le Kong");
    EXPECT_EQ(author("Title\nBody.\nTran Thanh\nSource\nComment (0)"), "Tran Thanh");
    EXPECT_EQ(author("A headline\nBy Jane Doe, Reuters\nBody."), "Jane Doe");
    EXPECT_EQ(author("Tiêu đề\nNội dung kết thúc bằng một câu."), "");
    EXPECT_EQ(author("Title\nThe Committee met on Monday."), "");
}

TEST(Metadata, AClosingLineIsABylineOnlyWhenItNamesNoMoreThanItsSource) {
    // The article's last line -> the author it gives ("" for none).
    const std::vector<std::pair<std::string, std::string>> rows = {
        // Bylines of Vietnamese news: a source, perhaps after the writer's name.
        {"Theo Công an nhân dân", "Công an nhân dân"},
        {"(Theo VnExpress)", "VnExpress"},
        {"Theo TTXVN/Vietnam+", "TTXVN/Vietnam+"},
        {"Theo Cục Viễn thông (Bộ TT&TT)", "Cục Viễn thông"},
        {"Nguyễn Văn A (Theo Dân trí)", "Nguyễn Văn A"},
        {"Quang Toàn (TTXVN)", "Quang Toàn"},
        // "Theo X, …" attributes the sentence that follows: X is a source inside the story.
        {"Theo Bộ Công Thương, nhóm dự án phân bón hiện đã sản xuất trở lại.", ""},
        {"Theo Thiếu tá Nguyễn Tiến Đạt, hiện tượng này do mưa lớn kéo dài.", ""},
        {"Theo Thứ trưởng Nguyễn Thanh Tịnh, việc tổ chức thi hành pháp luật phải công khai, minh bạch.", ""},
        {"Theo Reuters, Mỹ đồng ý.", ""},
        {"Theo Reuters, AFP", "Reuters"},  // sources, not a sentence
        {"Theo Dân trí, VnExpress", "Dân trí"},
        {"Theo đó, tỉnh sẽ triển khai.", ""},
        // How Indian judgments end: an order, a place, a note, a law report editor's initials.
        {"Appeal Allowed.", ""},
        {"New Delhi.", ""},
        {"END OF VOL. V.", ""},
        {"P. B. R.", ""},
        {"Sukumar Ghose.", ""},
        {"Appeals Dismissed", ""},  // an order, capitalized as a name, without a full stop
        {"Civil Appeal Allowed", ""},
        {"Petition Disposed Of", ""},
        {"By Court. In accordance with the opinion, of the majority, the appeal is dismissed with costs.", ""},
        {"J. Smith", "J. Smith"},
        {"By Jane Doe, Associated Press", "Jane Doe"},
        {"By Jane Doe, who covered the trial", ""},
        // A signature glued to the last paragraph, after its last sentence, as news exports write it.
        {"Vụ việc đang được làm rõ. Hoài Thương", "Hoài Thương"},
        {"Giá xăng vẫn là 3.000 đồng/lít. Thạch Huê - TTXVN", "Thạch Huê"},
        {"Cần đi khám ngay. An Nhiên Theo Đời sống Plus", "An Nhiên"},
        {"Cảnh sát bắt chúng trở lại. Hoàng Dung (Lược dịch)", "Hoàng Dung"},
        {"Bài viết đã được dịch lại. Phương Anh/KDPL", "Phương Anh"},
        {"Người dân phản ánh. Thu Hằng - Linh Thư", "Thu Hằng, Linh Thư"},  // two writers
        {"Người dân phản ánh. CTV Lê Tùng", "Lê Tùng"},                     // a contributor's role
        {"Thu Hằng - Linh Thư", "Thu Hằng, Linh Thư"},
        {"PV Minh Hà", "Minh Hà"},
        {"Quang Minh - VOV", "Quang Minh"},
        {"Tân Phan, Theo Trí Thức Trẻ", "Tân Phan"},            // the writer, then the source
        {"An Bình (t/h) Theo Đời sống Plus", "An Bình"},       // compiled ("tổng hợp") from a source
        {"Tin, ảnh: PHƯƠNG LINH", "PHƯƠNG LINH"},               // text and photos by
        {"Bài và ảnh: Minh Hà - Thu Trang", "Minh Hà, Thu Trang"},
        {"Tin, ảnh: do người dân cung cấp", ""},
        {"Chai Dô Nguồn Theo Top10, Keywordteam", "Chai Dô"},
        {"Minh Đức - Ảnh: Quang Huy", "Minh Đức"},  // the writer, then the photographer
        {"Xe đã được kéo đi. Bá Ngọc - Ảnh Nhã Thy", "Bá Ngọc"},  // the photographer's credit
        {"Bà Lan - Giám đốc Sở - cho biết", ""},
        {"Ông nói: “Chúng tôi sẽ làm”. Thanh Hảo", "Thanh Hảo"},
        {"Container đã được dập tắt./. Theo Báo Giao thông", "Báo Giao thông"},
        {"Diện tích giảm mạnh. Ảnh: Khánh Trung", ""},           // a photo's credit
        {"Nhiều người tới xem. Hội nghị diễn ra tại Hà Nội", ""},  // a sentence, not a name
        {"The appeal is dismissed. Appeal Dismissed", ""},  // English: the order, capitalized
        {"The company said it would “appeal”. John Smith", ""},
    };
    for (const auto& [last_line, expected] : rows) {
        const std::string text = "Tiêu đề\nNội dung của bài.\n" + last_line;
        EXPECT_EQ(find_author(text, find_boilerplate(text)), expected) << last_line;
    }
}

TEST(Metadata, AuthorAndCitationsWithRelationsAreStoredAndAuthorIsATerm) {
    TempDir dir;
    testing::build_index(dir.path() / "db",
                         {testing::make_document("a", "Tiêu đề\nCăn cứ Nghị định số 15/2020/NĐ-CP của Chính phủ.\nLê Kông")});
    const Xapian::Database db((dir.path() / "db").string());
    const Document stored = from_stored_json(db.get_document(1).get_data());
    EXPECT_EQ(stored.author, "Lê Kông");
    EXPECT_EQ(db.get_termfreq("Ale kong"), 1u);
    ASSERT_FALSE(stored.citations.empty());
    EXPECT_EQ(stored.citations[0].number, "15/2020/NĐ-CP");
    EXPECT_EQ(stored.citations[0].relation, "based_on");
}

TEST(Markdown, TheTextItShowsWithoutItsMarks) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"# Giá vàng hôm nay #", "Giá vàng hôm nay"},
        {"Title\n=====\nBody", "Title\n\nBody"},
        {"Sub\n---", "Sub\n"},
        {"**Hà Nội** - Theo *Nghị định* __số 15__ và _lời_ ~~cũ~~.", "Hà Nội - Theo Nghị định số 15 và lời cũ."},
        {"Xem [Nghị định 15/2020/NĐ-CP](https://thuvienphapluat.vn/nd-15 \"tiêu đề\") và ![ảnh](a.png).",
         "Xem Nghị định 15/2020/NĐ-CP và ảnh."},
        {"[Báo **Lao Động**][ld] đưa tin.\n\n[ld]: https://laodong.vn", "Báo Lao Động đưa tin.\n\n"},
        {"> Trích: “lợi ích nhóm”", "Trích: “lợi ích nhóm”"},
        {"- một\n* hai\n+ ba\n1. bốn\n- [x] năm", "một\nhai\nba\n1. bốn\nnăm"},
        {"| Số | Ngày |\n|---|:--:|\n| 15/2020/NĐ-CP | 03/02/2020 |", "Số | Ngày\n\n15/2020/NĐ-CP | 03/02/2020"},
        {"Gõ `snake_case` hay ``a ` b``", "Gõ snake_case hay a ` b"},
        {"```\n**code** [x](y)\n```\nSau", "\n**code** [x](y)\n\nSau"},
        {"Ghi chú <!-- ẩn --> hiện<br/> <https://vnexpress.net/a_b> <b>đậm</b>", "Ghi chú  hiện https://vnexpress.net/a_b đậm"},
        {"<!--\nẩn\n-->\nhiện", "\n\n\nhiện"},
        {"***\n\\*không\\* nghiêng", "\n*không* nghiêng"},
        // Not Markdown's: left as written.
        {"2 * 3 = 6, 5*3 = 15, snake_case, ~5 km, a < b > c", "2 * 3 = 6, 5*3 = 15, snake_case, ~5 km, a < b > c"},
        {"[1954] INSC 102; [?CITATION?] held", "[1954] INSC 102; [?CITATION?] held"},
        {"Source: https://example.com/_next/a_b*c", "Source: https://example.com/_next/a_b*c"},
        {"#hashtag and #5", "#hashtag and #5"},
        {"", ""},
        // CommonMark's reading, by cmark-gfm: entities are the characters they name, an ordered
        // list shows its numbers, an HTML block shows nothing, indented code is code.
        {"Lao Động &amp; Xã hội &#7871;", "Lao Động & Xã hội ế"},
        {"3) ba\n3) bốn", "3) ba\n4) bốn"},
        {"<div>\n<p>Ẩn</p>\n</div>\n\nHiện", "\n\n\n\nHiện"},
        {"    mã thụt lề\n\nSau", "mã thụt lề\n\nSau"},
        {"Một  \nhai\\\nba", "Một\nhai\nba"},
        // Line for line where cmark-gfm's own lines are not the file's: a code span or a tag over
        // two lines, a paragraph after link reference definitions or interrupted by a table.
        {"Gõ `a\nb` và <span\nclass=x>c</span>\nhết", "Gõ a b\n và \nc\nhết"},
        {"[ld]: https://laodong.vn\nBáo [Lao Động][ld]\nđưa tin.", "\nBáo Lao Động\nđưa tin."},
        {"Trên\nChú thích\n| Số | Ngày |\n|---|---|\n| 15 | 03/02 |\nSau", "Trên\nChú thích\nSố | Ngày\n\n15 | 03/02\nSau"},
        {"Trên\n\nChú thích\n| Số |\n|---|", "Trên\n\nChú thích\nSố\n"},
    };
    for (const auto& [markdown, text] : rows) EXPECT_EQ(markdown_to_text(markdown), text) << markdown;
}

TEST(Markdown, ReadAlikeOnManyThreadsAtOnce) {
    // cmark-gfm shares the characters its extensions react to between parsers: indexing
    // threads must not clear them under each other ("~~cũ~~" left as written, a link missed).
    std::string markdown;
    for (int i = 0; i < 50; ++i) markdown += "Giá ~~cũ~~ mới, xem www.vnexpress.net/a_b và https://x.vn/_a_*b*\n\n| a | ~~b~~ |\n|---|---|\n\n";
    const std::string expected = markdown_to_text(markdown);
    std::vector<int> differing(4, 0);
    std::vector<std::thread> threads;
    for (int& count : differing)
        threads.emplace_back([&markdown, &expected, &count] {
            for (int i = 0; i < 100; ++i) count += markdown_to_text(markdown) != expected ? 1 : 0;
        });
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(differing, std::vector<int>(4, 0));
}

TEST(Markdown, BadLinesAreReadInTimeAndWithoutDeepRecursion) {
    // Each would be read again from every mark (a square of its length) or nest a call a link.
    const std::string brackets(200000, '[');
    EXPECT_EQ(markdown_to_text(brackets), brackets);
    std::string unclosed;
    while (unclosed.size() < 200000) unclosed += "[x](";
    EXPECT_EQ(markdown_to_text(unclosed), unclosed);
    std::string nested;
    for (int i = 0; i < 50000; ++i) nested += '[';
    nested += 'x';
    for (int i = 0; i < 50000; ++i) nested += "](y)";
    EXPECT_FALSE(markdown_to_text(nested).empty());
}

// Debian 12's cmark-gfm takes seconds on a paragraph of 200 kB of these, and its time grows
// with the square of the length: a paragraph no writer makes is read as written.
TEST(Markdown, AParagraphNoWriterMakesIsReadAsWritten) {
    for (const std::string unit : {"![[]()", "a<?", "a<![CDATA["}) {
        std::string hostile;
        while (hostile.size() < 200000) hostile += unit;
        const std::string text = "# Tiêu đề\n\n" + hostile + "\n";
        EXPECT_EQ(markdown_to_text(text), text) << unit;
    }
    // A long paragraph a writer makes (an article written as one line) is still Markdown.
    std::string line;
    while (line.size() < 20000) line += "**Hà Nội** đưa tin. ";
    const std::string shown = markdown_to_text(line);
    EXPECT_EQ(shown.rfind("Hà Nội đưa tin. Hà Nội đưa tin.", 0), 0u);
    EXPECT_EQ(shown.find("**"), std::string::npos);
}

TEST(Markdown, FrontMatterIsMetadataNotText) {
    const MarkdownDocument read = read_markdown(
        "---\ntitle: \"Giá vàng: tăng mạnh\"\ndate: 2023-09-22T20:01:00+07:00\nauthor: Lê Kông\ntags:\n  - vàng\n---\n# Tiêu đề\nNội dung");
    EXPECT_EQ(read.front_matter.title, "Giá vàng: tăng mạnh");
    EXPECT_EQ(read.front_matter.date, "2023-09-22T20:01:00+07:00");
    EXPECT_EQ(read.front_matter.date_line, 3u);
    EXPECT_EQ(read.front_matter.author, "Lê Kông");
    EXPECT_EQ(read.text, "\n\n\n\n\n\n\nTiêu đề\nNội dung");  // line for line
    // A rule, a paragraph and a rule are text; so is a first rule that nothing closes.
    EXPECT_EQ(read_markdown("---\nMột đoạn văn bản\n---\nSau").text, "\nMột đoạn văn bản\n\nSau");
    EXPECT_EQ(read_markdown("---\ntitle: Không đóng\nNội dung").text, "\ntitle: Không đóng\nNội dung");
    EXPECT_TRUE(read_markdown("---\ntitle: Không đóng\nNội dung").front_matter.title.empty());
}

TEST(Sources, AMarkdownFileIsIndexedAndShownAsItsText) {
    TempDir dir;
    dir.write("in/note.md", "# **Giá vàng** hôm nay\n\nTheo [Nghị định 24/2012/NĐ-CP](https://example.vn/24), giá **vàng "
                            "miếng** tăng _mạnh_.\n");
    const Read read = read_all({(dir.path() / "in").string()});
    ASSERT_EQ(read.documents.size(), 1u);
    EXPECT_EQ(read.documents[0].title, "Giá vàng hôm nay");
    testing::build_index(dir.path() / "db", read.documents);
    Searcher searcher((dir.path() / "db").string());
    const auto response = searcher.search({.query = "vàng miếng"});
    ASSERT_TRUE(response.ok());
    ASSERT_EQ(response->hits.size(), 1u);
    const std::string& snippet = response->hits[0].snippet;
    EXPECT_NE(snippet.find("Theo Nghị định 24/2012/NĐ-CP, giá <mark>vàng</mark> <mark>miếng</mark> tăng mạnh."),
              std::string::npos) << snippet;
    EXPECT_EQ(response->hits[0].document.references, std::vector<std::string>{"24/2012/NĐ-CP"});

    // Front matter gives title, date and author; a date it cannot read is said, with its line.
    dir.write("in/note.md", "---\ntitle: Giá vàng hôm nay\ndate: 2023-09-22\nauthor: Lê Kông\n---\nNội dung về vàng.\n");
    dir.write("in/bad.md", "---\ntitle: Tin\ndate: hôm qua\n---\nNội dung.\n");
    const Read again = read_all({(dir.path() / "in").string()});
    ASSERT_TRUE(again.find("note"));
    EXPECT_EQ(again.find("note")->title, "Giá vàng hôm nay");
    EXPECT_EQ(again.find("note")->date, "2023-09-22");
    EXPECT_EQ(again.find("note")->author, "Lê Kông");
    EXPECT_EQ(again.find("note")->text.find("title:"), std::string::npos);
    ASSERT_TRUE(again.find("bad"));
    EXPECT_EQ(again.find("bad")->date, "");
    ASSERT_EQ(again.problems.size(), 1u);
    EXPECT_EQ(again.problems[0].line, 3u);
    EXPECT_TRUE(again.problems[0].still_indexed);
    EXPECT_NE(again.problems[0].reason.find("\"date: hôm qua\" is not a date"), std::string::npos) << again.problems[0].reason;
}

TEST(Sources, EveryFormatWithIdsFromPaths) {
    TempDir dir;
    dir.write("in/note.md", "## Tiêu đề ghi chú\nNội dung ghi chú");
    dir.write("in/page.html", read_fixture("article.html"));
    dir.write("in/one.json", R"({"title":"Một","text":"Văn bản một","author":"Tran Thanh"})");
    dir.write("in/many.json", R"([{"id":"m1","text":"Văn bản hai"},{"id":"m2","text":"Văn bản ba"}])");
    dir.write("in/law.pdf", make_pdf({"Law on Promulgation of Legal Documents"}, ""));
    dir.write("in/README", "Plain text without an extension");
    dir.write("in/lying.txt", make_pdf({"A PDF saved as text"}, "Lying"));
    const Read read = read_all({(dir.path() / "in").string()});
    EXPECT_TRUE(read.problems.empty()) << read.problems.front().to_string();
    ASSERT_EQ(read.documents.size(), 8u);
    ASSERT_TRUE(read.find("note"));
    EXPECT_EQ(read.find("note")->title, "Tiêu đề ghi chú");
    ASSERT_TRUE(read.find("page"));
    EXPECT_EQ(read.find("page")->author, "Lê Kông");
    EXPECT_EQ(read.find("page")->date, "2023-09-22");
    ASSERT_TRUE(read.find("one"));
    EXPECT_EQ(read.find("one")->author, "Tran Thanh");
    ASSERT_TRUE(read.find("m2"));
    EXPECT_EQ(read.find("m2")->text, "Văn bản ba");
    ASSERT_TRUE(read.find("law"));
    EXPECT_EQ(read.find("law")->title, "Law on Promulgation of Legal Documents");
    ASSERT_TRUE(read.find("README"));
    ASSERT_TRUE(read.find("lying"));
    EXPECT_EQ(read.find("lying")->title, "Lying");
    EXPECT_EQ(read.find("note")->path, (dir.path() / "in/note.md").string());
    EXPECT_NE(read.find("note")->content_hash, 0u);
}

TEST(Sources, BadInputIsReportedWithWhatAndWhere) {
    TempDir dir;
    dir.write("in/scanned.pdf", make_pdf({""}));
    dir.write("in/corrupt.pdf", "%PDF-1.5\nthis is not really a PDF");
    dir.write("in/big.txt", std::string(2000, 'x'));
    dir.write("in/bad.json", "{\"id\": \"x\",\n \"text\": oops}");
    dir.write("in/records.jsonl", "{\"id\":\"r1\",\"text\":\"một\"}\n{\"id\":\"r2\",\"text\"}\n{\"id\":\"r3\",\"text\":\"ba\"}\n");
    dir.write("in/program.exe", std::string("MZ\x90\0\3\0", 6));
    dir.write("in/empty.html", "   \n");
    dir.write("in/blank.html", "<html><body><script>play()</script></body></html>");
    ReadOptions options;
    options.max_bytes = 1000;
    const Read read = read_all({(dir.path() / "in").string()}, options);
    EXPECT_TRUE(read.has_problem("scanned.pdf: PDF has no text layer (1 page, probably scanned): not indexed"));
    EXPECT_TRUE(read.has_problem("corrupt.pdf: PDF cannot be parsed"));
    EXPECT_TRUE(read.has_problem("big.txt: larger than --max-bytes (2000 > 1000 bytes)"));
    EXPECT_TRUE(read.has_problem("bad.json:2: malformed JSON: Invalid value. (column 10)"));
    EXPECT_TRUE(read.has_problem("records.jsonl:2: malformed JSON"));
    EXPECT_TRUE(read.has_problem("program.exe: unsupported file type \".exe\""));
    EXPECT_TRUE(read.has_problem("empty.html: empty file"));
    EXPECT_TRUE(read.has_problem("blank.html: HTML page without text or title"));
    EXPECT_EQ(read.problems.size(), 8u);
    ASSERT_EQ(read.documents.size(), 2u);  // the good JSONL lines
}

/// @p open repeated @p depth times, then @p inner, then @p close as many times.
std::string nested(const std::string& open, std::size_t depth, const std::string& inner, const std::string& close) {
    std::string out;
    for (std::size_t k = 0; k < depth; ++k) out += open;
    out += inner;
    for (std::size_t k = 0; k < depth; ++k) out += close;
    return out;
}

TEST(Sources, InputNestedDeeperThanTheLimitIsReportedAndTheRestRead) {
    TempDir dir;
    // Each crashed the indexer (a stack overflow in a recursive parse or tree walk), and 200,000
    // nested <div>s held gumbo for minutes.
    dir.write("in/deep.html", "<html><body>" + nested("<div>", 200000, "sâu", "</div>") + "</body></html>");
    dir.write("in/deep-spans.html", "<p>" + nested("<span class=\"x\">", 5000, "sâu", "") + "</p>");
    dir.write("in/export.jsonl", "{\"id\":\"ok-1\",\"text\":\"một\"}\n{\"id\":\"deep\",\"text\":\"x\",\"f\":" +
                                     nested("[", 100000, "", "]") + "}\n{\"id\":\"ok-2\",\"text\":\"hai\"}\n");
    dir.write("in/deep.json", "{\"id\":\"d\",\n\"text\":\"x\",\"f\":" + nested("{\"a\":", 5000, "1", "}") + "}");
    dir.write("in/deep.docx", make_docx(nested("<w:sdt><w:sdtContent>", 30000, "<w:p><w:r><w:t>sâu</w:t></w:r></w:p>",
                                               "</w:sdtContent></w:sdt>")));
    dir.write("in/deep.odt", make_odt(nested("<text:section>", 30000, "<text:p>sâu</text:p>", "</text:section>"), "", ""));
    // Deep but within the limit, and sloppy pages whose unclosed tags the parser closes itself.
    dir.write("in/nested-900.html", "<html><body>" + nested("<div>", 900, "chín trăm", "</div>") + "</body></html>");
    dir.write("in/unclosed.html", "<html><body><ul>" + nested("<li><p><b>mục</b> <a href=\"/x\">xem", 5000, "", "") +
                                      "</ul><svg>" + nested("<path d=\"M0\"/>", 5000, "", "") + "</svg>" +
                                      "<script>" + nested("<div>", 5000, "", "") + "</script><p>cuối</p></body></html>");
    dir.write("in/nested-900.jsonl", "{\"id\":\"n900\",\"text\":\"x\",\"f\":" + nested("[", 900, "\"[[[[\"", "]") + "}\n");
    dir.write("in/nested-400.docx", make_docx(nested("<w:sdt><w:sdtContent>", 400, "<w:p><w:r><w:t>bốn trăm</w:t></w:r></w:p>",
                                                     "</w:sdtContent></w:sdt>")));
    const auto started = std::chrono::steady_clock::now();
    const Read read = read_all({(dir.path() / "in").string()});
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    EXPECT_TRUE(read.has_problem("deep.html: nested deeper than 1000 levels"));
    EXPECT_TRUE(read.has_problem("deep-spans.html: nested deeper than 1000 levels"));
    EXPECT_TRUE(read.has_problem("export.jsonl:2: nested deeper than 1000 levels"));
    EXPECT_TRUE(read.has_problem("deep.json:2: nested deeper than 1000 levels"));
    EXPECT_TRUE(read.has_problem("deep.docx: word/document.xml: nested deeper than 1000 levels"));
    EXPECT_TRUE(read.has_problem("deep.odt: content.xml: nested deeper than 1000 levels"));
    EXPECT_EQ(read.problems.size(), 6u);
    for (const char* id : {"ok-1", "ok-2", "nested-900", "unclosed", "n900", "nested-400"}) EXPECT_NE(read.find(id), nullptr) << id;
    ASSERT_NE(read.find("nested-900"), nullptr);
    EXPECT_EQ(read.find("nested-900")->text, "chín trăm");
    ASSERT_NE(read.find("unclosed"), nullptr);
    EXPECT_NE(read.find("unclosed")->text.find("cuối"), std::string::npos);
    EXPECT_EQ(read.documents.size(), 6u);
}

TEST(Sources, AnHtmlPageWithOnlyATitleIsFoundByIt) {
    TempDir dir;
    dir.write("video.html", "<html><head><title>Họp báo Chính phủ thường kỳ tháng 9</title></head><body><video src=\"a.mp4\"></video></body></html>");
    const Read read = read_all({(dir.path() / "video.html").string()}, {});
    EXPECT_TRUE(read.problems.empty());
    ASSERT_EQ(read.documents.size(), 1u);
    EXPECT_EQ(read.documents[0].title, "Họp báo Chính phủ thường kỳ tháng 9");
    EXPECT_EQ(read.documents[0].text, "Họp báo Chính phủ thường kỳ tháng 9");
}

TEST(Sources, JsonFieldsThatCannotBeUsedAreReportedAndTheRecordStillIndexed) {
    TempDir dir;
    dir.write("in/records.jsonl",
              "{\"id\":\"fr\",\"text\":\"Le décret\",\"lang\":\"fr\",\"date\":\"hier\"}\n"
              "{\"id\":\"us\",\"text\":\"The decree\",\"lang\":\"EN-us\",\"number\":\"decree\"}\n"
              "{\"id\":\"vn\",\"text\":\"Nghị định\",\"lang\":\"vi_VN\",\"title\":7}\n");
    dir.write("in/page.html", "<html lang=\"fr-FR\"><title>Décret</title><p>Le décret</p></html>");
    const Read read = read_all({(dir.path() / "in").string()});
    EXPECT_TRUE(read.has_problem("records.jsonl:1: \"lang\" \"fr\" is neither vi nor en; the language is taken from the text"));
    EXPECT_TRUE(read.has_problem("records.jsonl:1: \"date\" \"hier\" is not a date; indexed without it"));
    EXPECT_TRUE(read.has_problem("records.jsonl:2: \"number\" \"decree\" is not a document number such as 15/2020/NĐ-CP; ignored"));
    EXPECT_TRUE(read.has_problem("records.jsonl:3: \"title\" is not a string; ignored"));
    EXPECT_EQ(read.problems.size(), 4u);
    ASSERT_EQ(read.documents.size(), 4u);
    EXPECT_EQ(read.find("fr")->lang, "");
    EXPECT_EQ(read.find("us")->lang, "en");
    EXPECT_EQ(read.find("vn")->lang, "vi");
    EXPECT_EQ(read.find("page")->lang, "");  // only vi and en are analyzed: the text decides
}

TEST(Sources, AJsonLocalityIsThePlaceHoweverTheBodyIsWritten) {
    TempDir dir;
    dir.write("in/decisions.jsonl",
              "{\"id\":\"qn\",\"number\":\"40/2026/QĐ-UBND\",\"locality\":\"UBND tỉnh Quảng Ninh\",\"text\":\"Bảng giá đất.\"}\n"
              "{\"id\":\"hcm\",\"number\":\"1/2026/QĐ-UBND\",\"locality\":\"TP. Hồ Chí Minh\",\"text\":\"Nội dung.\"}\n"
              "{\"id\":\"dn\",\"number\":\"2/2026/QĐ-UBND\",\"locality\":\"Đà Nẵng\",\"text\":\"Nội dung.\"}\n"
              "{\"id\":\"bad\",\"number\":\"3/2026/QĐ-UBND\",\"locality\":\"123\",\"text\":\"Nội dung.\"}\n");
    const Read read = read_all({(dir.path() / "in").string()});
    EXPECT_TRUE(read.has_problem("decisions.jsonl:4: \"locality\" \"123\" names no province or city, such as Quảng Ninh; ignored"));
    ASSERT_EQ(read.documents.size(), 4u);
    EXPECT_EQ(read.find("qn")->locality, "Quảng Ninh");
    EXPECT_EQ(read.find("hcm")->locality, "Hồ Chí Minh");
    EXPECT_EQ(read.find("dn")->locality, "Đà Nẵng");
    EXPECT_EQ(read.find("bad")->locality, "");
    // Stated, it is the document's, which neither its text nor its title says here; it is kept
    // only for a local body's number.
    Document stated = *read.find("qn");
    (void)analyze_document(stated, Analyzer());
    EXPECT_EQ(stated.locality, "Quảng Ninh");
    Document decree = testing::make_document("nd", "Nghị định quy định xử phạt.");
    decree.number = "15/2020/NĐ-CP";
    decree.locality = "Hà Nội";
    (void)analyze_document(decree, Analyzer());
    EXPECT_EQ(decree.locality, "");
}

TEST(Sources, LossyIndexesInvalidUtf8WithReplacementCharacters) {
    TempDir dir;
    dir.write("in/bad.txt", "Tiêu đề\nxin ch\xE0o b\xE1n");
    dir.write("in/bad.jsonl", "{\"id\":\"j\",\"text\":\"ch\xE0o\"}\n");
    const Read strict = read_all({(dir.path() / "in").string()});
    EXPECT_TRUE(strict.has_problem("bad.txt: invalid UTF-8 at line 2, byte offset"));
    EXPECT_TRUE(strict.has_problem("bad.jsonl:1: invalid UTF-8 at column 21"));
    EXPECT_TRUE(strict.documents.empty());
    ReadOptions options;
    options.lossy = true;
    const Read lossy = read_all({(dir.path() / "in").string()}, options);
    EXPECT_TRUE(lossy.problems.empty());
    ASSERT_EQ(lossy.documents.size(), 2u);
    EXPECT_NE(lossy.find("bad")->text.find("xin ch\xEF\xBF\xBDo"), std::string::npos);
    EXPECT_EQ(lossy.find("j")->text, "ch\xEF\xBF\xBDo");
}

// Text saved in a legacy Vietnamese encoding is rejected as any text that is not UTF-8, with
// the encoding it reads in and how to convert it.
TEST(Sources, AFileInALegacyVietnameseEncodingIsReportedWithHowToConvertIt) {
    TempDir dir;
    const std::string line = "\n";
    dir.write("in/ansi.txt", std::string("Th\xFD" "\xF2" "c hi\xEA" "\xF2" "n Nghi\xF2" " quy\xEA" "\xEC" "t s\xF4" "\xEC" " 126/NQ-CP cu\xD2" "a Ch\xED" "nh phu\xD2" " v\xEA" "\xCC" " \xF0" "\xE2" "\xEC" "t \xF0" "ai") + line);    // Notepad's "ANSI" on Vietnamese Windows
    dir.write("in/vntime.txt", std::string("Th\xF9" "c hi\xD6" "n Ngh\xDE" " quy\xD5" "t s\xE8" " 126/NQ-CP c\xF1" "a Ch\xDD" "nh ph\xF1" " v\xD2" " \xAE" "\xCA" "t \xAE" "ai") + line);  // TCVN3, from a .VnTime document
    dir.write("in/latin1.txt", "Caf\xE9 et cr\xE8" "me br\xFB" "l\xE9" "e \xE0 la fran\xE7" "aise\n");
    const Read read = read_all({(dir.path() / "in").string()});
    EXPECT_TRUE(read.documents.empty());
    EXPECT_TRUE(read.has_problem("ansi.txt: invalid UTF-8 at line 1, byte offset 2: it reads as Vietnamese in windows-1258; "
                                 "convert it to UTF-8 (iconv -f WINDOWS-1258 -t UTF-8) (--lossy indexes it with replacement characters)"));
    EXPECT_TRUE(read.has_problem("vntime.txt: invalid UTF-8 at line 1, byte offset 2: it reads as Vietnamese in TCVN3; "
                                 "convert it to UTF-8 (iconv -f TCVN5712-1 -t UTF-8)"));
    EXPECT_TRUE(read.has_problem("latin1.txt: invalid UTF-8 at line 1, byte offset 3 (--lossy"));
}

// UTF-16 with a byte order mark, as Windows Notepad saves "Unicode" text.
std::string utf16(const std::string& utf8, bool little_endian) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (int32_t i = 0; i < text.length(); ++i) {
        const auto unit = static_cast<std::uint16_t>(text.charAt(i));
        const char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
        out += little_endian ? std::string{low, high} : std::string{high, low};
    }
    return out;
}

TEST(Sources, Utf16TextAndHtmlInTheCharsetItDeclaresAreRead) {
    TempDir dir;
    dir.write("in/notepad-le.txt", utf16("Nghị quyết số 126/NQ-CP\nĐồng chí Nguyễn Thanh Bình", true));
    dir.write("in/notepad-be.txt", utf16("Nghị quyết số 127/NQ-CP", false));
    // windows-1258 writes ô, ơ, đ as letters and tones as combining marks: "Thông báo", "Nghị định".
    dir.write("in/legacy.html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">"
                                "<title>Th\xF4ng ba\xECo</title></head><body><p>Nghi\xF2 \xF0i\xF2nh m\xF5\xECi</p></body></html>");
    // iso-8859-1 is read as windows-1252, as browsers do: 0x93 0x94 are curly quotes.
    dir.write("in/latin.htm", "<!doctype html><meta charset='ISO-8859-1'><title>Caf\xE9</title><p>\x93na\xEFve\x94</p>");
    dir.write("in/unknown.html", "<html><head><meta charset=\"x-no-such\"><title>t</title></head><body>caf\xE9</body></html>");
    dir.write("in/broken16.txt", std::string("\xFF\xFE" "a\0b\0", 6) + std::string("\x00\xD8" "c\0", 4));
    const Read read = read_all({(dir.path() / "in").string()});

    ASSERT_NE(read.find("notepad-le"), nullptr);
    EXPECT_EQ(read.find("notepad-le")->title, "Nghị quyết số 126/NQ-CP");
    EXPECT_EQ(read.find("notepad-le")->text, "Nghị quyết số 126/NQ-CP\nĐồng chí Nguyễn Thanh Bình");
    ASSERT_NE(read.find("notepad-be"), nullptr);
    EXPECT_EQ(read.find("notepad-be")->text, "Nghị quyết số 127/NQ-CP");
    ASSERT_NE(read.find("legacy"), nullptr);
    EXPECT_EQ(unicode::normalize_nfc(read.find("legacy")->title), "Thông báo");
    EXPECT_EQ(unicode::normalize_nfc(read.find("legacy")->text), "Nghị định mới");
    ASSERT_NE(read.find("latin"), nullptr);
    EXPECT_EQ(read.find("latin")->title, "Café");
    EXPECT_EQ(read.find("latin")->text, "\u201Cnaïve\u201D");
    EXPECT_TRUE(read.has_problem("unknown.html: the page declares charset x-no-such: unknown charset"));
    EXPECT_TRUE(read.has_problem("broken16.txt: UTF-16 (byte order mark): invalid byte sequence near byte offset"));
    EXPECT_EQ(read.problems.size(), 2u);
}

TEST(Sources, AFileThatVanishesBeforeItIsReadIsReported) {
    TempDir dir;
    dir.write("in/a.txt", "Stays");
    dir.write("in/b.txt", "Goes away");
    std::vector<InputProblem> problems;
    const std::vector<InputFile> files = collect_inputs({(dir.path() / "in").string()}, problems);
    ASSERT_EQ(files.size(), 2u);
    std::filesystem::remove(dir.path() / "in/b.txt");
    std::vector<Document> documents;
    for (const InputFile& file : files)
        read_input_file(file, [&](Document&& d) { documents.push_back(std::move(d)); },
                        [&](InputProblem&& p) { problems.push_back(std::move(p)); });
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].to_string().find("b.txt: vanished before it could be read"), std::string::npos);
    EXPECT_EQ(documents.size(), 1u);
}

TEST(Sources, ContentHashesSkipUnchangedDocumentsAndFollowContentAndSalt) {
    TempDir dir;
    const auto file = dir.write("in/a.txt", "Tiêu đề\nNội dung");
    dir.write("in/r.jsonl", "{\"id\":\"r1\",\"text\":\"một\"}\n{\"id\":\"r2\",\"text\":\"hai\"}\n");
    std::map<std::string, std::uint64_t> hashes;
    ReadOptions record;
    record.is_unchanged = [&](const std::string& id, std::uint64_t hash, const std::string&) {
        hashes[id] = hash;
        return false;
    };
    (void)read_all({(dir.path() / "in").string()}, record);
    ASSERT_EQ(hashes.size(), 3u);

    ReadOptions skip_known;
    skip_known.is_unchanged = [&](const std::string& id, std::uint64_t hash, const std::string&) { return hashes[id] == hash; };
    EXPECT_TRUE(read_all({(dir.path() / "in").string()}, skip_known).documents.empty());

    dir.write("in/r.jsonl", "{\"id\":\"r1\",\"text\":\"một\"}\n{\"id\":\"r2\",\"text\":\"hai, đã sửa\"}\n");
    const Read changed = read_all({(dir.path() / "in").string()}, skip_known);
    ASSERT_EQ(changed.documents.size(), 1u);
    EXPECT_EQ(changed.documents[0].id, "r2");

    skip_known.hash_salt = "analyzer 3";
    EXPECT_EQ(read_all({(dir.path() / "in").string()}, skip_known).documents.size(), 3u);
}

TEST(OptionValues, ByteSizesAreBytesOrWholeNumbersWithAUnitInPowersOf1024) {
    const std::vector<std::pair<std::string, std::uint64_t>> accepted = {
        {"5000", 5000},        {"1", 1},           {"7B", 7},
        {"4K", 4096},          {"4KB", 4096},      {"4kib", 4096},
        {"10MB", 10ULL << 20}, {"10 MiB", 10ULL << 20}, {"256m", 256ULL << 20},
        {"2G", 2ULL << 30},    {"2GiB", 2ULL << 30},    {"18446744073709551615", 18446744073709551615ULL},
    };
    for (const auto& [text, expected] : accepted) {
        std::uint64_t bytes = 0;
        EXPECT_EQ(parse_byte_size(text, bytes), "") << text;
        EXPECT_EQ(bytes, expected) << text;
    }
    const std::vector<std::pair<std::string, std::string>> refused = {
        {"0", "\"0\" is too small: give at least 1 byte"},
        {"0MB", "\"0MB\" is too small: give at least 1 byte"},
        {"abc", "\"abc\" is not a size: give a number of bytes, or one with a unit K, M or G (KB, KiB, MB, MiB, GB, "
                "GiB: all powers of 1024), such as 256MiB"},
        {"-5", "\"-5\" is not a size"},
        {"+5", "\"+5\" is not a size"},
        {"1.5G", "\"1.5G\" is not a size"},
        {"10TB", "\"10TB\" is not a size"},
        {"", "\"\" is not a size"},
        {"99999999999999999999999", "\"99999999999999999999999\" is too large: at most 18446744073709551615 bytes"},
        {"20000000000G", "\"20000000000G\" is too large: at most 18446744073709551615 bytes"},
    };
    for (const auto& [text, why] : refused) {
        std::uint64_t bytes = 42;
        EXPECT_EQ(parse_byte_size(text, bytes).substr(0, why.size()), why) << text;
        EXPECT_EQ(bytes, 42u) << text;
    }
}

TEST(OptionValues, WholeNumbersInARange) {
    std::uint64_t value = 0;
    EXPECT_EQ(parse_whole_number("8", 1, 256, value), "");
    EXPECT_EQ(value, 8u);
    for (const std::string text : {"0", "257", "-5", "+5", "1.5", "8x", "abc", "", "99999999999999999999999"})
        EXPECT_EQ(parse_whole_number(text, 1, 256, value), "expected a whole number from 1 to 256, not \"" + text + "\"");
    EXPECT_EQ(value, 8u);
}

TEST(Shards, RoutingIsAStableFnv1aOfTheId) {
    EXPECT_EQ(fnv1a64(""), 14695981039346656037ULL);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(shard_of("a", 4), 0xaf63dc4c8601ec8cULL % 4);
    EXPECT_EQ(shard_of("anything", 1), 0u);
}

TEST(Progress, LinesAndSummariesSayWhatTheyCount) {
    IndexingCounts counts;
    counts.files_total = 100;
    counts.files_done = 50;
    counts.bytes_total = 10 << 20;
    counts.bytes_done = 5 << 20;
    counts.indexed = 40;
    counts.replaced = 5;
    counts.unchanged = 5;
    counts.rejected = 2;
    counts.seconds = 10;
    counts.documents = 45;
    EXPECT_EQ(format_progress(counts), "50/100 files, 5.0/10.0 MB, 5 docs/s, ETA 10s, 2 errors");
    EXPECT_EQ(format_json_summary(counts),
              "{\"indexed\":40,\"replaced\":5,\"unchanged\":5,\"pruned\":0,\"rejected\":2,\"warnings\":0,\"files\":100,"
              "\"documents\":45,\"shards\":1,\"seconds\":10.000,\"docs_per_s\":5.0,\"mb_per_s\":0.50,\"interrupted\":false}");
    EXPECT_NE(format_summary(counts, "db").find("indexed 45 documents (40 new, 5 replaced), 5 unchanged"), std::string::npos);
}

TEST(Progress, OneOfAThingIsSingular) {
    IndexingCounts one;
    one.files_total = 1;
    one.indexed = 1;
    one.rejected = 1;
    one.documents = 1;
    one.seconds = 1;
    EXPECT_EQ(format_progress(one), "0/1 file, 0.0/0.0 MB, 1 docs/s, 1 error");
    const std::string summary = format_summary(one, "db");
    for (const std::string expected : {"indexed 1 document (1 new, 0 replaced)", "from 1 file into db", "; 1 document in the index"})
        EXPECT_NE(summary.find(expected), std::string::npos) << expected << "\n" << summary;
    one.merging = true;
    EXPECT_EQ(format_progress(one), "0/1 file read; merging the shards into one database…");

    IndexingCounts none;
    const std::string empty = format_summary(none, "db");
    for (const std::string expected : {"indexed 0 documents", "from 0 files", "; 0 documents in the index"})
        EXPECT_NE(empty.find(expected), std::string::npos) << expected << "\n" << empty;
    EXPECT_EQ(format_progress(none), "0/0 files, 0.0/0.0 MB, 0 docs/s, 0 errors");
}

// A file over --max-bytes is rejected unread in no time: counted as bytes worked on, it made
// the rate huge and the line read "ETA 0s" for most of a run (user test).
TEST(Progress, TheEstimateRestsOnTheBytesReadNotOnThoseRejectedUnread) {
    IndexingCounts counts;
    counts.files_total = 10;
    counts.files_done = 5;
    counts.bytes_total = 100 << 20;
    counts.bytes_done = 60 << 20;
    counts.bytes_unread = 50 << 20;  // one file over --max-bytes: 10 MiB read in 10 s, 40 left
    counts.indexed = 4;
    counts.rejected = 1;
    counts.seconds = 10;
    ASSERT_TRUE(estimate_seconds_left(counts).has_value());
    EXPECT_DOUBLE_EQ(*estimate_seconds_left(counts), 40.0);
    EXPECT_EQ(format_progress(counts), "5/10 files, 60.0/100.0 MB, 0 docs/s, ETA 40s, 1 error");
    EXPECT_NE(format_json_summary(counts).find("\"mb_per_s\":1.00,"), std::string::npos) << format_json_summary(counts);
    EXPECT_NE(format_summary(counts, "db").find("(0 docs/s, 1.0 MB/s)"), std::string::npos) << format_summary(counts, "db");

    counts.bytes_unread = 0;  // all read: the rate as before
    EXPECT_DOUBLE_EQ(*estimate_seconds_left(counts), 40.0 * 10 / 60);

    // Nothing read yet, only a file rejected unread: no rate to estimate from.
    counts.bytes_done = counts.bytes_unread = 50 << 20;
    EXPECT_FALSE(estimate_seconds_left(counts).has_value());
    EXPECT_EQ(format_progress(counts).find("ETA"), std::string::npos) << format_progress(counts);
    // A snapshot taken between the two counters' updates sees more unread than done.
    counts.bytes_done = 10 << 20;
    EXPECT_FALSE(estimate_seconds_left(counts).has_value());
    EXPECT_NE(format_json_summary(counts).find("\"mb_per_s\":0.00,"), std::string::npos) << format_json_summary(counts);
    // Nothing left.
    counts.bytes_done = counts.bytes_total;
    counts.bytes_unread = 0;
    EXPECT_FALSE(estimate_seconds_left(counts).has_value());
}

// What the estimate rests on: the reader says how many bytes it read, and a run counts
// those of a file it rejected unread.
TEST(Progress, ARunCountsTheBytesOfAFileRejectedUnread) {
    const TempDir dir;
    const std::string small = "Bài ngắn\nMột bài đủ nhỏ để đọc.\n";
    dir.write("in/small.txt", small);
    dir.write("in/large.txt", std::string(4000, 'a') + "\n");
    ReadOptions read;
    read.max_bytes = 1000;
    const auto ignore_document = [](Document&&) {};
    const auto ignore_problem = [](InputProblem&&) {};
    EXPECT_EQ(read_input_file({dir.path() / "in/large.txt", "large", 4001}, ignore_document, ignore_problem, read), 0u);
    EXPECT_EQ(read_input_file({dir.path() / "in/small.txt", "small", small.size()}, ignore_document, ignore_problem, read),
              small.size());

    IndexingOptions options;
    options.db = (dir.path() / "db").string();
    options.inputs = {(dir.path() / "in").string()};
    options.threads = 1;
    options.read.max_bytes = 1000;
    const IndexingCounts counts = IndexingRun(options, [](const InputProblem&) {}).run();
    EXPECT_EQ(counts.rejected, 1u);
    EXPECT_EQ(counts.bytes_done, 4001 + small.size());
    EXPECT_EQ(counts.bytes_unread, 4001u);
}

TEST(Progress, WithoutATerminalPlainLinesComePeriodicallyAndProblemsInBetween) {
    // The reporter writes through its own FILE*; the test reads the file afresh, and waits for
    // lines instead of sleeping a fixed time, so a loaded machine only makes it slower.
    const TempDir dir;
    const std::string path = (dir.path() / "progress.txt").string();
    std::FILE* out = std::fopen(path.c_str(), "w");
    ASSERT_NE(out, nullptr);
    auto printed = [&] {
        std::ifstream in(path);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    auto periodic_lines = [](const std::string& text) {
        std::size_t lines = 0;
        for (std::size_t at = text.find("tracuu-index: 1/2 files"); at != std::string::npos;
             at = text.find("tracuu-index: 1/2 files", at + 1))
            ++lines;
        return lines;
    };
    auto wait_for_lines = [&](std::size_t wanted) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (periodic_lines(printed()) < wanted && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    };
    IndexingCounts counts;
    counts.files_total = 2;
    counts.files_done = 1;
    {
        ProgressReporter reporter(ProgressStyle::lines, [&] { return counts; }, out, std::chrono::milliseconds(20));
        wait_for_lines(2);
        reporter.problem("a.txt: empty file");
        wait_for_lines(3);
    }
    std::fclose(out);
    const std::string text = printed();
    EXPECT_EQ(text.find('\r'), std::string::npos) << text;
    const std::size_t problem = text.find("tracuu-index: a.txt: empty file\n");
    ASSERT_NE(problem, std::string::npos) << text;
    EXPECT_GE(periodic_lines(text.substr(0, problem)), 2u) << text;  // periodic lines before it
    EXPECT_GE(periodic_lines(text.substr(problem)), 1u) << text;     // and after it
}

}  // namespace
}  // namespace tracuu
