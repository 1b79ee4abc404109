// The CSV files of a batch (include/mgcalc/io/batch_files.hpp; formats in docs/cli.md).
#include <mgcalc/io/batch_files.hpp>

#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/dates.hpp>
#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/limits.hpp>
#include <mgcalc/foods/resolve.hpp>

#include "detail/csv.hpp"
#include "detail/text.hpp"

#include "detail/precision.hpp"

#include <ostream>
#include <unordered_map>
#include <utility>

namespace mgcalc {

namespace {

using detail::csv_reader;

// Looked up by string_view, so that a row's field is not copied into a std::string to be found.
// Not noexcept on purpose: libstdc++ then stores each key's hash in its node, and a lookup among a
// million people no longer rehashes every key it passes (that was a third of reading people.csv).
struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <class Value>
using text_map = std::unordered_map<std::string, Value, text_hash, std::equal_to<>>;

// Runs read_row for each record. A bad row is an error, or with skip_bad_rows a rejected row.
template <class ReadRow>
void for_each_row(csv_reader& csv, const batch_file_options& options, std::vector<rejected_row>& rejects,
                  ReadRow read_row) {
    while (csv.next()) {
        if (!options.skip_bad_rows) {
            read_row();
            continue;
        }
        try {
            read_row();
        } catch (const error& e) {
            rejects.push_back({csv.name(), csv.line(), std::string(to_string(e.code())), std::string(e.message())});
        }
    }
}

// A field that must not be empty.
std::string_view required(const csv_reader& csv, std::size_t column, std::string_view expected) {
    const std::string_view text = detail::trim(csv.field(column));
    if (text.empty()) csv.fail(column, detail::concat({"is empty; expected ", expected}));
    return text;
}

// A field read by a library parser: its error becomes the file's, with file:line and the column.
template <class Parse>
auto parsed(const csv_reader& csv, std::size_t column, Parse parse) {
    const std::string_view text = detail::trim(csv.field(column));
    try {
        return parse(text);
    } catch (const error& e) {
        csv.fail(column, e.message());
    }
}

std::optional<std::string_view> optional_text(const csv_reader& csv, std::optional<std::size_t> column) {
    if (!column) return std::nullopt;
    const std::optional<std::string_view> field = csv.optional_field(*column);
    if (!field) return std::nullopt;
    const std::string_view text = detail::trim(*field);
    if (text.empty()) return std::nullopt;
    return text;
}

std::optional<date_range> optional_range(const csv_reader& csv, std::optional<std::size_t> from_column,
                                         std::optional<std::size_t> to_column, std::string_view what) {
    const std::optional<std::string_view> from = optional_text(csv, from_column);
    const std::optional<std::string_view> to = optional_text(csv, to_column);
    if (!from && !to) return std::nullopt;
    if (!from || !to) {
        csv.fail(from ? *to_column : *from_column,
                 detail::concat({"is empty but its pair is given; expected both ", what, "_from and ", what,
                                 "_to (dates like 2024-03-01), or neither"}));
    }
    const date_range range{parsed(csv, *from_column, parse_date), parsed(csv, *to_column, parse_date)};
    if (range.to < range.from) {
        csv.fail(*to_column, detail::concat({to_string(range.to), " is before ", what, "_from ", to_string(range.from),
                                             "; expected an end on or after the start"}));
    }
    return range;
}

struct people_file {
    text_map<std::uint32_t> index_of;
    // Rows of one person usually come together: the last one found is checked first.
    mutable std::string last_id;
    mutable std::uint32_t last_index = 0;
};

void read_people(batch_input& input, people_file& people, csv_reader csv, const batch_file_options& options) {
    csv.require_columns({"person", "sex"});
    const std::size_t person_column = csv.column("person"), sex_column = csv.column("sex");
    const std::optional<std::size_t> birth_column = csv.find_column("birth_date"), age_column = csv.find_column("age_years");
    if (!birth_column && !age_column) {
        throw error(errc::malformed_file,
                    detail::concat({csv.name(), ":", std::to_string(csv.header_line()),
                                    ": the header has neither birth_date nor age_years; expected one of them (and the "
                                    "columns person,sex,birth_date,age_years,pregnant_from,pregnant_to,lactating_from,"
                                    "lactating_to,authority,weight)"}));
    }
    const auto column = [&](std::string_view name) { return csv.find_column(name); };
    const auto pregnant_from = column("pregnant_from"), pregnant_to = column("pregnant_to");
    const auto lactating_from = column("lactating_from"), lactating_to = column("lactating_to");
    const auto authority_column = column("authority"), weight_column = column("weight");
    const auto feeding_column = column("infant_feeding");
    // repweight_1 ... repweight_R, in their number's order.
    std::vector<std::size_t> replicate_columns;
    for (std::size_t r = 1;; ++r) {
        const std::optional<std::size_t> c = column("repweight_" + std::to_string(r));
        if (!c) break;
        replicate_columns.push_back(*c);
    }
    input.replicate_weights.assign(replicate_columns.size(), {});

    for_each_row(csv, options, input.rejects, [&] {
        const std::string_view id = required(csv, person_column, "the person's id");
        batch_person who;
        who.profile.sex = parsed(csv, sex_column, parse_sex);
        const std::optional<std::string_view> birth_text = optional_text(csv, birth_column);
        const std::optional<std::string_view> age_text = optional_text(csv, age_column);
        if (birth_text && age_text) {
            csv.fail(*age_column, "is given with a birth_date; expected one of birth_date or age_years");
        }
        if (birth_text) {
            who.profile.birth_date = parsed(csv, *birth_column, parse_date);
        } else if (age_text) {
            const double years = csv.number(*age_column);
            parsed(csv, *age_column, [&](std::string_view) { return age::from_years(years); });  // range check
            who.profile.age = stated_age{years, year_month_day{}};
            who.age_is_fixed = true;  // the age on each row's date is this age
        } else {
            csv.fail(birth_column ? *birth_column : *age_column, "is empty; expected a birth_date or an age_years");
        }
        if (auto range = optional_range(csv, pregnant_from, pregnant_to, "pregnant")) who.profile.pregnancies.push_back(*range);
        if (auto range = optional_range(csv, lactating_from, lactating_to, "lactating")) who.profile.lactation.push_back(*range);
        if (optional_text(csv, authority_column)) {
            who.profile.authority = parsed(csv, *authority_column, parse_authority);
        } else {
            who.profile.authority = options.authority.value_or(authority::iom);
        }
        // WHO/FAO gives infants under 6 months a value by feeding only (people/life_stage.hpp).
        if (optional_text(csv, feeding_column)) {
            who.profile.infant_feeding = parsed(csv, *feeding_column, parse_infant_feeding);
        }
        const auto weight_of = [&](std::size_t c) {
            const double w = csv.number(c);
            if (!(w >= 0)) csv.fail(c, "is negative; expected a sampling weight of 0 or more");
            return w;
        };
        const double weight = weight_column ? weight_of(*weight_column) : 1.0;
        std::vector<double> replicates;
        for (std::size_t c : replicate_columns) replicates.push_back(weight_of(c));

        // Only a row read whole is kept, so a rejected row leaves no trace.
        if (!people.index_of.try_emplace(std::string(id), static_cast<std::uint32_t>(input.people.size())).second) {
            csv.fail(person_column, detail::concat({detail::quoted(id), " is listed twice; expected one row per person"}));
        }
        input.people.push_back(std::move(who));
        input.person_ids.emplace_back(id);
        input.weights.push_back(weight);
        for (std::size_t r = 0; r < replicates.size(); ++r) input.replicate_weights[r].push_back(replicates[r]);
    });
}

std::uint32_t person_of(const csv_reader& csv, std::size_t column, const people_file& people, std::string_view people_path) {
    const std::string_view id = required(csv, column, "a person of the people file");
    if (!people.last_id.empty() && id == people.last_id) return people.last_index;
    const auto found = people.index_of.find(id);
    if (found == people.index_of.end()) {
        csv.fail(column, detail::concat({detail::quoted(id), " is not in ", people_path,
                                         "; expected a person listed there (rows rejected there are not listed)"}));
    }
    people.last_id = id;
    people.last_index = found->second;
    return found->second;
}

void read_entries(batch_input& input, const people_file& people, const food_catalog& catalog, csv_reader csv,
                  const std::string& people_path, const batch_file_options& options) {
    csv.require_columns({"person", "date", "food", "grams"});
    const std::size_t person = csv.column("person"), date = csv.column("date"), food_column = csv.column("food"),
                      grams_column = csv.column("grams");
    // Each distinct text is resolved once; a food met under two texts gets one index.
    text_map<std::uint32_t> index_of_text;
    text_map<std::uint32_t> index_of_food;  // "source:id"
    text_map<std::size_t> match_of_text;    // into food_matches

    for_each_row(csv, options, input.rejects, [&] {
        const std::uint32_t who = person_of(csv, person, people, people_path);
        const year_month_day day = parsed(csv, date, parse_date);
        const std::string_view text = required(csv, food_column, "a food id, SOURCE:ID or words naming the food");
        const double weight = csv.number(grams_column);
        if (!(weight >= 0 && weight <= limits::max_food_grams)) {
            csv.fail(grams_column, detail::concat({detail::decimal(weight, 3), " g is not accepted: expected from 0 to ",
                                                   detail::decimal(limits::max_food_grams, 0), " g"}));
        }
        std::uint32_t food_index;
        if (const auto known = index_of_text.find(text); known != index_of_text.end()) {
            food_index = known->second;
            if (const auto m = match_of_text.find(text); m != match_of_text.end()) ++input.food_matches[m->second].rows;
        } else {
            resolved_food found = parsed(csv, food_column, [&](std::string_view t) { return resolve_food(catalog, t); });
            const std::string key = found.item.source + ":" + found.item.id;
            const auto [slot, added] = index_of_food.try_emplace(key, 0);
            if (added) slot->second = input.foods.add(found.item);
            food_index = slot->second;
            index_of_text.emplace(std::string(text), food_index);
            if (found.choice.method != match_method::id) {
                match_of_text.emplace(std::string(text), input.food_matches.size());
                input.food_matches.push_back({std::string(text), csv.line(), 1, found.item.id, found.item.source,
                                              found.item.description, std::move(found.choice)});
            }
        }
        input.entry_person.push_back(who);
        input.entry_day.push_back(to_batch_day(std::chrono::sys_days{day}));
        input.entry_food.push_back(food_index);
        input.entry_amount.push_back(grams::from_value(weight));
    });
}

void read_supplements(batch_input& input, const people_file& people, csv_reader csv,
                      const std::string& people_path, const batch_file_options& options) {
    csv.require_columns({"person", "date", "compound", "amount", "unit"});
    const std::size_t person = csv.column("person"), date = csv.column("date"), compound_column = csv.column("compound"),
                      amount = csv.column("amount"), unit = csv.column("unit");
    const std::optional<std::size_t> basis_column = csv.find_column("basis");
    const std::span<const compound> known = compounds();

    for_each_row(csv, options, input.rejects, [&] {
        const std::uint32_t who = person_of(csv, person, people, people_path);
        const year_month_day day = parsed(csv, date, parse_date);
        required(csv, compound_column, "a compound id such as glycinate");
        // get_compound's error lists the accepted ids.
        const compound* form = parsed(csv, compound_column, [](std::string_view t) { return &get_compound(t); });
        const double value = csv.number(amount);
        const std::string_view unit_text = required(csv, unit, "a unit: mg or g");
        const std::string_view basis_text = optional_text(csv, basis_column).value_or("elemental");
        if (basis_text != "elemental" && basis_text != "compound") {
            csv.fail(*basis_column, detail::concat({detail::quoted(basis_text),
                                                    " is not a basis; expected elemental, compound or empty (elemental)"}));
        }
        // The unit as the library reads "COMPOUND=1 UNIT BASIS" (the same unit words), then the
        // dose with supplement_dose's own checks (a g/mg mix-up is implausible).
        const supplement_dose one_unit =
            parsed(csv, unit, [&](std::string_view) { return one_unit_dose(*form, unit_text, basis_text); });
        const supplement_dose dose = parsed(csv, amount, [&](std::string_view) {
            return supplement_dose(*form, value * one_unit.amount(), one_unit.basis());
        });
        const std::size_t c = &dose.form() == &unspecified_form()
                                  ? known.size()
                                  : static_cast<std::size_t>(&dose.form() - known.data());
        input.dose_person.push_back(who);
        input.dose_day.push_back(to_batch_day(std::chrono::sys_days{day}));
        input.dose_compound.push_back(static_cast<std::uint32_t>(c));
        input.dose_amount.push_back(dose.amount());
        input.dose_basis_column.push_back(dose.basis());
    });
}

// At the precision of every figure mgcalc prints (docs/cli.md, "Numbers"): 0.1 mg, 0.1 %.
void append_mg(std::string& out, milligrams value) { out += detail::format_number(value.value(), detail::mg_decimals); }
void append_percent(std::string& out, double value) { out += detail::format_number(value, detail::percent_decimals); }

void append_optional(std::string& out, const std::optional<milligrams>& value) {
    if (value) append_mg(out, *value);
}

}  // namespace

batch_input read_batch_files(const food_catalog& catalog, const std::string& people_path, const std::string& entries_path,
                             const std::string& supplements_path, const batch_file_options& options) {
    batch_input input;
    people_file people;
    read_people(input, people, csv_reader::open(people_path), options);
    read_entries(input, people, catalog, csv_reader::open(entries_path), people_path, options);
    if (!supplements_path.empty())
        read_supplements(input, people, csv_reader::open(supplements_path), people_path, options);
    return input;
}

batch_input read_batch_files(const food_catalog& catalog, const batch_file_texts& files,
                             const batch_file_options& options) {
    // Each reader opened only when its turn comes, as the files are: an error in people.csv is
    // the one reported, whatever the other texts hold.
    const auto open = [](const batch_file_text& file) { return csv_reader::from_text(file.text, file.name); };
    batch_input input;
    people_file people;
    read_people(input, people, open(files.people), options);
    read_entries(input, people, catalog, open(files.entries), files.people.name, options);
    if (files.supplements) read_supplements(input, people, open(*files.supplements), files.people.name, options);
    return input;
}

void write_batch_results_csv(std::ostream& out, const batch_input& input, const batch_result& result) {
    std::string text(batch_results_header);
    text += '\n';
    constexpr std::size_t piece = 1 << 20;
    const auto flush = [&] {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
    };
    for (const person_day& d : result.days) {
        detail::append_csv_field(text, input.person_ids[d.person]);
        text += ',';
        text += to_string(year_month_day{d.day});
        text += ',';
        append_mg(text, d.food);
        text += ',';
        text += std::to_string(d.unknown_entries);
        text += ',';
        append_mg(text, d.supplement);
        text += ',';
        append_mg(text, d.total);
        text += ',';
        if (const reference_intakes* r = result.reference_of(d)) {
            append_mg(text, r->target);
            text += ',';
            text += detail::to_lower(to_string(r->target_kind));
            text += ',';
            append_optional(text, r->ear);
            text += ',';
            append_optional(text, r->ul_supplemental);
            text += ',';
            append_percent(text, d.percent_of_target);
            text += ',';
            text += r->ear ? (d.below_ear ? "true" : "false") : "";
            text += ',';
            text += r->ul_supplemental ? (d.over_ul ? "true" : "false") : "";
        } else {
            text += ",,,,,,";
        }
        text += '\n';
        if (text.size() >= piece) flush();
    }
    flush();
}

std::string rejects_csv(const std::vector<rejected_row>& rejects) {
    std::string text = "file,line,code,message\n";
    for (const rejected_row& r : rejects) {
        detail::append_csv_row(text, {r.file, std::to_string(r.line), r.code, r.message});
    }
    return text;
}

}  // namespace mgcalc
