//! The `actorgraph` command: a thin shell over the library. Each subcommand
//! parses its flags, calls the library, and prints what comes back.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let result = cli::run(args);
    // A query past its deadline may still be stopping on its worker thread,
    // which holds the store: exiting under it would abort in RocksDB's
    // static destructors. It reaches a cancellation point soon; wait a
    // little for it.
    let give_up = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while actorgraph::query::running() > 0 && std::time::Instant::now() < give_up {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    match result {
        Ok(code) => code,
        Err(err) => {
            // Print the error chain once, ripgrep-style.
            let mut msg = format!("actorgraph: {err}");
            for cause in err.chain().skip(1) {
                msg.push_str(&format!("\n  caused by: {cause}"));
            }
            // Ids and file names in messages may hold control characters.
            eprintln!("{}", actorgraph::terminal::escape_controls_keep_lines(&msg));
            ExitCode::from(2)
        }
    }
}
