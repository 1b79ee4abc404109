// mgcalc/intake/time_of_day.hpp - a clock time, minutes precision ("21:30"), for when a dose was taken.
#pragma once

#include <mgcalc/result.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

struct time_of_day {
    int hour = 0;    ///< 0-23
    int minute = 0;  ///< 0-59
    bool ok() const noexcept { return hour >= 0 && hour < 24 && minute >= 0 && minute < 60; }
    int minutes_since_midnight() const noexcept { return hour * 60 + minute; }
    friend bool operator==(const time_of_day&, const time_of_day&) = default;
};
/// Parses "HH:MM" (24-hour); throws mgcalc::error (parse_error).
time_of_day parse_time_of_day(std::string_view text);
/// parse_time_of_day's twin: the error instead of throwing it.
result<time_of_day> try_parse_time_of_day(std::string_view text);
std::string to_string(time_of_day time);

}  // namespace mgcalc
