// mgcalc foods search|show|resolve: find foods and their portions in the embedded and loaded data,
// and read a food entry as typed.
#include "cli/common.hpp"

#include <mgcalc/limits.hpp>

#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/io/json.hpp>

#include "detail/precision.hpp"
#include "detail/text.hpp"

#include <iostream>
#include <memory>

namespace mgcalc::cli {

namespace {

std::string per_100g_text(const std::optional<milligrams>& per_100g) {
    return per_100g ? to_string(*per_100g) : std::string("unknown");
}

void print_food_text(const food& item) {
    std::cout << item.description << '\n'
              << "  id " << item.source << ':' << item.id << ", magnesium "
              << (item.magnesium_per_100g ? to_string(*item.magnesium_per_100g) + " per 100 g"
                                          : std::string("unknown (not analysed; never counted as 0)"))
              << (item.magnesium_is_lower_bound ? " (lower bound: an ingredient has no data)" : "") << "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const portion& p : item.portions) {
        rows.push_back({detail::format_number(p.amount, detail::amount_decimals) + " " + p.measure,
                        to_string(p.weight),
                        optional_mg_text(magnesium_in(item, p.weight), "unknown")});
    }
    if (rows.empty()) rows.push_back({"(no household portions; use g, oz, lb)", "", ""});
    print_table({"Portion", "Weight", "Magnesium"}, rows, {false, true, true});
}

/// How the food was read: by what, how sure, what else it could be.
void print_choice_text(const food_choice& choice) {
    std::cout << "  matched by " << to_string(choice.method) << ", confidence "
              << detail::format_number(choice.confidence, detail::factor_decimals)
              << (choice.uncertain() ? " (uncertain: check the food)" : "") << '\n';
    for (const std::string& note : choice.notes) std::cout << "  - " << note << '\n';
    if (!choice.alternatives.empty()) {
        std::cout << "  other foods:\n";
        for (const food_alternative& a : choice.alternatives) {
            std::cout << "    " << a.source << ':' << a.id << "  " << a.description << "  ("
                      << per_100g_text(a.magnesium_per_100g) << " per 100 g)\n";
        }
    }
    if (!choice.other_portions.empty()) {
        std::cout << "  other portions:\n";
        for (const portion& p : choice.other_portions) {
            std::cout << "    " << detail::format_number(p.amount, detail::amount_decimals) << ' ' << p.measure << " = "
                      << p.weight << '\n';
        }
    }
}

}  // namespace

void register_foods_command(CLI::App& app) {
    struct state {
        output_format format = output_format::text;
        food_database_options databases;
        std::string query;
        std::size_t limit = 10;
    };
    auto s = std::make_shared<state>();
    CLI::App* foods = app.add_subcommand("foods", "Search the food data and show a food's portions");
    foods->require_subcommand(1);

    CLI::App* search = foods->add_subcommand("search", "Ranked search over food descriptions");
    search->add_option("query", s->query, "Words to search for, in any order (e.g. \"pumpkin seeds\")")->required();
    search->add_option("--limit", s->limit, "At most this many results (default 10)")
        ->check(CLI::Range(1, limits::max_search_results));
    s->databases.add_to(*search);
    add_format_option(*search, s->format);
    search->callback([s] {
        const food_catalog catalog = s->databases.catalog();
        const std::vector<catalog_match> hits = catalog.search(s->query, s->limit);
        if (s->format == output_format::json) {
            std::cout << to_json(hits) << '\n';
            return;
        }
        if (hits.empty()) {
            std::cout << "No food matches \"" << s->query << "\".\n";
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const catalog_match& hit : hits) {
            rows.push_back({std::string(hit.database->source()) + ":" + std::string(hit.database->id(hit.index)),
                            per_100g_text(hit.database->magnesium_per_100g(hit.index)),
                            std::string(hit.database->description(hit.index))});
        }
        print_table({"Id", "Mg/100 g", "Description"}, rows, {false, true, false});
    });

    CLI::App* show = foods->add_subcommand("show", "Show a food with its household portions");
    show->add_option("food", s->query, "An id (12014), SOURCE:ID (usda-sr24:12014) or search words")->required();
    s->databases.add_to(*show);
    add_format_option(*show, s->format);
    show->callback([s] {
        const food_catalog catalog = s->databases.catalog();
        const mgcalc::resolved_food found = mgcalc::resolve_food(catalog, s->query);
        if (s->format == output_format::json) {
            std::cout << to_json(found) << '\n';
        } else {
            print_food_text(found.item);
            print_choice_text(found.choice);
        }
    });

    CLI::App* resolve = foods->add_subcommand(
        "resolve", "Read a food entry as typed (\"1 cup black beans\", \"almonds 30g\") and show the food, grams and magnesium chosen");
    resolve->add_option("entry", s->query, "A food entry as typed, e.g. \"2 slices whole wheat bread\" or \"quinoa=1 cup\"")
        ->required();
    s->databases.add_to(*resolve);
    add_format_option(*resolve, s->format);
    resolve->callback([s] {
        const food_catalog catalog = s->databases.catalog();
        const resolved_food_entry entry = resolve_food_entry(catalog, s->query);
        const std::optional<milligrams> magnesium = magnesium_in(entry.item, entry.weight);
        if (s->format == output_format::json) {
            std::cout << to_json(entry) << '\n';
            return;
        }
        std::cout << detail::quoted(entry.choice.typed) << " is " << entry.weight << " of " << entry.item.description
                  << " (" << entry.item.source << ':' << entry.item.id << ")\n"
                  << "  magnesium " << optional_mg_text(magnesium, "unknown (not analysed; never counted as 0)")
                  << "\n  amount " << entry.measure_used << '\n';
        print_choice_text(entry.choice);
    });
}

}  // namespace mgcalc::cli
