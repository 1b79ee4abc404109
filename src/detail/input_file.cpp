#include "detail/input_file.hpp"

#include <mgcalc/error.hpp>

#include <filesystem>
#include <system_error>

namespace mgcalc::detail {

void require_regular_file(const std::string& path, std::string_view expected) {
    std::error_code ignored;
    const std::filesystem::file_status status = std::filesystem::status(path, ignored);
    if (std::filesystem::is_directory(status)) {
        throw error(errc::malformed_file, "is a folder; expected " + std::string(expected), error_location{.file = path});
    }
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        throw error(errc::malformed_file,
                    "is not a regular file (a device, FIFO or socket); expected " + std::string(expected),
                    error_location{.file = path});
    }
}

}  // namespace mgcalc::detail
