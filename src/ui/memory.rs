//! 内存 — gives the memory freed after building a board back to the system. Loading a
//! 100,000-directive board builds and drops ~200 MB of temporaries (maps by directive, the
//! tracks, the rows before sorting) on the worker thread; glibc keeps what a thread freed in
//! that thread's arena, so without this the window would stay as large as the load's peak.

/// Returns the allocator's free pages to the system (glibc `malloc_trim`, every arena); ~20 ms
/// at 100,000 directives, on the worker thread when idle. Elsewhere it does nothing.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn release_freed() {
    unsafe extern "C" {
        fn malloc_trim(pad: usize) -> std::ffi::c_int;
    }
    // SAFETY: malloc_trim takes a byte count and works on the allocator's own free lists under
    // its locks; it frees nothing in use.
    unsafe {
        malloc_trim(0);
    }
}

/// Returns the allocator's free pages to the system where that is known to help (glibc).
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release_freed() {}
