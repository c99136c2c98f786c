"""The rule catalogue: every statutory and local timescale by its stable id.

    >>> import timescales
    >>> [r for r in timescales.rules() if r.id == "lac.first_review"]
    [Rule(id='lac.first_review', description='first LAC review', ...)]

A council may override any offset or unit and add its own rules::

    local = timescales.RuleCatalogue.from_json(
        '{"rules": {"lac.review_record": {"offset": 15},'
        ' "cp.visit": {"offset": 10, "unit": "working_days"}}}')
    ts = timescales.Timescales(rules=local)

A :class:`RuleCatalogue` object is immutable and may be shared between threads.
"""

import dataclasses
from ctypes import byref, c_char_p, c_int, c_int32, c_size_t
from typing import (Any, Iterator, List, Optional, Tuple, Type, TypeVar,
                    Union, overload)

from ._handle import OwnedHandle
from ._ffi import RuleCatalogueP, lib
from ._options import Unit
from .calendar import Text, _text

__all__ = ["Rule", "RuleCatalogue", "rules", "UNITS", "Unit"]

_R = TypeVar("_R", bound="RuleCatalogue")

# Values of TSC_UNIT_* in c.h, by position.
UNITS: Tuple[Unit, ...] = ("working_days", "days", "weeks", "months",
                           "hours")


@dataclasses.dataclass(frozen=True)
class Rule:
    """One rule of the catalogue.

    Attributes:
        id: the stable id, e.g. ``"lac.first_review"``.
        description: what must happen, e.g. ``"first LAC review"``.
        anchor: the event the rule counts from.
        offset: signed; negative counts back from the anchor.
        unit: ``"working_days"``, ``"days"``, ``"weeks"``, ``"months"`` or
            ``"hours"`` (an int for a unit newer than this package).
        source: the regulation or guidance that sets it.
    """

    id: str
    description: str
    anchor: str
    offset: int
    unit: Union[Unit, int]
    source: str


def _unit(value: int) -> Union[Unit, int]:
    return UNITS[value] if 0 <= value < len(UNITS) else value


class RuleCatalogue(OwnedHandle):
    """An immutable rule catalogue held by the C library.

    Make one with :meth:`builtin` or :meth:`from_json`. It is a sequence of
    :class:`Rule` in catalogue order (built-in first, then local additions)
    and can be looked up by id: ``rules["cp.icpc"]``.
    """

    _what = "rule catalogue"
    _pickle_hint = "use RuleCatalogue.from_json() in the other process"

    _cache: Optional[Tuple[Rule, ...]]

    def __init__(self) -> None:
        raise TypeError("use RuleCatalogue.builtin() or RuleCatalogue.from_json()")

    @classmethod
    def _adopt(cls: Type[_R], handle: Any) -> _R:
        self = object.__new__(cls)
        self._own(handle, lib.tsc_rule_catalogue_free)
        self._cache = None
        return self

    @classmethod
    def builtin(cls) -> "RuleCatalogue":
        """The built-in catalogue (docs/rules.md#catalogue, plus the reg 48 short-break
        review rules)."""
        handle = RuleCatalogueP()
        lib.tsc_rule_catalogue_create_builtin(byref(handle))
        return cls._adopt(handle)

    @classmethod
    def from_json(cls, text: Text) -> "RuleCatalogue":
        """The built-in catalogue with the overrides and additions of a JSON
        document: ``{"rules": {ID: {"offset": N, "unit": U, "description":
        ..., "anchor": ..., "source": ...}}}``. An existing id may change
        any field; a new id needs ``offset`` and ``unit``.

        Raises:
            InvalidArgumentError: malformed JSON (line and column), an
                unknown key or unit (named).
        """
        data = _text(text, "text")
        handle = RuleCatalogueP()
        lib.tsc_rule_catalogue_from_json(byref(handle), data, len(data))
        return cls._adopt(handle)

    def _rules(self) -> Tuple[Rule, ...]:
        handle = self._h()  # a closed catalogue raises, cached or not
        if self._cache is None:
            count = c_size_t()
            lib.tsc_rule_catalogue_count(byref(count), handle)
            rid, description, anchor, source = (
                c_char_p(), c_char_p(), c_char_p(), c_char_p())
            offset, unit = c_int32(), c_int()
            out: List[Rule] = []
            for i in range(count.value):
                lib.tsc_rule_catalogue_get(byref(rid), byref(description),
                                  byref(anchor), byref(offset), byref(unit),
                                  byref(source), handle, i)
                out.append(Rule(
                    (rid.value or b"").decode("utf-8"),
                    (description.value or b"").decode("utf-8"),
                    (anchor.value or b"").decode("utf-8"),
                    offset.value, _unit(unit.value),
                    (source.value or b"").decode("utf-8")))
            self._cache = tuple(out)
        return self._cache

    def __len__(self) -> int:
        return len(self._rules())

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules())

    def __contains__(self, rule_id: object) -> bool:
        return any(r.id == rule_id for r in self._rules())

    @overload
    def __getitem__(self, key: Union[int, str]) -> Rule: ...

    @overload
    def __getitem__(self, key: slice) -> Tuple[Rule, ...]: ...

    def __getitem__(self, key: Union[int, str, slice]
                    ) -> Union[Rule, Tuple[Rule, ...]]:
        """By position (int), by id (str), or a slice (a tuple)."""
        if isinstance(key, str):
            for rule in self._rules():
                if rule.id == key:
                    return rule
            raise KeyError(key)
        return self._rules()[key]

    @property
    def ids(self) -> List[str]:
        """The rule ids in catalogue order."""
        return [r.id for r in self._rules()]

    def __repr__(self) -> str:
        if self._handle is None:
            return "<timescales.RuleCatalogue (closed)>"
        return "<timescales.RuleCatalogue of %d rules>" % len(self)


def rules() -> List[Rule]:
    """The built-in catalogue as a list of :class:`Rule`."""
    with RuleCatalogue.builtin() as catalogue:
        return list(catalogue)
