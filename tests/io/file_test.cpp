// Tests for mgcalc/io/file.hpp: saving a file whole or not at all, never over an input.
#include <mgcalc/error.hpp>
#include <mgcalc/io/file.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using mgcalc_test::read_file;
using mgcalc_test::temporary_folder;
using mgcalc_test::thrown_by;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("file: save_file writes a new file and replaces an old one whole", "[file]") {
    const temporary_folder folder;
    const std::string path = folder.file("chart.svg");
    mgcalc::save_file(path, "first");
    CHECK(read_file(path) == "first");
    mgcalc::save_file(path, std::string("second\0with a NUL", 17), "the chart");
    CHECK(read_file(path) == std::string("second\0with a NUL", 17));
    // Nothing is left beside it: the temporary file was renamed over the target.
    std::vector<std::string> names;
    for (const auto& item : fs::directory_iterator(folder.path)) names.push_back(item.path().filename().string());
    CHECK(names == std::vector<std::string>{"chart.svg"});
}

TEST_CASE("file: save_file keeps the permissions of the file it replaces", "[file]") {
    const temporary_folder folder;
    const std::string path = folder.file("log.json");
    write(path, "old");
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    mgcalc::save_file(path, "new");
    CHECK(read_file(path) == "new");
    CHECK((fs::status(path).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("file: save_file through a symbolic link replaces the file it points to", "[file]") {
    const temporary_folder folder;
    const std::string target = folder.file("real.json");
    const std::string link = folder.file("link.json");
    write(target, "old");
    fs::create_symlink(target, link);
    mgcalc::save_file(link, "new");
    CHECK(fs::is_symlink(link));
    CHECK(read_file(target) == "new");
}

TEST_CASE("file: save_file refuses to replace an input, by identity rather than spelling", "[file]") {
    const temporary_folder folder;
    const std::string log = folder.file("log.json");
    write(log, "the log");
    const std::vector<std::string> inputs{"", log};
    const std::string same = (folder.path / "." / "log.json").string();
    const mgcalc::error e = thrown_by([&] { mgcalc::save_file(same, "<svg/>", "the chart", inputs); });
    CHECK(e.code() == mgcalc::errc::malformed_file);
    CHECK(e.where().file == same);
    CHECK(std::string(e.message()) == "is also the input " + log +
                                          "; expected another path for the chart (it would replace the file it was "
                                          "made from)");
    CHECK(read_file(log) == "the log");
    // Another path is written, even with the inputs given.
    mgcalc::save_file(folder.file("chart.svg"), "<svg/>", "the chart", inputs);
    CHECK(read_file(folder.file("chart.svg")) == "<svg/>");
}

TEST_CASE("file: save_file names the path when it cannot write", "[file]") {
    const temporary_folder folder;
    const std::string no_folder = folder.file("missing/chart.svg");
    const mgcalc::error missing = thrown_by([&] { mgcalc::save_file(no_folder, "x", "the chart"); });
    CHECK(missing.where().file == no_folder);
    CHECK(std::string(missing.what()) == "[mgcalc.malformed_file] " + no_folder +
                                             ": cannot write the file; expected a writable path for the chart (does "
                                             "the folder exist?)");
    const mgcalc::error folder_given = thrown_by([&] { mgcalc::save_file(folder.path.string(), "x"); });
    CHECK(folder_given.where().file == folder.path.string());
    CHECK(std::string(folder_given.message()) == "is a folder; expected a file path for the file");
    CHECK(fs::is_empty(folder.path));
}

TEST_CASE("file: save_file written in pieces replaces the file whole, or leaves it as it was", "[file]") {
    temporary_folder folder;
    const std::string path = folder.file("results.csv");
    std::ofstream(path) << "previous\n";
    mgcalc::save_file(path, [](std::ostream& out) {
        for (int i = 0; i < 3; ++i) out << "piece " << i << '\n';
    });
    CHECK(read_file(path) == "piece 0\npiece 1\npiece 2\n");
    // A writer that fails half-way leaves the file of before, and no temporary file beside it.
    CHECK_THROWS_AS(mgcalc::save_file(path,
                                      [](std::ostream& out) {
                                          out << "half";
                                          throw mgcalc::error(mgcalc::errc::invalid_amount, "stopped");
                                      }),
                    mgcalc::error);
    CHECK(read_file(path) == "piece 0\npiece 1\npiece 2\n");
    CHECK(!fs::exists(path + ".mgcalc-saving"));
}
