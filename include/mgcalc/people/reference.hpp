// mgcalc/people/reference.hpp - reference intakes for magnesium by life stage.
//
// IOM (1997) Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and
// Fluoride (doi:10.17226/5776), as tabulated by the NIH ODS Magnesium fact sheet; Daily Values
// from the FDA 2016 food labeling final rule. The tables and rules: docs/reference-intakes.md;
// every number and its source: docs/sources.md.
#pragma once

#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/units.hpp>

#include <optional>
#include <string_view>

namespace mgcalc {

/// Whether the target is a Recommended Dietary Allowance or, for infants, an Adequate Intake.
enum class target_kind { rda, ai };
std::string_view to_string(target_kind kind) noexcept;  ///< "RDA" or "AI"

struct reference_intakes {
    std::string_view authority;         ///< "IOM 1997"
    std::string_view life_stage_group;  ///< the table row used: "Females 19-30 y", "Pregnancy 14-18 y"
    milligrams target;                  ///< RDA, or AI for infants
    target_kind kind;
    /// Estimated Average Requirement; none for infants (IOM set only an AI).
    std::optional<milligrams> ear;
    /// Tolerable Upper Intake Level for magnesium from supplements and medicines only, never
    /// food; none established for infants.
    std::optional<milligrams> supplemental_upper_limit;
    /// FDA label Daily Value; none for infants (not confirmed in a source).
    std::optional<milligrams> daily_value;
    /// Why a row other than the obvious one was used (pregnancy under 14, both pregnant and
    /// lactating, pregnancy after 50); empty otherwise.
    std::string_view note;
};

/// IOM 1997 reference intakes for a life stage. Age bands are half-open by exact age and
/// contiguous: [0, 6 months), [6, 12 months), [1, 4), [4, 9), [9, 14), [14, 19), [19, 31),
/// [31, 51), [51, 120] years ("14-18 y" ends on the 19th birthday; "0-6 months" ends at 6.0 months,
/// IOM's own meaning of its infant rows).
reference_intakes iom_reference_intakes(const life_stage& stage);

}  // namespace mgcalc
