// Tests for mgcalc/io/chart.hpp: the SVG charts of a day and of a period.
//
// Evaluations are built in code with mgcalc::evaluate; the period is assembled by hand from
// evaluate() results, so these tests do not depend on evaluate_log. Each chart is checked as XML
// by the small checker below (balanced tags, quoted attributes, only the five predefined entities
// or character references, valid UTF-8), searched for the labels a reader needs, and rendered to
// PNG with rsvg-convert (librsvg2-bin) when CMake found it (MGCALC_RSVG_CONVERT), so a chart that
// a real SVG renderer rejects fails the test. Reference numbers: IOM 1997 as docs/reference-intakes.md
// ships them; food values: USDA SR24 (data/usda-sr24/foods.csv).
#include <mgcalc/io/chart.hpp>
#include <mgcalc/chemistry/compound.hpp>
#include <mgcalc/people/age_between.hpp>
#include <mgcalc/evaluate/evaluation.hpp>
#include <mgcalc/evaluate/log_evaluation.hpp>

#include "detail/utf8.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <clocale>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <locale>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>
#if __has_include(<sys/wait.h>)
#include <sys/wait.h>
#endif

using namespace mgcalc::unit_symbols;

namespace {

// ---------------------------------------------------------------------------------------------
// A small XML well-formedness checker: enough to prove the charts are one balanced element tree
// with quoted attributes and escaped text, without an XML library.
// ---------------------------------------------------------------------------------------------

struct xml_report {
    bool ok = false;
    std::string error;
    std::string root;
    std::size_t elements = 0;
};

/// Well-formed UTF-8 (the library's one validator, tested in tests/detail/utf8_test.cpp) with only
/// the characters XML 1.0 allows: no control character but tab and line ends.
bool valid_utf8(std::string_view text) {
    if (!mgcalc::detail::utf8::is_valid(text)) return false;
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
    });
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':' || c == '.';
}

/// Character data or an attribute value: no '<', and every '&' starts a known reference.
std::optional<std::string> check_characters(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<') return "'<' in text or attribute value";
        if (text[i] != '&') continue;
        const std::size_t end = text.find(';', i);
        if (end == std::string_view::npos || end - i > 10) return "'&' without a reference";
        const std::string_view name = text.substr(i + 1, end - i - 1);
        const bool named = name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
        const bool numeric = name.size() > 1 && name[0] == '#' &&
                             name.substr(name[1] == 'x' ? 2 : 1).find_first_not_of(
                                 name[1] == 'x' ? "0123456789abcdefABCDEF" : "0123456789") == std::string_view::npos;
        if (!named && !numeric) return "unknown entity &" + std::string(name) + ";";
        i = end;
    }
    return std::nullopt;
}

xml_report check_xml(std::string_view doc) {
    xml_report report;
    auto fail = [&](std::size_t at, const std::string& what) {
        report.ok = false;
        report.error = what + " at offset " + std::to_string(at);
        return report;
    };
    if (!valid_utf8(doc)) return fail(0, "invalid UTF-8 or a control character");
    std::size_t pos = 0;
    if (doc.substr(0, 5) == "<?xml") {
        pos = doc.find("?>");
        if (pos == std::string_view::npos) return fail(0, "unterminated XML declaration");
        pos += 2;
    }
    std::vector<std::string> open;
    bool root_closed = false;
    while (pos < doc.size()) {
        const std::size_t lt = doc.find('<', pos);
        const std::string_view text = doc.substr(pos, (lt == std::string_view::npos ? doc.size() : lt) - pos);
        if (open.empty() && text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
            return fail(pos, "text outside the root element");
        }
        if (auto error = check_characters(text)) return fail(pos, *error);
        if (lt == std::string_view::npos) break;
        pos = lt;
        if (doc.substr(pos, 4) == "<!--") {
            const std::size_t end = doc.find("-->", pos);
            if (end == std::string_view::npos) return fail(pos, "unterminated comment");
            pos = end + 3;
            continue;
        }
        if (doc.substr(pos, 2) == "<!" || doc.substr(pos, 2) == "<?") return fail(pos, "unexpected <! or <?");
        if (doc.substr(pos, 2) == "</") {
            std::size_t end = pos + 2;
            while (end < doc.size() && is_name_char(doc[end])) ++end;
            const std::string name(doc.substr(pos + 2, end - pos - 2));
            while (end < doc.size() && doc[end] == ' ') ++end;
            if (end >= doc.size() || doc[end] != '>') return fail(pos, "malformed end tag");
            if (open.empty() || open.back() != name) {
                return fail(pos, "</" + name + "> does not close <" + (open.empty() ? "" : open.back()) + ">");
            }
            open.pop_back();
            if (open.empty()) root_closed = true;
            pos = end + 1;
            continue;
        }
        // A start tag.
        if (root_closed) return fail(pos, "a second root element");
        std::size_t end = pos + 1;
        while (end < doc.size() && is_name_char(doc[end])) ++end;
        const std::string name(doc.substr(pos + 1, end - pos - 1));
        if (name.empty()) return fail(pos, "'<' not starting a tag");
        if (open.empty() && report.root.empty()) report.root = name;
        ++report.elements;
        std::set<std::string> attributes;
        bool self_closing = false;
        while (true) {
            while (end < doc.size() && (doc[end] == ' ' || doc[end] == '\n' || doc[end] == '\t')) ++end;
            if (end >= doc.size()) return fail(pos, "unterminated tag <" + name);
            if (doc.substr(end, 2) == "/>") {
                self_closing = true;
                end += 2;
                break;
            }
            if (doc[end] == '>') {
                ++end;
                break;
            }
            const std::size_t attribute_start = end;
            while (end < doc.size() && is_name_char(doc[end])) ++end;
            const std::string attribute(doc.substr(attribute_start, end - attribute_start));
            if (attribute.empty()) return fail(end, "malformed attribute in <" + name + ">");
            if (!attributes.insert(attribute).second) return fail(end, "duplicate attribute " + attribute);
            if (end + 1 >= doc.size() || doc[end] != '=' || (doc[end + 1] != '"' && doc[end + 1] != '\'')) {
                return fail(end, "attribute " + attribute + " without a quoted value");
            }
            const char quote = doc[end + 1];
            const std::size_t value_end = doc.find(quote, end + 2);
            if (value_end == std::string_view::npos) return fail(end, "unterminated attribute value");
            if (auto error = check_characters(doc.substr(end + 2, value_end - end - 2))) return fail(end, *error);
            end = value_end + 1;
        }
        if (!self_closing) open.push_back(name);
        if (self_closing && open.empty()) root_closed = true;
        pos = end;
    }
    if (!open.empty()) return fail(doc.size(), "unclosed <" + open.back() + ">");
    if (!root_closed) return fail(doc.size(), "no root element");
    report.ok = true;
    return report;
}

std::size_t count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

// ---------------------------------------------------------------------------------------------
// Rendering with rsvg-convert.
// ---------------------------------------------------------------------------------------------

#ifdef MGCALC_RSVG_CONVERT
constexpr const char* rsvg_convert = MGCALC_RSVG_CONVERT;
#else
constexpr const char* rsvg_convert = nullptr;
#endif

/// Where the rendered charts go: <build>/tests/chart-output, next to the test executable.
std::filesystem::path output_dir() {
    std::error_code error;
    std::filesystem::path dir = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
    if (error || dir.empty()) dir = std::filesystem::current_path();
    dir /= "chart-output";
    std::filesystem::create_directories(dir);
    return dir;
}

std::string shell_quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct render_result {
    int exit_code;
    std::string png;  // the PNG's bytes
    std::string messages;
};

/// Writes `svg` to <output_dir>/<name>.svg and renders <name>.png with rsvg-convert.
render_result render(const std::string& svg, const std::string& name) {
    const std::filesystem::path dir = output_dir();
    const std::filesystem::path svg_file = dir / (name + ".svg");
    const std::filesystem::path png_file = dir / (name + ".png");
    const std::filesystem::path log_file = dir / (name + ".log");
    std::filesystem::remove(png_file);
    std::ofstream(svg_file, std::ios::binary) << svg;
    const std::string command = shell_quoted(rsvg_convert) + " --format=png --output=" +
                                shell_quoted(png_file.string()) + ' ' + shell_quoted(svg_file.string()) + " 2>" +
                                shell_quoted(log_file.string());
    const int status = std::system(command.c_str());
    int exit_code = status;
#ifdef WEXITSTATUS
    exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#endif
    auto read = [](const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    return {exit_code, read(png_file), read(log_file)};
}

bool is_png(const std::string& bytes) {
    constexpr std::string_view signature{"\x89PNG\r\n\x1a\n", 8};
    return bytes.size() > signature.size() && std::string_view(bytes).substr(0, signature.size()) == signature;
}

/// Renders and checks the result; with no rsvg-convert, says so once per chart.
void check_renders(const std::string& svg, const std::string& name) {
    if (rsvg_convert == nullptr) {
        WARN("rsvg-convert was not found when CMake ran: " << name << " not rendered");
        return;
    }
    const render_result result = render(svg, name);
    INFO(name << ": rsvg-convert said: " << result.messages);
    CHECK(result.exit_code == 0);
    CHECK(is_png(result.png));
}

// ---------------------------------------------------------------------------------------------
// Days and periods.
// ---------------------------------------------------------------------------------------------

// USDA SR24 values (data/usda-sr24/foods.csv).
const mgcalc::food pumpkin_seeds{"12014", "Seeds, pumpkin and squash seed kernels, dried", 592.0 * mg};
const mgcalc::food almonds{"12061", "Nuts, almonds", 268.0 * mg};
const mgcalc::food banana{"09040", "Bananas, raw", 27.0 * mg};
const mgcalc::food spinach{"11458", "Spinach, cooked, boiled, drained, without salt", 87.0 * mg};
const mgcalc::food black_beans{"16015", "Beans, black, mature seeds, cooked, boiled, without salt", 70.0 * mg};
const mgcalc::food brown_rice{"20037", "Rice, brown, long-grain, cooked", 43.0 * mg};
const mgcalc::food yogurt{"01117", "Yogurt, plain, low fat, 12 grams protein per 8 ounce", 17.0 * mg};
const mgcalc::food cheese_sauce{"01188", "KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce", std::nullopt};
// Made-up foods whose descriptions need escaping or hold multi-byte UTF-8.
const mgcalc::food tricky{"x1", "Tom & Jerry's <\"cheese\"> spread", 20.0 * mg};
const mgcalc::food long_accented{
    "x2", "Cr\u00E8me br\u00FBl\u00E9e \u00E0 la fran\u00E7aise, caf\u00E9 na\u00EFve \u2014 extra long description "
          "\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9",
    12.0 * mg};
const mgcalc::food unknown_tricky{"x3", "Mystery <stew> & \"dumplings\"", std::nullopt};

mgcalc::life_stage woman(double years) { return {mgcalc::sex::female, mgcalc::age::from_years(years)}; }

mgcalc::supplement_dose elemental(const char* compound, double amount_mg) {
    return {mgcalc::get_compound(compound), amount_mg * mg};
}

/// A varied day for a woman of 34 (Females 31-50 y: RDA 320 mg, EAR 265 mg, supplemental UL
/// 350 mg): nine known foods (736.66 mg), two without data, and supplements totalling
/// `supplements_mg`, half glycinate, half citrate.
mgcalc::evaluation full_day(double supplements_mg) {
    mgcalc::day_intake day;
    day.add_food(pumpkin_seeds, 28.0 * g)   // 165.76 mg
        .add_food(almonds, 28.0 * g)        // 75.04 mg
        .add_food(banana, 118.0 * g)        // 31.86 mg
        .add_food(spinach, 90.0 * g)        // 78.3 mg
        .add_food(black_beans, 86.0 * g)    // 60.2 mg
        .add_food(brown_rice, 195.0 * g)    // 83.85 mg
        .add_food(yogurt, 245.0 * g)        // 41.65 mg
        .add_food(tricky, 400.0 * g)         // 80 mg
        .add_food(long_accented, 1000.0 * g) // 120 mg
        .add_food(cheese_sauce, 33.0 * g)
        .add_food(unknown_tricky, 200.0 * g);
    if (supplements_mg > 0) {
        day.add_supplement(elemental("glycinate", supplements_mg / 2)).add_supplement(elemental("citrate", supplements_mg / 2));
    }
    return mgcalc::evaluate(day, woman(34.0));
}

using mgcalc::date;

mgcalc::year_month_day next_day(mgcalc::year_month_day d) {
    return mgcalc::year_month_day{std::chrono::sys_days{d} + std::chrono::days{1}};
}

/// 2024-03-01 to 2024-03-08 for a woman born 1993-03-04: 30 years old (Females 19-30 y, RDA
/// 310 mg) until 2024-03-03, 31 from her birthday on 2024-03-04 (Females 31-50 y, RDA 320 mg).
/// 2024-03-05 is not logged; 03-02 and 03-07 have an entry without data; 03-06 is over the UL.
mgcalc::period_evaluation birthday_period() {
    const mgcalc::year_month_day birth = date(1993, 3, 4);
    mgcalc::period_evaluation period;
    for (unsigned d = 1; d <= 8; ++d) {
        if (d == 5) continue;
        const mgcalc::life_stage stage{mgcalc::sex::female, mgcalc::age_between(birth, date(2024, 3, d))};
        mgcalc::day_intake day;
        day.add_food(pumpkin_seeds, (10.0 + 2.0 * d) * g).add_food(banana, 118.0 * g).add_food(spinach, 90.0 * g);
        if (d == 2 || d == 7) day.add_food(cheese_sauce, 40.0 * g);
        if (d % 2 == 0) day.add_supplement(elemental("citrate", d == 6 ? 400.0 : 150.0));
        period.days.push_back({date(2024, 3, d), stage, mgcalc::evaluate(day, stage)});
    }
    period.summary.from = date(2024, 3, 1);
    period.summary.to = date(2024, 3, 8);
    period.summary.days = period.days.size();
    return period;
}

}  // namespace

TEST_CASE("chart: the XML checker rejects what a renderer would", "[chart]") {
    CHECK(check_xml("<?xml version=\"1.0\"?>\n<svg a=\"1\"><g><text>a &amp; b</text></g><rect/></svg>\n").ok);
    CHECK_FALSE(check_xml("<svg><g></svg>").ok);                  // unbalanced
    CHECK_FALSE(check_xml("<svg><text>a & b</text></svg>").ok);   // bare ampersand
    CHECK_FALSE(check_xml("<svg><text>a < b</text></svg>").ok);   // bare less-than
    CHECK_FALSE(check_xml("<svg x=1/>").ok);                      // unquoted attribute
    CHECK_FALSE(check_xml("<svg x=\"1\" x=\"2\"/>").ok);          // duplicate attribute
    CHECK_FALSE(check_xml("<svg/><svg/>").ok);                    // two roots
    CHECK_FALSE(check_xml("<svg><text>\xC3(</text></svg>").ok);   // invalid UTF-8
}

TEST_CASE("chart: a day chart is well-formed SVG with its text escaped", "[chart]") {
    const std::string svg = mgcalc::day_chart_svg(full_day(200.0), "2024-03-14 \"Tom & Jerry's\" <day>");
    const xml_report xml = check_xml(svg);
    INFO(xml.error);
    REQUIRE(xml.ok);
    CHECK(xml.root == "svg");
    CHECK(contains(svg, "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(contains(svg, "version=\"1.1\""));
    CHECK(contains(svg, "encoding=\"UTF-8\""));
    // Self-contained: no external references, scripts or style sheets.
    CHECK_FALSE(contains(svg, "xlink:href"));
    CHECK_FALSE(contains(svg, "<script"));
    CHECK_FALSE(contains(svg, "<image"));
    CHECK_FALSE(contains(svg, "http://www.w3.org/1999/xlink"));

    // Descriptions and the title with & < > " ' come out escaped, never raw.
    CHECK(contains(svg, "Tom &amp; Jerry&apos;s &lt;&quot;cheese&quot;&gt; spread"));
    CHECK(contains(svg, "Mystery &lt;stew&gt; &amp; &quot;dumplings&quot;"));
    CHECK(contains(svg, "2024-03-14 &quot;Tom &amp; Jerry&apos;s&quot; &lt;day&gt;"));
    CHECK_FALSE(contains(svg, "<\"cheese\">"));
    CHECK_FALSE(contains(svg, "<stew>"));
    // A long label is shortened on whole characters with an ellipsis; its full text is a tooltip.
    CHECK(contains(svg, "Cr\u00E8me br\u00FBl\u00E9e"));
    CHECK(contains(svg, "\u2026</text>"));
}

TEST_CASE("chart: a day chart labels the target and the supplemental UL with their numbers", "[chart]") {
    const mgcalc::evaluation day = full_day(200.0);
    const std::string svg = mgcalc::day_chart_svg(day, "2024-03-14");
    CHECK(contains(svg, "Females 31-50 y"));  // the life stage group in the title
    CHECK(contains(svg, "2024-03-14"));
    CHECK(contains(svg, ">RDA 320 mg</text>"));                        // the target line's label
    CHECK(contains(svg, ">UL 350 mg (supplements only)</text>"));      // the UL line's label
    CHECK(contains(svg, "UL applies to supplements only"));           // the legend note
    CHECK(contains(svg, "EAR 265 mg"));
    // Food 736.66 mg + supplements 200 mg = 936.66 mg = 292.7% of 320 mg, a lower bound with two
    // unknown entries.
    CHECK(day.total.value() == Approx(936.66));
    CHECK(contains(svg, ">\u2265 936.7 mg (292%)</text>"));  // truncated: never a percent not reached
    CHECK(contains(svg, ">100 mg</text>"));        // each supplement as its own bar ...
    CHECK(contains(svg, ">All supplements</text>")); // ... and their sum, which the UL applies to
    CHECK(contains(svg, ">200 mg</text>"));
    CHECK(contains(svg, ">165.8 mg</text>"));      // the largest food
    CHECK_FALSE(contains(svg, "over UL"));
    // Nine known foods: the six largest as bars, the other three (133.71 mg) grouped.
    CHECK(contains(svg, ">Other foods (3 entries)</text>"));
    CHECK(contains(svg, ">133.7 mg</text>"));
    CHECK(contains(svg, ">31.9 mg</text>") == false);  // bananas are grouped, not drawn alone

    // 400 mg of supplements is over the 350 mg UL: the supplement sum says so, the total does not.
    const std::string over = mgcalc::day_chart_svg(full_day(400.0), "2024-03-15");
    CHECK(contains(over, "400 mg \u00B7 <tspan"));
    CHECK(contains(over, ">over UL</tspan>"));
    CHECK(contains(over, "Supplements 400 mg: over the UL."));
}

TEST_CASE("chart: entries without data are listed as no data, never drawn as 0", "[chart]") {
    const std::string svg = mgcalc::day_chart_svg(full_day(0.0));
    CHECK(count(svg, "no data (not counted as 0)") == 2);
    CHECK(count(svg, "class=\"no-data-entry\"") == 2);
    CHECK(contains(svg, ">KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce</text>") == false);  // amount first
    CHECK(contains(svg, "33 g KRAFT CHEEZ WHIZ"));
    CHECK(count(svg, "class=\"no-data\"") == 1);  // the hatched cap on the total: a lower bound
    CHECK(contains(svg, "No data: the total is a lower bound"));
    CHECK(contains(svg, "2 entries with no data: the total is a lower bound."));
    CHECK_FALSE(contains(svg, ">0 mg</text>"));
    // No supplement, but the UL is still shown against the (empty) supplement part.
    CHECK(contains(svg, "no supplement logged"));
    CHECK(contains(svg, ">UL 350 mg (supplements only)</text>"));

    // More unknown entries than rows: the rest are grouped, still as no data.
    mgcalc::day_intake many;
    for (int i = 0; i < 5; ++i) many.add_food(cheese_sauce, 10.0 * g);
    const std::string grouped = mgcalc::day_chart_svg(mgcalc::evaluate(many, woman(25.0)));
    CHECK(count(grouped, "no data (not counted as 0)") == 3);
    CHECK(contains(grouped, ">Other foods (3 entries)</text>"));
    CHECK(check_xml(grouped).ok);
}

TEST_CASE("chart: a total just below the target never shows 100%", "[chart]") {
    // Women 19-30 y: RDA 310 mg (IOM 1997); 309.9 mg is 99.97% of it and below the RDA.
    mgcalc::day_intake day;
    day.add_supplement(elemental("citrate", 309.9));
    const std::string svg = mgcalc::day_chart_svg(mgcalc::evaluate(day, woman(25.0)));
    CHECK(contains(svg, "Total 309.9 mg = 99% of the RDA: below the RDA"));
    CHECK(contains(svg, ">309.9 mg (99%)</text>"));
}

TEST_CASE("chart: an infant's day has an AI and no UL", "[chart]") {
    mgcalc::day_intake day;
    day.add_food(banana, 50.0 * g).add_supplement(elemental("citrate", 20.0));
    const mgcalc::life_stage baby{mgcalc::sex::male, mgcalc::age::from_months(4)};
    const std::string svg = mgcalc::day_chart_svg(mgcalc::evaluate(day, baby), "2024-03-14");
    REQUIRE(check_xml(svg).ok);
    CHECK(contains(svg, "Infants 0-6 months"));
    CHECK(contains(svg, ">AI 30 mg</text>"));  // IOM 1997: AI 30 mg, no UL
    CHECK(contains(svg, "no UL established"));
    CHECK_FALSE(contains(svg, ">UL "));
    CHECK_FALSE(contains(svg, "UL applies to supplements only"));
    check_renders(svg, "infant-day");
}

TEST_CASE("chart: a period chart has one bar per day, the target per day and marked days", "[chart]") {
    const mgcalc::period_evaluation period = birthday_period();
    REQUIRE(period.days[2].result.reference.target.value() == 310.0);  // 03-03: 30 years old
    REQUIRE(period.days[3].result.reference.target.value() == 320.0);  // 03-04: 31st birthday
    const std::string svg = mgcalc::period_chart_svg(period);
    const xml_report xml = check_xml(svg);
    INFO(xml.error);
    REQUIRE(xml.ok);
    CHECK(contains(svg, "2024-03-01 to 2024-03-08"));
    CHECK(contains(svg, "Females 19-30 y \u2192 Females 31-50 y"));
    CHECK(count(svg, "<g class=\"day\">") == 7);  // seven logged days, 03-05 is a gap
    CHECK(contains(svg, "Not logged"));
    // The target changes on the birthday: both values are drawn and labelled.
    CHECK(contains(svg, ">RDA 310 mg</text>"));
    CHECK(contains(svg, ">RDA 320 mg</text>"));
    CHECK(contains(svg, ">UL 350 mg</text>"));
    CHECK(contains(svg, "UL applies to supplements only"));
    // Days with an entry without data get a hatched cap and a "\u2265" value; the over-UL day a marker.
    CHECK(count(svg, "class=\"no-data\"") == 2);
    CHECK(count(svg, ">\u2265") == 2 * 2);  // each value label is drawn twice: white halo, then text
    CHECK(count(svg, "class=\"over-ul\"") == 1);
    CHECK(contains(svg, "2024-03-06: food"));
    CHECK(contains(svg, "supplements 400 mg"));
    CHECK(contains(svg, "1 over the UL"));
    CHECK(contains(svg, "2 with no-data entries"));
    for (const char* label : {">03-01</text>", ">03-05</text>", ">03-08</text>"}) CHECK(contains(svg, label));
}

TEST_CASE("chart: output is deterministic and does not depend on the locale", "[chart]") {
    const mgcalc::evaluation day = full_day(200.0);
    const mgcalc::period_evaluation period = birthday_period();
    const std::string day_svg = mgcalc::day_chart_svg(day, "2024-03-14");
    const std::string period_svg = mgcalc::period_chart_svg(period);
    CHECK(mgcalc::day_chart_svg(day, "2024-03-14") == day_svg);
    CHECK(mgcalc::period_chart_svg(period) == period_svg);

    // A global C++ locale with a decimal comma (iostreams) must not turn "165.8" into "165,8" ...
    struct decimal_comma : std::numpunct<char> {
        char do_decimal_point() const override { return ','; }
        char do_thousands_sep() const override { return '.'; }
        std::string do_grouping() const override { return "\3"; }
    };
    const std::locale previous_global = std::locale::global(std::locale(std::locale::classic(), new decimal_comma));
    CHECK(mgcalc::day_chart_svg(day, "2024-03-14") == day_svg);
    CHECK(mgcalc::period_chart_svg(period) == period_svg);
    std::locale::global(previous_global);

    // ... and neither must a C locale with one (printf), where one is installed.
    const std::string previous = std::setlocale(LC_ALL, nullptr);
    bool switched = false;
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "ru_RU.UTF-8"}) {
        if (std::setlocale(LC_ALL, name)) {
            switched = true;
            break;
        }
    }
    if (switched) {
        CHECK(mgcalc::day_chart_svg(day, "2024-03-14") == day_svg);
        CHECK(mgcalc::period_chart_svg(period) == period_svg);
    } else {
        WARN("no C locale with a decimal comma is installed (locale -a): checked with a C++ global locale only");
    }
    std::setlocale(LC_ALL, previous.c_str());
}

TEST_CASE("chart: empty days and periods are still valid charts", "[chart]") {
    const std::string empty_day = mgcalc::day_chart_svg(mgcalc::evaluate(mgcalc::day_intake{}, woman(40.0)));
    CHECK(check_xml(empty_day).ok);
    CHECK(contains(empty_day, "no food logged"));
    CHECK(contains(empty_day, ">RDA 320 mg</text>"));

    const std::string empty_period = mgcalc::period_chart_svg(mgcalc::period_evaluation{});
    CHECK(check_xml(empty_period).ok);
    CHECK(contains(empty_period, "No logged days in this period."));

    mgcalc::period_evaluation one;
    one.days.push_back({date(2024, 3, 14), woman(40.0), mgcalc::evaluate(mgcalc::day_intake{}, woman(40.0))});
    const std::string one_day = mgcalc::period_chart_svg(one, "one day");
    CHECK(check_xml(one_day).ok);
    CHECK(contains(one_day, "no supplement logged"));

    check_renders(empty_day, "empty-day");
    check_renders(empty_period, "empty-period");
    check_renders(one_day, "one-day-period");
}

TEST_CASE("chart: a long period stays readable and valid", "[chart]") {
    // 120 days from 2023-10-27 to 2024-02-23, across a year boundary; every third day not logged.
    mgcalc::period_evaluation period;
    mgcalc::year_month_day d = date(2023, 10, 27);
    for (int i = 0; i < 120; ++i, d = next_day(d)) {
        if (i % 3 == 1) continue;
        mgcalc::day_intake intake;
        intake.add_food(almonds, (20.0 + i % 7 * 5.0) * g).add_supplement(elemental("citrate", 100.0 + i % 5 * 80.0));
        period.days.push_back({d, woman(45.0), mgcalc::evaluate(intake, woman(45.0))});
    }
    const std::string svg = mgcalc::period_chart_svg(period);
    const xml_report xml = check_xml(svg);
    INFO(xml.error);
    REQUIRE(xml.ok);
    CHECK(count(svg, "<g class=\"day\">") == 80);
    CHECK(contains(svg, "2023-10-27 to 2024-02-23"));
    CHECK(contains(svg, ">2023-10-27</text>"));  // dates with the year when a period spans two
    check_renders(svg, "long-period");
}

TEST_CASE("chart: the charts render with rsvg-convert, and a broken SVG does not", "[chart]") {
    const std::string day_svg = mgcalc::day_chart_svg(full_day(400.0), "2024-03-14");
    const std::string period_svg = mgcalc::period_chart_svg(birthday_period());
    check_renders(day_svg, "day");
    check_renders(period_svg, "period");

    if (rsvg_convert == nullptr) return;  // warned above
    // The renderer must be able to fail, or the checks above prove nothing: a chart cut in half
    // (unclosed elements) and one with a raw "<" in its text are both rejected.
    const render_result cut = render(day_svg.substr(0, day_svg.size() / 2), "broken-cut");
    CHECK(cut.exit_code != 0);
    CHECK_FALSE(is_png(cut.png));
    std::string unescaped = period_svg;
    unescaped.replace(unescaped.find("Supplements"), 11, "Supplements <&");
    const render_result raw = render(unescaped, "broken-unescaped");
    CHECK(raw.exit_code != 0);
    CHECK_FALSE(is_png(raw.png));
}
