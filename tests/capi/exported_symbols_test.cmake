# exported_symbols_test.cmake: the C library's exports are the C API and
# nothing else, and its SONAME carries the ABI version of c.h.
#
#   cmake -DLIB=<libtimescales_c.so> -DHEADER=<c.h> -DNM=<nm>
#         -DREADELF=<readelf> -P exported_symbols_test.cmake
cmake_minimum_required(VERSION 3.21)

foreach(var LIB HEADER NM READELF)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "pass -D${var}=...")
  endif()
endforeach()

execute_process(COMMAND "${NM}" -D --defined-only "${LIB}"
  OUTPUT_VARIABLE nm_out RESULT_VARIABLE nm_rc)
if(NOT nm_rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed (${nm_rc}) on ${LIB}")
endif()

# Lines are "<address> <type> <name>[@version]". Type A marks a version
# node of the linker script, not code or data.
string(REPLACE "\n" ";" nm_lines "${nm_out}")
set(exported "")
set(bad "")
foreach(line IN LISTS nm_lines)
  if(NOT line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) ([^ @]+)")
    continue()
  endif()
  set(type "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  if(type STREQUAL "A")
    continue()
  endif()
  if(name MATCHES "^tsc_")
    list(APPEND exported "${name}")
  else()
    list(APPEND bad "${name}")
  endif()
endforeach()
if(bad)
  list(JOIN bad "\n  " bad_text)
  message(FATAL_ERROR "exports outside tsc_*:\n  ${bad_text}")
endif()

# Both ways round: every TSC_API function in c.h is exported.
file(READ "${HEADER}" header)
# Deprecated names are declared, and exported, like the others.
string(REGEX REPLACE "TSC_DEPRECATED\\(\"[^\"]*\"\\)" "" header "${header}")
string(REGEX MATCHALL "TSC_API[^;(]*[ *](tsc_[a-z0-9_]+)[ \n]*\\("
  declarations "${header}")
set(declared "")
foreach(decl IN LISTS declarations)
  string(REGEX MATCH "(tsc_[a-z0-9_]+)[ \n]*\\($" _ "${decl}")
  list(APPEND declared "${CMAKE_MATCH_1}")
endforeach()
list(LENGTH declared n_declared)
if(n_declared LESS 10)
  message(FATAL_ERROR "found only ${n_declared} declarations in ${HEADER}")
endif()
set(missing "")
foreach(fn IN LISTS declared)
  if(NOT fn IN_LIST exported)
    list(APPEND missing "${fn}")
  endif()
endforeach()
set(undeclared "")
foreach(fn IN LISTS exported)
  if(NOT fn IN_LIST declared)
    list(APPEND undeclared "${fn}")
  endif()
endforeach()
if(missing OR undeclared)
  message(FATAL_ERROR "declared in c.h but not exported: ${missing}\n"
    "exported but not declared in c.h: ${undeclared}")
endif()

# SONAME: libtimescales_c.so.<TSC_ABI_VERSION from c.h>.
if(NOT header MATCHES "#define TSC_ABI_VERSION ([0-9]+)")
  message(FATAL_ERROR "no TSC_ABI_VERSION in ${HEADER}")
endif()
set(want_soname "libtimescales_c.so.${CMAKE_MATCH_1}")
execute_process(COMMAND "${READELF}" -d "${LIB}"
  OUTPUT_VARIABLE dyn RESULT_VARIABLE readelf_rc)
if(NOT readelf_rc EQUAL 0)
  message(FATAL_ERROR "${READELF} failed (${readelf_rc}) on ${LIB}")
endif()
if(NOT dyn MATCHES "\\(SONAME\\)[^\n]*\\[([^]\n]*)\\]")
  message(FATAL_ERROR "${LIB} has no SONAME")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL want_soname)
  message(FATAL_ERROR "SONAME is ${CMAKE_MATCH_1}, want ${want_soname}")
endif()

list(LENGTH exported n_exported)
message(STATUS "${n_exported} exports, all tsc_*, all in c.h; "
  "SONAME ${want_soname}")
