// Evaluating a log day by day (mgcalc/evaluate/log_evaluation.hpp; docs/log-evaluation.md).
//
// Each day is evaluated with the profile as it was on that date: age from the birth date (or the
// stated age moved to the date) and pregnancy/lactation by date range (profile::on). Re-scoring a
// past day with today's age is the CRON-o-Meter pitfall (docs/model.md).
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/foods/database.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/foods/serving.hpp>
#include <mgcalc/chemistry/supplement.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace mgcalc {

namespace {

/// An error of a day's profile ("day 2024-03-10: ") or of an entry ("day 2024-03-10, entry 2: ",
/// 1-based), placed in its day and entry.
[[noreturn]] void rethrow_in_day(const error& e, year_month_day date, std::size_t entry_number = 0) {
    throw e.within(error_location{.day = to_string(date), .entry = entry_number});
}

const supplement_product& find_product(const intake_log& log, std::string_view id) {
    const auto found = std::find_if(log.products.begin(), log.products.end(),
                                    [id](const supplement_product& p) { return p.id == id; });
    if (found != log.products.end()) return *found;
    std::vector<std::string> ids;
    for (const supplement_product& p : log.products) ids.push_back(p.id);
    throw error(errc::parse_error, "no supplement product has the id " + detail::quoted(id) +
                                       (ids.empty() ? std::string("; the log defines no supplement products")
                                                    : "; the log's products are: " + detail::join(ids)));
}

/// A product entry's amount: a count of units, "3" or "3 capsules" (the product's unit, singular
/// or plural). Elemental magnesium = count x the label's elemental amount per unit.
supplement_dose product_dose(const supplement_product& product, std::string_view amount) {
    const std::string_view text = detail::trim(amount);
    const std::size_t space = text.find_first_of(" \t");
    const std::string_view count_text = text.substr(0, space);
    const std::string unit_text =
        detail::to_lower(space == std::string_view::npos ? std::string_view{} : detail::trim(text.substr(space)));
    const std::string unit = detail::to_lower(product.unit);
    const std::string expected = "a count of " + product.unit + "s of " + detail::quoted(product.id) +
                                 ", e.g. \"2\" or \"2 " + product.unit + "s\"";

    const std::optional<double> count = detail::parse_decimal(count_text);
    if (!count) {
        throw error(errc::parse_error, "product amount " + detail::quoted(text) + " is not a count: expected " + expected);
    }
    if (!std::isfinite(*count) || *count < 0) {
        throw error(errc::invalid_amount,
                    "product amount " + detail::quoted(text) + " is not accepted: expected " + expected);
    }
    if (!unit_text.empty() && unit_text != unit && unit_text != unit + "s" && unit_text != unit + "es") {
        throw error(errc::parse_error, "product amount " + detail::quoted(text) + " counts " +
                                           detail::quoted(unit_text) + ", but " + detail::quoted(product.id) +
                                           " is labelled per " + product.unit + ": expected " + expected);
    }
    // The label states elemental magnesium per unit (21 CFR 101.36), so the dose is elemental.
    return supplement_dose(get_compound(product.compound), *count * product.elemental_per_unit, dose_basis::elemental);
}

/// What the person typed, as reports echo it: the phrase, or "ITEM=AMOUNT" (the form of the
/// command line's flags), with "@HH:MM" when a time was logged.
std::string typed_input(const log_entry& entry) {
    std::string input = entry.phrase.empty() ? entry.item + "=" + entry.amount : entry.phrase;
    if (entry.time) input += "@" + to_string(*entry.time);
    return input;
}

void add_entry(day_intake& intake, const intake_log& log, const log_entry& entry, const food_catalog& catalog) {
    std::string input = typed_input(entry);
    switch (entry.kind) {
        case log_entry_kind::food: {
            resolved_food_entry food = entry.phrase.empty() ? resolve_food_entry(catalog, entry.item, entry.amount)
                                                            : resolve_food_entry(catalog, entry.phrase);
            food.choice.typed = std::move(input);
            intake.add_food(std::move(food));
            return;
        }
        case log_entry_kind::supplement: {
            const std::string dose = entry.phrase.empty() ? std::string(detail::trim(entry.item)) + "=" +
                                                                std::string(detail::trim(entry.amount))
                                                          : entry.phrase;
            intake.add_supplement(parse_supplement_dose(dose), std::move(input), entry.time);
            return;
        }
        case log_entry_kind::product: {
            const supplement_product& product = find_product(log, detail::trim(entry.item));
            intake.add_supplement(product_dose(product, entry.amount), std::move(input), entry.time, product.name);
            return;
        }
    }
    throw error(errc::parse_error, "an entry has an unknown kind; expected food, supplement or product");
}

/// The life stage on the day; an error names the date (a day before the birth date, pregnancy
/// on a day the person was 9, ...).
life_stage stage_on(const profile& person, year_month_day date) {
    try {
        return person.on(date);
    } catch (const error& e) {
        rethrow_in_day(e, date);
    }
}

}  // namespace

std::shared_ptr<const food_database> custom_food_database(const intake_log& log) {
    auto table = std::make_shared<food_table>("log");
    // food_table::add sets an empty food::source to "log" and rejects empty or duplicate ids.
    for (const food& item : log.custom_foods) table->add(item);
    return table;
}

void add_typed_entry(day_intake& day, log_entry_kind kind, std::string_view typed, const food_catalog& catalog) {
    // An empty log: a typed entry names no product and no custom food of a log.
    add_entry(day, intake_log{}, read_log_entry(kind, typed), catalog);
}

day_intake resolve_day(const intake_log& log, const log_day& day, const food_catalog& catalog) {
    day_intake intake;
    for (std::size_t i = 0; i < day.entries.size(); ++i) {
        try {
            add_entry(intake, log, day.entries[i], catalog);
        } catch (const error& e) {
            rethrow_in_day(e, day.date, i + 1);
        }
    }
    return intake;
}

period_evaluation evaluate_log(const intake_log& log, const food_catalog& catalog, std::optional<year_month_day> from,
                               std::optional<year_month_day> to) {
    // The days in date order. A log should already be in order with one day per date; a second
    // day with the same date would be counted twice in the means, so it is an error.
    std::vector<const log_day*> ordered;
    ordered.reserve(log.days.size());
    for (const log_day& day : log.days) {
        if (!day.date.ok()) {
            throw error(errc::invalid_date, "the log has a day dated " + to_string(day.date) +
                                                ", which does not exist; expected a valid YYYY-MM-DD date");
        }
        ordered.push_back(&day);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const log_day* a, const log_day* b) { return a->date < b->date; });
    for (std::size_t i = 1; i < ordered.size(); ++i) {
        if (ordered[i]->date == ordered[i - 1]->date) {
            throw error(errc::invalid_date, "the log has two days dated " + to_string(ordered[i]->date) +
                                                "; merge their entries into one day");
        }
    }

    if (!from && !ordered.empty()) from = ordered.front()->date;
    if (!to && !ordered.empty()) to = ordered.back()->date;
    if (!from) from = to;
    if (!to) to = from;
    if (!from || !to) {
        throw error(errc::invalid_date, "the log has no days, so the period has no first or last day; "
                                        "give the dates to evaluate (from and to)");
    }
    for (const year_month_day& bound : {*from, *to}) {
        if (!bound.ok()) {
            throw error(errc::invalid_date, "the period bound " + to_string(bound) +
                                                " does not exist; expected a valid YYYY-MM-DD date");
        }
    }
    if (*to < *from) {
        throw error(errc::invalid_date, "the period ends (" + to_string(*to) + ") before it starts (" +
                                            to_string(*from) + "); give from on or before to");
    }

    period_evaluation period;
    period_summary& summary = period.summary;
    summary.from = *from;
    summary.to = *to;
    milligrams food_sum = milligrams::from_value(0.0);
    milligrams supplemental_sum = milligrams::from_value(0.0);
    milligrams total_sum = milligrams::from_value(0.0);
    for (const log_day* day : ordered) {
        if (day->date < *from || *to < day->date) continue;
        life_stage stage = stage_on(log.person, day->date);
        evaluation result = evaluate(resolve_day(log, *day, catalog), stage, log.person.authority);

        food_sum += result.food;
        supplemental_sum += result.supplement;
        total_sum += result.total;
        if (result.status == intake_status::below_ear) ++summary.days_below_ear;
        // Below the target: below the RDA (which includes below the EAR) or below an infant's AI.
        if (result.status != intake_status::meets_target) {
            ++summary.days_below_target;
        }
        if (result.over_ul) ++summary.days_over_ul;
        // A recipe with an unknown ingredient makes the total a lower bound just as an unknown food does.
        if (result.total_is_lower_bound()) ++summary.days_with_unknown_entries;

        period.days.push_back(day_result{day->date, std::move(stage), std::move(result)});
    }
    summary.days = period.days.size();
    if (summary.days > 0) {
        // Means over logged days: a date without a log day is not a day with zero intake.
        const double days = static_cast<double>(summary.days);
        summary.mean_food = food_sum / days;
        summary.mean_supplement = supplemental_sum / days;
        summary.mean_total = total_sum / days;
    }
    return period;
}

}  // namespace mgcalc
