// mgcalc/people/life_stage.hpp - sex, exact age, pregnancy and lactation.
//
// Age is exact (months with fraction), never floored to whole years: a 9-month-old is not
// "age 0" (the CRON-o-Meter pitfall, docs/model.md). Impossible combinations are errors.
//
// Header-only and constexpr: a life stage made from numbers is a constant expression, and so are
// its reference intakes (reference.hpp).
#pragma once

#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/limits.hpp>
#include <mgcalc/result.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace mgcalc {

enum class sex { female, male };
constexpr std::string_view to_string(sex s) noexcept { return s == sex::female ? "female" : "male"; }
/// "female"/"f"/"woman" or "male"/"m"/"man", any case; throws mgcalc::error (invalid_life_stage).
sex parse_sex(std::string_view text);
/// parse_sex's twin: the error instead of throwing it.
result<sex> try_parse_sex(std::string_view text);

/// Exact age, stored as months with fraction. Valid range: birth to 120 years.
class age {
public:
    /// Throws mgcalc::error (invalid_life_stage) if negative, not finite, or over 120 years.
    static constexpr age from_years(double years);
    static constexpr age from_months(double months);
    // From dates: age_between(birth, on) in <mgcalc/people/age_between.hpp>.

    constexpr double in_months() const noexcept { return months_; }
    constexpr double in_years() const noexcept { return months_ / 12.0; }
    /// Under 12 months: the infant rows of every table mgcalc ships, where no supplemental UL is
    /// set and an infant feeding applies.
    constexpr bool infant() const noexcept { return months_ < 12.0; }
    /// "9 months", "9.5 months" below 2 years, "34.5 years" from 2 years (truncated to one
    /// decimal, so it never shows an age not yet reached).
    std::string to_string() const;

private:
    constexpr explicit age(double months) : months_(months) {}
    double months_;
};

/// How an infant under 6 months is fed. Only WHO/FAO 2004 gives this age two values (26 mg
/// breast-fed, 36 mg formula-fed), and mgcalc never guesses which: unspecified there is an error.
enum class infant_feeding { unspecified, breast_fed, formula_fed };
/// "unspecified", "breast-fed" or "formula-fed".
constexpr std::string_view to_string(infant_feeding feeding) noexcept {
    switch (feeding) {
        case infant_feeding::unspecified: return "unspecified";
        case infant_feeding::breast_fed: return "breast-fed";
        case infant_feeding::formula_fed: return "formula-fed";
    }
    return "unspecified";
}
/// "breast-fed"/"breastfed"/"breast" or "formula-fed"/"formulafed"/"formula", any case; throws
/// mgcalc::error (parse_error) naming them.
infant_feeding parse_infant_feeding(std::string_view text);
/// parse_infant_feeding's twin: the error instead of throwing it.
result<infant_feeding> try_parse_infant_feeding(std::string_view text);

/// Pregnancy and lactation, and an infant's feeding. Pregnant and lactating may both be set (a
/// mother nursing while pregnant); a feeding only below 12 months of age.
struct physiological_state {
    bool pregnant = false;
    bool lactating = false;
    mgcalc::infant_feeding feeding = infant_feeding::unspecified;
};

class life_stage {
public:
    /// Throws mgcalc::error (invalid_life_stage) for a pregnant or lactating male, pregnancy or
    /// lactation below 10 years of age, or an infant feeding from 12 months of age.
    constexpr life_stage(mgcalc::sex s, mgcalc::age a, physiological_state state = {});

    constexpr mgcalc::sex sex() const noexcept { return sex_; }
    constexpr const mgcalc::age& age() const noexcept { return age_; }
    constexpr bool pregnant() const noexcept { return state_.pregnant; }
    constexpr bool lactating() const noexcept { return state_.lactating; }
    constexpr mgcalc::infant_feeding infant_feeding() const noexcept { return state_.feeding; }
    /// "female, 34.5 years, pregnant".
    std::string to_string() const;

private:
    mgcalc::sex sex_;
    mgcalc::age age_;
    physiological_state state_;
};

// ---------------------------------------------------------------------------------------------
// Implementation. Age is kept as months with a fraction, never floored to whole years, because
// the reference bands change at 6 and 12 months (the CRON-o-Meter "every infant is age 0"
// pitfall).
// ---------------------------------------------------------------------------------------------

namespace detail {

inline constexpr double months_per_year = 12.0;
// Ages beyond limits::max_age_years are a typing mistake.
inline constexpr double max_age_months = limits::max_age_years * months_per_year;
// IOM 1997 gives no pregnancy or lactation rows below 14 years ("<= 18 y"); mgcalc accepts them
// from 10 years and treats anything younger as an input error.
inline constexpr double min_reproductive_age_months = 10.0 * months_per_year;

[[noreturn]] inline void fail_age_out_of_range(double value, std::string_view unit, double maximum) {
    const std::string_view problem = std::isnan(value) ? "is not a number" : (value < 0 ? "is negative" : "is out of range");
    throw error(errc::invalid_life_stage, concat({"age ", decimal_beyond(value, maximum, 3), " ", unit, " ", problem,
                                                 ": accepted ages are 0 to 120 years (0 to 1440 months)"}));
}

constexpr double checked_months(double value, double maximum, std::string_view unit, double months_per_unit) {
    // `!(value >= 0)` also rejects NaN; infinity fails the upper bound.
    if (!(value >= 0) || !(value <= maximum)) fail_age_out_of_range(value, unit, maximum);
    return value * months_per_unit + 0.0;  // + 0.0 turns -0.0 into +0.0
}

// Truncates (never rounds up) to one decimal, so a displayed age is never one the person has not
// reached yet: 18.97 years shows as "18.9 years", not "19 years", in line with how ages are
// spoken. The 1e-9 absorbs binary error such as 0.3 * 12 = 3.5999999999999996.
inline std::string one_decimal_down(double value) { return decimal(std::floor(value * 10.0 + 1e-9) / 10.0, 1); }

[[noreturn]] inline void fail_impossible_state(sex s, const age& a, physiological_state state) {
    const std::string_view what = state.pregnant && state.lactating ? "pregnant and lactating"
                                  : state.pregnant                  ? "pregnant"
                                                                    : "lactating";
    if (s == sex::male) {
        throw error(errc::invalid_life_stage,
                    concat({"a male cannot be ", what, ": pregnancy and lactation apply to females only"}));
    }
    throw error(errc::invalid_life_stage, concat({"a female aged ", a.to_string(), " cannot be ", what,
                                                 ": pregnancy and lactation are accepted from 10 years of age"}));
}

[[noreturn]] inline void fail_feeding_after_infancy(const age& a, infant_feeding feeding) {
    throw error(errc::invalid_life_stage,
                concat({"an infant feeding (", mgcalc::to_string(feeding), ") is given for an age of ", a.to_string(),
                        ": it applies below 12 months of age only"}));
}

}  // namespace detail

// ---- sex -------------------------------------------------------------------------------------

inline sex parse_sex(std::string_view text) {
    const std::string word = detail::to_lower(detail::trim(text));
    if (word == "female" || word == "f" || word == "woman") return sex::female;
    if (word == "male" || word == "m" || word == "man") return sex::male;
    throw error(errc::invalid_life_stage,
                detail::concat({"unknown sex ", detail::quoted(text), ": expected female, f, woman, male, m or man (any case)"}),
                {}, std::string(text));
}

inline result<sex> try_parse_sex(std::string_view text) {
    return detail::try_parse([&] { return parse_sex(text); });
}

// ---- age -------------------------------------------------------------------------------------

constexpr age age::from_years(double years) {
    return age(detail::checked_months(years, limits::max_age_years, "years", detail::months_per_year));
}

constexpr age age::from_months(double months) {
    return age(detail::checked_months(months, detail::max_age_months, "months", 1.0));
}

inline std::string age::to_string() const {
    // Below 2 years in months (the infant bands are in months: 0-6, 6-12), otherwise in years.
    if (months_ < 24.0) {
        std::string shown = detail::one_decimal_down(months_);
        shown += shown == "1" ? " month" : " months";
        return shown;
    }
    return detail::concat({detail::one_decimal_down(in_years()), " years"});
}

// ---- life_stage ------------------------------------------------------------------------------

constexpr life_stage::life_stage(mgcalc::sex s, mgcalc::age a, physiological_state state)
    : sex_(s), age_(a), state_(state) {
    const bool reproductive = state.pregnant || state.lactating;
    if (reproductive && (s == sex::male || a.in_months() < detail::min_reproductive_age_months)) {
        detail::fail_impossible_state(s, a, state);
    }
    if (state.feeding != infant_feeding::unspecified && !a.infant()) {
        detail::fail_feeding_after_infancy(a, state.feeding);
    }
}

inline std::string life_stage::to_string() const {
    std::string out = detail::concat({mgcalc::to_string(sex_), ", ", age_.to_string()});
    if (state_.pregnant && state_.lactating)
        out += ", pregnant and lactating";
    else if (state_.pregnant)
        out += ", pregnant";
    else if (state_.lactating)
        out += ", lactating";
    if (state_.feeding != infant_feeding::unspecified) {
        out += ", ";
        out += mgcalc::to_string(state_.feeding);
    }
    return out;
}

// ---- infant feeding --------------------------------------------------------------------------

inline infant_feeding parse_infant_feeding(std::string_view text) {
    const std::string word = detail::lookup_key(detail::trim(text));
    if (word == "breastfed" || word == "breast") return infant_feeding::breast_fed;
    if (word == "formulafed" || word == "formula") return infant_feeding::formula_fed;
    throw error(errc::parse_error,
                detail::concat({"unknown infant feeding ", detail::quoted(text),
                                ": expected breast-fed or formula-fed (any case)"}),
                {}, std::string(text));
}

inline result<infant_feeding> try_parse_infant_feeding(std::string_view text) {
    return detail::try_parse([&] { return parse_infant_feeding(text); });
}

}  // namespace mgcalc
