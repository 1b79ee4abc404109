// mgcalc/people/reference.hpp - reference intakes for magnesium by life stage.
//
// IOM (1997) Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and
// Fluoride (doi:10.17226/5776), as tabulated by the NIH ODS Magnesium fact sheet; Daily Values
// from the FDA 2016 food labeling final rule. The tables and rules: docs/reference-intakes.md;
// every number and its source: docs/sources.md.
//
// Header-only and constexpr: the table is checked by the compiler (contiguous bands, the
// pregnancy row above the lactation row), and iom_reference_intakes of a life stage made from
// numbers is a constant expression.
#pragma once

#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/units.hpp>

#include <array>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace mgcalc {

/// Whether the target is a Recommended Dietary Allowance or, for infants, an Adequate Intake.
enum class target_kind { rda, ai };
/// "RDA" or "AI".
constexpr std::string_view to_string(target_kind kind) noexcept { return kind == target_kind::ai ? "AI" : "RDA"; }

struct reference_intakes {
    std::string_view authority;         ///< "IOM 1997"
    std::string_view life_stage;  ///< the table row used: "Females 19-30 y", "Pregnancy 14-18 y"
    milligrams target;                  ///< RDA, or AI for infants
    target_kind kind;
    /// Estimated Average Requirement; none for infants (IOM set only an AI).
    std::optional<milligrams> ear;
    /// Tolerable Upper Intake Level for magnesium from supplements and medicines only, never
    /// food; none established for infants.
    std::optional<milligrams> ul_supplemental;
    /// FDA label Daily Value; none for infants (not confirmed in a source).
    std::optional<milligrams> dv;
    /// Why a row other than the obvious one was used (pregnancy under 14, both pregnant and
    /// lactating, pregnancy after 50); empty otherwise.
    std::string_view note;
};

/// IOM 1997 reference intakes for a life stage. Age bands are half-open by exact age and
/// contiguous: [0, 6 months), [6, 12 months), [1, 4), [4, 9), [9, 14), [14, 19), [19, 31),
/// [31, 51), [51, 120] years ("14-18 y" ends on the 19th birthday; "0-6 months" ends at 6.0 months,
/// IOM's own meaning of its infant rows).
constexpr reference_intakes iom_reference_intakes(const life_stage& stage);

// ---------------------------------------------------------------------------------------------
// Implementation: the IOM 1997 magnesium reference intakes as one constexpr table.
//
// Sources (docs/reference-intakes.md reproduces the table with confidence tags):
//   [IOM]  Institute of Medicine (1997) Dietary Reference Intakes for Calcium, Phosphorus,
//          Magnesium, Vitamin D, and Fluoride. National Academy Press. doi:10.17226/5776.
//          Infant AIs pp. 209-210; EAR 14-18 y p. 219; pregnancy p. 239; lactation p. 241;
//          UL (supplemental magnesium only) pp. 242-244.
//   [DRI]  IOM DRI summary table "Recommended Intakes for Individuals, Elements"
//          (books.nap.edu/openbook.php?record_id=10026&page=772): RDA/AI for every row.
//   [ODS]  NIH Office of Dietary Supplements, Magnesium - Health Professional Fact Sheet:
//          Table 1 (RDA/AI) and Table 3 (UL), which tabulate IOM 1997 (read through copies).
//   [FDA]  Food Labeling: Revision of the Nutrition and Supplement Facts Labels, final rule,
//          81 FR 33742 (27 May 2016), 21 CFR 101.9: Daily Values 420 / 400 / 80 mg.
// ---------------------------------------------------------------------------------------------

namespace detail::iom_1997 {

// Who a row is for. Infants and children 1-8 y have one row for both sexes in IOM 1997.
enum class population { everyone, males, females, pregnancy, lactation };

// Band limits in completed months: a band is [from, to) by exact age, except the last one,
// which includes 120 years, the oldest age mgcalc accepts. The two infant groups are 6-month
// intervals: "0 to 6 months" is birth to 5.9 months and "6 to 12 months" is 6.0 to 11.9 months
// (IOM 2011, DRIs for Calcium and Vitamin D, p. 23, citing IOM 2006; the 1997 report's summary
// table labels the rows "0 to 6 months" and "6 to 12 months"), so a baby of exactly 6 months
// gets the 75 mg AI.
inline constexpr int months_6 = 6;
inline constexpr int year = 12;
inline constexpr int max_age = 120 * year;

struct row {
    population who;
    int from_months;
    int to_months;
    std::string_view group;
    double target;                    // mg/day: RDA, or AI where kind == ai
    target_kind kind;
    std::optional<double> ear;        // mg/day
    std::optional<double> upper;      // mg/day, supplemental magnesium only
    std::optional<double> dv;  // mg/day, FDA label
};

inline constexpr std::optional<double> none = std::nullopt;

// clang-format off
inline constexpr std::array table{
    // Infants: AI only. IOM p. 209: 0.78 L/d human milk x 34 mg/L -> 30 mg; p. 210: 55 mg from
    // solid food + 0.6 L x 34 mg/L milk -> 75 mg. No EAR (IOM set none), no UL ("not possible to
    // establish", ODS Table 3), no DV (the infant DV is not confirmed in a source, so not shipped).
    row{population::everyone, 0,         months_6,  "Infants 0-6 months",  30, target_kind::ai,  none, none, none},
    row{population::everyone, months_6,  year,      "Infants 6-12 months", 75, target_kind::ai,  none, none, none},
    // Children. RDA [DRI]/[ODS Table 1]; EAR IOM: 5 mg/kg/d x 13 kg = 65, x 22 kg = 110; UL
    // [ODS Table 3] 65 / 110 mg; DV [FDA] 80 mg for 1-3 y, 420 mg from 4 y.
    row{population::everyone, 1 * year,  4 * year,  "Children 1-3 y",  80, target_kind::rda, 65,  65,  80},
    row{population::everyone, 4 * year,  9 * year,  "Children 4-8 y", 130, target_kind::rda, 110, 110, 420},
    // Males. RDA [DRI]/[ODS Table 1]; EAR [IOM] (14-18 y p. 219); UL 350 mg from 9 y [ODS
    // Table 3, IOM pp. 242-244]; DV 420 mg [FDA]. IOM's 51-70 y and >70 y rows are equal.
    row{population::males,    9 * year,  14 * year, "Males 9-13 y",  240, target_kind::rda, 200, 350, 420},
    row{population::males,    14 * year, 19 * year, "Males 14-18 y", 410, target_kind::rda, 340, 350, 420},
    row{population::males,    19 * year, 31 * year, "Males 19-30 y", 400, target_kind::rda, 330, 350, 420},
    row{population::males,    31 * year, 51 * year, "Males 31-50 y", 420, target_kind::rda, 350, 350, 420},
    row{population::males,    51 * year, max_age,   "Males 51+ y",   420, target_kind::rda, 350, 350, 420},
    // Females. Same sources as males.
    row{population::females,  9 * year,  14 * year, "Females 9-13 y",  240, target_kind::rda, 200, 350, 420},
    row{population::females,  14 * year, 19 * year, "Females 14-18 y", 360, target_kind::rda, 300, 350, 420},
    row{population::females,  19 * year, 31 * year, "Females 19-30 y", 310, target_kind::rda, 255, 350, 420},
    row{population::females,  31 * year, 51 * year, "Females 31-50 y", 320, target_kind::rda, 265, 350, 420},
    row{population::females,  51 * year, max_age,   "Females 51+ y",   320, target_kind::rda, 265, 350, 420},
    // Pregnancy. RDA [DRI]/[ODS Table 1]; EAR [IOM p. 239]: non-pregnant EAR + 35 mg (lean-mass
    // gain 7.5 kg / 270 d x 470 mg/kg x 2.5 = 33 -> 35); UL 350 mg [ODS Table 3]; DV 400 mg [FDA].
    row{population::pregnancy, 14 * year, 19 * year, "Pregnancy 14-18 y", 400, target_kind::rda, 335, 350, 400},
    row{population::pregnancy, 19 * year, 31 * year, "Pregnancy 19-30 y", 350, target_kind::rda, 290, 350, 400},
    row{population::pregnancy, 31 * year, 51 * year, "Pregnancy 31-50 y", 360, target_kind::rda, 300, 350, 400},
    // Lactation. [IOM p. 241]: no increment, EAR/RDA as non-lactating women of the same age; UL
    // 350 mg [ODS Table 3]; DV 400 mg [FDA].
    row{population::lactation, 14 * year, 19 * year, "Lactation 14-18 y", 360, target_kind::rda, 300, 350, 400},
    row{population::lactation, 19 * year, 31 * year, "Lactation 19-30 y", 310, target_kind::rda, 255, 350, 400},
    row{population::lactation, 31 * year, 51 * year, "Lactation 31-50 y", 320, target_kind::rda, 265, 350, 400},
};
// clang-format on

constexpr bool applies_to(const row& r, population who) noexcept {
    if (r.who == who) return true;
    return r.who == population::everyone && (who == population::males || who == population::females);
}

// Compile-time proof that the bands of each population tile their range with no gap and no
// overlap (the CRON-o-Meter "holes between 3 and 4 years" pitfall), in table order.
constexpr bool contiguous(population who, int from, int to) {
    int expected = from;
    for (const row& r : table) {
        if (!applies_to(r, who)) continue;
        if (r.from_months != expected || r.to_months <= r.from_months) return false;
        expected = r.to_months;
    }
    return expected == to;
}
static_assert(contiguous(population::males, 0, max_age));
static_assert(contiguous(population::females, 0, max_age));
static_assert(contiguous(population::pregnancy, 14 * year, 51 * year));
static_assert(contiguous(population::lactation, 14 * year, 51 * year));

// IOM 1997 p. 239: pregnancy raises the EAR by 35 mg while lactation adds nothing (p. 241), so
// the pregnancy row is the higher requirement in every age band; checked here.
constexpr bool pregnancy_is_higher() {
    for (const row& p : table) {
        if (p.who != population::pregnancy) continue;
        for (const row& l : table)
            if (l.who == population::lactation && l.from_months == p.from_months &&
                !(p.target > l.target && *p.ear > *l.ear && *p.upper >= *l.upper && *p.dv >= *l.dv))
                return false;
    }
    return true;
}
static_assert(pregnancy_is_higher());

constexpr bool in_band(const row& r, double months) noexcept {
    if (months < r.from_months) return false;
    return months < r.to_months || (r.to_months == max_age && months <= max_age);
}

constexpr const row& find_row(population who, double months) {
    for (const row& r : table)
        if (applies_to(r, who) && in_band(r, months)) return r;
    // Unreachable: life_stage only holds ages 0-120 years, which the static_asserts above cover.
    throw std::logic_error("mgcalc: no IOM 1997 magnesium row for this age");
}

constexpr milligrams in_mg(double value) { return milligrams::from_value(value); }
constexpr std::optional<milligrams> in_mg(std::optional<double> value) {
    if (!value) return std::nullopt;
    return in_mg(*value);
}

// Notes for the substitutions. String literals, so the string_view in the result never dangles.
inline constexpr std::string_view note_young =
    "under 14 years: IOM 1997 tabulates pregnancy and lactation only from 14 years (\"<= 18 y\"), "
    "so the 14-18 y row is used";
inline constexpr std::string_view note_old =
    "51 years or older: IOM 1997 tabulates pregnancy and lactation only to 50 years, so the 31-50 y row is used";
inline constexpr std::string_view note_both =
    "pregnant and lactating: the pregnancy row is used, the higher requirement in every IOM 1997 age band";
inline constexpr std::string_view note_both_young =
    "pregnant and lactating: the pregnancy row is used, the higher requirement in every IOM 1997 age band; "
    "under 14 years: IOM 1997 tabulates pregnancy only from 14 years (\"<= 18 y\"), so the 14-18 y row is used";
inline constexpr std::string_view note_both_old =
    "pregnant and lactating: the pregnancy row is used, the higher requirement in every IOM 1997 age band; "
    "51 years or older: IOM 1997 tabulates pregnancy only to 50 years, so the 31-50 y row is used";


}  // namespace detail::iom_1997

constexpr reference_intakes iom_reference_intakes(const life_stage& stage) {
    namespace iom = detail::iom_1997;
    double months = stage.age().in_months();
    iom::population who = stage.sex() == sex::male ? iom::population::males : iom::population::females;
    std::string_view note;

    if (stage.pregnant() || stage.lactating()) {
        const bool both = stage.pregnant() && stage.lactating();
        who = stage.pregnant() ? iom::population::pregnancy : iom::population::lactation;
        // Clamp into the 14-50 y span IOM tabulates; the row keeps its own age label.
        if (months < 14 * iom::year) {
            months = 14 * iom::year;
            note = both ? iom::note_both_young : iom::note_young;
        } else if (months >= 51 * iom::year) {
            months = 51 * iom::year - 1;
            note = both ? iom::note_both_old : iom::note_old;
        } else if (both) {
            note = iom::note_both;
        }
    }

    const iom::row& r = iom::find_row(who, months);
    return reference_intakes{
        .authority = "IOM 1997",
        .life_stage = r.group,
        .target = iom::in_mg(r.target),
        .kind = r.kind,
        .ear = iom::in_mg(r.ear),
        .ul_supplemental = iom::in_mg(r.upper),
        .dv = iom::in_mg(r.dv),
        .note = note,
    };
}

}  // namespace mgcalc
