// mgcalc/io/file.hpp - saving a file mgcalc made (a log, a chart, a report) so that a failed
// write never leaves it cut short and a report never replaces what it was made from.
//
// Opt-in: not included by <mgcalc/mgcalc.hpp>.
#pragma once

#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

namespace mgcalc {

/// Writes `content` to `path`: to "<path>.mgcalc-saving" next to it first, then renamed over it,
/// so that a failed write (a full disk) leaves the previous file as it was. A symbolic link is
/// followed (the file it points to is replaced) and the replaced file's permissions are kept.
/// `inputs` are the files the content was made from (a report's log): `path` naming one of them
/// is refused before anything is written, so that a chart never replaces the log it shows.
/// `what` names the file in messages: "the log", "the chart". Throws mgcalc::error
/// (malformed_file) with the path as where().file.
void save_file(const std::string& path, std::string_view content, std::string_view what = "the file",
               std::span<const std::string> inputs = {});
/// The same for content written piece by piece by `write` into the stream it is given, so that a
/// large file (a batch's results) is never held whole in memory. A write that fails, or an
/// exception from `write`, leaves the previous file as it was.
void save_file(const std::string& path, const std::function<void(std::ostream&)>& write,
               std::string_view what = "the file", std::span<const std::string> inputs = {});

}  // namespace mgcalc
