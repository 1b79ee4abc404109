// people/profile.cpp - a person over time (mgcalc/people/profile.hpp): the life stage on a given day,
// and the medications and conditions as mgcalc reads them.
#include <mgcalc/error.hpp>
#include <mgcalc/people/age_between.hpp>
#include <mgcalc/people/profile.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <array>
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

life_stage profile::on(year_month_day day) const {
    require_date(day, "day");
    const mgcalc::age exact = [&] {
        if (birth_date) return mgcalc::age_between(*birth_date, day);
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
    state.pregnant = any_contains(pregnancies, day);
    state.lactating = any_contains(lactation, day);
    if (exact.infant()) state.feeding = infant_feeding;
    return life_stage(sex, exact, state);
}

namespace {

struct medication_name {
    std::string_view name;
    medication kind;
};

// Class names and the drugs of the NIH ODS interaction list (docs/sources.md), plus other members
// of the same classes (risedronate, ibandronate; moxifloxacin, ofloxacin, norfloxacin).
constexpr std::array<medication_name, 22> medication_names{{
    {"bisphosphonate", medication::bisphosphonate},
    {"bisphosphonates", medication::bisphosphonate},
    {"alendronate", medication::bisphosphonate},
    {"fosamax", medication::bisphosphonate},
    {"risedronate", medication::bisphosphonate},
    {"ibandronate", medication::bisphosphonate},
    {"tetracycline", medication::tetracycline},
    {"tetracyclines", medication::tetracycline},
    {"doxycycline", medication::tetracycline},
    {"minocycline", medication::tetracycline},
    {"demeclocycline", medication::tetracycline},
    {"quinolone", medication::quinolone},
    {"quinolones", medication::quinolone},
    {"fluoroquinolone", medication::quinolone},
    {"fluoroquinolones", medication::quinolone},
    {"ciprofloxacin", medication::quinolone},
    {"levofloxacin", medication::quinolone},
    {"moxifloxacin", medication::quinolone},
    {"ofloxacin", medication::quinolone},
    {"norfloxacin", medication::quinolone},
    {"cipro", medication::quinolone},
    {"levaquin", medication::quinolone},
}};

}  // namespace

std::string_view to_string(medication m) noexcept {
    switch (m) {
        case medication::bisphosphonate: return "bisphosphonate";
        case medication::tetracycline: return "tetracycline";
        case medication::quinolone: return "quinolone";
    }
    return "bisphosphonate";
}

medication parse_medication(std::string_view text) {
    const std::string key = detail::lookup_key(text);
    for (const medication_name& entry : medication_names) {
        if (detail::lookup_key(entry.name) == key) return entry.kind;
    }
    std::string accepted;
    for (const medication_name& entry : medication_names) {
        if (!accepted.empty()) accepted += ", ";
        accepted += entry.name;
    }
    throw error(errc::parse_error, "unknown medication " + detail::quoted(text) +
                                       "; accepted (any case): " + accepted,
                {}, std::string(text));
}

result<medication> try_parse_medication(std::string_view text) {
    return detail::try_parse([&] { return parse_medication(text); });
}

std::string_view to_string(condition c) noexcept {
    switch (c) {
        case condition::reduced_kidney_function: return "reduced-kidney-function";
    }
    return "reduced-kidney-function";
}

condition parse_condition(std::string_view text) {
    if (detail::lookup_key(text) == detail::lookup_key(to_string(condition::reduced_kidney_function)))
        return condition::reduced_kidney_function;
    throw error(errc::parse_error, "unknown condition " + detail::quoted(text) +
                                       "; accepted (any case): reduced-kidney-function",
                {}, std::string(text));
}

result<condition> try_parse_condition(std::string_view text) {
    return detail::try_parse([&] { return parse_condition(text); });
}

std::vector<medication> profile::medication_classes() const {
    std::vector<medication> classes;
    for (const std::string& name : medications) {
        const medication m = parse_medication(name);
        if (std::find(classes.begin(), classes.end(), m) == classes.end()) classes.push_back(m);
    }
    return classes;
}

bool profile::has(condition c) const {
    return std::any_of(conditions.begin(), conditions.end(), [c](const std::string& name) {
        const result<condition> named = try_parse_condition(name);
        return named && *named == c;
    });
}

profile profile::stated(const life_stage& stage, year_month_day day) {
    profile person;
    person.sex = stage.sex();
    person.age = stated_age{stage.age().in_years(), day};
    if (stage.pregnant()) person.pregnancies.push_back({day, day});
    if (stage.lactating()) person.lactation.push_back({day, day});
    person.infant_feeding = stage.infant_feeding();
    return person;
}

}  // namespace mgcalc
