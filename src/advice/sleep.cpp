// The evening-magnesium assessment (mgcalc/advice/sleep.hpp): arithmetic on published figures, not
// advice. Every rule and threshold is explained in docs/sleep.md, and every source is listed with
// its full citation in docs/sources.md. Sleep trials: Mah & Pitre 2021, Abbasi et al. 2012,
// Nielsen et al. 2010, Rondanelli et al. 2011, and the glycine trials; the UL and infant rules:
// IOM 1997, pp. 242-244; absorption: each compound's own studies (mgcalc/chemistry/compound.hpp);
// medication spacing: the NIH ODS fact-sheet interaction list and a UK SmPC.
#include <mgcalc/error.hpp>
#include <mgcalc/chemistry/formula.hpp>
#include <mgcalc/advice/sleep.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/format.hpp>

#include <mgcalc/detail/limits.hpp>
#include "detail/text.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <utility>

namespace mgcalc {

namespace {

using detail::format_number;

// ---- thresholds ------------------------------------------------------------------------------

// The sleep trials were in adults (Abbasi et al. 2012: older adults), and for children the UL
// (65 mg at 1-3 y, 110 mg at 4-8 y; IOM 1997) lies below the range itself, so the dose-range
// rules apply from the first adult IOM band, 19 years.
constexpr double adult_from_years = 19.0;

constexpr int minutes_per_day = 24 * 60;

// The glycine sleep trials gave 3 g glycine before bedtime (Yamadera et al. 2007; Inagawa et al.
// 2006; Bannai et al. 2012; docs/sources.md).
constexpr double glycine_trial_mg = 3000.0;

// ---- evidence strings ------------------------------------------------------------------------

// The sleep trials as docs/sources.md lists them. No trial tested a single evening dose of
// magnesium alone at a set time before bed, so the dose range and the window are conventions.
constexpr std::string_view dose_evidence =
    "the evening range (200-400 mg by default) is a convention of consumer sources, configurable; no trial "
    "tested it. Trials: Mah & Pitre 2021, BMC Complement Med Ther 21:125 (meta-analysis of 3 RCTs, 151 older "
    "adults: 320-729 mg/day elemental, mostly in 2-3 divided doses; sleep onset latency -17.4 min; low "
    "certainty); Abbasi et al. 2012, J Res Med Sci 17(12):1161-9 (500 mg/day for 8 weeks, 46 older adults "
    "with insomnia); Nielsen, Johnson & Zeng 2010, Magnes Res 23(4):158-68 (320 mg/day as citrate: no sleep "
    "benefit over placebo). The UL (IOM 1997) is a safety cap, not evidence of effect";
constexpr std::string_view timing_evidence =
    "the window (30-60 minutes before bed by default) is a convention, configurable; no trial tested a time "
    "before bed for magnesium alone. The only evening-timed trial, Rondanelli et al. 2011, J Am Geriatr Soc "
    "59(1):82-90, gave melatonin 5 mg, magnesium 225 mg and zinc 11.25 mg together 1 hour before bedtime; "
    "Abbasi et al. 2012, J Res Med Sci 17(12):1161-9, and Nielsen, Johnson & Zeng 2010, Magnes Res "
    "23(4):158-68, did not state the time of day; the trials pooled by Mah & Pitre 2021, BMC Complement Med "
    "Ther 21:125, mostly divided the dose";
constexpr std::string_view adult_trials_evidence =
    "the sleep trials were in adults: Abbasi et al. 2012, J Res Med Sci 17(12):1161-9 (60-75 years); Nielsen, "
    "Johnson & Zeng 2010, Magnes Res 23(4):158-68 (51-85 years); Mah & Pitre 2021, BMC Complement Med Ther "
    "21:125 (older adults). The UL by age: IOM 1997, pp. 242-244";
constexpr std::string_view glycine_evidence =
    "Yamadera et al. 2007, Sleep Biol Rhythms 5(2):126-31; Inagawa et al. 2006, Sleep Biol Rhythms 4(1):75-7; "
    "Bannai et al. 2012, Front Neurol 3:61: 3 g glycine before bedtime, in small crossover trials "
    "(industry-affiliated). Glycine from bisglycinate follows from its formula, Mg(C2H4NO2)2: 2 glycine per "
    "magnesium";
constexpr std::string_view iom_ul_evidence =
    "IOM 1997, Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and Fluoride, pp. "
    "242-244: the UL applies to magnesium from supplements and medicines, summed over the day; critical "
    "effect osmotic diarrhoea, LOAEL 360 mg/day as MgCl2 (Bashir et al. 1993)";
constexpr std::string_view iom_infant_evidence =
    "IOM 1997, pp. 242-244: no UL established for infants; an infant's magnesium should come only from "
    "breast milk, formula and food";
constexpr std::string_view gi_evidence =
    "IOM 1997, pp. 242-244: the UL's critical effect is osmotic diarrhoea, LOAEL 360 mg/day as MgCl2 (Bashir "
    "et al. 1993); MgO 4% absorbed (Firoz & Graber 2001) and nearly insoluble (Lindberg 1990), so most of an "
    "oxide dose stays in the gut; the glycine chelate was better tolerated than oxide (Schuette et al. 1994)";
constexpr std::string_view kidney_evidence =
    "IOM 1997: the supplemental UL and its safety margin assume normal kidney function, the route by which "
    "excess magnesium is excreted (about 120 mg/day in urine, NIH ODS; about 95% of filtered magnesium "
    "reabsorbed, Blancquaert et al. 2019)";
constexpr std::string_view adequate_evidence =
    "IOM 1997, Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and Fluoride "
    "(doi:10.17226/5776): the RDA or AI is the target for the day's intake from all sources";
constexpr std::string_view untimed_evidence =
    "IOM 1997, pp. 242-244: every supplemental dose of the day counts toward the UL";
constexpr std::string_view medication_evidence_prefix =
    "NIH ODS Magnesium Health Professional Fact Sheet, drug-interaction list (read via secondary copies; "
    "edition year not confirmed) and drug-label wording (UK SmPC, medicines.org.uk product 12118): ";

// Forms whose magnesium acts osmotically in the gut at high doses (docs/sleep.md, gi-tolerance):
// chloride is the salt of the UL's LOAEL (Bashir et al. 1993, IOM 1997); oxide is nearly insoluble
// and 4% absorbed (Lindberg 1990; Firoz & Graber 2001); hydroxide (milk of magnesia) and sulfate
// (Epsom salt) are the laxative salts of the compound table; citrate is the saline laxative salt
// (general pharmacology, not from a cited study). Hydrates share their salt's chemistry.
constexpr std::array<std::string_view, 8> osmotic_form_ids{
    "oxide",   "hydroxide",          "citrate", "citrate-nonahydrate", "sulfate", "sulfate-heptahydrate",
    "chloride", "chloride-hexahydrate"};

bool is_osmotic(const compound& form) {
    return std::find(osmotic_form_ids.begin(), osmotic_form_ids.end(), form.id) != osmotic_form_ids.end();
}

// ---- medications -----------------------------------------------------------------------------

std::string spacing_rule(medication m) {
    switch (m) {
        case medication::bisphosphonate:
            return "separate the bisphosphonate and magnesium by at least 2 hours (a UK SmPC says 3-4 hours)";
        case medication::tetracycline:
        case medication::quinolone:
            return "take the antibiotic at least 2 hours before or 4-6 hours after magnesium";
    }
    return {};
}

std::string interaction(medication m) {
    switch (m) {
        case medication::bisphosphonate: return "magnesium reduces the absorption of oral bisphosphonates";
        case medication::tetracycline:
        case medication::quinolone: return "magnesium forms insoluble chelates that reduce the antibiotic's absorption";
    }
    return {};
}

// ---- helpers ---------------------------------------------------------------------------------

/// "200-400 mg": the configured evening dose range.
std::string range_text(const sleep_context& context) {
    return format_number(context.dose_range_low.value(), 1) + "-" + to_string(context.dose_range_high);
}

time_of_day minus_minutes(time_of_day time, int minutes) {
    const int at = ((time.minutes_since_midnight() - minutes) % minutes_per_day + minutes_per_day) % minutes_per_day;
    return time_of_day{at / 60, at % 60};
}

/// The range as it applies, in the words shown beside the evening dose: an adult reads it as
/// set; under 19 years it is an adult convention and the age's UL, not the range, bounds the dose.
evening_dose_range describe_range(const sleep_context& context, bool adult, bool infant,
                                  const reference_intakes& reference) {
    const std::string range = range_text(context);
    std::string description;
    if (adult) {
        description = range + ", a convention (trials: 320-729 mg/day)";  // Mah & Pitre 2021
    } else {
        description = "adult range " + range + " (trials in adults), not applied; ";
        description += reference.ul_supplemental
                           ? "UL " + to_string(*reference.ul_supplemental) + " caps the dose"
                           : infant ? std::string("no UL for infants")
                                 : "no UL set by " + std::string(reference.authority) + " for " +
                                       std::string(reference.life_stage);
    }
    return evening_dose_range{context.dose_range_low, context.dose_range_high, adult, std::move(description)};
}

/// Minutes from `dose` to `bedtime`, going forward around midnight: 0-1439 (bedtime 00:30 and a
/// dose at 23:50 give 40).
int minutes_before(time_of_day dose, time_of_day bedtime) {
    return ((bedtime.minutes_since_midnight() - dose.minutes_since_midnight()) % minutes_per_day +
            minutes_per_day) %
           minutes_per_day;
}

void check_context(const sleep_context& context) {
    if (!context.bedtime.ok()) {
        throw error(errc::parse_error, "bedtime " + std::to_string(context.bedtime.hour) + ":" +
                                           std::to_string(context.bedtime.minute) +
                                           " is not a time of day; accepted: hour 0-23, minute 0-59");
    }
    const int closes = context.window_closes_minutes_before, opens = context.window_opens_minutes_before,
              span = context.evening_span_minutes;
    if (closes < 0 || opens < closes || span < opens || span >= minutes_per_day) {
        throw error(errc::invalid_amount,
                    "a timing window opening " + std::to_string(opens) + " and closing " +
                        std::to_string(closes) + " minutes before bed with an evening span of " +
                        std::to_string(span) +
                        " minutes is not accepted; accepted: 0 <= window_closes_minutes_before <= "
                        "window_opens_minutes_before <= evening_span_minutes <= 1439");
    }
    const double low = context.dose_range_low.value(), high = context.dose_range_high.value();
    std::string problem;
    if (const std::string_view p = detail::amount_problem(low); !p.empty()) {
        problem = "the low end " + std::string(p);
    } else if (const std::string_view q = detail::amount_problem(high); !q.empty()) {
        problem = "the high end " + std::string(q);
    } else if (high < low) {
        problem = "the low end is above the high end";
    }
    if (!problem.empty()) {
        throw error(errc::invalid_amount, "an evening dose range of " + format_number(low, 1) + "-" +
                                              format_number(high, 1) + " mg is not accepted: " + problem +
                                              "; accepted: 0 <= dose_range_low <= dose_range_high, finite "
                                              "(mg elemental magnesium)");
    }
}

std::string dose_text(const day_intake::supplement_entry& entry) {
    std::string out = entry.dose.description();
    if (entry.taken_at) out += " at " + to_string(*entry.taken_at);
    return out;
}

/// Studies behind a compound's absorption grade, each with its journal: "Coudray et al. 2005,
/// Magnes Res 18(4):215-23; Bertinato et al. 2014, Magnes Res 27(4)".
std::string studies_of(const compound& form) {
    std::string out;
    for (const absorption_study& study : form.evidence) {
        if (!out.empty()) out += "; ";
        // The citation up to its first comma is the author part ("Coudray et al."), the rest the
        // journal ("Magnes Res 18(4):215-23").
        const std::size_t comma = study.study.find(',');
        out += study.study.substr(0, comma);
        out += ' ';
        out += std::to_string(study.year);
        if (comma != std::string_view::npos) out += study.study.substr(comma);
    }
    return out;
}

int severity_rank(severity s) {
    switch (s) {
        case severity::warning: return 0;
        case severity::caution: return 1;
        case severity::info: return 2;
    }
    return 3;
}

}  // namespace

// ---- public ----------------------------------------------------------------------------------

void sleep_context::add(const profile& person) {
    for (const medication m : person.medication_classes()) {
        if (std::find(medications.begin(), medications.end(), m) == medications.end()) medications.push_back(m);
    }
    if (person.has(condition::reduced_kidney_function)) reduced_kidney_function = true;
    authority = person.authority;
}

std::string_view to_string(severity s) noexcept {
    switch (s) {
        case severity::info: return "info";
        case severity::caution: return "caution";
        case severity::warning: return "warning";
    }
    return "info";
}

sleep_assessment assess_sleep(const day_intake& day, const life_stage& stage, const sleep_context& context) {
    check_context(context);
    const auto& supplements = day.supplements();
    for (std::size_t i = 0; i < supplements.size(); ++i) {
        const auto& taken_at = supplements[i].taken_at;
        if (taken_at && !taken_at->ok()) {
            throw error(errc::parse_error, "supplement " + std::to_string(i + 1) + " (" +
                                               supplements[i].dose.description() + ") has time " +
                                               std::to_string(taken_at->hour) + ":" +
                                               std::to_string(taken_at->minute) +
                                               ", which is not a time of day; accepted: hour 0-23, minute 0-59");
        }
    }

    sleep_assessment out{evaluate(day, stage, context.authority), milligrams::from_value(0.0), {}, {}, milligrams::from_value(0.0), {}};
    const evaluation& result = out.day;
    const reference_intakes& reference = result.reference;
    std::vector<finding>& findings = out.findings;
    auto add = [&](std::string_view code, severity level, std::string message, std::string_view evidence) {
        findings.push_back(finding{std::string(code), level, std::move(message), std::string(evidence)});
    };

    const time_of_day bedtime = context.bedtime;
    const std::string bed_text = to_string(bedtime);
    const std::string window_text = std::to_string(context.window_closes_minutes_before) + "-" +
                                    std::to_string(context.window_opens_minutes_before) + " minutes before bed (" +
                                    to_string(minus_minutes(bedtime, context.window_opens_minutes_before)) + "-" +
                                    to_string(minus_minutes(bedtime, context.window_closes_minutes_before)) + ")";
    const grams_per_mole magnesium_weight = atomic_weight("Mg");

    // ---- the evening dose, its timing and what it carries ----
    milligrams osmotic_evening = milligrams::from_value(0.0);
    milligrams glycine_carrier_elemental = milligrams::from_value(0.0);  // evening Mg that carried glycine
    std::size_t evening_doses = 0;
    for (const auto& entry : supplements) {
        if (!entry.taken_at) {
            add("dose-time-unknown", severity::info,
                dose_text(entry) + " has no time: it counts toward the day's total and the UL, not toward the "
                                   "evening dose",
                untimed_evidence);
            continue;
        }
        const int before = minutes_before(*entry.taken_at, bedtime);
        const bool in_evening = before <= context.evening_span_minutes;
        // Every timed dose is placed against the window, including one before the evening span,
        // which would otherwise leave no trace beyond no-evening-dose.
        if (before < context.window_closes_minutes_before || before > context.window_opens_minutes_before) {
            add("timing-outside-window", severity::info,
                dose_text(entry) + " is " + std::to_string(before) + " minutes before bedtime " + bed_text +
                    "; the window is " + window_text +
                    (in_evening ? std::string()
                                : "; it is outside the " + std::to_string(context.evening_span_minutes) +
                                      "-minute evening span, so it counts toward the day's total and the UL, "
                                      "not toward the evening dose"),
                timing_evidence);
        }
        if (!in_evening) continue;  // a daytime dose: counted in `day` only

        ++evening_doses;
        const milligrams elemental = entry.dose.elemental();
        out.evening_elemental += elemental;
        const compound& form = entry.dose.form();
        if (is_osmotic(form)) osmotic_evening += elemental;

        if (form.carriers_per_formula_unit > 0) {
            // Formula units = moles of Mg / Mg atoms per unit; each carries carriers_per_formula_unit
            // ligands, weighed as the free acid. Both molar masses are in g/mol, so their ratio is a
            // pure mass ratio.
            const double mass_ratio = form.carriers_per_formula_unit * molar_mass(form.carrier_formula).value() /
                                      (form.magnesium_atoms() * magnesium_weight.value());
            const milligrams carried = elemental * mass_ratio;
            auto same = [&](const carried_amount& c) { return c.name == form.carrier_name; };
            if (auto it = std::find_if(out.carried.begin(), out.carried.end(), same); it != out.carried.end()) {
                it->amount += carried;
            } else {
                out.carried.push_back(carried_amount{std::string(form.carrier_name), carried});
            }
            if (form.carrier_name == "glycine") {
                out.glycine += carried;
                glycine_carrier_elemental += elemental;
            }
        }
    }

    if (!supplements.empty() && evening_doses == 0) {
        add("no-evening-dose", severity::info,
            "none of the " + std::to_string(supplements.size()) + " supplement doses was logged in the " +
                std::to_string(context.evening_span_minutes) + " minutes before bedtime " + bed_text +
                ", so the evening dose is 0 mg",
            timing_evidence);
    }

    // ---- dose against the configured range (adults, when there is an evening dose) ----
    const bool adult = stage.age().in_years() >= adult_from_years;
    out.dose_range = describe_range(context, adult, stage.age().infant(), reference);
    if (!adult && evening_doses > 0) {
        add("dose-range-adults-only", severity::info,
            "evening dose " + to_string(out.evening_elemental) + " elemental is not judged against " +
                range_text(context) + ": that range is an adult convention (the sleep trials were in adults), "
                "applied from " + format_number(adult_from_years, 0) + " years; " +
                (reference.ul_supplemental
                     ? "the UL of " + to_string(*reference.ul_supplemental) + " for " +
                           std::string(reference.life_stage) + " caps the dose"
                     : stage.age().infant()
                           ? "no UL is established for " + std::string(reference.life_stage) +
                                 ", and no supplement should be given without a clinician"
                           : "no UL is set by " + std::string(reference.authority) + " for " +
                                 std::string(reference.life_stage)),
            adult_trials_evidence);
    }
    if (adult && evening_doses > 0) {
        const std::string range = range_text(context) + " evening range (a convention, not a trial dose)";
        if (out.evening_elemental < context.dose_range_low) {
            add("dose-below-range", severity::info,
                "evening dose " + to_string(out.evening_elemental) + " elemental is below the " + range + "; " +
                    to_string(context.dose_range_low - out.evening_elemental) + " more would reach " +
                    to_string(context.dose_range_low),
                dose_evidence);
        } else if (out.evening_elemental > context.dose_range_high) {
            add("dose-above-range", severity::caution,
                "evening dose " + to_string(out.evening_elemental) + " elemental is above the " + range + " by " +
                    to_string(out.evening_elemental - context.dose_range_high),
                dose_evidence);
        }
    }

    // ---- glycine against the glycine sleep trials ----
    if (out.glycine.value() > 0.0) {
        const double glycine_per_mg = out.glycine.value() / glycine_carrier_elemental.value();  // mg per mg Mg
        const milligrams needed = milligrams::from_value(glycine_trial_mg / glycine_per_mg);
        const std::string trial_dose = format_number(glycine_trial_mg / 1000.0, 1) + " g";
        std::string message = "the evening doses carry " + format_number(out.glycine.value() / 1000.0, 2) +
                              " g glycine (" + to_string(out.glycine) + ", by stoichiometry), ";
        if (out.glycine.value() < glycine_trial_mg) {
            message += "below the " + trial_dose + " before bedtime of the glycine sleep trials; " + trial_dose +
                       " would come with " +
                       to_string(needed) + " elemental magnesium as bisglycinate";
            if (reference.ul_supplemental && needed > *reference.ul_supplemental) {
                message += ", above the UL of " + to_string(*reference.ul_supplemental);
            }
        } else {
            message += "at or above the " + trial_dose + " before bedtime of the glycine sleep trials";
        }
        add("glycine-trial-dose", severity::info, std::move(message), glycine_evidence);
    }

    // ---- safety: UL, infants, osmotic load, kidneys, medications ----
    if (result.over_ul && reference.ul_supplemental) {
        const milligrams limit = *reference.ul_supplemental;
        add("over-upper-limit", severity::warning,
            "supplements give " + to_string(result.supplement) + " elemental magnesium over the day in " +
                std::to_string(supplements.size()) + (supplements.size() == 1 ? " dose" : " doses") +
                " (split doses are summed; food does not count), above the UL of " + to_string(limit) + " for " +
                std::string(reference.life_stage) + " by " + to_string(result.supplement - limit),
            // Another authority's UL is cited by its own table (EFSA: the SCF's 250 mg).
            reference.authority_id == authority::iom || reference.authority_id == authority::anz ? iom_ul_evidence
                                                                                              : reference.source);
    }
    if (stage.age().infant() && !supplements.empty()) {
        add("infant", severity::warning,
            "a supplement is logged for an infant (" + stage.age().to_string() +
                "): no UL is established below 12 months and no supplement should be given without a "
                "clinician; infants' magnesium comes from breast milk, formula and food",
            iom_infant_evidence);
    }
    if (reference.ul_supplemental && osmotic_evening >= *reference.ul_supplemental) {
        add("gi-tolerance", severity::caution,
            to_string(osmotic_evening) + " elemental magnesium in the evening from osmotic forms (oxide, hydroxide, "
                                       "citrate, sulfate, chloride) is at or above " +
                to_string(*reference.ul_supplemental) +
                ", the UL for this age, which was set from osmotic diarrhoea (LOAEL 360 mg/day); below " +
                to_string(*reference.ul_supplemental) + " from these forms, or a chelate such as "
                                                               "glycinate, would not trigger this",
            gi_evidence);
    }
    if (context.reduced_kidney_function && !supplements.empty()) {
        add("kidney-caution", severity::warning,
            "reduced kidney function is set: " +
                (reference.ul_supplemental ? "the UL of " + to_string(*reference.ul_supplemental) + " and "
                                           : "no UL is set by " + std::string(reference.authority) + ", and ") +
                "the safety of " + to_string(result.supplement) +
                " of supplemental magnesium assume normal kidneys, which excrete the excess; this needs a "
                "clinician's judgement",
            kidney_evidence);
    }
    if (!supplements.empty()) {
        std::vector<medication> seen;
        for (medication m : context.medications) {
            if (std::find(seen.begin(), seen.end(), m) != seen.end()) continue;
            seen.push_back(m);
            add("medication-spacing", severity::caution,
                std::string(to_string(m)) + ": " + interaction(m) + "; " + spacing_rule(m),
                std::string(medication_evidence_prefix) + spacing_rule(m));
        }
    }

    // ---- form: absorption evidence, per distinct compound ----
    std::vector<std::string_view> forms_seen;
    for (const auto& entry : supplements) {
        const compound& form = entry.dose.form();
        if (std::find(forms_seen.begin(), forms_seen.end(), form.id) != forms_seen.end()) continue;
        forms_seen.push_back(form.id);
        if (form.bioavailability && form.bioavailability->relative_factor < 1.0) {
            add("poorly-absorbed-form", severity::caution,
                std::string(form.name) + " is less well absorbed than well-dissolving salts (mgcalc relative "
                                         "estimate " +
                    format_number(form.bioavailability->relative_factor, 2) +
                    "); the elemental amount still counts in full toward the totals and the UL; glycinate, "
                    "citrate, chloride, lactate or aspartate have a factor of 1",
                form.bioavailability->basis);
        } else if (form.grade == evidence_grade::animal_only || form.grade == evidence_grade::none) {
            add("absorption-evidence-limited", severity::info,
                std::string(form.name) + " has " +
                    (form.grade == evidence_grade::none ? std::string("no absorption study")
                                                        : std::string("only animal absorption studies")) +
                    " in mgcalc's evidence (grade " + std::string(to_string(form.grade)) +
                    "), so how well it is absorbed in people is not known from these sources",
                form.grade == evidence_grade::none
                    ? std::string("no human or animal absorption study of this form among the studies mgcalc "
                                  "cites (docs/compounds.md)")
                    : "rat studies only: " + studies_of(form));
        }
    }

    // ---- food alone ----
    if (result.food >= reference.target) {
        add("intake-already-adequate", severity::info,
            "food alone gives " + std::string(result.total_is_lower_bound() ? "at least " : "") +
                to_string(result.food) + ", at or above the " + std::string(to_string(reference.target_kind)) + " of " +
                to_string(reference.target) + " for " + std::string(reference.life_stage) +
                ", before any supplement",
            adequate_evidence);
    }

    // Warnings first, then cautions, then information; rule order within a severity.
    std::stable_sort(findings.begin(), findings.end(), [](const finding& a, const finding& b) {
        return severity_rank(a.severity) < severity_rank(b.severity);
    });
    return out;
}

sleep_assessment assess_sleep(const intake_log& log, year_month_day date, const food_catalog& catalog,
                              sleep_context context) {
    const auto logged = std::find_if(log.days.begin(), log.days.end(), [&](const log_day& d) { return d.date == date; });
    if (logged == log.days.end())
        throw error(errc::invalid_date,
                    "the log has no day " + to_string(date) + "; expected the date of a logged day");
    context.add(log.person);
    return assess_sleep(resolve_day(log, *logged, catalog), log.person.on(date), context);
}

}  // namespace mgcalc
