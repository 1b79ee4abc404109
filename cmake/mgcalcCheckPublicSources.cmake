# cmake -DROOT=<source dir> -P mgcalcCheckPublicSources.cmake
# Fails if the code, docs, examples, tests or README cite something a reader cannot look up: an
# engineers' reference file, a path outside the repository, or a tracker issue instead of the
# published source (docs/sources.md lists the published sources).
set(private_source
    "[Mm]agnesium-facts\\.md|\\.\\./shared|/work/shared|[Ii]ssue summary|[Ff]act file|[Tt]he (mgcalc )?[a-z]* ?issue([^a-z]|$)")
file(GLOB_RECURSE files LIST_DIRECTORIES false
     "${ROOT}/src/*" "${ROOT}/include/*" "${ROOT}/docs/*" "${ROOT}/examples/*" "${ROOT}/tests/*" "${ROOT}/bench/*")
list(APPEND files "${ROOT}/README.md")
set(hits "")
foreach(file IN LISTS files)
  file(STRINGS "${file}" lines REGEX "${private_source}")
  foreach(line IN LISTS lines)
    file(RELATIVE_PATH relative "${ROOT}" "${file}")
    string(APPEND hits "\n  ${relative}: ${line}")
  endforeach()
endforeach()
if(hits)
  message(FATAL_ERROR "cite the published source (docs/sources.md) instead of:${hits}")
endif()
list(LENGTH files count)
message(STATUS "${count} files cite only published sources")
