# Hostile input on the command line (issue item 8: no crash, no hang, no
# silent misreading, on any input). Included from CMakeLists.txt; uses its
# tsc_add_cli_test(). Fixtures: tests/data/cli/hostile (see its README).

set(TSC_HOSTILE "${TSC_CLI_DATA}/hostile")
set(TSC_HOSTILE_INPUTS --ssda903 "${PROJECT_SOURCE_DIR}/examples/data/ssda903"
  --period 2019-20)

# ---- 1. A number out of range in any JSON: an error naming the key and
# where, not an abort (exit 134) --------------------------------------------
tsc_add_cli_test(hostile.overflow_config EXIT 1
  STDERR_MATCHES "^timescales: [^\n]*overflow-config.json: configuration: parse error at line 3, column 41: the number 1e999 at kpis.lac_review_timeliness.target is out of range\n$"
  ARGS report ${TSC_HOSTILE_INPUTS}
    --config "${TSC_HOSTILE}/overflow-config.json")
tsc_add_cli_test(hostile.overflow_rules EXIT 1
  STDERR_MATCHES "^timescales: [^\n]*overflow-rules.json: rules: parse error at line 3, column 36: the number 1e999 at rules.lac.first_review.offset is out of range\n$"
  ARGS due lac.first_review 2020-01-01
    --rules "${TSC_HOSTILE}/overflow-rules.json")
tsc_add_cli_test(hostile.overflow_policy EXIT 1
  STDERR_MATCHES "^timescales: [^\n]*overflow-policy.json: policy: parse error at line 3, column 29: the number -1e999 at sw_report_working_days is out of range\n$"
  ARGS due lac.first_review 2020-01-01
    --policy "${TSC_HOSTILE}/overflow-policy.json")
tsc_add_cli_test(hostile.overflow_govuk EXIT 1
  STDERR_MATCHES "^timescales: [^\n]*overflow-govuk.json: GOV.UK bank holidays: parse error at line 4, column 73: the number 1e999 at events.0..bunting is out of range\n$"
  ARGS --calendar-json "${TSC_HOSTILE}/overflow-govuk.json"
    workdays add 2024-01-01 1)

# ---- 3. A key twice: an error naming it and where, not the last winning ----
tsc_add_cli_test(hostile.duplicate_config EXIT 1
  STDERR_MATCHES "^timescales: [^\n]*duplicate-config.json: configuration: parse error at line 3, column 45: duplicate key \"target\" in kpis.lac_review_timeliness"
  ARGS report ${TSC_HOSTILE_INPUTS}
    --config "${TSC_HOSTILE}/duplicate-config.json")
tsc_add_cli_test(hostile.duplicate_rules EXIT 1
  STDERR_MATCHES "^timescales: [^\n]*duplicate-rules.json: rules: parse error at line 4, column 5: duplicate key \"local.visit\" in rules"
  ARGS rules --rules "${TSC_HOSTILE}/duplicate-rules.json")
tsc_add_cli_test(hostile.duplicate_policy EXIT 1
  STDERR_MATCHES "^timescales: [^\n]*duplicate-policy.json: policy: parse error at line 3, column 3: duplicate key \"months\""
  ARGS due lac.first_review 2020-01-01
    --policy "${TSC_HOSTILE}/duplicate-policy.json")
tsc_add_cli_test(hostile.duplicate_govuk EXIT 1
  STDERR_MATCHES "^timescales: [^\n]*duplicate-govuk.json: GOV.UK bank holidays: parse error at line 3, column 3: duplicate key \"england-and-wales\""
  ARGS --calendar-json "${TSC_HOSTILE}/duplicate-govuk.json"
    --division england-and-wales workdays add 2024-01-01 1)

# ---- 5. An endless file is refused at 64 MB, not read until memory runs
# out; /proc files (size 0, not empty) still read ----------------------------
if(EXISTS /dev/zero)
  tsc_add_cli_test(hostile.endless_config EXIT 1
    STDERR_MATCHES "^timescales: cannot read /dev/zero: the file is larger than 64 MB"
    ARGS report ${TSC_HOSTILE_INPUTS} --config /dev/zero)
  tsc_add_cli_test(hostile.endless_rules EXIT 1
    STDERR_MATCHES "^timescales: cannot read /dev/zero: [^\n]*64 MB"
    ARGS due lac.first_review 2020-01-01 --rules /dev/zero)
  tsc_add_cli_test(hostile.endless_policy EXIT 1
    STDERR_MATCHES "^timescales: cannot read /dev/zero: [^\n]*64 MB"
    ARGS due lac.first_review 2020-01-01 --policy /dev/zero)
  tsc_add_cli_test(hostile.endless_govuk EXIT 1
    STDERR_MATCHES "^timescales: cannot read /dev/zero: [^\n]*64 MB"
    ARGS --calendar-json /dev/zero workdays add 2024-01-01 1)
  tsc_add_cli_test(hostile.endless_closure_days EXIT 1
    STDERR_MATCHES "^timescales: cannot read /dev/zero: [^\n]*64 MB"
    ARGS --closure-days /dev/zero workdays add 2024-01-01 1)
endif()
if(EXISTS /proc/self/status)
  # Read, so its first line is the error: not "empty", not refused.
  tsc_add_cli_test(hostile.proc_file_reads EXIT 1
    STDERR_MATCHES "^timescales: /proc/self/status:1: 'Name:"
    ARGS --closure-days /proc/self/status workdays add 2024-01-01 1)
endif()

# ---- 7. Numbers on the command line are decimal ----------------------------
# 010 is ten working days (Wed 2 Jan 2019 ... Tue 15 Jan), not octal 8.
tsc_add_cli_test(hostile.decimal_leading_zero STDOUT 2019-01-15
  ARGS workdays add 2019-01-01 010)
# -010 is ten back: 31, 28, 27, 24, 21, 20, 19, 18, 17, 14 December 2018.
tsc_add_cli_test(hostile.decimal_negative_leading_zero STDOUT 2018-12-14
  ARGS workdays add 2019-01-01 -010)
tsc_add_cli_test(hostile.decimal_plus_sign STDOUT 2019-01-15
  ARGS workdays add 2019-01-01 +10)
tsc_add_cli_test(hostile.hex_refused EXIT 2
  STDERR_MATCHES "^timescales: n: '0x14' is not a decimal whole number"
  ARGS workdays add 2019-01-01 0x14)
tsc_add_cli_test(hostile.year_hex_refused EXIT 2
  STDERR_MATCHES "^timescales: year: '0x7E4' is not a decimal whole number"
  ARGS holidays 0x7E4)
tsc_add_cli_test(hostile.year_leading_zero STDOUT_MATCHES "^2024-01-01  New Year"
  ARGS holidays 02024)
tsc_add_cli_test(hostile.option_hex_refused EXIT 2
  STDERR_MATCHES "^timescales: --sw-report-working-days: '0x5' is not a decimal whole number"
  ARGS due lac.sw_report 2020-01-01 --sw-report-working-days 0x5)

# ---- 8. A long argument is quoted as a 60-byte excerpt ----------------------
string(REPEAT "x" 5000 tsc_hostile_xs)
string(REPEAT "x" 50 tsc_hostile_50)
tsc_add_cli_test(hostile.long_date_excerpt EXIT 1
  STDERR_MATCHES "^timescales: '2019-01-01${tsc_hostile_50}\\.\\.\\.' is not a date \\(expected yyyy-mm-dd or dd/mm/yyyy\\)\n$"
  ARGS workdays add "2019-01-01${tsc_hostile_xs}" 5)

# ---- 9. A core group before its ICPC is refused, not counted on time -------
tsc_add_cli_test(hostile.core_group_before_icpc EXIT 1
  STDERR_MATCHES "^timescales: core group on 2020-02-03 is before the ICPC on 2020-03-02\n$"
  ARGS schedule cp --icpc 2020-03-02 --core-group 2020-02-03
    --as-at 2020-04-01)
