// Tests for mgcalc/io/period_csv.hpp: one CSV row per evaluated day.
//
// Expected values from the IOM 1997 tables (docs/reference-intakes.md) and USDA SR24 12016
// pumpkin seed kernels, roasted, 550 mg/100 g (data/usda-sr24/foods.csv).
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/io/period_csv.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

constexpr auto food = mgcalc::log_entry_kind::food;
constexpr auto supplement = mgcalc::log_entry_kind::supplement;

TEST_CASE("period_csv: the header, then a row per day in date order", "[period_csv]") {
    mgcalc::intake_log log;
    log.person.sex = mgcalc::sex::female;
    log.person.birth_date = mgcalc::date(1990, 4, 12);
    log.days = {{mgcalc::date(2026, 11, 9), {mgcalc::read_log_entry(food, "12016=1 oz"),
                                             mgcalc::read_log_entry(supplement, "glycinate=400 mg")}},
                {mgcalc::date(2026, 11, 10), {mgcalc::read_log_entry(food, "12016=10 g")}}};
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, mgcalc::food_catalog());
    const std::string csv = mgcalc::to_period_csv(period);
    // 1 oz = 28.349523125 g x 5.5 mg/g = 155.9 mg, 10 g = 55 mg; 555.9 / 320 = 173.7 %. The woman
    // is 36: RDA 320, EAR 265, supplemental UL 350 (400 mg is over it).
    CHECK(csv == std::string(mgcalc::period_csv_header) + "\n" +
                     "2026-11-09,\"Females 31-50 y\",RDA,320,265,350,155.9,400,555.9,false,173.7,meets-rda,true,0\n"
                     "2026-11-10,\"Females 31-50 y\",RDA,320,265,350,55,0,55,false,17.2,below-ear,false,0\n");
}

TEST_CASE("period_csv: references not established are empty fields", "[period_csv]") {
    mgcalc::intake_log log;
    log.person = mgcalc::profile::stated(
        mgcalc::life_stage(mgcalc::sex::male, mgcalc::age::from_months(9)), mgcalc::date(2024, 3, 10));
    log.days = {{mgcalc::date(2024, 3, 10), {}}};
    const std::string csv = mgcalc::to_period_csv(mgcalc::evaluate_log(log, mgcalc::food_catalog()));
    CHECK(csv.substr(csv.find('\n') + 1) == "2024-03-10,\"Infants 6-12 months\",AI,75,,,0,0,0,false,0,below-ai,false,0\n");
}

TEST_CASE("period_csv: an empty period is the header alone", "[period_csv]") {
    CHECK(mgcalc::to_period_csv(mgcalc::period_evaluation{}) == std::string(mgcalc::period_csv_header) + "\n");
}
