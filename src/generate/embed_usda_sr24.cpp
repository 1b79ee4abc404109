// embed_usda_sr24 - build-time generator (a host tool, never installed) that compiles the USDA
// SR24 magnesium extract into mgcalc.
//
//   embed_usda_sr24 <foods.csv> <portions.csv> <output.cpp>
//
// Reads data/usda-sr24/foods.csv and portions.csv (format: data/usda-sr24/PROVENANCE.md) as
// RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180: comma separated, fields optionally in
// double quotes, a quote inside a quoted field written twice, quoted fields may hold commas and
// line breaks; CRLF or LF line ends accepted) and writes a C++ file of constant-initialized
// arrays laid out as src/detail/usda_sr24_data.hpp describes. Malformed input fails the build
// with "<file>:<line>: error: <what>", the line being that of the offending record.
//
// Run by the add_custom_command in the top-level CMakeLists.txt; the output is compiled into
// the mgcalc library.
#include "detail/usda_sr24_data.hpp"
#include "detail/utf8.hpp"

#include <mgcalc/limits.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace layout = mgcalc::detail::usda_sr24_data;

/// A failure in an input file, reported as "<file>:<line>: error: <message>" (the GCC format, so
/// IDEs and build logs link to the line).
class input_error : public std::runtime_error {
public:
    input_error(const std::string& file, std::size_t line, const std::string& message)
        : std::runtime_error(file + ":" + std::to_string(line) + ": error: " + message) {}
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": error: cannot open the file");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw std::runtime_error(path + ": error: cannot read the file");
    return std::move(content).str();
}

struct csv_record {
    std::size_t line;  ///< the line the record starts on, 1-based
    std::vector<std::string> fields;
};

/// RFC 4180, section 2: records end with a line break (CRLF; a bare LF is accepted too, as the
/// SR24 extract uses it), the last record's line break is optional, fields are separated by
/// commas, a field may be enclosed in double quotes and must be if it holds a comma, a quote or
/// a line break, and a quote inside a quoted field is escaped by a second quote.
std::vector<csv_record> read_csv(const std::string& path, const std::string& content) {
    std::vector<csv_record> records;
    const std::size_t size = content.size();
    std::size_t i = 0;
    std::size_t line = 1;
    const auto at_line_end = [&](std::size_t position) {
        return position < size &&
               (content[position] == '\n' ||
                (content[position] == '\r' && position + 1 < size && content[position + 1] == '\n'));
    };
    while (i < size) {
        csv_record record{line, {}};
        for (;;) {
            std::string field;
            if (i < size && content[i] == '"') {
                const std::size_t opened_on = line;
                ++i;
                for (;;) {
                    if (i >= size) {
                        throw input_error(path, opened_on,
                                          "a quoted field is not closed: the file ends before its closing '\"'");
                    }
                    const char c = content[i];
                    if (c == '"') {
                        if (i + 1 < size && content[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++i;
                }
                if (i < size && content[i] != ',' && !at_line_end(i)) {
                    throw input_error(path, line,
                                      "unexpected character after the closing '\"' of a quoted field; a quote "
                                      "inside a quoted field is written twice (\"\"), and a field ends at ',' "
                                      "or the end of the line");
                }
            } else {
                while (i < size && content[i] != ',' && content[i] != '\n' && content[i] != '\r') {
                    if (content[i] == '"') {
                        throw input_error(path, line,
                                          "a '\"' inside an unquoted field; enclose the field in double quotes "
                                          "and write the quote twice (RFC 4180)");
                    }
                    field += content[i++];
                }
                if (i < size && content[i] == '\r' && !at_line_end(i)) {
                    throw input_error(path, line, "a carriage return that is not followed by a line feed");
                }
            }
            record.fields.push_back(std::move(field));
            if (i < size && content[i] == ',') {
                ++i;
                continue;
            }
            if (i < size && content[i] == '\r') ++i;
            if (i < size && content[i] == '\n') {
                ++i;
                ++line;
            }
            break;
        }
        records.push_back(std::move(record));
    }
    return records;
}

void expect_header(const std::string& path, const std::vector<csv_record>& records,
                   const std::vector<std::string>& header) {
    std::string expected;
    for (const std::string& name : header) expected += (expected.empty() ? "" : ",") + name;
    if (records.empty() || records.front().fields != header) {
        throw input_error(path, 1, "expected the header line '" + expected + "' (data/usda-sr24/PROVENANCE.md)");
    }
}

void expect_field_count(const std::string& path, const csv_record& record, std::size_t count) {
    if (record.fields.size() != count) {
        throw input_error(path, record.line,
                          "expected " + std::to_string(count) + " fields, found " +
                              std::to_string(record.fields.size()));
    }
}

/// The NDB number: exactly 5 ASCII digits, leading zeros kept (PROVENANCE.md, column ndb_no).
std::string expect_ndb_no(const std::string& path, std::size_t line, const std::string& text) {
    const bool ok = text.size() == layout::id_length &&
                    std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!ok) {
        throw input_error(path, line,
                          "ndb_no '" + text + "' is not an NDB number: expected exactly 5 digits, leading zeros "
                                              "kept (01001)");
    }
    return text;
}

/// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF) without
/// control characters, since descriptions and measures are shown to users as one line.
bool is_clean_utf8(std::string_view text) {
    const bool control = std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f;
    });
    return !control && mgcalc::detail::utf8::is_valid(text);
}

std::string expect_text(const std::string& path, std::size_t line, const std::string& column,
                        const std::string& text) {
    if (text.empty()) throw input_error(path, line, column + " is empty");
    if (text.size() > std::numeric_limits<std::uint16_t>::max()) {
        throw input_error(path, line, column + " is longer than 65535 bytes");
    }
    if (!is_clean_utf8(text)) {
        throw input_error(path, line, column + " is not UTF-8 text without control characters");
    }
    return text;
}

/// A plain non-negative decimal, "592" or "0.083", as integer thousandths. Exponents, signs and
/// more than 3 decimals are rejected rather than rounded, so the embedded value is exactly the
/// file's (see layout::thousandths_per_unit).
std::uint32_t expect_decimal(const std::string& path, std::size_t line, const std::string& column,
                             const std::string& text, double max_value) {
    const auto fail = [&]() -> std::uint32_t {
        throw input_error(path, line,
                          column + " '" + text + "' is not a plain decimal number from 0 to " +
                              std::to_string(static_cast<long long>(max_value)) + " with at most " +
                              std::to_string(layout::max_decimals) + " decimals (e.g. 592 or 0.083)");
    };
    const std::size_t dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
    const auto all_digits = [](const std::string& s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || !all_digits(whole) || !all_digits(fraction) ||
        (dot != std::string::npos && fraction.empty()) ||
        fraction.size() > static_cast<std::size_t>(layout::max_decimals) || whole.size() > 9) {
        return fail();
    }
    std::uint64_t milli = std::stoull(whole);
    std::string padded = fraction;
    padded.resize(static_cast<std::size_t>(layout::max_decimals), '0');
    for (const char c : padded) milli = milli * 10 + static_cast<std::uint64_t>(c - '0');
    if (static_cast<double>(milli) > max_value * layout::thousandths_per_unit ||
        milli > std::numeric_limits<std::uint32_t>::max()) {
        return fail();
    }
    return static_cast<std::uint32_t>(milli);
}

struct parsed_portion {
    std::uint32_t amount_milli;
    std::uint32_t grams_milli;
    std::string measure;
};

struct parsed_food {
    std::size_t line;
    std::string id;
    std::string description;
    std::optional<std::uint32_t> magnesium_milli;
    std::vector<parsed_portion> portions;
};

// The same bound as food_table::add (mgcalc/limits.hpp).
constexpr double max_magnesium_mg_per_100g = mgcalc::limits::max_magnesium_mg_per_100g;
// The largest gram weight or amount thousandths fit in 32 bits; SR24's largest portion is 8,399 g.
constexpr double max_portion_number = 4'000'000.0;

std::vector<parsed_food> read_foods(const std::string& path) {
    const std::vector<csv_record> records = read_csv(path, read_file(path));
    expect_header(path, records, {"ndb_no", "description", "magnesium_mg_per_100g"});
    std::vector<parsed_food> foods;
    for (auto record = std::next(records.begin()); record != records.end(); ++record) {
        expect_field_count(path, *record, 3);
        parsed_food item{record->line, expect_ndb_no(path, record->line, record->fields[0]),
                         expect_text(path, record->line, "description", record->fields[1]), std::nullopt, {}};
        // An empty value is "not analysed" (679 foods in SR24), which is not 0.
        if (!record->fields[2].empty()) {
            item.magnesium_milli = expect_decimal(path, record->line, "magnesium_mg_per_100g", record->fields[2],
                                                  max_magnesium_mg_per_100g);
        }
        foods.push_back(std::move(item));
    }
    if (foods.empty()) throw input_error(path, 1, "no foods after the header");
    // Byte-wise order, as std::string_view compares (char_traits<char>::lt compares as unsigned
    // char), so src/foods/usda_sr24.cpp can binary-search with string_view comparisons.
    std::stable_sort(foods.begin(), foods.end(),
                     [](const parsed_food& a, const parsed_food& b) { return a.id < b.id; });
    for (std::size_t k = 1; k < foods.size(); ++k) {
        if (foods[k].id == foods[k - 1].id) {
            throw input_error(path, std::max(foods[k].line, foods[k - 1].line),
                              "duplicate ndb_no '" + foods[k].id + "' (also on line " +
                                  std::to_string(std::min(foods[k].line, foods[k - 1].line)) +
                                  "); NDB numbers must be unique");
        }
    }
    return foods;
}

void read_portions(const std::string& path, std::vector<parsed_food>& foods) {
    const std::vector<csv_record> records = read_csv(path, read_file(path));
    expect_header(path, records, {"ndb_no", "amount", "measure", "grams"});
    for (auto record = std::next(records.begin()); record != records.end(); ++record) {
        expect_field_count(path, *record, 4);
        const std::string id = expect_ndb_no(path, record->line, record->fields[0]);
        const auto food = std::lower_bound(foods.begin(), foods.end(), id,
                                           [](const parsed_food& f, const std::string& key) { return f.id < key; });
        if (food == foods.end() || food->id != id) {
            throw input_error(path, record->line, "ndb_no '" + id + "' is not a food of foods.csv");
        }
        parsed_portion item{
            expect_decimal(path, record->line, "amount", record->fields[1], max_portion_number),
            expect_decimal(path, record->line, "grams", record->fields[3], max_portion_number),
            expect_text(path, record->line, "measure", record->fields[2]),
        };
        if (item.amount_milli == 0 || item.grams_milli == 0) {
            throw input_error(path, record->line, "a portion's amount and grams must be positive");
        }
        food->portions.push_back(std::move(item));  // keeps the file's order within a food
        if (food->portions.size() > std::numeric_limits<std::uint16_t>::max()) {
            throw input_error(path, record->line, "more than 65535 portions for food '" + id + "'");
        }
    }
}

/// One C++ string literal piece: printable ASCII as is, '"' and '\' escaped, every other byte as
/// a 3-digit octal escape (octal escapes end after 3 digits; hex escapes would swallow a
/// following digit).
std::string literal(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte >= 0x20 && byte < 0x7f) {
            out += c;
        } else {
            char escape[5];
            std::snprintf(escape, sizeof escape, "\\%03o", static_cast<unsigned>(byte));
            out += escape;
        }
    }
    out += '"';
    return out;
}

std::string generate(const std::vector<parsed_food>& foods, const std::string& foods_path,
                     const std::string& portions_path) {
    // The text blob: every description, then each distinct measure once.
    std::string text;
    std::ostringstream text_pieces;
    std::ostringstream food_rows;
    std::ostringstream portion_rows;
    std::ostringstream measure_rows;
    std::map<std::string, std::uint16_t, std::less<>> measure_index;
    std::vector<std::string> measures;
    std::size_t portion_count = 0;
    std::size_t unknown_count = 0;

    const auto add_text = [&](const std::string& piece) {
        const std::size_t offset = text.size();
        text += piece;
        text_pieces << "    " << literal(piece) << '\n';
        if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
            throw std::runtime_error("error: the embedded text exceeds 4 GiB");
        }
        return static_cast<std::uint32_t>(offset);
    };

    for (const parsed_food& item : foods) {
        const std::uint32_t description_offset = add_text(item.description);
        if (!item.magnesium_milli) ++unknown_count;
        food_rows << "    {" << description_offset << ", " << item.magnesium_milli.value_or(0) << ", "
                  << portion_count << ", " << item.description.size() << ", " << item.portions.size() << ", \""
                  << item.id << "\", " << (item.magnesium_milli ? "true" : "false") << "},\n";
        for (const parsed_portion& p : item.portions) {
            auto found = measure_index.find(p.measure);
            if (found == measure_index.end()) {
                if (measures.size() > std::numeric_limits<std::uint16_t>::max()) {
                    throw std::runtime_error(portions_path + ": error: more than 65536 distinct measures");
                }
                found = measure_index.emplace(p.measure, static_cast<std::uint16_t>(measures.size())).first;
                measures.push_back(p.measure);
            }
            portion_rows << "    {" << p.amount_milli << ", " << p.grams_milli << ", " << found->second << "},\n";
            ++portion_count;
        }
        if (portion_count > std::numeric_limits<std::uint32_t>::max()) {
            throw std::runtime_error(portions_path + ": error: more than 2^32 portions");
        }
    }
    for (const std::string& measure : measures) {
        const std::uint32_t offset = add_text(measure);
        measure_rows << "    {" << offset << ", " << measure.size() << "},\n";
    }

    std::ostringstream out;
    out << "// GENERATED by src/generate/embed_usda_sr24.cpp at build time; do not edit.\n"
        << "// From " << foods_path << "\n//  and " << portions_path << "\n"
        << "// (USDA SR24 magnesium extract, public domain; data/usda-sr24/PROVENANCE.md).\n"
        << "// " << foods.size() << " foods (" << unknown_count << " with magnesium not analysed), " << portion_count
        << " portions, " << measures.size() << " distinct measures, " << text.size() << " bytes of text.\n"
        << "// Layout: src/detail/usda_sr24_data.hpp. Everything is constinit: no code runs at start-up.\n"
        << "#include \"detail/usda_sr24_data.hpp\"\n\n"
        << "namespace mgcalc::detail::usda_sr24_data {\nnamespace {\n\n"
        << "// Descriptions (in food order), then the distinct measures.\n"
        << "constexpr char text_data[] =\n"
        << text_pieces.str() << "    ;\n\n"
        << "// {description_offset, magnesium_mg_per_100g_milli, first_portion, description_length,\n"
        << "//  portion_count, id, magnesium_known}\n"
        << "constexpr food_record food_data[] = {\n"
        << food_rows.str() << "};\n\n";
    if (portion_count > 0) {
        out << "// {amount_milli, grams_milli, measure}\n"
            << "constexpr portion_record portion_data[] = {\n"
            << portion_rows.str() << "};\n\n"
            << "// {offset, length}\n"
            << "constexpr text_span measure_data[] = {\n"
            << measure_rows.str() << "};\n\n";
    }
    out << "}  // namespace\n\n"
        << "constinit const std::span<const char> text{text_data, sizeof text_data - 1};\n"
        << "constinit const std::span<const food_record> foods{food_data};\n";
    if (portion_count > 0) {
        out << "constinit const std::span<const portion_record> portions{portion_data};\n"
            << "constinit const std::span<const text_span> measures{measure_data};\n";
    } else {
        out << "constinit const std::span<const portion_record> portions{};\n"
            << "constinit const std::span<const text_span> measures{};\n";
    }
    out << "\n}  // namespace mgcalc::detail::usda_sr24_data\n";
    return std::move(out).str();
}

/// Writes next to the target and renames, so a failed run never leaves a truncated file that the
/// build would take as up to date.
void write_file(const std::string& path, const std::string& content) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
        out.close();
        if (!out) throw std::runtime_error(temporary + ": error: cannot write the file");
    }
    std::filesystem::rename(temporary, path);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: embed_usda_sr24 <foods.csv> <portions.csv> <output.cpp>\n";
        return 2;
    }
    try {
        const std::string foods_path = argv[1];
        const std::string portions_path = argv[2];
        std::vector<parsed_food> foods = read_foods(foods_path);
        read_portions(portions_path, foods);
        write_file(argv[3], generate(foods, foods_path, portions_path));
        return 0;
    } catch (const std::exception& failure) {
        std::cerr << failure.what() << '\n';
        return 1;
    }
}
