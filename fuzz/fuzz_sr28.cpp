// The USDA SR28 ASCII files read from memory: the input is FOOD_DES.txt, NUT_DATA.txt and
// WEIGHT.txt separated by NUL bytes. What it accepts holds only valid foods
// (fuzz_support.hpp, check_database).
#include "fuzz_support.hpp"

#include <mgcalc/foods/loaders.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = mgcalc_fuzz::parts_of(mgcalc_fuzz::text_of(data, size), 3);
    const mgcalc::sr28_texts texts{parts[0], parts[1], parts[2]};
    mgcalc_fuzz::only_mgcalc_errors([&] { mgcalc_fuzz::check_database(*mgcalc::load_sr28(texts, "sr28")); });
    return 0;
}
