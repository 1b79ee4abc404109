// mgcalc/foods/serving.hpp - what a person says they ate ("1 1/2 cups", "2 tbsp", "100 g"), turned
// into grams through the food's own portions.
#pragma once

#include <mgcalc/result.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/units.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

/// A quantity of a measure, as typed: 1.5 and "cups" for "1 1/2 cups".
struct serving {
    double quantity;
    std::string measure;
};

/// Parses "100 g", "1 oz", "1/2 cup", "1 1/2 cups", "2 tbsp", "1 medium", "1 cup, chopped",
/// "3 pieces", "0.5 lb", "1½ cups". A measure is required: "1" alone is an error, never "one
/// of the food's first portion". Throws mgcalc::error (parse_error, invalid_amount).
serving parse_serving(std::string_view text);
/// parse_serving's twin: the error instead of throwing it.
result<serving> try_parse_serving(std::string_view text);

/// A serving in grams, with the rule that produced it.
struct resolved_serving {
    grams weight;
    /// How the weight was found, reported with results: "g", "oz (1 oz = 28.349523125 g)",
    /// "cup, chopped (1 cup, chopped = 30 g)", "tbsp via cup (1 cup = 30 g; 16 tbsp = 1 cup)".
    std::string measure_used;
    /// Other portions of the food the measure matched, when one was chosen among several
    /// ("1 cup" of almonds: whole chosen; ground, sliced and slivered listed here).
    std::vector<portion> other_portions{};
};

/// Converts a serving of a food to grams. Mass units (mg, g, kg, oz, lb) convert for every food;
/// any other measure resolves only through that food's portions (volume words convert among
/// themselves within the food: cup = 16 tbsp = 48 tsp = 8 fl oz; mL, L). Throws mgcalc::error
/// (unknown_measure) listing the food's available measures, or (invalid_amount).
/// When several portions match one measure, the one a person means when they say no more comes
/// first: whole or unqualified, then cut (sliced, chopped), then reduced or packed (ground,
/// mashed, shredded); the others are listed in `other_portions` (docs/food-data.md).
resolved_serving resolve_serving(const food& item, const serving& amount);
/// Non-throwing twin for a measure the food may not have: empty when no portion fits (still
/// throws invalid_amount for a quantity or a portion of the food that is not usable).
std::optional<resolved_serving> find_serving(const food& item, const serving& amount);

/// A count of the food itself, with no measure: "1 banana", "1/2 avocado", "2 eggs". One is the
/// portion that is one of the food: a large one for eggs (the egg of US recipes and labels), a
/// medium one for other foods, else a portion named by the food ("avocado, ...", "almond"),
/// else "fruit", "whole", "each", "item" or "piece", else another size (docs/food-data.md,
/// "Counts"). `named_as` is what the person called the food ("bananas", "baked potato"), to
/// find the portions named by it. Throws mgcalc::error (unknown_measure) when the food has no
/// such portion, (invalid_amount) for a count that is not above 0 or implausibly large.
resolved_serving resolve_count(const food& item, double count, std::string_view named_as);
/// Non-throwing twin: empty when the food has no portion that is one of it.
std::optional<resolved_serving> find_count(const food& item, double count, std::string_view named_as);

}  // namespace mgcalc
