// A layer-check fixture: foods may include the base and its own layer (not reported).
#pragma once
#include <mgcalc/units.hpp>
#include <mgcalc/foods/food.hpp>
