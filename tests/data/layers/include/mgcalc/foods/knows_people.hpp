// A layer-check fixture (tests/CMakeLists.txt, layers.violations): foods may not include people.
#pragma once
#include <mgcalc/people/profile.hpp>
