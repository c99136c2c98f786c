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
from ctypes import byref, c_int, c_int32, c_void_p
from typing import Union

from . import _batch, schedule as _schedule
from ._handle import OwnedHandle
from ._ffi import TimescalesP, lib, take_string
from .calendar import Calendar, _text
from .catalogue import RuleCatalogue
from .dates import serial_to_date
from .policy import Policy
from .schedule import _from_c, _moment

__all__ = ["Due", "Timescales", "due"]

Moment = Union[datetime.date, datetime.datetime]


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


def _rules_arg(rules):
    if rules is None or isinstance(rules, RuleCatalogue):
        return rules
    if isinstance(rules, (str, bytes, bytearray)):
        return RuleCatalogue.from_json(rules)
    raise TypeError("rules must be a timescales.RuleCatalogue or JSON text, got %s" %
                    type(rules).__name__)


def _policy_arg(policy):
    if policy is None or isinstance(policy, Policy):
        return policy
    if isinstance(policy, dict):
        return Policy(**policy)
    if isinstance(policy, (str, bytes, bytearray)):
        return Policy.from_json(policy)
    raise TypeError("policy must be a timescales.Policy, a dict of its "
                    "fields or JSON text, got %s" % type(policy).__name__)


class Timescales(OwnedHandle):
    """A calendar, a rule catalogue and a policy, bound together.

    Args:
        calendar: a :class:`timescales.Calendar`; None for England and Wales.
        rules: a :class:`timescales.RuleCatalogue`, or JSON overrides of the
            built-in catalogue; None for the built-in catalogue.
        policy: a :class:`timescales.Policy`, a dict of its fields, or JSON;
            None for the defaults.

    The library copies all three, so they may be closed afterwards. An
    engine is immutable and may be shared between threads; ``close()`` must
    not race with calls in progress on other threads.
    """

    _what = "Timescales engine"

    def __init__(self, calendar=None, rules=None, policy=None):
        if calendar is None:
            calendar = Calendar.england_and_wales()
        elif not isinstance(calendar, Calendar):
            raise TypeError("calendar must be a timescales.Calendar, got %s" %
                            type(calendar).__name__)
        rules = _rules_arg(rules)
        policy = _policy_arg(policy)
        handle = TimescalesP()
        if policy is None:
            lib.tsc_timescales_create(byref(handle), calendar._h(),
                                      None if rules is None else rules._h(),
                                      None)
        else:
            with policy._c_policy() as c_policy:
                lib.tsc_timescales_create(
                    byref(handle), calendar._h(),
                    None if rules is None else rules._h(), c_policy)
        self._own(handle, lib.tsc_timescales_free)
        self.calendar = calendar
        self.policy = policy if policy is not None else Policy()
        self._rules = rules

    @property
    def rules(self):
        """The :class:`timescales.RuleCatalogue` in use."""
        if self._rules is None:
            self._rules = RuleCatalogue.builtin()
        return self._rules

    # ---- Lifetime ---------------------------------------------------------

    def __repr__(self):
        if self._handle is None:
            return "<timescales.Timescales (closed)>"
        return "<timescales.Timescales %r, policy %r>" % (
            self.calendar.name, self.policy.name)

    # ---- Due dates --------------------------------------------------------

    def due(self, rule, anchor):
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
        explanation, working = c_void_p(), c_void_p()  # char **: ours
        lib.tsc_rule_due_explain(byref(explanation), handle, rule_id, day,
                                 minute)
        explanation = take_string(explanation.value)
        lib.tsc_rule_due_working(byref(working), handle, rule_id, day, minute)
        return Due(rule_id=rule_id.decode("utf-8"),
                   anchor=_from_c(day, minute),
                   legal_due=_from_c(legal.value, legal_minute.value),
                   practical_due=serial_to_date(practical.value),
                   provisional=bool(provisional.value),
                   explanation=explanation,
                   working=take_string(working.value))

    def on_time(self, rule, anchor, done):
        """True when ``done`` is at or before the legal due date (or due
        instant). A date-only ``done`` against a timed due instant is judged
        by its date."""
        out = c_int()
        lib.tsc_rule_on_time(byref(out), self._h(), _text(rule, "rule"),
                             *_moment(anchor, "anchor"),
                             *_moment(done, "done"))
        return bool(out.value)

    def lateness(self, rule, anchor, done):
        """Signed working days from the legal due date to ``done``: positive
        when late, zero or negative when in time."""
        out = c_int32()
        lib.tsc_rule_lateness_working_days(
            byref(out), self._h(), _text(rule, "rule"),
            *_moment(anchor, "anchor"), *_moment(done, "done"))
        return out.value

    def due_batch(self, rule, anchors, out=None):
        """Legal due dates of one rule over many date-only anchors.

        Args:
            anchors: a list/tuple of dates (returns a list of dates), or a
                numpy ``datetime64[D]`` array (returns a ``datetime64[D]``
                array of the same shape). A C-contiguous array is read by
                the C library in place, without copying.
            out: numpy only: a C-contiguous ``datetime64[D]`` array of the
                same shape to write into (returned).

        Hour rules use the date-only reading (``lac.sw_report``: the day
        before). Errors name the failing (flat) index.
        """
        rule_id = _text(rule, "rule")
        handle = self._h()
        np = _batch._numpy_for(anchors, out)
        if np is not None:
            arr, shape = _batch._day_array(np, anchors, "anchors")
            result = _batch._out_array(np, out, shape, _batch._DAY)
            lib.tsc_rule_due_batch_i64(_batch._ptr(result), handle, rule_id,
                                       _batch._ptr(arr), arr.size)
            return result
        _batch._no_out(out)
        serials = _batch._day_list(anchors, "anchors")
        count = len(serials)
        out_buf = (c_int32 * count)()
        lib.tsc_rule_due_batch(out_buf, handle, rule_id,
                               (c_int32 * count)(*serials), count)
        return [serial_to_date(v) for v in out_buf]

    # ---- Review schedules --------------------------------------------------

    def lac_schedule(self, start, reviews, as_at, end=None,
                     short_break=False, sw_reports=None, decisions=None,
                     records=None):
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

    def cp_schedule(self, icpc, conferences, as_at, end=None,
                    first_core_group=None):
        """The review conferences of one child protection plan from its
        initial conference (``icpc``), with the first core group (held on
        ``first_core_group``, None if not yet), as at the end of ``as_at``.
        """
        return _schedule.cp(self._h(), icpc, list(conferences), as_at, end,
                            first_core_group)


_default = None
_default_lock = threading.Lock()


def _default_timescales():
    """The shared engine of :func:`due`: England and Wales, the built-in
    catalogue, the default policy."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Timescales()
        return _default


def due(rule, anchor, *, policy=None, calendar=None, rules=None):
    """The due date of ``rule`` from ``anchor``, explained: a :class:`Due`.

    ``policy``, ``calendar`` and ``rules`` are as for :class:`Timescales`;
    without them the England and Wales calendar, the built-in catalogue and
    the default policy are used (one shared engine).

    Example::

        due("cp.icpc", date(2022, 9, 12)).legal_due   # date(2022, 10, 4)
    """
    if policy is None and calendar is None and rules is None:
        return _default_timescales().due(rule, anchor)
    with Timescales(calendar=calendar, rules=rules, policy=policy) as ts:
        return ts.due(rule, anchor)
