// mgcalc/detail/decimal.hpp - a double written with at most N decimals, header-only, for the
// numbers in the model's messages and warnings.
//
// The compiled library writes numbers with {fmt} (src/detail/text.hpp, format_number); the model
// headers cannot, because a program that uses only the model links nothing but the standard
// library. decimal() writes the same text as format_number: the digits printf("%.*f") and
// fmt::format("{:.{}f}") write, rounded correctly from the exact binary value (ties to even),
// then trailing zeros and the point dropped, never "-0" (tests/detail/decimal_test.cpp compares
// the two over millions of values). It does not follow the C locale: the point is always '.'.
//
// How: a finite |value| below 2^53 is split into its whole part W and fraction F, both exact.
// F x 10^d is rounded to a double y, and std::fma(F, 10^d, -y) is the exact rounding error r, so
// F x 10^d = y + r exactly and the exact halfway cases (0.125 to 2 decimals) are decided on y and
// r with exact comparisons. A |value| of 2^53 or more is a whole number; its digits come from a
// small base-10^9 big number. Integer std::to_chars writes every digit (libc++ 14 has integer
// to_chars, not the floating-point one). Not for -ffast-math builds, which may rewrite the
// arithmetic this relies on.
#pragma once

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace mgcalc::detail {

/// The most decimals decimal() writes: 10^15 is the largest power of ten that F x 10^d keeps
/// below 2^53. mgcalc's figures use at most 4 (src/detail/precision.hpp).
inline constexpr int max_decimals = 15;

namespace decimal_digits {

/// Appends `value` in decimal, padded with leading zeros to `width` digits.
inline void append(std::string& out, std::uint64_t value, int width = 0) {
    char digits[20];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
    (void)ec;  // 20 characters hold every std::uint64_t
    const auto count = static_cast<int>(end - digits);
    if (count < width) out.append(static_cast<std::size_t>(width - count), '0');
    out.append(digits, end);
}

/// Appends the digits of a whole, finite `whole` >= 0: every digit of its exact value, as
/// printf writes 1e300 (301 digits, not 1 and 300 zeros).
inline void append_whole(std::string& out, double whole) {
    if (whole < 18446744073709551616.0) {  // 2^64
        append(out, static_cast<std::uint64_t>(whole));
        return;
    }
    // whole = mantissa x 2^exponent with a 53-bit mantissa; exponent >= 11 here.
    int exponent = 0;
    const double fraction = std::frexp(whole, &exponent);
    const auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
    exponent -= 53;
    // Base 10^9, least significant first: 2^1024 has 309 digits, 35 of these.
    constexpr std::uint64_t base = 1'000'000'000;
    std::array<std::uint64_t, 40> limbs{mantissa % base, mantissa / base % base, mantissa / base / base};
    std::size_t size = 3;
    while (exponent > 0) {
        // 2^29 x (10^9 - 1) + carry stays far below 2^64.
        const int shift = exponent < 29 ? exponent : 29;
        std::uint64_t carry = 0;
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint64_t product = (limbs[i] << shift) + carry;
            limbs[i] = product % base;
            carry = product / base;
        }
        if (carry != 0) limbs[size++] = carry;
        exponent -= shift;
    }
    while (size > 1 && limbs[size - 1] == 0) --size;
    append(out, limbs[size - 1]);
    for (std::size_t i = size - 1; i-- > 0;) append(out, limbs[i], 9);
}

}  // namespace decimal_digits

/// `value` with at most `decimals` (0 to max_decimals) decimals and no trailing zeros: 1.50 ->
/// "1.5", 2.675 -> "2.67" (its double is below 2.675), 0.125 -> "0.12" (a tie, to even); never
/// "-0"; "nan", "inf", "-inf". The same text as format_number in the compiled library.
inline std::string decimal(double value, int decimals = 1) {
    assert(decimals >= 0 && decimals <= max_decimals);
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";

    constexpr double powers_of_ten[max_decimals + 1] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const double magnitude = std::fabs(value);
    std::string out;
    if (std::signbit(value)) out += '-';  // removed below if every digit is 0
    if (magnitude >= 9007199254740992.0) {  // 2^53: a whole number, no fraction to round
        decimal_digits::append_whole(out, magnitude);
    } else {
        auto whole = static_cast<std::uint64_t>(magnitude);  // exact below 2^53
        const double fraction = magnitude - static_cast<double>(whole);  // exact
        const double scale = powers_of_ten[decimals];
        // fraction x scale = scaled + error exactly, |error| <= half an ulp of scaled (< 2^53).
        const double scaled = fraction * scale;
        const double error = std::fma(fraction, scale, -scaled);
        const double down = std::floor(scaled);
        const double above = scaled - down;  // exact
        auto digits = static_cast<std::uint64_t>(down);
        // -1, 0 or 1: the exact fraction x scale - down against one half (digits + 0.5).
        int against_half = -1;
        if (above == 0) {
            // |error| <= 0.5: the exact value is within half a unit of `down`.
            if (error == 0.5) against_half = 0;
            if (error == -0.5) {
                --digits;
                against_half = 0;
            }
        } else if (scaled >= 0.25) {
            // Below 0.25 the exact value cannot reach one half. From 1, `above` and 0.5 are
            // multiples of the ulp of `scaled`; below 1, 0.25 <= above < 1: either way
            // 0.5 - above is exact.
            const double to_half = 0.5 - above;
            against_half = error < to_half ? -1 : error > to_half ? 1 : 0;
        }
        // Ties go to the even last digit of the whole number written.
        const bool odd = (decimals == 0 ? whole + digits : digits) % 2 != 0;
        if (against_half > 0 || (against_half == 0 && odd)) ++digits;
        const auto carry = static_cast<std::uint64_t>(scale);
        if (digits == carry) {  // 0.96 to 1 decimal is 1.0
            ++whole;
            digits = 0;
        }
        decimal_digits::append(out, whole);
        if (decimals > 0 && digits != 0) {
            out += '.';
            decimal_digits::append(out, digits, decimals);
            while (out.back() == '0') out.pop_back();
        }
    }
    if (out == "-0") return "0";
    return out;
}

/// A value checked against `limit`, with `decimals` decimals, or more where those would show it as
/// the limit itself: 10000.001 against 10,000 g is "10000.001", never "10000", so that a message
/// never says a value is "10000 g: more than 10000 g".
inline std::string decimal_beyond(double value, double limit, int decimals = 0) {
    for (int d = decimals; d < max_decimals; ++d) {
        std::string text = decimal(value, d);
        if (text != decimal(limit, d)) return text;
    }
    return decimal(value, max_decimals);
}

}  // namespace mgcalc::detail
