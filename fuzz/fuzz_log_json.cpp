// The JSON log: parse_log_json (load_log's reader for text) either refuses with an mgcalc::error
// or gives a log that writes and reads back byte-identically, that load_log reads the same from a
// file (its streaming reader is a second parser of the same bytes), and whose days evaluate to
// finite totals.
#include "log_support.hpp"

#include <mgcalc/io/log_file.hpp>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <unistd.h>

namespace {

/// One scratch file per process, for load_log's reader of files.
const std::string& scratch_path() {
    static const std::string path = [] {
        const char* dir = std::getenv("TMPDIR");
        return std::string(dir && *dir ? dir : "/tmp") + "/mgcalc-fuzz-log-" + std::to_string(::getpid()) + ".json";
    }();
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = mgcalc_fuzz::text_of(data, size);
    std::optional<mgcalc::intake_log> log;
    mgcalc_fuzz::only_mgcalc_errors([&] { log = mgcalc::load_log(text, "fuzz.json"); });
    const std::string written = log ? mgcalc_fuzz::check_json_round_trip(*log) : std::string();

    // The file reader: the same log, or the same refusal.
    if (std::FILE* file = std::fopen(scratch_path().c_str(), "wb")) {
        const bool complete = std::fwrite(data, 1, size, file) == size;
        if (std::fclose(file) == 0 && complete) {
            std::optional<mgcalc::intake_log> from_file;
            mgcalc_fuzz::only_mgcalc_errors([&] { from_file = mgcalc::load_log(scratch_path()); });
            MGCALC_FUZZ_CHECK(from_file.has_value() == log.has_value());
            if (log) MGCALC_FUZZ_CHECK(mgcalc::to_log_json(*from_file) == written);
        }
        std::remove(scratch_path().c_str());
    }

    if (log) mgcalc_fuzz::check_log_evaluation(*log);
    return 0;
}
