// mgcalc reference: the reference intakes for one life stage, or an authority's whole table.
#include "cli/common.hpp"

#include <mgcalc/io/json.hpp>
#include <mgcalc/io/reference_csv.hpp>

#include "detail/text.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace mgcalc::cli {

namespace {

std::string months_text(int months) {
    if (months == 0) return "birth";
    if (months % 12 != 0) return std::to_string(months) + " months";
    return std::to_string(months / 12) + " y";
}

void print_table_text(authority table) {
    const authority_info& who = info(table);
    std::cout << who.name << " magnesium reference intakes (mg/day)\n";
    std::vector<std::vector<std::string>> rows;
    for (const reference_row& r : reference_table(table)) {
        std::string ages = months_text(r.from_months) + " to " +
                           (r.to_months >= 1440 ? std::string("120 y") : "< " + months_text(r.to_months));
        std::string who_for(r.population);
        if (r.feeding != infant_feeding::unspecified) who_for += ", " + std::string(to_string(r.feeding));
        rows.push_back({std::string(r.life_stage), who_for, ages,
                        to_string(r.target) + " " + std::string(to_string(r.target_kind)),
                        optional_mg_text(r.ear, "-"), optional_mg_text(r.ul_supplemental, "-"),
                        optional_mg_text(r.dv, "-"), std::string(to_string(r.confidence))});
    }
    print_table({"Life stage", "For", "Ages", "Target", "EAR", "UL (suppl.)", "DV", "Confidence"}, rows,
                {false, false, false, true, true, true, true, false});
    std::cout << "Source: " << who.citation << '\n';
}

}  // namespace

void register_reference_command(CLI::App& app) {
    struct state {
        life_stage_options person;
        std::string format_name = "text";
        bool list = false;
    };
    auto s = std::make_shared<state>();
    CLI::App* command = app.add_subcommand(
        "reference", "Reference intakes (target, EAR, supplemental UL, DV) for a life stage, or an authority's table");
    s->person.add_to(*command);
    command->add_flag("--list", s->list, "Print the authority's whole table (no person needed)");
    command->add_option("--format", s->format_name, "Output format: text (the default), json, or csv with --list")
        ->type_name("text|json|csv")
        ->check(CLI::IsMember({"text", "json", "csv"}, CLI::ignore_case));
    command->callback([s] {
        const std::string format = detail::to_lower(s->format_name);
        const authority table = s->person.authority_or(authority::iom);
        if (s->list) {
            if (s->person.any_given()) {
                throw error(errc::parse_error,
                            "reference --list prints the whole table of --authority; drop the person's options "
                            "(--sex, --age, ...) or drop --list");
            }
            if (format == "json") {
                std::cout << to_json(table) << '\n';
            } else if (format == "csv") {
                std::cout << to_reference_csv(table);
            } else {
                print_table_text(table);
            }
            return;
        }
        if (format == "csv") {
            throw error(errc::parse_error, "--format csv is for reference --list; one life stage prints as text or json");
        }
        const life_stage stage = s->person.resolve();
        const reference_intakes reference = reference_intakes_for(stage, table);
        if (format == "json") {
            std::cout << to_json(reference, stage) << '\n';
        } else {
            print_reference_text(reference, stage);
        }
    });
}

}  // namespace mgcalc::cli
