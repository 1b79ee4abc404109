// mgcalc/food_search.hpp - ranked search over food descriptions for what people type.
#pragma once

#include <mgcalc/food_database.hpp>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace mgcalc {

struct food_match {
    std::size_t index;  ///< position in the searched database
    double score;       ///< higher is better; only comparable within one query
};

/// A search index over one database's descriptions. Word order does not matter ("pumpkin
/// seeds" finds "Seeds, pumpkin and squash seed kernels, ..."), plural and singular match, the
/// last word may be a prefix (autocomplete), and the plain everyday food ranks above brand
/// names, baby foods and mixed dishes. Immutable after construction: safe to share.
class food_search {
public:
    explicit food_search(const food_database& database);
    ~food_search();
    food_search(food_search&&) noexcept;
    food_search& operator=(food_search&&) noexcept;

    /// Best matches first, at most `limit`. An empty or wordless query has no matches.
    std::vector<food_match> search(std::string_view query, std::size_t limit = 10) const;
    const food_database& database() const noexcept;

private:
    struct index;
    std::unique_ptr<const index> index_;
};

/// The search index of the embedded USDA SR24 database, built once on first use.
const food_search& usda_sr24_search();

}  // namespace mgcalc
