// mgcalc's results as JSON (mgcalc/io/json.hpp; the schema is in docs/cli.md).
//
// Each document is built as a nlohmann::ordered_json, so that members keep the order written
// here (the order the program has always printed), and dumped with a 2-space indent. The builders
// below return the value, so that a document can embed another (a day report embeds its
// reference intakes, a period report its days); the public functions return the text.
#include <mgcalc/io/json.hpp>

#include "detail/precision.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <ostream>
#include <stdexcept>
#include <utility>

namespace mgcalc {

namespace {

using json = nlohmann::ordered_json;

/// Every number of a document is finite and never -0, checked here, where every document mgcalc
/// writes as JSON is dumped: nlohmann writes NaN and infinity as null and -0.0 as "-0.0". The
/// inputs are validated where they enter, so a non-finite number here is a defect of mgcalc.
void check_numbers(json& value) {
    if (value.is_number_float()) {
        const double number = value.get<double>();
        if (!std::isfinite(number)) throw std::logic_error("mgcalc computed a number that is not finite for its JSON output");
        if (number == 0.0) value = 0.0;  // -0.0 too
        return;
    }
    if (value.is_structured()) {
        for (json& member : value) check_numbers(member);
    }
}

std::string text(json document) {
    check_numbers(document);
    return document.dump(2, ' ', false, json::error_handler_t::replace);
}

// ---- figures at the precision text shows them (src/detail/precision.hpp) ---------------------

double mg(milligrams amount) { return detail::rounded(amount.value(), detail::mg_decimals); }
json optional_mg(const std::optional<milligrams>& amount) { return amount ? json(mg(*amount)) : json(nullptr); }
double grams_value(grams amount) { return detail::rounded(amount.value(), detail::gram_decimals); }
double percent(double value) { return detail::rounded(value, detail::percent_decimals); }
double portion_amount(double amount) { return detail::rounded(amount, detail::amount_decimals); }

// ---- the builders ----------------------------------------------------------------------------

// The reference's own fields, without the person they are for.
json reference_fields(const reference_intakes& reference) {
    return json{{"authority", reference.authority},
                {"authority_id", to_string(reference.authority_id)},
                {"life_stage", reference.life_stage},
                {"target_mg", mg(reference.target)},
                {"target_kind", to_string(reference.target_kind)},
                {"ear_mg", optional_mg(reference.ear)},
                {"ul_supplemental_mg", optional_mg(reference.ul_supplemental)},
                {"dv_mg", optional_mg(reference.dv)},
                {"source", reference.source},
                {"confidence", to_string(reference.confidence)},
                {"note", reference.note.empty() ? json(nullptr) : json(reference.note)}};
}

// The person first, then the reference's fields, in the order docs/cli.md lists them.
json reference_json(const reference_intakes& reference, const life_stage& stage) {
    json out{{"sex", to_string(stage.sex())},
             {"age_years", detail::rounded(stage.age().in_years(), detail::age_decimals)},
             {"pregnant", stage.pregnant()},
             {"lactating", stage.lactating()},
             {"infant_feeding", stage.infant_feeding() == infant_feeding::unspecified
                                    ? json(nullptr)
                                    : json(to_string(stage.infant_feeding()))}};
    out.update(reference_fields(reference));
    return out;
}

json compound_json(const compound& c) {
    json studies = json::array();
    for (const absorption_study& s : c.evidence) {
        studies.push_back({{"study", s.study}, {"year", s.year}, {"design", s.design}, {"finding", s.finding},
                           {"source", s.source}});
    }
    json aliases = json::array();
    for (std::string_view a : c.aliases) aliases.push_back(a);
    return json{{"id", c.id},
                {"name", c.name},
                {"aliases", aliases},
                {"formula", c.full_formula()},
                {"water_of_hydration", c.water_of_hydration()},
                {"molar_mass_g_per_mol", detail::rounded(c.molar_mass().value(), detail::molar_mass_decimals)},
                {"elemental_fraction", detail::rounded(c.elemental_fraction(), detail::fraction_decimals)},
                {"bioavailability",
                 c.bioavailability
                     ? json{{"relative_factor", detail::rounded(c.bioavailability->relative_factor, detail::factor_decimals)},
                            {"label", "estimate"},
                            {"basis", c.bioavailability->basis}}
                     : json(nullptr)},
                {"evidence", {{"grade", to_string(c.grade)}, {"studies", studies}}},
                {"formula_source", c.formula_source},
                {"notes", c.notes}};
}

json choice_json(const food_choice& choice) {
    json alternatives = json::array();
    for (const food_alternative& a : choice.alternatives) {
        alternatives.push_back({{"food_id", a.id},
                                {"source", a.source},
                                {"description", a.description},
                                {"magnesium_mg_per_100g", optional_mg(a.magnesium_per_100g)}});
    }
    json portions = json::array();
    for (const portion& p : choice.other_portions) {
        portions.push_back(
            {{"amount", portion_amount(p.amount)}, {"measure", p.measure}, {"grams", grams_value(p.weight)}});
    }
    return json{{"by", to_string(choice.method)},
                {"food_words", choice.food_words},
                {"confidence", detail::rounded(choice.confidence, detail::factor_decimals)},
                {"uncertain", choice.uncertain()},
                {"notes", choice.notes},
                {"alternatives", alternatives},
                {"other_portions", portions}};
}

json food_json(const food& item) {
    json portions = json::array();
    for (const portion& p : item.portions) {
        portions.push_back({{"amount", portion_amount(p.amount)},
                            {"measure", p.measure},
                            {"grams", grams_value(p.weight)},
                            {"magnesium_mg", optional_mg(magnesium_in(item, p.weight))}});
    }
    return json{{"id", item.id},
                {"source", item.source},
                {"description", item.description},
                {"magnesium_mg_per_100g", optional_mg(item.magnesium_per_100g)},
                {"magnesium_is_lower_bound", item.magnesium_is_lower_bound},
                {"portions", portions}};
}

json suggestions_json(const gap_suggestions& s) {
    json foods = json::array();
    for (const food_suggestion& f : s.foods) {
        foods.push_back({{"food_id", f.item.id},
                         {"description", f.item.description},
                         {"serving", detail::format_number(f.serving.amount, detail::amount_decimals) + " " + f.serving.measure},
                         {"grams", grams_value(f.serving.weight)},
                         {"magnesium_mg", mg(f.magnesium)},
                         {"closes_gap", f.closes_gap},
                         {"text", f.text}});
    }
    return json{{"gap_mg", mg(s.gap)},
                {"foods", foods},
                {"note", s.note},
                {"supplement_room_mg", optional_mg(s.supplement_room)}};
}

json day_json(const day_result& day) {
    const evaluation& result = day.result;
    json entries = json::array();
    for (const entry_contribution& e : result.entries) {
        json entry{{"kind", to_string(e.kind)},
                   {"input", e.input},
                   {"description", e.description},
                   {"magnesium_mg", optional_mg(e.magnesium)}};
        if (e.kind == entry_kind::food) {
            entry["grams"] = e.amount ? json(grams_value(*e.amount)) : json(nullptr);
            entry["measure_used"] = e.measure_used;
            entry["food_id"] = e.food_id;
            entry["source"] = e.food_source;
            entry["matched_by"] = e.choice ? to_string(e.choice->method) : "id";
            entry["match"] = e.choice ? choice_json(*e.choice) : json(nullptr);
        }
        entries.push_back(std::move(entry));
    }
    json warnings = json::array();
    json warning_codes = json::array();
    for (const warning& w : result.warnings) {
        warnings.push_back(w.code + ": " + w.message);
        warning_codes.push_back(w.code);
    }
    return json{{"date", to_string(day.date)},
                {"reference", reference_json(result.reference, day.stage)},
                {"food_mg", mg(result.food)},
                {"supplement_mg", mg(result.supplement)},
                {"total_mg", mg(result.total)},
                {"total_is_lower_bound", result.total_is_lower_bound()},
                {"percent_of_target", percent(result.percent_of_target)},
                {"status", status_code(result)},
                {"over_ul", result.over_ul},
                {"unknown_entries", result.unknown_entries},
                {"lower_bound_entries", result.lower_bound_entries},
                {"absorbed_estimate_mg", result.absorbed ? json(mg(result.absorbed->amount)) : json(nullptr)},
                {"absorbed_estimate_basis", result.absorbed ? json(result.absorbed->basis) : json(nullptr)},
                {"entries", entries},
                {"warnings", warnings},
                {"warning_codes", warning_codes},
                {"suggestions", suggestions_json(suggest_for_gap(result))}};
}

json summary_json(const period_summary& s) {
    return json{{"from", to_string(s.from)},
                {"to", to_string(s.to)},
                {"days", s.days},
                {"mean_food_mg", mg(s.mean_food)},
                {"mean_supplement_mg", mg(s.mean_supplement)},
                {"mean_total_mg", mg(s.mean_total)},
                {"days_below_ear", s.days_below_ear},
                {"days_below_target", s.days_below_target},
                {"days_over_ul", s.days_over_ul},
                {"days_with_unknown_entries", s.days_with_unknown_entries}};
}

/// A location field: its value, or null when the error does not know it (0 or empty).
json known(std::size_t value) { return value ? json(value) : json(nullptr); }
json known(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

}  // namespace

std::string to_json(const reference_intakes& reference, const life_stage& stage) {
    return text(reference_json(reference, stage));
}

std::string to_json(std::span<const reference_intakes> references) {
    json out = json::array();
    for (const reference_intakes& r : references) out.push_back(reference_fields(r));
    return text(std::move(out));
}

std::string to_json(authority table) {
    json rows = json::array();
    for (const reference_row& r : reference_table(table)) {
        rows.push_back({{"population", r.population},
                        {"from_months", r.from_months},
                        {"to_months", r.to_months},
                        {"life_stage", r.life_stage},
                        {"target_mg", mg(r.target)},
                        {"target_kind", to_string(r.target_kind)},
                        {"ear_mg", optional_mg(r.ear)},
                        {"ul_supplemental_mg", optional_mg(r.ul_supplemental)},
                        {"dv_mg", optional_mg(r.dv)},
                        {"confidence", to_string(r.confidence)},
                        {"infant_feeding", r.feeding == infant_feeding::unspecified ? json(nullptr)
                                                                                    : json(to_string(r.feeding))}});
    }
    return text(json{{"authority", info(table).name},
                     {"authority_id", to_string(table)},
                     {"source", info(table).citation},
                     {"rows", rows}});
}

std::string to_json(const compound& item) { return text(compound_json(item)); }

std::string to_json(std::span<const compound> items) {
    json list = json::array();
    for (const compound& c : items) list.push_back(compound_json(c));
    return text(std::move(list));
}

std::string to_json(std::span<const catalog_match> hits) {
    json list = json::array();
    for (const catalog_match& hit : hits) {
        list.push_back({{"id", hit.database->id(hit.index)},
                        {"source", hit.database->source()},
                        {"description", hit.database->description(hit.index)},
                        {"magnesium_mg_per_100g", optional_mg(hit.database->magnesium_per_100g(hit.index))}});
    }
    return text(std::move(list));
}

std::string to_json(const food_choice& choice) { return text(choice_json(choice)); }

std::string to_json(const resolved_food& found) {
    json out = food_json(found.item);
    out["matched_by"] = to_string(found.choice.method);
    out["match"] = choice_json(found.choice);
    return text(std::move(out));
}

std::string to_json(const resolved_food_entry& entry) {
    return text(json{{"input", entry.choice.typed},
                     {"food_id", entry.item.id},
                     {"source", entry.item.source},
                     {"description", entry.item.description},
                     {"grams", grams_value(entry.weight)},
                     {"measure_used", entry.measure_used},
                     {"magnesium_mg", optional_mg(magnesium_in(entry.item, entry.weight))},
                     {"magnesium_mg_per_100g", optional_mg(entry.item.magnesium_per_100g)},
                     {"match", choice_json(entry.choice)}});
}

std::string to_json(const gap_suggestions& suggestions) { return text(suggestions_json(suggestions)); }

std::string to_json(const day_result& day) { return text(day_json(day)); }

std::string to_json(const period_summary& summary) { return text(summary_json(summary)); }

std::string to_json(const period_evaluation& period) {
    json days = json::array();
    for (const day_result& d : period.days) days.push_back(day_json(d));
    return text(json{{"period", summary_json(period.summary)}, {"days", days}});
}

namespace {

/// A document's text as a member `depth` levels down writes it: each line after the first
/// indented by 2 x depth more spaces (text() writes no raw line break inside a string).
void write_indented(std::ostream& out, const std::string& document, std::size_t depth) {
    const std::string indent(2 * depth, ' ');
    std::size_t from = 0;
    for (std::size_t at = document.find('\n'); at != std::string::npos; at = document.find('\n', from)) {
        out.write(document.data() + from, static_cast<std::streamsize>(at + 1 - from));
        out << indent;
        from = at + 1;
    }
    out.write(document.data() + from, static_cast<std::streamsize>(document.size() - from));
}

}  // namespace

void write_json(std::ostream& out, const period_evaluation& period) {
    out << "{\n  \"period\": ";
    write_indented(out, text(summary_json(period.summary)), 1);
    out << ",\n  \"days\": ";
    if (period.days.empty()) {
        out << "[]\n}";
        return;
    }
    out << "[\n";
    for (std::size_t i = 0; i < period.days.size(); ++i) {
        out << "    ";
        write_indented(out, text(day_json(period.days[i])), 2);
        out << (i + 1 < period.days.size() ? ",\n" : "\n");
    }
    out << "  ]\n}";
}

std::string to_json(const sleep_assessment& a, const life_stage& stage, year_month_day date, time_of_day bedtime) {
    json carried = json::array();
    for (const carried_amount& c : a.carried) carried.push_back({{"name", c.name}, {"mg", mg(c.amount)}});
    json findings = json::array();
    for (const finding& f : a.findings) {
        findings.push_back(
            {{"code", f.code}, {"severity", to_string(f.severity)}, {"message", f.message}, {"evidence", f.evidence}});
    }
    return text(json{{"date", to_string(date)},
                     {"bedtime", to_string(bedtime)},
                     {"reference", reference_json(a.day.reference, stage)},
                     {"evening_elemental_mg", mg(a.evening_elemental)},
                     {"dose_range",
                      {{"low_mg", mg(a.dose_range.low)},
                       {"high_mg", mg(a.dose_range.high)},
                       {"judged", a.dose_range.judged},
                       {"description", a.dose_range.description}}},
                     {"glycine_mg", mg(a.glycine)},
                     {"carried", carried},
                     {"food_mg", mg(a.day.food)},
                     {"supplement_mg", mg(a.day.supplement)},
                     {"total_mg", mg(a.day.total)},
                     {"total_is_lower_bound", a.day.total_is_lower_bound()},
                     {"percent_of_target", percent(a.day.percent_of_target)},
                     {"over_ul", a.day.over_ul},
                     {"findings", findings},
                     {"note", "arithmetic on published figures, not advice"}});
}

std::string to_json(const error& failure) {
    const error_location at = failure.where();
    return text(json{{"code", to_string(failure.code())},
                     {"message", failure.message()},
                     {"input", failure.input().empty() ? json(nullptr) : json(failure.input())},
                     {"where",
                      {{"file", known(at.file)},
                       {"line", known(at.line)},
                       {"column", known(at.column)},
                       {"json_path", known(at.json_path)},
                       {"day", known(at.day)},
                       {"entry", known(at.entry)}}}});
}

}  // namespace mgcalc
