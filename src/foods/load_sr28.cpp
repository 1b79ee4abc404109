// load_sr28: the USDA SR28 / SR Legacy ASCII release (sr28asc.zip) -> food_table "sr28".
//
// Format: the USDA SR28 documentation (sr28_doc.pdf in sr28asc.zip; docs/sources.md): '^'
// separates fields, '~' wraps text fields, ISO-8859-1 text, no header row.
// What is read and why is in docs/food-data.md.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/database.hpp>
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

constexpr std::string_view sr28_files[] = {"FOOD_DES.txt", "NUT_DATA.txt", "WEIGHT.txt"};

/// Magnesium's Nutr_No in NUTR_DEF.txt: `~304~^~mg~^~MG~^~Magnesium, Mg~^~0~^~5500~` (facts
/// section 5b): its Nutr_Val is in mg per 100 g of edible portion.
constexpr std::string_view magnesium_nutrient_number = "304";

// Field order of each file (SR28 documentation; facts section 5b).
const std::vector<std::string> food_des_fields = {"NDB_No",    "FdGrp_Cd", "Long_Desc",  "Shrt_Desc",  "ComName",
                                                  "ManufacName", "Survey", "Ref_desc",   "Refuse",     "SciName",
                                                  "N_Factor",  "Pro_Factor", "Fat_Factor", "CHO_Factor"};
const std::vector<std::string> nut_data_fields = {
    "NDB_No",        "Nutr_No",     "Nutr_Val", "Num_Data_Pts", "Std_Error", "Src_Cd", "Deriv_Cd", "Ref_NDB_No", "Add_Nutr_Mark",
    "Num_Studies",   "Min",         "Max",      "DF",           "Low_EB",    "Up_EB",  "Stat_cmt", "AddMod_Date", "CC"};
const std::vector<std::string> weight_fields = {"NDB_No", "Seq", "Amount", "Msre_Desc", "Gm_Wgt", "Num_Data_Pts",
                                                "Std_Dev"};

std::string expected_files() {
    std::vector<std::string> names(std::begin(sr28_files), std::end(sr28_files));
    return detail::join(names);
}

/// The file's path in `directory`, matching the name case-insensitively (unzipped on a
/// case-folding file system and copied back, "FOOD_DES.TXT" or "food_des.txt" happen).
std::optional<fs::path> find_file(const fs::path& directory, std::string_view name) {
    const fs::path exact = directory / name;
    if (fs::is_regular_file(exact)) return exact;
    const std::string wanted = detail::to_lower(name);
    std::error_code ignored;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory, ignored)) {
        if (entry.is_regular_file(ignored) && detail::to_lower(entry.path().filename().string()) == wanted) {
            return entry.path();
        }
    }
    return std::nullopt;
}

detail::csv_options sr28_options(const std::vector<std::string>& fields) {
    detail::csv_options options;
    options.separator = '^';
    options.quote = '~';
    options.latin1 = true;
    options.header = false;
    options.column_names = fields;
    return options;
}

/// Old DOS-era text files may end with a Ctrl-Z (0x1A) end-of-file byte on a line of its own.
bool is_end_of_file_marker(const detail::csv_reader& csv) {
    return csv.size() == 1 && detail::trim(csv.field(0)) == "\x1A";
}

/// A field as text, trimmed; an error when it is empty.
std::string required_text(const detail::csv_reader& csv, std::size_t index, std::string_view expected) {
    const std::string_view text = detail::trim(csv.field(index));
    if (text.empty()) csv.fail(index, "is empty; expected " + std::string(expected));
    return std::string(text);
}

/// The three files, `open(i, fields)` opening sr28_files[i] as a file or from text: both loaders
/// read them here, so that text and files give the same foods and the same errors.
template <class Open>
std::shared_ptr<const food_database> read_sr28(Open open) {
    std::deque<food> foods;  // not a vector: food moves are not noexcept, so growth would copy
    std::vector<std::size_t> lines;
    std::vector<bool> has_magnesium_row;
    std::unordered_map<std::string, std::size_t> by_id;

    {
        auto csv = open(0, food_des_fields);
        while (csv.next()) {
            if (is_end_of_file_marker(csv)) continue;
            // NDB_No stays text: "01001" is not 1001.
            std::string id = required_text(csv, 0, "the 5-digit NDB number, like 01001");
            const auto [at, inserted] = by_id.emplace(id, foods.size());
            if (!inserted) {
                csv.fail(std::size_t{0}, "'" + id + "' appears twice (first on line " + std::to_string(lines[at->second]) +
                                             "); expected each food once");
            }
            food item;
            item.id = std::move(id);
            item.description = std::string(detail::trim(csv.field(2)));
            item.source = "sr28";
            foods.push_back(std::move(item));
            lines.push_back(csv.line());
        }
        has_magnesium_row.assign(foods.size(), false);
    }

    {
        auto csv = open(1, nut_data_fields);
        while (csv.next()) {
            if (is_end_of_file_marker(csv)) continue;
            if (detail::trim(csv.field(1)) != magnesium_nutrient_number) continue;
            const auto found = by_id.find(std::string(detail::trim(csv.field(0))));
            // A row for a food FOOD_DES.txt does not list cannot be reached: skipped.
            if (found == by_id.end()) continue;
            const std::optional<double> value = csv.optional_number(2);
            if (value && *value < 0) {
                csv.fail(2, "'" + std::string(detail::trim(csv.field(2))) +
                                "' is negative; expected magnesium per 100 g of 0 or more");
            }
            if (value && *value > limits::max_magnesium_mg_per_100g) {
                csv.fail(2, "'" + std::string(detail::trim(csv.field(2))) +
                                "' mg of magnesium per 100 g is more than the 100000 mg per 100 g of the pure metal; "
                                "expected magnesium per 100 g of 0 to 100000 mg");
            }
            if (has_magnesium_row[found->second]) continue;  // first row wins
            has_magnesium_row[found->second] = true;
            if (value) foods[found->second].magnesium_per_100g = milligrams::from_value(*value);
        }
    }

    {
        auto csv = open(2, weight_fields);
        while (csv.next()) {
            if (is_end_of_file_marker(csv)) continue;
            const auto found = by_id.find(std::string(detail::trim(csv.field(0))));
            if (found == by_id.end()) continue;
            portion item;
            item.amount = csv.number(2);
            if (!(item.amount > 0)) {
                csv.fail(2, "'" + std::string(detail::trim(csv.field(2))) +
                                "' is not a positive number of measures; expected a count like 1 or 0.5");
            }
            item.measure = required_text(csv, 3, "the measure's text, like cup, chopped");
            const double weight = csv.number(4);
            if (!(weight > 0)) {
                csv.fail(4, "'" + std::string(detail::trim(csv.field(4))) +
                                "' is not a positive weight; expected the portion's grams, like 182");
            }
            item.weight = grams::from_value(weight);
            foods[found->second].portions.push_back(std::move(item));
        }
    }

    // Added in id order so food_table's sorted id index only appends (see load_fdc.cpp). SR files
    // are already in NDB_No order, so positions normally match the file.
    std::stable_sort(foods.begin(), foods.end(), [](const food& a, const food& b) { return a.id < b.id; });
    auto table = std::make_shared<food_table>("sr28");
    for (food& item : foods) table->add(std::move(item));
    return table;
}

}  // namespace

std::shared_ptr<const food_database> load_sr28(const std::string& directory) {
    if (!fs::is_directory(directory)) {
        throw error(errc::malformed_file,
                    directory + ": not a folder; expected an SR28 ASCII folder with " + expected_files());
    }
    std::vector<fs::path> paths;
    std::vector<std::string> missing;
    for (std::string_view name : sr28_files) {
        if (auto path = find_file(directory, name)) {
            paths.push_back(*path);
        } else {
            missing.emplace_back(name);
        }
    }
    if (!missing.empty()) {
        throw error(errc::malformed_file, (fs::path(directory) / missing.front()).string() + ": no such file (missing: " +
                                              detail::join(missing) + "); expected an SR28 ASCII folder with " +
                                              expected_files());
    }

    return read_sr28([&](std::size_t i, const std::vector<std::string>& fields) {
        return detail::csv_reader::open(paths[i].string(), sr28_options(fields));
    });
}

std::shared_ptr<const food_database> load_sr28(const sr28_texts& texts, const std::string& name) {
    const std::string_view text[] = {texts.food_des, texts.nut_data, texts.weight};
    return read_sr28([&](std::size_t i, const std::vector<std::string>& fields) {
        return detail::csv_reader::from_text(text[i], (fs::path(name) / sr28_files[i]).string(), sr28_options(fields));
    });
}

}  // namespace mgcalc
