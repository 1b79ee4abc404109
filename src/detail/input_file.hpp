// Internal: the one check every reader of a named file makes before it opens the file.
#pragma once

#include <string>
#include <string_view>

namespace mgcalc::detail {

/// Throws error(malformed_file, "FILE: ...") unless `path` names a regular file: a folder, and a
/// device (/dev/zero), FIFO or socket, which may never end, are refused before anything is read,
/// so no reader hangs or fills memory on them. A path that does not exist is left to the opener,
/// which says it cannot open it. `expected` names what would be accepted ("an mgcalc log file
/// (JSON)").
void require_regular_file(const std::string& path, std::string_view expected);

}  // namespace mgcalc::detail
