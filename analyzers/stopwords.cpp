/** @file
 * @brief Stop word lists: short, hand-picked function words, not a frequency cut-off, so
 *        that content words that happen to be common ("luật", "law") keep their weight.
 */
#include "analyzers/stopwords.hpp"

#include <string>
#include <unordered_set>

namespace tracuu {
namespace {

// Function words only: negation, comparison and position ("không", "trên", "dưới",
// "trước", "sau", "hơn") change what a legal question asks, so they are not here.
const char* const kVietnamese[] = {
    "và", "của", "các", "là", "có", "được", "cho", "trong", "những", "với", "này", "đã", "một",
    "theo", "về", "tại", "từ", "đến", "cũng", "khi", "như", "thì", "mà", "để", "bị", "do", "nên",
    "nếu", "vì", "ra", "vào", "sẽ", "đang", "rằng", "hay", "hoặc", "nào", "gì", "đó", "ấy",
    "thế", "vẫn", "còn", "nữa", "rất", "lại", "đều", "qua", "bởi", "tới", "cùng", "ở",
};

const char* const kEnglish[] = {
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from",
    "as", "is", "are", "was", "were", "be", "been", "being", "this", "that", "these", "those",
    "it", "its", "which", "who", "whom", "what", "but", "if", "then", "so", "such", "has",
    "have", "had", "do", "does", "did", "there", "their", "they", "he", "she", "his", "her",
    "into", "upon", "any", "all", "shall", "may", "can", "will", "would", "should",
};

struct Lists {
    std::unordered_set<std::string> exact;   // Vietnamese with diacritics
    std::unordered_set<std::string> folded;  // English, and Vietnamese typed without diacritics
    Lists() {
        for (const char* word : kVietnamese) exact.insert(word);
        for (const char* word : kEnglish) folded.insert(word);
        // Vietnamese typed without diacritics, only where the folded form is hardly anything
        // else: not "la" (lá, leaf), "co" (cờ, flag) or "ban" (bàn, table).
        for (const char* word : {"va", "cua", "cac", "duoc", "nhung", "voi", "trong", "theo", "nhu"})
            folded.insert(word);
    }
};

const Lists& lists() {
    static const Lists lists;
    return lists;
}

}  // namespace

bool is_stopword(const Token& token) {
    if (token.kind != TokenKind::word || token.syllables != 1) return false;
    if (token.has_diacritics()) return lists().exact.count(token.exact) != 0;
    return lists().folded.count(token.folded) != 0 || lists().exact.count(token.exact) != 0;
}

bool is_function_word(std::string_view word) {
    const std::string key(word);
    return lists().exact.count(key) != 0 || lists().folded.count(key) != 0;
}

}  // namespace tracuu
