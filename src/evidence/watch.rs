//! 进度与取消 — a writer wrapped around the copy into the store that reports bytes as they go
//! and stops the copy when the officer cancels, so a 2 GB video shows progress and can be
//! stopped half-way (the partial copy is removed; nothing is recorded).

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// The error a cancelled copy ends with (recognised by [`is_cancelled`]).
#[derive(Debug)]
struct Cancelled;

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("已取消")
    }
}

impl std::error::Error for Cancelled {}

/// Did this I/O error come from a cancelled [`Watched`] writer?
pub fn is_cancelled(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<Cancelled>())
}

/// Reports how many bytes went through, at most every `every` bytes, and refuses to write
/// once `cancel` is set.
pub struct Watched<'a, W> {
    inner: W,
    written: u64,
    reported: u64,
    every: u64,
    cancel: &'a AtomicBool,
    report: Box<dyn FnMut(u64) + 'a>,
}

impl<'a, W: Write> Watched<'a, W> {
    pub fn new(inner: W, every: u64, cancel: &'a AtomicBool, report: Box<dyn FnMut(u64) + 'a>) -> Self {
        Watched { inner, written: 0, reported: 0, every: every.max(1), cancel, report }
    }
}

impl<W: Write> Write for Watched<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.cancel.load(Ordering::SeqCst) {
            return Err(std::io::Error::other(Cancelled));
        }
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        if self.written - self.reported >= self.every {
            self.reported = self.written;
            (self.report)(self.written);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
