// Everyday food queries with the USDA SR24 foods a person typing them means: the quality set of
// mgcalc's food search, shared by tests/foods/search_test.cpp (every query must have a right food
// in the top 5) and bench/search_bench.cpp (top-5 quality of mgcalc and of SQLite FTS5).
//
// How the list was made: the queries are the foods that NIH's magnesium fact sheet and everyday
// shopping lists name, written the way people type them (plural or singular, the usual word
// order, "brazil nuts" and "soy milk" as two words, a few with a preparation word, a few cut
// short as autocomplete sees them). For each, the expected NDB numbers were chosen by reading
// data/usda-sr24/foods.csv (grep for the food's words) BEFORE the ranking was written or tuned:
// the plain, unbranded food in its raw or usual form, and where USDA lists several equally plain
// forms (whole/2%/nonfat milk, the raw species of salmon) all of them. Foods a person would not
// mean are left out even when they contain the words (pumpkin pie, peanut butter cookies, dried
// egg, smoked or canned salmon unless the query says "canned"). Expectations are never edited to
// make a query pass; a correction of a wrong expectation is noted next to it.
#pragma once

#include <string_view>

namespace mgcalc_bench {

struct search_case {
    std::string_view query;
    std::string_view expected;  ///< space-separated NDB numbers; any one in the top 5 is right
};

inline constexpr search_case search_cases[] = {
    // Foods rich in magnesium (NIH ODS fact sheet, Table 2) and everyday foods.
    {"pumpkin seeds", "12014 12016"},
    {"almonds", "12061"},
    {"spinach", "11457"},
    {"banana", "09040"},
    {"quinoa", "20137"},
    {"cashews", "12087 12085"},
    {"peanut butter", "16097 16098 16397 16398"},
    {"black beans", "16014 16015"},
    {"avocado", "09037"},
    {"dark chocolate", "19902 19903 19904"},
    {"brown rice", "20036 20037 20040 20041"},
    // 20038 "Oats" added after the first run: the plain food, missed when the list was written
    // because the grep for it looked at "Cereals, oats" only. The expectation was wrong.
    {"oats", "08120 08121 20038"},
    {"tofu", "16126 16127 16426 16427"},
    {"salmon", "15076 15078 15079 15081 15082 15083 15085 15086 15209 15210 15211 15212 15236 15237 15238 "
               "15239 15247"},
    {"milk", "01077 01079 01082 01085 01151 01174 01175 01211"},
    {"yogurt", "01116 01117 01118"},
    {"broccoli", "11090 11091"},
    {"potato", "11353 11354 11355 11356 11357 11358 11363 11365 11367 11674"},
    {"edamame", "11211 11212"},
    {"chia seeds", "12006"},
    {"flaxseed", "12220"},
    {"sunflower seeds", "12036 12037"},
    {"walnuts", "12155 12154"},
    {"lentils", "16069 16070"},
    {"chickpeas", "16056 16057 16058"},
    {"kidney beans", "16027 16028 16029"},
    {"whole wheat bread", "18075"},
    {"egg", "01123 01128 01129 01130 01131 01132 01171"},
    {"chicken breast", "05057 05060 05062 05064"},
    {"apple", "09003 09004"},
    {"orange", "09200 09202"},
    {"sweet potato", "11507 11508"},
    {"kale", "11233"},
    {"coffee", "14209"},
    {"peanuts", "16087 16090 16390"},
    {"brazil nuts", "12078"},
    {"swiss chard", "11147 11148"},
    {"molasses", "19304"},
    {"hazelnuts", "12120"},
    {"tomato", "11529"},
    {"carrots", "11124"},
    {"raisins", "09298 09297"},
    {"blueberries", "09050"},
    {"strawberries", "09316"},
    {"cheddar cheese", "01009"},
    {"white rice", "20044 20045"},
    {"cocoa powder", "19165 19166"},
    {"tahini", "12166 12698"},
    {"sesame seeds", "12023 12024"},
    {"soy milk", "16120 16139 16222"},
    {"wheat bran", "20077"},
    {"figs", "09089 09094"},
    {"shrimp", "15149 15151"},
    {"okra", "11278"},
    {"green peas", "11304 11305"},
    {"navy beans", "16037 16038"},
    {"cabbage", "11109"},
    {"mackerel", "15046 15047 15049 15051 15052 15200 15050 15201"},
    // With a preparation or kind word.
    {"raw spinach", "11457"},
    {"cooked quinoa", "20137"},
    {"boiled egg", "01129"},
    {"roasted almonds", "12063 12563"},
    {"canned tuna", "15119 15121 15124 15126"},
    {"skim milk", "01085 01151"},
    {"whole milk", "01077 01211"},
    // Cut short, as an autocomplete field sees them while the user types.
    {"almo", "12061"},
    {"spin", "11457"},
    {"quin", "20137 20035"},
    {"bana", "09040"},
    {"pumpkin se", "12014 12016"},
    {"brown ri", "20036 20037 20040 20041"},
};

/// A second set, written the same way after the ranking's first version ran and before the rules
/// that fixed that version's misses: a check that the rules do not fit the first set only. Its
/// totals were printed beside the first set's while rules were tried, so it is a check, not an
/// untouched test set; no rule or weight was chosen for one of its queries. Reported separately
/// (docs/food-data.md); the test holds it to a floor, not to every query right.
inline constexpr search_case held_out_cases[] = {
    {"peaches", "09236"},
    {"cherries", "09063 09070"},
    {"lettuce", "11250 11251 11252 11253 11257"},
    {"onion", "11282"},
    {"garlic", "11215"},
    {"cottage cheese", "01012 01015 01016"},
    {"butter", "01001 01145"},
    {"olive oil", "04053"},
    {"honey", "19296"},
    {"sugar", "19335"},
    {"cucumber", "11205 11206"},
    {"grapes", "09131 09132"},
    {"watermelon", "09326"},
    {"pineapple", "09266"},
    {"mango", "09176"},
    {"pear", "09252"},
    {"lemon", "09150"},
    {"orange juice", "09206 09209"},
    {"apple juice", "09016 09400"},
    {"cauliflower", "11135"},
    {"celery", "11143"},
    {"mushrooms", "11260 11266"},
    {"asparagus", "11011"},
    {"beets", "11080"},
    {"ground beef", "13498 23557 23562 23567 23572 23577"},
    {"mozzarella", "01026 01028"},
    {"swiss cheese", "01040"},
    {"white bread", "18069"},
    {"spaghetti", "20120 20121"},
    {"sweet corn", "11167 11900"},
    {"pistachios", "12151 12152"},
    {"pecans", "12142"},
    {"macadamia nuts", "12131 12132"},
    {"buckwheat", "20008"},
    {"millet", "20031 20032"},
    {"bulgur", "20012 20013"},
    {"barley", "20004 20005 20006"},
    {"tea", "14355"},
    {"turkey", "05163 05164 05165 05166"},
    {"sardines", "15088 15089"},
    {"pinto beans", "16042 16043"},
    {"soybeans", "16108"},
};

}  // namespace mgcalc_bench
