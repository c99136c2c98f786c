"""Due dates of the rule catalogue, policies and batches, through the C ABI.

Every expected date is a hand-checked worked example of docs/conventions.md#worked-examples
(or counted by hand in the comment beside it), never a value computed by
the code under test. The numpy tests prove that the batch answers equal the
scalar answers over thousands of anchors and that a C-contiguous
``datetime64[D]`` array reaches the C function as its own buffer.
"""

import copy
import ctypes
import dataclasses
import datetime
import pickle
import threading
import unittest
from unittest import mock

import timescales
import worked_examples
from timescales import Policy, RuleCatalogue, Timescales, _ffi

try:
    import numpy as np
except ImportError:   # the list tests still run
    np = None

D = datetime.date
T = datetime.datetime

# (example, rule, anchor, legal due, practical due):
# docs/conventions.md#worked-examples, the rows of tests/data/due-dates.csv
# (shared with the C++, C and CLI suites). A timed anchor (and its legal
# due) is a datetime.
WORKED_EXAMPLES = [(example, rule, anchor, legal, practical)
                   for example, rule, anchor, legal, practical, _, _
                   in worked_examples.due_dates()]

# docs/rules.md#catalogue: id -> (offset, unit).
RULES_MD = {
    "lac.first_review": (20, "working_days"),
    "lac.second_review": (3, "months"),
    "lac.subsequent_review": (6, "months"),
    "lac.review_decisions": (5, "working_days"),
    "lac.review_record": (20, "working_days"),
    "lac.sw_report": (-24, "hours"),
    "lac.care_plan": (10, "working_days"),
    "lac.placement_plan": (5, "working_days"),
    "lac.placement_notification": (5, "working_days"),
    "lac.first_visit": (7, "days"),
    "lac.visit_first_year": (42, "days"),
    "lac.visit_long_term": (3, "months"),
    "lac.visit_other": (42, "days"),
    "cin.referral_decision": (1, "working_days"),
    "cin.assessment": (45, "working_days"),
    "cp.icpc": (15, "working_days"),
    "cp.core_group": (10, "working_days"),
    "cp.first_rcpc": (3, "months"),
    "cp.subsequent_rcpc": (6, "months"),
}


def address(pointer):
    """The address a ctypes pointer argument points at."""
    return ctypes.cast(pointer, ctypes.c_void_p).value


class DueTest(unittest.TestCase):

    def test_worked_example_table_is_read_whole(self):
        self.assertTrue(WORKED_EXAMPLES)
        self.assertEqual(len(WORKED_EXAMPLES), worked_examples.DUE_DATES_ROWS)

    def test_worked_examples(self):
        for example, rule, anchor, legal, practical in WORKED_EXAMPLES:
            with self.subTest(example=example, rule=rule):
                d = timescales.due(rule, anchor)
                self.assertIsInstance(d, timescales.Due)
                self.assertEqual(d.rule_id, rule)
                self.assertEqual(d.anchor, anchor)
                self.assertEqual(d.legal_due, legal)
                # A date for a date-only anchor, a datetime for a timed one.
                self.assertIs(type(d.legal_due), type(legal))
                self.assertEqual(d.practical_due, practical)
                self.assertFalse(d.provisional)

    def test_explanation_shows_the_working(self):
        d = timescales.due("lac.first_review", D(2019, 12, 20))
        self.assertEqual(
            d.working,
            "20 working days after Fri 20 Dec 2019, skipping Wed 25 Dec "
            "Christmas Day, Thu 26 Dec Boxing Day, Wed 1 Jan New Year\u2019s "
            "Day: Wed 22 Jan 2020")
        self.assertIn("skipping Wed 25 Dec Christmas Day", d.explanation)
        self.assertIn("lac.first_review: first LAC review", d.explanation)
        self.assertIn("CPPCR 2010 reg 33(1)", d.explanation)
        self.assertIn("policy: default (event day excluded", d.explanation)
        self.assertIn("calendar: england-and-wales", d.explanation)
        self.assertNotIn("practical due date", d.explanation)
        good_friday = timescales.due("lac.second_review", D(2020, 1, 10))
        self.assertIn("practical due date Thu 9 Apr 2020",
                      good_friday.explanation)
        # Frozen.
        with self.assertRaises(dataclasses.FrozenInstanceError):
            d.legal_due = D(2000, 1, 1)

    def test_on_time_and_lateness(self):
        ts = Timescales()
        # Example 15: the ICPC on 4 Oct is in time, on 5 Oct one day late.
        self.assertTrue(ts.on_time("cp.icpc", D(2022, 9, 12), D(2022, 10, 4)))
        self.assertFalse(ts.on_time("cp.icpc", D(2022, 9, 12),
                                    D(2022, 10, 5)))
        self.assertEqual(ts.lateness("cp.icpc", D(2022, 9, 12),
                                     D(2022, 10, 5)), 1)
        self.assertEqual(ts.lateness("cp.icpc", D(2022, 9, 12),
                                     D(2022, 9, 30)), -2)
        self.assertEqual(ts.lateness("cp.icpc", D(2022, 9, 12),
                                     D(2022, 10, 4)), 0)

    def test_provisional_past_the_data(self):
        # The data is known until 2028-12-31.
        self.assertTrue(
            timescales.due("lac.first_review", D(2028, 12, 20)).provisional)
        self.assertIn(
            "provisional",
            timescales.due("lac.first_review", D(2028, 12, 20)).explanation)


class ClockChangeTest(unittest.TestCase):
    """lac.sw_report: 24 elapsed hours before the review, Europe/London."""

    def test_elapsed_hours_across_clock_changes(self):
        cases = [
            # docs/conventions.md#hours: 10:00 Sun 27 Oct 2024 (GMT) -> 11:00 Sat 26 Oct (BST).
            (T(2024, 10, 27, 10, 0), T(2024, 10, 26, 11, 0)),
            (T(2024, 10, 28, 10, 0), T(2024, 10, 27, 10, 0)),
            # Spring forward: 10:00 Sun 31 Mar 2024 (BST) -> 09:00 Sat (GMT).
            (T(2024, 3, 31, 10, 0), T(2024, 3, 30, 9, 0)),
            (T(2024, 1, 2, 10, 0), T(2024, 1, 1, 10, 0)),
            (T(2024, 6, 5, 0, 0), T(2024, 6, 4, 0, 0)),
        ]
        for review, expected in cases:
            with self.subTest(review=review):
                d = timescales.due("lac.sw_report", review)
                self.assertEqual(d.anchor, review)
                self.assertIs(type(d.legal_due), T)
                self.assertEqual(d.legal_due, expected)
        d = timescales.due("lac.sw_report", T(2024, 10, 27, 10, 0))
        self.assertEqual(d.practical_due, D(2024, 10, 25))  # a Saturday
        self.assertIn("(Europe/London)", d.working)

    def test_seconds_dropped_and_aware_times_converted(self):
        self.assertEqual(
            timescales.due("lac.sw_report",
                           T(2024, 10, 27, 10, 0, 59)).legal_due,
            T(2024, 10, 26, 11, 0))
        # 10:00 UTC on 27 Oct 2024 is 10:00 GMT in London.
        try:
            aware = T(2024, 10, 27, 10, 0, tzinfo=datetime.timezone.utc)
            self.assertEqual(timescales.due("lac.sw_report", aware).legal_due,
                             T(2024, 10, 26, 11, 0))
            # 09:00 UTC on 26 Oct is 10:00 BST.
            aware = T(2024, 10, 26, 9, 0, tzinfo=datetime.timezone.utc)
            self.assertEqual(timescales.due("lac.sw_report", aware).legal_due,
                             T(2024, 10, 25, 10, 0))
        except ImportError:
            self.skipTest("zoneinfo is not available")

    def test_on_time_at_the_instant(self):
        ts = Timescales()
        review = T(2024, 10, 27, 10, 0)   # due 11:00 Sat 26 Oct
        self.assertTrue(ts.on_time("lac.sw_report", review,
                                   T(2024, 10, 26, 10, 30)))
        self.assertTrue(ts.on_time("lac.sw_report", review,
                                   T(2024, 10, 26, 11, 0)))
        self.assertFalse(ts.on_time("lac.sw_report", review,
                                    T(2024, 10, 26, 11, 1)))
        # A date-only receipt is judged by its date.
        self.assertTrue(ts.on_time("lac.sw_report", review, D(2024, 10, 26)))
        self.assertFalse(ts.on_time("lac.sw_report", review, D(2024, 10, 27)))


class PolicyTest(unittest.TestCase):

    def test_report_working_days_before(self):
        # Example 26: 3 working days before Tue 2 Jan 2024 is Wed 27 Dec
        # 2023 (1 Jan, 26 and 25 Dec skipped); 1 is Fri 29 Dec.
        three = Policy(sw_report_working_days=3)
        self.assertEqual(three.effective_sw_report, "working_days")
        d = timescales.due("lac.sw_report", T(2024, 1, 2, 10, 0),
                           policy=three)
        self.assertEqual(d.legal_due, D(2023, 12, 27))
        self.assertIs(type(d.legal_due), D)
        self.assertIn("3 working days before", d.explanation)
        # A dict of the policy's fields still works, deprecated (0.2).
        with self.assertWarnsRegex(DeprecationWarning,
                                   "policy as a dict") as caught:
            one = timescales.due("lac.sw_report", D(2024, 1, 2),
                                 policy={"sw_report_working_days": 1})
        self.assertEqual(one.legal_due, D(2023, 12, 29))
        self.assertEqual(caught.filename, __file__)  # the caller's line
        # "working_days" alone means 3.
        self.assertEqual(
            timescales.due("lac.sw_report", D(2024, 1, 2),
                           policy=Policy(sw_report="working_days")).legal_due,
            D(2023, 12, 27))

    def test_counting_and_months(self):
        # Example 1 with the event day as day 1: Tue 21 Jan 2020.
        ts = Timescales(policy=Policy(counting="start_is_day_one"))
        self.assertEqual(ts.due("lac.first_review", D(2019, 12, 20)).legal_due,
                         D(2020, 1, 21))
        self.assertIn("the event day is day 1",
                      ts.due("lac.first_review", D(2019, 12, 20)).explanation)
        day_before = Timescales(policy=Policy(
            months="day_before_corresponding"))
        self.assertEqual(
            day_before.due("lac.second_review", D(2020, 1, 22)).legal_due,
            D(2020, 4, 21))
        # 183 days after Fri 1 Jan 2021: Sat 3 Jul 2021.
        fixed = Timescales(policy=Policy(months="fixed_days"))
        self.assertEqual(
            fixed.due("lac.subsequent_review", D(2021, 1, 1)).legal_due,
            D(2021, 7, 3))

    def test_strict_holidays(self):
        strict = Policy(strict_holidays=True)
        with self.assertRaises(timescales.OutOfRangeError) as cm:
            timescales.due("lac.first_review", D(2028, 12, 20), policy=strict)
        self.assertIn("known until 2028-12-31", cm.exception.message)
        self.assertEqual(
            timescales.due("lac.first_review", D(2028, 11, 1),
                           policy=strict).provisional, False)

    def test_describe_and_defaults(self):
        self.assertEqual(
            Policy().describe(),
            "default (event day excluded; months by corresponding date; ICPC "
            "from the initiating strategy discussion; social worker's report "
            "24 hours before)")
        local = Policy(name="Shire CC", icpc_anchor="last")
        self.assertIn("Shire CC", local.describe())
        self.assertIn("last strategy discussion", local.describe())
        self.assertIn("participation per child",
                      Policy(participation="children").describe())
        self.assertIn("participation as attendance",
                      Policy(participation="attendance").describe())
        self.assertEqual(Timescales().policy, Policy())

    def test_invalid_values_raise_value_errors(self):
        for kwargs in ({"counting": "start_is_day_two"},
                       {"months": "lunar"},
                       {"icpc_anchor": "first"},
                       {"sw_report": "48_hours"},
                       {"sw_report_working_days": -1},
                       {"sw_report_working_days": 1001},
                       {"due_soon_working_days": -3},
                       {"participation": "sometimes"}):
            with self.subTest(**kwargs):
                with self.assertRaises(timescales.InvalidArgumentError):
                    Policy(**kwargs)
        with self.assertRaises(ValueError):
            Policy(counting="nope")
        with self.assertRaises(TypeError):
            Policy(due_soon_working_days=2.5)
        with self.assertRaises(TypeError):
            Policy(strict_holidays="yes")
        with self.assertRaises(TypeError):
            Timescales(policy=42)

    def test_from_json(self):
        policy = Policy.from_json(
            '{"name": "Shire CC", "counting": "start_is_day_one", '
            '"sw_report": "working_days", "sw_report_working_days": 5, '
            '"due_soon_working_days": 3, "participation": "attendance"}')
        self.assertEqual(policy, Policy(
            name="Shire CC", counting="start_is_day_one",
            sw_report="working_days", sw_report_working_days=5,
            due_soon_working_days=3, participation="attendance"))
        # A count without "sw_report" keeps the 24 hours, as the library
        # reads it.
        kept = Policy.from_json('{"sw_report_working_days": 5}')
        self.assertEqual(kept.effective_sw_report, "24_hours")
        self.assertEqual(
            timescales.due("lac.sw_report", D(2024, 1, 2),
                           policy=kept).legal_due, D(2024, 1, 1))
        # JSON text as the policy argument.
        self.assertEqual(
            timescales.due("lac.sw_report", D(2024, 1, 2),
                           policy='{"sw_report": "working_days"}').legal_due,
            D(2023, 12, 27))
        with self.assertRaises(timescales.InvalidArgumentError) as cm:
            Policy.from_json('{"countng": "start_excluded"}')
        self.assertIn('unknown key "countng"', cm.exception.message)
        with self.assertRaises(timescales.InvalidArgumentError) as cm:
            Policy.from_json('{\n  "name": }')
        self.assertIn("line 2", cm.exception.message)


class RulesTest(unittest.TestCase):

    def test_builtin_catalogue_holds_rules_md(self):
        catalogue = {r.id: r for r in timescales.rules()}
        for rule_id, (offset, unit) in RULES_MD.items():
            with self.subTest(rule=rule_id):
                self.assertIn(rule_id, catalogue)
                rule = catalogue[rule_id]
                self.assertIsInstance(rule, timescales.Rule)
                self.assertEqual((rule.offset, rule.unit), (offset, unit))
                self.assertTrue(rule.description)
                self.assertTrue(rule.anchor)
                self.assertTrue(rule.source)
        builtin = RuleCatalogue.builtin()
        self.assertEqual(len(builtin), len(catalogue))
        self.assertEqual(builtin["cp.icpc"].offset, 15)
        self.assertIn("cp.icpc", builtin)
        self.assertNotIn("cp.nope", builtin)
        self.assertEqual(builtin[0].id, builtin.ids[0])
        with self.assertRaises(KeyError):
            builtin["cp.nope"]
        builtin.close()
        with self.assertRaises(ValueError):
            len(builtin)

    def test_the_old_name_rules_warns_and_is_the_catalogue(self):
        # timescales.Rules, the name before 0.2, until 0.3.
        with self.assertWarnsRegex(DeprecationWarning,
                                   "timescales.Rules is now "
                                   "timescales.RuleCatalogue"):
            old = timescales.Rules
        self.assertIs(old, RuleCatalogue)
        with self.assertRaises(AttributeError):
            timescales.NoSuchName

    def test_json_overrides_and_additions(self):
        local = RuleCatalogue.from_json(
            '{"rules": {"lac.review_record": {"offset": 15},'
            ' "cp.visit": {"offset": 10, "unit": "working_days",'
            ' "description": "CP statutory visit"}}}')
        # docs/rules.md#catalogue, the two reg 48 short-break rules, and cp.visit.
        self.assertEqual(len(local), len(RULES_MD) + 2 + 1)
        self.assertEqual(local["lac.review_record"].offset, 15)
        self.assertEqual(local["cp.visit"].source, "local configuration")
        self.assertEqual(local.ids[-1], "cp.visit")
        ts = Timescales(rules=local)
        local.close()   # the engine holds its own copy
        # Example 22 with 15 working days: Fri 1 Apr 2022 -> Tue 26 Apr
        # (Good Friday 15 Apr and Easter Monday 18 Apr skipped).
        self.assertEqual(ts.due("lac.review_record", D(2022, 4, 1)).legal_due,
                         D(2022, 4, 26))
        # 10 working days after Fri 1 Apr 2022: Tue 19 Apr.
        self.assertEqual(ts.due("cp.visit", D(2022, 4, 1)).legal_due,
                         D(2022, 4, 19))
        # JSON text as the rules argument of due().
        self.assertEqual(
            timescales.due("lac.review_record", D(2022, 4, 1),
                           rules='{"rules": {"lac.review_record": '
                                 '{"offset": 15}}}').legal_due,
            D(2022, 4, 26))
        # The built-in catalogue is untouched (example 22: Wed 4 May).
        self.assertEqual(
            timescales.due("lac.review_record", D(2022, 4, 1)).legal_due,
            D(2022, 5, 4))

    def test_json_errors_name_the_key(self):
        with self.assertRaises(timescales.InvalidArgumentError) as cm:
            RuleCatalogue.from_json('{"rules": {"lac.review_record": {"ofset": 15}}}')
        self.assertIn('unknown key "ofset"', cm.exception.message)
        with self.assertRaises(ValueError):
            RuleCatalogue.from_json('{"rules": {"x": {"offset": 1, "unit": "eons"}}}')
        with self.assertRaises(TypeError):
            RuleCatalogue()


class ErrorTest(unittest.TestCase):

    def test_unknown_rule_is_not_found(self):
        ts = Timescales()
        calls = [
            lambda: timescales.due("lac.frist_review", D(2019, 12, 20)),
            lambda: ts.on_time("lac.frist_review", D(2019, 12, 20),
                               D(2020, 1, 1)),
            lambda: ts.lateness("lac.frist_review", D(2019, 12, 20),
                                D(2020, 1, 1)),
            lambda: ts.due_batch("lac.frist_review", [D(2019, 12, 20)]),
            lambda: ts.due_batch("lac.frist_review", []),
        ]
        for call in calls:
            with self.assertRaises(timescales.NotFoundError) as cm:
                call()
            self.assertIsInstance(cm.exception, LookupError)
            self.assertIn("unknown rule 'lac.frist_review'",
                          cm.exception.message)
            self.assertIn("lac.first_review", cm.exception.message)

    def test_bad_arguments(self):
        with self.assertRaises(TypeError):
            timescales.due("lac.first_review", "2019-12-20")
        with self.assertRaises(TypeError):
            timescales.due(None, D(2019, 12, 20))
        with self.assertRaises(timescales.OutOfRangeError):
            timescales.due("lac.first_review", D(1899, 12, 31))
        with self.assertRaises(timescales.OutOfRangeError):
            timescales.due("lac.subsequent_review", D(2199, 8, 1))
        with self.assertRaises(TypeError):
            Timescales(calendar="england-and-wales")

    def test_lifetime(self):
        ts = Timescales()
        self.assertIs(copy.copy(ts), ts)
        self.assertIs(copy.deepcopy(ts), ts)
        with self.assertRaises(TypeError):
            pickle.dumps(ts)
        with ts:
            self.assertEqual(ts.due("cp.icpc", D(2022, 9, 12)).legal_due,
                             D(2022, 10, 4))
        self.assertTrue(ts.closed)
        with self.assertRaises(ValueError):
            ts.due("cp.icpc", D(2022, 9, 12))
        ts.close()   # twice is fine
        # The engine copied the calendar: closing it changes nothing.
        cal = timescales.Calendar.england_and_wales()
        ts = Timescales(calendar=cal)
        cal.close()
        self.assertEqual(ts.due("cp.icpc", D(2022, 9, 12)).legal_due,
                         D(2022, 10, 4))

    def test_calendar_with_closure_days(self):
        # A council closed on Tue 24 Dec 2019 as well: 23(1) 27(2) 30(3)
        # 31(4) 2 Jan(5) ... 22 Jan(19), 23 Jan(20).
        cal = timescales.Calendar.build(
            closure_days=[(D(2019, 12, 24), "Christmas Eve closure")])
        d = timescales.due("lac.first_review", D(2019, 12, 20), calendar=cal)
        self.assertEqual(d.legal_due, D(2020, 1, 23))
        self.assertIn("Christmas Eve closure", d.working)

    def test_threads_share_an_engine_and_keep_their_errors(self):
        ts = Timescales()
        wrong = []
        barrier = threading.Barrier(4)

        def worker(k):
            bad = "rule.%d" % k
            barrier.wait()
            for _ in range(200):
                if ts.due("cp.icpc", D(2022, 9, 12)).legal_due != \
                        D(2022, 10, 4):
                    wrong.append((k, "due"))
                    return
                try:
                    ts.due(bad, D(2022, 9, 12))
                except timescales.NotFoundError as e:
                    if "'%s'" % bad not in e.message:
                        wrong.append((k, e.message))
                        return
                else:
                    wrong.append((k, "no exception"))
                    return

        threads = [threading.Thread(target=worker, args=(k,))
                   for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(wrong, [])


class ListBatchTest(unittest.TestCase):

    def test_lists_equal_worked_examples(self):
        ts = Timescales()
        anchors = [D(2019, 12, 20), D(1999, 12, 24), D(2024, 3, 23)]
        self.assertEqual(ts.due_batch("lac.first_review", anchors),
                         [D(2020, 1, 22), D(2000, 1, 27), D(2024, 4, 23)])
        self.assertEqual(ts.due_batch("cp.icpc", (D(2022, 9, 12),)),
                         [D(2022, 10, 4)])
        self.assertEqual(ts.due_batch("cp.icpc", []), [])
        # Hour rules read the date only: the day before.
        self.assertEqual(
            ts.due_batch("lac.sw_report", [T(2024, 10, 27, 10, 0)]),
            [D(2024, 10, 26)])
        with self.assertRaises(TypeError):
            ts.due_batch("cp.icpc", [D(2022, 9, 12), "2022-09-13"])
        with self.assertRaises(TypeError):
            ts.due_batch("cp.icpc", [D(2022, 9, 12)], out=[None])

    def test_error_names_the_failing_index(self):
        with self.assertRaises(timescales.OutOfRangeError) as cm:
            Timescales().due_batch(
                "lac.second_review",
                [D(2020, 1, 1), D(2020, 1, 2), D(1899, 12, 31)])
        self.assertRegex(cm.exception.message, r"\belement 2\b")


@unittest.skipIf(np is None, "numpy is not installed")
class NumpyBatchTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.ts = Timescales()
        # Every day 2015-2030 (5,844 days).
        cls.days = np.arange("2015-01-01", "2031-01-01",
                             dtype="datetime64[D]")
        cls.py_days = cls.days.tolist()

    def test_batch_equals_scalar_over_thousands_of_anchors(self):
        for rule in ("lac.first_review", "cp.first_rcpc", "lac.sw_report"):
            with self.subTest(rule=rule):
                got = self.ts.due_batch(rule, self.days)
                self.assertEqual(got.dtype, np.dtype("datetime64[D]"))
                self.assertEqual(got.shape, self.days.shape)
                expected = [self.ts.due(rule, d).legal_due
                            for d in self.py_days]
                self.assertEqual(got.tolist(), expected)
        # The worked example is in there.
        got = self.ts.due_batch("lac.first_review", self.days)
        i = int((np.datetime64("2019-12-20") - self.days[0]).astype(int))
        self.assertEqual(got[i], np.datetime64("2020-01-22"))

    def test_every_rule_every_week(self):
        weekly = self.days[::7]
        for rule in timescales.RuleCatalogue.builtin().ids:
            with self.subTest(rule=rule):
                got = self.ts.due_batch(rule, weekly)
                expected = [self.ts.due(rule, d).legal_due
                            for d in weekly.tolist()]
                self.assertEqual(got.tolist(), expected)
                self.assertEqual(
                    self.ts.due_batch(rule, weekly.tolist()), expected)

    def test_contiguous_input_is_not_copied(self):
        lib = _ffi.lib
        name = "tsc_rule_due_batch_i64"
        out = np.empty_like(self.days)
        with mock.patch.object(lib, name, wraps=getattr(lib, name)) as spy:
            result = self.ts.due_batch("cp.icpc", self.days, out=out)
        args = spy.call_args.args
        # The C function read the caller's buffer and wrote into `out`.
        self.assertEqual(address(args[3]), self.days.ctypes.data)
        self.assertEqual(address(args[0]), out.ctypes.data)
        self.assertEqual(args[2], b"cp.icpc")
        self.assertEqual(args[4], self.days.size)
        self.assertIs(result, out)
        i = int((np.datetime64("2022-09-12") - self.days[0]).astype(int))
        self.assertEqual(out[i], np.datetime64("2022-10-04"))  # example 15

    def test_non_contiguous_input_is_copied_once_and_correct(self):
        strided = self.days[::7]
        self.assertFalse(strided.flags.c_contiguous)
        lib = _ffi.lib
        name = "tsc_rule_due_batch_i64"
        with mock.patch.object(lib, name, wraps=getattr(lib, name)) as spy:
            got = self.ts.due_batch("cp.icpc", strided)
        self.assertNotEqual(address(spy.call_args.args[3]),
                            strided.ctypes.data)
        self.assertEqual(got.tolist(),
                         [self.ts.due("cp.icpc", d).legal_due
                          for d in strided.tolist()])

    def test_shapes_errors_and_rejections(self):
        grid = self.days[:12].reshape(3, 4)
        got = self.ts.due_batch("cp.icpc", grid)
        self.assertEqual(got.shape, (3, 4))
        self.assertEqual(got[2, 3], np.datetime64(
            self.ts.due("cp.icpc", self.py_days[11]).legal_due))
        bad = np.array(["2020-01-01", "2020-01-02", "1899-12-31"],
                       dtype="datetime64[D]")
        with self.assertRaises(timescales.OutOfRangeError) as cm:
            self.ts.due_batch("cp.icpc", bad)
        self.assertRegex(cm.exception.message, r"\belement 2\b")
        # NaT is a missing anchor, not an error: NaT out, the rest computed.
        missing = np.array(["2022-09-12", "NaT"], dtype="datetime64[D]")
        self.assertEqual(self.ts.due_batch("cp.icpc", missing).astype(str)
                         .tolist(), ["2022-10-04", "NaT"])
        # Any datetime64 unit: the date of each value, the unit kept.
        ns = self.days.astype("datetime64[ns]") + np.timedelta64(15, "h")
        got = self.ts.due_batch("cp.icpc", ns)
        self.assertEqual(got.dtype, np.dtype("datetime64[ns]"))
        self.assertEqual(got.astype("datetime64[D]").tolist(),
                         self.ts.due_batch("cp.icpc", self.days).tolist())
        with self.assertRaises(ValueError):
            self.ts.due_batch("cp.icpc", self.days,
                              out=np.empty(5, "datetime64[D]"))
        with self.assertRaises(timescales.NotFoundError):
            self.ts.due_batch("cp.nope", self.days[:0])
        self.assertEqual(
            self.ts.due_batch("cp.icpc", self.days[:0]).size, 0)


if __name__ == "__main__":
    unittest.main()
