// mgcalc/foods/recipe.hpp - a named food made of servings of other foods. Header-only.
//
// Arithmetic: magnesium per 100 g of the finished dish = (sum of the ingredients' magnesium) /
// (yield weight) x 100 g. The yield weight is the weighed finished dish when given, otherwise the
// ingredients' total weight. This is the USDA's recipe method without nutrient retention factors:
// magnesium is a mineral and does not cook away, but water does, so a weighed yield is better
// than the sum of raw weights (USDA Table of Nutrient Retention Factors, Release 6, 2007: mineral
// retention is near 100% except where liquid is discarded).
//
// Unknown is not zero: an ingredient without magnesium data is left out of the sum and the
// result is marked as a lower bound; if no ingredient is known, the recipe's value is unknown.
#pragma once

#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/units.hpp>

#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <utility>

namespace mgcalc {

struct recipe_ingredient {
    mgcalc::food food;
    grams amount;
};

/// What a recipe makes: its total cooked weight, a number of servings, or both.
struct recipe_yield {
    /// Weight of the finished dish; when empty, the ingredients' total weight is used (no
    /// water lost or gained in cooking).
    std::optional<grams> total_weight;
    /// Servings the dish is divided into; adds a "serving" portion of total / servings.
    std::optional<double> servings;
};

/// Builds the recipe as a food (source "recipe"): magnesium per 100 g of the finished dish is
/// the ingredients' magnesium over the yield weight. An ingredient with unknown magnesium makes
/// the value a lower bound (magnesium_is_lower_bound), and if no ingredient is known the value
/// is unknown. Throws mgcalc::error (invalid_amount) for no ingredients, a zero or negative yield
/// or servings count. A template only so that its body is compiled where it is called, not in
/// every includer (as evaluate()).
template <class = void>
food make_recipe(std::string id, std::string description, std::span<const recipe_ingredient> ingredients,
                 recipe_yield yield = {});

// ---------------------------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------------------------

template <class>
food make_recipe(std::string id, std::string description, std::span<const recipe_ingredient> ingredients,
                 recipe_yield yield) {
    const auto positive_finite = [](double value) { return std::isfinite(value) && value > 0; };
    const std::string where = detail::concat({"recipe '", id, "'"});
    if (ingredients.empty()) {
        throw error(errc::invalid_amount,
                    detail::concat({where, " has no ingredients; expected at least one food with an amount"}));
    }
    if (yield.total_weight && !positive_finite(yield.total_weight->value())) {
        throw error(errc::invalid_amount,
                    detail::concat({where, ": yield weight ", detail::decimal(yield.total_weight->value(), 3),
                                   " g is not accepted; expected a positive weight of the finished dish"}));
    }
    if (yield.servings && !positive_finite(*yield.servings)) {
        throw error(errc::invalid_amount,
                    detail::concat({where, ": ", detail::decimal(*yield.servings, 3),
                                   " servings is not accepted; expected a positive number of servings"}));
    }

    grams ingredient_weight = grams::from_value(0.0);
    milligrams known_magnesium = milligrams::from_value(0.0);
    std::size_t known = 0;
    bool lower_bound = false;
    bool any_unknown = false;
    for (const recipe_ingredient& ingredient : ingredients) {
        if (!positive_finite(ingredient.amount.value())) {
            throw error(errc::invalid_amount,
                        detail::concat({where, ": ingredient '", ingredient.food.id, "' (", ingredient.food.description,
                                       ") has amount ", detail::decimal(ingredient.amount.value(), 3),
                                       " g; expected a positive, finite weight"}));
        }
        ingredient_weight += ingredient.amount;
        if (const auto magnesium = magnesium_in(ingredient.food, ingredient.amount)) {
            known_magnesium += *magnesium;
            ++known;
            // A lower-bound ingredient (a recipe with an unknown part) keeps this one a lower bound.
            if (ingredient.food.magnesium_is_lower_bound) lower_bound = true;
        } else {
            any_unknown = true;
        }
    }

    const grams yield_weight = yield.total_weight.value_or(ingredient_weight);

    food dish;
    dish.id = std::move(id);
    dish.description = std::move(description);
    dish.source = "recipe";
    if (known > 0) {
        dish.magnesium_per_100g = known_magnesium * (100.0 / yield_weight.value());
        dish.magnesium_is_lower_bound = lower_bound || any_unknown;
    }
    // Household measures of the dish: one serving, and the whole batch.
    if (yield.servings) dish.portions.push_back(portion{1.0, "serving", yield_weight / *yield.servings});
    dish.portions.push_back(portion{1.0, "recipe", yield_weight});
    return dish;
}

}  // namespace mgcalc
