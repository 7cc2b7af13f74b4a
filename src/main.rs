//! The `actorgraph` command: a thin shell over the library. Each subcommand
//! parses its flags, calls the library, and prints what comes back.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
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
