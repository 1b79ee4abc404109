// Tests for mgcalc/advice/suggestion.hpp: foods that close a day's gap, and the supplement room under the UL.
//
// Serving magnesium is worked by hand from USDA SR24 (data/usda-sr24/foods.csv mg/100 g x the
// portions.csv gram weight / 100), the targets and ULs from IOM 1997 (docs/reference-intakes.md).
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/database.hpp>
#include <mgcalc/advice/suggestion.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace mgcalc::unit_symbols;

namespace {

mgcalc::life_stage person(mgcalc::sex sex, double years) { return {sex, mgcalc::age::from_years(years)}; }
// Females 19-30 y: RDA 310 mg, EAR 255 mg, supplemental UL 350 mg.
mgcalc::life_stage woman_25() { return person(mgcalc::sex::female, 25.0); }
// Males 31-50 y: RDA 420 mg, EAR 350 mg, supplemental UL 350 mg.
mgcalc::life_stage man_40() { return person(mgcalc::sex::male, 40.0); }

/// A day with `supplement_mg` of elemental magnesium as glycinate and `food_mg` from a test food.
mgcalc::evaluation day_with(const mgcalc::life_stage& stage, double supplement_mg, double food_mg = 0.0) {
    mgcalc::day_intake day;
    if (supplement_mg > 0) day.add_supplement({mgcalc::get_compound("glycinate"), supplement_mg * mg});
    // 100 mg per 100 g: food_mg grams give food_mg milligrams.
    if (food_mg > 0) day.add_food(mgcalc::food{"test", "Test food", 100.0 * mg}, food_mg * g);
    return mgcalc::evaluate(day, stage);
}

std::vector<std::string> ids(const mgcalc::gap_suggestions& s) {
    std::vector<std::string> out;
    for (const auto& f : s.foods) out.push_back(f.item.id);
    return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("suggestion: a 50 mg gap gets the smallest servings that close it", "[suggestion]") {
    const mgcalc::gap_suggestions s = mgcalc::suggest_for_gap(day_with(woman_25(), 260.0));
    CHECK(s.gap.value() == Approx(50.0));  // 310 - 260
    // The smallest curated servings of at least 50 mg (USDA SR24):
    //   08147 shredded wheat, 133 mg/100 g x 46 g (2 biscuits) = 61.18 mg
    //   08121 oatmeal, cooked, 27 mg/100 g x 234 g (1 cup)     = 63.18 mg
    //   19904 dark chocolate 70-85%, 228 mg/100 g x 28.35 g    = 64.638 mg
    // not 12016 pumpkin seeds (155.9 mg), three times the need; and not 16390 peanuts (49.9 mg), too little.
    REQUIRE(ids(s) == strings{"08147", "08121", "19904"});
    CHECK(s.foods[0].magnesium.value() == Approx(61.18));
    CHECK(s.foods[1].magnesium.value() == Approx(63.18));
    CHECK(s.foods[2].magnesium.value() == Approx(64.638));
    for (const auto& f : s.foods) CHECK(f.closes_gap);
    CHECK(s.foods[0].serving.amount == 2.0);
    CHECK(s.foods[0].serving.measure == "biscuits (1 NLEA serving)");
    CHECK(s.foods[0].serving.weight.value() == Approx(46.0));
    CHECK(s.foods[0].text ==
          "2 biscuits (1 NLEA serving) (46 g) of Cereals ready-to-eat, wheat, shredded, plain, sugar and salt free "
          "adds 61 mg");
    // The UL leaves 350 - 260 = 90 mg, but the gap is only 50 mg.
    REQUIRE(s.supplement_room.has_value());
    CHECK(s.supplement_room->value() == Approx(50.0));
}

TEST_CASE("suggestion: a serving that just reaches the gap closes it", "[suggestion]") {
    // Gap 310 - 260.2 = 49.8 mg: 16390 peanuts, dry-roasted, 176 mg/100 g x 28.35 g = 49.896 mg closes
    // it; 16398 peanut butter, 154 mg/100 g x 32 g = 49.28 mg, does not.
    const mgcalc::gap_suggestions s = mgcalc::suggest_for_gap(day_with(woman_25(), 260.2), 2);
    REQUIRE(ids(s) == strings{"16390", "08147"});
    CHECK(s.foods[0].magnesium.value() == Approx(49.896));
    CHECK(s.foods[0].closes_gap);
}

TEST_CASE("suggestion: a 300 mg gap gets the largest contributions", "[suggestion]") {
    const mgcalc::gap_suggestions s = mgcalc::suggest_for_gap(day_with(man_40(), 120.0));
    CHECK(s.gap.value() == Approx(300.0));  // 420 - 120
    // No curated serving reaches 300 mg; the largest (USDA SR24):
    //   11458 spinach, boiled, 87 mg/100 g x 180 g (1 cup)            = 156.6 mg
    //   12016 pumpkin seed kernels, roasted, 550 mg/100 g x 28.35 g   = 155.925 mg
    //   11148 Swiss chard, boiled, 86 mg/100 g x 175 g (1 cup, chopped) = 150.5 mg
    REQUIRE(ids(s) == strings{"11458", "12016", "11148"});
    CHECK(s.foods[0].magnesium.value() == Approx(156.6));
    CHECK(s.foods[1].magnesium.value() == Approx(155.925));
    CHECK(s.foods[2].magnesium.value() == Approx(150.5));
    for (const auto& f : s.foods) CHECK_FALSE(f.closes_gap);
    CHECK(s.foods[1].text == "1 oz (28.35 g) of Seeds, pumpkin and squash seed kernels, roasted, without salt adds 156 mg");
    // UL 350 - 120 = 230 mg is less than the 300 mg gap: the room stops at the UL.
    REQUIRE(s.supplement_room.has_value());
    CHECK(s.supplement_room->value() == Approx(230.0));
}

TEST_CASE("suggestion: foods that close the gap come before the largest ones that do not", "[suggestion]") {
    // Gap 310 - 160 = 150 mg: chard 150.5, pumpkin seeds 155.925 and spinach 156.6 close it (smallest
    // first); then 16015 black beans, 70 x 172 g = 120.4 mg and 20137 quinoa, 64 x 185 g = 118.4 mg.
    const mgcalc::gap_suggestions s = mgcalc::suggest_for_gap(day_with(woman_25(), 160.0), 5);
    REQUIRE(ids(s) == strings{"11148", "12016", "11458", "16015", "20137"});
    std::vector<bool> closes;
    for (const auto& f : s.foods) closes.push_back(f.closes_gap);
    CHECK(closes == std::vector<bool>{true, true, true, false, false});
    CHECK(s.foods[3].magnesium.value() == Approx(120.4));
    CHECK(s.foods[4].magnesium.value() == Approx(118.4));
}

TEST_CASE("suggestion: a met target has no gap, no foods and no supplement room", "[suggestion]") {
    for (const mgcalc::evaluation& day : {day_with(woman_25(), 310.0), day_with(woman_25(), 0.0, 500.0)}) {
        const mgcalc::gap_suggestions s = mgcalc::suggest_for_gap(day, 5);
        CHECK(s.gap.value() == 0.0);
        CHECK(s.foods.empty());
        CHECK_FALSE(s.supplement_room.has_value());
    }
    // Just below the target there is a gap, so the checks above can fail.
    CHECK(mgcalc::suggest_for_gap(day_with(woman_25(), 309.0)).gap.value() == Approx(1.0));
}

TEST_CASE("suggestion: the supplement room never crosses the supplemental UL", "[suggestion]") {
    SECTION("an adult with 330 mg of supplements: gap 90 mg, room 20 mg") {
        const auto s = mgcalc::suggest_for_gap(day_with(man_40(), 330.0));
        CHECK(s.gap.value() == Approx(90.0));
        REQUIRE(s.supplement_room.has_value());
        CHECK(s.supplement_room->value() == Approx(20.0));
    }
    SECTION("at the UL there is no room, though food can still close the gap") {
        const auto s = mgcalc::suggest_for_gap(day_with(man_40(), 350.0));
        CHECK(s.gap.value() == Approx(70.0));
        CHECK_FALSE(s.supplement_room.has_value());
        CHECK(s.foods.size() == 3);
    }
    SECTION("over the UL there is no room") {
        const auto s = mgcalc::suggest_for_gap(day_with(man_40(), 400.0));
        CHECK(s.gap.value() == Approx(20.0));
        CHECK_FALSE(s.supplement_room.has_value());
    }
    SECTION("food does not use up the room: the UL is for supplements only") {
        const auto s = mgcalc::suggest_for_gap(day_with(man_40(), 300.0, 100.0));
        CHECK(s.gap.value() == Approx(20.0));  // 420 - 400
        REQUIRE(s.supplement_room.has_value());
        CHECK(s.supplement_room->value() == Approx(20.0));  // UL room 50 mg, gap 20 mg
    }
    SECTION("a child of 5: RDA 130 mg, UL 110 mg") {
        const auto s = mgcalc::suggest_for_gap(day_with(person(mgcalc::sex::female, 5.0), 100.0));
        CHECK(s.gap.value() == Approx(30.0));
        REQUIRE(s.supplement_room.has_value());
        CHECK(s.supplement_room->value() == Approx(10.0));
    }
    SECTION("a child of 2: RDA 80 mg, UL 65 mg") {
        const auto s = mgcalc::suggest_for_gap(day_with(person(mgcalc::sex::male, 2.0), 60.0));
        CHECK(s.gap.value() == Approx(20.0));
        REQUIRE(s.supplement_room.has_value());
        CHECK(s.supplement_room->value() == Approx(5.0));
    }
    SECTION("any supplemental amount: the room plus it stays within the UL and the room within the gap") {
        int rooms = 0;
        for (double supplemental = 0.0; supplemental <= 400.0; supplemental += 5.0) {
            const mgcalc::evaluation day = day_with(woman_25(), supplemental, 20.0);
            const auto s = mgcalc::suggest_for_gap(day);
            if (!s.supplement_room) continue;
            ++rooms;
            CHECK(s.supplement_room->value() > 0.0);
            CHECK(s.supplement_room->value() <= s.gap.value() + 1e-9);
            CHECK(supplemental + s.supplement_room->value() <= 350.0 + 1e-9);
        }
        CHECK(rooms == 58);  // every supplemental amount from 0 to 285 mg leaves a gap and room under the UL
    }
}

TEST_CASE("suggestion: an infant gets no supplement room and no adult servings", "[suggestion]") {
    // 9 months: Infants 6-12 months, AI 75 mg, no UL established (IOM 1997).
    const mgcalc::evaluation day = day_with(person(mgcalc::sex::female, 0.75), 0.0, 20.0);
    REQUIRE(day.reference.target_kind == mgcalc::target_kind::ai);
    const auto s = mgcalc::suggest_for_gap(day, 5);
    CHECK(s.gap.value() == Approx(55.0));  // the gap is still reported
    CHECK_FALSE(s.supplement_room.has_value());
    CHECK(s.foods.empty());
    // Even with a supplement already logged (flagged by the evaluation): still no room.
    CHECK_FALSE(mgcalc::suggest_for_gap(day_with(person(mgcalc::sex::male, 0.3), 10.0)).supplement_room.has_value());
    // A 1-year-old with the same day has an RDA and a UL, so the checks above can fail.
    const auto toddler = mgcalc::suggest_for_gap(day_with(person(mgcalc::sex::female, 1.0), 0.0, 20.0), 5);
    CHECK(toddler.supplement_room.has_value());
    CHECK(toddler.foods.size() == 5);
}

TEST_CASE("suggestion: foods with unknown or lower-bound magnesium are never suggested", "[suggestion]") {
    const mgcalc::portion ounce{1.0, "oz", 28.35 * g};
    auto table_with_pumpkin_seeds = [&](std::optional<mgcalc::milligrams> pumpkin_seeds) {
        mgcalc::food_table table("test");
        table.add({"12016", "Pumpkin seeds", pumpkin_seeds, {ounce}});
        table.add({"16390", "Peanuts", 176.0 * mg, {ounce}});
        table.add({"19904", "Dark chocolate (lower bound)", 228.0 * mg, {ounce}, "", true});
        table.add({"11458", "Spinach without its cup portion", 87.0 * mg, {ounce}});
        table.add({"16223", "Soymilk, enhanced", std::nullopt, {{1.0, "cup", 243.0 * g}}});  // not curated
        return table;
    };
    const mgcalc::evaluation day = day_with(man_40(), 120.0);  // gap 300 mg

    const auto unknown = mgcalc::suggest_for_gap(day, 10, table_with_pumpkin_seeds(std::nullopt));
    CHECK(ids(unknown) == strings{"16390"});
    // The same table with a value for the pumpkin seeds: they are suggested, first.
    const auto known = mgcalc::suggest_for_gap(day, 10, table_with_pumpkin_seeds(550.0 * mg));
    CHECK(ids(known) == strings{"12016", "16390"});
}

TEST_CASE("suggestion: every curated food is in USDA SR24 with a known value and its serving", "[suggestion]") {
    const mgcalc::gap_suggestions s = mgcalc::suggest_for_gap(day_with(man_40(), 0.0), 100);  // gap 420 mg
    CHECK(s.foods.size() == 28);  // docs/log-evaluation.md lists 28 foods
    std::set<std::string> distinct;
    for (const auto& f : s.foods) {
        distinct.insert(f.item.id);
        REQUIRE(f.item.magnesium_per_100g.has_value());
        CHECK_FALSE(f.item.magnesium_is_lower_bound);
        CHECK(f.item.source == "usda-sr24");
        CHECK(f.magnesium.value() == Approx(f.item.magnesium_per_100g->value() * f.serving.weight.value() / 100.0));
        CHECK(f.magnesium.value() > 0.0);
        CHECK(f.text.find(f.item.description) != std::string::npos);
    }
    CHECK(distinct.size() == s.foods.size());
    // Largest first when none closes the gap.
    for (std::size_t i = 1; i < s.foods.size(); ++i) CHECK(s.foods[i - 1].magnesium >= s.foods[i].magnesium);
}

TEST_CASE("suggestion: the count limits the foods, and a larger count only extends the list", "[suggestion]") {
    const mgcalc::evaluation day = day_with(woman_25(), 200.0);  // gap 110 mg
    CHECK(mgcalc::suggest_for_gap(day, 0).foods.empty());
    CHECK(mgcalc::suggest_for_gap(day, 0).supplement_room.has_value());
    CHECK(mgcalc::suggest_for_gap(day, 1).foods.size() == 1);
    CHECK(mgcalc::suggest_for_gap(day, 7).foods.size() == 7);
    // Gap 110 mg: 20137 quinoa 118.4, 16015 black beans 120.4, 11148 chard 150.5 are the smallest that close it.
    CHECK(ids(mgcalc::suggest_for_gap(day)) == strings{"20137", "16015", "11148"});
    // The ranking does not depend on the count: the first five of seven are the five.
    strings seven = ids(mgcalc::suggest_for_gap(day, 7));
    REQUIRE(seven.size() == 7);
    CHECK(strings(seven.begin(), seven.begin() + 5) == ids(mgcalc::suggest_for_gap(day, 5)));
    CHECK(std::set<std::string>(seven.begin(), seven.end()).size() == 7);  // no food twice
    CHECK(ids(mgcalc::suggest_for_gap(day, 5)) == ids(mgcalc::suggest_for_gap(day, 5, mgcalc::usda_sr24())));
}

TEST_CASE("suggestion: foods already eaten that day are not suggested", "[suggestion]") {
    const mgcalc::food_database& sr24 = mgcalc::usda_sr24();
    const mgcalc::food banana = sr24.at(*sr24.find("09040"));  // 27 mg/100 g, source usda-sr24
    // 118 g banana (31.86 mg) + 250 mg glycinate: gap 310 - 281.86 = 28.14 mg. The smallest curated
    // servings that close it: 09040 banana 31.86, 16222 soymilk 16 x 2.43 = 38.88, 01117 yogurt
    // 17 x 2.45 = 41.65, 09037 avocado 29 x 1.5 = 43.5 mg.
    auto suggested_after = [&](const mgcalc::food& eaten) {
        mgcalc::day_intake day;
        day.add_food(eaten, 118.0 * g).add_supplement({mgcalc::get_compound("glycinate"), 250.0 * mg});
        return ids(mgcalc::suggest_for_gap(mgcalc::evaluate(day, woman_25())));
    };
    // Another food with the same magnesium shows what would be suggested otherwise.
    const mgcalc::food other{"other", "Other fruit", 27.0 * mg, {}, "test"};
    CHECK(suggested_after(other) == strings{"09040", "16222", "01117"});
    // The banana itself, by id and source ...
    CHECK(suggested_after(banana) == strings{"16222", "01117", "09037"});
    mgcalc::food renamed = banana;
    renamed.description = "My banana";
    CHECK(suggested_after(renamed) == strings{"16222", "01117", "09037"});
    // ... or the same food from another database, by its description.
    const mgcalc::food from_csv{"b-1", "Bananas, raw", 27.0 * mg, {}, "csv"};
    CHECK(suggested_after(from_csv) == strings{"16222", "01117", "09037"});
    const mgcalc::food upper_case{"b-1", "BANANAS, RAW", 27.0 * mg, {}, "csv"};
    CHECK(suggested_after(upper_case) == strings{"16222", "01117", "09037"});
    // The same id in another source with another description is another food.
    const mgcalc::food same_id_elsewhere{"09040", "Plantain chips", 27.0 * mg, {}, "csv"};
    CHECK(suggested_after(same_id_elsewhere) == strings{"09040", "16222", "01117"});
}

TEST_CASE("suggestion: no whole nuts or seeds for children under 4", "[suggestion]") {
    const strings whole_nuts_and_seeds{"12016", "12078", "12006", "12061", "12085", "16390"};
    auto suggested_at = [&](double years) {
        // Nothing eaten: every curated food is a candidate (count 100).
        const strings found = ids(mgcalc::suggest_for_gap(day_with(person(mgcalc::sex::male, years), 0.0), 100));
        return std::set<std::string>(found.begin(), found.end());
    };
    for (double years : {1.0, 2.0, 3.99}) {
        INFO(years << " years");
        const std::set<std::string> found = suggested_at(years);
        CHECK(found.size() == 22);  // 28 curated foods less the 6 whole nuts and seeds
        for (const std::string& id : whole_nuts_and_seeds) CHECK(found.count(id) == 0);
        CHECK(found.count("16398") == 1);  // peanut butter is not a whole nut
    }
    // From the 4th birthday they are suggested like any food.
    const std::set<std::string> four = suggested_at(4.0);
    CHECK(four.size() == 28);
    for (const std::string& id : whole_nuts_and_seeds) CHECK(four.count(id) == 1);
}

TEST_CASE("suggestion: a note says once that servings are adult household measures", "[suggestion]") {
    using Catch::Matchers::Contains;
    const mgcalc::gap_suggestions adult = mgcalc::suggest_for_gap(day_with(woman_25(), 260.0));
    REQUIRE_FALSE(adult.foods.empty());
    CHECK(adult.note == "Servings are adult household measures (USDA SR24 portions); a child's serving is smaller.");
    for (const auto& f : adult.foods) CHECK_THAT(f.text, !Contains("adult"));  // said once, not per food

    const mgcalc::gap_suggestions toddler = mgcalc::suggest_for_gap(day_with(person(mgcalc::sex::female, 2.0), 0.0));
    CHECK_THAT(toddler.note, Contains("adult household measures") && Contains("Whole nuts and seeds are left out") &&
                                 Contains("under 4 years") && Contains("American Academy of Pediatrics"));
    CHECK_THAT(mgcalc::suggest_for_gap(day_with(person(mgcalc::sex::female, 4.0), 0.0)).note,
               !Contains("nuts"));

    // No foods suggested, nothing to note: a met target, an infant, a count of 0.
    CHECK(mgcalc::suggest_for_gap(day_with(woman_25(), 310.0)).note.empty());
    CHECK(mgcalc::suggest_for_gap(day_with(person(mgcalc::sex::female, 0.75), 0.0, 20.0)).note.empty());
    CHECK(mgcalc::suggest_for_gap(day_with(woman_25(), 260.0), 0).note.empty());
}
