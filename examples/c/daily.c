/* examples/c/daily.c - one day's magnesium through the C API (include/mgcalc/mgcalc.h).
 *
 *   cc daily.c $(pkg-config --cflags --libs mgcalc-c) -o daily && ./daily
 *
 * A woman of 34.5 eats a banana, a cup of cooked spinach and 30 g of cheddar, and takes 100 mg of
 * magnesium as glycinate; the day is compared with the IOM 1997 reference intakes. Every call
 * returns a status; on failure mgc_last_error_message() says what was wrong. */
#include <mgcalc/mgcalc.h>

#include <math.h>
#include <stdio.h>

/* Prints the failure of `call`, if it failed, and says whether it did. */
static int failed(int status, const char *call) {
    if (status == MGC_OK) return 0;
    fprintf(stderr, "%s: %s (status %d, %s)\n", call, mgc_last_error_message(), status, mgc_status_name(status));
    return 1;
}

int main(void) {
    static const char *foods[] = {"1 medium banana", "1 cup cooked spinach", "01009=30 g"};
    mgc_catalog *catalog = NULL;
    mgc_day *day = NULL;
    int exit_code = 1;

    if (failed(mgc_catalog_new(&catalog), "mgc_catalog_new")) goto done;
    if (failed(mgc_day_new(catalog, &day), "mgc_day_new")) goto done;
    for (size_t i = 0; i < sizeof foods / sizeof foods[0]; ++i) {
        if (failed(mgc_day_add_food(day, foods[i]), foods[i])) goto done;
    }
    if (failed(mgc_day_add_supplement(day, "glycinate=100 mg"), "glycinate=100 mg")) goto done;

    mgc_profile person;
    mgc_profile_init(&person);
    person.sex = MGC_FEMALE;
    person.age_years = 34.5;

    mgc_result result;
    mgc_result_init(&result);
    if (failed(mgc_evaluate(day, &person, &result), "mgc_evaluate")) goto done;

    printf("food %.1f mg + supplements %.1f mg = %.1f mg\n", result.food_mg, result.supplement_mg, result.total_mg);
    printf("target %.0f mg: %.1f%%", result.target_mg, result.percent_of_target);
    if (!isnan(result.ear_mg)) printf(", EAR %.0f mg%s", result.ear_mg, result.below_ear ? " (below it)" : "");
    printf("\n");
    if (!isnan(result.ul_supplemental_mg)) {
        printf("supplemental UL %.0f mg%s\n", result.ul_supplemental_mg, result.over_ul ? ": over it" : "");
    }
    printf("unknown entries: %d, warnings: %d\n", result.unknown_entries, result.warnings);

    /* A typo in a dose is an error with a stable code, and the day is unchanged. */
    const int status = mgc_day_add_supplement(day, "glycinate=-5 mg");
    printf("\"glycinate=-5 mg\": %s\n", mgc_status_name(status));
    exit_code = status == MGC_INVALID_AMOUNT ? 0 : 1;

done:
    mgc_day_free(day);
    mgc_catalog_free(catalog);
    return exit_code;
}
