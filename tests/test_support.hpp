// Helpers shared by the Catch2 test files: catching an mgcalc::error to inspect its code,
// message and fields, and quoting text the way error messages do. Every test file includes it.
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

/// The mgcalc::error `call` throws, for checking its code, message and fields together; a failed
/// check when it throws none.
template <class F>
mgcalc::error thrown_by(F&& call) {
    try {
        call();
    } catch (const mgcalc::error& e) {
        return e;
    }
    FAIL("expected mgcalc::error, nothing was thrown");
    return mgcalc::error(mgcalc::errc::parse_error, "not reached");
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
