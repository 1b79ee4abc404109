// mgcalc/mgcalc.hpp - the core of mgcalc in one include.
//
// Optional, heavier headers are not included here: <mgcalc/food_catalog.hpp> and
// <mgcalc/food_search.hpp> (layered databases and search), <mgcalc/food_loaders.hpp> (FDC,
// SR28 and CSV loaders).
#pragma once

#include <mgcalc/compound.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/evaluation.hpp>
#include <mgcalc/food.hpp>
#include <mgcalc/food_database.hpp>
#include <mgcalc/formula.hpp>
#include <mgcalc/intake.hpp>
#include <mgcalc/life_stage.hpp>
#include <mgcalc/recipe.hpp>
#include <mgcalc/reference.hpp>
#include <mgcalc/serving.hpp>
#include <mgcalc/supplement.hpp>
#include <mgcalc/units.hpp>
#include <mgcalc/version.hpp>
