#!/usr/bin/python3
"""population.matches_r_survey: mgcalc's population summary against R's survey package.

    compare_with_r.py --driver PATH --r-script PATH --work DIR

Runs population_r_driver (a deterministic random survey, and mgcalc's summaries of it as JSON),
then survey_reference.R (the same statistics with svymean, svyby, svyciprop and svyquantile), and
compares every number. Exits 0 when all agree within the tolerances below, 1 when one does not,
and 77 (CTest's SKIP_RETURN_CODE) when Rscript or the survey package is missing, so that the test
is reported as skipped, never as passed. docs/population.md, "Checked against R", explains it.
"""
import argparse
import csv
import json
import math
import pathlib
import shutil
import subprocess
import sys

SKIP = 77
PERCENTS = (5, 10, 25, 50, 75, 90, 95)
COUNTS = ("units", "units_with_unknown_food", "units_without_reference", "units_without_ear",
          "supplement_users", "supplement_users_without_ul")

# Relative tolerances, and the absolute difference that always passes (for shares of 0).
MEANS_AND_SHARES = (1e-9, 1e-12)
STANDARD_ERRORS = (1e-6, 1e-12)
PERCENTILES = (1e-9, 0.0)
WEIGHTS = (1e-12, 0.0)
# svyciprop's default (method = "logit") fits a logistic model by iteration: its estimate is the
# weighted mean only to the fit's convergence, so it gets a tolerance of its own.
SVYCIPROP = (1e-6, 1e-9)


def skip(message):
    print(f"SKIPPED: {message}")
    sys.exit(SKIP)


def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    sys.stdout.write(done.stdout)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        print(f"FAILED: {' '.join(map(str, command))} exited with {done.returncode}")
        sys.exit(1)


def flatten(statistics):
    """One mgcalc statistics object as {statistic name: number or None}, named as R's output."""
    flat = {name: statistics[name] for name in COUNTS}
    flat["weight"] = statistics["weight"]
    for amount in ("food", "supplement", "total"):
        flat[f"mean_{amount}"] = statistics[f"mean_{amount}"]["estimate_mg"]
        flat[f"mean_{amount}.se"] = statistics[f"mean_{amount}"]["standard_error_mg"]
    for percentile in statistics["total_percentiles"]:
        flat[f"p{percentile['percent']}"] = percentile["total_mg"]
    for share in ("below_ear", "users_over_ul"):
        value = statistics[share]
        flat[share] = None if value is None else value["estimate"]
        flat[f"{share}.se"] = None if value is None else value["standard_error"]
    return flat


def mgcalc_results(folder):
    """{(unit, grouping, group): flattened statistics}; also checks that the overall statistics of
    a grouped summary are those of the ungrouped one."""
    results = {}
    problems = []
    for unit in ("person_days", "people"):
        overall = None
        for grouping in ("overall", "life_stage", "sex"):
            summary = json.loads((folder / f"mgcalc-{unit}-{grouping}.json").read_text())
            if grouping == "overall":
                overall = flatten(summary["overall"])
                results[(unit, "overall", "(all)")] = overall
                if summary["groups"]:
                    problems.append(f"{unit}: an ungrouped summary has groups")
                continue
            if flatten(summary["overall"]) != overall:
                problems.append(f"{unit}, by {grouping}: the overall statistics differ from the ungrouped summary's")
            for group in summary["groups"]:
                key = (unit, grouping, group["label"])
                if key in results:
                    problems.append(f"{key}: the group appears twice")
                results[key] = flatten(group["statistics"])
    return results, problems


def r_results(path):
    results = {}
    with open(path, newline="") as file:
        for row in csv.DictReader(file):
            value = None if row["value"] == "NA" else float(row["value"])
            results.setdefault((row["unit"], row["grouping"], row["group"]), {})[row["statistic"]] = value
    return results


class comparison:
    def __init__(self):
        self.kinds = {}  # kind -> [count, max absolute, max relative, tolerance, exactly equal]
        self.failures = []
        self.both_absent = 0

    def check(self, kind, where, mine, theirs, tolerance):
        relative_limit, absolute_limit = tolerance
        entry = self.kinds.setdefault(kind, [0, 0.0, 0.0, tolerance, 0])
        if mine is None or theirs is None or (isinstance(theirs, float) and math.isnan(theirs)):
            theirs_absent = theirs is None or math.isnan(theirs)
            if mine is None and theirs_absent:
                self.both_absent += 1
                return
            self.failures.append(f"{where}: mgcalc {mine}, R {theirs}")
            return
        entry[0] += 1
        difference = abs(mine - theirs)
        scale = max(abs(mine), abs(theirs))
        relative = difference / scale if scale > 0 else 0.0
        entry[1] = max(entry[1], difference)
        entry[2] = max(entry[2], relative)
        if difference == 0:
            entry[4] += 1
        if not (relative <= relative_limit or difference <= absolute_limit):
            self.failures.append(f"{where}: mgcalc {mine!r}, R {theirs!r} (relative difference {relative:.3g})")


def compare(mine_all, theirs_all):
    c = comparison()
    quirk_cases = []
    missing = sorted(set(mine_all) ^ set(theirs_all))
    for key in missing:
        side = "mgcalc" if key in mine_all else "R"
        c.failures.append(f"{key}: a group only {side} has")
    for key in sorted(set(mine_all) & set(theirs_all)):
        mine, theirs = mine_all[key], theirs_all[key]
        where = " / ".join(key)

        def both(kind, name, r_name, tolerance):
            if r_name not in theirs:
                if mine.get(name) is not None:
                    c.failures.append(f"{where}: R has no {r_name}, mgcalc has {name} = {mine[name]}")
                return
            c.check(kind, f"{where}: {r_name}", mine.get(name), theirs[r_name], tolerance)

        for name in COUNTS:
            both("counts (exact)", name, name, (0.0, 0.0))
        both("sums of sampling weights", "weight", "weight", WEIGHTS)
        for amount in ("food", "supplement", "total"):
            both("means: svymean", f"mean_{amount}", f"mean_{amount}", MEANS_AND_SHARES)
            both("standard errors of means: svymean", f"mean_{amount}.se", f"mean_{amount}.se", STANDARD_ERRORS)
            if key[1] != "overall":
                both("means: svyby", f"mean_{amount}", f"mean_{amount}.svyby", MEANS_AND_SHARES)
                both("standard errors of means: svyby", f"mean_{amount}.se", f"mean_{amount}.se.svyby",
                     STANDARD_ERRORS)
        for share in ("below_ear", "users_over_ul"):
            both("shares: svymean", share, share, MEANS_AND_SHARES)
            both("standard errors of shares: svymean", f"{share}.se", f"{share}.se", STANDARD_ERRORS)
            both("shares: svyciprop (logit)", share, f"{share}.svyciprop", SVYCIPROP)
            if key[1] != "overall":
                # svyby leaves out a group with no unit to share over; mgcalc has none there either.
                if f"{share}.svyby" in theirs or mine[share] is not None:
                    both("shares: svyby", share, f"{share}.svyby", MEANS_AND_SHARES)
                    both("standard errors of shares: svyby", f"{share}.se", f"{share}.se.svyby", STANDARD_ERRORS)
        for percent in PERCENTS:
            name = f"p{percent}"
            both("percentiles: the lower end of the quantile interval", name, f"{name}.lower_end", PERCENTILES)
            if theirs[f"{name}.below_first_share"] == 1:
                # survey 4.1 returns the second-smallest value here (docs/population.md, "Percentiles").
                quirk_cases.append(f"{where}: {name}: mgcalc {mine[name]}, svyquantile {theirs[name]}")
            else:
                both("percentiles: svyquantile (qrule = \"math\")", name, name, PERCENTILES)
    return c, quirk_cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--driver", required=True, help="the population_r_driver program")
    parser.add_argument("--r-script", required=True, help="survey_reference.R")
    parser.add_argument("--work", required=True, help="a folder for the data and the results (emptied first)")
    args = parser.parse_args()

    rscript = shutil.which("Rscript")
    if not rscript:
        skip("Rscript is not on PATH: install R (Debian r-base-core) and its survey package (r-cran-survey) "
             "to compare mgcalc's population summary with R")
    probe = subprocess.run([rscript, "-e", 'if (!requireNamespace("survey", quietly = TRUE)) quit(status = 3); '
                                           'cat(as.character(packageVersion("survey")))'],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        skip("R's survey package is not installed (Debian r-cran-survey, or install.packages(\"survey\") in R)")
    print(f"R survey {probe.stdout.strip()} ({rscript})")

    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    run([args.driver, str(work)])
    run([rscript, args.r_script, str(work), str(work / "r.csv")])

    mine, problems = mgcalc_results(work)
    theirs = r_results(work / "r.csv")
    c, quirk_cases = compare(mine, theirs)
    c.failures[:0] = problems

    print(f"{'compared':<56} {'numbers':>7} {'equal':>6} {'max abs diff':>13} {'max rel diff':>13} {'rel tol':>8}")
    total = 0
    for kind, (count, absolute, relative, tolerance, equal) in c.kinds.items():
        total += count
        print(f"{kind:<56} {count:>7} {equal:>6} {absolute:>13.3g} {relative:>13.3g} {tolerance[0]:>8.0e}")
    print("(svyciprop's relative differences near 1 are shares of 0, which its logit fit gives as about 1e-11)")
    print(f"{total} numbers compared in {len(mine)} groups; {c.both_absent} absent in both (no unit to share over, "
          "or no replicate standard error)")
    if quirk_cases:
        print(f"{len(quirk_cases)} percentiles below the smallest unit's share of the weight, where survey 4.1's "
              "qrule = \"math\" returns the second-smallest value; mgcalc matched the definition's value there:")
        for case in quirk_cases:
            print(f"  {case}")
    if total == 0:
        print("FAILED: nothing was compared")
        return 1
    if c.failures:
        print(f"FAILED: {len(c.failures)} differences")
        for failure in c.failures[:40]:
            print(f"  {failure}")
        return 1
    print("mgcalc's population summary matches R's survey package")
    return 0


if __name__ == "__main__":
    sys.exit(main())
