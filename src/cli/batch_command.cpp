// mgcalc batch: many people's days from CSV files (a survey, an app's users) to one results row
// per person-day. The files' formats are in docs/cli.md; the work is evaluate_batch's.
#include "cli/common.hpp"

#include <mgcalc/evaluate/batch.hpp>
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
        std::string people, entries, supplements, out, rejects, authority;
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
    command->add_option("--out", s->out, "The results CSV to write, one row per person-day")->required();
    command->add_option("--authority", s->authority,
                        "Whose reference intakes, for people whose authority field is empty: iom (the default), efsa, "
                        "who, uk, dach, anz");
    command->add_option("--threads", s->threads, "Worker threads (0, the default: one per core); results do not depend on it");
    command->add_flag("--skip-bad-rows", s->skip_bad_rows,
                      "Leave bad rows out, listing them in the rejects file, instead of stopping at the first");
    command->add_option("--rejects", s->rejects, "Where --skip-bad-rows lists the rows left out (default: OUT.rejects.csv)");
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
        save_file(s->out, batch_results_csv(input, result), "the results", inputs);
        std::cerr << "mgcalc: " << result.days.size() << " person-days of " << input.people.size() << " people written to "
                  << s->out;
        if (result.days_not_covered > 0) {
            std::cerr << " (" << result.days_not_covered
                      << " without a reference: the authority's table has no row for that life stage)";
        }
        std::cerr << '\n';
    });
}

}  // namespace mgcalc::cli
