// mgcalc sleep: an evening-magnesium assessment (docs/sleep.md). Arithmetic on published
// figures, not advice.
#include "cli/common.hpp"

#include <mgcalc/limits.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/advice/sleep.hpp>
#include <mgcalc/io/json.hpp>

#include "detail/text.hpp"

#include <cmath>
#include <iostream>
#include <memory>

namespace mgcalc::cli {

namespace {

/// Throws parse_error when option `lower` holds more than option `upper`.
void require_not_above(std::string_view lower, double lower_value, std::string_view upper, double upper_value,
                       std::string_view hint) {
    if (lower_value <= upper_value) return;
    throw error(errc::parse_error, std::string(lower) + " " + detail::format_number(lower_value, 1) + " is more than " +
                                       std::string(upper) + " " + detail::format_number(upper_value, 1) + "; " +
                                       std::string(hint));
}

void print_assessment_text(const sleep_assessment& a, const life_stage& stage, year_month_day date,
                           time_of_day bedtime) {
    const reference_intakes& r = a.day.reference;
    std::cout << "Evening magnesium on " << to_string(date) << ", bedtime " << to_string(bedtime) << ", for "
              << stage.to_string() << "\n\n";
    std::vector<std::vector<std::string>> rows{
        {"Evening supplements (elemental)", to_string(a.evening_elemental), a.dose_range.description},
        {"All supplements today", to_string(a.day.supplement),
         r.ul_supplemental ? "UL " + to_string(*r.ul_supplemental) + " (supplements only)"
                                    : "no UL established"},
        {"Food today", (a.day.total_is_lower_bound() ? "at least " : "") + to_string(a.day.food), ""},
        {"Total today", (a.day.total_is_lower_bound() ? "at least " : "") + to_string(a.day.total),
         percent_text(a.day.percent_of_target) + " of the " + std::string(to_string(r.target_kind)) + " (" +
             to_string(r.target) + ")"}};
    for (const carried_amount& c : a.carried) rows.push_back({"  carried: " + c.name, to_string(c.amount), "by stoichiometry"});
    print_table({"", "Amount", ""}, rows, {false, true, false});
    std::cout << "\nFindings\n";
    if (a.findings.empty()) std::cout << "  (none)\n";
    for (const finding& f : a.findings) {
        std::cout << "  [" << to_string(f.severity) << "] " << f.code << ": " << f.message << "\n      evidence: "
                  << f.evidence << '\n';
    }
    std::cout << "\nThis is arithmetic on published figures, not advice.\n";
}

}  // namespace

void register_sleep_command(CLI::App& app) {
    struct state {
        life_stage_options person;
        output_format format = output_format::text;
        std::vector<std::string> supplements;
        std::vector<std::string> foods;
        food_database_options databases;
        std::string log_file;
        std::string bedtime;
        std::vector<std::string> conditions;
        std::vector<std::string> medications;
        int window_opens = 60;
        int window_closes = 30;
        double dose_range_low = 200.0;
        double dose_range_high = 400.0;
    };
    auto s = std::make_shared<state>();
    CLI::App* command = app.add_subcommand(
        "sleep", "Assess evening magnesium for sleep: dose, form, timing and safety (arithmetic, not advice)");
    s->person.add_to(*command);
    command->add_option("--bedtime", s->bedtime, "Bedtime, HH:MM (24 h)")->required();
    command->add_option("--supplement", s->supplements,
                        "A dose with its time: \"glycinate=200 mg@21:45\", \"magnesium glycinate 200 mg@21:45\" "
                        "(docs/compounds.md; repeatable)")
        ->allow_extra_args(false);
    command->add_option("--food", s->foods,
                        "A food eaten, as typed: \"1 cup black beans\", \"almonds 30g\" or FOOD=SERVING (repeatable)")
        ->allow_extra_args(false);
    s->databases.add_to(*command);
    command->add_option("--log", s->log_file,
                        "A log file, JSON or a CSV of entries (docs/log-format.md); the day is --date or the log's last day");
    command->add_option("--condition", s->conditions, "reduced-kidney-function")
        ->check(CLI::IsMember({"reduced-kidney-function"}, CLI::ignore_case));
    command->add_option("--medication", s->medications,
                        "bisphosphonate, tetracycline or quinolone (repeatable; common drug names are accepted)");
    command->add_option("--window-opens", s->window_opens,
                        "The dose window opens this many minutes before bed (default 60)")
        ->check(CLI::Range(0, 600));
    command->add_option("--window-closes", s->window_closes,
                        "The dose window closes this many minutes before bed (default 30)")
        ->check(CLI::Range(0, 600));
    command->add_option("--dose-range-low", s->dose_range_low,
                        "Low end of the evening dose range, mg elemental (default 200, a convention)")
        ->check(CLI::Range(0.0, limits::max_elemental_mg_per_dose));
    command->add_option("--dose-range-high", s->dose_range_high,
                        "High end of the evening dose range, mg elemental (default 400, a convention)")
        ->check(CLI::Range(0.0, limits::max_elemental_mg_per_dose));
    add_format_option(*command, s->format);
    command->callback([s] {
        sleep_context context;
        context.bedtime = parse_time_of_day(s->bedtime);
        require_not_above("--window-closes", s->window_closes, "--window-opens", s->window_opens,
                          "the window opens first, e.g. --window-opens 60 --window-closes 30");
        require_not_above("--dose-range-low", s->dose_range_low, "--dose-range-high", s->dose_range_high,
                          "e.g. --dose-range-low 200 --dose-range-high 400");
        context.window_opens_minutes_before = s->window_opens;
        context.window_closes_minutes_before = s->window_closes;
        context.dose_range_low = s->dose_range_low * unit_symbols::mg;
        context.dose_range_high = s->dose_range_high * unit_symbols::mg;
        year_month_day day{};
        const intake_log log = build_log(s->person, {s->log_file, s->foods, s->supplements}, day);
        for (const std::string& m : s->medications) context.medications.push_back(parse_medication(m));
        context.reduced_kidney_function = !s->conditions.empty();
        const food_catalog catalog = build_catalog(s->databases, log);
        check_flagged_entries({s->log_file, s->foods, s->supplements}, catalog);
        const sleep_assessment assessment = assess_sleep(log, day, catalog, context);
        const life_stage stage = log.person.on(day);
        if (s->format == output_format::json) {
            std::cout << to_json(assessment, stage, day, context.bedtime) << '\n';
        } else {
            print_assessment_text(assessment, stage, day, context.bedtime);
        }
    });
}

}  // namespace mgcalc::cli
