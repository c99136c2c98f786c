"""Review chains (LAC periods of care, CP plans) through the C ABI.

Due dates are docs/conventions.md#worked-examples worked examples or counted by hand in
the comments beside them, never values computed by the code under test.
"""

import dataclasses
import datetime
import json
import unittest

import timescales
from timescales import Deadline, Policy, Schedule, Slot, Timescales

D = datetime.date
T = datetime.datetime


class LacScheduleTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.ts = Timescales()

    def test_chain_from_actual_dates(self):
        # Looked after Fri 20 Dec 2019, reviews 22 Jan and 23 Apr 2020, as
        # at 1 Nov 2020.
        s = self.ts.lac_schedule(D(2019, 12, 20),
                                 [D(2020, 1, 22), D(2020, 4, 23)],
                                 as_at=D(2020, 11, 1))
        self.assertIsInstance(s, Schedule)
        self.assertEqual((s.kind, s.start, s.end, s.as_at),
                         ("lac", D(2019, 12, 20), None, D(2020, 11, 1)))
        self.assertTrue(all(isinstance(x, Slot) for x in s.slots))
        self.assertEqual([x.number for x in s.slots], [1, 2, 3])
        self.assertEqual([x.rule_id for x in s.slots],
                         ["lac.first_review", "lac.second_review",
                          "lac.subsequent_review"])
        self.assertEqual([x.legal_due for x in s.slots],
                         [D(2020, 1, 22), D(2020, 4, 22), D(2020, 10, 23)])
        self.assertEqual([x.status for x in s.slots],
                         ["on_time", "late", "overdue"])
        self.assertEqual([x.held for x in s.slots],
                         [D(2020, 1, 22), D(2020, 4, 23), None])
        # One working day late (23 Apr); overdue from Fri 23 Oct to Sun
        # 1 Nov: 26, 27, 28, 29, 30 Oct.
        self.assertEqual([x.working_days_late for x in s.slots], [0, 1, 5])
        self.assertEqual(s.next_due, D(2020, 10, 23))
        self.assertEqual(s.overdue, [s.slots[2]])
        self.assertIsNone(s.core_group)
        self.assertEqual(s.duplicates, [])
        # Each slot counts from the review actually held.
        self.assertEqual([x.anchor for x in s.slots],
                         [D(2019, 12, 20), D(2020, 1, 22), D(2020, 4, 23)])
        self.assertIn("skipping Wed 25 Dec Christmas Day", s.slots[0].working)
        self.assertIn("default (event day excluded", s.policy)
        self.assertIn("england-and-wales", s.calendar)
        # The library's JSON is kept.
        self.assertEqual(json.loads(s.raw_json)["next_due"], "2020-10-23")
        with self.assertRaises(dataclasses.FrozenInstanceError):
            s.next_due = None

    def test_review_deadlines(self):
        # Held Wed 22 Jan 2020: decisions by Wed 29 Jan (5 WD), record by
        # Wed 19 Feb (20 WD), report by the end of Tue 21 Jan (24 hours,
        # date only). None was recorded: all overdue by 1 Nov.
        s = self.ts.lac_schedule(D(2019, 12, 20), [D(2020, 1, 22)],
                                 as_at=D(2020, 11, 1))
        deadlines = s.slots[0].deadlines
        self.assertTrue(all(isinstance(d, Deadline) for d in deadlines))
        self.assertEqual(
            [(d.rule_id, d.legal_due, d.status, d.done) for d in deadlines],
            [("lac.review_decisions", D(2020, 1, 29), "overdue", None),
             ("lac.review_record", D(2020, 2, 19), "overdue", None),
             ("lac.sw_report", D(2020, 1, 21), "overdue", None)])
        self.assertEqual(s.slots[1].deadlines, [])   # not held

    def test_what_was_done_meets_or_misses_the_deadlines(self):
        # As test_review_deadlines, with the report on time, the decisions
        # a day late (Thu 30 Jan, 09:15) and the record never sent.
        s = self.ts.lac_schedule(
            D(2019, 12, 20), [D(2020, 1, 22)], as_at=D(2020, 11, 1),
            sw_reports=[D(2020, 1, 21)], decisions=[T(2020, 1, 30, 9, 15)],
            records=[None])
        self.assertEqual(
            [(d.rule_id, d.status, d.done) for d in s.slots[0].deadlines],
            [("lac.review_decisions", "late", T(2020, 1, 30, 9, 15)),
             ("lac.review_record", "overdue", None),
             ("lac.sw_report", "on_time", D(2020, 1, 21))])
        with self.assertRaisesRegex(ValueError, "decisions has 2 values"):
            self.ts.lac_schedule(D(2019, 12, 20), [D(2020, 1, 22)],
                                 as_at=D(2020, 11, 1),
                                 decisions=[D(2020, 1, 30), None])

    def test_review_times_and_clock_changes(self):
        # Looked after Tue 1 Oct 2024: first review due Tue 29 Oct (20 WD).
        # Held 10:00 Sun 27 Oct 2024 (GMT): the report was due 11:00 Sat
        # 26 Oct (BST), 24 elapsed hours before.
        s = self.ts.lac_schedule(D(2024, 10, 1), [T(2024, 10, 27, 10, 0)],
                                 as_at=D(2024, 11, 1))
        self.assertEqual(s.slots[0].legal_due, D(2024, 10, 29))
        self.assertEqual(s.slots[0].status, "on_time")
        self.assertEqual(s.slots[0].held, T(2024, 10, 27, 10, 0))
        report = s.slots[0].deadlines[2]
        self.assertEqual(report.rule_id, "lac.sw_report")
        self.assertEqual(report.legal_due, T(2024, 10, 26, 11, 0))
        self.assertEqual(report.practical_due, D(2024, 10, 25))
        self.assertEqual(report.anchor, T(2024, 10, 27, 10, 0))
        # Three months from the date held: Mon 27 Jan 2025.
        self.assertEqual(s.slots[1].legal_due, D(2025, 1, 27))
        self.assertIs(type(s.slots[1].legal_due), D)

    def test_report_working_days_policy(self):
        # Example 26 inside a chain: review Tue 2 Jan 2024, report 3
        # working days before: Wed 27 Dec 2023. Looked after Mon 4 Dec
        # 2023: first review due Thu 4 Jan 2024 (25, 26 Dec and 1 Jan
        # skipped: 5-8 (4), 11-15 (9), 18-22 (14), 27-29 (17), 2-4 Jan (20)).
        ts = Timescales(policy=Policy(sw_report_working_days=3))
        s = ts.lac_schedule(D(2023, 12, 4), [T(2024, 1, 2, 10, 0)],
                            as_at=D(2024, 1, 3))
        self.assertEqual(s.slots[0].legal_due, D(2024, 1, 4))
        self.assertEqual(s.slots[0].deadlines[2].legal_due, D(2023, 12, 27))

    def test_reviews_in_any_order_and_as_at(self):
        s = self.ts.lac_schedule(D(2019, 12, 20),
                                 (D(2020, 4, 23), D(2020, 1, 22)),
                                 as_at=D(2020, 11, 1))
        self.assertEqual([x.held for x in s.slots[:2]],
                         [D(2020, 1, 22), D(2020, 4, 23)])
        # Reviews after the as-at date are not known yet.
        early = self.ts.lac_schedule(D(2019, 12, 20), [D(2020, 1, 21)],
                                     as_at=D(2020, 1, 20))
        self.assertEqual(len(early.slots), 1)
        self.assertIsNone(early.slots[0].held)
        # Due Wed 22 Jan: 2 working days ahead on 20 Jan, due soon.
        self.assertEqual(early.slots[0].status, "due_soon")

    def test_due_soon_window_is_a_policy(self):
        # As at Tue 7 Jan 2020, 22 Jan is 11 working days ahead.
        self.assertEqual(
            self.ts.lac_schedule(D(2019, 12, 20), [],
                                 as_at=D(2020, 1, 7)).slots[0].status,
            "not_yet_due")
        wide = Timescales(policy=Policy(due_soon_working_days=11))
        self.assertEqual(
            wide.lac_schedule(D(2019, 12, 20), [],
                              as_at=D(2020, 1, 7)).slots[0].status,
            "due_soon")

    def test_leaving_care_short_breaks_and_duplicates(self):
        left = self.ts.lac_schedule(D(2019, 12, 20), [], as_at=D(2020, 3, 1),
                                    end=D(2020, 1, 10))
        self.assertEqual(left.end, D(2020, 1, 10))
        self.assertEqual(left.slots[0].status, "not_required")
        self.assertIsNone(left.next_due)
        # Short breaks: 3 months from Mon 15 Jan 2024, then 6 from the
        # review held on 10 Apr.
        short = self.ts.lac_schedule(D(2024, 1, 15), [D(2024, 4, 10)],
                                     as_at=D(2024, 5, 1), short_break=True)
        self.assertEqual(short.kind, "lac_short_break")
        self.assertEqual([x.legal_due for x in short.slots],
                         [D(2024, 4, 15), D(2024, 10, 10)])
        self.assertEqual(short.slots[0].rule_id,
                         "lac.short_break_first_review")
        twice = self.ts.lac_schedule(D(2019, 12, 20),
                                     [D(2020, 1, 22), D(2020, 1, 22)],
                                     as_at=D(2020, 2, 1))
        self.assertEqual(len(twice.slots), 2)
        self.assertEqual(twice.duplicates, [D(2020, 1, 22)])

    def test_month_end_drift(self):
        # docs/conventions.md#worked-examples (example 5): 31 Aug 2023 -> 29 Feb 2024 -> 29 Aug 2024.
        s = self.ts.lac_schedule(
            D(2023, 3, 1),
            [D(2023, 3, 29), D(2023, 6, 29), D(2023, 8, 31), D(2024, 2, 29)],
            as_at=D(2024, 3, 1))
        self.assertEqual(s.slots[3].legal_due, D(2024, 2, 29))
        self.assertEqual(s.slots[4].legal_due, D(2024, 8, 29))
        self.assertEqual(s.next_due, D(2024, 8, 29))

    def test_errors(self):
        with self.assertRaises(timescales.InvalidArgumentError) as cm:
            self.ts.lac_schedule(D(2019, 12, 20), [D(2019, 12, 1)],
                                 as_at=D(2020, 2, 1))
        self.assertIn("review on 2019-12-01 is outside", cm.exception.message)
        with self.assertRaises(ValueError):
            self.ts.lac_schedule(D(2019, 12, 20), [], as_at=D(2020, 2, 1),
                                 end=D(2019, 12, 1))
        with self.assertRaises(timescales.OutOfRangeError) as cm:
            self.ts.lac_schedule(D(2019, 12, 20), [D(2200, 1, 1)],
                                 as_at=D(2020, 2, 1))
        self.assertIn("reviews[0]", cm.exception.message)
        with self.assertRaises(TypeError):
            self.ts.lac_schedule(D(2019, 12, 20), ["2020-01-22"],
                                 as_at=D(2020, 2, 1))


class CpScheduleTest(unittest.TestCase):

    def test_conferences_and_core_group(self):
        # Example 6: ICPC Thu 30 Nov 2023 -> RCPC by Thu 29 Feb 2024; held
        # Wed 28 Feb -> next by Wed 28 Aug 2024. Core group by Thu 14 Dec
        # 2023 (10 working days), held 15 Dec: late.
        ts = Timescales()
        s = ts.cp_schedule(D(2023, 11, 30), [D(2024, 2, 28)],
                           as_at=D(2024, 9, 2),
                           first_core_group=D(2023, 12, 15))
        self.assertEqual(s.kind, "cp")
        self.assertEqual([(x.rule_id, x.legal_due, x.status) for x in s.slots],
                         [("cp.first_rcpc", D(2024, 2, 29), "on_time"),
                          ("cp.subsequent_rcpc", D(2024, 8, 28), "overdue")])
        self.assertEqual(s.next_due, D(2024, 8, 28))
        self.assertEqual(s.slots[0].deadlines, [])
        core = s.core_group
        self.assertIsInstance(core, Slot)
        self.assertEqual((core.rule_id, core.legal_due, core.held,
                          core.status),
                         ("cp.core_group", D(2023, 12, 14), D(2023, 12, 15),
                          "late"))
        # The plan ended on 1 Jun 2024, before the next conference was due;
        # no core group recorded: overdue.
        ended = ts.cp_schedule(D(2023, 11, 30), [D(2024, 2, 28)],
                               as_at=D(2024, 9, 2), end=D(2024, 6, 1))
        self.assertEqual(ended.slots[1].status, "not_required")
        self.assertIsNone(ended.next_due)
        self.assertEqual(ended.core_group.status, "overdue")
        self.assertIsNone(ended.core_group.held)

    def test_state_funeral_core_group(self):
        # ICPC Mon 12 Sep 2022: core group (10 WD) by Tue 27 Sep, as 19 Sep
        # (the state funeral) is skipped.
        s = Timescales().cp_schedule(D(2022, 9, 12), [], as_at=D(2022, 9, 13))
        self.assertEqual(s.core_group.legal_due, D(2022, 9, 27))
        self.assertEqual(s.core_group.status, "due_soon")
        # First RCPC by Mon 12 Dec 2022 (3 months).
        self.assertEqual(s.slots[0].legal_due, D(2022, 12, 12))
        self.assertEqual(s.slots[0].status, "not_yet_due")


if __name__ == "__main__":
    unittest.main()
