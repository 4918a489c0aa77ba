//! Two pieces of work at once, the second thread started on another core.
//!
//! akaji shares work between two threads where the halves do not depend on each other (reading
//! the two texts of a diff, the line pass beside the running heads, the regions of a diff, an
//! output drawn while another thread writes it). On the 2-core virtual machines this project
//! runs on (Linux 6.18 under Firecracker) the scheduler leaves a new thread queued on its
//! parent's core while the other core sits idle, often until the parent blocks: measured
//! (`std::thread::scope`, median of 10, the machine otherwise idle), two threads of 4.1 ms of
//! work each took 10.4 ms, more than the 8.2 ms of one after the other, and a new thread waited
//! up to 3 ms to start. Given at its birth the cores other than its parent's, the same thread
//! starts within 0.2 ms and the pair takes 6.3 ms (the two cores share a physical one, or
//! they would take 4.1). [`join`] does that, then hands the thread back every core it was
//! allowed (once it runs on the other), so that under load the scheduler moves it as it would
//! any thread. Where the cores cannot be read or set (another system, a single allowed core)
//! the thread is started as any other.
//!
//! No crate does this: `core_affinity` sets only the calling thread's cores, too late here (the
//! new thread must run to call it), and a scoped thread of std does not give the handle that
//! the C library's `pthread_setaffinity_np` needs. So the thread is started with
//! [`std::thread::Builder::spawn_unchecked`] and always joined before [`join`] returns, unwinding
//! or not (the guard below), which is what makes borrowing from the caller sound.

use std::sync::{mpsc, Mutex};
use std::thread::JoinHandle;

/// Run `elsewhere` on a thread of its own (started on another core when there is one) and
/// `here` on this one, at once; both results. When no thread can be had, `elsewhere` runs here
/// after `here`. A panic in either reaches the caller once both are done.
pub fn join<A: Send, B>(elsewhere: impl FnOnce() -> A + Send, here: impl FnOnce() -> B) -> (A, B) {
    match try_join(elsewhere, here) {
        Ok(both) => both,
        Err((elsewhere, here)) => {
            let b = here();
            (elsewhere(), b)
        }
    }
}

/// [`join`], or both pieces of work given back, neither run, when no thread can be had (for
/// work that cannot be done one piece after the other: a writer and the drawing that feeds it).
pub fn try_join<A: Send, B, E: FnOnce() -> A + Send, H: FnOnce() -> B>(
    elsewhere: E,
    here: H,
) -> Result<(A, B), (E, H)> {
    let work = Mutex::new(Some(elsewhere));
    let (placed, wait) = mpsc::sync_channel::<()>(1);
    let allowed = placement::allowed();
    let (work_ref, allowed_ref) = (&work, &allowed);
    let task = move || {
        let _ = wait.recv();
        if let Some(cores) = allowed_ref {
            placement::set_for_this_thread(cores);
        }
        let f = work_ref.lock().unwrap_or_else(|e| e.into_inner()).take();
        f.map(|f| f())
    };
    // SAFETY: the thread borrows `work` and `allowed` from this frame, and whatever `elsewhere`
    // borrows; `Joined` joins it before this frame ends, on return or unwinding (it is never
    // leaked: it lives in this function alone). `work` is moved only when no thread was made.
    let thread = match unsafe { std::thread::Builder::new().spawn_unchecked(task) } {
        Ok(handle) => Joined(Some(handle)),
        Err(_) => {
            let elsewhere = work.into_inner().unwrap_or_else(|e| e.into_inner());
            return Err((elsewhere.expect("work no thread took"), here));
        }
    };
    if let (Some(handle), Some(cores)) = (&thread.0, &allowed) {
        placement::start_elsewhere(handle, cores);
    }
    let _ = placed.send(());
    let b = here();
    match thread.join() {
        Some(Ok(Some(a))) => Ok((a, b)),
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        // The thread always finds its work: it is taken from it only when there is no thread.
        Some(Ok(None)) | None => unreachable!("a thread that did not run its work"),
    }
}

/// A thread joined when dropped, if not before.
struct Joined<T>(Option<JoinHandle<T>>);

impl<T> Joined<T> {
    fn join(mut self) -> Option<std::thread::Result<T>> {
        self.0.take().map(JoinHandle::join)
    }
}

impl<T> Drop for Joined<T> {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            let _ = handle.join();
        }
    }
}

#[cfg(target_os = "linux")]
mod placement {
    use std::os::unix::thread::JoinHandleExt;
    use std::thread::JoinHandle;

    /// A set of cores, as the C library takes it.
    pub(super) struct Cores(libc::cpu_set_t);

    const SIZE: usize = std::mem::size_of::<libc::cpu_set_t>();

    // SAFETY of the calls below: each passes a `cpu_set_t` it owns, with its exact size, to a
    // call that reads or fills that many bytes; a thread named by its handle is alive (the
    // handle is held, and the thread waits on a channel until it has been placed).

    /// The cores the calling thread may run on, if the system says and there are several.
    pub(super) fn allowed() -> Option<Cores> {
        let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
        let read = unsafe { libc::sched_getaffinity(0, SIZE, &mut set) };
        (read == 0 && unsafe { libc::CPU_COUNT(&set) } > 1).then_some(Cores(set))
    }

    /// Let `thread` start on the cores of `allowed` but this thread's.
    pub(super) fn start_elsewhere<T>(thread: &JoinHandle<T>, allowed: &Cores) {
        let Ok(core) = usize::try_from(unsafe { libc::sched_getcpu() }) else { return };
        if core >= 8 * SIZE || !unsafe { libc::CPU_ISSET(core, &allowed.0) } {
            return;
        }
        let mut others = allowed.0;
        unsafe { libc::CPU_CLR(core, &mut others) };
        // A failure leaves the thread where the scheduler put it: slower at worst.
        let _ = unsafe { libc::pthread_setaffinity_np(thread.as_pthread_t(), SIZE, &others) };
    }

    /// Let the calling thread run on `cores` again.
    pub(super) fn set_for_this_thread(cores: &Cores) {
        let _ = unsafe { libc::sched_setaffinity(0, SIZE, &cores.0) };
    }
}

#[cfg(not(target_os = "linux"))]
mod placement {
    use std::thread::JoinHandle;

    pub(super) struct Cores;

    pub(super) fn allowed() -> Option<Cores> {
        None
    }

    pub(super) fn start_elsewhere<T>(_: &JoinHandle<T>, _: &Cores) {}

    pub(super) fn set_for_this_thread(_: &Cores) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_pieces_run_on_borrowed_data_and_give_their_results() {
        let data = [1, 2, 3];
        let (sum, len) = join(|| data.iter().sum::<i32>(), || data.len());
        assert_eq!((sum, len), (6, 3));
    }

    #[test]
    fn a_panic_on_the_other_thread_reaches_the_caller_after_both_are_done() {
        let done_here = std::sync::atomic::AtomicBool::new(false);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            join(|| panic!("elsewhere"), || done_here.store(true, std::sync::atomic::Ordering::SeqCst))
        }));
        assert!(caught.is_err());
        assert!(done_here.load(std::sync::atomic::Ordering::SeqCst));
    }

    #[test]
    fn a_panic_here_waits_for_the_other_thread_before_unwinding() {
        let finished = std::sync::atomic::AtomicBool::new(false);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            join(
                || {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    finished.store(true, std::sync::atomic::Ordering::SeqCst);
                },
                || panic!("here"),
            )
        }));
        assert!(caught.is_err());
        assert!(
            finished.load(std::sync::atomic::Ordering::SeqCst),
            "the thread borrowed `finished`: it must be joined"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_other_thread_gets_back_every_core_it_was_allowed() {
        let (inside, before) = join(cores, cores);
        assert_eq!(inside, before, "the thread must not stay pinned to the core it was started on");
    }

    #[cfg(target_os = "linux")]
    fn cores() -> Vec<usize> {
        let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) }, 0);
        (0..64).filter(|&c| unsafe { libc::CPU_ISSET(c, &set) }).collect()
    }
}
