// The loaders of mgcalc/foods/loaders.hpp from texts held in memory: for every fixture, good or
// bad, the text overload gives the same foods as the file version, or the same error, naming the
// same file and line. The fuzz targets (fuzz/) read through these overloads, so what they
// cover is what the file loaders do.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/database.hpp>
#include <mgcalc/foods/loaders.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using database_ptr = std::shared_ptr<const mgcalc::food_database>;
using mgcalc_test::read_file;

const std::string data_dir = MGCALC_TEST_DATA_DIR;

/// A loader's outcome: every food and portion written out, or the error's code, text and place.
std::string outcome(const std::function<database_ptr()>& load) {
    std::string out;
    try {
        const database_ptr database = load();
        out = "source " + std::string(database->source()) + "\n";
        for (std::size_t i = 0; i < database->size(); ++i) {
            const mgcalc::food item = database->at(i);
            out += item.source + ":" + item.id + " '" + item.description + "' " +
                   (item.magnesium_per_100g ? std::to_string(item.magnesium_per_100g->value()) : "unknown") + "\n";
            for (const mgcalc::portion& p : item.portions)
                out += "  " + std::to_string(p.amount) + " " + p.measure + " = " + std::to_string(p.weight.value()) + " g\n";
        }
    } catch (const mgcalc::error& e) {
        out = "error [" + std::string(mgcalc::to_string(e.code())) + "] " + e.what() + " @ " + e.where().file + ":" +
              std::to_string(e.where().line);
    }
    return out;
}

/// The folders of tests/data/bad/ whose name starts with `prefix` and that hold every file.
std::vector<std::string> folders(std::string_view prefix, std::string_view must_hold) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(data_dir + "/bad")) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix) && fs::exists(entry.path() / must_hold)) found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace

TEST_CASE("load_fdc_csv from texts: the same foods and errors as from the folder", "[loaders][text]") {
    std::vector<std::string> dirs = folders("fdc-", "food_portion.csv");
    dirs.push_back(data_dir + "/fdc");
    CHECK(dirs.size() >= 7);
    for (const std::string& dir : dirs) {
        INFO(dir);
        const std::string food = read_file(dir + "/food.csv"), nutrients = read_file(dir + "/food_nutrient.csv"),
                          portions = read_file(dir + "/food_portion.csv"), nutrient = read_file(dir + "/nutrient.csv"),
                          units = read_file(dir + "/measure_unit.csv");
        const std::string from_folder = outcome([&] { return mgcalc::load_fdc_csv(dir); });
        CHECK(outcome([&] { return mgcalc::load_fdc_csv({food, nutrients, portions, nutrient, units}, dir); }) ==
              from_folder);
    }
    // The good folder loads, and a bad one names its file and line.
    CHECK(outcome([&] { return mgcalc::load_fdc_csv(data_dir + "/fdc"); }).starts_with("source fdc"));
    CHECK_THAT(outcome([&] { return mgcalc::load_fdc_csv(data_dir + "/bad/fdc-non-numeric"); }),
               Catch::Matchers::Contains("fdc-non-numeric/food_nutrient.csv:3: field 'amount'"));
}

TEST_CASE("load_sr28 from texts: the same foods and errors as from the folder", "[loaders][text]") {
    std::vector<std::string> dirs = folders("sr28-", "WEIGHT.txt");
    dirs.push_back(data_dir + "/sr28");
    CHECK(dirs.size() >= 4);
    for (const std::string& dir : dirs) {
        INFO(dir);
        const std::string food_des = read_file(dir + "/FOOD_DES.txt"), nut_data = read_file(dir + "/NUT_DATA.txt"),
                          weight = read_file(dir + "/WEIGHT.txt");
        const std::string from_folder = outcome([&] { return mgcalc::load_sr28(dir); });
        CHECK(outcome([&] { return mgcalc::load_sr28({food_des, nut_data, weight}, dir); }) == from_folder);
    }
    CHECK(outcome([&] { return mgcalc::load_sr28(data_dir + "/sr28"); }).starts_with("source sr28"));
    CHECK_THAT(outcome([&] { return mgcalc::load_sr28(data_dir + "/bad/sr28-short-record"); }),
               Catch::Matchers::Contains("sr28-short-record/"));
}

TEST_CASE("load_food_csv from text: the same foods and errors as from the file", "[loaders][text]") {
    const mgcalc::food_catalog catalog;
    std::vector<std::string> files{std::string(MGCALC_DATA_DIR) + "/examples/custom-foods.csv"};
    for (const std::string& dir : {data_dir + "/custom", data_dir + "/custom/errors"}) {
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file()) files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    CHECK(files.size() >= 30);
    std::size_t errors = 0;
    for (const std::string& file : files) {
        INFO(file);
        const std::string from_file = outcome([&] { return mgcalc::load_food_csv(file, catalog); });
        CHECK(outcome([&] { return mgcalc::load_food_csv(read_file(file), file, catalog); }) == from_file);
        if (from_file.starts_with("error")) {
            ++errors;
            CHECK_THAT(from_file, Catch::Matchers::Contains(file + ":"));
        }
    }
    CHECK(errors >= 25);  // tests/data/custom/errors/: each file one error
}
