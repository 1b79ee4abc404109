# Warnings (and, on request, sanitizers) on mgcalc's own targets only: they are PRIVATE, never part
# of the usage requirements handed to users of mgcalc::mgcalc.
function(mgcalc_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
                         $<$<BOOL:${MGCALC_WERROR}>:-Werror>)
  # GCC 12 at -O2/-O3 reports a bogus -Wrestrict inside libstdc++'s std::string::replace/insert
  # ("accessing 9223372036854775810 or more bytes", GCC bugs 105329 and 105651, fixed in GCC 13).
  # Keep it a warning, not an error, so Release + MGCALC_WERROR builds on Debian 12's g++ 12.
  target_compile_options(${target} PRIVATE
    $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-error=restrict>)
  mgcalc_target_sanitizers(${target})
endfunction()

# MGCALC_SANITIZE=ON: AddressSanitizer + UBSan on compile and link. -fno-sanitize-recover makes
# undefined behaviour abort the process, so a CTest run fails instead of printing and passing.
# The link flag matters for executables and shared libraries; a static libmgcalc.a has no link
# step, and every executable we build calls this function too.
function(mgcalc_target_sanitizers target)
  if(MGCALC_SANITIZE)
    set(flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_compile_options(${target} PRIVATE ${flags})
    target_link_options(${target} PRIVATE ${flags})
  endif()
endfunction()
