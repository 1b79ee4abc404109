// mgcalc/io/chart.hpp - SVG charts a person can read at a glance.
#pragma once

#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>

#include <string>
#include <string_view>

namespace mgcalc {

/// One day: each entry's contribution as a bar (food and supplement bars in two colours),
/// stacked into a total against the target line, with the supplemental UL drawn against the
/// supplement total only. Self-contained SVG 1.1 text.
std::string day_chart_svg(const evaluation& day, std::string_view title = {});

/// A period: one stacked bar per day (food, supplements), the target line, the supplemental
/// UL against the supplement part, and days with unknown entries marked.
std::string period_chart_svg(const period_evaluation& period, std::string_view title = {});

}  // namespace mgcalc
