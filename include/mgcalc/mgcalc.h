/* mgcalc/mgcalc.h - the C API of mgcalc: one door for Swift, Kotlin, Python, JavaScript and
 * every other language that can call C. C99; link libmgcalc-c (pkg-config mgcalc-c, or the CMake
 * target mgcalc::c). docs/c-api.md documents every function with an example.
 *
 * Conventions:
 *   - Every function that can fail returns an int status: MGC_OK (0) or an mgc_status code. The
 *     codes 1-11 are mgcalc::errc's stable numbers; the others are the C API's own. After a
 *     failure, mgc_last_error_message() holds the message of the C++ error ("[mgcalc.CODE] ..."),
 *     for this thread.
 *   - No C++ type and no exception crosses this boundary. Null pointers, text that is not UTF-8
 *     and structs of another version are errors, never crashes.
 *   - Handles (mgc_catalog, mgc_day) are opaque, made by a _new function and released by the
 *     matching _free, which accepts NULL. A catalog may be used by many threads at once; a day by
 *     one thread at a time.
 *   - Structs passed in or out start with a version field: call the _init function first, which
 *     sets it and every field to its default.
 *   - Every amount's unit is in its name: _mg is milligrams of elemental magnesium, grams grams.
 *     Days are days since 1970-01-01 (the proleptic Gregorian calendar, as std::chrono::sys_days).
 *   - Text in and out is UTF-8. Text the library returns is freed with mgc_free(); a function that
 *     returns text through a char ** sets it to NULL when it fails.
 */
#ifndef MGCALC_MGCALC_H
#define MGCALC_MGCALC_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && defined(MGC_BUILDING_LIBRARY)
#define MGC_API __declspec(dllexport)
#elif defined(_WIN32)
#define MGC_API __declspec(dllimport)
#elif defined(__GNUC__)
#define MGC_API __attribute__((visibility("default")))
#else
#define MGC_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header's structs. A struct whose version field differs is refused with
 * MGC_VERSION_MISMATCH, so a program built against a later header fails clearly. */
#define MGC_STRUCT_VERSION 1

/* A day number that stands for "no day": no birth date, no pregnancy, no lactation. */
#define MGC_NO_DAY INT32_MIN

/* Status codes. 1-11 are mgcalc::errc (mgcalc/error.hpp); they never change meaning. */
typedef enum {
    MGC_OK = 0,
    MGC_INVALID_AMOUNT = 1,     /* negative, NaN, infinite or implausibly large amount */
    MGC_UNKNOWN_UNIT = 2,       /* a unit word mgcalc does not know ("spoon") */
    MGC_UNKNOWN_COMPOUND = 3,   /* no magnesium compound has this id or alias */
    MGC_INVALID_LIFE_STAGE = 4, /* impossible sex, age, pregnancy or lactation */
    MGC_INVALID_DATE = 5,       /* a day that does not exist or ranges out of order */
    MGC_PARSE_ERROR = 6,        /* text that does not follow the documented form, or is not UTF-8 */
    MGC_UNKNOWN_FOOD = 7,       /* no food has this id or description */
    MGC_UNKNOWN_MEASURE = 8,    /* the food has no portion with this household measure */
    MGC_AMBIGUOUS_FOOD = 9,     /* a plain food id found in more than one food database */
    MGC_MALFORMED_FILE = 10,    /* a data file that does not follow its format */
    MGC_NOT_COVERED = 11,       /* the authority's table has no value for this life stage */
    MGC_OUT_OF_MEMORY = 100,    /* an allocation failed, or a count is too large to allocate for */
    MGC_INTERNAL = 101,         /* a defect in mgcalc: please report the message */
    MGC_NULL_ARGUMENT = 102,    /* a pointer that must not be NULL was NULL */
    MGC_VERSION_MISMATCH = 103, /* a struct's version field is not MGC_STRUCT_VERSION */
    MGC_BUFFER_TOO_SMALL = 104  /* the caller's arrays hold fewer rows than the result has */
} mgc_status;

/* "invalid_amount", "out_of_memory", ...: the stable name of a status ("unknown_status" for a
 * number that is none). A static string; never freed. */
MGC_API const char *mgc_status_name(int status);

/* The message of the last call on this thread that failed: "[mgcalc.unknown_food] no food
 * matches ...". "" before any failure. Valid until the thread's next failing call. */
MGC_API const char *mgc_last_error_message(void);

/* Frees text returned by mgcalc (mgc_result_json, ...). NULL is ignored. */
MGC_API void mgc_free(void *text);

/* The library's version, "0.1.0". A static string. */
MGC_API const char *mgc_version(void);

/* ---- Foods ----------------------------------------------------------------------------- */

/* Foods: the embedded USDA SR24 data (7,907 foods), plus databases loaded with
 * mgc_catalog_load. Read-only once loaded: any number of threads may use one catalog. */
typedef struct mgc_catalog mgc_catalog;

MGC_API int mgc_catalog_new(mgc_catalog **out);
MGC_API void mgc_catalog_free(mgc_catalog *c);
/* Adds a food database on top (searched first): "csv:FILE", "fdc:DIR" or "sr28:DIR", as the
 * command line's --food-db (docs/food-data.md). Not while other threads use the catalog. */
MGC_API int mgc_catalog_load(mgc_catalog *c, const char *spec);
/* Food search hits, best first, as JSON: [{"id", "source", "description", "magnesium_per_100g_mg",
 * ...}] (`mgcalc foods search --format json`). `limit` 0 means 10. Free *json_out with mgc_free. */
MGC_API int mgc_search_foods_json(const mgc_catalog *c, const char *query, size_t limit, char **json_out);
/* A typed food entry ("1 cup black beans", "12014=1 oz") read into a food, grams and magnesium, as
 * JSON (`mgcalc foods resolve --format json`). Free *json_out with mgc_free. */
MGC_API int mgc_resolve_food_json(const mgc_catalog *c, const char *entry, char **json_out);

/* ---- People ---------------------------------------------------------------------------- */

typedef enum { MGC_FEMALE = 0, MGC_MALE = 1 } mgc_sex;

/* Text read as the command line and the batch files read it, for callers that hold text columns:
 * a sex ("female", "male", "f", "m", ...) as an mgc_sex, and an ISO date ("2024-03-01") as a day
 * number. */
MGC_API int mgc_parse_sex(const char *text, mgc_sex *sex_out);
MGC_API int mgc_parse_day(const char *text, int32_t *day_out);

typedef struct {
    unsigned version;      /* MGC_STRUCT_VERSION, set by mgc_profile_init */
    mgc_sex sex;           /* default MGC_FEMALE */
    double age_years;      /* exact age, with fraction (0.75, 34.5); default NAN: must be set */
    int pregnant;          /* nonzero: pregnant */
    int lactating;         /* nonzero: lactating (breastfeeding) */
    const char *authority; /* NULL: "iom"; also "efsa", "who", "uk", "dach", "anz" */
    const char *infant_feeding; /* under 12 months: NULL, "breast-fed" or "formula-fed" (WHO/FAO 0-6 months needs it) */
} mgc_profile;

MGC_API void mgc_profile_init(mgc_profile *p);

/* The reference intakes of a profile, with the person as understood, as JSON (`mgcalc reference
 * --format json`). Free *json_out with mgc_free. */
MGC_API int mgc_reference_json(const mgc_profile *p, char **json_out);

/* What kind of value a target is (docs/reference-intakes.md). */
typedef enum {
    MGC_TARGET_RDA = 0, /* Recommended Dietary Allowance (IOM) */
    MGC_TARGET_AI = 1,  /* Adequate Intake: IOM infants, EFSA, D-A-CH's estimated values */
    MGC_TARGET_PRI = 2, /* Population Reference Intake (EFSA's RDA) */
    MGC_TARGET_RNI = 3, /* Reference Nutrient Intake (WHO/FAO, UK COMA) */
    MGC_NO_TARGET = 255 /* the authority's table has no value for the life stage */
} mgc_target_kind;

/* "rda", "ai", "pri", "rni", as the CSV and JSON documents write them; "" for MGC_NO_TARGET and
 * any other number. A static string. */
MGC_API const char *mgc_target_kind_name(int kind);

/* ---- One day --------------------------------------------------------------------------- */

/* One day's entries. It keeps a pointer to its catalog, which must outlive it. */
typedef struct mgc_day mgc_day;

MGC_API int mgc_day_new(const mgc_catalog *c, mgc_day **out);
MGC_API void mgc_day_free(mgc_day *d);
/* A food as typed on the command line's --food: words with an amount ("1 cup black beans",
 * "almonds 30g") or FOOD=SERVING ("12014=1 oz", "usda-sr24:09040=1 medium"), optionally
 * "@HH:MM". Resolved now: an unknown food or measure is an error here, and the day is unchanged. */
MGC_API int mgc_day_add_food(mgc_day *d, const char *entry);
/* A dose as typed on --supplement: "glycinate=200 mg" (elemental magnesium), "oxide=500 mg
 * compound" (the compound's mass), "magnesium glycinate 200 mg" (docs/compounds.md). */
MGC_API int mgc_day_add_supplement(mgc_day *d, const char *dose);

typedef struct {
    unsigned version;          /* MGC_STRUCT_VERSION, set by mgc_result_init */
    double food_mg;            /* from food entries with a known magnesium value */
    double supplement_mg;      /* elemental magnesium from supplements */
    double total_mg;           /* food + supplement; a lower bound when unknown_entries > 0 */
    int unknown_entries;       /* food entries without magnesium data: counted, never added as 0 */
    double target_mg;          /* the RDA, AI, PRI or RNI */
    int target_kind;           /* an mgc_target_kind */
    double ear_mg;             /* NAN where the authority sets no EAR */
    double ul_supplemental_mg; /* the UL for supplements and medicines; NAN where none is set */
    double percent_of_target;  /* total / target x 100 */
    int over_ul;               /* nonzero: supplement_mg is over ul_supplemental_mg */
    int below_ear;             /* nonzero: total_mg is below ear_mg */
    int warnings;              /* how many warnings the day has (mgc_result_json lists them) */
} mgc_result;

MGC_API void mgc_result_init(mgc_result *r);
/* Evaluates the day for the profile. `out` must have been set up by mgc_result_init. */
MGC_API int mgc_evaluate(const mgc_day *d, const mgc_profile *p, mgc_result *out);
/* The whole day report as JSON, the document `mgcalc report --format json` prints for the same
 * entries and person: entries, warnings, how each food was matched, suggestions; "date" is
 * today's date. Free *json_out with mgc_free. */
MGC_API int mgc_result_json(const mgc_day *d, const mgc_profile *p, char **json_out);

/* ---- Many people's days at once ---------------------------------------------------------- */

/* The index of a food for the batch's food column: an id, SOURCE:ID or words, resolved as the
 * batch files' `food` column is (docs/population.md). The same food always gets the same index. */
MGC_API int mgc_catalog_food_index(mgc_catalog *c, const char *food, uint32_t *index_out);
/* The index of a compound for the batch's supplement column: an id or alias ("glycinate",
 * "magnesium citrate", "magnesium" for a form not stated). */
MGC_API int mgc_compound_index(const char *compound, uint32_t *index_out);

/* One `unit` ("mg" or "g") of a compound on a `basis` ("elemental", "compound"; NULL or "" is
 * elemental), for a column of doses in that unit, as the batch files' supplements are read: the
 * compound's index, the milligrams of one unit, and whether they are the compound's mass. A dose of
 * `amount` units is then amount x *mg_per_unit_out mg. */
MGC_API int mgc_dose_unit(const char *compound, const char *unit, const char *basis, uint32_t *compound_index_out,
                          double *mg_per_unit_out, int *is_compound_mass_out);

/* One person of a batch. */
typedef struct {
    unsigned version;            /* MGC_STRUCT_VERSION, set by mgc_batch_person_init */
    mgc_sex sex;
    int32_t birth_day;           /* MGC_NO_DAY when age_years is given instead */
    double age_years;            /* the age on every day (a survey's age at interview); NAN with a birth_day */
    int32_t pregnant_from_day;   /* first and last day pregnant, MGC_NO_DAY for none */
    int32_t pregnant_to_day;
    int32_t lactating_from_day;  /* first and last day lactating, MGC_NO_DAY for none */
    int32_t lactating_to_day;
    const char *authority;       /* NULL: "iom" */
    const char *infant_feeding;  /* NULL, "breast-fed" or "formula-fed", as mgc_profile's */
} mgc_batch_person;

MGC_API void mgc_batch_person_init(mgc_batch_person *p);

/* The columns in and out. Entry i is grams[i] g of food food[i] (an mgc_catalog_food_index) eaten
 * by person person[i] (an index into people) on day day[i]. Doses likewise, of compound
 * compound[i] (an mgc_compound_index), amount_mg[i] mg, elemental magnesium where
 * dose_is_compound_mass is NULL or [i] is 0, else the compound's mass. */
typedef struct {
    unsigned version;                /* MGC_STRUCT_VERSION, set by mgc_batch_init */
    const mgc_batch_person *people;
    size_t people_count;
    const uint32_t *entry_person;
    const int32_t *entry_day;
    const uint32_t *entry_food;
    const double *entry_grams;
    size_t entry_count;
    const uint32_t *dose_person;     /* all NULL when dose_count is 0 */
    const int32_t *dose_day;
    const uint32_t *dose_compound;
    const double *dose_amount_mg;
    const uint8_t *dose_is_compound_mass;
    size_t dose_count;
    unsigned threads;                /* 0: the hardware's; the results do not depend on it */
    /* Results, one row per person-day, ordered by person, then day. Each array holds `capacity`
     * rows (entry_count + dose_count always suffices); any may be NULL to skip that column. The
     * arrays may be written even when the call fails. */
    size_t capacity;
    uint32_t *person;
    int32_t *day;
    double *food_mg;
    uint32_t *unknown_entries;
    double *supplement_mg;
    double *total_mg;
    double *target_mg;               /* NAN where the authority's table has no value (not covered) */
    uint8_t *target_kind;            /* an mgc_target_kind; MGC_NO_TARGET where not covered */
    double *ear_mg;                  /* NAN where none */
    double *ul_supplemental_mg;      /* NAN where none */
    double *percent_of_target;       /* NAN where not covered */
    uint8_t *below_ear;
    uint8_t *over_ul;
    uint32_t *day_index;             /* 1 for a person's first day in the batch, 2 for the second... */
    uint32_t *supplement_doses;      /* doses logged that day */
    uint32_t *reference;             /* index into *references_json_out's array; MGC_NO_REFERENCE where none */
    size_t count;                    /* out: the rows written */
    /* Optional: the distinct reference intakes the rows use, as a JSON array in `reference`'s
     * order: [{"authority", "life_stage", "target_mg", "target_kind", "ear_mg",
     * "ul_supplemental_mg", ...}], the fields of mgc_reference_json without the person. Point it at
     * a char * to receive the text; free that with mgc_free. */
    char **references_json_out;
} mgc_batch;

/* A person-day without a reference intake (the authority's table has no value for the life stage). */
#define MGC_NO_REFERENCE UINT32_MAX

MGC_API void mgc_batch_init(mgc_batch *b);
/* Evaluates every person-day with an entry or a dose; each row equals mgc_evaluate's numbers for
 * that day alone. MGC_BUFFER_TOO_SMALL, with `count` set to the rows needed, if capacity is less. */
MGC_API int mgc_evaluate_batch(const mgc_catalog *c, mgc_batch *b);

/* ---- Population summary ------------------------------------------------------------------ */

/* One reference intake of a summary's person-days (as mgc_batch's references_json_out lists
 * them). NAN where a value is not set. */
typedef struct {
    unsigned version;         /* MGC_STRUCT_VERSION, set by mgc_summary_reference_init */
    const char *authority;    /* "IOM 1997" */
    const char *life_stage;   /* "Females 19-30 y" */
    double target_mg;
    int target_kind;          /* an mgc_target_kind */
    double ear_mg;
    double ul_supplemental_mg;
} mgc_summary_reference;

MGC_API void mgc_summary_reference_init(mgc_summary_reference *r);

typedef enum {
    MGC_GROUP_NONE = 0,         /* everyone only */
    MGC_GROUP_LIFE_STAGE = 1,   /* by the reference's life stage ("IOM 1997 / Females 19-30 y") */
    MGC_GROUP_PERSON_LABEL = 2  /* by person_labels (sex, a region, ...) */
} mgc_grouping;

/* Person-days (from one batch, or gathered from several) and how to summarize them, as
 * `mgcalc batch --summary` does (docs/population.md). Persons are indexes 0 to people_count - 1.
 * Every column is required when count > 0; amounts must be finite and 0 or more. */
typedef struct {
    unsigned version;                       /* MGC_STRUCT_VERSION, set by mgc_summary_init */
    size_t count;                           /* person-days */
    const uint32_t *person;
    const int32_t *day;
    const double *food_mg;
    const uint32_t *unknown_entries;
    const uint32_t *supplement_doses;
    const double *supplement_mg;
    const double *total_mg;
    const double *percent_of_target;
    const uint32_t *reference;              /* into references, or MGC_NO_REFERENCE */
    const uint8_t *below_ear;
    const uint8_t *over_ul;
    const mgc_summary_reference *references;
    size_t reference_count;
    size_t people_count;
    const double *weights;                  /* a sampling weight per person; NULL: 1 each */
    const double *replicate_weights;        /* replicates x people_count, replicate-major; NULL: none */
    size_t replicates;
    double replicate_scale;                 /* the replicate method's constant; default 1 */
    int people;                             /* nonzero: over people (each one's mean over days) */
    int group_by;                           /* an mgc_grouping; default MGC_GROUP_NONE */
    const char *const *person_labels;       /* people_count labels, for MGC_GROUP_PERSON_LABEL */
} mgc_summary;

MGC_API void mgc_summary_init(mgc_summary *s);
/* The population summary as JSON, the document `mgcalc batch --summary` writes: weighted means,
 * percentiles of the total, the share below the EAR (cut-point method), supplement users over the
 * UL, overall and by group, with replicate-weight standard errors. Free *json_out with mgc_free. */
MGC_API int mgc_summarize_json(const mgc_summary *s, char **json_out);

#ifdef __cplusplus
}
#endif

#endif /* MGCALC_MGCALC_H */
