// Tests of the mgcalc command-line program: exit codes, one-line errors, JSON fields.
// The program's path comes from CMake (MGCALC_CLI_PATH).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct run_result {
    int exit_code;
    std::string out;
    std::string err;
};

run_result run(const std::string& arguments) {
    // One stderr file per call: CTest runs test cases of this file in parallel.
    static int calls = 0;
    const std::string err_file = "mgcalc_cli_test_stderr_" + std::to_string(::getpid()) + "_" + std::to_string(++calls) + ".txt";
    const std::string command = std::string(MGCALC_CLI_PATH) + " " + arguments + " 2>" + err_file;
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
    // MgSO4.7H2O: 24.305 / 246.47 = 0.0986 (magnesium-facts.md section 3).
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
    CHECK(j["supplement_mg"].get<double>() == Approx(200.0 + oxide).margin(0.01));
    CHECK(j["food_mg"] == 0.0);
    CHECK(j["total_mg"].get<double>() == Approx(200.0 + oxide).margin(0.01));
    CHECK(j["percent_of_target"].get<double>() == Approx((200.0 + oxide) / 320.0 * 100.0).margin(0.05));
    CHECK(j["over_ul"] == true);  // 501.5 mg > 350 mg
    CHECK(j["missing_data_entries"] == 0);
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
