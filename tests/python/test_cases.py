"""Case-level detail through the C ABI: report(..., detail=True) and
cases_dataframe (docs/kpis.md#case-level-detail).

Two fixtures. The demo county of examples/data (``make demo``'s data, found
through TSC_EXAMPLE_DATA_DIR) for 2019-20 with its configuration: every KPI
has rows, and counting them must give each figure. And the in-memory
fixture of test_report.py, whose rows are counted by hand from the working
in that file's docstring:

  lac_review_timeliness (2 of 4): A's 29 Jul review on time and 1 Nov
    review late (due Tue 29 Oct: 3 working days late, chaired by IRO2,
    reviews.csv line 7); B's 15 May review excluded as
    previous_review_unknown (no due date), its 15 Nov review on time and
    the second 15 Nov row a duplicate_review; C's first review, due Mon
    30 Mar 2020, an overdue slot.
  icpc_timeliness (1 of 2): X's ICPC 20 Jun 2019 on time, Y's 25 Sep late.
  rcpc_timeliness (1 of 3): X's 19 Sep conference on time; X's next, due
    19 Mar 2020, and Y's first, due Wed 25 Dec 2019, overdue slots.
  cp_repeat_plans (1 of 2): X's plan from 20 Jun 2019 (one previous plan)
    counted, Y's from 25 Sep not.
"""

import collections
import datetime
import os
import sys
import unittest
from unittest import mock

import timescales
from timescales import InvalidArgumentError, reporting

from test_report import BUFFERS

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE_DATA = os.environ.get("TSC_EXAMPLE_DATA_DIR") or os.path.join(
    HERE, os.pardir, os.pardir, "examples", "data")
DEMO = dict(
    ssda903=os.path.join(EXAMPLE_DATA, "ssda903"),
    cin=os.path.join(EXAMPLE_DATA, "cin"),
    meetings=os.path.join(EXAMPLE_DATA, "meetings.csv"),
    config=os.path.join(EXAMPLE_DATA, "config.json"),
    period="2019-20", allow_rejections=True)

CASE_MEMBERS = {"child", "item", "date", "month", "outcome", "in_numerator",
                "in_denominator", "reason", "rule", "slot", "anchor", "due",
                "practical_due", "late_working_days", "chair_id", "source"}
CASE_HEADER = ("kpi,child,item,date,month,outcome,in_numerator,"
               "in_denominator,reason,rule,slot,anchor,due,practical_due,"
               "late_working_days,chair_id,source")
# The six outcomes and every KPI's exclusion reasons (docs/kpis.md).
OUTCOMES = ["on_time", "late", "overdue", "excluded", "counted",
            "not_counted"]
REASONS = {"duplicate_review", "no_period_of_care", "short_breaks",
           "previous_review_unknown", "under_4", "missing_code",
           "missing_s47_start", "icpc_before_s47", "review_outside_plan",
           "missing_start", "not_yet_due"}

try:
    import pandas
except ImportError:  # optional: the DataFrame tests are skipped
    pandas = None
NO_PANDAS = ("pandas is not installed (Debian: python3-pandas); "
             "cases_dataframe is not tested")


def kpis(report):
    return {k["id"]: k for k in report["kpis"]}


def brief(row):
    return (row["child"], row["item"], row["date"], row["outcome"],
            row["in_numerator"], row["in_denominator"], row["reason"])


class DetailReportTest(unittest.TestCase):
    """report(detail=True) on the demo county."""

    @classmethod
    def setUpClass(cls):
        cls.plain = timescales.report(**DEMO)
        cls.detail = timescales.report(**DEMO, detail=True)

    def test_the_plain_report_has_no_cases(self):
        self.assertNotIn("personal_data", self.plain)
        for kpi in self.plain["kpis"]:
            self.assertNotIn("cases", kpi, kpi["id"])

    def test_every_kpi_has_cases_and_the_report_says_so(self):
        self.assertIn("personal_data", self.detail)
        self.assertEqual(len(self.detail["kpis"]), 11)
        total = 0
        for kpi in self.detail["kpis"]:
            self.assertIsInstance(kpi.get("cases"), list, kpi["id"])
            for row in kpi["cases"]:
                self.assertEqual(set(row), CASE_MEMBERS)
                self.assertIsInstance(row["child"], str)
            total += len(kpi["cases"])
        self.assertGreater(total, 500)  # the county's year, not a token row

    def test_rows_count_to_every_figure(self):
        plain = kpis(self.plain)
        for kpi in self.detail["kpis"]:
            with self.subTest(kpi=kpi["id"]):
                cases = kpi["cases"]
                self.assertEqual(sum(r["in_numerator"] for r in cases),
                                 kpi["numerator"])
                self.assertEqual(sum(r["in_denominator"] for r in cases),
                                 kpi["denominator"])
                reasons = collections.Counter(
                    r["reason"] for r in cases if r["reason"] is not None)
                self.assertEqual(
                    {k: v for k, v in kpi["excluded"].items() if v},
                    dict(reasons))
                if "overdue_at_period_end" in kpi:
                    self.assertEqual(
                        sum(r["outcome"] == "overdue" for r in cases),
                        kpi["overdue_at_period_end"])
                # Detail changes no figure.
                for key in ("numerator", "denominator", "value", "excluded"):
                    self.assertEqual(kpi[key], plain[kpi["id"]][key], key)

    def test_csv_is_the_case_table(self):
        text = timescales.report(**DEMO, format="csv", detail=True)
        self.assertEqual(text.splitlines()[0], CASE_HEADER)
        plain = timescales.report(**DEMO, format="csv")
        self.assertTrue(plain.startswith("kpi_id,kpi_title,"))

    def test_detail_must_be_a_bool(self):
        for bad in (2, -1, "yes", None):
            with self.subTest(detail=bad):
                with self.assertRaises(TypeError):
                    timescales.report(period="2019-20", **BUFFERS, allow_rejections=True,
                                      detail=bad)

    def test_detail_reaches_the_library(self):
        calls = []
        real = reporting.lib.tsc_report_options_set_detail

        def spy(options, detail):
            calls.append(detail)
            return real(options, detail)
        with mock.patch.object(reporting.lib, "tsc_report_options_set_detail",
                               spy):
            timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, detail=True)
            timescales.report(period="2019-20", **BUFFERS, allow_rejections=True)
        self.assertEqual(calls, [1, 0])


class LateSinceTest(unittest.TestCase):
    """monitoring_list(late_since=...): the reviews and conferences held
    late in the window are the rows the KPIs count late."""

    def test_held_late_rows_are_the_late_cases(self):
        report = timescales.report(**DEMO, detail=True)
        late = {}
        for kpi in report["kpis"]:
            late[kpi["id"]] = sorted(c["child"] for c in kpi["cases"]
                                     if c["outcome"] == "late")
        inputs = {k: DEMO[k] for k in ("ssda903", "cin", "meetings",
                                       "config")}
        listed = timescales.monitoring_list(
            **inputs, as_at=datetime.date(2020, 3, 31),
            late_since=datetime.date(2019, 4, 1))
        self.assertEqual(listed["late_since"], datetime.date(2019, 4, 1))
        rows = [r for r in listed["children"] if r["status"] == "held_late"]
        self.assertEqual(sorted(r["child"] for r in rows if r["kind"] == "lac"),
                         late["lac_review_timeliness"])
        self.assertEqual(sorted(r["child"] for r in rows if r["kind"] == "cp"),
                         late["rcpc_timeliness"])
        self.assertEqual(listed["held_late"], len(rows))
        for row in rows:
            self.assertIsInstance(row["held"], datetime.date)
            self.assertGreater(row["held"], row["next_due"])
            self.assertGreater(row["working_days_late"], 0)
        # Without it, none.
        plain = timescales.monitoring_list(**inputs,
                                           as_at=datetime.date(2020, 3, 31))
        self.assertEqual(plain["held_late"], 0)
        self.assertIsNone(plain["late_since"])


class DetailHandCountedTest(unittest.TestCase):
    """report(detail=True) on test_report's fixture, rows counted by hand."""

    @classmethod
    def setUpClass(cls):
        cls.kpis = kpis(timescales.report(period="2019-20", **BUFFERS, allow_rejections=True,
                                          detail=True))

    def rows(self, kpi):
        return sorted((brief(r) for r in self.kpis[kpi]["cases"]),
                      key=lambda b: (b[0], b[2], b[3]))

    def test_lac_review_timeliness(self):
        self.assertEqual(self.rows("lac_review_timeliness"), [
            ("A", "review", "2019-07-29", "on_time", True, True, None),
            ("A", "review", "2019-11-01", "late", False, True, None),
            ("B", "review", "2019-05-15", "excluded", False, False,
             "previous_review_unknown"),
            ("B", "review", "2019-11-15", "excluded", False, False,
             "duplicate_review"),
            ("B", "review", "2019-11-15", "on_time", True, True, None),
            ("C", "overdue_slot", "2020-03-30", "overdue", False, True,
             None),
        ])
        late = [r for r in self.kpis["lac_review_timeliness"]["cases"]
                if r["outcome"] == "late"][0]
        self.assertEqual(
            (late["month"], late["rule"], late["slot"], late["anchor"],
             late["due"], late["practical_due"], late["late_working_days"],
             late["chair_id"], late["source"]),
            ("2019-11", "lac.second_review", 2, "2019-07-29", "2019-10-29",
             "2019-10-29", 3, "IRO2", "reviews.csv:7"))

    def test_child_protection(self):
        self.assertEqual(self.rows("icpc_timeliness"), [
            ("X", "s47", "2019-06-20", "on_time", True, True, None),
            ("Y", "s47", "2019-09-25", "late", False, True, None),
        ])
        self.assertEqual(self.rows("rcpc_timeliness"), [
            ("X", "review", "2019-09-19", "on_time", True, True, None),
            ("X", "overdue_slot", "2020-03-19", "overdue", False, True, None),
            ("Y", "overdue_slot", "2019-12-25", "overdue", False, True, None),
        ])
        self.assertEqual(self.rows("cp_repeat_plans"), [
            ("X", "plan", "2019-06-20", "counted", True, True, None),
            ("Y", "plan", "2019-09-25", "not_counted", False, True, None),
        ])


# A child whose id has leading zeros, with the data holding every review
# from 1 Apr 2019: looked after Mon 1 Jul 2019, first review due Mon 29 Jul
# and held then (on time); the second due 3 months later, Tue 29 Oct, not
# held (an overdue slot).
ZEROS = dict(data_from=datetime.date(2019, 4, 1), ssda903=[
    ("episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n"
                     "007,01/07/2019,S,C2,N1,U1,,\n"),
    ("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n"
                    "007,01/01/2016,29/07/2019,PN2\n")])


@unittest.skipIf(pandas is None, NO_PANDAS)
class CasesDataFrameTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.df = timescales.cases_dataframe(**DEMO)
        cls.json = kpis(timescales.report(**DEMO, detail=True))

    def test_columns_and_dtypes(self):
        df = self.df
        self.assertEqual(",".join(df.columns), CASE_HEADER)
        for column in ("date", "anchor", "due", "practical_due"):
            self.assertEqual(str(df[column].dtype), "datetime64[ns]", column)
        for column in ("in_numerator", "in_denominator"):
            self.assertEqual(df[column].dtype, bool, column)
        for column in ("slot", "late_working_days"):
            self.assertIsInstance(df[column].dtype, pandas.Int64Dtype, column)
        for column in ("kpi", "item", "outcome", "reason"):
            self.assertIsInstance(df[column].dtype, pandas.CategoricalDtype,
                                  column)
        self.assertEqual(list(df["outcome"].cat.categories), OUTCOMES)
        self.assertEqual(set(df["reason"].cat.categories), REASONS)
        for column in ("child", "month", "rule", "chair_id", "source"):
            self.assertEqual(df[column].dtype, object, column)
        self.assertTrue(all(isinstance(c, str) for c in df["child"]))
        # Every outcome and date is read: none lost to NaN or NaT.
        self.assertFalse(df["outcome"].isna().any())
        self.assertFalse(df["date"].isna().any())
        # Only excluded rows have a reason.
        self.assertTrue(((df["outcome"] == "excluded") ==
                         df["reason"].notna()).all())

    def test_rows_per_kpi_are_the_json_rows(self):
        counts = self.df.groupby("kpi", observed=False).size().to_dict()
        numerators = self.df.groupby("kpi", observed=False)[
            "in_numerator"].sum().to_dict()
        self.assertEqual(len(self.json), 11)
        for kpi_id, kpi in self.json.items():
            with self.subTest(kpi=kpi_id):
                self.assertEqual(counts.get(kpi_id, 0), len(kpi["cases"]))
                self.assertEqual(numerators.get(kpi_id, 0), kpi["numerator"])
        self.assertEqual(len(self.df),
                         sum(len(k["cases"]) for k in self.json.values()))

    def test_one_kpi(self):
        one = timescales.cases_dataframe(**DEMO, kpi="rcpc_timeliness")
        self.assertEqual(len(one), len(self.json["rcpc_timeliness"]["cases"]))
        self.assertGreater(len(one), 0)
        self.assertEqual(set(one["kpi"]), {"rcpc_timeliness"})
        self.assertEqual(list(one.index), list(range(len(one))))
        self.assertEqual(int(one["in_denominator"].sum()),
                         self.json["rcpc_timeliness"]["denominator"])
        with self.assertRaises(InvalidArgumentError) as cm:
            timescales.cases_dataframe(**DEMO, kpi="lac_review_timelines")
        self.assertIn("lac_review_timelines", str(cm.exception))

    def test_values_counted_by_hand(self):
        df = timescales.cases_dataframe(period="2019-20", **BUFFERS, allow_rejections=True,
                                        kpi="lac_review_timeliness")
        self.assertEqual(len(df), 6)
        late = df[df["outcome"] == "late"].iloc[0]
        self.assertEqual(
            (late["child"], late["date"], late["due"], late["slot"],
             late["late_working_days"], late["chair_id"], late["source"]),
            ("A", pandas.Timestamp(2019, 11, 1),
             pandas.Timestamp(2019, 10, 29), 2, 3, "IRO2", "reviews.csv:7"))
        # B's first review in the data: no due date, so NaT and <NA>.
        unknown = df[df["reason"] == "previous_review_unknown"].iloc[0]
        self.assertEqual(unknown["child"], "B")
        self.assertTrue(pandas.isna(unknown["due"]))
        self.assertTrue(pandas.isna(unknown["practical_due"]))
        self.assertTrue(pandas.isna(unknown["late_working_days"]))
        self.assertTrue(pandas.isna(unknown["chair_id"]))
        self.assertEqual(int(df["in_numerator"].sum()), 2)
        self.assertEqual(int(df["in_denominator"].sum()), 4)

    def test_child_ids_stay_strings(self):
        df = timescales.cases_dataframe(period="2019-20", **ZEROS, kpi="lac_review_timeliness")
        self.assertEqual(list(df["child"]), ["007", "007"])
        self.assertEqual(
            sorted(zip(df["date"], df["outcome"].astype(str))),
            [(pandas.Timestamp(2019, 7, 29), "on_time"),
             (pandas.Timestamp(2019, 10, 29), "overdue")])

    def test_exported(self):
        self.assertIn("cases_dataframe", timescales.__all__)
        self.assertIs(timescales.cases_dataframe, reporting.cases_dataframe)


class CasesDataFrameWithoutPandasTest(unittest.TestCase):

    def test_import_error_is_clear(self):
        with mock.patch.dict(sys.modules, {"pandas": None}):
            with self.assertRaises(ImportError) as cm:
                timescales.cases_dataframe(period="2019-20", **BUFFERS, allow_rejections=True)
        self.assertIn("pandas", str(cm.exception))
        self.assertIn("detail=True", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
