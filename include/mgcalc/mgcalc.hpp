// mgcalc/mgcalc.hpp - the core of mgcalc in one include.
//
// Optional, heavier headers (range-v3 views, loaders, JSON) are not included here.
#pragma once

#include <mgcalc/compound.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/evaluation.hpp>
#include <mgcalc/food.hpp>
#include <mgcalc/formula.hpp>
#include <mgcalc/intake.hpp>
#include <mgcalc/life_stage.hpp>
#include <mgcalc/reference.hpp>
#include <mgcalc/supplement.hpp>
#include <mgcalc/units.hpp>
#include <mgcalc/version.hpp>
