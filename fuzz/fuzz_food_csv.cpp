// mgcalc's food CSV (foods, portions, recipes over the embedded catalog), read from memory: a
// file it accepts holds only valid foods (fuzz_support.hpp, check_database), and each food,
// eaten by 100 g, evaluates to finite totals.
#include "fuzz_support.hpp"

#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/loaders.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/units.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const mgcalc::food_catalog catalog;
    mgcalc_fuzz::only_mgcalc_errors([&] {
        const auto database = mgcalc::load_food_csv(mgcalc_fuzz::text_of(data, size), "fuzz.csv", catalog);
        mgcalc_fuzz::check_database(*database);
        mgcalc::day_intake day;
        for (std::size_t i = 0; i < database->size(); ++i) day.add_food(database->at(i), mgcalc::grams::from_value(100.0));
        mgcalc_fuzz::check_evaluation(
            mgcalc::evaluate(day, mgcalc::life_stage{mgcalc::sex::female, mgcalc::age::from_years(34.5)}));
    });
    return 0;
}
