"""A population summary computed on a Dask cluster: evaluate_batch in each partition, the summary
of the gathered person-days (docs/scaling.md).

    PYTHONPATH=build/python /usr/bin/python3 examples/python/dask_population.py \
        --people examples/batch/people.csv --entries examples/batch/entries.csv \
        --supplements examples/batch/supplements.csv --partitions 2 --compare

The people and their entries are partitioned by person, so that every day of a person is in one
partition: a day's total, its recall-day index and a person's mean over their days need all of
them. Each partition runs mgcalc.evaluate_batch on a worker; the person-days (one row each, far
fewer than the entries) come back and are summarized once, so the percentiles are of the whole
population, not an average of the partitions'. --compare runs the same in one process and fails
unless both give the same person-days and the same summary. --scheduler ADDRESS uses a running
cluster instead of a LocalCluster of 2 workers.
"""

import argparse
import json
import sys

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from dask.distributed import Client, LocalCluster

import mgcalc


def read(people_csv, entries_csv, supplements_csv):
    people = pd.read_csv(people_csv)
    entries = pd.read_csv(entries_csv, dtype={"food": str})
    supplements = pd.read_csv(supplements_csv) if supplements_csv else None
    return people, entries, supplements


def evaluate_partition(people, entries, supplements=None):
    """One partition: its people with all their entries (the person id is the index)."""
    people, entries = people.reset_index(), entries.reset_index()
    if supplements is not None:
        supplements = supplements.reset_index()
    return mgcalc.evaluate_batch(people, entries, supplements, threads=1)


def by_person(table, partitions=None, divisions=None):
    """A table partitioned by person id: whole people in each partition, cut at `divisions` (the
    people's, for their entries and doses) or into `partitions` of about equal size. The sort is
    stable, so each person's entries keep their logged order, which a day's sum follows."""
    indexed = table.set_index("person").sort_index(kind="stable")
    if divisions is None:
        return dd.from_pandas(indexed, npartitions=partitions, sort=True)
    ids = indexed.index.to_numpy()
    starts = list(np.searchsorted(ids, list(divisions[:-1]), side="left")) + [len(ids)]
    pieces = [dask.delayed(indexed.iloc[a:b]) for a, b in zip(starts[:-1], starts[1:])]
    return dd.from_delayed(pieces, meta=indexed.iloc[:0], divisions=divisions)


def on_cluster(client, people, entries, supplements, partitions):
    people_parts = by_person(people, partitions=partitions)
    # The entries and doses cut where the people are, so that partition i holds person i's rows.
    tables = [by_person(entries, divisions=people_parts.divisions)]
    if supplements is not None:
        tables.append(by_person(supplements, divisions=people_parts.divisions))
    # The partitions' shape, for Dask to know before computing: evaluate_batch of no one.
    meta = mgcalc.evaluate_batch(people.iloc[:0], entries.iloc[:0])
    results = dd.map_partitions(evaluate_partition, people_parts, *tables, meta=meta, align_dataframes=False)
    return client.compute(results).result()


def summary_of(results, people, by):
    ordered = results.sort_values(["person", "date"], kind="stable", ignore_index=True)
    weights = people.set_index("person")["weight"] if "weight" in people else None
    return ordered, mgcalc.summarize(ordered, weights=weights, by=by)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", required=True)
    parser.add_argument("--entries", required=True)
    parser.add_argument("--supplements")
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--by", default="life-stage", help="life-stage, sex or none")
    parser.add_argument("--scheduler", help="a running Dask scheduler's address, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--compare", action="store_true", help="also compute in one process and compare")
    arguments = parser.parse_args(argv)
    by = None if arguments.by == "none" else arguments.by

    people, entries, supplements = read(arguments.people, arguments.entries, arguments.supplements)
    # A row of a person not in the people would fall outside every partition; one process refuses
    # it, and so does this.
    for name, table in (("entries", entries), ("supplements", supplements)):
        if table is not None and not table["person"].isin(people["person"]).all():
            unknown = table.loc[~table["person"].isin(people["person"]), "person"].iloc[0]
            print(f"dask_population: {name}: person {unknown!r} is not in {arguments.people}", file=sys.stderr)
            return 2
    if arguments.scheduler:
        with Client(arguments.scheduler) as client:
            results = on_cluster(client, people, entries, supplements, arguments.partitions)
    else:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            results = on_cluster(client, people, entries, supplements, arguments.partitions)
    results, summary = summary_of(results, people, by)
    print(json.dumps(summary, indent=2))
    print(f"{len(results)} person-days of {results['person'].nunique()} people in {arguments.partitions} partitions",
          file=sys.stderr)

    if arguments.compare:
        alone, alone_summary = summary_of(mgcalc.evaluate_batch(people, entries, supplements), people, by)
        pd.testing.assert_frame_equal(results[alone.columns].reset_index(drop=True), alone, check_dtype=False)
        if summary != alone_summary:
            print("dask_population: the cluster's summary differs from the single process's", file=sys.stderr)
            return 1
        print("dask_population: the same person-days and summary as one process", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
