// Tests for mgcalc/io/log_file.hpp: the JSON log and the CSV of entries (docs/log-format.md).
//
// Fixtures: tests/data/logs/ (described in its README.md) and the documented examples in
// docs/examples/, which are loaded here so that the documentation never shows a file mgcalc
// refuses or rewrites.
#include <mgcalc/error.hpp>
#include <mgcalc/io/log_file.hpp>

#include "detail/text.hpp"
#include "io/log_input.hpp"
#include "io/log_json_read.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#if __has_include(<nlohmann/json.hpp>)
#include <nlohmann/json.hpp>
#define MGCALC_TEST_HAVE_JSON 1
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using mgcalc::year_month_day;
using mgcalc::errc;
using mgcalc::intake_log;
using mgcalc::log_entry_kind;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

using mgcalc_test::error_message;
using mgcalc_test::read_file;
using mgcalc_test::temporary_folder;

namespace {

const std::string logs_dir = std::string(MGCALC_TEST_DATA_DIR) + "/logs/";
// MGCALC_TEST_DATA_DIR is <source>/tests/data.
const std::string examples_dir = std::string(MGCALC_TEST_DATA_DIR) + "/../../docs/examples/";
const std::string schema_path = std::string(MGCALC_TEST_DATA_DIR) + "/../../docs/schema/mgcalc-log-v1.schema.json";

std::string json_error(std::string_view text) {
    return error_message([&] { mgcalc::parse_log_json(text); }, errc::malformed_file);
}

/// A valid single-line log with the given pieces, for error cases.
std::string document(std::string_view profile = R"({"sex":"female","birth_date":"1990-04-12"})",
                     std::string_view days = "[]", std::string_view extra = "") {
    return std::string(R"({"format":"mgcalc-log","version":1,"profile":)") + std::string(profile) +
           std::string(extra) + R"(,"days":)" + std::string(days) + "}";
}

std::string one_entry(std::string_view entry, std::string_view date = "2026-11-20") {
    return R"([{"date":")" + std::string(date) + R"(","entries":[)" + std::string(entry) + "]}]";
}

}  // namespace

// ---- the documented examples -----------------------------------------------------------------

TEST_CASE("log_file: the documented JSON example loads and saves byte for byte", "[log_file]") {
    const std::string path = examples_dir + "log-example.json";
    const intake_log log = mgcalc::load_log(path);

    CHECK(log.person.sex == mgcalc::sex::female);
    REQUIRE(log.person.birth_date);
    CHECK(*log.person.birth_date == mgcalc::date(1994, 3, 18));
    REQUIRE(log.person.pregnancies.size() == 1);
    CHECK(log.person.pregnancies[0].to == mgcalc::date(2026, 11, 12));
    REQUIRE(log.person.lactation.size() == 1);
    CHECK(log.person.lactation[0].from == mgcalc::date(2026, 11, 13));

    REQUIRE(log.custom_foods.size() == 2);
    CHECK(log.custom_foods[0].id == "oat-protein-bar");
    CHECK(log.custom_foods[0].source == "log");
    REQUIRE(log.custom_foods[0].magnesium_per_100g);
    CHECK(log.custom_foods[0].magnesium_per_100g->value() == 120.0);
    REQUIRE(log.custom_foods[0].portions.size() == 2);
    CHECK(log.custom_foods[0].portions[1].amount == 0.5);
    CHECK(log.custom_foods[0].portions[1].weight.value() == 22.5);
    CHECK_FALSE(log.custom_foods[1].magnesium_per_100g);  // null: unknown, not 0

    REQUIRE(log.products.size() == 1);
    CHECK(log.products[0].id == "my-magtein");
    CHECK(log.products[0].compound == "threonate");
    CHECK(log.products[0].elemental_per_unit.value() == 48.0);
    CHECK(log.products[0].unit == "capsule");

    // A week, with foods by USDA id and by words, timed supplements, a product and a custom food.
    REQUIRE(log.days.size() == 7);
    CHECK(log.days.front().date == mgcalc::date(2026, 11, 9));
    CHECK(log.days.back().date == mgcalc::date(2026, 11, 15));
    int by_id = 0, by_words = 0, timed_supplements = 0, products = 0, custom = 0;
    for (const mgcalc::log_day& day : log.days)
        for (const mgcalc::log_entry& entry : day.entries) {
            if (entry.kind == log_entry_kind::food && entry.item.size() == 5 &&
                entry.item.find_first_not_of("0123456789") == std::string::npos)
                ++by_id;
            if (entry.kind == log_entry_kind::food && entry.item.find(' ') != std::string::npos) ++by_words;
            if (entry.kind == log_entry_kind::supplement && entry.time) ++timed_supplements;
            if (entry.kind == log_entry_kind::product) ++products;
            if (entry.item == "oat-protein-bar" || entry.item == "lentil-soup") ++custom;
        }
    CHECK(by_id >= 5);
    CHECK(by_words >= 2);
    CHECK(timed_supplements >= 3);
    CHECK(products == 2);
    CHECK(custom >= 2);
    REQUIRE(log.days[0].entries.size() == 6);
    CHECK(log.days[0].entries[0].time == mgcalc::time_of_day{7, 30});
    CHECK(log.days[0].entries[0].note == "oatmeal with water");

    // The life stage changes within the week.
    CHECK(log.person.on(mgcalc::date(2026, 11, 12)).pregnant());
    CHECK_FALSE(log.person.on(mgcalc::date(2026, 11, 13)).pregnant());
    CHECK(log.person.on(mgcalc::date(2026, 11, 13)).lactating());

    CHECK(mgcalc::to_log_json(log) == read_file(path));
}

TEST_CASE("log_file: the documented CSV example holds the JSON example's entries", "[log_file]") {
    const intake_log from_json = mgcalc::load_log(examples_dir + "log-example.json");
    const std::string csv_path = examples_dir + "log-example.csv";
    const std::string csv = read_file(csv_path);

    intake_log from_csv;
    mgcalc::parse_log_csv(csv, from_csv, csv_path);
    CHECK(from_csv.days == from_json.days);
    CHECK(mgcalc::to_log_csv(from_json) == csv);
}

// ---- round trips -----------------------------------------------------------------------------

TEST_CASE("log_file: canonical logs load and save byte for byte", "[log_file]") {
    for (const char* name : {"minimal.json", "edge.json"}) {
        INFO(name);
        const std::string text = read_file(logs_dir + name);
        CHECK(mgcalc::to_log_json(mgcalc::parse_log_json(text, name)) == text);
    }
}

TEST_CASE("log_file: any valid layout is saved in the canonical form, which then stays fixed", "[log_file]") {
    // edge-input.json: BOM, CRLF, keys in any order, escapes, 1.0, 1.5E2, empty optional arrays.
    const intake_log log = mgcalc::load_log(logs_dir + "edge-input.json");
    const std::string canonical = read_file(logs_dir + "edge.json");
    CHECK(mgcalc::to_log_json(log) == canonical);

    // What was read, exactly.
    CHECK(log.person.age->years == 34.567891234);
    CHECK(log.person.conditions == std::vector<std::string>{"reduced-kidney-function"});
    CHECK(log.person.medications == std::vector<std::string>{"bisphosphonate", "proton-pump-inhibitor"});
    REQUIRE(log.custom_foods.size() == 3);
    CHECK(log.custom_foods[0].magnesium_per_100g->value() == 0.1);
    CHECK(log.custom_foods[0].portions.at(1).weight.value() == 1e-7);
    CHECK(log.custom_foods[2].magnesium_per_100g->value() == 1.0 / 3.0);
    CHECK(log.custom_foods[1].portions.empty());
    REQUIRE(log.products.size() == 2);
    CHECK(log.products[0].elemental_per_unit.value() == 150.0);
    CHECK(log.products[1].unit == "capsule");  // the default when "unit" is absent
    REQUIRE(log.days.size() == 2);
    const auto& entries = log.days[0].entries;
    REQUIRE(entries.size() == 5);
    CHECK(entries[0].item == "Caf\u00e9 au lait \u2014 \"grande\"");
    CHECK(entries[0].amount == "1 \u00bd cups");
    CHECK(entries[0].note.empty());
    CHECK(entries[0].time == mgcalc::time_of_day{0, 0});
    CHECK(entries[1].note == "line one\nline two\ttabbed \\ backslash / slash \x01 control");
    CHECK(entries[2].item == "\u65e5\u672c natto \U0001F35A");
    CHECK_FALSE(entries[2].time);
    // A food or supplement may be the whole phrase as typed, in place of item and amount.
    CHECK(entries[3].phrase == "half a cup of cashews");
    CHECK(entries[3].item.empty());
    CHECK(entries[3].amount.empty());
    CHECK(entries[4].kind == log_entry_kind::supplement);
    CHECK(entries[4].phrase == "magnesium 100 mg");
    CHECK(entries[4].time == mgcalc::time_of_day{21, 30});
    CHECK(log.days[1].entries.empty());
}

TEST_CASE("log_file: save -> load -> save through files is byte-identical", "[log_file]") {
    const temporary_folder folder;
    const std::string first = folder.file("first.json"), second = folder.file("second.json");
    mgcalc::save_log(mgcalc::load_log(logs_dir + "edge-input.json"), first);
    CHECK(read_file(first) == read_file(logs_dir + "edge.json"));
    mgcalc::save_log(mgcalc::load_log(first), second);
    CHECK(read_file(second) == read_file(first));

    // Saving over an existing file replaces it entirely, through a temporary file that is gone after.
    mgcalc::save_log(mgcalc::load_log(logs_dir + "minimal.json"), first);
    CHECK(read_file(first) == read_file(logs_dir + "minimal.json"));
    std::set<std::string> files;
    for (const auto& file : std::filesystem::directory_iterator(folder.path)) files.insert(file.path().filename().string());
    CHECK(files == std::set<std::string>{"first.json", "second.json"});

    // A symbolic link is followed: the file it points to is replaced, the link stays a link.
    const std::string link = folder.file("link.json");
    std::filesystem::create_symlink(second, link);
    mgcalc::save_log(mgcalc::load_log(logs_dir + "minimal.json"), link);
    CHECK(std::filesystem::is_symlink(link));
    CHECK(read_file(second) == read_file(logs_dir + "minimal.json"));
}

TEST_CASE("log_file: numbers are written so that they read back exactly", "[log_file]") {
    using namespace mgcalc::unit_symbols;
    const std::vector<double> values = {0.1,     1.0 / 3.0, 2.0 / 3.0,  1e-7,  22.5,   std::nextafter(0.1, 1.0),
                                        5e-324,  1e-300,    9999.999,   45.0,  0.5,    123.456,
                                        9999.75, 1.0 / 7.0, 0.30000000000000004, 4096.0001};
    intake_log log;
    mgcalc::food item;
    item.id = "numbers";
    item.description = "Every value as a portion weight";
    item.magnesium_per_100g = 5e-324 * mg;
    for (double value : values) item.portions.push_back({value, "unit", value * g});
    log.custom_foods.push_back(item);
    log.person.age = mgcalc::stated_age{34.56789012345678, mgcalc::date(2026, 1, 1)};

    const std::string text = mgcalc::to_log_json(log);
    const intake_log again = mgcalc::parse_log_json(text);
    REQUIRE(again.custom_foods.size() == 1);
    REQUIRE(again.custom_foods[0].portions.size() == values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        INFO(values[i]);
        CHECK(again.custom_foods[0].portions[i].amount == values[i]);  // exact, not approximate
        CHECK(again.custom_foods[0].portions[i].weight.value() == values[i]);
    }
    CHECK(again.custom_foods[0].magnesium_per_100g->value() == 5e-324);
    CHECK(again.person.age->years == 34.56789012345678);
    CHECK(mgcalc::to_log_json(again) == text);
    // Shortest forms: integers without ".0", decimals as typed.
    CHECK_THAT(text, Contains("\"amount\": 0.1,") && Contains("\"amount\": 45,") && Contains("\"amount\": 123.456,") &&
                         Contains("\"amount\": 0.30000000000000004,") && Contains("\"amount\": 1e-07,"));
}

TEST_CASE("log_file: the canonical layout", "[log_file]") {
    using namespace mgcalc::unit_symbols;
    intake_log log;
    log.person.sex = mgcalc::sex::male;
    log.person.birth_date = mgcalc::date(1980, 2, 29);
    log.products.push_back({"caps", "Glycinate 100", "glycinate", 100.0 * mg, "tablet"});
    mgcalc::log_day day{mgcalc::date(2026, 3, 1), {}};
    day.entries.push_back({log_entry_kind::food, "12014", "1 oz", mgcalc::time_of_day{8, 0}, "with \"yogurt\""});
    day.entries.push_back({log_entry_kind::product, "caps", "2", std::nullopt, ""});
    log.days.push_back(day);
    log.days.push_back({mgcalc::date(2026, 3, 2), {}});

    // Fixed key order, optional keys left out when empty, 2-space indent, trailing newline.
    const std::string expected = R"({
  "format": "mgcalc-log",
  "version": 1,
  "profile": {
    "sex": "male",
    "birth_date": "1980-02-29"
  },
  "supplement_products": [
    {
      "id": "caps",
      "name": "Glycinate 100",
      "compound": "glycinate",
      "elemental_mg_per_unit": 100,
      "unit": "tablet"
    }
  ],
  "days": [
    {
      "date": "2026-03-01",
      "entries": [
        {
          "kind": "food",
          "item": "12014",
          "amount": "1 oz",
          "time": "08:00",
          "note": "with \"yogurt\""
        },
        {
          "kind": "product",
          "item": "caps",
          "amount": "2"
        }
      ]
    },
    {
      "date": "2026-03-02",
      "entries": []
    }
  ]
}
)";
    CHECK(mgcalc::to_log_json(log) == expected);

    intake_log empty;
    CHECK(mgcalc::to_log_json(empty) ==
          "{\n  \"format\": \"mgcalc-log\",\n  \"version\": 1,\n  \"profile\": {\n    \"sex\": \"female\"\n  },\n"
          "  \"days\": []\n}\n");
    CHECK(mgcalc::parse_log_json(mgcalc::to_log_json(empty)).days.empty());
}

// ---- unknown fields and kinds ----------------------------------------------------------------

namespace {

/// The column (1-based) where `marker` first occurs in a one-line text.
std::string where(const std::string& text, std::string_view marker, std::string_view origin = "<log>") {
    const std::size_t at = text.find(marker);
    REQUIRE(at != std::string::npos);
    return std::string(origin) + ":1:" + std::to_string(at + 1) + ": ";
}

}  // namespace

TEST_CASE("log_file: an unknown field is an error naming its path and position", "[log_file]") {
    struct unknown_field_case {
        std::string text;
        std::string path;
    };
    const std::string food = R"({"id":"a","description":"b","magnesium_mg_per_100g":1)";
    const std::string product = R"({"id":"p","name":"n","compound":"citrate","elemental_mg_per_unit":100)";
    const std::string entry = R"({"kind":"food","item":"12014","amount":"1 oz")";
    const std::vector<unknown_field_case> cases = {
        {document(R"({"sex":"female"})", "[]", R"(,"colour":1)"), "$.colour"},
        {document(R"({"sex":"female","colour":1})"), "$.profile.colour"},
        {document(R"({"sex":"female","age":{"years":3,"on":"2026-01-01","colour":1}})"), "$.profile.age.colour"},
        {document(R"({"sex":"female","pregnancies":[{"from":"2026-01-01","to":"2026-02-01","colour":1}]})"),
         "$.profile.pregnancies[0].colour"},
        {document(R"({"sex":"female"})", "[]", ",\"custom_foods\":[" + food + R"(,"colour":1}])"), "$.custom_foods[0].colour"},
        {document(R"({"sex":"female"})", "[]",
                  ",\"custom_foods\":[" + food + R"(,"portions":[{"amount":1,"measure":"bar","grams":4,"colour":1}]}])"),
         "$.custom_foods[0].portions[0].colour"},
        {document(R"({"sex":"female"})", "[]", ",\"supplement_products\":[" + product + R"(,"colour":1}])"),
         "$.supplement_products[0].colour"},
        {document(R"({"sex":"female"})", R"([{"date":"2026-01-01","entries":[],"colour":1}])"), "$.days[0].colour"},
        {document(R"({"sex":"female"})", one_entry(entry + R"(,"colour":1})")), "$.days[0].entries[0].colour"},
        {document(R"({"sex":"female"})", one_entry(entry + R"(,"unit":"g"})")), "$.days[0].entries[0].unit"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const std::string message = json_error(c.text);
        const std::string key = c.path.substr(c.path.rfind('.') + 1);
        CHECK_THAT(message, StartsWith("[mgcalc.malformed_file] " + where(c.text, "\"" + key + "\"") + c.path +
                                       ": unknown field in "));
        CHECK_THAT(message, Contains("unknown fields are errors so that nothing is dropped"));
    }

    // A key that is not an identifier is quoted in the path.
    const std::string odd = document(R"({"sex":"female"})", one_entry(entry + R"(,"we ird":1})"));
    // Built with +=: "literal" + std::string trips g++ 12's bogus -Wrestrict (GCC 105329).
    std::string expected = "[mgcalc.malformed_file] ";
    expected += where(odd, "\"we ird\"");
    // An entry has item and amount, or a phrase in their place (food and supplement entries).
    expected += "$.days[0].entries[0][\"we ird\"]: unknown field in an entry; expected kind, item and amount (or, "
                "for a food or supplement, phrase) and optionally time, note";
    CHECK_THAT(json_error(odd), StartsWith(expected));
}

TEST_CASE("log_file: an unknown entry kind is an error, not a skipped entry", "[log_file]") {
    for (const char* kind : {"drink", "Food", "FOOD", "", "supplements", "medication"}) {
        INFO(kind);
        const std::string text = document(R"({"sex":"female"})",
                                          one_entry(R"({"kind":")" + std::string(kind) + R"(","item":"x","amount":"1"})"));
        const std::string message = json_error(text);
        std::string expected = "[mgcalc.malformed_file] ";  // += avoids g++ 12's bogus -Wrestrict
        expected += where(text, mgcalc::detail::quoted(kind) + ",");
        expected += "$.days[0].entries[0].kind: found the string ";
        expected += mgcalc::detail::quoted(kind);
        expected += ", an unknown entry kind; expected \"food\", \"supplement\" or \"product\"";
        CHECK_THAT(message, StartsWith(expected));
    }
}

// ---- every validation error ------------------------------------------------------------------

TEST_CASE("log_file: every validation error names the position, the path and what was expected", "[log_file]") {
    struct validation_case {
        std::string text;
        std::string marker;    ///< the error points at the first occurrence of this text
        std::string expected;  ///< the message after "<log>:1:COLUMN: "
    };
    const std::string female = R"({"sex":"female"})";
    auto foods = [&](const std::string& list) { return document(female, "[]", ",\"custom_foods\":" + list); };
    auto products = [&](const std::string& list) { return document(female, "[]", ",\"supplement_products\":" + list); };
    auto entry = [&](const std::string& e) { return document(female, one_entry(e)); };
    auto with_profile = [&](const std::string& p) { return document(p); };
    const std::string bar = R"("description":"b","magnesium_mg_per_100g":1)";
    const std::string cap = R"("name":"n","compound":"citrate","elemental_mg_per_unit":100)";

    const std::vector<validation_case> cases = {
        // the document
        {"[]", "[", "$: found an array; expected an mgcalc log, an object {\"format\": \"mgcalc-log\""},
        {"\"mgcalc-log\"", "\"", "$: found the string \"mgcalc-log\"; expected an mgcalc log"},
        {R"({"version":1})", "{", "$: missing the field \"format\"; expected \"format\": \"mgcalc-log\""},
        {R"({"format":"other-log","version":1})", "\"other-log\"",
         "$.format: found the string \"other-log\"; expected \"mgcalc-log\" (is this an mgcalc log?)"},
        {R"({"format":1})", "1}", "$.format: found the number 1; expected \"mgcalc-log\""},
        {R"({"format":"mgcalc-log"})", "{", "$: missing the field \"version\"; expected \"version\": 1"},
        {R"({"format":"mgcalc-log","version":2,"a_field_from_the_future":true})", "2,",
         "$.version: version 2 is newer than this mgcalc reads; expected version 1"},
        {R"({"format":"mgcalc-log","version":1.5})", "1.5", "$.version: version 1.5 is newer than this mgcalc reads"},
        {R"({"format":"mgcalc-log","version":0})", "0}", "$.version: found the number 0; expected version 1"},
        {R"({"format":"mgcalc-log","version":"1"})", "\"1\"", "$.version: found the string \"1\"; expected the number 1"},
        {R"({"format":"mgcalc-log","version":1,"days":[]})", "{", "$: missing the field \"profile\"; expected an mgcalc log with format, version, profile, days and optionally custom_foods, supplement_products"},
        {R"({"format":"mgcalc-log","version":1,"profile":{"sex":"male"}})", "{\"format\"", "$: missing the field \"days\""},
        // the profile
        {with_profile("\"female\""), "\"female\"", "$.profile: found the string \"female\"; expected a profile, an object with sex and optionally birth_date"},
        {with_profile(R"({"birth_date":"1990-04-12"})"), "{\"birth_date\"", "$.profile: missing the field \"sex\""},
        {with_profile(R"({"sex":"F"})"), "\"F\"", "$.profile.sex: found the string \"F\"; expected \"female\" or \"male\""},
        {with_profile(R"({"sex":null})"), "null", "$.profile.sex: found null; expected \"female\" or \"male\""},
        {with_profile(R"({"sex":"female","birth_date":"1990-4-12"})"), "\"1990-4-12\"",
         "$.profile.birth_date: \"1990-4-12\" is not a date: wrong form; expected YYYY-MM-DD"},
        {with_profile(R"({"sex":"female","birth_date":"1990-02-30"})"), "\"1990-02-30\"",
         "$.profile.birth_date: \"1990-02-30\" is not a date: day 30 does not exist: February 1990 has 28 days"},
        {with_profile(R"({"sex":"female","birth_date":19900412})"), "19900412",
         "$.profile.birth_date: found the number 19900412; expected a date string \"YYYY-MM-DD\""},
        {with_profile(R"({"sex":"male","age":{"on":"2026-01-01"}})"), "{\"on\"", "$.profile.age: missing the field \"years\"; expected a stated age with years, on"},
        {with_profile(R"({"sex":"male","age":34})"), "34", "$.profile.age: found the number 34; expected a stated age, an object with years, on"},
        {with_profile(R"({"sex":"male","age":{"years":-1,"on":"2026-01-01"}})"), "-1",
         "$.profile.age.years: is -1; expected a number of years from 0 to 120"},
        {with_profile(R"({"sex":"male","age":{"years":121,"on":"2026-01-01"}})"), "121",
         "$.profile.age.years: is 121; expected a number of years from 0 to 120"},
        {with_profile(R"({"sex":"male","age":{"years":"34","on":"2026-01-01"}})"), "\"34\"",
         "$.profile.age.years: found the string \"34\"; expected a number of years"},
        {with_profile(R"({"sex":"male","age":{"years":34,"on":"yesterday"}})"), "\"yesterday\"",
         "$.profile.age.on: \"yesterday\" is not a date"},
        {with_profile(R"({"sex":"female","pregnancies":{"from":"2026-01-01"}})"), "{\"from\"",
         "$.profile.pregnancies: found an object; expected an array of date ranges"},
        {with_profile(R"({"sex":"female","pregnancies":[{"from":"2026-01-01"}]})"), "{\"from\"",
         "$.profile.pregnancies[0]: missing the field \"to\"; expected a date range with from, to"},
        {with_profile(R"({"sex":"female","pregnancies":[{"from":"2026-06-30","to":"2026-01-01"}]})"), "\"2026-01-01\"",
         "$.profile.pregnancies[0].to: 2026-01-01 is before the start 2026-06-30; expected an end on or after the start"},
        {with_profile(R"({"sex":"female","lactation":[{"from":"2026-01-01","to":"2026-13-01"}]})"), "\"2026-13-01\"",
         "$.profile.lactation[0].to: \"2026-13-01\" is not a date: month 13 is not 1-12"},
        {with_profile(R"({"sex":"female","lactation":["2026-01-01"]})"), "\"2026-01-01\"",
         "$.profile.lactation[0]: found the string \"2026-01-01\"; expected a date range"},
        {with_profile(R"({"sex":"female","conditions":[1]})"), "1]",
         "$.profile.conditions[0]: found the number 1; expected a condition like \"reduced-kidney-function\""},
        {with_profile(R"({"sex":"female","conditions":"none"})"), "\"none\"",
         "$.profile.conditions: found the string \"none\"; expected an array of strings"},
        {with_profile(R"({"sex":"female","medications":["  "]})"), "\"  \"",
         "$.profile.medications[0]: is blank; expected a medication like \"bisphosphonate\""},
        // custom foods
        {foods("{}"), "{}", "$.custom_foods: found an object; expected an array of custom foods"},
        {foods(R"(["bar"])"), "\"bar\"", "$.custom_foods[0]: found the string \"bar\"; expected a custom food, an object with id, description, magnesium_mg_per_100g and optionally portions"},
        {foods("[{" + bar + "}]"), "{\"description\"", "$.custom_foods[0]: missing the field \"id\""},
        {foods(R"([{"id":"",)" + bar + "}]"), "\"\"", "$.custom_foods[0].id: is empty; expected a food id"},
        {foods(R"([{"id":7,)" + bar + "}]"), "7", "$.custom_foods[0].id: found the number 7; expected a food id"},
        {foods(R"([{"id":"bar","description":"first","magnesium_mg_per_100g":1},{"id":"bar","description":"second","magnesium_mg_per_100g":1}])"),
         "\"bar\",\"description\":\"second\"", "$.custom_foods[1].id: \"bar\" is also the id of $.custom_foods[0]; expected each custom food id once"},
        {foods(R"([{"id":"a","description":"b"}])"), "{\"id\"", "$.custom_foods[0]: missing the field \"magnesium_mg_per_100g\""},
        {foods(R"([{"id":"a","description":"   ","magnesium_mg_per_100g":1}])"), "\"   \"", "$.custom_foods[0].description: is blank"},
        {foods(R"([{"id":"a","description":"b","magnesium_mg_per_100g":"120"}])"), "\"120\"",
         "$.custom_foods[0].magnesium_mg_per_100g: found the string \"120\"; expected milligrams per 100 g, or null when unknown"},
        {foods(R"([{"id":"a","description":"b","magnesium_mg_per_100g":-1}])"), "-1",
         "$.custom_foods[0].magnesium_mg_per_100g: is -1; expected milligrams per 100 g from 0 to 100000, or null when unknown"},
        {foods(R"([{"id":"a","description":"b","magnesium_mg_per_100g":100001}])"), "100001",
         "$.custom_foods[0].magnesium_mg_per_100g: is 100001; expected milligrams per 100 g from 0 to 100000"},
        {foods(R"([{"id":"a",)" + bar + R"(,"portions":{}}])"), "{}", "$.custom_foods[0].portions: found an object; expected an array of portions"},
        {foods(R"([{"id":"a",)" + bar + R"(,"portions":[{"amount":0,"measure":"bar","grams":45}]}])"), "0,",
         "$.custom_foods[0].portions[0].amount: is 0; expected a number above 0, like 1 or 0.5"},
        {foods(R"([{"id":"a",)" + bar + R"(,"portions":[{"amount":1,"measure":"","grams":45}]}])"), "\"\"",
         "$.custom_foods[0].portions[0].measure: is empty; expected a household measure"},
        {foods(R"([{"id":"a",)" + bar + R"(,"portions":[{"amount":1,"measure":"bar","grams":20000}]}])"), "20000",
         "$.custom_foods[0].portions[0].grams: is 20000; expected grams above 0 and at most 10000"},
        {foods(R"([{"id":"a",)" + bar + R"(,"portions":[{"amount":1,"measure":"bar"}]}])"), "{\"amount\"",
         "$.custom_foods[0].portions[0]: missing the field \"grams\"; expected a portion with amount, measure, grams"},
        // supplement products
        {products(R"([{"id":"p","compound":"citrate","elemental_mg_per_unit":100}])"), "{\"id\"",
         "$.supplement_products[0]: missing the field \"name\"; expected a supplement product with id, name, compound, elemental_mg_per_unit and optionally unit"},
        {products(R"([{"id":"p","name":"n","compound":"citrate","elemental_mg_per_unit":0}])"), "0}",
         "$.supplement_products[0].elemental_mg_per_unit: is 0; expected milligrams of elemental magnesium per unit, above 0 and at most 5000"},
        {products(R"([{"id":"p","name":"n","compound":"citrate","elemental_mg_per_unit":6000}])"), "6000",
         "$.supplement_products[0].elemental_mg_per_unit: is 6000; expected milligrams of elemental magnesium per unit, above 0 and at most 5000"},
        {products(R"([{"id":"p","name":"n","compound":"","elemental_mg_per_unit":100}])"), "\"\"",
         "$.supplement_products[0].compound: is empty; expected a compound id or alias"},
        {products(R"([{"id":"p",)" + cap + R"(,"unit":3}])"), "3}",
         "$.supplement_products[0].unit: found the number 3; expected a unit like \"capsule\""},
        {products(R"([{"id":"p",)" + cap + R"(},{"id":"p","name":"again","compound":"oxide","elemental_mg_per_unit":50}])"),
         "\"p\",\"name\":\"again\"", "$.supplement_products[1].id: \"p\" is also the id of $.supplement_products[0]; expected each product id once"},
        // days
        {document(female, "{}"), "{}", "$.days: found an object; expected an array of days"},
        {document(female, R"(["2026-01-01"])"), "\"2026-01-01\"", "$.days[0]: found the string \"2026-01-01\"; expected a day, an object with date, entries"},
        {document(female, R"([{"entries":[]}])"), "{\"entries\"", "$.days[0]: missing the field \"date\"; expected a day with date, entries"},
        {document(female, R"([{"date":"2026-01-01"}])"), "{\"date\"", "$.days[0]: missing the field \"entries\""},
        {document(female, R"([{"date":"2026-02-30","entries":[]}])"), "\"2026-02-30\"",
         "$.days[0].date: \"2026-02-30\" is not a date: day 30 does not exist: February 2026 has 28 days"},
        {document(female, R"([{"date":"2026-01-01","entries":[]},{"date":"2026-01-01","entries":[{"kind":"food","item":"x","amount":"1 g"}]}])"),
         "\"2026-01-01\",\"entries\":[{", "$.days[1].date: 2026-01-01 is also the date of $.days[0]; expected one day per date"},
        {document(female, R"([{"date":"2026-01-02","entries":[]},{"date":"2026-01-01","entries":[]}])"), "\"2026-01-01\"",
         "$.days[1].date: 2026-01-01 comes before the date of $.days[0] (2026-01-02); expected days in increasing date order"},
        {document(female, R"([{"date":"2026-01-01","entries":{}}])"), "{}", "$.days[0].entries: found an object; expected an array of entries"},
        // entries
        {entry(R"("12014 1 oz")"), "\"12014 1 oz\"", "$.days[0].entries[0]: found the string \"12014 1 oz\"; expected an entry, an object with kind, item and amount (or, for a food or supplement, phrase) and optionally time, note"},
        {entry(R"({"item":"x","amount":"1 g"})"), "{\"item\"", "$.days[0].entries[0]: missing the field \"kind\"; expected an entry with kind, item and amount (or, for a food or supplement, phrase) and optionally time, note"},
        {entry(R"({"kind":1,"item":"x","amount":"1 g"})"), "1,\"item\"", "$.days[0].entries[0].kind: found the number 1; expected an entry kind: \"food\", \"supplement\" or \"product\""},
        {entry(R"({"kind":"food","amount":"1 g"})"), "{\"kind\"", "$.days[0].entries[0]: missing the field \"item\""},
        {entry(R"({"kind":"food","item":"","amount":"1 g"})"), "\"\"", "$.days[0].entries[0].item: is empty; expected a food id, SOURCE:ID or search words (food)"},
        {entry(R"({"kind":"food","item":null,"amount":"1 g"})"), "null", "$.days[0].entries[0].item: found null; expected a string: a food id"},
        {entry(R"({"kind":"food","item":"x"})"), "{\"kind\"", "$.days[0].entries[0]: missing the field \"amount\""},
        {entry(R"({"kind":"food","item":"x","amount":1})"), "1}",
         "$.days[0].entries[0].amount: found the number 1; expected a string: a serving like \"1 oz\" (food), a dose like \"200 mg\" (supplement) or a count like \"2\" (product)"},
        {entry(R"({"kind":"supplement","item":"x","amount":"  "})"), "\"  \"", "$.days[0].entries[0].amount: is blank; expected a serving like \"1 oz\""},
        {entry(R"({"kind":"food","item":"x","amount":"1 g","time":"25:00"})"), "\"25:00\"",
         "$.days[0].entries[0].time: \"25:00\" is not a time of day: hour 25 is not 00-23; expected HH:MM"},
        {entry(R"({"kind":"food","item":"x","amount":"1 g","time":"8:00"})"), "\"8:00\"",
         "$.days[0].entries[0].time: \"8:00\" is not a time of day: wrong form"},
        {entry(R"({"kind":"food","item":"x","amount":"1 g","time":800})"), "800",
         "$.days[0].entries[0].time: found the number 800; expected a time string \"HH:MM\""},
        {entry(R"({"kind":"food","item":"x","amount":"1 g","time":null})"), "null", "$.days[0].entries[0].time: found null; expected a time string"},
        {entry(R"({"kind":"food","item":"x","amount":"1 g","note":5})"), "5}", "$.days[0].entries[0].note: found the number 5; expected a string"},
        {entry(R"({"kind":"food","item":"x","amount":"1 g","note":"a\u0000b"})"), "\"a\\u0000b\"",
         "$.days[0].entries[0].note: contains a NUL character (U+0000); expected text without one"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const std::string message = json_error(c.text);
        CHECK_THAT(message, StartsWith("[mgcalc.malformed_file] " + where(c.text, c.marker) + c.expected));
    }
}

TEST_CASE("log_file: errors in files give the file, line and column", "[log_file]") {
    const std::string amount = logs_dir + "bad-amount.json";
    CHECK_THAT(error_message([&] { mgcalc::load_log(amount); }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] " + amount + ":13:54: $.days[0].entries[1].amount: found the number 1; "
                          "expected a string: a serving like \"1 oz\""));
    const std::string syntax = logs_dir + "bad-syntax.json";
    CHECK_THAT(error_message([&] { mgcalc::load_log(syntax); }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] " + syntax + ":6:44: syntax error while parsing object key"));
    // parse_log_json names the origin it is given.
    CHECK_THAT(error_message([&] { mgcalc::parse_log_json(read_file(amount), "my-log.json"); }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] my-log.json:13:54: "));
}

TEST_CASE("log_file: columns count characters, lines count LF and CRLF line ends", "[log_file]") {
    // "日本" is 6 bytes and 2 characters.
    const std::string text = document(R"({"sex":"female"})", one_entry(R"({"kind":"food","item":"日本","amount":5})"));
    const std::size_t byte_column = text.find("5}") + 1;
    CHECK_THAT(json_error(text), StartsWith("[mgcalc.malformed_file] <log>:1:" + std::to_string(byte_column - 4) +
                                            ": $.days[0].entries[0].amount"));

    const std::string crlf = "{\r\n  \"format\": \"mgcalc-log\",\r\n  \"version\": 1,\r\n  \"profile\": {\"sex\": \"female\"},\r\n"
                             "  \"days\": [{\"date\": \"2026-01-01\", \"entries\": [{\"kind\": \"food\", \"item\": \"x\", \"amount\": \"\"}]}]\r\n}\r\n";
    CHECK_THAT(json_error(crlf), StartsWith("[mgcalc.malformed_file] <log>:5:87: $.days[0].entries[0].amount: is empty"));

    // A byte order mark is not a column.
    CHECK_THAT(json_error("\xEF\xBB\xBF[]"), StartsWith("[mgcalc.malformed_file] <log>:1:1: $: found an array"));
    CHECK_THAT(json_error("\xEF\xBB\xBF\n  []"), StartsWith("[mgcalc.malformed_file] <log>:2:3: $: found an array"));
}

TEST_CASE("log_file: duplicate keys are errors, never a silent last-one-wins", "[log_file]") {
    const std::string twice = document(R"({"sex":"female"})", "[]", R"(,"days":[])");
    CHECK_THAT(json_error(twice), StartsWith("[mgcalc.malformed_file] " + where(twice, "\"days\":[]}") +
                                             "$.days: the field \"days\" appears twice in this object; expected each "
                                             "field once"));
    const std::string sex = R"({"format":"mgcalc-log","version":1,"profile":{"sex":"female","sex":"male"},"days":[]})";
    CHECK_THAT(json_error(sex), StartsWith("[mgcalc.malformed_file] " + where(sex, "\"sex\":\"male\"") + "$.profile.sex: the field"));
    // The same key spelled with an escape.
    const std::string escaped =
        document(R"({"sex":"female"})", one_entry(R"({"kind":"food","item":"x","am\u006funt":"1 oz","amount":"2 oz"})"));
    CHECK_THAT(json_error(escaped), StartsWith("[mgcalc.malformed_file] " + where(escaped, "\"amount\"") +
                                               "$.days[0].entries[0].amount: the field \"amount\" appears twice"));
}

// ---- syntax, depth, size, bytes --------------------------------------------------------------

TEST_CASE("log_file: syntax errors give the line and column and nlohmann's reason", "[log_file]") {
    struct syntax_case {
        std::string text;
        std::string position;  ///< "LINE:COLUMN"
        std::string reason;
    };
    const std::vector<syntax_case> cases = {
        {R"({"format":"mgcalc-log",})", "1:24", "syntax error while parsing object key - unexpected '}'; expected string literal"},
        {R"({"format": 'mgcalc-log'})", "1:12", "syntax error while parsing value - invalid literal"},
        {R"({"a":1} {"b":2})", "1:9", "syntax error while parsing value - unexpected '{'; expected end of input"},
        {"{\"a\": \"unterminated", "1:20", "missing closing quote"},
        {"// a comment\n{}", "1:1", "syntax error while parsing value - invalid literal"},
        {"{\"a\": NaN}", "1:7", "invalid literal"},
        {"{\"a\": 1e400}", "1:", "number overflow parsing '1e400'"},
        {"{\"a\": \"line\nbreak\"}", "1:12", "control character U+000A (LF) must be escaped"},
        {R"({"a": "\ud800"})", "1:", "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"},
        {"{\n  \"a\": [1, 2\n}", "3:1", "syntax error while parsing array - unexpected '}'"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const std::string message = json_error(c.text);
        CHECK_THAT(message, StartsWith("[mgcalc.malformed_file] <log>:" + c.position));
        CHECK_THAT(message, Contains(c.reason) && Contains("(a JSON mgcalc log is JSON; docs/log-format.md)"));
    }
}

TEST_CASE("log_file: messages stay short when the input holds huge keys or tokens", "[log_file]") {
    const std::string key(100'000, 'k');
    const std::string unknown = document(R"({"sex":"female"})", "[]", ",\"" + key + "\":1");
    const std::string message = json_error(unknown);
    CHECK_THAT(message, StartsWith("[mgcalc.malformed_file] " + where(unknown, "\"kkk") + "$[\"" + std::string(57, 'k') +
                                   "...\"]: unknown field in an mgcalc log"));
    CHECK(message.size() < 500);

    const std::string unterminated = "{\"format\": \"" + std::string(1'000'000, 'x');
    const std::string syntax = json_error(unterminated);
    CHECK_THAT(syntax, StartsWith("[mgcalc.malformed_file] <log>:1:1000013: syntax error while parsing value - invalid "
                                  "string: missing closing quote; last read: '\"xxx") &&
                           Contains("x...'"));
    CHECK(syntax.size() < 500);

    const std::string number = "{\"format\": 1" + std::string(1'000'000, '0') + "}";
    const std::string overflow = json_error(number);
    CHECK_THAT(overflow, Contains("number overflow parsing '1000"));
    CHECK(overflow.size() < 500);

    const std::string value = document(R"({"sex":")" + std::string(1'000, 's') + R"("})");
    CHECK_THAT(json_error(value), Contains("$.profile.sex: found the string \"" + std::string(56, 's') + "...; expected \"female\" or \"male\""));
}

TEST_CASE("log_file: empty input is an error", "[log_file]") {
    for (const char* text : {"", "   \n\t ", "\xEF\xBB\xBF"}) {
        INFO(text);
        CHECK_THAT(json_error(text), StartsWith("[mgcalc.malformed_file] <log>:1:1: the input is empty; expected a JSON mgcalc log"));
    }
}

TEST_CASE("log_file: nesting deeper than 64 levels is refused cleanly", "[log_file]") {
    // 64 levels is within the limit: the error is about the shape, not the depth.
    const std::string deep64 = std::string(64, '[') + std::string(64, ']');
    CHECK_THAT(json_error(deep64), StartsWith("[mgcalc.malformed_file] <log>:1:1: $: found an array"));

    const std::string deep65 = std::string(65, '[') + std::string(65, ']');
    CHECK_THAT(json_error(deep65), StartsWith("[mgcalc.malformed_file] <log>:1:65: $[0][0][0][0][0][0][...][0][0][0] (a "
                                              "path of 64 steps): arrays and objects nested more than 64 levels deep"));

    // A million levels, unterminated: refused at level 65 without recursion or a crash.
    const std::string million(1'000'000, '[');
    CHECK_THAT(json_error(million), StartsWith("[mgcalc.malformed_file] <log>:1:65: ") && Contains("nested more than 64 levels"));

    std::string objects;
    for (int i = 0; i < 100; ++i) objects += "{\"a\":";
    CHECK_THAT(json_error(objects), StartsWith("[mgcalc.malformed_file] <log>:1:321: $.a.a.a.a.a.a[...].a.a.a (a path of 64 steps)"));

    // Deep inside a valid log: the note is at level 6, so its 60th '[' is level 65.
    const std::string prefix = document(R"({"sex":"female"})", one_entry(R"({"kind":"food","item":"x","amount":"1 g","note":)"));
    const std::string inside = prefix.substr(0, prefix.size() - 4) + std::string(100, '[') + std::string(100, ']') + "}]}]}";
    const std::size_t note = inside.find("\"note\":") + 7;
    CHECK_THAT(json_error(inside), StartsWith("[mgcalc.malformed_file] <log>:1:" + std::to_string(note + 60) +
                                              ": $.days[0].entries[0].note[0][...][0][0][0] (a path of 64 steps): "
                                              "arrays and objects nested more than 64 levels deep"));
}

TEST_CASE("log_file: input over 64 MiB is refused", "[log_file]") {
    constexpr std::size_t limit = std::size_t{64} * 1024 * 1024;
    {
        std::string huge(limit + 1, ' ');
        huge.replace(0, 2, "{}");
        CHECK_THAT(json_error(huge), StartsWith("[mgcalc.malformed_file] <log>: the input is larger than 64 MiB "
                                                "(67108864 bytes), the most mgcalc reads"));
        intake_log log;
        CHECK_THAT(error_message([&] { mgcalc::parse_log_csv(huge, log); }, errc::malformed_file),
                   StartsWith("[mgcalc.malformed_file] <csv>: the input is larger than 64 MiB"));
    }
    {
        // A sparse file: load_log stops reading at the limit.
        const temporary_folder folder;
        const std::string path = folder.file("huge.json");
        { std::ofstream create(path); }
        std::filesystem::resize_file(path, limit + 4096);
        CHECK_THAT(error_message([&] { mgcalc::load_log(path); }, errc::malformed_file),
                   StartsWith("[mgcalc.malformed_file] " + path + ": the input is larger than 64 MiB"));
    }
}

TEST_CASE("log_file: a log whose text would be over 64 MiB is not written", "[log_file]") {
    constexpr std::size_t limit = std::size_t{64} * 1024 * 1024;
    {
        // Writing checks the limit too, so that mgcalc never writes a log it would refuse. The note
        // fits; with the rest of the log (JSON: ~250 bytes, CSV: ~65 bytes) the text does not.
        intake_log log;
        log.days.push_back({mgcalc::date(2026, 1, 1), {{log_entry_kind::food, "x", "1 g", std::nullopt, std::string(limit - 50, 'n')}}});
        CHECK_THAT(error_message([&] { mgcalc::to_log_json(log); }, errc::malformed_file),
                   StartsWith("[mgcalc.malformed_file] cannot write the log: its JSON text would be ") &&
                       Contains("bytes, more than the 64 MiB (67108864 bytes) mgcalc reads"));
        CHECK_THAT(error_message([&] { mgcalc::to_log_csv(log); }, errc::malformed_file),
                   StartsWith("[mgcalc.malformed_file] cannot write the log: its CSV text would be "));
    }
}

TEST_CASE("log_file: more than 4 Mi JSON values are refused", "[log_file]") {
    {
        // Short strings take ~11 bytes each in the canonical layout, so 64 MiB could hold more
        // values than a log may have: writing counts them too.
        // The log, "format", "version", the profile, "sex", the array and "days" are 7 values.
        intake_log log;
        log.person.conditions.assign(4u * 1024 * 1024 - 6, "x");
        CHECK_THAT(error_message([&] { mgcalc::to_log_json(log); }, errc::malformed_file),
                   StartsWith("[mgcalc.malformed_file] cannot write the log: it would have 4194305 JSON values, more "
                              "than the 4194304 mgcalc reads"));
    }
    {
        // 4,194,305 values in 8 MiB: [0,0,...,0].
        std::string many = "[";
        for (std::size_t i = 0; i < 4u * 1024 * 1024; ++i) many += "0,";
        many += "0]";
        CHECK_THAT(json_error(many), Contains("$[4194303]: more than 4194304 JSON values"));
    }
}

TEST_CASE("log_file: binary and non-UTF-8 input is refused with its position", "[log_file]") {
    using namespace std::string_literals;
    struct bytes_case {
        std::string text;
        std::string expected;
    };
    const std::vector<bytes_case> cases = {
        {"{\"a\":\n\"\0\"}"s, "<log>:2:2: a NUL byte (0x00), so this looks like a binary file; expected a JSON mgcalc log as UTF-8 text"},
        {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s, "<log>:3:1: a NUL byte"},  // NUL is looked for first
        {"\x89PNG\r\n"s, "<log>:1:1: byte 0x89 is not valid UTF-8; expected a JSON mgcalc log as UTF-8 text"},
        {"{\"note\":\"caf\xE9\"}"s, "<log>:1:13: byte 0xE9 is not valid UTF-8"},          // Latin-1 é
        {"{\"a\":\"\xC0\xAF\"}"s, "<log>:1:7: byte 0xC0 is not valid UTF-8"},            // overlong '/'
        {"{\"a\":\"\xED\xA0\x80\"}"s, "<log>:1:7: byte 0xED is not valid UTF-8"},        // UTF-16 surrogate
        {"{\"a\":\"\xF4\x90\x80\x80\"}"s, "<log>:1:7: byte 0xF4 is not valid UTF-8"},    // above U+10FFFF
        {"{\"a\":\"\x80\"}"s, "<log>:1:7: byte 0x80 is not valid UTF-8"},                // lone continuation
        {"{\"a\":\"\xE2\x82"s, "<log>:1:7: byte 0xE2 is not valid UTF-8"},               // cut short
        {"{\"a\":\"\xC3\xA9\",\n\"b\":\"\xFF\"}"s, "<log>:2:6: byte 0xFF is not valid UTF-8"},  // é is one column
    };
    for (const auto& c : cases) {
        INFO(c.expected);
        CHECK_THAT(json_error(c.text), StartsWith("[mgcalc.malformed_file] " + c.expected));
    }
    intake_log log;
    CHECK_THAT(error_message([&] { mgcalc::parse_log_csv("date,time,kind,item,amount,measure,note\n2026-01-01,\0"s, log); }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] <csv>:2:12: a NUL byte (0x00), so this looks like a binary file; "
                          "expected a CSV of log entries as UTF-8 text"));
    CHECK_THAT(error_message([&] { mgcalc::parse_log_csv("date,kind,item,amount\n2026-01-01,food,caf\xE9,1 g\n"s, log); }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] <csv>:2:20: byte 0xE9 is not valid UTF-8"));
    CHECK(log.days.empty());
}

// ---- errors as fields ------------------------------------------------------------------------

TEST_CASE("log_file: JSON errors carry the file, line, column, JSON path and value as fields", "[log_file]") {
    using mgcalc_test::thrown_by;
    const std::string amount = logs_dir + "bad-amount.json";
    const mgcalc::error e = thrown_by([&] { mgcalc::load_log(amount); });
    CHECK(e.code() == errc::malformed_file);
    CHECK(e.where().file == amount);
    CHECK(e.where().line == 13);
    CHECK(e.where().column == 54);
    CHECK(e.where().json_path == "$.days[0].entries[1].amount");
    CHECK(e.input() == "1");
    CHECK_THAT(std::string(e.message()), StartsWith("found the number 1; expected a string: a serving like \"1 oz\""));

    // A value refused by the check of the whole log: the date that is out of order.
    const std::string order = document(R"({"sex":"female"})",
                                       R"([{"date":"2026-01-02","entries":[]},{"date":"2026-01-01","entries":[]}])");
    const mgcalc::error late = thrown_by([&] { mgcalc::parse_log_json(order, "my.json"); });
    CHECK(late.where().file == "my.json");
    CHECK(late.where().line == 1);
    CHECK(late.where().column == order.find("\"2026-01-01\"") + 1);
    CHECK(late.where().json_path == "$.days[1].date");
    CHECK(late.input() == "2026-01-01");

    // A duplicate key points at its second use; the input is the key.
    const std::string twice = document(R"({"sex":"female"})", "[]", R"(,"days":[])");
    const mgcalc::error duplicate = thrown_by([&] { mgcalc::parse_log_json(twice); });
    CHECK(duplicate.where().json_path == "$.days");
    CHECK(duplicate.where().column == twice.rfind("\"days\"") + 1);
    CHECK(duplicate.input() == "days");

    // A syntax error has a position but no path: there is no value there yet.
    const mgcalc::error syntax = thrown_by([&] { mgcalc::load_log(logs_dir + "bad-syntax.json"); });
    CHECK(syntax.where().line == 6);
    CHECK(syntax.where().column == 44);
    CHECK(syntax.where().json_path.empty());
    CHECK_THAT(std::string(syntax.message()), StartsWith("syntax error while parsing object key"));

    // Bytes refused before parsing, and empty input.
    using namespace std::string_literals;
    const mgcalc::error binary = thrown_by([] { mgcalc::parse_log_json("{\"a\":\n\"\0\"}"s); });
    CHECK(binary.where().file == "<log>");
    CHECK(binary.where().line == 2);
    CHECK(binary.where().column == 2);
    const mgcalc::error empty = thrown_by([] { mgcalc::parse_log_json("  \n"); });
    CHECK(empty.where().line == 1);
    CHECK(empty.where().column == 1);
    CHECK_THAT(std::string(empty.message()), StartsWith("the input is empty"));

    // A file that cannot be read has only its path.
    const std::string missing = logs_dir + "no-such-log.json";
    const mgcalc::error absent = thrown_by([&] { mgcalc::load_log(missing); });
    CHECK(absent.where().file == missing);
    CHECK(absent.where().line == 0);
    CHECK(std::string(absent.message()) ==
          "cannot open the file; expected a readable mgcalc log file (JSON) at this path");
}

TEST_CASE("log_file: CSV errors carry the file, line and the field's text as fields", "[log_file]") {
    using mgcalc_test::thrown_by;
    const std::string path = logs_dir + "bad-kind.csv";
    intake_log log;
    const mgcalc::error kind = thrown_by([&] { mgcalc::load_log_csv(path, log); });
    CHECK(kind.code() == errc::malformed_file);
    CHECK(kind.where().file == path);
    CHECK(kind.where().line == 3);
    CHECK(kind.where().json_path.empty());
    CHECK(kind.input() == "drink");
    CHECK(std::string(kind.message()) ==
          "field 'kind': 'drink' is not an entry kind; expected food, supplement or product");
    CHECK(log.days.empty());

    const std::string header = "date,time,kind,item,amount,measure,note\n";
    const mgcalc::error date = thrown_by([&] { mgcalc::parse_log_csv(header + "\n2026-11-31,,food,12014,1,oz,\n", log); });
    CHECK(date.where().file == "<csv>");
    CHECK(date.where().line == 3);  // the empty line is not a record, but it is a line
    CHECK(date.input() == "2026-11-31");

    const mgcalc::error column = thrown_by([&] { mgcalc::parse_log_csv("date,kind,item,amount,colour\n", log, "mine.csv"); });
    CHECK(column.where().file == "mine.csv");
    CHECK(column.where().line == 1);
    CHECK(column.input() == "colour");

    using namespace std::string_literals;
    const mgcalc::error bytes = thrown_by([&] { mgcalc::parse_log_csv("date,kind,item,amount\n2026-01-01,food,caf\xE9,1 g\n"s, log); });
    CHECK(bytes.where().line == 2);
    CHECK(bytes.where().column == 20);
}

// ---- files -----------------------------------------------------------------------------------

TEST_CASE("log_file: load_log names a missing file or a folder", "[log_file]") {
    const std::string missing = logs_dir + "no-such-log.json";
    CHECK(error_message([&] { mgcalc::load_log(missing); }, errc::malformed_file) ==
          "[mgcalc.malformed_file] " + missing + ": cannot open the file; expected a readable mgcalc log file (JSON) at this path");
    CHECK_THAT(error_message([&] { mgcalc::load_log(logs_dir); }, errc::malformed_file), StartsWith("[mgcalc.malformed_file] " + logs_dir + ": is a folder"));
}

TEST_CASE("log_file: save_log refuses an invalid log before touching the file", "[log_file]") {
    const temporary_folder folder;
    intake_log log;
    log.days = {{mgcalc::date(2026, 1, 2), {}}, {mgcalc::date(2026, 1, 1), {}}};
    const std::string path = folder.file("log.json");
    CHECK_THAT(error_message([&] { mgcalc::save_log(log, path); }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] cannot write the log: $.days[1].date: 2026-01-01 comes before"));
    CHECK_FALSE(std::filesystem::exists(path));

    log.days.pop_back();
    const std::string no_folder = folder.file("missing-folder/log.json");
    CHECK_THAT(error_message([&] { mgcalc::save_log(log, no_folder); }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] " + no_folder + ": cannot write the file"));
    CHECK_THAT(error_message([&] { mgcalc::save_log(log, folder.path.string()); }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] " + folder.path.string() + ": is a folder"));
    CHECK(std::filesystem::is_empty(folder.path));
}

TEST_CASE("log_file: to_log_json never writes what parse_log_json would refuse", "[log_file]") {
    using namespace mgcalc::unit_symbols;
    auto refusal = [](const intake_log& log) { return error_message([&] { mgcalc::to_log_json(log); }, errc::malformed_file); };
    const std::string prefix = "[mgcalc.malformed_file] cannot write the log: ";
    auto with_entry = [](mgcalc::log_entry entry) {
        intake_log log;
        log.days.push_back({mgcalc::date(2026, 1, 1), {std::move(entry)}});
        return log;
    };

    CHECK_THAT(refusal(with_entry({log_entry_kind::food, "x", "1 g", mgcalc::time_of_day{25, 0}, ""})),
               StartsWith(prefix + "$.days[0].entries[0].time: 25:00 is not a time of day"));
    CHECK_THAT(refusal(with_entry({log_entry_kind::food, "x", "", std::nullopt, ""})),
               StartsWith(prefix + "$.days[0].entries[0].amount: is empty"));
    CHECK_THAT(refusal(with_entry({log_entry_kind::food, " ", "1 g", std::nullopt, ""})),
               StartsWith(prefix + "$.days[0].entries[0].item: is blank"));
    CHECK_THAT(refusal(with_entry({static_cast<log_entry_kind>(7), "x", "1 g", std::nullopt, ""})),
               StartsWith(prefix + "$.days[0].entries[0].kind: is not a known entry kind"));
    CHECK_THAT(refusal(with_entry({log_entry_kind::food, "x", "1 g", std::nullopt, "caf\xE9"})),
               StartsWith(prefix + "$.days[0].entries[0].note: byte 0xE9 at byte offset 3 is not valid UTF-8"));
    CHECK_THAT(refusal(with_entry({log_entry_kind::food, "x", "1 g", std::nullopt, std::string("a\0b", 3)})),
               StartsWith(prefix + "$.days[0].entries[0].note: contains a NUL character"));

    intake_log bad_day;
    bad_day.days.push_back({mgcalc::date(2026, 2, 29), {}});
    CHECK_THAT(refusal(bad_day), StartsWith(prefix + "$.days[0].date: 2026-02-29 is not a calendar date"));

    intake_log same_day;
    same_day.days = {{mgcalc::date(2026, 1, 1), {}}, {mgcalc::date(2026, 1, 1), {}}};
    CHECK_THAT(refusal(same_day), StartsWith(prefix + "$.days[1].date: 2026-01-01 is also the date of $.days[0]"));

    intake_log food_log;
    mgcalc::food item;
    item.id = "a";
    item.description = "b";
    item.magnesium_per_100g = std::numeric_limits<double>::quiet_NaN() * mg;
    food_log.custom_foods.push_back(item);
    CHECK_THAT(refusal(food_log), StartsWith(prefix + "$.custom_foods[0].magnesium_mg_per_100g: is nan"));
    food_log.custom_foods[0].magnesium_per_100g = 10.0 * mg;
    food_log.custom_foods.push_back(food_log.custom_foods[0]);
    CHECK_THAT(refusal(food_log), StartsWith(prefix + "$.custom_foods[1].id: \"a\" is also the id of $.custom_foods[0]"));

    intake_log product_log;
    product_log.products.push_back({"p", "P", "citrate", std::numeric_limits<double>::infinity() * mg, "capsule"});
    CHECK_THAT(refusal(product_log), StartsWith(prefix + "$.supplement_products[0].elemental_mg_per_unit: is inf"));
    product_log.products[0] = {"p", "P", "citrate", 100.0 * mg, ""};
    CHECK_THAT(refusal(product_log), StartsWith(prefix + "$.supplement_products[0].unit: is empty"));

    intake_log profile_log;
    profile_log.person.age = mgcalc::stated_age{std::numeric_limits<double>::quiet_NaN(), mgcalc::date(2026, 1, 1)};
    CHECK_THAT(refusal(profile_log), StartsWith(prefix + "$.profile.age.years: is nan"));
    profile_log.person.age.reset();
    profile_log.person.pregnancies.push_back({mgcalc::date(2026, 6, 1), mgcalc::date(2026, 1, 1)});
    CHECK_THAT(refusal(profile_log), StartsWith(prefix + "$.profile.pregnancies[0].to: 2026-01-01 is before the start"));
    profile_log.person.pregnancies.clear();
    profile_log.person.conditions.push_back("");
    CHECK_THAT(refusal(profile_log), StartsWith(prefix + "$.profile.conditions[0]: is empty"));
}

// ---- long logs, read a day at a time -----------------------------------------------------------

namespace {

/// A log of `days` days (one a month from 2001-01-01) of `entries` food entries each, the item of
/// entry E of day D being "x-D-E", so that a test can find any entry in its text.
intake_log long_log_of(std::size_t days, std::size_t entries) {
    intake_log log;
    log.person.sex = mgcalc::sex::female;
    log.person.birth_date = mgcalc::date(1980, 5, 17);
    for (std::size_t d = 0; d < days; ++d) {
        mgcalc::log_day day{mgcalc::date(2001 + static_cast<int>(d / 12), static_cast<unsigned>(d % 12 + 1), 1), {}};
        for (std::size_t e = 0; e < entries; ++e)
            day.entries.push_back(
                {log_entry_kind::food, "x-" + std::to_string(d) + "-" + std::to_string(e), "1 oz", std::nullopt, ""});
        log.days.push_back(std::move(day));
    }
    return log;
}

/// Its canonical text.
std::string long_log(std::size_t days, std::size_t entries) { return mgcalc::to_log_json(long_log_of(days, entries)); }

/// "LINE:COLUMN" of a byte offset, the column in characters.
std::string line_and_column(std::string_view text, std::size_t offset) {
    const std::string_view before = text.substr(0, offset);
    const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    const std::string_view line = before.substr(line_start);
    const auto characters = std::count_if(line.begin(), line.end(), [](char c) { return (c & 0xC0) != 0x80; });
    return std::to_string(std::count(before.begin(), before.end(), '\n') + 1) + ":" + std::to_string(characters + 1);
}

/// `text` with the first `from` replaced by `to`; `from` must be there.
std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

/// The message parse_log_json gives for `text`, after checking that load_log gives the same for
/// a file holding it (a file is streamed, and read again whole for its error).
std::string file_and_text_error(const std::string& text) {
    const temporary_folder folder;
    const std::string path = folder.file("log.json");
    std::ofstream(path, std::ios::binary) << text;
    const std::string from_text = error_message([&] { mgcalc::parse_log_json(text, path); }, errc::malformed_file);
    CHECK(error_message([&] { mgcalc::load_log(path); }, errc::malformed_file) == from_text);
    return from_text.substr(std::string("[mgcalc.malformed_file] ").size() + path.size() + 1);
}

}  // namespace

TEST_CASE("log_file: long logs and long days load entry for entry", "[log_file]") {
    // Days of 5,000 entries are past the room the reader keeps from one day to the next.
    for (const auto& [days, entries] : {std::pair<std::size_t, std::size_t>{300, 40}, {3, 5000}}) {
        INFO(days << " days of " << entries << " entries");
        const intake_log log = long_log_of(days, entries);
        const temporary_folder folder;
        const std::string path = folder.file("long.json");
        std::ofstream(path, std::ios::binary) << mgcalc::to_log_json(log);
        CHECK(mgcalc::parse_log_json(mgcalc::to_log_json(log)).days == log.days);
        CHECK(mgcalc::load_log(path).days == log.days);
    }
}

TEST_CASE("log_file: an error deep in a long log names its own line, column, path and value", "[log_file]") {
    // 300 days of 40 entries: 1.5 MB in many 64 KiB pieces of a streamed file.
    const std::string text = long_log(300, 40);
    const std::string item = "\"item\": \"x-250-17\"";
    const std::string date = "\"date\": \"2021-11-01\"";  // day 250
    struct deep_case {
        std::string from;
        std::string to;
        std::string marker;  ///< the error points at the first occurrence of this text in `to`
        std::string expected;
    };
    const std::vector<deep_case> cases = {
        {item, "\"item\": 17", "17", "$.days[250].entries[17].item: found the number 17; expected a string: a food id"},
        {item, "\"itme\": \"x-250-17\"", "\"itme\"", "$.days[250].entries[17].itme: unknown field in an entry"},
        {item, item + ", \"time\": \"24:00\"", "\"24:00\"",
         "$.days[250].entries[17].time: \"24:00\" is not a time of day: hour 24 is not 00-23"},
        {item, item + ", \"phrase\": \"1 cup black beans\"", "\"x-250-17\"",
         "$.days[250].entries[17].item: is given beside \"phrase\"; expected either \"phrase\" or \"item\" and \"amount\""},
        {item, "\"item\": \" \"", "\" \"", "$.days[250].entries[17].item: is blank; expected a food id"},
        {item, item + ", \"item\": \"y\"", "\"item\": \"y\"",
         "$.days[250].entries[17].item: the field \"item\" appears twice in this object"},
        {date, "\"date\": \"2021-10-01\"", "\"2021-10-01\"",
         "$.days[250].date: 2021-10-01 is also the date of $.days[249]; expected one day per date"},
        {date, date + ", \"colour\": 1", "\"colour\"", "$.days[250].colour: unknown field in a day"},
        {date, "\"date\": \"2021-11-31\"", "\"2021-11-31\"",
         "$.days[250].date: \"2021-11-31\" is not a date: day 31 does not exist"},
    };
    for (const auto& c : cases) {
        INFO(c.to);
        const std::string bad = replaced(text, c.from, c.to);
        const std::size_t marker = bad.find(c.marker, text.find(c.from));
        CHECK_THAT(file_and_text_error(bad), StartsWith(line_and_column(bad, marker) + ": " + c.expected));
    }

    // The fields of the error, for a file.
    const temporary_folder folder;
    const std::string path = folder.file("log.json");
    const std::string bad = replaced(text, item, "\"item\": 17");
    std::ofstream(path, std::ios::binary) << bad;
    const mgcalc::error e = mgcalc_test::thrown_by([&] { mgcalc::load_log(path); });
    const std::size_t value = bad.find("\"item\": 17") + 8;
    CHECK(e.where().file == path);
    CHECK(std::to_string(e.where().line) + ":" + std::to_string(e.where().column) == line_and_column(bad, value));
    CHECK(e.where().json_path == "$.days[250].entries[17].item");
    CHECK(e.input() == "17");
}

TEST_CASE("log_file: errors come in the order of the log's parts, not of the text", "[log_file]") {
    const std::string bad_day = R"({"date":"2026-01-02","entries":[{"kind":"food","item":5,"amount":"1 g"}]})";
    const std::string good_day = R"({"date":"2026-01-01","entries":[{"kind":"food","item":"x","amount":"1 g"}]})";
    const std::string head = R"({"format":"mgcalc-log","version":1,)";
    // The days before the profile in the text: the profile is read first.
    CHECK_THAT(file_and_text_error(head + R"("days":[)" + bad_day + R"(],"profile":{"sex":"F"}})"),
               Contains("$.profile.sex: found the string \"F\"; expected \"female\" or \"male\""));
    // The document's own fields before anything in it.
    CHECK_THAT(file_and_text_error(head + R"("days":[)" + bad_day + R"(],"profile":{"sex":"female"},"colour":1})"),
               Contains("$.colour: unknown field in an mgcalc log"));
    CHECK_THAT(file_and_text_error(R"({"version":1,"days":[)" + bad_day + R"(],"profile":{"sex":"female"}})"),
               Contains("$: missing the field \"format\""));
    CHECK_THAT(file_and_text_error(R"({"days":[)" + bad_day + R"(],"format":"other","version":1,"profile":{"sex":"female"}})"),
               Contains("$.format: found the string \"other\"; expected \"mgcalc-log\""));
    CHECK_THAT(file_and_text_error(head + R"("days":[)" + bad_day +
                                   R"(],"profile":{"sex":"female"},"custom_foods":[{"id":"a","description":"b"}]})"),
               Contains("$.custom_foods[0]: missing the field \"magnesium_mg_per_100g\""));
    // Of two invalid days, the first.
    const std::string also_bad = R"({"date":"2026-01-03","entries":[{"kind":"drink","item":"x","amount":"1 g"}]})";
    CHECK_THAT(file_and_text_error(document(R"({"sex":"female"})", "[" + good_day + "," + bad_day + "," + also_bad + "]")),
               Contains("$.days[1].entries[0].item: found the number 5"));
    // A day refused by the check of the whole log comes after a day of the wrong shape, even
    // before it in the text, as does a profile refused by that check.
    const std::string blank_item = R"({"date":"2026-01-01","entries":[{"kind":"food","item":" ","amount":"1 g"}]})";
    CHECK_THAT(file_and_text_error(document(R"({"sex":"female"})", "[" + blank_item + "," + bad_day + "]")),
               Contains("$.days[1].entries[0].item: found the number 5"));
    CHECK_THAT(file_and_text_error(document(R"({"sex":"male","age":{"years":-1,"on":"2026-01-01"}})", "[" + bad_day + "]")),
               Contains("$.days[0].entries[0].item: found the number 5"));
    // A syntax error or a second use of a key anywhere comes before every day's error.
    std::string cut = document(R"({"sex":"female"})", "[" + bad_day + "," + good_day + "]");
    cut.pop_back();
    CHECK_THAT(file_and_text_error(cut), Contains("unexpected end of input"));
    const std::string twice = R"({"date":"2026-01-03","date":"2026-01-04","entries":[]})";
    CHECK_THAT(file_and_text_error(document(R"({"sex":"female"})", "[" + bad_day + "," + twice + "]")),
               Contains("$.days[1].date: the field \"date\" appears twice in this object"));
}

TEST_CASE("log_file: a second use of a key is an error within a day after a field that is not known too", "[log_file]") {
    const std::string female = R"({"sex":"female"})";
    CHECK_THAT(file_and_text_error(document(female, one_entry(R"({"kind":"food","colour":1,"kind":"x"})"))),
               Contains("$.days[0].entries[0].kind: the field \"kind\" appears twice in this object"));
    CHECK_THAT(file_and_text_error(document(
                   female, R"([{"date":"2026-01-01","entries":[{"kind":"drink","item":"x","amount":"1"}],"date":"2026-01-02"}])")),
               Contains("$.days[0].date: the field \"date\" appears twice in this object"));
    CHECK_THAT(file_and_text_error(document(female, one_entry(R"({"kind":"food","item":"x","amount":"1","colour":{"a":1,"a":2}})"))),
               Contains("$.days[0].entries[0].colour.a: the field \"a\" appears twice in this object"));
    // Past 16 keys an object's keys are kept in a set.
    std::string many = R"({"kind":"food")";
    for (int k = 0; k < 30; ++k) many += ",\"k" + std::to_string(k) + "\":" + std::to_string(k);
    many += R"(,"k20":0})";
    CHECK_THAT(file_and_text_error(document(female, one_entry(many))),
               Contains("$.days[0].entries[0].k20: the field \"k20\" appears twice in this object"));
}

TEST_CASE("log_file: entries refused as a whole day is read", "[log_file]") {
    // What an entry may not be beyond its fields' types, each the first error of its log.
    const std::string female = R"({"sex":"female"})";
    struct entry_case {
        std::string entry;
        std::string expected;
    };
    const std::vector<entry_case> cases = {
        {R"({"kind":"product","phrase":"2 capsules"})", "$.days[0].entries[0].phrase: is given for a product entry"},
        {R"({"kind":"food","phrase":"1 cup black beans","amount":"1 cup"})", "$.days[0].entries[0].amount: is given beside \"phrase\""},
        {R"({"kind":"food","phrase":7})", "$.days[0].entries[0].phrase: found the number 7; expected a string"},
        {R"({"kind":"food","item":"x","amount":["1 g"]})", "$.days[0].entries[0].amount: found an array; expected a string"},
        {R"({"kind":"food","item":"x","amount":"1 g","note":{}})", "$.days[0].entries[0].note: found an object; expected a string"},
        {R"({"kind":"food","item":"x","amount":"1 g","time":true})", "$.days[0].entries[0].time: found true; expected a time string"},
        {R"({"kind":null,"item":"x","amount":"1 g"})", "$.days[0].entries[0].kind: found null; expected an entry kind"},
        {R"([])", "$.days[0].entries[0]: found an array; expected an entry"},
    };
    for (const auto& c : cases) {
        INFO(c.entry);
        CHECK_THAT(file_and_text_error(document(female, one_entry(c.entry))), Contains(c.expected));
    }
    CHECK_THAT(file_and_text_error(document(female, R"([{"date":"2026-01-01","entries":[]},[]])")),
               Contains("$.days[1]: found an array; expected a day"));
    CHECK_THAT(file_and_text_error(document(female, R"([{"date":null,"entries":[]}])")),
               Contains("$.days[0].date: found null; expected a date string"));
    CHECK_THAT(file_and_text_error(document(female, R"([{"date":"2026-01-01","entries":"none"}])")),
               Contains("$.days[0].entries: found the string \"none\"; expected an array of entries"));
}

TEST_CASE("log_file: a long log cut short is an error at its end", "[log_file]") {
    const std::string text = long_log(100, 20);
    // A multi-byte character in a note, to cut through.
    const std::string with_note =
        replaced(text, "\"amount\": \"1 oz\"\n", "\"amount\": \"1 oz\",\n          \"note\": \"日本\"\n");
    const std::size_t kanji = with_note.find("日本");
    for (const std::size_t size : {std::size_t{70'000}, with_note.size() / 2, with_note.size() - 3, kanji + 4}) {
        INFO(size);
        const std::string cut = with_note.substr(0, size);
        if (size == kanji + 4) {  // in the middle of 本: refused as bytes first
            CHECK_THAT(file_and_text_error(cut), StartsWith(line_and_column(cut, kanji + 3) + ": byte 0xE6 is not valid UTF-8"));
        } else {
            CHECK_THAT(file_and_text_error(cut), StartsWith(line_and_column(cut, cut.size())) &&
                                                   Contains("syntax error while parsing"));
        }
    }
}

TEST_CASE("log_file: the limits count the values and levels of the days too", "[log_file]") {
    // The log's values before the note's elements: the log, format, version, profile, sex, days,
    // the day, date, entries, the entry, kind, item, amount and the note's array: 14.
    std::string note = "[";
    for (std::size_t i = 0; i < 4u * 1024 * 1024; ++i) note += "0,";
    note += "0]";
    const std::string many = document(R"({"sex":"female"})", one_entry(R"({"kind":"food","item":"x","amount":"1 g","note":)" + note + "}"));
    CHECK_THAT(file_and_text_error(many), Contains("$.days[0].entries[0].note[4194290]: more than 4194304 JSON values"));
    // Levels: the day is level 2, so its 63rd nested array is level 65.
    const std::string deep = document(R"({"sex":"female"})", "[" + std::string(100, '[') + std::string(100, ']') + "]");
    CHECK_THAT(file_and_text_error(deep), Contains("$.days[0][0][0][0][0][...][0][0][0] (a path of 64 steps): arrays and "
                                                   "objects nested more than 64 levels deep"));
}

// ---- a file read in pieces -------------------------------------------------------------------

namespace {

/// A file holding `bytes`, read through streamed_log_file: whether its bytes were fine, after
/// checking that it gave them all, in order.
bool streamed_bytes_ok(const std::string& bytes) {
    const temporary_folder folder;
    const std::string path = folder.file("bytes");
    std::ofstream(path, std::ios::binary) << bytes;
    mgcalc::detail::streamed_log_file file(path);
    REQUIRE(file.is_open());
    std::string read;
    for (auto it = file.begin(); it != file.end(); ++it) read += *it;
    CHECK(read == bytes);
    return file.bytes_ok();
}

}  // namespace

TEST_CASE("log_file: a streamed file checks its bytes across the pieces it is read in", "[log_file]") {
    using namespace std::string_literals;
    constexpr std::size_t piece = mgcalc::detail::log_piece_bytes;
    const std::string ascii(3 * piece + 100, 'a');
    CHECK(streamed_bytes_ok(""));
    CHECK(streamed_bytes_ok(ascii));
    // Characters of 2, 3 and 4 bytes cut by the end of each piece, at every place.
    for (const std::string& character : {"\xC3\xA9"s, "\xE6\x97\xA5"s, "\xF0\x9F\x98\x80"s}) {
        for (std::size_t before = 1; before < character.size(); ++before) {
            INFO(character.size() << " bytes, " << before << " before the end of the piece");
            std::string text = ascii;
            text.replace(piece - before, character.size(), character);
            text.replace(2 * piece - before, character.size(), character);
            CHECK(streamed_bytes_ok(text));
            // The same character without its last byte, cut by the piece or not.
            std::string broken = ascii;
            broken.replace(piece - before, character.size() - 1, character.substr(0, character.size() - 1));
            CHECK_FALSE(streamed_bytes_ok(broken));
        }
    }
    for (const std::size_t at : {std::size_t{0}, piece - 1, piece, 2 * piece + 7}) {
        INFO(at);
        CHECK_FALSE(streamed_bytes_ok(std::string(ascii).replace(at, 1, "\xFF")));
        CHECK_FALSE(streamed_bytes_ok(std::string(ascii).replace(at, 1, "\0"s)));
        CHECK_FALSE(streamed_bytes_ok(std::string(ascii).replace(at, 2, "\xC0\xAF")));  // overlong '/'
    }
    CHECK_FALSE(streamed_bytes_ok(ascii + "\xE6\x97"));  // cut by the end of the file

    // Past 64 MiB, reading stops at the limit, and the bytes are not fine however valid.
    const temporary_folder folder;
    const std::string path = folder.file("huge.json");
    constexpr std::size_t limit = std::size_t{64} * 1024 * 1024;
    std::ofstream(path, std::ios::binary) << std::string(limit + 1, ' ');
    mgcalc::detail::streamed_log_file huge(path);
    std::size_t count = 0;
    for (auto it = huge.begin(); it != huge.end(); ++it) ++count;
    CHECK(count == limit);
    CHECK_FALSE(huge.bytes_ok());
    std::ofstream(path, std::ios::binary) << std::string(limit, ' ');
    mgcalc::detail::streamed_log_file at_limit(path);
    count = 0;
    for (auto it = at_limit.begin(); it != at_limit.end(); ++it) ++count;
    CHECK(count == limit);
    CHECK(at_limit.bytes_ok());

    // Only regular files are streamed: a folder or a missing file is read whole, for its message.
    CHECK_FALSE(mgcalc::detail::streamed_log_file(folder.path.string()).is_open());
    CHECK_FALSE(mgcalc::detail::streamed_log_file(folder.file("missing.json")).is_open());
}

TEST_CASE("log_file: a streamed file gives the log parse_log_json gives, and nothing for an error", "[log_file]") {
    const temporary_folder folder;
    const std::string long_path = folder.file("long.json");
    // A note of characters of 2, 3 and 4 bytes, long enough to be cut by the ends of pieces.
    std::string note;
    while (note.size() < 200'000) note += "é日😀";
    std::string long_text = replaced(long_log(50, 30), "\"amount\": \"1 oz\"\n", "\"amount\": \"1 oz\",\n\"note\": \"" + note + "\"\n");
    std::ofstream(long_path, std::ios::binary) << long_text;
    for (const std::string& path : {logs_dir + "edge-input.json", logs_dir + "edge.json", logs_dir + "minimal.json",
                                    examples_dir + "log-example.json", long_path}) {
        INFO(path);
        const std::optional<intake_log> streamed = mgcalc::detail::stream_log_json_file(path);
        REQUIRE(streamed);
        const intake_log whole = mgcalc::parse_log_json(read_file(path), path);
        CHECK(streamed->days == whole.days);
        CHECK(mgcalc::to_log_json(*streamed) == mgcalc::to_log_json(whole));
    }
    for (const std::string& path : {logs_dir + "bad-amount.json", logs_dir + "bad-syntax.json", folder.file("missing.json"),
                                    folder.path.string()}) {
        INFO(path);
        CHECK_FALSE(mgcalc::detail::stream_log_json_file(path));
    }
}

// ---- CSV -------------------------------------------------------------------------------------

namespace {

intake_log csv_log(std::string_view text) {
    intake_log log;
    mgcalc::parse_log_csv(text, log);
    return log;
}

std::string csv_error(std::string_view text) {
    intake_log log;
    return error_message([&] { mgcalc::parse_log_csv(text, log); }, errc::malformed_file);
}

}  // namespace

TEST_CASE("log_file: CSV rows become entries, merged by date in file order", "[log_file]") {
    const std::string path = logs_dir + "entries.csv";
    intake_log log;
    mgcalc::parse_log_csv(read_file(path), log, path);
    REQUIRE(log.days.size() == 2);
    CHECK(log.days[0].date == mgcalc::date(2026, 11, 20));
    CHECK(log.days[1].date == mgcalc::date(2026, 11, 21));

    const auto& first = log.days[0].entries;
    REQUIRE(first.size() == 3);
    CHECK(first[0] == mgcalc::log_entry{log_entry_kind::food, "Oats, rolled", "1 1/2 cups", mgcalc::time_of_day{7, 30},
                                        "breakfast, with \"extra\" milk"});
    CHECK(first[1] == mgcalc::log_entry{log_entry_kind::supplement, "glycinate", "200 mg", std::nullopt, ""});
    CHECK(first[2] == mgcalc::log_entry{log_entry_kind::product, "my-magtein", "3", mgcalc::time_of_day{21, 30},
                                        "two lines:\nevening dose"});
    const auto& second = log.days[1].entries;
    REQUIRE(second.size() == 2);
    CHECK(second[0] == mgcalc::log_entry{log_entry_kind::food, "12014", "1 oz", mgcalc::time_of_day{8, 0}, ""});
    CHECK(second[1].amount == "500 mg compound");
}

TEST_CASE("log_file: CSV entries join the log's existing days", "[log_file]") {
    intake_log log = mgcalc::parse_log_json(read_file(logs_dir + "minimal.json"));  // 2026-03-01 (empty), 03-02
    mgcalc::parse_log_csv("date,kind,item,amount\n"
                          "2026-03-05,food,12014,1 oz\n"
                          "2026-03-02,food,12061,30 g\n"
                          "2026-02-28,supplement,oxide,500 mg compound\n"
                          "2026-03-02,supplement,glycinate,100 mg\n",
                          log);
    REQUIRE(log.days.size() == 4);
    CHECK(log.days[0].date == mgcalc::date(2026, 2, 28));
    CHECK(log.days[1].date == mgcalc::date(2026, 3, 1));
    CHECK(log.days[1].entries.empty());
    REQUIRE(log.days[2].entries.size() == 3);
    CHECK(log.days[2].entries[0].item == "citrate");  // the day's existing entry stays first
    CHECK(log.days[2].entries[1].item == "12061");
    CHECK(log.days[2].entries[2].item == "glycinate");
    CHECK(log.days[3].date == mgcalc::date(2026, 3, 5));
    // The result is a valid log.
    CHECK(mgcalc::parse_log_json(mgcalc::to_log_json(log)).days == log.days);
}

TEST_CASE("log_file: CSV columns by name, in any order, optional ones may be absent", "[log_file]") {
    const intake_log log = csv_log("\xEF\xBB\xBFKind, Item ,AMOUNT,Date\r\nfood,12014,1 oz,2026-11-20\r\n");
    REQUIRE(log.days.size() == 1);
    REQUIRE(log.days[0].entries.size() == 1);
    CHECK(log.days[0].entries[0] == mgcalc::log_entry{log_entry_kind::food, "12014", "1 oz", std::nullopt, ""});

    // Fields are trimmed; amount and measure are joined with one space; short rows are empty fields.
    const intake_log spaced = csv_log("date,time,kind,item,amount,measure,note\n 2026-11-20 , 08:00 , food , 12014 , 1.5 , cup \n");
    REQUIRE(spaced.days.size() == 1);
    CHECK(spaced.days[0].entries[0] == mgcalc::log_entry{log_entry_kind::food, "12014", "1.5 cup", mgcalc::time_of_day{8, 0}, ""});
}

TEST_CASE("log_file: CSV header errors", "[log_file]") {
    CHECK(csv_error("") == "[mgcalc.malformed_file] <csv>:1: the input is empty; expected the header "
                           "date,time,kind,item,amount,measure,note and one row per entry");
    CHECK_THAT(csv_error("date,kind,item,amount,colour\n"),
               StartsWith("[mgcalc.malformed_file] <csv>:1: field 'colour': unknown column; expected only the columns "
                          "date,time,kind,item,amount,measure,note (unknown columns are errors so that nothing is dropped)"));
    CHECK_THAT(csv_error("date,kind,item,amount,\n"), StartsWith("[mgcalc.malformed_file] <csv>:1: field 5: a column without a name"));
    CHECK_THAT(csv_error("date,kind,item,amount,Date\n"),
               StartsWith("[mgcalc.malformed_file] <csv>:1: field 'Date': the column appears twice"));
    CHECK_THAT(csv_error("date,kind,item,measure\n"), StartsWith("[mgcalc.malformed_file] <csv>:1: field 'amount': missing from the header"));
    CHECK_THAT(csv_error("\n\ndate,kind,item\n"), StartsWith("[mgcalc.malformed_file] <csv>:3: field 'amount': missing"));
}

TEST_CASE("log_file: CSV row errors name the line and field and leave the log unchanged", "[log_file]") {
    const std::string header = "date,time,kind,item,amount,measure,note\n";
    const std::string good = "2026-11-20,08:00,food,12014,1,oz,\n";
    struct row_case {
        std::string row;
        std::string expected;
    };
    const std::vector<row_case> cases = {
        {"20/11/2026,,food,12014,1,oz,", "<csv>:3: field 'date': \"20/11/2026\" is not a date: wrong form; expected YYYY-MM-DD"},
        {"2026-11-31,,food,12014,1,oz,", "<csv>:3: field 'date': \"2026-11-31\" is not a date: day 31 does not exist"},
        {",08:00,food,12014,1,oz,", "<csv>:3: field 'date': is empty; expected a date YYYY-MM-DD"},
        {"2026-11-20,8:00,food,12014,1,oz,", "<csv>:3: field 'time': \"8:00\" is not a time of day: wrong form; expected HH:MM"},
        {"2026-11-20,,Food,12014,1,oz,", "<csv>:3: field 'kind': 'Food' is not an entry kind; expected food, supplement or product"},
        {"2026-11-20,,,12014,1,oz,", "<csv>:3: field 'kind': is empty; expected food, supplement or product"},
        {"2026-11-20,,food,,1,oz,", "<csv>:3: field 'item': is empty; expected a food id"},
        {"2026-11-20,,food,12014,,oz,", "<csv>:3: field 'amount': is empty; expected a serving like \"1 oz\""},
        {"2026-11-20,,food,12014,1,oz,note,extra", "<csv>:3: the record has 8 fields; expected at most 7, one per header column"},
        {"2026-11-20,,food,\"12014,1,oz,", "<csv>:3: field 'item': unterminated quoted field"},
    };
    for (const auto& c : cases) {
        INFO(c.row);
        intake_log log = csv_log(header + good);
        const auto before = log.days;
        CHECK_THAT(error_message([&] { mgcalc::parse_log_csv(header + good + c.row + "\n", log); }, errc::malformed_file),
                   StartsWith("[mgcalc.malformed_file] " + c.expected));
        CHECK(log.days == before);
    }

    const std::string path = logs_dir + "bad-kind.csv";
    CHECK_THAT(error_message([&] {
                   intake_log log;
                   mgcalc::parse_log_csv(read_file(path), log, path);
               }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] " + path + ":3: field 'kind': 'drink' is not an entry kind"));
}

TEST_CASE("log_file: a CSV entry file read as a log takes the person given, over every logged day", "[log_file]") {
    const mgcalc::profile pregnant = mgcalc::profile::stated(
        mgcalc::life_stage(mgcalc::sex::female, mgcalc::age::from_years(30), {.pregnant = true}), mgcalc::date(2026, 12, 1));
    const intake_log log = mgcalc::load_log_csv(logs_dir + "entries.csv", pregnant);  // 2026-11-20 and 11-21
    REQUIRE(log.days.size() == 2);
    CHECK(log.person.sex == mgcalc::sex::female);
    CHECK(log.person.age == pregnant.age);
    REQUIRE(log.person.pregnancies.size() == 1);
    CHECK(log.person.pregnancies[0] == mgcalc::date_range{mgcalc::date(2026, 11, 20), mgcalc::date(2026, 11, 21)});
    CHECK(log.person.lactation.empty());
    CHECK(log.person.on(mgcalc::date(2026, 11, 21)).pregnant());

    const mgcalc::error bad = mgcalc_test::thrown_by([] { (void)mgcalc::load_log_csv(logs_dir + "bad-kind.csv", mgcalc::profile{}); });
    CHECK(bad.where().line == 3);
}

TEST_CASE("log_file: CSV skips rows of empty cells only", "[log_file]") {
    const intake_log log = csv_log("date,kind,item,amount\n,,,\n  , ,,\n2026-11-20,food,12014,1 oz\n,,,\n");
    REQUIRE(log.days.size() == 1);
    CHECK(log.days[0].entries.size() == 1);
}

TEST_CASE("log_file: to_log_csv writes one row per entry, quoting and splitting amounts losslessly", "[log_file]") {
    intake_log log;
    mgcalc::log_day day{mgcalc::date(2026, 11, 20), {}};
    day.entries = {
        {log_entry_kind::food, "Oats, rolled", "1 1/2 cups", mgcalc::time_of_day{7, 30}, "with \"extra\" milk"},
        {log_entry_kind::supplement, "oxide", "500 mg compound", std::nullopt, ""},
        {log_entry_kind::supplement, "threonate", "2 g compound, 144 mg per 2 g", std::nullopt, ""},
        {log_entry_kind::product, "caps", "3", std::nullopt, "line one\nline two"},
        {log_entry_kind::food, "soup", "half a bowl", std::nullopt, ""},
        {log_entry_kind::food, "12014", "1  oz", std::nullopt, ""},
        {log_entry_kind::food, "12061", ".5 oz", std::nullopt, ""},
    };
    log.days.push_back(day);
    log.days.push_back({mgcalc::date(2026, 11, 21), {}});  // a day without entries has no row
    const std::string csv = mgcalc::to_log_csv(log);
    CHECK(csv == "date,time,kind,item,amount,measure,note\n"
                 "2026-11-20,07:30,food,\"Oats, rolled\",1 1/2,cups,\"with \"\"extra\"\" milk\"\n"
                 "2026-11-20,,supplement,oxide,500,mg compound,\n"
                 "2026-11-20,,supplement,threonate,2,\"g compound, 144 mg per 2 g\",\n"
                 "2026-11-20,,product,caps,3,,\"line one\nline two\"\n"
                 "2026-11-20,,food,soup,half a bowl,,\n"
                 "2026-11-20,,food,12014,1  oz,,\n"
                 "2026-11-20,,food,12061,.5,oz,\n");
    const intake_log again = csv_log(csv);
    REQUIRE(again.days.size() == 1);
    CHECK(again.days[0] == day);
}

TEST_CASE("log_file: CSV round trip of every entry of the edge fixture", "[log_file]") {
    const intake_log log = mgcalc::parse_log_json(read_file(logs_dir + "edge.json"));
    const intake_log again = csv_log(mgcalc::to_log_csv(log));
    REQUIRE(again.days.size() == 1);  // the day without entries is not in the CSV
    CHECK(again.days[0] == log.days[0]);
}

TEST_CASE("log_file: to_log_csv refuses entries the CSV loader would refuse", "[log_file]") {
    intake_log log;
    log.days.push_back({mgcalc::date(2026, 1, 1), {{log_entry_kind::food, "x", "1 g", mgcalc::time_of_day{7, 60}, ""}}});
    CHECK_THAT(error_message([&] { mgcalc::to_log_csv(log); }, errc::malformed_file),
               StartsWith("[mgcalc.malformed_file] cannot write the log: $.days[0].entries[0].time: 07:60 is not a time of day"));
    log.days[0].entries[0].time.reset();
    log.days[0].entries[0].note = std::string("a\0b", 3);
    CHECK_THAT(error_message([&] { mgcalc::to_log_csv(log); }, errc::malformed_file), Contains("contains a NUL character"));
}

// ---- the schema ------------------------------------------------------------------------------

#ifdef MGCALC_TEST_HAVE_JSON

namespace {

using json = nlohmann::json;

/// Checks `value` against the parts of JSON Schema that docs/schema/mgcalc-log-v1.schema.json
/// uses (type, const, enum, pattern, minimum/maximum, properties, required, additionalProperties,
/// items, $ref to $defs), recording every schema property the value uses.
class schema_walker {
public:
    explicit schema_walker(const json& schema) : schema_(schema) {}

    std::vector<std::string> problems;
    std::set<std::string> used;  ///< "LOCATION/properties/KEY"

    void walk(const json& node, const std::string& location, const json& value, const std::string& path) {
        if (node.contains("$ref")) {
            const std::string ref = node["$ref"];
            REQUIRE(ref.rfind("#/$defs/", 0) == 0);
            const std::string name = ref.substr(8);
            REQUIRE(schema_["$defs"].contains(name));
            walk(schema_["$defs"][name], "/$defs/" + name, value, path);
        }
        if (node.contains("const") && node["const"] != value) problems.push_back(path + ": not the const");
        if (node.contains("enum") && std::find(node["enum"].begin(), node["enum"].end(), value) == node["enum"].end())
            problems.push_back(path + ": not in the enum");
        if (node.contains("type") && !type_matches(node["type"], value)) problems.push_back(path + ": wrong type");
        if (node.contains("pattern") && value.is_string() &&
            !std::regex_search(value.get<std::string>(), std::regex(node["pattern"].get<std::string>())))
            problems.push_back(path + ": does not match the pattern");
        if (value.is_number()) {
            const double number = value.get<double>();
            if (node.contains("minimum") && number < node["minimum"].get<double>()) problems.push_back(path + ": below minimum");
            if (node.contains("maximum") && number > node["maximum"].get<double>()) problems.push_back(path + ": above maximum");
            if (node.contains("exclusiveMinimum") && number <= node["exclusiveMinimum"].get<double>())
                problems.push_back(path + ": not above exclusiveMinimum");
        }
        if (value.is_object() && node.contains("properties")) {
            if (node.value("additionalProperties", true) != false) problems.push_back(location + ": allows additional properties");
            for (const auto& [key, member] : value.items()) {
                if (!node["properties"].contains(key)) {
                    problems.push_back(path + "." + key + ": not a property in the schema");
                    continue;
                }
                const std::string where = location + "/properties/" + key;
                used.insert(where);
                walk(node["properties"][key], where, member, path + "." + key);
            }
            for (const auto& required : node.value("required", json::array()))
                if (!value.contains(required.get<std::string>()))
                    problems.push_back(path + ": missing required " + required.get<std::string>());
        }
        if (value.is_object() && node.contains("oneOf")) {
            // The schema's oneOf branches only require fields: exactly one must hold.
            std::size_t holding = 0;
            for (const json& branch : node["oneOf"]) {
                bool all = true;
                for (const auto& required : branch.value("required", json::array()))
                    all = all && value.contains(required.get<std::string>());
                holding += all;
            }
            if (holding != 1) problems.push_back(path + ": matches " + std::to_string(holding) + " of the oneOf branches");
        }
        if (value.is_array() && node.contains("items"))
            for (std::size_t i = 0; i < value.size(); ++i)
                walk(node["items"], location + "/items", value[i], path + "[" + std::to_string(i) + "]");
    }

    /// Every "LOCATION/properties/KEY" in the schema.
    static void all_properties(const json& node, const std::string& location, std::set<std::string>& out) {
        if (!node.is_object()) return;
        for (const auto& [key, member] : node.items()) {
            if (key == "properties")
                for (const auto& [name, property] : member.items()) {
                    out.insert(location + "/properties/" + name);
                    all_properties(property, location + "/properties/" + name, out);
                }
            else if (key == "$defs")
                for (const auto& [name, def] : member.items()) all_properties(def, "/$defs/" + name, out);
            else if (key == "items")
                all_properties(member, location + "/items", out);
        }
    }

private:
    const json& schema_;

    static bool type_matches(const json& type, const json& value) {
        if (type.is_array())
            return std::any_of(type.begin(), type.end(), [&](const json& t) { return type_matches(t, value); });
        const std::string name = type;
        if (name == "object") return value.is_object();
        if (name == "array") return value.is_array();
        if (name == "string") return value.is_string();
        if (name == "number") return value.is_number();
        if (name == "integer") return value.is_number_integer();
        if (name == "null") return value.is_null();
        if (name == "boolean") return value.is_boolean();
        return false;
    }
};

}  // namespace

TEST_CASE("log_file: the JSON schema describes exactly what the loader reads and writes", "[log_file]") {
    const json schema = json::parse(read_file(schema_path));
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");

    // Top level: the example's keys and the schema's properties are the same six.
    const json example = json::parse(read_file(examples_dir + "log-example.json"));
    std::set<std::string> schema_keys, example_keys;
    for (const auto& [key, value] : schema["properties"].items()) schema_keys.insert(key);
    for (const auto& [key, value] : example.items()) example_keys.insert(key);
    CHECK(example_keys == schema_keys);
    CHECK(schema_keys == std::set<std::string>{"format", "version", "profile", "custom_foods", "supplement_products", "days"});
    CHECK(schema["required"] == json::array({"format", "version", "profile", "days"}));
    CHECK(schema["$defs"]["entry"]["properties"]["kind"]["enum"] == json::array({"food", "supplement", "product"}));

    // Every file the loader accepts here is valid against the schema ...
    schema_walker walker(schema);
    for (const std::string& path : {examples_dir + "log-example.json", logs_dir + "edge.json", logs_dir + "minimal.json"}) {
        INFO(path);
        walker.walk(schema, "", json::parse(read_file(path)), "$");
    }
    CHECK(walker.problems == std::vector<std::string>{});
    // ... and together they use every property the schema names (edge.json has every optional field).
    std::set<std::string> all;
    schema_walker::all_properties(schema, "", all);
    CHECK(all.size() > 30);
    CHECK(walker.used == all);
}

TEST_CASE("log_file: the schema refuses what the loader refuses (a sample)", "[log_file]") {
    const json schema = json::parse(read_file(schema_path));
    json log = json::parse(read_file(logs_dir + "minimal.json"));
    auto problems = [&](const json& value) {
        schema_walker walker(schema);
        walker.walk(schema, "", value, "$");
        return walker.problems.size();
    };
    CHECK(problems(log) == 0);
    json unknown = log;
    unknown["days"][1]["entries"][0]["colour"] = "red";
    CHECK(problems(unknown) == 1);
    json kind = log;
    kind["days"][1]["entries"][0]["kind"] = "drink";
    CHECK(problems(kind) == 1);
    json time = log;
    time["days"][1]["entries"][0]["time"] = "24:00";
    CHECK(problems(time) == 1);
    json blank = log;
    blank["days"][1]["entries"][0]["amount"] = " ";
    CHECK(problems(blank) == 1);
    json version = log;
    version["version"] = 2;
    CHECK(problems(version) == 1);
    json missing = log;
    missing["days"][1].erase("entries");
    CHECK(problems(missing) == 1);
    json both = log;  // a phrase beside item and amount
    both["days"][1]["entries"][0]["phrase"] = "1 cup black beans";
    CHECK(problems(both) == 1);
    json neither = log;  // no amount, no phrase
    neither["days"][1]["entries"][0].erase("amount");
    CHECK(problems(neither) == 1);
    // Each of these is refused by the loader too.
    for (const json& bad : {unknown, kind, time, blank, version, missing, both, neither}) {
        INFO(bad.dump());
        error_message([&] { mgcalc::parse_log_json(bad.dump()); }, errc::malformed_file);
    }
}

#endif  // MGCALC_TEST_HAVE_JSON
