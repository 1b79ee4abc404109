// mgcalc/sleep.hpp - an evening-magnesium assessment for sleep: dose, form, timing and safety,
// as arithmetic on published figures (docs/sleep.md). It is not advice and makes no medical claim.
#pragma once

#include <mgcalc/evaluation.hpp>
#include <mgcalc/intake.hpp>
#include <mgcalc/life_stage.hpp>
#include <mgcalc/time_of_day.hpp>
#include <mgcalc/units.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

enum class medication { bisphosphonate, tetracycline, quinolone };
std::string_view to_string(medication m) noexcept;
/// "bisphosphonate", "tetracycline", "quinolone" (also common names such as "alendronate",
/// "doxycycline", "ciprofloxacin"); throws mgcalc::error (parse_error) listing them.
medication parse_medication(std::string_view text);

struct sleep_context {
    time_of_day bedtime;
    /// The dose window: a dose taken from window_opens_minutes_before to
    /// window_closes_minutes_before minutes before bedtime (both inclusive) is on time. The
    /// default 60-30 minutes is a convention that no trial tested (docs/sleep.md).
    int window_opens_minutes_before = 60;
    int window_closes_minutes_before = 30;
    /// Doses earlier than this many minutes before bed are not "evening" at all.
    int evening_span_minutes = 240;
    bool reduced_kidney_function = false;
    std::vector<medication> medications;
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

struct sleep_assessment {
    evaluation day;                       ///< the whole day against the reference intakes
    milligrams evening_elemental;         ///< elemental Mg from supplements in the evening span
    std::vector<carried_amount> carried;  ///< per carried compound, summed over evening doses
    milligrams glycine;                   ///< glycine from evening doses (0 when none)
    std::vector<finding> findings;
};

/// Assesses a day's intake for evening magnesium. Supplement entries should carry taken_at; a
/// dose without a time is counted for the UL but not as an evening dose (and is reported).
sleep_assessment assess_sleep(const day_intake& day, const life_stage& stage, const sleep_context& context);

}  // namespace mgcalc
