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

/// The texts of a FoodData Central folder's five files, held in memory.
struct fdc_csv_texts {
    std::string_view food, food_nutrient, food_portion, nutrient, measure_unit;
};
/// The same as load_fdc_csv(directory), from texts held in memory: the same foods and the same
/// errors, naming "NAME/food.csv" and the line where the folder version names the file.
std::shared_ptr<const food_database> load_fdc_csv(const fdc_csv_texts& texts, const std::string& name);

/// A USDA SR28 (or SR Legacy) ASCII folder (FOOD_DES.txt, NUT_DATA.txt, WEIGHT.txt): '^'
/// separates fields, '~' wraps text, Latin-1 converted to UTF-8. Source name "sr28".
std::shared_ptr<const food_database> load_sr28(const std::string& directory);

/// The texts of an SR28 folder's three files, held in memory (Latin-1, as in the files).
struct sr28_texts {
    std::string_view food_des, nut_data, weight;
};
/// The same as load_sr28(directory), from texts held in memory; errors name "NAME/FOOD_DES.txt"
/// (NUT_DATA.txt, WEIGHT.txt) and the line.
std::shared_ptr<const food_database> load_sr28(const sr28_texts& texts, const std::string& name);

/// mgcalc's own CSV of custom foods, portions and recipes (docs/food-data.md). Recipe
/// ingredients are resolved in `ingredients` (foods defined earlier in the same file first).
/// Source name "csv".
std::shared_ptr<const food_database> load_food_csv(const std::string& file, const food_catalog& ingredients);
/// The same as load_food_csv(file, ingredients), from text held in memory; `name` stands for the
/// file name in errors ("NAME:LINE: field 'NAME': ...").
std::shared_ptr<const food_database> load_food_csv(std::string_view text, const std::string& name,
                                                   const food_catalog& ingredients);

/// "fdc:DIR", "sr28:DIR" or "csv:FILE", as the command line's --food-db takes it.
std::shared_ptr<const food_database> load_food_database(std::string_view spec, const food_catalog& ingredients);

}  // namespace mgcalc
