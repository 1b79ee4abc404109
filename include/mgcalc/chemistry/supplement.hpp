// mgcalc/chemistry/supplement.hpp - a dose of a magnesium supplement.
//
// A Supplement Facts label states elemental magnesium (FDA 21 CFR 101.36; docs/sources.md), so
// that is the default basis of a dose. A dose may instead be a mass of the
// compound ("2 g of magnesium L-threonate powder"), converted by stoichiometry, or a compound
// mass with the product's own stated strength ("144 mg elemental per 2 g"), which overrides
// stoichiometry because commercial products are often buffered or hydrated.
//
// Header-only, except the text syntax (parse_supplement_dose), which reads numbers with the
// compiled library's number reader and links libmgcalc.
#pragma once

#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/detail/limits.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/limits.hpp>
#include <mgcalc/result.hpp>
#include <mgcalc/units.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace mgcalc {

/// What a dose amount measures.
enum class dose_basis {
    elemental,  ///< elemental magnesium, as on a Supplement Facts label (the default)
    compound,   ///< mass of the compound (salt, hydrate) as weighed
};
/// "elemental", "compound".
constexpr std::string_view to_string(dose_basis basis) noexcept {
    return basis == dose_basis::compound ? "compound" : "elemental";
}

/// A product's own statement of strength: `elemental` magnesium in `per_compound_mass` of it.
struct label_strength {
    milligrams elemental;
    milligrams per_compound_mass;
};

/// A dose of one compound. It refers to its compound, which must outlive it: the compounds of
/// compounds() and unspecified_form() live as long as the program, and a temporary compound
/// does not compile (the constructors taking one are deleted).
class supplement_dose {
public:
    /// Throws mgcalc::error (invalid_amount) for a negative, non-finite or implausible amount
    /// (more than 5 g elemental or 50 g of compound in one dose; see docs/model.md), and
    /// (unknown_compound) for a compound mass of unspecified_form(): its form must be named.
    supplement_dose(const compound& form, milligrams amount, dose_basis basis = dose_basis::elemental);
    /// A compound mass whose elemental content follows the product label, not stoichiometry.
    /// Throws like the constructor above.
    supplement_dose(const compound& form, milligrams compound_mass, label_strength label);
    /// A dose of a temporary compound would point at a destroyed compound.
    supplement_dose(const compound&& form, milligrams amount, dose_basis basis = dose_basis::elemental) = delete;
    supplement_dose(const compound&& form, milligrams compound_mass, label_strength label) = delete;

    const compound& form() const noexcept { return *form_; }
    milligrams amount() const noexcept { return amount_; }
    dose_basis basis() const noexcept { return basis_; }
    const std::optional<label_strength>& label() const noexcept { return label_; }

    /// Elemental magnesium delivered: what counts toward the RDA and the supplemental UL.
    milligrams elemental() const;
    /// Mass of compound swallowed (computed by stoichiometry for elemental doses). Throws
    /// mgcalc::error (unknown_compound) for unspecified_form(), which has no compound mass.
    milligrams compound_mass() const;
    /// "200 mg elemental magnesium as magnesium bisglycinate"; "100 mg elemental magnesium, form
    /// not stated".
    std::string description() const;

private:
    void check_plausible() const;

    const compound* form_;
    milligrams amount_;
    dose_basis basis_;
    std::optional<label_strength> label_;
};

/// Parses "COMPOUND=AMOUNT UNIT [elemental|compound][, LABEL_MG mg per AMOUNT UNIT]", e.g.
/// "glycinate=200 mg", "oxide=500 mg compound", "threonate=2 g compound, 144 mg per 2 g"; the
/// same without "=" ("mag glycinate 200 mg"); or amount first, "AMOUNT UNIT [of] COMPOUND
/// [elemental|compound]" ("200 mg magnesium glycinate", "500 mg of magnesium oxide compound").
/// "magnesium 100 mg" is elemental magnesium of a form not stated (unspecified_form()).
/// Units: mg, g. Throws mgcalc::error (parse_error, unknown_compound, unknown_unit, invalid_amount);
/// docs/compounds.md, "Dose syntax". Compiled: links libmgcalc.
supplement_dose parse_supplement_dose(std::string_view text);
/// parse_supplement_dose's twin: the error instead of throwing it. Compiled: links libmgcalc.
result<supplement_dose> try_parse_supplement_dose(std::string_view text);
/// One `unit` ("mg", "g") of `form` on `basis` ("elemental", "compound" or empty for elemental),
/// read as parse_supplement_dose reads "ID=1 UNIT BASIS": what a column of amounts in that unit
/// multiplies (the batch files' supplements, the C API). Throws like parse_supplement_dose
/// (unknown_unit, parse_error for another basis). Compiled: links libmgcalc.
supplement_dose one_unit_dose(const compound& form, std::string_view unit, std::string_view basis);

// ---------------------------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------------------------

namespace detail {

// The plausibility limits for ONE dose (mgcalc/limits.hpp; docs/compounds.md, "Plausibility limits").
inline std::string accepted_dose_amounts() {
    return concat({"accepted: a finite amount from 0 to ", decimal(limits::max_elemental_mg_per_dose, 0),
                  " mg of elemental magnesium and at most ", decimal(limits::max_compound_mg_per_dose / 1000.0, 0),
                  " g of compound per dose (mgcalc's plausibility limits)"});
}

/// "Magnesium oxide" -> "magnesium oxide" for use inside a sentence; "MgO" stays.
inline std::string in_sentence(std::string_view name) {
    std::string out(name);
    if (out.size() > 1 && out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z') out[0] = ascii_lower(out[0]);
    return out;
}

inline void check_dose_amount(std::string_view what, milligrams amount) {
    const std::string_view problem = amount_problem(amount.value());
    if (problem.empty()) return;
    throw error(errc::invalid_amount,
                concat({what, " ", decimal(amount.value(), 3), " mg ", problem, "; ", accepted_dose_amounts()}));
}

// A compound mass converts to magnesium only through a named compound's formula or label.
inline void require_named_form(const compound& form, milligrams compound_mass) {
    if (form.form_known()) return;
    throw error(errc::unknown_compound,
                concat({"a compound mass of ", to_string(compound_mass),
                       " needs its compound named: magnesium of a form not stated has no formula to convert by; "
                       "accepted: the elemental amount (\"magnesium=200 mg\") or the compound's name "
                       "(\"citrate=2 g compound\")"}));
}

}  // namespace detail

inline supplement_dose::supplement_dose(const compound& form, milligrams amount, dose_basis basis)
    : form_(&form), amount_(amount), basis_(basis) {
    detail::check_dose_amount(basis == dose_basis::elemental ? "elemental amount" : "compound mass", amount);
    if (basis == dose_basis::compound) detail::require_named_form(form, amount);
    check_plausible();
}

inline supplement_dose::supplement_dose(const compound& form, milligrams compound_mass, label_strength label)
    : form_(&form), amount_(compound_mass), basis_(dose_basis::compound), label_(label) {
    detail::check_dose_amount("compound mass", compound_mass);
    detail::require_named_form(form, compound_mass);
    detail::check_dose_amount("label elemental amount", label.elemental);
    detail::check_dose_amount("label compound amount", label.per_compound_mass);
    const auto stated = [&] {
        return detail::concat({"label strength \"", to_string(label.elemental), " per ",
                              to_string(label.per_compound_mass), "\""});
    };
    if (label.per_compound_mass.value() == 0.0) {
        throw error(errc::invalid_amount,
                    detail::concat({stated(), " has a zero compound amount; accepted: a compound amount above 0 mg"}));
    }
    if (label.elemental > label.per_compound_mass) {
        throw error(errc::invalid_amount,
                    detail::concat({stated(), " states more magnesium than compound; accepted: an elemental amount no "
                                           "larger than the compound amount it is in (e.g. 144 mg per 2000 mg)"}));
    }
    check_plausible();
}

// Called at the end of each constructor, once elemental() and compound_mass() are defined.
inline void supplement_dose::check_plausible() const {
    const milligrams magnesium = elemental();
    if (magnesium.value() > limits::max_elemental_mg_per_dose) {
        throw error(errc::invalid_amount,
                    detail::concat({detail::decimal_beyond(magnesium.value(), limits::max_elemental_mg_per_dose, 1),
                                    " mg of elemental magnesium as ", detail::in_sentence(form_->name),
                                   " in one dose is implausible (a g/mg mix-up?); ", detail::accepted_dose_amounts()}));
    }
    if (!form_->form_known()) return;  // no compound to weigh
    const milligrams swallowed = compound_mass();
    if (swallowed.value() > limits::max_compound_mg_per_dose) {
        throw error(errc::invalid_amount,
                    detail::concat({detail::decimal_beyond(swallowed.value(), limits::max_compound_mg_per_dose, 1),
                                    " mg of ", detail::in_sentence(form_->name),
                                   " in one dose is implausible (a g/mg mix-up?); ", detail::accepted_dose_amounts()}));
    }
}

inline milligrams supplement_dose::elemental() const {
    if (basis_ == dose_basis::elemental) return amount_;
    if (label_) {
        // Both label amounts are milligrams, so the ratio of their values is a pure number.
        return amount_ * (label_->elemental.value() / label_->per_compound_mass.value());
    }
    return elemental_magnesium(*form_, amount_);
}

inline milligrams supplement_dose::compound_mass() const {
    if (basis_ == dose_basis::compound) return amount_;
    return compound_mass_for(*form_, amount_);
}

inline std::string supplement_dose::description() const {
    if (!form_->form_known()) return detail::concat({to_string(amount_), " elemental magnesium, form not stated"});
    const std::string name = detail::in_sentence(form_->name);
    if (basis_ == dose_basis::elemental) return detail::concat({to_string(amount_), " elemental magnesium as ", name});
    std::string out = detail::concat({to_string(amount_), " ", name, " (", to_string(elemental()), " elemental"});
    if (label_) {
        out += detail::concat({" per label: ", to_string(label_->elemental), " per ", to_string(label_->per_compound_mass)});
    }
    out += ')';
    return out;
}

}  // namespace mgcalc
