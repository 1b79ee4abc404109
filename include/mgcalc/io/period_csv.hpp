// mgcalc/io/period_csv.hpp - the days of a period evaluation as CSV, one row per day: the
// columns a spreadsheet needs to plot or filter days (docs/cli.md, `mgcalc report --format csv`).
//
// Opt-in: not included by <mgcalc/mgcalc.hpp>.
#pragma once

#include <mgcalc/evaluate/log_evaluation.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

/// The header row of to_period_csv, without its line feed.
inline constexpr std::string_view period_csv_header =
    "date,life_stage,target_kind,target_mg,ear_mg,ul_supplemental_mg,food_mg,supplement_mg,total_mg,"
    "total_is_lower_bound,percent_of_target,status,over_ul,unknown_entries";

/// The header and one row per day (RFC 4180, LF line ends). Amounts in mg to 0.1 mg and
/// percentages to 0.1 %, as the text and JSON reports show them; an empty field where a
/// reference is not established (an infant's EAR or UL); true or false for the flags.
std::string to_period_csv(const period_evaluation& period);

}  // namespace mgcalc
