// mgcalc/detail/limits.hpp - checking amounts against mgcalc's plausibility limits (the limits
// themselves are public, in mgcalc/limits.hpp): the words an error message uses for an amount
// that is not a number. Shared by the model headers and the compiled library.
#pragma once

#include <mgcalc/limits.hpp>

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

using limits::max_food_grams;

}  // namespace mgcalc::detail
