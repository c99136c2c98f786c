# Runs the `timescales` command once and checks its exit status, stdout and
# stderr together (PASS_REGULAR_EXPRESSION alone would ignore the status).
#
#   cmake -DTSC_CLI=<path> [-DEXPECT_EXIT=<n>] [-DEXPECT_STDOUT=<text>]
#         [-DEXPECT_STDOUT_MATCHES=<regex>] [-DEXPECT_STDERR_MATCHES=<regex>]
#         -P run_cli.cmake -- <arguments...>
#
# EXPECT_EXIT defaults to 0. EXPECT_STDOUT is the whole of stdout without its
# final newline. On success stderr must be empty unless EXPECT_STDERR_MATCHES
# says what it holds; on failure stdout must be empty unless told otherwise.

if(NOT DEFINED TSC_CLI)
  message(FATAL_ERROR "run_cli.cmake: TSC_CLI is not set")
endif()
if(NOT DEFINED EXPECT_EXIT)
  set(EXPECT_EXIT 0)
endif()

# Everything after `--` is the command's arguments.
set(args)
set(seen_separator FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(seen_separator)
    list(APPEND args "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(seen_separator TRUE)
  endif()
endforeach()

execute_process(
  COMMAND "${TSC_CLI}" ${args}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)

set(failures)
if(NOT status STREQUAL "${EXPECT_EXIT}")
  list(APPEND failures "exit status ${status}, expected ${EXPECT_EXIT}")
endif()
if(DEFINED EXPECT_STDOUT)
  if(NOT out STREQUAL "${EXPECT_STDOUT}\n")
    list(APPEND failures "stdout is not exactly [${EXPECT_STDOUT}\\n]")
  endif()
endif()
if(DEFINED EXPECT_STDOUT_MATCHES)
  if(NOT out MATCHES "${EXPECT_STDOUT_MATCHES}")
    list(APPEND failures "stdout does not match [${EXPECT_STDOUT_MATCHES}]")
  endif()
endif()
if(NOT DEFINED EXPECT_STDOUT AND NOT DEFINED EXPECT_STDOUT_MATCHES
   AND NOT out STREQUAL "")
  list(APPEND failures "stdout should be empty")
endif()
if(DEFINED EXPECT_STDERR_MATCHES)
  if(NOT err MATCHES "${EXPECT_STDERR_MATCHES}")
    list(APPEND failures "stderr does not match [${EXPECT_STDERR_MATCHES}]")
  endif()
elseif(NOT err STREQUAL "")
  list(APPEND failures "stderr should be empty")
endif()

if(failures)
  string(REPLACE ";" "\n  " failures "${failures}")
  string(REPLACE ";" " " shown_args "${args}")
  message(FATAL_ERROR
    "timescales ${shown_args}\n  ${failures}\n"
    "--- stdout ---\n${out}--- stderr ---\n${err}--------------")
endif()
