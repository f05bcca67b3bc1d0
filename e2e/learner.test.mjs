// The learner experience: honest figures, themes, small screens,
// accessibility, keyboard use.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { usePlayground } from './harness.mjs';

const playground = usePlayground();

describe('honest figures', () => {
  test('a run while the browser holds the page back is marked distorted; the prediction stays', () =>
    playground.withPage('#tasks=5x2&mode=concurrent', async (page, app) => {
      // Paused in the debugger for a second, the page runs no task and no
      // timer, as when the browser holds a background page's timers back.
      // Attached before the run: attaching recompiles the page's wasm.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Debugger.enable');
      await app.runs.start('concurrent');
      await app.timeline.waitForLane('waiting');
      await cdp.send('Debugger.pause');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await cdp.send('Debugger.resume');
      await app.runs.waitFor('done');
      const cell = app.totals.measured('concurrent');
      assert.equal(await cell.getAttribute('data-distorted'), 'throttled');
      assert.match(await cell.textContent(), /distorted/);
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 2);
      const summary = await app.totals.summary.textContent();
      assert.match(summary, /All at once: distorted\. The browser held the page's timers back/);
      assert.match(summary, /The prediction, 2\.000 s, stands/);
      assert.equal(await app.totals.speedup('measured').textContent(), '—');
      // The paused second is not a stall of the loop (drawn as one would be
      // half the 2 s axis wide); a busy machine may add short ones.
      const widths = await app.timeline.stalls.evaluateAll((stalls) =>
        stalls.map((stall) => 100 - parseFloat(stall.style.left) - parseFloat(stall.style.right)),
      );
      assert.ok(widths.every((width) => width < 20), `stalls, in % of the axis: ${widths}`);
    }));

  test('a run while the page is hidden is marked distorted, in Russian too', () =>
    playground.withPage('#tasks=5x1&mode=concurrent&lang=ru', async (page, app) => {
      await app.runs.start('concurrent');
      await app.timeline.waitForLane('waiting');
      // Headless Chromium never hides a page, even behind another tab: the
      // test says what a browser says when a tab goes to the background.
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await app.runs.waitFor('done');
      const cell = app.totals.measured('concurrent');
      assert.equal(await cell.getAttribute('data-distorted'), 'hidden');
      assert.match(await cell.textContent(), /искажено/);
      assert.match(await app.totals.summary.textContent(), /Все сразу: искажено\. Во время запуска страница была скрыта/);
    }));

  test('each mode keeps its last total: run all at once, then one after another, and both stay', () =>
    playground.withPage('#tasks=3x0.2&mode=concurrent', async (page, app) => {
      await app.runs.runToEnd('concurrent');
      const concurrent = await app.totals.seconds('concurrent', 'measured');
      await app.runs.runToEnd('sequential');
      const kept = app.totals.measured('concurrent');
      assert.equal(await app.totals.seconds('concurrent', 'measured'), concurrent);
      assert.equal(await kept.getAttribute('data-earlier'), 'true');
      assert.match(await kept.textContent(), /the run before/);
      assert.notEqual(await app.totals.speedup('measured').textContent(), '—');
    }));

  test('a run in view is not marked', () =>
    playground.withPage('#tasks=5x0.5&mode=concurrent', async (page, app) => {
      await app.runs.runToEnd('concurrent');
      assert.equal(await app.totals.measured('concurrent').getAttribute('data-distorted'), null);
      assert.doesNotMatch(await app.totals.summary.textContent(), /distorted/);
    }));
});

/** The serious and critical problems axe-core finds on the page as it is. */
async function audit(page) {
  // Evaluated, not added as a script tag: the page's policy allows no
  // script but its own.
  await page.evaluate(await readFile(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8'));
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 3).map((n) => `  ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`);
}

/**
 * What the summary should say of a guess, from the page's own measured
 * total in `testid` (a run at ×10 measures a little over its prediction, by
 * how late the machine's timers are): right within a tenth, or the factor.
 */
async function verdictOf(app, mode, guess, lang = 'en') {
  // A run the page marked distorted is compared with its prediction, as the
  // page says (a busy machine at ×10 can make any run late).
  const distorted = (await app.totals.measured(mode).getAttribute('data-distorted')) !== null;
  const took = await app.totals.seconds(mode, distorted ? 'predicted' : 'measured');
  const factor = (a, b) => Math.round((a / b) * 10) / 10;
  const close = Math.abs(guess - took) <= took / 10;
  const [less, more] = [factor(guess, took).toFixed(1), factor(took, guess).toFixed(1)];
  if (lang === 'ru') {
    const result = distorted ? `прогноз страницы ${took.toFixed(3)} с` : `заняло ${took.toFixed(3)} с`;
    return `вы предполагали ${guess} с, ${result} — ${close ? 'в точку' : guess > took ? `в ${less} раза меньше` : `в ${more} раза больше`}.`;
  }
  const result = distorted ? `the page predicts ${took.toFixed(3)} s` : `it took ${took.toFixed(3)} s`;
  return `you guessed ${guess} s; ${result}, ${close ? 'spot on' : guess > took ? `${less}× less than you thought` : `${more}× more than you thought`}.`;
}

describe('predict first', () => {
  test('a link that asks for guesses hides the answer until the run, then compares each guess', () =>
    playground.withPage('#tasks=30x1&mode=compare&scale=10&guess=1', async (page, app) => {
      assert.equal(await app.totals.guessFirst.isChecked(), true);
      // Nothing on the page gives the answer away before the run.
      for (const mode of ['sequential', 'concurrent']) {
        const cell = app.totals.predicted(mode);
        assert.equal(await cell.textContent(), '?');
        assert.equal(await cell.getAttribute('data-seconds'), null);
      }
      assert.equal(await app.totals.speedup('predicted').textContent(), '?');
      assert.equal(await app.timeline.lanes.count(), 0, 'no preview of the lanes');
      assert.match(await app.timeline.note.textContent(), /guess first/);
      assert.equal(await app.presets.about.count(), 1, 'the example is named');
      assert.equal(await app.presets.explanation.count(), 0, 'but not explained yet');
      assert.match(await app.totals.guessHelp.textContent(), /How long will each take/);
      assert.equal(await app.totals.guess('concurrent').getAttribute('aria-describedby'), 'guess-help');

      // A wrong entry is said where it was typed, and kept.
      const concurrent = app.totals.guess('concurrent');
      await concurrent.fill('thirty');
      assert.equal(await concurrent.getAttribute('aria-invalid'), 'true');
      assert.match(await app.totals.guessHelp.textContent(), /Write seconds/);
      assert.equal(await concurrent.inputValue(), 'thirty');
      // The learner's classic guess: thirty tasks take thirty seconds either way.
      await concurrent.fill('30');
      await app.totals.guess('sequential').fill('30');
      assert.equal(await concurrent.getAttribute('aria-invalid'), 'false');
      assert.equal(await app.totals.speedup('guess').textContent(), '1.0×');
      assert.doesNotMatch(page.url(), /30(%2C|,)/, 'guesses stay out of the link');

      await app.runs.start('compare');
      assert.equal(await concurrent.isDisabled(), true, 'a guess is fixed while the run goes');
      await app.runs.waitFor('done');
      assert.equal(await app.totals.seconds('sequential', 'predicted'), 30);
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 1);
      assert.equal(await app.presets.explanation.count(), 1);
      assert.equal(await app.totals.guessHelp.count(), 0, 'the prompt has done its work');
      assert.equal(await concurrent.getAttribute('aria-describedby'), null, 'and describes nothing now');
      const summary = await app.totals.summary.textContent();
      assert.match(summary, /All at once: you guessed 30 s; (it took|the page predicts) 1\.\d{3} s, \d+\.\d× less than you thought\./);
      assert.ok(summary.includes(`All at once: ${await verdictOf(app, 'concurrent', 30)}`), summary);
      assert.ok(summary.includes(`One after another: ${await verdictOf(app, 'sequential', 30)}`), summary);

      // Another language keeps the guesses and says the same.
      await app.header.lang('ru').click();
      assert.equal(await concurrent.inputValue(), '30');
      const russian = await app.totals.summary.textContent();
      assert.ok(russian.includes(`Все сразу: ${await verdictOf(app, 'concurrent', 30, 'ru')}`), russian);

      // Off: the column goes, and so does the flag in the link.
      await app.totals.guessFirst.uncheck();
      assert.equal(await app.totals.guess('concurrent').count(), 0);
      assert.doesNotMatch(page.url(), /guess=1/);
      await app.totals.guessFirst.check();
      assert.match(page.url(), /guess=1/);
      assert.equal(await concurrent.inputValue(), '30', 'switching it back finds the guesses');
    }));
});

describe('accessibility', () => {
  for (const scheme of ['light', 'dark']) {
    for (const lang of ['en', 'ru']) {
      test(`axe-core finds nothing serious: ${scheme}, ${lang}, before and after a run`, () =>
        // In Russian with "Guess first" on: its fields and hidden figures are audited too.
        playground.withPage(`#tasks=boil:1,2x0.5,cpu:0.2+c0.1&lang=${lang}&mode=compare&scale=10${lang === 'ru' ? '&guess=1' : ''}`, async (page, app) => {
          await page.emulateMedia({ colorScheme: scheme });
          assert.deepEqual(await audit(page), []);
          await app.runs.runToEnd('compare');
          assert.deepEqual(await audit(page), []);
        }));
    }
  }

  test('axe-core finds nothing serious on the embedded page, in either theme, guessing first', () =>
    playground.withPage('#tasks=3x0.5&embed=1&guess=1', async (page, app) => {
      assert.equal(await app.totals.guess('concurrent').count(), 1, 'a lesson page may ask for guesses too');
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        assert.deepEqual(await audit(page), [], scheme);
      }
    }));
});

describe('themes and screens', () => {
  test('follows the system, and a chosen theme stays for the next visit', () =>
    playground.withPage('', async (page, app) => {
      const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.equal(await app.header.theme('system').getAttribute('aria-pressed'), 'true');
      assert.equal(await background(), 'rgb(20, 23, 31)', 'dark, as the system is');
      await app.header.theme('light').click();
      assert.equal(await background(), 'rgb(255, 255, 255)');
      assert.equal(await app.header.theme('light').getAttribute('aria-pressed'), 'true');
      await page.reload();
      await app.runs.state.waitFor();
      assert.equal(await background(), 'rgb(255, 255, 255)', 'kept across a reload');
      assert.equal(await app.header.theme('light').getAttribute('aria-pressed'), 'true');
      await app.header.theme('system').click();
      assert.equal(await background(), 'rgb(20, 23, 31)');
      await page.emulateMedia({ colorScheme: 'light' });
      assert.equal(await background(), 'rgb(255, 255, 255)', 'and follows the system again');
    }));

  test('a 360 px wide touch phone: taps guess, run, replay and open the code; nothing scrolls sideways', () =>
    playground.withPage(
      '#tasks=boil:3,2x1.5,cpu:0.5+c0.2&mode=compare&scale=10',
      async (page, app) => {
        assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'a touch screen');
        // The page never scrolls sideways, and no panel cuts its content off
        // (panels contain their paint, which would hide an overflow).
        const overflow = () =>
          page.evaluate(() => {
            const panels = [...document.querySelectorAll('.editor, .run-controls, .share, .totals, .timeline, .loop-panel, .log, .code-panel')];
            const cut = panels.filter((panel) => panel.scrollWidth > panel.clientWidth).map((panel) => panel.className);
            return cut.length > 0 ? cut : document.documentElement.scrollWidth - window.innerWidth;
          });
        // Every control a finger may need is at least 24 px each way (WCAG 2.5.8).
        const small = () =>
          page.evaluate(() =>
            [...document.querySelectorAll('button, input, select, summary, a[href]')]
              .filter((control) => control.checkVisibility())
              .map((control) => [control.dataset.testid ?? control.textContent.trim().slice(0, 20), control.getBoundingClientRect()])
              .filter(([, box]) => box.width < 24 || box.height < 24)
              .map(([name, box]) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
          );
        assert.equal(await overflow(), 0);
        assert.deepEqual(await small(), []);

        await app.totals.guessFirst.tap();
        assert.equal(await app.totals.guessFirst.isChecked(), true);
        await app.totals.guess('concurrent').tap();
        await page.keyboard.type('3');
        assert.equal(await overflow(), 0, 'the guess column fits');
        await app.runs.button('compare').tap();
        await app.runs.waitFor('done');
        assert.match(await app.totals.summary.textContent(), /All at once: you guessed 3 s/);

        // A tap on the scrubber's first quarter replays the run from there.
        const slider = app.replay.slider;
        await slider.scrollIntoViewIfNeeded();
        const box = await slider.boundingBox();
        await page.touchscreen.tap(box.x + box.width / 4, box.y + box.height / 2);
        const at = Number(await slider.inputValue());
        assert.ok(at > 100 && at < 400, `tapped at a quarter: ${at}`);

        await app.code.show.tap();
        await app.code.waitForProgram();
        assert.equal(await overflow(), 0);
        assert.deepEqual(await small(), []);
        await page.screenshot({ path: fileURLToPath(new URL('../target/e2e-360px.png', import.meta.url)), fullPage: true });
      },
      { device: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } },
    ));
});

describe('the program output', () => {
  /** Which of a box's lines are in its view, by their text. */
  const inView = (box) =>
    box.evaluate((element) => {
      const view = element.getBoundingClientRect();
      return [...element.querySelectorAll('code')]
        .filter((line) => {
          const rect = line.getBoundingClientRect();
          return rect.top >= view.top - 1 && rect.bottom <= view.bottom + 1;
        })
        .map((line) => line.textContent);
    });

  test('follows the run to its last line, wraps every line whole at 360 px, and says which mode each box is', () =>
    playground.withPage(
      '#tasks=30x1&mode=compare&scale=10&lang=ru',
      async (page, app) => {
        await app.runs.button('compare').tap();
        await app.runs.waitFor('done');
        assert.deepEqual(await app.log.title.allTextContents(), ['По очереди', 'Все сразу']);
        const boxes = app.log.lines;
        for (let index = 0; index < 2; index += 1) {
          const box = boxes.nth(index);
          const state = await box.evaluate((element) => ({
            cut: [...element.querySelectorAll('code')].filter((line) => line.scrollWidth > line.clientWidth + 1).length,
            wide: element.scrollWidth > element.clientWidth + 1,
          }));
          assert.equal(state.cut, 0, 'no line is cut off');
          assert.equal(state.wide, false, 'nothing to scroll sideways');
          const shown = await inView(box);
          assert.match(shown.at(-1), /^Программа завершена за \d+\.\d{4}$/, `box ${index} shows its last line: ${shown.at(-1)}`);
        }
      },
      { device: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } },
    ));

  test('stays where the learner scrolled up to, and follows again at the end', () =>
    playground.withPage('#tasks=30x1&mode=concurrent&scale=10', async (page, app) => {
      await app.runs.start('concurrent');
      const box = app.log.lines;
      await app.log.waitForOverflow();
      // Up to the first line, as a learner scrolls to read.
      await box.evaluate((element) => element.scrollBy(0, -element.scrollHeight));
      const first = (await inView(box))[0];
      await app.runs.waitFor('done');
      assert.equal((await inView(box))[0], first, 'left where the learner put it');
      await box.evaluate((element) => element.scrollBy(0, element.scrollHeight));
      await app.runs.runToEnd('concurrent');
      assert.match((await inView(box)).at(-1), /^Program finished in /, 'follows again');
    }));
});

describe('the first screen', () => {
  // What a learner who opens a course link sees without scrolling: what the
  // scenario is, the run buttons, and where the totals will appear.
  for (const [width, height, device] of [
    [390, 844, { hasTouch: true, isMobile: true }],
    [1280, 800, {}],
  ]) {
    for (const link of ['', '#tasks=5x2,c0.5,%D1%87%D0%B0%D0%B9:1+o2&mode=compare&lang=ru']) {
      test(`at ${width} × ${height}, ${link || 'the default page'} shows its scenario, Run and the totals`, () =>
        playground.withPage(
          link,
          async (page, app) => {
            const shown = {
              'the scenario': app.editor.scenarioLine,
              'one after another': app.runs.button('sequential'),
              'all at once': app.runs.button('concurrent'),
              compare: app.runs.button('compare'),
              'the predicted total': app.totals.predicted('sequential'),
              'the measured total': app.totals.measured('concurrent'),
            };
            for (const [what, element] of Object.entries(shown)) {
              const box = await element.boundingBox();
              assert.ok(box && box.y >= 0 && box.y + box.height <= height && box.x + box.width <= width, `${what} in view: ${JSON.stringify(box)}`);
            }
            assert.match(await app.editor.scenarioLine.textContent(), link ? /^7 задач: 5 × 2 с, c0\.5 с, чай 1\+o2 с$/ : /^30 tasks: 30 × 1 s$/);
          },
          { device: { viewport: { width, height }, ...device } },
        ));
    }
  }
});

describe('the run as data', () => {
  test('a finished run is saved as SVG, PNG, JSON and CSV, and shown as a table', () =>
    playground.withPage('#tasks=boil:1,2x0.5,%3Cb%3Ex%3C%2Fb%3E:0.2+c0.1&mode=compare&scale=10', async (page, app) => {
      await app.runs.runToEnd('compare');
      const saved = {};
      for (const format of ['svg', 'png', 'json', 'csv']) {
        const [download] = await Promise.all([page.waitForEvent('download'), app.data.save(format).click()]);
        assert.equal(download.suggestedFilename(), `async-playground-run.${format}`);
        saved[format] = await readFile(await download.path());
      }
      const json = JSON.parse(saved.json.toString());
      assert.deepEqual(json.runs.map((run) => run.mode), ['sequential', 'concurrent']);
      assert.equal(json.runs[1].tasks.length, 4);
      assert.equal(json.runs[1].measured_us, Math.round((await app.totals.seconds('concurrent', 'measured')) * 1e6));
      assert.match(json.link, /^v=1&tasks=boil:1,2x0\.5,/);
      const csv = saved.csv.toString().trim().split('\n');
      assert.equal(csv.length, 1 + 2 * 4);
      assert.match(csv[0], /^mode,task,name,start_s,end_s,outcome,predicted_start_s,predicted_end_s,distorted/);
      // The last column says what the page itself marked the run (a busy
      // machine at ×10 can make it late), exactly.
      const marked = (await app.totals.measured('sequential').getAttribute('data-distorted')) ?? '';
      assert.match(csv[4], /^sequential,4,<b>x<\/b>,\d+\.\d{6},\d+\.\d{6},done,2\.000000,2\.300000,[a-z]*$/);
      assert.equal(csv[4].split(',').at(-1), marked);
      const svg = saved.svg.toString();
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="960"/);
      assert.ok(svg.includes('&lt;b&gt;x&lt;/b&gt;'), 'names are text in the picture');
      // A PNG, twice the picture's size.
      assert.deepEqual([...saved.png.subarray(1, 4)], [...Buffer.from('PNG')]);
      const svgHeight = Number(/height="(\d+)"/.exec(svg)[1]);
      assert.equal(saved.png.readUInt32BE(16), 2 * 960);
      assert.equal(saved.png.readUInt32BE(20), 2 * svgHeight);

      await app.data.showTable.click();
      await app.data.table.nth(1).waitFor();
      const tables = app.data.table;
      assert.equal(await tables.count(), 2);
      const rows = await tables.nth(1).locator('tbody tr').allInnerTexts();
      assert.equal(rows.length, 4);
      assert.match(rows[0], /^№ 1 \(boil\)\t0\.\d{3}\t1\.\d{3}\tdone$/);
      assert.match(rows[3], /^№ 4 \(<b>x<\/b>\)/);
    }));

  test('a stopped run is saved too, and says which tasks it stopped or never started', () =>
    playground.withPage('#tasks=3x10&limit=2&mode=concurrent&lang=ru', async (page, app) => {
      await app.runs.start('concurrent');
      await app.timeline.lanes.first().and(page.locator('[data-state="waiting"]')).waitFor();
      await app.runs.stop.click();
      await app.runs.waitFor('stopped');
      const saved = {};
      // Twice each, as a learner clicks again when unsure it worked.
      for (const format of ['svg', 'png', 'csv', 'svg', 'png']) {
        const [download] = await Promise.all([page.waitForEvent('download'), app.data.save(format).click()]);
        saved[format] = await readFile(await download.path());
      }
      assert.equal(await app.data.errors.count(), 0, 'no save failed');
      const svg = saved.svg.toString();
      assert.match(svg, /Все сразу \(asyncio\.gather\): \d\.\d{3} с \(Остановлено\)/);
      assert.deepEqual([...saved.png.subarray(1, 4)], [...Buffer.from('PNG')]);
      const outcomes = saved.csv.toString().trim().split('\n').slice(1).map((row) => row.split(',')[5]);
      assert.deepEqual(outcomes, ['stopped', 'stopped', 'not-started']);
    }));
});

describe('replay', () => {
  test('the scrubber shows the run as it stood; play runs it to its end', () =>
    playground.withPage('#tasks=short:0.5,long:1.5&mode=concurrent', async (page, app) => {
      await app.runs.runToEnd('concurrent');
      const length = await app.totals.seconds('concurrent', 'measured');
      const slider = app.replay.slider;
      assert.equal(await slider.inputValue(), '1000', 'at the end');
      const logLines = async () => (await app.log.lines.innerText()).split('\n').length;
      assert.equal(await logLines(), 6);

      // A moment between the two ends: one task done, the other waiting.
      await slider.fill('600');
      const at = await app.replay.seconds();
      assert.ok(Math.abs(at - length * 0.6) < 0.01, `${at} of ${length}`);
      const states = await app.timeline.lanes.evaluateAll((lanes) => lanes.map((l) => l.dataset.state));
      assert.deepEqual(states, ['done', 'waiting']);
      assert.equal(await logLines(), 3, 'two starts and one end');
      assert.match(await app.loop.timers.textContent(), /long/);
      assert.equal(await app.totals.seconds('concurrent', 'measured'), length, 'the totals stay');

      // By keyboard: Home goes to the start, where nothing has started.
      await slider.focus();
      await page.keyboard.press('Home');
      assert.equal(await app.replay.seconds(), 0);
      assert.equal(await app.timeline.lanesIn('done').count(), 0);

      await app.replay.speed.selectOption({ label: '×5' });
      await app.replay.play.click();
      assert.equal(await app.replay.play.getAttribute('aria-pressed'), 'true');
      await app.replay.waitUntilPaused();
      assert.equal(await slider.inputValue(), '1000', 'played to the end');
      assert.equal(await logLines(), 6);
      assert.deepEqual(await app.timeline.lanes.evaluateAll((lanes) => lanes.map((l) => l.dataset.state)), ['done', 'done']);
    }));
});

/** Whether `control` (a locator of one element) has the focus. */
const isFocused = (control) => control.evaluate((element) => element === document.activeElement);

/** Presses Tab until `control` has the focus; fails if it never does. */
async function tabTo(page, control, presses = 300) {
  for (let press = 0; press < presses; press += 1) {
    if (await isFocused(control)) {
      // Focus is visible: the focused control has an outline.
      const outline = await control.evaluate((element) => getComputedStyle(element).outlineStyle);
      assert.notEqual(outline, 'none', `${control} shows its focus`);
      return;
    }
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${control}`);
}

describe('the keyboard alone', () => {
  test('edits a task, runs, replays, saves and switches language without a pointer', () =>
    playground.withPage('#tasks=boil:1,2x0.5&scale=10', async (page, app) => {
      await tabTo(page, app.header.lang('ru'));
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      await page.keyboard.press('Tab');
      assert.ok(await isFocused(app.header.lang('en')));
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');

      await tabTo(page, app.editor.steps.first());
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2');
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 2);

      // Guess first: Space ticks the box, and the guess is typed.
      await tabTo(page, app.totals.guessFirst);
      await page.keyboard.press('Space');
      assert.equal(await app.totals.predicted('concurrent').textContent(), '?');
      await tabTo(page, app.totals.guess('concurrent'));
      await page.keyboard.type('2');

      await tabTo(page, app.runs.button('compare'));
      await page.keyboard.press('Enter');
      await app.runs.waitFor('done');
      assert.ok((await app.totals.seconds('sequential', 'measured')) >= 3);

      const summary = await app.totals.summary.textContent();
      assert.ok(summary.includes(`All at once: ${await verdictOf(app, 'concurrent', 2)}`), summary);

      await tabTo(page, app.replay.slider);
      await page.keyboard.press('Home');
      for (let step = 0; step < 50; step += 1) await page.keyboard.press('ArrowRight');
      assert.ok((await app.replay.seconds()) > 0, 'the arrows move the replay');

      await tabTo(page, app.data.save('csv'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert.equal(download.suggestedFilename(), 'async-playground-run.csv');

      await tabTo(page, app.data.showTable);
      await page.keyboard.press('Enter');
      // The details element says it opened in a later task.
      await app.data.table.nth(1).waitFor();
      assert.equal(await app.data.table.count(), 2);

      await tabTo(page, app.code.show);
      await page.keyboard.press('Enter');
      await app.code.waitForProgram();

      // Switching language keeps the scenario and the finished run.
      const measured = await app.totals.seconds('concurrent', 'measured');
      await page.keyboard.press('Shift+Tab');
      await tabTo(page, app.header.lang('ru'));
      await page.keyboard.press('Enter');
      assert.equal(await app.totals.seconds('concurrent', 'measured'), measured);
      assert.equal(await app.editor.rows.count(), 3);
      assert.match(await app.log.lines.first().innerText(), /^Начало выполнения длительной операции № 1/);
      assert.match(await app.runs.outcome.textContent(), /все сразу \d+\.\d{3} с/);
    }));
});

describe('focus never falls to the page', () => {
  test('Enter on Stop leaves focus on the button that started the run', () =>
    playground.withPage('#tasks=3x5', async (page, app) => {
      await app.runs.start('concurrent');
      await app.runs.waitFor('running');
      await app.runs.stop.focus();
      await page.keyboard.press('Enter');
      await app.runs.waitFor('stopped');
      assert.ok(await isFocused(app.runs.button('concurrent')));
      // What to do next is said where it is done: no switch to look for.
      assert.match(await app.loop.panel.textContent(), /Move the Replay slider above the timeline, or press Play there/);
    }));

  test('Enter on a lane\'s cancel goes to the next task\'s, and on the last to the run button', () =>
    playground.withPage('#tasks=2x5', async (page, app) => {
      await app.runs.start('concurrent');
      await app.timeline.cancel.nth(1).waitFor();
      assert.match(await app.timeline.cancelHint.textContent(), /press a task's name beside its lane to cancel it/);
      await app.timeline.cancel.first().focus();
      await page.keyboard.press('Enter');
      await app.timeline.waitForLane('cancelled');
      await page.waitForFunction(() => document.activeElement !== document.body);
      const next = app.timeline.cancel.and(page.locator(':focus'));
      assert.equal(await next.count(), 1, 'a cancel button has the focus');
      assert.equal(await next.getAttribute('aria-label'), 'Cancel № 2');
      await page.keyboard.press('Enter');
      await page.waitForFunction((button) => document.activeElement === button, await app.runs.button('concurrent').elementHandle());
    }));
});

describe('offline and private', () => {
  test('the service worker is registered only once the page is usable, never during its first frame', () =>
    playground.withPage('', async (page, app) => {
      await page.addInitScript(() => {
        const container = navigator.serviceWorker;
        const register = container.register.bind(container);
        container.register = (...args) => {
          window.registeredAt = performance.now();
          return register(...args);
        };
      });
      await page.reload();
      await page.waitForFunction(() => window.registeredAt !== undefined);
      const [registeredAt, usableAt] = await page.evaluate(() => [
        window.registeredAt,
        performance.getEntriesByName('async-playground:usable')[0].startTime,
      ]);
      assert.ok(registeredAt >= usableAt, `registered at ${registeredAt} ms, usable at ${usableAt} ms`);
    }));
  test('after the first load the page, its code and its saving work with no network; nothing goes elsewhere', () =>
    playground.withPage('#tasks=1,2x0.5&scale=10', async (page, app) => {
      const elsewhere = [];
      page.context().on('request', (request) => {
        if (!request.url().startsWith(playground.url) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) {
          elsewhere.push(request.url());
        }
      });
      // The service worker, registered once the page is usable, has kept the
      // files once it is activated: it then controls this page, and the next.
      await page.evaluate(async () => {
        const { active } = await navigator.serviceWorker.ready;
        if (active.state === 'activated') return;
        await new Promise((resolve) => {
          active.addEventListener('statechange', () => active.state === 'activated' && resolve());
        });
      });
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

      await page.context().setOffline(true);
      await page.reload();
      await app.runs.state.waitFor();
      assert.equal(await app.editor.rows.count(), 3, 'the page, from its link, offline');
      await app.runs.runToEnd('concurrent');
      const [download] = await Promise.all([page.waitForEvent('download'), app.data.save('json').click()]);
      assert.equal(JSON.parse(await readFile(await download.path(), 'utf8')).runs[0].tasks.length, 3);
      await app.code.open();
      assert.match(await app.code.program.textContent(), /asyncio\.gather/);
      await page.context().setOffline(false);
      assert.deepEqual(elsewhere, []);
    }));
});
