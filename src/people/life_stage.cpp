// people/life_stage.cpp - sex, exact ages and life stages.
//
// Age is kept as months with a fraction, never floored to whole years, because the reference
// bands change at 6 and 12 months (the CRON-o-Meter "every infant is age 0" pitfall).
#include <mgcalc/limits.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/people/life_stage.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace mgcalc {

namespace {

// Ages beyond limits::max_age_years are a typing mistake.
constexpr double max_age_years = limits::max_age_years;
constexpr double months_per_year = 12.0;
constexpr double max_age_months = max_age_years * months_per_year;

// IOM 1997 gives no pregnancy or lactation rows below 14 years ("<= 18 y"); mgcalc accepts them
// from 10 years and treats anything younger as an input error.
constexpr double min_reproductive_age_months = 10.0 * months_per_year;

constexpr std::string_view accepted_age_range = "accepted ages are 0 to 120 years (0 to 1440 months)";

void require_valid_date(year_month_day when, std::string_view role) {
    if (when.ok()) return;
    throw error(errc::invalid_date, std::string(role) + " " + to_string(when) + " is not a calendar date");
}

// The date `months` calendar months after `birth`, on the same day of the month, or on the last
// day of the month when that month is shorter (born on the 31st: the 30th of April; born on
// February 29: February 28 in common years).
std::chrono::sys_days monthly_anniversary(year_month_day birth, long long months) noexcept {
    const std::chrono::year_month shifted = birth.year() / birth.month() + std::chrono::months{months};
    const std::chrono::day last = (shifted / std::chrono::last).day();
    return std::chrono::sys_days{shifted / std::min(birth.day(), last)};
}

[[noreturn]] void throw_age_out_of_range(double value, std::string_view unit) {
    std::string problem = std::isnan(value) ? "is not a number" : (value < 0 ? "is negative" : "is out of range");
    throw error(errc::invalid_life_stage,
                "age " + detail::format_number(value, 3) + " " + std::string(unit) + " " + problem + ": " +
                    std::string(accepted_age_range));
}

double checked_months(double value, double maximum, std::string_view unit, double months_per_unit) {
    // `!(value >= 0)` also rejects NaN; infinity fails the upper bound.
    if (!(value >= 0) || !(value <= maximum)) throw_age_out_of_range(value, unit);
    return value * months_per_unit + 0.0;  // + 0.0 turns -0.0 into +0.0
}

// Truncates (never rounds up) to one decimal, so a displayed age is never one the person has not
// reached yet: 18.97 years shows as "18.9 years", not "19 years", in line with how ages are
// spoken. The 1e-9 absorbs binary error such as 0.3 * 12 = 3.5999999999999996.
std::string one_decimal_down(double value) {
    return detail::format_number(std::floor(value * 10.0 + 1e-9) / 10.0, 1);
}

}  // namespace

// ---- sex -------------------------------------------------------------------------------------

std::string_view to_string(sex s) noexcept { return s == sex::female ? "female" : "male"; }

sex parse_sex(std::string_view text) {
    const std::string word = detail::to_lower(detail::trim(text));
    if (word == "female" || word == "f" || word == "woman") return sex::female;
    if (word == "male" || word == "m" || word == "man") return sex::male;
    throw error(errc::invalid_life_stage, "unknown sex \"" + std::string(text) +
                                              "\": expected female, f, woman, male, m or man (any case)",
                {}, std::string(text));
}

// ---- age -------------------------------------------------------------------------------------

age age::from_years(double years) {
    return age(checked_months(years, max_age_years, "years", months_per_year));
}

age age::from_months(double months) { return age(checked_months(months, max_age_months, "months", 1.0)); }

age age::between(year_month_day birth, year_month_day on) {
    require_valid_date(birth, "birth date");
    require_valid_date(on, "date");
    const std::chrono::sys_days on_day{on};
    if (on < birth)
        throw error(errc::invalid_date, "date " + mgcalc::to_string(on) + " is before the birth date " +
                                            mgcalc::to_string(birth) +
                                            "; an age needs a date on or after the birth date");

    // Completed calendar months: the calendar difference, minus one if this month's anniversary
    // is still ahead.
    long long months = (static_cast<long long>(static_cast<int>(on.year())) - static_cast<int>(birth.year())) * 12 +
                       (static_cast<long long>(static_cast<unsigned>(on.month())) -
                        static_cast<long long>(static_cast<unsigned>(birth.month())));
    // The true count is `months` or `months - 1`; more than 1441 is over 120 years in any case
    // (checked here, before the anniversary arithmetic, so absurd years cannot overflow).
    if (months > static_cast<long long>(max_age_months) + 1) throw_age_out_of_range(static_cast<double>(months) / 12.0, "years");
    if (monthly_anniversary(birth, months) > on_day) --months;

    // The fraction of the current month: days since the last monthly anniversary over the length
    // of the interval to the next one (28 to 31 days).
    const std::chrono::sys_days last = monthly_anniversary(birth, months);
    const std::chrono::sys_days next = monthly_anniversary(birth, months + 1);
    const double exact = static_cast<double>(months) + static_cast<double>((on_day - last).count()) /
                                                           static_cast<double>((next - last).count());
    if (exact > max_age_months) throw_age_out_of_range(exact / months_per_year, "years");
    return age(exact);
}

std::string age::to_string() const {
    // Below 2 years in months (the infant bands are in months: 0-6, 6-12), otherwise in years.
    if (months_ < 24.0) {
        std::string shown = one_decimal_down(months_);
        return shown + (shown == "1" ? " month" : " months");
    }
    return one_decimal_down(in_years()) + " years";
}

// ---- life_stage ------------------------------------------------------------------------------

life_stage::life_stage(mgcalc::sex s, mgcalc::age a, physiological_state state) : sex_(s), age_(a), state_(state) {
    const bool reproductive = state.pregnant || state.lactating;
    if (!reproductive) return;
    const std::string what = state.pregnant && state.lactating ? "pregnant and lactating"
                             : state.pregnant                  ? "pregnant"
                                                               : "lactating";
    if (s == sex::male)
        throw error(errc::invalid_life_stage,
                    "a male cannot be " + what + ": pregnancy and lactation apply to females only");
    if (a.in_months() < min_reproductive_age_months)
        throw error(errc::invalid_life_stage,
                    "a female aged " + a.to_string() + " cannot be " + what +
                        ": pregnancy and lactation are accepted from 10 years of age");
}

std::string life_stage::to_string() const {
    std::string out = std::string(mgcalc::to_string(sex_)) + ", " + age_.to_string();
    if (state_.pregnant && state_.lactating)
        out += ", pregnant and lactating";
    else if (state_.pregnant)
        out += ", pregnant";
    else if (state_.lactating)
        out += ", lactating";
    return out;
}

result<sex> try_parse_sex(std::string_view text) {
    return detail::try_parse([&] { return parse_sex(text); });
}

}  // namespace mgcalc
