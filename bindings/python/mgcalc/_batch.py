"""evaluate_batch: columns in, person-days out, through mgc_evaluate_batch.

The big columns (entries' person, day, food and grams) reach the library as NumPy arrays without a
copy when they already have the C type (uint32, int32, float64) and are contiguous; each distinct
food text is resolved once. The people become an array of mgc_batch_person built by NumPy, not one
Python object per person.
"""

import ctypes
import json

import numpy as np

from . import _native
from ._native import Error

_EPOCH = np.datetime64("1970-01-01", "D")

# mgc_batch_person as NumPy lays it out with C alignment: the same offsets as the C struct.
_PERSON = np.dtype(
    [
        ("version", np.uint32),
        ("sex", np.int32),
        ("birth_day", np.int32),
        ("age_years", np.float64),
        ("pregnant_from_day", np.int32),
        ("pregnant_to_day", np.int32),
        ("lactating_from_day", np.int32),
        ("lactating_to_day", np.int32),
        ("authority", np.uintp),
        ("infant_feeding", np.uintp),
    ],
    align=True,
)
assert _PERSON.itemsize == ctypes.sizeof(_native.BatchPerson)
assert all(_PERSON.fields[name][1] == getattr(_native.BatchPerson, name).offset for name in _PERSON.names)


def _column(table, name, what, required=True):
    try:
        return table[name]
    except (KeyError, IndexError):
        if not required:
            return None
        raise Error(10, f"[mgcalc.malformed_file] {what} has no column {name!r}; expected the columns of the "
                        f"batch files (docs/cli.md, \"mgcalc batch\")") from None


def _length(table):
    for value in (table.values() if isinstance(table, dict) else [table[c] for c in table.columns]):
        return len(value)
    return 0


def _texts(values):
    """A column as Python str or None (NaN and empty cells, as pandas.read_csv gives them)."""
    out = []
    for v in np.asarray(values, dtype=object):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        else:
            text = str(v).strip()
            out.append(text if text else None)
    return out


def _each_distinct(values, read, what, dtype, empty=None, if_empty=None):
    """The column read text by text, each distinct text once, by `read(text)` (a call into the
    library). An empty cell (NaN, None, blank) is `empty`, or, with `if_empty` = (status, message),
    an error naming its row; a failing read names the first row holding that text."""
    import pandas as pd

    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    texts = [str(u).strip() for u in uniques]
    out = np.empty(len(texts) + 1, dtype=dtype)  # the last entry: the empty cells, code -1
    codes = np.where(np.isin(codes, [i for i, t in enumerate(texts) if not t]), -1, codes)

    def first_row(code):
        return int(np.flatnonzero(codes == code)[0]) + 1

    if (codes < 0).any():
        if if_empty is not None:
            status, message = if_empty
            raise Error(status, f"[mgcalc.{_native.lib.mgc_status_name(status).decode()}] {what} row "
                                f"{first_row(-1)}: {message}")
        out[-1] = empty
    for i, text in enumerate(texts):
        if not text:
            continue
        try:
            out[i] = read(_native.text_argument(text, what))
        except Error as e:
            raise Error(e.status, f"{e.message} ({what}, row {first_row(i)})") from None
    return out[codes]


def _days(values, what):
    """ISO dates as days since 1970-01-01, read by the library as the batch files' dates are
    (mgc_parse_day); NO_DAY where the cell is empty."""
    import pandas as pd

    column = pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(column):
        column = column.dt.strftime("%Y-%m-%d")
    return _each_distinct(column, lambda t: _native.call_for_value(_native.lib.mgc_parse_day, ctypes.c_int32, t),
                          what, np.int32, empty=_native.NO_DAY)


def _contiguous(values, dtype):
    return np.ascontiguousarray(np.asarray(values), dtype=dtype)


def _numbers(values, what, required=False):
    """A column of numbers as float64; NaN stays NaN (an empty cell) unless the column is required."""
    import pandas as pd

    numbers = pd.to_numeric(pd.Series(values), errors="coerce").astype("float64")
    bad = numbers.isna().to_numpy(dtype=bool) & (pd.Series(values).notna().to_numpy(dtype=bool) | required)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise Error(6, f"[mgcalc.parse_error] {what} row {row + 1}: {pd.Series(values).iloc[row]!r} is not a number; "
                       "expected a number")
    return np.ascontiguousarray(numbers.to_numpy(), dtype=np.float64)


def _person_index(people_ids, column, what):
    """Positions of the rows' person ids among the people's."""
    ids = np.asarray(people_ids)
    wanted = np.asarray(column)
    if len(wanted) == 0:
        return np.empty(0, np.uint32)
    if len(ids) == 0:
        raise Error(10, f"[mgcalc.malformed_file] {what}: person {wanted[0]!r} is not in people, which is empty")
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    at = np.minimum(np.searchsorted(sorted_ids, wanted), len(sorted_ids) - 1)
    found = sorted_ids[at] == wanted
    if not found.all():
        raise Error(10, f"[mgcalc.malformed_file] {what}: person {wanted[~found][0]!r} is not in people; expected "
                        "a person listed there")
    return _contiguous(order[at], np.uint32)


def _people(people, keep_alive):
    ids = np.asarray(_column(people, "person", "people"))
    if len(np.unique(ids)) != len(ids):
        raise Error(10, "[mgcalc.malformed_file] people: a person is listed twice; expected one row per person")
    n = len(ids)
    out = np.zeros(n, dtype=_PERSON)
    out["version"] = _native.STRUCT_VERSION
    out["sex"] = _each_distinct(_column(people, "sex", "people"),
                                lambda t: _native.call_for_value(_native.lib.mgc_parse_sex, ctypes.c_int, t),
                                "people sex", np.int32, if_empty=(4, "sex is empty; expected female or male"))
    births = _column(people, "birth_date", "people", required=False)
    ages = _column(people, "age_years", "people", required=False)
    if births is None and ages is None:
        raise Error(10, "[mgcalc.malformed_file] people has neither birth_date nor age_years; expected one of them")
    out["birth_day"] = _days(births, "people birth_date") if births is not None else _native.NO_DAY
    out["age_years"] = _numbers(ages, "people age_years") if ages is not None else np.nan
    for kind in ("pregnant", "lactating"):
        for end in ("from", "to"):
            column = _column(people, f"{kind}_{end}", "people", required=False)
            out[f"{kind}_{end}_day"] = (_days(column, f"people {kind}_{end}") if column is not None
                                        else _native.NO_DAY)
    for field in ("authority", "infant_feeding"):
        column = _column(people, field, "people", required=False)
        if column is None:
            continue
        buffers = []  # the C strings the structs point at, kept as long as the batch runs
        keep_alive.append(buffers)

        def stored(text):
            buffers.append(ctypes.create_string_buffer(text))
            return ctypes.addressof(buffers[-1])

        out[field] = _each_distinct(column, stored, f"people {field}", np.uintp, empty=0)
    return ids, out


def _foods(catalog, texts):
    """Each distinct food text resolved once, as the batch files' food column is."""
    return _each_distinct(
        texts, lambda t: _native.call_for_value(_native.lib.mgc_catalog_food_index, ctypes.c_uint32, catalog.handle, t),
        "entries food", np.uint32,
        if_empty=(6, "food is empty; expected a food id, SOURCE:ID or words naming the food"))


def _doses(supplements, people_ids):
    import pandas as pd

    compound = _texts(_column(supplements, "compound", "supplements"))
    unit = _texts(_column(supplements, "unit", "supplements"))
    basis_column = _column(supplements, "basis", "supplements", required=False)
    basis = _texts(basis_column) if basis_column is not None else [None] * len(compound)
    keys = pd.Series(list(zip(compound, unit, basis)), dtype=object)
    codes, uniques = pd.factorize(keys)
    index = np.empty(len(uniques), dtype=np.uint32)
    per_unit = np.empty(len(uniques), dtype=np.float64)
    as_compound = np.empty(len(uniques), dtype=np.uint8)
    c_index, c_mg, c_flag = ctypes.c_uint32(), ctypes.c_double(), ctypes.c_int()
    for i, (c, u, b) in enumerate(uniques):
        if c is None or u is None:
            row = int(np.flatnonzero(codes == i)[0]) + 1
            raise Error(6, f"[mgcalc.parse_error] supplements row {row}: {'compound' if c is None else 'unit'} is "
                           "empty; expected a compound id such as glycinate and a unit, mg or g")
        _native.check(_native.lib.mgc_dose_unit(_native.text_argument(c, "compound"), _native.text_argument(u, "unit"),
                                                None if b is None else _native.text_argument(b, "basis"),
                                                ctypes.byref(c_index),
                                                ctypes.byref(c_mg), ctypes.byref(c_flag)))
        index[i], per_unit[i], as_compound[i] = c_index.value, c_mg.value, c_flag.value
    amount = _numbers(_column(supplements, "amount", "supplements"), "supplements amount", required=True)
    return (_person_index(people_ids, _column(supplements, "person", "supplements"), "supplements"),
            _days(_column(supplements, "date", "supplements"), "supplements date"),
            _contiguous(index[codes], np.uint32), _contiguous(amount * per_unit[codes], np.float64),
            _contiguous(as_compound[codes], np.uint8))


def _pointer(array, ctype):
    return array.ctypes.data_as(ctypes.POINTER(ctype)) if len(array) else None


def evaluate_batch(people, entries, supplements, *, threads, catalog):
    import pandas as pd

    keep_alive = []
    ids, persons = _people(people, keep_alive)
    sexes = np.where(persons["sex"] == _native.MALE, "male", "female").astype(object)
    entry_person = _person_index(ids, _column(entries, "person", "entries"), "entries")
    entry_day = _days(_column(entries, "date", "entries"), "entries date")
    entry_food = _foods(catalog, _column(entries, "food", "entries"))
    entry_grams = _numbers(_column(entries, "grams", "entries"), "entries grams", required=True)
    if supplements is not None and _length(supplements) > 0:
        doses = _doses(supplements, ids)
    else:
        doses = (np.empty(0, np.uint32), np.empty(0, np.int32), np.empty(0, np.uint32), np.empty(0, np.float64),
                 np.empty(0, np.uint8))

    b = _native.Batch()
    _native.lib.mgc_batch_init(b)
    b.people = persons.ctypes.data_as(ctypes.POINTER(_native.BatchPerson))
    b.people_count = len(persons)
    b.entry_person, b.entry_day = _pointer(entry_person, ctypes.c_uint32), _pointer(entry_day, ctypes.c_int32)
    b.entry_food, b.entry_grams = _pointer(entry_food, ctypes.c_uint32), _pointer(entry_grams, ctypes.c_double)
    b.entry_count = len(entry_person)
    b.dose_person, b.dose_day = _pointer(doses[0], ctypes.c_uint32), _pointer(doses[1], ctypes.c_int32)
    b.dose_compound, b.dose_amount_mg = _pointer(doses[2], ctypes.c_uint32), _pointer(doses[3], ctypes.c_double)
    b.dose_is_compound_mass = _pointer(doses[4], ctypes.c_uint8)
    b.dose_count = len(doses[0])
    b.threads = int(threads or 0)

    rows = max(1, b.entry_count + b.dose_count)
    out = {
        "person": np.empty(rows, np.uint32), "day": np.empty(rows, np.int32), "food_mg": np.empty(rows),
        "unknown_entries": np.empty(rows, np.uint32), "supplement_mg": np.empty(rows), "total_mg": np.empty(rows),
        "target_mg": np.empty(rows), "target_kind": np.empty(rows, np.uint8), "ear_mg": np.empty(rows),
        "ul_supplemental_mg": np.empty(rows), "percent_of_target": np.empty(rows),
        "below_ear": np.empty(rows, np.uint8), "over_ul": np.empty(rows, np.uint8),
        "day_index": np.empty(rows, np.uint32), "supplement_doses": np.empty(rows, np.uint32),
        "reference": np.empty(rows, np.uint32),
    }
    ctype_of = {np.dtype(np.uint32): ctypes.c_uint32, np.dtype(np.int32): ctypes.c_int32,
                np.dtype(np.float64): ctypes.c_double, np.dtype(np.uint8): ctypes.c_uint8}
    b.capacity = rows
    for name, array in out.items():
        setattr(b, name, array.ctypes.data_as(ctypes.POINTER(ctype_of[array.dtype])))
    references_text = ctypes.c_void_p()
    b.references_json_out = ctypes.pointer(references_text)
    try:
        _native.check(_native.lib.mgc_evaluate_batch(catalog.handle, b))
        references = json.loads(ctypes.string_at(references_text.value).decode("utf-8"))
    finally:
        _native.lib.mgc_free(references_text)
    n = b.count
    out = {name: array[:n] for name, array in out.items()}
    covered = out["reference"] != _native.NO_REFERENCE
    reference_at = np.where(covered, out["reference"], 0).astype(np.intp)
    authorities = np.array([r["authority"] for r in references] + [None], dtype=object)
    life_stages = np.array([r["life_stage"] for r in references] + [None], dtype=object)
    reference_at[~covered] = len(references)

    kind_names = np.array([_native.lib.mgc_target_kind_name(k).decode() or None for k in range(256)], dtype=object)
    has_ear = ~np.isnan(out["ear_mg"])
    has_ul = ~np.isnan(out["ul_supplemental_mg"])
    below = pd.array(out["below_ear"].astype(bool), dtype="boolean")
    below[~has_ear] = pd.NA
    over = pd.array(out["over_ul"].astype(bool), dtype="boolean")
    over[~has_ul] = pd.NA
    dates = (_EPOCH + out["day"].astype("timedelta64[D]")).astype(str)
    return pd.DataFrame({
        "person": ids[out["person"]],
        "date": dates,
        "food_mg": out["food_mg"],
        "unknown_entries": out["unknown_entries"].astype(np.int64),
        "supplement_mg": out["supplement_mg"],
        "total_mg": out["total_mg"],
        "target_mg": out["target_mg"],
        "target_kind": kind_names[out["target_kind"]],
        "ear_mg": out["ear_mg"],
        "ul_supplemental_mg": out["ul_supplemental_mg"],
        "percent_of_target": out["percent_of_target"],
        "below_ear": below,
        "over_ul": over,
        "day_index": out["day_index"].astype(np.int64),
        "supplement_doses": out["supplement_doses"].astype(np.int64),
        "authority": authorities[reference_at],
        "life_stage": life_stages[reference_at],
        "sex": sexes[out["person"]],
    })


def summarize(results, *, weights, by, unit, replicate_weights, replicate_scale):
    import pandas as pd

    n = len(results)
    required = ["person", "date", "food_mg", "unknown_entries", "supplement_doses", "supplement_mg", "total_mg"]
    for name in required:
        missing = pd.Series(_column(results, name, "results")).isna().to_numpy(dtype=bool)
        if missing.any():
            raise Error(6, f"[mgcalc.parse_error] results row {int(np.flatnonzero(missing)[0]) + 1}: {name} is empty; "
                           "expected the columns evaluate_batch returns")
    codes, ids = pd.factorize(_column(results, "person", "results"))
    person = _contiguous(codes, np.uint32)
    # The distinct references of the rows, as the batch listed them.
    keys = ["authority", "life_stage", "target_mg", "target_kind", "ear_mg", "ul_supplemental_mg"]
    frame = pd.DataFrame({k: _column(results, k, "results") for k in keys})
    covered = frame["target_kind"].notna().to_numpy(dtype=bool)
    groups = frame[covered].groupby(keys, dropna=False, sort=False)
    reference = np.full(n, _native.NO_REFERENCE, dtype=np.uint32)
    reference[covered] = groups.ngroup().to_numpy(dtype=np.uint32)
    firsts = frame[covered].drop_duplicates(keys)
    kinds = {_native.lib.mgc_target_kind_name(k).decode(): k for k in range(4)}
    table = (_native.SummaryReference * max(1, len(firsts)))()
    keep_alive = []
    for i, row in enumerate(firsts.itertuples(index=False)):
        r = table[i]
        _native.lib.mgc_summary_reference_init(r)
        authority, life_stage = (_native.text_argument(str(t), "authority") for t in (row.authority, row.life_stage))
        keep_alive += [authority, life_stage]
        r.authority, r.life_stage = authority, life_stage
        r.target_mg = float(row.target_mg)
        r.target_kind = kinds.get(str(row.target_kind).lower(), _native.NO_TARGET)
        r.ear_mg = float(row.ear_mg) if pd.notna(row.ear_mg) else float("nan")
        r.ul_supplemental_mg = float(row.ul_supplemental_mg) if pd.notna(row.ul_supplemental_mg) else float("nan")

    columns = {
        "day": _days(_column(results, "date", "results"), "results date"),
        "food_mg": _contiguous(_column(results, "food_mg", "results"), np.float64),
        "unknown_entries": _contiguous(_column(results, "unknown_entries", "results"), np.uint32),
        "supplement_doses": _contiguous(_column(results, "supplement_doses", "results"), np.uint32),
        "supplement_mg": _contiguous(_column(results, "supplement_mg", "results"), np.float64),
        "total_mg": _contiguous(_column(results, "total_mg", "results"), np.float64),
        "percent_of_target": _contiguous(_column(results, "percent_of_target", "results"), np.float64),
        "below_ear": _contiguous(pd.array(_column(results, "below_ear", "results"), dtype="boolean").fillna(False),
                                 np.uint8),
        "over_ul": _contiguous(pd.array(_column(results, "over_ul", "results"), dtype="boolean").fillna(False),
                               np.uint8),
    }
    s = _native.Summary()
    _native.lib.mgc_summary_init(s)
    s.count = n
    s.person = _pointer(person, ctypes.c_uint32)
    s.day = _pointer(columns["day"], ctypes.c_int32)
    for name in ("food_mg", "supplement_mg", "total_mg", "percent_of_target"):
        setattr(s, name, _pointer(columns[name], ctypes.c_double))
    for name in ("unknown_entries", "supplement_doses"):
        setattr(s, name, _pointer(columns[name], ctypes.c_uint32))
    s.below_ear = _pointer(columns["below_ear"], ctypes.c_uint8)
    s.over_ul = _pointer(columns["over_ul"], ctypes.c_uint8)
    s.reference = _pointer(reference, ctypes.c_uint32)
    s.references = table
    s.reference_count = len(firsts)
    s.people_count = len(ids)

    def per_person(values, what):
        series = pd.Series(values) if not isinstance(values, pd.Series) else values
        picked = series.reindex(ids)
        if picked.isna().any():
            missing = ids[picked.isna().to_numpy()][0]
            raise Error(6, f"[mgcalc.parse_error] {what} has no value for person {missing!r}; expected one per "
                           "person of the results, indexed by person id")
        return _contiguous(picked.to_numpy(dtype=np.float64), np.float64)

    if weights is not None:
        sampling = per_person(weights, "weights")
        s.weights = _pointer(sampling, ctypes.c_double)
    if replicate_weights is not None:
        table_of = replicate_weights if isinstance(replicate_weights, pd.DataFrame) else pd.DataFrame(replicate_weights)
        replicates = np.vstack([per_person(table_of[c], f"replicate weights {c!r}") for c in table_of.columns])
        replicates = np.ascontiguousarray(replicates, dtype=np.float64)
        s.replicate_weights = replicates.ctypes.data_as(ctypes.POINTER(ctypes.c_double))
        s.replicates = replicates.shape[0]
    s.replicate_scale = float(replicate_scale)
    if unit not in ("person-days", "people"):
        raise Error(6, f"[mgcalc.parse_error] unit {unit!r} is not accepted; expected 'person-days' or 'people'")
    s.people = 1 if unit == "people" else 0
    if by in (None, "none"):
        s.group_by = _native.GROUP_NONE
    elif by == "life-stage":
        s.group_by = _native.GROUP_LIFE_STAGE
    else:
        # Any column of the results that has one value per person: "sex", or one merged in.
        label_column = pd.Series(np.asarray(_column(results, by, "results"), dtype=object))
        if label_column.isna().any():
            row = int(np.flatnonzero(label_column.isna().to_numpy(dtype=bool))[0]) + 1
            raise Error(6, f"[mgcalc.parse_error] results row {row}: {by} is empty; expected a label for every person")
        labels_by_person = label_column.groupby(codes).first()
        labels = (ctypes.c_char_p * len(ids))(*[_native.text_argument(str(v), by) for v in labels_by_person])
        s.person_labels = labels
        s.group_by = _native.GROUP_PERSON_LABEL
    return json.loads(_native.call_for_text(_native.lib.mgc_summarize_json, s))
