// Tests of the mgcalc command-line program: exit codes, one-line errors, JSON fields.
// The program's path comes from CMake (MGCALC_CLI_PATH).
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <map>
#include <regex>
#include <string>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using mgcalc_test::read_file;

namespace {

struct run_result {
    int exit_code;
    std::string out;
    std::string err;
};

run_result run_with_prefix(const std::string& prefix, const std::string& arguments);

run_result run(const std::string& arguments) { return run_with_prefix("", arguments); }

/// Runs the program with `prefix` before it on the shell command line (e.g. "TZ=UTC ").
run_result run_with_prefix(const std::string& prefix, const std::string& arguments) {
    // One stderr file per call: CTest runs test cases of this file in parallel.
    static int calls = 0;
    const std::string err_file = "mgcalc_cli_test_stderr_" + std::to_string(::getpid()) + "_" + std::to_string(++calls) + ".txt";
    const std::string command = prefix + std::string(MGCALC_CLI_PATH) + " " + arguments + " 2>" + err_file;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
    const int status = pclose(pipe);
    std::ifstream err_stream(err_file);
    std::stringstream err;
    err << err_stream.rdbuf();
    std::remove(err_file.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, err.str()};
}

nlohmann::json run_json(const std::string& arguments) {
    const run_result r = run(arguments + " --format json");
    INFO(arguments << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
}

void check_one_line_error(const std::string& arguments, const std::string& expected_part) {
    const run_result r = run(arguments);
    INFO(arguments << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("mgcalc: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(expected_part) != std::string::npos);
}

}  // namespace

TEST_CASE("cli: reference prints the IOM row as JSON", "[cli]") {
    const auto j = run_json("reference --sex female --age 25");
    CHECK(j["target_mg"] == 310.0);  // Women 19-30 y RDA (IOM 1997)
    CHECK(j["target_kind"] == "RDA");
    CHECK(j["ear_mg"] == 255.0);
    CHECK(j["ul_supplemental_mg"] == 350.0);
    CHECK(j["dv_mg"] == 420.0);
    CHECK(j["authority"] == "IOM 1997");
    CHECK(j["life_stage"].is_string());

    const auto infant = run_json("reference --sex male --age-months 9");
    CHECK(infant["target_mg"] == 75.0);
    CHECK(infant["target_kind"] == "AI");
    CHECK(infant["ear_mg"].is_null());
    CHECK(infant["ul_supplemental_mg"].is_null());

    // The infant boundary is 6.0 months (IOM 2011 p. 23): 6 months by months, by years and from
    // the 6-month anniversary of the birth date all get the 75 mg AI; the day before gets 30 mg.
    CHECK(run_json("reference --sex male --age-months 6")["target_mg"] == 75.0);
    CHECK(run_json("reference --sex male --age 0.5")["target_mg"] == 75.0);
    CHECK(run_json("reference --sex male --age-months 5.9")["target_mg"] == 30.0);
    CHECK(run_json("reference --sex male --birth-date 2026-05-20 --date 2026-11-20")["target_mg"] == 75.0);
    CHECK(run_json("reference --sex male --birth-date 2026-05-20 --date 2026-11-19")["target_mg"] == 30.0);

    // Age from dates: born 2007-11-24, on 2026-11-23 she is one day short of 19 (14-18 y row).
    const auto teen = run_json("reference --sex female --birth-date 2007-11-24 --date 2026-11-23");
    CHECK(teen["target_mg"] == 360.0);
    const auto adult = run_json("reference --sex female --birth-date 2007-11-23 --date 2026-11-23");
    CHECK(adult["target_mg"] == 310.0);

    const auto pregnant = run_json("reference --sex female --age 13 --pregnant");
    CHECK(pregnant["target_mg"] == 400.0);  // pregnancy <= 18 y row
    CHECK(pregnant["ear_mg"] == 335.0);
    CHECK(pregnant["dv_mg"] == 400.0);
}

TEST_CASE("cli: reference text is a readable table", "[cli]") {
    const run_result r = run("reference --sex male --age 40");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("420 mg") != std::string::npos);
    CHECK(r.out.find("350 mg") != std::string::npos);
    CHECK(r.out.find("supplements and medicines only") != std::string::npos);
}

TEST_CASE("cli: compounds list and show", "[cli]") {
    const auto list = run_json("compounds list");
    REQUIRE(list.is_array());
    CHECK(list.size() >= 19);
    const auto epsom = run_json("compounds show \"Epsom salt\"");
    CHECK(epsom["id"] == "sulfate-heptahydrate");
    // MgSO4.7H2O: 24.305 / 246.47 = 0.0986 (CIAAW atomic weights; formula from PubChem via
    // App-MineralUtils; docs/sources.md).
    CHECK(epsom["elemental_fraction"].get<double>() == Approx(0.0986).margin(0.0001));
    CHECK(epsom["molar_mass_g_per_mol"].get<double>() == Approx(246.47).margin(0.01));
    CHECK(epsom["formula"].is_string());
    CHECK(epsom.contains("evidence"));
    CHECK(epsom.contains("bioavailability"));
    const auto oxide = run_json("compounds show oxide");
    CHECK(oxide["bioavailability"]["label"] == "estimate");
}

TEST_CASE("cli: report totals supplements and flags the UL", "[cli]") {
    const auto j = run_json("report --sex female --age 34 --supplement \"glycinate=200 mg\" "
                            "--supplement \"oxide=500 mg compound\"");
    const double oxide = 500.0 * 24.305 / (24.305 + 15.999);
    CHECK(j["supplement_mg"].get<double>() == Approx(200.0 + oxide).margin(0.05));
    CHECK(j["food_mg"] == 0.0);
    CHECK(j["total_mg"].get<double>() == Approx(200.0 + oxide).margin(0.05));
    CHECK(j["percent_of_target"].get<double>() == Approx((200.0 + oxide) / 320.0 * 100.0).margin(0.05));
    CHECK(j["over_ul"] == true);  // 501.5 mg > 350 mg
    CHECK(j["unknown_entries"] == 0);
    CHECK(j["reference"]["target_mg"] == 320.0);
    REQUIRE(j["entries"].size() == 2);
    CHECK(j["entries"][0]["kind"] == "supplement");
    CHECK(j["entries"][0]["input"] == "oxide=500 mg compound");  // the larger contribution first
    CHECK(j["entries"][1]["magnesium_mg"] == 200.0);
    REQUIRE(j["warnings"].is_array());
    CHECK(j["warnings"][0].get<std::string>().find("over-upper-limit") == 0);
    CHECK(j["absorbed_estimate_mg"].is_number());

    const auto label = run_json("report --sex male --age 50 --supplement \"threonate=2 g compound, 144 mg per 2 g\"");
    CHECK(label["supplement_mg"] == 144.0);
    CHECK(label["over_ul"] == false);
    CHECK(label["absorbed_estimate_mg"].is_null());  // threonate has no estimate
}

TEST_CASE("cli: bad input is one error line and exit code 2", "[cli]") {
    check_one_line_error("reference --sex male --age 30 --pregnant", "invalid_life_stage");
    check_one_line_error("reference --sex female --age 5 --lactating", "invalid_life_stage");
    check_one_line_error("reference --sex female --age -1", "invalid_life_stage");
    check_one_line_error("reference --sex female --age 121", "invalid_life_stage");
    check_one_line_error("reference --sex female --age nan", "");
    check_one_line_error("reference --sex other --age 30", "invalid_life_stage");
    check_one_line_error("reference --sex female", "no age given");
    check_one_line_error("reference --sex female --birth-date 2023-02-29", "invalid_date");
    check_one_line_error("reference --age 30", "--sex");
    check_one_line_error("report --sex female --age 30 --supplement \"unobtainium=200 mg\"", "unknown_compound");
    check_one_line_error("report --sex female --age 30 --supplement \"oxide=-5 mg\"", "invalid_amount");
    check_one_line_error("report --sex female --age 30 --supplement \"oxide=5 spoons\"", "unknown_unit");
    check_one_line_error("report --sex female --age 30 --supplement \"oxide\"", "parse_error");
    check_one_line_error("report --sex female --age 30 --format xml", "--format");
    check_one_line_error("compounds show kryptonite", "unknown_compound");
    check_one_line_error("frobnicate", "frobnicate");
}

TEST_CASE("cli: help and version exit 0", "[cli]") {
    const run_result help = run("--help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("report") != std::string::npos);
    const run_result version = run("--version");
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("0.1.0") != std::string::npos);
}

TEST_CASE("cli: foods search returns ranked JSON hits", "[cli]") {
    const auto hits = run_json("foods search \"pumpkin seeds\" --limit 5");
    REQUIRE(hits.is_array());
    REQUIRE(hits.size() == 5);
    bool kernels = false;
    for (const auto& hit : hits) {
        CHECK(hit["source"] == "usda-sr24");
        CHECK(hit.contains("magnesium_mg_per_100g"));
        const std::string description = hit["description"];
        kernels = kernels || description.rfind("Seeds, pumpkin and squash seed kernels", 0) == 0;
    }
    CHECK(kernels);
    CHECK(run_json("foods search qqqzzzxx").empty());
}

TEST_CASE("cli: foods show lists portions, unknown magnesium is null", "[cli]") {
    const auto seeds = run_json("foods show 12014");
    CHECK(seeds["magnesium_mg_per_100g"] == 592.0);  // USDA SR24 12014
    bool cup = false;
    for (const auto& p : seeds["portions"]) {
        if (p["measure"] == "cup" && p["grams"] == 129.0) {
            cup = true;
            CHECK(p["magnesium_mg"].get<double>() == Approx(763.68).margin(0.05));  // 592 x 1.29, to 0.1 mg
        }
    }
    CHECK(cup);
    const auto sauce = run_json("foods show usda-sr24:01188");
    CHECK(sauce["magnesium_mg_per_100g"].is_null());
    CHECK(sauce["id"] == "01188");
}

TEST_CASE("cli: report with foods from the embedded data", "[cli]") {
    // USDA SR24: 12014 pumpkin seed kernels 592 mg/100 g; 20137 quinoa, cooked, 64 mg/100 g, 1 cup 185 g;
    // 16126 tofu 37 mg/100 g, listed as 0.5 cup = 126 g; 01188 has no magnesium value.
    const auto j = run_json("report --sex female --age 30 --food \"12014=1 oz\" --food \"20137=1 cup\" "
                            "--food \"16126=1 cup\" --food \"01188=30 g\"");
    const double seeds = 592.0 * 0.28349523125, quinoa = 64.0 * 1.85, tofu = 37.0 * 2.52;
    CHECK(j["food_mg"].get<double>() == Approx(seeds + quinoa + tofu).margin(0.05));
    CHECK(j["unknown_entries"] == 1);
    CHECK(j["total_is_lower_bound"] == true);
    REQUIRE(j["entries"].size() == 4);
    for (const auto& e : j["entries"]) {
        CHECK(e["kind"] == "food");
        CHECK(e.contains("grams"));
        CHECK(e["measure_used"].is_string());
        if (e["food_id"] == "16126") CHECK(e["grams"].get<double>() == Approx(252.0));
        if (e["food_id"] == "12014") CHECK(e["grams"].get<double>() == Approx(28.35).margin(0.05));
        if (e["food_id"] == "01188") CHECK(e["magnesium_mg"].is_null());
    }
    CHECK(j["entries"][3]["food_id"] == "01188");  // unknown ranks last
}

TEST_CASE("cli: a food given as words uses the top search hit and says so", "[cli]") {
    const auto j = run_json("report --sex male --age 40 --food \"almonds=1 oz\"");
    REQUIRE(j["entries"].size() == 1);
    CHECK(j["entries"][0]["matched_by"] == "search");
    const std::string description = j["entries"][0]["description"];
    CHECK(description.find("almonds") != std::string::npos);
}

TEST_CASE("cli: bad food input is one error line and exit code 2", "[cli]") {
    check_one_line_error("report --sex female --age 30 --food \"12014=1 bucket\"", "unknown_measure");
    check_one_line_error("report --sex female --age 30 --food \"qqqzzzxx=1 g\"", "unknown_food");
    check_one_line_error("report --sex female --age 30 --food 12014", "FOOD=SERVING");
    check_one_line_error("report --sex female --age 30 --food \"12014=-3 g\"", "invalid_amount");
    check_one_line_error("report --sex female --age 30 --food \"12014=20 kg\"", "invalid_amount");
    check_one_line_error("foods show 99999999", "unknown_food");
    check_one_line_error("foods search pumpkin --food-db mystery:somewhere", "parse_error");
    check_one_line_error("foods search pumpkin --food-db csv:/nonexistent/foods.csv", "/nonexistent/foods.csv");
}

TEST_CASE("cli: --food-db layers a custom CSV, a recipe with unknown data is a lower bound", "[cli]") {
    const std::string db = std::string(" --food-db csv:") + MGCALC_DATA_DIR + "/examples/custom-foods.csv";
    const auto j = run_json("report --sex female --age 30 --food \"csv:my-granola=1 serving\"" + db);
    REQUIRE(j["entries"].size() == 1);
    CHECK(j["entries"][0]["source"] == "recipe");
    CHECK(j["entries"][0]["grams"].get<double>() == Approx(44.0));  // 440 g / 10 servings
    CHECK(j["lower_bound_entries"] == 1);
    CHECK(j["total_is_lower_bound"] == true);
    CHECK(j["unknown_entries"] == 0);
    const auto bar = run_json("foods show my-protein-bar" + db);
    CHECK(bar["magnesium_mg_per_100g"] == 120.0);
    CHECK(bar["source"] == "csv");
}

namespace {
std::string example_log() { return std::string(MGCALC_SOURCE_DIR) + "/docs/examples/log-example.json"; }
}  // namespace

TEST_CASE("cli: report --log evaluates every day with the profile of that day", "[cli]") {
    const auto j = run_json("report --log " + example_log());
    REQUIRE(j.contains("period"));
    REQUIRE(j["days"].is_array());
    CHECK(j["period"]["days"] == j["days"].size());
    // The example's pregnancy ends on 2026-11-12 and lactation starts the next day: the target
    // follows the date (IOM 1997, women 31-50 y: pregnancy 360 mg, lactation 320 mg).
    for (const auto& day : j["days"]) {
        const std::string date = day["date"];
        if (date <= "2026-11-12") CHECK(day["reference"]["target_mg"] == 360.0);
        if (date >= "2026-11-13") CHECK(day["reference"]["target_mg"] == 320.0);
    }
    double total = 0;
    for (const auto& day : j["days"]) total += day["total_mg"].get<double>();
    CHECK(j["period"]["mean_total_mg"].get<double>() == Approx(total / j["days"].size()).margin(0.05));

    const auto one = run_json("report --log " + example_log() + " --from 2026-11-14 --to 2026-11-14");
    CHECK(one["date"] == "2026-11-14");  // a one-day period prints the day report
    CHECK(one.contains("suggestions"));
}

TEST_CASE("cli: report --format csv has one row per day", "[cli]") {
    const run_result r = run("report --log " + example_log() + " --format csv");
    REQUIRE(r.exit_code == 0);
    const auto lines = std::count(r.out.begin(), r.out.end(), '\n');
    const auto j = run_json("report --log " + example_log());
    CHECK(static_cast<std::size_t>(lines) == j["days"].size() + 1);  // header + days
    CHECK(r.out.rfind("date,life_stage,target_kind,target_mg,", 0) == 0);
}

TEST_CASE("cli: report --svg never replaces the log it reports on", "[cli]") {
    // A copy of the example log, so that a failure here cannot damage the documented example.
    const std::string log = "mgcalc_cli_test_svg_over_log.json";
    const std::string original = read_file(example_log());
    std::ofstream(log, std::ios::binary) << original;
    check_one_line_error("report --log " + log + " --svg ./" + log,
                         "./" + log + ": is also the input " + log + "; expected another path for the chart");
    CHECK(read_file(log) == original);
    std::remove(log.c_str());
}

TEST_CASE("cli: report --svg writes a chart, a day below target gets suggestions", "[cli]") {
    const std::string svg = "mgcalc_cli_test_chart.svg";
    const auto j = run_json("report --sex female --age 30 --food \"12061=1 oz\" --svg " + svg);
    const std::string chart = read_file(svg);
    CHECK(chart.rfind("<?xml", 0) == 0);
    CHECK(chart.find("</svg>") != std::string::npos);
    CHECK(chart.find("RDA 310 mg") != std::string::npos);
    std::remove(svg.c_str());
    // 1 oz almonds = 268 x 0.2835 = 76 mg; the gap to the RDA of 310 mg is 234 mg.
    CHECK(j["suggestions"]["gap_mg"].get<double>() == Approx(310.0 - 268.0 * 0.28349523125).margin(0.05));
    CHECK_FALSE(j["suggestions"]["foods"].empty());
    // Supplement room never crosses the UL: min(gap, 350 - 0).
    CHECK(j["suggestions"]["supplement_room_mg"].get<double>() <= 350.0);
}

TEST_CASE("cli: sleep assesses the evening dose with stoichiometric glycine", "[cli]") {
    const auto j = run_json("sleep --sex female --age 34 --bedtime 22:30 --supplement \"glycinate=200 mg@21:45\"");
    CHECK(j["evening_elemental_mg"] == 200.0);
    // Mg(C2H4NO2)2: 2 glycine (C2H5NO2, 75.067 g/mol) per Mg (24.305 g/mol).
    CHECK(j["glycine_mg"].get<double>() == Approx(200.0 / 24.305 * 2.0 * 75.067).margin(0.05));
    CHECK(j["supplement_mg"] == 200.0);
    REQUIRE(j["findings"].is_array());
    for (const auto& f : j["findings"]) {
        CHECK(f.contains("code"));
        CHECK(f.contains("severity"));
        CHECK(f.contains("message"));
        CHECK(f.contains("evidence"));
    }

    auto has_code = [](const nlohmann::json& findings, const std::string& code) {
        for (const auto& f : findings) if (f["code"] == code) return true;
        return false;
    };
    const auto early = run_json("sleep --sex female --age 34 --bedtime 22:30 --supplement \"oxide=500 mg compound@19:00\" "
                                "--medication doxycycline --condition reduced-kidney-function");
    CHECK(has_code(early["findings"], "timing-outside-window"));
    CHECK(has_code(early["findings"], "poorly-absorbed-form"));
    CHECK(has_code(early["findings"], "medication-spacing"));
    CHECK(has_code(early["findings"], "kidney-caution"));
    CHECK_FALSE(has_code(j["findings"], "medication-spacing"));

    // A dose before the evening span is still reported as outside the window.
    const auto afternoon = run_json("sleep --sex female --age 34 --bedtime 22:30 --supplement \"glycinate=200 mg@18:00\"");
    CHECK(afternoon["evening_elemental_mg"] == 0.0);
    CHECK(has_code(afternoon["findings"], "timing-outside-window"));
    CHECK(has_code(afternoon["findings"], "no-evening-dose"));

    // The window is set by when it opens and closes before bed: 22:15 is 15 minutes before 22:30,
    // outside the default 60-30 minutes, inside a window opening at 20 and closing at 10.
    const std::string at_22_15 = "sleep --sex female --age 34 --bedtime 22:30 --supplement \"glycinate=200 mg@22:15\"";
    CHECK(has_code(run_json(at_22_15)["findings"], "timing-outside-window"));
    CHECK_FALSE(has_code(run_json(at_22_15 + " --window-opens 20 --window-closes 10")["findings"], "timing-outside-window"));
    check_one_line_error(at_22_15 + " --window-opens 10 --window-closes 20", "--window-closes 20");

    // For a child the row beside the evening dose and the JSON say the range is an adult one and
    // the UL caps the dose, in the same words.
    const std::string girl = "sleep --sex female --age 7 --bedtime 20:30 --supplement \"glycinate=100 mg@19:45\"";
    const auto child = run_json(girl);
    CHECK_FALSE(child["dose_range"]["judged"].get<bool>());
    const std::string description = child["dose_range"]["description"];
    CHECK(description.find("adult range 200-400 mg") != std::string::npos);
    CHECK(description.find("UL 110 mg caps the dose") != std::string::npos);
    CHECK(has_code(child["findings"], "dose-range-adults-only"));
    const run_result child_text = run(girl);
    CHECK(child_text.out.find("evidence range") == std::string::npos);
    CHECK(child_text.out.find("100 mg  " + description + "\n") != std::string::npos);

    // The range is configurable.
    const auto narrow = run_json("sleep --sex female --age 34 --bedtime 22:30 --supplement \"glycinate=200 mg@21:45\" "
                                 "--dose-range-low 100 --dose-range-high 150");
    CHECK(narrow["dose_range"]["low_mg"] == 100.0);
    CHECK(narrow["dose_range"]["high_mg"] == 150.0);
    CHECK(narrow["dose_range"]["judged"].get<bool>());
    CHECK(has_code(narrow["findings"], "dose-above-range"));
    CHECK_FALSE(has_code(j["findings"], "dose-above-range"));
    check_one_line_error(at_22_15 + " --dose-range-low 300 --dose-range-high 200", "--dose-range-low 300");

    check_one_line_error("sleep --sex female --age 34 --bedtime 25:00", "parse_error");
    check_one_line_error("sleep --sex female --age 34 --bedtime 22:30 --medication aspirin", "parse_error");
    check_one_line_error("sleep --sex female --age 34", "--bedtime");
}

TEST_CASE("cli: bad log input is one error line and exit code 2", "[cli]") {
    check_one_line_error("report --log /nonexistent/log.json", "/nonexistent/log.json");
    check_one_line_error("report --log " + example_log() + " --sex female", "profile");
    check_one_line_error("report --log " + example_log() + " --from 2030-01-01", "2030-01-01");
    check_one_line_error("report --sex female --age 30 --supplement \"glycinate=200 mg@27:00\"", "parse_error");
}

TEST_CASE("cli: report notes adult servings once and skips eaten foods, warns of compound masses", "[cli]") {
    // 1 oz almonds (268 x 0.2835 = 76.0 mg) + 162 mg glycinate: a gap of 72.0 mg to the RDA of
    // 310 mg, which 1 oz of cashews (73.7), almonds (76.0) and chickpeas (78.7 mg) would close.
    const std::string arguments = "report --sex female --age 30 --food \"12061=1 oz\" --supplement \"glycinate=162 mg\"";
    const auto j = run_json(arguments);
    CHECK(j["suggestions"]["note"] ==
          "Servings are adult household measures (USDA SR24 portions); a child's serving is smaller.");
    std::vector<std::string> suggested;
    for (const auto& food : j["suggestions"]["foods"]) suggested.push_back(food["food_id"]);
    CHECK(suggested == std::vector<std::string>{"12085", "16057", "16033"});  // not the almonds eaten

    const run_result text = run(arguments);
    REQUIRE(text.exit_code == 0);
    std::size_t notes = 0;
    for (std::size_t at = text.out.find("adult household measures"); at != std::string::npos;
         at = text.out.find("adult household measures", at + 1)) {
        ++notes;
    }
    CHECK(notes == 1);

    const auto heavy = run_json("report --sex female --age 30 --supplement \"citrate=2 g\"");
    const auto& codes = heavy["warning_codes"];
    CHECK(std::find(codes.begin(), codes.end(), "dose-looks-like-compound-mass") != codes.end());
}

// ---- food entries as typed, and the defects of the first user trials ---------------------------

namespace {

/// Runs the program with TZ set, for the local date.
run_result run_in_zone(const std::string& zone, const std::string& arguments) {
    return run_with_prefix("TZ='" + zone + "' ", arguments);
}

bool has_warning(const nlohmann::json& day, std::string_view code) {
    const auto& codes = day["warning_codes"];
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

TEST_CASE("cli: --food takes entries as typed and reports how each food was read", "[cli]") {
    // USDA SR24 16015 black beans, cooked (cup 172 g, 70 mg/100 g = 120.4 mg); 14209 brewed
    // coffee (cup 237 g); 18075 commercial whole-wheat bread (slice 28 g, 82 mg/100 g).
    const auto j = run_json("report --sex female --age 30 --food \"1 cup black beans\" --food \"coffee=1 cup\" "
                            "--food \"2 slices whole wheat bread\"");
    REQUIRE(j["entries"].size() == 3);
    std::map<std::string, nlohmann::json> by_id;
    for (const auto& e : j["entries"]) by_id[e["food_id"]] = e;
    REQUIRE(by_id.count("16015") == 1);
    CHECK(by_id["16015"]["grams"] == 172.0);
    CHECK(by_id["16015"]["magnesium_mg"] == 120.4);
    CHECK(by_id["16015"]["input"] == "1 cup black beans");
    CHECK(by_id["16015"]["matched_by"] == "search");
    CHECK(by_id["16015"]["match"]["by"] == "search");
    CHECK(by_id["16015"]["match"]["alternatives"].size() == 4);
    CHECK(by_id.count("14209") == 1);
    REQUIRE(by_id.count("18075") == 1);
    CHECK(by_id["18075"]["grams"] == 56.0);
    // The text report says how they were read.
    const run_result text = run("report --sex female --age 30 --food \"1 cup black beans\"");
    CHECK(text.out.find("How the foods were read") != std::string::npos);
    CHECK(text.out.find("\"1 cup black beans\" -> usda-sr24:16015 (search, confidence") != std::string::npos);
}

TEST_CASE("cli: a doubtful match is a warning, never silent", "[cli]") {
    const auto j = run_json("report --sex female --age 30 --food \"almond milk 30 g\"");
    CHECK(has_warning(j, "food-match-uncertain"));
    CHECK(j["entries"][0]["match"]["uncertain"] == true);
    const auto sure = run_json("report --sex female --age 30 --food \"12061=1 oz\"");
    CHECK_FALSE(has_warning(sure, "food-match-uncertain"));
    CHECK(sure["entries"][0]["matched_by"] == "id");
}

TEST_CASE("cli: foods resolve prints the choice, grams, magnesium, confidence and alternatives", "[cli]") {
    const auto j = run_json("foods resolve \"half a cup of cashews\"");
    CHECK(j["food_id"] == "12085");  // raw cashews are listed by the ounce only
    CHECK(j["grams"] == 68.5);
    CHECK(j["magnesium_mg"] == 178.1);  // 260 mg/100 g x 0.685
    CHECK(j["match"]["confidence"].get<double>() > 0.6);
    CHECK_FALSE(j["match"]["alternatives"].empty());
    const run_result text = run("foods resolve \"1 cup almonds\"");
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("143 g of Nuts, almonds") != std::string::npos);
    CHECK(text.out.find("other portions:") != std::string::npos);
    CHECK(text.out.find("cup, ground = 95 g") != std::string::npos);
    check_one_line_error("foods resolve \"3=1 cup\"", "[mgcalc.unknown_food]");
    check_one_line_error("foods resolve banana", "expected AMOUNT UNIT FOOD");
}

TEST_CASE("cli: JSON figures carry the documented precision, never binary noise", "[cli]") {
    // 61.9 % was printed 61.900000000000006 (a rounded value multiplied by 0.1).
    for (const std::string arguments :
         {"report --sex female --age 30 --food \"1 cup black beans\" --supplement \"glycinate=71.5 mg\" --format json",
          "sleep --sex female --age 34 --bedtime 22:30 --supplement \"glycinate=200 mg@21:45\" --format json",
          "foods show 12061 --format json", "compounds list --format json",
          "report --sex female --age 30 --food \"1 cup black beans\" --format csv"}) {
        INFO(arguments);
        const run_result r = run(arguments);
        REQUIRE(r.exit_code == 0);
        // No number with more decimals than any figure's precision (4, the elemental fraction). A
        // number is a JSON value (after `": `, `[` or `,`) or a CSV field (after `,`), not digits
        // inside a text such as a citation's DOI ("doi:10.17226/5776").
        CHECK_FALSE(std::regex_search(r.out, std::regex("(\": |\\[|,)-?[0-9]+\\.[0-9]{5,}")));
        CHECK(r.out.find("-0.0") == std::string::npos);
    }
}

TEST_CASE("cli: option mistakes carry the error code, and help shows words", "[cli]") {
    check_one_line_error("report --sex female --age 30 --frob", "mgcalc: error: [mgcalc.parse_error] ");
    check_one_line_error("reference --sex female --age 30 --format yaml", "[mgcalc.parse_error]");
    check_one_line_error("nosuchcommand", "[mgcalc.parse_error] unknown command");
    for (const char* command : {"reference", "report", "sleep", "foods search", "foods resolve", "compounds list"}) {
        const run_result help = run(std::string(command) + " --help");
        INFO(command << "\n" << help.out);
        CHECK(help.exit_code == 0);
        CHECK(help.out.find("ENUM") == std::string::npos);
        CHECK(help.out.find("->") == std::string::npos);
    }
}

TEST_CASE("cli: a flag's mistake is the flag's, not an entry of a day", "[cli]") {
    const run_result r = run("report --sex female --age 30 --food \"qqqzzzxx=1 g\"");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("food entry \"qqqzzzxx=1 g\"") != std::string::npos);
    CHECK(r.err.find("day ") == std::string::npos);
    CHECK(r.err.find("entry 1") == std::string::npos);
    const run_result dose = run("report --sex female --age 30 --supplement \"unobtainium=1 mg\"");
    CHECK(dose.exit_code == 2);
    CHECK(dose.err.find("day ") == std::string::npos);
    // No C++ function names in what users read.
    for (const std::string& message : {r.err, dose.err}) {
        CHECK(message.find("parse_supplement_dose") == std::string::npos);
        CHECK(message.find("get_compound") == std::string::npos);
        CHECK(message.find("resolve_") == std::string::npos);
    }
}

TEST_CASE("cli: report echoes doses as typed, with the time and the product", "[cli]") {
    const auto j = run_json("report --sex female --age 30 --supplement \"glycinate=200 mg@21:30\" "
                            "--supplement \"magnesium 100 mg\"");
    std::vector<std::string> inputs;
    for (const auto& e : j["entries"]) inputs.push_back(e["input"]);
    CHECK(std::find(inputs.begin(), inputs.end(), "glycinate=200 mg@21:30") != inputs.end());
    CHECK(std::find(inputs.begin(), inputs.end(), "magnesium 100 mg") != inputs.end());
    // A product entry of the example log names its product (2026-11-11: 3 capsules of my-magtein).
    const auto day = run_json("report --log " + example_log() + " --from 2026-11-11 --to 2026-11-11");
    bool product = false;
    for (const auto& e : day["entries"]) {
        if (e["input"] == "my-magtein=3@19:00") {
            product = true;
            CHECK(std::string(e["description"]).find("Magtein") != std::string::npos);
        }
    }
    CHECK(product);
}

TEST_CASE("cli: report --log reads the CSV entry format, with the person from the flags", "[cli]") {
    const std::string csv = std::string(MGCALC_SOURCE_DIR) + "/docs/examples/log-example.csv";
    const auto j = run_json("report --log " + csv + " --sex female --age 34 --from 2026-11-15 --to 2026-11-15");
    CHECK(j["date"] == "2026-11-15");
    CHECK(j["entries"].size() > 1);
    check_one_line_error("report --log " + csv, "a CSV entry file has no profile");
}

TEST_CASE("cli: today is the local date (TZ), so a birthday changes the life stage on the local day", "[cli]") {
    // At every instant, the dates at UTC+14 and UTC-11 differ: somewhere it is already tomorrow.
    // POSIX TZ strings, so that no time zone database is needed.
    const std::string east = "<+14>-14", west = "<-11>+11";
    const auto local_date = [](const std::string& zone) {
        const run_result r = run_in_zone(zone, "report --sex female --age 30 --format json");
        REQUIRE(r.exit_code == 0);
        return nlohmann::json::parse(r.out)["date"].get<std::string>();
    };
    const std::string east_today = local_date(east), west_today = local_date(west);
    CHECK(east_today != west_today);
    // A woman born 19 years before the eastern date is 19 there (19-30 y, RDA 310 mg) and still
    // 18 in the west (14-18 y, 360 mg) on the same instant.
    const std::string birth = std::to_string(std::stoi(east_today.substr(0, 4)) - 19) + east_today.substr(4);
    if (birth.substr(5) == "02-29") return;  // no 29 February 19 years back: nothing to compare
    const auto target = [&](const std::string& zone) {
        const run_result r = run_in_zone(zone, "reference --sex female --birth-date " + birth + " --format json");
        REQUIRE(r.exit_code == 0);
        return nlohmann::json::parse(r.out)["target_mg"].get<double>();
    };
    CHECK(target(east) == 310.0);
    CHECK(target(west) == 360.0);
}

TEST_CASE("cli: --authority on reference, report and sleep, and reference --list", "[cli]") {
    // EFSA 2015: adult women AI 300 mg, SCF supplemental UL 250 mg.
    const nlohmann::json efsa = run_json("reference --sex female --age 30 --authority efsa");
    CHECK(efsa["authority_id"] == "efsa");
    CHECK(efsa["target_mg"] == 300.0);
    CHECK(efsa["target_kind"] == "AI");
    CHECK(efsa["ul_supplemental_mg"] == 250.0);
    CHECK(efsa["confidence"] == "confirmed");
    // WHO/FAO 2004 sets no UL: null, and 500 mg of supplements is no over-UL finding.
    const nlohmann::json who =
        run_json("report --sex female --age 30 --authority who --supplement \"glycinate=500 mg\" --date 2026-11-23");
    CHECK(who["reference"]["ul_supplemental_mg"].is_null());
    CHECK(who["over_ul"] == false);
    CHECK(who["status"] == "meets-rni");
    const run_result text = run("report --sex female --age 30 --authority who --supplement \"glycinate=500 mg\"");
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("No supplemental upper limit: WHO/FAO 2004 sets none for Females 19-50 years") !=
          std::string::npos);
    // The sleep assessment uses the chosen table's UL (EFSA: 300 mg is over 250 mg).
    const nlohmann::json sleep = run_json(
        "sleep --sex female --age 34 --authority efsa --bedtime 22:30 --supplement \"glycinate=300 mg@21:45\"");
    bool over = false;
    for (const auto& f : sleep["findings"]) over = over || f["code"] == "over-upper-limit";
    CHECK(over);
    // The whole table, as CSV: the header and one line per band.
    const run_result csv = run("reference --authority dach --list --format csv");
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.rfind("authority,population,from_months,to_months,life_stage,", 0) == 0);
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 16);  // header + 15 rows
    CHECK(csv.out.find("dach,everyone,0,4,0 to < 4 months,,AI,24,,,,confirmed\n") != std::string::npos);
    // Not covered, and bad words: one line each, exit 2.
    check_one_line_error("reference --sex female --age 30 --pregnant --authority uk", "[mgcalc.not_covered] COMA 1991");
    check_one_line_error("reference --sex male --age-months 3 --authority who", "infant_feeding");
    check_one_line_error("reference --sex male --age-months 3 --authority nrv", "expected iom, efsa, who, uk, dach or anz");
    check_one_line_error("reference --sex male --age 3 --infant-feeding breast-fed",
                         "applies below 12 months of age only");
}

// --- mgcalc batch --------------------------------------------------------------------------------

namespace {

const std::string batch_sample = std::string(MGCALC_SOURCE_DIR) + "/examples/batch/";

std::string batch_arguments(const std::string& out) {
    return "batch --people " + batch_sample + "people.csv --entries " + batch_sample + "entries.csv --supplements " +
           batch_sample + "supplements.csv --out " + out;
}

// The results CSV's row for one person and day, split into fields.
std::vector<std::string> results_row(const std::string& csv, const std::string& person_and_date) {
    const std::size_t at = csv.find("\n" + person_and_date + ",");
    REQUIRE(at != std::string::npos);
    const std::string line = csv.substr(at + 1, csv.find('\n', at + 1) - at - 1);
    std::vector<std::string> fields;
    std::stringstream in(line);
    for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.push_back("");
    return fields;
}

}  // namespace

TEST_CASE("cli: batch gives each person-day what report gives that day", "[cli][batch]") {
    mgcalc_test::temporary_folder folder;
    const std::string out = folder.file("results.csv");
    const run_result r = run(batch_arguments(out));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Matchers::Contains("8 person-days of 5 people written to"));
    // A food found by search is named with what it was read as.
    CHECK_THAT(r.err, Catch::Matchers::Contains("food \"spinach cooked\" (1 row) read as usda-sr24:"));
    const std::string csv = read_file(out);
    CHECK(csv.rfind("person,date,food_mg,unknown_entries,supplement_mg,total_mg,target_mg,target_kind,ear_mg,"
                    "ul_supplemental_mg,percent_of_target,below_ear,over_ul\n", 0) == 0);

    // p02 on 2024-04-02, the same day through mgcalc report.
    const std::vector<std::string> row = results_row(csv, "p02,2024-04-02");
    REQUIRE(row.size() == 13);
    const nlohmann::json j = run_json("report --sex male --birth-date 1958-11-02 --date 2024-04-02 --food 20040=195g "
                                      "--food 12061=30g --supplement \"oxide=800 mg compound\"");
    CHECK(std::stod(row[2]) == Approx(j["food_mg"].get<double>()).margin(0.05));
    CHECK(std::stod(row[4]) == Approx(j["supplement_mg"].get<double>()).margin(0.05));
    CHECK(std::stod(row[5]) == Approx(j["total_mg"].get<double>()).margin(0.05));
    CHECK(row[12] == (j["over_ul"].get<bool>() ? "true" : "false"));
    CHECK(row[12] == "true");  // 483 mg of elemental magnesium from 800 mg of oxide: over 350 mg

    // Cheese sauce 01188 has no magnesium value: counted as unknown, not as 0 mg.
    CHECK(results_row(csv, "p03,2024-04-02")[3] == "1");
    // The EFSA infant has an AI and neither an EAR nor a UL: those fields are empty.
    const std::vector<std::string> infant = results_row(csv, "p04,2024-04-02");
    REQUIRE(infant.size() == 13);
    CHECK(infant[7] == "ai");
    CHECK(infant[8].empty());
    CHECK(infant[9].empty());
    CHECK(infant[11].empty());
}

TEST_CASE("cli: batch stops at a bad row with one line at file:line and writes nothing", "[cli][batch]") {
    mgcalc_test::temporary_folder folder;
    const std::string entries = folder.file("entries.csv");
    std::ofstream(entries) << "person,date,food,grams\np01,2024-04-02,12014,28\np01,2024-04-02,12014,1e6\n";
    const std::string out = folder.file("results.csv");
    check_one_line_error("batch --people " + batch_sample + "people.csv --entries " + entries + " --out " + out,
                         "entries.csv:3: field 'grams': 1000000 g is not accepted");
    CHECK(!std::filesystem::exists(out));
}

TEST_CASE("cli: batch --skip-bad-rows lists the rows left out and says how many", "[cli][batch]") {
    mgcalc_test::temporary_folder folder;
    const std::string entries = folder.file("entries.csv");
    std::ofstream(entries) << "person,date,food,grams\np01,2024-04-02,12014,28\nnobody,2024-04-02,12014,28\n"
                              "p01,2024-04-02,no such food at all xyzzy,28\n";
    const std::string out = folder.file("results.csv");
    const run_result r = run("batch --skip-bad-rows --people " + batch_sample + "people.csv --entries " + entries + " --out " + out);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Matchers::Contains("warning: 2 bad rows were left out; see " + out + ".rejects.csv"));
    const std::string rejects = read_file(out + ".rejects.csv");
    CHECK(rejects.rfind("file,line,code,message\n", 0) == 0);
    CHECK_THAT(rejects, Catch::Matchers::Contains(entries + ",3,malformed_file,"));
    CHECK_THAT(rejects, Catch::Matchers::Contains(entries + ",4,malformed_file,"));
    const std::string results = read_file(out);
    CHECK(std::count(results.begin(), results.end(), '\n') == 2);  // header + one person-day
}

TEST_CASE("cli: batch never writes its results over an input", "[cli][batch]") {
    mgcalc_test::temporary_folder folder;
    const std::string entries = folder.file("entries.csv");
    const std::string text = "person,date,food,grams\np01,2024-04-02,12014,28\n";
    std::ofstream(entries) << text;
    const run_result r = run("batch --people " + batch_sample + "people.csv --entries " + entries + " --out " + entries);
    CHECK(r.exit_code == 2);
    CHECK(read_file(entries) == text);
    check_one_line_error("batch --people " + batch_sample + "people.csv --entries " + entries + " --out x.csv --rejects y.csv",
                         "--rejects names where --skip-bad-rows lists the rows left out");
}

TEST_CASE("cli: batch --summary writes the population summary, by sex or life stage, over days or people", "[cli][batch]") {
    mgcalc_test::temporary_folder folder;
    const std::string summary = folder.file("summary.json");
    const run_result by_sex = run(batch_arguments("-") + " --summary " + summary + " --by sex --summary-unit people");
    INFO(by_sex.err);
    REQUIRE(by_sex.exit_code == 0);
    // --out - writes the results to standard output.
    CHECK(by_sex.out.rfind("person,date,food_mg,", 0) == 0);
    const nlohmann::json people = nlohmann::json::parse(read_file(summary));
    CHECK(people["unit"] == "people");
    CHECK(people["overall"]["units"] == 5);
    REQUIRE(people["groups"].size() == 2);
    CHECK(people["groups"][0]["label"] == "female");
    CHECK(people["groups"][1]["label"] == "male");

    REQUIRE(run(batch_arguments(folder.file("r.csv")) + " --summary " + summary).exit_code == 0);
    const nlohmann::json days = nlohmann::json::parse(read_file(summary));
    CHECK(days["unit"] == "person-days");
    CHECK(days["overall"]["units"] == 8);
    CHECK(days["overall"]["units_with_unknown_food"] == 1);
    CHECK(days["groups"].size() >= 4);  // life-stage groups: IOM women, pregnancy, lactation, men, EFSA infant
}

TEST_CASE("cli: a device or FIFO as a food database is refused at once, not read forever", "[cli][hardening]") {
    // /dev/zero never ends: read as CSV it grew past 7 GB (docs/model.md, "Plausibility limits").
    check_one_line_error("report --sex female --age 30 --food-db csv:/dev/zero --food \"12014=1 g\"",
                         "is not a regular file");
    check_one_line_error("report --sex female --age 30 --food-db csv:/dev/stdin --food \"12014=1 g\" < /dev/zero",
                         "is not a regular file");
}

TEST_CASE("cli: an error is one short line whatever the input holds", "[cli][hardening]") {
    // A line break typed in --food, and a 126 KB query, each quoted in the message.
    check_one_line_error("report --sex female --age 30 --food \"$(printf 'zzqx\\nflurb 1 cup')\"", "zzqx\\nflurb");
    const std::string long_query(126 * 1024, 'q');
    const run_result r = run("report --sex female --age 30 --food \"" + long_query + " 1 cup\"");
    INFO(r.err.substr(0, 300));
    CHECK(r.exit_code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.size() < 1200);
    CHECK(r.err.find("more bytes)") != std::string::npos);
}

TEST_CASE("cli: output that cannot be written is a failure", "[cli][hardening]") {
    // /dev/full refuses every write (ENOSPC): the report is lost, so the exit code says so.
    const run_result full = run("reference --sex female --age 30 > /dev/full");
    CHECK(full.exit_code == 1);
    CHECK(full.err.rfind("mgcalc: error: the output could not be written", 0) == 0);
    CHECK(std::count(full.err.begin(), full.err.end(), '\n') == 1);
    CHECK(run("reference --sex female --age 30 > /dev/null").exit_code == 0);
}

TEST_CASE("cli: a value over a limit is shown as given, not rounded to the limit", "[cli][hardening]") {
    // "10000.001 g ... is 10000 g: more than 10000 g" said the value was the limit.
    check_one_line_error("report --sex female --age 30 --food \"12014=10000.001 g\"", "is 10000.001 g: more than 10000 g");
    check_one_line_error("report --sex female --age 30 --supplement \"glycinate=5000.0001 mg\"",
                         "5000.0001 mg of elemental magnesium");
    check_one_line_error("report --sex female --age 30 --supplement \"threonate=50000.01 mg compound\"", "50000.01 mg of");
    check_one_line_error("reference --sex female --age 120.0001", "age 120.0001 years is out of range");
}

TEST_CASE("cli: numbers are decimals as typed, never hexadecimal, octal, infinite or subnormal", "[cli][hardening]") {
    // CLI11 alone read "--age 0x10" as 16 years and "--limit 010" as 8; fast_float read
    // "-1e400" as -inf, which lost its sign ("inf is infinite"), and accepted 1e-310 mg.
    check_one_line_error("reference --sex female --age 0x10", "--age: \"0x10\" is not a decimal number");
    check_one_line_error("reference --sex female --age 1e400", "--age: \"1e400\" is out of range");
    check_one_line_error("foods search beans --limit 0x10", "--limit: \"0x10\" is not a decimal number");
    check_one_line_error("foods search beans --limit 2.5", "--limit: \"2.5\" is not a whole number");
    check_one_line_error("report --sex female --age 30 --supplement \"glycinate=-1e400 mg\"",
                         "the number \"-1e400\" for the amount after \"=\" is out of range");
    check_one_line_error("report --sex female --age 30 --supplement \"glycinate=1e-310 mg\"",
                         "the number \"1e-310\" for the amount after \"=\" is out of range");
    const std::string tiny = "0." + std::string(320, '0') + "1";
    check_one_line_error("report --sex female --age 30 --food \"12014=" + tiny + " g\"", "is out of range");
    // Decimal integers still read as decimals: "010" is ten, "1e1" is ten.
    const run_result ten = run("foods search beans --limit 010");
    const run_result also_ten = run("foods search beans --limit 1e1");
    const run_result plain = run("foods search beans --limit 10");
    CHECK(ten.exit_code == 0);
    CHECK(ten.out == plain.out);
    CHECK(also_ten.out == plain.out);
    // "-0" is zero, and no output shows "-0".
    const nlohmann::json day = run_json("report --sex female --age 30 --supplement \"glycinate=-0 mg\"");
    std::size_t numbers = 0;
    std::size_t negative_zeros = 0;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& value) {
        if (value.is_number_float()) {
            ++numbers;
            if (value.get<double>() == 0.0 && std::signbit(value.get<double>())) ++negative_zeros;
        }
        if (value.is_structured()) for (const nlohmann::json& member : value) walk(member);
    };
    walk(day);
    CHECK(numbers > 5);
    CHECK(negative_zeros == 0);
    CHECK(day["supplement_mg"] == 0.0);
}

TEST_CASE("cli: text that is not UTF-8 is refused where it enters, naming the byte", "[cli][hardening]") {
    // "\xff" in --food reached the JSON writer, which failed with exit 1 and an internal error.
    check_one_line_error("report --sex female --age 30 --food \"$(printf '12014=1 oz \\377')\" --format json",
                         "byte 0xFF is not valid UTF-8");
    check_one_line_error("foods search \"$(printf 'bana\\351na')\"", "byte 0xE9 is not valid UTF-8");
}

TEST_CASE("cli: a device or FIFO as a log is refused at once, not read or waited on", "[cli][hardening]") {
    // /dev/zero as a log filled memory up to the 64 MiB limit (std::bad_alloc under a 200 MB
    // limit), and a FIFO blocked the program before its first byte.
    check_one_line_error("report --log /dev/zero --sex female --age 30", "/dev/zero: is not a regular file");
    const std::string fifo = "mgcalc_cli_test_fifo_" + std::to_string(::getpid());
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    check_one_line_error("report --log " + fifo + " --sex female --age 30", "is not a regular file");
    check_one_line_error("report --sex female --age 30 --food-db csv:" + fifo + " --food \"12014=1 g\"",
                         "is not a regular file");
    std::remove(fifo.c_str());
}

TEST_CASE("cli: a mistyped command is named at any depth", "[cli][hardening]") {
    // "mgcalc compounds frob" said only "A subcommand is required".
    check_one_line_error("compounds frob", "unknown command 'frob' of mgcalc compounds: expected one of list, show");
    check_one_line_error("foods serch beans", "unknown command 'serch' of mgcalc foods: expected one of search, show, resolve");
    check_one_line_error("frob", "unknown command 'frob': expected one of reference, compounds, report");
}
