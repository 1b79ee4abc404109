// Compile-fail test: a search index of a temporary database would point at a destroyed database.
// `food_search index(food_table("mine"));` must not compile; a database made on the spot is
// handed over in a shared_ptr, which the index then shares.
// Built twice by tests/CMakeLists.txt: as is (must fail) and with MGCALC_COMPILE_FAIL_CONTROL
// (must compile), so the only difference between a pass and a fail is the marked line.
#include <mgcalc/foods/database.hpp>
#include <mgcalc/foods/search.hpp>

#include <memory>

std::size_t matches() {
#ifdef MGCALC_COMPILE_FAIL_CONTROL
    const mgcalc::food_search index(std::make_shared<const mgcalc::food_table>("mine"));
#else
    const mgcalc::food_search index(mgcalc::food_table("mine"));  // expected error: deleted constructor
#endif
    return index.search("beans").size();
}
