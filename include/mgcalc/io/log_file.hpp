// mgcalc/io/log_file.hpp - the intake log's file formats: versioned JSON (the whole log) and a CSV
// of entries for spreadsheet users.
//
// Opt-in: not included by <mgcalc/mgcalc.hpp>; JSON via nlohmann-json in src/ only.
// Loading never drops data: an unknown field or entry kind is an error naming the file, line and
// JSON path (docs/log-format.md). save -> load -> save is byte-identical.
#pragma once

#include <mgcalc/intake/log.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

/// Parses a JSON log ("format": "mgcalc-log", "version": 1). `origin` names the text in errors
/// (a file path). Throws mgcalc::error (malformed_file) with origin:line:column and the JSON path
/// ("$.days[2].entries[0].amount") and what was expected; rejects non-UTF-8, over-deep
/// (> 64 levels) and over-large (> 64 MiB) input cleanly.
intake_log parse_log_json(std::string_view text, std::string_view origin = "<log>");
/// The canonical JSON text of a log (2-space indent, fixed key order, trailing newline).
std::string to_log_json(const intake_log& log);

/// Reads / writes a JSON log file. Throws malformed_file (or for a missing file, naming it).
intake_log load_log(const std::string& path);
void save_log(const intake_log& log, const std::string& path);

/// The CSV entry format: header `date,time,kind,item,amount,measure,note`, one row per entry
/// (docs/log-format.md). Adds the entries to `log.days` (merging by date, keeping date order).
void parse_log_csv(std::string_view text, intake_log& log, std::string_view origin = "<csv>");
/// Reads a CSV entry file into `log`, as parse_log_csv. Throws malformed_file like load_log.
void load_log_csv(const std::string& path, intake_log& log);

enum class log_format { json, csv };
/// What a log file holds, from its first bytes: a JSON log starts with '{', a CSV entry file
/// with its header (the column "date" among the first); JSON when unsure, so that its loader
/// says what is wrong.
log_format log_file_format(const std::string& path);
/// All entries of a log as CSV (the profile, custom foods and products are JSON-only).
std::string to_log_csv(const intake_log& log);

}  // namespace mgcalc
