"""Finds and loads libtimescales_c, then checks its ABI version.

Search order (the first that applies wins):

1. ``TSC_LIBRARY``: an absolute path to the library. If it is set, nothing
   else is tried, so a mistake in it is reported instead of silently
   loading some other copy.
2. The package directory, where a wheel may bundle the library.
3. The library directory recorded by ``cmake --install`` in the generated
   ``_install_paths`` module (relative to the package directory).
4. ``ctypes.util.find_library("timescales_c")``: the system search path.

The loaded library must report ``tsc_abi_version() == EXPECTED_ABI``, or
``ImportError`` is raised: a package and a library from different ABI
generations would otherwise crash or, worse, compute wrong dates.
"""

import ctypes
import ctypes.util
import os
import sys
from typing import Any, List, Mapping, Optional, Tuple

__all__ = ["EXPECTED_ABI", "library_file_name", "load", "check_abi"]

# Must equal TSC_ABI_VERSION in <timescales/c.h> (the library's SOVERSION).
EXPECTED_ABI = 1

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_dll_directories: List[Any] = []  # Windows: keep the handles of added DLL directories

_GUIDANCE = (
    "Build and install the C library (cmake --build build && "
    "cmake --install build), make it findable by the dynamic loader "
    "(e.g. LD_LIBRARY_PATH), or set TSC_LIBRARY to the absolute path of "
    "libtimescales_c.")


def library_file_name(abi: int = EXPECTED_ABI) -> str:
    """The platform's file name of the C library for ABI ``abi``."""
    if sys.platform == "win32":
        return "timescales_c.dll"
    if sys.platform == "darwin":
        return "libtimescales_c.%d.dylib" % abi
    return "libtimescales_c.so.%d" % abi


def _install_tree_dir() -> Optional[str]:
    # The module exists only in a `cmake --install` tree.
    try:
        from . import _install_paths
    except ImportError:
        return None
    libdir: str = getattr(_install_paths, "LIBDIR_FROM_PACKAGE")
    return os.path.normpath(os.path.join(_PACKAGE_DIR, libdir))


def _open(path: str, source: str) -> ctypes.CDLL:
    if sys.platform == "win32" and os.path.isabs(path):
        # Dependencies next to the DLL are not searched by default.
        _dll_directories.append(os.add_dll_directory(os.path.dirname(path)))
    try:
        # CDLL (not PyDLL) releases the GIL for the duration of each call.
        return ctypes.CDLL(path)
    except OSError as e:
        raise ImportError(
            "timescales: cannot load %s (found via %s): %s" %
            (path, source, e)) from e


def load(environ: Optional[Mapping[str, str]] = None
         ) -> Tuple[ctypes.CDLL, str]:
    """Returns ``(library, path)``, the loaded and ABI-checked C library.

    Raises:
        ImportError: no library was found, it failed to load, or its ABI
            version is not ``EXPECTED_ABI``.
    """
    if environ is None:
        environ = os.environ
    name = library_file_name()

    override = environ.get("TSC_LIBRARY")
    if override:
        if not os.path.isabs(override):
            raise ImportError(
                "timescales: TSC_LIBRARY must be an absolute path, got %r" %
                override)
        if not os.path.exists(override):
            raise ImportError(
                "timescales: TSC_LIBRARY=%s does not exist" % override)
        lib: Optional[ctypes.CDLL] = _open(override, "TSC_LIBRARY")
        path: Optional[str] = override
    else:
        lib = None
        path = None
        bundled = os.path.join(_PACKAGE_DIR, name)
        install_dir = _install_tree_dir()
        if os.path.exists(bundled):
            lib, path = _open(bundled, "the package directory"), bundled
        elif install_dir and os.path.exists(os.path.join(install_dir, name)):
            path = os.path.join(install_dir, name)
            lib = _open(path, "the install tree (_install_paths)")
        else:
            found = ctypes.util.find_library("timescales_c")
            if found:
                lib, path = _open(found, "ctypes.util.find_library"), found
        if lib is None or path is None:
            raise ImportError(
                "timescales: cannot find the C library %s. %s" %
                (name, _GUIDANCE))
    if lib is None or path is None:  # unreachable: narrows the types
        raise ImportError("timescales: cannot find the C library %s. %s" %
                          (name, _GUIDANCE))
    check_abi(lib, path)
    return lib, path


def check_abi(lib: Any, where: str = "libtimescales_c",
              expected: int = EXPECTED_ABI) -> None:
    """Raises ImportError unless ``lib.tsc_abi_version() == expected``."""
    try:
        fn = lib.tsc_abi_version
    except AttributeError:
        raise ImportError(
            "timescales: %s does not export tsc_abi_version; it is not the "
            "timescales C library" % where) from None
    fn.argtypes = []
    fn.restype = ctypes.c_int
    found = fn()
    if found != expected:
        raise ImportError(
            "timescales: %s has ABI version %d but this Python package needs "
            "ABI version %d. Please ensure that the timescales Python package "
            "and libtimescales_c come from the same release." %
            (where, found, expected))
