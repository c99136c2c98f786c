"""Holidays as returned by :meth:`timescales.Calendar.holidays`."""

import dataclasses
import datetime
import enum
from typing import Union

__all__ = ["Holiday", "HolidayKind"]


class HolidayKind(enum.IntEnum):
    """Why a weekday is not a working day (TSC_HOLIDAY_* in c.h)."""

    BANK_HOLIDAY = 0   # on its usual day (incl. Good Friday, Christmas Day)
    SUBSTITUTE = 1     # a substitute or moved day (GOV.UK "Substitute day")
    EXTRA = 2          # a one-off day (GOV.UK "Extra bank holiday")
    LOCAL_CLOSURE = 3  # a council's own closure day

    @classmethod
    def _from_c(cls, value: int) -> Union["HolidayKind", int]:
        # A newer library may add kinds without an ABI bump: keep the int.
        try:
            return cls(value)
        except ValueError:
            return value


@dataclasses.dataclass(frozen=True)
class Holiday:
    """A non-working weekday, e.g.
    ``Holiday(date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen
    Elizabeth II", HolidayKind.EXTRA, False)``.

    Attributes:
        date: the day.
        name: its name, as published (GOV.UK uses typographic apostrophes).
        kind: a HolidayKind (or an int for kinds newer than this package).
        provisional: True when the day was projected from the standing rules
            past the calendar's ``known_until`` and may still change.
    """

    date: datetime.date
    name: str
    kind: Union[HolidayKind, int]
    provisional: bool = False
