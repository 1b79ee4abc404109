// Tests for mgcalc/foods/serving.hpp: parsing "1 1/2 cups", and turning a serving into grams through
// the food's own portions.
//
// Every food below is built from real rows of USDA SR24 (USDA National Nutrient Database for
// Standard Reference, Release 24, 2011), copied from data/usda-sr24/foods.csv
// (ndb_no,description,magnesium_mg_per_100g) and portions.csv (ndb_no,amount,measure,grams),
// in the file's order. Expected grams are worked by hand in the comment beside each check.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/serving.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace mgcalc::unit_symbols;

namespace {

mgcalc::portion row(double amount, std::string measure, double weight_grams) {
    return mgcalc::portion{amount, std::move(measure), weight_grams * g};
}

mgcalc::food sr24(std::string id, std::string description, std::optional<double> mg_per_100g,
                  std::vector<mgcalc::portion> portions) {
    mgcalc::food item{std::move(id), std::move(description), std::nullopt, std::move(portions), "usda-sr24"};
    if (mg_per_100g) item.magnesium_per_100g = *mg_per_100g * mg;
    return item;
}

// 20137,"Quinoa, cooked",64.0          20137,1.0,cup,185.0
const mgcalc::food quinoa = sr24("20137", "Quinoa, cooked", 64.0, {row(1.0, "cup", 185.0)});

// 12014,"Seeds, pumpkin and squash seed kernels, dried",592.0
// 12014,1.0,cup,129.0   12014,1.0,oz,28.35
const mgcalc::food pumpkin_seeds = sr24("12014", "Seeds, pumpkin and squash seed kernels, dried", 592.0,
                                        {row(1.0, "cup", 129.0), row(1.0, "oz", 28.35)});

// 16126,"Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)",37.0
// 16126,0.5,cup,126.0   16126,0.25,block,81.0   16126,0.2,block,91.0
const mgcalc::food tofu =
    sr24("16126", "Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)", 37.0,
         {row(0.5, "cup", 126.0), row(0.25, "block", 81.0), row(0.2, "block", 91.0)});

// 11457,"Spinach, raw",79.0
// 11457,1.0,cup,30.0   11457,1.0,bunch,340.0   11457,1.0,leaf,10.0   11457,1.0,package (10 oz),284.0
const mgcalc::food spinach = sr24("11457", "Spinach, raw", 79.0,
                                  {row(1.0, "cup", 30.0), row(1.0, "bunch", 340.0), row(1.0, "leaf", 10.0),
                                   row(1.0, "package (10 oz)", 284.0)});

// 16098,"Peanut butter, smooth style, with salt",154.0
// 16098,1.0,cup,258.0   16098,2.0,tbsp,32.0
const mgcalc::food peanut_butter = sr24("16098", "Peanut butter, smooth style, with salt", 154.0,
                                        {row(1.0, "cup", 258.0), row(2.0, "tbsp", 32.0)});

// 01129,"Egg, whole, cooked, hard-boiled",10.0
// 01129,1.0,"cup, chopped",136.0   01129,1.0,tbsp,8.5   01129,1.0,large,50.0
const mgcalc::food boiled_egg = sr24("01129", "Egg, whole, cooked, hard-boiled", 10.0,
                                     {row(1.0, "cup, chopped", 136.0), row(1.0, "tbsp", 8.5), row(1.0, "large", 50.0)});

// 05326,"Chicken breast tenders, cooked, microwaved",26.0
// 05326,1.0,piece,15.0   05326,4.0,pieces,62.0
const mgcalc::food chicken_tenders = sr24("05326", "Chicken breast tenders, cooked, microwaved", 26.0,
                                          {row(1.0, "piece", 15.0), row(4.0, "pieces", 62.0)});

// 11090,"Broccoli, raw",21.0
// 11090,1.0,cup chopped,91.0   11090,1.0,bunch,608.0   11090,1.0,"spear (about 5"" long)",31.0
// 11090,1.0,stalk,151.0   11090,0.5,"cup, chopped or diced",44.0   11090,1.0,NLEA serving,148.0
const mgcalc::food broccoli =
    sr24("11090", "Broccoli, raw", 21.0,
         {row(1.0, "cup chopped", 91.0), row(1.0, "bunch", 608.0), row(1.0, "spear (about 5\" long)", 31.0),
          row(1.0, "stalk", 151.0), row(0.5, "cup, chopped or diced", 44.0), row(1.0, "NLEA serving", 148.0)});

// 01009,"Cheese, cheddar",28.0
// 01009,1.0,"cup, diced",132.0   01009,1.0,"cup, melted",244.0   01009,1.0,"cup, shredded",113.0
// 01009,1.0,oz,28.35   01009,1.0,cubic inch,17.0   01009,1.0,slice (1 oz),28.0
const mgcalc::food cheddar =
    sr24("01009", "Cheese, cheddar", 28.0,
         {row(1.0, "cup, diced", 132.0), row(1.0, "cup, melted", 244.0), row(1.0, "cup, shredded", 113.0),
          row(1.0, "oz", 28.35), row(1.0, "cubic inch", 17.0), row(1.0, "slice (1 oz)", 28.0)});

// 18069,"Bread, white, commercially prepared (includes soft bread crumbs)",25.0
// 18069,1.0,slice,28.0   18069,1.0,oz,28.35   18069,1.0,"cup, crumbs",45.0   18069,1.0,"cup, cubes",35.0
// 18069,1.0,"slice, large",30.0   18069,1.0,slice,25.0   (further "slice ..." rows left out)
const mgcalc::food white_bread =
    sr24("18069", "Bread, white, commercially prepared (includes soft bread crumbs)", 25.0,
         {row(1.0, "slice", 28.0), row(1.0, "oz", 28.35), row(1.0, "cup, crumbs", 45.0), row(1.0, "cup, cubes", 35.0),
          row(1.0, "slice, large", 30.0), row(1.0, "slice", 25.0)});

// 09040,"Bananas, raw",27.0
// 09040,1.0,"cup, mashed",225.0   09040,1.0,"cup, sliced",150.0
// 09040,1.0,"extra small (less than 6"" long)",81.0   09040,1.0,"small (6"" to 6-7/8"" long)",101.0
// 09040,1.0,"medium (7"" to 7-7/8"" long)",118.0   09040,1.0,"large (8"" to 8-7/8"" long)",136.0
// 09040,1.0,"extra large (9"" or longer)",152.0   09040,1.0,NLEA serving,126.0
const mgcalc::food banana =
    sr24("09040", "Bananas, raw", 27.0,
         {row(1.0, "cup, mashed", 225.0), row(1.0, "cup, sliced", 150.0),
          row(1.0, "extra small (less than 6\" long)", 81.0), row(1.0, "small (6\" to 6-7/8\" long)", 101.0),
          row(1.0, "medium (7\" to 7-7/8\" long)", 118.0), row(1.0, "large (8\" to 8-7/8\" long)", 136.0),
          row(1.0, "extra large (9\" or longer)", 152.0), row(1.0, "NLEA serving", 126.0)});

// 08142,"Cereals, WHEATENA, dry",130.0
// 08142,0.33,cup (1 NLEA serving),40.0   08142,1.0,cup,141.0   08142,0.25,cup,35.0
const mgcalc::food wheatena = sr24("08142", "Cereals, WHEATENA, dry", 130.0,
                                   {row(0.33, "cup (1 NLEA serving)", 40.0), row(1.0, "cup", 141.0),
                                    row(0.25, "cup", 35.0)});

// 06003,"CAMPBELL Soup Company, CAMPBELL'S Red and White, Beefy Mushroom Soup, condensed",(no value)
// 06003,1.0,serving 1/2 cup,126.0
const mgcalc::food mushroom_soup =
    sr24("06003", "CAMPBELL Soup Company, CAMPBELL'S Red and White, Beefy Mushroom Soup, condensed", std::nullopt,
         {row(1.0, "serving 1/2 cup", 126.0)});

// 14003,"Alcoholic beverage, beer, regular, all",6.0
// 14003,1.0,can,356.0   14003,1.0,fl oz,29.7
const mgcalc::food beer = sr24("14003", "Alcoholic beverage, beer, regular, all", 6.0,
                               {row(1.0, "can", 356.0), row(1.0, "fl oz", 29.7)});

// 01053,"Cream, fluid, heavy whipping",7.0
// 01053,1.0,"cup, whipped",120.0   01053,1.0,"cup, fluid (yields 2 cups whipped)",238.0
// 01053,1.0,tbsp,15.0   01053,1.0,fl oz,29.8
const mgcalc::food heavy_cream = sr24("01053", "Cream, fluid, heavy whipping", 7.0,
                                      {row(1.0, "cup, whipped", 120.0),
                                       row(1.0, "cup, fluid (yields 2 cups whipped)", 238.0), row(1.0, "tbsp", 15.0),
                                       row(1.0, "fl oz", 29.8)});

// 14555,"Water, bottled, generic",2.0
// 14555,1.0,fl oz,29.6   14555,1.0,cup,237.0   14555,1.0,ml,1.0
const mgcalc::food bottled_water = sr24("14555", "Water, bottled, generic", 2.0,
                                        {row(1.0, "fl oz", 29.6), row(1.0, "cup", 237.0), row(1.0, "ml", 1.0)});

// 15002,"Fish, anchovy, european, canned in oil, drained solids",69.0
// 15002,1.0,"oz, boneless",28.35   15002,1.0,anchovy,4.0   15002,1.0,can (2 oz),45.0   15002,5.0,anchovies,20.0
const mgcalc::food anchovies = sr24("15002", "Fish, anchovy, european, canned in oil, drained solids", 69.0,
                                    {row(1.0, "oz, boneless", 28.35), row(1.0, "anchovy", 4.0),
                                     row(1.0, "can (2 oz)", 45.0), row(5.0, "anchovies", 20.0)});

// 01171,"Egg, whole, raw, frozen",11.0   (no portion rows in SR24)
const mgcalc::food frozen_egg = sr24("01171", "Egg, whole, raw, frozen", 11.0, {});

mgcalc::resolved_serving resolve(const mgcalc::food& item, std::string_view text) {
    return mgcalc::resolve_serving(item, mgcalc::parse_serving(text));
}

double grams_of(const mgcalc::food& item, std::string_view text) { return resolve(item, text).weight.value(); }

// Tight comparison: the arithmetic is exact up to rounding, and several wrong answers differ
// from the right one by less than Approx's default 0.00119% (28.35 g vs 28.349523125 g).
Approx exactly(double expected) { return Approx(expected).epsilon(1e-12); }

using mgcalc_test::thrown_by;

}  // namespace

// --- parsing --------------------------------------------------------------------------------

TEST_CASE("serving: whole numbers, decimals, fractions and mixed numbers", "[serving]") {
    struct expected {
        const char* text;
        double quantity;
        const char* measure;
    };
    const expected cases[] = {
        {"100 g", 100.0, "g"},
        {"100g", 100.0, "g"},
        {"  2 tbsp  ", 2.0, "tbsp"},
        {"0.5 lb", 0.5, "lb"},
        {".25 cup", 0.25, "cup"},
        {"1/2 cup", 0.5, "cup"},
        {"3/2 cups", 1.5, "cups"},            // an improper fraction alone is fine
        {"1 1/2 cups", 1.5, "cups"},          // 1 + 1/2
        {"2  3/4 cup", 2.75, "cup"},          // 2 + 3/4
        {"1-1/2 cups", 1.5, "cups"},          // recipe style
        {"1 cup, chopped", 1.0, "cup, chopped"},
        {"3 pieces", 3.0, "pieces"},
        {"1 medium", 1.0, "medium"},
        {"1 cup (8 fl oz)", 1.0, "cup (8 fl oz)"},
        {"12 fl oz", 12.0, "fl oz"},
        {"\xC2\xBD cup", 0.5, "cup"},         // ½
        {"1\xC2\xBD cups", 1.5, "cups"},      // 1½
        {"1 \xC2\xBE cup", 1.75, "cup"},      // 1 ¾
        {"\xC2\xBC tsp", 0.25, "tsp"},        // ¼
        {"\xE2\x85\x93 cup", 1.0 / 3, "cup"}, // ⅓
    };
    for (const expected& c : cases) {
        INFO(c.text);
        const mgcalc::serving s = mgcalc::parse_serving(c.text);
        CHECK(s.quantity == Approx(c.quantity).epsilon(1e-15));
        CHECK(s.measure == c.measure);
    }
}

TEST_CASE("serving: text that is not a serving is a parse error that says what is accepted", "[serving]") {
    const char* cases[] = {
        "",            // empty
        "   ",         // blank
        "100",         // no measure: the food's first portion is not assumed
        "1 1/2",       // no measure after a mixed number
        "1/2",         // no measure after a fraction
        "cup",         // no quantity
        "a cup",       // words are not quantities
        "1 2 cups",    // two quantities
        "1-2 cups",    // a range
        "1 3/2 cups",  // a mixed number's fraction must be below 1
        "1.5/2 cup",   // a fraction of decimals
        "1/2/3 cup",   // two slashes
        "1,5 cups",    // decimal comma
        "1,000 g",     // thousands separator
        "1e2 g",       // exponent notation
        "1.2.3 g",     // two decimal points
        "(1) cup",     // punctuation first
        "+1 cup",      // a plus sign
    };
    for (const char* text : cases) {
        INFO(text);
        const mgcalc::error e = thrown_by([&] { mgcalc::parse_serving(text); });
        CHECK(e.code() == mgcalc::errc::parse_error);
        const std::string what = e.what();
        CHECK(what.find("[mgcalc.parse_error]") == 0);
        std::string quoted_text = "\"";
        quoted_text += text;
        quoted_text += '"';
        CHECK(what.find(quoted_text) != std::string::npos);  // quotes the text
        CHECK(what.find("accepted:") != std::string::npos);                      // and what would do
    }
    // The message for a missing measure says so.
    const std::string missing = thrown_by([] { mgcalc::parse_serving("100"); }).what();
    CHECK(missing.find("a measure is required") != std::string::npos);
}

TEST_CASE("serving: zero, negative, non-finite and absurd quantities are invalid amounts", "[serving]") {
    const char* cases[] = {
        "0 g",
        "0/2 cup",
        "0.0 cups",
        "-1 cup",
        "-0.5 g",
        "\xE2\x88\x92" "2 tbsp",  // U+2212 MINUS SIGN
        "1/0 cup",              // a zero denominator
        "1 1/0 cup",
        "nan g",
        "NaN cups",
        "inf g",
        "infinity cups",
        "10000001 mg",  // above 10,000,000 (10 kg in mg)
        "99999999999999999999 g",
        "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000 g",  // 10^346 overflows a double (at most about 1.8 x 10^308)
    };
    for (const char* text : cases) {
        INFO(text);
        const mgcalc::error e = thrown_by([&] { mgcalc::parse_serving(text); });
        CHECK(e.code() == mgcalc::errc::invalid_amount);
        CHECK(std::string(e.what()).find("accepted:") != std::string::npos);
    }
    // The largest quantity accepted: 10,000,000 (mg); parsing does not know the food yet.
    CHECK(mgcalc::parse_serving("10000000 mg").quantity == 10'000'000.0);
}

// --- mass -----------------------------------------------------------------------------------

TEST_CASE("serving: mass units convert exactly for a food with no portions", "[serving]") {
    // 01171 egg, frozen, has no SR24 portion rows: only mass works.
    CHECK(grams_of(frozen_egg, "100 g") == exactly(100.0));
    CHECK(resolve(frozen_egg, "100 g").measure_used == "g");
    CHECK(grams_of(frozen_egg, "500 mg") == exactly(0.5));           // 500 / 1000
    CHECK(grams_of(frozen_egg, "1.5 kg") == exactly(1500.0));        // 1.5 x 1000
    CHECK(grams_of(frozen_egg, "1 oz") == exactly(28.349523125));    // exact avoirdupois ounce
    CHECK(grams_of(frozen_egg, "2 ounces") == exactly(56.69904625));  // 2 x 28.349523125
    CHECK(grams_of(frozen_egg, "0.5 lb") == exactly(226.796185));     // 453.59237 / 2
    CHECK(grams_of(frozen_egg, "1 pound") == exactly(453.59237));
    CHECK(grams_of(frozen_egg, "3 Grams") == exactly(3.0));
    CHECK(resolve(frozen_egg, "1 oz").measure_used == "oz (1 oz = 28.349523125 g)");
    CHECK(resolve(frozen_egg, "1 lb").measure_used == "lb (1 lb = 453.59237 g)");
    CHECK(resolve(frozen_egg, "1 mg").measure_used == "mg (1000 mg = 1 g)");
    CHECK(resolve(frozen_egg, "1 kg").measure_used == "kg (1 kg = 1000 g)");
}

TEST_CASE("serving: an oz is mass even when the food lists an oz portion, fl oz is volume", "[serving]") {
    // Pumpkin seeds list "1.0,oz,28.35" (rounded); the exact ounce is 28.349523125 g.
    CHECK(grams_of(pumpkin_seeds, "1 oz") == exactly(28.349523125));
    CHECK(grams_of(pumpkin_seeds, "1 oz") != 28.35);
    // Magnesium in 1 oz: 592 mg/100 g x 0.28349523125 = 167.8291769 mg.
    CHECK(mgcalc::magnesium_in(pumpkin_seeds, resolve(pumpkin_seeds, "1 oz").weight)->value() ==
          Approx(167.829177).epsilon(1e-9));
    // Beer: "1 fl oz" is its own portion (29.7 g); "1 oz" is the mass ounce.
    CHECK(grams_of(beer, "1 fl oz") == exactly(29.7));
    CHECK(grams_of(beer, "12 fl oz") == exactly(356.4));  // 12 x 29.7
    CHECK(grams_of(beer, "12 fluid ounces") == exactly(356.4));
    CHECK(grams_of(beer, "12 fl. oz.") == exactly(356.4));
    CHECK(grams_of(beer, "1 oz") == exactly(28.349523125));
    // Anchovies list "oz, boneless" = 28.35 g: still the exact mass ounce, and the extra word is
    // reported as not changing it. Their other rows: 5 anchovies = 20 g -> 3 anchovies = 12 g;
    // 1 anchovy = 4 g; "can" -> "can (2 oz)" = 45 g.
    CHECK(grams_of(anchovies, "1 oz, boneless") == exactly(28.349523125));
    CHECK(resolve(anchovies, "1 oz, boneless").measure_used ==
          "oz (1 oz = 28.349523125 g; a mass: \"boneless\" does not change it)");
    CHECK(grams_of(anchovies, "3 anchovies") == exactly(12.0));
    CHECK(grams_of(anchovies, "1 anchovy") == exactly(4.0));
    CHECK(grams_of(anchovies, "1 can") == exactly(45.0));
}

// --- the food's own portions ----------------------------------------------------------------

TEST_CASE("serving: a cup of spinach is not a cup of seeds (USDA SR24)", "[serving]") {
    // Same "1 cup", three foods, three weights: 185 g, 129 g, 30 g.
    CHECK(grams_of(quinoa, "1 cup") == exactly(185.0));
    CHECK(grams_of(pumpkin_seeds, "1 cup") == exactly(129.0));
    CHECK(grams_of(spinach, "1 cup") == exactly(30.0));
    CHECK(resolve(quinoa, "1 cup").measure_used == "cup (1 cup = 185 g)");
    // PROVENANCE.md worked values: quinoa 64 mg/100 g x 185 g = 118.4 mg; seeds 592 x 1.29 = 763.68 mg;
    // spinach 79 x 0.30 = 23.7 mg.
    CHECK(mgcalc::magnesium_in(quinoa, resolve(quinoa, "1 cup").weight)->value() == Approx(118.4));
    CHECK(mgcalc::magnesium_in(pumpkin_seeds, resolve(pumpkin_seeds, "1 cup").weight)->value() == Approx(763.68));
    CHECK(mgcalc::magnesium_in(spinach, resolve(spinach, "1 cup").weight)->value() == Approx(23.7));
    // Other portions of spinach.
    CHECK(grams_of(spinach, "1 bunch") == exactly(340.0));
    CHECK(grams_of(spinach, "3 leaves") == exactly(30.0));  // 3 x 10 g; "leaves" is the plural of "leaf"
    CHECK(grams_of(spinach, "1 package (10 oz)") == exactly(284.0));
}

TEST_CASE("serving: a portion with an amount other than 1 scales (USDA SR24)", "[serving]") {
    // Tofu 16126 lists 0.5 cup = 126 g, so 1 cup = 126 / 0.5 = 252 g (PROVENANCE.md: 93.2 mg).
    CHECK(grams_of(tofu, "1 cup") == exactly(252.0));
    CHECK(resolve(tofu, "1 cup").measure_used == "cup (0.5 cup = 126 g)");
    CHECK(mgcalc::magnesium_in(tofu, resolve(tofu, "1 cup").weight)->value() == Approx(93.24));  // 37 x 2.52
    CHECK(grams_of(tofu, "1/2 cup") == exactly(126.0));     // the row itself
    CHECK(grams_of(tofu, "\xC2\xBE cup") == exactly(189.0));  // ¾ x 252
    // 0.25 block = 81 g is listed first of two "block" rows: 1 block = 81 / 0.25 = 324 g.
    CHECK(grams_of(tofu, "1 block") == exactly(324.0));
    CHECK(resolve(tofu, "1 block").measure_used == "block (0.25 block = 81 g; also listed: 0.2 block = 91 g)");
    // Peanut butter 16098 lists 2 tbsp = 32 g: 1 tbsp = 16 g, not 258 / 16 = 16.125 g via its cup.
    CHECK(grams_of(peanut_butter, "2 tbsp") == exactly(32.0));
    CHECK(grams_of(peanut_butter, "1 tbsp") == exactly(16.0));
    CHECK(grams_of(peanut_butter, "1 tablespoon") == exactly(16.0));
    CHECK(grams_of(peanut_butter, "3 Tbsp") == exactly(48.0));  // 3 x 16
    CHECK(resolve(peanut_butter, "1 tbsp").measure_used == "tbsp (2 tbsp = 32 g)");
    CHECK(grams_of(peanut_butter, "1 cup") == exactly(258.0));
    // Chicken tenders 05326 list 1 piece = 15 g and 4 pieces = 62 g: "3 pieces" takes the row
    // spelled "pieces": 62 / 4 x 3 = 46.5 g (not 3 x 15 = 45 g).
    CHECK(grams_of(chicken_tenders, "3 pieces") == exactly(46.5));
    CHECK(resolve(chicken_tenders, "3 pieces").measure_used == "pieces (4 pieces = 62 g)");
    CHECK(grams_of(chicken_tenders, "2 piece") == exactly(30.0));  // 2 x 15
}

TEST_CASE("serving: plural and singular, case and abbreviations are one measure", "[serving]") {
    // Quinoa 1 cup = 185 g: 1 1/2 cups = 1.5 x 185 = 277.5 g.
    CHECK(grams_of(quinoa, "1 1/2 cups") == exactly(277.5));
    CHECK(grams_of(quinoa, "1\xC2\xBD cups") == exactly(277.5));
    CHECK(grams_of(quinoa, "1.5 CUPS") == exactly(277.5));
    CHECK(grams_of(quinoa, "2 cup") == exactly(370.0));
    // Bread 18069: "slices" is the plural of the "slice" row (28 g, listed first): 2 x 28 = 56 g.
    CHECK(grams_of(white_bread, "2 slices") == exactly(56.0));
    CHECK(grams_of(white_bread, "1 Slice") == exactly(28.0));
    // The second "slice" row (25 g) is reported, not silently ignored.
    CHECK(resolve(white_bread, "1 slice").measure_used == "slice (1 slice = 28 g; also listed: 1 slice = 25 g)");
    // Wheatena 08142: the exact "cup" row (141 g) wins over "cup (1 NLEA serving)" listed before it.
    CHECK(grams_of(wheatena, "1 cup") == exactly(141.0));
    CHECK(grams_of(wheatena, "1/3 cup") == exactly(47.0));  // 141 / 3
}

TEST_CASE("serving: a measure matches a longer portion that starts with it (USDA SR24)", "[serving]") {
    // Egg 01129 has "cup, chopped" and no plain cup: 1 cup -> 136 g.
    CHECK(grams_of(boiled_egg, "1 cup") == exactly(136.0));
    CHECK(resolve(boiled_egg, "1 cup").measure_used == "cup, chopped (1 cup, chopped = 136 g)");
    CHECK(grams_of(boiled_egg, "1 cup, chopped") == exactly(136.0));
    CHECK(grams_of(boiled_egg, "1 large") == exactly(50.0));
    // Broccoli 11090: "cup chopped" (91 g) is listed before "0.5 cup, chopped or diced" (44 g).
    CHECK(grams_of(broccoli, "1 cup") == exactly(91.0));
    CHECK(resolve(broccoli, "1 cup").measure_used ==
          "cup chopped (1 cup chopped = 91 g; also listed: 0.5 cup, chopped or diced = 44 g)");
    CHECK(grams_of(broccoli, "1 cup, chopped") == exactly(91.0));  // punctuation does not matter
    CHECK(grams_of(broccoli, "1 cup chopped or diced") == exactly(88.0));  // 44 / 0.5
    CHECK(grams_of(broccoli, "2 spears") == exactly(62.0));               // 2 x 31, "spear (about 5" long)"
    // Cheddar 01009: three "cup, ..." rows; the first (diced, 132 g) is used and the others named.
    CHECK(grams_of(cheddar, "1 cup") == exactly(132.0));
    CHECK(resolve(cheddar, "1 cup").measure_used ==
          "cup, diced (1 cup, diced = 132 g; also listed: 1 cup, melted = 244 g; 1 cup, shredded = 113 g)");
    CHECK(grams_of(cheddar, "1 cup, shredded") == exactly(113.0));
    CHECK(grams_of(cheddar, "1 cup shredded") == exactly(113.0));
    CHECK(grams_of(cheddar, "1 slice") == exactly(28.0));        // "slice (1 oz)"
    CHECK(grams_of(cheddar, "2 cubic inches") == exactly(34.0));  // 2 x 17
    // Banana 09040: "medium" -> "medium (7" to 7-7/8" long)"; "large" is not "extra large".
    CHECK(grams_of(banana, "1 medium") == exactly(118.0));
    CHECK(grams_of(banana, "1 large") == exactly(136.0));
    CHECK(grams_of(banana, "1 small") == exactly(101.0));
    CHECK(grams_of(banana, "1 extra large") == exactly(152.0));
    CHECK(resolve(banana, "1 medium").measure_used ==
          "medium (7\" to 7-7/8\" long) (1 medium (7\" to 7-7/8\" long) = 118 g)");
    // Heavy cream 01053: "cup" takes "cup, whipped" (listed first); "cup, fluid" must be asked for.
    CHECK(grams_of(heavy_cream, "1 cup") == exactly(120.0));
    CHECK(grams_of(heavy_cream, "1 cup, fluid") == exactly(238.0));
}

// --- volume conversion within one food ------------------------------------------------------

TEST_CASE("serving: volume words convert through the food's own volume portion", "[serving]") {
    // Quinoa lists only 1 cup = 185 g. US customary: cup = 16 tbsp = 48 tsp = 8 fl oz.
    CHECK(grams_of(quinoa, "1 tbsp") == exactly(11.5625));  // 185 / 16
    CHECK(resolve(quinoa, "1 tbsp").measure_used == "tbsp via cup (1 cup = 185 g; 16 tbsp = 1 cup)");
    CHECK(grams_of(quinoa, "2 tablespoons") == exactly(23.125));  // 2 x 185 / 16
    CHECK(grams_of(quinoa, "1 tsp") == exactly(185.0 / 48));      // 3.854166...
    CHECK(grams_of(quinoa, "1 fl oz") == exactly(23.125));        // 185 / 8
    CHECK(grams_of(quinoa, "1 pint") == exactly(370.0));          // 2 cups
    CHECK(grams_of(quinoa, "1 quart") == exactly(740.0));         // 4 cups
    CHECK(resolve(quinoa, "1 pint").measure_used == "pint via cup (1 cup = 185 g; 1 pint = 2 cup)");
    // Metric through the US cup of 236.5882365 mL: 250 mL = 250 / 236.5882365 x 185 = 195.4873187 g.
    CHECK(grams_of(quinoa, "250 mL") == Approx(195.48731874503).epsilon(1e-12));
    CHECK(grams_of(quinoa, "250 milliliters") == Approx(195.48731874503).epsilon(1e-12));
    CHECK(resolve(quinoa, "250 ml").measure_used == "mL via cup (1 cup = 185 g; 236.5882365 mL = 1 cup)");
    CHECK(grams_of(quinoa, "1 L") == Approx(781.94927498012).epsilon(1e-12));  // 1000 / 236.5882365 x 185
    // Tofu: 0.5 cup = 126 g -> 252 g per cup -> 1 tbsp = 252 / 16 = 15.75 g.
    CHECK(grams_of(tofu, "1 tbsp") == exactly(15.75));
    CHECK(resolve(tofu, "1 tbsp").measure_used == "tbsp via cup (0.5 cup = 126 g; 16 tbsp = 1 cup)");
    // Peanut butter: tsp is not listed; the first volume portion in the source's order is the
    // cup: 258 / 48 = 5.375 g.
    CHECK(grams_of(peanut_butter, "1 tsp") == exactly(5.375));
    // Egg: a plain volume portion (tbsp 8.5 g) is preferred to "cup, chopped": 8.5 / 3 = 2.8333 g.
    CHECK(grams_of(boiled_egg, "1 tsp") == exactly(8.5 / 3));
    CHECK(resolve(boiled_egg, "1 tsp").measure_used == "tsp via tbsp (1 tbsp = 8.5 g; 3 tsp = 1 tbsp)");
    // Beer lists fl oz = 29.7 g: 1 cup = 8 x 29.7 = 237.6 g.
    CHECK(grams_of(beer, "1 cup") == exactly(237.6));
    // Bottled water: 1 mL is its own row (1.0 g); 1 L goes through the first volume row, fl oz:
    // 1000 / 29.5735295625 x 29.6 = 1000.8950720 g.
    CHECK(grams_of(bottled_water, "500 ml") == exactly(500.0));
    CHECK(grams_of(bottled_water, "1 liter") == Approx(1000.89507197455).epsilon(1e-12));
}

TEST_CASE("serving: volume words keep the portion's other words", "[serving]") {
    // Heavy cream: "tbsp, whipped" converts through "cup, whipped": 120 / 16 = 7.5 g, while
    // plain "tbsp" is the food's own row (15 g).
    CHECK(grams_of(heavy_cream, "1 tbsp, whipped") == exactly(7.5));
    CHECK(resolve(heavy_cream, "1 tbsp, whipped").measure_used ==
          "tbsp via cup, whipped (1 cup, whipped = 120 g; 16 tbsp = 1 cup)");
    CHECK(grams_of(heavy_cream, "1 tbsp") == exactly(15.0));
    // Egg: only "cup, chopped" has other words; "1 tbsp, chopped" goes through it: 136 / 16 = 8.5 g.
    CHECK(grams_of(boiled_egg, "1 tbsp, chopped") == exactly(8.5));
    // Quinoa has no "cup, packed": a different preparation is not guessed.
    CHECK(thrown_by([] { resolve(quinoa, "1 tbsp, packed"); }).code() == mgcalc::errc::unknown_measure);
}

TEST_CASE("serving: a \"serving 1/2 cup\" portion is a volume portion", "[serving]") {
    // Soup 06003 lists only "serving 1/2 cup" = 126 g: 1 cup = 126 / (1 x 0.5) = 252 g.
    CHECK(grams_of(mushroom_soup, "1 cup") == exactly(252.0));
    CHECK(resolve(mushroom_soup, "1 cup").measure_used == "cup via serving 1/2 cup (1 serving 1/2 cup = 126 g)");
    CHECK(grams_of(mushroom_soup, "1 tbsp") == exactly(15.75));  // 252 / 16
    CHECK(grams_of(mushroom_soup, "1 serving") == exactly(126.0));
}

TEST_CASE("serving: a portion measure with its own quantity (FoodData Central FNDDS style)", "[serving]") {
    // FNDDS portions are written "1 cup" with an amount of 1. The SR24 quinoa row (20137, 1 cup =
    // 185 g) written that way, and as half of it (1/2 cup = 92.5 g), gives the same grams.
    const mgcalc::food quinoa_fndds_style = sr24("20137", "Quinoa, cooked", 64.0, {row(1.0, "1 cup", 185.0)});
    CHECK(grams_of(quinoa_fndds_style, "1 cup") == exactly(185.0));
    CHECK(resolve(quinoa_fndds_style, "1 cup").measure_used == "1 cup (1 x 1 cup = 185 g)");
    CHECK(grams_of(quinoa_fndds_style, "1 tbsp") == exactly(11.5625));  // 185 / 16
    const mgcalc::food quinoa_half_cup = sr24("20137", "Quinoa, cooked", 64.0, {row(1.0, "1/2 cup", 92.5)});
    CHECK(grams_of(quinoa_half_cup, "1 cup") == exactly(185.0));    // 92.5 / (1 x 0.5)
    CHECK(grams_of(quinoa_half_cup, "1 tbsp") == exactly(11.5625));  // 185 / 16
}

// --- errors ---------------------------------------------------------------------------------

TEST_CASE("serving: an unknown measure lists the food's measures", "[serving]") {
    const mgcalc::error e = thrown_by([] { resolve(pumpkin_seeds, "1 bucket"); });
    CHECK(e.code() == mgcalc::errc::unknown_measure);
    const std::string what = e.what();
    CHECK(what.find("[mgcalc.unknown_measure]") == 0);
    CHECK(what.find("\"bucket\"") != std::string::npos);
    CHECK(what.find("(12014)") != std::string::npos);
    CHECK(what.find("\"cup\" (1 cup = 129 g)") != std::string::npos);
    CHECK(what.find("\"oz\" (1 oz = 28.35 g)") != std::string::npos);
    CHECK(what.find("mg, g, kg, oz, lb") != std::string::npos);
    CHECK(what.find("convert through its volume portions") != std::string::npos);

    // Whole words only: "cu" is not "cup", and "cupcake" is not "cup".
    CHECK(thrown_by([] { resolve(quinoa, "1 cu"); }).code() == mgcalc::errc::unknown_measure);
    CHECK(thrown_by([] { resolve(quinoa, "1 cupcake"); }).code() == mgcalc::errc::unknown_measure);
    // A word the food lacks: egg has no "medium".
    CHECK(thrown_by([] { resolve(boiled_egg, "1 medium"); }).code() == mgcalc::errc::unknown_measure);
    // One-letter recipe shorthand is refused, with a hint.
    const std::string shorthand = thrown_by([] { resolve(quinoa, "1 T"); }).what();
    CHECK(shorthand.find("write tbsp or tsp") != std::string::npos);
}

TEST_CASE("serving: a volume for a food without volume portions is an error, never 1 g per mL", "[serving]") {
    for (const char* text : {"1 cup", "250 ml", "1 tbsp"}) {
        INFO(text);
        const mgcalc::error e = thrown_by([&] { resolve(frozen_egg, text); });
        CHECK(e.code() == mgcalc::errc::unknown_measure);
        const std::string what = e.what();
        CHECK(what.find("no household portions") != std::string::npos);
        CHECK(what.find("1 mL is never taken as 1 g") != std::string::npos);
    }
    // Chicken tenders have portions but no volume one.
    const std::string what = thrown_by([] { resolve(chicken_tenders, "1 cup"); }).what();
    CHECK(what.find("\"piece\" (1 piece = 15 g), \"pieces\" (4 pieces = 62 g)") != std::string::npos);
}

TEST_CASE("serving: resolve checks the quantity, the result and the food's own portion data", "[serving]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (double quantity : {0.0, -1.0, nan, inf, 2e7}) {
        INFO(quantity);
        CHECK(thrown_by([&] { mgcalc::resolve_serving(quinoa, {quantity, "cup"}); }).code() ==
              mgcalc::errc::invalid_amount);
    }
    CHECK(thrown_by([] { mgcalc::resolve_serving(quinoa, {1.0, " "}); }).code() == mgcalc::errc::unknown_measure);

    // More than 10 kg of one food (docs/model.md): 20 kg; 100 cups of seeds = 12,900 g.
    CHECK(thrown_by([] { resolve(pumpkin_seeds, "20 kg"); }).code() == mgcalc::errc::invalid_amount);
    CHECK(thrown_by([] { resolve(pumpkin_seeds, "100 cups"); }).code() == mgcalc::errc::invalid_amount);
    CHECK(grams_of(pumpkin_seeds, "10 kg") == exactly(10'000.0));  // the limit itself is accepted

    // A portion of amount 0, weight 0, a negative or a NaN weight is bad data, reported as such.
    const mgcalc::food bad_rows[] = {
        sr24("90001", "Test food, amount 0", 10.0, {row(0.0, "cup", 30.0)}),
        sr24("90002", "Test food, weight 0", 10.0, {row(1.0, "cup", 0.0)}),
        sr24("90003", "Test food, negative weight", 10.0, {row(1.0, "cup", -30.0)}),
        sr24("90004", "Test food, NaN weight", 10.0, {row(1.0, "cup", nan)}),
        sr24("90005", "Test food, NaN amount", 10.0, {row(nan, "cup", 30.0)}),
    };
    for (const mgcalc::food& item : bad_rows) {
        INFO(item.description);
        const mgcalc::error e = thrown_by([&] { resolve(item, "1 cup"); });
        CHECK(e.code() == mgcalc::errc::invalid_amount);
        CHECK(std::string(e.what()).find("unusable portion \"cup\"") != std::string::npos);
        // Through volume conversion too, and mass still works.
        CHECK(thrown_by([&] { resolve(item, "1 tbsp"); }).code() == mgcalc::errc::invalid_amount);
        CHECK(grams_of(item, "30 g") == exactly(30.0));
    }
    // A bad row that is not chosen does not get in the way.
    const mgcalc::food one_bad_row = sr24("90006", "Test food, one bad row", 10.0,
                                          {row(1.0, "cup", 30.0), row(1.0, "slice", -1.0)});
    CHECK(grams_of(one_bad_row, "1 cup") == exactly(30.0));
}

// ---- several portions for one measure, and counts of the food itself ------------------------

namespace {

// 12061,"Nuts, almonds",268.0: cup, ground 95; cup, sliced 92; cup, slivered 108; cup, whole 143;
// oz (23 whole kernels) 28.35; almond 1.2
const mgcalc::food almonds = sr24("12061", "Nuts, almonds", 268.0,
                                  {row(1.0, "cup, ground", 95.0), row(1.0, "cup, sliced", 92.0),
                                   row(1.0, "cup, slivered", 108.0), row(1.0, "cup, whole", 143.0),
                                   row(1.0, "oz (23 whole kernels)", 28.35), row(1.0, "almond", 1.2)});
// 09298,"Raisins, seedless",32.0: cup, packed 165; cup (not packed) 145; ... 50.0 raisins 26
const mgcalc::food raisins = sr24("09298", "Raisins, seedless", 32.0,
                                  {row(1.0, "cup, packed", 165.0), row(1.0, "cup (not packed)", 145.0),
                                   row(50.0, "raisins", 26.0)});
// 19304,Molasses,242.0: cup 337; serving 1 tbsp 20
const mgcalc::food molasses = sr24("19304", "Molasses", 242.0, {row(1.0, "cup", 337.0), row(1.0, "serving 1 tbsp", 20.0)});
// 01123,"Egg, whole, raw, fresh",12.0: cup (4.86 large eggs) 243; extra large 56; jumbo 63; large 50;
// medium 44; small 38
const mgcalc::food raw_egg = sr24("01123", "Egg, whole, raw, fresh", 12.0,
                                  {row(1.0, "cup (4.86 large eggs)", 243.0), row(1.0, "extra large", 56.0),
                                   row(1.0, "jumbo", 63.0), row(1.0, "large", 50.0), row(1.0, "medium", 44.0),
                                   row(1.0, "small", 38.0)});
// 09200,"Oranges, raw, all commercial varieties",10.0: cup, sections 180; large 184; small 96;
// fruit (2-5/8" dia) 131
const mgcalc::food orange = sr24("09200", "Oranges, raw, all commercial varieties", 10.0,
                                 {row(1.0, "cup, sections", 180.0), row(1.0, "large (3-1/16\" dia)", 184.0),
                                  row(1.0, "small (2-3/8\" dia)", 96.0), row(1.0, "fruit (2-5/8\" dia)", 131.0)});
// 09037,"Avocados, raw, all commercial varieties",29.0: cup, cubes 150; cup, pureed 230; cup, sliced 146;
// avocado, NS as to Florida or California 201
const mgcalc::food avocado = sr24("09037", "Avocados, raw, all commercial varieties", 29.0,
                                  {row(1.0, "cup, cubes", 150.0), row(1.0, "cup, pureed", 230.0), row(1.0, "cup, sliced", 146.0),
                                   row(1.0, "avocado, NS as to Florida or California", 201.0)});

}  // namespace

TEST_CASE("serving: several portions for one measure: the whole form first, the others listed", "[serving]") {
    const mgcalc::resolved_serving cup = mgcalc::resolve_serving(almonds, mgcalc::parse_serving("1 cup"));
    CHECK(cup.weight.value() == Approx(143.0));  // whole, not the first listed (ground, 95 g)
    REQUIRE(cup.other_portions.size() == 3);
    CHECK(cup.other_portions[0].measure == "cup, sliced");  // cut before ground
    CHECK(cup.other_portions[2].measure == "cup, ground");
    CHECK(cup.measure_used.find("also listed") != std::string::npos);
    // "not packed" is not packed: raisins by the cup are the loose cup (145 g), not packed (165 g).
    CHECK(mgcalc::resolve_serving(raisins, mgcalc::parse_serving("1 cup")).weight.value() == Approx(145.0));
    // A volume through another unit takes the least changed form too: 1 tbsp = 1/16 of the whole cup.
    CHECK(mgcalc::resolve_serving(almonds, mgcalc::parse_serving("1 tbsp")).weight.value() == Approx(143.0 / 16));
    // The very unit asked for before a conversion: molasses lists "serving 1 tbsp" = 20 g (the
    // cup would give 337 / 16 = 21.06 g).
    CHECK(mgcalc::resolve_serving(molasses, mgcalc::parse_serving("1 tbsp")).weight.value() == Approx(20.0));
}

TEST_CASE("serving: a count of the food itself is the portion that is one of it", "[serving]") {
    CHECK(mgcalc::resolve_count(banana, 2, "bananas").weight.value() == Approx(236.0));     // 2 x medium 118 g
    CHECK(mgcalc::resolve_count(raw_egg, 2, "eggs").weight.value() == Approx(100.0));       // 2 x large 50 g
    CHECK(mgcalc::resolve_count(orange, 1, "orange").weight.value() == Approx(131.0));      // "fruit", no medium
    CHECK(mgcalc::resolve_count(avocado, 0.5, "avocado").weight.value() == Approx(100.5));  // named by the food
    CHECK(mgcalc::resolve_count(almonds, 10, "almonds").weight.value() == Approx(12.0));    // 10 x "almond"
    const mgcalc::resolved_serving one = mgcalc::resolve_count(banana, 1, "banana");
    CHECK(one.measure_used.find("a count of the food") != std::string::npos);
    CHECK(one.other_portions.size() == 4);  // the other sizes
    // No portion is one of the food: an error naming its measures, and an empty twin.
    CHECK_FALSE(mgcalc::find_count(pumpkin_seeds, 1, "pumpkin seeds"));
    CHECK_THROWS_AS(mgcalc::resolve_count(pumpkin_seeds, 1, "pumpkin seeds"), mgcalc::error);
    CHECK_THROWS_AS(mgcalc::resolve_count(banana, -1, "banana"), mgcalc::error);
}

TEST_CASE("serving: find_serving is empty where resolve_serving names the food's measures", "[serving]") {
    CHECK_FALSE(mgcalc::find_serving(quinoa, mgcalc::parse_serving("1 slice")));
    CHECK(mgcalc::find_serving(quinoa, mgcalc::parse_serving("1 cup"))->weight.value() == Approx(185.0));
    CHECK_THROWS_AS(mgcalc::resolve_serving(quinoa, mgcalc::parse_serving("1 slice")), mgcalc::error);
    // An invalid quantity is still an error, not an empty answer.
    CHECK_THROWS_AS(mgcalc::find_serving(quinoa, mgcalc::serving{-1.0, "cup"}), mgcalc::error);
}

TEST_CASE("serving: try_parse_serving returns the serving or the error, with the text at fault", "[serving]") {
    const mgcalc::result<mgcalc::serving> good = mgcalc::try_parse_serving("1 1/2 cups");
    REQUIRE(good);
    CHECK(good->quantity == Approx(1.5));
    const mgcalc::result<mgcalc::serving> bad = mgcalc::try_parse_serving("some beans");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code() == mgcalc::errc::parse_error);
    CHECK(bad.error().input() == "some beans");
    // The throwing parser's error names the same text.
    try {
        (void)mgcalc::parse_serving("-2 cups");
        FAIL("a negative serving was accepted");
    } catch (const mgcalc::error& e) {
        CHECK(e.code() == mgcalc::errc::invalid_amount);
        CHECK(e.input() == "-2 cups");
    }
}

TEST_CASE("serving: \"ounce fluid\", the label's order, is the fluid ounce, not the mass ounce", "[serving][hardening]") {
    // Beer: 1 fl oz = 29.7 g (SR24 14003); the mass ounce would be 28.349523125 g.
    for (const char* text : {"1 ounce fluid", "1 oz fl", "1 oz. fl.", "1 ounces fluid", "1 fl oz", "1 fluid ounce"}) {
        INFO(text);
        CHECK(grams_of(beer, text) == exactly(29.7));
        CHECK(resolve(beer, text).measure_used.rfind("fl oz", 0) == 0);
    }
    CHECK(grams_of(beer, "1 ounce") == exactly(28.349523125));
}
