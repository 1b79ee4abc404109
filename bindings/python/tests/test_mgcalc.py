"""The Python package against the `mgcalc` command: for the same input, every function gives the
JSON the command prints (or, for evaluate_batch, the rows of `mgcalc batch`), and the same error
codes. Run by CTest (python.pytest) with PYTHONPATH=<build>/python and MGCALC_CLI=<the program>."""

import json
import os
import re
import subprocess
import threading

import numpy as np
import pandas as pd
import pytest

import mgcalc

CLI = os.environ["MGCALC_CLI"]
SAMPLE = os.environ["MGCALC_BATCH_SAMPLE"]  # examples/batch


def cli(*arguments):
    run = subprocess.run([CLI, *arguments], capture_output=True, text=True)
    return run


def cli_json(*arguments):
    run = cli(*arguments, "--format", "json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def cli_error_code(*arguments):
    run = cli(*arguments)
    assert run.returncode == 2, run.stderr
    return re.match(r"mgcalc: error: \[mgcalc\.([a-z_]+)\]", run.stderr).group(1)


PEOPLE = [
    dict(sex="female", age=34.5),
    dict(sex="male", age=8.99),
    dict(sex="female", age=0.4),
    dict(sex="female", age=17, pregnant=True),
    dict(sex="female", age=29, lactating=True),
    dict(sex="female", age=30, pregnant=True, lactating=True),
    dict(sex="male", age=75, authority="efsa"),
    dict(sex="female", age=40, authority="who"),
    dict(sex="male", age=19, authority="dach"),
]


def person_flags(sex, age, pregnant=False, lactating=False, authority=None):
    flags = ["--sex", sex, "--age", repr(float(age))]
    if pregnant:
        flags.append("--pregnant")
    if lactating:
        flags.append("--lactating")
    if authority:
        flags += ["--authority", authority]
    return flags


@pytest.mark.parametrize("person", PEOPLE)
def test_reference_is_the_commands_json(person):
    assert mgcalc.reference(**person) == cli_json("reference", *person_flags(**person))


DAYS = [
    (["1 medium banana", "1 cup cooked spinach", "01009=30 g"], ["glycinate=100 mg"]),
    (["12014=1 oz", "almonds 30g", "2 slices whole wheat bread"], ["oxide=500 mg compound", "citrate=150 mg"]),
    (["1 cup black beans"], []),
    ([], ["glycinate=400 mg"]),
]


@pytest.mark.parametrize("foods,supplements", DAYS)
@pytest.mark.parametrize("person", PEOPLE[:3] + PEOPLE[6:7])
def test_evaluate_is_the_commands_day_report(foods, supplements, person):
    result = mgcalc.evaluate(foods=foods, supplements=supplements, **person)
    flags = [f for food in foods for f in ("--food", food)] + [f for dose in supplements for f in ("--supplement", dose)]
    report = cli_json("report", *person_flags(**person), *flags)
    assert result.to_dict() == report
    assert round(result.total_mg, 1) == report["total_mg"]
    assert round(result.food_mg, 1) == report["food_mg"]
    assert result.target_mg == report["reference"]["target_mg"]
    assert result.ear_mg == report["reference"]["ear_mg"]
    assert result.ul_supplemental_mg == report["reference"]["ul_supplemental_mg"]
    assert result.over_ul == report["over_ul"]
    assert result.unknown_entries == report["unknown_entries"]
    assert result.warnings == report["warnings"]


@pytest.mark.parametrize("query,limit", [("black beans", 5), ("almonds", 10), ("whole wheat bread", 3)])
def test_search_foods_is_the_commands(query, limit):
    assert mgcalc.search_foods(query, limit) == cli_json("foods", "search", query, "--limit", str(limit))


@pytest.mark.parametrize("entry", ["1 cup black beans", "2 tbsp peanut butter", "12014=1 oz"])
def test_resolve_food_is_the_commands(entry):
    assert mgcalc.resolve_food(entry) == cli_json("foods", "resolve", entry)


@pytest.mark.parametrize(
    "call,arguments",
    [
        (lambda: mgcalc.evaluate(foods=["zzqx flurb 1 cup"], sex="female", age=30),
         ["report", "--sex", "female", "--age", "30", "--food", "zzqx flurb 1 cup"]),
        (lambda: mgcalc.evaluate(supplements=["glycinate=-5 mg"], sex="female", age=30),
         ["report", "--sex", "female", "--age", "30", "--supplement", "glycinate=-5 mg"]),
        (lambda: mgcalc.evaluate(supplements=["unobtainium=5 mg"], sex="female", age=30),
         ["report", "--sex", "female", "--age", "30", "--supplement", "unobtainium=5 mg"]),
        (lambda: mgcalc.reference(sex="male", age=30, pregnant=True),
         ["reference", "--sex", "male", "--age", "30", "--pregnant"]),
        (lambda: mgcalc.reference(sex="female", age=0.2, authority="efsa"),
         ["reference", "--sex", "female", "--age", "0.2", "--authority", "efsa"]),
    ],
)
def test_errors_have_the_commands_codes(call, arguments):
    with pytest.raises(mgcalc.Error) as failure:
        call()
    assert failure.value.code == cli_error_code(*arguments)
    assert failure.value.message.startswith(f"[mgcalc.{failure.value.code}]")


def test_text_that_is_not_utf8_is_an_error_not_a_crash():
    with pytest.raises(mgcalc.Error) as failure:
        mgcalc.evaluate(foods=["12014=1 oz \udcff"], sex="female", age=30)
    assert failure.value.code == "parse_error"
    assert "0xFF" in failure.value.message
    with pytest.raises(mgcalc.Error):
        mgcalc.evaluate(foods="12014=1 oz", sex="female", age=30)  # one text, not a list


def read_sample():
    people = pd.read_csv(os.path.join(SAMPLE, "people.csv"))
    entries = pd.read_csv(os.path.join(SAMPLE, "entries.csv"), dtype={"food": str})
    supplements = pd.read_csv(os.path.join(SAMPLE, "supplements.csv"))
    return people, entries, supplements


def test_evaluate_batch_gives_the_rows_of_mgcalc_batch():
    people, entries, supplements = read_sample()
    results = mgcalc.evaluate_batch(people, entries, supplements)
    run = cli("batch", "--people", os.path.join(SAMPLE, "people.csv"), "--entries", os.path.join(SAMPLE, "entries.csv"),
              "--supplements", os.path.join(SAMPLE, "supplements.csv"), "--out", "-")
    assert run.returncode == 0, run.stderr
    from io import StringIO

    expected = pd.read_csv(StringIO(run.stdout), dtype={"person": str, "target_kind": str})
    assert list(results.columns[:13]) == list(expected.columns)
    assert len(results) == len(expected)
    assert list(results["person"]) == list(expected["person"])
    assert list(results["date"]) == list(expected["date"])
    for column in ["food_mg", "supplement_mg", "total_mg", "target_mg", "ear_mg", "ul_supplemental_mg"]:
        np.testing.assert_array_equal(results[column].round(1).to_numpy(), expected[column].to_numpy(), err_msg=column)
    np.testing.assert_array_equal(results["percent_of_target"].round(1).to_numpy(),
                                  expected["percent_of_target"].to_numpy())
    assert list(results["unknown_entries"]) == list(expected["unknown_entries"])
    assert list(results["target_kind"].fillna("")) == list(expected["target_kind"].fillna(""))
    for column in ["below_ear", "over_ul"]:
        got = ["" if pd.isna(v) else str(bool(v)).lower() for v in results[column]]
        want = ["" if pd.isna(v) else str(v).lower() for v in expected[column]]
        assert got == want, column


def test_evaluate_batch_takes_dicts_of_numpy_arrays_and_any_thread_count():
    people = {"person": np.array([1, 2, 3]), "sex": np.array(["female", "male", "female"], dtype=object),
              "birth_date": np.array(["1990-01-01", None, "2023-06-01"], dtype=object),
              "age_years": np.array([np.nan, 67.0, np.nan])}
    n = 3000
    random = np.random.default_rng(7)
    entries = {"person": random.integers(1, 4, n), "date": np.array(["2024-03-01", "2024-03-02"] * (n // 2), dtype=object),
               "food": np.array(["12061", "09040", "black beans", "11458"] * (n // 4), dtype=object),
               "grams": random.uniform(1, 300, n)}
    one = mgcalc.evaluate_batch(people, entries, threads=1)
    two = mgcalc.evaluate_batch(people, entries, threads=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) == 6  # 3 people x 2 days
    assert one["day_index"].tolist() == [1, 2, 1, 2, 1, 2]
    # The infant (9 months on 2024-03-01) gets the IOM AI of 75 mg, which has no EAR.
    baby = one[one["person"] == 3].iloc[0]
    assert baby["target_mg"] == 75 and baby["target_kind"] == "ai" and pd.isna(baby["below_ear"])


def test_evaluate_batch_errors_name_what_is_wrong():
    people, entries, supplements = read_sample()
    with pytest.raises(mgcalc.Error) as failure:
        mgcalc.evaluate_batch(people, entries.drop(columns=["grams"]))
    assert failure.value.code == "malformed_file" and "'grams'" in failure.value.message
    wrong = entries.copy()
    wrong.loc[0, "person"] = "nobody"
    with pytest.raises(mgcalc.Error) as failure:
        mgcalc.evaluate_batch(people, wrong)
    assert "'nobody'" in failure.value.message
    wrong = entries.copy()
    wrong.loc[1, "date"] = "2024-02-30"
    with pytest.raises(mgcalc.Error) as failure:
        mgcalc.evaluate_batch(people, wrong)
    assert failure.value.code == "invalid_date"
    wrong = supplements.copy()
    wrong.loc[0, "unit"] = "spoon"
    with pytest.raises(mgcalc.Error) as failure:
        mgcalc.evaluate_batch(people, entries, wrong)
    assert failure.value.code == "unknown_unit"


def test_threads_share_the_library():
    expected = mgcalc.evaluate(foods=["1 cup black beans"], sex="male", age=50).total_mg
    totals, errors = [], []

    def work():
        for _ in range(20):
            totals.append(mgcalc.evaluate(foods=["1 cup black beans"], sex="male", age=50).total_mg)
            try:
                mgcalc.evaluate(foods=["zzqx flurb 1 cup"], sex="male", age=50)
            except mgcalc.Error as e:
                errors.append(e.code)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert totals == [expected] * 160
    assert errors == ["unknown_food"] * 160


def cli_summary(tmp_path, people_csv, by, unit, scale=None):
    out = tmp_path / "summary.json"
    arguments = ["batch", "--people", str(people_csv), "--entries", os.path.join(SAMPLE, "entries.csv"),
                 "--supplements", os.path.join(SAMPLE, "supplements.csv"), "--out", str(tmp_path / "results.csv"),
                 "--summary", str(out), "--by", by, "--summary-unit", unit]
    if scale is not None:
        arguments += ["--replicate-scale", repr(scale)]
    run = cli(*arguments)
    assert run.returncode == 0, run.stderr
    return json.loads(out.read_text())


@pytest.mark.parametrize("by", ["life-stage", "sex", "none"])
@pytest.mark.parametrize("unit", ["person-days", "people"])
def test_summarize_is_the_commands_summary(tmp_path, by, unit):
    people, entries, supplements = read_sample()
    results = mgcalc.evaluate_batch(people, entries, supplements)
    summary = mgcalc.summarize(results, weights=people.set_index("person")["weight"],
                               by=None if by == "none" else by, unit=unit)
    assert summary == cli_summary(tmp_path, os.path.join(SAMPLE, "people.csv"), by, unit)


def test_summarize_with_replicate_weights_and_gathered_results(tmp_path):
    people, entries, supplements = read_sample()
    random = np.random.default_rng(3)
    for r in range(1, 5):
        people[f"repweight_{r}"] = (people["weight"] * random.uniform(0.5, 1.5, len(people))).round(2)
    people_csv = tmp_path / "people.csv"
    people.to_csv(people_csv, index=False)
    # Results gathered from two batches of disjoint people, as a cluster's partitions give them.
    first, second = people.iloc[:3], people.iloc[3:]
    parts = [mgcalc.evaluate_batch(p, entries[entries["person"].isin(p["person"])],
                                   supplements[supplements["person"].isin(p["person"])]) for p in (first, second)]
    results = pd.concat(parts, ignore_index=True)
    by_id = people.set_index("person")
    summary = mgcalc.summarize(results, weights=by_id["weight"], by="life-stage",
                               replicate_weights=by_id[[f"repweight_{r}" for r in range(1, 5)]], replicate_scale=0.75)
    assert summary["replicates"] == 4
    assert summary == cli_summary(tmp_path, people_csv, "life-stage", "person-days", scale=0.75)


def test_summarize_errors():
    people, entries, supplements = read_sample()
    results = mgcalc.evaluate_batch(people, entries, supplements)
    with pytest.raises(mgcalc.Error) as failure:
        mgcalc.summarize(results, weights=people.set_index("person")["weight"].iloc[:2])
    assert "has no value for person" in failure.value.message
    with pytest.raises(mgcalc.Error) as failure:
        mgcalc.summarize(results, unit="households")
    assert failure.value.code == "parse_error"


def test_people_are_read_as_the_command_reads_them():
    # Sex words and infant feeding as mgcalc batch and --sex/--infant-feeding read them.
    assert mgcalc.evaluate(foods=["12014=1 oz"], sex="M", age=40).target_mg == 420
    who_baby = dict(sex="female", age=0.3, authority="who")
    with pytest.raises(mgcalc.Error) as failure:
        mgcalc.reference(**who_baby)
    assert failure.value.code == cli_error_code("reference", *person_flags(**who_baby))
    assert mgcalc.reference(**who_baby, infant_feeding="breast-fed") == cli_json(
        "reference", *person_flags(**who_baby), "--infant-feeding", "breast-fed")
    people = pd.DataFrame({"person": [1, 2], "sex": ["F", "male"], "birth_date": [None, None], "age_years": [0.3, 40],
                           "authority": ["who", None], "infant_feeding": ["formula-fed", None]})
    entries = pd.DataFrame({"person": [1, 2], "date": ["2024-03-01", "2024-03-01"], "food": ["01077", "12061"],
                            "grams": [500.0, 30.0]})
    results = mgcalc.evaluate_batch(people, entries)
    assert results["target_kind"].tolist() == ["rni", "rda"]


@pytest.mark.parametrize("call", [
    lambda: mgcalc.evaluate(foods=["12014=1 oz\0x"], sex="female", age=30),
    lambda: mgcalc.evaluate(foods=["12014=1 oz"], sex="female", age="thirty"),
    lambda: mgcalc.evaluate(foods=["12014=1 oz"], sex="female", age=None),
    lambda: mgcalc.search_foods("beans", limit=-1),
    lambda: mgcalc.evaluate_batch(pd.DataFrame({"person": [1], "sex": ["female"], "age_years": [30]}),
                                  pd.DataFrame({"person": [1], "date": ["2024-03-01"], "food": ["12061"],
                                                "grams": ["lots"]})),
])
def test_bad_arguments_raise_mgcalc_errors(call):
    with pytest.raises(mgcalc.Error):
        call()


def test_summarize_refuses_results_with_holes():
    people, entries, supplements = read_sample()
    results = mgcalc.evaluate_batch(people, entries, supplements)
    holed = results.copy()
    holed.loc[2, "total_mg"] = np.nan
    with pytest.raises(mgcalc.Error) as failure:
        mgcalc.summarize(holed)
    assert "row 3: total_mg is empty" in failure.value.message
    holed = results.copy()
    holed["sex"] = holed["sex"].astype(object)
    holed.loc[0, "sex"] = None
    with pytest.raises(mgcalc.Error):
        mgcalc.summarize(holed, by="sex")
