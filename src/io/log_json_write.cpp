// The JSON log writer (mgcalc/io/log_json.hpp; docs/log-format.md, "Canonical output").
//
// The log becomes a nlohmann-json document (its members in the canonical order), which is then
// written out here rather than by nlohmann's dump(): the layout is dump(2)'s, but dump() writes
// other digits for some numbers: its Grisu2 is not always the shortest, so a portion of 0.01207
// would be saved as 0.012070000000000001, where the canonical text is the shortest that reads
// back exactly, as detail::format_shortest writes it ({fmt}).
#include <mgcalc/error.hpp>
#include <mgcalc/io/log_json.hpp>

#include "detail/text.hpp"
#include "io/json_path.hpp"
#include "io/log_check.hpp"
#include "io/log_input.hpp"
#include "io/log_json_format.hpp"

#include <nlohmann/json.hpp>

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

namespace {

using json = nlohmann::ordered_json;
using detail::append_json_string;
using detail::format_name;
using detail::format_version;
using detail::kind_name;
using detail::max_json_values;

/// The shortest text that reads back as exactly `value`: integers without a decimal point
/// ("45"), others as std::to_chars writes them ("0.1", "1.5e-07"), on any standard library.
std::string json_number(double value) {
    if (value == 0.0) return "0";  // also -0.0
    if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0) {  // 2^53: exact integers
        char buffer[32];
        const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
        return std::string(buffer, result.ptr);
    }
    return detail::format_shortest(value);
}

/// Appends `value` in the canonical layout, as nlohmann-json's dump(2) lays it out: 2-space
/// indent, "key": value, one member or element per line, empty arrays and objects as [] and {}.
/// Written here rather than by dump() only for the numbers (json_number above).
void write_canonical(std::string& out, const json& value, std::size_t depth) {
    const auto new_line = [&out](std::size_t indent) {
        out += '\n';
        out.append(2 * indent, ' ');
    };
    if (value.is_structured()) {
        const bool object = value.is_object();
        if (value.empty()) {
            out += object ? "{}" : "[]";
            return;
        }
        out += object ? '{' : '[';
        for (auto member = value.begin(); member != value.end(); ++member) {
            if (member != value.begin()) out += ',';
            new_line(depth + 1);
            if (object) {
                append_json_string(out, member.key());
                out += ": ";
            }
            write_canonical(out, *member, depth + 1);
        }
        new_line(depth);
        out += object ? '}' : ']';
        return;
    }
    switch (value.type()) {
        case json::value_t::string: append_json_string(out, value.get_ref<const std::string&>()); return;
        case json::value_t::number_integer: out += std::to_string(value.get<std::int64_t>()); return;
        case json::value_t::number_unsigned: out += std::to_string(value.get<std::uint64_t>()); return;
        case json::value_t::number_float: out += json_number(value.get<double>()); return;
        case json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
        case json::value_t::object:     // written above
        case json::value_t::array:      // written above
        case json::value_t::null:
        case json::value_t::binary:     // never built below
        case json::value_t::discarded:  // never built below
            out += "null";
            return;
    }
}

/// The number of JSON values in `value`, as the reader's DOM builder counts them: every scalar,
/// array and object (keys are not values).
std::size_t count_values(const json& value) {
    std::size_t count = 1;
    if (value.is_structured())
        for (const json& child : value) count += count_values(child);
    return count;
}

[[noreturn]] void throw_too_many_values(std::size_t values) {
    throw error(errc::malformed_file, "cannot write the log: it would have " + std::to_string(values) +
                                          " JSON values, more than the " + std::to_string(max_json_values) +
                                          " mgcalc reads; expected a smaller log (split it, e.g. by year)");
}

/// The number of JSON values to_log_json writes for `log`, as dom_builder counts them (every
/// scalar, array and object).
std::size_t json_value_count(const intake_log& log) {
    const profile& p = log.person;
    auto list = [](std::size_t size, std::size_t per_item) { return size == 0 ? 0 : 1 + size * per_item; };
    std::size_t count = 5;  // the log, format, version, profile, sex
    count += (p.birth_date ? 1 : 0) + (p.age ? 3 : 0);
    count += list(p.pregnancies.size(), 3) + list(p.lactation.size(), 3);
    count += list(p.conditions.size(), 1) + list(p.medications.size(), 1);
    count += (p.infant_feeding != infant_feeding::unspecified ? 1 : 0) + (p.authority != authority::iom ? 1 : 0);
    if (!log.custom_foods.empty()) {
        ++count;
        for (const food& item : log.custom_foods) count += 4 + list(item.portions.size(), 4);
    }
    count += list(log.products.size(), 6);
    ++count;  // days
    for (const log_day& day : log.days) {
        count += 3;  // the day, date, entries
        for (const log_entry& entry : day.entries) {
            // The entry, kind, then item and amount, or the phrase in their place.
            count += (entry.phrase.empty() ? 4 : 3) + (entry.time ? 1 : 0) + (entry.note.empty() ? 0 : 1);
        }
    }
    return count;
}

json ranges_json(const std::vector<date_range>& ranges) {
    json list = json::array();
    for (const date_range& range : ranges) list.push_back({{"from", to_string(range.from)}, {"to", to_string(range.to)}});
    return list;
}

/// The log as a JSON document, members in the canonical order (docs/log-format.md); optional
/// members only when they hold something.
json log_document(const intake_log& log) {
    const profile& person = log.person;
    json profile_json{{"sex", to_string(person.sex)}};
    if (person.birth_date) profile_json["birth_date"] = to_string(*person.birth_date);
    if (person.age) profile_json["age"] = {{"years", person.age->years}, {"on", to_string(person.age->on)}};
    if (!person.pregnancies.empty()) profile_json["pregnancies"] = ranges_json(person.pregnancies);
    if (!person.lactation.empty()) profile_json["lactation"] = ranges_json(person.lactation);
    if (!person.conditions.empty()) profile_json["conditions"] = person.conditions;
    if (!person.medications.empty()) profile_json["medications"] = person.medications;
    if (person.infant_feeding != infant_feeding::unspecified)
        profile_json["infant_feeding"] = to_string(person.infant_feeding);
    if (person.authority != authority::iom) profile_json["authority"] = to_string(person.authority);

    json document{{"format", format_name}, {"version", format_version}, {"profile", std::move(profile_json)}};

    if (!log.custom_foods.empty()) {
        json foods = json::array();
        for (const food& item : log.custom_foods) {
            json food_json{{"id", item.id},
                           {"description", item.description},
                           {"magnesium_mg_per_100g",
                            item.magnesium_per_100g ? json(item.magnesium_per_100g->value()) : json(nullptr)}};
            if (!item.portions.empty()) {
                json portions = json::array();
                for (const portion& part : item.portions)
                    portions.push_back({{"amount", part.amount}, {"measure", part.measure}, {"grams", part.weight.value()}});
                food_json["portions"] = std::move(portions);
            }
            foods.push_back(std::move(food_json));
        }
        document["custom_foods"] = std::move(foods);
    }

    if (!log.products.empty()) {
        json products = json::array();
        for (const supplement_product& product : log.products) {
            products.push_back({{"id", product.id},
                                {"name", product.name},
                                {"compound", product.compound},
                                {"elemental_mg_per_unit", product.elemental_per_unit.value()},
                                {"unit", product.unit}});
        }
        document["supplement_products"] = std::move(products);
    }

    json days = json::array();
    for (const log_day& day : log.days) {
        json entries = json::array();
        for (const log_entry& entry : day.entries) {
            json entry_json{{"kind", kind_name(entry.kind)}};
            if (!entry.phrase.empty()) {
                entry_json["phrase"] = entry.phrase;
            } else {
                entry_json["item"] = entry.item;
                entry_json["amount"] = entry.amount;
            }
            if (entry.time) entry_json["time"] = to_string(*entry.time);
            if (!entry.note.empty()) entry_json["note"] = entry.note;
            entries.push_back(std::move(entry_json));
        }
        days.push_back({{"date", to_string(day.date)}, {"entries", std::move(entries)}});
    }
    document["days"] = std::move(days);
    return document;
}

}  // namespace

std::string to_log_json(const intake_log& log) {
    // Counted before anything else: a log too large to read back is refused without building it.
    if (const std::size_t values = json_value_count(log); values > max_json_values) throw_too_many_values(values);
    if (auto p = detail::check_log(log)) detail::throw_cannot_write(*p);
    const json document = log_document(log);
    // json_value_count() must agree with the document (checked in the tests' debug builds); the
    // limit is checked again in case it ever does not.
    const std::size_t values = count_values(document);
    assert(values == json_value_count(log));
    if (values > max_json_values) throw_too_many_values(values);
    std::string out;
    write_canonical(out, document, 0);
    out += '\n';
    if (out.size() > detail::max_log_bytes) detail::throw_too_large_to_write(out.size(), "JSON");
    return out;
}

}  // namespace mgcalc
