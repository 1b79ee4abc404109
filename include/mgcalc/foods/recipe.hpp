// mgcalc/foods/recipe.hpp - a named food made of servings of other foods.
#pragma once

#include <mgcalc/foods/food.hpp>
#include <mgcalc/units.hpp>

#include <optional>
#include <span>
#include <string>

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
/// or servings count.
food make_recipe(std::string id, std::string description, std::span<const recipe_ingredient> ingredients,
                 recipe_yield yield = {});

}  // namespace mgcalc
