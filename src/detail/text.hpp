// Internal text helpers shared by mgcalc's parsers. Not installed, not documented. The ones the
// model headers need too (to_lower, trim, lookup_key, quoted, join) are in
// <mgcalc/detail/strings.hpp>.
#pragma once

#include <mgcalc/detail/strings.hpp>

#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc::detail {

/// std::from_chars(first, last, value) for a double, on any standard library: libc++ 14 (the
/// standard library of Emscripten, Apple and Android) has no floating-point from_chars.
/// fast_float reads the grammar of libstdc++ 12's from_chars, which is built on it, and this
/// returns from_chars's results too: result_out_of_range, with `value` unchanged, when a decimal
/// overflows to infinity or nonzero digits underflow to zero. Locale-independent.
std::from_chars_result from_chars_double(const char* first, const char* last, double& value) noexcept;
/// Parses a whole string as a finite or non-finite double ("1.5", "-2", "nan"); empty if the
/// text is not entirely a number. Locale-independent.
std::optional<double> parse_double(std::string_view text) noexcept;
/// Splits on a separator character, trimming each part.
std::vector<std::string_view> split(std::string_view text, char separator);
/// Formats a number with at most `decimals` (>= 0) decimals and no trailing zeros: 1.50 -> "1.5";
/// never "-0". The digits are those of printf("%.*f") in the C locale, whatever the C locale is.
/// decimal() in <mgcalc/detail/decimal.hpp> writes the same text without {fmt}, for the model
/// headers (tests/detail/decimal_test.cpp proves it).
std::string format_number(double value, int decimals = 1);
/// The text std::to_chars(first, last, value) writes, on any standard library: the shortest
/// digits that read back as `value`, in fixed or scientific notation, whichever is shorter
/// (fixed on a tie): "0.1", "1.5e-07", "1e+20". Locale-independent.
std::string format_shortest(double value);

}  // namespace mgcalc::detail
