// mgcalc/evaluate/evaluation.hpp - one day's magnesium intake compared with the reference intakes.
//
// Food and supplemental magnesium are kept apart because the UL applies to supplements and
// medicines only (IOM 1997, p. 242-244). Entries without magnesium data are counted, never
// added as zero: a total with unknown entries is a lower bound and says so. Header-only.
#pragma once

#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/foods/choice.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/limits.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/people/reference.hpp>
#include <mgcalc/units.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc {

/// Where the total stands against the reference intakes: below the EAR (only where the
/// authority sets one), below the target (the RDA, AI, PRI or RNI), or at or above it. Below an AI
/// adequacy cannot be judged: an AI is an observed intake, not a requirement.
enum class intake_status { below_ear, below_target, meets_target };
/// "below-ear", "below-target", "meets-target". status_code(evaluation) names the target's kind.
constexpr std::string_view to_string(intake_status status) noexcept {
    switch (status) {
        case intake_status::below_ear: return "below-ear";
        case intake_status::below_target: return "below-target";
        case intake_status::meets_target: return "meets-target";
    }
    return "unknown";
}

enum class entry_kind { food, supplement };
/// "food", "supplement".
constexpr std::string_view to_string(entry_kind kind) noexcept {
    return kind == entry_kind::food ? "food" : "supplement";
}

/// One logged entry with what it contributed.
struct entry_contribution {
    entry_kind kind;
    std::size_t index;            ///< position among the day's foods or supplements
    std::string input;            ///< what the user typed, if any
    std::string description;
    std::optional<milligrams> magnesium;  ///< elemental magnesium; empty when unknown
    std::optional<grams> amount;          ///< food entries: grams eaten
    std::string measure_used;             ///< food entries: how the serving became grams
    std::string food_id;                  ///< food entries: the food's id in its source
    std::string food_source;              ///< food entries: "usda-sr24", "fdc", "csv", "recipe", ...
    std::string food_description;         ///< food entries: the food's own description, without the amount
    std::optional<food_choice> choice;    ///< food entries typed as words: how the food was found
};

struct warning {
    std::string code;     ///< stable: "supplement-for-infant", "over-upper-limit", "unknown-entries",
                          ///< "lower-bound-entries", "reference-row", "dose-looks-like-compound-mass",
                          ///< "food-match-uncertain", "day-food-implausible"
    std::string message;
};

/// An optional, labelled estimate of magnesium absorbed: food x 30% (Blancquaert et al. 2019;
/// ODS 30-40%) plus each supplement's elemental amount x 30% x its relative bioavailability
/// factor. Reported beside the elemental totals, never instead of them.
struct absorbed_estimate {
    milligrams amount;
    std::string basis;
};

struct evaluation {
    reference_intakes reference;
    life_stage stage;                 ///< the person as evaluated: sex, exact age, pregnancy, lactation
    milligrams food;                  ///< from entries with known magnesium
    std::size_t unknown_entries;      ///< food entries with no magnesium data
    /// Food entries whose value is only a lower bound (a recipe with an ingredient of unknown
    /// magnesium): counted in `food`, but the total is then a lower bound too.
    std::size_t lower_bound_entries;
    milligrams supplement;            ///< elemental magnesium from supplements
    milligrams total;                 ///< food + supplemental (a lower bound if unknown_entries > 0)
    double percent_of_target;         ///< total / target x 100
    intake_status status;
    /// Supplemental magnesium above the supplemental UL (food never counts toward it); false
    /// where no UL is established (infants: see the supplement-for-infant warning instead).
    bool over_ul;
    /// Empty when a supplement's compound has no bioavailability estimate.
    std::optional<absorbed_estimate> absorbed;
    std::vector<entry_contribution> entries;  ///< ranked by contribution, unknown last
    std::vector<warning> warnings;

    bool total_is_lower_bound() const noexcept { return unknown_entries > 0 || lower_bound_entries > 0; }
};

// evaluate, status_code and status_sentence, and the helpers of evaluate below, are templates with
// one defaulted parameter only so that a file that includes this header and does not call them does
// not compile their bodies and the containers those instantiate (docs/performance.md, "Compile
// time"). They are called as plain functions: evaluate(day, stage).

/// Evaluates a day for a life stage against an authority's reference intakes (IOM 1997 unless
/// another is chosen). Throws mgcalc::error (not_covered) where that authority's table has no
/// value for the life stage.
template <class = void>
evaluation evaluate(const day_intake& day, const life_stage& stage, authority a = authority::iom);

/// The status with the target's kind, as the JSON and CSV documents write it: "below-ear",
/// "below-rda", "meets-rda", "below-ai", "meets-ai", "below-rni", "meets-rni", "below-pri", ...
template <class = void>
std::string status_code(const evaluation& result);
/// The status in words for reports: "below the EAR (255 mg)", "at or above the EAR, below the
/// RDA", "below the RNI", "meets the AI", "below the AI (adequacy cannot be judged below an AI)".
template <class = void>
std::string status_sentence(const evaluation& result);

// ---------------------------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------------------------

namespace detail::evaluation_rules {

// Fraction of ingested magnesium absorbed from a mixed diet: ~30% (Blancquaert, Vervaet &
// Derave, Nutrients 11(7):1663, 2019); NIH ODS states 30-40%. Used only for the labelled
// absorbed estimate, never for the totals the reference intakes are compared with.
inline constexpr double dietary_absorption_fraction = 0.30;

// An elemental dose above this is taken for a compound mass typed without "compound"
// ("citrate=2 g"), and warned about. 1,000 mg is nearly 3 times the adult supplemental UL of
// 350 mg (IOM 1997), and no single-dose product states grams of elemental magnesium on its
// Supplement Facts label (which declares elemental magnesium, FDA 21 CFR 101.36), whereas
// compound masses of grams are usual (Magtein labels: 2,000 mg of L-threonate for 144 mg of
// magnesium). A warning, not an error: the dose may be meant (docs/model.md, "Plausibility
// limits").
inline constexpr double likely_compound_mass_above_mg = 1'000.0;

// The messages below are built with concat and +=, never "literal" + std::string: g++ 12 reports
// a bogus -Wrestrict for that at -O2 (GCC bugs 105329/105651), which an application's -Werror
// would turn into an error in this header.

/// "2 g": a milligram amount written in grams, as a compound mass is usually given.
inline std::string grams_text(milligrams amount) { return concat({decimal(amount.value() / 1000.0, 3), " g"}); }

/// The dose-looks-like-compound-mass warning for an elemental dose over the threshold, if any.
template <class = void>
std::optional<warning> compound_mass_warning(const day_intake::supplement_entry& entry) {
    const supplement_dose& dose = entry.dose;
    if (dose.basis() != dose_basis::elemental || !(dose.amount().value() > likely_compound_mass_above_mg)) {
        return std::nullopt;
    }
    const std::string given = entry.input.empty() ? dose.description() : detail::quoted(entry.input);
    const std::string grams = grams_text(dose.amount());
    std::string message = concat({"supplement ", given, " is ", to_string(dose.amount()),
                                 " of elemental magnesium in one dose, more than ",
                                 decimal(likely_compound_mass_above_mg, 0),
                                 " mg: no supplement holds grams of elemental magnesium, so ", grams,
                                 " is probably the mass of the compound; "});
    const compound& form = dose.form();
    if (form.form_known()) {
        message += concat({"if so, write \"", form.id, "=", grams, " compound\" = ",
                          to_string(elemental_magnesium(form, dose.amount())), " elemental"});
    } else {
        message += concat({"if so, name the compound to convert it, e.g. \"citrate=", grams, " compound\""});
    }
    return warning{"dose-looks-like-compound-mass", std::move(message)};
}

constexpr intake_status status_of(milligrams total, const reference_intakes& reference) {
    if (reference.ear && total < *reference.ear) return intake_status::below_ear;
    return total < reference.target ? intake_status::below_target : intake_status::meets_target;
}

/// "rda", "ai", "pri", "rni".
inline std::string kind_word(target_kind kind) { return to_lower(to_string(kind)); }

template <class = void>
std::optional<absorbed_estimate> estimate_absorbed(milligrams food, const day_intake& day) {
    milligrams from_supplements = milligrams::from_value(0.0);
    for (const day_intake::supplement_entry& e : day.supplements()) {
        // One unestimated form makes the whole estimate unknown.
        if (!e.dose.form().bioavailability) return std::nullopt;
        from_supplements +=
            e.dose.elemental() * (dietary_absorption_fraction * e.dose.form().bioavailability->relative_factor);
    }
    return absorbed_estimate{
        food * dietary_absorption_fraction + from_supplements,
        "estimate: food x 30% absorbed (Blancquaert et al. 2019; NIH ODS 30-40%) plus each supplement's "
        "elemental magnesium x 30% x its relative bioavailability factor (docs/compounds.md); "
        "the reference intakes apply to the elemental totals, not to this figure"};
}

template <class = void>
warning uncertain_match_warning(const food_entry& entry) {
    const food_choice& choice = *entry.choice;
    std::string message = concat({detail::quoted(choice.typed), " was read as ", detail::quoted(entry.food.description), " (",
                                 entry.food.source, ":", entry.food.id, ") with low confidence (",
                                 decimal(choice.confidence, 2), ")"});
    if (!choice.notes.empty()) message += concat({": ", join(choice.notes, "; ")});
    if (!choice.alternatives.empty()) {
        std::vector<std::string> others;
        for (const food_alternative& a : choice.alternatives) {
            others.push_back(concat({detail::quoted(a.description), " (", a.source, ":", a.id, ")"}));
        }
        message += concat({"; other foods: ", join(others, ", ")});
    }
    message += "; give an id or SOURCE:ID to be sure (mgcalc foods search WORDS)";
    return {"food-match-uncertain", std::move(message)};
}

/// "1 food entry has" / "2 food entries have": `one` for a count of 1, `many` otherwise.
inline std::string counted(std::size_t count, std::string_view one, std::string_view many) {
    return concat({std::to_string(count), count == 1 ? one : many});
}

}  // namespace detail::evaluation_rules

template <class>
evaluation evaluate(const day_intake& day, const life_stage& stage, authority a) {
    namespace rules = detail::evaluation_rules;
    using detail::concat;
    evaluation result{.reference = reference_intakes_for(stage, a),
                      .stage = stage,
                      .food = milligrams::from_value(0.0),
                      .unknown_entries = 0,
                      .lower_bound_entries = 0,
                      .supplement = milligrams::from_value(0.0),
                      .total = milligrams::from_value(0.0),
                      .percent_of_target = 0.0,
                      .status = intake_status::below_ear,
                      .over_ul = false,
                      .absorbed = std::nullopt,
                      .entries = {},
                      .warnings = {}};
    const reference_intakes& reference = result.reference;

    grams food_weight = grams::from_value(0.0);
    for (std::size_t i = 0; i < day.foods().size(); ++i) {
        const food_entry& entry = day.foods()[i];
        food_weight += entry.amount;
        std::optional<milligrams> magnesium = magnesium_in(entry.food, entry.amount);
        if (magnesium) {
            result.food += *magnesium;
            if (entry.food.magnesium_is_lower_bound) ++result.lower_bound_entries;
        } else {
            ++result.unknown_entries;  // unknown is not zero: counted, never added
        }
        result.entries.push_back(entry_contribution{
            entry_kind::food, i, entry.input, concat({detail::decimal(entry.amount.value(), 1), " g ", entry.food.description}),
            magnesium, entry.amount, entry.measure_used, entry.food.id, entry.food.source, entry.food.description,
            entry.choice});
    }
    for (std::size_t i = 0; i < day.supplements().size(); ++i) {
        const auto& entry = day.supplements()[i];
        const milligrams elemental = entry.dose.elemental();
        result.supplement += elemental;
        std::string description = entry.dose.description();
        if (!entry.product.empty()) description += concat({" (", entry.product, ")"});
        result.entries.push_back(entry_contribution{entry_kind::supplement, i, entry.input, std::move(description),
                                                    elemental, std::nullopt, {}, {}, {}, {}, {}});
    }

    result.total = result.food + result.supplement;
    result.percent_of_target = result.total / reference.target * 100.0;
    result.status = rules::status_of(result.total, reference);
    // The UL covers magnesium from supplements and medicines only; food never counts toward it
    // (IOM 1997, pp. 242-244).
    result.over_ul =
        reference.ul_supplemental && result.supplement > *reference.ul_supplemental;
    result.absorbed = rules::estimate_absorbed(result.food, day);

    // Largest contribution first; unknown entries last, in logged order.
    std::stable_sort(result.entries.begin(), result.entries.end(),
                     [](const entry_contribution& a, const entry_contribution& b) {
                         if (a.magnesium.has_value() != b.magnesium.has_value()) return a.magnesium.has_value();
                         return a.magnesium && *a.magnesium > *b.magnesium;
                     });

    if (stage.age().infant() && !day.supplements().empty()) {
        result.warnings.push_back(
            {"supplement-for-infant",
             concat({"a magnesium supplement is logged for an infant (", stage.age().to_string(),
                    "): no upper limit is established for infants and their magnesium should come only from "
                    "breast milk, formula and food (IOM 1997); do not give one without a clinician"})});
    }
    for (const auto& entry : day.supplements()) {
        if (std::optional<warning> w = rules::compound_mass_warning(entry)) result.warnings.push_back(std::move(*w));
    }
    if (result.over_ul) {
        result.warnings.push_back(
            {"over-upper-limit",
             concat({"supplemental magnesium ", to_string(result.supplement),
                    " is over the tolerable upper intake level of ", to_string(*reference.ul_supplemental),
                    " for ", reference.life_stage, " (", reference.authority,
                    "; it applies to supplements and medicines, not food; the critical effect is "
                    "osmotic diarrhoea)"})});
    }
    // A doubtful match is never silent: the food it chose and what else it could be.
    for (const food_entry& entry : day.foods()) {
        if (entry.choice && entry.choice->uncertain()) result.warnings.push_back(rules::uncertain_match_warning(entry));
    }
    if (food_weight.value() > limits::max_plausible_day_food_grams) {
        result.warnings.push_back(
            {"day-food-implausible",
             concat({"the day's ", rules::counted(day.foods().size(), " food entry weighs", " food entries weigh"), " ",
                    detail::decimal_beyond(food_weight.value(), limits::max_plausible_day_food_grams), " g in all, more than the ",
                    detail::decimal(limits::max_plausible_day_food_grams, 0),
                    " g a person plausibly eats in a day (mgcalc's plausibility limit): check for repeated entries or a "
                    "unit mistake"})});
    }
    if (result.unknown_entries > 0) {
        result.warnings.push_back(
            {"unknown-entries", concat({rules::counted(result.unknown_entries, " food entry has", " food entries have"),
                                       " no magnesium data: the total is a lower bound (at least ",
                                       to_string(result.total), ")"})});
    }
    if (result.lower_bound_entries > 0) {
        result.warnings.push_back(
            {"lower-bound-entries",
             concat({rules::counted(result.lower_bound_entries, " food entry is a recipe", " food entries are recipes"),
                    " with an ingredient of unknown magnesium: its value, and so the total, is a lower bound (at "
                    "least ",
                    to_string(result.total), ")"})});
    }
    if (!reference.note.empty()) {
        result.warnings.push_back({"reference-row", std::string(reference.note)});
    }
    return result;
}

template <class>
std::string status_code(const evaluation& result) {
    const std::string kind = detail::evaluation_rules::kind_word(result.reference.target_kind);
    switch (result.status) {
        case intake_status::below_ear: return "below-ear";
        case intake_status::below_target: return detail::concat({"below-", kind});
        case intake_status::meets_target: return detail::concat({"meets-", kind});
    }
    return "unknown";
}

template <class>
std::string status_sentence(const evaluation& result) {
    const reference_intakes& r = result.reference;
    const std::string_view kind = to_string(r.target_kind);
    switch (result.status) {
        case intake_status::below_ear: return detail::concat({"below the EAR (", to_string(*r.ear), ")"});
        case intake_status::below_target:
            if (r.target_kind == target_kind::ai) {
                return "below the AI (adequacy cannot be judged below an AI)";
            }
            if (r.ear) return detail::concat({"at or above the EAR, below the ", kind});
            return detail::concat({"below the ", kind});
        case intake_status::meets_target: return detail::concat({"meets the ", kind});
    }
    return "";
}

}  // namespace mgcalc
