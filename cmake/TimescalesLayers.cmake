# The library's layers: one folder of src/ each, one OBJECT library each,
# with the layers it may use declared. Two checks make a back-edge a build
# error rather than a habit:
#
#  * links: each layer, with the layers below it and nothing else, is linked
#    into a shared library with --no-undefined, so a call up to a higher
#    layer is an undefined reference naming the function;
#  * includes: cmake/TimescalesLayerCheck.cmake reads every #include of a
#    layer's files (and of the public headers) and fails the build on one
#    that reaches a higher layer, naming file, line and the layers allowed.
#
# The public headers in include/timescales/ belong to layers too
# (TSC_LAYER_HEADERS_<layer>).

set(TSC_LAYERS base calendar rules import kpi render)
set(TSC_LAYER_DEPENDS_base)
set(TSC_LAYER_DEPENDS_calendar base)
set(TSC_LAYER_DEPENDS_rules base calendar)
set(TSC_LAYER_DEPENDS_import base calendar)
set(TSC_LAYER_DEPENDS_kpi base calendar rules import)
set(TSC_LAYER_DEPENDS_render base calendar rules import kpi)
# The command line and the C ABI sit on top and may use every layer.
set(TSC_LAYER_DEPENDS_cli ${TSC_LAYERS})
set(TSC_LAYER_DEPENDS_capi ${TSC_LAYERS})

set(TSC_LAYER_HEADERS_base config.h version.h)
set(TSC_LAYER_HEADERS_calendar date.h moment.h calendar.h calendar_settings.h)
set(TSC_LAYER_HEADERS_rules rules.h policy.h due.h schedule.h)
set(TSC_LAYER_HEADERS_import dataset.h import.h)
set(TSC_LAYER_HEADERS_kpi period.h report_config.h kpi_registry.h cases.h
  report.h monitoring.h)
set(TSC_LAYER_HEADERS_render render.h)

# External libraries each layer uses (PRIVATE to the layer).
set(TSC_LAYER_LIBS_base nlohmann_json::nlohmann_json absl::str_format)
set(TSC_LAYER_LIBS_calendar Boost::date_time nlohmann_json::nlohmann_json
  absl::str_format absl::time)
set(TSC_LAYER_LIBS_rules nlohmann_json::nlohmann_json absl::str_format)
set(TSC_LAYER_LIBS_import pugixml::pugixml CSV::CSV Iconv::Iconv
  absl::str_format absl::flat_hash_map absl::flat_hash_set absl::hash)
set(TSC_LAYER_LIBS_kpi nlohmann_json::nlohmann_json absl::str_format
  absl::flat_hash_map absl::flat_hash_set)
set(TSC_LAYER_LIBS_render nlohmann_json::nlohmann_json absl::str_format)

set(TSC_PUBLIC_ABSL absl::status absl::statusor absl::strings absl::span)

foreach(layer IN LISTS TSC_LAYERS)
  file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${layer}/*.cc")
  add_library(tsc_${layer} OBJECT ${sources})
  target_compile_features(tsc_${layer} PUBLIC cxx_std_17)
  target_include_directories(tsc_${layer}
    PUBLIC
      "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>"
      "$<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>"
    PRIVATE "${PROJECT_SOURCE_DIR}/src")
  set(deps)
  foreach(dep IN LISTS TSC_LAYER_DEPENDS_${layer})
    list(APPEND deps tsc_${dep})
  endforeach()
  target_link_libraries(tsc_${layer}
    PUBLIC ${TSC_PUBLIC_ABSL}
    PRIVATE ${deps} ${TSC_LAYER_LIBS_${layer}})
  set_target_properties(tsc_${layer} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  tsc_set_warnings(tsc_${layer})
endforeach()

# The link check: each layer with only the layers it declares.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND PROJECT_IS_TOP_LEVEL)
  foreach(layer IN LISTS TSC_LAYERS)
    set(objects "$<TARGET_OBJECTS:tsc_${layer}>")
    set(libs ${TSC_PUBLIC_ABSL} ${TSC_LAYER_LIBS_${layer}})
    foreach(dep IN LISTS TSC_LAYER_DEPENDS_${layer})
      list(APPEND objects "$<TARGET_OBJECTS:tsc_${dep}>")
      list(APPEND libs ${TSC_LAYER_LIBS_${dep}})
    endforeach()
    list(REMOVE_DUPLICATES libs)
    add_library(tsc_${layer}_layer_check SHARED ${objects})
    target_link_libraries(tsc_${layer}_layer_check PRIVATE ${libs})
    target_link_options(tsc_${layer}_layer_check PRIVATE
      "LINKER:--no-undefined")
    set_target_properties(tsc_${layer}_layer_check PROPERTIES
      LIBRARY_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/layer_check")
  endforeach()
endif()

# The include check, rerun when any source or header changes.
file(GLOB_RECURSE TSC_LAYERED_FILES CONFIGURE_DEPENDS
  "${PROJECT_SOURCE_DIR}/src/*.cc" "${PROJECT_SOURCE_DIR}/src/*.h"
  "${PROJECT_SOURCE_DIR}/include/timescales/*.h"
  "${PROJECT_SOURCE_DIR}/capi/*.cc")
set(layer_args)
foreach(layer IN LISTS TSC_LAYERS ITEMS cli capi)
  string(JOIN "," deps ${TSC_LAYER_DEPENDS_${layer}})
  string(JOIN "," headers ${TSC_LAYER_HEADERS_${layer}})
  list(APPEND layer_args "-DTSC_DEPENDS_${layer}=${deps}"
    "-DTSC_HEADERS_${layer}=${headers}")
endforeach()
string(JOIN "," layer_names ${TSC_LAYERS} cli capi)
add_custom_command(
  OUTPUT "${PROJECT_BINARY_DIR}/layer_check/includes.stamp"
  COMMAND "${CMAKE_COMMAND}" "-DTSC_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    "-DTSC_LAYERS=${layer_names}" ${layer_args}
    -P "${PROJECT_SOURCE_DIR}/cmake/TimescalesLayerCheck.cmake"
  COMMAND "${CMAKE_COMMAND}" -E touch
    "${PROJECT_BINARY_DIR}/layer_check/includes.stamp"
  DEPENDS ${TSC_LAYERED_FILES}
    "${PROJECT_SOURCE_DIR}/cmake/TimescalesLayerCheck.cmake"
  COMMENT "Checking that no include reaches a higher layer"
  VERBATIM)
add_custom_target(tsc_layer_includes ALL
  DEPENDS "${PROJECT_BINARY_DIR}/layer_check/includes.stamp")
