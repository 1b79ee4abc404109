# cmake -DLIBRARY=<libmgcalc-c.so> -DHEADER=<include/mgcalc/mgcalc.h> -DNM=<nm> -P check_symbols.cmake
#
# Fails unless the shared library exports exactly the functions mgcalc.h declares: every MGC_API
# function is there, and nothing else (no C++ symbol of the core, no standard-library code).
cmake_minimum_required(VERSION 3.25)

file(READ "${HEADER}" header)
string(REGEX MATCHALL "MGC_API[^;(]*[ *](mgc_[a-z0-9_]+)\\(" declarations "${header}")
set(declared "")
foreach(declaration IN LISTS declarations)
  string(REGEX REPLACE ".*[ *](mgc_[a-z0-9_]+)\\($" "\\1" name "${declaration}")
  list(APPEND declared ${name})
endforeach()
list(SORT declared)
list(LENGTH declared declared_count)
if(declared_count EQUAL 0)
  message(FATAL_ERROR "${HEADER}: no MGC_API function found")
endif()

execute_process(COMMAND ${NM} -D --defined-only "${LIBRARY}" OUTPUT_VARIABLE symbols RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${NM} -D --defined-only ${LIBRARY} failed")
endif()
string(REPLACE "\n" ";" lines "${symbols}")
set(exported "")
foreach(line IN LISTS lines)
  # "0000000000012340 T mgc_evaluate@@MGCALC_C_1"; the version node itself is an absolute symbol.
  if(line MATCHES "^[0-9a-f]+ ([A-Za-z]) ([^@ ]+)")
    if(NOT CMAKE_MATCH_1 STREQUAL "A")
      list(APPEND exported ${CMAKE_MATCH_2})
    endif()
  endif()
endforeach()
list(SORT exported)

set(missing ${declared})
list(REMOVE_ITEM missing ${exported})
set(extra ${exported})
list(REMOVE_ITEM extra ${declared})
if(missing OR extra)
  message(FATAL_ERROR "libmgcalc-c's exports differ from mgcalc.h:\n  declared, not exported: ${missing}\n"
                      "  exported, not declared: ${extra}")
endif()
message(STATUS "libmgcalc-c exports exactly the ${declared_count} functions of mgcalc.h")
