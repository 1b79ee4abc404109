// A dietary survey's summary of a batch (mgcalc/evaluate/population.hpp; docs/population.md).
//
// Every statistic is a ratio of two weighted sums over a group's units (a mean, a share), so one
// pass adds up the sums once with the sampling weights and once with each set of replicate
// weights; the standard error then comes from how far each replicate's ratio lies from the full
// sample's. The definitions follow R's survey package (Lumley) so that tests/population/ can
// compare every number with svymean, svyciprop, svyquantile and svyby.
#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/evaluate/population.hpp>
#include <mgcalc/people/reference.hpp>

#include "detail/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc {

std::string_view to_string(population_unit unit) noexcept {
    switch (unit) {
        case population_unit::person_days: return "person-days";
        case population_unit::people: return "people";
    }
    return "person-days";
}

std::string_view to_string(population_grouping grouping) noexcept {
    switch (grouping) {
        case population_grouping::none: return "none";
        case population_grouping::life_stage: return "life stage";
        case population_grouping::person_label: return "person label";
    }
    return "none";
}

std::vector<std::string> sex_labels(std::span<const batch_person> people) {
    std::vector<std::string> labels;
    labels.reserve(people.size());
    for (const batch_person& person : people) labels.emplace_back(to_string(person.profile.sex));
    return labels;
}

namespace {

using detail::concat;

/// One unit of the summary: a person-day, or a person with the mean of their days.
struct observation {
    std::uint32_t person = 0;
    double food = 0;        // mg
    double supplement = 0;  // mg, elemental
    double total = 0;       // mg
    bool unknown_food = false;
    bool supplement_user = false;
    const reference_intakes* reference = nullptr;  // nullptr: the table has no row for them
    std::uint16_t reference_index = person_day::no_reference;  // into batch_result::references
};

// A dose of 0 mg (a product logged with no magnesium in it) does not make a magnesium supplement user.
bool uses_supplement(const person_day& day) { return day.supplement_doses > 0 && day.supplement.value() > 0; }

std::vector<observation> person_day_observations(const batch_result& batch) {
    std::vector<observation> units;
    units.reserve(batch.days.size());
    for (const person_day& day : batch.days) {
        units.push_back({.person = day.person,
                         .food = day.food.value(),
                         .supplement = day.supplement.value(),
                         .total = day.total.value(),
                         .unknown_food = day.unknown_entries > 0,
                         .supplement_user = uses_supplement(day),
                         .reference = batch.reference_of(day),
                         .reference_index = day.reference});
    }
    return units;
}

// Each person's mean over their days, and the reference intakes of their earliest day: the life
// stage at the first recall, as a survey fixes age at the interview. People come in the order of
// their first person-day in the batch.
std::vector<observation> people_observations(const batch_result& batch) {
    struct person_sums {
        observation unit;
        std::size_t days = 0;
        batch_day earliest{};
    };
    std::vector<person_sums> people;
    std::map<std::uint32_t, std::size_t> index_of_person;
    for (const person_day& day : batch.days) {
        const auto [found, is_new] = index_of_person.try_emplace(day.person, people.size());
        if (is_new) {
            people.push_back({.unit = {.person = day.person,
                                       .reference = batch.reference_of(day),
                                       .reference_index = day.reference},
                              .earliest = day.day});
        }
        person_sums& sums = people[found->second];
        if (day.day < sums.earliest) {
            sums.earliest = day.day;
            sums.unit.reference = batch.reference_of(day);
            sums.unit.reference_index = day.reference;
        }
        sums.unit.food += day.food.value();
        sums.unit.supplement += day.supplement.value();
        sums.unit.total += day.total.value();
        sums.unit.unknown_food = sums.unit.unknown_food || day.unknown_entries > 0;
        sums.unit.supplement_user = sums.unit.supplement_user || uses_supplement(day);
        ++sums.days;
    }
    std::vector<observation> units;
    units.reserve(people.size());
    for (person_sums& sums : people) {
        const double days = static_cast<double>(sums.days);
        sums.unit.food /= days;
        sums.unit.supplement /= days;
        sums.unit.total /= days;
        units.push_back(sums.unit);
    }
    return units;
}

// ---- checking the weights --------------------------------------------------------------------

std::string number_text(double value) { return detail::format_shortest(value); }
std::string count_text(std::size_t value) { return std::to_string(value); }
// Built with concat: g++ 12 reports a bogus -Wrestrict for "literal" + std::string at -O2 (GCC bugs
// 105329, 105651).
std::string column_name(std::size_t replicate) { return concat({"repweight_", count_text(replicate + 1)}); }

void check_weight(double value, std::string_view what, std::uint32_t person) {
    // `!(value >= 0)` also catches NaN.
    if (!(value >= 0) || !std::isfinite(value)) {
        throw error(errc::invalid_amount, concat({what, " of person ", count_text(person), " is ", number_text(value),
                                                  ": a weight must be a finite number, 0 or more"}));
    }
}

/// Throws unless every person of the batch (indices below `people`) has a weight in every column.
void check_weights(const survey_weights& weights, std::size_t people) {
    const std::string highest = count_text(people - 1);
    if (!weights.sampling.empty() && weights.sampling.size() < people) {
        throw error(errc::parse_error, concat({"the sampling weights have ", count_text(weights.sampling.size()),
                                               " values, but the batch has person ", highest,
                                               " (counting from 0): give one weight per person, in the batch's order"}));
    }
    for (std::size_t p = 0; p < weights.sampling.size(); ++p) {
        check_weight(weights.sampling[p], "the sampling weight", static_cast<std::uint32_t>(p));
    }
    for (std::size_t r = 0; r < weights.replicates.size(); ++r) {
        const std::vector<double>& column = weights.replicates[r];
        if (!weights.sampling.empty() && column.size() != weights.sampling.size()) {
            throw error(errc::parse_error,
                        concat({"replicate weight column ", column_name(r), " has ", count_text(column.size()),
                                " values, but the sampling weights have ", count_text(weights.sampling.size()),
                                ": every column needs one weight per person"}));
        }
        if (column.size() < people) {
            throw error(errc::parse_error, concat({"replicate weight column ", column_name(r), " has ",
                                                   count_text(column.size()), " values, but the batch has person ",
                                                   highest, " (counting from 0): give one weight per person"}));
        }
        for (std::size_t p = 0; p < column.size(); ++p) {
            check_weight(column[p], concat({"replicate weight ", column_name(r)}), static_cast<std::uint32_t>(p));
        }
    }
    if (!weights.replicates.empty() && !(weights.scale > 0 && std::isfinite(weights.scale))) {
        throw error(errc::invalid_amount, concat({"the replicate variance scale is ", number_text(weights.scale),
                                                  ": it must be a finite number above 0 (JK1: (R-1)/R, "
                                                  "bootstrap: 1/(R-1), BRR: 1/R)"}));
    }
    if (!weights.replicate_scales.empty() && weights.replicate_scales.size() != weights.replicates.size()) {
        throw error(errc::parse_error, concat({"there are ", count_text(weights.replicate_scales.size()),
                                               " replicate scales for ", count_text(weights.replicates.size()),
                                               " replicate weight columns: give one per column, or none for all 1"}));
    }
    for (std::size_t r = 0; r < weights.replicate_scales.size(); ++r) {
        const double value = weights.replicate_scales[r];
        if (!(value >= 0) || !std::isfinite(value)) {
            throw error(errc::invalid_amount, concat({"the replicate scale of ", column_name(r), " is ",
                                                      number_text(value), ": it must be a finite number, 0 or more"}));
        }
    }
}

// ---- weighted sums and the estimates made of them --------------------------------------------

/// A group's weighted sums under one set of weights: the sampling weights or one replicate's.
struct weighted_sums {
    double weight = 0;
    double food = 0;
    double supplement = 0;
    double total = 0;
    double with_ear = 0;       // the weight of the units with an EAR ...
    double below_ear = 0;      // ... and of those among them below it
    double users_with_ul = 0;  // the weight of the supplement users with a UL ...
    double over_ul = 0;        // ... and of those among them over it
};

bool has_ear(const observation& unit) { return unit.reference && unit.reference->ear; }
bool has_ul(const observation& unit) { return unit.reference && unit.reference->ul_supplemental; }
// Strictly below the EAR and strictly over the UL, as evaluate() finds a day (evaluation.hpp).
bool is_below_ear(const observation& unit) { return unit.total < unit.reference->ear->value(); }
bool is_over_ul(const observation& unit) { return unit.supplement > unit.reference->ul_supplemental->value(); }

/// `weight_of_person` empty: every person weighs 1.
weighted_sums add_up(std::span<const observation* const> members, std::span<const double> weight_of_person) {
    weighted_sums sums;
    for (const observation* unit : members) {
        const double w = weight_of_person.empty() ? 1.0 : weight_of_person[unit->person];
        sums.weight += w;
        sums.food += w * unit->food;
        sums.supplement += w * unit->supplement;
        sums.total += w * unit->total;
        if (has_ear(*unit)) {
            sums.with_ear += w;
            if (is_below_ear(*unit)) sums.below_ear += w;
        }
        if (unit->supplement_user && has_ul(*unit)) {
            sums.users_with_ul += w;
            if (is_over_ul(*unit)) sums.over_ul += w;
        }
    }
    return sums;
}

// A ratio of weighted sums; empty where the denominator has no weight (nothing to average over).
std::optional<double> ratio(double numerator, double denominator) {
    if (!(denominator > 0)) return std::nullopt;
    return numerator / denominator;
}

using estimate_of = std::optional<double> (*)(const weighted_sums&);
std::optional<double> mean_food(const weighted_sums& s) { return ratio(s.food, s.weight); }
std::optional<double> mean_supplement(const weighted_sums& s) { return ratio(s.supplement, s.weight); }
std::optional<double> mean_total(const weighted_sums& s) { return ratio(s.total, s.weight); }
std::optional<double> share_below_ear(const weighted_sums& s) { return ratio(s.below_ear, s.with_ear); }
std::optional<double> share_over_ul(const weighted_sums& s) { return ratio(s.over_ul, s.users_with_ul); }

/// sqrt(scale x sum_r rscale_r x (theta_r - theta)^2), centred on the full-sample estimate theta
/// (survey::svrVar with mse = TRUE). Empty without replicates, or where a replicate gives the
/// estimate's denominator no weight: survey would drop that replicate with a warning and so
/// understate the error; mgcalc reports none instead.
std::optional<double> standard_error(estimate_of estimate, double full_sample, std::span<const weighted_sums> replicates,
                                     const survey_weights& weights) {
    if (replicates.empty()) return std::nullopt;
    double sum = 0;
    for (std::size_t r = 0; r < replicates.size(); ++r) {
        const std::optional<double> theta = estimate(replicates[r]);
        if (!theta) return std::nullopt;
        const double rscale = weights.replicate_scales.empty() ? 1.0 : weights.replicate_scales[r];
        sum += rscale * (*theta - full_sample) * (*theta - full_sample);
    }
    return std::sqrt(weights.scale * sum);
}

survey_estimate<milligrams> amount_estimate(estimate_of estimate, const weighted_sums& full,
                                            std::span<const weighted_sums> replicates, const survey_weights& weights) {
    // The caller has checked that the group has weight, so a mean exists.
    const double value = *estimate(full);
    const std::optional<double> se = standard_error(estimate, value, replicates, weights);
    return {.estimate = milligrams::from_value(value),
            .standard_error = se ? std::optional<milligrams>(milligrams::from_value(*se)) : std::nullopt};
}

std::optional<survey_estimate<double>> share_estimate(estimate_of estimate, const weighted_sums& full,
                                                      std::span<const weighted_sums> replicates,
                                                      const survey_weights& weights) {
    const std::optional<double> value = estimate(full);
    if (!value) return std::nullopt;
    return survey_estimate<double>{.estimate = *value,
                                   .standard_error = standard_error(estimate, *value, replicates, weights)};
}

// ---- percentiles -----------------------------------------------------------------------------

/// The smallest total whose weighted cumulative share F(x) = (weight of units with total <= x) /
/// (all weight) is at least p: the lower end of the quantile interval, survey::svyquantile's
/// default qrule = "math". Units of weight 0 are left out, as survey does. The running sum is
/// kept in long double and each step stored as a double, as R's cumsum and sum do, so that a
/// percentile that falls exactly on a boundary is decided as R decides it.
std::array<intake_percentile, population_percents.size()> percentiles_of(std::span<const observation* const> members,
                                                                           std::span<const double> weight_of_person) {
    std::vector<std::pair<double, double>> totals;  // (total, weight)
    totals.reserve(members.size());
    for (const observation* unit : members) {
        const double w = weight_of_person.empty() ? 1.0 : weight_of_person[unit->person];
        if (w > 0) totals.emplace_back(unit->total, w);
    }
    std::sort(totals.begin(), totals.end());
    std::vector<double> cumulative(totals.size());
    long double running = 0;
    for (std::size_t i = 0; i < totals.size(); ++i) {
        running += totals[i].second;
        cumulative[i] = static_cast<double>(running);
    }
    const double all_weight = static_cast<double>(running);

    std::array<intake_percentile, population_percents.size()> percentiles{};
    for (std::size_t k = 0; k < population_percents.size(); ++k) {
        const double p = population_percents[k] / 100.0;
        std::size_t i = 0;
        while (i + 1 < totals.size() && cumulative[i] / all_weight < p) ++i;
        percentiles[k] = {.percent = population_percents[k], .total = milligrams::from_value(totals[i].first)};
    }
    return percentiles;
}

// ---- one group's statistics ------------------------------------------------------------------

population_statistics statistics_of(std::span<const observation* const> members, const survey_weights& weights,
                                    std::string_view whose, population_unit unit) {
    population_statistics s;
    s.units = members.size();
    for (const observation* o : members) {
        if (o->unknown_food) ++s.units_with_unknown_food;
        if (!o->reference) ++s.units_without_reference;
        if (o->reference && !o->reference->ear) ++s.units_without_ear;
        if (o->supplement_user) ++s.supplement_users;
        if (o->supplement_user && !has_ul(*o)) ++s.supplement_users_without_ul;
    }

    const weighted_sums full = add_up(members, weights.sampling);
    if (!(full.weight > 0)) {
        const bool one = members.size() == 1;
        const std::string_view what = unit == population_unit::people ? (one ? "person" : "people")
                                                                       : (one ? "person-day" : "person-days");
        const std::string units = concat({count_text(members.size()), " ", what});
        throw error(errc::invalid_amount,
                    concat({whose, " has ", units, " whose sampling weights add up to 0: a weighted mean needs weight; "
                            "give them weights above 0 or leave them out"}));
    }
    std::vector<weighted_sums> replicates;
    replicates.reserve(weights.replicates.size());
    for (const std::vector<double>& column : weights.replicates) replicates.push_back(add_up(members, column));

    s.weight = full.weight;
    s.mean_food = amount_estimate(mean_food, full, replicates, weights);
    s.mean_supplement = amount_estimate(mean_supplement, full, replicates, weights);
    s.mean_total = amount_estimate(mean_total, full, replicates, weights);
    s.total_percentiles = percentiles_of(members, weights.sampling);
    s.below_ear = share_estimate(share_below_ear, full, replicates, weights);
    s.users_over_ul = share_estimate(share_over_ul, full, replicates, weights);
    return s;
}

bool same_values(const reference_intakes& a, const reference_intakes& b) {
    return a.target == b.target && a.target_kind == b.target_kind && a.ear == b.ear &&
           a.ul_supplemental == b.ul_supplemental;
}

/// Each reference's life-stage group: "IOM 1997 / Females 19-30 y". Some tables give men and
/// women rows of the same label with other values (EFSA 2015 ">= 18 years": AI 350 mg for men,
/// 300 mg for women); a label that stands for rows of different values in this batch gets the
/// row's target, "EFSA 2015 / >= 18 years (AI 300 mg)", so that no group mixes two rows. Rows
/// with the same values and label (a pregnancy row used with a note) stay one group.
std::vector<std::string> life_stage_labels(const std::vector<reference_intakes>& references) {
    std::vector<std::string> labels;
    labels.reserve(references.size());
    for (const reference_intakes& r : references) labels.push_back(concat({r.authority, " / ", r.life_stage}));
    std::vector<std::string> distinct = labels;
    for (std::size_t i = 0; i < references.size(); ++i) {
        for (std::size_t j = 0; j < references.size(); ++j) {
            if (labels[i] == labels[j] && !same_values(references[i], references[j])) {
                const reference_intakes& r = references[i];
                distinct[i] = concat({labels[i], " (", to_string(r.target_kind), " ", to_string(r.target), ")"});
                break;
            }
        }
    }
    return distinct;
}

}  // namespace

population_summary summarize_population(const batch_result& batch, const population_options& options) {
    if (batch.days.empty()) {
        throw error(errc::invalid_amount, "the batch has no person-days: there is nothing to summarize");
    }
    std::uint32_t highest_person = 0;
    for (std::size_t i = 0; i < batch.days.size(); ++i) {
        const person_day& day = batch.days[i];
        highest_person = std::max(highest_person, day.person);
        if (day.reference != person_day::no_reference && day.reference >= batch.references.size()) {
            throw error(errc::parse_error,
                        concat({"person-day ", count_text(i), " (person ", count_text(day.person), ") uses reference row ",
                                count_text(day.reference), ", but the batch has ", count_text(batch.references.size()),
                                " reference rows (counting from 0)"}));
        }
    }
    const std::size_t people = std::size_t{highest_person} + 1;
    check_weights(options.weights, people);
    if (options.group_by == population_grouping::person_label && options.person_labels.size() < people) {
        throw error(errc::parse_error, concat({"the person labels have ", count_text(options.person_labels.size()),
                                               " values, but the batch has person ", count_text(highest_person),
                                               " (counting from 0): give one label per person"}));
    }

    const std::vector<observation> units = options.unit == population_unit::people ? people_observations(batch)
                                                                                    : person_day_observations(batch);
    std::vector<const observation*> everyone;
    everyone.reserve(units.size());
    for (const observation& unit : units) everyone.push_back(&unit);

    population_summary summary;
    summary.unit = options.unit;
    summary.grouped_by = options.group_by;
    summary.replicates = options.weights.replicates.size();
    summary.overall = statistics_of(everyone, options.weights, "the population", options.unit);
    if (options.group_by == population_grouping::none) return summary;

    const std::vector<std::string> reference_labels = options.group_by == population_grouping::life_stage
                                                          ? life_stage_labels(batch.references)
                                                          : std::vector<std::string>{};
    std::vector<std::string> labels;
    std::vector<std::vector<const observation*>> members;
    std::map<std::string, std::size_t, std::less<>> index_of_label;
    for (const observation& unit : units) {
        const std::string_view label = options.group_by == population_grouping::person_label
                                           ? std::string_view(options.person_labels[unit.person])
                                       : unit.reference ? std::string_view(reference_labels[unit.reference_index])
                                                        : std::string_view("no reference");
        auto found = index_of_label.find(label);
        if (found == index_of_label.end()) {
            found = index_of_label.emplace(std::string(label), labels.size()).first;
            labels.emplace_back(label);
            members.emplace_back();
        }
        members[found->second].push_back(&unit);
    }
    for (std::size_t g = 0; g < labels.size(); ++g) {
        const std::string whose = concat({"the group ", detail::quoted(labels[g])});
        summary.groups.push_back({.label = labels[g],
                                  .statistics = statistics_of(members[g], options.weights, whose, options.unit)});
    }
    return summary;
}

// ---- JSON ------------------------------------------------------------------------------------

namespace {

// Ordered, so that members keep the order written here, as src/io/json.cpp does. Numbers are not
// rounded: the summary is read by programs that go on computing with it.
using json = nlohmann::ordered_json;

json amount_json(const survey_estimate<milligrams>& amount) {
    return json{{"estimate_mg", amount.estimate.value()},
                {"standard_error_mg", amount.standard_error ? json(amount.standard_error->value()) : json(nullptr)}};
}

json share_json(const std::optional<survey_estimate<double>>& share) {
    if (!share) return nullptr;
    return json{{"estimate", share->estimate},
                {"standard_error", share->standard_error ? json(*share->standard_error) : json(nullptr)}};
}

json statistics_json(const population_statistics& s) {
    json percentiles = json::array();
    for (const intake_percentile& p : s.total_percentiles) {
        percentiles.push_back(json{{"percent", p.percent}, {"total_mg", p.total.value()}});
    }
    return json{{"units", s.units},
                {"weight", s.weight},
                {"units_with_unknown_food", s.units_with_unknown_food},
                {"mean_food", amount_json(s.mean_food)},
                {"mean_supplement", amount_json(s.mean_supplement)},
                {"mean_total", amount_json(s.mean_total)},
                {"total_percentiles", std::move(percentiles)},
                {"units_without_reference", s.units_without_reference},
                {"units_without_ear", s.units_without_ear},
                {"below_ear", share_json(s.below_ear)},
                {"supplement_users", s.supplement_users},
                {"supplement_users_without_ul", s.supplement_users_without_ul},
                {"users_over_ul", share_json(s.users_over_ul)}};
}

}  // namespace

std::string to_json(const population_summary& summary) {
    json groups = json::array();
    for (const population_group& group : summary.groups) {
        groups.push_back(json{{"label", group.label}, {"statistics", statistics_json(group.statistics)}});
    }
    const json document{{"unit", to_string(summary.unit)},
                        {"grouped_by", to_string(summary.grouped_by)},
                        {"replicates", summary.replicates},
                        {"overall", statistics_json(summary.overall)},
                        {"groups", std::move(groups)}};
    return document.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace mgcalc
