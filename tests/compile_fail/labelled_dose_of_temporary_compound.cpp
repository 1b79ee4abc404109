// Compile-fail test: the label-strength constructor of supplement_dose refers to its compound as
// the other one does, so a labelled dose of a temporary compound must not compile either.
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/units.hpp>

mgcalc::milligrams elemental() {
    using namespace mgcalc::unit_symbols;
    const mgcalc::compound& threonate = mgcalc::get_compound("threonate");
    const mgcalc::label_strength label{144.0 * mg, 2000.0 * mg};
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    const mgcalc::supplement_dose dose(threonate, 2000.0 * mg, label);
#else
    const mgcalc::supplement_dose dose(mgcalc::compound(threonate), 2000.0 * mg, label);  // expected error: deleted constructor
#endif
    return dose.elemental();
}
