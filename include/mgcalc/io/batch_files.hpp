// mgcalc/io/batch_files.hpp - the CSV files of a batch (people, food entries, supplements) read
// into evaluate_batch's columns, and its results written one row per person-day.
//
// The formats are in docs/cli.md ("mgcalc batch"). Each food text is resolved once however many
// rows repeat it; a food found by search is reported (food_matches), never silently used.
#pragma once

#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/choice.hpp>
#include <mgcalc/people/authority.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

struct batch_file_options {
    /// Used for people whose `authority` field is empty; IOM 1997 when none is given.
    std::optional<mgcalc::authority> authority;
    /// False: the first bad row is an error (mgcalc::error with file:line and the column), and
    /// nothing is evaluated. True: bad rows are left out and listed in batch_input::rejects.
    bool skip_bad_rows = false;
};

/// A row left out with skip_bad_rows: where it is and what was wrong with it.
struct rejected_row {
    std::string file;
    std::size_t line;
    std::string code;     ///< the error's stable code: "parse_error", "unknown_food", ...
    std::string message;  ///< the error's message, which names the column
};

/// A food text of the entries file and the food it was read as.
struct batch_food_match {
    std::string text;         ///< as written in the file: "black beans", "16015", "usda-sr24:16015"
    std::size_t first_line;   ///< the first line that wrote it
    std::size_t rows;         ///< how many rows wrote it
    std::string food_id;
    std::string food_source;
    std::string food_description;
    food_choice choice;       ///< how it was found; uncertain() ones deserve a look
};

/// The three files as columns, ready for evaluate_batch.
struct batch_input {
    batch_foods foods;
    std::vector<batch_person> people;
    std::vector<std::string> person_ids;  ///< people.csv's `person`, by person index
    std::vector<double> weights;          ///< people.csv's `weight` (1 where the column is absent)
    /// people.csv's repweight_1 ... repweight_R columns, each one value per person.
    std::vector<std::vector<double>> replicate_weights;

    std::vector<std::uint32_t> entry_person, entry_food;
    std::vector<batch_day> entry_day;
    std::vector<grams> entry_amount;

    std::vector<std::uint32_t> dose_person, dose_compound;
    std::vector<batch_day> dose_day;
    std::vector<milligrams> dose_amount;
    std::vector<dose_basis> dose_basis_column;

    /// Food texts matched by search (id and SOURCE:ID texts are not listed), in order of first use.
    std::vector<batch_food_match> food_matches;
    std::vector<rejected_row> rejects;

    batch_food_columns entries() const { return {entry_person, entry_day, entry_food, entry_amount}; }
    batch_supplement_columns supplements() const {
        return {dose_person, dose_day, dose_compound, dose_amount, dose_basis_column};
    }
};

/// Reads people.csv, entries.csv and (when not empty) supplements.csv; foods are resolved in
/// `catalog`. Throws mgcalc::error: malformed_file for a file that cannot be read or lacks a
/// required column (naming it), and for a bad row unless options.skip_bad_rows.
batch_input read_batch_files(const food_catalog& catalog, const std::string& people_path,
                             const std::string& entries_path, const std::string& supplements_path = {},
                             const batch_file_options& options = {});

/// One batch file held in memory: its text, and the name that stands for its path in errors
/// and in rejected_row::file.
struct batch_file_text {
    std::string_view text;
    std::string name;
};
/// The texts of a batch's files; no supplements file when `supplements` is empty.
struct batch_file_texts {
    batch_file_text people, entries;
    std::optional<batch_file_text> supplements;
};

/// The same as read_batch_files with paths, from texts held in memory: the same columns, the same
/// rejected rows and the same errors, each file's name standing for its path.
batch_input read_batch_files(const food_catalog& catalog, const batch_file_texts& files,
                             const batch_file_options& options = {});

/// The results CSV header, in its column order.
inline constexpr std::string_view batch_results_header =
    "person,date,food_mg,unknown_entries,supplement_mg,total_mg,target_mg,target_kind,ear_mg,ul_supplemental_mg,"
    "percent_of_target,below_ear,over_ul";

/// The results CSV: the header and one row per person-day, amounts to 0.1 mg and percentages to
/// 0.1 % as everything mgcalc prints (evaluate_batch's own numbers are unrounded), empty where a
/// value does not exist (no EAR, no UL, no reference), booleans as true/false.
/// Written in pieces, so that millions of rows are never one string.
void write_batch_results_csv(std::ostream& out, const batch_input& input, const batch_result& result);

/// The rejects file of skip_bad_rows: file,line,code,message.
std::string rejects_csv(const std::vector<rejected_row>& rejects);

}  // namespace mgcalc
