#include <mgcalc/foods/food.hpp>

namespace mgcalc {

std::optional<milligrams> magnesium_in(const food& item, grams amount) {
    if (!item.magnesium_per_100g) return std::nullopt;  // unknown stays unknown, never 0
    // Food composition tables state nutrients per 100 g of edible portion (USDA SR24 doc, ch. 1).
    return *item.magnesium_per_100g * (amount.value() / 100.0);
}

}  // namespace mgcalc
