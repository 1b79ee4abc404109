// The C API's text entry points (include/mgcalc/mgcalc.h) with fuzz bytes as their strings: the
// input is up to ten strings separated by NUL bytes (a food entry, a supplement dose, a search
// query, a sex, a date, an authority, an infant feeding, a compound, a unit, a basis). Every call
// returns a status the header defines; a failure leaves a NUL-terminated message (ASan checks
// the read) and no text; a success's text is NUL-terminated JSON; evaluated numbers are finite
// and of 0 or more.
#include "fuzz_support.hpp"

#include <mgcalc/mgcalc.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <string>

namespace {

void check_status(int status) {
    MGCALC_FUZZ_CHECK((status >= MGC_OK && status <= MGC_NOT_COVERED) ||
                      (status >= MGC_OUT_OF_MEMORY && status <= MGC_BUFFER_TOO_SMALL));
    MGCALC_FUZZ_CHECK(std::strcmp(mgc_status_name(status), "unknown_status") != 0);
    // The internal status is a defect in mgcalc by its own definition.
    MGCALC_FUZZ_CHECK(status != MGC_INTERNAL);
    if (status != MGC_OK) {
        const char* message = mgc_last_error_message();
        MGCALC_FUZZ_CHECK(message != nullptr);
        MGCALC_FUZZ_CHECK(std::strlen(message) > 0);
    }
}

/// A call that returns text: JSON on success, NULL on failure.
void check_json(int status, char* json) {
    check_status(status);
    if (status == MGC_OK) {
        MGCALC_FUZZ_CHECK(json != nullptr);
        MGCALC_FUZZ_CHECK(nlohmann::json::accept(std::string(json)));
    } else {
        MGCALC_FUZZ_CHECK(json == nullptr);
    }
    mgc_free(json);
}

/// NULL for an absent part, so that the default of each optional argument is fuzzed too.
const char* or_null(const std::string& text) { return text.empty() ? nullptr : text.c_str(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static mgc_catalog* catalog = [] {
        mgc_catalog* c = nullptr;
        if (mgc_catalog_new(&c) != MGC_OK) __builtin_trap();
        return c;
    }();
    const auto views = mgcalc_fuzz::parts_of(mgcalc_fuzz::text_of(data, size), 10);
    std::string part[10];
    for (std::size_t i = 0; i < 10; ++i) part[i] = std::string(views[i]);  // NUL-terminated for C

    char* json = nullptr;
    check_json(mgc_resolve_food_json(catalog, part[0].c_str(), &json), json);
    json = nullptr;
    check_json(mgc_search_foods_json(catalog, part[2].c_str(), 3, &json), json);

    mgc_sex sex = MGC_FEMALE;
    const int sex_status = mgc_parse_sex(part[3].c_str(), &sex);
    check_status(sex_status);
    std::int32_t day_number = 0;
    check_status(mgc_parse_day(part[4].c_str(), &day_number));

    mgc_profile profile;
    mgc_profile_init(&profile);
    profile.sex = sex_status == MGC_OK ? sex : MGC_FEMALE;
    // The date's day number picks an age from 0 to 120 years in months, so infants are reached.
    profile.age_years = static_cast<double>(static_cast<std::uint32_t>(day_number) % 1441u) / 12.0;
    profile.authority = or_null(part[5]);
    profile.infant_feeding = or_null(part[6]);
    json = nullptr;
    check_json(mgc_reference_json(&profile, &json), json);

    mgc_day* day = nullptr;
    check_status(mgc_day_new(catalog, &day));
    if (day == nullptr) __builtin_trap();
    check_status(mgc_day_add_food(day, part[0].c_str()));
    check_status(mgc_day_add_supplement(day, part[1].c_str()));
    mgc_result result;
    mgc_result_init(&result);
    const int evaluated = mgc_evaluate(day, &profile, &result);
    check_status(evaluated);
    if (evaluated == MGC_OK) {
        MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(result.food_mg));
        MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(result.supplement_mg));
        MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(result.total_mg));
        MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(result.percent_of_target));
        MGCALC_FUZZ_CHECK(result.unknown_entries >= 0 && result.warnings >= 0);
    }
    json = nullptr;
    check_json(mgc_result_json(day, &profile, &json), json);
    mgc_day_free(day);

    std::uint32_t index = 0;
    check_status(mgc_catalog_food_index(catalog, part[0].c_str(), &index));
    check_status(mgc_compound_index(part[7].c_str(), &index));
    double mg_per_unit = 0;
    int is_compound_mass = 0;
    const int unit_status =
        mgc_dose_unit(part[7].c_str(), part[8].c_str(), or_null(part[9]), &index, &mg_per_unit, &is_compound_mass);
    check_status(unit_status);
    if (unit_status == MGC_OK) MGCALC_FUZZ_CHECK(std::isfinite(mg_per_unit) && mg_per_unit > 0);
    return 0;
}
