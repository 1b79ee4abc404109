// The SVG chart of a day (mgcalc/io/chart.hpp; docs/charts.md): each entry's contribution as a
// bar, the total against the target, and the supplemental UL drawn against supplemental magnesium
// alone (IOM 1997, pp. 242-244: it covers supplements and medicines, never food).
//
// Self-contained SVG 1.1: no scripts, no external fonts, images or style sheets. The output is a
// pure function of the input (no clock, no random ids, no locale).
#include <mgcalc/io/chart.hpp>
#include <mgcalc/format.hpp>

#include "io/chart_layout.hpp"
#include "io/chart_style.hpp"
#include "io/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

// The charts' shared pieces, private to src/io/.
using namespace detail::chart;

namespace {

// Horizontal geometry: labels right-aligned in the left column, bars from plot_left, values
// right of the bars (the right margin holds the longest value label of the largest bar).
constexpr double day_label_right = 292.0;
constexpr double day_plot_left = 300.0;
constexpr double day_plot_right = 665.0;
constexpr double day_label_size = 12.0;
constexpr double day_value_size = 11.0;
// At most this many food bars; beyond it the smallest are grouped as "other foods".
constexpr std::size_t day_food_bars = 7;
constexpr std::size_t day_supplement_bars = 4;
constexpr std::size_t day_no_data_rows = 3;
constexpr double no_data_cap = 10.0;  // px: width of the hatched cap after a lower-bound total

enum class row_kind { section, bar, no_data, note };

struct day_row {
    row_kind kind;
    std::string label{};
    std::string full_label{};  // tooltip when the label is shortened
    double magnesium = 0.0;  // mg, for bars
    std::string_view colour = food_colour;
    bool emphasis = false;
    bool over_ul = false;
    bool supplement_part = false;  // inside the supplement section (the UL applies)
};

double day_row_height(row_kind kind) {
    switch (kind) {
        case row_kind::section: return 24.0;
        case row_kind::bar: return 22.0;
        case row_kind::no_data:
        case row_kind::note: return 20.0;
    }
    return 20.0;
}

/// The row label: the entry's description, with a supplement's "elemental magnesium as" said
/// as "Mg as" so the compound's name fits ("200 mg Mg as magnesium bisglycinate (glycinate)").
std::string short_label(const entry_contribution& entry) {
    std::string label = entry.description;
    constexpr std::string_view long_form = " elemental magnesium as ";
    if (entry.kind == entry_kind::supplement) {
        if (const std::size_t at = label.find(long_form); at != std::string::npos) {
            label.replace(at, long_form.size(), " Mg as ");
        }
    }
    return label;
}

std::vector<const entry_contribution*> ranked(std::vector<const entry_contribution*> entries) {
    auto value = [](const entry_contribution* e) { return e->magnesium ? e->magnesium->value() : -1.0; };
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const entry_contribution* a, const entry_contribution* b) { return value(a) > value(b); });
    return entries;
}

}  // namespace

std::string day_chart_svg(const evaluation& day, std::string_view title) {
    const reference_intakes& reference = day.reference;
    const std::string target_kind_name = target_name(reference.target_kind);
    const bool lower_bound = day.total_is_lower_bound();
    const std::optional<milligrams>& upper_limit = reference.ul_supplemental;

    std::vector<const entry_contribution*> known_foods;
    std::vector<const entry_contribution*> unknown_foods;
    std::vector<const entry_contribution*> supplements;
    for (const entry_contribution& entry : day.entries) {
        if (entry.kind == entry_kind::supplement) {
            supplements.push_back(&entry);
        } else if (entry.magnesium) {
            known_foods.push_back(&entry);
        } else {
            unknown_foods.push_back(&entry);
        }
    }
    known_foods = ranked(std::move(known_foods));
    supplements = ranked(std::move(supplements));

    // --- Rows -----------------------------------------------------------------------------
    std::vector<day_row> rows;
    auto bar_row = [](const entry_contribution& e, std::string_view colour) {
        return day_row{.kind = row_kind::bar, .label = short_label(e), .full_label = e.description,
                       .magnesium = e.magnesium ? e.magnesium->value() : 0.0, .colour = colour};
    };

    const std::size_t food_entries = known_foods.size() + unknown_foods.size();
    rows.push_back({.kind = row_kind::section,
                    .label = food_entries == 0 ? "Foods" : "Foods (" + entries_text(food_entries) + ")"});
    if (food_entries == 0) rows.push_back({.kind = row_kind::note, .label = "no food logged"});
    const std::size_t food_bars =
        known_foods.size() <= day_food_bars ? known_foods.size() : day_food_bars - 1;
    for (std::size_t i = 0; i < food_bars; ++i) rows.push_back(bar_row(*known_foods[i], food_colour));
    if (food_bars < known_foods.size()) {
        double rest = 0.0;
        for (std::size_t i = food_bars; i < known_foods.size(); ++i) rest += known_foods[i]->magnesium->value();
        rows.push_back({.kind = row_kind::bar,
                        .label = "Other foods (" + entries_text(known_foods.size() - food_bars) + ")",
                        .magnesium = rest,
                        .colour = other_food_colour});
    }
    const std::size_t no_data_rows =
        unknown_foods.size() <= day_no_data_rows ? unknown_foods.size() : day_no_data_rows - 1;
    for (std::size_t i = 0; i < no_data_rows; ++i) {
        rows.push_back({.kind = row_kind::no_data, .label = unknown_foods[i]->description,
                        .full_label = unknown_foods[i]->description});
    }
    if (no_data_rows < unknown_foods.size()) {
        rows.push_back({.kind = row_kind::no_data,
                        .label = "Other foods (" + entries_text(unknown_foods.size() - no_data_rows) + ")"});
    }

    // The supplement section carries the UL, so it is shown whenever a UL exists, even with no
    // supplement logged: the reader sees the limit is about supplements, not the total.
    const bool supplement_section = !supplements.empty() || upper_limit.has_value();
    if (supplement_section) {
        rows.push_back({.kind = row_kind::section,
                        .label = supplements.empty() ? "Supplements"
                                                     : "Supplements (" + entries_text(supplements.size()) + ")",
                        .supplement_part = true});
        if (supplements.empty()) {
            rows.push_back({.kind = row_kind::note, .label = "no supplement logged", .supplement_part = true});
        }
        const std::size_t supplement_bars =
            supplements.size() <= day_supplement_bars ? supplements.size() : day_supplement_bars - 1;
        for (std::size_t i = 0; i < supplement_bars; ++i) {
            day_row row = bar_row(*supplements[i], supplement_colour);
            row.supplement_part = true;
            rows.push_back(std::move(row));
        }
        if (supplement_bars < supplements.size()) {
            double rest = 0.0;
            for (std::size_t i = supplement_bars; i < supplements.size(); ++i) rest += supplements[i]->magnesium->value();
            rows.push_back({.kind = row_kind::bar,
                            .label = "Other supplements (" + entries_text(supplements.size() - supplement_bars) + ")",
                            .magnesium = rest, .colour = supplement_colour, .supplement_part = true});
        }
        if (supplements.size() > 1) {
            rows.push_back({.kind = row_kind::bar, .label = "All supplements", .magnesium = day.supplement.value(),
                            .colour = supplement_colour, .emphasis = true, .supplement_part = true});
        }
        if (!supplements.empty()) rows.back().over_ul = day.over_ul;
    }

    // --- Scale ----------------------------------------------------------------------------
    double data_max = std::max(day.total.value(), reference.target.value());
    for (const day_row& row : rows) data_max = std::max(data_max, row.magnesium);
    if (supplement_section && upper_limit) data_max = std::max(data_max, upper_limit->value());
    const axis scale = nice_axis(data_max, 5);
    auto x_of = [&](double mg) {
        return day_plot_left + std::max(0.0, mg) / scale.top * (day_plot_right - day_plot_left);
    };

    svg out;

    // --- Title, reference, status ---------------------------------------------------------
    const std::string group{reference.life_stage};
    std::string heading = "Magnesium intake";
    if (!title.empty()) heading += " \u00B7 " + std::string(title);
    heading += " \u00B7 " + group;
    std::string reference_line = std::string(reference.authority) + ": " + target_kind_name + ' ' +
                                 to_string(reference.target);
    if (reference.ear) reference_line += ", EAR " + to_string(*reference.ear);
    reference_line += upper_limit ? ", supplemental UL " + to_string(*upper_limit) + " (supplements only)"
                                  : ", no UL established";
    std::string status_line = "Total " + std::string(lower_bound ? "at least " : "") + to_string(day.total) +
                              " = " + percent_text(day.percent_of_target) + " of the " + target_kind_name + ": " +
                              status_words(day) + '.';
    if (day.over_ul) {
        status_line += " Supplements " + to_string(day.supplement) + ": over the UL.";
    }
    if (day.unknown_entries > 0) {
        status_line += ' ' + entries_text(day.unknown_entries) + " with no data: the total is a lower bound.";
    } else if (lower_bound) {
        status_line += " A recipe with an unknown ingredient: the total is a lower bound.";
    }
    const double header_bottom = draw_header(out, heading, {{reference_line}, {status_line, true}});

    // --- Legend ---------------------------------------------------------------------------
    std::vector<legend_item> legend{{swatch::food, "Food"}};
    if (food_bars < known_foods.size()) legend.push_back({swatch::other_food, "Other foods, grouped"});
    legend.push_back({swatch::supplement, "Supplements"});
    legend.push_back({swatch::target, target_kind_name + " (target for the total)"});
    if (supplement_section && upper_limit) legend.push_back({swatch::upper_limit, "UL applies to supplements only"});
    if (lower_bound) legend.push_back({swatch::no_data, "No data: the total is a lower bound"});
    const double legend_bottom = draw_legend(out, legend, header_bottom);

    // --- Vertical layout ------------------------------------------------------------------
    const double target_label_baseline = legend_bottom + 22;
    const double total_top = target_label_baseline + 4;
    constexpr double total_height = 28.0;
    double y = total_top + total_height + 6;
    std::vector<double> row_tops;
    for (const day_row& row : rows) {
        row_tops.push_back(y);
        y += day_row_height(row.kind);
    }
    const double rows_bottom = y + 4;
    const double height = rows_bottom + 42;

    // Supplement section extent, for the UL line.
    double supplement_top = 0.0;
    double supplement_bottom = 0.0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].supplement_part) continue;
        if (supplement_top == 0.0) supplement_top = row_tops[i];
        supplement_bottom = row_tops[i] + day_row_height(rows[i].kind);
    }

    // --- Grid and axis --------------------------------------------------------------------
    for (int i = 0; i <= tick_count(scale); ++i) {
        const double value = i * scale.step;
        const double x = x_of(value);
        out.line(x, total_top - 2, x, rows_bottom, grid_colour, 1);
        out.line(x, rows_bottom, x, rows_bottom + 4, muted_colour, 1);
        out.text(x, rows_bottom + 16, number(value, tick_decimals(scale)),
                 {.size = 11, .fill = muted_colour, .anchor = "middle"});
    }
    out.line(day_plot_left, rows_bottom, day_plot_right, rows_bottom, muted_colour, 1);
    out.text((day_plot_left + day_plot_right) / 2, rows_bottom + 33, "mg of elemental magnesium per day",
             {.size = 11, .fill = muted_colour, .anchor = "middle"});

    // --- The total bar against the target -------------------------------------------------
    const double target_x = x_of(reference.target.value());
    {
        const double bar_top = total_top + 4;
        const double bar_height = total_height - 8;
        out.text(day_label_right, total_top + 19, "Total", {.size = 13, .anchor = "end", .bold = true});
        const double food_end = x_of(day.food.value());
        const double total_end = x_of(day.total.value());
        out.rect(day_plot_left, bar_top, food_end - day_plot_left, bar_height, food_colour);
        out.rect(food_end, bar_top, total_end - food_end, bar_height, supplement_colour);
        double value_x = total_end + 5;
        if (lower_bound) {
            out.rect(total_end, bar_top, no_data_cap, bar_height, no_data_fill, "class=\"no-data\" stroke=\"#777777\"");
            value_x += no_data_cap;
        }
        const std::string value = std::string(lower_bound ? "\u2265 " : "") + to_string(day.total) + " (" +
                                  percent_text(day.percent_of_target) + ")";
        const double value_width = text_width(value, day_value_size, true);
        if (target_x >= value_x - 4 && target_x <= value_x + value_width + 4) value_x = target_x + 6;
        out.line(target_x, total_top - 3, target_x, total_top + total_height + 3, target_colour, 2.5);
        out.text(value_x, total_top + 18, value, {.size = day_value_size, .bold = true});
        const std::string target_label = target_kind_name + ' ' + to_string(reference.target);
        const double label_width = text_width(target_label, 11, true);
        out.text(clamp_label(target_x, label_width, day_plot_left, chart_width - margin), target_label_baseline,
                 target_label, {.size = 11, .fill = target_colour, .bold = true});
    }

    // --- Rows -----------------------------------------------------------------------------
    const double upper_limit_x = supplement_section && upper_limit ? x_of(upper_limit->value()) : -1.0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const day_row& row = rows[i];
        const double top = row_tops[i];
        switch (row.kind) {
            case row_kind::section: {
                out.text(margin, top + 17, row.label, {.size = 12.5, .bold = true});
                if (row.supplement_part && upper_limit) {
                    const std::string label = "UL " + to_string(*upper_limit) + " (supplements only)";
                    const double width = text_width(label, 11, true);
                    out.text(clamp_label(upper_limit_x, width, day_plot_left, chart_width - margin), top + 17, label,
                             {.size = 11, .fill = upper_limit_colour, .bold = true});
                } else if (row.supplement_part && !supplements.empty()) {
                    const std::string no_ul =
                        day.stage.age().infant() ? "no UL established for infants; IOM: supplements not advised"
                                        : "no supplemental UL set by " + std::string(reference.authority);
                    out.text(day_plot_left, top + 17, no_ul,
                             {.size = 11, .fill = upper_limit_colour, .italic = true});
                }
                break;
            }
            case row_kind::bar: {
                const std::string label = fit(row.label, day_label_right - margin, day_label_size, row.emphasis);
                out.text(day_label_right, top + 15, label,
                         {.size = day_label_size, .anchor = "end", .bold = row.emphasis},
                         label == row.full_label ? std::string_view{} : std::string_view{row.full_label});
                const double end = x_of(row.magnesium);
                out.rect(day_plot_left, top + 4, end - day_plot_left, 14, row.colour);
                // The separator stays outside the <tspan>: rsvg drops spaces at a tspan's start.
                const std::string flag = row.over_ul ? "over UL" : "";
                const std::string value = mg_text(row.magnesium) + (flag.empty() ? "" : " \u00B7 ");
                double value_x = end + 5;
                const double width = text_width(value + flag, day_value_size, row.emphasis || !flag.empty());
                if (row.supplement_part && upper_limit_x >= value_x - 4 && upper_limit_x <= value_x + width + 4) {
                    value_x = upper_limit_x + 6;
                }
                out.text(value_x, top + 15, value, {.size = day_value_size, .bold = row.emphasis}, {},
                         flag.empty() ? std::string_view{} : std::string_view{flag});
                break;
            }
            case row_kind::no_data: {
                const std::string label = fit(row.label, day_label_right - margin, day_label_size);
                out.text(day_label_right, top + 14, label, {.size = day_label_size, .fill = muted_colour, .anchor = "end"},
                         label == row.full_label || row.full_label.empty() ? std::string_view{}
                                                                           : std::string_view{row.full_label});
                out.rect(day_plot_left, top + 4, 12, 12, no_data_fill, "class=\"no-data-entry\" stroke=\"#777777\"");
                out.text(day_plot_left + 18, top + 14, "no data (not counted as 0)",
                         {.size = day_value_size, .fill = muted_colour, .italic = true});
                break;
            }
            case row_kind::note:
                out.text(day_plot_left, top + 14, row.label, {.size = day_value_size, .fill = muted_colour, .italic = true});
                break;
        }
    }
    if (upper_limit_x >= 0.0) {
        out.line(upper_limit_x, supplement_top + 21, upper_limit_x, supplement_bottom + 2, upper_limit_colour, 2.5,
                 "stroke-dasharray=\"6,3\"");
    }

    const std::string description = heading + ". " + reference_line + ". " + status_line;
    return out.document(height, heading, description);
}

}  // namespace mgcalc
