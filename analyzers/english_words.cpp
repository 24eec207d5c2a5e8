#include "analyzers/english_words.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace tracuu {
namespace generated {
extern const char kEnglishWords[];
extern const std::size_t kEnglishWordsSize;
}  // namespace generated

namespace {

// The compiled list: sorted words, one a line (tools/compile_english_words.cpp).
std::vector<std::string_view> load_words() {
    const std::string_view list(generated::kEnglishWords, generated::kEnglishWordsSize);
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start < list.size();) {
        const std::size_t end = list.find('\n', start);
        words.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

}  // namespace

bool is_english_word(std::string_view word) {
    static const std::vector<std::string_view> words = load_words();
    return std::binary_search(words.begin(), words.end(), word);
}

}  // namespace tracuu
