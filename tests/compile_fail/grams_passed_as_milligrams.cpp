// Compile-fail test: a public function that takes milligrams rejects grams at the call site
// ("2 g of magnesium oxide" must be converted, not read as 2 mg).
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/chemistry/compound.hpp>

mgcalc::milligrams elemental(const mgcalc::compound& form, mgcalc::grams powder) {
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    return mgcalc::elemental_magnesium(form, mgcalc::in_milligrams(powder));
#else
    return mgcalc::elemental_magnesium(form, powder);  // expected error: grams is not milligrams
#endif
}
