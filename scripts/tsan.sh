#!/usr/bin/env bash
# The library, libmgcalc-c and the shared-catalog thread test (tests/tsan/) built with
# ThreadSanitizer (-fsanitize=thread) in build-tsan/, and the test run: 8 threads on one
# food_catalog and one mgc_catalog. A data race, or a thread whose results differ from the
# single-thread reference, fails it. Only those three targets are built, not the test suite.
#
#   bash scripts/tsan.sh
#
# RelWithDebInfo at -O1 -g1: the optimiser on (TSan makes every memory access slower) and line numbers in
# every report. halt_on_error: the first race ends the process with TSan's exit code (66).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# MGCALC_TSAN_BUILD_DIR: another build folder (default build-tsan); MGCALC_TSAN_JOBS: build jobs (2).
build="${MGCALC_TSAN_BUILD_DIR:-build-tsan}"
jobs="${MGCALC_TSAN_JOBS:-2}"
flags="-fsanitize=thread -fno-omit-frame-pointer"
# Configured once; again (--fresh) if the folder was configured from another source tree.
if ! grep -qxF "CMAKE_HOME_DIRECTORY:INTERNAL=$(pwd)" "${build}/CMakeCache.txt" 2>/dev/null; then
  # -O1 -g1: line numbers in every report, and a build in a fraction of -O2 -g's time (CI runs it).
  cmake --fresh -S . -B "${build}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" \
    "-DCMAKE_CXX_FLAGS=${flags}" "-DCMAKE_C_FLAGS=${flags}" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread" "-DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread" \
    -DMGCALC_BUILD_CLI=OFF -DMGCALC_BUILD_EXAMPLES=OFF -DMGCALC_BUILD_BENCHMARKS=OFF -DMGCALC_INSTALL=OFF \
    -DMGCALC_BUILD_TESTS=ON -DMGCALC_BUILD_C_API=ON >/dev/null
fi
cmake --build "${build}" -j"${jobs}" --target mgcalc mgcalc_c mgcalc_tsan_test >/dev/null
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}" \
  ctest --test-dir "${build}" --output-on-failure -R '^tsan\.'
