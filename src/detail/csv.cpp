#include "detail/csv.hpp"

#include <mgcalc/error.hpp>

#include "detail/text.hpp"
#include "detail/input_file.hpp"
#include "detail/utf8.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace mgcalc::detail {

namespace {

constexpr int end_of_input = -1;

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

/// A field value quoted for a message, shortened so one bad field cannot flood a terminal.
std::string quoted_value(std::string_view text) {
    constexpr std::size_t longest = 60;
    std::string out = "'";
    out += text.substr(0, longest);
    if (text.size() > longest) out += "...";
    out += "'";
    return out;
}

std::string printable(char c) {
    if (c == '\t') return "a tab";
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
        static constexpr char digits[] = "0123456789ABCDEF";
        const auto byte = static_cast<unsigned char>(c);
        return std::string("byte 0x") + digits[byte >> 4] + digits[byte & 0xF];
    }
    return std::string("'") + c + "'";
}

}  // namespace

struct csv_reader::state {
    std::string name;
    csv_options options;
    std::unique_ptr<std::istream> input;

    // Input buffer: the stream is read in blocks, never whole.
    std::vector<char> buffer = std::vector<char>(64 * 1024);
    std::size_t position = 0;
    std::size_t filled = 0;
    bool exhausted = false;

    std::size_t physical_line = 1;  ///< line of the next character to read
    std::size_t record_line = 0;    ///< line where the current record starts
    std::size_t header_line = 0;
    std::vector<std::string> columns;

    std::string text;                  ///< the current record's fields, back to back
    std::vector<std::size_t> ends{};   ///< end offset of each field in `text`

    int peek() {
        if (position == filled) {
            if (exhausted) return end_of_input;
            input->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            filled = static_cast<std::size_t>(input->gcount());
            position = 0;
            if (input->bad()) {
                throw error(errc::malformed_file, "the file could not be read to the end; expected a readable file",
                            error_location{.file = name, .line = physical_line});
            }
            if (filled < buffer.size()) exhausted = true;
            if (filled == 0) return end_of_input;
        }
        return static_cast<unsigned char>(buffer[position]);
    }
    int get() {
        const int c = peek();
        if (c != end_of_input) ++position;
        return c;
    }

    void append(int c) {
        if (options.latin1 && c >= 0x80) {
            utf8::append(text, static_cast<char32_t>(c));  // Latin-1 bytes are the code points U+0080-U+00FF
        } else {
            text += static_cast<char>(c);
        }
        if (text.size() > max_record_bytes) [[unlikely]] fail_too_long();
    }

    [[noreturn]] void fail_too_long() const {
        fail_at(record_line, "the record is longer than " + std::to_string(max_record_bytes) +
                                 " bytes (1 MiB), so this is not a file of records mgcalc reads; expected lines of "
                                 "fields separated by " + printable(options.separator));
    }

    void end_field() {
        ends.push_back(text.size());
        if (ends.size() > max_record_fields) [[unlikely]] {
            fail_at(record_line, "the record has more than " + std::to_string(max_record_fields) +
                                     " fields; expected one field per column of the file");
        }
    }

    /// Consumes "\r\n", "\n" or "\r" if one is next.
    bool consume_line_end() {
        const int c = peek();
        if (c == '\n') {
            get();
        } else if (c == '\r') {
            get();
            if (peek() == '\n') get();
        } else {
            return false;
        }
        ++physical_line;
        return true;
    }

    std::string label(std::size_t index) const {
        if (index < columns.size() && !columns[index].empty()) return "field '" + excerpt(columns[index]) + "'";
        return "field " + std::to_string(index + 1);
    }

    [[noreturn]] void fail_at(std::size_t at_line, std::string_view message, std::string_view input = {}) const {
        throw error(errc::malformed_file, std::string(message), error_location{.file = name, .line = at_line},
                    std::string(input));
    }

    std::string_view field_text(std::size_t index) const {
        const std::size_t begin = index == 0 ? 0 : ends[index - 1];
        return std::string_view(text).substr(begin, ends[index] - begin);
    }

    /// Text that is not UTF-8 would reach reports, JSON and charts as it is: refused here, with
    /// the field, unless it was converted from Latin-1 (and so is UTF-8). A NUL byte is never in
    /// text (it cut the program's messages short, and a text report wrote it out): the file is
    /// binary, as /bin/ls given for a CSV is.
    void check_text() const {
        for (std::size_t i = 0; i < ends.size(); ++i) {
            const std::string_view field = field_text(i);
            if (field.find('\0') != std::string_view::npos) {
                fail_at(record_line,
                        label(i) + ": a NUL byte (0x00), so this looks like a binary file; expected CSV text", field);
            }
            if (options.latin1) continue;
            if (const std::size_t bad = utf8::invalid_at(field); bad != std::string_view::npos) {
                fail_at(record_line,
                        label(i) + ": byte " + utf8::hex_byte(static_cast<unsigned char>(field[bad])) +
                            " is not valid UTF-8; expected UTF-8 text (save the file as UTF-8)",
                        field);
            }
        }
    }

    void skip_byte_order_mark() {
        if (options.latin1) return;
        if (peek() == 0xEF && filled - position >= 3 && static_cast<unsigned char>(buffer[position + 1]) == 0xBB &&
            static_cast<unsigned char>(buffer[position + 2]) == 0xBF) {
            position += 3;
        }
    }

    bool read_record() {
        while (true) {
            text.clear();
            ends.clear();
            if (peek() == end_of_input) return false;
            if (consume_line_end()) continue;  // a wholly empty line is not a record
            record_line = physical_line;
            read_fields();
            check_text();
            return true;
        }
    }

    void read_fields() {
        const int separator = static_cast<unsigned char>(options.separator);
        const int quote = static_cast<unsigned char>(options.quote);
        while (true) {
            if (peek() == quote) {
                get();
                const std::size_t opened = physical_line;
                while (true) {
                    const int c = get();
                    if (c == end_of_input) {
                        const std::string q(1, options.quote);
                        fail_at(opened, label(ends.size()) + ": unterminated quoted field (the " + q +
                                            " opened on this line is never closed); expected a closing " + q +
                                            " before the end of the file");
                    }
                    if (c == quote) {
                        if (peek() != quote) break;
                        get();
                        append(quote);
                    } else if (c == '\r' || c == '\n') {
                        if (c == '\r' && peek() == '\n') get();
                        append('\n');
                        ++physical_line;
                    } else {
                        append(c);
                    }
                }
                while (peek() == ' ' || peek() == '\t') get();
                const int after = peek();
                if (after == separator) {
                    get();
                    end_field();
                    continue;
                }
                if (after == end_of_input || consume_line_end()) {
                    end_field();
                    return;
                }
                fail_at(physical_line, label(ends.size()) + ": unexpected " + printable(static_cast<char>(after)) +
                                           " after the closing " + std::string(1, options.quote) +
                                           "; expected " + printable(options.separator) +
                                           " or the end of the line");
            }
            while (true) {
                const int c = peek();
                if (c == separator) {
                    get();
                    end_field();
                    break;
                }
                if (c == end_of_input || consume_line_end()) {
                    end_field();
                    return;
                }
                get();
                append(c);
            }
        }
    }
};

csv_reader::csv_reader(std::unique_ptr<state> s) : state_(std::move(s)) {
    state_->skip_byte_order_mark();
    if (state_->options.header) {
        if (state_->read_record()) {
            state_->header_line = state_->record_line;
            for (std::size_t i = 0; i < state_->ends.size(); ++i) state_->columns.emplace_back(trim(field(i)));
        }
        state_->text.clear();
        state_->ends.clear();
        state_->record_line = 0;
    } else {
        state_->columns = state_->options.column_names;
    }
}

csv_reader::csv_reader(csv_reader&&) noexcept = default;
csv_reader& csv_reader::operator=(csv_reader&&) noexcept = default;
csv_reader::~csv_reader() = default;

csv_reader csv_reader::open(const std::string& path, csv_options options) {
    auto s = std::make_unique<state>();
    s->name = path;
    s->options = std::move(options);
    require_regular_file(path, "a file");
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) {
        throw error(errc::malformed_file, "cannot open the file; expected a readable file at this path",
                    error_location{.file = path});
    }
    s->input = std::move(file);
    return csv_reader(std::move(s));
}

csv_reader csv_reader::from_text(std::string_view text, std::string name, csv_options options) {
    auto s = std::make_unique<state>();
    s->name = std::move(name);
    s->options = std::move(options);
    s->input = std::make_unique<std::istringstream>(std::string(text), std::ios::binary);
    return csv_reader(std::move(s));
}

const std::string& csv_reader::name() const noexcept { return state_->name; }
const std::vector<std::string>& csv_reader::column_names() const noexcept { return state_->columns; }
std::size_t csv_reader::header_line() const noexcept { return state_->header_line; }

std::optional<std::size_t> csv_reader::find_column(std::string_view name) const noexcept {
    name = trim(name);
    for (std::size_t i = 0; i < state_->columns.size(); ++i) {
        if (equal_ignoring_case(state_->columns[i], name)) return i;
    }
    return std::nullopt;
}

std::size_t csv_reader::column(std::string_view name) const {
    if (auto index = find_column(name)) return *index;
    require_columns({name});
    return 0;  // not reached: require_columns threw
}

void csv_reader::require_columns(std::initializer_list<std::string_view> names) const {
    for (std::string_view wanted : names) {
        if (find_column(wanted)) continue;
        std::vector<std::string> expected(names.begin(), names.end());
        std::string message = "field '" + std::string(wanted) + "': missing from the " +
                              (state_->options.header ? "header" : "column list") + "; expected the columns " +
                              join(expected);
        message += state_->columns.empty() ? " (the file is empty)" : " (found " + join(state_->columns) + ")";
        state_->fail_at(state_->header_line == 0 ? 1 : state_->header_line, message);
    }
}

bool csv_reader::next() { return state_->read_record(); }
std::size_t csv_reader::line() const noexcept { return state_->record_line; }
std::size_t csv_reader::size() const noexcept { return state_->ends.size(); }

std::optional<std::string_view> csv_reader::optional_field(std::size_t index) const noexcept {
    if (index >= state_->ends.size()) return std::nullopt;
    return state_->field_text(index);
}

std::string_view csv_reader::field(std::size_t index) const {
    if (auto value = optional_field(index)) return *value;
    fail(index, "missing; the record has " + std::to_string(size()) + (size() == 1 ? " field" : " fields") +
                    ", expected at least " + std::to_string(index + 1));
}

std::string_view csv_reader::field(std::string_view column_name) const { return field(column(column_name)); }

double csv_reader::number(std::size_t index) const {
    const std::string_view text = field(index);
    double value = 0;
    const decimal_reading reading = read_decimal(text, value);
    if (reading == decimal_reading::number) return value;
    if (trim(text).empty()) fail(index, "is empty; expected a decimal like 12.5");
    if (reading == decimal_reading::out_of_range) {
        fail(index, quoted_value(text) + " is out of range; expected a decimal like 12.5 (" + std::string(decimal_range) + ")");
    }
    fail(index, quoted_value(text) + " is not a number; expected a decimal like 12.5");
}

double csv_reader::number(std::string_view column_name) const { return number(column(column_name)); }

std::optional<double> csv_reader::optional_number(std::size_t index) const {
    if (trim(field(index)).empty()) return std::nullopt;
    return number(index);
}

std::optional<double> csv_reader::optional_number(std::string_view column_name) const {
    return optional_number(column(column_name));
}

std::string csv_reader::field_label(std::size_t index) const { return state_->label(index); }

void csv_reader::fail(std::size_t index, std::string_view message) const {
    state_->fail_at(state_->record_line, field_label(index) + ": " + std::string(message),
                    optional_field(index).value_or(std::string_view{}));
}

void csv_reader::fail(std::string_view column_name, std::string_view message) const {
    if (auto index = find_column(column_name)) fail(*index, message);
    state_->fail_at(state_->record_line, "field '" + std::string(column_name) + "': " + std::string(message));
}

void csv_reader::fail(std::string_view message) const { state_->fail_at(state_->record_line, message); }

void append_csv_field(std::string& out, std::string_view text, csv_quoting quoting) {
    if (quoting == csv_quoting::when_needed && text.find_first_of(",\"\r\n") == std::string_view::npos) {
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

void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (const std::string_view field : fields) {
        if (!first) out += ',';
        first = false;
        append_csv_field(out, field);
    }
    out += '\n';
}

}  // namespace mgcalc::detail
