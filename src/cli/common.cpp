#include "cli/common.hpp"

#include <mgcalc/error.hpp>
#include <mgcalc/food_loaders.hpp>
#include <mgcalc/log_evaluation.hpp>
#include <mgcalc/log_file.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>
#include <tuple>

namespace mgcalc::cli {

void add_format_option(CLI::App& command, output_format& format) {
    const std::map<std::string, output_format> formats{{"text", output_format::text}, {"json", output_format::json}};
    command.add_option("--format", format, "Output format: text (a readable table, the default) or json")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
}

void life_stage_options::add_to(CLI::App& command) {
    command.add_option("--sex", sex, "female or male (required unless the profile comes from --log)");
    command.add_option("--age", age_years, "Exact age in years, with fraction (e.g. 0.75, 34.5)");
    command.add_option("--age-months", age_months, "Exact age in months (for infants, e.g. 9)");
    command.add_option("--birth-date", birth_date, "Birth date YYYY-MM-DD; age is computed on --date");
    command.add_option("--date", on_date, "Date to evaluate on, YYYY-MM-DD (default: today)");
    command.add_flag("--pregnant", pregnant, "Pregnant");
    command.add_flag("--lactating", lactating, "Lactating (breastfeeding)");
}

namespace {
calendar_date today() {
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}
}  // namespace

bool life_stage_options::any_given() const {
    return !sex.empty() || age_years || age_months || !birth_date.empty() || pregnant || lactating;
}

calendar_date life_stage_options::evaluation_date() const { return on_date.empty() ? today() : parse_date(on_date); }

profile life_stage_options::to_profile() const {
    const life_stage stage = resolve();  // validates everything first
    profile person;
    person.sex = stage.sex();
    const calendar_date on = evaluation_date();
    if (!birth_date.empty()) {
        person.birth_date = parse_date(birth_date);
    } else {
        person.age = stated_age{stage.age().in_years(), on};
    }
    if (pregnant) person.pregnancies.push_back({on, on});
    if (lactating) person.lactation.push_back({on, on});
    return person;
}

life_stage life_stage_options::resolve() const {
    if (sex.empty()) throw error(errc::invalid_life_stage, "no sex given: --sex female|male is required");
    const int given = int(age_years.has_value()) + int(age_months.has_value()) + int(!birth_date.empty());
    if (given != 1) {
        throw error(errc::invalid_life_stage,
                    std::string(given == 0 ? "no age given" : "more than one age given") +
                        ": give exactly one of --age YEARS, --age-months N or --birth-date YYYY-MM-DD");
    }
    const mgcalc::age exact_age = age_years    ? age::from_years(*age_years)
                                  : age_months ? age::from_months(*age_months)
                                               : age::between(parse_date(birth_date), evaluation_date());
    return life_stage(parse_sex(sex), exact_age, {.pregnant = pregnant, .lactating = lactating});
}

void food_database_options::add_to(CLI::App& command) {
    command.add_option("--food-db", specs,
                       "Food data layered over the embedded USDA SR24: fdc:DIR, sr28:DIR or csv:FILE "
                       "(repeatable; the last one is searched first)");
}

food_catalog food_database_options::catalog() const {
    food_catalog result;
    for (const std::string& spec : specs) result.add(load_food_database(spec, result));
    return result;
}

resolved_food resolve_food(const food_catalog& catalog, std::string_view text) {
    const std::string_view query = detail::trim(text);
    if (query.empty()) throw error(errc::parse_error, "empty food: give an id, SOURCE:ID or words to search for");
    if (std::optional<food> by_id = catalog.find(query)) return {std::move(*by_id), "id"};
    const std::vector<catalog_match> hits = catalog.search(query, 1);
    if (hits.empty()) {
        throw error(errc::unknown_food, "no food matches '" + std::string(query) +
                                            "' as an id, SOURCE:ID or search; try mgcalc foods search WORDS");
    }
    return {hits.front().database->at(hits.front().index), "search"};
}

namespace {

/// "ITEM=AMOUNT" as typed on the command line, split at the last '=' into a log entry.
log_entry entry_from_flag(const std::string& text, log_entry_kind kind, std::string_view flag,
                          std::string_view example) {
    const std::size_t equals = text.rfind('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
        throw error(errc::parse_error, std::string(flag) + " \"" + text + "\": expected " +
                                           (kind == log_entry_kind::food ? "FOOD=SERVING" : "COMPOUND=AMOUNT UNIT") +
                                           ", e.g. " + std::string(example));
    }
    log_entry entry;
    entry.kind = kind;
    entry.item = std::string(detail::trim(std::string_view(text).substr(0, equals)));
    std::string_view amount = detail::trim(std::string_view(text).substr(equals + 1));
    // A supplement may say when it was taken: "glycinate=200 mg@21:30".
    if (const std::size_t at = amount.rfind('@'); kind == log_entry_kind::supplement && at != std::string_view::npos) {
        entry.time = parse_time_of_day(detail::trim(amount.substr(at + 1)));
        amount = detail::trim(amount.substr(0, at));
    }
    entry.amount = std::string(amount);
    return entry;
}

void add_to_day(intake_log& log, calendar_date date, std::vector<log_entry> entries) {
    if (entries.empty()) return;
    auto before = [](const calendar_date& a, const calendar_date& b) {
        return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
    };
    auto at = std::lower_bound(log.days.begin(), log.days.end(), date,
                               [&](const log_day& d, const calendar_date& x) { return before(d.date, x); });
    if (at == log.days.end() || !(at->date == date)) at = log.days.insert(at, log_day{date, {}});
    for (log_entry& e : entries) at->entries.push_back(std::move(e));
}

}  // namespace

intake_log build_log(const life_stage_options& person, const log_request& request, calendar_date& day) {
    intake_log log;
    day = person.evaluation_date();
    if (!request.log_file.empty()) {
        if (person.any_given()) {
            throw error(errc::parse_error, "--log " + request.log_file +
                                               ": the person comes from the log's profile; drop --sex, --age, "
                                               "--age-months, --birth-date, --pregnant and --lactating");
        }
        log = load_log(request.log_file);
        if (person.on_date.empty() && !log.days.empty()) day = log.days.back().date;
    } else {
        log.person = person.to_profile();
    }
    std::vector<log_entry> flagged;
    for (const std::string& text : request.foods)
        flagged.push_back(entry_from_flag(text, log_entry_kind::food, "--food", "\"pumpkin seeds=1 oz\""));
    for (const std::string& text : request.supplements)
        flagged.push_back(
            entry_from_flag(text, log_entry_kind::supplement, "--supplement", "\"glycinate=200 mg\" or \"glycinate=200 mg@21:30\""));
    add_to_day(log, day, std::move(flagged));
    if (log.days.empty()) log.days.push_back(log_day{day, {}});  // an empty day is still a day
    return log;
}

food_catalog build_catalog(const food_database_options& databases, const intake_log& log) {
    food_catalog catalog = databases.catalog();
    if (!log.custom_foods.empty()) catalog.add(custom_food_database(log));
    return catalog;
}

double json_mg(milligrams amount) { return std::round(amount.value() * 100.0) / 100.0; }

json optional_mg(const std::optional<milligrams>& amount) { return amount ? json(json_mg(*amount)) : json(nullptr); }

json reference_json(const reference_intakes& reference, const life_stage& stage) {
    return json{{"sex", to_string(stage.sex())},
                {"age_years", std::round(stage.age().in_years() * 1000.0) / 1000.0},
                {"pregnant", stage.pregnant()},
                {"lactating", stage.lactating()},
                {"authority", reference.authority},
                {"life_stage", reference.life_stage_group},
                {"target_mg", json_mg(reference.target)},
                {"target_kind", to_string(reference.kind)},
                {"ear_mg", optional_mg(reference.ear)},
                {"ul_supplemental_mg", optional_mg(reference.supplemental_upper_limit)},
                {"dv_mg", optional_mg(reference.daily_value)},
                {"note", reference.note.empty() ? json(nullptr) : json(reference.note)}};
}

std::string mg_text(milligrams amount) { return detail::format_number(amount.value(), 1) + " mg"; }

std::string optional_mg_text(const std::optional<milligrams>& amount, const std::string& when_empty) {
    return amount ? mg_text(*amount) : when_empty;
}

namespace {
// Display width of UTF-8 text: code points, not bytes ("MgSO4·7H2O" is 10 wide, 11 bytes).
std::size_t display_width(const std::string& text) {
    std::size_t width = 0;
    for (unsigned char c : text) width += (c & 0xC0) != 0x80;
    return width;
}
}  // namespace

void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                 const std::vector<bool>& right_aligned) {
    std::vector<std::size_t> widths(header.size());
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
    };
    measure(header);
    for (const auto& row : rows) measure(row);
    auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const std::string cell = c < row.size() ? row[c] : "";
            const std::string pad(widths[c] - display_width(cell), ' ');
            line += (c ? "  " : "") + (right_aligned[c] ? pad + cell : cell + pad);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        std::cout << "  " << line << '\n';
    };
    print_row(header);
    std::size_t total_width = 0;
    for (std::size_t w : widths) total_width += w;
    std::cout << "  " << std::string(total_width + 2 * (widths.size() - 1), '-') << '\n';
    for (const auto& row : rows) print_row(row);
}

void print_reference_text(const reference_intakes& reference, const life_stage& stage) {
    std::cout << "Reference intakes for " << stage.to_string() << " (" << reference.authority << ", row \""
              << reference.life_stage_group << "\")\n";
    print_table({"Reference", "Magnesium", "Meaning"},
                {{std::string(to_string(reference.kind)), mg_text(reference.target),
                  reference.kind == target_kind::rda ? "daily target (Recommended Dietary Allowance)"
                                                     : "daily target (Adequate Intake; no EAR for infants)"},
                 {"EAR", optional_mg_text(reference.ear, "none"), "Estimated Average Requirement"},
                 {"UL", optional_mg_text(reference.supplemental_upper_limit, "none established"),
                  "upper limit for supplements and medicines only, not food"},
                 {"DV", optional_mg_text(reference.daily_value, "none"), "label Daily Value (FDA 2016)"}},
                {false, true, false});
    if (!reference.note.empty()) std::cout << "Note: " << reference.note << '\n';
}

}  // namespace mgcalc::cli
