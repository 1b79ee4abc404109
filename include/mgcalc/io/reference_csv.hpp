// mgcalc/io/reference_csv.hpp - an authority's reference-intake table as CSV, one row per band
// (`mgcalc reference --authority X --list --format csv`).
//
// Opt-in: not included by <mgcalc/mgcalc.hpp>.
#pragma once

#include <mgcalc/people/reference.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

/// The header row of to_reference_csv, without its line feed.
inline constexpr std::string_view reference_csv_header =
    "authority,population,from_months,to_months,life_stage,infant_feeding,target_kind,target_mg,ear_mg,"
    "ul_supplemental_mg,dv_mg,confidence";

/// The header and one row per band of the authority's table (RFC 4180, LF line ends); an empty
/// field where the table sets no value (an EAR, a UL, a Daily Value, a feeding).
std::string to_reference_csv(authority table);

}  // namespace mgcalc
