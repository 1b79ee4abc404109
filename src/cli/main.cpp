// mgcalc - the command-line program. Exit codes: 0 success, 2 bad input (one line
// "mgcalc: error: ..." on stderr), 1 internal failure.
#include "cli/common.hpp"

#include <mgcalc/error.hpp>
#include <mgcalc/version.hpp>

#include "detail/utf8.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The longest error line printed: a message quotes what the user gave, which may be a 30 MB CSV
// header or a 126 KB query.
constexpr std::size_t max_error_bytes = 1000;

/// `message` as one short line: line breaks and other control characters, and bytes that are not
/// UTF-8, written as escapes (\n, \x01); cut at max_error_bytes with the count of what was left out.
std::string one_line(std::string_view message) {
    std::string out;
    std::size_t at = 0;
    while (at < message.size() && out.size() < max_error_bytes) {
        const mgcalc::detail::utf8::decoded d = mgcalc::detail::utf8::decode_at(message, at);
        const auto byte = static_cast<unsigned char>(message[at]);
        if (!d.valid || byte < 0x20 || byte == 0x7F) {
            if (byte == '\n') out += "\\n";
            else if (byte == '\r') out += "\\r";
            else if (byte == '\t') out += "\\t";
            else out += "\\x" + mgcalc::detail::utf8::hex_byte(byte).substr(2);
            ++at;
            continue;
        }
        out.append(message.substr(at, d.length));
        at += d.length;
    }
    if (at < message.size()) out += " ... (" + std::to_string(message.size() - at) + " more bytes)";
    return out;
}

void print_error(std::string_view kind, std::string_view message) {
    std::cerr << "mgcalc: " << kind << ": " << one_line(message) << '\n';
}

/// "unknown command 'frob' of mgcalc compounds: expected one of list, show (see mgcalc --help)"
/// when the words before the first option name a command that has none of that name; empty
/// when they are all commands, or end where a command takes other words.
std::string unknown_command(CLI::App& app, int argc, char** argv) {
    CLI::App* command = &app;
    std::string path = "mgcalc";
    for (int i = 1; i < argc && argv[i][0] != '-'; ++i) {
        const std::vector<CLI::App*> all = command->get_subcommands([](CLI::App*) { return true; });
        if (all.empty()) return {};
        CLI::App* next = nullptr;
        std::string names;
        for (CLI::App* c : all) {
            if (c->check_name(argv[i])) next = c;
            if (!names.empty()) names += ", ";
            names += c->get_name();
        }
        if (next == nullptr) {
            return "unknown command '" + std::string(argv[i]) + "'" + (command == &app ? "" : " of " + path) +
                   ": expected one of " + names + " (see " + path + " --help)";
        }
        command = next;
        path += " " + next->get_name();
    }
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"mgcalc: daily magnesium from foods and supplements against the reference intakes", "mgcalc"};
    app.set_version_flag("--version", mgcalc::version_string);
    app.require_subcommand(1);
    mgcalc::cli::register_reference_command(app);
    mgcalc::cli::register_compounds_command(app);
    mgcalc::cli::register_report_command(app);
    mgcalc::cli::register_foods_command(app);
    mgcalc::cli::register_sleep_command(app);
    mgcalc::cli::register_batch_command(app);
    mgcalc::cli::read_numbers_as_decimals(app);
    try {
        // CLI11 reports a mistyped command as "A subcommand is required"; name it instead, at
        // any depth ("mgcalc compounds frob").
        if (const std::string unknown = unknown_command(app, argc, argv); !unknown.empty()) {
            print_error("error", "[mgcalc.parse_error] " + unknown);
            return 2;
        }
        // Text enters here once: what is not UTF-8 would reach reports, JSON and charts (the JSON
        // writer cannot write it), so it is refused, naming the argument and the byte.
        for (int i = 1; i < argc; ++i) {
            const std::string_view argument = argv[i];
            const std::size_t bad = mgcalc::detail::utf8::invalid_at(argument);
            if (bad == std::string_view::npos) continue;
            print_error("error", "[mgcalc.parse_error] argument " + std::to_string(i) + " \"" + std::string(argument) +
                                     "\": byte " + mgcalc::detail::utf8::hex_byte(static_cast<unsigned char>(argument[bad])) +
                                     " is not valid UTF-8; expected UTF-8 text (set the terminal or script to UTF-8)");
            return 2;
        }
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);  // --help, --version
    } catch (const CLI::ParseError& e) {
        // An option mistake is text that does not follow the command's syntax: the same stable
        // code as any other, so that scripts can rely on the prefix.
        std::string message = e.what();
        for (char& c : message) if (c == '\n') c = ' ';
        print_error("error", "[mgcalc." + std::string(mgcalc::to_string(mgcalc::errc::parse_error)) + "] " + message +
                                 " (see mgcalc --help)");
        return 2;
    } catch (const mgcalc::error& e) {
        print_error("error", e.what());
        return 2;
    } catch (const std::exception& e) {
        print_error("internal error", e.what());
        return 1;
    }
    // Output that could not be written (a full disk, /dev/full, a closed pipe) is a failure, not
    // a success with a lost report.
    std::cout.flush();
    errno = 0;
    if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
        const int cause = errno;
        print_error("error", std::string("the output could not be written") +
                                 (cause != 0 ? std::string(": ") + std::strerror(cause) : std::string()) +
                                 "; expected a writable standard output (a full disk or a closed pipe?)");
        return 1;
    }
    return 0;
}
