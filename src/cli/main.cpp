// mgcalc - the command-line program. Exit codes: 0 success, 2 bad input (one line
// "mgcalc: error: ..." on stderr), 1 internal failure.
#include "cli/common.hpp"

#include <mgcalc/error.hpp>
#include <mgcalc/version.hpp>

#include <exception>
#include <iostream>

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
    try {
        // CLI11 reports a mistyped command as "A subcommand is required"; name it instead.
        if (argc > 1 && argv[1][0] != '-' && app.get_subcommands([&](CLI::App* c) { return c->check_name(argv[1]); }).empty()) {
            std::cerr << "mgcalc: error: [mgcalc.parse_error] unknown command '" << argv[1]
                      << "': expected one of reference, compounds, report, foods, sleep, batch (see mgcalc --help)\n";
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
        std::cerr << "mgcalc: error: [mgcalc." << mgcalc::to_string(mgcalc::errc::parse_error) << "] " << message
                  << " (see mgcalc --help)\n";
        return 2;
    } catch (const mgcalc::error& e) {
        std::cerr << "mgcalc: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "mgcalc: internal error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
