// io/json_path.hpp - JSON paths ("$.days[2].entries[0].amount") and JSON strings as the log's
// reader, writer and checks spell them in messages and output. Private to src/io/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc::detail {

struct path_step {
    bool is_index = false;
    std::size_t index = 0;
    std::string key;
};

/// "$.days[2].entries[0].amount"; keys that are not identifiers are written $["odd key"].
struct json_path {
    std::vector<path_step> steps;

    json_path operator/(std::string_view key) const {
        json_path next = *this;
        next.steps.push_back({false, 0, std::string(key)});
        return next;
    }
    json_path operator[](std::size_t index) const {
        json_path next = *this;
        next.steps.push_back({true, index, {}});
        return next;
    }
    std::string text() const;
};

/// Appends `text` as a JSON string: in quotes, with only '"', '\' and control characters escaped.
void append_json_string(std::string& out, std::string_view text);

/// At most `limit` bytes of `text`, cut at a character boundary, with "..." when cut: keeps
/// messages short when the input holds a huge key or token.
std::string shortened(std::string_view text, std::size_t limit = 60);

}  // namespace mgcalc::detail
