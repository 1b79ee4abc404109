#!/usr/bin/env bash
# Loading a custom food CSV of 200,000 and 400,000 foods, ids sorted and descending: the time and
# peak memory of `mgcalc report` with the file as a layer (docs/performance.md, "Loading a food
# CSV in any order"). Linear in the count, the same in any order.
#
#   bash bench/load_order.sh [path/to/mgcalc]
set -euo pipefail
mgcalc=${1:-build/bin/mgcalc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$work" <<'PY'
import sys
for n in (200_000, 400_000):
    for order in ("sorted", "descending"):
        ids = range(n) if order == "sorted" else range(n - 1, -1, -1)
        with open(f"{sys.argv[1]}/{order}-{n}.csv", "w") as f:
            f.write("kind,id,description,magnesium_mg_per_100g,quantity,measure,grams,food\n")
            f.writelines(f"food,c{i:07d},Custom food {i},12.5,,,,\n" for i in ids)
PY
printf '| foods | id order | seconds | peak resident |\n|---|---|---|---|\n'
for n in 200000 400000; do
  for order in sorted descending; do
    /usr/bin/time -f "| $n | $order | %e s | %M KB |" \
      "$mgcalc" report --sex female --age 30 --food-db "csv:$work/$order-$n.csv" --food "c0000001=100 g" >/dev/null
  done
done
