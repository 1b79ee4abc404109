// Checking a whole log (io/log_check.hpp).
#include "io/log_check.hpp"

#include <mgcalc/error.hpp>
#include <mgcalc/limits.hpp>

#include <mgcalc/detail/limits.hpp>
#include "detail/text.hpp"
#include "detail/utf8.hpp"

#include <cmath>
#include <map>

namespace mgcalc::detail {

// ---- entry kinds -----------------------------------------------------------------------------

std::string_view kind_name(log_entry_kind kind) noexcept {
    switch (kind) {
        case log_entry_kind::food: return "food";
        case log_entry_kind::supplement: return "supplement";
        case log_entry_kind::product: return "product";
    }
    return {};
}

std::optional<log_entry_kind> parse_kind(std::string_view text) noexcept {
    if (text == "food") return log_entry_kind::food;
    if (text == "supplement") return log_entry_kind::supplement;
    if (text == "product") return log_entry_kind::product;
    return std::nullopt;
}

// ---- checking a whole log --------------------------------------------------------------------

namespace {

// Plausibility limits (mgcalc/limits.hpp): they catch unit and typing mistakes.
using limits::max_age_years;
constexpr double max_magnesium_per_100g = limits::max_magnesium_mg_per_100g;
constexpr double max_elemental_per_unit = limits::max_elemental_mg_per_dose;

/// A problem with a string the log holds: not UTF-8 (possible only for logs built in code) or
/// a NUL character (JSON can carry one as \u0000; the CSV format cannot).
std::optional<std::string> text_problem(std::string_view text) {
    if (const std::size_t bad = utf8::invalid_at(text); bad != std::string_view::npos)
        return "byte " + utf8::hex_byte(static_cast<unsigned char>(text[bad])) + " at byte offset " +
               std::to_string(bad) + " is not valid UTF-8; expected UTF-8 text";
    if (text.find('\0') != std::string_view::npos) return "contains a NUL character (U+0000); expected text without one";
    return std::nullopt;
}

/// Checks a string field: valid text, and not blank unless `may_be_blank`. `where()` gives its
/// path, made only for a problem: the fields of every entry of a log are checked on each load and
/// save, and a path is an allocation.
template <class Where>
std::optional<problem> check_text(const std::string& text, const Where& where, std::string_view expected,
                                  bool may_be_blank = false) {
    if (auto why = text_problem(text)) return problem{where(), *why, text};
    if (!may_be_blank && trim(text).empty())
        return problem{where(), (text.empty() ? "is empty; expected " : "is blank; expected ") + std::string(expected),
                       text};
    return std::nullopt;
}

std::optional<problem> check_text(const std::string& text, const json_path& where, std::string_view expected,
                                  bool may_be_blank = false) {
    return check_text(text, [&] { return where; }, expected, may_be_blank);
}

std::optional<problem> check_date(year_month_day date, const json_path& where) {
    if (date.ok()) return std::nullopt;
    return problem{where, to_string(date) + " is not a calendar date; expected an existing date YYYY-MM-DD",
                   to_string(date)};
}

std::optional<problem> check_number(double value, const json_path& where, double minimum, bool minimum_included,
                                    double maximum, std::string_view expected) {
    const bool low_ok = minimum_included ? value >= minimum : value > minimum;
    if (std::isfinite(value) && low_ok && value <= maximum) return std::nullopt;
    const std::string text = format_number(value, 6);
    return problem{where, "is " + text + "; expected " + std::string(expected), text};
}

std::optional<problem> check_ranges(const std::vector<date_range>& ranges, const json_path& where) {
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (auto p = check_date(ranges[i].from, where[i] / "from")) return p;
        if (auto p = check_date(ranges[i].to, where[i] / "to")) return p;
        if (ranges[i].to < ranges[i].from)
            return problem{where[i] / "to",
                           to_string(ranges[i].to) + " is before the start " + to_string(ranges[i].from) +
                               "; expected an end on or after the start (both days included)",
                           to_string(ranges[i].to)};
    }
    return std::nullopt;
}

/// `at()` gives the entry's path, made only for a problem.
template <class Where>
std::optional<problem> check_entry(const log_entry& entry, const Where& at) {
    const auto field = [&](std::string_view key) { return [&at, key] { return at() / key; }; };
    if (kind_name(entry.kind).empty())
        return problem{at() / "kind", "is not a known entry kind; expected " + std::string(expected_kinds)};
    if (!entry.phrase.empty()) {
        if (auto p = check_text(entry.phrase, field("phrase"), expected_phrase)) return p;
        if (entry.kind == log_entry_kind::product)
            return problem{at() / "phrase",
                           "is given for a product entry; expected item and amount for a product (a phrase is for a "
                           "food or a supplement)",
                           entry.phrase};
        if (!entry.item.empty() || !entry.amount.empty())
            return problem{at() / "phrase", "is given with item or amount; expected either a phrase or item and amount",
                           entry.phrase};
    } else {
        if (auto p = check_text(entry.item, field("item"), expected_item)) return p;
        if (auto p = check_text(entry.amount, field("amount"), expected_amount)) return p;
    }
    if (entry.time && !entry.time->ok())
        return problem{at() / "time", to_string(*entry.time) + " is not a time of day; expected HH:MM, 00:00 to 23:59",
                       to_string(*entry.time)};
    return check_text(entry.note, field("note"), "text", true);
}

std::optional<problem> check_profile(const profile& p) {
    const json_path person = json_path{} / "profile";
    if (p.sex != sex::female && p.sex != sex::male) return problem{person / "sex", "is not female or male"};
    if (p.birth_date)
        if (auto found = check_date(*p.birth_date, person / "birth_date")) return found;
    if (p.age) {
        if (auto found = check_number(p.age->years, person / "age" / "years", 0.0, true, max_age_years,
                                      "a number of years from 0 to 120"))
            return found;
        if (auto found = check_date(p.age->on, person / "age" / "on")) return found;
    }
    if (auto found = check_ranges(p.pregnancies, person / "pregnancies")) return found;
    if (auto found = check_ranges(p.lactation, person / "lactation")) return found;
    for (std::size_t i = 0; i < p.conditions.size(); ++i)
        if (auto found = check_text(p.conditions[i], (person / "conditions")[i],
                                    "a condition like \"reduced-kidney-function\""))
            return found;
    for (std::size_t i = 0; i < p.medications.size(); ++i)
        if (auto found = check_text(p.medications[i], (person / "medications")[i], "a medication like \"bisphosphonate\""))
            return found;
    return std::nullopt;
}

/// A second use of an id, as a problem at that use; the id is recorded otherwise.
std::optional<problem> repeated_id(std::map<std::string_view, std::size_t>& seen, std::string_view id, std::size_t i,
                                   const json_path& list, std::string_view what) {
    const auto [at, added] = seen.emplace(id, i);
    if (added) return std::nullopt;
    return problem{list[i] / "id",
                   quoted(id) + " is also the id of " + list[at->second].text() + "; expected each " +
                       std::string(what) + " id once",
                   std::string(id)};
}

// Each food and product is checked field by field in the order of the file, its id against the
// ones before it, so that the problem reported is the first one a reader of the file meets.
std::optional<problem> check_custom_foods(const std::vector<food>& foods) {
    const json_path list = json_path{} / "custom_foods";
    std::map<std::string_view, std::size_t> ids;
    for (std::size_t i = 0; i < foods.size(); ++i) {
        const food& item = foods[i];
        const json_path at = list[i];
        if (auto found = check_text(item.id, at / "id", "a food id like \"my-protein-bar\"")) return found;
        if (auto found = repeated_id(ids, item.id, i, list, "custom food")) return found;
        if (auto found = check_text(item.description, at / "description", "a description of the food")) return found;
        if (item.magnesium_per_100g)
            if (auto found = check_number(item.magnesium_per_100g->value(), at / "magnesium_mg_per_100g", 0.0, true,
                                          max_magnesium_per_100g,
                                          "milligrams per 100 g from 0 to 100000, or null when unknown"))
                return found;
        for (std::size_t k = 0; k < item.portions.size(); ++k) {
            const portion& part = item.portions[k];
            const json_path here = (at / "portions")[k];
            if (auto found = check_number(part.amount, here / "amount", 0.0, false, 1e6, "a number above 0, like 1 or 0.5"))
                return found;
            if (auto found = check_text(part.measure, here / "measure", "a household measure like \"cup\" or \"bar\""))
                return found;
            if (auto found = check_number(part.weight.value(), here / "grams", 0.0, false, max_food_grams,
                                          "grams above 0 and at most 10000"))
                return found;
        }
    }
    return std::nullopt;
}

std::optional<problem> check_products(const std::vector<supplement_product>& products) {
    const json_path list = json_path{} / "supplement_products";
    std::map<std::string_view, std::size_t> ids;
    for (std::size_t i = 0; i < products.size(); ++i) {
        const supplement_product& product = products[i];
        const json_path at = list[i];
        if (auto found = check_text(product.id, at / "id", "a product id like \"my-magtein\"")) return found;
        if (auto found = repeated_id(ids, product.id, i, list, "product")) return found;
        if (auto found = check_text(product.name, at / "name", "the product's name")) return found;
        if (auto found = check_text(product.compound, at / "compound", "a compound id or alias like \"glycinate\""))
            return found;
        if (auto found = check_number(product.elemental_per_unit.value(), at / "elemental_mg_per_unit", 0.0, false,
                                      max_elemental_per_unit,
                                      "milligrams of elemental magnesium per unit, above 0 and at most 5000"))
            return found;
        if (auto found = check_text(product.unit, at / "unit", "a unit like \"capsule\", \"tablet\" or \"scoop\""))
            return found;
    }
    return std::nullopt;
}

}  // namespace

std::optional<problem> check_days(const std::vector<log_day>& days) {
    const json_path days_path = json_path{} / "days";
    for (std::size_t d = 0; d < days.size(); ++d) {
        const log_day& day = days[d];
        const auto here = [&] { return days_path[d]; };
        if (!day.date.ok()) return check_date(day.date, here() / "date");
        if (d > 0 && day.date <= days[d - 1].date) {
            const std::string previous = days_path[d - 1].text();
            if (day.date == days[d - 1].date)
                return problem{here() / "date",
                               to_string(day.date) + " is also the date of " + previous +
                                   "; expected one day per date (put the entries in one day)",
                               to_string(day.date)};
            return problem{here() / "date",
                           to_string(day.date) + " comes before the date of " + previous + " (" +
                               to_string(days[d - 1].date) + "); expected days in increasing date order",
                           to_string(day.date)};
        }
        for (std::size_t e = 0; e < day.entries.size(); ++e)
            if (auto p = check_entry(day.entries[e], [&] { return (here() / "entries")[e]; })) return p;
    }
    return std::nullopt;
}

std::optional<problem> check_log(const intake_log& log) {
    if (auto found = check_profile(log.person)) return found;
    if (auto found = check_custom_foods(log.custom_foods)) return found;
    if (auto found = check_products(log.products)) return found;
    return check_days(log.days);
}

void throw_cannot_write(const problem& found) {
    throw error(errc::malformed_file, "cannot write the log: " + found.where.text() + ": " + found.message);
}

}  // namespace mgcalc::detail
