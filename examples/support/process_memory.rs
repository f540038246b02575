//! 进程内存 — this process's resident and peak resident memory, for the measuring examples
//! (measure, pdf_export, suggest_time) to print beside their times.

/// Resident and peak resident memory of this process, in MB (Linux; 0 elsewhere).
pub fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
