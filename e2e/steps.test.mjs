// Beyond sleep: work that blocks the loop, offloads that do not, limits,
// timeouts, cancelling a task, and the course's scenarios as presets.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { late, usePlayground, withinAttempts } from './harness.mjs';

const playground = usePlayground();

/** Every preset's id, as the page lists them. */
const PRESETS = ['course', 'longest', 'coffee', 'party', 'file-hosting', 'file-hosting-buffered', 'web-server', 'api-limit', 'cpu-heavy', 'cpu-offloaded'];


describe('the course scenarios', () => {
  test('every preset runs and lands within timer tolerance of its prediction', () =>
    playground.withPage('#scale=10', async (page, app) => {
      for (const preset of PRESETS) {
        await app.presets.preset(preset).click();
        assert.equal(await app.presets.about.getAttribute('data-preset'), preset);
        // The web server's times from arrival to answer are said only of a
        // run the page holds to be on time: a tenth of its prediction over
        // it at most, which at ×10 is 60 ms of real time for 39 steps, and
        // a busy machine's frames exceed that. It runs in real time (×1).
        const scale = preset === 'web-server' ? 1 : 10;
        await app.runs.scale.selectOption({ index: scale === 1 ? 0 : 1 });
        const tolerance = await late(app, scale);
        const run = async () => {
          await app.runs.runToEnd('compare');
          const runs = [];
          for (const mode of ['sequential', 'concurrent']) {
            const predicted = await app.totals.seconds(mode, 'predicted');
            const measured = await app.totals.seconds(mode, 'measured');
            const distorted = (await app.totals.measured(mode).getAttribute('data-distorted')) !== null;
            runs.push({ mode, predicted, measured, late: measured - predicted, distorted });
          }
          return runs;
        };
        // The web server's summary gives measured times from arrival to
        // answer, which the page says only of a run it has not marked late.
        const unmarked = (r) => preset !== 'web-server' || !r.distorted;
        const runs = await withinAttempts(run, (runs) => runs.every((r) => r.late >= 0 && r.late <= tolerance && unmarked(r)));
        for (const { mode, predicted, measured, late } of runs) {
          assert.ok(late >= 0 && late <= tolerance, `${preset}, ${mode}: measured ${measured} s, predicted ${predicted} s`);
        }
        if (preset.startsWith('file-hosting')) {
          // The memory lane of each run: a chunk per upload at most when
          // streaming, the whole film (16 chunks) when buffering.
          const peaks = await app.timeline.memory.evaluateAll((lanes) => lanes.map((l) => Number(l.dataset.peak)));
          assert.equal(peaks.length, 2);
          const buffering = preset === 'file-hosting-buffered';
          assert.ok(peaks.every((peak) => (buffering ? peak >= 16 : peak <= 5)), `${preset}: ${peaks}`);
        }
        if (preset === 'web-server') {
          // Each mode's time from arrival to answer, measured: 1.95 s on
          // average one at a time and 0.6 s all at once, as predicted, each
          // late by no more than the run's own tolerance.
          const summary = await app.totals.summary.textContent();
          const averages = [...summary.matchAll(/From arrival to answer: (\d+\.\d{3}) s on average/g)].map((m) => Number(m[1]));
          assert.equal(averages.length, 2, summary);
          const [oneAtATime, allAtOnce] = averages;
          assert.ok(oneAtATime >= 1.95 && oneAtATime <= 1.95 + tolerance, summary);
          assert.ok(allAtOnce >= 0.6 && allAtOnce <= 0.6 + tolerance && allAtOnce < oneAtATime / 2, summary);
        }
      }
    }));

  test('a preset explains itself in Russian too', () =>
    playground.withPage('#lang=ru', async (page, app) => {
      await app.presets.preset('party').click();
      assert.match(await app.presets.about.textContent(), /пока она закипает/);
    }));
});

describe('work that holds the page', () => {
  test('is said before the run, with how long it holds the page at once, at the run\'s speed', () =>
    playground.withPage('#tasks=c2,c2&mode=concurrent&lang=ru', async (page, app) => {
      assert.match(await app.runs.holdNote.textContent(), /до 4\.0 с подряд/);
      await app.runs.scale.selectOption({ label: '×10' });
      assert.equal(await app.runs.holdNote.count(), 0, '0.4 s at ×10');
    }));
});

describe('the event loop', () => {
  test('stalls while a task computes, and not while it offloads the same work', () =>
    playground.withPage('', async (page, app) => {
      await app.presets.preset('cpu-heavy').click();
      // Each stall's width, as a share of the run's axis. A machine that is
      // short of CPU (this one's hypervisor takes up to a third of it at
      // times) can hold the page back for 50–200 ms: a stall the page shows
      // honestly, but not the 3 s of work this test is about.
      const runConcurrent = async () => {
        await app.runs.runToEnd('concurrent');
        return {
          total: await app.totals.seconds('concurrent', 'measured'),
          stalls: await app.timeline.stalls.evaluateAll((stalls) =>
            stalls.map((stall) => (100 - parseFloat(stall.style.left) - parseFloat(stall.style.right)) / 100),
          ),
        };
      };
      const long = (run) => run.stalls.filter((share) => share > 0.1);
      const blocked = await withinAttempts(runConcurrent, (r) => r.total >= 4 && r.total <= 4.025 && long(r).length === 1);
      assert.ok(blocked.total >= 4 && blocked.total <= 4.025, `blocked: ${blocked.total} s, predicted 4 s`);
      assert.equal(long(blocked).length, 1, `one stretch of 3 s with the loop blocked: ${blocked.stalls}`);
      assert.ok(long(blocked)[0] >= 0.7, `3 s of a 4 s run: ${blocked.stalls}`);
      assert.equal(await app.timeline.lanesIn('done').count(), 6);
      assert.match(await app.totals.summary.textContent(), /nothing else ran/);

      await app.presets.preset('cpu-offloaded').click();
      const offloaded = await withinAttempts(runConcurrent, (r) => r.total >= 3 && r.total <= 3.025 && r.stalls.length === 0);
      assert.deepEqual(long(offloaded), [], `the work never blocks the loop: ${offloaded.stalls}`);
      assert.ok(offloaded.total >= 3 && offloaded.total <= 3.025, `offloaded: ${offloaded.total} s, predicted 3 s`);
    }));

  test('the panel shows timers by deadline during a run, and any moment of its replay', () =>
    playground.withPage('#tasks=fast:1,slow:3,cpu:0.2+c0.5&mode=concurrent', async (page, app) => {
      await app.runs.start('concurrent');
      await app.loop.waitForTimer('slow');
      const timers = await app.loop.timers.textContent();
      assert.ok(timers.indexOf('fast') < timers.indexOf('slow'), `earliest first: ${timers}`);
      await app.runs.waitFor('done');
      // At a tenth of the run (0.3 s): two timers pending, and the third
      // task computing (0.2–0.7 s).
      const slider = app.replay.slider;
      await slider.fill('100');
      assert.equal(await app.loop.timers.getAttribute('data-count'), '2');
      assert.equal(await app.loop.running.textContent(), 'cpu');
      // Past the computing (0.7 s), before the first timer (1 s): free.
      await slider.fill('280');
      assert.equal(await app.loop.timers.getAttribute('data-count'), '2');
      assert.match(await app.loop.running.textContent(), /nothing: the loop is free/);
      // The run as it ended: the panel points to the replay.
      await slider.fill('1000');
      assert.match(await app.loop.panel.textContent(), /Move the Replay slider above the timeline/);
    }));
});

describe('limits, timeouts and cancelling', () => {
  test('a link sets the limit and the timeout; tasks queue and time out as predicted', () =>
    playground.withPage('#tasks=1,3,0.5+2,0.2&limit=2&timeout=1.5&scale=10', async (page, app) => {
      assert.equal(await app.editor.limit.inputValue(), '2');
      assert.equal(await app.editor.timeout.inputValue(), '1.5');
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 2.5);
      await app.runs.runToEnd('concurrent');
      const states = await app.timeline.lanes.evaluateAll((lanes) => lanes.map((l) => l.dataset.state));
      assert.deepEqual(states, ['done', 'timed-out', 'timed-out', 'done']);
      const log = await app.log.lines.innerText();
      assert.match(log, /Long operation № 2 cancelled: timed out/);
      assert.match(log, /Completed 2 operations\./);
    }));

  test('a bad limit or timeout is explained where it was typed and blocks running', () =>
    playground.withPage('', async (page, app) => {
      await app.editor.limit.fill('0');
      assert.match(await app.editor.limitHelp.textContent(), /at least 1/);
      await app.editor.timeout.fill('soon');
      assert.match(await app.editor.timeoutHelp.textContent(), /Not a number/);
      assert.equal(await app.editor.timeout.inputValue(), 'soon');
      assert.ok(await app.runs.button('concurrent').isDisabled());
      await app.editor.limit.fill('');
      await app.editor.timeout.fill('');
      assert.ok(await app.runs.button('concurrent').isEnabled());
    }));

  test('clicking a running task cancels it, as task.cancel() does', () =>
    playground.withPage('#tasks=long:20,short:0.5&mode=concurrent', async (page, app) => {
      await app.runs.start('concurrent');
      await app.timeline.waitForLane('done');
      await page.getByRole('button', { name: 'Cancel long' }).click();
      await app.runs.waitFor('done');
      assert.equal(await app.timeline.lanesIn('cancelled').count(), 1);
      assert.ok(await app.totals.seconds('concurrent', 'measured') < 5, 'the run ends without waiting 20 s');
      assert.match(await app.log.lines.innerText(), /Long operation № 1 \(long\) cancelled/);
      assert.match(await app.totals.summary.textContent(), /Cancelled: 1\./);
    }));

  test('a cancel the scenario sets ends its task where the prediction says', () =>
    playground.withPage('#tasks=slow:3+!1,2x0.5&mode=concurrent&scale=10', async (page, app) => {
      // The preview already shows it cancelled at 1 s.
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 1);
      await app.runs.runToEnd('concurrent');
      const states = await app.timeline.lanes.evaluateAll((lanes) => lanes.map((l) => l.dataset.state));
      assert.deepEqual(states, ['cancelled', 'done', 'done']);
      const measured = await app.totals.seconds('concurrent', 'measured');
      assert.ok(measured >= 1 && measured < 2, `${measured} s: cancelled at 1 s, not after 3`);
      assert.match(await app.log.lines.innerText(), /Long operation № 1 \(slow\) cancelled\n/);
      assert.match(await app.totals.summary.textContent(), /Cancelled: 1\./);
      assert.equal(await app.editor.steps.first().inputValue(), '3+!1');
    }));

  test('steps typed in the editor travel in the link', () =>
    playground.withPage('#tasks=1', async (page, app) => {
      await app.editor.steps.first().fill('1+c0.5+o2');
      await app.editor.limit.fill('3');
      await page.waitForFunction(() => location.hash.includes('tasks=1+c0.5+o2&limit=3&timeout=none'));
      assert.equal(await app.totals.seconds('sequential', 'predicted'), 3.5);
    }));
});
