"""Review schedules: the slots of a period of care or a child protection plan.

Made by :meth:`timescales.Timescales.lac_schedule` and
:meth:`timescales.Timescales.cp_schedule`::

    s = timescales.Timescales().lac_schedule(
        date(2019, 12, 20), [date(2020, 1, 22), date(2020, 4, 23)],
        as_at=date(2020, 11, 1))
    [(x.legal_due, x.status) for x in s.slots]
    # [(date(2020, 1, 22), 'on_time'), (date(2020, 4, 22), 'late'),
    #  (date(2020, 10, 23), 'overdue')]
    s.next_due  # date(2020, 10, 23)

Statuses (as at the end of ``as_at``): ``"on_time"``, ``"late"``,
``"overdue"``, ``"due_soon"``, ``"not_yet_due"``, ``"not_required"``.
The values are parsed from the library's own JSON (``tsc_schedule_to_json``),
which :attr:`Schedule.raw_json` keeps.
"""

import dataclasses
import datetime
import json
import sys
from ctypes import Array, byref, c_int32, c_void_p
from typing import (Any, Dict, Iterable, List, Literal, Optional, Sequence,
                    Tuple, TypeVar, Union)

from ._ffi import ScheduleP, lib, take_string
from ._options import SlotStatus
from .dates import _serial, serial_to_date

__all__ = ["Schedule", "Slot", "Deadline", "STATUSES", "NO_DATE",
           "SlotStatus", "ScheduleKind", "Moment"]

# TSC_NO_DATE in c.h: an open period, no core group yet.
NO_DATE = -(2 ** 31)
# TSC_NO_TIME in c.h: a date without a time of day.
NO_TIME = -1
# TSC_SLOT_* in c.h, by value.
STATUSES: Tuple[SlotStatus, ...] = (
    "on_time", "late", "overdue", "due_soon", "not_yet_due", "not_required")
# Schedule.kind.
ScheduleKind = Literal["lac", "lac_short_break", "cp"]

_T = TypeVar("_T")

# A date, or a datetime for an event with a time of day.
Moment = Union[datetime.date, datetime.datetime]


@dataclasses.dataclass(frozen=True)
class Deadline:
    """A deadline that follows from a held review: decisions circulated,
    record distributed, social worker's report received.

    ``legal_due`` is a ``datetime`` for an hour rule with a timed review.
    """

    rule_id: str
    legal_due: Moment
    practical_due: datetime.date
    done: Optional[Moment]
    status: SlotStatus
    anchor: Optional[Moment] = None
    provisional: bool = False
    working: str = ""


@dataclasses.dataclass(frozen=True)
class Slot:
    """One review (or conference) the schedule needs.

    Attributes:
        number: 1-based position in the schedule.
        rule_id: e.g. ``"lac.second_review"``.
        legal_due: the statutory deadline (compliance is judged on it).
        practical_due: the last working day on or before it.
        held: the review that filled the slot, or None.
        status: one of :data:`STATUSES`.
        working_days_late: after the legal due date, to the review when held
            late, to the as-at date when overdue; else 0.
        deadlines: for a held LAC review, its :class:`Deadline` list.
        anchor: what the due date counts from (the start or the previous
            review as actually held).
        working: the one-line working, e.g. "3 months after ...".
    """

    number: int
    rule_id: str
    legal_due: Moment
    practical_due: datetime.date
    held: Optional[Moment]
    status: SlotStatus
    working_days_late: int
    deadlines: List[Deadline] = dataclasses.field(default_factory=list)
    anchor: Optional[Moment] = None
    provisional: bool = False
    working: str = ""


@dataclasses.dataclass(frozen=True)
class Schedule:
    """The schedule of one period of care or one CP plan, as at a date.

    Attributes:
        kind: ``"lac"``, ``"lac_short_break"`` or ``"cp"``.
        start, end, as_at: the period (``end`` None while open) and the day
            the statuses are as at (its end).
        slots: every :class:`Slot`, in order.
        core_group: CP plans: the first core group, as a :class:`Slot`.
        next_due: the legal due date of the slot still to be filled, or
            None when none is needed.
        duplicates: reviews held on a date already filled (counted once).
        policy, calendar: what produced the dates.
        raw_json: the library's JSON, as parsed.
    """

    kind: ScheduleKind
    start: datetime.date
    end: Optional[datetime.date]
    as_at: datetime.date
    slots: List[Slot]
    core_group: Optional[Slot]
    next_due: Optional[datetime.date]
    duplicates: List[Moment]
    policy: str = ""
    calendar: str = ""
    raw_json: str = dataclasses.field(default="", repr=False, compare=False)

    @property
    def overdue(self) -> List[Slot]:
        """The slots overdue as at ``as_at``."""
        return [s for s in self.slots if s.status == "overdue"]


# ---- Conversions -----------------------------------------------------------

def _moment(value: Moment, what: str) -> Tuple[int, int]:
    """(serial day, minute of day or NO_TIME) of a date or datetime.

    A naive datetime is a Europe/London wall-clock time; an aware one is
    converted to Europe/London first. Seconds are dropped.
    """
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            if sys.version_info >= (3, 9):
                from zoneinfo import ZoneInfo  # aware input only
                value = value.astimezone(ZoneInfo("Europe/London"))
            else:
                raise ValueError(
                    "%s: an aware datetime needs Python 3.9+ (zoneinfo); "
                    "pass a naive Europe/London time" % what)
        return _serial(value, what), value.hour * 60 + value.minute
    return _serial(value, what), NO_TIME


def _from_c(serial: int, minute: int) -> Moment:
    """A date, or a datetime when ``minute`` is not NO_TIME."""
    day = serial_to_date(serial)
    if minute == NO_TIME:
        return day
    return datetime.datetime.combine(
        day, datetime.time(minute // 60, minute % 60))


def _parse_date(text: Optional[str]) -> Optional[datetime.date]:
    return None if text is None else datetime.date.fromisoformat(text)


def _parse_moment(text: Optional[str]) -> Optional[Moment]:
    """``yyyy-mm-dd`` (a date) or ``yyyy-mm-ddTHH:MM`` (a datetime)."""
    if text is None:
        return None
    if "T" in text:
        return datetime.datetime.fromisoformat(text)
    return datetime.date.fromisoformat(text)


def _required(value: Optional[_T]) -> _T:
    """A date the library always writes (never null in its JSON)."""
    if value is None:
        raise ValueError("the library's schedule JSON lacks a date")
    return value


def _deadline(j: Dict[str, Any]) -> Deadline:
    return Deadline(rule_id=j["rule"],
                    legal_due=_required(_parse_moment(j["legal_due"])),
                    practical_due=_required(_parse_date(j["practical_due"])),
                    done=_parse_moment(j["done"]), status=j["status"],
                    anchor=_parse_moment(j["anchor"]),
                    provisional=j["provisional"], working=j["working"])


def _slot(j: Dict[str, Any]) -> Slot:
    return Slot(number=j["number"], rule_id=j["rule"],
                legal_due=_required(_parse_moment(j["legal_due"])),
                practical_due=_required(_parse_date(j["practical_due"])),
                held=_parse_moment(j["held"]), status=j["status"],
                working_days_late=j["working_days_late"],
                deadlines=[_deadline(d) for d in j["deadlines"]],
                anchor=_parse_moment(j["anchor"]),
                provisional=j["provisional"], working=j["working"])


def _from_json(text: str) -> Schedule:
    j = json.loads(text)
    return Schedule(
        kind=j["kind"], start=_required(_parse_date(j["start"])),
        end=_parse_date(j["end"]), as_at=_required(_parse_date(j["as_at"])),
        slots=[_slot(s) for s in j["slots"]],
        core_group=None if j["core_group"] is None else _slot(j["core_group"]),
        next_due=_parse_date(j["next_due"]),
        duplicates=[_required(_parse_moment(d)) for d in j["duplicates"]],
        policy=j["policy"], calendar=j["calendar"], raw_json=text)


def _optional_serial(value: Optional[datetime.date], what: str) -> int:
    return NO_DATE if value is None else _serial(value, what)


def _take(handle: Any) -> Schedule:
    """The Schedule of a new tsc_schedule*, which is then freed."""
    try:
        out = c_void_p()  # char **: ours to free
        lib.tsc_schedule_to_json(byref(out), handle)
        return _from_json(take_string(out.value) or "")
    finally:
        lib.tsc_schedule_free(handle)


# ---- Construction (called by Timescales) -----------------------------------

_Column = Tuple[Optional["Array[c_int32]"], Optional["Array[c_int32]"]]


def _moments(values: Optional[Iterable[Optional[Moment]]], count: int,
             what: str) -> _Column:
    """(days, minutes) C arrays of ``count`` dates or datetimes, None (not
    done) as NO_DATE; both None when ``values`` is None (none known)."""
    if values is None:
        return None, None
    items = list(values)
    if len(items) != count:
        raise ValueError("%s has %d values; there are %d reviews"
                         % (what, len(items), count))
    pairs = [(NO_DATE, NO_TIME) if v is None
             else _moment(v, "%s[%d]" % (what, i))
             for i, v in enumerate(items)]
    return ((c_int32 * count)(*(d for d, _ in pairs)),
            (c_int32 * count)(*(m for _, m in pairs)))


def lac(ts_handle: Any, start: datetime.date, reviews: Sequence[Moment],
        as_at: datetime.date, end: Optional[datetime.date],
        short_break: bool,
        sw_reports: Optional[Iterable[Optional[Moment]]] = None,
        decisions: Optional[Iterable[Optional[Moment]]] = None,
        records: Optional[Iterable[Optional[Moment]]] = None) -> Schedule:
    moments = [_moment(r, "reviews[%d]" % i) for i, r in enumerate(reviews)]
    count = len(moments)
    days = (c_int32 * count)(*(d for d, _ in moments))
    minutes = (c_int32 * count)(*(m for _, m in moments))
    done: List[Optional["Array[c_int32]"]] = []
    for values, what in ((sw_reports, "sw_reports"), (decisions, "decisions"),
                         (records, "records")):
        done.extend(_moments(values, count, what))
    handle = ScheduleP()
    lib.tsc_schedule_lac_done(byref(handle), ts_handle,
                              _serial(start, "start"),
                              _optional_serial(end, "end"),
                              1 if short_break else 0, days, minutes, count,
                              *done, _serial(as_at, "as_at"))
    return _take(handle)


def cp(ts_handle: Any, icpc: datetime.date,
       conferences: Sequence[datetime.date], as_at: datetime.date,
       end: Optional[datetime.date],
       first_core_group: Optional[datetime.date]) -> Schedule:
    serials = [_serial(c, "conferences[%d]" % i)
               for i, c in enumerate(conferences)]
    count = len(serials)
    handle = ScheduleP()
    lib.tsc_schedule_cp(byref(handle), ts_handle, _serial(icpc, "icpc"),
                        _optional_serial(end, "end"),
                        _optional_serial(first_core_group, "first_core_group"),
                        (c_int32 * count)(*serials), count,
                        _serial(as_at, "as_at"))
    return _take(handle)
