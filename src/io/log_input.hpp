// io/log_input.hpp - the bytes of a log file before either format reads them (docs/log-format.md,
// "Limits"): the size limit, reading a whole file within it or streaming it in pieces, the
// refusal of binary and non-UTF-8 input, and positions (line and column) within the text.
// Private to src/io/.
#pragma once

#include <mgcalc/error.hpp>

#include <cstddef>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgcalc::detail {

// Ten years of a very detailed log (50 entries a day) is about 30 MB of canonical JSON; 64 MiB
// leaves room and still bounds the memory a hostile file can take.
inline constexpr std::size_t max_log_bytes = std::size_t{64} * 1024 * 1024;
inline constexpr std::string_view max_log_bytes_text = "64 MiB (67108864 bytes)";
/// The size of the pieces a log file is read in, whole (read_log_file) or streamed.
inline constexpr std::size_t log_piece_bytes = std::size_t{1} << 16;

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

/// A regular file read in pieces, for a reader that streams it instead of holding all of it (the
/// text of a long log would otherwise be in memory beside the log read from it). As the bytes go by
/// it checks what read_log_file and check_bytes check: the size limit, no NUL byte, UTF-8. It
/// gives no message and no position, only whether every byte was fine: a reader that meets any
/// problem reads the file whole instead (read_log_file), which says what and where.
class streamed_log_file {
public:
    /// Opens `path` if it is a regular file; not a pipe, which could not be read a second time.
    explicit streamed_log_file(const std::string& path);
    streamed_log_file(const streamed_log_file&) = delete;
    streamed_log_file& operator=(const streamed_log_file&) = delete;

    bool is_open() const noexcept { return open_; }
    /// Whether every byte read so far is within the limits and the file was read without an
    /// error; after the last byte, whether the whole file is. False for a file cut inside a
    /// character.
    bool bytes_ok() const noexcept { return ok_; }

    /// The bytes as an input iterator (what nlohmann::json::sax_parse takes); the default
    /// iterator is the end.
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = char;
        using difference_type = std::ptrdiff_t;
        using pointer = const char*;
        using reference = const char&;

        iterator() = default;
        explicit iterator(streamed_log_file* file) noexcept : file_(file) {}
        reference operator*() const noexcept { return file_->buffer_[file_->next_]; }
        iterator& operator++() noexcept {
            ++file_->next_;
            return *this;
        }
        void operator++(int) noexcept { ++file_->next_; }
        friend bool operator==(const iterator& a, const iterator& b) { return a.at_end() == b.at_end(); }

    private:
        bool at_end() const { return file_ == nullptr || (file_->next_ == file_->filled_ && !file_->refill()); }
        streamed_log_file* file_ = nullptr;
    };
    iterator begin() noexcept { return iterator(this); }
    iterator end() noexcept { return iterator(); }

private:
    /// Reads the next piece; false at the end of the file, after a read error or past the limit.
    bool refill();

    std::ifstream in_;
    std::vector<char> buffer_;
    std::size_t next_ = 0;     ///< the next byte for the reader
    std::size_t filled_ = 0;   ///< the end of the bytes in the buffer
    std::size_t checked_ = 0;  ///< the bytes before are checked; those after start a character cut by the piece's end
    std::size_t total_ = 0;    ///< bytes read from the file
    bool open_ = false;
    bool ended_ = false;
    bool ok_ = true;
};

}  // namespace mgcalc::detail
