// detail::excerpt and detail::quoted: what a message shows of a person's text.
#include <mgcalc/detail/strings.hpp>

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("strings: a quoted text is one line and at most 200 bytes", "[strings][hardening]") {
    using mgcalc::detail::quoted;
    CHECK(quoted("1 bucket") == "\"1 bucket\"");
    // A line break typed in --food, a tab, a NUL: escapes, so that the message stays one line.
    CHECK(quoted("zzqx\nflurb\t1\r") == "\"zzqx\\nflurb\\t1\\r\"");
    CHECK(quoted(std::string("a\0b", 3)) == "\"a\\x00b\"");
    // A 126 KB query is cut, saying how much was left out.
    const std::string query(126 * 1024, 'q');
    const std::string shown = quoted(query);
    CHECK(shown == "\"" + std::string(200, 'q') + "... (" + std::to_string(query.size() - 200) + " more bytes)\"");
    // Never inside a character: 199 ASCII bytes and a two-byte "é" stop before the "é".
    const std::string accented = std::string(199, 'a') + "\xC3\xA9" + "tail";
    CHECK(quoted(accented) == "\"" + std::string(199, 'a') + "... (6 more bytes)\"");
    CHECK(quoted(std::string(200, 'b')) == "\"" + std::string(200, 'b') + "\"");
}
