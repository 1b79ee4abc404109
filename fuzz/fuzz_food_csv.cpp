// mgcalc's food CSV (foods, portions, recipes over the embedded catalog), read from memory: a
// file it accepts holds only valid foods, and a day of them has finite totals (fuzz_support.hpp,
// check_database).
#include "fuzz_support.hpp"

#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/loaders.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const mgcalc::food_catalog catalog;
    mgcalc_fuzz::only_mgcalc_errors([&] {
        mgcalc_fuzz::check_database(*mgcalc::load_food_csv(mgcalc_fuzz::text_of(data, size), "fuzz.csv", catalog));
    });
    return 0;
}
