"""Policies: a local authority's choices where the sources disagree.

A :class:`Policy` is a plain frozen value; the engine
(:class:`timescales.Timescales`) copies it into the C library. The defaults
are the project's (docs/conventions.md#defaults-and-why)::

    >>> from timescales import Policy
    >>> Policy().describe()[:40]
    'default (event day excluded; months by c'
    >>> # The event day as day 1; the report 3 working days before.
    >>> local = Policy(counting="start_is_day_one", sw_report_working_days=3)

Invalid values raise :class:`timescales.InvalidArgumentError` (a
``ValueError``) when the policy is made, with the library's message.
"""

import contextlib
import dataclasses
import json
import operator
from ctypes import byref, c_void_p
from typing import (TYPE_CHECKING, Any, Dict, Iterator, Optional,
                    SupportsIndex, Tuple, Type, TypeVar)

from . import errors
from ._ffi import PolicyP, lib, take_string
from ._options import (Counting, IcpcAnchor, MonthConvention, Participation,
                       SwReport, deprecated_table)
from .calendar import Text, _COUNTING, _text
from .dates import _MONTH_CONVENTIONS, _choice

__all__ = ["Policy", "SW_REPORTS", "Counting", "MonthConvention",
           "IcpcAnchor", "SwReport", "Participation"]

_P = TypeVar("_P", bound="Policy")

# Values of TSC_ICPC_ANCHOR_* in c.h.
_ICPC_ANCHORS: Dict[str, int] = {"initiating": 0, "last": 1}
# Values of TSC_PARTICIPATION_* in c.h.
_PARTICIPATION: Dict[str, int] = {"reviews": 0, "attendance": 1,
                                  "children": 2}
# The social worker's report rules, as named in JSON.
SW_REPORTS: Tuple[SwReport, ...] = ("24_hours", "working_days")

if TYPE_CHECKING:
    # The old public tables (dicts of C constants): deprecated.
    ICPC_ANCHORS: Dict[str, int]
    PARTICIPATION: Dict[str, int]
else:
    def __getattr__(name: str) -> Dict[str, int]:
        if name == "ICPC_ANCHORS":
            return deprecated_table("policy", name, _ICPC_ANCHORS,
                                    "icpc_anchor")
        if name == "PARTICIPATION":
            return deprecated_table("policy", name, _PARTICIPATION,
                                    "participation")
        raise AttributeError("module %r has no attribute %r" %
                             (__name__, name))


@dataclasses.dataclass(frozen=True)
class Policy:
    """A policy, field for field as in the JSON configuration.

    Attributes:
        counting: ``"start_excluded"`` (default: the event day is excluded)
            or ``"start_is_day_one"`` (a working event day is day 1).
        months: ``"corresponding_date"`` (default, Dodds v Walker),
            ``"day_before_corresponding"`` or ``"fixed_days"`` (91/183).
        icpc_anchor: ``"initiating"`` (default) or ``"last"`` strategy
            discussion. Recorded in explanations; the caller chooses which
            discussion to pass as the ``cp.icpc`` anchor.
        sw_report: when the social worker's report is due:
            ``"24_hours"`` before the review, or ``"working_days"`` (then
            ``sw_report_working_days`` before). Left as None it is
            ``"working_days"`` when ``sw_report_working_days`` is given and
            ``"24_hours"`` otherwise.
        sw_report_working_days: 0 to 1000; None means 3.
        strict_holidays: a due date past the holiday data raises
            OutOfRangeError instead of being provisional.
        due_soon_working_days: a slot not yet due is ``"due_soon"`` within
            this many working days (0 to 1000).
        participation: how the participation KPI of ``report()`` counts:
            ``"reviews"`` (default: PN1-PN6 of PN1-PN7), ``"attendance"``
            (PN1-PN4 of PN1-PN7) or ``"children"`` (children whose every
            review in the period is PN1-PN6).
        name: the name explanations give the policy.
    """

    counting: Counting = "start_excluded"
    months: MonthConvention = "corresponding_date"
    icpc_anchor: IcpcAnchor = "initiating"
    sw_report: Optional[SwReport] = None
    sw_report_working_days: Optional[int] = None
    strict_holidays: bool = False
    due_soon_working_days: int = 10
    participation: Participation = "reviews"
    name: str = "default"

    def __post_init__(self) -> None:
        # Validate now, with the library's own checks and messages.
        with self._c_policy():
            pass

    @classmethod
    def from_json(cls: Type[_P], text: Text) -> _P:
        """A policy from a JSON object with the keys of the configuration
        file (docs/rules.md#policy-settings): ``name``, ``counting``, ``months``, ``icpc_anchor``,
        ``sw_report``, ``sw_report_working_days``, ``strict_holidays``,
        ``due_soon_working_days``, ``participation``. Missing keys keep their
        defaults.

        Raises:
            InvalidArgumentError: malformed JSON (with line and column), an
                unknown key (named) or value.
        """
        data = _text(text, "text")
        handle = PolicyP()
        lib.tsc_policy_from_json(byref(handle), data, len(data))
        lib.tsc_policy_free(handle)  # validated by the library
        fields: Dict[str, Any] = json.loads(data)
        # The library keeps 24 hours unless "sw_report" says otherwise.
        fields.setdefault("sw_report", "24_hours")
        return cls(**fields)

    @property
    def effective_sw_report(self) -> SwReport:
        """``"24_hours"`` or ``"working_days"``, resolving None."""
        if self.sw_report is not None:
            return self.sw_report
        if self.sw_report_working_days is not None:
            return "working_days"
        return "24_hours"

    def describe(self) -> str:
        """The one line explanations give: the name and every choice."""
        with self._c_policy() as handle:
            out = c_void_p()  # char **: ours to free
            lib.tsc_policy_describe(byref(out), handle)
            return take_string(out.value) or ""

    @contextlib.contextmanager
    def _c_policy(self) -> Iterator[Any]:
        """A tsc_policy* holding this policy, freed on exit."""
        handle = PolicyP()
        lib.tsc_policy_create(byref(handle))
        try:
            lib.tsc_policy_set_counting(
                handle, _choice(self.counting, _COUNTING, "counting"))
            lib.tsc_policy_set_month_convention(
                handle, _choice(self.months, _MONTH_CONVENTIONS, "months"))
            lib.tsc_policy_set_icpc_anchor(
                handle, _choice(self.icpc_anchor, _ICPC_ANCHORS,
                                "icpc_anchor"))
            report = self.effective_sw_report
            if report == "24_hours":
                lib.tsc_policy_set_sw_report_hours(handle)
            elif report == "working_days":
                n = self.sw_report_working_days
                lib.tsc_policy_set_sw_report_working_days(
                    handle, 3 if n is None else _small_int(n, "n"))
            else:
                raise errors.InvalidArgumentError(
                    errors.INVALID_ARGUMENT,
                    "sw_report must be one of %s, got %r" %
                    (", ".join(repr(r) for r in SW_REPORTS), report))
            if not isinstance(self.strict_holidays, bool):
                raise TypeError("strict_holidays must be a bool, got %s" %
                                type(self.strict_holidays).__name__)
            lib.tsc_policy_set_strict_holidays(
                handle, 1 if self.strict_holidays else 0)
            lib.tsc_policy_set_due_soon_working_days(
                handle, _small_int(self.due_soon_working_days,
                                   "due_soon_working_days"))
            lib.tsc_policy_set_participation(
                handle, _choice(self.participation, _PARTICIPATION,
                                "participation"))
            lib.tsc_policy_set_name(handle, _text(self.name, "name"))
            yield handle
        finally:
            lib.tsc_policy_free(handle)


def _small_int(value: object, what: str) -> int:
    """An int for a C ``int`` setter; the library checks the range."""
    if isinstance(value, bool):
        raise TypeError("%s must be an int, got bool" % what)
    if not isinstance(value, SupportsIndex):
        raise TypeError("%s must be an int, got %s" %
                        (what, type(value).__name__))
    number = operator.index(value)
    # Clamped to C int so that the library, not ctypes, reports the range.
    return max(min(number, 2 ** 31 - 1), -(2 ** 31))
