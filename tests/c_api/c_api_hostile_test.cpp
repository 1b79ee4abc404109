// Every mgc_* entry point that takes a pointer, given what a careless or hostile caller passes:
// NULL for each pointer, text that is not UTF-8 for each string, structs of another version,
// and enum values out of range. Each call must return a status (never crash, never MGC_OK, never
// MGC_INTERNAL) and leave a message "[mgcalc.CODE] ..." that names the argument at fault. Only
// libmgcalc-c is linked: these are a C caller's calls.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <mgcalc/mgcalc.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

const char* const not_utf8[] = {
    "\xff",              // never a UTF-8 byte
    "bean\xc3",          // a sequence cut short at the end
    "\xc3\x28 mg",       // a lead byte without its continuation
    "\xed\xa0\x80",      // a UTF-16 surrogate
    "\xc0\xaf",          // an overlong '/'
    "\xf4\x90\x80\x80",  // above U+10FFFF
};

std::string status_name(int status) { return mgc_status_name(status); }

// The call's status is `expected` and the message is one "[mgcalc.NAME] ..." line naming `needle`.
void check_refused(int got, int expected, const std::string& needle) {
    INFO("status " << got << " (" << status_name(got) << "), expected " << expected << " (" << status_name(expected)
                   << "); message: " << mgc_last_error_message());
    CHECK(got == expected);
    const std::string message = mgc_last_error_message();
    CHECK(message.rfind("[mgcalc." + status_name(expected) + "] ", 0) == 0);
    CHECK(message.find(needle) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
}

// For a refusal whose code may reasonably be one of a few: not OK, not internal, a message.
void check_refused_any(int got, const std::string& needle) {
    INFO("status " << got << " (" << status_name(got) << "); message: " << mgc_last_error_message());
    CHECK(got != MGC_OK);
    CHECK(got != MGC_INTERNAL);
    CHECK(std::string(status_name(got)) != "unknown_status");
    const std::string message = mgc_last_error_message();
    CHECK(message.rfind("[mgcalc." + status_name(got) + "] ", 0) == 0);
    CHECK(message.find(needle) != std::string::npos);
}

struct catalog_holder {
    mgc_catalog* c = nullptr;
    catalog_holder() { REQUIRE(mgc_catalog_new(&c) == MGC_OK); }
    ~catalog_holder() { mgc_catalog_free(c); }
};

struct day_holder {
    mgc_day* d = nullptr;
    explicit day_holder(const mgc_catalog* c) { REQUIRE(mgc_day_new(c, &d) == MGC_OK); }
    ~day_holder() { mgc_day_free(d); }
};

mgc_profile adult() {
    mgc_profile p;
    mgc_profile_init(&p);
    p.sex = MGC_FEMALE;
    p.age_years = 30.0;
    return p;
}

// What a C caller may store in an mgc_sex: any int. Stored as bytes, as C would: a C++ enum of
// two values may not hold 77, and UBSan's enum check would report the test, not the library.
void store_sex(mgc_sex& field, int value) {
    static_assert(sizeof(mgc_sex) == sizeof(int));
    std::memcpy(&field, &value, sizeof value);
}

// A sentinel that is not NULL, for text outputs a failure must clear.
char sentinel_byte = 0;
char* sentinel() { return &sentinel_byte; }

}  // namespace

TEST_CASE("C API hostile: catalogs refuse NULL, text that is not UTF-8 and food databases that are not there",
          "[c_api][hostile]") {
    check_refused(mgc_catalog_new(nullptr), MGC_NULL_ARGUMENT, "out");
    catalog_holder catalog;
    check_refused(mgc_catalog_load(nullptr, "csv:foods.csv"), MGC_NULL_ARGUMENT, "catalog");
    check_refused(mgc_catalog_load(catalog.c, nullptr), MGC_NULL_ARGUMENT, "spec");
    for (const char* text : not_utf8) {
        INFO("spec " << text);
        check_refused(mgc_catalog_load(catalog.c, (std::string("csv:") + text).c_str()), MGC_PARSE_ERROR, "UTF-8");
    }
    check_refused_any(mgc_catalog_load(catalog.c, ""), "");
    check_refused_any(mgc_catalog_load(catalog.c, "xml:foods.xml"), "xml");
    check_refused(mgc_catalog_load(catalog.c, "csv:/no/such/file.csv"), MGC_MALFORMED_FILE, "/no/such/file.csv");
    check_refused(mgc_catalog_load(catalog.c, "csv:/dev/zero"), MGC_MALFORMED_FILE, "/dev/zero");
    check_refused(mgc_catalog_load(catalog.c, "fdc:/no/such/folder"), MGC_MALFORMED_FILE, "/no/such/folder");
    check_refused(mgc_catalog_load(catalog.c, "sr28:/dev/null"), MGC_MALFORMED_FILE, "/dev/null");
    // The catalog still works after every refusal.
    char* json = nullptr;
    REQUIRE(mgc_search_foods_json(catalog.c, "pumpkin seeds", 3, &json) == MGC_OK);
    CHECK(std::strstr(json, "Seeds") != nullptr);
    mgc_free(json);
}

TEST_CASE("C API hostile: search and resolve refuse NULL and text that is not UTF-8, and clear the output",
          "[c_api][hostile]") {
    catalog_holder catalog;
    char* json = sentinel();
    check_refused(mgc_search_foods_json(nullptr, "beans", 5, &json), MGC_NULL_ARGUMENT, "catalog");
    CHECK(json == nullptr);
    check_refused(mgc_search_foods_json(catalog.c, nullptr, 5, &json), MGC_NULL_ARGUMENT, "query");
    check_refused(mgc_search_foods_json(catalog.c, "beans", 5, nullptr), MGC_NULL_ARGUMENT, "json_out");
    check_refused(mgc_search_foods_json(catalog.c, "beans", SIZE_MAX, &json), MGC_INVALID_AMOUNT, "limit");
    json = sentinel();
    check_refused(mgc_resolve_food_json(nullptr, "beans 100 g", &json), MGC_NULL_ARGUMENT, "catalog");
    CHECK(json == nullptr);
    check_refused(mgc_resolve_food_json(catalog.c, nullptr, &json), MGC_NULL_ARGUMENT, "entry");
    check_refused(mgc_resolve_food_json(catalog.c, "beans 100 g", nullptr), MGC_NULL_ARGUMENT, "json_out");
    for (const char* text : not_utf8) {
        INFO("text " << text);
        json = sentinel();
        check_refused(mgc_search_foods_json(catalog.c, text, 5, &json), MGC_PARSE_ERROR, "UTF-8");
        CHECK(json == nullptr);
        json = sentinel();
        check_refused(mgc_resolve_food_json(catalog.c, (std::string("12014=1 oz ") + text).c_str(), &json),
                      MGC_PARSE_ERROR, "UTF-8");
        CHECK(json == nullptr);
    }
    // Numbers no day holds, in the entry's text.
    // (exponent notation and number words are not amounts there: parse_error, as on the command line)
    for (const char* entry : {"12014=1e400 g", "12014=nan g", "12014=inf g"}) {
        INFO("entry " << entry);
        json = sentinel();
        check_refused(mgc_resolve_food_json(catalog.c, entry, &json), MGC_PARSE_ERROR, entry);
        CHECK(json == nullptr);
    }
    for (const char* entry : {"12014=-5 g", "12014=-1e400 g", "12014=20000 g"}) {
        INFO("entry " << entry);
        json = sentinel();
        check_refused(mgc_resolve_food_json(catalog.c, entry, &json), MGC_INVALID_AMOUNT, "");
        CHECK(json == nullptr);
    }
}

TEST_CASE("C API hostile: sex and day text refuse NULL, text that is not UTF-8 and impossible dates",
          "[c_api][hostile]") {
    mgc_sex sex = MGC_FEMALE;
    std::int32_t day = 0;
    check_refused(mgc_parse_sex(nullptr, &sex), MGC_NULL_ARGUMENT, "text");
    check_refused(mgc_parse_sex("female", nullptr), MGC_NULL_ARGUMENT, "sex_out");
    check_refused(mgc_parse_day(nullptr, &day), MGC_NULL_ARGUMENT, "text");
    check_refused(mgc_parse_day("2024-03-01", nullptr), MGC_NULL_ARGUMENT, "day_out");
    for (const char* text : not_utf8) {
        INFO("text " << text);
        check_refused(mgc_parse_sex(text, &sex), MGC_PARSE_ERROR, "UTF-8");
        check_refused(mgc_parse_day(text, &day), MGC_PARSE_ERROR, "UTF-8");
    }
    for (const char* date : {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31"}) {
        INFO("date " << date);
        check_refused(mgc_parse_day(date, &day), MGC_INVALID_DATE, date);
    }
    check_refused_any(mgc_parse_day("", &day), "");
    check_refused_any(mgc_parse_day("24-3-1", &day), "24-3-1");
    check_refused_any(mgc_parse_sex("", &sex), "");
}

TEST_CASE("C API hostile: profiles of another version, with an out-of-range sex, an impossible age or text that is "
          "not UTF-8, are refused",
          "[c_api][hostile]") {
    char* json = sentinel();
    const mgc_profile ok = adult();
    check_refused(mgc_reference_json(nullptr, &json), MGC_NULL_ARGUMENT, "profile");
    CHECK(json == nullptr);
    check_refused(mgc_reference_json(&ok, nullptr), MGC_NULL_ARGUMENT, "json_out");
    for (const unsigned version : {0u, MGC_STRUCT_VERSION + 1u, 0xFFFFFFFFu}) {
        mgc_profile p = ok;
        p.version = version;
        json = sentinel();
        check_refused(mgc_reference_json(&p, &json), MGC_VERSION_MISMATCH, "profile->version");
        CHECK(json == nullptr);
    }
    for (const int sex : {-1, 2, 255, 1 << 30}) {
        INFO("sex " << sex);
        mgc_profile p = ok;
        store_sex(p.sex, sex);
        check_refused_any(mgc_reference_json(&p, &json), "sex");
    }
    for (const double age : {std::nan(""), infinity, -infinity, -1.0, 121.0, 1e308}) {
        INFO("age " << age);
        mgc_profile p = ok;
        p.age_years = age;
        check_refused_any(mgc_reference_json(&p, &json), "age");
    }
    for (const char* text : not_utf8) {
        INFO("text " << text);
        mgc_profile p = ok;
        p.authority = text;
        check_refused(mgc_reference_json(&p, &json), MGC_PARSE_ERROR, "UTF-8");
        p = ok;
        p.age_years = 0.3;
        p.infant_feeding = text;
        check_refused(mgc_reference_json(&p, &json), MGC_PARSE_ERROR, "UTF-8");
    }
    mgc_profile p = ok;
    p.authority = "xyz";
    check_refused_any(mgc_reference_json(&p, &json), "xyz");
}

TEST_CASE("C API hostile: days refuse NULL, text that is not UTF-8 and amounts no day holds, and stay unchanged",
          "[c_api][hostile]") {
    catalog_holder catalog;
    mgc_day* out = reinterpret_cast<mgc_day*>(sentinel());
    check_refused(mgc_day_new(nullptr, &out), MGC_NULL_ARGUMENT, "catalog");
    CHECK(out == nullptr);
    check_refused(mgc_day_new(catalog.c, nullptr), MGC_NULL_ARGUMENT, "out");
    day_holder day(catalog.c);
    check_refused(mgc_day_add_food(nullptr, "12014=1 oz"), MGC_NULL_ARGUMENT, "day");
    check_refused(mgc_day_add_food(day.d, nullptr), MGC_NULL_ARGUMENT, "entry");
    check_refused(mgc_day_add_supplement(nullptr, "glycinate=100 mg"), MGC_NULL_ARGUMENT, "day");
    check_refused(mgc_day_add_supplement(day.d, nullptr), MGC_NULL_ARGUMENT, "dose");
    for (const char* text : not_utf8) {
        INFO("text " << text);
        check_refused(mgc_day_add_food(day.d, (std::string("12014=1 oz") + text).c_str()), MGC_PARSE_ERROR, "UTF-8");
        check_refused(mgc_day_add_supplement(day.d, (std::string("glycinate=100 mg") + text).c_str()), MGC_PARSE_ERROR,
                      "UTF-8");
    }
    for (const char* dose : {"glycinate=1e400 mg", "glycinate=-1e400 mg", "glycinate=6000 mg", "oxide=60 g compound"}) {
        INFO("dose " << dose);
        check_refused(mgc_day_add_supplement(day.d, dose), MGC_INVALID_AMOUNT, "");
    }
    // "nan" and "inf" are words, not numbers: parse_error, as the command line reads them.
    for (const char* dose : {"glycinate=nan mg", "glycinate=inf mg"}) {
        INFO("dose " << dose);
        check_refused(mgc_day_add_supplement(day.d, dose), MGC_PARSE_ERROR, dose);
    }
    check_refused(mgc_day_add_supplement(day.d, "glycinate=200 spoons"), MGC_UNKNOWN_UNIT, "spoons");
    check_refused(mgc_day_add_supplement(day.d, "unobtainium=200 mg"), MGC_UNKNOWN_COMPOUND, "unobtainium");
    check_refused(mgc_day_add_food(day.d, "12014=20000 g"), MGC_INVALID_AMOUNT, "");
    check_refused(mgc_day_add_food(day.d, "99999=1 oz"), MGC_UNKNOWN_FOOD, "99999");
    check_refused(mgc_day_add_food(day.d, "12014=1 spoonful"), MGC_UNKNOWN_MEASURE, "spoonful");
    // Nothing was added: the day is still empty.
    const mgc_profile p = adult();
    mgc_result r;
    mgc_result_init(&r);
    REQUIRE(mgc_evaluate(day.d, &p, &r) == MGC_OK);
    CHECK(r.total_mg == 0.0);
    CHECK(r.unknown_entries == 0);
}

TEST_CASE("C API hostile: evaluate and result_json refuse NULL, structs of another version and bad profiles",
          "[c_api][hostile]") {
    catalog_holder catalog;
    day_holder day(catalog.c);
    REQUIRE(mgc_day_add_food(day.d, "12014=1 oz") == MGC_OK);
    const mgc_profile ok = adult();
    mgc_result r;
    mgc_result_init(&r);
    char* json = sentinel();
    check_refused(mgc_evaluate(nullptr, &ok, &r), MGC_NULL_ARGUMENT, "day");
    check_refused(mgc_evaluate(day.d, nullptr, &r), MGC_NULL_ARGUMENT, "profile");
    check_refused(mgc_evaluate(day.d, &ok, nullptr), MGC_NULL_ARGUMENT, "out");
    check_refused(mgc_result_json(nullptr, &ok, &json), MGC_NULL_ARGUMENT, "day");
    CHECK(json == nullptr);
    check_refused(mgc_result_json(day.d, nullptr, &json), MGC_NULL_ARGUMENT, "profile");
    check_refused(mgc_result_json(day.d, &ok, nullptr), MGC_NULL_ARGUMENT, "json_out");
    for (const unsigned version : {0u, MGC_STRUCT_VERSION + 1u}) {
        mgc_result other = r;
        other.version = version;
        check_refused(mgc_evaluate(day.d, &ok, &other), MGC_VERSION_MISMATCH, "version");
        mgc_profile p = ok;
        p.version = version;
        check_refused(mgc_evaluate(day.d, &p, &r), MGC_VERSION_MISMATCH, "profile->version");
        json = sentinel();
        check_refused(mgc_result_json(day.d, &p, &json), MGC_VERSION_MISMATCH, "profile->version");
        CHECK(json == nullptr);
    }
    for (const int sex : {-1, 2, 1000}) {
        INFO("sex " << sex);
        mgc_profile p = ok;
        store_sex(p.sex, sex);
        check_refused_any(mgc_evaluate(day.d, &p, &r), "sex");
        check_refused_any(mgc_result_json(day.d, &p, &json), "sex");
    }
    mgc_profile p = ok;
    p.authority = "\xff";
    check_refused(mgc_evaluate(day.d, &p, &r), MGC_PARSE_ERROR, "UTF-8");
    check_refused(mgc_result_json(day.d, &p, &json), MGC_PARSE_ERROR, "UTF-8");
    p = ok;
    p.age_years = std::nan("");
    check_refused_any(mgc_evaluate(day.d, &p, &r), "age");
}

TEST_CASE("C API hostile: food, compound and dose-unit indexes refuse NULL and text that is not UTF-8",
          "[c_api][hostile]") {
    catalog_holder catalog;
    std::uint32_t index = 0;
    double mg_per_unit = 0.0;
    int is_compound = 0;
    check_refused(mgc_catalog_food_index(nullptr, "12014", &index), MGC_NULL_ARGUMENT, "catalog");
    check_refused(mgc_catalog_food_index(catalog.c, nullptr, &index), MGC_NULL_ARGUMENT, "food");
    check_refused(mgc_catalog_food_index(catalog.c, "12014", nullptr), MGC_NULL_ARGUMENT, "index_out");
    check_refused(mgc_compound_index(nullptr, &index), MGC_NULL_ARGUMENT, "compound");
    check_refused(mgc_compound_index("glycinate", nullptr), MGC_NULL_ARGUMENT, "index_out");
    check_refused(mgc_dose_unit(nullptr, "mg", nullptr, &index, &mg_per_unit, &is_compound), MGC_NULL_ARGUMENT,
                  "compound");
    check_refused(mgc_dose_unit("glycinate", nullptr, nullptr, &index, &mg_per_unit, &is_compound), MGC_NULL_ARGUMENT,
                  "unit");
    check_refused(mgc_dose_unit("glycinate", "mg", nullptr, nullptr, &mg_per_unit, &is_compound), MGC_NULL_ARGUMENT,
                  "compound_index_out");
    check_refused(mgc_dose_unit("glycinate", "mg", nullptr, &index, nullptr, &is_compound), MGC_NULL_ARGUMENT,
                  "mg_per_unit_out");
    check_refused(mgc_dose_unit("glycinate", "mg", nullptr, &index, &mg_per_unit, nullptr), MGC_NULL_ARGUMENT,
                  "is_compound_mass_out");
    for (const char* text : not_utf8) {
        INFO("text " << text);
        check_refused(mgc_catalog_food_index(catalog.c, text, &index), MGC_PARSE_ERROR, "UTF-8");
        check_refused(mgc_compound_index(text, &index), MGC_PARSE_ERROR, "UTF-8");
        check_refused(mgc_dose_unit(text, "mg", nullptr, &index, &mg_per_unit, &is_compound), MGC_PARSE_ERROR, "UTF-8");
        check_refused(mgc_dose_unit("glycinate", text, nullptr, &index, &mg_per_unit, &is_compound), MGC_PARSE_ERROR,
                      "UTF-8");
        check_refused(mgc_dose_unit("glycinate", "mg", text, &index, &mg_per_unit, &is_compound), MGC_PARSE_ERROR,
                      "UTF-8");
    }
    check_refused(mgc_dose_unit("glycinate", "spoons", nullptr, &index, &mg_per_unit, &is_compound), MGC_UNKNOWN_UNIT,
                  "spoons");
    check_refused_any(mgc_dose_unit("glycinate", "mg", "sideways", &index, &mg_per_unit, &is_compound), "sideways");
    check_refused(mgc_catalog_food_index(catalog.c, "99999", &index), MGC_UNKNOWN_FOOD, "99999");
}

TEST_CASE("C API hostile: batches refuse NULL columns, structs of another version, out-of-range sexes and indexes",
          "[c_api][hostile]") {
    catalog_holder catalog;
    std::uint32_t almonds = 0;
    REQUIRE(mgc_catalog_food_index(catalog.c, "12061", &almonds) == MGC_OK);
    mgc_batch_person person;
    mgc_batch_person_init(&person);
    person.age_years = 30.0;
    const std::uint32_t who = 0;
    const std::int32_t day = 19800;
    const double grams = 30.0;
    const std::uint32_t glycinate_index = [] {
        std::uint32_t i = 0;
        REQUIRE(mgc_compound_index("glycinate", &i) == MGC_OK);
        return i;
    }();
    const double dose_mg = 100.0;
    double total[4] = {};
    mgc_batch good;
    mgc_batch_init(&good);
    good.people = &person;
    good.people_count = 1;
    good.entry_person = &who;
    good.entry_day = &day;
    good.entry_food = &almonds;
    good.entry_grams = &grams;
    good.entry_count = 1;
    good.dose_person = &who;
    good.dose_day = &day;
    good.dose_compound = &glycinate_index;
    good.dose_amount_mg = &dose_mg;
    good.dose_count = 1;
    good.capacity = 4;
    good.total_mg = total;
    {
        mgc_batch b = good;
        REQUIRE(mgc_evaluate_batch(catalog.c, &b) == MGC_OK);
        CHECK(b.count == 1);
    }
    check_refused(mgc_evaluate_batch(nullptr, &good), MGC_NULL_ARGUMENT, "catalog");
    check_refused(mgc_evaluate_batch(catalog.c, nullptr), MGC_NULL_ARGUMENT, "batch");
    // Each input column NULL while its count says it has rows.
    const auto with = [&](auto change) {
        mgc_batch b = good;
        change(b);
        return mgc_evaluate_batch(catalog.c, &b);
    };
    check_refused(with([](mgc_batch& b) { b.people = nullptr; }), MGC_NULL_ARGUMENT, "batch->people");
    check_refused(with([](mgc_batch& b) { b.entry_person = nullptr; }), MGC_NULL_ARGUMENT, "batch->entry_person");
    check_refused(with([](mgc_batch& b) { b.entry_day = nullptr; }), MGC_NULL_ARGUMENT, "batch->entry_day");
    check_refused(with([](mgc_batch& b) { b.entry_food = nullptr; }), MGC_NULL_ARGUMENT, "batch->entry_food");
    check_refused(with([](mgc_batch& b) { b.entry_grams = nullptr; }), MGC_NULL_ARGUMENT, "batch->entry_grams");
    check_refused(with([](mgc_batch& b) { b.dose_person = nullptr; }), MGC_NULL_ARGUMENT, "batch->dose_person");
    check_refused(with([](mgc_batch& b) { b.dose_day = nullptr; }), MGC_NULL_ARGUMENT, "batch->dose_day");
    check_refused(with([](mgc_batch& b) { b.dose_compound = nullptr; }), MGC_NULL_ARGUMENT, "batch->dose_compound");
    check_refused(with([](mgc_batch& b) { b.dose_amount_mg = nullptr; }), MGC_NULL_ARGUMENT, "batch->dose_amount_mg");
    // Versions.
    for (const unsigned version : {0u, MGC_STRUCT_VERSION + 1u}) {
        check_refused(with([version](mgc_batch& b) { b.version = version; }), MGC_VERSION_MISMATCH, "version");
        mgc_batch_person other = person;
        other.version = version;
        check_refused(with([&other](mgc_batch& b) { b.people = &other; }), MGC_VERSION_MISMATCH, "version");
    }
    // Out-of-range values.
    for (const int sex : {-1, 2, 77}) {
        INFO("sex " << sex);
        mgc_batch_person other = person;
        store_sex(other.sex, sex);
        check_refused_any(with([&other](mgc_batch& b) { b.people = &other; }), "sex");
    }
    const std::uint32_t no_person = 5;
    check_refused_any(with([&](mgc_batch& b) { b.entry_person = &no_person; }), "person");
    check_refused_any(with([&](mgc_batch& b) { b.dose_person = &no_person; }), "person");
    const std::uint32_t no_compound = 100000;
    check_refused_any(with([&](mgc_batch& b) { b.dose_compound = &no_compound; }), "compound");
    for (const double bad : {std::nan(""), infinity, -1.0, -infinity}) {
        INFO("amount " << bad);
        check_refused(with([&](mgc_batch& b) { b.entry_grams = &bad; }), MGC_INVALID_AMOUNT, "");
        check_refused(with([&](mgc_batch& b) { b.dose_amount_mg = &bad; }), MGC_INVALID_AMOUNT, "");
    }
    // A day before the person's birth, MGC_NO_DAY ("no day") among them.
    mgc_batch_person born = person;
    born.age_years = std::nan("");
    born.birth_day = 10000;
    for (const std::int32_t before_birth : {static_cast<std::int32_t>(MGC_NO_DAY), 9999}) {
        INFO("entry day " << before_birth);
        check_refused_any(with([&](mgc_batch& b) {
                              b.people = &born;
                              b.entry_day = &before_birth;
                          }),
                          "");
    }
    for (const char* text : not_utf8) {
        INFO("text " << text);
        mgc_batch_person other = person;
        other.authority = text;
        check_refused(with([&other](mgc_batch& b) { b.people = &other; }), MGC_PARSE_ERROR, "UTF-8");
        other = person;
        other.infant_feeding = text;
        check_refused(with([&other](mgc_batch& b) { b.people = &other; }), MGC_PARSE_ERROR, "UTF-8");
    }
    // Too small a capacity: the rows needed.
    mgc_batch small = good;
    small.capacity = 0;
    check_refused(mgc_evaluate_batch(catalog.c, &small), MGC_BUFFER_TOO_SMALL, "capacity");
    CHECK(small.count == 1);
}

TEST_CASE("C API hostile: summaries refuse NULL columns, structs of another version and out-of-range groupings",
          "[c_api][hostile]") {
    const std::uint32_t person = 0, unknown = 0, doses = 0, reference = 0;
    const std::int32_t day = 19783;
    const double food = 100.0, supplement = 0.0, total = 100.0, percent = 30.0;
    const std::uint8_t no = 0;
    mgc_summary_reference ref;
    mgc_summary_reference_init(&ref);
    ref.authority = "IOM 1997";
    ref.life_stage = "Females 19-30 y";
    ref.target_mg = 310.0;
    ref.target_kind = MGC_TARGET_RDA;
    ref.ear_mg = 255.0;
    ref.ul_supplemental_mg = 350.0;
    mgc_summary good;
    mgc_summary_init(&good);
    good.count = 1;
    good.person = &person;
    good.day = &day;
    good.food_mg = &food;
    good.unknown_entries = &unknown;
    good.supplement_doses = &doses;
    good.supplement_mg = &supplement;
    good.total_mg = &total;
    good.percent_of_target = &percent;
    good.reference = &reference;
    good.below_ear = &no;
    good.over_ul = &no;
    good.references = &ref;
    good.reference_count = 1;
    good.people_count = 1;
    char* json = nullptr;
    {
        REQUIRE(mgc_summarize_json(&good, &json) == MGC_OK);
        mgc_free(json);
    }
    json = sentinel();
    check_refused(mgc_summarize_json(nullptr, &json), MGC_NULL_ARGUMENT, "summary");
    CHECK(json == nullptr);
    check_refused(mgc_summarize_json(&good, nullptr), MGC_NULL_ARGUMENT, "json_out");
    const auto with = [&](auto change) {
        mgc_summary s = good;
        change(s);
        char* out = sentinel();
        const int status = mgc_summarize_json(&s, &out);
        if (status != MGC_OK) CHECK(out == nullptr);
        if (status == MGC_OK) mgc_free(out);
        return status;
    };
    check_refused(with([](mgc_summary& s) { s.person = nullptr; }), MGC_NULL_ARGUMENT, "person");
    check_refused(with([](mgc_summary& s) { s.day = nullptr; }), MGC_NULL_ARGUMENT, "day");
    check_refused(with([](mgc_summary& s) { s.food_mg = nullptr; }), MGC_NULL_ARGUMENT, "food_mg");
    check_refused(with([](mgc_summary& s) { s.unknown_entries = nullptr; }), MGC_NULL_ARGUMENT, "unknown_entries");
    check_refused(with([](mgc_summary& s) { s.supplement_doses = nullptr; }), MGC_NULL_ARGUMENT, "supplement_doses");
    check_refused(with([](mgc_summary& s) { s.supplement_mg = nullptr; }), MGC_NULL_ARGUMENT, "supplement_mg");
    check_refused(with([](mgc_summary& s) { s.total_mg = nullptr; }), MGC_NULL_ARGUMENT, "total_mg");
    check_refused(with([](mgc_summary& s) { s.percent_of_target = nullptr; }), MGC_NULL_ARGUMENT, "percent_of_target");
    check_refused(with([](mgc_summary& s) { s.reference = nullptr; }), MGC_NULL_ARGUMENT, "reference");
    check_refused(with([](mgc_summary& s) { s.below_ear = nullptr; }), MGC_NULL_ARGUMENT, "below_ear");
    check_refused(with([](mgc_summary& s) { s.over_ul = nullptr; }), MGC_NULL_ARGUMENT, "over_ul");
    check_refused(with([](mgc_summary& s) { s.references = nullptr; }), MGC_NULL_ARGUMENT, "references");
    check_refused(with([](mgc_summary& s) { s.replicates = 2; }), MGC_NULL_ARGUMENT, "replicate_weights");
    check_refused(with([](mgc_summary& s) { s.group_by = MGC_GROUP_PERSON_LABEL; }), MGC_NULL_ARGUMENT,
                  "person_labels");
    for (const unsigned version : {0u, MGC_STRUCT_VERSION + 1u}) {
        check_refused(with([version](mgc_summary& s) { s.version = version; }), MGC_VERSION_MISMATCH, "version");
        mgc_summary_reference other = ref;
        other.version = version;
        check_refused(with([&other](mgc_summary& s) { s.references = &other; }), MGC_VERSION_MISMATCH, "version");
    }
    for (const int group : {-1, 3, 1000}) {
        INFO("group_by " << group);
        check_refused_any(with([group](mgc_summary& s) { s.group_by = group; }), "group");
    }
    for (const int kind : {-1, 4, 254, 1000}) {
        INFO("target_kind " << kind);
        mgc_summary_reference other = ref;
        other.target_kind = kind;
        check_refused_any(with([&other](mgc_summary& s) { s.references = &other; }), "target_kind");
    }
    const std::uint32_t no_reference = 7;
    check_refused_any(with([&](mgc_summary& s) { s.reference = &no_reference; }), "reference");
    const std::uint32_t no_person = 3;
    check_refused_any(with([&](mgc_summary& s) { s.person = &no_person; }), "person");
    for (const char* text : not_utf8) {
        INFO("text " << text);
        mgc_summary_reference other = ref;
        other.authority = text;
        check_refused(with([&other](mgc_summary& s) { s.references = &other; }), MGC_PARSE_ERROR, "UTF-8");
        other = ref;
        other.life_stage = text;
        check_refused(with([&other](mgc_summary& s) { s.references = &other; }), MGC_PARSE_ERROR, "UTF-8");
        const char* const labels[] = {text};
        check_refused(with([&labels](mgc_summary& s) {
                          s.group_by = MGC_GROUP_PERSON_LABEL;
                          s.person_labels = labels;
                      }),
                      MGC_PARSE_ERROR, "UTF-8");
    }
    const char* const null_label[] = {nullptr};
    check_refused(with([&null_label](mgc_summary& s) {
                      s.group_by = MGC_GROUP_PERSON_LABEL;
                      s.person_labels = null_label;
                  }),
                  MGC_NULL_ARGUMENT, "person_labels");
    mgc_summary_reference unnamed = ref;
    unnamed.authority = nullptr;
    check_refused(with([&unnamed](mgc_summary& s) { s.references = &unnamed; }), MGC_NULL_ARGUMENT, "authority");
}

TEST_CASE("C API hostile: names of out-of-range statuses and target kinds are static text, never NULL",
          "[c_api][hostile]") {
    for (const int status : {-1, 12, 99, 105, 1 << 30}) {
        INFO("status " << status);
        REQUIRE(mgc_status_name(status) != nullptr);
        CHECK(std::string(mgc_status_name(status)) == "unknown_status");
    }
    for (const int kind : {-1, 4, 254, static_cast<int>(MGC_NO_TARGET), 256}) {
        INFO("kind " << kind);
        REQUIRE(mgc_target_kind_name(kind) != nullptr);
        CHECK(std::string(mgc_target_kind_name(kind)).empty());
    }
    // The init functions and the free functions accept NULL.
    mgc_profile_init(nullptr);
    mgc_result_init(nullptr);
    mgc_batch_person_init(nullptr);
    mgc_batch_init(nullptr);
    mgc_summary_reference_init(nullptr);
    mgc_summary_init(nullptr);
    mgc_free(nullptr);
    mgc_day_free(nullptr);
    mgc_catalog_free(nullptr);
    REQUIRE(mgc_version() != nullptr);
    CHECK(std::string(mgc_version()).find('.') != std::string::npos);
}
