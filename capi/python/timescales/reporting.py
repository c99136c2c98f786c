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
    df = timescales.report_dataframe(ssda903="extracts/903")  # pandas
    todo = timescales.monitoring_list(ssda903="extracts/903",
                                      as_at=datetime.date(2020, 3, 31))
    [c["child"] for c in todo["children"] if c["status"] == "overdue"]

    # Data already in memory (from a database, say): (name, data) tuples.
    timescales.report(ssda903=[("episodes.csv", episodes_text),
                               ("reviews.csv", reviews_text)])

    # The cases behind the figures (personal data: children's ids).
    cases = timescales.cases_dataframe(ssda903="extracts/903",
                                       kpi="lac_review_timeliness")
    cases[cases.outcome == "late"].groupby("chair_id").size()

Inputs. Each of ``ssda903``, ``cin`` and ``meetings`` is None, one input or
a list of inputs. An input is a path (``str`` or ``os.PathLike``) to a file
or a folder (every ``.csv`` and ``.xml`` directly in it), or an in-memory
file as a ``(name, data)`` tuple, ``data`` being ``bytes`` or ``str``;
``name`` labels it in messages and in the report's list of inputs. What a
file holds is decided by its content (XML by its root element, CSV by its
columns), so the three keywords only make the call read clearly: a
meetings.csv passed as ``ssda903`` is still read as meetings.

Errors. A file that cannot be used at all raises before anything is
computed: :class:`~timescales.NotFoundError` (a ``LookupError``) for a
missing path, :class:`~timescales.InvalidArgumentError` (a ``ValueError``)
for malformed XML, a missing required column, UTF-16 text and the like,
with the library's message naming the file and line. A bad row never
raises: it is listed in ``inputs.rejections`` with its file, line and
reason. A bad period, format or configuration (an unknown key is named)
is an ``InvalidArgumentError`` too.

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
from ctypes import byref, c_void_p
from typing import (TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union)

from . import errors
from ._ffi import ReportInputsP, ReportOptionsP, lib
from .dates import _serial

if TYPE_CHECKING:  # pandas is optional: only cases_dataframe imports it
    import pandas

__all__ = ["report", "report_dataframe", "cases_dataframe", "monitoring_list",
           "FORMATS", "CASE_COLUMNS", "CASE_KPIS", "CASE_ITEMS",
           "CASE_OUTCOMES", "CASE_REASONS"]

# An input: a path, or an in-memory file as (name, data).
Input = Union[str, os.PathLike,
              Tuple[str, Union[bytes, bytearray, memoryview, str]]]
# What the ssda903, cin and meetings keywords take.
Inputs = Union[None, Input, List[Input]]
# A period: "2019-20", "2019-20-Q3", "2019-10", "2019-04-01..2020-03-31",
# or a (start, end) pair of dates.
Period = Union[str, Tuple[datetime.date, datetime.date]]
# A configuration: a dict, a path to a JSON file, or None.
Config = Union[None, Dict[str, Any], str, os.PathLike]

# TSC_FORMAT_* in c.h.
FORMATS = {"json": 0, "csv": 1, "markdown": 2, "html": 3}
# The monitoring list has no HTML form.
MONITORING_FORMATS = ("json", "csv", "markdown")
# TSC_NO_DATE in c.h.
_NO_DATE = -(2 ** 31)

# The columns of the tidy CSV (render_csv.cc), for report_dataframe.
CSV_COLUMNS = (
    "kpi_id", "kpi_title", "unit", "series", "period", "period_start",
    "period_end", "numerator", "denominator", "value",
    "overdue_at_period_end", "target", "polarity", "rag", "excluded_total",
    "excluded")

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


def report(ssda903: Inputs = None, cin: Inputs = None,
           meetings: Inputs = None, period: Period = "2019-20",
           config: Config = None, data_from: Optional[datetime.date] = None,
           format: str = "json", *, date_order: str = "auto",
           two_digit_years_from: Optional[int] = None,
           allow_unknown_columns: bool = False, max_rejected: float = 5.0,
           allow_rejections: bool = False,
           detail: bool = False) -> Union[Dict[str, Any], str]:
    """The KPIs of an IRO annual report for ``period``.

    Args:
        ssda903, cin, meetings: the inputs (see the module documentation):
            a path, a ``(name, data)`` tuple, or a list of them.
        period: ``"2019-20"`` (a financial year), ``"2019-20-Q3"``,
            ``"2019-10"`` (a month), ``"2019-04-01..2020-03-31"``, or a
            ``(start, end)`` pair of ``datetime.date``.
        config: the configuration (docs/configuration.md): a ``dict`` (serialised to
            JSON), a path to a JSON file, or None for the defaults. A
            relative ``holidays.govuk_json`` in a file is taken relative to
            that file.
        data_from: the ``datetime.date`` from which the data hold every
            review (``--data-from``); None derives it as docs/kpis.md#coverage-start says.
        date_order, two_digit_years_from, allow_unknown_columns: how the
            extracts are read, as the command line's options of the same
            names (docs/inputs.md#dates): ``"auto"``, ``"dmy"`` or ``"mdy"``;
            a year such as 1950 or None to refuse two-digit years; True to
            read a meetings.csv without columns whose names are misspelt.
        max_rejected, allow_rejections: a table or column that lost more
            than ``max_rejected`` percent of its rows, or a KPI emptied by
            rejections, raises FailedPreconditionError naming the problems
            (docs/inputs.md#data-quality), unless ``allow_rejections``.
        format: ``"json"`` (returns the parsed ``dict`` of the docs/kpis.md#json-output
            contract), ``"csv"`` (tidy, one row a KPI and period or month),
            ``"markdown"`` or ``"html"`` (return the text).
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
        InvalidArgumentError, NotFoundError: see the module documentation.
    """
    code = _format(format, FORMATS)
    reading = _reading(date_order, two_digit_years_from,
                       allow_unknown_columns, max_rejected, allow_rejections,
                       detail)
    text = _run(lambda out, handle, options:
                lib.tsc_report_run_with_options(out, handle, _period(period),
                                                options),
                ssda903, cin, meetings, config, data_from, code, reading)
    return json.loads(text) if format == "json" else text


def report_dataframe(ssda903: Inputs = None, cin: Inputs = None,
                     meetings: Inputs = None, period: Period = "2019-20",
                     config: Config = None,
                     data_from: Optional[datetime.date] = None,
                     **reading: Any) -> "pandas.DataFrame":
    """The report's tidy CSV as a pandas ``DataFrame``: one row a KPI and
    series (``headline``, each ``month``, ``previous``), with the columns
    of :data:`CSV_COLUMNS`; ``period_start`` and ``period_end`` are
    datetimes, empty cells NaN. Arguments as :func:`report`.

    Raises:
        ImportError: pandas is not installed (it is an optional
            dependency; ``report(..., format="csv")`` needs nothing).
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "timescales.report_dataframe needs pandas, which is not "
            "installed (pip install pandas); timescales.report(..., "
            "format='csv') gives the same table as text without it") from e
    text = report(ssda903, cin, meetings, period=period, config=config,
                  data_from=data_from, format="csv", **reading)
    return pandas.read_csv(
        io.StringIO(text),
        dtype={"kpi_id": str, "kpi_title": str, "unit": str, "series": str,
               "period": str, "polarity": str, "rag": str, "excluded": str},
        parse_dates=["period_start", "period_end"])


def cases_dataframe(ssda903: Inputs = None, cin: Inputs = None,
                    meetings: Inputs = None, period: Period = "2019-20",
                    config: Config = None,
                    data_from: Optional[datetime.date] = None, *,
                    kpi: Optional[str] = None, date_order: str = "auto",
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
        Other arguments as :func:`report`.

    Raises:
        ImportError: pandas is not installed (it is an optional
            dependency; ``report(..., format="csv", detail=True)`` gives
            the same table as text without it).
        InvalidArgumentError: ``kpi`` is not a KPI id; and as
            :func:`report`.
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "timescales.cases_dataframe needs pandas, which is not "
            "installed (pip install pandas); timescales.report(..., "
            "format='csv', detail=True) gives the same table as text "
            "without it") from e
    if kpi is not None and not isinstance(kpi, str):
        raise TypeError("kpi must be a KPI id (str) or None, got %s" %
                        type(kpi).__name__)
    text = report(ssda903, cin, meetings, period=period, config=config,
                  data_from=data_from, format="csv", date_order=date_order,
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


def _case_frame(pandas, raw):
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


def _bool_cell(column):
    values = {"true": True, "false": False, "1": True, "0": False}

    def parse(cell):
        try:
            return values[cell.lower()]
        except KeyError:
            raise errors.InternalError(
                errors.INTERNAL,
                "the case table's %s is %r, not true or false" %
                (column, cell)) from None
    return parse


def _categorical(pandas, cells, known):
    """``cells`` as a Categorical of the ``known`` values in their order,
    with any other value written (a newer library's) after them; an empty
    cell is NaN."""
    present = [v for v in pandas.unique(cells) if v != ""]
    extra = sorted(v for v in present if v not in known)
    return pandas.Categorical(cells.where(cells != "", None),
                              categories=list(known) + extra)


def monitoring_list(ssda903=None, cin=None, meetings=None, as_at=None,
                    config=None, data_from=None, format="json", *,
                    date_order="auto", two_digit_years_from=None,
                    allow_unknown_columns=False):
    """The monitoring list as at the end of ``as_at`` (the CLI's
    ``timescales monitoring``): each child in care then, with the next LAC
    review due (a ``"lac"`` row), and, when a CIN census is given, each
    child protection plan open then, with the next review conference due
    (a ``"cp"`` row); each with its status, overdue first, then by due
    date, LAC and CP together. The list names children: it is personal
    data.

    Args:
        as_at: a ``datetime.date`` (required).
        format: ``"json"`` (returns the parsed ``dict``: ``personal_data``
            (a notice), ``as_at``, ``late_since`` (always ``None`` here),
            ``policy``, ``calendar``, ``short_breaks``, ``in_care`` (the
            ``"lac"`` rows), ``cp_plans`` (the ``"cp"`` rows),
            ``held_late`` (always 0 here) and ``children``, a list of
            ``{"child", "status", "next_due", "practical_due",
            "working_days_to_due", "rule_id", "last_review",
            "reviews_in_period", "period_start", "kind", "last_chair",
            "held", "working_days_late"}``, dates as ISO text),
            ``"csv"`` (the same columns, one row a child's review or plan;
            ``kind,last_chair,held,working_days_late`` after the first
            nine) or ``"markdown"`` (return the text).

    Row fields: ``kind`` is ``"lac"`` or ``"cp"``; for a ``"cp"`` row
    ``period_start`` is the plan's start and ``last_review`` its last
    review conference. ``last_chair`` is the ``chair_id`` of the child's
    latest meeting of the row's kind (``lac_review``; ``icpc`` or
    ``rcpc``) held by ``as_at``, ``None`` without one or without
    meetings. ``held`` and ``working_days_late`` are for ``held_late``
    rows (the CLI's ``--late-since``), ``None`` otherwise.

    Statuses: ``"overdue"``, ``"due_soon"`` (within the policy's
    ``due_soon_working_days``), ``"on_track"``, ``"unknown"`` for a child
    in care (or a plan) since before the data with no review in it, and
    ``"held_late"`` (only with the CLI's ``--late-since``, so never here).
    Other arguments as :func:`report`.
    """
    if as_at is None:
        raise TypeError("monitoring_list() needs as_at, a datetime.date")
    code = _format(format, MONITORING_FORMATS)
    day = _serial(as_at, "as_at")
    reading = _reading(date_order, two_digit_years_from,
                       allow_unknown_columns, 5.0, True)
    text = _run(lambda out, handle, options:
                lib.tsc_monitoring_run_with_options(out, handle, day, options),
                ssda903, cin, meetings, config, data_from, code, reading)
    return json.loads(text) if format == "json" else text


# ---- Plumbing ----------------------------------------------------------------

def _format(name, allowed):
    if name not in allowed:
        raise errors.InvalidArgumentError(
            errors.INVALID_ARGUMENT,
            "format must be one of %s, got %r" %
            (", ".join(repr(f) for f in allowed), name))
    return FORMATS[name]


def _period(period):
    if isinstance(period, str):
        return period.encode("utf-8")
    if isinstance(period, (tuple, list)) and len(period) == 2:
        start, end = period
        return ("%s..%s" % (_iso(start, "period start"),
                            _iso(end, "period end"))).encode("ascii")
    raise TypeError("period must be a str such as '2019-20' or a (start, "
                    "end) pair of dates, got %s" % type(period).__name__)


def _iso(day, what):
    if not isinstance(day, datetime.date):
        raise TypeError("%s must be a datetime.date, got %s" %
                        (what, type(day).__name__))
    return day.strftime("%Y-%m-%d")


def _inputs(value, what):
    """The inputs of one keyword as a list of paths and (name, data)."""
    if value is None:
        return []
    if isinstance(value, list):
        items = value
    else:
        items = [value]
    for i, item in enumerate(items):
        if isinstance(item, tuple):
            if (len(item) != 2 or not isinstance(item[0], str) or
                    not isinstance(item[1],
                                   (bytes, bytearray, memoryview, str))):
                raise TypeError(
                    "%s[%d]: an in-memory input is a (name, data) tuple with "
                    "a str name and bytes or str data" % (what, i))
        elif not isinstance(item, (str, os.PathLike)):
            raise TypeError(
                "%s[%d]: expected a path (str or os.PathLike) or a (name, "
                "data) tuple, got %s" % (what, i, type(item).__name__))
    return items


# TSC_INPUT_* in c.h: the keyword an input came by is its kind, as the
# command line's flags are, never re-read from its content.
_KINDS = {"ssda903": 0, "cin": 1, "meetings": 2}
_DATE_ORDERS = {"auto": 0, "dmy": 1, "mdy": 2}


def _reading(date_order, two_digit_years_from, allow_unknown_columns,
             max_rejected, allow_rejections, detail=False):
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


def _add(handle, item, kind):
    if isinstance(item, tuple):
        name, data = item
        if isinstance(data, str):
            data = data.encode("utf-8")
        data = bytes(data)
        lib.tsc_report_inputs_add_buffer_as(handle, name.encode("utf-8"), data,
                                            len(data), _KINDS[kind])
    else:
        lib.tsc_report_inputs_add_path_as(handle, os.fsencode(item),
                                          _KINDS[kind])


def _set_config(options, config):
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


def _run(call, ssda903, cin, meetings, config, data_from, code, reading):
    """Fills an input set and the options, runs ``call`` on them and
    returns the text."""
    items = ([(item, "ssda903") for item in _inputs(ssda903, "ssda903")] +
             [(item, "cin") for item in _inputs(cin, "cin")] +
             [(item, "meetings") for item in _inputs(meetings, "meetings")])
    from_day = _NO_DATE if data_from is None else _serial(data_from,
                                                          "data_from")
    options = ReportOptionsP()
    lib.tsc_report_options_create(byref(options))
    handle = ReportInputsP()
    try:
        _set_config(options, config)
        lib.tsc_report_options_set_data_from(options, from_day)
        lib.tsc_report_options_set_format(options, code)
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
        for item, kind in items:
            _add(handle, item, kind)
        out = c_void_p()  # char **: ours to free
        call(byref(out), handle, options)
        return _take_text(out.value)
    finally:
        lib.tsc_report_inputs_free(handle)
        lib.tsc_report_options_free(options)


def _take_text(ptr):
    """A library-allocated string as str, released with tsc_free. Names and
    codes from the inputs are copied byte for byte into CSV and Markdown,
    so undecodable bytes are replaced rather than raised."""
    try:
        return ctypes.string_at(ptr).decode("utf-8", "replace")
    finally:
        lib.tsc_free(ptr)
