// Tests for mgcalc/evaluate/evaluation.hpp: a day against the IOM 1997 reference intakes.
// Expected values are worked by hand from the IOM/ODS tables (docs/reference-intakes.md), the
// USDA SR24 values named with each food, and stoichiometry (docs/compounds.md).
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/evaluate/evaluation.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace mgcalc::unit_symbols;

namespace {

// USDA SR24 values (data/usda-sr24/foods.csv).
const mgcalc::food pumpkin_seeds{"12014", "Seeds, pumpkin and squash seed kernels, dried", 592.0 * mg};
const mgcalc::food almonds{"12061", "Nuts, almonds", 268.0 * mg};
const mgcalc::food banana{"09040", "Bananas, raw", 27.0 * mg};
const mgcalc::food cheese_sauce{"01188", "KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce", std::nullopt};

mgcalc::life_stage woman(double years) { return {mgcalc::sex::female, mgcalc::age::from_years(years)}; }

mgcalc::supplement_dose elemental(const char* compound, double amount_mg) {
    return {mgcalc::get_compound(compound), amount_mg * mg};
}

bool has_warning(const mgcalc::evaluation& e, const std::string& code) {
    return std::any_of(e.warnings.begin(), e.warnings.end(), [&](const mgcalc::warning& w) { return w.code == code; });
}

}  // namespace

TEST_CASE("evaluation: food and supplements are totalled separately", "[evaluation]") {
    mgcalc::day_intake day;
    day.add_food(pumpkin_seeds, 28.0 * g).add_food(banana, 118.0 * g).add_supplement(elemental("glycinate", 200.0));
    const mgcalc::evaluation e = mgcalc::evaluate(day, woman(34.0));
    // 592 x 0.28 = 165.76 mg; 27 x 1.18 = 31.86 mg.
    CHECK(e.food.value() == Approx(165.76 + 31.86));
    CHECK(e.supplement.value() == Approx(200.0));
    CHECK(e.total.value() == Approx(397.62));
    // Women 31-50 y: RDA 320 mg (IOM 1997 / ODS Table 1).
    CHECK(e.reference.target.value() == 320.0);
    CHECK(e.percent_of_target == Approx(397.62 / 320.0 * 100.0));
    CHECK(e.status == mgcalc::intake_status::meets_target);
    CHECK(e.unknown_entries == 0);
    CHECK_FALSE(e.total_is_lower_bound());
    CHECK_FALSE(e.over_ul);
    CHECK(e.warnings.empty());
}

TEST_CASE("evaluation: unknown magnesium is counted, never added as zero", "[evaluation]") {
    mgcalc::day_intake day;
    day.add_food(cheese_sauce, 100.0 * g).add_food(almonds, 30.0 * g);
    const mgcalc::evaluation e = mgcalc::evaluate(day, woman(25.0));
    CHECK(e.unknown_entries == 1);
    CHECK(e.total_is_lower_bound());
    CHECK(e.food.value() == Approx(80.4));  // 268 x 0.30
    REQUIRE(has_warning(e, "unknown-entries"));
    const auto& unknown = e.entries.back();  // unknown entries rank last
    CHECK(unknown.kind == mgcalc::entry_kind::food);
    CHECK_FALSE(unknown.magnesium.has_value());
    CHECK(unknown.description.find("CHEEZ WHIZ") != std::string::npos);
}

TEST_CASE("evaluation: status against EAR and RDA at the exact thresholds", "[evaluation]") {
    // Women 19-30 y: EAR 255 mg, RDA 310 mg (IOM 1997).
    auto status_at = [](double supplement_mg) {
        mgcalc::day_intake day;
        day.add_supplement(elemental("citrate", supplement_mg));
        return mgcalc::evaluate(day, woman(25.0)).status;
    };
    CHECK(status_at(254.9) == mgcalc::intake_status::below_ear);
    CHECK(status_at(255.0) == mgcalc::intake_status::below_target);
    CHECK(status_at(309.9) == mgcalc::intake_status::below_target);
    CHECK(status_at(310.0) == mgcalc::intake_status::meets_target);
}

TEST_CASE("evaluation: the UL applies to supplements only, never to food", "[evaluation]") {
    // Adults: supplemental UL 350 mg (IOM 1997 Table; ODS Table 3).
    mgcalc::day_intake lots_of_food;
    lots_of_food.add_food(pumpkin_seeds, 200.0 * g).add_supplement(elemental("citrate", 100.0));  // 1184 mg food
    const mgcalc::evaluation food_heavy = mgcalc::evaluate(lots_of_food, woman(40.0));
    CHECK(food_heavy.total.value() == Approx(1284.0));
    CHECK_FALSE(food_heavy.over_ul);
    CHECK_FALSE(has_warning(food_heavy, "over-upper-limit"));

    mgcalc::day_intake at_limit;
    at_limit.add_supplement(elemental("citrate", 350.0));
    CHECK_FALSE(mgcalc::evaluate(at_limit, woman(40.0)).over_ul);

    // Split doses do not escape the UL: 200 + 151 = 351 mg.
    mgcalc::day_intake split;
    split.add_supplement(elemental("citrate", 200.0)).add_supplement(elemental("glycinate", 151.0));
    const mgcalc::evaluation over = mgcalc::evaluate(split, woman(40.0));
    CHECK(over.over_ul);
    REQUIRE(has_warning(over, "over-upper-limit"));
}

TEST_CASE("evaluation: children's supplemental UL (65 mg at 1-3 y, 110 mg at 4-8 y)", "[evaluation]") {
    mgcalc::day_intake day;
    day.add_supplement(elemental("citrate", 70.0));
    CHECK(mgcalc::evaluate(day, {mgcalc::sex::male, mgcalc::age::from_years(2.0)}).over_ul);
    CHECK_FALSE(mgcalc::evaluate(day, {mgcalc::sex::male, mgcalc::age::from_years(5.0)}).over_ul);
}

TEST_CASE("evaluation: any supplement for an infant is flagged, infants have an AI only", "[evaluation]") {
    const mgcalc::life_stage nine_months{mgcalc::sex::female, mgcalc::age::from_months(9.0)};
    mgcalc::day_intake day;
    day.add_supplement(elemental("citrate", 10.0));
    const mgcalc::evaluation e = mgcalc::evaluate(day, nine_months);
    CHECK(e.reference.target_kind == mgcalc::target_kind::ai);
    CHECK(e.reference.target.value() == 75.0);  // 7-12 months AI (IOM 1997)
    CHECK_FALSE(e.reference.ul_supplemental.has_value());
    CHECK_FALSE(e.over_ul);  // no UL established, so no comparison ...
    CHECK(has_warning(e, "supplement-for-infant"));  // ... but a warning instead
    CHECK(e.status == mgcalc::intake_status::below_target);

    mgcalc::day_intake milk_only;
    milk_only.add_food({"01077", "Milk, whole", 10.0 * mg}, 780.0 * g);  // 78 mg
    const mgcalc::evaluation fed = mgcalc::evaluate(milk_only, nine_months);
    CHECK(fed.status == mgcalc::intake_status::meets_target);
    CHECK_FALSE(has_warning(fed, "supplement-for-infant"));
}

TEST_CASE("evaluation: entries are ranked by contribution, unknown last", "[evaluation]") {
    mgcalc::day_intake day;
    day.add_food(banana, 100.0 * g)                    // 27 mg
        .add_food(cheese_sauce, 50.0 * g)              // unknown
        .add_supplement(elemental("glycinate", 100.0))  // 100 mg
        .add_food(almonds, 28.0 * g);                  // 75.04 mg
    const mgcalc::evaluation e = mgcalc::evaluate(day, woman(30.0));
    REQUIRE(e.entries.size() == 4);
    CHECK(e.entries[0].kind == mgcalc::entry_kind::supplement);
    CHECK(e.entries[0].magnesium->value() == Approx(100.0));
    CHECK(e.entries[1].magnesium->value() == Approx(75.04));
    CHECK(e.entries[1].index == 2);  // the third food logged
    CHECK(e.entries[2].magnesium->value() == Approx(27.0));
    CHECK_FALSE(e.entries[3].magnesium.has_value());
}

TEST_CASE("evaluation: the absorbed estimate is beside, never instead of, the elemental total", "[evaluation]") {
    mgcalc::day_intake day;
    day.add_food(almonds, 100.0 * g)                                                            // 268 mg
        .add_supplement({mgcalc::get_compound("oxide"), 500.0 * mg, mgcalc::dose_basis::compound});  // 301.5 mg
    const mgcalc::evaluation e = mgcalc::evaluate(day, woman(30.0));
    const double oxide_elemental = 500.0 * 24.305 / (24.305 + 15.999);  // MgO stoichiometry
    CHECK(e.supplement.value() == Approx(oxide_elemental));
    CHECK(e.total.value() == Approx(268.0 + oxide_elemental));  // the elemental total is unchanged
    REQUIRE(e.absorbed.has_value());
    // Food 30% absorbed; oxide 30% x relative factor 0.4 (docs/compounds.md).
    CHECK(e.absorbed->amount.value() == Approx(268.0 * 0.30 + oxide_elemental * 0.30 * 0.4));
    CHECK(e.absorbed->basis.find("estimate") != std::string::npos);

    mgcalc::day_intake with_threonate;  // no human absorption data: no estimate at all
    with_threonate.add_food(almonds, 100.0 * g).add_supplement(elemental("threonate", 144.0));
    CHECK_FALSE(mgcalc::evaluate(with_threonate, woman(30.0)).absorbed.has_value());
}

TEST_CASE("evaluation: an empty day is 0 mg and below the EAR", "[evaluation]") {
    const mgcalc::evaluation e = mgcalc::evaluate(mgcalc::day_intake{}, woman(30.0));
    CHECK(e.total.value() == 0.0);
    CHECK(e.percent_of_target == 0.0);
    CHECK(e.status == mgcalc::intake_status::below_ear);
    CHECK(e.entries.empty());
    REQUIRE(e.absorbed.has_value());
    CHECK(e.absorbed->amount.value() == 0.0);
}

TEST_CASE("evaluation: a recipe with an unknown ingredient makes the total a lower bound", "[evaluation]") {
    mgcalc::food granola{"my-granola", "Granola, homemade", 229.0 * mg};
    granola.magnesium_is_lower_bound = true;  // e.g. make_recipe with an unanalysed ingredient
    mgcalc::day_intake day;
    day.add_food(granola, 44.0 * g).add_food(banana, 100.0 * g);
    const mgcalc::evaluation e = mgcalc::evaluate(day, woman(30.0));
    CHECK(e.food.value() == Approx(229.0 * 0.44 + 27.0));  // counted ...
    CHECK(e.unknown_entries == 0);
    CHECK(e.lower_bound_entries == 1);  // ... but only as a lower bound
    CHECK(e.total_is_lower_bound());
    CHECK(has_warning(e, "lower-bound-entries"));

    mgcalc::day_intake plain;
    plain.add_food(banana, 100.0 * g);
    CHECK_FALSE(mgcalc::evaluate(plain, woman(30.0)).total_is_lower_bound());
}

TEST_CASE("evaluation: an elemental dose over 1,000 mg is warned about as a likely compound mass", "[evaluation]") {
    auto warnings_for = [](const std::string& text) {
        mgcalc::day_intake day;
        day.add_supplement(mgcalc::parse_supplement_dose(text), text);
        return mgcalc::evaluate(day, woman(40.0)).warnings;
    };
    auto message_of = [](const std::vector<mgcalc::warning>& list) {
        const auto found = std::find_if(list.begin(), list.end(),
                                        [](const mgcalc::warning& w) { return w.code == "dose-looks-like-compound-mass"; });
        return found == list.end() ? std::string() : found->message;
    };

    // "citrate=2 g" reads as 2,000 mg elemental; as 2 g of Mg3(C6H5O7)2 (451.113 g/mol, 3 Mg) it
    // is 2000 x 3 x 24.305 / 451.113 = 323.3 mg.
    const std::string citrate = message_of(warnings_for("citrate=2 g"));
    CHECK_THAT(citrate, Catch::Matchers::Contains("supplement \"citrate=2 g\" is 2000 mg of elemental magnesium") &&
                            Catch::Matchers::Contains("\"citrate=2 g compound\" = 323.3 mg elemental"));
    CHECK(2000 * 3 * 24.305 / 451.113 == Approx(323.3).margin(0.05));

    // The threshold: over 1,000 mg, not at it.
    CHECK(message_of(warnings_for("glycinate=1000 mg")).empty());
    CHECK_FALSE(message_of(warnings_for("glycinate=1000.1 mg")).empty());
    // A compound mass, or a label strength, is what it says.
    CHECK(message_of(warnings_for("citrate=2 g compound")).empty());
    CHECK(message_of(warnings_for("threonate=2 g compound, 144 mg per 2 g")).empty());
    // Magnesium of a form not stated has no compound reading: name the compound.
    CHECK_THAT(message_of(warnings_for("magnesium=1.5 g")),
               Catch::Matchers::Contains("1.5 g is probably the mass of the compound") &&
                   Catch::Matchers::Contains("name the compound"));

    // A dose built without text is described instead.
    mgcalc::day_intake day;
    day.add_supplement(elemental("oxide", 1500.0));
    const mgcalc::evaluation e = mgcalc::evaluate(day, woman(40.0));
    // 1.5 g of MgO (40.304 g/mol) holds 1500 x 24.305 / 40.304 = 904.6 mg.
    CHECK_THAT(message_of(e.warnings),
               Catch::Matchers::Contains("supplement 1500 mg elemental magnesium as magnesium oxide is 1500 mg") &&
                   Catch::Matchers::Contains("\"oxide=1.5 g compound\" = 904.6 mg elemental"));
    CHECK(e.supplement.value() == 1500.0);  // a warning only: the dose counts as given
}

TEST_CASE("evaluation: magnesium of a form not stated counts, with no absorbed estimate", "[evaluation]") {
    mgcalc::day_intake day;
    day.add_food(almonds, 100.0 * g).add_supplement(mgcalc::parse_supplement_dose("magnesium 100 mg"));
    const mgcalc::evaluation e = mgcalc::evaluate(day, woman(30.0));
    CHECK(e.supplement.value() == 100.0);
    CHECK(e.total.value() == Approx(368.0));
    CHECK_FALSE(e.absorbed.has_value());  // no form, no bioavailability factor
    CHECK(e.entries[1].description == "100 mg elemental magnesium, form not stated");
}

TEST_CASE("evaluation: it carries the life stage and each food's own description", "[evaluation]") {
    mgcalc::day_intake day;
    day.add_food(banana, 118.0 * g);
    const mgcalc::evaluation e = mgcalc::evaluate(day, woman(30.5));
    CHECK(e.stage.age().in_years() == Approx(30.5));
    CHECK(e.stage.sex() == mgcalc::sex::female);
    REQUIRE(e.entries.size() == 1);
    CHECK(e.entries[0].food_description == "Bananas, raw");
    CHECK(e.entries[0].description == "118 g Bananas, raw");
}

TEST_CASE("evaluation: a day whose foods weigh more than 10 kg in all is warned about", "[evaluation][hardening]") {
    // 200,000 entries of 1 g of seeds (200 kg in a day) passed without a word: each entry is
    // plausible, the day is not (docs/model.md, "Plausibility limits").
    mgcalc::day_intake many;
    for (int i = 0; i < 10'001; ++i) many.add_food(pumpkin_seeds, 1.0 * g);
    const mgcalc::evaluation heavy = mgcalc::evaluate(many, woman(30.0));
    REQUIRE(has_warning(heavy, "day-food-implausible"));
    const auto found = std::find_if(heavy.warnings.begin(), heavy.warnings.end(),
                                    [](const mgcalc::warning& w) { return w.code == "day-food-implausible"; });
    CHECK(found->message.find("10001 food entries weigh 10001 g in all, more than the 10000 g") != std::string::npos);
    // Still evaluated in full: a warning, not a refusal.
    CHECK(heavy.food.value() == Approx(10'001 * 5.92));

    // 10 kg exactly, and a large but real day, pass without it.
    mgcalc::day_intake ten_kg;
    ten_kg.add_food(banana, 4'000.0 * g).add_food(almonds, 6'000.0 * g);
    CHECK_FALSE(has_warning(mgcalc::evaluate(ten_kg, woman(30.0)), "day-food-implausible"));
}
