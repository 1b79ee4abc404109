// io/svg.hpp - writing SVG 1.1 for the charts: elements with their attributes, text made valid
// UTF-8 with only the characters XML 1.0 allows and then escaped (so a food description can hold
// "&", "<" or quotes), and the document around them. Numbers go through {fmt}
// (detail::format_number), never the C locale's decimal comma. Private to src/io/.
#pragma once

#include "io/chart_style.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace mgcalc::detail::chart {

/// A number as SVG text: locale-independent, no trailing zeros ("320", "165.8"); "0" for a value
/// that is not finite (never drawn; keeps the document well-formed).
std::string number(double value, int decimals = 1);
/// A coordinate with one decimal: enough for a screen, and stable text.
std::string coord(double value);

/// Decodes UTF-8; invalid sequences and characters XML 1.0 forbids become U+FFFD, and line
/// breaks and tabs become spaces (a label is one line).
std::u32string decode(std::string_view text);
/// XML-escaped UTF-8, safe both as element text and inside a double-quoted attribute.
std::string escape(std::u32string_view text);
std::string escape(std::string_view text);

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
        end_element(extra);
    }

    void line(double x1, double y1, double x2, double y2, std::string_view stroke, double stroke_width,
              std::string_view extra = {}) {
        out_ += "<line x1=\"" + coord(x1) + "\" y1=\"" + coord(y1) + "\" x2=\"" + coord(x2) + "\" y2=\"" +
                coord(y2) + "\" stroke=\"";
        out_ += stroke;
        out_ += "\" stroke-width=\"" + number(stroke_width) + '"';
        end_element(extra);
    }

    void path(std::string_view d, std::string_view stroke, double stroke_width, std::string_view extra = {}) {
        out_ += "<path d=\"";
        out_ += d;
        out_ += "\" fill=\"none\" stroke=\"";
        out_ += stroke;
        out_ += "\" stroke-width=\"" + number(stroke_width) + '"';
        end_element(extra);
    }

    void filled_path(std::string_view d, std::string_view fill, std::string_view extra = {}) {
        out_ += "<path d=\"";
        out_ += d;
        out_ += "\" fill=\"";
        out_ += fill;
        out_ += '"';
        end_element(extra);
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

    /// Ends an empty element: the `extra` attributes as given, then "/>".
    void end_element(std::string_view extra) {
        if (!extra.empty()) {
            out_ += ' ';
            out_ += extra;
        }
        out_ += "/>\n";
    }
};

}  // namespace mgcalc::detail::chart
