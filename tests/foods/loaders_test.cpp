// Tests for mgcalc/foods/loaders.hpp (FoodData Central CSV and USDA SR28 ASCII) and, under the tag
// [csv], for the internal RFC 4180 reader they share (src/detail/csv.hpp has no public header).
//
// Fixtures: tests/data/fdc/, tests/data/sr28/, tests/data/bad/ (provenance in tests/data/README.md).
// Magnesium values are USDA's: SR24 09003 apples 5 mg, 11457 spinach 79 mg, 12014 pumpkin seed
// kernels 592 mg, 01001 butter 2 mg, 05282 pate de foie gras 13 mg per 100 g.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/foods/loaders.hpp>

#include "detail/csv.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using mgcalc::detail::csv_options;
using mgcalc::detail::csv_reader;

const std::string data_dir = MGCALC_TEST_DATA_DIR;

/// The message of the mgcalc::error (code malformed_file) that `action` throws; fails the test
/// when it throws nothing or something else.
template <class Action>
std::string malformed_file_message(Action&& action) {
    try {
        action();
    } catch (const mgcalc::error& e) {
        CHECK(e.code() == mgcalc::errc::malformed_file);
        return e.what();
    }
    FAIL("expected mgcalc::error(malformed_file)");
    return {};
}

mgcalc::food food_with_id(const mgcalc::food_database& database, std::string_view id) {
    const auto index = database.find(id);
    REQUIRE(index.has_value());
    return database.at(*index);
}

/// A temporary folder of files, removed at the end of the test.
class temporary_folder {
public:
    temporary_folder() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() /
                ("mgcalc-loaders-" + std::to_string(std::random_device{}()) + "-" + std::to_string(counter++));
        fs::create_directories(path_);
    }
    ~temporary_folder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    temporary_folder(const temporary_folder&) = delete;
    temporary_folder& operator=(const temporary_folder&) = delete;

    void write(const std::string& name, const std::string& content) const {
        std::ofstream out(path_ / name, std::ios::binary);
        out << content;
    }
    std::string path() const { return path_.string(); }

private:
    fs::path path_;
};

/// A minimal FoodData Central folder whose magnesium nutrient row is `nutrient_row`.
void write_fdc_folder(const temporary_folder& folder, const std::string& nutrient_row,
                      const std::string& nutrient_id, const std::string& amount) {
    folder.write("nutrient.csv", "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\",\"rank\"\n" + nutrient_row + "\n");
    folder.write("measure_unit.csv", "\"id\",\"name\"\n\"9999\",\"undetermined\"\n");
    folder.write("food.csv", "\"fdc_id\",\"description\"\n\"1\",\"Test food\"\n");
    folder.write("food_nutrient.csv", "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\"\n\"10\",\"1\",\"" + nutrient_id +
                                          "\",\"" + amount + "\"\n");
    folder.write("food_portion.csv",
                 "\"id\",\"fdc_id\",\"seq_num\",\"amount\",\"measure_unit_id\",\"portion_description\",\"modifier\","
                 "\"gram_weight\"\n");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The RFC 4180 reader
// ---------------------------------------------------------------------------------------------

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks, lines are where records start",
          "[csv]") {
    const std::string text =
        "id,measure,grams\r\n"
        "1,\"medium (3\"\" dia)\",182\r\n"
        "2,\"cup, quartered or chopped\",125\r\n"
        "3,\"two\r\nlines\",7\r\n"
        "4,plain,1";  // no line end at the end of the input
    auto csv = csv_reader::from_text(text, "portions.csv");
    CHECK(csv.header_line() == 1);
    CHECK(csv.column_names() == std::vector<std::string>{"id", "measure", "grams"});

    REQUIRE(csv.next());
    CHECK(csv.line() == 2);
    CHECK(csv.field("measure") == "medium (3\" dia)");
    CHECK(csv.number("grams") == 182.0);
    REQUIRE(csv.next());
    CHECK(csv.line() == 3);
    CHECK(csv.field(1) == "cup, quartered or chopped");
    REQUIRE(csv.next());
    CHECK(csv.line() == 4);
    CHECK(csv.field(1) == "two\nlines");  // CRLF inside quotes becomes "\n"
    CHECK(csv.field(2) == "7");
    REQUIRE(csv.next());
    CHECK(csv.line() == 6);  // the quoted line break counts
    CHECK(csv.size() == 3);
    CHECK(csv.field(1) == "plain");
    CHECK_FALSE(csv.next());
    CHECK_FALSE(csv.next());
}

TEST_CASE("csv: LF, CRLF and lone CR line ends, empty lines are skipped, empty fields are empty", "[csv]") {
    auto csv = csv_reader::from_text("a,b\n\n1,\r\n\r\n,\"\"\r3,4\n\n", "t.csv");
    REQUIRE(csv.next());
    CHECK(csv.line() == 3);
    CHECK(csv.field(0) == "1");
    CHECK(csv.field(1).empty());
    REQUIRE(csv.next());
    CHECK(csv.line() == 5);
    CHECK(csv.size() == 2);
    CHECK(csv.field(0).empty());
    CHECK(csv.field(1).empty());
    REQUIRE(csv.next());
    CHECK(csv.line() == 6);
    CHECK(csv.field("b") == "4");
    CHECK_FALSE(csv.next());
}

TEST_CASE("csv: the header maps names to columns, case-insensitively, after a byte order mark", "[csv]") {
    auto csv = csv_reader::from_text("\xEF\xBB\xBF\"FDC_ID\", description ,extra\n\"171688\",\"Apples\",x\n", "food.csv");
    CHECK(csv.column("fdc_id") == 0);
    CHECK(csv.column("Description") == 1);
    CHECK(csv.find_column("extra") == std::optional<std::size_t>{2});
    CHECK_FALSE(csv.find_column("missing").has_value());
    csv.require_columns({"fdc_id", "description"});
    REQUIRE(csv.next());
    CHECK(csv.field("fdc_id") == "171688");
}

TEST_CASE("csv: a missing column names the file, header line, column and the expected columns", "[csv]") {
    auto csv = csv_reader::from_text("\n\"fdc_id\",\"data_type\"\n", "food.csv");
    CHECK(malformed_file_message([&] { csv.require_columns({"fdc_id", "description"}); }) ==
          "[mgcalc.malformed_file] food.csv:2: field 'description': missing from the header; expected the columns "
          "fdc_id, description (found fdc_id, data_type)");
    CHECK_THAT(malformed_file_message([&] { (void)csv.column("amount"); }),
               Contains("food.csv:2: field 'amount': missing from the header; expected the columns amount"));
    auto empty = csv_reader::from_text("", "empty.csv");
    CHECK_THAT(malformed_file_message([&] { empty.require_columns({"id"}); }),
               Contains("empty.csv:1: field 'id': missing from the header; expected the columns id (the file is empty)"));
}

TEST_CASE("csv: an unterminated quote is an error at the line where it opened", "[csv]") {
    auto csv = csv_reader::from_text("id,modifier,grams\n1,\"medium\",182\n2,\"small (2-3/4\"\" dia),149\n3,x,1\n",
                                     "food_portion.csv");
    REQUIRE(csv.next());
    CHECK_THAT(malformed_file_message([&] { csv.next(); }),
               Contains("food_portion.csv:3: field 'modifier': unterminated quoted field") &&
                   Contains("expected a closing \" before the end of the file"));
}

TEST_CASE("csv: text after a closing quote is an error naming the field", "[csv]") {
    auto csv = csv_reader::from_text("id,modifier\n1,\"medium\"x\n", "p.csv");
    CHECK_THAT(malformed_file_message([&] { csv.next(); }),
               Contains("p.csv:2: field 'modifier': unexpected 'x' after the closing \"; expected ',' or the end of "
                        "the line"));
    // White space between the closing quote and the separator is tolerated.
    auto spaced = csv_reader::from_text("id,modifier\n\"1\" ,\"medium\"  \n", "p.csv");
    REQUIRE(spaced.next());
    CHECK(spaced.field(0) == "1");
    CHECK(spaced.field(1) == "medium");
}

TEST_CASE("csv: numbers are decimals, the error names file, line, field, value and what is expected", "[csv]") {
    auto csv = csv_reader::from_text("id,amount\n1,12.5\n2,\"12,5\"\n3,\n4,nan\n5, -2e1 \n", "food_nutrient.csv");
    REQUIRE(csv.next());
    CHECK(csv.number("amount") == 12.5);
    REQUIRE(csv.next());
    CHECK(malformed_file_message([&] { (void)csv.number("amount"); }) ==
          "[mgcalc.malformed_file] food_nutrient.csv:3: field 'amount': '12,5' is not a number; expected a decimal "
          "like 12.5");
    REQUIRE(csv.next());
    CHECK(malformed_file_message([&] { (void)csv.number(1); }) ==
          "[mgcalc.malformed_file] food_nutrient.csv:4: field 'amount': is empty; expected a decimal like 12.5");
    CHECK_FALSE(csv.optional_number("amount").has_value());
    REQUIRE(csv.next());
    CHECK_THAT(malformed_file_message([&] { (void)csv.optional_number(1); }),
               Contains("food_nutrient.csv:5: field 'amount': 'nan' is not a number; expected a decimal like 12.5"));
    REQUIRE(csv.next());
    CHECK(csv.number(1) == -20.0);
}

TEST_CASE("csv: a quoted decimal comma is reported as not a number", "[csv]") {
    auto csv = csv_reader::from_text("\"id\",\"amount\"\n\"1\",\"12,5\"\n", "food_nutrient.csv");
    REQUIRE(csv.next());
    CHECK(malformed_file_message([&] { (void)csv.number("amount"); }) ==
          "[mgcalc.malformed_file] food_nutrient.csv:2: field 'amount': '12,5' is not a number; expected a decimal "
          "like 12.5");
}

TEST_CASE("csv: parse_decimal accepts only whole finite decimals", "[csv]") {
    using mgcalc::detail::parse_decimal;
    CHECK(parse_decimal("12.5") == std::optional<double>{12.5});
    CHECK(parse_decimal(" +7 ") == std::optional<double>{7.0});
    CHECK(parse_decimal("1e3") == std::optional<double>{1000.0});
    CHECK(parse_decimal(".5") == std::optional<double>{0.5});
    CHECK_FALSE(parse_decimal("").has_value());
    CHECK_FALSE(parse_decimal("12,5").has_value());
    CHECK_FALSE(parse_decimal("12 mg").has_value());
    CHECK_FALSE(parse_decimal("inf").has_value());
    CHECK_FALSE(parse_decimal("nan").has_value());
    CHECK_FALSE(parse_decimal("1e999").has_value());
}

TEST_CASE("csv: SR28 style: '^' separator, '~' quote, no header, Latin-1 to UTF-8", "[csv]") {
    csv_options options;
    options.separator = '^';
    options.quote = '~';
    options.latin1 = true;
    options.header = false;
    options.column_names = {"NDB_No", "FdGrp_Cd", "Long_Desc"};
    auto csv = csv_reader::from_text("~09423~^~0900~^~Prune pur\xE9" "e~^6.25\r\n~01001~^~~^~a^b, \"c\"~\r\n",
                                     "FOOD_DES.txt", options);
    CHECK(csv.header_line() == 0);
    REQUIRE(csv.next());
    CHECK(csv.line() == 1);
    CHECK(csv.field("NDB_No") == "09423");  // text: the leading zero stays
    CHECK(csv.field("Long_Desc") == "Prune pur\xC3\xA9" "e");
    CHECK(csv.size() == 4);
    CHECK(csv.field_label(3) == "field 4");  // unnamed columns are numbered from 1
    REQUIRE(csv.next());
    CHECK(csv.field(1).empty());
    CHECK(csv.field(2) == "a^b, \"c\"");
    CHECK(malformed_file_message([&] { (void)csv.field(3); }) ==
          "[mgcalc.malformed_file] FOOD_DES.txt:2: field 4: missing; the record has 3 fields, expected at least 4");
}

TEST_CASE("csv: without latin1, bytes pass through unchanged (UTF-8 stays UTF-8)", "[csv]") {
    auto csv = csv_reader::from_text("name\n\"P\xC3\xA2t\xC3\xA9\"\n", "u.csv");
    REQUIRE(csv.next());
    CHECK(csv.field(0) == "P\xC3\xA2t\xC3\xA9");
}

TEST_CASE("csv: a field that is not UTF-8 is an error naming its line and field, unless read as Latin-1",
          "[csv]") {
    // "Pâté" saved as Latin-1 (0xE2, 0xE9), read as if it were UTF-8.
    const std::string text = "id,name\n1,ok\n2,P\xE2t\xE9\n";
    auto csv = csv_reader::from_text(text, "foods.csv");
    REQUIRE(csv.next());
    const mgcalc::error e = mgcalc_test::thrown_by([&] { (void)csv.next(); });
    CHECK(e.code() == mgcalc::errc::malformed_file);
    CHECK(e.where().file == "foods.csv");
    CHECK(e.where().line == 3);
    CHECK(e.input() == "P\xE2t\xE9");
    CHECK(std::string(e.message()) ==
          "field 'name': byte 0xE2 is not valid UTF-8; expected UTF-8 text (save the file as UTF-8)");
    // Overlong forms and UTF-16 surrogates are not UTF-8 either.
    for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
        auto strict = csv_reader::from_text("a\n" + bad + "\n", "t.csv");
        CHECK(mgcalc_test::thrown_by([&] { (void)strict.next(); }).where().line == 2);
    }
    auto latin1 = csv_reader::from_text(text, "foods.csv", csv_options{.latin1 = true});
    REQUIRE(latin1.next());
    REQUIRE(latin1.next());
    CHECK(latin1.field("name") == "P\xC3\xA2t\xC3\xA9");
}

TEST_CASE("csv: fields are written quoted only when they need it and read back as written", "[csv]") {
    using mgcalc::detail::append_csv_field;
    using mgcalc::detail::append_csv_row;
    std::string out;
    append_csv_row(out, {"plain", "a, b", "say \"hi\"", "two\nlines", "", "\r"});
    CHECK(out == "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"\r\"\n");
    std::string always;
    append_csv_field(always, "Women 19-30 y", mgcalc::detail::csv_quoting::always);
    CHECK(always == "\"Women 19-30 y\"");
    auto csv = csv_reader::from_text("a,b,c,d,e,f\n" + out, "round-trip.csv");
    REQUIRE(csv.next());
    CHECK(csv.field(1) == "a, b");
    CHECK(csv.field(2) == "say \"hi\"");
    CHECK(csv.field(3) == "two\nlines");
    CHECK(csv.field(4).empty());
    CHECK(csv.field(5) == "\n");  // a line break inside quotes is read as "\n", whichever it was
}

TEST_CASE("csv: records larger than the read buffer and many records stream correctly", "[csv]") {
    std::string long_text(200'000, 'x');
    long_text[100'000] = ',';
    std::string text = "id,text\n";
    text += "1,\"" + long_text + "\"\n";
    for (int i = 2; i <= 20'000; ++i) text += std::to_string(i) + ",\"row, " + std::to_string(i) + "\"\n";
    auto csv = csv_reader::from_text(text, "big.csv");
    REQUIRE(csv.next());
    CHECK(csv.field(1) == long_text);
    int count = 1;
    int wrong_lines = 0;
    std::string last;
    while (csv.next()) {
        ++count;
        if (csv.line() != static_cast<std::size_t>(count + 1)) ++wrong_lines;
        last = csv.field(1);
    }
    CHECK(count == 20'000);
    CHECK(wrong_lines == 0);
    CHECK(last == "row, 20000");
}

TEST_CASE("csv: a file that cannot be opened is an error naming it", "[csv]") {
    CHECK_THAT(malformed_file_message([] { (void)csv_reader::open(data_dir + "/no-such-file.csv"); }),
               Contains("no-such-file.csv: cannot open the file"));
    CHECK_THAT(malformed_file_message([] { (void)csv_reader::open(data_dir + "/fdc"); }),
               Contains("fdc: is a folder; expected a file"));
}

TEST_CASE("csv: fail() reports the current record's line and field", "[csv]") {
    auto csv = csv_reader::from_text("id,unit\n1,KCAL\n", "nutrient.csv");
    REQUIRE(csv.next());
    CHECK(malformed_file_message([&] { csv.fail("unit", "'KCAL' is not a mass unit; expected MG"); }) ==
          "[mgcalc.malformed_file] nutrient.csv:2: field 'unit': 'KCAL' is not a mass unit; expected MG");
    CHECK(malformed_file_message([&] { csv.fail("duplicate food; expected each once"); }) ==
          "[mgcalc.malformed_file] nutrient.csv:2: duplicate food; expected each once");
}

// ---------------------------------------------------------------------------------------------
// FoodData Central CSV
// ---------------------------------------------------------------------------------------------

TEST_CASE("food_loaders: FDC magnesium comes from nutrient 1090 (nutrient_nbr 304), per 100 g", "[food_loaders]") {
    const auto fdc = mgcalc::load_fdc_csv(data_dir + "/fdc");
    CHECK(fdc->source() == "fdc");
    CHECK(fdc->size() == 5);  // food.csv's five foods; the food_nutrient row for 9999999 is skipped

    const mgcalc::food apple = food_with_id(*fdc, "171688");
    CHECK(apple.source == "fdc");
    // Quoted description with commas and an apostrophe, read from a CRLF file.
    CHECK(apple.description == "Apples, raw, with skin (Includes foods for USDA's Food Distribution Program)");
    REQUIRE(apple.magnesium_per_100g.has_value());
    CHECK(apple.magnesium_per_100g->value() == Approx(5.0));  // SR 09003

    CHECK(fdc->magnesium_per_100g(*fdc->find("168462"))->value() == Approx(79.0));   // SR 11457 spinach
    CHECK(fdc->magnesium_per_100g(*fdc->find("170556"))->value() == Approx(592.0));  // SR 12014 pumpkin seeds
    const mgcalc::food fixture = food_with_id(*fdc, "9000002");
    CHECK(fixture.description == "Seeds, pumpkin, \"pepitas\", hulled (fixture)");
    CHECK(fixture.magnesium_per_100g->value() == Approx(550.5));
}

TEST_CASE("food_loaders: FDC food without a magnesium row is unknown, not 0, nutrient_id 304 is not magnesium",
          "[food_loaders]") {
    const auto fdc = mgcalc::load_fdc_csv(data_dir + "/fdc");
    // 9000001 has a calcium row (1087) and a row with nutrient_id "304": the join is on nutrient.id
    // (1090), so neither is magnesium, and the food stays unknown rather than 0 or 999.
    const mgcalc::food cheese = food_with_id(*fdc, "9000001");
    CHECK_FALSE(cheese.magnesium_per_100g.has_value());
    CHECK_FALSE(mgcalc::magnesium_in(cheese, mgcalc::grams::from_value(33.0)).has_value());
}

TEST_CASE("food_loaders: FDC portions: unit name, SR Legacy modifier text, FNDDS portion_description",
          "[food_loaders]") {
    const auto fdc = mgcalc::load_fdc_csv(data_dir + "/fdc");
    const mgcalc::food apple = food_with_id(*fdc, "171688");
    REQUIRE(apple.portions.size() == 4);
    // SR Legacy portions have measure_unit_id 9999 ("undetermined"): the text is in modifier.
    CHECK(apple.portions[0].measure == "cup, quartered or chopped");
    CHECK(apple.portions[1].measure == "cup slices");
    CHECK(apple.portions[2].measure == "large (3-1/4\" dia)");
    CHECK(apple.portions[3].measure == "medium (3\" dia)");  // "medium (3"" dia)" in the file
    CHECK(apple.portions[3].amount == 1.0);
    CHECK(apple.portions[3].weight.value() == Approx(182.0));
    // USDA portion arithmetic: 5 mg/100 g x 182 g = 9.1 mg in a medium apple.
    CHECK(mgcalc::magnesium_in(apple, apple.portions[3].weight)->value() == Approx(9.1));

    const mgcalc::food cheese = food_with_id(*fdc, "9000001");
    REQUIRE(cheese.portions.size() == 1);
    CHECK(cheese.portions[0].amount == 2.0);
    CHECK(cheese.portions[0].measure == "tbsp");
    CHECK(cheese.portions[0].weight.value() == Approx(33.0));

    const mgcalc::food fixture = food_with_id(*fdc, "9000002");
    REQUIRE(fixture.portions.size() == 2);
    // A real unit (measure_unit 1000 "cup") with a qualifier in modifier.
    CHECK(fixture.portions[0].amount == 0.5);
    CHECK(fixture.portions[0].measure == "cup, hulled");
    CHECK(fixture.portions[0].weight.value() == Approx(64.5));
    // FNDDS style: 9999, a numeric portion code in modifier, the text in portion_description, no amount.
    CHECK(fixture.portions[1].amount == 1.0);
    CHECK(fixture.portions[1].measure == "1 handful, \"small\"");
    CHECK(fixture.portions[1].weight.value() == Approx(20.0));

    CHECK(food_with_id(*fdc, "168462").portions.size() == 2);
}

TEST_CASE("food_loaders: FDC magnesium nutrient is found by nutrient_nbr, whatever its id", "[food_loaders]") {
    temporary_folder folder;
    // An export whose magnesium row has another id and writes numbers as decimals.
    write_fdc_folder(folder, "\"7777\",\"Magnesium, Mg\",\"MG\",\"304.0\",\"5500.0\"", "7777.0", "42");
    const auto fdc = mgcalc::load_fdc_csv(folder.path());
    CHECK(fdc->magnesium_per_100g(0)->value() == Approx(42.0));
}

TEST_CASE("food_loaders: FDC amounts in G or UG are converted to mg", "[food_loaders]") {
    SECTION("grams") {
        temporary_folder folder;
        write_fdc_folder(folder, "\"1090\",\"Magnesium, Mg\",\"G\",\"304\",\"5500\"", "1090", "0.592");
        CHECK(mgcalc::load_fdc_csv(folder.path())->magnesium_per_100g(0)->value() == Approx(592.0));
    }
    SECTION("micrograms") {
        temporary_folder folder;
        write_fdc_folder(folder, "\"1090\",\"Magnesium, Mg\",\"UG\",\"304\",\"5500\"", "1090", "79000");
        CHECK(mgcalc::load_fdc_csv(folder.path())->magnesium_per_100g(0)->value() == Approx(79.0));
    }
    SECTION("an empty amount is unknown") {
        temporary_folder folder;
        write_fdc_folder(folder, "\"1090\",\"Magnesium, Mg\",\"MG\",\"304\",\"5500\"", "1090", "");
        CHECK_FALSE(mgcalc::load_fdc_csv(folder.path())->magnesium_per_100g(0).has_value());
    }
    SECTION("a negative amount is an error") {
        temporary_folder folder;
        write_fdc_folder(folder, "\"1090\",\"Magnesium, Mg\",\"MG\",\"304\",\"5500\"", "1090", "-1");
        CHECK_THAT(malformed_file_message([&] { (void)mgcalc::load_fdc_csv(folder.path()); }),
                   Contains("food_nutrient.csv:2: field 'amount': '-1' is negative; expected magnesium per 100 g of 0 "
                            "or more"));
    }
}

TEST_CASE("food_loaders: FDC errors name the file, line and field and what was expected", "[food_loaders]") {
    const std::string bad = data_dir + "/bad/";
    const auto load = [](const std::string& directory) {
        return [directory] { (void)mgcalc::load_fdc_csv(directory); };
    };
    CHECK_THAT(malformed_file_message(load(bad + "fdc-missing-column")),
               Contains("fdc-missing-column/food.csv:1: field 'description': missing from the header; expected the "
                        "columns fdc_id, description (found fdc_id, data_type, food_category_id, publication_date)"));
    CHECK_THAT(malformed_file_message(load(bad + "fdc-unterminated-quote")),
               Contains("fdc-unterminated-quote/food_portion.csv:3: field 'modifier': unterminated quoted field"));
    CHECK_THAT(malformed_file_message(load(bad + "fdc-non-numeric")),
               Contains("fdc-non-numeric/food_nutrient.csv:3: field 'amount': '12,5' is not a number; expected a "
                        "decimal like 12.5"));
    CHECK_THAT(malformed_file_message(load(bad + "fdc-missing-file")),
               Contains("fdc-missing-file/food_portion.csv: no such file (missing: food_portion.csv); expected a "
                        "FoodData Central CSV folder with food.csv, food_nutrient.csv, food_portion.csv, "
                        "nutrient.csv, measure_unit.csv"));
    CHECK_THAT(malformed_file_message(load(bad + "fdc-bad-unit")),
               Contains("fdc-bad-unit/nutrient.csv:2: field 'unit_name': 'KCAL' is not a mass unit for magnesium "
                        "(nutrient_nbr 304); expected MG, G or UG"));
    CHECK_THAT(malformed_file_message(load(bad + "fdc-no-magnesium-nutrient")),
               Contains("fdc-no-magnesium-nutrient/nutrient.csv: no nutrient has nutrient_nbr 304 (magnesium)"));
    CHECK_THAT(malformed_file_message(load(bad + "fdc-unknown-measure-unit")),
               Contains("fdc-unknown-measure-unit/food_portion.csv:2: field 'measure_unit_id': '1234' is not an id "
                        "in measure_unit.csv"));
    CHECK_THAT(malformed_file_message(load(bad + "no-such-folder")),
               Contains("no-such-folder: not a folder; expected a FoodData Central CSV download folder"));
}

TEST_CASE("food_loaders: FDC duplicate ids and bad portion weights are errors with their line", "[food_loaders]") {
    temporary_folder folder;
    write_fdc_folder(folder, "\"1090\",\"Magnesium, Mg\",\"MG\",\"304\",\"5500\"", "1090", "5");
    SECTION("duplicate fdc_id") {
        folder.write("food.csv", "\"fdc_id\",\"description\"\n\"1\",\"A\"\n\"2\",\"B\"\n\"1\",\"C\"\n");
        CHECK_THAT(malformed_file_message([&] { (void)mgcalc::load_fdc_csv(folder.path()); }),
                   Contains("food.csv:4: field 'fdc_id': '1' appears twice (first on line 2); expected each food once"));
    }
    SECTION("zero gram weight") {
        folder.write("food_portion.csv",
                     "\"id\",\"fdc_id\",\"seq_num\",\"amount\",\"measure_unit_id\",\"portion_description\","
                     "\"modifier\",\"gram_weight\"\n\"5\",\"1\",\"1\",\"1\",\"9999\",\"\",\"cup\",\"0\"\n");
        CHECK_THAT(malformed_file_message([&] { (void)mgcalc::load_fdc_csv(folder.path()); }),
                   Contains("food_portion.csv:2: field 'gram_weight': '0' is not a positive weight"));
    }
    SECTION("no measure text at all") {
        folder.write("food_portion.csv",
                     "\"id\",\"fdc_id\",\"seq_num\",\"amount\",\"measure_unit_id\",\"portion_description\","
                     "\"modifier\",\"gram_weight\"\n\"5\",\"1\",\"1\",\"1\",\"9999\",\"\",\"\",\"30\"\n");
        CHECK_THAT(malformed_file_message([&] { (void)mgcalc::load_fdc_csv(folder.path()); }),
                   Contains("food_portion.csv:2: field 'measure_unit_id': '9999' names no unit"));
    }
}

// ---------------------------------------------------------------------------------------------
// USDA SR28 ASCII
// ---------------------------------------------------------------------------------------------

TEST_CASE("food_loaders: SR28 magnesium is Nutr_Val of Nutr_No 304, NDB_No keeps its leading zero",
          "[food_loaders]") {
    const auto sr28 = mgcalc::load_sr28(data_dir + "/sr28");
    CHECK(sr28->source() == "sr28");
    CHECK(sr28->size() == 5);
    const mgcalc::food butter = food_with_id(*sr28, "01001");
    CHECK_FALSE(sr28->find("1001").has_value());
    CHECK(butter.source == "sr28");
    CHECK(butter.description == "Butter, salted");  // Long_Desc, not Shrt_Desc "BUTTER,WITH SALT"
    CHECK(butter.magnesium_per_100g->value() == Approx(2.0));
    CHECK(sr28->magnesium_per_100g(*sr28->find("09003"))->value() == Approx(5.0));  // not calcium's 6
    CHECK(sr28->magnesium_per_100g(*sr28->find("12014"))->value() == Approx(592.0));
    // SR files are in NDB_No order, and so are the positions.
    CHECK(sr28->id(0) == "01001");
    CHECK(sr28->id(4) == "12014");
}

TEST_CASE("food_loaders: SR28 Latin-1 text becomes UTF-8, a food without a 304 row is unknown", "[food_loaders]") {
    const auto sr28 = mgcalc::load_sr28(data_dir + "/sr28");
    const mgcalc::food pate = food_with_id(*sr28, "05282");
    // 0xE2 (a circumflex) and 0xE9 (e acute) in the file, two UTF-8 bytes each here.
    CHECK(pate.description == "P\xC3\xA2t\xC3\xA9 de foie gras, canned (goose liver p\xC3\xA2t\xC3\xA9), smoked");
    CHECK(pate.magnesium_per_100g->value() == Approx(13.0));
    const mgcalc::food prunes = food_with_id(*sr28, "09423");
    CHECK(prunes.description == "Prune pur\xC3\xA9" "e");
    CHECK_FALSE(prunes.magnesium_per_100g.has_value());  // only a 203 row: unknown, never 0
}

TEST_CASE("food_loaders: SR28 portions are Amount, Msre_Desc and Gm_Wgt from WEIGHT.txt, in order",
          "[food_loaders]") {
    const auto sr28 = mgcalc::load_sr28(data_dir + "/sr28");
    const mgcalc::food butter = food_with_id(*sr28, "01001");
    REQUIRE(butter.portions.size() == 3);
    CHECK(butter.portions[0].measure == "cup");
    CHECK(butter.portions[0].weight.value() == Approx(227.0));
    CHECK(butter.portions[2].measure == "pat (1\" sq, 1/3\" high)");
    CHECK(butter.portions[2].weight.value() == Approx(5.0));
    const mgcalc::food prunes = food_with_id(*sr28, "09423");
    REQUIRE(prunes.portions.size() == 1);
    CHECK(prunes.portions[0].amount == 2.0);  // "2 tbsp = 36 g"
    CHECK(prunes.portions[0].measure == "tbsp");
    CHECK(prunes.portions[0].weight.value() == Approx(36.0));
    const mgcalc::food apple = food_with_id(*sr28, "09003");
    REQUIRE(apple.portions.size() == 2);
    CHECK(apple.portions[1].measure == "medium (3\" dia)");
    CHECK(mgcalc::magnesium_in(apple, apple.portions[1].weight)->value() == Approx(9.1));
}

TEST_CASE("food_loaders: SR28 errors name the file, line and field and what was expected", "[food_loaders]") {
    const std::string bad = data_dir + "/bad/";
    const auto load = [](const std::string& directory) {
        return [directory] { (void)mgcalc::load_sr28(directory); };
    };
    CHECK_THAT(malformed_file_message(load(bad + "sr28-missing-file")),
               Contains("sr28-missing-file/WEIGHT.txt: no such file (missing: WEIGHT.txt); expected an SR28 ASCII "
                        "folder with FOOD_DES.txt, NUT_DATA.txt, WEIGHT.txt"));
    CHECK_THAT(malformed_file_message(load(bad + "sr28-unterminated-quote")),
               Contains("sr28-unterminated-quote/FOOD_DES.txt:2: field 'Long_Desc': unterminated quoted field") &&
                   Contains("expected a closing ~ before the end of the file"));
    CHECK_THAT(malformed_file_message(load(bad + "sr28-non-numeric")),
               Contains("sr28-non-numeric/NUT_DATA.txt:2: field 'Nutr_Val': '12,5' is not a number; expected a "
                        "decimal like 12.5"));
    CHECK_THAT(malformed_file_message(load(bad + "sr28-short-record")),
               Contains("sr28-short-record/WEIGHT.txt:2: field 'Gm_Wgt': missing; the record has 4 fields, expected "
                        "at least 5"));
    CHECK_THAT(malformed_file_message(load(bad + "no-such-folder")),
               Contains("no-such-folder: not a folder; expected an SR28 ASCII folder with FOOD_DES.txt"));
}

TEST_CASE("food_loaders: SR28 file names match case-insensitively, a duplicate NDB_No is an error",
          "[food_loaders]") {
    temporary_folder folder;
    folder.write("food_des.txt", "~01001~^~0100~^~Butter, salted~\r\n~01001~^~0100~^~Butter again~\r\n");
    folder.write("NUT_DATA.TXT", "");
    folder.write("Weight.txt", "");
    CHECK_THAT(malformed_file_message([&] { (void)mgcalc::load_sr28(folder.path()); }),
               Contains("food_des.txt:2: field 'NDB_No': '01001' appears twice (first on line 1); expected each food "
                        "once"));
}

TEST_CASE("csv reader: a record longer than its limit is an error at its line, not unbounded memory", "[csv][hardening]") {
    using mgcalc::detail::csv_reader;
    const std::string huge(mgcalc::detail::max_record_bytes + 10, 'x');
    csv_reader long_line = csv_reader::from_text("id,name\n1,ok\n2," + huge + "\n", "big.csv");
    REQUIRE(long_line.next());
    try {
        (void)long_line.next();
        FAIL("a record over the limit was read");
    } catch (const mgcalc::error& e) {
        CHECK(e.code() == mgcalc::errc::malformed_file);
        CHECK(e.where().file == "big.csv");
        CHECK(e.where().line == 3);
        CHECK(std::string(e.message()).find("longer than 1048576 bytes") != std::string::npos);
    }
    // The same inside a quoted field with line breaks.
    std::string quoted = "id,name\n1,\"";
    for (int i = 0; i < 300'000; ++i) quoted += "abcd\n";  // 1.5 MB in one field
    CHECK_THROWS_AS(csv_reader::from_text(quoted + "\"\n", "quoted.csv").next(), mgcalc::error);
    // A line of nothing but separators.
    CHECK_THROWS_AS(csv_reader::from_text("a\n" + std::string(5000, ',') + "\n", "commas.csv").next(), mgcalc::error);
    csv_reader fine = csv_reader::from_text("a\n" + std::string(100, ',') + "\n", "commas.csv");
    CHECK(fine.next());
}

TEST_CASE("csv reader: a device, FIFO or folder is refused when opened", "[csv][hardening]") {
    using mgcalc::detail::csv_reader;
    const std::string fifo = (std::filesystem::temp_directory_path() /
                              ("mgcalc_csv_fifo_" + std::to_string(::getpid()))).string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const std::string& path : {std::string("/dev/zero"), fifo, std::string("/tmp")}) {
        INFO(path);
        // Opening a FIFO for reading would block until a writer came: it must be refused first.
        CHECK_THROWS_AS(csv_reader::open(path), mgcalc::error);
    }
    std::filesystem::remove(fifo);
}
