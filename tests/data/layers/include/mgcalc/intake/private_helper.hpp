// A layer-check fixture: a public header may not include a private src/detail/ helper.
#pragma once
#include "detail/text.hpp"
