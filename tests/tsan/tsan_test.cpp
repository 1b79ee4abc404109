// One food_catalog (the embedded USDA SR24 data under a custom food CSV layer) and one mgc_catalog
// of the C API, shared by 8 threads that at once search foods, resolve entries, evaluate days and
// intake logs, run the batch engine and call the C API. Built and run under ThreadSanitizer by
// scripts/tsan.sh (CTest: tsan.shared_catalog); it also runs, and checks, in an ordinary build.
//
// Every thread's results must equal a single-thread reference. The reference is computed in a
// child process (fork) before the threads start, so that in this process the embedded data's
// search index (usda_sr24_search, built on first use) and the C library's copy of it are still
// unbuilt when the threads start: their first searches race on building them.
//
//   tsan_test DATA_DIR EXAMPLES_DIR
//     DATA_DIR      tests/data (custom/foods.csv, custom/recipes.csv)
//     EXAMPLES_DIR  the repository root (examples/batch/*.csv, docs/examples/log-example.json)
#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/loaders.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/io/batch_files.hpp>
#include <mgcalc/io/json.hpp>
#include <mgcalc/io/log_file.hpp>
#include <mgcalc/io/log_json.hpp>
#include <mgcalc/mgcalc.h>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int thread_count = 8;
constexpr int rounds = 3;

std::string data_dir;
std::string root_dir;

// A log whose foods are words, so that evaluating it searches the catalog.
constexpr const char* typed_log = R"({
  "format": "mgcalc-log",
  "version": 1,
  "profile": {"sex": "male", "birth_date": "1980-06-01"},
  "days": [
    {"date": "2026-03-01", "entries": [
      {"kind": "food", "item": "black beans", "amount": "1 cup"},
      {"kind": "food", "item": "csv:protein-bar", "amount": "1 bar"},
      {"kind": "supplement", "item": "citrate", "amount": "150 mg"}]},
    {"date": "2026-03-02", "entries": [
      {"kind": "food", "item": "cooked spinach", "amount": "1 cup"},
      {"kind": "food", "item": "granola", "amount": "1 cup"}]}
  ]
})";

std::string c_text(int status, char* text) {
    std::string s = status == MGC_OK && text ? std::string(text) : "status " + std::to_string(status) + ": " +
                                                                        mgc_last_error_message();
    mgc_free(text);
    return s;
}

std::string number(double x) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", x);
    return buffer;
}

// The operations, each one's result as text. Thread t runs them starting at operation t, so that
// different operations run at the same moment.
std::vector<std::function<std::string()>> operations(const mgcalc::food_catalog& catalog, mgc_catalog* c) {
    using namespace mgcalc;
    std::vector<std::function<std::string()>> ops;
    for (const char* query : {"pumpkin seeds", "spinch", "protein bar", "black beans cooked", "almonds"}) {
        ops.push_back([&catalog, query] {
            std::vector<word_reading> readings;
            const std::vector<catalog_match> hits = catalog.search(query, 8, readings);
            std::string s = to_json(hits);
            for (const word_reading& r : readings) s += "|" + r.typed + ">" + r.read_as;
            return s;
        });
    }
    for (const char* typed : {"1 cup black beans", "half a cup of cashews", "csv:protein-bar=1 bar", "csv:kelp=1 tsp",
                              "granola=1 cup", "almonds 30g", "12014=1 oz", "2 slices whole wheat bread"}) {
        ops.push_back([&catalog, typed] { return to_json(resolve_food_entry(catalog, typed)); });
    }
    ops.push_back([&catalog] {
        day_intake day;
        for (const char* typed : {"1 medium banana", "1 cup cooked spinach", "csv:protein-bar=1 bar", "csv:herbal-tea=1 mug"}) {
            add_typed_entry(day, log_entry_kind::food, typed, catalog);
        }
        add_typed_entry(day, log_entry_kind::supplement, "magnesium glycinate 100 mg", catalog);
        const life_stage stage{sex::female, age::from_years(34.5)};
        const year_month_day date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{23}};
        return to_json(day_result{date, stage, evaluate(day, stage)});
    });
    ops.push_back([&catalog] { return to_json(evaluate_log(parse_log_json(typed_log, "typed.json"), catalog)); });
    ops.push_back([&catalog] {
        // The log's own foods on top of a copy of the shared catalog, as `mgcalc report --log` does.
        const intake_log log = load_log(root_dir + "/docs/examples/log-example.json");
        food_catalog with_log_foods = catalog;
        with_log_foods.add(custom_food_database(log));
        return to_json(evaluate_log(log, with_log_foods));
    });
    ops.push_back([&catalog] {
        const std::string dir = root_dir + "/examples/batch/";
        const batch_input input =
            read_batch_files(catalog, dir + "people.csv", dir + "entries.csv", dir + "supplements.csv");
        const batch_result result =
            evaluate_batch(input.foods, input.people, input.entries(), input.supplements(), {.threads = 2});
        std::ostringstream out;
        write_batch_results_csv(out, input, result);
        return out.str();
    });
    // The C API on one mgc_catalog.
    for (const char* query : {"pumpkin seeds", "kelp flakes"}) {
        ops.push_back([c, query] {
            char* json = nullptr;
            const int status = mgc_search_foods_json(c, query, 5, &json);
            return c_text(status, json);
        });
    }
    ops.push_back([c] {
        char* json = nullptr;
        const int status = mgc_resolve_food_json(c, "1 cup cooked lentils", &json);
        return c_text(status, json);
    });
    ops.push_back([c] {
        mgc_day* day = nullptr;
        int status = mgc_day_new(c, &day);
        for (const char* typed : {"1 medium banana", "almonds 30g", "csv:protein-bar=1 bar"}) {
            if (status == MGC_OK) status = mgc_day_add_food(day, typed);
        }
        if (status == MGC_OK) status = mgc_day_add_supplement(day, "oxide=500 mg compound");
        mgc_profile person;
        mgc_profile_init(&person);
        person.sex = MGC_MALE;
        person.age_years = 52.25;
        mgc_result r;
        mgc_result_init(&r);
        if (status == MGC_OK) status = mgc_evaluate(day, &person, &r);
        mgc_day_free(day);
        if (status != MGC_OK) return c_text(status, nullptr);
        return number(r.food_mg) + " " + number(r.supplement_mg) + " " + number(r.total_mg) + " " +
               number(r.percent_of_target) + " " + std::to_string(r.unknown_entries) + " " + std::to_string(r.warnings);
    });
    ops.push_back([c] {
        // mgc_catalog_food_index adds to the catalog's batch table while other threads evaluate.
        std::uint32_t food[3] = {};
        int status = MGC_OK;
        const char* names[3] = {"12014", "cooked spinach", "csv:kelp"};
        for (int i = 0; i < 3 && status == MGC_OK; ++i) status = mgc_catalog_food_index(c, names[i], &food[i]);
        if (status != MGC_OK) return c_text(status, nullptr);
        mgc_batch_person people[2];
        for (mgc_batch_person& p : people) mgc_batch_person_init(&p);
        people[0].sex = MGC_FEMALE;
        people[0].age_years = 30.0;
        people[1].sex = MGC_MALE;
        people[1].age_years = 8.5;
        const std::uint32_t entry_person[] = {0, 0, 1, 1};
        const std::int32_t entry_day[] = {20000, 20000, 20000, 20001};
        const std::uint32_t entry_food[] = {food[0], food[1], food[2], food[0]};
        const double entry_grams[] = {28.0, 180.0, 3.0, 10.0};
        mgc_batch b;
        mgc_batch_init(&b);
        b.people = people;
        b.people_count = 2;
        b.entry_person = entry_person;
        b.entry_day = entry_day;
        b.entry_food = entry_food;
        b.entry_grams = entry_grams;
        b.entry_count = 4;
        b.threads = 2;
        double total[4] = {};
        double percent[4] = {};
        b.capacity = 4;
        b.total_mg = total;
        b.percent_of_target = percent;
        status = mgc_evaluate_batch(c, &b);
        if (status != MGC_OK) return c_text(status, nullptr);
        std::string s = std::to_string(b.count);
        for (std::size_t i = 0; i < b.count; ++i) s += " " + number(total[i]) + " " + number(percent[i]);
        return s;
    });
    ops.push_back([c] {
        // An error on this thread has this thread's message.
        std::uint32_t index = 0;
        const int status = mgc_compound_index("unobtainium", &index);
        return std::to_string(status) + " " + mgc_last_error_message();
    });
    return ops;
}

struct shared_catalogs {
    mgcalc::food_catalog foods;
    mgc_catalog* c = nullptr;
};

void load(shared_catalogs& catalogs) {
    catalogs.foods.add(mgcalc::load_food_csv(data_dir + "/custom/foods.csv", catalogs.foods));
    catalogs.foods.add(mgcalc::load_food_csv(data_dir + "/custom/recipes.csv", catalogs.foods));
    if (mgc_catalog_new(&catalogs.c) != MGC_OK ||
        mgc_catalog_load(catalogs.c, ("csv:" + data_dir + "/custom/foods.csv").c_str()) != MGC_OK) {
        throw std::runtime_error(std::string("the C catalog: ") + mgc_last_error_message());
    }
}

// One run of every operation, in order; an exception's message is the result.
std::vector<std::string> run_all(const std::vector<std::function<std::string()>>& ops, std::size_t first) {
    std::vector<std::string> results(ops.size());
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const std::size_t i = (first + k) % ops.size();
        try {
            results[i] = ops[i]();
        } catch (const std::exception& e) {
            results[i] = std::string("exception: ") + e.what();
        }
    }
    return results;
}

// The reference, computed in a child process so that this one's lazily built indexes stay unbuilt.
bool write_all(int fd, const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
        const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

std::vector<std::string> reference_from_child() {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::close(fds[0]);
        int code = 0;
        try {
            shared_catalogs catalogs;
            load(catalogs);
            const std::vector<std::string> results = run_all(operations(catalogs.foods, catalogs.c), 0);
            std::string out;
            for (const std::string& r : results) out += std::to_string(r.size()) + "\n" + r;
            if (!write_all(fds[1], out)) code = 3;
            mgc_catalog_free(catalogs.c);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "tsan_test: reference: %s\n", e.what());
            code = 2;
        }
        ::close(fds[1]);
        std::fflush(nullptr);
        ::_exit(code);
    }
    ::close(fds[1]);
    std::string in;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        in.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("the reference process failed");
    std::vector<std::string> results;
    std::size_t at = 0;
    while (at < in.size()) {
        const std::size_t newline = in.find('\n', at);
        const std::size_t size = std::stoul(in.substr(at, newline - at));
        results.push_back(in.substr(newline + 1, size));
        at = newline + 1 + size;
    }
    return results;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: tsan_test DATA_DIR ROOT_DIR\n");
        return 2;
    }
    data_dir = argv[1];
    root_dir = argv[2];
    try {
        const std::vector<std::string> expected = reference_from_child();
        shared_catalogs catalogs;
        load(catalogs);
        const std::vector<std::function<std::string()>> ops = operations(catalogs.foods, catalogs.c);
        if (expected.size() != ops.size()) {
            std::fprintf(stderr, "tsan_test: the reference has %zu results for %zu operations\n", expected.size(),
                         ops.size());
            return 1;
        }
        for (std::size_t i = 0; i < expected.size(); ++i) {
            if (expected[i].rfind("exception: ", 0) == 0 || expected[i].rfind("status ", 0) == 0) {
                if (i + 1 != ops.size()) {  // the last operation's error is the expected result
                    std::fprintf(stderr, "tsan_test: operation %zu failed alone: %s\n", i, expected[i].c_str());
                    return 1;
                }
            }
        }
        // Start together, so that the first searches meet on the unbuilt indexes.
        std::atomic<int> ready{0};
        std::atomic<int> failures{0};
        std::vector<std::string> first_failure(thread_count);
        std::vector<std::thread> threads;
        for (int t = 0; t < thread_count; ++t) {
            threads.emplace_back([&, t] {
                ready.fetch_add(1);
                while (ready.load() < thread_count) std::this_thread::yield();
                for (int round = 0; round < rounds; ++round) {
                    const std::vector<std::string> got = run_all(ops, static_cast<std::size_t>(t) * 3);
                    for (std::size_t i = 0; i < got.size(); ++i) {
                        if (got[i] != expected[i]) {
                            if (failures.fetch_add(1) == 0 || first_failure[static_cast<std::size_t>(t)].empty()) {
                                first_failure[static_cast<std::size_t>(t)] =
                                    "operation " + std::to_string(i) + ": got\n" + got[i] + "\nexpected\n" + expected[i];
                            }
                        }
                    }
                }
            });
        }
        for (std::thread& t : threads) t.join();
        mgc_catalog_free(catalogs.c);
        for (int t = 0; t < thread_count; ++t) {
            if (!first_failure[static_cast<std::size_t>(t)].empty()) {
                std::fprintf(stderr, "tsan_test: thread %d: %s\n", t, first_failure[static_cast<std::size_t>(t)].c_str());
            }
        }
        std::printf("%d threads x %d rounds x %zu operations: %d failures\n", thread_count, rounds, ops.size(),
                    failures.load());
        return failures.load() == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tsan_test: %s\n", e.what());
        return 1;
    }
}
