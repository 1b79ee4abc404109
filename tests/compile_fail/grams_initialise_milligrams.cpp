// Compile-fail test: a milligrams variable cannot be initialised from grams without a
// conversion (`milligrams dose = serving;`), the declaration form of the 1000x mix-up.
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/units.hpp>

mgcalc::milligrams dose(mgcalc::grams serving) {
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    mgcalc::milligrams amount{serving};
#else
    mgcalc::milligrams amount = serving;  // expected error: no implicit conversion from grams
#endif
    return amount;
}
