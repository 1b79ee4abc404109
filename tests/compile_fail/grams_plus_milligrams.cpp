// Compile-fail test: grams and milligrams do not add. One side has to be converted explicitly,
// so a sum always has the unit its reader expects.
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/units.hpp>

mgcalc::milligrams total(mgcalc::grams food, mgcalc::milligrams supplement) {
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    return mgcalc::in_milligrams(food) + supplement;
#else
    return food + supplement;  // expected error: no operator+ for grams and milligrams
#endif
}
