//! How the C library's allocator serves this process: memory freed is kept for the next
//! allocation, not handed back to the system and asked for again.
//!
//! akaji allocates and frees in waves (both texts read, their indexes, the regions compared,
//! the output drawn in chunks of 1 MiB). By default glibc's `malloc` gives every allocation of
//! 128 KiB or more a mapping of its own, unmapped when freed, and gives back the top of the heap
//! once 128 KiB of it is free; each page of the next wave is then a fresh page fault. Measured
//! on the peers bench's inputs (`akaji diff --format json`, the fuzzers frozen, this build and
//! the one before it in turn, 40 runs each, median): page faults 2,145 → 1,748 on 1 MB of
//! pages, 2,839 → 1,468 on 1 MB of prose, 12,107 → 10,700 on 10 MB of pages; time 25.5 → 23.2
//! ms on 1 MB of pages, 20.2 → 19.4 ms on 1 MB of repeated lines, 42.0 → 36.8 ms on 1 MB of
//! prose (CPU time, user and system: 38.3 → 35.9, 31.4 → 30.1, 43.4 → 38.1 ms); peak RSS within
//! 0.7 MB at 1 MB, 3.4 MB more at 10 MB (freed memory reused, not added to). glibc's huge pages
//! for the heap (`glibc.malloc.hugetlb=1`) cut the faults further (436 on 1 MB of pages) but not
//! the time on 10 MB, for up to 7 MB more memory: not taken. A process that lives for one
//! command loses nothing by keeping its freed memory until it exits.
//!
//! Only the command line sets this: the library leaves its caller's allocator alone.

/// Keep freed memory in the process (glibc); elsewhere nothing changes. Whether every setting
/// was taken (true where there is nothing to set).
pub fn keep_freed_memory() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // An allocation below this size comes from the heap, not a mapping of its own (32 MiB:
        // half a thread's heap on 64 bits, the most every glibc takes).
        const MMAP_THRESHOLD: libc::c_int = 32 << 20;
        // The free top of the heap kept before any is given back.
        const TRIM_THRESHOLD: libc::c_int = 256 << 20;
        // What the heap grows by beyond a request (address space only until touched).
        const TOP_PAD: libc::c_int = 16 << 20;
        // SAFETY: mallopt takes a parameter number and a value, and changes them under the
        // allocator's lock (the command line calls it before it starts any thread; a test calls
        // it among others); a value it refuses (it returns 0) leaves that setting as it was.
        unsafe {
            [
                (libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD),
                (libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD),
                (libc::M_TOP_PAD, TOP_PAD),
            ]
            .into_iter()
            .fold(true, |all, (param, value)| libc::mallopt(param, value) == 1 && all)
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    true
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_setting_is_taken() {
        // mallopt answers 0 for a value it does not take and carries on; the run would then be
        // as slow as with glibc's defaults, and nothing else would tell.
        assert!(super::keep_freed_memory());
    }
}
