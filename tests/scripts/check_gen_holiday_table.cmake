# cmake -DMODE=reproduces|refuses_missing_years -DPYTHON=... -DSOURCE_DIR=...
#       -DWORK=... -P check_gen_holiday_table.cmake
set(script "${SOURCE_DIR}/scripts/gen-holiday-table")
set(table "${SOURCE_DIR}/src/calendar/england_and_wales_table.cc")
set(data "${SOURCE_DIR}/tests/data")

# The years and version the committed table says it holds.
file(STRINGS "${table}" version_line REGEX "kEnglandAndWalesDataVersion\\[\\] = ")
string(REGEX REPLACE ".*= \"([^\"]*)\".*" "\\1" version "${version_line}")
file(STRINGS "${table}" first_line REGEX "kEnglandAndWalesFirstYear = ")
string(REGEX REPLACE ".*= ([0-9]+).*" "\\1" first "${first_line}")
file(STRINGS "${table}" last_line REGEX "kEnglandAndWalesLastYear = ")
string(REGEX REPLACE ".*= ([0-9]+).*" "\\1" last "${last_line}")

if(MODE STREQUAL "reproduces")
  set(out "${WORK}/england_and_wales_table.cc")
  execute_process(
    COMMAND "${PYTHON}" "${script}"
      "${data}/bank-holidays-england-and-wales-1995-2030.json"
      --from ${first} --until ${last} --version "${version}"
    OUTPUT_FILE "${out}" RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gen-holiday-table failed (${status}): ${err}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${out}" "${table}"
                  RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    message(FATAL_ERROR "${out} differs from ${table}: the embedded table is "
            "not what its GOV.UK data gives")
  endif()
elseif(MODE STREQUAL "refuses_missing_years")
  # A file with 2024 only, asked for the whole range.
  execute_process(
    COMMAND "${PYTHON}" "${script}" "${data}/cli/bank-holidays-2024-moved.json"
      --from ${first} --until ${last} --version test
    OUTPUT_VARIABLE out RESULT_VARIABLE status ERROR_VARIABLE err)
  if(status EQUAL 0)
    message(FATAL_ERROR "gen-holiday-table accepted a file missing years")
  endif()
  if(NOT err MATCHES "no holidays for ${first}, ")
    message(FATAL_ERROR "unexpected message: ${err}")
  endif()
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()
