// mgcalc/mgcalc.hpp - the core of mgcalc in one include.
//
// Optional, heavier headers are not included here: <mgcalc/foods/catalog.hpp> and
// <mgcalc/foods/search.hpp> (layered databases and search), <mgcalc/foods/loaders.hpp> (FDC,
// SR28 and CSV loaders), and the calendar: <mgcalc/dates.hpp> and
// <mgcalc/people/age_between.hpp> (an age from a birth date), which bring <chrono>: with
// libstdc++ 12 it adds <ostream> and the locales, 13% more to compile (docs/performance.md).
#pragma once

#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/food.hpp>
#include <mgcalc/foods/database.hpp>
#include <mgcalc/chemistry/formula.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/foods/recipe.hpp>
#include <mgcalc/people/reference.hpp>
#include <mgcalc/foods/serving.hpp>
#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/units.hpp>
#include <mgcalc/version.hpp>
