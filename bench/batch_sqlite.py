#!/usr/bin/python3
"""SQLite in memory (Python's sqlite3) on bench/batch_workload.py's workload, for bench/batch.sh.

    /usr/bin/python3 bench/batch_sqlite.py WORKLOAD_DIR RUNS

Loads the binary columns into an in-memory database (not timed): entries(person, date, food,
grams) with an index on (person, date), the GROUP BY's keys, and foods(id INTEGER PRIMARY KEY,
mg_per_100g), the join's key. Dates are ISO text, as SQLite applications store them. Then runs
RUNS times the join and GROUP BY a user would write, into a new table (CREATE TABLE ... AS), and
prints JSON: the times in seconds, the peak resident memory while they ran (the kernel's
high-water mark reset after the load) and checksums. SQLite runs a query on one thread.
"""

import datetime
import json
import os
import sqlite3
import sys
import time

import numpy as np

from process_memory import status_bytes

QUERY = """
CREATE TABLE result AS
SELECT e.person, e.date,
       sum(e.grams * f.mg_per_100g / 100) AS food_mg,
       count(*) - count(f.mg_per_100g) AS unknown_entries
FROM entries AS e JOIN foods AS f ON f.id = e.food
GROUP BY e.person, e.date
"""


def main():
    workload, runs = sys.argv[1], int(sys.argv[2])
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE foods (id INTEGER PRIMARY KEY, mg_per_100g REAL)")
    db.execute("CREATE TABLE entries (person INTEGER NOT NULL, date TEXT NOT NULL, food INTEGER NOT NULL, "
               "grams REAL NOT NULL)")
    foods = []
    with open(os.path.join(workload, "foods.csv")) as f:
        next(f)
        for line in f:
            ndb, mg = line.rstrip("\n").split(",")
            foods.append((int(ndb), float(mg) if mg else None))
    db.executemany("INSERT INTO foods VALUES (?, ?)", foods)
    food_id = np.array([ndb for ndb, _ in foods], dtype=np.int64)

    column = lambda name, dtype: np.fromfile(os.path.join(workload, f"entries.{name}"), dtype=dtype)
    person = column("person.u32", "<u4")
    day = column("day.i32", "<i4")
    food = column("food.u32", "<u4")
    grams = column("grams.f64", "<f8")
    epoch = datetime.date(1970, 1, 1)
    iso = {int(d): (epoch + datetime.timedelta(days=int(d))).isoformat() for d in np.unique(day)}
    chunk = 500_000
    for start in range(0, person.size, chunk):
        s = slice(start, start + chunk)
        dates = [iso[d] for d in day[s].tolist()]
        db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)",
                       zip((person[s] + 1).tolist(), dates, food_id[food[s]].tolist(), grams[s].tolist()))
    db.execute("CREATE INDEX entries_person_date ON entries (person, date)")
    db.commit()
    del person, day, food, grams
    loaded = status_bytes("VmRSS")
    plan = [row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + QUERY.replace("CREATE TABLE result AS", ""))]

    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    times = []
    for _ in range(runs):
        db.execute("DROP TABLE IF EXISTS result")
        started = time.perf_counter()
        db.execute(QUERY)
        times.append(time.perf_counter() - started)
    peak = status_bytes("VmHWM")
    person_days, food_mg, unknown = db.execute(
        "SELECT count(*), total(food_mg), sum(unknown_entries) FROM result").fetchone()
    print(json.dumps({
        "engine": "sqlite", "version": sqlite3.sqlite_version, "rss_loaded": loaded, "times": times,
        "peak_rss": peak, "person_days": person_days, "food_mg": food_mg, "unknown_entries": unknown, "plan": plan,
    }))


if __name__ == "__main__":
    main()
