// src/people/reference_tables.cpp - compile-time proofs about the reference-intake tables of
// mgcalc/people/reference_tables.hpp.
//
// They hold for the data, not for a program that uses it, so they are proven once, when the
// library is built, rather than by every file that includes the header (docs/performance.md,
// "Compile time"). A table edited into a gap, an overlap or a lower IOM pregnancy row does not build.
#include <mgcalc/people/reference_tables.hpp>

#include <span>

namespace mgcalc::detail::reference_tables {
namespace {

// Compile-time proof that the bands of a population tile [from, to) with no gap and no overlap
// (the CRON-o-Meter "holes between 3 and 4 years" pitfall), in table order.
constexpr bool contiguous(std::span<const row> table, population who, int from, int to,
                          infant_feeding feeding = infant_feeding::breast_fed) {
    int expected = from;
    for (const row& r : table) {
        if (!applies_to(r, who, feeding)) continue;
        if (r.from_months != expected || r.to_months <= r.from_months) return false;
        expected = r.to_months;
    }
    return expected == to;
}

static_assert(contiguous(iom_1997, P::males, 0, max_age) && contiguous(iom_1997, P::females, 0, max_age));
static_assert(contiguous(iom_1997, P::pregnancy, 14 * year, 51 * year) &&
              contiguous(iom_1997, P::lactation, 14 * year, 51 * year));
static_assert(contiguous(efsa_2015, P::males, 6, max_age) && contiguous(efsa_2015, P::females, 6, max_age));
static_assert(contiguous(efsa_2015, P::pregnancy, 18 * year, max_age) &&
              contiguous(efsa_2015, P::lactation, 18 * year, max_age));
static_assert(contiguous(who_2004, P::males, 0, max_age, infant_feeding::breast_fed) &&
              contiguous(who_2004, P::males, 0, max_age, infant_feeding::formula_fed) &&
              contiguous(who_2004, P::females, 0, max_age, infant_feeding::breast_fed) &&
              contiguous(who_2004, P::females, 0, max_age, infant_feeding::formula_fed));
static_assert(contiguous(who_2004, P::pregnancy, 10 * year, max_age) &&
              contiguous(who_2004, P::lactation, 10 * year, max_age));
static_assert(contiguous(coma_1991, P::males, 1 * year, max_age) && contiguous(coma_1991, P::females, 1 * year, max_age));
static_assert(contiguous(dach_2021, P::males, 0, max_age) && contiguous(dach_2021, P::females, 0, max_age));
static_assert(contiguous(dach_2021, P::pregnancy, 10 * year, max_age) &&
              contiguous(dach_2021, P::lactation, 10 * year, max_age));

// IOM 1997 p. 239: pregnancy raises the EAR by 35 mg while lactation adds nothing (p. 241), so
// the pregnancy row is the higher requirement in every IOM age band.
constexpr bool iom_pregnancy_is_higher() {
    for (const row& p : iom_1997) {
        if (p.who != P::pregnancy) continue;
        for (const row& l : iom_1997)
            if (l.who == P::lactation && l.from_months == p.from_months &&
                !(p.target > l.target && *p.ear > *l.ear && *p.ul >= *l.ul && *p.dv >= *l.dv))
                return false;
    }
    return true;
}
static_assert(iom_pregnancy_is_higher());

}  // namespace
}  // namespace mgcalc::detail::reference_tables
