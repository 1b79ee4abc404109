/* A C program of the package consumer (tests/consumer/CMakeLists.txt): mgcalc::c gives the header
 * and libmgcalc-c. Exits nonzero unless a day evaluates to the RDA of a woman of 30. */
#include <mgcalc/mgcalc.h>

#include <stdio.h>

int main(void) {
    mgc_catalog *catalog = NULL;
    mgc_day *day = NULL;
    mgc_profile person;
    mgc_result result;
    int ok = mgc_catalog_new(&catalog) == MGC_OK && mgc_day_new(catalog, &day) == MGC_OK &&
             mgc_day_add_food(day, "12061=30 g") == MGC_OK;
    mgc_profile_init(&person);
    person.age_years = 30.0;
    mgc_result_init(&result);
    ok = ok && mgc_evaluate(day, &person, &result) == MGC_OK && result.target_mg == 310.0 && result.total_mg > 0;
    printf("app_c: %s (%.1f mg of %.0f mg)\n", ok ? "ok" : mgc_last_error_message(), result.total_mg, result.target_mg);
    mgc_day_free(day);
    mgc_catalog_free(catalog);
    return ok ? 0 : 1;
}
