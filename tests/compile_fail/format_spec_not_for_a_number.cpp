// Compile-fail test: the format spec of an amount is the spec of its number, checked when the
// program is compiled: "{:d}" (an integer's presentation) is refused for milligrams as for a
// double, instead of throwing fmt::format_error when the report is printed.
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/format.hpp>

#include <string>

std::string dose_text(mgcalc::milligrams dose) {
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    return fmt::format("{:.1f}", dose);
#else
    return fmt::format("{:d}", dose);  // expected error: 'd' is not a presentation of a number with decimals
#endif
}
