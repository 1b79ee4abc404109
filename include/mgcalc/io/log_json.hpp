// mgcalc/io/log_json.hpp - the intake log as versioned JSON ("format": "mgcalc-log", "version": 1;
// docs/log-format.md), held in memory. Files: <mgcalc/io/log_file.hpp>.
//
// Opt-in: not included by <mgcalc/mgcalc.hpp>; nlohmann-json is used in src/ only. Loading never
// drops data: an unknown field or entry kind is an error naming the file, line and JSON path.
// save -> load -> save is byte-identical.
#pragma once

#include <mgcalc/intake/log.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

/// Parses a JSON log. `origin` names the text in errors (a file path). Throws mgcalc::error
/// (malformed_file) saying what was expected; its where() has the origin as the file, the line
/// and column (in characters), the JSON path ("$.days[2].entries[0].amount"), and its input() the
/// value at fault as written. Rejects non-UTF-8, over-deep (> 64 levels) and over-large
/// (> 64 MiB) input cleanly.
intake_log parse_log_json(std::string_view text, std::string_view origin = "<log>");
/// The canonical JSON text of a log (2-space indent, fixed key order, trailing newline). Throws
/// mgcalc::error (malformed_file) for a log it would refuse to read back.
std::string to_log_json(const intake_log& log);

}  // namespace mgcalc
