// A course author's deploy: dist/ copied into a sub-folder of a static host
// that sends a strict Content-Security-Policy. Every test of the suite is
// served that way (harness.mjs); these check what only a deploy shows.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, openPage, serve, usePlayground } from './harness.mjs';
import { Playground } from './pages.mjs';
import { stamp } from '../scripts/stamp.mjs';

const playground = usePlayground();

describe('deploy anywhere', () => {
  test('from a sub-folder under a strict policy the page starts, runs, offloads, draws and writes code', () =>
    playground.withPage('#tasks=2x0.2,o0.2&mode=compare&lang=ru', async (page, app) => {
      assert.ok(new URL(page.url()).pathname.startsWith('/course/playground/'));
      assert.equal(await app.boot.count(), 0, 'the loading note is gone');
      await app.runs.runToEnd('compare');
      // The bars are placed although the policy blocks style attributes:
      // one after another, each task's bar starts where the one before it
      // ended, not at the left edge.
      const starts = await app.timeline.lanesOf('sequential').locator('.lane-track').evaluateAll((tracks) =>
        tracks.map((track) => {
          const bar = [...track.querySelectorAll('.bar')].find((b) => b.getBoundingClientRect().width > 0);
          return (bar.getBoundingClientRect().left - track.getBoundingClientRect().left) / track.getBoundingClientRect().width;
        }),
      );
      assert.equal(starts.length, 3);
      assert.ok(starts[0] < 0.02 && starts[1] > 0.1 && starts[2] > starts[1] + 0.1, `${starts}`);
      await app.code.open();
      assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0, 'no inline script');
    }));

  /** Opens the page and waits for its loading note to say it failed. */
  async function failedStart(browser, url, prepare = async () => {}) {
    const context = await browser.newContext({ locale: 'ru-RU' });
    try {
      const page = await context.newPage();
      const app = new Playground(page);
      await prepare(page);
      await page.goto(url);
      await app.waitForBootFailure();
      return await app.boot.innerText();
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

  describe('a host whose policy forbids workers', () => {
    const strict = useHost(CSP.replace("worker-src 'self'", "worker-src 'none'"));
    test('a run with an offloaded step stops and says why, instead of waiting forever', async () => {
      const context = await playground.browser.newContext();
      try {
        const page = await context.newPage();
        const app = new Playground(page);
        await page.goto(`${strict.url}#tasks=o0.5,1&mode=concurrent`);
        await app.runs.state.waitFor();
        await app.runs.start('concurrent');
        await app.runs.waitFor('stopped', 15_000);
        assert.match(await app.runs.failure.textContent(), /offloaded steps \(o\) need a Web Worker/);
        // The page goes on: a scenario with no offload runs.
        await app.editor.steps.first().fill('0.2');
        await app.runs.runToEnd('concurrent');
        assert.equal(await app.runs.failure.count(), 0);
      } finally {
        await context.close();
      }
    });
  });

  test('nothing is fetched from outside the folder', () =>
    playground.withPage('', async (page, app) => {
      const outside = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && !url.pathname.startsWith('/course/playground/')) outside.push(url.pathname);
      });
      await page.reload();
      await app.runs.state.waitFor();
      await app.runs.runToEnd('concurrent');
      assert.deepEqual(outside, []);
    }));

  describe('a second build deployed over the first', () => {
    // Build B is build A with its workers changed and stamped again, as the
    // post-build hook stamps every build: new version, new names, new
    // service worker.
    const root = mkdtempSync(join(tmpdir(), 'async-playground-builds-'));
    const [site, a, b] = ['site', 'a', 'b'].map((name) => join(root, name, '/'));
    let host;
    before(async () => {
      cpSync(fileURLToPath(new URL('../dist/', import.meta.url)), a, { recursive: true });
      cpSync(a, b, { recursive: true });
      for (const file of readdirSync(b).filter((name) => /^(code|offload)-worker-.*\.js$/.test(name))) {
        appendFileSync(join(b, file), '\n// build B\n');
      }
      stamp(b);
      cpSync(a, site, { recursive: true });
      host = await serve(site);
    });
    after(async () => {
      await host?.close();
      rmSync(root, { recursive: true, force: true });
    });
    /** Replaces the site's files with `build`'s, as a deploy does. */
    const deploy = (build) => {
      rmSync(site, { recursive: true });
      cpSync(build, site, { recursive: true });
    };
    const build = (page) => page.evaluate(() => document.documentElement.dataset.build);
    const caches = (page) => page.evaluate(async () => (await self.caches.keys()).filter((key) => key.startsWith('async-playground')));
    /** Waits until the async `predicate` holds in the page (waitForFunction does not await a promise). */
    async function until(page, predicate, arg) {
      const deadline = Date.now() + 30_000;
      while (!(await page.evaluate(predicate, arg))) {
        assert.ok(Date.now() < deadline, `not in 30 s: ${predicate}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    /** Whether the page, run offloading and its program, all work now. */
    async function works(page) {
      const app = new Playground(page);
      await app.runs.runToEnd('concurrent');
      await app.code.open();
    }

    /** Reloads `page` with no network: it is build `version`, and works. */
    async function worksOffline(page, version) {
      const app = new Playground(page);
      await page.context().setOffline(true);
      try {
        await page.reload();
        await app.runs.state.waitFor();
        assert.equal(await build(page), version);
        await works(page);
      } finally {
        await page.context().setOffline(false);
      }
    }

    test('each build is kept whole and alone, and the page and its workers always come from one build, online and offline', async () => {
      const opened = await openPage(playground.browser, `${host.url}#tasks=o0.2,0.2&mode=concurrent`);
      const { page, app } = opened;
      try {
        const workers = [];
        page.context().on('request', (request) => {
          const name = new URL(request.url()).pathname.split('/').pop();
          if (/-worker-/.test(name)) workers.push(name);
        });
        const versionA = await build(page);
        await until(page, async () => (await navigator.serviceWorker.ready).active.state === 'activated');
        await page.reload();
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        assert.deepEqual(await caches(page), [`async-playground-${versionA}`]);

        await worksOffline(page, versionA);

        // Online, the first reload after the deploy is build B, and its
        // service worker replaces A's files with B's.
        deploy(b);
        workers.length = 0;
        await page.reload();
        await app.runs.state.waitFor();
        const versionB = await build(page);
        assert.notEqual(versionB, versionA);
        await works(page);
        await until(
          page,
          async (version) => {
            const keys = await caches.keys();
            return keys.length === 1 && keys[0] === `async-playground-${version}` && navigator.serviceWorker.controller?.state === 'activated';
          },
          versionB,
        );

        await worksOffline(page, versionB);
        assert.ok(workers.length >= 2, workers.join(' '));
        assert.deepEqual(workers.filter((name) => !name.includes(versionB)), [], 'only build B\'s workers');
        assert.deepEqual(opened.errors, []);
      } finally {
        await opened.close();
      }
    });
  });
});
