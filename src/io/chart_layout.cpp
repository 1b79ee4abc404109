// Laying out a chart's page (io/chart_layout.hpp).
#include "io/chart_layout.hpp"

#include <mgcalc/format.hpp>

#include "detail/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace mgcalc::detail::chart {

namespace {

/// Average advance of a character in em for the sans-serif fonts a renderer picks (DejaVu Sans,
/// Verdana, Arial): generous, so that estimated widths err towards more space, not overlap.
double em_per_character(bool bold) { return bold ? 0.63 : 0.58; }

/// Splits at `separator`, keeping it at the end of each piece but the last.
std::vector<std::string> split_after(std::string_view text, std::string_view separator) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(separator, start);
        if (at == std::string_view::npos) break;
        pieces.emplace_back(text.substr(start, at + separator.size() - start));
        start = at + separator.size();
    }
    pieces.emplace_back(text.substr(start));
    return pieces;
}

}  // namespace

std::string mg_text(double value) { return to_string(milligrams::from_value(value)); }

std::string percent_text(double percent) { return number(std::floor(percent), 0) + "%"; }

double text_width(std::string_view text, double size, bool bold) {
    return static_cast<double>(decode(text).size()) * size * em_per_character(bold);
}

std::string fit(std::string_view text, double width, double size, bool bold) {
    std::u32string chars = decode(text);
    const auto fits = static_cast<std::size_t>(std::max(1.0, width / (size * em_per_character(bold))));
    if (chars.size() > fits) {
        chars.resize(fits - 1);
        while (!chars.empty() && chars.back() == ' ') chars.pop_back();
        chars.push_back(U'\u2026');
    }
    std::string out;
    for (const char32_t c : chars) detail::utf8::append(out, c);
    return out;
}

std::vector<std::string> wrap(std::string_view text, double width, double size, bool bold, std::size_t max_lines) {
    std::vector<std::string> clauses;
    for (const std::string& by_semicolon : split_after(text, "; ")) {
        for (std::string& clause : split_after(by_semicolon, " \u00B7 ")) clauses.push_back(std::move(clause));
    }
    std::vector<std::string> lines;
    std::string line;
    auto add = [&](const std::string& piece) {
        if (!line.empty() && text_width(line + piece, size, bold) > width && lines.size() + 1 < max_lines) {
            while (!line.empty() && line.back() == ' ') line.pop_back();
            lines.push_back(line);
            line.clear();
        }
        line += piece;
    };
    for (const std::string& clause : clauses) {
        if (text_width(clause, size, bold) <= width) {
            add(clause);
            continue;
        }
        for (const std::string& word : split_after(clause, " ")) add(word);  // a clause too long alone
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(fit(line, width, size, bold));
    return lines;
}

axis nice_axis(double data_max, int wanted_ticks) {
    if (!std::isfinite(data_max) || data_max <= 0.0) data_max = 100.0;  // an empty day still gets a scale
    const double raw = data_max / wanted_ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1.0   ? 1.0
                        : fraction <= 2.0 ? 2.0
                        : fraction <= 2.5 ? 2.5
                        : fraction <= 5.0 ? 5.0
                                          : 10.0;
    const double step = nice * magnitude;
    return {std::ceil(data_max / step - 1e-9) * step, step};
}

int tick_count(const axis& a) { return static_cast<int>(std::lround(a.top / a.step)); }
int tick_decimals(const axis&) { return 2; }  // number() drops trailing zeros: 250, 2.5, 0.25

double draw_legend(svg& out, const std::vector<legend_item>& items, double top) {
    constexpr double size = 11.0;
    constexpr double row_height = 18.0;
    double x = margin;
    double baseline = top + 11.0;
    for (const legend_item& item : items) {
        const double width = 22.0 + text_width(item.label, size) + 18.0;
        if (x > margin && x + width > chart_width - margin) {
            x = margin;
            baseline += row_height;
        }
        const double mid = baseline - 4.0;
        switch (item.kind) {
            case swatch::food: out.rect(x, mid - 6, 16, 12, food_colour); break;
            case swatch::other_food: out.rect(x, mid - 6, 16, 12, other_food_colour); break;
            case swatch::supplement: out.rect(x, mid - 6, 16, 12, supplement_colour); break;
            case swatch::target: out.line(x, mid, x + 16, mid, target_colour, 2.5); break;
            case swatch::upper_limit:
                out.line(x, mid, x + 16, mid, upper_limit_colour, 2.5, "stroke-dasharray=\"5,3\"");
                break;
            case swatch::no_data: out.rect(x, mid - 6, 16, 12, no_data_fill, "stroke=\"#777777\""); break;
            case swatch::over_limit: {
                // Built with += : g++ 12 reports a bogus -Wrestrict for "literal" + std::string here.
                std::string d = "M";
                d += coord(x + 2);
                d += ' ';
                d += coord(mid - 6);
                d += " H";
                d += coord(x + 14);
                d += " L";
                d += coord(x + 8);
                d += ' ';
                d += coord(mid + 4);
                d += " Z";
                out.filled_path(d, upper_limit_colour);
                break;
            }
            case swatch::not_logged: out.rect(x, mid - 6, 16, 12, not_logged_colour, "stroke=\"#CCCCCC\""); break;
        }
        out.text(x + 22, baseline, item.label, {.size = size});
        x += width;
    }
    return baseline + 7.0;
}

double draw_header(svg& out, const std::string& title, const std::vector<header_line>& lines) {
    const double width = chart_width - 2 * margin;
    double baseline = 6;
    for (const std::string& part : wrap(title, width, 17, true, 2)) {
        baseline += 22;
        out.text(margin, baseline, part, {.size = 17, .bold = true}, part == title ? std::string_view{} : title);
    }
    for (const header_line& line : lines) {
        for (const std::string& part : wrap(line.text, width, 12, line.bold, 2)) {
            baseline += 18;
            out.text(margin, baseline, part, {.size = 12, .fill = line.bold ? text_colour : muted_colour, .bold = line.bold});
        }
    }
    return baseline + 8;
}

std::string target_name(target_kind kind) { return std::string(to_string(kind)); }

std::string status_words(const evaluation& day) {
    // Shorter than the report's status_sentence, for the chart's caption line.
    const std::string kind(to_string(day.reference.target_kind));
    switch (day.status) {
        case intake_status::below_ear: return "below the EAR";
        case intake_status::below_target:
            return day.reference.ear ? "below the " + kind + " (at or above the EAR)" : "below the " + kind;
        case intake_status::meets_target: return "meets the " + kind;
    }
    return "";
}

std::string entries_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " entry" : " entries"); }
std::string days_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

double clamp_label(double x, double width, double left, double right) {
    return std::clamp(x - width / 2, left, std::max(left, right - width));
}

}  // namespace mgcalc::detail::chart
