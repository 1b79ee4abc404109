// mgcalc/dates.hpp - calendar dates: std::chrono::year_month_day, read and written as ISO 8601
// ("2024-02-29"), and ranges of days.
//
// Dates are the standard library's C++20 calendar type, so that ordering, validity (`ok()`),
// leap years and day arithmetic (through `std::chrono::sys_days`) are the standard's, not ours.
#pragma once

#include <mgcalc/error.hpp>
#include <mgcalc/result.hpp>

#include <chrono>
#include <cstddef>
#include <ctime>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mgcalc {

using std::chrono::year_month_day;

/// A date from numbers, for code and tests: `date(2024, 2, 29)`. Not checked: see `.ok()`.
constexpr year_month_day date(int year, unsigned month, unsigned day) noexcept {
    return year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

/// Today in the local time zone (TZ), not UTC: a birthday at local midnight changes the life stage
/// on the local calendar's day. What `mgcalc` evaluates when no date is given.
inline year_month_day today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (localtime_r(&now, &local) == nullptr) {
        throw std::runtime_error("the local date could not be read (localtime_r failed)");
    }
    return date(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1), static_cast<unsigned>(local.tm_mday));
}

/// "2024-02-29": a four-digit year (a negative year keeps its sign), two-digit month and day.
inline std::string to_string(year_month_day when) {
    const int year = static_cast<int>(when.year());
    const auto two = [](unsigned value) {
        return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
    };
    std::string digits = std::to_string(year < 0 ? -year : year);
    if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
    // Appended piece by piece: g++ 12 reports a bogus -Wrestrict for "literal" + std::string at
    // -O2 (GCC bugs 105329, 105651), and this header is compiled into applications.
    std::string text = year < 0 ? "-" : "";
    text += digits;
    text += '-';
    text += two(static_cast<unsigned>(when.month()));
    text += '-';
    text += two(static_cast<unsigned>(when.day()));
    return text;
}

/// Parses a strict ISO 8601 calendar date, "YYYY-MM-DD": four year digits, two month digits, two
/// day digits, no surrounding spaces or signs, for a loose parser would accept typos silently.
/// Throws mgcalc::error (invalid_date) naming the expected form, or why the date does not exist
/// ("2023-02-29": February 2023 has 28 days).
inline year_month_day parse_date(std::string_view text) {
    const auto fail = [&](const std::string& why) {
        throw error(errc::invalid_date,
                    "\"" + std::string(text) + "\" is not a date: " + why + "; expected YYYY-MM-DD, e.g. 2024-02-29", {},
                    std::string(text));
    };
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') fail("wrong form");
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!is_digit(text[i])) fail("wrong form");
    }
    const auto number = [&](std::size_t from, std::size_t count) {
        unsigned value = 0;
        for (std::size_t i = from; i < from + count; ++i) value = value * 10 + static_cast<unsigned>(text[i] - '0');
        return value;
    };
    const year_month_day parsed = date(static_cast<int>(number(0, 4)), number(5, 2), number(8, 2));
    if (!parsed.month().ok()) fail("month " + std::to_string(number(5, 2)) + " is not 1-12");
    if (!parsed.ok()) {
        constexpr const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};
        const unsigned last = static_cast<unsigned>((parsed.year() / parsed.month() / std::chrono::last).day());
        fail("day " + std::to_string(number(8, 2)) + " does not exist: " + month_names[number(5, 2) - 1] + " " +
             std::to_string(number(0, 4)) + " has " + std::to_string(last) + " days");
    }
    return parsed;
}

/// parse_date's twin: the error instead of throwing it.
inline result<year_month_day> try_parse_date(std::string_view text) {
    return detail::try_parse([&] { return parse_date(text); });
}

/// Days, both ends included.
struct date_range {
    year_month_day from;
    year_month_day to;
    constexpr bool contains(year_month_day day) const noexcept { return from <= day && day <= to; }
    friend constexpr bool operator==(const date_range&, const date_range&) = default;
};

/// Whether any of the ranges contains `day` (a person's pregnancies, their lactation periods).
constexpr bool any_contains(std::span<const date_range> ranges, year_month_day day) noexcept {
    for (const date_range& range : ranges) {
        if (range.contains(day)) return true;
    }
    return false;
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
constexpr long days_between(year_month_day from, year_month_day to) noexcept {
    return static_cast<long>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

}  // namespace mgcalc
