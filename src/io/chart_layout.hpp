// io/chart_layout.hpp - what the day and period charts share in laying out a page: text widths
// estimated for fitting and wrapping labels, the value axis, the legend, the header, and the
// words of the reference and status (docs/charts.md). Private to src/io/.
#pragma once

#include <mgcalc/evaluate/evaluation.hpp>

#include "io/svg.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc::detail::chart {

/// An amount the chart's geometry holds in mg, as every report writes it: "165.8 mg".
std::string mg_text(double value);
/// Whole percent, truncated: 309.9 mg of a 310 mg RDA is "99%", never a "100%" that is not met.
std::string percent_text(double percent);

/// The estimated width of `text` at a font size, in px.
double text_width(std::string_view text, double size, bool bold = false);
/// The text cut to fit `width`, ending in an ellipsis when cut (whole characters, never bytes).
std::string fit(std::string_view text, double width, double size, bool bold = false);
/// Wraps into at most `max_lines` lines of `width`, breaking between clauses ("; ", " \u00B7 ")
/// where it can and between words where a clause is too long; the last line is cut to fit.
std::vector<std::string> wrap(std::string_view text, double width, double size, bool bold, std::size_t max_lines);

/// A linear axis from 0 to `top` in steps of 1, 2 or 5 x 10^n.
struct axis {
    double top;
    double step;
};

axis nice_axis(double data_max, int wanted_ticks);
int tick_count(const axis& a);
int tick_decimals(const axis& a);

enum class swatch { food, other_food, supplement, target, upper_limit, no_data, over_limit, not_logged };

struct legend_item {
    swatch kind;
    std::string label;
};

/// Draws the legend items left to right, wrapping at the chart width; returns the bottom y.
double draw_legend(svg& out, const std::vector<legend_item>& items, double top);

struct header_line {
    std::string text;
    bool bold = false;
};

/// The title (17 px bold) and the lines below it (12 px), each wrapped to at most two lines;
/// returns the y below them.
double draw_header(svg& out, const std::string& title, const std::vector<header_line>& lines);

std::string target_name(target_kind kind);
std::string status_words(const evaluation& day);
std::string entries_text(std::size_t n);
std::string days_text(std::size_t n);

/// Where a label of `width` starts so that it is centred on `x` but stays within [left, right].
double clamp_label(double x, double width, double left, double right);

}  // namespace mgcalc::detail::chart
