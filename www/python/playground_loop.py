"""CPython's own event loop for a learner's program in the page.

Pyodide's default loop hands asyncio's timers to the browser, which
orders and times them its own way. This module runs the program under
`asyncio.BaseEventLoop` instead: CPython's ready queue and timer heap,
with a "selector" that only waits, since a program here has no sockets.
So `asyncio.run`, `gather`, `sleep`, `wait_for` and the rest order and time
as on CPython at home, and a blocking `time.sleep` or a busy loop blocks
every task, as it does there.

It also records, without changing the program, every task's life: when it
was created, each step it ran on the loop's thread, and what it awaited
after each (a timer or a future, or work sent to another thread). The page
draws these as the task's lane (`model::python` reads them).

Nothing here imports the browser: the worker (python-worker.js) passes in
how to wait and where to send what it records, so the same module runs
under native CPython for its tests (tests/python_loop.py).
"""

import asyncio
import asyncio.events
import collections.abc
import functools
import linecache
import time
import traceback

# The program's file name in tracebacks.
PROGRAM = "<program>"


class Deadlock(BaseException):
    """Every task awaits something that nothing left can ever set.

    CPython at home would wait forever here; the page stops the program
    and says so. A BaseException, so that the program cannot catch it as
    an error of its own.
    """


class Recorder:
    """What the tasks did, as lines of text for the page.

    `T <task> <at> <label>`: a task was created. `S <task> <from> <to> <k>`:
    it ran one step on the loop's thread, after which it waits (`w`), waits
    for work on another thread (`o`), or has ended: done (`d`), cancelled
    (`c`) or raised (`f`). Times are whole microseconds since the program
    started.
    """

    def __init__(self, post, clock=time.perf_counter):
        self._post = post
        self._clock = clock
        self._lines = []
        self._tasks = 0
        self._flushed = 0.0
        self.started = clock()
        # Futures of work sent to another thread (see PlaygroundLoop).
        self.offloaded = set()

    def micros(self, at):
        return round((at - self.started) * 1_000_000)

    def task_factory(self, loop, coro, **kwargs):
        if getattr(coro, "__qualname__", "").startswith("BaseEventLoop.shutdown_"):
            # asyncio.run's own clean-up, not the program's.
            return asyncio.Task(coro, loop=loop, **kwargs)
        number = self._tasks
        self._tasks += 1
        task = asyncio.Task(Traced(coro, self, number), loop=loop, **kwargs)
        name = task.get_name()
        if name.startswith("Task-"):
            name = getattr(coro, "__qualname__", name)
        label = " ".join(str(name).split())
        self._lines.append(f"T {number} {self.micros(self._clock())} {label}")
        return task

    def step(self, number, began, ended, kind):
        self._lines.append(f"S {number} {self.micros(began)} {self.micros(ended)} {kind}")

    def flush(self, force=False):
        """Sends what was recorded, at most every 50 ms unless `force`."""
        now = self._clock()
        if self._lines and (force or now - self._flushed >= 0.05 or len(self._lines) >= 5000):
            self._post("\n".join(self._lines))
            self._lines.clear()
            self._flushed = now


class Traced(collections.abc.Coroutine):
    """A task's coroutine, timed at every step it takes."""

    __slots__ = ("_coro", "_recorder", "_number")

    def __init__(self, coro, recorder, number):
        self._coro = coro
        self._recorder = recorder
        self._number = number

    def send(self, value):
        return self._step(self._coro.send, value)

    def throw(self, *exc):
        return self._step(self._coro.throw, *exc)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __getattr__(self, name):
        # cr_frame, cr_code, __qualname__… for asyncio's reprs and stacks.
        return getattr(self._coro, name)

    def _step(self, method, *args):
        recorder = self._recorder
        began = recorder._clock()
        try:
            awaited = method(*args)
        except StopIteration:
            recorder.step(self._number, began, recorder._clock(), "d")
            raise
        except asyncio.CancelledError:
            recorder.step(self._number, began, recorder._clock(), "c")
            raise
        except BaseException:
            recorder.step(self._number, began, recorder._clock(), "f")
            raise
        kind = "o" if awaited in recorder.offloaded else "w"
        recorder.step(self._number, began, recorder._clock(), kind)
        return awaited


class _Waiter:
    """The loop's selector: nothing to select, only a time to wait."""

    def __init__(self, wait, recorder):
        self._wait = wait
        self._recorder = recorder

    def select(self, timeout):
        if timeout is None:
            raise Deadlock
        self._recorder.flush(force=timeout > 0)
        if timeout > 0:
            self._wait(timeout)
        return []

    def close(self):
        pass


class _Pool:
    """An executor's threads, as the loop sees them: each runs one job at a
    time, for as long as the job sleeps and computes."""

    def __init__(self, workers):
        self.workers = max(1, workers)
        self.busy = 0
        self.queue = collections.deque()


class PlaygroundLoop(asyncio.BaseEventLoop):
    """CPython's event loop, waiting by `wait(seconds)`.

    `run_in_executor` (and so `asyncio.to_thread`): the browser gives Python
    here no threads. The job runs at once, with `time.sleep` inside it
    counted instead of slept; its result is delivered when a thread of the
    pool would have finished it (its sleeps plus its computing), and its
    pool's threads are busy until then. So work that waits (the generated
    programs' `work`) runs off the loop, as on CPython. Computing cannot:
    its time is spent on the loop's thread, and `on_computed(name, seconds)`
    says so.
    """

    def __init__(self, wait, recorder, on_computed):
        super().__init__()
        self._selector = _Waiter(wait, recorder)
        self._recorder = recorder
        self._on_computed = on_computed
        self._pools = {}
        self._tie = [None, 0]
        self.set_task_factory(recorder.task_factory)

    def call_at(self, when, callback, *args, context=None):
        # The browser's clock ticks in tenths of a millisecond, so timers
        # set in one tick tie, and CPython's heap runs ties in no particular
        # order: 30 sleeps of 1 s would end shuffled. At home the clock
        # almost never ties; here a tie goes first come, first served.
        if when == self._tie[0]:
            self._tie[1] += 1
            nudged = when + self._tie[1] * 1e-9
        else:
            self._tie = [when, 0]
            nudged = when
        return super().call_at(nudged, callback, *args, context=context)

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    def close(self):
        super().close()
        self._selector.close()

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
        # CPython's default: min(32, cpu_count + 4) threads.
        workers = getattr(executor, "_max_workers", None) or 5
        pool = self._pools.setdefault(id(executor), _Pool(workers))
        future = self.create_future()
        self._recorder.offloaded.add(future)
        future.add_done_callback(self._recorder.offloaded.discard)
        pool.queue.append((future, func, args))
        self._start_jobs(pool)
        return future

    def _start_jobs(self, pool):
        while pool.busy < pool.workers and pool.queue:
            future, func, args = pool.queue.popleft()
            if future.cancelled():
                continue
            pool.busy += 1
            began = time.perf_counter()
            slept, outcome = _on_thread(func, args)
            computed = time.perf_counter() - began
            if computed >= 0.005:
                self._on_computed(_name(func), computed)
            self.call_later(slept, self._finish_job, pool, future, outcome)

    def _finish_job(self, pool, future, outcome):
        pool.busy -= 1
        if not future.cancelled():
            ok, value = outcome
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
        self._start_jobs(pool)


def _name(func):
    """The name of the function a job runs, through asyncio.to_thread's
    partial of `Context.run`."""
    while isinstance(func, functools.partial):
        inner = func.args[0] if func.args and getattr(func.func, "__name__", "") == "run" else func.func
        if inner is func:
            break
        func = inner
    return getattr(func, "__qualname__", None) or repr(func)


def _on_thread(func, args):
    """Runs `func(*args)` as if on another thread: its `time.sleep` calls are
    added up, not slept. Returns the seconds slept and (ok, result)."""
    slept = 0.0
    real_sleep = time.sleep

    def sleep(seconds):
        nonlocal slept
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        slept += seconds

    time.sleep = sleep
    try:
        outcome = (True, func(*args))
    except BaseException as error:  # delivered to the awaiting task
        outcome = (False, error)
    finally:
        time.sleep = real_sleep
    return slept, outcome


def run(source, wait, post, on_computed, name=PROGRAM):
    """Runs the program `source` under a PlaygroundLoop.

    Returns (how, seconds, scale, report): how it ended ("done", "failed"
    or "deadlock"), the seconds from its start to its end, the value of its
    `SCALE` if it sets a positive number (the generated programs do: their
    times are in its units), and the traceback if it raised.
    """
    recorder = Recorder(post)
    real_new_event_loop = asyncio.events.new_event_loop

    def new_event_loop():
        return PlaygroundLoop(wait, recorder, on_computed)

    asyncio.events.new_event_loop = asyncio.new_event_loop = new_event_loop
    # The host's own loop, if it has one running (Pyodide's), is not the
    # program's: `asyncio.run` starts a loop only when none runs.
    host_loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    linecache.cache[name] = (len(source), None, source.splitlines(True), name)
    namespace = {"__name__": "__main__", "__file__": name}
    how, report = "done", ""
    recorder.started = time.perf_counter()
    try:
        code = compile(source, name, "exec")
        exec(code, namespace)
    except Deadlock:
        how = "deadlock"
    except SystemExit as exit:
        if exit.code not in (None, 0):
            how, report = "failed", _traceback(exit)
    except BaseException as error:
        how, report = "failed", _traceback(error)
    finally:
        seconds = time.perf_counter() - recorder.started
        asyncio.events.new_event_loop = asyncio.new_event_loop = real_new_event_loop
        asyncio.events._set_running_loop(host_loop)
        recorder.flush(force=True)
    scale = namespace.get("SCALE", 1)
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not scale > 0:
        scale = 1
    return how, seconds, float(scale), report


def _traceback(error):
    """Python's traceback of `error`, without this module's frames."""
    here = __file__ if "__file__" in globals() else None
    lines = []
    for part in traceback.TracebackException.from_exception(error).format():
        if here and f'File "{here}"' in part:
            continue
        lines.append(part)
    return "".join(lines)
