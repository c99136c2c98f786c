"""CalendarBuilder: a calendar from a base, GOV.UK files and closure days.

Example::

    with timescales.CalendarBuilder() as b:            # England and Wales
        b.load_govuk_json(newer_file_text, "england-and-wales")
        b.add_closure_day(datetime.date(2024, 12, 24), "Council closure")
        cal = b.build()

Each step returns the builder, so calls can be chained. The builder stays
usable after ``build()``. Unlike calendars, C builders are not thread-safe;
this wrapper serialises calls with a lock so sharing one cannot corrupt it.
"""

import datetime
import threading
import weakref
from ctypes import byref
from typing import (TYPE_CHECKING, Any, Dict, Iterable, Mapping, Optional,
                    NoReturn, Tuple, TypeVar, Union)

from ._ffi import BuilderP, CalendarP, lib
from ._options import Merge, deprecated_table
from .calendar import Calendar, Text, _optional_text, _text
from .dates import _choice, _serial

__all__ = ["CalendarBuilder", "Merge"]

_B = TypeVar("_B", bound="CalendarBuilder")

# Values of TSC_JSON_* in c.h.
_MERGES: Dict[str, int] = {"overlay": 0, "replace": 1}

if TYPE_CHECKING:
    # The old public table (a dict of C constants): deprecated.
    MERGES: Dict[str, int]
else:
    def __getattr__(name: str) -> Dict[str, int]:
        if name == "MERGES":
            return deprecated_table("builder", name, _MERGES, "merge")
        raise AttributeError("module %r has no attribute %r" %
                             (__name__, name))


class CalendarBuilder:
    """Builds a :class:`timescales.Calendar`.

    Args:
        base: ``"england-and-wales"`` (the built-in holidays) or None for a
            calendar of weekends only (give it a ``name``).
    """

    _handle: Optional[Any]

    def __init__(self, base: Optional[str] = "england-and-wales", *,
                 name: Optional[str] = None) -> None:
        handle = BuilderP()
        if base == "england-and-wales":
            lib.tsc_calendar_builder_create_england_and_wales(byref(handle))
        elif base is None or base == "weekends-only":
            lib.tsc_calendar_builder_create_weekends_only(
                byref(handle), _text(name or "weekends-only", "name"))
        else:
            raise ValueError(
                "base must be 'england-and-wales' or None, got %r" % (base,))
        self._handle = handle
        self._finalizer = weakref.finalize(self, lib.tsc_calendar_builder_free,
                                           handle)
        self._lock = threading.Lock()

    def load_govuk_json(self: _B, text: Text, division: Optional[str] = None,
                        merge: Merge = "overlay") -> _B:
        """Merges a GOV.UK ``bank-holidays.json`` document (str or bytes):
        the whole file with a ``division`` name, or one division object.

        ``merge="overlay"``: each year the file covers replaces that year's
        holidays (a newer file moves and adds days); ``"replace"``: the
        file's holidays become the only ones.
        """
        data = _text(text, "text")
        encoded = _optional_text(division, "division")
        how = _choice(merge, _MERGES, "merge")
        with self._lock:
            lib.tsc_calendar_builder_load_govuk_json(
                self._h(), data, len(data), encoded, how)
        return self

    def add_closure_day(self: _B, day: datetime.date,
                        name: str = "Local closure day") -> _B:
        """Adds a local closure day: a non-working day for this council
        only. A closure on a weekend or holiday changes nothing."""
        serial = _serial(day)
        encoded = _text(name, "name")
        with self._lock:
            lib.tsc_calendar_builder_add_closure_day(self._h(), serial,
                                                     encoded)
        return self

    def add_closure_days(
            self: _B,
            days: Union[Mapping[datetime.date, str],
                        Iterable[Union[datetime.date,
                                       Tuple[datetime.date, str]]]]) -> _B:
        """Adds several closure days: ``[(date, name), ...]``, a
        ``{date: name}`` mapping, or plain dates (default name)."""
        # Anything with items() (a dict, a pandas Series) gives its pairs.
        pairs = getattr(days, "items", None)
        items: Iterable[Any] = pairs() if callable(pairs) else days
        for item in items:
            if isinstance(item, datetime.date):
                self.add_closure_day(item)
            else:
                self.add_closure_day(*item)
        return self

    def load_closure_days(self: _B, text: Text,
                          source: Optional[str] = None) -> _B:
        """Reads closure days from text: one date a line (``yyyy-mm-dd`` or
        ``dd/mm/yyyy``), optionally followed by a comma or spaces and a name;
        blank lines and ``#`` comments are skipped. Errors name ``source``
        (e.g. the file name) and the line."""
        data = _text(text, "text")
        where = _optional_text(source, "source")
        with self._lock:
            lib.tsc_calendar_builder_load_closure_days(self._h(), data,
                                                       len(data), where)
        return self

    def set_strict(self: _B, strict: bool = True) -> _B:
        """In a strict calendar, dates past ``known_until`` raise
        OutOfRangeError instead of being provisional."""
        with self._lock:
            lib.tsc_calendar_builder_set_strict(self._h(), 1 if strict else 0)
        return self

    def build(self) -> Calendar:
        """A new Calendar from the builder's current state."""
        handle = CalendarP()
        with self._lock:
            lib.tsc_calendar_builder_build(byref(handle), self._h())
        return Calendar._adopt(handle)

    def close(self) -> None:
        """Releases the builder now; calendars it built stay valid."""
        with self._lock:
            self._finalizer()
            self._handle = None

    def __enter__(self: _B) -> _B:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _h(self) -> Any:
        if self._handle is None:
            raise ValueError("the calendar builder is closed")
        return self._handle

    def __reduce__(self) -> NoReturn:
        # A copy would share the C builder and free it twice.
        raise TypeError("a CalendarBuilder cannot be copied or pickled")
