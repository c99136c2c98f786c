"""Runs examples/sql/lac_review_timeliness.sql in the sqlite3 shell and
compares its figures with `timescales report` on the demo data, for the
example's own period (2019-20) and, with the period row substituted, for
the years and a quarter around it.

  run_example.py SOURCE_DIR
Environment: TSC_SQLITE_EXTENSION, TSC_SQLITE_SHELL, TSC_CLI.
"""

import json
import os
import subprocess
import sys

SOURCE_DIR = sys.argv[1]
EXTENSION = os.environ["TSC_SQLITE_EXTENSION"]
SHELL = os.environ["TSC_SQLITE_SHELL"]
CLI = os.environ["TSC_CLI"]
SCRIPT = os.path.join(SOURCE_DIR, "examples", "sql",
                      "lac_review_timeliness.sql")
PERIOD_ROW = "SELECT '2019-04-01' AS s, '2020-03-31' AS e"

# (label for the report, first day, last day)
PERIODS = [
    ("2019-20", "2019-04-01", "2020-03-31"),  # the example as written
    ("2017-18", "2017-04-01", "2018-03-31"),
    ("2018-19", "2018-04-01", "2019-03-31"),
    ("2020-21", "2020-04-01", "2021-03-31"),
    ("2019-20-Q3", "2019-10-01", "2019-12-31"),
]
REASONS = ["duplicate_review", "no_period_of_care", "short_breaks",
           "previous_review_unknown"]


def from_sql(first, last):
    with open(SCRIPT, encoding="utf-8") as f:
        script = f.read()
    if PERIOD_ROW not in script:
        sys.exit("the example no longer has the period row " + PERIOD_ROW)
    script = script.replace(PERIOD_ROW,
                            "SELECT '%s' AS s, '%s' AS e" % (first, last))
    ext = EXTENSION[:-3] if EXTENSION.endswith(".so") else EXTENSION
    done = subprocess.run([SHELL, "-batch", "-cmd", ".load " + ext,
                           ":memory:"], input=script, capture_output=True,
                          text=True, cwd=SOURCE_DIR, timeout=120)
    if done.returncode != 0 or done.stderr:
        sys.exit("sqlite3 failed (%d): %s" % (done.returncode, done.stderr))
    rows = json.loads(done.stdout)
    if len(rows) != 1:
        sys.exit("expected one row, got %r" % done.stdout)
    return rows[0]


def from_report(label):
    done = subprocess.run(
        [CLI, "report", "--ssda903", "examples/data/ssda903", "--config",
         "examples/data/config.json", "--period", label, "--format", "json"],
        capture_output=True, text=True, cwd=SOURCE_DIR, timeout=120)
    if done.returncode != 0:
        sys.exit("timescales report failed: " + done.stderr)
    report = json.loads(done.stdout)
    kpi = next(k for k in report["kpis"] if k["id"] == "lac_review_timeliness")
    figures = {
        "numerator": kpi["numerator"],
        "denominator": kpi["denominator"],
        "overdue_at_period_end": kpi["overdue_at_period_end"],
        "coverage_lac": report["coverage"]["lac"],
    }
    for reason in REASONS:
        figures[reason] = kpi["excluded"][reason]
    return figures


failed = False
for label, first, last in PERIODS:
    sql = from_sql(first, last)
    cli = from_report(label)
    status = "ok" if sql == cli else "DIFFERENT"
    print("%-11s sql %s/%s  report %s/%s  %s" % (
        label, sql["numerator"], sql["denominator"], cli["numerator"],
        cli["denominator"], status))
    if sql != cli:
        failed = True
        for key in sorted(set(sql) | set(cli)):
            if sql.get(key) != cli.get(key):
                print("  %s: sql %r, report %r" % (key, sql.get(key),
                                                   cli.get(key)))
sys.exit(1 if failed else 0)
