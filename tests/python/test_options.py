"""Options are Literal-typed strings; the old dicts of C constants and the
policy dict still work with a DeprecationWarning; a type checker sees the
annotations (py.typed) and catches a misspelt option."""

import datetime
import os
import subprocess
import tempfile
import typing
import unittest
import warnings

import timescales
from timescales import builder, calendar, policy

D = datetime.date
MYPY = "/usr/bin/mypy"
PACKAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       os.pardir, os.pardir, "capi", "python")


class LiteralOptionsTest(unittest.TestCase):

    def test_every_literal_value_is_accepted(self):
        cal = timescales.Calendar.england_and_wales()
        day = D(2019, 12, 20)
        for counting in typing.get_args(timescales.Counting):
            cal.add_working_days(day, 20, counting=counting)
            timescales.Policy(counting=counting)
        for roll in typing.get_args(timescales.Roll):
            cal.adjust(D(2019, 12, 25), roll=roll)
        for months in typing.get_args(timescales.MonthConvention):
            timescales.add_months(day, 3, months)
            timescales.Policy(months=months)
        for anchor in typing.get_args(timescales.IcpcAnchor):
            timescales.Policy(icpc_anchor=anchor)
        for report in typing.get_args(timescales.SwReport):
            timescales.Policy(sw_report=report)
        for how in typing.get_args(timescales.Participation):
            timescales.Policy(participation=how)
        for merge in typing.get_args(timescales.Merge):
            timescales.CalendarBuilder().load_govuk_json(
                '{"division": "x", "events": [{"title": "Extra", "date": '
                '"2024-07-01", "notes": "", "bunting": true}]}', merge=merge)
        units = {r.unit for r in timescales.rules()}
        self.assertLessEqual(units, set(typing.get_args(timescales.Unit)))
        self.assertEqual(timescales.schedule.STATUSES,
                         typing.get_args(timescales.SlotStatus))

    def test_a_wrong_option_names_the_choices(self):
        cal = timescales.Calendar.england_and_wales()
        with self.assertRaisesRegex(timescales.InvalidArgumentError,
                                    "'start_excluded', 'start_is_day_one'"):
            cal.add_working_days(D(2019, 12, 20), 1,
                                 counting="start_exclude")  # type: ignore


class DeprecatedTest(unittest.TestCase):

    def test_the_old_tables_warn_and_still_work(self):
        for module, name, value in (
                (calendar, "COUNTING", {"start_excluded": 0,
                                        "start_is_day_one": 1}),
                (calendar, "ROLLS", None), (builder, "MERGES", None),
                (policy, "ICPC_ANCHORS", None),
                (policy, "PARTICIPATION", None)):
            with self.subTest(name=name):
                with self.assertWarnsRegex(DeprecationWarning,
                                           name + ".*deprecated") as caught:
                    table = getattr(module, name)
                self.assertEqual(caught.filename, __file__)
                self.assertIsInstance(table, dict)
                if value is not None:
                    self.assertEqual(table, value)
                # A copy: changing it changes nothing.
                table.clear()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    self.assertTrue(getattr(module, name))
        with self.assertRaises(AttributeError):
            calendar.NO_SUCH_TABLE  # noqa: B018

    def test_policy_dict_warns_where_it_is_passed(self):
        with self.assertWarnsRegex(DeprecationWarning,
                                   "policy as a dict") as caught:
            ts = timescales.Timescales(policy={"counting": "start_is_day_one"})
        self.assertEqual(caught.filename, __file__)
        self.assertEqual(ts.policy.counting, "start_is_day_one")
        with self.assertWarns(DeprecationWarning) as caught:
            timescales.due_batch("cp.icpc", [D(2022, 9, 12)],
                                 policy={"counting": "start_is_day_one"})
        self.assertEqual(caught.filename, __file__)
        # A Policy or its JSON: no warning.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            timescales.Timescales(policy='{"counting": "start_is_day_one"}')
            timescales.Timescales(policy=timescales.Policy())


CLIENT = '''
import datetime
import timescales

cal = timescales.Calendar.england_and_wales()
cal.add_working_days(datetime.date(2019, 12, 20), 20,
                     counting="start_exclude")
reveal_type(timescales.due_batch("cp.icpc", [datetime.date(2022, 9, 12)]))
reveal_type(timescales.due("cp.icpc", datetime.date(2022, 9, 12)))
timescales.Policy(months="3 months")
'''


@unittest.skipUnless(os.access(MYPY, os.X_OK), "no %s" % MYPY)
class TypeCheckerTest(unittest.TestCase):
    """What an analyst's type checker says of their code."""

    def test_mypy_sees_the_annotations(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "client.py")
            with open(path, "w") as f:
                f.write(CLIENT)
            env = dict(os.environ, MYPYPATH=os.path.abspath(PACKAGE))
            done = subprocess.run(
                [MYPY, "--strict", "--no-incremental", "--cache-dir",
                 os.path.join(tmp, "cache"), "--config-file",
                 os.path.join(PACKAGE, "pyproject.toml"), path],
                cwd=tmp, env=env, capture_output=True, text=True,
                timeout=300)
        out = done.stdout
        self.assertEqual(done.returncode, 1, out + done.stderr)
        self.assertRegex(out, r"client.py:7: error: .*'start_exclude'")
        self.assertRegex(out, r'client.py:8: note: Revealed type is '
                         r'"builtins.list\[Union\[datetime.date, None\]\]"')
        self.assertRegex(out, r'client.py:9: note: Revealed type is '
                         r'"timescales.engine.Due"')
        self.assertRegex(out, r"client.py:10: error: .*'3 months'")
        self.assertIn("Found 2 errors", out)


if __name__ == "__main__":
    unittest.main()
