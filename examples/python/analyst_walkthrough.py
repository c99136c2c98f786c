"""An analyst's walkthrough, notebook style: DataFrames in, DataFrames out.

Run it as a script (``python3 analyst_walkthrough.py [examples/data]``) or
paste its cells into a notebook. Everything here is pandas: the SSDA903
tables and meetings.csv are read with pandas.read_csv (a council would
query them from its case-management system instead) and passed to the
report as DataFrames; nothing is written to disk.
"""

import datetime
import os
import sys

import pandas as pd

import timescales

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, os.pardir, "data")
PERIOD = "2019-20"  # required: a figure for the wrong year is an error

# %% The extracts as DataFrames. The 903 files write dates dd/mm/yyyy; ids
# stay text ("007" is not 7).
episodes = pd.read_csv(os.path.join(DATA, "ssda903", "episodes.csv"),
                       dtype={"CHILD": str}, parse_dates=["DECOM", "DEC"],
                       dayfirst=True)
reviews = pd.read_csv(os.path.join(DATA, "ssda903", "reviews.csv"),
                      dtype={"CHILD": str}, parse_dates=["DOB", "REVIEW"],
                      dayfirst=True)
header = pd.read_csv(os.path.join(DATA, "ssda903", "header.csv"),
                     dtype={"CHILD": str}, parse_dates=["DOB", "MC_DOB"],
                     dayfirst=True)
# meetings.csv's times stay text here: the demo holds an impossible date
# (31 June) that the library rejects and lists with its line, where
# pandas.to_datetime would fail (or, coerced, hide it as NaT).
# datetime64 columns work too, times kept (yyyy-mm-ddTHH:MM).
meetings = pd.read_csv(os.path.join(DATA, "meetings.csv"),
                       dtype={"child_id": str, "chair_id": str})
inputs = dict(episodes=episodes, reviews=reviews, header=header,
              meetings=meetings,
              cin=os.path.join(DATA, "cin"),  # the CIN census XML files
              config=os.path.join(DATA, "config.json"))

# %% The KPIs: tidy long data, one row a KPI and series (headline, months,
# previous year, benchmarks), one column per exclusion reason.
kpis = timescales.report_dataframe(**inputs, period=PERIOD)
headline = kpis[kpis.series == "headline"].set_index("kpi_id")
print(headline[["value", "target", "amber_tolerance", "rag"]].to_string())
benchmarks = kpis[kpis.series == "benchmark"]
print(benchmarks[["kpi_id", "period", "value",
                  "benchmark_difference"]].to_string(index=False))
lac = headline.loc["lac_review_timeliness"]
print("LAC review timeliness %s: %.2f%% (%d of %d), %d excluded as short "
      "breaks" % (PERIOD, lac.value, lac.numerator, lac.denominator,
                  lac.excluded_short_breaks))

# %% Per chair, wide.
chairs = timescales.chairs_dataframe(**inputs, period=PERIOD)
print(chairs.pivot(index="chair_id", columns="kpi_id",
                   values="value").to_string())

# %% The cases behind a figure (personal data: children's ids).
cases = timescales.cases_dataframe(**inputs, period=PERIOD,
                                   kpi="lac_review_timeliness")
assert int(cases.in_numerator.sum()) == int(lac.numerator)
late = cases[cases.outcome == "late"]
print("late reviews by chair:", late.groupby("chair_id").size().to_dict())

# %% The monitoring list at the year end.
todo = timescales.monitoring_dataframe(**inputs,
                                       as_at=datetime.date(2020, 3, 31))
print(todo[todo.status == "overdue"][["child", "kind", "next_due",
                                      "working_days_to_due"]].to_string())

# %% Due dates over a column, a missing anchor (NaT) giving NaT.
anchors = pd.Series(pd.to_datetime(["2019-12-20", None, "2022-09-12"]),
                    name="DECOM")
due = timescales.due_batch("lac.first_review", anchors)
print(pd.DataFrame({"DECOM": anchors, "first_review_due": due}).to_string())
assert due.iloc[0] == pd.Timestamp("2020-01-22") and pd.isna(due.iloc[1])
print("walkthrough done: first review due %s" % due.iloc[0].date())
