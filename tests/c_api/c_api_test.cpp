// The C API (include/mgcalc/mgcalc.h) against the C++ library it wraps: the same numbers, the
// same messages and error codes, and errors instead of crashes for null pointers, text that is not
// UTF-8 and structs of another version. This executable links libmgcalc-c, whose copy of the core
// is hidden, and the static C++ library, which computes what each call must return.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <mgcalc/mgcalc.h>

#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/dates.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/evaluate/population.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/intake/log.hpp>
#include <mgcalc/io/json.hpp>
#include <mgcalc/people/reference.hpp>
#include <mgcalc/version.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

struct catalog_deleter {
    void operator()(mgc_catalog* c) const { mgc_catalog_free(c); }
};
struct day_deleter {
    void operator()(mgc_day* d) const { mgc_day_free(d); }
};
using catalog_ptr = std::unique_ptr<mgc_catalog, catalog_deleter>;
using day_ptr = std::unique_ptr<mgc_day, day_deleter>;

catalog_ptr new_catalog() {
    mgc_catalog* c = nullptr;
    REQUIRE(mgc_catalog_new(&c) == MGC_OK);
    REQUIRE(c != nullptr);
    return catalog_ptr(c);
}

day_ptr new_day(const mgc_catalog* c) {
    mgc_day* d = nullptr;
    REQUIRE(mgc_day_new(c, &d) == MGC_OK);
    return day_ptr(d);
}

std::string take_text(char* text) {
    REQUIRE(text != nullptr);
    std::string out(text);
    mgc_free(text);
    return out;
}

mgc_profile profile_of(mgc_sex sex, double age, bool pregnant = false, bool lactating = false,
                       const char* authority = nullptr) {
    mgc_profile p;
    mgc_profile_init(&p);
    p.sex = sex;
    p.age_years = age;
    p.pregnant = pregnant;
    p.lactating = lactating;
    p.authority = authority;
    return p;
}

mgcalc::life_stage stage_of(const mgc_profile& p) {
    return mgcalc::life_stage(p.sex == MGC_MALE ? mgcalc::sex::male : mgcalc::sex::female,
                              mgcalc::age::from_years(p.age_years),
                              {.pregnant = p.pregnant != 0, .lactating = p.lactating != 0});
}

double mg_or_nan(const std::optional<mgcalc::milligrams>& value) { return value ? value->value() : std::nan(""); }

// NaN equals NaN here: "none" on both sides.
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// The C++ library's evaluation of the same typed entries.
mgcalc::evaluation cpp_evaluate(const std::vector<std::string>& foods, const std::vector<std::string>& doses,
                                const mgc_profile& p, mgcalc::authority a) {
    static const mgcalc::food_catalog catalog;
    mgcalc::day_intake day;
    for (const std::string& f : foods) mgcalc::add_typed_entry(day, mgcalc::log_entry_kind::food, f, catalog);
    for (const std::string& d : doses) mgcalc::add_typed_entry(day, mgcalc::log_entry_kind::supplement, d, catalog);
    return mgcalc::evaluate(day, stage_of(p), a);
}

// The C++ error a call throws, as the C API's message must repeat it.
template <class Call>
mgcalc::error cpp_error(Call call) {
    try {
        call();
    } catch (const mgcalc::error& e) {
        return e;
    }
    FAIL("the C++ call did not throw");
    throw;
}

}  // namespace

TEST_CASE("mgc_evaluate gives the numbers of mgcalc::evaluate for every kind of person", "[c_api]") {
    const catalog_ptr catalog = new_catalog();
    const std::vector<std::string> foods = {"1 medium banana", "1 cup cooked spinach", "12014=1 oz", "01009=30 g"};
    const std::vector<std::string> doses = {"glycinate=200 mg", "oxide=500 mg compound"};
    const day_ptr day = new_day(catalog.get());
    for (const std::string& f : foods) REQUIRE(mgc_day_add_food(day.get(), f.c_str()) == MGC_OK);
    for (const std::string& d : doses) REQUIRE(mgc_day_add_supplement(day.get(), d.c_str()) == MGC_OK);

    struct person {
        mgc_sex sex;
        double age;
        bool pregnant, lactating;
        const char* authority;
        mgcalc::authority a;
    };
    const std::vector<person> people = {
        {MGC_FEMALE, 34.5, false, false, nullptr, mgcalc::authority::iom},
        {MGC_MALE, 34.5, false, false, "iom", mgcalc::authority::iom},
        {MGC_FEMALE, 0.75, false, false, nullptr, mgcalc::authority::iom},
        {MGC_MALE, 8.99, false, false, nullptr, mgcalc::authority::iom},
        {MGC_MALE, 9.0, false, false, nullptr, mgcalc::authority::iom},
        {MGC_FEMALE, 16.0, true, false, nullptr, mgcalc::authority::iom},
        {MGC_FEMALE, 29.0, false, true, nullptr, mgcalc::authority::iom},
        {MGC_FEMALE, 30.0, true, true, nullptr, mgcalc::authority::iom},
        {MGC_MALE, 75.0, false, false, "efsa", mgcalc::authority::efsa},
        {MGC_FEMALE, 40.0, false, false, "who", mgcalc::authority::who},
        {MGC_FEMALE, 40.0, false, false, "uk", mgcalc::authority::uk},
        {MGC_MALE, 19.0, false, false, "dach", mgcalc::authority::dach},
        {MGC_FEMALE, 51.0, false, false, "anz", mgcalc::authority::anz},
    };
    for (const person& who : people) {
        const mgc_profile p = profile_of(who.sex, who.age, who.pregnant, who.lactating, who.authority);
        INFO("age " << who.age << " authority " << (who.authority ? who.authority : "(default)"));
        mgc_result r;
        mgc_result_init(&r);
        REQUIRE(mgc_evaluate(day.get(), &p, &r) == MGC_OK);
        const mgcalc::evaluation e = cpp_evaluate(foods, doses, p, who.a);
        CHECK(r.version == MGC_STRUCT_VERSION);
        CHECK(r.food_mg == e.food.value());
        CHECK(r.supplement_mg == e.supplement.value());
        CHECK(r.total_mg == e.total.value());
        CHECK(r.unknown_entries == static_cast<int>(e.unknown_entries));
        CHECK(r.target_mg == e.reference.target.value());
        CHECK(r.target_kind == static_cast<int>(e.reference.target_kind));
        CHECK(std::string(mgc_target_kind_name(r.target_kind)) == mgcalc::detail::to_lower(mgcalc::to_string(e.reference.target_kind)));
        CHECK(same(r.ear_mg, mg_or_nan(e.reference.ear)));
        CHECK(same(r.ul_supplemental_mg, mg_or_nan(e.reference.ul_supplemental)));
        CHECK(r.percent_of_target == e.percent_of_target);
        CHECK(r.over_ul == (e.over_ul ? 1 : 0));
        CHECK(r.below_ear == (e.status == mgcalc::intake_status::below_ear ? 1 : 0));
        CHECK(r.warnings == static_cast<int>(e.warnings.size()));
    }
}

TEST_CASE("mgc_evaluate: an infant has no supplemental UL, which is NAN, and a food without magnesium is unknown", "[c_api]") {
    const catalog_ptr catalog = new_catalog();
    const day_ptr day = new_day(catalog.get());
    // The first food of the embedded data without an analysed magnesium value.
    const mgcalc::food_catalog cpp_catalog;
    std::string unknown_id;
    for (const mgcalc::food_database* db : cpp_catalog.databases()) {
        for (std::size_t i = 0; i < db->size() && unknown_id.empty(); ++i) {
            if (!db->magnesium_per_100g(i)) unknown_id = db->at(i).id;
        }
    }
    REQUIRE_FALSE(unknown_id.empty());
    REQUIRE(mgc_day_add_food(day.get(), (unknown_id + "=100 g").c_str()) == MGC_OK);
    REQUIRE(mgc_day_add_food(day.get(), "12014=1 oz") == MGC_OK);
    const mgc_profile baby = profile_of(MGC_FEMALE, 0.5);
    mgc_result r;
    mgc_result_init(&r);
    REQUIRE(mgc_evaluate(day.get(), &baby, &r) == MGC_OK);
    CHECK(r.unknown_entries == 1);
    CHECK(r.food_mg > 0);
    CHECK(std::isnan(r.ul_supplemental_mg));
    CHECK(std::isnan(r.ear_mg));  // an AI, no EAR
    CHECK(r.target_mg == 75.0);   // IOM 1997: 7-12 months AI
}

TEST_CASE("mgc_result_json and mgc_reference_json are the C++ library's JSON documents", "[c_api]") {
    const catalog_ptr catalog = new_catalog();
    const day_ptr day = new_day(catalog.get());
    REQUIRE(mgc_day_add_food(day.get(), "1 cup cooked spinach") == MGC_OK);
    REQUIRE(mgc_day_add_supplement(day.get(), "citrate=150 mg") == MGC_OK);
    const mgc_profile p = profile_of(MGC_MALE, 45.0);

    char* json = nullptr;
    REQUIRE(mgc_result_json(day.get(), &p, &json) == MGC_OK);
    const mgcalc::evaluation e = cpp_evaluate({"1 cup cooked spinach"}, {"citrate=150 mg"}, p, mgcalc::authority::iom);
    CHECK(take_text(json) == mgcalc::to_json(mgcalc::day_result{mgcalc::today(), stage_of(p), e}));

    REQUIRE(mgc_reference_json(&p, &json) == MGC_OK);
    CHECK(take_text(json) == mgcalc::to_json(mgcalc::reference_intakes_for(stage_of(p)), stage_of(p)));
}

TEST_CASE("mgc_search_foods_json and mgc_resolve_food_json are the catalog's answers", "[c_api]") {
    const catalog_ptr catalog = new_catalog();
    const mgcalc::food_catalog cpp_catalog;
    char* json = nullptr;
    REQUIRE(mgc_search_foods_json(catalog.get(), "black beans", 5, &json) == MGC_OK);
    CHECK(take_text(json) == mgcalc::to_json(cpp_catalog.search("black beans", 5)));
    REQUIRE(mgc_search_foods_json(catalog.get(), "almonds", 0, &json) == MGC_OK);  // 0: 10 hits
    CHECK(take_text(json) == mgcalc::to_json(cpp_catalog.search("almonds", 10)));
    REQUIRE(mgc_resolve_food_json(catalog.get(), "2 tbsp peanut butter", &json) == MGC_OK);
    CHECK(take_text(json) == mgcalc::to_json(mgcalc::resolve_food_entry(cpp_catalog, "2 tbsp peanut butter")));
    CHECK(mgc_search_foods_json(catalog.get(), "almonds", 1001, &json) == MGC_INVALID_AMOUNT);
}

TEST_CASE("C API errors carry mgcalc::errc's number and the C++ error's message, and leave the day unchanged", "[c_api]") {
    const catalog_ptr catalog = new_catalog();
    const day_ptr day = new_day(catalog.get());
    REQUIRE(mgc_day_add_food(day.get(), "12014=1 oz") == MGC_OK);
    const mgc_profile p = profile_of(MGC_FEMALE, 30.0);
    mgc_result before;
    mgc_result_init(&before);
    REQUIRE(mgc_evaluate(day.get(), &p, &before) == MGC_OK);

    const mgcalc::food_catalog cpp_catalog;
    mgcalc::day_intake cpp_day;
    struct bad {
        bool food;
        const char* text;
        int status;
    };
    for (const bad& b : {bad{true, "zzqx flurb=1 cup", MGC_UNKNOWN_FOOD}, bad{true, "12014=1 spoon", MGC_UNKNOWN_MEASURE},
                         bad{true, "12014=-3 g", MGC_INVALID_AMOUNT}, bad{false, "glycinate=-5 mg", MGC_INVALID_AMOUNT},
                         bad{false, "unobtainium=5 mg", MGC_UNKNOWN_COMPOUND}, bad{false, "glycinate", MGC_PARSE_ERROR}}) {
        INFO(b.text);
        const int status = b.food ? mgc_day_add_food(day.get(), b.text) : mgc_day_add_supplement(day.get(), b.text);
        CHECK(status == b.status);
        const mgcalc::error expected = cpp_error([&] {
            mgcalc::add_typed_entry(cpp_day, b.food ? mgcalc::log_entry_kind::food : mgcalc::log_entry_kind::supplement,
                                    b.text, cpp_catalog);
        });
        CHECK(status == static_cast<int>(expected.code()));
        CHECK(std::string(mgc_last_error_message()) == expected.what());
        CHECK(std::string(mgc_status_name(status)) == std::string(mgcalc::to_string(expected.code())));
    }
    mgc_result after;
    mgc_result_init(&after);
    REQUIRE(mgc_evaluate(day.get(), &p, &after) == MGC_OK);
    CHECK(after.total_mg == before.total_mg);
    CHECK(after.unknown_entries == before.unknown_entries);

    // Life stages the tables refuse or do not cover.
    mgc_result r;
    mgc_result_init(&r);
    const mgc_profile pregnant_man = profile_of(MGC_MALE, 30.0, true);
    CHECK(mgc_evaluate(day.get(), &pregnant_man, &r) == MGC_INVALID_LIFE_STAGE);
    const mgc_profile old = profile_of(MGC_FEMALE, 130.0);
    CHECK(mgc_evaluate(day.get(), &old, &r) == MGC_INVALID_LIFE_STAGE);
    const mgc_profile no_age = profile_of(MGC_FEMALE, std::nan(""));
    CHECK(mgc_evaluate(day.get(), &no_age, &r) == MGC_INVALID_LIFE_STAGE);
    CHECK(std::string(mgc_last_error_message()).find("age_years is not set") != std::string::npos);
    const mgc_profile efsa_baby = profile_of(MGC_FEMALE, 0.2, false, false, "efsa");
    CHECK(mgc_evaluate(day.get(), &efsa_baby, &r) == MGC_NOT_COVERED);
    const mgc_profile bad_authority = profile_of(MGC_FEMALE, 30.0, false, false, "nhs");
    CHECK(mgc_evaluate(day.get(), &bad_authority, &r) == MGC_PARSE_ERROR);
    mgc_profile bad_sex = profile_of(MGC_FEMALE, 30.0);
    const int seven = 7;  // as C may store it: a C enum holds any int
    std::memcpy(&bad_sex.sex, &seven, sizeof seven);
    CHECK(mgc_evaluate(day.get(), &bad_sex, &r) == MGC_INVALID_LIFE_STAGE);
    CHECK(std::string(mgc_last_error_message()).find("expected MGC_FEMALE or MGC_MALE") != std::string::npos);
}

TEST_CASE("C API: null pointers, text that is not UTF-8 and structs of another version are errors", "[c_api]") {
    const catalog_ptr catalog = new_catalog();
    const day_ptr day = new_day(catalog.get());
    const mgc_profile p = profile_of(MGC_FEMALE, 30.0);
    mgc_result r;
    mgc_result_init(&r);
    char* json = nullptr;
    std::uint32_t index = 0;

    CHECK(mgc_catalog_new(nullptr) == MGC_NULL_ARGUMENT);
    CHECK(std::string(mgc_last_error_message()) == "[mgcalc.null_argument] out is NULL; expected a valid pointer");
    mgc_day* no_day = reinterpret_cast<mgc_day*>(&r);
    CHECK(mgc_day_new(nullptr, &no_day) == MGC_NULL_ARGUMENT);
    CHECK(no_day == nullptr);  // *out is cleared on failure
    CHECK(mgc_day_new(catalog.get(), nullptr) == MGC_NULL_ARGUMENT);
    CHECK(mgc_day_add_food(nullptr, "12014=1 oz") == MGC_NULL_ARGUMENT);
    CHECK(mgc_day_add_food(day.get(), nullptr) == MGC_NULL_ARGUMENT);
    CHECK(mgc_day_add_supplement(nullptr, "glycinate=1 mg") == MGC_NULL_ARGUMENT);
    CHECK(mgc_day_add_supplement(day.get(), nullptr) == MGC_NULL_ARGUMENT);
    CHECK(mgc_evaluate(nullptr, &p, &r) == MGC_NULL_ARGUMENT);
    CHECK(mgc_evaluate(day.get(), nullptr, &r) == MGC_NULL_ARGUMENT);
    CHECK(mgc_evaluate(day.get(), &p, nullptr) == MGC_NULL_ARGUMENT);
    CHECK(mgc_result_json(day.get(), &p, nullptr) == MGC_NULL_ARGUMENT);
    CHECK(mgc_result_json(nullptr, &p, &json) == MGC_NULL_ARGUMENT);
    CHECK(mgc_reference_json(nullptr, &json) == MGC_NULL_ARGUMENT);
    CHECK(mgc_search_foods_json(nullptr, "beans", 5, &json) == MGC_NULL_ARGUMENT);
    CHECK(mgc_search_foods_json(catalog.get(), nullptr, 5, &json) == MGC_NULL_ARGUMENT);
    CHECK(mgc_resolve_food_json(catalog.get(), "beans 100 g", nullptr) == MGC_NULL_ARGUMENT);
    CHECK(mgc_catalog_load(nullptr, "csv:x.csv") == MGC_NULL_ARGUMENT);
    CHECK(mgc_catalog_load(catalog.get(), nullptr) == MGC_NULL_ARGUMENT);
    CHECK(mgc_catalog_food_index(nullptr, "12014", &index) == MGC_NULL_ARGUMENT);
    CHECK(mgc_catalog_food_index(catalog.get(), "12014", nullptr) == MGC_NULL_ARGUMENT);
    CHECK(mgc_compound_index(nullptr, &index) == MGC_NULL_ARGUMENT);
    CHECK(mgc_evaluate_batch(catalog.get(), nullptr) == MGC_NULL_ARGUMENT);
    // The init and free functions accept NULL.
    mgc_profile_init(nullptr);
    mgc_result_init(nullptr);
    mgc_batch_init(nullptr);
    mgc_batch_person_init(nullptr);
    mgc_day_free(nullptr);
    mgc_catalog_free(nullptr);
    mgc_free(nullptr);

    CHECK(mgc_day_add_food(day.get(), "12014=1 oz \xff") == MGC_PARSE_ERROR);
    CHECK(std::string(mgc_last_error_message()) ==
          "[mgcalc.parse_error] entry is not UTF-8: byte 0xFF at offset 11; expected UTF-8 text");
    CHECK(mgc_day_add_supplement(day.get(), "glycinate=\xc3\x28 mg") == MGC_PARSE_ERROR);
    CHECK(mgc_search_foods_json(catalog.get(), "bean\xed\xa0\x80", 5, &json) == MGC_PARSE_ERROR);  // a surrogate
    mgc_profile latin1 = p;
    latin1.authority = "\xe9";
    CHECK(mgc_evaluate(day.get(), &latin1, &r) == MGC_PARSE_ERROR);

    mgc_profile uninitialised = p;
    uninitialised.version = 0;
    CHECK(mgc_evaluate(day.get(), &uninitialised, &r) == MGC_VERSION_MISMATCH);
    CHECK(std::string(mgc_last_error_message()) ==
          "[mgcalc.version_mismatch] profile->version is 0, expected 1: call mgc_profile_init on it first");
    mgc_result later = r;
    later.version = MGC_STRUCT_VERSION + 1;
    CHECK(mgc_evaluate(day.get(), &p, &later) == MGC_VERSION_MISMATCH);
    mgc_batch batch;
    mgc_batch_init(&batch);
    batch.version = 7;
    CHECK(mgc_evaluate_batch(catalog.get(), &batch) == MGC_VERSION_MISMATCH);
}

TEST_CASE("mgc_last_error_message is per thread and mgc_status_name names every status", "[c_api]") {
    CHECK(mgc_catalog_new(nullptr) == MGC_NULL_ARGUMENT);
    std::string other;
    std::thread([&] {
        other = mgc_last_error_message();
        CHECK(mgc_compound_index("unobtainium", nullptr) == MGC_NULL_ARGUMENT);
    }).join();
    CHECK(other.empty());  // a new thread has seen no failure
    CHECK(std::string(mgc_last_error_message()).find("out is NULL") != std::string::npos);

    CHECK(std::string(mgc_status_name(MGC_OK)) == "ok");
    for (int code = MGC_INVALID_AMOUNT; code <= MGC_NOT_COVERED; ++code) {
        CHECK(std::string(mgc_status_name(code)) == std::string(mgcalc::to_string(static_cast<mgcalc::errc>(code))));
    }
    CHECK(std::string(mgc_status_name(MGC_OUT_OF_MEMORY)) == "out_of_memory");
    CHECK(std::string(mgc_status_name(MGC_BUFFER_TOO_SMALL)) == "buffer_too_small");
    CHECK(std::string(mgc_status_name(12)) == "unknown_status");
    CHECK(std::string(mgc_status_name(-1)) == "unknown_status");
    CHECK(std::string(mgc_version()) == mgcalc::version_string);
}

TEST_CASE("mgc_compound_index and mgc_catalog_food_index give the batch's column values", "[c_api]") {
    std::uint32_t index = 0;
    REQUIRE(mgc_compound_index("magnesium bisglycinate", &index) == MGC_OK);
    CHECK(&mgcalc::compounds()[index] == &mgcalc::get_compound("glycinate"));
    REQUIRE(mgc_compound_index("magnesium", &index) == MGC_OK);
    CHECK(index == mgcalc::compounds().size());  // the unspecified form
    CHECK(mgc_compound_index("unobtainium", &index) == MGC_UNKNOWN_COMPOUND);

    // One unit of a dose column, as parse_supplement_dose reads "ID=1 UNIT BASIS".
    std::uint32_t compound = 0;
    double mg_per_unit = 0;
    int compound_mass = -1;
    REQUIRE(mgc_dose_unit("magnesium oxide", "g", "compound", &compound, &mg_per_unit, &compound_mass) == MGC_OK);
    const mgcalc::supplement_dose oxide_gram = mgcalc::parse_supplement_dose("oxide=1 g compound");
    CHECK(&mgcalc::compounds()[compound] == &oxide_gram.form());
    CHECK(mg_per_unit == oxide_gram.amount().value());
    CHECK(compound_mass == 1);
    REQUIRE(mgc_dose_unit("citrate", "mg", nullptr, &compound, &mg_per_unit, &compound_mass) == MGC_OK);
    CHECK(mg_per_unit == 1.0);
    CHECK(compound_mass == 0);
    REQUIRE(mgc_dose_unit("citrate", "mg", "", &compound, &mg_per_unit, &compound_mass) == MGC_OK);
    CHECK(compound_mass == 0);
    CHECK(mgc_dose_unit("citrate", "spoon", "elemental", &compound, &mg_per_unit, &compound_mass) == MGC_UNKNOWN_UNIT);
    CHECK(mgc_dose_unit("citrate", "mg", "chelated", &compound, &mg_per_unit, &compound_mass) == MGC_PARSE_ERROR);
    CHECK(std::string(mgc_last_error_message()).find("expected elemental, compound or empty") != std::string::npos);
    CHECK(mgc_dose_unit("magnesium", "mg", "compound", &compound, &mg_per_unit, &compound_mass) == MGC_UNKNOWN_COMPOUND);
    CHECK(mgc_dose_unit("citrate", "mg", nullptr, &compound, nullptr, &compound_mass) == MGC_NULL_ARGUMENT);
    CHECK(std::string(mgc_target_kind_name(MGC_NO_TARGET)).empty());
    CHECK(std::string(mgc_target_kind_name(-1)).empty());

    const catalog_ptr catalog = new_catalog();
    std::uint32_t almonds = 0, again = 0, beans = 0;
    REQUIRE(mgc_catalog_food_index(catalog.get(), "12061", &almonds) == MGC_OK);
    REQUIRE(mgc_catalog_food_index(catalog.get(), "usda-sr24:12061", &again) == MGC_OK);
    REQUIRE(mgc_catalog_food_index(catalog.get(), "black beans", &beans) == MGC_OK);
    CHECK(again == almonds);  // the same food, whatever the text
    CHECK(beans != almonds);
    CHECK(mgc_catalog_food_index(catalog.get(), "zzqx flurb", &index) == MGC_UNKNOWN_FOOD);
}

TEST_CASE("mgc_evaluate_batch gives evaluate_batch's rows for any thread count", "[c_api]") {
    const catalog_ptr catalog = new_catalog();
    const mgcalc::food_catalog cpp_catalog;
    const std::vector<std::string> food_texts = {"12061", "11458", "09040", "01009", "black beans", "20036"};
    std::vector<std::uint32_t> food_index;
    mgcalc::batch_foods cpp_foods;
    for (const std::string& text : food_texts) {
        std::uint32_t index = 0;
        REQUIRE(mgc_catalog_food_index(catalog.get(), text.c_str(), &index) == MGC_OK);
        food_index.push_back(index);
        if (index == cpp_foods.size()) cpp_foods.add(mgcalc::resolve_food(cpp_catalog, text).item);
    }
    REQUIRE(cpp_foods.size() == food_texts.size());

    // People across the life stages, with birth dates and fixed ages, pregnancies and lactation.
    const std::int32_t day0 = mgcalc::to_batch_day(std::chrono::sys_days{mgcalc::date(2024, 3, 1)}).time_since_epoch().count();
    std::mt19937 random(20240603);
    std::vector<mgc_batch_person> people(40);
    std::vector<mgcalc::batch_person> cpp_people(people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        mgc_batch_person& p = people[i];
        mgc_batch_person_init(&p);
        mgcalc::batch_person& q = cpp_people[i];
        const bool female = i % 2 == 0;
        p.sex = female ? MGC_FEMALE : MGC_MALE;
        q.profile.sex = female ? mgcalc::sex::female : mgcalc::sex::male;
        if (i % 3 == 0) {
            p.age_years = static_cast<double>(random() % 900) / 10.0;
            q.profile.age = mgcalc::stated_age{p.age_years, {}};
            q.age_is_fixed = true;
        } else {
            p.birth_day = day0 - static_cast<std::int32_t>(random() % 30000);
            q.profile.birth_date = mgcalc::year_month_day{std::chrono::sys_days{std::chrono::days{p.birth_day}}};
        }
        const auto range = [](std::int32_t from, std::int32_t to) {
            return mgcalc::date_range{mgcalc::year_month_day{std::chrono::sys_days{std::chrono::days{from}}},
                                      mgcalc::year_month_day{std::chrono::sys_days{std::chrono::days{to}}}};
        };
        if (female && i % 4 == 0) {
            p.age_years = 28.0;
            p.birth_day = MGC_NO_DAY;
            q.profile.birth_date.reset();
            q.profile.age = mgcalc::stated_age{28.0, {}};
            q.age_is_fixed = true;
            p.pregnant_from_day = day0 - 100;
            p.pregnant_to_day = day0;  // pregnant on the first day only
            q.profile.pregnancies.push_back(range(day0 - 100, day0));
            p.lactating_from_day = day0 + 1;
            p.lactating_to_day = day0 + 300;
            q.profile.lactation.push_back(range(day0 + 1, day0 + 300));
        }
    }
    std::vector<std::uint32_t> person, food, dose_person, dose_compound;
    std::vector<std::int32_t> day, dose_day;
    std::vector<double> grams, dose_mg;
    std::vector<std::uint8_t> compound_mass;
    std::vector<mgcalc::dose_basis> cpp_basis;
    std::uint32_t glycinate = 0, oxide = 0;
    REQUIRE(mgc_compound_index("glycinate", &glycinate) == MGC_OK);
    REQUIRE(mgc_compound_index("oxide", &oxide) == MGC_OK);
    for (std::uint32_t who = 0; who < people.size(); ++who) {
        for (std::int32_t d = 0; d < 2; ++d) {
            for (int k = 0; k < 4; ++k) {
                person.push_back(who);
                day.push_back(day0 + d);
                food.push_back(food_index[random() % food_index.size()]);
                grams.push_back(static_cast<double>(1 + random() % 3000) / 10.0);
            }
            if (who % 5 == 0 && who > 5) {  // adults over 5 years only: no supplement for an infant
                dose_person.push_back(who);
                dose_day.push_back(day0 + d);
                const bool as_compound = d == 1;
                dose_compound.push_back(as_compound ? oxide : glycinate);
                dose_mg.push_back(as_compound ? 800.0 : 400.0);
                compound_mass.push_back(as_compound ? 1 : 0);
                cpp_basis.push_back(as_compound ? mgcalc::dose_basis::compound : mgcalc::dose_basis::elemental);
            }
        }
    }
    const auto as_days = [](const std::vector<std::int32_t>& v) {
        std::vector<mgcalc::batch_day> out;
        for (std::int32_t d : v) out.push_back(mgcalc::batch_day{mgcalc::batch_day::duration{d}});
        return out;
    };
    const auto as_units = []<class Unit>(const std::vector<double>& v, Unit) {
        std::vector<Unit> out;
        for (double x : v) out.push_back(Unit::from_value(x));
        return out;
    };
    const std::vector<mgcalc::batch_day> cpp_day = as_days(day), cpp_dose_day = as_days(dose_day);
    const std::vector<mgcalc::grams> cpp_grams = as_units(grams, mgcalc::grams{});
    const std::vector<mgcalc::milligrams> cpp_mg = as_units(dose_mg, mgcalc::milligrams{});
    const mgcalc::batch_result expected =
        mgcalc::evaluate_batch(cpp_foods, cpp_people, {person, cpp_day, food, cpp_grams},
                               {dose_person, cpp_dose_day, dose_compound, cpp_mg, cpp_basis}, {.threads = 1});
    REQUIRE(expected.days.size() == people.size() * 2);

    for (unsigned threads : {1u, 2u, 3u}) {
        INFO(threads << " threads");
        const std::size_t rows = person.size() + dose_person.size();
        std::vector<std::uint32_t> out_person(rows), unknown(rows), day_index(rows);
        std::vector<std::int32_t> out_day(rows);
        std::vector<double> food_mg(rows), supplement_mg(rows), total_mg(rows), target(rows), ear(rows), ul(rows),
            percent(rows);
        std::vector<std::uint8_t> below(rows), over(rows), kind(rows);
        mgc_batch b;
        mgc_batch_init(&b);
        b.people = people.data();
        b.people_count = people.size();
        b.entry_person = person.data();
        b.entry_day = day.data();
        b.entry_food = food.data();
        b.entry_grams = grams.data();
        b.entry_count = person.size();
        b.dose_person = dose_person.data();
        b.dose_day = dose_day.data();
        b.dose_compound = dose_compound.data();
        b.dose_amount_mg = dose_mg.data();
        b.dose_is_compound_mass = compound_mass.data();
        b.dose_count = dose_person.size();
        b.threads = threads;
        b.capacity = rows;
        b.person = out_person.data();
        b.day = out_day.data();
        b.food_mg = food_mg.data();
        b.unknown_entries = unknown.data();
        b.supplement_mg = supplement_mg.data();
        b.total_mg = total_mg.data();
        b.target_mg = target.data();
        b.target_kind = kind.data();
        b.ear_mg = ear.data();
        b.ul_supplemental_mg = ul.data();
        b.percent_of_target = percent.data();
        b.below_ear = below.data();
        b.over_ul = over.data();
        b.day_index = day_index.data();
        REQUIRE(mgc_evaluate_batch(catalog.get(), &b) == MGC_OK);
        REQUIRE(b.count == expected.days.size());
        for (std::size_t i = 0; i < b.count; ++i) {
            const mgcalc::person_day& d = expected.days[i];
            const mgcalc::reference_intakes* ref = expected.reference_of(d);
            INFO("row " << i);
            CHECK(out_person[i] == d.person);
            CHECK(out_day[i] == d.day.time_since_epoch().count());
            CHECK(food_mg[i] == d.food.value());
            CHECK(unknown[i] == d.unknown_entries);
            CHECK(supplement_mg[i] == d.supplement.value());
            CHECK(total_mg[i] == d.total.value());
            CHECK(same(target[i], ref ? ref->target.value() : std::nan("")));
            CHECK(kind[i] == (ref ? static_cast<int>(ref->target_kind) : MGC_NO_TARGET));
            CHECK(same(ear[i], ref ? mg_or_nan(ref->ear) : std::nan("")));
            CHECK(same(ul[i], ref ? mg_or_nan(ref->ul_supplemental) : std::nan("")));
            CHECK(same(percent[i], d.percent_of_target));
            CHECK(below[i] == (d.below_ear ? 1 : 0));
            CHECK(over[i] == (d.over_ul ? 1 : 0));
            CHECK(day_index[i] == d.day_index);
        }

        // The rows and their references, handed back, give the library's population summary.
        if (threads == 1) {
            std::vector<std::uint32_t> doses(rows), reference(rows);
            char* references_json = nullptr;
            b.supplement_doses = doses.data();
            b.reference = reference.data();
            b.references_json_out = &references_json;
            REQUIRE(mgc_evaluate_batch(catalog.get(), &b) == MGC_OK);
            const std::string references_text = take_text(references_json);
            CHECK(references_text == mgcalc::to_json(std::span<const mgcalc::reference_intakes>(expected.references)));
            std::vector<mgc_summary_reference> references(expected.references.size());
            std::vector<std::string> texts;
            texts.reserve(2 * references.size());
            for (std::size_t i = 0; i < references.size(); ++i) {
                const mgcalc::reference_intakes& r = expected.references[i];
                mgc_summary_reference_init(&references[i]);
                references[i].authority = texts.emplace_back(r.authority).c_str();
                references[i].life_stage = texts.emplace_back(r.life_stage).c_str();
                references[i].target_mg = r.target.value();
                references[i].target_kind = static_cast<int>(r.target_kind);
                references[i].ear_mg = mg_or_nan(r.ear);
                references[i].ul_supplemental_mg = mg_or_nan(r.ul_supplemental);
            }
            std::vector<double> weights;
            for (std::size_t i = 0; i < people.size(); ++i) weights.push_back(1.0 + static_cast<double>(i % 7));
            std::vector<std::string> labels = mgcalc::sex_labels(cpp_people);
            std::vector<const char*> label_pointers;
            for (const std::string& l : labels) label_pointers.push_back(l.c_str());
            for (const mgcalc::population_grouping grouping :
                 {mgcalc::population_grouping::none, mgcalc::population_grouping::life_stage,
                  mgcalc::population_grouping::person_label}) {
                for (const bool over_people : {false, true}) {
                    mgc_summary summary;
                    mgc_summary_init(&summary);
                    summary.count = b.count;
                    summary.person = out_person.data();
                    summary.day = out_day.data();
                    summary.food_mg = food_mg.data();
                    summary.unknown_entries = unknown.data();
                    summary.supplement_doses = doses.data();
                    summary.supplement_mg = supplement_mg.data();
                    summary.total_mg = total_mg.data();
                    summary.percent_of_target = percent.data();
                    summary.reference = reference.data();
                    summary.below_ear = below.data();
                    summary.over_ul = over.data();
                    summary.references = references.data();
                    summary.reference_count = references.size();
                    summary.people_count = people.size();
                    summary.weights = weights.data();
                    summary.people = over_people ? 1 : 0;
                    summary.group_by = static_cast<int>(grouping);
                    summary.person_labels = label_pointers.data();
                    mgcalc::population_options options;
                    options.unit = over_people ? mgcalc::population_unit::people : mgcalc::population_unit::person_days;
                    options.weights.sampling = weights;
                    options.group_by = grouping;
                    options.person_labels = labels;
                    char* json = nullptr;
                    REQUIRE(mgc_summarize_json(&summary, &json) == MGC_OK);
                    CHECK(take_text(json) == mgcalc::to_json(mgcalc::summarize_population(expected, options)));
                }
            }
            mgc_summary bad;
            mgc_summary_init(&bad);
            bad.count = 1;
            const std::uint32_t nobody = 5;
            bad.person = &nobody;
            char* json = nullptr;
            CHECK(mgc_summarize_json(&bad, &json) == MGC_NULL_ARGUMENT);  // the other columns are NULL
            // The arrays above end with this block.
            b.supplement_doses = nullptr;
            b.reference = nullptr;
            b.references_json_out = nullptr;
        }

        // Too small: the status, and how many rows are needed; NULL columns are skipped.
        mgc_batch small = b;
        small.capacity = 3;
        small.food_mg = nullptr;
        CHECK(mgc_evaluate_batch(catalog.get(), &small) == MGC_BUFFER_TOO_SMALL);
        CHECK(small.count == expected.days.size());
    }
}

TEST_CASE("mgc_evaluate_batch refuses people and columns it cannot read", "[c_api]") {
    const catalog_ptr catalog = new_catalog();
    std::uint32_t almonds = 0;
    REQUIRE(mgc_catalog_food_index(catalog.get(), "12061", &almonds) == MGC_OK);
    mgc_batch_person p;
    mgc_batch_person_init(&p);
    p.age_years = 30.0;
    const std::uint32_t person = 0;
    const std::int32_t day = 19800;
    const double grams = 30.0;
    std::uint32_t out[4];
    mgc_batch b;
    mgc_batch_init(&b);
    b.people = &p;
    b.people_count = 1;
    b.entry_person = &person;
    b.entry_day = &day;
    b.entry_food = &almonds;
    b.entry_grams = &grams;
    b.entry_count = 1;
    b.capacity = 4;
    b.person = out;
    REQUIRE(mgc_evaluate_batch(catalog.get(), &b) == MGC_OK);
    CHECK(b.count == 1);

    mgc_batch_person both = p;
    both.birth_day = 1000;
    b.people = &both;
    CHECK(mgc_evaluate_batch(catalog.get(), &b) == MGC_INVALID_LIFE_STAGE);
    CHECK(std::string(mgc_last_error_message()).find("people[0] has both a birth_day and an age_years") != std::string::npos);
    mgc_batch_person backwards = p;
    backwards.pregnant_from_day = day;
    backwards.pregnant_to_day = day - 1;
    b.people = &backwards;
    CHECK(mgc_evaluate_batch(catalog.get(), &b) == MGC_INVALID_DATE);
    mgc_batch_person half = p;
    half.lactating_from_day = day;
    b.people = &half;
    CHECK(mgc_evaluate_batch(catalog.get(), &b) == MGC_INVALID_DATE);
    mgc_batch_person old = p;
    old.version = 0;
    b.people = &old;
    CHECK(mgc_evaluate_batch(catalog.get(), &b) == MGC_VERSION_MISMATCH);
    b.people = &p;

    const std::uint32_t no_such_food = almonds + 1;
    b.entry_food = &no_such_food;
    CHECK(mgc_evaluate_batch(catalog.get(), &b) == MGC_PARSE_ERROR);
    b.entry_food = nullptr;
    CHECK(mgc_evaluate_batch(catalog.get(), &b) == MGC_NULL_ARGUMENT);
    CHECK(std::string(mgc_last_error_message()).find("batch->entry_food is NULL") != std::string::npos);
    b.entry_food = &almonds;
    const double negative = -1.0;
    b.entry_grams = &negative;
    CHECK(mgc_evaluate_batch(catalog.get(), &b) == MGC_INVALID_AMOUNT);
}

TEST_CASE("C API: text read as the command line reads it, infant feeding, and NULL text out after a failure", "[c_api]") {
    mgc_sex sex = MGC_FEMALE;
    REQUIRE(mgc_parse_sex("M", &sex) == MGC_OK);
    CHECK(sex == MGC_MALE);
    REQUIRE(mgc_parse_sex("female", &sex) == MGC_OK);
    CHECK(sex == MGC_FEMALE);
    CHECK(mgc_parse_sex("other", &sex) == static_cast<int>(cpp_error([] { (void)mgcalc::parse_sex("other"); }).code()));
    std::int32_t day = 0;
    REQUIRE(mgc_parse_day("2024-03-01", &day) == MGC_OK);
    CHECK(day == 19783);
    CHECK(mgc_parse_day("2024-02-30", &day) == MGC_INVALID_DATE);
    CHECK(mgc_parse_day("2024-03-01", nullptr) == MGC_NULL_ARGUMENT);

    // WHO/FAO gives infants under 6 months a value by feeding only.
    mgc_profile baby = profile_of(MGC_FEMALE, 0.3, false, false, "who");
    char* json = reinterpret_cast<char*>(&day);  // not NULL: a failure must clear it
    CHECK(mgc_reference_json(&baby, &json) == MGC_NOT_COVERED);
    CHECK(json == nullptr);
    baby.infant_feeding = "formula-fed";
    REQUIRE(mgc_reference_json(&baby, &json) == MGC_OK);
    const mgcalc::life_stage formula(mgcalc::sex::female, mgcalc::age::from_years(0.3),
                                     {.feeding = mgcalc::infant_feeding::formula_fed});
    CHECK(take_text(json) == mgcalc::to_json(mgcalc::reference_intakes_for(formula, mgcalc::authority::who), formula));
    baby.infant_feeding = "bottle";
    CHECK(mgc_reference_json(&baby, &json) == MGC_PARSE_ERROR);

    const catalog_ptr catalog = new_catalog();
    json = reinterpret_cast<char*>(&day);
    CHECK(mgc_search_foods_json(catalog.get(), "beans", 5000, &json) == MGC_INVALID_AMOUNT);
    CHECK(json == nullptr);
    json = reinterpret_cast<char*>(&day);
    CHECK(mgc_resolve_food_json(nullptr, "beans 100 g", &json) == MGC_NULL_ARGUMENT);
    CHECK(json == nullptr);
}

TEST_CASE("mgc_summarize_json refuses amounts that are not finite and more references than a day can index", "[c_api]") {
    const std::uint32_t person = 0, unknown = 0, doses = 0, reference = 0;
    const std::int32_t day = 19783;
    double food = 100.0, supplement = 0.0, total = std::nan(""), percent = 30.0;
    const std::uint8_t no = 0;
    mgc_summary_reference ref;
    mgc_summary_reference_init(&ref);
    ref.authority = "IOM 1997";
    ref.life_stage = "Females 19-30 y";
    ref.target_mg = 310.0;
    ref.target_kind = MGC_TARGET_RDA;
    mgc_summary s;
    mgc_summary_init(&s);
    s.count = 1;
    s.person = &person;
    s.day = &day;
    s.food_mg = &food;
    s.unknown_entries = &unknown;
    s.supplement_doses = &doses;
    s.supplement_mg = &supplement;
    s.total_mg = &total;
    s.percent_of_target = &percent;
    s.reference = &reference;
    s.below_ear = &no;
    s.over_ul = &no;
    s.references = &ref;
    s.reference_count = 1;
    s.people_count = 1;
    char* json = nullptr;
    CHECK(mgc_summarize_json(&s, &json) == MGC_INVALID_AMOUNT);
    CHECK(std::string(mgc_last_error_message()).find("summary->total_mg[0] is nan") != std::string::npos);
    total = 100.0;
    REQUIRE(mgc_summarize_json(&s, &json) == MGC_OK);
    CHECK(take_text(json).find("\"units\": 1") != std::string::npos);
    s.reference_count = 70000;  // checked before any of them is read
    CHECK(mgc_summarize_json(&s, &json) == MGC_INVALID_AMOUNT);
    s.reference_count = 1;
    ref.target_kind = 9;
    CHECK(mgc_summarize_json(&s, &json) == MGC_INVALID_AMOUNT);
}
