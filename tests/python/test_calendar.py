"""Calendar queries against the worked examples of DOMAIN.md section 6.

Every expected date here was checked by hand against the England and Wales
holiday table (DOMAIN.md 5.3), never computed by the code under test.
"""

import copy
import datetime
import pickle
import unittest

import timescales
from timescales import Calendar, HolidayKind

D = datetime.date

# (event day, working days, due date): DOMAIN.md section 6.
WORKED_EXAMPLES = [
    (D(2019, 12, 20), 20, D(2020, 1, 22)),   # 1: first LAC review, Christmas
    (D(1999, 12, 24), 20, D(2000, 1, 27)),   # 8: millennium
    (D(1995, 4, 28), 20, D(1995, 5, 30)),    # 9: 1995 VE-day move
    (D(2002, 5, 24), 20, D(2002, 6, 25)),    # 10: Golden Jubilee
    (D(2011, 4, 21), 20, D(2011, 5, 25)),    # 11: royal wedding
    (D(2012, 5, 25), 20, D(2012, 6, 26)),    # 12: Diamond Jubilee
    (D(2020, 4, 27), 20, D(2020, 5, 27)),    # 13: 2020 VE-day move
    (D(2022, 5, 27), 20, D(2022, 6, 28)),    # 14: Platinum Jubilee
    (D(2022, 9, 12), 15, D(2022, 10, 4)),    # 15: state funeral
    (D(2023, 4, 25), 15, D(2023, 5, 18)),    # 16: coronation
    (D(2021, 12, 17), 15, D(2022, 1, 12)),   # 17: Christmas 2021
    (D(2020, 12, 23), 5, D(2021, 1, 4)),     # 18: placement plan
    (D(2020, 12, 23), 10, D(2021, 1, 11)),   # 18: care plan
    (D(2020, 12, 24), 1, D(2020, 12, 29)),   # 19: referral decision
    (D(2019, 4, 1), 45, D(2019, 6, 7)),      # 20: assessment
    (D(2024, 1, 2), 45, D(2024, 3, 5)),      # 20
    (D(2018, 12, 20), 10, D(2019, 1, 8)),    # 21: core group
    (D(2022, 4, 1), 5, D(2022, 4, 8)),       # 22: review decisions
    (D(2022, 4, 1), 20, D(2022, 5, 4)),      # 22: review record
    (D(2024, 3, 23), 20, D(2024, 4, 23)),    # 23: looked after on a Saturday
    (D(2022, 12, 23), 20, D(2023, 1, 25)),   # 24: Christmas 2022
    (D(2024, 6, 3), 15, D(2024, 6, 24)),     # 25: two strategy discussions
    (D(2024, 1, 2), -3, D(2023, 12, 27)),    # 26: 3 working days before
    (D(2024, 1, 2), -1, D(2023, 12, 29)),    # 26: 1 working day before
]


class CalendarTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.cal = Calendar.england_and_wales()

    @classmethod
    def tearDownClass(cls):
        cls.cal.close()

    def test_worked_examples(self):
        for start, n, due in WORKED_EXAMPLES:
            with self.subTest(start=start, n=n):
                self.assertEqual(self.cal.add_working_days(start, n), due)

    def test_working_days_between_inverts_the_worked_examples(self):
        for start, n, due in WORKED_EXAMPLES:
            with self.subTest(start=start, n=n):
                self.assertEqual(self.cal.working_days_between(start, due), n)

    def test_state_funeral_icpc_is_late_the_day_after(self):
        # DOMAIN.md 6.15: ICPC on 4 Oct = 15 WD (in time); 5 Oct = 16 (late).
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
        # DOMAIN.md 6.1: the inclusive convention gives Tue 21 Jan 2020.
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
        # DOMAIN.md 6.3: legal due Good Friday, practical due Thursday.
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
        # DOMAIN.md 5.3, 2022: ten weekday holidays (Christmas Day itself is
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
