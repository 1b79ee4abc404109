// Saving a file (mgcalc/io/file.hpp).
#include <mgcalc/io/file.hpp>

#include <mgcalc/error.hpp>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace mgcalc {

void save_file(const std::string& path, std::string_view content, std::string_view what,
               std::span<const std::string> inputs) {
    save_file(
        path, [&](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); }, what,
        inputs);
}

void save_file(const std::string& path, const std::function<void(std::ostream&)>& write, std::string_view what,
               std::span<const std::string> inputs) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw error(errc::malformed_file, "is a folder; expected a file path for " + std::string(what), {.file = path});
    for (const std::string& input : inputs) {
        // The same file by identity, not by spelling ("./log.json", a link to it); a path that
        // does not exist yet cannot be an input.
        if (!input.empty() && fs::equivalent(path, input, ec) && !ec)
            throw error(errc::malformed_file,
                        "is also the input " + input + "; expected another path for " + std::string(what) +
                            " (it would replace the file it was made from)",
                        {.file = path});
    }
    fs::path target = path;
    if (fs::is_symlink(target, ec)) {
        const fs::path resolved = fs::weakly_canonical(target, ec);
        if (!ec) target = resolved;
    }
    const fs::path temporary = target.string() + ".mgcalc-saving";
    auto fail = [&](const std::string& why) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw error(errc::malformed_file, why, {.file = path});
    };
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) fail("cannot write the file; expected a writable path for " + std::string(what) + " (does the folder exist?)");
        try {
            write(out);
        } catch (...) {
            out.close();
            std::error_code ignored;
            fs::remove(temporary, ignored);
            throw;
        }
        out.close();
        if (!out) fail("writing the file failed (is the disk full?); the previous file is unchanged");
    }
    // Keep the permissions of the file being replaced.
    if (const fs::file_status status = fs::status(target, ec); !ec && fs::exists(status))
        fs::permissions(temporary, status.permissions(), ec);
    fs::rename(temporary, target, ec);
    if (ec) fail("cannot replace the file (" + ec.message() + "); the previous file is unchanged");
}

}  // namespace mgcalc
