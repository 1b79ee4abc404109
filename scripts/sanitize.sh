#!/usr/bin/env bash
# The test suite a second time, with mgcalc and its tests built under AddressSanitizer and
# UBSan (-fsanitize=address,undefined -fno-sanitize-recover=all: any report fails its test).
# Run after scripts/bootstrap.sh, which installs the packages; builds build-asan/ and tests it.
#
#   bash scripts/sanitize.sh
#
# RelWithDebInfo at -O1 -g1: the optimiser on (the suite runs in minutes, not tens of them) and
# line numbers in every report; the whole pass took 832 s, against 1,586 s at -O2 -g (CI runs it).
# Warnings are errors in build/ already; here only the sanitizers judge.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -f build-asan/CMakeCache.txt ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" \
    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" -DMGCALC_SANITIZE=ON >/dev/null
fi
cmake --build build-asan -j"$(nproc)" >/dev/null
# detect_leaks: every allocation freed; halt_on_error is the default for ASan, UBSan aborts by the flags.
# Every test that runs mgcalc's code runs here. The tests labelled headers, compile_fail, libcxx
# and consumer are left out (-LE): they build other configurations (each header on its own, code
# that must not compile, clang with libc++, projects that find or embed mgcalc), which the first
# pass builds and checks already, and building them again with the sanitizers took most of this
# pass (the consumer that embeds mgcalc compiles the whole library once more). MGCALC_SANITIZE_ALL=1
# runs them too.
exclude=(-LE 'headers|compile_fail|libcxx|consumer')
if [ "${MGCALC_SANITIZE_ALL:-0}" = 1 ]; then exclude=(); fi
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j 2 "${exclude[@]}"
