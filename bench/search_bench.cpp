// mgcalc's food search against SQLite FTS5 over the same 7,907 USDA SR24 descriptions, in one
// run: time per query, top-5 quality on the query sets of tests/cases/search_queries.hpp, and the cost
// of building each index; and mgcalc's resolver on the typed entries of tests/cases/phrase_cases.hpp
// (time per entry, food and grams right). Run by bench/search.sh, which writes
// docs/performance.md.
//
//   mgcalc_search_bench [Google Benchmark options]   the benchmarks
//   mgcalc_search_bench --cold-build                 one build of usda_sr24_search() in a fresh
//                                                    process, as the `mgcalc` command does it
//   mgcalc_search_bench --quality                    each query's top 5 from both, for reading
//
// FTS5 is set up the way a competent developer would for this job: the porter stemmer over
// unicode61 (plural/singular), each typed word quoted as an FTS5 string (so no query syntax
// leaks through), the last one as a prefix query ("pumpk"*) unless the query ends in a space,
// AND of all words, bm25 ranking (ORDER BY rank), LIMIT, one prepared statement reused. It runs
// twice: without and with FTS5's prefix indexes (prefix='2 3'), which trade build time for
// faster short prefixes; the faster of the two is the one compared.
#include <mgcalc/error.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/foods/search.hpp>

#include "../tests/cases/phrase_cases.hpp"
#include "../tests/cases/search_queries.hpp"

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using cases_t = std::span<const mgcalc_bench::search_case>;
constexpr cases_t main_cases(mgcalc_bench::search_cases);
constexpr cases_t held_out_cases(mgcalc_bench::held_out_cases);
constexpr std::size_t top = 5;

// ---------------------------------------------------------------------------------------------
// SQLite FTS5
// ---------------------------------------------------------------------------------------------

/// The FTS5 MATCH expression for what a user typed: "pumpkin se" -> "pumpkin" "se"*.
std::string fts5_match(std::string_view query) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < query.size()) {
        while (i < query.size() && (query[i] == ' ' || query[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < query.size() && query[i] != ' ' && query[i] != '\t') ++i;
        std::string word(query.substr(start, i - start));
        // A piece without a letter or digit ("&") would be an empty FTS5 phrase: leave it out.
        const bool has_word = std::any_of(word.begin(), word.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   static_cast<unsigned char>(c) >= 0x80;
        });
        if (has_word) words.push_back(std::move(word));
    }
    std::string match;
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (w > 0) match += ' ';
        match += '"';
        for (const char c : words[w]) match += (c == '"') ? std::string("\"\"") : std::string(1, c);
        match += '"';
    }
    const bool last_is_prefix = !query.empty() && query.back() != ' ' && query.back() != '\t';
    if (!words.empty() && last_is_prefix) match += '*';
    return match;
}

class fts5_index {
public:
    fts5_index(const mgcalc::food_database& database, const char* options) {
        check(sqlite3_open(":memory:", &db_), "open");
        const std::string create =
            std::string("CREATE VIRTUAL TABLE foods USING fts5(description, tokenize = 'porter unicode61'") + options + ")";
        check(sqlite3_exec(db_, create.c_str(), nullptr, nullptr, nullptr), "create");
        check(sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr), "begin");
        sqlite3_stmt* insert = nullptr;
        check(sqlite3_prepare_v2(db_, "INSERT INTO foods(rowid, description) VALUES (?1, ?2)", -1, &insert, nullptr),
              "prepare insert");
        for (std::size_t i = 0; i < database.size(); ++i) {
            const std::string_view description = database.description(i);
            sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(i));
            sqlite3_bind_text(insert, 2, description.data(), static_cast<int>(description.size()), SQLITE_STATIC);
            if (sqlite3_step(insert) != SQLITE_DONE) check(SQLITE_ERROR, "insert");
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
        check(sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr), "commit");
        check(sqlite3_prepare_v2(db_, "SELECT rowid FROM foods WHERE foods MATCH ?1 ORDER BY rank LIMIT ?2", -1,
                                 &query_, nullptr),
              "prepare query");
    }
    ~fts5_index() {
        sqlite3_finalize(query_);
        sqlite3_close(db_);
    }
    fts5_index(const fts5_index&) = delete;
    fts5_index& operator=(const fts5_index&) = delete;

    /// Positions in the database, best first.
    std::vector<std::size_t> search(std::string_view text, std::size_t limit) {
        std::vector<std::size_t> found;
        const std::string match = fts5_match(text);
        if (match.empty()) return found;
        sqlite3_bind_text(query_, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(query_, 2, static_cast<sqlite3_int64>(limit));
        while (sqlite3_step(query_) == SQLITE_ROW) found.push_back(static_cast<std::size_t>(sqlite3_column_int64(query_, 0)));
        sqlite3_reset(query_);
        return found;
    }

private:
    void check(int code, const char* what) {
        if (code != SQLITE_OK) throw std::runtime_error(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db_));
    }

    sqlite3* db_ = nullptr;
    sqlite3_stmt* query_ = nullptr;
};

constexpr const char* fts5_plain = "";
constexpr const char* fts5_prefix_indexes = ", prefix = '2 3'";

// ---------------------------------------------------------------------------------------------
// A search without an index, for the build-or-scan trade-off: every description lower-cased and
// checked for every query word as a substring. No ranking, no plurals: a lower bound on what
// scanning per query costs.
// ---------------------------------------------------------------------------------------------

std::vector<std::size_t> scan_search(const mgcalc::food_database& database, std::string_view query, std::size_t limit) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : query) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += c;
        } else if (c >= 'A' && c <= 'Z') {
            word += static_cast<char>(c - 'A' + 'a');
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    std::vector<std::size_t> found;
    if (words.empty()) return found;
    std::string lower;
    for (std::size_t i = 0; i < database.size() && found.size() < limit; ++i) {
        const std::string_view description = database.description(i);
        lower.assign(description);
        for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        const bool all = std::all_of(words.begin(), words.end(),
                                     [&](const std::string& w) { return lower.find(w) != std::string::npos; });
        if (all) found.push_back(i);
    }
    return found;
}

// ---------------------------------------------------------------------------------------------
// Quality: how many queries have an expected food in the top 5
// ---------------------------------------------------------------------------------------------

bool is_expected(const mgcalc_bench::search_case& c, std::string_view id) {
    std::string_view expected = c.expected;
    while (!expected.empty()) {
        const std::size_t space = expected.find(' ');
        if (expected.substr(0, space) == id) return true;
        if (space == std::string_view::npos) break;
        expected.remove_prefix(space + 1);
    }
    return false;
}

using searcher = std::function<std::vector<std::size_t>(std::string_view, std::size_t)>;

std::size_t right_in_top(cases_t cases, const searcher& search, std::size_t limit = top) {
    const mgcalc::food_database& database = mgcalc::usda_sr24();
    std::size_t right = 0;
    for (const mgcalc_bench::search_case& c : cases) {
        const std::vector<std::size_t> found = search(c.query, limit);
        right += std::any_of(found.begin(), found.end(), [&](std::size_t i) { return is_expected(c, database.id(i)); });
    }
    return right;
}

searcher mgcalc_searcher() {
    return [](std::string_view query, std::size_t limit) {
        std::vector<std::size_t> found;
        for (const mgcalc::food_match& m : mgcalc::usda_sr24_search().search(query, limit)) found.push_back(m.index);
        return found;
    };
}

void add_quality(benchmark::State& state, const searcher& search) {
    const auto right = static_cast<double>(right_in_top(main_cases, search));
    const auto held_out_right = static_cast<double>(right_in_top(held_out_cases, search));
    state.counters["top5_right"] = right;
    // Also the first result alone: not the goal, but it shows how often the very first is right.
    state.counters["top1_right"] = static_cast<double>(right_in_top(main_cases, search, 1));
    state.counters["held_out_queries"] = static_cast<double>(held_out_cases.size());
    state.counters["held_out_top5_right"] = held_out_right;
    state.counters["held_out_top1_right"] = static_cast<double>(right_in_top(held_out_cases, search, 1));
}

/// Time per query, as a counter: one benchmark iteration runs every query of the main set.
void add_per_query(benchmark::State& state) {
    state.counters["queries"] = static_cast<double>(main_cases.size());
    state.counters["per_query"] = benchmark::Counter(static_cast<double>(main_cases.size()),
                                                     benchmark::Counter::kIsIterationInvariantRate |
                                                         benchmark::Counter::kInvert);
}

// ---------------------------------------------------------------------------------------------
// Benchmarks
// ---------------------------------------------------------------------------------------------

void mgcalc_search(benchmark::State& state) {
    const mgcalc::food_search& search = mgcalc::usda_sr24_search();  // built before timing
    for (auto _ : state) {
        for (const mgcalc_bench::search_case& c : main_cases) {
            std::vector<mgcalc::food_match> found = search.search(c.query, top);
            benchmark::DoNotOptimize(found.data());
        }
    }
    add_per_query(state);
    add_quality(state, mgcalc_searcher());
}

/// How many typed entries resolve to an expected food, and to it with the grams (within 2%).
std::pair<std::size_t, std::size_t> phrases_right(const mgcalc::food_catalog& catalog) {
    std::size_t food = 0, grams = 0;
    for (const mgcalc_bench::phrase_case& c : mgcalc_bench::phrase_cases) {
        try {
            const mgcalc::resolved_food_entry entry = mgcalc::resolve_food_entry(catalog, c.phrase);
            bool food_right = false, grams_right = false;
            std::string_view expected = c.expected;
            while (!expected.empty()) {
                const std::size_t space = expected.find(' ');
                const std::string_view token = expected.substr(0, space);
                const std::size_t equals = token.find('=');
                const double want = equals == std::string_view::npos ? c.grams : std::stod(std::string(token.substr(equals + 1)));
                if (token.substr(0, equals) == entry.item.id) {
                    food_right = true;
                    grams_right = grams_right || std::abs(entry.weight.value() - want) <= 0.02 * want;
                }
                expected = space == std::string_view::npos ? std::string_view{} : expected.substr(space + 1);
            }
            food += food_right;
            grams += grams_right;
        } catch (const mgcalc::error&) {
            // counted as wrong
        }
    }
    return {food, grams};
}

/// The resolver on every typed entry: the search, the reading of the amount and the portions.
void mgcalc_resolve(benchmark::State& state) {
    const mgcalc::food_catalog catalog;
    (void)mgcalc::usda_sr24_search();  // built before timing
    std::size_t failed = 0;
    for (auto _ : state) {
        for (const mgcalc_bench::phrase_case& c : mgcalc_bench::phrase_cases) {
            try {
                mgcalc::resolved_food_entry entry = mgcalc::resolve_food_entry(catalog, c.phrase);
                benchmark::DoNotOptimize(entry.weight);
            } catch (const mgcalc::error&) {
                ++failed;
            }
        }
    }
    const double phrases = static_cast<double>(std::size(mgcalc_bench::phrase_cases));
    state.counters["phrases"] = phrases;
    state.counters["per_phrase"] =
        benchmark::Counter(phrases, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    const auto [food, grams] = phrases_right(catalog);
    state.counters["food_right"] = static_cast<double>(food);
    state.counters["grams_right"] = static_cast<double>(grams);
    benchmark::DoNotOptimize(failed);
}

void fts5_search(benchmark::State& state, const char* options) {
    fts5_index index(mgcalc::usda_sr24(), options);
    for (auto _ : state) {
        for (const mgcalc_bench::search_case& c : main_cases) {
            std::vector<std::size_t> found = index.search(c.query, top);
            benchmark::DoNotOptimize(found.data());
        }
    }
    add_per_query(state);
    add_quality(state, [&index](std::string_view query, std::size_t limit) { return index.search(query, limit); });
}

void scan_search_all(benchmark::State& state) {
    const mgcalc::food_database& database = mgcalc::usda_sr24();
    for (auto _ : state) {
        for (const mgcalc_bench::search_case& c : main_cases) {
            // Every match, as a ranking would need: no early stop at 5.
            std::vector<std::size_t> found = scan_search(database, c.query, database.size());
            benchmark::DoNotOptimize(found.data());
        }
    }
    add_per_query(state);
}

void mgcalc_build(benchmark::State& state) {
    for (auto _ : state) {
        mgcalc::food_search search(mgcalc::usda_sr24());
        benchmark::DoNotOptimize(&search);
    }
}

void fts5_build(benchmark::State& state, const char* options) {
    for (auto _ : state) {
        fts5_index index(mgcalc::usda_sr24(), options);
        benchmark::DoNotOptimize(&index);
    }
}

long minor_page_faults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

/// What one page fault costs here: the time to touch fresh anonymous pages, one write each.
double seconds_per_page_fault() {
    constexpr std::size_t pages = 256;
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    void* memory = mmap(nullptr, pages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) return 0;
    auto* bytes = static_cast<volatile char*>(memory);
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < pages; ++i) bytes[i * page] = 1;
    const auto end = std::chrono::steady_clock::now();
    munmap(memory, pages * page);
    return std::chrono::duration<double>(end - start).count() / pages;
}

/// --cold-build: the first build in this process, page faults and cold caches included. Prints
/// seconds to build, seconds for the first query, minor page faults during the build, and
/// seconds per page fault on this machine.
int cold_build() {
    const long faults_before = minor_page_faults();
    const auto start = std::chrono::steady_clock::now();
    const mgcalc::food_search& search = mgcalc::usda_sr24_search();
    const auto built = std::chrono::steady_clock::now();
    const long faults = minor_page_faults() - faults_before;
    const std::vector<mgcalc::food_match> found = search.search("pumpkin seeds", top);
    const auto searched = std::chrono::steady_clock::now();
    if (found.empty()) return 1;
    std::printf("%.6f %.6f %ld %.9f\n", std::chrono::duration<double>(built - start).count(),
                std::chrono::duration<double>(searched - built).count(), faults, seconds_per_page_fault());
    return 0;
}

/// --quality: both engines' top 5 for every query, for a person to read.
int print_quality() {
    const mgcalc::food_database& database = mgcalc::usda_sr24();
    fts5_index fts5(database, fts5_plain);
    const auto print = [&](const char* name, const mgcalc_bench::search_case& c, const std::vector<std::size_t>& found) {
        const bool right = std::any_of(found.begin(), found.end(), [&](std::size_t i) { return is_expected(c, database.id(i)); });
        std::printf("  %-6s %s\n", name, right ? "right" : "WRONG");
        for (const std::size_t i : found) {
            std::printf("         %.*s %.*s\n", static_cast<int>(database.id(i).size()), database.id(i).data(),
                        static_cast<int>(database.description(i).size()), database.description(i).data());
        }
    };
    for (const cases_t cases : {main_cases, held_out_cases}) {
        for (const mgcalc_bench::search_case& c : cases) {
            std::printf("'%.*s' expects %.*s\n", static_cast<int>(c.query.size()), c.query.data(),
                        static_cast<int>(c.expected.size()), c.expected.data());
            print("mgcalc", c, mgcalc_searcher()(c.query, top));
            print("fts5", c, fts5.search(c.query, top));
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--cold-build") == 0) return cold_build();
        if (std::strcmp(argv[i], "--quality") == 0) return print_quality();
    }
    benchmark::RegisterBenchmark("mgcalc/search", mgcalc_search)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("mgcalc/resolve", mgcalc_resolve)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("fts5/search", fts5_search, fts5_plain)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("fts5/search_prefix_indexes", fts5_search, fts5_prefix_indexes)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("scan/search", scan_search_all)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("mgcalc/build", mgcalc_build)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("fts5/build", fts5_build, fts5_plain)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("fts5/build_prefix_indexes", fts5_build, fts5_prefix_indexes)
        ->Unit(benchmark::kMicrosecond);
    benchmark::AddCustomContext("sqlite_version", sqlite3_libversion());
    benchmark::AddCustomContext("foods", std::to_string(mgcalc::usda_sr24().size()));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
