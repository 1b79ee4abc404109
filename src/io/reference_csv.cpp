// An authority's reference-intake table as CSV (mgcalc/io/reference_csv.hpp).
#include <mgcalc/io/reference_csv.hpp>

#include "detail/csv.hpp"
#include "detail/precision.hpp"

#include <optional>
#include <string>

namespace mgcalc {

std::string to_reference_csv(authority table) {
    auto mg = [](milligrams amount) { return detail::format_number(amount.value(), detail::mg_decimals); };
    auto optional_mg = [&](const std::optional<milligrams>& amount) { return amount ? mg(*amount) : std::string(); };
    std::string out(reference_csv_header);
    out += '\n';
    for (const reference_row& r : reference_table(table)) {
        detail::append_csv_row(out, {std::string(to_string(table)), std::string(r.population),
                                     std::to_string(r.from_months), std::to_string(r.to_months),
                                     std::string(r.life_stage),
                                     r.feeding == infant_feeding::unspecified ? std::string()
                                                                              : std::string(to_string(r.feeding)),
                                     std::string(to_string(r.target_kind)), mg(r.target), optional_mg(r.ear),
                                     optional_mg(r.ul_supplemental), optional_mg(r.dv),
                                     std::string(to_string(r.confidence))});
    }
    return out;
}

}  // namespace mgcalc
