#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/format.hpp>

#include "detail/text.hpp"

#include <range/v3/algorithm/all_of.hpp>
#include <range/v3/algorithm/stable_sort.hpp>
#include <range/v3/numeric/accumulate.hpp>
#include <range/v3/view/transform.hpp>

#include <optional>
#include <string>
#include <utility>

namespace mgcalc {

namespace {

using detail::format_number;

// Fraction of ingested magnesium absorbed from a mixed diet: ~30% (Blancquaert, Vervaet &
// Derave, Nutrients 11(7):1663, 2019); NIH ODS states 30-40%. Used only for the labelled
// absorbed estimate, never for the totals the reference intakes are compared with.
constexpr double dietary_absorption_fraction = 0.30;

// An elemental dose above this is taken for a compound mass typed without "compound"
// ("citrate=2 g"), and warned about. 1,000 mg is nearly 3 times the adult supplemental UL of
// 350 mg (IOM 1997), and no single-dose product states grams of elemental magnesium on its
// Supplement Facts label (which declares elemental magnesium, FDA 21 CFR 101.36), whereas
// compound masses of grams are usual (Magtein labels: 2,000 mg of L-threonate for 144 mg of
// magnesium). A warning, not an error: the dose may be meant (docs/model.md, "Plausibility
// limits").
constexpr double likely_compound_mass_above_mg = 1'000.0;

/// "2 g": a milligram amount written in grams, as a compound mass is usually given.
std::string grams_text(milligrams amount) { return format_number(amount.value() / 1000.0, 3) + " g"; }

/// The dose-looks-like-compound-mass warning for an elemental dose over the threshold, if any.
std::optional<warning> compound_mass_warning(const day_intake::supplement_entry& entry) {
    const supplement_dose& dose = entry.dose;
    if (dose.basis() != dose_basis::elemental || !(dose.amount().value() > likely_compound_mass_above_mg)) {
        return std::nullopt;
    }
    const std::string given = entry.input.empty() ? dose.description() : "\"" + entry.input + "\"";
    std::string message = "supplement " + given + " is " + to_string(dose.amount()) +
                          " of elemental magnesium in one dose, more than " +
                          format_number(likely_compound_mass_above_mg, 0) +
                          " mg: no supplement holds grams of elemental magnesium, so " + grams_text(dose.amount()) +
                          " is probably the mass of the compound; ";
    const compound& form = dose.form();
    if (form.form_known) {
        message += "if so, write \"" + std::string(form.id) + "=" + grams_text(dose.amount()) + " compound\" = " +
                   to_string(elemental_magnesium(form, dose.amount())) + " elemental";
    } else {
        message += "if so, name the compound to convert it, e.g. \"citrate=" + grams_text(dose.amount()) +
                   " compound\"";
    }
    return warning{"dose-looks-like-compound-mass", message};
}

intake_status status_of(milligrams total, const reference_intakes& reference) {
    if (reference.kind == target_kind::ai) {
        return total >= reference.target ? intake_status::meets_ai : intake_status::below_ai;
    }
    if (reference.ear && total < *reference.ear) return intake_status::below_ear;
    return total < reference.target ? intake_status::below_rda : intake_status::meets_rda;
}

std::optional<absorbed_estimate> estimate_absorbed(milligrams food, const day_intake& day) {
    const auto& supplements = day.supplements();
    const bool all_estimated = ranges::all_of(
        supplements, [](const day_intake::supplement_entry& e) { return e.dose.form().bioavailability.has_value(); });
    if (!all_estimated) return std::nullopt;  // one unestimated form makes the whole estimate unknown

    auto absorbed_from = [](const day_intake::supplement_entry& e) {
        return e.dose.elemental() * (dietary_absorption_fraction * e.dose.form().bioavailability->relative_factor);
    };
    const milligrams from_supplements = ranges::accumulate(
        supplements | ranges::views::transform(absorbed_from), milligrams::from_value(0.0));
    return absorbed_estimate{
        food * dietary_absorption_fraction + from_supplements,
        "estimate: food x 30% absorbed (Blancquaert et al. 2019; NIH ODS 30-40%) plus each supplement's "
        "elemental magnesium x 30% x its relative bioavailability factor (docs/compounds.md); "
        "the reference intakes apply to the elemental totals, not to this figure"};
}

warning uncertain_match_warning(const food_entry& entry) {
    const food_choice& choice = *entry.choice;
    std::string message = detail::quoted(choice.typed) + " was read as " + detail::quoted(entry.food.description) +
                          " (" + entry.food.source + ":" + entry.food.id + ") with low confidence (" +
                          format_number(choice.confidence, 2) + ")";
    if (!choice.notes.empty()) message += ": " + detail::join(choice.notes, "; ");
    if (!choice.alternatives.empty()) {
        std::vector<std::string> others;
        for (const food_alternative& a : choice.alternatives) {
            others.push_back(detail::quoted(a.description) + " (" + a.source + ":" + a.id + ")");
        }
        message += "; other foods: " + detail::join(others, ", ");
    }
    return {"food-match-uncertain", message + "; give an id or SOURCE:ID to be sure (mgcalc foods search WORDS)"};
}

}  // namespace

std::string_view to_string(intake_status status) noexcept {
    switch (status) {
        case intake_status::below_ear: return "below-ear";
        case intake_status::below_rda: return "below-rda";
        case intake_status::meets_rda: return "meets-rda";
        case intake_status::below_ai: return "below-ai";
        case intake_status::meets_ai: return "meets-ai";
    }
    return "unknown";
}

std::string_view to_string(entry_kind kind) noexcept {
    return kind == entry_kind::food ? "food" : "supplement";
}

evaluation evaluate(const day_intake& day, const life_stage& stage) {
    evaluation result{.reference = iom_reference_intakes(stage),
                      .stage = stage,
                      .food = milligrams::from_value(0.0),
                      .unknown_entries = 0,
                      .lower_bound_entries = 0,
                      .supplemental = milligrams::from_value(0.0),
                      .total = milligrams::from_value(0.0),
                      .percent_of_target = 0.0,
                      .status = intake_status::below_ear,
                      .over_upper_limit = false,
                      .absorbed = std::nullopt,
                      .entries = {},
                      .warnings = {}};
    const reference_intakes& reference = result.reference;

    for (std::size_t i = 0; i < day.foods().size(); ++i) {
        const food_entry& entry = day.foods()[i];
        std::optional<milligrams> magnesium = magnesium_in(entry.food, entry.amount);
        if (magnesium) {
            result.food += *magnesium;
            if (entry.food.magnesium_is_lower_bound) ++result.lower_bound_entries;
        } else {
            ++result.unknown_entries;  // unknown is not zero: counted, never added
        }
        result.entries.push_back({entry_kind::food, i, entry.input,
                                   format_number(entry.amount.value(), 1) + " g " + entry.food.description,
                                   magnesium, entry.amount, entry.measure_used, entry.food.id, entry.food.source,
                                   entry.food.description, entry.choice});
    }
    for (std::size_t i = 0; i < day.supplements().size(); ++i) {
        const auto& entry = day.supplements()[i];
        const milligrams elemental = entry.dose.elemental();
        result.supplemental += elemental;
        result.entries.push_back(
            {entry_kind::supplement, i, entry.input,
             entry.product.empty() ? entry.dose.description() : entry.dose.description() + " (" + entry.product + ")",
             elemental, std::nullopt, {}, {}, {}, {}, {}});
    }

    result.total = result.food + result.supplemental;
    result.percent_of_target = result.total / reference.target * 100.0;
    result.status = status_of(result.total, reference);
    // The UL covers magnesium from supplements and medicines only; food never counts toward it
    // (IOM 1997, pp. 242-244).
    result.over_upper_limit =
        reference.supplemental_upper_limit && result.supplemental > *reference.supplemental_upper_limit;
    result.absorbed = estimate_absorbed(result.food, day);

    // Largest contribution first; unknown entries last, in logged order.
    ranges::stable_sort(result.entries, [](const entry_contribution& a, const entry_contribution& b) {
        if (a.magnesium.has_value() != b.magnesium.has_value()) return a.magnesium.has_value();
        return a.magnesium && *a.magnesium > *b.magnesium;
    });

    if (reference.kind == target_kind::ai && !day.supplements().empty()) {
        result.warnings.push_back(
            {"supplement-for-infant",
             "a magnesium supplement is logged for an infant (" + stage.age().to_string() +
                 "): no upper limit is established for infants and their magnesium should come only from "
                 "breast milk, formula and food (IOM 1997); do not give one without a clinician"});
    }
    for (const auto& entry : day.supplements()) {
        if (std::optional<warning> w = compound_mass_warning(entry)) result.warnings.push_back(std::move(*w));
    }
    if (result.over_upper_limit) {
        result.warnings.push_back(
            {"over-upper-limit",
             "supplemental magnesium " + to_string(result.supplemental) + " is over the tolerable upper intake level of " +
                 to_string(*reference.supplemental_upper_limit) + " for " + std::string(reference.life_stage_group) +
                 " (IOM 1997; it applies to supplements and medicines, not food; the critical effect is "
                 "osmotic diarrhoea)"});
    }
    // A doubtful match is never silent: the food it chose and what else it could be.
    for (const food_entry& entry : day.foods()) {
        if (entry.choice && entry.choice->uncertain()) result.warnings.push_back(uncertain_match_warning(entry));
    }
    if (result.unknown_entries > 0) {
        result.warnings.push_back(
            {"unknown-entries", std::to_string(result.unknown_entries) +
                                    (result.unknown_entries == 1 ? " food entry has" : " food entries have") +
                                    " no magnesium data: the total is a lower bound (at least " +
                                    to_string(result.total) + ")"});
    }
    if (result.lower_bound_entries > 0) {
        result.warnings.push_back(
            {"lower-bound-entries",
             std::to_string(result.lower_bound_entries) +
                 (result.lower_bound_entries == 1 ? " food entry is a recipe" : " food entries are recipes") +
                 " with an ingredient of unknown magnesium: its value, and so the total, is a lower bound (at least " +
                 to_string(result.total) + ")"});
    }
    if (!reference.note.empty()) {
        result.warnings.push_back({"reference-row", std::string(reference.note)});
    }
    return result;
}

}  // namespace mgcalc
