#!/usr/bin/env bash
# mgcalc's batch evaluation (include/mgcalc/evaluate/batch.hpp, `mgcalc batch`) against a bare
# loop, DuckDB, pandas and SQLite, all in one run on one generated workload.
#
#   bash bench/batch.sh [BUILD_DIR]     # BUILD_DIR defaults to build-bench/
#                                       # PEOPLE=1000000 RUNS=5 CSV_RUNS=3 REPETITIONS=5 by default
#
# 1. Installs the Debian packages it needs when they are missing (as root): the toolchain and
#    mgcalc's libraries, libbenchmark-dev, libsqlite3-dev (bench/CMakeLists.txt's other
#    benchmark), python3-numpy, python3-pandas, nodejs and npm.
# 2. Configures BUILD_DIR (Release, -DMGCALC_BUILD_BENCHMARKS=ON) and builds bench/batch_bench.cpp
#    and the `mgcalc` program there; installs the npm package @duckdb/node-api into
#    BUILD_DIR/batch-node/ (npm install --prefix).
# 3. Generates the workload once, into BUILD_DIR/batch-workload/ (bench/batch_workload.py, fixed
#    seed: PEOPLE people x 10 food entries over 2 days, about 300 MB of CSV and 200 MB of binary
#    columns): the same data for every contestant.
# 4. Runs them (bench/batch_run.py): in memory, the floor and evaluate_batch on 1 thread and on all
#    (Google Benchmark), DuckDB, pandas and SQLite; from the CSV files to a results file,
#    `mgcalc batch` (skipped with a note when the program has no such command), DuckDB and pandas.
# 5. Rewrites only its own section of docs/performance.md, between <!-- batch:begin --> and
#    <!-- batch:end --> (appended at the end when missing). Other scripts write other sections of
#    that file, so the file is read afresh right before it is written.
#
# Takes about 10 minutes on two cores, most of it pandas and SQLite; needs about 4 GB of memory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/doc_section.sh
source bench/doc_section.sh

build=${1:-build-bench}
people=${PEOPLE:-1000000}
runs=${RUNS:-5}
csv_runs=${CSV_RUNS:-3}
repetitions=${REPETITIONS:-5}
doc=docs/performance.md

packages=(g++ cmake make libboost-dev librange-v3-dev libcli11-dev nlohmann-json3-dev libfmt-dev libfast-float-dev
  libbenchmark-dev libsqlite3-dev python3-numpy python3-pandas)
missing=()
for package in "${packages[@]}"; do
  if [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != "installed" ]; then
    missing+=("$package")
  fi
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "batch: missing packages: ${missing[*]} (apt-get install them, as root)" >&2
    exit 1
  fi
  echo "batch: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "batch: building in $build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DMGCALC_WERROR=ON -DMGCALC_BUILD_BENCHMARKS=ON \
  -DMGCALC_BUILD_TESTS=OFF -DMGCALC_BUILD_EXAMPLES=OFF -DMGCALC_BUILD_CLI=ON -DMGCALC_INSTALL=OFF >/dev/null
cmake --build "$build" --target mgcalc_batch_bench mgcalc_cli -j "$(nproc)" >/dev/null
bench="$build/bench/mgcalc_batch_bench"
mgcalc="$build/bin/mgcalc"

node_dir="$build/batch-node"
if [ ! -f "$node_dir/node_modules/@duckdb/node-api/package.json" ]; then
  echo "batch: npm install --prefix $node_dir @duckdb/node-api"
  npm install --prefix "$node_dir" --no-audit --no-fund --silent @duckdb/node-api >/dev/null
fi

workload="$build/batch-workload"
echo "batch: generating the workload in $workload"
rm -rf "$workload"
/usr/bin/python3 bench/batch_workload.py "$workload" --people "$people"

work=$(mktemp -d "$PWD/$build/batch-run.XXXXXX")
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 bench/batch_run.py --workload "$workload" --bench "$bench" --node-dir "$node_dir" \
  --mgcalc "$mgcalc" --runs "$runs" --csv-runs "$csv_runs" --repetitions "$repetitions" \
  --work "$work" --section "$work/section.md" \
  --command "bash bench/batch.sh$([ "$build" = build-bench ] || echo " $build")"
cp "$work/results.json" "$build/batch-results.json"

section=$(cat "$work/section.md")
echo
echo "$section"
write_doc_section "$doc" batch "Batch evaluation" "$section"
echo "batch: updated $doc (all numbers also in $build/batch-results.json)"
