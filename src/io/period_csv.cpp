// The days of a period as CSV (mgcalc/io/period_csv.hpp).
#include <mgcalc/io/period_csv.hpp>

#include "detail/csv.hpp"
#include "detail/precision.hpp"

#include <optional>
#include <string>

namespace mgcalc {

std::string to_period_csv(const period_evaluation& period) {
    auto mg = [](milligrams amount) { return detail::format_number(amount.value(), detail::mg_decimals); };
    auto optional_mg = [&](const std::optional<milligrams>& amount) { return amount ? mg(*amount) : std::string(); };
    auto flag = [](bool value) { return value ? "true" : "false"; };
    std::string out(period_csv_header);
    out += '\n';
    for (const day_result& day : period.days) {
        const evaluation& e = day.result;
        const reference_intakes& r = e.reference;
        detail::append_csv_field(out, to_string(day.date));
        out += ',';
        // Quoted whatever it holds, as mgcalc has always written this column.
        detail::append_csv_field(out, r.life_stage, detail::csv_quoting::always);
        out += ',';
        const std::string status = status_code(e);
        detail::append_csv_row(out, {to_string(r.target_kind), mg(r.target), optional_mg(r.ear),
                                     optional_mg(r.ul_supplemental), mg(e.food), mg(e.supplement),
                                     mg(e.total), flag(e.total_is_lower_bound()),
                                     detail::format_number(e.percent_of_target, detail::percent_decimals), status,
                                     flag(e.over_ul), std::to_string(e.unknown_entries)});
    }
    return out;
}

}  // namespace mgcalc
