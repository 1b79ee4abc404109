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
/// How a text reads as a number (read_decimal).
enum class decimal_reading {
    number,        ///< a decimal number mgcalc can hold
    not_a_number,  ///< anything else: "", "12,5", "0x10", "inf", "nan", "1 e3"
    out_of_range,  ///< a decimal beyond a double (1e400) or nonzero and subnormal (1e-310)
};
/// Reads the whole of `text`, spaces around it aside, as a decimal number as people write one:
/// an optional sign, digits with an optional point, an optional exponent ("2", "-0.5", ".5",
/// "+4", "1e3"). Never hexadecimal, "inf" or "nan", and never locale-dependent. A magnitude
/// beyond the largest double (about 1.8e308) or nonzero below the smallest normal one (about
/// 2.2e-308, where a double loses digits) is out_of_range: no amount, age or weight is either,
/// and reading them as infinity or 0 would lose what was typed. "-0" reads as 0, so that no
/// output shows "-0". `value` is set only for `number`.
decimal_reading read_decimal(std::string_view text, double& value) noexcept;
/// read_decimal's number, or empty for anything else (not a number, or out of range).
std::optional<double> parse_decimal(std::string_view text) noexcept;
/// The numbers read_decimal accepts, for messages.
inline constexpr std::string_view decimal_range = "accepted: 0, or decimals from 2.2e-308 to 1.8e308 in size";
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
