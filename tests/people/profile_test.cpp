// Tests for mgcalc/people/profile.hpp: a profile's life stage on a day, its medications and
// conditions.
//
// Expected ages are worked out by hand from the calendar in each comment, never taken from the
// implementation.
#include <mgcalc/error.hpp>
#include <mgcalc/people/profile.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using mgcalc::date_range;
using mgcalc::errc;
using mgcalc::year_month_day;

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

TEST_CASE("profile: profile::on takes the exact age from the birth date, across the 19th birthday", "[profile]") {
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

TEST_CASE("profile: profile::on is pregnant on the last day of the range, lactating the day after", "[profile]") {
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

TEST_CASE("profile: profile::on looks through every range and allows both states at once", "[profile]") {
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

TEST_CASE("profile: profile::on moves a stated age by the days since it was stated", "[profile]") {
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

TEST_CASE("profile: profile::on prefers the birth date over a stated age", "[profile]") {
    mgcalc::profile person = woman_born(mgcalc::date(2000, 6, 15));
    person.age = mgcalc::stated_age{50.0, mgcalc::date(2026, 6, 15)};  // contradicts the birth date
    CHECK(person.on(mgcalc::date(2026, 6, 15)).age().in_years() == Approx(26.0));
}

TEST_CASE("profile: profile::on errors", "[profile]") {
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

TEST_CASE("profile: profile::on lets life_stage refuse impossible states", "[profile]") {
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

TEST_CASE("profile: medication names, classes and common drugs, any case", "[profile]") {
    using mgcalc::medication;
    CHECK(mgcalc::parse_medication("bisphosphonate") == medication::bisphosphonate);
    CHECK(mgcalc::parse_medication("Alendronate") == medication::bisphosphonate);
    CHECK(mgcalc::parse_medication("tetracycline") == medication::tetracycline);
    CHECK(mgcalc::parse_medication("DOXYCYCLINE") == medication::tetracycline);
    CHECK(mgcalc::parse_medication("quinolone") == medication::quinolone);
    CHECK(mgcalc::parse_medication("ciprofloxacin") == medication::quinolone);
    CHECK(mgcalc::parse_medication("levofloxacin") == medication::quinolone);
    for (medication m : {medication::bisphosphonate, medication::tetracycline, medication::quinolone}) {
        CHECK(mgcalc::parse_medication(mgcalc::to_string(m)) == m);
    }
    CHECK(mgcalc::to_string(medication::quinolone) == "quinolone");
    try {
        (void)mgcalc::parse_medication("aspirin");
        FAIL("aspirin was accepted");
    } catch (const mgcalc::error& e) {
        CHECK(e.code() == mgcalc::errc::parse_error);
        const std::string what = e.what();
        CHECK(what.find("\"aspirin\"") != std::string::npos);
        CHECK(what.find("bisphosphonate, ") != std::string::npos);
        CHECK(what.find("quinolone") != std::string::npos);
    }
}

TEST_CASE("profile: medication_classes reads the names as written, each class once", "[profile]") {
    mgcalc::profile person = woman_born(mgcalc::date(1980, 1, 1));
    CHECK(person.medication_classes().empty());
    person.medications = {"Doxycycline", "alendronate", "tetracycline"};
    const std::vector<mgcalc::medication> expected{mgcalc::medication::tetracycline, mgcalc::medication::bisphosphonate};
    CHECK(person.medication_classes() == expected);
    CHECK(person.medications.front() == "Doxycycline");  // kept as written
    person.medications.push_back("metformin");
    const std::string message = error_message([&] { (void)person.medication_classes(); }, errc::parse_error);
    CHECK(contains(message, "\"metformin\""));
}

TEST_CASE("profile: conditions are read in any case, and others are kept but not used", "[profile]") {
    CHECK(mgcalc::parse_condition("Reduced-Kidney-Function") == mgcalc::condition::reduced_kidney_function);
    CHECK(mgcalc::to_string(mgcalc::condition::reduced_kidney_function) == "reduced-kidney-function");
    const mgcalc::result<mgcalc::condition> unknown = mgcalc::try_parse_condition("diabetes");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code() == errc::parse_error);
    CHECK(contains(std::string(unknown.error().message()), "reduced-kidney-function"));

    mgcalc::profile person = woman_born(mgcalc::date(1980, 1, 1));
    CHECK_FALSE(person.has(mgcalc::condition::reduced_kidney_function));
    person.conditions = {"diabetes"};
    CHECK_FALSE(person.has(mgcalc::condition::reduced_kidney_function));
    person.conditions.push_back("REDUCED-KIDNEY-FUNCTION");
    CHECK(person.has(mgcalc::condition::reduced_kidney_function));
}

TEST_CASE("profile: stated() is the life stage's person on that day, aging from it", "[profile]") {
    const mgcalc::life_stage stage(mgcalc::sex::female, mgcalc::age::from_years(30.5), {.pregnant = true});
    const mgcalc::profile person = mgcalc::profile::stated(stage, mgcalc::date(2026, 3, 1));
    CHECK_FALSE(person.birth_date.has_value());
    REQUIRE(person.age.has_value());
    CHECK(person.age->years == 30.5);
    CHECK(person.on(mgcalc::date(2026, 3, 1)).pregnant());
    CHECK(person.on(mgcalc::date(2026, 3, 1)).age().in_years() == Approx(30.5));
    CHECK_FALSE(person.on(mgcalc::date(2026, 3, 2)).pregnant());  // pregnant on that day only
    CHECK_FALSE(person.on(mgcalc::date(2026, 2, 28)).pregnant());
    // A year later, one mean Gregorian year older (365 days of 365.2425).
    CHECK(person.on(mgcalc::date(2027, 3, 1)).age().in_years() == Approx(30.5 + 365 / 365.2425));
}
