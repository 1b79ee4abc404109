// mgcalc/intake/log.hpp - a person's intake log over days: profile, days, entries, custom foods and
// supplement products. Plain data: the JSON and CSV file formats are in <mgcalc/io/log_file.hpp>.
//
// Entries keep what the person wrote ("1 1/2 cups", "glycinate=200 mg") and are resolved when a
// day is evaluated, so a log round-trips byte for byte and never loses what was typed.
#pragma once

#include <mgcalc/dates.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/people/profile.hpp>
#include <mgcalc/result.hpp>
#include <mgcalc/intake/time_of_day.hpp>
#include <mgcalc/units.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

/// A supplement product as its label states it: `elemental` magnesium per `unit` (capsule,
/// tablet, scoop) of `compound`.
struct supplement_product {
    std::string id;
    std::string name;
    std::string compound;     ///< compound id or alias
    milligrams elemental_per_unit;
    std::string unit = "capsule";
    friend bool operator==(const supplement_product&, const supplement_product&) = default;
};

enum class log_entry_kind { food, supplement, product };

struct log_entry {
    log_entry_kind kind = log_entry_kind::food;
    /// food: an id, SOURCE:ID or search words; supplement: a compound id or alias;
    /// product: a supplement_product id.
    std::string item;
    /// food: a serving ("1 oz", "1 1/2 cups"); supplement: "200 mg", "500 mg compound",
    /// "2 g compound, 144 mg per 2 g"; product: a count of units ("3", "2 capsules").
    std::string amount;
    std::optional<time_of_day> time;
    std::string note;
    /// food or supplement: the whole entry as typed, in place of item and amount ("1 cup black
    /// beans", "magnesium glycinate 200 mg"); item and amount are then empty.
    std::string phrase{};
    friend bool operator==(const log_entry&, const log_entry&) = default;
};

struct log_day {
    year_month_day date;
    std::vector<log_entry> entries;
    friend bool operator==(const log_day&, const log_day&) = default;
};

struct intake_log {
    profile person;
    std::vector<food> custom_foods;  ///< source "log"; referenced as "log:ID" or a plain id
    std::vector<supplement_product> products;
    std::vector<log_day> days;  ///< in date order, one per date
};

/// An entry with the date it belongs to, as a file of entries (CSV) lists them.
struct dated_entry {
    year_month_day date;
    log_entry entry;
};

/// Adds entries to the log, each to the day of its date after the entries that day has; a day
/// is inserted in date order for a date the log does not have. Entries of one date keep their
/// order. `log.days` must be in date order with one day per date, as the loaders make them;
/// otherwise throws mgcalc::error (invalid_date) naming the day out of order. On an error the
/// log is unchanged.
void add_entries(intake_log& log, std::vector<dated_entry> entries);
/// The same for entries of one date.
void add_entries(intake_log& log, year_month_day date, std::vector<log_entry> entries);

/// An entry as a person types it, optionally followed by the time it was eaten or taken:
///   food        "1 cup black beans", "black beans=1 cup@12:30" (docs: mgcalc/foods/resolve.hpp)
///   supplement  "magnesium glycinate 200 mg@21:30", "glycinate=200 mg" (parse_supplement_dose)
///   product     "PRODUCT_ID=COUNT", "my-mag=2@08:00" (a supplement_product of the log)
/// Only the form is read here ("@" and a strict HH:MM time, a non-empty entry); the food or dose
/// is read when the day is resolved, so an entry keeps what was typed. Throws mgcalc::error
/// (parse_error) saying what would be accepted.
log_entry read_log_entry(log_entry_kind kind, std::string_view typed);
/// read_log_entry's twin: the error instead of throwing it.
result<log_entry> try_read_log_entry(log_entry_kind kind, std::string_view typed);

}  // namespace mgcalc
