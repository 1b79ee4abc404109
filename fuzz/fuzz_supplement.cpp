// Supplement doses ("glycinate=200 mg", "500 mg magnesium oxide", "oxide=500 mg compound"):
// parse_supplement_dose and its twin agree; an accepted dose has finite elemental and compound
// masses of 0 or more, and a day of it evaluates to finite totals.
#include "fuzz_support.hpp"

#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/people/life_stage.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = mgcalc_fuzz::text_of(data, size);
    const mgcalc::result<mgcalc::supplement_dose> attempt = mgcalc::try_parse_supplement_dose(text);
    bool parsed = false;
    mgcalc_fuzz::only_mgcalc_errors([&] {
        const mgcalc::supplement_dose dose = mgcalc::parse_supplement_dose(text);
        parsed = true;
        MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(dose.amount().value()));
        MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(dose.elemental().value()));
        mgcalc_fuzz::only_mgcalc_errors([&] { MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(dose.compound_mass().value())); });
        (void)dose.description();
        mgcalc::day_intake day;
        day.add_supplement(dose, std::string(text));
        // An adult and an infant (no supplemental UL): both paths of the UL check.
        for (const mgcalc::life_stage& who : {mgcalc::life_stage{mgcalc::sex::female, mgcalc::age::from_years(34.5)},
                                             mgcalc::life_stage{mgcalc::sex::male, mgcalc::age::from_years(0.5)}}) {
            mgcalc_fuzz::check_evaluation(mgcalc::evaluate(day, who));
        }
    });
    MGCALC_FUZZ_CHECK(parsed == attempt.has_value());
    return 0;
}
