// Tests for src/detail/utf8.hpp, the one UTF-8 decoder and validator behind the log readers, the
// CSV reader, the charts and the build-time embedding of the USDA data. Well-formed UTF-8 is
// RFC 3629's (section 4, the syntax of UTF-8 byte sequences).
#include "detail/utf8.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

namespace utf8 = mgcalc::detail::utf8;

TEST_CASE("utf8: well-formed text is valid, from ASCII to U+10FFFF", "[utf8]") {
    CHECK(utf8::is_valid(""));
    CHECK(utf8::is_valid("plain ASCII"));
    CHECK(utf8::is_valid("P\xC3\xA2t\xC3\xA9"));            // U+00E2, U+00E9
    CHECK(utf8::is_valid("MgSO\xE2\x82\x84\xC2\xB7" "7H2O"));  // U+2084, U+00B7
    CHECK(utf8::is_valid("\xEF\xBF\xBD"));                   // U+FFFD
    CHECK(utf8::is_valid("\xF0\x9F\x8C\xB1"));               // U+1F331
    CHECK(utf8::is_valid("\xF4\x8F\xBF\xBF"));               // U+10FFFF, the last code point
}

TEST_CASE("utf8: invalid_at finds the first byte of each kind of malformed sequence", "[utf8]") {
    CHECK(utf8::invalid_at("ok") == std::string_view::npos);
    CHECK(utf8::invalid_at("caf\xE9") == 3);                // Latin-1 é: a lead byte without continuation
    CHECK(utf8::invalid_at("a\x80") == 1);                  // a continuation byte alone
    CHECK(utf8::invalid_at("ab\xC0\xAF") == 2);             // overlong "/" (0xC0, 0xC1 never appear)
    CHECK(utf8::invalid_at("\xE0\x80\xAF") == 0);           // overlong in three bytes
    CHECK(utf8::invalid_at("\xF0\x80\x80\xAF") == 0);       // overlong in four bytes
    CHECK(utf8::invalid_at("x\xED\xA0\x80") == 1);          // U+D800, a UTF-16 surrogate
    CHECK(utf8::invalid_at("\xF4\x90\x80\x80") == 0);       // U+110000, above the last code point
    CHECK(utf8::invalid_at("\xF5\x80\x80\x80") == 0);       // a lead byte that never appears
    CHECK(utf8::invalid_at("\xE2\x82") == 0);               // cut short at the end
}

TEST_CASE("utf8: invalid_at finds a bad byte at any place among runs of ASCII", "[utf8]") {
    // ASCII is skipped eight bytes at a time: every place in and around those eight.
    for (std::size_t at = 0; at < 40; ++at) {
        INFO(at);
        std::string text(40, 'a');
        text[at] = '\xFF';
        CHECK(utf8::invalid_at(text) == at);
        std::string two(40, 'a');
        two.replace(at, 2, "\xC3\xA9");  // é
        CHECK(utf8::invalid_at(two.substr(0, 40)) == (at == 39 ? 39 : std::string_view::npos));
        CHECK(utf8::invalid_at(std::string(at, 'a') + "\xC3\xA9" + std::string(17, 'b') + "\x80") == at + 19);
    }
}

TEST_CASE("utf8: decode_at reads one character and resynchronises after an invalid byte", "[utf8]") {
    const utf8::decoded e = utf8::decode_at("\xC3\xA9!", 0);
    CHECK(e.valid);
    CHECK(e.code == U'\u00E9');
    CHECK(e.length == 2);
    const utf8::decoded bad = utf8::decode_at("\xE9!", 0);
    CHECK_FALSE(bad.valid);
    CHECK(bad.length == 1);
}

TEST_CASE("utf8: append writes each code point as decode_at reads it back", "[utf8]") {
    for (const char32_t code : {U'\u0041', U'\u00E9', U'\u0800', U'\uFFFD', U'\U00010000', U'\U0010FFFF'}) {
        std::string out;
        utf8::append(out, code);
        const utf8::decoded back = utf8::decode_at(out, 0);
        CHECK(back.valid);
        CHECK(back.code == code);
        CHECK(back.length == out.size());
    }
}

TEST_CASE("utf8: characters are counted and text is cut between them, never inside one", "[utf8]") {
    CHECK(utf8::count_characters("P\xC3\xA2t\xC3\xA9") == 4);
    CHECK(utf8::cut_at_character("P\xC3\xA2t", 2) == "P");  // byte 2 is inside U+00E2
    CHECK(utf8::cut_at_character("P\xC3\xA2t", 3) == "P\xC3\xA2");
    CHECK(utf8::cut_at_character("short", 60) == "short");
    CHECK(utf8::hex_byte(0xE9) == "0xE9");
}
