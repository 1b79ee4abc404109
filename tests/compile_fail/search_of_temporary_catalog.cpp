// Compile-fail test: a catalog's matches point into its databases, so searching a temporary
// catalog would return dangling matches. `food_catalog().search(...)` must not compile; the
// catalog is kept in a variable for as long as its matches are used.
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/foods/catalog.hpp>

#include <cstddef>

std::size_t matches() {
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    const mgcalc::food_catalog catalog;
    return catalog.search("beans").size();
#else
    return mgcalc::food_catalog().search("beans").size();  // expected error: deleted on an rvalue
#endif
}
