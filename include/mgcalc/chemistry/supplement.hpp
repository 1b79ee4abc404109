// mgcalc/chemistry/supplement.hpp - a dose of a magnesium supplement.
//
// A Supplement Facts label states elemental magnesium (FDA 21 CFR 101.36; docs/sources.md), so
// that is the default basis of a dose. A dose may instead be a mass of the
// compound ("2 g of magnesium L-threonate powder"), converted by stoichiometry, or a compound
// mass with the product's own stated strength ("144 mg elemental per 2 g"), which overrides
// stoichiometry because commercial products are often buffered or hydrated.
#pragma once

#include <mgcalc/result.hpp>
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/units.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace mgcalc {

/// What a dose amount measures.
enum class dose_basis {
    elemental,  ///< elemental magnesium, as on a Supplement Facts label (the default)
    compound,   ///< mass of the compound (salt, hydrate) as weighed
};
std::string_view to_string(dose_basis basis) noexcept;

/// A product's own statement of strength: `elemental` magnesium in `per_compound_mass` of it.
struct label_strength {
    milligrams elemental;
    milligrams per_compound_mass;
};

class supplement_dose {
public:
    /// Throws mgcalc::error (invalid_amount) for a negative, non-finite or implausible amount
    /// (more than 5 g elemental or 50 g of compound in one dose; see docs/model.md), and
    /// (unknown_compound) for a compound mass of unspecified_form(): its form must be named.
    supplement_dose(const compound& form, milligrams amount, dose_basis basis = dose_basis::elemental);
    /// A compound mass whose elemental content follows the product label, not stoichiometry.
    /// Throws like the constructor above.
    supplement_dose(const compound& form, milligrams compound_mass, label_strength label);

    const compound& form() const noexcept { return *form_; }
    milligrams amount() const noexcept { return amount_; }
    dose_basis basis() const noexcept { return basis_; }
    const std::optional<label_strength>& label() const noexcept { return label_; }

    /// Elemental magnesium delivered: what counts toward the RDA and the supplemental UL.
    milligrams elemental() const;
    /// Mass of compound swallowed (computed by stoichiometry for elemental doses). Throws
    /// mgcalc::error (unknown_compound) for unspecified_form(), which has no compound mass.
    milligrams compound_mass() const;
    /// "200 mg elemental magnesium as magnesium bisglycinate"; "100 mg elemental magnesium, form
    /// not stated".
    std::string description() const;

private:
    const compound* form_;
    milligrams amount_;
    dose_basis basis_;
    std::optional<label_strength> label_;
};

/// Parses "COMPOUND=AMOUNT UNIT [elemental|compound][, LABEL_MG mg per AMOUNT UNIT]", e.g.
/// "glycinate=200 mg", "oxide=500 mg compound", "threonate=2 g compound, 144 mg per 2 g"; the
/// same without "=" ("mag glycinate 200 mg"); or amount first, "AMOUNT UNIT [of] COMPOUND
/// [elemental|compound]" ("200 mg magnesium glycinate", "500 mg of magnesium oxide compound").
/// "magnesium 100 mg" is elemental magnesium of a form not stated (unspecified_form()).
/// Units: mg, g. Throws mgcalc::error (parse_error, unknown_compound, unknown_unit, invalid_amount);
/// docs/compounds.md, "Dose syntax".
supplement_dose parse_supplement_dose(std::string_view text);
/// parse_supplement_dose's twin: the error instead of throwing it.
result<supplement_dose> try_parse_supplement_dose(std::string_view text);

}  // namespace mgcalc
