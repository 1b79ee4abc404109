// Food phrases as typed ("1 cup black beans", "almonds 30g", "half a cup of cashews",
// "12014=1 oz") resolved against the embedded catalog: an accepted entry has finite grams of 0 or
// more, and a day of it evaluates to finite totals. After a NUL byte, the text is also read as a
// log stores an entry: food, then amount.
#include "fuzz_support.hpp"

#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/people/life_stage.hpp>

namespace {

void check_entry(const mgcalc::resolved_food_entry& entry) {
    MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(entry.weight.value()));
    MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(entry.amount.quantity));
    mgcalc::day_intake day;
    day.add_food(entry);
    mgcalc_fuzz::check_evaluation(
        mgcalc::evaluate(day, mgcalc::life_stage{mgcalc::sex::female, mgcalc::age::from_years(34.5)}));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const mgcalc::food_catalog catalog;
    const std::string_view text = mgcalc_fuzz::text_of(data, size);
    const auto parts = mgcalc_fuzz::parts_of(text, 2);
    if (text.find('\0') == std::string_view::npos) {
        const mgcalc::result<mgcalc::resolved_food_entry> attempt = mgcalc::try_resolve_food_entry(catalog, text);
        bool resolved = false;
        mgcalc_fuzz::only_mgcalc_errors([&] {
            check_entry(mgcalc::resolve_food_entry(catalog, text));
            resolved = true;
        });
        MGCALC_FUZZ_CHECK(resolved == attempt.has_value());
        mgcalc_fuzz::only_mgcalc_errors([&] { (void)mgcalc::resolve_food(catalog, text); });
    } else {
        mgcalc_fuzz::only_mgcalc_errors([&] { check_entry(mgcalc::resolve_food_entry(catalog, parts[0], parts[1])); });
    }
    return 0;
}
