// A layer-check fixture: the library may not include the command-line program.
#include "cli/common.hpp"
