// mgcalc/foods/resolve.hpp - what a person types for one food, turned into the food they mean, in
// the form they eat it, with the grams: "1 cup black beans", "2 cups of milk", "almonds 30g",
// "half a cup of cashews", "1/2 avocado", "2 slices whole wheat bread", "black beans=1 cup",
// "12014=1 oz". The one way every caller (the command line, log evaluation, apps) reads a food
// entry; the grammar and the rules are in docs/food-data.md, "Resolving what people type".
#pragma once

#include <mgcalc/result.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/choice.hpp>

#include <string_view>

namespace mgcalc {

/// Resolves one food entry as typed:
///   AMOUNT [MEASURE] [of] FOOD    "1 cup black beans", "an ounce of almonds", "2 eggs"
///   FOOD AMOUNT [MEASURE]         "almonds 30g", "milk 1 cup"
///   FOOD=AMOUNT [MEASURE]         "black beans=1 cup", "12014=1 oz", "banana=2"
/// AMOUNT is a number (2, 0.5, 1/2, 1 1/2, ½) or number words (a, an, one ... twelve, half,
/// a quarter, a dozen, one and a half). FOOD is an id, SOURCE:ID, an exact description or words
/// to search for; a number alone is an id, never searched. Without a measure the amount counts
/// the food itself (resolve_count). The search match is the best-ranked food whose portions can
/// measure the amount; `choice` says how it was found, how sure, and what else it could be.
/// Throws mgcalc::error: parse_error (no amount or no food; the message says what was read and
/// what is accepted), unknown_food (an id that does not exist, or words nothing matches),
/// unknown_measure, invalid_amount, ambiguous_food.
resolved_food_entry resolve_food_entry(const food_catalog& catalog, std::string_view typed);
/// resolve_food_entry's twin: the error instead of throwing it, for entries read in a loop.
result<resolved_food_entry> try_resolve_food_entry(const food_catalog& catalog, std::string_view typed);

/// The same for an entry given in two parts, as a log stores it: the food ("black beans",
/// "12014") and the amount ("1 cup", "2").
resolved_food_entry resolve_food_entry(const food_catalog& catalog, std::string_view food, std::string_view amount);

/// The food alone, for a food named without an amount (`mgcalc foods show`): an id, SOURCE:ID, an
/// exact description or words, with the choice as resolve_food_entry makes it (no serving).
struct resolved_food {
    food item;
    food_choice choice;
};
resolved_food resolve_food(const food_catalog& catalog, std::string_view food);

}  // namespace mgcalc
