#!/usr/bin/python3
"""Runs every contestant of bench/batch.sh on one generated workload and writes the section of
docs/performance.md (printed to --section; bench/batch.sh puts it between the markers).

    /usr/bin/python3 bench/batch_run.py --workload DIR --bench BIN --node-dir DIR [--mgcalc BIN]
        [--runs N] [--csv-runs N] [--repetitions N] --work DIR --section FILE
    /usr/bin/python3 bench/batch_run.py --render RESULTS_JSON ... --section FILE

In memory (the data loaded first, not timed; times are medians of the runs of the query alone):
  mgcalc_batch_bench (Google Benchmark): the floor, evaluate_batch on 1 thread and on all;
  DuckDB (all threads and 1 thread), pandas, SQLite with an index.
From the CSV files to a results file (the whole process timed, median of --csv-runs runs, taken
in turn so that a busy moment of the machine falls on every contestant alike):
  `mgcalc batch` (skipped with a note when the program has no such command), DuckDB, pandas.
Peak memory: in memory, the process's resident high-water mark while the timed runs ran, reset
after the load (so it holds the loaded data and what the computation adds); from files, the
process's maximum resident set (getrusage, as /usr/bin/time reports it).
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import textwrap
import time

HERE = os.path.dirname(os.path.abspath(__file__))
NODE = "/usr/bin/node"
PYTHON = "/usr/bin/python3"


def log(text):
    print(f"batch: {text}", file=sys.stderr, flush=True)


def run_json(command):
    log(" ".join(command))
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def timed_process(command):
    """Wall time (s) and maximum resident set (bytes) of one run of a command, as /usr/bin/time."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    return seconds, usage.ru_maxrss * 1024


def checksums(path):
    """Person-days, total magnesium and unknown entries of a results file (columns food_mg and
    unknown_entries, as all the contestants name them)."""
    import pandas as pd
    table = pd.read_csv(path, usecols=["food_mg", "unknown_entries"])
    return {"person_days": len(table), "food_mg": float(table["food_mg"].sum()),
            "unknown_entries": int(table["unknown_entries"].sum())}


def mgcalc_has_batch(mgcalc):
    if not mgcalc or not os.access(mgcalc, os.X_OK):
        return False, f"no mgcalc program at {mgcalc or '(none given)'}"
    probe = subprocess.run([mgcalc, "batch", "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if probe.returncode != 0 or "--entries" not in probe.stdout:
        return False, "`mgcalc batch` is not a command of this build of mgcalc"
    return True, ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workload", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--node-dir", required=True)
    parser.add_argument("--mgcalc", default="")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--csv-runs", type=int, default=3)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--work", required=True)
    parser.add_argument("--section", required=True)
    parser.add_argument("--command", default="bash bench/batch.sh")
    parser.add_argument("--render", metavar="RESULTS_JSON",
                        help="only write the section again from a run's results.json (the other options as for it)")
    args = parser.parse_args()
    if args.render:
        with open(args.render) as f:
            results = json.load(f)
        with open(args.section, "w") as f:
            f.write(section(results, args))
        return
    w = args.workload
    os.makedirs(args.work, exist_ok=True)
    with open(os.path.join(w, "workload.json")) as f:
        workload = json.load(f)
    load_before = " ".join(open("/proc/loadavg").read().split()[:3])
    results = {"workload": workload, "load_before": load_before}

    # mgcalc in memory and the floor: correctness first, then the timings.
    log("checking evaluate_batch against the floor")
    check_out = subprocess.run([args.bench, "--workload", w, "--check"], stdout=subprocess.PIPE, text=True)
    check = dict(line.split(" ", 1) for line in check_out.stdout.strip().splitlines())
    if check_out.returncode != 0 or int(check["mismatches"]) != 0:
        sys.exit(f"batch: evaluate_batch and the floor disagree:\n{check_out.stdout}")
    results["check"] = check
    bench_json = os.path.join(args.work, "bench.json")
    log("timing evaluate_batch and the floor (Google Benchmark)")
    subprocess.run([args.bench, "--workload", w, f"--benchmark_repetitions={args.repetitions}",
                    "--benchmark_enable_random_interleaving=true", "--benchmark_report_aggregates_only=false",
                    f"--benchmark_out={bench_json}", "--benchmark_out_format=json"], check=True,
                   stdout=subprocess.DEVNULL)
    with open(bench_json) as f:
        report = json.load(f)
    runs = {}
    for b in report["benchmarks"]:
        if b.get("run_type") == "iteration":
            runs.setdefault(b["run_name"], []).append(b)
    results["context"] = report["context"]

    def bench_row(name):
        rs = runs[name]
        return {"times": [r["real_time"] / 1e3 for r in rs],  # ms -> s
                "peak_rss": max(r["peak_rss"] for r in rs), "rss_before": max(r["rss_before"] for r in rs),
                "person_days": int(rs[0]["person_days"])}

    threads = int(report["context"].get("hardware_threads", os.cpu_count()))
    results["floor"] = bench_row("batch/floor/real_time")
    results["floor_reused"] = bench_row("batch/floor_reused/real_time")
    results["mgcalc_1"] = bench_row("batch/mgcalc/threads:1/real_time")
    if threads > 1:
        results["mgcalc_n"] = bench_row(f"batch/mgcalc/threads:{threads}/real_time")

    # The other engines in memory.
    duck = run_json([NODE, os.path.join(HERE, "batch_duckdb.js"), args.node_dir, "memory", w, str(args.runs)])
    results["duckdb_version"] = duck["version"]
    results["duckdb_n"] = duck["all_threads"]
    results["duckdb_1"] = duck["one_thread"]
    results["pandas"] = run_json([PYTHON, os.path.join(HERE, "batch_pandas.py"), "memory", w, str(args.runs)])
    results["sqlite"] = run_json([PYTHON, os.path.join(HERE, "batch_sqlite.py"), w, str(args.runs)])

    # From the files to a results file.
    files = {"people": os.path.join(w, "people.csv"), "entries": os.path.join(w, "entries.csv")}
    has_batch, why_not = mgcalc_has_batch(args.mgcalc)
    csv_contestants = []
    if has_batch:
        for label, extra in ((f"mgcalc_csv_n", []), ("mgcalc_csv_1", ["--threads", "1"])):
            out = os.path.join(args.work, f"{label}.csv")
            csv_contestants.append((label, [args.mgcalc, "batch", "--people", files["people"], "--entries",
                                            files["entries"], "--out", out] + extra, out))
    else:
        log(f"skipping `mgcalc batch`: {why_not}")
    results["mgcalc_csv_skipped"] = "" if has_batch else why_not
    out = os.path.join(args.work, "duckdb.csv")
    csv_contestants.append(("duckdb_csv", [NODE, os.path.join(HERE, "batch_duckdb.js"), args.node_dir, "csv", w, out],
                            out))
    out = os.path.join(args.work, "pandas.csv")
    csv_contestants.append(("pandas_csv", [PYTHON, os.path.join(HERE, "batch_pandas.py"), "csv", w, out], out))
    for path in files.values():  # into the page cache before the first timed run
        with open(path, "rb") as f:
            while f.read(1 << 24):
                pass
    measured = {label: {"times": [], "rss": [], "command": command} for label, command, _ in csv_contestants}
    for run in range(args.csv_runs):
        for label, command, out in csv_contestants:
            log(f"run {run + 1}/{args.csv_runs}: {' '.join(command)}")
            seconds, rss = timed_process(command)
            measured[label]["times"].append(seconds)
            measured[label]["rss"].append(rss)
    for (label, _, out), m in zip(csv_contestants, measured.values()):
        results[label] = {"times": m["times"], "peak_rss": max(m["rss"]), "command": m["command"], **checksums(out)}
    with open(os.path.join(args.node_dir, "node_modules", "@duckdb", "node-api", "package.json")) as f:
        results["duckdb_node_api"] = json.load(f)["version"]

    results["load_after"] = " ".join(open("/proc/loadavg").read().split()[:3])
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    with open(args.section, "w") as f:
        f.write(section(results, args))
    log(f"wrote {args.section}")


def median(row):
    return statistics.median(row["times"])


def seconds(s):
    return f"{s * 1e3:,.0f} ms" if s < 10 else f"{s:.1f} s"


def mb(b):
    return f"{b / 1e6:,.0f} MB"


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor() or "unknown CPU")
    os_name = next((line.split("=", 1)[1].strip().strip('"') for line in open("/etc/os-release")
                    if line.startswith("PRETTY_NAME=")), platform.system())
    compiler = subprocess.run([os.environ.get("CXX", "c++"), "--version"], stdout=subprocess.PIPE,
                              text=True).stdout.splitlines()[0]
    return f"{cpu}, {os.cpu_count()} cores, {os_name}, Linux {platform.release()}, {compiler}"


def reflow(text, width=100):
    """Wraps the prose paragraphs and list items of a Markdown text at `width`, leaving tables,
    HTML comments and blank lines as they are."""
    out, block = [], []

    def flush():
        if block:
            bullet = block[0].startswith("- ")
            words = " ".join(line.strip() for line in block)
            out.append(textwrap.fill(words[2:] if bullet else words, width, initial_indent="- " if bullet else "",
                                     subsequent_indent="  " if bullet else "", break_long_words=False,
                                     break_on_hyphens=False))
            block.clear()

    for line in text.split("\n"):
        if not line.strip() or line.startswith("|") or line.startswith("<!--"):
            flush()
            out.append(line)
        elif line.startswith("- "):
            flush()
            block.append(line)
        else:
            block.append(line)
    flush()
    return "\n".join(out)


def section(r, args):
    workload = r["workload"]
    ctx = r["context"]
    threads = int(ctx.get("hardware_threads", os.cpu_count()))
    column_bytes = int(ctx["column_bytes"])
    floor = median(r["floor"])
    one = median(r["mgcalc_1"])
    many = median(r["mgcalc_n"]) if "mgcalc_n" in r else one
    days = workload["person_days"]
    check = r["check"]
    differ = []

    def agrees(name, row):
        """Whether an engine found mgcalc's person-days, magnesium and unknown entries."""
        food = float(check["food_mg"])
        same = (int(row["person_days"]) == days and int(row["unknown_entries"]) == int(check["unknown_entries"])
                and abs(float(row["food_mg"]) - food) <= 1e-6 * food)
        if not same:
            differ.append(name)
        return "" if same else " (**results differ**)"

    rows = []

    def add(name, timed, row, note=""):
        t = median(row)
        rows.append(f"| {name}{note} | {timed} | {seconds(t)} | {t / floor:.2f}× | {t / one:.2f}× | {mb(row['peak_rss'])} |")

    add("floor: bare loop over the columns, a new result each call", "computation", r["floor"])
    add("floor, its result buffer kept from call to call", "computation", r["floor_reused"])
    add("**mgcalc `evaluate_batch`, 1 thread**", "computation", r["mgcalc_1"])
    if "mgcalc_n" in r:
        add(f"**mgcalc `evaluate_batch`, {threads} threads**", "computation", r["mgcalc_n"])
    duck = f"DuckDB {r['duckdb_version']}"
    add(f"{duck}, {r['duckdb_n']['threads']} threads", "query", r["duckdb_n"], agrees("DuckDB", r["duckdb_n"]))
    add(f"{duck}, 1 thread", "query", r["duckdb_1"], agrees("DuckDB, 1 thread", r["duckdb_1"]))
    add(f"pandas {r['pandas']['version']}", "merge + groupby", r["pandas"], agrees("pandas", r["pandas"]))
    add(f"SQLite {r['sqlite']['version']}, indexed", "query", r["sqlite"], agrees("SQLite", r["sqlite"]))
    in_memory = len(rows)
    files = "CSV files → results file"
    if not r["mgcalc_csv_skipped"]:
        add(f"**`mgcalc batch`, {threads} threads**", files, r["mgcalc_csv_n"], agrees("mgcalc batch", r["mgcalc_csv_n"]))
        add("**`mgcalc batch --threads 1`**", files, r["mgcalc_csv_1"], agrees("mgcalc batch --threads 1", r["mgcalc_csv_1"]))
    add(f"{duck}, `read_csv` + join + GROUP BY + `COPY TO`", files, r["duckdb_csv"], agrees("DuckDB from files", r["duckdb_csv"]))
    add(f"pandas, `read_csv` + merge + groupby + `to_csv`", files, r["pandas_csv"], agrees("pandas from files", r["pandas_csv"]))
    if not r["mgcalc_csv_skipped"]:
        rows.insert(in_memory, "| *from the files* | | | | | |")
    else:
        rows.insert(in_memory, f"| *from the files* (`mgcalc batch` not measured: {r['mgcalc_csv_skipped']}) | | | | | |")
    rows.insert(0, "| *in memory* | | | | | |")

    def verdict(ok):
        return "**met**" if ok else "**not met**"

    duck_n = median(r["duckdb_n"])
    duck_1 = median(r["duckdb_1"])
    speedup = one / many
    peak = max(r[k]["peak_rss"] for k in ("mgcalc_1", "mgcalc_n") if k in r)
    before = r["mgcalc_1"]["rss_before"]
    person_day = int(ctx["sizeof_person_day"])
    day_bytes = int(ctx["sizeof_day"])
    four_byte_days = workload["entries"] * (4 + 4 + 4 + 8)
    day_note = ("" if day_bytes == 4 else
                f": libstdc++'s `std::chrono::days` counts in a 64-bit integer; with 4-byte days, as DuckDB's DATE, "
                f"{mb(four_byte_days)}")
    goals = [
        f"- mgcalc in memory ≤ 2× the bare loop, 1 thread: **{one / floor:.2f}×** — {verdict(one / floor <= 2)} "
        f"({one / median(r['floor_reused']):.2f}× the loop that keeps its result buffer).",
        f"- ≥ 30× faster than DuckDB in memory: DuckDB takes **{duck_n / many:.1f}×** as long as mgcalc, "
        f"{threads} threads each ({duck_1 / one:.1f}× with 1 thread each) — "
        f"{verdict(min(duck_n / many, duck_1 / one) >= 30)}.",
        f"- a measured speed-up from the second core: **{speedup:.2f}×** ({seconds(one)} on 1 thread, {seconds(many)} on "
        f"{threads}, medians; {min(r['mgcalc_1']['times']) / min(r.get('mgcalc_n', r['mgcalc_1'])['times']):.2f}× "
        f"between the fastest repetitions; counted as met above 1.10×, beyond the run-to-run noise) — "
        f"{verdict(speedup > 1.10)}.",
    ]
    if r["mgcalc_csv_skipped"]:
        goals.append(f"- CSV files → results ≥ 3× faster than DuckDB from the same files: not measured "
                     f"({r['mgcalc_csv_skipped']}).")
    else:
        ratio = median(r["duckdb_csv"]) / median(r["mgcalc_csv_n"])
        goals.append(f"- CSV files → results ≥ 3× faster than DuckDB from the same files: DuckDB takes **{ratio:.2f}×** "
                     f"as long as `mgcalc batch` — {verdict(ratio >= 3)}.")
    cli_memory = ""
    if not r["mgcalc_csv_skipped"]:
        cli = r["mgcalc_csv_n"]["peak_rss"]
        cli_memory = (f" `mgcalc batch` from the files peaks at {mb(cli)}, {cli / column_bytes:.2f}× — "
                      f"{verdict(cli <= 2 * column_bytes)}.")
    goals.append(
        f"- peak memory ≤ 2× the columnar input ({mb(2 * column_bytes)}): `evaluate_batch` peaks at {mb(peak)}, "
        f"**{peak / column_bytes:.2f}×** — {verdict(peak <= 2 * column_bytes)}"
        + ("" if day_bytes == 4 else f" ({peak / four_byte_days:.2f}× the {mb(four_byte_days)} of 4-byte days)")
        + f". {mb(before)} of it was resident "
        f"before the call: the columns, {int(ctx['people']):,} `batch_person` profiles of "
        f"{ctx['sizeof_batch_person']} bytes each and the program. The call adds {mb(peak - before)}, of which the "
        f"{days:,} results (`person_day`, {person_day} bytes) are {mb(days * person_day)}.{cli_memory}")

    agreement = ("Every engine found the same person-days, total magnesium and unknown entries as mgcalc, whose "
                 "results match the floor's day by day." if not differ else
                 f"**The results of {', '.join(differ)} differ from mgcalc's** (person-days, total magnesium or "
                 f"unknown entries); mgcalc's match the floor's day by day.")
    skipped = ""
    if r["mgcalc_csv_skipped"]:
        skipped = f"\n`mgcalc batch` (CSV files → results file) was not measured: {r['mgcalc_csv_skipped']}.\n"
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    node = subprocess.run([NODE, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    w = workload
    return reflow(f"""<!-- batch:begin -->
<!-- Generated by bench/batch.sh; edits between these markers are overwritten. -->
Measured {date} with `{args.command}`: every contestant in one run, on one workload generated by
`bench/batch_workload.py` (seed {w['seed']}): {w['people']:,} people × {w['entries'] // w['people']} food entries over
{len(w['days'])} days = {w['entries']:,} entries, {days:,} person-days. Foods are drawn from all {w['foods']:,}
USDA SR24 foods, so {w['entries_without_magnesium']:,} entries are of the {w['foods_without_magnesium']} foods
without a magnesium value (unknown, never 0); grams 1.0-500.0; ages 0-90 from birth dates, both
sexes, {w['pregnant']:,} pregnant and {w['lactating']:,} lactating women of 15-49; IOM references. The entries
come ordered by person, then day.

Every contestant computes magnesium per person-day, Σ grams × mg per 100 g / 100, and counts the
entries without a value. `evaluate_batch` also finds each day's life stage and reference intake,
the percent of target, below the EAR ({int(check['below_ear']):,} person-days) and over the UL; the
others do not. {agreement}

| contestant | timed | median | × floor | × mgcalc 1 thread | peak memory |
|---|---|---|---|---|---|
{chr(10).join(rows)}

- **In memory**: the data is loaded first and the load is not timed; only the computation, from
  the columns to the person-day results in memory, is. mgcalc and the floor read `std::span`
  columns of 4-byte person and food indexes, {day_bytes}-byte days (`mgcalc::batch_day`) and 8-byte
  grams (`bench/batch_bench.cpp`, Google Benchmark, median of {args.repetitions} interleaved repetitions).
  DuckDB (`@duckdb/node-api` {r.get('duckdb_node_api', '')}, Node.js {node}) holds the same columns as UINTEGER,
  DATE, UINTEGER and DOUBLE and runs `CREATE OR REPLACE TABLE result AS SELECT e.person, e.date,
  sum(e.grams * f.mg_per_100g / 100), count(*) - count(f.mg_per_100g) FROM entries e JOIN foods f
  ON f.id = e.food GROUP BY e.person, e.date`. SQLite (Python's `sqlite3`, one thread) runs the
  same into a new table, with an index on `entries(person, date)`, `foods.id` the INTEGER PRIMARY
  KEY and dates as ISO text. pandas runs `merge(how="left")` and `groupby(["person", "date"]).sum()`
  (one thread). Medians of {args.runs} runs. Peak memory: the process's resident high-water mark
  during the timed runs, reset after the load (`/proc/self/clear_refs`): the loaded data and what
  the computation adds.
- **From the files**: the whole process, from the CSV files to a results file of one row per
  person-day: `mgcalc batch --people people.csv --entries entries.csv --out results.csv` (the SR24
  foods are built in), DuckDB and pandas from `entries.csv` and `foods.csv`. Files in the page
  cache; median of {args.csv_runs} runs taken in turn; peak memory is the process's maximum resident
  set (`getrusage`, as `/usr/bin/time` reports it).
- The floor only multiplies and sums per person-day, and relies on the entries' order;
  `evaluate_batch` takes entries in any order. The floor that keeps its buffer shows what the page
  faults of a new result cost on this machine.
{skipped}
Columnar input: {w['entries']:,} × (4 + {day_bytes} + 4 + 8) bytes = **{mb(column_bytes)}**, as `evaluate_batch`
takes it{day_note}.

Goals:

{chr(10).join(goals)}

Machine: {machine()}; load average {r['load_before']} when the run started, {r['load_after']} when it
ended (a shared machine: the numbers move by 10-30% from run to run).
<!-- batch:end -->
""")


if __name__ == "__main__":
    main()
