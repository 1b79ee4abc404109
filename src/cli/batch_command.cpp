// mgcalc batch: many people's days from CSV files (a survey, an app's users) to one results row
// per person-day. The files' formats are in docs/cli.md; the work is evaluate_batch's.
#include "cli/common.hpp"

#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/evaluate/population.hpp>
#include <mgcalc/io/batch_files.hpp>
#include <mgcalc/io/file.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace mgcalc::cli {

namespace {

// A progress line on a terminal, shown only once the work has taken a second, so that small
// batches and output to files or pipes stay quiet.
class progress_line {
public:
    progress_line() : shown_(isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}
    void operator()(double share) {
        if (!shown_ || std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1)) return;
        std::fprintf(stderr, "\rmgcalc: evaluating person-days %3d%%", static_cast<int>(share * 100.0));
        std::fflush(stderr);
        drawn_ = true;
    }
    ~progress_line() {
        if (drawn_) std::fputs("\n", stderr);
    }

private:
    bool shown_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_;
};

// A food found by search is never silent: what was written, the food used, and how sure.
void report_food_matches(const batch_input& input, const std::string& entries_path) {
    for (const batch_food_match& m : input.food_matches) {
        std::cerr << "mgcalc: " << (m.choice.uncertain() ? "warning" : "note") << ": " << entries_path << ":"
                  << m.first_line << ": food " << detail::quoted(m.text) << " (" << m.rows
                  << (m.rows == 1 ? " row" : " rows") << ") read as " << m.food_source << ":" << m.food_id << " "
                  << m.food_description << " (" << to_string(m.choice.method) << ", confidence "
                  << percent_text(m.choice.confidence * 100.0);
        if (!m.choice.alternatives.empty()) {
            std::cerr << "; also:";
            for (std::size_t i = 0; i < m.choice.alternatives.size() && i < 3; ++i) {
                std::cerr << (i == 0 ? " " : ", ") << m.choice.alternatives[i].id << " "
                          << m.choice.alternatives[i].description;
            }
        }
        std::cerr << ")\n";
    }
}

}  // namespace

void register_batch_command(CLI::App& app) {
    struct state {
        std::string people, entries, supplements, out, rejects, authority, summary;
        std::string by = "life-stage", summary_unit = "person-days";
        double replicate_scale = 1.0;
        unsigned threads = 0;
        bool skip_bad_rows = false;
        food_database_options databases;
    };
    auto s = std::make_shared<state>();
    CLI::App* command = app.add_subcommand(
        "batch", "Evaluate many people's days from CSV files (people, food entries, supplements): one results row per "
                 "person-day");
    command->add_option("--people", s->people, "people.csv: person,sex,birth_date or age_years,... (docs/cli.md)")
        ->required();
    command->add_option("--entries", s->entries, "entries.csv: person,date,food,grams")->required();
    command->add_option("--supplements", s->supplements, "supplements.csv: person,date,compound,amount,unit,basis");
    command->add_option("--out", s->out, "The results CSV to write, one row per person-day; - for standard output")
        ->required();
    command->add_option("--authority", s->authority,
                        "Whose reference intakes, for people whose authority field is empty: iom (the default), efsa, "
                        "who, uk, dach, anz");
    command->add_option("--threads", s->threads, "Worker threads (0, the default: one per core); results do not depend on it");
    command->add_flag("--skip-bad-rows", s->skip_bad_rows,
                      "Leave bad rows out, listing them in the rejects file, instead of stopping at the first");
    command->add_option("--rejects", s->rejects, "Where --skip-bad-rows lists the rows left out (default: OUT.rejects.csv)");
    command->add_option("--summary", s->summary,
                        "Also write the population summary as JSON: weighted means, percentiles, share below the EAR, "
                        "supplement users over the UL (docs/population.md)");
    command->add_option("--by", s->by, "Groups of the summary besides everyone: life-stage (the default), sex or none")
        ->check(CLI::IsMember({"life-stage", "sex", "none"}, CLI::ignore_case));
    command->add_option("--summary-unit", s->summary_unit,
                        "What the summary counts: person-days (the default) or people (each person's mean over their days)")
        ->check(CLI::IsMember({"person-days", "people"}, CLI::ignore_case));
    command->add_option("--replicate-scale", s->replicate_scale,
                        "The replicate method's constant for standard errors from repweight_ columns: (R-1)/R for JK1, "
                        "1/(R-1) for the bootstrap, 1/R for BRR (docs/population.md); default 1");
    s->databases.add_to(*command);
    command->callback([s] {
        if (!s->rejects.empty() && !s->skip_bad_rows) {
            throw error(errc::parse_error, "--rejects names where --skip-bad-rows lists the rows left out; add "
                                           "--skip-bad-rows, or drop --rejects to stop at the first bad row");
        }
        batch_file_options options;
        if (!s->authority.empty()) options.authority = parse_authority(s->authority);
        options.skip_bad_rows = s->skip_bad_rows;
        const food_catalog catalog = s->databases.catalog();
        const batch_input input = read_batch_files(catalog, s->people, s->entries, s->supplements, options);
        report_food_matches(input, s->entries);

        batch_result result;
        {
            progress_line progress;
            result = evaluate_batch(input.foods, input.people, input.entries(), input.supplements(),
                                    {.threads = s->threads, .progress = [&](double share) { progress(share); }});
        }
        std::vector<std::string> inputs{s->people, s->entries};
        if (!s->supplements.empty()) inputs.push_back(s->supplements);
        if (s->skip_bad_rows) {
            if (s->rejects.empty() && s->out == "-") {
                throw error(errc::parse_error, "--skip-bad-rows with --out - needs --rejects FILE: where to list the rows left out");
            }
            const std::string rejects = s->rejects.empty() ? s->out + ".rejects.csv" : s->rejects;
            inputs.push_back(s->out);
            save_file(rejects, rejects_csv(input.rejects), "the rejects file", inputs);
            inputs.pop_back();
            if (!input.rejects.empty()) {
                std::cerr << "mgcalc: warning: " << input.rejects.size()
                          << (input.rejects.size() == 1 ? " bad row was" : " bad rows were") << " left out; see "
                          << rejects << '\n';
            }
        }
        if (s->out == "-") {
            write_batch_results_csv(std::cout, input, result);
            std::cout << std::flush;
            if (!std::cout) throw error(errc::malformed_file, "cannot write the results to standard output");
        } else {
            save_file(s->out, [&](std::ostream& out) { write_batch_results_csv(out, input, result); }, "the results", inputs);
        }
        if (!s->summary.empty()) {
            population_options summary;
            summary.unit = detail::to_lower(s->summary_unit) == "people" ? population_unit::people : population_unit::person_days;
            summary.weights.sampling = input.weights;
            summary.weights.replicates = input.replicate_weights;
            summary.weights.scale = s->replicate_scale;
            const std::string by = detail::to_lower(s->by);
            if (by == "life-stage") {
                summary.group_by = population_grouping::life_stage;
            } else if (by == "sex") {
                summary.group_by = population_grouping::person_label;
                summary.person_labels = sex_labels(input.people);
            }
            inputs.push_back(s->out);
            save_file(s->summary, to_json(summarize_population(result, summary)) + "\n", "the summary", inputs);
        }
        std::cerr << "mgcalc: " << result.days.size() << " person-days of " << input.people.size() << " people written to "
                  << (s->out == "-" ? std::string("standard output") : s->out);
        if (result.days_not_covered > 0) {
            std::cerr << " (" << result.days_not_covered
                      << " without a reference: the authority's table has no row for that life stage)";
        }
        std::cerr << '\n';
    });
}

}  // namespace mgcalc::cli
