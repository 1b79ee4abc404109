// fuzz/fuzz_support.hpp - what every libFuzzer target of fuzz/ checks besides crashes.
//
// mgcalc refuses bad input by throwing mgcalc::error and nothing else (mgcalc/error.hpp), so any
// other exception escaping a parser is a defect, as is a result that breaks a documented
// invariant (a NaN total, negative grams). Each of those stops the fuzzer with __builtin_trap(),
// which libFuzzer reports as a crash and saves the input for.
#pragma once

#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/database.hpp>
#include <mgcalc/foods/serving.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/limits.hpp>
#include <mgcalc/people/life_stage.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

namespace mgcalc_fuzz {

// A macro, so that the report names the failed condition and its line.
#define MGCALC_FUZZ_CHECK(condition)                                                                     \
    do {                                                                                                 \
        if (!(condition)) {                                                                              \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition);     \
            __builtin_trap();                                                                            \
        }                                                                                                \
    } while (false)

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// The input cut at NUL bytes into exactly `count` parts (the last ones empty when there are
/// fewer NULs; the last one keeps any further NULs), for targets that read several texts. NUL
/// because no text mgcalc reads holds one, so the parts' own bytes are never lost to the cut.
inline std::vector<std::string_view> parts_of(std::string_view text, std::size_t count) {
    std::vector<std::string_view> parts;
    for (std::size_t i = 0; i + 1 < count; ++i) {
        const std::size_t nul = text.find('\0');
        parts.push_back(text.substr(0, nul));
        text = nul == std::string_view::npos ? std::string_view{} : text.substr(nul + 1);
    }
    parts.push_back(text);
    return parts;
}

/// Runs `body`; an mgcalc::error is the documented refusal, anything else stops the fuzzer.
template <class Body>
void only_mgcalc_errors(Body&& body) {
    try {
        body();
    } catch (const mgcalc::error&) {
    } catch (const std::exception& e) {
        std::fprintf(stderr, "an exception that is not mgcalc::error escaped: %s\n", e.what());
        __builtin_trap();
    } catch (...) {
        std::fprintf(stderr, "an exception that is not a std::exception escaped\n");
        __builtin_trap();
    }
}

inline bool finite_non_negative(double value) { return std::isfinite(value) && value >= 0; }

/// Every evaluated amount is a finite number of 0 or more (docs/model.md).
inline void check_evaluation(const mgcalc::evaluation& result) {
    MGCALC_FUZZ_CHECK(finite_non_negative(result.food.value()));
    MGCALC_FUZZ_CHECK(finite_non_negative(result.supplement.value()));
    MGCALC_FUZZ_CHECK(finite_non_negative(result.total.value()));
    MGCALC_FUZZ_CHECK(finite_non_negative(result.percent_of_target));
    for (const mgcalc::entry_contribution& entry : result.entries) {
        MGCALC_FUZZ_CHECK(!entry.magnesium || finite_non_negative(entry.magnesium->value()));
    }
}

/// What a loaded database promises (food_table::add): finite, non-negative magnesium, positive
/// finite portions; each portion, asked for by its own measure, resolves to finite grams; and a
/// day of the most of each food an entry may hold (10 kg) has finite totals, so that no value a
/// loader accepts overflows the sum.
inline void check_database(const mgcalc::food_database& database) {
    mgcalc::day_intake day;
    for (std::size_t i = 0; i < database.size(); ++i) {
        const mgcalc::food item = database.at(i);
        MGCALC_FUZZ_CHECK(!item.magnesium_per_100g || finite_non_negative(item.magnesium_per_100g->value()));
        for (const mgcalc::portion& p : item.portions) {
            MGCALC_FUZZ_CHECK(std::isfinite(p.amount) && p.amount > 0);
            MGCALC_FUZZ_CHECK(std::isfinite(p.weight.value()) && p.weight.value() > 0);
            only_mgcalc_errors([&] {
                const mgcalc::resolved_serving s = mgcalc::resolve_serving(item, mgcalc::serving{p.amount, p.measure});
                MGCALC_FUZZ_CHECK(finite_non_negative(s.weight.value()));
            });
        }
        day.add_food(item, mgcalc::grams::from_value(mgcalc::limits::max_food_grams));
    }
    check_evaluation(mgcalc::evaluate(day, mgcalc::life_stage{mgcalc::sex::female, mgcalc::age::from_years(34.5)}));
}

}  // namespace mgcalc_fuzz
