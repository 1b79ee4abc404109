// A FoodData Central CSV folder read from memory: the input is the five files' texts separated by
// NUL bytes, in the order food.csv, food_nutrient.csv, food_portion.csv, nutrient.csv,
// measure_unit.csv. What it accepts holds only valid foods (fuzz_support.hpp, check_database).
#include "fuzz_support.hpp"

#include <mgcalc/foods/loaders.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = mgcalc_fuzz::parts_of(mgcalc_fuzz::text_of(data, size), 5);
    const mgcalc::fdc_csv_texts texts{parts[0], parts[1], parts[2], parts[3], parts[4]};
    mgcalc_fuzz::only_mgcalc_errors([&] { mgcalc_fuzz::check_database(*mgcalc::load_fdc_csv(texts, "fdc")); });
    return 0;
}
