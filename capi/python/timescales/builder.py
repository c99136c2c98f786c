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

from ._ffi import BuilderP, CalendarP, lib
from .calendar import Calendar, _optional_text, _text
from .dates import _choice, _serial

__all__ = ["CalendarBuilder", "MERGES"]

# Values of TSC_JSON_* in c.h.
MERGES = {"overlay": 0, "replace": 1}


class CalendarBuilder:
    """Builds a :class:`timescales.Calendar`.

    Args:
        base: ``"england-and-wales"`` (the built-in holidays) or None for a
            calendar of weekends only (give it a ``name``).
    """

    def __init__(self, base="england-and-wales", *, name=None):
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

    def load_govuk_json(self, text, division=None, merge="overlay"):
        """Merges a GOV.UK ``bank-holidays.json`` document (str or bytes):
        the whole file with a ``division`` name, or one division object.

        ``merge="overlay"``: each year the file covers replaces that year's
        holidays (a newer file moves and adds days); ``"replace"``: the
        file's holidays become the only ones.
        """
        data = _text(text, "text")
        division = _optional_text(division, "division")
        merge = _choice(merge, MERGES, "merge")
        with self._lock:
            lib.tsc_calendar_builder_load_govuk_json(
                self._h(), data, len(data), division, merge)
        return self

    def add_closure_day(self, day, name="Local closure day"):
        """Adds a local closure day: a non-working day for this council
        only. A closure on a weekend or holiday changes nothing."""
        serial = _serial(day)
        encoded = _text(name, "name")
        with self._lock:
            lib.tsc_calendar_builder_add_closure_day(self._h(), serial,
                                                     encoded)
        return self

    def add_closure_days(self, days):
        """Adds several closure days: ``[(date, name), ...]``, a
        ``{date: name}`` mapping, or plain dates (default name)."""
        items = days.items() if hasattr(days, "items") else days
        for item in items:
            if isinstance(item, datetime.date):
                self.add_closure_day(item)
            else:
                self.add_closure_day(*item)
        return self

    def load_closure_days(self, text, source=None):
        """Reads closure days from text: one date a line (``yyyy-mm-dd`` or
        ``dd/mm/yyyy``), optionally followed by a comma or spaces and a name;
        blank lines and ``#`` comments are skipped. Errors name ``source``
        (e.g. the file name) and the line."""
        data = _text(text, "text")
        source = _optional_text(source, "source")
        with self._lock:
            lib.tsc_calendar_builder_load_closure_days(self._h(), data,
                                                       len(data), source)
        return self

    def set_strict(self, strict=True):
        """In a strict calendar, dates past ``known_until`` raise
        OutOfRangeError instead of being provisional."""
        with self._lock:
            lib.tsc_calendar_builder_set_strict(self._h(), 1 if strict else 0)
        return self

    def build(self):
        """A new Calendar from the builder's current state."""
        handle = CalendarP()
        with self._lock:
            lib.tsc_calendar_builder_build(byref(handle), self._h())
        return Calendar._adopt(handle)

    def close(self):
        """Releases the builder now; calendars it built stay valid."""
        with self._lock:
            self._finalizer()
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def _h(self):
        if self._handle is None:
            raise ValueError("the calendar builder is closed")
        return self._handle

    def __reduce__(self):
        # A copy would share the C builder and free it twice.
        raise TypeError("a CalendarBuilder cannot be copied or pickled")
