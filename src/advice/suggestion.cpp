// Gap-closing suggestions (mgcalc/advice/suggestion.hpp; docs/log-evaluation.md, "Suggestions").
//
// The foods come from a curated list of everyday magnesium-rich foods, not from a scan of the
// database: the foods richest in magnesium per 100 g are spices, bran and dried seaweed, which
// nobody eats by the cup. Each entry names a USDA SR24 food (NDB number) and one of that food's
// own SR24 portions (data/usda-sr24/portions.csv), chosen as the serving people eat.
#include <mgcalc/foods/database.hpp>
#include <mgcalc/people/reference.hpp>
#include <mgcalc/advice/suggestion.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc {

namespace {

/// A curated food: a USDA SR24 NDB number and the SR24 portion used as its serving (amount and
/// measure exactly as portions.csv writes them).
struct everyday_food {
    std::string_view id;
    double amount;
    std::string_view measure;
    /// Whole nuts or seeds, a choking hazard for young children (see whole_nuts_from_years).
    /// Nut and seed butters are not: spread thinly they are offered to toddlers.
    bool whole_nut_or_seed = false;
};

// mgcalc rule: no whole nuts or seeds for children under 4 years. The American Academy of
// Pediatrics names nuts and seeds among the foods that most often choke young children and
// advises keeping them from children under 4 (Committee on Injury, Violence, and Poison
// Prevention, "Prevention of Choking Among Children", Pediatrics 125(3):601-607, 2010,
// doi:10.1542/peds.2009-2862).
constexpr double whole_nuts_from_years = 4.0;

constexpr std::string_view adult_servings_note =
    "Servings are adult household measures (USDA SR24 portions); a child's serving is smaller.";
constexpr std::string_view no_whole_nuts_note =
    " Whole nuts and seeds are left out for children under 4 years, for whom they are a choking hazard "
    "(American Academy of Pediatrics, Prevention of Choking Among Children, 2010); spread nut butters thinly.";

// Magnesium per serving = SR24 mg/100 g x portion grams / 100 (data/usda-sr24/foods.csv and
// portions.csv). Order is only the tie-break between equal amounts. docs/log-evaluation.md lists
// the same table; keep them in step.
constexpr std::array<everyday_food, 28> everyday_foods{{
    // Nuts and seeds
    {"12016", 1.0, "oz", true},                     // pumpkin seed kernels, roasted: 550 x 28.35 g = 155.9 mg
    {"12078", 1.0, "oz (6 kernels)", true},         // Brazil nuts: 376 x 28.35 g = 106.6 mg
    {"12006", 1.0, "oz", true},                     // chia seeds: 335 x 28.35 g = 95.0 mg
    {"12061", 1.0, "oz (23 whole kernels)", true},  // almonds: 268 x 28.35 g = 76.0 mg
    {"12085", 1.0, "oz", true},                     // cashews, dry roasted: 260 x 28.35 g = 73.7 mg
    {"16390", 1.0, "oz", true},                     // peanuts, dry roasted: 176 x 28.35 g = 49.9 mg
    {"16398", 2.0, "tbsp"},                         // peanut butter, smooth: 154 x 32 g = 49.3 mg
    // Sweets
    {"19904", 1.0, "oz"},  // dark chocolate 70-85% cacao: 228 x 28.35 g = 64.6 mg
    // Vegetables and fruit
    {"11458", 1.0, "cup"},            // spinach, boiled: 87 x 180 g = 156.6 mg
    {"11148", 1.0, "cup, chopped"},   // Swiss chard, boiled: 86 x 175 g = 150.5 mg
    {"11674", 1.0, "potato medium"},  // potato, baked, flesh and skin: 28 x 173 g = 48.4 mg
    {"09037", 1.0, "cup, cubes"},     // avocado: 29 x 150 g = 43.5 mg
    {"09040", 1.0, "medium (7\" to 7-7/8\" long)"},  // banana: 27 x 118 g = 31.9 mg
    // Legumes and soy
    {"16015", 1.0, "cup"},  // black beans, boiled: 70 x 172 g = 120.4 mg
    {"11212", 1.0, "cup"},  // edamame, prepared: 64 x 155 g = 99.2 mg
    {"16033", 1.0, "cup"},  // kidney beans, boiled: 45 x 177 g = 79.7 mg
    {"16057", 1.0, "cup"},  // chickpeas, boiled: 48 x 164 g = 78.7 mg
    {"16070", 1.0, "cup"},  // lentils, boiled: 36 x 198 g = 71.3 mg
    {"16126", 0.5, "cup"},  // tofu, firm, with nigari: 37 x 126 g = 46.6 mg
    {"16222", 1.0, "cup"},  // soymilk, unsweetened: 16 x 243 g = 38.9 mg
    // Grains
    {"20137", 1.0, "cup"},                             // quinoa, cooked: 64 x 185 g = 118.4 mg
    {"20037", 1.0, "cup"},                             // brown rice, long-grain, cooked: 43 x 195 g = 83.9 mg
    {"08121", 1.0, "cup"},                             // oatmeal, cooked with water: 27 x 234 g = 63.2 mg
    {"08147", 2.0, "biscuits (1 NLEA serving)"},       // shredded wheat: 133 x 46 g = 61.2 mg
    {"18075", 1.0, "slice"},                           // whole-wheat bread: 82 x 28 g = 23.0 mg
    // Dairy and fish
    {"01117", 1.0, "cup (8 fl oz)"},  // yogurt, plain, low fat: 17 x 245 g = 41.7 mg
    {"01079", 1.0, "cup"},            // milk, 2%: 11 x 244 g = 26.8 mg
    {"15237", 3.0, "oz"},             // salmon, Atlantic, farmed, cooked: 30 x 85 g = 25.5 mg
}};

const portion* find_portion(const food& item, const everyday_food& wanted) {
    const auto found = std::find_if(item.portions.begin(), item.portions.end(), [&](const portion& p) {
        return p.measure == wanted.measure && std::abs(p.amount - wanted.amount) < 1e-9;
    });
    return found == item.portions.end() ? nullptr : &*found;
}

/// "1 oz (28.35 g) of Seeds, pumpkin and squash seed kernels, roasted, without salt adds 156 mg".
std::string suggestion_text(const food& item, const portion& serving, milligrams magnesium) {
    return detail::format_number(serving.amount, 3) + " " + serving.measure + " (" +
           detail::format_number(serving.weight.value(), 2) + " g) of " + item.description + " adds " +
           detail::format_number(magnesium.value(), 0) + " mg";
}

/// The day already has this food: the same id in the same source, or the same description
/// (the same food from another database).
bool eaten_that_day(const evaluation& day, const food& item) {
    const std::string description = detail::to_lower(item.description);
    return std::any_of(day.entries.begin(), day.entries.end(), [&](const entry_contribution& e) {
        if (e.kind != entry_kind::food) return false;
        if (e.food_id == item.id && e.food_source == item.source) return true;
        return !description.empty() && detail::to_lower(e.food_description) == description;
    });
}

/// The curated foods `database` holds with a known (not lower-bound) magnesium value and the
/// curated serving among their portions, that the day does not already have and that suit the
/// person's age, in list order.
std::vector<food_suggestion> candidates(const food_database& database, const evaluation& day, milligrams gap) {
    const bool whole_nuts_suit = day.stage.age().in_years() >= whole_nuts_from_years;
    std::vector<food_suggestion> found;
    for (const everyday_food& wanted : everyday_foods) {
        if (wanted.whole_nut_or_seed && !whole_nuts_suit) continue;
        const std::optional<std::size_t> index = database.find(wanted.id);
        if (!index || !database.magnesium_per_100g(*index)) continue;  // unknown is never suggested
        food item = database.at(*index);
        if (eaten_that_day(day, item)) continue;  // suggest something new, not more of the same
        if (!item.magnesium_per_100g || item.magnesium_is_lower_bound) continue;
        const portion* serving = find_portion(item, wanted);
        if (!serving) continue;
        const std::optional<milligrams> magnesium = magnesium_in(item, serving->weight);
        if (!magnesium || !(magnesium->value() > 0)) continue;
        std::string text = suggestion_text(item, *serving, *magnesium);
        portion chosen = *serving;
        found.push_back(food_suggestion{std::move(item), std::move(chosen), *magnesium, *magnesium >= gap, std::move(text)});
    }
    return found;
}

}  // namespace

gap_suggestions suggest_for_gap(const evaluation& day, std::size_t count) {
    return suggest_for_gap(day, count, usda_sr24());
}

gap_suggestions suggest_for_gap(const evaluation& day, std::size_t count, const food_database& database) {
    const milligrams zero = milligrams::from_value(0.0);
    const reference_intakes& reference = day.reference;
    gap_suggestions result{day.total < reference.target ? reference.target - day.total : zero, {}, std::nullopt, {}};
    if (!(result.gap > zero)) return result;  // target met: nothing to close

    // Infants have no UL (IOM 1997 pp. 209-210, 242-244; no other authority sets one below 12
    // months): their magnesium should come from breast milk, formula and food, and the curated
    // servings (an ounce of nuts, a cup of beans) are not infant food. So no foods and no
    // supplement for them.
    if (day.stage.age().infant()) return result;

    // Foods whose one serving closes the gap first, smallest sufficient serving first (so a
    // 50 mg gap is not met with three times that); then the largest contributions. Stable, so
    // equal amounts keep the curated order: the result is deterministic.
    std::vector<food_suggestion> foods = candidates(database, day, result.gap);
    std::stable_sort(foods.begin(), foods.end(), [](const food_suggestion& a, const food_suggestion& b) {
        if (a.closes_gap != b.closes_gap) return a.closes_gap;
        return a.closes_gap ? a.magnesium < b.magnesium : b.magnesium < a.magnesium;
    });
    if (foods.size() > count) foods.erase(foods.begin() + static_cast<std::ptrdiff_t>(count), foods.end());
    result.foods = std::move(foods);
    if (!result.foods.empty()) {
        result.note = adult_servings_note;
        if (day.stage.age().in_years() < whole_nuts_from_years) result.note += no_whole_nuts_note;
    }

    // A supplement amount never crosses the supplemental UL (food never counts toward it) and is
    // never more than the gap. No UL established (infants): no amount at all.
    if (reference.ul_supplemental) {
        const milligrams room_under_limit = *reference.ul_supplemental - day.supplement;
        if (room_under_limit > zero) result.supplement_room = std::min(result.gap, room_under_limit);
    }
    return result;
}

}  // namespace mgcalc
