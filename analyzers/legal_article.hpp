/** @file
 * @brief Articles of laws and codes as lawyers name them: "Điều 173 Bộ luật Hình sự",
 *        "khoản 2 điều 5 luật đất đai", "Article 8 of the Labour Code".
 *
 * A document may be one article of a law (a JSONL record with "law" and "article"): the index
 * side keys its law with law_key and its article with article_key, and the query side reads
 * the article a query names, and the law around it, into the same keys. "điều" alone is an
 * ordinary syllable ("điều kiện", "điều chỉnh"): only "điều" right before an article number
 * names an article.
 */
#pragma once

#include "analyzers/analyzer.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// The key of a law's, code's or ordinance's name however it is written: folded, words
/// separated by one space, without a leading "the", "và" or "and", without its year ("năm 2015", "2015",
/// "of 2019") or its number ("số 100/2015/QH13"), and a code's abbreviation or English name
/// as its Vietnamese name: "Bộ luật Hình sự năm 2015", "BLHS", "the Penal Code" ->
/// "bo luat hinh su"; "Luật Phòng, chống ma túy" -> "luat phong chong ma tuy". "" when
/// nothing is left.
[[nodiscard]] std::string law_key(std::string_view name);

/// The key of the abbreviation lawyers write for the law whose key is @p key: its noun, then the
/// initials of its title ("luat hon nhan gia dinh" -> "luat hngd", as "Luật HNGĐ" is written);
/// "" for a title of one word or a key without such a noun. Codes' own abbreviations (BLHS) are
/// read by law_key.
[[nodiscard]] std::string law_abbreviation_key(std::string_view key);

/// The name of a law, code or ordinance as @p written writes it, without its year or number
/// (what law_key leaves out at its end): "Bộ luật Hình sự năm 2015" -> "Bộ luật Hình sự",
/// "Luật Đất đai số 31/2024/QH15" -> "Luật Đất đai".
[[nodiscard]] std::string law_name(std::string_view written);

/// The abbreviation lawyers write for the law @p written names, with its letters as written:
/// its noun and the initials of its title ("Luật Hôn nhân và gia đình" -> "Luật HNGĐ",
/// "Bộ luật Hình sự" -> "Bộ luật HS"), or with @p of_code the initials of every word, as the
/// codes are abbreviated ("Bộ luật Lao động" -> "BLLĐ"). "" where law_abbreviation_key has none.
[[nodiscard]] std::string written_law_abbreviation(std::string_view written, bool of_code = false);

/// Whether law key @p key names a law, code, ordinance or the constitution ("bo luat hinh su",
/// "luat dat dai", "phap lenh ...", "hien phap", "labour code", "law on land"), not any words.
[[nodiscard]] bool is_law_key(std::string_view key);

/// The key of an article number as written: digits, perhaps one letter ("173", "5a", "12A"
/// -> "12a"); "" when @p written is not one (at most four digits).
[[nodiscard]] std::string article_key(std::string_view written);

/// Whether folded @p word names an article or a part of one ("dieu", "article", "khoan",
/// "diem", "clause"): a number after it is the article's, not a document's.
[[nodiscard]] bool is_article_word(std::string_view word);

/// An article_key as it sorts among its law's articles: "0008", "0173", "0173a" (Điều 173a,
/// inserted after 173, before 174).
[[nodiscard]] std::string article_order_key(std::string_view key);

/// The article number a text or title opens with, as one article of a law does ("Điều 173.
/// Tội trộm cắp tài sản", "Article 8: ..."); "" when it opens otherwise.
[[nodiscard]] std::string article_opening(std::string_view text);

/// An article a query names, and the law keys the words beside it may be.
struct ArticleMention {
    std::string article;                ///< article_key: "173".
    /// Bytes of the text that name it: the article with its parts and a number read beside it
    /// ("khoản 1 Điều 173", "Điều 5 Nghị định 15/2020/NĐ-CP"); a law name's are law_spans'.
    std::size_t begin = 0, end = 0;
    /// law_key of each run of words right after it ("Bộ luật Hình sự", "của BLHS", "of the
    /// Labour Code") or right before it ("Luật Đất đai điều 5") that is_law_key accepts; a
    /// clause or point between them is skipped ("điều 5 khoản 2 luật đất đai"). Empty when
    /// no law is named.
    std::vector<std::string> law_keys;
    /// Bytes of the words of each of law_keys, in the same order.
    std::vector<std::pair<std::size_t, std::size_t>> law_spans;
    /// DocumentNumber::key() of a document named by its number right after it ("Điều 5 Nghị
    /// định số 15/2020/NĐ-CP", "Article 5 of Decree No. 15/2020/ND-CP") or right before it
    /// ("15/2020/NĐ-CP điều 5"): an article of a decree, a circular, or a law by its number.
    std::vector<std::string> number_keys;
    /// The start of such keys for a number typed in part: "47/2011/tt-" of "Điều 7 Thông tư
    /// 47/2011" or "47/2011/TT", "45/2019/" of "Điều 8 Luật 45/2019".
    std::vector<std::string> number_prefixes;
};

/// Every article NFC @p text names: "Điều 173", "điều 5", "dieu 5", "Article 8", "Art. 8";
/// @p references are the document numbers the analyzer found in @p text (Analysis::references).
[[nodiscard]] std::vector<ArticleMention> find_article_mentions(std::string_view text, std::span<const ReferenceMention> references = {});

/// The start of a law's name or abbreviation typed after the article it names.
struct LawBeingTyped {
    std::string folded;   ///< Its words folded, as law keys are: "luat d".
    std::string written;  ///< As typed: "Luật Đ".
};

/// The start of a law's name or abbreviation being typed at the end of NFC @p text after the
/// article it names: "BL" of "Điều 173 BL", "Bộ luật H" of "điều 173 của Bộ luật H", "Luật Đ"
/// of "khoản 2 Điều 5 Luật Đ"; nullopt when the text ends otherwise (in a space, a number, or
/// without an article before).
[[nodiscard]] std::optional<LawBeingTyped> law_being_typed(std::string_view text);

/// What an index knows of the laws it holds article by article (schema::kLawPrefix terms),
/// for reading a query: the analyzers hold no index, so the query side asks its own.
struct LawsHeld {
    /// Whether the index holds the law whose key is @p key ("luat anm", "bo luat hinh su").
    std::function<bool(std::string_view key)> holds;
    /// Whether it holds a law whose key begins with @p key_prefix ("luat an ", of "luat an ninh mang").
    std::function<bool(std::string_view key_prefix)> holds_beginning;
};

/// A law a text names by its abbreviation.
struct LawAbbreviation {
    std::string key;        ///< law_key: "luat anm" of "Luật ANM", "bo luat hinh su" of "BLHS".
    std::size_t begin = 0;  ///< Byte span of the abbreviation in the text: "ANM", "BLHS".
    std::size_t end = 0;
};

/// Every law NFC @p text names by an abbreviation that @p laws holds, whose letters no text of
/// its articles holds: a code's ("BLHS", "blds") or a law's noun and initials ("Luật HNGĐ",
/// "luat anm", "Luật ATTP"). The index decides, not the letters: a word after the noun is the
/// initials of a law it holds, and the first word of none of its laws' titles, so "luật an
/// ninh mạng" is a law named in full even where "Luật An ninh" is "luat an"; "luật sư", "luật
/// đất đai" stay words. Laws named in full are found by their words.
[[nodiscard]] std::vector<LawAbbreviation> find_law_abbreviations(std::string_view text, const LawsHeld& laws);

}  // namespace tracuu
