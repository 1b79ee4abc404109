// mgcalc/advice/suggestion.hpp - everyday foods that would close a day's gap to the target.
#pragma once

#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/foods/database.hpp>
#include <mgcalc/units.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace mgcalc {

struct food_suggestion {
    food item;
    portion serving;       ///< a common serving from the food's own portions
    milligrams magnesium;  ///< magnesium in that serving
    bool closes_gap;       ///< one serving alone reaches the target
    std::string text;      ///< "1 oz (28.35 g) of Seeds, pumpkin ..., roasted adds 156 mg"
};

struct gap_suggestions {
    milligrams gap;  ///< target - total; 0 when the target is met
    std::vector<food_suggestion> foods;
    /// Largest supplemental amount that stays within the supplemental UL and does not exceed the
    /// gap: empty when there is no gap, no room under the UL, or no UL (infants: no supplement).
    std::optional<milligrams> supplement_room;
    /// Said once for all the foods: "Servings are adult household measures ..."; for children
    /// under 4 also that whole nuts and seeds are left out. Empty when no food is suggested.
    std::string note;
};

/// For a day below its target: up to `count` everyday foods with known magnesium and a realistic
/// serving (a curated list of common foods in `database`, default the embedded USDA SR24), the
/// ones that close the gap in one serving first. Foods the day already has are not suggested
/// (same id and source, or same description), nor whole nuts and seeds for children under 4,
/// nor any food for infants. Never proposes a supplement amount that would cross the UL.
gap_suggestions suggest_for_gap(const evaluation& day, std::size_t count = 3);
gap_suggestions suggest_for_gap(const evaluation& day, std::size_t count, const food_database& database);

}  // namespace mgcalc
