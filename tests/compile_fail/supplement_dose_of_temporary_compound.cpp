// Compile-fail test: a supplement_dose refers to its compound, so a dose of a temporary compound
// would point at a destroyed compound. `supplement_dose dose(compound(...), 500 mg, ...)` must not
// compile; a dose of a compound of the table (get_compound, find_compound, unspecified_form) does,
// because the table lives as long as the program.
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/units.hpp>

mgcalc::milligrams elemental() {
    using namespace mgcalc::unit_symbols;
    const mgcalc::compound& oxide = mgcalc::get_compound("oxide");
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    const mgcalc::supplement_dose dose(oxide, 500.0 * mg, mgcalc::dose_basis::compound);
#else
    const mgcalc::supplement_dose dose(mgcalc::compound(oxide), 500.0 * mg, mgcalc::dose_basis::compound);  // expected error: deleted constructor
#endif
    return dose.elemental();
}
