"""The declarative table of C functions (the whole binary contract).

Every entry of <timescales/c.h> used by the package is declared once here
with its argument types and result type. Functions returning a
``tsc_status`` get :func:`_check` as ``errcheck``, which turns a non-zero
status into the matching :mod:`timescales.errors` exception, using this
thread's last error message (the library keeps it per thread, and ctypes
calls ``errcheck`` on the calling thread right after the call).

Handles are typed pointers to distinct opaque structures, so passing a
builder where a calendar is expected fails in ctypes, not in C.

Ownership (c.h "Ownership"): ``const char *`` results are borrowed and may
be declared ``c_char_p``; ``char **`` results are library-allocated and are
declared as ``POINTER(c_void_p)`` so the pointer survives to be released
with ``tsc_free`` (``c_char_p`` would copy to bytes and lose it).
"""

import ctypes
from ctypes import (POINTER, Structure, c_char, c_char_p, c_double, c_int,
                    c_int32, c_int64, c_size_t, c_uint8, c_void_p)

from typing import Any, List, Optional, Tuple

from . import _loader, errors

__all__ = ["lib", "LIBRARY_PATH", "CalendarP", "BuilderP", "HolidayListP",
           "PolicyP", "RuleCatalogueP", "TimescalesP", "ScheduleP",
           "ReportInputsP", "ReportOptionsP"]


class _Calendar(Structure):
    """Opaque ``tsc_calendar``."""


class _Builder(Structure):
    """Opaque ``tsc_calendar_builder``."""


class _HolidayList(Structure):
    """Opaque ``tsc_holiday_list``."""


class _Policy(Structure):
    """Opaque ``tsc_policy``."""


class _RuleCatalogue(Structure):
    """Opaque ``tsc_rule_catalogue``."""


class _Timescales(Structure):
    """Opaque ``tsc_timescales``."""


class _Schedule(Structure):
    """Opaque ``tsc_schedule``."""


class _ReportInputs(Structure):
    """Opaque ``tsc_report_inputs``."""


class _ReportOptions(Structure):
    """Opaque ``tsc_report_options``."""


CalendarP = POINTER(_Calendar)
BuilderP = POINTER(_Builder)
HolidayListP = POINTER(_HolidayList)
PolicyP = POINTER(_Policy)
RuleCatalogueP = POINTER(_RuleCatalogue)
TimescalesP = POINTER(_Timescales)
ScheduleP = POINTER(_Schedule)
ReportInputsP = POINTER(_ReportInputs)
ReportOptionsP = POINTER(_ReportOptions)

_date = c_int32  # tsc_date: serial days since 1970-01-01
_P = POINTER

# name, argtypes, restype: functions returning a tsc_status.
_STATUS_FUNCS: List[Tuple[str, List[Any]]] = [
    ("tsc_date_from_ymd", [_P(_date), c_int, c_int, c_int]),
    ("tsc_date_to_ymd", [_P(c_int), _P(c_int), _P(c_int), _date]),
    ("tsc_date_parse", [_P(_date), c_char_p]),
    ("tsc_date_format", [_P(c_char), c_size_t, _P(c_size_t), _date]),
    ("tsc_date_weekday", [_P(c_int), _date]),
    ("tsc_add_days", [_P(_date), _date, c_int32]),
    ("tsc_add_weeks", [_P(_date), _date, c_int32]),
    ("tsc_add_months", [_P(_date), _date, c_int32]),
    ("tsc_add_months_convention", [_P(_date), _date, c_int32, c_int]),
    # Calendars and builders.
    ("tsc_calendar_create_england_and_wales", [_P(CalendarP)]),
    ("tsc_calendar_create_from_govuk_json",
     [_P(CalendarP), c_char_p, c_size_t, c_char_p]),
    ("tsc_calendar_builder_create_england_and_wales", [_P(BuilderP)]),
    ("tsc_calendar_builder_create_weekends_only", [_P(BuilderP), c_char_p]),
    ("tsc_calendar_builder_load_govuk_json",
     [BuilderP, c_char_p, c_size_t, c_char_p, c_int]),
    ("tsc_calendar_builder_add_closure_day", [BuilderP, _date, c_char_p]),
    ("tsc_calendar_builder_load_closure_days",
     [BuilderP, c_char_p, c_size_t, c_char_p]),
    ("tsc_calendar_builder_set_strict", [BuilderP, c_int]),
    ("tsc_calendar_builder_build", [_P(CalendarP), BuilderP]),
    # Queries.
    ("tsc_calendar_is_working_day", [_P(c_int), CalendarP, _date]),
    ("tsc_calendar_add_working_days", [_P(_date), CalendarP, _date, c_int32]),
    ("tsc_calendar_add_working_days_counting",
     [_P(_date), CalendarP, _date, c_int32, c_int]),
    ("tsc_calendar_working_days_between",
     [_P(c_int32), CalendarP, _date, _date]),
    ("tsc_calendar_working_days_between_counting",
     [_P(c_int32), CalendarP, _date, _date, c_int]),
    ("tsc_calendar_next_working_day", [_P(_date), CalendarP, _date]),
    ("tsc_calendar_previous_working_day", [_P(_date), CalendarP, _date]),
    ("tsc_calendar_adjust", [_P(_date), CalendarP, _date, c_int]),
    ("tsc_calendar_is_provisional", [_P(c_int), CalendarP, _date]),
    # Batches.
    ("tsc_calendar_add_working_days_batch",
     [_P(_date), CalendarP, _P(_date), _P(c_int32), c_size_t]),
    ("tsc_calendar_working_days_between_batch",
     [_P(c_int32), CalendarP, _P(_date), _P(_date), c_size_t]),
    ("tsc_calendar_add_working_days_batch_i64",
     [_P(c_int64), CalendarP, _P(c_int64), c_size_t, _P(c_int64), c_size_t,
      c_int]),
    ("tsc_calendar_working_days_between_batch_i64",
     [_P(c_int64), CalendarP, _P(c_int64), _P(c_int64), c_size_t, c_int]),
    ("tsc_calendar_is_working_day_batch_i64",
     [_P(c_uint8), CalendarP, _P(c_int64), c_size_t]),
    # Holidays and information.
    ("tsc_calendar_holiday_name", [_P(c_char_p), CalendarP, _date]),
    ("tsc_calendar_holidays", [_P(HolidayListP), CalendarP, _date, _date]),
    ("tsc_holiday_list_get",
     [_P(_date), _P(c_char_p), _P(c_int), _P(c_int), HolidayListP,
      c_size_t]),
    ("tsc_calendar_name", [_P(c_char_p), CalendarP]),
    ("tsc_calendar_data_version", [_P(c_char_p), CalendarP]),
    ("tsc_calendar_known_until", [_P(_date), CalendarP]),
    ("tsc_calendar_exact_from", [_P(_date), CalendarP]),
    # char **: library-allocated, released with tsc_free.
    ("tsc_calendar_info_json", [_P(c_void_p), CalendarP]),
    # Policies.
    ("tsc_policy_create", [_P(PolicyP)]),
    ("tsc_policy_set_counting", [PolicyP, c_int]),
    ("tsc_policy_set_month_convention", [PolicyP, c_int]),
    ("tsc_policy_set_icpc_anchor", [PolicyP, c_int]),
    ("tsc_policy_set_sw_report_hours", [PolicyP]),
    ("tsc_policy_set_sw_report_working_days", [PolicyP, c_int]),
    ("tsc_policy_set_strict_holidays", [PolicyP, c_int]),
    ("tsc_policy_set_due_soon_working_days", [PolicyP, c_int]),
    ("tsc_policy_set_participation", [PolicyP, c_int]),
    ("tsc_policy_set_name", [PolicyP, c_char_p]),
    ("tsc_policy_from_json", [_P(PolicyP), c_char_p, c_size_t]),
    ("tsc_policy_describe", [_P(c_void_p), PolicyP]),  # char **
    # Rule catalogues.
    ("tsc_rule_catalogue_create_builtin", [_P(RuleCatalogueP)]),
    ("tsc_rule_catalogue_from_json",
     [_P(RuleCatalogueP), c_char_p, c_size_t]),
    ("tsc_rule_catalogue_count", [_P(c_size_t), RuleCatalogueP]),
    ("tsc_rule_catalogue_get",
     [_P(c_char_p), _P(c_char_p), _P(c_char_p), _P(c_int32), _P(c_int),
      _P(c_char_p), RuleCatalogueP, c_size_t]),
    # Engines and due dates. Minutes are int32, TSC_NO_TIME (-1) for none.
    ("tsc_timescales_create",
     [_P(TimescalesP), CalendarP, RuleCatalogueP, PolicyP]),
    ("tsc_timescales_create_default", [_P(TimescalesP)]),
    ("tsc_rule_due",
     [_P(_date), _P(c_int32), _P(_date), _P(c_int), TimescalesP, c_char_p,
      _date, c_int32]),
    ("tsc_rule_due_explain",  # char **
     [_P(c_void_p), TimescalesP, c_char_p, _date, c_int32]),
    ("tsc_rule_due_working",  # char **
     [_P(c_void_p), TimescalesP, c_char_p, _date, c_int32]),
    ("tsc_rule_on_time",
     [_P(c_int), TimescalesP, c_char_p, _date, c_int32, _date, c_int32]),
    ("tsc_rule_lateness_working_days",
     [_P(c_int32), TimescalesP, c_char_p, _date, c_int32, _date, c_int32]),
    ("tsc_rule_due_batch",
     [_P(_date), TimescalesP, c_char_p, _P(_date), c_size_t]),
    ("tsc_rule_due_batch_i64",
     [_P(c_int64), TimescalesP, c_char_p, _P(c_int64), c_size_t]),
    # Review schedules.
    ("tsc_schedule_lac",
     [_P(ScheduleP), TimescalesP, _date, _date, c_int, _P(_date),
      _P(c_int32), c_size_t, _date]),
    ("tsc_schedule_lac_done",
     [_P(ScheduleP), TimescalesP, _date, _date, c_int, _P(_date),
      _P(c_int32), c_size_t, _P(_date), _P(c_int32), _P(_date), _P(c_int32),
      _P(_date), _P(c_int32), _date]),
    ("tsc_schedule_cp",
     [_P(ScheduleP), TimescalesP, _date, _date, _date, _P(_date), c_size_t,
      _date]),
    ("tsc_schedule_slot_count", [_P(c_size_t), ScheduleP]),
    ("tsc_schedule_slot",
     [_P(c_int), _P(c_char_p), _P(_date), _P(_date), _P(_date), _P(c_int),
      _P(c_int32), ScheduleP, c_size_t]),
    ("tsc_schedule_next_due", [_P(_date), ScheduleP]),
    ("tsc_schedule_to_json", [_P(c_void_p), ScheduleP]),  # char **
    # Reports and the monitoring list. Formats are TSC_FORMAT_* ints;
    # config_json may be NULL (None) with length 0.
    ("tsc_report_inputs_create", [_P(ReportInputsP)]),
    ("tsc_report_inputs_add_path", [ReportInputsP, c_char_p]),
    ("tsc_report_inputs_add_buffer",
     [ReportInputsP, c_char_p, c_char_p, c_size_t]),
    ("tsc_report_run",  # char **
     [_P(c_void_p), ReportInputsP, c_char_p, c_char_p, c_size_t, _date,
      c_int]),
    ("tsc_monitoring_run",  # char **
     [_P(c_void_p), ReportInputsP, _date, c_char_p, c_size_t, _date, c_int]),
    ("tsc_report_options_create", [_P(ReportOptionsP)]),
    ("tsc_report_inputs_add_path_as", [ReportInputsP, c_char_p, c_int]),
    ("tsc_report_inputs_add_buffer_as",
     [ReportInputsP, c_char_p, c_char_p, c_size_t, c_int]),
    ("tsc_report_inputs_set_date_order", [ReportInputsP, c_int]),
    ("tsc_report_inputs_set_two_digit_years_from", [ReportInputsP, c_int]),
    ("tsc_report_inputs_set_allow_unknown_columns", [ReportInputsP, c_int]),
    ("tsc_report_options_set_max_rejected", [ReportOptionsP, c_double]),
    ("tsc_report_options_set_allow_rejections", [ReportOptionsP, c_int]),
    ("tsc_report_options_set_config_json",
     [ReportOptionsP, c_char_p, c_size_t, c_char_p]),
    ("tsc_report_options_set_config_file", [ReportOptionsP, c_char_p]),
    ("tsc_report_options_set_data_from", [ReportOptionsP, _date]),
    ("tsc_report_options_set_format", [ReportOptionsP, c_int]),
    ("tsc_report_options_set_detail", [ReportOptionsP, c_int]),
    ("tsc_report_options_set_late_since", [ReportOptionsP, _date]),
    ("tsc_report_run_with_options",  # char **
     [_P(c_void_p), ReportInputsP, c_char_p, ReportOptionsP]),
    ("tsc_monitoring_run_with_options",  # char **
     [_P(c_void_p), ReportInputsP, _date, ReportOptionsP]),
]

# name, argtypes, restype: functions that cannot fail.
_PLAIN_FUNCS: List[Tuple[str, List[Any], Any]] = [
    ("tsc_version_number", [], c_int),
    ("tsc_version_string", [], c_char_p),  # static text
    ("tsc_abi_version", [], c_int),
    ("tsc_status_string", [c_int], c_char_p),  # static text
    ("tsc_last_error_message", [], c_char_p),  # library-owned, per thread
    ("tsc_clear_last_error", [], None),
    ("tsc_free", [c_void_p], None),
    ("tsc_calendar_free", [CalendarP], None),
    ("tsc_calendar_builder_free", [BuilderP], None),
    ("tsc_holiday_list_size", [HolidayListP], c_size_t),
    ("tsc_holiday_list_free", [HolidayListP], None),
    ("tsc_slot_status_string", [c_int], c_char_p),  # static text
    ("tsc_policy_free", [PolicyP], None),
    ("tsc_rule_catalogue_free", [RuleCatalogueP], None),
    ("tsc_timescales_free", [TimescalesP], None),
    ("tsc_schedule_free", [ScheduleP], None),
    ("tsc_report_inputs_free", [ReportInputsP], None),
    ("tsc_report_options_free", [ReportOptionsP], None),
]


class _Library:
    """The configured C functions, as attributes named as in c.h.

    A plain namespace (not the CDLL itself) so that tests can wrap a
    function with ``unittest.mock.patch.object`` to observe its arguments.
    """

    def __init__(self, dll: ctypes.CDLL) -> None:
        missing: List[str] = []
        for name, argtypes in _STATUS_FUNCS:
            self._register(dll, name, argtypes, c_int, _check, missing)
        for name, argtypes, restype in _PLAIN_FUNCS:
            self._register(dll, name, argtypes, restype, None, missing)
        if missing:
            raise ImportError(
                "timescales: the C library lacks %s; it is older than this "
                "Python package" % ", ".join(missing))

    def __getattr__(self, name: str) -> Any:
        # Only for the type checker: every function is set in __init__, so
        # this runs only for a name that is not a C function.
        raise AttributeError("the C library has no function %r" % name)

    def _register(self, dll: ctypes.CDLL, name: str, argtypes: List[Any],
                  restype: Any, errcheck: Any, missing: List[str]) -> None:
        try:
            fn = getattr(dll, name)
        except AttributeError:
            missing.append(name)
            return
        fn.argtypes = argtypes
        fn.restype = restype
        if errcheck is not None:
            fn.errcheck = errcheck
        setattr(self, name, fn)


def _check(status: int, func: Any, args: Any) -> Any:
    """errcheck: OK returns the arguments; any other status raises."""
    if status == 0:
        return args
    raw = lib.tsc_last_error_message()
    if not raw:
        raw = lib.tsc_status_string(status) or b"unknown error"
    raise errors.from_status(status, raw.decode("utf-8", "replace"))


def take_string(ptr: Optional[int]) -> Optional[str]:
    """Copies a library-allocated ``char *`` (a c_void_p value) to str and
    releases it with tsc_free. ``None`` for NULL."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        lib.tsc_free(ptr)


_dll, LIBRARY_PATH = _loader.load()
lib = _Library(_dll)
