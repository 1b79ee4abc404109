// Tests for mgcalc/foods/catalog.hpp: layered databases, SOURCE:ID references, plain-id
// ambiguity, unknown ids and merged search.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/catalog.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

using namespace mgcalc::unit_symbols;
using Catch::Matchers::Contains;

namespace {

std::shared_ptr<const mgcalc::food_database> table(std::string source, std::initializer_list<mgcalc::food> foods) {
    auto t = std::make_shared<mgcalc::food_table>(std::move(source));
    for (const mgcalc::food& f : foods) t->add(f);
    return t;
}

mgcalc::food make_food(std::string id, std::string description, std::optional<double> magnesium) {
    mgcalc::food f{std::move(id), std::move(description), std::nullopt};
    if (magnesium) f.magnesium_per_100g = *magnesium * mg;
    return f;
}

using mgcalc_test::thrown_by;

}  // namespace

TEST_CASE("food_catalog: the default catalog is the embedded USDA SR24 data", "[food_catalog]") {
    const mgcalc::food_catalog catalog;
    REQUIRE(catalog.databases().size() == 1);
    CHECK(catalog.databases().front() == &mgcalc::usda_sr24());

    // data/usda-sr24/PROVENANCE.md worked values: 12014 pumpkin seed kernels, dried, 592 mg/100 g.
    const mgcalc::food by_source = catalog.get("usda-sr24:12014");
    CHECK(by_source.id == "12014");
    CHECK(by_source.description == "Seeds, pumpkin and squash seed kernels, dried");
    CHECK(by_source.source == "usda-sr24");
    REQUIRE(by_source.magnesium_per_100g);
    CHECK(by_source.magnesium_per_100g->value() == Approx(592.0));

    const mgcalc::food plain = catalog.get("12014");
    CHECK(plain.description == by_source.description);
    CHECK(plain.portions.size() == by_source.portions.size());
    CHECK(catalog.get(" 12014 ").id == "12014");  // surrounding blanks are not part of an id

    CHECK(catalog.find("usda-sr24:12016")->description ==
          "Seeds, pumpkin and squash seed kernels, roasted, without salt");
    CHECK_FALSE(catalog.find("usda-sr24:99999").has_value());
}

TEST_CASE("food_catalog: layers are listed and resolved top first", "[food_catalog]") {
    auto sr = table("usda-sr24", {make_food("12014", "Pumpkin seeds (stand-in for SR24)", 592)});
    auto fdc = table("fdc", {make_food("167537", "Pumpkin seeds, FDC", 550)});
    auto csv = table("csv", {make_food("my-granola", "Granola, homemade", 229)});

    mgcalc::food_catalog catalog = mgcalc::food_catalog::empty();
    CHECK(catalog.databases().empty());
    catalog.add(sr);
    catalog.add(fdc);
    catalog.add(csv);
    const auto layers = catalog.databases();
    REQUIRE(layers.size() == 3);
    CHECK(layers[0] == csv.get());
    CHECK(layers[1] == fdc.get());
    CHECK(layers[2] == sr.get());

    CHECK(catalog.get("csv:my-granola").description == "Granola, homemade");
    CHECK(catalog.get("fdc:167537").description == "Pumpkin seeds, FDC");
    CHECK(catalog.get("usda-sr24:12014").description == "Pumpkin seeds (stand-in for SR24)");
    // A plain id found in exactly one layer resolves to it.
    CHECK(catalog.get("my-granola").source == "csv");
    CHECK(catalog.get("167537").source == "fdc");
    // SOURCE:ID looks only in that source.
    CHECK_FALSE(catalog.find("fdc:my-granola").has_value());
}

TEST_CASE("food_catalog: an id containing ':' is a plain id unless its prefix is a loaded source", "[food_catalog]") {
    mgcalc::food_catalog catalog = mgcalc::food_catalog::empty();
    catalog.add(table("csv", {make_food("brand:oat-drink", "Oat drink", 40), make_food("fdc:1", "Odd id", 1)}));
    CHECK(catalog.get("brand:oat-drink").description == "Oat drink");      // 'brand' is no source
    CHECK(catalog.get("csv:brand:oat-drink").description == "Oat drink");  // split on the first ':'
    // No 'fdc' layer is loaded, so "fdc:1" is a plain id here.
    CHECK(catalog.get("fdc:1").description == "Odd id");
}

TEST_CASE("food_catalog: a plain id in several layers is ambiguous and lists the SOURCE:ID forms", "[food_catalog]") {
    mgcalc::food_catalog catalog;  // embedded SR24 ...
    catalog.add(table("sr28", {make_food("12014", "Seeds, pumpkin and squash seed kernels, dried (SR28)", 592)}));

    const mgcalc::error e = thrown_by([&] { (void)catalog.get("12014"); });
    CHECK(e.code() == mgcalc::errc::ambiguous_food);
    CHECK_THAT(e.what(), Contains("[mgcalc.ambiguous_food]"));
    CHECK_THAT(e.what(), Contains("'12014' is in 2 loaded databases"));
    CHECK_THAT(e.what(), Contains("sr28:12014 (Seeds, pumpkin and squash seed kernels, dried (SR28))"));
    CHECK_THAT(e.what(), Contains("usda-sr24:12014 (Seeds, pumpkin and squash seed kernels, dried)"));
    CHECK_THAT(e.what(), Contains("SOURCE:ID"));
    // The non-throwing twin still refuses to guess.
    CHECK_THROWS_AS(catalog.find("12014"), mgcalc::error);
    // Either form resolves.
    CHECK(catalog.get("sr28:12014").source == "sr28");
    CHECK(catalog.get("usda-sr24:12014").source == "usda-sr24");
}

TEST_CASE("food_catalog: layers sharing a source name are searched top first", "[food_catalog]") {
    mgcalc::food_catalog catalog = mgcalc::food_catalog::empty();
    catalog.add(table("csv", {make_food("bar", "Bar from the first file", 100), make_food("only-first", "First", 1)}));
    catalog.add(table("csv", {make_food("bar", "Bar from the second file", 90)}));
    CHECK(catalog.get("csv:bar").description == "Bar from the second file");
    CHECK(catalog.get("csv:only-first").description == "First");  // falls through to the lower csv layer

    const mgcalc::error e = thrown_by([&] { (void)catalog.get("bar"); });
    CHECK(e.code() == mgcalc::errc::ambiguous_food);
    CHECK_THAT(e.what(), Contains("csv:bar (Bar from the second file)"));
    CHECK_THAT(e.what(), Contains("SOURCE:ID picks the one added last"));
}

TEST_CASE("food_catalog: an unknown reference names the sources searched", "[food_catalog]") {
    mgcalc::food_catalog catalog;
    catalog.add(table("csv", {make_food("my-granola", "Granola, homemade", 229)}));

    CHECK_FALSE(catalog.find("no-such-food").has_value());
    CHECK_FALSE(catalog.find("csv:12014").has_value());
    CHECK_FALSE(catalog.find("").has_value());

    const mgcalc::error plain = thrown_by([&] { (void)catalog.get("no-such-food"); });
    CHECK(plain.code() == mgcalc::errc::unknown_food);
    CHECK_THAT(plain.what(), Contains("no food with id 'no-such-food'"));
    CHECK_THAT(plain.what(), Contains("searched csv, usda-sr24"));
    CHECK_THAT(plain.what(), Contains("mgcalc foods search"));

    const mgcalc::error sourced = thrown_by([&] { (void)catalog.get("usda-sr24:99999"); });
    CHECK(sourced.code() == mgcalc::errc::unknown_food);
    CHECK_THAT(sourced.what(), Contains("no food with id '99999' in the loaded 'usda-sr24' database"));

    // A well-known source that is not loaded is named as such.
    const mgcalc::error not_loaded = thrown_by([&] { (void)catalog.get("fdc:167537"); });
    CHECK(not_loaded.code() == mgcalc::errc::unknown_food);
    CHECK_THAT(not_loaded.what(), Contains("'fdc' is not a loaded database"));
    CHECK_THAT(not_loaded.what(), Contains("--food-db fdc:DIR"));

    // A description typed where an id belongs gets the closest descriptions to copy.
    const mgcalc::error described = thrown_by([&] { (void)catalog.get("pumpkin seeds"); });
    CHECK(described.code() == mgcalc::errc::unknown_food);
    CHECK_THAT(described.what(), Contains("closest descriptions: usda-sr24:"));

    const mgcalc::error none = thrown_by([] { (void)mgcalc::food_catalog::empty().get("12014"); });
    CHECK(none.code() == mgcalc::errc::unknown_food);
    CHECK_THAT(none.what(), Contains("no food database is loaded"));
}

TEST_CASE("food_catalog: search merges the layers, upper layers win ties", "[food_catalog]") {
    auto lower = table("fdc", {make_food("1", "Granola, homemade", 229), make_food("2", "Oats, rolled", 138)});
    auto upper = table("csv", {make_food("my-granola", "Granola, homemade", 229)});
    mgcalc::food_catalog catalog = mgcalc::food_catalog::empty();
    catalog.add(lower);
    catalog.add(upper);

    const auto matches = catalog.search("granola", 10);
    REQUIRE(matches.size() == 2);
    // The same description scores the same in both layers: the upper layer comes first.
    CHECK(matches[0].score == matches[1].score);
    CHECK(matches[0].database == upper.get());
    CHECK(matches[0].database->id(matches[0].index) == "my-granola");
    CHECK(matches[1].database == lower.get());

    // Deterministic, and the limit applies to the merged list.
    const auto again = catalog.search("granola", 10);
    REQUIRE(again.size() == matches.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
        CHECK(again[i].database == matches[i].database);
        CHECK(again[i].index == matches[i].index);
    }
    CHECK(catalog.search("granola", 1).size() == 1);
    CHECK(catalog.search("granola", 0).empty());
    CHECK(catalog.search("", 10).empty());
}

TEST_CASE("food_catalog: search over the embedded data with a custom layer on top", "[food_catalog]") {
    mgcalc::food_catalog catalog;
    catalog.add(table("csv", {make_food("my-seeds", "Seeds, pumpkin, my own roast", 560)}));
    const auto matches = catalog.search("pumpkin seeds", 20);
    REQUIRE_FALSE(matches.empty());
    bool saw_custom = false, saw_embedded = false;
    for (std::size_t i = 0; i < matches.size(); ++i) {
        if (i > 0) CHECK(matches[i - 1].score >= matches[i].score);  // best first across layers
        saw_custom = saw_custom || matches[i].database->source() == "csv";
        saw_embedded = saw_embedded || matches[i].database == &mgcalc::usda_sr24();
    }
    CHECK(saw_custom);
    CHECK(saw_embedded);
}

TEST_CASE("food_catalog: recipe:ID names a recipe in whichever layer holds it", "[food_catalog]") {
    // Reports print a food as SOURCE:ID from its food::source, which is "recipe" for recipes,
    // while the database that holds them is a "csv" layer.
    mgcalc::food granola = make_food("my-granola", "Granola, homemade", 229);
    granola.source = "recipe";
    mgcalc::food_catalog catalog;
    catalog.add(table("csv", {granola, make_food("my-bar", "Protein bar", 120)}));

    CHECK(catalog.get("recipe:my-granola").description == "Granola, homemade");
    CHECK(catalog.get("csv:my-granola").description == "Granola, homemade");
    CHECK_FALSE(catalog.find("recipe:my-bar").has_value());  // a food, not a recipe

    const mgcalc::error e = thrown_by([&] { (void)catalog.get("recipe:my-bar"); });
    CHECK(e.code() == mgcalc::errc::unknown_food);
    CHECK_THAT(e.what(), Contains("no loaded database has a recipe with id 'my-bar'"));
}
