#include <mgcalc/limits.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/foods/database.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace mgcalc {

food_table::food_table(std::string source) : source_(std::move(source)) {}

void food_table::add(food item) {
    if (item.id.empty()) {
        throw error(errc::malformed_file, source_ + ": a food has an empty id (description '" + item.description +
                                              "'); every food needs a unique id");
    }
    if (find(item.id)) {
        throw error(errc::malformed_file, source_ + ": duplicate food id '" + item.id + "'; ids must be unique");
    }
    if (item.magnesium_per_100g) {
        const double value = item.magnesium_per_100g->value();
        if (!std::isfinite(value) || value < 0 || value > limits::max_magnesium_mg_per_100g) {
            throw error(errc::invalid_amount, source_ + ": food '" + item.id + "' has magnesium " +
                                                  detail::format_number(value, 3) +
                                                  " mg per 100 g; expected 0 to 100000, or no value when unknown");
        }
    }
    for (const portion& p : item.portions) {
        if (!std::isfinite(p.amount) || p.amount <= 0 || !std::isfinite(p.weight.value()) || p.weight.value() <= 0) {
            throw error(errc::invalid_amount, source_ + ": food '" + item.id + "' has portion '" +
                                                  detail::format_number(p.amount, 3) + " " + p.measure + " = " +
                                                  detail::format_number(p.weight.value(), 3) +
                                                  " g'; expected a positive amount and a positive gram weight");
        }
    }
    if (item.source.empty()) item.source = source_;
    const std::size_t position = foods_.size();
    foods_.push_back(std::move(item));
    const auto at = std::lower_bound(by_id_.begin(), by_id_.end(), foods_.back().id,
                                     [this](std::size_t i, const std::string& id) { return foods_[i].id < id; });
    by_id_.insert(at, position);
}

std::string_view food_table::id(std::size_t index) const { return foods_.at(index).id; }
std::string_view food_table::description(std::size_t index) const { return foods_.at(index).description; }
std::optional<milligrams> food_table::magnesium_per_100g(std::size_t index) const {
    return foods_.at(index).magnesium_per_100g;
}
food food_table::at(std::size_t index) const { return foods_.at(index); }

std::optional<std::size_t> food_table::find(std::string_view id) const {
    const auto at = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                                     [this](std::size_t i, std::string_view key) { return foods_[i].id < key; });
    if (at == by_id_.end() || foods_[*at].id != id) return std::nullopt;
    return *at;
}

}  // namespace mgcalc
