// Compile-fail test: a public function that takes milligrams rejects a bare number: no public
// API takes an amount without its unit.
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/chemistry/compound.hpp>

mgcalc::milligrams elemental(const mgcalc::compound& form) {
    using namespace mgcalc::unit_symbols;
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    return mgcalc::elemental_magnesium(form, 500.0 * mg);
#else
    return mgcalc::elemental_magnesium(form, 500.0);  // expected error: double is not milligrams
#endif
}
