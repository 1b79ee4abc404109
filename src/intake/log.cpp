// intake/log.cpp - the intake log's own operations (mgcalc/intake/log.hpp). The file formats are in
// src/io/log_file.cpp; the profile in src/people/profile.cpp.
#include <mgcalc/intake/log.hpp>

namespace mgcalc {

}  // namespace mgcalc
