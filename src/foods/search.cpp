// Ranked search over food descriptions: the rules are in docs/food-data.md, "Search"; the
// measured quality and speed in docs/performance.md, "Food search".
//
// Why an index built up front and not a scan of the descriptions for each query: a query then
// touches only the postings of its own words (about 3 µs for SR24, against about 0.4 ms for a
// scan that only lower-cases and compares every description), and the index is built in one
// pass over the text with no sorting of strings, so building it costs about what 5 scanning
// queries would. The `mgcalc` command, which searches once per process, pays that once. What
// keeps the build cheap:
//   - each description's bytes are read once; a word is folded in place and looked up in an
//     open-addressing hash table, whose probes compare the stored hash before any text;
//   - the per-description term lists (the forward index, which the ranking needs anyway) are
//     turned into posting lists by a counting sort on term; descriptions arrive in order, so
//     every posting list comes out sorted by description with no sort;
//   - terms are grouped for prefix (autocomplete) lookup by their first two bytes, again by a
//     counting sort, instead of sorting the vocabulary;
//   - compact arrays (2 + 2 + 1 bytes per word while ids fit in 16 bits), because fresh memory
//     costs a page fault per 4 KiB on first use, about a third of a build in a fresh process.
#include <mgcalc/foods/search.hpp>

#include "detail/utf8.hpp"

#include <algorithm>
#include <bit>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc {
namespace {

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

/// What a byte of a description or query is, as one table: 0 separates words, '\'' is an
/// apostrophe, anything else is the byte of a word in lower case. Words are runs of ASCII
/// letters and digits; the bytes of UTF-8 sequences (>= 0x80) count as letters so that
/// "jalapeño" stays one word; an apostrophe is dropped without ending the word ("McDONALD'S" ->
/// "mcdonalds", which is what people type).
constexpr std::array<char, 256> make_word_bytes() {
    std::array<char, 256> bytes{};
    for (int c = 0; c < 256; ++c) {
        const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (alphanumeric) bytes[static_cast<std::size_t>(c)] = static_cast<char>(c);
        if (c >= 'A' && c <= 'Z') bytes[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
    }
    bytes['\''] = '\'';
    return bytes;
}
constexpr std::array<char, 256> word_bytes = make_word_bytes();

char word_byte(char c) noexcept { return word_bytes[static_cast<unsigned char>(c)]; }

/// What a character that is not ASCII is to a word.
enum class non_ascii_role { letter, apostrophe, separator };
struct non_ascii {
    non_ascii_role role;
    std::size_t length;  ///< its bytes
};

/// The character at `p` (whose first byte is >= 0x80). Letters such as "ñ" and "é" stay in the
/// word ("jalapeño"). The typographic apostrophes (U+2018, U+2019, U+02BC) are dropped as '\''
/// is ("McDonald’s"). Punctuation and spaces, which phones and word processors type ("banana’",
/// "“almonds”", a no-break space), end the word, as do bytes that are not UTF-8: a stray
/// character must not make a word that matches nothing. Separators: U+0080-U+00BF (no-break
/// space, «», ´, ½), × and ÷, General Punctuation U+2000-U+206F, CJK punctuation U+3000-U+303F,
/// U+FEFF and the full-width punctuation U+FF01-U+FF0F.
non_ascii read_non_ascii(const char* p, const char* end) noexcept {
    const detail::utf8::decoded d =
        detail::utf8::decode_at(std::string_view(p, static_cast<std::size_t>(end - p)), 0);
    if (!d.valid) return {non_ascii_role::separator, 1};
    const char32_t c = d.code;
    if (c == 0x2018 || c == 0x2019 || c == 0x02BC) return {non_ascii_role::apostrophe, d.length};
    const bool separator = c <= 0xBF || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
                           (c >= 0x3000 && c <= 0x303F) || c == 0xFEFF || (c >= 0xFF01 && c <= 0xFF0F);
    return {separator ? non_ascii_role::separator : non_ascii_role::letter, d.length};
}

/// Folds an English plural and its singular to one key, in place; returns the new length. The
/// key need not be a word: what matters is that singular and plural meet. Harman's "S stemmer"
/// (D. Harman, "How effective is suffixing?", JASIS 42(1), 1991) with the spellings food names
/// need:
///
///   berries, berry      -> berry    -ies -> -y; also -ie -> -y, so cookie and cookies meet
///   pies, pie           -> pie      (a four-letter -ies word only loses its s)
///   leaves, loaves      -> leaf, loaf   -eaves, -oaves, -lves -> -f (halves -> half)
///   tomatoes, tomato    -> tomato   -oes -> -o; also -oe -> -o, so aloe and aloes meet
///   peaches, radishes   -> peach, radish   -ches, -shes, -sses, -xes, -zzes lose -es;
///   quiche, quiches     -> quich    also -che -> -ch, so those singulars meet too
///   seeds, oats, figs   -> seed, oat, fig   a final s goes, except after s or u:
///   swiss, hummus, asparagus   unchanged
///
/// Words of three bytes or fewer are left alone ("gas"; "peas" -> "pea" has four).
inline std::size_t fold_plural(char* word, std::size_t length) noexcept {
    if (length <= 3) return length;
    const auto at = [&](std::size_t from_end) { return word[length - from_end]; };  // at(1) is the last
    if (at(1) == 's') {
        if (at(2) == 's' || at(2) == 'u') return length;  // swiss, hummus
        if (at(2) != 'e') return length - 1;               // seeds
        switch (at(3)) {
        case 'i':  // berries, pies
            if (length == 4) return length - 1;
            word[length - 3] = 'y';
            return length - 2;
        case 'v':  // leaves, loaves, halves; olives, chives only lose the s
            if (at(4) == 'l' || (length >= 6 && at(4) == 'a' && (at(5) == 'e' || at(5) == 'o'))) {
                word[length - 3] = 'f';
                return length - 2;
            }
            return length - 1;
        case 'o':  // tomatoes
        case 'x':  // boxes
            return length - 2;
        case 'h':  // peaches, radishes
            return (at(4) == 'c' || at(4) == 's') ? length - 2 : length - 1;
        case 's':  // glasses
        case 'z':  // fizzes
            return at(4) == at(3) ? length - 2 : length - 1;
        default:
            return length - 1;
        }
    }
    if (at(1) == 'e') {
        if (at(2) == 'i') {  // cookie
            word[length - 2] = 'y';
            return length - 1;
        }
        if (at(2) == 'o' || (at(2) == 'h' && at(3) == 'c')) return length - 1;  // aloe, quiche
    }
    return length;
}

/// Words longer than this are cut to it, in descriptions and queries alike.
constexpr std::size_t max_word_length = 64;

/// One word of a text, as the tokenizer hands it over.
struct word_event {
    char* text;            ///< lower case, apostrophes dropped, not folded; the callee may change it
    std::size_t length;
    std::size_t segment;   ///< comma-separated segment; commas inside parentheses do not count
    std::size_t position;  ///< word number in the text, from 0
    bool in_parentheses;   ///< "(includes crisphead types)"
    bool capitalised;      ///< ALL CAPS: at least 3 capitals, and capitals are most of the word
    bool initial_capital;  ///< the word starts with a capital letter ("Navajo")
    std::size_t parenthesis;  ///< which top-level parenthesis it is in, from 1 (0 outside)
};

/// Calls on_word(word_event&) for each word of `text` and on_ampersand(segment) for each '&'.
template <typename OnWord, typename OnAmpersand>
void for_each_word(std::string_view text, OnWord&& on_word, OnAmpersand&& on_ampersand) {
    std::array<char, max_word_length> word;
    std::size_t segment = 0;
    std::size_t position = 0;
    int depth = 0;  // "Chickpeas (garbanzo beans, bengal gram), mature seeds": two segments
    std::size_t parenthesis = 0;
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        const char c = *p;
        if (static_cast<unsigned char>(c) >= 0x80) {
            const non_ascii character = read_non_ascii(p, end);
            if (character.role != non_ascii_role::letter) {  // a word does not start with an apostrophe
                p += character.length;
                continue;
            }
        }
        if (word_byte(c) == 0) {
            if (c == '(') {
                if (depth++ == 0) ++parenthesis;
            } else if (c == ')') {
                depth = depth > 0 ? depth - 1 : 0;
            } else if (c == ',' && depth == 0) {
                ++segment;
            } else if (c == '&') {
                on_ampersand(segment);
            }
            ++p;
            continue;
        }
        std::size_t length = 0;
        unsigned capitals = 0;
        const bool initial_capital = c >= 'A' && c <= 'Z';
        for (; p < end; ++p) {
            if (static_cast<unsigned char>(*p) >= 0x80) {
                const non_ascii character = read_non_ascii(p, end);
                if (character.role == non_ascii_role::separator) break;
                if (character.role == non_ascii_role::apostrophe) {
                    p += character.length - 1;
                    continue;
                }
                for (std::size_t k = 0; k + 1 < character.length; ++k, ++p) {
                    if (length < max_word_length) word[length++] = *p;
                }
            }
            const char b = word_byte(*p);
            if (b == 0) break;
            if (b == '\'') continue;
            capitals += static_cast<unsigned>(static_cast<unsigned char>(*p) - 'A') < 26u;
            if (length < max_word_length) word[length++] = b;
        }
        if (length == 0) continue;  // a lone apostrophe
        word_event event{word.data(), length, segment, position++, depth > 0, capitals >= 3 && 2 * capitals > length,
                         initial_capital, depth > 0 ? parenthesis : 0};
        on_word(event);
    }
}

/// A fast hash of a short key: eight bytes at a time, each step a multiply-xorshift (the
/// finaliser of MurmurHash3). Terms are words of a few bytes, so one or two steps.
std::uint32_t hash_of(std::string_view text) noexcept {
    const auto mix = [](std::uint64_t x) {
        x *= 0xff51afd7ed558ccdull;
        return x ^ (x >> 32);
    };
    std::uint64_t hash = 0x9e3779b97f4a7c15ull ^ text.size();
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, text.data() + i, 8);
        hash = mix(hash ^ chunk);
    }
    std::uint64_t tail = 0;
    for (unsigned shift = 0; i < text.size(); ++i, shift += 8) {
        tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i])) << shift;
    }
    hash = mix(hash ^ tail);
    return static_cast<std::uint32_t>(hash);
}

/// One bit per letter a word has (see food_search::index::term_letters).
std::uint32_t letters_of(std::string_view word) noexcept {
    std::uint32_t bits = 0;
    for (const char c : word) {
        const unsigned shift = c >= 'a' && c <= 'z' ? static_cast<unsigned>(c - 'a') : (c >= '0' && c <= '9' ? 26u : 27u);
        bits |= 1u << shift;
    }
    return bits;
}

/// Prefix buckets: terms grouped by their first two bytes, each mapped to 0 (none: a one-byte
/// term), 1-26 (a-z), 27-36 (0-9) or 37 (any other byte, i.e. UTF-8).
constexpr std::size_t bucket_letters = 38;
constexpr std::size_t bucket_count = bucket_letters * bucket_letters;

constexpr std::size_t bucket_letter(char c) noexcept {
    if (c >= 'a' && c <= 'z') return static_cast<std::size_t>(c - 'a') + 1;
    if (c >= '0' && c <= '9') return static_cast<std::size_t>(c - '0') + 27;
    return 37;
}

/// a == b, inline: words are a few bytes, shorter than a call to memcmp.
bool same_text(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i]) return false;
    }
    return true;
}

std::size_t bucket_of(std::string_view term) noexcept {
    return bucket_letter(term[0]) * bucket_letters + (term.size() > 1 ? bucket_letter(term[1]) : 0);
}

// ---------------------------------------------------------------------------------------------
// What the ranking knows about a description
// ---------------------------------------------------------------------------------------------

/// Roles of a few words of food descriptions; where a role counts is noted.
enum term_role : std::uint32_t {
    role_plain = 1 << 0,        ///< "raw", "plain", anywhere: the plain form of a food
    role_concentrated = 1 << 1, ///< "powder", "instant", "concentrate", "espresso", ... anywhere
    role_baby = 1 << 2,         ///< "babyfood", first segment
    role_infant = 1 << 3,       ///< "infant"/"child" + "formula", first segment
    role_formula = 1 << 4,
    role_fast = 1 << 5,         ///< "fast" + "food(s)", first segment: "Fast foods, ..."
    role_food = 1 << 6,
    role_restaurant = 1 << 7,   ///< "restaurant", first segment: "Restaurant, Chinese, ..."
    role_dish = 1 << 8,         ///< a dish, first segment: "Soup, ...", "Chicken salad"
    role_connective = 1 << 9,   ///< "with", "and", "w", "in", first segment: "Pasta with meatballs"
    role_entree = 1 << 10,      ///< "entree", "dinner", "meal", anywhere: "..., canned entree"
    role_generic = 1 << 11,     ///< "all", "average", anywhere: the food across its kinds
    role_prepared = 1 << 12,    ///< "cooked", "boiled", "brewed", "baked", ... anywhere
    role_unprepared = 1 << 13,  ///< "raw", "uncooked", "dry", "dried", "unprepared", anywhere
    role_eaten_prepared = 1 << 14,  ///< a kind of food usually eaten prepared, first segment or query
    role_product = 1 << 15,     ///< a food made from another: "oil", "butter", "flour", ... as a head
    role_other_animal = 1 << 16,  ///< "goat", "sheep", "buffalo", ...: milk not of the cow, anywhere
    role_other_form = 1 << 17,  ///< "canned", "frozen", "smoked", "sprouted", ...: not freshly cooked
    role_part = 1 << 18,        ///< "skin", "peel", "rind": a part of the food, alone in a segment
    role_joining = 1 << 19,     ///< "with", "without", "and", "or", ...: no meaning of their own for typicality
    role_dry = 1 << 20,         ///< "dry": alone in a segment, the powder of a food ("Milk, dry, whole")
    role_made_further = 1 << 21,  ///< "toasted", "recipe": a further or home-made form ("Bread, ..., toasted")
};

struct role_word {
    std::string_view word;  ///< as indexed: lower case and plural-folded
    std::uint32_t roles;
};

// "dried" and "dry" are not concentrated forms here: seeds, nuts, beans and pasta are eaten
// dried. Dish words are kinds of prepared mixed dish that USDA names first (SR24 food groups 06
// "Soups, sauces, and gravies", 22 "Meals, entrees, and side dishes"); "pie" and "sauce" are left
// out because "Pie, pumpkin" is what "pumpkin pie" means and a sauce is a single food.
//
// The form people eat (docs/food-data.md, "The form people eat"): some kinds of food are eaten
// cooked or brewed, so a bare name means the prepared form unless the words say raw, dry or
// uncooked: legumes, grains and pasta, starchy roots and tubers, meat, poultry, fish and
// shellfish, and coffee and tea. Those kinds are recognised by a word of the description's first
// segment ("Beans, black, ...", "Fish, salmon, ...", "Rice, brown, ...") or of the query ("oats"
// for "Cereals, oats, ..."), so the rule serves any database whose descriptions name the food.
// A product made from a food ("Oil, flaxseed", "Nuts, cashew butter", "Candies, ... with
// almonds", "Rice flour") is rarely what the food's name means: its head word is one of the
// product words below. Milk means cow's milk unless another animal is named.
constexpr std::array role_words{
    role_word{"raw", role_plain | role_unprepared},
    role_word{"plain", role_plain},
    role_word{"dehydrated", role_concentrated},
    role_word{"powder", role_concentrated},
    role_word{"powdered", role_concentrated},
    role_word{"instant", role_concentrated},
    role_word{"concentrate", role_concentrated},
    role_word{"condensed", role_concentrated},
    role_word{"evaporated", role_concentrated},
    role_word{"espresso", role_concentrated},
    role_word{"babyfood", role_baby},
    role_word{"infant", role_infant},
    role_word{"child", role_infant},
    role_word{"formula", role_formula},
    role_word{"fast", role_fast},
    role_word{"food", role_food},
    role_word{"restaurant", role_restaurant},
    role_word{"soup", role_dish},
    role_word{"stew", role_dish},
    role_word{"salad", role_dish},
    role_word{"sandwich", role_dish},
    role_word{"pizza", role_dish},
    role_word{"casserole", role_dish},
    role_word{"burrito", role_dish},
    role_word{"lasagna", role_dish},
    role_word{"with", role_connective | role_joining},
    role_word{"and", role_connective | role_joining},
    role_word{"w", role_connective | role_joining},
    role_word{"in", role_connective | role_joining},
    role_word{"entree", role_entree},
    role_word{"dinner", role_entree},
    role_word{"meal", role_entree},
    role_word{"breaded", role_entree},
    role_word{"battered", role_entree},
    role_word{"without", role_joining},
    role_word{"or", role_joining},
    role_word{"of", role_joining},
    role_word{"the", role_joining},
    role_word{"all", role_generic},
    role_word{"average", role_generic},
    // Prepared and unprepared forms.
    role_word{"cooked", role_prepared},
    role_word{"boiled", role_prepared},
    role_word{"brewed", role_prepared},
    role_word{"baked", role_prepared},
    role_word{"broiled", role_prepared},
    role_word{"roasted", role_prepared},
    role_word{"grilled", role_prepared},
    role_word{"steamed", role_prepared},
    role_word{"simmered", role_prepared},
    role_word{"stewed", role_prepared},
    role_word{"braised", role_prepared},
    role_word{"poached", role_prepared},
    role_word{"uncooked", role_unprepared},
    role_word{"dry", role_unprepared | role_dry},
    role_word{"toasted", role_made_further},
    role_word{"recipe", role_made_further},
    role_word{"dried", role_unprepared},
    role_word{"unprepared", role_unprepared},
    role_word{"canned", role_other_form},
    role_word{"smoked", role_other_form},
    role_word{"pickled", role_other_form},
    role_word{"cured", role_other_form},
    role_word{"frozen", role_other_form},
    role_word{"sprouted", role_other_form},
    role_word{"skin", role_part},
    role_word{"peel", role_part},
    role_word{"rind", role_part},
    // Kinds usually eaten prepared. Legumes:
    role_word{"bean", role_eaten_prepared},
    role_word{"lentil", role_eaten_prepared},
    role_word{"chickpea", role_eaten_prepared},
    role_word{"garbanzo", role_eaten_prepared},
    role_word{"pea", role_eaten_prepared},
    role_word{"soybean", role_eaten_prepared},
    role_word{"cowpea", role_eaten_prepared},
    role_word{"edamame", role_eaten_prepared},
    // grains and pasta:
    role_word{"rice", role_eaten_prepared},
    role_word{"quinoa", role_eaten_prepared},
    role_word{"oat", role_eaten_prepared},
    role_word{"barley", role_eaten_prepared},
    role_word{"millet", role_eaten_prepared},
    role_word{"bulgur", role_eaten_prepared},
    role_word{"buckwheat", role_eaten_prepared},
    role_word{"couscous", role_eaten_prepared},
    role_word{"amaranth", role_eaten_prepared},
    role_word{"teff", role_eaten_prepared},
    role_word{"spelt", role_eaten_prepared},
    role_word{"kamut", role_eaten_prepared},
    role_word{"sorghum", role_eaten_prepared},
    role_word{"pasta", role_eaten_prepared},
    role_word{"spaghetti", role_eaten_prepared},
    role_word{"macaroni", role_eaten_prepared},
    role_word{"noodle", role_eaten_prepared},
    // starchy roots and tubers:
    role_word{"potato", role_eaten_prepared},
    role_word{"yam", role_eaten_prepared},
    role_word{"taro", role_eaten_prepared},
    role_word{"cassava", role_eaten_prepared},
    role_word{"plantain", role_eaten_prepared},
    // meat, poultry, fish and shellfish:
    role_word{"beef", role_eaten_prepared},
    role_word{"pork", role_eaten_prepared},
    role_word{"lamb", role_eaten_prepared},
    role_word{"veal", role_eaten_prepared},
    role_word{"chicken", role_eaten_prepared},
    role_word{"turkey", role_eaten_prepared},
    role_word{"duck", role_eaten_prepared},
    role_word{"goose", role_eaten_prepared},
    role_word{"fish", role_eaten_prepared},
    role_word{"crustacean", role_eaten_prepared},
    role_word{"mollusk", role_eaten_prepared},
    role_word{"salmon", role_eaten_prepared},
    role_word{"tuna", role_eaten_prepared},
    role_word{"cod", role_eaten_prepared},
    role_word{"shrimp", role_eaten_prepared},
    // coffee and tea:
    role_word{"coffee", role_eaten_prepared},
    role_word{"tea", role_eaten_prepared},
    // Products made from a food, as a head word.
    role_word{"oil", role_product},
    role_word{"butter", role_product},
    role_word{"margarine", role_product},
    role_word{"spread", role_product},
    role_word{"paste", role_product},
    role_word{"candy", role_product},
    role_word{"sauce", role_product},
    role_word{"gravy", role_product},
    role_word{"flour", role_product},
    role_word{"starch", role_product},
    role_word{"syrup", role_product},
    role_word{"juice", role_product},
    role_word{"nectar", role_product},
    role_word{"drink", role_product},
    role_word{"milk", role_product},
    role_word{"yogurt", role_product},
    role_word{"buttermilk", role_product},
    role_word{"cooky", role_product},
    role_word{"cake", role_product},
    role_word{"bread", role_product},
    role_word{"muffin", role_product},
    role_word{"cracker", role_product},
    role_word{"chip", role_product},
    role_word{"bar", role_product},
    role_word{"pudding", role_product},
    role_word{"jam", role_product},
    role_word{"jelly", role_product},
    role_word{"preserve", role_product},
    role_word{"snack", role_product},
    role_word{"bran", role_product},
    role_word{"germ", role_product},
    // Milk of another animal than the cow.
    role_word{"goat", role_other_animal},
    role_word{"sheep", role_other_animal},
    role_word{"buffalo", role_other_animal},
    role_word{"human", role_other_animal},
    role_word{"camel", role_other_animal},
};

/// Facts about one description, fixed at construction.
enum description_flag : std::uint16_t {
    flag_plain = 1 << 0,
    flag_concentrated = 1 << 1,
    flag_brand = 1 << 2,       ///< an ALL-CAPS word: "KRAFT", "McDONALD'S", "USDA Commodity"
    flag_baby = 1 << 3,        ///< "Babyfood, ...", "Infant formula, ..."
    flag_restaurant = 1 << 4,  ///< "Fast foods, ...", "Restaurant, ..."
    flag_mixed_dish = 1 << 5,  ///< role_dish or role_connective or '&' first, or role_entree
    flag_generic = 1 << 6,     ///< "all" or "average": "all commercial varieties", "year round average"
    flag_prepared = 1 << 7,    ///< "cooked", "boiled", "brewed", ...
    flag_unprepared = 1 << 8,  ///< "raw", "uncooked", "dry", ...
    flag_eaten_prepared = 1 << 9,  ///< a kind usually eaten prepared, named in the first segment
    flag_other_form = 1 << 10,  ///< "canned", "frozen", "smoked", "sprouted", ...
    flag_part = 1 << 11,        ///< only a part of the food: "Potatoes, baked, skin"
    flag_made_further = 1 << 12,  ///< toasted, or prepared from a home recipe
};

/// Segments told apart by the ranking: 0, 1, 2 and "3 or later".
constexpr std::size_t max_segment = 3;

/// No such word (description_facts::product_at, animal_at).
constexpr std::uint8_t no_word = UINT8_MAX;

struct description_facts {
    std::uint16_t flags;
    /// Distinct terms outside parentheses of segments 0, 1 and 2, four bits each (capped at 15;
    /// the top four bits are unused): a segment whose terms are all query words names the food
    /// as typed ("Nuts, almonds" for "almonds", "Cheese, cheddar" for "cheddar cheese").
    std::uint16_t segment_terms;
    std::size_t terms_in_segment(std::size_t segment) const noexcept { return segment_terms >> (4 * segment) & 15u; }
    /// Where in the description's terms (from description_start) a product word heads the name
    /// ("oil" in "Oil, flaxseed", "butter" in "Nuts, cashew butter"), and a word for another
    /// animal's milk ("goat") is: they cost unless the query names them. no_word when there is
    /// none. One byte each keeps the facts of every description small enough to stay in cache.
    std::uint8_t product_at = no_word;
    std::uint8_t animal_at = no_word;
};

/// What the ranking knows of one term of one description, in one byte (one byte per word keeps
/// the forward index small, see the top of the file):
///   bits 7-6  the segment of its first occurrence (capped at 3)
///   bit  5    it is the head of that segment: the segment's last word outside parentheses
///             ("almonds" in "Nuts, almonds", "butter" and not "almond" in "Nuts, almond butter")
///   bit  4    it is alone in that segment: "raw" in "Spinach, raw", not in "..., from raw kernels"
///   bits 3-0  the segments 0, 1, 2 and 3-or-later in which it occurs outside parentheses
using place = std::uint8_t;
constexpr place place_head = 1 << 5;
constexpr place place_alone = 1 << 4;
constexpr place place_of(std::size_t segment) noexcept {
    return static_cast<place>(std::min(segment, max_segment) << 6);
}
constexpr place segment_bit(std::size_t segment) noexcept {
    return static_cast<place>(1u << std::min(segment, max_segment));
}
constexpr std::size_t segment_of(place p) noexcept { return p >> 6; }
/// Bits 3-0: the word occurs outside parentheses somewhere.
constexpr place outside_parentheses = 0x0f;

/// The word names the food itself: a segment's head ("black" is not, "beans" is, in "Beans,
/// black, ..."; "tahini" in "Seeds, sesame butter, tahini"), but not the head of a segment of
/// ingredients ("almonds" in "Candies, milk chocolate, with almonds").
constexpr bool names_the_food(place where) noexcept { return (where & place_head) != 0; }

/// The word is the head of the first or second segment, where USDA names the food and its kind.
constexpr bool heads_the_name(place where) noexcept { return (where & place_head) != 0 && segment_of(where) <= 1; }

/// Query words that need not match: "macaroni and cheese" needs macaroni and cheese.
constexpr std::array<std::string_view, 9> stop_words{"a", "an", "and", "in", "of", "or", "the", "with", "w"};

bool is_stop_word(std::string_view word) noexcept {
    return std::find(stop_words.begin(), stop_words.end(), word) != stop_words.end();
}

// ---------------------------------------------------------------------------------------------
// Ranking weights. A food scores points for where each query word sits in its description,
// gains or loses a little for each other word by how typical that word is of the best-matching
// foods, and loses points for kinds of food people rarely mean. The values come from the
// reasoning in the comments; the head-word rule, typicality, "plain" and the concentrated forms
// were added when a first version, which counted every extra word against a food, missed tofu,
// milk, yogurt, coffee, tomato, white rice and chicken breast on tests/cases/search_queries.hpp.
// docs/food-data.md ("Search") records the quality and how it moves when one weight changes:
// only "chicken breast" is near an edge.
// ---------------------------------------------------------------------------------------------

/// USDA writes the food's name first: "Spinach, raw", "Seeds, pumpkin and squash seed kernels".
/// The last word of the first segment is the food itself ("Milk" in "Milk, sheep, fluid",
/// "yogurt" in "Tofu yogurt"); another word there names a different food made of it ("Milk
/// shakes", "Chicken breast tenders"), as does the second segment ("Nuts, almonds", "Fish,
/// salmon") in another way; later segments hold details and ingredients ("Pasta, spinach").
constexpr double head_points = 3.0;
constexpr double first_segment_points = 2.0;
constexpr double second_segment_points = 2.0;
constexpr double later_segment_points = 1.0;
/// The head-word rule, carried to the second segment: its last word is the kind of the group
/// ("Nuts, almonds"), another word of it only qualifies that kind ("Nuts, almond butter",
/// "Beans, black turtle soup"), so it scores less than the segment's head.
constexpr double second_segment_modifier_points = 1.5;
/// A segment made only of query words names the food as typed: "Nuts, almonds" for "almonds",
/// "Cheese, cheddar" for "cheddar cheese", "Seeds, sesame seeds" for "sesame seeds" (segments
/// 0-2, each such segment).
constexpr double whole_segment_points = 0.5;
/// A last word that only completes ("egg" -> "eggplant") ranks below a word typed in full.
constexpr double completion_cost = 1.5;
/// A word read through its common name ("oatmeal" as oats) or corrected from a typo ("spinch"
/// as spinach) counts a little less than one typed as USDA writes it, so that the literal word
/// wins where it exists ("oatmeal cookies").
constexpr double common_name_cost = 0.5;
constexpr double correction_cost = 1.0;
/// Typos: words of at least five letters, at most two letters away (insertion, deletion,
/// substitution or swap of neighbours), tried only for a word no term has.
constexpr std::size_t min_typo_word_length = 5;
constexpr std::size_t max_typo_distance = 2;
/// Each word the query did not ask for scores typical_word_points x (share - typical_share),
/// where share is the fraction of the best-matching foods that have the word: the qualifiers
/// most of them share ("fluid, with added vitamin D" of milk, "cooked, boiled, drained") cost
/// nothing or gain a little, a word that marks an unusual variant ("sheep", "glutinous",
/// "chicory") costs. So the plain food is the typical member of its kind, however long USDA's
/// description of it is.
constexpr double typical_word_points = 0.25;
constexpr double typical_share = 0.4; constexpr double typical_gain_points = 0.05;
/// "raw" and "plain" mark the plain form of a food; powders, instant and concentrated forms are
/// rarely what a bare food name means ("coffee" is brewed coffee).
constexpr double plain_points = 0.5;
constexpr double concentrated_cost = 0.5;
/// "all" and "average" mark USDA's entry for the food in general, across its kinds ("Avocados,
/// raw, all commercial varieties", "Beans, kidney, all types", "Turkey, all classes",
/// "Tomatoes, red, ripe, raw, year round average"), which is what a bare food name means.
/// Half the plain bonus: a weaker sign, and one that brands also use ("ALL-BRAN").
constexpr double generic_points = 0.25;
/// Kinds of food a search for an everyday food rarely means: large enough to move them below
/// the plain food, small enough that they still come first when nothing else matches.
constexpr double brand_cost = 3.0;
/// The form people eat (see role_eaten_prepared): for the kinds usually eaten cooked or
/// brewed, the cooked form gains and the raw, dry or uncooked form loses, unless the query asks
/// for it. The two together outweigh a first-segment head (3) against a second-segment one (2)
/// and the raw/plain bonus they replace.
constexpr double prepared_points = 1.0;
constexpr double unprepared_cost = 1.0;
/// A product made from the food named as the description's head ("Oil, flaxseed") or another
/// animal's milk ("Milk, goat"), when the query does not name it: below the plain food, still
/// first when nothing else matches.
constexpr double product_cost = 2.0;
/// A part of the food alone ("Potatoes, baked, skin") is not the food.
constexpr double part_cost = 1.0;
/// Toast is bread further prepared, and a food "prepared from recipe" the home-made variant of
/// one usually bought: a bare name rarely means them ("whole wheat bread", "white bread").
constexpr double made_further_cost = 0.25;
constexpr double other_animal_cost = 1.5;
constexpr double baby_food_cost = 4.0;
constexpr double restaurant_cost = 3.0;
constexpr double mixed_dish_cost = 2.0;

/// Term and description ids, in 16 bits while they fit (SR24: 7,907 descriptions, 2,600 terms)
/// and in 32 from the first that does not: half the memory, so half the page faults of a
/// freshly built index, for one well-predicted branch per read.
class id_array {
public:
    std::size_t size() const noexcept { return wide_ ? wide_ids_.size() : narrow_ids_.size(); }
    std::uint32_t operator[](std::size_t i) const noexcept { return wide_ ? wide_ids_[i] : narrow_ids_[i]; }

    void reserve(std::size_t n) { narrow_ids_.reserve(n); }
    void push_back(std::uint32_t id) {
        if (!wide_ && id > 0xffff) widen();
        if (wide_) {
            wide_ids_.push_back(id);
        } else {
            narrow_ids_.push_back(static_cast<std::uint16_t>(id));
        }
    }
    /// n ids to be set(), all below `limit`.
    void resize(std::size_t n, std::size_t limit) {
        if (limit > 0x10000) widen();
        if (wide_) {
            wide_ids_.resize(n);
        } else {
            narrow_ids_.resize(n);
        }
    }
    void set(std::size_t i, std::uint32_t id) noexcept {
        if (wide_) {
            wide_ids_[i] = id;
        } else {
            narrow_ids_[i] = static_cast<std::uint16_t>(id);
        }
    }

private:
    void widen() {
        wide_ids_.assign(narrow_ids_.begin(), narrow_ids_.end());
        narrow_ids_ = {};
        wide_ = true;
    }

    std::vector<std::uint16_t> narrow_ids_;
    std::vector<std::uint32_t> wide_ids_;
    bool wide_ = false;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

struct food_search::index {
    const food_database* database;

    std::string term_text;                         ///< every term, back to back
    std::vector<std::uint32_t> term_start;         ///< term t: term_text[term_start[t], term_start[t + 1])
    std::vector<std::uint32_t> term_hash;
    std::vector<std::uint32_t> hash_table;  ///< term id + 1 (0: empty); open addressing, power-of-two size
    std::vector<std::uint32_t> posting_start;  ///< postings of term t: [posting_start[t], posting_start[t + 1])
    id_array postings;                         ///< descriptions, grouped by term, ascending within a term
    std::vector<std::uint32_t> description_start;  ///< terms of description d: [start[d], start[d + 1])
    /// The terms that count for typicality come first: [start[d], typical_end[d]); joining words
    /// and words only in parentheses follow.
    std::vector<std::uint32_t> typical_end;
    id_array description_terms;                    ///< the forward index: each description's distinct terms
    std::vector<place> description_places;         ///< where each of those terms first occurs
    std::vector<description_facts> descriptions;
    std::vector<std::uint32_t> term_roles;  ///< term_role bits of each term
    /// Which letters each term has, one bit per letter (a-z; 26: a digit; 27: another byte): a
    /// typo of d letters changes at most 2d of them, so most terms are ruled out by one xor.
    std::vector<std::uint32_t> term_letters;
    std::vector<std::uint32_t> bucket_start;  ///< terms of prefix bucket b: bucket_terms[bucket_start[b] ...]
    std::vector<std::uint32_t> bucket_terms;

    explicit index(const food_database& source);

    std::size_t term_count() const noexcept { return term_start.size() - 1; }
    std::string_view term(std::uint32_t t) const noexcept {
        return std::string_view(term_text.data() + term_start[t], term_start[t + 1] - term_start[t]);
    }
    /// Calls f(term id) for each distinct term of description d.
    template <typename F>
    void for_each_term_of(std::uint32_t d, F&& f) const {
        for (std::uint32_t i = description_start[d]; i < description_start[d + 1]; ++i) f(description_terms[i]);
    }
    /// Calls f(term id) for each term of description d that counts for typicality.
    template <typename F>
    void for_each_typical_term_of(std::uint32_t d, F&& f) const {
        for (std::uint32_t i = description_start[d]; i < typical_end[d]; ++i) f(description_terms[i]);
    }
    /// Where term t first occurs in description d, which has it.
    place place_in(std::uint32_t d, std::uint32_t t) const noexcept {
        std::uint32_t i = description_start[d];
        while (description_terms[i] != t) ++i;
        return description_places[i];
    }

    /// The slot of `word` in the hash table: its entry, or the empty entry where it would go.
    std::size_t probe(std::string_view word, std::uint32_t hash) const noexcept {
        const std::size_t mask = hash_table.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const std::uint32_t entry = hash_table[slot];
            if (entry == 0) return slot;
            if (term_hash[entry - 1] == hash && same_text(term(entry - 1), word)) return slot;
        }
    }

    /// The term id of `word`, or -1.
    std::int64_t find(std::string_view word) const noexcept {
        const std::uint32_t entry = hash_table[probe(word, hash_of(word))];
        return static_cast<std::int64_t>(entry) - 1;
    }

    /// Calls f(term id) for every term that starts with `prefix` (not empty).
    template <typename F>
    void for_each_term_with_prefix(std::string_view prefix, F&& f) const {
        const auto scan = [&](std::size_t bucket) {
            for (std::uint32_t i = bucket_start[bucket]; i < bucket_start[bucket + 1]; ++i) {
                if (term(bucket_terms[i]).starts_with(prefix)) f(bucket_terms[i]);
            }
        };
        if (prefix.size() >= 2) {
            scan(bucket_of(prefix));
        } else {
            const std::size_t first = bucket_letter(prefix[0]) * bucket_letters;
            for (std::size_t b = first; b < first + bucket_letters; ++b) scan(b);
        }
    }

private:
    std::uint32_t insert(std::string_view word);
};

std::uint32_t food_search::index::insert(std::string_view word) {
    const std::uint32_t hash = hash_of(word);
    const std::size_t slot = probe(word, hash);
    if (hash_table[slot] != 0) return hash_table[slot] - 1;
    const auto id = static_cast<std::uint32_t>(term_count());
    term_text.append(word);
    term_start.push_back(static_cast<std::uint32_t>(term_text.size()));
    term_hash.push_back(hash);
    hash_table[slot] = id + 1;
    if (term_count() * 2 > hash_table.size()) {  // keep the load at most 1/2
        std::vector<std::uint32_t> bigger(hash_table.size() * 2, 0);
        const std::size_t mask = bigger.size() - 1;
        for (std::uint32_t t = 0; t < term_hash.size(); ++t) {
            std::size_t s = term_hash[t] & mask;
            while (bigger[s] != 0) s = (s + 1) & mask;
            bigger[s] = t + 1;
        }
        hash_table = std::move(bigger);
    }
    return id;
}

food_search::index::index(const food_database& source) : database(&source) {
    const std::size_t document_count = source.size();
    // SR24 has 7,907 descriptions, 64,000 words and 2,600 distinct terms; the vectors grow if
    // another source has more.
    std::size_t table_size = 1024;  // about one term per three descriptions: no growth for SR24
    while (table_size < document_count) table_size *= 2;
    hash_table.assign(table_size, 0);
    term_start.reserve(4096);
    term_hash.reserve(4096);
    term_start.push_back(0);
    term_text.reserve(32 * 1024);
    descriptions.resize(document_count);
    description_start.resize(document_count + 1);
    description_terms.reserve(document_count * 9);
    description_places.reserve(document_count * 9);

    // Pass 1: the forward index, each description's distinct terms in order of first occurrence.
    for (std::size_t d = 0; d < document_count; ++d) {
        const auto first = static_cast<std::uint32_t>(description_terms.size());
        description_start[d] = first;
        std::uint16_t flags = 0;
        std::uint16_t segment_terms = 0;
        // The entry of the last word outside parentheses seen so far, and its segment: when the
        // next such word is in a later segment (or the text ends), it was its segment's head.
        std::size_t head_entry = SIZE_MAX;
        std::size_t head_segment = 0;
        std::size_t segment_words = 0;  // words of the segment outside parentheses
        bool ingredient_segment = false;  // it starts with "with", "without", "in", ...: "..., with almonds"
        const auto close_segment = [&] {
            if (head_entry != SIZE_MAX && !ingredient_segment &&
                segment_of(description_places[head_entry]) == std::min(head_segment, max_segment)) {
                description_places[head_entry] |= place_head;
            }
            if (head_entry != SIZE_MAX && segment_words == 1) description_places[head_entry] |= place_alone;
            head_entry = SIZE_MAX;
            segment_words = 0;
        };
        // A parenthesis of capitalised words is a proper name: the traditional food of a people
        // ("(Alaska Native)", "(Navajo)", "(Northern Plains Indians)") or a maker ("(Hormel)"),
        // which a plain food name rarely means; ranked as a brand.
        std::size_t parenthesis = 0;
        bool proper_name = false;
        const auto close_parenthesis = [&] {
            if (parenthesis != 0 && proper_name) flags |= flag_brand;
            parenthesis = 0;
        };
        for_each_word(
            source.description(d),
            [&](const word_event& w) {
                // USDA writes brand and product names in capitals ("KRAFT", "McDONALD'S");
                // "NFS" ("not further specified") is its only capitalised descriptor in SR24.
                if (w.capitalised && std::string_view(w.text, w.length) != "nfs") flags |= flag_brand;
                if (w.parenthesis != parenthesis) {
                    close_parenthesis();
                    parenthesis = w.parenthesis;
                    proper_name = true;
                }
                proper_name &= w.initial_capital;
                const std::uint32_t t = insert(std::string_view(w.text, fold_plural(w.text, w.length)));
                std::size_t entry = first;
                while (entry < description_terms.size() && description_terms[entry] != t) ++entry;
                if (entry == description_terms.size()) {  // first occurrence
                    description_terms.push_back(t);
                    description_places.push_back(place_of(w.segment));
                }
                if (w.in_parentheses) return;
                if (w.segment != head_segment) close_segment();
                if (segment_words == 0) {
                    const std::string_view first_word(w.text, w.length);
                    ingredient_segment = first_word == "with" || first_word == "without" || first_word == "w" ||
                                         first_word == "in" || first_word == "and";
                }
                head_entry = entry;
                head_segment = w.segment;
                ++segment_words;
                place& where = description_places[entry];
                if (!(where & segment_bit(w.segment))) {
                    where |= segment_bit(w.segment);
                    const std::size_t shift = 4 * w.segment;
                    if (w.segment < max_segment && (segment_terms >> shift & 15u) < 15u) {
                        segment_terms = static_cast<std::uint16_t>(segment_terms + (1u << shift));
                    }
                }
            },
            [&](std::size_t segment) {
                if (segment == 0) flags |= flag_mixed_dish;  // "Lasagna with meat & sauce"
            });
        close_segment();
        close_parenthesis();
        descriptions[d] = description_facts{flags, segment_terms, no_word, no_word};
    }
    description_start[document_count] = static_cast<std::uint32_t>(description_terms.size());
    const std::size_t terms = term_count();

    term_letters.resize(terms);
    for (std::uint32_t t = 0; t < terms; ++t) term_letters[t] = letters_of(term(t));
    term_roles.assign(terms, 0);
    for (const role_word& r : role_words) {
        const std::int64_t t = find(r.word);
        if (t >= 0) term_roles[static_cast<std::size_t>(t)] |= r.roles;
    }

    // Pass 2: postings by a counting sort of the forward index on term (stable, so each list
    // stays in description order), and the flags that depend on which words sit where.
    posting_start.assign(terms + 1, 0);
    for (std::size_t i = 0; i < description_terms.size(); ++i) ++posting_start[description_terms[i] + 1];
    for (std::size_t t = 0; t < terms; ++t) posting_start[t + 1] += posting_start[t];
    postings.resize(description_terms.size(), document_count);
    std::vector<std::uint32_t> next(posting_start.begin(), posting_start.end() - 1);
    typical_end.resize(document_count);
    for (std::size_t d = 0; d < document_count; ++d) {
        std::uint32_t first_segment_roles = 0;
        std::uint32_t any_roles = 0;
        std::uint32_t alone_roles = 0;  // of words that are a segment by themselves
        // Typicality terms first (see typical_end): "with" and "without" say nothing of the
        // food, and words only in parentheses explain ("(includes soft bread crumbs)") rather
        // than make a variant.
        std::uint32_t end = description_start[d];
        for (std::uint32_t i = description_start[d]; i < description_start[d + 1]; ++i) {
            const std::uint32_t t = description_terms[i];
            const place where = description_places[i];
            if ((term_roles[t] & role_joining) || (where & outside_parentheses) == 0) continue;
            description_terms.set(i, description_terms[end]);
            description_places[i] = description_places[end];
            description_terms.set(end, t);
            description_places[end] = where;
            ++end;
        }
        typical_end[d] = end;
        description_facts& facts = descriptions[d];
        for (std::uint32_t i = description_start[d]; i < description_start[d + 1]; ++i) {
            const std::uint32_t t = description_terms[i];
            postings.set(next[t]++, static_cast<std::uint32_t>(d));
            any_roles |= term_roles[t];
            if (segment_of(description_places[i]) == 0) first_segment_roles |= term_roles[t];
            if (description_places[i] & place_alone) alone_roles |= term_roles[t];
            const auto at = static_cast<std::uint8_t>(std::min<std::uint32_t>(i - description_start[d], no_word));
            if ((term_roles[t] & role_product) && heads_the_name(description_places[i]) && facts.product_at == no_word) {
                facts.product_at = at;
            }
            if ((term_roles[t] & role_other_animal) && facts.animal_at == no_word) facts.animal_at = at;
        }
        std::uint16_t& flags = facts.flags;
        // "raw" and "plain" mark the plain form as a segment of their own ("Spinach, raw"), not
        // inside a detail ("Seeds, sesame butter, tahini, from raw and stone ground kernels").
        if (alone_roles & role_plain) flags |= flag_plain;
        // "dry" as a segment of its own is the dried powder ("Milk, dry, whole"; "Spaghetti, dry");
        // "dry roasted" nuts and "dried" seeds and fruit are not powders.
        if (alone_roles & role_dry) flags |= flag_concentrated;
        if (any_roles & role_made_further) flags |= flag_made_further;
        // "skin" as a segment of its own is the skin alone ("Potatoes, baked, skin"), not the
        // food with its skin ("..., flesh and skin").
        if (alone_roles & role_part) flags |= flag_part;
        if (any_roles & role_concentrated) flags |= flag_concentrated;
        if (any_roles & role_generic) flags |= flag_generic;
        if ((first_segment_roles & role_baby) ||
            ((first_segment_roles & role_infant) && (first_segment_roles & role_formula))) {
            flags |= flag_baby;
        }
        if ((first_segment_roles & role_restaurant) ||
            ((first_segment_roles & role_fast) && (first_segment_roles & role_food))) {
            flags |= flag_restaurant;
        }
        if ((first_segment_roles & (role_dish | role_connective)) || (any_roles & role_entree)) {
            flags |= flag_mixed_dish;
        }
        if (any_roles & role_prepared) flags |= flag_prepared;
        if (any_roles & role_unprepared) flags |= flag_unprepared;
        if (first_segment_roles & role_eaten_prepared) flags |= flag_eaten_prepared;
        if (any_roles & role_other_form) flags |= flag_other_form;
    }

    // Prefix buckets, by a counting sort of the term ids on their first two bytes.
    bucket_start.assign(bucket_count + 1, 0);
    for (std::uint32_t t = 0; t < terms; ++t) ++bucket_start[bucket_of(term(t)) + 1];
    for (std::size_t b = 0; b < bucket_count; ++b) bucket_start[b + 1] += bucket_start[b];
    bucket_terms.resize(terms);
    std::vector<std::uint32_t> bucket_next(bucket_start.begin(), bucket_start.end() - 1);
    for (std::uint32_t t = 0; t < terms; ++t) bucket_terms[bucket_next[bucket_of(term(t))]++] = t;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

namespace {

/// How a query word was satisfied by a term.
enum class hit_kind : std::uint8_t {
    typed,        ///< the word as typed (or its singular/plural)
    completion,   ///< the last word, unfinished: the term starts with it
    common_name,  ///< an everyday name that USDA writes differently ("oatmeal" -> "oats")
    correction,   ///< a typo of one or two letters corrected ("spinch" -> "spinach")
};

/// A description that has a term satisfying one query word.
struct slot_hit {
    std::uint32_t description;
    std::uint32_t term;
    hit_kind kind;
    bool implies_prepared;  ///< through a common name that means the prepared food ("oatmeal")
};

/// The points of one query word for where it sits in a description (see head_points).
double hit_points(place where, const slot_hit& hit) noexcept {
    const bool head = (where & place_head) != 0;
    double points = 0;
    switch (segment_of(where)) {
    case 0: points = head ? head_points : first_segment_points; break;
    case 1: points = head ? second_segment_points : second_segment_modifier_points; break;
    default: points = later_segment_points; break;
    }
    switch (hit.kind) {
    case hit_kind::typed: break;
    case hit_kind::completion: points -= completion_cost; break;
    case hit_kind::common_name: points -= common_name_cost; break;
    case hit_kind::correction: points -= correction_cost; break;
    }
    return points;
}

/// The word names the food itself: the head of the first segment, or of the second.


struct query_word {
    std::string text;    ///< lower case, not folded
    std::string folded;  ///< plural-folded
};

struct candidate {
    double score;
    double match;               ///< the points for where the query's words are
    std::uint32_t description;
    std::uint32_t first_match;  ///< the matched terms: matched_terms[first_match, + slot count)
    match_evidence evidence;
};

/// Everyday names that USDA writes another way, as indexed (lower case, plural-folded). Each is
/// a name of the same food in common American or British use, not a guess at what a person
/// wants: "oatmeal" and "porridge" are oats cooked in water or milk, and USDA lists wheat pasta
/// by its shapes. docs/food-data.md, "Common names", lists them.
struct common_name {
    std::string_view typed;
    std::string_view usda;
    bool prepared;  ///< the name means the food cooked ("oatmeal" is cooked oats)
};
constexpr std::array common_names{
    common_name{"oatmeal", "oat", true},       common_name{"porridge", "oat", true},
    common_name{"pasta", "spaghetti", false},  common_name{"pasta", "macaroni", false},
    common_name{"pasta", "noodle", false},     common_name{"yoghurt", "yogurt", false},
    common_name{"aubergine", "eggplant", false}, common_name{"courgette", "zucchini", false},
    common_name{"ketchup", "catsup", false},   common_name{"prawn", "shrimp", false},
    common_name{"beetroot", "beet", false},    common_name{"swede", "rutabaga", false},
    common_name{"maize", "corn", false},       common_name{"garbanzo", "chickpea", false},
};

/// Restricted Damerau-Levenshtein (optimal string alignment) distance between two short words,
/// or `limit + 1` as soon as it must exceed `limit`: insertions, deletions, substitutions and
/// swaps of two neighbouring letters each count 1 ("almnods" is 1 from "almonds").
std::size_t typo_distance(std::string_view a, std::string_view b, std::size_t limit) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > limit) return limit + 1;
    constexpr std::size_t longest = max_word_length + 1;
    std::array<std::array<std::size_t, longest>, 3> rows{};  // two rows back, the previous, this one
    for (std::size_t j = 0; j <= b.size(); ++j) rows[1][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::array<std::size_t, longest>& current = rows[(i + 1) % 3];
        const std::array<std::size_t, longest>& previous = rows[i % 3];
        const std::array<std::size_t, longest>& before_previous = rows[(i + 2) % 3];
        current[0] = i;
        std::size_t row_best = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before_previous[j - 2] + 1);
            current[j] = d;
            row_best = std::min(row_best, d);
        }
        if (row_best > limit) return limit + 1;
    }
    return rows[(a.size() + 1) % 3][b.size()];
}

}  // namespace

food_search::food_search(const food_database& database) : index_(std::make_unique<const index>(database)) {}

food_search::food_search(std::shared_ptr<const food_database> database)
    : owned_(std::move(database)), index_(std::make_unique<const index>(*owned_)) {}
food_search::~food_search() = default;
food_search::food_search(food_search&&) noexcept = default;
food_search& food_search::operator=(food_search&&) noexcept = default;

const food_database& food_search::database() const noexcept { return *index_->database; }

std::string_view to_string(word_reading::kind_of_reading kind) noexcept {
    return kind == word_reading::kind_of_reading::common_name ? "common name" : "typo";
}

std::vector<food_match> food_search::search(std::string_view query, std::size_t limit) const {
    std::vector<word_reading> readings;
    return search(query, limit, readings);
}

std::vector<food_match> food_search::search(std::string_view query, std::size_t limit,
                                            std::vector<word_reading>& readings) const {
    std::vector<food_match> matches;
    readings.clear();
    if (!index_ || limit == 0) return matches;
    const index& ix = *index_;

    // The query's words. The last may be unfinished (autocomplete) unless the query ends in a
    // space or other separator: "pumpk" finds pumpkin, "pumpk " does not.
    std::vector<query_word> words;
    for_each_word(
        query,
        [&](const word_event& w) {
            query_word word{std::string(w.text, w.length), {}};
            word.folded.assign(w.text, fold_plural(w.text, w.length));
            words.push_back(std::move(word));
        },
        [](std::size_t) {});
    if (words.empty()) return matches;
    const bool last_is_prefix = word_byte(query.back()) != 0;

    // Each required word becomes a slot: the hits of every term that satisfies it. Earlier words
    // must match a term exactly (after plural folding); the last may also be a term's beginning.
    // A word also matches the USDA name of its common name, and a word of five letters or more
    // that no term has (nor begins with, for the last word) matches the terms one or two typed
    // letters away.
    // The hit lists are kept from query to query in a per-thread pool, so that a query does not
    // allocate them afresh (about a tenth of its time).
    thread_local std::vector<std::vector<slot_hit>> spare_lists;
    std::vector<std::vector<slot_hit>> slots;
    struct give_back {
        std::vector<std::vector<slot_hit>>& lists;
        ~give_back() {
            for (std::vector<slot_hit>& list : lists) spare_lists.push_back(std::move(list));
        }
    } return_lists{slots};
    const auto new_list = [] {
        if (spare_lists.empty()) return std::vector<slot_hit>{};
        std::vector<slot_hit> list = std::move(spare_lists.back());
        spare_lists.pop_back();
        list.clear();
        return list;
    };
    std::vector<std::size_t> slot_of_word(words.size(), SIZE_MAX);
    std::uint32_t asked_roles = 0;  // term_role bits of the words as they were read
    const bool only_stop_words =
        std::all_of(words.begin(), words.end(), [](const query_word& w) { return is_stop_word(w.text); });
    // A slot's hits stay in description order: each term's postings are merged in (stably, so
    // for one description the hits keep the order their terms were added in).
    thread_local std::vector<slot_hit> merged;
    const auto add_term = [&ix](std::vector<slot_hit>& hits, std::uint32_t t, hit_kind kind,
                                         bool implies_prepared = false) {
        const std::size_t old_size = hits.size();
        hits.reserve(old_size + (ix.posting_start[t + 1] - ix.posting_start[t]));
        for (std::uint32_t i = ix.posting_start[t]; i < ix.posting_start[t + 1]; ++i) {
            hits.push_back(slot_hit{ix.postings[i], t, kind, implies_prepared});
        }
        if (old_size == 0 || hits[old_size - 1].description < hits[old_size].description) return;
        merged.clear();
        std::merge(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(old_size),
                   hits.begin() + static_cast<std::ptrdiff_t>(old_size), hits.end(), std::back_inserter(merged),
                   [](const slot_hit& a, const slot_hit& b) { return a.description < b.description; });
        hits.swap(merged);
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool prefix = last_is_prefix && i + 1 == words.size();
        if (!prefix && !only_stop_words && is_stop_word(words[i].text)) continue;
        std::vector<slot_hit> hits = new_list();
        const std::int64_t exact = ix.find(words[i].folded);
        if (exact >= 0) {
            add_term(hits, static_cast<std::uint32_t>(exact), hit_kind::typed);
            asked_roles |= ix.term_roles[static_cast<std::size_t>(exact)];
        }
        if (prefix) {
            ix.for_each_term_with_prefix(words[i].text, [&](std::uint32_t t) {
                if (static_cast<std::int64_t>(t) != exact) add_term(hits, t, hit_kind::completion);
            });
        }
        for (const common_name& name : common_names) {
            if (name.typed != words[i].folded) continue;
            const std::int64_t t = ix.find(name.usda);
            if (t < 0 || t == exact) continue;
            add_term(hits, static_cast<std::uint32_t>(t), hit_kind::common_name, name.prepared);
            asked_roles |= ix.term_roles[static_cast<std::size_t>(t)];
            readings.push_back({words[i].text, std::string(ix.term(static_cast<std::uint32_t>(t))),
                                word_reading::kind_of_reading::common_name});
        }
        if (hits.empty() && words[i].folded.size() >= min_typo_word_length) {
            // The nearest terms, one letter away before two.
            std::vector<std::uint32_t> nearest;
            std::size_t best = max_typo_distance + 1;
            const std::uint32_t letters = letters_of(words[i].folded);
            for (std::uint32_t t = 0; t < ix.term_count(); ++t) {
                if (static_cast<std::size_t>(std::popcount(letters ^ ix.term_letters[t])) > 2 * max_typo_distance) continue;
                const std::size_t d = typo_distance(words[i].folded, ix.term(t), std::min(best, max_typo_distance));
                if (d > max_typo_distance || d > best) continue;
                if (d < best) nearest.clear();
                best = d;
                nearest.push_back(t);
            }
            for (std::uint32_t t : nearest) {
                add_term(hits, t, hit_kind::correction);
                asked_roles |= ix.term_roles[t];
                readings.push_back({words[i].text, std::string(ix.term(t)), word_reading::kind_of_reading::typo});
            }
        }
        slot_of_word[i] = slots.size();
        slots.push_back(std::move(hits));
    }
    // USDA writes some names as one word ("Nuts, brazilnuts", "Soymilk"): two adjacent query
    // words also match their concatenation, which then satisfies both.
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (slot_of_word[i] == SIZE_MAX || slot_of_word[i + 1] == SIZE_MAX) continue;
        const std::string joined = words[i].text + words[i + 1].text;
        const auto add_joined = [&](std::uint32_t t, hit_kind kind) {
            add_term(slots[slot_of_word[i]], t, kind);
            add_term(slots[slot_of_word[i + 1]], t, kind);
        };
        std::string folded = joined;
        folded.resize(fold_plural(folded.data(), folded.size()));
        const std::int64_t exact = ix.find(folded);
        if (exact >= 0) add_joined(static_cast<std::uint32_t>(exact), hit_kind::typed);
        if (last_is_prefix && i + 2 == words.size()) {
            ix.for_each_term_with_prefix(joined, [&](std::uint32_t t) {
                if (static_cast<std::int64_t>(t) != exact) add_joined(t, hit_kind::completion);
            });
        }
    }
    if (slots.empty()) return matches;

    // One hit per description per slot: the one with the most points (a word typed in full
    // beats a completion), the first added on a tie.
    for (std::vector<slot_hit>& hits : slots) {
        if (hits.empty()) return matches;  // no food has this word, so none has every word
        std::size_t kept = 0;
        for (std::size_t i = 0; i < hits.size(); ++i) {
            if (kept > 0 && hits[kept - 1].description == hits[i].description) {
                slot_hit& best = hits[kept - 1];
                const slot_hit& other = hits[i];
                if (hit_points(ix.place_in(other.description, other.term), other) >
                    hit_points(ix.place_in(best.description, best.term), best)) {
                    best = other;
                }
            } else {
                hits[kept++] = hits[i];
            }
        }
        hits.resize(kept);
    }
    // The rarest word drives the intersection; the others are found by binary search.
    std::sort(slots.begin(), slots.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });

    // What the words ask for, whatever food they find: a raw, dry or concentrated form.
    const bool asks_unprepared = (asked_roles & (role_unprepared | role_other_form | role_concentrated)) != 0;

    std::vector<candidate> candidates;
    candidates.reserve(slots[0].size());
    std::vector<std::uint32_t> matched_terms;
    matched_terms.reserve(slots[0].size() * slots.size());
    std::vector<std::size_t> cursor(slots.size(), 0);
    std::vector<const slot_hit*> found(slots.size(), nullptr);
    for (const slot_hit& lead : slots[0]) {
        found[0] = &lead;
        bool everywhere = true;
        for (std::size_t s = 1; s < slots.size() && everywhere; ++s) {
            const std::vector<slot_hit>& hits = slots[s];
            const auto at = std::lower_bound(
                hits.begin() + static_cast<std::ptrdiff_t>(cursor[s]), hits.end(), lead.description,
                [](const slot_hit& h, std::uint32_t description) { return h.description < description; });
            cursor[s] = static_cast<std::size_t>(at - hits.begin());
            everywhere = at != hits.end() && at->description == lead.description;
            if (everywhere) found[s] = &*at;
        }
        if (!everywhere) continue;

        const description_facts& facts = ix.descriptions[lead.description];
        double match = 0;
        const auto first_match = static_cast<std::uint32_t>(matched_terms.size());
        // Distinct matched terms per segment, for the whole-segment bonus (two query words
        // that matched one joined term, "soy milk" -> "soymilk", count once).
        std::array<std::size_t, max_segment> in_segment{};
        bool whole = true;
        match_evidence evidence{.names_the_food = false};
        bool means_prepared = false;
        for (const slot_hit* h : found) {
            const place where = ix.place_in(lead.description, h->term);
            match += hit_points(where, *h);
            evidence.names_the_food |= names_the_food(where);
            evidence.completed |= h->kind == hit_kind::completion;
            evidence.common_name |= h->kind == hit_kind::common_name;
            evidence.corrected |= h->kind == hit_kind::correction;
            means_prepared |= h->implies_prepared;
            if (std::find(matched_terms.begin() + first_match, matched_terms.end(), h->term) == matched_terms.end()) {
                bool in_first_segments = false;
                for (std::size_t k = 0; k < max_segment; ++k) {
                    const bool in_k = (where & segment_bit(k)) != 0;
                    in_segment[k] += in_k;
                    in_first_segments |= in_k;
                }
                whole &= in_first_segments;
            }
            matched_terms.push_back(h->term);
        }
        for (std::size_t k = 0; k < max_segment; ++k) {
            whole &= in_segment[k] == 0 || in_segment[k] == facts.terms_in_segment(k);
        }
        double score = match + (whole ? whole_segment_points : 0.0);
        // The form people eat: cooked or brewed for the kinds usually eaten so, unless the words
        // ask for a raw, dry or concentrated form.
        const bool eaten_prepared = (facts.flags & flag_eaten_prepared) || (asked_roles & role_eaten_prepared);
        const bool prefer_prepared = (eaten_prepared || means_prepared) && !asks_unprepared;
        if (prefer_prepared) {
            if (facts.flags & flag_prepared) {
                score += prepared_points;
            } else if ((facts.flags & flag_unprepared) || means_prepared) {
                // A common name that means the cooked food ("oatmeal") is not the food uncooked.
                score -= unprepared_cost;
            } else if (facts.flags & flag_plain) {
                score += plain_points;
            }
            if (facts.flags & flag_other_form) score -= unprepared_cost;
        } else if (facts.flags & flag_plain) {
            score += plain_points;
        }
        if (facts.flags & flag_concentrated) score -= concentrated_cost;
        if (facts.flags & flag_part) score -= part_cost;
        if ((facts.flags & flag_made_further) && !(asked_roles & role_made_further)) score -= made_further_cost;
        if (facts.flags & flag_generic) score += generic_points;
        if (facts.flags & flag_brand) score -= brand_cost;
        if (facts.flags & flag_baby) score -= baby_food_cost;
        if (facts.flags & flag_restaurant) score -= restaurant_cost;
        if (facts.flags & flag_mixed_dish) score -= mixed_dish_cost;
        candidates.push_back(candidate{score, match, lead.description, first_match, evidence});
    }
    if (candidates.empty()) return matches;

    // Typicality (see typical_word_points): how many of the best-matching foods have each word.
    // Counted in a per-thread array that is cleared again after use, so a query costs in
    // proportion to the foods it touches, not to the vocabulary. The same pass looks for words
    // the query did not ask for that make the food something else: a product made from it as
    // its head word ("Oil, flaxseed", "Nuts, cashew butter"), or another animal's milk.
    thread_local std::vector<std::uint32_t> sharing;
    if (sharing.size() < ix.term_count()) sharing.resize(ix.term_count(), 0);
    double best_match = candidates.front().match;
    for (const candidate& c : candidates) best_match = std::max(best_match, c.match);
    std::size_t best_count = 0;
    for (const candidate& c : candidates) {
        if (c.match < best_match) continue;
        ++best_count;
        ix.for_each_typical_term_of(c.description, [&](std::uint32_t t) { ++sharing[t]; });
    }
    for (candidate& c : candidates) {
        const std::uint32_t* const asked = matched_terms.data() + c.first_match;
        const std::uint32_t* const asked_end = asked + slots.size();
        const auto was_asked = [&](std::uint32_t t) { return std::find(asked, asked_end, t) != asked_end; };
        ix.for_each_typical_term_of(c.description, [&](std::uint32_t t) {
            if (was_asked(t)) return;
            const double share = static_cast<double>(sharing[t]) / static_cast<double>(best_count);
            c.score += share < typical_share ? typical_word_points * (share - typical_share)
                                             : typical_gain_points * (share - typical_share);
        });
        const description_facts& facts = ix.descriptions[c.description];
        const auto unasked = [&](std::uint8_t at) {
            return at != no_word && !was_asked(ix.description_terms[ix.description_start[c.description] + at]);
        };
        const bool product = unasked(facts.product_at);
        if (product) c.score -= product_cost;
        if (unasked(facts.animal_at)) c.score -= other_animal_cost;
        // The query names the food unless the food is a product of what it names ("almond milk"
        // finding "Candies, milk chocolate, with almonds"): a query word heads a segment, or no
        // product word the query did not ask for heads the food's name.
        c.evidence.names_the_food = c.evidence.names_the_food || !product;
    }
    for (const candidate& c : candidates) {
        if (c.match < best_match) continue;
        ix.for_each_typical_term_of(c.description, [&](std::uint32_t t) { sharing[t] = 0; });
    }

    // Best first; equal scores by id, so that the order never depends on the database's order.
    const food_database& database = *ix.database;
    const auto before = [&database](const candidate& a, const candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        const std::string_view id_a = database.id(a.description);
        const std::string_view id_b = database.id(b.description);
        if (id_a != id_b) return id_a < id_b;
        return a.description < b.description;
    };
    const std::size_t count = std::min(limit, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(count), candidates.end(),
                      before);
    matches.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        matches.push_back(food_match{candidates[i].description, candidates[i].score, candidates[i].evidence});
    }
    return matches;
}

const food_search& usda_sr24_search() {
    // Built on first use; C++11 guarantees that concurrent first calls build it once.
    static const food_search search(usda_sr24());
    return search;
}

}  // namespace mgcalc
