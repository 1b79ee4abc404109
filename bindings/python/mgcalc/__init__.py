"""mgcalc: daily magnesium from foods and supplements against the reference intakes.

A pure-Python package over mgcalc's C API (libmgcalc-c; docs/python.md). Everything is computed by
the library the `mgcalc` command uses, so the numbers and the JSON field names are the command's:

    >>> import mgcalc
    >>> mgcalc.reference(sex="female", age=34.5)["target_mg"]
    320.0
    >>> day = mgcalc.evaluate(foods=["1 cup cooked spinach"], supplements=["glycinate=100 mg"],
    ...                       sex="female", age=34.5)
    >>> round(day.total_mg, 1), day.target_mg
    (256.6, 320.0)

Errors raise mgcalc.Error, whose `code` is the stable name of the error ("unknown_food", ...).
"""

import json
import math
import operator

from . import _native
from ._native import Catalog, Error

__all__ = ["Catalog", "Error", "Result", "reference", "evaluate", "search_foods", "resolve_food", "evaluate_batch",
           "summarize", "version"]


def version():
    """The library's version, "0.1.0"."""
    return _native.lib.mgc_version().decode()


def _sex(value):
    """A sex as the command line reads it ("female", "male", "f", "m", ...)."""
    return _native.call_for_value(_native.lib.mgc_parse_sex, _native.ctypes.c_int, _native.text_argument(value, "sex"))


def _profile(sex, age, pregnant, lactating, authority, infant_feeding):
    p = _native.Profile()
    _native.lib.mgc_profile_init(p)
    p.sex = _sex(sex)
    p.age_years = _native.number_argument(age, "age", code=4)
    p.pregnant = 1 if pregnant else 0
    p.lactating = 1 if lactating else 0
    p.authority = None if authority is None else _native.text_argument(authority, "authority")
    p.infant_feeding = None if infant_feeding is None else _native.text_argument(infant_feeding, "infant_feeding")
    return p


def reference(*, sex, age, pregnant=False, lactating=False, authority=None, infant_feeding=None):
    """The reference intakes of a person (`mgcalc reference --format json`): a dict with
    "target_mg", "target_kind", "ear_mg", "ul_supplemental_mg", "dv_mg", "life_stage", ...; a value
    that is not established is None."""
    p = _profile(sex, age, pregnant, lactating, authority, infant_feeding)
    return json.loads(_native.call_for_text(_native.lib.mgc_reference_json, p))


def _nan_to_none(value):
    return None if isinstance(value, float) and math.isnan(value) else value


class Result:
    """One day against the reference intakes. Attributes in the units of their names: food_mg,
    supplement_mg, total_mg, unknown_entries, target_mg, target_kind ("RDA", "AI", ...), ear_mg and
    ul_supplemental_mg (None where none is set), percent_of_target, below_ear, over_ul, warnings
    (the "code: message" texts). to_dict() is the whole day report of `mgcalc report --format json`."""

    def __init__(self, numbers, report):
        self.food_mg = numbers.food_mg
        self.supplement_mg = numbers.supplement_mg
        self.total_mg = numbers.total_mg
        self.unknown_entries = numbers.unknown_entries
        self.target_mg = numbers.target_mg
        self.target_kind = report["reference"]["target_kind"]
        self.ear_mg = _nan_to_none(numbers.ear_mg)
        self.ul_supplemental_mg = _nan_to_none(numbers.ul_supplemental_mg)
        self.percent_of_target = numbers.percent_of_target
        self.below_ear = bool(numbers.below_ear)
        self.over_ul = bool(numbers.over_ul)
        self._report = report
        self.warnings = list(report["warnings"])

    @property
    def total_is_lower_bound(self):
        """True when some food's magnesium is unknown: the total is then at least this much."""
        return self._report["total_is_lower_bound"]

    def to_dict(self):
        """The day report as `mgcalc report --format json` prints it (figures rounded as there)."""
        return json.loads(json.dumps(self._report))

    def __repr__(self):
        return (f"mgcalc.Result(total_mg={self.total_mg:.1f}, target_mg={self.target_mg:g}, "
                f"percent_of_target={self.percent_of_target:.1f}, unknown_entries={self.unknown_entries})")


def evaluate(*, foods=(), supplements=(), sex, age, pregnant=False, lactating=False, authority=None,
             infant_feeding=None, catalog=None):
    """Evaluates one day. `foods` as `mgcalc report --food` takes them ("1 cup black beans",
    "12014=1 oz"), `supplements` as --supplement ("glycinate=200 mg", "oxide=500 mg compound")."""
    catalog = catalog or _native.default_catalog()
    if isinstance(foods, str) or isinstance(supplements, str):
        raise Error(6, "[mgcalc.parse_error] foods and supplements are lists of entries, not one text; "
                       "expected e.g. foods=['1 cup black beans']")
    day = _native.ctypes.c_void_p()
    _native.check(_native.lib.mgc_day_new(catalog.handle, _native.ctypes.byref(day)))
    try:
        for entry in foods:
            _native.check(_native.lib.mgc_day_add_food(day, _native.text_argument(entry, "food")))
        for dose in supplements:
            _native.check(_native.lib.mgc_day_add_supplement(day, _native.text_argument(dose, "supplement")))
        p = _profile(sex, age, pregnant, lactating, authority, infant_feeding)
        numbers = _native.Result()
        _native.lib.mgc_result_init(numbers)
        _native.check(_native.lib.mgc_evaluate(day, p, numbers))
        report = json.loads(_native.call_for_text(_native.lib.mgc_result_json, day, p))
        return Result(numbers, report)
    finally:
        _native.lib.mgc_day_free(day)


def search_foods(query, limit=10, *, catalog=None):
    """Foods matching the words, best first (`mgcalc foods search --format json`)."""
    catalog = catalog or _native.default_catalog()
    try:
        count = operator.index(limit)
    except TypeError:
        count = -1
    if count < 0:
        raise Error(1, f"[mgcalc.invalid_amount] limit {limit!r} is not accepted; expected 0 (10) to 1000")
    return json.loads(_native.call_for_text(_native.lib.mgc_search_foods_json, catalog.handle,
                                            _native.text_argument(query, "query"), count))


def resolve_food(entry, *, catalog=None):
    """How a typed entry becomes a food, grams and magnesium (`mgcalc foods resolve --format json`)."""
    catalog = catalog or _native.default_catalog()
    return json.loads(_native.call_for_text(_native.lib.mgc_resolve_food_json, catalog.handle,
                                            _native.text_argument(entry, "entry")))


def evaluate_batch(people, entries, supplements=None, *, threads=None, catalog=None):
    """Many people's days at once (docs/python.md): pandas DataFrames, or dicts of NumPy arrays,
    with the columns of the batch CSV files (docs/cli.md, "mgcalc batch"), as pandas.read_csv reads
    them. Returns a DataFrame with one row per person-day and the columns of the batch results CSV,
    unrounded."""
    from ._batch import evaluate_batch as run
    return run(people, entries, supplements, threads=threads, catalog=catalog or _native.default_catalog())


def summarize(results, weights=None, by="life-stage", *, unit="person-days", replicate_weights=None,
              replicate_scale=1.0):
    """The population summary of evaluate_batch's results (one batch's, or several concatenated),
    as `mgcalc batch --summary` writes it (docs/population.md): weighted means, percentiles of the
    total, the share below the EAR (cut-point method), supplement users over the UL, overall and by
    group. `weights`: a sampling weight per person, a Series (or dict) indexed by person id;
    None gives each person 1. `by`: "life-stage", None, or a column of the results with one value
    per person ("sex"). `unit`: "person-days" or "people" (each person's mean over their days).
    `replicate_weights`: a DataFrame indexed by person id, one column per replicate, for standard
    errors (scale x sum of (replicate - full)^2, with `replicate_scale`)."""
    from ._batch import summarize as run
    return run(results, weights=weights, by=by, unit=unit, replicate_weights=replicate_weights,
               replicate_scale=replicate_scale)
