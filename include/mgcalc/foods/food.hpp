// mgcalc/foods/food.hpp - a food, its magnesium content and its household portions.
//
// Unknown is not zero: a food without an analysed magnesium value (679 of the 7,907 USDA SR24
// foods) has no value here, and every total that meets it says so.
#pragma once

#include <mgcalc/units.hpp>

#include <optional>
#include <string>
#include <vector>

namespace mgcalc {

/// A household measure of one food with its gram weight, as food composition tables list them:
/// USDA SR `WEIGHT` rows and FoodData Central `food_portion` rows. A cup of spinach is not a cup
/// of seeds, so a volume converts to grams only through the food's own portions.
struct portion {
    double amount = 1.0;  ///< how many of the measure the weight is for: 0.5 in "0.5 cup = 126 g"
    std::string measure;  ///< the measure as the source writes it: "cup, chopped", "medium", "oz"
    grams weight = grams::from_value(0.0);  ///< gram weight of `amount` x `measure`
};

struct food {
    std::string id;           ///< e.g. the USDA NDB number "12014" (leading zeros kept)
    std::string description;  ///< e.g. "Seeds, pumpkin and squash seed kernels, dried"
    /// Magnesium per 100 g of edible portion, as food composition tables state it; empty when
    /// not analysed.
    std::optional<milligrams> magnesium_per_100g;
    std::vector<portion> portions{};  ///< household measures, in the source's order
    std::string source{};             ///< the database it came from: "usda-sr24", "fdc", "sr28", "csv", "recipe"
    /// True when the value is only a lower bound: a recipe with an ingredient of unknown magnesium.
    bool magnesium_is_lower_bound = false;
};

/// Magnesium in `amount` of the food: amount / 100 g x magnesium_per_100g; empty when unknown.
inline std::optional<milligrams> magnesium_in(const food& item, grams amount) {
    if (!item.magnesium_per_100g) return std::nullopt;  // unknown stays unknown, never 0
    // Food composition tables state nutrients per 100 g of edible portion (USDA SR24 doc, ch. 1).
    return *item.magnesium_per_100g * (amount.value() / 100.0);
}

}  // namespace mgcalc
