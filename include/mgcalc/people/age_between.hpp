// mgcalc/people/age_between.hpp - exact age from a birth date and the date of the day evaluated.
//
// Kept apart from life_stage.hpp so that the model headers (<mgcalc/mgcalc.hpp>) do not pull in
// <chrono>, which with libstdc++ 12 brings <ostream>, <sstream> and the locales: 13% more to
// compile (docs/performance.md, "Compile time").
#pragma once

#include <mgcalc/dates.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/people/life_stage.hpp>

#include <algorithm>
#include <chrono>
#include <string_view>

namespace mgcalc {

/// Age on `on` of a person born on `birth`: completed calendar months plus the fraction of the
/// current month (a birthday on the 29th-31st falls on the month's last day when the month is
/// shorter). Throws mgcalc::error: invalid_date if a date does not exist or `on` is before
/// `birth`, invalid_life_stage if the age is over 120 years.
constexpr age age_between(year_month_day birth, year_month_day on);

namespace detail {

[[noreturn]] inline void fail_not_a_date(year_month_day when, std::string_view role) {
    throw error(errc::invalid_date, concat({role, " ", to_string(when), " is not a calendar date"}));
}

[[noreturn]] inline void fail_before_birth(year_month_day birth, year_month_day on) {
    throw error(errc::invalid_date, concat({"date ", to_string(on), " is before the birth date ", to_string(birth),
                                           "; an age needs a date on or after the birth date"}));
}

// The date `months` calendar months after `birth`, on the same day of the month, or on the last
// day of the month when that month is shorter (born on the 31st: the 30th of April; born on
// February 29: February 28 in common years).
constexpr std::chrono::sys_days monthly_anniversary(year_month_day birth, long long months) noexcept {
    const std::chrono::year_month shifted = birth.year() / birth.month() + std::chrono::months{months};
    const std::chrono::day last = (shifted / std::chrono::last).day();
    return std::chrono::sys_days{shifted / std::min(birth.day(), last)};
}

}  // namespace detail

/// Completed calendar months from `birth` to `on`, valid dates with `on` not before `birth`: the
/// calendar difference, minus one if this month's anniversary (on the month's last day when the
/// month is shorter than the birth day) is still ahead. The whole part of age_between's months.
constexpr long long completed_months(year_month_day birth, year_month_day on) noexcept {
    long long months = (static_cast<long long>(static_cast<int>(on.year())) - static_cast<int>(birth.year())) * 12 +
                       (static_cast<long long>(static_cast<unsigned>(on.month())) -
                        static_cast<long long>(static_cast<unsigned>(birth.month())));
    const std::chrono::day last = (on.year() / on.month() / std::chrono::last).day();
    if (std::min(birth.day(), last) > on.day()) --months;
    return months;
}

constexpr age age_between(year_month_day birth, year_month_day on) {
    if (!birth.ok()) detail::fail_not_a_date(birth, "birth date");
    if (!on.ok()) detail::fail_not_a_date(on, "date");
    if (on < birth) detail::fail_before_birth(birth, on);
    const std::chrono::sys_days on_day{on};

    const long long months = completed_months(birth, on);
    // Over 120 years; checked before the anniversary arithmetic, so absurd years cannot overflow.
    if (months > static_cast<long long>(detail::max_age_months)) {
        detail::fail_age_out_of_range(static_cast<double>(months) / 12.0, "years", limits::max_age_years);
    }

    // The fraction of the current month: days since the last monthly anniversary over the length
    // of the interval to the next one (28 to 31 days).
    const std::chrono::sys_days last = detail::monthly_anniversary(birth, months);
    const std::chrono::sys_days next = detail::monthly_anniversary(birth, months + 1);
    const double exact = static_cast<double>(months) + static_cast<double>((on_day - last).count()) /
                                                           static_cast<double>((next - last).count());
    if (exact > detail::max_age_months) {
        detail::fail_age_out_of_range(exact / detail::months_per_year, "years", limits::max_age_years);
    }
    return age::from_months(exact);
}

}  // namespace mgcalc
