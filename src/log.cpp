// log.cpp - the plain parts of the intake log (mgcalc/log.hpp): date ranges and a
// profile's life stage on a given day. The file formats are in log_file.cpp.
#include <mgcalc/error.hpp>
#include <mgcalc/log.hpp>

#include <string>
#include <tuple>

namespace mgcalc {

namespace {

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", days_from_civil), as in life_stage.cpp. 64-bit so any `int` year
// is safe.
constexpr long long days_from_civil(long long year, unsigned month, unsigned day) noexcept {
    year -= month <= 2 ? 1 : 0;
    const long long era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(year - era * 400);                            // [0, 399]
    const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<long long>(day_of_era) - 719468;
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28) == 2);  // 2024 is leap

long long day_number(calendar_date date) noexcept { return days_from_civil(date.year, date.month, date.day); }

// The mean length of the Gregorian year (146,097 days in 400 years): a stated age moves by one
// year per 365.2425 days, so it is right on average over leap and common years.
constexpr double days_per_gregorian_year = 365.2425;

constexpr auto as_tuple(calendar_date date) noexcept { return std::tuple(date.year, date.month, date.day); }

void require_date(calendar_date date, std::string_view role) {
    if (!date.ok())
        throw error(errc::invalid_date, std::string(role) + " " + to_string(date) +
                                            " is not a calendar date; expected an existing YYYY-MM-DD date");
}

}  // namespace

// ---- date_range ------------------------------------------------------------------------------

bool date_range::contains(calendar_date day) const noexcept {
    return as_tuple(from) <= as_tuple(day) && as_tuple(day) <= as_tuple(to);
}

// ---- profile ---------------------------------------------------------------------------------

life_stage profile::on(calendar_date day) const {
    require_date(day, "day");
    const mgcalc::age exact = [&] {
        if (birth_date) return mgcalc::age::between(*birth_date, day);
        if (age) {
            // A stated age moves with the calendar: `years` on `on`, plus the days from `on` to
            // `day` over the mean Gregorian year. Before `on` it moves back (and a day before the
            // stated age's birth is an error from age::from_years).
            require_date(age->on, "the date of the stated age");
            const auto days = static_cast<double>(day_number(day) - day_number(age->on));
            return mgcalc::age::from_years(age->years + days / days_per_gregorian_year);
        }
        throw error(errc::invalid_life_stage, "the profile has neither a birth date nor a stated age on " +
                                                  to_string(day) +
                                                  "; expected a birth_date or an age with the date it was stated");
    }();
    physiological_state state;
    for (const date_range& range : pregnancies) state.pregnant = state.pregnant || range.contains(day);
    for (const date_range& range : lactation) state.lactating = state.lactating || range.contains(day);
    return life_stage(sex, exact, state);
}

}  // namespace mgcalc
