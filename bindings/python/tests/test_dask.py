"""examples/python/dask_population.py on a LocalCluster of 2 workers gives the person-days and the
summary of one process (it exits 1 otherwise), on a dataset partitioned by person."""

import os
import subprocess
import sys

import numpy as np
import pandas as pd

EXAMPLE = os.path.join(os.environ["MGCALC_SOURCE_DIR"], "examples", "python", "dask_population.py")


def write_dataset(directory, people_count=400, seed=11):
    random = np.random.default_rng(seed)
    ids = np.arange(1, people_count + 1) * 7  # not 0..n-1: ids are labels, not positions
    born = pd.Timestamp("2024-03-01") - pd.to_timedelta(random.integers(30, 30000, people_count), unit="D")
    fixed_age = random.random(people_count) < 0.3
    people = pd.DataFrame({
        "person": ids,
        "sex": np.where(random.random(people_count) < 0.5, "female", "male"),
        "birth_date": np.where(fixed_age, "", born.strftime("%Y-%m-%d")),
        "age_years": np.where(fixed_age, random.integers(1, 90, people_count), np.nan),
        "weight": random.uniform(100, 3000, people_count).round(2),
    })
    foods = ["12061", "11458", "09040", "01009", "black beans", "20036", "spinach cooked", "14355"]
    rows = []
    for person in ids:
        for day in ("2024-03-01", "2024-03-02"):
            for _ in range(int(random.integers(1, 6))):
                rows.append((person, day, foods[random.integers(len(foods))], round(float(random.uniform(5, 300)), 1)))
    entries = pd.DataFrame(rows, columns=["person", "date", "food", "grams"])
    adults = people[people["age_years"].fillna(40) > 18]["person"].to_numpy()[:60]
    supplements = pd.DataFrame({"person": adults, "date": "2024-03-02", "compound": "glycinate",
                                "amount": random.integers(50, 500, len(adults)), "unit": "mg", "basis": "elemental"})
    paths = [os.path.join(directory, name) for name in ("people.csv", "entries.csv", "supplements.csv")]
    for table, path in zip((people, entries, supplements), paths):
        table.to_csv(path, index=False)
    return paths


def test_dask_population_equals_one_process(tmp_path):
    people, entries, supplements = write_dataset(str(tmp_path))
    for by in ("life-stage", "sex"):
        run = subprocess.run([sys.executable, EXAMPLE, "--people", people, "--entries", entries, "--supplements",
                              supplements, "--partitions", "4", "--by", by, "--compare"],
                             capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        assert "the same person-days and summary as one process" in run.stderr
        assert "in 4 partitions" in run.stderr
        assert '"units": 800' in run.stdout  # 400 people x 2 days
