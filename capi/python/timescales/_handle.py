"""Ownership of one C handle: the lifetime code every wrapper shares."""

import weakref
from typing import Any, Callable, NoReturn, TypeVar

_T = TypeVar("_T", bound="OwnedHandle")


class OwnedHandle:
    """A mixin for a class that owns one C handle.

    A subclass names itself in ``_what`` (for messages) and calls
    ``self._own(handle, free)``. The handle is freed once: by ``close()``, at
    the end of a ``with`` block, or when the object is collected
    (``weakref.finalize`` runs reliably, even at interpreter shutdown).
    Immutable wrappers are their own copies; none can be pickled, since a
    copied pointer would be freed twice.
    """

    _what = "object"
    _pickle_hint = "make it again in the other process"

    _handle: Any

    def _own(self, handle: Any, free: Callable[[Any], None]) -> None:
        self._handle = handle
        self._finalizer = weakref.finalize(self, free, handle)

    def close(self) -> None:
        """Releases the handle now; later calls raise ValueError."""
        self._finalizer()
        self._handle = None

    @property
    def closed(self) -> bool:
        return self._handle is None

    def __enter__(self: _T) -> _T:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def _h(self) -> Any:
        if self._handle is None:
            raise ValueError("the %s is closed" % self._what)
        return self._handle

    def __copy__(self: _T) -> _T:
        return self

    def __deepcopy__(self: _T, memo: Any) -> _T:
        return self

    def __reduce__(self) -> NoReturn:
        raise TypeError("a %s cannot be pickled; %s" % (self._what,
                                                        self._pickle_hint))
