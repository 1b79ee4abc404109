// Helpers shared by the Catch2 test files: catching an mgcalc::error to inspect its code,
// message and fields, and quoting text the way error messages do. Every test file includes it.
#pragma once

#include <mgcalc/error.hpp>

#include "detail/text.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace mgcalc_test {

struct thrown {
    mgcalc::errc code;
    std::string message;
};

/// The mgcalc::error `function` throws, if any.
template <class Function>
std::optional<thrown> error_from(Function&& function) {
    try {
        function();
    } catch (const mgcalc::error& e) {
        return thrown{e.code(), e.what()};
    }
    return std::nullopt;
}

/// The mgcalc::error `call` throws, for checking its code, message and fields together; a failed
/// check when it throws none.
template <class F>
mgcalc::error thrown_by(F&& call) {
    try {
        call();
    } catch (const mgcalc::error& e) {
        return e;
    }
    FAIL("expected mgcalc::error, nothing was thrown");
    return mgcalc::error(mgcalc::errc::parse_error, "not reached");
}

/// Runs `f`, requires it to throw mgcalc::error with `code`, and returns the message.
template <class F>
std::string error_message(F&& f, mgcalc::errc code) {
    try {
        f();
    } catch (const mgcalc::error& e) {
        CHECK(e.code() == code);
        return e.what();
    }
    FAIL("expected mgcalc::error [" << mgcalc::to_string(code) << "], nothing was thrown");
    return {};
}

/// The whole of a file, byte for byte; a failed check when it cannot be opened.
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

using mgcalc::detail::quoted;

/// A fresh temporary folder for file tests, removed with everything in it at the end of the test.
struct temporary_folder {
    std::filesystem::path path;
    temporary_folder() {
        static int counter = 0;
        // Unique per process run and per folder: tests may run in parallel processes (ctest -j).
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        // Built with += : g++ 12 reports a bogus -Wrestrict for "literal" + std::string in inline code.
        std::string name = "mgcalc-test-";
        name += std::to_string(stamp);
        name += '-';
        name += std::to_string(++counter);
        path = std::filesystem::temp_directory_path() / name;
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    temporary_folder(const temporary_folder&) = delete;
    temporary_folder& operator=(const temporary_folder&) = delete;
    ~temporary_folder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

}  // namespace mgcalc_test
