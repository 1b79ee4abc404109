// Food entries as people type them, with the USDA SR24 food and the grams they mean: the quality
// set of mgcalc's food resolver (mgcalc::resolve_food_entry), shared by tests/foods/resolve_test.cpp
// and bench/search_bench.cpp.
//
// How the list was made: the phrases are the everyday foods of tests/cases/search_queries.hpp and of the
// NIH magnesium fact sheet, typed in the forms people use in a food diary: amount first or last,
// "of", number words ("half a cup", "an ounce"), counts without a measure ("1/2 avocado", "2
// eggs"), household measures, the FOOD=SERVING form, ids, a few common typos and everyday names
// that USDA writes differently ("oatmeal"). For each, the expected NDB numbers and grams were
// chosen by reading data/usda-sr24/foods.csv and portions.csv BEFORE the resolver was written: the
// food in the form people eat it (cooked beans, grains and pasta; brewed coffee; cooked meat and
// fish; the plain food, not its oil, butter or candy; cow's milk for "milk"), and the grams of the
// portion a person means when they say no more (a whole almond, not ground; a medium banana; a
// large egg, the egg of US recipes and labels). Where USDA lists several equally right forms
// (whole, 2% or skim milk; the cooked species of salmon) all are listed. Expectations are never
// edited to make a phrase pass.
#pragma once

#include <string_view>

namespace mgcalc_bench {

struct phrase_case {
    std::string_view phrase;
    /// Space-separated NDB numbers, any one right; "ID=GRAMS" where that food's grams differ from
    /// `grams`.
    std::string_view expected;
    double grams;  ///< the grams a person means, within 2%
};

inline constexpr phrase_case phrase_cases[] = {
    // Amount first, with a unit.
    {"1 cup black beans", "16015 16315", 172.0},
    {"2 cups of milk", "01077 01079 01082 01085=490 01151=490 01174 01175 01211", 488.0},
    {"an ounce of almonds", "12061", 28.349523125},
    {"half a cup of cashews", "12085 12585 12086=64.5 12586=64.5", 68.5},
    {"3 oz salmon", "15082 15086 15209 15210 15211 15237 15239 15247", 85.0485},
    {"1 cup cooked spinach", "11458 11854", 180.0},
    {"1 cup raw spinach", "11457", 30.0},
    {"1 cup lentils", "16070 16370", 198.0},
    {"1 cup chickpeas", "16057 16357", 164.0},
    {"1 cup garbanzo beans", "16057 16357", 164.0},
    {"1 cup cooked brown rice", "20037 20041", 195.0},
    {"a cup of brown rice", "20037 20041", 195.0},
    {"1 cup white rice", "20045 20345 20445 20545", 158.0},
    {"1 cup quinoa", "20137", 185.0},
    {"1 cup cooked pasta", "20100 20121 20321 20400 20421 20521 20094", 140.0},
    {"1 cup spaghetti", "20121 20321 20421 20521", 140.0},
    {"1 cup cooked barley", "20006", 157.0},
    {"1 cup millet", "20032", 174.0},
    {"1 cup pinto beans", "16043", 171.0},
    {"1 cup navy beans", "16038", 182.0},
    {"1 cup kidney beans", "16028", 177.0},
    {"1 cup oatmeal", "08121 08180", 234.0},
    {"1 cup of cooked oatmeal", "08121 08180", 234.0},
    {"1 cup coffee", "14209", 237.0},
    {"8 fl oz coffee", "14209", 236.5882365},
    {"1 cup tea", "14355", 237.0},
    {"1 oz pumpkin seeds", "12014 12016", 28.349523125},
    {"1 oz dark chocolate", "19902 19903 19904", 28.349523125},
    {"1 cup plain yogurt", "01116 01117 01118", 245.0},
    {"1 cup soy milk", "16120 16139 16222", 243.0},
    {"2 tbsp peanut butter", "16097 16098 16397 16398", 32.0},
    {"2 tbsp tahini", "12166 12698", 30.0},
    {"1 tbsp flaxseed", "12220", 10.3},
    {"1 tbsp molasses", "19304", 20.0},
    {"1 oz sunflower seeds", "12036 12037", 28.349523125},
    {"1 cup almonds", "12061", 143.0},
    {"1 cup strawberries", "09316", 144.0},
    {"1 cup blueberries", "09050", 148.0},
    {"1 cup orange juice", "09206 09209", 248.0},
    {"1 cup kale", "11233", 67.0},
    {"1 cup edamame", "11212", 155.0},
    {"1 cup broccoli", "11090=91 11091=156", 91.0},
    {"4 oz chicken breast", "05064 05060", 113.3980925},
    {"3 oz shrimp", "15151", 85.0485},
    {"1 slice cheddar cheese", "01009", 28.0},
    {"1 oz cheddar", "01009", 28.349523125},
    {"1 cup cottage cheese", "01012", 210.0},
    // Counts without a measure: the portion people mean by "one".
    {"1/2 avocado", "09037", 100.5},
    {"1 baked potato", "11674 11356", 173.0},
    {"1 medium banana", "09040", 118.0},
    {"a banana", "09040", 118.0},
    {"2 bananas", "09040", 236.0},
    {"1 apple", "09003", 182.0},
    {"1 large egg", "01123 01129 01128=46 01131 01132", 50.0},
    {"2 eggs", "01123 01129 01128=92 01131 01132", 100.0},
    {"10 almonds", "12061", 12.0},
    {"1 medium sweet potato", "11508", 114.0},
    {"2 slices whole wheat bread", "18075", 56.0},
    {"1 slice white bread", "18069", 28.0},
    {"1 pear", "09252", 178.0},
    {"1 medium onion", "11282", 110.0},
    // Amount last.
    {"almonds 30g", "12061", 30.0},
    {"almonds 30 g", "12061", 30.0},
    {"milk 1 cup", "01077 01079 01082 01085=245 01151=245 01174 01175 01211", 244.0},
    {"quinoa, 1 cup", "20137", 185.0},
    // FOOD=SERVING, the form of earlier versions.
    {"coffee=1 cup", "14209", 237.0},
    {"black beans=1 cup", "16015 16315", 172.0},
    {"quinoa=1 cup", "20137", 185.0},
    {"brown rice=1 cup", "20037 20041", 195.0},
    {"milk=2 cups", "01077 01079 01082 01085=490 01151=490 01174 01175 01211", 488.0},
    {"cashews=0.5 cup", "12085 12585 12086=64.5 12586=64.5", 68.5},
    {"whole wheat bread=2 slices", "18075", 56.0},
    {"salmon=3 oz", "15082 15086 15209 15210 15211 15237 15239 15247", 85.0485},
    {"cooked pasta=1 cup", "20100 20121 20321 20400 20421 20521", 140.0},
    {"flaxseed=1 tbsp", "12220", 10.3},
    // Ids.
    {"12014=1 oz", "12014", 28.349523125},
    {"usda-sr24:09040=1 medium", "09040", 118.0},
    // Typos of one or two letters, and everyday names.
    {"1 cup spinch", "11457", 30.0},
    {"1 oz almnods", "12061", 28.349523125},
    {"1 cup brocoli", "11090=91 11091=156", 91.0},
    {"1 cup yoghurt", "01116 01117 01118", 245.0},
    {"1 cup porridge", "08121 08180", 234.0},
};

}  // namespace mgcalc_bench
