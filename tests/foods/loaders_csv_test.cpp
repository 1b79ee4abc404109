// Tests for mgcalc's own CSV of custom foods, portions and recipes (load_food_csv in
// mgcalc/foods/loaders.hpp; format in docs/food-data.md). Fixtures: tests/data/custom/.
//
// USDA SR24 values behind the recipe arithmetic (data/usda-sr24/): 08120 oats 138 mg/100 g;
// 12014 pumpkin seeds 592 mg/100 g; 19296 honey 2.0 mg/100 g, 1 tbsp = 21 g; 04678 canola oil
// (Natreon) not analysed for magnesium, 1 tbsp = 14 g.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/loaders.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

using namespace mgcalc::unit_symbols;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string custom_dir = std::string(MGCALC_TEST_DATA_DIR) + "/custom/";

const mgcalc::food_catalog& sr24() {
    static const mgcalc::food_catalog catalog;
    return catalog;
}

std::shared_ptr<const mgcalc::food_database> load(const std::string& name) {
    return mgcalc::load_food_csv(custom_dir + name, sr24());
}

mgcalc::food food_in(const mgcalc::food_database& database, std::string_view id) {
    const auto index = database.find(id);
    REQUIRE(index);
    return database.at(*index);
}

}  // namespace

TEST_CASE("food_loaders_csv: custom foods, quoted fields, portions, unknown magnesium", "[food_loaders_csv]") {
    const auto db = load("foods.csv");
    CHECK(db->source() == "csv");
    CHECK(db->size() == 5);  // comment, blank and all-empty rows are skipped

    const mgcalc::food bar = food_in(*db, "protein-bar");
    CHECK(bar.description == "Protein bar, peanut butter, \"Brand X\" (45 g)");  // comma and doubled quotes
    CHECK(bar.source == "csv");
    REQUIRE(bar.magnesium_per_100g);
    CHECK(bar.magnesium_per_100g->value() == Approx(120.0));
    REQUIRE(bar.portions.size() == 2);
    CHECK(bar.portions[0].amount == 1.0);
    CHECK(bar.portions[0].measure == "bar");
    CHECK(bar.portions[0].weight.value() == Approx(45.0));
    CHECK(bar.portions[1].amount == Approx(0.5));  // written 1/2
    CHECK(bar.portions[1].weight.value() == Approx(22.5));

    // Empty magnesium and the word "unknown" are unknown, never 0; an explicit 0 is a value.
    CHECK_FALSE(food_in(*db, "herbal-tea").magnesium_per_100g.has_value());
    CHECK_FALSE(food_in(*db, "brand:oat-drink").magnesium_per_100g.has_value());
    REQUIRE(food_in(*db, "zero-mg").magnesium_per_100g.has_value());
    CHECK(food_in(*db, "zero-mg").magnesium_per_100g->value() == 0.0);
    CHECK(food_in(*db, "kelp").portions.at(0).measure == "tsp");
}

TEST_CASE("food_loaders_csv: CRLF line ends and a quoted line break", "[food_loaders_csv]") {
    const auto db = load("crlf.csv");
    REQUIRE(db->size() == 2);
    const mgcalc::food bar = food_in(*db, "crlf-bar");
    CHECK(bar.description == "Bar, with \"quotes\", and commas");
    CHECK(bar.portions.at(0).weight.value() == Approx(40.0));
    CHECK(food_in(*db, "crlf-nut").description == "Nut butter\n(two lines)");
    CHECK(food_in(*db, "crlf-nut").portions.at(0).measure == "tbsp");  // no stray '\r'
}

TEST_CASE("food_loaders_csv: columns in any order, a foods-only file needs four", "[food_loaders_csv]") {
    const auto db = load("reordered.csv");  // also starts with a UTF-8 byte order mark
    const mgcalc::food seeds = food_in(*db, "seeds");
    CHECK(seeds.description == "Seed mix");
    CHECK(seeds.magnesium_per_100g->value() == Approx(300.0));
}

TEST_CASE("food_loaders_csv: recipes with yields, servings and an unknown ingredient", "[food_loaders_csv]") {
    const auto db = load("recipes.csv");

    // granola: 300 g oats + 100 g pumpkin seeds + 4 tbsp honey (84 g) = 1007.68 mg; weighed 440 g.
    const mgcalc::food granola = food_in(*db, "granola");
    CHECK(granola.source == "recipe");
    CHECK_FALSE(granola.magnesium_is_lower_bound);
    CHECK(granola.magnesium_per_100g->value() == Approx(229.0181818));  // 1007.68 / 440 x 100
    REQUIRE(granola.portions.size() == 3);
    CHECK(granola.portions[0].measure == "serving");
    CHECK(granola.portions[0].weight.value() == Approx(44.0));  // 440 g / 10 servings
    CHECK(granola.portions[1].measure == "recipe");
    CHECK(granola.portions[2].measure == "cup");  // the portion row after the ingredients
    CHECK(granola.portions[2].weight.value() == Approx(110.0));

    // granola-oil: 300 g oats + 100 g seeds = 1006 mg, plus 3 tbsp (42 g) oil of unknown
    // magnesium: at least 1006 / 442 x 100 = 227.6018 mg per 100 g.
    const mgcalc::food with_oil = food_in(*db, "granola-oil");
    CHECK(with_oil.magnesium_is_lower_bound);
    CHECK(with_oil.magnesium_per_100g->value() == Approx(227.6018100));

    // iced-tea: only an unknown ingredient, so unknown; 2 mugs x 300 g.
    const mgcalc::food tea = food_in(*db, "iced-tea");
    CHECK_FALSE(tea.magnesium_per_100g.has_value());
    CHECK(tea.portions.back().weight.value() == Approx(600.0));

    // snack-box: 1 bar (45 g, 54 mg) + 1 cup granola (110 g, 251.92 mg) + 50 g granola-oil
    // (113.8009 mg, a lower bound) = 419.7209 mg in 205 g; 2 servings of 102.5 g.
    const mgcalc::food box = food_in(*db, "snack-box");
    CHECK(box.magnesium_is_lower_bound);  // inherited from granola-oil
    CHECK(box.magnesium_per_100g->value() == Approx(204.7419).epsilon(1e-6));
    CHECK(box.portions.at(0).measure == "serving");
    CHECK(box.portions.at(0).weight.value() == Approx(102.5));
}

TEST_CASE("food_loaders_csv: the shipped example loads and layers over the embedded data", "[food_loaders_csv]") {
    const auto db =
        mgcalc::load_food_database("csv:" + std::string(MGCALC_DATA_DIR) + "/examples/custom-foods.csv", sr24());
    mgcalc::food_catalog catalog;
    catalog.add(db);
    // docs/food-data.md: 1007.68 mg in 440 g, at least 229.0 mg per 100 g; a serving is 44 g.
    const mgcalc::food granola = catalog.get("csv:my-granola");
    CHECK(granola.magnesium_is_lower_bound);
    CHECK(granola.magnesium_per_100g->value() == Approx(229.0181818));
    CHECK(granola.portions.at(0).weight.value() == Approx(44.0));
    CHECK(catalog.get("my-protein-bar").magnesium_per_100g->value() == Approx(120.0));
    CHECK_FALSE(catalog.get("csv:my-herbal-tea").magnesium_per_100g.has_value());
    CHECK(catalog.get("12014").source == "usda-sr24");
}

TEST_CASE("food_loaders_csv: load_food_database accepts fdc:DIR, sr28:DIR and csv:FILE only", "[food_loaders_csv]") {
    auto error_of = [](std::string_view spec) {
        try {
            (void)mgcalc::load_food_database(spec, sr24());
        } catch (const mgcalc::error& e) {
            return e;
        }
        FAIL("expected mgcalc::error for " << spec);
        return mgcalc::error(mgcalc::errc::parse_error, "");
    };
    for (std::string_view spec : {"xml:foods.xml", "foods.csv", "csv:", "fdc:  ", ":foods.csv"}) {
        CAPTURE(spec);
        const mgcalc::error e = error_of(spec);
        CHECK(e.code() == mgcalc::errc::parse_error);
        CHECK_THAT(e.what(), Contains("expected fdc:DIR (a FoodData Central CSV folder), sr28:DIR"));
        CHECK_THAT(e.what(), Contains("csv:FILE"));
    }
    // A csv: spec reaches the CSV loader, which names the file it cannot open.
    const mgcalc::error missing = error_of("csv:" + custom_dir + "no-such-file.csv");
    CHECK(missing.code() == mgcalc::errc::malformed_file);
    CHECK_THAT(missing.what(), Contains("no-such-file.csv: cannot open"));
    // fdc: and sr28: reach their loaders, which also report a folder they cannot read.
    CHECK_THROWS_AS(mgcalc::load_food_database("fdc:" + custom_dir + "no-such-folder", sr24()), mgcalc::error);
    CHECK_THROWS_AS(mgcalc::load_food_database("sr28:" + custom_dir + "no-such-folder", sr24()), mgcalc::error);
}

TEST_CASE("food_loaders_csv: every error names the file, line and field, and what was expected", "[food_loaders_csv]") {
    struct error_case {
        const char* file;
        int line;
        const char* field;     // "field 'NAME'" or "field N"
        const char* says;      // what was wrong
        const char* expected;  // what would be accepted
    };
    // clang-format off
    const error_case cases[] = {
        {"empty.csv", 1, "", "the file is empty", "expected a header row naming the columns kind, id"},
        {"unknown-column.csv", 1, "field 'magnesium'", "not a column of mgcalc CSV",
         "expected the columns kind, id, description, magnesium_mg_per_100g, quantity, measure, grams, food"},
        {"empty-column-name.csv", 1, "field 3", "the header names no column here",
         "expected the columns kind, id, description"},
        {"duplicate-column.csv", 1, "field 'Grams'", "named twice in the header", "expected each column once"},
        {"missing-kind-column.csv", 1, "field 'kind'", "missing from the header", "expected the columns kind, id"},
        {"unknown-kind.csv", 3, "field 'kind'", "'fod' is not a row kind",
         "expected one of food, portion, recipe, ingredient"},
        {"empty-kind.csv", 2, "field 'kind'", "is empty", "expected one of food, portion, recipe, ingredient"},
        {"duplicate-id.csv", 3, "field 'id'", "'bar' is already defined on line 2",
         "expected an id unique in the file"},
        {"empty-id.csv", 2, "field 'id'", "is empty", "expected an id for this food"},
        {"empty-description.csv", 2, "field 'description'", "is empty", "expected the food's name"},
        {"bad-magnesium.csv", 2, "field 'magnesium_mg_per_100g'", "'12 mg' is not accepted",
         "expected mg of magnesium per 100 g from 0 to 100000"},
        {"negative-magnesium.csv", 2, "field 'magnesium_mg_per_100g'", "'-3' is not accepted",
         "or an empty field when the value is unknown (never 0 for unknown)"},
        {"missing-magnesium-column.csv", 2, "field 'magnesium_mg_per_100g'", "the header (line 1) has no",
         "expected mg of magnesium per 100 g, or an empty field when unknown"},
        {"food-with-grams.csv", 2, "field 'grams'", "'45' is not used on a food row",
         "expected an empty field"},
        {"portion-unknown-food.csv", 3, "field 'id'", "no food or recipe 'bars' is defined above in this file",
         "expected the id of a food or recipe row above this one"},
        {"portion-zero-grams.csv", 3, "field 'grams'", "'0' is not accepted", "expected the gram weight"},
        {"portion-no-measure.csv", 3, "field 'measure'", "is empty", "expected the household measure"},
        {"portion-bad-quantity.csv", 3, "field 'quantity'", "'a few' is not accepted",
         "expected how many of the measure the weight is for, e.g. 1, 0.5 or 1/2"},
        {"portion-missing-grams-column.csv", 3, "field 'grams'", "the header (line 1) has no 'grams' column",
         "expected the gram weight"},
        {"recipe-no-ingredients.csv", 2, "field 'id'", "recipe 'mix' has no ingredient rows",
         "expected 'ingredient' rows with id mix directly below the recipe row"},
        {"recipe-bad-yield.csv", 2, "field 'grams'", "'-5' is not accepted",
         "expected the weight of the finished dish"},
        {"recipe-zero-servings.csv", 2, "field 'quantity'", "'0' is not accepted",
         "expected the number of servings the dish makes"},
        {"recipe-bad-measure.csv", 2, "field 'measure'", "'bars' is not accepted on a recipe row",
         "expected 'servings'"},
        {"recipe-with-magnesium.csv", 2, "field 'magnesium_mg_per_100g'", "'250' is not used on a recipe row",
         "computed from its ingredients); expected an empty field"},
        {"ingredient-without-recipe.csv", 3, "field 'id'", "ingredient of 'mix', but no recipe is being read",
         "expected ingredient rows directly below their recipe row"},
        {"ingredient-after-portion.csv", 5, "field 'id'", "ingredient of 'mix', but recipe 'mix' ended at line 4",
         "expected ingredient rows directly below their recipe row"},
        {"ingredient-unknown-food.csv", 3, "field 'food'",
         "not a food defined above in this file, and no food with id 'no-such-food'",
         "expected SOURCE:ID or a plain id"},
        {"ingredient-no-amount.csv", 3, "field 'grams'", "is empty, and so are quantity and measure",
         "expected the ingredient's amount in grams, or a quantity and measure"},
        {"ingredient-grams-and-measure.csv", 3, "field 'quantity'", "'1' is not used on an ingredient row",
         "the amount is given in grams); expected an empty field"},
        {"ingredient-quantity-without-measure.csv", 3, "field 'measure'", "is empty",
         "expected the measure of the quantity"},
        {"ingredient-unknown-measure.csv", 3, "field 'measure'", "bunch", "cup"},
        {"ingredient-zero-grams.csv", 3, "field 'grams'", "'0' is not accepted", "expected a positive weight in grams"},
        {"ingredient-itself.csv", 3, "field 'food'", "'mix' is the recipe being defined",
         "expected a different food (a recipe cannot contain itself)"},
        {"too-many-fields.csv", 2, "field 9", "the row has 9 fields but the header has 8 columns",
         "put a value that holds a comma in double quotes"},
        {"unterminated-quote.csv", 3, "field 'description'", "unterminated quoted field", "expected"},
    };
    // clang-format on
    for (const error_case& c : cases) {
        const std::string path = custom_dir + "errors/" + c.file;
        CAPTURE(c.file);
        try {
            (void)mgcalc::load_food_csv(path, sr24());
            FAIL_CHECK("no error for " << c.file);
        } catch (const mgcalc::error& e) {
            CHECK(e.code() == mgcalc::errc::malformed_file);
            const std::string where = "[mgcalc.malformed_file] " + path + ":" + std::to_string(c.line) + ": " +
                                      c.field + (*c.field ? ": " : "");
            CHECK_THAT(e.what(), StartsWith(where));
            CHECK(e.where().file == path);  // the same place, as fields
            CHECK(e.where().line == static_cast<std::size_t>(c.line));
            CHECK_THAT(e.what(), Contains(c.says));
            CHECK_THAT(e.what(), Contains(c.expected));
        }
    }
}

TEST_CASE("food_loaders_csv: a plain ingredient id in several databases is an error", "[food_loaders_csv]") {
    auto other = std::make_shared<mgcalc::food_table>("sr28");
    other->add(mgcalc::food{"12014", "Seeds, pumpkin (SR28)", 592.0 * mg});
    mgcalc::food_catalog catalog;
    catalog.add(other);
    const std::string path = custom_dir + "errors/ingredient-ambiguous-food.csv";
    try {
        (void)mgcalc::load_food_csv(path, catalog);
        FAIL("expected an error");
    } catch (const mgcalc::error& e) {
        CHECK(e.code() == mgcalc::errc::malformed_file);
        CHECK_THAT(e.what(), StartsWith("[mgcalc.malformed_file] " + path + ":3: field 'food': "));
        CHECK_THAT(e.what(), Contains("sr28:12014"));
        CHECK_THAT(e.what(), Contains("usda-sr24:12014"));
    }
}
