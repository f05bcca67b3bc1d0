// CPython in the page: the Python worker (www/python-worker.js) as the
// built site serves it, from a sub-folder under the strict policy. It
// downloads the runtime from the site itself, then runs programs under
// CPython's own event loop (www/python/playground_loop.py).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { usePlayground } from './harness.mjs';

const playground = usePlayground();

/** The course's first program, as its text gives it. */
const COURSE = readFileSync(new URL('../../shared/course/000_8c119defb141b4b5.txt', import.meta.url), 'utf8')
  .split('\n')
  .slice(3, 22)
  .join('\n');

/**
 * Starts this build's Python worker in `page`, runs `programs` one after
 * another, and returns each run's messages (the worker's text, by kind).
 * `stopAfter` ends the worker that many milliseconds into the last
 * program, as the page's Stop does.
 */
async function runInWorker(page, programs, { stopAfter } = {}) {
  return page.evaluate(
    async ({ programs, stopAfter }) => {
      const build = document.documentElement.dataset.build;
      const worker = new Worker(`python-worker-${build}.js`, { type: 'module' });
      const runs = [];
      let progress = [];
      let ready = null;
      const next = () =>
        new Promise((resolve, reject) => {
          worker.onerror = (event) => reject(new Error(`worker error: ${event.message}`));
          const run = { out: '', err: '', trace: [], end: null };
          worker.onmessage = (event) => {
            const text = String(event.data);
            const [head, ...rest] = text.split('\n');
            const body = rest.join('\n');
            const kind = head.split(' ')[0];
            if (kind === 'progress') progress.push(head.split(' ').slice(1).map(Number));
            else if (kind === 'ready') resolve((ready = head.split(' ')[1]));
            else if (kind === 'failed') reject(new Error(body));
            else if (kind === 'out') run.out += body;
            else if (kind === 'err') run.err += body;
            else if (kind === 'trace') run.trace.push(...body.split('\n'));
            else if (kind === 'end') {
              const [, how, micros, scale] = head.split(' ');
              run.end = { how, seconds: Number(micros) / 1e6, scale: Number(scale) / 1e6, traceback: body };
              resolve(run);
            }
          };
        });
      await next();
      for (const [index, program] of programs.entries()) {
        const ended = next();
        worker.postMessage(`run\n${program}`);
        if (stopAfter && index === programs.length - 1) {
          await new Promise((resolve) => setTimeout(resolve, stopAfter));
          worker.terminate();
          runs.push({ stopped: true });
          break;
        }
        runs.push(await ended);
      }
      worker.terminate();
      return { ready, progress, runs };
    },
    { programs, stopAfter },
  );
}

describe('CPython in the page', () => {
  test("runs the course's first program unchanged: its 62 lines, in about 1 s, with every task traced", async () => {
    await playground.withPage('', async (page) => {
      const { ready, progress, runs } = await runInWorker(page, [COURSE]);
      assert.match(ready, /^3\.14\./);
      // The download was counted to its end.
      const [loaded, total] = progress.at(-1);
      assert.ok(total > 10_000_000 && loaded === total, `${loaded} of ${total}`);
      const [run] = runs;
      assert.equal(run.end.how, 'done', run.end.traceback);
      const lines = run.out.trimEnd().split('\n');
      assert.equal(lines.length, 62);
      for (let n = 1; n <= 30; n += 1) {
        assert.match(lines[n - 1], new RegExp(`^Начало выполнения длительной операции № ${n}: 0\\.0\\d\\d\\d$`));
        assert.equal(lines[29 + n], `Длительная операция № ${n} завершена`);
      }
      assert.equal(lines[60], 'Выполнено 30 операций.');
      const took = Number(lines[61].match(/^Программа завершена за (\d+\.\d{4})$/)[1]);
      assert.ok(took >= 1 && took < 1.5, `the program says ${took} s`);
      assert.ok(run.end.seconds >= 1 && run.end.seconds < 1.5, `${run.end.seconds} s`);
      const created = run.trace.filter((line) => line.startsWith('T '));
      assert.equal(created.length, 31);
      assert.equal(created.filter((line) => line.endsWith(' sleeping')).length, 30);
    });
  });

  test('orders callbacks and tasks as the machine\'s python3 does, and blocks on time.sleep', async () => {
    const program = `
import asyncio, time
async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
async def blocking():
    time.sleep(0.3)
    print("blocked the loop")
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "later 0")
    loop.call_soon(print, "soon")
    a = asyncio.create_task(worker("a", 3))
    print("created")
    began = time.perf_counter()
    await asyncio.gather(worker("b", 2), a, blocking(), asyncio.sleep(0.1))
    print("gathered after the blocking step:", time.perf_counter() - began >= 0.3)
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.05)
    except TimeoutError:
        print("timed out")
asyncio.run(main())
`;
    const expected = execFileSync('python3', ['-c', program], { encoding: 'utf8' });
    await playground.withPage('', async (page) => {
      const [run] = (await runInWorker(page, [program])).runs;
      assert.equal(run.end.how, 'done', run.end.traceback);
      assert.equal(run.out, expected);
    });
  });

  test("shows Python's traceback, stops a deadlock, and a program that never ends can be stopped", async () => {
    await playground.withPage('', async (page) => {
      const raises = 'import asyncio\nasync def main():\n    await asyncio.sleep(0)\n    raise ValueError("boom")\nasyncio.run(main())\n';
      const deadlock = 'import asyncio\nasync def main():\n    print("waiting")\n    await asyncio.Event().wait()\nasyncio.run(main())\n';
      const forever = 'while True:\n    pass\n';
      const { runs } = await runInWorker(page, [raises, deadlock, forever], { stopAfter: 500 });
      assert.equal(runs[0].end.how, 'failed');
      assert.match(runs[0].end.traceback, /^Traceback \(most recent call last\):\n/);
      assert.match(runs[0].end.traceback, /File "<program>", line 4, in main\n {4}raise ValueError\("boom"\)/);
      assert.match(runs[0].end.traceback, /ValueError: boom\n$/);
      assert.doesNotMatch(runs[0].end.traceback, /playground_loop/);
      assert.equal(runs[1].end.how, 'deadlock');
      assert.equal(runs[1].out, 'waiting\n');
      assert.deepEqual(runs[2], { stopped: true });
    });
  });
});
