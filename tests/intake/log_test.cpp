// Tests for mgcalc/intake/log.hpp: adding entries to a log by date, and entries read as typed.
#include <mgcalc/error.hpp>
#include <mgcalc/intake/log.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using mgcalc::date;
using mgcalc::errc;
using mgcalc::log_entry;
using mgcalc::log_entry_kind;

namespace {

using mgcalc_test::contains;
using mgcalc_test::error_message;

log_entry food(std::string phrase) {
    log_entry e;
    e.kind = log_entry_kind::food;
    e.phrase = std::move(phrase);
    return e;
}

std::vector<std::string> phrases(const mgcalc::log_day& day) {
    std::vector<std::string> out;
    for (const log_entry& e : day.entries) out.push_back(e.phrase);
    return out;
}

}  // namespace

TEST_CASE("log: add_entries puts each entry in the day of its date, inserting days in date order", "[log]") {
    mgcalc::intake_log log;
    log.days = {{date(2024, 3, 2), {food("a")}}, {date(2024, 3, 5), {food("b")}}};
    mgcalc::add_entries(log, {{date(2024, 3, 5), food("c")},
                              {date(2024, 3, 1), food("d")},
                              {date(2024, 3, 3), food("e")},
                              {date(2024, 3, 5), food("f")},
                              {date(2024, 3, 9), food("g")}});
    REQUIRE(log.days.size() == 5);
    CHECK(log.days[0].date == date(2024, 3, 1));
    CHECK(log.days[1].date == date(2024, 3, 2));
    CHECK(log.days[2].date == date(2024, 3, 3));
    CHECK(log.days[3].date == date(2024, 3, 5));
    CHECK(log.days[4].date == date(2024, 3, 9));
    CHECK(phrases(log.days[0]) == std::vector<std::string>{"d"});
    CHECK(phrases(log.days[1]) == std::vector<std::string>{"a"});  // untouched
    // The day's own entries first, then the new ones in the order given.
    CHECK(phrases(log.days[3]) == std::vector<std::string>{"b", "c", "f"});

    mgcalc::add_entries(log, date(2024, 3, 2), {food("h"), food("i")});
    CHECK(phrases(log.days[1]) == std::vector<std::string>{"a", "h", "i"});
    mgcalc::add_entries(log, date(2024, 3, 4), {});  // nothing to add: no empty day either
    CHECK(log.days.size() == 5);
}

TEST_CASE("log: add_entries refuses a log whose days are out of order and leaves it unchanged", "[log]") {
    mgcalc::intake_log log;
    log.days = {{date(2024, 3, 5), {food("a")}}, {date(2024, 3, 2), {food("b")}}};
    const std::string message =
        error_message([&] { mgcalc::add_entries(log, date(2024, 3, 3), {food("c")}); }, errc::invalid_date);
    CHECK(contains(message, "day 2 of the log (2024-03-02) comes before"));
    CHECK(log.days.size() == 2);
    CHECK(phrases(log.days[0]) == std::vector<std::string>{"a"});

    log.days = {{date(2024, 3, 2), {}}, {date(2024, 3, 2), {}}};
    CHECK(contains(error_message([&] { mgcalc::add_entries(log, date(2024, 3, 3), {food("c")}); }, errc::invalid_date),
                   "the same date"));
}

TEST_CASE("log: read_log_entry keeps the entry as typed and reads the time after '@'", "[log]") {
    const log_entry beans = mgcalc::read_log_entry(log_entry_kind::food, "  1 cup black beans ");
    CHECK(beans.kind == log_entry_kind::food);
    CHECK(beans.phrase == "1 cup black beans");
    CHECK_FALSE(beans.time.has_value());
    CHECK(beans.item.empty());

    const log_entry dose = mgcalc::read_log_entry(log_entry_kind::supplement, "glycinate=200 mg @ 21:30");
    CHECK(dose.phrase == "glycinate=200 mg");
    REQUIRE(dose.time.has_value());
    CHECK(*dose.time == mgcalc::time_of_day{21, 30});

    const log_entry product = mgcalc::read_log_entry(log_entry_kind::product, "my-mag = 2@08:00");
    CHECK(product.item == "my-mag");
    CHECK(product.amount == "2");
    CHECK(product.phrase.empty());
    CHECK(*product.time == mgcalc::time_of_day{8, 0});
}

TEST_CASE("log: read_log_entry says what is wrong and what would be accepted", "[log]") {
    struct bad {
        log_entry_kind kind;
        const char* typed;
        const char* says;
    };
    for (const bad& b : {bad{log_entry_kind::supplement, "glycinate=200 mg@25:00", "the time after \"@\" is not HH:MM"},
                         bad{log_entry_kind::supplement, "glycinate=200 mg@9pm", "is not HH:MM"},
                         bad{log_entry_kind::food, "@12:00", "nothing before the time"},
                         bad{log_entry_kind::food, "   ", "nothing before the time"},
                         bad{log_entry_kind::product, "my-mag 2", "no \"=\" between the product and the count"},
                         bad{log_entry_kind::product, "=2", "no product"},
                         bad{log_entry_kind::product, "my-mag=", "no count"}}) {
        INFO(b.typed);
        const mgcalc::result<log_entry> read = mgcalc::try_read_log_entry(b.kind, b.typed);
        REQUIRE_FALSE(read);
        CHECK(read.error().code() == errc::parse_error);
        CHECK(contains(std::string(read.error().message()), b.says));
        CHECK(contains(std::string(read.error().message()), "expected"));
        CHECK(read.error().input() == b.typed);
    }
}
