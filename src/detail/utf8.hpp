// Internal UTF-8 helpers: the one decoder and validator behind every reader and writer of text
// (the JSON and CSV log readers, the CSV reader, the SVG chart's text, the build-time embedding
// of the USDA data). Header-only, so the build-time generator uses it without the library. Not
// installed, not documented.
//
// Well-formed UTF-8 is RFC 3629's: no overlong forms, no UTF-16 surrogates (U+D800-U+DFFF),
// nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mgcalc::detail::utf8 {

/// One decoded character: its code point and how many bytes it took, or `valid` false when the
/// bytes at that place are not a well-formed sequence (then `length` is 1, so that a decoder
/// resynchronises on the next byte).
struct decoded {
    char32_t code = 0;
    std::size_t length = 1;
    bool valid = false;
};

/// The byte order mark some editors put at the start of a UTF-8 file (U+FEFF): not text.
inline constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

/// Whether `byte` continues a multi-byte sequence (10xxxxxx) rather than starting a character.
constexpr bool is_continuation(unsigned char byte) noexcept { return (byte & 0xC0) == 0x80; }

/// The character that starts at `text[at]` (`at` < text.size()).
constexpr decoded decode_at(std::string_view text, std::size_t at) noexcept {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = 0;
    char32_t code = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range the second byte may take
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code = lead & 0x0Fu;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07u;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return {};  // a continuation byte, an overlong lead (0xC0, 0xC1) or above U+10FFFF (0xF5-0xFF)
    }
    if (text.size() - at < length) return {};
    for (std::size_t k = 1; k < length; ++k) {
        const auto byte = static_cast<unsigned char>(text[at + k]);
        if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF)) return {};
        code = (code << 6) | (byte & 0x3Fu);
    }
    return {code, length, true};
}

/// The offset of the first byte that is not part of well-formed UTF-8, or npos.
constexpr std::size_t invalid_at(std::string_view text) noexcept {
    std::size_t at = 0;
    while (at < text.size()) {
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            // ASCII, the common case: eight bytes at a time while they all are (a third of the
            // time a 61 MiB log takes to check).
            while (text.size() - at >= 8) {
                unsigned char bits = 0;
                for (std::size_t k = 0; k < 8; ++k) bits |= static_cast<unsigned char>(text[at + k]);
                if (bits >= 0x80) break;
                at += 8;
            }
            while (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) ++at;
            continue;
        }
        const decoded next = decode_at(text, at);
        if (!next.valid) return at;
        at += next.length;
    }
    return std::string_view::npos;
}

constexpr bool is_valid(std::string_view text) noexcept { return invalid_at(text) == std::string_view::npos; }

/// How many characters (code points) valid UTF-8 text holds.
constexpr std::size_t count_characters(std::string_view text) noexcept {
    std::size_t count = 0;
    for (const char c : text) count += !is_continuation(static_cast<unsigned char>(c));
    return count;
}

/// `text` cut to at most `bytes` bytes at a character boundary, never inside a character.
constexpr std::string_view cut_at_character(std::string_view text, std::size_t bytes) noexcept {
    if (text.size() <= bytes) return text;
    while (bytes > 0 && is_continuation(static_cast<unsigned char>(text[bytes]))) --bytes;
    return text.substr(0, bytes);
}

/// Appends the UTF-8 bytes of a code point (at most U+10FFFF, not a surrogate).
inline void append(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

/// "0xE9": a byte as a message names it.
inline std::string hex_byte(unsigned char byte) {
    constexpr char digits[] = "0123456789ABCDEF";
    std::string out = "0x";
    out += digits[byte >> 4];
    out += digits[byte & 0xF];
    return out;
}

}  // namespace mgcalc::detail::utf8
