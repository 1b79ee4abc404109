// Shared pieces of the mgcalc command: output format, life-stage options, table helpers.
#pragma once

#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/choice.hpp>
#include <mgcalc/format.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/intake/log.hpp>
#include <mgcalc/people/reference.hpp>
#include <mgcalc/units.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace mgcalc::cli {

enum class output_format { text, json };

/// Makes every numeric option of `app` and its commands read decimal numbers only (read_decimal):
/// CLI11 alone reads "0x10" as 16, "010" as 8 and "1e400" as infinity. Integers are handed on to
/// CLI11 in plain decimal. Call after every option is added.
void read_numbers_as_decimals(CLI::App& app);

/// Adds `--format text|json` to a command.
void add_format_option(CLI::App& command, output_format& format);

/// The options that describe a person: --sex, --age | --age-months | --birth-date [--date],
/// --pregnant, --lactating.
struct life_stage_options {
    std::string sex;
    std::optional<double> age_years;
    std::optional<double> age_months;
    std::string birth_date;
    std::string on_date;
    bool pregnant = false;
    bool lactating = false;
    std::string infant_feeding;  ///< --infant-feeding breast-fed|formula-fed
    std::string authority;       ///< --authority iom|efsa|who|uk|dach|anz; empty: the profile's, or iom

    void add_to(CLI::App& command);
    /// The authority chosen with --authority, or `fallback` when none was given.
    mgcalc::authority authority_or(mgcalc::authority fallback) const;
    /// True when any option describing the person was given (not counting --date and --authority).
    bool any_given() const;
    /// The evaluation date: --date, or today.
    year_month_day evaluation_date() const;
    /// Builds the life stage; throws mgcalc::error for bad or missing values.
    life_stage resolve() const;
    /// The same person as a log profile (age stated on the evaluation date when no birth date).
    profile to_profile() const;
};

/// --food-db fdc:DIR | sr28:DIR | csv:FILE (repeatable): databases layered over the embedded
/// USDA SR24 data, the last one given on top.
struct food_database_options {
    std::vector<std::string> specs;

    void add_to(CLI::App& command);
    /// Builds the catalog; throws mgcalc::error for a bad spec or file.
    food_catalog catalog() const;
};

/// What a command evaluates: a --log file and/or entries given with --food (a food entry as
/// typed, see mgcalc/foods/resolve.hpp) and --supplement (a dose, optionally "@HH:MM").
struct log_request {
    std::string log_file;
    std::vector<std::string> foods;
    std::vector<std::string> supplements;
};
/// The log to evaluate: the --log file (the person's flags are then an error), or the person's
/// flags as a profile; flagged entries are added to `day`, which is --date, else the log's last
/// day, else today. A log without days gets an empty `day`.
intake_log build_log(const life_stage_options& person, const log_request& request, year_month_day& day);
/// --food-db layers with the log's custom foods on top.
food_catalog build_catalog(const food_database_options& databases, const intake_log& log);
/// Reads every --food and --supplement on its own first, so that a mistake in one is reported
/// as that flag's, not as an entry of a day.
void check_flagged_entries(const log_request& request, const food_catalog& catalog);

/// A percentage at the precision of the reports (src/detail/precision.hpp): "61.9 %".
std::string percent_text(double percent);

/// Prints a plain-text table with a header row; columns listed in `right_aligned` are
/// right-aligned (numbers).
void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                 const std::vector<bool>& right_aligned);
std::string optional_mg_text(const std::optional<milligrams>& amount, const std::string& when_empty);
void print_reference_text(const reference_intakes& reference, const life_stage& stage);

// Commands: each registers its subcommand and the callback that runs it.
void register_reference_command(CLI::App& app);
void register_compounds_command(CLI::App& app);
void register_report_command(CLI::App& app);
void register_foods_command(CLI::App& app);
void register_sleep_command(CLI::App& app);
void register_batch_command(CLI::App& app);

}  // namespace mgcalc::cli
