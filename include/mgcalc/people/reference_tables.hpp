// mgcalc/people/reference_tables.hpp - the reference-intake tables of every authority, as
// constexpr data (internal: read them through reference.hpp).
//
// One row per band of exact age for one population. A band is [from, to) in months by exact age;
// the last band of a table also holds 120 years, the oldest age mgcalc accepts. Every number's
// source: docs/sources.md, "Reference intakes"; the tables side by side: docs/reference-intakes.md.
#pragma once

#include <mgcalc/people/authority.hpp>
#include <mgcalc/people/life_stage.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace mgcalc {

/// What kind of value the target is: an RDA (IOM), an AI (IOM infants, EFSA, D-A-CH's
/// estimated values), a PRI (EFSA's term for an RDA; EFSA set none for magnesium) or an RNI
/// (WHO/FAO, UK COMA).
enum class target_kind { rda, ai, pri, rni };
/// "RDA", "AI", "PRI" or "RNI".
constexpr std::string_view to_string(target_kind kind) noexcept {
    switch (kind) {
        case target_kind::rda: return "RDA";
        case target_kind::ai: return "AI";
        case target_kind::pri: return "PRI";
        case target_kind::rni: return "RNI";
    }
    return "RDA";
}
/// "Recommended Dietary Allowance", "Adequate Intake", "Population Reference Intake" or
/// "Reference Nutrient Intake".
constexpr std::string_view describe(target_kind kind) noexcept {
    switch (kind) {
        case target_kind::rda: return "Recommended Dietary Allowance";
        case target_kind::ai: return "Adequate Intake";
        case target_kind::pri: return "Population Reference Intake";
        case target_kind::rni: return "Reference Nutrient Intake";
    }
    return "Recommended Dietary Allowance";
}

namespace detail::reference_tables {

// Who a row is for. `everyone` is both sexes (infants and young children in most tables).
enum class population { everyone, males, females, pregnancy, lactation };

// The labels are string_view literals ("..."sv), which the compiler does not count character by
// character (docs/performance.md).
using namespace std::string_view_literals;

inline constexpr int year = 12;  // months
inline constexpr int max_age = 120 * year;

struct row {
    population who;
    int from_months;
    int to_months;
    std::string_view life_stage;  // in the authority's own convention: "1 to < 3 years"
    double target;                // mg/day
    target_kind kind;
    std::optional<double> ear;    // mg/day
    std::optional<double> ul;     // mg/day, supplemental magnesium only
    std::optional<double> dv;     // mg/day, US label Daily Value (IOM table only)
    confidence conf;
    infant_feeding feeding = infant_feeding::unspecified;  // set only on WHO/FAO's 0-6 month rows
};

inline constexpr std::optional<double> none = std::nullopt;
inline constexpr confidence C = confidence::confirmed;
inline constexpr confidence S = confidence::secondary;
using P = population;
using K = target_kind;

// clang-format off

// IOM 1997 (doi:10.17226/5776): RDA/AI from the DRI summary table and ODS Table 1; EAR IOM pp.
// 219, 239, 241; UL (supplemental only) pp. 242-244 and ODS Table 3; Daily Values FDA 2016 (81 FR
// 33742), 75 mg for infants through 12 months from FDA's labeling FAQ (secondary). The infant
// groups are 6-month intervals: "0 to 6 months" is birth to 5.9 months (IOM 2011 p. 23), so a baby
// of exactly 6 months gets the 75 mg AI. IOM's 51-70 y and > 70 y rows are equal: one "51+ y" row.
// Confidence (of the target, as in every table): the RDAs and AIs are confirmed in IOM's text;
// the child and adult EARs and the Daily Values only through copies (docs/sources.md).
inline constexpr std::array iom_1997{
    row{P::everyone,  0,          6,          "Infants 0-6 months"sv,  30, K::ai,  none, none, 75,  C},
    row{P::everyone,  6,          year,       "Infants 6-12 months"sv, 75, K::ai,  none, none, 75,  C},
    row{P::everyone,  1 * year,   4 * year,   "Children 1-3 y"sv,      80, K::rda, 65,   65,   80,  C},
    row{P::everyone,  4 * year,   9 * year,   "Children 4-8 y"sv,     130, K::rda, 110,  110,  420, C},
    row{P::males,     9 * year,   14 * year,  "Males 9-13 y"sv,       240, K::rda, 200,  350,  420, C},
    row{P::males,     14 * year,  19 * year,  "Males 14-18 y"sv,      410, K::rda, 340,  350,  420, C},
    row{P::males,     19 * year,  31 * year,  "Males 19-30 y"sv,      400, K::rda, 330,  350,  420, C},
    row{P::males,     31 * year,  51 * year,  "Males 31-50 y"sv,      420, K::rda, 350,  350,  420, C},
    row{P::males,     51 * year,  max_age,    "Males 51+ y"sv,        420, K::rda, 350,  350,  420, C},
    row{P::females,   9 * year,   14 * year,  "Females 9-13 y"sv,     240, K::rda, 200,  350,  420, C},
    row{P::females,   14 * year,  19 * year,  "Females 14-18 y"sv,    360, K::rda, 300,  350,  420, C},
    row{P::females,   19 * year,  31 * year,  "Females 19-30 y"sv,    310, K::rda, 255,  350,  420, C},
    row{P::females,   31 * year,  51 * year,  "Females 31-50 y"sv,    320, K::rda, 265,  350,  420, C},
    row{P::females,   51 * year,  max_age,    "Females 51+ y"sv,      320, K::rda, 265,  350,  420, C},
    // Pregnancy: EAR of non-pregnant women + 35 mg (p. 239). Lactation: no increment (p. 241).
    row{P::pregnancy, 14 * year,  19 * year,  "Pregnancy 14-18 y"sv,  400, K::rda, 335,  350,  400, C},
    row{P::pregnancy, 19 * year,  31 * year,  "Pregnancy 19-30 y"sv,  350, K::rda, 290,  350,  400, C},
    row{P::pregnancy, 31 * year,  51 * year,  "Pregnancy 31-50 y"sv,  360, K::rda, 300,  350,  400, C},
    row{P::lactation, 14 * year,  19 * year,  "Lactation 14-18 y"sv,  360, K::rda, 300,  350,  400, C},
    row{P::lactation, 19 * year,  31 * year,  "Lactation 19-30 y"sv,  310, K::rda, 255,  350,  400, C},
    row{P::lactation, 31 * year,  51 * year,  "Lactation 31-50 y"sv,  320, K::rda, 265,  350,  400, C},
};

// EFSA 2015 (EFSA Journal 13(7):4186): adequate intakes only (no AR or PRI could be set), [C].
// EFSA's "7-11 months" is the second half of the first year, [6, 12) months by exact age. The
// supplemental UL is the SCF's 250 mg from 4 years (SCF 2001 / EFSA 2006), none below 4 years,
// so the "3 to < 10 years" AI band is split at the 4th birthday. Pregnancy and lactation: the AI
// of other women; a girl under 18 gets the girls' AI (reference.hpp).
inline constexpr std::array efsa_2015{
    row{P::everyone,  6,          year,       "7-11 months"sv,        80, K::ai, none, none, none, C},
    row{P::everyone,  1 * year,   3 * year,   "1 to < 3 years"sv,    170, K::ai, none, none, none, C},
    row{P::everyone,  3 * year,   4 * year,   "3 to < 10 years (under 4)"sv, 230, K::ai, none, none, none, C},
    row{P::everyone,  4 * year,   10 * year,  "3 to < 10 years (from 4)"sv, 230, K::ai, none, 250,  none, C},
    row{P::males,     10 * year,  18 * year,  "10 to < 18 years"sv,  300, K::ai, none, 250,  none, C},
    row{P::males,     18 * year,  max_age,    ">= 18 years"sv,       350, K::ai, none, 250,  none, C},
    row{P::females,   10 * year,  18 * year,  "10 to < 18 years"sv,  250, K::ai, none, 250,  none, C},
    row{P::females,   18 * year,  max_age,    ">= 18 years"sv,       300, K::ai, none, 250,  none, C},
    row{P::pregnancy, 18 * year,  max_age,    "Pregnancy"sv,         300, K::ai, none, 250,  none, C},
    row{P::lactation, 18 * year,  max_age,    "Lactation"sv,         300, K::ai, none, 250,  none, C},
};

// WHO/FAO 2004, 2nd edition, Annex 1 (p. 338): RNIs, [S] (the 2002 edition differs in five
// cells; it is not this table). No EAR, no supplemental UL. The source's "51-65 years" and "65+
// years" meet at 65: "65+" is read as from the 65th birthday. Pregnancy (every trimester 220) and
// lactation (0-3, 3-6, 7-12 months after birth, every one 270) are single values at every age.
inline constexpr std::array who_2004{
    row{P::everyone,  0,          6,          "Infants 0-6 months, breast-fed"sv,  26, K::rni, none, none, none, S, infant_feeding::breast_fed},
    row{P::everyone,  0,          6,          "Infants 0-6 months, formula-fed"sv, 36, K::rni, none, none, none, S, infant_feeding::formula_fed},
    row{P::everyone,  6,          year,       "Infants 7-12 months"sv,             54, K::rni, none, none, none, S},
    row{P::everyone,  1 * year,   4 * year,   "Children 1-3 years"sv,              60, K::rni, none, none, none, S},
    row{P::everyone,  4 * year,   7 * year,   "Children 4-6 years"sv,              76, K::rni, none, none, none, S},
    row{P::everyone,  7 * year,   10 * year,  "Children 7-9 years"sv,             100, K::rni, none, none, none, S},
    row{P::males,     10 * year,  19 * year,  "Adolescents, males 10-18 years"sv, 230, K::rni, none, none, none, S},
    row{P::males,     19 * year,  65 * year,  "Males 19-65 years"sv,              260, K::rni, none, none, none, S},
    row{P::males,     65 * year,  max_age,    "Males 65+ years"sv,                224, K::rni, none, none, none, S},
    row{P::females,   10 * year,  19 * year,  "Adolescents, females 10-18 years"sv, 220, K::rni, none, none, none, S},
    row{P::females,   19 * year,  51 * year,  "Females 19-50 years"sv,            220, K::rni, none, none, none, S},
    row{P::females,   51 * year,  65 * year,  "Females 51-65 years"sv,            220, K::rni, none, none, none, S},
    row{P::females,   65 * year,  max_age,    "Females 65+ years"sv,              190, K::rni, none, none, none, S},
    row{P::pregnancy, 10 * year,  max_age,    "Pregnancy (every trimester)"sv,    220, K::rni, none, none, none, S},
    row{P::lactation, 10 * year,  max_age,    "Lactation (0-12 months after birth)"sv, 270, K::rni, none, none, none, S},
};

// COMA 1991 (DH Report 41): the RNI rows confirmed in secondary copies only, [S]. Not shipped
// (not confirmed): the LRNI and EAR columns, the infant rows, pregnancy and lactation.
inline constexpr std::array coma_1991{
    row{P::everyone, 1 * year,   4 * year,   "1-3 years"sv,      85, K::rni, none, none, none, S},
    row{P::everyone, 4 * year,   7 * year,   "4-6 years"sv,     120, K::rni, none, none, none, S},
    row{P::everyone, 7 * year,   11 * year,  "7-10 years"sv,    200, K::rni, none, none, none, S},
    row{P::everyone, 11 * year,  15 * year,  "11-14 years"sv,   280, K::rni, none, none, none, S},
    row{P::everyone, 15 * year,  19 * year,  "15-18 years"sv,   300, K::rni, none, none, none, S},
    row{P::males,    19 * year,  max_age,    "Men 19+ years"sv,   300, K::rni, none, none, none, S},
    row{P::females,  19 * year,  max_age,    "Women 19+ years"sv, 270, K::rni, none, none, none, S},
};

// D-A-CH, derived 2021 (DGE "Referenzwert Magnesium"): estimated values for an adequate intake
// ("Schaetzwerte"), every row, [C]. Bands are half-open in the source ("4 bis unter 7 Jahre").
// No increment for pregnancy or lactation; no upper level.
inline constexpr std::array dach_2021{
    row{P::everyone,  0,          4,          "0 to < 4 months"sv,   24, K::ai, none, none, none, C},
    row{P::everyone,  4,          year,       "4 to < 12 months"sv,  80, K::ai, none, none, none, C},
    row{P::everyone,  1 * year,   4 * year,   "1 to < 4 years"sv,   170, K::ai, none, none, none, C},
    row{P::everyone,  4 * year,   7 * year,   "4 to < 7 years"sv,   190, K::ai, none, none, none, C},
    row{P::everyone,  7 * year,   10 * year,  "7 to < 10 years"sv,  240, K::ai, none, none, none, C},
    row{P::males,     10 * year,  13 * year,  "10 to < 13 years"sv, 260, K::ai, none, none, none, C},
    row{P::males,     13 * year,  15 * year,  "13 to < 15 years"sv, 280, K::ai, none, none, none, C},
    row{P::males,     15 * year,  19 * year,  "15 to < 19 years"sv, 330, K::ai, none, none, none, C},
    row{P::males,     19 * year,  max_age,    "19 years and over"sv, 350, K::ai, none, none, none, C},
    row{P::females,   10 * year,  13 * year,  "10 to < 13 years"sv, 230, K::ai, none, none, none, C},
    row{P::females,   13 * year,  15 * year,  "13 to < 15 years"sv, 240, K::ai, none, none, none, C},
    row{P::females,   15 * year,  19 * year,  "15 to < 19 years"sv, 260, K::ai, none, none, none, C},
    row{P::females,   19 * year,  max_age,    "19 years and over"sv, 300, K::ai, none, none, none, C},
    row{P::pregnancy, 10 * year,  max_age,    "Pregnant"sv,         300, K::ai, none, none, none, C},
    row{P::lactation, 10 * year,  max_age,    "Breastfeeding"sv,    300, K::ai, none, none, none, C},
};

// clang-format on

/// An authority's rows (anz: IOM's, which the ANZ NRV adopted).
constexpr std::span<const row> table_of(authority a) noexcept {
    switch (a) {
        case authority::iom:
        case authority::anz: return iom_1997;
        case authority::efsa: return efsa_2015;
        case authority::who: return who_2004;
        case authority::uk: return coma_1991;
        case authority::dach: return dach_2021;
    }
    return iom_1997;
}

constexpr bool applies_to(const row& r, population who, infant_feeding feeding) noexcept {
    if (r.feeding != infant_feeding::unspecified && r.feeding != feeding) return false;
    if (r.who == who) return true;
    return r.who == population::everyone && (who == population::males || who == population::females);
}

// The compile-time proofs that every table's bands tile the ages without gaps or overlaps, and that
// IOM's pregnancy row is the higher requirement, are in src/people/reference_tables.cpp: compiled
// once with the library instead of in every file that includes this header.

constexpr bool in_band(const row& r, double months) noexcept {
    if (months < r.from_months) return false;
    return months < r.to_months || (r.to_months == max_age && months <= max_age);
}

inline constexpr std::size_t no_row = static_cast<std::size_t>(-1);

/// The position in `table` of a population's row at an age, or no_row where the table has none.
/// A position, not a pointer: GCC 12 with -fsanitize=undefined checks a pointer into the table
/// against null in a way it cannot then evaluate in a constant expression.
constexpr std::size_t find_row(std::span<const row> table, population who, double months, infant_feeding feeding) {
    for (std::size_t i = 0; i < table.size(); ++i)
        if (applies_to(table[i], who, feeding) && in_band(table[i], months)) return i;
    return no_row;
}

}  // namespace detail::reference_tables
}  // namespace mgcalc
