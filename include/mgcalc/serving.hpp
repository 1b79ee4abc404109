// mgcalc/serving.hpp - what a person says they ate ("1 1/2 cups", "2 tbsp", "100 g"), turned
// into grams through the food's own portions.
#pragma once

#include <mgcalc/food.hpp>
#include <mgcalc/units.hpp>

#include <string>
#include <string_view>

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

/// A serving in grams, with the rule that produced it.
struct resolved_serving {
    grams weight;
    /// How the weight was found, reported with results: "g", "oz (1 oz = 28.349523125 g)",
    /// "cup, chopped (1 cup, chopped = 30 g)", "tbsp via cup (1 cup = 30 g; 16 tbsp = 1 cup)".
    std::string measure_used;
};

/// Converts a serving of a food to grams. Mass units (mg, g, kg, oz, lb) convert for every food;
/// any other measure resolves only through that food's portions (volume words convert among
/// themselves within the food: cup = 16 tbsp = 48 tsp = 8 fl oz; mL, L). Throws mgcalc::error
/// (unknown_measure) listing the food's available measures, or (invalid_amount).
resolved_serving resolve_serving(const food& item, const serving& amount);

}  // namespace mgcalc
