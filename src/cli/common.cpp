#include "cli/common.hpp"

#include <mgcalc/error.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>

namespace mgcalc::cli {

void add_format_option(CLI::App& command, output_format& format) {
    const std::map<std::string, output_format> formats{{"text", output_format::text}, {"json", output_format::json}};
    command.add_option("--format", format, "Output format: text (a readable table, the default) or json")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
}

void life_stage_options::add_to(CLI::App& command) {
    command.add_option("--sex", sex, "female or male")->required();
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

life_stage life_stage_options::resolve() const {
    const int given = int(age_years.has_value()) + int(age_months.has_value()) + int(!birth_date.empty());
    if (given != 1) {
        throw error(errc::invalid_life_stage,
                    std::string(given == 0 ? "no age given" : "more than one age given") +
                        ": give exactly one of --age YEARS, --age-months N or --birth-date YYYY-MM-DD");
    }
    if (!on_date.empty() && birth_date.empty()) {
        throw error(errc::invalid_life_stage, "--date " + on_date + " needs --birth-date YYYY-MM-DD to compute an age");
    }
    const mgcalc::age exact_age =
        age_years ? age::from_years(*age_years)
        : age_months ? age::from_months(*age_months)
                     : age::between(parse_date(birth_date), on_date.empty() ? today() : parse_date(on_date));
    return life_stage(parse_sex(sex), exact_age, {.pregnant = pregnant, .lactating = lactating});
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
