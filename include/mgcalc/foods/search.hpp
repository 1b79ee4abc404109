// mgcalc/foods/search.hpp - ranked search over food descriptions for what people type.
#pragma once

#include <mgcalc/foods/database.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

/// How a food matched a query, beyond its score: what a resolver needs to say how sure it is.
struct match_evidence {
    /// A query word is the food's own name in the description, the head word of its first or
    /// second segment ("Beans, black, ...", "Fish, salmon, ..."), not only an ingredient or a
    /// detail ("almond milk" finds "Candies, milk chocolate, with almonds": false).
    bool names_the_food = true;
    bool completed = false;    ///< the last word matched only as the start of a longer word
    bool common_name = false;  ///< a word matched through an everyday name ("oatmeal" as oats)
    bool corrected = false;    ///< a word matched only once a typo was corrected ("spinch")
};

struct food_match {
    std::size_t index;  ///< position in the searched database
    double score;       ///< higher is better; only comparable within one query
    match_evidence evidence{};
};

/// A typed word read as another: a common name ("oatmeal" as "oat") or a corrected typo
/// ("spinch" as "spinach"). `read_as` is the word as the index holds it (lower case, singular).
struct word_reading {
    enum class kind_of_reading { common_name, typo };
    std::string typed;
    std::string read_as;
    kind_of_reading kind;
    friend bool operator==(const word_reading&, const word_reading&) = default;
};
std::string_view to_string(word_reading::kind_of_reading kind) noexcept;  ///< "common name", "typo"

/// A search index over one database's descriptions. Word order does not matter ("pumpkin
/// seeds" finds "Seeds, pumpkin and squash seed kernels, ..."), plural and singular match, the
/// last word may be a prefix (autocomplete), common names and typos of one or two letters are
/// read as the food's name, and the food in the form people eat ranks first: the plain everyday
/// food above brand names, baby foods, mixed dishes and products made from it, cooked beans,
/// grains, pasta, meat and fish and brewed coffee above raw or dry ones unless the query says
/// so (docs/food-data.md, "Search"). Immutable after construction: safe to share.
class food_search {
public:
    /// An index of `database`, which must outlive it (the embedded usda_sr24() always does).
    explicit food_search(const food_database& database);
    /// An index that shares ownership of `database`, for one made on the spot.
    explicit food_search(std::shared_ptr<const food_database> database);
    /// A temporary database would be gone before the first search: hold it in a shared_ptr.
    explicit food_search(const food_database&& database) = delete;
    ~food_search();
    food_search(food_search&&) noexcept;
    food_search& operator=(food_search&&) noexcept;

    /// Best matches first, at most `limit`. An empty or wordless query has no matches.
    std::vector<food_match> search(std::string_view query, std::size_t limit = 10) const;
    /// The same, and how words were read when not as typed (common names, corrected typos).
    std::vector<food_match> search(std::string_view query, std::size_t limit,
                                   std::vector<word_reading>& readings) const;
    const food_database& database() const noexcept;

private:
    struct index;
    std::shared_ptr<const food_database> owned_;  ///< empty when the caller keeps the database alive
    std::unique_ptr<const index> index_;
};

/// The search index of the embedded USDA SR24 database, built once on first use.
const food_search& usda_sr24_search();

}  // namespace mgcalc
