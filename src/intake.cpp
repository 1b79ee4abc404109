#include <mgcalc/error.hpp>
#include <mgcalc/intake.hpp>

#include "detail/text.hpp"

#include <cmath>
#include <utility>

namespace mgcalc {

namespace {
// The largest amount of one food mgcalc accepts in a day's entry. No one eats 10 kg of a food
// in a day; an amount above it is a unit or typing mistake (docs/model.md, "Plausibility").
constexpr double max_food_grams = 10'000.0;
}  // namespace

day_intake& day_intake::add_food(mgcalc::food item, grams amount, std::string input) {
    const double g = amount.value();
    if (!std::isfinite(g) || g < 0 || g > max_food_grams) {
        throw error(errc::invalid_amount,
                    "food amount " + detail::format_number(g, 3) + " g for '" + item.description +
                        "' is not accepted: expected a finite amount from 0 to " +
                        detail::format_number(max_food_grams, 0) + " g");
    }
    foods_.push_back(food_entry{std::move(item), amount, std::move(input)});
    return *this;
}

day_intake& day_intake::add_supplement(supplement_dose dose, std::string input) {
    supplements_.push_back(supplement_entry{std::move(dose), std::move(input)});
    return *this;
}

}  // namespace mgcalc
