// mgcalc/foods/database.hpp - read-only collections of foods: the embedded USDA SR24 data and
// in-memory tables filled by loaders, custom foods and recipes.
#pragma once

#include <mgcalc/foods/food.hpp>
#include <mgcalc/units.hpp>

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mgcalc {

/// Foods from one source, addressed by position (0 .. size()-1) or by id. Accessors other than
/// at() are cheap and allocation-free, so search can scan descriptions without building foods.
class food_database {
public:
    virtual ~food_database() = default;
    /// Source name used in "SOURCE:ID" references: "usda-sr24", "fdc", "sr28", "csv".
    virtual std::string_view source() const noexcept = 0;
    virtual std::size_t size() const noexcept = 0;
    virtual std::string_view id(std::size_t index) const = 0;
    virtual std::string_view description(std::size_t index) const = 0;
    /// Empty when the food's magnesium was not analysed (never 0 for unknown).
    virtual std::optional<milligrams> magnesium_per_100g(std::size_t index) const = 0;
    /// The whole food, with its portions.
    virtual food at(std::size_t index) const = 0;
    /// Position of the food with this exact id, if any.
    virtual std::optional<std::size_t> find(std::string_view id) const = 0;
};

/// The USDA National Nutrient Database for Standard Reference, Release 24, magnesium extract
/// (7,907 foods, 13,817 portions; public domain; data/usda-sr24/PROVENANCE.md), compiled into
/// the library: no file to find and no parsing at start-up. Source name "usda-sr24".
const food_database& usda_sr24() noexcept;

/// An in-memory database: what the loaders, custom foods and recipes produce.
class food_table final : public food_database {
public:
    explicit food_table(std::string source);
    /// A copy indexes its own foods (the index views the ids it holds).
    food_table(const food_table& other);
    food_table& operator=(const food_table& other);
    food_table(food_table&&) = default;
    food_table& operator=(food_table&&) = default;
    ~food_table() override = default;
    /// Adds a food. Throws mgcalc::error (malformed_file) for an empty or duplicate id, and
    /// (invalid_amount) for a negative or non-finite magnesium value or portion weight.
    void add(food item);

    std::string_view source() const noexcept override { return source_; }
    std::size_t size() const noexcept override { return foods_.size(); }
    std::string_view id(std::size_t index) const override;
    std::string_view description(std::size_t index) const override;
    std::optional<milligrams> magnesium_per_100g(std::size_t index) const override;
    food at(std::size_t index) const override;
    std::optional<std::size_t> find(std::string_view id) const override;

private:
    std::string source_;
    /// A deque, not a vector: food's move constructor is not noexcept (Boost.Units quantities
    /// declare none), so a growing vector would copy every food on reallocation.
    std::deque<food> foods_;
    /// Position by id, the ids viewed in foods_ (a deque's elements never move when it grows, nor
    /// when it is moved): adding is constant time in any order. A sorted vector made loading
    /// 200,000 foods in descending id order quadratic (3.75 s, against 0.36 s sorted).
    std::unordered_map<std::string_view, std::size_t> by_id_;
};

}  // namespace mgcalc
