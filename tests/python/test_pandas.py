"""The pandas-native API (issue 16): period required, DataFrames in
(serialised in memory), tidy DataFrames out, batches over Series and any
datetime64 unit with NaT in giving NaT out."""

import datetime
import os
import unittest
from unittest import mock

import timescales
from timescales import _ffi, reporting

try:
    import numpy as np
    import pandas as pd
except ImportError:  # pandas and numpy are optional
    np = pd = None

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("TSC_EXAMPLE_DATA_DIR") or os.path.join(
    HERE, os.pardir, os.pardir, "examples", "data")
D = datetime.date
PATHS = dict(ssda903=os.path.join(DATA, "ssda903"),
             cin=os.path.join(DATA, "cin"),
             meetings=os.path.join(DATA, "meetings.csv"))


class PeriodRequiredTest(unittest.TestCase):

    def test_no_default_period(self):
        for function in (timescales.report, timescales.report_dataframe,
                         timescales.chairs_dataframe,
                         timescales.cases_dataframe):
            with self.subTest(function=function.__name__):
                with self.assertRaisesRegex(TypeError, "needs period="):
                    function(**PATHS)
        with self.assertRaises(TypeError):
            timescales.monitoring_list(**PATHS)  # no as_at


@unittest.skipIf(pd is None, "pandas is not installed")
class DataFrameInputTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        def read(name, dates):
            return pd.read_csv(os.path.join(DATA, "ssda903", name),
                               dtype={"CHILD": str}, parse_dates=dates,
                               dayfirst=True)
        cls.frames = dict(
            episodes=read("episodes.csv", ["DECOM", "DEC"]),
            reviews=read("reviews.csv", ["DOB", "REVIEW"]),
            header=read("header.csv", ["DOB"]),
            meetings=pd.read_csv(os.path.join(DATA, "meetings.csv"),
                                 dtype=str, keep_default_na=False))

    def test_frames_give_the_figures_of_the_files(self):
        from_frames = timescales.report(**self.frames, cin=PATHS["cin"],
                                        period="2019-20")
        from_files = timescales.report(**PATHS, period="2019-20")
        def figures(r):
            return [(k["id"], k.get("numerator"), k.get("denominator"),
                     k.get("value"), k.get("excluded"))
                    for k in r["kpis"]]
        self.assertEqual(figures(from_frames), figures(from_files))
        self.assertEqual(len(from_frames["kpis"]), 11)

    def test_frames_are_passed_in_memory_as_csv(self):
        lib = _ffi.lib
        name = "tsc_report_inputs_add_buffer_as"
        with mock.patch.object(lib, name, wraps=getattr(lib, name)) as spy:
            timescales.report(episodes=self.frames["episodes"],
                              period="2019-20", allow_rejections=True)
        (handle, label, data, size, kind), _ = spy.call_args
        self.assertEqual(label, b"episodes (DataFrame)")
        self.assertEqual(kind, 0)  # TSC_INPUT_SSDA903
        lines = data.decode().splitlines()
        self.assertEqual(lines[0].split(",")[:4],
                         ["CHILD", "DECOM", "RNE", "LS"])
        # 26/03/2017, read day first, written ISO; the open DEC blank.
        self.assertTrue(lines[1].startswith("1000000,2017-03-26,"), lines[1])
        self.assertEqual(size, len(data))

    def test_csv_of_a_frame(self):
        frame = pd.DataFrame({
            "CHILD": ["007", "8"],
            "DECOM": pd.to_datetime(["2019-12-20", None]),
            "held_at": pd.to_datetime(["2019-12-20 14:30", "2019-12-21"]),
            "n": [1.0, np.nan], "x": [1.5, 2.0]})
        text = reporting._frame_csv(frame).decode()
        self.assertEqual(text.splitlines(), [
            "CHILD,DECOM,held_at,n,x",
            "007,2019-12-20,2019-12-20T14:30,1,1.5",
            "8,,2019-12-21,,2.0"])
        london = frame.assign(held_at=pd.to_datetime(
            ["2019-07-01 13:30"]).tz_localize("UTC").repeat(2))
        self.assertIn("2019-07-01T14:30",
                      reporting._frame_csv(london).decode())

    def test_report_dataframe(self):
        df = timescales.report_dataframe(
            **PATHS, config=os.path.join(DATA, "config.json"),
            period="2019-20")
        self.assertEqual(list(df.columns[:17]),
                         list(reporting.REPORT_COLUMNS))
        self.assertEqual(list(df.series.cat.categories),
                         list(reporting.SERIES))
        self.assertEqual(str(df.period_start.dtype), "datetime64[ns]")
        self.assertEqual(str(df.rag.dtype), "category")
        head = df[(df.kpi_id == "lac_review_timeliness") &
                  (df.series == "headline")].iloc[0]
        self.assertEqual((head.numerator, head.denominator),
                         (310, 314))
        self.assertEqual((head.target, head.amber_tolerance), (95.0, 2.0))
        self.assertEqual((head.excluded_short_breaks,
                          head.excluded_no_period_of_care), (1, 1))
        bench = df[(df.kpi_id == "lac_review_timeliness") &
                   (df.series == "benchmark")]
        self.assertEqual(bench.period.tolist(), ["Leicestershire 2019-20"])
        self.assertAlmostEqual(bench.value.iloc[0], 98.4)
        self.assertAlmostEqual(bench.benchmark_difference.iloc[0], 0.33)
        self.assertTrue(bench.period_start.isna().all())

    def test_chairs_add_up_to_the_headline(self):
        chairs = timescales.chairs_dataframe(**PATHS, period="2019-20")
        self.assertEqual(list(chairs.columns),
                         list(reporting.CHAIR_COLUMNS))
        report = timescales.report(**PATHS, period="2019-20")
        for kpi in report["kpis"]:
            rows = chairs[chairs.kpi_id == kpi["id"]]
            if len(rows):
                self.assertEqual(int(rows.numerator.sum()), kpi["numerator"])
                self.assertEqual(int(rows.denominator.sum()),
                                 kpi["denominator"])
        self.assertEqual(len(chairs.kpi_id.cat.categories), 3)

    def test_monitoring(self):
        as_at = D(2020, 3, 31)
        listed = timescales.monitoring_list(**PATHS, as_at=as_at)
        self.assertEqual(listed["as_at"], as_at)
        first = listed["children"][0]
        self.assertIsInstance(first["next_due"], D)
        frame = timescales.monitoring_dataframe(**PATHS, as_at=as_at)
        self.assertEqual(list(frame.columns),
                         list(reporting.MONITORING_COLUMNS))
        self.assertEqual(len(frame), len(listed["children"]))
        self.assertEqual(frame.next_due.iloc[0],
                         pd.Timestamp(first["next_due"]))
        self.assertEqual(str(frame.status.dtype), "category")
        self.assertEqual(str(frame.working_days_to_due.dtype), "Int64")


@unittest.skipIf(pd is None, "pandas is not installed")
class BatchKindsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.ts = timescales.Timescales()
        cls.anchors = pd.Series(
            pd.to_datetime(["2019-12-20 15:00", None, "2022-09-12"]),
            index=[10, 20, 30], name="DECOM")
        cls.done = pd.Series(pd.to_datetime(
            ["2020-01-23", "2020-01-01", None]), index=[10, 20, 30])

    def test_series_in_series_out(self):
        due = self.ts.due_batch("lac.first_review", self.anchors)
        self.assertIsInstance(due, pd.Series)
        self.assertEqual(due.name, "DECOM")
        self.assertEqual(due.index.tolist(), [10, 20, 30])
        self.assertEqual(str(due.dtype), "datetime64[ns]")
        self.assertEqual(due[10], pd.Timestamp("2020-01-22"))
        self.assertTrue(pd.isna(due[20]))
        # 19 Sep 2022, the State Funeral, is skipped.
        self.assertEqual(due[30], pd.Timestamp("2022-10-11"))
        index = self.ts.due_batch("lac.first_review",
                                  pd.Index(self.anchors))
        self.assertIsInstance(index, pd.DatetimeIndex)

    def test_units_lists_and_missing(self):
        for unit in ("s", "ms", "us", "ns", "D"):
            values = self.anchors.to_numpy().astype("datetime64[%s]" % unit)
            got = self.ts.due_batch("lac.first_review", values)
            self.assertEqual(got.dtype, values.dtype)
            self.assertEqual(got.astype("datetime64[D]").astype(str)
                             .tolist(), ["2020-01-22", "NaT", "2022-10-11"])
        self.assertEqual(
            self.ts.due_batch("lac.first_review",
                              [D(2019, 12, 20), None, pd.NaT]),
            [D(2020, 1, 22), None, None])
        # Before 1970 a time of day still floors to its own date.
        before = np.array(["1969-12-31T23:00"], dtype="datetime64[ns]")
        self.assertEqual(
            timescales.due_batch("lac.first_review", before)
            .astype("datetime64[D]").astype(str).tolist(),
            [str(self.ts.due("lac.first_review", D(1969, 12, 31))
                 .legal_due)])

    def test_on_time_and_lateness_equal_the_scalars(self):
        rng = np.random.default_rng(16)
        anchors = np.datetime64("2018-01-01") + rng.integers(0, 2000, 500)
        done = anchors + rng.integers(0, 60, 500)
        for rule in ("lac.first_review", "cp.icpc", "lac.sw_report",
                     "lac.subsequent_review"):
            on_time = self.ts.on_time_batch(rule, anchors, done)
            late = self.ts.lateness_batch(rule, anchors, done)
            self.assertEqual(on_time.dtype, np.bool_)
            self.assertEqual(late.dtype, np.int64)
            for a, d, o, n in zip(anchors.tolist(), done.tolist(), on_time,
                                  late):
                self.assertEqual(bool(o), self.ts.on_time(rule, a, d))
                self.assertEqual(int(n), self.ts.lateness(rule, a, d))
        on_time = self.ts.on_time_batch("lac.first_review", self.anchors,
                                        self.done)
        self.assertEqual(str(on_time.dtype), "boolean")
        self.assertEqual(on_time.tolist(), [False, pd.NA, pd.NA])
        late = timescales.lateness_batch("lac.first_review", self.anchors,
                                         self.done)
        self.assertEqual(str(late.dtype), "Int64")
        self.assertEqual(late.tolist(), [1, pd.NA, pd.NA])
        self.assertEqual(
            self.ts.lateness_batch("lac.first_review",
                                   [D(2019, 12, 20), None],
                                   [D(2020, 1, 23), D(2020, 1, 1)]),
            [1, None])
        with self.assertRaises(timescales.NotFoundError):
            self.ts.on_time_batch("lac.nope", [], [])


if __name__ == "__main__":
    unittest.main()
