// mgcalc/detail/strings.hpp - the small text helpers the model headers share with the compiled
// library (src/detail/text.hpp includes this header): ASCII case and white space, lookup keys,
// quoting and joining for messages.
//
// ASCII only, never the C locale: std::tolower follows setlocale, and in a Turkish single-byte
// locale it turns "I" into a dotless i, so "MAGNESIUM" would find nothing.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc::detail {

constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Lower-case ASCII copy.
inline std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

/// Trims ASCII white space at both ends.
constexpr std::string_view trim(std::string_view text) noexcept {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

/// Characters a lookup key leaves out: "Magnesium L-Threonate" and "magnesium-l-threonate"
/// have the same key.
constexpr bool is_key_separator(char c) noexcept { return c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t'; }

/// Lookup key: lower case, with spaces, hyphens, underscores and dots removed.
inline std::string lookup_key(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (!is_key_separator(c)) out += ascii_lower(c);
    }
    return out;
}

/// The parts one after the other: concat({"count ", digits, " is too large"}). One function
/// rather than a variadic template, so that each shape of message does not instantiate one of its
/// own in every file that includes the model (docs/performance.md, "Compile time"). Built with
/// +=: g++ 12 reports a bogus -Wrestrict for "literal" + std::string at -O2 (GCC bugs
/// 105329/105651), which an application's -Werror would turn into an error.
inline std::string concat(std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (std::string_view part : parts) size += part.size();
    std::string out;
    out.reserve(size);
    for (std::string_view part : parts) out += part;
    return out;
}

/// The most bytes of a person's text a message quotes (excerpt): enough for any food phrase or
/// column name, while a 126 KB query or a 30 MB header row stays out of the message.
inline constexpr std::size_t max_quoted_bytes = 200;

/// `text` as a message may show it: control characters written as escapes ("\n", "\t",
/// "\x01"), so that a message stays one line, and text past max_quoted_bytes cut at a character
/// boundary, with "... (N more bytes)".
inline std::string excerpt(std::string_view text) {
    std::size_t keep = text.size() <= max_quoted_bytes ? text.size() : max_quoted_bytes;
    // Never inside a UTF-8 character: back up over continuation bytes (10xxxxxx).
    while (keep < text.size() && keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
    std::string out;
    out.reserve(keep + 8);
    for (const char c : text.substr(0, keep)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte != 0x7F) {
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            constexpr char hex[] = "0123456789ABCDEF";
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    if (keep < text.size()) {
        out += "... (";
        out += std::to_string(text.size() - keep);
        out += " more bytes)";
    }
    return out;
}

/// The text in double quotes, for error messages: "\"1 bucket\"", as an excerpt. (Built with +=:
/// g++ 12 reports a bogus -Wrestrict for "\"" + s + "\"" at -O2, GCC bugs 105329/105651.)
inline std::string quoted(std::string_view text) {
    std::string out = "\"";
    out += excerpt(text);
    out += '"';
    return out;
}

/// Joins with ", ".
inline std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ") {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

}  // namespace mgcalc::detail
