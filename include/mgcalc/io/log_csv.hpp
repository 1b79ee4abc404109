// mgcalc/io/log_csv.hpp - the intake log's entries as CSV, for spreadsheet users: header
// `date,time,kind,item,amount,measure,note`, one row per entry (docs/log-format.md). The
// profile, custom foods and products are in the JSON log only (<mgcalc/io/log_json.hpp>).
// Files: <mgcalc/io/log_file.hpp>.
#pragma once

#include <mgcalc/intake/log.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

/// Adds the entries of a CSV entry text to `log.days` (merging by date, keeping date order).
/// `origin` names the text in errors. Throws mgcalc::error (malformed_file) with where() holding
/// the origin as the file and the line of the row, the field in the message, and input() the
/// field's text; the log is then unchanged.
void parse_log_csv(std::string_view text, intake_log& log, std::string_view origin = "<csv>");
/// All entries of a log as CSV. Throws mgcalc::error (malformed_file) for entries the reader
/// would refuse.
std::string to_log_csv(const intake_log& log);

}  // namespace mgcalc
