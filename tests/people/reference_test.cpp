// Tests for mgcalc/people/reference.hpp: the IOM 1997 magnesium reference intakes.
//
// Every expected number below is typed in from the published tables (cited in docs/sources.md),
// never read back from the table in mgcalc/people/reference.hpp:
//   IOM 1997  Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and
//             Fluoride, doi:10.17226/5776 (EAR pp. 219, 239, 241; UL pp. 242-244).
//   ODS       NIH ODS Magnesium Health Professional Fact Sheet, Table 1 (RDA/AI), Table 3 (UL).
//   FDA 2016  Nutrition and Supplement Facts Labels final rule, 81 FR 33742 (Daily Values).
#include <mgcalc/error.hpp>
#include <mgcalc/people/age_between.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/people/reference.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

using mgcalc::age;
using mgcalc::year_month_day;
using mgcalc::iom_reference_intakes;
using mgcalc::life_stage;
using mgcalc::physiological_state;
using mgcalc::reference_intakes;
using mgcalc::sex;
using mgcalc::target_kind;

namespace {

constexpr physiological_state pregnant{.pregnant = true};
constexpr physiological_state lactating{.lactating = true};
constexpr physiological_state pregnant_and_lactating{.pregnant = true, .lactating = true};

reference_intakes at_years(sex s, double years, physiological_state state = {}) {
    return iom_reference_intakes(life_stage(s, age::from_years(years), state));
}
reference_intakes at_months(sex s, double months, physiological_state state = {}) {
    return iom_reference_intakes(life_stage(s, age::from_months(months), state));
}
reference_intakes on_date(sex s, mgcalc::year_month_day birth, mgcalc::year_month_day on, physiological_state state = {}) {
    return iom_reference_intakes(life_stage(s, mgcalc::age_between(birth, on), state));
}

// mg/day of an optional quantity, or -1 for "none established" so a missing value cannot pass
// as any real value.
double mg_or_none(const std::optional<mgcalc::milligrams>& value) { return value ? value->value() : -1.0; }
constexpr double none = -1.0;

// One published row and the ages (years) to probe it at: the start, the middle and just before
// the end of the band.
struct probe_row {
    sex who;
    physiological_state state;
    double from_years;
    double to_years;  // exclusive, except 120
    std::string_view group;
    double value;  // the column under test; `none` if not established
};

void check_column(const std::vector<probe_row>& rows, double (*column)(const reference_intakes&)) {
    for (const probe_row& row : rows) {
        const double end = row.to_years == 120 ? 120.0 : row.to_years - 1.0 / 365.25;
        for (double years : {row.from_years, (row.from_years + row.to_years) / 2.0, end}) {
            INFO(row.group << " (" << mgcalc::to_string(row.who) << ") at " << years << " years");
            const reference_intakes r = at_years(row.who, years, row.state);
            CHECK(r.life_stage == row.group);
            CHECK(column(r) == row.value);
            CHECK(r.authority == "IOM 1997");
        }
    }
}

// Infant rows start below 1 year: probe in months, where the bands are defined.
constexpr double m(double months) { return months / 12.0; }

}  // namespace

// ---- ODS Table 1: RDA / AI -------------------------------------------------------------------

TEST_CASE("reference: RDA/AI reproduce ODS Table 1 (IOM 1997) row by row", "[reference]") {
    // ODS Table 1 "Recommended Dietary Allowances (RDAs) for Magnesium"; infant rows are AIs.
    const std::vector<probe_row> rows{
        {sex::male, {}, 0, m(6), "Infants 0-6 months", 30},
        {sex::female, {}, 0, m(6), "Infants 0-6 months", 30},
        {sex::male, {}, m(6), 1, "Infants 6-12 months", 75},
        {sex::female, {}, m(6), 1, "Infants 6-12 months", 75},
        {sex::male, {}, 1, 4, "Children 1-3 y", 80},
        {sex::female, {}, 1, 4, "Children 1-3 y", 80},
        {sex::male, {}, 4, 9, "Children 4-8 y", 130},
        {sex::female, {}, 4, 9, "Children 4-8 y", 130},
        {sex::male, {}, 9, 14, "Males 9-13 y", 240},
        {sex::female, {}, 9, 14, "Females 9-13 y", 240},
        {sex::male, {}, 14, 19, "Males 14-18 y", 410},
        {sex::female, {}, 14, 19, "Females 14-18 y", 360},
        {sex::female, pregnant, 14, 19, "Pregnancy 14-18 y", 400},
        {sex::female, lactating, 14, 19, "Lactation 14-18 y", 360},
        {sex::male, {}, 19, 31, "Males 19-30 y", 400},
        {sex::female, {}, 19, 31, "Females 19-30 y", 310},
        {sex::female, pregnant, 19, 31, "Pregnancy 19-30 y", 350},
        {sex::female, lactating, 19, 31, "Lactation 19-30 y", 310},
        {sex::male, {}, 31, 51, "Males 31-50 y", 420},
        {sex::female, {}, 31, 51, "Females 31-50 y", 320},
        {sex::female, pregnant, 31, 51, "Pregnancy 31-50 y", 360},
        {sex::female, lactating, 31, 51, "Lactation 31-50 y", 320},
        {sex::male, {}, 51, 120, "Males 51+ y", 420},
        {sex::female, {}, 51, 120, "Females 51+ y", 320},
    };
    check_column(rows, [](const reference_intakes& r) { return r.target.value(); });
}

TEST_CASE("reference: infants get an AI, everyone from 1 year an RDA (IOM 1997)", "[reference]") {
    CHECK(at_months(sex::female, 0).target_kind == target_kind::ai);
    CHECK(at_months(sex::male, 11.99).target_kind == target_kind::ai);
    CHECK(at_years(sex::male, 1).target_kind == target_kind::rda);
    CHECK(at_years(sex::female, 30, pregnant).target_kind == target_kind::rda);
    CHECK(at_years(sex::female, 30, lactating).target_kind == target_kind::rda);
    CHECK(mgcalc::to_string(target_kind::ai) == "AI");
    CHECK(mgcalc::to_string(target_kind::rda) == "RDA");
}

// ---- IOM 1997: EAR ---------------------------------------------------------------------------

TEST_CASE("reference: EAR reproduces IOM 1997 (pp. 219, 239, 241) row by row", "[reference]") {
    // IOM 1997 set no EAR for infants (AI only).
    const std::vector<probe_row> rows{
        {sex::male, {}, 0, m(6), "Infants 0-6 months", none},
        {sex::female, {}, m(6), 1, "Infants 6-12 months", none},
        {sex::male, {}, 1, 4, "Children 1-3 y", 65},
        {sex::female, {}, 1, 4, "Children 1-3 y", 65},
        {sex::male, {}, 4, 9, "Children 4-8 y", 110},
        {sex::female, {}, 4, 9, "Children 4-8 y", 110},
        {sex::male, {}, 9, 14, "Males 9-13 y", 200},
        {sex::female, {}, 9, 14, "Females 9-13 y", 200},
        {sex::male, {}, 14, 19, "Males 14-18 y", 340},
        {sex::female, {}, 14, 19, "Females 14-18 y", 300},
        {sex::female, pregnant, 14, 19, "Pregnancy 14-18 y", 335},
        {sex::female, lactating, 14, 19, "Lactation 14-18 y", 300},
        {sex::male, {}, 19, 31, "Males 19-30 y", 330},
        {sex::female, {}, 19, 31, "Females 19-30 y", 255},
        {sex::female, pregnant, 19, 31, "Pregnancy 19-30 y", 290},
        {sex::female, lactating, 19, 31, "Lactation 19-30 y", 255},
        {sex::male, {}, 31, 51, "Males 31-50 y", 350},
        {sex::female, {}, 31, 51, "Females 31-50 y", 265},
        {sex::female, pregnant, 31, 51, "Pregnancy 31-50 y", 300},
        {sex::female, lactating, 31, 51, "Lactation 31-50 y", 265},
        {sex::male, {}, 51, 120, "Males 51+ y", 350},
        {sex::female, {}, 51, 120, "Females 51+ y", 265},
    };
    check_column(rows, [](const reference_intakes& r) { return mg_or_none(r.ear); });
}

// ---- ODS Table 3: supplemental UL ------------------------------------------------------------

TEST_CASE("reference: supplemental UL reproduces ODS Table 3 (IOM 1997 pp. 242-244) row by row",
          "[reference]") {
    // "Birth-12 months: none established"; 65 (1-3 y), 110 (4-8 y), 350 from 9 y including
    // pregnancy and lactation.
    const std::vector<probe_row> rows{
        {sex::male, {}, 0, m(6), "Infants 0-6 months", none},
        {sex::female, {}, 0, m(6), "Infants 0-6 months", none},
        {sex::male, {}, m(6), 1, "Infants 6-12 months", none},
        {sex::female, {}, m(6), 1, "Infants 6-12 months", none},
        {sex::male, {}, 1, 4, "Children 1-3 y", 65},
        {sex::female, {}, 1, 4, "Children 1-3 y", 65},
        {sex::male, {}, 4, 9, "Children 4-8 y", 110},
        {sex::female, {}, 4, 9, "Children 4-8 y", 110},
        {sex::male, {}, 9, 14, "Males 9-13 y", 350},
        {sex::female, {}, 9, 14, "Females 9-13 y", 350},
        {sex::male, {}, 14, 19, "Males 14-18 y", 350},
        {sex::female, {}, 14, 19, "Females 14-18 y", 350},
        {sex::female, pregnant, 14, 19, "Pregnancy 14-18 y", 350},
        {sex::female, lactating, 14, 19, "Lactation 14-18 y", 350},
        {sex::male, {}, 19, 31, "Males 19-30 y", 350},
        {sex::female, {}, 19, 31, "Females 19-30 y", 350},
        {sex::female, pregnant, 19, 31, "Pregnancy 19-30 y", 350},
        {sex::female, lactating, 19, 31, "Lactation 19-30 y", 350},
        {sex::male, {}, 31, 51, "Males 31-50 y", 350},
        {sex::female, {}, 31, 51, "Females 31-50 y", 350},
        {sex::female, pregnant, 31, 51, "Pregnancy 31-50 y", 350},
        {sex::female, lactating, 31, 51, "Lactation 31-50 y", 350},
        {sex::male, {}, 51, 120, "Males 51+ y", 350},
        {sex::female, {}, 51, 120, "Females 51+ y", 350},
    };
    check_column(rows, [](const reference_intakes& r) { return mg_or_none(r.ul_supplemental); });
}

// ---- FDA 2016: Daily Value -------------------------------------------------------------------

TEST_CASE("reference: Daily Value follows the FDA 2016 final rule (81 FR 33742)", "[reference]") {
    // 420 adults and children >= 4 y; 400 pregnancy and lactation; 80 children 1-3 y; 75 infants
    // through 12 months (FDA Industry FAQs on Nutrition Facts Labeling, "RDIs - Nutrients" table;
    // secondary, docs/sources.md).
    const std::vector<probe_row> rows{
        {sex::male, {}, 0, m(6), "Infants 0-6 months", 75},
        {sex::female, {}, m(6), 1, "Infants 6-12 months", 75},
        {sex::male, {}, 1, 4, "Children 1-3 y", 80},
        {sex::female, {}, 1, 4, "Children 1-3 y", 80},
        {sex::male, {}, 4, 9, "Children 4-8 y", 420},
        {sex::female, {}, 4, 9, "Children 4-8 y", 420},
        {sex::male, {}, 9, 14, "Males 9-13 y", 420},
        {sex::female, {}, 9, 14, "Females 9-13 y", 420},
        {sex::male, {}, 14, 19, "Males 14-18 y", 420},
        {sex::female, {}, 14, 19, "Females 14-18 y", 420},
        {sex::female, pregnant, 14, 19, "Pregnancy 14-18 y", 400},
        {sex::female, lactating, 14, 19, "Lactation 14-18 y", 400},
        {sex::male, {}, 19, 31, "Males 19-30 y", 420},
        {sex::female, {}, 19, 31, "Females 19-30 y", 420},
        {sex::female, pregnant, 19, 31, "Pregnancy 19-30 y", 400},
        {sex::female, lactating, 19, 31, "Lactation 19-30 y", 400},
        {sex::male, {}, 31, 51, "Males 31-50 y", 420},
        {sex::female, {}, 31, 51, "Females 31-50 y", 420},
        {sex::female, pregnant, 31, 51, "Pregnancy 31-50 y", 400},
        {sex::female, lactating, 31, 51, "Lactation 31-50 y", 400},
        {sex::male, {}, 51, 120, "Males 51+ y", 420},
        {sex::female, {}, 51, 120, "Females 51+ y", 420},
    };
    check_column(rows, [](const reference_intakes& r) { return mg_or_none(r.dv); });
}

TEST_CASE("reference: ordinary rows carry no note", "[reference]") {
    CHECK(at_years(sex::female, 30).note.empty());
    CHECK(at_years(sex::female, 30, pregnant).note.empty());
    CHECK(at_years(sex::female, 16, lactating).note.empty());
    CHECK(at_months(sex::male, 3).note.empty());
    CHECK(at_years(sex::male, 80).note.empty());
}

// ---- band boundaries -------------------------------------------------------------------------

TEST_CASE("reference: infant boundaries in months, both sides (IOM 1997 AI 30 / 75, RDA 80)",
          "[reference]") {
    // IOM 2011 p. 23 (citing IOM 2006): "0 to 6 months" is birth to 5.9 months, "6 to 12
    // months" is 6.0 to 11.9 months, so exactly 6 months is the 75 mg row.
    CHECK(at_months(sex::female, 5.99).target.value() == 30);
    CHECK(at_months(sex::female, 6.0).target.value() == 75);
    CHECK(at_months(sex::male, 6.0).life_stage == "Infants 6-12 months");
    CHECK(at_years(sex::male, 0.5).target.value() == 75);  // 0.5 years is 6.0 months
    CHECK(at_years(sex::male, 0.49).target.value() == 30);
    CHECK(at_months(sex::male, 11.99).target.value() == 75);
    CHECK(at_months(sex::male, 12.0).target.value() == 80);
    CHECK(at_months(sex::male, 12.0).life_stage == "Children 1-3 y");
    // From dates: born 2023-01-15; 6 months on 2023-07-15, 1 year on 2024-01-15.
    const mgcalc::year_month_day birth = mgcalc::date(2023, 1, 15);
    CHECK(on_date(sex::female, birth, mgcalc::date(2023, 7, 14)).life_stage == "Infants 0-6 months");
    CHECK(on_date(sex::female, birth, mgcalc::date(2023, 7, 14)).target.value() == 30);
    CHECK(on_date(sex::female, birth, mgcalc::date(2023, 7, 15)).life_stage == "Infants 6-12 months");
    CHECK(on_date(sex::female, birth, mgcalc::date(2023, 7, 15)).target.value() == 75);
    CHECK(on_date(sex::female, birth, mgcalc::date(2023, 8, 14)).life_stage == "Infants 6-12 months");
    CHECK(on_date(sex::female, birth, mgcalc::date(2024, 1, 14)).life_stage == "Infants 6-12 months");
    CHECK(on_date(sex::female, birth, mgcalc::date(2024, 1, 15)).life_stage == "Children 1-3 y");
}

TEST_CASE("reference: birthday boundaries from dates, the day before and the day of", "[reference]") {
    // Born 1990-06-20: every birthday is a 20 June, the day before a 19 June.
    const mgcalc::year_month_day birth = mgcalc::date(1990, 6, 20);
    struct boundary {
        int birthday;
        sex who;
        std::string_view before;
        double before_rda;
        std::string_view after;
        double after_rda;
    };
    // RDA values from ODS Table 1.
    const boundary boundaries[] = {
        {1, sex::female, "Infants 6-12 months", 75, "Children 1-3 y", 80},
        {4, sex::female, "Children 1-3 y", 80, "Children 4-8 y", 130},
        {9, sex::male, "Children 4-8 y", 130, "Males 9-13 y", 240},
        {14, sex::male, "Males 9-13 y", 240, "Males 14-18 y", 410},
        {14, sex::female, "Females 9-13 y", 240, "Females 14-18 y", 360},
        {19, sex::male, "Males 14-18 y", 410, "Males 19-30 y", 400},
        {19, sex::female, "Females 14-18 y", 360, "Females 19-30 y", 310},
        {31, sex::male, "Males 19-30 y", 400, "Males 31-50 y", 420},
        {31, sex::female, "Females 19-30 y", 310, "Females 31-50 y", 320},
        {51, sex::male, "Males 31-50 y", 420, "Males 51+ y", 420},
        {51, sex::female, "Females 31-50 y", 320, "Females 51+ y", 320},
    };
    for (const boundary& b : boundaries) {
        INFO("birthday " << b.birthday << ", " << mgcalc::to_string(b.who));
        const int year = 1990 + b.birthday;
        const reference_intakes before = on_date(b.who, birth, mgcalc::date(year, 6, 19));
        const reference_intakes after = on_date(b.who, birth, mgcalc::date(year, 6, 20));
        CHECK(before.life_stage == b.before);
        CHECK(before.target.value() == b.before_rda);
        CHECK(after.life_stage == b.after);
        CHECK(after.target.value() == b.after_rda);
    }
}

TEST_CASE("reference: pregnancy and lactation boundaries at the 19th and 31st birthdays", "[reference]") {
    const mgcalc::year_month_day birth = mgcalc::date(1990, 6, 20);
    CHECK(on_date(sex::female, birth, mgcalc::date(2009, 6, 19), pregnant).life_stage == "Pregnancy 14-18 y");
    CHECK(on_date(sex::female, birth, mgcalc::date(2009, 6, 20), pregnant).life_stage == "Pregnancy 19-30 y");
    CHECK(on_date(sex::female, birth, mgcalc::date(2021, 6, 19), pregnant).target.value() == 350);
    CHECK(on_date(sex::female, birth, mgcalc::date(2021, 6, 20), pregnant).target.value() == 360);
    CHECK(on_date(sex::female, birth, mgcalc::date(2009, 6, 19), lactating).life_stage == "Lactation 14-18 y");
    CHECK(on_date(sex::female, birth, mgcalc::date(2009, 6, 20), lactating).life_stage == "Lactation 19-30 y");
    CHECK(on_date(sex::female, birth, mgcalc::date(2021, 6, 19), lactating).target.value() == 310);
    CHECK(on_date(sex::female, birth, mgcalc::date(2021, 6, 20), lactating).target.value() == 320);
}

TEST_CASE("reference: a February 29 birth crosses the 19th birthday on February 28", "[reference]") {
    // Born 2004-02-29; 2023 is a common year, so the 19th birthday is 2023-02-28 (ODS Table 1:
    // females 14-18 y 360 mg, 19-30 y 310 mg).
    CHECK(on_date(sex::female, mgcalc::date(2004, 2, 29), mgcalc::date(2023, 2, 27)).target.value() == 360);
    CHECK(on_date(sex::female, mgcalc::date(2004, 2, 29), mgcalc::date(2023, 2, 28)).target.value() == 310);
}

TEST_CASE("reference: ages just either side of each year boundary", "[reference]") {
    struct edge {
        int years;
        std::string_view below;
        std::string_view at;
    };
    const edge edges[] = {{1, "Infants 6-12 months", "Children 1-3 y"}, {4, "Children 1-3 y", "Children 4-8 y"},
                          {9, "Children 4-8 y", "Females 9-13 y"},      {14, "Females 9-13 y", "Females 14-18 y"},
                          {19, "Females 14-18 y", "Females 19-30 y"},   {31, "Females 19-30 y", "Females 31-50 y"},
                          {51, "Females 31-50 y", "Females 51+ y"}};
    for (const edge& e : edges) {
        INFO(e.years << " years");
        CHECK(at_months(sex::female, e.years * 12.0 - 0.01).life_stage == e.below);
        CHECK(at_years(sex::female, e.years).life_stage == e.at);
    }
    CHECK(at_years(sex::male, 120).life_stage == "Males 51+ y");
}

// ---- the peer pitfalls (docs: peer-pitfalls.md) ----------------------------------------------

TEST_CASE("reference: a 9-month-old gets 75 mg, not the 0-6 month 30 mg (CRON-o-Meter pitfall)",
          "[reference]") {
    const reference_intakes r = at_months(sex::male, 9);
    CHECK(r.target.value() == 75);
    CHECK(r.life_stage == "Infants 6-12 months");
}

TEST_CASE("reference: exactly 1 year gets 80 mg, not the 7-12 month 75 mg (overlapping bands pitfall)",
          "[reference]") {
    CHECK(at_years(sex::female, 1).target.value() == 80);
    CHECK(on_date(sex::female, mgcalc::date(2020, 2, 29), mgcalc::date(2021, 2, 28)).target.value() == 80);
}

TEST_CASE("reference: 3.5 and 18.5 years map to a row (holes between bands pitfall)", "[reference]") {
    CHECK(at_years(sex::female, 3.5).life_stage == "Children 1-3 y");
    CHECK(at_years(sex::female, 3.5).target.value() == 80);
    CHECK(at_years(sex::male, 8.5).target.value() == 130);
    CHECK(at_years(sex::male, 18.5).life_stage == "Males 14-18 y");
    CHECK(at_years(sex::male, 18.5).target.value() == 410);
    CHECK(at_years(sex::female, 18.5).target.value() == 360);
    CHECK(at_years(sex::female, 50.5).target.value() == 320);
}

TEST_CASE("reference: pregnant at 13 uses the 14-18 y pregnancy row, 400/335 (IOM \"<= 18 y\")",
          "[reference]") {
    const reference_intakes r = at_years(sex::female, 13, pregnant);
    CHECK(r.life_stage == "Pregnancy 14-18 y");
    CHECK(r.target.value() == 400);
    CHECK(mg_or_none(r.ear) == 335);
    CHECK(mg_or_none(r.ul_supplemental) == 350);
    CHECK(mg_or_none(r.dv) == 400);
    CHECK(r.note.find("14") != std::string_view::npos);
    // From 10 years, the youngest accepted.
    CHECK(at_years(sex::female, 10, pregnant).target.value() == 400);
}

TEST_CASE("reference: lactating at 12 uses the 14-18 y lactation row, 360/300", "[reference]") {
    const reference_intakes r = at_years(sex::female, 12, lactating);
    CHECK(r.life_stage == "Lactation 14-18 y");
    CHECK(r.target.value() == 360);
    CHECK(mg_or_none(r.ear) == 300);
    CHECK(!r.note.empty());
}

TEST_CASE("reference: pregnant at 52 uses the 31-50 y row and says so", "[reference]") {
    const reference_intakes r = at_years(sex::female, 52, pregnant);
    CHECK(r.life_stage == "Pregnancy 31-50 y");
    CHECK(r.target.value() == 360);
    CHECK(mg_or_none(r.ear) == 300);
    CHECK(r.note.find("31-50") != std::string_view::npos);
    // Exactly on the 51st birthday, and for lactation.
    CHECK(at_years(sex::female, 51, pregnant).life_stage == "Pregnancy 31-50 y");
    CHECK(!at_years(sex::female, 51, pregnant).note.empty());
    CHECK(at_years(sex::female, 50.99, pregnant).note.empty());
    const reference_intakes l = at_years(sex::female, 60, lactating);
    CHECK(l.life_stage == "Lactation 31-50 y");
    CHECK(l.target.value() == 320);
    CHECK(l.note.find("31-50") != std::string_view::npos);
    CHECK(l.note.find("pregnant and lactating") == std::string_view::npos);
    CHECK(r.note.find("pregnant and lactating") == std::string_view::npos);
}

TEST_CASE("reference: pregnant and lactating uses the pregnancy row and says so", "[reference]") {
    // ODS Table 1: pregnancy 400 / 350 / 360 against lactation 360 / 310 / 320.
    struct expected {
        double years;
        std::string_view group;
        double rda;
        double ear;
    };
    const expected rows[] = {{16, "Pregnancy 14-18 y", 400, 335},
                             {25, "Pregnancy 19-30 y", 350, 290},
                             {40, "Pregnancy 31-50 y", 360, 300}};
    for (const expected& e : rows) {
        INFO(e.years << " years");
        const reference_intakes r = at_years(sex::female, e.years, pregnant_and_lactating);
        CHECK(r.life_stage == e.group);
        CHECK(r.target.value() == e.rda);
        CHECK(mg_or_none(r.ear) == e.ear);
        CHECK(r.note.find("pregnant and lactating") != std::string_view::npos);
    }
    // Combined with the age substitutions, the note mentions both.
    const reference_intakes young = at_years(sex::female, 13, pregnant_and_lactating);
    CHECK(young.target.value() == 400);
    CHECK(young.note.find("pregnant and lactating") != std::string_view::npos);
    CHECK(young.note.find("14") != std::string_view::npos);
    const reference_intakes old = at_years(sex::female, 55, pregnant_and_lactating);
    CHECK(old.target.value() == 360);
    CHECK(old.note.find("pregnant and lactating") != std::string_view::npos);
    CHECK(old.note.find("31-50") != std::string_view::npos);
}

// ---- every age maps to one row ---------------------------------------------------------------

TEST_CASE("reference: every age from 0 to 120 years maps to exactly one row with a positive target",
          "[reference]") {
    // Band limits in months, typed in from the ODS Table 1 age column, the infant split at 6.0
    // months as IOM 2011 p. 23 defines it: [from, to).
    struct band {
        double from;
        double to;
        std::string_view female;
        std::string_view male;
    };
    const band bands[] = {
        {0, 6, "Infants 0-6 months", "Infants 0-6 months"},
        {6, 12, "Infants 6-12 months", "Infants 6-12 months"},
        {12, 48, "Children 1-3 y", "Children 1-3 y"},
        {48, 108, "Children 4-8 y", "Children 4-8 y"},
        {108, 168, "Females 9-13 y", "Males 9-13 y"},
        {168, 228, "Females 14-18 y", "Males 14-18 y"},
        {228, 372, "Females 19-30 y", "Males 19-30 y"},
        {372, 612, "Females 31-50 y", "Males 31-50 y"},
        {612, 1440.5, "Females 51+ y", "Males 51+ y"},
    };
    int checked = 0;
    int failures = 0;
    // Steps of 0.05 month (about 1.5 days), plus the exact end.
    for (int step = 0; step <= 28800; ++step) {
        const double months = step * 0.05;
        int matches = 0;
        const band* expected = nullptr;
        for (const band& b : bands)
            if (months >= b.from && months < b.to) {
                ++matches;
                expected = &b;
            }
        REQUIRE(matches == 1);  // the test's own table is contiguous
        for (sex s : {sex::female, sex::male}) {
            const reference_intakes r = at_months(s, months);
            const std::string_view want = s == sex::female ? expected->female : expected->male;
            ++checked;
            if (r.life_stage != want || !(r.target.value() > 0) || !r.note.empty()) {
                ++failures;
                FAIL_CHECK(months << " months, " << mgcalc::to_string(s) << ": got " << r.life_stage
                                  << " with " << r.target.value() << " mg, want " << want);
            }
        }
    }
    CHECK(checked == 2 * 28801);
    CHECK(failures == 0);
}

TEST_CASE("reference: every pregnancy and lactation age from 10 to 120 years maps to one row", "[reference]") {
    int failures = 0;
    for (int step = 0; step <= (1440 - 120) * 20; ++step) {
        const double months = 120 + step * 0.05;
        // IOM's pregnancy rows with the substitutions: under 19 y -> 14-18, 51+ -> 31-50.
        const std::string_view band = months < 228 ? "14-18 y" : months < 372 ? "19-30 y" : "31-50 y";
        const reference_intakes p = at_months(sex::female, months, pregnant);
        const reference_intakes l = at_months(sex::female, months, lactating);
        const reference_intakes both = at_months(sex::female, months, pregnant_and_lactating);
        if (p.life_stage != "Pregnancy " + std::string(band) ||
            l.life_stage != "Lactation " + std::string(band) || both.life_stage != p.life_stage ||
            !(p.target.value() > l.target.value()) || !(l.target.value() > 0)) {
            ++failures;
            FAIL_CHECK(months << " months: " << p.life_stage << " / " << l.life_stage << " / "
                              << both.life_stage);
        }
    }
    CHECK(failures == 0);
}

// ---- computed by the compiler ----------------------------------------------------------------

namespace {

/// The female RDA/AI at every tenth of a year from birth to 120 years against ODS Table 1's
/// female column, by band: the number of ages that disagree.
constexpr int female_targets_wrong() {
    int wrong = 0;
    for (int tenths = 0; tenths <= 1200; ++tenths) {
        const double years = tenths / 10.0;
        const double want = years < 0.5 ? 30
                            : years < 1  ? 75
                            : years < 4  ? 80
                            : years < 9  ? 130
                            : years < 14 ? 240
                            : years < 19 ? 360
                            : years < 31 ? 310
                                         : 320;
        if (iom_reference_intakes(life_stage(sex::female, age::from_years(years))).target.value() != want) ++wrong;
    }
    return wrong;
}

}  // namespace

TEST_CASE("reference: a row is a constant expression", "[reference][constexpr]") {
    // Females 31-50 y: RDA 320 mg, EAR 265 mg (IOM 1997; ODS Table 1), supplemental UL 350 mg
    // (IOM 1997 pp. 242-244; ODS Table 3), Daily Value 420 mg (FDA 2016), looked up by the
    // compiler: the table has no state to initialise or to share between threads.
    constexpr reference_intakes woman = iom_reference_intakes(life_stage(sex::female, age::from_years(40.0)));
    STATIC_REQUIRE(woman.life_stage == "Females 31-50 y");
    STATIC_REQUIRE(woman.target_kind == target_kind::rda);
    STATIC_REQUIRE(woman.target.value() == 320.0);
    STATIC_REQUIRE(woman.ear && woman.ear->value() == 265.0);
    STATIC_REQUIRE(woman.ul_supplemental && woman.ul_supplemental->value() == 350.0);
    STATIC_REQUIRE(woman.dv && woman.dv->value() == 420.0);
    STATIC_REQUIRE(woman.note.empty());
    // A substitution is computed the same way: pregnant at 52 gets the 31-50 y pregnancy row.
    constexpr reference_intakes late = iom_reference_intakes(life_stage(sex::female, age::from_years(52.0), pregnant));
    STATIC_REQUIRE(late.life_stage == "Pregnancy 31-50 y");
    STATIC_REQUIRE(late.target.value() == 360.0);
    STATIC_REQUIRE(!late.note.empty());
    // Every band edge from birth to 120 years.
    STATIC_REQUIRE(female_targets_wrong() == 0);
    // The same row at run time.
    CHECK(at_years(sex::female, 40.0).target.value() == woman.target.value());
}
