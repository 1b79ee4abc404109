// io/log_json_format.hpp - the constants of the JSON log format that its reader and its writer
// share (docs/log-format.md, "Limits"). Private to src/io/.
#pragma once

#include <cstddef>
#include <string_view>

namespace mgcalc::detail {

inline constexpr std::string_view format_name = "mgcalc-log";
inline constexpr long long format_version = 1;

// A version 1 log nests 5 levels deep ($.custom_foods[0].portions[0].grams); 64 is generous and
// keeps hostile "[[[[..." input from costing anything.
inline constexpr std::size_t max_nesting = 64;
// Bounds the DOM for inputs like "[[],[],[],...]" (3 bytes per value); a real log has about 6
// values per entry, so this is ~700,000 entries.
inline constexpr std::size_t max_json_values = std::size_t{4} * 1024 * 1024;

}  // namespace mgcalc::detail
