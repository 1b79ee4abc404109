# Install rules and the CMake package `mgcalc` (included by the top-level CMakeLists.txt when
# MGCALC_INSTALL is ON).
#
#   find_package(mgcalc REQUIRED)
#   target_link_libraries(app PRIVATE mgcalc::mgcalc)   # C++
#   target_link_libraries(app PRIVATE mgcalc::c)        # the C API, libmgcalc-c
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

# The C API (src/c): libmgcalc-c.so.1 and include/mgcalc/mgcalc.h, target mgcalc::c.
if(TARGET mgcalc_c)
  install(TARGETS mgcalc_c EXPORT mgcalcTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT mgcalc_Runtime
            NAMELINK_COMPONENT mgcalc_Development
    FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT mgcalc_Development)
endif()

# pkg-config files, mgcalc.pc (C++) and mgcalc-c.pc (C), for builds without CMake. The prefix is
# found from the .pc file's own place (${pcfiledir}), so the tree can be installed or moved
# anywhere (cmake --install --prefix DIR) and still be found through PKG_CONFIG_PATH.
set(MGCALC_INSTALL_PKGCONFIGDIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig
    CACHE STRING "Where mgcalc's pkg-config files are installed, relative to the prefix")
mark_as_advanced(MGCALC_INSTALL_PKGCONFIGDIR)
file(RELATIVE_PATH MGCALC_PC_PREFIX_FROM_PCDIR /${MGCALC_INSTALL_PKGCONFIGDIR} /)
string(REGEX REPLACE "/$" "" MGCALC_PC_PREFIX_FROM_PCDIR "${MGCALC_PC_PREFIX_FROM_PCDIR}")
# {fmt} is the compiled library's one private dependency with a pkg-config file (Debian's fmt.pc);
# header-only {fmt} leaves nothing to link.
if(MGCALC_FMT_HEADER_ONLY)
  set(MGCALC_PC_REQUIRES_PRIVATE "")
else()
  set(MGCALC_PC_REQUIRES_PRIVATE "fmt")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/mgcalc.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/mgcalc.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/mgcalc.pc
  DESTINATION ${MGCALC_INSTALL_PKGCONFIGDIR} COMPONENT mgcalc_Development)
if(TARGET mgcalc_c)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/mgcalc-c.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/mgcalc-c.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/mgcalc-c.pc
    DESTINATION ${MGCALC_INSTALL_PKGCONFIGDIR} COMPONENT mgcalc_Development)
endif()

install(EXPORT mgcalcTargets
  NAMESPACE mgcalc::
  FILE mgcalcTargets.cmake
  DESTINATION ${MGCALC_INSTALL_CMAKEDIR}
  COMPONENT mgcalc_Development)

# While mgcalc is 0.x, a minor version may break the C++ API, so a request for 0.1 accepts 0.1.z
# only (SameMinorVersion); from 1.0 on, SameMajorVersion.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(mgcalc_compatibility SameMinorVersion)
else()
  set(mgcalc_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/mgcalcConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY ${mgcalc_compatibility})

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
