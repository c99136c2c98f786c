# CLI tests of `cases` and `explain` (docs/kpis.md#case-level-detail) on the
# demo county. Counts come from the report's own figures for 2019-20, not
# from `cases` output: lac_review_timeliness has denominator 314, numerator
# 310 and 2 overdue at the period end, so 4 rows are late or overdue and 2
# are late. The renderers' layout is tested in tests/cpp/cases_render_test.cc.

set(TSC_CASES_INPUTS
  --ssda903 "${PROJECT_SOURCE_DIR}/examples/data/ssda903"
  --cin "${PROJECT_SOURCE_DIR}/examples/data/cin"
  --meetings "${PROJECT_SOURCE_DIR}/examples/data/meetings.csv"
  --config "${PROJECT_SOURCE_DIR}/examples/data/config.json")
set(TSC_CASES_DATE "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")

# ---- cases --------------------------------------------------------------------
# Only late rows, each a held review, and the count line says 2.
tsc_add_cli_test(cases.only_late
  STDOUT_MATCHES "^Contains personal data: [^\n]*\nchild +item +date +outcome +rule [^\n]*\n([^ \n]+ +review +${TSC_CASES_DATE} +late +lac\\.[^\n]*\n)+2 cases\n$"
  ARGS cases lac_review_timeliness ${TSC_CASES_INPUTS} --period 2019-20
    --outcome late)
# late + overdue = denominator - numerator = 4.
tsc_add_cli_test(cases.late_and_overdue_are_denominator_minus_numerator
  STDOUT_MATCHES "\n4 cases\n$"
  ARGS cases lac_review_timeliness ${TSC_CASES_INPUTS} --period 2019-20
    --outcome late,overdue)
tsc_add_cli_test(cases.csv
  STDOUT_MATCHES "^kpi,child,item,date,month,outcome,in_numerator,in_denominator,reason,rule,slot,anchor,due,practical_due,late_working_days,chair_id,source\n(lac_review_timeliness,[^,\n]+,(review|overdue_slot),${TSC_CASES_DATE},[0-9-]+,(late|overdue),false,true,,[^\n]*,[^,\n]*reviews\\.csv:[0-9]+\n)+$"
  ARGS cases lac_review_timeliness ${TSC_CASES_INPUTS} --period 2019-20
    --outcome late,overdue --format csv)
tsc_add_cli_test(cases.json
  STDOUT_MATCHES "^{\n  \"personal_data\": \"Contains personal data[^\n]*\n  \"period\": {\"start\": \"2019-04-01\", \"end\": \"2020-03-31\", \"label\": \"2019-20\"},\n  \"kpi\": \"lac_review_timeliness\",\n  \"cases\": \\[\n(    {\"kpi\": \"lac_review_timeliness\", \"child\": [^\n]*\"outcome\": \"overdue\"[^\n]*\n)+  \\]\n}\n$"
  ARGS cases lac_review_timeliness ${TSC_CASES_INPUTS} --period 2019-20
    --outcome overdue --format json)
# A chair's rows carry that chair only.
tsc_add_cli_test(cases.chair
  STDOUT_MATCHES "^Contains personal data: [^\n]*\nchild [^\n]*\n([^\n]*  IRO12  [^\n]*\n)+[1-9][0-9]* cases?\n$"
  ARGS cases lac_review_decisions_5wd ${TSC_CASES_INPUTS} --period 2019-20
    --chair IRO12)
tsc_add_cli_test(cases.unknown_kpi EXIT 2
  STDERR_MATCHES "^timescales: unknown KPI 'lac_review_timelines'; the KPIs are lac_review_timeliness, lac_review_participation, [^\n]*, lac_review_sw_report_24h\n$"
  ARGS cases lac_review_timelines ${TSC_CASES_INPUTS} --period 2019-20)
tsc_add_cli_test(cases.bad_outcome EXIT 2
  STDERR_MATCHES "^timescales: --outcome: unknown outcome 'tardy'; the outcomes are on_time, late, overdue, excluded, counted, not_counted\n$"
  ARGS cases lac_review_timeliness ${TSC_CASES_INPUTS} --period 2019-20
    --outcome late,tardy)
tsc_add_cli_test(cases.bad_month EXIT 2
  STDERR_MATCHES "--month: '2019-13' is not a month"
  ARGS cases lac_review_timeliness ${TSC_CASES_INPUTS} --period 2019-20
    --month 2019-13)
tsc_add_cli_test(cases.month_outside_the_period
  STDOUT_MATCHES "\n0 cases\n$"
  STDERR_MATCHES "note: 2018-10 is not a month of the period 2019-20"
  ARGS cases lac_review_timeliness ${TSC_CASES_INPUTS} --period 2019-20
    --month 2018-10)
# Without the census, the ICPC KPI is not computed: say what is missing.
tsc_add_cli_test(cases.input_absent EXIT 1
  STDERR_MATCHES "^timescales: icpc_timeliness is not computed: it needs cin\\.section47 \\(--cin\\), which the inputs do not hold\n$"
  ARGS cases icpc_timeliness
    --ssda903 "${PROJECT_SOURCE_DIR}/examples/data/ssda903" --period 2019-20)
tsc_add_cli_test(cases.needs_period EXIT 2
  STDERR_MATCHES "--period is required"
  ARGS cases lac_review_timeliness ${TSC_CASES_INPUTS})

# ---- explain ----------------------------------------------------------------
# Child 1000081's review of Wed 26 Jun 2019 was late: due 6 months after the
# previous review of Fri 14 Dec 2018, Fri 14 Jun 2019; held 8 working days
# after it (17-21, 24, 25, 26 Jun).
tsc_add_cli_test(explain.late_review
  STDOUT_MATCHES "^Contains personal data: [^\n]*\nchild 1000081\nperiod 2019-20 \\(Mon 1 Apr 2019 to Tue 31 Mar 2020\\)\n\nLAC reviews held within timescale \\(lac_review_timeliness\\): 1 record\n  Wed 26 Jun 2019, review: late; in the denominator, not the numerator\n    [^\n]*period of care[^\n]*\n    lac\\.subsequent_review: [^\n]*\n    6 months after Fri 14 Dec 2018: Fri 14 Jun 2019\n.*8 working days"
  ARGS explain --child 1000081 ${TSC_CASES_INPUTS} --period 2019-20)
tsc_add_cli_test(explain.json
  STDOUT_MATCHES "\"kpi\": null,\n  \"cases\": \\[\n    {\"kpi\": \"lac_review_timeliness\", \"child\": \"1000081\", \"item\": \"review\", \"date\": \"2019-06-26\", [^\n]*\"due\": \"2019-06-14\", [^\n]*\"late_working_days\": 8, "
  ARGS explain --child 1000081 ${TSC_CASES_INPUTS} --period 2019-20
    --format json)
tsc_add_cli_test(explain.unknown_child
  STDOUT "no records of child NOPE in the period's KPIs (2019-20)"
  ARGS explain --child NOPE ${TSC_CASES_INPUTS} --period 2019-20)
tsc_add_cli_test(explain.unknown_child_json
  STDOUT_MATCHES "\"cases\": \\[\\]\n}\n$"
  STDERR_MATCHES "^timescales: note: no records of child NOPE in the period's KPIs \\(2019-20\\)\n$"
  ARGS explain --child NOPE ${TSC_CASES_INPUTS} --period 2019-20
    --format json)
tsc_add_cli_test(explain.needs_child EXIT 2
  STDERR_MATCHES "--child is required"
  ARGS explain ${TSC_CASES_INPUTS} --period 2019-20)
