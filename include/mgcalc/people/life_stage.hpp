// mgcalc/people/life_stage.hpp - sex, exact age, pregnancy and lactation.
//
// Age is exact (months with fraction), never floored to whole years: a 9-month-old is not
// "age 0" (the CRON-o-Meter pitfall, docs/model.md). Impossible combinations are errors.
#pragma once

#include <mgcalc/dates.hpp>
#include <mgcalc/result.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

enum class sex { female, male };
std::string_view to_string(sex s) noexcept;
/// "female"/"f"/"woman" or "male"/"m"/"man", any case; throws mgcalc::error (invalid_life_stage).
sex parse_sex(std::string_view text);
/// parse_sex's twin: the error instead of throwing it.
result<sex> try_parse_sex(std::string_view text);

/// Exact age, stored as months with fraction. Valid range: birth to 120 years.
class age {
public:
    /// Throws mgcalc::error (invalid_life_stage) if negative, not finite, or over 120 years.
    static age from_years(double years);
    static age from_months(double months);
    /// Age on `on` of a person born on `birth`: completed calendar months plus the fraction of
    /// the current month (a birthday on the 29th-31st falls on the month's last day when the
    /// month is shorter). Throws invalid_date if a date does not exist or `on` is before `birth`.
    static age between(year_month_day birth, year_month_day on);

    double in_months() const noexcept { return months_; }
    double in_years() const noexcept { return months_ / 12.0; }
    /// "9 months", "9.5 months" below 2 years, "34.5 years" from 2 years (truncated to one
    /// decimal, so it never shows an age not yet reached).
    std::string to_string() const;

private:
    explicit age(double months) : months_(months) {}
    double months_;
};

/// Pregnancy and lactation. Both may be set (a mother nursing while pregnant).
struct physiological_state {
    bool pregnant = false;
    bool lactating = false;
};

class life_stage {
public:
    /// Throws mgcalc::error (invalid_life_stage) for a pregnant or lactating male, or pregnancy
    /// or lactation below 10 years of age.
    life_stage(mgcalc::sex s, mgcalc::age a, physiological_state state = {});

    mgcalc::sex sex() const noexcept { return sex_; }
    const mgcalc::age& age() const noexcept { return age_; }
    bool pregnant() const noexcept { return state_.pregnant; }
    bool lactating() const noexcept { return state_.lactating; }
    /// "female, 34.5 years, pregnant".
    std::string to_string() const;

private:
    mgcalc::sex sex_;
    mgcalc::age age_;
    physiological_state state_;
};

}  // namespace mgcalc
