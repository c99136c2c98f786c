# FindCSV.cmake: libcsv (Robert Gamble's RFC 4180 parser; Debian libcsv-dev),
# which ships no CMake or pkg-config files of its own.
#
# Defines the imported target CSV::CSV, and CSV_FOUND, CSV_VERSION,
# CSV_INCLUDE_DIR, CSV_LIBRARY.
#
# Several projects install a `csv.h` (fast-cpp-csv-parser puts one in
# /usr/include/libfccp); only a header that defines LIBCSV_H__ is accepted.

find_path(CSV_INCLUDE_DIR NAMES csv.h)
find_library(CSV_LIBRARY NAMES csv libcsv)

if(CSV_INCLUDE_DIR AND EXISTS "${CSV_INCLUDE_DIR}/csv.h")
  file(STRINGS "${CSV_INCLUDE_DIR}/csv.h" _csv_guard REGEX "define LIBCSV_H__")
  if(NOT _csv_guard)
    message(STATUS "FindCSV: ${CSV_INCLUDE_DIR}/csv.h is not libcsv's csv.h")
    set(CSV_INCLUDE_DIR "CSV_INCLUDE_DIR-NOTFOUND" CACHE PATH "" FORCE)
  else()
    file(STRINGS "${CSV_INCLUDE_DIR}/csv.h" _csv_version_lines
      REGEX "^#define CSV_(MAJOR|MINOR|RELEASE) [0-9]+")
    foreach(_part MAJOR MINOR RELEASE)
      string(REGEX REPLACE ".*#define CSV_${_part} ([0-9]+).*" "\\1"
        _csv_${_part} "${_csv_version_lines}")
    endforeach()
    set(CSV_VERSION "${_csv_MAJOR}.${_csv_MINOR}.${_csv_RELEASE}")
  endif()
  unset(_csv_guard)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CSV
  REQUIRED_VARS CSV_LIBRARY CSV_INCLUDE_DIR
  VERSION_VAR CSV_VERSION)
mark_as_advanced(CSV_INCLUDE_DIR CSV_LIBRARY)

if(CSV_FOUND AND NOT TARGET CSV::CSV)
  add_library(CSV::CSV UNKNOWN IMPORTED)
  set_target_properties(CSV::CSV PROPERTIES
    IMPORTED_LOCATION "${CSV_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CSV_INCLUDE_DIR}")
endif()
