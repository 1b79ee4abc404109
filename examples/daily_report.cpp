// A day's report: food entries typed as people write them, read by mgcalc::resolve_food_entry in
// the embedded USDA SR24 data (by search words, an id, with household servings), plus a
// supplement, evaluated for a man of 45 and followed by suggestions for closing the gap. CTest
// checks the output (daily_report.expected).
//
// Expected numbers, worked by hand from data/usda-sr24/foods.csv and portions.csv:
//   "1 cup oatmeal" -> 08121 oats cooked with water (oatmeal is cooked oats), 27 mg/100 g,
//              "1 cup" = 234 g                              -> 63.18 mg
//   "an ounce of almonds" -> 12061 Nuts, almonds, 268 mg/100 g, 1 oz = 28.349523125 g (a mass
//              unit, never the rounded 28.35 g portion)    -> 75.98 mg
//   "1 cup raw spinach" -> 11457 Spinach, raw, 79 mg/100 g, "1 cup" = 30 g -> 23.70 mg
//   "1 medium banana" -> 09040, 27 mg/100 g, "1 medium" = 118 g -> 31.86 mg
//   "01077=1 cup" -> whole milk by id, 10 mg/100 g, "1 cup" = 244 g -> 24.40 mg
//   food 219.12 mg + citrate 150 mg elemental = 369.12 mg.
// Males 31-50 y (IOM 1997): RDA 420, EAR 350, supplemental UL 350 mg. 369.12 / 420 = 87.9 %,
// between EAR and RDA: below-rda. Gap 420 - 369.12 = 50.9 mg; supplement room
// min(50.9, 350 - 150) = 50.9 mg. Smallest curated servings that close a 50.9 mg gap, leaving out
// the oatmeal and almonds already eaten: shredded wheat 133 x 0.46 = 61 mg, dark chocolate
// 228 x 0.2835 = 65 mg, lentils 36 x 1.98 = 71 mg.
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/mgcalc.hpp>
#include <mgcalc/advice/suggestion.hpp>

#include <iomanip>
#include <iostream>
#include <string>

int main() {
    // [daily-report]
    const mgcalc::food_catalog catalog;  // the embedded USDA SR24 data only

    mgcalc::day_intake day;
    // Each entry as a person types it; the resolver finds the food in the form it is eaten and the
    // grams through the food's own portions ("1 medium" banana = 118 g), and keeps how it did so.
    for (const char* typed : {"1 cup oatmeal", "an ounce of almonds", "1 cup raw spinach", "1 medium banana", "01077=1 cup"}) {
        day.add_food(mgcalc::resolve_food_entry(catalog, typed));
    }
    day.add_supplement(mgcalc::parse_supplement_dose("citrate=150 mg"), "citrate=150 mg");

    const mgcalc::life_stage person{mgcalc::sex::male, mgcalc::age::from_years(45.0)};
    const mgcalc::evaluation result = mgcalc::evaluate(day, person);

    std::cout << std::fixed << std::setprecision(1);
    std::cout << "Row: " << result.reference.life_stage << "\n";
    int rank = 0;
    for (const mgcalc::entry_contribution& entry : result.entries) {  // largest first
        std::cout << "  #" << ++rank << " " << std::setw(10) << std::left << mgcalc::to_string(entry.kind) << std::right
                  << std::setw(7) << entry.magnesium->value() << " mg  " << entry.input;
        if (entry.kind == mgcalc::entry_kind::food) {
            std::cout << " -> " << entry.food_id << " " << entry.amount->value() << " g via " << entry.measure_used
                      << " (" << mgcalc::to_string(entry.choice->method) << ")";
        }
        std::cout << '\n';
    }
    std::cout << "Food " << result.food.value() << " mg + supplements " << result.supplement.value()
              << " mg = " << result.total.value() << " mg\n"
              << result.percent_of_target << " % of the " << mgcalc::to_string(result.reference.target_kind) << " "
              << result.reference.target.value() << " mg: " << mgcalc::status_code(result) << '\n';

    // What would close the gap: curated everyday foods not eaten today, and supplement room
    // under the UL.
    const mgcalc::gap_suggestions ideas = mgcalc::suggest_for_gap(result, 3);
    std::cout << "Gap: " << ideas.gap.value() << " mg\n";
    for (const mgcalc::food_suggestion& idea : ideas.foods) {
        std::cout << "  " << (idea.closes_gap ? "closes it: " : "helps: ") << idea.text << '\n';
    }
    std::cout << "  " << ideas.note << '\n';  // said once: the servings are adult measures
    if (ideas.supplement_room) {
        std::cout << "Supplement room under the UL: " << ideas.supplement_room->value() << " mg\n";
    }
    // [daily-report]
}
