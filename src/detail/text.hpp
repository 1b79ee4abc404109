// Internal text helpers shared by mgcalc's parsers. Not installed, not documented.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc::detail {

/// Lower-case ASCII copy.
std::string to_lower(std::string_view text);
/// Trims ASCII white space at both ends.
std::string_view trim(std::string_view text) noexcept;
/// Lookup key: lower case, with spaces, hyphens, underscores and dots removed, so
/// "Magnesium L-Threonate" and "magnesium-l-threonate" compare equal.
std::string lookup_key(std::string_view text);
/// Parses a whole string as a finite or non-finite double ("1.5", "-2", "nan"); empty if the
/// text is not entirely a number. Locale-independent.
std::optional<double> parse_double(std::string_view text) noexcept;
/// Splits on a separator character, trimming each part.
std::vector<std::string_view> split(std::string_view text, char separator);
/// Formats a number with at most `decimals` decimals and no trailing zeros: 1.50 -> "1.5".
std::string format_number(double value, int decimals = 1);
/// The text in double quotes, for error messages: "\"1 bucket\"". (Built with +=: g++ 12 reports
/// a bogus -Wrestrict for "\"" + s + "\"" at -O2, GCC bugs 105329/105651.)
std::string quoted(std::string_view text);
/// Joins with ", ".
std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ");

}  // namespace mgcalc::detail
