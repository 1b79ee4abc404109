// mgcalc report: evaluate a day, or every day of a log, against the reference intakes.
//
// Every report goes through the same path: the person and entries given with flags become an
// in-memory log of one day, a --log file is read as it is, and evaluate_log evaluates each day
// with the profile as it was that day.
#include "cli/common.hpp"

#include <mgcalc/io/chart.hpp>
#include <mgcalc/io/file.hpp>
#include <mgcalc/io/json.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/io/log_file.hpp>
#include <mgcalc/io/period_csv.hpp>
#include <mgcalc/advice/suggestion.hpp>

#include "detail/precision.hpp"
#include "detail/text.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>
#include <span>
#include <tuple>

namespace mgcalc::cli {

namespace {

void print_suggestions_text(const gap_suggestions& s) {
    if (s.gap.value() <= 0 || (s.foods.empty() && !s.supplement_room)) return;
    std::cout << '\n' << "To close the gap of " << s.gap << ", for example\n";
    for (const food_suggestion& f : s.foods) std::cout << "  + " << f.text << '\n';
    if (s.supplement_room) {
        std::cout << "  or up to " << *s.supplement_room
                  << " more from supplements stays within the supplemental UL\n";
    }
    if (!s.note.empty()) std::cout << "  " << s.note << '\n';
}

/// How each food typed as words was read, with what else it could be: a guess is never silent.
void print_choices_text(const evaluation& result) {
    std::vector<std::string> lines;
    for (const entry_contribution& e : result.entries) {
        if (!e.choice || e.choice->method != match_method::search) continue;
        const food_choice& c = *e.choice;
        std::string line = detail::quoted(c.typed) + " -> " + e.food_source + ":" + e.food_id + " (search, confidence " +
                           detail::format_number(c.confidence, detail::factor_decimals) + ")";
        for (const std::string& note : c.notes) line += "; " + note;
        if (!c.alternatives.empty()) {
            std::vector<std::string> others;
            for (const food_alternative& a : c.alternatives) others.push_back(a.description + " (" + a.id + ")");
            line += "; other foods: " + detail::join(others, "; ");
        }
        if (!c.other_portions.empty()) {
            std::vector<std::string> portions;
            for (const portion& p : c.other_portions) {
                portions.push_back(detail::format_number(p.amount, detail::amount_decimals) + " " + p.measure + " = " +
                                   to_string(p.weight));
            }
            line += "; other portions: " + detail::join(portions, "; ");
        }
        lines.push_back(std::move(line));
    }
    if (lines.empty()) return;
    std::cout << '\n' << "How the foods were read\n";
    for (const std::string& line : lines) std::cout << "  " << line << '\n';
}

void print_day_text(const day_result& day) {
    const evaluation& result = day.result;
    std::cout << "Day " << to_string(day.date) << ". ";
    print_reference_text(result.reference, day.stage);
    std::cout << '\n' << "Entries, largest contribution first\n";
    std::vector<std::vector<std::string>> rows;
    for (const entry_contribution& e : result.entries) {
        std::string entry = e.description;
        if (e.kind == entry_kind::food && !e.measure_used.empty() && e.measure_used != "g") {
            entry += " [" + e.measure_used + "]";
        }
        rows.push_back({std::string(to_string(e.kind)), entry, optional_mg_text(e.magnesium, "unknown")});
    }
    if (rows.empty()) rows.push_back({"-", "(no entries)", "-"});
    print_table({"Kind", "Entry", "Magnesium"}, rows, {false, false, true});
    print_choices_text(result);

    const reference_intakes& r = result.reference;
    const std::string lower = result.total_is_lower_bound() ? "at least " : "";
    const std::string ul_text = r.ul_supplemental
                                    ? (result.over_ul ? "OVER the UL of " : "within the UL of ") +
                                          to_string(*r.ul_supplemental)
                                    : std::string("no UL established");
    std::cout << '\n' << "Totals\n";
    print_table({"", "Magnesium", ""},
                {{"Food", lower + to_string(result.food),
                  result.unknown_entries == 0   ? std::string()
                  : result.unknown_entries == 1 ? std::string("1 entry without data")
                                                : std::to_string(result.unknown_entries) + " entries without data"},
                 {"Supplements (elemental)", to_string(result.supplement), ul_text},
                 {"Total", lower + to_string(result.total),
                  percent_text(result.percent_of_target) + " of the " + std::string(to_string(r.target_kind)) +
                      " (" + to_string(r.target) + "), " + status_sentence(result)},
                 {"Absorbed (estimate)", result.absorbed ? to_string(result.absorbed->amount) : "no estimate",
                  "labelled estimate, not compared with the reference"}},
                {false, true, false});
    if (!r.ul_supplemental) std::cout << no_ul_sentence(r) << '\n';
    print_suggestions_text(suggest_for_gap(result));
    if (!result.warnings.empty()) {
        std::cout << '\n' << "Warnings\n";
        for (const warning& w : result.warnings) std::cout << "  ! " << w.code << ": " << w.message << '\n';
    }
}

void print_period_text(const period_evaluation& period) {
    const period_summary& s = period.summary;
    std::cout << "Period " << to_string(s.from) << " to " << to_string(s.to) << ": " << s.days << " logged days\n";
    std::vector<std::vector<std::string>> rows;
    for (const day_result& day : period.days) {
        const evaluation& e = day.result;
        std::string notes;
        if (e.over_ul) notes += "over UL; ";
        if (e.total_is_lower_bound()) notes += "lower bound; ";
        if (!notes.empty()) notes.resize(notes.size() - 2);
        rows.push_back({to_string(day.date), std::string(e.reference.life_stage), to_string(e.reference.target),
                        to_string(e.food), to_string(e.supplement),
                        (e.total_is_lower_bound() ? ">= " : "") + to_string(e.total),
                        percent_text(e.percent_of_target), status_code(e), notes});
    }
    print_table({"Date", "Reference row", "Target", "Food", "Supplements", "Total", "Target %", "Status", "Notes"},
                rows, {false, false, true, true, true, true, true, false, false});
    std::cout << '\n' << "Averages per logged day\n";
    print_table({"", "Magnesium"},
                {{"Food", to_string(s.mean_food)},
                 {"Supplements (elemental)", to_string(s.mean_supplement)},
                 {"Total", to_string(s.mean_total)}},
                {false, true});
    std::cout << '\n'
              << "Days below the EAR: " << s.days_below_ear << "; below the target: " << s.days_below_target
              << "; over the supplemental UL: " << s.days_over_ul
              << "; with entries lacking magnesium data: " << s.days_with_unknown_entries << '\n';
}

}  // namespace

void register_report_command(CLI::App& app) {
    struct state {
        life_stage_options person;
        std::string format_name = "text";
        std::vector<std::string> supplements;
        std::vector<std::string> foods;
        food_database_options databases;
        std::string log_file;
        std::string from;
        std::string to;
        std::string svg_file;
    };
    auto s = std::make_shared<state>();
    CLI::App* command =
        app.add_subcommand("report", "Evaluate a day, or the days of a log, against the reference intakes");
    s->person.add_to(*command);
    command->add_option("--supplement", s->supplements,
                        "A supplement dose: \"glycinate=200 mg\", \"oxide=500 mg compound\", \"magnesium glycinate 200 mg\", "
                        "\"threonate=2 g compound, 144 mg per 2 g\", optionally \"@HH:MM\" (docs/compounds.md; repeatable)")
        ->allow_extra_args(false);
    command->add_option("--food", s->foods,
                        "A food eaten, as typed: \"1 cup black beans\", \"2 slices whole wheat bread\", \"almonds 30g\", "
                        "or FOOD=SERVING (\"12014=1 oz\"); how it was read is reported (repeatable)")
        ->allow_extra_args(false);
    s->databases.add_to(*command);
    command->add_option("--log", s->log_file,
                        "A log file (docs/log-format.md): JSON with its profile and days, or a CSV of entries with the "
                        "person given by --sex and --age");
    command->add_option("--from", s->from, "First day of the period, YYYY-MM-DD (default: the log's first day)");
    command->add_option("--to", s->to, "Last day of the period, YYYY-MM-DD (default: the log's last day)");
    command->add_option("--svg", s->svg_file, "Also write a chart of the day or period to this SVG file");
    command->add_option("--format", s->format_name, "Output format: text (a readable table, the default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}, CLI::ignore_case));
    command->callback([s] {
        year_month_day day{};
        const intake_log log = build_log(s->person, {s->log_file, s->foods, s->supplements}, day);
        const food_catalog catalog = build_catalog(s->databases, log);
        check_flagged_entries({s->log_file, s->foods, s->supplements}, catalog);
        std::optional<year_month_day> from = s->from.empty() ? std::nullopt : std::optional(parse_date(s->from));
        std::optional<year_month_day> to = s->to.empty() ? std::nullopt : std::optional(parse_date(s->to));
        if (s->log_file.empty() && !from && !to) from = to = day;
        const period_evaluation period = evaluate_log(log, catalog, from, to);
        if (period.days.empty()) {
            throw error(errc::invalid_date, "no logged day between " + (from ? to_string(*from) : "the start") +
                                                " and " + (to ? to_string(*to) : "the end") +
                                                "; check --from/--to against the log's dates");
        }
        const bool one_day = period.days.size() == 1;

        if (!s->svg_file.empty()) {
            save_file(s->svg_file,
                      one_day ? day_chart_svg(period.days.front().result, to_string(period.days.front().date))
                              : period_chart_svg(period),
                      "the chart", std::span(&s->log_file, 1));
        }
        const std::string format = detail::to_lower(s->format_name);
        if (format == "csv") {
            std::cout << to_period_csv(period);
        } else if (format == "json") {
            if (one_day) std::cout << to_json(period.days.front());
            else write_json(std::cout, period);  // a day at a time: a long log's report is large
            std::cout << '\n';
        } else if (one_day) {
            print_day_text(period.days.front());
        } else {
            print_period_text(period);
        }
    });
}

}  // namespace mgcalc::cli
