// io/log_check.hpp - what makes a log valid beyond its syntax (docs/log-format.md): the entry
// kinds, the words messages use for what each field expects, and the check of a whole log that
// both loaders run after reading and both writers run before writing, so mgcalc never writes what
// it would refuse. Private to src/io/.
#pragma once

#include <mgcalc/intake/log.hpp>

#include "io/json_path.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc::detail {

// ---- entry kinds -----------------------------------------------------------------------------

std::string_view kind_name(log_entry_kind kind) noexcept;  ///< "food", "supplement", "product"
std::optional<log_entry_kind> parse_kind(std::string_view text) noexcept;

inline constexpr std::string_view expected_kinds = "\"food\", \"supplement\" or \"product\"";
inline constexpr std::string_view expected_item =
    "a food id, SOURCE:ID or search words (food), a compound id or alias (supplement) or a product id (product)";
inline constexpr std::string_view expected_amount =
    "a serving like \"1 oz\" (food), a dose like \"200 mg\" (supplement) or a count like \"2\" (product)";
inline constexpr std::string_view expected_phrase =
    "a food entry as typed like \"1 cup black beans\" (food) or a dose like \"magnesium glycinate 200 mg\" "
    "(supplement)";

// ---- checking a whole log (loading and saving) -----------------------------------------------

/// What makes a log invalid, where, and the text at fault (when it is one).
struct problem {
    json_path where;
    std::string message;
    std::string input{};
};

/// The first thing that makes `log` not a valid version 1 log, if any: what the JSON loader
/// refuses beyond syntax and types, and what to_log_json refuses to write.
std::optional<problem> check_log(const intake_log& log);
/// The same for the days alone: what the CSV of entries holds.
std::optional<problem> check_days(const std::vector<log_day>& days);

/// Throws malformed_file "cannot write the log: $.path: message".
[[noreturn]] void throw_cannot_write(const problem& found);

}  // namespace mgcalc::detail
