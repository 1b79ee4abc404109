# Runs a program and checks its output against a file of regular expressions.
#
#   cmake -DPROGRAM=<path> [-DEXPECTED=<file>] [-DARGS=<arg;arg>] -P mgcalcRunAndMatch.cmake
#
# Fails when the program cannot be run, exits non-zero, or when any non-empty line of EXPECTED
# (CMake regex syntax, one per line, matched anywhere in stdout + stderr) does not match; every
# missing pattern is printed with the output. No EXPECTED file: only the exit status is checked.
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED PROGRAM)
  message(FATAL_ERROR "usage: cmake -DPROGRAM=<path> [-DEXPECTED=<file>] -P ${CMAKE_CURRENT_LIST_FILE}")
endif()

execute_process(COMMAND ${PROGRAM} ${ARGS}
                RESULT_VARIABLE result
                OUTPUT_VARIABLE output
                ERROR_VARIABLE output)
# Echo the output so `ctest --output-on-failure` / `-V` show what the program printed.
message("${output}")
if(NOT result STREQUAL "0")
  message(FATAL_ERROR "${PROGRAM} failed: exit status ${result}")
endif()

if(NOT DEFINED EXPECTED OR NOT EXISTS "${EXPECTED}")
  return()
endif()

# Split on newlines by hand: file(STRINGS) would break a pattern at ';' and treat '[' specially.
file(READ "${EXPECTED}" patterns)
string(REPLACE "\r" "" patterns "${patterns}")
set(missing "")
set(count 0)
while(NOT patterns STREQUAL "")
  string(FIND "${patterns}" "\n" end)
  if(end EQUAL -1)
    set(pattern "${patterns}")
    set(patterns "")
  else()
    string(SUBSTRING "${patterns}" 0 ${end} pattern)
    math(EXPR next "${end} + 1")
    string(SUBSTRING "${patterns}" ${next} -1 patterns)
  endif()
  if(pattern STREQUAL "")
    continue()
  endif()
  math(EXPR count "${count} + 1")
  if(NOT output MATCHES "${pattern}")
    string(APPEND missing "\n  ${pattern}")
  endif()
endwhile()

if(NOT missing STREQUAL "")
  message(FATAL_ERROR "${PROGRAM}: output does not match these patterns from ${EXPECTED}:${missing}")
endif()
message(STATUS "${PROGRAM}: all ${count} patterns from ${EXPECTED} matched")
