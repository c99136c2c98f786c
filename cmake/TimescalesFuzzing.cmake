# Sanitizer and fuzzing flags, in two steps around the layers:
#
#   include(TimescalesFuzzing)        before any target: the flags every
#                                     target of a fuzz build compiles with, and
#                                     TSC_LINK_NO_UNDEFINED;
#   tsc_instrument_layers_for_fuzzing()  after cmake/TimescalesLayers.cmake:
#                                     libFuzzer's coverage in every layer.
#
# A fuzz build (TSC_BUILD_FUZZERS=ON with clang; the `fuzz` preset) compiles
# everything with -fsanitize=${TSC_FUZZ_SANITIZERS} (address,undefined) and
# the library's objects, every layer, also with -fsanitize=fuzzer-no-link, so
# libFuzzer sees the edges and comparisons of the code it is fuzzing, not only
# those of the harness (one target went from coverage ~205 to ~2,500 with it).
# The harnesses compile and link with -fsanitize=fuzzer (tests/fuzz/).

set(TSC_FUZZING OFF)
if(TSC_BUILD_FUZZERS AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set(TSC_FUZZING ON)
  # Left empty when the flags already name a sanitizer (OSS-Fuzz's CFLAGS,
  # say): the build then adds none of its own.
  if("${CMAKE_C_FLAGS} ${CMAKE_CXX_FLAGS}" MATCHES "-fsanitize=")
    set(tsc_default_sanitizers "")
  else()
    set(tsc_default_sanitizers "address,undefined")
  endif()
  set(TSC_FUZZ_SANITIZERS "${tsc_default_sanitizers}" CACHE STRING
    "Sanitizers every target of a fuzz build compiles with (empty: take them from CMAKE_<LANG>_FLAGS)")
  if(TSC_FUZZ_SANITIZERS)
    # UBSan findings abort, so libFuzzer stops on them as on a crash.
    add_compile_options(-fsanitize=${TSC_FUZZ_SANITIZERS}
      -fno-sanitize-recover=all -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${TSC_FUZZ_SANITIZERS})
  endif()
endif()

# --no-undefined (the shared C library, the layer checks) under sanitizers.
#
# GCC links a sanitizer's runtime into a shared library as a shared library
# (libasan.so, libubsan.so): the library records it as a dependency, so its
# __asan_*/__ubsan_* references are defined and --no-undefined holds. Clang
# links the static runtime into executables only and leaves those references
# (and libFuzzer's __sanitizer_cov_*) undefined in a shared library, to be
# bound at load time to the runtime of the executable that loads it; so with
# clang, --no-undefined fails on the runtime's own symbols. -shared-libsan
# would define them, but every executable would then have to use the shared
# runtime too (two runtimes in one process are fatal) and find it at run time
# through an rpath into the compiler's private directory, the installed-
# package test's consumer included. So a clang sanitizer build links without
# --no-undefined, as clang's AddressSanitizer documentation advises. What it
# checks (no call up to a higher layer, nothing missing from the C library)
# does not depend on the sanitizers, and every other build (`make test`, dev,
# release, GCC's asan) still checks it.
#
# For the same reason an executable must carry every part of the runtime its
# shared libraries use: clang links a C program (tests/capi's) with the C
# runtime only, and libtimescales_c, C++ inside, also needs UBSan's C++
# handlers (__ubsan_vptr_type_cache, ...): -fsanitize-link-c++-runtime, and
# the C++ library those handlers use (libtimescales_c's own dependency on it
# is not used for the program's symbols).
set(TSC_LINK_NO_UNDEFINED "LINKER:--no-undefined")
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang" AND (TSC_FUZZING OR TSC_ASAN OR
    "${CMAKE_C_FLAGS} ${CMAKE_CXX_FLAGS} ${CMAKE_SHARED_LINKER_FLAGS}"
    MATCHES "-fsanitize="))
  set(TSC_LINK_NO_UNDEFINED "")
  if(CMAKE_C_COMPILER_ID MATCHES "Clang")
    add_link_options(
      "$<$<LINK_LANGUAGE:C>:-fsanitize-link-c++-runtime;-lstdc++>")
  endif()
endif()

# tsc_instrument_layers_for_fuzzing(): after the layers are declared.
function(tsc_instrument_layers_for_fuzzing)
  if(NOT TSC_LINK_NO_UNDEFINED AND TARGET tsc_base_layer_check)
    # cmake/TimescalesLayers.cmake passes --no-undefined to each layer check
    # itself; drop it where the paragraph above says.
    foreach(layer IN LISTS TSC_LAYERS)
      get_target_property(options tsc_${layer}_layer_check LINK_OPTIONS)
      if(options)
        list(REMOVE_ITEM options "LINKER:--no-undefined")
        set_property(TARGET tsc_${layer}_layer_check
          PROPERTY LINK_OPTIONS "${options}")
      endif()
    endforeach()
  endif()
  if(NOT TSC_FUZZING)
    return()
  endif()
  foreach(layer IN LISTS TSC_LAYERS)
    target_compile_options(tsc_${layer} PRIVATE -fsanitize=fuzzer-no-link)
  endforeach()
  message(STATUS "timescales: fuzz build: layers ${TSC_LAYERS} instrumented "
    "with -fsanitize=fuzzer-no-link; sanitizers: "
    "${TSC_FUZZ_SANITIZERS}")
endfunction()
