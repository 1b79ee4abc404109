// mgcalc/foods/catalog.hpp - layered food databases: custom foods over FoodData Central over the
// embedded USDA SR24 data, addressed by "SOURCE:ID" or a plain id.
#pragma once

#include <mgcalc/foods/food.hpp>
#include <mgcalc/foods/database.hpp>
#include <mgcalc/foods/search.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc {

/// One search result across a catalog's layers. `database` points into the catalog, so a match
/// lives as long as the catalog it came from (searching a temporary catalog does not compile).
struct catalog_match {
    const food_database* database;
    std::size_t index;
    double score;
    match_evidence evidence{};
};

class food_catalog {
public:
    /// A catalog holding only the embedded USDA SR24 database.
    food_catalog();
    /// A catalog with no database at all (add your own).
    static food_catalog empty();

    /// Puts a database on top: it is searched and resolved before the ones added earlier.
    void add(std::shared_ptr<const food_database> database);
    /// The layers, top first; they live as long as the catalog.
    std::vector<const food_database*> databases() const&;
    std::vector<const food_database*> databases() const&& = delete;

    /// Resolves "SOURCE:ID" (e.g. "usda-sr24:12016", "fdc:167537", "csv:my-granola") or a plain
    /// id searched in every layer. Throws mgcalc::error: unknown_food (naming the sources
    /// searched), ambiguous_food (a plain id in more than one layer; lists the SOURCE:ID forms).
    food get(std::string_view reference) const;
    /// Non-throwing twin of get for a reference that may not exist: empty when no layer has it
    /// (still throws ambiguous_food).
    std::optional<food> find(std::string_view reference) const;

    /// Ranked search over all layers; upper layers win ties.
    std::vector<catalog_match> search(std::string_view query, std::size_t limit = 10) const&;
    /// The same, and how words were read when not as typed (common names, typos), once each.
    std::vector<catalog_match> search(std::string_view query, std::size_t limit,
                                      std::vector<word_reading>& readings) const&;
    // The matches point into the catalog: a temporary one would leave them dangling.
    std::vector<catalog_match> search(std::string_view, std::size_t = 10) const&& = delete;
    std::vector<catalog_match> search(std::string_view, std::size_t, std::vector<word_reading>&) const&& = delete;

private:
    struct layer {
        std::shared_ptr<const food_database> database;
        std::shared_ptr<const food_search> search;  // built when the layer is added
    };
    explicit food_catalog(std::vector<layer> layers) : layers_(std::move(layers)) {}
    std::vector<layer> layers_;  ///< top first
};

}  // namespace mgcalc
