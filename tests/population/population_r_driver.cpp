// The mgcalc half of the population.matches_r_survey test (docs/population.md, "Checked against R").
//
//   population_r_driver OUTPUT_DIR
//
// Makes a deterministic random survey (400 people with 1 to 3 recall days, sampling weights, 20
// replicate weights, ten life stages from the IOM 1997 and EFSA 2015 tables), writes it as CSV for
// R (people.csv, days.csv, design.csv), and writes mgcalc's summaries of it as JSON
// (mgcalc-<unit>-<grouping>.json), for every unit and grouping. survey_reference.R computes the
// same statistics with R's survey package; compare_with_r.py compares them.
//
// Every generated amount and weight is a multiple of a power of two (mg in quarters, weights in
// eighths), so its decimal text is exact and R reads the very same doubles; most weighted sums
// are then exact too, and the two programs can agree to the last bit.
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/evaluate/population.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/people/reference.hpp>

#include "detail/text.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// splitmix64 (Steele, Lea and Flood 2014): the same numbers on every platform and standard
// library, unlike std:: distributions.
class random_numbers {
public:
    explicit random_numbers(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// A whole number from `low` to `high`, both included.
    int between(int low, int high) { return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1)); }
    /// True with probability `percent` / 100.
    bool chance(int percent) { return between(1, 100) <= percent; }

private:
    std::uint64_t state_;
};

constexpr int people_count = 400;
constexpr int replicate_count = 20;
constexpr int person_without_days = 250;  // in the weights, but with nothing recorded

/// A kind of person in the survey: their life stage on the first recall day and, for some, on the
/// later days (a 19th birthday between the recalls), and how much they eat.
struct person_kind {
    mgcalc::authority authority;
    int sex;  // 0 female, 1 male, 2 either
    double years;
    bool pregnant;
    std::optional<double> later_years;  // the age on the second and third day, when it changes
    int share;                          // of the people, in percent (but every 20th, make_survey)
    int food_low, food_high;            // mg per day
    int supplement_step;                // mg per supplement dose step
};

const std::vector<person_kind>& kinds() {
    static const std::vector<person_kind> table = {
        {mgcalc::authority::iom, 0, 25, false, std::nullopt, 14, 120, 600, 25},   // Females 19-30 y
        {mgcalc::authority::iom, 1, 40, false, std::nullopt, 14, 150, 700, 25},   // Males 31-50 y
        {mgcalc::authority::iom, 0, 60, false, std::nullopt, 12, 120, 550, 25},   // Females 51+ y
        {mgcalc::authority::iom, 1, 16, false, std::nullopt, 10, 150, 650, 25},   // Males 14-18 y
        {mgcalc::authority::iom, 2, 2, false, std::nullopt, 10, 60, 300, 10},     // Children 1-3 y
        {mgcalc::authority::iom, 2, 6, false, std::nullopt, 10, 80, 350, 10},     // Children 4-8 y
        {mgcalc::authority::iom, 2, 0.75, false, std::nullopt, 8, 40, 150, 5},    // Infants 7-12 mo: no EAR, no UL
        {mgcalc::authority::iom, 0, 28, true, std::nullopt, 8, 150, 600, 25},     // Pregnancy 19-30 y
        {mgcalc::authority::efsa, 2, 35, false, std::nullopt, 8, 120, 600, 25},   // EFSA ">= 18 years": no EAR, a UL
        {mgcalc::authority::efsa, 2, 0.25, false, std::nullopt, 0, 30, 120, 5},   // EFSA below 6 months: no reference
        {mgcalc::authority::iom, 0, 18.99, false, 19.0, 6, 120, 600, 25},         // Females 14-18 y, then 19-30 y
    };
    return table;
}
constexpr std::size_t no_reference_kind = 9;  // every 20th person (make_survey)

std::optional<mgcalc::reference_intakes> reference_of(const person_kind& kind, mgcalc::sex sex, double years) {
    const mgcalc::life_stage stage(sex, mgcalc::age::from_years(years), {.pregnant = kind.pregnant});
    const mgcalc::result<mgcalc::reference_intakes> found = mgcalc::try_reference_intakes_for(stage, kind.authority);
    if (!found) return std::nullopt;
    return *found;
}

/// The index of `reference` in the batch's references, added in order of first use.
std::uint16_t index_of(mgcalc::batch_result& batch, const std::optional<mgcalc::reference_intakes>& reference) {
    if (!reference) return mgcalc::person_day::no_reference;
    for (std::size_t i = 0; i < batch.references.size(); ++i) {
        const mgcalc::reference_intakes& r = batch.references[i];
        if (r.authority == reference->authority && r.life_stage == reference->life_stage &&
            r.target == reference->target && r.note == reference->note) {
            return static_cast<std::uint16_t>(i);
        }
    }
    batch.references.push_back(*reference);
    return static_cast<std::uint16_t>(batch.references.size() - 1);
}

/// The shortest text that reads back as the same double ("NA" for none, as R writes it), without
/// floating-point std::to_chars, which libc++ 14 lacks.
std::string number(double value) { return mgcalc::detail::format_shortest(value); }
std::string number(const std::optional<mgcalc::milligrams>& amount) { return amount ? number(amount->value()) : "NA"; }

struct survey {
    mgcalc::batch_result batch;
    std::vector<std::string> sex;
    mgcalc::survey_weights weights;
};

survey make_survey() {
    random_numbers random(20240917);
    survey s;
    s.weights.replicates.assign(replicate_count, std::vector<double>(people_count));
    for (int person = 0; person < people_count; ++person) {
        // Every 20th person is the infant without a reference, with one day and the weight 2: a
        // group of exactly 20 equal weights, where every percentile falls exactly on a boundary
        // of the cumulative share (F = 1/20, 2/20, ...) and so tells "F >= p" from "F > p". The
        // others by the shares of kinds().
        std::size_t k = no_reference_kind;
        if (person % 20 != 0) {
            int roll = random.between(1, 100);
            k = 0;
            while (k + 1 < kinds().size() && roll > kinds()[k].share) roll -= kinds()[k++].share;
        }
        const person_kind& kind = kinds()[k];
        const mgcalc::sex sex = kind.sex == 2 ? (random.chance(50) ? mgcalc::sex::female : mgcalc::sex::male)
                                              : (kind.sex == 0 ? mgcalc::sex::female : mgcalc::sex::male);
        s.sex.emplace_back(mgcalc::to_string(sex));

        // Weights in eighths from 5 to 25; two people of weight 0 (kept, never weighed).
        double weight = person == 7 || person == 123 ? 0.0 : random.between(40, 200) / 8.0;
        if (k == no_reference_kind) weight = 2.0;
        s.weights.sampling.push_back(weight);
        // Replicate weights: the weight times 1/4 to 2 in quarters, never 0, so that no replicate
        // leaves a group without weight (mgcalc then reports no standard error; survey drops the
        // replicate, docs/population.md).
        for (int r = 0; r < replicate_count; ++r) s.weights.replicates[r][person] = weight * random.between(1, 8) / 4.0;

        if (person == person_without_days) continue;
        const bool takes_supplements = random.chance(30);
        const int days = k == no_reference_kind ? 1 : (random.chance(40) ? 1 : (random.chance(67) ? 2 : 3));
        const int first_day = 19800 + random.between(0, 300);  // days since 1970: 2024-2025
        for (int d = 0; d < days; ++d) {
            const double years = d > 0 && kind.later_years ? *kind.later_years : kind.years;
            const std::optional<mgcalc::reference_intakes> reference = reference_of(kind, sex, years);
            mgcalc::person_day day{};
            day.person = static_cast<std::uint32_t>(person);
            day.day = mgcalc::to_batch_day(std::chrono::sys_days{std::chrono::days{first_day + 3 * d + random.between(0, 2)}});
            day.unknown_entries = random.chance(8) ? static_cast<std::uint32_t>(random.between(1, 2)) : 0;
            double supplement = 0;
            if (takes_supplements && random.chance(75)) {
                day.supplement_doses = static_cast<std::uint32_t>(random.between(1, 2));
                // 1 dose day in 30 has no magnesium in it (a product with none): not a user that day.
                if (!random.chance(3)) {
                    for (std::uint32_t dose = 0; dose < day.supplement_doses; ++dose) {
                        supplement += kind.supplement_step * random.between(1, 10);
                    }
                    // Some at exactly the UL, which is not over it.
                    if (reference && reference->ul_supplemental && random.chance(8)) {
                        supplement = reference->ul_supplemental->value();
                    }
                }
            }
            double food = random.between(4 * kind.food_low, 4 * kind.food_high) / 4.0;
            // Some totals at exactly the EAR, which is not below it.
            if (reference && reference->ear && reference->ear->value() > supplement && random.chance(5)) {
                food = reference->ear->value() - supplement;
            }
            day.food = mgcalc::milligrams::from_value(food);
            day.supplement = mgcalc::milligrams::from_value(supplement);
            day.total = day.food + day.supplement;
            day.reference = index_of(s.batch, reference);
            day.percent_of_target = std::numeric_limits<double>::quiet_NaN();
            if (day.reference == mgcalc::person_day::no_reference) ++s.batch.days_not_covered;
            s.batch.days.push_back(day);
        }
    }
    // Replicate scales in sixteenths from 0.75 to 1.25, and a bootstrap-like scale of 1/(R-1).
    for (int r = 0; r < replicate_count; ++r) s.weights.replicate_scales.push_back((12 + r % 9) / 16.0);
    s.weights.scale = 1.0 / (replicate_count - 1);
    return s;
}

void write_csv(const survey& s, const std::filesystem::path& folder) {
    std::ofstream people(folder / "people.csv");
    people << "person,weight,sex";
    for (int r = 1; r <= replicate_count; ++r) people << ",repweight_" << r;
    people << '\n';
    for (int p = 0; p < people_count; ++p) {
        people << p << ',' << number(s.weights.sampling[p]) << ',' << s.sex[p];
        for (int r = 0; r < replicate_count; ++r) people << ',' << number(s.weights.replicates[r][p]);
        people << '\n';
    }

    std::ofstream days(folder / "days.csv");
    // The reference row as its parts: survey_reference.R makes the life-stage group labels itself.
    days << "person,day,food,supplement,supplement_doses,unknown_entries,has_reference,authority,life_stage,"
            "target_kind,target,ear,ul\n";
    for (const mgcalc::person_day& d : s.batch.days) {
        days << d.person << ',' << d.day.time_since_epoch().count() << ',' << number(d.food.value()) << ','
             << number(d.supplement.value()) << ',' << d.supplement_doses << ',' << d.unknown_entries << ',';
        if (const mgcalc::reference_intakes* r = s.batch.reference_of(d)) {
            days << "TRUE," << mgcalc::detail::quoted(r->authority) << ',' << mgcalc::detail::quoted(r->life_stage) << ','
                 << mgcalc::to_string(r->target_kind) << ',' << number(r->target.value()) << ',' << number(r->ear)
                 << ',' << number(r->ul_supplemental) << '\n';
        } else {
            days << "FALSE,NA,NA,NA,NA,NA,NA\n";
        }
    }

    std::ofstream design(folder / "design.csv");
    design << "replicate,rscale,scale\n";
    for (int r = 0; r < replicate_count; ++r) {
        design << "repweight_" << r + 1 << ',' << number(s.weights.replicate_scales[r]) << ','
               << number(s.weights.scale) << '\n';
    }
}

void write_summaries(const survey& s, const std::filesystem::path& folder) {
    const struct {
        mgcalc::population_grouping grouping;
        const char* name;
    } groupings[] = {{mgcalc::population_grouping::none, "overall"},
                     {mgcalc::population_grouping::life_stage, "life_stage"},
                     {mgcalc::population_grouping::person_label, "sex"}};
    for (const mgcalc::population_unit unit : {mgcalc::population_unit::person_days, mgcalc::population_unit::people}) {
        for (const auto& grouping : groupings) {
            mgcalc::population_options options;
            options.unit = unit;
            options.weights = s.weights;
            options.group_by = grouping.grouping;
            if (grouping.grouping == mgcalc::population_grouping::person_label) options.person_labels = s.sex;
            const std::string name = mgcalc::detail::concat(
                {"mgcalc-", unit == mgcalc::population_unit::people ? "people" : "person_days", "-", grouping.name, ".json"});
            std::ofstream(folder / name) << mgcalc::to_json(mgcalc::summarize_population(s.batch, options)) << '\n';
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: population_r_driver OUTPUT_DIR\n";
        return 2;
    }
    try {
        const std::filesystem::path folder = argv[1];
        std::filesystem::create_directories(folder);
        const survey s = make_survey();
        write_csv(s, folder);
        write_summaries(s, folder);
        std::cout << s.batch.days.size() << " person-days of " << people_count - 1 << " people, "
                  << s.batch.references.size() << " reference rows, " << s.batch.days_not_covered
                  << " person-days without a reference, " << replicate_count << " replicate weights\n";
    } catch (const std::exception& e) {
        std::cerr << "population_r_driver: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
