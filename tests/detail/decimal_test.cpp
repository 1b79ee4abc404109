// Tests of mgcalc/detail/decimal.hpp: decimal() writes exactly what format_number (the compiled
// library's {fmt} writer, src/detail/text.hpp) writes, so a message of the header-only model and
// one of the compiled library never disagree in a digit.
#include <mgcalc/detail/decimal.hpp>

#include "detail/text.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>

namespace {

using mgcalc::detail::decimal;
using mgcalc::detail::format_number;

/// Compares decimal() with format_number for one value and precision; counts the comparisons,
/// and reports only the first few differences (millions of values are compared).
struct comparison {
    long compared = 0;
    long differ = 0;

    void operator()(double value, int decimals) {
        ++compared;
        const std::string got = decimal(value, decimals);
        const std::string want = format_number(value, decimals);
        if (got != want && ++differ <= 10) {
            FAIL_CHECK(fmt::format("{} ({:a}) with {} decimals: decimal() wrote {}, format_number {}", value, value,
                                   decimals, got, want));
        }
    }
};

double from_bits(std::uint64_t bits) {
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

}  // namespace

TEST_CASE("decimal: the worked examples", "[decimal]") {
    CHECK(decimal(1.50, 2) == "1.5");
    CHECK(decimal(2.0, 1) == "2");
    CHECK(decimal(156.64, 1) == "156.6");
    CHECK(decimal(-0.04, 1) == "0");  // never "-0"
    CHECK(decimal(-0.0, 3) == "0");
    CHECK(decimal(-1.25, 1) == "-1.2");
    // Exact binary ties go to the even digit, as printf and {fmt} round.
    CHECK(decimal(0.125, 2) == "0.12");
    CHECK(decimal(0.375, 2) == "0.38");
    CHECK(decimal(2.5, 0) == "2");
    CHECK(decimal(3.5, 0) == "4");
    // Decimal "ties" are not ties in binary: each double is just above or below.
    CHECK(decimal(0.15, 1) == "0.1");   // 0.1499999999999999944...
    CHECK(decimal(2.675, 2) == "2.67");  // 2.67499999999999982236...
    CHECK(decimal(1.005, 2) == "1");     // 1.00499999999999989342...
    CHECK(decimal(0.35, 1) == "0.3");    // 0.34999999999999997779...
    CHECK(decimal(1.45, 1) == "1.4");    // 1.44999999999999995559...
    CHECK(decimal(8.345, 2) == "8.35");  // 8.34500000000000063948...
    // A carry through every digit.
    CHECK(decimal(9.96, 1) == "10");
    CHECK(decimal(0.9999999, 3) == "1");
    // Every digit of a large number, as printf writes it.
    CHECK(decimal(1e70, 1) == "10000000000000000725314363815292351261583744096465219555182101554790400");
    CHECK(decimal(std::numeric_limits<double>::max(), 0).size() == 309);
    CHECK(decimal(9007199254740993.0, 0) == "9007199254740992");  // 2^53 + 1 is not a double
    CHECK(decimal(std::numeric_limits<double>::denorm_min(), 15) == "0");
    CHECK(decimal(std::nan(""), 1) == "nan");
    CHECK(decimal(std::numeric_limits<double>::infinity(), 1) == "inf");
    CHECK(decimal(-std::numeric_limits<double>::infinity(), 1) == "-inf");
}

TEST_CASE("decimal: the same text as format_number over millions of values", "[decimal]") {
    comparison compare;
    std::mt19937_64 random(20261202);

    // Every bit pattern equally likely: every magnitude from 5e-324 to 1.8e308, NaNs and
    // infinities included, at every precision.
    for (int i = 0; i < 300'000; ++i) compare(from_bits(random()), static_cast<int>(random() % 16));

    // The magnitudes of a day's figures (0 to 100,000 mg; fractions; ages) at the precisions
    // mgcalc writes (0 to 4), where nearly every value has digits to round.
    std::uniform_real_distribution<double> everyday(-100'000.0, 100'000.0);
    std::uniform_real_distribution<double> small(0.0, 1.0);
    for (int i = 0; i < 600'000; ++i) {
        compare(everyday(random), i % 5);
        compare(small(random), i % 5);
    }

    // Decimals typed by people: k / 10^j, most of them a decimal "tie" one digit shorter (0.15,
    // 2.675, 1.005), which the double lies just above or below.
    for (std::int64_t k = 0; k < 400'000; ++k) {
        for (int places = 1; places <= 4; ++places) {
            const double value = static_cast<double>(k) / std::pow(10.0, places);
            compare(value, places - 1);
            compare(-value, places - 1);
        }
    }

    // Exact binary ties: odd multiples of 2^-shift rounded to fewer decimals than they have.
    for (std::int64_t k = -40'000; k < 40'000; ++k) {
        for (int shift = 1; shift <= 10; ++shift) {
            const double tie = std::ldexp(2.0 * static_cast<double>(k) + 1.0, -shift);
            compare(tie, shift % 5);
        }
    }

    // Around the edges of the algorithm: 2^53 (whole numbers from there), 2^64 (big digits from
    // there), powers of ten, the smallest numbers, and doubles next to each.
    for (const double edge : {0.25, 0.5, 1.0, 9007199254740992.0, 18446744073709551616.0, 1e15, 1e16, 1e22, 1e23,
                              1e300, std::numeric_limits<double>::max(), std::numeric_limits<double>::min(),
                              std::numeric_limits<double>::denorm_min(), 5e-16, 5e-15, 0.95, 9.95, 99.995}) {
        double below = edge;
        double above = edge;
        for (int step = 0; step < 200; ++step) {
            for (int decimals = 0; decimals <= mgcalc::detail::max_decimals; ++decimals) {
                compare(below, decimals);
                compare(above, decimals);
                compare(-above, decimals);
            }
            below = std::nextafter(below, 0.0);
            above = std::nextafter(above, std::numeric_limits<double>::infinity());
        }
    }

    INFO(compare.compared << " values compared");
    CHECK(compare.compared > 5'000'000);
    CHECK(compare.differ == 0);
}

// Hidden ([.]): run by the CTest test format.c_locale_with_decimal_comma, which builds the
// de_DE.UTF-8 locale into the build tree (localedef) and points LOCPATH at it.
TEST_CASE("decimal: a C locale with a decimal comma changes nothing", "[.locale]") {
    const std::string previous = std::setlocale(LC_ALL, nullptr);
    REQUIRE(std::setlocale(LC_ALL, "de_DE.UTF-8"));
    CHECK(decimal(1.5, 1) == "1.5");
    CHECK(decimal(1234567.25, 2) == "1234567.25");  // no thousands separator either
    std::setlocale(LC_ALL, previous.c_str());
}

TEST_CASE("decimal_beyond: the fewest decimals that tell a value from its limit", "[decimal]") {
    using mgcalc::detail::decimal_beyond;
    CHECK(decimal_beyond(10000.001, 10000.0) == "10000.001");
    CHECK(decimal_beyond(10000.0004, 10000.0, 1) == "10000.0004");
    CHECK(decimal_beyond(10001.0, 10000.0) == "10001");
    CHECK(decimal_beyond(120.0001, 120.0, 3) == "120.0001");
    CHECK(decimal_beyond(5000.5, 5000.0, 1) == "5000.5");  // at least the decimals asked for
}
