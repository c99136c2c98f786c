"""Calendars from GOV.UK files, closure days and builders."""

import datetime
import json
import os
import unittest

import timescales
from timescales import Calendar, CalendarBuilder, HolidayKind

D = datetime.date

DATA_DIR = os.environ.get("TSC_TEST_DATA_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), os.pardir, "data")
GOVUK_FILE = os.path.join(DATA_DIR,
                          "bank-holidays-england-and-wales-1995-2030.json")

# England and Wales 2024 (docs/conventions.md#bank-holidays-by-year), plus a made-up extra day on Mon
# 1 July 2024, in the GOV.UK per-division format.
EW_2024_WITH_EXTRA = {
    "division": "england-and-wales",
    "events": [
        {"title": t, "date": d, "notes": n, "bunting": True}
        for t, d, n in [
            ("New Year\u2019s Day", "2024-01-01", ""),
            ("Good Friday", "2024-03-29", ""),
            ("Easter Monday", "2024-04-01", ""),
            ("Early May bank holiday", "2024-05-06", ""),
            ("Spring bank holiday", "2024-05-27", ""),
            ("Test extra day", "2024-07-01", "Extra bank holiday"),
            ("Summer bank holiday", "2024-08-26", ""),
            ("Christmas Day", "2024-12-25", ""),
            ("Boxing Day", "2024-12-26", ""),
        ]
    ],
}


def read_govuk_file():
    with open(GOVUK_FILE, "rb") as f:
        return f.read()


class ClosureDaysTest(unittest.TestCase):

    def test_closure_day_pairs(self):
        cal = Calendar.build(
            closure_days=[(D(2024, 12, 24), "Council closure")])
        self.assertFalse(cal.is_working_day(D(2024, 12, 24)))
        self.assertEqual(cal.holiday_name(D(2024, 12, 24)), "Council closure")
        # Fri 20 Dec + 2: Mon 23 = 1, Tue 24 closed, 25 and 26 holidays,
        # Fri 27 = 2 (it would be Tue 24 without the closure).
        self.assertEqual(cal.add_working_days(D(2024, 12, 20), 2),
                         D(2024, 12, 27))
        with Calendar.england_and_wales() as plain:
            self.assertEqual(plain.add_working_days(D(2024, 12, 20), 2),
                             D(2024, 12, 24))
        closure = [h for h in cal.holidays(D(2024, 12, 1), D(2024, 12, 31))
                   if h.date == D(2024, 12, 24)]
        self.assertEqual(len(closure), 1)
        self.assertEqual(closure[0].kind, HolidayKind.LOCAL_CLOSURE)
        self.assertEqual(cal.info["closure_days"], 1)
        # The built-in holidays are still there.
        self.assertFalse(cal.is_working_day(D(2024, 12, 25)))

    def test_closure_day_mapping_and_plain_dates(self):
        cal = Calendar.build(closure_days={D(2024, 7, 1): "Staff day"})
        self.assertEqual(cal.holiday_name(D(2024, 7, 1)), "Staff day")
        with CalendarBuilder() as b:
            cal2 = b.add_closure_days([D(2024, 7, 2)]).build()
        self.assertFalse(cal2.is_working_day(D(2024, 7, 2)))
        self.assertTrue(cal2.holiday_name(D(2024, 7, 2)))

    def test_closure_days_text(self):
        text = ("# council closures\n"
                "2024-12-24, Council closure\n"
                "\n"
                "27/12/2024 Christmas shutdown\n")
        cal = Calendar.build(closure_days=text)
        self.assertEqual(cal.holiday_name(D(2024, 12, 24)), "Council closure")
        self.assertEqual(cal.holiday_name(D(2024, 12, 27)),
                         "Christmas shutdown")
        # Mon 23 Dec 2024 + 1: 24 closed, 25-26 holidays, 27 closed,
        # weekend, so Mon 30 Dec.
        self.assertEqual(cal.add_working_days(D(2024, 12, 23), 1),
                         D(2024, 12, 30))

    def test_bad_closure_text_names_source_and_line(self):
        with CalendarBuilder() as b:
            with self.assertRaises(timescales.InvalidArgumentError) as cm:
                b.load_closure_days("2024-12-24 ok\n2024-13-01 bad\n",
                                    source="closures.txt")
        message = cm.exception.message
        self.assertIn("closures.txt", message)
        self.assertRegex(message, r"\b2\b")   # the second line


class GovUkJsonTest(unittest.TestCase):

    def test_from_govuk_json_whole_file(self):
        data = read_govuk_file()
        for text in (data, data.decode("utf-8")):   # bytes or str
            with Calendar.from_govuk_json(text, "england-and-wales") as cal:
                holidays = cal.holidays(D(2022, 1, 1), D(2022, 12, 31))
                self.assertEqual(len(holidays), 10)
                self.assertEqual(
                    cal.add_working_days(D(2019, 12, 20), 20), D(2020, 1, 22))
                self.assertEqual(cal.name, "england-and-wales")

    def test_from_govuk_json_one_division_object(self):
        division = json.loads(read_govuk_file())["england-and-wales"]
        with Calendar.from_govuk_json(json.dumps(division)) as cal:
            self.assertEqual(cal.add_working_days(D(2022, 9, 12), 15),
                             D(2022, 10, 4))

    def test_missing_division(self):
        with self.assertRaises(timescales.NotFoundError) as cm:
            Calendar.from_govuk_json(read_govuk_file(), "scotland")
        self.assertIsInstance(cm.exception, LookupError)

    def test_malformed_json_names_the_line(self):
        text = '{\n  "england-and-wales": {\n    "division": ,\n'
        with self.assertRaises(timescales.InvalidArgumentError) as cm:
            Calendar.from_govuk_json(text, "england-and-wales")
        self.assertIsInstance(cm.exception, ValueError)
        self.assertRegex(cm.exception.message.lower(), r"line\D{0,3}3\b")

    def test_overlay_replaces_the_files_years_only(self):
        text = json.dumps(EW_2024_WITH_EXTRA)
        cal = Calendar.build(govuk_json=text, merge="overlay")
        self.assertFalse(cal.is_working_day(D(2024, 7, 1)))
        self.assertEqual(cal.holiday_name(D(2024, 7, 1)), "Test extra day")
        # Other years keep the built-in data (the 2023 coronation).
        self.assertFalse(cal.is_working_day(D(2023, 5, 8)))
        self.assertEqual(cal.add_working_days(D(2019, 12, 20), 20),
                         D(2020, 1, 22))

    def test_replace_keeps_only_the_files_holidays(self):
        text = json.dumps(EW_2024_WITH_EXTRA)
        cal = Calendar.build(govuk_json=text, merge="replace")
        self.assertFalse(cal.is_working_day(D(2024, 7, 1)))
        self.assertTrue(cal.is_working_day(D(2023, 5, 8)))
        self.assertTrue(cal.is_working_day(D(2019, 12, 25)))

    def test_overlay_extends_known_until(self):
        future = {"division": "england-and-wales", "events": [
            {"title": "New Year\u2019s Day", "date": "2035-01-01",
             "notes": "", "bunting": True}]}
        plain = Calendar.england_and_wales()
        self.assertTrue(plain.is_provisional(D(2035, 6, 1)))
        cal = Calendar.build(govuk_json=json.dumps(future))
        self.assertGreaterEqual(cal.known_until, D(2035, 1, 1))
        self.assertFalse(cal.is_provisional(D(2035, 1, 1)))

    def test_bad_merge_option(self):
        with self.assertRaises(ValueError):
            Calendar.build(govuk_json="{}", merge="sideways")


class BuilderTest(unittest.TestCase):

    def test_builder_stays_usable_after_build(self):
        with CalendarBuilder() as b:
            before = b.build()
            after = b.add_closure_day(D(2024, 7, 1), "Closed").build()
        self.assertTrue(before.is_working_day(D(2024, 7, 1)))
        self.assertFalse(after.is_working_day(D(2024, 7, 1)))
        # Calendars outlive the builder that made them.
        self.assertTrue(b._handle is None)
        self.assertEqual(after.holiday_name(D(2024, 7, 1)), "Closed")

    def test_weekends_only_base(self):
        cal = Calendar.build(None, name="plain weekdays")
        self.assertEqual(cal.name, "plain weekdays")
        self.assertTrue(cal.is_working_day(D(2019, 12, 25)))
        self.assertFalse(cal.is_working_day(D(2019, 12, 28)))   # Saturday
        self.assertEqual(cal.holidays(D(2019, 1, 1), D(2019, 12, 31)), [])

    def test_strict_builder(self):
        with CalendarBuilder() as b:
            cal = b.set_strict().build()
        self.assertTrue(cal.info["strict"])
        with self.assertRaises(timescales.OutOfRangeError):
            cal.is_working_day(D(2150, 7, 1))

    def test_closed_builder(self):
        b = CalendarBuilder()
        b.close()
        with self.assertRaises(ValueError):
            b.build()

    def test_unknown_base(self):
        with self.assertRaises(ValueError):
            CalendarBuilder("scotland")


if __name__ == "__main__":
    unittest.main()
