// An evening magnesium stack for sleep, assessed by mgcalc::assess_sleep (docs/sleep.md): a
// 34-year-old woman going to bed at 22:30 takes 200 mg elemental magnesium as bisglycinate at 21:45
// and 2 g of Magtein (magnesium L-threonate, labelled 144 mg per 2 g) at 21:50, after a day of
// ordinary food. CTest builds and runs it and checks its output (sleep_stack.expected).
// This is arithmetic on published figures, not advice.
#include <mgcalc/mgcalc.hpp>
#include <mgcalc/advice/sleep.hpp>

#include <iomanip>
#include <iostream>

int main() {
    using namespace mgcalc::unit_symbols;

    // Magnesium per 100 g, USDA SR24 (data/usda-sr24/foods.csv).
    const mgcalc::food bread{"18075", "Bread, whole-wheat, commercially prepared", 82.0 * mg};
    const mgcalc::food banana{"09040", "Bananas, raw", 27.0 * mg};
    const mgcalc::food milk{"01077", "Milk, whole, 3.25% milkfat, with added vitamin D", 10.0 * mg};
    const mgcalc::food rice{"20041", "Rice, brown, medium-grain, cooked", 44.0 * mg};
    const mgcalc::food salmon{"15076", "Fish, salmon, Atlantic, wild, raw", 29.0 * mg};
    const mgcalc::food spinach{"11457", "Spinach, raw", 79.0 * mg};

    mgcalc::day_intake day;
    day.add_food(bread, 64.0 * g)     // two slices
        .add_food(banana, 118.0 * g)  // one medium
        .add_food(milk, 244.0 * g)    // one cup
        .add_food(rice, 150.0 * g)
        .add_food(salmon, 120.0 * g)
        .add_food(spinach, 30.0 * g)
        .add_supplement(mgcalc::parse_supplement_dose("glycinate=200 mg"), "glycinate=200 mg",
                        mgcalc::parse_time_of_day("21:45"))
        .add_supplement(mgcalc::parse_supplement_dose("threonate=2 g compound, 144 mg per 2 g"), "Magtein 2 g",
                        mgcalc::parse_time_of_day("21:50"));

    const mgcalc::life_stage person{mgcalc::sex::female, mgcalc::age::from_years(34.0)};
    mgcalc::sleep_context context;
    context.bedtime = mgcalc::parse_time_of_day("22:30");

    const mgcalc::sleep_assessment result = mgcalc::assess_sleep(day, person, context);
    const mgcalc::evaluation& whole_day = result.day;

    std::cout << std::fixed << std::setprecision(1);
    std::cout << "Bedtime " << mgcalc::to_string(context.bedtime) << ", window " << context.window_closes_minutes_before
              << "-" << context.window_opens_minutes_before << " minutes before bed\n"
              << "Evening dose: " << result.evening_elemental.value() << " mg elemental magnesium\n"
              << "Glycine: " << result.glycine.value() << " mg\n";
    for (const mgcalc::carried_amount& carried : result.carried) {
        std::cout << "Carried: " << carried.name << " " << carried.amount.value() << " mg\n";
    }
    std::cout << "Day: food " << whole_day.food.value() << " mg + supplements " << whole_day.supplement.value()
              << " mg = " << whole_day.total.value() << " mg, " << whole_day.percent_of_target << " % of the "
              << mgcalc::to_string(whole_day.reference.target_kind) << " " << whole_day.reference.target.value() << " mg\n"
              << "Supplements against the UL: " << whole_day.supplement.value() << " of "
              << whole_day.reference.ul_supplemental->value() << " mg\n"
              << "Findings: " << result.findings.size() << '\n';
    for (const mgcalc::finding& finding : result.findings) {
        std::cout << "[" << mgcalc::to_string(finding.severity) << "] " << finding.code << ": " << finding.message
                  << "\n    evidence: " << finding.evidence << '\n';
    }
}
