/** @file
 * @brief The Vietnamese word dictionary used for segmentation: multi-syllable words,
 *        looked up by a rolling hash over syllables so that the hot path compares no strings.
 */
#pragma once

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tracuu {

/// Multi-syllable words, each known in its exact form (tone-canonical, case-folded) and
/// its folded form, so that text typed without diacritics is segmented too.
class WordDictionary {
public:
    /// Longest word kept, in syllables.
    static constexpr std::size_t kMaxSyllables = 5;

    /// Lookup result flags for a span of syllables.
    enum Flags : std::uint8_t {
        kWord = 1,    ///< The span is a word.
        kPrefix = 2,  ///< Some longer word starts with the span.
        /// Exactly one word folds to the span ("phap luat" is only "pháp luật", where "xa hoi"
        /// is "xã hội" and "xả hơi"), or, for an exact span, to the span's folded form: the
        /// segmenter knows it of a word from the lookup that found the word
        /// (see Token::folds_unambiguously).
        kSoleFold = 4,
    };

    /// The dictionary compiled into the library (analyzers/data/viet74k.txt, GPL-2.0).
    [[nodiscard]] static const WordDictionary& builtin();

    /// Builds a dictionary from front-coded entries (see tools/compile_dictionary.cpp).
    explicit WordDictionary(std::string_view front_coded);

    // The lookups are defined here, inline: the segmenter calls them for every span of every
    // run of syllables, and a call apiece cost more than the hashing.

    /// Hash of one syllable's text; spans extend it syllable by syllable.
    [[nodiscard]] static std::uint64_t hash(std::string_view syllable) noexcept {
        std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a
        for (const char c : syllable) {
            h ^= static_cast<unsigned char>(c);
            h *= 0x100000001B3ULL;
        }
        return h;
    }
    [[nodiscard]] static std::uint64_t extend(std::uint64_t span, std::uint64_t syllable) noexcept {
        return mix(span + 0x632BE59BD9B4E019ULL) ^ syllable;
    }

    /// The rolling hash of the syllables of @p words, separated by @p separator: "phap_luat"
    /// with '_', as terms write words; "pháp luật" with ' ', as the word list does.
    [[nodiscard]] static std::uint64_t hash_words(std::string_view words, char separator) noexcept {
        std::uint64_t span = 0;
        for (std::size_t start = 0;;) {
            const std::size_t end = std::min(words.find(separator, start), words.size());
            const std::uint64_t syllable = hash(words.substr(start, end - start));
            span = start == 0 ? syllable : extend(span, syllable);
            if (end == words.size()) return span;
            start = end + 1;
        }
    }

    /// Flags for a span of exact (resp. folded) syllables, from its rolling hash.
    [[nodiscard]] std::uint8_t exact(std::uint64_t span) const noexcept { return find(span, false); }
    [[nodiscard]] std::uint8_t folded(std::uint64_t span) const noexcept { return find(span, true); }

    /// Starts loading where find() will look for @p span, so that the lookups of a run of
    /// syllables overlap their cache misses instead of waiting for each in turn.
    void prefetch(std::uint64_t span, bool folded) const noexcept {
        const Probe p = probe(key_of(span, folded));
        __builtin_prefetch(&filter_[p.bit / 64]);
        __builtin_prefetch(&slots_[p.slot]);
    }

    /// Whether folded word term @p term ("ha_noi", "thi_hanh_an") is a dictionary word, not a
    /// run of capitalized syllables the analyzer took for a name ("pham_minh_chinh").
    [[nodiscard]] bool is_word_term(std::string_view term) const noexcept {
        return (folded(hash_words(term, '_')) & kWord) != 0;
    }

    /// Number of words.
    [[nodiscard]] std::size_t size() const noexcept { return words_; }

    /// The one word that folds to @p folded, in a word term's spelling ("phap_luat" ->
    /// "pháp_luật"), or "" when none or several do (kSoleFold). For showing such a word with
    /// its diacritics, which the index does not hold (core/terms.hpp has_exact_term). The
    /// first call builds the table (about 50,000 words).
    [[nodiscard]] std::string_view sole_word_folding_to(std::string_view folded) const;

    /// How many words have @p syllable (exact: tone-canonical, case-folded), a rough measure
    /// of how common it is: "người" is in some 80 of them, "ngời" in 3. The first call counts.
    [[nodiscard]] std::size_t words_with_syllable(std::string_view syllable) const;

private:
    static constexpr std::uint64_t kFlagBits = 7;
    static constexpr std::uint64_t kFoldedTableSalt = 0x9E3779B97F4A7C15ULL;

    static std::uint64_t mix(std::uint64_t x) noexcept {  // splitmix64 finalizer
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9ULL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBULL;
        return x ^ (x >> 31);
    }

    // Where a span's key lives: its first table slot and its filter bit (other bits of the
    // mixed key than the slot's).
    struct Probe {
        std::uint64_t key, slot, bit;
    };
    [[nodiscard]] Probe probe(std::uint64_t key) const noexcept {
        key &= ~kFlagBits;
        const std::uint64_t mixed = mix(key);
        return {key, mixed & mask_, (mixed >> 21 ^ mixed) & filter_mask_};
    }
    [[nodiscard]] static std::uint64_t key_of(std::uint64_t span, bool folded) noexcept {
        return folded ? span ^ kFoldedTableSalt : span;
    }
    void insert(std::uint64_t key, std::uint8_t flags);
    // The slot that holds the probe's key, or the empty slot where it would go.
    [[nodiscard]] std::uint64_t locate(const Probe& p) const noexcept {
        std::uint64_t slot = p.slot;
        while (slots_[slot] != 0 && (slots_[slot] & ~kFlagBits) != p.key) slot = (slot + 1) & mask_;
        return slot;
    }
    [[nodiscard]] std::uint8_t find(std::uint64_t span, bool folded) const noexcept {
        const Probe p = probe(key_of(span, folded));
        if ((filter_[p.bit / 64] >> (p.bit % 64) & 1) == 0) return 0;
        return static_cast<std::uint8_t>(slots_[locate(p)] & kFlagBits);  // an empty slot holds 0
    }

    // Open addressing over slots holding a key's upper 61 bits and its Flags in the low three
    // (never 0, which marks an empty slot): one cache line per probe.
    std::vector<std::uint64_t> slots_;
    std::uint64_t mask_ = 0;
    // One bit per hash bucket of a larger, cache-sized space: most spans of running text are
    // no word's start, and this answers them without touching the table.
    std::vector<std::uint64_t> filter_;
    std::uint64_t filter_mask_ = 0;
    std::size_t words_ = 0;

    // For sole_word_folding_to: the compiled entries, and the table built from them once.
    std::string_view front_coded_;
    mutable std::once_flag sole_words_built_;
    mutable std::unordered_map<std::string, std::string> sole_words_;  // folded -> exact, '_' between syllables
    // For words_with_syllable, counted once.
    mutable std::once_flag syllables_counted_;
    mutable std::unordered_map<std::string, std::uint32_t> words_with_syllable_;
};

}  // namespace tracuu
