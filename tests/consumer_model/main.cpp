// A consumer of mgcalc's model headers alone: one day of supplements evaluated against the IOM
// 1997 reference intakes, checked against hand arithmetic. Links nothing of mgcalc (see
// CMakeLists.txt); returns non-zero on a wrong answer, so a broken header fails its CTest test.
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/chemistry/formula.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/foods/recipe.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/intake/time_of_day.hpp>
#include <mgcalc/people/age_between.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/people/reference.hpp>
#include <mgcalc/units.hpp>

#include "../consumer/checks.hpp"

#include <cstdio>
#include <string>

using consumer::check;
using consumer::check_near;
using consumer::failures;

namespace {

// The model at compile time: MgO is 24.305 / (24.305 + 15.999) = 0.6030 magnesium (IUPAC CIAAW
// 2022 weights), and the IOM 1997 row for a woman of 40 is Females 31-50 y, RDA 320 mg.
constexpr double oxide_fraction = mgcalc::get_compound("oxide").elemental_fraction();
static_assert(oxide_fraction > 0.60295 && oxide_fraction < 0.60305);
constexpr mgcalc::life_stage woman{mgcalc::sex::female, mgcalc::age::from_years(40.0)};
static_assert(mgcalc::iom_reference_intakes(woman).target.value() == 320.0);

}  // namespace

int main() {
    using namespace mgcalc::unit_symbols;

    // 200 mg of elemental magnesium as glycinate, and 500 mg of magnesium oxide weighed as the
    // compound: 500 x 24.305 / 40.304 = 301.52 mg elemental. Supplements only, no food.
    mgcalc::day_intake day;
    day.add_supplement(mgcalc::supplement_dose(mgcalc::get_compound("glycinate"), 200.0 * mg), "glycinate=200 mg",
                       mgcalc::parse_time_of_day("21:30"));
    day.add_supplement(mgcalc::supplement_dose(mgcalc::get_compound("magnesium oxide"), 500.0 * mg,
                                               mgcalc::dose_basis::compound));

    const mgcalc::evaluation result = mgcalc::evaluate(day, woman);
    const double oxide_elemental = 500.0 * 24.305 / (24.305 + 15.999);
    check_near("supplemental (mg)", result.supplement.value(), 200.0 + oxide_elemental, 1e-9);
    check_near("food (mg)", result.food.value(), 0.0, 0.0);
    check_near("total (mg)", result.total.value(), 200.0 + oxide_elemental, 1e-9);
    // 501.52 / 320 x 100 = 156.73% of the RDA.
    check_near("percent of the RDA", result.percent_of_target, (200.0 + oxide_elemental) / 320.0 * 100.0, 1e-9);
    check("status meets-rda", result.status == mgcalc::intake_status::meets_target &&
                                  mgcalc::status_code(result) == "meets-rda");
    // The supplemental UL of 350 mg applies to supplements, and 501.5 mg is over it.
    check("over the supplemental UL", result.over_ul);
    bool warned = false;
    for (const mgcalc::warning& w : result.warnings) {
        if (w.code == "over-upper-limit") {
            warned = w.message.find("supplemental magnesium 501.5 mg") != std::string::npos &&
                     w.message.find("350 mg for Females 31-50 y") != std::string::npos;
        }
    }
    check("over-upper-limit warning names 501.5 mg and the 350 mg UL", warned);
    // Largest contribution first: the oxide's 301.5 mg before the glycinate's 200 mg.
    check("entries ranked by contribution", result.entries.size() == 2 &&
                                                result.entries[0].description ==
                                                    "500 mg magnesium oxide (301.5 mg elemental)");
    check("to_string of an amount", mgcalc::to_string(result.total) == "501.5 mg");

    // The rest of the model is header-only too (what this program does not call, it does not
    // prove): a molar mass parsed at run time, an exact age from dates, and a recipe.
    check_near("molar mass of Mg(C2H4NO2)2 (g/mol)", mgcalc::molar_mass(std::string("Mg(C2H4NO2)2")).value(),
               172.423, 1e-9);
    const mgcalc::life_stage born = {mgcalc::sex::female,
                                     mgcalc::age_between(mgcalc::date(1985, 6, 15), mgcalc::date(2025, 6, 15))};
    check("life stage from dates", born.to_string() == "female, 40 years");
    check("time of day", mgcalc::to_string(day.supplements()[0].taken_at.value()) == "21:30");
    // 100 g of a food with 120 mg/100 g and 100 g of one without data: 120 mg / 200 g x 100 g
    // = 60 mg per 100 g, a lower bound.
    const mgcalc::recipe_ingredient ingredients[] = {
        {mgcalc::food{"a", "Oats", 120.0 * mg}, 100.0 * g},
        {mgcalc::food{"b", "Water", std::nullopt}, 100.0 * g},
    };
    const mgcalc::food porridge = mgcalc::make_recipe("porridge", "Porridge", ingredients);
    check_near("recipe (mg per 100 g)", porridge.magnesium_per_100g ? porridge.magnesium_per_100g->value() : -1.0,
               60.0, 1e-9);
    check("recipe is a lower bound", porridge.magnesium_is_lower_bound);

    // Bad input is an mgcalc::error with its stable code, thrown by the headers themselves.
    try {
        (void)mgcalc::get_compound("unobtainium");
        check("get_compound rejects an unknown compound", false);
    } catch (const mgcalc::error& e) {
        check("get_compound rejects an unknown compound", e.code() == mgcalc::errc::unknown_compound);
    }

    std::printf("mgcalc model headers: %s\n", failures == 0 ? "all checks passed" : "FAILED");
    return failures == 0 ? 0 : 1;
}
