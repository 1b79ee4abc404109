// The batch CSV files: what each column means, every bad row an error at file:line naming the
// column, skip_bad_rows leaving no trace of a rejected row, and the results CSV.
#include <mgcalc/io/batch_files.hpp>

#include "test_support.hpp"

#include <fstream>

using namespace mgcalc;
using Catch::Matchers::Contains;
using mgcalc_test::error_message;
using mgcalc_test::temporary_folder;

namespace {

struct batch_files {
    temporary_folder folder;
    std::string people = folder.file("people.csv");
    std::string entries = folder.file("entries.csv");
    std::string supplements = folder.file("supplements.csv");

    batch_files(const std::string& people_text, const std::string& entries_text, const std::string& supplements_text = {}) {
        std::ofstream(people) << people_text;
        std::ofstream(entries) << entries_text;
        if (!supplements_text.empty()) std::ofstream(supplements) << supplements_text;
    }
    batch_input read(batch_file_options options = {}, bool with_supplements = false) const {
        return read_batch_files(food_catalog(), people, entries, with_supplements ? supplements : std::string(), options);
    }
};

const std::string two_people =
    "person,sex,birth_date,age_years,pregnant_from,pregnant_to,lactating_from,lactating_to,authority,weight,repweight_1,repweight_2\n"
    "a,female,1990-05-14,,2024-01-01,2024-09-30,,,,1500,1400,1600\n"
    "b,male,,45,,,,,efsa,900.5,1000,800\n";

}  // namespace

TEST_CASE("batch files: people, entries and supplements become columns", "[batch_files]") {
    const batch_files files(two_people,
                            "person,date,food,grams,note\n"
                            "a,2024-04-02,12014,28,ignored\n"
                            "b,2024-04-02,usda-sr24:12014,10,\n"
                            "a,2024-04-03,pumpkin seeds dried,30,\n"
                            "b,2024-04-03,pumpkin seeds dried,5,\n",
                            "person,date,compound,amount,unit,basis\n"
                            "a,2024-04-02,glycinate,200,mg,\n"
                            "b,2024-04-02,Epsom salt,1,g,compound\n");
    const batch_input input = files.read({}, true);
    REQUIRE(input.people.size() == 2);
    CHECK(input.person_ids == std::vector<std::string>{"a", "b"});
    CHECK(input.weights == std::vector<double>{1500, 900.5});
    REQUIRE(input.replicate_weights.size() == 2);
    CHECK(input.replicate_weights[1] == std::vector<double>{1600, 800});
    CHECK(input.people[0].profile.pregnancies.size() == 1);
    CHECK(input.people[0].profile.authority == authority::iom);
    CHECK(input.people[1].profile.authority == authority::efsa);
    // age_years is the age on every day, not an age moving from some date.
    CHECK(input.people[1].age_is_fixed);
    CHECK(input.people[1].on(date(2030, 1, 1)).age().in_years() == 45.0);

    // 12014 written three ways is one food of the table; the words were resolved once.
    REQUIRE(input.entry_food.size() == 4);
    CHECK(input.foods.size() == 1);
    CHECK(input.entry_food == std::vector<std::uint32_t>{0, 0, 0, 0});
    REQUIRE(input.food_matches.size() == 1);
    CHECK(input.food_matches[0].text == "pumpkin seeds dried");
    CHECK(input.food_matches[0].first_line == 4);
    CHECK(input.food_matches[0].rows == 2);
    CHECK(input.food_matches[0].food_id == "12014");

    REQUIRE(input.dose_amount.size() == 2);
    CHECK(input.dose_amount[0].value() == 200.0);
    CHECK(input.dose_basis_column[0] == dose_basis::elemental);
    CHECK(input.dose_amount[1].value() == 1000.0);
    CHECK(input.dose_basis_column[1] == dose_basis::compound);
    CHECK(&compounds()[input.dose_compound[1]] == find_compound("sulfate-heptahydrate"));
}

TEST_CASE("batch files: a bad row is an error at its file and line, naming the column", "[batch_files]") {
    const std::string header = "person,date,food,grams\n";
    const auto entries_error = [&](const std::string& row, errc code = errc::malformed_file) {
        const batch_files files(two_people, header + "a,2024-04-02,12014,28\n" + row + "\n");
        return error_message([&] { files.read(); }, code);
    };
    CHECK_THAT(entries_error("c,2024-04-02,12014,28"), Contains("entries.csv:3: field 'person': \"c\" is not in"));
    CHECK_THAT(entries_error("a,2024-02-30,12014,28"), Contains("entries.csv:3: field 'date':"));
    CHECK_THAT(entries_error("a,2024-04-02,99999,28"), Contains("entries.csv:3: field 'food':"));
    CHECK_THAT(entries_error("a,2024-04-02,12014,-1"), Contains("entries.csv:3: field 'grams': -1 g is not accepted"));
    CHECK_THAT(entries_error("a,2024-04-02,12014,lots"), Contains("entries.csv:3: field 'grams':"));
    CHECK_THAT(entries_error("a,2024-04-02,,28"), Contains("entries.csv:3: field 'food': is empty"));

    const batch_files missing(two_people, "person,date,grams\n");
    CHECK_THAT(error_message([&] { missing.read(); }, errc::malformed_file), Contains("'food'"));

    const batch_files no_age("person,sex\na,female\n", header);
    CHECK_THAT(error_message([&] { no_age.read(); }, errc::malformed_file), Contains("neither birth_date nor age_years"));
    const batch_files both("person,sex,birth_date,age_years\na,female,1990-01-01,30\n", header);
    CHECK_THAT(error_message([&] { both.read(); }, errc::malformed_file),
               Contains("people.csv:2: field 'age_years': is given with a birth_date"));
    const batch_files twice("person,sex,age_years\na,female,30\na,male,40\n", header);
    CHECK_THAT(error_message([&] { twice.read(); }, errc::malformed_file), Contains("people.csv:3: field 'person'"));
    const batch_files half_range("person,sex,age_years,pregnant_from,pregnant_to\na,female,30,2024-01-01,\n", header);
    CHECK_THAT(error_message([&] { half_range.read(); }, errc::malformed_file), Contains("people.csv:2: field 'pregnant_to'"));
    const batch_files bad_weight("person,sex,age_years,weight\na,female,30,-2\n", header);
    CHECK_THAT(error_message([&] { bad_weight.read(); }, errc::malformed_file), Contains("people.csv:2: field 'weight'"));

    const batch_files bad_dose(two_people, header + "a,2024-04-02,12014,28\n",
                               "person,date,compound,amount,unit,basis\na,2024-04-02,unobtainium,1,mg,\n");
    CHECK_THAT(error_message([&] { bad_dose.read({}, true); }, errc::malformed_file),
               Contains("supplements.csv:2: field 'compound':"));
    const batch_files g_mix_up(two_people, header, "person,date,compound,amount,unit,basis\na,2024-04-02,glycinate,200,g,\n");
    CHECK_THAT(error_message([&] { g_mix_up.read({}, true); }, errc::malformed_file),
               Contains("supplements.csv:2: field 'amount':"));
}

TEST_CASE("batch files: skip_bad_rows leaves a bad row out entirely and lists it", "[batch_files]") {
    const batch_files files("person,sex,age_years\na,female,30\nb,male,-4\n",
                            "person,date,food,grams\n"
                            "a,2024-04-02,12014,28\n"
                            "b,2024-04-02,12014,28\n"   // b was rejected: not a person
                            "a,2024-04-02,12014,x\n"
                            "a,2024-04-03,09040,100\n");
    const batch_input input = files.read({.authority = std::nullopt, .skip_bad_rows = true});
    CHECK(input.people.size() == 1);
    CHECK(input.weights.size() == 1);
    CHECK(input.entry_person.size() == 2);
    REQUIRE(input.rejects.size() == 3);
    CHECK(input.rejects[0].line == 3);
    CHECK_THAT(input.rejects[0].file, Contains("people.csv"));
    CHECK(input.rejects[1].line == 3);
    CHECK(input.rejects[2].line == 4);
    CHECK_THAT(rejects_csv(input.rejects), Contains("file,line,code,message\n"));
}

TEST_CASE("batch files: the results CSV, empty where a value does not exist", "[batch_files]") {
    const batch_files files("person,sex,birth_date\nadult,female,1990-01-01\ninfant,male,2024-01-01\n",
                            "person,date,food,grams\nadult,2024-04-02,12014,100\ninfant,2024-04-02,01077,100\n");
    const batch_input input = files.read({.authority = authority::efsa});
    const batch_result result = evaluate_batch(input.foods, input.people, input.entries());
    std::ostringstream written;
    write_batch_results_csv(written, input, result);
    const std::string csv = written.str();
    CHECK(csv.substr(0, csv.find('\n')) == batch_results_header);
    // EFSA sets no EAR and no UL from food; the infant of 3 months has no EFSA row at all.
    CHECK_THAT(csv, Contains("\nadult,2024-04-02,592,0,0,592,300,ai,,250,197.3,,false\n"));
    CHECK_THAT(csv, Contains("\ninfant,2024-04-02,10,0,0,10,,,,,,,\n"));
}

TEST_CASE("batch files: a dose keeps its amount exactly, in any unit", "[batch_files]") {
    const batch_files files(two_people, "person,date,food,grams\n",
                            "person,date,compound,amount,unit,basis\n"
                            "a,2024-04-02,glycinate,200,mg,\n"
                            "a,2024-04-02,citrate,2,g,compound\n"
                            "a,2024-04-02,oxide,0.1,g,compound\n"
                            "a,2024-04-02,glycinate,1,spoon,\n");
    const batch_input input = files.read({.authority = std::nullopt, .skip_bad_rows = true}, true);
    REQUIRE(input.dose_amount.size() == 3);
    CHECK(input.dose_amount[0].value() == 200.0);
    CHECK(input.dose_amount[1].value() == 2000.0);
    CHECK(input.dose_amount[2].value() == 100.0);
    REQUIRE(input.rejects.size() == 1);
    CHECK_THAT(input.rejects[0].message, Contains("field 'unit':"));
}

TEST_CASE("batch files: an infant's feeding gives WHO/FAO's value under 6 months", "[batch_files]") {
    const batch_files files("person,sex,birth_date,authority,infant_feeding\nbaby,female,2024-02-01,who,formula-fed\n"
                            "other,male,2024-02-01,who,\n",
                            "person,date,food,grams\nbaby,2024-04-02,01077,100\nother,2024-04-02,01077,100\n");
    const batch_input input = files.read();
    CHECK(input.people[0].profile.infant_feeding == infant_feeding::formula_fed);
    const batch_result result = evaluate_batch(input.foods, input.people, input.entries());
    REQUIRE(result.days.size() == 2);
    const reference_intakes* fed = result.reference_of(result.days[0]);
    REQUIRE(fed != nullptr);
    CHECK(fed->target.value() == 36.0);  // WHO/FAO 2004: 36 mg formula-fed
    CHECK(result.reference_of(result.days[1]) == nullptr);  // no feeding given: no value, no guess
}
