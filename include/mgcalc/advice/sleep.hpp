// mgcalc/advice/sleep.hpp - an evening-magnesium assessment for sleep: dose, form, timing and safety,
// as arithmetic on published figures (docs/sleep.md). It is not advice and makes no medical claim.
#pragma once

#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/intake/log.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/people/profile.hpp>
#include <mgcalc/intake/time_of_day.hpp>
#include <mgcalc/units.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

struct sleep_context {
    time_of_day bedtime;
    /// The dose window: a dose taken from window_opens_minutes_before to
    /// window_closes_minutes_before minutes before bedtime (both inclusive) is on time. The
    /// default 60-30 minutes is a convention that no trial tested; the only evening-timed trial
    /// gave a melatonin-magnesium-zinc combination 1 hour before bed (Rondanelli et al. 2011;
    /// docs/sources.md).
    int window_opens_minutes_before = 60;
    int window_closes_minutes_before = 30;
    /// Doses earlier than this many minutes before bed are not "evening" at all.
    int evening_span_minutes = 240;
    /// The evening dose range, elemental magnesium, both ends inclusive, judged from 19 years. The
    /// default 200-400 mg is a convention of consumer sources that no trial tested; the trials
    /// gave 320-729 mg/day, mostly in divided doses (Mah & Pitre 2021; docs/sleep.md).
    milligrams dose_range_low = milligrams::from_value(200.0);
    milligrams dose_range_high = milligrams::from_value(400.0);
    bool reduced_kidney_function = false;
    std::vector<medication> medications;
    /// Whose reference intakes (target and supplemental UL) the findings use.
    mgcalc::authority authority = authority::iom;

    /// Adds what the person's profile says: its medications (profile::medication_classes, which
    /// throws for a name it does not know), reduced kidney function when it is listed, and its
    /// authority.
    void add(const profile& person);
};

enum class severity { info, caution, warning };
std::string_view to_string(severity s) noexcept;  ///< "info", "caution", "warning"

struct finding {
    std::string code;      ///< stable: "timing-outside-window", "dose-below-range", ...
    mgcalc::severity severity;
    std::string message;
    std::string evidence;  ///< the study or authority it rests on, with year
};

/// A compound delivered alongside the magnesium, by stoichiometry (glycine from bisglycinate).
struct carried_amount {
    std::string name;  ///< "glycine", "taurine", "L-threonic acid", "malic acid", "citric acid"
    milligrams amount;
};

/// The evening dose range as it applies to the person assessed (docs/sleep.md).
struct evening_dose_range {
    milligrams low;           ///< sleep_context::dose_range_low
    milligrams high;          ///< sleep_context::dose_range_high
    bool judged = false;      ///< dose-below-range / dose-above-range apply: from 19 years
    /// What to show beside the evening dose: "200-400 mg, a convention (trials: 320-729 mg/day)";
    /// under 19 years it says the range is an adult one and names the UL that caps the dose.
    std::string description;
};

struct sleep_assessment {
    evaluation day;                       ///< the whole day against the reference intakes
    milligrams evening_elemental;         ///< elemental Mg from supplements in the evening span
    evening_dose_range dose_range;        ///< the range the evening dose is read against
    std::vector<carried_amount> carried;  ///< per carried compound, summed over evening doses
    milligrams glycine;                   ///< glycine from evening doses (0 when none)
    std::vector<finding> findings;
};

/// Assesses a day's intake for evening magnesium. Supplement entries should carry taken_at; a
/// dose without a time is counted for the UL but not as an evening dose (and is reported).
sleep_assessment assess_sleep(const day_intake& day, const life_stage& stage, const sleep_context& context);

/// The assessment of the logged day `date` of a log: the day's entries resolved in `catalog`
/// (resolve_day), the person's life stage on that date (profile::on), and the profile's
/// medications and conditions added to `context` (sleep_context::add). Throws mgcalc::error
/// (invalid_date) when the log has no day `date`, and what resolving the day throws.
sleep_assessment assess_sleep(const intake_log& log, year_month_day date, const food_catalog& catalog,
                              sleep_context context);

}  // namespace mgcalc
