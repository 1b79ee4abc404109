# cmake -DSOURCE=<file> -DMARKER=<name> -DDOC=<markdown> -P mgcalcCheckSnippet.cmake
# Fails unless the code between the two "// [MARKER]" lines of SOURCE, with its common 4-space
# indentation removed, appears verbatim in DOC: the README quick start cannot drift from the
# example that CTest runs.
file(READ "${SOURCE}" source)
file(READ "${DOC}" doc)
string(FIND "${source}" "// [${MARKER}]\n" begin)
if(begin EQUAL -1)
  message(FATAL_ERROR "${SOURCE}: no '// [${MARKER}]' marker")
endif()
string(LENGTH "// [${MARKER}]\n" marker_length)
math(EXPR begin "${begin} + ${marker_length}")
string(SUBSTRING "${source}" ${begin} -1 rest)
string(FIND "${rest}" "// [${MARKER}]" end)
if(end EQUAL -1)
  message(FATAL_ERROR "${SOURCE}: no closing '// [${MARKER}]' marker")
endif()
string(SUBSTRING "${rest}" 0 ${end} snippet)
# (CMake's "^" matches at every search position of REGEX REPLACE, so the first line is given a
# newline of its own rather than using "^".)
string(REPLACE "\n    " "\n" snippet "\n${snippet}")
string(REGEX REPLACE "^\n" "" snippet "${snippet}")
string(REGEX REPLACE "[ \n]+$" "" snippet "${snippet}")
string(FIND "${doc}" "${snippet}" found)
if(found EQUAL -1)
  message(FATAL_ERROR "${DOC} does not contain the '${MARKER}' snippet of ${SOURCE} verbatim:\n${snippet}")
endif()
message(STATUS "${DOC} contains the '${MARKER}' snippet of ${SOURCE}")
