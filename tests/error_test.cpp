// Tests for mgcalc/error.hpp: stable error codes, their names, and the what() format.
//
// Codes and names are an API (nlohmann/json-style ids): callers switch on code(), users search
// for "[mgcalc.<name>]". The table below pins both; changing a value or a name must fail here.
// A new code is added at the end of the enum and to this table.
#include <mgcalc/error.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace {

using mgcalc::errc;

struct code_name {
    errc code;
    int value;
    std::string_view name;
};

constexpr std::array<code_name, 11> every_code{{
    {errc::invalid_amount, 1, "invalid_amount"},
    {errc::unknown_unit, 2, "unknown_unit"},
    {errc::unknown_compound, 3, "unknown_compound"},
    {errc::invalid_life_stage, 4, "invalid_life_stage"},
    {errc::invalid_date, 5, "invalid_date"},
    {errc::parse_error, 6, "parse_error"},
    {errc::unknown_food, 7, "unknown_food"},
    {errc::unknown_measure, 8, "unknown_measure"},
    {errc::ambiguous_food, 9, "ambiguous_food"},
    {errc::malformed_file, 10, "malformed_file"},
    {errc::not_covered, 11, "not_covered"},
}};

// Released values never change meaning.
static_assert(static_cast<int>(errc::invalid_amount) == 1);
static_assert(static_cast<int>(errc::malformed_file) == 10);
static_assert(static_cast<int>(errc::not_covered) == 11);

// One exception hierarchy: catchable as std::runtime_error / std::exception.
static_assert(std::is_base_of_v<std::runtime_error, mgcalc::error>);
static_assert(std::is_nothrow_invocable_v<decltype(&mgcalc::error::code), const mgcalc::error&>);
static_assert(std::is_nothrow_copy_constructible_v<mgcalc::error>, "exceptions must copy without throwing");

bool is_identifier(std::string_view name) {
    if (name.empty()) return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("error: every code has a stable value and name", "[error]") {
    for (const code_name& entry : every_code) {
        INFO("code " << entry.value << " expected name " << entry.name);
        CHECK(static_cast<int>(entry.code) == entry.value);
        CHECK(mgcalc::to_string(entry.code) == entry.name);
    }
}

TEST_CASE("error: code names are distinct lower_case identifiers", "[error]") {
    std::set<std::string_view> names;
    std::set<int> values;
    for (const code_name& entry : every_code) {
        const std::string_view name = mgcalc::to_string(entry.code);
        INFO(name);
        CHECK(is_identifier(name));
        CHECK(names.insert(name).second);
        CHECK(values.insert(static_cast<int>(entry.code)).second);
    }
    CHECK(names.size() == every_code.size());
}

TEST_CASE("error: what() is \"[mgcalc.<code>] <message>\"", "[error]") {
    const mgcalc::error e{errc::unknown_compound, "no compound 'unobtainium'; accepted: oxide, citrate"};
    CHECK(e.code() == errc::unknown_compound);
    CHECK(std::string{e.what()} == "[mgcalc.unknown_compound] no compound 'unobtainium'; accepted: oxide, citrate");

    for (const code_name& entry : every_code) {
        const mgcalc::error each{entry.code, "message"};
        CHECK(std::string{each.what()} == "[mgcalc." + std::string{entry.name} + "] message");
        CHECK(each.code() == entry.code);
    }
}

TEST_CASE("error: an mgcalc::error is caught as std::exception with its code intact", "[error]") {
    try {
        throw mgcalc::error{errc::invalid_amount, "-5 mg: an amount must not be negative"};
    } catch (const std::exception& caught) {
        CHECK(std::string{caught.what()} == "[mgcalc.invalid_amount] -5 mg: an amount must not be negative");
        const auto* as_error = dynamic_cast<const mgcalc::error*>(&caught);
        REQUIRE(as_error != nullptr);
        CHECK(as_error->code() == errc::invalid_amount);
    }
    // A copy keeps the code and the message (exceptions are copied when rethrown).
    const mgcalc::error original{errc::parse_error, "line 3: expected 'COMPOUND=AMOUNT UNIT'"};
    const mgcalc::error copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(copy.code() == errc::parse_error);
    CHECK(std::string{copy.what()} == std::string{original.what()});
}

TEST_CASE("error: errc is a std::error_code enum of the mgcalc category", "[error]") {
    const std::error_code ec = errc::unknown_food;  // implicit, through make_error_code
    CHECK(ec.category().name() == std::string{"mgcalc"});
    CHECK(ec.value() == 7);
    CHECK(ec == errc::unknown_food);
    CHECK(ec != errc::unknown_compound);
    CHECK(ec != std::make_error_code(std::errc::invalid_argument));  // 22, another category
    CHECK(ec.message() == "no food has this id or description");
    std::set<std::string> messages;
    for (const code_name& entry : every_code) {
        const std::string message = std::error_code(entry.code).message();
        INFO(entry.name);
        CHECK_FALSE(message.empty());
        CHECK(message != "unknown mgcalc error");
        CHECK(messages.insert(message).second);
    }
}

TEST_CASE("error: the location is fields and the prefix of what()", "[error]") {
    mgcalc::error_location where;
    where.file = "me.json";
    where.line = 3;
    where.column = 14;
    where.json_path = "$.days[0].entries[1]";
    const mgcalc::error e{errc::malformed_file, "unknown field", where, "colour"};
    CHECK(std::string{e.what()} == "[mgcalc.malformed_file] me.json:3:14: $.days[0].entries[1]: unknown field");
    CHECK(e.message() == "unknown field");
    CHECK(e.where().file == "me.json");
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 14);
    CHECK(e.where().json_path == "$.days[0].entries[1]");
    CHECK(e.input() == "colour");

    // A log day and entry, as the log evaluation names them; a line without a file.
    mgcalc::error_location entry;
    entry.day = "2024-03-10";
    entry.entry = 2;
    CHECK(mgcalc::error(errc::unknown_food, "no food 'x'", entry).what() ==
          std::string{"[mgcalc.unknown_food] day 2024-03-10, entry 2: no food 'x'"});
    mgcalc::error_location line_only;
    line_only.line = 5;
    CHECK(mgcalc::error(errc::parse_error, "bad", line_only).what() == std::string{"[mgcalc.parse_error] line 5: bad"});
    CHECK(mgcalc::error_location{}.empty());
    CHECK_FALSE(line_only.empty());
}

TEST_CASE("error: within() fills the location an inner error leaves empty", "[error]") {
    mgcalc::error_location inner;
    inner.json_path = "$.days[0].entries[0].amount";
    const mgcalc::error entry_error{errc::unknown_unit, "'spoon' is not a unit", inner, "1 spoon"};
    mgcalc::error_location outer;
    outer.file = "log.json";
    outer.line = 9;
    outer.column = 20;
    outer.json_path = "$.days[0]";  // the inner, more precise path wins
    const mgcalc::error placed = entry_error.within(outer);
    CHECK(placed.code() == errc::unknown_unit);
    CHECK(placed.input() == "1 spoon");
    CHECK(placed.where().file == "log.json");
    CHECK(placed.where().line == 9);
    CHECK(placed.where().json_path == "$.days[0].entries[0].amount");
    CHECK(std::string{placed.what()} ==
          "[mgcalc.unknown_unit] log.json:9:20: $.days[0].entries[0].amount: 'spoon' is not a unit");
    // The original is unchanged.
    CHECK(entry_error.where().file.empty());
}

TEST_CASE("error: a copy shares the texts, and each text ends at a NUL byte as what() does", "[error]") {
    mgcalc::error_location where;
    where.file = "foods.csv";
    where.line = 7;
    const mgcalc::error original{errc::malformed_file, "binary file", where, std::string("ab\0cd", 5)};
    const mgcalc::error copy = original;  // NOLINT(performance-unnecessary-copy-initialization): the copy is tested
    CHECK(copy.what() == std::string{original.what()});
    CHECK(copy.message() == "binary file");
    CHECK(copy.where().file == "foods.csv");
    CHECK(copy.where().line == 7);
    CHECK(copy.input() == "ab");
}
