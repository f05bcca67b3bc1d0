// A course author's deploy: dist/ copied into a sub-folder of a static host
// that sends a strict Content-Security-Policy. Every test of the suite is
// served that way (harness.mjs); these check what only a deploy shows.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, serve, usePlayground, waitForRunState } from './harness.mjs';

const playground = usePlayground();

describe('deploy anywhere', () => {
  test('from a sub-folder under a strict policy the page starts, runs, offloads and writes code', () =>
    playground.withPage('#tasks=2x0.2,o0.2&mode=concurrent&lang=ru', async (page) => {
      assert.ok(new URL(page.url()).pathname.startsWith('/course/playground/'));
      assert.equal(await page.getByTestId('boot').count(), 0, 'the loading note is gone');
      await page.getByTestId('run-concurrent').click();
      await waitForRunState(page, 'done');
      await page.getByTestId('show-code').click();
      await page.waitForSelector('[data-testid="program"][data-ready="true"]');
      assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0, 'no inline script');
    }));

  /** Opens the page and waits for its loading note to say it failed. */
  async function failedStart(browser, url, prepare = async () => {}) {
    const context = await browser.newContext({ locale: 'ru-RU' });
    try {
      const page = await context.newPage();
      await prepare(page);
      await page.goto(url);
      await page.waitForSelector('[data-testid="boot"][data-state="failed"]');
      return await page.getByTestId('boot').innerText();
    } finally {
      await context.close();
    }
  }

  test('a page whose files do not load says so in both languages, never a white page', async () => {
    const text = await failedStart(playground.browser, playground.url, (page) =>
      page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 404, body: '' })));
    assert.match(text, /Песочница не запустилась/);
    assert.match(text, /Async Playground could not start/);
  });

  /** dist/ served with the policy `csp`, for the tests of one suite. */
  function useHost(csp) {
    let host;
    before(async () => {
      host = await serve(undefined, { csp });
    });
    after(() => host?.close());
    return { get url() { return host.url; } };
  }

  describe('a host whose policy forbids WebAssembly', () => {
    const strict = useHost(CSP.replace(" 'wasm-unsafe-eval'", ''));
    test('is named in the message', async () => {
      const text = await failedStart(playground.browser, strict.url);
      assert.match(text, /wasm-unsafe-eval/);
    });
  });

  describe('a host whose policy forbids workers made in the page', () => {
    const strict = useHost(CSP.replace("worker-src 'self' blob:", "worker-src 'self'"));
    test('a run with an offloaded step stops and says why, instead of waiting forever', async () => {
      const context = await playground.browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${strict.url}#tasks=o0.5,1&mode=concurrent`);
        await page.getByTestId('run-state').waitFor();
        await page.getByTestId('run-concurrent').click();
        await waitForRunState(page, 'stopped', 15_000);
        assert.match(await page.getByTestId('run-failure').textContent(), /offloaded steps \(o\) need a Web Worker/);
        // The page goes on: a scenario with no offload runs.
        await page.getByTestId('task-steps').first().fill('0.2');
        await page.getByTestId('run-concurrent').click();
        await waitForRunState(page, 'done');
        assert.equal(await page.getByTestId('run-failure').count(), 0);
      } finally {
        await context.close();
      }
    });
  });

  test('nothing is fetched from outside the folder', () =>
    playground.withPage('', async (page) => {
      const outside = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && !url.pathname.startsWith('/course/playground/')) outside.push(url.pathname);
      });
      await page.reload();
      await page.getByTestId('run-state').waitFor();
      await page.getByTestId('run-concurrent').click();
      await waitForRunState(page, 'done');
      assert.deepEqual(outside, []);
    }));
});
