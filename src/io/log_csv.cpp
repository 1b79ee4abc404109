// The CSV of log entries (mgcalc/io/log_csv.hpp; docs/log-format.md, "CSV entries").
#include <mgcalc/error.hpp>
#include <mgcalc/io/log_csv.hpp>

#include "detail/csv.hpp"
#include "detail/text.hpp"
#include "io/log_check.hpp"
#include "io/log_input.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc {

namespace {

constexpr std::string_view csv_header = "date,time,kind,item,amount,measure,note";
constexpr std::string_view csv_columns[] = {"date", "time", "kind", "item", "amount", "measure", "note"};

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

void parse_log_csv(std::string_view text, intake_log& log, std::string_view origin) {
    constexpr std::string_view what = "a CSV of log entries";
    detail::check_bytes(text, origin, what);
    auto csv = detail::csv_reader::from_text(text, std::string(origin));
    const error_location header_place{.file = std::string(origin), .line = std::max<std::size_t>(csv.header_line(), 1)};
    const std::vector<std::string>& names = csv.column_names();
    if (names.empty())
        throw error(errc::malformed_file,
                    "the input is empty; expected the header " + std::string(csv_header) + " and one row per entry",
                    header_place);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string name = detail::to_lower(names[i]);
        const bool known = std::find(std::begin(csv_columns), std::end(csv_columns), name) != std::end(csv_columns);
        if (!known)
            throw error(errc::malformed_file,
                        csv.field_label(i) + (names[i].empty() ? ": a column without a name" : ": unknown column") +
                            "; expected only the columns " + std::string(csv_header) +
                            " (unknown columns are errors so that nothing is dropped)",
                        header_place, names[i]);
        for (std::size_t k = 0; k < i; ++k)
            if (detail::to_lower(names[k]) == name)
                throw error(errc::malformed_file,
                            csv.field_label(i) + ": the column appears twice; expected each column once", header_place,
                            names[i]);
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
        const auto kind = detail::parse_kind(kind_text);
        if (!kind)
            csv.fail(kind_column, (kind_text.empty() ? std::string("is empty") : "'" + std::string(kind_text) + "' is not an entry kind") +
                                      "; expected food, supplement or product");
        entry.kind = *kind;
        entry.item = std::string(field(item_column));
        if (entry.item.empty()) csv.fail(item_column, "is empty; expected " + std::string(detail::expected_item));
        entry.amount = std::string(field(amount_column));
        const std::string_view measure = field(measure_column);
        if (entry.amount.empty() && measure.empty() && entry.kind != log_entry_kind::product) {
            // A food or supplement typed whole in the item cell: "1 cup black beans".
            entry.phrase = std::move(entry.item);
            entry.item.clear();
        } else if (entry.amount.empty()) {
            csv.fail(amount_column, "is empty; expected " + std::string(detail::expected_amount) +
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
    if (auto p = detail::check_days(log.days)) detail::throw_cannot_write(*p);
    std::string out(csv_header);
    out += '\n';
    for (const log_day& day : log.days) {
        const std::string date = to_string(day.date);
        for (const log_entry& entry : day.entries) {
            const auto [amount, measure] = split_amount(entry.amount);
            detail::append_csv_row(out, {date, entry.time ? to_string(*entry.time) : std::string(),
                                         detail::kind_name(entry.kind), entry.phrase.empty() ? entry.item : entry.phrase,
                                         amount, measure, entry.note});
        }
    }
    if (out.size() > detail::max_log_bytes) detail::throw_too_large_to_write(out.size(), "CSV");
    return out;
}

}  // namespace mgcalc
