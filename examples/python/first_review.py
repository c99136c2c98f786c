"""First looked-after-child reviews: due dates for a list of children.

A child's first review is due within 20 working days of becoming looked
after (Care Planning Regulations 2010, reg 33). The day they became looked
after is not counted; bank holidays and weekends are skipped.

Run:  TSC_LIBRARY=/path/to/libtimescales_c.so.1 python3 first_review.py
"""

import datetime

import timescales

# (child id, date they became looked after, date of the first review or None)
children = [
    ("C001", datetime.date(2019, 12, 20), datetime.date(2020, 1, 22)),
    ("C002", datetime.date(2024, 3, 23), datetime.date(2024, 4, 24)),
    ("C003", datetime.date(2022, 9, 12), None),
]

cal = timescales.Calendar.england_and_wales()
print("Calendar: %s (holiday data %s)" % (cal.name, cal.data_version))
print()
print("child  looked after  first review due  held        in time?")
for child, start, held in children:
    due = cal.add_working_days(start, 20)
    if held is None:
        verdict = "not yet held"
    else:
        # Held on the due date is in time.
        verdict = "yes" if held <= due else "no (%d working days)" % (
            cal.working_days_between(start, held))
    print("%-6s %-13s %-17s %-11s %s" % (
        child, start, due, held or "-", verdict))

# Many children at once: numpy datetime64[D] arrays go to the library
# without copying. numpy is optional.
try:
    import numpy as np
except ImportError:
    np = None
if np is not None:
    starts = np.array([start for _, start, _ in children],
                      dtype="datetime64[D]")
    dues = cal.add_working_days_batch(starts, 20)
    print()
    print("numpy batch:", dues)
