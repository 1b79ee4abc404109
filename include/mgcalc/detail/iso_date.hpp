// mgcalc/detail/iso_date.hpp - a date written as ISO 8601 "2024-02-29", for dates.hpp and for the
// location in error messages (error.hpp, which dates.hpp includes).
#pragma once

#include <chrono>
#include <string>

namespace mgcalc::detail {

/// "2024-02-29": a four-digit year (a negative year keeps its sign), two-digit month and day.
inline std::string iso_date(std::chrono::year_month_day when) {
    const int year = static_cast<int>(when.year());
    const auto two = [](unsigned value) {
        return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
    };
    std::string digits = std::to_string(year < 0 ? -year : year);
    if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
    return (year < 0 ? "-" : "") + digits + "-" + two(static_cast<unsigned>(when.month())) + "-" +
           two(static_cast<unsigned>(when.day()));
}

}  // namespace mgcalc::detail
