// mgcalc/format.hpp - printing amounts: {fmt} formatters and operator<< (opt-in); to_string is
// header-only, in <mgcalc/units.hpp>.
//
// Not part of <mgcalc/mgcalc.hpp>: it includes {fmt} (9 or later), so a program that includes it
// links {fmt} itself (CMake: find_package(fmt) and target_link_libraries(app PRIVATE fmt::fmt)).
//
//   #include <mgcalc/format.hpp>
//   fmt::format("{}", 200.0 * mg)         // "200 mg"
//   fmt::format("{:.1f}", 156.64 * mg)    // "156.6 mg"
//   fmt::format("{:>6.1f}", 28.35 * g)    // "  28.4 g": the spec is the number's, the unit follows
//   std::cout << result.total;            // "156.6 mg"
//   mgcalc::to_string(58.319 * g_per_mol) // "58.32 g/mol"
//
// Without a spec an amount is written as mgcalc's reports write it (docs/cli.md, "Numbers"):
// milligrams and grams to 0.1, molar masses to 0.01, trailing zeros and point dropped, never
// "-0". A spec is the spec of a double ("{:.2f}", "{:>8.1f}", "{:e}"; checked at compile time),
// and the unit symbol follows after a space. Numbers never take the C locale's decimal comma.
//
// operator<< is mgcalc's, not the one of <boost/units/io.hpp>: Boost's writes the stream's
// default six significant digits ("1.23457e+06 mg", "156.64 mg") and "g mol^-1", where this one
// writes what the reports and fmt::format("{}") write. It is declared in namespace boost::units
// because the aliases are Boost.Units quantities, and argument-dependent lookup looks for an
// operator in the namespaces of the quantity type, never in mgcalc's. Where <boost/units/io.hpp>
// is included too, this one is chosen (it is not a template, Boost's is). It follows the stream
// where the stream was told how to write numbers: with std::fixed or std::scientific set, the
// number is written as the stream writes a double (its precision and locale), then the symbol;
// the stream's width applies to the whole text.
//
// Kilograms, ounces and pounds have no formatter: mgcalc reports masses in g and mg; convert with
// in_grams() first.
#pragma once

#include <mgcalc/units.hpp>

#include <fmt/format.h>

#include <iosfwd>
#include <string>
#include <string_view>

namespace mgcalc {
namespace detail {

/// fmt::formatter for an amount: no spec, to_string(); a spec, the double formatter's, then the symbol.
template <class Quantity>
class quantity_formatter {
public:
    constexpr auto parse(fmt::format_parse_context& context) -> decltype(context.begin()) {
        const auto it = context.begin();
        if (it == context.end() || *it == '}') return it;
        has_spec_ = true;
        return number_.parse(context);
    }

    template <class FormatContext>
    auto format(const Quantity& amount, FormatContext& context) const -> decltype(context.out()) {
        if (!has_spec_) return fmt::format_to(context.out(), "{}", to_string(amount));
        auto out = number_.format(amount.value(), context);
        return fmt::format_to(out, " {}", amount_text<Quantity>::symbol);
    }

private:
    fmt::formatter<double> number_;
    bool has_spec_ = false;
};

}  // namespace detail
}  // namespace mgcalc

template <>
struct fmt::formatter<mgcalc::milligrams> : mgcalc::detail::quantity_formatter<mgcalc::milligrams> {};
template <>
struct fmt::formatter<mgcalc::grams> : mgcalc::detail::quantity_formatter<mgcalc::grams> {};
template <>
struct fmt::formatter<mgcalc::grams_per_mole> : mgcalc::detail::quantity_formatter<mgcalc::grams_per_mole> {};

namespace boost::units {

/// `std::cout << result.total` prints "156.6 mg" (see the top of this header).
std::ostream& operator<<(std::ostream& out, const mgcalc::milligrams& amount);
std::ostream& operator<<(std::ostream& out, const mgcalc::grams& amount);
std::ostream& operator<<(std::ostream& out, const mgcalc::grams_per_mole& molar_mass);

}  // namespace boost::units
