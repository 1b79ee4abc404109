// A layer-check fixture: every folder of src/ is a layer.
#include <mgcalc/units.hpp>
