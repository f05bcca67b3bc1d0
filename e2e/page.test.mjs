// The page as a learner uses it: open it, press Run, read the totals.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { usePlayground, withinAttempts } from './harness.mjs';

const playground = usePlayground();
const withPage = (options, body) => playground.withPage('', body, options);

describe('the first load', () => {
  test('shows the course example: 30 tasks, predicted 30 s and 1 s', () =>
    withPage({}, async (page, app) => {
      assert.equal(await app.editor.rows.count(), 30);
      assert.equal(await app.totals.seconds('sequential', 'predicted'), 30);
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 1);
      assert.equal(await app.totals.seconds('concurrent', 'measured'), null);
      assert.equal(await app.runs.state.getAttribute('data-state'), 'idle');
    }));

  test('warms its runtime up unseen after the first frame: no run shown, a mark once done', () =>
    withPage({}, async (page, app) => {
      await page.waitForFunction(() => performance.getEntriesByName('async-playground:warm').length > 0);
      const [usableAt, warmAt] = await page.evaluate(() =>
        ['usable', 'warm'].map((name) => performance.getEntriesByName(`async-playground:${name}`)[0].startTime),
      );
      assert.ok(warmAt > usableAt, `warm at ${warmAt} ms, usable at ${usableAt} ms`);
      assert.equal(await app.runs.state.getAttribute('data-state'), 'idle');
      assert.equal(await app.totals.seconds('concurrent', 'measured'), null);
    }));

  test('speaks Russian to a Russian browser and switches to English', () =>
    withPage({ locale: 'ru-RU' }, async (page, app) => {
      assert.equal(await page.locator('h1').textContent(), 'Асинхронная песочница');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      await app.header.lang('en').click();
      assert.equal(await page.locator('h1').textContent(), 'Async Playground');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await app.editor.rows.count(), 30, 'the scenario stays');
    }));
});

describe('running', () => {
  test('30 tasks of 1 s all at once take a little over 1 s', () =>
    withPage({ locale: 'ru-RU' }, async (page, app) => {
      const onTime = (measured) => measured >= 1.0 && measured <= 1.05;
      const measured = await withinAttempts(async () => {
        await app.runs.start('concurrent');
        await app.runs.waitFor('running');
        await app.runs.waitFor('done');
        return app.totals.seconds('concurrent', 'measured');
      }, onTime);
      assert.ok(onTime(measured), `measured ${measured} s`);
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 1);
      assert.equal(await app.timeline.lanesIn('done').count(), 30);

      const log = await app.log.lines.innerText();
      const lines = log.split('\n');
      assert.equal(lines.length, 62);
      assert.match(lines[0], /^Начало выполнения длительной операции № 1: 0\.\d{4}$/);
      assert.ok(lines.includes('Длительная операция № 30 завершена'));
      assert.equal(lines.at(-2), 'Выполнено 30 операций.');
      assert.match(lines.at(-1), /^Программа завершена за 1\.0\d{3}$/);
      assert.match(await app.totals.summary.textContent(), /30 задач все сразу заняли 1\.0\d\d с/);
    }));

  test('compare runs both side by side; one after another takes the sum', () =>
    withPage({}, async (page, app) => {
      await app.runs.scale.selectOption({ index: 1 });
      await app.runs.runToEnd('compare');
      const sequential = await app.totals.seconds('sequential', 'measured');
      const concurrent = await app.totals.seconds('concurrent', 'measured');
      // At ×10 every real millisecond the browser spends drawing counts as
      // 0.01 s (more on a cold page), so this asserts the shape of the
      // result; the tight bound is asserted in real time above.
      assert.ok(sequential >= 30, `sequential ${sequential} s in scenario time`);
      assert.ok(concurrent >= 1, `concurrent ${concurrent} s in scenario time`);
      assert.ok(concurrent < sequential / 10, `concurrent ${concurrent} s, sequential ${sequential} s`);
      assert.match(await app.runs.scaleNote.textContent(), /0\.01 s of scenario time/);
      assert.equal(await page.locator('.run-timeline').count(), 2);
      // The measured speedup is of trusted totals only: a run the page
      // marked (a busy machine at ×10 can make one late) shows none.
      const marked = await app.totals.distorted.count();
      const speedup = await app.totals.speedup('measured').textContent();
      if (marked === 0) assert.match(speedup, /^\d+\.\d×$/);
      else assert.equal(speedup, '—');
    }));

  // Tasks of 5 s: long enough that none ends between the first lane's
  // start and the click on Stop, however busy the machine.
  test('Stop ends a run at once and the next run starts clean', () =>
    playground.withPage('#tasks=30x5', async (page, app) => {
      await app.runs.start('sequential');
      await app.timeline.waitForLane('waiting');
      await app.runs.stop.click();
      await app.runs.waitFor('stopped');
      assert.equal(await app.totals.seconds('sequential', 'measured'), null);
      const lanesAfterStop = await app.timeline.lanesIn('done').count();

      await app.runs.scale.selectOption({ index: 2 });
      await app.runs.runToEnd('concurrent');
      assert.equal(lanesAfterStop, 0, 'the first 5 s task had not finished when stopped');
      assert.equal(await page.locator('.run-timeline').count(), 1, 'only the new run is shown');
      assert.ok((await app.totals.seconds('concurrent', 'measured')) >= 5);
    }));
});

describe('bad input', () => {
  test('wrong steps are explained next to their field, kept, and block running', () =>
    withPage({}, async (page, app) => {
      const field = app.editor.steps.nth(2);
      for (const [typed, message] of [
        ['', /Enter the task's steps/],
        ['abc', /Step 1 — Not a number/],
        ['1+c', /Step 2 — Enter a duration/],
        ['0', /more than zero/],
        ['-5', /more than zero/],
        ['3601', /one hour/],
        ['1+!x', /The cancel after ! — Not a number/],
        ['1+!2+3', /The cancel \(!1\.5\) comes last/],
        ['!2', /Before the cancel/],
      ]) {
        await field.fill(typed);
        const row = app.editor.rows.nth(2);
        assert.match(await app.editor.stepsErrorOf(row).textContent(), message);
        assert.equal(await field.inputValue(), typed, 'what was typed stays');
        assert.equal(await field.getAttribute('aria-invalid'), 'true');
        assert.ok(await app.runs.button('concurrent').isDisabled());
        assert.match(await app.editor.notRunnable.textContent(), /Fix the marked fields/);
      }
      await field.fill('2,5');
      assert.ok(await app.runs.button('concurrent').isEnabled());
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 2.5);
    }));

  test('more than 100,000 tasks are refused next to the count', () =>
    withPage({}, async (page, app) => {
      await app.editor.bulkCount.fill('100000');
      await app.editor.bulkAdd.click();
      assert.match(await app.editor.bulkCountError.textContent(), /at most 100,000/);
      assert.equal(await app.editor.bulkCount.inputValue(), '100000');
      assert.equal(await app.editor.count.textContent(), '30 tasks');
    }));

  test('a name is shown as text, never as markup', () =>
    withPage({}, async (page, app) => {
      const name = '<img src=x onerror="window.injected=1"><b>boil</b>';
      await app.editor.names.first().fill(name);
      await app.runs.scale.selectOption({ index: 2 });
      await app.runs.runToEnd('concurrent');
      assert.ok((await app.log.lines.textContent()).includes(`№ 1 (${name})`));
      assert.equal(await page.evaluate(() => window.injected), undefined);
      assert.equal(await page.locator('.lane-label b').count(), 0);
    }));
});

describe('at scale', () => {
  test('100,000 tasks run together and are drawn as one chart', () =>
    withPage({}, async (page, app) => {
      await app.editor.removeAll.click();
      await app.editor.bulkCount.fill('100000');
      await app.editor.bulkAdd.click();
      assert.equal(await app.editor.count.textContent(), '100,000 tasks');
      assert.equal(await app.editor.rows.count(), 50, 'one page of rows');
      await app.runs.start('concurrent');
      // While it runs, the log draws its newest 20 lines (each frame brings
      // hundreds); once it has ended, the last 100.
      const logLines = () => app.log.lines.locator('code').count();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="run-state"]').dataset.state === 'running' &&
        document.querySelectorAll('[data-testid="log-lines"] code').length === 20);
      await app.runs.waitFor('done', 120_000);
      assert.equal(await logLines(), 100);
      assert.equal(await app.timeline.aggregate.count(), 1);
      assert.equal(await app.timeline.lanes.count(), 0);
      assert.ok((await app.totals.seconds('concurrent', 'measured')) >= 1);
      assert.match(await app.log.log.textContent(), /Completed 100000 operations\./);
    }));
});
