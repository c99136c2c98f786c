"""Batch forms of the calendar queries, over lists or numpy arrays.

numpy is optional and never imported here: an ndarray argument means the
caller has imported numpy already, so it is taken from ``sys.modules``.
Plain lists therefore cost no numpy import, and work without numpy.

numpy ``datetime64[D]`` values are int64 days since 1970-01-01, exactly what
the ``*_i64`` C functions read, so a C-contiguous array is handed to C as it
is (``arr.ctypes``), with no copy or conversion. Only a non-contiguous array
(a slice with a step, a transposed view) is copied once, to a contiguous
one. Results are written straight into the output array (``out=`` or a new
one).
"""

import operator
import sys
from ctypes import POINTER, c_int64, c_uint8

from ._ffi import lib
from .dates import _serial, serial_to_date

_DAY = "datetime64[D]"


def _numpy_for(*args):
    """The numpy module if any argument is an ndarray, else None."""
    np = sys.modules.get("numpy")
    if np is not None and any(isinstance(a, np.ndarray) for a in args):
        return np
    return None


def _ptr(array, ctype=c_int64):
    return array.ctypes.data_as(POINTER(ctype))


def _day_array(np, value, what):
    """(contiguous datetime64[D] array, original shape)."""
    if isinstance(value, np.ndarray):
        if value.dtype != np.dtype(_DAY):
            # Converting silently would truncate times and hide a copy.
            raise TypeError(
                "%s must have dtype datetime64[D], got %s; convert with "
                "%s.astype('datetime64[D]')" % (what, value.dtype, what))
    else:
        # A list beside an array: one conversion is unavoidable.
        value = np.asarray(value, dtype=_DAY)
    # No copy when already C-contiguous (the normal case).
    return np.ascontiguousarray(value), value.shape


def _out_array(np, out, shape, dtype):
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


def _scalar_int(n):
    """n as a Python int when it is a scalar integer, else None."""
    try:
        return operator.index(n)
    except TypeError:
        return None


def _day_list(days, what):
    days = list(days)
    return [_serial(d, "%s[%d]" % (what, i)) for i, d in enumerate(days)]


def _no_out(out):
    if out is not None:
        raise TypeError("out= is for numpy arrays; pass numpy arrays or "
                        "leave out as None")


def add_working_days(handle, days, n, counting, out):
    np = _numpy_for(days, n, out)
    if np is not None:
        arr, shape = _day_array(np, days, "days")
        scalar = _scalar_int(n)
        if scalar is not None:
            n_arr = np.array([scalar], dtype=np.int64)  # n_count = 1
        else:
            n_arr = np.asarray(n)
            if not np.issubdtype(n_arr.dtype, np.integer):
                raise TypeError("n must hold integers, got %s" % n_arr.dtype)
            if n_arr.shape != shape and n_arr.size != 1:
                raise ValueError("n has shape %s; expected %s or one value" %
                                 (n_arr.shape, shape))
            n_arr = np.ascontiguousarray(n_arr, dtype=np.int64)
        result = _out_array(np, out, shape, _DAY)
        if arr.size:
            lib.tsc_calendar_add_working_days_batch_i64(
                _ptr(result), handle, _ptr(arr), arr.size, _ptr(n_arr),
                n_arr.size, counting)
        return result

    _no_out(out)
    serials = _day_list(days, "days")
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
    return [serial_to_date(v) for v in out_buf]


def working_days_between(handle, starts, ends, counting, out):
    np = _numpy_for(starts, ends, out)
    if np is not None:
        a, shape = _day_array(np, starts, "starts")
        b, b_shape = _day_array(np, ends, "ends")
        if shape != b_shape:
            raise ValueError("starts has shape %s but ends has shape %s" %
                             (shape, b_shape))
        result = _out_array(np, out, shape, np.int64)
        if a.size:
            lib.tsc_calendar_working_days_between_batch_i64(
                _ptr(result), handle, _ptr(a), _ptr(b), a.size, counting)
        return result

    _no_out(out)
    a = _day_list(starts, "starts")
    b = _day_list(ends, "ends")
    if len(a) != len(b):
        raise ValueError("%d starts but %d ends" % (len(a), len(b)))
    count = len(a)
    if not count:
        return []
    out_buf = (c_int64 * count)()
    lib.tsc_calendar_working_days_between_batch_i64(
        out_buf, handle, (c_int64 * count)(*a), (c_int64 * count)(*b), count,
        counting)
    return list(out_buf)


def is_working_day(handle, days, out):
    np = _numpy_for(days, out)
    if np is not None:
        arr, shape = _day_array(np, days, "days")
        # numpy bool is one byte holding 0 or 1, as the C function writes.
        result = _out_array(np, out, shape, np.bool_)
        if arr.size:
            lib.tsc_calendar_is_working_day_batch_i64(
                _ptr(result, c_uint8), handle, _ptr(arr), arr.size)
        return result

    _no_out(out)
    serials = _day_list(days, "days")
    count = len(serials)
    if not count:
        return []
    out_buf = (c_uint8 * count)()
    lib.tsc_calendar_is_working_day_batch_i64(
        out_buf, handle, (c_int64 * count)(*serials), count)
    return [bool(v) for v in out_buf]
