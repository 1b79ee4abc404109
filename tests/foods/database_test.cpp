// Tests for mgcalc/foods/database.hpp: the embedded USDA SR24 database (usda_sr24()) and the
// in-memory food_table.
//
// The embedded data are checked three ways: the counts PROVENANCE.md states, its worked values row
// by row, and a full cross-check against data/usda-sr24/*.csv re-read here at test time with a
// reader independent of the build-time generator (src/generate/embed_usda_sr24.cpp).
#include <mgcalc/error.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/foods/database.hpp>

#include "detail/text.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <fast_float/fast_float.h>

#include <charconv>
#include <fstream>
#include <iterator>
#include <memory>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

using namespace mgcalc::unit_symbols;

namespace {

const std::string data_dir = MGCALC_DATA_DIR;

/// A whole RFC 4180 file (https://www.rfc-editor.org/rfc/rfc4180) as rows of fields. Strict and
/// small on purpose: it is the test's own oracle, not the generator's code.
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\n') {
            row.push_back(std::move(field));
            rows.push_back(std::move(row));
            field.clear();
            row.clear();
            field_started = false;
        } else if (c != '\r') {
            field += c;
            field_started = true;
        }
    }
    if (quoted) throw std::runtime_error(path + ": unterminated quoted field");
    if (field_started || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

/// The double a decimal text denotes, correctly rounded: read with fast_float directly, not through
/// the library's parsers under test (std::from_chars for double is missing from libc++).
double parse(const std::string& text) {
    double value = std::numeric_limits<double>::quiet_NaN();
    const auto [end, ec] = fast_float::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) throw std::runtime_error("not a number: " + text);
    return value;
}

const mgcalc::food& food_by_id(std::string_view id) {
    // Built once per id for the worked-value tests below.
    static std::map<std::string, mgcalc::food, std::less<>> cache;
    auto found = cache.find(id);
    if (found == cache.end()) {
        const auto index = mgcalc::usda_sr24().find(id);
        if (!index) throw std::runtime_error("no food " + std::string(id));
        found = cache.emplace(std::string(id), mgcalc::usda_sr24().at(*index)).first;
    }
    return found->second;
}

const mgcalc::portion& portion_of(const mgcalc::food& item, double amount, std::string_view measure) {
    for (const mgcalc::portion& p : item.portions) {
        if (p.amount == amount && p.measure == measure) return p;
    }
    throw std::runtime_error("food " + item.id + " has no portion " + std::to_string(amount) + " " +
                             std::string(measure));
}

std::string one_decimal(mgcalc::milligrams amount) { return mgcalc::detail::format_number(amount.value(), 1); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// The embedded USDA SR24 database
// ---------------------------------------------------------------------------------------------

TEST_CASE("food_database: usda_sr24 has the counts PROVENANCE.md states", "[food_database]") {
    const mgcalc::food_database& db = mgcalc::usda_sr24();
    CHECK(db.source() == "usda-sr24");
    REQUIRE(db.size() == 7907);  // PROVENANCE.md: foods.csv, 7,907 rows

    std::size_t unknown = 0;
    std::size_t analysed_zero = 0;
    std::size_t portions = 0;
    for (std::size_t i = 0; i < db.size(); ++i) {
        const auto value = db.magnesium_per_100g(i);
        if (!value) ++unknown;
        else if (value->value() == 0.0) ++analysed_zero;
        portions += db.at(i).portions.size();
    }
    CHECK(unknown == 679);         // PROVENANCE.md: "Empty = not analysed (679 foods)"
    CHECK(analysed_zero == 195);   // foods.csv rows whose value is 0.0: analysed, and zero
    CHECK(portions == 13817);      // PROVENANCE.md: portions.csv, 13,817 rows
}

TEST_CASE("food_database: usda_sr24 keeps unknown magnesium unknown, never 0", "[food_database]") {
    const mgcalc::food_database& db = mgcalc::usda_sr24();
    // foods.csv line 164: "01188,KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce," (empty value).
    const auto cheese_sauce = db.find("01188");
    REQUIRE(cheese_sauce);
    CHECK(db.description(*cheese_sauce) == "KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce");
    CHECK_FALSE(db.magnesium_per_100g(*cheese_sauce).has_value());
    const mgcalc::food item = db.at(*cheese_sauce);
    CHECK_FALSE(item.magnesium_per_100g.has_value());
    CHECK_FALSE(mgcalc::magnesium_in(item, 100.0 * g).has_value());

    // foods.csv line 4: "01003,"Butter oil, anhydrous",0.0": analysed, and zero.
    const auto butter_oil = db.find("01003");
    REQUIRE(butter_oil);
    REQUIRE(db.magnesium_per_100g(*butter_oil).has_value());
    CHECK(db.magnesium_per_100g(*butter_oil)->value() == 0.0);
}

TEST_CASE("food_database: usda_sr24 ids keep their leading zeros", "[food_database]") {
    const mgcalc::food_database& db = mgcalc::usda_sr24();
    const auto butter = db.find("01001");
    REQUIRE(butter);
    CHECK(*butter == 0);  // the smallest NDB number comes first
    CHECK(db.id(*butter) == "01001");
    CHECK(db.description(*butter) == "Butter, salted");
    CHECK(db.at(*butter).id == "01001");
    CHECK_FALSE(db.find("1001").has_value());
    CHECK_FALSE(db.find("001001").has_value());
    CHECK_FALSE(db.find("01001 ").has_value());
    CHECK_FALSE(db.find("").has_value());
    CHECK_FALSE(db.find("99999").has_value());
    CHECK_FALSE(db.find("00000").has_value());
}

TEST_CASE("food_database: usda_sr24 is sorted by id and find() inverts id()", "[food_database]") {
    const mgcalc::food_database& db = mgcalc::usda_sr24();
    REQUIRE(db.size() > 0);
    std::size_t out_of_order = 0;
    std::size_t not_found_at_own_index = 0;
    for (std::size_t i = 0; i < db.size(); ++i) {
        if (i > 0 && !(db.id(i - 1) < db.id(i))) ++out_of_order;
        if (db.find(db.id(i)) != i) ++not_found_at_own_index;
    }
    CHECK(out_of_order == 0);
    CHECK(not_found_at_own_index == 0);
    CHECK(db.id(db.size() - 1) == "93600");  // the largest NDB number of foods.csv
}

TEST_CASE("food_database: usda_sr24 reproduces the PROVENANCE.md worked values", "[food_database]") {
    // data/usda-sr24/PROVENANCE.md, "Worked values": mg per 100 g x portion grams / 100.
    SECTION("Quinoa, cooked: 64 mg/100 g, 1 cup = 185 g -> 118.4 mg") {
        const mgcalc::food& quinoa = food_by_id("20137");
        CHECK(quinoa.description == "Quinoa, cooked");
        REQUIRE(quinoa.magnesium_per_100g);
        CHECK(quinoa.magnesium_per_100g->value() == 64.0);
        const mgcalc::portion& cup = portion_of(quinoa, 1.0, "cup");
        CHECK(cup.weight.value() == 185.0);
        CHECK(mgcalc::magnesium_in(quinoa, cup.weight)->value() == Approx(118.4));
        CHECK(one_decimal(*mgcalc::magnesium_in(quinoa, cup.weight)) == "118.4");
    }
    SECTION("Pumpkin and squash seed kernels, dried: 592 mg/100 g, 1 cup = 129 g -> 763.7 mg") {
        const mgcalc::food& seeds = food_by_id("12014");
        CHECK(seeds.description == "Seeds, pumpkin and squash seed kernels, dried");
        REQUIRE(seeds.magnesium_per_100g);
        CHECK(seeds.magnesium_per_100g->value() == 592.0);
        const mgcalc::portion& cup = portion_of(seeds, 1.0, "cup");
        CHECK(cup.weight.value() == 129.0);
        CHECK(mgcalc::magnesium_in(seeds, cup.weight)->value() == Approx(763.68));
        CHECK(one_decimal(*mgcalc::magnesium_in(seeds, cup.weight)) == "763.7");
    }
    SECTION("Tofu, firm, nigari: 37 mg/100 g, the file's 0.5 cup = 126 g, so 1 cup = 252 g -> 93.2 mg") {
        const mgcalc::food& tofu = food_by_id("16126");
        CHECK(tofu.description == "Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)");
        REQUIRE(tofu.magnesium_per_100g);
        CHECK(tofu.magnesium_per_100g->value() == 37.0);
        const mgcalc::portion& half_cup = portion_of(tofu, 0.5, "cup");  // portions.csv: 16126,0.5,cup,126.0
        CHECK(half_cup.weight.value() == 126.0);
        const mgcalc::grams one_cup = half_cup.weight / half_cup.amount;
        CHECK(one_cup.value() == 252.0);
        CHECK(mgcalc::magnesium_in(tofu, one_cup)->value() == Approx(93.24));
        CHECK(one_decimal(*mgcalc::magnesium_in(tofu, one_cup)) == "93.2");
    }
}

TEST_CASE("food_database: usda_sr24 at() builds the whole food with its portions in file order", "[food_database]") {
    const mgcalc::food& butter = food_by_id("01001");
    CHECK(butter.source == "usda-sr24");
    CHECK_FALSE(butter.magnesium_is_lower_bound);
    REQUIRE(butter.portions.size() == 4);
    // portions.csv lines 2-5; line 4 is RFC 4180-quoted with doubled quotes:
    // 01001,1.0,"pat (1"" sq, 1/3"" high)",5.0
    CHECK(butter.portions[0].measure == "cup");
    CHECK(butter.portions[0].weight.value() == 227.0);
    CHECK(butter.portions[1].measure == "tbsp");
    CHECK(butter.portions[1].weight.value() == 14.2);
    CHECK(butter.portions[2].measure == "pat (1\" sq, 1/3\" high)");
    CHECK(butter.portions[2].amount == 1.0);
    CHECK(butter.portions[2].weight.value() == 5.0);
    CHECK(butter.portions[3].measure == "stick");

    // Leading white space in a description is the file's and is kept (foods.csv, 08624).
    const auto cereal = mgcalc::usda_sr24().find("08624");
    REQUIRE(cereal);
    CHECK(mgcalc::usda_sr24().description(*cereal) == " Cereals ready-to-eat, QUAKER, CAP'N CRUNCH'S Homerun Crunch Cereal");
}

TEST_CASE("food_database: usda_sr24 rejects an index past the end", "[food_database]") {
    const mgcalc::food_database& db = mgcalc::usda_sr24();
    CHECK_THROWS_AS(db.id(db.size()), std::out_of_range);
    CHECK_THROWS_AS(db.description(db.size()), std::out_of_range);
    CHECK_THROWS_AS(db.magnesium_per_100g(db.size()), std::out_of_range);
    CHECK_THROWS_AS(db.at(db.size()), std::out_of_range);
    CHECK_NOTHROW(db.at(db.size() - 1));
}

TEST_CASE("food_database: usda_sr24 matches data/usda-sr24/*.csv food by food and portion by portion",
          "[food_database]") {
    const mgcalc::food_database& db = mgcalc::usda_sr24();
    const auto foods = read_csv(data_dir + "/usda-sr24/foods.csv");
    const auto portions = read_csv(data_dir + "/usda-sr24/portions.csv");
    REQUIRE(foods.size() == 7907 + 1);  // with the header
    REQUIRE(portions.size() == 13817 + 1);
    REQUIRE(foods.front() == std::vector<std::string>{"ndb_no", "description", "magnesium_mg_per_100g"});
    REQUIRE(portions.front() == std::vector<std::string>{"ndb_no", "amount", "measure", "grams"});
    CHECK(db.size() == foods.size() - 1);

    // Every difference is collected; the first few are shown if the check fails.
    std::vector<std::string> differences;
    const auto differ = [&](const std::string& what) { differences.push_back(what); };

    std::map<std::string, std::vector<mgcalc::portion>> expected_portions;
    for (std::size_t line = 2; line <= portions.size(); ++line) {
        const auto& row = portions[line - 1];
        if (row.size() != 4) {
            differ("portions.csv:" + std::to_string(line) + ": not 4 fields");
            continue;
        }
        expected_portions[row[0]].push_back(
            mgcalc::portion{parse(row[1]), row[2], mgcalc::grams::from_value(parse(row[3]))});
    }

    std::size_t compared_portions = 0;
    for (std::size_t line = 2; line <= foods.size(); ++line) {
        const auto& row = foods[line - 1];
        const std::string where = "foods.csv:" + std::to_string(line) + " (" + (row.empty() ? "" : row[0]) + "): ";
        if (row.size() != 3) {
            differ(where + "not 3 fields");
            continue;
        }
        const auto index = db.find(row[0]);
        if (!index) {
            differ(where + "not found");
            continue;
        }
        if (db.id(*index) != row[0]) differ(where + "id() is '" + std::string(db.id(*index)) + "'");
        if (db.description(*index) != row[1]) differ(where + "description() is '" + std::string(db.description(*index)) + "'");
        const auto magnesium = db.magnesium_per_100g(*index);
        if (row[2].empty()) {
            if (magnesium) differ(where + "unknown in the file, " + std::to_string(magnesium->value()) + " embedded");
        } else if (!magnesium) {
            differ(where + row[2] + " in the file, unknown embedded");
        } else if (magnesium->value() != parse(row[2])) {  // exact: the same double as the text
            differ(where + row[2] + " in the file, " + std::to_string(magnesium->value()) + " embedded");
        }

        const mgcalc::food item = db.at(*index);
        if (item.id != row[0] || item.description != row[1] || item.source != "usda-sr24" ||
            item.magnesium_per_100g.has_value() != magnesium.has_value() ||
            (magnesium && item.magnesium_per_100g->value() != magnesium->value())) {
            differ(where + "at() differs from the accessors");
        }
        const std::vector<mgcalc::portion>& expected = expected_portions[row[0]];
        if (item.portions.size() != expected.size()) {
            differ(where + std::to_string(expected.size()) + " portions in the file, " +
                   std::to_string(item.portions.size()) + " embedded");
            continue;
        }
        for (std::size_t k = 0; k < expected.size(); ++k) {
            const mgcalc::portion& e = expected[k];
            const mgcalc::portion& a = item.portions[k];
            if (a.amount != e.amount || a.measure != e.measure || a.weight.value() != e.weight.value()) {
                differ(where + "portion " + std::to_string(k + 1) + " is " + std::to_string(a.amount) + " '" +
                       a.measure + "' " + std::to_string(a.weight.value()) + " g, the file has " +
                       std::to_string(e.amount) + " '" + e.measure + "' " + std::to_string(e.weight.value()) + " g");
            }
            ++compared_portions;
        }
    }
    // Portions of ids that are not foods: expected_portions gained entries the loop never met.
    if (expected_portions.size() > foods.size() - 1) differ("portions.csv has portions of unknown foods");

    CAPTURE(differences.size());
    for (std::size_t k = 0; k < differences.size() && k < 5; ++k) UNSCOPED_INFO(differences[k]);
    CHECK(differences.empty());
    CHECK(compared_portions == 13817);
}

// ---------------------------------------------------------------------------------------------
// food_table (src/foods/food_table.cpp)
// ---------------------------------------------------------------------------------------------

namespace {

mgcalc::food make_food(std::string id, std::optional<mgcalc::milligrams> magnesium = 10.0 * mg,
                       std::vector<mgcalc::portion> portions = {}) {
    return mgcalc::food{id, "Food " + id, magnesium, std::move(portions)};
}

/// The code of the mgcalc::error `function` throws.
template <class Function>
mgcalc::errc error_code_of(Function&& function) {
    return mgcalc_test::thrown_by(std::forward<Function>(function)).code();
}

}  // namespace

TEST_CASE("food_database: food_table adds, finds and returns foods", "[food_database]") {
    mgcalc::food_table table("csv");
    CHECK(table.source() == "csv");
    CHECK(table.size() == 0);
    CHECK_FALSE(table.find("b").has_value());

    // Added out of id order: find() must still binary-search by id and return the position.
    table.add(make_food("b", 20.0 * mg, {mgcalc::portion{0.5, "cup", 60.0 * g}}));
    table.add(make_food("a", std::nullopt));
    table.add(make_food("c"));
    REQUIRE(table.size() == 3);
    CHECK(table.find("a") == std::optional<std::size_t>(1));
    CHECK(table.find("b") == std::optional<std::size_t>(0));
    CHECK(table.find("c") == std::optional<std::size_t>(2));
    CHECK_FALSE(table.find("d").has_value());
    CHECK_FALSE(table.find("").has_value());

    CHECK(table.id(0) == "b");
    CHECK(table.description(0) == "Food b");
    REQUIRE(table.magnesium_per_100g(0).has_value());
    CHECK(table.magnesium_per_100g(0)->value() == 20.0);
    CHECK_FALSE(table.magnesium_per_100g(1).has_value());  // unknown stays unknown

    const mgcalc::food b = table.at(0);
    CHECK(b.id == "b");
    CHECK(b.source == "csv");  // an empty source is set to the table's
    REQUIRE(b.portions.size() == 1);
    CHECK(b.portions[0].amount == 0.5);
    CHECK(b.portions[0].measure == "cup");
    CHECK(b.portions[0].weight.value() == 60.0);

    CHECK_THROWS_AS(table.at(3), std::out_of_range);
    CHECK_THROWS_AS(table.id(3), std::out_of_range);
}

TEST_CASE("food_database: food_table keeps a food's own source", "[food_database]") {
    mgcalc::food_table table("csv");
    mgcalc::food item = make_food("r1");
    item.source = "recipe";
    table.add(item);
    CHECK(table.at(0).source == "recipe");
}

TEST_CASE("food_database: food_table rejects empty and duplicate ids", "[food_database]") {
    mgcalc::food_table table("csv");
    table.add(make_food("01001"));
    CHECK(error_code_of([&] { table.add(make_food("")); }) == mgcalc::errc::malformed_file);
    CHECK(error_code_of([&] { table.add(make_food("01001")); }) == mgcalc::errc::malformed_file);
    CHECK_THROWS_WITH(table.add(make_food("01001")), Catch::Contains("duplicate") && Catch::Contains("01001"));
    CHECK(table.size() == 1);  // a rejected food is not added
    CHECK_NOTHROW(table.add(make_food("1001")));  // a different id: leading zeros matter
    CHECK(table.size() == 2);
}

TEST_CASE("food_database: food_table rejects negative, NaN and infinite magnesium", "[food_database]") {
    mgcalc::food_table table("csv");
    CHECK(error_code_of([&] { table.add(make_food("neg", -1.0 * mg)); }) == mgcalc::errc::invalid_amount);
    CHECK(error_code_of([&] { table.add(make_food("nan", std::numeric_limits<double>::quiet_NaN() * mg)); }) ==
          mgcalc::errc::invalid_amount);
    CHECK(error_code_of([&] { table.add(make_food("inf", std::numeric_limits<double>::infinity() * mg)); }) ==
          mgcalc::errc::invalid_amount);
    // More than 100 g of magnesium in 100 g of food.
    CHECK(error_code_of([&] { table.add(make_food("big", 100'001.0 * mg)); }) == mgcalc::errc::invalid_amount);
    CHECK(table.size() == 0);
    CHECK_NOTHROW(table.add(make_food("zero", 0.0 * mg)));  // analysed zero is a value
    CHECK_NOTHROW(table.add(make_food("unknown", std::nullopt)));
    CHECK(table.size() == 2);
}

TEST_CASE("food_database: food_table rejects portions without a positive weight and amount", "[food_database]") {
    mgcalc::food_table table("csv");
    const auto with_portion = [](double amount, double weight) {
        return make_food("p", 10.0 * mg, {mgcalc::portion{amount, "cup", weight * g}});
    };
    CHECK(error_code_of([&] { table.add(with_portion(1.0, 0.0)); }) == mgcalc::errc::invalid_amount);
    CHECK(error_code_of([&] { table.add(with_portion(1.0, -5.0)); }) == mgcalc::errc::invalid_amount);
    CHECK(error_code_of([&] { table.add(with_portion(1.0, std::numeric_limits<double>::quiet_NaN())); }) ==
          mgcalc::errc::invalid_amount);
    CHECK(error_code_of([&] { table.add(with_portion(0.0, 100.0)); }) == mgcalc::errc::invalid_amount);
    CHECK(error_code_of([&] { table.add(with_portion(-1.0, 100.0)); }) == mgcalc::errc::invalid_amount);
    CHECK(table.size() == 0);
    CHECK_NOTHROW(table.add(with_portion(0.5, 126.0)));
    CHECK(table.size() == 1);
}

TEST_CASE("food_table: foods added in any id order are all found, in a copy too", "[database][hardening]") {
    // Descending ids were the worst case of the sorted index (an insertion at the front each
    // time); the index now takes any order alike.
    auto table = std::make_unique<mgcalc::food_table>("custom");
    constexpr int count = 20'000;
    for (int i = count; i > 0; --i) {
        table->add(mgcalc::food{"f" + std::to_string(i), "Food " + std::to_string(i), std::nullopt});
    }
    CHECK(table->size() == count);
    for (int i : {1, 2, count / 2, count}) {
        const auto at = table->find("f" + std::to_string(i));
        REQUIRE(at);
        CHECK(table->id(*at) == "f" + std::to_string(i));
    }
    CHECK_FALSE(table->find("f0"));
    CHECK_THROWS_AS(table->add(mgcalc::food{"f7", "again", std::nullopt}), mgcalc::error);

    // A copy's index views its own ids: it outlives the table it was copied from.
    const mgcalc::food_table copy = *table;
    mgcalc::food_table moved = std::move(*table);
    table.reset();
    REQUIRE(copy.find("f123"));
    CHECK(copy.description(*copy.find("f123")) == "Food 123");
    REQUIRE(moved.find("f19999"));
    CHECK(moved.description(*moved.find("f19999")) == "Food 19999");
}
