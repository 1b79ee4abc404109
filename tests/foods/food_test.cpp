// Tests for mgcalc/foods/food.hpp: magnesium in an amount of a food; unknown stays unknown.
#include <mgcalc/foods/food.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace mgcalc::unit_symbols;

namespace {
// USDA SR24 (data/usda-sr24/PROVENANCE.md worked values): 12014 pumpkin seed kernels, dried,
// 592 mg Mg per 100 g; 20137 quinoa, cooked, 64 mg per 100 g.
const mgcalc::food pumpkin_seeds{"12014", "Seeds, pumpkin and squash seed kernels, dried", 592.0 * mg};
const mgcalc::food quinoa{"20137", "Quinoa, cooked", 64.0 * mg};
}  // namespace

TEST_CASE("food: magnesium scales from the per-100 g value (USDA SR24 worked values)", "[food]") {
    // PROVENANCE.md: quinoa 1 cup = 185 g -> 118.4 mg; pumpkin seeds 1 cup = 129 g -> 763.7 mg.
    CHECK(mgcalc::magnesium_in(quinoa, 185.0 * g)->value() == Approx(118.4));
    CHECK(mgcalc::magnesium_in(pumpkin_seeds, 129.0 * g)->value() == Approx(763.68));
    CHECK(mgcalc::magnesium_in(pumpkin_seeds, 0.0 * g)->value() == 0.0);
}

TEST_CASE("food: an ounce converts exactly before the per-100 g arithmetic", "[food]") {
    // 1 oz = 28.349523125 g exactly; 592 mg/100 g x 28.349523125 g = 167.829177 mg.
    const mgcalc::grams one_ounce{1.0 * oz};
    CHECK(mgcalc::magnesium_in(pumpkin_seeds, one_ounce)->value() == Approx(167.8291769));
}

TEST_CASE("food: a food without an analysed value is unknown, not zero", "[food]") {
    const mgcalc::food unanalysed{"99999", "A food with no magnesium analysis", std::nullopt};
    CHECK_FALSE(mgcalc::magnesium_in(unanalysed, 100.0 * g).has_value());
    const mgcalc::food analysed_zero{"01003", "Butter oil, anhydrous", 0.0 * mg};  // SR24 lists 0.0
    REQUIRE(mgcalc::magnesium_in(analysed_zero, 100.0 * g).has_value());
    CHECK(mgcalc::magnesium_in(analysed_zero, 100.0 * g)->value() == 0.0);
}
