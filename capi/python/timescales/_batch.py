"""Batch forms of the calendar and due-date queries, over lists, numpy
arrays and pandas Series or Index.

numpy and pandas are optional and never imported here: an ndarray (or a
Series) argument means the caller has imported numpy (pandas) already, so
it is taken from ``sys.modules``. Plain lists therefore cost no numpy
import, and work without numpy.

What comes back is the kind that came in (the kind of the first date
argument): a list gives a list, an ndarray an ndarray of the same shape, a
Series a Series with the same index and name, an Index an Index.

Missing values. ``None`` in a list, ``NaT`` in an array, a Series or an
Index, is missing: the result is missing at that position (``None``,
``NaT``; for numbers and flags see below) and the rest of the batch is
computed. A date outside 1900..2199 that is not missing is still an error,
whose message names its (flat) index.

Dates. numpy ``datetime64`` of any unit is accepted (``datetime64[ns]`` is
pandas' default): each value is taken at its date, its time of day dropped.
``datetime64[D]`` values are int64 days since 1970-01-01, exactly what the
``*_i64`` C functions read, so a C-contiguous day array without NaT is
handed to C as it is (``arr.ctypes``), with no copy or conversion. Any
other array is converted once, vectorised. A date result has the unit of
the input when it is finer than a day (a ``datetime64[ns]`` column stays
one), else ``datetime64[D]``.

Numbers and flags. Without missing values an ndarray result is ``int64``
(working days) or ``bool``; where an input was NaT it is ``float64`` with
NaN there (numpy has no missing integer). A Series or Index result is
always pandas' nullable ``Int64`` or ``boolean``, ``<NA>`` where missing.
"""

import datetime
import operator
import sys
from ctypes import POINTER, c_int32, c_int64, c_uint8
from typing import Any, Callable, List, Optional, Sequence, Tuple

from ._ffi import lib
from .dates import _serial, serial_to_date

_DAY = "datetime64[D]"
_NAT = -(2 ** 63)  # numpy's NaT as int64
# Units finer than a day, which a date result keeps.
_FINE_UNITS = ("h", "m", "s", "ms", "us", "ns", "ps", "fs", "as")

# The kinds of container.
LIST, NDARRAY, SERIES, INDEX = "list", "ndarray", "series", "index"


def _numpy_for(*args: Any) -> Any:
    """The numpy module if any argument is an ndarray, a pandas Series or
    an Index, else None."""
    np = sys.modules.get("numpy")
    if np is None:
        return None
    pd = sys.modules.get("pandas")
    for a in args:
        if isinstance(a, np.ndarray):
            return np
        if pd is not None and isinstance(a, (pd.Series, pd.Index)):
            return np
    return None


def _kind(value: Any) -> str:
    pd = sys.modules.get("pandas")
    if pd is not None:
        if isinstance(value, pd.Series):
            return SERIES
        if isinstance(value, pd.Index):
            return INDEX
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.ndarray):
        return NDARRAY
    return LIST


def _ptr(array: Any, ctype: Any = c_int64) -> Any:
    return array.ctypes.data_as(POINTER(ctype))


class _Days:
    """A date argument as a C-contiguous int64 array of serial days, with
    missing values replaced by a valid day and their mask kept."""

    def __init__(self, days: Any, missing: Any, shape: Tuple[int, ...],
                 dtype: Any, kind: str, source: Any) -> None:
        self.days = days          # int64, C-contiguous, no NaT
        self.missing = missing    # bool array, or None when none missing
        self.shape = shape
        self.dtype = dtype        # the input's datetime64 dtype, or None
        self.kind = kind
        self.source = source      # the Series or Index it came from


def _pandas_values(pd: Any, value: Any) -> Any:
    """A Series' or Index's dates as a numpy datetime64 array; timezone-
    aware values at their Europe/London wall-clock date."""
    tz = getattr(getattr(value, "dt", value), "tz", None)
    if tz is not None:
        if isinstance(value, pd.Series):
            value = value.dt.tz_convert("Europe/London").dt.tz_localize(None)
        else:
            value = value.tz_convert("Europe/London").tz_localize(None)
    if value.dtype.kind != "M":
        # Text, datetime.date objects, None: pandas reads them as dates.
        try:
            value = pd.to_datetime(value, errors="raise")
        except (TypeError, ValueError) as e:
            raise TypeError("expected dates, got a %s of dtype %s: %s" %
                            (type(value).__name__, value.dtype, e)) from None
    return value.to_numpy(dtype="datetime64[ns]")


def _day_array(np: Any, value: Any, what: str) -> _Days:
    """Any date argument (list, ndarray of any datetime64 unit, Series,
    Index) as serial days and a missing mask."""
    kind = _kind(value)
    source = None
    if kind in (SERIES, INDEX):
        source = value
        value = _pandas_values(sys.modules["pandas"], value)
    elif kind == NDARRAY:
        if value.dtype.kind == "O":
            value = _object_days(np, value, what)
        elif value.dtype.kind != "M":
            raise TypeError(
                "%s must hold dates (numpy datetime64 of any unit), got "
                "dtype %s" % (what, value.dtype))
    else:
        # A list beside an array: one conversion is unavoidable.
        value = _object_days(np, np.asarray(value, dtype=object), what)
    dtype = value.dtype
    unit, count = np.datetime_data(dtype)
    per_day = _per_day(unit, count)
    if per_day is not None:
        # A unit finer than a day: integer floor division (towards minus
        # infinity, so 1969-12-31T23:00 is 1969-12-31), several times
        # faster than astype; NaT is masked before it is divided.
        raw = np.ascontiguousarray(value).view(np.int64)
        missing = raw == _NAT
        days = raw // per_day
    else:
        if dtype != np.dtype(_DAY):
            value = value.astype(_DAY)  # weeks, months, years: NaT kept
        # No copy when already C-contiguous (the normal case).
        days = np.ascontiguousarray(value).view(np.int64)
        missing = days == _NAT
    if missing.any():
        if per_day is None:
            days = days.copy()  # never write into the caller's array
        days[missing] = 0       # 1970-01-01: a valid day, result discarded
    else:
        missing = None
    return _Days(days, missing, value.shape, dtype, kind, source)


_UNITS_PER_DAY = {"h": 24, "m": 24 * 60, "s": 86400, "ms": 86400 * 10 ** 3,
                  "us": 86400 * 10 ** 6, "ns": 86400 * 10 ** 9}


def _per_day(unit: str, count: int) -> Optional[int]:
    """How many ``count``-``unit`` steps make a day, when a whole number
    (``datetime64[ns]``: 86,400,000,000,000), else None."""
    per_day = _UNITS_PER_DAY.get(unit)
    if per_day is None or per_day % count:
        return None
    return per_day // count


def _in_unit(np: Any, result: Any, dtype: Any) -> Any:
    """A ``datetime64[D]`` result of ours (not the caller's ``out``) in
    the finer unit ``dtype``, NaT kept: integer multiplication in place,
    rather than astype into a new array."""
    unit, count = np.datetime_data(dtype)
    per_day = _per_day(unit, count)
    if per_day is None:
        return result.astype(dtype)
    raw = result.view(np.int64)
    missing = raw == _NAT
    np.multiply(raw, per_day, out=raw)
    if missing.any():
        raw[missing] = _NAT
    return raw.view(dtype)


def _object_days(np: Any, value: Any, what: str) -> Any:
    """An object array of dates (``datetime.date``, ``datetime64``, None,
    NaT) as ``datetime64[D]``."""
    flat = value.ravel()
    out = np.empty(flat.shape, dtype=_DAY)
    for i, item in enumerate(flat):
        serial = _item_serial(item, "%s[%d]" % (what, i))
        out[i] = np.datetime64("NaT") if serial is None else np.datetime64(
            serial, "D")
    return out.reshape(value.shape)


def _is_missing(item: Any) -> bool:
    if item is None:
        return True
    try:
        return bool(item != item)  # NaT, NaN
    except (TypeError, ValueError):
        return False


def _item_serial(item: Any, what: str) -> Optional[int]:
    """One list element as a serial day, None when missing."""
    if _is_missing(item):
        return None
    if isinstance(item, datetime.date):
        serial: int = _serial(item, what)
        return serial
    np = sys.modules.get("numpy")
    if np is not None and isinstance(item, np.datetime64):
        return int(item.astype(_DAY).astype(np.int64))
    raise TypeError(
        "%s must be a datetime.date (or None for a missing date), got %s "
        "(use timescales.parse_date for text)" % (what, type(item).__name__))


def _day_list(days: Any, what: str) -> Tuple[List[int], List[bool]]:
    """A sequence of dates as serial days (0 where missing) and the
    missing flags."""
    serials: List[int] = []
    missing: List[bool] = []
    for i, d in enumerate(list(days)):
        serial = _item_serial(d, "%s[%d]" % (what, i))
        missing.append(serial is None)
        serials.append(0 if serial is None else serial)
    return serials, missing


def _out_array(np: Any, out: Any, shape: Tuple[int, ...], dtype: Any) -> Any:
    dtype = np.dtype(dtype)
    if out is None:
        return np.empty(shape, dtype)
    if not isinstance(out, np.ndarray):
        raise TypeError("out must be a numpy array, got %s" %
                        type(out).__name__)
    if out.dtype != dtype:
        raise TypeError("out must have dtype %s, got %s" % (dtype, out.dtype))
    if out.shape != shape:
        raise ValueError("out has shape %s, expected %s" % (out.shape, shape))
    if not (out.flags.c_contiguous and out.flags.writeable):
        raise ValueError("out must be C-contiguous and writeable")
    return out


def _scalar_int(n: Any) -> Optional[int]:
    """n as a Python int when it is a scalar integer, else None."""
    try:
        return operator.index(n)
    except TypeError:
        return None


def _no_out(out: Any) -> None:
    if out is not None:
        raise TypeError("out= is for numpy arrays; pass numpy arrays or "
                        "leave out as None")


def _missing_of(np: Any, *args: _Days) -> Any:
    """The union of the arguments' missing masks, or None."""
    masks = [a.missing for a in args if a.missing is not None]
    if not masks:
        return None
    return np.logical_or.reduce(masks) if len(masks) > 1 else masks[0]


def _same_shape(first: _Days, other: _Days, names: Tuple[str, str]) -> None:
    if first.shape != other.shape:
        raise ValueError("%s has shape %s but %s has shape %s" %
                         (names[0], first.shape, names[1], other.shape))


# ---- Results in the caller's kind --------------------------------------------

def _date_result(np: Any, days: _Days, result: Any, missing: Any,
                 out: Any) -> Any:
    """A ``datetime64[D]`` result (NaT where missing) in the kind of
    ``days``."""
    if missing is not None:
        result[missing] = np.datetime64("NaT")
    if out is not None:
        return out
    if days.kind == SERIES:
        pd = sys.modules["pandas"]
        return pd.Series(_in_unit(np, result, np.dtype("datetime64[ns]")),
                         index=days.source.index, name=days.source.name,
                         copy=False)
    if days.kind == INDEX:
        pd = sys.modules["pandas"]
        return pd.DatetimeIndex(
            _in_unit(np, result, np.dtype("datetime64[ns]")),
            name=days.source.name)
    unit = np.datetime_data(days.dtype)[0]
    if days.kind == NDARRAY and unit in _FINE_UNITS:
        return _in_unit(np, result, days.dtype)
    return result


def _value_result(np: Any, days: _Days, result: Any, missing: Any,
                  nullable: str) -> Any:
    """An int64 or bool result in the kind of ``days``: ``nullable`` is
    the pandas dtype of a Series or Index (``"Int64"``, ``"boolean"``)."""
    if days.kind in (SERIES, INDEX):
        pd = sys.modules["pandas"]
        array = pd.array(result, dtype=nullable)
        if missing is not None:
            array[missing] = pd.NA
        if days.kind == SERIES:
            return pd.Series(array, index=days.source.index,
                             name=days.source.name)
        return pd.Index(array, name=days.source.name)
    if missing is None:
        return result
    floats = result.astype(np.float64)
    floats[missing] = np.nan
    return floats


def _list_result(values: Any, missing: Sequence[bool],
                 convert: Callable[[Any], Any]) -> List[Any]:
    return [None if gone else convert(v) for v, gone in zip(values, missing)]


# ---- The batches -------------------------------------------------------------

def add_working_days(handle: Any, days: Any, n: Any, counting: int,
                     out: Any) -> Any:
    np = _numpy_for(days, n, out)
    if np is not None:
        arr = _day_array(np, days, "days")
        scalar = _scalar_int(n)
        if scalar is not None:
            n_arr = np.array([scalar], dtype=np.int64)  # n_count = 1
        else:
            if _kind(n) in (SERIES, INDEX):
                n = n.to_numpy()
            n_arr = np.asarray(n)
            if not np.issubdtype(n_arr.dtype, np.integer):
                raise TypeError("n must hold integers, got %s" % n_arr.dtype)
            if n_arr.shape != arr.shape and n_arr.size != 1:
                raise ValueError("n has shape %s; expected %s or one value" %
                                 (n_arr.shape, arr.shape))
            n_arr = np.ascontiguousarray(n_arr, dtype=np.int64)
        result = _out_array(np, out, arr.shape, _DAY)
        if arr.days.size:
            lib.tsc_calendar_add_working_days_batch_i64(
                _ptr(result), handle, _ptr(arr.days), arr.days.size,
                _ptr(n_arr), n_arr.size, counting)
        return _date_result(np, arr, result, arr.missing, out)

    _no_out(out)
    serials, missing = _day_list(days, "days")
    count = len(serials)
    scalar = _scalar_int(n)
    if scalar is not None:
        n_values = [scalar]
    else:
        n_values = [operator.index(v) for v in n]
        if len(n_values) != count:
            raise ValueError("n has %d values for %d days" %
                             (len(n_values), count))
    if not count:
        return []
    out_buf = (c_int64 * count)()
    lib.tsc_calendar_add_working_days_batch_i64(
        out_buf, handle, (c_int64 * count)(*serials), count,
        (c_int64 * len(n_values))(*n_values), len(n_values), counting)
    return _list_result(out_buf, missing, serial_to_date)


def working_days_between(handle: Any, starts: Any, ends: Any, counting: int,
                         out: Any) -> Any:
    np = _numpy_for(starts, ends, out)
    if np is not None:
        a = _day_array(np, starts, "starts")
        b = _day_array(np, ends, "ends")
        _same_shape(a, b, ("starts", "ends"))
        missing = _missing_of(np, a, b)
        if out is not None and missing is not None:
            raise ValueError("out= cannot hold the missing values of NaT "
                             "dates; leave out as None")
        result = _out_array(np, out, a.shape, np.int64)
        if a.days.size:
            lib.tsc_calendar_working_days_between_batch_i64(
                _ptr(result), handle, _ptr(a.days), _ptr(b.days), a.days.size,
                counting)
        return _value_result(np, a, result, missing, "Int64")

    _no_out(out)
    a_days, a_missing = _day_list(starts, "starts")
    b_days, b_missing = _day_list(ends, "ends")
    if len(a_days) != len(b_days):
        raise ValueError("%d starts but %d ends" % (len(a_days), len(b_days)))
    count = len(a_days)
    if not count:
        return []
    out_buf = (c_int64 * count)()
    lib.tsc_calendar_working_days_between_batch_i64(
        out_buf, handle, (c_int64 * count)(*a_days),
        (c_int64 * count)(*b_days), count, counting)
    return _list_result(out_buf, [x or y for x, y in zip(a_missing, b_missing)],
                        int)


def is_working_day(handle: Any, days: Any, out: Any) -> Any:
    np = _numpy_for(days, out)
    if np is not None:
        arr = _day_array(np, days, "days")
        if out is not None and arr.missing is not None:
            raise ValueError("out= cannot hold the missing values of NaT "
                             "dates; leave out as None")
        # numpy bool is one byte holding 0 or 1, as the C function writes.
        result = _out_array(np, out, arr.shape, np.bool_)
        if arr.days.size:
            lib.tsc_calendar_is_working_day_batch_i64(
                _ptr(result, c_uint8), handle, _ptr(arr.days), arr.days.size)
        return _value_result(np, arr, result, arr.missing, "boolean")

    _no_out(out)
    serials, missing = _day_list(days, "days")
    count = len(serials)
    if not count:
        return []
    out_buf = (c_uint8 * count)()
    lib.tsc_calendar_is_working_day_batch_i64(
        out_buf, handle, (c_int64 * count)(*serials), count)
    return _list_result(out_buf, missing, bool)


def _due_days(np: Any, handle: Any, rule_id: bytes, arr: _Days,
              result: Any) -> None:
    # Called when empty too: an unknown rule is an error either way.
    lib.tsc_rule_due_batch_i64(_ptr(result), handle, rule_id,
                               _ptr(arr.days), arr.days.size)


def due(handle: Any, rule_id: bytes, anchors: Any, out: Any) -> Any:
    np = _numpy_for(anchors, out)
    if np is not None:
        arr = _day_array(np, anchors, "anchors")
        result = _out_array(np, out, arr.shape, _DAY)
        _due_days(np, handle, rule_id, arr, result)
        return _date_result(np, arr, result, arr.missing, out)

    _no_out(out)
    serials, missing = _day_list(anchors, "anchors")
    count = len(serials)
    out_buf = (c_int32 * count)()
    lib.tsc_rule_due_batch(out_buf, handle, rule_id,
                           (c_int32 * count)(*serials), count)
    return _list_result(out_buf, missing, serial_to_date)


def _compare(handle: Any, calendar: Any, rule_id: bytes, anchors: Any,
             done: Any, lateness: bool) -> Any:
    """on_time (lateness False) or the lateness in working days, judged
    against the legal due date as tsc_rule_on_time and
    tsc_rule_lateness_working_days judge it for a date-only anchor and
    completion: on time when done <= due; lateness the working days from
    the due date to done, the event day excluded."""
    np = _numpy_for(anchors, done)
    if np is not None:
        a = _day_array(np, anchors, "anchors")
        d = _day_array(np, done, "done")
        _same_shape(a, d, ("anchors", "done"))
        missing = _missing_of(np, a, d)
        due_days = np.empty(a.shape, np.int64)
        _due_days(np, handle, rule_id, a, due_days)
        if lateness:
            result = np.empty(a.shape, np.int64)
            if a.days.size:
                lib.tsc_calendar_working_days_between_batch_i64(
                    _ptr(result), calendar, _ptr(due_days), _ptr(d.days),
                    a.days.size, 0)
            return _value_result(np, a, result, missing, "Int64")
        result = d.days.reshape(a.shape) <= due_days
        return _value_result(np, a, result, missing, "boolean")

    a_days, a_missing = _day_list(anchors, "anchors")
    d_days, d_missing = _day_list(done, "done")
    if len(a_days) != len(d_days):
        raise ValueError("%d anchors but %d done" % (len(a_days), len(d_days)))
    count = len(a_days)
    due_buf = (c_int64 * count)()
    lib.tsc_rule_due_batch_i64(due_buf, handle, rule_id,
                               (c_int64 * count)(*a_days), count)
    missing = [x or y for x, y in zip(a_missing, d_missing)]
    if lateness:
        out_buf = (c_int64 * count)()
        lib.tsc_calendar_working_days_between_batch_i64(
            out_buf, calendar, due_buf, (c_int64 * count)(*d_days), count, 0)
        return _list_result(out_buf, missing, int)
    return _list_result([x <= y for x, y in zip(d_days, due_buf)], missing,
                        bool)


def on_time(handle: Any, calendar: Any, rule_id: bytes, anchors: Any,
            done: Any) -> Any:
    return _compare(handle, calendar, rule_id, anchors, done, False)


def lateness(handle: Any, calendar: Any, rule_id: bytes, anchors: Any,
             done: Any) -> Any:
    return _compare(handle, calendar, rule_id, anchors, done, True)
