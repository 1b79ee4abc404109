#!/usr/bin/env bash
# mgcalc's food search against SQLite FTS5 over the same 7,907 USDA SR24 descriptions, in one run.
#
#   bash bench/search.sh [BUILD_DIR]     # BUILD_DIR defaults to build-search-bench/
#                                        # REPETITIONS=9 MIN_TIME=0.5 COLD_RUNS=21 by default
#
# 1. Configures and builds bench/search_bench.cpp (Google Benchmark, SQLite) in its own Release
#    build directory with -DMGCALC_BUILD_BENCHMARKS=ON.
# 2. Runs it: time per query over the query set of tests/cases/search_queries.hpp for mgcalc and for
#    FTS5 (with and without its prefix indexes), a scan without an index, and the time to build
#    each index; REPETITIONS repetitions in random interleaving (so that a busy moment of the
#    machine falls on both engines alike), medians reported. The top-5 quality of both engines on
#    both query sets comes from the same run.
# 3. Runs `mgcalc_search_bench --cold-build` COLD_RUNS times: the first build of
#    usda_sr24_search() in a fresh process, as the `mgcalc` command pays it; the median is reported.
# 4. Rewrites only its own section of docs/performance.md, between <!-- search:begin --> and
#    <!-- search:end --> (appended at the end when missing). Other scripts write other sections
#    of that file, so the file is read afresh right before it is written.
#
# Needs cmake, a C++20 compiler, the Debian packages libbenchmark-dev and libsqlite3-dev, and
# /usr/bin/python3 (to read Google Benchmark's JSON).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/doc_section.sh
source bench/doc_section.sh

build=${1:-build-search-bench}
repetitions=${REPETITIONS:-9}
min_time=${MIN_TIME:-0.5}
cold_runs=${COLD_RUNS:-21}
goal=10
doc=docs/performance.md

for tool in cmake /usr/bin/python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "search: $tool is missing" >&2
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "search: building in $build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DMGCALC_WERROR=ON -DMGCALC_BUILD_BENCHMARKS=ON \
  -DMGCALC_BUILD_TESTS=OFF -DMGCALC_BUILD_EXAMPLES=OFF -DMGCALC_BUILD_CLI=OFF -DMGCALC_INSTALL=OFF >/dev/null
cmake --build "$build" --target mgcalc_search_bench -j "$(nproc)" >/dev/null
bench="$build/bench/mgcalc_search_bench"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
echo "search: running the benchmarks (load average $load_before)"
"$bench" --benchmark_repetitions="$repetitions" --benchmark_enable_random_interleaving=true \
  --benchmark_report_aggregates_only=true \
  --benchmark_min_time="$min_time" --benchmark_out="$work/bench.json" --benchmark_out_format=json

echo "search: $cold_runs cold builds"
for _ in $(seq "$cold_runs"); do "$bench" --cold-build; done >"$work/cold.txt"

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -s)
compiler=$(${CXX:-c++} --version | head -n 1)
benchmark_version=$(dpkg-query -W -f='${Version}' libbenchmark-dev 2>/dev/null || echo unknown)

section=$(
  BENCH_JSON="$work/bench.json" COLD="$work/cold.txt" GOAL="$goal" REPETITIONS="$repetitions" \
  COLD_RUNS="$cold_runs" MACHINE="${cpu:-unknown CPU}, $(nproc) cores, $os, $compiler" \
  BENCHMARK_VERSION="$benchmark_version" LOAD="$load_before" DATE="$(date -u +%Y-%m-%d)" \
  /usr/bin/python3 - <<'PYTHON'
import json, os, statistics

env = os.environ
with open(env["BENCH_JSON"]) as f:
    report = json.load(f)
median = {b["run_name"]: b for b in report["benchmarks"] if b.get("aggregate_name") == "median"}

def us(seconds):
    return f"{seconds * 1e6:.1f} µs" if seconds < 1e-3 else f"{seconds * 1e3:.2f} ms"

def per_query(name):   # CPU time per query (the counter) and wall time per query
    b = median[name]
    return b["per_query"], b["real_time"] * 1e-6 / b["queries"]   # real_time is in µs

def built(name):   # CPU time, as for the queries
    return median[name]["cpu_time"] * 1e-6

def quality(name, prefix="", counter="top5_right"):
    b = median[name]
    right, total = int(b[prefix + counter]), int(b[prefix + "queries"])
    return f"{right} of {total} ({100 * right / total:.0f}%)"

mgcalc_cpu, mgcalc_wall = per_query("mgcalc/search")
fts5 = {name: per_query(name) for name in ("fts5/search", "fts5/search_prefix_indexes")}
fastest_fts5 = min(fts5, key=lambda name: fts5[name][0])
fts5_cpu, fts5_wall = fts5[fastest_fts5]
ratio = fts5_cpu / mgcalc_cpu
goal = float(env["GOAL"])
verdict = "within the goal" if ratio >= goal else "SHORT of the goal"
scan_cpu, _ = per_query("scan/search")
resolve = median["mgcalc/resolve"]
phrase_goal = 20.0
phrase_verdict = "within the goal" if resolve["per_phrase"] * 1e6 <= phrase_goal else "SHORT of the goal"
grams_verdict = "within the goal" if resolve["grams_right"] >= 0.9 * resolve["phrases"] else "SHORT of the goal"
mgcalc_build = built("mgcalc/build")
cold_runs = [line.split() for line in open(env["COLD"]) if line.strip()]
cold = sorted(float(run[0]) for run in cold_runs)
cold_median = statistics.median(cold)
cold_faults = statistics.median(int(run[2]) for run in cold_runs)
fault_cost = statistics.median(float(run[3]) for run in cold_runs)
break_even = mgcalc_build / (scan_cpu - mgcalc_cpu)

foods = int(report["context"].get("foods", "0"))
print(f"""<!-- search:begin -->
<!-- Generated by bench/search.sh; edits between these markers are overwritten. -->
Measured {env["DATE"]} with `bash bench/search.sh`: `bench/search_bench.cpp` (Google Benchmark
{env["BENCHMARK_VERSION"]}, SQLite {report["context"].get("sqlite_version", "?")}), one run over the same {foods:,} USDA SR24
descriptions, medians of {env["REPETITIONS"]} randomly interleaved repetitions. Queries: `tests/cases/search_queries.hpp`,
{int(median["mgcalc/search"]["queries"])} everyday queries and {int(median["mgcalc/search"]["held_out_queries"])} more held out from tuning; a query is right when a
food the person means is in the top 5 (docs/food-data.md, "Search"). FTS5: porter stemmer over
unicode61, each word quoted, the last as a prefix (`"pumpkin" "se"*`), bm25 order
(`ORDER BY rank`), `LIMIT 5`, one prepared statement.

| | mgcalc | SQLite FTS5 | FTS5 with `prefix='2 3'` |
|---|---|---|---|
| time per query (CPU) | **{us(mgcalc_cpu)}** | {us(fts5["fts5/search"][0])} | {us(fts5["fts5/search_prefix_indexes"][0])} |
| time per query (wall clock) | {us(mgcalc_wall)} | {us(fts5["fts5/search"][1])} | {us(fts5["fts5/search_prefix_indexes"][1])} |
| top 5 right, everyday queries | **{quality("mgcalc/search")}** | {quality("fts5/search")} | {quality("fts5/search_prefix_indexes")} |
| first result right, everyday queries | {quality("mgcalc/search", counter="top1_right")} | {quality("fts5/search", counter="top1_right")} | {quality("fts5/search_prefix_indexes", counter="top1_right")} |
| top 5 right, held-out queries | {quality("mgcalc/search", "held_out_")} | {quality("fts5/search", "held_out_")} | {quality("fts5/search_prefix_indexes", "held_out_")} |
| first result right, held-out queries | {quality("mgcalc/search", "held_out_", "top1_right")} | {quality("fts5/search", "held_out_", "top1_right")} | {quality("fts5/search_prefix_indexes", "held_out_", "top1_right")} |
| building the index (CPU, warm, in a loop) | {us(mgcalc_build)} | {us(built("fts5/build"))} | {us(built("fts5/build_prefix_indexes"))} |

Speed: the faster FTS5 set-up (`{fastest_fts5}`) takes **{ratio:.1f}×** as long per query as
mgcalc (goal ≥ {goal:g}×: {verdict}).

**Food entries as typed** (`mgcalc/resolve`: `resolve_food_entry` over the
{int(resolve["phrases"])} entries of `tests/cases/phrase_cases.hpp`, each with the food and grams people
mean, written before the resolver; docs/food-data.md, "Resolving what people type"):

| | mgcalc |
|---|---|
| time per entry (CPU), search, amount and portions included | **{us(resolve["per_phrase"])}** (goal ≤ {phrase_goal:g} µs: {phrase_verdict}) |
| the food people mean | {int(resolve["food_right"])} of {int(resolve["phrases"])} ({100 * resolve["food_right"] / resolve["phrases"]:.0f}%) |
| the food and the grams (within 2%) | **{int(resolve["grams_right"])} of {int(resolve["phrases"])} ({100 * resolve["grams_right"] / resolve["phrases"]:.0f}%)** (goal ≥ 90%: {grams_verdict}) |

Build in a fresh process, as the `mgcalc` command pays it once: `usda_sr24_search()` takes a
median {us(cold_median)} over {len(cold)} processes (min {us(cold[0])}, max {us(cold[-1])}), of which about
{us(cold_faults * fault_cost)} are its {cold_faults:.0f} first-touch page faults ({us(fault_cost)} each on this machine, measured
by touching fresh pages). A search without an index (`scan/search`: every description
lower-cased and checked for every word, no ranking) costs {us(scan_cpu)} per query, so the index
repays its warm build after {break_even:.0f} queries.

Machine: {env["MACHINE"]}; load average {env["LOAD"]} when the run started.
<!-- search:end -->""")
PYTHON
)

echo
echo "$section"

write_doc_section "$doc" search "Food search" "$section"
echo "search: updated $doc"
