// The JSON log reader (mgcalc/io/log_json.hpp; docs/log-format.md), in three steps:
//   1. the bytes: at most 64 MiB, UTF-8, no NUL byte (a binary file is refused before parsing);
//   2. the syntax: nlohmann-json's SAX parser feeds a builder that also refuses nesting deeper
//      than 64, more than 4 Mi values and duplicate keys (nlohmann would keep the last duplicate
//      silently, which would drop data);
//   3. the meaning: the days, nearly all of a log, are read from the parser's events as they come
//      (day_events), without a tree; the rest (format, version, profile, custom foods, products)
//      is a small tree, converted field by field (unknown fields and kinds are errors). Then the
//      log is checked as a whole (dates in order, ids unique, amounts non-empty) by the same check
//      that to_log_json runs before writing, so mgcalc never writes what it would refuse.
// The first error is the one a reader of the whole tree meets first: a syntax error anywhere,
// then the document's own fields, the profile, the custom foods, the products, the days in order,
// and last the check of the whole log. A day that day_events refuses is parsed again from its text
// as a tree and read by read_day, which says what is wrong; a valid day never becomes a tree.
// Errors carry the file, line, column and JSON path as fields of mgcalc::error, and the value at
// fault as its input. Positions are not recorded while parsing: on an error, the path is looked up
// again in the text (locate()), so a valid log costs nothing extra. A file is streamed
// (stream_log_json_file) and read whole only when it has an error.
//
// nlohmann-json is private to the library here.
#include <mgcalc/error.hpp>
#include <mgcalc/io/log_json.hpp>

#include "detail/text.hpp"
#include "detail/utf8.hpp"
#include "io/json_path.hpp"
#include "io/log_check.hpp"
#include "io/log_input.hpp"
#include "io/log_json_format.hpp"
#include "io/log_json_read.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc {

namespace {

using json = nlohmann::json;
constexpr std::string_view bom = detail::utf8::byte_order_mark;
using detail::json_path;
using detail::path_step;
using detail::shortened;
using detail::expected_amount;
using detail::expected_item;
using detail::expected_kinds;
using detail::expected_phrase;
using detail::format_name;
using detail::format_version;
using detail::max_json_values;
using detail::max_nesting;

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
    std::size_t pos = skip_space(text, text.starts_with(bom) ? bom.size() : 0);
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


/// The scalar value (or key) that starts at `pos`, as the user gave it: a string's text without
/// its quotes and escapes, a number, true, false or null as written; empty for an array or object.
std::string scalar_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || text[pos] == '{' || text[pos] == '[') return {};
    const std::size_t end = skip_value(text, pos);
    const std::string_view token = text.substr(pos, end == std::string_view::npos ? text.size() - pos : end - pos);
    if (token.front() != '"') return std::string(token);
    try {
        return json::parse(token).get<std::string>();
    } catch (const json::exception&) {
        return std::string(token);
    }
}

// ---- the syntax: a tree of each day, with limits ------------------------------------------

/// Where and why parsing stopped.
struct parse_failure {
    std::optional<std::size_t> offset;  ///< from nlohmann-json, for syntax errors
    json_path path;                     ///< for the builder's own refusals
    bool at_key = false;
    int occurrence = 1;
    std::string message;
};

/// Whether two short strings are the same, compared in line: the keys of an entry are compared
/// millions of times in a long log, and a call to memcmp costs more than the comparison.
constexpr bool same(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

/// The keys of one object, for refusing a second use of one: a few compared one by one (an entry
/// has at most six), more in a set, so that a hostile object of a million keys costs no more
/// than in a tree. Cleared for the next object, it keeps its strings and their room.
class key_set {
public:
    /// False when `key` is already there.
    bool insert(const std::string& key) {
        if (many_.empty()) {
            for (std::size_t i = 0; i < count_; ++i)
                if (same(few_[i], key)) return false;
            if (count_ < 16) {
                if (count_ < few_.size())
                    few_[count_].assign(key);
                else
                    few_.push_back(key);
                ++count_;
                return true;
            }
            many_.insert(few_.begin(), few_.begin() + static_cast<std::ptrdiff_t>(count_));
        }
        return many_.insert(key).second;
    }
    void clear() noexcept {
        count_ = 0;
        many_.clear();
    }

private:
    std::vector<std::string> few_;
    std::size_t count_ = 0;  ///< of few_, the keys of this object
    std::set<std::string> many_;
};

/// Reads the days of a log from SAX events, without a tree: a day, its entries array and each
/// entry are read as their events come. It accepts exactly the days that
/// json_log_reader::read_day accepts, and reads them the same, but says nothing about the others:
/// for a day it refuses, the tree of that day gives the message (day_reader).
class day_events {
public:
    /// The day that has just ended: empty when it is not a valid day.
    std::optional<log_day> take() {
        std::optional<log_day> day;
        if (!refused_ && place_ == place::ended) {
            day.emplace(log_day{date_, {}});
            // Exactly as many: grown one by one, a day would keep room for up to twice its entries.
            day->entries.reserve(entries_.size());
            std::move(entries_.begin(), entries_.end(), std::back_inserter(day->entries));
        }
        // The room of a day of ordinary size is kept for the next day; that of a huge one is not
        // kept while the rest of the log is read.
        if (entries_.capacity() > 4096)
            entries_ = std::vector<log_entry>();
        else
            entries_.clear();
        refused_ = false;
        place_ = place::before;
        return day;
    }

    void open(bool is_array) {
        if (refused_) return;
        if (!is_array && place_ == place::before) {
            place_ = place::day;
            has_date_ = has_entries_ = false;
        } else if (!is_array && place_ == place::entries) {
            place_ = place::entry;
            entry_ = log_entry{};
            fields_ = 0;
        } else if (is_array && place_ == place::day && field_ == field::entries) {
            place_ = place::entries;
            has_entries_ = true;
        } else {
            refused_ = true;
        }
    }

    void close() {
        if (refused_) return;
        if (place_ == place::entry) {
            finish_entry();
            if (!refused_) place_ = place::entries;
        } else if (place_ == place::entries) {
            place_ = place::day;
        } else if (place_ == place::day) {
            if (!has_date_ || !has_entries_) refused_ = true;
            place_ = place::ended;
        }
    }

    void key(std::string_view name) {
        if (refused_) return;
        field_ = place_ == place::day ? day_field(name) : entry_field(name);
        if (field_ == field::other) refused_ = true;  // an unknown field
    }

    /// A scalar: `text` is its text for a string, null for a number, true, false or null, which
    /// no field of a day or an entry may be.
    void scalar(std::string* text) {
        if (refused_) return;
        if (text == nullptr || place_ == place::before || place_ == place::entries) {
            refused_ = true;  // not a string, or in place of a day or an entry
            return;
        }
        if (place_ == place::day) {
            if (field_ != field::date) {
                refused_ = true;
                return;
            }
            try {
                date_ = parse_date(*text);
            } catch (const error&) {
                refused_ = true;
            }
            has_date_ = true;
            return;
        }
        fields_ |= 1u << static_cast<unsigned>(field_);
        switch (field_) {
            case field::kind: kind_ = *text; break;
            case field::item: entry_.item = *text; break;
            case field::amount: entry_.amount = *text; break;
            case field::phrase: entry_.phrase = *text; break;
            case field::time: time_ = *text; break;
            case field::note: entry_.note = *text; break;
            default: refused_ = true;
        }
    }

private:
    // The fields of a day (day_shape) and of an entry (entry_shape).
    enum class field : unsigned { kind, item, amount, phrase, time, note, date, entries, other };
    enum class place { before, day, entries, entry, ended };

    static field day_field(std::string_view name) noexcept {
        if (same(name, "date")) return field::date;
        if (same(name, "entries")) return field::entries;
        return field::other;
    }
    static field entry_field(std::string_view name) noexcept {
        if (same(name, "kind")) return field::kind;
        if (same(name, "item")) return field::item;
        if (same(name, "amount")) return field::amount;
        if (same(name, "phrase")) return field::phrase;
        if (same(name, "time")) return field::time;
        if (same(name, "note")) return field::note;
        return field::other;
    }

    bool has(field f) const noexcept { return (fields_ & (1u << static_cast<unsigned>(f))) != 0; }

    /// What read_day requires of an entry beyond its fields being strings.
    void finish_entry() {
        const auto kind = has(field::kind) ? detail::parse_kind(kind_) : std::nullopt;
        if (!kind) {
            refused_ = true;
            return;
        }
        entry_.kind = *kind;
        if (has(field::phrase)) {
            if (*kind == log_entry_kind::product || has(field::item) || has(field::amount)) refused_ = true;
        } else if (!has(field::item) || !has(field::amount)) {
            refused_ = true;
        }
        if (has(field::time)) {
            try {
                entry_.time = parse_time_of_day(time_);
            } catch (const error&) {
                refused_ = true;
            }
        }
        if (!refused_) entries_.push_back(std::move(entry_));
    }

    place place_ = place::before;
    field field_ = field::other;
    bool refused_ = false;
    bool has_date_ = false;
    bool has_entries_ = false;
    year_month_day date_{};
    std::vector<log_entry> entries_;  ///< of the day being read; reused, so its room is kept
    log_entry entry_;
    unsigned fields_ = 0;  ///< the entry's fields seen, one bit per `field`
    std::string kind_;
    std::string time_;
};

/// Builds the log's tree from SAX events, refusing duplicate keys, nesting deeper than
/// max_nesting and more than max_json_values values in the whole input. The elements of the
/// log's "days" array are not built: their events go to day_events, and each day is handed to
/// `on_day(day, index)` when it ends (empty when day_events refused it), so that memory holds the
/// days as the log holds them, not as a tree (which takes about eight times the text: 490 MiB for
/// a 61 MiB log). "days" itself stays in the tree as an empty array. `on_day` returns false to
/// stop parsing.
template <class OnDay>
class log_builder final : public nlohmann::json_sax<json> {
public:
    explicit log_builder(OnDay& on_day) : on_day_(on_day) {}

    json root;
    std::optional<parse_failure> failure;

    bool null() override { return scalar(nullptr, [] { return json(nullptr); }); }
    bool boolean(bool value) override { return scalar(nullptr, [&] { return json(value); }); }
    bool number_integer(number_integer_t value) override { return scalar(nullptr, [&] { return json(value); }); }
    bool number_unsigned(number_unsigned_t value) override { return scalar(nullptr, [&] { return json(value); }); }
    bool number_float(number_float_t value, const string_t&) override {
        return scalar(nullptr, [&] { return json(value); });
    }
    bool string(string_t& value) override { return scalar(&value, [&] { return json(std::move(value)); }); }
    bool binary(binary_t&) override {  // never produced by the JSON text parser
        return stop(path_of_new_value(), "binary data; expected JSON text");
    }

    bool start_object(std::size_t) override { return open(false); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        frame& top = stack_[depth_ - 1];
        const bool repeated = top.container != nullptr ? top.container->contains(name) : !top.keys.insert(name);
        if (repeated) {
            failure = parse_failure{std::nullopt, path_of_container() / name, true, 2,
                                    "the field \"" + name +
                                        "\" appears twice in this object; expected each field once "
                                        "(a second value would silently replace the first)"};
            return false;
        }
        if (top.container == nullptr) day_.key(name);
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
        json* container = nullptr;  ///< in the tree; null within a day
        bool is_array = false;
        bool days = false;          ///< the log's "days": its elements are days, not in the tree
        std::size_t size = 0;       ///< the elements so far, in an array
        std::string key;            ///< the key of the value being read, in an object
        key_set keys;               ///< within a day, an object's keys so far
    };
    OnDay& on_day_;
    day_events day_;
    // Frames are reused (depth_ of them are open), so that their strings and key sets keep their
    // room from one entry to the next.
    std::vector<frame> stack_;
    std::size_t depth_ = 0;
    std::size_t values_ = 0;

    /// Whether the value being read is within a day (or is one).
    bool within_day() const noexcept {
        return depth_ > 0 && (stack_[depth_ - 1].container == nullptr || stack_[depth_ - 1].days);
    }

    /// The path of the innermost open array or object.
    json_path path_of_container() const {
        json_path path;
        for (std::size_t i = 0; i + 1 < depth_; ++i) {
            const frame& f = stack_[i];
            if (f.is_array)
                path = path[f.size - 1];  // the open child is the last element
            else
                path = path / f.key;
        }
        return path;
    }

    /// The path of the value about to be read.
    json_path path_of_new_value() const {
        if (depth_ == 0) return {};
        const frame& top = stack_[depth_ - 1];
        return top.is_array ? path_of_container()[top.size] : path_of_container() / top.key;
    }

    bool stop(json_path path, std::string message) {
        failure = parse_failure{std::nullopt, std::move(path), false, 1, std::move(message)};
        return false;
    }

    /// Puts a value into the tree, where it is not within a day.
    json* insert(json&& value) {
        if (depth_ == 0) {
            root = std::move(value);
            return &root;
        }
        frame& top = stack_[depth_ - 1];
        if (top.is_array) {
            top.container->push_back(std::move(value));
            return &top.container->back();
        }
        json& slot = (*top.container)[top.key];
        slot = std::move(value);
        return &slot;
    }

    /// Counts a new value, which is the next element of an open array.
    bool count() {
        if (++values_ > max_json_values)
            return stop(path_of_new_value(), "more than " + std::to_string(max_json_values) +
                                                 " JSON values; expected a log of at most that many (split it)");
        return true;
    }

    void added() noexcept {
        if (depth_ > 0 && stack_[depth_ - 1].is_array) ++stack_[depth_ - 1].size;
    }

    /// After a value: a day that has ended goes to on_day.
    bool ended() {
        if (depth_ == 0 || !stack_[depth_ - 1].days) return true;
        return on_day_(day_.take(), stack_[depth_ - 1].size - 1);
    }

    template <class Make>
    bool scalar(std::string* text, Make make) {
        if (!count()) return false;
        if (within_day())
            day_.scalar(text);
        else
            insert(make());
        added();
        return ended();
    }

    bool open(bool is_array) {
        if (!count()) return false;
        if (depth_ >= max_nesting)
            return stop(path_of_new_value(), "arrays and objects nested more than " + std::to_string(max_nesting) +
                                                 " levels deep; expected an mgcalc log (5 levels at most)");
        json* container = nullptr;
        bool days = false;
        if (within_day()) {
            day_.open(is_array);
        } else {
            days = depth_ == 1 && is_array && !stack_[0].is_array && stack_[0].key == "days";
            container = insert(is_array ? json::array() : json::object());
        }
        added();
        if (depth_ == stack_.size()) stack_.emplace_back();
        frame& f = stack_[depth_++];
        f.container = container;
        f.is_array = is_array;
        f.days = days;
        f.size = 0;
        f.key.clear();
        f.keys.clear();
        return true;
    }

    bool close() {
        --depth_;
        if (within_day()) day_.close();
        return ended();
    }
};


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
constexpr std::string_view profile_optional[] = {"birth_date",  "age",         "pregnancies",   "lactation",
                                                 "conditions",  "medications", "infant_feeding", "authority"};
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

/// The days as the builder hands them over, each read when it ends. The first day that is not a
/// valid day is kept as its error and the rest only parsed: read() throws it after the checks that
/// come before the days (format, version, profile, custom foods, products), and a syntax error
/// anywhere in the text comes before it, as when the whole tree was built first.
struct read_days {
    std::vector<log_day> days;
    std::optional<error> failure;
};

class json_log_reader {
public:
    json_log_reader(std::string_view text, std::string_view origin) : text_(text), origin_(origin) {}

    /// Throws malformed_file at `where`: its file, line and column (when the path leads to a place
    /// in the text), its JSON path, and the value there as the input at fault.
    [[noreturn]] void fail(const json_path& where, const std::string& message, bool at_key = false,
                           int occurrence = 1) const {
        error_location at{.file = std::string(origin_)};
        std::string input;
        if (const auto offset = locate(text_, where, at_key, occurrence)) {
            at = detail::position(origin_, text_, *offset);
            input = scalar_at(text_, *offset);
        }
        at.json_path = where.text();
        throw error(errc::malformed_file, message, std::move(at), std::move(input));
    }

    /// The tree of the value at `where`, parsed again from the text (which must lead there).
    json tree_at(const json_path& where) const {
        const std::size_t start = locate(text_, where).value();
        const std::size_t end = skip_value(text_, start);
        return json::parse(text_.substr(start, end == std::string_view::npos ? text_.size() - start : end - start));
    }

    /// The log whose tree is `root`, with the days read from it while parsing (its "days" is an
    /// empty array when they were an array).
    intake_log read(const json& root, read_days&& read) const {
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
        (void)array(root.at("days"), days_at, "an array of days");
        if (read.failure) throw *read.failure;
        log.days = std::move(read.days);

        if (auto p = detail::check_log(log)) fail(p->where, p->message);
        return log;
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
            const auto parsed = detail::parse_kind(kind_text);
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
        if (const auto word = fields.find("infant_feeding"); word != fields.end()) {
            const std::string& text = string(*word, at / "infant_feeding", "\"breast-fed\" or \"formula-fed\"");
            const result<infant_feeding> feeding = try_parse_infant_feeding(text);
            if (!feeding) fail(at / "infant_feeding", found(*word) + "; expected \"breast-fed\" or \"formula-fed\"");
            person.infant_feeding = *feeding;
        }
        if (const auto word = fields.find("authority"); word != fields.end()) {
            const std::string& text = string(*word, at / "authority", "one of \"iom\", \"efsa\", \"who\", \"uk\", \"dach\", \"anz\"");
            const result<authority> chosen = try_parse_authority(text);
            if (!chosen) {
                fail(at / "authority",
                     found(*word) + "; expected one of \"iom\", \"efsa\", \"who\", \"uk\", \"dach\", \"anz\"");
            }
            person.authority = *chosen;
        }
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
};


/// Takes each day as the builder hands it over. A day that day_events refused is read again from
/// its tree, parsed from its text, for the message of its error (or, should day_events have
/// refused a valid day, for the day). A streamed file has no text: it stops at such a day
/// (`stop_at_refusal`), and is then read again as a whole (detail::stream_log_json_file).
class day_reader {
public:
    day_reader(const json_log_reader& reader, bool stop_at_refusal) : reader_(reader), stop_(stop_at_refusal) {}
    read_days result;

    bool operator()(std::optional<log_day>&& day, std::size_t index) {
        if (result.failure) return true;  // the days after an invalid one are only parsed
        if (day) {
            result.days.push_back(std::move(*day));
            return true;
        }
        if (stop_) return false;
        const json_path at = json_path{} / "days";
        try {
            result.days.push_back(reader_.read_day(reader_.tree_at(at[index]), at[index]));
        } catch (const error& e) {
            result.failure = e;
            result.days.clear();
        }
        return true;
    }

private:
    const json_log_reader& reader_;
    bool stop_;
};

}  // namespace

intake_log parse_log_json(std::string_view text, std::string_view origin) {
    constexpr std::string_view what = "a JSON mgcalc log";
    detail::check_bytes(text, origin, what);
    const json_log_reader reader(text, origin);
    {
        const std::string_view content = detail::trim(text.starts_with(bom) ? text.substr(bom.size()) : text);
        if (content.empty())
            throw error(errc::malformed_file,
                        "the input is empty; expected " + std::string(what) +
                            ", an object {\"format\": \"mgcalc-log\", \"version\": 1, ...}",
                        {.file = std::string(origin), .line = 1, .column = 1});
    }
    day_reader days(reader, false);
    log_builder builder(days);
    bool parsed = false;
    try {
        parsed = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
    } catch (const json::exception& e) {  // not expected: the builder reports through its result
        throw error(errc::malformed_file, std::string(e.what()) + "; expected " + std::string(what),
                    {.file = std::string(origin)});
    }
    if (!parsed) {
        const parse_failure& failure = builder.failure ? *builder.failure : parse_failure{0, {}, false, 1, "not JSON"};
        if (failure.offset)
            throw error(errc::malformed_file,
                        failure.message + " (" + std::string(what) + " is JSON; docs/log-format.md)",
                        detail::position(origin, text, *failure.offset));
        reader.fail(failure.path, failure.message, failure.at_key, failure.occurrence);
    }
    return reader.read(builder.root, std::move(days.result));
}

std::optional<intake_log> detail::stream_log_json_file(const std::string& path) {
    detail::streamed_log_file file(path);
    if (!file.is_open()) return std::nullopt;
    // No text to find a path in: any error is thrown without a position, and the file is then
    // read again by the caller for the message parse_log_json gives.
    const json_log_reader reader({}, path);
    day_reader days(reader, true);
    log_builder builder(days);
    try {
        if (!json::sax_parse(file.begin(), file.end(), &builder, json::input_format_t::json, true, false))
            return std::nullopt;
        if (!file.bytes_ok()) return std::nullopt;
        return reader.read(builder.root, std::move(days.result));
    } catch (const json::exception&) {
        return std::nullopt;
    } catch (const error&) {
        return std::nullopt;
    }
}

}  // namespace mgcalc
