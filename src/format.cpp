// format.cpp - amounts as text (mgcalc/format.hpp).
#include <mgcalc/format.hpp>

#include "detail/precision.hpp"
#include "detail/text.hpp"

#include <ios>
#include <ostream>
#include <sstream>

namespace mgcalc {

namespace {

template <class Quantity>
std::string text_of(Quantity amount, int decimals) {
    std::string out = detail::format_number(amount.value(), decimals);
    out += ' ';
    out += detail::unit_symbol<Quantity>;
    return out;
}

/// mgcalc's text, unless the stream was told how to write numbers (std::fixed, std::scientific):
/// then the number as the stream writes a double. The stream's width pads the whole text.
template <class Quantity>
std::ostream& write(std::ostream& out, Quantity amount) {
    if ((out.flags() & std::ios_base::floatfield) == std::ios_base::fmtflags{}) return out << to_string(amount);
    std::ostringstream number;
    number.copyfmt(out);  // flags, precision, locale
    number.width(0);
    number << amount.value() << ' ' << detail::unit_symbol<Quantity>;
    return out << number.str();
}

}  // namespace

std::string to_string(milligrams amount) { return text_of(amount, detail::mg_decimals); }
std::string to_string(grams amount) { return text_of(amount, detail::gram_decimals); }
std::string to_string(grams_per_mole molar_mass) { return text_of(molar_mass, detail::molar_mass_decimals); }

}  // namespace mgcalc

namespace boost::units {

std::ostream& operator<<(std::ostream& out, const mgcalc::milligrams& amount) { return mgcalc::write(out, amount); }
std::ostream& operator<<(std::ostream& out, const mgcalc::grams& amount) { return mgcalc::write(out, amount); }
std::ostream& operator<<(std::ostream& out, const mgcalc::grams_per_mole& molar_mass) {
    return mgcalc::write(out, molar_mass);
}

}  // namespace boost::units
