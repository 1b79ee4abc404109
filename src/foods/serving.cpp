// Servings: "1 1/2 cups", "2 tbsp", "100 g" (mgcalc/foods/serving.hpp), turned into grams through the
// food's own portions. The syntax and the matching rule are documented in docs/food-data.md,
// "Servings and household measures"; keep the two in step.
//
//   SERVING  = QUANTITY [spaces] MEASURE
//   QUANTITY = 2 | 0.5 | .5 | 1/2 | 1 1/2 | 1-1/2 | ½ | 1½ | 1 ½   (above 0, at most 10,000,000)
//   MEASURE  = the rest of the text: "g", "cups", "cup, chopped", "medium", "fl oz", ...
//
// Resolution, first rule that applies wins (ties: the first portion in the source's order):
//   1. a mass unit (mg, g, kg, oz, lb) converts exactly, never through a portion;
//   2. a portion whose measure equals the request (case, punctuation, unit spelling ignored);
//   3. the same, ignoring singular/plural ("3 piece" -> "pieces");
//   4. a portion whose measure starts with the request's words ("cup" -> "cup, chopped");
//      among several portions of one rule, the least changed form first ("cup, whole" before
//      "cup, sliced" before "cup, ground"), the others reported;
//   5. a volume (cup, tbsp, tsp, fl oz, pint, quart, gallon, mL, L) converts through a volume
//      portion of the same food: one of the very unit asked for ("serving 1 tbsp") first, then
//      a plain one, then one whose words start with the request's other words (the least
//      changed form first), then a "serving 1/2 cup" style portion;
//   otherwise errc::unknown_measure listing the food's measures.
// Grams = portion grams x requested quantity / (portion amount x the measure's own quantity, as
// in "1/2 cup" or FNDDS's "1 cup") [x the volume ratio, rule 5]. A portion chosen with an amount
// or weight that is not a finite number above 0 is an error (invalid_amount), never used.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/serving.hpp>

#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/detail/limits.hpp>
#include "detail/quantity.hpp"
#include "detail/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc {

namespace {

using detail::max_food_grams;  // the same limit day_intake::add_food applies
// The largest quantity parse_serving accepts: 10 kg written in milligrams, the smallest unit.
// Anything larger is a typing mistake whatever the measure.
constexpr double max_quantity = 10'000'000.0;

const std::string& accepted_syntax() {
    static const std::string text =
        "accepted: a quantity above 0 (2, 0.5, 1/2, 1 1/2, 1-1/2, \xC2\xBD, 1\xC2\xBD) followed by a measure "
        "(mg, g, kg, oz, lb; cup, tbsp, tsp, fl oz, mL, L; or one of the food's own portions such as "
        "\"medium\", \"slice\", \"cup, chopped\"), e.g. \"100 g\", \"1 1/2 cups\", \"2 tbsp\"";
    return text;
}

using detail::quoted;

// Numbers in explanations: up to 10 decimals, trailing zeros dropped (28.349523125, 16, 0.333).
std::string number(double value) { return detail::format_number(value, 10); }

// --- units ----------------------------------------------------------------------------------

enum class unit_kind { mass, volume };
enum class mass_unit { milligram, gram, kilogram, ounce, pound };

struct known_unit {
    std::string_view name;  ///< canonical token and display name: "cup", "fl oz", "mL"
    unit_kind kind;
    mass_unit mass;         ///< mass units only
    /// Volume units: size in US teaspoons when a US customary unit (exact small integers, so
    /// cup/tbsp ratios are exact in floating point), 0 for metric units.
    double teaspoons;
    double millilitres;  ///< volume units: size in mL
};

// US customary liquid volume, exact by definition: 1 gallon = 231 cubic inches and 1 inch =
// 2.54 cm, so 1 gallon = 3,785.411784 mL; 1 quart = 1/4 gallon, 1 pint = 1/8 gallon, 1 cup =
// 1/2 pint = 236.5882365 mL, 1 fl oz = 1/8 cup, 1 tbsp = 1/2 fl oz = 1/16 cup, 1 tsp = 1/3 tbsp
// = 1/48 cup (NIST Handbook 44, Appendix C, "Units of volume"). USDA SR gram weights are for US
// household measures (SR24 lists "cup (8 fl oz)"), which mgcalc takes as the customary cup.
// The FDA nutrition-label cup (21 CFR 101.9(b)(5)(viii): 1 cup = 240 mL, 1 tbsp = 15 mL,
// 1 tsp = 5 mL, 1 fl oz = 30 mL) has the same ratios among cup, tbsp, tsp and fl oz, so the
// choice changes only mL and L requests, by 240 / 236.59 - 1 = 1.4%.
// Boost.Units' us::pint_base_unit is rounded (0.4731765 L), so the exact values are written here.
constexpr double teaspoon_millilitres = 3'785.411784 / 768.0;  // 4.92892159375 mL

constexpr known_unit known_units[] = {
    {"mg", unit_kind::mass, mass_unit::milligram, 0, 0},
    {"g", unit_kind::mass, mass_unit::gram, 0, 0},
    {"kg", unit_kind::mass, mass_unit::kilogram, 0, 0},
    {"oz", unit_kind::mass, mass_unit::ounce, 0, 0},
    {"lb", unit_kind::mass, mass_unit::pound, 0, 0},
    {"tsp", unit_kind::volume, {}, 1, teaspoon_millilitres},
    {"tbsp", unit_kind::volume, {}, 3, 3 * teaspoon_millilitres},
    {"fl oz", unit_kind::volume, {}, 6, 6 * teaspoon_millilitres},
    {"cup", unit_kind::volume, {}, 48, 48 * teaspoon_millilitres},
    {"pint", unit_kind::volume, {}, 96, 96 * teaspoon_millilitres},
    {"quart", unit_kind::volume, {}, 192, 192 * teaspoon_millilitres},
    {"gallon", unit_kind::volume, {}, 768, 768 * teaspoon_millilitres},
    {"mL", unit_kind::volume, {}, 0, 1.0},
    {"L", unit_kind::volume, {}, 0, 1000.0},
};

struct unit_spelling {
    std::string_view word;  ///< lower case, as a single token
    std::string_view unit;  ///< canonical name in known_units
};

// Accepted spellings, singular and plural. Deliberately absent: "t" and "T" (tsp and tbsp in
// recipe shorthand differ only by case, a 3x error when case is lost), "c" (cup), "gr" (grain).
constexpr unit_spelling unit_spellings[] = {
    {"mg", "mg"},          {"mgs", "mg"},           {"milligram", "mg"},     {"milligrams", "mg"},
    {"milligramme", "mg"}, {"milligrammes", "mg"},  {"g", "g"},              {"gm", "g"},
    {"gms", "g"},          {"gram", "g"},           {"grams", "g"},          {"gramme", "g"},
    {"grammes", "g"},      {"kg", "kg"},            {"kgs", "kg"},           {"kilo", "kg"},
    {"kilos", "kg"},       {"kilogram", "kg"},      {"kilograms", "kg"},     {"oz", "oz"},
    {"ozs", "oz"},         {"ounce", "oz"},         {"ounces", "oz"},        {"lb", "lb"},
    {"lbs", "lb"},         {"pound", "lb"},         {"pounds", "lb"},        {"cup", "cup"},
    {"cups", "cup"},       {"tbsp", "tbsp"},        {"tbsps", "tbsp"},       {"tbs", "tbsp"},
    {"tbl", "tbsp"},       {"tablespoon", "tbsp"},  {"tablespoons", "tbsp"}, {"tsp", "tsp"},
    {"tsps", "tsp"},       {"teaspoon", "tsp"},     {"teaspoons", "tsp"},    {"floz", "fl oz"},
    {"ml", "mL"},          {"mls", "mL"},           {"milliliter", "mL"},    {"milliliters", "mL"},
    {"millilitre", "mL"},  {"millilitres", "mL"},   {"l", "L"},              {"liter", "L"},
    {"liters", "L"},       {"litre", "L"},          {"litres", "L"},         {"pint", "pint"},
    {"pints", "pint"},     {"pt", "pint"},          {"quart", "quart"},      {"quarts", "quart"},
    {"qt", "quart"},       {"gallon", "gallon"},    {"gallons", "gallon"},   {"gal", "gallon"},
};

const known_unit* unit_named(std::string_view canonical) {
    for (const known_unit& unit : known_units) {
        if (unit.name == canonical) return &unit;
    }
    return nullptr;
}

const known_unit* unit_spelled(std::string_view word) {
    for (const unit_spelling& spelling : unit_spellings) {
        if (spelling.word == word) return unit_named(spelling.unit);
    }
    return nullptr;
}

// The mass unit's exact size, through the Boost.Units aliases of units.hpp.
grams mass_of(double quantity, mass_unit unit) {
    using namespace unit_symbols;
    switch (unit) {
        case mass_unit::milligram: return in_grams(quantity * mg);
        case mass_unit::gram: return quantity * g;
        case mass_unit::kilogram: return in_grams(quantity * kg);
        case mass_unit::ounce: return in_grams(quantity * oz);
        case mass_unit::pound: return in_grams(quantity * lb);
    }
    return quantity * g;  // unreachable: every enumerator is handled above
}

// --- measure words --------------------------------------------------------------------------

/// A measure split into lower-case words, with a leading unit written in its canonical form:
/// "Cups, Chopped" -> {"cup", "chopped"}; "fl. oz" -> {"fl oz"}; "cup (8 fl oz)" -> {"cup",
/// "8", "fl", "oz"}. Punctuation separates words and is otherwise ignored, so "cup, chopped",
/// "cup chopped" and "cup,chopped" are one measure.
struct measure_words {
    std::vector<std::string> words;
    const known_unit* unit = nullptr;  ///< set when the first word is a known unit
    /// A portion measure's own leading quantity: 1 for "cup", 0.5 for "1/2 cup" (FoodData
    /// Central FNDDS portions are written "1 cup" with an amount of 1).
    double count = 1.0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        // '.' and '/' inside a number belong to it ("1.5", "1/2"); elsewhere they separate.
        const bool inside_number = (c == '.' || c == '/') && !current.empty() && is_digit(current.back()) &&
                                   i + 1 < text.size() && is_digit(text[i + 1]);
        if (is_digit(c) || is_ascii_letter(c) || byte >= 0x80 || inside_number) {
            current += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

bool is_ounce_word(std::string_view word) {
    return word == "oz" || word == "ozs" || word == "ounce" || word == "ounces";
}

measure_words read_measure(std::string_view text) {
    measure_words out{split_words(text)};
    std::vector<std::string>& words = out.words;
    if (words.empty()) return out;
    // "fl oz", "fl. oz.", "fluid ounces", and the label order "ounce fluid", "oz. fl.": a volume,
    // never the mass ounce.
    const auto is_fluid_word = [](std::string_view word) { return word == "fl" || word == "fluid"; };
    if (words.size() >= 2 && ((is_fluid_word(words[0]) && is_ounce_word(words[1])) ||
                              (is_ounce_word(words[0]) && is_fluid_word(words[1])))) {
        words.erase(words.begin());
        words[0] = "fl oz";
        out.unit = unit_named("fl oz");
        return out;
    }
    if (const known_unit* unit = unit_spelled(words[0])) {
        words[0] = std::string(unit->name);
        out.unit = unit;
    }
    return out;
}

/// Singular and plural of one word: "piece"/"pieces", "peach"/"peaches", "patty"/"patties",
/// "leaf"/"leaves", "knife"/"knives".
bool same_word(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() > b.size()) std::swap(a, b);  // a is the shorter, the singular candidate
    if (a.empty() || !is_ascii_letter(a.back())) return false;
    const std::string_view tail = b.substr(std::min(a.size(), b.size()));
    if (b.substr(0, a.size()) == a) {
        if (tail == "s") return true;  // cup/cups, slice/slices
        // peach/peaches, box/boxes, dish/dishes, tomato/tomatoes; not "can"/"canes"
        const auto ends_with = [&](std::string_view end) {
            return a.size() >= end.size() && a.substr(a.size() - end.size()) == end;
        };
        if (tail == "es" && (ends_with("s") || ends_with("x") || ends_with("z") || ends_with("ch") ||
                             ends_with("sh") || ends_with("o"))) {
            return true;
        }
    }
    if (a.size() >= 2 && b.size() == a.size() + 2 && b.substr(0, a.size() - 1) == a.substr(0, a.size() - 1)) {
        if (a.back() == 'y' && b.substr(a.size() - 1) == "ies") return true;  // patty/patties
        if (a.back() == 'f' && b.substr(a.size() - 1) == "ves") return true;  // leaf/leaves
    }
    if (a.size() >= 3 && a.substr(a.size() - 2) == "fe" && b.size() == a.size() + 1 &&
        b.substr(0, a.size() - 2) == a.substr(0, a.size() - 2) && b.substr(a.size() - 2) == "ves") {
        return true;  // knife/knives
    }
    return false;
}

/// `prefix` equals the first words of `words`, singular/plural ignored.
bool starts_with_words(const std::vector<std::string>& words, const std::vector<std::string>& prefix,
                       std::size_t from = 0) {
    if (words.size() < from + prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (!same_word(words[from + i], prefix[i])) return false;
    }
    return true;
}

// --- quantities -----------------------------------------------------------------------------

struct unicode_fraction {
    std::string_view utf8;
    double value;
};

// Vulgar fractions of Unicode's Latin-1 Supplement (U+00BC..U+00BE) and Number Forms
// (U+2153..U+215E) blocks.
constexpr unicode_fraction unicode_fractions[] = {
    {"\xC2\xBD", 1.0 / 2},     {"\xC2\xBC", 1.0 / 4},     {"\xC2\xBE", 3.0 / 4},     {"\xE2\x85\x93", 1.0 / 3},
    {"\xE2\x85\x94", 2.0 / 3}, {"\xE2\x85\x95", 1.0 / 5}, {"\xE2\x85\x96", 2.0 / 5}, {"\xE2\x85\x97", 3.0 / 5},
    {"\xE2\x85\x98", 4.0 / 5}, {"\xE2\x85\x99", 1.0 / 6}, {"\xE2\x85\x9A", 5.0 / 6}, {"\xE2\x85\x9B", 1.0 / 8},
    {"\xE2\x85\x9C", 3.0 / 8}, {"\xE2\x85\x9D", 5.0 / 8}, {"\xE2\x85\x9E", 7.0 / 8},
};

const unicode_fraction* unicode_fraction_at(std::string_view text) {
    for (const unicode_fraction& fraction : unicode_fractions) {
        if (text.substr(0, fraction.utf8.size()) == fraction.utf8) return &fraction;
    }
    return nullptr;
}

std::size_t count_digits(std::string_view text, std::size_t from) {
    std::size_t n = 0;
    while (from + n < text.size() && is_digit(text[from + n])) ++n;
    return n;
}

[[noreturn]] void parse_failure(std::string_view text, const std::string& problem) {
    throw error(errc::parse_error, "serving " + quoted(text) + ": " + problem + "; " + accepted_syntax());
}

[[noreturn]] void amount_failure(std::string_view text, const std::string& problem) {
    throw error(errc::invalid_amount, "serving " + quoted(text) + ": " + problem + "; " + accepted_syntax());
}

/// The number that digits (and a point) of `whole_text` write; invalid_amount, with the digits as
/// typed, when they are beyond what a double holds (400 digits) or below a normal double
/// (0.000...1 with 310 zeros), which would read as infinity or lose their value.
double to_double(std::string_view digits, std::string_view whole_text) {
    double value = 0;
    if (detail::read_decimal(digits, value) != detail::decimal_reading::number) {
        amount_failure(whole_text, "the number " + quoted(digits) + " is out of range; " + std::string(detail::decimal_range));
    }
    return value;
}

struct scanned_quantity {
    double value;
    std::size_t length;  ///< characters of the text it used
};

/// A number at the start of `text` (already trimmed): "2", "0.5", ".5", "1/2", "1 1/2", "1-1/2",
/// "½", "1½", "1 ½". Throws parse_error or invalid_amount (a zero denominator).
scanned_quantity scan_quantity(std::string_view text, std::string_view whole_text) {
    if (const unicode_fraction* fraction = unicode_fraction_at(text)) {
        return {fraction->value, fraction->utf8.size()};
    }
    std::size_t pos = count_digits(text, 0);
    const std::size_t integer_digits = pos;
    bool has_decimals = false;
    if (pos < text.size() && text[pos] == '.' && count_digits(text, pos + 1) > 0) {
        has_decimals = true;
        pos += 1 + count_digits(text, pos + 1);
    }
    if (pos == 0) parse_failure(whole_text, "it does not start with a quantity");
    double value = to_double(text.substr(0, pos), whole_text);

    if (pos < text.size() && text[pos] == '/') {
        const std::size_t denominator_digits = count_digits(text, pos + 1);
        if (has_decimals || integer_digits == 0 || denominator_digits == 0) {
            parse_failure(whole_text, "a fraction is written with whole numbers, like 1/2");
        }
        const double denominator = to_double(text.substr(pos + 1, denominator_digits), whole_text);
        if (denominator == 0) amount_failure(whole_text, "a fraction cannot have 0 as its denominator");
        value /= denominator;
        pos += 1 + denominator_digits;
    } else if (!has_decimals) {
        // A mixed number: "1 1/2", "1-1/2", "1½", "1 ½". The fraction must be proper (below 1).
        std::size_t next = pos;
        while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
        if (next == pos && next < text.size() && text[next] == '-') ++next;
        std::optional<double> fraction;
        std::size_t fraction_end = next;
        if (const unicode_fraction* symbol = unicode_fraction_at(text.substr(next))) {
            fraction = symbol->value;
            fraction_end = next + symbol->utf8.size();
        } else if (next > pos) {
            const std::size_t numerator_digits = count_digits(text, next);
            const std::size_t slash = next + numerator_digits;
            const std::size_t denominator_digits = count_digits(text, slash + 1);
            if (numerator_digits > 0 && slash < text.size() && text[slash] == '/' && denominator_digits > 0) {
                const double denominator = to_double(text.substr(slash + 1, denominator_digits), whole_text);
                if (denominator == 0) amount_failure(whole_text, "a fraction cannot have 0 as its denominator");
                fraction = to_double(text.substr(next, numerator_digits), whole_text) / denominator;
                fraction_end = slash + 1 + denominator_digits;
                if (*fraction >= 1) {
                    parse_failure(whole_text, "the fraction of a mixed number must be below 1, as in 1 1/2");
                }
            }
        }
        if (fraction) {
            value += *fraction;
            pos = fraction_end;
        }
    }

    // What may not follow a number.
    if (pos < text.size()) {
        const char c = text[pos];
        const std::string_view after = text.substr(pos + 1);
        if ((c == 'e' || c == 'E') && !after.empty() &&
            (is_digit(after[0]) || ((after[0] == '+' || after[0] == '-') && after.size() > 1 && is_digit(after[1])))) {
            parse_failure(whole_text, "exponent notation is not accepted");
        }
        if (c == ',' && !after.empty() && is_digit(after[0])) {
            parse_failure(whole_text, "write decimals with a point and no thousands separator (1.5, 1000)");
        }
        if (c == '/' || c == '.' || is_digit(c)) parse_failure(whole_text, "the quantity is not a number");
    }
    return {value, pos};
}

// --- portions -------------------------------------------------------------------------------

std::string food_name(const food& item) {
    std::string out = "'" + item.description + "'";
    if (!item.id.empty()) out += " (" + item.id + ")";
    return out;
}

/// "0.5 cup = 126 g"; "1 x 1/2 cup = 120 g" when the measure has its own quantity.
std::string portion_text(const portion& p) {
    const std::string_view measure = detail::trim(p.measure);
    const bool counted = !measure.empty() && (is_digit(measure.front()) || measure.front() == '.');
    return number(p.amount) + (counted ? " x " : " ") + p.measure + " = " + number(p.weight.value()) + " g";
}

/// "; also listed: 1 cup, ground = 95 g; ..." for the portions a chosen one was preferred to.
std::string also_listed(const std::vector<portion>& others) {
    if (others.empty()) return {};
    std::vector<std::string> texts;
    for (const portion& p : others) texts.push_back(portion_text(p));
    return "; also listed: " + detail::join(texts, "; ");
}

bool usable(const portion& p) {
    return std::isfinite(p.amount) && p.amount > 0 && std::isfinite(p.weight.value()) && p.weight.value() > 0 &&
           !detail::trim(p.measure).empty();
}

/// The food's own data must make sense before it is used: a portion of 0 g or of amount 0 would
/// give 0 g or infinity, silently.
void check_portion(const food& item, const portion& p) {
    if (usable(p)) return;
    throw error(errc::invalid_amount,
                "food " + food_name(item) + " has an unusable portion " + quoted(p.measure) + " (amount " +
                    number(p.amount) + ", " + number(p.weight.value()) +
                    " g): a portion needs a measure, an amount above 0 and a finite weight above 0 g; "
                    "fix the food data or use a mass unit (mg, g, kg, oz, lb)");
}

/// A portion's measure, with a leading quantity of its own taken out: "1/2 cup" -> 0.5 x "cup".
measure_words read_portion_measure(std::string_view text) {
    text = detail::trim(text);
    if (!text.empty() && (is_digit(text.front()) || text.front() == '.' || unicode_fraction_at(text))) {
        try {
            const scanned_quantity quantity = scan_quantity(text, text);
            const std::string_view rest = detail::trim(text.substr(quantity.length));
            if (std::isfinite(quantity.value) && quantity.value > 0 && !rest.empty() && is_ascii_letter(rest.front())) {
                measure_words out = read_measure(rest);
                out.count = quantity.value;
                return out;
            }
        } catch (const error&) {
            // Not a quantity after all ("1.2.3 ..."): the words are the measure, as written.
        }
    }
    return read_measure(text);
}

/// Household measures of a food, for error messages: "cup" (1 cup = 129 g), "oz" (...).
std::string list_measures(const food& item) {
    std::vector<std::string> listed;
    for (const portion& p : item.portions) listed.push_back(quoted(p.measure) + " (" + portion_text(p) + ")");
    return detail::join(listed);
}

/// How far a portion's qualifier takes the food from its whole form, for choosing among several
/// portions that match one measure ("1 cup" of almonds: ground 95 g, sliced 92 g, slivered 108 g,
/// whole 143 g): 0 whole, or no qualifier; 2 reduced, packed or weighed with what is not eaten
/// ("ground", "mashed", "pureed", "melted", "shredded", "grated", "crumbled", "crushed",
/// "packed", "in shell"); 1 anything else, cut ("sliced", "chopped", "diced", "cubes", "pieces")
/// or not known. A person who says no more means the lowest (docs/food-data.md, "Several
/// portions for one measure"); "not packed" is not packed.
int qualifier_rank(const std::vector<std::string>& words, std::size_t from) {
    constexpr std::string_view reduced[] = {"ground", "mashed", "pureed", "melted", "shredded", "grated",
                                            "crumbled", "crushed", "packed", "shell", "hulls", "powdered"};
    if (from >= words.size()) return 0;
    int rank = 1;
    for (std::size_t i = from; i < words.size(); ++i) {
        if (words[i] == "whole") rank = 0;
    }
    if (rank == 0) return 0;
    for (std::size_t i = from; i < words.size(); ++i) {
        const bool negated = i > from && words[i - 1] == "not";
        if (!negated && std::find(std::begin(reduced), std::end(reduced), words[i]) != std::end(reduced)) return 2;
    }
    return 1;
}

/// The portions of `matches` (indexes into the food's portions) in the order a person means
/// them: by qualifier rank, then in the source's order.
void order_by_qualifier(std::vector<std::size_t>& matches, const std::vector<measure_words>& listed,
                        std::size_t request_words) {
    std::stable_sort(matches.begin(), matches.end(), [&](std::size_t a, std::size_t b) {
        return qualifier_rank(listed[a].words, request_words) < qualifier_rank(listed[b].words, request_words);
    });
}

/// A portion that can stand for a volume: its measure begins with a volume unit ("cup",
/// "tbsp", "cup, chopped") or is exactly "serving <quantity> <volume unit>" ("serving 1/2 cup").
struct volume_portion {
    std::size_t index;
    const known_unit* unit;
    double units_per_measure;  ///< 0.5 for "serving 1/2 cup"; 1 when the measure is the unit
    std::size_t qualifier_from;  ///< first word after the unit; words.size() for "serving ..."
};

std::optional<volume_portion> as_volume(std::size_t index, const measure_words& measure) {
    if (measure.unit && measure.unit->kind == unit_kind::volume) return volume_portion{index, measure.unit, 1.0, 1};
    const std::vector<std::string>& words = measure.words;
    if (words.size() < 3 || words[0] != "serving") return std::nullopt;
    if (!is_digit(words[1].front()) && !unicode_fraction_at(words[1])) return std::nullopt;  // "serving (3 oz)"
    // "serving 1/2 cup", "serving 1 1/2 cup", "serving 5 fl oz", "serving 100 ml".
    std::string rest;
    for (std::size_t i = 1; i < words.size(); ++i) rest += (i > 1 ? " " : "") + words[i];
    try {
        const scanned_quantity quantity = scan_quantity(rest, rest);
        const measure_words unit = read_measure(rest.substr(quantity.length));
        if (quantity.value > 0 && std::isfinite(quantity.value) && unit.unit && unit.unit->kind == unit_kind::volume &&
            unit.words.size() == 1) {
            return volume_portion{index, unit.unit, quantity.value, words.size()};
        }
    } catch (const error&) {
        // Not a quantity after all ("serving 1/2/3 cup"): no volume.
    }
    return std::nullopt;
}

/// How many `to` units one `from` unit is: 1 tbsp = 0.0625 cup. Exact among US customary units.
double volume_ratio(const known_unit& from, const known_unit& to) {
    if (from.teaspoons > 0 && to.teaspoons > 0) return from.teaspoons / to.teaspoons;
    return from.millilitres / to.millilitres;
}

/// "16 tbsp = 1 cup", "1 L = 4.2267528377 cup", "236.5882365 mL = 1 cup".
std::string ratio_text(const known_unit& from, const known_unit& to) {
    const double ratio = volume_ratio(from, to);
    if (ratio < 1) return number(1 / ratio) + " " + std::string(from.name) + " = 1 " + std::string(to.name);
    return "1 " + std::string(from.name) + " = " + number(ratio) + " " + std::string(to.name);
}

resolved_serving checked(const food& item, const serving& amount, resolved_serving result) {
    const double weight = result.weight.value();
    if (!std::isfinite(weight) || weight > max_food_grams) {
        throw error(errc::invalid_amount,
                    "serving " + quoted(number(amount.quantity) + " " + amount.measure) + " of " + food_name(item) +
                        " is " + detail::decimal_beyond(weight, max_food_grams, 1) + " g: more than " +
                        detail::format_number(max_food_grams, 0) +
                        " g of one food is not accepted (mgcalc's plausibility limit)");
    }
    return result;
}

}  // namespace

// --- public ---------------------------------------------------------------------------------

namespace {
serving read_serving(std::string_view text) {
    const std::string_view trimmed = detail::trim(text);
    if (trimmed.empty()) parse_failure(text, "it is empty");

    std::string_view rest = trimmed;
    if (rest.front() == '-' || rest.substr(0, 3) == "\xE2\x88\x92") {  // '-' or U+2212 MINUS SIGN
        const std::string_view after = rest.substr(rest.front() == '-' ? 1 : 3);
        if (!after.empty() && (is_digit(after[0]) || after[0] == '.' || unicode_fraction_at(after))) {
            amount_failure(trimmed, "a quantity cannot be negative");
        }
        parse_failure(trimmed, "it does not start with a quantity");
    }
    if (is_ascii_letter(rest.front())) {
        std::size_t n = 0;
        while (n < rest.size() && is_ascii_letter(rest[n])) ++n;
        const std::string word = detail::to_lower(rest.substr(0, n));
        if (word == "nan" || word == "inf" || word == "infinity") {
            amount_failure(trimmed, "the quantity is not a finite number");
        }
        parse_failure(trimmed, "it does not start with a quantity (a measure alone is not a serving)");
    }

    const scanned_quantity quantity = scan_quantity(rest, trimmed);
    if (!std::isfinite(quantity.value) || quantity.value > max_quantity) {
        amount_failure(trimmed, "the quantity is implausibly large (at most " + detail::format_number(max_quantity, 0) +
                                    ", which is 10 kg in mg)");
    }
    if (quantity.value <= 0) amount_failure(trimmed, "the quantity must be above 0");

    const std::string_view measure = detail::trim(rest.substr(quantity.length));
    if (measure.empty()) {
        parse_failure(trimmed, "a measure is required after the quantity (the food's first portion is not assumed)");
    }
    if (!is_ascii_letter(measure.front())) {
        parse_failure(trimmed, "the measure must start with a letter, after one quantity");
    }
    return serving{quantity.value, std::string(measure)};
}
}  // namespace

serving parse_serving(std::string_view text) {
    try {
        return read_serving(text);
    } catch (const error& e) {
        throw e.about(text);
    }
}

std::optional<detail::leading_quantity> detail::read_leading_quantity(std::string_view text,
                                                                     std::string_view whole_text) {
    if (text.empty() || !(is_digit(text.front()) || text.front() == '.' || unicode_fraction_at(text))) return std::nullopt;
    if (text.front() == '.' && (text.size() < 2 || !is_digit(text[1]))) return std::nullopt;
    const scanned_quantity quantity = scan_quantity(text, whole_text);
    return detail::leading_quantity{quantity.value, quantity.length};
}

std::optional<resolved_serving> find_serving(const food& item, const serving& amount) {
    const double quantity = amount.quantity;
    if (!std::isfinite(quantity) || quantity <= 0 || quantity > max_quantity) {
        throw error(errc::invalid_amount,
                    "serving quantity " + number(quantity) + " of " + quoted(amount.measure) + " for " +
                        food_name(item) + " is not accepted: expected above 0 and at most " +
                        detail::format_number(max_quantity, 0));
    }
    const measure_words wanted = read_measure(amount.measure);
    if (wanted.words.empty()) {
        throw error(errc::unknown_measure, "serving of " + food_name(item) + " has no measure " +
                                               quoted(amount.measure) + "; " + accepted_syntax());
    }

    // 1. Mass never goes through a portion: an "oz" row of a food is plain mass (28.35 g).
    if (wanted.unit && wanted.unit->kind == unit_kind::mass) {
        std::vector<std::string> notes;
        if (wanted.unit->mass != mass_unit::gram) {
            const double per_unit = mass_of(1.0, wanted.unit->mass).value();
            notes.push_back(per_unit < 1 ? number(1 / per_unit) + " mg = 1 g"
                                         : "1 " + std::string(wanted.unit->name) + " = " + number(per_unit) + " g");
        }
        if (wanted.words.size() > 1) {
            // "1 oz, boneless": the other words describe the food, not the weight.
            std::string other;
            for (std::size_t i = 1; i < wanted.words.size(); ++i) other += (i > 1 ? " " : "") + wanted.words[i];
            notes.push_back("a mass: \"" + other + "\" does not change it");
        }
        std::string used(wanted.unit->name);
        if (!notes.empty()) used += " (" + detail::join(notes, "; ") + ")";
        resolved_serving result{mass_of(quantity, wanted.unit->mass), std::move(used)};
        return checked(item, amount, std::move(result));
    }

    std::vector<measure_words> listed;
    listed.reserve(item.portions.size());
    for (const portion& p : item.portions) listed.push_back(read_portion_measure(p.measure));

    // 2-4. The food's own portions: exact words, then singular/plural, then a longer measure
    // starting with the request's words. The first portion in the source's order wins a tie; the
    // others of the same rule are reported beside it.
    enum class rule { exact, singular_or_plural, longer };
    const auto matches_by = [&](rule r, std::size_t i) {
        const std::vector<std::string>& have = listed[i].words;
        switch (r) {
            case rule::exact: return have == wanted.words;
            case rule::singular_or_plural:
                return have.size() == wanted.words.size() && starts_with_words(have, wanted.words);
            case rule::longer: return have.size() > wanted.words.size() && starts_with_words(have, wanted.words);
        }
        return false;
    };
    for (const rule r : {rule::exact, rule::singular_or_plural, rule::longer}) {
        std::vector<std::size_t> matches;
        for (std::size_t i = 0; i < listed.size(); ++i) {
            if (matches_by(r, i)) matches.push_back(i);
        }
        if (matches.empty()) continue;
        order_by_qualifier(matches, listed, wanted.words.size());
        const portion& chosen = item.portions[matches.front()];
        check_portion(item, chosen);
        std::string used = chosen.measure + " (" + portion_text(chosen);
        std::vector<portion> others;
        for (std::size_t k = 1; k < matches.size(); ++k) others.push_back(item.portions[matches[k]]);
        used += also_listed(others) + ")";
        // 0.5 cup = 126 g, so 1 cup = 126 g x 1 / 0.5 = 252 g.
        const double chosen_count = chosen.amount * listed[matches.front()].count;
        return checked(item, amount, {chosen.weight * (quantity / chosen_count), std::move(used), std::move(others)});
    }

    // 5. A volume through a volume portion of the same food: plain (or the same other words)
    // first, then one whose other words start with the request's, then "serving 1/2 cup".
    if (wanted.unit && wanted.unit->kind == unit_kind::volume) {
        const std::vector<std::string> other_words(wanted.words.begin() + 1, wanted.words.end());
        std::vector<volume_portion> candidates;
        for (std::size_t i = 0; i < listed.size(); ++i) {
            if (auto v = as_volume(i, listed[i])) candidates.push_back(*v);
        }
        const auto qualifier_count = [&](const volume_portion& v) {
            return listed[v.index].words.size() - v.qualifier_from;
        };
        const auto pick = [&]() -> const volume_portion* {
            // A portion of the very unit asked for needs no conversion: "serving 1 tbsp" for
            // "1 tbsp", before "cup" scaled by 1/16.
            if (other_words.empty()) {
                for (const volume_portion& v : candidates) {
                    if (v.unit == wanted.unit && (v.qualifier_from > 1 || qualifier_count(v) == 0)) return &v;
                }
            }
            for (const volume_portion& v : candidates) {  // the same other words
                if (v.qualifier_from == 1 && qualifier_count(v) == other_words.size() &&
                    starts_with_words(listed[v.index].words, other_words, 1)) {
                    return &v;
                }
            }
            // Other words that start with the request's, the least changed form first.
            const volume_portion* best = nullptr;
            for (const volume_portion& v : candidates) {
                if (v.qualifier_from != 1 || !starts_with_words(listed[v.index].words, other_words, 1)) continue;
                if (best == nullptr || qualifier_rank(listed[v.index].words, 1 + other_words.size()) <
                                           qualifier_rank(listed[best->index].words, 1 + other_words.size())) {
                    best = &v;
                }
            }
            if (best != nullptr) return best;
            if (!other_words.empty()) return nullptr;
            for (const volume_portion& v : candidates) {  // "serving 1/2 cup"
                if (v.qualifier_from > 1) return &v;
            }
            return nullptr;
        };
        if (const volume_portion* via = pick()) {
            const portion& chosen = item.portions[via->index];
            check_portion(item, chosen);
            // Weight per one of the portion's volume unit, times that unit per requested unit.
            // Tofu: 0.5 cup = 126 g -> 252 g per cup; 1 tbsp = 1/16 cup -> 15.75 g.
            const grams per_unit = chosen.weight / (chosen.amount * listed[via->index].count * via->units_per_measure);
            const double ratio = volume_ratio(*wanted.unit, *via->unit);
            std::string used = std::string(wanted.unit->name) + " via " + chosen.measure + " (" + portion_text(chosen);
            if (wanted.unit != via->unit) used += "; " + ratio_text(*wanted.unit, *via->unit);
            used += ")";
            return checked(item, amount, {per_unit * (quantity * ratio), std::move(used)});
        }
    }

    return std::nullopt;
}

bool detail::is_unit_alone(std::string_view text) {
    const measure_words measure = read_measure(text);
    return measure.unit != nullptr && measure.words.size() == 1;
}

resolved_serving resolve_serving(const food& item, const serving& amount) {
    if (std::optional<resolved_serving> found = find_serving(item, amount)) return std::move(*found);
    // Nothing fits: say what would.
    std::vector<measure_words> listed;
    for (const portion& p : item.portions) listed.push_back(read_portion_measure(p.measure));
    const measure_words wanted = read_measure(amount.measure);
    std::string message = "no measure " + quoted(amount.measure) + " for " + food_name(item) + ": ";
    if (item.portions.empty()) {
        message += "it has no household portions, so only mass units work";
    } else {
        message += "its measures are " + list_measures(item) + "; mass units always work";
    }
    message += " (mg, g, kg, oz, lb)";
    bool has_volume = false;
    for (std::size_t i = 0; i < listed.size(); ++i) has_volume = has_volume || as_volume(i, listed[i]).has_value();
    if (has_volume) {
        message += "; volumes (cup, tbsp, tsp, fl oz, pint, quart, gallon, mL, L) convert through its volume portions";
    } else if (wanted.unit && wanted.unit->kind == unit_kind::volume) {
        message += "; a volume needs a volume portion (cup, tbsp, ...) of this very food, and it has none: "
                   "a cup of spinach is not a cup of seeds, so 1 mL is never taken as 1 g";
    }
    const std::string lowered = detail::to_lower(detail::trim(amount.measure));
    if (lowered == "t" || lowered == "c") {
        message += "; write tbsp or tsp (cup for c): one-letter abbreviations are not accepted";
    }
    throw error(errc::unknown_measure, message);
}


// --- counts ---------------------------------------------------------------------------------

namespace {

// Sizes as USDA portions name them ("medium (7\" to 7-7/8\" long)", "extra large").
constexpr std::string_view size_words[] = {"small", "medium", "large", "extra", "jumbo", "mini"};
// Measures that are one of the food whatever its kind ("fruit (2-5/8\" dia)", "whole").
constexpr std::string_view count_words[] = {"fruit", "whole", "each", "item", "piece"};

bool is_one_of(std::string_view word, std::span<const std::string_view> list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool has_word(const std::vector<std::string>& words, std::string_view word) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return same_word(w, word); });
}

}  // namespace

std::optional<resolved_serving> find_count(const food& item, double count, std::string_view named_as) {
    if (!std::isfinite(count) || count <= 0 || count > max_quantity) {
        throw error(errc::invalid_amount, "a count of " + number(count) + " of " + food_name(item) +
                                              " is not accepted: expected above 0 and at most " +
                                              detail::format_number(max_quantity, 0));
    }
    const std::vector<std::string> named = split_words(named_as);
    const bool egg = has_word(named, "egg");
    // Candidates: portions that are one of the food, not an amount of a unit.
    struct counted {
        std::size_t index;
        int rank;  // lower first; see docs/food-data.md, "Counts"
    };
    std::vector<counted> candidates;
    std::vector<measure_words> listed;
    listed.reserve(item.portions.size());
    for (std::size_t i = 0; i < item.portions.size(); ++i) {
        listed.push_back(read_portion_measure(item.portions[i].measure));
        const std::vector<std::string>& words = listed[i].words;
        if (words.empty() || listed[i].unit != nullptr || !usable(item.portions[i])) continue;
        const bool sized = is_one_of(words[0], size_words) || (words.size() > 1 && is_one_of(words[1], size_words));
        const bool of_the_food = has_word(named, words[0]);
        const bool one_of_it = is_one_of(words[0], count_words);
        if (!sized && !of_the_food && !one_of_it) continue;
        const bool large = std::find(words.begin(), words.end(), "large") != words.end();
        const bool extra = std::find(words.begin(), words.end(), "extra") != words.end();
        const bool medium = std::find(words.begin(), words.end(), "medium") != words.end();
        // An egg is a large egg, the egg of US recipes and labels (FDA reference amount 50 g,
        // 21 CFR 101.12 Table 2); any other food is medium-sized when a size is not said.
        int rank = 4;  // another size
        if (egg && large && !extra) {
            rank = 0;
        } else if (medium) {
            rank = 1;
        } else if (of_the_food && !sized) {
            rank = 2;  // "avocado, NS as to Florida or California", "almond"
        } else if (one_of_it) {
            rank = 3;  // "fruit (2-5/8\" dia)"
        }
        candidates.push_back({i, rank});
    }
    if (candidates.empty()) return std::nullopt;
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const counted& a, const counted& b) { return a.rank < b.rank; });
    const portion& chosen = item.portions[candidates.front().index];
    std::vector<portion> others;
    for (std::size_t k = 1; k < candidates.size(); ++k) others.push_back(item.portions[candidates[k].index]);
    std::string used = chosen.measure + " (" + portion_text(chosen) + "; a count of the food" + also_listed(others) + ")";
    const double chosen_count = chosen.amount * listed[candidates.front().index].count;
    const serving as_typed{count, chosen.measure};
    return checked(item, as_typed, {chosen.weight * (count / chosen_count), std::move(used), std::move(others)});
}

resolved_serving resolve_count(const food& item, double count, std::string_view named_as) {
    if (std::optional<resolved_serving> found = find_count(item, count, named_as)) return std::move(*found);
    std::string message = "a count of " + quoted(named_as) + " needs a portion that is one of it, such as "
                          "\"medium\", and " + food_name(item) + " has none: ";
    message += item.portions.empty() ? std::string("it has no household portions")
                                     : "its measures are " + list_measures(item);
    throw error(errc::unknown_measure,
                message + "; give a measure, e.g. \"1 cup " + std::string(named_as) + "\" or \"100 g " +
                    std::string(named_as) + "\" (mass units always work: mg, g, kg, oz, lb)");
}

result<serving> try_parse_serving(std::string_view text) {
    return detail::try_parse([&] { return parse_serving(text); });
}

}  // namespace mgcalc
