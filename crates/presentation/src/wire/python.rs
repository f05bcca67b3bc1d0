//! The Python worker's messages (`www/python-worker.js`), read as the
//! Python panel's actions. Each is text: a first line, and for some a body
//! after it.
//!
//! ```text
//! progress <bytes loaded> <bytes in all>
//! ready <Python's version>
//! out\n<text>  |  err\n<text>
//! trace\n<lines>            T <task> <at µs> <label>  |  S <task> <from µs> <to µs> <w|o|d|c|f>
//! computed <µs> <name>
//! end <done|failed|deadlock> <µs> <SCALE in millionths>\n<traceback>
//! failed\n<why>
//! ```
//!
//! The page asks with [`run`]. Anything else, or a line that does not
//! read, is dropped: the worker is the page's own, but a page never
//! breaks on a message.

use std::time::Duration;

use model::python::{After, End, Event};
use model::state::python::{How, PythonAction};

/// The message that runs `program`.
pub fn run(program: &str) -> String {
    format!("run\n{program}")
}

/// What `message` tells the panel, if it reads.
pub fn read(message: &str) -> Option<PythonAction> {
    let (head, body) = message.split_once('\n').unwrap_or((message, ""));
    let mut words = head.split(' ');
    let action = match words.next()? {
        "progress" => PythonAction::Progress {
            loaded: words.next()?.parse().ok()?,
            total: words.next()?.parse().ok()?,
        },
        "ready" => PythonAction::Ready(words.next()?.to_owned()),
        "out" => PythonAction::Printed(false, body.to_owned()),
        "err" => PythonAction::Printed(true, body.to_owned()),
        "trace" => PythonAction::Traced(body.lines().filter_map(event).collect()),
        "computed" => {
            let took = Duration::from_micros(words.next()?.parse().ok()?);
            let name = head.splitn(3, ' ').nth(2)?.to_owned();
            PythonAction::Computed(name, took)
        }
        "end" => {
            let how = match words.next()? {
                "done" => How::Done,
                "failed" => How::Failed,
                "deadlock" => How::Deadlock,
                _ => return None,
            };
            // Integers only: reading floats would cost the page's download.
            let took = Duration::from_micros(words.next()?.parse().ok()?);
            let scale: u64 = words.next()?.parse().ok()?;
            PythonAction::Ended(how, took, scale as f64 / 1e6, body.to_owned())
        }
        "failed" => PythonAction::RuntimeFailed(body.to_owned()),
        _ => return None,
    };
    Some(action)
}

/// One line of a trace.
fn event(line: &str) -> Option<Event> {
    let micros = |word: Option<&str>| Some(Duration::from_micros(word?.parse().ok()?));
    let mut words = line.splitn(5, ' ');
    match words.next()? {
        "T" => {
            let task = words.next()?.parse().ok()?;
            let at = micros(words.next())?;
            let label = line.splitn(4, ' ').nth(3).unwrap_or_default().to_owned();
            Some(Event::Created { task, at, label })
        }
        "S" => {
            let task = words.next()?.parse().ok()?;
            let began = micros(words.next())?;
            let ended = micros(words.next())?.max(began);
            let then = match words.next()? {
                "w" => After::Waits,
                "o" => After::Offloaded,
                "d" => After::Ended(End::Done),
                "c" => After::Ended(End::Cancelled),
                "f" => After::Ended(End::Raised),
                _ => return None,
            };
            Some(Event::Stepped {
                task,
                began,
                ended,
                then,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_message() {
        assert_eq!(
            read("progress 10 200"),
            Some(PythonAction::Progress {
                loaded: 10,
                total: 200
            })
        );
        assert_eq!(
            read("ready 3.14.2"),
            Some(PythonAction::Ready("3.14.2".into()))
        );
        assert_eq!(
            read("out\nНачало № 1\n"),
            Some(PythonAction::Printed(false, "Начало № 1\n".into()))
        );
        assert_eq!(
            read("err\nWarning"),
            Some(PythonAction::Printed(true, "Warning".into()))
        );
        assert_eq!(
            read("computed 250000 work on disk"),
            Some(PythonAction::Computed(
                "work on disk".into(),
                Duration::from_millis(250)
            ))
        );
        assert_eq!(
            read("end failed 500000 100000\nTraceback…"),
            Some(PythonAction::Ended(
                How::Failed,
                Duration::from_millis(500),
                0.1,
                "Traceback…".into()
            ))
        );
        assert_eq!(
            read("failed\nno wasm"),
            Some(PythonAction::RuntimeFailed("no wasm".into()))
        );
    }

    #[test]
    fn reads_a_trace_and_drops_what_does_not_read() {
        let Some(PythonAction::Traced(events)) =
            read("trace\nT 0 12 main task\nS 0 12 40 w\nS 0 1000040 1000050 d\nS x 1 2 w\nS 1 1 2 q\nT 2")
        else {
            panic!("not a trace");
        };
        assert_eq!(
            events,
            [
                Event::Created {
                    task: 0,
                    at: Duration::from_micros(12),
                    label: "main task".into()
                },
                Event::Stepped {
                    task: 0,
                    began: Duration::from_micros(12),
                    ended: Duration::from_micros(40),
                    then: After::Waits
                },
                Event::Stepped {
                    task: 0,
                    began: Duration::from_micros(1_000_040),
                    ended: Duration::from_micros(1_000_050),
                    then: After::Ended(End::Done)
                },
            ]
        );
    }

    #[test]
    fn drops_what_is_not_a_message() {
        for message in [
            "",
            "progress",
            "progress a b",
            "end maybe 1 1",
            "end done 0.5 1",
            "hello\nworld",
        ] {
            assert_eq!(read(message), None, "{message:?}");
        }
    }
}
