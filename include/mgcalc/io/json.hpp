// mgcalc/io/json.hpp - mgcalc's results as JSON, the documents `mgcalc ... --format json` prints
// (docs/cli.md has the schema of each: keys, types, units, what null means).
//
// Each function returns the whole document as text, laid out with a 2-space indent and no
// trailing newline, rather than a JSON library's value: nlohmann-json stays private to the
// library, so neither an app nor mgcalc's installed package needs its headers, and an app using
// another JSON library parses the text with it. The program only prints these documents (its
// period report embeds the day reports, which is done here too), so text loses it nothing.
//
// Figures are rounded to the precision the text reports show (docs/cli.md, "Numbers"): 0.1 mg,
// 0.1 g, 0.1 %, 0.01 year. A value that is not established or not known is null, never 0. Text
// that is not valid UTF-8 (an entry typed in another encoding) is written with U+FFFD in place
// of the bytes at fault rather than refused.
//
// Opt-in: not included by <mgcalc/mgcalc.hpp>.
#pragma once

#include <mgcalc/advice/sleep.hpp>
#include <mgcalc/advice/suggestion.hpp>
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/dates.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/choice.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/intake/time_of_day.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/people/reference.hpp>

#include <span>
#include <iosfwd>
#include <string>

namespace mgcalc {

/// The reference intakes of a life stage, with the person as understood (`mgcalc reference`).
std::string to_json(const reference_intakes& reference, const life_stage& stage);
/// Reference intakes without a person, e.g. the distinct ones of a batch (batch_result::references),
/// in their order: [{"authority", "authority_id", "life_stage", "target_mg", "target_kind", "ear_mg",
/// "ul_supplemental_mg", "dv_mg", "source", "confidence", "note"}].
std::string to_json(std::span<const reference_intakes> references);
/// An authority's whole table: {"authority", "authority_id", "source", "rows": [{"population",
/// "from_months", "to_months", "life_stage", "target_mg", "target_kind", "ear_mg",
/// "ul_supplemental_mg", "dv_mg", "confidence", "infant_feeding"}]}.
std::string to_json(authority table);

/// One compound: formula, molar mass, elemental fraction, the bioavailability estimate and its
/// evidence (`mgcalc compounds show`).
std::string to_json(const compound& item);
/// A list of compounds, each as above (`mgcalc compounds list`).
std::string to_json(std::span<const compound> items);

/// Food search hits, best first: id, source, description, magnesium per 100 g
/// (`mgcalc foods search`).
std::string to_json(std::span<const catalog_match> hits);
/// How a typed food was read: the method, confidence, notes, other foods and portions (the
/// "match" of a report entry).
std::string to_json(const food_choice& choice);
/// A food with its portions and how it was found (`mgcalc foods show`).
std::string to_json(const resolved_food& found);
/// A typed food entry read into a food, grams and magnesium (`mgcalc foods resolve`).
std::string to_json(const resolved_food_entry& entry);

/// The gap to the target and the foods that would close it (the "suggestions" of a day report).
std::string to_json(const gap_suggestions& suggestions);
/// The day report: the day against its reference intakes, each entry's contribution, the
/// warnings, and suggest_for_gap's suggestions for the day (`mgcalc report` of one day).
std::string to_json(const day_result& day);
/// The averages and day counts of a period (the "period" of a period report).
std::string to_json(const period_summary& summary);
/// A log evaluated over a period: {"period": summary, "days": [day reports]} (`mgcalc report` of
/// several days).
std::string to_json(const period_evaluation& period);
/// The same text as to_json(period), written a day at a time: the document is never held whole
/// (the report of a 10 MB log is 80 MB of JSON, and as one document took 600 MB).
void write_json(std::ostream& out, const period_evaluation& period);

/// The evening-magnesium assessment of a day for a person going to bed at `bedtime`
/// (`mgcalc sleep`).
std::string to_json(const sleep_assessment& assessment, const life_stage& stage, year_month_day date,
                    time_of_day bedtime);

/// An mgcalc::error for an app that reports errors as JSON (the program writes them as one line
/// on stderr instead): its stable code, message, the text at fault and where it was, each
/// location field null when not known.
std::string to_json(const error& failure);

}  // namespace mgcalc
