#include <mgcalc/error.hpp>

namespace mgcalc {

std::string_view to_string(errc code) noexcept {
    switch (code) {
        case errc::invalid_amount: return "invalid_amount";
        case errc::unknown_unit: return "unknown_unit";
        case errc::unknown_compound: return "unknown_compound";
        case errc::invalid_life_stage: return "invalid_life_stage";
        case errc::invalid_date: return "invalid_date";
        case errc::parse_error: return "parse_error";
        case errc::unknown_food: return "unknown_food";
        case errc::unknown_measure: return "unknown_measure";
        case errc::ambiguous_food: return "ambiguous_food";
        case errc::malformed_file: return "malformed_file";
    }
    return "unknown_error";
}

error::error(errc code, const std::string& message)
    : std::runtime_error("[mgcalc." + std::string(to_string(code)) + "] " + message), code_(code) {}

std::string_view error::message() const noexcept {
    const std::string_view text = what();
    return text.substr(std::string_view("[mgcalc.] ").size() + to_string(code_).size());
}

}  // namespace mgcalc
