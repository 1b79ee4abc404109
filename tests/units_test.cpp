// Tests for mgcalc/units.hpp: the quantity aliases, their conversions, symbols and literals.
//
// The promises about what does NOT convert are type traits, checked at compile time
// (the HowardHinnant/date *.pass.cpp style); what must not compile at all is proven by
// tests/compile_fail/.
#include <mgcalc/units.hpp>

#include <catch2/catch.hpp>

#include <type_traits>

namespace {

using mgcalc::grams;
using mgcalc::grams_per_mole;
using mgcalc::kilograms;
using mgcalc::milligrams;
using mgcalc::ounces;
using mgcalc::pounds;

// --- No quantity from a bare number, and no quantity back to one --------------------------
static_assert(!std::is_convertible_v<double, milligrams>, "milligrams m = 5.0; must not compile");
static_assert(!std::is_constructible_v<milligrams, double>, "milligrams{5.0} must not compile either");
static_assert(!std::is_convertible_v<double, grams>);
static_assert(!std::is_convertible_v<milligrams, double>, "leave a quantity only through .value()");
static_assert(!std::is_convertible_v<grams, double>);

// --- Between units: explicit only -------------------------------------------------------------
static_assert(!std::is_convertible_v<grams, milligrams>, "grams must not silently become milligrams");
static_assert(!std::is_convertible_v<milligrams, grams>);
static_assert(!std::is_convertible_v<kilograms, grams>);
static_assert(!std::is_convertible_v<ounces, grams>, "mgcalc::grams serving = 1.5 * oz; is an error");
static_assert(!std::is_convertible_v<pounds, grams>);
static_assert(std::is_constructible_v<milligrams, grams>, "milligrams{some_grams} converts explicitly");
static_assert(std::is_constructible_v<grams, milligrams>);
static_assert(std::is_constructible_v<grams, kilograms>);
static_assert(std::is_constructible_v<grams, ounces>);
static_assert(std::is_constructible_v<grams, pounds>);
// Note: std::is_assignable_v<milligrams&, grams> is true (Boost.Units rejects that assignment with
// a static_assert inside operator=, not SFINAE); tests/compile_fail/grams_assigned_to_milligrams.cpp
// proves it does not compile.

// --- Different quantities are different types ---------------------------------------------
static_assert(!std::is_same_v<milligrams, grams>);
static_assert(!std::is_convertible_v<grams_per_mole, grams>);
// (std::is_constructible_v<grams, grams_per_mole> is true: Boost.Units rejects that conversion
// inside the constructor body, not in overload resolution.)

// --- Symbols build the named aliases ---------------------------------------------------------
using namespace mgcalc::unit_symbols;
static_assert(std::is_same_v<decltype(200.0 * mg), milligrams>);
static_assert(std::is_same_v<decltype(2.0 * g), grams>);
static_assert(std::is_same_v<decltype(1.0 * kg), kilograms>);
static_assert(std::is_same_v<decltype(1.0 * oz), ounces>);
static_assert(std::is_same_v<decltype(1.0 * lb), pounds>);
static_assert(std::is_same_v<decltype(24.305 * g_per_mol), grams_per_mole>);

// --- Literals ---------------------------------------------------------------------------------
using namespace mgcalc::literals;
static_assert(std::is_same_v<decltype(200.0_mg), milligrams>);
static_assert(std::is_same_v<decltype(200_mg), milligrams>);
static_assert(std::is_same_v<decltype(2.5_g), grams>);
static_assert(std::is_same_v<decltype(2_g), grams>);
static_assert(std::is_same_v<decltype(1.0_kg), kilograms>);
static_assert(std::is_same_v<decltype(1_kg), kilograms>);
static_assert(std::is_same_v<decltype(1.0_oz), ounces>);
static_assert(std::is_same_v<decltype(1_oz), ounces>);
static_assert(std::is_same_v<decltype(1.0_lb), pounds>);
static_assert(std::is_same_v<decltype(1_lb), pounds>);
static_assert((200.0_mg).value() == 200.0);
static_assert((200_mg).value() == 200.0);
static_assert((2.5_g).value() == 2.5);

// --- Exact definitions, at compile time -----------------------------------------------------------
// International yard and pound agreement (1959): 1 lb = 0.45359237 kg exactly; 1 oz = 1/16 lb.
static_assert(grams{1.0 * lb}.value() == 453.59237);
static_assert(grams{1.0 * oz}.value() == 28.349523125);
static_assert(milligrams{1.0 * g}.value() == 1000.0);
static_assert(grams{1.0 * kg}.value() == 1000.0);

}  // namespace

TEST_CASE("units: an ounce is 28.349523125 g and a pound 453.59237 g exactly", "[units]") {
    // The exact decimal values (1959 agreement) round to these doubles; == is intended.
    CHECK(grams{1.0 * oz}.value() == 28.349523125);
    CHECK(grams{1.0 * lb}.value() == 453.59237);
    CHECK(mgcalc::in_grams(16.0_oz).value() == Approx(453.59237).epsilon(1e-15));
    CHECK(mgcalc::in_grams(2.0_lb).value() == 907.18474);
    // The example in mgcalc/units.hpp: 1.5 oz is 42.52 g.
    CHECK(mgcalc::in_grams(1.5 * oz).value() == Approx(42.5242846875).epsilon(1e-15));
}

TEST_CASE("units: in_grams and in_milligrams convert by powers of ten", "[units]") {
    CHECK(mgcalc::in_milligrams(2.0 * g).value() == 2000.0);
    CHECK(mgcalc::in_milligrams(0.35_g).value() == Approx(350.0).epsilon(1e-15));
    CHECK(mgcalc::in_grams(1500.0 * mg).value() == 1.5);
    CHECK(mgcalc::in_grams(1.0_kg).value() == 1000.0);
    CHECK(mgcalc::in_grams(0.0_mg).value() == 0.0);
    // Round trip.
    CHECK(mgcalc::in_grams(mgcalc::in_milligrams(1.25_g)).value() == Approx(1.25).epsilon(1e-15));
}

TEST_CASE("units: explicit construction converts like the named functions", "[units]") {
    const grams serving = 30.0 * g;
    CHECK(milligrams{serving}.value() == mgcalc::in_milligrams(serving).value());
    const milligrams dose = 350.0 * mg;
    CHECK(grams{dose}.value() == mgcalc::in_grams(dose).value());
}

TEST_CASE("units: symbols and literals make the same quantities", "[units]") {
    CHECK((200.0 * mg).value() == (200.0_mg).value());
    CHECK((200_mg).value() == 200.0);
    CHECK((2.0 * g).value() == (2_g).value());
    CHECK((1.5 * oz).value() == (1.5_oz).value());
    CHECK((3_lb).value() == 3.0);
    CHECK((1_kg).value() == 1.0);
}

TEST_CASE("units: arithmetic within one unit keeps the unit", "[units]") {
    const milligrams food = 180.0 * mg;
    const milligrams supplement = 200.0 * mg;
    const milligrams total = food + supplement;
    CHECK(total.value() == 380.0);
    const milligrams doubled = 2.0 * supplement;
    CHECK(doubled.value() == 400.0);
    CHECK(food < supplement);
    // A ratio of two masses in the same unit is a plain number.
    CHECK(supplement / food == Approx(200.0 / 180.0));
}

TEST_CASE("units: molar mass times amount of substance is a mass", "[units]") {
    // Magnesium, 24.305 g/mol (IUPAC CIAAW 2022 abridged standard atomic weight).
    const grams_per_mole magnesium = 24.305 * g_per_mol;
    CHECK(magnesium.value() == 24.305);
    const grams two_moles = grams{magnesium * (2.0 * boost::units::si::mole)};
    CHECK(two_moles.value() == Approx(48.61));
}
