#!/usr/bin/python3
"""pandas on bench/batch_workload.py's workload, for bench/batch.sh: merge the entries with the
foods, grams x mg per 100 g / 100, groupby person and date, sum (entries of foods without a value
counted; their NaN adds nothing to the sum).

    /usr/bin/python3 bench/batch_pandas.py memory WORKLOAD_DIR RUNS
        DataFrames built from the binary columns (not timed), then merge + groupby RUNS times;
        prints JSON: the times in seconds, the peak resident memory while they ran (the kernel's
        high-water mark reset after the load) and checksums.
    /usr/bin/python3 bench/batch_pandas.py csv WORKLOAD_DIR RESULTS_CSV
        The whole path from the files: read_csv, merge, groupby, to_csv. Timed from outside.
"""

import json
import os
import sys
import time

import numpy as np
import pandas as pd

from process_memory import status_bytes


def per_person_day(entries, foods):
    df = entries.merge(foods, left_on="food", right_on="id", how="left")
    df["food_mg"] = df["grams"] * df["mg_per_100g"] / 100
    df["unknown_entries"] = df["mg_per_100g"].isna()
    return df.groupby(["person", "date"])[["food_mg", "unknown_entries"]].sum()


def memory(workload, runs):
    foods = pd.read_csv(os.path.join(workload, "foods.csv"))  # id as an integer: 01001 -> 1001
    column = lambda name, dtype: np.fromfile(os.path.join(workload, f"entries.{name}"), dtype=dtype)
    entries = pd.DataFrame({
        "person": column("person.u32", "<u4") + np.uint32(1),
        "date": column("day.i32", "<i4").astype("datetime64[D]").astype("datetime64[ns]"),
        "food": foods["id"].to_numpy()[column("food.u32", "<u4")],
        "grams": column("grams.f64", "<f8"),
    })
    loaded = status_bytes("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    times = []
    result = None
    for _ in range(runs):
        result = None  # the previous run's result is not kept while the next one runs
        started = time.perf_counter()
        result = per_person_day(entries, foods)
        times.append(time.perf_counter() - started)
    peak = status_bytes("VmHWM")
    return {
        "engine": "pandas", "version": pd.__version__, "rss_loaded": loaded, "times": times, "peak_rss": peak,
        "person_days": int(len(result)), "food_mg": float(result["food_mg"].sum()),
        "unknown_entries": int(result["unknown_entries"].sum()),
    }


def main():
    mode, workload, last = sys.argv[1:4]
    if mode == "memory":
        print(json.dumps(memory(workload, int(last))))
    elif mode == "csv":
        entries = pd.read_csv(os.path.join(workload, "entries.csv"), parse_dates=["date"])
        foods = pd.read_csv(os.path.join(workload, "foods.csv"))
        per_person_day(entries, foods).to_csv(last)
    else:
        sys.exit(f"batch_pandas: unknown mode {mode}")


if __name__ == "__main__":
    main()
