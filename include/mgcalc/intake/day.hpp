// mgcalc/intake/day.hpp - what a person ate and took in one day.
#pragma once

#include <mgcalc/foods/food.hpp>
#include <mgcalc/foods/choice.hpp>
#include <mgcalc/foods/serving.hpp>
#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/intake/time_of_day.hpp>
#include <mgcalc/units.hpp>

#include <optional>
#include <string>
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
class day_intake {
public:
    /// Throws mgcalc::error (invalid_amount) for a negative, non-finite or implausible amount
    /// (more than 10 kg of one food; see docs/model.md).
    day_intake& add_food(mgcalc::food item, grams amount, std::string input = {});
    /// Converts a household serving through the food's own portions (resolve_serving) and
    /// records the measure used. Throws like resolve_serving and like the overload above.
    day_intake& add_food(mgcalc::food item, const serving& amount, std::string input = {});
    /// A typed entry as resolve_food_entry read it, with its choice; the input is what was typed.
    day_intake& add_food(resolved_food_entry entry);
    /// `product` names the supplement product the dose came from, if any ("Magtein magnesium
    /// L-threonate"), for reports.
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

}  // namespace mgcalc
