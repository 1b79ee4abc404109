// load_fdc_csv: a USDA FoodData Central CSV download folder -> food_table "fdc".
//
// Formats: the USDA FoodData Central field documentation, as reproduced in the schema comments of
// bluedreamer/FoodData (schema/food.sql, food_nutrient.sql, food_portion.sql, nutrient.sql,
// measure_unit.sql); docs/sources.md. What is read and why is in docs/food-data.md.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/database.hpp>
#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/foods/loaders.hpp>
#include <mgcalc/limits.hpp>
#include <mgcalc/units.hpp>

#include "detail/csv.hpp"
#include "detail/text.hpp"

#include <algorithm>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mgcalc {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view fdc_files[] = {"food.csv", "food_nutrient.csv", "food_portion.csv", "nutrient.csv",
                                          "measure_unit.csv"};

/// Magnesium's nutrient_nbr: the SR nutrient number that FDC keeps in nutrient.csv (magnesium row
/// id 1090, name "Magnesium, Mg", unit_name "MG", nutrient_nbr "304"; facts section 5a).
constexpr double magnesium_nutrient_number = 304;

/// measure_unit.csv id of "undetermined": SR Legacy and FNDDS portions whose measure text is in
/// modifier / portion_description instead (facts section 5a).
constexpr std::string_view undetermined_unit_id = "9999";

std::string expected_files() {
    std::vector<std::string> names(std::begin(fdc_files), std::end(fdc_files));
    return detail::join(names);
}

/// FDC writes ids as integers ("1090"); some exports write them as decimals ("1090.0"). Both
/// name the same row, so ids are compared in this form: trimmed, with a zero fraction removed.
std::string id_key(std::string_view text) {
    text = detail::trim(text);
    const std::size_t dot = text.find('.');
    if (dot != std::string_view::npos && dot > 0) {
        const std::string_view whole = text.substr(0, dot);
        const std::string_view fraction = text.substr(dot + 1);
        const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
        if (std::all_of(whole.begin(), whole.end(), is_digit) && std::all_of(fraction.begin(), fraction.end(),
                                                                               [](char c) { return c == '0'; })) {
            text = whole;
        }
    }
    return std::string(text);
}

bool is_whole_number(std::string_view text) {
    text = detail::trim(text);
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The mass units FDC states nutrient amounts in (nutrient.unit_name), as far as magnesium can be.
enum class mass_unit { milligram, gram, microgram };

using microgram = boost::units::make_scaled_unit<unit::gram, boost::units::scale<10, boost::units::static_rational<-6>>>::type;

milligrams to_milligrams(double value, mass_unit unit_name) {
    switch (unit_name) {
        case mass_unit::gram: return milligrams{grams::from_value(value)};
        case mass_unit::microgram: return milligrams{boost::units::quantity<microgram, double>::from_value(value)};
        case mass_unit::milligram: break;
    }
    return milligrams::from_value(value);
}

struct magnesium_nutrient {
    std::string id;  ///< nutrient.id, normally "1090"
    mass_unit unit;
};

void check_folder(const std::string& directory) {
    if (!fs::is_directory(directory)) {
        throw error(errc::malformed_file, directory + ": not a folder; expected a FoodData Central CSV download folder with " +
                                              expected_files());
    }
    std::vector<std::string> missing;
    for (std::string_view name : fdc_files) {
        if (!fs::exists(fs::path(directory) / name)) missing.emplace_back(name);  // opening refuses the rest
    }
    if (!missing.empty()) {
        throw error(errc::malformed_file, (fs::path(directory) / missing.front()).string() + ": no such file (missing: " +
                                              detail::join(missing) + "); expected a FoodData Central CSV folder with " +
                                              expected_files());
    }
}

std::vector<magnesium_nutrient> read_magnesium_nutrients(detail::csv_reader csv) {
    csv.require_columns({"id", "unit_name", "nutrient_nbr"});
    const std::size_t id = csv.column("id"), unit_name = csv.column("unit_name"), number = csv.column("nutrient_nbr");
    std::vector<magnesium_nutrient> found;
    while (csv.next()) {
        // nutrient_nbr is "304" in most releases and "304.0" in some: compare the numbers. The
        // join key is nutrient.id (1090), never this number (facts section 5a, "join trap").
        const auto nbr = detail::parse_decimal(csv.field(number));
        if (!nbr || *nbr != magnesium_nutrient_number) continue;
        const std::string unit_text = detail::to_lower(detail::trim(csv.field(unit_name)));
        mass_unit unit_value = mass_unit::milligram;
        if (unit_text == "mg") {
            unit_value = mass_unit::milligram;
        } else if (unit_text == "g") {
            unit_value = mass_unit::gram;
        } else if (unit_text == "ug" || unit_text == "mcg" || unit_text == "\xC2\xB5g") {
            unit_value = mass_unit::microgram;
        } else {
            csv.fail(unit_name, "'" + std::string(csv.field(unit_name)) +
                                    "' is not a mass unit for magnesium (nutrient_nbr 304); expected MG, G or UG");
        }
        const std::string key = id_key(csv.field(id));
        if (key.empty()) csv.fail(id, "is empty; expected the nutrient's id, like 1090 for magnesium");
        found.push_back({key, unit_value});
    }
    if (found.empty()) {
        throw error(errc::malformed_file,
                    csv.name() + ": no nutrient has nutrient_nbr 304 (magnesium); expected a row like "
                           "\"1090\",\"Magnesium, Mg\",\"MG\",\"304\",\"5500\"");
    }
    return found;
}

std::unordered_map<std::string, std::string> read_measure_units(detail::csv_reader csv) {
    csv.require_columns({"id", "name"});
    const std::size_t id = csv.column("id"), name = csv.column("name");
    std::unordered_map<std::string, std::string> units;
    while (csv.next()) units.emplace(id_key(csv.field(id)), std::string(detail::trim(csv.field(name))));
    return units;
}

struct loaded_foods {
    // A deque: food's move constructor is not noexcept (Boost.Units quantities), so a growing
    // vector would copy every food on each reallocation.
    std::deque<food> foods;
    std::vector<std::size_t> lines;                          ///< food.csv line of each food
    std::vector<bool> has_magnesium_row;
    std::unordered_map<std::string, std::size_t> by_id;      ///< id_key(fdc_id) -> position
};

loaded_foods read_foods(detail::csv_reader csv) {
    csv.require_columns({"fdc_id", "description"});
    const std::size_t id = csv.column("fdc_id"), description = csv.column("description");
    loaded_foods out;
    while (csv.next()) {
        std::string key = id_key(csv.field(id));
        if (key.empty()) csv.fail(id, "is empty; expected the food's FDC id, like 171688");
        const auto [at, inserted] = out.by_id.emplace(key, out.foods.size());
        if (!inserted) {
            csv.fail(id, "'" + key + "' appears twice (first on line " + std::to_string(out.lines[at->second]) +
                             "); expected each food once");
        }
        food item;
        item.id = std::move(key);
        item.description = std::string(detail::trim(csv.field(description)));
        item.source = "fdc";
        out.foods.push_back(std::move(item));
        out.lines.push_back(csv.line());
    }
    out.has_magnesium_row.assign(out.foods.size(), false);
    return out;
}

void read_magnesium_values(detail::csv_reader csv, const std::vector<magnesium_nutrient>& magnesium,
                           loaded_foods& foods) {
    csv.require_columns({"fdc_id", "nutrient_id", "amount"});
    const std::size_t id = csv.column("fdc_id"), nutrient = csv.column("nutrient_id"), amount = csv.column("amount");
    while (csv.next()) {
        const std::string nutrient_id = id_key(csv.field(nutrient));
        const auto is_magnesium = std::find_if(magnesium.begin(), magnesium.end(),
                                               [&](const magnesium_nutrient& m) { return m.id == nutrient_id; });
        if (is_magnesium == magnesium.end()) continue;
        // A row for a food that food.csv does not list cannot be reached: skipped, so a trimmed
        // food.csv works with the full food_nutrient.csv.
        const auto found = foods.by_id.find(id_key(csv.field(id)));
        if (found == foods.by_id.end()) continue;
        const std::optional<double> value = csv.optional_number(amount);
        if (value && *value < 0) {
            csv.fail(amount, "'" + std::string(detail::trim(csv.field(amount))) +
                                 "' is negative; expected magnesium per 100 g of 0 or more");
        }
        // One value per food: the first row wins if a release repeats one. An empty amount stays
        // unknown (never 0).
        if (foods.has_magnesium_row[found->second]) continue;
        foods.has_magnesium_row[found->second] = true;
        if (value) {
            const milligrams per_100g = to_milligrams(*value, is_magnesium->unit);
            if (per_100g.value() > limits::max_magnesium_mg_per_100g) {
                csv.fail(amount, "'" + std::string(detail::trim(csv.field(amount))) + "' is " +
                                     detail::decimal_beyond(per_100g.value(), limits::max_magnesium_mg_per_100g) +
                                     " mg of magnesium per 100 g, more than the 100000 mg per 100 g of the pure metal; "
                                     "expected magnesium per 100 g of 0 to 100000 mg");
            }
            foods.foods[found->second].magnesium_per_100g = per_100g;
        }
    }
}

void read_portions(detail::csv_reader csv, const std::unordered_map<std::string, std::string>& units,
                   loaded_foods& foods) {
    csv.require_columns({"fdc_id", "amount", "measure_unit_id", "portion_description", "modifier", "gram_weight"});
    const std::size_t id = csv.column("fdc_id"), amount = csv.column("amount"), unit_id = csv.column("measure_unit_id"),
                      description = csv.column("portion_description"), modifier = csv.column("modifier"),
                      gram_weight = csv.column("gram_weight");
    while (csv.next()) {
        const auto found = foods.by_id.find(id_key(csv.field(id)));
        if (found == foods.by_id.end()) continue;  // as for food_nutrient.csv

        portion item;
        // FNDDS leaves amount undefined (the count is in portion_description): read as 1.
        item.amount = csv.optional_number(amount).value_or(1.0);
        if (!(item.amount > 0)) {
            csv.fail(amount, "'" + std::string(detail::trim(csv.field(amount))) +
                                 "' is not a positive number of measures; expected a count like 1 or 0.5");
        }

        const std::string unit_key = id_key(csv.field(unit_id));
        std::string unit_name;
        if (!unit_key.empty() && unit_key != undetermined_unit_id) {
            const auto unit = units.find(unit_key);
            if (unit == units.end()) {
                csv.fail(unit_id, "'" + unit_key + "' is not an id in measure_unit.csv; expected one of its ids");
            }
            if (detail::to_lower(unit->second) != "undetermined") unit_name = unit->second;
        }
        const std::string_view modifier_text = detail::trim(csv.field(modifier));
        const std::string_view description_text = detail::trim(csv.field(description));
        if (!unit_name.empty()) {
            // Foundation foods: a real unit with a qualifier in modifier ("cup" + "diced").
            item.measure = unit_name;
            if (!modifier_text.empty() && !is_whole_number(modifier_text)) {
                item.measure += ", ";
                item.measure += modifier_text;
            }
        } else if (!modifier_text.empty() && !is_whole_number(modifier_text)) {
            // SR Legacy: the whole measure text is in modifier ("medium (3" dia)").
            item.measure = std::string(modifier_text);
        } else {
            // FNDDS: modifier holds a numeric portion code; the text is in portion_description.
            item.measure = std::string(description_text);
        }
        if (item.measure.empty()) {
            csv.fail(unit_id, "'" + unit_key +
                                  "' names no unit and modifier and portion_description are empty; expected a "
                                  "measure_unit_id from measure_unit.csv or the measure's text in modifier or "
                                  "portion_description");
        }

        const double weight = csv.number(gram_weight);
        if (!(weight > 0)) {
            csv.fail(gram_weight, "'" + std::string(detail::trim(csv.field(gram_weight))) +
                                      "' is not a positive weight; expected the portion's grams, like 182");
        }
        item.weight = grams::from_value(weight);
        foods.foods[found->second].portions.push_back(std::move(item));
    }
}

/// The five files, each opened by `open(file name)` as a file or from text: both loaders read
/// them here, so that text and files give the same foods and the same errors.
template <class Open>
std::shared_ptr<const food_database> read_fdc(Open open) {
    const std::vector<magnesium_nutrient> magnesium = read_magnesium_nutrients(open("nutrient.csv"));
    const auto units = read_measure_units(open("measure_unit.csv"));
    loaded_foods foods = read_foods(open("food.csv"));
    read_magnesium_values(open("food_nutrient.csv"), magnesium, foods);
    read_portions(open("food_portion.csv"), units, foods);

    // food_table keeps an id index sorted by insertion; adding in id order makes each insertion
    // an append, so a full FDC download (about two million foods) loads in n log n, not n^2.
    std::sort(foods.foods.begin(), foods.foods.end(), [](const food& a, const food& b) { return a.id < b.id; });
    auto table = std::make_shared<food_table>("fdc");
    for (food& item : foods.foods) table->add(std::move(item));
    return table;
}

}  // namespace

std::shared_ptr<const food_database> load_fdc_csv(const std::string& directory) {
    check_folder(directory);
    return read_fdc([&](std::string_view name) { return detail::csv_reader::open((fs::path(directory) / name).string()); });
}

std::shared_ptr<const food_database> load_fdc_csv(const fdc_csv_texts& texts, const std::string& name) {
    return read_fdc([&](std::string_view file) {
        const std::string_view text = file == "food.csv"            ? texts.food
                                      : file == "food_nutrient.csv" ? texts.food_nutrient
                                      : file == "food_portion.csv"  ? texts.food_portion
                                      : file == "nutrient.csv"      ? texts.nutrient
                                                                    : texts.measure_unit;
        return detail::csv_reader::from_text(text, (fs::path(name) / file).string());
    });
}

}  // namespace mgcalc
