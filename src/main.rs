//! The `qantar` binary: parse the command line, then open the window or run a command.

use clap::Parser as _;

use qantar::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Ctrl+C or SIGTERM in the middle of an export: remove its temporary files, then stop as
    // the signal asks.
    let _ = ctrlc::set_handler(|| {
        qantar::paint::remove_unfinished();
        std::process::exit(130);
    });
    // Usage errors exit with 1 like every other error (clap's own code would be 2).
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match &args.command {
        Some(command) => cli::run(&args, command),
        None => qantar::ui::run_window(args.start_options()),
    };
    result.unwrap_or_else(|e| {
        eprintln!("qantar: {e:#}");
        ExitCode::FAILURE
    })
}
