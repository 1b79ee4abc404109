// Shared pieces of the mgcalc command: output format, life-stage options, JSON and table helpers.
#pragma once

#include <mgcalc/evaluation.hpp>
#include <mgcalc/life_stage.hpp>
#include <mgcalc/reference.hpp>
#include <mgcalc/units.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace mgcalc::cli {

using json = nlohmann::ordered_json;

enum class output_format { text, json };

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

    void add_to(CLI::App& command);
    /// Builds the life stage; throws mgcalc::error for bad or missing values.
    life_stage resolve() const;
};

/// A number of milligrams for JSON, rounded to 0.01 mg so output is stable and readable.
double json_mg(milligrams amount);
json optional_mg(const std::optional<milligrams>& amount);
json reference_json(const reference_intakes& reference, const life_stage& stage);

/// Prints a plain-text table with a header row; columns listed in `right_aligned` are
/// right-aligned (numbers).
void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                 const std::vector<bool>& right_aligned);
std::string mg_text(milligrams amount);
std::string optional_mg_text(const std::optional<milligrams>& amount, const std::string& when_empty);
void print_reference_text(const reference_intakes& reference, const life_stage& stage);

// Commands: each registers its subcommand and the callback that runs it.
void register_reference_command(CLI::App& app);
void register_compounds_command(CLI::App& app);
void register_report_command(CLI::App& app);

}  // namespace mgcalc::cli
