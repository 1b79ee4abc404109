// Intake log files (mgcalc/io/log_file.hpp): reading and saving them, and telling the JSON log
// from the CSV of entries. The formats themselves are in log_json_read.cpp, log_json_write.cpp
// and log_csv.cpp.
#include <mgcalc/io/log_file.hpp>

#include <mgcalc/io/file.hpp>

#include "detail/text.hpp"
#include "detail/input_file.hpp"
#include "detail/utf8.hpp"
#include "io/log_input.hpp"
#include "io/log_json_read.hpp"

#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace mgcalc {

intake_log load_log(const std::string& path) {
    // A valid log is read without holding its text, which would be as large as the log it reads
    // into (61 MiB beside 130 MB for 660,000 entries). The text is what gives an error its line,
    // column and value, so a file with any problem is read again, whole: errors are rare.
    if (std::optional<intake_log> log = detail::stream_log_json_file(path)) return std::move(*log);
    return parse_log_json(detail::read_log_file(path, "mgcalc log file (JSON)"), path);
}

intake_log load_log(std::string_view text, std::string_view name) { return parse_log_json(text, name); }

void load_log_csv(const std::string& path, intake_log& log) {
    parse_log_csv(detail::read_log_file(path, "mgcalc CSV entry file"), log, path);
}

void load_log_csv(std::string_view text, std::string_view name, intake_log& log) { parse_log_csv(text, log, name); }

namespace {

/// The CSV's entries as a whole log of `person` (see log_file.hpp), for both load_log_csv.
intake_log as_log_of(intake_log log, const profile& person) {
    log.person = person;
    if (!log.days.empty()) {
        const date_range logged{log.days.front().date, log.days.back().date};
        for (date_range& range : log.person.pregnancies) range = logged;
        for (date_range& range : log.person.lactation) range = logged;
    }
    return log;
}

}  // namespace

intake_log load_log_csv(const std::string& path, const profile& person) {
    intake_log log;
    load_log_csv(path, log);
    return as_log_of(std::move(log), person);
}

intake_log load_log_csv(std::string_view text, std::string_view name, const profile& person) {
    intake_log log;
    load_log_csv(text, name, log);
    return as_log_of(std::move(log), person);
}

log_format log_file_format(const std::string& path) {
    // Before the first bytes are read: a FIFO would block here.
    detail::require_regular_file(path, "an mgcalc log file (JSON or CSV)");
    std::ifstream in(path, std::ios::binary);
    char head[64] = {};
    in.read(head, sizeof head);
    std::string_view start(head, static_cast<std::size_t>(in.gcount()));
    if (start.starts_with(detail::utf8::byte_order_mark)) start.remove_prefix(detail::utf8::byte_order_mark.size());
    while (!start.empty() && (start.front() == ' ' || start.front() == '\t' || start.front() == '\r' || start.front() == '\n'))
        start.remove_prefix(1);
    if (start.empty() || start.front() == '{') return log_format::json;
    const std::string lower = detail::to_lower(start);
    return lower.starts_with("date,") || lower.find(",date,") != std::string::npos || lower.starts_with("time,") ||
                   lower.starts_with("kind,")
               ? log_format::csv
               : log_format::json;
}

void save_log(const intake_log& log, const std::string& path) {
    const std::string text = to_log_json(log);  // throws before any file is touched
    save_file(path, text, "the log");
}

}  // namespace mgcalc
