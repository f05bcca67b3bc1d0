//! One queue of timers for every sleep, as asyncio keeps one heap of
//! timers for its loop.
//!
//! A browser timer per sleep costs a JavaScript closure and a `setTimeout`
//! each; with 100,000 tasks that alone is a long pause. Here a sleep is an
//! entry in an ordered map, keyed by its deadline; one browser timer is
//! armed for the earliest deadline, and when it fires every sleep that is
//! due is woken, in deadline order. The last few milliseconds before a
//! deadline are covered by messages to the page itself, which, unlike a
//! timer, the browser neither rounds to milliseconds nor holds back.
//! Dropping a sleep removes its entry at once, and when the queue is empty
//! no browser timer is left armed.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageChannel;

use super::clock::{now_ms, task_now_ms};

/// A point on the page's clock, in whole microseconds.
type Micros = u64;

fn now_micros() -> Micros {
    (now_ms() * 1000.0) as Micros
}

/// A deadline, then the order sleeps were registered: equal deadlines wake
/// in the order they were set, as in asyncio.
type Key = (Micros, u64);

/// The browser timer is armed this long before the earliest deadline, and
/// the rest of the wait is covered by messages. A browser timer cannot wait
/// less than a millisecond and, in a page that is drawing, often fires a few
/// milliseconds late; a message arrives within microseconds. Each message is
/// a separate turn of the event loop, so drawing and input go on meanwhile.
const EARLY: Micros = 3000;

/// A message channel whose messages call [`fire`]: the way to get a turn of
/// the event loop sooner than any timer allows.
struct Doorbell {
    channel: MessageChannel,
    _on_message: Closure<dyn FnMut()>,
}

impl Doorbell {
    fn new() -> Option<Self> {
        let channel = MessageChannel::new().ok()?;
        let on_message = Closure::<dyn FnMut()>::new(fire);
        channel
            .port1()
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            _on_message: on_message,
        })
    }

    fn ring(&self) {
        let _ = self.channel.port2().post_message(&JsValue::NULL);
    }
}

/// How the queue will next get a turn.
enum Armed {
    /// A browser timer, for a deadline; dropping it clears the timer.
    Timer { deadline: Micros, _timeout: Timeout },
    /// A message is on its way.
    Message,
}

#[derive(Default)]
struct Queue {
    sleeps: BTreeMap<Key, Waker>,
    registered: u64,
    armed: Option<Armed>,
    doorbell: Option<Doorbell>,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::default();
}

impl Queue {
    fn insert(&mut self, deadline: Micros, waker: Waker) -> Key {
        let key = (deadline, self.registered);
        self.registered += 1;
        self.sleeps.insert(key, waker);
        self.arm();
        key
    }

    /// Makes sure the queue gets a turn by its earliest deadline; disarms
    /// when nothing waits.
    fn arm(&mut self) {
        let Some((&(earliest, _), _)) = self.sleeps.first_key_value() else {
            self.armed = None;
            return;
        };
        match self.armed {
            Some(Armed::Message) => return,
            Some(Armed::Timer { deadline, .. }) if deadline <= earliest => return,
            _ => {}
        }
        let wait = earliest.saturating_sub(now_micros());
        if wait <= EARLY {
            if self.doorbell.is_none() {
                self.doorbell = Doorbell::new();
            }
            if let Some(doorbell) = &self.doorbell {
                doorbell.ring();
                self.armed = Some(Armed::Message);
                return;
            }
        }
        // Far away: fire early and let messages cover the rest. Close, with
        // no message channel to be had: wait for the deadline itself.
        let delay = if wait > EARLY {
            (wait - EARLY) / 1000
        } else {
            wait.div_ceil(1000)
        };
        let delay_ms = u32::try_from(delay).unwrap_or(u32::MAX);
        self.armed = Some(Armed::Timer {
            deadline: earliest,
            _timeout: Timeout::new(delay_ms, fire),
        });
    }

    /// Takes every sleep due by `now`, earliest first.
    fn take_due(&mut self, now: Micros) -> Vec<Waker> {
        let later = self.sleeps.split_off(&(now + 1, 0));
        std::mem::replace(&mut self.sleeps, later)
            .into_values()
            .collect()
    }
}

/// Called by the browser timer or a message: wakes what is due, arms again
/// for the rest.
fn fire() {
    let due = QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        queue.armed = None;
        let due = queue.take_due(now_micros());
        queue.arm();
        due
    });
    // Outside the borrow: waking only schedules the tasks.
    for waker in due {
        waker.wake();
    }
}

/// How many sleeps wait in the queue.
pub fn pending() -> usize {
    QUEUE.with(|queue| queue.borrow().sleeps.len())
}

/// Milliseconds until the earliest sleep in the queue is due (zero if it
/// is due already, or is a yield), or `None` when nothing waits: how soon
/// the runtime will want the thread.
pub fn next_wake_in_ms() -> Option<f64> {
    let earliest = QUEUE.with(|queue| queue.borrow().sleeps.first_key_value().map(|(k, _)| k.0))?;
    Some((earliest as f64 / 1000.0 - now_ms()).max(0.0))
}

/// Whether the queue waits for a browser timer or a message.
pub fn armed() -> bool {
    QUEUE.with(|queue| queue.borrow().armed.is_some())
}

/// A future that is ready once the clock reads `deadline` milliseconds.
/// It never ends before its deadline on `performance.now()`.
pub struct Sleep {
    deadline: Micros,
    key: Option<Key>,
    /// Ready only when the queue fires it, whatever the clock says: a
    /// yield must give the browser a turn.
    until_fired: bool,
}

/// Sleeps until `deadline_ms` on [`now_ms`]'s clock.
pub fn sleep_until(deadline_ms: f64) -> Sleep {
    Sleep {
        deadline: (deadline_ms * 1000.0).ceil() as Micros,
        key: None,
        until_fired: false,
    }
}

/// Gives the browser a turn: ready after the queue's next firing, so that
/// the page can draw and handle input between slices of a run's work.
pub fn yield_now() -> Sleep {
    Sleep {
        until_fired: true,
        ..sleep_until(now_ms())
    }
}

impl Sleep {
    fn deregister(&mut self) {
        if let Some(key) = self.key.take() {
            let removed = QUEUE.with(|queue| {
                let mut queue = queue.borrow_mut();
                let removed = queue.sleeps.remove(&key);
                if queue.sleeps.is_empty() {
                    queue.armed = None;
                }
                removed
            });
            // Dropped outside the borrow: it may be the last handle on a task.
            drop(removed);
        }
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Some(key) = self.key else {
            // The first poll registers without reading the clock (a call
            // into JavaScript, and 100,000 tasks start at once): registering
            // can only make a sleep end later, never earlier.
            let deadline = self.deadline;
            self.key =
                Some(QUEUE.with(|queue| queue.borrow_mut().insert(deadline, cx.waker().clone())));
            return Poll::Pending;
        };
        let (fired, stale) = QUEUE.with(|queue| {
            let mut queue = queue.borrow_mut();
            match queue.sleeps.get_mut(&key) {
                // The queue takes only what is due: gone means fired.
                None => (true, None),
                Some(waker) if waker.will_wake(cx.waker()) => (false, None),
                Some(waker) => (false, Some(std::mem::replace(waker, cx.waker().clone()))),
            }
        });
        drop(stale);
        if fired {
            self.key = None;
            return Poll::Ready(());
        }
        // Polled before the queue fired (another part of the task woke it):
        // a sleep whose deadline has passed may end now; a yield may not.
        if !self.until_fired && (task_now_ms() * 1000.0) as Micros >= self.deadline {
            self.deregister();
            return Poll::Ready(());
        }
        Poll::Pending
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        self.deregister();
    }
}

/// A sleep on a plain browser timer, without the queue's precision: for
/// the heartbeat, whose beats only need to notice long gaps. Its beats
/// would otherwise keep the queue's messages going all through a run.
pub fn coarse_sleep(ms: u32) -> CoarseSleep {
    CoarseSleep {
        ms,
        timer: None,
        woken: Rc::default(),
    }
}

/// See [`coarse_sleep`]. Dropping it clears its browser timer.
pub struct CoarseSleep {
    ms: u32,
    timer: Option<Timeout>,
    /// Set when the timer fires: then it takes the waker and wakes it.
    woken: Rc<RefCell<(bool, Option<Waker>)>>,
}

impl Future for CoarseSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.woken.borrow().0 {
            return Poll::Ready(());
        }
        self.woken.borrow_mut().1 = Some(cx.waker().clone());
        if self.timer.is_none() {
            let woken = self.woken.clone();
            self.timer = Some(Timeout::new(self.ms, move || {
                let waker = {
                    let mut woken = woken.borrow_mut();
                    woken.0 = true;
                    woken.1.take()
                };
                if let Some(waker) = waker {
                    waker.wake();
                }
            }));
        }
        Poll::Pending
    }
}
