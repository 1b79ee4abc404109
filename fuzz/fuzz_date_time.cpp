// Dates ("2024-03-01") and times of day ("21:45"): the parsers and their twins agree, and an
// accepted value written with to_string reads back as the same value.
#include "fuzz_support.hpp"

#include <mgcalc/dates.hpp>
#include <mgcalc/intake/time_of_day.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = mgcalc_fuzz::text_of(data, size);

    const mgcalc::result<mgcalc::year_month_day> date_attempt = mgcalc::try_parse_date(text);
    bool date_parsed = false;
    mgcalc_fuzz::only_mgcalc_errors([&] {
        const mgcalc::year_month_day day = mgcalc::parse_date(text);
        date_parsed = true;
        MGCALC_FUZZ_CHECK(day.ok());
        MGCALC_FUZZ_CHECK(mgcalc::parse_date(mgcalc::to_string(day)) == day);
    });
    MGCALC_FUZZ_CHECK(date_parsed == date_attempt.has_value());

    const mgcalc::result<mgcalc::time_of_day> time_attempt = mgcalc::try_parse_time_of_day(text);
    bool time_parsed = false;
    mgcalc_fuzz::only_mgcalc_errors([&] {
        const mgcalc::time_of_day time = mgcalc::parse_time_of_day(text);
        time_parsed = true;
        MGCALC_FUZZ_CHECK(mgcalc::parse_time_of_day(mgcalc::to_string(time)) == time);
    });
    MGCALC_FUZZ_CHECK(time_parsed == time_attempt.has_value());
    return 0;
}
