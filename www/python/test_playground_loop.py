"""Tests of playground_loop under the machine's own CPython: the page's
loop must order and time a program as CPython's default loop does.

    python3 -m unittest discover -s www/python
"""

import asyncio
import contextlib
import io
import time
import unittest

import playground_loop

# Ordering cases: each prints the order in which things happen.
CASES = {
    "call_soon and call_later(0)": """
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "later 0")
    loop.call_soon(print, "soon 1")
    loop.call_later(0.01, print, "later 10 ms")
    loop.call_soon(print, "soon 2")
    await asyncio.sleep(0.02)
asyncio.run(main())
""",
    "tasks, gather and sleep(0)": """
import asyncio
async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
async def main():
    a = asyncio.create_task(worker("a", 3))
    print("created")
    await asyncio.gather(worker("b", 2), a, worker("c", 1))
asyncio.run(main())
""",
    "semaphore": """
import asyncio
async def job(sem, n):
    async with sem:
        print("in", n)
        await asyncio.sleep(0.03 * (n % 3 + 1))
        print("out", n)
async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(sem, n) for n in range(6)))
asyncio.run(main())
""",
    "wait_for, cancel and TaskGroup": """
import asyncio
async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow cancelled")
        raise
async def main():
    try:
        await asyncio.wait_for(slow(), 0.02)
    except TimeoutError:
        print("timed out")
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    t.cancel()
    print("cancel asked")
    try:
        await t
    except asyncio.CancelledError:
        print("awaited a cancelled task")
    async with asyncio.TaskGroup() as group:
        for n in (3, 1, 2):
            group.create_task(asyncio.sleep(0.01 * n, result=print("started", n)))
    print("group done")
asyncio.run(main())
""",
}


def run_here(source):
    """The program run by playground_loop: (how, seconds, printed, trace lines)."""
    lines = []
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        how, seconds, scale, report = playground_loop.run(
            source, time.sleep, lambda text: lines.extend(text.split("\n")), lambda name, s: lines.append(f"computed {name}")
        )
    return how, seconds, printed.getvalue(), lines, report


def run_default(source):
    """The program run by CPython's default loop: what it printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(source, "<default>", "exec"), {"__name__": "__main__"})
    return printed.getvalue()


class Ordering(unittest.TestCase):
    def test_each_case_prints_in_the_default_loops_order(self):
        for name, source in CASES.items():
            with self.subTest(name):
                how, _, printed, _, report = run_here(source)
                self.assertEqual(how, "done", report)
                self.assertEqual(printed, run_default(source))


class Ties(unittest.TestCase):
    def test_timers_due_at_the_same_time_run_in_the_order_they_were_set(self):
        source = """
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    when = loop.time() + 0.01
    for n in range(40):
        loop.call_at(when, print, n)
    await asyncio.sleep(0.05)
asyncio.run(main())
"""
        how, _, printed, _, _ = run_here(source)
        self.assertEqual(how, "done")
        self.assertEqual(printed.split(), [str(n) for n in range(40)])


class Timing(unittest.TestCase):
    def test_thirty_sleeps_take_one_sleep(self):
        source = """
import asyncio
async def sleeping(n):
    await asyncio.sleep(0.2)
async def main():
    await asyncio.gather(*(sleeping(i) for i in range(30)))
asyncio.run(main())
"""
        how, seconds, _, lines, _ = run_here(source)
        self.assertEqual(how, "done")
        self.assertGreaterEqual(seconds, 0.2)
        self.assertLess(seconds, 0.4)
        created = [line for line in lines if line.startswith("T ")]
        self.assertEqual(len(created), 31)  # main and 30 sleepers
        self.assertEqual(sum(line.endswith(" sleeping") for line in created), 30)
        # Each sleeper: one step that waits, one that ends.
        steps = [line.split() for line in lines if line.startswith("S ")]
        self.assertEqual(sum(step[4] == "w" for step in steps if step[1] != "0"), 30)
        self.assertEqual(sum(step[4] == "d" for step in steps), 31)

    def test_a_blocking_sleep_blocks_every_task(self):
        source = """
import asyncio, time
async def blocking():
    time.sleep(0.1)
    await asyncio.sleep(0)
async def main():
    await asyncio.gather(blocking(), blocking(), blocking())
asyncio.run(main())
"""
        how, seconds, _, lines, _ = run_here(source)
        self.assertEqual(how, "done")
        self.assertGreaterEqual(seconds, 0.3)
        # Each blocking step is recorded as one long step on the loop.
        long_steps = [s for s in (line.split() for line in lines if line.startswith("S ")) if int(s[3]) - int(s[2]) >= 90_000]
        self.assertEqual(len(long_steps), 3)

    def test_executor_work_that_waits_runs_off_the_loop_in_its_pool(self):
        source = """
import asyncio, time
from concurrent.futures import ThreadPoolExecutor
pool = ThreadPoolExecutor(max_workers=5)
def work(s):
    time.sleep(s)
    return s
async def main():
    loop = asyncio.get_running_loop()
    done = await asyncio.gather(*(loop.run_in_executor(pool, work, 0.1) for _ in range(10)))
    print(len(done), round(sum(done), 3))
    print(await asyncio.to_thread(work, 0.05))
asyncio.run(main())
"""
        how, seconds, printed, lines, report = run_here(source)
        self.assertEqual(how, "done", report)
        self.assertEqual(printed, "10 1.0\n0.05\n")
        # Ten jobs of 0.1 s on five threads: two rounds, then 0.05 s.
        self.assertGreaterEqual(seconds, 0.25)
        self.assertLess(seconds, 0.4)
        self.assertIn("o", [line.split()[4] for line in lines if line.startswith("S ")])
        self.assertFalse([line for line in lines if line.startswith("computed")])

    def test_executor_work_that_computes_is_reported(self):
        source = """
import asyncio
def busy():
    return sum(range(3_000_000))
async def main():
    await asyncio.to_thread(busy)
asyncio.run(main())
"""
        how, _, _, lines, _ = run_here(source)
        self.assertEqual(how, "done")
        self.assertIn("computed busy", lines)


class Endings(unittest.TestCase):
    def test_a_deadlock_is_stopped(self):
        source = """
import asyncio
async def main():
    print("waiting")
    await asyncio.Event().wait()
asyncio.run(main())
"""
        how, seconds, printed, _, _ = run_here(source)
        self.assertEqual((how, printed), ("deadlock", "waiting\n"))
        self.assertLess(seconds, 1)

    def test_an_exception_gives_pythons_traceback_of_the_program(self):
        source = """import asyncio
async def fails():
    await asyncio.sleep(0)
    raise ValueError("boom")
asyncio.run(fails())
"""
        how, _, _, lines, report = run_here(source)
        self.assertEqual(how, "failed")
        self.assertTrue(report.startswith("Traceback (most recent call last):"), report)
        self.assertIn('File "<program>", line 4, in fails', report)
        self.assertIn('raise ValueError("boom")', report)
        self.assertTrue(report.endswith("ValueError: boom\n"), report)
        self.assertNotIn("playground_loop", report)
        self.assertIn("f", [line.split()[4] for line in lines if line.startswith("S ")])

    def test_a_syntax_error_is_a_traceback_too(self):
        how, _, _, _, report = run_here("def broken(:\n")
        self.assertEqual(how, "failed")
        self.assertIn("SyntaxError", report)

    def test_the_program_scale_is_read(self):
        how, _, _, _, _ = run_here("SCALE = 0.5\n")
        self.assertEqual(how, "done")
        self.assertEqual(playground_loop.run("SCALE = 0.5\n", time.sleep, print, print)[2], 0.5)
        self.assertEqual(playground_loop.run("SCALE = 'x'\n", time.sleep, print, print)[2], 1.0)


if __name__ == "__main__":
    unittest.main()
