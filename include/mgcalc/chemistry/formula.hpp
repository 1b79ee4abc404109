// mgcalc/chemistry/formula.hpp - molar mass of a chemical formula from standard atomic weights.
//
// Elemental-magnesium fractions of supplement compounds are computed from their formulas here,
// never typed in as percentages, so a table entry cannot drift from its chemistry. Header-only
// and constexpr: the compound table (compound.hpp) is computed by the compiler, and a formula
// that does not parse there is a compile error.
//
// Grammar accepted (documented in docs/compounds.md, "Formulas"):
//
//   formula  := part ( separator count? part )*        separator: "·" (U+00B7), "*" or "."
//   part     := item+
//   item     := element count? | "(" part ")" count?
//   element  := capital letter, optionally followed by one small letter ("Mg", "C", "Cl")
//   count    := whole number 1..9999
//
// Spaces are allowed at both ends and around a hydrate separator, nowhere else, so "Mg O" is
// rejected instead of being read as something the user did not mean. Element symbols are
// case-sensitive, as in chemistry: "Co" (cobalt) is not "CO".
#pragma once

#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/units.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mgcalc {

namespace detail {

struct element_weight {
    std::string_view symbol;
    double grams_per_mole;
};

// IUPAC CIAAW abridged/conventional standard atomic weights, Prohaska et al., "Standard atomic
// weights of the elements 2021", Pure Appl. Chem. 94(5):573-600 (2022), docs/sources.md - the
// values the hand-worked molar masses in docs/compounds.md and the tests use, so mgcalc's
// fractions match that table. Conventional values are used where CIAAW gives an interval
// (H, C, N, O, Mg, S, Cl). Only the elements of the compounds mgcalc ships are listed; adding one
// needs the same citation.
inline constexpr std::array<element_weight, 8> atomic_weights{{
    {"C", 12.011},
    {"Cl", 35.45},
    {"H", 1.008},
    {"Mg", 24.305},
    {"N", 14.007},
    {"O", 15.999},
    {"P", 30.974},
    {"S", 32.06},
}};

// Bounds that keep the integer arithmetic exact and reject nonsense early. No formula unit of a
// real supplement compound comes near them (the largest, citrate nonahydrate, has 28 H atoms).
inline constexpr std::int64_t max_count = 9999;
inline constexpr std::int64_t max_atoms_per_element = 1'000'000;
// Deep enough for any real formula; stops "((((((..." from exhausting the stack.
inline constexpr int max_group_depth = 16;

inline constexpr std::string_view middle_dot = "\xC2\xB7";  // U+00B7 in UTF-8

/// Atoms of each element of atomic_weights, in its order.
using composition = std::array<std::int64_t, atomic_weights.size()>;

constexpr int element_index(std::string_view symbol) noexcept {
    for (std::size_t i = 0; i < atomic_weights.size(); ++i) {
        if (atomic_weights[i].symbol == symbol) return static_cast<int>(i);
    }
    return -1;
}

constexpr double grams_per_mole_of(const composition& atoms) noexcept {
    double total = 0.0;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
        total += static_cast<double>(atoms[i]) * atomic_weights[i].grams_per_mole;
    }
    return total;
}

// The messages are built at run time only: a formula that fails to parse at compile time is a
// compile error that points at the call of a fail function below.

inline std::string accepted_elements() {
    std::string out;
    for (const auto& e : atomic_weights) {
        if (!out.empty()) out += ", ";
        out += e.symbol;
    }
    return out;
}

inline std::string accepted_formula_syntax() {
    return concat({"accepted: element symbols (", accepted_elements(), ", case-sensitive), whole-number counts 1-",
                  std::to_string(max_count),
                  ", nested ( ) groups, and hydrate water after \"\xC2\xB7\", \"*\" or \".\" as in "
                  "\"MgSO4\xC2\xB7" "7H2O\""});
}

/// 1-based position in characters (UTF-8 code points), so "·" counts as one character.
inline std::size_t character_position(std::string_view text, std::size_t byte_offset) noexcept {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++characters;
    }
    return characters + 1;
}

[[noreturn]] inline void fail_formula(std::string_view formula, std::string_view what) {
    throw error(errc::parse_error, concat({what, " in formula ", detail::quoted(formula), "; ", accepted_formula_syntax()}));
}

[[noreturn]] inline void fail_formula_at(std::string_view formula, std::size_t byte_offset, std::string_view what) {
    throw error(errc::parse_error, concat({what, " at character ", std::to_string(character_position(formula, byte_offset)),
                                          " of formula ", detail::quoted(formula), "; ", accepted_formula_syntax()}));
}

/// "\"X\"" with the whole UTF-8 sequence of the character at `at`, not a stray byte.
[[noreturn]] inline void fail_formula_unexpected(std::string_view formula, std::size_t at) {
    const auto lead = static_cast<unsigned char>(formula[at]);
    std::size_t length = 1;
    if (lead >= 0xF0) length = 4;
    else if (lead >= 0xE0) length = 3;
    else if (lead >= 0xC0) length = 2;
    fail_formula_at(formula, at, concat({"unexpected character ", detail::quoted(formula.substr(at, length))}));
}

[[noreturn]] inline void fail_unknown_element(std::string_view formula, std::size_t at, std::string_view symbol) {
    fail_formula_at(formula, at, concat({"unknown element symbol ", detail::quoted(symbol)}));
}

[[noreturn]] inline void fail_count(std::string_view formula, std::size_t at, std::string_view digits) {
    const bool zero = digits.find_first_not_of('0') == std::string_view::npos;
    fail_formula_at(formula, at,
                    zero ? concat({"count ", digits, " (counts are whole numbers from 1)"})
                         : concat({"count ", digits, " is larger than ", std::to_string(max_count)}));
}

[[noreturn]] inline void fail_too_many_atoms(std::string_view formula, std::size_t element) {
    fail_formula(formula, concat({"more than ", std::to_string(max_atoms_per_element), " atoms of ",
                                 atomic_weights[element].symbol}));
}

[[noreturn]] inline void fail_lower_case_start(std::string_view formula, std::size_t at) {
    fail_formula_at(formula, at,
                    concat({detail::quoted(formula.substr(at, 1)),
                           " cannot start an element symbol (symbols start with a capital letter, e.g. \"Mg\", \"Cl\")"}));
}

[[noreturn]] inline void fail_deep(std::string_view formula, std::size_t at) {
    fail_formula_at(formula, at, concat({"parentheses nested deeper than ", std::to_string(max_group_depth), " levels"}));
}

[[noreturn]] inline void fail_unknown_symbol_alone(std::string_view element) {
    throw error(errc::parse_error,
                concat({"unknown element symbol ", detail::quoted(element), "; accepted (case-sensitive): ", accepted_elements()}));
}

class formula_parser {
public:
    constexpr explicit formula_parser(std::string_view text) : text_(text) {}

    constexpr composition parse() {
        std::size_t end = text_.size();
        while (pos_ < end && is_space(text_[pos_])) ++pos_;
        while (end > pos_ && is_space(text_[end - 1])) --end;
        end_ = end;
        if (pos_ == end_) fail_formula(text_, "empty formula");

        composition total{};
        if (is_digit(peek())) fail_formula_at(text_, pos_, "a formula cannot start with a count");
        add(total, parse_part(0), 1);
        while (pos_ < end_) {
            const std::size_t separator_at = pos_;
            if (!skip_separator()) {
                if (peek() == ')') fail_formula_at(text_, pos_, "\")\" without a matching \"(\"");
                fail_formula_unexpected(text_, pos_);
            }
            while (pos_ < end_ && is_space(text_[pos_])) ++pos_;
            std::int64_t multiplier = 1;
            if (pos_ < end_ && is_digit(peek())) multiplier = parse_count();
            if (pos_ >= end_ || is_separator_start()) {
                fail_formula_at(text_, separator_at,
                                "a hydrate separator must be followed by a formula such as \"7H2O\"");
            }
            add(total, parse_part(0), multiplier);
        }
        return total;
    }

private:
    static constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t'; }
    static constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
    static constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
    static constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }

    constexpr char peek() const noexcept { return pos_ < end_ ? text_[pos_] : '\0'; }

    static constexpr bool starts_separator(std::string_view rest) noexcept {
        return rest.starts_with(middle_dot) || rest.starts_with('*') || rest.starts_with('.');
    }
    constexpr bool is_separator_start() const noexcept { return starts_separator(text_.substr(pos_, end_ - pos_)); }

    // Consumes a hydrate separator with the spaces around it; false if there is none here.
    constexpr bool skip_separator() noexcept {
        std::size_t p = pos_;
        while (p < end_ && is_space(text_[p])) ++p;
        const std::string_view rest = text_.substr(p, end_ - p);
        if (rest.starts_with(middle_dot)) {
            pos_ = p + middle_dot.size();
        } else if (rest.starts_with('*') || rest.starts_with('.')) {
            pos_ = p + 1;
        } else {
            return false;
        }
        return true;
    }

    constexpr composition parse_part(int depth) {
        if (depth > max_group_depth) fail_deep(text_, pos_);
        composition part{};
        bool any = false;
        while (pos_ < end_) {
            const char c = peek();
            if (c == '(') {
                const std::size_t open_at = pos_;
                ++pos_;
                if (pos_ >= end_) fail_formula_at(text_, open_at, "\"(\" is never closed");
                if (peek() == ')') fail_formula_at(text_, open_at, "empty group \"()\"");
                const composition inner = parse_part(depth + 1);
                if (pos_ < end_ && is_separator_start()) {
                    fail_formula_at(text_, pos_, "a hydrate separator is not allowed inside parentheses");
                }
                if (peek() != ')') fail_formula_at(text_, open_at, "\"(\" is never closed");
                ++pos_;
                add(part, inner, optional_count());
                any = true;
            } else if (is_upper(c)) {
                const std::size_t symbol_at = pos_;
                std::size_t length = 1;
                if (pos_ + 1 < end_ && is_lower(text_[pos_ + 1])) length = 2;
                const std::string_view symbol = text_.substr(pos_, length);
                const int index = element_index(symbol);
                if (index < 0) fail_unknown_element(text_, symbol_at, symbol);
                pos_ += length;
                composition single{};
                single[static_cast<std::size_t>(index)] = 1;
                add(part, single, optional_count());
                any = true;
            } else if (c == ')' || is_separator_start() || is_space(c)) {
                break;
            } else if (is_digit(c)) {
                fail_formula_at(text_, pos_, "a count must follow an element symbol or \")\"");
            } else if (is_lower(c)) {
                fail_lower_case_start(text_, pos_);
            } else {
                fail_formula_unexpected(text_, pos_);
            }
        }
        if (!any) {
            // Reached only where a group or element was required and something else is here.
            if (pos_ >= end_) fail_formula_at(text_, pos_, "the formula ends where an element symbol was expected");
            if (is_space(peek())) fail_formula_at(text_, pos_, "unexpected space");
            if (peek() == ')') fail_formula_at(text_, pos_, "\")\" without a matching \"(\"");
            if (is_separator_start()) fail_formula_at(text_, pos_, "a hydrate separator needs a formula before it");
            fail_formula_unexpected(text_, pos_);
        }
        if (depth == 0 && pos_ < end_ && is_space(peek())) {
            // Spaces are fine only before a hydrate separator.
            std::size_t p = pos_;
            while (p < end_ && is_space(text_[p])) ++p;
            if (!starts_separator(text_.substr(p, end_ - p))) fail_formula_at(text_, pos_, "unexpected space");
        } else if (depth > 0 && pos_ < end_ && is_space(peek())) {
            fail_formula_at(text_, pos_, "unexpected space");
        }
        return part;
    }

    constexpr std::int64_t optional_count() {
        if (pos_ < end_ && is_digit(peek())) return parse_count();
        return 1;
    }

    constexpr std::int64_t parse_count() {
        const std::size_t start = pos_;
        while (pos_ < end_ && is_digit(peek())) ++pos_;
        const std::string_view digits = text_.substr(start, pos_ - start);
        // Checked digit by digit, so a long run of digits cannot overflow before it is rejected.
        std::int64_t value = 0;
        for (char d : digits) {
            value = value * 10 + (d - '0');
            if (value > max_count) fail_count(text_, start, digits);
        }
        if (value == 0) fail_count(text_, start, digits);
        return value;
    }

    constexpr void add(composition& into, const composition& what, std::int64_t multiplier) const {
        for (std::size_t i = 0; i < into.size(); ++i) {
            if (what[i] == 0) continue;
            // Both factors are bounded, so the product fits in 64 bits before the check.
            const std::int64_t sum = into[i] + what[i] * multiplier;
            if (what[i] > max_atoms_per_element || sum > max_atoms_per_element) fail_too_many_atoms(text_, i);
            into[i] = sum;
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
};

/// The atoms of one formula unit; throws like molar_mass.
constexpr composition composition_of(std::string_view formula) { return formula_parser(formula).parse(); }

constexpr std::size_t checked_element_index(std::string_view element) {
    const int index = element_index(trim(element));
    if (index < 0) fail_unknown_symbol_alone(element);
    return static_cast<std::size_t>(index);
}

}  // namespace detail

/// Molar mass of a formula such as "MgO", "Mg(OH)2", "Mg3(C6H5O7)2", "C4H8MgN2O4" or a hydrate
/// written with a middle dot or asterisk: "MgSO4·7H2O", "MgCl2*6H2O".
/// Atomic weights: IUPAC CIAAW conventional/abridged standard atomic weights (Prohaska et al.,
/// Pure Appl. Chem. 94(5), 2022), the values listed in docs/sources.md.
/// Throws mgcalc::error (parse_error) for an unknown element symbol or malformed text.
constexpr grams_per_mole molar_mass(std::string_view formula) {
    return grams_per_mole::from_value(detail::grams_per_mole_of(detail::composition_of(formula)));
}

/// How many atoms of `element` (e.g. "Mg") one formula unit contains. Throws like molar_mass.
constexpr int atom_count(std::string_view formula, std::string_view element) {
    const std::size_t index = detail::checked_element_index(element);
    // Bounded by max_atoms_per_element, so the narrowing is exact.
    return static_cast<int>(detail::composition_of(formula)[index]);
}

/// Standard atomic weight used for an element symbol; throws parse_error if mgcalc has none.
constexpr grams_per_mole atomic_weight(std::string_view element) {
    return grams_per_mole::from_value(detail::atomic_weights[detail::checked_element_index(element)].grams_per_mole);
}

}  // namespace mgcalc
