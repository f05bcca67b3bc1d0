// Scenario links, sharing and embedding, as course authors and learners
// use them.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seconds, serve, usePlayground, waitForRunState } from './harness.mjs';

const playground = usePlayground();
const withLink = (link, body, options) => playground.withPage(link, body, options);

const durations = (page) =>
  page.getByTestId('task-steps').evaluateAll((inputs) => inputs.map((i) => i.value));
const names = (page) =>
  page.getByTestId('task-name').evaluateAll((inputs) => inputs.map((i) => i.value));

describe('links a course author writes', () => {
  test('#tasks=1,3,10 opens three tasks', () =>
    withLink('#tasks=1,3,10', async (page) => {
      assert.deepEqual(await durations(page), ['1', '3', '10']);
      assert.equal(await seconds(page, 'total-concurrent-predicted'), 10);
      assert.equal(await page.getByTestId('link-notice').count(), 0);
    }));

  test('#tasks=30x1 opens the course example, and ?… works too', async () => {
    await withLink('#tasks=30x1', async (page) => {
      assert.equal(await page.getByTestId('task-row').count(), 30);
    });
    await withLink('?tasks=10x0.5,3,2x1.5', async (page) => {
      const expected = [...Array(10).fill('0.5'), '3', '1.5', '1.5'];
      assert.deepEqual(await durations(page), expected);
      assert.match(page.url(), /#v=1&tasks=10x0\.5,3,2x1\.5&limit=none&timeout=none&mode=concurrent&scale=1$/, 'written back as #…');
    });
  });

  test('named tasks, mode, scale and language', () =>
    withLink('#tasks=boil:3,%D1%87%D0%B0%D0%B9:2&mode=compare&scale=10&lang=ru', async (page) => {
      assert.deepEqual(await names(page), ['boil', 'чай']);
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      assert.equal(await page.getByTestId('scale').inputValue(), '×10');
      assert.match(await page.getByTestId('run-compare').getAttribute('class'), /suggested/);
    }));

  test('every example in README.md opens without a notice', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const links = [...readme.matchAll(/`(#tasks=[^`]+)`/g)].map((m) => m[1]);
    assert.ok(links.length >= 5);
    for (const link of links) {
      await withLink(link, async (page) => {
        assert.equal(await page.getByTestId('link-notice').count(), 0, link);
        const shown = link.includes('embed=1') ? 'embed-scenario' : 'task-row';
        assert.ok((await page.getByTestId(shown).count()) > 0, link);
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
      withLink(link, async (page) => {
        const notice = page.getByTestId('link-notice');
        assert.equal(await notice.getAttribute('role'), 'alert');
        assert.ok((await notice.innerText()).length > 20);
        assert.ok((await page.getByTestId('task-row').count()) > 0);
        assert.equal(await page.evaluate(() => window.injected), undefined);
        assert.equal(await page.locator('main img, main b, .link-notice b').count(), 0);
      }));
  }

  test('names with markup are shown as text', () =>
    withLink(
      '#tasks=%3Cimg%20src%3Dx%20onerror%3D%22window.injected%3D1%22%3E:1,%3Cb%3Ebold%3C%2Fb%3E:2',
      async (page) => {
        assert.deepEqual(await names(page), ['<img src=x onerror="window.injected=1">', '<b>bold</b>']);
        assert.equal(await page.locator('[data-testid="lane"] .lane-label').nth(1).textContent(), '<b>bold</b>');
        assert.equal(await page.evaluate(() => window.injected), undefined);
        assert.equal(await page.locator('main img, main b').count(), 0);
      },
    ));

  // 1.2 MB: over the page's limit, under the browser's own (2 MB).
  test('a link of megabytes opens the default scenario at once', () =>
    withLink(`#tasks=${'1,'.repeat(600_000)}`, async (page) => {
      assert.match(await page.getByTestId('link-notice').innerText(), /too long/);
      assert.equal(await page.getByTestId('task-row').count(), 30);
      await page.getByTestId('dismiss-notice').click();
      assert.equal(await page.getByTestId('link-notice').count(), 0);
    }));
});

describe('sharing', () => {
  test('Copy link gives a link that opens the same scenario in a fresh page', async () => {
    let copied;
    let expected;
    await withLink(
      '',
      async (page) => {
        await page.getByTestId('preset-longest').click();
        await page.getByTestId('task-name').nth(1).fill('toast & jam');
        await page.getByTestId('task-steps').nth(2).fill('2.5');
        await page.getByTestId('scale').selectOption({ index: 2 });
        await page.getByTestId('lang-ru').click();
        await page.getByTestId('run-sequential').click();
        await waitForRunState(page, 'done');
        await page.getByTestId('copy-link').click();
        await page.waitForSelector('[data-testid="copy-status"]:has-text("Скопировано")');
        copied = await page.evaluate(() => navigator.clipboard.readText());
        expected = { durations: await durations(page), names: await names(page) };
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
    assert.ok(copied.startsWith(playground.url), copied);
    await withLink(copied.slice(playground.url.length), async (page) => {
      assert.deepEqual(await durations(page), expected.durations);
      assert.deepEqual(await names(page), expected.names);
      assert.equal(await page.getByTestId('scale').inputValue(), '×100');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      assert.match(await page.getByTestId('run-sequential').getAttribute('class'), /suggested/);
    });
  });

  test('Embed shows an iframe snippet for the current scenario', () =>
    withLink('#tasks=1,2', async (page) => {
      await page.getByTestId('show-embed').click();
      const code = await page.getByTestId('embed-code').inputValue();
      assert.ok(code.includes(`<iframe src="${playground.url}#v=1&tasks=1,2&limit=none&timeout=none&mode=concurrent&scale=1&embed=1"`), code);
      assert.ok(code.includes(`<script src="${playground.url}embed.js" async></script>`), code);
      assert.ok(code.includes('title="Async Playground"'), code);
      assert.equal(await page.title(), 'Async Playground');
      // In Russian: the page's title, the snippet's, and a preset's tasks.
      await page.getByTestId('lang-ru').click();
      assert.equal(await page.title(), 'Асинхронная песочница');
      assert.match(await page.getByTestId('embed-code').inputValue(), /title="Асинхронная песочница"/);
      await page.getByTestId('preset-coffee').click();
      assert.deepEqual(
        await page.getByTestId('task-name').evaluateAll((fields) => fields.map((field) => field.value)),
        ['кофе', 'тост', 'почта'],
      );
    }));

  test('typing replaces the history entry; a preset adds one, and Back returns', () =>
    withLink('#tasks=1,3,10', async (page) => {
      const length = () => page.evaluate(() => history.length);
      const start = await length();
      const field = page.getByTestId('task-steps').first();
      await field.fill('2');
      await field.fill('25');
      assert.equal(await length(), start, 'no entry per keystroke');
      assert.match(page.url(), /tasks=25,3,10/);
      await page.getByTestId('preset-course').click();
      assert.equal(await length(), start + 1);
      assert.equal(await page.getByTestId('task-row').count(), 30);
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="task-row"]').length === 3);
      assert.deepEqual(await durations(page), ['25', '3', '10']);
      await page.goForward();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="task-row"]').length === 30);
    }));

  test('a link edited by hand in the address bar opens', () =>
    withLink('#tasks=1', async (page) => {
      await page.evaluate(() => { location.hash = 'tasks=4,5'; });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="task-row"]').length === 2);
      assert.deepEqual(await durations(page), ['4', '5']);
    }));

  test('a link to another scenario mid-run stops the run: the table holds one scenario', () =>
    withLink('#tasks=3x2&mode=compare', async (page) => {
      await page.getByTestId('run-compare').click();
      await page.waitForSelector('[data-testid="lane"][data-state="running"], [data-testid="lane"][data-state="waiting"]');
      await page.evaluate(() => { location.hash = 'tasks=5.5&mode=compare'; });
      await waitForRunState(page, 'idle');
      assert.deepEqual(await durations(page), ['5.5']);
      // Both rows are the new scenario's prediction; nothing of the old run is measured.
      assert.equal(await seconds(page, 'total-sequential-predicted'), 5.5);
      assert.equal(await seconds(page, 'total-concurrent-predicted'), 5.5);
      assert.equal(await seconds(page, 'total-sequential-measured'), null);
      assert.equal(await seconds(page, 'total-concurrent-measured'), null);
      assert.ok((await page.getByTestId('lane').count()) <= 1, 'no lane of the old run\'s three');
      // The page goes on: the new scenario runs.
      await page.getByTestId('scale').selectOption({ label: '×100' });
      await page.getByTestId('run-concurrent').click();
      await waitForRunState(page, 'done');
    }));
});

describe('embedding', () => {
  test('the embed page is compact and links to the full playground', () =>
    withLink('#tasks=1,3,10&embed=1', async (page) => {
      assert.equal(await page.getByTestId('task-row').count(), 0, 'no editor');
      assert.equal(await page.getByTestId('embed-scenario').textContent(), '3 tasks: 1 s, 3 s, 10 s');
      const href = await page.getByTestId('open-full').getAttribute('href');
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
          for (let index = 0; index < 2; index += 1) {
            await page.getByTestId('lesson-frame').nth(index).scrollIntoViewIfNeeded();
            const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(index === 0 ? 'tasks=30x1' : 'tasks=1,3,10'));
            await frame.getByTestId('run-state').waitFor();
            const fits = () => frame.waitForFunction(() => document.documentElement.scrollHeight <= window.innerHeight, null, { timeout: 5_000 });
            await fits().catch(async () => {
              const [content, inner] = await frame.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
              assert.fail(`${lang}, ${width} px, frame ${index + 1}: ${content} px of content in a ${inner} px frame`);
            });
            if (width === 320) {
              // After a run the frame grows with its content, still whole.
              await frame.getByTestId('scale').selectOption({ index: 2 });
              await frame.locator('button.run.suggested').click();
              await frame.locator('[data-testid="run-state"][data-state="done"]').waitFor({ timeout: 30_000 });
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
      const frames = page.getByTestId('lesson-frame');
      assert.equal(await frames.count(), 2);
      for (let index = 0; index < 2; index += 1) {
        const frameElement = frames.nth(index);
        await frameElement.scrollIntoViewIfNeeded();
        const frame = page.frameLocator('[data-testid="lesson-frame"]').nth(index);
        await frame.getByTestId('run-state').waitFor();
        // The frame takes its content's height (set by embed.js), not the
        // 560 px its attribute gives it.
        await page.waitForFunction((i) => document.querySelectorAll('iframe')[i].style.height !== '', index);
        const contentHeight = await frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
        const frameHeight = await frameElement.evaluate((f) => parseFloat(f.style.height));
        assert.equal(frameHeight, contentHeight);

        await frame.getByTestId('scale').selectOption({ index: 2 });
        await frame.locator('button.run.suggested').click();
        await frame.locator('[data-testid="run-state"][data-state="done"]').waitFor({ timeout: 30_000 });
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
