#include <mgcalc/error.hpp>
#include <mgcalc/intake/day.hpp>

#include "detail/limits.hpp"
#include "detail/text.hpp"

#include <cmath>
#include <utility>

namespace mgcalc {

using detail::max_food_grams;

day_intake& day_intake::add_food(mgcalc::food item, grams amount, std::string input) {
    const double g = amount.value();
    if (!std::isfinite(g) || g < 0 || g > max_food_grams) {
        throw error(errc::invalid_amount,
                    "food amount " + detail::format_number(g, 3) + " g for '" + item.description +
                        "' is not accepted: expected a finite amount from 0 to " +
                        detail::format_number(max_food_grams, 0) + " g");
    }
    foods_.push_back(food_entry{std::move(item), amount, std::move(input), "g"});
    return *this;
}

day_intake& day_intake::add_food(mgcalc::food item, const serving& amount, std::string input) {
    resolved_serving resolved = resolve_serving(item, amount);
    add_food(std::move(item), resolved.weight, std::move(input));
    foods_.back().measure_used = std::move(resolved.measure_used);
    return *this;
}

day_intake& day_intake::add_food(resolved_food_entry entry) {
    std::string input = entry.choice.typed;
    add_food(std::move(entry.item), entry.weight, std::move(input));
    foods_.back().measure_used = std::move(entry.measure_used);
    foods_.back().choice = std::move(entry.choice);
    return *this;
}

day_intake& day_intake::add_supplement(supplement_dose dose, std::string input, std::optional<time_of_day> taken_at,
                                       std::string product) {
    supplements_.push_back(supplement_entry{std::move(dose), std::move(input), taken_at, std::move(product)});
    return *this;
}

}  // namespace mgcalc
