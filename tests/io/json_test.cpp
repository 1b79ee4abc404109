// Tests for mgcalc/io/json.hpp: the shape (keys in order, types) and values of each document,
// which are what `mgcalc ... --format json` prints (docs/cli.md).
//
// Expected values: IOM 1997 (docs/reference-intakes.md) and USDA SR24 (data/usda-sr24/):
// 12014 pumpkin seed kernels, dried, 592 mg/100 g, 1 oz = 28.4 g, 1 cup = 129 g; 12061 almonds,
// 268 mg/100 g. A serving in ounces uses the exact avoirdupois ounce, 28.349523125 g.
#include <mgcalc/advice/sleep.hpp>
#include <mgcalc/advice/suggestion.hpp>
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/intake/log.hpp>
#include <mgcalc/io/json.hpp>
#include <mgcalc/people/reference.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

using json = nlohmann::ordered_json;

json parsed(const std::string& text) {
    INFO(text);
    REQUIRE(json::accept(text));
    return json::parse(text);
}

std::vector<std::string> keys(const json& object) {
    std::vector<std::string> out;
    for (const auto& [key, value] : object.items()) out.push_back(key);
    return out;
}

const mgcalc::food_catalog& sr24() {
    static const mgcalc::food_catalog catalog;
    return catalog;
}

mgcalc::life_stage woman(double years) { return mgcalc::life_stage(mgcalc::sex::female, mgcalc::age::from_years(years)); }

/// A woman born 1994-03-10 (30 on the day) and one day of entries typed as at the command line.
mgcalc::intake_log one_day_log(const std::vector<std::pair<mgcalc::log_entry_kind, std::string>>& entries) {
    mgcalc::intake_log log;
    log.person.sex = mgcalc::sex::female;
    log.person.birth_date = mgcalc::date(1994, 3, 10);
    mgcalc::log_day day{mgcalc::date(2024, 3, 10), {}};
    for (const auto& [kind, typed] : entries) day.entries.push_back(mgcalc::read_log_entry(kind, typed));
    log.days.push_back(std::move(day));
    return log;
}

constexpr auto food = mgcalc::log_entry_kind::food;
constexpr auto supplement = mgcalc::log_entry_kind::supplement;

}  // namespace

TEST_CASE("json: reference intakes, with the person as understood and null where none is established", "[json]") {
    const mgcalc::life_stage adult = woman(25);
    const json j = parsed(mgcalc::to_json(mgcalc::iom_reference_intakes(adult), adult));
    CHECK(keys(j) == std::vector<std::string>{"sex", "age_years", "pregnant", "lactating", "infant_feeding",
                                              "authority", "authority_id", "life_stage", "target_mg", "target_kind",
                                              "ear_mg", "ul_supplemental_mg", "dv_mg", "source", "confidence",
                                              "note"});
    CHECK(j["authority_id"] == "iom");
    CHECK(j["confidence"] == "confirmed");
    CHECK(j["infant_feeding"].is_null());
    CHECK(j["sex"] == "female");
    CHECK(j["age_years"] == 25.0);
    CHECK(j["life_stage"] == "Females 19-30 y");
    CHECK(j["target_mg"] == 310.0);
    CHECK(j["target_kind"] == "RDA");
    CHECK(j["ear_mg"] == 255.0);
    CHECK(j["ul_supplemental_mg"] == 350.0);
    CHECK(j["dv_mg"] == 420.0);
    CHECK(j["note"].is_null());

    const mgcalc::life_stage infant(mgcalc::sex::male, mgcalc::age::from_months(9));
    const json baby = parsed(mgcalc::to_json(mgcalc::iom_reference_intakes(infant), infant));
    CHECK(baby["age_years"] == 0.75);
    CHECK(baby["target_mg"] == 75.0);
    CHECK(baby["target_kind"] == "AI");
    CHECK(baby["ear_mg"].is_null());
    CHECK(baby["ul_supplemental_mg"].is_null());
    CHECK(baby["dv_mg"] == 75.0);  // FDA's infant Daily Value, through 12 months (docs/sources.md)
}

TEST_CASE("json: the text is the 2-space layout without a trailing newline", "[json]") {
    const mgcalc::life_stage adult = woman(25);
    const std::string text = mgcalc::to_json(mgcalc::iom_reference_intakes(adult), adult);
    CHECK(text.rfind("{\n  \"sex\": \"female\",\n  \"age_years\": 25.0,\n", 0) == 0);
    CHECK(text.back() == '}');
}

TEST_CASE("json: a compound and the list of compounds", "[json]") {
    const json glycinate = parsed(mgcalc::to_json(mgcalc::get_compound("glycinate")));
    CHECK(keys(glycinate) == std::vector<std::string>{"id", "name", "aliases", "formula", "water_of_hydration",
                                                      "molar_mass_g_per_mol", "elemental_fraction", "bioavailability",
                                                      "evidence", "formula_source", "notes"});
    CHECK(glycinate["id"] == "glycinate");
    CHECK(glycinate["aliases"].is_array());
    CHECK(glycinate["elemental_fraction"].get<double>() > 0.0);
    CHECK(glycinate["elemental_fraction"].get<double>() < 1.0);
    CHECK(keys(glycinate["evidence"]) == std::vector<std::string>{"grade", "studies"});

    const json list = parsed(mgcalc::to_json(mgcalc::compounds()));
    REQUIRE(list.size() == mgcalc::compounds().size());
    std::size_t with_estimate = 0;
    for (const json& c : list) {
        CHECK(c.size() == glycinate.size());
        if (c["bioavailability"].is_null()) continue;
        ++with_estimate;
        CHECK(keys(c["bioavailability"]) == std::vector<std::string>{"relative_factor", "label", "basis"});
        CHECK(c["bioavailability"]["label"] == "estimate");
    }
    CHECK(with_estimate > 0);
    CHECK(with_estimate < list.size());  // some compounds have no estimate: null, not 0
}

TEST_CASE("json: food search hits, best first", "[json]") {
    const std::vector<mgcalc::catalog_match> hits = sr24().search("pumpkin seeds", 3);
    const json j = parsed(mgcalc::to_json(hits));
    REQUIRE(j.size() == hits.size());
    REQUIRE_FALSE(j.empty());
    for (const json& hit : j)
        CHECK(keys(hit) == std::vector<std::string>{"id", "source", "description", "magnesium_mg_per_100g"});
    CHECK(j[0]["source"] == "usda-sr24");
    CHECK(j[0]["id"] == std::string(hits[0].database->id(hits[0].index)));
    CHECK(parsed(mgcalc::to_json(std::span<const mgcalc::catalog_match>{})) == json::array());
}

TEST_CASE("json: a food shown by id, with its portions and how it was found", "[json]") {
    const json j = parsed(mgcalc::to_json(mgcalc::resolve_food(sr24(), "12014")));
    CHECK(keys(j) == std::vector<std::string>{"id", "source", "description", "magnesium_mg_per_100g",
                                              "magnesium_is_lower_bound", "portions", "matched_by", "match"});
    CHECK(j["magnesium_mg_per_100g"] == 592.0);
    REQUIRE(j["portions"].size() == 2);
    CHECK(j["portions"][0] == json{{"amount", 1.0}, {"measure", "cup"}, {"grams", 129.0}, {"magnesium_mg", 763.7}});
    CHECK(j["matched_by"] == "id");
    CHECK(keys(j["match"]) == std::vector<std::string>{"by", "food_words", "confidence", "uncertain", "notes",
                                                       "alternatives", "other_portions"});
    CHECK(j["match"]["confidence"] == 1.0);
}

TEST_CASE("json: a typed food entry read into grams and magnesium", "[json]") {
    const mgcalc::resolved_food_entry entry = mgcalc::resolve_food_entry(sr24(), "12014=1 oz");
    const json j = parsed(mgcalc::to_json(entry));
    CHECK(keys(j) == std::vector<std::string>{"input", "food_id", "source", "description", "grams", "measure_used",
                                              "magnesium_mg", "magnesium_mg_per_100g", "match"});
    CHECK(j["input"] == "12014=1 oz");
    CHECK(j["grams"] == 28.3);          // 28.349523125 g to 0.1 g
    CHECK(j["magnesium_mg"] == 167.8);  // 28.349523125 g x 5.92 mg/g
    CHECK(parsed(mgcalc::to_json(entry.choice)) == j["match"]);

    const json searched = parsed(mgcalc::to_json(mgcalc::resolve_food_entry(sr24(), "1 cup black beans").choice));
    CHECK(searched["by"] == "search");
    CHECK(searched["food_words"] == "black beans");
    CHECK(searched["alternatives"].is_array());
}

TEST_CASE("json: the day report, its entries, warnings and suggestions", "[json]") {
    const mgcalc::intake_log log = one_day_log({{food, "12061=1 oz"}, {supplement, "glycinate=400 mg"}});
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, sr24());
    REQUIRE(period.days.size() == 1);
    const json day = parsed(mgcalc::to_json(period.days.front()));
    CHECK(keys(day) == std::vector<std::string>{"date", "reference", "food_mg", "supplement_mg", "total_mg",
                                                "total_is_lower_bound", "percent_of_target", "status", "over_ul",
                                                "unknown_entries", "lower_bound_entries", "absorbed_estimate_mg",
                                                "absorbed_estimate_basis", "entries", "warnings", "warning_codes",
                                                "suggestions"});
    CHECK(day["date"] == "2024-03-10");
    CHECK(day["reference"]["target_mg"] == 310.0);
    CHECK(day["food_mg"] == 76.0);  // 28.349523125 g x 2.68 mg/g = 75.98
    CHECK(day["supplement_mg"] == 400.0);
    CHECK(day["total_mg"] == 476.0);
    CHECK(day["percent_of_target"] == 153.5);  // 475.98 / 310
    CHECK(day["status"] == "meets-rda");
    CHECK(day["over_ul"] == true);  // 400 mg of supplements over the UL of 350 mg
    CHECK(day["warning_codes"] == json{"over-upper-limit"});
    CHECK(day["warnings"][0].get<std::string>().rfind("over-upper-limit: ", 0) == 0);
    REQUIRE(day["entries"].size() == 2);
    // Ranked by contribution: the dose first; only food entries have the food's fields.
    CHECK(keys(day["entries"][0]) == std::vector<std::string>{"kind", "input", "description", "magnesium_mg"});
    CHECK(day["entries"][0]["kind"] == "supplement");
    CHECK(keys(day["entries"][1]) == std::vector<std::string>{"kind", "input", "description", "magnesium_mg", "grams",
                                                              "measure_used", "food_id", "source", "matched_by",
                                                              "match"});
    CHECK(day["entries"][1]["grams"] == 28.3);
    CHECK(day["entries"][1]["food_id"] == "12061");
    // The target is met: no gap, so no suggestion.
    CHECK(day["suggestions"] == parsed(mgcalc::to_json(mgcalc::suggest_for_gap(period.days.front().result))));
    CHECK(day["suggestions"]["gap_mg"] == 0.0);
    CHECK(day["suggestions"]["supplement_room_mg"].is_null());
}

TEST_CASE("json: suggestions for a day below its target", "[json]") {
    const mgcalc::intake_log log = one_day_log({{food, "12061=1 oz"}});
    const mgcalc::evaluation result = mgcalc::evaluate_log(log, sr24()).days.front().result;
    const json j = parsed(mgcalc::to_json(mgcalc::suggest_for_gap(result)));
    CHECK(keys(j) == std::vector<std::string>{"gap_mg", "foods", "note", "supplement_room_mg"});
    CHECK(j["gap_mg"] == 234.0);  // 310 - 75.98
    REQUIRE_FALSE(j["foods"].empty());
    CHECK(keys(j["foods"][0]) == std::vector<std::string>{"food_id", "description", "serving", "grams",
                                                          "magnesium_mg", "closes_gap", "text"});
    CHECK(j["supplement_room_mg"] == 234.0);  // the gap, which is within the UL of 350 mg
}

TEST_CASE("json: a log over a period, its summary and its days", "[json]") {
    mgcalc::intake_log log = one_day_log({{food, "12014=1 oz"}});
    log.days.push_back({mgcalc::date(2024, 3, 12), {mgcalc::read_log_entry(supplement, "glycinate=100 mg")}});
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, sr24());
    const json j = parsed(mgcalc::to_json(period));
    CHECK(keys(j) == std::vector<std::string>{"period", "days"});
    CHECK(keys(j["period"]) == std::vector<std::string>{"from", "to", "days", "mean_food_mg", "mean_supplement_mg",
                                                        "mean_total_mg", "days_below_ear", "days_below_target",
                                                        "days_over_ul", "days_with_unknown_entries"});
    CHECK(j["period"] == parsed(mgcalc::to_json(period.summary)));
    CHECK(j["period"]["from"] == "2024-03-10");
    CHECK(j["period"]["to"] == "2024-03-12");
    CHECK(j["period"]["days"] == 2);
    CHECK(j["period"]["mean_food_mg"] == 83.9);  // 167.83 mg on one of two logged days
    CHECK(j["period"]["mean_supplement_mg"] == 50.0);
    CHECK(j["period"]["days_below_ear"] == 2);
    REQUIRE(j["days"].size() == 2);
    CHECK(j["days"][1] == parsed(mgcalc::to_json(period.days[1])));
}

TEST_CASE("json: the evening-magnesium assessment", "[json]") {
    const mgcalc::intake_log log = one_day_log({{supplement, "glycinate=200 mg@21:45"}});
    const mgcalc::life_stage stage = log.person.on(mgcalc::date(2024, 3, 10));
    mgcalc::sleep_context context;
    context.bedtime = mgcalc::time_of_day{22, 30};
    const mgcalc::sleep_assessment a =
        mgcalc::assess_sleep(mgcalc::resolve_day(log, log.days.front(), sr24()), stage, context);
    const json j = parsed(mgcalc::to_json(a, stage, mgcalc::date(2024, 3, 10), context.bedtime));
    CHECK(keys(j) == std::vector<std::string>{"date", "bedtime", "reference", "evening_elemental_mg", "dose_range",
                                              "glycine_mg", "carried", "food_mg", "supplement_mg", "total_mg",
                                              "total_is_lower_bound", "percent_of_target", "over_ul", "findings",
                                              "note"});
    CHECK(j["bedtime"] == "22:30");
    CHECK(j["evening_elemental_mg"] == 200.0);
    CHECK(keys(j["dose_range"]) == std::vector<std::string>{"low_mg", "high_mg", "judged", "description"});
    CHECK(j["dose_range"]["low_mg"] == 200.0);
    CHECK(j["dose_range"]["judged"] == true);
    CHECK(j["glycine_mg"].get<double>() > 0.0);  // bisglycinate carries glycine
    REQUIRE_FALSE(j["carried"].empty());
    CHECK(keys(j["carried"][0]) == std::vector<std::string>{"name", "mg"});
    for (const json& f : j["findings"])
        CHECK(keys(f) == std::vector<std::string>{"code", "severity", "message", "evidence"});
    CHECK(j["note"] == "arithmetic on published figures, not advice");
}

TEST_CASE("json: an error with its code, message, input and location, null where not known", "[json]") {
    const mgcalc::error e(mgcalc::errc::malformed_file, "found the number 1; expected a string",
                          {.file = "log.json", .line = 13, .column = 54, .json_path = "$.days[0].entries[1].amount"},
                          "1");
    const json j = parsed(mgcalc::to_json(e));
    CHECK(keys(j) == std::vector<std::string>{"code", "message", "input", "where"});
    CHECK(j["code"] == "malformed_file");
    CHECK(j["message"] == "found the number 1; expected a string");
    CHECK(j["input"] == "1");
    CHECK(j["where"] == json{{"file", "log.json"},
                             {"line", 13},
                             {"column", 54},
                             {"json_path", "$.days[0].entries[1].amount"},
                             {"day", nullptr},
                             {"entry", nullptr}});

    const mgcalc::error entry = mgcalc_test::thrown_by([] {
        const mgcalc::intake_log log = one_day_log({{food, "12061=1 oz"}, {food, "12061=1 spoon"}});
        (void)mgcalc::evaluate_log(log, sr24());
    });
    const json placed = parsed(mgcalc::to_json(entry));
    CHECK(placed["code"] == "unknown_measure");  // almonds have no "spoon" portion
    CHECK(placed["where"]["day"] == "2024-03-10");
    CHECK(placed["where"]["entry"] == 2);
    CHECK(placed["where"]["file"].is_null());
    CHECK(placed["where"]["line"].is_null());
}

TEST_CASE("json: text that is not UTF-8 is written with U+FFFD, never refused", "[json]") {
    mgcalc::food_choice choice;
    choice.food_words = "caf\xE9";  // Latin-1, as a terminal in another encoding sends it
    const std::string text = mgcalc::to_json(choice);
    CHECK(text.find("\"food_words\": \"caf\xEF\xBF\xBD\"") != std::string::npos);
}

TEST_CASE("json: reference intakes without a person, in their order, with the fields of the reference document", "[json]") {
    using namespace mgcalc;
    const reference_intakes woman = reference_intakes_for(life_stage(sex::female, age::from_years(30)));
    const reference_intakes baby = reference_intakes_for(life_stage(sex::male, age::from_months(3)));
    const std::vector<reference_intakes> both = {woman, baby};
    const json doc = parsed(to_json(std::span<const reference_intakes>(both)));
    REQUIRE(doc.is_array());
    REQUIRE(doc.size() == 2);
    CHECK(doc[0]["life_stage"] == "Females 19-30 y");
    CHECK(doc[0]["target_mg"] == 310.0);
    CHECK(doc[0]["target_kind"] == "RDA");
    CHECK(doc[0]["ear_mg"] == 255.0);
    CHECK(doc[0]["ul_supplemental_mg"] == 350.0);
    CHECK(doc[1]["target_mg"] == 30.0);  // IOM 1997: AI 0-6 months
    CHECK(doc[1]["ear_mg"].is_null());
    CHECK(doc[1]["ul_supplemental_mg"].is_null());
    CHECK_FALSE(doc[0].contains("sex"));  // no person
    // The same fields as the reference document of a person, after the person's own.
    const json with_person = parsed(to_json(woman, life_stage(sex::female, age::from_years(30))));
    std::vector<std::string> reference_keys = keys(with_person);
    reference_keys.erase(reference_keys.begin(), reference_keys.begin() + 5);  // sex ... infant_feeding
    CHECK(keys(doc[0]) == reference_keys);
}

TEST_CASE("json: a period written a day at a time is the whole document's text", "[json][hardening]") {
    // write_json streams the days so that a long log's report is never held whole; its bytes
    // must be to_json's, which builds the document and dumps it.
    mgcalc::intake_log log = one_day_log({{food, "12061=1 oz"}, {supplement, "glycinate=400 mg"}});
    const char* const typed[] = {"1 cup black beans", "12014=1 oz", "banana=2"};
    for (int d = 0; d < 3; ++d) {
        mgcalc::log_day day{mgcalc::date(2024, 3, 11 + d), {}};
        day.entries.push_back(mgcalc::read_log_entry(food, typed[d]));
        log.days.push_back(std::move(day));
    }
    const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, sr24());
    REQUIRE(period.days.size() > 2);
    std::ostringstream streamed;
    mgcalc::write_json(streamed, period);
    CHECK(streamed.str() == mgcalc::to_json(period));
    // One day, and no day, too.
    mgcalc::period_evaluation one = period;
    one.days.erase(one.days.begin() + 1, one.days.end());
    std::ostringstream one_streamed;
    mgcalc::write_json(one_streamed, one);
    CHECK(one_streamed.str() == mgcalc::to_json(one));
    mgcalc::period_evaluation none = period;
    none.days.clear();
    std::ostringstream none_streamed;
    mgcalc::write_json(none_streamed, none);
    CHECK(none_streamed.str() == mgcalc::to_json(none));
}
