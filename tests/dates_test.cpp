// Tests for mgcalc/dates.hpp: ISO 8601 dates read and written, ranges of days, days between.
//
// Validity and leap years are std::chrono's (year_month_day::ok); these tests cover what mgcalc
// adds on top: the strict text form, its messages, and ranges.
#include <mgcalc/dates.hpp>
#include <mgcalc/error.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using mgcalc::date_range;
using mgcalc::errc;

namespace {
using mgcalc_test::contains;
using mgcalc_test::error_message;
}  // namespace

TEST_CASE("dates: parse_date reads YYYY-MM-DD and round-trips through to_string", "[dates]") {
    CHECK(mgcalc::parse_date("2024-02-29") == mgcalc::date(2024, 2, 29));
    CHECK(mgcalc::parse_date("1999-12-31") == mgcalc::date(1999, 12, 31));
    CHECK(mgcalc::parse_date("0001-01-01") == mgcalc::date(1, 1, 1));
    CHECK(mgcalc::to_string(mgcalc::date(2024, 2, 9)) == "2024-02-09");
    CHECK(mgcalc::to_string(mgcalc::date(987, 1, 1)) == "0987-01-01");
    for (const char* text : {"2024-02-29", "1900-03-01", "2000-01-01", "9999-12-31"})
        CHECK(mgcalc::to_string(mgcalc::parse_date(text)) == text);
}

TEST_CASE("dates: parse_date rejects malformed text with invalid_date", "[dates]") {
    for (const char* text : {"", "2024", "2024-2-5", "2024-02-5", "24-02-05", "2024/02/05", "2024-02-05 ",
                             " 2024-02-05", "2024-02-05T00", "20240205", "2024-0a-05", "+024-02-05", "2024--2-05",
                             "yyyy-mm-dd", "05-02-2024"}) {
        INFO('"' << text << '"');
        const std::string message = error_message([&] { mgcalc::parse_date(text); }, errc::invalid_date);
        // The message repeats the text and names the expected form.
        CHECK(contains(message, std::string("\"") + text + "\""));
        CHECK(contains(message, "YYYY-MM-DD"));
    }
}

TEST_CASE("dates: parse_date rejects dates that do not exist", "[dates]") {
    for (const char* text : {"2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10",
                             "2024-01-00", "2024-01-32"}) {
        INFO(text);
        const std::string message = error_message([&] { mgcalc::parse_date(text); }, errc::invalid_date);
        CHECK(contains(message, text));
        CHECK(contains(message, "YYYY-MM-DD"));
    }
    // The reason is specific.
    CHECK(contains(error_message([] { mgcalc::parse_date("2023-02-29"); }, errc::invalid_date), "28 days"));
}

// ---- age from numbers ------------------------------------------------------------------------

TEST_CASE("dates: date_range includes both ends", "[dates]") {
    const date_range pregnancy{mgcalc::date(2025, 10, 1), mgcalc::date(2026, 6, 30)};
    CHECK(pregnancy.contains(mgcalc::date(2025, 10, 1)));
    CHECK(pregnancy.contains(mgcalc::date(2026, 6, 30)));
    CHECK(pregnancy.contains(mgcalc::date(2026, 1, 15)));
    CHECK_FALSE(pregnancy.contains(mgcalc::date(2025, 9, 30)));
    CHECK_FALSE(pregnancy.contains(mgcalc::date(2026, 7, 1)));
    CHECK_FALSE(pregnancy.contains(mgcalc::date(2027, 1, 15)));

    const date_range one_day{mgcalc::date(2026, 6, 30), mgcalc::date(2026, 6, 30)};
    CHECK(one_day.contains(mgcalc::date(2026, 6, 30)));
    CHECK_FALSE(one_day.contains(mgcalc::date(2026, 6, 29)));
    CHECK_FALSE(one_day.contains(mgcalc::date(2026, 7, 30)));  // same day of month, another month
}

TEST_CASE("dates: date_range compares years, then months, then days", "[dates]") {
    // A comparison of the day of month alone would put 01-15 inside [01-31, 02-01].
    const date_range turn_of_month{mgcalc::date(2026, 1, 31), mgcalc::date(2026, 2, 1)};
    CHECK_FALSE(turn_of_month.contains(mgcalc::date(2026, 1, 15)));
    CHECK_FALSE(turn_of_month.contains(mgcalc::date(2026, 2, 15)));
    CHECK(turn_of_month.contains(mgcalc::date(2026, 1, 31)));
    CHECK(turn_of_month.contains(mgcalc::date(2026, 2, 1)));

    const date_range new_year{mgcalc::date(2025, 12, 31), mgcalc::date(2026, 1, 1)};
    CHECK(new_year.contains(mgcalc::date(2026, 1, 1)));
    CHECK_FALSE(new_year.contains(mgcalc::date(2025, 1, 1)));
    CHECK_FALSE(new_year.contains(mgcalc::date(2026, 12, 31)));

    const date_range backwards{mgcalc::date(2026, 2, 1), mgcalc::date(2026, 1, 1)};  // ends before it starts: contains nothing
    CHECK_FALSE(backwards.contains(mgcalc::date(2026, 1, 15)));
    CHECK_FALSE(backwards.contains(mgcalc::date(2026, 1, 1)));
}

TEST_CASE("dates: days_between counts calendar days, leap days included", "[dates]") {
    CHECK(mgcalc::days_between(mgcalc::date(2024, 2, 28), mgcalc::date(2024, 3, 1)) == 2);  // 2024-02-29 between
    CHECK(mgcalc::days_between(mgcalc::date(2023, 2, 28), mgcalc::date(2023, 3, 1)) == 1);
    CHECK(mgcalc::days_between(mgcalc::date(2000, 1, 1), mgcalc::date(2001, 1, 1)) == 366);
    CHECK(mgcalc::days_between(mgcalc::date(1900, 1, 1), mgcalc::date(1901, 1, 1)) == 365);
    CHECK(mgcalc::days_between(mgcalc::date(2024, 3, 1), mgcalc::date(2024, 2, 28)) == -2);
    CHECK(mgcalc::days_between(mgcalc::date(2024, 3, 1), mgcalc::date(2024, 3, 1)) == 0);
}

TEST_CASE("dates: try_parse_date returns the date or the error parse_date would throw", "[dates]") {
    const mgcalc::result<mgcalc::year_month_day> good = mgcalc::try_parse_date("2024-02-29");
    REQUIRE(good.has_value());
    CHECK(*good == mgcalc::date(2024, 2, 29));
    const mgcalc::result<mgcalc::year_month_day> bad = mgcalc::try_parse_date("2023-02-29");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == errc::invalid_date);
    CHECK(contains(std::string(bad.error().message()), "28 days"));
    CHECK(bad.error().input() == "2023-02-29");
    CHECK_THROWS_AS(bad.value(), mgcalc::error);
}
