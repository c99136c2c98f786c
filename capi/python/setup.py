"""Only the wheel's tag: everything else is in pyproject.toml.

A wheel that bundles libtimescales_c (timescales/libtimescales_c.so.1 etc.
copied in before ``pip wheel``) works with any Python 3 (ctypes, no
extension module) but only on the platform the library was built for: it
is tagged ``py3-none-<platform>`` rather than ``py3-none-any``. Without a
bundled library the wheel stays pure.
"""

import glob
import os

from setuptools import Distribution, setup

try:  # setuptools >= 70.1
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # older: the wheel package's
    from wheel.bdist_wheel import bdist_wheel

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLED = any(
    glob.glob(os.path.join(HERE, "timescales", pattern))
    for pattern in ("libtimescales_c.so.*", "libtimescales_c.*.dylib",
                    "timescales_c.dll"))


class BundlingDistribution(Distribution):
    """Impure (platform-specific) when the C library is bundled: the files
    go to the wheel's root, installed into platlib."""

    def has_ext_modules(self) -> bool:
        return BUNDLED


class PlatformWheel(bdist_wheel):  # type: ignore[misc]

    def get_tag(self) -> "tuple[str, str, str]":
        python, abi, platform = super().get_tag()
        if BUNDLED:  # any Python 3 (ctypes), this platform
            return "py3", "none", platform
        return python, abi, platform


setup(distclass=BundlingDistribution,
      cmdclass={"bdist_wheel": PlatformWheel})
