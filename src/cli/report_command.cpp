// mgcalc report: evaluate one day's intake for a life stage.
#include "cli/common.hpp"

#include <mgcalc/evaluation.hpp>
#include <mgcalc/intake.hpp>
#include <mgcalc/supplement.hpp>

#include "detail/text.hpp"

#include <cmath>
#include <iostream>
#include <memory>

namespace mgcalc::cli {

namespace {

json evaluation_json(const evaluation& result, const life_stage& stage) {
    json entries = json::array();
    for (const entry_contribution& e : result.entries) {
        entries.push_back({{"kind", to_string(e.kind)},
                           {"input", e.input},
                           {"description", e.description},
                           {"magnesium_mg", optional_mg(e.magnesium)}});
    }
    json warnings = json::array();
    json warning_codes = json::array();
    for (const warning& w : result.warnings) {
        warnings.push_back(w.code + ": " + w.message);
        warning_codes.push_back(w.code);
    }
    return json{{"reference", reference_json(result.reference, stage)},
                {"food_mg", json_mg(result.food)},
                {"supplement_mg", json_mg(result.supplemental)},
                {"total_mg", json_mg(result.total)},
                {"total_is_lower_bound", result.total_is_lower_bound()},
                {"percent_of_target", std::round(result.percent_of_target * 10.0) / 10.0},
                {"status", to_string(result.status)},
                {"over_ul", result.over_upper_limit},
                {"missing_data_entries", result.unknown_entries},
                {"absorbed_estimate_mg", result.absorbed ? json(json_mg(result.absorbed->amount)) : json(nullptr)},
                {"absorbed_estimate_basis", result.absorbed ? json(result.absorbed->basis) : json(nullptr)},
                {"entries", entries},
                {"warnings", warnings},
                {"warning_codes", warning_codes}};
}

std::string status_text(const evaluation& result) {
    const reference_intakes& r = result.reference;
    switch (result.status) {
        case intake_status::below_ear: return "below the EAR (" + mg_text(*r.ear) + ")";
        case intake_status::below_rda: return "at or above the EAR, below the RDA";
        case intake_status::meets_rda: return "meets the RDA";
        case intake_status::below_ai: return "below the AI (adequacy cannot be judged below an AI)";
        case intake_status::meets_ai: return "meets the AI";
    }
    return "";
}

void print_evaluation_text(const evaluation& result, const life_stage& stage) {
    print_reference_text(result.reference, stage);
    std::cout << '\n' << "Entries, largest contribution first\n";
    std::vector<std::vector<std::string>> rows;
    for (const entry_contribution& e : result.entries) {
        rows.push_back({std::string(to_string(e.kind)), e.description, optional_mg_text(e.magnesium, "unknown")});
    }
    if (rows.empty()) rows.push_back({"-", "(no entries)", "-"});
    print_table({"Kind", "Entry", "Magnesium"}, rows, {false, false, true});

    const reference_intakes& r = result.reference;
    const std::string lower = result.total_is_lower_bound() ? "at least " : "";
    std::string ul_text = r.supplemental_upper_limit
                              ? (result.over_upper_limit ? "OVER the UL of " : "within the UL of ") +
                                    mg_text(*r.supplemental_upper_limit)
                              : std::string("no UL established");
    std::cout << '\n' << "Totals\n";
    print_table({"", "Magnesium", ""},
                {{"Food", lower + mg_text(result.food),
                  result.unknown_entries ? std::to_string(result.unknown_entries) + " entries without data" : ""},
                 {"Supplements (elemental)", mg_text(result.supplemental), ul_text},
                 {"Total", lower + mg_text(result.total),
                  detail::format_number(result.percent_of_target, 1) + " % of the " + std::string(to_string(r.kind)) +
                      " (" + mg_text(r.target) + "), " + status_text(result)},
                 {"Absorbed (estimate)", result.absorbed ? mg_text(result.absorbed->amount) : "no estimate",
                  "labelled estimate, not compared with the reference"}},
                {false, true, false});
    if (!result.warnings.empty()) {
        std::cout << '\n' << "Warnings\n";
        for (const warning& w : result.warnings) std::cout << "  ! " << w.code << ": " << w.message << '\n';
    }
}

}  // namespace

void register_report_command(CLI::App& app) {
    struct state {
        life_stage_options person;
        output_format format = output_format::text;
        std::vector<std::string> supplements;
    };
    auto s = std::make_shared<state>();
    CLI::App* command = app.add_subcommand("report", "Evaluate a day's magnesium intake against the reference intakes");
    s->person.add_to(*command);
    command->add_option("--supplement", s->supplements,
                        "A supplement dose: \"COMPOUND=AMOUNT UNIT [elemental|compound][, LABEL_MG mg per AMOUNT UNIT]\", "
                        "e.g. \"glycinate=200 mg\", \"oxide=500 mg compound\" (repeatable)")
        ->allow_extra_args(false);
    add_format_option(*command, s->format);
    command->callback([s] {
        const life_stage stage = s->person.resolve();
        day_intake day;
        for (const std::string& text : s->supplements) day.add_supplement(parse_supplement_dose(text), text);
        const evaluation result = evaluate(day, stage);
        if (s->format == output_format::json) {
            std::cout << evaluation_json(result, stage).dump(2) << '\n';
        } else {
            print_evaluation_text(result, stage);
        }
    });
}

}  // namespace mgcalc::cli
