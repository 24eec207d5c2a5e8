/** @file
 * @brief Structured references to legal documents: what a mention cites, who issued it,
 *        when, and how the citing text relates to it.
 *
 * Built on the document-number grammar (document_number.hpp): each recognized number
 * becomes a Reference with type and issuer names from the code lexicon, the issue date
 * written right after it ("ngày 14/8/2023", "dated August 14, 2023"), and the relation
 * read from the cue words before it in the same sentence ("căn cứ", "thực hiện",
 * "sửa đổi", "thay thế", "bãi bỏ", "hướng dẫn"; "pursuant to", "amending", ...). A local
 * body's number also gets the locality of its issuer (analyzers/locality.hpp), read after
 * it ("… của UBND tỉnh Quảng Ninh"), else before it in the sentence ("UBND tỉnh Quảng Ninh
 * ban hành Quyết định số …"), else from the text's other mentions of it when they agree.
 */
#pragma once

#include "analyzers/analyzer.hpp"
#include "analyzers/document_number.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// How the citing text relates to the document it mentions.
enum class Relation {
    cites,       ///< Plain mention, "theo", "tại", "under".
    based_on,    ///< "căn cứ", "based on", "pursuant to".
    implements,  ///< "thực hiện", "triển khai", "thi hành", "implementing".
    amends,      ///< "sửa đổi", "bổ sung", "amending".
    replaces,    ///< "thay thế", "replacing".
    repeals,     ///< "bãi bỏ", "hủy bỏ", "repealing", "annulling".
    guides,      ///< "hướng dẫn", "quy định chi tiết", "guiding".
};

/// "cites", "based_on", "implements", "amends", "replaces", "repeals", "guides".
[[nodiscard]] std::string_view to_string(Relation relation);

/// An issuing body named by a code of the number.
struct Issuer {
    std::string code;     ///< Canonical spelling: "CP", "QH14", "TCDL".
    std::string name_vi;  ///< "Chính phủ", "Quốc hội khóa 14"; empty for a code not in the lexicon.
    std::string name_en;  ///< "Government", "National Assembly (14th term)"; likewise.
};

/// The issuer that @p code names ("CP", "QH14" with its term, "TCDL" unnamed); with
/// @p party_sense (a Party number, N-QĐ/TW) a code is read in its Party sense.
[[nodiscard]] Issuer describe_issuer(const std::string& code, bool party_sense);

/// One mention of a legal document, resolved.
struct Reference {
    DocumentNumber number;
    /// "NĐ"; from the noun before the number when it has none ("Luật số 59/2020/QH14" -> "L");
    /// empty when neither says.
    std::string type_code;
    std::string type_name_vi;  ///< "Nghị định".
    std::string type_name_en;  ///< "Decree".
    std::vector<Issuer> issuers;
    std::string issued;        ///< ISO issue date ("2023-08-14") when the text gives it, else "".
    /// The year of issued; for a number without its year whose text gives the year alone
    /// ("Nghị quyết 01/NQ-CP năm 2024", "(2024)", "Resolution No. 01/NQ-CP of 2024"), that year;
    /// else "".
    std::string issued_year;
    /// For a number of a local body (is_local_number): the locality of its issuer as the text
    /// says it (analyzers/locality.hpp), "Quảng Ninh"; else, or when the text does not say, "".
    std::string locality;
    Relation relation = Relation::cites;
    std::size_t begin = 0;     ///< Byte span of the number in the text.
    std::size_t end = 0;
};

/// Every reference in NFC text @p nfc_text, in order.
[[nodiscard]] std::vector<Reference> extract_references(std::string_view nfc_text);

/// The same from the document numbers the analyzer found in @p nfc_text
/// (Analysis::references), without looking for them again.
[[nodiscard]] std::vector<Reference> extract_references(std::string_view nfc_text,
                                                        const std::vector<ReferenceMention>& mentions);

}  // namespace tracuu
