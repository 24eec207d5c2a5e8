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
    // Places the press abbreviates, and English writes in one word.
    {"thanh_pho_ho_chi_minh", "tp_hcm", "tphcm", "ho chi minh city"},
    {"ha_noi", "hanoi"},
    {"viet_nam", "vietnam"},
    {"sai_gon", "saigon"},
    {"da_nang", "danang"},
    {"hai_phong", "haiphong"},
};

// The codes as lawyers and the press abbreviate them ("Điều 12 BLHS 2015"), one way only: the
// abbreviation finds the code's name, while the name typed is searched as its words already,
// and as a synonym would weigh its own phrase again, which ranked articles naming the code
// above the article asked about (ALQAC 2022 questions).
const std::vector<std::vector<std::string>> kAbbreviations = {
    {"blds", "bo_luat_dan_su", "civil code"},
    {"blhs", "bo_luat_hinh_su", "criminal code", "penal code"},
    {"blld", "bo_luat_lao_dong", "labour code", "labor code"},
    {"blttds", "bo_luat_to_tung_dan_su", "code of civil procedure"},
    {"bltths", "bo_luat_to_tung_hinh_su", "code of criminal procedure"},
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
        for (const auto& names : kAbbreviations) t[names.front()].assign(names.begin() + 1, names.end());
        return t;
    }();
    static const std::vector<std::string> none;
    std::string key(folded);
    std::replace(key.begin(), key.end(), ' ', '_');
    const auto it = table.find(key);
    return it == table.end() ? none : it->second;
}

std::string code_named(std::string_view folded) {
    std::string key(folded);
    std::replace(key.begin(), key.end(), ' ', '_');
    for (const auto& names : kAbbreviations)
        for (std::size_t i = 0; i < names.size(); ++i) {
            std::string name = names[i];
            std::replace(name.begin(), name.end(), ' ', '_');
            if (name == key) return names[1];
        }
    return {};
}

std::vector<std::string> code_abbreviations() {
    std::vector<std::string> abbreviations;
    for (const auto& names : kAbbreviations) abbreviations.push_back(names.front());
    return abbreviations;
}

std::vector<std::string> all_synonym_names() {
    std::vector<std::string> names;
    for (const auto& group : kGroups) names.insert(names.end(), group.begin(), group.end());
    return names;
}

std::vector<std::string> english_spelling_variants(std::string_view folded) {
    // The British and the American piece of a word, before one of kEndings.
    struct Pattern {
        std::string_view british, american;
        std::size_t least_letters;  // of the word, so that short words are left alone
        char not_after_american;    // an American piece after this letter is another word's
    };
    static constexpr Pattern kPatterns[] = {
        {"dgement", "dgment", 7, 0},                          // judgement, acknowledgement
        {"ence", "ense", 6, 0},                               // licence, defence, offence
        {"our", "or", 5, 'o'},                                // labour, honour, favourite; floor is no flour
        {"isation", "ization", 8, 0}, {"ise", "ize", 6, 0},  // organisation, recognise, authorised
        {"yse", "yze", 6, 0},                                 // analyse, paralysed
        {"tre", "ter", 5, 't'},                               // centre, metre; letter is no lettre
        {"ogue", "og", 6, 0},                                 // catalogue, dialogue
        {"mme", "m", 7, 0},                                   // programme
    };
    static constexpr std::string_view kEndings[] = {"", "s", "d", "ed", "es", "ing", "ings", "able", "ite", "ful"};
    std::vector<std::string> variants;
    const auto swap = [&](std::string_view from, std::string_view to, std::size_t least_letters, char not_after) {
        if (folded.size() < least_letters) return;
        for (const std::string_view ending : kEndings) {
            if (folded.size() < from.size() + ending.size() + 1 || !folded.ends_with(ending)) continue;
            const std::size_t at = folded.size() - ending.size() - from.size();
            if (folded.substr(at, from.size()) != from || (not_after != 0 && folded[at - 1] == not_after)) continue;
            std::string variant(folded.substr(0, at));
            variant.append(to).append(ending);
            if (std::find(variants.begin(), variants.end(), variant) == variants.end()) variants.push_back(std::move(variant));
        }
    };
    for (const Pattern& pattern : kPatterns) {
        swap(pattern.british, pattern.american, pattern.least_letters, 0);
        swap(pattern.american, pattern.british, pattern.least_letters, pattern.not_after_american);
    }
    return variants;
}

}  // namespace tracuu
