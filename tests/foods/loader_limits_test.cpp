// The loaders' plausibility checks name the file and line of the value, and a CSV that holds a
// NUL byte is a binary file (docs/reliability.md). Each fixture is a tests/data file changed in
// one value, read through the loaders' text overloads.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/loaders.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <string>

namespace {

using mgcalc_test::read_file;

const std::string data_dir = MGCALC_TEST_DATA_DIR;

std::optional<mgcalc::error> error_of(const std::function<void()>& load) {
    try {
        load();
    } catch (const mgcalc::error& e) {
        return e;
    }
    return std::nullopt;
}

/// `text` with its first `from` replaced by `to` (the fixture must hold it).
std::string changed(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("loaders: a magnesium value over the limit names its file and line", "[loaders][hardening]") {
    // 250,000 mg per 100 g was invalid_amount "fdc: food '171688' has magnesium ...", with
    // neither file nor line.
    const std::string fdc = data_dir + "/fdc/";
    const std::string food = read_file(fdc + "food.csv"), portion = read_file(fdc + "food_portion.csv"),
                      nutrient = read_file(fdc + "nutrient.csv"), unit = read_file(fdc + "measure_unit.csv");
    const std::string food_nutrient = changed(read_file(fdc + "food_nutrient.csv"), "\"9100001\",\"171688\",\"1090\",\"5\"",
                                              "\"9100001\",\"171688\",\"1090\",\"250000\"");
    const auto e = error_of([&] {
        mgcalc::load_fdc_csv(mgcalc::fdc_csv_texts{food, food_nutrient, portion, nutrient, unit}, "fdc-folder");
    });
    REQUIRE(e);
    CHECK(e->code() == mgcalc::errc::malformed_file);
    CHECK_THAT(std::string(e->what()), Catch::Contains("fdc-folder/food_nutrient.csv:3: field 'amount': '250000' is 250000 mg "
                                                       "of magnesium per 100 g, more than the 100000 mg"));

    const std::string sr28 = data_dir + "/sr28/";
    const std::string nut_data = changed(read_file(sr28 + "NUT_DATA.txt"), "~01001~^~304~^2^", "~01001~^~304~^200000^");
    const auto s = error_of([&] {
        mgcalc::load_sr28(mgcalc::sr28_texts{read_file(sr28 + "FOOD_DES.txt"), nut_data, read_file(sr28 + "WEIGHT.txt")},
                          "sr28-folder");
    });
    REQUIRE(s);
    CHECK(s->code() == mgcalc::errc::malformed_file);
    CHECK_THAT(std::string(s->what()), Catch::Contains("sr28-folder/NUT_DATA.txt:") &&
                                           Catch::Contains("'200000' mg of magnesium per 100 g is more than"));
}

TEST_CASE("loaders: a recipe whose yield makes it denser than magnesium names its row", "[loaders][hardening]") {
    // 440 g of granola weighed as 0.000001 g holds more magnesium per 100 g than the pure metal.
    const std::string text = changed(read_file(data_dir + "/custom/recipes.csv"), "recipe,granola,\"Granola, homemade\",,10,servings,440,",
                                     "recipe,granola,\"Granola, homemade\",,10,servings,0.000001,");
    const mgcalc::food_catalog ingredients;
    const auto e = error_of([&] { mgcalc::load_food_csv(text, "recipes.csv", ingredients); });
    REQUIRE(e);
    CHECK(e->code() == mgcalc::errc::malformed_file);
    CHECK_THAT(std::string(e->what()), Catch::StartsWith("[mgcalc.malformed_file] recipes.csv:4: ") &&
                                           Catch::Contains("mg per 100 g"));
}

TEST_CASE("loaders: a NUL byte in a CSV is a binary file, not text", "[loaders][hardening]") {
    // "Protein\0bar" loaded, and the text report wrote the NUL out.
    std::string text = "kind,id,description,magnesium_mg_per_100g,quantity,measure,grams,food\nfood,bar,Protein";
    text += '\0';
    text += "bar,40,,,,\n";
    const mgcalc::food_catalog ingredients;
    const auto e = error_of([&] { mgcalc::load_food_csv(text, "bars.csv", ingredients); });
    REQUIRE(e);
    CHECK(e->code() == mgcalc::errc::malformed_file);
    CHECK_THAT(std::string(e->what()), Catch::Contains("bars.csv:2: field 'description': a NUL byte (0x00), so this looks "
                                                       "like a binary file"));
}
