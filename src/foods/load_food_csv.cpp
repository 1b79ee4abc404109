// mgcalc's own CSV of custom foods, their portions and recipes (mgcalc/foods/loaders.hpp), and the
// "fdc:DIR" / "sr28:DIR" / "csv:FILE" database specs. The format is documented for users in
// docs/food-data.md, "Custom foods and recipes (mgcalc CSV)"; data/examples/custom-foods.csv is a
// complete example. In short:
//
//   kind,id,description,magnesium_mg_per_100g,quantity,measure,grams,food
//   food,my-bar,"Protein bar, peanut",120,,,,
//   portion,my-bar,,,1,bar,45,
//   recipe,granola,"Granola, homemade",,10,servings,440,
//   ingredient,granola,,,,,300,usda-sr24:08120
//   ingredient,granola,,,4,tbsp,,19296
//
// Parsing is RFC 4180 (src/detail/csv.hpp). Every error is mgcalc::error(malformed_file) reading
// "FILE:LINE: field 'NAME': what was wrong; expected ...".
#include <mgcalc/limits.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/foods/loaders.hpp>
#include <mgcalc/foods/recipe.hpp>
#include <mgcalc/foods/serving.hpp>

#include "detail/csv.hpp"
#include "detail/text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mgcalc {

namespace {

// The columns of the format. `kind` and `id` are required in the header; the others may be left
// out of a file whose rows never use them (a file of foods only needs the first four).
constexpr std::array<std::string_view, 8> all_columns{
    "kind", "id", "description", "magnesium_mg_per_100g", "quantity", "measure", "grams", "food"};
constexpr std::string_view column_list = "kind, id, description, magnesium_mg_per_100g, quantity, measure, grams, food";
constexpr std::string_view kinds = "food, portion, recipe, ingredient (or a comment row starting with #)";
constexpr double most_magnesium_mg_per_100g = limits::max_magnesium_mg_per_100g;

/// A quantity as people write it: "2", "0.5", "1/2", "1 1/2". Empty when not one of those.
std::optional<double> parse_quantity(std::string_view text) {
    text = detail::trim(text);
    if (auto value = detail::parse_decimal(text)) return value;
    double whole = 0;
    std::string_view fraction = text;
    if (const std::size_t space = text.find(' '); space != std::string_view::npos) {
        const auto integer = detail::parse_decimal(text.substr(0, space));
        if (!integer || *integer < 0 || std::floor(*integer) != *integer) return std::nullopt;
        whole = *integer;
        fraction = detail::trim(text.substr(space + 1));
    }
    const std::size_t slash = fraction.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto numerator = detail::parse_decimal(fraction.substr(0, slash));
    const auto denominator = detail::parse_decimal(fraction.substr(slash + 1));
    if (!numerator || !denominator || *numerator < 0 || *denominator <= 0) return std::nullopt;
    return whole + *numerator / *denominator;
}

bool iequals(std::string_view a, std::string_view b) { return detail::to_lower(a) == detail::to_lower(b); }

class custom_food_reader {
public:
    // The reader comes opened, on a file or on text, so that both loaders read through this class.
    custom_food_reader(detail::csv_reader csv, const food_catalog& catalog) : csv_(std::move(csv)), catalog_(catalog) {
        check_header();
    }

    std::shared_ptr<const food_database> read() {
        while (csv_.next()) {
            if (is_blank_or_comment()) continue;
            check_record_width();
            const std::string kind = detail::to_lower(field("kind"));
            if (kind.empty()) csv_.fail("kind", "is empty; expected one of " + std::string(kinds));
            if (kind != "food" && kind != "portion" && kind != "recipe" && kind != "ingredient") {
                csv_.fail("kind", "'" + std::string(field("kind")) + "' is not a row kind; expected one of " +
                                      std::string(kinds));
            }
            // Any row but an ingredient ends the ingredient block of the recipe above it.
            if (kind != "ingredient") finish_recipe();
            if (kind == "food") read_food();
            if (kind == "portion") read_portion();
            if (kind == "recipe") read_recipe();
            if (kind == "ingredient") read_ingredient();
        }
        finish_recipe();

        auto table = std::make_shared<food_table>("csv");
        for (defined& item : foods_) {
            // The table's own checks (a recipe of 0.000001 g yield holds more magnesium per
            // 100 g than the pure metal) name the row the food came from.
            const std::size_t line = item.line;
            try {
                table->add(std::move(item.item));
            } catch (const error& e) {
                throw error(errc::malformed_file, std::string(e.message()), error_location{.file = csv_.name(), .line = line});
            }
        }
        return table;
    }

private:
    struct defined {
        food item;
        std::size_t line;
    };
    struct open_recipe {
        std::string id;
        std::string description;
        recipe_yield yield;
        std::vector<recipe_ingredient> ingredients;
        std::size_t line;
    };

    detail::csv_reader csv_;
    const food_catalog& catalog_;
    std::vector<defined> foods_;                                ///< in file order
    std::map<std::string, std::size_t> by_id_;                  ///< id -> position in foods_
    std::optional<open_recipe> recipe_;                         ///< the recipe whose ingredient rows are being read
    std::optional<std::pair<std::string, std::size_t>> ended_;  ///< last recipe finished, and the line that ended it

    // --- header and records ------------------------------------------------------------------

    [[noreturn]] void fail_header(std::string_view message) const {
        throw error(errc::malformed_file, std::string(message),
                    error_location{.file = csv_.name(), .line = csv_.header_line() ? csv_.header_line() : 1});
    }

    void check_header() {
        const std::vector<std::string>& columns = csv_.column_names();
        if (columns.empty()) {
            fail_header("the file is empty; expected a header row naming the columns " + std::string(column_list));
        }
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::string name = detail::to_lower(columns[i]);
            if (name.empty()) {
                fail_header("field " + std::to_string(i + 1) +
                            ": the header names no column here; expected the columns " + std::string(column_list) +
                            " (in any order)");
            }
            if (std::find(all_columns.begin(), all_columns.end(), name) == all_columns.end()) {
                fail_header("field '" + columns[i] + "': not a column of mgcalc CSV; expected the columns " +
                            std::string(column_list) + " (in any order)");
            }
            for (std::size_t j = 0; j < i; ++j) {
                if (iequals(columns[j], columns[i])) {
                    fail_header("field '" + columns[i] + "': named twice in the header; expected each column once");
                }
            }
        }
        csv_.require_columns({"kind", "id"});
    }

    /// A row whose first field starts with '#' is a comment; a row of empty fields is skipped.
    bool is_blank_or_comment() const {
        if (detail::trim(csv_.field(0)).starts_with('#')) return true;
        for (std::size_t i = 0; i < csv_.size(); ++i) {
            if (!detail::trim(csv_.field(i)).empty()) return false;
        }
        return true;
    }

    /// More fields than columns is almost always an unquoted comma that shifted every field after it.
    void check_record_width() const {
        const std::size_t width = csv_.column_names().size();
        if (csv_.size() <= width) return;  // a short row: the missing trailing fields are empty
        csv_.fail(width, "the row has " + std::to_string(csv_.size()) + " fields but the header has " +
                             std::to_string(width) + " columns (" + detail::join(csv_.column_names()) +
                             "); expected at most " + std::to_string(width) +
                             " fields: put a value that holds a comma in double quotes (\"Bar, with nuts\")");
    }

    /// "a food row", "an ingredient row": the current row's kind, for messages.
    std::string row_kind() const {
        const std::string kind = detail::to_lower(field("kind"));
        return (kind == "ingredient" ? "an " : "a ") + kind + " row";
    }

    /// The trimmed field of a column; empty when the column is absent or the row is short.
    std::string_view field(std::string_view column) const {
        const auto index = csv_.find_column(column);
        if (!index) return {};
        return detail::trim(csv_.optional_field(*index).value_or(std::string_view{}));
    }

    /// Fails unless the column is present and the field is not empty.
    std::string_view required(std::string_view column, std::string_view expected) const {
        if (!csv_.find_column(column)) {
            csv_.fail(column, "the header (line " + std::to_string(csv_.header_line()) + ") has no '" +
                                  std::string(column) + "' column, which " + row_kind() + " needs; expected " +
                                  std::string(expected));
        }
        const std::string_view text = field(column);
        if (text.empty()) csv_.fail(column, "is empty; expected " + std::string(expected));
        return text;
    }

    /// Fails unless the field is empty: the row kind does not use it.
    void unused(std::string_view column, std::string_view why) const {
        if (!field(column).empty()) {
            csv_.fail(column, "'" + std::string(field(column)) + "' is not used on " + row_kind() + " (" +
                                  std::string(why) + "); expected an empty field");
        }
    }

    double positive_number(std::string_view column, std::string_view expected) const {
        const std::string_view text = required(column, expected);
        const auto value = detail::parse_decimal(text);
        if (!value || *value <= 0) {
            csv_.fail(column, "'" + std::string(text) + "' is not accepted; expected " + std::string(expected));
        }
        return *value;
    }

    double positive_quantity(std::string_view column, std::string_view expected) const {
        const std::string_view text = field(column);
        if (text.empty()) return 1.0;  // "medium" alone means one medium
        const auto value = parse_quantity(text);
        if (!value || !std::isfinite(*value) || *value <= 0) {
            csv_.fail(column, "'" + std::string(text) + "' is not accepted; expected " + std::string(expected));
        }
        return *value;
    }

    // --- ids -----------------------------------------------------------------------------------

    std::string new_id() const {
        std::string id(required("id", "an id for this food, unique in the file (e.g. my-granola)"));
        if (const auto at = by_id_.find(id); at != by_id_.end()) {
            csv_.fail("id", "'" + id + "' is already defined on line " + std::to_string(foods_[at->second].line) +
                                "; expected an id unique in the file");
        }
        return id;
    }

    void define(food item) {
        by_id_.emplace(item.id, foods_.size());
        foods_.push_back(defined{std::move(item), csv_.line()});
    }

    // --- row kinds -----------------------------------------------------------------------------

    void read_food() {
        food item;
        item.id = new_id();
        item.description = std::string(required("description", "the food's name, e.g. \"Protein bar, peanut\""));
        item.source = "csv";
        if (!csv_.find_column("magnesium_mg_per_100g")) {
            csv_.fail("magnesium_mg_per_100g",
                      "the header (line " + std::to_string(csv_.header_line()) +
                          ") has no 'magnesium_mg_per_100g' column, which a food row needs; "
                          "expected mg of magnesium per 100 g, or an empty field when unknown");
        }
        const std::string_view magnesium = field("magnesium_mg_per_100g");
        if (!magnesium.empty() && !iequals(magnesium, "unknown")) {
            const auto value = detail::parse_decimal(magnesium);
            if (!value || *value < 0 || *value > most_magnesium_mg_per_100g) {
                csv_.fail("magnesium_mg_per_100g",
                          "'" + std::string(magnesium) +
                              "' is not accepted; expected mg of magnesium per 100 g from 0 to 100000 (a decimal like "
                              "12.5), or an empty field when the value is unknown (never 0 for unknown)");
            }
            item.magnesium_per_100g = milligrams::from_value(*value);
        }
        unused("quantity", "put household measures on 'portion' rows");
        unused("measure", "put household measures on 'portion' rows");
        unused("grams", "put household measures on 'portion' rows");
        unused("food", "only ingredient rows name another food");
        define(std::move(item));
    }

    void read_portion() {
        const std::string id(required("id", "the id of a food or recipe defined above in this file"));
        const auto at = by_id_.find(id);
        if (at == by_id_.end()) {
            csv_.fail("id", "no food or recipe '" + id +
                                "' is defined above in this file; expected the id of a food or recipe row above this "
                                "one (portions of catalog foods come with their database)");
        }
        portion p;
        p.amount = positive_quantity("quantity",
                                     "how many of the measure the weight is for, e.g. 1, 0.5 or 1/2 "
                                     "(empty means 1)");
        p.measure = std::string(required("measure", "the household measure, e.g. cup, tbsp, bar, slice"));
        p.weight = grams::from_value(positive_number("grams", "the gram weight of quantity x measure, e.g. 45"));
        unused("magnesium_mg_per_100g", "magnesium belongs on the food row");
        unused("food", "only ingredient rows name another food");
        foods_[at->second].item.portions.push_back(std::move(p));
    }

    void read_recipe() {
        open_recipe r;
        r.id = new_id();
        r.description = std::string(required("description", "the dish's name, e.g. \"Granola, homemade\""));
        r.line = csv_.line();
        if (!field("grams").empty()) {
            r.yield.total_weight = grams::from_value(
                positive_number("grams",
                                "the weight of the finished dish in grams, or an empty field to use the "
                                "ingredients' total weight"));
        }
        if (!field("quantity").empty()) {
            const auto servings = parse_quantity(field("quantity"));
            if (!servings || *servings <= 0) {
                csv_.fail("quantity", "'" + std::string(field("quantity")) +
                                          "' is not accepted; expected the number of servings the dish makes, e.g. 10");
            }
            r.yield.servings = *servings;
        }
        const std::string_view measure = field("measure");
        if (!measure.empty() && !iequals(measure, "servings") && !iequals(measure, "serving")) {
            csv_.fail("measure", "'" + std::string(measure) +
                                     "' is not accepted on a recipe row; expected 'servings' (with the count in "
                                     "quantity) or an empty field; name other measures on portion rows");
        }
        if (!measure.empty() && !r.yield.servings) {
            csv_.fail("quantity", "is empty but measure says servings; expected the number of servings, e.g. 10");
        }
        unused("magnesium_mg_per_100g", "a recipe's magnesium is computed from its ingredients");
        unused("food", "ingredients go on the 'ingredient' rows below the recipe row");
        recipe_ = std::move(r);
    }

    void read_ingredient() {
        const std::string id(required("id", "the id of the recipe row directly above this ingredient's block"));
        if (!recipe_ || recipe_->id != id) {
            std::string message = "ingredient of '" + id + "', but ";
            if (recipe_) {
                message +=
                    "the recipe being read is '" + recipe_->id + "' (line " + std::to_string(recipe_->line) + ")";
            } else if (ended_ && ended_->first == id) {
                message += "recipe '" + id + "' ended at line " + std::to_string(ended_->second) +
                           " (the first row below it that is not one of its ingredients)";
            } else {
                message += "no recipe is being read";
            }
            csv_.fail("id", message +
                                "; expected ingredient rows directly below their recipe row, with the "
                                "recipe's id");
        }
        const food item = ingredient_food();
        grams amount = grams::from_value(0.0);
        if (!field("grams").empty()) {
            unused("quantity", "the amount is given in grams");
            unused("measure", "the amount is given in grams");
            const auto value = detail::parse_decimal(field("grams"));
            if (!value || *value <= 0) {
                csv_.fail("grams", "'" + std::string(field("grams")) +
                                       "' is not accepted; expected a positive weight "
                                       "in grams, e.g. 300");
            }
            amount = grams::from_value(*value);
        } else {
            amount = serving_weight(item);
        }
        unused("magnesium_mg_per_100g", "an ingredient's magnesium comes from its food");
        recipe_->ingredients.push_back(recipe_ingredient{item, amount});
    }

    /// The ingredient's food: an id defined above in this file, or a catalog reference.
    food ingredient_food() const {
        const std::string reference(
            required("food",
                     "a food defined above in this file, or SOURCE:ID / a plain id from the loaded databases "
                     "(e.g. usda-sr24:12014)"));
        // This file's foods first, by plain id, csv:ID, or recipe:ID for its recipes.
        std::string_view local = reference;
        const bool recipe_form = local.starts_with("recipe:");
        if (local.starts_with("csv:")) local.remove_prefix(4);
        if (recipe_form) local.remove_prefix(7);
        if (const auto at = by_id_.find(std::string(local));
            at != by_id_.end() && (!recipe_form || foods_[at->second].item.source == "recipe")) {
            return foods_[at->second].item;
        }
        if (local == recipe_->id) {
            csv_.fail("food", "'" + reference +
                                  "' is the recipe being defined; expected a different food (a recipe "
                                  "cannot contain itself)");
        }
        try {
            return catalog_.get(reference);
        } catch (const error& e) {
            if (e.code() == errc::unknown_food) {
                csv_.fail("food", "not a food defined above in this file, and " + std::string(e.message()));
            }
            csv_.fail("food", std::string(e.message()));
        }
    }

    grams serving_weight(const food& item) const {
        const std::string_view measure = field("measure");
        if (measure.empty()) {
            if (!field("quantity").empty()) {
                csv_.fail("measure", "is empty; expected the measure of the quantity, e.g. cup, tbsp, g, oz, medium");
            }
            csv_.fail("grams",
                      "is empty, and so are quantity and measure; expected the ingredient's amount in grams, "
                      "or a quantity and measure (e.g. 1, cup)");
        }
        // The quantity is checked here so that its error names its own field; parse_serving then
        // reads "QUANTITY MEASURE" exactly as the command line reads a serving.
        (void)positive_quantity("quantity", "how many of the measure, e.g. 2, 0.5 or 1 1/2 (empty means 1)");
        const std::string quantity_text = field("quantity").empty() ? std::string("1") : std::string(field("quantity"));
        serving amount{};
        try {
            amount = parse_serving(quantity_text + " " + std::string(measure));
        } catch (const error& e) {
            csv_.fail("measure", std::string(e.message()));
        }
        try {
            return resolve_serving(item, amount).weight;
        } catch (const error& e) {
            csv_.fail("measure", std::string(e.message()));
        }
    }

    /// Builds the recipe whose ingredient rows were being read, if any.
    void finish_recipe() {
        if (!recipe_) return;
        open_recipe r = std::move(*recipe_);
        recipe_.reset();
        ended_.emplace(r.id, csv_.line());
        if (r.ingredients.empty()) {
            throw error(errc::malformed_file,
                        "field 'id': recipe '" + r.id + "' has no ingredient rows; expected 'ingredient' rows with id " +
                            r.id + " directly below the recipe row",
                        error_location{.file = csv_.name(), .line = r.line});
        }
        food dish;
        try {
            dish = make_recipe(r.id, r.description, r.ingredients, r.yield);
        } catch (const error& e) {
            throw error(errc::malformed_file, "field 'id': " + std::string(e.message()),
                        error_location{.file = csv_.name(), .line = r.line});
        }
        by_id_.emplace(dish.id, foods_.size());
        foods_.push_back(defined{std::move(dish), r.line});
    }
};

}  // namespace

std::shared_ptr<const food_database> load_food_csv(const std::string& file, const food_catalog& ingredients) {
    return custom_food_reader(detail::csv_reader::open(file), ingredients).read();
}

std::shared_ptr<const food_database> load_food_csv(std::string_view text, const std::string& name,
                                                   const food_catalog& ingredients) {
    return custom_food_reader(detail::csv_reader::from_text(text, name), ingredients).read();
}

std::shared_ptr<const food_database> load_food_database(std::string_view spec, const food_catalog& ingredients) {
    const std::string_view accepted =
        "expected fdc:DIR (a FoodData Central CSV folder), sr28:DIR (a USDA SR28 ASCII folder) or csv:FILE "
        "(mgcalc's CSV of custom foods and recipes)";
    const std::size_t colon = spec.find(':');
    if (colon == std::string_view::npos) {
        throw error(errc::parse_error,
                    "food database '" + std::string(spec) + "' has no kind; " + std::string(accepted));
    }
    const std::string kind = detail::to_lower(detail::trim(spec.substr(0, colon)));
    const std::string path(spec.substr(colon + 1));
    if (kind != "fdc" && kind != "sr28" && kind != "csv") {
        throw error(errc::parse_error, "food database '" + std::string(spec) + "': '" +
                                           std::string(spec.substr(0, colon)) + "' is not a kind of food database; " +
                                           std::string(accepted));
    }
    if (detail::trim(path).empty()) {
        throw error(errc::parse_error, "food database '" + std::string(spec) + "' names no " +
                                           (kind == "csv" ? "file" : "folder") + "; " + std::string(accepted));
    }
    if (kind == "fdc") return load_fdc_csv(path);
    if (kind == "sr28") return load_sr28(path);
    return load_food_csv(path, ingredients);
}

}  // namespace mgcalc
