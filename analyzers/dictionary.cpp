/** @file
 * @brief WordDictionary: decoding the compiled word list into a flat hash table.
 */
#include "analyzers/dictionary.hpp"

#include "analyzers/unicode.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace tracuu {
namespace generated {
extern const char kDictionary[];
extern const std::size_t kDictionarySize;
extern const std::size_t kDictionaryEntries;
}  // namespace generated

const WordDictionary& WordDictionary::builtin() {
    static const WordDictionary dictionary(std::string_view(generated::kDictionary, generated::kDictionarySize));
    return dictionary;
}

namespace {

// The entries of the front coding (see tools/compile_dictionary.cpp), syllables separated by spaces.
std::vector<std::string> decode(std::string_view coded) {
    std::vector<std::string> entries;
    std::string previous;
    for (std::size_t pos = 0; pos < coded.size();) {
        const std::size_t eol = coded.find('\n', pos);
        const std::string_view line = coded.substr(pos, eol - pos);
        pos = eol == std::string_view::npos ? coded.size() : eol + 1;
        if (line.empty()) continue;
        const std::size_t shared = static_cast<std::size_t>(line[0] - '0');
        std::string entry = previous.substr(0, shared);
        entry.append(line.substr(1));
        previous = entry;
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace

WordDictionary::WordDictionary(std::string_view coded) : front_coded_(coded) {
    // Decode the front coding into whole entries first: the table is sized from them.
    const std::vector<std::string> entries = decode(coded);
    // Each entry adds at most 2 (exact, folded) keys per syllable after the first; most have
    // two syllables. Half-full at most keeps probes short.
    std::size_t keys = 0;
    for (const std::string& entry : entries) keys += 2 * static_cast<std::size_t>(std::count(entry.begin(), entry.end(), ' '));
    std::size_t capacity = 1;
    while (capacity < keys * 2) capacity <<= 1;
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    // 16 bits a key: about 6% of absent spans get past the filter.
    std::size_t filter_bits = 64;
    while (filter_bits < keys * 16) filter_bits <<= 1;
    filter_.assign(filter_bits / 64, 0);
    filter_mask_ = filter_bits - 1;

    // How many words fold to each folded word (entries are distinct exact words).
    std::unordered_map<std::uint64_t, std::uint32_t> words_per_fold;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> word_keys;  // each word's exact and folded keys
    for (const std::string& entry : entries) {
        std::uint64_t exact_span = 0, folded_span = 0;
        std::size_t syllables = 0;
        for (std::size_t start = 0; start <= entry.size();) {
            const std::size_t space = std::min(entry.find(' ', start), entry.size());
            const std::string_view syllable = std::string_view(entry).substr(start, space - start);
            const std::uint64_t e = hash(syllable), f = hash(unicode::fold(syllable));
            exact_span = syllables == 0 ? e : extend(exact_span, e);
            folded_span = syllables == 0 ? f : extend(folded_span, f);
            ++syllables;
            const bool last = space == entry.size();
            if (syllables >= 2) {
                insert(key_of(exact_span, false), last ? kWord : kPrefix);
                insert(key_of(folded_span, true), last ? kWord : kPrefix);
                if (last) {
                    ++words_per_fold[key_of(folded_span, true) & ~kFlagBits];
                    word_keys.emplace_back(key_of(exact_span, false), key_of(folded_span, true) & ~kFlagBits);
                }
            }
            start = space + 1;
        }
        ++words_;
    }
    for (const auto& [key, words] : words_per_fold)
        if (words == 1) insert(key, kSoleFold);
    for (const auto& [exact, folded] : word_keys)
        if (words_per_fold[folded] == 1) insert(exact, kSoleFold);
}

void WordDictionary::insert(std::uint64_t key, std::uint8_t flags) {
    const Probe p = probe(key);
    filter_[p.bit / 64] |= 1ULL << (p.bit % 64);
    slots_[locate(p)] |= p.key | flags;
}

std::string_view WordDictionary::sole_word_folding_to(std::string_view folded) const {
    // The words whose folded span the table marks kSoleFold: one decision of which words those
    // are, the constructor's.
    std::call_once(sole_words_built_, [this] {
        for (std::string entry : decode(front_coded_)) {
            std::string entry_folded = unicode::fold(entry);
            if (!(find(hash_words(entry_folded, ' '), true) & kSoleFold)) continue;
            std::replace(entry.begin(), entry.end(), ' ', '_');
            std::replace(entry_folded.begin(), entry_folded.end(), ' ', '_');
            sole_words_.emplace(std::move(entry_folded), std::move(entry));
        }
    });
    const auto it = sole_words_.find(std::string(folded));
    return it == sole_words_.end() ? std::string_view() : std::string_view(it->second);
}

std::size_t WordDictionary::words_with_syllable(std::string_view syllable) const {
    std::call_once(syllables_counted_, [this] {
        for (const std::string& entry : decode(front_coded_))
            for (std::size_t start = 0; start <= entry.size();) {
                const std::size_t space = std::min(entry.find(' ', start), entry.size());
                ++words_with_syllable_[entry.substr(start, space - start)];
                start = space + 1;
            }
    });
    const auto it = words_with_syllable_.find(std::string(syllable));
    return it == words_with_syllable_.end() ? 0 : it->second;
}

}  // namespace tracuu
