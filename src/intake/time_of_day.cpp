// intake/time_of_day.cpp - clock times (mgcalc/intake/time_of_day.hpp).
#include <mgcalc/error.hpp>
#include <mgcalc/intake/time_of_day.hpp>

#include <fmt/format.h>

#include <string>

namespace mgcalc {

time_of_day parse_time_of_day(std::string_view text) {
    // Strict "HH:MM", 24-hour: "8:00", "08:00:00", "8 am" and "24:00" are typing or export
    // variations a loose parser would read silently, so they are errors that show the form.
    auto fail = [&](const std::string& why) -> time_of_day {
        throw error(errc::parse_error, "\"" + std::string(text) + "\" is not a time of day: " + why +
                                           "; expected HH:MM (24-hour, two digits each), e.g. 08:00 or 21:30",
                    {}, std::string(text));
    };
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !is_digit(text[0]) || !is_digit(text[1]) || !is_digit(text[3]) ||
        !is_digit(text[4]))
        return fail("wrong form");
    const time_of_day time{(text[0] - '0') * 10 + (text[1] - '0'), (text[3] - '0') * 10 + (text[4] - '0')};
    if (time.hour > 23) return fail("hour " + std::to_string(time.hour) + " is not 00-23");
    if (time.minute > 59) return fail("minute " + std::to_string(time.minute) + " is not 00-59");
    return time;
}

std::string to_string(time_of_day time) {
    return fmt::format("{:02}:{:02}", time.hour, time.minute);
}

result<time_of_day> try_parse_time_of_day(std::string_view text) {
    return detail::try_parse([&] { return parse_time_of_day(text); });
}

}  // namespace mgcalc
