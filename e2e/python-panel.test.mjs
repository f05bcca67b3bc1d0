// The Python panel as a learner and a course author use it: fetched only
// when opened, the scenario's program run by CPython in the page, its
// printed lines, its tasks on a timeline and its row in the totals; every
// preset's program against its prediction; a program in a link.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { late, usePlayground } from './harness.mjs';

const playground = usePlayground();

/** Every preset's id, as the page lists them. */
const PRESETS = ['course', 'longest', 'coffee', 'party', 'file-hosting', 'file-hosting-buffered', 'web-server', 'api-limit', 'cpu-heavy', 'cpu-offloaded'];

/** The course's first program, as its text gives it. */
const COURSE = readFileSync(new URL('../../shared/course/000_8c119defb141b4b5.txt', import.meta.url), 'utf8')
  .split('\n')
  .slice(3, 22)
  .join('\n');

/** How long CPython may take to be ready: a 13.5 MB download and its start, on a busy machine. */
const READY_WITHIN = 90_000;

/** A program as a link carries it (model::link::program). */
const linkValue = (program) => `1.${deflateRawSync(Buffer.from(program, 'utf8')).toString('base64url')}`;
/** The program a link's value carries. */
const fromLinkValue = (value) => inflateRawSync(Buffer.from(value.slice(2), 'base64url')).toString('utf8');

/** The page's tolerance for a run predicted to take `seconds` (model::recording::tolerance). */
const pageTolerance = (seconds) => Math.max(seconds / 10, 0.02);

describe('the Python panel', () => {
  test("is fetched only when opened, and runs the scenario's program under CPython: its lines, its tasks, its total", () =>
    playground.withPage('#lang=ru', async (page, app) => {
      const fetched = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await app.runs.state.waitFor();
      const panelFiles = () => fetched.filter((path) => /python-panel|python-worker|\/pyodide\//.test(path));
      assert.deepEqual(panelFiles(), [], 'nothing of the panel before it is opened');

      await app.python.open.click();
      await app.python.waitFor('ready', READY_WITHIN);
      const files = panelFiles().map((path) => path.split('/').pop());
      for (const file of ['pyodide.asm.wasm', 'python_stdlib.zip']) assert.ok(files.includes(file), files.join(' '));
      assert.ok(files.some((file) => /^python-panel-[0-9a-f]{16}_bg\.wasm$/.test(file)), files.join(' '));
      assert.equal(await app.python.notices.getAttribute('href'), 'python-notices.txt');

      // The course's first example, all at once, in Russian, in real time.
      const program = await app.python.source.inputValue();
      assert.match(program, /^SCALE = 1 {2}#/m);
      assert.match(program, /asyncio\.gather/);
      assert.match(program, /Начало выполнения длительной операции/);

      await app.python.runToEnd();
      assert.equal(await app.python.state.getAttribute('data-state'), 'done');
      const seconds = await app.python.seconds();
      assert.ok(seconds >= 1 - pageTolerance(1) && seconds <= 1 + pageTolerance(1), `${seconds} s`);
      const lines = (await app.python.output.textContent()).trimEnd().split('\n');
      assert.equal(lines.length, 62, lines.join('\n'));
      assert.match(lines.at(-1), /Программа завершена за 1\.0\d{3}/);
      // main and its 30 tasks, each a lane.
      assert.equal(await app.python.lanes.getAttribute('data-tasks'), '31');
      assert.equal(await app.python.lanes.locator('.lane').count(), 32, 'the event loop and 31 tasks');

      // Its row in the totals, beside the prediction, which it keeps to.
      assert.equal(Number(await app.python.predicted.getAttribute('data-seconds')), 1);
      assert.equal(Number(await app.python.measured.getAttribute('data-seconds')), seconds);
      assert.equal(await app.python.measured.getAttribute('data-differs'), null);
      assert.equal(await app.python.measured.getAttribute('data-distorted'), null);

      // The course's own program, pasted as its text gives it, runs unchanged.
      await app.python.paste(COURSE);
      await app.python.runToEnd();
      const course = (await app.python.output.textContent()).trimEnd().split('\n');
      assert.equal(course.length, 62, course.join('\n'));
      assert.ok(Math.abs((await app.python.seconds()) - 1) <= pageTolerance(1), `${await app.python.seconds()} s`);
      // Not the scenario's program: its row has no prediction to differ from.
      assert.equal(await app.python.predicted.getAttribute('data-seconds'), null);
    }));

  test("every preset's program, in both modes, lands within timer tolerance of its prediction", () =>
    playground.withPage('#scale=10', async (page, app) => {
      await app.python.open.click();
      await app.python.waitFor('ready', READY_WITHIN);
      for (const preset of PRESETS) {
        await app.presets.preset(preset).click();
        // As the page's runs are held at ×10 (CPython prints and traces
        // each step as the page draws it).
        const lateness = await late(app, 10);
        for (const mode of ['sequential', 'concurrent']) {
          await app.python.mode(mode).click();
          await page.locator(`[data-testid="python-mode-${mode}"][aria-pressed="true"]`).waitFor();
          await app.python.runToEnd(120_000);
          const what = `${preset}, ${mode}: ${await app.python.output.textContent()}`;
          assert.equal(await app.python.state.getAttribute('data-state'), 'done', what);
          const predicted = Number(await app.python.predicted.getAttribute('data-seconds'));
          const measured = await app.python.seconds();
          assert.ok(measured >= predicted - pageTolerance(predicted), `${what}\nmeasured ${measured} s, predicted ${predicted} s`);
          assert.ok(measured <= predicted + lateness, `${what}\nmeasured ${measured} s, predicted ${predicted} s`);
          // Early would be a wrong program; late at ×10 is said, not a difference.
          assert.equal(await app.python.measured.getAttribute('data-differs'), null, what);
        }
      }
    }));

  test('stops a program that never ends, and runs the next one', () =>
    playground.withPage('#lang=en', async (page, app) => {
      await app.python.open.click();
      await app.python.waitFor('ready', READY_WITHIN);
      await app.python.source.fill('import time\nprint("spinning")\nwhile True:\n    time.sleep(0.01)\n');
      await app.python.run.click();
      await app.python.waitFor('running');
      await page.locator('[data-testid="python-output"]:has-text("spinning")').waitFor();
      await app.python.stop.click();
      await app.python.waitFor('stopped');
      // Edited by the learner: not the scenario's, so no prediction.
      await app.python.source.fill('import asyncio\n\nasync def main():\n    await asyncio.sleep(0.2)\n    raise ValueError("nope")\n\nasyncio.run(main())\n');
      await app.python.runToEnd();
      assert.equal(await app.python.state.getAttribute('data-state'), 'failed');
      const output = await app.python.output.textContent();
      assert.match(output, /File "<program>", line 5, in main\n.*\nValueError: nope/s);
      assert.match(await app.python.source.inputValue(), /raise ValueError/, 'the program stays as typed');
      // The row shows only a program that ran to its end.
      assert.equal(await app.python.measured.count(), 0);
    }));

  test("a course author's link opens the panel with their program, and its Copy link writes one", () =>
    playground.withPage(
      `#tasks=3x1&lang=en&py=${linkValue('import asyncio\n\nasync def main():\n    print("from the lesson")\n\nasyncio.run(main())\n')}`,
      async (page, app) => {
        await app.python.waitFor('ready', READY_WITHIN);
        assert.match(await page.getByTestId('python-from-link').textContent(), /came with the link/);
        assert.match(await app.python.source.inputValue(), /from the lesson/);
        await app.python.runToEnd();
        assert.equal((await app.python.output.textContent()).trim(), 'from the lesson');

        // The learner's edit goes into a link of its own, and back.
        const edited = `${await app.python.source.inputValue()}# мой комментарий\n`;
        await app.python.source.fill(edited);
        await page.getByTestId('python-copy-link').click();
        await page.locator('[data-testid="python-link-status"]:has-text("Copied")').waitFor();
        // A click in the panel is the panel's alone: the page's own
        // buttons (here, the one that hides the panel) never take it.
        assert.equal(await app.python.open.getAttribute('aria-expanded'), 'true');
        const url = new URL(await page.evaluate(() => navigator.clipboard.readText()));
        const value = new URLSearchParams(url.hash.slice(1)).get('py');
        assert.equal(fromLinkValue(value), edited);
        assert.match(url.hash, /tasks=3x1/);

        // Too long for a link: refused, and said, not cut.
        const long = Array.from({ length: 6000 }, (_, n) => `x${n} = ${(n * 2654435761) % 4294967296}`).join('\n');
        await app.python.paste(long);
        await page.getByTestId('python-copy-link').click();
        await page.locator('[data-testid="python-link-status"]:has-text("too long for a link")').waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url.href, 'nothing new was copied');
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    ));

  test('after one use, the panel and CPython work with no network', () =>
    playground.withPage('#lang=en', async (page, app) => {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 }).catch(async () => {
        await page.reload();
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      });
      await app.python.open.click();
      await app.python.waitFor('ready', READY_WITHIN);
      await page.context().setOffline(true);
      try {
        await page.reload();
        await app.runs.state.waitFor();
        await app.python.open.click();
        await app.python.waitFor('ready', READY_WITHIN);
        await app.python.paste('import asyncio\nasyncio.run(asyncio.sleep(0.1))\nprint("offline")\n');
        await app.python.runToEnd();
        assert.equal((await app.python.output.textContent()).trim(), 'offline');
      } finally {
        await page.context().setOffline(false);
      }
    }));

  test('a link whose program cannot be read opens the panel, says so there, and offers the scenario\'s program', () =>
    playground.withPage('#tasks=3x1&lang=ru&py=print(1)', async (page, app) => {
      await app.python.waitFor('ready', READY_WITHIN);
      assert.match(await page.getByTestId('python-from-link').textContent(), /Программу из ссылки не удалось прочитать/);
      assert.match(await app.python.source.inputValue(), /asyncio\.gather/);
      // The rest of the link was read as ever.
      assert.equal(await app.notice.notice.count(), 0);
      assert.equal(await app.editor.rows.count(), 3);
    }));
});
