#include "cli/common.hpp"

#include <mgcalc/error.hpp>
#include <mgcalc/people/age_between.hpp>
#include <mgcalc/foods/loaders.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/io/log_file.hpp>
#include <mgcalc/chemistry/supplement.hpp>

#include "detail/precision.hpp"
#include "detail/text.hpp"
#include "detail/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <stdexcept>
#include <tuple>

namespace mgcalc::cli {

void read_numbers_as_decimals(CLI::App& app) {
    for (CLI::Option* option : app.get_options()) {
        // "UINT", or "UINT:INT in [1 - 1000]" with a range check's description after it.
        const std::string full_type = option->get_type_name();
        const std::string type = full_type.substr(0, full_type.find(':'));
        const bool integer = type == "INT" || type == "UINT";
        if (!integer && type != "FLOAT") continue;
        option->transform(CLI::Validator(
            [integer](std::string& text) -> std::string {
                double value = 0;
                const detail::decimal_reading reading = detail::read_decimal(text, value);
                if (reading == detail::decimal_reading::out_of_range) {
                    return detail::quoted(text) + " is out of range; " + std::string(detail::decimal_range);
                }
                if (reading != detail::decimal_reading::number) {
                    return detail::quoted(text) + " is not a decimal number; expected digits like " +
                           (integer ? "12" : "12.5 or 1e3");
                }
                if (integer) {
                    if (std::trunc(value) != value || std::fabs(value) > 9007199254740992.0) {  // 2^53
                        return detail::quoted(text) + " is not a whole number; expected digits like 12";
                    }
                    text = std::to_string(static_cast<long long>(value));  // "010" and "1e3" as CLI11 reads them
                }
                return {};
            },
            "", "decimal"));
    }
    for (CLI::App* command : app.get_subcommands({})) read_numbers_as_decimals(*command);
}

void add_format_option(CLI::App& command, output_format& format) {
    // Read as a word and checked against the list, so that --help shows the words, not CLI11's
    // mapping of them to numbers.
    command
        .add_option_function<std::string>(
            "--format",
            [&format](const std::string& name) {
                format = detail::to_lower(name) == "json" ? output_format::json : output_format::text;
            },
            "Output format: text (a readable table, the default) or json")
        ->type_name("text|json")
        ->check(CLI::IsMember({"text", "json"}, CLI::ignore_case));
}

void life_stage_options::add_to(CLI::App& command) {
    command.add_option("--sex", sex, "female or male (required unless the profile comes from --log)");
    command.add_option("--age", age_years, "Exact age in years, with fraction (e.g. 0.75, 34.5)");
    command.add_option("--age-months", age_months, "Exact age in months (for infants, e.g. 9)");
    command.add_option("--birth-date", birth_date, "Birth date YYYY-MM-DD; age is computed on --date");
    command.add_option("--date", on_date, "Date to evaluate on, YYYY-MM-DD (default: today)");
    command.add_flag("--pregnant", pregnant, "Pregnant");
    command.add_flag("--lactating", lactating, "Lactating (breastfeeding)");
    command.add_option("--infant-feeding", infant_feeding,
                       "For an infant under 12 months: breast-fed or formula-fed (WHO/FAO gives 0-6 months a "
                       "value for each)");
    command.add_option("--authority", authority,
                       "Whose reference intakes: iom (IOM 1997, the default), efsa, who, uk, dach or anz "
                       "(docs/reference-intakes.md)")
        ->type_name("iom|efsa|who|uk|dach|anz");
}

authority life_stage_options::authority_or(mgcalc::authority fallback) const {
    return authority.empty() ? fallback : parse_authority(authority);
}

bool life_stage_options::any_given() const {
    return !sex.empty() || age_years || age_months || !birth_date.empty() || pregnant || lactating ||
           !infant_feeding.empty();
}

year_month_day life_stage_options::evaluation_date() const { return on_date.empty() ? today() : parse_date(on_date); }

profile life_stage_options::to_profile() const {
    const life_stage stage = resolve();  // validates everything first
    profile person = profile::stated(stage, evaluation_date());
    if (!birth_date.empty()) {
        person.birth_date = parse_date(birth_date);
        person.age.reset();
    }
    person.authority = authority_or(mgcalc::authority::iom);
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
                                               : age_between(parse_date(birth_date), evaluation_date());
    const mgcalc::infant_feeding feeding =
        infant_feeding.empty() ? mgcalc::infant_feeding::unspecified : parse_infant_feeding(infant_feeding);
    return life_stage(parse_sex(sex), exact_age, {.pregnant = pregnant, .lactating = lactating, .feeding = feeding});
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

namespace {

/// A --food or --supplement entry as typed (mgcalc::read_log_entry), its error named by the flag.
log_entry from_flag(std::string_view flag, log_entry_kind kind, const std::string& text) {
    result<log_entry> entry = try_read_log_entry(kind, text);
    if (!entry) throw error(entry.error().code(), std::string(flag) + " " + std::string(entry.error().message()), {}, text);
    return std::move(entry).value();
}

}  // namespace

intake_log build_log(const life_stage_options& person, const log_request& request, year_month_day& day) {
    intake_log log;
    day = person.evaluation_date();
    if (request.log_file.empty()) {
        log.person = person.to_profile();
    } else if (log_file_format(request.log_file) == log_format::json) {
        if (person.any_given()) {
            throw error(errc::parse_error, "--log " + request.log_file +
                                               ": the person comes from the log's profile; drop --sex, --age, "
                                               "--age-months, --birth-date, --pregnant, --lactating and --infant-feeding");
        }
        log = load_log(request.log_file);
        log.person.authority = person.authority_or(log.person.authority);
        if (person.on_date.empty() && !log.days.empty()) day = log.days.back().date;
    } else {
        // A CSV entry file holds entries only: the person comes from the flags, as they are over
        // the file's days (pregnant or lactating on every logged day).
        if (!person.any_given()) {
            throw error(errc::parse_error, "--log " + request.log_file +
                                               ": a CSV entry file has no profile; give the person with --sex and "
                                               "--age, --age-months or --birth-date (or use a JSON log, which has one)");
        }
        log = load_log_csv(request.log_file, person.to_profile());
        if (person.on_date.empty() && !log.days.empty()) day = log.days.back().date;
    }
    std::vector<log_entry> flagged;
    for (const std::string& text : request.foods) flagged.push_back(from_flag("--food", log_entry_kind::food, text));
    for (const std::string& text : request.supplements)
        flagged.push_back(from_flag("--supplement", log_entry_kind::supplement, text));
    add_entries(log, day, std::move(flagged));
    if (log.days.empty()) log.days.push_back(log_day{day, {}});  // an empty day is still a day
    return log;
}

food_catalog build_catalog(const food_database_options& databases, const intake_log& log) {
    food_catalog catalog = databases.catalog();
    if (!log.custom_foods.empty()) catalog.add(custom_food_database(log));
    return catalog;
}

void check_flagged_entries(const log_request& request, const food_catalog& catalog) {
    for (const std::string& text : request.foods)
        (void)resolve_food_entry(catalog, from_flag("--food", log_entry_kind::food, text).phrase);
    for (const std::string& text : request.supplements)
        (void)parse_supplement_dose(from_flag("--supplement", log_entry_kind::supplement, text).phrase);
}

std::string percent_text(double percent) { return detail::format_number(percent, detail::percent_decimals) + " %"; }

std::string optional_mg_text(const std::optional<milligrams>& amount, const std::string& when_empty) {
    return amount ? to_string(*amount) : when_empty;
}

namespace {
// Display width of UTF-8 text: code points, not bytes ("MgSO4·7H2O" is 10 wide, 11 bytes).
std::size_t display_width(const std::string& text) { return detail::utf8::count_characters(text); }
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
              << reference.life_stage << "\")\n";
    print_table({"Reference", "Magnesium", "Meaning"},
                {{std::string(to_string(reference.target_kind)), to_string(reference.target),
                  "daily target (" + std::string(describe(reference.target_kind)) + ")"},
                 {"EAR", optional_mg_text(reference.ear, "none"), "Estimated Average Requirement"},
                 {"UL", optional_mg_text(reference.ul_supplemental, "none established"),
                  "upper limit for supplements and medicines only, not food"},
                 {"DV", optional_mg_text(reference.dv, "none"), "US label Daily Value (FDA 2016)"}},
                {false, true, false});
    if (!reference.ul_supplemental) std::cout << no_ul_sentence(reference) << '\n';
    std::cout << "Source: " << reference.source << " (" << to_string(reference.confidence) << ")\n";
    if (!reference.note.empty()) std::cout << "Note: " << reference.note << '\n';
}

}  // namespace mgcalc::cli
