"""The IRO annual report and the monitoring list through the C ABI.

The fixture is a small 903 extract, a CIN census and a meetings.csv, given
as in-memory buffers and as files. Every expected figure is counted by hand
in the comments, never taken from the code under test. 2019-20 is 1 Apr
2019 - 31 Mar 2020; the earliest REVIEW, 15 May 2019, is the LAC coverage
start; the census ReferenceDate 31 Mar 2020 makes the CP coverage start
1 Apr 2019.

  A  looked after Mon 1 Jul 2019 (RNE S). Review 1 due 20 working days
     later, Mon 29 Jul; held 29 Jul: on time. Review 2 due 3 months after
     29 Jul = Tue 29 Oct; held Fri 1 Nov: late. Next due 6 months after
     1 Nov = Fri 1 May 2020.
  B  in care since before the data (RNE L): its 15 May 2019 review has no
     known due date (previous_review_unknown); the next is due 6 months
     later, 15 Nov, held 15 Nov: on time; a second 15 Nov row is a
     duplicate_review. Next due 15 May 2020.
  C  looked after Mon 2 Mar 2020: review 1 due Mon 30 Mar 2020, not held:
     an overdue slot.
  D  in care since before the data, no review in it.
  E  on short breaks (LS V3) since 1 Sep 2019: no review chain.
  reviews.csv line 4 (31/02/2020) is rejected.

  lac_review_timeliness 2 of 4 (3 held + 1 overdue) = 50.0
  lac_review_participation PN1, PN2 of PN1, PN2, PN7 = 2 of 3 = 66.67
    (the duplicate and A's PN0, under_4, are excluded)

  meetings (lac_review): working days after the review
    A 29 Jul: decisions due Mon 5 Aug, sent 5 Aug (in time); record due
      Tue 27 Aug (Mon 26 Aug is the summer bank holiday), sent 30 Aug
      (late); report 28 Jul 09:00, 25 hours before 10:00 (in time).
    A 1 Nov: decisions due Fri 8 Nov, sent Mon 11 Nov (late); record due
      Fri 29 Nov, never sent; report 31 Oct 15:00, 23 hours before (late).
    B 15 Nov: decisions due Fri 22 Nov, sent 22 Nov; record due Fri
      13 Dec, sent 13 Dec; report 14 Nov, the day before (all in time).
    B 30 Mar 2020: decisions due 6 Apr and record due 29 Apr, after the
      period, not sent: not_yet_due; no report (late).
  lac_review_decisions_5wd 2 of 3 = 66.67; lac_review_record_20wd 1 of 3
  = 33.33; lac_review_sw_report_24h 2 of 4 = 50.0.
  Chairs: IRO1 held A 29 Jul and B 15 Nov (2 meetings, 1 + 2 = 3 alerts);
  IRO2 the other two (0 alerts).

  CIN census:
    X  s47 from Mon 3 Jun 2019; ICPC due 15 working days later, Mon
       24 Jun; held Thu 20 Jun: on time. Plan from 20 Jun 2019, one
       previous plan; first review conference due 3 months later, Fri
       20 Sep; held Thu 19 Sep: on time; the next is due 6 months after
       19 Sep = Thu 19 Mar 2020, not held: overdue.
    Y  s47 from Mon 2 Sep 2019; ICPC due Mon 23 Sep, held Wed 25 Sep:
       late. Plan from 25 Sep 2019, no previous plan; first review
       conference due 25 Dec 2019, not held: overdue.
  icpc_timeliness 1 of 2 = 50.0; rcpc_timeliness 1 of 3 (1 held + 2
  overdue) = 33.33; cp_repeat_plans 1 of 2 (X) = 50.0.
"""

import datetime
import json
import os
import pathlib
import shutil
import sys
import tempfile
import unittest
from unittest import mock

import timescales
from timescales import (InvalidArgumentError, NotFoundError, OutOfRangeError,
                        TimescalesError)

D = datetime.date

EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n"
    "A,01/07/2019,S,C2,N1,U1,,\n"
    "B,01/01/2018,L,C2,N1,U1,,\n"
    "C,02/03/2020,S,C2,N1,U1,,\n"
    "D,01/06/2015,L,C2,N1,U1,,\n"
    "E,01/09/2019,S,V3,N1,U1,,\n")
REVIEWS = (
    "CHILD,DOB,REVIEW,REVIEW_CODE\n"
    "B,01/01/2010,15/05/2019,PN1\n"
    "A,01/01/2016,29/07/2019,PN2\n"
    "A,01/01/2016,31/02/2020,PN1\n"
    "B,01/01/2010,15/11/2019,PN7\n"
    "B,01/01/2010,15/11/2019,PN3\n"
    "A,01/01/2016,01/11/2019,PN0\n")
MEETINGS = (
    "child_id,meeting_type,held_at,sw_report_received_at,decisions_sent_at,"
    "record_distributed_at,chair_id,qa_alerts\n"
    "A,lac_review,2019-07-29T10:00,2019-07-28T09:00,2019-08-05,2019-08-30,"
    "IRO1,1\n"
    "A,lac_review,2019-11-01T14:00,2019-10-31T15:00,2019-11-11,,IRO2,0\n"
    "B,lac_review,2019-11-15,2019-11-14,2019-11-22,2019-12-13,IRO1,2\n"
    "B,lac_review,2020-03-30,,,,IRO2,0\n")
CENSUS = """<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection>
      <Year>2020</Year>
      <ReferenceDate>2020-03-31</ReferenceDate>
    </CollectionDetails>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers><LAchildID>X</LAchildID></ChildIdentifiers>
      <CINdetails>
        <CINreferralDate>2019-05-20</CINreferralDate>
        <Section47>
          <S47ActualStartDate>2019-06-03</S47ActualStartDate>
          <DateOfInitialCPC>2019-06-20</DateOfInitialCPC>
        </Section47>
        <ChildProtectionPlans>
          <CPPstartDate>2019-06-20</CPPstartDate>
          <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2019-09-19</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers><LAchildID>Y</LAchildID></ChildIdentifiers>
      <CINdetails>
        <CINreferralDate>2019-08-28</CINreferralDate>
        <Section47>
          <S47ActualStartDate>2019-09-02</S47ActualStartDate>
          <DateOfInitialCPC>2019-09-25</DateOfInitialCPC>
        </Section47>
        <ChildProtectionPlans>
          <CPPstartDate>2019-09-25</CPPstartDate>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
  </Children>
</Message>
"""

BUFFERS = dict(
    ssda903=[("episodes.csv", EPISODES), ("reviews.csv", REVIEWS.encode())],
    cin=("census.xml", CENSUS),
    meetings=("meetings.csv", MEETINGS))

CP_KPIS = ["icpc_timeliness", "rcpc_timeliness", "cp_repeat_plans",
           "cp_repeat_plans_2y", "cp_plans_open_over_18_months",
           "cp_plans_ended_2y_plus"]

try:
    import pandas
except ImportError:  # optional: the DataFrame tests are skipped
    pandas = None


def kpis(report):
    return {k["id"]: k for k in report["kpis"]}


def counts(kpi):
    return kpi["numerator"], kpi["denominator"], kpi["value"]


class ReportFromBuffersTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.report = timescales.report(**BUFFERS, allow_rejections=True,
                                       period="2019-20")
        cls.kpis = kpis(cls.report)

    def test_period(self):
        self.assertEqual(self.report["period"],
                         {"start": "2019-04-01", "end": "2020-03-31",
                          "label": "2019-20"})

    def test_lac_reviews(self):
        t = self.kpis["lac_review_timeliness"]
        self.assertEqual(counts(t), (2, 4, 50.0))
        self.assertEqual(t["overdue_at_period_end"], 1)
        self.assertEqual(t["excluded"],
                         {"duplicate_review": 1, "no_period_of_care": 0,
                          "short_breaks": 0, "previous_review_unknown": 1})
        p = self.kpis["lac_review_participation"]
        self.assertEqual(counts(p), (2, 3, 66.67))
        self.assertEqual(p["excluded"]["under_4"], 1)
        self.assertEqual(p["excluded"]["duplicate_review"], 1)

    def test_monthly_series(self):
        monthly = {m["month"]: m
                   for m in self.kpis["lac_review_timeliness"]["monthly"]}
        self.assertEqual(len(monthly), 12)
        # July: A's first review, on time.
        self.assertEqual(counts(monthly["2019-07"]), (1, 1, 100.0))
        # October as a period of its own: A's second review, due 29 Oct,
        # not held by 31 Oct: overdue.
        self.assertEqual(counts(monthly["2019-10"]), (0, 1, 0.0))
        self.assertEqual(monthly["2019-10"]["overdue_at_period_end"], 1)
        # November: A late (1 Nov), B on time (15 Nov).
        self.assertEqual(counts(monthly["2019-11"]), (1, 2, 50.0))
        # May: B's first review has no known due date.
        self.assertEqual(counts(monthly["2019-05"]), (0, 0, None))

    def test_meetings(self):
        d = self.kpis["lac_review_decisions_5wd"]
        self.assertEqual(counts(d), (2, 3, 66.67))
        self.assertEqual(d["excluded"], {"not_yet_due": 1})
        r = self.kpis["lac_review_record_20wd"]
        self.assertEqual(counts(r), (1, 3, 33.33))
        self.assertEqual(r["excluded"], {"not_yet_due": 1})
        self.assertEqual(counts(self.kpis["lac_review_sw_report_24h"]),
                         (2, 4, 50.0))
        chairs = {c["chair_id"]: c
                  for c in self.report["breakdowns"]["by_chair"]}
        self.assertEqual(sorted(chairs), ["IRO1", "IRO2"])
        self.assertEqual((chairs["IRO1"]["meetings"],
                          chairs["IRO1"]["qa_alerts"]), (2, 3))
        self.assertEqual((chairs["IRO2"]["meetings"],
                          chairs["IRO2"]["qa_alerts"]), (2, 0))
        # IRO1's decisions: A 29 Jul and B 15 Nov, both in time.
        self.assertEqual(chairs["IRO1"]["lac_review_decisions_5wd"],
                         {"numerator": 2, "denominator": 2, "value": 100.0})

    def test_child_protection(self):
        self.assertEqual(counts(self.kpis["icpc_timeliness"]), (1, 2, 50.0))
        rcpc = self.kpis["rcpc_timeliness"]
        self.assertEqual(counts(rcpc), (1, 3, 33.33))
        self.assertEqual(rcpc["overdue_at_period_end"], 2)
        self.assertEqual(counts(self.kpis["cp_repeat_plans"]), (1, 2, 50.0))
        self.assertEqual(self.report["coverage"],
                         {"lac": "2019-05-15", "cp": "2019-04-01"})

    def test_rejected_row_is_reported(self):
        inputs = self.report["inputs"]
        self.assertEqual(inputs["rejections"],
                         [{"path": "reviews.csv", "line": 4,
                           "reason": "REVIEW '31/02/2020' is not a date"}])
        files = {f["path"]: f for f in inputs["files"]}
        self.assertEqual(sorted(files), ["census.xml", "episodes.csv",
                                         "meetings.csv", "reviews.csv"])
        self.assertEqual((files["reviews.csv"]["rows"],
                          files["reviews.csv"]["rejected"]), (6, 1))
        self.assertEqual(files["census.xml"]["table"], "cin.census")
        self.assertEqual(inputs["missing"], [])

    def test_missing_sources_are_named_not_zero(self):
        r = timescales.report(period="2019-20", ssda903=BUFFERS["ssda903"], allow_rejections=True)
        self.assertEqual(sorted(kpis(r)), ["lac_review_participation",
                                           "lac_review_timeliness"])
        self.assertEqual(r["inputs"]["missing"],
                         CP_KPIS +
                         ["lac_review_decisions_5wd", "lac_review_record_20wd",
                          "lac_review_sw_report_24h"])

    def test_other_periods(self):
        # Oct - Dec 2019: A late, B on time; nothing falls due unfilled.
        q3 = kpis(timescales.report(**BUFFERS, allow_rejections=True,
                                    period="2019-20-Q3"))
        self.assertEqual(counts(q3["lac_review_timeliness"]), (1, 2, 50.0))
        as_dates = kpis(timescales.report(
            **BUFFERS, period=(D(2019, 10, 1), D(2019, 12, 31)),
            allow_rejections=True))
        self.assertEqual(counts(as_dates["lac_review_timeliness"]),
                         (1, 2, 50.0))

    def test_data_from(self):
        # From 1 Aug 2019 A's period began before the coverage start: its
        # 29 Jul review has no known due date, and 1 Nov is due 6 months
        # after 29 Jul (29 Jan 2020): on time. With B and C: 2 of 3.
        r = timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, data_from=D(2019, 8, 1))
        t = kpis(r)["lac_review_timeliness"]
        self.assertEqual(counts(t), (2, 3, 66.67))
        self.assertEqual(t["excluded"]["previous_review_unknown"], 2)

    def test_text_formats(self):
        csv = timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, format="csv")
        self.assertTrue(csv.startswith("kpi_id,kpi_title,unit,series,"))
        self.assertIn("\nlac_review_timeliness,LAC reviews held within "
                      "timescale,percent,headline,2019-20,2019-04-01,"
                      "2020-03-31,2,4,50.00,1,", csv)
        md = timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, format="markdown")
        self.assertTrue(md.startswith("# IRO KPI scorecard: 2019-20\n"), md)
        html = timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, format="html")
        self.assertTrue(html.startswith("<!DOCTYPE html>"))


class ReportFromFilesTest(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="tsc_report_")
        self.addCleanup(shutil.rmtree, self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    def test_folder_file_and_pathlib_give_the_buffer_figures(self):
        self.write("903/episodes.csv", EPISODES)
        self.write("903/reviews.csv", REVIEWS)
        census = self.write("census.xml", CENSUS)
        meetings = pathlib.Path(self.write("meetings.csv", MEETINGS))
        from_files = timescales.report(period="2019-20", 
            ssda903=os.path.join(self.dir, "903"), cin=[census],
            meetings=meetings, allow_rejections=True)
        from_buffers = timescales.report(period="2019-20", **BUFFERS, allow_rejections=True)
        self.assertEqual(from_files["kpis"], from_buffers["kpis"])
        paths = [f["path"] for f in from_files["inputs"]["files"]]
        self.assertEqual(paths, [os.path.join(self.dir, "903", "episodes.csv"),
                                 os.path.join(self.dir, "903", "reviews.csv"),
                                 census, str(meetings)])

    def test_config_file_with_a_relative_holidays_file(self):
        # A local closure on Mon 4 Nov 2019 moves the decisions for A's
        # 1 Nov review to Mon 11 Nov, the day they were sent: 3 of 3. The
        # file's 2019 replaces the built-in 2019, which changes no other
        # figure here (A's record, due 26 Aug instead of 27 Aug, was sent
        # 30 Aug: still late).
        self.write("config/holidays.json", json.dumps({
            "england-and-wales": {"division": "england-and-wales", "events": [
                {"title": "Local closure", "date": "2019-11-04",
                 "notes": "", "bunting": False}]}}))
        config = self.write("config/report.json", json.dumps({
            "holidays": {"govuk_json": "holidays.json"}}))
        here = os.getcwd()
        self.addCleanup(os.chdir, here)
        os.chdir(self.dir)  # not the configuration's folder
        k = kpis(timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, config=config))
        self.assertEqual(counts(k["lac_review_decisions_5wd"]),
                         (3, 3, 100.0))
        self.assertEqual(counts(k["lac_review_record_20wd"]), (1, 3, 33.33))

    def test_malformed_config_file(self):
        config = self.write("bad.json", '{\n  "kpis": {,}\n}')
        with self.assertRaises(InvalidArgumentError) as cm:
            timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, config=config)
        self.assertIn("line 2", str(cm.exception))


class ConfigTest(unittest.TestCase):

    def test_targets_give_rag(self):
        # Timeliness 50 against 95 (tolerance 5): red. Participation 66.67
        # against 60: green. Decisions 66.67 against 70 (tolerance 5): 3.33
        # points worse, amber. Sw report 50 against 40, lower is better:
        # 10 points worse with no tolerance, red.
        k = kpis(timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, config={"kpis": {
            "lac_review_timeliness": {"target": 95, "amber_tolerance": 5},
            "lac_review_participation": {"target": 60},
            "lac_review_decisions_5wd": {
                "target": 70, "amber_tolerance": 5,
                "benchmarks": {"statistical neighbours": 60}},
            "lac_review_sw_report_24h": {"target": 40,
                                         "polarity": "lower_is_better"}}}))
        self.assertEqual(k["lac_review_timeliness"]["rag"], "red")
        self.assertEqual(k["lac_review_timeliness"]["target"], 95.0)
        self.assertEqual(k["lac_review_participation"]["rag"], "green")
        self.assertEqual(k["lac_review_decisions_5wd"]["rag"], "amber")
        self.assertEqual(
            k["lac_review_decisions_5wd"]["benchmarks"],
            {"statistical neighbours": {"value": 60.0, "difference": 6.67}})
        self.assertEqual(k["lac_review_sw_report_24h"]["rag"], "red")
        self.assertNotIn("rag", k["lac_review_record_20wd"])

    def test_closure_days(self):
        # The same closure as the holidays file, as closure_days.
        k = kpis(timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, config={
            "closure_days": [{"date": "2019-11-04", "name": "Training"}]}))
        self.assertEqual(counts(k["lac_review_decisions_5wd"]),
                         (3, 3, 100.0))

    def test_unknown_keys_are_named(self):
        for config, named in [
                ({"kpi": {}}, '"kpi"'),
                ({"kpis": {"lac_review_timelines": {}}},
                 "kpis.lac_review_timelines"),
                ({"kpis": {"lac_review_timeliness": {"targt": 95}}},
                 "kpis.lac_review_timeliness.targt")]:
            with self.assertRaises(InvalidArgumentError) as cm:
                timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, config=config)
            self.assertIn(named, cm.exception.message)
            self.assertIsInstance(cm.exception, ValueError)


class ErrorsTest(unittest.TestCase):

    def test_missing_path_is_not_found(self):
        with self.assertRaises(NotFoundError) as cm:
            timescales.report(period="2019-20", ssda903="/nonexistent/903")
        self.assertIsInstance(cm.exception, LookupError)
        self.assertIn("/nonexistent/903", cm.exception.message)

    def test_malformed_xml_names_buffer_and_line(self):
        bad = "<Message>\n<Children>\n</Message>\n"
        with self.assertRaises(InvalidArgumentError) as cm:
            timescales.report(period="2019-20", cin=("census.xml", bad))
        self.assertIn("census.xml: line 3", cm.exception.message)
        self.assertIn("malformed XML", cm.exception.message)

    def test_missing_column_is_named(self):
        with self.assertRaises(InvalidArgumentError) as cm:
            timescales.report(period="2019-20", ssda903=("reviews.csv",
                                       "CHILD,DOB,REVIEW\nB,01/01/2010,"
                                       "15/05/2019\n"))
        self.assertIn("REVIEW_CODE", cm.exception.message)

    def test_bad_period(self):
        with self.assertRaises(InvalidArgumentError) as cm:
            timescales.report(**BUFFERS, allow_rejections=True, period="2019-21")
        self.assertIn("'2019-21'", cm.exception.message)
        with self.assertRaises(TypeError):
            timescales.report(**BUFFERS, allow_rejections=True, period=2019)

    def test_bad_format(self):
        with self.assertRaises(InvalidArgumentError):
            timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, format="xlsx")
        with self.assertRaises(InvalidArgumentError):
            timescales.monitoring_list(**BUFFERS, as_at=D(2020, 3, 31),
                                       format="html")

    def test_dates_out_of_range(self):
        with self.assertRaises(OutOfRangeError):
            timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, data_from=D(2200, 1, 1))
        with self.assertRaises(OutOfRangeError):
            timescales.monitoring_list(**BUFFERS, as_at=D(1899, 12, 31))

    def test_bad_input_types(self):
        for bad in [{"episodes.csv": 1}, 42, ("name",), ("n", 1),
                    [("n", EPISODES), 42]]:
            with self.assertRaises(TypeError, msg=repr(bad)):
                timescales.report(period="2019-20", ssda903=bad)
        with self.assertRaises(TypeError):
            timescales.monitoring_list(**BUFFERS)  # no as_at
        with self.assertRaises(TypeError):
            timescales.report(period="2019-20", **BUFFERS, allow_rejections=True, config=42)

    def test_every_error_is_a_timescales_error(self):
        with self.assertRaises(TimescalesError):
            timescales.report(period="2019-20", ssda903=("x.csv", "a,b\n1,2\n"))


@unittest.skipIf(pandas is None, "pandas is not installed")
class DataFrameTest(unittest.TestCase):

    def test_columns_and_rows(self):
        df = timescales.report_dataframe(period="2019-20", **BUFFERS, allow_rejections=True)
        columns = list(df.columns)
        self.assertEqual(columns[:17], [
            "kpi_id", "kpi_title", "unit", "series", "period", "period_start",
            "period_end", "numerator", "denominator", "value",
            "overdue_at_period_end", "target", "amber_tolerance", "polarity",
            "rag", "benchmark_difference", "excluded_total"])
        # One column per exclusion reason, in docs/kpis.md's order.
        reasons = [c[len("excluded_"):] for c in columns[17:]]
        self.assertIn("duplicate_review", reasons)
        self.assertEqual(reasons, [r for r in timescales.reporting
                                   .CASE_REASONS if r in reasons])
        # 11 KPIs, each a headline and 12 months; none has a previous year
        # (2018-19 starts before both coverage starts).
        self.assertEqual(len(df), 11 * 13)
        self.assertEqual(list(df["series"].astype(str).value_counts().sort_index()
                              .items()), [("headline", 11), ("month", 132)])
        head = df[(df.kpi_id == "lac_review_timeliness") &
                  (df.series == "headline")].iloc[0]
        self.assertEqual((head.numerator, head.denominator, head.value),
                         (2, 4, 50.0))
        self.assertEqual(head.period, "2019-20")
        self.assertEqual(head.period_start, pandas.Timestamp(2019, 4, 1))
        self.assertEqual((head.excluded_duplicate_review,
                          head.excluded_no_period_of_care), (1, 0))
        self.assertTrue(pandas.isna(head.excluded_under_4))  # not its reason
        october = df[(df.kpi_id == "lac_review_timeliness") &
                     (df.period == "2019-10")].iloc[0]
        self.assertEqual(october.overdue_at_period_end, 1)

    def test_fewer_inputs_fewer_rows(self):
        # 2 KPIs, each a headline, 3 months and the previous quarter
        # (2019-20-Q2 starts 1 Jul 2019, after the 15 May coverage start).
        df = timescales.report_dataframe(ssda903=BUFFERS["ssda903"],
                                         period="2019-20-Q3",
                                         allow_rejections=True)
        self.assertEqual(len(df), 2 * 5)
        # Jul - Sep 2019: A's 29 Jul review, on time; nothing overdue.
        previous = df[(df.kpi_id == "lac_review_timeliness") &
                      (df.series == "previous")].iloc[0]
        self.assertEqual((previous.period, previous.numerator,
                          previous.denominator, previous.value),
                         ("2019-20-Q2", 1, 1, 100.0))


class DataFrameWithoutPandasTest(unittest.TestCase):

    def test_import_error_is_clear(self):
        with mock.patch.dict(sys.modules, {"pandas": None}):
            with self.assertRaises(ImportError) as cm:
                timescales.report_dataframe(period="2019-20", **BUFFERS, allow_rejections=True)
        self.assertIn("pandas", str(cm.exception))
        self.assertIn("format='csv'", str(cm.exception))


class MonitoringListTest(unittest.TestCase):
    """LAC rows (kind "lac") for the children in care, and with the census
    CP rows (kind "cp") for X's and Y's open plans, counted as in the module
    docstring. Meetings are given, so each row names the chair of the
    child's latest meeting of its kind held by the as-at date: the meetings
    are all lac_review, so the CP rows have none. Through the C ABI there is
    no late-since date, so no held_late rows."""

    def rows(self, as_at, kind=None, **kwargs):
        out = timescales.monitoring_list(**BUFFERS, as_at=as_at, **kwargs)
        return out, [(c["child"], c["status"], c["next_due"],
                      c["working_days_to_due"]) for c in out["children"]
                     if kind is None or c["kind"] == kind]

    @staticmethod
    def row(out, kind, child):
        found = [c for c in out["children"]
                 if c["kind"] == kind and c["child"] == child]
        assert len(found) == 1, (kind, child, out["children"])
        return found[0]

    def test_statuses_at_the_year_end(self):
        # Tue 31 Mar 2020: C's first review (due Mon 30 Mar) is overdue by
        # one working day; A's next (Fri 1 May) is 21 working days on (Good
        # Friday and Easter Monday skipped); B's (Fri 15 May) 30 (and the
        # 8 May bank holiday); D has no review in the data; E is on short
        # breaks only.
        out, rows = self.rows(D(2020, 3, 31), kind="lac")
        self.assertEqual(rows, [("C", "overdue", D(2020, 3, 30), -1),
                                ("A", "on_track", D(2020, 5, 1), 21),
                                ("B", "on_track", D(2020, 5, 15), 30),
                                ("D", "unknown", None, None)])
        # CP: Y's first review conference, due 3 months after the plan's
        # start (25 Sep 2019) = Wed 25 Dec 2019, is not held: overdue by the
        # working days after 25 Dec to 31 Mar, 3 in December (27, 30, 31;
        # Boxing Day is a holiday), 22 in January (less New Year's Day), 20
        # in February and 22 in March = 67. X's next, due 6 months after
        # its 19 Sep conference = Thu 19 Mar 2020: overdue by 20, 23-27, 30
        # and 31 Mar = 8.
        _, cp = self.rows(D(2020, 3, 31), kind="cp")
        self.assertEqual(cp, [("Y", "overdue", D(2019, 12, 25), -67),
                              ("X", "overdue", D(2020, 3, 19), -8)])
        # Overdue first, then by due date, LAC and CP together.
        self.assertEqual([(c["kind"], c["child"]) for c in out["children"]],
                         [("cp", "Y"), ("cp", "X"), ("lac", "C"),
                          ("lac", "A"), ("lac", "B"), ("lac", "D")])
        self.assertEqual(list(out)[0], "personal_data")
        self.assertEqual(out["as_at"], D(2020, 3, 31))
        self.assertIsNone(out["late_since"])
        self.assertEqual(out["short_breaks"], 1)
        self.assertEqual((out["in_care"], out["cp_plans"], out["held_late"]),
                         (4, 2, 0))
        a = self.row(out, "lac", "A")
        self.assertEqual((a["rule_id"], a["last_review"],
                          a["reviews_in_period"], a["period_start"]),
                         ("lac.subsequent_review", D(2019, 11, 1), 2,
                          D(2019, 7, 1)))
        # A's latest meeting by 31 Mar is 1 Nov's, chaired by IRO2; B's is
        # 30 Mar's (IRO2), though that review is not in reviews.csv; C and
        # D have none.
        self.assertEqual((a["last_chair"], a["held"], a["working_days_late"]),
                         ("IRO2", None, None))
        self.assertEqual(self.row(out, "lac", "B")["last_chair"], "IRO2")
        self.assertIsNone(self.row(out, "lac", "C")["last_chair"])
        self.assertIsNone(self.row(out, "lac", "D")["last_chair"])
        # Y's slot is the plan's first (rule cp.first_rcpc), none held yet;
        # 25 Dec is Christmas Day, so the practical due date is Tue 24 Dec.
        y = self.row(out, "cp", "Y")
        self.assertEqual((y["rule_id"], y["last_review"],
                          y["reviews_in_period"], y["period_start"],
                          y["practical_due"], y["last_chair"], y["held"],
                          y["working_days_late"]),
                         ("cp.first_rcpc", None, 0, D(2019, 9, 25),
                          D(2019, 12, 24), None, None, None))
        # X's is the second, after the 19 Sep conference; 19 Mar is a
        # working day.
        x = self.row(out, "cp", "X")
        self.assertEqual((x["rule_id"], x["last_review"],
                          x["reviews_in_period"], x["period_start"],
                          x["practical_due"], x["last_chair"]),
                         ("cp.subsequent_rcpc", D(2019, 9, 19), 1, D(2019, 6, 20),
                          D(2020, 3, 19), None))

    def test_due_soon(self):
        # Tue 22 Oct 2019: A's second review, due Tue 29 Oct, is 5 working
        # days on: due soon; B's, 15 Nov, 18: on track. C is not yet in
        # care; E's short breaks have begun.
        out, rows = self.rows(D(2019, 10, 22), kind="lac")
        self.assertEqual(rows, [("A", "due_soon", D(2019, 10, 29), 5),
                                ("B", "on_track", D(2019, 11, 15), 18),
                                ("D", "unknown", None, None)])
        # Both plans are open. Y's first conference (Wed 25 Dec) is 45
        # working days on: 7 in October (23-25, 28-31), 21 in November,
        # 17 in December to the 24th; X's next (Thu 19 Mar 2020) 104: those
        # 45 less the 17, 20 in December (less the 25th and 26th), 22 in
        # January, 20 in February and 14 in March to the 19th.
        _, cp = self.rows(D(2019, 10, 22), kind="cp")
        self.assertEqual(cp, [("Y", "on_track", D(2019, 12, 25), 45),
                              ("X", "on_track", D(2020, 3, 19), 104)])
        self.assertEqual([c["child"] for c in out["children"]],
                         ["A", "B", "Y", "X", "D"])
        self.assertEqual((out["in_care"], out["cp_plans"]), (3, 2))
        # By 22 Oct A's latest meeting is 29 Jul's (IRO1); B has had none.
        self.assertEqual(self.row(out, "lac", "A")["last_chair"], "IRO1")
        self.assertIsNone(self.row(out, "lac", "B")["last_chair"])

    def test_policy_window_from_config(self):
        # Within 25 working days, A (21) is due soon as well; the overdue
        # stay overdue.
        _, rows = self.rows(D(2020, 3, 31), config={
            "policy": {"due_soon_working_days": 25}})
        self.assertEqual([r[:2] for r in rows],
                         [("Y", "overdue"), ("X", "overdue"),
                          ("C", "overdue"), ("A", "due_soon"),
                          ("B", "on_track"), ("D", "unknown")])

    def test_text_formats(self):
        csv = timescales.monitoring_list(**BUFFERS, as_at=D(2020, 3, 31),
                                         format="csv")
        lines = csv.splitlines()
        # The nine original columns first, the new ones after them.
        self.assertEqual(lines[:4], [
            "child,status,next_due,practical_due,working_days_to_due,"
            "rule_id,last_review,reviews_in_period,period_start,"
            "kind,last_chair,held,working_days_late",
            "Y,overdue,2019-12-25,2019-12-24,-67,cp.first_rcpc,,0,"
            "2019-09-25,cp,,,",
            "X,overdue,2020-03-19,2020-03-19,-8,cp.subsequent_rcpc,"
            "2019-09-19,1,2019-06-20,cp,,,",
            "C,overdue,2020-03-30,2020-03-30,-1,lac.first_review,,0,"
            "2020-03-02,lac,,,"])
        self.assertIn("A,on_track,2020-05-01,2020-05-01,21,"
                      "lac.subsequent_review,2019-11-01,2,2019-07-01,lac,"
                      "IRO2,,", lines)
        self.assertEqual(len(lines), 1 + 6)
        md = timescales.monitoring_list(**BUFFERS, as_at=D(2020, 3, 31),
                                        format="markdown")
        self.assertTrue(md.startswith(
            "# LAC reviews and CP review conferences as at "), md)
        self.assertIn("**Personal data.**", md)
        self.assertIn("## LAC reviews\n", md)
        self.assertIn("## CP review conferences\n", md)
        self.assertIn("2 child protection plans open.", md)


class DataQualityTest(unittest.TestCase):
    """The keyword arguments behave like the command line's flags."""

    def test_rejections_over_the_threshold_refuse_the_report(self):
        # reviews.csv line 4 (31/02/2020) is one row of six: 16.7%.
        with self.assertRaisesRegex(timescales.FailedPreconditionError,
                                    r"reviews.csv: REVIEW: 1 of 6 rows "
                                    r"rejected \(16.7%\)"):
            timescales.report(**BUFFERS, period="2019-20")
        r = timescales.report(**BUFFERS, period="2019-20", max_rejected=20)
        self.assertNotIn("data_problems", r["inputs"])
        r = timescales.report(**BUFFERS, period="2019-20",
                              allow_rejections=True)
        self.assertEqual(r["inputs"]["data_problems"][0]["column"], "REVIEW")

    def test_an_input_is_read_as_the_keyword_says(self):
        with self.assertRaisesRegex(timescales.InvalidArgumentError,
                                    "this is a CIN census"):
            timescales.report(ssda903=BUFFERS["cin"], period="2019-20")

    def test_us_dates_are_refused_unless_the_order_is_given(self):
        reviews = ("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n"
                   "A,01/01/2016,07/29/2019,PN1\n")
        episodes = ("episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n"
                    "A,2019-07-01,S,C2,N1,U1,,\n")
        with self.assertRaisesRegex(timescales.FailedPreconditionError,
                                    "month/day order"):
            timescales.report(ssda903=[episodes, reviews], period="2019-20")
        r = timescales.report(ssda903=[episodes, reviews], period="2019-20",
                              date_order="mdy")
        self.assertEqual(r["inputs"]["files"][1]["rejected"], 0)
        with self.assertRaises(timescales.InvalidArgumentError):
            timescales.report(ssda903=[episodes, reviews], period="2019-20",
                              date_order="ymd")


if __name__ == "__main__":
    unittest.main()
