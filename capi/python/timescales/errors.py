"""Exceptions raised by timescales, one per C status code.

Every exception is a :class:`TimescalesError` carrying the C status
(``.code``) and the library's message (``.message``). The subclasses also
derive from the matching built-in exception, so ordinary Python idioms work
without importing this module::

    try:
        timescales.parse_date("31/02/2024")
    except ValueError as e:          # InvalidArgumentError is a ValueError
        print(e)

Codes that have no subclass here (including codes a newer library may add)
become a plain :class:`TimescalesError`.
"""

from typing import Dict, Type

__all__ = [
    "TimescalesError",
    "InvalidArgumentError",
    "NotFoundError",
    "ResourceExhaustedError",
    "FailedPreconditionError",
    "OutOfRangeError",
    "UnimplementedError",
    "InternalError",
    "BufferTooSmallError",
    "from_status",
]

# The values of enum tsc_status in <timescales/c.h> (frozen there).
OK = 0
CANCELLED = 1
UNKNOWN = 2
INVALID_ARGUMENT = 3
NOT_FOUND = 5
ALREADY_EXISTS = 6
RESOURCE_EXHAUSTED = 8
FAILED_PRECONDITION = 9
OUT_OF_RANGE = 11
UNIMPLEMENTED = 12
INTERNAL = 13
BUFFER_TOO_SMALL = 100


class TimescalesError(Exception):
    """A failed call into the timescales library.

    Attributes:
        code: the ``tsc_status`` value (an int).
        message: the library's description of the failure.
    """

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return "%s(code=%d, message=%r)" % (
            type(self).__name__, self.code, self.message)


class InvalidArgumentError(TimescalesError, ValueError):
    """A malformed argument: 31 February, bad JSON, an unknown option."""


class OutOfRangeError(TimescalesError, ValueError):
    """A date (given or computed) outside 1900-01-01..2199-12-31, or past
    the data's ``known_until`` in a strict calendar."""


class NotFoundError(TimescalesError, LookupError):
    """Something named was not found, e.g. a GOV.UK division."""


class ResourceExhaustedError(TimescalesError, MemoryError):
    """The library ran out of memory."""


class FailedPreconditionError(TimescalesError, RuntimeError):
    """The call was valid but the object was not in a state to accept it."""


class UnimplementedError(TimescalesError, NotImplementedError):
    """The operation is not supported by this build of the library."""


class InternalError(TimescalesError, RuntimeError):
    """A bug in the library (an unexpected C++ exception was caught)."""


class BufferTooSmallError(TimescalesError):
    """A caller buffer was too small; the package retries internally, so
    seeing this means a bug in the package."""


_BY_CODE: Dict[int, Type[TimescalesError]] = {
    INVALID_ARGUMENT: InvalidArgumentError,
    NOT_FOUND: NotFoundError,
    RESOURCE_EXHAUSTED: ResourceExhaustedError,
    FAILED_PRECONDITION: FailedPreconditionError,
    OUT_OF_RANGE: OutOfRangeError,
    UNIMPLEMENTED: UnimplementedError,
    INTERNAL: InternalError,
    BUFFER_TOO_SMALL: BufferTooSmallError,
}


def from_status(code: int, message: str) -> TimescalesError:
    """Returns the exception for a non-zero ``tsc_status`` ``code``."""
    return _BY_CODE.get(code, TimescalesError)(code, message)
