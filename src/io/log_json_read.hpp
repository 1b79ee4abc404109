// io/log_json_read.hpp - the JSON log reader's way in for files (log_json_read.cpp), beside
// parse_log_json for text. Private to src/io/.
#pragma once

#include <mgcalc/intake/log.hpp>

#include <optional>
#include <string>

namespace mgcalc::detail {

/// The log in the regular file at `path`, parsed as it is read in pieces (streamed_log_file), so
/// that the file's text is never held whole. Empty for any problem and for a file that is not a
/// regular one: load_log then reads it whole with parse_log_json, which says what is wrong and
/// where. A log it returns is the one parse_log_json returns for the same bytes.
std::optional<intake_log> stream_log_json_file(const std::string& path);

}  // namespace mgcalc::detail
