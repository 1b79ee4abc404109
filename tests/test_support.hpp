// Helpers shared by the Catch2 test files: catching an mgcalc::error to inspect its code and
// message, and quoting text the way error messages do.
#pragma once

#include <mgcalc/error.hpp>

#include "detail/text.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace mgcalc_test {

struct thrown {
    mgcalc::errc code;
    std::string message;
};

/// The mgcalc::error `function` throws, if any.
template <class Function>
std::optional<thrown> error_from(Function&& function) {
    try {
        function();
    } catch (const mgcalc::error& e) {
        return thrown{e.code(), e.what()};
    }
    return std::nullopt;
}

/// Runs `f`, requires it to throw mgcalc::error with `code`, and returns the message.
template <class F>
std::string error_message(F&& f, mgcalc::errc code) {
    try {
        f();
    } catch (const mgcalc::error& e) {
        CHECK(e.code() == code);
        return e.what();
    }
    FAIL("expected mgcalc::error [" << mgcalc::to_string(code) << "], nothing was thrown");
    return {};
}

inline bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

using mgcalc::detail::quoted;

}  // namespace mgcalc_test
