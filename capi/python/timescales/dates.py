"""Dates: conversion to and from serial days, parsing, calendar arithmetic.

The C library represents a date as its serial day number since 1970-01-01,
the same number numpy uses for ``datetime64[D]``::

    >>> date_to_serial(datetime.date(2019, 12, 20))
    18250
    >>> add_months(datetime.date(2023, 8, 31), 6)     # clamped to month end
    datetime.date(2024, 2, 29)

Supported dates run from 1900-01-01 (MIN_DATE) to 2199-12-31 (MAX_DATE);
arithmetic outside that range raises OutOfRangeError.
"""

import ctypes
import datetime
import operator
from typing import Any, Dict, Mapping, SupportsIndex, Union

from . import errors
from ._ffi import lib
from ._options import MonthConvention

__all__ = [
    "MIN_DATE",
    "MAX_DATE",
    "date_to_serial",
    "serial_to_date",
    "parse_date",
    "add_days",
    "add_weeks",
    "add_months",
    "MonthConvention",
]

MIN_DATE = datetime.date(1900, 1, 1)
MAX_DATE = datetime.date(2199, 12, 31)

_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()
_INT32_MIN, _INT32_MAX = -(2 ** 31), 2 ** 31 - 1

# Values of TSC_MONTHS_* in c.h.
_MONTH_CONVENTIONS: Dict[str, int] = {
    "corresponding_date": 0,
    "day_before_corresponding": 1,
    "fixed_days": 2,
}


def date_to_serial(day: datetime.date) -> int:
    """Days since 1970-01-01 of ``day`` (a ``datetime.date``; for a
    ``datetime.datetime`` its date part). Not range-checked."""
    return _serial(day)


def serial_to_date(serial: SupportsIndex) -> datetime.date:
    """The ``datetime.date`` of serial day ``serial`` (days since 1970-01-01).
    """
    return datetime.date.fromordinal(operator.index(serial) + _EPOCH_ORDINAL)


def parse_date(text: Union[str, bytes, bytearray]) -> datetime.date:
    """Parses ISO ``yyyy-mm-dd`` or UK ``dd/mm/yyyy`` (surrounding spaces
    ignored) with the library's rules.

    Raises:
        InvalidArgumentError: the text is not a valid date (31/02/2024).
        OutOfRangeError: the date is outside MIN_DATE..MAX_DATE.
    """
    if isinstance(text, str):
        text = text.encode("utf-8")
    elif not isinstance(text, (bytes, bytearray)):
        raise TypeError("expected str or bytes, got %s" % type(text).__name__)
    out = ctypes.c_int32()
    lib.tsc_date_parse(ctypes.byref(out), bytes(text))
    return serial_to_date(out.value)


def add_days(day: datetime.date, n: SupportsIndex) -> datetime.date:
    """``day`` plus ``n`` calendar days (weekends and holidays count)."""
    out = ctypes.c_int32()
    lib.tsc_add_days(ctypes.byref(out), _serial(day), _int32(n, "n"))
    return serial_to_date(out.value)


def add_weeks(day: datetime.date, n: SupportsIndex) -> datetime.date:
    """``day`` plus ``n`` weeks of 7 calendar days."""
    out = ctypes.c_int32()
    lib.tsc_add_weeks(ctypes.byref(out), _serial(day), _int32(n, "n"))
    return serial_to_date(out.value)


def add_months(day: datetime.date, n: SupportsIndex,
               convention: MonthConvention = "corresponding_date"
               ) -> datetime.date:
    """``day`` plus ``n`` calendar months.

    Conventions:
        ``"corresponding_date"`` (default, Dodds v Walker): the same day of
            the month, clamped to the month's end (31 Aug + 6 = 28/29 Feb).
        ``"day_before_corresponding"``: the day before that.
        ``"fixed_days"``: 3 months = 91 days, 6 months = 183 days.
    """
    out = ctypes.c_int32()
    lib.tsc_add_months_convention(
        ctypes.byref(out), _serial(day), _int32(n, "n"),
        _choice(convention, _MONTH_CONVENTIONS, "convention"))
    return serial_to_date(out.value)


# ---- Helpers shared by the package -----------------------------------------

def _serial(day: Any, what: str = "day") -> int:
    """``date_to_serial`` for an argument, with the argument named in the
    TypeError."""
    if not isinstance(day, datetime.date):
        raise TypeError(
            "%s must be a datetime.date, got %s (use timescales.parse_date "
            "for text)" % (what, type(day).__name__))
    return day.toordinal() - _EPOCH_ORDINAL


def _int32(n: SupportsIndex, what: str) -> int:
    """An integer argument that must fit the C int32_t."""
    n = operator.index(n)  # TypeError for 1.5, accepts numpy integers
    if not _INT32_MIN <= n <= _INT32_MAX:
        # Without this ctypes raises an opaque ArgumentError.
        raise errors.OutOfRangeError(
            errors.OUT_OF_RANGE, "%s = %d does not fit in 32 bits" % (what, n))
    return n


def _choice(value: str, table: Mapping[str, int], what: str) -> int:
    """The C constant for a string option such as ``"preceding"``."""
    try:
        return table[value]
    except (KeyError, TypeError):
        raise errors.InvalidArgumentError(
            errors.INVALID_ARGUMENT,
            "%s must be one of %s, got %r" %
            (what, ", ".join(repr(k) for k in table), value)) from None
