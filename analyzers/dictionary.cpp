/** @file
 * @brief WordDictionary: decoding the compiled word list into a flat hash table.
 */
#include "analyzers/dictionary.hpp"

#include "analyzers/unicode.hpp"

#include <algorithm>
#include <string>

namespace tracuu {
namespace generated {
extern const char kDictionary[];
extern const std::size_t kDictionarySize;
extern const std::size_t kDictionaryEntries;
}  // namespace generated

namespace {

constexpr std::uint64_t kFoldedTableSalt = 0x9E3779B97F4A7C15ULL;

std::uint64_t mix(std::uint64_t x) noexcept {  // splitmix64 finalizer
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

}  // namespace

const WordDictionary& WordDictionary::builtin() {
    static const WordDictionary dictionary(std::string_view(generated::kDictionary, generated::kDictionarySize));
    return dictionary;
}

std::uint64_t WordDictionary::hash(std::string_view syllable) noexcept {
    std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a
    for (const char c : syllable) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

std::uint64_t WordDictionary::extend(std::uint64_t span, std::uint64_t syllable) noexcept {
    return mix(span + 0x632BE59BD9B4E019ULL) ^ syllable;
}

WordDictionary::WordDictionary(std::string_view coded) {
    // Decode the front coding into whole entries first: the table is sized from them.
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
            }
            start = space + 1;
        }
        ++words_;
    }
}

namespace {
constexpr std::uint64_t kFlagBits = 3;
// Where a key's filter bit is: different bits of the mixed key than its table slot.
std::uint64_t filter_bit(std::uint64_t mixed) noexcept { return mixed >> 21 ^ mixed; }
}  // namespace

WordDictionary::Probe WordDictionary::probe(std::uint64_t key) const noexcept {
    key &= ~kFlagBits;
    const std::uint64_t mixed = mix(key);
    return {key, mixed & mask_, filter_bit(mixed) & filter_mask_};
}

std::uint64_t WordDictionary::key_of(std::uint64_t span, bool folded) noexcept {
    return folded ? span ^ kFoldedTableSalt : span;
}

void WordDictionary::insert(std::uint64_t key, std::uint8_t flags) {
    const Probe p = probe(key);
    filter_[p.bit / 64] |= 1ULL << (p.bit % 64);
    for (std::uint64_t slot = p.slot;; slot = (slot + 1) & mask_) {
        if (slots_[slot] == 0 || (slots_[slot] & ~kFlagBits) == p.key) {
            slots_[slot] |= p.key | flags;
            return;
        }
    }
}

void WordDictionary::prefetch(std::uint64_t span, bool folded) const noexcept {
    const Probe p = probe(key_of(span, folded));
    __builtin_prefetch(&filter_[p.bit / 64]);
    __builtin_prefetch(&slots_[p.slot]);
}

std::uint8_t WordDictionary::find(std::uint64_t span, bool folded) const noexcept {
    const Probe p = probe(key_of(span, folded));
    if ((filter_[p.bit / 64] >> (p.bit % 64) & 1) == 0) return 0;
    for (std::uint64_t slot = p.slot;; slot = (slot + 1) & mask_) {
        const std::uint64_t held = slots_[slot];
        if (held == 0) return 0;
        if ((held & ~kFlagBits) == p.key) return static_cast<std::uint8_t>(held & kFlagBits);
    }
}

}  // namespace tracuu
