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
        let data_dir = match cli::data_dir(args.data_dir.as_deref()) {
            Ok(dir) => dir,
            Err(e) => {
                eprintln!("错误：{e}");
                return ExitCode::FAILURE;
            }
        };
        let clock = args.date.map_or(Clock::System, Clock::Fixed);
        return match duban::ui::run_window(&data_dir, clock) {
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
