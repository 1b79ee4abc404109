// mgcalc/error.hpp - the one exception type mgcalc throws for bad input, and its std::error_code.
//
// Modelled on nlohmann/json's exception ids: every error carries a stable code whose name is
// part of the message ("[mgcalc.unknown_compound] ..."), so callers can switch on code() and
// users can search for the name. Messages say what was wrong, where, and what would be accepted.
// Where it was (file, line, column, JSON path, log day and entry) and the text at fault are also
// fields, so an app can underline the entry instead of re-reading the message.
//
// Header-only, like the model that throws it: a program using only the model links nothing.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

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
    not_covered,           ///< the chosen authority's table has no value for this life stage
};

/// The stable name of a code, e.g. "unknown_compound".
constexpr std::string_view to_string(errc code) noexcept {
    switch (code) {
        case errc::invalid_amount: return "invalid_amount";
        case errc::unknown_unit: return "unknown_unit";
        case errc::unknown_compound: return "unknown_compound";
        case errc::invalid_life_stage: return "invalid_life_stage";
        case errc::invalid_date: return "invalid_date";
        case errc::parse_error: return "parse_error";
        case errc::unknown_food: return "unknown_food";
        case errc::unknown_measure: return "unknown_measure";
        case errc::ambiguous_food: return "ambiguous_food";
        case errc::malformed_file: return "malformed_file";
        case errc::not_covered: return "not_covered";
    }
    return "unknown_error";
}

/// What a code means, for std::error_code::message().
constexpr std::string_view describe(errc code) noexcept {
    switch (code) {
        case errc::invalid_amount: return "an amount is negative, not a number or implausibly large";
        case errc::unknown_unit: return "a unit word that mgcalc does not know";
        case errc::unknown_compound: return "no magnesium compound has this id or alias";
        case errc::invalid_life_stage: return "an impossible sex, age, pregnancy or lactation";
        case errc::invalid_date: return "a date that does not exist or is out of order";
        case errc::parse_error: return "text that does not follow the documented form";
        case errc::unknown_food: return "no food has this id or description";
        case errc::unknown_measure: return "the food has no portion with this household measure";
        case errc::ambiguous_food: return "a food id found in more than one food database";
        case errc::malformed_file: return "a file that does not follow its format";
        case errc::not_covered: return "the reference authority's table has no value for this life stage";
    }
    return "unknown mgcalc error";
}

/// The "mgcalc" error category: `std::error_code ec = mgcalc::errc::unknown_food;` works, and
/// `ec.message()` says what the code means.
inline const std::error_category& error_category() noexcept {
    class category final : public std::error_category {
    public:
        const char* name() const noexcept override { return "mgcalc"; }
        std::string message(int value) const override { return std::string(describe(static_cast<errc>(value))); }
    };
    static const category instance;
    return instance;
}

inline std::error_code make_error_code(errc code) noexcept { return {static_cast<int>(code), error_category()}; }

/// Where in what the user gave an error is. Every field is optional: empty or 0 when not known.
struct error_location {
    std::string file{};        ///< the file's path as given
    std::size_t line = 0;      ///< 1-based
    std::size_t column = 0;    ///< 1-based, in characters (UTF-8 code points), as an editor counts
    std::string json_path{};   ///< "$.days[2].entries[0].amount"
    // Text, not a std::chrono date: <chrono> would make the model headers 13% slower to compile
    // (docs/performance.md), and a location is only ever shown.
    std::string day{};         ///< the log day, ISO 8601 ("2024-03-10")
    std::size_t entry = 0;     ///< the entry's number within the day, 1-based as people count

    bool empty() const noexcept { return file.empty() && line == 0 && json_path.empty() && day.empty() && entry == 0; }
    /// Fields of `outer` fill the ones this location leaves empty (an entry's error gains its file).
    error_location within(const error_location& outer) const {
        error_location result = *this;
        if (result.file.empty()) result.file = outer.file;
        if (result.line == 0) {
            result.line = outer.line;
            if (result.column == 0) result.column = outer.column;
        }
        if (result.json_path.empty()) result.json_path = outer.json_path;
        if (result.day.empty()) result.day = outer.day;
        if (result.entry == 0) result.entry = outer.entry;
        return result;
    }
    /// "log.json:3:14: $.days[0]: day 2024-03-10, entry 2: ", or "" when empty: the prefix of
    /// the message, as compilers print positions.
    std::string prefix() const {
        // Appended piece by piece: g++ 12 reports a bogus -Wrestrict for "literal" + std::string
        // at -O2 (GCC bugs 105329, 105651), and this header is compiled into applications.
        std::string text;
        const auto number = [&text](const char* before, std::size_t value) {
            text += before;
            text += std::to_string(value);
        };
        if (!file.empty()) {
            text += file;
            if (line) number(":", line);
            if (line && column) number(":", column);
            text += ": ";
        } else if (line) {
            number("line ", line);
            text += ": ";
        }
        if (!json_path.empty()) {
            text += json_path;
            text += ": ";
        }
        if (!day.empty()) {
            text += "day ";
            text += day;
        }
        if (entry) number(day.empty() ? "entry " : ", entry ", entry);
        if (!day.empty() || entry) text += ": ";
        return text;
    }
};

class error : public std::runtime_error {
public:
    /// `what()` is "[mgcalc.<code name>] <location prefix><message>".
    error(errc code, const std::string& message, error_location where = {}, std::string input = {})
        : std::runtime_error(full_text(code, where, message)),
          code_(code),
          message_(message),
          file_(where.file),
          json_path_(where.json_path),
          day_(where.day),
          input_(input),
          line_(where.line),
          column_(where.column),
          entry_(where.entry) {}

    errc code() const noexcept { return code_; }
    /// What was wrong and what would be accepted, without the code or the location.
    std::string_view message() const noexcept { return message_.what(); }
    /// Where it was, as far as it is known.
    error_location where() const {
        return {.file = file_.what(),
                .line = line_,
                .column = column_,
                .json_path = json_path_.what(),
                .day = day_.what(),
                .entry = entry_};
    }
    /// The text at fault as the user gave it ("1 spoon"), when there is one.
    std::string_view input() const noexcept { return input_.what(); }

    /// The same error placed within `outer`: empty location fields are filled from it (an entry's
    /// error gains its day, its file and line).
    error within(const error_location& outer) const {
        return error(code_, std::string(message()), where().within(outer), std::string(input()));
    }

    /// The same error with `text` as the input at fault, unless it already names one (a parser's
    /// entry point names the whole text it was given).
    error about(std::string_view text) const {
        if (!input().empty()) return *this;
        return error(code_, std::string(message()), where(), std::string(text));
    }

private:
    static std::string full_text(errc code, const error_location& where, const std::string& message) {
        std::string text = "[mgcalc.";
        text += to_string(code);
        text += "] ";
        text += where.prefix();
        text += message;
        return text;
    }

    // Each text is kept in a std::runtime_error, whose copy the standard requires not to throw
    // (it shares the text), so copying an error, as throwing does, never throws. std::shared_ptr
    // would do the same, but with libstdc++ 12 in C++20 <memory> brings <ostream> and the
    // locales, which the model headers otherwise do without (docs/performance.md, "Compile
    // time"). Like what(), each is a C string: text after a NUL byte is not kept.
    errc code_;
    std::runtime_error message_;
    std::runtime_error file_;
    std::runtime_error json_path_;
    std::runtime_error day_;
    std::runtime_error input_;
    std::size_t line_;
    std::size_t column_;
    std::size_t entry_;
};

}  // namespace mgcalc

template <>
struct std::is_error_code_enum<mgcalc::errc> : std::true_type {};
