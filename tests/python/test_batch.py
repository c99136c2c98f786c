"""Batch queries over lists and numpy arrays.

The numpy tests prove three things: the batch answers equal the scalar
answers over thousands of days, a C-contiguous ``datetime64[D]`` array
reaches the C function as its own buffer (no copy), and results are written
straight into ``out=``.
"""

import ctypes
import datetime
import os
import subprocess
import sys
import unittest
from unittest import mock

import timescales
from timescales import _ffi

try:
    import numpy as np
except ImportError:   # the list tests still run
    np = None

D = datetime.date


def address(pointer):
    """The address a ctypes pointer argument points at."""
    return ctypes.cast(pointer, ctypes.c_void_p).value


class ListBatchTest(unittest.TestCase):
    """The path used without numpy: plain lists in, lists out."""

    @classmethod
    def setUpClass(cls):
        cls.cal = timescales.Calendar.england_and_wales()

    def test_add_working_days(self):
        days = [D(2019, 12, 20), D(2022, 9, 12), D(2024, 3, 23)]
        self.assertEqual(self.cal.add_working_days_batch(days, [20, 15, 20]),
                         [D(2020, 1, 22), D(2022, 10, 4), D(2024, 4, 23)])
        # 2022-09-12 + 20: 19 Sep is the funeral, so Tue 11 Oct 2022.
        self.assertEqual(self.cal.add_working_days_batch(tuple(days), 20),
                         [D(2020, 1, 22), D(2022, 10, 11), D(2024, 4, 23)])
        self.assertEqual(
            self.cal.add_working_days_batch([D(2019, 12, 20)], 20,
                                            counting="start_is_day_one"),
            [D(2020, 1, 21)])

    def test_working_days_between_and_is_working_day(self):
        self.assertEqual(
            self.cal.working_days_between_batch(
                [D(2019, 12, 20), D(2022, 9, 12), D(2022, 9, 12)],
                [D(2020, 1, 22), D(2022, 10, 4), D(2022, 10, 5)]),
            [20, 15, 16])
        self.assertEqual(
            self.cal.is_working_day_batch(
                [D(2019, 12, 24), D(2019, 12, 25), D(2024, 3, 23)]),
            [True, False, False])

    def test_empty_and_mismatched(self):
        self.assertEqual(self.cal.add_working_days_batch([], 20), [])
        self.assertEqual(self.cal.working_days_between_batch([], []), [])
        self.assertEqual(self.cal.is_working_day_batch([]), [])
        with self.assertRaises(ValueError):
            self.cal.add_working_days_batch([D(2020, 1, 1)], [1, 2])
        with self.assertRaises(ValueError):
            self.cal.working_days_between_batch([D(2020, 1, 1)], [])
        with self.assertRaises(TypeError):
            self.cal.is_working_day_batch([D(2020, 1, 1), "2020-01-02"])
        with self.assertRaises(TypeError):
            self.cal.is_working_day_batch([D(2020, 1, 1)], out=[None])

    def test_error_names_the_failing_index(self):
        days = [D(2020, 1, 1), D(2020, 1, 2), D(1899, 12, 31)]
        with self.assertRaises(timescales.OutOfRangeError) as cm:
            self.cal.add_working_days_batch(days, 1)
        self.assertRegex(cm.exception.message, r"\belement 2\b")

    def test_works_without_numpy(self):
        # A fresh interpreter where `import numpy` fails: the list path must
        # neither need numpy nor import it behind the caller's back.
        code = "\n".join([
            "import sys, datetime",
            "sys.modules['numpy'] = None  # import numpy -> ImportError",
            "import timescales",
            "cal = timescales.Calendar.england_and_wales()",
            "d = datetime.date",
            "r = cal.add_working_days_batch([d(2019, 12, 20)], 20)",
            "assert r == [d(2020, 1, 22)], r",
            "assert cal.is_working_day_batch([d(2019, 12, 25)]) == [False]",
            "assert sys.modules['numpy'] is None",
            "print('ok')",
        ])
        result = subprocess.run([sys.executable, "-c", code],
                                capture_output=True, text=True,
                                env=dict(os.environ))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), "ok")


@unittest.skipIf(np is None, "numpy is not installed")
class NumpyBatchTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.cal = timescales.Calendar.england_and_wales()
        # Every day 1995-2030 (13,149 days): all the special days in range.
        cls.days = np.arange("1995-01-01", "2031-01-01", dtype="datetime64[D]")
        cls.py_days = cls.days.tolist()   # datetime.date objects

    def test_add_working_days_equals_scalar(self):
        # n from -30 to 30, zero included.
        n = (np.arange(self.days.size, dtype=np.int64) % 61) - 30
        for counting in ("start_excluded", "start_is_day_one"):
            with self.subTest(counting=counting):
                got = self.cal.add_working_days_batch(self.days, n,
                                                      counting=counting)
                self.assertEqual(got.dtype, np.dtype("datetime64[D]"))
                self.assertEqual(got.shape, self.days.shape)
                expected = [self.cal.add_working_days(d, int(k), counting)
                            for d, k in zip(self.py_days, n)]
                self.assertEqual(got.tolist(), expected)

    def test_scalar_n_broadcasts(self):
        got = self.cal.add_working_days_batch(self.days, 20)
        one = self.cal.add_working_days_batch(self.days,
                                              np.array([20], dtype=np.int32))
        expected = [self.cal.add_working_days(d, 20) for d in self.py_days]
        self.assertEqual(got.tolist(), expected)
        self.assertEqual(one.tolist(), expected)
        # The worked example is in there.
        i = int((np.datetime64("2019-12-20") - self.days[0]).astype(int))
        self.assertEqual(got[i], np.datetime64("2020-01-22"))

    def test_working_days_between_equals_scalar(self):
        rng = np.random.default_rng(20191220)
        ends = self.days + rng.integers(-400, 400, self.days.size)
        got = self.cal.working_days_between_batch(self.days, ends)
        self.assertEqual(got.dtype, np.int64)
        expected = [self.cal.working_days_between(a, b)
                    for a, b in zip(self.py_days, ends.tolist())]
        self.assertEqual(got.tolist(), expected)

    def test_is_working_day_equals_scalar(self):
        got = self.cal.is_working_day_batch(self.days)
        self.assertEqual(got.dtype, np.bool_)
        # numpy bools must hold exactly 0 or 1.
        self.assertTrue(set(np.unique(got.view(np.uint8))) <= {0, 1})
        expected = [self.cal.is_working_day(d) for d in self.py_days]
        self.assertEqual(got.tolist(), expected)
        # 25 Dec 2019 is not a working day; 24 Dec is.
        i = int((np.datetime64("2019-12-25") - self.days[0]).astype(int))
        self.assertEqual(got[i - 1:i + 1].tolist(), [True, False])

    def test_contiguous_input_is_not_copied(self):
        lib = _ffi.lib
        name = "tsc_calendar_add_working_days_batch_i64"
        out = np.empty_like(self.days)
        with mock.patch.object(lib, name, wraps=getattr(lib, name)) as spy:
            result = self.cal.add_working_days_batch(self.days, 20, out=out)
        args = spy.call_args.args
        # The C function read the caller's buffer and wrote into `out`.
        self.assertEqual(address(args[2]), self.days.ctypes.data)
        self.assertEqual(address(args[0]), out.ctypes.data)
        self.assertIs(result, out)
        self.assertTrue(np.shares_memory(result, out))
        self.assertEqual(args[3], self.days.size)
        self.assertEqual(args[5], 1)   # scalar n broadcast by C
        # Sun 1 Jan 1995 + 20: Mon 2 Jan is a substitute day, so Tue 3 Jan
        # is day 1 and Mon 30 Jan day 20.
        self.assertEqual(result[0], np.datetime64("1995-01-30"))

    def test_other_batches_pass_buffers_too(self):
        lib = _ffi.lib
        ends = self.days + 7
        out = np.zeros(self.days.shape, dtype=np.int64)
        name = "tsc_calendar_working_days_between_batch_i64"
        with mock.patch.object(lib, name, wraps=getattr(lib, name)) as spy:
            result = self.cal.working_days_between_batch(self.days, ends,
                                                         out=out)
        args = spy.call_args.args
        self.assertEqual(address(args[2]), self.days.ctypes.data)
        self.assertEqual(address(args[3]), ends.ctypes.data)
        self.assertIs(result, out)
        # Seven calendar days always hold five weekdays; holidays take up
        # to three (27, 28, 31 Dec 1999).
        self.assertTrue(((out >= 2) & (out <= 5)).all())

        flags = np.zeros(self.days.shape, dtype=bool)
        name = "tsc_calendar_is_working_day_batch_i64"
        with mock.patch.object(lib, name, wraps=getattr(lib, name)) as spy:
            result = self.cal.is_working_day_batch(self.days, out=flags)
        args = spy.call_args.args
        self.assertEqual(address(args[2]), self.days.ctypes.data)
        self.assertEqual(address(args[0]), flags.ctypes.data)
        self.assertIs(result, flags)

    def test_non_contiguous_input_is_copied_once_and_correct(self):
        strided = self.days[::7]   # every 7th day: a view with a stride
        self.assertFalse(strided.flags.c_contiguous)
        lib = _ffi.lib
        name = "tsc_calendar_add_working_days_batch_i64"
        with mock.patch.object(lib, name, wraps=getattr(lib, name)) as spy:
            got = self.cal.add_working_days_batch(strided, 20)
        self.assertNotEqual(address(spy.call_args.args[2]),
                            strided.ctypes.data)
        expected = [self.cal.add_working_days(d, 20)
                    for d in strided.tolist()]
        self.assertEqual(got.tolist(), expected)

    def test_shapes_are_kept(self):
        grid = self.days[:12].reshape(3, 4)
        got = self.cal.is_working_day_batch(grid)
        self.assertEqual(got.shape, (3, 4))
        self.assertEqual(got.ravel().tolist(),
                         [self.cal.is_working_day(d)
                          for d in self.py_days[:12]])
        n = np.arange(12).reshape(3, 4)
        due = self.cal.add_working_days_batch(grid, n)
        self.assertEqual(due.shape, (3, 4))
        self.assertEqual(due[2, 3], np.datetime64(
            self.cal.add_working_days(self.py_days[11], 11)))

    def test_mixed_list_and_array(self):
        got = self.cal.working_days_between_batch(
            np.array(["2019-12-20"], dtype="datetime64[D]"),
            [D(2020, 1, 22)])
        self.assertEqual(got.tolist(), [20])

    def test_rejections(self):
        with self.assertRaises(TypeError):   # not dates
            self.cal.is_working_day_batch(np.arange(3))
        with self.assertRaises(TypeError):
            self.cal.add_working_days_batch(self.days, np.ones(
                self.days.shape))   # float n
        with self.assertRaises(ValueError):
            self.cal.add_working_days_batch(self.days, np.ones(3, np.int64))
        with self.assertRaises(TypeError):
            self.cal.add_working_days_batch(self.days, 1,
                                            out=np.empty(self.days.shape))
        with self.assertRaises(ValueError):
            self.cal.add_working_days_batch(
                self.days, 1, out=np.empty(5, "datetime64[D]"))
        with self.assertRaises(ValueError):
            self.cal.working_days_between_batch(self.days, self.days[:-1])

    def test_error_names_the_failing_index(self):
        days = np.array(["2020-01-01", "2020-01-02", "1899-12-31"],
                        dtype="datetime64[D]")
        with self.assertRaises(timescales.OutOfRangeError) as cm:
            self.cal.add_working_days_batch(days, 1)
        self.assertRegex(cm.exception.message, r"\belement 2\b")
        # NaT is missing, not out of range: missing out, never an error.
        flags = self.cal.is_working_day_batch(
            np.array(["NaT", "2019-12-25"], dtype="datetime64[D]"))
        self.assertEqual(flags.dtype, np.float64)
        self.assertTrue(np.isnan(flags[0]))
        self.assertEqual(flags[1], 0.0)

    def test_empty(self):
        empty = np.array([], dtype="datetime64[D]")
        self.assertEqual(self.cal.add_working_days_batch(empty, 1).size, 0)
        self.assertEqual(self.cal.is_working_day_batch(empty).dtype, np.bool_)


if __name__ == "__main__":
    unittest.main()
