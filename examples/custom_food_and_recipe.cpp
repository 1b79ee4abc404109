// Your own foods over the embedded USDA SR24 data: a custom food from a label, a recipe built with
// make_recipe (one ingredient has no magnesium data, so the recipe is a lower bound), both kept in
// a food_table layered over SR24 in a food_catalog and resolved by "SOURCE:ID". CTest checks the
// output (custom_food_and_recipe.expected).
//
// Expected numbers, worked by hand (USDA SR24, data/usda-sr24; the same granola as
// data/examples/custom-foods.csv and docs/food-data.md):
//   protein bar: label 54 mg per 45 g bar -> 54 / 45 x 100 = 120 mg per 100 g
//   granola: oats 08120 300 g x 1.38 = 414 mg; pumpkin seeds 12014 100 g x 5.92 = 592 mg;
//            honey 19296 4 tbsp = 84 g x 0.02 = 1.68 mg; canola oil 04678 42 g = unknown
//            -> at least 1007.68 mg in 440 g baked = 229.02 mg per 100 g (lower bound);
//            10 servings -> "serving" = 44 g -> 100.77 mg
//   day: granola 100.77 + bar 54.00 + milk 01077 1 cup 244 g x 0.10 = 24.40 -> food 179.17 mg;
//        + 100 mg glycinate = 279.17 mg, a lower bound.
// Females 19-30 y (IOM 1997): RDA 310, EAR 255 -> 279.17 / 310 = 90.1 %, below-rda.
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/mgcalc.hpp>

#include <iomanip>
#include <iostream>
#include <memory>
#include <vector>

int main() {
    // [custom-food-and-recipe]
    using namespace mgcalc::unit_symbols;
    mgcalc::food_catalog catalog;  // starts with the embedded usda-sr24 layer

    // A table of our own foods; its source name is what "SOURCE:ID" references use.
    auto mine = std::make_shared<mgcalc::food_table>("mine");
    mine->add({"protein-bar", "Protein bar, peanut butter", 120.0 * mg, {{1.0, "bar", 45.0 * g}}});

    // The recipe's ingredients come from the catalog; amounts are grams (resolve_serving turns
    // "4 tbsp" of honey into 84 g through honey's own SR24 portion).
    const mgcalc::food honey = catalog.get("usda-sr24:19296");
    const mgcalc::food canola = catalog.get("usda-sr24:04678");  // never analysed: unknown, not 0
    const std::vector<mgcalc::recipe_ingredient> ingredients{
        {catalog.get("usda-sr24:08120"), 300.0 * g},
        {catalog.get("usda-sr24:12014"), 100.0 * g},
        {honey, mgcalc::resolve_serving(honey, mgcalc::parse_serving("4 tbsp")).weight},
        {canola, mgcalc::resolve_serving(canola, mgcalc::parse_serving("3 tbsp")).weight},
    };
    // Weighed after baking (440 g), in 10 servings: adds a "serving" portion of 44 g.
    mine->add(mgcalc::make_recipe("granola", "Granola, homemade", ingredients, {440.0 * g, 10.0}));
    catalog.add(mine);  // on top of usda-sr24

    const mgcalc::food granola = catalog.get("mine:granola");
    std::cout << std::fixed << std::setprecision(2) << granola.description << ": "
              << (granola.magnesium_is_lower_bound ? "at least " : "") << granola.magnesium_per_100g->value()
              << " mg per 100 g\n";

    mgcalc::day_intake day;
    day.add_food(granola, mgcalc::parse_serving("1 serving"), "granola=1 serving")
        .add_food(catalog.get("mine:protein-bar"), mgcalc::parse_serving("1 bar"), "protein bar=1 bar")
        .add_food(catalog.get("usda-sr24:01077"), mgcalc::parse_serving("1 cup"), "milk=1 cup")
        .add_supplement(mgcalc::parse_supplement_dose("glycinate=100 mg"), "glycinate=100 mg");

    const mgcalc::life_stage person{mgcalc::sex::female, mgcalc::age::from_years(25.0)};
    const mgcalc::evaluation result = mgcalc::evaluate(day, person);
    for (const mgcalc::entry_contribution& entry : result.entries) {
        const bool is_food = entry.kind == mgcalc::entry_kind::food;  // supplements have no food source
        std::cout << "  " << entry.input << ": " << entry.magnesium->value() << " mg ("
                  << (is_food ? entry.food_source : "supplement") << ")\n";
    }
    std::cout << "Food " << result.food.value() << " mg, " << result.lower_bound_entries
              << " lower-bound entry; total " << (result.total_is_lower_bound() ? "at least " : "")
              << result.total.value() << " mg = " << std::setprecision(1) << result.percent_of_target << " % of "
              << result.reference.target.value() << " mg, " << mgcalc::status_code(result) << '\n';
    // [custom-food-and-recipe]
}
