// io/log_file.cpp - the intake log's file formats (mgcalc/io/log_file.hpp; docs/log-format.md): the
// versioned JSON log and the CSV of entries.
//
// Reading JSON happens in three steps:
//   1. the bytes: at most 64 MiB, UTF-8, no NUL byte (a binary file is refused before parsing);
//   2. the syntax: nlohmann-json's SAX parser feeds a small DOM builder that also refuses nesting
//      deeper than 64, more than 4 Mi values and duplicate keys (nlohmann would keep the last
//      duplicate silently, which would drop data);
//   3. the meaning: the DOM is converted field by field (unknown fields and kinds are errors),
//      then the log is checked as a whole (dates in order, ids unique, amounts non-empty) by the
//      same check that to_log_json runs before writing, so mgcalc never writes what it would refuse.
// Errors carry FILE:LINE:COLUMN and the JSON path. Positions are not recorded while parsing: on an
// error, the path is looked up again in the text (locate()), so a valid log costs nothing extra.
//
// nlohmann-json is used in this file only and is private to the library.
#include <mgcalc/limits.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/io/log_file.hpp>

#include "detail/csv.hpp"
#include <mgcalc/detail/limits.hpp>
#include "detail/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

namespace mgcalc {

namespace {

using json = nlohmann::json;

// ---- limits (docs/log-format.md, "Limits") ---------------------------------------------------

// Ten years of a very detailed log (50 entries a day) is about 30 MB of canonical JSON; 64 MiB
// leaves room and still bounds the memory a hostile file can take.
constexpr std::size_t max_input_bytes = std::size_t{64} * 1024 * 1024;
constexpr std::string_view max_input_text = "64 MiB (67108864 bytes)";
// A version 1 log nests 5 levels deep ($.custom_foods[0].portions[0].grams); 64 is generous and
// keeps hostile "[[[[..." input from costing anything.
constexpr std::size_t max_nesting = 64;
// Bounds the DOM for inputs like "[[],[],[],...]" (3 bytes per value); a real log has about 6
// values per entry, so this is ~700,000 entries.
constexpr std::size_t max_json_values = std::size_t{4} * 1024 * 1024;

constexpr std::string_view format_name = "mgcalc-log";
constexpr long long format_version = 1;

// Plausibility limits (mgcalc/limits.hpp): they catch unit and typing mistakes.
using limits::max_age_years;
constexpr double max_magnesium_per_100g = limits::max_magnesium_mg_per_100g;
constexpr double max_elemental_per_unit = limits::max_elemental_mg_per_dose;

// ---- JSON paths ------------------------------------------------------------------------------

struct path_step {
    bool is_index = false;
    std::size_t index = 0;
    std::string key;
};

/// "$.days[2].entries[0].amount"; keys that are not identifiers are written $["odd key"].
struct json_path {
    std::vector<path_step> steps;

    json_path operator/(std::string_view key) const {
        json_path next = *this;
        next.steps.push_back({false, 0, std::string(key)});
        return next;
    }
    json_path operator[](std::size_t index) const {
        json_path next = *this;
        next.steps.push_back({true, index, {}});
        return next;
    }
    std::string text() const;
};

bool is_identifier(std::string_view key) {
    if (key.empty()) return false;
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!alpha(key.front())) return false;
    return std::all_of(key.begin(), key.end(), [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

void append_json_string(std::string& out, std::string_view text);

/// At most `limit` bytes of `text`, cut at a character boundary, with "..." when cut: keeps
/// messages short when the input holds a huge key or token.
std::string shortened(std::string_view text, std::size_t limit = 60) {
    if (text.size() <= limit) return std::string(text);
    std::size_t cut = limit - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "...";
}

std::string json_path::text() const {
    // A path through input nested too deeply is shortened: "$[0][0][0][0][0][0][...][0][0][0] (a path
    // of 64 steps)".
    constexpr std::size_t head = 6, tail = 3;
    const bool shorten = steps.size() > head + tail + 3;
    std::string out = "$";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (shorten && i == head) {
            out += "[...]";
            i = steps.size() - tail;
        }
        const path_step& step = steps[i];
        if (step.is_index) {
            out += '[';
            out += std::to_string(step.index);
            out += ']';
        } else if (is_identifier(step.key) && step.key.size() <= 60) {
            out += '.';
            out += step.key;
        } else {
            out += '[';
            append_json_string(out, shortened(step.key));
            out += ']';
        }
    }
    if (shorten) out += " (a path of " + std::to_string(steps.size()) + " steps)";
    return out;
}

// ---- the bytes -------------------------------------------------------------------------------

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// 1-based line and column of a byte offset; columns count characters (UTF-8 code points), and
/// the byte order mark is not a character.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    std::size_t start = text.substr(0, 3) == utf8_bom ? std::min<std::size_t>(3, offset) : 0;
    for (std::size_t i = start; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

std::string at_position(std::string_view origin, std::string_view text, std::size_t offset) {
    const auto [line, column] = line_and_column(text, offset);
    return std::string(origin) + ":" + std::to_string(line) + ":" + std::to_string(column);
}

/// Offset of the first byte that is not part of valid UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), or npos.
std::size_t invalid_utf8_at(std::string_view text) noexcept {
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;   // overlong
            if (lead == 0xED) high = 0x9F;  // UTF-16 surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;   // overlong
            if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
        } else {
            return i;
        }
        if (size - i < length) return i;
        for (std::size_t k = 1; k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            const unsigned char min = k == 1 ? low : 0x80, max = k == 1 ? high : 0xBF;
            if (byte < min || byte > max) return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

std::string hex_byte(unsigned char byte) {
    constexpr char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[byte >> 4] + digits[byte & 0xF];
}

[[noreturn]] void throw_too_large(std::string_view origin, std::string_view what) {
    throw error(errc::malformed_file, std::string(origin) + ": the input is larger than " + std::string(max_input_text) +
                                          ", the most mgcalc reads; expected " + std::string(what) +
                                          " of at most that size");
}

/// The canonical text may be larger than the input it came from (indentation), so writing checks
/// the limit too: mgcalc never writes a log it would refuse to read.
[[noreturn]] void throw_too_large_to_write(std::size_t size, std::string_view format) {
    throw error(errc::malformed_file, "cannot write the log: its " + std::string(format) + " text would be " +
                                          std::to_string(size) + " bytes, more than the " +
                                          std::string(max_input_text) +
                                          " mgcalc reads; expected a smaller log (split it, e.g. by year)");
}

/// Refuses input that is too large, binary (a NUL byte) or not UTF-8, before any parsing.
void check_bytes(std::string_view text, std::string_view origin, std::string_view what) {
    if (text.size() > max_input_bytes) throw_too_large(origin, what);
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        throw error(errc::malformed_file, at_position(origin, text, nul) +
                                              ": a NUL byte (0x00), so this looks like a binary file; expected " +
                                              std::string(what) + " as UTF-8 text");
    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos)
        throw error(errc::malformed_file, at_position(origin, text, bad) + ": byte " +
                                              hex_byte(static_cast<unsigned char>(text[bad])) +
                                              " is not valid UTF-8; expected " + std::string(what) +
                                              " as UTF-8 text (save the file as UTF-8)");
}

/// A problem with a string the log holds: not UTF-8 (possible only for logs built in code) or
/// a NUL character (JSON can carry one as \u0000; the CSV format cannot).
std::optional<std::string> text_problem(std::string_view text) {
    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos)
        return "byte " + hex_byte(static_cast<unsigned char>(text[bad])) + " at byte offset " + std::to_string(bad) +
               " is not valid UTF-8; expected UTF-8 text";
    if (text.find('\0') != std::string_view::npos) return "contains a NUL character (U+0000); expected text without one";
    return std::nullopt;
}

// ---- finding a JSON path in the text again ---------------------------------------------------

bool is_json_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view text, std::size_t pos) noexcept {
    while (pos < text.size() && is_json_space(text[pos])) ++pos;
    return pos;
}

/// `pos` at an opening quote; the offset after the closing quote, or npos.
std::size_t skip_string(std::string_view text, std::size_t pos) noexcept {
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return std::string_view::npos;
}

/// The offset after the value starting at `pos`, or npos. Iterative, so depth costs no stack.
std::size_t skip_value(std::string_view text, std::size_t pos) noexcept {
    if (pos >= text.size()) return std::string_view::npos;
    if (text[pos] == '"') return skip_string(text, pos);
    if (text[pos] != '{' && text[pos] != '[') {
        while (pos < text.size() && !is_json_space(text[pos]) && text[pos] != ',' && text[pos] != ']' &&
               text[pos] != '}')
            ++pos;
        return pos;
    }
    std::size_t depth = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"') {
            pos = skip_string(text, pos);
            if (pos == std::string_view::npos) return pos;
            continue;
        }
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') {
            if (--depth == 0) return pos + 1;
        }
        ++pos;
    }
    return std::string_view::npos;
}

/// Whether a key token (with its quotes) spells `key`, decoding escapes when it has any.
bool key_matches(std::string_view token, std::string_view key) {
    const std::string_view inner = token.substr(1, token.size() - 2);
    if (inner.find('\\') == std::string_view::npos) return inner == key;
    try {
        return json::parse(token).get_ref<const std::string&>() == key;
    } catch (const json::exception&) {
        return false;
    }
}

/// The offset where the value at `path` starts (or its key, with `at_key`), looking for the
/// `occurrence`-th use of the last key (2 finds a duplicate). Works on text that is valid JSON up
/// to that value; empty if the text does not lead there.
std::optional<std::size_t> locate(std::string_view text, const json_path& path, bool at_key = false,
                                  int occurrence = 1) {
    constexpr auto npos = std::string_view::npos;
    std::size_t pos = skip_space(text, text.substr(0, 3) == utf8_bom ? 3 : 0);
    for (std::size_t s = 0; s < path.steps.size(); ++s) {
        const path_step& step = path.steps[s];
        const bool last = s + 1 == path.steps.size();
        if (pos >= text.size()) return std::nullopt;
        if (step.is_index) {
            if (text[pos] != '[') return std::nullopt;
            pos = skip_space(text, pos + 1);
            for (std::size_t i = 0; i < step.index; ++i) {
                pos = skip_value(text, pos);
                if (pos == npos) return std::nullopt;
                pos = skip_space(text, pos);
                if (pos >= text.size() || text[pos] != ',') return std::nullopt;
                pos = skip_space(text, pos + 1);
            }
            if (pos >= text.size() || text[pos] == ']') return std::nullopt;
            continue;
        }
        if (text[pos] != '{') return std::nullopt;
        pos = skip_space(text, pos + 1);
        int seen = 0;
        while (true) {
            if (pos >= text.size() || text[pos] != '"') return std::nullopt;
            const std::size_t key_start = pos;
            const std::size_t key_end = skip_string(text, pos);
            if (key_end == npos) return std::nullopt;
            const bool match = key_matches(text.substr(key_start, key_end - key_start), step.key);
            pos = skip_space(text, key_end);
            if (pos >= text.size() || text[pos] != ':') return std::nullopt;
            pos = skip_space(text, pos + 1);
            if (match && ++seen == (last ? occurrence : 1)) {
                if (last && at_key) return key_start;
                break;
            }
            pos = skip_value(text, pos);
            if (pos == npos) return std::nullopt;
            pos = skip_space(text, pos);
            if (pos >= text.size() || text[pos] != ',') return std::nullopt;
            pos = skip_space(text, pos + 1);
        }
    }
    if (pos >= text.size()) return std::nullopt;
    return pos;
}

// ---- the syntax: a DOM builder with limits ---------------------------------------------------

/// Where and why parsing stopped.
struct parse_failure {
    std::optional<std::size_t> offset;  ///< from nlohmann-json, for syntax errors
    json_path path;                     ///< for the builder's own refusals
    bool at_key = false;
    int occurrence = 1;
    std::string message;
};

/// Builds a nlohmann::json DOM from SAX events, refusing duplicate keys, nesting deeper than
/// max_nesting and more than max_json_values values.
class dom_builder final : public nlohmann::json_sax<json> {
public:
    json root;
    std::optional<parse_failure> failure;

    bool null() override { return put(json(nullptr)); }
    bool boolean(bool value) override { return put(json(value)); }
    bool number_integer(number_integer_t value) override { return put(json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return put(json(value)); }
    bool number_float(number_float_t value, const string_t&) override { return put(json(value)); }
    bool string(string_t& value) override { return put(json(std::move(value))); }
    bool binary(binary_t&) override {  // never produced by the JSON text parser
        return stop(path_of_new_value(), "binary data; expected JSON text");
    }

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        frame& top = stack_.back();
        if (top.container->contains(name)) {
            failure = parse_failure{std::nullopt, path_of_container() / name, true, 2,
                                    "the field \"" + name +
                                        "\" appears twice in this object; expected each field once "
                                        "(a second value would silently replace the first)"};
            return false;
        }
        top.key = std::move(name);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 9:
        // syntax error while parsing value - ..."; the position is given again by the caller.
        std::string_view what = e.what();
        if (const std::size_t id_end = what.find("] "); what.substr(0, 1) == "[" && id_end != std::string_view::npos)
            what.remove_prefix(id_end + 2);
        if (what.substr(0, 20) == "parse error at line ") {
            if (const std::size_t colon = what.find(": "); colon != std::string_view::npos) what.remove_prefix(colon + 2);
        }
        // "last read: '<token>'" may quote a whole unterminated 60 MB string: shorten the token.
        std::string message(what);
        if (const std::size_t start = message.find("last read: '"); start != std::string::npos) {
            const std::size_t token = start + 12;
            const std::size_t expected = message.find("'; expected", token);
            const std::size_t end = expected != std::string::npos ? expected : message.rfind('\'');
            if (end != std::string::npos && end >= token)
                message.replace(token, end - token, shortened(std::string_view(message).substr(token, end - token), 40));
        }
        if (message.size() > 300) message = shortened(message, 300);  // e.g. a 60 MB number token
        // `position` counts the characters read, including the one that did not fit.
        failure = parse_failure{position > 0 ? position - 1 : 0, {}, false, 1, std::move(message)};
        return false;
    }

private:
    struct frame {
        json* container;
        std::string key;  ///< the key of the value being read, in an object
    };
    std::vector<frame> stack_;
    std::size_t values_ = 0;

    /// The path of the innermost open array or object.
    json_path path_of_container() const {
        json_path path;
        for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
            const frame& f = stack_[i];
            if (f.container->is_array())
                path = path[f.container->size() - 1];  // the open child is the last element
            else
                path = path / f.key;
        }
        return path;
    }

    /// The path of the value about to be read.
    json_path path_of_new_value() const {
        if (stack_.empty()) return {};
        const frame& top = stack_.back();
        return top.container->is_array() ? path_of_container()[top.container->size()] : path_of_container() / top.key;
    }

    bool stop(json_path path, std::string message) {
        failure = parse_failure{std::nullopt, std::move(path), false, 1, std::move(message)};
        return false;
    }

    json* insert(json&& value) {
        if (stack_.empty()) {
            root = std::move(value);
            return &root;
        }
        frame& top = stack_.back();
        if (top.container->is_array()) {
            top.container->push_back(std::move(value));
            return &top.container->back();
        }
        json& slot = (*top.container)[top.key];
        slot = std::move(value);
        return &slot;
    }

    bool count() {
        if (++values_ <= max_json_values) return true;
        return stop(path_of_new_value(), "more than " + std::to_string(max_json_values) +
                                             " JSON values; expected a log of at most that many (split it)");
    }

    bool put(json&& value) {
        if (!count()) return false;
        insert(std::move(value));
        return true;
    }

    bool open(json&& container) {
        if (!count()) return false;
        if (stack_.size() >= max_nesting)
            return stop(path_of_new_value(), "arrays and objects nested more than " + std::to_string(max_nesting) +
                                                 " levels deep; expected an mgcalc log (5 levels at most)");
        stack_.push_back({insert(std::move(container)), {}});
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }
};

// ---- checking a whole log (loading and saving) -----------------------------------------------

struct problem {
    json_path where;
    std::string message;
};


std::string_view kind_name(log_entry_kind kind) noexcept {
    switch (kind) {
        case log_entry_kind::food: return "food";
        case log_entry_kind::supplement: return "supplement";
        case log_entry_kind::product: return "product";
    }
    return {};
}

std::optional<log_entry_kind> parse_kind(std::string_view text) noexcept {
    if (text == "food") return log_entry_kind::food;
    if (text == "supplement") return log_entry_kind::supplement;
    if (text == "product") return log_entry_kind::product;
    return std::nullopt;
}

constexpr std::string_view expected_kinds = "\"food\", \"supplement\" or \"product\"";
constexpr std::string_view expected_item =
    "a food id, SOURCE:ID or search words (food), a compound id or alias (supplement) or a product id (product)";
constexpr std::string_view expected_amount =
    "a serving like \"1 oz\" (food), a dose like \"200 mg\" (supplement) or a count like \"2\" (product)";
constexpr std::string_view expected_phrase =
    "a food entry as typed like \"1 cup black beans\" (food) or a dose like \"magnesium glycinate 200 mg\" "
    "(supplement)";

/// Checks a string field: valid text, and not blank unless `may_be_blank`.
std::optional<problem> check_text(const std::string& text, const json_path& where, std::string_view expected,
                                  bool may_be_blank = false) {
    if (auto why = text_problem(text)) return problem{where, *why};
    if (!may_be_blank && detail::trim(text).empty())
        return problem{where, (text.empty() ? "is empty; expected " : "is blank; expected ") + std::string(expected)};
    return std::nullopt;
}

std::optional<problem> check_date(year_month_day date, const json_path& where) {
    if (date.ok()) return std::nullopt;
    return problem{where, to_string(date) + " is not a calendar date; expected an existing date YYYY-MM-DD"};
}

std::optional<problem> check_number(double value, const json_path& where, double minimum, bool minimum_included,
                                    double maximum, std::string_view expected) {
    const bool low_ok = minimum_included ? value >= minimum : value > minimum;
    if (std::isfinite(value) && low_ok && value <= maximum) return std::nullopt;
    return problem{where, "is " + detail::format_number(value, 6) + "; expected " + std::string(expected)};
}

std::optional<problem> check_days(const std::vector<log_day>& days) {
    const json_path days_path = json_path{} / "days";
    for (std::size_t d = 0; d < days.size(); ++d) {
        const log_day& day = days[d];
        const json_path here = days_path[d];
        if (auto p = check_date(day.date, here / "date")) return p;
        if (d > 0 && day.date <= days[d - 1].date) {
            const std::string previous = days_path[d - 1].text();
            if (day.date == days[d - 1].date)
                return problem{here / "date", to_string(day.date) + " is also the date of " + previous +
                                                  "; expected one day per date (put the entries in one day)"};
            return problem{here / "date", to_string(day.date) + " comes before the date of " + previous + " (" +
                                              to_string(days[d - 1].date) +
                                              "); expected days in increasing date order"};
        }
        for (std::size_t e = 0; e < day.entries.size(); ++e) {
            const log_entry& entry = day.entries[e];
            const json_path at = here / "entries";
            if (kind_name(entry.kind).empty())
                return problem{at[e] / "kind", "is not a known entry kind; expected " + std::string(expected_kinds)};
            if (!entry.phrase.empty()) {
                if (auto p = check_text(entry.phrase, at[e] / "phrase", expected_phrase)) return p;
                if (entry.kind == log_entry_kind::product)
                    return problem{at[e] / "phrase", "is given for a product entry; expected item and amount for a "
                                                     "product (a phrase is for a food or a supplement)"};
                if (!entry.item.empty() || !entry.amount.empty())
                    return problem{at[e] / "phrase", "is given with item or amount; expected either a phrase or item "
                                                     "and amount"};
            } else {
                if (auto p = check_text(entry.item, at[e] / "item", expected_item)) return p;
                if (auto p = check_text(entry.amount, at[e] / "amount", expected_amount)) return p;
            }
            if (entry.time && !entry.time->ok())
                return problem{at[e] / "time", to_string(*entry.time) + " is not a time of day; expected HH:MM, 00:00 to 23:59"};
            if (auto p = check_text(entry.note, at[e] / "note", "text", true)) return p;
        }
    }
    return std::nullopt;
}

std::optional<problem> check_ranges(const std::vector<date_range>& ranges, const json_path& where) {
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (auto p = check_date(ranges[i].from, where[i] / "from")) return p;
        if (auto p = check_date(ranges[i].to, where[i] / "to")) return p;
        if (ranges[i].to < ranges[i].from)
            return problem{where[i] / "to", to_string(ranges[i].to) + " is before the start " +
                                                to_string(ranges[i].from) +
                                                "; expected an end on or after the start (both days included)"};
    }
    return std::nullopt;
}

/// The first thing that makes `log` not a valid version 1 log, if any: what the loader refuses
/// beyond syntax and types, and what to_log_json refuses to write.
std::optional<problem> check_log(const intake_log& log) {
    const json_path person = json_path{} / "profile";
    const profile& p = log.person;
    if (p.sex != sex::female && p.sex != sex::male) return problem{person / "sex", "is not female or male"};
    if (p.birth_date)
        if (auto found = check_date(*p.birth_date, person / "birth_date")) return found;
    if (p.age) {
        if (auto found = check_number(p.age->years, person / "age" / "years", 0.0, true, max_age_years,
                                      "a number of years from 0 to 120"))
            return found;
        if (auto found = check_date(p.age->on, person / "age" / "on")) return found;
    }
    if (auto found = check_ranges(p.pregnancies, person / "pregnancies")) return found;
    if (auto found = check_ranges(p.lactation, person / "lactation")) return found;
    for (std::size_t i = 0; i < p.conditions.size(); ++i)
        if (auto found = check_text(p.conditions[i], (person / "conditions")[i], "a condition like \"reduced-kidney-function\""))
            return found;
    for (std::size_t i = 0; i < p.medications.size(); ++i)
        if (auto found = check_text(p.medications[i], (person / "medications")[i], "a medication like \"bisphosphonate\""))
            return found;

    const json_path foods = json_path{} / "custom_foods";
    std::map<std::string, std::size_t> food_ids;
    for (std::size_t i = 0; i < log.custom_foods.size(); ++i) {
        const food& item = log.custom_foods[i];
        if (auto found = check_text(item.id, foods[i] / "id", "a food id like \"my-protein-bar\"")) return found;
        if (auto [at, added] = food_ids.emplace(item.id, i); !added)
            return problem{foods[i] / "id", detail::quoted(item.id) + " is also the id of " + foods[at->second].text() +
                                                "; expected each custom food id once"};
        if (auto found = check_text(item.description, foods[i] / "description", "a description of the food"))
            return found;
        if (item.magnesium_per_100g)
            if (auto found = check_number(item.magnesium_per_100g->value(), foods[i] / "magnesium_mg_per_100g", 0.0,
                                          true, max_magnesium_per_100g,
                                          "milligrams per 100 g from 0 to 100000, or null when unknown"))
                return found;
        for (std::size_t k = 0; k < item.portions.size(); ++k) {
            const portion& part = item.portions[k];
            const json_path at = (foods[i] / "portions")[k];
            if (auto found = check_number(part.amount, at / "amount", 0.0, false, 1e6, "a number above 0, like 1 or 0.5"))
                return found;
            if (auto found = check_text(part.measure, at / "measure", "a household measure like \"cup\" or \"bar\""))
                return found;
            if (auto found = check_number(part.weight.value(), at / "grams", 0.0, false, detail::max_food_grams,
                                          "grams above 0 and at most 10000"))
                return found;
        }
    }

    const json_path products = json_path{} / "supplement_products";
    std::map<std::string, std::size_t> product_ids;
    for (std::size_t i = 0; i < log.products.size(); ++i) {
        const supplement_product& product = log.products[i];
        if (auto found = check_text(product.id, products[i] / "id", "a product id like \"my-magtein\"")) return found;
        if (auto [at, added] = product_ids.emplace(product.id, i); !added)
            return problem{products[i] / "id", detail::quoted(product.id) + " is also the id of " +
                                                   products[at->second].text() + "; expected each product id once"};
        if (auto found = check_text(product.name, products[i] / "name", "the product's name")) return found;
        if (auto found = check_text(product.compound, products[i] / "compound", "a compound id or alias like \"glycinate\""))
            return found;
        if (auto found = check_number(product.elemental_per_unit.value(), products[i] / "elemental_mg_per_unit", 0.0,
                                      false, max_elemental_per_unit,
                                      "milligrams of elemental magnesium per unit, above 0 and at most 5000"))
            return found;
        if (auto found = check_text(product.unit, products[i] / "unit", "a unit like \"capsule\", \"tablet\" or \"scoop\""))
            return found;
    }
    return check_days(log.days);
}

// ---- the meaning: JSON to intake_log ---------------------------------------------------------

/// A short description of a JSON value for messages: "the number 12", "an array".
std::string found(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "found null";
        case json::value_t::boolean: return value.get<bool>() ? "found true" : "found false";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "found the number " + value.dump();
        case json::value_t::string: return "found the string " + shortened(value.dump());
        case json::value_t::array: return "found an array";
        case json::value_t::object: return "found an object";
        default: return "found a value of another kind";
    }
}

/// The fields an object of the format may have.
struct object_shape {
    std::string_view name;  ///< "an entry"
    std::span<const std::string_view> required;
    std::span<const std::string_view> optional{};
    std::string_view fields{};  ///< how the fields are described when the lists do not say it all
};

// The objects of version 1, with their fields in the canonical (written) order.
constexpr std::string_view log_required[] = {"format", "version", "profile", "days"};
constexpr std::string_view log_optional[] = {"custom_foods", "supplement_products"};
constexpr object_shape log_shape{"an mgcalc log", log_required, log_optional};
constexpr std::string_view profile_required[] = {"sex"};
constexpr std::string_view profile_optional[] = {"birth_date", "age",        "pregnancies",
                                                 "lactation",  "conditions", "medications"};
constexpr object_shape profile_shape{"a profile", profile_required, profile_optional};
constexpr std::string_view age_required[] = {"years", "on"};
constexpr object_shape age_shape{"a stated age", age_required};
constexpr std::string_view range_required[] = {"from", "to"};
constexpr object_shape range_shape{"a date range", range_required};
constexpr std::string_view food_required[] = {"id", "description", "magnesium_mg_per_100g"};
constexpr std::string_view food_optional[] = {"portions"};
constexpr object_shape food_shape{"a custom food", food_required, food_optional};
constexpr std::string_view portion_required[] = {"amount", "measure", "grams"};
constexpr object_shape portion_shape{"a portion", portion_required};
constexpr std::string_view product_required[] = {"id", "name", "compound", "elemental_mg_per_unit"};
constexpr std::string_view product_optional[] = {"unit"};
constexpr object_shape product_shape{"a supplement product", product_required, product_optional};
constexpr std::string_view day_required[] = {"date", "entries"};
constexpr object_shape day_shape{"a day", day_required};
// "item" and "amount" together, or "phrase" (food and supplement entries): checked in read_day.
constexpr std::string_view entry_required[] = {"kind"};
constexpr std::string_view entry_optional[] = {"item", "amount", "phrase", "time", "note"};
constexpr object_shape entry_shape{"an entry", entry_required, entry_optional,
                                   "kind, item and amount (or, for a food or supplement, phrase) and optionally time, note"};

std::string field_list(const object_shape& shape) {
    if (!shape.fields.empty()) return std::string(shape.fields);
    std::string out;
    for (std::string_view field : shape.required) {
        out += out.empty() ? "" : ", ";
        out += field;
    }
    if (shape.optional.size() > 0) {
        out += " and optionally ";
        bool first = true;
        for (std::string_view field : shape.optional) {
            out += first ? "" : ", ";
            out += field;
            first = false;
        }
    }
    return out;
}

class json_log_reader {
public:
    json_log_reader(std::string_view text, std::string_view origin) : text_(text), origin_(origin) {}

    [[noreturn]] void fail(const json_path& where, const std::string& message, bool at_key = false,
                           int occurrence = 1) const {
        std::string prefix(origin_);
        if (const auto offset = locate(text_, where, at_key, occurrence)) prefix = at_position(origin_, text_, *offset);
        throw error(errc::malformed_file, prefix + ": " + where.text() + ": " + message);
    }

    intake_log read(const json& root) const {
        const json_path top;
        if (!root.is_object())
            fail(top, found(root) + "; expected an mgcalc log, an object {\"format\": \"mgcalc-log\", \"version\": 1, ...}");
        // The format and version first: a later version's new fields are then reported as a
        // version mismatch, not as unknown fields.
        const auto format = root.find("format");
        if (format == root.end())
            fail(top, "missing the field \"format\"; expected \"format\": \"mgcalc-log\" (is this an mgcalc log?)");
        if (!format->is_string() || format->get_ref<const std::string&>() != format_name)
            fail(top / "format", found(*format) + "; expected \"mgcalc-log\" (is this an mgcalc log?)");
        const auto version = root.find("version");
        if (version == root.end())
            fail(top, "missing the field \"version\"; expected \"version\": 1");
        // A number equal to 1 (1.0 too, as JSON Schema compares numbers); a larger one is a later
        // version of the format, which this mgcalc cannot know the meaning of.
        if (!version->is_number())
            fail(top / "version", found(*version) + "; expected the number " + std::to_string(format_version));
        if (version->get<double>() > static_cast<double>(format_version))
            fail(top / "version", "version " + version->dump() + " is newer than this mgcalc reads; expected version " +
                                      std::to_string(format_version) + " (a newer mgcalc may read this file)");
        if (version->get<double>() != static_cast<double>(format_version))
            fail(top / "version", found(*version) + "; expected version " + std::to_string(format_version));

        check_fields(root, top, log_shape);

        intake_log log;
        log.person = read_profile(root.at("profile"), top / "profile");
        if (const auto foods = root.find("custom_foods"); foods != root.end()) {
            const json_path at = top / "custom_foods";
            const json& list = array(*foods, at, "an array of custom foods");
            for (std::size_t i = 0; i < list.size(); ++i) log.custom_foods.push_back(read_food(list[i], at[i]));
        }
        if (const auto products = root.find("supplement_products"); products != root.end()) {
            const json_path at = top / "supplement_products";
            const json& list = array(*products, at, "an array of supplement products");
            for (std::size_t i = 0; i < list.size(); ++i) log.products.push_back(read_product(list[i], at[i]));
        }
        const json_path days_at = top / "days";
        const json& days = array(root.at("days"), days_at, "an array of days");
        log.days.reserve(days.size());
        for (std::size_t i = 0; i < days.size(); ++i) log.days.push_back(read_day(days[i], days_at[i]));

        if (auto p = check_log(log)) fail(p->where, p->message);
        return log;
    }

private:
    std::string_view text_;
    std::string_view origin_;

    void check_fields(const json& object, const json_path& at, const object_shape& shape) const {
        auto known = [&](const std::string& key) {
            auto is = [&](std::string_view field) { return field == key; };
            return std::any_of(shape.required.begin(), shape.required.end(), is) ||
                   std::any_of(shape.optional.begin(), shape.optional.end(), is);
        };
        for (const auto& [key, value] : object.items()) {
            if (!known(key))
                fail(at / key, "unknown field in " + std::string(shape.name) + "; expected " + field_list(shape) +
                                   " (unknown fields are errors so that nothing is dropped; docs/log-format.md)",
                     true);
        }
        for (std::string_view field : shape.required) {
            if (!object.contains(field))
                fail(at, "missing the field \"" + std::string(field) + "\"; expected " + std::string(shape.name) +
                             " with " + field_list(shape));
        }
    }

    const json& object(const json& value, const json_path& at, const object_shape& shape) const {
        if (!value.is_object())
            fail(at, found(value) + "; expected " + std::string(shape.name) + ", an object with " + field_list(shape));
        check_fields(value, at, shape);
        return value;
    }

    const json& array(const json& value, const json_path& at, std::string_view expected) const {
        if (!value.is_array()) fail(at, found(value) + "; expected " + std::string(expected));
        return value;
    }

    const std::string& string(const json& value, const json_path& at, std::string_view expected) const {
        if (!value.is_string()) fail(at, found(value) + "; expected " + std::string(expected));
        return value.get_ref<const std::string&>();
    }

    double number(const json& value, const json_path& at, std::string_view expected) const {
        if (!value.is_number()) fail(at, found(value) + "; expected " + std::string(expected));
        return value.get<double>();
    }

    year_month_day date(const json& value, const json_path& at) const {
        const std::string& text = string(value, at, "a date string \"YYYY-MM-DD\", e.g. \"2026-11-20\"");
        try {
            return parse_date(text);
        } catch (const error& e) {
            fail(at, std::string(e.message()));
        }
    }

    std::vector<std::string> strings(const json& value, const json_path& at, std::string_view expected) const {
        const json& list = array(value, at, "an array of strings, each " + std::string(expected));
        std::vector<std::string> out;
        for (std::size_t i = 0; i < list.size(); ++i) out.push_back(string(list[i], at[i], expected));
        return out;
    }

    std::vector<date_range> ranges(const json& value, const json_path& at) const {
        const json& list = array(value, at, "an array of date ranges {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}");
        std::vector<date_range> out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json& range = object(list[i], at[i], range_shape);
            out.push_back({date(range.at("from"), at[i] / "from"), date(range.at("to"), at[i] / "to")});
        }
        return out;
    }

    profile read_profile(const json& value, const json_path& at) const {
        const json& fields = object(value, at, profile_shape);
        profile person;
        const std::string& sex_text = string(fields.at("sex"), at / "sex", "\"female\" or \"male\"");
        if (sex_text == "female")
            person.sex = sex::female;
        else if (sex_text == "male")
            person.sex = sex::male;
        else
            fail(at / "sex", found(fields.at("sex")) + "; expected \"female\" or \"male\"");
        if (const auto birth = fields.find("birth_date"); birth != fields.end())
            person.birth_date = date(*birth, at / "birth_date");
        if (const auto stated = fields.find("age"); stated != fields.end()) {
            const json& age_fields = object(*stated, at / "age", age_shape);
            person.age = stated_age{number(age_fields.at("years"), at / "age" / "years", "a number of years from 0 to 120"),
                                    date(age_fields.at("on"), at / "age" / "on")};
        }
        if (const auto list = fields.find("pregnancies"); list != fields.end())
            person.pregnancies = ranges(*list, at / "pregnancies");
        if (const auto list = fields.find("lactation"); list != fields.end())
            person.lactation = ranges(*list, at / "lactation");
        if (const auto list = fields.find("conditions"); list != fields.end())
            person.conditions = strings(*list, at / "conditions", "a condition like \"reduced-kidney-function\"");
        if (const auto list = fields.find("medications"); list != fields.end())
            person.medications = strings(*list, at / "medications", "a medication like \"bisphosphonate\"");
        return person;
    }

    food read_food(const json& value, const json_path& at) const {
        const json& fields = object(value, at, food_shape);
        food item;
        item.source = "log";
        item.id = string(fields.at("id"), at / "id", "a food id like \"my-protein-bar\"");
        item.description = string(fields.at("description"), at / "description", "a description of the food");
        const json& magnesium = fields.at("magnesium_mg_per_100g");
        if (!magnesium.is_null())
            item.magnesium_per_100g = milligrams::from_value(
                number(magnesium, at / "magnesium_mg_per_100g", "milligrams per 100 g, or null when unknown"));
        if (const auto list = fields.find("portions"); list != fields.end()) {
            const json& portions = array(*list, at / "portions", "an array of portions");
            for (std::size_t i = 0; i < portions.size(); ++i) {
                const json_path here = (at / "portions")[i];
                const json& part = object(portions[i], here, portion_shape);
                portion read;
                read.amount = number(part.at("amount"), here / "amount", "a number above 0, like 1 or 0.5");
                read.measure = string(part.at("measure"), here / "measure", "a household measure like \"cup\"");
                read.weight = grams::from_value(number(part.at("grams"), here / "grams", "grams above 0"));
                item.portions.push_back(std::move(read));
            }
        }
        return item;
    }

    supplement_product read_product(const json& value, const json_path& at) const {
        const json& fields = object(value, at, product_shape);
        supplement_product product{
            string(fields.at("id"), at / "id", "a product id like \"my-magtein\""),
            string(fields.at("name"), at / "name", "the product's name"),
            string(fields.at("compound"), at / "compound", "a compound id or alias like \"glycinate\""),
            milligrams::from_value(number(fields.at("elemental_mg_per_unit"), at / "elemental_mg_per_unit",
                                          "milligrams of elemental magnesium per unit")),
        };
        if (const auto unit = fields.find("unit"); unit != fields.end())
            product.unit = string(*unit, at / "unit", "a unit like \"capsule\", \"tablet\" or \"scoop\"");
        return product;
    }

    log_day read_day(const json& value, const json_path& at) const {
        const json& fields = object(value, at, day_shape);
        log_day day;
        day.date = date(fields.at("date"), at / "date");
        const json_path entries_at = at / "entries";
        const json& entries = array(fields.at("entries"), entries_at, "an array of entries");
        day.entries.reserve(entries.size());
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const json_path here = entries_at[i];
            const json& entry_fields = object(entries[i], here, entry_shape);
            log_entry entry;
            const json& kind = entry_fields.at("kind");
            const std::string& kind_text = string(kind, here / "kind", "an entry kind: " + std::string(expected_kinds));
            const auto parsed = parse_kind(kind_text);
            if (!parsed)
                fail(here / "kind", found(kind) + ", an unknown entry kind; expected " + std::string(expected_kinds) +
                                        " (unknown kinds are errors so that nothing is dropped)");
            entry.kind = *parsed;
            const auto item = entry_fields.find("item");
            const auto amount = entry_fields.find("amount");
            const auto phrase = entry_fields.find("phrase");
            if (phrase != entry_fields.end()) {
                if (entry.kind == log_entry_kind::product)
                    fail(here / "phrase", "is given for a product entry; expected \"item\" (the product id) and "
                                          "\"amount\" (a count) for a product");
                if (item != entry_fields.end() || amount != entry_fields.end())
                    fail(here / (item != entry_fields.end() ? "item" : "amount"),
                         "is given beside \"phrase\"; expected either \"phrase\" or \"item\" and \"amount\"");
                entry.phrase = string(*phrase, here / "phrase", "a string: " + std::string(expected_phrase));
            } else {
                if (item == entry_fields.end() || amount == entry_fields.end())
                    fail(here, "missing the field \"" + std::string(item == entry_fields.end() ? "item" : "amount") +
                                   "\"; expected " + std::string(entry_shape.name) + " with " + field_list(entry_shape));
                entry.item = string(*item, here / "item", "a string: " + std::string(expected_item));
                entry.amount = string(*amount, here / "amount", "a string: " + std::string(expected_amount));
            }
            if (const auto time = entry_fields.find("time"); time != entry_fields.end()) {
                const std::string& text = string(*time, here / "time", "a time string \"HH:MM\", e.g. \"08:00\"");
                try {
                    entry.time = parse_time_of_day(text);
                } catch (const error& e) {
                    fail(here / "time", std::string(e.message()));
                }
            }
            if (const auto note = entry_fields.find("note"); note != entry_fields.end())
                entry.note = string(*note, here / "note", "a string");
            day.entries.push_back(std::move(entry));
        }
        return day;
    }
};

// ---- writing JSON ----------------------------------------------------------------------------

void append_json_string(std::string& out, std::string_view text) {
    constexpr char digits[] = "0123456789abcdef";
    auto plain = [](char c) { return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20; };
    out += '"';
    std::size_t i = 0;
    while (i < text.size()) {
        // Runs of characters that need no escape are copied at once.
        const std::size_t run_start = i;
        while (i < text.size() && plain(text[i])) ++i;
        out.append(text.data() + run_start, i - run_start);
        if (i == text.size()) break;
        const char c = text[i++];
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:  // the other control characters U+0000-U+001F
                out += "\\u00";
                out += digits[(c >> 4) & 0xF];
                out += digits[c & 0xF];
        }
    }
    out += '"';
}

/// The shortest text that reads back as exactly `value`: integers without a decimal point
/// ("45"), others as std::to_chars writes them ("0.1", "1.5e-07"), on any standard library.
std::string json_number(double value) {
    if (value == 0.0) return "0";  // also -0.0
    if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0) {  // 2^53: exact integers
        char buffer[32];
        const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
        return std::string(buffer, result.ptr);
    }
    return detail::format_shortest(value);
}

/// Pretty-printed JSON in the canonical layout: 2-space indent, "key": value, one member or
/// element per line, empty arrays as [].
class json_writer {
public:
    std::string out;
    std::size_t values = 0;  ///< counted as the reader counts them, to keep within max_json_values

    void open(char bracket) {
        ++values;
        out += bracket;
        first_.push_back(true);
    }
    void close(char bracket) {
        const bool empty = first_.back();
        first_.pop_back();
        if (!empty) new_line();
        out += bracket;
    }
    /// Starts a member of the current object; write its value next.
    void key(std::string_view name) {
        next();
        append_json_string(out, name);
        out += ": ";
    }
    /// Starts an element of the current array.
    void next() {
        if (!first_.back()) out += ',';
        first_.back() = false;
        new_line();
    }
    void string(std::string_view text) {
        ++values;
        append_json_string(out, text);
    }
    void number(double value) {
        ++values;
        out += json_number(value);
    }
    void null() {
        ++values;
        out += "null";
    }

    void member(std::string_view name, std::string_view text) {
        key(name);
        string(text);
    }
    void member_number(std::string_view name, double value) {
        key(name);
        number(value);
    }

private:
    std::vector<bool> first_;
    void new_line() {
        out += '\n';
        out.append(2 * first_.size(), ' ');
    }
};

[[noreturn]] void throw_too_many_values(std::size_t values) {
    throw error(errc::malformed_file, "cannot write the log: it would have " + std::to_string(values) +
                                          " JSON values, more than the " + std::to_string(max_json_values) +
                                          " mgcalc reads; expected a smaller log (split it, e.g. by year)");
}

/// The number of JSON values to_log_json writes for `log`, as dom_builder counts them (every
/// scalar, array and object).
std::size_t json_value_count(const intake_log& log) {
    const profile& p = log.person;
    auto list = [](std::size_t size, std::size_t per_item) { return size == 0 ? 0 : 1 + size * per_item; };
    std::size_t count = 5;  // the log, format, version, profile, sex
    count += (p.birth_date ? 1 : 0) + (p.age ? 3 : 0);
    count += list(p.pregnancies.size(), 3) + list(p.lactation.size(), 3);
    count += list(p.conditions.size(), 1) + list(p.medications.size(), 1);
    if (!log.custom_foods.empty()) {
        ++count;
        for (const food& item : log.custom_foods) count += 4 + list(item.portions.size(), 4);
    }
    count += list(log.products.size(), 6);
    ++count;  // days
    for (const log_day& day : log.days) {
        count += 3;  // the day, date, entries
        for (const log_entry& entry : day.entries) {
            // The entry, kind, then item and amount, or the phrase in their place.
            count += (entry.phrase.empty() ? 4 : 3) + (entry.time ? 1 : 0) + (entry.note.empty() ? 0 : 1);
        }
    }
    return count;
}

void write_ranges(json_writer& w, std::string_view name, const std::vector<date_range>& ranges) {
    if (ranges.empty()) return;
    w.key(name);
    w.open('[');
    for (const date_range& range : ranges) {
        w.next();
        w.open('{');
        w.member("from", to_string(range.from));
        w.member("to", to_string(range.to));
        w.close('}');
    }
    w.close(']');
}

void write_strings(json_writer& w, std::string_view name, const std::vector<std::string>& list) {
    if (list.empty()) return;
    w.key(name);
    w.open('[');
    for (const std::string& text : list) {
        w.next();
        w.string(text);
    }
    w.close(']');
}

// ---- CSV -------------------------------------------------------------------------------------

constexpr std::string_view csv_header = "date,time,kind,item,amount,measure,note";
constexpr std::string_view csv_columns[] = {"date", "time", "kind", "item", "amount", "measure", "note"};

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
void append_csv_field(std::string& out, std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

/// Splits an entry's amount into the CSV's amount and measure columns: the leading number words
/// ("1 1/2") and the rest ("cups"), only when joining them with one space gives the text back;
/// otherwise all of it goes in the amount column.
std::pair<std::string_view, std::string_view> split_amount(std::string_view amount) {
    std::size_t end = 0;  // end of the number words
    std::size_t pos = 0;
    while (pos < amount.size()) {
        const char c = amount[pos];
        if (!((c >= '0' && c <= '9') || c == '.')) break;
        const std::size_t space = amount.find(' ', pos);
        end = space == std::string_view::npos ? amount.size() : space;
        pos = space == std::string_view::npos ? amount.size() : space + 1;
    }
    if (end == 0 || end == amount.size()) return {amount, {}};
    const std::string_view number = amount.substr(0, end), measure = amount.substr(end + 1);
    if (measure.empty() || detail::trim(measure) != measure || detail::trim(number) != number) return {amount, {}};
    return {number, measure};
}

}  // namespace

// ---- public functions ------------------------------------------------------------------------

intake_log parse_log_json(std::string_view text, std::string_view origin) {
    constexpr std::string_view what = "a JSON mgcalc log";
    check_bytes(text, origin, what);
    const json_log_reader reader(text, origin);
    {
        const std::string_view content = detail::trim(text.substr(0, 3) == utf8_bom ? text.substr(3) : text);
        if (content.empty())
            throw error(errc::malformed_file, std::string(origin) + ":1:1: the input is empty; expected " +
                                                  std::string(what) +
                                                  ", an object {\"format\": \"mgcalc-log\", \"version\": 1, ...}");
    }
    dom_builder builder;
    bool parsed = false;
    try {
        parsed = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
    } catch (const json::exception& e) {  // not expected: the builder reports through its result
        throw error(errc::malformed_file, std::string(origin) + ": " + e.what() + "; expected " + std::string(what));
    }
    if (!parsed) {
        const parse_failure& failure = builder.failure ? *builder.failure : parse_failure{0, {}, false, 1, "not JSON"};
        if (failure.offset)
            throw error(errc::malformed_file, at_position(origin, text, *failure.offset) + ": " + failure.message +
                                                  " (" + std::string(what) + " is JSON; docs/log-format.md)");
        reader.fail(failure.path, failure.message, failure.at_key, failure.occurrence);
    }
    return reader.read(builder.root);
}

std::string to_log_json(const intake_log& log) {
    // Counted before anything else: a log too large to read back is refused without writing it.
    if (const std::size_t values = json_value_count(log); values > max_json_values) throw_too_many_values(values);
    if (auto p = check_log(log))
        throw error(errc::malformed_file, "cannot write the log: " + p->where.text() + ": " + p->message);
    json_writer w;
    w.open('{');
    w.member("format", format_name);
    w.member_number("version", static_cast<double>(format_version));

    const profile& person = log.person;
    w.key("profile");
    w.open('{');
    w.member("sex", to_string(person.sex));
    if (person.birth_date) w.member("birth_date", to_string(*person.birth_date));
    if (person.age) {
        w.key("age");
        w.open('{');
        w.member_number("years", person.age->years);
        w.member("on", to_string(person.age->on));
        w.close('}');
    }
    write_ranges(w, "pregnancies", person.pregnancies);
    write_ranges(w, "lactation", person.lactation);
    write_strings(w, "conditions", person.conditions);
    write_strings(w, "medications", person.medications);
    w.close('}');

    if (!log.custom_foods.empty()) {
        w.key("custom_foods");
        w.open('[');
        for (const food& item : log.custom_foods) {
            w.next();
            w.open('{');
            w.member("id", item.id);
            w.member("description", item.description);
            w.key("magnesium_mg_per_100g");
            if (item.magnesium_per_100g)
                w.number(item.magnesium_per_100g->value());
            else
                w.null();
            if (!item.portions.empty()) {
                w.key("portions");
                w.open('[');
                for (const portion& part : item.portions) {
                    w.next();
                    w.open('{');
                    w.member_number("amount", part.amount);
                    w.member("measure", part.measure);
                    w.member_number("grams", part.weight.value());
                    w.close('}');
                }
                w.close(']');
            }
            w.close('}');
        }
        w.close(']');
    }

    if (!log.products.empty()) {
        w.key("supplement_products");
        w.open('[');
        for (const supplement_product& product : log.products) {
            w.next();
            w.open('{');
            w.member("id", product.id);
            w.member("name", product.name);
            w.member("compound", product.compound);
            w.member_number("elemental_mg_per_unit", product.elemental_per_unit.value());
            w.member("unit", product.unit);
            w.close('}');
        }
        w.close(']');
    }

    w.key("days");
    w.open('[');
    for (const log_day& day : log.days) {
        w.next();
        w.open('{');
        w.member("date", to_string(day.date));
        w.key("entries");
        w.open('[');
        for (const log_entry& entry : day.entries) {
            w.next();
            w.open('{');
            w.member("kind", kind_name(entry.kind));
            if (!entry.phrase.empty()) {
                w.member("phrase", entry.phrase);
            } else {
                w.member("item", entry.item);
                w.member("amount", entry.amount);
            }
            if (entry.time) w.member("time", to_string(*entry.time));
            if (!entry.note.empty()) w.member("note", entry.note);
            w.close('}');
        }
        w.close(']');
        w.close('}');
    }
    w.close(']');
    w.close('}');
    w.out += '\n';
    if (w.out.size() > max_input_bytes) throw_too_large_to_write(w.out.size(), "JSON");
    // json_value_count() must agree with what was written (checked in the tests' debug builds); the
    // limit is checked again in case it ever does not.
    assert(w.values == json_value_count(log));
    if (w.values > max_json_values) throw_too_many_values(w.values);
    return std::move(w.out);
}

namespace {

/// The whole of a log file, refused before it grows past the input limit.
std::string read_log_file(const std::string& path, std::string_view what) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        throw error(errc::malformed_file, path + ": is a folder; expected an " + std::string(what));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw error(errc::malformed_file,
                    path + ": cannot open the file; expected a readable " + std::string(what) + " at this path");
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_input_bytes) throw_too_large(path, "an " + std::string(what));
    }
    if (in.bad()) throw error(errc::malformed_file, path + ": cannot read the file; expected a readable " + std::string(what));
    return text;
}

}  // namespace

intake_log load_log(const std::string& path) { return parse_log_json(read_log_file(path, "mgcalc log file (JSON)"), path); }

void load_log_csv(const std::string& path, intake_log& log) {
    parse_log_csv(read_log_file(path, "mgcalc CSV entry file"), log, path);
}

log_format log_file_format(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[64] = {};
    in.read(head, sizeof head);
    std::string_view start(head, static_cast<std::size_t>(in.gcount()));
    if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);  // a byte order mark
    while (!start.empty() && (start.front() == ' ' || start.front() == '\t' || start.front() == '\r' || start.front() == '\n'))
        start.remove_prefix(1);
    if (start.empty() || start.front() == '{') return log_format::json;
    const std::string lower = detail::to_lower(start);
    return lower.starts_with("date,") || lower.find(",date,") != std::string::npos || lower.starts_with("time,") ||
                   lower.starts_with("kind,")
               ? log_format::csv
               : log_format::json;
}

void save_log(const intake_log& log, const std::string& path) {
    namespace fs = std::filesystem;
    const std::string text = to_log_json(log);  // throws before any file is touched
    // Written next to the target and renamed over it, so that a failed write (a full disk) never
    // leaves a log cut short. A symbolic link is followed: the file it points to is replaced.
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw error(errc::malformed_file, path + ": is a folder; expected a file path for the log");
    fs::path target = path;
    if (fs::is_symlink(target, ec)) {
        const fs::path resolved = fs::weakly_canonical(target, ec);
        if (!ec) target = resolved;
    }
    const fs::path temporary = target.string() + ".mgcalc-saving";
    auto fail = [&](const std::string& why) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw error(errc::malformed_file, path + ": " + why);
    };
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) fail("cannot write the file; expected a writable path for the log (does the folder exist?)");
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) fail("writing the file failed (is the disk full?); the previous file is unchanged");
    }
    // Keep the permissions of the file being replaced.
    if (const fs::file_status status = fs::status(target, ec); !ec && fs::exists(status))
        fs::permissions(temporary, status.permissions(), ec);
    fs::rename(temporary, target, ec);
    if (ec) fail("cannot replace the file (" + ec.message() + "); the previous file is unchanged");
}

void parse_log_csv(std::string_view text, intake_log& log, std::string_view origin) {
    constexpr std::string_view what = "a CSV of log entries";
    check_bytes(text, origin, what);
    auto csv = detail::csv_reader::from_text(text, std::string(origin));
    const std::string header_place = std::string(origin) + ":" + std::to_string(std::max<std::size_t>(csv.header_line(), 1));
    const std::vector<std::string>& names = csv.column_names();
    if (names.empty())
        throw error(errc::malformed_file, header_place + ": the input is empty; expected the header " +
                                              std::string(csv_header) + " and one row per entry");
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string name = detail::to_lower(names[i]);
        const bool known = std::find(std::begin(csv_columns), std::end(csv_columns), name) != std::end(csv_columns);
        if (!known)
            throw error(errc::malformed_file,
                        header_place + ": " + csv.field_label(i) +
                            (names[i].empty() ? ": a column without a name" : ": unknown column") +
                            "; expected only the columns " + std::string(csv_header) +
                            " (unknown columns are errors so that nothing is dropped)");
        for (std::size_t k = 0; k < i; ++k)
            if (detail::to_lower(names[k]) == name)
                throw error(errc::malformed_file, header_place + ": " + csv.field_label(i) +
                                                      ": the column appears twice; expected each column once");
    }
    csv.require_columns({"date", "kind", "item", "amount"});
    const std::size_t date_column = csv.column("date"), kind_column = csv.column("kind"),
                      item_column = csv.column("item"), amount_column = csv.column("amount");
    const std::optional<std::size_t> time_column = csv.find_column("time"), measure_column = csv.find_column("measure"),
                                     note_column = csv.find_column("note");

    std::vector<dated_entry> rows;
    while (csv.next()) {
        if (csv.size() > names.size())
            csv.fail("the record has " + std::to_string(csv.size()) + " fields; expected at most " +
                     std::to_string(names.size()) + ", one per header column (quote a field that holds a comma)");
        auto field = [&](std::optional<std::size_t> column) -> std::string_view {
            if (!column) return {};
            const auto value = csv.optional_field(*column);
            return value ? detail::trim(*value) : std::string_view{};
        };
        bool blank = true;
        for (std::size_t i = 0; i < csv.size(); ++i) blank = blank && field(i).empty();
        if (blank) continue;  // a row of empty cells, as spreadsheets export them

        const std::string_view date_text = field(date_column);
        if (date_text.empty()) csv.fail(date_column, "is empty; expected a date YYYY-MM-DD, e.g. 2026-11-20");
        year_month_day date{};
        try {
            date = parse_date(date_text);
        } catch (const error& e) {
            csv.fail(date_column, std::string(e.message()));
        }
        log_entry entry;
        if (const std::string_view time_text = field(time_column); !time_text.empty()) {
            try {
                entry.time = parse_time_of_day(time_text);
            } catch (const error& e) {
                csv.fail(*time_column, std::string(e.message()));
            }
        }
        const std::string_view kind_text = field(kind_column);
        const auto kind = parse_kind(kind_text);
        if (!kind)
            csv.fail(kind_column, (kind_text.empty() ? std::string("is empty") : "'" + std::string(kind_text) + "' is not an entry kind") +
                                      "; expected food, supplement or product");
        entry.kind = *kind;
        entry.item = std::string(field(item_column));
        if (entry.item.empty()) csv.fail(item_column, "is empty; expected " + std::string(expected_item));
        entry.amount = std::string(field(amount_column));
        const std::string_view measure = field(measure_column);
        if (entry.amount.empty() && measure.empty() && entry.kind != log_entry_kind::product) {
            // A food or supplement typed whole in the item cell: "1 cup black beans".
            entry.phrase = std::move(entry.item);
            entry.item.clear();
        } else if (entry.amount.empty()) {
            csv.fail(amount_column, "is empty; expected " + std::string(expected_amount) +
                                        " (or, for a food or a supplement, the whole entry in the item column)");
        } else if (!measure.empty()) {
            entry.amount += ' ';
            entry.amount += measure;
        }
        entry.note = std::string(field(note_column));
        rows.push_back(dated_entry{date, std::move(entry)});
    }

    // The file may be in any order: entries of one date keep the file's order and follow the
    // day's existing entries.
    add_entries(log, std::move(rows));
}

std::string to_log_csv(const intake_log& log) {
    if (auto p = check_days(log.days))
        throw error(errc::malformed_file, "cannot write the log: " + p->where.text() + ": " + p->message);
    std::string out(csv_header);
    out += '\n';
    for (const log_day& day : log.days) {
        const std::string date = to_string(day.date);
        for (const log_entry& entry : day.entries) {
            const auto [amount, measure] = split_amount(entry.amount);
            out += date;
            out += ',';
            if (entry.time) out += to_string(*entry.time);
            out += ',';
            out += kind_name(entry.kind);
            out += ',';
            append_csv_field(out, entry.phrase.empty() ? entry.item : entry.phrase);
            out += ',';
            append_csv_field(out, amount);
            out += ',';
            append_csv_field(out, measure);
            out += ',';
            append_csv_field(out, entry.note);
            out += '\n';
        }
    }
    if (out.size() > max_input_bytes) throw_too_large_to_write(out.size(), "CSV");
    return out;
}

}  // namespace mgcalc
