// Tests for mgcalc/chemistry/formula.hpp: molar masses from formulas, atom counts, and every class of
// malformed formula.
#include <mgcalc/error.hpp>
#include <mgcalc/chemistry/formula.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

using mgcalc_test::error_from;
using mgcalc_test::thrown;

double grams_per_mole_of(const char* formula) { return mgcalc::molar_mass(formula).value(); }

// The middle dot U+00B7 spelled out, so the tests do not depend on the source file's encoding.
#define DOT "\xC2\xB7"

}  // namespace

TEST_CASE("formula: atomic weights are the CIAAW 2022 abridged/conventional values", "[formula]") {
    // IUPAC CIAAW, Prohaska et al., "Standard atomic weights of the elements 2021", Pure Appl.
    // Chem. 94(5):573-600 (2022), abridged/conventional values (docs/sources.md).
    CHECK(mgcalc::atomic_weight("Mg").value() == 24.305);
    CHECK(mgcalc::atomic_weight("C").value() == 12.011);
    CHECK(mgcalc::atomic_weight("H").value() == 1.008);
    CHECK(mgcalc::atomic_weight("O").value() == 15.999);
    CHECK(mgcalc::atomic_weight("N").value() == 14.007);
    CHECK(mgcalc::atomic_weight("S").value() == 32.06);
    CHECK(mgcalc::atomic_weight("Cl").value() == 35.45);
    CHECK(mgcalc::atomic_weight("P").value() == 30.974);
}

TEST_CASE("formula: molar masses computed by hand", "[formula]") {
    // Sums of the CIAAW weights above, written out.
    CHECK(grams_per_mole_of("MgO") == Approx(24.305 + 15.999).epsilon(1e-12));
    CHECK(grams_per_mole_of("Mg(OH)2") == Approx(24.305 + 2 * (15.999 + 1.008)).epsilon(1e-12));
    CHECK(grams_per_mole_of("MgCO3") == Approx(24.305 + 12.011 + 3 * 15.999).epsilon(1e-12));
    CHECK(grams_per_mole_of("Mg3(PO4)2") == Approx(3 * 24.305 + 2 * (30.974 + 4 * 15.999)).epsilon(1e-12));
    CHECK(grams_per_mole_of("Mg3(C6H5O7)2") ==
          Approx(3 * 24.305 + 2 * (6 * 12.011 + 5 * 1.008 + 7 * 15.999)).epsilon(1e-12));
    CHECK(grams_per_mole_of("C4H8MgN2O4") ==
          Approx(4 * 12.011 + 8 * 1.008 + 24.305 + 2 * 14.007 + 4 * 15.999).epsilon(1e-12));
    CHECK(grams_per_mole_of("C4H12MgN2O6S2") ==
          Approx(4 * 12.011 + 12 * 1.008 + 24.305 + 2 * 14.007 + 6 * 15.999 + 2 * 32.06).epsilon(1e-12));
}

TEST_CASE("formula: a molar mass is a constant expression", "[formula][constexpr]") {
    // Magnesium bisglycinate, Mg(C2H4NO2)2 = C4H8MgN2O4, parsed by the compiler: 4 x 12.011 +
    // 8 x 1.008 + 24.305 + 2 x 14.007 + 4 x 15.999 = 172.423 g/mol (CIAAW 2022 weights,
    // docs/sources.md). A static_assert fails the build, not a test run, if the parser or a weight
    // changes; and a formula that does not parse here would not compile.
    constexpr double bisglycinate = mgcalc::molar_mass("Mg(C2H4NO2)2").value();
    STATIC_REQUIRE(bisglycinate > 172.423 - 1e-9);
    STATIC_REQUIRE(bisglycinate < 172.423 + 1e-9);
    // The grouped and the flat formula are the same atoms, so exactly the same sum.
    STATIC_REQUIRE(mgcalc::molar_mass("C4H8MgN2O4").value() == bisglycinate);
    STATIC_REQUIRE(mgcalc::atom_count("Mg(C2H4NO2)2", "N") == 2);
    STATIC_REQUIRE(mgcalc::atom_count("MgSO4\xC2\xB7" "7H2O", "H") == 14);
    CHECK(bisglycinate == Approx(172.423).epsilon(1e-12));
}

TEST_CASE("formula: nested parentheses multiply through every level", "[formula]") {
    // Mg(C(OH)2)2 = Mg + 2 x (C + 2 x (O + H))
    CHECK(grams_per_mole_of("Mg(C(OH)2)2") == Approx(24.305 + 2 * (12.011 + 2 * (15.999 + 1.008))).epsilon(1e-12));
    CHECK(mgcalc::atom_count("Mg(C(OH)2)2", "H") == 4);
    CHECK(mgcalc::atom_count("Mg(C(OH)2)2", "O") == 4);
    CHECK(mgcalc::atom_count("((Mg)2)3", "Mg") == 6);
}

TEST_CASE("formula: hydrates with a middle dot, asterisk or full stop", "[formula]") {
    const double heptahydrate = 24.305 + 32.06 + 4 * 15.999 + 7 * (2 * 1.008 + 15.999);
    CHECK(grams_per_mole_of("MgSO4" DOT "7H2O") == Approx(heptahydrate).epsilon(1e-12));
    CHECK(grams_per_mole_of("MgSO4*7H2O") == Approx(heptahydrate).epsilon(1e-12));
    CHECK(grams_per_mole_of("MgSO4.7H2O") == Approx(heptahydrate).epsilon(1e-12));
    CHECK(grams_per_mole_of("MgSO4 " DOT " 7H2O") == Approx(heptahydrate).epsilon(1e-12));
    CHECK(grams_per_mole_of("  MgSO4*7H2O  ") == Approx(heptahydrate).epsilon(1e-12));
    // Same atoms written as one formula unit.
    CHECK(grams_per_mole_of("H14MgO11S") == Approx(heptahydrate).epsilon(1e-12));
    // No count means one water.
    CHECK(grams_per_mole_of("C8H14MgO10" DOT "H2O") == Approx(grams_per_mole_of("C8H16MgO11")).epsilon(1e-12));
    // Several hydrate parts add up.
    CHECK(grams_per_mole_of("MgCl2" DOT "2H2O" DOT "4H2O") == Approx(grams_per_mole_of("MgCl2*6H2O")).epsilon(1e-12));
    CHECK(mgcalc::atom_count("C12H10Mg3O14" DOT "9H2O", "H") == 28);
    CHECK(mgcalc::atom_count("C12H10Mg3O14" DOT "9H2O", "O") == 23);
}

TEST_CASE("formula: molar mass and % Mg reproduce the hand-worked table row by row", "[formula]") {
    // Source: molar masses worked by hand from the CIAAW standard atomic weights (Prohaska et al.,
    // Pure Appl. Chem. 94(5):573-600, 2022) for the formulas of PubChem via App-MineralUtils,
    // Wikipedia, supplier specifications and UK SI 2026/56 (docs/sources.md; the table of
    // docs/compounds.md). Each row: formula as the source writes it, M (g/mol), Mg atoms, % Mg
    // (w/w). % Mg is recomputed with the same Mg weight, 24.305.
    struct row {
        const char* formula;
        double molar_mass;
        int magnesium_atoms;
        double percent_magnesium;
    };
    const row rows[] = {
        {"MgO", 40.30, 1, 60.30},
        {"Mg(OH)2", 58.32, 1, 41.68},
        {"MgCO3", 84.31, 1, 28.83},
        {"Mg3(C6H5O7)2", 451.11, 3, 16.16},
        {"C12H10Mg3O14", 451.11, 3, 16.16},
        {"C12H10Mg3O14" DOT "9H2O", 613.25, 3, 11.89},
        {"C12H28Mg3O23", 613.25, 3, 11.89},
        {"C6H6MgO7", 214.41, 1, 11.34},
        {"Mg(C2H4NO2)2", 172.42, 1, 14.10},
        {"C4H8MgN2O4", 172.42, 1, 14.10},
        {"C8H14MgO10", 294.50, 1, 8.25},
        {"C8H16MgO11", 312.51, 1, 7.78},
        {"C4H12MgN2O6S2", 272.57, 1, 8.92},
        {"C4H4MgO5", 156.38, 1, 15.54},
        {"C4H4MgO5" DOT "3H2O", 210.42, 1, 11.55},
        {"C6H10MgO6", 202.44, 1, 12.01},
        {"C6H10MgO6" DOT "2H2O", 238.48, 1, 10.19},
        {"C6H14MgO8", 238.48, 1, 10.19},
        {"MgCl2", 95.21, 1, 25.53},
        {"MgCl2" DOT "6H2O", 203.30, 1, 11.96},
        {"MgSO4", 120.36, 1, 20.19},
        {"MgSO4" DOT "7H2O", 246.47, 1, 9.86},
        {"C8H12MgN2O8", 288.50, 1, 8.42},
        {"C8H12MgN2O8" DOT "2H2O", 324.52, 1, 7.49},
        {"C12H22MgO14", 414.60, 1, 5.86},
        {"C12H26MgO16", 450.63, 1, 5.39},
        {"C10H6MgN4O8", 334.48, 1, 7.27},
        {"C10H6MgN4O8" DOT "2H2O", 370.51, 1, 6.56},
        {"C10H12MgN2O6", 280.52, 1, 8.66},
        {"C3H7MgO6P", 194.36, 1, 12.51},
    };
    for (const row& r : rows) {
        INFO(r.formula);
        const double mass = grams_per_mole_of(r.formula);
        CHECK(mass == Approx(r.molar_mass).margin(0.01));
        CHECK(mgcalc::atom_count(r.formula, "Mg") == r.magnesium_atoms);
        CHECK(r.magnesium_atoms * 24.305 / mass * 100 == Approx(r.percent_magnesium).margin(0.01));
    }
}

TEST_CASE("formula: atom_count counts absent elements as zero", "[formula]") {
    CHECK(mgcalc::atom_count("MgO", "Cl") == 0);
    CHECK(mgcalc::atom_count("MgCl2", "Cl") == 2);
    CHECK(mgcalc::atom_count("Mg3(C6H5O7)2", "C") == 12);
}

TEST_CASE("formula: unknown element symbols are parse errors naming the accepted symbols", "[formula]") {
    const auto in_formula = error_from([] { mgcalc::molar_mass("MgXe"); });
    REQUIRE(in_formula);
    CHECK(in_formula->code == mgcalc::errc::parse_error);
    CHECK_THAT(in_formula->message, Contains("unknown element symbol \"Xe\"") && Contains("character 3") &&
                                        Contains("\"MgXe\"") && Contains("Mg") && Contains("Cl"));

    // Symbols are case-sensitive, as in chemistry: "Co" is cobalt, not carbon monoxide.
    const auto cobalt = error_from([] { mgcalc::molar_mass("Co"); });
    REQUIRE(cobalt);
    CHECK_THAT(cobalt->message, Contains("\"Co\""));

    for (const char* symbol : {"Xx", "mg", "", "MG"}) {
        INFO(symbol);
        const auto weight = error_from([symbol] { mgcalc::atomic_weight(symbol); });
        REQUIRE(weight);
        CHECK(weight->code == mgcalc::errc::parse_error);
        CHECK_THAT(weight->message, Contains("unknown element symbol") && Contains("accepted") &&
                                        !Contains("atomic_weight"));
        const auto count = error_from([symbol] { mgcalc::atom_count("MgO", symbol); });
        REQUIRE(count);
        CHECK(count->code == mgcalc::errc::parse_error);
        CHECK_THAT(count->message, StartsWith("[mgcalc.parse_error] unknown element symbol") && !Contains("atom_count"));
    }
}

TEST_CASE("formula: every malformed formula class is a parse error with position and accepted syntax",
          "[formula]") {
    struct bad {
        const char* formula;
        const char* what;
        const char* where;
    };
    const bad cases[] = {
        {"", "empty formula", "in formula \"\""},
        {"   ", "empty formula", "in formula"},
        {"mgO", "cannot start an element symbol", "character 1"},
        {"Mg(OH2", "\"(\" is never closed", "character 3"},
        {"Mg(", "\"(\" is never closed", "character 3"},
        {"MgOH)2", "without a matching \"(\"", "character 5"},
        {")Mg", "without a matching \"(\"", "character 1"},
        {"Mg()2", "empty group", "character 3"},
        {"MgO0", "count 0", "character 4"},
        {"H10000", "larger than 9999", "character 2"},
        {"2H2O", "cannot start with a count", "character 1"},
        {"(2H)", "a count must follow", "character 2"},
        {"MgSO4" DOT, "must be followed by a formula", "character 6"},
        {"MgSO4" DOT "7", "must be followed by a formula", "character 6"},
        {"MgSO4" DOT DOT "7H2O", "must be followed by a formula", "character 6"},
        {DOT "7H2O", "needs a formula before it", "character 1"},
        {"Mg O", "unexpected space", "character 3"},
        {"(O H)2", "unexpected space", "character 3"},
        {"MgSO4" DOT "7 H2O", "unexpected space", "character 8"},
        {"Mg+O", "unexpected character \"+\"", "character 3"},
        // Positions count characters, so the two-byte middle dot is one character.
        {"MgSO4" DOT "7H2O+", "unexpected character \"+\"", "character 11"},
        {"MgO\xE2\x86\x92", "unexpected character \"\xE2\x86\x92\"", "character 4"},
        {"(MgSO4" DOT "H2O)", "not allowed inside parentheses", "character 7"},
        {"((((((((((((((((((H))))))))))))))))))", "nested deeper than", "character"},
        {"(((H9999)9999)9999)", "more than 1000000 atoms of H", "formula"},
        {"MgO-", "unexpected character \"-\"", "character 4"},
    };
    for (const bad& c : cases) {
        INFO("formula: " << c.formula);
        const auto e = error_from([&c] { mgcalc::molar_mass(c.formula); });
        REQUIRE(e);
        CHECK(e->code == mgcalc::errc::parse_error);
        CHECK_THAT(e->message, Contains("[mgcalc.parse_error]") && Contains(c.what) && Contains(c.where) &&
                                   Contains("accepted: element symbols"));
        // The message speaks of the formula given, not of the C++ function it was given to.
        CHECK_THAT(e->message, !Contains("molar_mass"));
        // atom_count parses the same way.
        const auto counted = error_from([&c] { mgcalc::atom_count(c.formula, "Mg"); });
        REQUIRE(counted);
        CHECK(counted->code == mgcalc::errc::parse_error);
        CHECK(counted->message == e->message);
    }
}
