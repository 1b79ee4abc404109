// life_stage.cpp - sex, calendar dates, exact ages and life stages.
//
// Age is kept as months with a fraction, never floored to whole years, because the reference
// bands change at 7 and 12 months (the CRON-o-Meter "every infant is age 0" pitfall).
#include <mgcalc/error.hpp>
#include <mgcalc/life_stage.hpp>

#include "detail/calendar.hpp"
#include "detail/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace mgcalc {

namespace {

// IOM 1997 tabulates intakes up to "> 70 y" with no upper bound; mgcalc accepts ages up to 120
// years (a little above the longest verified human life span) and rejects anything beyond as a
// typing mistake.
constexpr double max_age_years = 120.0;
constexpr double months_per_year = 12.0;
constexpr double max_age_months = max_age_years * months_per_year;

// IOM 1997 gives no pregnancy or lactation rows below 14 years ("<= 18 y"); mgcalc accepts them
// from 10 years and treats anything younger as an input error.
constexpr double min_reproductive_age_months = 10.0 * months_per_year;

constexpr std::string_view accepted_age_range = "accepted ages are 0 to 120 years (0 to 1440 months)";

constexpr bool is_leap_year(long long year) noexcept {
    // Gregorian rule: every 4th year, except centuries, except every 4th century.
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr unsigned days_in_month(long long year, unsigned month) noexcept {
    constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return days[month - 1];
}

constexpr const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

// Why a calendar_date is not a date, or an empty string if it is one.
std::string date_problem(calendar_date date) {
    if (date.month < 1 || date.month > 12)
        return "month " + std::to_string(date.month) + " is not 1-12";
    const unsigned last = days_in_month(date.year, date.month);
    if (date.day < 1 || date.day > last)
        return "day " + std::to_string(date.day) + " does not exist: " + month_names[date.month - 1] + " " +
               std::to_string(date.year) + " has " + std::to_string(last) + " days";
    return {};
}

void require_valid_date(calendar_date date, std::string_view role) {
    if (date.ok()) return;
    throw error(errc::invalid_date, std::string(role) + " " + to_string(date) + " is not a calendar date (" +
                                        date_problem(date) + ")");
}

using detail::day_number;
using detail::days_from_civil;

// The date `months` calendar months after `birth`, on the same day of the month, or on the last
// day of the month when that month is shorter (born on the 31st: the 30th of April; born on
// February 29: February 28 in common years).
long long monthly_anniversary(calendar_date birth, long long months) noexcept {
    const long long month_index = static_cast<long long>(birth.month - 1) + months;  // months >= 0
    const long long year = birth.year + month_index / 12;
    const auto month = static_cast<unsigned>(month_index % 12) + 1;
    return days_from_civil(year, month, std::min(birth.day, days_in_month(year, month)));
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
                                              "\": expected female, f, woman, male, m or man (any case)");
}

// ---- calendar_date ---------------------------------------------------------------------------

bool calendar_date::ok() const noexcept {
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

calendar_date parse_date(std::string_view text) {
    // Strict ISO 8601 calendar date: exactly four year digits, two month digits, two day digits.
    // No surrounding spaces, no signs, no "2024-2-5": a loose parser would accept typos silently.
    auto fail = [&](const std::string& why) -> calendar_date {
        throw error(errc::invalid_date,
                    "\"" + std::string(text) + "\" is not a date: " + why + "; expected YYYY-MM-DD, e.g. 2024-02-29");
    };
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail("wrong form");
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(text[i])) return fail("wrong form");
    auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    const calendar_date date{number(0, 4), static_cast<unsigned>(number(5, 2)), static_cast<unsigned>(number(8, 2))};
    if (!date.ok()) return fail(date_problem(date));
    return date;
}

std::string to_string(calendar_date date) {
    // Four-digit zero-padded year as in ISO 8601; a negative (proleptic) year keeps its sign.
    char buffer[48];
    const long long year = date.year;
    std::snprintf(buffer, sizeof buffer, "%s%04lld-%02u-%02u", year < 0 ? "-" : "", year < 0 ? -year : year,
                  date.month, date.day);
    return buffer;
}

// ---- age -------------------------------------------------------------------------------------

age age::from_years(double years) {
    return age(checked_months(years, max_age_years, "years", months_per_year));
}

age age::from_months(double months) { return age(checked_months(months, max_age_months, "months", 1.0)); }

age age::between(calendar_date birth, calendar_date on) {
    require_valid_date(birth, "birth date");
    require_valid_date(on, "date");
    const long long on_day = day_number(on);
    if (on_day < day_number(birth))
        throw error(errc::invalid_date, "date " + mgcalc::to_string(on) + " is before the birth date " +
                                            mgcalc::to_string(birth) +
                                            "; an age needs a date on or after the birth date");

    // Completed calendar months: the calendar difference, minus one if this month's anniversary
    // is still ahead.
    long long months = (static_cast<long long>(on.year) - birth.year) * 12 +
                       (static_cast<long long>(on.month) - static_cast<long long>(birth.month));
    // The true count is `months` or `months - 1`; more than 1441 is over 120 years in any case
    // (checked here, before the anniversary arithmetic, so absurd years cannot overflow).
    if (months > static_cast<long long>(max_age_months) + 1) throw_age_out_of_range(static_cast<double>(months) / 12.0, "years");
    if (monthly_anniversary(birth, months) > on_day) --months;

    // The fraction of the current month: days since the last monthly anniversary over the length
    // of the interval to the next one (28 to 31 days).
    const long long last = monthly_anniversary(birth, months);
    const long long next = monthly_anniversary(birth, months + 1);
    const double exact = static_cast<double>(months) +
                         static_cast<double>(on_day - last) / static_cast<double>(next - last);
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

}  // namespace mgcalc
