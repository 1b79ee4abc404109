// mgcalc/foods/loaders.hpp - bring newer or your own food data: USDA FoodData Central CSV, the
// USDA SR28 ASCII release, and mgcalc's own CSV for custom foods and recipes.
//
// Opt-in: not included by <mgcalc/mgcalc.hpp>. Errors name the file, line and field, and what
// was expected (mgcalc::error with code malformed_file).
#pragma once

#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/database.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace mgcalc {

/// A FoodData Central CSV download folder (food.csv, food_nutrient.csv, food_portion.csv,
/// nutrient.csv, measure_unit.csv). Magnesium is nutrient id 1090 (nutrient_nbr 304).
/// Source name "fdc"; ids are fdc_id.
std::shared_ptr<const food_database> load_fdc_csv(const std::string& directory);

/// A USDA SR28 (or SR Legacy) ASCII folder (FOOD_DES.txt, NUT_DATA.txt, WEIGHT.txt): '^'
/// separates fields, '~' wraps text, Latin-1 converted to UTF-8. Source name "sr28".
std::shared_ptr<const food_database> load_sr28(const std::string& directory);

/// mgcalc's own CSV of custom foods, portions and recipes (docs/food-data.md). Recipe
/// ingredients are resolved in `ingredients` (foods defined earlier in the same file first).
/// Source name "csv".
std::shared_ptr<const food_database> load_food_csv(const std::string& file, const food_catalog& ingredients);

/// "fdc:DIR", "sr28:DIR" or "csv:FILE", as the command line's --food-db takes it.
std::shared_ptr<const food_database> load_food_database(std::string_view spec, const food_catalog& ingredients);

}  // namespace mgcalc
