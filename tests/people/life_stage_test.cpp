// Tests for mgcalc/people/life_stage.hpp: sex, exact ages, life stages.
//
// Expected ages from dates are worked out by hand from the calendar in each comment, never taken
// from the implementation.
#include <mgcalc/error.hpp>
#include <mgcalc/people/age_between.hpp>
#include <mgcalc/people/life_stage.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <type_traits>

using mgcalc::age;
using mgcalc::age_between;
using mgcalc::year_month_day;
using mgcalc::errc;

namespace {

using mgcalc_test::contains;
using mgcalc_test::error_message;

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinite = std::numeric_limits<double>::infinity();

}  // namespace

// ---- traits ----------------------------------------------------------------------------------

// An age is only made through the checked factories: no default age of 0, no age from a double.
static_assert(!std::is_default_constructible_v<age>);
static_assert(!std::is_constructible_v<age, double>);
static_assert(!std::is_convertible_v<double, age>);
static_assert(std::is_nothrow_copy_constructible_v<age>);
static_assert(!std::is_default_constructible_v<mgcalc::life_stage>);

// ---- sex -------------------------------------------------------------------------------------

TEST_CASE("life_stage: parse_sex accepts the documented words in any case", "[life_stage]") {
    using mgcalc::sex;
    for (const char* word : {"female", "F", "f", "Woman", "FEMALE", " female "}) {
        INFO(word);
        CHECK(mgcalc::parse_sex(word) == sex::female);
    }
    for (const char* word : {"male", "M", "m", "MAN", "Male"}) {
        INFO(word);
        CHECK(mgcalc::parse_sex(word) == sex::male);
    }
    CHECK(mgcalc::to_string(sex::female) == "female");
    CHECK(mgcalc::to_string(sex::male) == "male");
}

TEST_CASE("life_stage: parse_sex rejects other words with invalid_life_stage", "[life_stage]") {
    for (const char* word : {"", "x", "females", "boy", "fm", "mal"}) {
        INFO(word);
        const std::string message = error_message([&] { mgcalc::parse_sex(word); }, errc::invalid_life_stage);
        CHECK(contains(message, "female"));
        CHECK(contains(message, "male"));
    }
}

// ---- ages ----------------------------------------------------------------------------------

TEST_CASE("life_stage: age::from_years and from_months are exact", "[life_stage]") {
    CHECK(age::from_years(0).in_months() == 0.0);
    CHECK(age::from_years(1).in_months() == 12.0);
    CHECK(age::from_years(3.5).in_months() == 42.0);
    CHECK(age::from_years(18.5).in_months() == 222.0);
    CHECK(age::from_years(120).in_months() == 1440.0);
    CHECK(age::from_months(9).in_years() == 0.75);
    CHECK(age::from_months(6.99).in_months() == 6.99);
    CHECK(age::from_months(1440).in_years() == 120.0);
    CHECK(age::from_years(34.5).in_years() == 34.5);
}

TEST_CASE("life_stage: an age outside 0-120 years or not finite is invalid_life_stage", "[life_stage]") {
    for (double years : {-1.0, -1e-9, 120.0001, 121.0, 1e300, not_a_number, infinite, -infinite}) {
        INFO("years " << years);
        const std::string message = error_message([&] { age::from_years(years); }, errc::invalid_life_stage);
        CHECK(contains(message, "0 to 120 years"));  // states the accepted range
    }
    for (double months : {-0.5, 1440.001, 1441.0, not_a_number, infinite, -infinite}) {
        INFO("months " << months);
        const std::string message = error_message([&] { age::from_months(months); }, errc::invalid_life_stage);
        CHECK(contains(message, "0 to 120 years"));
    }
    CHECK(contains(error_message([] { age::from_years(not_a_number); }, errc::invalid_life_stage), "not a number"));
    CHECK(contains(error_message([] { age::from_years(-2); }, errc::invalid_life_stage), "negative"));
}

TEST_CASE("life_stage: age::to_string shows months below 2 years, years above, truncated to 0.1",
          "[life_stage]") {
    CHECK(age::from_months(0).to_string() == "0 months");
    CHECK(age::from_months(1).to_string() == "1 month");
    CHECK(age::from_months(9).to_string() == "9 months");
    CHECK(age::from_months(9.5).to_string() == "9.5 months");
    CHECK(age::from_months(6.99).to_string() == "6.9 months");  // never shows an age not reached
    CHECK(age::from_years(0.3).to_string() == "3.6 months");    // 0.3 * 12 is 3.5999... in binary
    CHECK(age::from_months(23.99).to_string() == "23.9 months");
    CHECK(age::from_years(2).to_string() == "2 years");
    CHECK(age::from_years(34.5).to_string() == "34.5 years");
    CHECK(age::from_years(18.97).to_string() == "18.9 years");
    CHECK(age::from_years(120).to_string() == "120 years");
}

// ---- age from dates --------------------------------------------------------------------------

TEST_CASE("life_stage: age::between counts completed months plus the fraction of the month", "[life_stage]") {
    // Same day: 0.
    CHECK(age_between(mgcalc::date(2020, 5, 10), mgcalc::date(2020, 5, 10)).in_months() == 0.0);
    // 2020-05-10 to 2020-05-20: 10 of the 31 days to 2020-06-10.
    CHECK(age_between(mgcalc::date(2020, 5, 10), mgcalc::date(2020, 5, 20)).in_months() == Approx(10.0 / 31.0));
    // 2020-06-10 to 2020-06-25: 15 of the 30 days to 2020-07-10.
    CHECK(age_between(mgcalc::date(2020, 5, 10), mgcalc::date(2020, 6, 25)).in_months() == Approx(1.5));
    // Monthly anniversary: exactly 9 months.
    CHECK(age_between(mgcalc::date(2023, 1, 15), mgcalc::date(2023, 10, 15)).in_months() == 9.0);
    // Across a year end: 2023-12-20 to 2024-01-04 is 15 of the 31 days to 2024-01-20.
    CHECK(age_between(mgcalc::date(2023, 12, 20), mgcalc::date(2024, 1, 4)).in_months() == Approx(15.0 / 31.0));
    // February in a leap year: 2024-02-10 + 14 days of the 29 to 2024-03-10.
    CHECK(age_between(mgcalc::date(2024, 1, 10), mgcalc::date(2024, 2, 24)).in_months() == Approx(1.0 + 14.0 / 29.0));
    // February in a common year: 14 of 28.
    CHECK(age_between(mgcalc::date(2023, 1, 10), mgcalc::date(2023, 2, 24)).in_months() == Approx(1.5));
}

TEST_CASE("life_stage: birthdays are exact, the day before is less", "[life_stage]") {
    // The 19th birthday is exactly 228 months.
    CHECK(age_between(mgcalc::date(2005, 7, 14), mgcalc::date(2024, 7, 14)).in_months() == 228.0);
    CHECK(age_between(mgcalc::date(2005, 7, 14), mgcalc::date(2024, 7, 14)).in_years() == 19.0);
    // The day before: 227 months + 29 of the 30 days from 2024-06-14 to 2024-07-14.
    const double day_before = age_between(mgcalc::date(2005, 7, 14), mgcalc::date(2024, 7, 13)).in_months();
    CHECK(day_before < 228.0);
    CHECK(day_before == Approx(227.0 + 29.0 / 30.0));
    // First birthday.
    CHECK(age_between(mgcalc::date(2023, 3, 1), mgcalc::date(2024, 3, 1)).in_months() == 12.0);
    CHECK(age_between(mgcalc::date(2023, 3, 1), mgcalc::date(2024, 2, 29)).in_months() < 12.0);
}

TEST_CASE("life_stage: a birth day of 29-31 falls on the last day of shorter months", "[life_stage]") {
    // Born 2023-01-31: the 1-month anniversary is 2023-02-28.
    CHECK(age_between(mgcalc::date(2023, 1, 31), mgcalc::date(2023, 2, 28)).in_months() == 1.0);
    // 2023-02-27: 0 months + 27 of the 28 days from 2023-01-31 to 2023-02-28.
    CHECK(age_between(mgcalc::date(2023, 1, 31), mgcalc::date(2023, 2, 27)).in_months() == Approx(27.0 / 28.0));
    // 2023-03-01: 1 month + 1 of the 31 days from 2023-02-28 to 2023-03-31.
    CHECK(age_between(mgcalc::date(2023, 1, 31), mgcalc::date(2023, 3, 1)).in_months() == Approx(1.0 + 1.0 / 31.0));
    // The 2-month anniversary is back on the 31st.
    CHECK(age_between(mgcalc::date(2023, 1, 31), mgcalc::date(2023, 3, 31)).in_months() == 2.0);
    // In a leap year February has a 29th.
    CHECK(age_between(mgcalc::date(2024, 1, 31), mgcalc::date(2024, 2, 29)).in_months() == 1.0);
    CHECK(age_between(mgcalc::date(2024, 1, 30), mgcalc::date(2024, 2, 29)).in_months() == 1.0);
    // Born on the 31st: April's anniversary is the 30th.
    CHECK(age_between(mgcalc::date(2023, 3, 31), mgcalc::date(2023, 4, 30)).in_months() == 1.0);
    CHECK(age_between(mgcalc::date(2023, 3, 31), mgcalc::date(2023, 4, 29)).in_months() < 1.0);
}

TEST_CASE("life_stage: February 29 birthdays are on February 28 in common years", "[life_stage]") {
    const mgcalc::year_month_day leap_baby = mgcalc::date(2004, 2, 29);
    CHECK(age_between(leap_baby, mgcalc::date(2005, 2, 28)).in_months() == 12.0);
    CHECK(age_between(leap_baby, mgcalc::date(2005, 2, 27)).in_months() < 12.0);
    // 2005-03-01: 12 months + 1 of the 29 days from 2005-02-28 to 2005-03-29.
    CHECK(age_between(leap_baby, mgcalc::date(2005, 3, 1)).in_months() == Approx(12.0 + 1.0 / 29.0));
    // In a leap year the birthday is the 29th: on the 28th the 48th month is not complete.
    CHECK(age_between(leap_baby, mgcalc::date(2008, 2, 29)).in_months() == 48.0);
    CHECK(age_between(leap_baby, mgcalc::date(2008, 2, 28)).in_months() < 48.0);
    // 19th birthday in a common year.
    CHECK(age_between(leap_baby, mgcalc::date(2023, 2, 28)).in_months() == 228.0);
    CHECK(age_between(leap_baby, mgcalc::date(2023, 2, 27)).in_months() < 228.0);
}

TEST_CASE("life_stage: age::between up to exactly 120 years", "[life_stage]") {
    CHECK(age_between(mgcalc::date(1900, 1, 1), mgcalc::date(2020, 1, 1)).in_years() == 120.0);
    const std::string message =
        error_message([] { age_between(mgcalc::date(1900, 1, 1), mgcalc::date(2020, 1, 2)); }, errc::invalid_life_stage);
    CHECK(contains(message, "0 to 120 years"));
    // The widest span std::chrono's years allow, -32767 to 32767, is an age out of range, never
    // an overflow.
    error_message([] { age_between(mgcalc::date(-32767, 1, 1), mgcalc::date(32767, 1, 1)); }, errc::invalid_life_stage);
}

TEST_CASE("life_stage: age::between rejects impossible dates and reversed order", "[life_stage]") {
    // `on` before `birth`.
    CHECK(contains(error_message([] { age_between(mgcalc::date(2020, 5, 10), mgcalc::date(2020, 5, 9)); }, errc::invalid_date),
                   "before the birth date"));
    error_message([] { age_between(mgcalc::date(2021, 1, 1), mgcalc::date(2020, 12, 31)); }, errc::invalid_date);
    // Dates that do not exist.
    CHECK(contains(error_message([] { age_between(mgcalc::date(2023, 2, 29), mgcalc::date(2024, 1, 1)); }, errc::invalid_date),
                   "2023-02-29"));
    CHECK(contains(error_message([] { age_between(mgcalc::date(2020, 1, 1), mgcalc::date(2024, 4, 31)); }, errc::invalid_date),
                   "2024-04-31"));
    error_message([] { age_between(mgcalc::date(2020, 13, 1), mgcalc::date(2024, 1, 1)); }, errc::invalid_date);
    error_message([] { age_between(mgcalc::date(2020, 1, 1), mgcalc::date(2024, 0, 1)); }, errc::invalid_date);
    error_message([] { age_between(mgcalc::date(2020, 1, 0), mgcalc::date(2024, 1, 1)); }, errc::invalid_date);
}

// ---- life_stage ------------------------------------------------------------------------------

TEST_CASE("life_stage: valid combinations and their description", "[life_stage]") {
    using mgcalc::life_stage;
    using mgcalc::sex;
    const life_stage woman(sex::female, age::from_years(34.5), {.pregnant = true});
    CHECK(woman.sex() == sex::female);
    CHECK(woman.age().in_years() == 34.5);
    CHECK(woman.pregnant());
    CHECK(!woman.lactating());
    CHECK(woman.to_string() == "female, 34.5 years, pregnant");
    CHECK(life_stage(sex::male, age::from_months(9)).to_string() == "male, 9 months");
    CHECK(life_stage(sex::female, age::from_years(30), {.lactating = true}).to_string() == "female, 30 years, lactating");
    CHECK(life_stage(sex::female, age::from_years(30), {true, true}).to_string() ==
          "female, 30 years, pregnant and lactating");
    // Pregnancy and lactation are accepted from exactly 10 years.
    CHECK(life_stage(sex::female, age::from_years(10), {.pregnant = true}).pregnant());
    CHECK(life_stage(sex::female, age::from_years(10), {.lactating = true}).lactating());
}

TEST_CASE("life_stage: impossible combinations are invalid_life_stage", "[life_stage]") {
    using mgcalc::life_stage;
    using mgcalc::sex;
    const age adult = age::from_years(30);
    CHECK(contains(error_message([&] { life_stage(sex::male, adult, {.pregnant = true}); }, errc::invalid_life_stage),
                   "male"));
    error_message([&] { life_stage(sex::male, adult, {.lactating = true}); }, errc::invalid_life_stage);
    error_message([&] { life_stage(sex::male, adult, {true, true}); }, errc::invalid_life_stage);
    for (double years : {0.0, 5.0, 9.99}) {
        INFO("years " << years);
        const age child = age::from_years(years);
        CHECK(contains(error_message([&] { life_stage(sex::female, child, {.pregnant = true}); },
                                     errc::invalid_life_stage),
                       "10 years"));
        error_message([&] { life_stage(sex::female, child, {.lactating = true}); }, errc::invalid_life_stage);
        error_message([&] { life_stage(sex::female, child, {true, true}); }, errc::invalid_life_stage);
        // Neither pregnant nor lactating is fine at any age.
        CHECK_NOTHROW(life_stage(sex::female, child));
        CHECK_NOTHROW(life_stage(sex::male, child));
    }
}

TEST_CASE("life_stage: try_parse_sex returns the sex or the error", "[life_stage]") {
    const mgcalc::result<mgcalc::sex> good = mgcalc::try_parse_sex("F");
    REQUIRE(good);
    CHECK(*good == mgcalc::sex::female);
    const mgcalc::result<mgcalc::sex> bad = mgcalc::try_parse_sex("boy");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code() == errc::invalid_life_stage);
    CHECK(bad.error().input() == "boy");
}
