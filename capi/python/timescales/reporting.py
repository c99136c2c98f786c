"""The IRO annual report's KPIs and the LAC review monitoring list.

Computed by the C library (``tsc_report_run``, ``tsc_monitoring_run``)
from the extracts a council already holds: SSDA903 CSV or XML, the CIN
census XML and the library's own ``meetings.csv`` (docs/inputs.md)::

    import datetime, timescales
    r = timescales.report(ssda903="extracts/903",          # a folder
                          cin="cin_census_2020.xml",
                          meetings="meetings.csv", period="2019-20",
                          config={"kpis": {"lac_review_timeliness":
                                           {"target": 95}}})
    [(k["id"], k["value"], k.get("rag")) for k in r["kpis"]]
    # [('lac_review_timeliness', 98.43, 'green'), ...]
    todo = timescales.monitoring_list(ssda903="extracts/903",
                                      as_at=datetime.date(2020, 3, 31))
    [c["child"] for c in todo["children"] if c["status"] == "overdue"]

pandas (optional). DataFrames in, DataFrames out, no temporary files::

    episodes = pandas.read_csv("episodes.csv", dtype={"CHILD": str},
                               parse_dates=["DECOM", "DEC"], dayfirst=True)
    kpis = timescales.report_dataframe(episodes=episodes, reviews=reviews,
                                       header=header, meetings=meetings,
                                       cin="cin_census_2020.xml",
                                       period="2019-20")
    chairs = timescales.chairs_dataframe(..., period="2019-20")
    cases = timescales.cases_dataframe(..., period="2019-20",
                                       kpi="lac_review_timeliness")
    cases[cases.outcome == "late"].groupby("chair_id").size()
    todo = timescales.monitoring_dataframe(..., as_at=datetime.date(2020, 3, 31))

``period`` is required by every report function: a report for the wrong
year is worse than an error.

Inputs. Each of ``ssda903``, ``cin`` and ``meetings`` (and ``episodes``,
``reviews`` and ``header``, SSDA903 tables) is None, one input or a list of
inputs. An input is

* a path (``str`` or ``os.PathLike``) to a file or a folder (every ``.csv``
  and ``.xml`` directly in it);
* an in-memory file: ``bytes`` (named after its keyword), or a
  ``(name, data)`` tuple, ``data`` being ``bytes`` or ``str``; ``name``
  labels it in messages and in the report's list of inputs;
* a pandas ``DataFrame`` with the columns named as in the CSV files
  (docs/inputs.md), serialised to CSV in memory: ``datetime64`` columns are
  written as ``yyyy-mm-dd`` (with ``THH:MM`` where a value has a time of
  day, as meetings.csv's times; timezone-aware values at their
  Europe/London time), NaT and NaN as blank cells, float columns holding
  whole numbers (integers with a missing value) as integers; a named index
  becomes a column.

An input is read as the kind of its keyword (the command line's
``--ssda903``, ``--cin`` and ``--meetings``); one that is something else is
an error saying what it is. A 903 table is recognised by its columns.

Errors. A file that cannot be used at all raises before anything is
computed: :class:`~timescales.NotFoundError` (a ``LookupError``) for a
missing path, :class:`~timescales.InvalidArgumentError` (a ``ValueError``)
for malformed XML, a missing required column, UTF-16 text and the like,
with the library's message naming the file and line. A bad row never
raises: it is listed in ``inputs.rejections`` with its file, line and
reason. A bad period, format or configuration (an unknown key is named)
is an ``InvalidArgumentError`` too; a missing ``period`` a ``TypeError``.

Case-level detail (docs/kpis.md#case-level-detail). ``report(...,
detail=True)`` gives each KPI the rows behind its figure, one per review,
overdue slot, s47 enquiry, plan or action, so that counting them gives the
figure: the numerator is the rows with ``in_numerator``, the denominator
those with ``in_denominator``. The rows name children: they are personal
data, for the council's own use, and an output holding them says so.
:func:`cases_dataframe` gives them as a pandas ``DataFrame``.
"""

import ctypes
import datetime
import io
import json
import os
import sys
from ctypes import byref, c_void_p
from typing import (TYPE_CHECKING, Any, Callable, Dict, List,
                    Literal, Optional, Sequence, Tuple, Union, cast,
                    overload)

from . import errors
from ._ffi import ReportInputsP, ReportOptionsP, lib
from .dates import _serial

if TYPE_CHECKING:  # pandas is optional: only the *_dataframe functions
    import pandas

__all__ = ["report", "report_dataframe", "chairs_dataframe",
           "cases_dataframe", "monitoring_list", "monitoring_dataframe",
           "Format", "DateOrder", "Period", "Input", "Inputs", "Config",
           "FORMATS", "CSV_COLUMNS", "REPORT_COLUMNS", "CHAIR_COLUMNS",
           "MONITORING_COLUMNS", "CASE_COLUMNS", "CASE_KPIS", "CASE_ITEMS",
           "CASE_OUTCOMES", "CASE_REASONS", "SERIES", "RAGS",
           "MONITORING_STATUSES"]

# An in-memory file's data.
Data = Union[bytes, bytearray, memoryview, str]
# An input: a path, in-memory bytes, an in-memory file as (name, data), or a
# pandas DataFrame (typed Any: pandas is optional and untyped).
Input = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview,
              Tuple[str, Data], "pandas.DataFrame"]
# What the input keywords take.
Inputs = Union[None, Input, List[Input]]
# A period: "2019-20", "2019-20-Q3", "2019-10", "2019-04-01..2020-03-31",
# or a (start, end) pair of dates.
Period = Union[str, Tuple[datetime.date, datetime.date]]
# A configuration: a dict, a path to a JSON file, or None.
Config = Union[None, Dict[str, Any], str, "os.PathLike[str]"]
# Output formats, and how slashed dates are read.
Format = Literal["json", "csv", "markdown", "html"]
TextFormat = Literal["csv", "markdown", "html"]
MonitoringFormat = Literal["json", "csv", "markdown"]
DateOrder = Literal["auto", "dmy", "mdy"]

# TSC_FORMAT_* in c.h.
FORMATS = {"json": 0, "csv": 1, "markdown": 2, "html": 3}
# The monitoring list has no HTML form.
MONITORING_FORMATS = ("json", "csv", "markdown")
# TSC_NO_DATE in c.h.
_NO_DATE = -(2 ** 31)


class _Required:
    """The default of an argument that must be given (``period``,
    ``as_at``): placed after optional arguments, it cannot go without a
    default and stay where callers pass it."""

    def __repr__(self) -> str:
        return "<required>"


_REQUIRED: Any = _Required()

# The columns of the tidy CSV (render_csv.cc), which report(format="csv")
# writes.
CSV_COLUMNS = (
    "kpi_id", "kpi_title", "unit", "series", "period", "period_start",
    "period_end", "numerator", "denominator", "value",
    "overdue_at_period_end", "target", "polarity", "rag", "excluded_total",
    "excluded")
# report_dataframe's columns, then one "excluded_<reason>" column per
# exclusion reason in the report (CASE_REASONS order).
REPORT_COLUMNS = (
    "kpi_id", "kpi_title", "unit", "series", "period", "period_start",
    "period_end", "numerator", "denominator", "value",
    "overdue_at_period_end", "target", "amber_tolerance", "polarity", "rag",
    "benchmark_difference", "excluded_total")
# The series of report_dataframe, in order.
SERIES = ("headline", "month", "previous", "benchmark")
RAGS = ("red", "amber", "green")
# chairs_dataframe's columns.
CHAIR_COLUMNS = ("chair_id", "meetings", "qa_alerts", "kpi_id",
                 "numerator", "denominator", "value")
# The monitoring list's row fields, monitoring_dataframe's columns.
MONITORING_COLUMNS = (
    "child", "status", "next_due", "practical_due", "working_days_to_due",
    "rule_id", "last_review", "reviews_in_period", "period_start", "kind",
    "last_chair", "held", "working_days_late")
MONITORING_STATUSES = ("overdue", "due_soon", "on_track", "unknown",
                       "held_late")
MONITORING_KINDS = ("lac", "cp")
_MONITORING_DATES = ("next_due", "practical_due", "last_review",
                     "period_start", "held")
_MONITORING_INTS = ("working_days_to_due", "reviews_in_period",
                    "working_days_late")

# The columns of the case-level CSV (docs/kpis.md#case-level-detail), for
# cases_dataframe.
CASE_COLUMNS = (
    "kpi", "child", "item", "date", "month", "outcome", "in_numerator",
    "in_denominator", "reason", "rule", "slot", "anchor", "due",
    "practical_due", "late_working_days", "chair_id", "source")
# The categories of cases_dataframe's categorical columns, in the order of
# docs/kpis.md. A value the library writes that is not listed (a newer
# library) is added after them, never lost.
CASE_KPIS = (
    "lac_review_timeliness", "lac_review_participation", "icpc_timeliness",
    "rcpc_timeliness", "cp_repeat_plans", "cp_repeat_plans_2y",
    "cp_plans_open_over_18_months", "cp_plans_ended_2y_plus",
    "lac_review_decisions_5wd", "lac_review_record_20wd",
    "lac_review_sw_report_24h")
CASE_ITEMS = ("review", "overdue_slot", "s47", "plan", "action", "child")
CASE_OUTCOMES = ("on_time", "late", "overdue", "excluded", "counted",
                 "not_counted")
# Every KPI's exclusion reasons (docs/kpis.md#the-kpis), then not_yet_due.
CASE_REASONS = (
    "duplicate_review", "no_period_of_care", "short_breaks",
    "previous_review_unknown", "under_4", "missing_code",
    "missing_s47_start", "icpc_before_s47", "review_outside_plan",
    "missing_start", "not_yet_due")
_CASE_DATES = ("date", "anchor", "due", "practical_due")
_CASE_INTS = ("slot", "late_working_days")
_CASE_BOOLS = ("in_numerator", "in_denominator")
_CASE_STRINGS = ("child", "month", "rule", "chair_id", "source")


# ---- The report ----------------------------------------------------------------

@overload
def report(ssda903: Inputs = None, cin: Inputs = None,
           meetings: Inputs = None, period: Period = _REQUIRED,
           config: Config = None, data_from: Optional[datetime.date] = None,
           format: Literal["json"] = "json", *, episodes: Inputs = None,
           reviews: Inputs = None, header: Inputs = None,
           date_order: DateOrder = "auto",
           two_digit_years_from: Optional[int] = None,
           allow_unknown_columns: bool = False, max_rejected: float = 5.0,
           allow_rejections: bool = False,
           detail: bool = False) -> Dict[str, Any]: ...


@overload
def report(ssda903: Inputs = None, cin: Inputs = None,
           meetings: Inputs = None, period: Period = _REQUIRED,
           config: Config = None, data_from: Optional[datetime.date] = None,
           *, format: TextFormat, episodes: Inputs = None,
           reviews: Inputs = None, header: Inputs = None,
           date_order: DateOrder = "auto",
           two_digit_years_from: Optional[int] = None,
           allow_unknown_columns: bool = False, max_rejected: float = 5.0,
           allow_rejections: bool = False, detail: bool = False) -> str: ...


def report(ssda903: Inputs = None, cin: Inputs = None,
           meetings: Inputs = None, period: Period = _REQUIRED,
           config: Config = None, data_from: Optional[datetime.date] = None,
           format: Format = "json", *, episodes: Inputs = None,
           reviews: Inputs = None, header: Inputs = None,
           date_order: DateOrder = "auto",
           two_digit_years_from: Optional[int] = None,
           allow_unknown_columns: bool = False, max_rejected: float = 5.0,
           allow_rejections: bool = False,
           detail: bool = False) -> Union[Dict[str, Any], str]:
    """The KPIs of an IRO annual report for ``period``.

    Args:
        ssda903, cin, meetings: the inputs (see the module documentation):
            a path, bytes, a ``(name, data)`` tuple, a pandas
            ``DataFrame``, or a list of them.
        episodes, reviews, header: SSDA903 tables, as ``ssda903`` (the
            usual form: a ``DataFrame`` each, columns as in the 903 CSV).
        period: required. ``"2019-20"`` (a financial year),
            ``"2019-20-Q3"``, ``"2019-10"`` (a month),
            ``"2019-04-01..2020-03-31"``, or a ``(start, end)`` pair of
            ``datetime.date``.
        config: the configuration (docs/configuration.md): a ``dict``
            (serialised to JSON), a path to a JSON file, or None for the
            defaults. A relative ``holidays.govuk_json`` in a file is taken
            relative to that file.
        data_from: the ``datetime.date`` from which the data hold every
            review (``--data-from``); None derives it as
            docs/kpis.md#coverage-start says.
        date_order, two_digit_years_from, allow_unknown_columns: how the
            extracts are read, as the command line's options of the same
            names (docs/inputs.md#dates): ``"auto"``, ``"dmy"`` or
            ``"mdy"``; a year such as 1950 or None to refuse two-digit
            years; True to read a meetings.csv without columns whose names
            are misspelt.
        max_rejected, allow_rejections: a table or column that lost more
            than ``max_rejected`` percent of its rows, or a KPI emptied by
            rejections, raises FailedPreconditionError naming the problems
            (docs/inputs.md#data-quality), unless ``allow_rejections``.
        format: ``"json"`` (returns the parsed ``dict`` of the
            docs/kpis.md#json-output contract), ``"csv"`` (tidy, one row a
            KPI and period or month), ``"markdown"`` or ``"html"`` (return
            the text).
        detail: True adds the case rows (docs/kpis.md#case-level-detail),
            which name children: personal data, for the council's own use.
            JSON: each KPI gains a ``cases`` list (``child``, ``item``,
            ``date``, ``month``, ``outcome``, ``in_numerator``,
            ``in_denominator``, ``reason``, ``rule``, ``slot``, ``anchor``,
            ``due``, ``practical_due``, ``late_working_days``,
            ``chair_id``, ``source``) and the report a ``personal_data``
            member; CSV: the case table (:data:`CASE_COLUMNS`, one row a
            case) instead of the KPI table; Markdown and HTML: the late,
            overdue and excluded cases under each KPI.

    Raises:
        TypeError: no ``period``.
        InvalidArgumentError, NotFoundError: see the module documentation.
    """
    period_text = _period(period, "report")
    code = _format(format, FORMATS)
    reading = _reading(date_order, two_digit_years_from,
                       allow_unknown_columns, max_rejected, allow_rejections,
                       detail)
    items = _items(ssda903=ssda903, cin=cin, meetings=meetings,
                   episodes=episodes, reviews=reviews, header=header)
    with _Session(items, config, data_from, reading) as session:
        text = session.report(period_text, code)
    return cast(Dict[str, Any], json.loads(text)) if format == "json" \
        else text


def report_dataframe(ssda903: Inputs = None, cin: Inputs = None,
                     meetings: Inputs = None, period: Period = _REQUIRED,
                     config: Config = None,
                     data_from: Optional[datetime.date] = None, *,
                     episodes: Inputs = None, reviews: Inputs = None,
                     header: Inputs = None, date_order: DateOrder = "auto",
                     two_digit_years_from: Optional[int] = None,
                     allow_unknown_columns: bool = False,
                     max_rejected: float = 5.0,
                     allow_rejections: bool = False) -> "pandas.DataFrame":
    """The report as tidy long data: a pandas ``DataFrame`` with one row a
    KPI and series, in the report's order of KPIs:

    * ``series`` ``"headline"`` (the period), ``"month"`` (each month of
      it), ``"previous"`` (the period a year before) and ``"benchmark"``
      (one row per configured benchmark: ``period`` is its name, ``value``
      its value and ``benchmark_difference`` the headline's value minus
      it);
    * the columns :data:`REPORT_COLUMNS`, then one nullable ``Int64``
      column ``excluded_<reason>`` per exclusion reason of the report's
      KPIs (``excluded_short_breaks``, ...; ``<NA>`` for a KPI without that
      reason or a row without exclusions), in the order of
      :data:`CASE_REASONS`;
    * ``period_start``, ``period_end``: ``datetime64[ns]`` (NaT for a
      benchmark); ``numerator``, ``denominator``,
      ``overdue_at_period_end``, ``excluded_total``: nullable ``Int64``;
      ``value``, ``target``, ``amber_tolerance``, ``benchmark_difference``:
      ``float64`` (NaN where none); ``series`` (:data:`SERIES`), ``rag``
      (:data:`RAGS`), ``unit`` and ``polarity``: ``category``; ``kpi_id``,
      ``kpi_title``, ``period``: ``str``.

    Arguments as :func:`report`; ``period`` is required.

    Raises:
        ImportError: pandas is not installed (it is an optional
            dependency; ``report(..., format="csv")`` needs nothing).
    """
    pandas = _pandas("report_dataframe", "report(..., format='csv') gives "
                     "the KPI table as text without it")
    period_text = _period(period, "report_dataframe")
    reading = _reading(date_order, two_digit_years_from,
                       allow_unknown_columns, max_rejected, allow_rejections)
    items = _items(ssda903=ssda903, cin=cin, meetings=meetings,
                   episodes=episodes, reviews=reviews, header=header)
    # One reading of the inputs, two renderings: the CSV has each month's
    # exclusions, the JSON the benchmarks and tolerances.
    with _Session(items, config, data_from, reading) as session:
        csv_text = session.report(period_text, FORMATS["csv"])
        parsed = json.loads(session.report(period_text, FORMATS["json"]))
    return _report_frame(pandas, csv_text, parsed)


def _report_frame(pandas: Any, csv_text: str,
                  parsed: Dict[str, Any]) -> Any:
    raw = pandas.read_csv(io.StringIO(csv_text), dtype=str,
                          keep_default_na=False, na_filter=False)
    if tuple(raw.columns) != CSV_COLUMNS:
        raise errors.InternalError(
            errors.INTERNAL, "the report's CSV columns are %s, expected %s" %
            (",".join(raw.columns), ",".join(CSV_COLUMNS)))
    kpis = {k["id"]: k for k in parsed.get("kpis", [])}
    rows: List[Dict[str, Any]] = []
    reasons: List[str] = []
    for record in raw.to_dict("records"):
        kpi = kpis.get(record["kpi_id"], {})
        row: Dict[str, Any] = {c: record[c] for c in CSV_COLUMNS
                               if c != "excluded"}
        row["amber_tolerance"] = kpi.get("amber_tolerance")
        row["benchmark_difference"] = None
        for part in record["excluded"].split(";"):
            if not part:
                continue
            reason, _, count = part.partition("=")
            row["excluded_" + reason] = count
            if reason not in reasons:
                reasons.append(reason)
        rows.append(row)
        if record["series"] == "headline":
            for name, benchmark in kpi.get("benchmarks", {}).items():
                rows.append({
                    "kpi_id": record["kpi_id"],
                    "kpi_title": record["kpi_title"],
                    "unit": record["unit"], "series": "benchmark",
                    "period": name, "value": benchmark.get("value"),
                    "benchmark_difference": benchmark.get("difference"),
                    "target": record["target"],
                    "amber_tolerance": kpi.get("amber_tolerance"),
                    "polarity": record["polarity"]})
    order = {r: i for i, r in enumerate(CASE_REASONS)}
    reasons.sort(key=lambda r: (order.get(r, len(order)), r))
    columns = list(REPORT_COLUMNS) + ["excluded_" + r for r in reasons]
    frame = pandas.DataFrame(rows, columns=columns, dtype=object)
    frame = frame.where(frame.notna() & (frame != ""), None)
    out: Dict[str, Any] = {}
    for column in columns:
        cells = frame[column]
        if column in ("period_start", "period_end"):
            out[column] = pandas.to_datetime(
                cells, format="%Y-%m-%d").astype("datetime64[ns]")
        elif column in ("numerator", "denominator", "overdue_at_period_end",
                        "excluded_total") or column.startswith("excluded_"):
            out[column] = pandas.to_numeric(cells).astype("Int64")
        elif column in ("value", "target", "amber_tolerance",
                        "benchmark_difference"):
            out[column] = pandas.to_numeric(cells).astype("float64")
        elif column == "series":
            out[column] = _categorical(pandas, cells, SERIES)
        elif column == "rag":
            out[column] = _categorical(pandas, cells, RAGS)
        elif column in ("unit", "polarity"):
            out[column] = _categorical(pandas, cells, ())
        else:
            out[column] = cells.astype(object)
    return pandas.DataFrame(out, columns=columns,
                            index=pandas.RangeIndex(len(frame)))


def chairs_dataframe(ssda903: Inputs = None, cin: Inputs = None,
                     meetings: Inputs = None, period: Period = _REQUIRED,
                     config: Config = None,
                     data_from: Optional[datetime.date] = None, *,
                     episodes: Inputs = None, reviews: Inputs = None,
                     header: Inputs = None, date_order: DateOrder = "auto",
                     two_digit_years_from: Optional[int] = None,
                     allow_unknown_columns: bool = False,
                     max_rejected: float = 5.0,
                     allow_rejections: bool = False) -> "pandas.DataFrame":
    """The per-chair breakdown of the meeting KPIs
    (docs/kpis.md#per-chair-breakdown, the JSON's ``breakdowns.by_chair``)
    as a tidy pandas ``DataFrame``: one row a chair and KPI, with the
    columns :data:`CHAIR_COLUMNS`. ``chair_id`` is as in meetings.csv
    (``"(none)"`` for meetings without a chair, first); ``meetings`` and
    ``qa_alerts`` are the chair's, repeated on each of its rows;
    ``numerator`` and ``denominator`` are ``Int64``, ``value`` ``float64``
    (NaN without cases); ``kpi_id`` is ``category``. The chairs' figures
    add up to the headline's. Without meetings the frame has no rows.
    ``chairs.pivot(index="chair_id", columns="kpi_id", values="value")``
    gives the wide table.

    Arguments as :func:`report`; ``period`` is required.
    """
    pandas = _pandas("chairs_dataframe", "report(...)['breakdowns']"
                     "['by_chair'] gives the same figures without it")
    r = report(ssda903, cin, meetings, period=period, config=config,
               data_from=data_from, episodes=episodes, reviews=reviews,
               header=header, date_order=date_order,
               two_digit_years_from=two_digit_years_from,
               allow_unknown_columns=allow_unknown_columns,
               max_rejected=max_rejected, allow_rejections=allow_rejections)
    rows = []
    kpi_order: List[str] = []
    for chair in r.get("breakdowns", {}).get("by_chair", []):
        for key, figures in chair.items():
            if not isinstance(figures, dict):
                continue
            if key not in kpi_order:
                kpi_order.append(key)
            rows.append((chair["chair_id"], chair.get("meetings"),
                         chair.get("qa_alerts"), key,
                         figures.get("numerator"), figures.get("denominator"),
                         figures.get("value")))
    columns = list(CHAIR_COLUMNS)
    raw = pandas.DataFrame(rows, columns=columns, dtype=object)
    return pandas.DataFrame({
        "chair_id": raw["chair_id"].astype(object),
        "meetings": pandas.array(raw["meetings"].tolist(), dtype="Int64"),
        "qa_alerts": pandas.array(raw["qa_alerts"].tolist(), dtype="Int64"),
        "kpi_id": pandas.Categorical(raw["kpi_id"], categories=kpi_order),
        "numerator": pandas.array(raw["numerator"].tolist(), dtype="Int64"),
        "denominator": pandas.array(raw["denominator"].tolist(),
                                    dtype="Int64"),
        "value": pandas.to_numeric(raw["value"]).astype("float64"),
    }, columns=columns, index=pandas.RangeIndex(len(raw)))


def cases_dataframe(ssda903: Inputs = None, cin: Inputs = None,
                    meetings: Inputs = None, period: Period = _REQUIRED,
                    config: Config = None,
                    data_from: Optional[datetime.date] = None, *,
                    kpi: Optional[str] = None, episodes: Inputs = None,
                    reviews: Inputs = None, header: Inputs = None,
                    date_order: DateOrder = "auto",
                    two_digit_years_from: Optional[int] = None,
                    allow_unknown_columns: bool = False,
                    max_rejected: float = 5.0,
                    allow_rejections: bool = False) -> "pandas.DataFrame":
    """The case-level detail (docs/kpis.md#case-level-detail) as a pandas
    ``DataFrame``: one row a case of every KPI, or of ``kpi`` only, with the
    columns of :data:`CASE_COLUMNS`. The rows name children: personal data,
    for the council's own use. Counting them gives each KPI's figure:
    ``df[df.kpi == k].in_numerator.sum()`` is its numerator.

    Columns and dtypes:

    * ``date``, ``anchor``, ``due``, ``practical_due``: ``datetime64[ns]``,
      NaT where a date does not apply;
    * ``in_numerator``, ``in_denominator``: ``bool``;
    * ``slot``, ``late_working_days``: nullable ``Int64`` (``<NA>`` where
      there is none);
    * ``kpi``, ``item``, ``outcome``, ``reason``: ``category``; ``outcome``'s
      categories are :data:`CASE_OUTCOMES` in that order, ``reason``'s
      :data:`CASE_REASONS` (NaN for a row not excluded);
    * ``child``, ``month``, ``rule``, ``chair_id``, ``source``: ``str``
      (object dtype; a child id stays as written, ``"007"`` is not 7;
      None where a value does not apply).

    Args:
        kpi: a KPI id such as ``"lac_review_timeliness"``, or None for
            every KPI. A KPI left out of the report for want of its table
            has no rows.
        Other arguments as :func:`report`; ``period`` is required.

    Raises:
        ImportError: pandas is not installed (it is an optional
            dependency; ``report(..., format="csv", detail=True)`` gives
            the same table as text without it).
        InvalidArgumentError: ``kpi`` is not a KPI id; and as
            :func:`report`.
    """
    pandas = _pandas("cases_dataframe", "report(..., format='csv', "
                     "detail=True) gives the same table as text without it")
    if kpi is not None and not isinstance(kpi, str):
        raise TypeError("kpi must be a KPI id (str) or None, got %s" %
                        type(kpi).__name__)
    text = report(ssda903, cin, meetings, period=period, config=config,
                  data_from=data_from, format="csv", episodes=episodes,
                  reviews=reviews, header=header, date_order=date_order,
                  two_digit_years_from=two_digit_years_from,
                  allow_unknown_columns=allow_unknown_columns,
                  max_rejected=max_rejected,
                  allow_rejections=allow_rejections, detail=True)
    # Every cell as written ("007" stays a string; empty stays empty), then
    # each column converted to its type below.
    raw = pandas.read_csv(io.StringIO(text), dtype=str,
                          keep_default_na=False, na_filter=False)
    if tuple(raw.columns) != CASE_COLUMNS:
        raise errors.InternalError(
            errors.INTERNAL,
            "the case table's columns are %s, expected %s" %
            (",".join(raw.columns), ",".join(CASE_COLUMNS)))
    if kpi is not None:
        if kpi not in CASE_KPIS and not (raw["kpi"] == kpi).any():
            raise errors.InvalidArgumentError(
                errors.INVALID_ARGUMENT,
                "kpi %r is not a KPI id (expected one of %s)" %
                (kpi, ", ".join(CASE_KPIS)))
        raw = raw[raw["kpi"] == kpi].reset_index(drop=True)
    return _case_frame(pandas, raw)


def _case_frame(pandas: Any, raw: Any) -> Any:
    """The case table's text columns converted to their dtypes."""
    out = {}
    for column in CASE_COLUMNS:
        cells = raw[column]
        if column in _CASE_DATES:
            out[column] = pandas.to_datetime(
                cells.where(cells != "", None), format="%Y-%m-%d",
                errors="raise").astype("datetime64[ns]")
        elif column in _CASE_BOOLS:
            out[column] = cells.map(_bool_cell(column)).astype(bool)
        elif column in _CASE_INTS:
            out[column] = pandas.array(
                [None if cell == "" else int(cell) for cell in cells],
                dtype=pandas.Int64Dtype())
        elif column == "kpi":
            out[column] = _categorical(pandas, cells, CASE_KPIS)
        elif column == "item":
            out[column] = _categorical(pandas, cells, CASE_ITEMS)
        elif column == "outcome":
            out[column] = _categorical(pandas, cells, CASE_OUTCOMES)
        elif column == "reason":
            out[column] = _categorical(pandas, cells, CASE_REASONS)
        elif column in _CASE_STRINGS:
            out[column] = cells.where(cells != "", None).astype(object)
        else:  # CASE_COLUMNS and the lists above disagree
            raise AssertionError("no type for case column %r" % column)
    return pandas.DataFrame(out, columns=list(CASE_COLUMNS),
                            index=pandas.RangeIndex(len(raw)))


def _bool_cell(column: str) -> Callable[[str], bool]:
    values = {"true": True, "false": False, "1": True, "0": False}

    def parse(cell: str) -> bool:
        try:
            return values[cell.lower()]
        except KeyError:
            raise errors.InternalError(
                errors.INTERNAL,
                "the case table's %s is %r, not true or false" %
                (column, cell)) from None
    return parse


def _categorical(pandas: Any, cells: Any, known: Sequence[str]) -> Any:
    """``cells`` as a Categorical of the ``known`` values in their order,
    with any other value written (a newer library's) after them; an empty
    cell (or None) is NaN."""
    cells = pandas.Series(cells, dtype=object)
    cells = cells.where(cells.notna() & (cells != ""), None)
    present = [v for v in pandas.unique(cells) if v is not None]
    extra = sorted(v for v in present if v not in known)
    return pandas.Categorical(cells, categories=list(known) + extra)


# ---- The monitoring list ---------------------------------------------------------

@overload
def monitoring_list(ssda903: Inputs = None, cin: Inputs = None,
                    meetings: Inputs = None,
                    as_at: datetime.date = _REQUIRED, config: Config = None,
                    data_from: Optional[datetime.date] = None,
                    format: Literal["json"] = "json", *,
                    episodes: Inputs = None, reviews: Inputs = None,
                    header: Inputs = None, date_order: DateOrder = "auto",
                    two_digit_years_from: Optional[int] = None,
                    allow_unknown_columns: bool = False,
                    late_since: Optional[datetime.date] = None
                    ) -> Dict[str, Any]:
    ...


@overload
def monitoring_list(ssda903: Inputs = None, cin: Inputs = None,
                    meetings: Inputs = None,
                    as_at: datetime.date = _REQUIRED, config: Config = None,
                    data_from: Optional[datetime.date] = None, *,
                    format: Literal["csv", "markdown"],
                    episodes: Inputs = None, reviews: Inputs = None,
                    header: Inputs = None, date_order: DateOrder = "auto",
                    two_digit_years_from: Optional[int] = None,
                    allow_unknown_columns: bool = False,
                    late_since: Optional[datetime.date] = None) -> str: ...


def monitoring_list(ssda903: Inputs = None, cin: Inputs = None,
                    meetings: Inputs = None,
                    as_at: datetime.date = _REQUIRED, config: Config = None,
                    data_from: Optional[datetime.date] = None,
                    format: MonitoringFormat = "json", *,
                    episodes: Inputs = None, reviews: Inputs = None,
                    header: Inputs = None, date_order: DateOrder = "auto",
                    two_digit_years_from: Optional[int] = None,
                    allow_unknown_columns: bool = False,
                    late_since: Optional[datetime.date] = None
                    ) -> Union[Dict[str, Any], str]:
    """The monitoring list as at the end of ``as_at`` (the CLI's
    ``timescales monitoring``): each child in care then, with the next LAC
    review due (a ``"lac"`` row), and, when a CIN census is given, each
    child protection plan open then, with the next review conference due
    (a ``"cp"`` row); each with its status, overdue first, then by due
    date, LAC and CP together. The list names children: it is personal
    data.

    Args:
        as_at: a ``datetime.date`` (required).
        late_since: also list, with status ``"held_late"``, each review
            and conference held after its due date from this day to
            ``as_at`` (the CLI's ``--late-since``); None, the default,
            lists none.
        format: ``"json"`` (returns a ``dict``: ``personal_data`` (a
            notice), ``as_at`` (a ``datetime.date``), ``late_since``,
            ``policy``, ``calendar``,
            ``short_breaks``, ``in_care`` (the ``"lac"`` rows),
            ``cp_plans`` (the ``"cp"`` rows), ``held_late`` (the
            ``"held_late"`` rows) and ``children``, a list of ``{"child", "status",
            "next_due", "practical_due", "working_days_to_due", "rule_id",
            "last_review", "reviews_in_period", "period_start", "kind",
            "last_chair", "held", "working_days_late"}``, each date a
            ``datetime.date`` (a time a ``datetime.datetime``) or None),
            ``"csv"`` (the same columns, one row a child's review or plan;
            ``kind,last_chair,held,working_days_late`` after the first
            nine) or ``"markdown"`` (return the text).
            :func:`monitoring_dataframe` gives the rows as a DataFrame.

    Row fields: ``kind`` is ``"lac"`` or ``"cp"``; for a ``"cp"`` row
    ``period_start`` is the plan's start and ``last_review`` its last
    review conference. ``last_chair`` is the ``chair_id`` of the child's
    latest meeting of the row's kind (``lac_review``; ``icpc`` or
    ``rcpc``) held by ``as_at``, ``None`` without one or without
    meetings. ``held`` and ``working_days_late`` are for ``held_late``
    rows (``late_since``), ``None`` otherwise.

    Statuses: ``"overdue"``, ``"due_soon"`` (within the policy's
    ``due_soon_working_days``), ``"on_track"``, ``"unknown"`` for a child
    in care (or a plan) since before the data with no review in it, and
    ``"held_late"`` (only with ``late_since``).
    Other arguments as :func:`report`.
    """
    if as_at is _REQUIRED or as_at is None:
        raise TypeError("monitoring_list() needs as_at, a datetime.date")
    code = _format(format, MONITORING_FORMATS)
    day = _serial(as_at, "as_at")
    since = _NO_DATE if late_since is None else _serial(late_since,
                                                         "late_since")
    reading = _reading(date_order, two_digit_years_from,
                       allow_unknown_columns, 5.0, True)
    items = _items(ssda903=ssda903, cin=cin, meetings=meetings,
                   episodes=episodes, reviews=reviews, header=header)
    with _Session(items, config, data_from, reading) as session:
        text = session.monitoring(day, code, since)
    if format != "json":
        return text
    parsed = json.loads(text)
    for key in ("as_at", "late_since"):
        parsed[key] = _moment_of(parsed.get(key))
    for row in parsed.get("children", []):
        for key in _MONITORING_DATES:
            if key in row:
                row[key] = _moment_of(row[key])
    return cast(Dict[str, Any], parsed)


def _moment_of(text: Optional[str]) -> Union[None, datetime.date,
                                              datetime.datetime]:
    """An ISO date (``yyyy-mm-dd``) or moment (``yyyy-mm-ddTHH:MM``) of the
    JSON as a ``date`` or ``datetime``; None stays None."""
    if text is None:
        return None
    if "T" in text:
        return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M")
    return datetime.datetime.strptime(text, "%Y-%m-%d").date()


def monitoring_dataframe(ssda903: Inputs = None, cin: Inputs = None,
                         meetings: Inputs = None,
                         as_at: datetime.date = _REQUIRED,
                         config: Config = None,
                         data_from: Optional[datetime.date] = None, *,
                         episodes: Inputs = None, reviews: Inputs = None,
                         header: Inputs = None,
                         date_order: DateOrder = "auto",
                         two_digit_years_from: Optional[int] = None,
                         allow_unknown_columns: bool = False,
                         late_since: Optional[datetime.date] = None
                         ) -> "pandas.DataFrame":
    """The monitoring list's rows (:func:`monitoring_list`) as a pandas
    ``DataFrame`` in the list's order, with the columns
    :data:`MONITORING_COLUMNS`: ``next_due``, ``practical_due``,
    ``last_review``, ``period_start``, ``held``: ``datetime64[ns]`` (NaT
    where none); ``working_days_to_due``, ``reviews_in_period``,
    ``working_days_late``: nullable ``Int64``; ``status``
    (:data:`MONITORING_STATUSES`) and ``kind`` (``"lac"``, ``"cp"``):
    ``category``; ``child``, ``rule_id``, ``last_chair``: ``str`` (None
    where none). The rows name children: personal data. Arguments as
    :func:`monitoring_list`.
    """
    pandas = _pandas("monitoring_dataframe", "monitoring_list(...) gives "
                     "the same rows without it")
    listed = monitoring_list(ssda903, cin, meetings, as_at=as_at,
                             config=config, data_from=data_from,
                             episodes=episodes, reviews=reviews,
                             header=header, date_order=date_order,
                             two_digit_years_from=two_digit_years_from,
                             allow_unknown_columns=allow_unknown_columns,
                             late_since=late_since)
    rows = listed.get("children", [])
    out: Dict[str, Any] = {}
    for column in MONITORING_COLUMNS:
        cells = [row.get(column) for row in rows]
        if column in _MONITORING_DATES:
            out[column] = pandas.to_datetime(
                pandas.Series(cells, dtype=object)).astype("datetime64[ns]")
        elif column in _MONITORING_INTS:
            out[column] = pandas.array(cells, dtype="Int64")
        elif column == "status":
            out[column] = _categorical(pandas, cells, MONITORING_STATUSES)
        elif column == "kind":
            out[column] = _categorical(pandas, cells, MONITORING_KINDS)
        else:
            out[column] = pandas.Series(cells, dtype=object)
    return pandas.DataFrame(out, columns=list(MONITORING_COLUMNS),
                            index=pandas.RangeIndex(len(rows)))


# ---- Plumbing ----------------------------------------------------------------

def _pandas(function: str, without: str) -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "timescales.%s needs pandas, which is not installed (pip "
            "install pandas); timescales.%s" % (function, without)) from e
    return pandas


def _format(name: str, allowed: Any) -> int:
    if name not in allowed:
        raise errors.InvalidArgumentError(
            errors.INVALID_ARGUMENT,
            "format must be one of %s, got %r" %
            (", ".join(repr(f) for f in allowed), name))
    return FORMATS[name]


def _period(period: Period, function: str) -> bytes:
    if period is _REQUIRED or period is None:
        raise TypeError(
            "%s() needs period=, e.g. period='2019-20' (a financial year), "
            "'2019-20-Q3', '2019-10' or a (start, end) pair of dates; there "
            "is no default, so that a figure is never for the wrong year" %
            function)
    if isinstance(period, str):
        return period.encode("utf-8")
    if isinstance(period, (tuple, list)) and len(period) == 2:
        start, end = period
        return ("%s..%s" % (_iso(start, "period start"),
                            _iso(end, "period end"))).encode("ascii")
    raise TypeError("period must be a str such as '2019-20' or a (start, "
                    "end) pair of dates, got %s" % type(period).__name__)


def _iso(day: Any, what: str) -> str:
    if not isinstance(day, datetime.date):
        raise TypeError("%s must be a datetime.date, got %s" %
                        (what, type(day).__name__))
    return day.strftime("%Y-%m-%d")


# TSC_INPUT_* in c.h: the keyword an input came by is its kind, as the
# command line's flags are, never re-read from its content. A 903 table
# (episodes, reviews, header) is recognised by its columns.
_KINDS = {"ssda903": 0, "cin": 1, "meetings": 2, "episodes": 0,
          "reviews": 0, "header": 0}
_DATE_ORDERS = {"auto": 0, "dmy": 1, "mdy": 2}

# One input ready to add: (kind keyword, path) or (kind keyword, (name,
# bytes)).
_Item = Tuple[str, Union[str, "os.PathLike[str]", Tuple[str, bytes]]]


def _is_frame(value: Any) -> bool:
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(value, pd.DataFrame)


def _items(**keywords: Inputs) -> List[_Item]:
    """Every input of every keyword, checked, DataFrames serialised."""
    items: List[_Item] = []
    for what, value in keywords.items():
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        for i, item in enumerate(values):
            where = what if len(values) == 1 and not isinstance(
                value, list) else "%s[%d]" % (what, i)
            items.append((what, _item(item, what, where)))
    return items


def _item(item: Any, what: str, where: str
          ) -> Union[str, "os.PathLike[str]", Tuple[str, bytes]]:
    if _is_frame(item):
        return ("%s (DataFrame)" % where, _frame_csv(item))
    if isinstance(item, (bytes, bytearray, memoryview)):
        return ("%s (bytes)" % where, bytes(item))
    if isinstance(item, tuple):
        if (len(item) != 2 or not isinstance(item[0], str) or
                not isinstance(item[1], (bytes, bytearray, memoryview, str))):
            raise TypeError(
                "%s: an in-memory input is a (name, data) tuple with a str "
                "name and bytes or str data" % where)
        name, data = item
        return (name, data.encode("utf-8") if isinstance(data, str)
                else bytes(data))
    if isinstance(item, (str, os.PathLike)):
        return item
    raise TypeError(
        "%s: expected a path (str or os.PathLike), bytes, a (name, data) "
        "tuple or a pandas DataFrame, got %s" % (where, type(item).__name__))


def _frame_csv(frame: Any) -> bytes:
    """A DataFrame as the CSV text of a file with its columns: dates
    ``yyyy-mm-dd`` (``yyyy-mm-ddTHH:MM`` where a value has a time of day),
    NaT and NaN blank, whole-number floats as integers."""
    import numpy as np
    pd = sys.modules["pandas"]
    if any(name is not None for name in frame.index.names):
        frame = frame.reset_index()
    columns: Dict[Any, Any] = {}
    for name in frame.columns:
        column = frame[name]
        if isinstance(column, pd.DataFrame):
            raise ValueError("the DataFrame has two columns named %r" % name)
        dtype = column.dtype
        if getattr(dtype, "tz", None) is not None:
            column = column.dt.tz_convert("Europe/London").dt.tz_localize(
                None)
            dtype = column.dtype
        if getattr(dtype, "kind", None) == "M":
            values = column.to_numpy(dtype="datetime64[ns]")
            day = np.datetime_as_string(values, unit="D")
            minute = np.datetime_as_string(values, unit="m")
            ns = values.view(np.int64)
            timed = (ns % (86400 * 10 ** 9)) != 0
            text = np.where(timed, minute, day).astype(object)
            text[np.isnat(values)] = ""
            columns[name] = text
        elif getattr(dtype, "kind", None) == "f":
            values = column.to_numpy()
            finite = values[~np.isnan(values)]
            if finite.size == 0 or (np.all(np.isfinite(finite)) and
                                    np.all(finite == np.round(finite))):
                columns[name] = column.astype("Int64")
            else:
                columns[name] = column
        else:
            columns[name] = column
    out = pd.DataFrame(columns, columns=list(frame.columns))
    return cast(bytes, out.to_csv(index=False, na_rep="").encode("utf-8"))


def _reading(date_order: str, two_digit_years_from: Optional[int],
             allow_unknown_columns: bool, max_rejected: float,
             allow_rejections: bool, detail: bool = False) -> Dict[str, Any]:
    """The reading options, checked."""
    if date_order not in _DATE_ORDERS:
        raise errors.InvalidArgumentError(
            errors.INVALID_ARGUMENT,
            "date_order must be 'auto', 'dmy' or 'mdy', got %r" %
            (date_order,))
    if two_digit_years_from is not None and not isinstance(
            two_digit_years_from, int):
        raise TypeError("two_digit_years_from must be a year (int) or None")
    if not isinstance(detail, (bool, int)) or detail not in (0, 1):
        raise TypeError("detail must be True or False, got %r" % (detail,))
    return {"date_order": _DATE_ORDERS[date_order],
            "two_digit_years_from": two_digit_years_from or 0,
            "allow_unknown_columns": 1 if allow_unknown_columns else 0,
            "max_rejected": float(max_rejected),
            "allow_rejections": 1 if allow_rejections else 0,
            "detail": 1 if detail else 0}


def _set_config(options: Any, config: Config) -> None:
    """Gives the library the configuration: a dict as JSON text (relative
    paths as given), a path as a file the library reads (relative paths
    inside it resolve against its folder), None for the defaults."""
    if config is None:
        return
    if isinstance(config, dict):
        text = json.dumps(config).encode("utf-8")
        lib.tsc_report_options_set_config_json(options, text, len(text), None)
        return
    if not isinstance(config, (str, os.PathLike)):
        raise TypeError("config must be a dict, a path to a JSON file or "
                        "None, got %s" % type(config).__name__)
    lib.tsc_report_options_set_config_file(options, os.fsencode(config))


class _Session:
    """An input set and report options, filled once and run as often as
    needed (the library reads the inputs when they are added)."""

    def __init__(self, items: List[_Item], config: Config,
                 data_from: Optional[datetime.date],
                 reading: Dict[str, Any]) -> None:
        self._from_day = _NO_DATE if data_from is None else _serial(
            data_from, "data_from")
        self._items = items
        self._config = config
        self._reading = reading
        self._options = ReportOptionsP()
        self._inputs = ReportInputsP()

    def __enter__(self) -> "_Session":
        try:
            self._fill()
        except BaseException:
            self._free()
            raise
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self._free()

    def _free(self) -> None:
        lib.tsc_report_inputs_free(self._inputs)
        lib.tsc_report_options_free(self._options)

    def _fill(self) -> None:
        reading = self._reading
        options, handle = self._options, self._inputs
        lib.tsc_report_options_create(byref(options))
        _set_config(options, self._config)
        lib.tsc_report_options_set_data_from(options, self._from_day)
        lib.tsc_report_options_set_detail(options, reading["detail"])
        lib.tsc_report_options_set_max_rejected(options,
                                                reading["max_rejected"])
        lib.tsc_report_options_set_allow_rejections(
            options, reading["allow_rejections"])
        lib.tsc_report_inputs_create(byref(handle))
        lib.tsc_report_inputs_set_date_order(handle, reading["date_order"])
        lib.tsc_report_inputs_set_two_digit_years_from(
            handle, reading["two_digit_years_from"])
        lib.tsc_report_inputs_set_allow_unknown_columns(
            handle, reading["allow_unknown_columns"])
        for kind, item in self._items:
            if isinstance(item, tuple):
                name, data = item
                lib.tsc_report_inputs_add_buffer_as(
                    handle, name.encode("utf-8"), data, len(data),
                    _KINDS[kind])
            else:
                lib.tsc_report_inputs_add_path_as(handle, os.fsencode(item),
                                                  _KINDS[kind])

    def _run(self, code: int, call: Callable[[Any], Any]) -> str:
        lib.tsc_report_options_set_format(self._options, code)
        out = c_void_p()  # char **: ours to free
        call(byref(out))
        return _take_text(out.value)

    def report(self, period: bytes, code: int) -> str:
        return self._run(code, lambda out: lib.tsc_report_run_with_options(
            out, self._inputs, period, self._options))

    def monitoring(self, day: int, code: int, since: int = _NO_DATE) -> str:
        lib.tsc_report_options_set_late_since(self._options, since)
        return self._run(code, lambda out:
                         lib.tsc_monitoring_run_with_options(
                             out, self._inputs, day, self._options))


def _take_text(ptr: Optional[int]) -> str:
    if not ptr:
        raise errors.InternalError(errors.INTERNAL,
                                   "the library returned no text")
    """A library-allocated string as str, released with tsc_free. Names and
    codes from the inputs are copied byte for byte into CSV and Markdown,
    so undecodable bytes are replaced rather than raised."""
    try:
        return ctypes.string_at(ptr).decode("utf-8", "replace")
    finally:
        lib.tsc_free(ptr)
