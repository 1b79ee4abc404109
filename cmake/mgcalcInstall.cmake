# Install rules and the CMake package `mgcalc` (included by the top-level CMakeLists.txt when
# MGCALC_INSTALL is ON).
#
#   find_package(mgcalc REQUIRED)
#   target_link_libraries(app PRIVATE mgcalc::mgcalc)
#
# The same package is exported from the build tree (<build>/mgcalcConfig.cmake), so a project can
# use an uninstalled build with -Dmgcalc_DIR=<build>. Both are exercised by tests/consumer/.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(MGCALC_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/mgcalc
    CACHE STRING "Where mgcalc's CMake package files are installed, relative to the prefix")
mark_as_advanced(MGCALC_INSTALL_CMAKEDIR)

install(TARGETS mgcalc EXPORT mgcalcTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT mgcalc_Runtime
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT mgcalc_Runtime
          NAMELINK_COMPONENT mgcalc_Development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT mgcalc_Development
  # The file set installs include/mgcalc/*.hpp and gives the exported target <prefix>/include
  # (as an imported file set, CMake >= 3.23); INCLUDES repeats it for older consumers.
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT mgcalc_Development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(EXPORT mgcalcTargets
  NAMESPACE mgcalc::
  FILE mgcalcTargets.cmake
  DESTINATION ${MGCALC_INSTALL_CMAKEDIR}
  COMPONENT mgcalc_Development)

# mgcalc 0.x follows SameMajorVersion as CMake defines it: any 0.y satisfies a request for 0.1.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/mgcalcConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)

# range-v3 reaches the targets files only through $<BUILD_INTERFACE:...> (top-level
# CMakeLists.txt): the installed package never needs it, the build-tree one may (a static
# libmgcalc.a carries $<LINK_ONLY:range-v3::range-v3>), so only the build-tree config finds it.
get_target_property(mgcalc_type mgcalc TYPE)
# A static libmgcalc.a linked with libfmt carries $<LINK_ONLY:fmt::fmt> in both packages, so both
# find fmt; a shared one, or header-only fmt (nothing linked), needs no fmt.
set(MGCALC_CONFIG_FIND_FMT OFF)
if(mgcalc_type STREQUAL "STATIC_LIBRARY" AND NOT MGCALC_FMT_HEADER_ONLY)
  set(MGCALC_CONFIG_FIND_FMT ON)
endif()
set(MGCALC_CONFIG_FIND_RANGE_V3 OFF)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/mgcalcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/install/mgcalcConfig.cmake
  INSTALL_DESTINATION ${MGCALC_INSTALL_CMAKEDIR})
if(mgcalc_type STREQUAL "STATIC_LIBRARY")
  set(MGCALC_CONFIG_FIND_RANGE_V3 ON)
endif()
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/mgcalcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/mgcalcConfig.cmake
  INSTALL_DESTINATION ${PROJECT_BINARY_DIR}
  INSTALL_PREFIX ${PROJECT_BINARY_DIR})

install(FILES ${PROJECT_BINARY_DIR}/cmake/install/mgcalcConfig.cmake
              ${PROJECT_BINARY_DIR}/mgcalcConfigVersion.cmake
  DESTINATION ${MGCALC_INSTALL_CMAKEDIR}
  COMPONENT mgcalc_Development)

# Build-tree package: <build>/mgcalcConfig.cmake + mgcalcConfigVersion.cmake + mgcalcTargets.cmake.
export(EXPORT mgcalcTargets NAMESPACE mgcalc:: FILE ${PROJECT_BINARY_DIR}/mgcalcTargets.cmake)

# The command-line program (src/cli, target mgcalc_cli, installed as `mgcalc`). It is added to the
# tree before this file is included, so TARGET tells whether it is being built.
if(TARGET mgcalc_cli)
  install(TARGETS mgcalc_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT mgcalc_Runtime)
endif()
