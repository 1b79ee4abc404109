// mgcalc/intake/day.hpp - what a person ate and took in one day.
//
// Header-only, except add_food of a household serving, which converts it with resolve_serving
// (foods/serving.hpp, compiled: links libmgcalc).
#pragma once

#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/foods/choice.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/foods/serving.hpp>
#include <mgcalc/intake/time_of_day.hpp>
#include <mgcalc/limits.hpp>
#include <mgcalc/units.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mgcalc {

/// An amount of one food eaten.
struct food_entry {
    mgcalc::food food;
    grams amount;
    std::string input;         ///< what the user typed, if any, echoed in reports
    std::string measure_used;  ///< how a household serving became grams (resolve_serving); "g" for grams
    /// How a typed entry became this food (resolve_food_entry): reported with the entry, and a
    /// doubtful one warned about. Empty for a food added directly.
    std::optional<food_choice> choice{};
};

/// One day's entries, in the order they were logged.
///
/// The add_ functions are templates with one defaulted parameter only so that a file that
/// includes this header and does not add entries does not compile their bodies (docs/performance.md,
/// "Compile time"); they are called as plain member functions.
class day_intake {
public:
    /// Throws mgcalc::error (invalid_amount) for a negative, non-finite or implausible amount
    /// (more than 10 kg of one food; see docs/model.md).
    template <class = void>
    day_intake& add_food(mgcalc::food item, grams amount, std::string input = {});
    /// Converts a household serving through the food's own portions (resolve_serving) and
    /// records the measure used. Throws like resolve_serving and like the overload above.
    /// Links libmgcalc (resolve_serving is compiled).
    template <class = void>
    day_intake& add_food(mgcalc::food item, const serving& amount, std::string input = {});
    /// A typed entry as resolve_food_entry read it, with its choice; the input is what was typed.
    template <class = void>
    day_intake& add_food(resolved_food_entry entry);
    /// `product` names the supplement product the dose came from, if any ("Magtein magnesium
    /// L-threonate"), for reports.
    template <class = void>
    day_intake& add_supplement(supplement_dose dose, std::string input = {},
                               std::optional<time_of_day> taken_at = std::nullopt, std::string product = {});

    struct supplement_entry {
        supplement_dose dose;
        std::string input;
        std::optional<time_of_day> taken_at;  ///< when it was taken, if logged
        std::string product{};                ///< the product's name, when the dose is of a product
    };
    const std::vector<food_entry>& foods() const noexcept { return foods_; }
    const std::vector<supplement_entry>& supplements() const noexcept { return supplements_; }
    bool empty() const noexcept { return foods_.empty() && supplements_.empty(); }

private:
    std::vector<food_entry> foods_;
    std::vector<supplement_entry> supplements_;
};

// ---------------------------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------------------------

template <class>
day_intake& day_intake::add_food(mgcalc::food item, grams amount, std::string input) {
    const double weight = amount.value();
    if (!std::isfinite(weight) || weight < 0 || weight > limits::max_food_grams) {
        throw error(errc::invalid_amount,
                    detail::concat({"food amount ", detail::decimal_beyond(weight, limits::max_food_grams, 3),
                                    " g for '", item.description,
                                   "' is not accepted: expected a finite amount from 0 to ",
                                   detail::decimal(limits::max_food_grams, 0), " g"}));
    }
    foods_.push_back(food_entry{std::move(item), amount, std::move(input), "g"});
    return *this;
}

template <class>
day_intake& day_intake::add_food(mgcalc::food item, const serving& amount, std::string input) {
    resolved_serving resolved = resolve_serving(item, amount);
    add_food(std::move(item), resolved.weight, std::move(input));
    foods_.back().measure_used = std::move(resolved.measure_used);
    return *this;
}

template <class>
day_intake& day_intake::add_food(resolved_food_entry entry) {
    std::string input = entry.choice.typed;
    add_food(std::move(entry.item), entry.weight, std::move(input));
    foods_.back().measure_used = std::move(entry.measure_used);
    foods_.back().choice = std::move(entry.choice);
    return *this;
}

template <class>
day_intake& day_intake::add_supplement(supplement_dose dose, std::string input,
                                       std::optional<time_of_day> taken_at, std::string product) {
    supplements_.push_back(supplement_entry{std::move(dose), std::move(input), taken_at, std::move(product)});
    return *this;
}

}  // namespace mgcalc
