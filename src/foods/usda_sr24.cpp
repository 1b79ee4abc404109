// The embedded USDA SR24 magnesium extract as a food_database (docs/food-data.md).
//
// The data are the constant-initialized arrays that src/generate/embed_usda_sr24.cpp writes at
// build time from data/usda-sr24/*.csv (layout: src/detail/usda_sr24_data.hpp). This class holds
// no state of its own: every accessor reads those arrays, so it is thread-safe, and all but at()
// are allocation-free.
#include <mgcalc/foods/database.hpp>

#include "detail/usda_sr24_data.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mgcalc {
namespace {

namespace data = detail::usda_sr24_data;

std::string_view text_at(std::uint32_t offset, std::uint16_t length) noexcept {
    return std::string_view(data::text.data() + offset, length);
}

std::string_view id_of(const data::food_record& record) noexcept {
    return std::string_view(record.id, data::id_length);
}

/// Thousandths back to the double the CSV text denotes (see data::thousandths_per_unit).
double from_milli(std::uint32_t milli) noexcept { return static_cast<double>(milli) / data::thousandths_per_unit; }

class usda_sr24_database final : public food_database {
public:
    constexpr usda_sr24_database() noexcept = default;

    std::string_view source() const noexcept override { return "usda-sr24"; }
    std::size_t size() const noexcept override { return data::foods.size(); }

    std::string_view id(std::size_t index) const override { return id_of(record(index)); }

    std::string_view description(std::size_t index) const override {
        const data::food_record& r = record(index);
        return text_at(r.description_offset, r.description_length);
    }

    std::optional<milligrams> magnesium_per_100g(std::size_t index) const override {
        const data::food_record& r = record(index);
        // Not analysed is not 0: no value at all (docs/model.md, "Unknown is not zero").
        if (!r.magnesium_known) return std::nullopt;
        return milligrams::from_value(from_milli(r.magnesium_mg_per_100g_milli));
    }

    food at(std::size_t index) const override {
        const data::food_record& r = record(index);
        food item{std::string(id_of(r)), std::string(text_at(r.description_offset, r.description_length)),
                  magnesium_per_100g(index), {}, std::string(source()), false};
        item.portions.reserve(r.portion_count);
        for (const data::portion_record& p : data::portions.subspan(r.first_portion, r.portion_count)) {
            const data::text_span& measure = data::measures[p.measure];
            item.portions.push_back(portion{from_milli(p.amount_milli), std::string(text_at(measure.offset, measure.length)),
                                            grams::from_value(from_milli(p.grams_milli))});
        }
        return item;
    }

    std::optional<std::size_t> find(std::string_view id) const override {
        // The generator sorts by id byte-wise, the order string_view's operator< uses.
        const auto found = std::lower_bound(data::foods.begin(), data::foods.end(), id,
                                            [](const data::food_record& r, std::string_view key) { return id_of(r) < key; });
        if (found == data::foods.end() || id_of(*found) != id) return std::nullopt;
        return static_cast<std::size_t>(found - data::foods.begin());
    }

private:
    /// Same contract as food_table (std::vector::at): an index past the end throws out_of_range.
    static const data::food_record& record(std::size_t index) {
        if (index >= data::foods.size()) {
            throw std::out_of_range("usda-sr24: food index " + std::to_string(index) + " is past the end (size " +
                                    std::to_string(data::foods.size()) + ")");
        }
        return data::foods[index];
    }
};

}  // namespace

const food_database& usda_sr24() noexcept {
    // Constant-initialized (constexpr constructor, no members): nothing runs but the one-time,
    // thread-safe registration of the (empty) destructor on first call.
    static const usda_sr24_database database;
    return database;
}

}  // namespace mgcalc
