// mgcalc compounds list|show: the magnesium compound table.
#include "cli/common.hpp"

#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/io/json.hpp>

#include "detail/precision.hpp"
#include "detail/text.hpp"

#include <cmath>
#include <iostream>
#include <memory>

namespace mgcalc::cli {

namespace {

/// An elemental fraction as a percentage, at the precision of the fraction (4 decimals = 2 of %).
std::string fraction_text(double fraction) {
    return detail::format_number(fraction * 100.0, detail::fraction_decimals - 2) + " %";
}

void print_compound_text(const compound& c) {
    std::cout << c.name << " (" << c.id << ")\n";
    std::string aliases;
    for (std::string_view a : c.aliases) aliases += (aliases.empty() ? "" : ", ") + std::string(a);
    print_table({"Property", "Value"},
                {{"formula", c.full_formula()},
                 {"molar mass", to_string(c.molar_mass())},
                 {"elemental magnesium", fraction_text(c.elemental_fraction()) + " (" +
                                             detail::format_number(c.elemental_fraction() * 1000.0, 1) +
                                             " mg per 1 g of compound)"},
                 {"evidence grade", std::string(to_string(c.grade))},
                 {"bioavailability", c.bioavailability ? detail::format_number(c.bioavailability->relative_factor, detail::factor_decimals) +
                                                             " relative to well-dissolving salts (estimate)"
                                                       : std::string("no estimate")},
                 {"aliases", aliases}},
                {false, false});
    if (c.bioavailability) std::cout << "Estimate basis: " << c.bioavailability->basis << '\n';
    for (const absorption_study& s : c.evidence) {
        std::cout << "- " << s.study << " (" << s.year << "): " << s.design << ". " << s.finding << " [" << s.source
                  << "]\n";
    }
    if (!c.notes.empty()) std::cout << "Notes: " << c.notes << '\n';
}

}  // namespace

void register_compounds_command(CLI::App& app) {
    struct state {
        output_format format = output_format::text;
        std::string query;
    };
    auto s = std::make_shared<state>();
    CLI::App* compounds = app.add_subcommand("compounds", "Magnesium compounds: formula, elemental fraction, evidence");
    compounds->require_subcommand(1);

    CLI::App* list = compounds->add_subcommand("list", "List every compound");
    add_format_option(*list, s->format);
    list->callback([s] {
        if (s->format == output_format::json) {
            std::cout << to_json(mgcalc::compounds()) << '\n';
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const compound& c : mgcalc::compounds()) {
            rows.push_back({std::string(c.id), c.full_formula(), detail::format_number(c.molar_mass().value(), detail::molar_mass_decimals),
                            fraction_text(c.elemental_fraction()), std::string(to_string(c.grade)),
                            c.bioavailability ? detail::format_number(c.bioavailability->relative_factor, detail::factor_decimals) : "-"});
        }
        print_table({"id", "formula", "g/mol", "Mg", "evidence", "rel. bioavail. (est.)"}, rows,
                    {false, false, true, true, false, true});
    });

    CLI::App* show = compounds->add_subcommand("show", "Show one compound by id or alias (e.g. \"Epsom salt\")");
    show->add_option("compound", s->query, "Compound id or alias")->required();
    add_format_option(*show, s->format);
    show->callback([s] {
        const compound& c = get_compound(s->query);
        if (s->format == output_format::json) {
            std::cout << to_json(c) << '\n';
        } else {
            print_compound_text(c);
        }
    });
}

}  // namespace mgcalc::cli
