// format.cpp - amounts as text (mgcalc/format.hpp).
#include <mgcalc/format.hpp>

#include <ios>
#include <ostream>
#include <sstream>

namespace mgcalc {

namespace {

/// mgcalc's text, unless the stream was told how to write numbers (std::fixed, std::scientific):
/// then the number as the stream writes a double. The stream's width pads the whole text.
template <class Quantity>
std::ostream& write(std::ostream& out, Quantity amount) {
    if ((out.flags() & std::ios_base::floatfield) == std::ios_base::fmtflags{}) return out << to_string(amount);
    std::ostringstream number;
    number.copyfmt(out);  // flags, precision, locale
    number.width(0);
    number << amount.value() << ' ' << detail::amount_text<Quantity>::symbol;
    return out << number.str();
}

}  // namespace
}  // namespace mgcalc

namespace boost::units {

std::ostream& operator<<(std::ostream& out, const mgcalc::milligrams& amount) { return mgcalc::write(out, amount); }
std::ostream& operator<<(std::ostream& out, const mgcalc::grams& amount) { return mgcalc::write(out, amount); }
std::ostream& operator<<(std::ostream& out, const mgcalc::grams_per_mole& molar_mass) {
    return mgcalc::write(out, molar_mass);
}

}  // namespace boost::units
