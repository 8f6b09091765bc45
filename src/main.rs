//! The `qantar` binary: parse the command line, then open the window or run a command.

use clap::Parser as _;
use qantar::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match &args.command {
        Some(command) => cli::run(&args, command),
        None => qantar::ui::run_window(args.start_options()),
    };
    result.unwrap_or_else(|e| {
        eprintln!("qantar: {e:#}");
        ExitCode::FAILURE
    })
}
