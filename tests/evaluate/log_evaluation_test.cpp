// Tests for mgcalc/evaluate/log_evaluation.hpp: every day of a log evaluated with the profile of that date.
//
// Logs are built in code (not through the JSON loader). Expected values are worked by hand from
// the IOM 1997 tables as docs/reference-intakes.md ships them and from USDA SR24 values named
// with each food (data/usda-sr24/foods.csv, portions.csv). A serving in ounces uses the exact
// avoirdupois ounce, 28.349523125 g (docs/model.md).
#include <mgcalc/error.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/chemistry/supplement.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace mgcalc::unit_symbols;

namespace {

using mgcalc::date;

mgcalc::log_entry entry(mgcalc::log_entry_kind kind, std::string item, std::string amount) {
    mgcalc::log_entry e;
    e.kind = kind;
    e.item = std::move(item);
    e.amount = std::move(amount);
    return e;
}
mgcalc::log_entry food(std::string item, std::string amount) {
    return entry(mgcalc::log_entry_kind::food, std::move(item), std::move(amount));
}
mgcalc::log_entry supplement(std::string item, std::string amount) {
    return entry(mgcalc::log_entry_kind::supplement, std::move(item), std::move(amount));
}
mgcalc::log_entry product(std::string item, std::string amount) {
    return entry(mgcalc::log_entry_kind::product, std::move(item), std::move(amount));
}

mgcalc::profile woman_born(mgcalc::year_month_day birth) {
    mgcalc::profile person;
    person.sex = mgcalc::sex::female;
    person.birth_date = birth;
    return person;
}

/// The code and what() of the mgcalc::error `function` throws.
template <class Function>
std::pair<mgcalc::errc, std::string> caught(Function&& function) {
    const mgcalc::error e = mgcalc_test::thrown_by(std::forward<Function>(function));
    return {e.code(), e.what()};
}

bool has_warning(const mgcalc::evaluation& e, const std::string& code) {
    return std::any_of(e.warnings.begin(), e.warnings.end(), [&](const mgcalc::warning& w) { return w.code == code; });
}

// USDA SR24 12016 pumpkin seed kernels, roasted, 550 mg/100 g: 1 oz = 28.349523125 g -> 155.9224 mg.
constexpr double pumpkin_seeds_1_oz = 550.0 * 0.28349523125;

}  // namespace

TEST_CASE("log_evaluation: the 19th birthday changes a woman's RDA from 360 to 310 mg on the day", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(2005, 3, 10));
    log.days = {{date(2024, 3, 9), {supplement("glycinate", "320 mg")}},
                {date(2024, 3, 10), {supplement("glycinate", "320 mg")}}};
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, mgcalc::food_catalog());
    REQUIRE(period.days.size() == 2);

    const mgcalc::day_result& eve = period.days[0];
    CHECK(eve.date == date(2024, 3, 9));
    // 227 completed months + 28 of the 29 days from 2024-02-10 to 2024-03-10.
    CHECK(eve.stage.age().in_months() == Approx(227.0 + 28.0 / 29.0));
    // IOM 1997: Females 14-18 y, RDA 360 mg, EAR 300 mg.
    CHECK(eve.result.reference.life_stage == "Females 14-18 y");
    CHECK(eve.result.reference.target.value() == 360.0);
    CHECK(eve.result.reference.ear->value() == 300.0);
    CHECK(eve.result.status == mgcalc::intake_status::below_target);  // 300 <= 320 < 360

    const mgcalc::day_result& birthday = period.days[1];
    CHECK(birthday.stage.age().in_months() == 228.0);
    // IOM 1997: Females 19-30 y, RDA 310 mg, EAR 255 mg. The same 320 mg now meets the RDA.
    CHECK(birthday.result.reference.life_stage == "Females 19-30 y");
    CHECK(birthday.result.reference.target.value() == 310.0);
    CHECK(birthday.result.reference.ear->value() == 255.0);
    CHECK(birthday.result.status == mgcalc::intake_status::meets_target);

    CHECK(period.summary.days == 2);
    CHECK(period.summary.days_below_target == 1);
    CHECK(period.summary.days_below_ear == 0);
}

TEST_CASE("log_evaluation: pregnancy and lactation apply by date range, both ends included", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(1995, 6, 1));  // 28 and 29 years old: the 19-30 y rows
    log.person.pregnancies = {{date(2023, 9, 1), date(2024, 5, 31)}};
    log.person.lactation = {{date(2024, 6, 2), date(2024, 12, 31)}};
    for (const mgcalc::year_month_day day : {date(2023, 8, 31), date(2023, 9, 1), date(2024, 5, 31), date(2024, 6, 1),
                                            date(2024, 6, 2)}) {
        log.days.push_back({day, {supplement("glycinate", "320 mg")}});
    }
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, mgcalc::food_catalog());
    REQUIRE(period.days.size() == 5);

    // IOM 1997: Females 19-30 y RDA 310 / EAR 255; Pregnancy 19-30 y RDA 350 / EAR 290;
    // Lactation 19-30 y RDA 310 / EAR 255.
    const auto& before = period.days[0];
    CHECK_FALSE(before.stage.pregnant());
    CHECK(before.result.reference.life_stage == "Females 19-30 y");
    CHECK(before.result.reference.target.value() == 310.0);

    const auto& first_pregnant_day = period.days[1];
    CHECK(first_pregnant_day.stage.pregnant());
    CHECK(first_pregnant_day.result.reference.life_stage == "Pregnancy 19-30 y");
    CHECK(first_pregnant_day.result.reference.target.value() == 350.0);
    CHECK(first_pregnant_day.result.reference.ear->value() == 290.0);
    CHECK(first_pregnant_day.result.status == mgcalc::intake_status::below_target);  // 290 <= 320 < 350

    const auto& last_pregnant_day = period.days[2];
    CHECK(last_pregnant_day.stage.pregnant());
    CHECK(last_pregnant_day.result.reference.target.value() == 350.0);

    const auto& day_after = period.days[3];
    CHECK_FALSE(day_after.stage.pregnant());
    CHECK_FALSE(day_after.stage.lactating());
    CHECK(day_after.result.reference.life_stage == "Females 19-30 y");
    CHECK(day_after.result.reference.target.value() == 310.0);
    CHECK(day_after.result.status == mgcalc::intake_status::meets_target);

    const auto& nursing = period.days[4];
    CHECK(nursing.stage.lactating());
    CHECK(nursing.result.reference.life_stage == "Lactation 19-30 y");
    CHECK(nursing.result.reference.target.value() == 310.0);

    CHECK(period.summary.days_below_target == 2);  // the two pregnant days
}

TEST_CASE("log_evaluation: an infant turning 1 moves from the AI of 75 mg to the RDA of 80 mg", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(2023, 1, 15));
    // USDA SR24 01107 human milk, 3 mg/100 g: 600 g -> 18 mg.
    log.days = {{date(2023, 12, 1), {food("01107", "600 g")}},
                {date(2024, 1, 14), {food("01107", "600 g"), supplement("glycinate", "70 mg")}},
                {date(2024, 1, 15), {food("01107", "600 g"), supplement("glycinate", "70 mg")}}};
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, mgcalc::food_catalog());
    REQUIRE(period.days.size() == 3);

    const auto& milk_only = period.days[0];
    CHECK(milk_only.result.food.value() == Approx(18.0));
    CHECK(milk_only.result.status == mgcalc::intake_status::below_target);

    // 2024-01-14: 11 completed months + 30 of the 31 days from 2023-12-15: Infants 6-12 months,
    // AI 75 mg, no EAR and no UL established (IOM 1997 pp. 209-210, 242-244).
    const auto& last_infant_day = period.days[1];
    CHECK(last_infant_day.stage.age().in_months() == Approx(11.0 + 30.0 / 31.0));
    CHECK(last_infant_day.result.reference.life_stage == "Infants 6-12 months");
    CHECK(last_infant_day.result.reference.target_kind == mgcalc::target_kind::ai);
    CHECK(last_infant_day.result.reference.target.value() == 75.0);
    CHECK_FALSE(last_infant_day.result.reference.ul_supplemental.has_value());
    CHECK(last_infant_day.result.total.value() == Approx(88.0));  // 18 + 70
    CHECK(last_infant_day.result.status == mgcalc::intake_status::meets_target);
    CHECK_FALSE(last_infant_day.result.over_ul);  // no UL to be over ...
    CHECK(has_warning(last_infant_day.result, "supplement-for-infant"));  // ... but flagged

    // 2024-01-15, the first birthday: Children 1-3 y, RDA 80 mg, EAR 65 mg, UL 65 mg.
    const auto& first_birthday = period.days[2];
    CHECK(first_birthday.stage.age().in_months() == 12.0);
    CHECK(first_birthday.result.reference.life_stage == "Children 1-3 y");
    CHECK(first_birthday.result.reference.target_kind == mgcalc::target_kind::rda);
    CHECK(first_birthday.result.reference.target.value() == 80.0);
    CHECK(first_birthday.result.status == mgcalc::intake_status::meets_target);
    CHECK(first_birthday.result.over_ul);  // 70 mg supplemental > 65 mg

    const mgcalc::period_summary& s = period.summary;
    CHECK(s.days_below_target == 1);  // below the AI counts as below the target ...
    CHECK(s.days_below_ear == 0);     // ... but an infant has no EAR to be below
    CHECK(s.days_over_ul == 1);
}

TEST_CASE("log_evaluation: a stated age is moved to each day's date", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person.sex = mgcalc::sex::female;
    log.person.age = mgcalc::stated_age{18.9, date(2024, 1, 1)};
    log.days = {{date(2024, 1, 1), {supplement("glycinate", "320 mg")}},
                {date(2024, 3, 1), {supplement("glycinate", "320 mg")}}};  // 60 days later: about 19.06 y
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, mgcalc::food_catalog());
    REQUIRE(period.days.size() == 2);
    CHECK(period.days[0].stage.age().in_years() == Approx(18.9).margin(1e-6));
    CHECK(period.days[0].result.reference.life_stage == "Females 14-18 y");
    CHECK(period.days[0].result.reference.target.value() == 360.0);
    CHECK(period.days[1].stage.age().in_years() == Approx(18.9 + 60.0 / 365.25).margin(0.01));
    CHECK(period.days[1].result.reference.life_stage == "Females 19-30 y");
    CHECK(period.days[1].result.reference.target.value() == 310.0);
}

TEST_CASE("log_evaluation: the summary averages over logged days in the period", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(1984, 1, 1));  // 40 years: Females 31-50 y, RDA 320, EAR 265, UL 350
    log.days = {
        {date(2024, 1, 31), {food("12016", "1 oz")}},  // before the period
        // A: food 155.9224 mg + 200 mg = 355.9224 mg, meets the RDA.
        {date(2024, 2, 1), {food("12016", "1 oz"), supplement("glycinate", "200 mg")}},
        // B: USDA SR24 16015 black beans, boiled, 70 mg/100 g, 1 cup = 172 g -> 120.4 mg, below the EAR.
        {date(2024, 2, 2), {food("16015", "1 cup")}},
        // C: 400 mg supplemental, over the UL; 16223 soymilk, enhanced, has no magnesium value.
        {date(2024, 2, 3), {supplement("glycinate", "400 mg"), food("16223", "1 cup")}},
        // (2024-02-04 not logged: not a day of zero intake)
        // D: USDA SR24 20137 quinoa, cooked, 64 mg/100 g, 1 cup = 185 g -> 118.4 mg, + 150 mg = 268.4 mg:
        // at or above the EAR (265), below the RDA (320).
        {date(2024, 2, 5), {food("20137", "1 cup"), supplement("glycinate", "150 mg")}},
        {date(2024, 2, 10), {supplement("glycinate", "100 mg")}},  // after the period
    };
    const mgcalc::period_evaluation period =
        mgcalc::evaluate_log(log, mgcalc::food_catalog(), date(2024, 2, 1), date(2024, 2, 5));
    REQUIRE(period.days.size() == 4);
    CHECK(period.days.front().date == date(2024, 2, 1));
    CHECK(period.days.back().date == date(2024, 2, 5));
    CHECK(period.days[0].result.total.value() == Approx(pumpkin_seeds_1_oz + 200.0));
    CHECK(period.days[1].result.status == mgcalc::intake_status::below_ear);
    CHECK(period.days[2].result.unknown_entries == 1);
    CHECK(period.days[3].result.status == mgcalc::intake_status::below_target);

    const mgcalc::period_summary& s = period.summary;
    CHECK(s.from == date(2024, 2, 1));
    CHECK(s.to == date(2024, 2, 5));
    CHECK(s.days == 4);
    // Food: (155.9224 + 120.4 + 0 + 118.4) / 4 = 98.6806 mg; supplements (200 + 0 + 400 + 150) / 4 = 187.5 mg.
    CHECK(s.mean_food.value() == Approx((pumpkin_seeds_1_oz + 120.4 + 118.4) / 4.0));
    CHECK(s.mean_supplement.value() == Approx(187.5));
    CHECK(s.mean_total.value() == Approx((pumpkin_seeds_1_oz + 120.4 + 118.4) / 4.0 + 187.5));
    CHECK(s.days_below_ear == 1);             // B
    CHECK(s.days_below_target == 2);          // B and D
    CHECK(s.days_over_ul == 1);      // C
    CHECK(s.days_with_unknown_entries == 1);  // C

    SECTION("without bounds the period is the log's first to last day") {
        const mgcalc::period_evaluation all = mgcalc::evaluate_log(log, mgcalc::food_catalog());
        CHECK(all.summary.from == date(2024, 1, 31));
        CHECK(all.summary.to == date(2024, 2, 10));
        CHECK(all.summary.days == 6);
        CHECK(all.summary.mean_supplement.value() == Approx((200.0 + 400.0 + 150.0 + 100.0) / 6.0));
    }
    SECTION("one bound: the other is the log's first or last day") {
        const mgcalc::period_evaluation tail = mgcalc::evaluate_log(log, mgcalc::food_catalog(), date(2024, 2, 5));
        CHECK(tail.summary.from == date(2024, 2, 5));
        CHECK(tail.summary.to == date(2024, 2, 10));
        CHECK(tail.summary.days == 2);
    }
    SECTION("a period without logged days has zero days and zero means") {
        const mgcalc::period_evaluation none =
            mgcalc::evaluate_log(log, mgcalc::food_catalog(), date(2024, 2, 6), date(2024, 2, 9));
        CHECK(none.days.empty());
        CHECK(none.summary.days == 0);
        CHECK(none.summary.mean_total.value() == 0.0);
        CHECK(none.summary.days_below_target == 0);
    }
    SECTION("a period that ends before it starts is an error") {
        const auto [code, what] =
            caught([&] { mgcalc::evaluate_log(log, mgcalc::food_catalog(), date(2024, 2, 5), date(2024, 2, 1)); });
        CHECK(code == mgcalc::errc::invalid_date);
        CHECK(what.find("2024-02-01") != std::string::npos);
    }
}

TEST_CASE("log_evaluation: days are reported in date order, a date logged twice is an error", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(1984, 1, 1));
    log.days = {{date(2024, 2, 3), {supplement("glycinate", "100 mg")}},
                {date(2024, 2, 1), {supplement("glycinate", "300 mg")}}};
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, mgcalc::food_catalog());
    REQUIRE(period.days.size() == 2);
    CHECK(period.days[0].date == date(2024, 2, 1));
    CHECK(period.days[0].result.supplement.value() == 300.0);
    CHECK(period.days[1].date == date(2024, 2, 3));

    log.days.push_back({date(2024, 2, 1), {}});
    const auto [code, what] = caught([&] { mgcalc::evaluate_log(log, mgcalc::food_catalog()); });
    CHECK(code == mgcalc::errc::invalid_date);
    CHECK(what.find("2024-02-01") != std::string::npos);
}

TEST_CASE("log_evaluation: resolve_day resolves ids, search words and supplements, echoing the input",
          "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(1984, 1, 1));
    const mgcalc::log_day day{date(2024, 2, 1),
                              {food("12016", "1 oz"), food("usda-sr24:16015", "1 cup"), food("almonds", "1 oz"),
                               supplement("glycinate", "200 mg"), supplement("oxide", "500 mg compound")}};
    const mgcalc::day_intake intake = mgcalc::resolve_day(log, day, mgcalc::food_catalog());
    REQUIRE(intake.foods().size() == 3);
    REQUIRE(intake.supplements().size() == 2);
    CHECK(intake.foods()[0].food.id == "12016");
    CHECK(intake.foods()[0].amount.value() == Approx(28.349523125));
    CHECK(intake.foods()[0].input == "12016=1 oz");
    CHECK(intake.foods()[1].food.id == "16015");
    CHECK(intake.foods()[1].amount.value() == Approx(172.0));  // USDA SR24 16015: 1 cup = 172 g
    // Words: the top search hit, as `mgcalc report --food` does.
    CHECK(intake.foods()[2].food.description.find("lmonds") != std::string::npos);
    CHECK(intake.supplements()[0].dose.elemental().value() == Approx(200.0));
    CHECK(intake.supplements()[0].input == "glycinate=200 mg");
    CHECK(intake.supplements()[1].dose.basis() == mgcalc::dose_basis::compound);
    CHECK(intake.supplements()[1].dose.compound_mass().value() == Approx(500.0));
}

TEST_CASE("log_evaluation: an entry's error carries its day and entry number as fields", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(1984, 1, 1));
    const mgcalc::log_day day{date(2024, 2, 1), {food("12016", "1 oz"), food("12016", "1 bucket")}};
    try {
        (void)mgcalc::resolve_day(log, day, mgcalc::food_catalog());
        FAIL("expected an error");
    } catch (const mgcalc::error& e) {
        CHECK(e.code() == mgcalc::errc::unknown_measure);
        CHECK(e.where().day == "2024-02-01");
        CHECK(e.where().entry == 2);
        CHECK(e.message().find("bucket") != std::string_view::npos);
        CHECK(e.message().find("day 2024-02-01") == std::string_view::npos);  // the place is not in the message
    }
}

TEST_CASE("log_evaluation: resolve_day errors name the day and the entry and keep the code", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(1984, 1, 1));
    auto error_of = [&](mgcalc::log_entry entry) {
        const mgcalc::log_day day{date(2024, 2, 1), {food("12016", "1 oz"), std::move(entry)}};
        return caught([&] { mgcalc::resolve_day(log, day, mgcalc::food_catalog()); });
    };
    {
        const auto [code, what] = error_of(food("qqqzzzxx", "1 g"));
        CHECK(code == mgcalc::errc::unknown_food);
        CHECK(what.starts_with("[mgcalc.unknown_food] day 2024-02-01, entry 2: "));
        CHECK(what.find("qqqzzzxx") != std::string::npos);
    }
    {
        const auto [code, what] = error_of(food("12016", "1 bucket"));
        CHECK(code == mgcalc::errc::unknown_measure);
        CHECK(what.starts_with("[mgcalc.unknown_measure] day 2024-02-01, entry 2: "));
    }
    {
        const auto [code, what] = error_of(food("12016", "some"));  // not an amount
        CHECK(code == mgcalc::errc::parse_error);
        CHECK(what.find("day 2024-02-01, entry 2: ") != std::string::npos);
    }
    {
        // A count without a measure counts the food itself, and roasted pumpkin seeds have no
        // portion that is one seed.
        const auto [code, what] = error_of(food("12016", "1"));
        CHECK(code == mgcalc::errc::unknown_measure);
        CHECK(what.find("day 2024-02-01, entry 2: a count of ") != std::string::npos);
    }
    {
        const auto [code, what] = error_of(supplement("unobtainium", "200 mg"));
        CHECK(code == mgcalc::errc::unknown_compound);
        CHECK(what.find("day 2024-02-01, entry 2: ") != std::string::npos);
    }
    {
        const auto [code, what] = error_of(supplement("glycinate", "-5 mg"));
        CHECK(code == mgcalc::errc::invalid_amount);
        CHECK(what.find("day 2024-02-01, entry 2: ") != std::string::npos);
    }
    SECTION("evaluate_log passes the same error on") {
        log.days = {{date(2024, 1, 31), {}}, {date(2024, 2, 1), {supplement("glycinate", "10 mg"), food("qqqzzzxx", "1 g")}}};
        const auto [code, what] = caught([&] { mgcalc::evaluate_log(log, mgcalc::food_catalog()); });
        CHECK(code == mgcalc::errc::unknown_food);
        CHECK(what.starts_with("[mgcalc.unknown_food] day 2024-02-01, entry 2: "));
    }
}

TEST_CASE("log_evaluation: a profile that does not hold on a date is an error naming the date", "[log_evaluation]") {
    SECTION("a day before the birth date") {
        mgcalc::intake_log log;
        log.person = woman_born(date(2024, 5, 1));
        log.days = {{date(2024, 4, 30), {}}, {date(2024, 5, 1), {}}};
        const auto [code, what] = caught([&] { mgcalc::evaluate_log(log, mgcalc::food_catalog()); });
        CHECK(code == mgcalc::errc::invalid_date);
        CHECK(what.starts_with("[mgcalc.invalid_date] day 2024-04-30: "));
        // The period can start on the birth date instead.
        CHECK(mgcalc::evaluate_log(log, mgcalc::food_catalog(), date(2024, 5, 1)).summary.days == 1);
    }
    SECTION("a pregnancy range over a day on which the person was 5") {
        mgcalc::intake_log log;
        log.person = woman_born(date(2019, 1, 1));
        log.person.pregnancies = {{date(2024, 3, 1), date(2024, 3, 31)}};
        log.days = {{date(2024, 2, 29), {}}, {date(2024, 3, 2), {}}};
        const auto [code, what] = caught([&] { mgcalc::evaluate_log(log, mgcalc::food_catalog()); });
        CHECK(code == mgcalc::errc::invalid_life_stage);
        CHECK(what.starts_with("[mgcalc.invalid_life_stage] day 2024-03-02: "));
    }
    SECTION("a pregnant male") {
        mgcalc::intake_log log;
        log.person = woman_born(date(1990, 1, 1));
        log.person.sex = mgcalc::sex::male;
        log.person.pregnancies = {{date(2024, 3, 1), date(2024, 3, 31)}};
        log.days = {{date(2024, 3, 15), {}}};
        const auto [code, what] = caught([&] { mgcalc::evaluate_log(log, mgcalc::food_catalog()); });
        CHECK(code == mgcalc::errc::invalid_life_stage);
        CHECK(what.find("day 2024-03-15: ") != std::string::npos);
    }
}

TEST_CASE("log_evaluation: product entries count units of the label's elemental amount", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(1984, 1, 1));  // Females 31-50 y: UL 350 mg
    log.products = {{"night-caps", "Night capsules", "glycinate", 120.0 * mg, "capsule"},
                    {"calm-powder", "Calm powder", "citrate", 150.0 * mg, "scoop"}};
    const mgcalc::log_day day{date(2024, 2, 1),
                              {product("night-caps", "3"), product("night-caps", "2 capsules"),
                               product("calm-powder", "1 scoop"), product("night-caps", "1 Capsule")}};
    const mgcalc::day_intake intake = mgcalc::resolve_day(log, day, mgcalc::food_catalog());
    REQUIRE(intake.supplements().size() == 4);
    CHECK(intake.supplements()[0].dose.elemental().value() == Approx(360.0));  // 3 x 120
    CHECK(intake.supplements()[0].dose.basis() == mgcalc::dose_basis::elemental);
    CHECK(intake.supplements()[0].dose.form().id == "glycinate");
    CHECK(intake.supplements()[0].input == "night-caps=3");
    CHECK(intake.supplements()[1].dose.elemental().value() == Approx(240.0));  // 2 x 120
    CHECK(intake.supplements()[2].dose.elemental().value() == Approx(150.0));
    CHECK(intake.supplements()[2].dose.form().id == "citrate");
    CHECK(intake.supplements()[3].dose.elemental().value() == Approx(120.0));

    SECTION("they count toward the supplemental UL") {
        log.days = {{date(2024, 2, 1), {product("night-caps", "3")}}};  // 360 mg > 350 mg
        const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, mgcalc::food_catalog());
        CHECK(period.days.at(0).result.supplement.value() == Approx(360.0));
        CHECK(period.days.at(0).result.over_ul);
    }
    SECTION("bad product entries") {
        auto error_of = [&](mgcalc::log_entry entry) {
            const mgcalc::log_day bad{date(2024, 2, 1), {std::move(entry)}};
            return caught([&] { mgcalc::resolve_day(log, bad, mgcalc::food_catalog()); });
        };
        const auto [unknown, unknown_what] = error_of(product("morning-caps", "1"));
        CHECK(unknown == mgcalc::errc::parse_error);
        CHECK(unknown_what.find("day 2024-02-01, entry 1: ") != std::string::npos);
        CHECK(unknown_what.find("night-caps") != std::string::npos);  // lists the products there are
        CHECK(error_of(product("night-caps", "3 tablets")).first == mgcalc::errc::parse_error);
        CHECK(error_of(product("night-caps", "three")).first == mgcalc::errc::parse_error);
        CHECK(error_of(product("night-caps", "")).first == mgcalc::errc::parse_error);
        CHECK(error_of(product("night-caps", "-1")).first == mgcalc::errc::invalid_amount);
        CHECK(error_of(product("night-caps", "100")).first == mgcalc::errc::invalid_amount);  // 12 g elemental
    }
}

TEST_CASE("log_evaluation: the log's custom foods are a database with source \"log\"", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person = woman_born(date(1984, 1, 1));
    log.custom_foods = {mgcalc::food{"seed-bar", "Homemade seed bar", 200.0 * mg, {{1.0, "bar", 50.0 * g}}}};
    const auto database = mgcalc::custom_food_database(log);
    CHECK(database->source() == "log");
    REQUIRE(database->size() == 1);
    CHECK(database->id(0) == "seed-bar");

    mgcalc::food_catalog catalog;
    catalog.add(database);
    const mgcalc::log_day day{date(2024, 2, 1), {food("seed-bar", "1 bar"), food("log:seed-bar", "100 g")}};
    const mgcalc::day_intake intake = mgcalc::resolve_day(log, day, catalog);
    REQUIRE(intake.foods().size() == 2);
    CHECK(intake.foods()[0].food.source == "log");
    CHECK(intake.foods()[0].amount.value() == Approx(50.0));
    CHECK(intake.foods()[1].amount.value() == Approx(100.0));

    log.days = {day};
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, catalog);
    CHECK(period.days.at(0).result.food.value() == Approx(100.0 + 200.0));  // 200 mg/100 g x (50 g + 100 g)
}

TEST_CASE("log_evaluation: a supplement's logged time reaches the day's intake", "[log_evaluation]") {
    mgcalc::intake_log log;
    log.person.sex = mgcalc::sex::female;
    log.person.age = mgcalc::stated_age{34.0, mgcalc::date(2026, 11, 1)};
    mgcalc::log_entry dose;
    dose.kind = mgcalc::log_entry_kind::supplement;
    dose.item = "glycinate";
    dose.amount = "200 mg";
    dose.time = mgcalc::time_of_day{21, 45};
    mgcalc::log_entry untimed = dose;
    untimed.time.reset();
    log.days.push_back({mgcalc::date(2026, 11, 20), {dose, untimed}});
    const mgcalc::day_intake day = mgcalc::resolve_day(log, log.days.front(), mgcalc::food_catalog::empty());
    REQUIRE(day.supplements().size() == 2);
    REQUIRE(day.supplements()[0].taken_at.has_value());
    CHECK(*day.supplements()[0].taken_at == mgcalc::time_of_day{21, 45});  // the sleep assessment needs it
    CHECK_FALSE(day.supplements()[1].taken_at.has_value());
}
