# cmake -DROOT=<source dir> -P mgcalcCheckLayers.cmake
#
# Fails if a file includes a header of a layer it may not use (docs/development.md, "Layers").
# Data flows one way: a layer includes only the layers listed for it below, so a food never
# knows of people and no model header knows of a file format. The layer of a file is its folder:
# include/mgcalc/<layer>/ and src/<layer>/; files directly in include/mgcalc/ and src/, and the
# private helpers in include/mgcalc/detail/ and src/detail/, are the base layer. src/cli/ (the
# program) and src/c/ (the C API) may include every layer; src/generate/ (a build-time tool)
# only the base.
#
# Checked from the #include lines themselves, so that the rule is proven on every build.

cmake_minimum_required(VERSION 3.25)

# Layer -> the layers it may include (besides itself).
set(allowed_base "")
set(allowed_chemistry base)
set(allowed_foods base)
set(allowed_people base)
set(allowed_intake base chemistry foods people)
set(allowed_evaluate base chemistry foods people intake)
set(allowed_advice base chemistry foods people intake evaluate)
set(allowed_io base chemistry foods people intake evaluate advice)
set(allowed_umbrella base chemistry foods people intake evaluate)
set(allowed_cli base chemistry foods people intake evaluate advice io umbrella)
# src/c/: the C API (include/mgcalc/mgcalc.h), like the program a user of every layer.
set(allowed_c base chemistry foods people intake evaluate advice io umbrella)
set(layers base chemistry foods people intake evaluate advice io umbrella cli c)

# The layer of a path relative to ROOT ("include/mgcalc/foods/serving.hpp" -> foods).
function(layer_of relative out)
  set(folder "")
  if(relative STREQUAL "include/mgcalc/mgcalc.hpp")
    set(${out} umbrella PARENT_SCOPE)
    return()
  elseif(relative MATCHES "^include/mgcalc/([a-z_]+)/")
    set(folder ${CMAKE_MATCH_1})
  elseif(relative MATCHES "^src/([a-z_]+)/")
    set(folder ${CMAKE_MATCH_1})
  endif()
  if(folder STREQUAL "" OR folder STREQUAL "detail" OR folder STREQUAL "generate")
    set(${out} base PARENT_SCOPE)
  elseif(folder IN_LIST layers)
    set(${out} ${folder} PARENT_SCOPE)
  else()
    set(${out} unknown:${folder} PARENT_SCOPE)
  endif()
endfunction()

file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${ROOT}"
     "${ROOT}/include/mgcalc/*.hpp" "${ROOT}/src/*.hpp" "${ROOT}/src/*.cpp")
set(problems "")
set(checked 0)
foreach(relative IN LISTS files)
  layer_of("${relative}" layer)
  if(layer MATCHES "^unknown:(.*)")
    string(REPLACE ";" ", " known "${layers}")
    string(APPEND problems "\n  ${relative}: folder '${CMAKE_MATCH_1}' is not a layer; expected one of ${known}")
    continue()
  endif()
  math(EXPR checked "${checked} + 1")
  file(STRINGS "${ROOT}/${relative}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(line IN LISTS includes)
    set(target "")
    if(line MATCHES "<mgcalc/([^>]+)>")
      set(target "include/mgcalc/${CMAKE_MATCH_1}")
    elseif(line MATCHES "\"((detail|cli)/[^\"]+)\"")
      set(target "src/${CMAKE_MATCH_1}")
      # Private helpers are not installed: a public header including one would not compile for users.
      if(relative MATCHES "^include/")
        string(APPEND problems "\n  ${relative}: includes the private ${target}; public headers may include only <mgcalc/...>")
      endif()
    endif()
    if(target STREQUAL "")
      continue()
    endif()
    if(target MATCHES "^src/cli/")
      set(target_layer cli)
    else()
      layer_of("${target}" target_layer)
    endif()
    if(target_layer STREQUAL layer)
      continue()
    endif()
    if(NOT target_layer IN_LIST allowed_${layer})
      string(REPLACE ";" ", " may "${allowed_${layer}}")
      if(may STREQUAL "")
        set(may "none")
      endif()
      string(APPEND problems "\n  ${relative} (${layer}) includes ${target} (${target_layer}); ${layer} may include: ${may}")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "includes against the layer order (docs/development.md, \"Layers\"):${problems}")
endif()
message(STATUS "${checked} files include only their own or lower layers")
