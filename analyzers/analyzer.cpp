/** @file
 * @brief Tokenizer and language guess.
 *
 * Hand-written over ICU character properties rather than ICU's word BreakIterator: the
 * break iterator splits "126/NQ-CP" and "14/8/2023", which must stay identifiers, and
 * costs several times more per byte.
 */
#include "analyzers/analyzer.hpp"

#include "analyzers/dictionary.hpp"
#include "analyzers/unicode.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace tracuu {
namespace {

using unicode::decode_utf8;

using unicode::is_word_char;

// Folded vowels: ă â ê ô ơ ư fold to these.
bool is_vowel_letter(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}
bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }
// A digit or an apostrophe in a word keeps it out of multi-syllable words ("h5n1", "don't").
bool breaks_syllable(char c) { return (c >= '0' && c <= '9') || c == '\''; }

// A word of up to 8 bytes as one number, for lookups without hashing strings.
constexpr std::uint64_t pack(std::string_view word) {
    std::uint64_t packed = 0;
    for (const char c : word) packed = packed << 8 | static_cast<unsigned char>(c);
    return packed;
}

template <std::size_t N>
constexpr std::array<std::uint64_t, N> packed_sorted(const std::array<std::string_view, N>& words) {
    std::array<std::uint64_t, N> packed{};
    for (std::size_t i = 0; i < N; ++i) packed[i] = pack(words[i]);
    std::sort(packed.begin(), packed.end());
    return packed;
}

template <std::size_t N>
bool contains(const std::array<std::uint64_t, N>& words, std::uint64_t word) {
    return std::binary_search(words.begin(), words.end(), word);
}

// Vietnamese syllables, folded: an onset, then one of these rhymes (ươ folds to "uo", â to
// "a", and so on; the medial o/u is part of the rhyme: "oanh", "uyen").
constexpr auto kFoldedRhymes = packed_sorted(std::to_array<std::string_view>({
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
    "e", "ec", "ech", "em", "en", "eng", "enh", "eo", "ep", "et", "eu",
    "i", "ia", "ich", "iec", "iem", "ien", "ieng", "iep", "iet", "ieu", "im", "in", "inh", "ip", "it", "iu",
    "o", "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
    "oc", "oe", "oem", "oen", "oeng", "oeo", "oet", "oi", "om", "on", "ong", "ooc", "oong", "op", "ot",
    "u", "ua", "uan", "uang", "uat", "uay", "uc", "ue", "uech", "uenh", "ui", "um", "un", "ung", "uo", "uoc", "uoi",
    "uom", "uon", "uong", "uop", "uot", "uou", "up", "ut", "uu", "uy", "uya", "uych", "uyen", "uyet", "uynh",
    "uyt", "uyu", "y", "ych", "yem", "yen", "yet", "yeu", "ynh", "yt"}));
constexpr std::size_t kLongestRhyme = 4;

bool is_folded_rhyme(std::string_view rhyme) {
    return !rhyme.empty() && rhyme.size() <= kLongestRhyme && contains(kFoldedRhymes, pack(rhyme));
}

// Length of the onset (initial consonants) @p folded starts with: 0 for none, npos for a
// letter no Vietnamese syllable starts with (f, j, w, z). "gi" is taken whole here.
std::size_t onset_length(std::string_view folded) {
    const auto next_is = [&](std::size_t i, char c) { return folded.size() > i && folded[i] == c; };
    switch (folded.front()) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return 0;
    case 'b': case 'd': case 'h': case 'l': case 'm': case 'r': case 's': case 'v': case 'x': return 1;
    case 'c': case 'k': case 'p': return next_is(1, 'h') ? 2 : 1;
    case 'g': return next_is(1, 'h') || next_is(1, 'i') ? 2 : 1;
    case 't': return next_is(1, 'h') || next_is(1, 'r') ? 2 : 1;
    case 'q': return next_is(1, 'u') ? 2 : std::string_view::npos;
    case 'n':
        if (next_is(1, 'g')) return next_is(2, 'h') ? 3 : 2;
        return next_is(1, 'h') ? 2 : 1;
    default: return std::string_view::npos;
    }
}

}  // namespace

bool may_be_vietnamese_syllable(std::string_view folded) {
    if (folded.empty()) return false;
    const std::size_t onset = onset_length(folded);
    if (onset < folded.size() && is_folded_rhyme(folded.substr(onset))) return true;
    // "gi" is an onset ("gia"), or g before a rhyme in i ("gì", "gìn").
    return onset == 2 && folded.starts_with("gi") && is_folded_rhyme(folded.substr(1));
}

namespace {

// Function words that make up a large share of any running text in each language; the
// Vietnamese ones are folded so that text typed without diacritics still counts.
constexpr auto kEnglishFunctionWords = packed_sorted(std::array<std::string_view, 26>{
    "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by",
    "be", "are", "this", "it", "from", "at", "an", "which", "or", "have", "has", "were", "not"});
constexpr auto kVietnameseFunctionWords = packed_sorted(std::array<std::string_view, 23>{
    "va", "cua", "cac", "duoc", "trong", "la", "cho", "nhung", "nguoi", "voi", "khong",
    "nay", "mot", "theo", "ve", "tai", "da", "nhieu", "tu", "den", "cung", "khi", "nhu"});
constexpr std::size_t kLongestFunctionWord = 5;

// English running text, told apart before its words are found, from its function words
// alone. The segmenter looks a span without diacritics up by its folded form, which in
// English text makes dictionary words of English pairs: "that the" is "thất thế", "to the"
// is "tô thể". At least three function words, and twice as many English as Vietnamese
// signs, so that a short query ("ban an") or unaccented Vietnamese ("quy dinh ve the can
// cuoc") is never taken for English.
struct LanguageSigns {
    std::size_t vi = 0, en = 0;

    // A syllable's sign: a Vietnamese letter, or a function word of either language.
    void count(const Token& syllable) {
        if (syllable.kind != TokenKind::word) return;
        if (syllable.vietnamese_letter) {
            ++vi;
            return;
        }
        if (syllable.folded.size() > kLongestFunctionWord || syllable.has_diacritics()) return;  // café
        const std::uint64_t word = pack(syllable.folded);
        if (contains(kEnglishFunctionWords, word)) ++en;
        else if (contains(kVietnameseFunctionWords, word)) ++vi;
    }
};

bool reads_as_english(const std::vector<Token>& syllables) {
    LanguageSigns signs;
    for (std::size_t i = 0; i < syllables.size(); ++i) {
        signs.count(syllables[i]);
        // Vietnamese text is told halfway: even if every token left were an English word.
        if (signs.en + (syllables.size() - i - 1) <= 2 * signs.vi) return false;
    }
    return signs.en >= 3 && signs.en > 2 * signs.vi;
}

// Capitalized at the head of a sentence, these begin no name: "Ông Nguyễn Thanh Bình cho
// biết", "Tại Hà Nội", "Theo Bộ Tài chính". Honorifics and kinship words, prepositions and
// conjunctions, as the analyzer writes them (case-folded, NFC). Surnames that are also
// function words (Từ) and forms an English text may write a surname in (Do for Đỗ) are left out.
constexpr auto kNotANameStart = packed_sorted(std::array<std::string_view, 52>{
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cậu", "dì", "thầy", "ngài",
    "cháu", "tại", "theo", "trong", "khi", "sau", "với", "của", "và", "ở", "đến", "tới", "cho",
    "về", "nhưng", "nếu", "là", "các", "những", "một", "đã", "sẽ", "được", "bị", "vì", "để",
    "thì", "mà", "hoặc", "cùng", "qua", "trên", "dưới", "trước", "như", "lúc", "ngày", "tháng",
    "bởi"});

bool may_start_a_name(std::string_view exact) {
    return exact.size() > sizeof(std::uint64_t) || !contains(kNotANameStart, pack(exact));
}

// In English text, capitalized words spelled like Vietnamese syllables that begin no name:
// articles, pronouns, prepositions, conjunctions and the month May, at a sentence's head or
// in a title ("On May 5", "But I", "In The Supreme Court"). Not "To" (Tô Lâm), "An" (An
// Giang) or "Do" (Đỗ), which begin names.
constexpr auto kNotAnEnglishNameStart = packed_sorted(std::array<std::string_view, 15>{
    "a", "the", "i", "he", "we", "it", "in", "on", "at", "by", "but", "so", "then", "no", "may"});

bool may_start_a_name_in_english(std::string_view folded) {
    return folded.size() > sizeof(std::uint64_t) || !contains(kNotAnEnglishNameStart, pack(folded));
}

char32_t peek(std::string_view text, std::size_t pos) {
    return pos < text.size() ? decode_utf8(text, pos) : 0;
}

class Tokenizer {
public:
    Tokenizer(Analysis& out, std::uint32_t first_position) : out_(out), position_(first_position) {}

    void run() {
        const std::string_view text = out_.text;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t next = pos;
            const char32_t cp = decode_utf8(text, next);
            if (is_ascii_digit(cp)) {
                if (auto match = match_document_number(text, pos)) {
                    emit_reference(*match);
                    pos = match->end;
                    continue;
                }
            }
            // A combining mark with no letter before it starts no word.
            if (is_word_char(cp) && unicode::strip_diacritics(cp) != 0) {
                pos = scan_word(pos);
                continue;
            }
            if (cp >= 0x80) check_nfc(unicode::is_nfc_inert(cp));
            pos = next;
        }
    }

    /// Whether every character of the text is NFC-inert (unicode::is_nfc_inert), so that the
    /// text is in NFC: each character is decoded here, in a word, a document number or between.
    [[nodiscard]] bool saw_only_nfc_inert() const { return nfc_inert_; }

private:
    // Builds a token's exact and folded forms in one pass over its characters. Folding does
    // not depend on where the tone mark sits, so only the exact form may need canonical tone
    // placement afterwards. In most syllables the characters' traits show the tone already
    // where it belongs (see place_tone), and the syllable is not decoded again.
    class Forms {
    public:
        explicit Forms(Token& token) : t_(token) {}

        void append_ascii(unsigned char byte) {
            const char lower = (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte + 32) : static_cast<char>(byte);
            t_.exact.push_back(lower);
            t_.folded.push_back(lower);
            if (breaks_syllable(lower)) t_.letters_only = false;
        }
        void append_apostrophe() { append_ascii('\''); }  // people’s = people's

        /// A non-ASCII character that is part of the token whatever it is; returns its traits.
        std::uint8_t append(char32_t cp) {
            const std::size_t before = t_.folded.size();
            const std::uint8_t traits = unicode::append_folded_forms(cp, t_.exact, t_.folded);
            count(traits);
            if (std::any_of(t_.folded.begin() + static_cast<std::ptrdiff_t>(before), t_.folded.end(), breaks_syllable))
                t_.letters_only = false;
            return traits;
        }

        /// A non-ASCII character, appended only if it is a word character; returns its traits
        /// (0 for no word character). No word character folds to a digit or an apostrophe
        /// (analyzers_test checks every code point).
        std::uint8_t append_if_word_char(char32_t cp) {
            const std::uint8_t traits = unicode::append_if_word_char(cp, t_.exact, t_.folded);
            count(traits);
            return traits;
        }

        // canonicalize_tone_placement's rules, where the traits settle them: with one tone, on
        // a vowel, the tone belongs on ơ if there is one, else on the vowel with a quality mark
        // (ă â ê ô ư), else, in a syllable of one vowel, on that vowel. Any other token (two
        // vowel groups, say) is one that function leaves as it is, or decodes again.
        void place_tone() {
            if (tones_ == 0) return;
            if (tones_ == 1 && toned_vowel_) {
                if (toned_ & unicode::kHornO) {
                    if (horn_os_ == 1) return;
                } else if (toned_ & unicode::kQualityVowel) {
                    if (quality_vowels_ == 1) return;
                } else if (std::count_if(t_.folded.begin(), t_.folded.end(), is_vowel_letter) == 1) {
                    return;
                }
            }
            unicode::canonicalize_tone_placement(t_.exact);
        }

    private:
        void count(std::uint8_t traits) {
            if (traits & unicode::kVietnamese) t_.vietnamese_letter = true;
            quality_vowels_ += (traits & unicode::kQualityVowel) != 0;
            horn_os_ += (traits & unicode::kHornO) != 0;
            if (!(traits & unicode::kToned)) return;
            ++tones_;
            toned_ = traits;
            toned_vowel_ = !t_.folded.empty() && is_vowel_letter(t_.folded.back());
        }

        Token& t_;
        int tones_ = 0;
        int quality_vowels_ = 0, horn_os_ = 0;
        std::uint8_t toned_ = 0;
        bool toned_vowel_ = false;
    };

    // The token is built where it will stay, at the end of the list, and taken back if it
    // turns out to be no word: moving a finished token would copy both its strings.
    Token& start_token(std::size_t begin, TokenKind kind, std::uint32_t position) {
        Token& token = out_.tokens.emplace_back();
        token.position = position;
        token.begin = static_cast<std::uint32_t>(begin);
        token.kind = kind;
        token.letters_only = true;
        return token;
    }

    void finish_token(Token& token, Forms& forms, std::size_t end) {
        token.end = static_cast<std::uint32_t>(end);
        // Too long for a word (base64, hashes), or a lone combining mark.
        if (end - token.begin > Analyzer::kMaxTokenBytes || token.folded.empty()) {
            out_.tokens.pop_back();
            return;
        }
        forms.place_tone();
    }

    void emit(std::size_t begin, std::size_t end, TokenKind kind, std::uint32_t position) {
        if (end - begin > Analyzer::kMaxTokenBytes) return;
        const std::string_view raw = std::string_view(out_.text).substr(begin, end - begin);
        Token& token = start_token(begin, kind, position);
        token.exact.reserve(raw.size());
        token.folded.reserve(raw.size());
        Forms forms(token);
        for (std::size_t p = 0; p < raw.size();) {
            const auto byte = static_cast<unsigned char>(raw[p]);
            if (byte < 0x80) {
                forms.append_ascii(byte);
                ++p;
                continue;
            }
            const char32_t cp = decode_utf8(raw, p);
            if (cp == 0x2019) forms.append_apostrophe();  // NFC-inert
            else check_nfc(forms.append(cp) & unicode::kNfcInert);
        }
        finish_token(token, forms, end);
    }

    void check_nfc(bool inert) { nfc_inert_ = nfc_inert_ && inert; }

    void emit_reference(const DocumentNumberMatch& match) {
        // The separators between the parts ("–" in "126/NQ–CP") are decoded only here.
        const std::string_view span = std::string_view(out_.text).substr(match.begin, match.end - match.begin);
        for (std::size_t p = 0; p < span.size();) {
            if (static_cast<unsigned char>(span[p]) < 0x80) {
                ++p;
                continue;
            }
            check_nfc(unicode::is_nfc_inert(decode_utf8(span, p)));
        }
        const std::uint32_t first = position_;
        for (std::size_t i = 0; i < match.part_spans.size(); ++i) {
            const auto [begin, end] = match.part_spans[i];
            const bool is_number = i == 0 || (i == 1 && match.value.year != 0);
            emit(begin, end, is_number ? TokenKind::number : TokenKind::word, position_++);
        }
        out_.references.push_back(ReferenceMention{match.value, static_cast<std::uint32_t>(match.begin),
                                                   static_cast<std::uint32_t>(match.end), first});
    }

    // A run of word characters, its forms built as it is scanned; digit groups joined by
    // . , : / - stay one token ("14/8/2023", "1.000.000"), and date-like groups also index
    // their parts.
    std::size_t scan_word(std::size_t start) {
        const std::string_view text = out_.text;
        const std::uint32_t position = position_++;
        Token& token = start_token(start, TokenKind::word, position);
        Forms forms(token);
        std::size_t pos = start;
        bool all_digits = true;
        bool grouped = false;
        bool has_part_separators = false;
        std::vector<std::pair<std::size_t, std::size_t>> parts;
        std::size_t part_begin = start;
        // Keep "people's", "don't" together: an apostrophe between letters.
        const auto apostrophe_joins = [&](std::size_t next) {
            return !all_digits && is_word_char(peek(text, next)) && !is_ascii_digit(peek(text, next));
        };
        for (;;) {
            while (pos < text.size()) {
                const auto byte = static_cast<unsigned char>(text[pos]);
                if (byte < 0x80) {
                    const bool digit = byte >= '0' && byte <= '9';
                    if (digit || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z')) {
                        all_digits = all_digits && digit;
                    } else if (byte != '\'' || !apostrophe_joins(pos + 1)) {
                        break;
                    }
                    forms.append_ascii(byte);
                    ++pos;
                    continue;
                }
                std::size_t next = pos;
                const char32_t cp = decode_utf8(text, next);
                if (cp == 0x2019) {
                    if (!apostrophe_joins(next)) break;  // run() checks what is left
                    forms.append_apostrophe();            // NFC-inert
                } else if (const std::uint8_t traits = forms.append_if_word_char(cp); traits != 0) {
                    check_nfc(traits & unicode::kNfcInert);
                    all_digits = false;
                } else {
                    break;
                }
                pos = next;
            }
            if (!all_digits || pos >= text.size()) break;
            const char sep = text[pos];
            const bool joins = sep == '.' || sep == ',' || sep == ':' || sep == '/' || sep == '-';
            if (!joins || !is_ascii_digit(peek(text, pos + 1))) break;
            parts.emplace_back(part_begin, pos);
            has_part_separators = has_part_separators || sep == '/' || sep == '-';
            grouped = true;
            forms.append_ascii(static_cast<unsigned char>(sep));
            pos += 1;
            part_begin = pos;
        }
        if (all_digits) token.kind = TokenKind::number;
        finish_token(token, forms, pos);
        if (grouped && has_part_separators) {
            parts.emplace_back(part_begin, pos);
            for (const auto& [b, e] : parts) emit(b, e, TokenKind::number, position);
        }
        return pos;
    }

    Analysis& out_;
    std::uint32_t position_;
    bool nfc_inert_ = true;
};

// Multi-syllable words: a best split of each run of syllables (dynamic programming over
// dictionary words and capitalized runs, as coccoc-tokenizer does, not greedy longest
// match), the words added as tokens after all the others.
class WordSegmenter {
public:
    explicit WordSegmenter(Analysis& analysis)
        : a_(analysis), dict_(WordDictionary::builtin()), english_(reads_as_english(analysis.tokens)) {}

    void run() {
        std::vector<Token>& tokens = a_.tokens;
        // Each token is tested once: the test of the token after a run starts the next run.
        const auto syllable_at = [&](std::size_t k) { return k < tokens.size() && is_syllable(tokens[k]); };
        bool syllable = syllable_at(0);
        for (std::size_t i = 0; i < tokens.size();) {
            std::size_t j = i + 1;
            bool next = syllable_at(j);
            if (syllable)
                while (next && may_join_as_word(a_.text, tokens[j - 1], tokens[j])) next = syllable_at(++j);
            if (j - i >= 2) prepare(i, j);
            i = j;
            syllable = next;
        }
        // The dictionary's cache lines for the whole text were asked for above: by now most
        // have arrived.
        for (const auto& [first, last] : buffers_.runs) segment(first, last);
        // The words go after all tokens, so that no token is moved to make room for them.
        tokens.reserve(tokens.size() + buffers_.words.size());
        for (const auto& [first, length, sole_fold] : buffers_.words) append_word(first, length, sole_fold);
    }

private:
    static constexpr std::size_t kMaxNameSyllables = 4;
    // Buffers::capital: a capitalized syllable that may be in a name, and may begin one.
    static constexpr std::uint8_t kInName = 1, kStartsName = 2;

    static bool is_syllable(const Token& t) {
        return t.kind == TokenKind::word && t.syllables == 1 && t.letters_only;
    }

    // Name-like: starts with a capital and is not an all-capitals acronym (UBND).
    bool is_capitalized(const Token& t) const {
        std::size_t p = t.begin;
        if (!is_upper(decode_utf8(a_.text, p))) return false;
        if (p >= t.end) return true;
        return !is_upper(decode_utf8(a_.text, p));
    }

    // Most syllables begin with an ASCII letter: no ICU call for those.
    static bool is_upper(char32_t cp) {
        if (cp < 0x80) return cp >= U'A' && cp <= U'Z';
        return u_isupper(static_cast<UChar32>(cp));
    }

    bool may_start_name(const Token& t) const {
        return may_start_a_name(t.exact) && (!english_ || may_start_a_name_in_english(t.folded));
    }

    // Hashes the syllables of the run [first, last) and prefetches its two-syllable spans.
    void prepare(std::size_t first, std::size_t last) {
        const std::vector<Token>& s = a_.tokens;
        if (buffers_.hashes.size() < s.size()) {
            buffers_.hashes.resize(s.size());
            buffers_.accented.resize(s.size());
            buffers_.capital.resize(s.size());
        }
        // One hash a syllable: a span with any accent is looked up by its exact form, and in
        // a span without one the exact and folded forms are the same text.
        for (std::size_t k = first; k < last; ++k) {
            const Token& t = s[k];
            buffers_.hashes[k] = WordDictionary::hash(t.exact);
            buffers_.accented[k] = t.has_diacritics();
            // A name is of Vietnamese syllables: "Committee Nguyen Thanh Binh" in English
            // text is the name its Vietnamese original has, "Nguyễn Thanh Bình".
            buffers_.capital[k] = is_capitalized(t) && may_be_vietnamese_syllable(t.folded)
                                      ? kInName | (may_start_name(t) ? kStartsName : 0)
                                      : 0;
        }
        // Every syllable but the last starts a two-syllable span that the search looks up.
        for (std::size_t k = first; k + 1 < last; ++k) {
            const bool folded = !buffers_.accented[k] && !buffers_.accented[k + 1];
            if (!folded || !english_) dict_.prefetch(WordDictionary::extend(buffers_.hashes[k], buffers_.hashes[k + 1]), folded);
        }
        buffers_.runs.emplace_back(first, last);
    }

    void segment(std::size_t first, std::size_t last) {
        const std::size_t n = last - first;
        const std::uint64_t* hashes = buffers_.hashes.data() + first;
        const std::uint8_t* accented = buffers_.accented.data() + first;
        const std::uint8_t* capital = buffers_.capital.data() + first;
        // score[k]: best score of the first k syllables; a word of L syllables scores 4L^2,
        // one found by its folded form only 4L^2 - 1, a name 4L^2 - 2 (the dictionary wins
        // ties), a lone syllable 4. A span written without diacritics that is no word as
        // written but folds to one ("gian thu", "gián thu") loses a tie to a word as written:
        // "thời gian thu hồ sơ" reads "thời_gian thu", not "thời gián_thu".
        buffers_.score.assign(n + 1, -1);
        buffers_.piece.assign(n + 1, 1);
        buffers_.sole_fold.assign(n + 1, 0);
        int* const score = buffers_.score.data();
        std::size_t* const piece = buffers_.piece.data();
        std::uint8_t* const sole_fold = buffers_.sole_fold.data();  // of the best split's last piece
        const auto relax = [&](std::size_t k, int candidate, std::size_t len, bool sole = false) {
            if (candidate > score[k]) {
                score[k] = candidate;
                piece[k] = len;
                sole_fold[k] = sole;
            }
        };
        score[0] = 0;
        for (std::size_t k = 0; k < n; ++k) {
            relax(k + 1, score[k] + 4, 1);
            std::uint64_t span = hashes[k];
            bool any_accent = accented[k], all_capital = (capital[k] & kStartsName) != 0;
            bool dictionary_open = true;
            for (std::size_t len = 2; k + len <= n && len <= std::max(WordDictionary::kMaxSyllables, kMaxNameSyllables); ++len) {
                const std::size_t e = k + len - 1;
                span = WordDictionary::extend(span, hashes[e]);
                any_accent = any_accent || accented[e];
                all_capital = all_capital && (capital[e] & kInName) != 0;
                const int weight = static_cast<int>(4 * len * len);
                if (dictionary_open && len <= WordDictionary::kMaxSyllables) {
                    // Text without any diacritics is looked up by its folded form, unless it
                    // is English.
                    const std::uint8_t flags = any_accent        ? dict_.exact(span)
                                               : !english_       ? dict_.folded(span)
                                                                 : 0;
                    if (flags & WordDictionary::kWord) {
                        const bool as_written = any_accent || (dict_.exact(span) & WordDictionary::kWord) != 0;
                        relax(k + len, score[k] + weight - (as_written ? 0 : 1), len, any_accent && (flags & WordDictionary::kSoleFold));
                    }
                    dictionary_open = (flags & WordDictionary::kPrefix) != 0;
                }
                if (all_capital && len <= kMaxNameSyllables) relax(k + len, score[k] + weight - 2, len);
                if (!dictionary_open && !all_capital) break;
            }
        }
        // Walk back from the end: the pieces of the best split, last first.
        const std::size_t words_before = buffers_.words.size();
        for (std::size_t k = n; k > 0; k -= piece[k])
            if (piece[k] > 1) buffers_.words.push_back({first + k - piece[k], piece[k], sole_fold[k] != 0});
        std::reverse(buffers_.words.begin() + static_cast<std::ptrdiff_t>(words_before), buffers_.words.end());
    }

    // The word of @p length syllables from token @p first, built at the end of the list;
    // @p sole_fold: the lookup that found it said no other dictionary word folds like it.
    void append_word(std::size_t first, std::size_t length, bool sole_fold) {
        std::vector<Token>& tokens = a_.tokens;
        Token& word = tokens.emplace_back();  // no reallocation: run() reserved room
        const Token& head = tokens[first];
        const Token& last = tokens[first + length - 1];
        word.position = head.position;
        word.begin = head.begin;
        word.end = last.end;
        word.kind = head.kind;
        word.letters_only = true;
        word.vietnamese_letter = std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                                             tokens.begin() + static_cast<std::ptrdiff_t>(first + length),
                                             [](const Token& t) { return t.vietnamese_letter; });
        word.syllables = static_cast<std::uint8_t>(length);
        std::size_t exact_size = length - 1, folded_size = length - 1;
        for (std::size_t m = first; m < first + length; ++m) {
            exact_size += tokens[m].exact.size();
            folded_size += tokens[m].folded.size();
        }
        word.exact.reserve(exact_size);
        word.folded.reserve(folded_size);
        for (std::size_t m = first; m < first + length; ++m) {
            if (m > first) {
                word.exact += '_';
                word.folded += '_';
            }
            word.exact += tokens[m].exact;
            word.folded += tokens[m].folded;
        }
        word.folds_unambiguously = sole_fold && word.has_diacritics();
    }

    struct Word {
        std::size_t first, length;  // first token, syllables
        bool sole_fold;             // folds like no other dictionary word (Token::folds_unambiguously)
    };
    // The working lists, kept by each thread from one text to the next, so that a text
    // allocates nothing large once they have grown (Analyzer::analyze into an Analysis says
    // why that matters); given back after a text far longer than any article.
    struct Buffers {
        std::vector<std::pair<std::size_t, std::size_t>> runs;  // runs of syllables that may make words: [first, last)
        std::vector<Word> words;
        std::vector<std::uint64_t> hashes;
        std::vector<std::uint8_t> accented, capital;
        std::vector<int> score;
        std::vector<std::size_t> piece;
        std::vector<std::uint8_t> sole_fold;  // of the best split's last piece, as piece
    };
    static constexpr std::size_t kMaxKeptSyllables = std::size_t{1} << 18;

    static Buffers& thread_buffers() {
        thread_local Buffers buffers;
        if (buffers.hashes.size() > kMaxKeptSyllables) buffers = Buffers{};
        buffers.runs.clear();
        buffers.words.clear();
        return buffers;
    }

    Analysis& a_;
    const WordDictionary& dict_;
    const bool english_;  // reads_as_english: no folded dictionary lookups, English names' starts
    Buffers& buffers_ = thread_buffers();
};

}  // namespace

std::string AnalyzerOptions::to_string() const { return words ? "words=1" : "words=0"; }

std::optional<AnalyzerOptions> AnalyzerOptions::parse(std::string_view text) {
    if (text == "words=1") return AnalyzerOptions{true};
    if (text == "words=0") return AnalyzerOptions{false};
    return std::nullopt;
}

Analysis Analyzer::analyze(std::string_view text, std::uint32_t first_position) const {
    Analysis analysis;
    analyze(text, analysis, first_position);
    return analysis;
}

void Analyzer::analyze(std::string_view text, Analysis& into, std::uint32_t first_position) const {
    // Room for all tokens at once: growing the list moves every token. News text has a token
    // every 5.9 bytes, and with its words one every 4.7 (4.2 in the densest of 3,000 articles).
    const auto tokenize = [&](Analysis& analysis) {
        analysis.tokens.clear();
        analysis.references.clear();
        analysis.tokens.reserve(analysis.text.size() / (options_.words ? 4 : 5));
        Tokenizer tokenizer(analysis, first_position);
        tokenizer.run();
        return tokenizer.saw_only_nfc_inert();
    };
    // Most text is in NFC already. It is tokenized as it is, and the tokenizer, which decodes
    // every character, says whether it is; only text it cannot vouch for is normalized (ICU)
    // and, if that changed it, tokenized again.
    into.text.assign(text);
    if (!tokenize(into)) {
        std::string nfc = unicode::normalize_nfc(text);
        if (nfc != into.text) {
            into.text = std::move(nfc);
            tokenize(into);
        }
    }
    // Before the words go after the tokens: the last token has the highest position.
    into.end_position = into.tokens.empty() ? first_position : into.tokens.back().position + 1;
    if (options_.words) WordSegmenter(into).run();
}

bool may_join_as_word(std::string_view text, const Token& left, const Token& right) {
    if (right.begin == left.end + 1 && text[left.end] == ' ') return true;  // the common case
    if (right.begin <= left.end) return false;
    const std::string_view gap = text.substr(left.end, right.begin - left.end);
    for (std::size_t p = 0; p < gap.size();) {
        const char32_t cp = decode_utf8(gap, p);
        if (cp != U' ' && cp != U'\t' && cp != 0x00A0) return false;
    }
    return true;
}

namespace {

// A multi-syllable word of the dictionary typed without diacritics ("quy dinh", "thi hanh"):
// Vietnamese, though it holds no Vietnamese letter. A run of capitalized syllables the
// segmenter kept together as a name ("Supreme Court") is no dictionary word.
bool is_dictionary_word_without_diacritics(const Token& word) {
    if (word.vietnamese_letter) return false;
    return (WordDictionary::builtin().folded(WordDictionary::hash_words(word.folded, '_')) & WordDictionary::kWord) != 0;
}

}  // namespace

std::vector<const Token*> first_per_position(const Analysis& analysis) {
    std::vector<const Token*> tokens;
    for (const Token& token : analysis.tokens)
        if (token.syllables == 1 && (tokens.empty() || tokens.back()->position != token.position)) tokens.push_back(&token);
    return tokens;
}

std::string detect_language(const Analysis& analysis) {
    LanguageSigns signs;
    for (const Token& token : analysis.tokens) {
        // Keyword queries typed without diacritics have no function words: "quy dinh". Each
        // syllable counts, so that "ban an" (a judgment) outweighs the English "an" in it.
        if (token.syllables > 1) {
            if (token.kind == TokenKind::word && is_dictionary_word_without_diacritics(token)) signs.vi += token.syllables;
            continue;
        }
        signs.count(token);
    }
    if (signs.vi == 0 && signs.en == 0) return "";
    return signs.vi > signs.en ? "vi" : "en";
}

std::string detect_query_language(const Analysis& analysis) {
    std::string language = detect_language(analysis);
    if (!language.empty()) return language;
    const bool english_word = std::any_of(analysis.tokens.begin(), analysis.tokens.end(), [](const Token& token) {
        return token.kind == TokenKind::word && token.syllables == 1 && token.folded.size() >= 3 && !token.has_diacritics() &&
               std::all_of(token.folded.begin(), token.folded.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
               !may_be_vietnamese_syllable(token.folded);
    });
    return english_word ? "en" : "";
}

}  // namespace tracuu
