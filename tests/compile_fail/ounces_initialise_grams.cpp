// Compile-fail test: ounces do not silently become grams (the promise in mgcalc/units.hpp:
// `mgcalc::grams serving = 1.5 * oz;` is an error, `mgcalc::grams serving{1.5 * oz};` is 42.52 g).
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/units.hpp>

mgcalc::grams serving() {
    using namespace mgcalc::unit_symbols;
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    mgcalc::grams amount{1.5 * oz};
#else
    mgcalc::grams amount = 1.5 * oz;  // expected error: no implicit conversion from ounces
#endif
    return amount;
}
