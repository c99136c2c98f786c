"""Date helpers: serial days, parsing, calendar arithmetic
(docs/conventions.md#months, #calendar-days-and-weeks and #worked-examples).
Expected values are hand-checked."""

import datetime
import os
import re
import unittest

import timescales
from timescales import (add_days, add_months, add_weeks, date_to_serial,
                        parse_date, serial_to_date)

D = datetime.date


class SerialTest(unittest.TestCase):

    def test_known_serials(self):
        self.assertEqual(date_to_serial(D(1970, 1, 1)), 0)
        # 50 years of 365 days + 12 leap days to 2020-01-01, less 12 days.
        self.assertEqual(date_to_serial(D(2019, 12, 20)), 18250)
        # TSC_MIN_DATE and TSC_MAX_DATE in c.h.
        self.assertEqual(date_to_serial(timescales.MIN_DATE), -25567)
        self.assertEqual(date_to_serial(timescales.MAX_DATE), 84005)
        self.assertEqual(serial_to_date(18250), D(2019, 12, 20))
        self.assertEqual(serial_to_date(-25567), D(1900, 1, 1))

    def test_same_numbers_as_numpy(self):
        try:
            import numpy as np
        except ImportError:
            self.skipTest("numpy is not installed")
        day = np.datetime64("2019-12-20", "D")
        self.assertEqual(int(day.astype("int64")), 18250)

    def test_type_errors(self):
        with self.assertRaises(TypeError):
            date_to_serial("2019-12-20")
        with self.assertRaises(TypeError):
            serial_to_date(1.5)


class ParseTest(unittest.TestCase):

    def test_formats(self):
        for text in ("2019-12-20", "20/12/2019", "  2019-12-20 ",
                     b"2019-12-20"):
            with self.subTest(text=text):
                self.assertEqual(parse_date(text), D(2019, 12, 20))

    def test_bad_date(self):
        with self.assertRaises(timescales.InvalidArgumentError) as cm:
            parse_date("2023-02-31")
        e = cm.exception
        self.assertIsInstance(e, ValueError)
        self.assertIsInstance(e, timescales.TimescalesError)
        self.assertEqual(e.code, 3)
        self.assertTrue(e.message)
        self.assertEqual(str(e), e.message)
        with self.assertRaises(ValueError):
            parse_date("not a date")
        with self.assertRaises(TypeError):
            parse_date(None)

    def test_out_of_range(self):
        with self.assertRaises(timescales.OutOfRangeError) as cm:
            parse_date("1899-12-31")
        self.assertIsInstance(cm.exception, ValueError)
        self.assertEqual(cm.exception.code, 11)
        self.assertEqual(parse_date("1900-01-01"), D(1900, 1, 1))
        self.assertEqual(parse_date("2199-12-31"), D(2199, 12, 31))
        with self.assertRaises(timescales.OutOfRangeError):
            parse_date("2200-01-01")


class MonthsTest(unittest.TestCase):

    def test_corresponding_date(self):
        cases = [
            (D(2023, 8, 31), 6, D(2024, 2, 29)),   # 6.5: leap-year clamp
            (D(2024, 2, 29), 6, D(2024, 8, 29)),   # 6.5: the drift
            (D(2021, 8, 31), 6, D(2022, 2, 28)),   # 6.4: non-leap clamp
            (D(2019, 10, 31), 6, D(2020, 4, 30)),  # 6.7
            (D(2024, 5, 31), 3, D(2024, 8, 31)),   # 6.7: legal due Saturday
            (D(2024, 1, 15), 3, D(2024, 4, 15)),   # 6.7
            (D(2023, 11, 30), 3, D(2024, 2, 29)),  # 6.6
            (D(2020, 1, 22), 3, D(2020, 4, 22)),   # 6.2
            (D(2023, 9, 30), 4, D(2024, 1, 30)),   # Dodds: not 31 Jan
            (D(2024, 4, 30), 1, D(2024, 5, 30)),   # c.h: 30 Apr + 1 month
        ]
        for day, n, expected in cases:
            with self.subTest(day=day, n=n):
                self.assertEqual(add_months(day, n), expected)
                self.assertEqual(add_months(day, n, "corresponding_date"),
                                 expected)

    def test_other_conventions(self):
        self.assertEqual(
            add_months(D(2024, 1, 15), 3, "day_before_corresponding"),
            D(2024, 4, 14))
        # 3 months = 91 days, 6 months = 183 days.
        self.assertEqual(add_months(D(2024, 1, 15), 3, "fixed_days"),
                         D(2024, 4, 15))
        self.assertEqual(add_months(D(2024, 1, 15), 6, "fixed_days"),
                         D(2024, 7, 16))
        with self.assertRaises(timescales.InvalidArgumentError):
            add_months(D(2024, 1, 15), 3, "lunar")

    def test_days_and_weeks(self):
        # 6.27: placement Sun 1 Sep 2024, first visit within a week.
        self.assertEqual(add_days(D(2024, 9, 1), 7), D(2024, 9, 8))
        # 6.27: visit Fri 6 Sep 2024, next within six weeks.
        self.assertEqual(add_weeks(D(2024, 9, 6), 6), D(2024, 10, 18))
        self.assertEqual(add_days(D(2024, 3, 1), -1), D(2024, 2, 29))
        with self.assertRaises(timescales.OutOfRangeError):
            add_days(D(2199, 12, 31), 1)
        with self.assertRaises(timescales.OutOfRangeError):
            add_days(D(2000, 1, 1), 2 ** 40)   # caught before ctypes


class VersionTest(unittest.TestCase):

    def test_version_matches_the_project(self):
        self.assertRegex(timescales.__version__, r"^\d+\.\d+\.\d+")
        expected = os.environ.get("TSC_PROJECT_VERSION")
        if expected:   # set by ctest from project(VERSION)
            self.assertEqual(timescales.__version__, expected)

    def test_pyproject_version_matches_the_library(self):
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.join(here, os.pardir, os.pardir, "capi", "python",
                            "pyproject.toml")
        with open(path, encoding="utf-8") as f:
            match = re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M)
        self.assertIsNotNone(match)
        self.assertEqual(match.group(1), timescales.__version__)


if __name__ == "__main__":
    unittest.main()
