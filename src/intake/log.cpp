// intake/log.cpp - the intake log's own operations (mgcalc/intake/log.hpp): adding entries by
// date and reading an entry as typed. The file formats are in src/io/ (log_json_read.cpp,
// log_json_write.cpp, log_csv.cpp); the profile in src/people/profile.cpp.
#include <mgcalc/error.hpp>
#include <mgcalc/intake/log.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace mgcalc {

namespace {

void require_day_order(const std::vector<log_day>& days) {
    for (std::size_t d = 1; d < days.size(); ++d) {
        if (days[d - 1].date < days[d].date) continue;
        throw error(errc::invalid_date,
                    "day " + std::to_string(d + 1) + " of the log (" + to_string(days[d].date) +
                        (days[d].date == days[d - 1].date ? ") has the same date as the day before"
                                                          : ") comes before the day before it (" +
                                                                to_string(days[d - 1].date) + ")") +
                        "; expected days in increasing date order, one per date");
    }
}

}  // namespace

void add_entries(intake_log& log, std::vector<dated_entry> entries) {
    if (entries.empty()) return;
    require_day_order(log.days);
    // Merged aside, so that `log` is untouched if anything throws.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const dated_entry& a, const dated_entry& b) { return a.date < b.date; });
    std::vector<log_day> merged;
    merged.reserve(log.days.size() + entries.size());
    std::size_t old = 0, next = 0;
    while (old < log.days.size() || next < entries.size()) {
        if (next == entries.size() || (old < log.days.size() && log.days[old].date < entries[next].date)) {
            merged.push_back(log.days[old++]);
            continue;
        }
        const year_month_day date = entries[next].date;
        if (old < log.days.size() && log.days[old].date == date)
            merged.push_back(log.days[old++]);
        else
            merged.push_back(log_day{date, {}});
        for (; next < entries.size() && entries[next].date == date; ++next)
            merged.back().entries.push_back(std::move(entries[next].entry));
    }
    log.days = std::move(merged);
}

void add_entries(intake_log& log, year_month_day date, std::vector<log_entry> entries) {
    std::vector<dated_entry> dated;
    dated.reserve(entries.size());
    for (log_entry& e : entries) dated.push_back(dated_entry{date, std::move(e)});
    add_entries(log, std::move(dated));
}

log_entry read_log_entry(log_entry_kind kind, std::string_view typed) {
    const auto example = [kind] {
        switch (kind) {
            case log_entry_kind::food: return "\"1 cup black beans\" or \"black beans=1 cup@12:30\"";
            case log_entry_kind::supplement: return "\"magnesium glycinate 200 mg\" or \"glycinate=200 mg@21:30\"";
            case log_entry_kind::product: return "\"PRODUCT_ID=COUNT\", e.g. \"my-magnesium=2@08:00\"";
        }
        return "";
    };
    const auto fail = [&](const std::string& why) -> log_entry {
        throw error(errc::parse_error, detail::quoted(typed) + ": " + why + "; expected " + example(), {},
                    std::string(typed));
    };
    log_entry entry;
    entry.kind = kind;
    std::string_view text = detail::trim(typed);
    if (const std::size_t at = text.rfind('@'); at != std::string_view::npos) {
        const result<time_of_day> time = try_parse_time_of_day(detail::trim(text.substr(at + 1)));
        if (!time) return fail("the time after \"@\" is not HH:MM (24-hour)");
        entry.time = *time;
        text = detail::trim(text.substr(0, at));
    }
    if (text.empty()) return fail("nothing before the time");
    if (kind == log_entry_kind::product) {
        const std::size_t equals = text.rfind('=');
        if (equals == std::string_view::npos) return fail("no \"=\" between the product and the count");
        entry.item = std::string(detail::trim(text.substr(0, equals)));
        entry.amount = std::string(detail::trim(text.substr(equals + 1)));
        if (entry.item.empty() || entry.amount.empty())
            return fail(entry.item.empty() ? "no product before \"=\"" : "no count after \"=\"");
    } else {
        entry.phrase = std::string(text);
    }
    return entry;
}

result<log_entry> try_read_log_entry(log_entry_kind kind, std::string_view typed) {
    return detail::try_parse([&] { return read_log_entry(kind, typed); });
}

}  // namespace mgcalc
