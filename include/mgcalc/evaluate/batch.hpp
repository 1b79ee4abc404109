// mgcalc/evaluate/batch.hpp - many people's days at once, from columns: the app back end that
// recomputes every user's week, the dietary survey of people x recall days x foods.
//
// Each person-day gets the numbers evaluate() gives that day alone (food from known entries, the
// count of unknown ones, supplemental, total, the reference of that day's life stage, percent of
// target, below the EAR, over the supplemental UL), to the last rounding: the sums run in the
// entries' order with the same arithmetic. The hot loop reads plain columns: no allocation per row,
// no virtual call and no string lookup per entry. Not in <mgcalc/mgcalc.hpp> (it brings <chrono>);
// compiled in src/evaluate/batch.cpp. docs/population.md explains the statistics built on it.
#pragma once

#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/dates.hpp>
#include <mgcalc/foods/database.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/people/profile.hpp>
#include <mgcalc/people/reference.hpp>
#include <mgcalc/units.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace mgcalc {

/// A day in a batch's columns: days since 1970-01-01 in 32 bits, half the size of
/// std::chrono::sys_days (64 bits in libstdc++), which it converts to without a cast. Make one with
/// to_batch_day(sys_days or year_month_day).
using batch_day = std::chrono::time_point<std::chrono::system_clock, std::chrono::duration<std::int32_t, std::chrono::days::period>>;
/// The day as a batch_day (every year_month_day fits: 32 bits of days span millions of years).
constexpr batch_day to_batch_day(std::chrono::sys_days day) noexcept {
    return std::chrono::time_point_cast<batch_day::duration>(day);
}

/// The foods a batch's food column indexes into: each food's magnesium per 100 g (empty when not
/// analysed) in one flat table, read in the hot loop without touching a food_database.
class batch_foods {
public:
    batch_foods() = default;
    /// Every food of the database, index i being the database's index i.
    static batch_foods of(const food_database& database);
    /// Appends a food; returns its index.
    std::uint32_t add(const food& item);
    std::size_t size() const noexcept { return per_100g_.size(); }
    /// NaN when unknown (kept as a NaN only inside the table; the API says std::optional).
    std::optional<milligrams> magnesium_per_100g(std::uint32_t index) const;
    /// The table itself: mg per 100 g, NaN for unknown.
    std::span<const double> mg_per_100g() const noexcept { return per_100g_; }

private:
    std::vector<double> per_100g_;
};

/// One person of a batch: a profile (sex, birth date or age, pregnancy and lactation dates,
/// authority, infant feeding) and how its stated age is read.
struct batch_person {
    mgcalc::profile profile;
    /// True: profile.age's years are the age on every day (a survey's "age at interview"), not an
    /// age that moves with the calendar from the day it was stated.
    bool age_is_fixed = false;
    /// The life stage on `day`. Throws like profile::on.
    life_stage on(year_month_day day) const;
};

/// Food entries as columns of equal length: entry i is `amount[i]` of food `food[i]` eaten by
/// person `person[i]` on `day[i]`. Any order; entries of one person-day are summed in their order.
struct batch_food_columns {
    std::span<const std::uint32_t> person;
    std::span<const batch_day> day;
    std::span<const std::uint32_t> food;  ///< index into batch_foods
    std::span<const grams> amount;
};

/// Supplement doses as columns: `compound[i]` indexes compounds(), or is compounds().size() for
/// unspecified_form() (magnesium of a form not stated, elemental only).
struct batch_supplement_columns {
    std::span<const std::uint32_t> person;
    std::span<const batch_day> day;
    std::span<const std::uint32_t> compound;
    std::span<const milligrams> amount;
    std::span<const dose_basis> basis;  ///< elemental magnesium or compound mass
};

struct batch_options {
    /// Worker threads; 0 means std::thread::hardware_concurrency(). Results do not depend on it.
    unsigned threads = 0;
    /// Called now and then from the calling thread with the share of person-days done (0-1).
    std::function<void(double)> progress{};
};

/// One person-day's result. `reference` indexes batch_result::references, or is no_reference
/// where the authority's table has no row for the life stage (EFSA below 6 months, ...).
struct person_day {
    static constexpr std::uint16_t no_reference = 0xFFFF;
    std::uint32_t person;
    batch_day day;
    milligrams food;                ///< from entries with known magnesium
    std::uint32_t unknown_entries;  ///< food entries with no magnesium value: never counted as 0
    std::uint32_t supplement_doses; ///< doses logged that day
    milligrams supplement;          ///< elemental magnesium from supplements
    milligrams total;               ///< food + supplement (a lower bound when unknown_entries > 0)
    double percent_of_target;       ///< NaN without a reference
    /// 1 for the person's first day in the batch, 2 for the second, ...: the recall-day index that
    /// usual-intake methods (the NCI method, SPADE) take beside the date.
    std::uint32_t day_index;
    std::uint16_t reference;
    bool below_ear;                 ///< false where the authority sets no EAR
    bool over_ul;                   ///< supplement over the supplemental UL; false where none is set
};

struct batch_result {
    /// Ordered by person, then day.
    std::vector<person_day> days;
    /// The distinct reference intakes the days use, in order of first use.
    std::vector<reference_intakes> references;
    /// Person-days without a reference (not covered by the authority's table).
    std::size_t days_not_covered = 0;
    /// The day's reference, or nullptr where there is none.
    const reference_intakes* reference_of(const person_day& d) const noexcept {
        return d.reference == person_day::no_reference ? nullptr : &references[d.reference];
    }
};

/// Evaluates every person-day that has an entry or a dose. Throws mgcalc::error: invalid_amount
/// for a negative or non-finite amount, parse_error for an index out of range or columns of
/// unequal length (naming the row), and what profile::on throws for a person (naming them).
batch_result evaluate_batch(const batch_foods& foods, std::span<const batch_person> people,
                            const batch_food_columns& entries, const batch_supplement_columns& supplements = {},
                            const batch_options& options = {});

}  // namespace mgcalc
