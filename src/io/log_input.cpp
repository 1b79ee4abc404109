// The bytes of a log file (io/log_input.hpp).
#include "io/log_input.hpp"

#include "detail/input_file.hpp"
#include "detail/utf8.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace mgcalc::detail {

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t line_start = text.starts_with(utf8::byte_order_mark) ? std::min(utf8::byte_order_mark.size(), offset) : 0;
    for (std::size_t i = line_start; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, 1 + utf8::count_characters(text.substr(line_start, offset - line_start))};
}

error_location position(std::string_view origin, std::string_view text, std::size_t offset) {
    const auto [line, column] = line_and_column(text, offset);
    return {.file = std::string(origin), .line = line, .column = column};
}

void throw_too_large(std::string_view origin, std::string_view what) {
    throw error(errc::malformed_file,
                "the input is larger than " + std::string(max_log_bytes_text) + ", the most mgcalc reads; expected " +
                    std::string(what) + " of at most that size",
                {.file = std::string(origin)});
}

// The canonical text may be larger than the input it came from (indentation), so writing checks
// the limit too: mgcalc never writes a log it would refuse to read.
void throw_too_large_to_write(std::size_t size, std::string_view format) {
    throw error(errc::malformed_file, "cannot write the log: its " + std::string(format) + " text would be " +
                                          std::to_string(size) + " bytes, more than the " +
                                          std::string(max_log_bytes_text) +
                                          " mgcalc reads; expected a smaller log (split it, e.g. by year)");
}

void check_bytes(std::string_view text, std::string_view origin, std::string_view what) {
    if (text.size() > max_log_bytes) throw_too_large(origin, what);
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        throw error(errc::malformed_file,
                    "a NUL byte (0x00), so this looks like a binary file; expected " + std::string(what) +
                        " as UTF-8 text",
                    position(origin, text, nul));
    if (const std::size_t bad = utf8::invalid_at(text); bad != std::string_view::npos)
        throw error(errc::malformed_file,
                    "byte " + utf8::hex_byte(static_cast<unsigned char>(text[bad])) + " is not valid UTF-8; expected " +
                        std::string(what) + " as UTF-8 text (save the file as UTF-8)",
                    position(origin, text, bad));
}

std::string read_log_file(const std::string& path, std::string_view what) {
    require_regular_file(path, "an " + std::string(what));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw error(errc::malformed_file,
                    "cannot open the file; expected a readable " + std::string(what) + " at this path", {.file = path});
    std::string text;
    char buffer[log_piece_bytes];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_log_bytes) throw_too_large(path, "an " + std::string(what));
    }
    if (in.bad())
        throw error(errc::malformed_file, "cannot read the file; expected a readable " + std::string(what),
                    {.file = path});
    return text;
}

streamed_log_file::streamed_log_file(const std::string& path) {
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(path, ignored)) return;
    in_.open(path, std::ios::binary);
    open_ = in_.is_open();
    if (open_) buffer_.resize(log_piece_bytes);
}

namespace {

/// How many bytes the character whose first byte is `lead` takes (1 for a byte that cannot start
/// one: the check of the whole piece refuses it).
std::size_t sequence_length(unsigned char lead) noexcept {
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 1;
}

}  // namespace

bool streamed_log_file::refill() {
    if (ended_) return false;
    // The bytes of a character that the last piece cut are kept in front of the next piece, so
    // that the UTF-8 check sees whole characters; the reader has already had them.
    const std::size_t kept = filled_ - checked_;
    std::memmove(buffer_.data(), buffer_.data() + checked_, kept);
    next_ = filled_ = kept;
    checked_ = 0;
    in_.read(buffer_.data() + kept, static_cast<std::streamsize>(buffer_.size() - kept));
    const auto got = static_cast<std::size_t>(in_.gcount());
    total_ += got;
    if (got == 0 || total_ > max_log_bytes) {
        ended_ = true;
        if (in_.bad() || kept > 0 || total_ > max_log_bytes) ok_ = false;
        return false;
    }
    filled_ = kept + got;
    std::size_t whole = filled_;
    for (std::size_t back = 1; back <= 3 && back <= filled_; ++back) {
        const auto byte = static_cast<unsigned char>(buffer_[filled_ - back]);
        if (utf8::is_continuation(byte)) continue;
        if (sequence_length(byte) > back) whole = filled_ - back;
        break;
    }
    const std::string_view piece(buffer_.data(), filled_);
    if (std::memchr(buffer_.data() + kept, '\0', got) != nullptr ||
        utf8::invalid_at(piece.substr(0, whole)) != std::string_view::npos)
        ok_ = false;
    checked_ = whole;
    return true;
}

}  // namespace mgcalc::detail
