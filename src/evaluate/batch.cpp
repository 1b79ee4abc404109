// Batch evaluation over columns (include/mgcalc/evaluate/batch.hpp).
//
// Three passes. (1) Serial: find each person-day's entries, in (person, day) order; columns that
// are already ordered (the usual case: a survey file or a database export sorted by person) are
// read in place, others through one permutation. (2) Parallel: each thread takes a contiguous run
// of person-days and writes only those results, with its own list of the references it met.
// (3) Serial: the threads' reference lists are merged in person-day order, so `references` and
// every index into it are the same for any thread count.
#include <mgcalc/evaluate/batch.hpp>

#include <mgcalc/detail/decimal.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/limits.hpp>
#include <mgcalc/people/age_between.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <numeric>
#include <thread>
#include <utility>
#include <version>

namespace mgcalc {

namespace {

constexpr double unknown_value = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void fail_row(errc code, std::string_view table, std::size_t row, std::string_view what) {
    throw error(code, detail::concat({table, " row ", std::to_string(row + 1), ": ", what}));
}

std::string day_text(batch_day day) { return to_string(year_month_day{day}); }

// The order in which rows are read: empty when the columns are already ordered by (person, day),
// else a permutation sorted by (person, day) that keeps the logged order within a person-day.
std::vector<std::size_t> reading_order(std::span<const std::uint32_t> person, std::span<const batch_day> day) {
    const auto before = [&](std::size_t a, std::size_t b) {
        return person[a] != person[b] ? person[a] < person[b] : day[a] < day[b];
    };
    bool ordered = true;
    for (std::size_t i = 1; i < person.size() && ordered; ++i) ordered = !before(i, i - 1);
    if (ordered) return {};
    std::vector<std::size_t> order(person.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), before);
    return order;
}

// Rows of one table as read: row(i) is the i-th row in (person, day) order.
struct ordered_rows {
    std::span<const std::uint32_t> person;
    std::span<const batch_day> day;
    std::vector<std::size_t> order;  // empty: identity
    std::size_t size() const noexcept { return person.size(); }
    std::size_t row(std::size_t i) const noexcept { return order.empty() ? i : order[i]; }
};

void check_lengths(std::string_view table, std::initializer_list<std::size_t> sizes) {
    const std::size_t first = *sizes.begin();
    for (std::size_t size : sizes) {
        if (size != first) {
            throw error(errc::parse_error,
                        detail::concat({table, " columns have different lengths (", std::to_string(first), " and ",
                                        std::to_string(size), "): every column needs one value per row"}));
        }
    }
}

// Where one person-day's rows start in the reading order of each table.
struct day_bounds {
    std::size_t food_begin;
    std::size_t dose_begin;
};

// Same reference row: the tables are static, so the row's texts are the same objects.
bool same_reference(const reference_intakes& a, const reference_intakes& b) noexcept {
    return a.authority_id == b.authority_id && a.life_stage.data() == b.life_stage.data() &&
           a.note.data() == b.note.data() && a.target == b.target && a.ear == b.ear &&
           a.ul_supplemental == b.ul_supplemental;
}

// Every table's bands start and end on whole months of age (people/reference_tables.hpp), so a
// reference depends on the life stage only through the authority, sex, pregnancy, lactation,
// infant feeding and completed months of age. A thread remembers each such stage's reference:
// looking one up in the table for each of millions of person-days was a fifth of the time.
constexpr std::size_t months_of_age = static_cast<std::size_t>(limits::max_age_years * 12) + 1;
constexpr std::size_t stage_keys = all_authorities.size() * 2 * 2 * 2 * 3 * months_of_age;

constexpr std::size_t stage_key(authority a, sex s, bool pregnant, bool lactating, infant_feeding feeding,
                                std::size_t completed_months) {
    std::size_t key = static_cast<std::size_t>(a);
    key = key * 2 + (s == sex::male ? 1 : 0);
    key = key * 2 + (pregnant ? 1 : 0);
    key = key * 2 + (lactating ? 1 : 0);
    key = key * 3 + static_cast<std::size_t>(feeding);
    return key * months_of_age + completed_months;
}

std::size_t stage_key(const life_stage& stage, authority a) {
    return stage_key(a, stage.sex(), stage.pregnant(), stage.lactating(), stage.infant_feeding(),
                     static_cast<std::size_t>(stage.age().in_months()));  // completed months
}

// The same key without building the life stage, for a person with a birth date (the usual
// case), or nothing where only the whole of profile::on can say (a stated age, a day before the
// birth, an age near 120 years). Building the life stage, with its exact age, was the largest cost
// left per person-day.
std::optional<std::size_t> quick_stage_key(const batch_person& who, year_month_day day) {
    const mgcalc::profile& p = who.profile;
    if (!p.birth_date || !day.ok() || !p.birth_date->ok() || day < *p.birth_date) return std::nullopt;
    const long long months = completed_months(*p.birth_date, day);
    if (months >= static_cast<long long>(months_of_age) - 1) return std::nullopt;
    const infant_feeding feeding = months < 12 ? p.infant_feeding : infant_feeding::unspecified;
    return stage_key(p.authority, p.sex, any_contains(p.pregnancies, day), any_contains(p.lactation, day), feeding,
                     static_cast<std::size_t>(months));
}

#if defined(__cpp_lib_jthread)
using worker_thread = std::jthread;
#else
// libc++ 14 (the libc++ build, Emscripten) has no std::jthread: a thread joined when destroyed.
class worker_thread {
public:
    template <class Function, class... Arguments>
    explicit worker_thread(Function&& f, Arguments&&... arguments)
        : thread_(std::forward<Function>(f), std::forward<Arguments>(arguments)...) {}
    worker_thread(worker_thread&&) noexcept = default;
    worker_thread& operator=(worker_thread&&) = delete;
    ~worker_thread() {
        if (thread_.joinable()) thread_.join();
    }

private:
    std::thread thread_;
};
#endif

// One thread's work: person-days [begin, end), with the references it met in first-use order.
struct worker {
    static constexpr std::uint16_t not_looked_up = 0xFFFE;
    std::size_t begin;
    std::size_t end;
    std::vector<reference_intakes> references;
    std::vector<std::uint16_t> by_stage;  // stage_key -> index into references, or no_reference
    std::exception_ptr failure;
};

class batch_run {
public:
    batch_run(const batch_foods& foods, std::span<const batch_person> people, const batch_food_columns& entries,
              const batch_supplement_columns& doses)
        : foods_(foods.mg_per_100g()),
          people_(people),
          entries_(entries),
          doses_(doses),
          food_rows_{entries.person, entries.day, {}},
          dose_rows_{doses.person, doses.day, {}} {
        check_lengths("food entry", {entries.person.size(), entries.day.size(), entries.food.size(), entries.amount.size()});
        check_lengths("supplement", {doses.person.size(), doses.day.size(), doses.compound.size(), doses.amount.size(),
                                     doses.basis.size()});
        check_people("food entry", entries.person);
        check_people("supplement", doses.person);
        food_rows_.order = reading_order(entries.person, entries.day);
        dose_rows_.order = reading_order(doses.person, doses.day);
    }

    // Pass 1: where each distinct (person, day) of either table starts, in order. The days
    // themselves are filled in pass 2, by the thread that evaluates them.
    std::size_t find_days() {
        walk_days([&](std::size_t f, std::size_t s) { bounds_.push_back({f, s}); });
        bounds_.push_back({food_rows_.size(), dose_rows_.size()});
        return bounds_.size() - 1;
    }

    // Calls visit(first food row, first dose row) for each person-day in order.
    template <class Visit>
    void walk_days(Visit visit) const {
        std::size_t f = 0, s = 0;
        const auto key = [](const ordered_rows& rows, std::size_t i) {
            const std::size_t r = rows.row(i);
            return std::pair{rows.person[r], rows.day[r]};
        };
        while (f < food_rows_.size() || s < dose_rows_.size()) {
            std::pair<std::uint32_t, batch_day> next;
            if (s == dose_rows_.size() || (f < food_rows_.size() && key(food_rows_, f) <= key(dose_rows_, s))) {
                next = key(food_rows_, f);
            } else {
                next = key(dose_rows_, s);
            }
            visit(f, s);
            while (f < food_rows_.size() && key(food_rows_, f) == next) ++f;
            while (s < dose_rows_.size() && key(dose_rows_, s) == next) ++s;
        }
    }

    // Pass 2, for days [w.begin, w.end).
    void evaluate_days(std::vector<person_day>& days, worker& w, std::atomic<std::size_t>& done) const {
        constexpr std::size_t report_every = 4096;
        w.by_stage.assign(stage_keys, worker::not_looked_up);
        for (std::size_t d = w.begin; d < w.end; ++d) {
            evaluate_day(days[d], d, w);
            if ((d - w.begin + 1) % report_every == 0) done.fetch_add(report_every, std::memory_order_relaxed);
        }
    }

private:
    void check_people(std::string_view table, std::span<const std::uint32_t> person) const {
        for (std::size_t i = 0; i < person.size(); ++i) {
            if (person[i] >= people_.size()) {
                fail_row(errc::parse_error, table, i,
                         detail::concat({"person ", std::to_string(person[i]), " is not one of the ",
                                         std::to_string(people_.size()), " people given (indexes 0 to ",
                                         std::to_string(people_.size() == 0 ? 0 : people_.size() - 1), ")"}));
            }
        }
    }

    void evaluate_day(person_day& out, std::size_t d, worker& w) const {
        // Who and when: from the day's first row, a food entry or else a dose.
        const bool has_food = bounds_[d].food_begin < bounds_[d + 1].food_begin;
        const ordered_rows& first = has_food ? food_rows_ : dose_rows_;
        const std::size_t first_row = first.row(has_food ? bounds_[d].food_begin : bounds_[d].dose_begin);
        out.person = first.person[first_row];
        out.day = first.day[first_row];
        out.reference = person_day::no_reference;
        // Food: the arithmetic of magnesium_in() and evaluate(), in the logged order.
        milligrams food = milligrams::from_value(0.0);
        std::uint32_t unknown = 0;
        for (std::size_t i = bounds_[d].food_begin; i < bounds_[d + 1].food_begin; ++i) {
            const std::size_t r = food_rows_.row(i);
            const std::uint32_t index = entries_.food[r];
            if (index >= foods_.size()) {
                fail_row(errc::parse_error, "food entry", r,
                         detail::concat({"food index ", std::to_string(index), " is out of range: the food table has ",
                                         std::to_string(foods_.size()), " foods, indexes 0 to ",
                                         std::to_string(foods_.size() == 0 ? 0 : foods_.size() - 1)}));
            }
            const double weight = entries_.amount[r].value();
            if (!(weight >= 0.0 && weight <= limits::max_food_grams)) {
                fail_row(errc::invalid_amount, "food entry", r,
                         detail::concat({"amount ", detail::decimal(weight, 3),
                                         " g is not accepted: expected a finite amount from 0 to ",
                                         detail::decimal(limits::max_food_grams, 0), " g"}));
            }
            const double per_100g = foods_[index];
            if (std::isnan(per_100g)) {
                ++unknown;  // unknown is not zero: counted, never added
            } else {
                food += milligrams::from_value(per_100g) * (weight / 100.0);
            }
        }
        // Supplements: each dose as supplement_dose reads it (stoichiometry, plausibility).
        milligrams supplement = milligrams::from_value(0.0);
        const std::span<const compound> known = compounds();
        for (std::size_t i = bounds_[d].dose_begin; i < bounds_[d + 1].dose_begin; ++i) {
            const std::size_t r = dose_rows_.row(i);
            const std::uint32_t c = doses_.compound[r];
            if (c > known.size()) {
                fail_row(errc::unknown_compound, "supplement", r,
                         detail::concat({"compound index ", std::to_string(c), " is out of range: 0 to ",
                                         std::to_string(known.size() - 1), " are compounds(), ",
                                         std::to_string(known.size()), " is magnesium of a form not stated"}));
            }
            const compound& form = c == known.size() ? unspecified_form() : known[c];
            try {
                supplement += supplement_dose(form, doses_.amount[r], doses_.basis[r]).elemental();
            } catch (const error& e) {
                fail_row(e.code(), "supplement", r, e.message());
            }
        }

        out.food = food;
        out.unknown_entries = unknown;
        out.supplement_doses = static_cast<std::uint32_t>(bounds_[d + 1].dose_begin - bounds_[d].dose_begin);
        out.supplement = supplement;
        out.total = food + supplement;

        out.reference = reference_index(out, w);
        if (out.reference == person_day::no_reference) {
            out.percent_of_target = unknown_value;
            return;
        }
        // As evaluate(): percent of the target; the EAR status; the UL on supplements only
        // (IOM 1997, pp. 242-244), and only where the table sets one.
        const reference_intakes& reference = w.references[out.reference];
        out.percent_of_target = out.total / reference.target * 100.0;
        out.below_ear = reference.ear && out.total < *reference.ear;
        out.over_ul = reference.ul_supplemental && out.supplement > *reference.ul_supplemental;
    }

    // The day's reference in `references` (added if new), or no_reference where the authority's
    // table has no row for the person's life stage that day.
    std::uint16_t reference_index(const person_day& day, worker& w) const {
        const batch_person& who = people_[day.person];
        const year_month_day date{day.day};
        if (const std::optional<std::size_t> key = quick_stage_key(who, date)) {
            if (const std::uint16_t known = w.by_stage[*key]; known != worker::not_looked_up) return known;
        }
        try {
            const life_stage stage = who.on(date);
            std::uint16_t& known = w.by_stage[stage_key(stage, who.profile.authority)];
            if (known != worker::not_looked_up) return known;
            const result<reference_intakes> found = try_reference_intakes_for(stage, who.profile.authority);
            if (found) return known = local_index(w.references, *found);
            if (found.error().code() == errc::not_covered) return known = person_day::no_reference;
            throw found.error();
        } catch (const error& e) {
            throw error(e.code(), detail::concat({"person ", std::to_string(day.person), " on ", day_text(day.day), ": ",
                                                  e.message()}));
        }
    }

    static std::uint16_t local_index(std::vector<reference_intakes>& references, const reference_intakes& r) {
        // Most days repeat the last reference met (the same person's next day).
        if (!references.empty() && same_reference(references.back(), r)) {
            return static_cast<std::uint16_t>(references.size() - 1);
        }
        for (std::size_t i = 0; i < references.size(); ++i) {
            if (same_reference(references[i], r)) return static_cast<std::uint16_t>(i);
        }
        references.push_back(r);
        return static_cast<std::uint16_t>(references.size() - 1);
    }

    std::span<const double> foods_;
    std::span<const batch_person> people_;
    const batch_food_columns& entries_;
    const batch_supplement_columns& doses_;
    ordered_rows food_rows_;
    ordered_rows dose_rows_;
    std::vector<day_bounds> bounds_;
};

}  // namespace

batch_foods batch_foods::of(const food_database& database) {
    batch_foods table;
    table.per_100g_.reserve(database.size());
    for (std::size_t i = 0; i < database.size(); ++i) {
        const std::optional<milligrams> value = database.magnesium_per_100g(i);
        table.per_100g_.push_back(value ? value->value() : unknown_value);
    }
    return table;
}

std::uint32_t batch_foods::add(const food& item) {
    per_100g_.push_back(item.magnesium_per_100g ? item.magnesium_per_100g->value() : unknown_value);
    return static_cast<std::uint32_t>(per_100g_.size() - 1);
}

std::optional<milligrams> batch_foods::magnesium_per_100g(std::uint32_t index) const {
    const double value = per_100g_.at(index);
    if (std::isnan(value)) return std::nullopt;
    return milligrams::from_value(value);
}

life_stage batch_person::on(year_month_day day) const {
    if (!age_is_fixed || !profile.age) return profile.on(day);
    // profile::on with the stated years as the age on `day` itself, built here rather than on a
    // copy of the profile: a survey gives most people an age, and a copy per day allocates.
    const mgcalc::age exact = age::from_years(profile.age->years);
    physiological_state state{.pregnant = any_contains(profile.pregnancies, day),
                              .lactating = any_contains(profile.lactation, day)};
    if (exact.infant()) state.feeding = profile.infant_feeding;
    return life_stage(profile.sex, exact, state);
}

batch_result evaluate_batch(const batch_foods& foods, std::span<const batch_person> people,
                            const batch_food_columns& entries, const batch_supplement_columns& supplements,
                            const batch_options& options) {
    batch_run run(foods, people, entries, supplements);
    batch_result result;
    const std::size_t total = run.find_days();
    result.days.resize(total);

    unsigned threads = options.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.threads;
    // Below a few thousand days a thread costs more than it saves.
    constexpr std::size_t min_days_per_thread = 4096;
    threads = static_cast<unsigned>(std::clamp<std::size_t>(total / min_days_per_thread, 1, threads));

    std::vector<worker> workers(threads);
    for (unsigned t = 0; t < threads; ++t) {
        workers[t].begin = total * t / threads;
        workers[t].end = total * (t + 1) / threads;
    }
    std::atomic<std::size_t> done{0};
    std::atomic<unsigned> finished{0};
    const auto work = [&](worker& w) {
        try {
            run.evaluate_days(result.days, w, done);
        } catch (...) {
            w.failure = std::current_exception();
        }
        finished.fetch_add(1, std::memory_order_release);
    };
    {
        // With a progress callback the calling thread only reports; otherwise it takes a share.
        const unsigned first_in_pool = options.progress ? 0 : 1;
        std::vector<worker_thread> pool;
        pool.reserve(threads);
        for (unsigned t = first_in_pool; t < threads; ++t) pool.emplace_back(work, std::ref(workers[t]));
        if (options.progress) {
            while (finished.load(std::memory_order_acquire) < threads) {
                options.progress(static_cast<double>(done.load(std::memory_order_relaxed)) / static_cast<double>(total));
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        } else {
            work(workers[0]);
        }
    }  // joins
    // The first failure in person-day order, whatever the thread count.
    for (const worker& w : workers) {
        if (w.failure) std::rethrow_exception(w.failure);
    }

    // Pass 3: global reference indexes in first-use order.
    for (const worker& w : workers) {
        std::vector<std::uint16_t> global(w.references.size());
        for (std::size_t i = 0; i < w.references.size(); ++i) {
            const auto found = std::find_if(result.references.begin(), result.references.end(),
                                            [&](const reference_intakes& r) { return same_reference(r, w.references[i]); });
            if (found == result.references.end()) {
                result.references.push_back(w.references[i]);
                global[i] = static_cast<std::uint16_t>(result.references.size() - 1);
            } else {
                global[i] = static_cast<std::uint16_t>(found - result.references.begin());
            }
        }
        for (std::size_t d = w.begin; d < w.end; ++d) {
            person_day& day = result.days[d];
            if (day.reference == person_day::no_reference) {
                ++result.days_not_covered;
            } else {
                day.reference = global[day.reference];
            }
        }
    }
    for (std::size_t d = 0; d < total; ++d) {
        const bool same_person = d > 0 && result.days[d - 1].person == result.days[d].person;
        result.days[d].day_index = same_person ? result.days[d - 1].day_index + 1 : 1;
    }
    if (options.progress) options.progress(1.0);
    return result;
}

}  // namespace mgcalc
