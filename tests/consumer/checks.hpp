// The checks of the consumer programs (tests/consumer/main.cpp, tests/consumer_model/main.cpp):
// each prints "ok" or "FAIL" with what was checked, and counts the failures, so that a program
// runs every check and then returns non-zero if one failed. Plain C++, no test framework: the
// consumers are built as applications would be, with nothing but mgcalc and its dependencies.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

namespace consumer {

inline int failures = 0;

inline void check(const char* what, bool ok) {
    if (!ok) {
        std::fprintf(stderr, "FAIL %s\n", what);
        ++failures;
    } else {
        std::printf("ok   %s\n", what);
    }
}

inline void check_near(const char* what, double actual, double expected, double tolerance) {
    if (std::fabs(actual - expected) > tolerance) {
        std::fprintf(stderr, "FAIL %s: got %.6f, expected %.6f\n", what, actual, expected);
        ++failures;
    } else {
        std::printf("ok   %s: %.3f\n", what, actual);
    }
}

inline void check_text(const char* what, const std::string& actual, const std::string& expected) {
    if (actual != expected) {
        std::fprintf(stderr, "FAIL %s: got \"%s\", expected \"%s\"\n", what, actual.c_str(), expected.c_str());
        ++failures;
    } else {
        std::printf("ok   %s: %s\n", what, actual.c_str());
    }
}

}  // namespace consumer
