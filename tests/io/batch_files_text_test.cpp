// read_batch_files from texts held in memory (mgcalc/io/batch_files.hpp): the same columns, the
// same rejected rows and the same errors, with file and line, as from the files.
#include <mgcalc/error.hpp>
#include <mgcalc/io/batch_files.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

using mgcalc_test::read_file;
using mgcalc_test::temporary_folder;

namespace {

const std::string sample_dir = std::string(MGCALC_DATA_DIR) + "/../examples/batch";

/// What was read, as the results CSV of its evaluation and the rejects file; or the error.
std::string outcome(const std::function<mgcalc::batch_input()>& read) {
    try {
        const mgcalc::batch_input input = read();
        mgcalc::batch_options run;
        run.threads = 1;
        const mgcalc::batch_result result =
            mgcalc::evaluate_batch(input.foods, input.people, input.entries(), input.supplements(), run);
        std::ostringstream out;
        mgcalc::write_batch_results_csv(out, input, result);
        out << mgcalc::rejects_csv(input.rejects);
        for (const mgcalc::batch_food_match& m : input.food_matches)
            out << m.text << " line " << m.first_line << " x" << m.rows << " -> " << m.food_source << ":" << m.food_id << "\n";
        return out.str();
    } catch (const mgcalc::error& e) {
        return "error [" + std::string(mgcalc::to_string(e.code())) + "] " + e.what();
    }
}

/// Both readers over the same three texts, with and without skip_bad_rows.
void check_same(const std::string& people, const std::string& entries, const std::string& supplements,
                std::string_view expected_part) {
    const temporary_folder folder;
    const std::string people_path = folder.file("people.csv"), entries_path = folder.file("entries.csv"),
                      supplements_path = folder.file("supplements.csv");
    std::ofstream(people_path) << people;
    std::ofstream(entries_path) << entries;
    std::ofstream(supplements_path) << supplements;
    for (const bool skip : {false, true}) {
        INFO("skip_bad_rows " << skip);
        mgcalc::batch_file_options options;
        options.skip_bad_rows = skip;
        const mgcalc::food_catalog catalog;
        const std::string from_files = outcome(
            [&] { return mgcalc::read_batch_files(catalog, people_path, entries_path, supplements_path, options); });
        const mgcalc::batch_file_texts texts{
            {people, people_path}, {entries, entries_path}, mgcalc::batch_file_text{supplements, supplements_path}};
        CHECK(outcome([&] { return mgcalc::read_batch_files(catalog, texts, options); }) == from_files);
        if (!skip) CHECK_THAT(from_files, Catch::Matchers::Contains(std::string(expected_part)));

        // Without a supplements file.
        const mgcalc::batch_file_texts no_supplements{{people, people_path}, {entries, entries_path}, std::nullopt};
        CHECK(outcome([&] { return mgcalc::read_batch_files(catalog, no_supplements, options); }) ==
              outcome([&] { return mgcalc::read_batch_files(catalog, people_path, entries_path, {}, options); }));
    }
}

}  // namespace

TEST_CASE("read_batch_files from texts: the same columns as from the files", "[batch_files][text]") {
    check_same(read_file(sample_dir + "/people.csv"), read_file(sample_dir + "/entries.csv"),
               read_file(sample_dir + "/supplements.csv"), "person,date,food_mg");
}

TEST_CASE("read_batch_files from texts: the same errors and rejected rows as from the files", "[batch_files][text]") {
    const std::string people = read_file(sample_dir + "/people.csv");
    const std::string entries = read_file(sample_dir + "/entries.csv");
    const std::string supplements = read_file(sample_dir + "/supplements.csv");
    // A bad row in each file, and a people file without an age column.
    check_same(people + "p99,robot,1990-01-01,,,,,,,1\n", entries, supplements, "people.csv:");
    check_same(people, entries + "p01,2024-13-40,12014,28\n", supplements, "entries.csv:");
    check_same(people, entries, supplements + "p01,2024-04-02,glycinate,-5,mg,\n", "supplements.csv:");
    check_same("person,sex\np01,female\n", entries, supplements, "people.csv:1: the header has neither birth_date");
}
