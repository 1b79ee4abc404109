// The log loaders of mgcalc/io/log_file.hpp from text held in memory: for every log fixture the
// text overloads give the same log as the file versions, or the same error with the same file,
// line and column.
#include <mgcalc/error.hpp>
#include <mgcalc/io/log_csv.hpp>
#include <mgcalc/io/log_file.hpp>
#include <mgcalc/io/log_json.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using mgcalc_test::read_file;

const std::string logs_dir = std::string(MGCALC_TEST_DATA_DIR) + "/logs";

/// A loader's outcome: the log's canonical JSON, or the error's code, text and place.
std::string outcome(const std::function<mgcalc::intake_log()>& load) {
    try {
        return mgcalc::to_log_json(load());
    } catch (const mgcalc::error& e) {
        const mgcalc::error_location at = e.where();
        return "error [" + std::string(mgcalc::to_string(e.code())) + "] " + e.what() + " @ " + at.file + ":" +
               std::to_string(at.line) + ":" + std::to_string(at.column);
    }
}

std::vector<std::string> fixtures(std::string_view extension) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(logs_dir))
        if (entry.path().extension() == extension) found.push_back(entry.path().string());
    found.push_back(std::string(MGCALC_DATA_DIR) + "/../docs/examples/log-example" + std::string(extension));
    std::sort(found.begin(), found.end());
    return found;
}

mgcalc::profile someone() {
    mgcalc::profile person;
    person.sex = mgcalc::sex::female;
    person.birth_date = mgcalc::date(1990, 5, 17);
    person.pregnancies.push_back({mgcalc::date(2000, 1, 1), mgcalc::date(2000, 2, 1)});
    return person;
}

}  // namespace

TEST_CASE("load_log from text: the same log and errors as from the file", "[log_file][text]") {
    std::size_t loaded = 0, refused = 0;
    for (const std::string& file : fixtures(".json")) {
        if (!fs::exists(file)) continue;
        INFO(file);
        const std::string from_file = outcome([&] { return mgcalc::load_log(file); });
        CHECK(outcome([&] { return mgcalc::load_log(read_file(file), file); }) == from_file);
        ++(from_file.starts_with("error") ? refused : loaded);
    }
    CHECK(loaded >= 3);
    CHECK(refused >= 2);  // bad-amount.json, bad-syntax.json
}

TEST_CASE("load_log_csv from text: the same entries and errors as from the file", "[log_file][text]") {
    std::size_t loaded = 0, refused = 0;
    for (const std::string& file : fixtures(".csv")) {
        if (!fs::exists(file)) continue;
        INFO(file);
        const std::string text = read_file(file);
        // Into a log that has entries already, and as a whole log of one person.
        const auto into_log = [&](bool from_text) {
            return outcome([&] {
                mgcalc::intake_log log;
                log.person = someone();
                mgcalc::parse_log_csv("date,kind,item,amount\n2026-11-20,food,12014,1 oz\n", log);
                if (from_text) mgcalc::load_log_csv(text, file, log);
                else mgcalc::load_log_csv(file, log);
                return log;
            });
        };
        const std::string from_file = into_log(false);
        CHECK(into_log(true) == from_file);
        CHECK(outcome([&] { return mgcalc::load_log_csv(text, file, someone()); }) ==
              outcome([&] { return mgcalc::load_log_csv(file, someone()); }));
        ++(from_file.starts_with("error") ? refused : loaded);
    }
    CHECK(loaded >= 1);   // entries.csv
    CHECK(refused >= 1);  // bad-kind.csv
}
