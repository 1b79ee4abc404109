// mgcalc/error.hpp - the one exception type mgcalc throws for bad input.
//
// Modelled on nlohmann/json's exception ids: every error carries a stable code whose name is
// part of the message ("[mgcalc.unknown_compound] ..."), so callers can switch on code() and
// users can search for the name. Messages say what was wrong, where, and what would be accepted.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace mgcalc {

/// Stable error codes. Values and names never change meaning once released; new codes are added
/// at the end.
enum class errc {
    invalid_amount = 1,    ///< negative, NaN, infinite or implausibly large amount
    unknown_unit,          ///< a unit word mgcalc does not know ("spoon")
    unknown_compound,      ///< no magnesium compound has this id or alias
    invalid_life_stage,    ///< impossible sex/age/pregnancy/lactation combination or age out of range
    invalid_date,          ///< a calendar date that does not exist or is in the wrong order
    parse_error,           ///< text that does not follow the documented syntax
    unknown_food,          ///< no food has this id or description
    unknown_measure,       ///< the food has no portion matching this household measure
    ambiguous_food,        ///< a plain food id found in more than one loaded database
    malformed_file,        ///< a data file that does not follow its format
};

/// The stable name of a code, e.g. "unknown_compound".
std::string_view to_string(errc code) noexcept;

class error : public std::runtime_error {
public:
    /// `what()` is "[mgcalc.<code name>] <message>".
    error(errc code, const std::string& message);
    errc code() const noexcept { return code_; }
    /// The message without the "[mgcalc.<code name>] " prefix, to say it again with more context.
    std::string_view message() const noexcept;

private:
    errc code_;
};

}  // namespace mgcalc
