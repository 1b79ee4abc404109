// The Catch2 main, compiled once for the single test executable.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
