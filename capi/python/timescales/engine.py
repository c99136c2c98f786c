"""Due dates with their working shown.

:func:`due` answers "when is this due, and why?" for one rule of the
catalogue and one anchor::

    >>> import datetime, timescales
    >>> d = timescales.due("lac.first_review", datetime.date(2019, 12, 20))
    >>> d.legal_due
    datetime.date(2020, 1, 22)
    >>> d.working[:37], "Wed 25 Dec Christmas Day" in d.working
    ('20 working days after Fri 20 Dec 2019', True)

A :class:`Timescales` binds a calendar, a rule catalogue and a policy, for
many questions under the same choices, batches and review schedules::

    ts = timescales.Timescales(policy=timescales.Policy(
        sw_report_working_days=3))
    ts.due("lac.sw_report", datetime.datetime(2024, 1, 2, 10, 0))
    ts.due_batch("cp.icpc", numpy_days)        # datetime64[D], no copy
    ts.lac_schedule(start, reviews, as_at=today)

Anchors and completions: a ``datetime.date`` is a date only; a
``datetime.datetime`` carries its time of day (naive: Europe/London wall
clock; aware: converted to Europe/London). Hour rules ("24 hours before the
review") count elapsed hours across clock changes when the anchor has a
time, and return a ``datetime``; every other rule returns a ``date``.
"""

import dataclasses
import datetime
import threading
import warnings
from ctypes import byref, c_int, c_int32, c_void_p
from typing import (TYPE_CHECKING, Any, Iterable, List, Mapping, Optional,
                    Sequence, Union, overload)

from . import _batch, schedule as _schedule
from ._handle import OwnedHandle
from ._ffi import TimescalesP, lib, take_string
from ._options import DateBatch, DateList
from .calendar import Calendar, Text, _text
from .catalogue import RuleCatalogue
from .dates import serial_to_date
from .policy import Policy
from .schedule import Schedule, _from_c, _moment

if TYPE_CHECKING:  # numpy and pandas are optional
    import numpy

__all__ = ["Due", "Timescales", "due", "due_batch", "on_time_batch",
           "lateness_batch", "DateBatch", "PolicyArg", "RulesArg"]

Moment = Union[datetime.date, datetime.datetime]
# A policy: a Policy, or its JSON text (a Mapping of its fields still works,
# deprecated: a DeprecationWarning).
PolicyArg = Union[None, Policy, Text, Mapping[str, Any]]
# Rules: a RuleCatalogue, or JSON overrides of the built-in catalogue.
RulesArg = Union[None, RuleCatalogue, Text]


@dataclasses.dataclass(frozen=True)
class Due:
    """A due date and why.

    Attributes:
        rule_id: the rule applied, e.g. ``"lac.first_review"``.
        anchor: the date (or datetime) counted from.
        legal_due: the statutory deadline, against which compliance is
            judged: a ``date``, or a ``datetime`` for an hour rule with a
            timed anchor.
        practical_due: the last working day on or before ``legal_due``.
        provisional: True when the anchor or the due date is past the
            holiday data (holidays projected, may change).
        explanation: the full explanation, one fact a line: rule and
            source, the working, the practical due date when it differs,
            the policy and the calendar with its data version.
        working: the one-line working, naming every skipped holiday.
    """

    rule_id: str
    anchor: Moment
    legal_due: Moment
    practical_due: datetime.date
    provisional: bool
    explanation: str
    working: str


def _rules_arg(rules: RulesArg) -> Optional[RuleCatalogue]:
    if rules is None or isinstance(rules, RuleCatalogue):
        return rules
    if isinstance(rules, (str, bytes, bytearray, memoryview)):
        return RuleCatalogue.from_json(rules)
    raise TypeError("rules must be a timescales.RuleCatalogue or JSON text, got %s" %
                    type(rules).__name__)


def _policy_arg(policy: PolicyArg, stacklevel: int) -> Optional[Policy]:
    """The Policy of a ``policy=`` argument; ``stacklevel`` is the frames
    from here to the caller's call (for the DeprecationWarning)."""
    if policy is None or isinstance(policy, Policy):
        return policy
    if isinstance(policy, (str, bytes, bytearray, memoryview)):
        return Policy.from_json(policy)
    if isinstance(policy, Mapping):
        # Before 0.2 options were passed as dicts; a Policy is checked by
        # the type checker, field by field.
        warnings.warn(
            "policy as a dict is deprecated and goes in 0.3; pass "
            "timescales.Policy(**fields) (or its JSON text)",
            DeprecationWarning, stacklevel=stacklevel)
        return Policy(**policy)
    raise TypeError("policy must be a timescales.Policy or JSON text, got %s"
                    % type(policy).__name__)


class Timescales(OwnedHandle):
    """A calendar, a rule catalogue and a policy, bound together.

    Args:
        calendar: a :class:`timescales.Calendar`; None for England and Wales.
        rules: a :class:`timescales.RuleCatalogue`, or JSON overrides of the
            built-in catalogue; None for the built-in catalogue.
        policy: a :class:`timescales.Policy` or its JSON; None for the
            defaults. (A dict of its fields still works, with a
            DeprecationWarning.)

    The library copies all three, so they may be closed afterwards. An
    engine is immutable and may be shared between threads; ``close()`` must
    not race with calls in progress on other threads.
    """

    _what = "Timescales engine"

    calendar: Calendar
    policy: Policy
    _rules: Optional[RuleCatalogue]

    def __init__(self, calendar: Optional[Calendar] = None,
                 rules: RulesArg = None, policy: PolicyArg = None) -> None:
        if calendar is None:
            calendar = Calendar.england_and_wales()
        elif not isinstance(calendar, Calendar):
            raise TypeError("calendar must be a timescales.Calendar, got %s" %
                            type(calendar).__name__)
        catalogue = _rules_arg(rules)
        chosen = _policy_arg(policy, 3)
        handle = TimescalesP()
        if chosen is None:
            lib.tsc_timescales_create(
                byref(handle), calendar._h(),
                None if catalogue is None else catalogue._h(), None)
        else:
            with chosen._c_policy() as c_policy:
                lib.tsc_timescales_create(
                    byref(handle), calendar._h(),
                    None if catalogue is None else catalogue._h(), c_policy)
        self._own(handle, lib.tsc_timescales_free)
        self.calendar = calendar
        self.policy = chosen if chosen is not None else Policy()
        self._rules = catalogue

    @property
    def rules(self) -> RuleCatalogue:
        """The :class:`timescales.RuleCatalogue` in use."""
        if self._rules is None:
            self._rules = RuleCatalogue.builtin()
        return self._rules

    # ---- Lifetime ---------------------------------------------------------

    def __repr__(self) -> str:
        if self._handle is None:
            return "<timescales.Timescales (closed)>"
        return "<timescales.Timescales %r, policy %r>" % (
            self.calendar.name, self.policy.name)

    # ---- Due dates --------------------------------------------------------

    def due(self, rule: str, anchor: Moment) -> Due:
        """The due date of ``rule`` (an id such as ``"cp.icpc"``) from
        ``anchor`` (a date, or a datetime for a timed event), explained.

        Raises:
            NotFoundError: an unknown rule id (a ``LookupError``; the message
                lists the known ids).
            OutOfRangeError: a date outside 1900..2199, or past the holiday
                data under a strict policy.
        """
        rule_id = _text(rule, "rule")
        day, minute = _moment(anchor, "anchor")
        handle = self._h()
        legal, legal_minute = c_int32(), c_int32()
        practical, provisional = c_int32(), c_int()
        lib.tsc_rule_due(byref(legal), byref(legal_minute), byref(practical),
                         byref(provisional), handle, rule_id, day, minute)
        explained, working = c_void_p(), c_void_p()  # char **: ours
        lib.tsc_rule_due_explain(byref(explained), handle, rule_id, day,
                                 minute)
        explanation = take_string(explained.value) or ""
        lib.tsc_rule_due_working(byref(working), handle, rule_id, day, minute)
        return Due(rule_id=rule_id.decode("utf-8"),
                   anchor=_from_c(day, minute),
                   legal_due=_from_c(legal.value, legal_minute.value),
                   practical_due=serial_to_date(practical.value),
                   provisional=bool(provisional.value),
                   explanation=explanation,
                   working=take_string(working.value) or "")

    def on_time(self, rule: str, anchor: Moment, done: Moment) -> bool:
        """True when ``done`` is at or before the legal due date (or due
        instant). A date-only ``done`` against a timed due instant is judged
        by its date."""
        out = c_int()
        lib.tsc_rule_on_time(byref(out), self._h(), _text(rule, "rule"),
                             *_moment(anchor, "anchor"),
                             *_moment(done, "done"))
        return bool(out.value)

    def lateness(self, rule: str, anchor: Moment, done: Moment) -> int:
        """Signed working days from the legal due date to ``done``: positive
        when late, zero or negative when in time."""
        out = c_int32()
        lib.tsc_rule_lateness_working_days(
            byref(out), self._h(), _text(rule, "rule"),
            *_moment(anchor, "anchor"), *_moment(done, "done"))
        return out.value

    @overload
    def due_batch(self, rule: str, anchors: DateList,
                  out: None = None) -> List[Optional[datetime.date]]: ...

    @overload
    def due_batch(self, rule: str, anchors: DateBatch,
                  out: Optional["numpy.ndarray[Any, Any]"] = None) -> Any: ...

    def due_batch(self, rule: str, anchors: DateBatch,
                  out: Optional["numpy.ndarray[Any, Any]"] = None) -> Any:
        """Legal due dates of one rule over many date-only anchors.

        Args:
            anchors: a list/tuple of dates (returns a list of dates), a
                numpy ``datetime64`` array of any unit (returns an array of
                the same shape: ``datetime64[D]``, or the input's unit when
                finer, so ``datetime64[ns]`` stays ``datetime64[ns]``), or a
                pandas Series or Index (returns one with the same index and
                name). A C-contiguous ``datetime64[D]`` array is read by the
                C library in place, without copying. A missing anchor
                (``None``, ``NaT``) gives a missing due date, never an
                error for the batch.
            out: numpy only: a C-contiguous ``datetime64[D]`` array of the
                same shape to write into (returned).

        Hour rules use the date-only reading (``lac.sw_report``: the day
        before); a time of day in a ``datetime64`` value is dropped. Errors
        name the failing (flat) index.
        """
        return _batch.due(self._h(), _text(rule, "rule"), anchors, out)

    @overload
    def on_time_batch(self, rule: str, anchors: DateList,
                      done: DateList) -> List[Optional[bool]]: ...

    @overload
    def on_time_batch(self, rule: str, anchors: DateBatch,
                      done: DateBatch) -> Any: ...

    def on_time_batch(self, rule: str, anchors: DateBatch,
                      done: DateBatch) -> Any:
        """:meth:`on_time` over many date-only anchors and completions,
        pairwise: True where ``done`` is on or before the legal due date.

        ``anchors`` and ``done`` are lists, numpy ``datetime64`` arrays of
        any unit or pandas Series/Index of equal length (a Series result
        keeps ``anchors``' index and name). A missing anchor or completion
        (``None``, ``NaT``: not done yet) is missing in the result:
        ``None`` in a list, ``<NA>`` in a Series (``boolean`` dtype); a
        numpy result is ``bool``, or ``float64`` with NaN when any value
        is missing.
        """
        return _batch.on_time(self._h(), self.calendar._h(),
                              _text(rule, "rule"), anchors, done)

    @overload
    def lateness_batch(self, rule: str, anchors: DateList,
                       done: DateList) -> List[Optional[int]]: ...

    @overload
    def lateness_batch(self, rule: str, anchors: DateBatch,
                       done: DateBatch) -> Any: ...

    def lateness_batch(self, rule: str, anchors: DateBatch,
                       done: DateBatch) -> Any:
        """:meth:`lateness` over many date-only anchors and completions,
        pairwise: signed working days from the legal due date to ``done``
        (positive when late). Arguments and missing values as
        :meth:`on_time_batch`; a Series result has the nullable ``Int64``
        dtype, a numpy one ``int64`` (``float64`` with NaN when any value
        is missing).
        """
        return _batch.lateness(self._h(), self.calendar._h(),
                               _text(rule, "rule"), anchors, done)

    # ---- Review schedules --------------------------------------------------

    def lac_schedule(
            self, start: datetime.date, reviews: Iterable[Moment],
            as_at: datetime.date, end: Optional[datetime.date] = None,
            short_break: bool = False,
            sw_reports: Optional[Sequence[Optional[Moment]]] = None,
            decisions: Optional[Sequence[Optional[Moment]]] = None,
            records: Optional[Sequence[Optional[Moment]]] = None
    ) -> Schedule:
        """The review schedule of one period of care, as at the end of
        ``as_at``.

        Args:
            start: the day the child became looked after.
            reviews: the reviews held (dates, or datetimes with the time the
                review started, which times the social worker's report
                deadline), in any order.
            end: the day the period of care ended; None while open.
            short_break: reg 48 short breaks (3 months, then 6).
            sw_reports, decisions, records: what was done after each review,
                one value per review in the order of ``reviews``: when the
                social worker's report was received, the decisions sent and
                the record distributed (a date or datetime, None when not
                done). Left out, none is known and every deadline that has
                passed is overdue.

        Returns: a :class:`timescales.Schedule`.
        """
        return _schedule.lac(self._h(), start, list(reviews), as_at, end,
                             short_break, sw_reports, decisions, records)

    def cp_schedule(self, icpc: datetime.date,
                    conferences: Iterable[datetime.date],
                    as_at: datetime.date, end: Optional[datetime.date] = None,
                    first_core_group: Optional[datetime.date] = None
                    ) -> Schedule:
        """The review conferences of one child protection plan from its
        initial conference (``icpc``), with the first core group (held on
        ``first_core_group``, None if not yet), as at the end of ``as_at``.
        """
        return _schedule.cp(self._h(), icpc, list(conferences), as_at, end,
                            first_core_group)


_default: Optional[Timescales] = None
_default_lock = threading.Lock()


def _default_timescales() -> Timescales:
    """The shared engine of :func:`due`: England and Wales, the built-in
    catalogue, the default policy."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Timescales()
        return _default


def due(rule: str, anchor: Moment, *, policy: PolicyArg = None,
        calendar: Optional[Calendar] = None, rules: RulesArg = None) -> Due:
    """The due date of ``rule`` from ``anchor``, explained: a :class:`Due`.

    ``policy``, ``calendar`` and ``rules`` are as for :class:`Timescales`;
    without them the England and Wales calendar, the built-in catalogue and
    the default policy are used (one shared engine).

    Example::

        due("cp.icpc", date(2022, 9, 12)).legal_due   # date(2022, 10, 4)
    """
    ts = _engine(_policy_arg(policy, 3), calendar, rules)
    try:
        return ts.due(rule, anchor)
    finally:
        if ts is not _default:
            ts.close()


def _engine(policy: Optional[Policy], calendar: Optional[Calendar],
            rules: RulesArg) -> Timescales:
    """The shared engine, or a new one the caller closes."""
    if policy is None and calendar is None and rules is None:
        return _default_timescales()
    return Timescales(calendar=calendar, rules=rules, policy=policy)


@overload
def due_batch(rule: str, anchors: DateList, *, policy: PolicyArg = None,
              calendar: Optional[Calendar] = None, rules: RulesArg = None
              ) -> List[Optional[datetime.date]]: ...


@overload
def due_batch(rule: str, anchors: DateBatch, *, policy: PolicyArg = None,
              calendar: Optional[Calendar] = None, rules: RulesArg = None
              ) -> Any: ...


def due_batch(rule: str, anchors: DateBatch, *, policy: PolicyArg = None,
              calendar: Optional[Calendar] = None, rules: RulesArg = None
              ) -> Any:
    """Legal due dates of ``rule`` over a column of anchors: a list, a
    numpy ``datetime64`` array (any unit) or a pandas Series/Index, the
    result of the same kind; NaT in, NaT out (:meth:`Timescales.due_batch`).
    ``policy``, ``calendar`` and ``rules`` as for :func:`due`::

        df["due"] = timescales.due_batch("lac.first_review", df["DECOM"])
    """
    ts = _engine(_policy_arg(policy, 3), calendar, rules)
    try:
        return ts.due_batch(rule, anchors)
    finally:
        if ts is not _default:
            ts.close()


@overload
def on_time_batch(rule: str, anchors: DateList, done: DateList, *,
                  policy: PolicyArg = None,
                  calendar: Optional[Calendar] = None,
                  rules: RulesArg = None) -> List[Optional[bool]]: ...


@overload
def on_time_batch(rule: str, anchors: DateBatch, done: DateBatch, *,
                  policy: PolicyArg = None,
                  calendar: Optional[Calendar] = None,
                  rules: RulesArg = None) -> Any: ...


def on_time_batch(rule: str, anchors: DateBatch, done: DateBatch, *,
                  policy: PolicyArg = None,
                  calendar: Optional[Calendar] = None,
                  rules: RulesArg = None) -> Any:
    """Whether each ``done`` is on or before the legal due date of ``rule``
    from its anchor (:meth:`Timescales.on_time_batch`)::

        df["on_time"] = timescales.on_time_batch(
            "lac.first_review", df["DECOM"], df["REVIEW"])
    """
    ts = _engine(_policy_arg(policy, 3), calendar, rules)
    try:
        return ts.on_time_batch(rule, anchors, done)
    finally:
        if ts is not _default:
            ts.close()


@overload
def lateness_batch(rule: str, anchors: DateList, done: DateList, *,
                   policy: PolicyArg = None,
                   calendar: Optional[Calendar] = None,
                   rules: RulesArg = None) -> List[Optional[int]]: ...


@overload
def lateness_batch(rule: str, anchors: DateBatch, done: DateBatch, *,
                   policy: PolicyArg = None,
                   calendar: Optional[Calendar] = None,
                   rules: RulesArg = None) -> Any: ...


def lateness_batch(rule: str, anchors: DateBatch, done: DateBatch, *,
                   policy: PolicyArg = None,
                   calendar: Optional[Calendar] = None,
                   rules: RulesArg = None) -> Any:
    """Signed working days from the legal due date of ``rule`` to each
    ``done``, positive when late (:meth:`Timescales.lateness_batch`)."""
    ts = _engine(_policy_arg(policy, 3), calendar, rules)
    try:
        return ts.lateness_batch(rule, anchors, done)
    finally:
        if ts is not _default:
            ts.close()
