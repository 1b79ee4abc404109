// Resolving a typed food entry (mgcalc/foods/resolve.hpp). The grammar, the order in which readings
// are tried and the confidence rules are in docs/food-data.md, "Resolving what people type";
// keep the two in step.
//
// An entry is read as an amount and a food. The amount comes first ("1 cup black beans"), last
// ("almonds 30g") or after '=' ("black beans=1 cup"). When it comes first, where the measure ends
// and the food begins is not written down: "1 large egg" is 1 x "large" of egg, "1 baked potato"
// is one baked potato, "1 cup chopped broccoli" is 1 x "cup chopped" of broccoli. Each split is
// tried, the likely ones first, and the first whose measure the food's own portions can measure,
// and whose words name the food, is taken.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/foods/serving.hpp>

#include "detail/precision.hpp"
#include "detail/quantity.hpp"
#include "detail/text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc {

namespace {

using detail::quoted;

constexpr std::string_view accepted =
    "expected AMOUNT UNIT FOOD, e.g. \"1 cup black beans\", \"2 slices whole wheat bread\", \"1/2 avocado\", "
    "or FOOD=SERVING, e.g. \"black beans=1 cup\", \"12014=1 oz\"";

// ---- confidence (docs/food-data.md, "Confidence") -------------------------------------------

// Search matches whose score is within this of the best are candidates when the best cannot
// measure the amount ("0.5 cup" of raw cashews, listed only by the ounce): the same food in
// another form, not a different food.
constexpr double measure_fallback_margin = 1.5;
// Two foods this close in score are a close call; it matters when their values differ.
constexpr double close_call_margin = 0.25;
constexpr double different_value_ratio = 1.2;
// What each doubt takes off a search match's confidence of 1.
constexpr double not_named_cost = 0.5;      // the words are only part of another food's name
constexpr double close_call_cost = 0.3;     // another food, with another value, scores as well
constexpr double correction_cost = 0.25;    // a typo was corrected
constexpr double completion_cost = 0.2;     // the last word was unfinished
constexpr double measure_fallback_cost = 0.1;  // the best match could not measure the amount
constexpr double common_name_cost = 0.05;   // a common name was read as USDA's name
constexpr std::size_t alternatives_listed = 4;
constexpr std::size_t candidates_searched = 12;

// ---- words ------------------------------------------------------------------------------------

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// A word of the entry and where it sits in the text.
struct word {
    std::string_view text;
    std::size_t begin;
    std::size_t end;
};

/// Words separated by white space, with commas and other punctuation at their ends dropped.
std::vector<word> words_of(std::string_view text) {
    std::vector<word> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t begin = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        std::size_t end = i;
        while (end > begin && (text[end - 1] == ',' || text[end - 1] == ';' || text[end - 1] == ':')) --end;
        if (end > begin) out.push_back({text.substr(begin, end - begin), begin, end});
    }
    return out;
}

std::string lower(std::string_view text) { return detail::to_lower(text); }

/// Equal but for ASCII case, without copying: "bananas, RAW" and "Bananas, raw".
bool same_letters(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (fold(a[i]) != fold(b[i])) return false;
    }
    return true;
}

/// The text from word `first` to the end, as typed.
std::string_view rest_from(std::string_view text, const std::vector<word>& words, std::size_t first) {
    if (first >= words.size()) return {};
    return detail::trim(text.substr(words[first].begin));
}

/// The text of words [first, last), as typed.
std::string_view span_of(std::string_view text, const std::vector<word>& words, std::size_t first, std::size_t last) {
    if (first >= last) return {};
    return text.substr(words[first].begin, words[last - 1].end - words[first].begin);
}

// ---- amounts ----------------------------------------------------------------------------------

struct number_word {
    std::string_view word;
    double value;
};
constexpr std::array<number_word, 15> number_words{{{"a", 1},     {"an", 1},     {"one", 1},   {"two", 2},
                                                     {"three", 3}, {"four", 4},   {"five", 5},  {"six", 6},
                                                     {"seven", 7}, {"eight", 8},  {"nine", 9},  {"ten", 10},
                                                     {"eleven", 11}, {"twelve", 12}, {"dozen", 12}}};

std::optional<double> number_word_value(std::string_view w) {
    const std::string l = lower(w);
    for (const number_word& n : number_words) {
        if (n.word == l) return n.value;
    }
    return std::nullopt;
}

std::optional<double> fraction_word_value(std::string_view w) {
    const std::string l = lower(w);
    if (l == "half" || l == "halves") return 0.5;
    if (l == "quarter" || l == "quarters") return 0.25;
    if (l == "third" || l == "thirds") return 1.0 / 3.0;
    return std::nullopt;
}

/// An amount at the start of the words: its value and how many words it used.
struct leading_amount {
    double value;
    std::size_t words;
    std::size_t length;  ///< characters of the text it used (a number may be glued to a unit: "30g")
};

/// Number words: "a", "an", "one" ... "twelve", "a dozen", "half a", "a half", "a quarter", "one
/// third of a", "three quarters of a", "one and a half", "2 and a half".
std::optional<leading_amount> read_number_words(const std::vector<word>& words, std::size_t from,
                                                std::optional<double> number = std::nullopt) {
    std::size_t i = from;
    const auto is = [&](std::size_t k, std::string_view w) { return k < words.size() && lower(words[k].text) == w; };
    double value = 0;
    if (number) {
        value = *number;
    } else if (i < words.size() && fraction_word_value(words[i].text) && lower(words[i].text) == "half") {
        value = 0.5;  // "half a cup", "half an ounce", "half avocado"
        ++i;
        if (is(i, "a") || is(i, "an")) ++i;
        return leading_amount{value, i - from, words[i - 1].end};
    } else if (i < words.size()) {
        const std::optional<double> n = number_word_value(words[i].text);
        if (!n) return std::nullopt;
        value = *n;
        ++i;
        const bool article = value == 1 && (is(from, "a") || is(from, "an"));
        if (article && is(i, "dozen")) {
            value = 12;  // "a dozen almonds"
            ++i;
        } else if (i < words.size()) {
            if (const std::optional<double> f = fraction_word_value(words[i].text)) {
                value *= *f;  // "a half", "a quarter cup", "three quarters of a cup"
                ++i;
                if (is(i, "of") && (is(i + 1, "a") || is(i + 1, "an"))) i += 2;
            }
        }
    } else {
        return std::nullopt;
    }
    // "one and a half cups", "2 and a quarter cups"
    if (is(i, "and") && (is(i + 1, "a") || is(i + 1, "an")) && i + 2 < words.size()) {
        if (const std::optional<double> f = fraction_word_value(words[i + 2].text); f && *f < 1) {
            value += *f;
            i += 3;
        }
    }
    if (i == from) return std::nullopt;
    return leading_amount{value, i - from, words[i - 1].end};
}

/// The amount at the start of `text` (digits or number words) and what follows it.
struct amount_and_rest {
    double value;
    std::string_view amount_text;  ///< "1 1/2", "half a"
    std::string_view rest;         ///< what follows: "cups of milk"
};

std::optional<amount_and_rest> read_amount(std::string_view text, std::string_view whole) {
    text = detail::trim(text);
    if (text.empty()) return std::nullopt;
    const std::vector<word> words = words_of(text);
    if (words.empty()) return std::nullopt;
    if (const auto q = detail::read_leading_quantity(text, whole)) {
        // A number followed by what cannot be a measure ("2% milk") is not an amount.
        const std::string_view after = text.substr(q->length);
        if (!after.empty() && !is_space(after.front()) && !is_letter(after.front())) return std::nullopt;
        // "2 and a half cups"
        std::size_t first_after = 0;
        while (first_after < words.size() && words[first_after].begin < q->length) ++first_after;
        if (const auto more = read_number_words(words, first_after, q->value); more && more->words > 0) {
            return amount_and_rest{more->value, detail::trim(text.substr(0, more->length)),
                                   detail::trim(text.substr(more->length))};
        }
        return amount_and_rest{q->value, detail::trim(text.substr(0, q->length)), detail::trim(after)};
    }
    if (const auto n = read_number_words(words, 0)) {
        return amount_and_rest{n->value, detail::trim(text.substr(0, n->length)), detail::trim(text.substr(n->length))};
    }
    return std::nullopt;
}

// ---- finding the food -------------------------------------------------------------------------

/// A reading of the entry: these words for the food, this amount of this measure.
struct reading {
    std::string_view food_words;
    double quantity;
    std::string measure;  // empty: a count of the food itself
    std::string amount_text;
};

/// The food words are an id, never searched: a number alone, or SOURCE:ID of a loaded source.
bool is_id_like(std::string_view words, const food_catalog& catalog) {
    if (!words.empty() && std::all_of(words.begin(), words.end(), [](char c) { return is_digit(c); })) return true;
    const std::size_t colon = words.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    const std::string_view source = words.substr(0, colon);
    for (const food_database* database : catalog.databases()) {
        if (database->source() == source) return true;
    }
    return false;
}

/// The amount in grams through the food's portions; empty when it has no such measure.
std::optional<resolved_serving> find_measure(const food& item, const reading& r) {
    if (r.measure.empty()) return find_count(item, r.quantity, r.food_words);
    return find_serving(item, serving{r.quantity, r.measure});
}

/// The same, throwing the error that says which measures the food has.
resolved_serving measure(const food& item, const reading& r) {
    if (r.measure.empty()) return resolve_count(item, r.quantity, r.food_words);
    return resolve_serving(item, serving{r.quantity, r.measure});
}

/// The unknown_measure error of a food, as an error to carry.
error measure_failure(const food& item, const reading& r) {
    try {
        (void)measure(item, r);
    } catch (const error& e) {
        return e;
    }
    return error(errc::unknown_measure, "no measure " + quoted(r.measure) + " for " + quoted(item.description));
}

resolved_food_entry entry_of(food item, resolved_serving grams, const reading& r, food_choice choice) {
    choice.other_portions = std::move(grams.other_portions);
    return resolved_food_entry{std::move(item), grams.weight, std::move(grams.measure_used),
                               serving{r.quantity, r.measure}, std::move(choice)};
}

std::string value_text(const std::optional<milligrams>& per_100g) {
    return per_100g ? detail::format_number(per_100g->value(), detail::mg_decimals) + " mg per 100 g"
                    : std::string("magnesium unknown");
}

bool values_differ(const std::optional<milligrams>& a, const std::optional<milligrams>& b) {
    if (!a || !b) return a.has_value() != b.has_value();
    const double low = std::min(a->value(), b->value());
    const double high = std::max(a->value(), b->value());
    return high > low * different_value_ratio;
}

/// The food the words name by id or SOURCE:ID, if they are one; an error for an id no layer has.
std::optional<food> by_id(const food_catalog& catalog, std::string_view words) {
    if (std::optional<food> found = catalog.find(words)) return found;
    if (is_id_like(words, catalog)) {
        throw error(errc::unknown_food,
                    "no food has the id " + quoted(words) +
                        " (a number alone is an id, never searched); find ids with `mgcalc foods search WORDS`");
    }
    return std::nullopt;
}

/// What one reading gave: the entry, or the error to report if no reading does better; and
/// whether the food words name the food found (for choosing among readings).
struct search_outcome {
    std::optional<resolved_food_entry> entry;
    bool names_the_food = false;
    std::optional<error> failure;
};

/// The search match for a reading: the best-ranked food that can measure the amount.
search_outcome search_reading(const food_catalog& catalog, const reading& r, std::string_view typed) {
    std::vector<word_reading> readings;
    const std::vector<catalog_match> hits = catalog.search(r.food_words, candidates_searched, readings);
    if (hits.empty()) {
        return {std::nullopt, false,
                error(errc::unknown_food, "food entry " + quoted(typed) + ": no food matches " + quoted(r.food_words) +
                                              "; check the spelling, give an id or SOURCE:ID (find them with "
                                              "`mgcalc foods search WORDS`), or load more food data with --food-db")};
    }
    // The exact description, whatever its rank.
    for (const catalog_match& hit : hits) {
        if (same_letters(hit.database->description(hit.index), r.food_words)) {
            food item = hit.database->at(hit.index);
            try {
                resolved_serving grams = measure(item, r);  // the food named exactly: its own error
                food_choice choice{std::string(typed), std::string(r.food_words), match_method::description, 1.0, {}, {}, {}};
                return {entry_of(std::move(item), std::move(grams), r, std::move(choice)), true, std::nullopt};
            } catch (const error& e) {
                return {std::nullopt, true, e};
            }
        }
    }
    // The best-ranked match that can measure the amount, among those near the best.
    const catalog_match& best = hits.front();
    std::optional<food> best_food;
    for (std::size_t k = 0; k < hits.size(); ++k) {
        const catalog_match& hit = hits[k];
        if (k > 0 && hit.score < best.score - measure_fallback_margin) break;
        if (k > 0 && !hit.evidence.names_the_food) continue;
        food item = hit.database->at(hit.index);
        std::optional<resolved_serving> measured;
        try {
            measured = find_measure(item, r);
        } catch (const error& e) {
            return {std::nullopt, hit.evidence.names_the_food, e};
        }
        if (!measured) {
            if (!best_food) best_food = std::move(item);
            continue;
        }
        food_choice choice{std::string(typed), std::string(r.food_words), match_method::search, 1.0, {}, {}, {}};
        for (const word_reading& w : readings) {
            choice.notes.push_back(quoted(w.typed) + " read as " + quoted(w.read_as) + " (" +
                                   std::string(to_string(w.kind)) + ")");
        }
        if (!hit.evidence.names_the_food) {
            choice.confidence -= not_named_cost;
            choice.notes.push_back("no food is named " + quoted(r.food_words) + ": the words are only part of " +
                                   quoted(item.description));
        }
        if (hit.evidence.corrected) choice.confidence -= correction_cost;
        if (hit.evidence.common_name) choice.confidence -= common_name_cost;
        if (hit.evidence.completed) {
            choice.confidence -= completion_cost;
            choice.notes.push_back("the last word was read as the start of a longer word");
        }
        if (k > 0) {
            choice.confidence -= measure_fallback_cost;
            choice.notes.push_back("the best match, " + quoted(best.database->description(best.index)) + ", has no " +
                                   quoted(r.measure) + "; the next that has one was used");
        }
        for (std::size_t j = 0; j < hits.size(); ++j) {
            const catalog_match& other = hits[j];
            if (j == k || other.score < hit.score - close_call_margin) continue;
            if (values_differ(other.database->magnesium_per_100g(other.index), item.magnesium_per_100g)) {
                choice.confidence -= close_call_cost;
                choice.notes.push_back("another food matches as well with a different value: " +
                                       quoted(other.database->description(other.index)) + " (" +
                                       value_text(other.database->magnesium_per_100g(other.index)) + ", against " +
                                       value_text(item.magnesium_per_100g) + ")");
                break;
            }
        }
        choice.confidence = std::clamp(choice.confidence, 0.0, 1.0);
        for (std::size_t j = 0; j < hits.size() && choice.alternatives.size() < alternatives_listed; ++j) {
            if (j == k) continue;
            const catalog_match& other = hits[j];
            choice.alternatives.push_back({std::string(other.database->source()), std::string(other.database->id(other.index)),
                                           std::string(other.database->description(other.index)),
                                           other.database->magnesium_per_100g(other.index)});
        }
        return {entry_of(std::move(item), std::move(*measured), r, std::move(choice)), hit.evidence.names_the_food,
                std::nullopt};
    }
    // Say which food the words were read as: the measure's error alone would name a food the
    // person never typed.
    const error failure = measure_failure(*best_food, r);
    std::string read_as = "food entry " + quoted(typed) + ": " + quoted(r.food_words) + " is best matched by " +
                          quoted(best_food->description) + " (" + best_food->source + ":" + best_food->id + ")";
    if (!best.evidence.names_the_food) read_as += ", although no food is named " + quoted(r.food_words);
    return {std::nullopt, best.evidence.names_the_food,
            error(failure.code(), read_as + "; " + std::string(failure.message()))};
}

/// Resolves one reading; throws what its food or measure gave.
search_outcome resolve_reading(const food_catalog& catalog, const reading& r, std::string_view typed) {
    if (detail::trim(r.food_words).empty()) {
        return {std::nullopt, false,
                error(errc::parse_error, "food entry " + quoted(typed) + ": read the amount " + quoted(r.amount_text) +
                                             " but no food; " + std::string(accepted))};
    }
    try {
        if (std::optional<food> item = by_id(catalog, r.food_words)) {
            resolved_serving grams = measure(*item, r);
            food_choice choice{std::string(typed), std::string(r.food_words), match_method::id, 1.0, {}, {}, {}};
            return {entry_of(std::move(*item), std::move(grams), r, std::move(choice)), true, std::nullopt};
        }
    } catch (const error& e) {
        return {std::nullopt, true, e};
    }
    return search_reading(catalog, r, typed);
}

/// The amount of an "= AMOUNT" or trailing amount part: a quantity and a measure, or a count.
std::optional<reading> amount_reading(std::string_view food_words, std::string_view amount_text, std::string_view typed) {
    const std::string_view trimmed = detail::trim(amount_text);
    if (trimmed.starts_with('-') || trimmed.starts_with("\xE2\x88\x92")) {  // '-' or U+2212 MINUS SIGN
        throw error(errc::invalid_amount, "food entry " + quoted(typed) + ": the amount " + quoted(trimmed) +
                                              " is negative; expected an amount above 0, e.g. \"1 cup\" or \"30 g\"");
    }
    const std::optional<amount_and_rest> amount = read_amount(amount_text, typed);
    if (!amount) return std::nullopt;
    std::string_view rest = amount->rest;
    if (!rest.empty() && !is_letter(rest.front())) return std::nullopt;
    return reading{food_words, amount->value, std::string(rest), std::string(detail::trim(amount_text))};
}

void check_quantity(double value, std::string_view typed) {
    if (!std::isfinite(value) || value <= 0) {
        throw error(errc::invalid_amount, "food entry " + quoted(typed) + ": the amount must be above 0; " +
                                              std::string(accepted));
    }
}

[[noreturn]] void no_amount(std::string_view typed) {
    throw error(errc::parse_error, "food entry " + quoted(typed) + ": found no amount; " + std::string(accepted));
}

// Words that qualify a household measure rather than name a food: "1 cup chopped broccoli" is a
// "cup chopped" of broccoli, so the measure is tried with them first.
constexpr std::array<std::string_view, 19> measure_qualifiers{
    "chopped", "sliced", "diced", "cubed", "cubes", "halves", "pieces", "shredded", "grated", "ground",
    "mashed",  "pureed", "melted", "crumbled", "crushed", "packed", "whole", "slivered", "minced"};

resolved_food_entry resolve_amount_first(const food_catalog& catalog, std::string_view text,
                                         const amount_and_rest& amount) {
    check_quantity(amount.value, text);
    const std::vector<word> rest = words_of(amount.rest);
    // The words the measure may take: 1, 2 or 3, or none (a count of the food); the likely first.
    std::vector<std::size_t> splits;
    const bool qualified = rest.size() > 2 && std::find(measure_qualifiers.begin(), measure_qualifiers.end(),
                                                        lower(rest[1].text)) != measure_qualifiers.end();
    // "1 ounce fluid of milk": the two words are one unit, the fluid ounce (parse_serving reads
    // the label's order too), never the mass ounce of a food "fluid of milk", which matches milk
    // ("Milk, fluid, ...") as well.
    const bool two_word_unit = rest.size() > 2 && detail::is_unit_alone(span_of(amount.rest, rest, 0, 2));
    if (qualified || two_word_unit) splits = {2, 1, 0, 3};
    else splits = {1, 2, 0, 3};
    std::optional<search_outcome> fallback;  // a reading whose food was found but that failed
    std::optional<error> first_failure;
    for (std::size_t k : splits) {
        if (k > 0 && k >= rest.size()) continue;
        std::size_t food_from = k;
        if (food_from < rest.size() && lower(rest[food_from].text) == "of") ++food_from;
        if (food_from >= rest.size()) continue;
        reading r{rest_from(amount.rest, rest, food_from), amount.value, std::string(span_of(amount.rest, rest, 0, k)),
                  std::string(amount.amount_text)};
        if (!r.measure.empty() && !is_letter(r.measure.front())) continue;
        search_outcome outcome = resolve_reading(catalog, r, text);
        if (outcome.entry && outcome.names_the_food) return std::move(*outcome.entry);
        if (outcome.entry && !fallback) fallback = std::move(outcome);
        else if (outcome.failure && !first_failure) first_failure = outcome.failure;
    }
    if (fallback) return std::move(*fallback->entry);
    if (first_failure) throw *first_failure;
    throw error(errc::parse_error, "food entry " + quoted(text) + ": read the amount " + quoted(amount.amount_text) +
                                       " but no food after it; " + std::string(accepted));
}

resolved_food_entry from_outcome(search_outcome outcome) {
    if (outcome.entry) return std::move(*outcome.entry);
    throw *outcome.failure;
}

}  // namespace

namespace {
resolved_food_entry resolve_two_parts(const food_catalog& catalog, std::string_view food_text, std::string_view amount_text) {
    const std::string typed = std::string(detail::trim(food_text)) + "=" + std::string(detail::trim(amount_text));
    const std::string_view words = detail::trim(food_text);
    if (words.empty()) {
        throw error(errc::parse_error, "food entry " + quoted(typed) + ": no food before the amount; " + std::string(accepted));
    }
    const std::optional<reading> r = amount_reading(words, amount_text, typed);
    if (!r) {
        throw error(errc::parse_error, "food entry " + quoted(typed) + ": " + quoted(detail::trim(amount_text)) +
                                           " is not an amount; " + std::string(accepted));
    }
    check_quantity(r->quantity, typed);
    return from_outcome(resolve_reading(catalog, *r, typed));
}
}  // namespace

namespace {
resolved_food_entry resolve_typed(const food_catalog& catalog, std::string_view typed) {
    const std::string_view text = detail::trim(typed);
    if (text.empty()) throw error(errc::parse_error, "an empty food entry; " + std::string(accepted));

    // FOOD=AMOUNT
    if (const std::size_t equals = text.rfind('='); equals != std::string_view::npos) {
        const std::string_view food_part = detail::trim(text.substr(0, equals));
        const std::string_view amount_part = detail::trim(text.substr(equals + 1));
        if (food_part.empty() || amount_part.empty()) {
            throw error(errc::parse_error, "food entry " + quoted(text) + ": " +
                                               (food_part.empty() ? "no food before \"=\"" : "no amount after \"=\"") +
                                               "; " + std::string(accepted));
        }
        const std::optional<reading> r = amount_reading(food_part, amount_part, text);
        if (!r) {
            throw error(errc::parse_error, "food entry " + quoted(text) + ": " + quoted(amount_part) +
                                               " after \"=\" is not an amount; " + std::string(accepted));
        }
        check_quantity(r->quantity, text);
        return from_outcome(resolve_reading(catalog, *r, text));
    }

    // AMOUNT [MEASURE] [of] FOOD
    if (const std::optional<amount_and_rest> amount = read_amount(text, text);
        amount && !amount->rest.empty() && !detail::is_unit_alone(amount->rest)) {
        return resolve_amount_first(catalog, text, *amount);
    } else if (amount) {
        throw error(errc::parse_error, "food entry " + quoted(text) + ": read the amount " +
                                           quoted(detail::trim(std::string(amount->amount_text) + " " + std::string(amount->rest))) +
                                           " but no food; " + std::string(accepted));
    }

    // FOOD AMOUNT [MEASURE]: the first number after a word.
    const std::vector<word> words = words_of(text);
    for (std::size_t i = 1; i < words.size(); ++i) {
        const char c = words[i].text.front();
        if (!is_digit(c) && c != '.' && static_cast<unsigned char>(c) < 0x80) continue;
        const std::string_view food_part = span_of(text, words, 0, i);
        const std::optional<reading> r = amount_reading(food_part, text.substr(words[i].begin), text);
        if (!r) continue;
        check_quantity(r->quantity, text);
        return from_outcome(resolve_reading(catalog, *r, text));
    }
    no_amount(text);
}
}  // namespace

resolved_food_entry resolve_food_entry(const food_catalog& catalog, std::string_view food_text, std::string_view amount_text) {
    try {
        return resolve_two_parts(catalog, food_text, amount_text);
    } catch (const error& e) {
        throw e.about(std::string(detail::trim(food_text)) + "=" + std::string(detail::trim(amount_text)));
    }
}

resolved_food_entry resolve_food_entry(const food_catalog& catalog, std::string_view typed) {
    try {
        return resolve_typed(catalog, typed);
    } catch (const error& e) {
        throw e.about(typed);
    }
}

resolved_food resolve_food(const food_catalog& catalog, std::string_view food_text) {
    const std::string_view words = detail::trim(food_text);
    if (words.empty()) throw error(errc::parse_error, "an empty food: give an id, SOURCE:ID, a description or words to search for");
    if (std::optional<food> item = by_id(catalog, words)) {
        return {std::move(*item), food_choice{std::string(words), std::string(words), match_method::id, 1.0, {}, {}, {}}};
    }
    // One gram measures every food, so the search match is the same as for an entry.
    const reading r{words, 1.0, "g", "1 g"};
    search_outcome outcome = search_reading(catalog, r, words);
    resolved_food_entry entry = from_outcome(std::move(outcome));
    return {std::move(entry.item), std::move(entry.choice)};
}

result<resolved_food_entry> try_resolve_food_entry(const food_catalog& catalog, std::string_view typed) {
    return detail::try_parse([&] { return resolve_food_entry(catalog, typed); });
}

}  // namespace mgcalc
