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

Due dates of the rule catalogue, explained, and review schedules::

    >>> d = timescales.due("lac.first_review", datetime.date(2019, 12, 20))
    >>> d.legal_due, "Christmas Day" in d.working
    (datetime.date(2020, 1, 22), True)
    >>> ts = timescales.Timescales(policy=timescales.Policy(
    ...     sw_report_working_days=3))
    >>> ts.due("lac.sw_report", datetime.date(2024, 1, 2)).legal_due
    datetime.date(2023, 12, 27)

The KPIs of an IRO annual report and the LAC review monitoring list, from
SSDA903, CIN census and meetings.csv extracts (paths or in-memory
buffers); see :mod:`timescales.reporting`::

    r = timescales.report(ssda903="extracts/903", meetings="meetings.csv",
                          period="2019-20")
    r["kpis"][0]["id"]        # 'lac_review_timeliness'
    timescales.monitoring_list(ssda903="extracts/903",
                               as_at=datetime.date(2020, 3, 31))
    timescales.cases_dataframe(ssda903="extracts/903",  # the case rows
                               period="2019-20")       # (pandas)

Columns of dates (lists, numpy datetime64 of any unit, pandas Series),
missing dates (NaT) giving missing results::

    df["due"] = timescales.due_batch("lac.first_review", df["DECOM"])
    df["late_by"] = timescales.lateness_batch("lac.first_review",
                                              df["DECOM"], df["REVIEW"])

Errors are :class:`TimescalesError` subclasses that are also the matching
built-in exceptions (an invalid date is a ``ValueError``).

Every public function and class is annotated (checked with ``mypy
--strict``); options are strings typed as ``Literal`` (``Counting``,
``Roll``, ``MonthConvention``, ``Merge``, ``IcpcAnchor``, ``SwReport``,
``Participation``), so a type checker catches ``counting="start_exclude"``.
"""

from typing import Any

from ._ffi import lib as _lib
from .builder import CalendarBuilder
from .calendar import Calendar
from .catalogue import Rule, RuleCatalogue, rules
from .dates import (MAX_DATE, MIN_DATE, add_days, add_months, add_weeks,
                    date_to_serial, parse_date, serial_to_date)
from .errors import (BufferTooSmallError, FailedPreconditionError,
                     InternalError, InvalidArgumentError, NotFoundError,
                     OutOfRangeError, ResourceExhaustedError, TimescalesError,
                     UnimplementedError)
from .engine import (DateBatch, Due, Timescales, due, due_batch,
                     lateness_batch, on_time_batch)
from .holiday import Holiday, HolidayKind
from ._options import (Counting, IcpcAnchor, Merge, MonthConvention,
                       Participation, Roll, SlotStatus, SwReport, Unit)
from .policy import Policy
from .reporting import (cases_dataframe, chairs_dataframe,
                        monitoring_dataframe, monitoring_list, report,
                        report_dataframe)
from .schedule import Deadline, Schedule, Slot

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
    "Policy",
    "Rule",
    "RuleCatalogue",
    "rules",
    "Timescales",
    "Due",
    "due",
    "due_batch",
    "on_time_batch",
    "lateness_batch",
    "DateBatch",
    "Counting",
    "Roll",
    "MonthConvention",
    "Merge",
    "IcpcAnchor",
    "SwReport",
    "Participation",
    "Unit",
    "SlotStatus",
    "Schedule",
    "Slot",
    "Deadline",
    "report",
    "report_dataframe",
    "chairs_dataframe",
    "cases_dataframe",
    "monitoring_list",
    "monitoring_dataframe",
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
__version__: str = _lib.tsc_version_string().decode("ascii")


def __getattr__(name: str) -> Any:
    # Names replaced in 0.2, kept with a warning until 0.3.
    if name == "Rules":
        import warnings
        warnings.warn("timescales.Rules is now timescales.RuleCatalogue; "
                      "the old name goes in 0.3", DeprecationWarning,
                      stacklevel=2)
        return RuleCatalogue
    raise AttributeError("module 'timescales' has no attribute %r" % name)
