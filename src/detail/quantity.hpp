// The quantity at the start of a text, as servings write it ("2", "1/2", "1 1/2", "½"), and units:
// shared by parse_serving and the food-entry resolver. Not installed, not documented.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace mgcalc::detail {

struct leading_quantity {
    double value;
    std::size_t length;  ///< characters of the text it used
};

/// The quantity `text` starts with: "2", "0.5", ".5", "1/2", "1 1/2", "1-1/2", "½", "1½", "1 ½";
/// empty when the text does not start with a digit, '.' or a fraction character. Throws
/// mgcalc::error (parse_error, invalid_amount) for a malformed one ("1,5", "1e3", "1/0"), naming
/// `whole_text`.
std::optional<leading_quantity> read_leading_quantity(std::string_view text, std::string_view whole_text);

/// The text is a unit of measure and nothing else: "cup", "cups", "fl oz", "g".
bool is_unit_alone(std::string_view text);

}  // namespace mgcalc::detail
