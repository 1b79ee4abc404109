// Compile-fail test: grams assigned to milligrams without a conversion must not compile, or a
// gram amount would be read as milligrams (a 1000x error in a nutrient total).
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/units.hpp>

mgcalc::milligrams total(mgcalc::grams serving) {
    using namespace mgcalc::unit_symbols;
    mgcalc::milligrams amount = 0.0 * mg;
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    amount = mgcalc::in_milligrams(serving);
#else
    amount = serving;  // expected error: no implicit conversion from grams to milligrams
#endif
    return amount;
}
