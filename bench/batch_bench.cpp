// mgcalc's evaluate_batch over a generated survey (bench/batch_workload.py: people x food entries
// over days, USDA SR24 foods), against the floor: a bare loop over the same columns that only
// multiplies grams by the food's mg per 100 g and sums per person-day. Run by bench/batch.sh,
// which times DuckDB, pandas and SQLite on the same files and writes docs/performance.md.
//
//   mgcalc_batch_bench --workload DIR [Google Benchmark options]
//   mgcalc_batch_bench --workload DIR --check     one evaluate_batch and one floor pass, compared
//                                                 person-day by person-day; prints the checksums
//
// The columns are read from DIR's binary files (the same entries as entries.csv) and the people
// from people.csv before any benchmark runs: only the computation is timed. Each benchmark
// reports the process's resident memory before its first iteration (`rss_before`: the columns,
// the people and the program) and its peak during its iterations (`peak_rss`; the kernel's
// high-water mark is reset through /proc/self/clear_refs first), in bytes.
#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/foods/database.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

// ---------------------------------------------------------------------------------------------
// The workload
// ---------------------------------------------------------------------------------------------

struct workload {
    mgcalc::batch_foods foods;
    std::vector<mgcalc::batch_person> people;
    std::vector<std::uint32_t> person;
    std::vector<mgcalc::batch_day> day;
    std::vector<std::uint32_t> food;  ///< index into `foods`
    std::vector<mgcalc::grams> amount;

    mgcalc::batch_food_columns columns() const { return {person, day, food, amount}; }
    /// What the columns hold: person, day (mgcalc::batch_day) and food as 4-byte integers, grams
    /// as a double.
    std::size_t column_bytes() const {
        return person.size() * sizeof(std::uint32_t) + day.size() * sizeof(mgcalc::batch_day) +
               food.size() * sizeof(std::uint32_t) + amount.size() * sizeof(mgcalc::grams);
    }
};

template <typename T>
std::vector<T> read_column(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) throw std::runtime_error("cannot open " + path);
    std::fseek(file, 0, SEEK_END);
    const long bytes = std::ftell(file);
    std::fseek(file, 0, SEEK_SET);
    std::vector<T> values(static_cast<std::size_t>(bytes) / sizeof(T));
    const std::size_t read = std::fread(values.data(), sizeof(T), values.size(), file);
    std::fclose(file);
    if (read != values.size() || values.size() * sizeof(T) != static_cast<std::size_t>(bytes))
        throw std::runtime_error("short read of " + path);
    return values;
}

std::vector<std::string_view> split(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        fields.push_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos) return fields;
        start = comma + 1;
    }
}

/// people.csv: person,sex,birth_date,age_years,pregnant_from,pregnant_to,lactating_from,
/// lactating_to,authority,weight; the people in order, person ids 1, 2, 3, ...
std::vector<mgcalc::batch_person> read_people(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::string line;
    std::getline(in, line);  // header
    std::vector<mgcalc::batch_person> people;
    while (std::getline(in, line)) {
        const auto f = split(line);
        if (f.size() != 10 || std::to_string(people.size() + 1) != f[0])
            throw std::runtime_error(path + ": unexpected row " + line);
        if (!f[3].empty()) throw std::runtime_error(path + ": the benchmark reads birth dates, not age_years");
        mgcalc::batch_person person;
        person.profile.sex = mgcalc::parse_sex(f[1]);
        person.profile.birth_date = mgcalc::parse_date(f[2]);
        if (!f[4].empty()) person.profile.pregnancies.push_back({mgcalc::parse_date(f[4]), mgcalc::parse_date(f[5])});
        if (!f[6].empty()) person.profile.lactation.push_back({mgcalc::parse_date(f[6]), mgcalc::parse_date(f[7])});
        if (!f[8].empty()) person.profile.authority = mgcalc::parse_authority(f[8]);
        people.push_back(std::move(person));
    }
    return people;
}

workload load(const std::string& dir) {
    workload w;
    const mgcalc::food_database& sr24 = mgcalc::usda_sr24();
    w.foods = mgcalc::batch_foods::of(sr24);

    // foods.csv (id,mg_per_100g): its rows are what the food column indexes; map them to
    // usda_sr24()'s indexes and check that both say the same.
    std::vector<std::uint32_t> index_of_row;
    {
        std::ifstream in(dir + "/foods.csv");
        if (!in) throw std::runtime_error("cannot open " + dir + "/foods.csv");
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            const auto f = split(line);
            const auto found = sr24.find(f.at(0));
            if (!found) throw std::runtime_error("foods.csv: " + std::string(f[0]) + " is not an SR24 food");
            const auto mg = w.foods.magnesium_per_100g(static_cast<std::uint32_t>(*found));
            if (f.at(1).empty() != !mg.has_value() || (mg && std::abs(mg->value() - std::stod(std::string(f[1]))) > 1e-9))
                throw std::runtime_error("foods.csv: " + std::string(f[0]) + " differs from the embedded data");
            index_of_row.push_back(static_cast<std::uint32_t>(*found));
        }
    }

    w.people = read_people(dir + "/people.csv");
    w.person = read_column<std::uint32_t>(dir + "/entries.person.u32");
    w.food = read_column<std::uint32_t>(dir + "/entries.food.u32");
    for (auto& f : w.food) f = index_of_row.at(f);
    {
        const auto days = read_column<std::int32_t>(dir + "/entries.day.i32");
        w.day.reserve(days.size());
        for (const auto d : days) w.day.push_back(mgcalc::to_batch_day(std::chrono::sys_days{std::chrono::days{d}}));
    }
    {
        const auto grams = read_column<double>(dir + "/entries.grams.f64");
        w.amount.reserve(grams.size());
        for (const auto g : grams) w.amount.push_back(mgcalc::grams::from_value(g));
    }
    if (w.day.size() != w.person.size() || w.food.size() != w.person.size() || w.amount.size() != w.person.size())
        throw std::runtime_error("the entry columns differ in length");
    return w;
}

workload* the_workload = nullptr;

// ---------------------------------------------------------------------------------------------
// The floor
// ---------------------------------------------------------------------------------------------

struct floor_day {
    std::uint32_t person;
    mgcalc::batch_day day;
    double food;  ///< mg from the entries with a magnesium value
    std::uint32_t unknown;
};

/// The least any batch evaluation must do: one pass over the columns, grams x mg / 100 summed per
/// person-day, entries without a value counted instead of added. It leans on the workload's
/// order (each person-day's entries next to each other), which evaluate_batch does not assume,
/// and it looks up no life stage and no reference intake.
void floor_loop(const mgcalc::batch_food_columns& c, std::span<const double> mg_per_100g,
                std::vector<floor_day>& days) {
    days.clear();
    const std::size_t n = c.person.size();
    if (n == 0) return;
    floor_day current{c.person[0], c.day[0], 0.0, 0};
    for (std::size_t i = 0; i < n; ++i) {
        if (c.person[i] != current.person || c.day[i] != current.day) {
            days.push_back(current);
            current = {c.person[i], c.day[i], 0.0, 0};
        }
        const double mg = mg_per_100g[c.food[i]];
        const bool known = !std::isnan(mg);
        current.food += known ? c.amount[i].value() * mg / 100.0 : 0.0;
        current.unknown += known ? 0U : 1U;
    }
    days.push_back(current);
}

std::vector<floor_day> floor_loop(const mgcalc::batch_food_columns& c, std::span<const double> mg_per_100g) {
    std::vector<floor_day> days;
    floor_loop(c, mg_per_100g, days);
    return days;
}

// ---------------------------------------------------------------------------------------------
// Resident memory
// ---------------------------------------------------------------------------------------------

/// A field of /proc/self/status in bytes ("VmRSS", "VmHWM"); 0 when unreadable.
std::size_t status_bytes(std::string_view field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, field.size(), field) == 0 && line.size() > field.size() && line[field.size()] == ':')
            return std::strtoull(line.c_str() + field.size() + 1, nullptr, 10) * 1024;
    }
    return 0;
}

/// Resets the kernel's peak resident memory (VmHWM) to the current resident memory.
bool reset_peak_rss() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

void memory_counters(benchmark::State& state, std::size_t before) {
    state.counters["rss_before"] = static_cast<double>(before);
    state.counters["peak_rss"] = static_cast<double>(status_bytes("VmHWM"));
    state.counters["entries"] = static_cast<double>(the_workload->person.size());
    state.counters["per_entry"] = benchmark::Counter(static_cast<double>(the_workload->person.size()),
                                                     benchmark::Counter::kIsIterationInvariantRate |
                                                         benchmark::Counter::kInvert);
}

// ---------------------------------------------------------------------------------------------
// Benchmarks
// ---------------------------------------------------------------------------------------------

void bm_mgcalc(benchmark::State& state) {
    const workload& w = *the_workload;
    mgcalc::batch_options options;
    options.threads = static_cast<unsigned>(state.range(0));
    reset_peak_rss();
    const std::size_t before = status_bytes("VmRSS");
    std::size_t days = 0;
    for (auto _ : state) {
        const mgcalc::batch_result result = mgcalc::evaluate_batch(w.foods, w.people, w.columns(), {}, options);
        days = result.days.size();
        benchmark::DoNotOptimize(result.days.data());
    }
    memory_counters(state, before);
    state.counters["person_days"] = static_cast<double>(days);
}

/// The floor as the API's contract has it: a new result each call, so the pages of the result are
/// the kernel's to find each time, as they are for evaluate_batch.
void bm_floor(benchmark::State& state) {
    const workload& w = *the_workload;
    reset_peak_rss();
    const std::size_t before = status_bytes("VmRSS");
    std::size_t days = 0;
    for (auto _ : state) {
        const std::vector<floor_day> result = floor_loop(w.columns(), w.foods.mg_per_100g());
        days = result.size();
        benchmark::DoNotOptimize(result.data());
    }
    memory_counters(state, before);
    state.counters["person_days"] = static_cast<double>(days);
}

/// The same loop writing into one buffer kept from call to call: the arithmetic and the memory
/// traffic alone, without the page faults of a new result (what those cost on the machine).
void bm_floor_reused(benchmark::State& state) {
    const workload& w = *the_workload;
    std::vector<floor_day> result;
    floor_loop(w.columns(), w.foods.mg_per_100g(), result);
    reset_peak_rss();
    const std::size_t before = status_bytes("VmRSS");
    for (auto _ : state) {
        floor_loop(w.columns(), w.foods.mg_per_100g(), result);
        benchmark::DoNotOptimize(result.data());
    }
    memory_counters(state, before);
    state.counters["person_days"] = static_cast<double>(result.size());
}

/// One evaluate_batch and one floor pass, compared day by day; the checksums bench/batch.sh
/// compares with the other engines'. Returns false on a difference.
bool check(const workload& w) {
    const auto started = std::chrono::steady_clock::now();
    const mgcalc::batch_result result = mgcalc::evaluate_batch(w.foods, w.people, w.columns());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::vector<floor_day> floor = floor_loop(w.columns(), w.foods.mg_per_100g());
    if (result.days.size() != floor.size()) {
        std::cerr << "check: evaluate_batch gives " << result.days.size() << " person-days, the floor " << floor.size()
                  << '\n';
        return false;
    }
    double food = 0.0;
    std::size_t unknown = 0;
    std::size_t mismatches = 0;
    std::size_t below_ear = 0;
    for (std::size_t i = 0; i < floor.size(); ++i) {
        const mgcalc::person_day& d = result.days[i];
        const floor_day& f = floor[i];
        const double mg = d.food.value();
        if (d.person != f.person || d.day != f.day || d.unknown_entries != f.unknown ||
            std::abs(mg - f.food) > 1e-9 * std::max(1.0, std::abs(f.food))) {
            if (mismatches++ < 5)
                std::cerr << "check: person " << f.person << " day " << f.day.time_since_epoch().count() << ": mgcalc "
                          << mg << " mg, " << d.unknown_entries << " unknown; floor " << f.food << " mg, " << f.unknown
                          << " unknown\n";
        }
        food += mg;
        unknown += d.unknown_entries;
        below_ear += d.below_ear ? 1 : 0;
    }
    std::printf("person_days %zu\nfood_mg %.6f\nunknown_entries %zu\nbelow_ear %zu\ndays_not_covered %zu\n"
                "references %zu\nmismatches %zu\nseconds %.3f\n",
                floor.size(), food, unknown, below_ear, result.days_not_covered, result.references.size(), mismatches,
                seconds);
    return mismatches == 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir;
    bool check_only = false;
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--workload" && i + 1 < argc) {
            dir = argv[++i];
        } else if (arg == "--check") {
            check_only = true;
        } else {
            rest.push_back(argv[i]);
        }
    }
    if (dir.empty()) {
        std::cerr << "usage: mgcalc_batch_bench --workload DIR [--check] [Google Benchmark options]\n";
        return 2;
    }
    try {
        static workload w = load(dir);
        the_workload = &w;
        if (check_only) return check(w) ? 0 : 1;

        const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
        benchmark::AddCustomContext("entries", std::to_string(w.person.size()));
        benchmark::AddCustomContext("people", std::to_string(w.people.size()));
        benchmark::AddCustomContext("column_bytes", std::to_string(w.column_bytes()));
        benchmark::AddCustomContext("hardware_threads", std::to_string(cores));
        benchmark::AddCustomContext("sizeof_day", std::to_string(sizeof(mgcalc::batch_day)));
        benchmark::AddCustomContext("sizeof_person_day", std::to_string(sizeof(mgcalc::person_day)));
        benchmark::AddCustomContext("sizeof_batch_person", std::to_string(sizeof(mgcalc::batch_person)));
        benchmark::RegisterBenchmark("batch/floor", bm_floor)->UseRealTime()->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("batch/floor_reused", bm_floor_reused)
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
        auto* mgcalc = benchmark::RegisterBenchmark("batch/mgcalc", bm_mgcalc)->ArgName("threads")->Arg(1);
        if (cores > 1) mgcalc->Arg(static_cast<std::int64_t>(cores));
        mgcalc->UseRealTime()->Unit(benchmark::kMillisecond);

        int bench_argc = static_cast<int>(rest.size());
        benchmark::Initialize(&bench_argc, rest.data());
        if (benchmark::ReportUnrecognizedArguments(bench_argc, rest.data())) return 2;
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
    } catch (const std::exception& e) {
        std::cerr << "mgcalc_batch_bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
