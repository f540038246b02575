//! duban — opens the window, or runs a command-line verb (parse, import, list).

use std::process::ExitCode;

use duban::cli::{self, USAGE, Verb};
use duban::clock::Clock;

fn main() -> ExitCode {
    let args = match cli::parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("错误：{message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.verb == Verb::Gui {
        // A folder that cannot be used (its data moved to a drive not connected) is said in
        // the window — started from a menu, nobody reads standard error.
        let data_dir = cli::data_dir(args.data_dir.as_deref()).map_err(|e| {
            eprintln!("错误：{e}");
            e.to_string()
        });
        let clock = args.date.map_or(Clock::System, Clock::Fixed);
        return match duban::ui::run_window(data_dir, clock) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("错误：无法打开窗口：{e}");
                ExitCode::FAILURE
            }
        };
    }
    let stdout = std::io::stdout();
    match cli::run(&args, &mut stdout.lock()) {
        Ok(()) => ExitCode::SUCCESS,
        // `duban list | head`: the reader has what it wanted. Quiet, with the shell's code
        // for a pipe closed under a writer (128 + SIGPIPE).
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::from(141),
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::FAILURE
        }
    }
}
