// src/c/mgcalc_c.cpp - the C API (include/mgcalc/mgcalc.h) over the C++ library.
//
// Only conversion lives here: C arguments are checked (null pointers, UTF-8, struct versions) and
// turned into the library's types, the library does the work, and every exception becomes a status
// and this thread's message. The logic an app needs (reading typed entries, the JSON documents,
// the batch) is the library's, shared with the command line.
#include <mgcalc/mgcalc.h>

#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/chemistry/supplement.hpp>
#include <mgcalc/dates.hpp>
#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/evaluate/batch.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>
#include <mgcalc/evaluate/population.hpp>
#include <mgcalc/foods/catalog.hpp>
#include <mgcalc/foods/loaders.hpp>
#include <mgcalc/foods/resolve.hpp>
#include <mgcalc/intake/day.hpp>
#include <mgcalc/intake/log.hpp>
#include <mgcalc/limits.hpp>
#include <mgcalc/io/json.hpp>
#include <mgcalc/people/authority.hpp>
#include <mgcalc/people/life_stage.hpp>
#include <mgcalc/people/reference.hpp>
#include <mgcalc/version.hpp>

#include "detail/utf8.hpp"

#include <cmath>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <mutex>
#include <new>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct mgc_catalog {
    mgcalc::food_catalog foods;
    // The batch's food column indexes this table; mgc_catalog_food_index adds to it while other
    // threads may evaluate batches over it.
    mutable std::shared_mutex batch_lock;
    mgcalc::batch_foods batch;
    std::unordered_map<std::string, std::uint32_t> batch_index_of;  // "source:id" -> index
};

struct mgc_day {
    const mgc_catalog* catalog;
    mgcalc::day_intake intake;
};

namespace {

using mgcalc::errc;
using mgcalc::error;

// The mgc_status numbers 1-11 are mgcalc::errc's.
static_assert(MGC_INVALID_AMOUNT == static_cast<int>(errc::invalid_amount));
static_assert(MGC_UNKNOWN_UNIT == static_cast<int>(errc::unknown_unit));
static_assert(MGC_UNKNOWN_COMPOUND == static_cast<int>(errc::unknown_compound));
static_assert(MGC_INVALID_LIFE_STAGE == static_cast<int>(errc::invalid_life_stage));
static_assert(MGC_INVALID_DATE == static_cast<int>(errc::invalid_date));
static_assert(MGC_PARSE_ERROR == static_cast<int>(errc::parse_error));
static_assert(MGC_UNKNOWN_FOOD == static_cast<int>(errc::unknown_food));
static_assert(MGC_UNKNOWN_MEASURE == static_cast<int>(errc::unknown_measure));
static_assert(MGC_AMBIGUOUS_FOOD == static_cast<int>(errc::ambiguous_food));
static_assert(MGC_MALFORMED_FILE == static_cast<int>(errc::malformed_file));
static_assert(MGC_NOT_COVERED == static_cast<int>(errc::not_covered));
static_assert(MGC_TARGET_RDA == static_cast<int>(mgcalc::target_kind::rda));
static_assert(MGC_TARGET_AI == static_cast<int>(mgcalc::target_kind::ai));
static_assert(MGC_TARGET_PRI == static_cast<int>(mgcalc::target_kind::pri));
static_assert(MGC_TARGET_RNI == static_cast<int>(mgcalc::target_kind::rni));
static_assert(MGC_GROUP_NONE == static_cast<int>(mgcalc::population_grouping::none));
static_assert(MGC_GROUP_LIFE_STAGE == static_cast<int>(mgcalc::population_grouping::life_stage));
static_assert(MGC_GROUP_PERSON_LABEL == static_cast<int>(mgcalc::population_grouping::person_label));

thread_local std::string last_error;
// What mgc_last_error_message returns when the message itself could not be stored (no memory).
thread_local const char* last_error_fallback = nullptr;

// Keeps the message of this thread's last failure, never throwing: the message is built while
// memory may be short.
void remember(std::initializer_list<std::string_view> parts) noexcept {
    try {
        last_error.clear();
        for (std::string_view part : parts) last_error.append(part);
        last_error_fallback = nullptr;
    } catch (...) {
        last_error_fallback = "[mgcalc.out_of_memory] the error's message could not be stored";
    }
}

// A failure of the C API itself (a null pointer, a struct version, a buffer): carried like an
// mgcalc::error so that one catch turns every failure into a status and a message.
struct api_failure {
    int status;
    std::string message;
};

[[noreturn]] void fail(int status, std::string message) { throw api_failure{status, std::move(message)}; }

// Runs `body`; every exception becomes a status, with its message kept for this thread. Nothing
// escapes into C.
template <class Body>
int guarded(Body body) noexcept {
    try {
        body();
        return MGC_OK;
    } catch (const error& e) {
        remember({e.what()});
        return static_cast<int>(e.code());
    } catch (const api_failure& e) {
        remember({"[mgcalc.", mgc_status_name(e.status), "] ", e.message});
        return e.status;
    } catch (const std::bad_alloc&) {
        remember({"[mgcalc.out_of_memory] an allocation failed"});
        return MGC_OUT_OF_MEMORY;
    } catch (const std::length_error&) {
        // A count too large to allocate for (a batch of 2^62 rows).
        remember({"[mgcalc.out_of_memory] a count is too large to hold in memory; expected counts of rows that "
                  "fit in memory (split a batch into several)"});
        return MGC_OUT_OF_MEMORY;
    } catch (const std::exception& e) {
        remember({"[mgcalc.internal] ", e.what()});
        return MGC_INTERNAL;
    } catch (...) {
        remember({"[mgcalc.internal] an unknown exception"});
        return MGC_INTERNAL;
    }
}

template <class T>
void require(const T* pointer, const char* name) {
    if (pointer == nullptr) fail(MGC_NULL_ARGUMENT, std::string(name) + " is NULL; expected a valid pointer");
}

// `field` names the version field as the caller wrote it: "profile->version", "people[3].version".
void check_version(unsigned version, std::string_view field, std::string_view init) {
    if (version != MGC_STRUCT_VERSION) {
        fail(MGC_VERSION_MISMATCH, mgcalc::detail::concat({field, " is ", std::to_string(version), ", expected ",
                                                           std::to_string(MGC_STRUCT_VERSION), ": call ", init,
                                                           " on it first"}));
    }
}

template <class Struct>
void require_version(const Struct* s, const char* name, std::string_view init) {
    require(s, name);
    check_version(s->version, std::string(name) + "->version", init);
}

// Text from C: not NULL and UTF-8, else an error naming the argument and the byte.
std::string_view text_argument(const char* text, const char* name) {
    require(text, name);
    const std::string_view view(text);
    if (const std::size_t at = mgcalc::detail::utf8::invalid_at(view); at != std::string_view::npos) {
        throw error(errc::parse_error, std::string(name) + " is not UTF-8: byte " +
                                           mgcalc::detail::utf8::hex_byte(static_cast<unsigned char>(view[at])) +
                                           " at offset " + std::to_string(at) + "; expected UTF-8 text");
    }
    return view;
}

mgcalc::authority authority_argument(const char* text, const char* name) {
    return text == nullptr ? mgcalc::authority::iom : mgcalc::parse_authority(text_argument(text, name));
}

mgcalc::sex sex_argument(const mgc_sex& s, const char* name) {
    // Read as the int C stored: a C enum may hold any int, which a C++ enum of two values may not.
    static_assert(sizeof(mgc_sex) == sizeof(int));
    int value = 0;
    std::memcpy(&value, &s, sizeof value);
    if (value == MGC_FEMALE) return mgcalc::sex::female;
    if (value == MGC_MALE) return mgcalc::sex::male;
    throw error(errc::invalid_life_stage,
                std::string(name) + " is " + std::to_string(value) + "; expected MGC_FEMALE or MGC_MALE");
}

mgcalc::infant_feeding feeding_argument(const char* text, const char* name) {
    return text == nullptr ? mgcalc::infant_feeding::unspecified : mgcalc::parse_infant_feeding(text_argument(text, name));
}

mgcalc::life_stage stage_of(const mgc_profile& p) {
    if (std::isnan(p.age_years)) {
        throw error(errc::invalid_life_stage, "profile->age_years is not set; expected the exact age in years (34.5)");
    }
    return mgcalc::life_stage(sex_argument(p.sex, "profile->sex"), mgcalc::age::from_years(p.age_years),
                              {.pregnant = p.pregnant != 0,
                               .lactating = p.lactating != 0,
                               .feeding = feeding_argument(p.infant_feeding, "profile->infant_feeding")});
}

// Text handed to C, freed with mgc_free (std::free).
char* c_text(const std::string& text) {
    char* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (out == nullptr) throw std::bad_alloc();
    std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

// Checks a char ** for text out and clears it, so that it is NULL if the call then fails.
void clear_text_out(char** out, const char* name) {
    require(out, name);
    *out = nullptr;
}

void put_json(char** json_out, const std::string& json) { *json_out = c_text(json); }

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

double mg_or_nan(const std::optional<mgcalc::milligrams>& value) { return value ? value->value() : not_a_number; }

mgcalc::evaluation evaluate_day(const mgc_day* d, const mgc_profile* p) {
    require(d, "day");
    require_version(p, "profile", "mgc_profile_init");
    return mgcalc::evaluate(d->intake, stage_of(*p), authority_argument(p->authority, "profile->authority"));
}

std::optional<mgcalc::year_month_day> day_or_none(std::int32_t day) {
    if (day == MGC_NO_DAY) return std::nullopt;
    return mgcalc::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
}

std::optional<mgcalc::date_range> range_of(std::int32_t from, std::int32_t to, std::size_t person, const char* what) {
    if (from == MGC_NO_DAY && to == MGC_NO_DAY) return std::nullopt;
    const std::string where = "people[" + std::to_string(person) + "]." + what;
    if (from == MGC_NO_DAY || to == MGC_NO_DAY) {
        throw error(errc::invalid_date, where + "_from_day and " + what +
                                            "_to_day: one is MGC_NO_DAY; expected both days, or both MGC_NO_DAY");
    }
    if (to < from) {
        throw error(errc::invalid_date, where + "_to_day " + std::to_string(to) + " is before " + what + "_from_day " +
                                            std::to_string(from) + "; expected an end on or after the start");
    }
    return mgcalc::date_range{*day_or_none(from), *day_or_none(to)};
}

mgcalc::batch_person batch_person_of(const mgc_batch_person& p, std::size_t index) {
    const std::string where = "people[" + std::to_string(index) + "]";
    check_version(p.version, where + ".version", "mgc_batch_person_init");
    mgcalc::batch_person who;
    who.profile.sex = sex_argument(p.sex, (where + ".sex").c_str());
    const bool has_birth = p.birth_day != MGC_NO_DAY, has_age = !std::isnan(p.age_years);
    if (has_birth == has_age) {
        throw error(errc::invalid_life_stage,
                    where + (has_birth ? " has both a birth_day and an age_years" : " has neither a birth_day nor an age_years") +
                        "; expected one of them (age_years NAN with a birth_day, birth_day MGC_NO_DAY with an age)");
    }
    if (has_birth) {
        who.profile.birth_date = day_or_none(p.birth_day);
    } else {
        (void)mgcalc::age::from_years(p.age_years);  // the range check, with its message
        who.profile.age = mgcalc::stated_age{p.age_years, mgcalc::year_month_day{}};
        who.age_is_fixed = true;
    }
    if (auto range = range_of(p.pregnant_from_day, p.pregnant_to_day, index, "pregnant")) {
        who.profile.pregnancies.push_back(*range);
    }
    if (auto range = range_of(p.lactating_from_day, p.lactating_to_day, index, "lactating")) {
        who.profile.lactation.push_back(*range);
    }
    who.profile.authority = authority_argument(p.authority, (where + ".authority").c_str());
    who.profile.infant_feeding = feeding_argument(p.infant_feeding, (where + ".infant_feeding").c_str());
    return who;
}

// A column of `count` rows: required unless count is 0.
template <class T>
std::span<const T> column(const T* data, std::size_t count, const char* name) {
    if (count == 0) return {};
    require(data, name);
    return {data, count};
}

template <class T, class Value>
void put(T* out, std::size_t row, Value value) {
    if (out != nullptr) out[row] = static_cast<T>(value);
}

}  // namespace

extern "C" {

const char* mgc_status_name(int status) {
    switch (status) {
        case MGC_OK: return "ok";
        case MGC_OUT_OF_MEMORY: return "out_of_memory";
        case MGC_INTERNAL: return "internal";
        case MGC_NULL_ARGUMENT: return "null_argument";
        case MGC_VERSION_MISMATCH: return "version_mismatch";
        case MGC_BUFFER_TOO_SMALL: return "buffer_too_small";
        default: break;
    }
    if (status >= MGC_INVALID_AMOUNT && status <= MGC_NOT_COVERED) {
        // The names are mgcalc::errc's, static strings behind string_views that end in a NUL.
        return mgcalc::to_string(static_cast<errc>(status)).data();
    }
    return "unknown_status";
}

const char* mgc_target_kind_name(int kind) {
    if (kind < MGC_TARGET_RDA || kind > MGC_TARGET_RNI) return "";
    // The names of the CSV and JSON documents: to_string(target_kind), "RDA", in lower case.
    static const std::array<std::string, 4> names = [] {
        std::array<std::string, 4> out;
        for (int k = MGC_TARGET_RDA; k <= MGC_TARGET_RNI; ++k) {
            out[static_cast<std::size_t>(k)] = mgcalc::detail::to_lower(mgcalc::to_string(static_cast<mgcalc::target_kind>(k)));
        }
        return out;
    }();
    return names[static_cast<std::size_t>(kind)].c_str();
}

const char* mgc_last_error_message(void) { return last_error_fallback ? last_error_fallback : last_error.c_str(); }

void mgc_free(void* text) { std::free(text); }

int mgc_parse_sex(const char* text, mgc_sex* sex_out) {
    return guarded([&] {
        require(sex_out, "sex_out");
        *sex_out = mgcalc::parse_sex(text_argument(text, "text")) == mgcalc::sex::male ? MGC_MALE : MGC_FEMALE;
    });
}

int mgc_parse_day(const char* text, int32_t* day_out) {
    return guarded([&] {
        require(day_out, "day_out");
        const mgcalc::year_month_day day = mgcalc::parse_date(text_argument(text, "text"));
        *day_out = mgcalc::to_batch_day(std::chrono::sys_days{day}).time_since_epoch().count();
    });
}

const char* mgc_version(void) { return mgcalc::version_string; }

int mgc_catalog_new(mgc_catalog** out) {
    return guarded([&] {
        require(out, "out");
        *out = nullptr;
        *out = new mgc_catalog{};
    });
}

void mgc_catalog_free(mgc_catalog* c) { delete c; }

int mgc_catalog_load(mgc_catalog* c, const char* spec) {
    return guarded([&] {
        require(c, "catalog");
        const std::string_view text = text_argument(spec, "spec");
        c->foods.add(mgcalc::load_food_database(text, c->foods));
    });
}

int mgc_search_foods_json(const mgc_catalog* c, const char* query, size_t limit, char** json_out) {
    return guarded([&] {
        clear_text_out(json_out, "json_out");
        require(c, "catalog");
        const std::string_view text = text_argument(query, "query");
        // As `mgcalc foods search --limit`, so that the answer's size is bounded.
        constexpr auto most = static_cast<std::size_t>(mgcalc::limits::max_search_results);
        if (limit > most) {
            throw error(errc::invalid_amount, "limit " + std::to_string(limit) + " is over " + std::to_string(most) +
                                                  "; expected 0 (10) to " + std::to_string(most));
        }
        put_json(json_out, mgcalc::to_json(c->foods.search(text, limit == 0 ? 10 : limit)));
    });
}

int mgc_resolve_food_json(const mgc_catalog* c, const char* entry, char** json_out) {
    return guarded([&] {
        clear_text_out(json_out, "json_out");
        require(c, "catalog");
        put_json(json_out, mgcalc::to_json(mgcalc::resolve_food_entry(c->foods, text_argument(entry, "entry"))));
    });
}

void mgc_profile_init(mgc_profile* p) {
    if (p == nullptr) return;
    *p = mgc_profile{};
    p->version = MGC_STRUCT_VERSION;
    p->sex = MGC_FEMALE;
    p->age_years = not_a_number;
    p->pregnant = 0;
    p->lactating = 0;
    p->authority = nullptr;
    p->infant_feeding = nullptr;
}

int mgc_reference_json(const mgc_profile* p, char** json_out) {
    return guarded([&] {
        clear_text_out(json_out, "json_out");
        require_version(p, "profile", "mgc_profile_init");
        const mgcalc::life_stage stage = stage_of(*p);
        const mgcalc::authority a = authority_argument(p->authority, "profile->authority");
        put_json(json_out, mgcalc::to_json(mgcalc::reference_intakes_for(stage, a), stage));
    });
}

int mgc_day_new(const mgc_catalog* c, mgc_day** out) {
    return guarded([&] {
        require(out, "out");
        *out = nullptr;
        require(c, "catalog");
        *out = new mgc_day{c, {}};
    });
}

void mgc_day_free(mgc_day* d) { delete d; }

int mgc_day_add_food(mgc_day* d, const char* entry) {
    return guarded([&] {
        require(d, "day");
        mgcalc::add_typed_entry(d->intake, mgcalc::log_entry_kind::food, text_argument(entry, "entry"), d->catalog->foods);
    });
}

int mgc_day_add_supplement(mgc_day* d, const char* dose) {
    return guarded([&] {
        require(d, "day");
        mgcalc::add_typed_entry(d->intake, mgcalc::log_entry_kind::supplement, text_argument(dose, "dose"),
                                d->catalog->foods);
    });
}

void mgc_result_init(mgc_result* r) {
    if (r == nullptr) return;
    *r = mgc_result{};
    r->version = MGC_STRUCT_VERSION;
    r->food_mg = r->supplement_mg = r->total_mg = 0.0;
    r->target_mg = r->ear_mg = r->ul_supplemental_mg = r->percent_of_target = not_a_number;
}

int mgc_evaluate(const mgc_day* d, const mgc_profile* p, mgc_result* out) {
    return guarded([&] {
        require_version(out, "out", "mgc_result_init");
        const mgcalc::evaluation e = evaluate_day(d, p);
        mgc_result r{};
        r.version = MGC_STRUCT_VERSION;
        r.food_mg = e.food.value();
        r.supplement_mg = e.supplement.value();
        r.total_mg = e.total.value();
        r.unknown_entries = static_cast<int>(e.unknown_entries);
        r.target_mg = e.reference.target.value();
        r.target_kind = static_cast<int>(e.reference.target_kind);
        r.ear_mg = mg_or_nan(e.reference.ear);
        r.ul_supplemental_mg = mg_or_nan(e.reference.ul_supplemental);
        r.percent_of_target = e.percent_of_target;
        r.over_ul = e.over_ul ? 1 : 0;
        r.below_ear = e.status == mgcalc::intake_status::below_ear ? 1 : 0;
        r.warnings = static_cast<int>(e.warnings.size());
        *out = r;
    });
}

int mgc_result_json(const mgc_day* d, const mgc_profile* p, char** json_out) {
    return guarded([&] {
        clear_text_out(json_out, "json_out");
        mgcalc::evaluation e = evaluate_day(d, p);
        const mgcalc::life_stage stage = e.stage;
        put_json(json_out, mgcalc::to_json(mgcalc::day_result{mgcalc::today(), stage, std::move(e)}));
    });
}

int mgc_catalog_food_index(mgc_catalog* c, const char* food, uint32_t* index_out) {
    return guarded([&] {
        require(c, "catalog");
        require(index_out, "index_out");
        const mgcalc::resolved_food found = mgcalc::resolve_food(c->foods, text_argument(food, "food"));
        std::string key = found.item.source;
        key += ':';
        key += found.item.id;
        const std::unique_lock lock(c->batch_lock);
        const auto [slot, added] = c->batch_index_of.try_emplace(std::move(key), 0);
        if (added) {
            try {
                slot->second = c->batch.add(found.item);
            } catch (...) {
                c->batch_index_of.erase(slot);
                throw;
            }
        }
        *index_out = slot->second;
    });
}

int mgc_compound_index(const char* compound, uint32_t* index_out) {
    return guarded([&] {
        require(index_out, "index_out");
        const mgcalc::compound& form = mgcalc::get_compound(text_argument(compound, "compound"));
        // batch_supplement_columns: compounds() in order, then compounds().size() for the
        // unspecified form, which is the table's last entry.
        *index_out = static_cast<std::uint32_t>(&form - mgcalc::compounds().data());
    });
}

int mgc_dose_unit(const char* compound, const char* unit, const char* basis, uint32_t* compound_index_out,
                  double* mg_per_unit_out, int* is_compound_mass_out) {
    return guarded([&] {
        require(compound_index_out, "compound_index_out");
        require(mg_per_unit_out, "mg_per_unit_out");
        require(is_compound_mass_out, "is_compound_mass_out");
        const mgcalc::compound& form = mgcalc::get_compound(text_argument(compound, "compound"));
        const mgcalc::supplement_dose one = mgcalc::one_unit_dose(
            form, text_argument(unit, "unit"), basis == nullptr ? std::string_view() : text_argument(basis, "basis"));
        *compound_index_out = static_cast<std::uint32_t>(&one.form() - mgcalc::compounds().data());
        *mg_per_unit_out = one.amount().value();
        *is_compound_mass_out = one.basis() == mgcalc::dose_basis::compound ? 1 : 0;
    });
}

void mgc_batch_person_init(mgc_batch_person* p) {
    if (p == nullptr) return;
    *p = mgc_batch_person{};
    p->version = MGC_STRUCT_VERSION;
    p->sex = MGC_FEMALE;
    p->birth_day = MGC_NO_DAY;
    p->age_years = not_a_number;
    p->pregnant_from_day = p->pregnant_to_day = MGC_NO_DAY;
    p->lactating_from_day = p->lactating_to_day = MGC_NO_DAY;
    p->authority = nullptr;
    p->infant_feeding = nullptr;
}

void mgc_batch_init(mgc_batch* b) {
    if (b == nullptr) return;
    *b = mgc_batch{};
    b->version = MGC_STRUCT_VERSION;
}

int mgc_evaluate_batch(const mgc_catalog* c, mgc_batch* b) {
    return guarded([&] {
        require(c, "catalog");
        require_version(b, "batch", "mgc_batch_init");
        b->count = 0;
        if (b->references_json_out != nullptr) *b->references_json_out = nullptr;
        const std::span<const mgc_batch_person> given = column(b->people, b->people_count, "batch->people");
        std::vector<mgcalc::batch_person> people;
        people.reserve(given.size());
        for (std::size_t i = 0; i < given.size(); ++i) people.push_back(batch_person_of(given[i], i));

        // The day and amount columns are reinterpreted as the library's types, which have the
        // same representation: no copy of millions of rows.
        static_assert(sizeof(mgcalc::batch_day) == sizeof(std::int32_t));
        static_assert(sizeof(mgcalc::grams) == sizeof(double) && sizeof(mgcalc::milligrams) == sizeof(double));
        const auto days = [](const std::int32_t* data, std::size_t count, const char* name) {
            const std::span<const std::int32_t> raw = column(data, count, name);
            return std::span<const mgcalc::batch_day>(reinterpret_cast<const mgcalc::batch_day*>(raw.data()), raw.size());
        };
        const std::span<const double> grams = column(b->entry_grams, b->entry_count, "batch->entry_grams");
        const mgcalc::batch_food_columns entries{
            column(b->entry_person, b->entry_count, "batch->entry_person"),
            days(b->entry_day, b->entry_count, "batch->entry_day"),
            column(b->entry_food, b->entry_count, "batch->entry_food"),
            {reinterpret_cast<const mgcalc::grams*>(grams.data()), grams.size()}};

        // Every column is checked before anything is allocated for it.
        const std::span<const double> amounts = column(b->dose_amount_mg, b->dose_count, "batch->dose_amount_mg");
        const std::span<const std::uint32_t> dose_person = column(b->dose_person, b->dose_count, "batch->dose_person");
        const std::span<const mgcalc::batch_day> dose_day = days(b->dose_day, b->dose_count, "batch->dose_day");
        const std::span<const std::uint32_t> dose_compound =
            column(b->dose_compound, b->dose_count, "batch->dose_compound");
        std::vector<mgcalc::dose_basis> basis(b->dose_count, mgcalc::dose_basis::elemental);
        if (b->dose_is_compound_mass != nullptr) {
            for (std::size_t i = 0; i < b->dose_count; ++i) {
                if (b->dose_is_compound_mass[i] != 0) basis[i] = mgcalc::dose_basis::compound;
            }
        }
        const mgcalc::batch_supplement_columns doses{
            dose_person, dose_day, dose_compound,
            {reinterpret_cast<const mgcalc::milligrams*>(amounts.data()), amounts.size()}, basis};

        // A copy of the food table (8 bytes a food), so that mgc_catalog_food_index never waits
        // for a batch to finish.
        mgcalc::batch_foods foods;
        {
            const std::shared_lock lock(c->batch_lock);
            foods = c->batch;
        }
        const mgcalc::batch_result result =
            mgcalc::evaluate_batch(foods, people, entries, doses, {.threads = b->threads, .progress = {}});
        if (result.days.size() > b->capacity) {
            b->count = result.days.size();
            fail(MGC_BUFFER_TOO_SMALL, "the result has " + std::to_string(result.days.size()) +
                                           " person-days but batch->capacity is " + std::to_string(b->capacity) +
                                           "; expected a capacity of at least that (entry_count + dose_count always suffices)");
        }
        for (std::size_t row = 0; row < result.days.size(); ++row) {
            const mgcalc::person_day& d = result.days[row];
            const mgcalc::reference_intakes* reference = result.reference_of(d);
            put(b->person, row, d.person);
            put(b->day, row, d.day.time_since_epoch().count());
            put(b->food_mg, row, d.food.value());
            put(b->unknown_entries, row, d.unknown_entries);
            put(b->supplement_mg, row, d.supplement.value());
            put(b->total_mg, row, d.total.value());
            put(b->target_mg, row, reference ? reference->target.value() : not_a_number);
            put(b->target_kind, row, reference ? static_cast<int>(reference->target_kind) : MGC_NO_TARGET);
            put(b->ear_mg, row, reference ? mg_or_nan(reference->ear) : not_a_number);
            put(b->ul_supplemental_mg, row, reference ? mg_or_nan(reference->ul_supplemental) : not_a_number);
            put(b->percent_of_target, row, d.percent_of_target);
            put(b->below_ear, row, d.below_ear ? 1 : 0);
            put(b->over_ul, row, d.over_ul ? 1 : 0);
            put(b->day_index, row, d.day_index);
            put(b->supplement_doses, row, d.supplement_doses);
            put(b->reference, row, reference ? std::uint32_t{d.reference} : MGC_NO_REFERENCE);
        }
        if (b->references_json_out != nullptr) {
            *b->references_json_out = nullptr;
            *b->references_json_out = c_text(mgcalc::to_json(std::span<const mgcalc::reference_intakes>(result.references)));
        }
        b->count = result.days.size();
    });
}

void mgc_summary_reference_init(mgc_summary_reference* r) {
    if (r == nullptr) return;
    *r = mgc_summary_reference{};
    r->version = MGC_STRUCT_VERSION;
    r->target_mg = r->ear_mg = r->ul_supplemental_mg = not_a_number;
    r->target_kind = MGC_NO_TARGET;
}

void mgc_summary_init(mgc_summary* s) {
    if (s == nullptr) return;
    *s = mgc_summary{};
    s->version = MGC_STRUCT_VERSION;
    s->replicate_scale = 1.0;
    s->group_by = MGC_GROUP_NONE;
}

int mgc_summarize_json(const mgc_summary* s, char** json_out) {
    return guarded([&] {
        clear_text_out(json_out, "json_out");
        require_version(s, "summary", "mgc_summary_init");
        const std::size_t n = s->count;
        // The person-days and their references, rebuilt as the batch_result the library summarizes.
        // The references' authority and life stage are views of the caller's strings, which
        // outlive this call.
        mgcalc::batch_result batch;
        const auto given_references = column(s->references, s->reference_count, "summary->references");
        // A person-day holds its reference's index in 16 bits (person_day::reference).
        if (given_references.size() >= mgcalc::person_day::no_reference) {
            throw error(errc::invalid_amount, "summary->reference_count is " + std::to_string(given_references.size()) +
                                                  "; expected fewer than " +
                                                  std::to_string(mgcalc::person_day::no_reference) + " references");
        }
        for (std::size_t i = 0; i < given_references.size(); ++i) {
            const mgc_summary_reference& given = given_references[i];
            const std::string where = "summary->references[" + std::to_string(i) + "]";
            check_version(given.version, where + ".version", "mgc_summary_reference_init");
            if (given.target_kind < MGC_TARGET_RDA || given.target_kind > MGC_TARGET_RNI || !(given.target_mg > 0)) {
                throw error(errc::invalid_amount, where + " has no target; expected a target_mg over 0 and a "
                                                          "target_kind of MGC_TARGET_RDA to MGC_TARGET_RNI");
            }
            mgcalc::reference_intakes r{};
            r.authority = text_argument(given.authority, (where + ".authority").c_str());
            r.life_stage = text_argument(given.life_stage, (where + ".life_stage").c_str());
            r.target = mgcalc::milligrams::from_value(given.target_mg);
            r.target_kind = static_cast<mgcalc::target_kind>(given.target_kind);
            if (!std::isnan(given.ear_mg)) r.ear = mgcalc::milligrams::from_value(given.ear_mg);
            if (!std::isnan(given.ul_supplemental_mg)) {
                r.ul_supplemental = mgcalc::milligrams::from_value(given.ul_supplemental_mg);
            }
            batch.references.push_back(r);
        }
        const auto person = column(s->person, n, "summary->person");
        const auto day = column(s->day, n, "summary->day");
        const auto food = column(s->food_mg, n, "summary->food_mg");
        const auto unknown = column(s->unknown_entries, n, "summary->unknown_entries");
        const auto doses = column(s->supplement_doses, n, "summary->supplement_doses");
        const auto supplement = column(s->supplement_mg, n, "summary->supplement_mg");
        const auto total = column(s->total_mg, n, "summary->total_mg");
        const auto percent = column(s->percent_of_target, n, "summary->percent_of_target");
        const auto reference = column(s->reference, n, "summary->reference");
        const auto below = column(s->below_ear, n, "summary->below_ear");
        const auto over = column(s->over_ul, n, "summary->over_ul");
        batch.days.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const bool none = reference[i] == MGC_NO_REFERENCE;
            if (!none && reference[i] >= batch.references.size()) {
                throw error(errc::parse_error, "summary->reference[" + std::to_string(i) + "] is " +
                                                   std::to_string(reference[i]) + "; expected an index below " +
                                                   std::to_string(batch.references.size()) + " or MGC_NO_REFERENCE");
            }
            if (person[i] >= s->people_count) {
                throw error(errc::parse_error, "summary->person[" + std::to_string(i) + "] is " + std::to_string(person[i]) +
                                                   "; expected an index below people_count " +
                                                   std::to_string(s->people_count));
            }
            for (const auto& [amount, name] : {std::pair{food[i], "food_mg"}, std::pair{supplement[i], "supplement_mg"},
                                               std::pair{total[i], "total_mg"}}) {
                if (!(std::isfinite(amount) && amount >= 0)) {
                    throw error(errc::invalid_amount, std::string("summary->") + name + "[" + std::to_string(i) +
                                                          "] is " + std::to_string(amount) +
                                                          "; expected a finite amount of 0 mg or more");
                }
            }
            if (none) ++batch.days_not_covered;
            batch.days.push_back(mgcalc::person_day{
                .person = person[i],
                .day = mgcalc::batch_day{mgcalc::batch_day::duration{day[i]}},
                .food = mgcalc::milligrams::from_value(food[i]),
                .unknown_entries = unknown[i],
                .supplement_doses = doses[i],
                .supplement = mgcalc::milligrams::from_value(supplement[i]),
                .total = mgcalc::milligrams::from_value(total[i]),
                .percent_of_target = percent[i],
                .day_index = 0,
                .reference = none ? mgcalc::person_day::no_reference : static_cast<std::uint16_t>(reference[i]),
                .below_ear = below[i] != 0,
                .over_ul = over[i] != 0});
        }

        mgcalc::population_options options;
        options.unit = s->people != 0 ? mgcalc::population_unit::people : mgcalc::population_unit::person_days;
        const std::size_t people = s->people_count;
        if (s->weights != nullptr) options.weights.sampling.assign(s->weights, s->weights + people);
        if (s->replicates > 0) {
            require(s->replicate_weights, "summary->replicate_weights");
            for (std::size_t r = 0; r < s->replicates; ++r) {
                const double* first = s->replicate_weights + r * people;
                options.weights.replicates.emplace_back(first, first + people);
            }
        }
        options.weights.scale = s->replicate_scale;
        switch (s->group_by) {
            case MGC_GROUP_NONE: options.group_by = mgcalc::population_grouping::none; break;
            case MGC_GROUP_LIFE_STAGE: options.group_by = mgcalc::population_grouping::life_stage; break;
            case MGC_GROUP_PERSON_LABEL: {
                options.group_by = mgcalc::population_grouping::person_label;
                const auto labels = column(s->person_labels, people, "summary->person_labels");
                for (std::size_t i = 0; i < people; ++i) {
                    options.person_labels.emplace_back(
                        text_argument(labels[i], ("summary->person_labels[" + std::to_string(i) + "]").c_str()));
                }
                break;
            }
            default:
                throw error(errc::parse_error, "summary->group_by is " + std::to_string(s->group_by) +
                                                   "; expected MGC_GROUP_NONE, MGC_GROUP_LIFE_STAGE or MGC_GROUP_PERSON_LABEL");
        }
        put_json(json_out, mgcalc::to_json(mgcalc::summarize_population(batch, options)));
    });
}

}  // extern "C"
