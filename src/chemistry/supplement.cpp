// The text syntax of supplement doses (mgcalc/chemistry/supplement.hpp; the doses themselves are
// header-only there).
//
//   COMPOUND=AMOUNT UNIT [elemental|compound][, LABEL_MG UNIT [elemental] per AMOUNT UNIT]
//   COMPOUND AMOUNT UNIT [elemental|compound][, LABEL ...]          the same, as people type it
//   AMOUNT UNIT [elemental|compound] [of] COMPOUND [elemental|compound][, LABEL ...]
//
//   glycinate=200 mg                              200 mg elemental Mg (a Supplement Facts label)
//   oxide=500 mg compound                         500 mg of MgO, stoichiometry gives 301.5 mg Mg
//   threonate=2 g compound, 144 mg per 2 g        the product's own strength overrides stoichiometry
//   mag glycinate 200 mg, 200 mg magnesium glycinate, 500 mg of magnesium oxide compound
//   magnesium 100 mg                              elemental magnesium of a form not stated
//
// Without "=", the first word that is a number (or a number glued to mg/g) starts the amount:
// words before it name the compound, and if it is the first word the compound follows the unit.
//
// Units: mg (milligram, milligrams) and g (gram, grams). The syntax is documented in
// docs/compounds.md, "Dose syntax".
#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/error.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace mgcalc {

namespace {

enum class mass_unit { milligram, gram };

std::optional<mass_unit> unit_named(std::string_view text) {
    const std::string word = detail::to_lower(text);
    if (word == "mg" || word == "milligram" || word == "milligrams") return mass_unit::milligram;
    if (word == "g" || word == "gram" || word == "grams") return mass_unit::gram;
    return std::nullopt;
}

std::optional<dose_basis> basis_named(std::string_view text) {
    const std::string word = detail::to_lower(text);
    if (word == "elemental") return dose_basis::elemental;
    if (word == "compound") return dose_basis::compound;
    return std::nullopt;
}

// Splits on white space.
std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

std::string joined(std::span<const std::string_view> list) {
    std::string out;
    for (std::string_view word : list) {
        if (!out.empty()) out += ' ';
        out += word;
    }
    return out;
}

// A word written as a number, even one too large or too small to hold ("1e400"), which the
// amount's check then names.
bool looks_like_number(std::string_view word) {
    double value = 0;
    return detail::read_decimal(word, value) != detail::decimal_reading::not_a_number;
}

// A number glued to its unit ("200mg") becomes two tokens; any other word stays one.
std::vector<std::string> unglued(std::string_view word) {
    const char first = word.front();
    const bool numeric_start = (first >= '0' && first <= '9') || first == '.' || first == '-' || first == '+';
    if (numeric_start && !looks_like_number(word)) {
        for (std::size_t k = 1; k < word.size(); ++k) {
            const char c = word[k];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return {std::string(word.substr(0, k)), std::string(word.substr(k))};
            }
        }
    }
    return {std::string(word)};
}

std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    for (std::string_view word : words(text)) {
        for (std::string& token : unglued(word)) out.push_back(std::move(token));
    }
    return out;
}

// Where a phrase without "=" has its amount: a number, or a number glued to a unit ("200mg");
// "7H2O" in a hydrate formula is neither.
bool starts_amount(std::string_view word) {
    const std::vector<std::string> parts = unglued(word);
    if (!looks_like_number(parts[0])) return false;
    return parts.size() == 1 || unit_named(parts[1]).has_value();
}

constexpr std::string_view accepted_units = "mg (milligram, milligrams), g (gram, grams)";
constexpr std::string_view dose_syntax =
    "syntax: COMPOUND=AMOUNT UNIT [elemental|compound][, LABEL_MG mg per AMOUNT UNIT], the same without \"=\", "
    "or AMOUNT UNIT [of] COMPOUND [elemental|compound]; e.g. \"glycinate=200 mg\", \"mag glycinate 200 mg\", "
    "\"200 mg magnesium glycinate\", \"oxide=500 mg compound\", \"threonate=2 g compound, 144 mg per 2 g\"";

constexpr std::string_view thousands_hint = "a comma starts the label strength, so write thousands without a "
                                            "separator, e.g. 2000 mg";

/// AMOUNT UNIT and the basis, if one was written.
struct measure {
    milligrams amount;
    std::optional<dose_basis> basis;
};

class dose_parser {
public:
    explicit dose_parser(std::string_view text) : text_(text) {}

    supplement_dose parse() {
        const auto equals = text_.find('=');
        return equals == std::string_view::npos ? parse_phrase() : parse_assignment(equals);
    }

private:
    // COMPOUND=AMOUNT UNIT [basis][, LABEL]
    supplement_dose parse_assignment(std::size_t equals) const {
        const std::string_view compound_text = detail::trim(text_.substr(0, equals));
        if (compound_text.empty()) fail(errc::parse_error, "missing compound before \"=\"");
        const compound& form = read_compound(compound_text);
        const std::vector<std::string_view> parts = split_label(text_.substr(equals + 1));
        return make(form, read_measure(tokens(parts[0]), "after \"=\"", parts.size() > 1), parts);
    }

    // COMPOUND AMOUNT UNIT [basis][, LABEL]  or  AMOUNT UNIT [basis] [of] COMPOUND [basis][, LABEL]
    supplement_dose parse_phrase() const {
        const std::vector<std::string_view> parts = split_label(text_);
        const std::vector<std::string_view> list = words(parts[0]);
        if (list.empty()) fail(errc::parse_error, "nothing to read");
        const auto amount_at = std::find_if(list.begin(), list.end(), starts_amount);
        if (amount_at == list.end()) fail(errc::parse_error, without_amount(list));
        if (amount_at != list.begin()) {
            const compound& form = read_compound(joined({list.begin(), amount_at}));
            return make(form, read_measure(tokens(joined({amount_at, list.end()})), "after the compound",
                                           parts.size() > 1),
                        parts);
        }

        std::vector<std::string> head = unglued(list[0]);
        std::size_t next = 1;
        if (head.size() == 1) {
            if (list.size() < 2) fail(errc::parse_error, "missing unit and compound after \"" + head[0] + "\"");
            head.emplace_back(list[1]);
            next = 2;
        }
        const double number = number_at(head, 0, "the amount");
        const milligrams amount = to_milligrams(number, unit_at(head, 1));
        std::vector<std::string_view> rest(list.begin() + static_cast<std::ptrdiff_t>(next), list.end());
        std::optional<dose_basis> basis;
        if (!rest.empty() && basis_named(rest.front())) {
            basis = basis_named(rest.front());
            rest.erase(rest.begin());
        }
        if (!rest.empty() && detail::to_lower(rest.front()) == "of") rest.erase(rest.begin());
        if (!rest.empty() && basis_named(rest.back())) {
            if (basis) fail(errc::parse_error, "the dose basis is written twice (\"elemental\" or \"compound\", once)");
            basis = basis_named(rest.back());
            rest.pop_back();
        }
        if (rest.empty()) fail(errc::parse_error, "missing compound after \"" + head[0] + " " + head[1] + "\"");
        return make(read_compound(joined(rest)), measure{amount, basis}, parts);
    }

    // What a phrase without an amount was understood to say: the longest leading words that
    // name a compound, if any.
    static std::string without_amount(const std::vector<std::string_view>& list) {
        for (std::size_t count = list.size(); count > 0; --count) {
            const std::string name = joined({list.begin(), count});
            const compound* form = find_compound(name);
            if (form == nullptr) continue;
            const std::string described = "read the compound \"" + name + "\" (" + detail::in_sentence(form->name) + ")";
            if (count == list.size()) return described + " but no amount after it, e.g. \"" + name + " 200 mg\"";
            return described + ", then \"" + joined({list.begin() + static_cast<std::ptrdiff_t>(count), list.end()}) +
                   "\", which is not an amount (a number and " + std::string(accepted_units) + ")";
        }
        return "found no amount (a number and " + std::string(accepted_units) + ") and no magnesium compound";
    }

    std::vector<std::string_view> split_label(std::string_view text) const {
        std::vector<std::string_view> parts = detail::split(text, ',');
        if (parts.size() > 2) {
            fail(errc::parse_error, "more than one \",\" (a comma starts the label strength; write thousands "
                                    "without a separator, e.g. 2000 mg)");
        }
        return parts;
    }

    const compound& read_compound(std::string_view name) const {
        try {
            return get_compound(name);  // its message lists the accepted ids
        } catch (const error& e) {
            rethrow(e);
        }
    }

    // AMOUNT UNIT [elemental|compound]; `where` says where the amount was expected.
    measure read_measure(const std::vector<std::string>& list, std::string_view where, bool has_label) const {
        if (list.empty()) fail(errc::parse_error, "missing amount " + std::string(where));
        const double number = number_at(list, 0, "the amount " + std::string(where));
        if (list.size() < 2) {
            // "2,000 mg" splits into "2" and "000 mg": say why the unit seems to be missing.
            const std::string hint = has_label ? "; " + std::string(thousands_hint) : "";
            fail(errc::parse_error, "missing unit after \"" + list[0] + "\" (accepted units: " +
                                        std::string(accepted_units) + hint + ")");
        }
        measure out{to_milligrams(number, unit_at(list, 1)), std::nullopt};
        if (list.size() >= 3) {
            out.basis = basis_named(list[2]);
            if (!out.basis) {
                fail(errc::parse_error, "\"" + list[2] +
                                            "\" is not a dose basis (accepted after the unit: \"elemental\", the "
                                            "default, or \"compound\")");
            }
        }
        if (list.size() > 3) fail(errc::parse_error, "unexpected \"" + list[3] + "\" after the dose basis");
        return out;
    }

    supplement_dose make(const compound& form, const measure& dose,
                         const std::vector<std::string_view>& parts) const {
        if (parts.size() == 1) {
            return constructed([&] { return supplement_dose(form, dose.amount, dose.basis.value_or(dose_basis::elemental)); });
        }
        if (dose.basis != dose_basis::compound) {
            fail(errc::parse_error, "a label strength applies to a compound mass: write \"compound\" after the unit, "
                                    "e.g. \"threonate=2 g compound, 144 mg per 2 g\"");
        }
        const label_strength label = parse_label(parts[1]);
        return constructed([&] { return supplement_dose(form, dose.amount, label); });
    }

    // The constructors validate the amounts; their errors get the text in front.
    template <class Construct>
    supplement_dose constructed(Construct construct) const {
        try {
            return construct();
        } catch (const error& e) {
            rethrow(e);
        }
    }

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

    double number_at(const std::vector<std::string>& list, std::size_t index, std::string_view what) const {
        double value = 0;
        const detail::decimal_reading reading = detail::read_decimal(list[index], value);
        if (reading == detail::decimal_reading::out_of_range) {
            fail(errc::invalid_amount, "the number " + detail::quoted(list[index]) + " for " + std::string(what) +
                                           " is out of range; " + std::string(detail::decimal_range));
        }
        if (reading != detail::decimal_reading::number) {
            fail(errc::parse_error, "expected a number for " + std::string(what) + ", got \"" + list[index] + "\"");
        }
        return value;
    }

    mass_unit unit_at(const std::vector<std::string>& list, std::size_t index) const {
        if (const auto unit = unit_named(list[index])) return *unit;
        fail(errc::unknown_unit,
             "unknown unit \"" + list[index] + "\" (accepted units: " + std::string(accepted_units) + ")");
    }

    static milligrams to_milligrams(double number, mass_unit unit) {
        using namespace unit_symbols;
        return unit == mass_unit::gram ? in_milligrams(number * g) : number * mg;
    }

    // Messages speak of the text the user gave: supplement "glycinate=200 oz": unknown unit ...
    std::string subject() const { return "supplement " + detail::quoted(text_) + ": "; }

    [[noreturn]] void fail(errc code, const std::string& what) const {
        throw error(code, subject() + what + "; " + std::string(dose_syntax));
    }

    [[noreturn]] void rethrow(const error& e) const { throw error(e.code(), subject() + std::string(e.message())); }

    std::string_view text_;
};

}  // namespace

supplement_dose parse_supplement_dose(std::string_view text) {
    try {
        return dose_parser(text).parse();
    } catch (const error& e) {
        throw e.about(text);
    }
}

result<supplement_dose> try_parse_supplement_dose(std::string_view text) {
    return detail::try_parse([&] { return parse_supplement_dose(text); });
}

supplement_dose one_unit_dose(const compound& form, std::string_view unit, std::string_view basis) {
    if (!basis.empty() && basis != "elemental" && basis != "compound") {
        throw error(errc::parse_error, detail::concat({detail::quoted(basis), " is not a basis; expected elemental, "
                                                                              "compound or empty (elemental)"}));
    }
    return parse_supplement_dose(detail::concat({form.id, "=1 ", unit, " ", basis.empty() ? "elemental" : basis}));
}

}  // namespace mgcalc
