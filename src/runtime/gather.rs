//! `asyncio.gather` for the page: every task started at once, in order,
//! and finished as they wake, in slices that leave the page room to draw.

use std::future::Future;
use std::task::Poll;

use futures::future::poll_fn;
use futures::stream::{FuturesUnordered, StreamExt};

use super::clock::{now_ms, with_batch_clock};
use super::timers;

/// How long the runtime works before giving the browser a turn: half a
/// frame, far under the 50 ms at which a task counts as long, since creating
/// 100,000 futures can take twice its budget (allocation, memory growth)
/// and the frame that draws them needs room too.
const SLICE_MS: f64 = 8.0;

/// How long a slice may carry on when the rest of the work fits in it: a
/// slice ends after [`SLICE_MS`] unless, at the pace so far, everything left
/// would be done within this; then it carries on rather than letting a frame
/// in (which a run of a few thousand tasks would otherwise pay for). Well
/// under the 50 ms at which a task counts as long, since the pace is a
/// guess: on a busy machine, or with a garbage collection in it, a slice
/// takes longer than it said (in traces of runs of 100,000 tasks, slices
/// took up to 27 ms with a bound of 30 ms, up to 20 ms with this one).
const CARRY_ON_MS: f64 = 20.0;

/// Whether a slice that began at `began` and has done `done` items should
/// stop, with `left` items still to do.
fn slice_over(began: f64, done: usize, left: usize) -> bool {
    let elapsed = now_ms() - began;
    if elapsed < SLICE_MS {
        return false;
    }
    let per_item = elapsed / done.max(1) as f64;
    elapsed + per_item * left as f64 > CARRY_ON_MS
}

/// How many tasks are started or finished per clock reading.
const TASKS_PER_READING: usize = 256;

/// Runs `tasks` all at once, as `asyncio.gather` does: each is started, in
/// order, and runs until its first await; then they finish as they wake.
/// Unlike asyncio, which starts 100,000 tasks in one turn of its loop, the
/// work is done in slices (see [`SLICE_MS`] and [`CARRY_ON_MS`]), so the page
/// keeps drawing and answering while a large run starts and ends.
pub(super) async fn gather<F: Future<Output = ()>>(tasks: impl ExactSizeIterator<Item = F>) {
    let mut tasks = tasks.peekable();
    let mut running = FuturesUnordered::new();
    while tasks.peek().is_some() {
        let began = now_ms();
        let mut started = 0;
        loop {
            running.extend(tasks.by_ref().take(TASKS_PER_READING));
            started += TASKS_PER_READING;
            // Poll the new tasks once, so they start now, in order.
            poll_fn(|cx| {
                with_batch_clock(
                    || while let Poll::Ready(Some(())) = running.poll_next_unpin(cx) {},
                );
                Poll::Ready(())
            })
            .await;
            let left = tasks.len();
            if left == 0 || slice_over(began, started, left) {
                break;
            }
        }
        if tasks.peek().is_some() {
            timers::yield_now().await;
        }
    }
    loop {
        // A slice starts when there is work again, not while waiting.
        let mut began = None;
        let mut finished = 0;
        let emptied = poll_fn(|cx| {
            let slice_began = *began.get_or_insert_with(now_ms);
            loop {
                // Finish up to a batch of woken tasks on one clock reading.
                let polled = with_batch_clock(|| {
                    for _ in 0..TASKS_PER_READING {
                        match running.poll_next_unpin(cx) {
                            Poll::Ready(Some(())) => {}
                            other => return other,
                        }
                    }
                    Poll::Ready(Some(()))
                });
                match polled {
                    Poll::Ready(Some(())) => {
                        finished += TASKS_PER_READING;
                        if slice_over(slice_began, finished, running.len()) {
                            return Poll::Ready(false);
                        }
                    }
                    Poll::Ready(None) => return Poll::Ready(true),
                    Poll::Pending => {
                        began = None;
                        finished = 0;
                        return Poll::Pending;
                    }
                }
            }
        })
        .await;
        if emptied {
            return;
        }
        timers::yield_now().await;
    }
}
