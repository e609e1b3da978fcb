//! The `tourdesk` command: see `tourdesk --help`.

fn main() -> std::process::ExitCode {
    tourdesk::cli::main()
}
