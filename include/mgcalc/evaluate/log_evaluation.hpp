// mgcalc/evaluate/log_evaluation.hpp - evaluating a log day by day, each day with the profile as it was
// that day (age from the birth date on that date, pregnancy and lactation by date range).
#pragma once

#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/intake/log.hpp>
#include <mgcalc/units.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace mgcalc {

/// The log's custom foods as a database (source "log"), to put on top of a catalog.
std::shared_ptr<const food_database> custom_food_database(const intake_log& log);

/// Resolves one day's entries into a day_intake: foods through `catalog` (an id, SOURCE:ID or
/// search words) and parse_serving; supplements through parse_supplement_dose; products through
/// the log's supplement_products. Throws mgcalc::error, prefixed "day YYYY-MM-DD, entry N: ".
day_intake resolve_day(const intake_log& log, const log_day& day, const food_catalog& catalog);

/// Adds one entry as typed on the command line's --food or --supplement (read_log_entry's
/// grammar: words with an amount, ITEM=AMOUNT, an optional @HH:MM), resolved like a log's entry:
/// foods through `catalog`, doses through parse_supplement_dose. Throws mgcalc::error like
/// read_log_entry and resolve_day; `day` is then unchanged. What the C API's mgc_day_add_food and
/// mgc_day_add_supplement call.
void add_typed_entry(day_intake& day, log_entry_kind kind, std::string_view typed, const food_catalog& catalog);

struct day_result {
    year_month_day date;
    life_stage stage;  ///< the profile on that date
    evaluation result;
};

/// Means over the logged days of a period, and how many days fell where.
struct period_summary {
    year_month_day from;
    year_month_day to;
    std::size_t days = 0;  ///< logged days in [from, to]
    milligrams mean_food = milligrams::from_value(0.0);
    milligrams mean_supplement = milligrams::from_value(0.0);
    milligrams mean_total = milligrams::from_value(0.0);
    std::size_t days_below_ear = 0;
    std::size_t days_below_target = 0;  ///< below the RDA or AI (includes days below the EAR)
    std::size_t days_over_ul = 0;
    std::size_t days_with_unknown_entries = 0;  ///< days whose total is a lower bound
};

struct period_evaluation {
    std::vector<day_result> days;  ///< in date order
    period_summary summary;
};

/// Evaluates every logged day in [from, to] (both optional: the log's first and last day).
/// The catalog should already hold custom_food_database(log) if the log has custom foods.
period_evaluation evaluate_log(const intake_log& log, const food_catalog& catalog,
                               std::optional<year_month_day> from = std::nullopt,
                               std::optional<year_month_day> to = std::nullopt);

}  // namespace mgcalc
