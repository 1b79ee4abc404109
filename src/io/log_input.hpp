// io/log_input.hpp - the bytes of a log file before either format reads them (docs/log-format.md,
// "Limits"): the size limit, reading a whole file within it, the refusal of binary and non-UTF-8
// input, and positions (line and column) within the text. Private to src/io/.
#pragma once

#include <mgcalc/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace mgcalc::detail {

// Ten years of a very detailed log (50 entries a day) is about 30 MB of canonical JSON; 64 MiB
// leaves room and still bounds the memory a hostile file can take.
inline constexpr std::size_t max_log_bytes = std::size_t{64} * 1024 * 1024;
inline constexpr std::string_view max_log_bytes_text = "64 MiB (67108864 bytes)";

/// 1-based line and column of a byte offset; columns count characters (UTF-8 code points), and
/// the byte order mark is not a character.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);
/// The file, line and column of a byte offset.
error_location position(std::string_view origin, std::string_view text, std::size_t offset);

/// Refuses input that is too large, binary (a NUL byte) or not UTF-8, before any parsing. `what`
/// names the format in messages: "a JSON mgcalc log".
void check_bytes(std::string_view text, std::string_view origin, std::string_view what);
[[noreturn]] void throw_too_large(std::string_view origin, std::string_view what);
/// The text a writer made is refused when it is larger than the readers read.
[[noreturn]] void throw_too_large_to_write(std::size_t size, std::string_view format);

/// The whole of a log file, refused before it grows past the input limit. `what` names the
/// format: "mgcalc log file (JSON)".
std::string read_log_file(const std::string& path, std::string_view what);

}  // namespace mgcalc::detail
