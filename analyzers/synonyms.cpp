/** @file
 * @brief The synonym groups, folded as the analyzer folds words (multi-syllable Vietnamese
 *        words joined by "_"), so lookups need no further normalization.
 */
#include "analyzers/synonyms.hpp"

#include <algorithm>
#include <unordered_map>

namespace tracuu {
namespace {

// Each group: Vietnamese word, abbreviation(s), English name(s). Only unambiguous names:
// "tt" (thông tư, but also trung tâm) and "ct" (chỉ thị, công ty) are left out.
const std::vector<std::vector<std::string>> kGroups = {
    {"nghi_dinh", "nd", "decree"},
    {"nghi_quyet", "nq", "resolution"},
    {"quyet_dinh", "qd", "decision"},
    {"thong_tu", "circular"},
    {"chi_thi", "directive"},
    {"quy_dinh", "regulation"},
    {"thong_tu_lien_tich", "ttlt", "joint circular"},
    {"van_ban_hop_nhat", "vbhn", "consolidated text"},
    {"phap_lenh", "ordinance"},
    {"chinh_phu", "government"},
    {"thu_tuong", "ttg", "prime minister"},
    {"quoc_hoi", "qh", "national assembly"},
    {"uy_ban_nhan_dan", "ubnd", "people's committee"},
    {"hoi_dong_nhan_dan", "hdnd", "people's council"},
    {"bo_tai_chinh", "btc", "ministry of finance"},
    {"bo_cong_an", "bca", "ministry of public security"},
    {"bo_tu_phap", "btp", "ministry of justice"},
    {"bo_chinh_tri", "politburo"},
};

}  // namespace

const std::vector<std::string>& synonyms_of(std::string_view folded) {
    static const std::unordered_map<std::string, std::vector<std::string>> table = [] {
        std::unordered_map<std::string, std::vector<std::string>> t;
        // Looked up by the query side as syllables joined by "_", English names included.
        auto key = [](std::string name) {
            std::replace(name.begin(), name.end(), ' ', '_');
            return name;
        };
        for (const auto& group : kGroups)
            for (const auto& name : group)
                for (const auto& other : group)
                    if (other != name) t[key(name)].push_back(other);
        return t;
    }();
    static const std::vector<std::string> none;
    std::string key(folded);
    std::replace(key.begin(), key.end(), ' ', '_');
    const auto it = table.find(key);
    return it == table.end() ? none : it->second;
}

std::vector<std::string> all_synonym_names() {
    std::vector<std::string> names;
    for (const auto& group : kGroups) names.insert(names.end(), group.begin(), group.end());
    return names;
}

}  // namespace tracuu
