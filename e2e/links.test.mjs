// Scenario links, sharing and embedding, as course authors and learners
// use them.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, usePlayground } from './harness.mjs';
import { Playground, LessonPage } from './pages.mjs';

const playground = usePlayground();
const withLink = (link, body, options) => playground.withPage(link, body, options);

const durations = (app) =>
  app.editor.steps.evaluateAll((inputs) => inputs.map((i) => i.value));
const names = (app) =>
  app.editor.names.evaluateAll((inputs) => inputs.map((i) => i.value));

describe('links a course author writes', () => {
  test('#tasks=1,3,10 opens three tasks', () =>
    withLink('#tasks=1,3,10', async (page, app) => {
      assert.deepEqual(await durations(app), ['1', '3', '10']);
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 10);
      assert.equal(await app.notice.notice.count(), 0);
    }));

  test('#tasks=30x1 opens the course example, and ?… works too', async () => {
    await withLink('#tasks=30x1', async (page, app) => {
      assert.equal(await app.editor.rows.count(), 30);
    });
    await withLink('?tasks=10x0.5,3,2x1.5', async (page, app) => {
      const expected = [...Array(10).fill('0.5'), '3', '1.5', '1.5'];
      assert.deepEqual(await durations(app), expected);
      assert.match(page.url(), /#v=1&tasks=10x0\.5,3,2x1\.5&limit=none&timeout=none&mode=concurrent&scale=1$/, 'written back as #…');
    });
  });

  test('named tasks, mode, scale and language', () =>
    withLink('#tasks=boil:3,%D1%87%D0%B0%D0%B9:2&mode=compare&scale=10&lang=ru', async (page, app) => {
      assert.deepEqual(await names(app), ['boil', 'чай']);
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      assert.equal(await app.runs.scale.inputValue(), '×10');
      assert.match(await app.runs.button('compare').getAttribute('class'), /suggested/);
    }));

  test('every example in README.md opens without a notice', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const links = [...readme.matchAll(/`(#tasks=[^`]+)`/g)].map((m) => m[1]);
    assert.ok(links.length >= 5);
    for (const link of links) {
      await withLink(link, async (page, app) => {
        assert.equal(await app.notice.notice.count(), 0, link);
        const shown = link.includes('embed=1') ? app.share.embedScenario : app.editor.rows;
        assert.ok((await shown.count()) > 0, link);
      });
    }
  });
});

describe('bad links', () => {
  const hostile = [
    '#garbage',
    '#tasks=abc,-1,0,NaN,1e400',
    `#tasks=${'9'.repeat(5000)}`,
    '#tasks=99999999999999999999x1',
    '#tasks=%E0%A4%A:1,%ZZ:2',
    '#tasks=1&mode=%3Cscript%3Ewindow.injected=1%3C/script%3E',
  ];
  for (const link of hostile) {
    test(`${link.slice(0, 60)} opens with a notice and nothing injected`, () =>
      withLink(link, async (page, app) => {
        const notice = app.notice.notice;
        assert.equal(await notice.getAttribute('role'), 'alert');
        assert.ok((await notice.innerText()).length > 20);
        assert.ok((await app.editor.rows.count()) > 0);
        assert.equal(await page.evaluate(() => window.injected), undefined);
        assert.equal(await page.locator('main img, main b, .link-notice b').count(), 0);
      }));
  }

  test('names with markup are shown as text', () =>
    withLink(
      '#tasks=%3Cimg%20src%3Dx%20onerror%3D%22window.injected%3D1%22%3E:1,%3Cb%3Ebold%3C%2Fb%3E:2',
      async (page, app) => {
        assert.deepEqual(await names(app), ['<img src=x onerror="window.injected=1">', '<b>bold</b>']);
        assert.equal(await app.timeline.lanes.locator('.lane-label').nth(1).textContent(), '<b>bold</b>');
        assert.equal(await page.evaluate(() => window.injected), undefined);
        assert.equal(await page.locator('main img, main b').count(), 0);
      },
    ));

  // 1.2 MB: over the page's limit, under the browser's own (2 MB).
  test('a link of megabytes opens the default scenario at once', () =>
    withLink(`#tasks=${'1,'.repeat(600_000)}`, async (page, app) => {
      assert.match(await app.notice.notice.innerText(), /too long/);
      assert.equal(await app.editor.rows.count(), 30);
      await app.notice.dismiss.click();
      assert.equal(await app.notice.notice.count(), 0);
    }));
});

describe('sharing', () => {
  test('Copy link gives a link that opens the same scenario in a fresh page', async () => {
    let copied;
    let expected;
    await withLink(
      '',
      async (page, app) => {
        await app.presets.preset('longest').click();
        await app.editor.names.nth(1).fill('toast & jam');
        await app.editor.steps.nth(2).fill('2.5');
        await app.runs.scale.selectOption({ index: 2 });
        await app.header.lang('ru').click();
        await app.runs.runToEnd('sequential');
        await app.share.copyLink.click();
        await app.share.waitForCopied('Скопировано');
        copied = await page.evaluate(() => navigator.clipboard.readText());
        expected = { durations: await durations(app), names: await names(app) };
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
    assert.ok(copied.startsWith(playground.url), copied);
    await withLink(copied.slice(playground.url.length), async (page, app) => {
      assert.deepEqual(await durations(app), expected.durations);
      assert.deepEqual(await names(app), expected.names);
      assert.equal(await app.runs.scale.inputValue(), '×100');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      assert.match(await app.runs.button('sequential').getAttribute('class'), /suggested/);
    });
  });

  test('Embed shows an iframe snippet for the current scenario', () =>
    withLink('#tasks=1,2', async (page, app) => {
      await app.share.showEmbed.click();
      const code = await app.share.embedCode.inputValue();
      assert.ok(code.includes(`<iframe src="${playground.url}#v=1&tasks=1,2&limit=none&timeout=none&mode=concurrent&scale=1&embed=1"`), code);
      assert.ok(code.includes(`<script src="${playground.url}embed.js" async></script>`), code);
      assert.ok(code.includes('title="Async Playground"'), code);
      assert.equal(await page.title(), 'Async Playground');
      // In Russian: the page's title, the snippet's, and a preset's tasks.
      await app.header.lang('ru').click();
      assert.equal(await page.title(), 'Асинхронная песочница');
      assert.match(await app.share.embedCode.inputValue(), /title="Асинхронная песочница"/);
      await app.presets.preset('coffee').click();
      assert.deepEqual(
        await app.editor.names.evaluateAll((fields) => fields.map((field) => field.value)),
        ['кофе', 'тост', 'почта'],
      );
    }));

  test('typing replaces the history entry; a preset adds one, and Back returns', () =>
    withLink('#tasks=1,3,10', async (page, app) => {
      const length = () => page.evaluate(() => history.length);
      const start = await length();
      const field = app.editor.steps.first();
      await field.fill('2');
      await field.fill('25');
      assert.equal(await length(), start, 'no entry per keystroke');
      assert.match(page.url(), /tasks=25,3,10/);
      await app.presets.preset('course').click();
      assert.equal(await length(), start + 1);
      assert.equal(await app.editor.rows.count(), 30);
      await page.goBack();
      await app.editor.waitForRows(3);
      assert.deepEqual(await durations(app), ['25', '3', '10']);
      await page.goForward();
      await app.editor.waitForRows(30);
    }));

  test('a link edited by hand in the address bar opens', () =>
    withLink('#tasks=1', async (page, app) => {
      await page.evaluate(() => { location.hash = 'tasks=4,5'; });
      await app.editor.waitForRows(2);
      assert.deepEqual(await durations(app), ['4', '5']);
    }));

  test('a link to another scenario mid-run stops the run: the table holds one scenario', () =>
    withLink('#tasks=3x2&mode=compare', async (page, app) => {
      await app.runs.start('compare');
      await app.timeline.waitForLane('running', 'waiting');
      await page.evaluate(() => { location.hash = 'tasks=5.5&mode=compare'; });
      await app.runs.waitFor('idle');
      assert.deepEqual(await durations(app), ['5.5']);
      // Both rows are the new scenario's prediction; nothing of the old run is measured.
      assert.equal(await app.totals.seconds('sequential', 'predicted'), 5.5);
      assert.equal(await app.totals.seconds('concurrent', 'predicted'), 5.5);
      assert.equal(await app.totals.seconds('sequential', 'measured'), null);
      assert.equal(await app.totals.seconds('concurrent', 'measured'), null);
      assert.ok((await app.timeline.lanes.count()) <= 1, 'no lane of the old run\'s three');
      // The page goes on: the new scenario runs.
      await app.runs.scale.selectOption({ label: '×100' });
      await app.runs.runToEnd('concurrent');
    }));
});

describe('embedding', () => {
  test('the embed page is compact and links to the full playground', () =>
    withLink('#tasks=1,3,10&embed=1', async (page, app) => {
      assert.equal(await app.editor.rows.count(), 0, 'no editor');
      assert.equal(await app.share.embedScenario.textContent(), '3 tasks: 1 s, 3 s, 10 s');
      const href = await app.share.openFull.getAttribute('href');
      assert.equal(href, `${playground.url}#v=1&tasks=1,3,10&limit=none&timeout=none&mode=concurrent&scale=1`);
      const margin = await page.evaluate(() => getComputedStyle(document.body).margin);
      assert.equal(margin, '0px');
    }));

  test('no embedded frame scrolls inside, in either language, at 320, 640 and 960 px', async () => {
    for (const lang of ['ru', 'en']) {
      const lesson = await serve(undefined, { rewriteHtml: (html) => html.replaceAll('lang=ru', `lang=${lang}`) });
      const context = await playground.browser.newContext({ locale: lang });
      try {
        const page = await context.newPage();
        for (const width of [320, 640, 960]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`${lesson.url}course-example.html`);
          const lessonPage = new LessonPage(page);
          for (let index = 0; index < 2; index += 1) {
            await lessonPage.frames.nth(index).scrollIntoViewIfNeeded();
            const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(index === 0 ? 'tasks=30x1' : 'tasks=1,3,10'));
            const embedded = new Playground(frame);
            await embedded.runs.state.waitFor();
            const fits = () => frame.waitForFunction(() => document.documentElement.scrollHeight <= window.innerHeight, null, { timeout: 5_000 });
            await fits().catch(async () => {
              const [content, inner] = await frame.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
              assert.fail(`${lang}, ${width} px, frame ${index + 1}: ${content} px of content in a ${inner} px frame`);
            });
            if (width === 320) {
              // After a run the frame grows with its content, still whole.
              await embedded.runs.scale.selectOption({ index: 2 });
              await embedded.runs.suggested.click();
              await embedded.runs.waitFor('done', 30_000);
              await fits();
            }
          }
        }
      } finally {
        await context.close();
        await lesson.close();
      }
    }
  });

  test('a lesson page on another origin embeds two scenarios that run and resize', async () => {
    // The lesson page is served from a second port: its iframes, and
    // embed.js, come from the playground's origin.
    const lesson = await serve(undefined, {
      rewriteHtml: (html) => html.replace('<head>', `<head><base href="${playground.url}">`),
    });
    const context = await playground.browser.newContext({ locale: 'ru-RU' });
    const errors = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      assert.notEqual(new URL(lesson.url).origin, new URL(playground.url).origin);
      await page.setViewportSize({ width: 900, height: 900 });
      await page.goto(`${lesson.url}course-example.html`);
      const lessonPage = new LessonPage(page);
      assert.equal(await lessonPage.frames.count(), 2);
      for (let index = 0; index < 2; index += 1) {
        const frameElement = lessonPage.frames.nth(index);
        await frameElement.scrollIntoViewIfNeeded();
        const embedded = lessonPage.frame(index);
        await embedded.runs.state.waitFor();
        // The frame takes its content's height (set by embed.js), not the
        // 560 px its attribute gives it.
        await page.waitForFunction((i) => document.querySelectorAll('iframe')[i].style.height !== '', index);
        const contentHeight = await embedded.page.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
        const frameHeight = await frameElement.evaluate((f) => parseFloat(f.style.height));
        assert.equal(frameHeight, contentHeight);

        await embedded.runs.scale.selectOption({ index: 2 });
        await embedded.runs.suggested.click();
        await embedded.runs.waitFor('done', 30_000);
        // It follows its content as the content grows after the run.
        await page.waitForFunction(
          ([i, before]) => parseFloat(document.querySelectorAll('iframe')[i].style.height) > before,
          [index, frameHeight],
        );
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await lesson.close();
    }
  });

  test('embed.js hears only the playground\'s own frames, and only sane heights', async () => {
    // A lesson page on a second origin embeds the playground and an
    // unrelated frame from a third; the unrelated one posts the
    // playground's message.
    const dir = mkdtempSync(join(tmpdir(), 'async-playground-lesson-'));
    const [lesson, other] = [await serve(`${dir}/`, { csp: null }), await serve(`${dir}/`, { csp: null })];
    const context = await playground.browser.newContext();
    try {
      writeFileSync(join(dir, 'widget.html'), '<!doctype html><p>an unrelated widget</p>');
      writeFileSync(
        join(dir, 'lesson.html'),
        `<!doctype html><iframe id="playground" src="${playground.url}#tasks=1&embed=1" style="height:300px"></iframe>
         <iframe id="widget" src="${other.url}widget.html" style="height:200px"></iframe>
         <script src="${playground.url}embed.js"></script>`,
      );
      const page = await context.newPage();
      await page.goto(`${lesson.url}lesson.html`);
      await page.waitForFunction(() => document.getElementById('playground').style.height !== '300px');
      const heights = () => page.evaluate(() => ['playground', 'widget'].map((id) => document.getElementById(id).style.height));
      const before = await heights();
      /** Posts `values` as heights from the frame `id`; resolves once the lesson page has heard them all (after embed.js). */
      const post = async (id, values) => {
        await page.evaluate(([id, count]) => {
          const source = document.getElementById(id).contentWindow;
          window.heard = new Promise((resolve) => {
            let left = count;
            window.addEventListener('message', (event) => event.source === source && --left === 0 && resolve());
          });
        }, [id, values.length]);
        const frame = page.frames().find((f) => f.url().startsWith(id === 'widget' ? other.url : playground.url));
        await frame.evaluate((values) => {
          for (const height of values) parent.postMessage({ type: 'async-playground:height', height: height === 'NaN' ? NaN : height }, '*');
        }, values);
        await page.evaluate(() => window.heard);
      };
      await post('widget', [1e9, -5, 'NaN', 900]);
      assert.deepEqual(await heights(), before, 'the widget resized nothing');
      await post('playground', [-5, 'NaN', 0]);
      assert.deepEqual(await heights(), before, 'no height below one pixel, or not a number');
      await post('playground', [1e9]);
      assert.deepEqual(await heights(), ['20000px', before[1]], 'at most 20,000 px');
    } finally {
      await context.close();
      await lesson.close();
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
