// mgcalc/chemistry/formula.hpp - molar mass of a chemical formula from standard atomic weights.
//
// Elemental-magnesium fractions of supplement compounds are computed from their formulas here,
// never typed in as percentages, so a table entry cannot drift from its chemistry.
#pragma once

#include <mgcalc/units.hpp>

#include <string_view>

namespace mgcalc {

/// Molar mass of a formula such as "MgO", "Mg(OH)2", "Mg3(C6H5O7)2", "C4H8MgN2O4" or a hydrate
/// written with a middle dot or asterisk: "MgSO4·7H2O", "MgCl2*6H2O".
/// Atomic weights: IUPAC CIAAW conventional/abridged standard atomic weights (Prohaska et al.,
/// Pure Appl. Chem. 94(5), 2022), the values listed in docs/sources.md.
/// Throws mgcalc::error (parse_error) for an unknown element symbol or malformed text.
grams_per_mole molar_mass(std::string_view formula);

/// How many atoms of `element` (e.g. "Mg") one formula unit contains. Throws like molar_mass.
int atom_count(std::string_view formula, std::string_view element);

/// Standard atomic weight used for an element symbol; throws parse_error if mgcalc has none.
grams_per_mole atomic_weight(std::string_view element);

}  // namespace mgcalc
