// evaluate_batch against evaluate() day by day, on random data that crosses every band boundary
// of every authority, with unknown foods, supplements of every basis, pregnancies and lactation.
#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/people/age_between.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <tuple>

using namespace mgcalc;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

struct random_batch {
    batch_foods foods = batch_foods::of(usda_sr24());
    std::vector<batch_person> people;
    std::vector<std::uint32_t> person, food, dose_person, dose_compound;
    std::vector<batch_day> day, dose_day;
    std::vector<grams> amount;
    std::vector<milligrams> dose_amount;
    std::vector<dose_basis> basis;

    batch_food_columns entries() const { return {person, day, food, amount}; }
    batch_supplement_columns doses() const { return {dose_person, dose_day, dose_compound, dose_amount, basis}; }
};

// Ages in months at which some table changes band, and the days on either side of them.
constexpr int boundary_months[] = {0, 6, 7, 12, 36, 48, 84, 108, 120, 132, 156, 168, 180, 204, 216, 228,
                                   300, 372, 420, 612, 660, 780, 900, 1000};

random_batch make_random_batch(unsigned seed, std::size_t people_count, std::size_t entries_count) {
    std::mt19937_64 random(seed);
    const auto uniform = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    random_batch b;
    const sys_days first_day{year_month_day{std::chrono::year{2024}, std::chrono::month{1}, std::chrono::day{1}}};

    for (std::size_t p = 0; p < people_count; ++p) {
        batch_person who;
        who.profile.authority = all_authorities[uniform(std::size(all_authorities))];
        who.profile.sex = uniform(2) == 0 ? sex::female : sex::male;
        // Born so that the batch's first days straddle a band boundary.
        const int months = boundary_months[uniform(std::size(boundary_months))];
        // (never after the first day: a day before birth is an error of its own, tested elsewhere)
        const sys_days birth = std::min(first_day, sys_days{year_month_day{first_day} - std::chrono::months{months}} +
                                                       days{static_cast<int>(uniform(5))} - days{2});
        if (uniform(4) == 0 && months >= 12 * 10) {
            who.profile.age = stated_age{static_cast<double>(months) / 12.0 + 0.3, year_month_day{first_day}};
            who.age_is_fixed = uniform(2) == 0;
        } else {
            who.profile.birth_date = year_month_day{birth};
        }
        if (who.profile.sex == sex::female && months >= 14 * 12 && months <= 50 * 12) {
            if (uniform(3) == 0) who.profile.pregnancies.push_back({year_month_day{first_day + days{1}}, year_month_day{first_day + days{2}}});
            if (uniform(3) == 0) who.profile.lactation.push_back({year_month_day{first_day}, year_month_day{first_day + days{1}}});
        }
        if (months < 12) who.profile.infant_feeding = static_cast<infant_feeding>(uniform(3));
        b.people.push_back(who);
    }
    const std::size_t food_count = b.foods.size();
    for (std::size_t i = 0; i < entries_count; ++i) {
        b.person.push_back(static_cast<std::uint32_t>(uniform(people_count)));
        b.day.push_back(to_batch_day(first_day + days{static_cast<int>(uniform(4))}));
        b.food.push_back(static_cast<std::uint32_t>(uniform(food_count)));
        b.amount.push_back(grams::from_value(std::uniform_real_distribution<double>(0.0, 400.0)(random)));
    }
    const std::size_t compound_count = compounds().size();
    for (std::size_t i = 0; i < entries_count / 5; ++i) {
        b.dose_person.push_back(static_cast<std::uint32_t>(uniform(people_count)));
        b.dose_day.push_back(to_batch_day(first_day + days{static_cast<int>(uniform(4))}));
        const std::size_t c = uniform(compound_count + 1);  // compound_count: the form not stated
        b.dose_compound.push_back(static_cast<std::uint32_t>(c));
        const bool by_compound = c < compound_count && uniform(2) == 0;
        b.basis.push_back(by_compound ? dose_basis::compound : dose_basis::elemental);
        b.dose_amount.push_back(milligrams::from_value(std::uniform_real_distribution<double>(0.0, by_compound ? 2000.0 : 400.0)(random)));
    }
    return b;
}

// The same person-days through day_intake and evaluate(), rows added in their column order.
void require_same_as_evaluate(const random_batch& b, const batch_result& batch) {
    std::map<std::pair<std::uint32_t, batch_day>, day_intake> by_day;
    for (std::size_t i = 0; i < b.person.size(); ++i) {
        by_day[{b.person[i], b.day[i]}].add_food(usda_sr24().at(b.food[i]), b.amount[i]);
    }
    for (std::size_t i = 0; i < b.dose_person.size(); ++i) {
        const std::uint32_t c = b.dose_compound[i];
        const compound& form = c == compounds().size() ? unspecified_form() : compounds()[c];
        by_day[{b.dose_person[i], b.dose_day[i]}].add_supplement(supplement_dose(form, b.dose_amount[i], b.basis[i]));
    }
    REQUIRE(batch.days.size() == by_day.size());
    std::size_t d = 0, not_covered = 0, with_reference = 0;
    std::uint32_t previous_person = 0, day_index = 0;
    for (const auto& [key, intake] : by_day) {
        const person_day& got = batch.days[d++];
        INFO("person " << key.first << " on " << to_string(year_month_day{key.second}));
        REQUIRE(got.person == key.first);
        REQUIRE(got.day == key.second);
        day_index = d > 1 && previous_person == key.first ? day_index + 1 : 1;
        previous_person = key.first;
        CHECK(got.day_index == day_index);
        const batch_person& who = b.people[key.first];
        const life_stage stage = who.on(year_month_day{key.second});
        result<reference_intakes> reference = try_reference_intakes_for(stage, who.profile.authority);
        if (!reference) {
            REQUIRE(reference.error().code() == errc::not_covered);
            CHECK(got.reference == person_day::no_reference);
            CHECK(batch.reference_of(got) == nullptr);
            CHECK(std::isnan(got.percent_of_target));
            ++not_covered;
            continue;
        }
        const evaluation e = evaluate(intake, stage, who.profile.authority);
        // To the last rounding: == on doubles, not an approximation.
        CHECK(got.food.value() == e.food.value());
        CHECK(got.unknown_entries == e.unknown_entries);
        CHECK(got.supplement.value() == e.supplement.value());
        CHECK(got.supplement_doses == intake.supplements().size());
        CHECK(got.total.value() == e.total.value());
        CHECK(got.percent_of_target == e.percent_of_target);
        CHECK(got.below_ear == (e.status == intake_status::below_ear));
        CHECK(got.over_ul == e.over_ul);
        const reference_intakes* r = batch.reference_of(got);
        REQUIRE(r != nullptr);
        CHECK(r->life_stage == e.reference.life_stage);
        CHECK(r->authority == e.reference.authority);
        CHECK(r->target == e.reference.target);
        CHECK(r->ear == e.reference.ear);
        CHECK(r->ul_supplemental == e.reference.ul_supplemental);
        ++with_reference;
    }
    CHECK(batch.days_not_covered == not_covered);
    // The data must exercise both kinds of day, or the test proves less than it says.
    CHECK(with_reference > 100);
    CHECK(not_covered > 0);
}

}  // namespace

TEST_CASE("evaluate_batch: every person-day as evaluate() gives it, on random data", "[batch]") {
    const random_batch b = make_random_batch(20261201, 400, 6000);
    // Unknown foods are in the sample, so unknown counting is tested.
    REQUIRE(std::any_of(b.food.begin(), b.food.end(), [&](std::uint32_t f) { return !b.foods.magnesium_per_100g(f); }));
    const batch_result result = evaluate_batch(b.foods, b.people, b.entries(), b.doses(), {.threads = 1});
    require_same_as_evaluate(b, result);
    CHECK(std::any_of(result.days.begin(), result.days.end(), [](const person_day& d) { return d.over_ul; }));
    CHECK(std::any_of(result.days.begin(), result.days.end(), [](const person_day& d) { return d.below_ear; }));
}

TEST_CASE("evaluate_batch: rows already ordered by person and day give the same results", "[batch]") {
    random_batch b = make_random_batch(7, 200, 3000);
    std::vector<std::size_t> order(b.person.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return std::tie(b.person[x], b.day[x]) < std::tie(b.person[y], b.day[y]);
    });
    random_batch sorted = b;
    for (std::size_t i = 0; i < order.size(); ++i) {
        sorted.person[i] = b.person[order[i]];
        sorted.day[i] = b.day[order[i]];
        sorted.food[i] = b.food[order[i]];
        sorted.amount[i] = b.amount[order[i]];
    }
    const batch_result from_sorted = evaluate_batch(sorted.foods, sorted.people, sorted.entries(), sorted.doses());
    require_same_as_evaluate(sorted, from_sorted);
}

TEST_CASE("evaluate_batch: the same results for any thread count", "[batch]") {
    const random_batch b = make_random_batch(99, 6000, 80000);
    const batch_result one = evaluate_batch(b.foods, b.people, b.entries(), b.doses(), {.threads = 1});
    REQUIRE(one.days.size() > 3 * 4096);  // enough days that several threads really run
    for (unsigned threads : {2u, 3u, 8u, 0u}) {
        INFO("threads " << threads);
        const batch_result many = evaluate_batch(b.foods, b.people, b.entries(), b.doses(), {.threads = threads});
        REQUIRE(many.days.size() == one.days.size());
        for (std::size_t d = 0; d < one.days.size(); ++d) {
            const person_day &x = one.days[d], &y = many.days[d];
            REQUIRE(x.person == y.person);
            REQUIRE(x.day == y.day);
            REQUIRE(x.food.value() == y.food.value());
            REQUIRE(x.total.value() == y.total.value());
            REQUIRE(x.unknown_entries == y.unknown_entries);
            REQUIRE(x.reference == y.reference);
            REQUIRE(x.below_ear == y.below_ear);
            REQUIRE(x.over_ul == y.over_ul);
        }
        REQUIRE(many.references.size() == one.references.size());
        for (std::size_t r = 0; r < one.references.size(); ++r) {
            CHECK(many.references[r].life_stage == one.references[r].life_stage);
            CHECK(many.references[r].authority == one.references[r].authority);
        }
        CHECK(many.days_not_covered == one.days_not_covered);
    }
}

TEST_CASE("evaluate_batch: progress is reported up to the whole batch", "[batch]") {
    const random_batch b = make_random_batch(5, 2000, 40000);
    std::vector<double> seen;
    evaluate_batch(b.foods, b.people, b.entries(), b.doses(), {.threads = 2, .progress = [&](double share) { seen.push_back(share); }});
    REQUIRE(!seen.empty());
    CHECK(seen.back() == 1.0);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
}

TEST_CASE("evaluate_batch: bad columns are errors naming the row", "[batch]") {
    random_batch b = make_random_batch(3, 10, 50);
    using mgcalc_test::error_message;
    using Catch::Matchers::Contains;

    SECTION("columns of different lengths") {
        b.amount.pop_back();
        CHECK_THAT(error_message([&] { evaluate_batch(b.foods, b.people, b.entries()); }, errc::parse_error),
                   Contains("food entry columns have different lengths (50 and 49)"));
    }
    SECTION("a person index that is not a person") {
        b.person[7] = 10;
        CHECK_THAT(error_message([&] { evaluate_batch(b.foods, b.people, b.entries()); }, errc::parse_error),
                   Contains("food entry row 8: person 10 is not one of the 10 people given (indexes 0 to 9)"));
    }
    SECTION("a food index past the table") {
        b.food[3] = static_cast<std::uint32_t>(b.foods.size());
        CHECK_THAT(error_message([&] { evaluate_batch(b.foods, b.people, b.entries()); }, errc::parse_error),
                   Contains("food entry row 4: food index " + std::to_string(b.foods.size()) + " is out of range"));
    }
    SECTION("a negative or non-finite amount") {
        b.amount[5] = grams::from_value(GENERATE(-1.0, std::nan(""), HUGE_VAL));
        CHECK_THAT(error_message([&] { evaluate_batch(b.foods, b.people, b.entries()); }, errc::invalid_amount),
                   Contains("food entry row 6: amount"));
    }
    SECTION("a compound index past the table") {
        b.dose_compound[0] = static_cast<std::uint32_t>(compounds().size() + 1);
        CHECK_THAT(error_message([&] { evaluate_batch(b.foods, b.people, b.entries(), b.doses()); }, errc::unknown_compound),
                   Contains("supplement row 1: compound index"));
    }
    SECTION("a compound mass of magnesium of a form not stated") {
        b.dose_compound[0] = static_cast<std::uint32_t>(compounds().size());
        b.basis[0] = dose_basis::compound;
        CHECK_THAT(error_message([&] { evaluate_batch(b.foods, b.people, b.entries(), b.doses()); }, errc::unknown_compound),
                   Contains("supplement row 1: a compound mass of"));
    }
    SECTION("an impossible life stage names the person and day") {
        b.people[b.person[0]].profile.sex = sex::male;
        b.people[b.person[0]].profile.birth_date = year_month_day{std::chrono::year{1990}, std::chrono::month{1}, std::chrono::day{1}};
        b.people[b.person[0]].profile.pregnancies.push_back({year_month_day{std::chrono::year{2023}, std::chrono::month{1}, std::chrono::day{1}},
                                                            year_month_day{std::chrono::year{2025}, std::chrono::month{1}, std::chrono::day{1}}});
        CHECK_THAT(error_message([&] { evaluate_batch(b.foods, b.people, b.entries()); }, errc::invalid_life_stage),
                   Contains("person " + std::to_string(b.person[0]) + " on 2024-01-0"));
    }
}

TEST_CASE("evaluate_batch: an age fixed on every day does not move with the calendar", "[batch]") {
    batch_person moving;
    moving.profile.age = stated_age{18.99, year_month_day{std::chrono::year{2024}, std::chrono::month{1}, std::chrono::day{1}}};
    batch_person fixed = moving;
    fixed.age_is_fixed = true;
    const year_month_day later{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{1}};
    CHECK(moving.on(later).age().in_years() > 19.0);
    CHECK(fixed.on(later).age().in_years() == Approx(18.99));
}

TEST_CASE("evaluate_batch: a day of 2 million entries sums as a long double reference does", "[batch][hardening]") {
    // One person-day of 2,000,000 entries of foods with known magnesium, 0.1 to 500 g each. The
    // double sum may differ from the exact one by at most about n x epsilon of it (the bound of
    // recursive summation, Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed.,
    // section 4.2); the long double sum is far closer to exact, so it stands for it.
    const batch_foods foods = batch_foods::of(usda_sr24());
    std::vector<std::uint32_t> known;
    for (std::uint32_t f = 0; f < foods.size(); ++f) {
        if (foods.magnesium_per_100g(f)) known.push_back(f);
    }
    constexpr std::size_t n = 2'000'000;
    std::mt19937_64 random(2026);
    std::uniform_int_distribution<std::size_t> pick(0, known.size() - 1);
    std::uniform_real_distribution<double> weight(0.1, 500.0);
    const batch_day day = to_batch_day(sys_days{year_month_day{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{1}}});
    std::vector<std::uint32_t> person(n, 0), food(n);
    std::vector<batch_day> days_column(n, day);
    std::vector<grams> amount(n);
    long double reference = 0;
    for (std::size_t i = 0; i < n; ++i) {
        food[i] = known[pick(random)];
        amount[i] = grams::from_value(weight(random));
        reference += static_cast<long double>(foods.magnesium_per_100g(food[i])->value()) *
                     static_cast<long double>(amount[i].value()) / 100.0L;
    }
    batch_person adult;
    adult.profile.sex = sex::female;
    adult.profile.birth_date = year_month_day{std::chrono::year{1990}, std::chrono::month{1}, std::chrono::day{1}};
    const std::vector<batch_person> people{adult};
    const batch_result result = evaluate_batch(foods, people, batch_food_columns{person, days_column, food, amount},
                                               batch_supplement_columns{}, {.threads = 1});
    REQUIRE(result.days.size() == 1);
    const person_day& d = result.days.front();
    REQUIRE(std::isfinite(d.food.value()));
    CHECK(d.unknown_entries == 0);
    const long double error = std::fabs(static_cast<long double>(d.food.value()) - reference);
    const long double bound = static_cast<long double>(n) * std::numeric_limits<double>::epsilon() * reference;
    INFO("sum " << d.food.value() << ", reference " << static_cast<double>(reference) << ", error " << static_cast<double>(error));
    CHECK(error <= bound);
    CHECK(d.total.value() == d.food.value());
}
