// The precision of every figure mgcalc prints, one per kind of figure, the same in text, JSON and
// CSV (docs/cli.md, "Numbers"). Not installed, not documented beyond that page.
#pragma once

#include <mgcalc/units.hpp>

#include "detail/text.hpp"

#include <string>

namespace mgcalc::detail {

inline constexpr int mg_decimals = amount_text<milligrams>::decimals;  ///< magnesium, and other masses in mg
inline constexpr int gram_decimals = amount_text<grams>::decimals;     ///< food weights in g
inline constexpr int percent_decimals = 1;      ///< percent of a target
inline constexpr int age_decimals = 2;          ///< ages in years
inline constexpr int fraction_decimals = 4;     ///< elemental fractions
inline constexpr int molar_mass_decimals = amount_text<grams_per_mole>::decimals;  ///< g/mol
inline constexpr int factor_decimals = 2;       ///< bioavailability factors, match confidence
inline constexpr int amount_decimals = 3;       ///< portion amounts ("0.333 cup")

/// `value` rounded to `decimals` decimals exactly as format_number writes it, as the nearest
/// double to that decimal, so that JSON shows the same digits as text and no binary noise
/// (61.9, not 61.900000000000006), and never -0.
inline double rounded(double value, int decimals) {
    const std::string text = format_number(value, decimals);
    double out = 0;
    from_chars_double(text.data(), text.data() + text.size(), out);
    return out == 0 ? 0.0 : out;
}

}  // namespace mgcalc::detail
