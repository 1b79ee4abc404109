// The CSV of log entries: load_log_csv from text either refuses with an mgcalc::error or gives
// entries that to_log_csv writes and that, read again, write the same bytes; the log with a
// profile round-trips as JSON too, and its days evaluate to finite totals.
#include "log_support.hpp"

#include <mgcalc/io/log_csv.hpp>
#include <mgcalc/io/log_file.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = mgcalc_fuzz::text_of(data, size);
    mgcalc::profile person;
    person.sex = mgcalc::sex::female;
    person.birth_date = mgcalc::date(1990, 5, 17);
    std::optional<mgcalc::intake_log> log;
    mgcalc_fuzz::only_mgcalc_errors([&] { log = mgcalc::load_log_csv(text, "fuzz.csv", person); });
    if (!log) return 0;

    std::string first;
    try {
        first = mgcalc::to_log_csv(*log);
    } catch (const mgcalc::error& e) {
        std::fprintf(stderr, "entries that loaded cannot be written: %s\n", e.what());
        __builtin_trap();
    }
    mgcalc::intake_log again;
    try {
        mgcalc::load_log_csv(first, "written.csv", again);
    } catch (const mgcalc::error& e) {
        std::fprintf(stderr, "the written CSV does not load again: %s\n", e.what());
        __builtin_trap();
    }
    MGCALC_FUZZ_CHECK(mgcalc::to_log_csv(again) == first);

    mgcalc_fuzz::check_json_round_trip(*log);
    mgcalc_fuzz::check_log_evaluation(*log);
    return 0;
}
