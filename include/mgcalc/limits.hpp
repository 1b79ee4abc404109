// mgcalc/limits.hpp - mgcalc's plausibility limits (docs/model.md, "Plausibility limits").
//
// They are not safety thresholds: they catch unit and typing mistakes (a g/mg mix-up multiplies
// by 1000) while letting every real food, product and laxative dose through. Every parser,
// loader and file format checks against these, so an app can validate a form with the same
// numbers before it calls mgcalc.
#pragma once

namespace mgcalc::limits {

/// The oldest age accepted, years. IOM 1997 tabulates intakes up to "> 70 y" with no upper
/// bound; 120 is a little above the longest verified human life span.
inline constexpr double max_age_years = 120.0;

/// The most elemental magnesium in one supplement dose or one unit of a product, mg: more than
/// 14 times the adult supplemental UL of 350 mg (IOM 1997).
inline constexpr double max_elemental_mg_per_dose = 5'000.0;

/// The most compound in one dose, mg: 50 g of Epsom salt, the most dilute common form taken in
/// gram amounts, is already a laxative overdose.
inline constexpr double max_compound_mg_per_dose = 50'000.0;

/// The most magnesium a food may hold, mg per 100 g: 100 g of magnesium in 100 g of food would
/// be the pure metal.
inline constexpr double max_magnesium_mg_per_100g = 100'000.0;

/// The most of one food in one day's entry, grams: no one eats 10 kg of one food in a day.
inline constexpr double max_food_grams = 10'000.0;

/// The most food a day may weigh in all, grams, before its evaluation warns
/// ("day-food-implausible"): the same 10 kg, now over every food entry of the day. Not an
/// error: a day of many entries may be meant, but 200,000 entries of 1 g of seeds are a
/// repeated import, not an intake.
inline constexpr double max_plausible_day_food_grams = 10'000.0;

/// The most food search hits one call returns (`mgcalc foods search --limit`, the C API): a
/// bound on the answer's size, far above the 10 a person reads.
inline constexpr int max_search_results = 1'000;

}  // namespace mgcalc::limits
