// Tests for mgcalc/chemistry/compound.hpp: the compound table against molar masses worked by hand, aliases,
// evidence grades and estimates against the absorption studies, stoichiometry by hand, and errors.
// Sources: docs/sources.md.
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/chemistry/formula.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

using mgcalc_test::quoted;

using Catch::Matchers::Contains;
using namespace mgcalc::unit_symbols;

using mgcalc_test::error_from;
using mgcalc_test::thrown;

#define DOT "\xC2\xB7"

}  // namespace

TEST_CASE("compound: the table holds every required id", "[compound]") {
    const char* required[] = {"oxide",
                              "hydroxide",
                              "carbonate",
                              "citrate",
                              "citrate-nonahydrate",
                              "glycinate",
                              "threonate",
                              "taurate",
                              "malate",
                              "lactate-dihydrate",
                              "chloride",
                              "chloride-hexahydrate",
                              "sulfate",
                              "sulfate-heptahydrate",
                              "aspartate-dihydrate",
                              "gluconate-dihydrate",
                              "orotate-dihydrate",
                              "pidolate",
                              "glycerophosphate"};
    std::set<std::string> ids;
    for (const mgcalc::compound& c : mgcalc::compounds()) ids.insert(std::string(c.id));
    CHECK(ids.size() == mgcalc::compounds().size());  // ids are unique
    for (const char* id : required) {
        INFO(id);
        CHECK(ids.count(id) == 1);
    }
}

TEST_CASE("compound: molar mass and % Mg match the hand-worked table row by row", "[compound]") {
    // Source: the table of docs/compounds.md, M worked by hand from the CIAAW standard atomic weights
    // (Prohaska et al., Pure Appl. Chem. 94(5):573-600, 2022); formulas from PubChem via
    // App-MineralUtils, Wikipedia, WBCIL, supplier pages and UK SI 2026/56 (docs/sources.md). Columns: id, full formula, M (g/mol), Mg atoms, % Mg (w/w), mg Mg per 1 g.
    struct row {
        const char* id;
        const char* full_formula;
        double molar_mass;
        int magnesium_atoms;
        double percent_magnesium;
        double mg_per_gram;
    };
    const row rows[] = {
        {"oxide", "MgO", 40.30, 1, 60.30, 603},
        {"hydroxide", "Mg(OH)2", 58.32, 1, 41.68, 417},
        {"carbonate", "MgCO3", 84.31, 1, 28.83, 288},
        {"citrate", "Mg3(C6H5O7)2", 451.11, 3, 16.16, 162},
        {"citrate-nonahydrate", "Mg3(C6H5O7)2" DOT "9H2O", 613.25, 3, 11.89, 119},
        {"glycinate", "Mg(C2H4NO2)2", 172.42, 1, 14.10, 141},
        {"threonate", "C8H14MgO10", 294.50, 1, 8.25, 82.5},
        {"threonate-monohydrate", "C8H14MgO10" DOT "H2O", 312.51, 1, 7.78, 77.8},
        {"taurate", "C4H12MgN2O6S2", 272.57, 1, 8.92, 89.2},
        {"malate", "C4H4MgO5", 156.38, 1, 15.54, 155},
        {"malate-trihydrate", "C4H4MgO5" DOT "3H2O", 210.42, 1, 11.55, 116},
        {"lactate", "C6H10MgO6", 202.44, 1, 12.01, 120},
        {"lactate-dihydrate", "C6H10MgO6" DOT "2H2O", 238.48, 1, 10.19, 102},
        {"chloride", "MgCl2", 95.21, 1, 25.53, 255},
        {"chloride-hexahydrate", "MgCl2" DOT "6H2O", 203.30, 1, 11.96, 120},
        {"sulfate", "MgSO4", 120.36, 1, 20.19, 202},
        {"sulfate-heptahydrate", "MgSO4" DOT "7H2O", 246.47, 1, 9.86, 98.6},
        {"aspartate-dihydrate", "C8H12MgN2O8" DOT "2H2O", 324.52, 1, 7.49, 74.9},
        {"gluconate-dihydrate", "C12H22MgO14" DOT "2H2O", 450.63, 1, 5.39, 53.9},
        {"orotate-dihydrate", "C10H6MgN4O8" DOT "2H2O", 370.51, 1, 6.56, 65.6},
        {"pidolate", "C10H12MgN2O6", 280.52, 1, 8.66, 86.6},
        {"glycerophosphate", "C3H7MgO6P", 194.36, 1, 12.51, 125},
    };
    CHECK(std::size(rows) == mgcalc::compounds().size());  // every shipped compound is checked
    for (const row& r : rows) {
        INFO(r.id);
        const mgcalc::compound& c = mgcalc::get_compound(r.id);
        CHECK(c.id == r.id);
        CHECK(c.full_formula() == r.full_formula);
        CHECK(c.molar_mass().value() == Approx(r.molar_mass).margin(0.01));
        CHECK(c.magnesium_atoms() == r.magnesium_atoms);
        CHECK(c.elemental_fraction() * 100 == Approx(r.percent_magnesium).margin(0.01));
        // The table's "mg Mg per 1 g" column is rounded to 3 significant figures.
        CHECK(mgcalc::elemental_magnesium(c, 1000.0 * mg).value() == Approx(r.mg_per_gram).margin(0.5));
    }
}

TEST_CASE("compound: molar mass, Mg atoms and fraction are computed from the formula", "[compound]") {
    for (const mgcalc::compound& c : mgcalc::compounds()) {
        INFO(c.id);
        const std::string full = c.full_formula();
        CHECK(c.molar_mass().value() == Approx(mgcalc::molar_mass(full).value()).epsilon(1e-12));
        CHECK(c.magnesium_atoms() == mgcalc::atom_count(full, "Mg"));
        CHECK(c.elemental_fraction() ==
              Approx(c.magnesium_atoms() * 24.305 / mgcalc::molar_mass(full).value()).epsilon(1e-12));
        CHECK(c.elemental_fraction() > 0.0);
        CHECK(c.elemental_fraction() < 1.0);
        CHECK_FALSE(c.formula_source.empty());
        CHECK_FALSE(c.name.empty());
        CHECK_FALSE(c.notes.empty());
        // The formula field is the anhydrous unit; hydrate water lives in water_of_hydration.
        CHECK(c.formula().find("\xC2\xB7") == std::string_view::npos);
        CHECK(c.formula().find('*') == std::string_view::npos);
    }
}

TEST_CASE("compound: full_formula writes hydrate water after a middle dot", "[compound]") {
    CHECK(mgcalc::get_compound("sulfate-heptahydrate").full_formula() == "MgSO4" DOT "7H2O");
    CHECK(mgcalc::get_compound("chloride-hexahydrate").full_formula() == "MgCl2" DOT "6H2O");
    CHECK(mgcalc::get_compound("threonate-monohydrate").full_formula() == "C8H14MgO10" DOT "H2O");
    CHECK(mgcalc::get_compound("oxide").full_formula() == "MgO");
    CHECK(mgcalc::get_compound("sulfate-heptahydrate").water_of_hydration() == 7);
    CHECK(mgcalc::get_compound("citrate-nonahydrate").water_of_hydration() == 9);
    CHECK(mgcalc::get_compound("citrate").water_of_hydration() == 0);
}

TEST_CASE("compound: names and aliases people type find the right compound", "[compound]") {
    struct lookup {
        const char* text;
        const char* id;
    };
    const lookup lookups[] = {
        {"magnesium bisglycinate", "glycinate"},
        {"Magnesium Glycinate", "glycinate"},
        {"glycinate", "glycinate"},
        {"bisglycinate", "glycinate"},
        {"Epsom salt", "sulfate-heptahydrate"},
        {"epsom salts", "sulfate-heptahydrate"},
        {"Magtein", "threonate"},
        {"magnesium L-threonate", "threonate"},
        {"Magnesium-L-Threonate", "threonate"},
        {"MgO", "oxide"},
        {"magnesium oxide", "oxide"},
        {"  OXIDE  ", "oxide"},
        {"milk of magnesia", "hydroxide"},
        {"Mg(OH)2", "hydroxide"},
        {"magnesium citrate", "citrate"},
        {"trimagnesium dicitrate", "citrate"},
        {"citrate nonahydrate", "citrate-nonahydrate"},
        {"magnesium_chloride", "chloride"},
        {"MgCl2" DOT "6H2O", "chloride-hexahydrate"},
        {"MgCl2*6H2O", "chloride-hexahydrate"},
        {"MgCl2.6H2O", "chloride-hexahydrate"},
        {"MgSO4" DOT "7H2O", "sulfate-heptahydrate"},
        {"magnesium sulphate", "sulfate"},
        {"magnesium lactate", "lactate"},
        {"magnesium lactate dihydrate", "lactate-dihydrate"},
        {"magnesium aspartate", "aspartate-dihydrate"},
        {"magnesium gluconate", "gluconate-dihydrate"},
        {"magnesium orotate", "orotate-dihydrate"},
        {"magnesium taurate", "taurate"},
        {"magnesium malate", "malate"},
        {"magnesium pidolate", "pidolate"},
        {"magnesium glycerophosphate", "glycerophosphate"},
        {"magnesium carbonate", "carbonate"},
        // "Mag" abbreviates magnesium on labels, as a whole leading word, for any compound.
        {"mag glycinate", "glycinate"},
        {"Mag Glycinate", "glycinate"},
        {"MAG citrate", "citrate"},
        {"mag-oxide", "oxide"},
        {"mag. malate", "malate"},
        {"mag_taurate", "taurate"},
        {"mag L-threonate", "threonate"},
        {"mag bisglycinate chelate", "glycinate"},
        // A bare "magnesium chelate" on a label is the bisglycinate.
        {"magnesium chelate", "glycinate"},
        {"Mag Chelate", "glycinate"},
        {"chelate", "glycinate"},
        // Chloride flakes are sold as the hexahydrate.
        {"magnesium chloride flakes", "chloride-hexahydrate"},
        {"Magnesium Chloride Flakes", "chloride-hexahydrate"},
        {"mag chloride flakes", "chloride-hexahydrate"},
        {"magnesium flakes", "chloride-hexahydrate"},
        // Words that only begin with "mag" are not the abbreviation.
        {"magnesia", "oxide"},
        {"milk of magnesia", "hydroxide"},
        {"Magtein", "threonate"},
        // The plain chloride is still the anhydrous salt: only "flakes" names the hydrate.
        {"mag chloride", "chloride"},
    };
    for (const lookup& l : lookups) {
        INFO(l.text);
        CHECK(mgcalc::get_compound(l.text).id == l.id);
        const mgcalc::compound* found = mgcalc::find_compound(l.text);
        REQUIRE(found != nullptr);
        CHECK(found == &mgcalc::get_compound(l.id));
    }
}

TEST_CASE("compound: magnesium of a form not stated is elemental and has no stoichiometry", "[compound]") {
    const mgcalc::compound& unspecified = mgcalc::unspecified_form();
    for (const char* text : {"magnesium", "Magnesium", " MAGNESIUM ", "mag", "Mg", "elemental magnesium",
                             "unspecified", "magnesium (form not stated)"}) {
        INFO(text);
        CHECK(&mgcalc::get_compound(text) == &unspecified);
        CHECK(mgcalc::find_compound(text) == &unspecified);
    }
    CHECK(unspecified.id == "unspecified");
    CHECK_FALSE(unspecified.form_known());
    // Its computed fields come from its formula, the element itself: one Mg atom, fraction 1.
    CHECK(unspecified.formula() == "Mg");
    CHECK(unspecified.molar_mass().value() == mgcalc::atomic_weight("Mg").value());
    CHECK(unspecified.magnesium_atoms() == 1);
    CHECK(unspecified.elemental_fraction() == 1.0);
    // No form, so no absorption evidence and no estimate.
    CHECK(unspecified.grade == mgcalc::evidence_grade::none);
    CHECK(unspecified.evidence.empty());
    CHECK_FALSE(unspecified.bioavailability.has_value());
    CHECK(unspecified.carriers_per_formula_unit == 0);
    CHECK_FALSE(unspecified.notes.empty());

    // It is not a salt: not listed among the compounds, which all have a known form.
    for (const mgcalc::compound& c : mgcalc::compounds()) {
        INFO(c.id);
        CHECK(c.form_known());
        CHECK(&c != &unspecified);
    }

    // No compound mass converts to or from it.
    const auto to_elemental = error_from([&] { mgcalc::elemental_magnesium(unspecified, 100.0 * mg); });
    REQUIRE(to_elemental);
    CHECK(to_elemental->code == mgcalc::errc::unknown_compound);
    CHECK_THAT(to_elemental->message, Contains("form not stated") && Contains("accepted") && Contains("glycinate"));
    const auto to_compound = error_from([&] { mgcalc::compound_mass_for(unspecified, 100.0 * mg); });
    REQUIRE(to_compound);
    CHECK(to_compound->code == mgcalc::errc::unknown_compound);
}

TEST_CASE("compound: every id, name and alias resolves to its own compound", "[compound]") {
    // Catches two compounds claiming the same alias: the first would silently win.
    for (const mgcalc::compound& c : mgcalc::compounds()) {
        INFO(c.id);
        CHECK(&mgcalc::get_compound(c.id) == &c);
        CHECK(&mgcalc::get_compound(c.name) == &c);
        CHECK(&mgcalc::get_compound(c.full_formula()) == &c);
        for (std::string_view alias : c.aliases) {
            INFO(alias);
            CHECK(&mgcalc::get_compound(alias) == &c);
        }
    }
}

TEST_CASE("compound: an unknown compound lists the accepted ids", "[compound]") {
    for (const char* text : {"unobtainium", "", "   ", "magnesium kryptonite", "mag kryptonite", "magnesia kryptonite"}) {
        INFO(text);
        const auto e = error_from([text] { mgcalc::get_compound(text); });
        REQUIRE(e);
        CHECK(e->code == mgcalc::errc::unknown_compound);
        CHECK_THAT(e->message, Contains("[mgcalc.unknown_compound] unknown magnesium compound " + quoted(text)) &&
                                   Contains("accepted ids") && Contains("oxide") && Contains("glycinate") &&
                                   Contains("sulfate-heptahydrate") && Contains("glycerophosphate"));
        // The message speaks of what was typed, not of the C++ function called.
        CHECK_THAT(e->message, !Contains("get_compound"));
        CHECK(mgcalc::find_compound(text) == nullptr);
    }
}

TEST_CASE("compound: find_compound is the non-throwing twin", "[compound]") {
    static_assert(noexcept(mgcalc::find_compound(std::string_view{})));
    static_assert(noexcept(mgcalc::compounds()));
    CHECK(mgcalc::find_compound("oxide") == &mgcalc::get_compound("oxide"));
    CHECK(mgcalc::find_compound("no such thing") == nullptr);
}

TEST_CASE("compound: stoichiometry by hand", "[compound]") {
    // MgO: M = 24.305 + 15.999 = 40.304 g/mol, so 500 mg holds 500 x 24.305 / 40.304 = 301.52 mg Mg.
    const auto& oxide = mgcalc::get_compound("oxide");
    CHECK(mgcalc::elemental_magnesium(oxide, 500.0 * mg).value() == Approx(500 * 24.305 / 40.304));
    CHECK(mgcalc::elemental_magnesium(oxide, 500.0 * mg).value() == Approx(301.5).margin(0.05));

    // Bisglycinate C4H8MgN2O4: M = 4(12.011) + 8(1.008) + 24.305 + 2(14.007) + 4(15.999) = 172.423
    // g/mol, so 200 mg Mg needs 200 x 172.423 / 24.305 = 1418.8 mg of compound.
    const auto& glycinate = mgcalc::get_compound("glycinate");
    CHECK(mgcalc::compound_mass_for(glycinate, 200.0 * mg).value() == Approx(200 * 172.423 / 24.305));
    CHECK(mgcalc::compound_mass_for(glycinate, 200.0 * mg).value() == Approx(1418.8).margin(0.05));

    // Citrate carries 3 Mg: 1 g of Mg3(C6H5O7)2 (451.113 g/mol) holds 1000 x 3 x 24.305 / 451.113 mg.
    const auto& citrate = mgcalc::get_compound("citrate");
    CHECK(mgcalc::elemental_magnesium(citrate, mgcalc::in_milligrams(1.0 * g)).value() == Approx(1000 * 3 * 24.305 / 451.113));

    // Epsom salt MgSO4.7H2O = 24.305 + 32.06 + 4(15.999) + 7(18.015) = 246.466 g/mol.
    const auto& epsom = mgcalc::get_compound("Epsom salt");
    CHECK(mgcalc::elemental_magnesium(epsom, 1000.0 * mg).value() == Approx(1000 * 24.305 / 246.466));

    // The two directions are inverses, and zero is a valid amount.
    CHECK(mgcalc::elemental_magnesium(glycinate, mgcalc::compound_mass_for(glycinate, 200.0 * mg)).value() ==
          Approx(200.0));
    CHECK(mgcalc::elemental_magnesium(oxide, 0.0 * mg).value() == 0.0);
    CHECK(mgcalc::compound_mass_for(oxide, 0.0 * mg).value() == 0.0);
}

TEST_CASE("compound: negative, NaN and infinite amounts are invalid_amount errors", "[compound]") {
    const auto& oxide = mgcalc::get_compound("oxide");
    struct bad {
        double value;
        const char* problem;
    };
    const bad cases[] = {{-1.0, "is negative"},
                         {std::numeric_limits<double>::quiet_NaN(), "is not a number"},
                         {std::numeric_limits<double>::infinity(), "is infinite"},
                         {-std::numeric_limits<double>::infinity(), "is infinite"}};
    for (const bad& b : cases) {
        INFO(b.problem);
        const auto elemental = error_from([&] { mgcalc::elemental_magnesium(oxide, b.value * mg); });
        REQUIRE(elemental);
        CHECK(elemental->code == mgcalc::errc::invalid_amount);
        // Each message names the amount given ("compound mass", "elemental magnesium"), not the
        // function it was given to.
        CHECK_THAT(elemental->message, Contains("] compound mass ") && Contains(b.problem) &&
                                           Contains("magnesium oxide") && Contains("accepted") &&
                                           !Contains("elemental_magnesium"));
        const auto compound = error_from([&] { mgcalc::compound_mass_for(oxide, b.value * mg); });
        REQUIRE(compound);
        CHECK(compound->code == mgcalc::errc::invalid_amount);
        CHECK_THAT(compound->message, Contains("] elemental magnesium ") && Contains(b.problem) &&
                                          Contains("magnesium oxide") && Contains("accepted") &&
                                          !Contains("compound_mass_for"));
    }
}

TEST_CASE("compound: evidence grades and estimates follow the absorption studies", "[compound]") {
    using mgcalc::evidence_grade;
    struct expected {
        const char* id;
        evidence_grade grade;
        std::optional<double> factor;
    };
    // Human comparative studies (Firoz & Graber 2001, Lindberg 1990, Walker 2003, Schuette 1994,
    // Kappeler 2017) for oxide, citrate, glycinate, chloride, lactate, aspartate; rats only
    // (Coudray 2005, Bertinato 2014) for carbonate, sulfate, gluconate, orotate, pidolate, malate;
    // nothing for threonate, taurate, hydroxide, glycerophosphate.
    const expected rows[] = {
        {"oxide", evidence_grade::human_comparative, 0.4},
        {"hydroxide", evidence_grade::none, std::nullopt},
        {"carbonate", evidence_grade::animal_only, std::nullopt},
        {"citrate", evidence_grade::human_comparative, 1.0},
        {"citrate-nonahydrate", evidence_grade::human_comparative, 1.0},
        {"glycinate", evidence_grade::human_comparative, 1.0},
        {"threonate", evidence_grade::none, std::nullopt},
        {"threonate-monohydrate", evidence_grade::none, std::nullopt},
        {"taurate", evidence_grade::none, std::nullopt},
        {"malate", evidence_grade::animal_only, std::nullopt},
        {"malate-trihydrate", evidence_grade::animal_only, std::nullopt},
        {"lactate", evidence_grade::human_comparative, 1.0},
        {"lactate-dihydrate", evidence_grade::human_comparative, 1.0},
        {"chloride", evidence_grade::human_comparative, 1.0},
        {"chloride-hexahydrate", evidence_grade::human_comparative, 1.0},
        {"sulfate", evidence_grade::animal_only, std::nullopt},
        {"sulfate-heptahydrate", evidence_grade::animal_only, std::nullopt},
        {"aspartate-dihydrate", evidence_grade::human_comparative, 1.0},
        {"gluconate-dihydrate", evidence_grade::animal_only, std::nullopt},
        {"orotate-dihydrate", evidence_grade::animal_only, std::nullopt},
        {"pidolate", evidence_grade::animal_only, std::nullopt},
        {"glycerophosphate", evidence_grade::none, std::nullopt},
    };
    CHECK(std::size(rows) == mgcalc::compounds().size());
    for (const expected& row : rows) {
        INFO(row.id);
        const mgcalc::compound& c = mgcalc::get_compound(row.id);
        CHECK(c.grade == row.grade);
        REQUIRE(c.bioavailability.has_value() == row.factor.has_value());
        if (row.factor) {
            CHECK(c.bioavailability->relative_factor == *row.factor);
            CHECK_THAT(std::string(c.bioavailability->basis), Contains("mgcalc estimate"));
        }
        switch (c.grade) {
            case evidence_grade::none: CHECK(c.evidence.empty()); break;
            case evidence_grade::animal_only:
                REQUIRE_FALSE(c.evidence.empty());
                for (const auto& study : c.evidence) CHECK_THAT(std::string(study.design), Contains("rats"));
                break;
            case evidence_grade::human_comparative:
            case evidence_grade::human_limited: {
                bool any_human = false;
                for (const auto& study : c.evidence) {
                    if (std::string_view(study.design).find("rats") == std::string_view::npos) any_human = true;
                }
                CHECK(any_human);
                break;
            }
        }
        for (const auto& study : c.evidence) {
            CHECK_FALSE(study.study.empty());
            CHECK_FALSE(study.finding.empty());
            CHECK_FALSE(study.source.empty());
            CHECK(study.year >= 1990);
            CHECK(study.year <= 2020);
        }
    }
}

TEST_CASE("compound: the oxide estimate names its evidence and counter-evidence", "[compound]") {
    const auto& oxide = mgcalc::get_compound("oxide");
    REQUIRE(oxide.bioavailability);
    const std::string basis(oxide.bioavailability->basis);
    CHECK_THAT(basis, Contains("Firoz & Graber 2001") && Contains("4%") && Contains("Lindberg 1990") &&
                          Contains("Walker 2003") && Contains("Schuette 1994") && Contains("Shechter 2012"));
    bool has_firoz = false;
    for (const auto& study : oxide.evidence) {
        if (study.year == 2001 && std::string_view(study.study).find("Firoz") != std::string_view::npos) {
            has_firoz = true;
            CHECK_THAT(std::string(study.finding), Contains("4%"));
        }
    }
    CHECK(has_firoz);
}

TEST_CASE("compound: notes record hydrate states and commercial conventions", "[compound]") {
    const std::string threonate(mgcalc::get_compound("threonate").notes);
    CHECK_THAT(threonate, Contains("2,000 mg") && Contains("144 mg") && Contains("7.2%") && Contains("monohydrate") &&
                              Contains("2026/56") && Contains("7.2-8.3%"));
    const std::string glycinate(mgcalc::get_compound("glycinate").notes);
    CHECK_THAT(glycinate, Contains("Buffered") && Contains("14.1%") && Contains("label strength"));
    // Values no source confirms are said to be unconfirmed.
    CHECK_THAT(std::string(mgcalc::get_compound("gluconate-dihydrate").notes), Contains("unconfirmed"));
    CHECK_THAT(std::string(mgcalc::get_compound("orotate-dihydrate").notes), Contains("unconfirmed"));
    CHECK_THAT(std::string(mgcalc::get_compound("citrate-nonahydrate").notes), Contains("3.96%"));
}

TEST_CASE("compound: to_string(evidence_grade)", "[compound]") {
    CHECK(mgcalc::to_string(mgcalc::evidence_grade::human_comparative) == "human-comparative");
    CHECK(mgcalc::to_string(mgcalc::evidence_grade::human_limited) == "human-limited");
    CHECK(mgcalc::to_string(mgcalc::evidence_grade::animal_only) == "animal-only");
    CHECK(mgcalc::to_string(mgcalc::evidence_grade::none) == "none");
}

namespace {

/// True when every lookup key of every compound (id, name, aliases, formula with each hydrate
/// separator) fits detail::compound_key, which find_compound relies on (a key that did not fit
/// would match nothing).
constexpr bool every_key_fits() {
    const auto too_long = [](const mgcalc::detail::compound_key& key) { return !key.fits(); };
    for (const mgcalc::compound& c : mgcalc::compounds()) {
        if (mgcalc::detail::any_key_of(c, too_long)) return false;
    }
    return !mgcalc::detail::any_key_of(mgcalc::unspecified_form(), too_long);
}

}  // namespace

TEST_CASE("compound: the table and its lookups are computed by the compiler", "[compound][constexpr]") {
    // MgO: 24.305 / (24.305 + 15.999) = 24.305 / 40.304 = 0.6030 (CIAAW 2022 weights,
    // docs/sources.md), computed from the formula when this file is compiled. No table is built at
    // run time, so there is nothing for threads to race on.
    constexpr const mgcalc::compound& oxide = mgcalc::get_compound("magnesium oxide");
    STATIC_REQUIRE(oxide.id == "oxide");
    STATIC_REQUIRE(oxide.elemental_fraction() == 24.305 / (24.305 + 15.999));
    STATIC_REQUIRE(oxide.elemental_fraction() > 0.60295);
    STATIC_REQUIRE(oxide.elemental_fraction() < 0.60305);
    // Bisglycinate's molar mass in the table is its formula's: 172.423 g/mol, worked in formula_test.cpp.
    STATIC_REQUIRE(mgcalc::get_compound("glycinate").molar_mass().value() == mgcalc::molar_mass("Mg(C2H4NO2)2").value());
    // Names, aliases and formulas find one object of the table; an unknown name finds nothing.
    STATIC_REQUIRE(mgcalc::find_compound("Epsom salt") == &mgcalc::get_compound("sulfate-heptahydrate"));
    STATIC_REQUIRE(mgcalc::find_compound("MgSO4*7H2O") == &mgcalc::get_compound("sulfate-heptahydrate"));
    STATIC_REQUIRE(mgcalc::find_compound("Mag Glycinate") == &mgcalc::get_compound("glycinate"));
    STATIC_REQUIRE(mgcalc::find_compound("magnesium") == &mgcalc::unspecified_form());
    STATIC_REQUIRE(mgcalc::find_compound("sulfate") != mgcalc::find_compound("Epsom salt"));
    STATIC_REQUIRE(mgcalc::find_compound("kryptonite") == nullptr);
    STATIC_REQUIRE(every_key_fits());
    // The same object at run time as at compile time.
    CHECK(&mgcalc::get_compound(std::string("epsom-salt")) == mgcalc::find_compound("Epsom salt"));
}
