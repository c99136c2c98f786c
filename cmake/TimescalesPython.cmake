# tsc_python_environment(<out-var>): the environment a Python process needs
# to load the freshly built libtimescales_c through the package in the
# source tree. Under the asan preset the uninstrumented interpreter also
# needs the ASan runtime preloaded first.
function(tsc_python_environment out)
  set(env
    "TSC_LIBRARY=$<TARGET_FILE:timescales_c>"
    "PYTHONPATH=${PROJECT_SOURCE_DIR}/capi/python"
    # Keep __pycache__ out of the source tree.
    "PYTHONDONTWRITEBYTECODE=1")
  if(TSC_ASAN)
    execute_process(
      COMMAND "${CMAKE_C_COMPILER}" -print-file-name=libasan.so
      OUTPUT_VARIABLE libasan
      OUTPUT_STRIP_TRAILING_WHITESPACE)
    # libstdc++ is preloaded too: otherwise ASan's __cxa_throw interceptor
    # finds no real __cxa_throw at start-up (python does not link libstdc++)
    # and the first C++ exception inside the library aborts the process.
    execute_process(
      COMMAND "${CMAKE_CXX_COMPILER}" -print-file-name=libstdc++.so.6
      OUTPUT_VARIABLE libstdcxx
      OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(IS_ABSOLUTE "${libasan}" AND EXISTS "${libasan}")
      set(preload "${libasan}")
      if(IS_ABSOLUTE "${libstdcxx}" AND EXISTS "${libstdcxx}")
        file(REAL_PATH "${libstdcxx}" libstdcxx)
        string(APPEND preload ":${libstdcxx}")
      endif()
      # CPython's own allocations look like leaks to LeakSanitizer.
      list(APPEND env "LD_PRELOAD=${preload}" "ASAN_OPTIONS=detect_leaks=0")
    else()
      message(WARNING "timescales: libasan.so not found via "
        "${CMAKE_C_COMPILER} -print-file-name; Python cannot load the "
        "sanitized library")
    endif()
  endif()
  set(${out} "${env}" PARENT_SCOPE)
endfunction()
