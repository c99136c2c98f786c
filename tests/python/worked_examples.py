"""The hand-checked worked examples shared with the C++, C and CLI suites.

tests/data/working-days.csv and tests/data/due-dates.csv, read with the csv
module. Every date in them was checked by hand against the England and
Wales holiday table (docs/conventions.md#bank-holidays-by-year), never
computed by the code under test.
"""

import csv
import datetime
import os

DATA_DIR = os.environ.get("TSC_TEST_DATA_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), os.pardir, "data")

# The rows each table holds: a lost row would otherwise be a lost check.
WORKING_DAYS_ROWS = 30
DUE_DATES_ROWS = 30


def _read(name, header):
    """The rows of tests/data/<name> as dicts, after its # comments."""
    with open(os.path.join(DATA_DIR, name), newline="",
              encoding="utf-8") as f:
        lines = [line for line in f
                 if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines)
    if reader.fieldnames != header:
        raise ValueError("%s: header %r, not %r"
                         % (name, reader.fieldnames, header))
    return list(reader)


def _date(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d").date()


def _moment(text):
    """A date, or a naive datetime for ``yyyy-mm-ddTHH:MM``."""
    if "T" in text:
        return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M")
    return _date(text)


def working_days():
    """(event, n, due, id, name, note) for each row of working-days.csv."""
    return [(_date(r["event"]), int(r["n"]), _date(r["due"]), r["id"],
             r["name"], r["note"])
            for r in _read("working-days.csv",
                           ["event", "n", "due", "id", "name", "note"])]


def due_dates():
    """(id, rule, anchor, legal due, practical due, name, note) for each row
    of due-dates.csv; anchor and legal due are datetimes when timed."""
    return [(r["id"], r["rule"], _moment(r["anchor"]),
             _moment(r["legal_due"]), _date(r["practical_due"]), r["name"],
             r["note"])
            for r in _read("due-dates.csv",
                           ["id", "name", "rule", "anchor", "legal_due",
                            "practical_due", "note"])]
