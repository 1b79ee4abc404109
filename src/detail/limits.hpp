// mgcalc's plausibility limits, shared by the parsers and the day log (docs/model.md,
// "Plausibility limits"). Not safety thresholds: they catch unit and typing mistakes.
#pragma once

namespace mgcalc::detail {

/// The most of one food a day's entry may hold: no one eats 10 kg of one food in a day.
inline constexpr double max_food_grams = 10'000.0;

}  // namespace mgcalc::detail
