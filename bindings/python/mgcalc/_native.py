"""The C API of libmgcalc-c (include/mgcalc/mgcalc.h) declared for ctypes.

Pure Python, so one package serves every CPython 3 and every NumPy: nothing is compiled against
the interpreter. The library is found, in this order, at the path in the environment variable
MGCALC_C_LIBRARY, next to this file (a build tree's build/python/mgcalc/, or a wheel that bundles
it), or by the system's loader (an installed libmgcalc-c.so.1; LD_LIBRARY_PATH).
"""

import ctypes
import ctypes.util
import os
import threading

STRUCT_VERSION = 1  # MGC_STRUCT_VERSION
NO_DAY = -(2**31)  # MGC_NO_DAY
OK = 0
BUFFER_TOO_SMALL = 104
FEMALE, MALE = 0, 1
NO_TARGET = 255
NO_REFERENCE = 2**32 - 1  # MGC_NO_REFERENCE
GROUP_NONE, GROUP_LIFE_STAGE, GROUP_PERSON_LABEL = 0, 1, 2


class Profile(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("sex", ctypes.c_int),
        ("age_years", ctypes.c_double),
        ("pregnant", ctypes.c_int),
        ("lactating", ctypes.c_int),
        ("authority", ctypes.c_char_p),
        ("infant_feeding", ctypes.c_char_p),
    ]


class Result(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("food_mg", ctypes.c_double),
        ("supplement_mg", ctypes.c_double),
        ("total_mg", ctypes.c_double),
        ("unknown_entries", ctypes.c_int),
        ("target_mg", ctypes.c_double),
        ("target_kind", ctypes.c_int),
        ("ear_mg", ctypes.c_double),
        ("ul_supplemental_mg", ctypes.c_double),
        ("percent_of_target", ctypes.c_double),
        ("over_ul", ctypes.c_int),
        ("below_ear", ctypes.c_int),
        ("warnings", ctypes.c_int),
    ]


class BatchPerson(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("sex", ctypes.c_int),
        ("birth_day", ctypes.c_int32),
        ("age_years", ctypes.c_double),
        ("pregnant_from_day", ctypes.c_int32),
        ("pregnant_to_day", ctypes.c_int32),
        ("lactating_from_day", ctypes.c_int32),
        ("lactating_to_day", ctypes.c_int32),
        ("authority", ctypes.c_char_p),
        ("infant_feeding", ctypes.c_char_p),
    ]


_u32p = ctypes.POINTER(ctypes.c_uint32)
_i32p = ctypes.POINTER(ctypes.c_int32)
_f64p = ctypes.POINTER(ctypes.c_double)
_u8p = ctypes.POINTER(ctypes.c_uint8)


class Batch(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("people", ctypes.POINTER(BatchPerson)),
        ("people_count", ctypes.c_size_t),
        ("entry_person", _u32p),
        ("entry_day", _i32p),
        ("entry_food", _u32p),
        ("entry_grams", _f64p),
        ("entry_count", ctypes.c_size_t),
        ("dose_person", _u32p),
        ("dose_day", _i32p),
        ("dose_compound", _u32p),
        ("dose_amount_mg", _f64p),
        ("dose_is_compound_mass", _u8p),
        ("dose_count", ctypes.c_size_t),
        ("threads", ctypes.c_uint),
        ("capacity", ctypes.c_size_t),
        ("person", _u32p),
        ("day", _i32p),
        ("food_mg", _f64p),
        ("unknown_entries", _u32p),
        ("supplement_mg", _f64p),
        ("total_mg", _f64p),
        ("target_mg", _f64p),
        ("target_kind", _u8p),
        ("ear_mg", _f64p),
        ("ul_supplemental_mg", _f64p),
        ("percent_of_target", _f64p),
        ("below_ear", _u8p),
        ("over_ul", _u8p),
        ("day_index", _u32p),
        ("supplement_doses", _u32p),
        ("reference", _u32p),
        ("count", ctypes.c_size_t),
        ("references_json_out", ctypes.POINTER(ctypes.c_void_p)),
    ]


class SummaryReference(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("authority", ctypes.c_char_p),
        ("life_stage", ctypes.c_char_p),
        ("target_mg", ctypes.c_double),
        ("target_kind", ctypes.c_int),
        ("ear_mg", ctypes.c_double),
        ("ul_supplemental_mg", ctypes.c_double),
    ]


class Summary(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("count", ctypes.c_size_t),
        ("person", _u32p),
        ("day", _i32p),
        ("food_mg", _f64p),
        ("unknown_entries", _u32p),
        ("supplement_doses", _u32p),
        ("supplement_mg", _f64p),
        ("total_mg", _f64p),
        ("percent_of_target", _f64p),
        ("reference", _u32p),
        ("below_ear", _u8p),
        ("over_ul", _u8p),
        ("references", ctypes.POINTER(SummaryReference)),
        ("reference_count", ctypes.c_size_t),
        ("people_count", ctypes.c_size_t),
        ("weights", _f64p),
        ("replicate_weights", _f64p),
        ("replicates", ctypes.c_size_t),
        ("replicate_scale", ctypes.c_double),
        ("people", ctypes.c_int),
        ("group_by", ctypes.c_int),
        ("person_labels", ctypes.POINTER(ctypes.c_char_p)),
    ]


def _find_library():
    explicit = os.environ.get("MGCALC_C_LIBRARY")
    if explicit:
        return explicit
    beside = os.path.join(os.path.dirname(os.path.abspath(__file__)), "libmgcalc-c.so.1")
    if os.path.exists(beside):
        return beside
    return ctypes.util.find_library("mgcalc-c") or "libmgcalc-c.so.1"


def _load():
    path = _find_library()
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        raise ImportError(
            f"mgcalc: cannot load the C library libmgcalc-c ({path}): {e}; set MGCALC_C_LIBRARY to its "
            "path, or install it (cmake --install build) where the system's loader finds it"
        ) from None
    c_int, c_char_p, c_void_p, c_size_t = ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t
    out_text = ctypes.POINTER(c_void_p)  # char **: read as an address, then freed with mgc_free
    signatures = {
        "mgc_status_name": (c_char_p, [c_int]),
        "mgc_last_error_message": (c_char_p, []),
        "mgc_free": (None, [c_void_p]),
        "mgc_parse_sex": (c_int, [c_char_p, ctypes.POINTER(c_int)]),
        "mgc_parse_day": (c_int, [c_char_p, _i32p]),
        "mgc_version": (c_char_p, []),
        "mgc_catalog_new": (c_int, [ctypes.POINTER(c_void_p)]),
        "mgc_catalog_free": (None, [c_void_p]),
        "mgc_catalog_load": (c_int, [c_void_p, c_char_p]),
        "mgc_search_foods_json": (c_int, [c_void_p, c_char_p, c_size_t, out_text]),
        "mgc_resolve_food_json": (c_int, [c_void_p, c_char_p, out_text]),
        "mgc_profile_init": (None, [ctypes.POINTER(Profile)]),
        "mgc_reference_json": (c_int, [ctypes.POINTER(Profile), out_text]),
        "mgc_target_kind_name": (c_char_p, [c_int]),
        "mgc_day_new": (c_int, [c_void_p, ctypes.POINTER(c_void_p)]),
        "mgc_day_free": (None, [c_void_p]),
        "mgc_day_add_food": (c_int, [c_void_p, c_char_p]),
        "mgc_day_add_supplement": (c_int, [c_void_p, c_char_p]),
        "mgc_result_init": (None, [ctypes.POINTER(Result)]),
        "mgc_evaluate": (c_int, [c_void_p, ctypes.POINTER(Profile), ctypes.POINTER(Result)]),
        "mgc_result_json": (c_int, [c_void_p, ctypes.POINTER(Profile), out_text]),
        "mgc_catalog_food_index": (c_int, [c_void_p, c_char_p, _u32p]),
        "mgc_compound_index": (c_int, [c_char_p, _u32p]),
        "mgc_dose_unit": (c_int, [c_char_p, c_char_p, c_char_p, _u32p, _f64p, ctypes.POINTER(c_int)]),
        "mgc_batch_person_init": (None, [ctypes.POINTER(BatchPerson)]),
        "mgc_batch_init": (None, [ctypes.POINTER(Batch)]),
        "mgc_evaluate_batch": (c_int, [c_void_p, ctypes.POINTER(Batch)]),
        "mgc_summary_reference_init": (None, [ctypes.POINTER(SummaryReference)]),
        "mgc_summary_init": (None, [ctypes.POINTER(Summary)]),
        "mgc_summarize_json": (c_int, [ctypes.POINTER(Summary), out_text]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


lib = _load()


class Error(Exception):
    """An error of mgcalc: `code` is its stable name ("unknown_food", "invalid_amount", ...; the
    names of mgcalc::errc and the C API's statuses), `status` its number, `message` the text."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.code = lib.mgc_status_name(status).decode()
        self.message = message


def check(status):
    """Raises Error for a failed call, with this thread's message."""
    if status != OK:
        raise Error(status, lib.mgc_last_error_message().decode("utf-8", "replace"))


def text_argument(value, name):
    """Text for the C API: UTF-8 bytes. Bytes that were not UTF-8 in a file read with
    errors="surrogateescape" are passed on as they were, for the library to name."""
    if not isinstance(value, str):
        raise Error(6, f"[mgcalc.parse_error] {name} is {type(value).__name__}, expected text (str)")
    if "\0" in value:
        raise Error(6, f"[mgcalc.parse_error] {name} contains a NUL character; expected text without one")
    try:
        return value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError as e:
        raise Error(6, f"[mgcalc.parse_error] {name} is not UTF-8: {e.reason} at character {e.start}; expected "
                       "UTF-8 text") from None


def number_argument(value, name, code=6):
    """A number from Python (int, float, NumPy), or Error."""
    try:
        return float(value)
    except (TypeError, ValueError):
        raise Error(code, f"[mgcalc.{lib.mgc_status_name(code).decode()}] {name} is {value!r}; expected a "
                          "number") from None


def call_for_value(function, ctype, *arguments):
    """Calls a C function whose last argument is a pointer to one result; returns the value."""
    out = ctype()
    check(function(*arguments, ctypes.byref(out)))
    return out.value


def call_for_text(function, *arguments):
    """Calls a C function whose last argument is a char ** of JSON; returns the text."""
    out = ctypes.c_void_p()
    check(function(*arguments, ctypes.byref(out)))
    try:
        return ctypes.string_at(out.value).decode("utf-8")
    finally:
        lib.mgc_free(out)


class Catalog:
    """An mgc_catalog: the embedded USDA SR24 foods, plus databases added with load(). Load every
    database before the catalog is used by more than one thread: load() must not run while another
    thread searches, resolves or evaluates with the same catalog."""

    def __init__(self):
        handle = ctypes.c_void_p()
        check(lib.mgc_catalog_new(ctypes.byref(handle)))
        self.handle = handle

    def load(self, spec):
        check(lib.mgc_catalog_load(self.handle, text_argument(spec, "spec")))

    def __del__(self):
        if getattr(self, "handle", None):
            lib.mgc_catalog_free(self.handle)
            self.handle = None


_default_catalog = None
_default_lock = threading.Lock()


def default_catalog():
    """The catalog of the embedded foods, made once per process."""
    global _default_catalog
    with _default_lock:
        if _default_catalog is None:
            _default_catalog = Catalog()
        return _default_catalog
