// mgcalc/version.hpp - the library version.
#pragma once

#define MGCALC_VERSION_MAJOR 0
#define MGCALC_VERSION_MINOR 1
#define MGCALC_VERSION_PATCH 0

namespace mgcalc {
inline constexpr const char* version_string = "0.1.0";
}  // namespace mgcalc
