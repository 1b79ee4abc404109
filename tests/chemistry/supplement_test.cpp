// Tests for mgcalc/chemistry/supplement.hpp: doses by elemental mass, compound mass and label strength, the
// dose syntax, and every class of bad input.
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/chemistry/supplement.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <optional>
#include <string>

namespace {

using mgcalc_test::quoted;

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace mgcalc::unit_symbols;

using mgcalc_test::error_from;
using mgcalc_test::thrown;

std::optional<thrown> parse_error_of(const std::string& text) {
    return error_from([&text] { mgcalc::parse_supplement_dose(text); });
}

// Molar masses by hand from the CIAAW 2022 weights (Mg 24.305, C 12.011, H 1.008, N 14.007,
// O 15.999, S 32.06; Prohaska et al., Pure Appl. Chem. 94(5):573-600, 2022; docs/sources.md).
constexpr double magnesium = 24.305;
constexpr double oxide_molar_mass = 24.305 + 15.999;                                                // 40.304
constexpr double glycinate_molar_mass = 4 * 12.011 + 8 * 1.008 + 24.305 + 2 * 14.007 + 4 * 15.999;  // 172.423
constexpr double epsom_molar_mass = 24.305 + 32.06 + 4 * 15.999 + 7 * (2 * 1.008 + 15.999);         // 246.466

}  // namespace

TEST_CASE("supplement: to_string(dose_basis)", "[supplement]") {
    CHECK(mgcalc::to_string(mgcalc::dose_basis::elemental) == "elemental");
    CHECK(mgcalc::to_string(mgcalc::dose_basis::compound) == "compound");
}

TEST_CASE("supplement: an elemental dose is the default, as on a Supplement Facts label", "[supplement]") {
    const mgcalc::supplement_dose dose = mgcalc::parse_supplement_dose("glycinate=200 mg");
    CHECK(dose.form().id == "glycinate");
    CHECK(dose.basis() == mgcalc::dose_basis::elemental);
    CHECK(dose.amount().value() == 200.0);
    CHECK_FALSE(dose.label().has_value());
    CHECK(dose.elemental().value() == 200.0);
    // 200 mg Mg x 172.423 / 24.305 = 1418.8 mg of bisglycinate.
    CHECK(dose.compound_mass().value() == Approx(200 * glycinate_molar_mass / magnesium));
    CHECK(dose.compound_mass().value() == Approx(1418.8).margin(0.05));
    CHECK(dose.description() == "200 mg elemental magnesium as magnesium bisglycinate");
}

TEST_CASE("supplement: a compound dose is converted by stoichiometry", "[supplement]") {
    const mgcalc::supplement_dose dose = mgcalc::parse_supplement_dose("oxide=500 mg compound");
    CHECK(dose.form().id == "oxide");
    CHECK(dose.basis() == mgcalc::dose_basis::compound);
    CHECK(dose.compound_mass().value() == 500.0);
    // 500 mg MgO x 24.305 / 40.304 = 301.52 mg Mg.
    CHECK(dose.elemental().value() == Approx(500 * magnesium / oxide_molar_mass));
    CHECK(dose.elemental().value() == Approx(301.5).margin(0.05));
    CHECK(dose.description() == "500 mg magnesium oxide (301.5 mg elemental)");

    const mgcalc::supplement_dose epsom = mgcalc::parse_supplement_dose("Epsom salt = 1 g compound");
    CHECK(epsom.form().id == "sulfate-heptahydrate");
    CHECK(epsom.compound_mass().value() == 1000.0);
    // 1000 mg x 24.305 / 246.466 = 98.6 mg Mg (docs/compounds.md: 98.6 mg per 1 g of MgSO4.7H2O).
    CHECK(epsom.elemental().value() == Approx(1000 * magnesium / epsom_molar_mass));
    CHECK(epsom.description() == "1000 mg magnesium sulfate heptahydrate (98.6 mg elemental)");
}

TEST_CASE("supplement: a label strength overrides stoichiometry", "[supplement]") {
    // Magtein: 2,000 mg compound -> 144 mg elemental (the Magtein label; docs/sources.md, label conventions).
    const mgcalc::supplement_dose dose = mgcalc::parse_supplement_dose("threonate=2 g compound, 144 mg per 2 g");
    CHECK(dose.form().id == "threonate");
    CHECK(dose.basis() == mgcalc::dose_basis::compound);
    REQUIRE(dose.label().has_value());
    CHECK(dose.label()->elemental.value() == 144.0);
    CHECK(dose.label()->per_compound_mass.value() == 2000.0);
    CHECK(dose.compound_mass().value() == 2000.0);
    CHECK(dose.elemental().value() == Approx(144.0));
    CHECK(dose.description() == "2000 mg magnesium L-threonate (144 mg elemental per label: 144 mg per 2000 mg)");

    // Three 667 mg capsules of the same product: 667 x 144 / 2000 = 48.0 mg each.
    const mgcalc::supplement_dose capsule =
        mgcalc::parse_supplement_dose("Magtein=667 mg compound, 144 mg elemental per 2000 mg");
    CHECK(capsule.elemental().value() == Approx(667 * 144.0 / 2000));

    // The same thing built directly.
    const mgcalc::supplement_dose direct(mgcalc::get_compound("threonate"), 2000.0 * mg,
                                         mgcalc::label_strength{144.0 * mg, 2000.0 * mg});
    CHECK(direct.elemental().value() == Approx(144.0));
}

TEST_CASE("supplement: units, case, spacing and basis words", "[supplement]") {
    struct accepted {
        const char* text;
        const char* id;
        mgcalc::dose_basis basis;
        double amount_mg;
    };
    const accepted cases[] = {
        {"glycinate=0.2 g", "glycinate", mgcalc::dose_basis::elemental, 200},
        {"glycinate=0.2 grams", "glycinate", mgcalc::dose_basis::elemental, 200},
        {"glycinate=1 gram", "glycinate", mgcalc::dose_basis::elemental, 1000},
        {"glycinate=200 milligrams elemental", "glycinate", mgcalc::dose_basis::elemental, 200},
        {"glycinate=1 milligram", "glycinate", mgcalc::dose_basis::elemental, 1},
        {"glycinate=200mg", "glycinate", mgcalc::dose_basis::elemental, 200},
        {"  Magnesium Bisglycinate =  200  MG  Elemental ", "glycinate", mgcalc::dose_basis::elemental, 200},
        {"MgO=1.5g compound", "oxide", mgcalc::dose_basis::compound, 1500},
        {"citrate=0 mg", "citrate", mgcalc::dose_basis::elemental, 0},
        {"milk of magnesia=2.4 g COMPOUND", "hydroxide", mgcalc::dose_basis::compound, 2400},
    };
    for (const accepted& c : cases) {
        INFO(c.text);
        const mgcalc::supplement_dose dose = mgcalc::parse_supplement_dose(c.text);
        CHECK(dose.form().id == c.id);
        CHECK(dose.basis() == c.basis);
        CHECK(dose.amount().value() == Approx(c.amount_mg));
    }
}

TEST_CASE("supplement: mgcalc's plausibility limits accept their boundaries", "[supplement]") {
    // 5,000 mg elemental is the largest accepted dose; as oxide that is 12.4 g of compound.
    CHECK(mgcalc::parse_supplement_dose("oxide=5000 mg").elemental().value() == 5000.0);
    // 50 g of Epsom salt (4,930.7 mg Mg) is the largest accepted compound mass.
    CHECK(mgcalc::parse_supplement_dose("Epsom salt=50 g compound").elemental().value() ==
          Approx(50000 * magnesium / epsom_molar_mass));
}

TEST_CASE("supplement: syntax errors say what was wrong or understood, the text and the syntax", "[supplement]") {
    struct bad {
        const char* text;
        const char* what;
    };
    const bad cases[] = {
        {"=200 mg", "missing compound"},
        {"glycinate=", "missing amount"},
        {"glycinate=   ", "missing amount"},
        {"glycinate=lots mg", "expected a number for the amount"},
        {"glycinate=200", "missing unit after \"200\""},
        {"glycinate=200 mg chelated", "\"chelated\" is not a dose basis"},
        {"glycinate=200 mg elemental please", "unexpected \"please\""},
        {"threonate=2 g, 144 mg per 2 g", "a label strength applies to a compound mass"},
        {"threonate=2 g elemental, 144 mg per 2 g", "a label strength applies to a compound mass"},
        {"threonate=2 g compound, 144 mg", "expected a label strength"},
        {"threonate=2 g compound, 144 mg for 2 g", "expected a label strength"},
        {"threonate=2 g compound, many mg per 2 g", "expected a number for the label's elemental amount"},
        {"threonate=2 g compound, 144 mg per some g", "expected a number for the label's compound amount"},
        {"threonate=2,000 mg compound", "thousands"},
        {"threonate=2 g compound, 144 mg per 2 g, daily", "more than one \",\""},
        // Phrases without "=": what was understood, then what would be accepted.
        {"glycinate two hundred mg", "then \"two hundred mg\", which is not an amount"},
        {"magnesium glycinate", "read the compound \"magnesium glycinate\" (magnesium bisglycinate) but no amount"},
        {"mag citrate lots", "read the compound \"mag citrate\" (magnesium citrate), then \"lots\", which is not an "
                             "amount"},
        {"lots of magnesium", "found no amount"},
        {"", "nothing to read"},
        {"   ", "nothing to read"},
        {"200 mg", "missing compound after \"200 mg\""},
        {"200 mg of", "missing compound after \"200 mg\""},
        {"200 mg compound", "missing compound after \"200 mg\""},
        {"200", "missing unit and compound after \"200\""},
        {"200 mg elemental glycinate compound", "written twice"},
        {"glycinate 200", "missing unit after \"200\""},
        {"glycinate 200 mg chelated", "\"chelated\" is not a dose basis"},
        {"200 mg glycinate, 144 mg per 2 g", "a label strength applies to a compound mass"},
    };
    for (const bad& c : cases) {
        INFO(c.text);
        const auto e = parse_error_of(c.text);
        REQUIRE(e);
        CHECK(e->code == mgcalc::errc::parse_error);
        CHECK_THAT(e->message, Contains("[mgcalc.parse_error]") && Contains(c.what) &&
                                   Contains(quoted(c.text)) &&
                                   Contains("syntax: COMPOUND=AMOUNT UNIT"));
        // The message starts with the text given and offers every accepted form.
        CHECK_THAT(e->message, StartsWith("[mgcalc.parse_error] supplement " + quoted(c.text) + ": ") &&
                                   Contains("AMOUNT UNIT [of] COMPOUND") && Contains("\"mag glycinate 200 mg\""));
    }
}

TEST_CASE("supplement: phrases without \"=\" read like the = form", "[supplement]") {
    struct phrase {
        const char* text;
        const char* same_as;  // the COMPOUND=AMOUNT form it means
        const char* id;
        mgcalc::dose_basis basis;
        double amount_mg;
    };
    const phrase cases[] = {
        // COMPOUND AMOUNT UNIT [basis]
        {"mag glycinate 200 mg", "glycinate=200 mg", "glycinate", mgcalc::dose_basis::elemental, 200},
        {"glycinate 200 mg compound", "glycinate=200 mg compound", "glycinate", mgcalc::dose_basis::compound, 200},
        {"Magnesium Citrate 150mg", "citrate=150 mg", "citrate", mgcalc::dose_basis::elemental, 150},
        {"Epsom salt 1 g compound", "Epsom salt=1 g compound", "sulfate-heptahydrate", mgcalc::dose_basis::compound,
         1000},
        // A hydrate formula with spaces: "7H2O" is not an amount.
        {"MgSO4 \xC2\xB7 7H2O 1 g compound", "MgSO4*7H2O=1 g compound", "sulfate-heptahydrate",
         mgcalc::dose_basis::compound, 1000},
        // AMOUNT UNIT [basis] [of] COMPOUND [basis]
        {"200 mg magnesium glycinate", "glycinate=200 mg", "glycinate", mgcalc::dose_basis::elemental, 200},
        {"200mg mag glycinate", "glycinate=200 mg", "glycinate", mgcalc::dose_basis::elemental, 200},
        {"500 mg of magnesium oxide compound", "oxide=500 mg compound", "oxide", mgcalc::dose_basis::compound, 500},
        {"500 mg compound of magnesium oxide", "oxide=500 mg compound", "oxide", mgcalc::dose_basis::compound, 500},
        {"0.5 g of MgO compound", "oxide=500 mg compound", "oxide", mgcalc::dose_basis::compound, 500},
        {"300 milligrams magnesium citrate elemental", "citrate=300 mg", "citrate", mgcalc::dose_basis::elemental,
         300},
        // Magnesium of a form not stated.
        {"magnesium 100 mg", "magnesium=100 mg", "unspecified", mgcalc::dose_basis::elemental, 100},
        {"100 mg magnesium", "magnesium=100 mg", "unspecified", mgcalc::dose_basis::elemental, 100},
        {"100 mg elemental magnesium", "magnesium=100 mg", "unspecified", mgcalc::dose_basis::elemental, 100},
        {"mag 100 mg", "magnesium=100 mg", "unspecified", mgcalc::dose_basis::elemental, 100},
    };
    for (const phrase& c : cases) {
        INFO(c.text);
        const mgcalc::supplement_dose dose = mgcalc::parse_supplement_dose(c.text);
        CHECK(dose.form().id == c.id);
        CHECK(dose.basis() == c.basis);
        CHECK(dose.amount().value() == Approx(c.amount_mg));
        const mgcalc::supplement_dose same = mgcalc::parse_supplement_dose(c.same_as);
        CHECK(&dose.form() == &same.form());
        CHECK(dose.basis() == same.basis());
        CHECK(dose.elemental().value() == Approx(same.elemental().value()));
    }

    // A label strength follows the phrase as it follows the = form.
    for (const char* text : {"threonate 2 g compound, 144 mg per 2 g", "2 g of Magtein compound, 144 mg per 2 g"}) {
        INFO(text);
        const mgcalc::supplement_dose dose = mgcalc::parse_supplement_dose(text);
        CHECK(dose.form().id == "threonate");
        REQUIRE(dose.label().has_value());
        CHECK(dose.elemental().value() == Approx(144.0));
    }
}

TEST_CASE("supplement: magnesium of a form not stated counts as elemental, with no compound mass", "[supplement]") {
    const mgcalc::supplement_dose dose = mgcalc::parse_supplement_dose("magnesium=100 mg");
    CHECK(&dose.form() == &mgcalc::unspecified_form());
    CHECK_FALSE(dose.form().form_known());
    CHECK(dose.basis() == mgcalc::dose_basis::elemental);
    CHECK(dose.elemental().value() == 100.0);
    CHECK(dose.description() == "100 mg elemental magnesium, form not stated");
    CHECK_FALSE(dose.form().bioavailability.has_value());  // so the absorbed estimate is unknown
    const auto mass = error_from([&] { (void)dose.compound_mass(); });
    REQUIRE(mass);
    CHECK(mass->code == mgcalc::errc::unknown_compound);
    // The elemental limit still applies; there is no compound mass to limit.
    CHECK(mgcalc::parse_supplement_dose("magnesium 5000 mg").elemental().value() == 5000.0);
    CHECK(parse_error_of("magnesium 5001 mg")->code == mgcalc::errc::invalid_amount);

    // A compound mass needs the compound named.
    for (const char* text : {"magnesium=2 g compound", "magnesium 2 g compound", "2 g of magnesium compound",
                             "magnesium=2 g compound, 144 mg per 2 g"}) {
        INFO(text);
        const auto e = parse_error_of(text);
        REQUIRE(e);
        CHECK(e->code == mgcalc::errc::unknown_compound);
        CHECK_THAT(e->message, StartsWith("[mgcalc.unknown_compound] supplement " + quoted(text) + ": ") &&
                                   Contains("needs its compound named") && Contains("\"citrate=2 g compound\""));
    }
    const auto direct = error_from(
        [] { mgcalc::supplement_dose(mgcalc::unspecified_form(), 2000.0 * mg, mgcalc::dose_basis::compound); });
    REQUIRE(direct);
    CHECK(direct->code == mgcalc::errc::unknown_compound);
    const auto labelled = error_from([] {
        mgcalc::supplement_dose(mgcalc::unspecified_form(), 2000.0 * mg, mgcalc::label_strength{144.0 * mg, 2000.0 * mg});
    });
    REQUIRE(labelled);
    CHECK(labelled->code == mgcalc::errc::unknown_compound);
}

TEST_CASE("supplement: a phrase with an unknown compound or unit says so", "[supplement]") {
    // Unknown words after the amount are an unknown compound; an unknown unit is named.
    const auto compound = parse_error_of("200 mg magnesium kryptonite");
    REQUIRE(compound);
    CHECK(compound->code == mgcalc::errc::unknown_compound);
    CHECK_THAT(compound->message, Contains("unknown magnesium compound \"magnesium kryptonite\"") &&
                                      Contains("accepted ids"));
    const auto unit = parse_error_of("2 tsp of Epsom salt");
    REQUIRE(unit);
    CHECK(unit->code == mgcalc::errc::unknown_unit);
    CHECK_THAT(unit->message, Contains("unknown unit \"tsp\""));
}

TEST_CASE("supplement: messages speak of the text given, never of C++ functions", "[supplement]") {
    struct bad {
        const char* text;
        mgcalc::errc code;
        const char* what;
    };
    const bad cases[] = {
        {"mag kryptonite=100 mg", mgcalc::errc::unknown_compound,
         "unknown magnesium compound \"mag kryptonite\"; accepted ids: oxide, "},
        {"glycinate=200 oz", mgcalc::errc::unknown_unit, "unknown unit \"oz\""},
        {"=200 mg", mgcalc::errc::parse_error, "missing compound before \"=\""},
        {"glycinate=-200 mg", mgcalc::errc::invalid_amount, "elemental amount -200 mg is negative"},
        {"oxide=nan g compound", mgcalc::errc::parse_error, "expected a number for the amount after \"=\", got \"nan\""},
        {"glycinate=6 g", mgcalc::errc::invalid_amount,
         "6000 mg of elemental magnesium as magnesium bisglycinate in one dose is implausible"},
        {"threonate=2 g compound, 3 g per 2 g", mgcalc::errc::invalid_amount,
         "label strength \"3000 mg per 2000 mg\" states more magnesium than compound"},
    };
    for (const bad& c : cases) {
        INFO(c.text);
        const auto e = parse_error_of(c.text);
        REQUIRE(e);
        CHECK(e->code == c.code);
        CHECK_THAT(e->message, StartsWith("[mgcalc." + std::string(mgcalc::to_string(c.code)) + "] supplement " +
                                          quoted(c.text) + ": " + c.what));
        for (const char* function : {"parse_supplement_dose", "supplement_dose", "get_compound", "elemental_magnesium",
                                     "compound_mass_for", "molar_mass"}) {
            CHECK_THAT(e->message, !Contains(function));
        }
    }
    // Built without text, a dose's message starts with what was wrong.
    const auto direct = error_from([] { mgcalc::supplement_dose(mgcalc::get_compound("oxide"), -1.0 * mg); });
    REQUIRE(direct);
    CHECK_THAT(direct->message, StartsWith("[mgcalc.invalid_amount] elemental amount -1 mg is negative"));
}

TEST_CASE("supplement: unknown units list the accepted units", "[supplement]") {
    for (const char* text : {"glycinate=200 oz", "glycinate=2 kg", "glycinate=200 mcg", "glycinate=2 tsp compound",
                             "threonate=2 g compound, 144 mg per 2 tsp", "threonate=2 g compound, 144 oz per 2 g"}) {
        INFO(text);
        const auto e = parse_error_of(text);
        REQUIRE(e);
        CHECK(e->code == mgcalc::errc::unknown_unit);
        CHECK_THAT(e->message, Contains("[mgcalc.unknown_unit]") && Contains("unknown unit") &&
                                   Contains(quoted(text)) &&
                                   Contains("accepted units: mg (milligram, milligrams), g (gram, grams)"));
    }
}

TEST_CASE("supplement: an unknown compound lists the accepted ids", "[supplement]") {
    const auto e = parse_error_of("unobtainium=200 mg");
    REQUIRE(e);
    CHECK(e->code == mgcalc::errc::unknown_compound);
    CHECK_THAT(e->message, Contains("[mgcalc.unknown_compound]") && Contains("\"unobtainium=200 mg\"") &&
                               Contains("\"unobtainium\"") && Contains("accepted ids") && Contains("glycinate"));
}

TEST_CASE("supplement: negative, out-of-range and implausible amounts are invalid_amount", "[supplement]") {
    struct bad {
        const char* text;
        const char* what;
    };
    const bad cases[] = {
        {"glycinate=-200 mg", "is negative"},
        {"glycinate=-200mg", "is negative"},
        // Beyond a double, or subnormal: named as typed, with its sign, never read as inf or 0.
        {"glycinate=1e999 mg", "the number \"1e999\" for the amount after \"=\" is out of range"},
        {"glycinate=-1e400 mg", "the number \"-1e400\" for the amount after \"=\" is out of range"},
        {"glycinate=1e-310 mg", "the number \"1e-310\" for the amount after \"=\" is out of range"},
        {"oxide=-1 g compound", "is negative"},
        // 6 g elemental: above the 5,000 mg limit (a g/mg slip for 6 mg?).
        {"glycinate=6 g", "implausible"},
        {"glycinate=5000.1 mg", "implausible"},
        // 60 g of Epsom salt: above the 50 g compound limit.
        {"Epsom salt=60 g compound", "implausible"},
        {"Epsom salt=50.001 g compound", "implausible"},
        // 3,000 mg elemental is fine, but as gluconate dihydrate it is 55.6 g of compound.
        {"gluconate-dihydrate=3000 mg", "implausible"},
        // A label claiming more magnesium than compound, or nothing to divide by.
        {"threonate=2 g compound, 3 g per 2 g", "more magnesium than compound"},
        {"threonate=2 g compound, 144 mg per 0 g", "zero compound amount"},
        {"threonate=2 g compound, -144 mg per 2 g", "is negative"},
        {"threonate=2 g compound, 144 mg per 1e-320 g", "out of range"},
    };
    for (const bad& c : cases) {
        INFO(c.text);
        const auto e = parse_error_of(c.text);
        REQUIRE(e);
        CHECK(e->code == mgcalc::errc::invalid_amount);
        CHECK_THAT(e->message, Contains("[mgcalc.invalid_amount]") && Contains(c.what) &&
                                   Contains(quoted(c.text)) && Contains("accepted"));
    }
    // "nan" and "inf" are not decimal numbers at all.
    for (const char* text : {"glycinate=nan mg", "glycinate=inf mg", "glycinate=-inf mg",
                             "threonate=2 g compound, 144 mg per nan g"}) {
        INFO(text);
        const auto e = parse_error_of(text);
        REQUIRE(e);
        CHECK(e->code == mgcalc::errc::parse_error);
        CHECK_THAT(e->message, Contains("expected a number"));
    }
    const auto limits = parse_error_of("glycinate=6 g");
    REQUIRE(limits);
    CHECK_THAT(limits->message, Contains("6000 mg") && Contains("5000 mg") && Contains("50 g"));
}

TEST_CASE("supplement: the constructors validate like the parser", "[supplement]") {
    const mgcalc::compound& oxide = mgcalc::get_compound("oxide");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (double bad : {-1.0, nan, inf, 5000.5}) {
        INFO(bad);
        const auto e = error_from([&] { mgcalc::supplement_dose(oxide, bad * mg); });
        REQUIRE(e);
        CHECK(e->code == mgcalc::errc::invalid_amount);
    }
    // 50,000.5 mg of compound is over 50 g.
    const auto heavy = error_from([&] { mgcalc::supplement_dose(oxide, 50000.5 * mg, mgcalc::dose_basis::compound); });
    REQUIRE(heavy);
    CHECK(heavy->code == mgcalc::errc::invalid_amount);
    const auto label = error_from(
        [&] { mgcalc::supplement_dose(oxide, 500.0 * mg, mgcalc::label_strength{inf * mg, 1000.0 * mg}); });
    REQUIRE(label);
    CHECK(label->code == mgcalc::errc::invalid_amount);
    CHECK_THAT(label->message, Contains("label elemental amount") && Contains("is infinite"));
}

TEST_CASE("supplement: elemental and compound views of one dose agree", "[supplement]") {
    const mgcalc::compound& glycinate = mgcalc::get_compound("magnesium glycinate");
    const mgcalc::supplement_dose by_elemental(glycinate, 200.0 * mg);
    const mgcalc::supplement_dose by_compound(glycinate, by_elemental.compound_mass(), mgcalc::dose_basis::compound);
    CHECK(by_compound.elemental().value() == Approx(200.0));
    CHECK(&by_compound.form() == &glycinate);
}

TEST_CASE("supplement: try_parse_supplement_dose returns the dose or the error, with the text at fault", "[supplement]") {
    const mgcalc::result<mgcalc::supplement_dose> good = mgcalc::try_parse_supplement_dose("glycinate=200 mg");
    REQUIRE(good);
    CHECK(good->elemental().value() == Approx(200.0));
    const mgcalc::result<mgcalc::supplement_dose> bad = mgcalc::try_parse_supplement_dose("unobtainium=200 mg");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code() == mgcalc::errc::unknown_compound);
    CHECK(bad.error().input() == "unobtainium=200 mg");
}
