// An intake log built in code, saved as JSON, loaded back and evaluated day by day. The person
// turns 19 on the second day, so the reference row changes under the same intake. CTest runs this
// in the build's examples directory and checks the output (log_file.expected).
//
// Expected numbers, worked by hand (USDA SR24, data/usda-sr24; IOM 1997 rows):
//   days 1-2: oatmeal 08121 "1 cup" 234 g x 0.27 = 63.18 mg; "almonds" -> 12061, "1 oz" =
//             28.349523125 g x 2.68 = 75.98 mg; food 139.16 mg + glycinate 200 mg = 339.16 mg
//   day 3:    black beans 16015 "1 cup" 172 g x 0.70 = 120.40 mg; banana 09040 118 g x 0.27 =
//             31.86 mg; food 152.26 mg, no supplement
//   born 2005-03-10: 2024-03-09 is 227.97 months -> Females 14-18 y (RDA 360, EAR 300):
//             339.16 / 360 = 94.2 %, below-rda. 2024-03-10 is the 19th birthday -> Females 19-30 y
//             (RDA 310, EAR 255): 339.16 / 310 = 109.4 %, meets-rda. 2024-03-11: 152.26 / 310 =
//             49.1 %, below-ear.
//   summary: food (2 x 139.16 + 152.26) / 3 = 143.52; supplements 400 / 3 = 133.33; total 276.86;
//            1 day below the EAR, 2 below the target, none over the UL of 350 mg.
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/intake/log.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/io/log_file.hpp>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

namespace {
std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

int main() {
    // [log-file]
    mgcalc::intake_log log;
    log.person.sex = mgcalc::sex::female;
    log.person.birth_date = mgcalc::parse_date("2005-03-10");  // age is exact on every day

    // Entries are kept as typed (id or search words, serving text) and resolved when evaluated.
    using kind = mgcalc::log_entry_kind;
    const mgcalc::log_entry oatmeal{kind::food, "08121", "1 cup", mgcalc::parse_time_of_day("07:30"), "breakfast"};
    const mgcalc::log_entry almonds{kind::food, "almonds", "1 oz", std::nullopt, {}};
    const mgcalc::log_entry glycinate{kind::supplement, "glycinate", "200 mg", mgcalc::parse_time_of_day("21:30"), {}};
    log.days.push_back({mgcalc::parse_date("2024-03-09"), {oatmeal, almonds, glycinate}});
    log.days.push_back({mgcalc::parse_date("2024-03-10"), {oatmeal, almonds, glycinate}});  // 19th birthday
    log.days.push_back({mgcalc::parse_date("2024-03-11"),
                        {{kind::food, "16015", "1 cup", std::nullopt, "black beans"},
                         {kind::food, "09040", "118 g", std::nullopt, {}}}});

    // Save, load, save again: the canonical JSON is byte-identical.
    const std::string path = "log_file_example.json";  // in the current directory
    mgcalc::save_log(log, path);
    const std::string saved = read_file(path);
    const mgcalc::intake_log loaded = mgcalc::load_log(path);
    const bool identical = mgcalc::to_log_json(loaded) == saved && loaded.days == log.days;
    std::cout << "round trip: " << (identical ? "identical" : "DIFFERENT") << '\n';

    mgcalc::food_catalog catalog;  // the log has no custom foods, so SR24 alone will do
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(loaded, catalog);
    std::cout << std::fixed << std::setprecision(2);
    for (const mgcalc::day_result& day : period.days) {
        const mgcalc::evaluation& r = day.result;
        std::cout << mgcalc::to_string(day.date) << " (" << day.stage.age().to_string() << ", "
                  << r.reference.life_stage << "): food " << r.food.value() << " + supplements "
                  << r.supplement.value() << " = " << r.total.value() << " mg of " << r.reference.target.value()
                  << " mg, " << std::setprecision(1) << r.percent_of_target << " %, "
                  << mgcalc::status_code(r) << std::setprecision(2) << '\n';
    }
    const mgcalc::period_summary& s = period.summary;
    std::cout << "Period " << mgcalc::to_string(s.from) << " to " << mgcalc::to_string(s.to) << ", " << s.days
              << " days: mean food " << s.mean_food.value() << ", supplements " << s.mean_supplement.value()
              << ", total " << s.mean_total.value() << " mg\n"
              << "Days below EAR " << s.days_below_ear << ", below target " << s.days_below_target
              << ", over UL " << s.days_over_ul << ", with unknown entries " << s.days_with_unknown_entries
              << '\n';
    // [log-file]
}
