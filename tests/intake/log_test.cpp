// Tests for mgcalc/intake/log.hpp: times of day, date ranges and a profile's life stage on a day.
//
// Expected ages are worked out by hand from the calendar in each comment, never taken from the
// implementation.
#include <mgcalc/error.hpp>
#include <mgcalc/intake/log.hpp>

#include "detail/text.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using mgcalc::year_month_day;
using mgcalc::date_range;
using mgcalc::errc;
using mgcalc::time_of_day;

namespace {

using mgcalc_test::contains;
using mgcalc_test::error_message;

mgcalc::profile woman_born(mgcalc::year_month_day birth) {
    mgcalc::profile person;
    person.sex = mgcalc::sex::female;
    person.birth_date = birth;
    return person;
}

}  // namespace

// ---- time_of_day -----------------------------------------------------------------------------

TEST_CASE("log: parse_time_of_day reads HH:MM, 24-hour", "[log]") {
    CHECK(mgcalc::parse_time_of_day("00:00") == time_of_day{0, 0});
    CHECK(mgcalc::parse_time_of_day("08:05") == time_of_day{8, 5});
    CHECK(mgcalc::parse_time_of_day("12:30") == time_of_day{12, 30});
    CHECK(mgcalc::parse_time_of_day("23:59") == time_of_day{23, 59});
    CHECK(mgcalc::parse_time_of_day("21:30").minutes_since_midnight() == 21 * 60 + 30);
}

TEST_CASE("log: parse_time_of_day is strict and says what it expects", "[log]") {
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

TEST_CASE("log: to_string(time_of_day) pads to HH:MM and round-trips every minute", "[log]") {
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

TEST_CASE("log: time_of_day::ok", "[log]") {
    CHECK(time_of_day{23, 59}.ok());
    CHECK_FALSE(time_of_day{24, 0}.ok());
    CHECK_FALSE(time_of_day{12, 60}.ok());
    CHECK_FALSE(time_of_day{-1, 0}.ok());
}

// ---- date_range ------------------------------------------------------------------------------

TEST_CASE("log: date_range includes both ends", "[log]") {
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

TEST_CASE("log: date_range compares years, then months, then days", "[log]") {
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

// ---- profile::on -----------------------------------------------------------------------------

TEST_CASE("log: profile::on takes the exact age from the birth date, across the 19th birthday", "[log]") {
    // Born 2007-11-20: 19 years on 2026-11-20. The IOM bands change at 19 (14-18 y vs 19-30 y).
    const mgcalc::profile person = woman_born(mgcalc::date(2007, 11, 20));

    const mgcalc::life_stage before = person.on(mgcalc::date(2026, 11, 19));
    // 18 years 11 months (227 months) since 2026-10-20, plus 30 of the 31 days to 2026-11-20.
    CHECK(before.age().in_months() == Approx(227.0 + 30.0 / 31.0));
    CHECK(before.age().in_years() < 19.0);
    CHECK(before.age().to_string() == "18.9 years");

    const mgcalc::life_stage birthday = person.on(mgcalc::date(2026, 11, 20));
    CHECK(birthday.age().in_months() == 228.0);
    CHECK(birthday.age().to_string() == "19 years");

    const mgcalc::life_stage after = person.on(mgcalc::date(2026, 11, 21));
    CHECK(after.age().in_months() == Approx(228.0 + 1.0 / 30.0));  // 1 of the 30 days to 2026-12-20
    CHECK(after.age().in_years() > 19.0);

    CHECK(birthday.sex() == mgcalc::sex::female);
    CHECK_FALSE(birthday.pregnant());
    CHECK_FALSE(birthday.lactating());
}

TEST_CASE("log: profile::on is pregnant on the last day of the range, lactating the day after", "[log]") {
    mgcalc::profile person = woman_born(mgcalc::date(1992, 5, 3));
    person.pregnancies.push_back({mgcalc::date(2025, 10, 1), mgcalc::date(2026, 6, 30)});
    person.lactation.push_back({mgcalc::date(2026, 7, 1), mgcalc::date(2027, 6, 30)});

    const mgcalc::life_stage last_pregnant_day = person.on(mgcalc::date(2026, 6, 30));
    CHECK(last_pregnant_day.pregnant());
    CHECK_FALSE(last_pregnant_day.lactating());

    const mgcalc::life_stage day_after = person.on(mgcalc::date(2026, 7, 1));
    CHECK_FALSE(day_after.pregnant());
    CHECK(day_after.lactating());

    const mgcalc::life_stage first_day = person.on(mgcalc::date(2025, 10, 1));
    CHECK(first_day.pregnant());
    const mgcalc::life_stage day_before = person.on(mgcalc::date(2025, 9, 30));
    CHECK_FALSE(day_before.pregnant());
    CHECK_FALSE(day_before.lactating());

    CHECK_FALSE(person.on(mgcalc::date(2027, 7, 1)).lactating());
    CHECK(person.on(mgcalc::date(2026, 6, 30)).to_string() == "female, 34.1 years, pregnant");
}

TEST_CASE("log: profile::on looks through every range and allows both states at once", "[log]") {
    mgcalc::profile person = woman_born(mgcalc::date(1990, 1, 1));
    person.pregnancies = {{mgcalc::date(2020, 1, 1), mgcalc::date(2020, 9, 30)}, {mgcalc::date(2026, 1, 1), mgcalc::date(2026, 9, 30)}};
    person.lactation = {{mgcalc::date(2020, 10, 1), mgcalc::date(2026, 3, 31)}};  // still nursing early in the second pregnancy
    CHECK(person.on(mgcalc::date(2026, 2, 1)).pregnant());
    CHECK(person.on(mgcalc::date(2026, 2, 1)).lactating());
    CHECK(person.on(mgcalc::date(2026, 5, 1)).pregnant());
    CHECK_FALSE(person.on(mgcalc::date(2026, 5, 1)).lactating());
    CHECK(person.on(mgcalc::date(2020, 5, 1)).pregnant());
    CHECK_FALSE(person.on(mgcalc::date(2023, 5, 1)).pregnant());
}

TEST_CASE("log: profile::on moves a stated age by the days since it was stated", "[log]") {
    mgcalc::profile person;
    person.sex = mgcalc::sex::male;
    person.age = mgcalc::stated_age{30.0, mgcalc::date(2026, 1, 1)};

    CHECK(person.on(mgcalc::date(2026, 1, 1)).age().in_years() == Approx(30.0));
    // 2026-01-01 to 2030-01-01 is 1,461 days (2028 is leap): 1461 / 365.2425 = 4.00008 years.
    CHECK(person.on(mgcalc::date(2030, 1, 1)).age().in_years() == Approx(30.0 + 1461.0 / 365.2425).epsilon(1e-12));
    // One common year later is slightly less than a mean Gregorian year.
    CHECK(person.on(mgcalc::date(2027, 1, 1)).age().in_years() == Approx(30.0 + 365.0 / 365.2425).epsilon(1e-12));
    CHECK(person.on(mgcalc::date(2027, 1, 1)).age().in_years() < 31.0);
    // Before the date it was stated, the age moves back.
    CHECK(person.on(mgcalc::date(2025, 1, 1)).age().in_years() == Approx(30.0 - 365.0 / 365.2425).epsilon(1e-12));
}

TEST_CASE("log: profile::on prefers the birth date over a stated age", "[log]") {
    mgcalc::profile person = woman_born(mgcalc::date(2000, 6, 15));
    person.age = mgcalc::stated_age{50.0, mgcalc::date(2026, 6, 15)};  // contradicts the birth date
    CHECK(person.on(mgcalc::date(2026, 6, 15)).age().in_years() == Approx(26.0));
}

TEST_CASE("log: profile::on errors", "[log]") {
    mgcalc::profile nobody;
    const std::string no_age = error_message([&] { nobody.on(mgcalc::date(2026, 1, 1)); }, errc::invalid_life_stage);
    CHECK(contains(no_age, "neither a birth date nor a stated age"));

    // A stated age moved back past birth.
    mgcalc::profile baby;
    baby.age = mgcalc::stated_age{0.5, mgcalc::date(2026, 7, 1)};
    error_message([&] { baby.on(mgcalc::date(2025, 7, 1)); }, errc::invalid_life_stage);
    CHECK(baby.on(mgcalc::date(2026, 1, 1)).age().in_months() == Approx(6.0 - 181.0 * 12.0 / 365.2425));

    // Before the birth date, and a day that does not exist.
    const mgcalc::profile person = woman_born(mgcalc::date(2000, 1, 1));
    error_message([&] { person.on(mgcalc::date(1999, 12, 31)); }, errc::invalid_date);
    const std::string no_such_day = error_message([&] { person.on(mgcalc::date(2026, 2, 29)); }, errc::invalid_date);
    CHECK(contains(no_such_day, "2026-02-29"));

    mgcalc::profile bad_stated;
    bad_stated.age = mgcalc::stated_age{30.0, mgcalc::date(2026, 2, 30)};
    error_message([&] { bad_stated.on(mgcalc::date(2026, 3, 1)); }, errc::invalid_date);
}

TEST_CASE("log: profile::on lets life_stage refuse impossible states", "[log]") {
    mgcalc::profile man;
    man.sex = mgcalc::sex::male;
    man.birth_date = mgcalc::date(1990, 1, 1);
    man.pregnancies.push_back({mgcalc::date(2026, 1, 1), mgcalc::date(2026, 9, 30)});
    CHECK_FALSE(man.on(mgcalc::date(2025, 12, 31)).pregnant());  // outside the range: nothing to refuse
    const std::string message = error_message([&] { man.on(mgcalc::date(2026, 1, 1)); }, errc::invalid_life_stage);
    CHECK(contains(message, "male cannot be pregnant"));

    mgcalc::profile child = woman_born(mgcalc::date(2017, 3, 1));
    child.lactation.push_back({mgcalc::date(2026, 1, 1), mgcalc::date(2026, 12, 31)});  // 8.8 years old
    error_message([&] { child.on(mgcalc::date(2026, 1, 1)); }, errc::invalid_life_stage);
}
