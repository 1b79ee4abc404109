#!/usr/bin/env bash
# Start-up cost of the embedded USDA SR24 database (docs/food-data.md). Benchmarks, not tests.
#
#   bash bench/startup.sh [BUILD_DIR]     # BUILD_DIR defaults to build/; RUNS=200 WARMUP=20
#
# 1. Times with hyperfine, in one run, `mgcalc report` with two foods from the embedded data
#    against a C++ hello world (bench/hello.cpp) built with the same compiler and -O2, both as
#    whole processes without a shell (hyperfine -N), and prints the ratio of the medians
#    (goal: at most 3x; the median resists a busy machine better than the mean).
# 2. Builds bench/embedded_rss.cpp against BUILD_DIR's library and reports the resident memory of
#    the embedded data after every id, description, magnesium value and portion has been read
#    (goal: at most 2 MB), with the size of the data object's sections from `size -A`.
#
# Rewrites only its own sections of docs/performance.md, between <!-- startup:begin --> and
# <!-- startup:end -->, and <!-- embedded-memory:begin --> and <!-- embedded-memory:end -->
# (appended at the end when missing). Other scripts write other sections of that file, so each
# section is written from a fresh read of the file, right before writing.
# Needs a Release build of the library and the CLI (scripts/bootstrap.sh) and hyperfine (Debian
# package; installed here if missing and running as root).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_arg=${1:-build}
if [ ! -d "$build_arg" ]; then
  echo "startup: no build directory '$build_arg' (build first: bash scripts/bootstrap.sh)" >&2
  exit 1
fi
build=$(cd "$build_arg" && pwd)
runs=${RUNS:-200}
warmup=${WARMUP:-20}
time_goal=3
memory_goal_kb=2048
doc=docs/performance.md

# The compiler that built the library, so hello.cpp gets the same one.
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
cxx=${cxx:-${CXX:-g++}}
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)

cli=$build/bin/mgcalc
if [ ! -x "$cli" ]; then
  echo "startup: $cli is missing (build the mgcalc_cli target in $build_arg)" >&2
  exit 1
fi
library=
for candidate in "$build/libmgcalc.a" "$build/libmgcalc.so"; do
  if [ -f "$candidate" ]; then library=$candidate; break; fi
done
if [ -z "$library" ]; then
  echo "startup: no libmgcalc.a or libmgcalc.so in $build" >&2
  exit 1
fi

if ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "startup: hyperfine is missing (apt-get install hyperfine, as root)" >&2
    exit 1
  fi
  echo "startup: installing hyperfine"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends hyperfine >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ------------------------------------------------------------------------------------------------
# 1. Start-up time
# ------------------------------------------------------------------------------------------------
hello_flags="-std=c++20 -O2"
# shellcheck disable=SC2086 # word splitting of the flags is intended
"$cxx" $hello_flags bench/hello.cpp -o "$work/hello"

report_args='report --sex female --age 30 --food "12014=1 oz" --food "09040=1 medium"'
report_display="$build_arg/bin/mgcalc $report_args"
# Both must work before they are timed (hyperfine also fails on a non-zero exit).
if ! eval "\"\$cli\" $report_args" >"$work/report.txt" 2>&1; then
  echo "startup: '$report_display' failed:" >&2
  cat "$work/report.txt" >&2
  exit 1
fi
"$work/hello" >/dev/null

hyperfine --style basic -N --warmup "$warmup" --runs "$runs" \
  --export-csv "$work/times.csv" \
  -n hello "$work/hello" \
  -n report "$cli $report_args"

# CSV: command,mean,stddev,median,user,system,min,max (seconds).
field() { awk -F, -v name="$1" -v column="$2" 'NR > 1 && $1 == name { print $column }' "$work/times.csv"; }
ms() { awk -v s="$1" 'BEGIN { printf "%.2f ms", s * 1000 }'; }
row() {
  echo "| $2 | $(ms "$(field "$1" 4)") | $(ms "$(field "$1" 2)") ± $(ms "$(field "$1" 3)") | $(ms "$(field "$1" 7)") | $(ms "$(field "$1" 5)") | $(ms "$(field "$1" 6)") |"
}
ratio=$(awk -v a="$(field report 4)" -v b="$(field hello 4)" 'BEGIN { printf "%.2f", a / b }')
time_verdict=$(awk -v r="$ratio" -v g="$time_goal" 'BEGIN { print (r <= g) ? "within the goal" : "OVER the goal" }')
# Two load-resistant views beside the goal's median: the fastest runs, and CPU time (user + system),
# which waiting for a busy CPU does not inflate.
min_ratio=$(awk -v a="$(field report 7)" -v b="$(field hello 7)" 'BEGIN { printf "%.2f", a / b }')
cpu_ratio=$(awk -v au="$(field report 5)" -v as="$(field report 6)" -v bu="$(field hello 5)" -v bs="$(field hello 6)" \
  'BEGIN { printf "%.2f", (au + as) / (bu + bs) }')
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -s)
compiler=$("$cxx" --version | head -n 1)
machine="Machine: ${cpu:-unknown CPU}, $(nproc) cores, $os, Linux $(uname -r), $compiler."
today=$(date -u +%Y-%m-%d)

echo
echo "hello world:   median $(ms "$(field hello 4)")"
echo "mgcalc report: median $(ms "$(field report 4)")"
echo "ratio of medians: ${ratio}x (goal <= ${time_goal}x: $time_verdict); of minimums ${min_ratio}x; of user+system CPU ${cpu_ratio}x"

startup_section=$(cat <<SECTION
<!-- startup:begin -->
<!-- Generated by bench/startup.sh; edits between these markers are overwritten. -->
Measured $today with \`bash bench/startup.sh $build_arg\` ($build_type build): hyperfine $(hyperfine --version | awk '{ print $2 }'),
no shell (\`-N\`), $warmup warm-up and $runs timed runs of each command, in one hyperfine run:

\`\`\`sh
$report_display
bench/hello      # bench/hello.cpp: $cxx $hello_flags
\`\`\`

| command | median | mean ± σ | min | user | system |
|---|---|---|---|---|---|
$(row report "\`mgcalc report\` with 2 embedded foods")
$(row hello "C++ hello world")

Ratio of the medians: **${ratio}×** (goal ≤ ${time_goal}×: $time_verdict). Ratio of the
minimums: ${min_ratio}×; of the mean user + system CPU time: ${cpu_ratio}×. Load average when
measured: $load (on a shared machine the wall-clock numbers are noisy; the CPU-time ratio is the
steadiest of the three).

$machine
<!-- startup:end -->
SECTION
)

# ------------------------------------------------------------------------------------------------
# 2. Resident memory of the embedded data
# ------------------------------------------------------------------------------------------------
rss_flags="-std=c++20 -O2 -I include -I src"
link_extra=()
if [[ "$library" == *.so ]]; then link_extra=("-Wl,-rpath,$build"); fi
# shellcheck disable=SC2086
"$cxx" $rss_flags bench/embedded_rss.cpp "$library" "${link_extra[@]}" -o "$work/embedded_rss"
"$work/embedded_rss" >"$work/rss.txt"
value() { awk -v key="$1" '$1 == key { print $2 }' "$work/rss.txt"; }
kb() { awk -v k="$1" 'BEGIN { printf "%d KB (%.2f MB)", k, k / 1024 }'; }

resident=$(value embedded_resident_after_all_kb)
delta=$(value delta_all_kb)
worst=$(awk -v a="$resident" -v b="$delta" 'BEGIN { print (a > b) ? a : b }')
memory_verdict=$(awk -v w="$worst" -v g="$memory_goal_kb" 'BEGIN { print (w >= 0 && w <= g) ? "within the goal" : "OVER the goal" }')

# The generated object's sections: the data must be read-only data, with no initializer code.
object=$(find "$build" -path '*CMakeFiles/mgcalc.dir/generated/usda_sr24_data.cpp.o' -print -quit 2>/dev/null || true)
if [ -n "$object" ]; then
  sections=$(size -A "$object" | awk '$2 ~ /^[0-9]+$/ && $2 > 0 && $1 != "Total" && $1 !~ /^\.(comment|note)/ { printf "%s%s %s B", sep, $1, $2; sep = ", " }')
  if objdump -h "$object" | grep -q -E '\.init_array|\.ctors'; then
    initializers="has a static initializer section (.init_array/.ctors): NOT constant-initialized"
  else
    initializers="no .init_array/.ctors section: no code runs at start-up for the data"
  fi
  object_line="\`size -A\` of the generated object (\`usda_sr24_data.cpp.o\`): $sections; $initializers."
else
  object_line="(The generated object usda_sr24_data.cpp.o was not found in $build_arg.)"
fi

echo
echo "embedded data: $(value embedded_total_bytes) bytes; resident after reading all of it: $(kb "$resident"); VmRSS delta $(kb "$delta") (goal <= 2 MB: $memory_verdict)"
echo "allocations by id()/description()/magnesium_per_100g()/find() over all foods: $(value accessor_scan_allocations)"

memory_section=$(cat <<SECTION
<!-- embedded-memory:begin -->
<!-- Generated by bench/startup.sh; edits between these markers are overwritten. -->
Measured $today with \`bash bench/startup.sh $build_arg\`: \`bench/embedded_rss.cpp\`, built with
\`$cxx $rss_flags bench/embedded_rss.cpp $(basename "$library")\`, reads every id, description
and magnesium value through the accessors (and \`find()\`s every id), then \`at()\` of every food
(all $(value portions) portions), and measures before and after.

| embedded array | bytes |
|---|---|
| text (descriptions, distinct measures) | $(value text_bytes) |
| food records ($(value foods)) | $(value food_record_bytes) |
| portion records ($(value portions)) | $(value portion_record_bytes) |
| measure records | $(value measure_record_bytes) |
| **total** | **$(value embedded_total_bytes)** |

| resident memory | before | after the accessors | after everything | delta |
|---|---|---|---|---|
| pages of the embedded arrays present (\`/proc/self/pagemap\`) | $(value embedded_resident_before_kb) KB | $(value embedded_resident_after_accessors_kb) KB | $(value embedded_resident_after_all_kb) KB | |
| process VmRSS (\`/proc/self/status\`) | $(value before_vmrss_kb) KB | $(value after_accessors_vmrss_kb) KB | $(value after_all_vmrss_kb) KB | $(value delta_all_kb) KB |
| of which RssFile (the binary's pages) | $(value before_rssfile_kb) KB | $(value after_accessors_rssfile_kb) KB | $(value after_all_rssfile_kb) KB | $(value delta_all_rssfile_kb) KB |
| of which RssAnon (heap, stack) | $(value before_rssanon_kb) KB | $(value after_accessors_rssanon_kb) KB | $(value after_all_rssanon_kb) KB | $(value delta_all_rssanon_kb) KB |

Resident memory of the embedded data once all of it has been read: **$(kb "$resident")** (every
page of the arrays; the VmRSS delta, $(kb "$delta"), is smaller because the kernel had already
mapped some pages around earlier faults). Goal ≤ 2 MB: $memory_verdict. Heap allocations made by
\`id()\`, \`description()\`, \`magnesium_per_100g()\` and \`find()\` over all foods: $(value accessor_scan_allocations).

$object_line

$machine
<!-- embedded-memory:end -->
SECTION
)

# Replaces the lines between <!-- NAME:begin --> and <!-- NAME:end --> with SECTION, or appends
# "## HEADING" and SECTION when the markers are missing. The file is read right before writing.
update_section() {
  local name=$1 heading=$2 section=$3
  mkdir -p "$(dirname "$doc")"
  if [ ! -f "$doc" ]; then
    printf '# Performance\n\n## %s\n\n%s\n' "$heading" "$section" >"$doc"
  elif grep -q "<!-- $name:begin -->" "$doc" && grep -q "<!-- $name:end -->" "$doc"; then
    SECTION="$section" awk -v begin="<!-- $name:begin -->" -v end="<!-- $name:end -->" '
      index($0, begin) { print ENVIRON["SECTION"]; skipping = 1; next }
      index($0, end) { skipping = 0; next }
      !skipping { print }
    ' "$doc" >"$work/doc.md"
    cat "$work/doc.md" >"$doc"
  else
    printf '\n## %s\n\n%s\n' "$heading" "$section" >>"$doc"
  fi
}

update_section startup "Start-up time of \`mgcalc report\` with the embedded food data" "$startup_section"
update_section embedded-memory "Resident memory of the embedded USDA SR24 data" "$memory_section"
echo "startup: updated $doc"
