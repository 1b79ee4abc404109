// The same 200 mg of elemental magnesium from every compound mgcalc knows: how much of the
// compound that is, what fraction of it is magnesium, and the labelled absorbed estimate where
// mgcalc has a bioavailability estimate for the form. CTest checks the output
// (compare_forms.expected).
//
// Expected numbers, worked by hand with the IUPAC 2022 standard atomic weights (Mg 24.305,
// C 12.011, H 1.008, O 15.999, N 14.007, Cl 35.45, S 32.06), compound mass = 200 mg x M / (n x 24.305):
//   oxide     MgO             M  40.304  60.30 % Mg   331.65 mg   absorbed 200 x 0.30 x 0.4 = 24.0 mg
//   citrate   Mg3(C6H5O7)2    M 451.113  16.16 % Mg  1237.37 mg   absorbed 200 x 0.30 x 1.0 = 60.0 mg
//   glycinate Mg(C2H4NO2)2    M 172.423  14.10 % Mg  1418.83 mg   absorbed 60.0 mg
//   chloride-hexahydrate MgCl2.6H2O  M 203.295  11.96 % Mg  1672.87 mg   absorbed 60.0 mg
//   threonate C8H14MgO10      M 294.495   8.25 % Mg  2423.33 mg   no estimate (no absorption study)
//   sulfate-heptahydrate MgSO4.7H2O  M 246.466   9.86 % Mg  2028.11 mg   no estimate (rat data only)
// The absorbed estimate is 30 % of elemental (Blancquaert et al. 2019) x the relative factor.
#include <mgcalc/mgcalc.hpp>

#include <iomanip>
#include <iostream>

int main() {
    // [compare-forms]
    using namespace mgcalc::unit_symbols;
    const mgcalc::milligrams dose = 200.0 * mg;  // elemental, as a Supplement Facts label states it
    // Anyone will do: the absorbed estimate does not depend on the life stage.
    const mgcalc::life_stage adult{mgcalc::sex::female, mgcalc::age::from_years(40.0)};

    std::cout << "200 mg elemental magnesium as each compound\n" << std::fixed;
    std::cout << std::left << std::setw(24) << "compound" << std::right << std::setw(12) << "% Mg"
              << std::setw(16) << "compound mg" << std::setw(16) << "absorbed mg" << '\n';
    for (const mgcalc::compound& form : mgcalc::compounds()) {
        // Stoichiometry: mass = elemental / fraction, from the formula and hydrate water.
        const mgcalc::milligrams mass = mgcalc::compound_mass_for(form, dose);

        // The absorbed estimate is what evaluate() reports for a day of just this dose; it is empty
        // when the compound has no bioavailability estimate (weak or no human evidence).
        mgcalc::day_intake day;
        day.add_supplement(mgcalc::supplement_dose{form, dose});
        const mgcalc::evaluation result = mgcalc::evaluate(day, adult);

        std::cout << std::left << std::setw(24) << form.id << std::right << std::setprecision(2) << std::setw(12)
                  << form.elemental_fraction() * 100.0 << std::setw(16) << mass.value() << std::setw(16);
        if (result.absorbed) {
            std::cout << std::setprecision(1) << result.absorbed->amount.value();
        } else {
            std::cout << "no estimate";
        }
        std::cout << "   (" << mgcalc::to_string(form.grade) << ")\n";
    }
    // [compare-forms]
}
