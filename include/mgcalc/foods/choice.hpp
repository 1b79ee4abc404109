// mgcalc/foods/choice.hpp - how a typed food entry became a food and grams: the match, how sure
// it is, and what else it could have been. Plain data, carried into day entries and reports so
// that a guess is never silent (docs/food-data.md, "Resolving what people type").
#pragma once

#include <mgcalc/foods/food.hpp>
#include <mgcalc/foods/serving.hpp>
#include <mgcalc/units.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

/// How the food of an entry was found.
enum class match_method {
    id,           ///< an id or SOURCE:ID ("12014", "usda-sr24:12014")
    description,  ///< the food's exact description ("Bananas, raw")
    search,       ///< ranked search for the words ("black beans")
};
/// "id", "description", "search".
constexpr std::string_view to_string(match_method method) noexcept {
    switch (method) {
        case match_method::id: return "id";
        case match_method::description: return "description";
        case match_method::search: return "search";
    }
    return "search";
}

/// Another food the words could mean, listed beside a search match.
struct food_alternative {
    std::string source;  ///< "usda-sr24"
    std::string id;      ///< "16014"
    std::string description;
    std::optional<milligrams> magnesium_per_100g;  ///< empty when not analysed
};

/// A match below this confidence is doubtful: reports warn (code food-match-uncertain) and list
/// the alternatives.
inline constexpr double uncertain_confidence = 0.6;

struct food_choice {
    std::string typed;       ///< the whole entry as typed: "1 cup black beans"
    std::string food_words;  ///< the food part as read: "black beans"
    match_method method = match_method::id;
    /// 1 for an id or an exact description; for a search, 1 less what makes the match doubtful
    /// (docs/food-data.md, "Confidence"): the words do not name the food, a typo was corrected,
    /// a common name or an unfinished word was read, another food with a different value scores
    /// as well, the best match lacked the measure.
    double confidence = 1.0;
    /// What lowered the confidence and how words were read, in words: "\"spinch\" read as
    /// \"spinach\" (a typo)".
    std::vector<std::string> notes;
    std::vector<food_alternative> alternatives;  ///< the next best foods, best first (search only)
    /// Portions the measure also matched, when one was chosen among several.
    std::vector<portion> other_portions;

    bool uncertain() const noexcept { return confidence < uncertain_confidence; }
};

/// One typed food entry, resolved.
struct resolved_food_entry {
    food item;
    grams weight;
    std::string measure_used;  ///< how the amount became grams, as resolve_serving says it
    /// The amount as read: 0.5 and "cup" for "half a cup of cashews"; the measure is empty for a
    /// count of the food itself ("2 eggs").
    serving amount;
    food_choice choice;
};

}  // namespace mgcalc
