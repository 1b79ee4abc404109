// Tests for mgcalc/advice/sleep.hpp: the evening-magnesium assessment, and the carried-compound fields of
// mgcalc/chemistry/compound.hpp it uses. Every finding is tested on both sides of its threshold; carried
// amounts are worked by hand with the atomic weights of mgcalc/chemistry/formula.hpp (IUPAC CIAAW 2021:
// Mg 24.305, C 12.011, H 1.008, N 14.007, O 15.999, S 32.06). Rules and sources: docs/sleep.md.
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/chemistry/formula.hpp>
#include <mgcalc/advice/sleep.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <regex>
#include <string>
#include <utility>
#include <vector>

using namespace mgcalc::unit_symbols;

namespace {

mgcalc::life_stage woman(double years) { return {mgcalc::sex::female, mgcalc::age::from_years(years)}; }
// Females 31-50 y: RDA 320 mg, supplemental UL 350 mg (IOM 1997, doi:10.17226/5776; NIH ODS Tables 1, 3).
const mgcalc::life_stage woman34 = woman(34.0);

mgcalc::time_of_day at(int hour, int minute) { return mgcalc::time_of_day{hour, minute}; }

mgcalc::sleep_context bedtime(int hour, int minute) {
    mgcalc::sleep_context context;
    context.bedtime = at(hour, minute);
    return context;
}

mgcalc::supplement_dose elemental(const char* compound, double amount_mg) {
    return {mgcalc::get_compound(compound), amount_mg * mg};
}

/// A food that holds exactly `amount_mg` magnesium in 100 g.
mgcalc::food food_with(double amount_mg) { return {"test", "test food", amount_mg * mg}; }

std::size_t count(const mgcalc::sleep_assessment& a, const std::string& code) {
    return static_cast<std::size_t>(
        std::count_if(a.findings.begin(), a.findings.end(), [&](const mgcalc::finding& f) { return f.code == code; }));
}
bool has(const mgcalc::sleep_assessment& a, const std::string& code) { return count(a, code) > 0; }
const mgcalc::finding& get(const mgcalc::sleep_assessment& a, const std::string& code) {
    const auto it =
        std::find_if(a.findings.begin(), a.findings.end(), [&](const mgcalc::finding& f) { return f.code == code; });
    REQUIRE(it != a.findings.end());
    return *it;
}

/// One dose of `compound` at hh:mm, for a 34-year-old woman going to bed at 22:30.
mgcalc::sleep_assessment one_dose(const char* compound, double amount_mg, int hour, int minute,
                                  const mgcalc::life_stage& stage = woman34) {
    mgcalc::day_intake day;
    day.add_supplement(elemental(compound, amount_mg), {}, at(hour, minute));
    return mgcalc::assess_sleep(day, stage, bedtime(22, 30));
}

}  // namespace

// ---- carried compounds ---------------------------------------------------------------------

TEST_CASE("sleep: compounds describe the ligand they carry", "[sleep]") {
    struct row {
        const char* id;
        const char* name;
        const char* formula;
        int per_unit;
    };
    const row rows[] = {
        {"glycinate", "glycine", "C2H5NO2", 2},
        {"taurate", "taurine", "C2H7NO3S", 2},
        {"threonate", "L-threonic acid", "C4H8O5", 2},
        {"threonate-monohydrate", "L-threonic acid", "C4H8O5", 2},
        {"malate", "malic acid", "C4H6O5", 1},
        {"malate-trihydrate", "malic acid", "C4H6O5", 1},
        {"citrate", "citric acid", "C6H8O7", 2},
        {"citrate-nonahydrate", "citric acid", "C6H8O7", 2},
    };
    for (const row& r : rows) {
        INFO(r.id);
        const mgcalc::compound& c = mgcalc::get_compound(r.id);
        CHECK(c.carrier_name == r.name);
        CHECK(c.carrier_formula == r.formula);
        CHECK(c.carriers_per_formula_unit == r.per_unit);
        // By construction: each Mg2+ replaced two protons of the free acids, so the anhydrous salt is
        // Mg atoms x Mg + carriers x acid - 2 x Mg atoms x H (glycinate: 24.305 + 2 x 75.067 - 2 x 1.008).
        const double expected = c.magnesium_atoms() * 24.305 + r.per_unit * mgcalc::molar_mass(r.formula).value() -
                                2 * c.magnesium_atoms() * 1.008;
        CHECK(mgcalc::molar_mass(c.formula()).value() == Approx(expected).epsilon(1e-12));
    }
    for (const char* id : {"oxide", "hydroxide", "chloride", "sulfate-heptahydrate", "lactate", "aspartate-dihydrate"}) {
        INFO(id);
        const mgcalc::compound& c = mgcalc::get_compound(id);
        CHECK(c.carrier_name.empty());
        CHECK(c.carrier_formula.empty());
        CHECK(c.carriers_per_formula_unit == 0);
    }
}

TEST_CASE("sleep: carried amounts follow stoichiometry, checked by hand", "[sleep]") {
    auto carried = [](const char* compound, double amount_mg, const std::string& name) {
        const mgcalc::sleep_assessment a = one_dose(compound, amount_mg, 21, 45);
        REQUIRE(a.carried.size() == 1);
        CHECK(a.carried[0].name == name);
        return a.carried[0].amount.value();
    };
    // Glycine C2H5NO2 = 2 x 12.011 + 5 x 1.008 + 14.007 + 2 x 15.999 = 75.067 g/mol.
    // 200 mg Mg / 24.305 = 8.22876 mmol Mg = 8.22876 mmol Mg(C2H4NO2)2, carrying 2 glycine each:
    // 16.45752 mmol x 75.067 mg/mmol = 1235.42 mg glycine.
    CHECK(carried("glycinate", 200.0, "glycine") == Approx(200.0 / 24.305 * 2 * 75.067).epsilon(1e-12));
    CHECK(carried("glycinate", 200.0, "glycine") == Approx(1235.4166).margin(0.001));
    // Taurine C2H7NO3S = 24.022 + 7.056 + 14.007 + 47.997 + 32.06 = 125.142; 100/24.305 x 2 x 125.142.
    CHECK(carried("taurate", 100.0, "taurine") == Approx(1029.7634).margin(0.001));
    // Malic acid C4H6O5 = 48.044 + 6.048 + 79.995 = 134.087; 1 per Mg: 100/24.305 x 134.087.
    CHECK(carried("malate", 100.0, "malic acid") == Approx(551.6848).margin(0.001));
    CHECK(carried("malate-trihydrate", 100.0, "malic acid") == Approx(551.6848).margin(0.001));
    // Citric acid C6H8O7 = 72.066 + 8.064 + 111.993 = 192.123; Mg3(C6H5O7)2 has 3 Mg and 2 citrates:
    // 300/(3 x 24.305) x 2 x 192.123 = 1580.93 mg. Hydrate water does not change the carried amount.
    CHECK(carried("citrate", 300.0, "citric acid") == Approx(1580.9340).margin(0.001));
    CHECK(carried("citrate-nonahydrate", 300.0, "citric acid") == Approx(1580.9340).margin(0.001));
    // L-threonic acid C4H8O5 = 48.044 + 8.064 + 79.995 = 136.103; Magtein 2 g at 144 mg per 2 g:
    // 144/24.305 x 2 x 136.103 = 1612.74 mg.
    mgcalc::day_intake day;
    day.add_supplement(mgcalc::supplement_dose(mgcalc::get_compound("threonate"), 2000.0 * mg,
                                               mgcalc::label_strength{144.0 * mg, 2000.0 * mg}),
                       {}, at(21, 50));
    const mgcalc::sleep_assessment magtein = mgcalc::assess_sleep(day, woman34, bedtime(22, 30));
    REQUIRE(magtein.carried.size() == 1);
    CHECK(magtein.carried[0].name == "L-threonic acid");
    CHECK(magtein.carried[0].amount.value() == Approx(1612.7408).margin(0.001));
    CHECK(magtein.glycine.value() == 0.0);
}

TEST_CASE("sleep: glycine sums evening glycinate doses only, salts without a ligand carry nothing", "[sleep]") {
    mgcalc::day_intake day;
    day.add_supplement(elemental("glycinate", 100.0), {}, at(21, 45))
        .add_supplement(elemental("glycinate", 100.0), {}, at(22, 0))
        .add_supplement(elemental("glycinate", 100.0), {}, at(8, 0))  // morning: not evening
        .add_supplement(elemental("oxide", 100.0), {}, at(21, 45))
        .add_supplement(elemental("malate", 100.0), {}, at(21, 45));
    const mgcalc::sleep_assessment a = mgcalc::assess_sleep(day, woman34, bedtime(22, 30));
    CHECK(a.evening_elemental.value() == Approx(400.0));
    CHECK(a.glycine.value() == Approx(200.0 / 24.305 * 2 * 75.067));
    REQUIRE(a.carried.size() == 2);  // glycine, malic acid; oxide carries none
    CHECK(a.carried[0].name == "glycine");
    CHECK(a.carried[0].amount.value() == Approx(a.glycine.value()));
    CHECK(a.carried[1].name == "malic acid");

    const mgcalc::sleep_assessment oxide = one_dose("oxide", 200.0, 21, 45);
    CHECK(oxide.carried.empty());
    CHECK(oxide.glycine.value() == 0.0);
}

TEST_CASE("sleep: glycine carried by bisglycinate is compared with the 3 g of the glycine trials", "[sleep]") {
    using mgcalc_test::contains;
    // 200 mg Mg as bisglycinate: 200 / 24.305 x 2 x 75.067 = 1235.42 mg glycine. 3 g glycine comes
    // with 3000 / (2 x 75.067 / 24.305) = 485.67 mg Mg, above the adult UL of 350 mg.
    const mgcalc::sleep_assessment a = one_dose("glycinate", 200.0, 21, 45);
    REQUIRE(count(a, "glycine-trial-dose") == 1);
    const mgcalc::finding& f = get(a, "glycine-trial-dose");
    CHECK(f.severity == mgcalc::severity::info);
    CHECK(contains(f.message, "the evening doses carry 1.24 g glycine (1235.4 mg, by stoichiometry), below the 3 g "
                              "before bedtime of the glycine sleep trials; 3 g would come with 485.7 mg elemental "
                              "magnesium as bisglycinate, above the UL of 350 mg"));
    for (const char* trial : {"Yamadera et al. 2007", "Inagawa et al. 2006", "Bannai et al. 2012", "3 g glycine"}) {
        INFO(trial);
        CHECK(contains(f.evidence, trial));
    }
    // Computed, not fixed: 300 mg carries 300 / 24.305 x 2 x 75.067 = 1853.1 mg.
    CHECK(contains(get(one_dose("glycinate", 300.0, 21, 45), "glycine-trial-dose").message, "1.85 g glycine (1853.1 mg"));
    // 500 mg carries 3088.5 mg: at or above the trials' amount.
    const std::string above = get(one_dose("glycinate", 500.0, 21, 45), "glycine-trial-dose").message;
    CHECK(contains(above, "3.09 g glycine"));
    CHECK(contains(above, "at or above the 3 g"));
    // Only glycine carried in the evening counts.
    CHECK_FALSE(has(one_dose("glycinate", 200.0, 8, 0), "glycine-trial-dose"));
    CHECK_FALSE(has(one_dose("citrate", 200.0, 21, 45), "glycine-trial-dose"));
}

// ---- timing --------------------------------------------------------------------------------

TEST_CASE("sleep: timing-outside-window at 29, 30, 60 and 61 minutes before bed", "[sleep]") {
    CHECK(has(one_dose("glycinate", 250.0, 22, 1), "timing-outside-window"));    // 29 minutes
    CHECK_FALSE(has(one_dose("glycinate", 250.0, 22, 0), "timing-outside-window"));  // 30
    CHECK_FALSE(has(one_dose("glycinate", 250.0, 21, 30), "timing-outside-window"));  // 60
    CHECK(has(one_dose("glycinate", 250.0, 21, 29), "timing-outside-window"));   // 61
    CHECK(has(one_dose("glycinate", 250.0, 22, 30), "timing-outside-window"));   // at bedtime: 0

    const mgcalc::sleep_assessment early = one_dose("glycinate", 250.0, 22, 1);  // keep it alive for f
    const mgcalc::finding& f = get(early, "timing-outside-window");
    CHECK(f.severity == mgcalc::severity::info);
    CHECK(f.message.find("29 minutes before bedtime 22:30") != std::string::npos);
    CHECK(f.message.find("30-60 minutes before bed (21:30-22:00)") != std::string::npos);
    CHECK(f.evidence.find("Abbasi et al. 2012") != std::string::npos);
}

TEST_CASE("sleep: a timed dose before the evening span is reported outside the window", "[sleep]") {
    using mgcalc_test::contains;
    // 18:00 is 270 minutes before 22:30: outside the 30-60 minute window and the 240-minute span.
    const mgcalc::sleep_assessment a = one_dose("glycinate", 200.0, 18, 0);
    CHECK(a.evening_elemental.value() == 0.0);
    CHECK(a.day.supplement.value() == Approx(200.0));
    REQUIRE(count(a, "timing-outside-window") == 1);
    const mgcalc::finding& f = get(a, "timing-outside-window");
    CHECK(f.severity == mgcalc::severity::info);
    CHECK(contains(f.message, "200 mg elemental magnesium as magnesium bisglycinate at 18:00 is 270 minutes before "
                              "bedtime 22:30; the window is 30-60 minutes before bed (21:30-22:00)"));
    CHECK(contains(f.message, "outside the 240-minute evening span"));
    // Both apply: the dose is mistimed, and nothing was taken in the evening span.
    CHECK(has(a, "no-evening-dose"));

    // A morning dose beside one in the window: only the morning dose is reported, and there is an
    // evening dose.
    mgcalc::day_intake day;
    day.add_supplement(elemental("citrate", 100.0), {}, at(8, 0))
        .add_supplement(elemental("glycinate", 200.0), {}, at(21, 45));
    const mgcalc::sleep_assessment both = mgcalc::assess_sleep(day, woman34, bedtime(22, 30));
    REQUIRE(count(both, "timing-outside-window") == 1);
    CHECK(contains(get(both, "timing-outside-window").message, "at 08:00 is 870 minutes before bedtime 22:30"));
    CHECK_FALSE(has(both, "no-evening-dose"));
    CHECK(both.evening_elemental.value() == Approx(200.0));

    // A dose in the span but outside the window is counted in the evening dose, and says nothing
    // about the span.
    const mgcalc::sleep_assessment in_span = one_dose("glycinate", 200.0, 19, 0);
    CHECK(in_span.evening_elemental.value() == Approx(200.0));
    CHECK_FALSE(contains(get(in_span, "timing-outside-window").message, "evening span"));
}

TEST_CASE("sleep: times wrap around midnight", "[sleep]") {
    mgcalc::day_intake day;
    day.add_supplement(elemental("glycinate", 250.0), {}, at(23, 50));
    const mgcalc::sleep_assessment a = mgcalc::assess_sleep(day, woman34, bedtime(0, 30));  // 40 minutes
    CHECK(a.evening_elemental.value() == Approx(250.0));
    CHECK_FALSE(has(a, "timing-outside-window"));

    mgcalc::day_intake late;
    late.add_supplement(elemental("glycinate", 250.0), {}, at(0, 10));  // 20 minutes before 00:30
    const mgcalc::sleep_assessment b = mgcalc::assess_sleep(late, woman34, bedtime(0, 30));
    CHECK(b.evening_elemental.value() == Approx(250.0));
    REQUIRE(has(b, "timing-outside-window"));
    CHECK(get(b, "timing-outside-window").message.find("(23:30-00:00)") != std::string::npos);

    mgcalc::day_intake early;
    early.add_supplement(elemental("glycinate", 250.0), {}, at(20, 29));  // 241 minutes before 00:30
    CHECK(mgcalc::assess_sleep(early, woman34, bedtime(0, 30)).evening_elemental.value() == 0.0);
    mgcalc::day_intake edge;
    edge.add_supplement(elemental("glycinate", 250.0), {}, at(20, 30));  // 240 minutes
    CHECK(mgcalc::assess_sleep(edge, woman34, bedtime(0, 30)).evening_elemental.value() == Approx(250.0));
}

TEST_CASE("sleep: the window and the evening span are configurable", "[sleep]") {
    mgcalc::sleep_context context = bedtime(22, 30);
    context.window_opens_minutes_before = 20;
    context.window_closes_minutes_before = 10;
    auto with = [&](int hour, int minute) {
        mgcalc::day_intake day;
        day.add_supplement(elemental("glycinate", 250.0), {}, at(hour, minute));
        return mgcalc::assess_sleep(day, woman34, context);
    };
    CHECK(has(with(22, 21), "timing-outside-window"));        // 9
    CHECK_FALSE(has(with(22, 20), "timing-outside-window"));  // 10
    CHECK_FALSE(has(with(22, 10), "timing-outside-window"));  // 20
    CHECK(has(with(22, 9), "timing-outside-window"));         // 21
    CHECK(get(with(22, 9), "timing-outside-window").message.find("10-20 minutes before bed (22:10-22:20)") !=
          std::string::npos);

    context.evening_span_minutes = 90;
    CHECK(with(21, 0).evening_elemental.value() == Approx(250.0));  // 90: evening
    const mgcalc::sleep_assessment outside = with(20, 59);            // 91: daytime
    CHECK(outside.evening_elemental.value() == 0.0);
    CHECK(outside.day.supplement.value() == Approx(250.0));
    CHECK(has(outside, "no-evening-dose"));
    CHECK_FALSE(has(with(21, 0), "no-evening-dose"));
}

TEST_CASE("sleep: a context that cannot be read is an error", "[sleep]") {
    const mgcalc::day_intake day;
    auto code_of = [&](const mgcalc::sleep_context& context) {
        try {
            (void)mgcalc::assess_sleep(day, woman34, context);
        } catch (const mgcalc::error& e) {
            return static_cast<int>(e.code());
        }
        return 0;
    };
    mgcalc::sleep_context context = bedtime(22, 30);
    CHECK(code_of(context) == 0);
    context.window_closes_minutes_before = -1;
    CHECK(code_of(context) == static_cast<int>(mgcalc::errc::invalid_amount));
    context = bedtime(22, 30);
    context.window_closes_minutes_before = 61;  // closes before it opens (60)
    CHECK(code_of(context) == static_cast<int>(mgcalc::errc::invalid_amount));
    context = bedtime(22, 30);
    context.evening_span_minutes = 59;  // shorter than the window
    CHECK(code_of(context) == static_cast<int>(mgcalc::errc::invalid_amount));
    context.evening_span_minutes = 1440;
    CHECK(code_of(context) == static_cast<int>(mgcalc::errc::invalid_amount));
    context.evening_span_minutes = 1439;
    CHECK(code_of(context) == 0);
    CHECK(code_of(bedtime(24, 0)) == static_cast<int>(mgcalc::errc::parse_error));

    mgcalc::day_intake bad_time;
    bad_time.add_supplement(elemental("glycinate", 200.0), {}, at(21, 60));
    CHECK_THROWS_AS(mgcalc::assess_sleep(bad_time, woman34, bedtime(22, 30)), mgcalc::error);
}

TEST_CASE("sleep: a dose without a time counts for the day and the UL, not the evening", "[sleep]") {
    mgcalc::day_intake day;
    day.add_supplement(elemental("glycinate", 351.0));
    const mgcalc::sleep_assessment a = mgcalc::assess_sleep(day, woman34, bedtime(22, 30));
    CHECK(a.evening_elemental.value() == 0.0);
    CHECK(a.day.supplement.value() == Approx(351.0));
    CHECK(has(a, "over-upper-limit"));
    CHECK(count(a, "dose-time-unknown") == 1);
    CHECK(get(a, "dose-time-unknown").severity == mgcalc::severity::info);
    CHECK_FALSE(has(a, "dose-below-range"));  // no evening dose to judge
    CHECK_FALSE(has(one_dose("glycinate", 200.0, 21, 45), "dose-time-unknown"));
}

// ---- dose ----------------------------------------------------------------------------------

TEST_CASE("sleep: dose range 199.9, 200, 400 and 400.1 mg", "[sleep]") {
    const mgcalc::sleep_assessment below = one_dose("glycinate", 199.9, 21, 45);
    REQUIRE(has(below, "dose-below-range"));
    CHECK(get(below, "dose-below-range").severity == mgcalc::severity::info);
    CHECK(get(below, "dose-below-range").message.find("0.1 mg more would reach 200 mg") != std::string::npos);
    CHECK(get(below, "dose-below-range").evidence.find("Abbasi et al. 2012, J Res Med Sci 17(12):1161-9") !=
          std::string::npos);
    CHECK_FALSE(has(below, "dose-above-range"));

    for (double amount : {200.0, 400.0}) {
        INFO(amount);
        const mgcalc::sleep_assessment in_range = one_dose("glycinate", amount, 21, 45);
        CHECK_FALSE(has(in_range, "dose-below-range"));
        CHECK_FALSE(has(in_range, "dose-above-range"));
    }

    const mgcalc::sleep_assessment above = one_dose("glycinate", 400.1, 21, 45);
    REQUIRE(has(above, "dose-above-range"));
    CHECK(get(above, "dose-above-range").severity == mgcalc::severity::caution);
    CHECK(get(above, "dose-above-range").message.find("by 0.1 mg") != std::string::npos);
    CHECK_FALSE(has(above, "dose-below-range"));
}

TEST_CASE("sleep: the dose range is a configurable convention, and its evidence says so", "[sleep]") {
    using mgcalc_test::contains;
    mgcalc::sleep_context context = bedtime(22, 30);
    context.dose_range_low = 100.0 * mg;
    context.dose_range_high = 150.0 * mg;
    auto with = [&](double amount_mg) {
        mgcalc::day_intake day;
        day.add_supplement(elemental("glycinate", amount_mg), {}, at(21, 45));
        return mgcalc::assess_sleep(day, woman34, context);
    };
    const mgcalc::sleep_assessment below = with(99.9);
    REQUIRE(has(below, "dose-below-range"));
    CHECK(contains(get(below, "dose-below-range").message,
                   "below the 100-150 mg evening range (a convention, not a trial dose); 0.1 mg more would reach 100 mg"));
    CHECK_FALSE(has(with(100.0), "dose-below-range"));
    CHECK_FALSE(has(with(150.0), "dose-above-range"));
    const mgcalc::sleep_assessment above = with(150.1);
    REQUIRE(has(above, "dose-above-range"));
    CHECK(contains(get(above, "dose-above-range").message, "above the 100-150 mg evening range"));
    CHECK(contains(get(above, "dose-above-range").message, "by 0.1 mg"));

    CHECK(above.dose_range.low.value() == 100.0);
    CHECK(above.dose_range.high.value() == 150.0);
    CHECK(above.dose_range.judged);
    CHECK(above.dose_range.description == "100-150 mg, a convention (trials: 320-729 mg/day)");

    // The evidence names the convention and the trials' own doses.
    const std::string& evidence = get(above, "dose-above-range").evidence;
    for (const char* part : {"is a convention", "no trial tested it",
                             "Mah & Pitre 2021, BMC Complement Med Ther 21:125", "320-729 mg/day",
                             "Abbasi et al. 2012, J Res Med Sci 17(12):1161-9", "500 mg/day for 8 weeks",
                             "Nielsen, Johnson & Zeng 2010, Magnes Res 23(4):158-68", "no sleep benefit over placebo"}) {
        INFO(part);
        CHECK(contains(evidence, part));
    }

    // A range that cannot be read is an error.
    for (auto [low, high] : {std::pair{300.0, 200.0}, std::pair{-1.0, 200.0}, std::pair{200.0, std::nan("")}}) {
        INFO(low << "-" << high);
        context.dose_range_low = low * mg;
        context.dose_range_high = high * mg;
        const std::string message = mgcalc_test::error_message(
            [&] { (void)mgcalc::assess_sleep(mgcalc::day_intake{}, woman34, context); }, mgcalc::errc::invalid_amount);
        CHECK(contains(message, "dose_range_low <= dose_range_high"));
    }
}

TEST_CASE("sleep: the window's evidence says it is a convention and what the trials timed", "[sleep]") {
    using mgcalc_test::contains;
    const mgcalc::sleep_assessment a = one_dose("glycinate", 200.0, 19, 0);
    const std::string& evidence = get(a, "timing-outside-window").evidence;
    for (const char* part : {"is a convention", "no trial tested a time before bed for magnesium alone",
                             "Rondanelli et al. 2011, J Am Geriatr Soc 59(1):82-90", "1 hour before bedtime",
                             "together", "did not state the time of day"}) {
        INFO(part);
        CHECK(contains(evidence, part));
    }
}

TEST_CASE("sleep: for a child the range is an adult one and the UL caps the dose", "[sleep]") {
    using mgcalc_test::contains;
    // A girl of 7: UL 110 mg (IOM 1997, 4-8 y), far below the 200-400 mg adult range.
    const mgcalc::sleep_assessment child = one_dose("glycinate", 100.0, 19, 45, woman(7.0));
    CHECK_FALSE(child.dose_range.judged);
    CHECK(child.dose_range.description == "adult range 200-400 mg (trials in adults), not applied; UL 110 mg caps the dose");
    CHECK_FALSE(has(child, "dose-below-range"));
    REQUIRE(count(child, "dose-range-adults-only") == 1);
    const mgcalc::finding& f = get(child, "dose-range-adults-only");
    CHECK(f.severity == mgcalc::severity::info);
    CHECK(contains(f.message, "evening dose 100 mg elemental is not judged against 200-400 mg: that range is an adult "
                              "convention (the sleep trials were in adults), applied from 19 years; the UL of 110 mg "
                              "for Children 4-8 y caps the dose"));
    CHECK(contains(f.evidence, "Abbasi et al. 2012"));
    CHECK(contains(f.evidence, "IOM 1997"));

    const mgcalc::life_stage infant{mgcalc::sex::female, mgcalc::age::from_months(9.0)};
    const mgcalc::sleep_assessment baby = one_dose("glycinate", 20.0, 19, 0, infant);
    CHECK(baby.dose_range.description == "adult range 200-400 mg (trials in adults), not applied; no UL for infants");
    CHECK(contains(get(baby, "dose-range-adults-only").message, "no UL is established for Infants 6-12 months"));

    // 18.9 years is still under the adult band; 19 years reads the range as set.
    CHECK(has(one_dose("glycinate", 250.0, 21, 45, woman(18.9)), "dose-range-adults-only"));
    const mgcalc::sleep_assessment adult = one_dose("glycinate", 250.0, 21, 45, woman(19.0));
    CHECK_FALSE(has(adult, "dose-range-adults-only"));
    CHECK(adult.dose_range.judged);
    CHECK(adult.dose_range.description == "200-400 mg, a convention (trials: 320-729 mg/day)");
    // No evening dose, no finding about its range.
    CHECK_FALSE(has(one_dose("glycinate", 100.0, 8, 0, woman(7.0)), "dose-range-adults-only"));
}

TEST_CASE("sleep: the evening dose is the sum of the evening doses", "[sleep]") {
    mgcalc::day_intake day;
    day.add_supplement(elemental("glycinate", 100.0), {}, at(21, 45))
        .add_supplement(elemental("citrate", 100.0), {}, at(22, 0))
        .add_supplement(elemental("citrate", 150.0), {}, at(8, 0));
    const mgcalc::sleep_assessment a = mgcalc::assess_sleep(day, woman34, bedtime(22, 30));
    CHECK(a.evening_elemental.value() == Approx(200.0));
    CHECK(a.day.supplement.value() == Approx(350.0));
    CHECK_FALSE(has(a, "dose-below-range"));
    CHECK_FALSE(has(a, "over-upper-limit"));
}

TEST_CASE("sleep: the dose range applies from 19 years", "[sleep]") {
    CHECK(has(one_dose("glycinate", 150.0, 21, 45, woman(19.0)), "dose-below-range"));
    CHECK_FALSE(has(one_dose("glycinate", 150.0, 21, 45, woman(18.9)), "dose-below-range"));
    CHECK_FALSE(has(one_dose("glycinate", 450.0, 21, 45, woman(18.9)), "dose-above-range"));
}

// ---- safety --------------------------------------------------------------------------------

TEST_CASE("sleep: over-upper-limit at 350 and 351 mg in split doses, food does not count", "[sleep]") {
    auto split = [](double evening_mg) {
        mgcalc::day_intake day;
        day.add_food(food_with(500.0), 100.0 * g)
            .add_supplement(elemental("glycinate", 200.0), {}, at(8, 0))
            .add_supplement(elemental("glycinate", evening_mg), {}, at(21, 45));
        return mgcalc::assess_sleep(day, woman34, bedtime(22, 30));
    };
    CHECK_FALSE(has(split(150.0), "over-upper-limit"));  // 350 mg: at the UL, not over it
    const mgcalc::sleep_assessment over = split(151.0);  // 351 mg
    REQUIRE(has(over, "over-upper-limit"));
    const mgcalc::finding& f = get(over, "over-upper-limit");
    CHECK(f.severity == mgcalc::severity::warning);
    CHECK(f.message.find("351 mg elemental magnesium over the day in 2 doses") != std::string::npos);
    CHECK(f.message.find("above the UL of 350 mg") != std::string::npos);
    CHECK(f.message.find("by 1 mg") != std::string::npos);
    CHECK(f.evidence.find("IOM 1997") != std::string::npos);

    // A child of 5 (UL 110 mg, IOM 1997): 110 vs 111.
    const mgcalc::life_stage child{mgcalc::sex::male, mgcalc::age::from_years(5.0)};
    CHECK_FALSE(has(one_dose("glycinate", 110.0, 19, 0, child), "over-upper-limit"));
    CHECK(has(one_dose("glycinate", 111.0, 19, 0, child), "over-upper-limit"));
}

TEST_CASE("sleep: infant at 11.9 and 12 months", "[sleep]") {
    const mgcalc::life_stage infant{mgcalc::sex::female, mgcalc::age::from_months(11.9)};
    const mgcalc::life_stage toddler{mgcalc::sex::female, mgcalc::age::from_months(12.0)};
    const mgcalc::sleep_assessment a = one_dose("glycinate", 20.0, 19, 0, infant);
    REQUIRE(has(a, "infant"));
    CHECK(get(a, "infant").severity == mgcalc::severity::warning);
    CHECK(get(a, "infant").evidence.find("IOM 1997, pp. 242-244") != std::string::npos);
    CHECK_FALSE(has(one_dose("glycinate", 20.0, 19, 0, toddler), "infant"));
    // No supplement, no finding.
    mgcalc::day_intake food_only;
    food_only.add_food(food_with(30.0), 100.0 * g);
    CHECK_FALSE(has(mgcalc::assess_sleep(food_only, infant, bedtime(19, 30)), "infant"));
}

TEST_CASE("sleep: gi-tolerance for osmotic forms at 349.9 and 350 mg in the evening", "[sleep]") {
    CHECK_FALSE(has(one_dose("oxide", 349.9, 21, 45), "gi-tolerance"));
    const mgcalc::sleep_assessment at_ul = one_dose("oxide", 350.0, 21, 45);
    REQUIRE(has(at_ul, "gi-tolerance"));
    CHECK(get(at_ul, "gi-tolerance").severity == mgcalc::severity::caution);
    CHECK(get(at_ul, "gi-tolerance").evidence.find("Bashir et al. 1993") != std::string::npos);
    CHECK(has(one_dose("citrate", 350.0, 21, 45), "gi-tolerance"));
    CHECK(has(one_dose("sulfate-heptahydrate", 350.0, 21, 45), "gi-tolerance"));
    CHECK(has(one_dose("hydroxide", 350.0, 21, 45), "gi-tolerance"));
    CHECK(has(one_dose("chloride-hexahydrate", 350.0, 21, 45), "gi-tolerance"));
    // Not osmotic (a chelate), or not in the evening.
    CHECK_FALSE(has(one_dose("glycinate", 350.0, 21, 45), "gi-tolerance"));
    CHECK_FALSE(has(one_dose("oxide", 350.0, 8, 0), "gi-tolerance"));

    // Osmotic forms are summed; a glycinate dose beside them is not.
    mgcalc::day_intake mixed;
    mixed.add_supplement(elemental("citrate", 200.0), {}, at(21, 45))
        .add_supplement(elemental("chloride", 150.0), {}, at(21, 50))
        .add_supplement(elemental("glycinate", 100.0), {}, at(21, 50));
    CHECK(has(mgcalc::assess_sleep(mixed, woman34, bedtime(22, 30)), "gi-tolerance"));
    mgcalc::day_intake mostly_chelate;
    mostly_chelate.add_supplement(elemental("citrate", 200.0), {}, at(21, 45))
        .add_supplement(elemental("glycinate", 150.0), {}, at(21, 50));
    CHECK_FALSE(has(mgcalc::assess_sleep(mostly_chelate, woman34, bedtime(22, 30)), "gi-tolerance"));

    // The threshold is the age's UL: 110 mg at 4-8 years.
    const mgcalc::life_stage child{mgcalc::sex::male, mgcalc::age::from_years(6.0)};
    CHECK(has(one_dose("citrate", 110.0, 19, 0, child), "gi-tolerance"));
    CHECK_FALSE(has(one_dose("citrate", 109.9, 19, 0, child), "gi-tolerance"));
}

TEST_CASE("sleep: kidney-caution only when reduced kidney function is set and a supplement is taken", "[sleep]") {
    mgcalc::day_intake day;
    day.add_supplement(elemental("glycinate", 200.0), {}, at(21, 45));
    mgcalc::sleep_context context = bedtime(22, 30);
    CHECK_FALSE(has(mgcalc::assess_sleep(day, woman34, context), "kidney-caution"));
    context.reduced_kidney_function = true;
    const mgcalc::sleep_assessment a = mgcalc::assess_sleep(day, woman34, context);
    REQUIRE(has(a, "kidney-caution"));
    CHECK(get(a, "kidney-caution").severity == mgcalc::severity::warning);
    CHECK(get(a, "kidney-caution").evidence.find("IOM 1997") != std::string::npos);
    mgcalc::day_intake food_only;
    food_only.add_food(food_with(100.0), 100.0 * g);
    CHECK_FALSE(has(mgcalc::assess_sleep(food_only, woman34, context), "kidney-caution"));
}

TEST_CASE("sleep: medication-spacing only for the medications set", "[sleep]") {
    mgcalc::day_intake day;
    day.add_supplement(elemental("glycinate", 200.0), {}, at(21, 45));
    mgcalc::sleep_context context = bedtime(22, 30);
    CHECK_FALSE(has(mgcalc::assess_sleep(day, woman34, context), "medication-spacing"));

    context.medications = {mgcalc::medication::bisphosphonate};
    const mgcalc::sleep_assessment bis = mgcalc::assess_sleep(day, woman34, context);
    REQUIRE(count(bis, "medication-spacing") == 1);
    CHECK(get(bis, "medication-spacing").severity == mgcalc::severity::caution);
    CHECK(get(bis, "medication-spacing").message.find("at least 2 hours") != std::string::npos);
    CHECK(get(bis, "medication-spacing").evidence.find("NIH ODS") != std::string::npos);

    context.medications = {mgcalc::medication::tetracycline, mgcalc::medication::quinolone,
                           mgcalc::medication::quinolone};  // the duplicate is reported once
    const mgcalc::sleep_assessment antibiotics = mgcalc::assess_sleep(day, woman34, context);
    REQUIRE(count(antibiotics, "medication-spacing") == 2);
    for (const mgcalc::finding& f : antibiotics.findings) {
        if (f.code != "medication-spacing") continue;
        CHECK(f.message.find("at least 2 hours before or 4-6 hours after magnesium") != std::string::npos);
    }
    mgcalc::day_intake food_only;
    food_only.add_food(food_with(100.0), 100.0 * g);
    CHECK_FALSE(has(mgcalc::assess_sleep(food_only, woman34, context), "medication-spacing"));
}

TEST_CASE("sleep: severity names", "[sleep]") {
    CHECK(mgcalc::to_string(mgcalc::severity::info) == "info");
    CHECK(mgcalc::to_string(mgcalc::severity::caution) == "caution");
    CHECK(mgcalc::to_string(mgcalc::severity::warning) == "warning");
}

// ---- form ----------------------------------------------------------------------------------

TEST_CASE("sleep: poorly-absorbed-form follows the compound's evidence", "[sleep]") {
    const mgcalc::sleep_assessment oxide = one_dose("oxide", 250.0, 21, 45);
    REQUIRE(has(oxide, "poorly-absorbed-form"));
    const mgcalc::finding& f = get(oxide, "poorly-absorbed-form");
    CHECK(f.severity == mgcalc::severity::caution);
    CHECK(f.message.find("0.4") != std::string::npos);
    for (const char* study : {"Firoz & Graber 2001", "Lindberg 1990", "Walker 2003"}) {
        CHECK(f.evidence.find(study) != std::string::npos);
    }
    // Factor 1.0 (human comparative evidence): not flagged.
    for (const char* form : {"citrate", "glycinate", "chloride", "lactate"}) {
        INFO(form);
        const mgcalc::sleep_assessment a = one_dose(form, 250.0, 21, 45);
        CHECK_FALSE(has(a, "poorly-absorbed-form"));
        CHECK_FALSE(has(a, "absorption-evidence-limited"));
    }
    // Two oxide doses: one finding per compound.
    mgcalc::day_intake twice;
    twice.add_supplement(elemental("oxide", 100.0), {}, at(8, 0)).add_supplement(elemental("oxide", 100.0), {}, at(21, 45));
    CHECK(count(mgcalc::assess_sleep(twice, woman34, bedtime(22, 30)), "poorly-absorbed-form") == 1);

    // No human absorption evidence: information, not "poorly absorbed".
    const mgcalc::sleep_assessment threonate = one_dose("threonate", 144.0, 21, 45);
    CHECK_FALSE(has(threonate, "poorly-absorbed-form"));
    REQUIRE(has(threonate, "absorption-evidence-limited"));
    CHECK(get(threonate, "absorption-evidence-limited").severity == mgcalc::severity::info);
    const mgcalc::sleep_assessment malate = one_dose("malate", 200.0, 21, 45);
    REQUIRE(has(malate, "absorption-evidence-limited"));
    CHECK(get(malate, "absorption-evidence-limited").evidence.find("Bertinato et al. 2014") != std::string::npos);
}

// ---- food ----------------------------------------------------------------------------------

TEST_CASE("sleep: intake-already-adequate with food exactly at the target and 0.1 mg below", "[sleep]") {
    auto with_food = [](double food_mg) {
        mgcalc::day_intake day;
        day.add_food(food_with(food_mg), 100.0 * g).add_supplement(elemental("glycinate", 200.0), {}, at(21, 45));
        return mgcalc::assess_sleep(day, woman34, bedtime(22, 30));  // RDA 320 mg
    };
    const mgcalc::sleep_assessment at_target = with_food(320.0);
    REQUIRE(has(at_target, "intake-already-adequate"));
    CHECK(get(at_target, "intake-already-adequate").severity == mgcalc::severity::info);
    CHECK(get(at_target, "intake-already-adequate").message.find("320 mg, at or above the RDA of 320 mg") !=
          std::string::npos);
    CHECK_FALSE(has(with_food(319.9), "intake-already-adequate"));
    // The supplement does not count toward it: 300 mg food + 200 mg supplement is not "food alone".
    CHECK_FALSE(has(with_food(300.0), "intake-already-adequate"));
}

// ---- the whole assessment --------------------------------------------------------------------

TEST_CASE("sleep: findings are deterministic, ordered by severity, and cite dated evidence", "[sleep]") {
    mgcalc::day_intake day;
    day.add_food(food_with(400.0), 100.0 * g)
        .add_supplement(elemental("oxide", 300.0), {}, at(22, 20))
        .add_supplement(elemental("threonate", 150.0), {}, at(21, 45))
        .add_supplement(elemental("glycinate", 50.0));
    mgcalc::sleep_context context = bedtime(22, 30);
    context.reduced_kidney_function = true;
    context.medications = {mgcalc::medication::quinolone};
    const mgcalc::sleep_assessment first = mgcalc::assess_sleep(day, woman34, context);
    const mgcalc::sleep_assessment second = mgcalc::assess_sleep(day, woman34, context);

    std::vector<std::string> codes;
    for (const mgcalc::finding& f : first.findings) codes.push_back(f.code);
    // Warnings, then cautions, then information; rule order within each. 300 mg of oxide is below
    // the 350 mg gi-tolerance threshold, so that finding is absent.
    const std::vector<std::string> expected{
        "over-upper-limit",             // 500 mg supplemental > 350 mg (warning)
        "kidney-caution",               // (warning)
        "dose-above-range",             // 450 mg in the evening (caution)
        "medication-spacing",           // quinolone (caution)
        "poorly-absorbed-form",         // oxide (caution)
        "timing-outside-window",        // oxide 10 minutes before bed (info)
        "dose-time-unknown",            // the untimed glycinate (info)
        "absorption-evidence-limited",  // threonate (info)
        "intake-already-adequate",      // 400 mg from food >= 320 mg (info)
    };
    CHECK(codes == expected);

    REQUIRE(first.findings.size() == second.findings.size());
    for (std::size_t i = 0; i < first.findings.size(); ++i) {
        CHECK(first.findings[i].code == second.findings[i].code);
        CHECK(first.findings[i].message == second.findings[i].message);
        CHECK(first.findings[i].evidence == second.findings[i].evidence);
    }
    for (std::size_t i = 1; i < first.findings.size(); ++i) {
        CHECK(static_cast<int>(first.findings[i - 1].severity) >= static_cast<int>(first.findings[i].severity));
    }
    const std::regex code_form("[a-z]+(-[a-z]+)*");
    const std::regex year("(19|20)[0-9]{2}");
    for (const mgcalc::finding& f : first.findings) {
        INFO(f.code);
        CHECK(std::regex_match(f.code, code_form));
        CHECK_FALSE(f.message.empty());
        // A year, or an explicit statement that there is none to give: the ODS fact-sheet edition
        // behind medication spacing is not confirmed, and threonate has no absorption study at all.
        if (f.code == "medication-spacing") {
            CHECK(f.evidence.find("year not confirmed") != std::string::npos);
        } else if (f.code == "absorption-evidence-limited") {
            CHECK(f.evidence.find("no human or animal absorption study") != std::string::npos);
        } else {
            CHECK(std::regex_search(f.evidence, year));
        }
    }
}

TEST_CASE("sleep: every finding cites sources a reader can look up", "[sleep]") {
    // Days that between them raise every finding code.
    std::vector<mgcalc::sleep_assessment> assessments;
    mgcalc::day_intake busy;
    busy.add_food(food_with(400.0), 100.0 * g)
        .add_supplement(elemental("oxide", 360.0), {}, at(22, 20))
        .add_supplement(elemental("glycinate", 150.0), {}, at(21, 45))
        .add_supplement(elemental("threonate", 50.0), {}, at(21, 45))
        .add_supplement(elemental("malate", 50.0), {}, at(21, 45))
        .add_supplement(elemental("citrate", 50.0), {}, at(18, 0))
        .add_supplement(elemental("citrate", 10.0));
    mgcalc::sleep_context context = bedtime(22, 30);
    context.reduced_kidney_function = true;
    context.medications = {mgcalc::medication::bisphosphonate, mgcalc::medication::quinolone};
    assessments.push_back(mgcalc::assess_sleep(busy, woman34, context));
    assessments.push_back(one_dose("glycinate", 100.0, 21, 45));                     // dose-below-range
    assessments.push_back(one_dose("glycinate", 100.0, 18, 0));                      // no-evening-dose
    assessments.push_back(one_dose("glycinate", 50.0, 19, 0, woman(7.0)));           // dose-range-adults-only
    const mgcalc::life_stage infant{mgcalc::sex::female, mgcalc::age::from_months(9.0)};
    assessments.push_back(one_dose("glycinate", 20.0, 19, 0, infant));               // infant

    const std::vector<std::string> every_code{
        "over-upper-limit",  "infant",         "kidney-caution",       "dose-above-range",
        "gi-tolerance",      "medication-spacing", "poorly-absorbed-form", "dose-below-range",
        "dose-range-adults-only", "glycine-trial-dose", "timing-outside-window", "dose-time-unknown",
        "no-evening-dose",   "absorption-evidence-limited", "intake-already-adequate"};
    std::vector<std::string> seen;
    // Engineers' reference notes and files outside the product are not sources a reader can look
    // up: no notes file, no path into a shared folder, no tracker "issue".
    const std::regex private_source("magnesium-facts|fact[ -]file|/work/|\\.\\./shared|issue", std::regex::icase);
    for (const mgcalc::sleep_assessment& a : assessments) {
        for (const mgcalc::finding& f : a.findings) {
            INFO(f.code << ": " << f.message << "\nevidence: " << f.evidence);
            seen.push_back(f.code);
            CHECK_FALSE(std::regex_search(f.message, private_source));
            CHECK_FALSE(std::regex_search(f.evidence, private_source));
        }
    }
    for (const std::string& code : every_code) {
        INFO(code);
        CHECK(std::find(seen.begin(), seen.end(), code) != seen.end());
    }
}

TEST_CASE("sleep: a day without supplements has only food findings", "[sleep]") {
    mgcalc::day_intake day;
    day.add_food(food_with(250.0), 100.0 * g);
    const mgcalc::sleep_assessment a = mgcalc::assess_sleep(day, woman34, bedtime(22, 30));
    CHECK(a.findings.empty());
    CHECK(a.evening_elemental.value() == 0.0);
    CHECK(a.day.food.value() == Approx(250.0));
}

TEST_CASE("sleep: a logged day is assessed with the profile's age, medications and conditions", "[sleep]") {
    mgcalc::intake_log log;
    log.person.sex = mgcalc::sex::female;
    log.person.birth_date = mgcalc::date(1990, 3, 10);  // 34 on 2024-03-10
    log.person.medications = {"alendronate"};           // a bisphosphonate, by its drug name
    log.person.conditions = {"reduced-kidney-function"};
    log.days = {{mgcalc::date(2024, 3, 9), {mgcalc::read_log_entry(mgcalc::log_entry_kind::food, "12014=1 oz")}},
                {mgcalc::date(2024, 3, 10),
                 {mgcalc::read_log_entry(mgcalc::log_entry_kind::supplement, "glycinate=200 mg@21:45")}}};
    const mgcalc::food_catalog catalog;
    const mgcalc::sleep_assessment a = mgcalc::assess_sleep(log, mgcalc::date(2024, 3, 10), catalog, bedtime(22, 30));
    CHECK(a.evening_elemental.value() == Approx(200.0));
    CHECK(a.day.food.value() == 0.0);  // the other day's food is not counted
    CHECK(a.day.reference.life_stage == "Females 31-50 y");
    CHECK(has(a, "medication-spacing"));
    CHECK(has(a, "kidney-caution"));
    // The same as assessing the resolved day with the context the profile gives.
    mgcalc::sleep_context context = bedtime(22, 30);
    context.add(log.person);
    const mgcalc::sleep_assessment by_hand =
        mgcalc::assess_sleep(mgcalc::resolve_day(log, log.days[1], catalog), woman34, context);
    CHECK(a.findings.size() == by_hand.findings.size());

    const mgcalc::error missing =
        mgcalc_test::thrown_by([&] { (void)mgcalc::assess_sleep(log, mgcalc::date(2024, 3, 11), catalog, bedtime(22, 30)); });
    CHECK(missing.code() == mgcalc::errc::invalid_date);
    CHECK(std::string(missing.message()) == "the log has no day 2024-03-11; expected the date of a logged day");
}

TEST_CASE("sleep: the chosen authority's target and UL are used, and a table without a UL is named", "[sleep]") {
    using mgcalc_test::contains;
    mgcalc::day_intake day;
    day.add_supplement(elemental("glycinate", 300.0), {}, at(21, 45));
    // EFSA 2015 / SCF: 250 mg supplemental UL for adults, so 300 mg is over it (IOM's 350 mg is not).
    mgcalc::sleep_context efsa = bedtime(22, 30);
    efsa.authority = mgcalc::authority::efsa;
    const mgcalc::sleep_assessment over = mgcalc::assess_sleep(day, woman34, efsa);
    CHECK(over.day.reference.authority_id == mgcalc::authority::efsa);
    REQUIRE(has(over, "over-upper-limit"));
    CHECK(contains(get(over, "over-upper-limit").message, "above the UL of 250 mg"));
    CHECK(contains(get(over, "over-upper-limit").evidence, "EFSA"));
    CHECK_FALSE(has(mgcalc::assess_sleep(day, woman34, bedtime(22, 30)), "over-upper-limit"));
    // WHO/FAO 2004 sets no UL: no over-UL finding, and a child's dose note names the table.
    mgcalc::sleep_context who = bedtime(22, 30);
    who.authority = mgcalc::authority::who;
    CHECK_FALSE(has(mgcalc::assess_sleep(day, woman34, who), "over-upper-limit"));
    mgcalc::day_intake child_day;
    child_day.add_supplement(elemental("glycinate", 100.0), {}, at(21, 45));
    const mgcalc::sleep_assessment who_child = mgcalc::assess_sleep(child_day, woman(7.0), who);
    CHECK(who_child.dose_range.description ==
          "adult range 200-400 mg (trials in adults), not applied; no UL set by WHO/FAO 2004 for Children 7-9 years");
}
