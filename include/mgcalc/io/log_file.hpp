// mgcalc/io/log_file.hpp - intake log files: the versioned JSON log (the whole log,
// <mgcalc/io/log_json.hpp>) and the CSV of entries for spreadsheet users (<mgcalc/io/log_csv.hpp>),
// read from and saved to files, and which of the two a file holds.
//
// Opt-in: not included by <mgcalc/mgcalc.hpp>.
#pragma once

#include <mgcalc/intake/log.hpp>
#include <mgcalc/io/log_csv.hpp>
#include <mgcalc/io/log_json.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

/// Reads a JSON log file, as parse_log_json with the path as the origin. Throws malformed_file
/// (also for a missing file or a folder, naming it). A regular file is read in pieces as it is
/// parsed, not held whole, unless it has an error.
intake_log load_log(const std::string& path);
/// The same as load_log(path), from text held in memory; `name` stands for the path in errors.
/// This is parse_log_json(text, name), which load_log(path) gives for the same bytes.
intake_log load_log(std::string_view text, std::string_view name);
/// Writes the canonical JSON of the log (to_log_json) to a file: next to it first, then renamed
/// over it, so that a failed write never leaves a log cut short. Throws malformed_file, before
/// touching the file for a log it would refuse to read.
void save_log(const intake_log& log, const std::string& path);

/// Reads a CSV entry file into `log`, as parse_log_csv. Throws malformed_file like load_log.
void load_log_csv(const std::string& path, intake_log& log);
/// A CSV entry file as a whole log. The file has no profile, so `person` is it, as stated for
/// every logged day: each of its pregnancy and lactation ranges becomes the file's first to last
/// day (a person said to be pregnant is taken to be pregnant on each day of the file).
intake_log load_log_csv(const std::string& path, const profile& person);
/// The same as the two above, from text held in memory; `name` stands for the path in errors.
void load_log_csv(std::string_view text, std::string_view name, intake_log& log);
intake_log load_log_csv(std::string_view text, std::string_view name, const profile& person);

enum class log_format { json, csv };
/// What a log file holds, from its first bytes: a JSON log starts with '{', a CSV entry file
/// with its header (the column "date" among the first); JSON when unsure, so that its loader
/// says what is wrong.
log_format log_file_format(const std::string& path);

}  // namespace mgcalc
