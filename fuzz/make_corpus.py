#!/usr/bin/env python3
"""Writes the seed corpora of fuzz/corpus/<target>/ from the tests' inputs.

The text parsers get the short string literals of their tests (tests/foods/serving_test.cpp, ...);
the file readers get the test fixtures (tests/data/), joined with NUL bytes where a target reads
several files (fdc_csv, sr28, batch; see each fuzz/fuzz_<target>.cpp). Run from anywhere; it
rewrites fuzz/corpus/ wholly, so a seed is never kept from a fixture that is gone.
"""
import hashlib
import pathlib
import re
import shutil

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"
data = root / "tests" / "data"

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.){1,60})"')


def literals(*files):
    """Short C++ string literals of the test files, unescaped, in order, without repeats."""
    seen = []
    for name in files:
        for match in LITERAL.finditer((root / name).read_text(encoding="utf-8")):
            try:
                text = match.group(1).encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1")
            except (UnicodeDecodeError, UnicodeEncodeError):
                text = match.group(1).encode("utf-8")
            if text not in seen and b"\0" not in text:
                seen.append(text)
    return seen


def write(target, seeds):
    folder = corpus / target
    folder.mkdir(parents=True)
    for seed in seeds:
        (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)


def joined(folder, names):
    return b"\0".join((folder / n).read_bytes() if (folder / n).exists() else b"" for n in names)


shutil.rmtree(corpus, ignore_errors=True)
write("serving", literals("tests/foods/serving_test.cpp"))
write("supplement", literals("tests/chemistry/supplement_test.cpp"))
write("food_phrase", literals("tests/foods/resolve_test.cpp"))
write("date_time", literals("tests/dates_test.cpp", "tests/intake/time_of_day_test.cpp"))

food_csvs = sorted((data / "custom").rglob("*.csv")) + [root / "data" / "examples" / "custom-foods.csv"]
write("food_csv", [p.read_bytes() for p in food_csvs])

fdc = ["food.csv", "food_nutrient.csv", "food_portion.csv", "nutrient.csv", "measure_unit.csv"]
write("fdc_csv", [joined(d, fdc) for d in [data / "fdc"] + sorted((data / "bad").glob("fdc-*"))])
sr28 = ["FOOD_DES.txt", "NUT_DATA.txt", "WEIGHT.txt"]
write("sr28", [joined(d, sr28) for d in [data / "sr28"] + sorted((data / "bad").glob("sr28-*"))])

logs = sorted((data / "logs").glob("*.json")) + [root / "docs" / "examples" / "log-example.json"]
write("log_json", [p.read_bytes() for p in logs])
logs = sorted((data / "logs").glob("*.csv")) + [root / "docs" / "examples" / "log-example.csv"]
write("log_csv", [p.read_bytes() for p in logs])

batch = joined(root / "examples" / "batch", ["people.csv", "entries.csv", "supplements.csv"])
write("batch", [b"\0" + batch, b"\1" + batch, b"\0" + batch.rsplit(b"\0", 1)[0]])

# The C API: entry, dose, query, sex, date, authority, infant feeding, compound, unit, basis.
phrases = literals("tests/foods/resolve_test.cpp")[:20]
doses = literals("tests/chemistry/supplement_test.cpp")[:20]
c_api = []
for i, (phrase, dose) in enumerate(zip(phrases, doses)):
    fields = [phrase, dose, phrase, [b"female", b"male", b"f", b"M"][i % 4], [b"2024-03-01", b"1990-05-14"][i % 2],
              [b"", b"efsa", b"who", b"uk", b"dach", b"anz"][i % 6], [b"", b"breast-fed", b"formula-fed"][i % 3],
              [b"glycinate", b"oxide", b"Epsom salt", b"citrate"][i % 4], [b"mg", b"g"][i % 2],
              [b"", b"elemental", b"compound"][i % 3]]
    c_api.append(b"\0".join(fields))
write("c_api", c_api)
