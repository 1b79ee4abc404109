# cmake -DPROGRAM=<mgcalc> -DARGS=<;-list> -DDOC=<markdown> -P mgcalcCheckSession.cmake
# Runs the program and fails unless its whole output appears verbatim in DOC: the README's
# example sessions are real output, and a change that alters them fails until they are updated.
execute_process(COMMAND ${PROGRAM} ${ARGS} OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} ${ARGS} exited with ${status}:\n${errors}")
endif()
file(READ "${DOC}" doc)
string(FIND "${doc}" "${output}" found)
if(found EQUAL -1)
  message(FATAL_ERROR "${DOC} does not show the current output of `mgcalc ${ARGS}`; update it to:\n${output}")
endif()
message(STATUS "${DOC} shows the current output of mgcalc ${ARGS}")
