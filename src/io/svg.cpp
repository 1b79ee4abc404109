// Writing SVG for the charts (io/svg.hpp).
#include "io/svg.hpp"

#include "detail/text.hpp"
#include "detail/utf8.hpp"

#include <cmath>

namespace mgcalc::detail::chart {

std::string number(double value, int decimals) {
    if (!std::isfinite(value)) return "0";  // never drawn; keeps the document well-formed
    return detail::format_number(value, decimals);
}

std::string coord(double value) { return number(value, 1); }


constexpr char32_t replacement_character = 0xFFFD;

std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const detail::utf8::decoded next = detail::utf8::decode_at(text, i);
        i += next.length;  // an invalid byte is replaced alone, and decoding resumes after it
        char32_t code = next.valid ? next.code : replacement_character;
        if (code == '\t' || code == '\n' || code == '\r') {
            code = ' ';
        } else if (code < 0x20 || code == 0xFFFE || code == 0xFFFF) {
            code = replacement_character;  // not an XML 1.0 character
        }
        out.push_back(code);
    }
    return out;
}

std::string escape(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: detail::utf8::append(out, c);
        }
    }
    return out;
}

std::string escape(std::string_view text) { return escape(decode(text)); }

}  // namespace mgcalc::detail::chart
