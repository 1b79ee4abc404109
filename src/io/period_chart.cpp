// The SVG chart of a period (mgcalc/io/chart.hpp; docs/charts.md): one stacked bar per day, the
// target and the supplemental UL as step lines (the UL against the supplement part alone, IOM
// 1997, pp. 242-244), and days with unknown entries marked.
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

constexpr double period_plot_left = 64.0;
constexpr double period_plot_right = 700.0;  // the right margin holds the target and UL labels

bool below_target(intake_status status) {
    return status != intake_status::meets_target;
}

/// A run of consecutive slots with the same reference value (a step of the target or UL line).
struct step_run {
    std::size_t first;
    std::size_t end;  // one past the last slot
    std::optional<double> value;
    target_kind kind;
};

/// Runs of `value_of` over the slots; an unlogged slot continues the run before it.
template <class ValueOf>
std::vector<step_run> step_runs(const std::vector<const day_result*>& slots, ValueOf value_of) {
    std::vector<step_run> runs;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        if (!slots[i]) continue;
        const std::optional<double> value = value_of(*slots[i]);
        const target_kind kind = slots[i]->result.reference.target_kind;
        if (runs.empty() || runs.back().value != value || runs.back().kind != kind) {
            if (!runs.empty()) runs.back().end = i;
            runs.push_back({i, slots.size(), value, kind});
        }
    }
    return runs;
}

/// A horizontal step line through the runs with a value; vertical joins where consecutive runs
/// both have one.
std::string step_path(const std::vector<step_run>& runs, auto x_of_slot, auto y_of) {
    std::string d;
    bool drawing = false;
    for (const step_run& run : runs) {
        if (!run.value) {
            drawing = false;
            continue;
        }
        const std::string y = coord(y_of(*run.value));
        d += (drawing ? " V" + y : (d.empty() ? "M" : " M") + coord(x_of_slot(run.first)) + ' ' + y);
        d += " H" + coord(x_of_slot(run.end));
        drawing = true;
    }
    return d;
}

void y_axis(svg& out, const axis& scale, double top, double bottom, auto y_of) {
    for (int i = 0; i <= tick_count(scale); ++i) {
        const double value = i * scale.step;
        const double y = y_of(value);
        out.line(period_plot_left, y, period_plot_right, y, grid_colour, 1);
        std::string label = number(value, tick_decimals(scale));
        if (i == tick_count(scale)) label += " mg";
        out.text(period_plot_left - 6, y + 4, label, {.size = 10.5, .fill = muted_colour, .anchor = "end"});
    }
    out.line(period_plot_left, top, period_plot_left, bottom, muted_colour, 1);
    out.line(period_plot_left, bottom, period_plot_right, bottom, muted_colour, 1);
}

/// A rectangle a label occupies, to keep labels apart.
struct box {
    double left, top, right, bottom;
    bool overlaps(const box& other) const {
        return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
    }
};

/// Labels each run of a step line: the last run in the right margin; an earlier run just above
/// or below its line, at the first place inside the run where it covers no label in `taken`, or
/// not at all when there is none (the subtitle names every change anyway).
void label_runs(svg& out, const std::vector<step_run>& runs, auto x_of_slot, auto y_of, std::string_view prefix,
                std::string_view colour, const std::vector<box>& taken) {
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const step_run& run = runs[i];
        if (!run.value) continue;
        const std::string label =
            (prefix.empty() ? target_name(run.kind) : std::string(prefix)) + ' ' + mg_text(*run.value);
        const font f{.size = 11, .fill = colour, .bold = true};
        const double y = y_of(*run.value);
        if (i + 1 == runs.size()) {
            out.haloed_text(period_plot_right + 6, y + 4, label, f);
            continue;
        }
        const double width = text_width(label, 11, true);
        bool placed = false;
        for (std::size_t k = run.first; k < run.end && !placed; ++k) {
            const double x = x_of_slot(k) + 3;
            if (x + width > x_of_slot(run.end) - 3) break;
            for (const double baseline : {y - 5, y + 14}) {
                const box candidate{x - 2, baseline - 11, x + width + 2, baseline + 3};
                if (std::none_of(taken.begin(), taken.end(), [&](const box& b) { return b.overlaps(candidate); })) {
                    out.haloed_text(x, baseline, label, f);
                    placed = true;
                    break;
                }
            }
        }
    }
}

}  // namespace

std::string period_chart_svg(const period_evaluation& period, std::string_view title) {
    const std::vector<day_result>& days = period.days;
    svg out;

    // --- Calendar slots: one per calendar day from the first to the last logged day -------
    // `days` is in date order by contract; min/max keep a hand-built, unsorted one drawable too.
    using std::chrono::sys_days;
    sys_days first_day = days.empty() ? sys_days{} : sys_days{days.front().date};
    sys_days last_day = first_day;
    for (const day_result& d : days) {
        first_day = std::min(first_day, sys_days{d.date});
        last_day = std::max(last_day, sys_days{d.date});
    }
    const std::size_t slot_count = days.empty() ? 0 : static_cast<std::size_t>((last_day - first_day).count() + 1);
    std::vector<const day_result*> slots(slot_count, nullptr);
    for (const day_result& d : days) slots[static_cast<std::size_t>((sys_days{d.date} - first_day).count())] = &d;

    const std::string from_text = days.empty() ? "" : to_string(year_month_day{first_day});
    const std::string to_text = days.empty() ? "" : to_string(year_month_day{last_day});

    // --- Statistics over the logged days --------------------------------------------------
    std::size_t logged = 0, below = 0, over_limit = 0, unknown_days = 0;
    double sum_food = 0.0, sum_supplemental = 0.0, sum_total = 0.0;
    bool any_supplement = false, any_upper_limit = false, mixed_kinds = false;
    std::vector<std::string> groups;  // life stage groups in order of appearance
    for (const day_result* d : slots) {
        if (!d) continue;
        const evaluation& e = d->result;
        ++logged;
        sum_food += e.food.value();
        sum_supplemental += e.supplement.value();
        sum_total += e.total.value();
        if (below_target(e.status)) ++below;
        if (e.over_ul) ++over_limit;
        if (e.total_is_lower_bound()) ++unknown_days;
        if (e.supplement.value() > 0.0) any_supplement = true;
        if (e.reference.ul_supplemental) any_upper_limit = true;
        if (e.reference.target_kind != days.front().result.reference.target_kind) mixed_kinds = true;
        const std::string group{e.reference.life_stage};
        if (groups.empty() || groups.back() != group) groups.push_back(group);
    }
    const bool gaps = logged < slot_count;
    const std::string target_label_name =
        days.empty() ? "RDA" : mixed_kinds ? "RDA or AI" : target_name(days.front().result.reference.target_kind);

    // --- Title and summary ----------------------------------------------------------------
    std::string heading = "Magnesium intake \u00B7 ";
    if (!title.empty()) {
        heading += std::string(title);
    } else if (days.empty()) {
        heading += "no logged days";
    } else {
        heading += from_text == to_text ? from_text : from_text + " to " + to_text;
    }
    for (std::size_t i = 0; i < groups.size(); ++i) heading += (i == 0 ? " \u00B7 " : " \u2192 ") + groups[i];

    // Reference line: each stretch of one reference row with its dates.
    std::string reference_line;
    {
        std::size_t i = 0;
        while (i < slots.size()) {
            const day_result* d = slots[i];
            std::size_t j = i + 1;
            std::size_t last_logged = i;
            while (j < slots.size() &&
                   (!slots[j] || slots[j]->result.reference.life_stage == d->result.reference.life_stage)) {
                if (slots[j]) last_logged = j;
                ++j;
            }
            const reference_intakes& r = d->result.reference;
            if (!reference_line.empty()) reference_line += "; ";
            reference_line += std::string(r.life_stage) + ": " + target_name(r.target_kind) + ' ' +
                              to_string(r.target);
            reference_line += r.ul_supplemental
                                  ? ", supplemental UL " + to_string(*r.ul_supplemental)
                                  : ", no UL";
            if (i != 0 || j != slots.size()) {
                reference_line += " (" + to_string(d->date).substr(5) + " to " +
                                  to_string(slots[last_logged]->date).substr(5) + ')';
            }
            i = j;
        }
        if (!days.empty()) reference_line = std::string(days.front().result.reference.authority) + ", " + reference_line;
    }

    std::string summary_line;
    if (logged > 0) {
        const auto n = static_cast<double>(logged);
        summary_line = days_text(logged) + " logged \u00B7 mean " + mg_text(sum_total / n) + " (food " +
                       number(sum_food / n, 0) + ", supplements " + number(sum_supplemental / n, 0) + ") \u00B7 " +
                       std::to_string(below) + " below the " + target_label_name;
        if (over_limit > 0) summary_line += " \u00B7 " + std::to_string(over_limit) + " over the UL";
        if (unknown_days > 0) summary_line += " \u00B7 " + std::to_string(unknown_days) + " with no-data entries";
    }
    std::vector<header_line> header_lines;
    if (!reference_line.empty()) header_lines.push_back({reference_line});
    if (!summary_line.empty()) header_lines.push_back({summary_line, true});
    const double header_bottom = draw_header(out, heading, header_lines);

    // --- Legend ---------------------------------------------------------------------------
    std::vector<legend_item> legend{{swatch::food, "Food"},
                                    {swatch::supplement, "Supplements"},
                                    {swatch::target, target_label_name + " (target for the total)"}};
    if (any_upper_limit) legend.push_back({swatch::upper_limit, "UL applies to supplements only"});
    if (unknown_days > 0) legend.push_back({swatch::no_data, "Entries with no data: total is at least the bar"});
    if (over_limit > 0) legend.push_back({swatch::over_limit, "Over the UL"});
    if (gaps) legend.push_back({swatch::not_logged, "Not logged"});
    const double legend_bottom = draw_legend(out, legend, header_bottom);

    if (days.empty()) {
        out.text(chart_width / 2, legend_bottom + 60, "No logged days in this period.",
                 {.size = 14, .fill = muted_colour, .anchor = "middle", .italic = true});
        return out.document(legend_bottom + 100, heading, heading);
    }

    // --- Geometry -------------------------------------------------------------------------
    const double top_title = legend_bottom + 20;
    const double top_panel_top = top_title + 14;
    const double top_panel_bottom = top_panel_top + 190;
    const double bottom_title = top_panel_bottom + 26;
    const double bottom_panel_top = bottom_title + 14;
    const double bottom_panel_bottom = bottom_panel_top + 80;
    const double height = bottom_panel_bottom + 34;

    const double slot_width = (period_plot_right - period_plot_left) / static_cast<double>(slot_count);
    const double bar_width = std::max(1.0, slot_width * (slot_count == 1 ? 0.3 : 0.72));
    auto x_of_slot = [&](std::size_t i) { return period_plot_left + static_cast<double>(i) * slot_width; };
    auto bar_left = [&](std::size_t i) { return x_of_slot(i) + (slot_width - bar_width) / 2; };

    double top_max = 0.0;
    double bottom_max = 0.0;
    for (const day_result* d : slots) {
        if (!d) continue;
        top_max = std::max({top_max, d->result.total.value(), d->result.reference.target.value()});
        bottom_max = std::max(bottom_max, d->result.supplement.value());
        if (d->result.reference.ul_supplemental) {
            bottom_max = std::max(bottom_max, d->result.reference.ul_supplemental->value());
        }
    }
    // Head room for the value labels and the no-data caps above the tallest bar.
    const axis top_scale = nice_axis(top_max * 1.12, 5);
    const axis bottom_scale = nice_axis(bottom_max * 1.15, 3);
    auto top_y = [&](double mg) {
        return top_panel_bottom - std::max(0.0, mg) / top_scale.top * (top_panel_bottom - top_panel_top);
    };
    auto bottom_y = [&](double mg) {
        return bottom_panel_bottom - std::max(0.0, mg) / bottom_scale.top * (bottom_panel_bottom - bottom_panel_top);
    };

    out.text(margin, top_title, "Total per day: food + supplements, against the " + target_label_name,
             {.size = 12.5, .bold = true});
    out.text(margin, bottom_title, "Supplements per day, against the supplemental UL (UL applies to supplements only)",
             {.size = 12.5, .bold = true});

    // Unlogged days: a light band in both panels, so a gap never reads as a day with 0 mg.
    for (std::size_t i = 0; i < slot_count;) {
        if (slots[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < slot_count && !slots[j]) ++j;
        out.rect(x_of_slot(i), top_panel_top, x_of_slot(j) - x_of_slot(i), top_panel_bottom - top_panel_top,
                 not_logged_colour);
        out.rect(x_of_slot(i), bottom_panel_top, x_of_slot(j) - x_of_slot(i), bottom_panel_bottom - bottom_panel_top,
                 not_logged_colour);
        i = j;
    }
    y_axis(out, top_scale, top_panel_top, top_panel_bottom, top_y);
    y_axis(out, bottom_scale, bottom_panel_top, bottom_panel_bottom, bottom_y);

    // --- Bars -----------------------------------------------------------------------------
    constexpr double cap_height = 8.0;
    const bool value_labels = slot_width >= 30.0;
    struct pending_label {
        double x, y;
        std::string text;
    };
    std::vector<pending_label> labels;  // drawn after the lines, with a halo
    for (std::size_t i = 0; i < slot_count; ++i) {
        const day_result* d = slots[i];
        if (!d) continue;
        const evaluation& e = d->result;
        const double x = bar_left(i);
        const double food_top = top_y(e.food.value());
        const double total_top = top_y(e.total.value());
        const std::string date = to_string(d->date);
        out.raw("<g class=\"day\"><title>" + escape(date + ": food " + to_string(e.food) + ", supplements " +
                                      to_string(e.supplement) + ", total " +
                                      (e.total_is_lower_bound() ? "at least " : "") + to_string(e.total) +
                                      (e.over_ul ? "; supplements over the UL" : "")) +
                "</title>\n");
        out.rect(x, food_top, bar_width, top_panel_bottom - food_top, food_colour);
        out.rect(x, total_top, bar_width, food_top - total_top, supplement_colour);
        double label_y = total_top - 4;
        if (e.total_is_lower_bound()) {
            out.rect(x, total_top - cap_height, bar_width, cap_height, no_data_fill,
                     "class=\"no-data\" stroke=\"#777777\" stroke-width=\"0.8\"");
            label_y -= cap_height;
        }
        if (value_labels) {
            // A label that would sit on the target line goes just above it instead.
            const double target_y = top_y(e.reference.target.value());
            if (target_y >= label_y - 11 && target_y <= label_y + 4) label_y = target_y - 5;
            labels.push_back({x + bar_width / 2, label_y,
                              (e.total_is_lower_bound() ? "\u2265" : "") + number(e.total.value(), 0)});
        }

        // Supplements alone, against the UL.
        const double supplement_top = bottom_y(e.supplement.value());
        if (e.supplement.value() > 0.0) {
            out.rect(x, supplement_top, bar_width, bottom_panel_bottom - supplement_top, supplement_colour,
                     e.over_ul ? "stroke=\"#D55E00\" stroke-width=\"1.5\"" : "");
        }
        if (e.over_ul) {
            const double mid = x + bar_width / 2;
            const double half = std::clamp(bar_width / 2, 3.0, 6.0);
            out.filled_path("M" + coord(mid - half) + ' ' + coord(supplement_top - 12) + " H" + coord(mid + half) +
                                " L" + coord(mid) + ' ' + coord(supplement_top - 3) + " Z",
                            upper_limit_colour, "class=\"over-ul\"");
        }
        out.raw("</g>\n");
    }
    if (!any_supplement) {
        out.text((period_plot_left + period_plot_right) / 2, bottom_panel_bottom - 30, "no supplement logged",
                 {.size = 11, .fill = muted_colour, .anchor = "middle", .italic = true});
    }

    // --- Target and UL, day by day (both can change inside a period) ----------------------
    const std::vector<step_run> target_runs =
        step_runs(slots, [](const day_result& d) { return std::optional<double>(d.result.reference.target.value()); });
    const std::vector<step_run> upper_limit_runs = step_runs(slots, [](const day_result& d) {
        const auto& limit = d.result.reference.ul_supplemental;
        return limit ? std::optional<double>(limit->value()) : std::nullopt;
    });
    out.path(step_path(target_runs, x_of_slot, top_y), target_colour, 2.5);
    const std::string upper_limit_path = step_path(upper_limit_runs, x_of_slot, bottom_y);
    if (!upper_limit_path.empty()) {
        out.path(upper_limit_path, upper_limit_colour, 2.5, "stroke-dasharray=\"6,3\"");
    }
    std::vector<box> value_boxes;
    for (const pending_label& label : labels) {
        out.haloed_text(label.x, label.y, label.text, {.size = 10, .anchor = "middle"});
        const double half = text_width(label.text, 10) / 2 + 1;
        value_boxes.push_back({label.x - half, label.y - 9, label.x + half, label.y + 2});
    }
    label_runs(out, target_runs, x_of_slot, top_y, "", target_colour, value_boxes);
    label_runs(out, upper_limit_runs, x_of_slot, bottom_y, "UL", upper_limit_colour, std::vector<box>{});

    // --- Dates ----------------------------------------------------------------------------
    const bool one_year = year_month_day{first_day}.year() == year_month_day{last_day}.year();
    const double date_width = (one_year ? 5.0 : 10.0) * 10.5 * 0.6 + 10.0;
    const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil(date_width / slot_width)));
    for (std::size_t i = 0; i < slot_count; i += every) {
        const std::string date = to_string(year_month_day{first_day + std::chrono::days{i}});
        const double x = x_of_slot(i) + slot_width / 2;
        out.line(x, bottom_panel_bottom, x, bottom_panel_bottom + 4, muted_colour, 1);
        out.text(x, bottom_panel_bottom + 16, one_year ? date.substr(5) : date,
                 {.size = 10.5, .fill = muted_colour, .anchor = "middle"});
    }

    std::string description = heading + ". " + reference_line + ". " + summary_line;
    return out.document(height, heading, description);
}

}  // namespace mgcalc
