# CLI tests of `due`, `rules`, `schedule`, `report` and `monitoring`. Due dates are
# the worked examples of docs/conventions.md (tests/data/due-dates.csv); report
# checks are structural (the figures themselves are tested, counted by hand,
# in tests/cpp/report_test.cc).

set(TSC_EXAMPLE_DATA "${PROJECT_SOURCE_DIR}/examples/data")

# ---- due ------------------------------------------------------------------
# One test per row of tests/data/due-dates.csv: cli.due.<name> prints the
# legal due date (with its time for a timed anchor).
tsc_read_worked_examples(due-dates.csv
  "id,name,rule,anchor,legal_due,practical_due,note" 30 TSC_CLI_DUE_EXAMPLES)
foreach(example IN LISTS TSC_CLI_DUE_EXAMPLES)
  string(REPLACE "," ";" example "${example}")
  list(GET example 1 name)
  list(GET example 2 rule)
  list(GET example 3 anchor)
  list(GET example 4 legal_due)
  tsc_add_cli_test(due.${name} STDOUT "${legal_due}"
    ARGS due ${rule} ${anchor})
endforeach()

# 6.15 with the anchor in dd/mm/yyyy.
tsc_add_cli_test(due.icpc_state_funeral STDOUT "2022-10-04"
  ARGS due cp.icpc 12/09/2022)
tsc_add_cli_test(due.sw_report_three_working_days STDOUT "2023-12-27"
  ARGS due lac.sw_report 2024-01-02 --sw-report-working-days 3)
tsc_add_cli_test(due.start_is_day_one STDOUT "2020-01-21"
  ARGS due lac.first_review 2019-12-20 --start-is-day-one)
tsc_add_cli_test(due.explain
  STDOUT_MATCHES "^2020-04-10\nlac.second_review: .*Fri 10 Apr 2020, a non-working day \\(Good Friday\\)\n.*practical due date Thu 9 Apr 2020\n.*policy: default.*calendar: england-and-wales"
  ARGS due lac.second_review 2020-01-10 --explain)
tsc_add_cli_test(due.explain_skipped
  STDOUT_MATCHES "skipping Wed 25 Dec Christmas Day, Thu 26 Dec Boxing Day, Wed 1 Jan New Year’s Day: Wed 22 Jan 2020"
  ARGS due lac.first_review 2019-12-20 --explain)
tsc_add_cli_test(due.unknown_rule EXIT 1
  STDERR_MATCHES "^timescales: unknown rule 'lac.frist_review'"
  ARGS due lac.frist_review 2019-12-20)
tsc_add_cli_test(due.bad_anchor EXIT 1
  STDERR_MATCHES "'2020-02-30' is not a date"
  ARGS due lac.first_review 2020-02-30)
tsc_add_cli_test(due.local_rules STDOUT "2022-04-26"
  ARGS due lac.review_record 2022-04-01
    --rules "${TSC_CLI_DATA}/rules-record-15wd.json")

# One anchor a line from stdin, one due date a line out, in order; a bad line
# names its line number.
add_test(NAME cli.due.stdin COMMAND bash -c
  "out=$(printf '2022-09-12\\n2021-12-17\\n2023-04-25\\n' | \"$0\" due cp.icpc -) && test \"$out\" = \"$(printf '2022-10-04\\n2022-01-12\\n2023-05-18')\""
  $<TARGET_FILE:timescales_cli>)
add_test(NAME cli.due.stdin_bad_line COMMAND bash -c
  "printf '2022-09-12\\nnope\\n' | \"$0\" due cp.icpc - 2>&1 >/dev/null | grep -q 'stdin:2:' && ! printf 'nope\\n' | \"$0\" due cp.icpc - 2>/dev/null"
  $<TARGET_FILE:timescales_cli>)
set_tests_properties(cli.due.stdin cli.due.stdin_bad_line PROPERTIES LABELS cli)

# ---- rules ------------------------------------------------------------------
tsc_add_cli_test(rules.lists_sources
  STDOUT_MATCHES "lac.first_review +\\+20 working_days.*CPPCR 2010 reg 33\\(1\\)"
  ARGS rules)
tsc_add_cli_test(rules.json
  STDOUT_MATCHES "\"id\": \"cp.subsequent_rcpc\""
  ARGS rules --format json)

# ---- schedule ---------------------------------------------------------------
tsc_add_cli_test(schedule.lac_issue_example
  STDOUT_MATCHES "1 +lac.first_review +2020-01-22 2020-01-22 2020-01-22 +on_time.*\n2 +lac.second_review +2020-04-22 2020-04-22 2020-04-23 +late +1\n3 +lac.subsequent_review +2020-10-23 2020-10-23 - +overdue +5\nnext review due: 2020-10-23"
  ARGS schedule lac --start 2019-12-20 --reviews 2020-01-22,2020-04-23
    --as-at 2020-11-01)
tsc_add_cli_test(schedule.lac_json
  STDOUT_MATCHES "\"next_due\": \"2020-10-23\""
  ARGS schedule lac --start 2019-12-20 --reviews 2020-01-22,2020-04-23
    --as-at 2020-11-01 --format json)
tsc_add_cli_test(schedule.lac_left_care
  STDOUT_MATCHES "1 +lac.first_review +2020-01-22 .* not_required"
  ARGS schedule lac --start 2019-12-20 --end 2020-01-10 --as-at 2020-03-01)
tsc_add_cli_test(schedule.cp_example_6
  STDOUT_MATCHES "1 +cp.first_rcpc +2024-02-29 2024-02-29 2024-02-28 +on_time.*\n2 +cp.subsequent_rcpc +2024-08-28 .* overdue.*first core group:\n1 +cp.core_group +2023-12-14 .* 2023-12-15 +late"
  ARGS schedule cp --icpc 2023-11-30 --reviews 2024-02-28 --core-group 2023-12-15
    --as-at 2024-09-02)
tsc_add_cli_test(schedule.review_before_start EXIT 1
  STDERR_MATCHES "review on 2019-12-01 is outside"
  ARGS schedule lac --start 2019-12-20 --reviews 2019-12-01 --as-at 2020-03-01)

# `chain`, the name before 0.2, still works and says what it is now called.
tsc_add_cli_test(chain.old_name_still_works
  STDOUT_MATCHES "^LAC review schedule from Fri 20 Dec 2019.*next review due: 2020-10-23"
  STDERR_MATCHES "^timescales: note: `timescales chain` is now `timescales schedule`; the old name goes in 0.3"
  ARGS chain lac --start 2019-12-20 --reviews 2020-01-22,2020-04-23
    --as-at 2020-11-01)
tsc_add_cli_test(schedule.needs_lac_or_cp EXIT 1
  STDERR_MATCHES "schedule needs lac or cp .*timescales monitoring --as-at DATE"
  ARGS schedule)

# ---- report -----------------------------------------------------------------
set(TSC_DEMO_INPUTS
  --ssda903 "${TSC_EXAMPLE_DATA}/ssda903" --cin "${TSC_EXAMPLE_DATA}/cin"
  --meetings "${TSC_EXAMPLE_DATA}/meetings.csv"
  --config "${TSC_EXAMPLE_DATA}/config.json")
tsc_add_cli_test(report.json_contract
  STDOUT_MATCHES "\"period\": {\n    \"start\": \"2019-04-01\",\n    \"end\": \"2020-03-31\".*\"id\": \"lac_review_timeliness\".*\"monthly\".*\"by_chair\".*\"rejections\""
  ARGS report ${TSC_DEMO_INPUTS} --period 2019-20)
tsc_add_cli_test(report.markdown
  STDOUT_MATCHES "^# Annual report of the Independent Reviewing Officer: 2019-20\n.*\\| CP plans starting in the period that are a second or subsequent plan \\|.*\\| RED \\|"
  ARGS report ${TSC_DEMO_INPUTS} --period 2019-20 --format markdown)
tsc_add_cli_test(report.csv
  STDOUT_MATCHES "^kpi_id,kpi_title,unit,series,period,"
  ARGS report ${TSC_DEMO_INPUTS} --period 2019-20-Q3 --format csv)
tsc_add_cli_test(report.html_self_contained
  STDOUT_MATCHES "^<!DOCTYPE html>.*<svg"
  ARGS report ${TSC_DEMO_INPUTS} --period 2019-20 --format html)
tsc_add_cli_test(report.only_meetings_names_missing
  STDOUT_MATCHES "\"missing\": \\[\n      \"lac_review_timeliness\""
  ARGS report --meetings "${TSC_EXAMPLE_DATA}/meetings.csv" --period 2019-20)
tsc_add_cli_test(report.unknown_config_key EXIT 1
  STDERR_MATCHES "bad-config.json: configuration: unknown key \"kpi\""
  ARGS report --meetings "${TSC_EXAMPLE_DATA}/meetings.csv" --period 2019-20
    --config "${TSC_CLI_DATA}/bad-config.json")
tsc_add_cli_test(report.bad_period EXIT 2
  STDERR_MATCHES "'2019-21' is not a reporting period"
  ARGS report --meetings "${TSC_EXAMPLE_DATA}/meetings.csv" --period 2019-21)
tsc_add_cli_test(report.no_inputs EXIT 1
  STDERR_MATCHES "no inputs"
  ARGS report --period 2019-20)
tsc_add_cli_test(report.missing_file EXIT 1
  STDERR_MATCHES "nope.csv"
  ARGS report --meetings "${TSC_CLI_DATA}/nope.csv" --period 2019-20)

# ---- monitoring ---------------------------------------------------------------
# Children 1000150 and 1000171 are on short breaks (LS V3/V4) on 31 March
# 2020: CSV keeps one row a child, so their count goes to stderr.
tsc_add_cli_test(monitoring.csv
  STDOUT_MATCHES "^child,status,next_due,practical_due,working_days_to_due,rule_id,last_review,reviews_in_period,period_start,kind,last_chair,held,working_days_late\n"
  STDERR_MATCHES "^timescales: note: 2 children on short breaks only are not listed"
  ARGS monitoring --ssda903 "${TSC_EXAMPLE_DATA}/ssda903" --as-at 2020-03-31)
tsc_add_cli_test(monitoring.json_counts_short_breaks
  STDOUT_MATCHES "\"short_breaks\": 2,"
  ARGS monitoring --ssda903 "${TSC_EXAMPLE_DATA}/ssda903" --as-at 2020-03-31
    --format json)
tsc_add_cli_test(monitoring.only_overdue
  STDOUT_MATCHES "^child,status[^\n]*\n([^,\n]+,overdue,[^\n]*\n)+$"
  STDERR_MATCHES "2 children on short breaks"
  ARGS monitoring --ssda903 "${TSC_EXAMPLE_DATA}/ssda903" --as-at 2020-03-31
    --status overdue)
tsc_add_cli_test(monitoring.bad_status EXIT 1
  STDERR_MATCHES "unknown status 'late'"
  ARGS monitoring --ssda903 "${TSC_EXAMPLE_DATA}/ssda903" --as-at 2020-03-31
    --status late)
# `schedule --as-at`, the monitoring list's name before 0.2, still runs it
# with a note.
tsc_add_cli_test(schedule.old_monitoring_name_still_works
  STDOUT_MATCHES "^child,status,next_due"
  STDERR_MATCHES "^timescales: note: the monitoring list is now `timescales monitoring`; `timescales schedule --as-at` goes in 0.3\n"
  ARGS schedule --ssda903 "${TSC_EXAMPLE_DATA}/ssda903" --as-at 2020-03-31)
tsc_add_cli_test(monitoring.needs_as_at EXIT 2
  STDERR_MATCHES "--as-at is required"
  ARGS monitoring --ssda903 "${TSC_EXAMPLE_DATA}/ssda903")
# CP plans and chairs (the demo's CIN censuses and meetings), counted by
# hand: 1000027 looked after 19 Nov 2019, first review 16 Dec (IRO05), the
# second due 3 months later, Mon 16 Mar 2020: overdue by 11 working days on
# 31 Mar. 5000196's plan from 10 Jan 2019: conferences 10 Apr and 4 Oct
# 2019 (IRO09); the next due 6 months later, Sat 4 Apr 2020 (practical Fri
# 3 Apr), 3 working days on.
set(TSC_DEMO_MONITORING --ssda903 "${TSC_EXAMPLE_DATA}/ssda903"
  --cin "${TSC_EXAMPLE_DATA}/cin" --meetings "${TSC_EXAMPLE_DATA}/meetings.csv"
  --config "${TSC_EXAMPLE_DATA}/config.json" --as-at 2020-03-31)
tsc_add_cli_test(monitoring.lac_row_with_chair
  STDOUT_MATCHES "\n1000027,overdue,2020-03-16,2020-03-16,-11,lac.second_review,2019-12-16,1,2019-11-19,lac,IRO05,,\n"
  STDERR_MATCHES "2 children on short breaks"
  ARGS monitoring ${TSC_DEMO_MONITORING})
tsc_add_cli_test(monitoring.cp_row_with_chair
  STDOUT_MATCHES "\n5000196,due_soon,2020-04-04,2020-04-03,3,cp.subsequent_rcpc,2019-10-04,2,2019-01-10,cp,IRO09,,\n"
  STDERR_MATCHES "2 children on short breaks"
  ARGS monitoring ${TSC_DEMO_MONITORING})
# A census alone is enough: CP rows only.
tsc_add_cli_test(monitoring.cin_only
  STDOUT_MATCHES "^child,[^\n]*\n5000196,due_soon,2020-04-04,[^\n]*,cp,,,\n([^,\n]+,[a-z_]+,[^\n]*,cp,,,\n)+$"
  ARGS monitoring --cin "${TSC_EXAMPLE_DATA}/cin" --as-at 2020-03-31)
tsc_add_cli_test(monitoring.needs_episodes_or_census EXIT 1
  STDERR_MATCHES "needs SSDA903 episodes \\(--ssda903\\) or a CIN census \\(--cin\\)"
  ARGS monitoring --meetings "${TSC_EXAMPLE_DATA}/meetings.csv" --as-at 2020-03-31)
# Held late since 1 Jan 2020: 5000116's third conference, due 15 Jan (6
# months after 15 Jul 2019), held Mon 20 Jan (IRO07): 3 working days late.
# The 2019-20-Q4 report agrees: no LAC review and one conference late.
tsc_add_cli_test(monitoring.held_late_since
  STDOUT_MATCHES "^child,[^\n]*\n5000116,held_late,2020-01-15,2020-01-15,,cp.subsequent_rcpc,2019-07-15,2,2018-10-02,cp,IRO07,2020-01-20,3\n$"
  STDERR_MATCHES "2 children on short breaks"
  ARGS monitoring ${TSC_DEMO_MONITORING} --late-since 2020-01-01
    --status held_late)
tsc_add_cli_test(monitoring.late_since_after_as_at EXIT 1
  STDERR_MATCHES "--late-since 2020-04-01 is after --as-at 2020-03-31"
  ARGS monitoring ${TSC_DEMO_MONITORING} --late-since 2020-04-01)
# The list names children: JSON and Markdown say so first.
tsc_add_cli_test(monitoring.json_personal_data
  STDOUT_MATCHES "^{\n  \"personal_data\": \"This list names children: it is personal data"
  ARGS monitoring ${TSC_DEMO_MONITORING} --format json)
tsc_add_cli_test(monitoring.markdown_personal_data
  STDOUT_MATCHES "^# LAC reviews and CP review conferences as at the end of Tue 31 Mar 2020\n\n\\*\\*Personal data.\\*\\* This list names children"
  ARGS monitoring ${TSC_DEMO_MONITORING} --format markdown)

# ---- extracts as exports write them (tests/data/exports) ---------------------
set(TSC_EXPORTS "${TSC_TEST_DATA_DIR}/exports")
# US dates: every DOB and REVIEW refused, so the run is refused (status 3)
# and nothing is written.
tsc_add_cli_test(report.us_dates_refused EXIT 3
  STDERR_MATCHES "reviews_us.csv: DOB: 2 of 2 rows rejected \\(100.0%\\).*month/day order.*--date-order mdy.*the report is not written.*--allow-rejections"
  ARGS report --ssda903 "${TSC_EXPORTS}/episodes.csv"
    --ssda903 "${TSC_EXPORTS}/reviews_us.csv" --period 2019-20)
tsc_add_cli_test(report.us_dates_allowed
  STDOUT_MATCHES "\"data_problems\": "
  STDERR_MATCHES "written anyway, as --allow-rejections asks"
  ARGS report --ssda903 "${TSC_EXPORTS}/episodes.csv"
    --ssda903 "${TSC_EXPORTS}/reviews_us.csv" --period 2019-20
    --allow-rejections)
# Told the order, the same file reads: no row rejected. (The order holds
# for every file of the run: these episodes are yyyy-mm-dd.)
tsc_add_cli_test(report.us_dates_read_as_said
  STDOUT_MATCHES "\"table\": \"ssda903.reviews\",\n *\"read\": 2,\n *\"rejected\": 0,"
  ARGS report --ssda903 "${TSC_EXPORTS}/episodes_iso.csv"
    --ssda903 "${TSC_EXPORTS}/reviews_us.csv" --period 2019-20
    --date-order mdy)
tsc_add_cli_test(report.two_digit_years_with_a_window
  STDOUT_MATCHES "\"table\": \"ssda903.reviews\",\n *\"read\": 2,\n *\"rejected\": 0,"
  ARGS report --ssda903 "${TSC_EXPORTS}/episodes.csv"
    --ssda903 "${TSC_EXPORTS}/reviews_two_digit.csv" --period 2019-20
    --two-digit-years-from 1950)
tsc_add_cli_test(report.misspelt_meetings_column EXIT 1
  STDERR_MATCHES "'chair' \\(did you mean chair_id\\?\\).*--allow-unknown-columns"
  ARGS report --meetings "${TSC_EXPORTS}/meetings_misspelt.csv"
    --period 2019-20)
tsc_add_cli_test(report.windows_1252_noted
  STDOUT_MATCHES "\"chair_id\": \"Siân Evans\""
  STDERR_MATCHES "meetings_cp1252.csv: the file is not UTF-8 .*read as Windows-1252"
  ARGS report --meetings "${TSC_EXPORTS}/meetings_cp1252.csv" --period 2019-20)
tsc_add_cli_test(report.same_file_twice_noted
  STDOUT_MATCHES "\"id\": \"lac_review_decisions_5wd\",[^}]*\"denominator\": 2,"
  STDERR_MATCHES "holds the same bytes as .*meetings.csv, read already"
  ARGS report --meetings "${TSC_EXPORTS}/meetings.csv"
    --meetings "${TSC_EXPORTS}/meetings.csv" --period 2019-20)
tsc_add_cli_test(report.census_given_as_903 EXIT 1
  STDERR_MATCHES "this is a CIN census \\(--cin\\), not an SSDA903 extract \\(--ssda903\\)"
  ARGS report --ssda903 "${TSC_EXAMPLE_DATA}/cin" --period 2019-20)
tsc_add_cli_test(report.cannot_write_says_why EXIT 1
  STDERR_MATCHES "cannot write /nonexistent-folder/r.json: No such file or directory"
  ARGS report --meetings "${TSC_EXPORTS}/meetings.csv" --period 2019-20
    --output /nonexistent-folder/r.json)

# ---- report --detail ----------------------------------------------------------
# The cases behind each figure name children: only with --detail, and each
# output then says so first (docs/kpis.md#case-level-detail).
tsc_add_cli_test(report.detail_json
  STDOUT_MATCHES "^{\n  \"personal_data\": \"Contains personal data: children's identifiers[^\n]*\",\n  \"period\": .*\"id\": \"lac_review_timeliness\",.*\n      \"cases\": \\[\n        {\"child\": \"[0-9]+\", \"item\": \"review\", \"date\": \"2019-[^\n]*\"source\": \"[^\"]*reviews.csv:[0-9]+\"},\n"
  ARGS report ${TSC_DEMO_INPUTS} --period 2019-20 --detail)
tsc_add_cli_test(report.detail_markdown
  STDOUT_MATCHES "^> \\*\\*Contains personal data: children's identifiers\\.[^\n]*\\*\\*\n\n# Annual report of the Independent Reviewing Officer: 2019-20\n.*#### Late, overdue and excluded cases \\([0-9]+\\)\n\n\\| Child \\| Item \\| Date \\| Outcome \\|.*\\| [0-9]+ \\| review \\| 2019-[0-9-]+ \\| late \\|"
  ARGS report ${TSC_DEMO_INPUTS} --period 2019-20 --detail --format markdown)
tsc_add_cli_test(report.detail_html
  STDOUT_MATCHES "^<!DOCTYPE html>.*<body>\n<p class=\"personal-data\" role=\"note\">Contains personal data.*<details class=\"cases\">\n<summary>Late, overdue and excluded cases \\([0-9]+\\)</summary>"
  ARGS report ${TSC_DEMO_INPUTS} --period 2019-20 --detail --format html)
# CSV with detail is the case table (render/cases.cc), not the figures.
tsc_add_cli_test(report.detail_csv
  STDOUT_MATCHES "^kpi,child,[^\n]*\nlac_review_timeliness,[0-9]+,review,"
  ARGS report ${TSC_DEMO_INPUTS} --period 2019-20 --detail --format csv)
tsc_add_cli_test(report.detail_cannot_write_says_why EXIT 1
  STDERR_MATCHES "cannot write /nonexistent-folder/r.json"
  ARGS report ${TSC_DEMO_INPUTS} --period 2019-20 --detail
    --output /nonexistent-folder/r.json)
# Without --detail no output has cases or the notice.
add_test(NAME cli.report.without_detail_no_cases COMMAND bash -c
  "for format in json csv markdown html; do out=$(\"$0\" \"$@\" --format $format) && test -n \"$out\" || exit 1; if printf '%s' \"$out\" | grep -q -i -e '\"cases\"' -e 'personal data' -e personal_data -e '^kpi,child,'; then echo \"$format has case detail\"; exit 1; fi; done"
  $<TARGET_FILE:timescales_cli> report ${TSC_DEMO_INPUTS} --period 2019-20)
set_tests_properties(cli.report.without_detail_no_cases PROPERTIES LABELS cli)
