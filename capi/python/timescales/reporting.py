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
"""

import ctypes
import datetime
import io
import json
import os
from ctypes import byref, c_void_p

from . import errors
from ._ffi import ReportInputsP, ReportOptionsP, lib
from .dates import _serial

__all__ = ["report", "report_dataframe", "monitoring_list", "FORMATS"]

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


def report(ssda903=None, cin=None, meetings=None, period="2019-20",
           config=None, data_from=None, format="json", *,
           date_order="auto", two_digit_years_from=None,
           allow_unknown_columns=False, max_rejected=5.0,
           allow_rejections=False):
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

    Raises:
        InvalidArgumentError, NotFoundError: see the module documentation.
    """
    code = _format(format, FORMATS)
    reading = _reading(date_order, two_digit_years_from,
                       allow_unknown_columns, max_rejected, allow_rejections)
    text = _run(lambda out, handle, options:
                lib.tsc_report_run_with_options(out, handle, _period(period),
                                                options),
                ssda903, cin, meetings, config, data_from, code, reading)
    return json.loads(text) if format == "json" else text


def report_dataframe(ssda903=None, cin=None, meetings=None,
                     period="2019-20", config=None, data_from=None, **reading):
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


def monitoring_list(ssda903=None, cin=None, meetings=None, as_at=None,
                    config=None, data_from=None, format="json", *,
                    date_order="auto", two_digit_years_from=None,
                    allow_unknown_columns=False):
    """The LAC review monitoring list as at the end of ``as_at`` (the CLI's
    ``timescales monitoring``): each child in care then, the next review due
    and its status, overdue first.

    Args:
        as_at: a ``datetime.date`` (required).
        format: ``"json"`` (returns the parsed ``dict``: ``as_at``,
            ``policy``, ``calendar``, ``short_breaks`` and ``children``, a
            list of ``{"child", "status", "next_due", "practical_due",
            "working_days_to_due", "rule_id", "last_review",
            "reviews_in_period", "period_start"}``, dates as ISO text),
            ``"csv"`` or ``"markdown"`` (return the text).

    Statuses: ``"overdue"``, ``"due_soon"`` (within the policy's
    ``due_soon_working_days``), ``"on_track"``, and ``"unknown"`` for a
    child in care since before the data with no review in it.
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
             max_rejected, allow_rejections):
    """The reading options, checked."""
    if date_order not in _DATE_ORDERS:
        raise errors.InvalidArgumentError(
            errors.INVALID_ARGUMENT,
            "date_order must be 'auto', 'dmy' or 'mdy', got %r" %
            (date_order,))
    if two_digit_years_from is not None and not isinstance(
            two_digit_years_from, int):
        raise TypeError("two_digit_years_from must be a year (int) or None")
    return {"date_order": _DATE_ORDERS[date_order],
            "two_digit_years_from": two_digit_years_from or 0,
            "allow_unknown_columns": 1 if allow_unknown_columns else 0,
            "max_rejected": float(max_rejected),
            "allow_rejections": 1 if allow_rejections else 0}


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
