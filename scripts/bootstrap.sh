#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root) to build and test mgcalc, then builds build/.
# Idempotent: installs only the missing packages (one `apt-get update`, only if something is
# missing), configures build/ only if it is not configured yet, and always (re)builds.
#
#   bash scripts/bootstrap.sh && ctest --test-dir build --output-on-failure -j 2
#
# Quiet on success; on a failure, the failing step's full output is printed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Build tools and every library the library, CLI, tests and benchmarks use.
packages=(
  g++ cmake make              # toolchain
  libboost-dev                # Boost.Units (public dependency, Boost::headers)
  librange-v3-dev             # range-v3 pipelines in src/
  catch2                      # tests (Catch2 2.13)
  libcli11-dev                # command-line program
  nlohmann-json3-dev          # command-line program: JSON output
  libfmt-dev                  # numbers written as text whatever the C locale; <mgcalc/format.hpp>
  libfast-float-dev           # numbers read from text without floating-point std::from_chars
  libbenchmark-dev            # bench/
  librsvg2-bin                # tests: rsvg-convert renders the SVG charts
  locales                     # tests: localedef builds a locale with a decimal comma (de_DE.UTF-8)
  clang-14                    # tests: the library built with clang and libc++ (libcxx.*)
  libc++-14-dev               # tests: libc++, the standard library of Emscripten, Apple and Android
  libc++abi-14-dev            # tests: libc++'s C++ ABI library, which programs built with libc++ link
  libclang-rt-14-dev          # fuzz/: libFuzzer and clang's sanitizer runtimes (scripts/fuzz.sh)
  r-cran-survey               # tests: population summaries checked against R's survey package
  pkgconf                     # tests: the C example built with pkg-config against an installed tree
  python3                     # tests: the bad-input suite (tests/cli/bad_input.py) and the Python package
  python3-numpy python3-pandas python3-pytest  # the Python package (bindings/python) and its tests
  python3-dask python3-distributed            # tests: examples/python/dask_population.py on a LocalCluster
)

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs a command with its output captured; prints the output if the command fails.
run_quietly() {
  local what=$1
  shift
  if ! "$@" >"$log" 2>&1; then
    echo "bootstrap: $what failed: $*" >&2
    cat "$log" >&2
    exit 1
  fi
}

missing=()
for package in "${packages[@]}"; do
  if [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != "installed" ]; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: missing packages: ${missing[*]} (run as root to install them)" >&2
    exit 1
  fi
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  run_quietly "apt-get update" apt-get update -q
  run_quietly "apt-get install" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Configure once; an existing build tree re-runs CMake by itself when a CMakeLists.txt changes.
if [ ! -f build/CMakeCache.txt ] || { [ ! -f build/Makefile ] && [ ! -f build/build.ninja ]; }; then
  echo "bootstrap: configuring build/ (Release, MGCALC_WERROR=ON)"
  run_quietly "configure" cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMGCALC_WERROR=ON
fi

echo "bootstrap: building build/"
run_quietly "build" cmake --build build -j"$(nproc)"
echo "bootstrap: done"
