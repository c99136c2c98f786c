"""The options of the package, as ``Literal`` string types.

Every option is passed as a string, which a type checker verifies against
these types (``counting="start_is_day_one"``). The C constants behind them
are private; the old public tables of them (``calendar.COUNTING``,
``calendar.ROLLS``, ``builder.MERGES``, ``policy.ICPC_ANCHORS``,
``policy.PARTICIPATION``: dicts of strings to ints) still work with a
DeprecationWarning until 0.3.
"""

import datetime
import warnings
from typing import (TYPE_CHECKING, Any, Dict, Literal, Mapping, Optional,
                    Sequence, SupportsIndex, Union)

if TYPE_CHECKING:  # numpy is optional
    import numpy

__all__ = ["Counting", "Roll", "MonthConvention", "Merge", "IcpcAnchor",
           "SwReport", "Participation", "Unit", "SlotStatus", "DateBatch",
           "DateList", "IntBatch"]

# How working days are counted from an event (Calendar, Policy).
Counting = Literal["start_excluded", "start_is_day_one"]
# How Calendar.adjust rolls a day to a working day.
Roll = Literal["unadjusted", "following", "preceding", "modified_following",
               "modified_preceding"]
# How months are added (add_months, Policy.months).
MonthConvention = Literal["corresponding_date", "day_before_corresponding",
                          "fixed_days"]
# How CalendarBuilder.load_govuk_json merges a GOV.UK file.
Merge = Literal["overlay", "replace"]
# Which strategy discussion the initial conference counts from (Policy).
IcpcAnchor = Literal["initiating", "last"]
# When the social worker's report is due (Policy).
SwReport = Literal["24_hours", "working_days"]
# How the participation KPI counts (Policy).
Participation = Literal["reviews", "attendance", "children"]
# The unit of a catalogue rule (Rule.unit).
Unit = Literal["working_days", "days", "weeks", "months", "hours"]
# The status of a schedule's slot or deadline (Slot.status).
SlotStatus = Literal["on_time", "late", "overdue", "due_soon", "not_yet_due",
                     "not_required"]

# What a batch takes: a list or tuple of dates (None for a missing one), a
# numpy datetime64 array of any unit, or a pandas Series or Index of dates
# (pandas is untyped, hence Any). The result is of the same kind (see
# timescales._batch).
DateBatch = Union[Sequence[Optional[datetime.date]], "numpy.ndarray[Any, Any]",
                  Any]
# The list form of a batch: what a list of dates gives (a numpy array or a
# pandas Series gives an array or Series of the same kind, typed Any).
DateList = Sequence[Optional[datetime.date]]
# One integer per day of a batch: a sequence or an integer numpy array.
IntBatch = Union[Sequence[SupportsIndex], "numpy.ndarray[Any, Any]"]


def deprecated_table(module: str, name: str, table: Mapping[str, int],
                     option: str) -> Dict[str, int]:
    """A copy of a private table of C constants, with the
    DeprecationWarning of its old public name (called from a module's
    ``__getattr__``)."""
    warnings.warn(
        "timescales.%s.%s (a dict of C constants) is deprecated and goes in "
        "0.3: pass %s as one of the strings %s (typed as timescales.%s)" %
        (module, name, option, ", ".join(repr(k) for k in table),
         _TYPE_NAMES[name]),
        DeprecationWarning, stacklevel=3)
    return dict(table)


_TYPE_NAMES: Dict[str, str] = {
    "COUNTING": "Counting", "ROLLS": "Roll", "MERGES": "Merge",
    "ICPC_ANCHORS": "IcpcAnchor", "PARTICIPATION": "Participation"}

