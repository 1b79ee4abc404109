// Tests of mgcalc/format.hpp (amounts as text) and of the number reading and writing under it
// (src/detail/text.hpp): the same digits on every standard library and in every C locale.
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/format.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/intake/time_of_day.hpp>

#include "detail/csv.hpp"
#include "detail/precision.hpp"
#include "detail/text.hpp"
#include "test_support.hpp"

// Boost.Units' own operator<< too, so that every streamed amount below also checks that mgcalc's
// is the one chosen where both are declared. (The consumer project and the command-line program
// stream amounts without it.)
#include <boost/units/io.hpp>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iomanip>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <version>

namespace {

using namespace mgcalc::unit_symbols;
using mgcalc::detail::format_number;
using mgcalc::detail::format_shortest;

template <class Quantity>
std::string streamed(const Quantity& amount) {
    std::ostringstream out;
    out << amount;
    return out.str();
}

/// What printf("%.*f") writes in the C locale, the digits format_number had before {fmt}.
std::string printf_fixed(double value, int decimals) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string out = buffer;
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    return out == "-0" ? "0" : out;
}

/// Any finite double, every bit pattern equally likely.
double random_double(std::mt19937_64& random) {
    double value = std::numeric_limits<double>::quiet_NaN();
    while (!std::isfinite(value)) {
        const std::uint64_t bits = random();
        std::memcpy(&value, &bits, sizeof value);
    }
    return value;
}

bool same_double(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b) && std::signbit(a) == std::signbit(b));
}

}  // namespace

TEST_CASE("format: an amount without a spec is written as the reports write it", "[format]") {
    CHECK(fmt::format("{}", 200.0 * mg) == "200 mg");
    CHECK(fmt::format("{}", 156.64 * mg) == "156.6 mg");
    CHECK(fmt::format("{}", 0.04 * mg) == "0 mg");
    CHECK(fmt::format("{}", -0.04 * mg) == "0 mg");  // never "-0 mg"
    CHECK(fmt::format("{}", 28.35 * g) == "28.4 g");
    CHECK(fmt::format("{}", 58.319 * g_per_mol) == "58.32 g/mol");
    CHECK(fmt::format("{} + {} = {}", 1.25 * mg, 2.0 * mg, 3.25 * mg) == "1.2 mg + 2 mg = 3.2 mg");  // ties to even

    CHECK(mgcalc::to_string(156.64 * mg) == "156.6 mg");
    CHECK(mgcalc::to_string(28.35 * g) == "28.4 g");
    CHECK(mgcalc::to_string(58.319 * g_per_mol) == "58.32 g/mol");
    // Converted amounts print in their own unit.
    CHECK(mgcalc::to_string(mgcalc::in_milligrams(1.5 * g)) == "1500 mg");
    CHECK(mgcalc::to_string(mgcalc::grams{1.0 * oz}) == "28.3 g");
    // Every digit, however large (a 64-character buffer once cut such numbers short).
    CHECK(mgcalc::to_string(1e70 * mg) == "10000000000000000725314363815292351261583744096465219555182101554790400 mg");
    CHECK(mgcalc::to_string(std::numeric_limits<double>::infinity() * mg) == "inf mg");
}

TEST_CASE("format: a spec is the spec of the number, and the unit follows", "[format]") {
    CHECK(fmt::format("{:.1f}", 156.64 * mg) == "156.6 mg");
    CHECK(fmt::format("{:.2f}", 200.0 * mg) == "200.00 mg");  // zeros kept: the spec says so
    CHECK(fmt::format("{:.0f}", 28.5 * g) == "28 g");
    CHECK(fmt::format("{:>8.1f}|", 156.64 * mg) == "   156.6 mg|");  // width pads the number: a column
    CHECK(fmt::format("{:<8.1f}|", 28.35 * g) == "28.4     g|");
    CHECK(fmt::format("{:e}", 156.64 * mg) == "1.566400e+02 mg");
    CHECK(fmt::format("{:.{}f}", 156.64 * mg, 3) == "156.640 mg");  // dynamic precision
    CHECK(fmt::format("{:+.1f}", 2.0 * g_per_mol) == "+2.0 g/mol");
    CHECK_THROWS_AS(fmt::format(fmt::runtime("{:d}"), 1.0 * mg), fmt::format_error);  // checked at run time too
}

TEST_CASE("format: operator<< writes the same text and follows std::fixed and the width", "[format]") {
    CHECK(streamed(156.64 * mg) == "156.6 mg");
    CHECK(streamed(28.35 * g) == "28.4 g");
    CHECK(streamed(58.319 * g_per_mol) == "58.32 g/mol");
    CHECK(streamed(-0.01 * mg) == "0 mg");

    std::ostringstream out;
    out << std::setw(10) << 156.64 * mg << '|' << std::left << std::setw(8) << 28.35 * g << '|';
    CHECK(out.str() == "  156.6 mg|28.4 g  |");  // the width pads the whole text, once

    std::ostringstream fixed;
    fixed << std::fixed << std::setprecision(2) << 156.64 * mg << ", " << std::setprecision(0) << 28.5 * g;
    CHECK(fixed.str() == "156.64 mg, 28 g");
    std::ostringstream scientific;
    scientific << std::scientific << std::setprecision(1) << 156.64 * mg;
    CHECK(scientific.str() == "1.6e+02 mg");

    // What an evaluation holds prints directly (no Boost.Units io, no .value()).
    mgcalc::day_intake day;
    day.add_supplement(mgcalc::parse_supplement_dose("oxide=500 mg compound"));
    const mgcalc::evaluation result =
        mgcalc::evaluate(day, mgcalc::life_stage{mgcalc::sex::female, mgcalc::age::from_years(34.0)});
    CHECK(streamed(result.total) == mgcalc::to_string(result.total));
    CHECK(streamed(result.total) == fmt::format("{}", result.total));
    CHECK(streamed(result.total) == "301.5 mg");
}

TEST_CASE("format: format_number writes the digits printf wrote, at any length", "[format]") {
    CHECK(format_number(1.50, 2) == "1.5");
    CHECK(format_number(2.0, 1) == "2");
    CHECK(format_number(-0.04, 1) == "0");
    CHECK(format_number(0.125, 2) == "0.12");  // exact ties go to even, as in glibc's printf
    CHECK(format_number(0.375, 2) == "0.38");
    CHECK(format_number(2.5, 0) == "2");
    CHECK(format_number(std::nan(""), 1) == "nan");
    CHECK(format_number(-std::numeric_limits<double>::infinity(), 1) == "-inf");
    // 71 digits: snprintf into a 64-byte buffer kept the first 63.
    CHECK(format_number(1e70, 1) == "10000000000000000725314363815292351261583744096465219555182101554790400");
    CHECK(format_number(-1e70, 0).size() == 72);

    // Against printf in the C locale (the tests run in it), over doubles of every size and the
    // precisions mgcalc uses, and over exact binary ties.
    REQUIRE(std::string(std::localeconv()->decimal_point) == ".");
    std::mt19937_64 random(20240314);
    std::uniform_real_distribution<double> everyday(-2000.0, 2000.0);
    for (int i = 0; i < 20000; ++i) {
        const int decimals = static_cast<int>(random() % 7);
        const double value = i % 2 ? everyday(random) : random_double(random);
        INFO(fmt::format("{} with {} decimals", value, decimals));
        REQUIRE(format_number(value, decimals) == printf_fixed(value, decimals));
    }
    for (int k = -2000; k < 2000; ++k) {
        for (int shift = 1; shift <= 8; ++shift) {
            const double tie = std::ldexp(2.0 * k + 1.0, -shift);
            for (int decimals = 0; decimals <= 4; ++decimals) {
                INFO(fmt::format("{} with {} decimals", tie, decimals));
                REQUIRE(format_number(tie, decimals) == printf_fixed(tie, decimals));
            }
        }
    }
}

TEST_CASE("format: format_shortest writes what std::to_chars writes", "[format]") {
    CHECK(format_shortest(0.1) == "0.1");
    CHECK(format_shortest(0.3) == "0.3");
    CHECK(format_shortest(61.9) == "61.9");
    CHECK(format_shortest(1.5e-7) == "1.5e-07");
    CHECK(format_shortest(0.0001) == "1e-04");  // shorter than 0.0001
    CHECK(format_shortest(100000.0) == "1e+05");
    CHECK(format_shortest(1234567.0) == "1234567");
    CHECK(format_shortest(123456.5) == "123456.5");
    CHECK(format_shortest(-2.5) == "-2.5");
    CHECK(format_shortest(1e20) == "1e+20");
    CHECK(format_shortest(1e23) == "1e+23");
    CHECK(format_shortest(std::ldexp(1.0, 70)) == "1180591620717411303424");  // a tie: fixed, every digit
    CHECK(format_shortest(123456789012345678.0) == "123456789012345680");
    CHECK(format_shortest(5e-324) == "5e-324");
    CHECK(format_shortest(std::numeric_limits<double>::max()) == "1.7976931348623157e+308");

    // Against the standard library's own, where it has one (libc++ 14 has no from_chars for
    // doubles, so no __cpp_lib_to_chars).
#if defined(__cpp_lib_to_chars)
    std::mt19937_64 random(1959);
    std::uniform_real_distribution<double> everyday(-2000.0, 2000.0);
    for (int i = 0; i < 50000; ++i) {
        // Half of them amounts as logs hold them, with one decimal.
        const double value = i % 2 ? random_double(random) : std::round(everyday(random) * 10.0) / 10.0;
        char buffer[64];
        const std::to_chars_result written = std::to_chars(buffer, buffer + sizeof buffer, value);
        INFO(fmt::format("{}", value));
        REQUIRE(format_shortest(value) == std::string(buffer, written.ptr));
    }
#endif
}

TEST_CASE("format: from_chars_double reads as std::from_chars reads", "[format]") {
    struct row {
        std::string_view text;
        std::errc ec;
        std::size_t used;
        double value;
    };
    const double unchanged = -42.0;
    const double inf = std::numeric_limits<double>::infinity();
    const row rows[] = {
        {"1.5", std::errc{}, 3, 1.5},
        {"-0.25", std::errc{}, 5, -0.25},
        {".5", std::errc{}, 2, 0.5},
        {"5.", std::errc{}, 2, 5.0},
        {"1e3", std::errc{}, 3, 1000.0},
        {"1E-3", std::errc{}, 4, 0.001},
        {"1e", std::errc{}, 1, 1.0},          // the exponent needs digits
        {"2,5", std::errc{}, 1, 2.0},         // never a decimal comma
        {"0x10", std::errc{}, 1, 0.0},        // no hexadecimal
        {"inf", std::errc{}, 3, inf},
        {"-Infinity", std::errc{}, 9, -inf},
        {"nan(123)", std::errc{}, 8, std::numeric_limits<double>::quiet_NaN()},
        {"+1", std::errc::invalid_argument, 0, unchanged},  // no plus sign
        {" 1", std::errc::invalid_argument, 0, unchanged},  // no white space
        {".", std::errc::invalid_argument, 0, unchanged},
        {"", std::errc::invalid_argument, 0, unchanged},
        {"1e400", std::errc::result_out_of_range, 5, unchanged},
        {"-1e400", std::errc::result_out_of_range, 6, unchanged},
        {"1e-400", std::errc::result_out_of_range, 6, unchanged},  // nonzero digits that underflow
        {"0e-400", std::errc{}, 6, 0.0},                           // zero is not out of range
        {"1e-310", std::errc{}, 6, 1e-310},                        // a subnormal is in range
    };
    for (const row& r : rows) {
        INFO(r.text);
        double value = unchanged;
        const std::from_chars_result result =
            mgcalc::detail::from_chars_double(r.text.data(), r.text.data() + r.text.size(), value);
        CHECK(result.ec == r.ec);
        CHECK(static_cast<std::size_t>(result.ptr - r.text.data()) == r.used);
        CHECK(same_double(value, r.value));
    }

#if defined(__cpp_lib_to_chars)
    // Random text over the characters of numbers, and decimals near the ends of the range.
    std::mt19937_64 random(1997);
    constexpr std::string_view alphabet = "0123456789000.eE+-infatyINFNAN()_ x";
    for (int i = 0; i < 100000; ++i) {
        std::string text;
        if (i % 2) {
            for (std::size_t n = 1 + random() % 12; n > 0; --n) text += alphabet[random() % alphabet.size()];
        } else {
            if (random() % 2) text += '-';
            if (random() % 3 == 0) {
                text += "0.";
                text.append(random() % 400, '0');
            }
            for (std::size_t n = 1 + random() % 25; n > 0; --n) text += static_cast<char>('0' + random() % 10);
            if (random() % 2) {
                text += 'e';
                text += std::to_string(static_cast<int>(random() % 700) - 350);
            }
        }
        INFO(text);
        double expected = unchanged, actual = unchanged;
        const std::from_chars_result want = std::from_chars(text.data(), text.data() + text.size(), expected);
        const std::from_chars_result got =
            mgcalc::detail::from_chars_double(text.data(), text.data() + text.size(), actual);
        REQUIRE(got.ec == want.ec);
        REQUIRE(got.ptr == want.ptr);
        REQUIRE(same_double(actual, expected));
    }
#endif
}

TEST_CASE("format: read_decimal reads decimals only, and names what is out of range", "[format][hardening]") {
    using mgcalc::detail::decimal_reading;
    using mgcalc::detail::parse_decimal;
    const auto reading = [](std::string_view text) {
        double value = 0;
        return mgcalc::detail::read_decimal(text, value);
    };

    CHECK(parse_decimal(" 1.5 ") == 1.5);
    CHECK(parse_decimal("+3") == 3.0);
    CHECK(parse_decimal("-.5") == -0.5);
    CHECK(parse_decimal("1e3") == 1000.0);
    CHECK(parse_decimal(" 592 ") == 592.0);
    CHECK(parse_decimal("0e-999") == 0.0);
    CHECK(parse_decimal("2.2250738585072014e-308") == std::numeric_limits<double>::min());
    // "-0" is 0 without its sign, so that no output shows "-0".
    REQUIRE(parse_decimal("-0").has_value());
    CHECK_FALSE(std::signbit(*parse_decimal("-0")));
    CHECK_FALSE(std::signbit(*parse_decimal("-0.000e5")));
    // Beyond a double, or nonzero and subnormal: out of range, never infinity or 0.
    for (std::string_view beyond : {"1e400", "-1e400", "1e-400", "-1e-400", "1e-310", "4.9e-324"}) {
        INFO(beyond);
        CHECK(reading(beyond) == decimal_reading::out_of_range);
        CHECK_FALSE(parse_decimal(beyond));
    }
    // Hexadecimal, words and anything with more than the number: not a number.
    for (std::string_view rejected : {"", " ", "+", "1,5", "++1", "--1", "1e", "0x10", "0X1p4", "1 2", "1.5mg", ".",
                                      "inf", "-inf", "Infinity", "+infinity", "nan", "NaN", "-nan"}) {
        INFO(rejected);
        CHECK(reading(rejected) == decimal_reading::not_a_number);
    }

    // The nearest double to the printed decimal, so that JSON shows the digits text shows.
    CHECK(mgcalc::detail::rounded(61.900000000000006, 1) == 61.9);
    CHECK(std::signbit(mgcalc::detail::rounded(-0.01, 1)) == false);
}

TEST_CASE("format: times of day are two digits each", "[format]") {
    CHECK(mgcalc::to_string(mgcalc::time_of_day{8, 5}) == "08:05");
    CHECK(mgcalc::to_string(mgcalc::time_of_day{21, 30}) == "21:30");
}

// Hidden ([.]): run by the CTest test format.c_locale_with_decimal_comma, which builds the
// de_DE.UTF-8 locale into the build tree (localedef) and points LOCPATH at it.
TEST_CASE("format: numbers ignore a C locale with a decimal comma", "[.locale]") {
    const std::string previous = std::setlocale(LC_ALL, nullptr);
    REQUIRE(std::setlocale(LC_ALL, "de_DE.UTF-8"));
    // The locale is in effect: printf writes a comma, as the library's snprintf("%f") once did.
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f", 1.5);
    CHECK(std::string(buffer) == "1,5");

    CHECK(format_number(1.5, 1) == "1.5");
    CHECK(format_number(156.64, 1) == "156.6");
    CHECK(format_shortest(0.1) == "0.1");
    CHECK(format_shortest(1.5e-7) == "1.5e-07");
    CHECK(fmt::format("{}", 156.64 * mg) == "156.6 mg");
    CHECK(fmt::format("{:.2f}", 156.64 * mg) == "156.64 mg");
    CHECK(mgcalc::to_string(28.35 * g) == "28.4 g");
    CHECK(streamed(156.64 * mg) == "156.6 mg");
    CHECK(mgcalc::detail::parse_decimal("1.5") == 1.5);
    CHECK_FALSE(mgcalc::detail::parse_decimal("1,5"));
    CHECK(mgcalc::detail::parse_decimal("2.5") == 2.5);
    CHECK(mgcalc::detail::rounded(61.94, 1) == 61.9);
    const mgcalc::supplement_dose dose = mgcalc::parse_supplement_dose("glycinate=100.5 mg");
    CHECK(dose.amount() == 100.5 * mg);

    std::setlocale(LC_ALL, previous.c_str());
}
