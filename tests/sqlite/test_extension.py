"""The SQLite extension (capi/sqlite, docs/sql.md), loaded in the sqlite3
shell and from Python's sqlite3 module.

Environment (set by tests/sqlite/CMakeLists.txt):
  TSC_SQLITE_EXTENSION  the built module, libtimescales_sqlite.so
  TSC_SQLITE_SHELL      the sqlite3 command-line shell
  TSC_CLI               the timescales command (the brute-force reference)

Worked examples are hand-checked (docs/conventions.md, docs/rules.md); the
brute-force test compares every anchor day of 2019-2024 with
`timescales due RULE -`.
"""

import datetime
import os
import sqlite3
import subprocess
import unittest

EXTENSION = os.environ.get("TSC_SQLITE_EXTENSION", "")
SHELL = os.environ.get("TSC_SQLITE_SHELL", "sqlite3")
CLI = os.environ.get("TSC_CLI", "")
# `.load` and load_extension() add the suffix themselves.
EXTENSION_STEM = EXTENSION[:-3] if EXTENSION.endswith(".so") else EXTENSION


def connect():
    conn = sqlite3.connect(":memory:")
    if not hasattr(conn, "enable_load_extension"):
        raise unittest.SkipTest(
            "this Python's sqlite3 cannot load extensions")
    conn.enable_load_extension(True)
    conn.load_extension(EXTENSION_STEM)
    conn.enable_load_extension(False)
    return conn


# (SQL, expected value): each checked by hand.
WORKED_EXAMPLES = [
    # 25, 26 Dec and 1 Jan skipped (README, docs/conventions.md).
    ("SELECT tsc_add_working_days('2019-12-20', 20)", "2020-01-22"),
    ("SELECT tsc_due('lac.first_review', '2019-12-20')", "2020-01-22"),
    # The state funeral on Mon 19 Sep 2022 is skipped: 15 working days.
    ("SELECT tsc_due('cp.icpc', '2022-09-12')", "2022-10-04"),
    ("SELECT tsc_working_days_between('2022-09-12', '2022-10-04')", 15),
    # 30 Nov + 3 months: no 30 Feb, clamped to the month's last day.
    ("SELECT tsc_add_months('2019-11-30', 3)", "2020-02-29"),
    ("SELECT tsc_add_months('2023-08-31', 6)", "2024-02-29"),
    ("SELECT tsc_add_months('2019-04-30', 1)", "2019-05-30"),
    ("SELECT tsc_add_months('2019-01-15', 3, 'day_before_corresponding')",
     "2019-04-14"),
    ("SELECT tsc_add_months('2019-01-15', 3, 'fixed_days')", "2019-04-16"),
    ("SELECT tsc_add_months('2020-02-29', -12)", "2019-02-28"),
    # Christmas Day is not a working day; Christmas Eve is.
    ("SELECT tsc_is_working_day('2019-12-25')", 0),
    ("SELECT tsc_is_working_day('2019-12-24')", 1),
    ("SELECT tsc_is_working_day('2019-12-21')", 0),
    # 10 Apr 2020 is Good Friday: legal due that day, practical the 9th.
    ("SELECT tsc_due('lac.second_review', '2020-01-10')", "2020-04-10"),
    ("SELECT tsc_practical_due('lac.second_review', '2020-01-10')",
     "2020-04-09"),
    ("SELECT tsc_practical_due('lac.first_review', '2019-12-20')",
     "2020-01-22"),
    ("SELECT tsc_on_time('cp.icpc', '2022-09-12', '2022-10-04')", 1),
    ("SELECT tsc_on_time('cp.icpc', '2022-09-12', '2022-10-05')", 0),
    ("SELECT tsc_lateness('cp.icpc', '2022-09-12', '2022-10-05')", 1),
    ("SELECT tsc_lateness('cp.icpc', '2022-09-12', '2022-09-30')", -2),
    # Hours across the clock change (BST ends 27 Oct 2024).
    ("SELECT tsc_due('lac.sw_report', '2024-10-27 10:00')",
     "2024-10-26T11:00"),
    ("SELECT tsc_due('lac.sw_report', '2024-10-27')", "2024-10-26"),
    # dd/mm/yyyy in (the DfE returns), ISO out.
    ("SELECT tsc_due('lac.first_review', '20/12/2019')", "2020-01-22"),
    # Counting and policy options.
    ("SELECT tsc_add_working_days('2019-12-20', 20, 'start_is_day_one')",
     "2020-01-21"),
    ("SELECT tsc_working_days_between('2019-12-20', '2019-12-20')", 0),
    ("SELECT tsc_working_days_between('2019-12-20', '2019-12-20', "
     "'start_is_day_one')", 1),
    ("SELECT tsc_due('lac.first_review', '2019-12-20', "
     "'{\"counting\": \"start_is_day_one\"}')", "2020-01-21"),
    ("SELECT tsc_due('lac.second_review', '2019-01-15', "
     "'{\"months\": \"fixed_days\"}')", "2019-04-16"),
    ("SELECT tsc_due('lac.sw_report', '2024-10-28', "
     "'{\"sw_report\": \"working_days\", \"sw_report_working_days\": 3}')",
     "2024-10-23"),
    # NULL in, NULL out; a NULL option is the default.
    ("SELECT tsc_due(NULL, '2019-12-20') IS NULL", 1),
    ("SELECT tsc_due('lac.first_review', NULL) IS NULL", 1),
    ("SELECT tsc_due('no.such.rule', NULL) IS NULL", 1),
    ("SELECT tsc_add_working_days(NULL, 20) IS NULL", 1),
    ("SELECT tsc_add_working_days('2019-12-20', NULL) IS NULL", 1),
    ("SELECT tsc_working_days_between('2019-12-20', NULL) IS NULL", 1),
    ("SELECT tsc_is_working_day(NULL) IS NULL", 1),
    ("SELECT tsc_add_months(NULL, 3) IS NULL", 1),
    ("SELECT tsc_practical_due('lac.first_review', NULL) IS NULL", 1),
    ("SELECT tsc_explain('lac.first_review', NULL) IS NULL", 1),
    ("SELECT tsc_on_time('cp.icpc', '2022-09-12', NULL) IS NULL", 1),
    ("SELECT tsc_lateness('cp.icpc', NULL, '2022-10-05') IS NULL", 1),
    ("SELECT tsc_due('lac.first_review', '2019-12-20', NULL)", "2020-01-22"),
    ("SELECT tsc_add_months('2019-11-30', 3, NULL)", "2020-02-29"),
    # The catalogue and the holidays as tables.
    ("SELECT \"offset\" || ' ' || unit FROM tsc_rules "
     "WHERE id = 'lac.first_review'", "20 working_days"),
    ("SELECT count(*) FROM tsc_holidays('2022-01-01', '2022-12-31')", 10),
    ("SELECT name FROM tsc_holidays('2022-09-01', '2022-09-30')",
     "Bank Holiday for the State Funeral of Queen Elizabeth II"),
    ("SELECT group_concat(date) FROM tsc_holidays('2020-05-01', '2020-05-31')",
     "2020-05-08,2020-05-25"),
    ("SELECT count(*) FROM tsc_holidays(NULL, '2022-12-31')", 0),
    # A due date computed over a table, with the rule cached per statement.
    ("WITH RECURSIVE d(x) AS (SELECT '2019-12-20' UNION ALL "
     "SELECT date(x, '+1 day') FROM d WHERE x < '2019-12-31') "
     "SELECT group_concat(tsc_due('lac.first_review', x)) FROM d",
     # Sat 21 and Sun 22: the first working day after is day 1, as from
     # Fri 20; 25 and 26 Dec as from 24 Dec; 28 and 29 Dec as from 27 Dec.
     "2020-01-22,2020-01-22,2020-01-22,2020-01-23,2020-01-24,2020-01-24,"
     "2020-01-24,2020-01-27,2020-01-27,2020-01-27,2020-01-28,2020-01-29"),
]

# (SQL, text the error must contain): the library's own messages.
ERRORS = [
    ("SELECT tsc_due('no.such.rule', '2019-12-20')",
     "tsc_due: unknown rule 'no.such.rule'"),
    ("SELECT tsc_due('lac.first_review', '2019-02-30')",
     "tsc_due: '2019-02-30' is not a date"),
    ("SELECT tsc_add_working_days('yesterday', 1)",
     "tsc_add_working_days: 'yesterday' is not a date "
     "(expected yyyy-mm-dd or dd/mm/yyyy)"),
    ("SELECT tsc_add_working_days('2019-12-20', 'x')",
     "tsc_add_working_days: n must be a whole number"),
    ("SELECT tsc_add_working_days('2019-12-20', 1.5)",
     "tsc_add_working_days: n must be a whole number"),
    ("SELECT tsc_add_working_days('2199-12-01', 100)",
     "tsc_add_working_days: +100 working days from 2199-12-01 is past the "
     "end of the supported range 1900-01-01 to 2199-12-31"),
    ("SELECT tsc_is_working_day('1899-12-31')",
     "1899-12-31 is outside the supported range 1900-01-01 to 2199-12-31"),
    ("SELECT tsc_add_months('2019-11-30', 3, 'lunar')",
     "tsc_add_months: "),
    ("SELECT tsc_due('lac.first_review', '2019-12-20', '{\"colour\": 1}')",
     "tsc_due: policy: "),
    ("SELECT tsc_due('lac.first_review', '2019-12-20', '{')",
     "tsc_due: policy: "),
    ("SELECT tsc_on_time('cp.icpc', '2022-09-12', '2022-13-01')",
     "tsc_on_time: '2022-13-01' is not a date"),
    ("SELECT * FROM tsc_holidays('2022-01-01', 'soon')",
     "tsc_holidays: to: 'soon' is not a date"),
    ("SELECT * FROM tsc_holidays",
     "tsc_holidays: missing arguments: tsc_holidays(from, to)"),
    ("SELECT * FROM tsc_schedule('lac', '2019-12-20', '[1]', '2020-11-01')",
     "tsc_schedule: reviews[0]: expected a date as a string"),
    ("SELECT * FROM tsc_schedule('lac', '2019-12-20', '[\"2020-02-30\"]', "
     "'2020-11-01')", "tsc_schedule: reviews[0]: '2020-02-30' is not a date"),
    ("SELECT * FROM tsc_schedule('lac', '2019-12-20', '{\"a\": 1}', "
     "'2020-11-01')", "tsc_schedule: reviews: expected a JSON array"),
    ("SELECT * FROM tsc_schedule('lac', '2019-12-20', '[', '2020-11-01')",
     "tsc_schedule: reviews: parse error"),
    ("SELECT * FROM tsc_schedule('adoption', '2019-12-20', '[]', "
     "'2020-11-01')", "tsc_schedule: unknown schedule kind 'adoption'"),
    ("SELECT * FROM tsc_schedule('lac', '2019-12-20', "
     "'[\"2019-12-01\"]', '2020-11-01')", "tsc_schedule: "),
]


class ShellTest(unittest.TestCase):
    """`.load` in the sqlite3 shell, as an analyst would."""

    def run_shell(self, sql):
        return subprocess.run(
            [SHELL, "-batch", "-bail", ":memory:"],
            input=".load %s\n%s\n" % (EXTENSION_STEM, sql),
            capture_output=True, text=True, timeout=60)

    def test_worked_examples(self):
        sql = "\n".join(q + ";" for q, _ in WORKED_EXAMPLES)
        done = self.run_shell(sql)
        self.assertEqual(done.returncode, 0, done.stderr)
        got = done.stdout.splitlines()
        want = [str(v) for _, v in WORKED_EXAMPLES]
        self.assertEqual(len(got), len(want), done.stdout)
        for (query, _), g, w in zip(WORKED_EXAMPLES, got, want):
            self.assertEqual(g, w, query)

    def test_errors_carry_the_message(self):
        for query, message in ERRORS:
            with self.subTest(query=query):
                done = self.run_shell(query + ";")
                self.assertNotEqual(done.returncode, 0, done.stdout)
                self.assertIn(message, done.stderr)

    def test_schedule(self):
        done = self.run_shell(
            ".mode list\nSELECT * FROM tsc_schedule('lac', '2019-12-20', "
            "'[\"2020-01-22\",\"2020-04-23\"]', '2020-11-01');")
        self.assertEqual(done.returncode, 0, done.stderr)
        # docs/kpis.md#overdue-slots, `timescales schedule lac ...`.
        self.assertEqual(done.stdout.splitlines(), [
            "1|lac.first_review|2020-01-22|2020-01-22|2020-01-22|on_time|0",
            "2|lac.second_review|2020-04-22|2020-04-22|2020-04-23|late|1",
            "3|lac.subsequent_review|2020-10-23|2020-10-23||overdue|5",
        ])


class PythonTest(unittest.TestCase):
    """Python's sqlite3 with enable_load_extension."""

    @classmethod
    def setUpClass(cls):
        cls.conn = connect()

    @classmethod
    def tearDownClass(cls):
        cls.conn.close()

    def one(self, sql, *args):
        return self.conn.execute(sql, args).fetchone()[0]

    def test_worked_examples(self):
        for query, want in WORKED_EXAMPLES:
            with self.subTest(query=query):
                self.assertEqual(self.one(query), want)

    def test_errors_are_sqlite_errors(self):
        for query, message in ERRORS:
            with self.subTest(query=query):
                with self.assertRaises(sqlite3.Error) as raised:
                    self.conn.execute(query).fetchall()
                self.assertIn(message, str(raised.exception))

    def test_bound_parameters_and_nulls(self):
        self.assertEqual(
            self.one("SELECT tsc_due(?, ?)", "cp.icpc", "2022-09-12"),
            "2022-10-04")
        self.assertIsNone(self.one("SELECT tsc_due(?, ?)", "cp.icpc", None))
        self.assertIsNone(
            self.one("SELECT tsc_lateness('cp.icpc', ?, ?)", None, None))

    def test_rule_column_changes_per_row(self):
        # The rule cache must not keep one row's rule for the next.
        rows = self.conn.execute(
            "SELECT tsc_due(rule, '2020-01-10') FROM (SELECT "
            "'lac.first_review' AS rule UNION ALL SELECT 'lac.second_review' "
            "UNION ALL SELECT 'cp.icpc') ORDER BY 1").fetchall()
        self.assertEqual([r[0] for r in rows],
                         ["2020-01-31", "2020-02-07", "2020-04-10"])

    def test_explain(self):
        text = self.one("SELECT tsc_explain('lac.first_review', '2019-12-20')")
        self.assertIn("20 working days after Fri 20 Dec 2019, skipping Wed 25 "
                      "Dec Christmas Day, Thu 26 Dec Boxing Day", text)
        self.assertIn("calendar: england-and-wales", text)
        policy = self.one(
            "SELECT tsc_explain('lac.first_review', '2019-12-20', ?)",
            '{"name": "local", "counting": "start_is_day_one"}')
        self.assertIn("policy: local", policy)

    def test_schedule_table(self):
        rows = self.conn.execute(
            "SELECT slot, rule, due, practical_due, held, status, "
            "working_days_late FROM tsc_schedule('lac', '2019-12-20', "
            "'[\"2020-01-22\",\"2020-04-23\"]', '2020-11-01')").fetchall()
        self.assertEqual(rows, [
            (1, "lac.first_review", "2020-01-22", "2020-01-22", "2020-01-22",
             "on_time", 0),
            (2, "lac.second_review", "2020-04-22", "2020-04-22", "2020-04-23",
             "late", 1),
            (3, "lac.subsequent_review", "2020-10-23", "2020-10-23", None,
             "overdue", 5),
        ])
        # Care ended before slot 3 was due: not required.
        ended = self.conn.execute(
            "SELECT status FROM tsc_schedule('lac', '2019-12-20', "
            "'[\"2020-01-22\",\"2020-04-23\"]', '2020-11-01', '2020-06-30') "
            "WHERE slot = 3").fetchall()
        self.assertEqual(ended, [("not_required",)])
        # A CP plan: first review conference 3 months after the ICPC.
        cp = self.conn.execute(
            "SELECT slot, rule, due, status FROM tsc_schedule('cp', "
            "'2019-11-30', '[]', '2020-01-01')").fetchall()
        self.assertEqual(cp, [(1, "cp.first_rcpc", "2020-02-29",
                               "not_yet_due")])

    def test_schedule_joined_to_a_table(self):
        # Arguments from another table: a review chain per period.
        self.conn.execute("CREATE TEMP TABLE care(child, start, reviews)")
        self.conn.executemany("INSERT INTO care VALUES (?, ?, ?)", [
            ("A", "2019-12-20", '["2020-01-22","2020-04-23"]'),
            ("B", "2020-01-10", '["2020-02-07"]'),
        ])
        rows = self.conn.execute(
            "SELECT child, slot, due, status FROM care, "
            "tsc_schedule('lac', care.start, care.reviews, '2020-03-31') "
            "ORDER BY child, slot").fetchall()
        self.assertEqual(rows, [
            ("A", 1, "2020-01-22", "on_time"),
            ("A", 2, "2020-04-22", "not_yet_due"),
            ("B", 1, "2020-02-07", "on_time"),
            ("B", 2, "2020-05-07", "not_yet_due"),
        ])

    def test_rules_table(self):
        rows = dict(self.conn.execute(
            "SELECT id, length FROM tsc_rules").fetchall())
        self.assertEqual(rows["lac.first_review"], "20 working days")
        self.assertEqual(rows["cp.icpc"], "15 working days")
        self.assertEqual(rows["lac.subsequent_review"], "6 months")

    def test_holidays_table(self):
        rows = self.conn.execute(
            "SELECT date, name, kind FROM tsc_holidays('2020-12-24', "
            "'2021-01-01')").fetchall()
        self.assertEqual(rows, [
            ("2020-12-25", "Christmas Day", "bank holiday"),
            ("2020-12-28", "Boxing Day", "substitute day"),
            ("2021-01-01", "New Year’s Day", "bank holiday"),
        ])

    def test_connections_are_independent(self):
        other = connect()
        self.assertEqual(
            other.execute("SELECT tsc_due('cp.icpc', '2022-09-12')")
            .fetchone()[0], "2022-10-04")
        other.close()
        self.assertEqual(self.one("SELECT tsc_due('cp.icpc', '2022-09-12')"),
                         "2022-10-04")


class BruteForceTest(unittest.TestCase):
    """Every anchor day of 2019-2024 against `timescales due RULE -`."""

    RULES = ["lac.first_review", "lac.second_review",
             "lac.subsequent_review", "cp.icpc", "cp.core_group",
             "lac.review_decisions", "lac.sw_report"]

    @classmethod
    def setUpClass(cls):
        if not CLI:
            raise unittest.SkipTest("TSC_CLI is not set")
        cls.conn = connect()
        first = datetime.date(2019, 1, 1)
        cls.anchors = [(first + datetime.timedelta(days=i)).isoformat()
                       for i in range((datetime.date(2024, 12, 31) -
                                       first).days + 1)]
        cls.conn.execute("CREATE TEMP TABLE anchors(d TEXT)")
        cls.conn.executemany("INSERT INTO anchors VALUES (?)",
                             [(a,) for a in cls.anchors])

    @classmethod
    def tearDownClass(cls):
        cls.conn.close()

    def cli_due(self, rule):
        done = subprocess.run([CLI, "due", rule, "-"],
                              input="\n".join(self.anchors) + "\n",
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout.splitlines()

    def test_due_matches_the_command(self):
        self.assertEqual(len(self.anchors), 2192)
        for rule in self.RULES:
            with self.subTest(rule=rule):
                want = self.cli_due(rule)
                got = [r[0] for r in self.conn.execute(
                    "SELECT tsc_due(?, d) FROM anchors ORDER BY rowid",
                    (rule,))]
                self.assertEqual(len(got), len(want))
                mismatches = [(a, g, w) for a, g, w in
                              zip(self.anchors, got, want) if g != w]
                self.assertEqual(mismatches[:5], [])

    def test_working_days_agree_with_due(self):
        # 20 working days after each anchor, and back again.
        bad = self.conn.execute(
            "SELECT d FROM anchors WHERE "
            "tsc_add_working_days(d, 20) IS NOT tsc_due('lac.first_review', d)"
            " OR tsc_working_days_between(d, tsc_add_working_days(d, 20)) != 20"
            " OR tsc_on_time('lac.first_review', d, "
            "tsc_add_working_days(d, 20)) != 1"
            " OR tsc_lateness('lac.first_review', d, "
            "tsc_add_working_days(d, 21)) != 1").fetchall()
        self.assertEqual(bad, [])


if __name__ == "__main__":
    unittest.main()
