"""Calendar queries against the worked examples of docs/conventions.md#worked-examples.

Every expected date here was checked by hand against the England and Wales
holiday table, never computed by the code under test; the worked examples
are the rows of tests/data/working-days.csv.
"""

import copy
import datetime
import pickle
import unittest

import timescales
import worked_examples
from timescales import Calendar, HolidayKind

D = datetime.date

# (event day, working days, due date): docs/conventions.md#worked-examples,
# the rows of tests/data/working-days.csv (shared with the C++, C and CLI
# suites).
WORKED_EXAMPLE_ROWS = worked_examples.working_days()
WORKED_EXAMPLES = [(start, n, due)
                   for start, n, due, _, _, _ in WORKED_EXAMPLE_ROWS]


class CalendarTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.cal = Calendar.england_and_wales()

    @classmethod
    def tearDownClass(cls):
        cls.cal.close()

    def test_worked_example_table_is_read_whole(self):
        self.assertTrue(WORKED_EXAMPLES)
        self.assertEqual(len(WORKED_EXAMPLES),
                         worked_examples.WORKING_DAYS_ROWS)

    def test_worked_examples(self):
        for start, n, due in WORKED_EXAMPLES:
            with self.subTest(start=start, n=n):
                self.assertEqual(self.cal.add_working_days(start, n), due)

    def test_working_days_between_inverts_the_worked_examples(self):
        for start, n, due in WORKED_EXAMPLES:
            with self.subTest(start=start, n=n):
                self.assertEqual(self.cal.working_days_between(start, due), n)

    def test_state_funeral_icpc_is_late_the_day_after(self):
        # docs/conventions.md#worked-examples (example 15): ICPC on 4 Oct = 15 WD (in time); 5 Oct = 16 (late).
        start = D(2022, 9, 12)
        self.assertEqual(self.cal.working_days_between(start, D(2022, 10, 4)),
                         15)
        self.assertEqual(self.cal.working_days_between(start, D(2022, 10, 5)),
                         16)
        self.assertFalse(self.cal.is_working_day(D(2022, 9, 19)))

    def test_same_day_and_reversed_counts(self):
        day = D(2020, 1, 22)
        self.assertEqual(self.cal.working_days_between(day, day), 0)
        self.assertEqual(self.cal.add_working_days(day, 0), day)
        self.assertEqual(
            self.cal.working_days_between(D(2020, 1, 22), D(2019, 12, 20)),
            -20)

    def test_start_is_day_one_is_one_day_stricter(self):
        # docs/conventions.md#worked-examples (example 1): the inclusive convention gives Tue 21 Jan 2020.
        self.assertEqual(
            self.cal.add_working_days(D(2019, 12, 20), 20,
                                      counting="start_is_day_one"),
            D(2020, 1, 21))
        self.assertEqual(
            self.cal.working_days_between(D(2019, 12, 20), D(2020, 1, 21),
                                          counting="start_is_day_one"),
            20)
        with self.assertRaises(ValueError):
            self.cal.add_working_days(D(2019, 12, 20), 20, counting="nope")

    def test_is_working_day(self):
        cases = [
            (D(2019, 12, 24), True),    # Christmas Eve is a working day
            (D(2019, 12, 25), False),
            (D(2020, 5, 4), True),      # early May moved to VE day...
            (D(2020, 5, 8), False),     # ...Friday 8 May
            (D(1995, 5, 1), True),      # the same in 1995
            (D(1995, 5, 8), False),
            (D(2022, 5, 30), True),     # spring holiday moved to 2 June
            (D(2022, 6, 2), False),
            (D(2024, 3, 23), False),    # Saturday
            (D(2024, 3, 25), True),
        ]
        for day, expected in cases:
            with self.subTest(day=day):
                self.assertIs(self.cal.is_working_day(day), expected)

    def test_next_previous_and_adjust(self):
        # Easter 2020: Good Friday 10 Apr, Easter Monday 13 Apr.
        self.assertEqual(self.cal.next_working_day(D(2020, 4, 9)),
                         D(2020, 4, 14))
        self.assertEqual(self.cal.previous_working_day(D(2020, 4, 14)),
                         D(2020, 4, 9))
        # docs/conventions.md#worked-examples (example 3): legal due Good Friday, practical due Thursday.
        self.assertEqual(self.cal.adjust(D(2020, 4, 10)), D(2020, 4, 9))
        self.assertEqual(self.cal.adjust(D(2020, 4, 10), "following"),
                         D(2020, 4, 14))
        self.assertEqual(self.cal.adjust(D(2020, 4, 10), "unadjusted"),
                         D(2020, 4, 10))
        # 6.7: legal due Sat 31 Aug 2024, practical Fri 30 Aug.
        self.assertEqual(self.cal.adjust(D(2024, 8, 31)), D(2024, 8, 30))
        # Following would be Mon 2 Sep, another month: roll back instead.
        self.assertEqual(self.cal.adjust(D(2024, 8, 31), "modified_following"),
                         D(2024, 8, 30))
        # Preceding would be Fri 31 May, another month: roll on to Mon 3 Jun.
        self.assertEqual(self.cal.adjust(D(2024, 6, 1), "modified_preceding"),
                         D(2024, 6, 3))
        # A working day stays put.
        self.assertEqual(self.cal.adjust(D(2024, 8, 30), "following"),
                         D(2024, 8, 30))
        with self.assertRaises(ValueError):
            self.cal.adjust(D(2024, 8, 31), "sideways")

    def test_holidays_2022(self):
        holidays = self.cal.holidays(D(2022, 1, 1), D(2022, 12, 31))
        # docs/conventions.md#bank-holidays-by-year, 2022: ten weekday holidays (Christmas Day itself is
        # a Sunday, so its substitute Tue 27 Dec is listed).
        self.assertEqual([h.date for h in holidays], [
            D(2022, 1, 3), D(2022, 4, 15), D(2022, 4, 18), D(2022, 5, 2),
            D(2022, 6, 2), D(2022, 6, 3), D(2022, 8, 29), D(2022, 9, 19),
            D(2022, 12, 26), D(2022, 12, 27)])
        by_date = {h.date: h for h in holidays}
        funeral = by_date[D(2022, 9, 19)]
        self.assertIn("State Funeral", funeral.name)
        # Kinds follow GOV.UK's notes, which mark 3 Jan 2022 as a substitute.
        self.assertEqual(by_date[D(2022, 1, 3)].kind, HolidayKind.SUBSTITUTE)
        self.assertEqual(by_date[D(2022, 4, 15)].name, "Good Friday")
        self.assertFalse(any(h.provisional for h in holidays))
        self.assertIsInstance(funeral, timescales.Holiday)
        with self.assertRaises(Exception):   # frozen dataclass
            funeral.name = "x"

    def test_holiday_name(self):
        self.assertEqual(self.cal.holiday_name(D(2019, 12, 25)),
                         "Christmas Day")
        self.assertIsNone(self.cal.holiday_name(D(2019, 12, 24)))
        # GOV.UK's typographic apostrophe survives the trip through C.
        self.assertEqual(self.cal.holiday_name(D(2024, 1, 1)),
                         "New Year\u2019s Day")

    def test_provisional_and_strict(self):
        self.assertFalse(self.cal.is_provisional(D(2020, 1, 1)))
        self.assertTrue(self.cal.is_provisional(D(2150, 1, 1)))
        # Non-strict: far dates work, from projected holidays (no holiday
        # near Wed 1 July 2150).
        self.assertEqual(self.cal.add_working_days(D(2150, 7, 1), 1),
                         D(2150, 7, 2))
        with Calendar.england_and_wales(strict=True) as strict:
            self.assertEqual(strict.add_working_days(D(2019, 12, 20), 20),
                             D(2020, 1, 22))
            with self.assertRaises(timescales.OutOfRangeError):
                strict.add_working_days(D(2150, 7, 1), 1)

    def test_info(self):
        info = self.cal.info
        self.assertIsInstance(info, dict)
        self.assertEqual(info["name"], "england-and-wales")
        self.assertEqual(self.cal.name, "england-and-wales")
        for key in ("data_version", "exact_from", "known_until", "sources",
                    "strict", "closure_days"):
            self.assertIn(key, info)
        self.assertIs(info["strict"], False)
        self.assertEqual(info["closure_days"], 0)
        # The published table starts in 1995 and covers at least 2024.
        self.assertLessEqual(self.cal.exact_from, D(1995, 1, 1))
        self.assertGreaterEqual(self.cal.known_until, D(2024, 12, 31))
        self.assertEqual(info["data_version"], self.cal.data_version)
        self.assertIn("england-and-wales", repr(self.cal))

    def test_out_of_range(self):
        with self.assertRaises(timescales.OutOfRangeError) as cm:
            self.cal.add_working_days(D(1899, 12, 31), 1)
        self.assertIsInstance(cm.exception, ValueError)
        self.assertEqual(cm.exception.code, 11)
        self.assertTrue(cm.exception.message)
        # A result past 2199-12-31 is out of range too.
        with self.assertRaises(timescales.OutOfRangeError):
            self.cal.add_working_days(D(2199, 12, 31), 1)
        with self.assertRaises(timescales.OutOfRangeError):
            self.cal.add_working_days(D(2020, 1, 1), 2 ** 31)

    def test_argument_types(self):
        with self.assertRaises(TypeError):
            self.cal.is_working_day("2020-01-01")
        with self.assertRaises(TypeError):
            self.cal.add_working_days(D(2020, 1, 1), 1.5)
        # A datetime counts as its date.
        self.assertEqual(
            self.cal.add_working_days(datetime.datetime(2019, 12, 20, 23, 59),
                                      20),
            D(2020, 1, 22))

    def test_close_and_context_manager(self):
        cal = Calendar.england_and_wales()
        self.assertFalse(cal.closed)
        cal.close()
        cal.close()   # harmless twice
        self.assertTrue(cal.closed)
        with self.assertRaises(ValueError):
            cal.is_working_day(D(2020, 1, 1))
        with Calendar.england_and_wales() as cal2:
            self.assertTrue(cal2.is_working_day(D(2020, 1, 2)))
        self.assertTrue(cal2.closed)
        self.assertIn("closed", repr(cal2))

    def test_copies_share_the_calendar_and_pickling_is_refused(self):
        self.assertIs(copy.copy(self.cal), self.cal)
        self.assertIs(copy.deepcopy(self.cal), self.cal)
        with self.assertRaises(TypeError):
            pickle.dumps(self.cal)

    def test_no_public_constructor(self):
        with self.assertRaises(TypeError):
            Calendar()


if __name__ == "__main__":
    unittest.main()
