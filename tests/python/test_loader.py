"""The loader: search order, TSC_LIBRARY handling, and the ABI check.

The search-order tests run a fresh interpreter on a copy of the package, so
each sees a clean import and a package directory the test controls.
"""

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from timescales import _ffi, _loader

HERE = os.path.dirname(os.path.abspath(__file__))
# The package under test (from PYTHONPATH), copied for each search test.
PACKAGE_SRC = os.path.dirname(os.path.abspath(_loader.__file__))
LIBRARY = os.environ.get("TSC_LIBRARY") or _ffi.LIBRARY_PATH
LIB_NAME = _loader.library_file_name()


class FakeFunction:
    def __init__(self, value):
        self.value = value

    def __call__(self):
        return self.value


class FakeLibrary:
    def __init__(self, abi):
        self.tsc_abi_version = FakeFunction(abi)


class CheckAbiTest(unittest.TestCase):

    def test_matching_abi_passes(self):
        _loader.check_abi(FakeLibrary(_loader.EXPECTED_ABI), "fake")

    def test_wrong_abi_is_an_import_error(self):
        with self.assertRaises(ImportError) as cm:
            _loader.check_abi(FakeLibrary(_loader.EXPECTED_ABI + 1), "fake")
        message = str(cm.exception)
        self.assertIn("ABI version %d" % (_loader.EXPECTED_ABI + 1), message)
        self.assertIn("ABI version %d" % _loader.EXPECTED_ABI, message)

    def test_not_a_timescales_library(self):
        with self.assertRaises(ImportError):
            _loader.check_abi(object(), "libc")

    def test_real_library_against_another_expectation(self):
        dll = ctypes.CDLL(LIBRARY)
        _loader.check_abi(dll, LIBRARY)   # the real ABI is accepted...
        with self.assertRaises(ImportError):   # ...and only that one
            _loader.check_abi(dll, LIBRARY,
                              expected=_loader.EXPECTED_ABI + 1)

    def test_expected_abi_matches_the_header(self):
        header = os.path.join(HERE, os.pardir, os.pardir, "capi", "include",
                              "timescales", "c.h")
        with open(header, encoding="utf-8") as f:
            self.assertIn("#define TSC_ABI_VERSION %d\n" %
                          _loader.EXPECTED_ABI, f.read())


class TscLibraryTest(unittest.TestCase):

    def test_relative_path_is_refused(self):
        with self.assertRaisesRegex(ImportError, "absolute"):
            _loader.load({"TSC_LIBRARY": "libtimescales_c.so.1"})

    def test_missing_file_is_refused(self):
        with self.assertRaisesRegex(ImportError, "does not exist"):
            _loader.load({"TSC_LIBRARY": "/nonexistent/libtimescales_c.so"})

    def test_valid_path_is_used(self):
        _, path = _loader.load({"TSC_LIBRARY": os.path.abspath(LIBRARY)})
        self.assertEqual(path, os.path.abspath(LIBRARY))


class SearchOrderTest(unittest.TestCase):
    """Import a private copy of the package in a fresh interpreter."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="tsc-loader-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.site = os.path.join(self.tmp, "site")
        self.package = os.path.join(self.site, "timescales")
        shutil.copytree(PACKAGE_SRC, self.package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.so*",
                                                      "_install_paths.py"))

    def run_python(self, code, tsc_library=None):
        env = dict(os.environ)
        env.pop("TSC_LIBRARY", None)
        env.pop("LD_LIBRARY_PATH", None)
        if tsc_library:
            env["TSC_LIBRARY"] = tsc_library
        env["PYTHONPATH"] = self.site
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        return subprocess.run([sys.executable, "-c", code], cwd=self.tmp,
                              env=env, capture_output=True, text=True)

    def loaded_path(self, tsc_library=None):
        result = self.run_python(
            "import timescales, timescales._ffi as f; "
            "assert timescales.__file__.startswith(%r); "
            "print(f.LIBRARY_PATH)" % self.package, tsc_library)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip()

    def test_package_directory(self):
        bundled = os.path.join(self.package, LIB_NAME)
        os.symlink(os.path.abspath(LIBRARY), bundled)
        self.assertEqual(self.loaded_path(), bundled)

    def test_tsc_library_wins_over_the_package_directory(self):
        os.symlink(os.path.abspath(LIBRARY),
                   os.path.join(self.package, LIB_NAME))
        other = os.path.join(self.tmp, "elsewhere.so")
        os.symlink(os.path.abspath(LIBRARY), other)
        self.assertEqual(self.loaded_path(other), other)

    def test_install_tree(self):
        # The layout `cmake --install` makes: lib/python3/site-packages/
        # timescales and lib/, with a relative path between them.
        libdir = os.path.join(self.tmp, "lib")
        os.mkdir(libdir)
        os.symlink(os.path.abspath(LIBRARY), os.path.join(libdir, LIB_NAME))
        with open(os.path.join(self.package, "_install_paths.py"), "w") as f:
            f.write('LIBDIR_FROM_PACKAGE = "../../lib"\n')
        self.assertEqual(self.loaded_path(), os.path.join(libdir, LIB_NAME))

    def test_package_directory_wins_over_the_install_tree(self):
        libdir = os.path.join(self.tmp, "lib")
        os.mkdir(libdir)
        os.symlink(os.path.abspath(LIBRARY), os.path.join(libdir, LIB_NAME))
        with open(os.path.join(self.package, "_install_paths.py"), "w") as f:
            f.write('LIBDIR_FROM_PACKAGE = "../../lib"\n')
        bundled = os.path.join(self.package, LIB_NAME)
        os.symlink(os.path.abspath(LIBRARY), bundled)
        self.assertEqual(self.loaded_path(), bundled)

    def test_nothing_found_gives_guidance(self):
        import ctypes.util
        if ctypes.util.find_library("timescales_c"):
            self.skipTest("a libtimescales_c is installed system-wide")
        result = self.run_python("import timescales")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImportError", result.stderr)
        self.assertIn("TSC_LIBRARY", result.stderr)

    def test_wrong_abi_library_is_refused_at_import(self):
        cc = shutil.which("cc") or shutil.which("gcc")
        if not cc:
            self.skipTest("no C compiler to build a fake library")
        source = os.path.join(self.tmp, "fake.c")
        with open(source, "w") as f:
            f.write("int tsc_abi_version(void) { return %d; }\n" %
                    (_loader.EXPECTED_ABI + 1))
        fake = os.path.join(self.tmp, "libfake.so")
        subprocess.run([cc, "-shared", "-fPIC", "-o", fake, source],
                       check=True, env={"PATH": os.environ.get("PATH", "")})
        result = self.run_python("import timescales", fake)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImportError", result.stderr)
        self.assertIn("ABI version %d" % (_loader.EXPECTED_ABI + 1),
                      result.stderr)


if __name__ == "__main__":
    unittest.main()
