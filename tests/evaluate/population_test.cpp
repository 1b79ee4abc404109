// Tests for mgcalc/evaluate/population.hpp: a survey's summary of a batch of person-days.
//
// Batches are built by hand (batch_result is a plain struct) with a made-up reference table, so
// that every expected number can be worked out on paper from the lines above it. The statistics'
// definitions are docs/population.md's; tests/population/ checks the same code against R's survey
// package on a larger random survey.
#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/population.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using mgcalc::milligrams;
using mgcalc::person_day;
using mgcalc::population_grouping;
using mgcalc::population_options;
using mgcalc::population_unit;

milligrams mg(double value) { return milligrams::from_value(value); }

// A made-up table: adults with an EAR and a supplemental UL, infants with neither (as IOM 1997
// sets none for them), and the test's own authority name so that no number looks like a real one.
mgcalc::reference_intakes reference(std::string_view life_stage, double target, std::optional<double> ear,
                                    std::optional<double> ul_supplemental) {
    mgcalc::reference_intakes r;
    r.authority = "Test table";
    r.life_stage = life_stage;
    r.target = mg(target);
    r.target_kind = ear ? mgcalc::target_kind::rda : mgcalc::target_kind::ai;
    if (ear) r.ear = mg(*ear);
    if (ul_supplemental) r.ul_supplemental = mg(*ul_supplemental);
    return r;
}
mgcalc::reference_intakes adults() { return reference("Adults", 300, 250, 350); }
mgcalc::reference_intakes infants() { return reference("Infants", 75, std::nullopt, std::nullopt); }
constexpr std::uint16_t adult = 0;
constexpr std::uint16_t infant = 1;
constexpr std::uint16_t none = person_day::no_reference;

struct day_values {
    std::uint32_t person;
    int day;  // days since 1970-01-01
    double food;
    double supplement = 0;
    std::uint16_t reference = adult;
    std::uint32_t doses = supplement > 0 ? 1 : 0;
    std::uint32_t unknown_entries = 0;
};

mgcalc::batch_result batch_of(std::vector<day_values> days) {
    mgcalc::batch_result batch;
    batch.references = {adults(), infants()};
    for (const day_values& d : days) {
        batch.days.push_back({.person = d.person,
                              .day = mgcalc::to_batch_day(std::chrono::sys_days{std::chrono::days{d.day}}),
                              .food = mg(d.food),
                              .unknown_entries = d.unknown_entries,
                              .supplement_doses = d.doses,
                              .supplement = mg(d.supplement),
                              .total = mg(d.food + d.supplement),
                              .percent_of_target = std::numeric_limits<double>::quiet_NaN(),
                              .day_index = 1,
                              .reference = d.reference,
                              .below_ear = false,
                              .over_ul = false});
        if (d.reference == none) ++batch.days_not_covered;
    }
    return batch;
}

std::vector<double> percentiles(const mgcalc::population_statistics& s) {
    std::vector<double> values;
    for (const mgcalc::intake_percentile& p : s.total_percentiles) values.push_back(p.total.value());
    return values;
}

}  // namespace

TEST_CASE("population: unweighted person-days give plain means and the lower-end percentiles", "[population]") {
    const auto batch = batch_of({{0, 1, 60, 40}, {0, 2, 200}, {1, 1, 300}, {2, 1, 380, 20}});
    const mgcalc::population_summary summary = mgcalc::summarize_population(batch);
    const mgcalc::population_statistics& s = summary.overall;
    CHECK(summary.unit == population_unit::person_days);
    CHECK(summary.replicates == 0);
    CHECK(summary.groups.empty());
    CHECK(s.units == 4);
    CHECK(s.weight == 4);
    // (60 + 200 + 300 + 380) / 4, (40 + 20) / 4, (100 + 200 + 300 + 400) / 4
    CHECK(s.mean_food.estimate.value() == Approx(235));
    CHECK(s.mean_supplement.estimate.value() == Approx(15));
    CHECK(s.mean_total.estimate.value() == Approx(250));
    CHECK_FALSE(s.mean_total.standard_error);
    // Four equal weights: F(100) = 0.25, F(200) = 0.5, F(300) = 0.75, F(400) = 1. The smallest
    // total with F >= p: the 25th percentile is 100 itself (F = 0.25 exactly) and the median 200,
    // where an interpolating rule would give 175 and 250.
    CHECK(percentiles(s) == std::vector<double>{100, 100, 100, 200, 300, 400, 400});
    CHECK(s.total_percentiles[0].percent == 5);
    CHECK(s.total_percentiles[6].percent == 95);
}

TEST_CASE("population: sampling weights weigh each person's days", "[population]") {
    const auto batch = batch_of({{0, 1, 100}, {1, 1, 200}});
    population_options options;
    options.weights.sampling = {1, 3};
    const mgcalc::population_statistics s = mgcalc::summarize_population(batch, options).overall;
    CHECK(s.weight == 4);
    CHECK(s.mean_total.estimate.value() == Approx((100 * 1 + 200 * 3) / 4.0));  // 175
    // F(100) = 1/4: the 5th to 25th percentiles are 100, the rest 200.
    CHECK(percentiles(s) == std::vector<double>{100, 100, 100, 200, 200, 200, 200});
}

TEST_CASE("population: a heavy smallest unit is its own low percentiles", "[population]") {
    // Weights 3 and 1: F(100) = 0.75 covers every percentile up to the 75th. survey 4.1's
    // qrule = "math" returns the second-smallest value (200) wherever p is below the smallest
    // unit's share (docs/population.md, "Percentiles"); mgcalc keeps the definition.
    const auto batch = batch_of({{0, 1, 100}, {1, 1, 200}});
    population_options options;
    options.weights.sampling = {3, 1};
    const mgcalc::population_statistics s = mgcalc::summarize_population(batch, options).overall;
    CHECK(percentiles(s) == std::vector<double>{100, 100, 100, 100, 100, 200, 200});
}

TEST_CASE("population: units of weight 0 count but never weigh", "[population]") {
    const auto batch = batch_of({{0, 1, 50}, {1, 1, 100}, {2, 1, 200}});
    population_options options;
    options.weights.sampling = {0, 1, 1};
    const mgcalc::population_statistics s = mgcalc::summarize_population(batch, options).overall;
    CHECK(s.units == 3);
    CHECK(s.mean_total.estimate.value() == Approx(150));
    // The 50 mg day weighs nothing: it is no percentile.
    CHECK(percentiles(s) == std::vector<double>{100, 100, 100, 100, 200, 200, 200});
}

TEST_CASE("population: per person, each person's mean over their days", "[population]") {
    // Person 0: 100 and 300 mg, mean 200; person 1: 400 mg on one day.
    const auto batch = batch_of({{0, 1, 100}, {0, 2, 300}, {1, 1, 400}});
    population_options options;
    options.unit = population_unit::people;
    const mgcalc::population_statistics people = mgcalc::summarize_population(batch, options).overall;
    CHECK(people.units == 2);
    CHECK(people.mean_total.estimate.value() == Approx(300));  // (200 + 400) / 2
    CHECK(percentiles(people) == std::vector<double>{200, 200, 200, 200, 400, 400, 400});
    const mgcalc::population_statistics days = mgcalc::summarize_population(batch).overall;
    CHECK(days.units == 3);
    CHECK(days.mean_total.estimate.value() == Approx(800.0 / 3));
}

TEST_CASE("population: per person, the life stage is the earliest day's", "[population]") {
    // Person 0 was an infant on day 1 and an adult on day 9 (listed first); their mean is 150 mg.
    const auto batch = batch_of({{0, 9, 200, 0, adult}, {0, 1, 100, 0, infant}, {1, 1, 100, 0, adult}});
    population_options options;
    options.unit = population_unit::people;
    options.group_by = population_grouping::life_stage;
    const mgcalc::population_summary summary = mgcalc::summarize_population(batch, options);
    REQUIRE(summary.groups.size() == 2);
    CHECK(summary.groups[0].label == "Test table / Infants");
    CHECK(summary.groups[0].statistics.units == 1);
    CHECK(summary.groups[0].statistics.mean_total.estimate.value() == Approx(150));
    CHECK(summary.groups[1].label == "Test table / Adults");
    // So person 0 is compared with no EAR, though their adult day had one.
    CHECK(summary.overall.units_without_ear == 1);
    REQUIRE(summary.overall.below_ear);
    CHECK(summary.overall.below_ear->estimate == 1.0);  // person 1 alone, 100 < 250
}

TEST_CASE("population: the EAR cut-point share counts only units with an EAR", "[population]") {
    const auto batch = batch_of({
        {0, 1, 200},               // below the EAR of 250
        {1, 1, 250},               // at the EAR: not below
        {2, 1, 300},               // above
        {3, 1, 10, 0, infant},     // no EAR: left out
        {4, 1, 10, 0, none},       // no reference: left out
    });
    population_options options;
    options.weights.sampling = {1, 2, 5, 100, 100};
    const mgcalc::population_statistics s = mgcalc::summarize_population(batch, options).overall;
    CHECK(s.units_without_ear == 1);
    CHECK(s.units_without_reference == 1);
    REQUIRE(s.below_ear);
    CHECK(s.below_ear->estimate == Approx(1.0 / 8));  // weight 1 of 1 + 2 + 5
    CHECK_FALSE(s.below_ear->standard_error);
    // The mean still includes everyone.
    CHECK(s.mean_total.estimate.value() == Approx((200 + 500 + 1500 + 1000 + 1000) / 208.0));
}

TEST_CASE("population: a group without any EAR has no cut-point share", "[population]") {
    const auto batch = batch_of({{0, 1, 10, 0, infant}, {1, 1, 20, 0, none}});
    const mgcalc::population_statistics s = mgcalc::summarize_population(batch).overall;
    CHECK_FALSE(s.below_ear);
    CHECK(s.units_without_ear == 1);
    CHECK(s.units_without_reference == 1);
}

TEST_CASE("population: the UL share is of supplement users' supplemental magnesium only", "[population]") {
    const auto batch = batch_of({
        {0, 1, 100, 400},                      // over the UL of 350
        {1, 1, 100, 350},                      // at the UL: not over
        {2, 1, 900, 100},                      // 1000 mg in all, but food never counts toward the UL
        {3, 1, 500},                           // no supplement: not a user
        {4, 1, 500, 0, adult, 2},              // two doses with no magnesium: not a user
        {5, 1, 10, 400, infant},               // a user with no UL (infant)
        {6, 1, 10, 400, none},                 // a user with no reference
    });
    const mgcalc::population_statistics s = mgcalc::summarize_population(batch).overall;
    CHECK(s.supplement_users == 5);
    CHECK(s.supplement_users_without_ul == 2);
    REQUIRE(s.users_over_ul);
    CHECK(s.users_over_ul->estimate == Approx(1.0 / 3));
}

TEST_CASE("population: no supplement users, no UL share", "[population]") {
    const mgcalc::population_statistics s = mgcalc::summarize_population(batch_of({{0, 1, 100}})).overall;
    CHECK(s.supplement_users == 0);
    CHECK_FALSE(s.users_over_ul);
}

TEST_CASE("population: days with unknown food are counted", "[population]") {
    const auto batch = batch_of({{0, 1, 100, 0, adult, 0, 2}, {0, 2, 100}, {1, 1, 100}});
    CHECK(mgcalc::summarize_population(batch).overall.units_with_unknown_food == 1);
    population_options options;
    options.unit = population_unit::people;
    CHECK(mgcalc::summarize_population(batch, options).overall.units_with_unknown_food == 1);
}

TEST_CASE("population: by life stage, in the order groups first appear", "[population]") {
    const auto batch = batch_of({{0, 1, 10, 0, none}, {1, 1, 100, 0, adult}, {2, 1, 200, 0, infant},
                                 {3, 1, 300, 0, adult}});
    population_options options;
    options.group_by = population_grouping::life_stage;
    const mgcalc::population_summary summary = mgcalc::summarize_population(batch, options);
    CHECK(summary.grouped_by == population_grouping::life_stage);
    REQUIRE(summary.groups.size() == 3);
    CHECK(summary.groups[0].label == "no reference");
    CHECK(summary.groups[1].label == "Test table / Adults");
    CHECK(summary.groups[2].label == "Test table / Infants");
    const mgcalc::population_statistics& adults_group = summary.groups[1].statistics;
    CHECK(adults_group.units == 2);
    CHECK(adults_group.mean_total.estimate.value() == Approx(200));
    REQUIRE(adults_group.below_ear);
    CHECK(adults_group.below_ear->estimate == Approx(0.5));
    CHECK(summary.overall.units == 4);
}

TEST_CASE("population: reference rows with the same table and label are one group", "[population]") {
    auto batch = batch_of({{0, 1, 100, 0, adult}, {1, 1, 300, 0, 2}});
    batch.references.push_back(adults());
    batch.references.back().note = "another row of the same label";
    population_options options;
    options.group_by = population_grouping::life_stage;
    const mgcalc::population_summary summary = mgcalc::summarize_population(batch, options);
    REQUIRE(summary.groups.size() == 1);
    CHECK(summary.groups[0].statistics.units == 2);
}

TEST_CASE("population: one label for rows of different values gets each row's target", "[population]") {
    // EFSA 2015 labels both its men's (AI 350 mg) and women's (AI 300 mg) adult rows ">= 18 years".
    auto batch = batch_of({{0, 1, 100, 0, 2}, {1, 1, 300, 0, 3}, {2, 1, 200, 0, 2}});
    batch.references.push_back(reference(">= 18 years", 350, std::nullopt, 250));
    batch.references.push_back(reference(">= 18 years", 300, std::nullopt, 250));
    population_options options;
    options.group_by = population_grouping::life_stage;
    const mgcalc::population_summary summary = mgcalc::summarize_population(batch, options);
    REQUIRE(summary.groups.size() == 2);
    CHECK(summary.groups[0].label == "Test table / >= 18 years (AI 350 mg)");
    CHECK(summary.groups[0].statistics.units == 2);
    CHECK(summary.groups[1].label == "Test table / >= 18 years (AI 300 mg)");
}

TEST_CASE("population: a reference index outside the batch's references is an error", "[population]") {
    const auto batch = batch_of({{0, 1, 100}, {3, 1, 100, 0, 7}});
    CHECK(mgcalc_test::contains(
        mgcalc_test::error_message([&] { mgcalc::summarize_population(batch); }, mgcalc::errc::parse_error),
        "person-day 1 (person 3) uses reference row 7, but the batch has 2 reference rows"));
}

TEST_CASE("population: by a label per person, such as sex", "[population]") {
    const auto batch = batch_of({{0, 1, 100}, {1, 1, 200}, {1, 2, 400}, {2, 1, 600}});
    std::vector<mgcalc::batch_person> people(3);
    people[1].profile.sex = mgcalc::sex::male;
    population_options options;
    options.group_by = population_grouping::person_label;
    options.person_labels = mgcalc::sex_labels(people);
    CHECK(options.person_labels == std::vector<std::string>{"female", "male", "female"});
    const mgcalc::population_summary summary = mgcalc::summarize_population(batch, options);
    REQUIRE(summary.groups.size() == 2);
    CHECK(summary.groups[0].label == "female");
    CHECK(summary.groups[0].statistics.units == 2);
    CHECK(summary.groups[0].statistics.mean_total.estimate.value() == Approx(350));
    CHECK(summary.groups[1].label == "male");
    CHECK(summary.groups[1].statistics.mean_total.estimate.value() == Approx(300));
}

TEST_CASE("population: replicate standard errors are centred on the full-sample estimate", "[population]") {
    // Two people, 100 and 300 mg, each of weight 1: the mean is 200, and the share below the EAR
    // of 250 is 1/2. Replicate 1 weighs them 1 and 3: mean (100 + 900) / 4 = 250, share 1/4.
    // Replicate 2 weighs them 1 and 1: mean 200, share 1/2.
    const auto batch = batch_of({{0, 1, 100}, {1, 1, 300}});
    population_options options;
    options.weights.sampling = {1, 1};
    options.weights.replicates = {{1, 3}, {1, 1}};
    options.weights.scale = 0.5;
    const mgcalc::population_summary summary = mgcalc::summarize_population(batch, options);
    CHECK(summary.replicates == 2);
    const mgcalc::population_statistics& s = summary.overall;
    // 0.5 x ((250 - 200)^2 + (200 - 200)^2) = 1250. Centred on the replicates' own mean (225,
    // survey's mse = FALSE) it would be 0.5 x (25^2 + 25^2) = 625, an SE of 25.
    REQUIRE(s.mean_total.standard_error);
    CHECK(s.mean_total.standard_error->value() == Approx(std::sqrt(1250.0)));
    REQUIRE(s.mean_food.standard_error);
    CHECK(s.mean_food.standard_error->value() == Approx(std::sqrt(1250.0)));
    REQUIRE(s.mean_supplement.standard_error);
    CHECK(s.mean_supplement.standard_error->value() == 0);
    REQUIRE(s.below_ear);
    REQUIRE(s.below_ear->standard_error);
    CHECK(*s.below_ear->standard_error == Approx(std::sqrt(0.5 * 0.25 * 0.25)));

    SECTION("each replicate's scale multiplies its square") {
        options.weights.replicate_scales = {3, 1};
        const mgcalc::population_statistics scaled = mgcalc::summarize_population(batch, options).overall;
        REQUIRE(scaled.mean_total.standard_error);
        CHECK(scaled.mean_total.standard_error->value() == Approx(std::sqrt(0.5 * 3 * 2500)));
    }
}

TEST_CASE("population: no standard error where a replicate leaves a group without weight", "[population]") {
    const auto batch = batch_of({{0, 1, 100, 0, adult}, {1, 1, 300, 0, infant}});
    population_options options;
    options.group_by = population_grouping::life_stage;
    options.weights.replicates = {{0, 2}, {2, 0}};
    const mgcalc::population_summary summary = mgcalc::summarize_population(batch, options);
    CHECK(summary.overall.mean_total.standard_error);
    REQUIRE(summary.groups.size() == 2);
    CHECK_FALSE(summary.groups[0].statistics.mean_total.standard_error);
    REQUIRE(summary.groups[0].statistics.below_ear);
    CHECK_FALSE(summary.groups[0].statistics.below_ear->standard_error);
    CHECK(summary.groups[0].statistics.mean_total.estimate.value() == Approx(100));
}

TEST_CASE("population: bad weights are errors in the survey's terms", "[population]") {
    using mgcalc::errc;
    using mgcalc_test::contains;
    using mgcalc_test::error_message;
    const auto batch = batch_of({{0, 1, 100}, {1, 1, 200}, {2, 1, 300}});
    population_options options;

    options.weights.sampling = {1, -2, 1};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::invalid_amount),
                   "the sampling weight of person 1 is -2: a weight must be a finite number, 0 or more"));
    options.weights.sampling = {1, 1, std::numeric_limits<double>::quiet_NaN()};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::invalid_amount),
                   "person 2 is nan"));
    options.weights.sampling = {1, 1, std::numeric_limits<double>::infinity()};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::invalid_amount),
                   "person 2 is inf"));
    options.weights.sampling = {1, 1};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::parse_error),
                   "the sampling weights have 2 values, but the batch has person 2 (counting from 0)"));

    options.weights.sampling = {1, 1, 1};
    options.weights.replicates = {{1, 1, 1}, {1, 1}};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::parse_error),
                   "replicate weight column repweight_2 has 2 values, but the sampling weights have 3"));
    options.weights.replicates = {{1, 1, -1}};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::invalid_amount),
                   "replicate weight repweight_1 of person 2 is -1"));
    options.weights.replicates = {{1, 1, 1}};
    options.weights.scale = 0;
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::invalid_amount),
                   "the replicate variance scale is 0"));
    options.weights.scale = 1;
    options.weights.replicate_scales = {1, 1};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::parse_error),
                   "there are 2 replicate scales for 1 replicate weight columns"));
    options.weights.replicate_scales = {-1};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::invalid_amount),
                   "the replicate scale of repweight_1 is -1"));

    population_options unweighted_replicates;
    unweighted_replicates.weights.replicates = {{1, 1}};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, unweighted_replicates); },
                                 errc::parse_error),
                   "replicate weight column repweight_1 has 2 values, but the batch has person 2"));
}

TEST_CASE("population: a population or group without weight is an error", "[population]") {
    using mgcalc::errc;
    using mgcalc_test::contains;
    using mgcalc_test::error_message;
    const auto batch = batch_of({{0, 1, 100, 0, adult}, {1, 1, 200, 0, infant}, {1, 2, 200, 0, infant}});
    population_options options;
    options.weights.sampling = {0, 0};
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::invalid_amount),
                   "the population has 3 person-days whose sampling weights add up to 0"));
    options.weights.sampling = {1, 0};
    options.group_by = population_grouping::life_stage;
    options.unit = population_unit::people;
    CHECK(contains(error_message([&] { mgcalc::summarize_population(batch, options); }, errc::invalid_amount),
                   "the group \"Test table / Infants\" has 1 person whose sampling weights add up to 0"));
    CHECK(contains(error_message([&] { mgcalc::summarize_population(mgcalc::batch_result{}); }, errc::invalid_amount),
                   "the batch has no person-days"));
}

TEST_CASE("population: person labels must cover every person", "[population]") {
    const auto batch = batch_of({{0, 1, 100}, {4, 1, 200}});
    population_options options;
    options.group_by = population_grouping::person_label;
    options.person_labels = {"female", "male"};
    CHECK(mgcalc_test::contains(
        mgcalc_test::error_message([&] { mgcalc::summarize_population(batch, options); }, mgcalc::errc::parse_error),
        "the person labels have 2 values, but the batch has person 4 (counting from 0)"));
}

TEST_CASE("population: JSON with plain numbers and null where a value is absent", "[population]") {
    const auto batch = batch_of({{0, 1, 100, 0, infant}, {1, 1, 200.125, 400, adult}});
    population_options options;
    options.group_by = population_grouping::life_stage;
    options.weights.replicates = {{1, 3}};
    const nlohmann::json document = nlohmann::json::parse(mgcalc::to_json(mgcalc::summarize_population(batch, options)));
    CHECK(document["unit"] == "person-days");
    CHECK(document["grouped_by"] == "life stage");
    CHECK(document["replicates"] == 1);
    const nlohmann::json& overall = document["overall"];
    CHECK(overall["units"] == 2);
    CHECK(overall["mean_total"]["estimate_mg"] == 350.0625);  // (100 + 600.125) / 2, unrounded
    CHECK(overall["mean_total"]["standard_error_mg"].is_number());
    CHECK(overall["total_percentiles"][3] == nlohmann::json{{"percent", 50}, {"total_mg", 100.0}});
    CHECK(overall["below_ear"]["estimate"] == 0.0);
    CHECK(overall["users_over_ul"]["estimate"] == 1.0);
    REQUIRE(document["groups"].size() == 2);
    CHECK(document["groups"][0]["label"] == "Test table / Infants");
    CHECK(document["groups"][0]["statistics"]["below_ear"].is_null());
    CHECK(document["groups"][0]["statistics"]["users_over_ul"].is_null());

    options.weights.replicates.clear();
    const nlohmann::json plain = nlohmann::json::parse(mgcalc::to_json(mgcalc::summarize_population(batch, options)));
    CHECK(plain["overall"]["mean_total"]["standard_error_mg"].is_null());
}
