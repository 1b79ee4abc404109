// mgcalc/chemistry/compound.hpp - magnesium compounds used in supplements and medicines.
//
// Each compound's molar mass and elemental-magnesium fraction are computed from its formula
// (mgcalc/chemistry/formula.hpp) with standard atomic weights, by the compiler: the table below is
// constexpr, and the computed fields are private, so they can never be typed in or drift from
// the formula. Absorption evidence is carried with each compound, and a relative
// bioavailability factor is an optional, labelled estimate only: the reference intakes are
// defined on elemental magnesium, so that is what totals use. Header-only.
#pragma once

#include <mgcalc/chemistry/formula.hpp>
#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/detail/limits.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/units.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace mgcalc {

/// How strong the human evidence on this compound's absorption is.
enum class evidence_grade {
    human_comparative,  ///< human studies comparing it with other forms (randomised or crossover)
    human_limited,      ///< human data on this form alone, or on a closely related form
    animal_only,        ///< rat studies only
    none,               ///< no absorption study found (docs/sources.md, "Absorption studies")
};
/// "human-comparative", "human-limited", "animal-only", "none".
constexpr std::string_view to_string(evidence_grade grade) noexcept {
    switch (grade) {
        case evidence_grade::human_comparative: return "human-comparative";
        case evidence_grade::human_limited: return "human-limited";
        case evidence_grade::animal_only: return "animal-only";
        case evidence_grade::none: return "none";
    }
    return "none";
}

/// One study that says something about how well a compound is absorbed.
struct absorption_study {
    std::string_view study;    ///< "Firoz & Graber, Magnes Res 14(4):257-62"
    int year;                  ///< 2001
    std::string_view design;   ///< "comparison of 4 US commercial preparations, urinary Mg increment"
    std::string_view finding;  ///< "MgO fractional absorption 4%; chloride, lactate, aspartate higher"
    std::string_view source;   ///< where it was read (PubMed id, DOI, URL)
};

/// A labelled estimate of absorption relative to well-dissolving salts (citrate, chloride,
/// lactate, aspartate = 1.0). It is an mgcalc estimate from heterogeneous evidence, never a
/// measured constant, and it never replaces the elemental amount.
struct bioavailability_estimate {
    double relative_factor;  ///< 0-1, e.g. 0.4 for magnesium oxide
    std::string_view basis;  ///< why this number, citing the studies
};

/// A compound as its sources state it: everything but what its formula determines. A compound
/// is made from one (compound's constructor computes the rest).
struct stated_compound {
    std::string_view id;                        ///< stable id: "glycinate"
    std::string_view name;                      ///< "Magnesium bisglycinate (glycinate)"
    std::span<const std::string_view> aliases;  ///< what people type: "magnesium bisglycinate"
    std::string_view formula;                   ///< anhydrous formula unit: "Mg(C2H4NO2)2"
    int water_of_hydration;                     ///< n in .nH2O (9 for citrate nonahydrate)
    std::string_view formula_source;            ///< where the formula was confirmed
    evidence_grade grade;
    std::span<const absorption_study> evidence;
    std::optional<bioavailability_estimate> bioavailability;
    std::string_view notes;                     ///< hydrate state, commercial conventions
    // The organic ligand the salt carries alongside its magnesium (glycine in bisglycinate),
    // described so that the amount delivered follows from stoichiometry (docs/sleep.md):
    //   carried mass = elemental Mg / (24.305 g/mol x magnesium_atoms)
    //                  x carriers_per_formula_unit x molar_mass(carrier_formula).
    // The carrier is named and weighed as the free acid or amino acid as usually dosed (glycine
    // C2H5NO2, not the glycinate anion C2H4NO2-): the free-acid-equivalent mass. Empty for salts
    // whose anion is not dosed as a nutrient in its own right (oxide, chloride, ...).
    std::string_view carrier_name{};             ///< "glycine"; empty when none
    std::string_view carrier_formula{};          ///< free acid / amino acid: "C2H5NO2"
    int carriers_per_formula_unit = 0;           ///< 2 for Mg(C2H4NO2)2, 2 per Mg3 in Mg3(C6H5O7)2
    /// False only for unspecified_form(): magnesium whose salt is not stated.
    bool form_known = true;
};

class compound {
public:
    /// The compound of `stated`, with its molar mass, Mg atoms and elemental fraction computed
    /// from the formula and the water of hydration. Throws mgcalc::error (parse_error) for a
    /// formula that does not parse, or one without magnesium; in a constant expression (the
    /// table of compounds()) that is a compile error.
    constexpr explicit compound(const stated_compound& stated);

    // As stated by the sources (stated_compound).
    std::string_view id;                        ///< stable id: "glycinate"
    std::string_view name;                      ///< "Magnesium bisglycinate (glycinate)"
    std::span<const std::string_view> aliases;  ///< what people type: "magnesium bisglycinate"
    std::string_view formula_source;            ///< where the formula was confirmed
    evidence_grade grade;
    std::span<const absorption_study> evidence;
    std::optional<bioavailability_estimate> bioavailability;
    std::string_view notes;                     ///< hydrate state, commercial conventions
    std::string_view carrier_name;              ///< "glycine"; empty when none (stated_compound)
    std::string_view carrier_formula;           ///< free acid / amino acid: "C2H5NO2"
    int carriers_per_formula_unit;              ///< 2 for Mg(C2H4NO2)2, 2 per Mg3 in Mg3(C6H5O7)2

    // What the molar mass and fraction are computed from: read-only, so they cannot be changed
    // after the computed fields were.
    /// Anhydrous formula unit: "Mg(C2H4NO2)2".
    constexpr std::string_view formula() const noexcept { return formula_; }
    /// n in .nH2O (9 for citrate nonahydrate).
    constexpr int water_of_hydration() const noexcept { return water_of_hydration_; }
    /// False only for unspecified_form(): magnesium whose salt is not stated ("magnesium 100
    /// mg"). Its formula is the element itself ("Mg"), so its computed fraction is 1, but there
    /// is no salt to weigh: no compound mass, no stoichiometric conversion, no absorption estimate.
    constexpr bool form_known() const noexcept { return form_known_; }

    // Computed from the formula, never typed in.
    /// Of formula + hydrate water.
    constexpr grams_per_mole molar_mass() const noexcept { return molar_mass_; }
    /// Mg atoms per formula unit.
    constexpr int magnesium_atoms() const noexcept { return magnesium_atoms_; }
    /// Mass fraction of Mg (0-1].
    constexpr double elemental_fraction() const noexcept { return elemental_fraction_; }

    /// The formula including hydrate water, e.g. "MgSO4·7H2O".
    std::string full_formula() const;

private:
    std::string_view formula_;
    int water_of_hydration_;
    bool form_known_;
    grams_per_mole molar_mass_;
    int magnesium_atoms_;
    double elemental_fraction_;
};

/// Every compound mgcalc knows, in a stable order. unspecified_form() is not one of them.
constexpr std::span<const compound> compounds() noexcept;

/// Magnesium of a form not stated (id "unspecified"; found as "magnesium", "mag", "Mg",
/// "elemental magnesium"): an amount of it is elemental magnesium, as a label states it.
constexpr const compound& unspecified_form() noexcept;

/// The compound with this id or alias, ignoring case, spaces, hyphens and a leading "magnesium"
/// or "mag" ("mag glycinate"); "magnesium" alone is unspecified_form(). nullptr when nothing
/// matches. Allocates nothing, and works in constant expressions.
constexpr const compound* find_compound(std::string_view id_or_alias) noexcept;
/// find_compound's throwing twin: throws mgcalc::error (unknown_compound) listing the accepted
/// ids when nothing matches.
constexpr const compound& get_compound(std::string_view id_or_alias);

/// Elemental magnesium in `compound_mass` of the compound (stoichiometry). Throws
/// mgcalc::error (invalid_amount) for a negative or non-finite mass, and (unknown_compound) for
/// unspecified_form(), which has no stoichiometry.
milligrams elemental_magnesium(const compound& form, milligrams compound_mass);
/// Mass of the compound that holds `elemental` magnesium (stoichiometry). Throws like
/// elemental_magnesium.
milligrams compound_mass_for(const compound& form, milligrams elemental);

// ---------------------------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------------------------

constexpr compound::compound(const stated_compound& stated)
    : id(stated.id),
      name(stated.name),
      aliases(stated.aliases),
      formula_source(stated.formula_source),
      grade(stated.grade),
      evidence(stated.evidence),
      bioavailability(stated.bioavailability),
      notes(stated.notes),
      carrier_name(stated.carrier_name),
      carrier_formula(stated.carrier_formula),
      carriers_per_formula_unit(stated.carriers_per_formula_unit),
      formula_(stated.formula),
      water_of_hydration_(stated.water_of_hydration),
      form_known_(stated.form_known),
      molar_mass_(),
      magnesium_atoms_(0),
      elemental_fraction_(0.0) {
    // The atoms of formula + hydrate water, added as atoms and weighed once: exactly the molar
    // mass of the full formula ("MgSO4·7H2O"), with no rounding of its own.
    detail::composition atoms = detail::composition_of(stated.formula);
    if (stated.water_of_hydration < 0 || stated.water_of_hydration > detail::max_count) {
        detail::fail_formula(stated.formula,
                             detail::concat({"water of hydration ", std::to_string(stated.water_of_hydration),
                                            " (accepted: 0 to ", std::to_string(detail::max_count), ")"}));
    }
    atoms[detail::checked_element_index("H")] += 2 * stated.water_of_hydration;
    atoms[detail::checked_element_index("O")] += stated.water_of_hydration;
    molar_mass_ = grams_per_mole::from_value(detail::grams_per_mole_of(atoms));
    magnesium_atoms_ = static_cast<int>(atoms[detail::checked_element_index("Mg")]);
    if (magnesium_atoms_ == 0) detail::fail_formula(stated.formula, "no magnesium (Mg)");
    // A ratio of two molar masses is dimensionless; value() of each is in g/mol.
    elemental_fraction_ = magnesium_atoms_ * atomic_weight("Mg").value() / molar_mass_.value();
}

inline std::string compound::full_formula() const {
    std::string out(formula_);
    if (water_of_hydration_ > 0) {
        out += "\xC2\xB7";  // U+00B7 middle dot, the IUPAC way of writing a hydrate
        if (water_of_hydration_ > 1) out += std::to_string(water_of_hydration_);
        out += "H2O";
    }
    return out;
}

// The compound table. Each entry gives a formula and the place it was confirmed; molar mass, Mg
// atoms and the elemental fraction are computed from the formula when the header is compiled.
// Every formula and study is cited in full in docs/sources.md and tabled in docs/compounds.md.
// Tags in formula_source: [C] confirmed in an authoritative source, [S] secondary copies only,
// [D] derived here by arithmetic.
//
// Naming rule: a bare name ("magnesium citrate", "lactate") means the anhydrous salt; hydrates are
// named explicitly ("citrate nonahydrate"), except where the trade name fixes the hydrate
// ("Epsom salt" is the heptahydrate) or mgcalc ships only the hydrate (aspartate, gluconate,
// orotate dihydrates).
namespace detail::compound_sources {

// The texts are string_view literals ("..."sv): a plain literal would have its length counted by
// the compiler's constant evaluator one character at a time in every file that includes this
// header, which made <mgcalc/mgcalc.hpp> compile 6% slower (docs/performance.md).
using namespace std::string_view_literals;

// ---------------------------------------------------------------------------------------------
// Absorption studies (docs/sources.md, "Absorption studies"). Only what their abstracts or
// records confirm is stated; numbers that could not be confirmed (Firoz & Graber's per-salt
// percentages other than oxide, Kappeler's dose, Blancquaert's product identities) are left out.
// Blancquaert 2019 and Greupner 2020 are not attached to any compound because the forms they
// tested are not identified there.

inline constexpr absorption_study fine_1991{
    "Fine et al., J Clin Invest 88(2):396-402"sv, 1991,
    "normal subjects; standard meal plus graded Mg acetate (0-80 mEq), almonds, enteric-coated MgCl2; "
    "net intestinal absorption"sv,
    "fractional absorption fell from 65% at the lowest to 11% at the highest intake (saturable plus a "
    "linear component absorbing 7%); enteric-coated MgCl2 was absorbed much less than Mg acetate"sv,
    "https://pmc.ncbi.nlm.nih.gov/articles/PMC295344"sv};

inline constexpr absorption_study lindberg_1990{
    "Lindberg et al., J Am Coll Nutr 9(1):48-55"sv, 1990,
    "in vitro solubility plus an oral load of 25 mmol Mg as citrate or oxide in normal volunteers; "
    "urinary Mg increment"sv,
    "MgO nearly insoluble in water (43% soluble at peak acid), citrate 55% soluble in water; urinary Mg "
    "rise over 0-4 h 0.22 (citrate) vs 0.006 (oxide) mg/mg creatinine"sv,
    "PubMed 2407766, https://suppr.wilddata.cn/browses/detail/pubmed/2407766"sv};

inline constexpr absorption_study firoz_graber_2001{
    "Firoz & Graber, Magnes Res 14(4):257-62"sv, 2001,
    "four US commercial preparations (~21 mEq Mg/day: oxide, chloride, lactate, aspartate) in normal "
    "volunteers; urinary Mg increment"sv,
    "MgO fractional absorption 4%; chloride, lactate and aspartate significantly higher and equivalent to "
    "each other"sv,
    "PubMed 11794633, http://ncbi.nlm.nih.gov/pubmed/11794633"sv};

inline constexpr absorption_study walker_2003{
    "Walker et al., Magnes Res 16(3):183-91"sv, 2003,
    "randomised, double-blind, placebo-controlled, parallel, 60 days; 46 healthy adults; 300 mg/day "
    "elemental Mg as amino-acid chelate, citrate or oxide"sv,
    "organic forms (citrate, amino-acid chelate) absorbed better; citrate gave the highest mean serum Mg "
    "at 24 h and 60 days; oxide was similar to placebo"sv,
    "Magnes Res 16(3):183-91 (2003); abstract copy: the-eye.eu paperbot 86fd8fcb7361838d697d99c37257034d.txt"sv};

inline constexpr absorption_study schuette_1994{
    "Schuette et al., JPEN 18(5):430-5"sv, 1994,
    "double-blind randomised crossover, stable isotope (26Mg); 12 ileal-resection patients; 100 mg Mg as "
    "diglycinate (chelate) vs oxide"sv,
    "absorption 23.5% (diglycinate) vs 22.8% (oxide), not significant, in the whole group; 23.5% vs 11.8% "
    "(p<0.05) in the 4 most impaired patients; the chelate peaked earlier and was better tolerated"sv,
    "PubMed 7815675, https://pubmed.ncbi.nlm.nih.gov/7815675/"sv};

inline constexpr absorption_study coudray_2005{
    "Coudray et al., Magnes Res 18(4):215-23"sv, 2005,
    "rats (80 male Wistar, Mg-depleted 3 weeks), stable isotope; 550 mg Mg/kg diet as oxide, chloride, "
    "sulphate, carbonate, acetate, pidolate, citrate, gluconate, lactate or aspartate"sv,
    "absorption 50-67% for every salt; organic salts slightly above inorganic; gluconate highest; higher "
    "retention with gluconate, lactate and aspartate"sv,
    "https://vitamindwiki.com/tiki-print.php?page=Magnesium+Bioavailability+-+2005"sv};

inline constexpr absorption_study kappeler_2017{
    "Kappeler et al., BMC Nutrition"sv, 2017,
    "single-centre, randomised, open, 2-period crossover, single dose after Mg-pool saturation; 20 healthy "
    "men; citrate vs oxide"sv,
    "24-h renal Mg excretion 0.565 mmol higher with citrate (95% CI 0.212-0.918; p=0.0034); serum Mg "
    "higher with citrate at several time points; no difference in intracellular Mg"sv,
    "doi:10.1186/s40795-016-0121-3"sv};

inline constexpr absorption_study siener_2010{
    "Siener et al. (Springer)"sv, 2010,
    "randomised crossover on a standardised diet; 13 healthy men; 450 mg Mg as MgO capsules vs "
    "effervescent MgO tablets"sv,
    "urinary Mg rose 40% with the effervescent tablets vs 20% with the capsules"sv,
    "https://www.mendeley.com/catalogue/a563d5b3-b0b4-3abb-aeba-04a1fe3ab271/"sv};

inline constexpr absorption_study shechter_2012{
    "Shechter et al., Magnes Res 25(1):28-39"sv, 2012,
    "randomised, double-blind crossover, 1 month per arm; 41 subjects; MgO 520 mg/day vs Mg citrate "
    "295.8 mg/day; intracellular Mg"sv,
    "only MgO raised intracellular Mg (34.4 to 36.3 mEq/L, p<0.001): counter-evidence to a low oxide factor"sv,
    "secondary copy: https://vitamindwiki.com/tiki-index.php?page=Magnesium+oxide+is+%28surpringly%29+better"
    "+than+citrate+%E2%80%93+RCT+March+2012"sv};

inline constexpr absorption_study scientifica_2017{
    "Review, Scientifica 2017, Table 6"sv, 2017, "review table"sv,
    "effervescent MgO about 8% vs MgO tablets about 4% absorbed"sv,
    "secondary: https://www.hindawi.com/journals/scientifica/2017/4179326/tab6"sv};

inline constexpr absorption_study bertinato_2014{
    "Bertinato et al., Magnes Res 27(4)"sv, 2014,
    "rats fed phytic acid (5 g/kg), 12 per group; 155 mg Mg/kg diet as oxide, sulphate, chloride, citrate, "
    "gluconate, orotate, malate or Na2Mg-EDTA"sv,
    "no differences between compounds in femur, serum or urine Mg (P>=0.05)"sv, "doi:10.1684/mrh.2014.0374"sv};

inline constexpr absorption_study lactate_er_2018{
    "Mg L-lactate dihydrate extended-release caplet, Drug Dev Ind Pharm 44(9):1481-7"sv, 2018,
    "open, randomised 3-period crossover vs intravenous MgSO4; healthy adults; 20 mEq Mg"sv,
    "absolute bioavailability 20.26% fasted / 12.49% fed from serum AUC; 38.11% / 40.99% from urinary "
    "excretion"sv,
    "PubMed 29638147, https://pubmed.ncbi.nlm.nih.gov/29638147/"sv};

inline constexpr absorption_study oxide_evidence[] = {lindberg_1990, firoz_graber_2001, walker_2003, schuette_1994,
                                               kappeler_2017,  shechter_2012,     siener_2010, scientifica_2017,
                                               coudray_2005,   bertinato_2014};
inline constexpr absorption_study citrate_evidence[] = {lindberg_1990, walker_2003,  kappeler_2017,
                                                 shechter_2012, coudray_2005, bertinato_2014};
inline constexpr absorption_study glycinate_evidence[] = {schuette_1994, walker_2003};
inline constexpr absorption_study carbonate_evidence[] = {coudray_2005};
inline constexpr absorption_study malate_evidence[] = {bertinato_2014};
inline constexpr absorption_study lactate_evidence[] = {firoz_graber_2001, coudray_2005, lactate_er_2018};
inline constexpr absorption_study chloride_evidence[] = {firoz_graber_2001, fine_1991, coudray_2005, bertinato_2014};
inline constexpr absorption_study sulfate_evidence[] = {coudray_2005, bertinato_2014};
inline constexpr absorption_study aspartate_evidence[] = {firoz_graber_2001, coudray_2005};
inline constexpr absorption_study gluconate_evidence[] = {coudray_2005, bertinato_2014};
inline constexpr absorption_study orotate_evidence[] = {bertinato_2014};
inline constexpr absorption_study pidolate_evidence[] = {coudray_2005};

// ---------------------------------------------------------------------------------------------
// Relative bioavailability: mgcalc's own estimates, optional and labelled as such because the
// endpoints of these studies - urinary increment, isotope, serum AUC - are not directly
// comparable (docs/compounds.md). Given only where a human comparative study exists; every other
// compound has std::nullopt.

inline constexpr bioavailability_estimate oxide_estimate{
    0.4,
    "mgcalc estimate, not a measured constant. Firoz & Graber 2001: MgO 4% absorbed, significantly lower "
    "than chloride, lactate and aspartate; Lindberg 1990: urinary increment far below citrate's; Walker "
    "2003: oxide similar to placebo. Counter-evidence: Schuette 1994 (isotope, 22.8% vs 23.5% for "
    "diglycinate, not significant) and Shechter 2012 (only MgO raised intracellular Mg). 0.4 is a rounded "
    "judgment between these, not a ratio measured in one study."sv};

inline constexpr bioavailability_estimate citrate_estimate{
    1.0,
    "mgcalc estimate: citrate defines the well-dissolving reference class (1.0). Lindberg 1990 (55% soluble "
    "in water, urinary increment far above oxide), Walker 2003 (highest serum Mg), Kappeler 2017 (more renal "
    "Mg than oxide). The studies do not state the hydrate; the factor applies per mg of elemental Mg, so it "
    "is the same for anhydrous citrate and the nonahydrate."sv};

inline constexpr bioavailability_estimate glycinate_estimate{
    1.0,
    "mgcalc estimate: Schuette 1994 (isotope, diglycinate 23.5% absorbed, at least as well as oxide and "
    "better where absorption is impaired) and Walker 2003 (amino-acid chelate absorbed better than oxide). "
    "No head-to-head study with citrate or chloride; 1.0 places it with the well-dissolving salts."sv};

inline constexpr bioavailability_estimate chloride_estimate{
    1.0,
    "mgcalc estimate: Firoz & Graber 2001 found chloride absorbed significantly better than oxide and "
    "equivalent to lactate and aspartate. For ordinary preparations only: enteric-coated MgCl2 was absorbed "
    "much less (Fine 1991)."sv};

inline constexpr bioavailability_estimate lactate_estimate{
    1.0,
    "mgcalc estimate: Firoz & Graber 2001 found lactate absorbed significantly better than oxide and "
    "equivalent to chloride and aspartate."sv};

inline constexpr bioavailability_estimate aspartate_estimate{
    1.0,
    "mgcalc estimate: Firoz & Graber 2001 found aspartate absorbed significantly better than oxide and "
    "equivalent to chloride and lactate."sv};

// ---------------------------------------------------------------------------------------------
// Aliases: what people type. A leading "magnesium" is ignored by find_compound and get_compound, so "magnesium
// oxide" and "oxide" are the same key; each compound's id, name and formula are keys as well.

inline constexpr std::string_view oxide_aliases[] = {"magnesium oxide"sv, "MgO"sv, "magnesia"sv};
inline constexpr std::string_view hydroxide_aliases[] = {"magnesium hydroxide"sv, "Mg(OH)2"sv, "milk of magnesia"sv};
inline constexpr std::string_view carbonate_aliases[] = {"magnesium carbonate"sv, "MgCO3"sv, "magnesium carbonate anhydrous"sv};
inline constexpr std::string_view citrate_aliases[] = {
    "magnesium citrate"sv, "trimagnesium dicitrate"sv, "trimagnesium citrate"sv, "magnesium citrate anhydrous"sv,
    "trimagnesium dicitrate anhydrous"sv, "C12H10Mg3O14"sv};
inline constexpr std::string_view citrate_nonahydrate_aliases[] = {
    "magnesium citrate nonahydrate"sv, "trimagnesium dicitrate nonahydrate"sv, "trimagnesium citrate nonahydrate"sv,
    "C12H28Mg3O23"sv};
inline constexpr std::string_view glycinate_aliases[] = {
    "magnesium bisglycinate"sv, "magnesium glycinate"sv, "magnesium diglycinate"sv, "magnesium bisglycinate chelate"sv,
    "magnesium glycinate chelate"sv, "C4H8MgN2O4"sv,
    // A bare "magnesium chelate" on a label means the amino-acid chelate sold as magnesium
    // bisglycinate (docs/compounds.md, "Finding a compound").
    "magnesium chelate"sv};
inline constexpr std::string_view threonate_aliases[] = {"magnesium L-threonate"sv, "magnesium threonate"sv, "Magtein"sv,
                                                  "magnesium L-threonate anhydrous"sv};
inline constexpr std::string_view threonate_monohydrate_aliases[] = {"magnesium L-threonate monohydrate"sv,
                                                              "magnesium threonate monohydrate"sv, "C8H16MgO11"sv};
inline constexpr std::string_view taurate_aliases[] = {"magnesium taurate"sv, "magnesium ditaurate"sv};
inline constexpr std::string_view malate_aliases[] = {"magnesium malate"sv, "magnesium malate anhydrous"sv};
inline constexpr std::string_view malate_trihydrate_aliases[] = {"magnesium malate trihydrate"sv};
inline constexpr std::string_view lactate_aliases[] = {"magnesium lactate"sv, "magnesium L-lactate"sv,
                                                "magnesium lactate anhydrous"sv};
inline constexpr std::string_view lactate_dihydrate_aliases[] = {"magnesium lactate dihydrate"sv,
                                                          "magnesium L-lactate dihydrate"sv, "C6H14MgO8"sv};
inline constexpr std::string_view chloride_aliases[] = {"magnesium chloride"sv, "MgCl2"sv, "magnesium chloride anhydrous"sv};
// Magnesium chloride "flakes" (bath and foot-soak products) are the hexahydrate, MgCl2.6H2O.
inline constexpr std::string_view chloride_hexahydrate_aliases[] = {"magnesium chloride hexahydrate"sv,
                                                             "magnesium chloride flakes"sv, "magnesium flakes"sv};
inline constexpr std::string_view sulfate_aliases[] = {"magnesium sulfate"sv, "magnesium sulphate"sv, "MgSO4"sv,
                                                "magnesium sulfate anhydrous"sv, "magnesium sulphate anhydrous"sv};
inline constexpr std::string_view sulfate_heptahydrate_aliases[] = {
    "Epsom salt"sv, "Epsom salts"sv, "magnesium sulfate heptahydrate"sv, "magnesium sulphate heptahydrate"sv};
inline constexpr std::string_view aspartate_aliases[] = {"magnesium aspartate"sv, "magnesium L-aspartate"sv,
                                                  "magnesium aspartate dihydrate"sv, "magnesium L-aspartate dihydrate"sv};
inline constexpr std::string_view gluconate_aliases[] = {"magnesium gluconate"sv, "magnesium gluconate dihydrate"sv,
                                                  "C12H26MgO16"sv};
inline constexpr std::string_view orotate_aliases[] = {"magnesium orotate"sv, "magnesium orotate dihydrate"sv};
inline constexpr std::string_view pidolate_aliases[] = {"magnesium pidolate"sv, "magnesium pyroglutamate"sv,
                                                 "magnesium L-pyroglutamate"sv};
inline constexpr std::string_view glycerophosphate_aliases[] = {"magnesium glycerophosphate"sv};

// App-MineralUtils = repo perlancar/perl-App-MineralUtils, lib/App/MineralUtils.pm v0.023
// (2025-09-26), which cites PubChem (docs/sources.md).
#define MGCALC_APP_MINERALUTILS \
    "PubChem via App-MineralUtils v0.023 (perlancar/perl-App-MineralUtils, lib/App/MineralUtils.pm)"

inline constexpr stated_compound stated_compounds[] = {
    {"oxide"sv, "Magnesium oxide"sv, oxide_aliases, "MgO"sv, 0, MGCALC_APP_MINERALUTILS " (40.3044 g/mol) [C]"sv,
     evidence_grade::human_comparative, oxide_evidence, oxide_estimate,
     "Nearly insoluble in water (Lindberg 1990). Microencapsulated MgO products such as MAGSHAPE are about "
     "32% elemental (30-36.6% per certificate of analysis, via App-MineralUtils, secondary), far below pure "
     "MgO: give the label strength for them. Effervescent MgO raised urinary Mg more than capsules (Siener "
     "2010)."sv},
    {"hydroxide"sv, "Magnesium hydroxide"sv, hydroxide_aliases, "Mg(OH)2"sv, 0, MGCALC_APP_MINERALUTILS " [C]"sv,
     evidence_grade::none, {}, std::nullopt,
     "Antacid and laxative (milk of magnesia); as a medicine it counts toward the supplemental UL (IOM 1997). "
     "No absorption study among those mgcalc cites, so no bioavailability estimate."sv},
    {"carbonate"sv, "Magnesium carbonate"sv, carbonate_aliases, "MgCO3"sv, 0, MGCALC_APP_MINERALUTILS " [C]"sv,
     evidence_grade::animal_only, carbonate_evidence, std::nullopt,
     "Anhydrous MgCO3. Commercial 'basic' magnesium carbonate is a different material, quoted at 25-45% "
     "elemental Mg (secondary sources): give the label strength for it. Only a rat study (Coudray "
     "2005)."sv},
    {"citrate"sv, "Magnesium citrate"sv, citrate_aliases, "Mg3(C6H5O7)2"sv, 0,
     MGCALC_APP_MINERALUTILS " (451.12 g/mol) [C]"sv, evidence_grade::human_comparative, citrate_evidence,
     citrate_estimate,
     "Anhydrous trimagnesium dicitrate, Mg3(C6H5O7)2 = C12H10Mg3O14, 3 Mg per formula unit. Products may "
     "instead hold the nonahydrate (id citrate-nonahydrate) or magnesium hydrogen citrate C6H6MgO7 (not in "
     "mgcalc's table). NOW Foods citrate works out at about 14.5% effective per App-MineralUtils, whose 15.95% "
     "base uses a wrong formula (C12H16Mg3O14); give the label strength when the product states one."sv,
     "citric acid"sv, "C6H8O7"sv, 2},
    {"citrate-nonahydrate"sv, "Magnesium citrate nonahydrate"sv, citrate_nonahydrate_aliases, "Mg3(C6H5O7)2"sv, 9,
     MGCALC_APP_MINERALUTILS " (613.25 g/mol) [C]"sv, evidence_grade::human_comparative, citrate_evidence,
     citrate_estimate,
     "C12H10Mg3O14.9H2O = C12H28Mg3O23. App-MineralUtils lists the right molar mass but its code omits the "
     "3 Mg atoms and prints 3.96%; mgcalc counts all 3 from the formula. The citrate studies do not state "
     "which hydrate they used."sv,
     "citric acid"sv, "C6H8O7"sv, 2},
    {"glycinate"sv, "Magnesium bisglycinate"sv, glycinate_aliases, "Mg(C2H4NO2)2"sv, 0, MGCALC_APP_MINERALUTILS " [C]"sv,
     evidence_grade::human_comparative, glycinate_evidence, glycinate_estimate,
     "Anhydrous bisglycinate, Mg(C2H4NO2)2 = C4H8MgN2O4. Buffered 'glycinate' products (with added MgO or "
     "citric acid) do not follow this stoichiometry: NOW Foods bisglycinate is about 10% effective (14.1% x "
     "0.7094, App-MineralUtils, secondary), and products are often below 14.1% (how common this is is "
     "unconfirmed). Give the label strength. Walker 2003 tested an unspecified amino-acid chelate."sv,
     "glycine"sv, "C2H5NO2"sv, 2},
    {"threonate"sv, "Magnesium L-threonate"sv, threonate_aliases, "C8H14MgO10"sv, 0,
     MGCALC_APP_MINERALUTILS "; supplier specification MW 294.49 [C]"sv, evidence_grade::none, {}, std::nullopt,
     "Anhydrous salt. Commercial magnesium L-threonate is often the monohydrate (id threonate-monohydrate; UK "
     "SI 2026/56 novel-food specification: MW 312.51, assay 7.2-8.3% Mg). Magtein labels state 2,000 mg "
     "compound = 144 mg elemental Mg (7.2%), below either stoichiometric value, so give the label strength: "
     "\"threonate=2 g compound, 144 mg per 2 g\". No absorption study among those mgcalc cites."sv,
     "L-threonic acid"sv, "C4H8O5"sv, 2},
    {"threonate-monohydrate"sv, "Magnesium L-threonate monohydrate"sv, threonate_monohydrate_aliases, "C8H14MgO10"sv, 1,
     "UK SI 2026/56 novel-food specification, C8H16MgO11, MW 312.51 Da "
     "(https://www.legislation.gov.uk/wsi/2026/56/made/data.csv) [C]"sv,
     evidence_grade::none, {}, std::nullopt,
     "The commercial form specified by UK SI 2026/56, which sets an assay of 7.2-8.3% Mg; a product's own "
     "label strength overrides the stoichiometric value. No absorption study among those mgcalc cites."sv,
     "L-threonic acid"sv, "C4H8O5"sv, 2},
    {"taurate"sv, "Magnesium taurate"sv, taurate_aliases, "C4H12MgN2O6S2"sv, 0,
     "Wikipedia, Magnesium taurate (272.57 g/mol, ~8.9%, https://en.wikipedia.org/wiki/Magnesium_taurate) [S]"sv,
     evidence_grade::none, {}, std::nullopt,
     "Magnesium ditaurate; formula from a secondary source only. No absorption study among those mgcalc "
     "cites."sv,
     "taurine"sv, "C2H7NO3S"sv, 2},
    {"malate"sv, "Magnesium malate"sv, malate_aliases, "C4H4MgO5"sv, 0, MGCALC_APP_MINERALUTILS " [C]"sv,
     evidence_grade::animal_only, malate_evidence, std::nullopt,
     "Anhydrous 1:1 malate; the trihydrate is id malate-trihydrate. Only a rat study (Bertinato 2014), which "
     "does not state the hydrate."sv,
     "malic acid"sv, "C4H6O5"sv, 1},
    {"malate-trihydrate"sv, "Magnesium malate trihydrate"sv, malate_trihydrate_aliases, "C4H4MgO5"sv, 3,
     MGCALC_APP_MINERALUTILS " (C4H4MgO5.3H2O) [C]"sv, evidence_grade::animal_only, malate_evidence,
     std::nullopt, "Only a rat study (Bertinato 2014), which does not state the hydrate."sv,
     "malic acid"sv, "C4H6O5"sv, 1},
    {"lactate"sv, "Magnesium lactate"sv, lactate_aliases, "C6H10MgO6"sv, 0, MGCALC_APP_MINERALUTILS " [C]"sv,
     evidence_grade::human_comparative, lactate_evidence, lactate_estimate,
     "Anhydrous salt. The Magnesioboi SmPC declares 404.85 mg magnesium lactate = 48.62 mg Mg (12.0%), which "
     "matches the anhydrous salt, so a bare 'magnesium lactate' means this entry; the dihydrate is id "
     "lactate-dihydrate."sv},
    {"lactate-dihydrate"sv, "Magnesium lactate dihydrate"sv, lactate_dihydrate_aliases, "C6H10MgO6"sv, 2,
     MGCALC_APP_MINERALUTILS " [C]"sv, evidence_grade::human_comparative, lactate_evidence, lactate_estimate,
     "C6H10MgO6.2H2O = C6H14MgO8; the form of the extended-release caplet studied in 2018 (Drug Dev Ind "
     "Pharm 44(9))."sv},
    {"chloride"sv, "Magnesium chloride"sv, chloride_aliases, "MgCl2"sv, 0, MGCALC_APP_MINERALUTILS " [C]"sv,
     evidence_grade::human_comparative, chloride_evidence, chloride_estimate,
     "Anhydrous MgCl2; the hexahydrate is id chloride-hexahydrate. The IOM UL's critical effect (osmotic "
     "diarrhoea, LOAEL 360 mg/day) was observed with MgCl2 (Bashir et al. 1993, IOM 1997). Enteric-coated "
     "MgCl2 was absorbed much less (Fine 1991)."sv},
    {"chloride-hexahydrate"sv, "Magnesium chloride hexahydrate"sv, chloride_hexahydrate_aliases, "MgCl2"sv, 6,
     MGCALC_APP_MINERALUTILS " (203.31 g/mol) [C]"sv, evidence_grade::human_comparative, chloride_evidence,
     chloride_estimate,
     "MgCl2.6H2O. The absorption studies do not state the hydrate; the factor is per mg of elemental Mg."sv},
    {"sulfate"sv, "Magnesium sulfate"sv, sulfate_aliases, "MgSO4"sv, 0, MGCALC_APP_MINERALUTILS " [C]"sv,
     evidence_grade::animal_only, sulfate_evidence, std::nullopt,
     "Anhydrous MgSO4; Epsom salt is the heptahydrate (id sulfate-heptahydrate). NIH ODS statements (secondary "
     "copies) group sulfate with oxide as less well absorbed, but the only absorption studies of sulfate "
     "mgcalc cites are in rats (Coudray 2005, Bertinato 2014), so mgcalc gives no estimate."sv},
    {"sulfate-heptahydrate"sv, "Magnesium sulfate heptahydrate"sv, sulfate_heptahydrate_aliases, "MgSO4"sv, 7,
     MGCALC_APP_MINERALUTILS " [C]"sv, evidence_grade::animal_only, sulfate_evidence, std::nullopt,
     "Epsom salt, MgSO4.7H2O. Only rat studies (Coudray 2005, Bertinato 2014), so no estimate."sv},
    {"aspartate-dihydrate"sv, "Magnesium L-aspartate dihydrate"sv, aspartate_aliases, "C8H12MgN2O8"sv, 2,
     "supplier specification (WBCIL): 324.5 g/mol, CAS 72231-13-1, https://www.wbcil.com/products/"
     "magnesium-aspartate/; anhydrous C8H12MgN2O8 288.495 g/mol via a Wikipedia infobox copy [S]"sv,
     evidence_grade::human_comparative, aspartate_evidence, aspartate_estimate,
     "The dihydrate of the 1:2 salt. Supplier assays vary: 6.3-7.0% Mg (farmkemi, listed as a 1:1 salt "
     "C4H5NO4Mg) and 8-12% on an anhydrous basis (WBCIL); give the label strength when the product states "
     "one."sv},
    {"gluconate-dihydrate"sv, "Magnesium gluconate dihydrate"sv, gluconate_aliases, "C12H22MgO14"sv, 2,
     MGCALC_APP_MINERALUTILS ": C12H26MgO16, 450.63 g/mol [C]; the anhydrous formula unit C12H22MgO14 is "
     "that minus 2 H2O [D]"sv,
     evidence_grade::animal_only, gluconate_evidence, std::nullopt,
     "The dihydrate's formula and molar mass are confirmed. The anhydrous gluconate formula was not seen in "
     "a source, and whether commercial products are the dihydrate is unconfirmed. Only rat studies (Coudray "
     "2005: highest absorption of 10 salts; Bertinato 2014: no difference)."sv},
    {"orotate-dihydrate"sv, "Magnesium orotate dihydrate"sv, orotate_aliases, "C10H6MgN4O8"sv, 2,
     "anhydrous C10H6MgN4O8 from supplier pages (CAS 34717-03-8, 334.48 g/mol; smolecule.com, "
     "globalcalcium.com) [S]; dihydrate water added here [D]"sv,
     evidence_grade::animal_only, orotate_evidence, std::nullopt,
     "Whether commercial magnesium orotate is the dihydrate is unconfirmed; the anhydrous salt holds more Mg "
     "per gram, so give the label strength when the product states one. Only a rat study (Bertinato 2014)."sv},
    {"pidolate"sv, "Magnesium pidolate"sv, pidolate_aliases, "C10H12MgN2O6"sv, 0, MGCALC_APP_MINERALUTILS " [C]"sv,
     evidence_grade::animal_only, pidolate_evidence, std::nullopt,
     "Magnesium L-pyroglutamate. Only a rat study (Coudray 2005)."sv},
    {"glycerophosphate"sv, "Magnesium glycerophosphate"sv, glycerophosphate_aliases, "C3H7MgO6P"sv, 0,
     MGCALC_APP_MINERALUTILS " [C]"sv, evidence_grade::none, {}, std::nullopt,
     "Anhydrous salt. No absorption study among those mgcalc cites."sv},
};

#undef MGCALC_APP_MINERALUTILS

// Magnesium of a form not stated ("magnesium 100 mg"). Its formula is the element itself, so the
// computed fields are those of Mg (1 atom, fraction 1): an amount of it is elemental magnesium,
// which is what a Supplement Facts label states (FDA 21 CFR 101.36). It is not a salt, so the
// compound is stated with form_known = false, which refuses stoichiometry and compound masses;
// with no form there is no absorption evidence and no estimate.
inline constexpr std::string_view unspecified_aliases[] = {"magnesium"sv, "elemental magnesium"sv, "magnesium unspecified"sv,
                                                    "magnesium form not stated"sv};
inline constexpr stated_compound unspecified{
    "unspecified"sv, "Magnesium (form not stated)"sv, unspecified_aliases, "Mg"sv, 0,
    "the element itself; standard atomic weight of Mg 24.305 (IUPAC CIAAW 2022) [C]"sv, evidence_grade::none, {},
    std::nullopt,
    "Magnesium whose compound is not named: the amount is elemental magnesium, as on a Supplement Facts label. "
    "There is no salt to weigh, so a compound mass cannot be converted, and there is no absorption estimate. "
    "Name the compound when the label gives it (\"glycinate=200 mg\")."sv,
    {}, {}, 0, /* form_known */ false};
}  // namespace detail::compound_sources

namespace detail {

template <std::size_t... Index>
constexpr auto make_compound_table(std::index_sequence<Index...>) {
    return std::array<compound, sizeof...(Index) + 1>{compound(compound_sources::stated_compounds[Index])...,
                                                      compound(compound_sources::unspecified)};
}

/// The compounds of compound_sources::stated_compounds in order, then the unspecified form:
/// computed by the compiler, one object in the whole program (an inline variable), so that a
/// compound found in the compiled library and one found in an application are the same object.
inline constexpr auto compound_table =
    make_compound_table(std::make_index_sequence<std::size(compound_sources::stated_compounds)>{});

/// A lookup key, built without allocating: lower case, with spaces, hyphens, underscores and
/// dots removed, a leading word "mag" read as "magnesium", and then a leading "magnesium"
/// removed, so "Magnesium Oxide", "mag-oxide" and "oxide" are the same key. "magnesium" alone
/// stays, as the alias of the unspecified form. Every key of the table fits (compound_test.cpp
/// checks it at compile time); a longer text matches nothing.
class compound_key {
public:
    static constexpr std::size_t capacity = 64;

    constexpr explicit compound_key(std::string_view text) noexcept {
        text = trim(text);
        // Labels and shops abbreviate magnesium as "Mag" ("Mag Glycinate", "mag. citrate"):
        // only as a whole word, so "magnesia" and "Magtein" are untouched.
        constexpr std::string_view mag = "mag";
        const bool abbreviated = text.size() >= mag.size() && ascii_lower(text[0]) == 'm' &&
                                 ascii_lower(text[1]) == 'a' && ascii_lower(text[2]) == 'g' &&
                                 (text.size() == mag.size() || is_word_separator(text[mag.size()]));
        if (abbreviated) {
            append("magnesium");
            text.remove_prefix(mag.size());
        }
        append(text);
        constexpr std::string_view prefix = "magnesium";
        if (size_ > prefix.size() && view().starts_with(prefix)) {
            for (std::size_t i = prefix.size(); i < size_; ++i) chars_[i - prefix.size()] = chars_[i];
            size_ -= prefix.size();
        }
    }

    /// False when the key did not fit: it then matches no compound.
    constexpr bool fits() const noexcept { return fits_; }
    constexpr std::string_view view() const noexcept { return {chars_.data(), size_}; }

private:
    static constexpr bool is_word_separator(char c) noexcept {
        return c == ' ' || c == '\t' || c == '-' || c == '_' || c == '.';
    }
    constexpr void append(std::string_view text) noexcept {
        for (char c : text) {
            if (is_key_separator(c)) continue;
            if (size_ == capacity) {
                fits_ = false;
                return;
            }
            chars_[size_++] = ascii_lower(c);
        }
    }

    std::array<char, capacity> chars_{};
    std::size_t size_ = 0;
    bool fits_ = true;
};

/// Calls `visit(key)` with every lookup key of the compound, until it returns true: its id,
/// name and aliases, and its formula (a hydrate with each accepted separator: "MgCl2·6H2O",
/// "MgCl2*6H2O", "MgCl2.6H2O"). True when one did.
template <class Visit>
constexpr bool any_key_of(const compound& c, Visit visit) {
    if (visit(compound_key(c.id)) || visit(compound_key(c.name))) return true;
    for (std::string_view alias : c.aliases) {
        if (visit(compound_key(alias))) return true;
    }
    if (c.water_of_hydration() == 0) return visit(compound_key(c.formula()));
    for (std::string_view separator : {std::string_view("\xC2\xB7"), std::string_view("*"), std::string_view(".")}) {
        // formula + separator + count + "H2O", at most 9999 molecules of water (formula.hpp)
        std::array<char, compound_key::capacity + 16> text{};
        std::size_t size = 0;
        const auto put = [&](std::string_view part) {
            for (char ch : part) {
                if (size < text.size()) text[size++] = ch;
            }
        };
        put(c.formula());
        put(separator);
        const int water = c.water_of_hydration();
        if (water > 1) {
            char digits[4]{};
            std::size_t count = 0;
            for (int rest = water; rest > 0 && count < 4; rest /= 10) digits[count++] = static_cast<char>('0' + rest % 10);
            while (count > 0) put(std::string_view(&digits[--count], 1));
        }
        put("H2O");
        if (visit(compound_key(std::string_view(text.data(), size)))) return true;
    }
    return false;
}

inline std::string accepted_compound_ids() {
    std::string out;
    for (const compound& c : compounds()) {
        if (!out.empty()) out += ", ";
        out += c.id;
    }
    return out;
}

[[noreturn]] inline void fail_unknown_compound(std::string_view id_or_alias) {
    throw error(errc::unknown_compound,
                concat({"unknown magnesium compound ", detail::quoted(id_or_alias), "; accepted ids: ", accepted_compound_ids(),
                       "; names and aliases such as \"magnesium bisglycinate\", \"Epsom salt\" or \"Magtein\" "
                       "also work (case, spaces, hyphens and a leading \"magnesium\" or \"mag\" are ignored), "
                       "and \"magnesium\" alone is magnesium of a form not stated"}));
}

// `what` names the amount given: "compound mass" or "elemental magnesium".
inline void check_compound_amount(std::string_view what, const compound& form, milligrams amount) {
    if (!form.form_known()) {
        throw error(errc::unknown_compound,
                    concat({what, " ", decimal(amount.value(), 3),
                           " mg of magnesium of a form not stated cannot be converted: only a named compound has a "
                           "formula to convert by; accepted: a compound id such as ",
                           accepted_compound_ids()}));
    }
    const std::string_view problem = amount_problem(amount.value());
    if (problem.empty()) return;
    throw error(errc::invalid_amount, concat({what, " ", decimal(amount.value(), 3), " mg (", to_lower(form.name), ") ",
                                             problem, "; accepted: a finite amount of 0 mg or more"}));
}

}  // namespace detail

constexpr std::span<const compound> compounds() noexcept {
    return std::span<const compound>(detail::compound_table).first(detail::compound_table.size() - 1);
}

constexpr const compound& unspecified_form() noexcept { return detail::compound_table.back(); }

namespace detail {

inline constexpr std::size_t no_compound = static_cast<std::size_t>(-1);

/// The position in compound_table of the compound with this id or alias, or no_compound.
/// get_compound indexes the table with it rather than dereferencing find_compound's pointer: GCC
/// 12 with -fsanitize=undefined checks such a dereference against null in a way it cannot then
/// evaluate in a constant expression.
constexpr std::size_t compound_index(std::string_view id_or_alias) noexcept {
    const compound_key key(id_or_alias);
    if (!key.fits() || key.view().empty()) return no_compound;
    const auto same = [&](const compound_key& k) { return k.fits() && k.view() == key.view(); };
    for (std::size_t i = 0; i < compound_table.size(); ++i) {
        if (any_key_of(compound_table[i], same)) return i;
    }
    return no_compound;
}

}  // namespace detail

constexpr const compound* find_compound(std::string_view id_or_alias) noexcept {
    const std::size_t index = detail::compound_index(id_or_alias);
    return index == detail::no_compound ? nullptr : &detail::compound_table[index];
}

constexpr const compound& get_compound(std::string_view id_or_alias) {
    const std::size_t index = detail::compound_index(id_or_alias);
    if (index == detail::no_compound) detail::fail_unknown_compound(id_or_alias);
    return detail::compound_table[index];
}

inline milligrams elemental_magnesium(const compound& form, milligrams compound_mass) {
    detail::check_compound_amount("compound mass", form, compound_mass);
    return compound_mass * form.elemental_fraction();
}

inline milligrams compound_mass_for(const compound& form, milligrams elemental) {
    detail::check_compound_amount("elemental magnesium", form, elemental);
    return elemental / form.elemental_fraction();
}

}  // namespace mgcalc
