// Tests for mgcalc/foods/recipe.hpp: a recipe's magnesium per 100 g, worked by hand from USDA SR24.
//
// USDA SR24 values used (data/usda-sr24/foods.csv and portions.csv):
//   08120 Cereals, oats, regular and quick, not fortified, dry    138 mg Mg / 100 g
//   12014 Seeds, pumpkin and squash seed kernels, dried            592 mg / 100 g
//   19296 Honey                                                    2.0 mg / 100 g; 1 tbsp = 21 g
//   04678 Oil, vegetable, Natreon canola, high stability, ...      no magnesium analysis
#include <mgcalc/error.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/recipe.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

using namespace mgcalc::unit_symbols;

namespace {

const mgcalc::food_catalog& sr24() {
    static const mgcalc::food_catalog catalog;
    return catalog;
}

mgcalc::food oats() { return sr24().get("usda-sr24:08120"); }
mgcalc::food pumpkin_seeds() { return sr24().get("usda-sr24:12014"); }
mgcalc::food honey() { return sr24().get("usda-sr24:19296"); }
mgcalc::food canola_oil() { return sr24().get("usda-sr24:04678"); }

// 300 g oats + 100 g pumpkin seeds + 4 tbsp (84 g) honey:
//   300 x 138 / 100 = 414 mg; 100 x 592 / 100 = 592 mg; 84 x 2.0 / 100 = 1.68 mg
//   total 1007.68 mg in 484 g of ingredients.
std::vector<mgcalc::recipe_ingredient> granola() {
    return {{oats(), 300.0 * g}, {pumpkin_seeds(), 100.0 * g}, {honey(), 84.0 * g}};
}

}  // namespace

TEST_CASE("recipe: the SR24 values this file cites are the embedded ones", "[recipe]") {
    CHECK(oats().magnesium_per_100g->value() == Approx(138.0));
    CHECK(pumpkin_seeds().magnesium_per_100g->value() == Approx(592.0));
    CHECK(honey().magnesium_per_100g->value() == Approx(2.0));
    CHECK_FALSE(canola_oil().magnesium_per_100g.has_value());
}

TEST_CASE("recipe: without a yield the ingredients' weight is the dish's weight", "[recipe]") {
    const auto ingredients = granola();
    const mgcalc::food dish = mgcalc::make_recipe("granola", "Granola, homemade", ingredients);
    CHECK(dish.id == "granola");
    CHECK(dish.description == "Granola, homemade");
    CHECK(dish.source == "recipe");
    CHECK_FALSE(dish.magnesium_is_lower_bound);
    REQUIRE(dish.magnesium_per_100g);
    // 1007.68 mg / 484 g x 100 g = 208.1983 mg per 100 g.
    CHECK(dish.magnesium_per_100g->value() == Approx(208.1983471));
    // The whole batch is a portion, and its magnesium is the ingredients' sum.
    REQUIRE(dish.portions.size() == 1);
    CHECK(dish.portions[0].measure == "recipe");
    CHECK(dish.portions[0].weight.value() == Approx(484.0));
    CHECK(mgcalc::magnesium_in(dish, dish.portions[0].weight)->value() == Approx(1007.68));
}

TEST_CASE("recipe: a weighed yield concentrates the same magnesium in less food", "[recipe]") {
    // Baked granola loses water: 484 g of ingredients weigh 440 g out of the oven.
    const auto ingredients = granola();
    const mgcalc::food dish = mgcalc::make_recipe("granola", "Granola, baked", ingredients, {440.0 * g, 10.0});
    REQUIRE(dish.magnesium_per_100g);
    // 1007.68 mg / 440 g x 100 g = 229.0182 mg per 100 g (not 208.2: the yield, not the
    // ingredients, is what is eaten).
    CHECK(dish.magnesium_per_100g->value() == Approx(229.0181818));

    // 10 servings of 440 g: one serving is 44 g and holds a tenth of the magnesium.
    REQUIRE(dish.portions.size() == 2);
    CHECK(dish.portions[0].measure == "serving");
    CHECK(dish.portions[0].amount == 1.0);
    CHECK(dish.portions[0].weight.value() == Approx(44.0));
    CHECK(mgcalc::magnesium_in(dish, dish.portions[0].weight)->value() == Approx(100.768));
    CHECK(dish.portions[1].measure == "recipe");
    CHECK(dish.portions[1].weight.value() == Approx(440.0));
}

TEST_CASE("recipe: servings without a weight divide the ingredients' weight", "[recipe]") {
    const auto ingredients = granola();
    const mgcalc::food dish = mgcalc::make_recipe("granola", "Granola", ingredients, {std::nullopt, 4.0});
    CHECK(dish.magnesium_per_100g->value() == Approx(208.1983471));
    REQUIRE(dish.portions.size() == 2);
    CHECK(dish.portions[0].measure == "serving");
    CHECK(dish.portions[0].weight.value() == Approx(121.0));  // 484 g / 4
    CHECK(mgcalc::magnesium_in(dish, dish.portions[0].weight)->value() == Approx(251.92));
}

TEST_CASE("recipe: an ingredient of unknown magnesium makes the value a lower bound", "[recipe]") {
    auto ingredients = granola();
    ingredients.push_back({canola_oil(), 42.0 * g});  // 3 tbsp x 14 g (SR24 portion of 04678)
    const mgcalc::food dish = mgcalc::make_recipe("granola-oil", "Granola with oil", ingredients);
    REQUIRE(dish.magnesium_per_100g);
    CHECK(dish.magnesium_is_lower_bound);
    // The oil's weight counts, its magnesium cannot: 1007.68 mg / 526 g x 100 = 191.5741 mg, at least.
    CHECK(dish.magnesium_per_100g->value() == Approx(191.5741445));

    // A recipe made with that recipe is a lower bound too.
    const std::vector<mgcalc::recipe_ingredient> bowl{{dish, 60.0 * g}, {oats(), 40.0 * g}};
    const mgcalc::food breakfast = mgcalc::make_recipe("bowl", "Breakfast bowl", bowl);
    CHECK(breakfast.magnesium_is_lower_bound);
    // (60 x 191.5741 + 40 x 138) / 100 g = 114.9445 + 55.2 = 170.1445 mg per 100 g
    CHECK(breakfast.magnesium_per_100g->value() == Approx(170.1444867));
}

TEST_CASE("recipe: no known ingredient leaves the value unknown, not 0", "[recipe]") {
    const std::vector<mgcalc::recipe_ingredient> oil_only{{canola_oil(), 14.0 * g}, {canola_oil(), 28.0 * g}};
    const mgcalc::food dressing = mgcalc::make_recipe("oil", "Oil blend", oil_only, {std::nullopt, 3.0});
    CHECK_FALSE(dressing.magnesium_per_100g.has_value());
    CHECK_FALSE(dressing.magnesium_is_lower_bound);  // unknown, not a bound
    CHECK_FALSE(mgcalc::magnesium_in(dressing, 10.0 * g).has_value());
    CHECK(dressing.portions.at(0).weight.value() == Approx(14.0));  // the portions are still known

    // A known 0 is a value: an ingredient with 0 mg keeps the recipe known.
    const mgcalc::food water{"w", "Water, distilled", 0.0 * mg};
    const std::vector<mgcalc::recipe_ingredient> with_water{{canola_oil(), 14.0 * g}, {water, 86.0 * g}};
    const mgcalc::food mixed = mgcalc::make_recipe("mix", "Oil and water", with_water);
    REQUIRE(mixed.magnesium_per_100g);
    CHECK(mixed.magnesium_per_100g->value() == 0.0);
    CHECK(mixed.magnesium_is_lower_bound);
}

TEST_CASE("recipe: bad input throws invalid_amount", "[recipe]") {
    const auto ingredients = granola();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    auto code_of = [](auto&& call) {
        try {
            call();
        } catch (const mgcalc::error& e) {
            return e.code();
        }
        return mgcalc::errc{};
    };
    using mgcalc::errc;

    CHECK(code_of([] { mgcalc::make_recipe("r", "R", {}); }) == errc::invalid_amount);
    for (double bad : {0.0, -10.0, nan, inf}) {
        CAPTURE(bad);
        CHECK(code_of([&] {
                  mgcalc::make_recipe("r", "R", ingredients, {bad * g, std::nullopt});
              }) == errc::invalid_amount);
        CHECK(code_of([&] {
                  mgcalc::make_recipe("r", "R", ingredients, {std::nullopt, bad});
              }) == errc::invalid_amount);
        const std::vector<mgcalc::recipe_ingredient> one{{oats(), bad * g}};
        CHECK(code_of([&] { mgcalc::make_recipe("r", "R", one); }) == errc::invalid_amount);
    }
    try {
        mgcalc::make_recipe("granola", "Granola", ingredients, {-5.0 * g, std::nullopt});
        FAIL("expected an error");
    } catch (const mgcalc::error& e) {
        CHECK_THAT(e.what(), Catch::Matchers::Contains("recipe 'granola': yield weight -5 g is not accepted"));
    }
}
