// mgcalc/units.hpp - the quantities that cross mgcalc's API.
//
// This is the only mgcalc header that includes Boost.Units. Every amount in the public API is one
// of the aliases below, so a gram/milligram mix-up is a compile error rather than a 1000x error
// in a nutrient total (the OpenNutriTracker #716 class of bug; see docs/model.md).
//
//   using namespace mgcalc::unit_symbols;   // opt-in: mg, g, kg, oz, lb
//   mgcalc::milligrams dose = 200.0 * mg;
//   mgcalc::grams serving = 1.5 * oz;       // error: ounces are not grams ...
//   mgcalc::grams serving{1.5 * oz};        // ... until converted explicitly (42.52 g)
//   mgcalc::to_string(156.64 * mg)          // "156.6 mg", as the reports write it
#pragma once

#include <mgcalc/detail/decimal.hpp>

#include <boost/units/base_units/cgs/gram.hpp>
#include <boost/units/base_units/us/ounce.hpp>
#include <boost/units/base_units/us/pound.hpp>
#include <boost/units/make_scaled_unit.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/systems/si/amount.hpp>
#include <boost/units/systems/si/mass.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

/// Unit types. Multiply a number by a unit value to make a quantity: `200.0 * mg`.
namespace unit {
using gram = boost::units::cgs::gram_base_unit::unit_type;
using milligram =
    boost::units::make_scaled_unit<gram, boost::units::scale<10, boost::units::static_rational<-3>>>::type;
using kilogram = boost::units::si::mass;
/// Avoirdupois ounce, exactly 28.349523125 g (1/16 lb; international yard and pound agreement, 1959).
using ounce = boost::units::us::ounce_base_unit::unit_type;
/// Avoirdupois pound, exactly 453.59237 g (international yard and pound agreement, 1959).
using pound = boost::units::us::pound_base_unit::unit_type;
/// Grams per mole: the unit of molar mass.
using gram_per_mole = decltype(gram{} / boost::units::si::mole);
}  // namespace unit

using milligrams = boost::units::quantity<unit::milligram, double>;
using grams = boost::units::quantity<unit::gram, double>;
using kilograms = boost::units::quantity<unit::kilogram, double>;
using ounces = boost::units::quantity<unit::ounce, double>;
using pounds = boost::units::quantity<unit::pound, double>;
using grams_per_mole = boost::units::quantity<unit::gram_per_mole, double>;

/// Opt-in unit values, in the style of mp-units' `unit_symbols`: `using namespace mgcalc::unit_symbols;`.
namespace unit_symbols {
inline constexpr unit::milligram mg{};
inline constexpr unit::gram g{};
inline constexpr unit::kilogram kg{};
inline constexpr unit::ounce oz{};
inline constexpr unit::pound lb{};
inline constexpr unit::gram_per_mole g_per_mol{};
}  // namespace unit_symbols

/// Opt-in literals: `using namespace mgcalc::literals;` then `200.0_mg`, `2_g`.
namespace literals {
constexpr milligrams operator""_mg(long double v) { return milligrams::from_value(static_cast<double>(v)); }
constexpr milligrams operator""_mg(unsigned long long v) { return milligrams::from_value(static_cast<double>(v)); }
constexpr grams operator""_g(long double v) { return grams::from_value(static_cast<double>(v)); }
constexpr grams operator""_g(unsigned long long v) { return grams::from_value(static_cast<double>(v)); }
constexpr kilograms operator""_kg(long double v) { return kilograms::from_value(static_cast<double>(v)); }
constexpr kilograms operator""_kg(unsigned long long v) { return kilograms::from_value(static_cast<double>(v)); }
constexpr ounces operator""_oz(long double v) { return ounces::from_value(static_cast<double>(v)); }
constexpr ounces operator""_oz(unsigned long long v) { return ounces::from_value(static_cast<double>(v)); }
constexpr pounds operator""_lb(long double v) { return pounds::from_value(static_cast<double>(v)); }
constexpr pounds operator""_lb(unsigned long long v) { return pounds::from_value(static_cast<double>(v)); }
}  // namespace literals

/// Explicit, named conversions for reading code aloud ("in milligrams").
inline milligrams in_milligrams(grams m) { return milligrams{m}; }
inline grams in_grams(milligrams m) { return grams{m}; }
inline grams in_grams(kilograms m) { return grams{m}; }
inline grams in_grams(ounces m) { return grams{m}; }
inline grams in_grams(pounds m) { return grams{m}; }

namespace detail {

/// How reports write an amount of each kind (docs/cli.md, "Numbers"): the unit symbol after the
/// number and the decimals of the number. Kilograms, ounces and pounds have none: mgcalc reports
/// masses in g and mg.
template <class Quantity>
struct amount_text;
template <>
struct amount_text<milligrams> {
    static constexpr std::string_view symbol = "mg";
    static constexpr int decimals = 1;
};
template <>
struct amount_text<grams> {
    static constexpr std::string_view symbol = "g";
    static constexpr int decimals = 1;
};
template <>
struct amount_text<grams_per_mole> {
    static constexpr std::string_view symbol = "g/mol";
    static constexpr int decimals = 2;
};

template <class Quantity>
std::string text_of(Quantity amount) {
    std::string out = decimal(amount.value(), amount_text<Quantity>::decimals);
    out += ' ';
    out += amount_text<Quantity>::symbol;
    return out;
}

}  // namespace detail

/// The amount as the reports write it: "156.6 mg" (0.1 mg), trailing zeros dropped, never
/// "-0 mg", whatever the C locale. (<mgcalc/format.hpp> adds {fmt} formatters and operator<<.)
inline std::string to_string(milligrams amount) { return detail::text_of(amount); }
/// "28.4 g" (0.1 g).
inline std::string to_string(grams amount) { return detail::text_of(amount); }
/// "58.32 g/mol" (0.01 g/mol).
inline std::string to_string(grams_per_mole molar_mass) { return detail::text_of(molar_mass); }

}  // namespace mgcalc
