// io/chart_style.hpp - the charts' palette and page geometry (docs/charts.md). Private to src/io/.
//
// Colours are the Okabe & Ito (2008) colour-blind-safe palette: food blue, supplements orange,
// the supplemental UL vermilion, the target black.
#pragma once

#include <string_view>

namespace mgcalc::detail::chart {

constexpr std::string_view food_colour = "#0072B2";        // blue
constexpr std::string_view other_food_colour = "#56B4E9";  // sky blue: several foods grouped
constexpr std::string_view supplement_colour = "#E69F00";  // orange
constexpr std::string_view upper_limit_colour = "#D55E00"; // vermilion
constexpr std::string_view target_colour = "#000000";
constexpr std::string_view text_colour = "#222222";
constexpr std::string_view muted_colour = "#5A5A5A";
constexpr std::string_view grid_colour = "#DDDDDD";
constexpr std::string_view not_logged_colour = "#F0F0F0";
constexpr std::string_view no_data_fill = "url(#mgcalc-no-data)";

constexpr double chart_width = 800.0;
constexpr double margin = 16.0;

}  // namespace mgcalc::detail::chart
