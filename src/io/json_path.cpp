// JSON paths and strings (io/json_path.hpp).
#include "io/json_path.hpp"

#include "detail/utf8.hpp"

#include <algorithm>

namespace mgcalc::detail {

namespace {

bool is_identifier(std::string_view key) {
    if (key.empty()) return false;
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!alpha(key.front())) return false;
    return std::all_of(key.begin(), key.end(), [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

}  // namespace

std::string json_path::text() const {
    // A path through input nested too deeply is shortened: "$[0][0][0][0][0][0][...][0][0][0] (a path
    // of 64 steps)".
    constexpr std::size_t head = 6, tail = 3;
    const bool shorten = steps.size() > head + tail + 3;
    std::string out = "$";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (shorten && i == head) {
            out += "[...]";
            i = steps.size() - tail;
        }
        const path_step& step = steps[i];
        if (step.is_index) {
            out += '[';
            out += std::to_string(step.index);
            out += ']';
        } else if (is_identifier(step.key) && step.key.size() <= 60) {
            out += '.';
            out += step.key;
        } else {
            out += '[';
            append_json_string(out, shortened(step.key));
            out += ']';
        }
    }
    if (shorten) out += " (a path of " + std::to_string(steps.size()) + " steps)";
    return out;
}

void append_json_string(std::string& out, std::string_view text) {
    constexpr char digits[] = "0123456789abcdef";
    auto plain = [](char c) { return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20; };
    out += '"';
    std::size_t i = 0;
    while (i < text.size()) {
        // Runs of characters that need no escape are copied at once.
        const std::size_t run_start = i;
        while (i < text.size() && plain(text[i])) ++i;
        out.append(text.data() + run_start, i - run_start);
        if (i == text.size()) break;
        const char c = text[i++];
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:  // the other control characters U+0000-U+001F
                out += "\\u00";
                out += digits[(c >> 4) & 0xF];
                out += digits[c & 0xF];
        }
    }
    out += '"';
}

std::string shortened(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::string(text);
    std::string out(utf8::cut_at_character(text, limit - 3));
    out += "...";
    return out;
}

}  // namespace mgcalc::detail
