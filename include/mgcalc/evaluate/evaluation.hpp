// mgcalc/evaluate/evaluation.hpp - one day's magnesium intake compared with the reference intakes.
//
// Food and supplemental magnesium are kept apart because the UL applies to supplements and
// medicines only (IOM 1997, p. 242-244). Entries without magnesium data are counted, never
// added as zero: a total with unknown entries is a lower bound and says so.
#pragma once

#include <mgcalc/intake/day.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/people/reference.hpp>
#include <mgcalc/units.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

/// Where the total stands. With an EAR (ages 1 year and over): below the EAR, between EAR and
/// RDA, at or above the RDA. Infants have only an AI, below which adequacy cannot be judged.
enum class intake_status { below_ear, below_rda, meets_rda, below_ai, meets_ai };
std::string_view to_string(intake_status status) noexcept;  ///< "below-ear", "meets-rda", ...

enum class entry_kind { food, supplement };
std::string_view to_string(entry_kind kind) noexcept;  ///< "food", "supplement"

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
                          ///< "food-match-uncertain"
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
    milligrams supplemental;          ///< elemental magnesium from supplements
    milligrams total;                 ///< food + supplemental (a lower bound if unknown_entries > 0)
    double percent_of_target;         ///< total / target x 100
    intake_status status;
    /// Supplemental magnesium above the supplemental UL (food never counts toward it); false
    /// where no UL is established (infants: see the supplement-for-infant warning instead).
    bool over_upper_limit;
    /// Empty when a supplement's compound has no bioavailability estimate.
    std::optional<absorbed_estimate> absorbed;
    std::vector<entry_contribution> entries;  ///< ranked by contribution, unknown last
    std::vector<warning> warnings;

    bool total_is_lower_bound() const noexcept { return unknown_entries > 0 || lower_bound_entries > 0; }
};

/// Evaluates a day for a life stage against the IOM 1997 reference intakes.
evaluation evaluate(const day_intake& day, const life_stage& stage);

}  // namespace mgcalc
