// The Code panel: the scenario on screen as Python and Rust, written by the
// code worker the first time the panel opens.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { usePlayground } from './harness.mjs';

const playground = usePlayground();
const withLink = (link, body, options) => playground.withPage(link, body, options);

/** The program shown once it answers what is on screen now. */
async function program(app) {
  await app.code.waitForProgram();
  return app.code.program.textContent();
}

async function openCode(app) {
  await app.code.show.click();
  return program(app);
}

describe('the Code panel', () => {
  // The page asks for its worker only then (after a first load, the service
  // worker also keeps a copy for use with no network: see learner.test.mjs).
  test('fetches its worker only when opened, then shows the course example in Python', () =>
    withLink('', async (page, app) => {
      const fetched = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.waitForLoadState('networkidle');
      assert.ok(!fetched.some((path) => path.includes('code-worker')), 'nothing before opening');
      const code = await openCode(app);
      assert.ok(fetched.some((path) => /\/code-worker-[0-9a-f]{16}_bg\.wasm$/.test(path)), fetched.join(' '));
      assert.match(code, /^import asyncio$/m);
      assert.match(code, /^ {4}\(30, "", \[\("wait", 1\)\]\),$/m);
      assert.match(code, /await asyncio\.gather\(/);
      assert.match(code, /^asyncio\.run\(main\(\)\)$/m);
      assert.match(await app.code.help.textContent(), /run python3 tasks\.py/);
      assert.equal(await page.locator('#code-view .kw').first().textContent(), 'import');
      assert.ok((await page.locator('#code-view .com').count()) > 0, 'comments are coloured');
      assert.equal(await app.code.tab('python').getAttribute('aria-selected'), 'true');
    }));

  test('Rust and the other mode, and the code follows edits', () =>
    withLink('#tasks=2x1,c0.5&mode=concurrent', async (page, app) => {
      await openCode(app);
      await app.code.tab('rust').click();
      let code = await program(app);
      assert.match(code, /^\/\/ tokio = \{ version = "1", features = \["rt", "time", "sync"\] \}$/m);
      assert.match(code, /tokio::spawn\(run\(n, name, steps\)\)/);
      assert.match(await app.code.help.textContent(), /add the tokio line from its top to Cargo\.toml/);
      assert.match(code, /^ {4}\(1, "", &\[Work\(0\.5\)\]\),$/m);
      await app.code.mode('sequential').click();
      code = await program(app);
      assert.match(code, /for \(n, \(name, steps\)\) in \(1\.\.\)\.zip\(tasks\)/);
      await app.editor.limit.fill('2');
      await app.editor.timeout.fill('1.5');
      code = await program(app);
      assert.match(code, /^const LIMIT: usize = 2; \/\//m);
      assert.match(code, /^const TIMEOUT: f64 = 1\.5; \/\//m);
      await app.code.tab('python').click();
      code = await program(app);
      assert.match(code, /limit = asyncio\.Semaphore\(LIMIT\)/);
      assert.match(code, /await asyncio\.wait_for\(operation\(n, name, steps\), TIMEOUT \* SCALE\)/);
    }));

  test('speaks Russian on a Russian page', () =>
    withLink('#tasks=1&lang=ru', async (page, app) => {
      const code = await openCode(app);
      assert.match(code, /print\(f"Начало выполнения длительной операции \{label\(n, name\)\}: \{now\(\):\.4f\}"\)/);
      await app.header.lang('en').click();
      assert.match(await program(app), /Start of long operation/);
    }));

  test('task names stay text, never markup', () =>
    withLink(`#tasks=${encodeURIComponent('<img src=x onerror=alert(1)>')}:1`, async (page, app) => {
      const code = await openCode(app);
      assert.ok(code.includes('"<img src=x onerror=alert(1)>"'), code);
      assert.equal(await page.locator('#code-view img').count(), 0);
    }));

  test('the copy button copies the program as shown', () =>
    withLink(
      '#tasks=3x1',
      async (page, app) => {
        const code = await openCode(app);
        await app.code.copy.click();
        await app.code.waitForCopied('Copied');
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    ));

  // With no service worker to keep a copy (a first visit that never
  // finished, a browser without them), the worker comes from the network.
  test('a worker that cannot load is reported where the code would be', () =>
    withLink(
      '',
      async (page, app) => {
        await page.route('**/code-worker*', (route) => route.fulfill({ status: 404 }));
        await app.code.show.click();
        await app.code.failed.waitFor();
        assert.match(await app.code.failed.textContent(), /could not be loaded/);
        assert.equal(await app.editor.rows.count(), 30, 'the scenario is untouched');
      },
      { serviceWorkers: 'block' },
    ));

  test('the Python shown runs as it is under python3', () =>
    withLink('#tasks=boil:1+c0.2,o0.5,r0.3+w0.1,late:3+!0.8&limit=2&timeout=5', async (page, app) => {
      const code = await openCode(app);
      const faster = code.replace(/^SCALE = 1 {2}#/m, 'SCALE = 0.05  #');
      assert.notEqual(faster, code, 'SCALE is at the top');
      const output = execFileSync('python3', ['-c', faster], { encoding: 'utf8' });
      assert.match(output, /^Start of long operation № 1 \(boil\): 0\.0\d{3}$/m);
      assert.match(output, /^Long operation № 4 \(late\) cancelled$/m);
      assert.match(output, /^Completed 3 operations\.$/m);
      assert.match(output, /^Most held in memory: 1 chunk of 64 MB$/m);
      assert.match(output, /^Program finished in \d+\.\d{4}$/m);
    }));
});
