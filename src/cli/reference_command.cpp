// mgcalc reference: the reference intakes for one life stage.
#include "cli/common.hpp"

#include <mgcalc/io/json.hpp>

#include <iostream>
#include <memory>

namespace mgcalc::cli {

void register_reference_command(CLI::App& app) {
    struct state {
        life_stage_options person;
        output_format format = output_format::text;
    };
    auto s = std::make_shared<state>();
    CLI::App* command = app.add_subcommand("reference", "Reference intakes (RDA/AI, EAR, supplemental UL, DV) for a life stage");
    s->person.add_to(*command);
    add_format_option(*command, s->format);
    command->callback([s] {
        const life_stage stage = s->person.resolve();
        const reference_intakes reference = iom_reference_intakes(stage);
        if (s->format == output_format::json) {
            std::cout << to_json(reference, stage) << '\n';
        } else {
            print_reference_text(reference, stage);
        }
    });
}

}  // namespace mgcalc::cli
