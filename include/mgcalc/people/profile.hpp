// mgcalc/people/profile.hpp - a person over time: sex, birth date (or an age stated on a date),
// the dates of pregnancies and lactation, and the conditions and medications that change how
// magnesium is judged. `on(day)` is the life stage on one day, which the reference intakes need.
#pragma once

#include <mgcalc/dates.hpp>
#include <mgcalc/people/authority.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/result.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

/// The medicine classes whose absorption magnesium reduces (NIH ODS, Magnesium fact sheet for
/// health professionals, "Interactions with Medications"; docs/sources.md).
enum class medication { bisphosphonate, tetracycline, quinolone };
std::string_view to_string(medication m) noexcept;  ///< "bisphosphonate", "tetracycline", "quinolone"
/// A class name or a common drug of the class, any case: "bisphosphonate", "alendronate",
/// "doxycycline", "ciprofloxacin". Throws mgcalc::error (parse_error) listing every accepted name.
medication parse_medication(std::string_view text);
/// parse_medication's twin: the error instead of throwing it.
result<medication> try_parse_medication(std::string_view text);

/// The conditions mgcalc takes into account. Reduced kidney function: the kidneys clear excess
/// magnesium, so supplements are flagged (IOM 1997, p. 243; docs/sources.md).
enum class condition { reduced_kidney_function };
std::string_view to_string(condition c) noexcept;  ///< "reduced-kidney-function"
/// "reduced-kidney-function", any case. Throws mgcalc::error (parse_error) listing the accepted.
condition parse_condition(std::string_view text);
/// parse_condition's twin: the error instead of throwing it.
result<condition> try_parse_condition(std::string_view text);

/// An age stated on a date, for people who give an age rather than a birth date.
struct stated_age {
    double years;
    year_month_day on;
    friend bool operator==(const stated_age&, const stated_age&) = default;
};

struct profile {
    mgcalc::sex sex = mgcalc::sex::female;
    std::optional<year_month_day> birth_date;  ///< preferred: age is exact on every day
    std::optional<stated_age> age;             ///< used when there is no birth date
    std::vector<date_range> pregnancies;
    std::vector<date_range> lactation;
    /// As the person wrote them (a log keeps them byte for byte); medication_classes() and has()
    /// read them.
    std::vector<std::string> conditions;   ///< e.g. "reduced-kidney-function"
    std::vector<std::string> medications;  ///< e.g. "bisphosphonate", "doxycycline"
    /// Whose reference intakes the person's days are compared with (docs/reference-intakes.md,
    /// "Authorities").
    mgcalc::authority authority = authority::iom;
    /// How the person was fed as an infant under 6 months (WHO/FAO's two values for that age);
    /// used only on days before the first birthday.
    mgcalc::infant_feeding infant_feeding = infant_feeding::unspecified;

    /// The life stage on `day`: age from the birth date (or the stated age moved to that day),
    /// pregnant/lactating when a range contains the day. Throws like life_stage.
    life_stage on(year_month_day day) const;

    /// The medication classes named, each once, in the order first named. Throws mgcalc::error
    /// (parse_error) for a name that is not one of parse_medication's.
    std::vector<medication> medication_classes() const;
    /// Whether the condition is named. Names of other conditions are kept but not used.
    bool has(condition c) const;

    /// The person of `stage` on `day`: the age stated on that day, pregnant or lactating on that
    /// day only. For a person described by a life stage rather than a birth date.
    static profile stated(const life_stage& stage, year_month_day day);
};

}  // namespace mgcalc
