// mgcalc's plausibility limits, shared by the parsers and the day log (docs/model.md,
// "Plausibility limits"). Not safety thresholds: they catch unit and typing mistakes.
#pragma once

#include <cmath>
#include <string_view>

namespace mgcalc::detail {

/// What is wrong with an amount that must be a finite number of at least 0, for an error
/// message ("is not a number", "is infinite", "is negative"); empty when it is fine.
inline std::string_view amount_problem(double value) noexcept {
    if (std::isnan(value)) return "is not a number";
    if (std::isinf(value)) return "is infinite";
    if (value < 0) return "is negative";
    return {};
}

/// The most of one food a day's entry may hold: no one eats 10 kg of one food in a day.
inline constexpr double max_food_grams = 10'000.0;

}  // namespace mgcalc::detail
