// Supplement doses and their text syntax (mgcalc/supplement.hpp).
//
//   COMPOUND=AMOUNT UNIT [elemental|compound][, LABEL_MG UNIT [elemental] per AMOUNT UNIT]
//
//   glycinate=200 mg                              200 mg elemental Mg (a Supplement Facts label)
//   oxide=500 mg compound                         500 mg of MgO, stoichiometry gives 301.5 mg Mg
//   threonate=2 g compound, 144 mg per 2 g        the product's own strength overrides stoichiometry
//
// Units: mg (milligram, milligrams) and g (gram, grams). The syntax is documented in
// docs/compounds.md, "Dose syntax".
#include <mgcalc/error.hpp>
#include <mgcalc/supplement.hpp>

#include "detail/limits.hpp"
#include "detail/text.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace mgcalc {

namespace {

// mgcalc's plausibility limits for ONE dose (docs/model.md and docs/compounds.md,
// "Plausibility limits"). They are not safety thresholds: they catch unit and typing mistakes
// (a g/mg mix-up multiplies by 1000) while letting any real product or laxative dose through.
// 5,000 mg elemental is more than 14 times the adult supplemental UL of 350 mg (IOM 1997).
constexpr double max_elemental_mg_per_dose = 5'000.0;
// 50 g of compound: 50 g of Epsom salt (the most dilute common form used in gram amounts) is
// already a laxative overdose.
constexpr double max_compound_mg_per_dose = 50'000.0;

const std::string& accepted_amounts() {
    static const std::string text =
        "accepted: a finite amount from 0 to " + detail::format_number(max_elemental_mg_per_dose, 0) +
        " mg of elemental magnesium and at most " + detail::format_number(max_compound_mg_per_dose / 1000.0, 0) +
        " g of compound per dose (mgcalc's plausibility limits)";
    return text;
}

// "Magnesium oxide" -> "magnesium oxide" for use inside a sentence.
std::string in_sentence(std::string_view name) {
    std::string out(name);
    if (out.size() > 1 && out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    }
    return out;
}

std::string mg_text(milligrams amount) { return detail::format_number(amount.value(), 1) + " mg"; }

void check_finite_non_negative(std::string_view what, milligrams amount) {
    const double value = amount.value();
    const std::string problem(detail::amount_problem(value));
    if (problem.empty()) return;
    throw error(errc::invalid_amount, "supplement_dose: " + std::string(what) + " " +
                                          detail::format_number(value, 3) + " mg " + problem + "; " +
                                          accepted_amounts());
}

// The message of an mgcalc::error without its "[mgcalc.<code>] " prefix, to re-throw it with
// the text being parsed in front.
std::string message_of(const error& e) {
    const std::string_view what = e.what();
    const auto end = what.find("] ");
    return std::string(end == std::string_view::npos ? what : what.substr(end + 2));
}

enum class mass_unit { milligram, gram };

constexpr std::string_view accepted_units = "mg (milligram, milligrams), g (gram, grams)";
constexpr std::string_view dose_syntax =
    "syntax: COMPOUND=AMOUNT UNIT [elemental|compound][, LABEL_MG mg per AMOUNT UNIT], e.g. \"glycinate=200 mg\", "
    "\"oxide=500 mg compound\", \"threonate=2 g compound, 144 mg per 2 g\"";

class dose_parser {
public:
    explicit dose_parser(std::string_view text) : text_(text) {}

    supplement_dose parse() {
        const auto equals = text_.find('=');
        if (equals == std::string_view::npos) {
            fail(errc::parse_error, "missing \"=\" between the compound and the amount");
        }
        const std::string_view compound_text = detail::trim(text_.substr(0, equals));
        if (compound_text.empty()) fail(errc::parse_error, "missing compound before \"=\"");

        const compound* form = lookup_compound(compound_text);
        if (form == nullptr) {
            try {
                (void)find_compound(compound_text);  // throws with the list of accepted ids
            } catch (const error& e) {
                rethrow(e);
            }
            fail(errc::unknown_compound, "unknown compound \"" + std::string(compound_text) + "\"");
        }

        const std::vector<std::string_view> parts = detail::split(text_.substr(equals + 1), ',');
        if (parts.size() > 2) {
            fail(errc::parse_error, "more than one \",\" (a comma starts the label strength; write thousands "
                                    "without a separator, e.g. 2000 mg)");
        }

        // AMOUNT UNIT [elemental|compound]
        const std::vector<std::string> amount_tokens = tokens(parts[0]);
        if (amount_tokens.empty()) fail(errc::parse_error, "missing amount after \"=\"");
        const double number = number_at(amount_tokens, 0, "the amount after \"=\"");
        if (amount_tokens.size() < 2) {
            // "2,000 mg" splits into "2" and "000 mg": say why the unit seems to be missing.
            const std::string hint = parts.size() > 1 ? "; a comma starts the label strength, so write thousands "
                                                        "without a separator, e.g. 2000 mg"
                                                      : "";
            fail(errc::parse_error, "missing unit after \"" + amount_tokens[0] + "\" (accepted units: " +
                                        std::string(accepted_units) + hint + ")");
        }
        const milligrams amount = to_milligrams(number, unit_at(amount_tokens, 1));
        std::optional<dose_basis> basis;
        if (amount_tokens.size() >= 3) {
            const std::string word = detail::to_lower(amount_tokens[2]);
            if (word == "elemental") {
                basis = dose_basis::elemental;
            } else if (word == "compound") {
                basis = dose_basis::compound;
            } else {
                fail(errc::parse_error, "\"" + amount_tokens[2] +
                                            "\" is not a dose basis (accepted after the unit: \"elemental\", the "
                                            "default, or \"compound\")");
            }
        }
        if (amount_tokens.size() > 3) {
            fail(errc::parse_error, "unexpected \"" + amount_tokens[3] + "\" after the dose basis");
        }

        try {
            if (parts.size() == 1) return supplement_dose(*form, amount, basis.value_or(dose_basis::elemental));
            if (basis != dose_basis::compound) {
                fail(errc::parse_error, "a label strength applies to a compound mass: write \"compound\" after the "
                                        "unit, e.g. \"threonate=2 g compound, 144 mg per 2 g\"");
            }
            return supplement_dose(*form, amount, parse_label(parts[1]));
        } catch (const error& e) {
            if (e.code() == errc::invalid_amount) rethrow(e);
            throw;
        }
    }

private:
    // LABEL_MG UNIT [elemental] per AMOUNT UNIT
    label_strength parse_label(std::string_view part) const {
        const std::vector<std::string> label_tokens = tokens(part);
        const std::string expected = "expected a label strength \"LABEL_MG mg per AMOUNT UNIT\" after the comma, e.g. "
                                     "\"144 mg per 2 g\", got \"" + std::string(part) + "\"";
        std::size_t per = 2;
        if (label_tokens.size() > 2 && detail::to_lower(label_tokens[2]) == "elemental") per = 3;
        if (label_tokens.size() != per + 3 || detail::to_lower(label_tokens[per]) != "per") {
            fail(errc::parse_error, expected + " (write thousands without a separator, e.g. 2000 mg)");
        }
        const double elemental = number_at(label_tokens, 0, "the label's elemental amount");
        const mass_unit elemental_unit = unit_at(label_tokens, 1);
        const double per_mass = number_at(label_tokens, per + 1, "the label's compound amount after \"per\"");
        const mass_unit per_unit = unit_at(label_tokens, per + 2);
        return label_strength{to_milligrams(elemental, elemental_unit), to_milligrams(per_mass, per_unit)};
    }

    // Splits on white space, and splits a number glued to its unit ("200mg" -> "200", "mg").
    static std::vector<std::string> tokens(std::string_view text) {
        std::vector<std::string> out;
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
            const std::size_t start = i;
            while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
            if (i == start) break;
            const std::string_view token = text.substr(start, i - start);
            const char first = token.front();
            const bool numeric_start = (first >= '0' && first <= '9') || first == '.' || first == '-' || first == '+';
            std::size_t letters = std::string_view::npos;
            if (numeric_start && !detail::parse_double(token)) {
                for (std::size_t k = 1; k < token.size(); ++k) {
                    const char c = token[k];
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                        letters = k;
                        break;
                    }
                }
            }
            if (letters != std::string_view::npos) {
                out.emplace_back(token.substr(0, letters));
                out.emplace_back(token.substr(letters));
            } else {
                out.emplace_back(token);
            }
        }
        return out;
    }

    double number_at(const std::vector<std::string>& list, std::size_t index, std::string_view what) const {
        const auto value = detail::parse_double(list[index]);
        if (!value) fail(errc::parse_error, "expected a number for " + std::string(what) + ", got \"" + list[index] + "\"");
        return *value;
    }

    mass_unit unit_at(const std::vector<std::string>& list, std::size_t index) const {
        const std::string word = detail::to_lower(list[index]);
        if (word == "mg" || word == "milligram" || word == "milligrams") return mass_unit::milligram;
        if (word == "g" || word == "gram" || word == "grams") return mass_unit::gram;
        fail(errc::unknown_unit,
             "unknown unit \"" + list[index] + "\" (accepted units: " + std::string(accepted_units) + ")");
    }

    static milligrams to_milligrams(double number, mass_unit unit) {
        using namespace unit_symbols;
        return unit == mass_unit::gram ? in_milligrams(number * g) : number * mg;
    }

    [[noreturn]] void fail(errc code, const std::string& what) const {
        throw error(code, "parse_supplement_dose: " + what + " in \"" + std::string(text_) + "\"; " +
                              std::string(dose_syntax));
    }

    [[noreturn]] void rethrow(const error& e) const {
        throw error(e.code(), "parse_supplement_dose: in \"" + std::string(text_) + "\": " + message_of(e));
    }

    std::string_view text_;
};

// Called at the end of each constructor, once elemental() and compound_mass() are defined.
void check_plausible(const supplement_dose& dose) {
    const milligrams magnesium = dose.elemental();
    if (magnesium.value() > max_elemental_mg_per_dose) {
        throw error(errc::invalid_amount, "supplement_dose: " + mg_text(magnesium) + " of elemental magnesium as " +
                                              in_sentence(dose.form().name) +
                                              " in one dose is implausible (a g/mg mix-up?); " + accepted_amounts());
    }
    const milligrams swallowed = dose.compound_mass();
    if (swallowed.value() > max_compound_mg_per_dose) {
        throw error(errc::invalid_amount, "supplement_dose: " + mg_text(swallowed) + " of " +
                                              in_sentence(dose.form().name) +
                                              " in one dose is implausible (a g/mg mix-up?); " + accepted_amounts());
    }
}

}  // namespace

std::string_view to_string(dose_basis basis) noexcept {
    switch (basis) {
        case dose_basis::elemental: return "elemental";
        case dose_basis::compound: return "compound";
    }
    return "elemental";
}

supplement_dose::supplement_dose(const compound& form, milligrams amount, dose_basis basis)
    : form_(&form), amount_(amount), basis_(basis) {
    check_finite_non_negative(basis == dose_basis::elemental ? "elemental amount" : "compound mass", amount);
    check_plausible(*this);
}

supplement_dose::supplement_dose(const compound& form, milligrams compound_mass, label_strength label)
    : form_(&form), amount_(compound_mass), basis_(dose_basis::compound), label_(label) {
    check_finite_non_negative("compound mass", compound_mass);
    check_finite_non_negative("label elemental amount", label.elemental);
    check_finite_non_negative("label compound amount", label.per_compound_mass);
    if (label.per_compound_mass.value() == 0.0) {
        throw error(errc::invalid_amount, "supplement_dose: label strength \"" + mg_text(label.elemental) + " per " +
                                              mg_text(label.per_compound_mass) +
                                              "\" has a zero compound amount; accepted: a compound amount above 0 mg");
    }
    if (label.elemental > label.per_compound_mass) {
        throw error(errc::invalid_amount,
                    "supplement_dose: label strength \"" + mg_text(label.elemental) + " per " +
                        mg_text(label.per_compound_mass) +
                        "\" states more magnesium than compound; accepted: an elemental amount no larger than the "
                        "compound amount it is in (e.g. 144 mg per 2000 mg)");
    }
    check_plausible(*this);
}

milligrams supplement_dose::elemental() const {
    if (basis_ == dose_basis::elemental) return amount_;
    if (label_) {
        // Both label amounts are milligrams, so the ratio of their values is a pure number.
        return amount_ * (label_->elemental.value() / label_->per_compound_mass.value());
    }
    return elemental_magnesium(*form_, amount_);
}

milligrams supplement_dose::compound_mass() const {
    if (basis_ == dose_basis::compound) return amount_;
    return compound_mass_for(*form_, amount_);
}

std::string supplement_dose::description() const {
    const std::string name = in_sentence(form_->name);
    if (basis_ == dose_basis::elemental) return mg_text(amount_) + " elemental magnesium as " + name;
    std::string out = mg_text(amount_) + " " + name + " (" + mg_text(elemental()) + " elemental";
    if (label_) out += " per label: " + mg_text(label_->elemental) + " per " + mg_text(label_->per_compound_mass);
    return out + ")";
}

supplement_dose parse_supplement_dose(std::string_view text) { return dose_parser(text).parse(); }

}  // namespace mgcalc
