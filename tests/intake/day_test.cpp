// Tests for mgcalc/intake/day.hpp: a day's entries and their validation.
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/intake/day.hpp>

#include <catch2/catch.hpp>

#include <limits>

using namespace mgcalc::unit_symbols;

namespace {
const mgcalc::food spinach{"11457", "Spinach, raw", 79.0 * mg};  // USDA SR24 11457: 79 mg/100 g
}

TEST_CASE("intake: entries are kept in logged order with their input text", "[intake]") {
    mgcalc::day_intake day;
    CHECK(day.empty());
    day.add_food(spinach, 30.0 * g, "spinach=30 g")
        .add_supplement(mgcalc::supplement_dose(mgcalc::get_compound("glycinate"), 200.0 * mg), "glycinate=200 mg")
        .add_food(spinach, 60.0 * g);
    REQUIRE(day.foods().size() == 2);
    REQUIRE(day.supplements().size() == 1);
    CHECK(day.foods()[0].amount.value() == 30.0);
    CHECK(day.foods()[0].input == "spinach=30 g");
    CHECK(day.foods()[1].amount.value() == 60.0);
    CHECK(day.foods()[1].input.empty());
    CHECK(day.supplements()[0].input == "glycinate=200 mg");
    CHECK(day.supplements()[0].dose.elemental().value() == Approx(200.0));
    CHECK_FALSE(day.empty());
}

TEST_CASE("intake: negative, non-finite and absurd food amounts are rejected", "[intake]") {
    mgcalc::day_intake day;
    const double bad[] = {-1.0, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                          10'000.1};
    for (double amount : bad) {
        try {
            day.add_food(spinach, amount * g);
            FAIL("accepted " << amount << " g");
        } catch (const mgcalc::error& e) {
            CHECK(e.code() == mgcalc::errc::invalid_amount);
            CHECK_THAT(e.what(), Catch::Contains("Spinach, raw") && Catch::Contains("0 to 10000 g"));
        }
    }
    CHECK(day.foods().empty());
    day.add_food(spinach, 10'000.0 * g);  // the limit itself is accepted
    CHECK(day.foods().size() == 1);
}
