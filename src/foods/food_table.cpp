#include <mgcalc/limits.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/foods/database.hpp>

#include "detail/text.hpp"

#include <cmath>
#include <utility>

namespace mgcalc {

food_table::food_table(std::string source) : source_(std::move(source)) {}

food_table::food_table(const food_table& other) : source_(other.source_), foods_(other.foods_) {
    by_id_.reserve(foods_.size());
    for (std::size_t i = 0; i < foods_.size(); ++i) by_id_.emplace(foods_[i].id, i);
}

food_table& food_table::operator=(const food_table& other) {
    if (this != &other) *this = food_table(other);
    return *this;
}

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
    by_id_.emplace(foods_.back().id, position);
}

std::string_view food_table::id(std::size_t index) const { return foods_.at(index).id; }
std::string_view food_table::description(std::size_t index) const { return foods_.at(index).description; }
std::optional<milligrams> food_table::magnesium_per_100g(std::size_t index) const {
    return foods_.at(index).magnesium_per_100g;
}
food food_table::at(std::size_t index) const { return foods_.at(index); }

std::optional<std::size_t> food_table::find(std::string_view id) const {
    const auto at = by_id_.find(id);
    if (at == by_id_.end()) return std::nullopt;
    return at->second;
}

}  // namespace mgcalc
