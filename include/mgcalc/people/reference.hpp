// mgcalc/people/reference.hpp - reference intakes for magnesium by life stage, from the chosen
// authority's table (IOM 1997 by default).
//
// The tables: people/reference_tables.hpp; side by side with the rules: docs/reference-intakes.md;
// every number and its source: docs/sources.md. Header-only and constexpr: the reference intakes
// of a life stage made from numbers are a constant expression.
#pragma once

#include <mgcalc/error.hpp>
#include <mgcalc/people/authority.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/people/reference_tables.hpp>
#include <mgcalc/result.hpp>
#include <mgcalc/units.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

struct reference_intakes {
    mgcalc::authority authority_id = authority::iom;
    std::string_view authority;   ///< the table's name: "IOM 1997", "EFSA 2015"
    std::string_view life_stage;  ///< the row used, in the authority's words: "Females 19-30 y", "1 to < 3 years"
    milligrams target;            ///< the RDA, AI, PRI or RNI
    mgcalc::target_kind target_kind;
    /// Estimated Average Requirement; none where the authority set none (IOM infants, EFSA,
    /// WHO/FAO, the UK rows mgcalc ships, D-A-CH).
    std::optional<milligrams> ear;
    /// Upper level for magnesium from supplements and medicines only, never food; none where
    /// the authority established none (then no over-UL finding is made).
    std::optional<milligrams> ul_supplemental;
    /// US label Daily Value (IOM table only; FDA 2016).
    std::optional<milligrams> dv;
    std::string_view source;  ///< the citation of the table
    mgcalc::confidence confidence = confidence::confirmed;  ///< of the target value
    /// Why a row other than the obvious one was used (pregnancy outside the ages a table covers,
    /// both pregnant and lactating); empty otherwise.
    std::string_view note;
};

/// One row of an authority's table as it is published (`mgcalc reference --authority X --list`).
struct reference_row {
    std::string_view population;  ///< "everyone", "males", "females", "pregnancy" or "lactation"
    int from_months;              ///< the band [from_months, to_months) by exact age
    int to_months;                ///< 1440 (120 years) for the last band, which includes it
    std::string_view life_stage;  ///< the authority's own label: "1 to < 3 years"
    milligrams target;
    mgcalc::target_kind target_kind;
    std::optional<milligrams> ear;
    std::optional<milligrams> ul_supplemental;
    std::optional<milligrams> dv;
    mgcalc::confidence confidence;
    mgcalc::infant_feeding feeding;  ///< unspecified except on WHO/FAO's 0-6 month rows
};

/// Every row of an authority's table, in the table's order (anz: IOM 1997's rows). A template only
/// so that its body is compiled where it is called, not in every includer (as evaluate()).
template <class = void>
std::vector<reference_row> reference_table(authority a);

/// The one line a report prints where the table sets no supplemental UL: "No supplemental upper
/// limit: WHO/FAO 2004 sets none for a female, 30 years, so no over-UL finding is made."
inline std::string no_ul_sentence(const reference_intakes& r) {
    return detail::concat({"No supplemental upper limit: ", r.authority, " sets none for ", r.life_stage,
                           ", so no over-UL finding is made."});
}

/// The reference intakes of a life stage in an authority's table. Bands are half-open by exact
/// age. Throws mgcalc::error (not_covered) where the table has no row for the life stage (EFSA
/// below 6 months, UK below 1 year or in pregnancy or lactation, WHO/FAO 0-6 months when the
/// infant's feeding is not given), naming the authority and what its table covers.
constexpr reference_intakes reference_intakes_for(const life_stage& stage, authority a = authority::iom);
/// reference_intakes_for's twin: the error instead of throwing it.
inline result<reference_intakes> try_reference_intakes_for(const life_stage& stage, authority a = authority::iom) {
    return detail::try_parse([&] { return reference_intakes_for(stage, a); });
}
/// The IOM 1997 reference intakes (reference_intakes_for(stage, authority::iom)); every life
/// stage has one. IOM's bands: [0, 6 months), [6, 12 months), [1, 4), [4, 9), [9, 14), [14, 19),
/// [19, 31), [31, 51), [51, 120] years.
constexpr reference_intakes iom_reference_intakes(const life_stage& stage) { return reference_intakes_for(stage); }

// ---------------------------------------------------------------------------------------------
// Implementation.
// ---------------------------------------------------------------------------------------------

namespace detail::reference_tables {

// Notes for the substitutions. String literals, so the string_view in the result never dangles,
// and string_view literals, which the compiler does not count character by character.
using namespace std::string_view_literals;
inline constexpr std::string_view note_young =
    "under 14 years: IOM 1997 tabulates pregnancy and lactation only from 14 years (\"<= 18 y\"), "
    "so the 14-18 y row is used"sv;
inline constexpr std::string_view note_old =
    "51 years or older: IOM 1997 tabulates pregnancy and lactation only to 50 years, so the 31-50 y row is used"sv;
inline constexpr std::string_view note_both =
    "pregnant and lactating: the pregnancy row is used, the higher requirement in every IOM 1997 age band"sv;
inline constexpr std::string_view note_both_young =
    "pregnant and lactating: the pregnancy row is used, the higher requirement in every IOM 1997 age band; "
    "under 14 years: IOM 1997 tabulates pregnancy only from 14 years (\"<= 18 y\"), so the 14-18 y row is used"sv;
inline constexpr std::string_view note_both_old =
    "pregnant and lactating: the pregnancy row is used, the higher requirement in every IOM 1997 age band; "
    "51 years or older: IOM 1997 tabulates pregnancy only to 50 years, so the 31-50 y row is used"sv;
inline constexpr std::string_view note_efsa_girl =
    "under 18 years: EFSA 2015 gives pregnant and lactating women the AI of other women, so the girls' "
    "10 to < 18 years AI is used"sv;
inline constexpr std::string_view note_both_lactation =
    "pregnant and lactating: the lactation row is used, the higher of the two"sv;
inline constexpr std::string_view note_both_pregnancy =
    "pregnant and lactating: the pregnancy row is used, the higher of the two"sv;
inline constexpr std::string_view note_both_equal =
    "pregnant and lactating: the pregnancy and lactation values are the same"sv;

inline constexpr std::string_view choose_another =
    "Choose another authority (iom covers every life stage)"sv;

[[noreturn]] inline void fail_not_covered(authority a, const life_stage& stage, std::string_view why,
                                          std::string_view what_to_do = choose_another) {
    const authority_info& who = info(a);
    throw error(errc::not_covered, concat({who.name, " has no magnesium value for a ", stage.to_string(), ": ", why,
                                           "; its table covers ", who.covers, ". ", what_to_do}));
}

constexpr std::optional<milligrams> mg(std::optional<double> value) {
    if (!value) return std::nullopt;
    return milligrams::from_value(*value);
}

// ANZ adopted IOM's numbers; that adoption is confirmed only through copies of the NRV text.
constexpr confidence confidence_of(authority a, const row& r) noexcept {
    return a == authority::anz ? confidence::secondary : r.conf;
}

constexpr reference_intakes from_row(authority a, const row& r, std::string_view note) {
    const authority_info& who = info(a);
    return reference_intakes{
        .authority_id = a,
        .authority = who.name,
        .life_stage = r.life_stage,
        .target = milligrams::from_value(r.target),
        .target_kind = r.kind,
        .ear = mg(r.ear),
        .ul_supplemental = mg(r.ul),
        .dv = mg(r.dv),
        .source = who.citation,
        .confidence = confidence_of(a, r),
        .note = note,
    };
}

// IOM 1997 tabulates pregnancy and lactation from 14 to 50 years: clamp into that span, the row
// keeping its own age label, and say so.
constexpr reference_intakes iom_reproductive(authority a, const life_stage& stage) {
    const bool both = stage.pregnant() && stage.lactating();
    const population who = stage.pregnant() ? population::pregnancy : population::lactation;
    double months = stage.age().in_months();
    std::string_view note = both ? note_both : std::string_view{};
    if (months < 14 * year) {
        months = 14 * year;
        note = both ? note_both_young : note_young;
    } else if (months >= 51 * year) {
        months = 51 * year - 1;
        note = both ? note_both_old : note_old;
    }
    return from_row(a, iom_1997[find_row(iom_1997, who, months, infant_feeding::unspecified)], note);
}

// Tables with pregnancy and lactation rows at every age they accept (WHO/FAO, D-A-CH) or from
// adulthood (EFSA: below 18 the girls' AI, as for other women). Both: the higher target.
constexpr reference_intakes other_reproductive(authority a, const life_stage& stage) {
    const std::span<const row> table = table_of(a);
    const double months = stage.age().in_months();
    const std::size_t pregnancy =
        stage.pregnant() ? find_row(table, population::pregnancy, months, infant_feeding::unspecified) : no_row;
    const std::size_t lactation =
        stage.lactating() ? find_row(table, population::lactation, months, infant_feeding::unspecified) : no_row;
    if (pregnancy == no_row && lactation == no_row) {
        if (a == authority::efsa) {
            return from_row(a, table[find_row(table, population::females, months, infant_feeding::unspecified)],
                            note_efsa_girl);
        }
        fail_not_covered(a, stage, "the table has no pregnancy or lactation values");
    }
    if (pregnancy != no_row && lactation != no_row) {
        const row& p = table[pregnancy];
        const row& l = table[lactation];
        if (l.target > p.target) return from_row(a, l, note_both_lactation);
        return from_row(a, p, p.target == l.target ? note_both_equal : note_both_pregnancy);
    }
    return from_row(a, table[pregnancy != no_row ? pregnancy : lactation], {});
}

}  // namespace detail::reference_tables

template <class>
std::vector<reference_row> reference_table(authority a) {
    namespace t = detail::reference_tables;
    constexpr std::string_view population_words[] = {"everyone", "males", "females", "pregnancy", "lactation"};
    std::vector<reference_row> rows;
    for (const t::row& r : t::table_of(a)) {
        rows.push_back({population_words[static_cast<std::size_t>(r.who)], r.from_months, r.to_months, r.life_stage,
                        milligrams::from_value(r.target), r.kind, t::mg(r.ear), t::mg(r.ul), t::mg(r.dv),
                        t::confidence_of(a, r), r.feeding});
    }
    return rows;
}

constexpr reference_intakes reference_intakes_for(const life_stage& stage, authority a) {
    namespace t = detail::reference_tables;
    if (stage.pregnant() || stage.lactating()) {
        if (a == authority::iom || a == authority::anz) return t::iom_reproductive(a, stage);
        return t::other_reproductive(a, stage);
    }
    const t::population who = stage.sex() == sex::male ? t::population::males : t::population::females;
    const std::span<const t::row> table = t::table_of(a);
    const std::size_t r = t::find_row(table, who, stage.age().in_months(), stage.infant_feeding());
    if (r == t::no_row) {
        // WHO/FAO's 0-6 month rows are by feeding: an infant without one is helped by giving it.
        if (a == authority::who && stage.infant_feeding() == infant_feeding::unspecified) {
            t::fail_not_covered(a, stage, "WHO/FAO gives 0-6 months two values, 26 mg breast-fed and 36 mg formula-fed",
                                "Give the infant's feeding, breast-fed or formula-fed (the profile's infant_feeding), "
                                "or choose another authority");
        }
        t::fail_not_covered(a, stage, "the age is outside its table");
    }
    return t::from_row(a, table[r], {});
}

}  // namespace mgcalc
