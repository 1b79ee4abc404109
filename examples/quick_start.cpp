// Quick start: one day of foods and a supplement, evaluated for a 34-year-old woman.
// The README's quick start is this file between the snippet markers; CTest builds and runs it
// and checks its output (quick_start.expected).
#include <mgcalc/mgcalc.hpp>

#include <iostream>

int main() {
    // [quick-start]
    using namespace mgcalc::unit_symbols;

    // Magnesium per 100 g from USDA SR24 (12014, 09040); the second food has no analysed value.
    const mgcalc::food pumpkin_seeds{"12014", "Seeds, pumpkin and squash seed kernels, dried", 592.0 * mg};
    const mgcalc::food banana{"09040", "Bananas, raw", 27.0 * mg};
    const mgcalc::food cheese_sauce{"01188", "KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce", std::nullopt};

    mgcalc::day_intake day;
    day.add_food(pumpkin_seeds, mgcalc::grams{1.0 * oz})  // an ounce, converted explicitly
        .add_food(banana, 118.0 * g)
        .add_food(cheese_sauce, 30.0 * g)
        .add_supplement(mgcalc::parse_supplement_dose("glycinate=200 mg"));  // label: elemental mg

    const mgcalc::life_stage person{mgcalc::sex::female, mgcalc::age::from_years(34.5)};
    const mgcalc::evaluation result = mgcalc::evaluate(day, person);

    std::cout << "Target (" << mgcalc::to_string(result.reference.target_kind) << "): " << result.reference.target.value()
              << " mg\n"
              << "Food: " << result.food.value() << " mg, " << result.unknown_entries << " entry without data\n"
              << "Supplements: " << result.supplement.value() << " mg (UL for supplements: "
              << result.reference.ul_supplemental->value() << " mg)\n"
              << "Total: at least " << result.total.value() << " mg = " << result.percent_of_target
              << " % of target, " << mgcalc::status_code(result) << '\n';
    // [quick-start]
}
