// The batch's CSV files read from memory: people.csv, entries.csv and, after a second NUL byte,
// supplements.csv, over the embedded catalog. Files it accepts evaluate to finite person-day
// totals of 0 or more, and its results CSV is written. The first byte chooses skip_bad_rows, so
// both ways of meeting a bad row are read.
#include "fuzz_support.hpp"

#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/io/batch_files.hpp>

#include <algorithm>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const mgcalc::food_catalog catalog;
    if (size == 0) return 0;
    mgcalc::batch_file_options options;
    options.skip_bad_rows = (data[0] & 1) != 0;
    const std::string_view text = mgcalc_fuzz::text_of(data + 1, size - 1);
    const auto parts = mgcalc_fuzz::parts_of(text, 3);
    mgcalc::batch_file_texts files{{parts[0], "people.csv"}, {parts[1], "entries.csv"}, std::nullopt};
    if (std::count(text.begin(), text.end(), '\0') >= 2) files.supplements = mgcalc::batch_file_text{parts[2], "supplements.csv"};

    mgcalc_fuzz::only_mgcalc_errors([&] {
        const mgcalc::batch_input input = mgcalc::read_batch_files(catalog, files, options);
        mgcalc::batch_options run;
        run.threads = 1;  // the fuzzer's process stays one thread; results do not depend on it
        const mgcalc::batch_result result =
            mgcalc::evaluate_batch(input.foods, input.people, input.entries(), input.supplements(), run);
        for (const mgcalc::person_day& day : result.days) {
            MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(day.food.value()));
            MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(day.supplement.value()));
            MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(day.total.value()));
            if (result.reference_of(day)) MGCALC_FUZZ_CHECK(mgcalc_fuzz::finite_non_negative(day.percent_of_target));
        }
        std::ostringstream out;
        mgcalc::write_batch_results_csv(out, input, result);
        (void)mgcalc::rejects_csv(input.rejects);
    });
    return 0;
}
