// mgcalc/chemistry/compound.hpp - magnesium compounds used in supplements and medicines.
//
// Each compound's molar mass and elemental-magnesium fraction are computed from its formula
// (mgcalc/chemistry/formula.hpp) with standard atomic weights. Absorption evidence is carried with each
// compound, and a relative bioavailability factor is an optional, labelled estimate only: the
// reference intakes are defined on elemental magnesium, so that is what totals use.
#pragma once

#include <mgcalc/units.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mgcalc {

/// How strong the human evidence on this compound's absorption is.
enum class evidence_grade {
    human_comparative,  ///< human studies comparing it with other forms (randomised or crossover)
    human_limited,      ///< human data on this form alone, or on a closely related form
    animal_only,        ///< rat studies only
    none,               ///< no absorption study found (docs/sources.md, "Absorption studies")
};
std::string_view to_string(evidence_grade grade) noexcept;

/// One study that says something about how well a compound is absorbed.
struct absorption_study {
    std::string_view study;    ///< "Firoz & Graber, Magnes Res 14(4):257-62"
    int year;                  ///< 2001
    std::string_view design;   ///< "comparison of 4 US commercial preparations, urinary Mg increment"
    std::string_view finding;  ///< "MgO fractional absorption 4%; chloride, lactate, aspartate higher"
    std::string_view source;   ///< where it was read (PubMed id, DOI, URL)
};

/// A labelled estimate of absorption relative to well-dissolving salts (citrate, chloride,
/// lactate, aspartate = 1.0). It is an mgcalc estimate from heterogeneous evidence, never a
/// measured constant, and it never replaces the elemental amount.
struct bioavailability_estimate {
    double relative_factor;  ///< 0-1, e.g. 0.4 for magnesium oxide
    std::string_view basis;  ///< why this number, citing the studies
};

struct compound {
    std::string_view id;                        ///< stable id: "glycinate"
    std::string_view name;                      ///< "Magnesium bisglycinate (glycinate)"
    std::span<const std::string_view> aliases;  ///< what people type: "magnesium bisglycinate"
    std::string_view formula;                   ///< anhydrous formula unit: "Mg(C2H4NO2)2"
    int water_of_hydration;                     ///< n in .nH2O (9 for citrate nonahydrate)
    grams_per_mole molar_mass;                  ///< of formula + hydrate water, computed
    int magnesium_atoms;                        ///< Mg atoms per formula unit, computed
    double elemental_fraction;                  ///< mass fraction of Mg (0-1), computed
    std::string_view formula_source;            ///< where the formula was confirmed
    evidence_grade grade;
    std::span<const absorption_study> evidence;
    std::optional<bioavailability_estimate> bioavailability;
    std::string_view notes;                     ///< hydrate state, commercial conventions

    // The organic ligand the salt carries alongside its magnesium (glycine in bisglycinate),
    // described so that the amount delivered follows from stoichiometry (docs/sleep.md):
    //   carried mass = elemental Mg / (24.305 g/mol x magnesium_atoms)
    //                  x carriers_per_formula_unit x molar_mass(carrier_formula).
    // The carrier is named and weighed as the free acid or amino acid as usually dosed (glycine
    // C2H5NO2, not the glycinate anion C2H4NO2-): the free-acid-equivalent mass. Empty for salts
    // whose anion is not dosed as a nutrient in its own right (oxide, chloride, ...).
    std::string_view carrier_name{};             ///< "glycine"; empty when none
    std::string_view carrier_formula{};          ///< free acid / amino acid: "C2H5NO2"
    int carriers_per_formula_unit = 0;           ///< 2 for Mg(C2H4NO2)2, 2 per Mg3 in Mg3(C6H5O7)2

    /// False only for unspecified_form(): magnesium whose salt is not stated ("magnesium 100 mg").
    /// Its formula is the element itself ("Mg"), so its computed fraction is 1, but there is no
    /// salt to weigh: no compound mass, no stoichiometric conversion, no absorption estimate.
    bool form_known = true;

    /// The formula including hydrate water, e.g. "MgSO4·7H2O".
    std::string full_formula() const;
};

/// Every compound mgcalc knows, in a stable order. unspecified_form() is not one of them.
std::span<const compound> compounds() noexcept;

/// Magnesium of a form not stated (id "unspecified"; found as "magnesium", "mag", "Mg",
/// "elemental magnesium"): an amount of it is elemental magnesium, as a label states it.
const compound& unspecified_form() noexcept;

/// Finds a compound by id or alias, ignoring case, spaces, hyphens and a leading "magnesium" or
/// "mag" ("mag glycinate"); "magnesium" alone is unspecified_form().
/// Throws mgcalc::error (unknown_compound) listing the accepted ids.
const compound& find_compound(std::string_view id_or_alias);
/// Non-throwing twin of find_compound: nullptr when nothing matches.
const compound* lookup_compound(std::string_view id_or_alias) noexcept;

/// Elemental magnesium in `compound_mass` of the compound (stoichiometry). Throws
/// mgcalc::error (invalid_amount) for a negative or non-finite mass, and (unknown_compound) for
/// unspecified_form(), which has no stoichiometry.
milligrams elemental_magnesium(const compound& form, milligrams compound_mass);
/// Mass of the compound that holds `elemental` magnesium (stoichiometry). Throws like
/// elemental_magnesium.
milligrams compound_mass_for(const compound& form, milligrams elemental);

}  // namespace mgcalc
