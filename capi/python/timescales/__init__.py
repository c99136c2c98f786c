"""timescales: statutory timescales of English children's social care.

Working-day calendars and due dates, computed by the timescales C library
(reached through its C ABI with ctypes; see ``_loader`` for how the library
is found)::

    >>> import datetime, timescales
    >>> cal = timescales.Calendar.england_and_wales()
    >>> cal.add_working_days(datetime.date(2019, 12, 20), 20)  # first review
    datetime.date(2020, 1, 22)
    >>> timescales.add_months(datetime.date(2023, 8, 31), 6)   # month end
    datetime.date(2024, 2, 29)

Errors are :class:`TimescalesError` subclasses that are also the matching
built-in exceptions (an invalid date is a ``ValueError``).
"""

from ._ffi import lib as _lib
from .builder import CalendarBuilder
from .calendar import Calendar
from .dates import (MAX_DATE, MIN_DATE, add_days, add_months, add_weeks,
                    date_to_serial, parse_date, serial_to_date)
from .errors import (BufferTooSmallError, FailedPreconditionError,
                     InternalError, InvalidArgumentError, NotFoundError,
                     OutOfRangeError, ResourceExhaustedError, TimescalesError,
                     UnimplementedError)
from .holiday import Holiday, HolidayKind

__all__ = [
    "Calendar",
    "CalendarBuilder",
    "Holiday",
    "HolidayKind",
    "MIN_DATE",
    "MAX_DATE",
    "date_to_serial",
    "serial_to_date",
    "parse_date",
    "add_days",
    "add_weeks",
    "add_months",
    "TimescalesError",
    "InvalidArgumentError",
    "OutOfRangeError",
    "NotFoundError",
    "ResourceExhaustedError",
    "FailedPreconditionError",
    "UnimplementedError",
    "InternalError",
    "BufferTooSmallError",
]

# The version of the loaded C library, which is the package's version.
__version__ = _lib.tsc_version_string().decode("ascii")
