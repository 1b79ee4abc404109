// SVG charts of a day and of a period (mgcalc/io/chart.hpp; docs/charts.md).
//
// Self-contained SVG 1.1: no scripts, no external fonts, images or style sheets. The output is a
// pure function of the input (no clock, no random ids, no locale): numbers go through {fmt}
// (detail::format_number), which never uses the C locale's decimal comma. Text is sanitised to
// valid UTF-8 with only the characters XML 1.0 allows, then escaped, so a food description can
// hold "&", "<" or quotes.
//
// Colours are the Okabe & Ito (2008) colour-blind-safe palette: food blue, supplements orange,
// the supplemental UL vermilion, the target black. The UL is drawn against supplemental magnesium
// alone (IOM 1997, pp. 242-244: it covers supplements and medicines, never food).
#include <mgcalc/io/chart.hpp>
#include <mgcalc/format.hpp>

#include "detail/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcalc {

namespace {

// ---------------------------------------------------------------------------------------------
// Palette (Okabe & Ito 2008, "Color Universal Design") and fixed geometry.
// ---------------------------------------------------------------------------------------------

constexpr std::string_view food_colour = "#0072B2";        // blue
constexpr std::string_view other_food_colour = "#56B4E9";  // sky blue: several foods grouped
constexpr std::string_view supplement_colour = "#E69F00";  // orange
constexpr std::string_view upper_limit_colour = "#D55E00"; // vermilion
constexpr std::string_view target_colour = "#000000";
constexpr std::string_view text_colour = "#222222";
constexpr std::string_view muted_colour = "#5A5A5A";
constexpr std::string_view grid_colour = "#DDDDDD";
constexpr std::string_view not_logged_colour = "#F0F0F0";
constexpr std::string_view no_data_fill = "url(#mgcalc-no-data)";

constexpr double chart_width = 800.0;
constexpr double margin = 16.0;

// ---------------------------------------------------------------------------------------------
// Numbers: locale-independent, no trailing zeros ("320", "165.8").
// ---------------------------------------------------------------------------------------------

std::string number(double value, int decimals = 1) {
    if (!std::isfinite(value)) return "0";  // never drawn; keeps the document well-formed
    return detail::format_number(value, decimals);
}

/// An amount the chart's geometry holds in mg, as every report writes it: "165.8 mg".
std::string mg_text(double value) { return to_string(milligrams::from_value(value)); }

/// Whole percent, truncated: 309.9 mg of a 310 mg RDA is "99%", never a "100%" that is not met.
std::string percent_text(double percent) { return number(std::floor(percent), 0) + "%"; }

/// A coordinate with one decimal: enough for a screen, and stable text.
std::string coord(double value) { return number(value, 1); }

// ---------------------------------------------------------------------------------------------
// Text: valid UTF-8, XML 1.0 characters only, escaped; widths estimated for layout.
// ---------------------------------------------------------------------------------------------

constexpr char32_t replacement_character = 0xFFFD;

/// Decodes UTF-8; invalid sequences and characters XML 1.0 forbids become U+FFFD, and line
/// breaks and tabs become spaces (a label is one line).
std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        char32_t code = 0;
        std::size_t length = 0;
        char32_t smallest = 0;
        if (lead < 0x80) {
            code = lead;
            length = 1;
        } else if ((lead >> 5) == 0x6) {
            code = lead & 0x1Fu;
            length = 2;
            smallest = 0x80;
        } else if ((lead >> 4) == 0xE) {
            code = lead & 0x0Fu;
            length = 3;
            smallest = 0x800;
        } else if ((lead >> 3) == 0x1E) {
            code = lead & 0x07u;
            length = 4;
            smallest = 0x10000;
        }
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0u) != 0x80u) valid = false;
            code = (code << 6) | (next & 0x3Fu);
        }
        if (valid && (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))) valid = false;
        if (!valid) {
            out.push_back(replacement_character);
            ++i;  // resynchronise on the next byte
            continue;
        }
        i += length;
        if (code == '\t' || code == '\n' || code == '\r') {
            code = ' ';
        } else if (code < 0x20 || code == 0xFFFE || code == 0xFFFF) {
            code = replacement_character;  // not an XML 1.0 character
        }
        out.push_back(code);
    }
    return out;
}

void append_utf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

/// XML-escaped UTF-8, safe both as element text and inside a double-quoted attribute.
std::string escape(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: append_utf8(out, c);
        }
    }
    return out;
}

std::string escape(std::string_view text) { return escape(decode(text)); }

/// Average advance of a character in em for the sans-serif fonts a renderer picks (DejaVu Sans,
/// Verdana, Arial): generous, so that estimated widths err towards more space, not overlap.
double em_per_character(bool bold) { return bold ? 0.63 : 0.58; }

double text_width(std::string_view text, double size, bool bold = false) {
    return static_cast<double>(decode(text).size()) * size * em_per_character(bold);
}

/// The text cut to fit `width`, ending in an ellipsis when cut (whole characters, never bytes).
std::string fit(std::string_view text, double width, double size, bool bold = false) {
    std::u32string chars = decode(text);
    const auto fits = static_cast<std::size_t>(std::max(1.0, width / (size * em_per_character(bold))));
    if (chars.size() > fits) {
        chars.resize(fits - 1);
        while (!chars.empty() && chars.back() == ' ') chars.pop_back();
        chars.push_back(U'\u2026');
    }
    std::string out;
    for (const char32_t c : chars) append_utf8(out, c);
    return out;
}

/// Splits at `separator`, keeping it at the end of each piece but the last.
std::vector<std::string> split_after(std::string_view text, std::string_view separator) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(separator, start);
        if (at == std::string_view::npos) break;
        pieces.emplace_back(text.substr(start, at + separator.size() - start));
        start = at + separator.size();
    }
    pieces.emplace_back(text.substr(start));
    return pieces;
}

/// Wraps into at most `max_lines` lines of `width`, breaking between clauses ("; ", " \u00B7 ")
/// where it can and between words where a clause is too long; the last line is cut to fit.
std::vector<std::string> wrap(std::string_view text, double width, double size, bool bold, std::size_t max_lines) {
    std::vector<std::string> clauses;
    for (const std::string& by_semicolon : split_after(text, "; ")) {
        for (std::string& clause : split_after(by_semicolon, " \u00B7 ")) clauses.push_back(std::move(clause));
    }
    std::vector<std::string> lines;
    std::string line;
    auto add = [&](const std::string& piece) {
        if (!line.empty() && text_width(line + piece, size, bold) > width && lines.size() + 1 < max_lines) {
            while (!line.empty() && line.back() == ' ') line.pop_back();
            lines.push_back(line);
            line.clear();
        }
        line += piece;
    };
    for (const std::string& clause : clauses) {
        if (text_width(clause, size, bold) <= width) {
            add(clause);
            continue;
        }
        for (const std::string& word : split_after(clause, " ")) add(word);  // a clause too long alone
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(fit(line, width, size, bold));
    return lines;
}

// ---------------------------------------------------------------------------------------------
// SVG elements.
// ---------------------------------------------------------------------------------------------

struct font {
    double size = 12.0;
    std::string_view fill = text_colour;
    std::string_view anchor = "start";
    bool bold = false;
    bool italic = false;
};

class svg {
public:
    void rect(double x, double y, double width, double height, std::string_view fill,
              std::string_view extra = {}) {
        out_ += "<rect x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" width=\"" + coord(std::max(0.0, width)) +
                "\" height=\"" + coord(std::max(0.0, height)) + "\" fill=\"";
        out_ += fill;
        out_ += '"';
        if (!extra.empty()) {
            out_ += ' ';
            out_ += extra;
        }
        out_ += "/>\n";
    }

    void line(double x1, double y1, double x2, double y2, std::string_view stroke, double stroke_width,
              std::string_view extra = {}) {
        out_ += "<line x1=\"" + coord(x1) + "\" y1=\"" + coord(y1) + "\" x2=\"" + coord(x2) + "\" y2=\"" +
                coord(y2) + "\" stroke=\"";
        out_ += stroke;
        out_ += "\" stroke-width=\"" + number(stroke_width) + '"';
        if (!extra.empty()) {
            out_ += ' ';
            out_ += extra;
        }
        out_ += "/>\n";
    }

    void path(std::string_view d, std::string_view stroke, double stroke_width, std::string_view extra = {}) {
        out_ += "<path d=\"";
        out_ += d;
        out_ += "\" fill=\"none\" stroke=\"";
        out_ += stroke;
        out_ += "\" stroke-width=\"" + number(stroke_width) + '"';
        if (!extra.empty()) {
            out_ += ' ';
            out_ += extra;
        }
        out_ += "/>\n";
    }

    void filled_path(std::string_view d, std::string_view fill, std::string_view extra = {}) {
        out_ += "<path d=\"";
        out_ += d;
        out_ += "\" fill=\"";
        out_ += fill;
        out_ += '"';
        if (!extra.empty()) {
            out_ += ' ';
            out_ += extra;
        }
        out_ += "/>\n";
    }

    /// `content` is raw UTF-8; `tooltip`, when given, becomes a <title> a viewer shows on hover
    /// (the full text of a label that had to be shortened).
    /// `warning`, when given, follows the content in bold vermilion in the same line.
    void text(double x, double y, std::string_view content, const font& f, std::string_view tooltip = {},
              std::string_view warning = {}) {
        if (!tooltip.empty()) out_ += "<g><title>" + escape(tooltip) + "</title>";
        out_ += "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" font-size=\"" + number(f.size) + "\" fill=\"";
        out_ += f.fill;
        out_ += '"';
        if (f.anchor != "start") {
            out_ += " text-anchor=\"";
            out_ += f.anchor;
            out_ += '"';
        }
        if (f.bold) out_ += " font-weight=\"bold\"";
        if (f.italic) out_ += " font-style=\"italic\"";
        out_ += '>' + escape(content);
        if (!warning.empty()) {
            out_ += "<tspan fill=\"";
            out_ += upper_limit_colour;
            out_ += "\" font-weight=\"bold\">" + escape(warning) + "</tspan>";
        }
        out_ += "</text>";
        if (!tooltip.empty()) out_ += "</g>";
        out_ += '\n';
    }

    /// A label with a white halo, for text that may sit on a line or a bar: the same text drawn
    /// first with a wide white stroke (SVG 1.1 has no paint-order), which hides only what is
    /// right around the glyphs.
    void haloed_text(double x, double y, std::string_view content, const font& f) {
        out_ += "<g stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\">";
        text(x, y, content, f);
        out_.pop_back();  // the newline text() ends with
        out_ += "</g>\n";
        text(x, y, content, f);
    }

    void raw(std::string_view markup) { out_ += markup; }

    /// The document: XML declaration, root with size, <title> and <desc>, shared definitions,
    /// a white background, then the body.
    std::string document(double height, std::string_view title, std::string_view description) const {
        std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";
        doc += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + coord(chart_width) +
               "\" height=\"" + coord(height) + "\" viewBox=\"0 0 " + coord(chart_width) + ' ' + coord(height) +
               "\" font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\">\n";
        doc += "<title>" + escape(title) + "</title>\n";
        doc += "<desc>" + escape(description) + "</desc>\n";
        // Hatching for "no data": a total with entries of unknown magnesium is a lower bound.
        doc += "<defs><pattern id=\"mgcalc-no-data\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
               "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#FFFFFF\"/>"
               "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#777777\" stroke-width=\"3\"/></pattern></defs>\n";
        doc += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n";
        doc += out_;
        doc += "</svg>\n";
        return doc;
    }

private:
    std::string out_;
};

// ---------------------------------------------------------------------------------------------
// Axes and legend.
// ---------------------------------------------------------------------------------------------

/// A linear axis from 0 to `top` in steps of 1, 2 or 5 x 10^n.
struct axis {
    double top;
    double step;
};

axis nice_axis(double data_max, int wanted_ticks) {
    if (!std::isfinite(data_max) || data_max <= 0.0) data_max = 100.0;  // an empty day still gets a scale
    const double raw = data_max / wanted_ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1.0   ? 1.0
                        : fraction <= 2.0 ? 2.0
                        : fraction <= 2.5 ? 2.5
                        : fraction <= 5.0 ? 5.0
                                          : 10.0;
    const double step = nice * magnitude;
    return {std::ceil(data_max / step - 1e-9) * step, step};
}

int tick_count(const axis& a) { return static_cast<int>(std::lround(a.top / a.step)); }
int tick_decimals(const axis&) { return 2; }  // number() drops trailing zeros: 250, 2.5, 0.25

enum class swatch { food, other_food, supplement, target, upper_limit, no_data, over_limit, not_logged };

struct legend_item {
    swatch kind;
    std::string label;
};

/// Draws the legend items left to right, wrapping at the chart width; returns the bottom y.
double draw_legend(svg& out, const std::vector<legend_item>& items, double top) {
    constexpr double size = 11.0;
    constexpr double row_height = 18.0;
    double x = margin;
    double baseline = top + 11.0;
    for (const legend_item& item : items) {
        const double width = 22.0 + text_width(item.label, size) + 18.0;
        if (x > margin && x + width > chart_width - margin) {
            x = margin;
            baseline += row_height;
        }
        const double mid = baseline - 4.0;
        switch (item.kind) {
            case swatch::food: out.rect(x, mid - 6, 16, 12, food_colour); break;
            case swatch::other_food: out.rect(x, mid - 6, 16, 12, other_food_colour); break;
            case swatch::supplement: out.rect(x, mid - 6, 16, 12, supplement_colour); break;
            case swatch::target: out.line(x, mid, x + 16, mid, target_colour, 2.5); break;
            case swatch::upper_limit:
                out.line(x, mid, x + 16, mid, upper_limit_colour, 2.5, "stroke-dasharray=\"5,3\"");
                break;
            case swatch::no_data: out.rect(x, mid - 6, 16, 12, no_data_fill, "stroke=\"#777777\""); break;
            case swatch::over_limit:
                out.filled_path("M" + coord(x + 2) + ' ' + coord(mid - 6) + " H" + coord(x + 14) + " L" +
                                    coord(x + 8) + ' ' + coord(mid + 4) + " Z",
                                upper_limit_colour);
                break;
            case swatch::not_logged: out.rect(x, mid - 6, 16, 12, not_logged_colour, "stroke=\"#CCCCCC\""); break;
        }
        out.text(x + 22, baseline, item.label, {.size = size});
        x += width;
    }
    return baseline + 7.0;
}

struct header_line {
    std::string text;
    bool bold = false;
};

/// The title (17 px bold) and the lines below it (12 px), each wrapped to at most two lines;
/// returns the y below them.
double draw_header(svg& out, const std::string& title, const std::vector<header_line>& lines) {
    const double width = chart_width - 2 * margin;
    double baseline = 6;
    for (const std::string& part : wrap(title, width, 17, true, 2)) {
        baseline += 22;
        out.text(margin, baseline, part, {.size = 17, .bold = true}, part == title ? std::string_view{} : title);
    }
    for (const header_line& line : lines) {
        for (const std::string& part : wrap(line.text, width, 12, line.bold, 2)) {
            baseline += 18;
            out.text(margin, baseline, part, {.size = 12, .fill = line.bold ? text_colour : muted_colour, .bold = line.bold});
        }
    }
    return baseline + 8;
}

std::string target_name(target_kind kind) { return std::string(to_string(kind)); }

std::string status_sentence(intake_status status) {
    switch (status) {
        case intake_status::below_ear: return "below the EAR";
        case intake_status::below_rda: return "below the RDA (at or above the EAR)";
        case intake_status::meets_rda: return "meets the RDA";
        case intake_status::below_ai: return "below the AI";
        case intake_status::meets_ai: return "meets the AI";
    }
    return "";
}

std::string entries_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " entry" : " entries"); }
std::string days_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

/// Where a label of `width` starts so that it is centred on `x` but stays within [left, right].
double clamp_label(double x, double width, double left, double right) {
    return std::clamp(x - width / 2, left, std::max(left, right - width));
}

// ---------------------------------------------------------------------------------------------
// The day chart.
// ---------------------------------------------------------------------------------------------

// Horizontal geometry: labels right-aligned in the left column, bars from plot_left, values
// right of the bars (the right margin holds the longest value label of the largest bar).
constexpr double day_label_right = 292.0;
constexpr double day_plot_left = 300.0;
constexpr double day_plot_right = 665.0;
constexpr double day_label_size = 12.0;
constexpr double day_value_size = 11.0;
// At most this many food bars; beyond it the smallest are grouped as "other foods".
constexpr std::size_t day_food_bars = 7;
constexpr std::size_t day_supplement_bars = 4;
constexpr std::size_t day_no_data_rows = 3;
constexpr double no_data_cap = 10.0;  // px: width of the hatched cap after a lower-bound total

enum class row_kind { section, bar, no_data, note };

struct day_row {
    row_kind kind;
    std::string label{};
    std::string full_label{};  // tooltip when the label is shortened
    double magnesium = 0.0;  // mg, for bars
    std::string_view colour = food_colour;
    bool emphasis = false;
    bool over_upper_limit = false;
    bool supplement_part = false;  // inside the supplement section (the UL applies)
};

double day_row_height(row_kind kind) {
    switch (kind) {
        case row_kind::section: return 24.0;
        case row_kind::bar: return 22.0;
        case row_kind::no_data:
        case row_kind::note: return 20.0;
    }
    return 20.0;
}

/// The row label: the entry's description, with a supplement's "elemental magnesium as" said
/// as "Mg as" so the compound's name fits ("200 mg Mg as magnesium bisglycinate (glycinate)").
std::string short_label(const entry_contribution& entry) {
    std::string label = entry.description;
    constexpr std::string_view long_form = " elemental magnesium as ";
    if (entry.kind == entry_kind::supplement) {
        if (const std::size_t at = label.find(long_form); at != std::string::npos) {
            label.replace(at, long_form.size(), " Mg as ");
        }
    }
    return label;
}

std::vector<const entry_contribution*> ranked(std::vector<const entry_contribution*> entries) {
    auto value = [](const entry_contribution* e) { return e->magnesium ? e->magnesium->value() : -1.0; };
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const entry_contribution* a, const entry_contribution* b) { return value(a) > value(b); });
    return entries;
}

}  // namespace

std::string day_chart_svg(const evaluation& day, std::string_view title) {
    const reference_intakes& reference = day.reference;
    const std::string target_kind_name = target_name(reference.kind);
    const bool lower_bound = day.total_is_lower_bound();
    const std::optional<milligrams>& upper_limit = reference.supplemental_upper_limit;

    std::vector<const entry_contribution*> known_foods;
    std::vector<const entry_contribution*> unknown_foods;
    std::vector<const entry_contribution*> supplements;
    for (const entry_contribution& entry : day.entries) {
        if (entry.kind == entry_kind::supplement) {
            supplements.push_back(&entry);
        } else if (entry.magnesium) {
            known_foods.push_back(&entry);
        } else {
            unknown_foods.push_back(&entry);
        }
    }
    known_foods = ranked(std::move(known_foods));
    supplements = ranked(std::move(supplements));

    // --- Rows -----------------------------------------------------------------------------
    std::vector<day_row> rows;
    auto bar_row = [](const entry_contribution& e, std::string_view colour) {
        return day_row{.kind = row_kind::bar, .label = short_label(e), .full_label = e.description,
                       .magnesium = e.magnesium ? e.magnesium->value() : 0.0, .colour = colour};
    };

    const std::size_t food_entries = known_foods.size() + unknown_foods.size();
    rows.push_back({.kind = row_kind::section,
                    .label = food_entries == 0 ? "Foods" : "Foods (" + entries_text(food_entries) + ")"});
    if (food_entries == 0) rows.push_back({.kind = row_kind::note, .label = "no food logged"});
    const std::size_t food_bars =
        known_foods.size() <= day_food_bars ? known_foods.size() : day_food_bars - 1;
    for (std::size_t i = 0; i < food_bars; ++i) rows.push_back(bar_row(*known_foods[i], food_colour));
    if (food_bars < known_foods.size()) {
        double rest = 0.0;
        for (std::size_t i = food_bars; i < known_foods.size(); ++i) rest += known_foods[i]->magnesium->value();
        rows.push_back({.kind = row_kind::bar,
                        .label = "Other foods (" + entries_text(known_foods.size() - food_bars) + ")",
                        .magnesium = rest,
                        .colour = other_food_colour});
    }
    const std::size_t no_data_rows =
        unknown_foods.size() <= day_no_data_rows ? unknown_foods.size() : day_no_data_rows - 1;
    for (std::size_t i = 0; i < no_data_rows; ++i) {
        rows.push_back({.kind = row_kind::no_data, .label = unknown_foods[i]->description,
                        .full_label = unknown_foods[i]->description});
    }
    if (no_data_rows < unknown_foods.size()) {
        rows.push_back({.kind = row_kind::no_data,
                        .label = "Other foods (" + entries_text(unknown_foods.size() - no_data_rows) + ")"});
    }

    // The supplement section carries the UL, so it is shown whenever a UL exists, even with no
    // supplement logged: the reader sees the limit is about supplements, not the total.
    const bool supplement_section = !supplements.empty() || upper_limit.has_value();
    if (supplement_section) {
        rows.push_back({.kind = row_kind::section,
                        .label = supplements.empty() ? "Supplements"
                                                     : "Supplements (" + entries_text(supplements.size()) + ")",
                        .supplement_part = true});
        if (supplements.empty()) {
            rows.push_back({.kind = row_kind::note, .label = "no supplement logged", .supplement_part = true});
        }
        const std::size_t supplement_bars =
            supplements.size() <= day_supplement_bars ? supplements.size() : day_supplement_bars - 1;
        for (std::size_t i = 0; i < supplement_bars; ++i) {
            day_row row = bar_row(*supplements[i], supplement_colour);
            row.supplement_part = true;
            rows.push_back(std::move(row));
        }
        if (supplement_bars < supplements.size()) {
            double rest = 0.0;
            for (std::size_t i = supplement_bars; i < supplements.size(); ++i) rest += supplements[i]->magnesium->value();
            rows.push_back({.kind = row_kind::bar,
                            .label = "Other supplements (" + entries_text(supplements.size() - supplement_bars) + ")",
                            .magnesium = rest, .colour = supplement_colour, .supplement_part = true});
        }
        if (supplements.size() > 1) {
            rows.push_back({.kind = row_kind::bar, .label = "All supplements", .magnesium = day.supplemental.value(),
                            .colour = supplement_colour, .emphasis = true, .supplement_part = true});
        }
        if (!supplements.empty()) rows.back().over_upper_limit = day.over_upper_limit;
    }

    // --- Scale ----------------------------------------------------------------------------
    double data_max = std::max(day.total.value(), reference.target.value());
    for (const day_row& row : rows) data_max = std::max(data_max, row.magnesium);
    if (supplement_section && upper_limit) data_max = std::max(data_max, upper_limit->value());
    const axis scale = nice_axis(data_max, 5);
    auto x_of = [&](double mg) {
        return day_plot_left + std::max(0.0, mg) / scale.top * (day_plot_right - day_plot_left);
    };

    svg out;

    // --- Title, reference, status ---------------------------------------------------------
    const std::string group{reference.life_stage_group};
    std::string heading = "Magnesium intake";
    if (!title.empty()) heading += " \u00B7 " + std::string(title);
    heading += " \u00B7 " + group;
    std::string reference_line = std::string(reference.authority) + ": " + target_kind_name + ' ' +
                                 to_string(reference.target);
    if (reference.ear) reference_line += ", EAR " + to_string(*reference.ear);
    reference_line += upper_limit ? ", supplemental UL " + to_string(*upper_limit) + " (supplements only)"
                                  : ", no UL established";
    std::string status_line = "Total " + std::string(lower_bound ? "at least " : "") + to_string(day.total) +
                              " = " + percent_text(day.percent_of_target) + " of the " + target_kind_name + ": " +
                              status_sentence(day.status) + '.';
    if (day.over_upper_limit) {
        status_line += " Supplements " + to_string(day.supplemental) + ": over the UL.";
    }
    if (day.unknown_entries > 0) {
        status_line += ' ' + entries_text(day.unknown_entries) + " with no data: the total is a lower bound.";
    } else if (lower_bound) {
        status_line += " A recipe with an unknown ingredient: the total is a lower bound.";
    }
    const double header_bottom = draw_header(out, heading, {{reference_line}, {status_line, true}});

    // --- Legend ---------------------------------------------------------------------------
    std::vector<legend_item> legend{{swatch::food, "Food"}};
    if (food_bars < known_foods.size()) legend.push_back({swatch::other_food, "Other foods, grouped"});
    legend.push_back({swatch::supplement, "Supplements"});
    legend.push_back({swatch::target, target_kind_name + " (target for the total)"});
    if (supplement_section && upper_limit) legend.push_back({swatch::upper_limit, "UL applies to supplements only"});
    if (lower_bound) legend.push_back({swatch::no_data, "No data: the total is a lower bound"});
    const double legend_bottom = draw_legend(out, legend, header_bottom);

    // --- Vertical layout ------------------------------------------------------------------
    const double target_label_baseline = legend_bottom + 22;
    const double total_top = target_label_baseline + 4;
    constexpr double total_height = 28.0;
    double y = total_top + total_height + 6;
    std::vector<double> row_tops;
    for (const day_row& row : rows) {
        row_tops.push_back(y);
        y += day_row_height(row.kind);
    }
    const double rows_bottom = y + 4;
    const double height = rows_bottom + 42;

    // Supplement section extent, for the UL line.
    double supplement_top = 0.0;
    double supplement_bottom = 0.0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].supplement_part) continue;
        if (supplement_top == 0.0) supplement_top = row_tops[i];
        supplement_bottom = row_tops[i] + day_row_height(rows[i].kind);
    }

    // --- Grid and axis --------------------------------------------------------------------
    for (int i = 0; i <= tick_count(scale); ++i) {
        const double value = i * scale.step;
        const double x = x_of(value);
        out.line(x, total_top - 2, x, rows_bottom, grid_colour, 1);
        out.line(x, rows_bottom, x, rows_bottom + 4, muted_colour, 1);
        out.text(x, rows_bottom + 16, number(value, tick_decimals(scale)),
                 {.size = 11, .fill = muted_colour, .anchor = "middle"});
    }
    out.line(day_plot_left, rows_bottom, day_plot_right, rows_bottom, muted_colour, 1);
    out.text((day_plot_left + day_plot_right) / 2, rows_bottom + 33, "mg of elemental magnesium per day",
             {.size = 11, .fill = muted_colour, .anchor = "middle"});

    // --- The total bar against the target -------------------------------------------------
    const double target_x = x_of(reference.target.value());
    {
        const double bar_top = total_top + 4;
        const double bar_height = total_height - 8;
        out.text(day_label_right, total_top + 19, "Total", {.size = 13, .anchor = "end", .bold = true});
        const double food_end = x_of(day.food.value());
        const double total_end = x_of(day.total.value());
        out.rect(day_plot_left, bar_top, food_end - day_plot_left, bar_height, food_colour);
        out.rect(food_end, bar_top, total_end - food_end, bar_height, supplement_colour);
        double value_x = total_end + 5;
        if (lower_bound) {
            out.rect(total_end, bar_top, no_data_cap, bar_height, no_data_fill, "class=\"no-data\" stroke=\"#777777\"");
            value_x += no_data_cap;
        }
        const std::string value = std::string(lower_bound ? "\u2265 " : "") + to_string(day.total) + " (" +
                                  percent_text(day.percent_of_target) + ")";
        const double value_width = text_width(value, day_value_size, true);
        if (target_x >= value_x - 4 && target_x <= value_x + value_width + 4) value_x = target_x + 6;
        out.line(target_x, total_top - 3, target_x, total_top + total_height + 3, target_colour, 2.5);
        out.text(value_x, total_top + 18, value, {.size = day_value_size, .bold = true});
        const std::string target_label = target_kind_name + ' ' + to_string(reference.target);
        const double label_width = text_width(target_label, 11, true);
        out.text(clamp_label(target_x, label_width, day_plot_left, chart_width - margin), target_label_baseline,
                 target_label, {.size = 11, .fill = target_colour, .bold = true});
    }

    // --- Rows -----------------------------------------------------------------------------
    const double upper_limit_x = supplement_section && upper_limit ? x_of(upper_limit->value()) : -1.0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const day_row& row = rows[i];
        const double top = row_tops[i];
        switch (row.kind) {
            case row_kind::section: {
                out.text(margin, top + 17, row.label, {.size = 12.5, .bold = true});
                if (row.supplement_part && upper_limit) {
                    const std::string label = "UL " + to_string(*upper_limit) + " (supplements only)";
                    const double width = text_width(label, 11, true);
                    out.text(clamp_label(upper_limit_x, width, day_plot_left, chart_width - margin), top + 17, label,
                             {.size = 11, .fill = upper_limit_colour, .bold = true});
                } else if (row.supplement_part && !supplements.empty()) {
                    out.text(day_plot_left, top + 17, "no UL established for infants; IOM: supplements not advised",
                             {.size = 11, .fill = upper_limit_colour, .italic = true});
                }
                break;
            }
            case row_kind::bar: {
                const std::string label = fit(row.label, day_label_right - margin, day_label_size, row.emphasis);
                out.text(day_label_right, top + 15, label,
                         {.size = day_label_size, .anchor = "end", .bold = row.emphasis},
                         label == row.full_label ? std::string_view{} : std::string_view{row.full_label});
                const double end = x_of(row.magnesium);
                out.rect(day_plot_left, top + 4, end - day_plot_left, 14, row.colour);
                // The separator stays outside the <tspan>: rsvg drops spaces at a tspan's start.
                const std::string flag = row.over_upper_limit ? "over UL" : "";
                const std::string value = mg_text(row.magnesium) + (flag.empty() ? "" : " \u00B7 ");
                double value_x = end + 5;
                const double width = text_width(value + flag, day_value_size, row.emphasis || !flag.empty());
                if (row.supplement_part && upper_limit_x >= value_x - 4 && upper_limit_x <= value_x + width + 4) {
                    value_x = upper_limit_x + 6;
                }
                out.text(value_x, top + 15, value, {.size = day_value_size, .bold = row.emphasis}, {},
                         flag.empty() ? std::string_view{} : std::string_view{flag});
                break;
            }
            case row_kind::no_data: {
                const std::string label = fit(row.label, day_label_right - margin, day_label_size);
                out.text(day_label_right, top + 14, label, {.size = day_label_size, .fill = muted_colour, .anchor = "end"},
                         label == row.full_label || row.full_label.empty() ? std::string_view{}
                                                                           : std::string_view{row.full_label});
                out.rect(day_plot_left, top + 4, 12, 12, no_data_fill, "class=\"no-data-entry\" stroke=\"#777777\"");
                out.text(day_plot_left + 18, top + 14, "no data (not counted as 0)",
                         {.size = day_value_size, .fill = muted_colour, .italic = true});
                break;
            }
            case row_kind::note:
                out.text(day_plot_left, top + 14, row.label, {.size = day_value_size, .fill = muted_colour, .italic = true});
                break;
        }
    }
    if (upper_limit_x >= 0.0) {
        out.line(upper_limit_x, supplement_top + 21, upper_limit_x, supplement_bottom + 2, upper_limit_colour, 2.5,
                 "stroke-dasharray=\"6,3\"");
    }

    const std::string description = heading + ". " + reference_line + ". " + status_line;
    return out.document(height, heading, description);
}

// ---------------------------------------------------------------------------------------------
// The period chart.
// ---------------------------------------------------------------------------------------------

namespace {

constexpr double period_plot_left = 64.0;
constexpr double period_plot_right = 700.0;  // the right margin holds the target and UL labels

bool below_target(intake_status status) {
    return status == intake_status::below_ear || status == intake_status::below_rda ||
           status == intake_status::below_ai;
}

/// A run of consecutive slots with the same reference value (a step of the target or UL line).
struct step_run {
    std::size_t first;
    std::size_t end;  // one past the last slot
    std::optional<double> value;
    target_kind kind;
};

/// Runs of `value_of` over the slots; an unlogged slot continues the run before it.
template <class ValueOf>
std::vector<step_run> step_runs(const std::vector<const day_result*>& slots, ValueOf value_of) {
    std::vector<step_run> runs;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        if (!slots[i]) continue;
        const std::optional<double> value = value_of(*slots[i]);
        const target_kind kind = slots[i]->result.reference.kind;
        if (runs.empty() || runs.back().value != value || runs.back().kind != kind) {
            if (!runs.empty()) runs.back().end = i;
            runs.push_back({i, slots.size(), value, kind});
        }
    }
    return runs;
}

/// A horizontal step line through the runs with a value; vertical joins where consecutive runs
/// both have one.
std::string step_path(const std::vector<step_run>& runs, auto x_of_slot, auto y_of) {
    std::string d;
    bool drawing = false;
    for (const step_run& run : runs) {
        if (!run.value) {
            drawing = false;
            continue;
        }
        const std::string y = coord(y_of(*run.value));
        d += (drawing ? " V" + y : (d.empty() ? "M" : " M") + coord(x_of_slot(run.first)) + ' ' + y);
        d += " H" + coord(x_of_slot(run.end));
        drawing = true;
    }
    return d;
}

void y_axis(svg& out, const axis& scale, double top, double bottom, auto y_of) {
    for (int i = 0; i <= tick_count(scale); ++i) {
        const double value = i * scale.step;
        const double y = y_of(value);
        out.line(period_plot_left, y, period_plot_right, y, grid_colour, 1);
        std::string label = number(value, tick_decimals(scale));
        if (i == tick_count(scale)) label += " mg";
        out.text(period_plot_left - 6, y + 4, label, {.size = 10.5, .fill = muted_colour, .anchor = "end"});
    }
    out.line(period_plot_left, top, period_plot_left, bottom, muted_colour, 1);
    out.line(period_plot_left, bottom, period_plot_right, bottom, muted_colour, 1);
}

/// A rectangle a label occupies, to keep labels apart.
struct box {
    double left, top, right, bottom;
    bool overlaps(const box& other) const {
        return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
    }
};

/// Labels each run of a step line: the last run in the right margin; an earlier run just above
/// or below its line, at the first place inside the run where it covers no label in `taken`, or
/// not at all when there is none (the subtitle names every change anyway).
void label_runs(svg& out, const std::vector<step_run>& runs, auto x_of_slot, auto y_of, std::string_view prefix,
                std::string_view colour, const std::vector<box>& taken) {
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const step_run& run = runs[i];
        if (!run.value) continue;
        const std::string label =
            (prefix.empty() ? target_name(run.kind) : std::string(prefix)) + ' ' + mg_text(*run.value);
        const font f{.size = 11, .fill = colour, .bold = true};
        const double y = y_of(*run.value);
        if (i + 1 == runs.size()) {
            out.haloed_text(period_plot_right + 6, y + 4, label, f);
            continue;
        }
        const double width = text_width(label, 11, true);
        bool placed = false;
        for (std::size_t k = run.first; k < run.end && !placed; ++k) {
            const double x = x_of_slot(k) + 3;
            if (x + width > x_of_slot(run.end) - 3) break;
            for (const double baseline : {y - 5, y + 14}) {
                const box candidate{x - 2, baseline - 11, x + width + 2, baseline + 3};
                if (std::none_of(taken.begin(), taken.end(), [&](const box& b) { return b.overlaps(candidate); })) {
                    out.haloed_text(x, baseline, label, f);
                    placed = true;
                    break;
                }
            }
        }
    }
}

}  // namespace

std::string period_chart_svg(const period_evaluation& period, std::string_view title) {
    const std::vector<day_result>& days = period.days;
    svg out;

    // --- Calendar slots: one per calendar day from the first to the last logged day -------
    // `days` is in date order by contract; min/max keep a hand-built, unsorted one drawable too.
    using std::chrono::sys_days;
    sys_days first_day = days.empty() ? sys_days{} : sys_days{days.front().date};
    sys_days last_day = first_day;
    for (const day_result& d : days) {
        first_day = std::min(first_day, sys_days{d.date});
        last_day = std::max(last_day, sys_days{d.date});
    }
    const std::size_t slot_count = days.empty() ? 0 : static_cast<std::size_t>((last_day - first_day).count() + 1);
    std::vector<const day_result*> slots(slot_count, nullptr);
    for (const day_result& d : days) slots[static_cast<std::size_t>((sys_days{d.date} - first_day).count())] = &d;

    const std::string from_text = days.empty() ? "" : to_string(year_month_day{first_day});
    const std::string to_text = days.empty() ? "" : to_string(year_month_day{last_day});

    // --- Statistics over the logged days --------------------------------------------------
    std::size_t logged = 0, below = 0, over_limit = 0, unknown_days = 0;
    double sum_food = 0.0, sum_supplemental = 0.0, sum_total = 0.0;
    bool any_supplement = false, any_upper_limit = false, mixed_kinds = false;
    std::vector<std::string> groups;  // life stage groups in order of appearance
    for (const day_result* d : slots) {
        if (!d) continue;
        const evaluation& e = d->result;
        ++logged;
        sum_food += e.food.value();
        sum_supplemental += e.supplemental.value();
        sum_total += e.total.value();
        if (below_target(e.status)) ++below;
        if (e.over_upper_limit) ++over_limit;
        if (e.total_is_lower_bound()) ++unknown_days;
        if (e.supplemental.value() > 0.0) any_supplement = true;
        if (e.reference.supplemental_upper_limit) any_upper_limit = true;
        if (e.reference.kind != days.front().result.reference.kind) mixed_kinds = true;
        const std::string group{e.reference.life_stage_group};
        if (groups.empty() || groups.back() != group) groups.push_back(group);
    }
    const bool gaps = logged < slot_count;
    const std::string target_label_name =
        days.empty() ? "RDA" : mixed_kinds ? "RDA or AI" : target_name(days.front().result.reference.kind);

    // --- Title and summary ----------------------------------------------------------------
    std::string heading = "Magnesium intake \u00B7 ";
    if (!title.empty()) {
        heading += std::string(title);
    } else if (days.empty()) {
        heading += "no logged days";
    } else {
        heading += from_text == to_text ? from_text : from_text + " to " + to_text;
    }
    for (std::size_t i = 0; i < groups.size(); ++i) heading += (i == 0 ? " \u00B7 " : " \u2192 ") + groups[i];

    // Reference line: each stretch of one reference row with its dates.
    std::string reference_line;
    {
        std::size_t i = 0;
        while (i < slots.size()) {
            const day_result* d = slots[i];
            std::size_t j = i + 1;
            std::size_t last_logged = i;
            while (j < slots.size() &&
                   (!slots[j] || slots[j]->result.reference.life_stage_group == d->result.reference.life_stage_group)) {
                if (slots[j]) last_logged = j;
                ++j;
            }
            const reference_intakes& r = d->result.reference;
            if (!reference_line.empty()) reference_line += "; ";
            reference_line += std::string(r.life_stage_group) + ": " + target_name(r.kind) + ' ' +
                              to_string(r.target);
            reference_line += r.supplemental_upper_limit
                                  ? ", supplemental UL " + to_string(*r.supplemental_upper_limit)
                                  : ", no UL";
            if (i != 0 || j != slots.size()) {
                reference_line += " (" + to_string(d->date).substr(5) + " to " +
                                  to_string(slots[last_logged]->date).substr(5) + ')';
            }
            i = j;
        }
        if (!days.empty()) reference_line = std::string(days.front().result.reference.authority) + ", " + reference_line;
    }

    std::string summary_line;
    if (logged > 0) {
        const auto n = static_cast<double>(logged);
        summary_line = days_text(logged) + " logged \u00B7 mean " + mg_text(sum_total / n) + " (food " +
                       number(sum_food / n, 0) + ", supplements " + number(sum_supplemental / n, 0) + ") \u00B7 " +
                       std::to_string(below) + " below the " + target_label_name;
        if (over_limit > 0) summary_line += " \u00B7 " + std::to_string(over_limit) + " over the UL";
        if (unknown_days > 0) summary_line += " \u00B7 " + std::to_string(unknown_days) + " with no-data entries";
    }
    std::vector<header_line> header_lines;
    if (!reference_line.empty()) header_lines.push_back({reference_line});
    if (!summary_line.empty()) header_lines.push_back({summary_line, true});
    const double header_bottom = draw_header(out, heading, header_lines);

    // --- Legend ---------------------------------------------------------------------------
    std::vector<legend_item> legend{{swatch::food, "Food"},
                                    {swatch::supplement, "Supplements"},
                                    {swatch::target, target_label_name + " (target for the total)"}};
    if (any_upper_limit) legend.push_back({swatch::upper_limit, "UL applies to supplements only"});
    if (unknown_days > 0) legend.push_back({swatch::no_data, "Entries with no data: total is at least the bar"});
    if (over_limit > 0) legend.push_back({swatch::over_limit, "Over the UL"});
    if (gaps) legend.push_back({swatch::not_logged, "Not logged"});
    const double legend_bottom = draw_legend(out, legend, header_bottom);

    if (days.empty()) {
        out.text(chart_width / 2, legend_bottom + 60, "No logged days in this period.",
                 {.size = 14, .fill = muted_colour, .anchor = "middle", .italic = true});
        return out.document(legend_bottom + 100, heading, heading);
    }

    // --- Geometry -------------------------------------------------------------------------
    const double top_title = legend_bottom + 20;
    const double top_panel_top = top_title + 14;
    const double top_panel_bottom = top_panel_top + 190;
    const double bottom_title = top_panel_bottom + 26;
    const double bottom_panel_top = bottom_title + 14;
    const double bottom_panel_bottom = bottom_panel_top + 80;
    const double height = bottom_panel_bottom + 34;

    const double slot_width = (period_plot_right - period_plot_left) / static_cast<double>(slot_count);
    const double bar_width = std::max(1.0, slot_width * (slot_count == 1 ? 0.3 : 0.72));
    auto x_of_slot = [&](std::size_t i) { return period_plot_left + static_cast<double>(i) * slot_width; };
    auto bar_left = [&](std::size_t i) { return x_of_slot(i) + (slot_width - bar_width) / 2; };

    double top_max = 0.0;
    double bottom_max = 0.0;
    for (const day_result* d : slots) {
        if (!d) continue;
        top_max = std::max({top_max, d->result.total.value(), d->result.reference.target.value()});
        bottom_max = std::max(bottom_max, d->result.supplemental.value());
        if (d->result.reference.supplemental_upper_limit) {
            bottom_max = std::max(bottom_max, d->result.reference.supplemental_upper_limit->value());
        }
    }
    // Head room for the value labels and the no-data caps above the tallest bar.
    const axis top_scale = nice_axis(top_max * 1.12, 5);
    const axis bottom_scale = nice_axis(bottom_max * 1.15, 3);
    auto top_y = [&](double mg) {
        return top_panel_bottom - std::max(0.0, mg) / top_scale.top * (top_panel_bottom - top_panel_top);
    };
    auto bottom_y = [&](double mg) {
        return bottom_panel_bottom - std::max(0.0, mg) / bottom_scale.top * (bottom_panel_bottom - bottom_panel_top);
    };

    out.text(margin, top_title, "Total per day: food + supplements, against the " + target_label_name,
             {.size = 12.5, .bold = true});
    out.text(margin, bottom_title, "Supplements per day, against the supplemental UL (UL applies to supplements only)",
             {.size = 12.5, .bold = true});

    // Unlogged days: a light band in both panels, so a gap never reads as a day with 0 mg.
    for (std::size_t i = 0; i < slot_count;) {
        if (slots[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < slot_count && !slots[j]) ++j;
        out.rect(x_of_slot(i), top_panel_top, x_of_slot(j) - x_of_slot(i), top_panel_bottom - top_panel_top,
                 not_logged_colour);
        out.rect(x_of_slot(i), bottom_panel_top, x_of_slot(j) - x_of_slot(i), bottom_panel_bottom - bottom_panel_top,
                 not_logged_colour);
        i = j;
    }
    y_axis(out, top_scale, top_panel_top, top_panel_bottom, top_y);
    y_axis(out, bottom_scale, bottom_panel_top, bottom_panel_bottom, bottom_y);

    // --- Bars -----------------------------------------------------------------------------
    constexpr double cap_height = 8.0;
    const bool value_labels = slot_width >= 30.0;
    struct pending_label {
        double x, y;
        std::string text;
    };
    std::vector<pending_label> labels;  // drawn after the lines, with a halo
    for (std::size_t i = 0; i < slot_count; ++i) {
        const day_result* d = slots[i];
        if (!d) continue;
        const evaluation& e = d->result;
        const double x = bar_left(i);
        const double food_top = top_y(e.food.value());
        const double total_top = top_y(e.total.value());
        const std::string date = to_string(d->date);
        out.raw("<g class=\"day\"><title>" + escape(date + ": food " + to_string(e.food) + ", supplements " +
                                      to_string(e.supplemental) + ", total " +
                                      (e.total_is_lower_bound() ? "at least " : "") + to_string(e.total) +
                                      (e.over_upper_limit ? "; supplements over the UL" : "")) +
                "</title>\n");
        out.rect(x, food_top, bar_width, top_panel_bottom - food_top, food_colour);
        out.rect(x, total_top, bar_width, food_top - total_top, supplement_colour);
        double label_y = total_top - 4;
        if (e.total_is_lower_bound()) {
            out.rect(x, total_top - cap_height, bar_width, cap_height, no_data_fill,
                     "class=\"no-data\" stroke=\"#777777\" stroke-width=\"0.8\"");
            label_y -= cap_height;
        }
        if (value_labels) {
            // A label that would sit on the target line goes just above it instead.
            const double target_y = top_y(e.reference.target.value());
            if (target_y >= label_y - 11 && target_y <= label_y + 4) label_y = target_y - 5;
            labels.push_back({x + bar_width / 2, label_y,
                              (e.total_is_lower_bound() ? "\u2265" : "") + number(e.total.value(), 0)});
        }

        // Supplements alone, against the UL.
        const double supplement_top = bottom_y(e.supplemental.value());
        if (e.supplemental.value() > 0.0) {
            out.rect(x, supplement_top, bar_width, bottom_panel_bottom - supplement_top, supplement_colour,
                     e.over_upper_limit ? "stroke=\"#D55E00\" stroke-width=\"1.5\"" : "");
        }
        if (e.over_upper_limit) {
            const double mid = x + bar_width / 2;
            const double half = std::clamp(bar_width / 2, 3.0, 6.0);
            out.filled_path("M" + coord(mid - half) + ' ' + coord(supplement_top - 12) + " H" + coord(mid + half) +
                                " L" + coord(mid) + ' ' + coord(supplement_top - 3) + " Z",
                            upper_limit_colour, "class=\"over-ul\"");
        }
        out.raw("</g>\n");
    }
    if (!any_supplement) {
        out.text((period_plot_left + period_plot_right) / 2, bottom_panel_bottom - 30, "no supplement logged",
                 {.size = 11, .fill = muted_colour, .anchor = "middle", .italic = true});
    }

    // --- Target and UL, day by day (both can change inside a period) ----------------------
    const std::vector<step_run> target_runs =
        step_runs(slots, [](const day_result& d) { return std::optional<double>(d.result.reference.target.value()); });
    const std::vector<step_run> upper_limit_runs = step_runs(slots, [](const day_result& d) {
        const auto& limit = d.result.reference.supplemental_upper_limit;
        return limit ? std::optional<double>(limit->value()) : std::nullopt;
    });
    out.path(step_path(target_runs, x_of_slot, top_y), target_colour, 2.5);
    const std::string upper_limit_path = step_path(upper_limit_runs, x_of_slot, bottom_y);
    if (!upper_limit_path.empty()) {
        out.path(upper_limit_path, upper_limit_colour, 2.5, "stroke-dasharray=\"6,3\"");
    }
    std::vector<box> value_boxes;
    for (const pending_label& label : labels) {
        out.haloed_text(label.x, label.y, label.text, {.size = 10, .anchor = "middle"});
        const double half = text_width(label.text, 10) / 2 + 1;
        value_boxes.push_back({label.x - half, label.y - 9, label.x + half, label.y + 2});
    }
    label_runs(out, target_runs, x_of_slot, top_y, "", target_colour, value_boxes);
    label_runs(out, upper_limit_runs, x_of_slot, bottom_y, "UL", upper_limit_colour, std::vector<box>{});

    // --- Dates ----------------------------------------------------------------------------
    const bool one_year = year_month_day{first_day}.year() == year_month_day{last_day}.year();
    const double date_width = (one_year ? 5.0 : 10.0) * 10.5 * 0.6 + 10.0;
    const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil(date_width / slot_width)));
    for (std::size_t i = 0; i < slot_count; i += every) {
        const std::string date = to_string(year_month_day{first_day + std::chrono::days{i}});
        const double x = x_of_slot(i) + slot_width / 2;
        out.line(x, bottom_panel_bottom, x, bottom_panel_bottom + 4, muted_colour, 1);
        out.text(x, bottom_panel_bottom + 16, one_year ? date.substr(5) : date,
                 {.size = 10.5, .fill = muted_colour, .anchor = "middle"});
    }

    std::string description = heading + ". " + reference_line + ". " + summary_line;
    return out.document(height, heading, description);
}

}  // namespace mgcalc
