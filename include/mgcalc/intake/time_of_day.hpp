// mgcalc/intake/time_of_day.hpp - a clock time, minutes precision ("21:30"), for when a dose was
// taken. Header-only.
#pragma once

#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/result.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

struct time_of_day {
    int hour = 0;    ///< 0-23
    int minute = 0;  ///< 0-59
    constexpr bool ok() const noexcept { return hour >= 0 && hour < 24 && minute >= 0 && minute < 60; }
    constexpr int minutes_since_midnight() const noexcept { return hour * 60 + minute; }
    friend constexpr bool operator==(const time_of_day&, const time_of_day&) = default;
};

namespace detail {

[[noreturn]] inline void fail_time_of_day(std::string_view text, std::string_view why) {
    throw error(errc::parse_error,
                concat({quoted(text), " is not a time of day: ", why,
                       "; expected HH:MM (24-hour, two digits each), e.g. 08:00 or 21:30"}),
                {}, std::string(text));
}

}  // namespace detail

/// Parses "HH:MM" (24-hour); throws mgcalc::error (parse_error).
constexpr time_of_day parse_time_of_day(std::string_view text) {
    // Strict "HH:MM", 24-hour: "8:00", "08:00:00", "8 am" and "24:00" are typing or export
    // variations a loose parser would read silently, so they are errors that show the form.
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !is_digit(text[0]) || !is_digit(text[1]) || !is_digit(text[3]) ||
        !is_digit(text[4])) {
        detail::fail_time_of_day(text, "wrong form");
    }
    const time_of_day time{(text[0] - '0') * 10 + (text[1] - '0'), (text[3] - '0') * 10 + (text[4] - '0')};
    if (time.hour > 23) detail::fail_time_of_day(text, detail::concat({"hour ", std::to_string(time.hour), " is not 00-23"}));
    if (time.minute > 59) {
        detail::fail_time_of_day(text, detail::concat({"minute ", std::to_string(time.minute), " is not 00-59"}));
    }
    return time;
}

/// parse_time_of_day's twin: the error instead of throwing it.
inline result<time_of_day> try_parse_time_of_day(std::string_view text) {
    return detail::try_parse([&] { return parse_time_of_day(text); });
}

/// "08:05": two digits each, as parse_time_of_day reads it.
inline std::string to_string(time_of_day time) {
    // At least two digits, as fmt's "{:02}" wrote them (and so for a time that is not ok()).
    const auto two = [](int value) {
        std::string digits = std::to_string(value);
        if (value >= 0 && value < 10) digits.insert(digits.begin(), '0');
        return digits;
    };
    return detail::concat({two(time.hour), ":", two(time.minute)});
}

}  // namespace mgcalc
