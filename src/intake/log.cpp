// intake/log.cpp - the plain parts of the intake log (mgcalc/intake/log.hpp): a profile's life stage on a given
// day. The file formats are in src/io/log_file.cpp.
#include <mgcalc/error.hpp>
#include <mgcalc/intake/log.hpp>

#include <string>

namespace mgcalc {

namespace {

// The mean length of the Gregorian year (146,097 days in 400 years): a stated age moves by one
// year per 365.2425 days, so it is right on average over leap and common years.
constexpr double days_per_gregorian_year = 365.2425;

void require_date(year_month_day day, std::string_view role) {
    if (!day.ok())
        throw error(errc::invalid_date, std::string(role) + " " + to_string(day) +
                                            " is not a calendar date; expected an existing YYYY-MM-DD date");
}

}  // namespace

// ---- profile ---------------------------------------------------------------------------------

life_stage profile::on(year_month_day day) const {
    require_date(day, "day");
    const mgcalc::age exact = [&] {
        if (birth_date) return mgcalc::age::between(*birth_date, day);
        if (age) {
            // A stated age moves with the calendar: `years` on `on`, plus the days from `on` to
            // `day` over the mean Gregorian year. Before `on` it moves back (and a day before the
            // stated age's birth is an error from age::from_years).
            require_date(age->on, "the date of the stated age");
            const auto days = static_cast<double>(days_between(age->on, day));
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
