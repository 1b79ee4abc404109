#!/usr/bin/env bash
# bash pkg_config.sh BUILD_DIR SOURCE_DIR WORK_DIR
#
# Installs the build into WORK_DIR/prefix, then builds without CMake, through pkg-config only:
# examples/c/daily.c against mgcalc-c.pc, and a C++ program against mgcalc.pc (static, with its
# private dependencies). Both must run.
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log"
pc_dir=$(dirname "$(find "$work/prefix" -name mgcalc-c.pc | head -n 1)")
export PKG_CONFIG_PATH=$pc_dir
libdir=$(pkg-config --variable=libdir mgcalc-c)

cc -std=c99 -Wall -Wextra -Werror -pedantic "$source/examples/c/daily.c" -o "$work/daily" \
  $(pkg-config --cflags --libs mgcalc-c) -lm -Wl,-rpath,"$libdir"
"$work/daily" | tee "$work/daily.out"
grep -q '^food .* mg + supplements 100.0 mg = ' "$work/daily.out"

cat >"$work/model.cpp" <<'CPP'
#include <mgcalc/mgcalc.hpp>
#include <cstdio>
int main() {
    mgcalc::day_intake day;
    const mgcalc::food_database& foods = mgcalc::usda_sr24();
    day.add_food(foods.at(*foods.find("12061")), mgcalc::grams::from_value(30.0));
    const auto result = mgcalc::evaluate(day, mgcalc::life_stage(mgcalc::sex::female, mgcalc::age::from_years(30)));
    std::printf("%.1f mg of %.0f mg\n", result.total.value(), result.reference.target.value());
}
CPP
# shellcheck disable=SC2046 # pkg-config's output is meant to be split into arguments
c++ -std=c++20 "$work/model.cpp" -o "$work/model" $(pkg-config --cflags --libs --static mgcalc)
"$work/model" | tee "$work/model.out"
grep -q ' mg of 310 mg$' "$work/model.out"
echo "pkg-config: mgcalc-c and mgcalc build and run from $work/prefix"
