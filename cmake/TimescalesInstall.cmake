# Install rules: headers, the static C++ library, the shared C ABI library,
# the CMake package, pkg-config files, the command and the Python package.
include(CMakePackageConfigHelpers)

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/timescales"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT tsc_Development)
install(FILES "${PROJECT_BINARY_DIR}/include/timescales/version.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/timescales"
  COMPONENT tsc_Development)
install(FILES "${PROJECT_SOURCE_DIR}/capi/include/timescales/c.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/timescales"
  COMPONENT tsc_Development)

install(TARGETS timescales timescales_c
  EXPORT timescalesTargets
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT tsc_Runtime
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT tsc_Runtime
    NAMELINK_COMPONENT tsc_Development
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT tsc_Development
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
if(TARGET timescales_cli)
  set_target_properties(timescales_cli PROPERTIES
    INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
  install(TARGETS timescales_cli
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT tsc_Runtime)
endif()

set(TSC_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/timescales")
install(EXPORT timescalesTargets
  NAMESPACE timescales::
  DESTINATION "${TSC_CMAKE_DIR}" COMPONENT tsc_Development)
export(EXPORT timescalesTargets NAMESPACE timescales::
  FILE "${PROJECT_BINARY_DIR}/timescalesTargets.cmake")
configure_package_config_file(cmake/timescalesConfig.cmake.in
  "${PROJECT_BINARY_DIR}/timescalesConfig.cmake"
  INSTALL_DESTINATION "${TSC_CMAKE_DIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/timescalesConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/timescalesConfig.cmake"
  "${PROJECT_BINARY_DIR}/timescalesConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/FindCSV.cmake"
  DESTINATION "${TSC_CMAKE_DIR}" COMPONENT tsc_Development)

# pkg-config: relocatable (prefix found from the .pc file's own place, so
# `cmake --install --prefix` anywhere works); paths joined so that an
# absolute CMAKE_INSTALL_LIBDIR works.
file(RELATIVE_PATH TSC_PC_PREFIX_FROM_PCDIR
  "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" TSC_PC_PREFIX_FROM_PCDIR
  "${TSC_PC_PREFIX_FROM_PCDIR}")
cmake_path(APPEND TSC_PC_LIBDIR "\${prefix}" "${CMAKE_INSTALL_LIBDIR}")
cmake_path(APPEND TSC_PC_INCLUDEDIR "\${prefix}" "${CMAKE_INSTALL_INCLUDEDIR}")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(TSC_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(TSC_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
endif()
foreach(pc timescales timescales_c)
  configure_file("cmake/${pc}.pc.in" "${PROJECT_BINARY_DIR}/${pc}.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/${pc}.pc"
    DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    COMPONENT tsc_Development)
endforeach()

# The Python package, with a note of where the C library was installed so
# the loader finds it from the install tree.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/capi/python/timescales"
  DESTINATION "${TSC_PYTHON_INSTALL_DIR}" COMPONENT tsc_Runtime
  PATTERN "__pycache__" EXCLUDE)
# Relative, so `cmake --install --prefix` elsewhere still finds it.
file(RELATIVE_PATH TSC_LIBDIR_FROM_PYTHON
  "/prefix/${TSC_PYTHON_INSTALL_DIR}/timescales"
  "/prefix/${CMAKE_INSTALL_LIBDIR}")
configure_file(cmake/_install_paths.py.in
  "${PROJECT_BINARY_DIR}/python/_install_paths.py" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/python/_install_paths.py"
  DESTINATION "${TSC_PYTHON_INSTALL_DIR}/timescales" COMPONENT tsc_Runtime)
