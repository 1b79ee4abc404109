#include "detail/text.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <cassert>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace mgcalc::detail {

std::from_chars_result from_chars_double(const char* first, const char* last, double& value) noexcept {
    double parsed = 0;
    const fast_float::from_chars_result result = fast_float::from_chars(first, last, parsed);
    if (result.ec != std::errc{}) return {result.ptr, result.ec};
    // fast_float 3.9 returns ±inf and ±0 for decimals beyond the range of a double; libstdc++
    // reports those as result_out_of_range ([charconv.from.chars]) and leaves `value` alone.
    // A success means at least one character was read, so *first and *digits exist.
    const char* const digits = first + (*first == '-' ? 1 : 0);
    const bool spelled_out = *digits == 'i' || *digits == 'I' || *digits == 'n' || *digits == 'N';  // inf, nan
    if (!spelled_out) {
        if (std::isinf(parsed)) return {result.ptr, std::errc::result_out_of_range};
        if (parsed == 0) {
            for (const char* p = digits; p != result.ptr && *p != 'e' && *p != 'E'; ++p) {
                if (*p >= '1' && *p <= '9') return {result.ptr, std::errc::result_out_of_range};
            }
        }
    }
    value = parsed;
    return {result.ptr, std::errc{}};
}

decimal_reading read_decimal(std::string_view text, double& value) noexcept {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    // fast_float reads "inf", "nan" and "infinity" too; a number here starts with a digit or a
    // point after its sign.
    const std::size_t first = !text.empty() && text.front() == '-' ? 1 : 0;
    if (first >= text.size() || !((text[first] >= '0' && text[first] <= '9') || text[first] == '.')) return decimal_reading::not_a_number;
    double parsed = 0;
    const auto [ptr, ec] = from_chars_double(text.data(), text.data() + text.size(), parsed);
    if (ec == std::errc::result_out_of_range) return decimal_reading::out_of_range;
    if (ec != std::errc{} || ptr != text.data() + text.size()) return decimal_reading::not_a_number;
    if (parsed != 0 && std::fabs(parsed) < std::numeric_limits<double>::min()) return decimal_reading::out_of_range;
    value = parsed == 0 ? 0.0 : parsed;  // -0 is 0
    return decimal_reading::number;
}

std::optional<double> parse_decimal(std::string_view text) noexcept {
    double value = 0;
    if (read_decimal(text, value) != decimal_reading::number) return std::nullopt;
    return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t pos = text.find(separator, start);
        parts.push_back(trim(text.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start)));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return parts;
}

std::string format_number(double value, int decimals) {
    assert(decimals >= 0);
    if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value < 0 ? "-inf" : "inf");
    // {fmt} writes the exact decimal of the double rounded to `decimals`, ties to even, as glibc's
    // printf does, but never with the C locale's decimal comma, and at any length.
    std::string out = fmt::format("{:.{}f}", value, decimals);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    if (out == "-0") out = "0";
    return out;
}

std::string format_shortest(double value) {
    if (!std::isfinite(value)) return fmt::format("{}", value);  // "inf", "-inf", "nan", "-nan"
    if (value == 0.0) return "0";                                 // never "-0"
    // fmt's "{}" has the shortest digits that read back as `value` (Dragonbox; std::to_chars uses
    // Ryu, which finds the same digits) but its own choice of notation ("0.0001", where to_chars
    // writes "1e-04"). Take the digits and the decimal exponent from it and choose as to_chars
    // does ([charconv.to.chars]: the shorter of %f and %e, %f on a tie).
    const std::string text = fmt::format("{}", value);
    std::size_t i = 0;
    const std::string_view sign = text[0] == '-' ? "-" : "";
    i += sign.size();
    std::string digits;
    std::size_t before_point = std::string::npos;
    for (; i < text.size() && text[i] != 'e'; ++i) {
        if (text[i] == '.') before_point = digits.size();
        else digits += text[i];
    }
    if (before_point == std::string::npos) before_point = digits.size();
    int exponent = i < text.size() ? std::atoi(text.c_str() + i + 1) : 0;  // of digits[0]; "e+20", "e-07"
    const std::size_t first_nonzero = digits.find_first_not_of('0');
    if (first_nonzero == std::string::npos) return std::string(sign) + "0";
    exponent += static_cast<int>(before_point) - 1 - static_cast<int>(first_nonzero);
    digits.erase(0, first_nonzero);
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    const int count = static_cast<int>(digits.size());

    const std::string scientific = fmt::format("{}{}{}{}e{}{:02}", sign, digits[0], count > 1 ? "." : "",
                                               std::string_view(digits).substr(1), exponent < 0 ? '-' : '+',
                                               std::abs(exponent));
    std::string fixed;
    if (exponent >= count - 1) {
        // A whole number: %f prints every integer digit of the double, which may be more digits
        // than the shortest ones (2^70 is 1180591620717411303424, shortest 1.1805916207174113e+21).
        fixed = fmt::format("{:.0f}", value);
    } else if (exponent >= 0) {
        const std::string_view all = digits;
        const auto whole = static_cast<std::size_t>(exponent) + 1;
        fixed = fmt::format("{}{}.{}", sign, all.substr(0, whole), all.substr(whole));
    } else {
        fixed = fmt::format("{}0.{}{}", sign, std::string(static_cast<std::size_t>(-exponent - 1), '0'), digits);
    }
    return fixed.size() <= scientific.size() ? fixed : scientific;
}

}  // namespace mgcalc::detail
