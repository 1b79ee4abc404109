// Tests for mgcalc/intake/time_of_day.hpp: clock times, read and written as 24-hour HH:MM.
#include <mgcalc/error.hpp>
#include <mgcalc/intake/time_of_day.hpp>

#include "detail/text.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using mgcalc::errc;
using mgcalc::time_of_day;

namespace {
using mgcalc_test::contains;
using mgcalc_test::error_message;
}  // namespace

TEST_CASE("time_of_day: parse_time_of_day reads HH:MM, 24-hour", "[time_of_day]") {
    CHECK(mgcalc::parse_time_of_day("00:00") == time_of_day{0, 0});
    CHECK(mgcalc::parse_time_of_day("08:05") == time_of_day{8, 5});
    CHECK(mgcalc::parse_time_of_day("12:30") == time_of_day{12, 30});
    CHECK(mgcalc::parse_time_of_day("23:59") == time_of_day{23, 59});
    CHECK(mgcalc::parse_time_of_day("21:30").minutes_since_midnight() == 21 * 60 + 30);
}

TEST_CASE("time_of_day: parse_time_of_day is strict and says what it expects", "[time_of_day]") {
    for (const char* text : {"24:00", "23:60", "8:00", "08:0", "08:00:00", " 08:00", "08:00 ", "08-00", "0800", "",
                             "ab:cd", "+8:00", "8 am", "99:99", "-1:00"}) {
        INFO(text);
        const std::string message = error_message([&] { mgcalc::parse_time_of_day(text); }, errc::parse_error);
        CHECK(contains(message, "expected HH:MM"));
        CHECK(contains(message, mgcalc::detail::quoted(text)));
    }
    CHECK(contains(error_message([] { mgcalc::parse_time_of_day("24:00"); }, errc::parse_error), "hour 24 is not 00-23"));
    CHECK(contains(error_message([] { mgcalc::parse_time_of_day("10:75"); }, errc::parse_error), "minute 75 is not 00-59"));
}

TEST_CASE("time_of_day: to_string(time_of_day) pads to HH:MM and round-trips every minute", "[time_of_day]") {
    CHECK(mgcalc::to_string(time_of_day{8, 5}) == "08:05");
    CHECK(mgcalc::to_string(time_of_day{0, 0}) == "00:00");
    CHECK(mgcalc::to_string(time_of_day{23, 59}) == "23:59");
    int mismatches = 0;
    for (int hour = 0; hour < 24; ++hour)
        for (int minute = 0; minute < 60; ++minute) {
            const time_of_day time{hour, minute};
            if (mgcalc::parse_time_of_day(mgcalc::to_string(time)) != time) ++mismatches;
        }
    CHECK(mismatches == 0);
}

TEST_CASE("time_of_day: time_of_day::ok", "[time_of_day]") {
    CHECK(time_of_day{23, 59}.ok());
    CHECK_FALSE(time_of_day{24, 0}.ok());
    CHECK_FALSE(time_of_day{12, 60}.ok());
    CHECK_FALSE(time_of_day{-1, 0}.ok());
}

TEST_CASE("time_of_day: try_parse_time_of_day returns the time or the error", "[time_of_day]") {
    const mgcalc::result<time_of_day> good = mgcalc::try_parse_time_of_day("21:30");
    REQUIRE(good);
    CHECK(good->minutes_since_midnight() == 21 * 60 + 30);
    const mgcalc::result<time_of_day> bad = mgcalc::try_parse_time_of_day("25:00");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code() == errc::parse_error);
    CHECK(bad.error().input() == "25:00");
}
