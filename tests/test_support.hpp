// Helpers shared by the Catch2 test files: catching an mgcalc::error to inspect its code and
// message, and quoting text the way error messages do.
#pragma once

#include <mgcalc/error.hpp>

#include "detail/text.hpp"

#include <optional>
#include <string>

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

using mgcalc::detail::quoted;

}  // namespace mgcalc_test
