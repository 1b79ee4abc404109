// mgcalc/food.hpp - a food and its magnesium content.
//
// Unknown is not zero: a food without an analysed magnesium value (679 of the 7,907 USDA SR24
// foods) has no value here, and every total that meets it says so.
#pragma once

#include <mgcalc/units.hpp>

#include <optional>
#include <string>

namespace mgcalc {

struct food {
    std::string id;           ///< e.g. the USDA NDB number "12014" (leading zeros kept)
    std::string description;  ///< e.g. "Seeds, pumpkin and squash seed kernels, dried"
    /// Magnesium per 100 g of edible portion, as food composition tables state it; empty when
    /// not analysed.
    std::optional<milligrams> magnesium_per_100g;
};

/// Magnesium in `amount` of the food: amount / 100 g x magnesium_per_100g; empty when unknown.
std::optional<milligrams> magnesium_in(const food& item, grams amount);

}  // namespace mgcalc
