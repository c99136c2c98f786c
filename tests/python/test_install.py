"""pip-installs the package into a fresh venv, offline, and uses it.

This is what an analyst does: `pip install --no-build-isolation --no-index`
of capi/python (no network, the system's setuptools), then `import
timescales` from outside the source tree. Skipped, with the reason, where
venv or pip is unavailable.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, os.pardir, os.pardir, "capi", "python")

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
        return subprocess.run(args, cwd=self.tmp, env=self.env,
                              capture_output=True, text=True, **kwargs)

    def test_pip_install_and_use(self):
        venv = os.path.join(self.tmp, "venv")
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

        # pip builds in the source directory: build from a copy so the
        # source tree stays clean (and parallel runs do not collide).
        src = os.path.join(self.tmp, "src")
        shutil.copytree(PROJECT, src, ignore=shutil.ignore_patterns(
            "__pycache__", "build", "*.egg-info"))
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


if __name__ == "__main__":
    unittest.main()
