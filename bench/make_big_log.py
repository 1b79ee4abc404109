#!/usr/bin/python3
"""Writes a large valid mgcalc JSON log (docs/log-format.md, version 1) for measuring the reader.

    /usr/bin/python3 bench/make_big_log.py OUT.json [ENTRIES]    # ENTRIES defaults to 660000

The log is compact (no spaces or line breaks but one line per day, as programs that append days
write), 50 entries a day, with every kind of entry, phrases, times and notes, and a few custom
foods and products; the same ENTRIES always give the same bytes. 660,000 entries are about 61 MiB,
just under the 64 MiB the reader accepts (docs/log-format.md, "Limits").
"""
import datetime
import json
import random
import sys

out_path = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 660_000
per_day = 50
rng = random.Random(20261201)

# Foods with servings they have, so that every day evaluates.
foods = [("12014", "1 oz"), ("12061", "30 g"), ("09040", "1 medium"), ("11457", "1 cup"), ("16015", "1 cup"),
         ("20035", "100 g"), ("01077", "1 1/2 cups"), ("08121", "1 cup"), ("oat-protein-bar", "1 bar"),
         ("lentil-soup", "1 bowl"), ("12061", "2 oz"), ("09040", "2")]
phrases = [("food", "1 cup black beans"), ("food", "half a cup of cashews"), ("food", "2 slices whole wheat bread"),
           ("food", "almonds 30g"), ("food", "1 banana"), ("supplement", "magnesium glycinate 200 mg")]
doses = [("glycinate", "200 mg"), ("citrate", "150 mg"), ("oxide", "500 mg compound"),
         ("threonate", "2 g compound, 144 mg per 2 g")]
notes = ["", "", "after the long morning run, still hungry", "with a late breakfast at the kitchen table",
         "prenatal plan, second trimester", "caf\u00e9 au lait at the station", "half portion, shared with a friend",
         "late dinner after work \u2014 leftovers"]


def entry(rng):
    r = rng.random()
    e = {}
    if r < 0.6:
        item, amount = rng.choice(foods)
        e = {"kind": "food", "item": item, "amount": amount}
    elif r < 0.75:
        kind, phrase = rng.choice(phrases)
        e = {"kind": kind, "phrase": phrase}
    elif r < 0.9:
        item, amount = rng.choice(doses)
        e = {"kind": "supplement", "item": item, "amount": amount}
    else:
        e = {"kind": "product", "item": "my-magtein", "amount": str(rng.randint(1, 3))}
    if rng.random() < 0.7:
        e["time"] = "%02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59))
    note = rng.choice(notes)
    if note:
        e["note"] = note
    return e


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


head = {
    "format": "mgcalc-log",
    "version": 1,
    "profile": {"sex": "female", "birth_date": "1960-03-18"},
    "custom_foods": [
        {"id": "oat-protein-bar", "description": "Protein bar, oats and peanut butter", "magnesium_mg_per_100g": 120,
         "portions": [{"amount": 1, "measure": "bar", "grams": 45}]},
        {"id": "lentil-soup", "description": "Lentil soup", "magnesium_mg_per_100g": None,
         "portions": [{"amount": 1, "measure": "bowl", "grams": 350}]},
    ],
    "supplement_products": [
        {"id": "my-magtein", "name": "Magtein magnesium L-threonate", "compound": "threonate",
         "elemental_mg_per_unit": 48, "unit": "capsule"},
    ],
}

day = datetime.date(1990, 1, 1)
with open(out_path, "w", encoding="utf-8", newline="\n") as out:
    out.write(compact(head)[:-1] + ',"days":[\n')
    written = 0
    first = True
    while written < total:
        count = min(per_day, total - written)
        entries = [entry(rng) for _ in range(count)]
        out.write(("" if first else ",\n") + compact({"date": day.isoformat(), "entries": entries}))
        first = False
        written += count
        day += datetime.timedelta(days=1)
    out.write("\n]}\n")
