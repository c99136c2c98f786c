"""Working-day calendars.

A :class:`Calendar` knows which days are working days (Monday to Friday,
not a bank holiday, not a local closure day) and does exact working-day
arithmetic over them::

    >>> import datetime, timescales
    >>> cal = timescales.Calendar.england_and_wales()
    >>> cal.add_working_days(datetime.date(2019, 12, 20), 20)
    datetime.date(2020, 1, 22)

Counting conventions (``counting=``):
    ``"start_excluded"`` (default, the statutory reading): the event day is
        excluded; the n-th working day strictly after it is due. From a
        non-working event day the first working day after it is day 1.
        ``working_days_between(a, b)`` counts working days in (a, b].
    ``"start_is_day_one"``: a working event day counts as day 1 (one day
        stricter, as some local tools count).

Calendars are immutable and may be shared between threads; each call
releases the GIL while the C library works. ``close()`` (or leaving a
``with`` block) releases the calendar at once; it must not race with calls
in progress on other threads. Otherwise it is released when garbage
collected.
"""

import ctypes
import datetime
import json
from ctypes import byref
from typing import (TYPE_CHECKING, Any, Dict, Iterable, List, Mapping,
                    Optional, SupportsIndex, Tuple, Type, TypeVar, Union,
                    cast, overload)

from . import _batch
from ._handle import OwnedHandle
from ._ffi import CalendarP, HolidayListP, lib, take_string
from ._options import (Counting, DateBatch, DateList, IntBatch, Merge, Roll,
                       deprecated_table)
from .dates import _choice, _int32, _serial, serial_to_date
from .holiday import Holiday, HolidayKind

if TYPE_CHECKING:  # numpy is optional
    import numpy

__all__ = ["Calendar", "Counting", "Roll", "Text", "ClosureDays"]

_C = TypeVar("_C", bound="Calendar")

# Text the library reads: str (encoded as UTF-8) or bytes.
Text = Union[str, bytes, bytearray, memoryview]
# Local closure days: (date, name) pairs or plain dates, a {date: name}
# mapping, or text with one date a line (CalendarBuilder.load_closure_days).
ClosureDays = Union[Iterable[Union[datetime.date, Tuple[datetime.date, str]]],
                    Mapping[datetime.date, str], str, bytes, bytearray]

# Values of TSC_COUNT_* in c.h.
_COUNTING: Dict[str, int] = {"start_excluded": 0, "start_is_day_one": 1}
# Values of TSC_ROLL_* in c.h.
_ROLLS: Dict[str, int] = {
    "unadjusted": 0,
    "following": 1,
    "preceding": 2,
    "modified_following": 3,
    "modified_preceding": 4,
}


if TYPE_CHECKING:
    # The old public tables (dicts of C constants): deprecated, see
    # __getattr__.
    COUNTING: Dict[str, int]
    ROLLS: Dict[str, int]
else:
    def __getattr__(name: str) -> Dict[str, int]:
        if name == "COUNTING":
            return deprecated_table("calendar", name, _COUNTING, "counting")
        if name == "ROLLS":
            return deprecated_table("calendar", name, _ROLLS, "roll")
        raise AttributeError("module %r has no attribute %r" %
                             (__name__, name))


def _text(value: object, what: str) -> bytes:
    """str (UTF-8 encoded) or bytes, as bytes for the C library."""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError("%s must be str or bytes, got %s" %
                    (what, type(value).__name__))


def _optional_text(value: object, what: str) -> Optional[bytes]:
    return None if value is None else _text(value, what)


class Calendar(OwnedHandle):
    """An immutable working-day calendar.

    Make one with :meth:`england_and_wales`, :meth:`from_govuk_json` or
    :meth:`build` (or a :class:`timescales.CalendarBuilder`). Methods take
    and return ``datetime.date``.
    """

    _what = "calendar"
    _pickle_hint = "build it again in the other process"

    def __init__(self) -> None:
        raise TypeError(
            "use Calendar.england_and_wales(), Calendar.from_govuk_json() or "
            "Calendar.build()")

    @classmethod
    def _adopt(cls: Type[_C], handle: Any) -> _C:
        """Wraps a new tsc_calendar* that this object now owns."""
        self = object.__new__(cls)
        self._own(handle, lib.tsc_calendar_free)
        return self

    # ---- Construction -----------------------------------------------------

    @classmethod
    def england_and_wales(cls, strict: bool = False) -> "Calendar":
        """The built-in England and Wales calendar.

        Exact from 1995 to ``known_until`` (the last year GOV.UK has
        published); later years are projected from the standing rules and
        are provisional, or with ``strict=True`` raise OutOfRangeError.
        """
        if strict:
            return cls.build(strict=True)
        handle = CalendarP()
        lib.tsc_calendar_create_england_and_wales(byref(handle))
        return cls._adopt(handle)

    @classmethod
    def from_govuk_json(cls, text: Text,
                        division: Optional[str] = None) -> "Calendar":
        """A calendar holding exactly one division of a GOV.UK
        ``bank-holidays.json`` document.

        Args:
            text: the JSON, str or bytes: the whole file (then name the
                ``division``, e.g. ``"scotland"``) or one division object
                (``division`` None).

        Raises:
            InvalidArgumentError: malformed JSON (the message gives the line
                and column) or not in the GOV.UK format.
            NotFoundError: no such division in the file.
        """
        data = _text(text, "text")
        handle = CalendarP()
        lib.tsc_calendar_create_from_govuk_json(
            byref(handle), data, len(data),
            _optional_text(division, "division"))
        return cls._adopt(handle)

    @classmethod
    def build(cls, base: Optional[str] = "england-and-wales", *,
              name: Optional[str] = None, govuk_json: Optional[Text] = None,
              division: Optional[str] = None, merge: Merge = "overlay",
              closure_days: Optional[ClosureDays] = None,
              strict: bool = False) -> "Calendar":
        """A calendar from a base, an optional GOV.UK file and closure days,
        in one call. See :class:`timescales.CalendarBuilder` for each step.

        Args:
            base: ``"england-and-wales"`` or None (weekends only, named
                ``name``).
            govuk_json: a GOV.UK ``bank-holidays.json`` (str or bytes) to
                merge, with ``division`` and ``merge`` (``"overlay"``: the
                file's years replace those years; ``"replace"``: the file's
                holidays are the only ones).
            closure_days: local closure days: ``[(date, name), ...]``, a
                ``{date: name}`` mapping, or text with one date a line.
            strict: dates past ``known_until`` raise OutOfRangeError.

        Example::

            cal = Calendar.build(closure_days=[
                (datetime.date(2024, 12, 24), "Council closure")])
        """
        from .builder import CalendarBuilder  # builder imports this module

        with CalendarBuilder(base, name=name) as builder:
            if govuk_json is not None:
                builder.load_govuk_json(govuk_json, division, merge=merge)
            if closure_days is not None:
                if isinstance(closure_days, (str, bytes, bytearray)):
                    builder.load_closure_days(closure_days)
                else:
                    builder.add_closure_days(closure_days)
            builder.set_strict(strict)
            return builder.build()

    # ---- Lifetime ---------------------------------------------------------

    # ---- Queries ----------------------------------------------------------

    def is_working_day(self, day: datetime.date) -> bool:
        """True when ``day`` is Monday to Friday and not a holiday or closure
        day."""
        out = ctypes.c_int()
        lib.tsc_calendar_is_working_day(byref(out), self._h(), _serial(day))
        return bool(out.value)

    def add_working_days(self, day: datetime.date, n: SupportsIndex,
                         counting: Counting = "start_excluded"
                         ) -> datetime.date:
        """The n-th working day after ``day`` (before it when n < 0; ``day``
        itself when n == 0).

        Example: ``add_working_days(date(2019, 12, 20), 20)`` is
        2020-01-22 (25, 26 Dec and 1 Jan are skipped).
        """
        out = ctypes.c_int32()
        lib.tsc_calendar_add_working_days_counting(
            byref(out), self._h(), _serial(day), _int32(n, "n"),
            _choice(counting, _COUNTING, "counting"))
        return serial_to_date(out.value)

    def working_days_between(self, start: datetime.date, end: datetime.date,
                             counting: Counting = "start_excluded") -> int:
        """Working days in (start, end]; negative when end < start. With
        ``"start_is_day_one"``, working days in [start, end]."""
        out = ctypes.c_int32()
        lib.tsc_calendar_working_days_between_counting(
            byref(out), self._h(), _serial(start, "start"),
            _serial(end, "end"), _choice(counting, _COUNTING, "counting"))
        return out.value

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """The first working day strictly after ``day``."""
        out = ctypes.c_int32()
        lib.tsc_calendar_next_working_day(byref(out), self._h(), _serial(day))
        return serial_to_date(out.value)

    def previous_working_day(self, day: datetime.date) -> datetime.date:
        """The last working day strictly before ``day``."""
        out = ctypes.c_int32()
        lib.tsc_calendar_previous_working_day(byref(out), self._h(),
                                              _serial(day))
        return serial_to_date(out.value)

    def adjust(self, day: datetime.date, roll: Roll = "preceding"
               ) -> datetime.date:
        """Rolls ``day`` to a working day.

        The default ``"preceding"`` gives the practical due date: the last
        working day on or before a legal due date. Others: ``"following"``,
        ``"modified_following"``, ``"modified_preceding"``, ``"unadjusted"``.
        """
        out = ctypes.c_int32()
        lib.tsc_calendar_adjust(byref(out), self._h(), _serial(day),
                                _choice(roll, _ROLLS, "roll"))
        return serial_to_date(out.value)

    def is_provisional(self, day: datetime.date) -> bool:
        """True when ``day`` is past ``known_until``: its holidays were
        projected and may still change by proclamation."""
        out = ctypes.c_int()
        lib.tsc_calendar_is_provisional(byref(out), self._h(), _serial(day))
        return bool(out.value)

    def holiday_name(self, day: datetime.date) -> Optional[str]:
        """The name of the holiday or closure day on ``day``, or None."""
        out = ctypes.c_char_p()
        lib.tsc_calendar_holiday_name(byref(out), self._h(), _serial(day))
        return None if out.value is None else out.value.decode("utf-8")

    def holidays(self, start: datetime.date, end: datetime.date
                 ) -> List[Holiday]:
        """Every non-working weekday in [start, end], in date order, as a
        list of :class:`Holiday`; an error past a strict calendar's data."""
        handle = HolidayListP()
        lib.tsc_calendar_holidays(byref(handle), self._h(),
                                  _serial(start, "start"), _serial(end, "end"))
        try:
            day, name = ctypes.c_int32(), ctypes.c_char_p()
            kind, provisional = ctypes.c_int(), ctypes.c_int()
            result: List[Holiday] = []
            for i in range(lib.tsc_holiday_list_size(handle)):
                lib.tsc_holiday_list_get(byref(day), byref(name), byref(kind),
                                         byref(provisional), handle, i)
                result.append(Holiday(
                    serial_to_date(day.value),
                    (name.value or b"").decode("utf-8"),
                    HolidayKind._from_c(kind.value),
                    bool(provisional.value)))
            return result
        finally:
            lib.tsc_holiday_list_free(handle)

    # ---- Information ------------------------------------------------------

    @property
    def name(self) -> str:
        """The calendar's name, e.g. ``"england-and-wales"``."""
        out = ctypes.c_char_p()
        lib.tsc_calendar_name(byref(out), self._h())
        return (out.value or b"").decode("utf-8")

    @property
    def data_version(self) -> str:
        """The version of the holiday data the calendar was built from."""
        out = ctypes.c_char_p()
        lib.tsc_calendar_data_version(byref(out), self._h())
        return (out.value or b"").decode("utf-8")

    @property
    def exact_from(self) -> datetime.date:
        """The first day covered by published holiday data."""
        out = ctypes.c_int32()
        lib.tsc_calendar_exact_from(byref(out), self._h())
        return serial_to_date(out.value)

    @property
    def known_until(self) -> datetime.date:
        """The last day covered by published data; later days are
        provisional."""
        out = ctypes.c_int32()
        lib.tsc_calendar_known_until(byref(out), self._h())
        return serial_to_date(out.value)

    @property
    def info(self) -> Dict[str, Any]:
        """Everything about the calendar's data as a dict (name,
        data_version, exact_from, known_until, sources, strict,
        closure_days), as the library reports it."""
        out = ctypes.c_void_p()  # char **: we own the string
        lib.tsc_calendar_info_json(byref(out), self._h())
        return cast(Dict[str, Any],
                    json.loads(take_string(out.value) or "{}"))

    def __repr__(self) -> str:
        if self._handle is None:
            return "<timescales.Calendar (closed)>"
        return "<timescales.Calendar %r, data %s, known until %s>" % (
            self.name, self.data_version, self.known_until.isoformat())

    # ---- Batches ----------------------------------------------------------

    @overload
    def add_working_days_batch(
            self, days: DateList, n: Union[SupportsIndex, IntBatch],
            counting: Counting = "start_excluded",
            out: None = None) -> List[Optional[datetime.date]]: ...

    @overload
    def add_working_days_batch(
            self, days: DateBatch, n: Union[SupportsIndex, IntBatch],
            counting: Counting = "start_excluded",
            out: Optional["numpy.ndarray[Any, Any]"] = None) -> Any: ...

    def add_working_days_batch(
            self, days: DateBatch, n: Union[SupportsIndex, IntBatch],
            counting: Counting = "start_excluded",
            out: Optional["numpy.ndarray[Any, Any]"] = None) -> Any:
        """``add_working_days`` over many days in one call.

        Args:
            days: a list/tuple of ``datetime.date`` (returns a list of dates),
                or a numpy ``datetime64[D]`` array (returns a
                ``datetime64[D]`` array of the same shape). A C-contiguous
                array is passed to the C library without copying; any other
                layout is copied once.
            n: an int used for every day, or one int per day (a list, or an
                integer numpy array of the same shape as ``days``).
            out: numpy only: a C-contiguous ``datetime64[D]`` array of the
                same shape to write into (returned).

        Raises:
            OutOfRangeError etc.: the message names the failing (flat) index.
        """
        return _batch.add_working_days(self._h(), days, n,
                                       _choice(counting, _COUNTING, "counting"),
                                       out)

    @overload
    def working_days_between_batch(
            self, starts: DateList, ends: DateList,
            counting: Counting = "start_excluded",
            out: None = None) -> List[Optional[int]]: ...

    @overload
    def working_days_between_batch(
            self, starts: DateBatch, ends: DateBatch,
            counting: Counting = "start_excluded",
            out: Optional["numpy.ndarray[Any, Any]"] = None) -> Any: ...

    def working_days_between_batch(
            self, starts: DateBatch, ends: DateBatch,
            counting: Counting = "start_excluded",
            out: Optional["numpy.ndarray[Any, Any]"] = None) -> Any:
        """``working_days_between`` pairwise over two equal-length sequences
        of dates (lists in, list of int out) or numpy ``datetime64[D]``
        arrays (int64 array out; ``out=`` as in add_working_days_batch)."""
        return _batch.working_days_between(
            self._h(), starts, ends, _choice(counting, _COUNTING, "counting"),
            out)

    @overload
    def is_working_day_batch(self, days: DateList,
                             out: None = None) -> List[Optional[bool]]: ...

    @overload
    def is_working_day_batch(
            self, days: DateBatch,
            out: Optional["numpy.ndarray[Any, Any]"] = None) -> Any: ...

    def is_working_day_batch(
            self, days: DateBatch,
            out: Optional["numpy.ndarray[Any, Any]"] = None) -> Any:
        """``is_working_day`` over a sequence of dates (list of bool out) or
        a numpy ``datetime64[D]`` array (bool array out; ``out=`` as in
        add_working_days_batch)."""
        return _batch.is_working_day(self._h(), days, out)

