// Serving expressions ("1 1/2 cups", "100 g", "1½ cups"): parse_serving and its twin agree, and an
// accepted serving resolves, for foods with household portions, to finite grams of 0 or more.
#include "fuzz_support.hpp"

#include <mgcalc/foods/database.hpp>
#include <mgcalc/foods/serving.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = mgcalc_fuzz::text_of(data, size);
    // Bananas (counts, "medium"), cooked spinach (cup), almonds (several cup portions).
    static const mgcalc::food foods[] = {mgcalc::usda_sr24().at(*mgcalc::usda_sr24().find("09040")),
                                         mgcalc::usda_sr24().at(*mgcalc::usda_sr24().find("11458")),
                                         mgcalc::usda_sr24().at(*mgcalc::usda_sr24().find("12061"))};
    const mgcalc::result<mgcalc::serving> attempt = mgcalc::try_parse_serving(text);
    bool parsed = false;
    mgcalc_fuzz::only_mgcalc_errors([&] {
        const mgcalc::serving amount = mgcalc::parse_serving(text);
        parsed = true;
        MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(amount.quantity));
        for (const mgcalc::food& item : foods) {
            mgcalc_fuzz::only_mgcalc_errors([&] {
                const mgcalc::resolved_serving grams = mgcalc::resolve_serving(item, amount);
                MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(grams.weight.value()));
            });
        }
    });
    MGCALC_FUZZ_CHECK(parsed == attempt.has_value());
    return 0;
}
