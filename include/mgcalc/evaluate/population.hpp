// mgcalc/evaluate/population.hpp - a dietary survey's summary of a batch (batch.hpp): weighted mean
// intakes, percentiles of the total, the share below the EAR (the EAR cut-point method) and the
// share of supplement users over the supplemental UL, overall and by group, with standard errors
// from replicate weights.
//
// The formulas, their assumptions and what this is not (no usual-intake modelling: not the NCI
// method, not SPADE) are in docs/population.md; tests/population/ checks every number against R's
// survey package (Lumley). Not in <mgcalc/mgcalc.hpp>: it brings batch.hpp and <chrono>.
#pragma once

#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/units.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

/// What one observation of the summary is.
enum class population_unit {
    /// Every person-day as recorded: the distribution of single days, wider than that of usual
    /// intakes (docs/population.md, "One day is not usual intake").
    person_days,
    /// Each person once, with the mean of their recorded days. Their life-stage group and
    /// reference intakes are those of their earliest day.
    people,
};
/// "person-days" or "people".
std::string_view to_string(population_unit unit) noexcept;

/// A survey's weights, one value per person: index i is the person with index i in the batch.
struct survey_weights {
    /// Each person's sampling weight (the number of people they stand for); empty: all weigh 1.
    std::vector<double> sampling{};
    /// Replicate weights, `replicates[r][person]`: R's columns repweight_1..repweight_R. Whole
    /// weights that already include the sampling weight, as survey::svrepdesign's
    /// combined.weights = TRUE reads them. Empty: no standard errors.
    std::vector<std::vector<double>> replicates{};
    /// The replicate method's constant: variance = scale x sum over r of replicate_scales[r] x
    /// (estimate with replicate r - full-sample estimate)^2, survey::svrepdesign's `scale` with
    /// mse = TRUE. JK1: (R-1)/R; bootstrap: 1/(R-1); BRR: 1/R; Fay's BRR: 1/(R (1-rho)^2).
    double scale = 1.0;
    /// svrepdesign's `rscales`, one per replicate (JKn: (n_h-1)/n_h of the replicate's stratum);
    /// empty: all 1.
    std::vector<double> replicate_scales{};
};

/// How the units are split into groups, besides the whole population.
enum class population_grouping {
    none,
    /// By the reference intakes' table and row: "IOM 1997 / Females 19-30 y". A label that two
    /// rows of different values share (EFSA 2015 ">= 18 years" for men and for women) gets the
    /// row's target: "EFSA 2015 / >= 18 years (AI 300 mg)". Units without a reference form the
    /// group "no reference".
    life_stage,
    /// By a label given for each person (population_options::person_labels): sex, region, ...
    person_label,
};
/// "none", "life stage" or "person label".
std::string_view to_string(population_grouping grouping) noexcept;

struct population_options {
    population_unit unit = population_unit::person_days;
    survey_weights weights{};
    population_grouping group_by = population_grouping::none;
    /// For group_by = person_label: each person's group, index = person (sex_labels() for sex).
    std::vector<std::string> person_labels{};
};

/// Each person's sex as a group label, "female" or "male", for population_grouping::person_label.
std::vector<std::string> sex_labels(std::span<const batch_person> people);

/// A weighted estimate and its standard error from the replicate weights.
template <class Value>
struct survey_estimate {
    Value estimate;
    /// Empty without replicate weights, or where a replicate gives the group no weight at all.
    std::optional<Value> standard_error;
};

/// The percents of the population percentiles, in the order population_statistics lists them.
inline constexpr std::array<int, 7> population_percents = {5, 10, 25, 50, 75, 90, 95};

struct intake_percentile {
    int percent;      ///< 5 for the 5th percentile
    milligrams total; ///< the smallest total whose weighted cumulative share is at least percent/100
};

/// The statistics of the whole population or of one group. Shares are fractions from 0 to 1.
struct population_statistics {
    std::size_t units = 0;                 ///< person-days or people
    double weight = 0;                     ///< their sampling weights added up
    /// Units whose food total misses entries without a magnesium value: their totals, and so the
    /// means and percentiles, are lower bounds.
    std::size_t units_with_unknown_food = 0;
    survey_estimate<milligrams> mean_food{};
    survey_estimate<milligrams> mean_supplement{};  ///< over every unit, users or not
    survey_estimate<milligrams> mean_total{};
    std::array<intake_percentile, population_percents.size()> total_percentiles{};

    /// Units without reference intakes (the authority's table has no row for them): left out of
    /// both shares below.
    std::size_t units_without_reference = 0;
    /// Units whose reference intakes set no EAR (IOM infants, EFSA, ...): left out of below_ear.
    std::size_t units_without_ear = 0;
    /// The EAR cut-point method: the weighted share, among the units with an EAR, whose total is
    /// below it. Empty where no unit with weight has an EAR.
    std::optional<survey_estimate<double>> below_ear{};

    /// Units with supplemental magnesium (a dose logged, and more than 0 mg of magnesium in it).
    std::size_t supplement_users = 0;
    /// Supplement users without a supplemental UL (no reference, or the table sets none).
    std::size_t supplement_users_without_ul = 0;
    /// The weighted share, among supplement users with a supplemental UL, whose supplemental
    /// magnesium is over it; food never counts toward it (IOM 1997). Empty where no such user
    /// has weight.
    std::optional<survey_estimate<double>> users_over_ul{};
};

struct population_group {
    std::string label;  ///< "IOM 1997 / Females 19-30 y", "female", ...
    population_statistics statistics;
};

struct population_summary {
    population_unit unit = population_unit::person_days;
    population_grouping grouped_by = population_grouping::none;
    std::size_t replicates = 0;  ///< replicate weights the standard errors come from; 0: none
    population_statistics overall{};
    /// In the order each group's first unit comes in the batch; empty for grouping none.
    std::vector<population_group> groups{};
};

/// The summary of a batch. Throws mgcalc::error: invalid_amount for a weight, replicate weight,
/// scale or replicate scale that is negative or not finite, and for a population or group whose
/// weights add up to 0; parse_error for weight or label columns of the wrong length, and for a
/// person-day whose reference index is not one of batch.references.
population_summary summarize_population(const batch_result& batch, const population_options& options = {});

/// The summary as a JSON object (docs/population.md, "JSON"): amounts in mg and shares from 0 to
/// 1 as plain, unrounded numbers; null where a value is absent.
std::string to_json(const population_summary& summary);

}  // namespace mgcalc
