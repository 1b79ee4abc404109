// Internal RFC 4180 reader shared by mgcalc's file loaders (FoodData Central CSV, USDA SR28 ASCII,
// mgcalc's own CSV), and the writer every CSV mgcalc writes goes through (the log's entries, the
// report's days). Not installed, not documented for users.
//
// What it reads (RFC 4180, with the variations the USDA files need):
//   - records separated by CRLF, LF or a lone CR; a wholly empty line is skipped;
//   - fields separated by `csv_options::separator` (',' by default; SR28 uses '^');
//   - a field that starts with `csv_options::quote` ('"' by default; SR28 uses '~') is quoted: it
//     may hold separators and line breaks (a CRLF inside quotes becomes "\n"), and a doubled quote
//     stands for one quote character ("medium (3"" dia)" -> medium (3" dia)); only white space
//     may follow the closing quote before the next separator or the end of the line;
//   - a quote character inside an unquoted field is kept as it is (lenient, like most readers);
//   - a UTF-8 byte order mark at the start of the input is dropped;
//   - with `csv_options::latin1`, every byte 0x80-0xFF is converted from Latin-1 to UTF-8;
//     otherwise a field that is not well-formed UTF-8 is an error naming its line and field.
//
// Every record carries the physical line number (1-based) where it starts, so a record with an
// embedded line break still reports where it begins. The whole input is never held in memory:
// records are read one at a time from a stream (FoodData Central's food_nutrient.csv has tens of
// millions of rows).
//
// Columns have names: from the header row (`csv_options::header`, the default), or given by
// position in `csv_options::column_names` for files without one (SR28). Header names match
// case-insensitively, ignoring surrounding white space. Resolve a column once with column() and
// read fields by index in the loop; field(name) is a convenience that looks the name up each time.
//
// Limits, so that memory and time are bounded on any input (docs/model.md, "Plausibility limits"):
// a record (a line, or the lines of one quoted field) holds at most `max_record_bytes` bytes and
// `max_record_fields` fields, and open() reads regular files only: a device such as /dev/zero, a
// FIFO or /dev/stdin would never end. Either is an error naming the file and line.
//
// Errors are mgcalc::error(errc::malformed_file) with messages of the form
//   "FILE:LINE: field 'NAME': <what was wrong>; expected <what would be accepted>"
// where FILE is the path given to open() (or the name given to from_text()). Fields without a
// name are called "field N" (1-based).
//
// Typical use:
//
//   auto csv = detail::csv_reader::open(path);                    // reads the header row
//   csv.require_columns({"fdc_id", "amount"});                     // error names what is missing
//   const std::size_t id = csv.column("fdc_id"), amount = csv.column("amount");
//   while (csv.next()) {
//       std::string_view fdc_id = csv.field(id);                   // valid until the next next()
//       double grams = csv.number(amount);                         // "FILE:LINE: field 'amount': ..."
//       std::optional<double> maybe = csv.optional_number(amount); // empty field -> nullopt
//   }
#pragma once

#include "detail/text.hpp"

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc::detail {

struct csv_options {
    char separator = ',';
    char quote = '"';
    /// Convert Latin-1 (ISO-8859-1) bytes to UTF-8, as the USDA SR ASCII files need.
    bool latin1 = false;
    /// The first record names the columns. When false, `column_names` names them by position.
    bool header = true;
    /// Column names by position, for files without a header row (ignored when `header` is true).
    std::vector<std::string> column_names{};
};

/// The longest record read: 1 MiB, a bound on memory, not a measured need. The longest line of the
/// shipped USDA SR24 extract is 145 bytes (data/usda-sr24/foods.csv), and a food CSV row holds one
/// food's description and portion.
inline constexpr std::size_t max_record_bytes = std::size_t{1} << 20;
/// The most fields in one record: the files mgcalc reads have at most 13 columns (the shipped
/// SR24 foods.csv; FoodData Central's food_portion.csv has 11), and a batch people file 10 plus
/// one per replicate weight.
inline constexpr std::size_t max_record_fields = 4096;

/// Reads delimited text record by record; see the top of this file.
class csv_reader {
public:
    /// Opens a file and, if `options.header`, reads its header row. Throws
    /// error(malformed_file, "FILE: cannot open ...") when the file cannot be read, and for a
    /// folder, a device, a FIFO or a socket.
    static csv_reader open(const std::string& path, csv_options options = {});
    /// Reads text held in memory; `name` stands for the file name in messages.
    static csv_reader from_text(std::string_view text, std::string name, csv_options options = {});

    csv_reader(csv_reader&&) noexcept;
    csv_reader& operator=(csv_reader&&) noexcept;
    ~csv_reader();

    /// The file name (or the name given to from_text()) used in messages.
    const std::string& name() const noexcept;

    // --- columns -------------------------------------------------------------------------------

    /// The column names: the header row, or `csv_options::column_names`.
    const std::vector<std::string>& column_names() const noexcept;
    /// Line of the header row (0 when the file has none).
    std::size_t header_line() const noexcept;
    /// Index of the named column, if present.
    std::optional<std::size_t> find_column(std::string_view name) const noexcept;
    /// Index of the named column; throws "FILE:LINE: field 'NAME': missing from the header;
    /// expected the columns ..." when absent.
    std::size_t column(std::string_view name) const;
    /// Throws, naming the first missing column and listing all of `names` as the expected
    /// columns, unless every one is present.
    void require_columns(std::initializer_list<std::string_view> names) const;

    // --- records -------------------------------------------------------------------------------

    /// Reads the next record; false at the end of the input. Throws on an unterminated quoted
    /// field ("FILE:LINE: field 'NAME': unterminated quoted field ...", LINE where it opened) or
    /// on text after a closing quote.
    bool next();
    /// Physical line (1-based) where the current record starts.
    std::size_t line() const noexcept;
    /// Number of fields in the current record.
    std::size_t size() const noexcept;

    /// The field at `index` as read (not trimmed). Valid until the next call to next(). Throws
    /// "FILE:LINE: field 'NAME': missing; the record has N fields, expected at least M" when the
    /// record is too short.
    std::string_view field(std::size_t index) const;
    /// The field in the named column (looked up each call; prefer column() + field(index) in loops).
    std::string_view field(std::string_view column_name) const;
    /// The field, or nullopt when the record is too short or the column does not exist.
    std::optional<std::string_view> optional_field(std::size_t index) const noexcept;

    /// The field as a finite decimal number. Throws "FILE:LINE: field 'amount': '12,5' is not a
    /// number; expected a decimal like 12.5" (or "... is empty; expected a decimal like 12.5").
    double number(std::size_t index) const;
    double number(std::string_view column_name) const;
    /// Like number(), but an empty (or all-blank) field gives nullopt instead of an error.
    std::optional<double> optional_number(std::size_t index) const;
    std::optional<double> optional_number(std::string_view column_name) const;

    // --- errors --------------------------------------------------------------------------------

    /// "field 'NAME'" for a named column, "field N" (1-based) otherwise.
    std::string field_label(std::size_t index) const;
    /// Throws error(malformed_file, "FILE:LINE: field 'NAME': <message>") for the current record,
    /// the field's text (when the record has it) as the error's input().
    [[noreturn]] void fail(std::size_t index, std::string_view message) const;
    [[noreturn]] void fail(std::string_view column_name, std::string_view message) const;
    /// Throws error(malformed_file, "FILE:LINE: <message>") for the current record.
    [[noreturn]] void fail(std::string_view message) const;

private:
    struct state;
    explicit csv_reader(std::unique_ptr<state> s);
    std::unique_ptr<state> state_;
};

// --- writing ----------------------------------------------------------------------------------

/// When a written field is put in double quotes.
enum class csv_quoting {
    when_needed,  ///< only when it holds a comma, a quote or a line break
    always,       ///< always: a text column that mgcalc has always written quoted
};

/// Appends one field, in double quotes when it holds a comma, a quote or a line break (or always,
/// with csv_quoting::always), with a quote inside written twice (RFC 4180, section 2); as it is
/// otherwise.
void append_csv_field(std::string& out, std::string_view text, csv_quoting quoting = csv_quoting::when_needed);
/// Appends one record: the fields separated by commas, then a line feed.
void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields);

}  // namespace mgcalc::detail
