#!/usr/bin/python3
"""The workload of bench/batch.sh: people x food entries over days, from the USDA SR24 foods.

    /usr/bin/python3 bench/batch_workload.py OUT_DIR [--people N] [--entries-per-person K]
                                             [--days D] [--seed S]

Deterministic for a seed (numpy's PCG64). Writes into OUT_DIR, which must be outside the source
tree (the files are about 300 MB):

  people.csv    person,sex,birth_date,age_years,pregnant_from,pregnant_to,lactating_from,
                lactating_to,authority,weight (age_years and authority empty: the age is read
                from the birth date and the authority is IOM, mgcalc's default; weight 1)
  entries.csv   person,date,food,grams: food is the 5-digit NDB id with its leading zeros
  foods.csv     id,mg_per_100g: every food of data/usda-sr24/foods.csv; mg empty where SR24 has
                no magnesium value (unknown, not zero)
  entries.person.u32, entries.day.i32, entries.food.u32, entries.grams.f64
                the same entries as little-endian columns: person index (0-based row of
                people.csv), day (days since 1970-01-01), food (0-based row of foods.csv), grams
  workload.json the parameters and counts

People: ages 0-90 on the first day (birth dates spread evenly over 91 years), both sexes; some
women aged 15-49 are pregnant or lactating over date ranges that cover every day of the
workload. Entries: each person has K entries, each on a day drawn at random, the entries ordered
by person and then day (as an app's export would be); each food is drawn uniformly from all SR24
foods (so about 8.6% of the entries have no magnesium value), grams uniformly from 1.0 to 500.0
in steps of 0.1 g, so that the CSV text and the binary columns hold the same numbers.
"""

import argparse
import csv
import datetime
import json
import os
import sys
import time

import numpy as np

EPOCH = datetime.date(1970, 1, 1)
FIRST_DAY = datetime.date(2024, 6, 3)


def iso(days_since_epoch):
    return (EPOCH + datetime.timedelta(days=int(days_since_epoch))).isoformat()


def date_text(days_since_epoch):
    """ISO dates of days since 1970-01-01 as ASCII, shape (n, 10)."""
    days = np.asarray(days_since_epoch, dtype=np.int64)
    lo, hi = int(days.min()), int(days.max())
    table = np.datetime_as_string(np.arange(lo, hi + 1).astype("datetime64[D]"))  # each day once
    return table.astype("S10").view(np.uint8).reshape(-1, 10)[days - lo]


def number(values):
    """A field of the decimal digits of non-negative integers without leading zeros: (ASCII digits,
    which of them to keep), each of shape (n, width)."""
    values = np.asarray(values, dtype=np.int64)
    width = max(1, len(str(int(values.max())))) if values.size else 1
    text = np.empty((values.size, width), dtype=np.uint8)
    keep = np.ones((values.size, width), dtype=bool)
    rest = values.copy()
    for position in range(width - 1, -1, -1):
        text[:, position] = ord("0") + rest % 10
        rest //= 10
        if position < width - 1:
            keep[:, position] = values >= 10 ** (width - 1 - position)
    return text, keep


def constant(text, n):
    return np.frombuffer(text.encode("ascii"), dtype=np.uint8)[None, :].repeat(n, axis=0), None


def optional(field, present):
    """A field written only where `present` is true (an empty CSV field elsewhere)."""
    text, keep = field
    keep = np.ones(text.shape, bool) if keep is None else keep
    return text, keep & present[:, None]


def write_rows(out, n, make_fields, chunk=500_000):
    """CSV rows without a per-row Python loop: each chunk of rows is laid out at a fixed width by
    `make_fields(start, stop)` (a list of (ASCII array, keep mask or None)), then the padding (leading
    zeros, empty optional fields) is dropped."""
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        fields = make_fields(start, stop)
        rows = np.concatenate([text for text, _ in fields], axis=1)
        keep = np.concatenate([np.ones(text.shape, bool) if keep is None else keep for text, keep in fields], axis=1)
        out.write(rows[keep].tobytes())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--entries-per-person", type=int, default=10)
    parser.add_argument("--days", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20240603)
    parser.add_argument("--foods", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                        "..", "data", "usda-sr24", "foods.csv"))
    args = parser.parse_args()
    started = time.perf_counter()
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(args.seed)

    # Foods: every SR24 food, unknown magnesium kept as unknown.
    with open(args.foods, newline="", encoding="utf-8") as f:
        foods = [(row["ndb_no"], row["magnesium_mg_per_100g"]) for row in csv.DictReader(f)]
    with open(os.path.join(args.out, "foods.csv"), "w", encoding="utf-8") as out:
        out.write("id,mg_per_100g\n")
        out.writelines(f"{ndb},{mg}\n" for ndb, mg in foods)
    food_ids = np.frombuffer("".join(ndb for ndb, _ in foods).encode("ascii"), dtype=np.uint8).reshape(-1, 5)
    unknown_foods = sum(1 for _, mg in foods if mg == "")

    # People.
    n_people = args.people
    first = (FIRST_DAY - EPOCH).days
    last = first + args.days - 1
    female = rng.random(n_people) < 0.5
    age_days = rng.integers(1, 91 * 365 + 23, size=n_people)  # 0 to 90 years old on the first day
    birth = first - age_days
    age_years = age_days / 365.2425
    can_bear = female & (age_years >= 15.0) & (age_years < 49.9)
    draw = rng.random(n_people)
    pregnant = can_bear & (draw < 0.08)
    lactating = can_bear & (draw >= 0.08) & (draw < 0.13)
    pregnant_from = first - rng.integers(0, 250, size=n_people)
    pregnant_to = last + rng.integers(0, 30, size=n_people)
    lactating_from = first - rng.integers(0, 300, size=n_people)
    lactating_to = last + rng.integers(0, 90, size=n_people)

    sex_text = np.where(female[:, None], np.frombuffer(b"female", np.uint8)[None, :],
                        np.frombuffer(b"male\0\0", np.uint8)[None, :])
    sex_keep = np.ones((n_people, 6), bool)
    sex_keep[~female, 4:] = False

    def people_fields(start, stop):
        comma = constant(",", stop - start)
        s = slice(start, stop)
        return [number(np.arange(start + 1, stop + 1)), comma, (sex_text[s], sex_keep[s]), comma,
                (date_text(birth[s]), None), comma, comma,  # age_years empty
                optional((date_text(pregnant_from[s]), None), pregnant[s]), comma,
                optional((date_text(pregnant_to[s]), None), pregnant[s]), comma,
                optional((date_text(lactating_from[s]), None), lactating[s]), comma,
                optional((date_text(lactating_to[s]), None), lactating[s]), comma,
                comma,  # authority empty: IOM
                constant("1\n", stop - start)]  # weight 1: every person counts once

    with open(os.path.join(args.out, "people.csv"), "wb") as out:
        out.write(b"person,sex,birth_date,age_years,pregnant_from,pregnant_to,lactating_from,lactating_to,"
                  b"authority,weight\n")
        write_rows(out, n_people, people_fields)

    # Entries: K per person, days sorted within the person, random foods and grams.
    k = args.entries_per_person
    n = n_people * k
    person = np.repeat(np.arange(n_people, dtype=np.uint32), k)
    day_offset = np.sort(rng.integers(0, args.days, size=(n_people, k), dtype=np.int32), axis=1).reshape(-1)
    food = rng.integers(0, len(foods), size=n, dtype=np.uint32)
    tenths = rng.integers(10, 5001, size=n, dtype=np.int32)
    (first + day_offset).astype("<i4").tofile(os.path.join(args.out, "entries.day.i32"))
    person.astype("<u4").tofile(os.path.join(args.out, "entries.person.u32"))
    food.astype("<u4").tofile(os.path.join(args.out, "entries.food.u32"))
    (tenths / 10.0).astype("<f8").tofile(os.path.join(args.out, "entries.grams.f64"))
    day_text = date_text(np.arange(first, last + 1))

    def entry_fields(start, stop):
        comma = constant(",", stop - start)
        s = slice(start, stop)
        return [number(person[s].astype(np.int64) + 1), comma, (day_text[day_offset[s]], None), comma,
                (food_ids[food[s]], None), comma, number(tenths[s] // 10), constant(".", stop - start),
                number(tenths[s] % 10), constant("\n", stop - start)]

    with open(os.path.join(args.out, "entries.csv"), "wb") as out:
        out.write(b"person,date,food,grams\n")
        write_rows(out, n, entry_fields)

    person_days = int(np.unique(person.astype(np.int64) * args.days + day_offset).size)
    unknown = np.array([mg == "" for _, mg in foods])[food]
    meta = {
        "seed": args.seed,
        "people": n_people,
        "entries": n,
        "days": [iso(d) for d in range(first, last + 1)],
        "person_days": person_days,
        "foods": len(foods),
        "foods_without_magnesium": unknown_foods,
        "entries_without_magnesium": int(unknown.sum()),
        "pregnant": int(pregnant.sum()),
        "lactating": int(lactating.sum()),
        "seconds": round(time.perf_counter() - started, 2),
    }
    with open(os.path.join(args.out, "workload.json"), "w") as out:
        json.dump(meta, out, indent=1)
    print(json.dumps(meta), file=sys.stderr)


if __name__ == "__main__":
    main()
