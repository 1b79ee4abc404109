// A consumer of mgcalc: one day's magnesium, computed through the public API and checked against
// hand arithmetic. Returns non-zero on a wrong answer, so a broken package fails its CTest test.
#include <mgcalc/format.hpp>
#include <mgcalc/mgcalc.hpp>
// Beyond the model: the embedded USDA data and the JSON log format are compiled into the library,
// so they are what a broken package (a missing generated file, an unlinked JSON reader) breaks.
#include <mgcalc/foods/database.hpp>
#include <mgcalc/io/log_file.hpp>

#include "checks.hpp"

#include <cstdio>
#include <sstream>
#include <string>

using consumer::check_near;
using consumer::check_text;
using consumer::failures;

int main() {
    using namespace mgcalc::unit_symbols;

    // 30 g of pumpkin seed kernels at 592 mg/100 g (USDA SR24, NDB 12014): 30/100 x 592 = 177.6 mg.
    const mgcalc::food seeds{"12014", "Seeds, pumpkin and squash seed kernels, dried", 592.0 * mg};
    const auto from_food = mgcalc::magnesium_in(seeds, 30.0 * g);
    if (!from_food) {
        std::fprintf(stderr, "FAIL magnesium_in: no value for a food with a known content\n");
        return 1;
    }
    check_near("pumpkin seeds, 30 g (mg)", from_food->value(), 177.6, 1e-9);

    // 500 mg of magnesium oxide: 24.305 / (24.305 + 15.999) x 500 = 301.5 mg elemental
    // (IUPAC 2022 abridged atomic weights); tolerance covers the weight table's rounding.
    const mgcalc::compound& oxide = mgcalc::get_compound("magnesium oxide");
    const mgcalc::milligrams elemental = mgcalc::elemental_magnesium(oxide, 500.0 * mg);
    check_near("magnesium oxide, 500 mg (mg elemental)", elemental.value(), 301.5, 0.5);

    // The opt-in printing header, with the consumer's own {fmt}: the amount to 0.1 mg.
    check_text("fmt::format of an amount", fmt::format("{}", elemental), "301.5 mg");
    std::ostringstream stream;
    stream << elemental;
    check_text("operator<< of an amount", stream.str(), "301.5 mg");

    // A woman aged 30: RDA 310 mg, supplemental UL 350 mg (IOM 1997; NIH ODS Table 1).
    const mgcalc::life_stage woman{mgcalc::sex::female, mgcalc::age::from_years(30.0)};
    const mgcalc::reference_intakes reference = mgcalc::iom_reference_intakes(woman);
    check_near("RDA, female 30 y (mg)", reference.target.value(), 310.0, 0.0);
    check_near("supplemental UL, female 30 y (mg)",
               reference.ul_supplemental ? reference.ul_supplemental->value() : -1.0,
               350.0, 0.0);

    // The embedded USDA SR24 data: pumpkin seed kernels, dried, 592 mg per 100 g (NDB 12014).
    const mgcalc::food_database& sr24 = mgcalc::usda_sr24();
    const auto at = sr24.find("12014");
    const auto per_100g = at ? sr24.magnesium_per_100g(*at) : std::nullopt;
    if (!per_100g) {
        std::fprintf(stderr, "FAIL usda_sr24(): no magnesium value for 12014\n");
        ++failures;
    } else {
        check_near("usda_sr24() 12014 (mg per 100 g)", per_100g->value(), 592.0, 0.0);
    }

    // A JSON log read through the library's log format.
    const mgcalc::intake_log log = mgcalc::parse_log_json(R"({
      "format": "mgcalc-log", "version": 1,
      "profile": {"sex": "female", "birth_date": "1990-05-01"},
      "days": [{"date": "2024-03-01", "entries": [{"kind": "food", "item": "12014", "amount": "30 g"}]}]
    })");
    check_near("JSON log: days read", static_cast<double>(log.days.size()), 1.0, 0.0);
    check_near("JSON log: entries read", log.days.empty() ? 0.0 : static_cast<double>(log.days[0].entries.size()), 1.0,
               0.0);

    // Bad input is an mgcalc::error with its stable code in what().
    try {
        (void)mgcalc::get_compound("unobtainium");
        std::fprintf(stderr, "FAIL get_compound accepted an unknown compound\n");
        ++failures;
    } catch (const mgcalc::error& e) {
        const std::string message = e.what();
        if (e.code() != mgcalc::errc::unknown_compound || message.rfind("[mgcalc.unknown_compound] ", 0) != 0) {
            std::fprintf(stderr, "FAIL unexpected error: %s\n", e.what());
            ++failures;
        } else {
            std::printf("ok   unknown compound rejected\n");
        }
    }

    std::printf("mgcalc %s: %s\n", mgcalc::version_string, failures == 0 ? "all checks passed" : "FAILED");
    return failures == 0 ? 0 : 1;
}
