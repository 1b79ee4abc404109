// Layered food databases (mgcalc/foods/catalog.hpp): custom foods over FoodData Central over the
// embedded USDA SR24 data, addressed by "SOURCE:ID" or by a plain id.
//
// Resolution rules (docs/food-data.md, "Layered databases and SOURCE:ID"):
//   - "SOURCE:ID" is split on the FIRST ':' only when SOURCE is the source name of a loaded layer,
//     so ids that contain ':' still work as plain ids. When several layers share a source name
//     (two custom CSV files), they are searched top first and the first that has the id wins.
//   - "recipe:ID" names a recipe (a food whose source is "recipe") in whichever layer holds it,
//     top first: reports print a recipe's source as "recipe".
//   - A plain id is looked up in every layer: in exactly one it resolves, in several it is
//     ambiguous (the message lists the SOURCE:ID forms to choose from), in none it is unknown.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/catalog.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace mgcalc {

namespace {

struct located {
    const food_database* database;
    std::size_t index;
};

// Source names mgcalc itself produces. A "SOURCE:ID" whose SOURCE is one of these but is not
// loaded gets a message saying so, rather than only "no such id".
constexpr std::array<std::string_view, 4> well_known_sources{"usda-sr24", "fdc", "sr28", "csv"};
// The `food::source` of a recipe (make_recipe); not a database's source name.
constexpr std::string_view recipe_source = "recipe";

/// The ID of a "recipe:ID" reference.
std::optional<std::string_view> recipe_id(std::string_view reference) {
    if (reference.size() <= recipe_source.size() + 1 || !reference.starts_with(recipe_source) ||
        reference[recipe_source.size()] != ':') {
        return std::nullopt;
    }
    return reference.substr(recipe_source.size() + 1);
}

std::string reference_form(const food_database& database, std::string_view id) {
    return std::string(database.source()) + ":" + std::string(id);
}

// The distinct source names of the layers, top first.
std::vector<std::string> source_names(const std::vector<const food_database*>& layers) {
    std::vector<std::string> names;
    for (const food_database* database : layers) {
        std::string name(database->source());
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    }
    return names;
}

bool is_loaded_source(const std::vector<const food_database*>& layers, std::string_view source) {
    return std::any_of(layers.begin(), layers.end(),
                       [source](const food_database* database) { return database->source() == source; });
}

// What a reference names: the layers to look in and the id to look for.
struct parsed_reference {
    std::string_view id;
    std::string_view source;  // empty for a plain id
};

parsed_reference parse_reference(const std::vector<const food_database*>& layers, std::string_view reference) {
    const std::size_t colon = reference.find(':');
    if (colon != std::string_view::npos && colon > 0) {
        const std::string_view source = reference.substr(0, colon);
        if (is_loaded_source(layers, source)) return {reference.substr(colon + 1), source};
    }
    return {reference, {}};
}

[[noreturn]] void throw_ambiguous(std::string_view id, const std::vector<located>& hits) {
    std::vector<std::string> forms;
    std::vector<std::string> described;
    bool shadowed = false;
    for (const located& hit : hits) {
        std::string form = reference_form(*hit.database, id);
        if (std::find(forms.begin(), forms.end(), form) != forms.end()) {
            shadowed = true;  // two layers with one source name: the form names the upper one
            continue;
        }
        described.push_back(form + " (" + std::string(hit.database->description(hit.index)) + ")");
        forms.push_back(std::move(form));
    }
    std::string message = "food id '" + std::string(id) + "' is in " + std::to_string(hits.size()) +
                          " loaded databases: " + detail::join(described, "; ") +
                          "; write one of these SOURCE:ID forms instead of the plain id";
    if (shadowed) {
        message += " (several loaded databases share a source name; SOURCE:ID picks the one added last)";
    }
    throw error(errc::ambiguous_food, message);
}

// Finds the food a reference names. Empty when no layer has it; throws ambiguous_food for a plain
// id in more than one layer.
std::optional<located> locate(const std::vector<const food_database*>& layers, std::string_view reference) {
    const parsed_reference parsed = parse_reference(layers, detail::trim(reference));
    if (parsed.id.empty()) return std::nullopt;
    if (!parsed.source.empty()) {
        for (const food_database* database : layers) {
            if (database->source() != parsed.source) continue;
            if (const auto index = database->find(parsed.id)) return located{database, *index};
        }
        return std::nullopt;
    }
    // "recipe:ID": recipes live in the databases that loaded them (a CSV file's are csv:ID), but a
    // food's `source` says "recipe" and reports print that, so the form resolves too, top first.
    if (const auto id = recipe_id(parsed.id)) {
        for (const food_database* database : layers) {
            const auto index = database->find(*id);
            if (index && database->at(*index).source == recipe_source) return located{database, *index};
        }
    }
    std::vector<located> hits;
    for (const food_database* database : layers) {
        if (const auto index = database->find(parsed.id)) hits.push_back({database, *index});
    }
    if (hits.empty()) return std::nullopt;
    if (hits.size() > 1) throw_ambiguous(parsed.id, hits);
    return hits.front();
}

}  // namespace

food_catalog::food_catalog() {
    // The embedded database is a function-local static that outlives every catalog: share it
    // without owning it. Its search index (usda_sr24_search) is also a static, built on first use;
    // leaving the layer's search empty means "that one", so a catalog that only resolves ids never
    // pays for building the index.
    layers_.push_back(layer{std::shared_ptr<const food_database>(&usda_sr24(), [](const food_database*) {}), nullptr});
}

food_catalog food_catalog::empty() { return food_catalog(std::vector<layer>{}); }

void food_catalog::add(std::shared_ptr<const food_database> database) {
    if (!database) throw std::invalid_argument("mgcalc::food_catalog::add: null database");
    std::shared_ptr<const food_search> index;
    if (database.get() != &usda_sr24()) index = std::make_shared<const food_search>(database);
    layers_.insert(layers_.begin(), layer{std::move(database), std::move(index)});
}

std::vector<const food_database*> food_catalog::databases() const& {
    std::vector<const food_database*> out;
    out.reserve(layers_.size());
    for (const layer& l : layers_) out.push_back(l.database.get());
    return out;
}

std::optional<food> food_catalog::find(std::string_view reference) const {
    const auto hit = locate(databases(), reference);
    if (!hit) return std::nullopt;
    return hit->database->at(hit->index);
}

food food_catalog::get(std::string_view reference) const {
    const std::vector<const food_database*> layers = databases();
    if (const auto hit = locate(layers, reference)) return hit->database->at(hit->index);

    const std::string_view trimmed = detail::trim(reference);
    if (layers.empty()) {
        throw error(errc::unknown_food,
                    "no food '" + std::string(trimmed) + "': no food database is loaded; add one to the catalog first");
    }
    if (trimmed.empty()) {
        throw error(errc::unknown_food,
                    "an empty food reference; expected SOURCE:ID (e.g. usda-sr24:12014) or "
                    "a plain id found in one of the loaded databases (" +
                        detail::join(source_names(layers)) + ")");
    }
    const parsed_reference parsed = parse_reference(layers, trimmed);
    std::string message;
    if (!parsed.source.empty()) {
        message = "no food with id '" + std::string(parsed.id) + "' in the loaded '" + std::string(parsed.source) +
                  "' database";
    } else {
        message = "no food with id '" + std::string(trimmed) + "' in the loaded databases (searched " +
                  detail::join(source_names(layers)) + ")";
        const std::size_t colon = trimmed.find(':');
        if (const auto id = recipe_id(trimmed)) {
            message += "; no loaded database has a recipe with id '" + std::string(*id) +
                       "' (recipes come from mgcalc CSV files: --food-db csv:FILE)";
        } else if (colon != std::string_view::npos) {
            const std::string_view prefix = trimmed.substr(0, colon);
            if (std::find(well_known_sources.begin(), well_known_sources.end(), prefix) != well_known_sources.end()) {
                message += "; '" + std::string(prefix) + "' is not a loaded database (load it with --food-db " +
                           std::string(prefix) + (prefix == "csv" ? ":FILE" : ":DIR") + ")";
            }
        }
    }
    // Someone who typed a description instead of an id gets the best matches to copy from.
    std::vector<std::string> suggestions;
    for (const catalog_match& match : search(parsed.id, 3)) {
        suggestions.push_back(reference_form(*match.database, match.database->id(match.index)) + " (" +
                              std::string(match.database->description(match.index)) + ")");
    }
    if (!suggestions.empty()) message += "; closest descriptions: " + detail::join(suggestions, "; ");
    message += "; expected SOURCE:ID or a plain id; find ids with `mgcalc foods search WORDS`";
    throw error(errc::unknown_food, message);
}

std::vector<catalog_match> food_catalog::search(std::string_view query, std::size_t limit) const& {
    std::vector<word_reading> readings;
    return search(query, limit, readings);
}

std::vector<catalog_match> food_catalog::search(std::string_view query, std::size_t limit,
                                                std::vector<word_reading>& readings) const& {
    std::vector<catalog_match> merged;
    readings.clear();
    if (limit == 0) return merged;
    std::vector<word_reading> layer_readings;
    for (const layer& l : layers_) {
        const food_search& index = l.search ? *l.search : usda_sr24_search();
        for (const food_match& match : index.search(query, limit, layer_readings)) {
            merged.push_back(catalog_match{l.database.get(), match.index, match.score, match.evidence});
        }
        for (word_reading& reading : layer_readings) {
            if (std::find(readings.begin(), readings.end(), reading) == readings.end()) readings.push_back(std::move(reading));
        }
    }
    // Stable: equal scores keep layer order (top first), then each layer's own ranking.
    std::stable_sort(merged.begin(), merged.end(),
                     [](const catalog_match& a, const catalog_match& b) { return a.score > b.score; });
    if (merged.size() > limit) merged.resize(limit);
    return merged;
}

}  // namespace mgcalc
