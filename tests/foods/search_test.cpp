// Tests for <mgcalc/foods/search.hpp>: the quality of the ranking on everyday queries against the
// embedded USDA SR24 database, and each rule of the search on small tables written for the test.
#include <mgcalc/foods/search.hpp>

#include "cases/search_queries.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace {

using mgcalc::food_search;

/// A table of foods with only ids and descriptions.
mgcalc::food_table table_of(std::initializer_list<std::pair<std::string_view, std::string_view>> foods) {
    mgcalc::food_table table("test");
    for (const auto& [id, description] : foods) {
        mgcalc::food item;
        item.id = std::string(id);
        item.description = std::string(description);
        table.add(std::move(item));
    }
    return table;
}

/// The descriptions of the results, best first.
std::vector<std::string> found(const food_search& search, std::string_view query, std::size_t limit = 10) {
    std::vector<std::string> descriptions;
    for (const mgcalc::food_match& m : search.search(query, limit)) {
        descriptions.emplace_back(search.database().description(m.index));
    }
    return descriptions;
}

std::string first(const food_search& search, std::string_view query) {
    const std::vector<std::string> all = found(search, query, 1);
    return all.empty() ? std::string("(nothing)") : all.front();
}

/// `marked` ranks below `plain` for `query` in a table of the two, though it is listed first so
/// that the id order would favour it.
void check_below(std::string_view marked, std::string_view plain, std::string_view query) {
    const auto table = table_of({{"1", marked}, {"2", plain}});
    const food_search search(table);
    INFO("query '" << query << "'");
    CHECK(found(search, query) == std::vector<std::string>{std::string(plain), std::string(marked)});
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        if (space != 0) words.push_back(text.substr(0, space));
        if (space == std::string_view::npos) break;
        text.remove_prefix(space + 1);
    }
    return words;
}

/// How many queries of `cases` have one of their expected foods in the top 5; each miss is
/// reported with the top 5 it got, through `on_miss`.
template <typename OnMiss>
std::size_t right_in_top_5(const food_search& search, std::span<const mgcalc_bench::search_case> cases,
                           OnMiss&& on_miss) {
    const mgcalc::food_database& database = search.database();
    std::size_t right = 0;
    for (const mgcalc_bench::search_case& c : cases) {
        const std::vector<std::string_view> expected = words_of(c.expected);
        std::ostringstream top;
        bool hit = false;
        for (const mgcalc::food_match& m : search.search(c.query, 5)) {
            const std::string_view id = database.id(m.index);
            hit = hit || std::find(expected.begin(), expected.end(), id) != expected.end();
            top << "\n  " << id << " " << database.description(m.index) << " (" << m.score << ")";
        }
        if (hit) {
            ++right;
        } else {
            on_miss(c, top.str());
        }
    }
    return right;
}

}  // namespace

TEST_CASE("food_search: the query sets name real foods", "[food_search]") {
    const mgcalc::food_database& database = mgcalc::usda_sr24();
    for (const auto& cases : {std::span<const mgcalc_bench::search_case>(mgcalc_bench::search_cases),
                              std::span<const mgcalc_bench::search_case>(mgcalc_bench::held_out_cases)}) {
        for (const mgcalc_bench::search_case& c : cases) {
            INFO("query '" << c.query << "'");
            CHECK_FALSE(words_of(c.expected).empty());
            for (const std::string_view id : words_of(c.expected)) {
                INFO("expected id " << id);
                CHECK(database.find(id));
            }
        }
    }
}

TEST_CASE("food_search: everyday queries find the food a person means in the top 5", "[food_search]") {
    // The set and how it was made: tests/cases/search_queries.hpp. bench/search_bench.cpp measures the
    // same set with SQLite FTS5 (docs/performance.md).
    const food_search& search = mgcalc::usda_sr24_search();
    REQUIRE(search.database().size() == 7907);
    REQUIRE(std::size(mgcalc_bench::search_cases) >= 30);
    const std::size_t right = right_in_top_5(search, mgcalc_bench::search_cases, [](const auto& c, const std::string& top) {
        FAIL_CHECK("query '" << c.query << "' expects one of " << c.expected << "; top 5:" << top);
    });
    CHECK(right == std::size(mgcalc_bench::search_cases));
}

TEST_CASE("food_search: the held-out queries stay above a floor", "[food_search]") {
    // Not used to set the weights (tests/cases/search_queries.hpp): a guard against tuning that only
    // fits the first set. All 42 were right when the weights were fixed; the floor leaves room
    // for a reasonable change of rules to lose a few.
    const food_search& search = mgcalc::usda_sr24_search();
    std::ostringstream misses;
    const std::size_t right = right_in_top_5(search, mgcalc_bench::held_out_cases, [&](const auto& c, const std::string& top) {
        misses << "\nquery '" << c.query << "' expects one of " << c.expected << "; top 5:" << top;
    });
    INFO(right << " of " << std::size(mgcalc_bench::held_out_cases) << " right" << misses.str());
    CHECK(right * 10 >= std::size(mgcalc_bench::held_out_cases) * 9);
}

TEST_CASE("food_search: word order does not matter", "[food_search]") {
    const auto table = table_of({{"1", "Fish, sunfish, pumpkin seed, raw"},
                                 {"2", "Seeds, pumpkin and squash seed kernels, dried"},
                                 {"3", "Pumpkin, raw"}});
    const food_search search(table);
    CHECK(first(search, "pumpkin seeds") == "Seeds, pumpkin and squash seed kernels, dried");
    CHECK(first(search, "seeds pumpkin") == "Seeds, pumpkin and squash seed kernels, dried");
    CHECK(found(search, "pumpkin seeds") == found(search, "seeds pumpkin"));
    CHECK(found(search, "pumpkin seeds").size() == 2);  // every word must match: not "Pumpkin, raw"
}

TEST_CASE("food_search: plural and singular meet", "[food_search]") {
    const auto table = table_of({{"1", "Berries, mixed"},
                                 {"2", "Tomatoes, red, raw"},
                                 {"3", "Grape leaves, raw"},
                                 {"4", "Peaches, raw"},
                                 {"5", "Cookies, oatmeal"},
                                 {"6", "Olives, ripe"},
                                 {"7", "Radish, raw"},
                                 {"8", "Quiche lorraine"},
                                 {"9", "Loaf, meat"},
                                 {"10", "Seed, chia"},
                                 {"11", "Chard, swiss, raw"},
                                 {"12", "Hummus, commercial"},
                                 {"13", "Peas, green, raw"},
                                 {"14", "Pies, apple"}});
    const food_search search(table);
    for (const auto& [query, expected] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
             {"berry", "Berries, mixed"},       {"berries", "Berries, mixed"},
             {"tomato", "Tomatoes, red, raw"},  {"tomatoes", "Tomatoes, red, raw"},
             {"grape leaf", "Grape leaves, raw"}, {"peach", "Peaches, raw"},
             {"cookie", "Cookies, oatmeal"},     {"cookies", "Cookies, oatmeal"},
             {"olive", "Olives, ripe"},          {"radishes", "Radish, raw"},
             {"quiches", "Quiche lorraine"},     {"loaves", "Loaf, meat"},
             {"chia seeds", "Seed, chia"},       {"swiss", "Chard, swiss, raw"},
             {"hummus", "Hummus, commercial"},   {"pea", "Peas, green, raw"},
             {"pie apple", "Pies, apple"}}) {
        INFO("query '" << query << "'");
        // A space at the end: the word is complete, so this is folding, not autocomplete.
        CHECK(first(search, std::string(query) + " ") == expected);
    }
}

TEST_CASE("food_search: the last word may be unfinished, the others may not", "[food_search]") {
    const auto table = table_of({{"1", "Pumpkin, raw"},
                                 {"2", "Seeds, pumpkin and squash seed kernels, dried"},
                                 {"3", "Eggplant, raw"},
                                 {"4", "Egg, whole, raw, fresh"}});
    const food_search search(table);
    CHECK(first(search, "pumpk") == "Pumpkin, raw");
    CHECK(first(search, "PUMPK") == "Pumpkin, raw");
    CHECK(first(search, "pumpkin se") == "Seeds, pumpkin and squash seed kernels, dried");
    // Only the last word completes; a space after it finishes it. (Three letters: "pumpk" would
    // be a typo two letters from "pumpkin", which the typo rule reads as pumpkin.)
    CHECK(found(search, "pum seeds").empty());
    CHECK(found(search, "pum ").empty());
    // A word typed in full ranks above a longer word it begins.
    CHECK(found(search, "egg") == std::vector<std::string>{"Egg, whole, raw, fresh", "Eggplant, raw"});
}

TEST_CASE("food_search: empty, wordless and unknown queries find nothing", "[food_search]") {
    const food_search& search = mgcalc::usda_sr24_search();
    CHECK(search.search("").empty());
    CHECK(search.search("   ").empty());
    CHECK(search.search(", ; - ()").empty());
    CHECK(search.search("xyzzyplugh").empty());
    CHECK(search.search("spinach xyzzyplugh").empty());  // every word must match
    CHECK(search.search("spinach", 0).empty());
}

TEST_CASE("food_search: at most `limit` results, best first", "[food_search]") {
    const food_search& search = mgcalc::usda_sr24_search();
    const std::vector<mgcalc::food_match> ten = search.search("spinach");
    REQUIRE(ten.size() == 10);  // the default limit
    CHECK(search.search("spinach", 3).size() == 3);
    CHECK(search.search("spinach", 100000).size() > 10);
    CHECK(std::is_sorted(ten.begin(), ten.end(), [](const auto& a, const auto& b) { return a.score > b.score; }));
    // The first three of ten are the three of three.
    const std::vector<mgcalc::food_match> three = search.search("spinach", 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(three[i].index == ten[i].index);
    CHECK(search.database().id(ten[0].index) == "11457");  // Spinach, raw
}

TEST_CASE("food_search: brand names, baby foods, restaurant foods and mixed dishes rank lower", "[food_search]") {
    // Each pair differs only in what marks the first as a kind people rarely mean.
    check_below("KRAFT, cheddar", "Cheese, cheddar", "cheddar");          // ALL-CAPS brand
    check_below("McDONALD'S, cheddar", "Cheese, cheddar", "cheddar");     // brand in mixed case
    check_below("Babyfood, apple", "Fruit, apple", "apple");
    check_below("Infant formula, soy", "Legumes, soy", "soy");
    check_below("Fast foods, potato", "Vegetables, potato", "potato");
    check_below("Restaurant, potato", "Vegetables, potato", "potato");
    check_below("Soup, lentil", "Legumes, lentil", "lentil");
    check_below("Pasta with lentils", "Lentils, boiled", "lentils");      // a dish named by "with"
    check_below("Chili & lentils", "Chili, lentils", "lentils");         // or by "&"
    check_below("Lentils, canned entree", "Lentils, canned legume", "lentils");
    check_below("Coffee, instant", "Coffee, brewed", "coffee");           // concentrated forms
    // Marked foods are still found, first when nothing else matches.
    const auto table = table_of({{"1", "KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce"}, {"2", "Cheese, swiss"}});
    const food_search search(table);
    CHECK(first(search, "cheez whiz") == "KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce");
    CHECK(found(search, "cheese").size() == 2);
}

TEST_CASE("food_search: the plain form ranks first", "[food_search]") {
    const auto table = table_of({{"1", "Spinach, frozen"}, {"2", "Spinach, raw"}, {"3", "Yogurt, vanilla"}, {"4", "Yogurt, plain"}});
    const food_search search(table);
    CHECK(first(search, "spinach") == "Spinach, raw");
    CHECK(first(search, "yogurt") == "Yogurt, plain");
}

TEST_CASE("food_search: the form people eat: cooked beans, grains, pasta, meat and fish, brewed coffee",
          "[food_search]") {
    // Raw is listed first, so that the id order would favour it.
    const auto table = table_of({{"1", "Beans, black, mature seeds, raw"},
                                 {"2", "Beans, black, mature seeds, cooked, boiled"},
                                 {"3", "Quinoa, uncooked"},
                                 {"4", "Quinoa, cooked"},
                                 {"5", "Coffee, brewed, espresso"},
                                 {"6", "Coffee, brewed from grounds"},
                                 {"7", "Salmon, sockeye, canned"},
                                 {"8", "Fish, salmon, sockeye, cooked, dry heat"},
                                 {"9", "Fish, salmon, sockeye, raw"},
                                 {"10", "Spinach, raw"},
                                 {"11", "Spinach, cooked, boiled"},
                                 {"12", "Lentils, sprouted, cooked"},
                                 {"13", "Lentils, mature seeds, cooked, boiled"}});
    const food_search search(table);
    CHECK(first(search, "black beans") == "Beans, black, mature seeds, cooked, boiled");
    CHECK(first(search, "quinoa") == "Quinoa, cooked");
    CHECK(first(search, "coffee") == "Coffee, brewed from grounds");  // espresso only when named
    CHECK(first(search, "salmon") == "Fish, salmon, sockeye, cooked, dry heat");  // not canned
    CHECK(first(search, "lentils") == "Lentils, mature seeds, cooked, boiled");  // not sprouted
    // Unless the words ask for the raw, dry, uncooked, canned or concentrated form.
    CHECK(first(search, "raw black beans") == "Beans, black, mature seeds, raw");
    CHECK(first(search, "uncooked quinoa") == "Quinoa, uncooked");
    CHECK(first(search, "espresso") == "Coffee, brewed, espresso");
    CHECK(first(search, "canned salmon") == "Salmon, sockeye, canned");
    CHECK(first(search, "raw salmon") == "Fish, salmon, sockeye, raw");
    // Spinach is eaten raw and cooked: the plain form stays first.
    CHECK(first(search, "spinach") == "Spinach, raw");
}

TEST_CASE("food_search: the food ranks above products made from it, unless they are named", "[food_search]") {
    const auto table = table_of({{"1", "Oil, flaxseed, cold pressed"},
                                 {"2", "Seeds, flaxseed"},
                                 {"3", "Nuts, cashew butter, plain"},
                                 {"4", "Nuts, cashew nuts, dry roasted"},
                                 {"5", "Candies, milk chocolate, with almonds"},
                                 {"6", "Nuts, almonds"},
                                 {"7", "Rice flour, brown"},
                                 {"8", "Rice, brown, long-grain, cooked"}});
    const food_search search(table);
    CHECK(first(search, "flaxseed") == "Seeds, flaxseed");
    CHECK(first(search, "cashews") == "Nuts, cashew nuts, dry roasted");
    CHECK(first(search, "almonds") == "Nuts, almonds");
    CHECK(first(search, "brown rice") == "Rice, brown, long-grain, cooked");
    CHECK(first(search, "flaxseed oil") == "Oil, flaxseed, cold pressed");
    CHECK(first(search, "cashew butter") == "Nuts, cashew butter, plain");
    CHECK(first(search, "brown rice flour") == "Rice flour, brown");
    // Nothing else has both words: the candy is still found, but the query does not name it.
    const std::vector<mgcalc::food_match> almond_milk = search.search("almond milk");
    REQUIRE(almond_milk.size() == 1);
    CHECK(search.database().description(almond_milk[0].index) == "Candies, milk chocolate, with almonds");
    CHECK_FALSE(almond_milk[0].evidence.names_the_food);
    CHECK(search.search("flaxseed")[0].evidence.names_the_food);
}

TEST_CASE("food_search: milk is cow's milk unless another animal is named", "[food_search]") {
    const auto table = table_of({{"1", "Milk, goat, fluid"}, {"2", "Milk, sheep, fluid"}, {"3", "Milk, whole, 3.25% milkfat"}});
    const food_search search(table);
    CHECK(first(search, "milk") == "Milk, whole, 3.25% milkfat");
    CHECK(first(search, "goat milk") == "Milk, goat, fluid");
}

TEST_CASE("food_search: typos of one or two letters in words of five letters or more", "[food_search]") {
    const auto table = table_of({{"1", "Spinach, raw"}, {"2", "Nuts, almonds"}, {"3", "Broccoli, raw"}, {"4", "Kale, raw"}});
    const food_search search(table);
    std::vector<mgcalc::word_reading> readings;
    const std::vector<mgcalc::food_match> spinch = search.search("spinch", 5, readings);  // a letter missing
    REQUIRE(spinch.size() == 1);
    CHECK(search.database().description(spinch[0].index) == "Spinach, raw");
    CHECK(spinch[0].evidence.corrected);
    REQUIRE(readings.size() == 1);
    CHECK(readings[0] == mgcalc::word_reading{"spinch", "spinach", mgcalc::word_reading::kind_of_reading::typo});
    CHECK(first(search, "almnods") == "Nuts, almonds");  // two letters swapped
    CHECK(first(search, "brocolli") == "Broccoli, raw");  // two letters wrong
    CHECK(first(search, "spinach")[0] == 'S');
    CHECK_FALSE(search.search("spinach")[0].evidence.corrected);
    // Words shorter than five letters are not corrected ("kael"), nor words three letters away.
    CHECK(found(search, "kael").empty());
    CHECK(found(search, "spnch").empty() == false);  // five letters, two away from "spinach"
    CHECK(found(search, "spnh").empty());
    CHECK(found(search, "brcli").empty());  // three letters away
}

TEST_CASE("food_search: common names are read as USDA writes the food", "[food_search]") {
    const auto table = table_of({{"1", "Cookies, oatmeal, commercially prepared"},
                                 {"2", "Cereals, oats, regular and quick, dry"},
                                 {"3", "Cereals, oats, regular and quick, cooked with water"},
                                 {"4", "Spaghetti, cooked, enriched"},
                                 {"5", "Yogurt, plain, low fat"}});
    const food_search search(table);
    std::vector<mgcalc::word_reading> readings;
    const std::vector<mgcalc::food_match> oatmeal = search.search("oatmeal", 5, readings);
    REQUIRE_FALSE(oatmeal.empty());
    // Oatmeal is oats cooked: the cooked cereal, not the cookie, and not the dry oats.
    CHECK(search.database().description(oatmeal[0].index) == "Cereals, oats, regular and quick, cooked with water");
    CHECK(oatmeal[0].evidence.common_name);
    CHECK(std::find(readings.begin(), readings.end(),
                    mgcalc::word_reading{"oatmeal", "oat", mgcalc::word_reading::kind_of_reading::common_name}) !=
          readings.end());
    CHECK(first(search, "oatmeal cookies") == "Cookies, oatmeal, commercially prepared");
    CHECK(first(search, "pasta") == "Spaghetti, cooked, enriched");
    CHECK(first(search, "yoghurt") == "Yogurt, plain, low fat");
}

TEST_CASE("food_search: a proper name in parentheses and the skin alone rank lower", "[food_search]") {
    check_below("Hazelnuts, beaked (Northern Plains Indians)", "Nuts, hazelnuts or filberts", "hazelnuts");
    check_below("Blueberries, wild, raw (Alaska Native)", "Blueberries, raw", "blueberries");
    check_below("Potatoes, baked, skin", "Potatoes, baked, flesh and skin", "potato");
    // Lower-case parentheses are details, not names: only the capitalised one ranks lower.
    check_below("Chickpeas, cooked (Navajo)", "Chickpeas, cooked (with salt)", "chickpeas");
}

TEST_CASE("food_search: the food named first outranks a food made of it", "[food_search]") {
    const auto table = table_of({{"1", "Milk shakes, chocolate"}, {"2", "Milk, cow, fluid"}});
    const food_search search(table);
    CHECK(first(search, "milk") == "Milk, cow, fluid");
}

TEST_CASE("food_search: USDA's one-word names match two typed words", "[food_search]") {
    const auto table = table_of({{"1", "Nuts, brazilnuts, dried"}, {"2", "Soymilk, original"}, {"3", "Nuts, almonds"}});
    const food_search search(table);
    CHECK(first(search, "brazil nuts") == "Nuts, brazilnuts, dried");
    CHECK(first(search, "brazil nu") == "Nuts, brazilnuts, dried");
    CHECK(first(search, "soy milk") == "Soymilk, original");
}

TEST_CASE("food_search: case, apostrophes, punctuation and connecting words are ignored", "[food_search]") {
    const auto table = table_of({{"1", "McDONALD'S, Hamburger"},
                                 {"2", "Macaroni and Cheese, canned entree"},
                                 {"3", "Chickpeas (garbanzo beans, bengal gram), mature seeds, raw"}});
    const food_search search(table);
    CHECK(first(search, "mcdonalds hamburger") == "McDONALD'S, Hamburger");
    CHECK(first(search, "McDonald's") == "McDONALD'S, Hamburger");
    CHECK(first(search, "macaroni with cheese") == "Macaroni and Cheese, canned entree");  // "with" is not required
    CHECK(first(search, "macaroni & cheese") == "Macaroni and Cheese, canned entree");
    CHECK(first(search, "GARBANZO-beans") == "Chickpeas (garbanzo beans, bengal gram), mature seeds, raw");
}

TEST_CASE("food_search: equal scores are ordered by id, whatever the database order", "[food_search]") {
    const auto forward = table_of({{"a", "Apples, raw"}, {"b", "Apples, raw"}, {"c", "Apples, raw"}});
    const auto backward = table_of({{"c", "Apples, raw"}, {"b", "Apples, raw"}, {"a", "Apples, raw"}});
    for (const mgcalc::food_table* table : {&forward, &backward}) {
        const food_search search(*table);
        const std::vector<mgcalc::food_match> matches = search.search("apple");
        REQUIRE(matches.size() == 3);
        CHECK(table->id(matches[0].index) == "a");
        CHECK(table->id(matches[1].index) == "b");
        CHECK(table->id(matches[2].index) == "c");
    }
}

TEST_CASE("food_search: the same query gives the same answer, from any thread", "[food_search]") {
    const auto answer = [](std::string_view query) {
        std::vector<std::size_t> indexes;
        for (const mgcalc::food_match& m : mgcalc::usda_sr24_search().search(query, 20)) indexes.push_back(m.index);
        return indexes;
    };
    const std::vector<std::size_t> milk = answer("milk");
    const std::vector<std::size_t> pumpkin = answer("pumpkin se");
    std::atomic<int> differences{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                if (answer("milk") != milk || answer("pumpkin se") != pumpkin) ++differences;
            }
        });
    }
    for (std::thread& t : threads) t.join();
    CHECK(differences == 0);
    CHECK(&mgcalc::usda_sr24_search() == &mgcalc::usda_sr24_search());
    CHECK(&mgcalc::usda_sr24_search().database() == &mgcalc::usda_sr24());
}

TEST_CASE("food_search: an index can be moved", "[food_search]") {
    const auto table = table_of({{"1", "Spinach, raw"}});
    food_search search(table);
    food_search moved(std::move(search));
    CHECK(first(moved, "spinach") == "Spinach, raw");
    const auto other_table = table_of({{"1", "Kale, raw"}});
    food_search other(other_table);
    other = std::move(moved);
    CHECK(first(other, "spinach") == "Spinach, raw");
    CHECK(&other.database() == &table);
}

TEST_CASE("food_search: empty databases, empty descriptions, long and non-ASCII words", "[food_search]") {
    const mgcalc::food_table empty("empty");
    const food_search nothing(empty);
    CHECK(nothing.search("spinach").empty());
    CHECK(nothing.search("s").empty());

    const std::string long_word(100, 'x');
    const auto table = table_of({{"1", ""}, {"2", long_word + ", raw"}, {"3", "Peppers, jalapeño, raw"}});
    const food_search search(table);
    CHECK(first(search, long_word) == long_word + ", raw");  // cut to 64 bytes on both sides
    CHECK(first(search, "jalapeño") == "Peppers, jalapeño, raw");
    CHECK(first(search, "Jalapeño PEPPERS") == "Peppers, jalapeño, raw");
    // No accent folding, but "jalapeno" is two bytes from "jalapeño" (ñ is two bytes in
    // UTF-8), so the typo rule finds it, flagged as corrected.
    const std::vector<mgcalc::food_match> unaccented = search.search("jalapeno");
    REQUIRE(unaccented.size() == 1);
    CHECK(unaccented[0].evidence.corrected);
    CHECK(first(search, "jalapeño") == "Peppers, jalapeño, raw");
}

TEST_CASE("food_search: the first result is right for most everyday queries", "[food_search]") {
    // The resolver uses the top hit. 65 of 71 when the ranking rules were last changed
    // (docs/food-data.md, "Search"); the floor is the goal of 90% (64 of 71).
    const food_search& search = mgcalc::usda_sr24_search();
    const mgcalc::food_database& database = search.database();
    std::size_t right = 0;
    std::ostringstream misses;
    for (const mgcalc_bench::search_case& c : mgcalc_bench::search_cases) {
        const std::vector<std::string_view> expected = words_of(c.expected);
        const std::vector<mgcalc::food_match> top = search.search(c.query, 1);
        if (!top.empty() && std::find(expected.begin(), expected.end(), database.id(top[0].index)) != expected.end()) {
            ++right;
        } else if (!top.empty()) {
            misses << "\n'" << c.query << "' -> " << database.description(top[0].index);
        }
    }
    INFO(right << " of " << std::size(mgcalc_bench::search_cases) << " first" << misses.str());
    CHECK(right >= 64);
    const std::vector<mgcalc::food_match> almonds = search.search("almonds", 1);
    REQUIRE(almonds.size() == 1);
    CHECK(database.id(almonds[0].index) == "12061");  // "Nuts, almonds", not almond butter
}

TEST_CASE("food_search: typographic punctuation and stray bytes end a word, letters do not", "[food_search][hardening]") {
    // A phone's apostrophe, quotes or a no-break space made "banana’" one word that matched nothing.
    const food_search& search = mgcalc::usda_sr24_search();
    const std::string bananas = first(search, "bananas");
    CHECK(first(search, "bananas\xE2\x80\x99") == bananas);               // ’
    CHECK(first(search, "\xE2\x80\x9C" "bananas\xE2\x80\x9D") == bananas);  // “bananas”
    CHECK(first(search, "bananas\xC2\xA0raw") == first(search, "bananas raw"));  // no-break space
    CHECK(first(search, "bananas\xFF") == bananas);                        // not UTF-8
    // ’ is an apostrophe, dropped as ' is.
    CHECK(found(search, "mcdonald\xE2\x80\x99s") == found(search, "mcdonald's"));
    CHECK_FALSE(found(search, "mcdonald's").empty());
    // A letter stays in its word.
    CHECK(first(search, "jalape\xC3\xB1o") == first(search, "jalapeno"));
}
