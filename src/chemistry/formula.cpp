// Molar masses from chemical formulas (mgcalc/chemistry/formula.hpp).
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
#include <mgcalc/error.hpp>
#include <mgcalc/chemistry/formula.hpp>

#include "detail/text.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mgcalc {

namespace {

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
constexpr std::array<element_weight, 8> atomic_weights{{
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
constexpr std::int64_t max_count = 9999;
constexpr std::int64_t max_atoms_per_element = 1'000'000;
// Deep enough for any real formula; stops "((((((..." from exhausting the stack.
constexpr int max_group_depth = 16;

constexpr std::string_view middle_dot = "\xC2\xB7";  // U+00B7 in UTF-8

std::string accepted_elements() {
    std::string out;
    for (const auto& e : atomic_weights) {
        if (!out.empty()) out += ", ";
        out += e.symbol;
    }
    return out;
}

std::string accepted_syntax() {
    return "accepted: element symbols (" + accepted_elements() +
           ", case-sensitive), whole-number counts 1-" + std::to_string(max_count) +
           ", nested ( ) groups, and hydrate water after \"\xC2\xB7\", \"*\" or \".\" as in "
           "\"MgSO4\xC2\xB7" "7H2O\"";
}

int element_index(std::string_view symbol) noexcept {
    for (std::size_t i = 0; i < atomic_weights.size(); ++i) {
        if (atomic_weights[i].symbol == symbol) return static_cast<int>(i);
    }
    return -1;
}

using composition = std::array<std::int64_t, atomic_weights.size()>;

class formula_parser {
public:
    explicit formula_parser(std::string_view text) : text_(text) {}

    composition parse() {
        std::size_t end = text_.size();
        while (pos_ < end && is_space(text_[pos_])) ++pos_;
        while (end > pos_ && is_space(text_[end - 1])) --end;
        end_ = end;
        if (pos_ == end_) fail("empty formula");

        composition total{};
        if (is_digit(peek())) fail_at(pos_, "a formula cannot start with a count");
        add(total, parse_part(0), 1);
        while (pos_ < end_) {
            const std::size_t separator_at = pos_;
            if (!skip_separator()) {
                if (peek() == ')') fail_at(pos_, "\")\" without a matching \"(\"");
                fail_unexpected();
            }
            while (pos_ < end_ && is_space(text_[pos_])) ++pos_;
            std::int64_t multiplier = 1;
            if (pos_ < end_ && is_digit(peek())) multiplier = parse_count();
            if (pos_ >= end_ || is_separator_start()) {
                fail_at(separator_at, "a hydrate separator must be followed by a formula such as \"7H2O\"");
            }
            add(total, parse_part(0), multiplier);
        }
        return total;
    }

private:
    static bool is_space(char c) noexcept { return c == ' ' || c == '\t'; }
    static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
    static bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
    static bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }

    char peek() const noexcept { return pos_ < end_ ? text_[pos_] : '\0'; }

    bool is_separator_start() const noexcept {
        const std::string_view rest = text_.substr(pos_, end_ - pos_);
        return rest.starts_with(middle_dot) || rest.starts_with('*') || rest.starts_with('.');
    }

    // Consumes a hydrate separator with the spaces around it; false if there is none here.
    bool skip_separator() noexcept {
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

    composition parse_part(int depth) {
        if (depth > max_group_depth) {
            fail_at(pos_, "parentheses nested deeper than " + std::to_string(max_group_depth) + " levels");
        }
        composition part{};
        bool any = false;
        while (pos_ < end_) {
            const char c = peek();
            if (c == '(') {
                const std::size_t open_at = pos_;
                ++pos_;
                if (pos_ >= end_) fail_at(open_at, "\"(\" is never closed");
                if (peek() == ')') fail_at(open_at, "empty group \"()\"");
                composition inner = parse_part(depth + 1);
                if (pos_ < end_ && is_separator_start()) {
                    fail_at(pos_, "a hydrate separator is not allowed inside parentheses");
                }
                if (peek() != ')') fail_at(open_at, "\"(\" is never closed");
                ++pos_;
                add(part, inner, optional_count());
                any = true;
            } else if (is_upper(c)) {
                const std::size_t symbol_at = pos_;
                std::size_t length = 1;
                if (pos_ + 1 < end_ && is_lower(text_[pos_ + 1])) length = 2;
                const std::string_view symbol = text_.substr(pos_, length);
                const int index = element_index(symbol);
                if (index < 0) {
                    fail_at(symbol_at, "unknown element symbol \"" + std::string(symbol) + "\"");
                }
                pos_ += length;
                composition single{};
                single[static_cast<std::size_t>(index)] = 1;
                add(part, single, optional_count());
                any = true;
            } else if (c == ')' || is_separator_start() || is_space(c)) {
                break;
            } else if (is_digit(c)) {
                fail_at(pos_, "a count must follow an element symbol or \")\"");
            } else if (is_lower(c)) {
                fail_at(pos_, std::string("\"") + c +
                                  "\" cannot start an element symbol (symbols start with a capital letter, e.g. "
                                  "\"Mg\", \"Cl\")");
            } else {
                fail_unexpected();
            }
        }
        if (!any) {
            // Reached only where a group or element was required and something else is here.
            if (pos_ >= end_) fail_at(pos_, "the formula ends where an element symbol was expected");
            if (is_space(peek())) fail_at(pos_, "unexpected space");
            if (peek() == ')') fail_at(pos_, "\")\" without a matching \"(\"");
            if (is_separator_start()) fail_at(pos_, "a hydrate separator needs a formula before it");
            fail_unexpected();
        }
        if (depth == 0 && pos_ < end_ && is_space(peek())) {
            // Spaces are fine only before a hydrate separator.
            std::size_t p = pos_;
            while (p < end_ && is_space(text_[p])) ++p;
            const std::string_view rest = text_.substr(p, end_ - p);
            if (!(rest.starts_with(middle_dot) || rest.starts_with('*') || rest.starts_with('.'))) {
                fail_at(pos_, "unexpected space");
            }
        } else if (depth > 0 && pos_ < end_ && is_space(peek())) {
            fail_at(pos_, "unexpected space");
        }
        return part;
    }

    std::int64_t optional_count() {
        if (pos_ < end_ && is_digit(peek())) return parse_count();
        return 1;
    }

    std::int64_t parse_count() {
        const std::size_t start = pos_;
        while (pos_ < end_ && is_digit(peek())) ++pos_;
        const std::string_view digits = text_.substr(start, pos_ - start);
        // Checked digit by digit, so a long run of digits cannot overflow before it is rejected.
        std::int64_t value = 0;
        for (char d : digits) {
            value = value * 10 + (d - '0');
            if (value > max_count) {
                fail_at(start, "count " + std::string(digits) + " is larger than " + std::to_string(max_count));
            }
        }
        if (value == 0) fail_at(start, "count " + std::string(digits) + " (counts are whole numbers from 1)");
        return value;
    }

    void add(composition& into, const composition& what, std::int64_t multiplier) {
        for (std::size_t i = 0; i < into.size(); ++i) {
            if (what[i] == 0) continue;
            // Both factors are bounded, so the product fits in 64 bits before the check.
            const std::int64_t sum = into[i] + what[i] * multiplier;
            if (what[i] > max_atoms_per_element || sum > max_atoms_per_element) {
                fail("more than " + std::to_string(max_atoms_per_element) + " atoms of " +
                     std::string(atomic_weights[i].symbol));
            }
            into[i] = sum;
        }
    }

    // 1-based position in characters (UTF-8 code points), so "·" counts as one character.
    std::size_t character_position(std::size_t byte_offset) const noexcept {
        std::size_t characters = 0;
        for (std::size_t i = 0; i < byte_offset && i < text_.size(); ++i) {
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++characters;
        }
        return characters + 1;
    }

    [[noreturn]] void fail_unexpected() const {
        // Show the whole UTF-8 sequence of the offending character, not a stray byte.
        const auto lead = static_cast<unsigned char>(text_[pos_]);
        std::size_t length = 1;
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        fail_at(pos_, "unexpected character \"" + std::string(text_.substr(pos_, length)) + "\"");
    }

    [[noreturn]] void fail_at(std::size_t byte_offset, const std::string& what) const {
        throw error(errc::parse_error, what + " at character " + std::to_string(character_position(byte_offset)) +
                                           " of formula \"" + std::string(text_) + "\"; " + accepted_syntax());
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw error(errc::parse_error, what + " in formula \"" + std::string(text_) + "\"; " + accepted_syntax());
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
};

int checked_element_index(std::string_view element) {
    const int index = element_index(detail::trim(element));
    if (index < 0) {
        throw error(errc::parse_error, "unknown element symbol \"" + std::string(element) +
                                           "\"; accepted (case-sensitive): " + accepted_elements());
    }
    return index;
}

}  // namespace

grams_per_mole molar_mass(std::string_view formula) {
    const composition atoms = formula_parser(formula).parse();
    double total = 0.0;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
        total += static_cast<double>(atoms[i]) * atomic_weights[i].grams_per_mole;
    }
    return grams_per_mole::from_value(total);
}

int atom_count(std::string_view formula, std::string_view element) {
    const int index = checked_element_index(element);
    const composition atoms = formula_parser(formula).parse();
    // Bounded by max_atoms_per_element, so the narrowing is exact.
    return static_cast<int>(atoms[static_cast<std::size_t>(index)]);
}

grams_per_mole atomic_weight(std::string_view element) {
    const int index = checked_element_index(element);
    return grams_per_mole::from_value(atomic_weights[static_cast<std::size_t>(index)].grams_per_mole);
}

}  // namespace mgcalc
