/* The C API called from 8 threads at once: one shared catalog, each thread its own days, errors
 * and batches. Every thread must get the numbers the main thread got alone, and its own error
 * messages. Run by CTest (c_api.threads), also under ThreadSanitizer builds. */
#include <mgcalc/mgcalc.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum { thread_count = 8, rounds = 25 };

static const char *const foods[] = {"1 medium banana", "1 cup cooked spinach", "12014=1 oz", "almonds 30g"};
static const char *const doses[] = {"glycinate=200 mg", "oxide=500 mg compound"};

typedef struct {
    const mgc_catalog *catalog;
    mgc_result expected;
    int failures;
} job;

/* One day's result, or a status other than MGC_OK. */
static int evaluate_day(const mgc_catalog *catalog, mgc_result *out) {
    mgc_day *day = NULL;
    int status = mgc_day_new(catalog, &day);
    for (size_t i = 0; status == MGC_OK && i < sizeof foods / sizeof foods[0]; ++i) status = mgc_day_add_food(day, foods[i]);
    for (size_t i = 0; status == MGC_OK && i < sizeof doses / sizeof doses[0]; ++i) {
        status = mgc_day_add_supplement(day, doses[i]);
    }
    mgc_profile person;
    mgc_profile_init(&person);
    person.sex = MGC_MALE;
    person.age_years = 52.25;
    mgc_result_init(out);
    if (status == MGC_OK) status = mgc_evaluate(day, &person, out);
    char *json = NULL;
    if (status == MGC_OK) status = mgc_result_json(day, &person, &json);
    mgc_free(json);
    mgc_day_free(day);
    return status;
}

static void *work(void *argument) {
    job *j = argument;
    for (int round = 0; round < rounds; ++round) {
        mgc_result r;
        if (evaluate_day(j->catalog, &r) != MGC_OK || r.total_mg != j->expected.total_mg ||
            r.food_mg != j->expected.food_mg || r.percent_of_target != j->expected.percent_of_target ||
            r.over_ul != j->expected.over_ul) {
            ++j->failures;
        }
        /* An error on this thread has this thread's message. */
        uint32_t index = 0;
        if (mgc_compound_index("unobtainium", &index) != MGC_UNKNOWN_COMPOUND ||
            strstr(mgc_last_error_message(), "unobtainium") == NULL) {
            ++j->failures;
        }
        char *hits = NULL;
        if (mgc_search_foods_json(j->catalog, "black beans", 3, &hits) != MGC_OK || strstr(hits, "Beans") == NULL) {
            ++j->failures;
        }
        mgc_free(hits);
    }
    return NULL;
}

int main(void) {
    mgc_catalog *catalog = NULL;
    if (mgc_catalog_new(&catalog) != MGC_OK) return 1;
    job jobs[thread_count];
    mgc_result alone;
    if (evaluate_day(catalog, &alone) != MGC_OK) {
        fprintf(stderr, "threads: %s\n", mgc_last_error_message());
        return 1;
    }
    pthread_t threads[thread_count];
    for (int i = 0; i < thread_count; ++i) {
        jobs[i].catalog = catalog;
        jobs[i].expected = alone;
        jobs[i].failures = 0;
        if (pthread_create(&threads[i], NULL, work, &jobs[i]) != 0) return 1;
    }
    int failures = 0;
    for (int i = 0; i < thread_count; ++i) {
        pthread_join(threads[i], NULL);
        failures += jobs[i].failures;
    }
    mgc_catalog_free(catalog);
    printf("%d threads x %d rounds: %d failures (total %.1f mg each time)\n", thread_count, rounds, failures,
           alone.total_mg);
    return failures == 0 ? 0 : 1;
}
