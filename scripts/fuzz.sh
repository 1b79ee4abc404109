#!/usr/bin/env bash
# Builds mgcalc's libFuzzer targets (fuzz/, in build-fuzz/ with clang 14) and runs each one.
#
#   bash scripts/fuzz.sh              # every target for FUZZ_SECONDS (default 600) seconds each
#   bash scripts/fuzz.sh --ci         # every target for 10 s, two at a time, from the committed corpus only: CI
#   FUZZ_SECONDS=60 FUZZ_TARGETS="serving log_json" bash scripts/fuzz.sh
#
# Each target starts from fuzz/corpus/<target>/ (committed, never written) and keeps what it
# finds new in build-fuzz/fuzz-work/<target>/corpus/, a scratch folder that later runs go on from
# (--ci empties it first, so a CI run depends on the committed seeds alone). An input that crashes
# a target, breaks one of its invariants, leaks, takes more than 10 s or more than 2 GB is a
# finding: it is saved as build-fuzz/fuzz-work/<target>/crash-* (timeout-*, leak-*, oom-*), and
# the script exits 1 after the last target. Reproduce one with build-fuzz/fuzz/fuzz_<target> FILE.
#
# Per target it prints the executions, the seconds run, executions per second, the coverage
# (libFuzzer's cov: edges at the end), the corpus size and the findings. FUZZ_JOBS (default 2)
# is the build's parallelism and FUZZ_PARALLEL (default 1, --ci 2) how many targets run at once:
# the machine is shared, never more than its 2 cores. FUZZ_BUILD=0 skips the build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ci=0
if [ "${1:-}" = "--ci" ]; then ci=1; shift; fi
if [ $# -gt 0 ]; then echo "usage: $0 [--ci]" >&2; exit 2; fi
seconds=${FUZZ_SECONDS:-600}
if [ "$ci" = 1 ]; then seconds=${FUZZ_SECONDS:-10}; fi
all_targets="serving supplement food_phrase date_time food_csv fdc_csv sr28 log_json log_csv batch c_api"
targets=${FUZZ_TARGETS:-$all_targets}
build=build-fuzz
work=$build/fuzz-work

if [ ! -f $build/CMakeCache.txt ]; then
  # Only the library and the targets: no tests, examples, program or C library of their own.
  # -O1 and line tables only, as libFuzzer's documentation builds: reports keep their file:line,
  # and the instrumented library compiles in a fraction of -O2 -g's time (it is built in CI).
  CC=clang-14 CXX=clang++-14 cmake -S . -B $build -DMGCALC_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
    -DMGCALC_BUILD_TESTS=OFF -DMGCALC_BUILD_EXAMPLES=OFF -DMGCALC_BUILD_CLI=OFF -DMGCALC_BUILD_C_API=OFF \
    -DMGCALC_INSTALL=OFF >/dev/null
fi
# FUZZ_BUILD=0 runs the targets as built: on a tree others are editing, a rebuild would otherwise
# fuzz code that changed under the run, or wait for the whole library to compile again.
if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  cmake --build $build --target mgcalc_fuzz_all -j"${FUZZ_JOBS:-2}" >/dev/null
fi

# ASan: leaks are findings; abort so that libFuzzer saves the input. UBSan aborts by the build flags.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# One target: its run, then its row of the table in $dir/row and its findings in $dir/findings.
run_target() {
  local target=$1 dir=$work/$1 status=0
  if [ "$ci" = 1 ]; then rm -rf "$dir"; fi
  mkdir -p "$dir/corpus"
  rm -f "$dir/fuzz.log" "$dir/row" "$dir/findings"
  # The scratch corpus first: libFuzzer writes new inputs to the first folder only.
  "$build/fuzz/fuzz_$target" "$dir/corpus" "fuzz/corpus/$target" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/" >"$dir/fuzz.log" 2>&1 || status=$?
  local executions run_seconds rate cov corpus_size findings
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz.log" | tail -n 1)
  run_seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$dir/fuzz.log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/fuzz.log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$dir/fuzz.log" | tail -n 1 | cut -d' ' -f2)
  corpus_size=$(find "$dir/corpus" "fuzz/corpus/$target" -type f | wc -l)
  findings=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  if [ "$status" != 0 ] && [ "$findings" = 0 ]; then findings=1; fi  # a failure that left no input
  printf '%-12s %12s %6s %9s %6s %7s %8s\n' "$target" "${executions:-?}" "${run_seconds:-?}" "${rate:-?}" "${cov:-?}" \
    "$corpus_size" "$findings" >"$dir/row"
  echo "$findings" >"$dir/findings"
}

# FUZZ_PARALLEL targets at a time (--ci: 2, one per core, so that CI's run stays under 3 minutes).
parallel=${FUZZ_PARALLEL:-1}
if [ "$ci" = 1 ]; then parallel=${FUZZ_PARALLEL:-2}; fi
running=0
for target in $targets; do
  if [ "$running" -ge "$parallel" ]; then wait -n || true; running=$((running - 1)); fi
  run_target "$target" &
  running=$((running + 1))
done
wait

printf '%-12s %12s %6s %9s %6s %7s %8s\n' target executions s exec/s cov corpus findings
total_findings=0
for target in $targets; do
  dir=$work/$target
  cat "$dir/row" 2>/dev/null || printf '%-12s did not run\n' "$target"
  findings=$(cat "$dir/findings" 2>/dev/null || echo 1)
  total_findings=$((total_findings + findings))
  if [ "$findings" != 0 ]; then
    echo "  findings of $target: $dir/ (log: $dir/fuzz.log)" >&2
    grep -m 5 -E 'ERROR|invariant failed|escaped|SUMMARY' "$dir/fuzz.log" | sed 's/^/  /' >&2 || true
  fi
done
if [ "$total_findings" != 0 ]; then
  echo "$total_findings finding(s)" >&2
  exit 1
fi
