// fuzz/log_support.hpp - the checks the two log targets share.
#pragma once

#include "fuzz_support.hpp"

#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/intake/log.hpp>
#include <mgcalc/io/log_json.hpp>

#include <string>

namespace mgcalc_fuzz {

/// A log that loaded writes (to_log_json never refuses what the reader accepted), and its JSON
/// read back writes the same bytes: save -> load -> save is byte-identical (log_json.hpp).
inline std::string check_json_round_trip(const mgcalc::intake_log& log) {
    std::string first;
    try {
        first = mgcalc::to_log_json(log);
    } catch (const mgcalc::error& e) {
        std::fprintf(stderr, "a log that loaded cannot be written: %s\n", e.what());
        __builtin_trap();
    }
    std::string second;
    try {
        second = mgcalc::to_log_json(mgcalc::parse_log_json(first, "written"));
    } catch (const mgcalc::error& e) {
        std::fprintf(stderr, "the written log does not load again: %s\n", e.what());
        __builtin_trap();
    }
    MGCALC_FUZZ_CHECK(first == second);
    return first;
}

/// Every day of the log evaluates to finite totals of 0 or more (or is refused with an mgcalc::error).
inline void check_log_evaluation(const mgcalc::intake_log& log) {
    only_mgcalc_errors([&] {
        mgcalc::food_catalog catalog;
        if (auto custom = mgcalc::custom_food_database(log)) catalog.add(custom);
        const mgcalc::period_evaluation period = mgcalc::evaluate_log(log, catalog);
        for (const mgcalc::day_result& day : period.days) check_evaluation(day.result);
        MGCALC_FUZZ_CHECK(finite_non_negative(period.summary.mean_total.value()));
    });
}

}  // namespace mgcalc_fuzz
