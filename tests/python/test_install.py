"""pip-installs the package into a fresh venv, offline, and uses it.

This is what an analyst does: `pip install --no-build-isolation --no-index`
of capi/python (no network, the system's setuptools), then `import
timescales` from outside the source tree. And what a release does: `pip
wheel` of capi/python with the C library copied into the package, the
wheel installed into a fresh venv, and the Python tests run there with
neither TSC_LIBRARY nor PYTHONPATH, so that the bundled library is the one
used. Skipped, with the reason, where venv or pip is unavailable.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, os.pardir, os.pardir, "capi", "python")
# The file name the package's loader looks for next to its modules
# (timescales._loader.library_file_name()).
BUNDLED_NAME = {"win32": "timescales_c.dll",
                "darwin": "libtimescales_c.1.dylib"}.get(
                    sys.platform, "libtimescales_c.so.1")
# The tests run against the installed wheel: all but this one.
WHEEL_TESTS = sorted(
    os.path.splitext(os.path.basename(path))[0]
    for path in glob.glob(os.path.join(HERE, "test_*.py"))
    if os.path.basename(path) != "test_install.py")

CAN_BUILD_WHEELS = """
import importlib.util, sys
import setuptools
version = tuple(int(x) for x in setuptools.__version__.split(".")[:2])
sys.exit(0 if version >= (70, 1) or importlib.util.find_spec("wheel") else 1)
"""

USE = """
import datetime, os, timescales
cal = timescales.Calendar.england_and_wales()
print(timescales.__file__)
print(cal.add_working_days(datetime.date(2019, 12, 20), 20))
print(os.path.exists(os.path.join(os.path.dirname(timescales.__file__),
                                  "py.typed")))
"""

# Which library the installed package loaded.
WHICH = """
import os, timescales, timescales._ffi
print(os.path.realpath(timescales._ffi.LIBRARY_PATH))
print(os.path.realpath(os.path.dirname(timescales.__file__)))
print(timescales.__version__)
"""


class InstallTest(unittest.TestCase):

    def setUp(self):
        self.library = os.environ.get("TSC_LIBRARY")
        if not self.library:
            self.skipTest("TSC_LIBRARY is not set (run through ctest)")
        self.tmp = tempfile.mkdtemp(prefix="tsc-install-")
        self.addCleanup(shutil.rmtree, self.tmp)
        env = dict(os.environ)
        # Nothing from the source tree may leak into the venv's imports.
        env.pop("PYTHONPATH", None)
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        env["PIP_NO_INPUT"] = "1"
        self.env = env

    def run_cmd(self, args, **kwargs):
        kwargs.setdefault("cwd", self.tmp)
        kwargs.setdefault("env", self.env)
        return subprocess.run(args, capture_output=True, text=True, **kwargs)

    def make_venv(self, name):
        """A fresh venv that sees the system's packages (setuptools, wheel,
        numpy, pandas) but not the source tree; its python. Skips the test
        where that cannot be had offline."""
        venv = os.path.join(self.tmp, name)
        made = self.run_cmd([sys.executable, "-m", "venv",
                             "--system-site-packages", venv])
        if made.returncode != 0:
            reason = (made.stderr.strip().splitlines() or ["no message"])[-1]
            self.skipTest("cannot create a venv (python3-venv missing?): " +
                          reason)
        python = os.path.join(venv, "bin", "python")
        if self.run_cmd([python, "-m", "pip", "--version"]).returncode != 0:
            self.skipTest("pip is not available in the venv")
        # Offline, without build isolation, the interpreter's own setuptools
        # must build the wheel: it needs `wheel` before setuptools 70.1.
        if self.run_cmd([python, "-c", CAN_BUILD_WHEELS]).returncode != 0:
            self.skipTest("no setuptools able to build wheels offline "
                          "(install python3-setuptools and python3-wheel)")
        return venv, python

    def copy_project(self):
        # pip builds in the source directory: build from a copy so the
        # source tree stays clean (and parallel runs do not collide).
        src = os.path.join(self.tmp, "src")
        shutil.copytree(PROJECT, src, ignore=shutil.ignore_patterns(
            "__pycache__", "build", "*.egg-info", ".mypy_cache"))
        return src

    def test_pip_install_and_use(self):
        venv, python = self.make_venv("venv")
        src = self.copy_project()
        installed = self.run_cmd([python, "-m", "pip", "install",
                                  "--no-build-isolation", "--no-index",
                                  "--no-deps", src], timeout=300)
        self.assertEqual(installed.returncode, 0,
                         installed.stdout + installed.stderr)

        used = self.run_cmd([python, "-c", USE], timeout=60)
        self.assertEqual(used.returncode, 0, used.stderr)
        where, due, typed = used.stdout.split()
        self.assertTrue(os.path.realpath(where).startswith(
            os.path.realpath(venv)), where)
        self.assertEqual(due, "2020-01-22")
        self.assertEqual(typed, "True")

    def test_wheel_bundles_the_library(self):
        venv, python = self.make_venv("venv-wheel")
        src = self.copy_project()
        # The release step: the C library beside the package's modules,
        # where the loader looks when TSC_LIBRARY is not set.
        bundled = os.path.join(src, "timescales", BUNDLED_NAME)
        shutil.copy2(self.library, bundled)
        with open(os.path.join(src, "pyproject.toml")) as f:
            self.assertRegex(f.read(), r'(?s)\[tool\.setuptools\.package-data\]'
                             r'.*"libtimescales_c\.so\.\*"')

        wheels = os.path.join(self.tmp, "wheels")
        built = self.run_cmd([python, "-m", "pip", "wheel", "--no-deps",
                              "--no-build-isolation", "--no-index", "-w",
                              wheels, src], timeout=300)
        self.assertEqual(built.returncode, 0, built.stdout + built.stderr)
        found = glob.glob(os.path.join(wheels, "timescales-*.whl"))
        self.assertEqual(len(found), 1, os.listdir(wheels))
        wheel = found[0]
        # The library makes it a platform wheel for any Python 3 (ctypes).
        self.assertRegex(os.path.basename(wheel),
                         r"^timescales-[0-9.]+-py3-none-(?!any)\w+\.whl$")
        with zipfile.ZipFile(wheel) as z:
            names = z.namelist()
        self.assertIn("timescales/" + BUNDLED_NAME, names)
        self.assertIn("timescales/py.typed", names)

        # Installed from the wheel alone: no index, nothing else to build.
        installed = self.run_cmd([python, "-m", "pip", "install",
                                  "--no-index", "--no-deps", wheel],
                                 timeout=300)
        self.assertEqual(installed.returncode, 0,
                         installed.stdout + installed.stderr)

        # Nothing points at the build tree or the sources any more.
        env = dict(self.env)
        env.pop("TSC_LIBRARY", None)
        env.pop("PYTHONPATH", None)
        which = self.run_cmd([python, "-c", WHICH], env=env, timeout=60)
        self.assertEqual(which.returncode, 0, which.stderr)
        library, package, version = which.stdout.split()
        self.assertTrue(package.startswith(os.path.realpath(venv)), package)
        self.assertEqual(library, os.path.join(package, BUNDLED_NAME))
        self.assertRegex(version, r"^\d+\.\d+\.\d+")

        # The Python tests, against the installed wheel. They run from the
        # tests folder (its fixtures), which holds no `timescales`.
        tests = self.run_cmd([python, "-m", "unittest"] + WHEEL_TESTS,
                             cwd=HERE, env=env, timeout=600)
        self.assertEqual(tests.returncode, 0,
                         tests.stdout + tests.stderr[-20000:])
        ran = re.search(r"Ran (\d+) tests?", tests.stderr)
        self.assertIsNotNone(ran, tests.stderr[-2000:])
        self.assertGreater(int(ran.group(1)), 100, tests.stderr[-2000:])


if __name__ == "__main__":
    unittest.main()
