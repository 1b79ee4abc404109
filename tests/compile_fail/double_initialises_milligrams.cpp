// Compile-fail test: a bare number is not a quantity. `milligrams m = 5.0;` must not compile;
// an amount is built as `5.0 * mg` so its unit is written where the number is.
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/units.hpp>

mgcalc::milligrams dose() {
    using namespace mgcalc::unit_symbols;
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    mgcalc::milligrams amount = 5.0 * mg;
#else
    mgcalc::milligrams amount = 5.0;  // expected error: no conversion from double to a quantity
#endif
    return amount;
}
